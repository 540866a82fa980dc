//! Properties of the generic esxcli `Key: Value` block reader.

mod support;

use proptest::prelude::*;
use support::{body, corpus_of, line_count, mutate_char, paste_layouts};
use vmkcheck_core::esxcli::block::{Blocks, split_pair};
use vmkcheck_core::lines::Lines;

/// Blocks as (name, pairs) without line numbers or indents.
type Shape = Vec<(Option<String>, Vec<(String, String)>)>;

fn shape(text: &str) -> Shape {
    Blocks::new(Lines::new(text))
        .map(|b| {
            let pairs = b
                .pairs()
                .map(|p| (p.key.to_owned(), p.value.to_owned()))
                .collect();
            (b.name.map(str::to_owned), pairs)
        })
        .collect()
}

fn walk(text: &str) {
    let max = line_count(text);
    let mut last = 0;
    for b in Blocks::new(Lines::new(text)) {
        assert!(b.line >= 1 && b.line <= max && b.line > last);
        last = b.line;
        for p in b.pairs() {
            assert!(p.line >= b.line && p.line <= max && p.line > last || p.line == b.line);
            last = p.line;
            assert_eq!(p.key, p.key.trim());
            assert_eq!(p.value, p.value.trim());
            assert!(!p.value.ends_with('\r'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        walk(&text);
        let _ = split_pair(&text);
    }

    #[test]
    fn esxcli_like_text(text in "((vmk[0-9]|[A-Za-z ]{0,12}|   [A-Za-z ]{1,12}: [ -~]{0,20}|\t|)(\r?\n)){0,30}") {
        walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..13, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        let samples = corpus_of(&["g"]);
        let s = &samples[i % samples.len()];
        walk(&mutate_char(s, at, what, c));
    }
}

#[test]
fn layouts_read_the_same() {
    for s in corpus_of(&["g10", "g11", "g16", "g17", "g20"]) {
        let b = body(&s);
        let want = shape(&b);
        assert!(!want.is_empty());
        for t in paste_layouts(&b) {
            assert_eq!(shape(&t), want);
        }
    }
}
