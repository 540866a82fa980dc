//! The generic esxcli `Key: Value` block reader: every block and pair, restartable pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::esxcli::block::{self, Blocks};
use vmkcheck_core::lines::Lines;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for b in Blocks::new(Lines::new(&text)) {
        assert!(b.line > last);
        last = b.line;
        let pairs = b.pairs();
        assert_eq!(pairs.clone().count(), b.pairs().count());
        for p in pairs {
            assert!(p.line > last || (p.line == b.line && b.name.is_none()));
            last = p.line;
            let _ = (p.is_pair(), block::present(p.value), block::parse_bool(p.value));
        }
    }
    for line in text.lines() {
        let _ = (block::split_pair(line), block::is_pair_or_blank(line));
    }
});
