//! Whole transcripts: every section, row, run, response and diagnostic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::transcript;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.split('\n').count() as u32;
    let t = transcript::parse(&text);
    for s in t.sections() {
        assert!((1..=lines).contains(&s.line));
        if let Some(table) = s.vmknic() {
            for r in table.rows() {
                assert!((1..=lines).contains(&r.line));
            }
        }
        if let Some(run) = s.vmkping() {
            for r in run.responses() {
                assert!((1..=lines).contains(&r.line));
            }
        }
    }
    for d in t.diagnostics() {
        assert!((1..=lines).contains(&d.line), "{d:?}");
        let _ = d.to_string();
    }
});
