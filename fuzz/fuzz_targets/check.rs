//! The rule engine with arbitrary hosts, texts and facts; every message and remedy.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    hosts: Vec<(String, String)>,
    facts: Option<String>,
}

fuzz_target!(|input: Input| {
    let sources: Vec<(&str, &str)> = input
        .hosts
        .iter()
        .take(64)
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match vmkcheck_json::check(&sources, input.facts.as_deref()) {
        Ok(mut checked) => {
            for f in &checked.findings {
                let _ = f.message().to_string();
                let _ = f.remediation().map(|r| r.to_string());
            }
            let json = checked.to_json();
            let v: serde_json::Value = serde_json::from_str(&json).expect("report JSON is valid");
            assert_eq!(v["schema"], "vmkcheck.report.v1");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
