//! `ipaddr` properties: no panic on any text, lines inside the input, generated tables
//! read back unchanged through paste damage, and the corpus cases g01-g06.

mod esxcli_support;
mod support;

use std::net::{Ipv4Addr, Ipv6Addr};

use esxcli_support::{render, sections, variants};
use proptest::prelude::*;
use support::{any_bytes, corpus_file, corpus_input, edits, line_count, mutate};
use vmkcheck_core::ipaddr::{Ipv4Row, Ipv4Table, Ipv6Row, Ipv6Table};

const V4_TITLES: [&str; 7] = [
    "Name",
    "IPv4 Address",
    "IPv4 Netmask",
    "IPv4 Broadcast",
    "Address Type",
    "Gateway",
    "DHCP DNS",
];
const V6_TITLES: [&str; 5] = ["Interface", "Address", "Netmask", "Type", "Status"];

/// Walks everything both parsers give and checks every line lies inside the text.
fn walk(text: &str) {
    let n = line_count(text);
    let v4 = Ipv4Table::parse(text);
    let v6 = Ipv6Table::parse(text);
    for r in v4.rows() {
        assert!((1..=n).contains(&r.line), "{r:?}");
    }
    for r in v6.rows() {
        assert!((1..=n).contains(&r.line), "{r:?}");
    }
    for d in v4.diagnostics().chain(v6.diagnostics()) {
        assert!((1..=n).contains(&d.line), "{d:?}");
        let _ = d.to_string();
    }
    #[cfg(feature = "serde")]
    {
        serde_json::to_string(&v4).unwrap();
        serde_json::to_string(&v6).unwrap();
    }
    let _ = text.lines().map(|l| {
        Ipv4Table::is_start(l)
            | Ipv4Table::is_continuation(l)
            | Ipv6Table::is_start(l)
            | Ipv6Table::is_continuation(l)
    });
}

#[derive(Clone, Debug)]
struct V4 {
    vmk: u16,
    addr: Ipv4Addr,
    prefix: u32,
    type_: &'static str,
    gateway: Ipv4Addr,
    dhcp: bool,
}

fn v4() -> impl Strategy<Value = V4> {
    (
        0u16..200,
        any::<u32>(),
        1u32..=32,
        prop::sample::select(vec!["STATIC", "DHCP", "NONE"]),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(vmk, a, prefix, type_, g, dhcp)| V4 {
            vmk,
            addr: Ipv4Addr::from(a),
            prefix,
            type_,
            gateway: Ipv4Addr::from(g),
            dhcp,
        })
}

impl V4 {
    fn mask(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::MAX << (32 - self.prefix))
    }
    fn broadcast(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.addr) | !u32::from(self.mask()))
    }
    fn cells(&self, gateway: bool) -> Vec<String> {
        let mut c = vec![
            format!("vmk{}", self.vmk),
            self.addr.to_string(),
            self.mask().to_string(),
            self.broadcast().to_string(),
            self.type_.to_string(),
        ];
        if gateway {
            c.push(self.gateway.to_string());
        }
        c.push(self.dhcp.to_string());
        c
    }
    fn check(&self, r: &Ipv4Row<'_>, gateway: bool) {
        assert_eq!(r.interface, format!("vmk{}", self.vmk));
        assert_eq!(r.address, Some(self.addr.to_string().as_str()));
        assert_eq!(r.netmask, Some(self.mask().to_string().as_str()));
        assert_eq!(r.prefix_len, Some(self.prefix as u8));
        assert_eq!(r.broadcast, Some(self.broadcast().to_string().as_str()));
        assert_eq!(r.type_, Some(self.type_));
        let g = gateway.then(|| self.gateway.to_string());
        assert_eq!(r.gateway, g.as_deref());
        assert_eq!(r.dhcp_dns, Some(self.dhcp));
    }
}

#[derive(Clone, Debug)]
struct V6 {
    vmk: u16,
    addr: Ipv6Addr,
    prefix: u8,
    type_: &'static str,
    status: &'static str,
}

