//! The generic esxcli table reader: every cell of every row, both ways of cutting it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::esxcli::table::{MAX_COLUMNS, Table};
use vmkcheck_core::lines::Lines;

const KNOWN: &[&str] = &[
    "Name",
    "Interface",
    "Network",
    "IPv4 Address",
    "Address Type",
    "Netmask",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let t = Table::read(Lines::new(&text), KNOWN);
    let _ = (
        t.header(),
        t.header_line(),
        t.collapsed(),
        t.column("Netmask"),
    );
    for i in 0..=MAX_COLUMNS {
        let _ = t.title(i);
    }
    for r in t.rows() {
        assert!(r.line >= 1);
        for row in [r, r.split()] {
            for i in 0..=MAX_COLUMNS {
                if let Some(c) = row.get(i) {
                    assert!(!c.is_empty() && c.trim() == c);
                }
                let _ = row.value(i);
            }
        }
    }
});
