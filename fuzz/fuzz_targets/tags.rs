//! esxcli network ip interface tag get output, with and without a command: every item, diagnostic, message and the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::tags::{self, Tags};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line doubles as the command a transcript would pass.
    let (command, body) = text.split_once('\n').unwrap_or((&text, ""));
    for p in [
        Tags::parse(&text),
        Tags::from_lines(Lines::new(body), Some(command)),
    ] {
        let _ = (p.vmotion(), p.has("VSAN"), p.tags().count());
        for d in p.diagnostics() {
            assert!(d.line >= 1);
            let _ = d.to_string();
        }
        let _ = serde_json::to_string(&p).expect("serializes");
    }
    for line in text.lines() {
        let _ = (tags::is_start(line), tags::is_continuation(line));
    }
});
