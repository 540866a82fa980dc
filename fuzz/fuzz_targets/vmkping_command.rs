//! vmkping command lines: options in any order, glued values, comments.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::vmkping::PingCommand;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(c) = PingCommand::parse(&text, 1) {
        assert!(text.contains(c.text));
        for d in c.diagnostics() {
            let _ = d.to_string();
        }
        let _ = serde_json::to_string(&c);
    }
});
