//! esxcfg-vmknic tables: every event, row diagnostic and message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::vmknic::{self, Event};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match vmknic::parse(&text) {
        Ok(table) => {
            for e in table.events() {
                match e {
                    Event::Row(r) => {
                        assert!(r.line >= 1);
                        for d in r.diagnostics() {
                            let _ = d.to_string();
                        }
                    }
                    Event::Diagnostic(d) => {
                        let _ = d.to_string();
                    }
                }
            }
            let _ = vmkcheck_json::parse_vmknic_json(&text);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
