//! Properties of the `esxcli network ip interface list` parser.

mod support;

use proptest::prelude::*;
use support::block::{BlockParser, lines_and_messages, unlined};
use vmkcheck_core::iface::{self, InterfaceList};
use vmkcheck_core::lines::Lines;

const IFACE: BlockParser = BlockParser {
    read: |t| {
        unlined(InterfaceList::from_lines(Lines::new(t), None).rows(), |r| {
            &mut r.line
        })
    },
    diagnostics: |t| lines_and_messages(InterfaceList::parse(t).diagnostics()),
    #[cfg(feature = "serde")]
    json: |t| serde_json::to_string(&InterfaceList::parse(t)).unwrap(),
    probe: |t| {
        let _ = iface::is_start(t);
        let _ = iface::is_continuation(t);
    },
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        IFACE.walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..16, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        IFACE.walk_mutated_sample(&["g10", "g11", "g12"], i, at, what, c);
    }
}

#[test]
fn layouts_read_the_same() {
    IFACE.assert_layouts_read_the_same(&["g10", "g11", "g12"]);
}
