//! esxcli network ip netstack list blocks: every item, diagnostic, message and the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::netstack::{self, NetstackList};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line doubles as the command a transcript would pass.
    let (command, body) = text.split_once('\n').unwrap_or((&text, ""));
    for p in [
        NetstackList::parse(&text),
        NetstackList::from_lines(Lines::new(body), Some(command)),
    ] {
        for r in p.rows() {
        assert!(r.line >= 1);
    }
        for d in p.diagnostics() {
            assert!(d.line >= 1);
            let _ = d.to_string();
        }
        let _ = serde_json::to_string(&p).expect("serializes");
    }
    for line in text.lines() {
        let _ = (netstack::is_start(line), netstack::is_continuation(line));
    }
});
