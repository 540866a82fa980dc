//! `route` properties: no panic on any text, lines inside the input, generated route
//! tables read back unchanged through paste damage, and the corpus cases g07-g09.

mod esxcli_support;
mod support;

use std::net::{Ipv4Addr, Ipv6Addr};

use esxcli_support::{render, sections, variants};
use proptest::prelude::*;
use support::{any_bytes, corpus_file, corpus_input, edits, line_count, mutate};
use vmkcheck_core::lines::{Lines, Wrapper};
use vmkcheck_core::route::{self, Family, RouteTable};

fn walk(text: &str) {
    let n = line_count(text);
    let t = RouteTable::parse(text);
    for r in t.rows() {
        assert!((1..=n).contains(&r.line), "{r:?}");
        let _ = r.is_default();
    }
    for d in t.diagnostics() {
        assert!((1..=n).contains(&d.line), "{d:?}");
        let _ = d.to_string();
    }
    #[cfg(feature = "serde")]
    serde_json::to_string(&t).unwrap();
    for l in text.lines() {
        let _ = route::is_start(l) | route::is_continuation(l);
    }
}

#[derive(Clone, Debug)]
struct Route {
    network: String,
    netmask: String,
    prefix: u8,
    gateway: String,
    vmk: u16,
    source: &'static str,
}

fn v4_route() -> impl Strategy<Value = Route> {
    (
        any::<u32>(),
        0u32..=32,
        any::<u32>(),
        0u16..100,
        any::<bool>(),
    )
        .prop_map(|(n, p, g, vmk, dflt)| {
            let mask = u32::MAX.checked_shl(32 - p).unwrap_or(0);
            Route {
                network: if dflt && p == 0 {
                    "default".into()
                } else {
                    Ipv4Addr::from(n & mask).to_string()
                },
                netmask: Ipv4Addr::from(mask).to_string(),
                prefix: p as u8,
                gateway: Ipv4Addr::from(g).to_string(),
                vmk,
                source: if dflt { "DHCP" } else { "MANUAL" },
            }
        })
}

fn v6_route() -> impl Strategy<Value = Route> {
    (
        any::<u128>(),
        0u8..=128,
        any::<u128>(),
        0u16..100,
        any::<bool>(),
    )
        .prop_map(|(n, p, g, vmk, dflt)| Route {
            network: if dflt {
                "default".into()
            } else {
                Ipv6Addr::from(n).to_string()
            },
            netmask: p.to_string(),
            prefix: p,
            gateway: if dflt {
                "::".into()
            } else {
                Ipv6Addr::from(g).to_string()
            },
            vmk,
            source: "MANUAL",
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
    fn route_tables_read_back(
        v6 in any::<bool>(),
        source in any::<bool>(),
        rows4 in proptest::collection::vec(v4_route(), 1..6),
        rows6 in proptest::collection::vec(v6_route(), 1..6),
    ) {
        let rows = if v6 { rows6 } else { rows4 };
        let titles: &[&str] = if source {
            &["Network", "Netmask", "Gateway", "Interface", "Source"]
        } else {
            &["Network", "Netmask", "Gateway", "Interface"]
        };
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut c = vec![r.network.clone(), r.netmask.clone(), r.gateway.clone(), format!("vmk{}", r.vmk)];
                if source {
                    c.push(r.source.into());
                }
                c
            })
            .collect();
        let right: &[usize] = if v6 { &[1] } else { &[] };
        let text = render(titles, &cells, right);
        let mut all = vec![(text.clone(), (|n| n) as fn(u32) -> u32)];
        all.extend(variants(&text));
        let family = if v6 { Family::Ipv6 } else { Family::Ipv4 };
        let command = if v6 {
            "esxcli network ip route ipv6 list -N vmotion"
        } else {
            "esxcli network ip route ipv4 list -N vmotion"
        };
        for (t, at) in all {
            let table = RouteTable::from_lines(Lines::span(&t, 0, 1, Wrapper::default()), Some(command));
            let got: Vec<_> = table.rows().collect();
            prop_assert_eq!(got.len(), rows.len(), "{}", t);
            for (i, (g, want)) in got.iter().zip(&rows).enumerate() {
                prop_assert_eq!(g.line, at(i as u32 + 3));
                prop_assert_eq!(g.netstack, Some("vmotion"));
                prop_assert_eq!(g.family, family);
                prop_assert_eq!(g.network, Some(want.network.as_str()));
                prop_assert_eq!(g.netmask, Some(want.netmask.as_str()));
                prop_assert_eq!(g.prefix_len, Some(want.prefix));
                prop_assert_eq!(g.gateway, Some(want.gateway.as_str()));
                let vmk = format!("vmk{}", want.vmk);
                prop_assert_eq!(g.interface, Some(vmk.as_str()));
                prop_assert_eq!(g.source, source.then_some(want.source));
            }
            prop_assert!(table.diagnostics().all(|d| d.kind == vmkcheck_core::DiagnosticKind::HeaderCollapsed), "{}", t);
            // Without the command the family still comes out of the values.
            let plain = RouteTable::parse(&t);
            prop_assert!(plain.rows().all(|r| r.family == family && r.netstack.is_none()), "{}", t);
        }
    }
}

