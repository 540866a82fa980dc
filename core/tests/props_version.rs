//! Properties of the ESXi version parser.

mod support;

use proptest::prelude::*;
use support::block::{BlockParser, lines_and_messages};
use vmkcheck_core::lines::Lines;
use vmkcheck_core::version::{self, Version};

/// Items without their line numbers, and every line number.
fn read(text: &str) -> (Vec<String>, Vec<u32>) {
    let p = Version::from_lines(Lines::new(text), None);
    (
        vec![format!(
            "{:?} {:?} {:?} {:?} {:?}",
            p.product, p.version, p.build, p.update, p.patch
        )]
        .into_iter()
        .filter(|_| p.line.is_some())
        .collect(),
        p.line.into_iter().collect(),
    )
}

const VERSION: BlockParser = BlockParser {
    read,
    diagnostics: |t| lines_and_messages(Version::parse(t).diagnostics()),
    #[cfg(feature = "serde")]
    json: |t| serde_json::to_string(&Version::parse(t)).unwrap(),
    probe: |t| {
        let _ = version::is_start(t);
        let _ = version::is_continuation(t);
    },
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        VERSION.walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..16, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        VERSION.walk_mutated_sample(&["g19", "g20", "g21", "g22"], i, at, what, c);
    }
}

#[test]
fn layouts_read_the_same() {
    VERSION.assert_layouts_read_the_same(&["g19", "g20", "g21"]);
}
