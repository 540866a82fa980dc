//! parse → serialize → the JSON is valid, re-parses, and re-serializes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(json) = vmkcheck_json::parse_json(&text) else {
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&json).expect("transcript JSON is valid");
    assert_eq!(v["schema"], "vmkcheck.transcript.v1");
    let again = vmkcheck_json::to_canonical(&v);
    assert_eq!(again, json, "canonical JSON is a fixed point");
});
