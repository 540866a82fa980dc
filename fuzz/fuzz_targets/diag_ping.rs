//! esxcli network diag ping: command, responses (inferred timeouts included), diagnostics, JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::diag_ping;
use vmkcheck_core::vmkping::MAX_LISTED_TIMEOUTS;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let run = diag_ping::parse(&text);
    let lines = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    assert!((1..=lines).contains(&run.line));
    // Inferred timeouts are capped: the walk is bounded by the input.
    let mut n = 0usize;
    for r in run.responses() {
        assert!((1..=lines).contains(&r.line));
        n += 1;
    }
    assert!(n <= text.lines().count() + MAX_LISTED_TIMEOUTS as usize);
    for d in run.diagnostics() {
        assert!((1..=lines).contains(&d.line));
        let _ = d.to_string();
    }
    let _ = serde_json::to_string(&run).expect("serializes");
    for l in text.lines() {
        let _ = (diag_ping::is_start(l), diag_ping::is_continuation(l));
    }
});
