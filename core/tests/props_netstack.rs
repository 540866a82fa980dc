//! Properties of the `esxcli network ip netstack list` parser.

mod support;

use proptest::prelude::*;
use support::block::{BlockParser, lines_and_messages, unlined};
use vmkcheck_core::lines::Lines;
use vmkcheck_core::netstack::{self, NetstackList};

const NETSTACK: BlockParser = BlockParser {
    read: |t| {
        unlined(NetstackList::from_lines(Lines::new(t), None).rows(), |r| {
            &mut r.line
        })
    },
    diagnostics: |t| lines_and_messages(NetstackList::parse(t).diagnostics()),
    #[cfg(feature = "serde")]
    json: |t| serde_json::to_string(&NetstackList::parse(t)).unwrap(),
    probe: |t| {
        let _ = netstack::is_start(t);
        let _ = netstack::is_continuation(t);
    },
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        NETSTACK.walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..16, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        NETSTACK.walk_mutated_sample(&["g16", "g17", "g18"], i, at, what, c);
    }
}

#[test]
fn layouts_read_the_same() {
    NETSTACK.assert_layouts_read_the_same(&["g16", "g17", "g18"]);
}
