//! Parse throughput and rule evaluation cost. `cargo bench -p vmkcheck-core`.
//!
//! - parse: a 1,000-row vmknic table (every layout mixed), 1,000 vmkping runs, a
//!   10 MB pasted transcript (MB/s);
//! - check: 2, 16 and 96 hosts with a full mesh of jumbo vmkping runs (96 hosts:
//!   9,120 runs), buffers allocated once outside the timed loop.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vmkcheck_core::rules::{self, Host, HostSection, PingFact, Row, Source, Workspace};
use vmkcheck_core::{transcript, vmknic, vmkping};

const HEADERS: [&str; 3] = [
    "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack",
    "Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type",
    "Interface Port Group/DVPort/Opaque Network IP Family IP Address Netmask Broadcast MAC Address MTU TSO MSS Enabled Type NetStack",
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
            }
            .expect("write to String");
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

/// Walks everything a front end would: rows, runs, responses, diagnostics.
fn walk(text: &str) -> usize {
    let t = transcript::parse(text);
    let mut n = 0usize;
    for s in t.sections() {
        if let Some(table) = s.vmknic() {
            n += table.rows().count();
        }
        if let Some(run) = s.vmkping() {
            n += run.responses().count();
        }
    }
    n + t.diagnostics().count()
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    let table = vmknic_table(1000);
    g.throughput(Throughput::Bytes(table.len() as u64));
    g.bench_function("vmknic_1000_rows", |b| {
        b.iter(|| {
            vmknic::parse(black_box(&table))
                .map(|t| t.rows().count())
                .unwrap_or(0)
        })
    });
    let runs: String = (0..1000).map(ping_run).collect();
    g.throughput(Throughput::Bytes(runs.len() as u64));
    g.bench_function("vmkping_1000_runs", |b| b.iter(|| walk(black_box(&runs))));
    let one = ping_run(7);
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("vmkping_one_run", |b| {
        b.iter(|| {
            vmkping::parse(black_box(&one))
                .map(|r| r.responses().count())
                .unwrap_or(0)
        })
    });
    let sample = include_str!("../../tests/corpus/softlayer-two-hosts/input.txt");
    let mut big = String::new();
    while big.len() < 10 << 20 {
        big += sample;
        big += &table;
    }
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("transcript_10mb", |b| b.iter(|| walk(black_box(&big))));
    g.finish();
}

/// `hosts` transcripts, each with its vmknic table and a jumbo run to every other host.
pub fn mesh(hosts: usize) -> Vec<(String, String)> {
    let addr = |h: usize| format!("198.51.{}.{}", h / 200, h % 200 + 10);
    (0..hosts)
        .map(|h| {
            let name = format!("esx{h:03}");
            let mut t = format!("[root@{name}:~] esxcfg-vmknic -l\n{}\n", HEADERS[0]);
            writeln!(t, "vmk0       Management Network                      IPv4      192.0.{}.{:<31}255.255.0.0     192.0.255.255   00:50:56:6a:a1:0a 1500    65535     true    STATIC              defaultTcpipStack", h / 200, h % 200 + 10).expect("write");
            writeln!(t, "vmk1       vMotion                                 IPv4      {:<40}255.255.0.0     198.51.255.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion", addr(h)).expect("write");
            writeln!(t, "vmk2       Provisioning                            IPv4      203.0.{}.{:<30}255.255.0.0     203.0.255.255   00:50:56:6c:a1:0a 9000    65535     true    STATIC              vSphereProvisioning", h / 200, h % 200 + 10).expect("write");
            for peer in (0..hosts).filter(|p| *p != h) {
                let a = addr(peer);
                write!(t, "[root@{name}:~] vmkping ++netstack=vmotion -I vmk1 -d -s 8972 {a}\nPING {a} ({a}): 8972 data bytes\n8980 bytes from {a}: icmp_seq=0 ttl=64 time=0.3 ms\n8980 bytes from {a}: icmp_seq=1 ttl=64 time=0.3 ms\n8980 bytes from {a}: icmp_seq=2 ttl=64 time=0.3 ms\n\n--- {a} ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = 0.3/0.3/0.3 ms\n").expect("write");
            }
            (name, t)
        })
        .collect()
}

fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    for hosts in [2usize, 16, 96] {
        let texts = mesh(hosts);
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
        g.bench_with_input(
            BenchmarkId::new("full_mesh_hosts", hosts),
            &sources,
            |b, sources| {
                b.iter(|| {
                    let mut ws = Workspace {
                        hosts: &mut h,
                        rows: &mut r,
                        index: &mut x,
                        pings: &mut p,
                        sections: &mut s,
                    };
                    let mut findings = 0usize;
                    rules::check(black_box(sources), None, &mut ws, &mut |_| findings += 1)
                        .map(|_| findings)
                        .unwrap_or(0)
                })
            },
        );
    }
    g.finish();
}

/// Hostile inputs at 1, 2 and 4 MB: the time must double with the size (linear).
fn pathological(c: &mut Criterion) {
    let families: [(&str, &str); 7] = [
        ("blank_line", " "),
        ("vmk_tokens_one_line", "vmk0 "),
        ("vmk_rows", "vmk0\n"),
        ("bare_prompts", "[root@esx01:~] \n"),
        ("brackets", "[[[[((({{{<<<"),
        (
            "reply_junk",
            "8980 bytes from : icmp_seq= ttl= time= ms (DUP!) ",
        ),
        (
            "header_then_junk_rows",
            "Interface  Port Group IP Address Netmask MTU\nvmk1 a b c d e f g h i j k l m n o p q r s t u v w x y z\n",
        ),
    ];
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (name, unit) in families {
        for mb in [1usize, 2, 4] {
            let text = unit.repeat((mb << 20) / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| walk(black_box(t)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, parse, check, pathological);
criterion_main!(benches);
