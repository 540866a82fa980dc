//! One vmkping run: responses (inferred timeouts included), diagnostics, JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::vmkping;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match vmkping::parse(&text) {
        Ok(run) => {
            // Inferred timeouts are capped: the walk is bounded by the input.
            assert!(
                run.responses().count()
                    <= text.lines().count() + vmkping::MAX_LISTED_TIMEOUTS as usize
            );
            for d in run.diagnostics() {
                let _ = d.to_string();
            }
            let _ = vmkcheck_json::parse_vmkping_json(&text);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
