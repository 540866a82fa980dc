//! vmware -v / -vl and esxcli system version get output: every item, diagnostic, message and the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::version::{self, Version};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line doubles as the command a transcript would pass.
    let (command, body) = text.split_once('\n').unwrap_or((&text, ""));
    for p in [
        Version::parse(&text),
        Version::from_lines(Lines::new(body), Some(command)),
    ] {
        if let Some(n) = p.number() {
        let _ = n.to_string();
    }
        for d in p.diagnostics() {
            assert!(d.line >= 1);
            let _ = d.to_string();
        }
        let _ = serde_json::to_string(&p).expect("serializes");
    }
    for line in text.lines() {
        let _ = (version::is_start(line), version::is_continuation(line));
    }
});