fn rows(t: &RouteTable<'_>) -> Vec<String> {
    t.rows()
        .map(|r| {
            format!(
                "{} {:?} {} {} {} {:?} {} {} {:?}",
                r.line,
                r.netstack,
                r.family.as_str(),
                r.network.unwrap(),
                r.netmask.unwrap(),
                r.prefix_len,
                r.gateway.unwrap(),
                r.interface.unwrap(),
                r.source
            )
        })
        .collect()
}

#[test]
fn corpus_g07_vmotion_default_gateway() {
    let text = corpus_input("g07-route-list-vmotion-default-gateway");
    let secs = sections(&text);
    assert_eq!(secs.len(), 2);
    let a = RouteTable::from_lines(secs[0].1, secs[0].0);
    let b = RouteTable::from_lines(secs[1].1, secs[1].0);
    assert_eq!(a.diagnostics().count() + b.diagnostics().count(), 0);
    assert_eq!(
        rows(&a),
        [
            r#"4 Some("defaultTcpipStack") ipv4 default 0.0.0.0 Some(0) 192.0.2.1 vmk0 Some("MANUAL")"#,
            r#"5 Some("defaultTcpipStack") ipv4 192.0.2.0 255.255.255.0 Some(24) 0.0.0.0 vmk0 Some("MANUAL")"#,
            r#"6 Some("defaultTcpipStack") ipv4 203.0.113.0 255.255.255.0 Some(24) 0.0.0.0 vmk2 Some("MANUAL")"#,
        ]
    );
    assert_eq!(
        rows(&b),
        [
            r#"10 Some("vmotion") ipv4 default 0.0.0.0 Some(0) 198.51.100.1 vmk1 Some("MANUAL")"#,
            r#"11 Some("vmotion") ipv4 198.51.100.0 255.255.255.0 Some(24) 0.0.0.0 vmk1 Some("MANUAL")"#,
        ]
    );
    assert!(b.rows().next().unwrap().is_default());
}

#[test]
fn corpus_g08_ipv6() {
    let text = corpus_input("g08-route-list-ipv6");
    let (cmd, lines) = sections(&text).into_iter().next().unwrap();
    let t = RouteTable::from_lines(lines, cmd);
    assert_eq!(t.diagnostics().count(), 0);
    assert_eq!(
        rows(&t),
        [
            r#"4 Some("defaultTcpipStack") ipv6 default 0 Some(0) 2001:db8:1::1 vmk0 Some("MANUAL")"#,
            r#"5 Some("defaultTcpipStack") ipv6 2001:db8:1:: 64 Some(64) :: vmk0 Some("MANUAL")"#,
            r#"6 Some("defaultTcpipStack") ipv6 2001:db8:10:: 64 Some(64) :: vmk1 Some("MANUAL")"#,
            r#"7 Some("defaultTcpipStack") ipv6 fe80:: 64 Some(64) :: vmk0 Some("MANUAL")"#,
            r#"8 Some("defaultTcpipStack") ipv6 fe80:: 64 Some(64) :: vmk1 Some("MANUAL")"#,
        ]
    );
}

#[test]
fn corpus_g09_no_source_no_command() {
    let text = corpus_input("g09-route-list-no-source-no-command");
    let start = text.lines().position(route::is_start).unwrap();
    assert_eq!(start, 1);
    assert!(text.lines().skip(start + 1).all(route::is_continuation));
    assert!(!route::is_continuation(text.lines().next().unwrap()));
    let rest: String = text.split_inclusive('\n').skip(start).collect();
    let t = RouteTable::from_lines(
        Lines::span(&rest, text.len() - rest.len(), 2, Wrapper::default()),
        None,
    );
    assert_eq!(t.diagnostics().count(), 0);
    assert_eq!(
        rows(&t),
        [
            "4 None ipv4 default 0.0.0.0 Some(0) 192.0.2.1 vmk0 None",
            "5 None ipv4 192.0.2.0 255.255.255.0 Some(24) 0.0.0.0 vmk0 None",
            "6 None ipv4 198.51.100.0 255.255.255.0 Some(24) 0.0.0.0 vmk1 None",
        ]
    );
}
