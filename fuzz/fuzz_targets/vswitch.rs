//! esxcfg-vswitch -l output: every switch, sub-table row, diagnostic, lookup and the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::vswitch::{self, Event, VswitchList};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    let list = VswitchList::parse(&text);
    // Lookups re-read the whole output: try them on the first few rows only.
    let mut lookups = 8u32;
    for e in list.events() {
        for d in e.diagnostics() {
            assert!((1..=lines).contains(&d.line));
            let _ = d.to_string();
        }
        if let Event::Switch(s) = e {
            assert!((1..=lines).contains(&s.line));
            let _ = s.uplinks().count();
            for p in s.portgroups() {
                assert!((1..=lines).contains(&p.line));
                if lookups > 0 {
                    lookups -= 1;
                    assert!(list.switch_of_portgroup(p.name).is_some());
                }
            }
            for d in s.dvports() {
                assert!((1..=lines).contains(&d.line));
                if lookups > 0 {
                    lookups -= 1;
                    assert!(list.switch_of_vmknic(Some(d.id), "vmk0").is_some());
                }
            }
        }
    }
    let _ = serde_json::to_string(&list).expect("vswitch JSON");
    for l in text.split('\n') {
        let _ = (vswitch::is_start(l), vswitch::is_continuation(l));
    }
});
