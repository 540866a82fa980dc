//! The properties every esxcli block parser (iface, tags, netstack, version) keeps: no
//! panic and every line inside the input on any text and on mutated corpus samples, and
//! the same items and diagnostics in every paste layout.

use std::fmt::Debug;

use vmkcheck_core::Diagnostic;

use super::{body, corpus_of, line_count, mutate_char, paste_layouts};

/// Rows as `Debug` text with their line (which `line` points at) set to 0, and every
/// row's line number: what [`BlockParser::read`] gives for a list parser.
pub fn unlined<R: Debug>(
    rows: impl Iterator<Item = R>,
    line: fn(&mut R) -> &mut u32,
) -> (Vec<String>, Vec<u32>) {
    let mut items = Vec::new();
    let mut lines = Vec::new();
    for mut r in rows {
        lines.push(std::mem::take(line(&mut r)));
        items.push(format!("{r:?}"));
    }
    (items, lines)
}

/// Diagnostics as `(line, message)`: what [`BlockParser::diagnostics`] gives.
pub fn lines_and_messages<'a>(
    diagnostics: impl Iterator<Item = Diagnostic<'a>>,
) -> Vec<(u32, String)> {
    diagnostics.map(|d| (d.line, d.to_string())).collect()
}

/// What the shared properties need to know of one block parser.
pub struct BlockParser {
    /// The items `from_lines` reads, without their line numbers, and every line number.
    pub read: fn(&str) -> (Vec<String>, Vec<u32>),
    /// Every diagnostic `parse` gives, as `(line, message)`.
    pub diagnostics: fn(&str) -> Vec<(u32, String)>,
    /// `parse`'s result as JSON.
    #[cfg(feature = "serde")]
    pub json: fn(&str) -> String,
    /// Calls the parser's `is_start` and `is_continuation` on the text.
    pub probe: fn(&str),
}

impl BlockParser {
    /// Reads `text` every way a user can; every line number lies inside it.
    pub fn walk(&self, text: &str) {
        let max = line_count(text);
        let (_, lines) = (self.read)(text);
        assert!(
            lines.iter().all(|l| *l >= 1 && *l <= max),
            "{lines:?} > {max}"
        );
        for (line, message) in (self.diagnostics)(text) {
            assert!(line >= 1 && line <= max);
            assert!(!message.is_empty());
        }
        #[cfg(feature = "serde")]
        {
            let json = (self.json)(text);
            assert!(json.starts_with('[') || json.starts_with('{'));
        }
        (self.probe)(text);
    }

    /// Walks the sample `i` picks among the corpus cases starting with one of `prefixes`,
    /// and its body, after one character-level mutation.
    pub fn walk_mutated_sample(&self, prefixes: &[&str], i: usize, at: usize, what: u8, c: char) {
        let samples = corpus_of(prefixes);
        let s = &samples[i % samples.len()];
        self.walk(&mutate_char(s, at, what, c));
        self.walk(&mutate_char(&body(s), at, what, c));
    }

    /// The body of every corpus case starting with one of `prefixes` reads to some items,
    /// and to the same items and as many diagnostics in every paste layout.
    pub fn assert_layouts_read_the_same(&self, prefixes: &[&str]) {
        for s in corpus_of(prefixes) {
            let b = body(&s);
            let (want, _) = (self.read)(&b);
            assert!(!want.is_empty(), "{b}");
            let diags = (self.diagnostics)(&b).len();
            for t in paste_layouts(&b) {
                assert_eq!((self.read)(&t).0, want, "{t}");
                assert_eq!((self.diagnostics)(&t).len(), diags, "{t}");
            }
        }
    }
}
