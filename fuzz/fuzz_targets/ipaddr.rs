//! esxcli ipv4 get / ipv6 address list tables: every row, diagnostic, message and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::ipaddr::{Ipv4Table, Ipv6Table};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let v4 = Ipv4Table::parse(&text);
    let v6 = Ipv6Table::parse(&text);
    for r in v4.rows() {
        assert!(r.line >= 1);
    }
    for r in v6.rows() {
        assert!(r.line >= 1);
    }
    for d in v4.diagnostics().chain(v6.diagnostics()) {
        let _ = d.to_string();
    }
    let _ = v4.interface();
    let _ = serde_json::to_string(&v4).expect("ipv4 JSON");
    let _ = serde_json::to_string(&v6).expect("ipv6 JSON");
    for l in text.lines() {
        let _ = Ipv4Table::is_start(l)
            | Ipv4Table::is_continuation(l)
            | Ipv6Table::is_start(l)
            | Ipv6Table::is_continuation(l);
    }
});
