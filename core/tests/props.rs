//! Properties every parser must keep, on arbitrary input and on the shared corpus.

mod support;

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use support::{any_bytes, blank_after_every_line, corpus, corpus_file, edits, line_count, mutate};
use vmkcheck_core::transcript::{self, SectionKind};
use vmkcheck_core::vmknic::{self, Family, VmknicRow};
use vmkcheck_core::{Diagnostic, vmkping};

/// Everything a user can reach from a transcript, flattened, with line numbers.
/// Walking it exercises every iterator and every `Display`.
fn walk(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let t = transcript::parse(text);
    for s in t.sections() {
        out.push((
            s.line,
            format!("section {} {:?} {:?}", s.kind.as_str(), s.host, s.command),
        ));
        if let Some(table) = s.vmknic() {
            for r in table.rows() {
                let mut r0 = r;
                r0.line = 0;
                out.push((r.line, format!("{r0:?}")));
            }
        }
        if let Some(run) = s.vmkping() {
            out.push((
                run.line,
                format!(
                    "run {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
                    run.command
                        .map(|c| (c.text, c.target, c.netstack, c.interface, c.df, c.size)),
                    run.destination,
                    run.data_bytes,
                    run.packets_transmitted(),
                    run.packets_received(),
                    run.packet_loss_percent(),
                    run.duplicates(),
                    run.complete()
                ),
            ));
            for r in run.responses() {
                let mut r0 = r;
                r0.line = 0;
                out.push((r.line, format!("{r0:?}")));
            }
        }
    }
    for d in t.diagnostics() {
        out.push((d.line, format!("diag {} {}", d.kind.as_str(), d)));
    }
    out
}

fn assert_lines_inside(text: &str, items: &[(u32, String)]) {
    let n = line_count(text);
    for (line, what) in items {
        assert!(
            (1..=n).contains(line),
            "line {line} outside 1..={n}: {what}"
        );
    }
}

const NOISE: &[u8] = b" \t\r\n.:-#>[]@vmkPING0123456789/()=%,";

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// (1) No input panics or loops, (4) every line number lies inside the input.
    #[test]
    fn arbitrary_text_never_panics(bytes in any_bytes()) {
        let text = String::from_utf8_lossy(&bytes);
        let items = walk(&text);
        assert_lines_inside(&text, &items);
        let _ = vmknic::parse(&text).map(|t| t.diagnostics().count());
        let _ = vmkping::parse(&text).map(|r| r.responses().count() + r.diagnostics().count());
    }

    #[test]
    fn format_shaped_noise_never_panics(idx in proptest::collection::vec(0usize..NOISE.len(), 0..1024)) {
        let text: String = idx.iter().map(|i| char::from(NOISE[*i])).collect();
        let items = walk(&text);
        assert_lines_inside(&text, &items);
    }

    #[test]
    fn mutated_corpus_never_panics(
        file in 0usize..1000,
        edits in edits(),
    ) {
        let text = mutate(&corpus_file(file), &edits);
        let items = walk(&text);
        assert_lines_inside(&text, &items);
        let _ = vmknic::parse(&text).map(|t| t.rows().count());
        let _ = vmkping::parse(&text).map(|r| r.diagnostics().count());
    }
}

// ---- (2) render arbitrary rows in every layout; they parse back unchanged ----

#[derive(Clone, Debug)]
struct GenRow {
    interface: String,
    portgroup: String,
    family: Family,
    address: Option<String>,
    netmask: Option<String>,
    broadcast: Option<String>,
    mac: String,
    mtu: u32,
    tso: u32,
    enabled: bool,
    type_: &'static str,
    netstack: String,
}

fn portgroup() -> impl Strategy<Value = String> {
    let word = "[A-Za-z][A-Za-z0-9_-]{0,8}";
    prop_oneof![
        proptest::collection::vec(word, 1..4).prop_map(|w| w.join(" ")),
        (0u32..4096).prop_map(|n| n.to_string()),
        any::<u128>().prop_map(|u| {
            let h = format!("{u:032x}");
            format!(
                "{}-{}-{}-{}-{}",
                &h[..8],
                &h[8..12],
                &h[12..16],
                &h[16..20],
                &h[20..]
            )
        }),
        proptest::sample::select(vec![
            "管理ネットワーク",
            "vMotion-Réseau",
            "ストレージ 2",
            "Ünïcode PG"
        ])
        .prop_map(String::from),
    ]
}

