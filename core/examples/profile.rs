//! Workloads for an instruction profiler: `cargo build --release -p vmkcheck-core --example
//! profile`, then `valgrind --tool=callgrind target/release/examples/profile MODE [N]` with
//! MODE `vmknic` (a 1,000-row table, three layouts), `one` (one vmkping run), `walk`
//! (1,000 runs through the transcript: sections, responses, diagnostics) or `mesh` (a
//! check of 96 hosts with a full jumbo vmkping mesh); `none` measures
//! the set-up alone, to subtract. See BENCHMARKS.md.

use std::fmt::Write;
use std::hint::black_box;
use vmkcheck_core::{transcript, vmknic, vmkping};
const HEADERS: [&str; 3] = [
    "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack",
    "Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type",
    "Interface Port Group/DVPort IP Family IP Address Netmask Broadcast MAC Address MTU TSO MSS Enabled Type NetStack",
];
fn vmknic_table(rows: usize) -> String {
    let mut s = String::new();
    for (i, chunk) in (0..rows)
        .collect::<Vec<_>>()
        .chunks(rows / 3 + 1)
        .enumerate()
    {
        s += HEADERS[i % 3];
        s.push('\n');
        for r in chunk {
            let (a, b) = (r / 250, r % 250);
            match i % 3 {
                0 => writeln!(s, "vmk{:<8}Management Network                      IPv4      10.{a}.{b}.1{:<27}255.255.255.0   10.{a}.{b}.255     00:50:56:6b:a1:{:02x} 9000    65535     true    STATIC              vmotion", r % 100, "", r % 256),
                1 => writeln!(s, "vmk{:<8}VM Network 2        IPv4      10.{a}.{b}.1{:<27}255.255.255.0   10.{a}.{b}.255     00:50:56:6b:a1:{:02x} 1500    65535     true    STATIC, PREFERRED", r % 100, "", r % 256),
                _ => writeln!(s, "vmk{} 106 IPv6 2001:db8:{a}:{b}::1 64  00:50:56:6b:a1:{:02x} 9000 65535 true STATIC vmotion", r % 100, r % 256),
            }.unwrap();
        }
    }
    s
}
fn ping_run(i: usize) -> String {
    let t = format!("198.51.{}.{}", i / 250 % 250, i % 250);
    format!(
        "[root@esx01:~] vmkping ++netstack=vmotion -I vmk1 -d -s 8972 {t}\nPING {t} ({t}): 8972 data bytes\n8980 bytes from {t}: icmp_seq=0 ttl=64 time=0.311 ms\n8980 bytes from {t}: icmp_seq=2 ttl=64 time=0.287 ms\n\n--- {t} ping statistics ---\n3 packets transmitted, 2 packets received, 33% packet loss\nround-trip min/avg/max = 0.287/0.299/0.311 ms\n"
    )
}
/// `hosts` transcripts, each with its vmknic table and a jumbo run to every other host
/// (as the `check` benchmark).
fn mesh(hosts: usize) -> Vec<(String, String)> {
    let addr = |h: usize| format!("198.51.{}.{}", h / 200, h % 200 + 10);
    (0..hosts)
        .map(|h| {
            let name = format!("esx{h:03}");
            let mut t = format!("[root@{name}:~] esxcfg-vmknic -l\n{}\n", HEADERS[0]);
            writeln!(t, "vmk1       vMotion                                 IPv4      {:<40}255.255.0.0     198.51.255.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion", addr(h)).unwrap();
            for peer in (0..hosts).filter(|p| *p != h) {
                let a = addr(peer);
                write!(t, "[root@{name}:~] vmkping ++netstack=vmotion -I vmk1 -d -s 8972 {a}\nPING {a} ({a}): 8972 data bytes\n8980 bytes from {a}: icmp_seq=0 ttl=64 time=0.3 ms\n8980 bytes from {a}: icmp_seq=1 ttl=64 time=0.3 ms\n8980 bytes from {a}: icmp_seq=2 ttl=64 time=0.3 ms\n\n--- {a} ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = 0.3/0.3/0.3 ms\n").unwrap();
            }
            (name, t)
        })
        .collect()
}

fn check(texts: &[(String, String)]) -> usize {
    use vmkcheck_core::rules::{self, Host, HostSection, PingFact, Row, Source, Workspace};
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(n, t)| Source { name: n, text: t })
        .collect();
    let n = rules::needs(&sources);
    let (mut h, mut r, mut x, mut p, mut s) = (
        vec![Host::EMPTY; n.hosts],
        vec![Row::EMPTY; n.rows],
        vec![0usize; n.rows],
        vec![PingFact::EMPTY; n.pings],
        vec![HostSection::EMPTY; n.sections],
    );
    let mut ws = Workspace {
        hosts: &mut h,
        rows: &mut r,
        index: &mut x,
        pings: &mut p,
        sections: &mut s,
    };
    let mut findings = 0usize;
    rules::check(&sources, None, &mut ws, &mut |_| findings += 1)
        .map(|_| findings)
        .unwrap_or(0)
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|x| x.parse().ok())
        .unwrap_or(1);
    let table = vmknic_table(1000);
    let runs: String = (0..1000).map(ping_run).collect();
    let one = ping_run(7);
    let hosts = if mode == "mesh" { mesh(96) } else { Vec::new() };
    let mut k = 0usize;
    for _ in 0..n {
        match mode.as_str() {
            "vmknic" => {
                k += vmknic::parse(black_box(&table))
                    .map(|t| t.rows().count())
                    .unwrap_or(0)
            }
            "one" => {
                k += vmkping::parse(black_box(&one))
                    .map(|r| r.responses().count())
                    .unwrap_or(0)
            }
            "walk" => {
                let t = transcript::parse(black_box(&runs));
                for s in t.sections() {
                    if let Some(r) = s.vmkping() {
                        k += r.responses().count();
                    }
                }
                k += t.diagnostics().count();
            }
            "mesh" => k += check(&hosts),
            _ => {}
        }
    }
    println!(
        "{k} table {} runs {} one {}",
        table.len(),
        runs.len(),
        one.len()
    );
}