fn v6() -> impl Strategy<Value = V6> {
    (
        0u16..200,
        any::<u128>(),
        0u8..=128,
        prop::sample::select(vec!["STATIC", "DHCP", "AUTOCONF"]),
        prop::sample::select(vec!["PREFERRED", "DEPRECATED", "TENTATIVE"]),
    )
        .prop_map(|(vmk, a, prefix, type_, status)| V6 {
            vmk,
            addr: Ipv6Addr::from(a),
            prefix,
            type_,
            status,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(bytes in any_bytes()) {
        walk(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_samples_never_panic(
        file in 0usize..1000,
        edits in edits(),
    ) {
        walk(&mutate(&corpus_file(file), &edits));
    }

    #[test]
    fn ipv4_tables_read_back(rows in proptest::collection::vec(v4(), 1..6), gateway in any::<bool>()) {
        let titles: Vec<&str> = V4_TITLES.iter().copied().filter(|t| gateway || *t != "Gateway").collect();
        let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells(gateway)).collect();
        let text = render(&titles, &cells, &[titles.len() - 1]);
        let mut all = vec![(text.clone(), (|n| n) as fn(u32) -> u32)];
        all.extend(variants(&text));
        for (t, at) in all {
            let table = Ipv4Table::parse(&t);
            let got: Vec<_> = table.rows().collect();
            prop_assert_eq!(got.len(), rows.len(), "{}", t);
            for (i, (g, want)) in got.iter().zip(&rows).enumerate() {
                want.check(g, gateway);
                prop_assert_eq!(g.line, at(i as u32 + 3));
            }
            prop_assert!(table.diagnostics().all(|d| d.kind == vmkcheck_core::DiagnosticKind::HeaderCollapsed), "{}", t);
        }
    }

    #[test]
    fn ipv6_tables_read_back(rows in proptest::collection::vec(v6(), 1..6)) {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| vec![format!("vmk{}", r.vmk), r.addr.to_string(), r.prefix.to_string(), r.type_.into(), r.status.into()])
            .collect();
        let text = render(&V6_TITLES, &cells, &[2]);
        let mut all = vec![(text.clone(), (|n| n) as fn(u32) -> u32)];
        all.extend(variants(&text));
        for (t, at) in all {
            let table = Ipv6Table::parse(&t);
            let got: Vec<Ipv6Row<'_>> = table.rows().collect();
            prop_assert_eq!(got.len(), rows.len(), "{}", t);
            for (i, (g, want)) in got.iter().zip(&rows).enumerate() {
                let a = want.addr.to_string();
                prop_assert_eq!(g.interface, format!("vmk{}", want.vmk));
                prop_assert_eq!(g.address, Some(a.as_str()));
                prop_assert_eq!(g.prefix_len, Some(want.prefix));
                prop_assert_eq!((g.type_, g.status), (Some(want.type_), Some(want.status)));
                prop_assert_eq!(g.line, at(i as u32 + 3));
            }
        }
    }
}

fn v4_rows(case: &str) -> Vec<(u32, String)> {
    let text = corpus_input(case);
    let secs = sections(&text);
    let (cmd, lines) = secs.into_iter().next().unwrap();
    let t = Ipv4Table::from_lines(lines, cmd);
    assert_eq!(
        t.diagnostics().map(|d| d.kind.as_str()).collect::<Vec<_>>(),
        Vec::<&str>::new(),
        "{case}"
    );
    t.rows()
        .map(|r| {
            (
                r.line,
                format!(
                    "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    r.interface,
                    r.address,
                    r.netmask,
                    r.prefix_len,
                    r.broadcast,
                    r.type_,
                    r.gateway,
                    r.dhcp_dns
                ),
            )
        })
        .collect()
}

fn v6_rows(case: &str) -> Vec<(u32, String)> {
    let text = corpus_input(case);
    let (cmd, lines) = sections(&text).into_iter().last().unwrap();
    let t = Ipv6Table::from_lines(lines, cmd);
    assert_eq!(t.diagnostics().count(), 0, "{case}");
    t.rows()
        .map(|r| {
            (
                r.line,
                format!(
                    "{} {:?} {:?} {:?} {:?}",
                    r.interface, r.address, r.prefix_len, r.type_, r.status
                ),
            )
        })
        .collect()
}

#[test]
fn corpus_g01_ipv4_55() {
    let rows = v4_rows("g01-ipv4-get-55-no-gateway");
    assert_eq!(
        rows,
        [
            (4, r#"vmk0 Some("192.0.2.51") Some("255.255.255.0") Some(24) Some("192.0.2.255") Some("STATIC") None Some(false)"#.into()),
            (5, r#"vmk1 Some("198.51.100.51") Some("255.255.255.0") Some(24) Some("198.51.100.255") Some("STATIC") None Some(false)"#.into()),
            (6, r#"vmk2 Some("203.0.113.51") Some("255.255.255.192") Some(26) Some("203.0.113.63") Some("STATIC") None Some(false)"#.into()),
        ]
    );
}

#[test]
fn corpus_g02_ipv4_70_crlf() {
    let rows = v4_rows("g02-ipv4-get-70-gateway-crlf");
    assert_eq!(
        rows,
        [
            (4, r#"vmk0 Some("192.0.2.52") Some("255.255.255.0") Some(24) Some("192.0.2.255") Some("DHCP") Some("192.0.2.1") Some(true)"#.into()),
            (5, r#"vmk1 Some("198.51.100.52") Some("255.255.255.0") Some(24) Some("198.51.100.255") Some("STATIC") Some("198.51.100.1") Some(false)"#.into()),
            (6, r#"vmk2 Some("203.0.113.52") Some("255.255.255.0") Some(24) Some("203.0.113.255") Some("STATIC") Some("0.0.0.0") Some(false)"#.into()),
            (7, r#"vmk3 None None None None Some("NONE") Some("0.0.0.0") Some(false)"#.into()),
        ]
    );
}

#[test]
fn corpus_g03_ipv4_80_collapsed_one_vmk() {
    let text = corpus_input("g03-ipv4-get-80-one-vmk-collapsed");
    let (cmd, lines) = sections(&text).into_iter().next().unwrap();
    let t = Ipv4Table::from_lines(lines, cmd);
    assert_eq!(t.interface(), Some("vmk1"));
    let d: Vec<_> = t.diagnostics().map(|d| (d.line, d.kind.as_str())).collect();
    assert_eq!(d, [(2, "header_collapsed")]);
    let r: Vec<_> = t.rows().collect();
    assert_eq!(r.len(), 1);
    assert_eq!(
        (
            r[0].line,
            r[0].interface,
            r[0].address,
            r[0].prefix_len,
            r[0].broadcast,
            r[0].gateway,
            r[0].dhcp_dns
        ),
        (
            4,
            "vmk1",
            Some("198.51.100.53"),
            Some(25),
            Some("198.51.100.127"),
            Some("198.51.100.1"),
            Some(false)
        )
    );
}

#[test]
fn corpus_g04_to_g06_ipv6() {
    let g04 = v6_rows("g04-ipv6-address-list-65-several-per-vmk");
    assert_eq!(g04.iter().map(|r| r.0).collect::<Vec<_>>(), [4, 5, 6, 7, 8]);
    assert_eq!(
        g04[0].1,
        r#"vmk0 Some("fe80::250:56ff:fe6a:5404") Some(64) Some("STATIC") Some("PREFERRED")"#
    );
    assert_eq!(
        g04[4].1,
        r#"vmk2 Some("fe80::250:56ff:fe6c:5404") Some(64) Some("STATIC") Some("PREFERRED")"#
    );
    let g05 = v6_rows("g05-ipv6-address-list-70-autoconf-blank-lines");
    assert_eq!(
        g05.iter().map(|r| r.0).collect::<Vec<_>>(),
        [7, 9, 11, 13, 15]
    );
    assert_eq!(
        g05[1].1,
        r#"vmk0 Some("2001:db8:1:0:250:56ff:fe6a:5505") Some(64) Some("AUTOCONF") Some("PREFERRED")"#
    );
    assert_eq!(
        g05[2].1,
        r#"vmk0 Some("2001:db8:1::55") Some(128) Some("DHCP") Some("DEPRECATED")"#
    );
    assert_eq!(
        g05[3].1,
        r#"vmk1 Some("fe80::250:56ff:fe6b:5505") Some(64) Some("STATIC") Some("TENTATIVE")"#
    );
    // g06: no command; the splitter starts the section at the title line.
    let text = corpus_input("g06-ipv6-address-list-80-no-command");
    let start = text.lines().position(Ipv6Table::is_start).unwrap();
    assert_eq!(start, 2);
    assert!(text.lines().skip(start + 1).all(Ipv6Table::is_continuation));
    let rest: String = text.split_inclusive('\n').skip(start).collect();
    let lines =
        vmkcheck_core::lines::Lines::span(&rest, text.len() - rest.len(), 3, Default::default());
    let t = Ipv6Table::from_lines(lines, None);
    assert_eq!(t.diagnostics().count(), 0);
    let rows: Vec<_> = t
        .rows()
        .map(|r| (r.line, r.interface, r.address.unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            (5, "vmk0", "fe80::250:56ff:fe6a:5606"),
            (6, "vmk0", "2001:db8:1::56"),
            (7, "vmk1", "fe80::250:56ff:fe6b:5606"),
            (8, "vmk1", "2001:db8:10::56"),
        ]
    );
}
