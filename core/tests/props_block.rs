//! Properties of the generic esxcli `Key: Value` block reader.

use proptest::prelude::*;
use vmkcheck_core::esxcli::block::{Blocks, split_pair};
use vmkcheck_core::lines::Lines;

fn max_line(text: &str) -> u32 {
    u32::try_from(text.split('\n').count()).unwrap()
}

fn crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}

fn blank_after_every_line(s: &str) -> String {
    s.lines().map(|l| format!("{l}\n\n")).collect()
}

fn collapse_blanks(s: &str) -> String {
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

fn strip_indent(s: &str) -> String {
    s.lines().map(|l| format!("{}\n", l.trim_start())).collect()
}

fn mutate(s: &str, at: usize, what: u8, c: char) -> String {
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

fn corpus(prefixes: &[&str]) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
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
fn body(s: &str) -> String {
    s.lines()
        .skip(1)
        .take_while(|l| !l.contains(":~]") && !l.starts_with("~ #") && !l.contains("~]#"))
        .map(|l| format!("{l}\n"))
        .collect()
}

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
    let max = max_line(text);
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
        let samples = corpus(&["g"]);
        let s = &samples[i % samples.len()];
        walk(&mutate(s, at, what, c));
    }
}

#[test]
fn layouts_read_the_same() {
    for s in corpus(&["g10", "g11", "g16", "g17", "g20"]) {
        let b = body(&s);
        let want = shape(&b);
        assert!(!want.is_empty());
        for t in [
            crlf(&b),
            blank_after_every_line(&b),
            collapse_blanks(&b),
            strip_indent(&b),
        ] {
            assert_eq!(shape(&t), want);
        }
    }
}
