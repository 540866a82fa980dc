//! Helpers shared by the esxcli table property tests: rendering tables the way `esxcli`
//! does, messing them up the way pastes do, and cutting corpus transcripts into sections.
//! Needs `mod support;` beside it.
#![allow(dead_code)]

use vmkcheck_core::lines::{Lines, Wrapper};
use vmkcheck_core::prompt;

use crate::support::column_widths;

/// Renders a table like `esxcli`: columns padded (by bytes) to the widest cell, two
/// blanks apart, a dash line, right-aligned columns in `right`, no trailing blanks.
pub fn render(titles: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    render_padded(titles, rows, right, false)
}

/// [`render`], padding by characters instead of bytes when `by_chars` (an editor's way).
pub fn render_padded(
    titles: &[&str],
    rows: &[Vec<String>],
    right: &[usize],
    by_chars: bool,
) -> String {
    let len = |s: &str| if by_chars { s.chars().count() } else { s.len() };
    let w = column_widths(titles, rows);
    let line = |cells: Vec<String>| -> String {
        let s: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = " ".repeat(w[i].saturating_sub(len(c)));
                if right.contains(&i) {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        s.join("  ").trim_end().to_string()
    };
    let mut out = vec![
        line(titles.iter().map(|t| t.to_string()).collect()),
        w.iter()
            .map(|n| "-".repeat(*n))
            .collect::<Vec<_>>()
            .join("  "),
    ];
    out.extend(rows.iter().map(|r| line(r.clone())));
    out.join("\n") + "\n"
}

/// A damaged text and where each original line number went.
pub type Variant = (String, fn(u32) -> u32);

/// The paste damages rows must survive.
pub fn variants(text: &str) -> Vec<Variant> {
    let same: fn(u32) -> u32 = |n| n;
    let doubled: fn(u32) -> u32 = |n| 2 * n - 1;
    vec![
        (text.replace('\n', "\r\n"), same),
        (text.replace('\n', "\n\n"), doubled),
        (
            text.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n"),
            same,
        ),
        (
            text.lines()
                .map(|l| format!("{l}   "))
                .collect::<Vec<_>>()
                .join("\n"),
            same,
        ),
    ]
}

/// Cuts a text at its prompt lines, roughly as the transcript does: each command with
/// the lines up to the next prompt. Text before the first prompt is a section with no
/// command.
pub fn sections(text: &str) -> Vec<(Option<&str>, Lines<'_>)> {
    let mut out = Vec::new();
    let mut start = (0usize, 1u32, None);
    let mut offset = 0usize;
    for (number, raw) in (1u32..).zip(text.split_inclusive('\n')) {
        let line = raw.trim_end_matches(['\n', '\r']);
        if let Some(p) = prompt::parse(line) {
            let (s, n, c) = start;
            out.push((c, Lines::span(&text[s..offset], s, n, Wrapper::default())));
            start = (offset + raw.len(), number + 1, p.command);
        }
        offset += raw.len();
    }
    let (s, n, c) = start;
    out.push((c, Lines::span(&text[s..], s, n, Wrapper::default())));
    out.retain(|(c, l)| c.is_some() || l.clone().any(|l| !l.is_blank()));
    out
}
