//! Properties of the `esxcfg-vswitch -l` parser: no panic on anything, every line inside
//! the input, generated switches read back unchanged in every layout and after CRLF, a
//! blank line after every line, or collapsed blanks.

mod support;

use proptest::prelude::*;
use support::{
    any_bytes, assert_inside, collapse_whitespace, corpus_file, corpus_input, edits, mutate_bytes,
};
use vmkcheck_core::lines::Lines;
use vmkcheck_core::vswitch::{self, Event, SwitchKind, VswitchList};

/// Walks everything a user can reach; returns every line number seen.
fn walk(text: &str) -> Vec<u32> {
    let list = VswitchList::parse(text);
    let mut lines = Vec::new();
    for e in list.events() {
        for d in e.diagnostics() {
            assert!(!d.to_string().is_empty());
            lines.push(d.line);
        }
        if let Event::Switch(s) = e {
            lines.push(s.line);
            lines.extend(s.portgroups().map(|p| p.line));
            lines.extend(s.dvports().map(|d| d.line));
            let _ = s.uplinks().count();
        }
    }
    #[cfg(feature = "serde")]
    assert!(serde_json::to_string(&list).expect("json").starts_with('['));
    for l in text.split('\n') {
        let _ = (vswitch::is_start(l), vswitch::is_continuation(l));
    }
    lines
}

// ---- generated switches ----

#[derive(Clone, Debug, PartialEq)]
struct Pg {
    name: String,
    vlan: u16,
    used: u32,
    uplinks: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Dv {
    id: String,
    in_use: bool,
    client: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Sw {
    kind: SwitchKind,
    name: String,
    num: u32,
    used: u32,
    conf: u32,
    mtu: u32,
    uplinks: Vec<String>,
    pgs: Vec<Pg>,
    dvs: Vec<Dv>,
}

fn uplinks() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec((0u32..64).prop_map(|n| format!("vmnic{n}")), 0..4)
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9_-]{0,8}",
        Just("管理".to_string()),
        Just("Réseau".to_string()),
        "[0-9]{1,3}",
    ]
}

fn pg_name() -> impl Strategy<Value = String> {
    (
        "[A-Za-z][A-Za-z0-9_-]{0,8}",
        proptest::collection::vec(word(), 0..3),
    )
        .prop_map(|(first, rest)| {
            std::iter::once(first)
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" ")
        })
}

fn pg() -> impl Strategy<Value = Pg> {
    (pg_name(), 0u16..=4095, 0u32..1000, uplinks()).prop_map(|(name, vlan, used, uplinks)| Pg {
        name,
        vlan,
        used,
        uplinks,
    })
}

fn dv() -> impl Strategy<Value = Dv> {
    (
        prop_oneof!["[0-9]{1,5}", "uplink[0-9]-[a-f0-9]{4}"],
        any::<bool>(),
        proptest::option::of(prop_oneof![
            (0u32..100).prop_map(|n| format!("vmk{n}")),
            (0u32..100).prop_map(|n| format!("vmnic{n}")),
            "[a-z][a-z0-9]{0,6}\\.eth[0-9]",
        ]),
    )
        .prop_map(|(id, in_use, client)| Dv { id, in_use, client })
}

fn sw() -> impl Strategy<Value = Sw> {
    (
        any::<bool>(),
        "[A-Za-z][A-Za-z0-9_-]{0,13}",
        proptest::option::of("[A-Za-z]{1,3}"),
        (0u32..10000, 0u32..10000, 0u32..10000, 1280u32..9001),
        uplinks(),
        proptest::collection::vec(pg(), 0..4),
        proptest::collection::vec(dv(), 0..4),
    )
        .prop_map(
            |(dist, name, suffix, (num, used, conf, mtu), uplinks, pgs, dvs)| {
                let kind = if dist {
                    SwitchKind::Distributed
                } else {
                    SwitchKind::Standard
                };
                // DVS names may hold a blank.
                let name = match (dist, suffix) {
                    (true, Some(s)) => format!("{name} {s}"),
                    _ => name,
                };
                Sw {
                    kind,
                    name,
                    num,
                    used,
                    conf,
                    mtu,
                    uplinks,
                    pgs: if dist { vec![] } else { pgs },
                    dvs: if dist { dvs } else { vec![] },
                }
            },
        )
}

/// Pads by bytes, as ESXi does; an overlong value still gets one blank.
fn pad(s: &str, n: usize) -> String {
    if s.len() >= n {
        format!("{s} ")
    } else {
        format!("{s}{}", " ".repeat(n - s.len()))
    }
}

