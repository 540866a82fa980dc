//! esxcli network nic list / esxcfg-nics -l output: every NIC, diagnostic and the JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::nic::{self, NicList};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    let list = NicList::parse(&text);
    for n in list.nics() {
        assert!((1..=lines).contains(&n.line));
        let _ = (n.link_up(), n.half_duplex());
        assert_eq!(list.nic(n.name).map(|m| m.name), Some(n.name));
    }
    for d in list.diagnostics() {
        assert!((1..=lines).contains(&d.line));
        let _ = d.to_string();
    }
    let _ = serde_json::to_string(&list).expect("nic JSON");
    for l in text.split('\n') {
        let _ = (nic::is_start(l), nic::is_continuation(l));
    }
});
