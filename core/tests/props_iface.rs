//! Properties of the `esxcli network ip interface list` parser.

use proptest::prelude::*;
use vmkcheck_core::iface::{self, InterfaceList};
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

/// Items without their line numbers, and every line number.
fn read(text: &str) -> (Vec<String>, Vec<u32>) {
    let p = InterfaceList::from_lines(Lines::new(text), None);
    let rows: Vec<_> = p.rows().collect();
    (
        rows.iter()
            .map(|r| {
                let mut r = *r;
                r.line = 0;
                format!("{r:?}")
            })
            .collect(),
        rows.iter().map(|r| r.line).collect(),
    )
}

fn walk(text: &str) {
    let max = max_line(text);
    let (_, lines) = read(text);
    assert!(
        lines.iter().all(|l| *l >= 1 && *l <= max),
        "{lines:?} > {max}"
    );
    let p = InterfaceList::parse(text);
    for d in p.diagnostics() {
        assert!(d.line >= 1 && d.line <= max);
        assert!(!d.to_string().is_empty());
    }
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.starts_with('[') || json.starts_with('{'));
    }
    let _ = iface::is_start(text);
    let _ = iface::is_continuation(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text(text in "\\PC{0,300}") {
        walk(&text);
    }

    #[test]
    fn mutated_samples(i in 0usize..16, at in 0usize..4000, what in 0u8..3, c in any::<char>()) {
        let samples = corpus(&["g10", "g11", "g12"]);
        let s = &samples[i % samples.len()];
        walk(&mutate(s, at, what, c));
        walk(&mutate(&body(s), at, what, c));
    }
}

#[test]
fn layouts_read_the_same() {
    for s in corpus(&["g10", "g11", "g12"]) {
        let b = body(&s);
        let (want, _) = read(&b);
        assert!(!want.is_empty(), "{b}");
        let diags = InterfaceList::parse(&b).diagnostics().count();
        for t in [
            crlf(&b),
            blank_after_every_line(&b),
            collapse_blanks(&b),
            strip_indent(&b),
        ] {
            assert_eq!(read(&t).0, want, "{t}");
            assert_eq!(InterfaceList::parse(&t).diagnostics().count(), diags, "{t}");
        }
    }
}
