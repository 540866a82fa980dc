//! Helpers shared by the property tests: the corpus, arbitrary-text strategies, byte and
//! character mutations, and the paste damages (CRLF, a blank line after every line,
//! collapsed blanks, stripped indents) parsers must read through.
#![allow(dead_code)]

pub mod block;

use std::path::{Path, PathBuf};

use proptest::prelude::*;

// ---- the corpus ----

/// The corpus folder, `tests/corpus` at the workspace root.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// A corpus case's input.
pub fn corpus_input(case: &str) -> String {
    let p = corpus_dir().join(case).join("input.txt");
    std::fs::read_to_string(p).expect("corpus input")
}

/// Every corpus input, sorted.
pub fn corpus() -> Vec<String> {
    let mut v: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus dir")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path().join("input.txt")).ok())
        .collect();
    v.sort();
    v
}

/// The corpus input `i` picks (modulo the corpus size).
pub fn corpus_file(i: usize) -> String {
    let mut corpus = corpus();
    let n = corpus.len();
    corpus.swap_remove(i % n)
}

/// The inputs of the corpus cases whose folder name starts with one of `prefixes`, sorted.
pub fn corpus_of(prefixes: &[&str]) -> Vec<String> {
    let mut v: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus dir")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_name()?.to_str()?.to_owned();
            prefixes
                .iter()
                .any(|x| name.starts_with(x))
                .then(|| std::fs::read_to_string(p.join("input.txt")).ok())?
        })
        .collect();
    v.sort();
    v
}

/// The body of a sample: everything after its first line (the command), as a transcript
/// would hand it over, with prompts and prose cut off.
pub fn body(s: &str) -> String {
    s.lines()
        .skip(1)
        .take_while(|l| !l.contains(":~]") && !l.starts_with("~ #") && !l.contains("~]#"))
        .map(|l| format!("{l}\n"))
        .collect()
}

// ---- line numbers ----

/// Number of lines of `text` as line numbers count them.
pub fn line_count(text: &str) -> u32 {
    u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX)
}

/// Asserts every line number lies inside `text`.
pub fn assert_inside(text: &str, lines: &[u32]) {
    let n = line_count(text);
    for l in lines {
        assert!((1..=n).contains(l), "line {l} outside 1..={n}");
    }
}

// ---- arbitrary text ----

/// Up to 2 KiB of any bytes (read them with `String::from_utf8_lossy`).
pub fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..2048)
}

/// 1 to 11 byte edits for [`mutate`] and [`mutate_bytes`]: `(where, what, byte)`.
pub fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
    proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12)
}

/// Applies `edits` to the bytes of `base`, each `(where, what, byte)` with `where` taken
/// modulo the length plus one, and reads the result lossily.
fn edit_bytes(
    base: &str,
    edits: &[(usize, u8, u8)],
    edit: fn(&mut Vec<u8>, usize, u8, u8),
) -> String {
    let mut b = base.as_bytes().to_vec();
    for &(at, op, byte) in edits {
        let i = if b.is_empty() { 0 } else { at % (b.len() + 1) };
        edit(&mut b, i, op, byte);
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Byte-level mutations of a sample: insert, remove or replace a byte, or duplicate the
/// line around it.
pub fn mutate(base: &str, edits: &[(usize, u8, u8)]) -> String {
    edit_bytes(base, edits, |b, i, op, byte| match op % 4 {
        0 => b.insert(i, byte),
        1 if i < b.len() => {
            b.remove(i);
        }
        2 if i < b.len() => b[i] = byte,
        _ => {
            // Duplicate the line around i.
            let start = b[..i]
                .iter()
                .rposition(|c| *c == b'\n')
                .map_or(0, |p| p + 1);
            let end = b[i..]
                .iter()
                .position(|c| *c == b'\n')
                .map_or(b.len(), |p| i + p + 1);
            let line = b[start..end].to_vec();
            b.splice(start..start, line);
        }
    })
}

/// Byte-level mutations of a text: insert, remove or replace a byte.
pub fn mutate_bytes(base: &str, edits: &[(usize, u8, u8)]) -> String {
    edit_bytes(base, edits, |b, i, op, byte| match op % 3 {
        0 => b.insert(i, byte),
        1 if i < b.len() => {
            b.remove(i);
        }
        _ if i < b.len() => b[i] = byte,
        _ => {}
    })
}

/// One character-level mutation: insert, remove or replace the character at `at`
/// (modulo the length); an empty text becomes `c`.
pub fn mutate_char(s: &str, at: usize, what: u8, c: char) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return c.to_string();
    }
    let at = at % chars.len();
    match what % 3 {
        0 => chars.insert(at, c),
        1 => {
            chars.remove(at);
        }
        _ => chars[at] = c,
    }
    chars.into_iter().collect()
}

// ---- paste damage ----

/// Every line ending as CRLF.
pub fn crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}

/// A blank line after every line (each line ends in `\n`).
pub fn blank_after_every_line(s: &str) -> String {
    s.lines().map(|l| format!("{l}\n\n")).collect()
}

/// Runs of blanks shrunk to one blank (indents too), each line ending in `\n`.
pub fn collapse_blanks(s: &str) -> String {
    let mut out = String::new();
    for l in s.lines() {
        let mut prev = false;
        for c in l.chars() {
            if c == ' ' && prev {
                continue;
            }
            prev = c == ' ';
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Every line's indent removed, each line ending in `\n`.
pub fn strip_indent(s: &str) -> String {
    s.lines().map(|l| format!("{}\n", l.trim_start())).collect()
}

/// The four paste layouts a sample must read the same in: CRLF, a blank line after every
/// line, collapsed blanks, stripped indents.
pub fn paste_layouts(s: &str) -> [String; 4] {
    [
        crlf(s),
        blank_after_every_line(s),
        collapse_blanks(s),
        strip_indent(s),
    ]
}

/// Every line's words joined by one blank (no indent, no trailing blanks); line breaks
/// stay where they are.
pub fn collapse_whitespace(text: &str) -> String {
    text.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---- tables ----

/// Each column's width in bytes: its widest cell or title.
pub fn column_widths(titles: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            rows.iter()
                .map(|r| r[i].len())
                .chain([t.len()])
                .max()
                .unwrap_or(0)
        })
        .collect()
}
