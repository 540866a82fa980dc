//! Facts documents: the heap-free JSON reader, every host, every tag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::facts::Facts;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Facts::parse(&text) {
        Ok(f) => {
            for (name, h) in f.hosts() {
                assert!(f.host(name).is_some());
                for (vmk, tags) in h.all_tags() {
                    let _ = (h.tags(vmk), tags.to_string());
                }
                let _ = (
                    h.esxi_version.map(|v| v.to_string()),
                    h.license,
                    h.cpu_vendor,
                );
            }
        }
        Err(e) => {
            assert!(e.line >= 1 && e.column >= 1 && e.offset <= text.len());
            let _ = e.to_string();
        }
    }
});