/// Renders switches as ESXi 6.x+ (`configured`) or 4.x/5.x prints them.
fn render(sws: &[Sw], configured: bool) -> String {
    let mut out = String::new();
    for s in sws {
        let title = match s.kind {
            SwitchKind::Standard => "Switch Name",
            SwitchKind::Distributed => "DVS Name",
        };
        let (t, r) = if configured {
            (
                format!(
                    "{}{}{}{}{}Uplinks",
                    pad(title, 17),
                    pad("Num Ports", 12),
                    pad("Used Ports", 12),
                    pad("Configured Ports", 18),
                    pad("MTU", 8)
                ),
                format!(
                    "{}{}{}{}{}{}",
                    pad(&s.name, 17),
                    pad(&s.num.to_string(), 12),
                    pad(&s.used.to_string(), 12),
                    pad(&s.conf.to_string(), 18),
                    pad(&s.mtu.to_string(), 8),
                    s.uplinks.join(",")
                ),
            )
        } else {
            (
                format!(
                    "{}{}{}{}Uplinks",
                    pad(title, 15),
                    pad("Num Ports", 12),
                    pad("Used Ports", 12),
                    pad("MTU", 6)
                ),
                format!(
                    "{}{}{}{}{}",
                    pad(&s.name, 15),
                    pad(&s.num.to_string(), 12),
                    pad(&s.used.to_string(), 12),
                    pad(&s.mtu.to_string(), 6),
                    s.uplinks.join(",")
                ),
            )
        };
        out += &format!("{}\n{}\n\n", t.trim_end(), r.trim_end());
        match s.kind {
            SwitchKind::Standard => {
                out += &format!(
                    "  {}{}{}Uplinks\n",
                    pad("PortGroup Name", 44),
                    pad("VLAN ID", 9),
                    pad("Used Ports", 12)
                );
                for p in &s.pgs {
                    let row = format!(
                        "  {}{}{}{}",
                        pad(&p.name, 44),
                        pad(&p.vlan.to_string(), 9),
                        pad(&p.used.to_string(), 12),
                        p.uplinks.join(",")
                    );
                    out += &format!("{}\n", row.trim_end());
                }
            }
            SwitchKind::Distributed => {
                out += &format!("  {}{}Client\n", pad("DVPort ID", 40), pad("In Use", 12));
                for d in &s.dvs {
                    let row = format!(
                        "  {}{}{}",
                        pad(&d.id, 40),
                        pad(if d.in_use { "1" } else { "0" }, 12),
                        d.client.as_deref().unwrap_or("")
                    );
                    out += &format!("{}\n", row.trim_end());
                }
            }
        }
        out += "\n";
    }
    out
}

fn read_back(text: &str) -> Vec<Sw> {
    VswitchList::parse(text)
        .switches()
        .map(|s| Sw {
            kind: s.kind,
            name: s.name.to_string(),
            num: s.num_ports.unwrap_or(u32::MAX),
            used: s.used_ports.unwrap_or(u32::MAX),
            conf: s.configured_ports.unwrap_or(u32::MAX),
            mtu: s.mtu.unwrap_or(u32::MAX),
            uplinks: s.uplinks().map(String::from).collect(),
            pgs: s
                .portgroups()
                .map(|p| Pg {
                    name: p.name.to_string(),
                    vlan: p.vlan_id.unwrap_or(u16::MAX),
                    used: p.used_ports.unwrap_or(u32::MAX),
                    uplinks: p.uplinks().map(String::from).collect(),
                })
                .collect(),
            dvs: s
                .dvports()
                .map(|d| Dv {
                    id: d.id.to_string(),
                    in_use: d.in_use.unwrap_or(false),
                    client: d.client.map(String::from),
                })
                .collect(),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(bytes in any_bytes()) {
        let text = String::from_utf8_lossy(&bytes);
        assert_inside(&text, &walk(&text));
    }

    #[test]
    fn mutated_corpus_never_panics(
        file in 0usize..1000,
        edits in edits(),
    ) {
        let text = mutate_bytes(&corpus_file(file), &edits);
        assert_inside(&text, &walk(&text));
    }

    #[test]
    fn generated_switches_read_back(sws in proptest::collection::vec(sw(), 1..4), configured in any::<bool>()) {
        let text = render(&sws, configured);
        let mut expected = sws.clone();
        if !configured {
            for s in &mut expected {
                s.conf = u32::MAX;
            }
        }
        prop_assert_eq!(&read_back(&text), &expected);
        prop_assert_eq!(VswitchList::parse(&text).diagnostics().count(), 0);
        // Lenient input: CRLF, a blank line after every line, collapsed blanks.
        prop_assert_eq!(&read_back(&text.replace('\n', "\r\n")), &expected);
        prop_assert_eq!(&read_back(&text.replace('\n', "\n\n")), &expected);
        prop_assert_eq!(&read_back(&collapse_whitespace(&text)), &expected);
        for l in text.lines() {
            prop_assert!(vswitch::is_continuation(l), "{}", l);
        }
    }

    #[test]
    fn lines_follow_blank_line_insertion(sws in proptest::collection::vec(sw(), 1..3)) {
        let text = render(&sws, true);
        let doubled = text.replace('\n', "\n\n");
        let a: Vec<u32> = VswitchList::parse(&text).switches().map(|s| s.line).collect();
        let b: Vec<u32> = VswitchList::parse(&doubled).switches().map(|s| s.line).collect();
        prop_assert_eq!(a.iter().map(|l| 2 * l - 1).collect::<Vec<_>>(), b);
    }
}

#[test]
fn corpus_lookup_by_section_body() {
    let text = corpus_input("g24-esxcfg-vswitch-6x-standard-and-dvs");
    let mut body = Lines::new(&text);
    let cmd = body.next().map(|l| l.text);
    let list = VswitchList::from_lines(body, cmd);
    assert_eq!(
        list.switch_of_portgroup("vMotion").map(|s| s.mtu),
        Some(Some(9000))
    );
    assert_eq!(
        list.switch_of_client("vmk2").map(|s| s.name),
        Some("dvs-prod")
    );
}
