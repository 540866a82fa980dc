//! Properties of the NIC list parser (`esxcli network nic list`, `esxcfg-nics -l`): no
//! panic on anything, every line inside the input, generated NICs read back unchanged in
//! every layout and after CRLF, a blank line after every line, or collapsed blanks.

mod support;

use proptest::prelude::*;
use support::{
    any_bytes, assert_inside, collapse_whitespace, column_widths, corpus_file, edits, mutate_bytes,
};
use vmkcheck_core::nic::{self, Event, NicList};

fn walk(text: &str) -> Vec<u32> {
    let list = NicList::parse(text);
    let mut lines = Vec::new();
    for e in list.events() {
        match e {
            Event::Nic(n) => {
                lines.push(n.line);
                let _ = (n.link_up(), n.half_duplex());
            }
            Event::Diagnostic(d) => lines.push(d.line),
        }
    }
    for d in list.diagnostics() {
        assert!(!d.to_string().is_empty());
        lines.push(d.line);
    }
    #[cfg(feature = "serde")]
    assert!(serde_json::to_string(&list).expect("json").starts_with('['));
    for l in text.split('\n') {
        let _ = (nic::is_start(l), nic::is_continuation(l));
    }
    lines
}

#[derive(Clone, Debug, PartialEq)]
struct GenNic {
    name: String,
    pci: String,
    driver: String,
    admin: Option<String>,
    link: String,
    speed: u32,
    duplex: String,
    mac: String,
    mtu: u32,
    description: String,
}

fn gen_nic() -> impl Strategy<Value = GenNic> {
    (
        0u32..200,
        (any::<u8>(), 0u8..32, 0u8..8),
        prop_oneof!["[a-z][a-z0-9_]{1,10}"],
        any::<bool>(),
        (
            any::<bool>(),
            prop_oneof![
                Just(0u32),
                Just(10),
                Just(100),
                Just(1000),
                Just(10000),
                Just(25000),
                Just(100000)
            ],
            any::<bool>(),
        ),
        any::<[u8; 3]>(),
        prop_oneof![Just(1500u32), Just(9000), Just(1600)],
        proptest::collection::vec("[A-Za-z][A-Za-z0-9()+;,.-]{0,9}", 1..7),
    )
        .prop_map(
            |(n, (bus, dev, func), driver, admin_up, (up, speed, full), mac, mtu, desc)| GenNic {
                name: format!("vmnic{n}"),
                pci: format!("0000:{bus:02x}:{dev:02x}.{func}"),
                driver,
                admin: Some(if admin_up { "Up" } else { "Down" }.to_string()),
                link: if up { "Up" } else { "Down" }.to_string(),
                speed: if up { speed } else { 0 },
                duplex: if full { "Full" } else { "Half" }.to_string(),
                mac: format!("00:50:56:{:02x}:{:02x}:{:02x}", mac[0], mac[1], mac[2]),
                mtu,
                description: desc.join(" "),
            },
        )
}

#[derive(Clone, Copy, Debug)]
enum Layout {
    Esxcli6,
    Esxcli5,
    EsxcfgNics,
}

/// esxcli's table: strings left-aligned, numbers right-aligned, two blanks between columns.
fn esxcli_table(titles: &[&str], rows: &[Vec<String>], numeric: &[usize]) -> String {
    let widths = column_widths(titles, rows);
    let fmt = |vals: Vec<String>, head: bool| {
        let cells: Vec<String> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| {
                if !head && numeric.contains(&i) {
                    format!("{v:>w$}", w = widths[i])
                } else {
                    format!("{v:<w$}", w = widths[i])
                }
            })
            .collect();
        cells.join("  ").trim_end().to_string()
    };
    let mut out = fmt(titles.iter().map(|t| t.to_string()).collect(), true) + "\n";
    out += &(widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ")
        + "\n");
    for r in rows {
        out += &(fmt(r.clone(), false) + "\n");
    }
    out
}

