//! Properties of the `esxcli network ip interface tag get` parser.

mod support;

use proptest::prelude::*;
use support::block::{BlockParser, lines_and_messages};
use vmkcheck_core::lines::Lines;
use vmkcheck_core::tags::{self, Tags};

/// Items without their line numbers, and every line number.
fn read(text: &str) -> (Vec<String>, Vec<u32>) {
    let p = Tags::from_lines(Lines::new(text), None);
    (
        p.line
            .map(|_| format!("{:?} {:?}", p.interface, p.tags().collect::<Vec<_>>()))
            .into_iter()
            .collect(),
        p.line.into_iter().collect(),
    )
}

const TAGS: BlockParser = BlockParser {
    read,
    diagnostics: |t| lines_and_messages(Tags::parse(t).diagnostics()),
    #[cfg(feature = "serde")]
    json: |t| serde_json::to_string(&Tags::parse(t)).unwrap(),
    probe: |t| {
        let _ = tags::is_start(t);
        let _ = tags::is_continuation(t);
    },
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        TAGS.walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..16, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        TAGS.walk_mutated_sample(&["g13", "g14", "g15"], i, at, what, c);
    }
}

#[test]
fn layouts_read_the_same() {
    TAGS.assert_layouts_read_the_same(&["g13", "g14"]);
}