fn gen_row() -> impl Strategy<Value = GenRow> {
    let v4 = (any::<u32>(), 8u32..31).prop_map(|(a, p)| {
        let mask = u32::MAX << (32 - p);
        let addr = Ipv4Addr::from(a);
        (
            Some(addr.to_string()),
            Some(Ipv4Addr::from(mask).to_string()),
            Some(Ipv4Addr::from(a | !mask).to_string()),
        )
    });
    let na = Just((None::<String>, None::<String>, None::<String>));
    let v6 = (any::<u128>(), 16u32..128).prop_map(|(a, p)| {
        (
            Some(Ipv6Addr::from(a).to_string()),
            Some(p.to_string()),
            None,
        )
    });
    let addr = prop_oneof![
        4 => v4.prop_map(|t| (Family::Ipv4, t)),
        1 => na.prop_map(|t| (Family::Ipv4, t)),
        3 => v6.prop_map(|t| (Family::Ipv6, t)),
    ];
    (
        0u32..200,
        portgroup(),
        addr,
        any::<[u8; 6]>(),
        prop_oneof![Just(1500u32), Just(9000), 1280u32..9001],
        prop_oneof![Just(65535u32), 536u32..65536],
        any::<bool>(),
        proptest::sample::select(vec!["STATIC", "DHCP", "STATIC, PREFERRED", "NONE"]),
        proptest::sample::select(vec![
            "defaultTcpipStack",
            "vmotion",
            "vSphereProvisioning",
            "vxlan",
            "hyperbus",
            "ops",
            "custom_Stack1",
        ]),
    )
        .prop_map(
            |(
                n,
                portgroup,
                (family, (address, netmask, broadcast)),
                mac,
                mtu,
                tso,
                enabled,
                type_,
                netstack,
            )| GenRow {
                interface: format!("vmk{n}"),
                portgroup,
                family,
                address,
                netmask,
                broadcast,
                mac: mac
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(":"),
                mtu,
                tso,
                enabled,
                type_,
                netstack: netstack.to_owned(),
            },
        )
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Col {
    Iface,
    Pg,
    Fam,
    Addr,
    Mask,
    Bcast,
    Mac,
    Mtu,
    Tso,
    En,
    Type,
    Stack,
}

/// Layouts by era: titles, byte widths and what each column holds.
fn layouts() -> Vec<Vec<(&'static str, usize, Col)>> {
    use Col::*;
    vec![
        vec![
            ("Interface", 11, Iface),
            ("Port Group/DVPort/Opaque Network", 40, Pg),
            ("IP Family", 10, Fam),
            ("IP Address", 40, Addr),
            ("Netmask", 16, Mask),
            ("Broadcast", 16, Bcast),
            ("MAC Address", 18, Mac),
            ("MTU", 8, Mtu),
            ("TSO MSS", 10, Tso),
            ("Enabled", 8, En),
            ("Type", 20, Type),
            ("NetStack", 20, Stack),
        ],
        vec![
            ("Interface", 11, Iface),
            ("Port Group/DVPort", 40, Pg),
            ("IP Family", 10, Fam),
            ("IP Address", 40, Addr),
            ("Netmask", 16, Mask),
            ("Broadcast", 16, Bcast),
            ("MAC Address", 18, Mac),
            ("MTU", 8, Mtu),
            ("TSO MSS", 10, Tso),
            ("Enabled", 8, En),
            ("Type", 20, Type),
        ],
        vec![
            ("Interface", 11, Iface),
            ("Port Group", 40, Pg),
            ("IP Address", 40, Addr),
            ("Netmask", 16, Mask),
            ("Broadcast", 16, Bcast),
            ("MAC Address", 18, Mac),
            ("MTU", 8, Mtu),
            ("Enabled", 8, En),
            ("Type", 20, Type),
        ],
        vec![
            ("Interface", 11, Iface),
            ("Port Group", 40, Pg),
            ("IP Address", 40, Addr),
            ("Netmask", 16, Mask),
            ("MTU", 8, Mtu),
        ],
    ]
}

fn cell(r: &GenRow, c: Col) -> String {
    let na = |v: &Option<String>| {
        v.clone().unwrap_or_else(|| {
            if r.family == Family::Ipv4 {
                "N/A".into()
            } else {
                String::new()
            }
        })
    };
    match c {
        Col::Iface => r.interface.clone(),
        Col::Pg => r.portgroup.clone(),
        Col::Fam => {
            if r.family == Family::Ipv4 {
                "IPv4".into()
            } else {
                "IPv6".into()
            }
        }
        Col::Addr => na(&r.address),
        Col::Mask => na(&r.netmask),
        Col::Bcast => na(&r.broadcast),
        Col::Mac => r.mac.clone(),
        Col::Mtu => r.mtu.to_string(),
        Col::Tso => r.tso.to_string(),
        Col::En => r.enabled.to_string(),
        Col::Type => r.type_.into(),
        Col::Stack => r.netstack.clone(),
    }
}

fn render(layout: &[(&str, usize, Col)], rows: &[GenRow]) -> String {
    let mut s = String::new();
    for (title, w, _) in layout {
        let _ = write!(s, "{title:<w$}");
    }
    s.push('\n');
    for r in rows {
        for (_, w, c) in layout {
            // Padding by bytes, as ESXi's printf does.
            let v = cell(r, *c);
            s.push_str(&v);
            s.push_str(&" ".repeat(w.saturating_sub(v.len()).max(1)));
        }
        s.push('\n');
    }
    s
}

fn check_row(layout: &[(&str, usize, Col)], g: &GenRow, p: &VmknicRow<'_>) {
    let has = |c: Col| layout.iter().any(|(_, _, k)| *k == c);
    assert_eq!(p.interface, g.interface);
    assert_eq!(p.portgroup, Some(g.portgroup.as_str()));
    assert_eq!(p.family, g.family);
    assert_eq!(p.address, g.address.as_deref());
    assert_eq!(p.netmask, g.netmask.as_deref());
    assert_eq!(
        p.broadcast,
        if has(Col::Bcast) {
            g.broadcast.as_deref()
        } else {
            None
        }
    );
    assert_eq!(p.mac, has(Col::Mac).then_some(g.mac.as_str()));
    assert_eq!(p.mtu, Some(g.mtu));
    assert_eq!(p.tso_mss, has(Col::Tso).then_some(g.tso));
    assert_eq!(p.enabled, has(Col::En).then_some(g.enabled));
    assert_eq!(p.type_, has(Col::Type).then_some(g.type_));
    assert_eq!(p.netstack, has(Col::Stack).then_some(g.netstack.as_str()));
    assert!(
        g.netmask.is_none() || p.prefix_len.is_some(),
        "prefix of {:?}",
        g.netmask
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn rendered_tables_parse_back(layout in 0usize..4, rows in proptest::collection::vec(gen_row(), 1..8)) {
        let layout = &layouts()[layout];
        let text = render(layout, &rows);
        let table = vmknic::parse(&text).expect("a table");
        let parsed: Vec<_> = table.rows().collect();
        prop_assert_eq!(parsed.len(), rows.len(), "{}", text);
        for (g, p) in rows.iter().zip(&parsed) {
            check_row(layout, g, p);
            prop_assert!(!p.misaligned(), "row read by shape: {}", text);
        }
        let unexpected: Vec<Diagnostic<'_>> = table.diagnostics().collect();
        prop_assert!(unexpected.is_empty(), "{:?}\n{}", unexpected, text);
    }

    #[test]
    fn collapsed_blanks_still_parse(layout in 0usize..4, rows in proptest::collection::vec(gen_row(), 1..6)) {
        // A blog engine collapses runs of blanks: positions are lost, shapes remain.
        let layout = &layouts()[layout];
        let text = render(layout, &rows);
        let collapsed: String = text.lines().map(|l| l.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ") + "\n").collect();
        let table = vmknic::parse(&collapsed).expect("a table");
        let parsed: Vec<_> = table.rows().collect();
        prop_assert_eq!(parsed.len(), rows.len(), "{}", collapsed);
        for (g, p) in rows.iter().zip(&parsed) {
            check_row(layout, g, p);
        }
    }
}

// ---- (3) noise a paste picks up changes no parsed value ----

fn values(text: &str) -> Vec<String> {
    walk(text).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn noise_changes_no_parsed_value() {
    type Transform = fn(&str) -> String;
    let transforms: [(&str, Transform); 6] = [
        ("crlf", |t| t.replace("\r\n", "\n").replace('\n', "\r\n")),
        ("trailing blanks", |t| {
            t.lines().map(|l| format!("{l}   \n")).collect()
        }),
        ("blank line after every line", blank_after_every_line),
        ("indent", |t| {
            t.lines()
                .map(|l| {
                    if l.trim().is_empty() {
                        "\n".into()
                    } else {
                        format!("    {l}\n")
                    }
                })
                .collect()
        }),
        ("quote", |t| t.lines().map(|l| format!("> {l}\n")).collect()),
        ("html pre", |t| format!("<pre>\n{t}</pre>\n")),
    ];
    for base in corpus() {
        let expected = values(&base);
        for (name, f) in &transforms {
            let got = values(&f(&base));
            assert_eq!(got, expected, "{name} changed the result of:\n{base}");
        }
    }
}

#[test]
fn sample_transcript_has_two_hosts_two_tables_four_runs() {
    let text = include_str!("../../tests/corpus/softlayer-two-hosts/input.txt");
    let t = transcript::parse(text);
    let sections: Vec<_> = t.sections().collect();
    let tables: Vec<_> = sections.iter().filter_map(|s| s.vmknic()).collect();
    let runs: Vec<_> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Vmkping)
        .collect();
    assert_eq!(tables.len(), 2);
    assert!(tables.iter().all(|t| t.rows().count() == 4));
    assert_eq!(runs.len(), 4);
    let mut hosts: Vec<_> = sections.iter().filter_map(|s| s.host).collect();
    hosts.dedup();
    assert_eq!(hosts, ["ibmesx01", "ibmesx02", "ibmesx01", "ibmesx02"]);
}

proptest! {
    /// The integer-based decimal reader gives exactly the float parser's value.
    #[test]
    fn parse_decimal_matches_the_float_parser(int in 0u64..10_000_000, frac in 0u64..1_000_000, places in 0usize..7) {
        let text = if places == 0 { int.to_string() } else { format!("{int}.{:0width$}", frac % 10u64.pow(places as u32), width = places) };
        let ours = vmkcheck_core::shape::parse_decimal(&text);
        prop_assert_eq!(ours.map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits), "{}", text);
    }
}