/// A NIC's cells in esxcli's columns, with the admin status column on ESXi 6.x+.
fn esxcli_rows(nics: &[GenNic], admin: bool) -> Vec<Vec<String>> {
    nics.iter()
        .map(|n| {
            let mut row = vec![n.name.clone(), n.pci.clone(), n.driver.clone()];
            if admin {
                row.push(n.admin.clone().unwrap_or_default());
            }
            row.extend([
                n.link.clone(),
                n.speed.to_string(),
                n.duplex.clone(),
                n.mac.clone(),
                n.mtu.to_string(),
                n.description.clone(),
            ]);
            row
        })
        .collect()
}

fn render(nics: &[GenNic], layout: Layout) -> String {
    match layout {
        Layout::Esxcli6 => esxcli_table(
            &[
                "Name",
                "PCI Device",
                "Driver",
                "Admin Status",
                "Link Status",
                "Speed",
                "Duplex",
                "MAC Address",
                "MTU",
                "Description",
            ],
            &esxcli_rows(nics, true),
            &[5, 8],
        ),
        Layout::Esxcli5 => esxcli_table(
            &[
                "Name",
                "PCI Device",
                "Driver",
                "Link",
                "Speed",
                "Duplex",
                "MAC Address",
                "MTU",
                "Description",
            ],
            &esxcli_rows(nics, false),
            &[4, 7],
        ),
        Layout::EsxcfgNics => {
            let pad = |s: &str, n: usize| {
                if s.len() >= n {
                    format!("{s} ")
                } else {
                    format!("{s:<n$}")
                }
            };
            let mut out = "Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description\n".to_string();
            for n in nics {
                out += &format!(
                    "{}{}{}{}{}{}{}{}{}\n",
                    pad(&n.name, 8),
                    pad(&n.pci, 13),
                    pad(&n.driver, 12),
                    pad(&n.link, 5),
                    pad(&format!("{}Mbps", n.speed), 11),
                    pad(&n.duplex, 7),
                    pad(&n.mac, 18),
                    pad(&n.mtu.to_string(), 7),
                    n.description
                );
            }
            out
        }
    }
}

fn read_back(text: &str) -> Vec<GenNic> {
    NicList::parse(text)
        .nics()
        .map(|n| GenNic {
            name: n.name.to_string(),
            pci: n.pci.unwrap_or("?").to_string(),
            driver: n.driver.unwrap_or("?").to_string(),
            admin: n.admin_status.map(String::from),
            link: n.link.unwrap_or("?").to_string(),
            speed: n.speed_mbps.unwrap_or(u32::MAX),
            duplex: n.duplex.unwrap_or("?").to_string(),
            mac: n.mac.unwrap_or("?").to_string(),
            mtu: n.mtu.unwrap_or(u32::MAX),
            description: n.description.unwrap_or("?").to_string(),
        })
        .collect()
}

fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![
        Just(Layout::Esxcli6),
        Just(Layout::Esxcli5),
        Just(Layout::EsxcfgNics)
    ]
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
    fn generated_nics_read_back(nics in proptest::collection::vec(gen_nic(), 1..6), layout in layout()) {
        let text = render(&nics, layout);
        let mut expected = nics.clone();
        if !matches!(layout, Layout::Esxcli6) {
            for n in &mut expected {
                n.admin = None;
            }
        }
        prop_assert_eq!(&read_back(&text), &expected, "{}", text);
        prop_assert_eq!(NicList::parse(&text).diagnostics().count(), 0);
        prop_assert_eq!(&read_back(&text.replace('\n', "\r\n")), &expected);
        prop_assert_eq!(&read_back(&text.replace('\n', "\n\n")), &expected);
        prop_assert_eq!(&read_back(&collapse_whitespace(&text)), &expected, "{}", collapse_whitespace(&text));
        for l in text.lines() {
            prop_assert!(nic::is_continuation(l), "{}", l);
        }
        let lines: Vec<u32> = NicList::parse(&text.replace('\n', "\n\n")).nics().map(|n| n.line).collect();
        let first = if matches!(layout, Layout::EsxcfgNics) { 2 } else { 3 };
        prop_assert_eq!(lines, (0..nics.len() as u32).map(|i| 2 * (first + i) - 1).collect::<Vec<_>>());
    }
}
