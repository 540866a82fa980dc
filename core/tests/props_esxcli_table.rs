//! `esxcli::table` properties: any text reads without panic, every cell is a trimmed
//! slice of its row, and generated tables (non-ASCII cells, a last column with blanks)
//! read back cell for cell through CRLF, blank lines, collapsed and trailing blanks.

mod esxcli_support;
mod support;

use esxcli_support::{render, render_padded, variants};
use proptest::prelude::*;
use support::{any_bytes, corpus_file, edits, line_count, mutate};
use vmkcheck_core::esxcli::table::{Header, MAX_COLUMNS, Table};
use vmkcheck_core::lines::Lines;

fn walk(text: &str, known: &[&str]) {
    let n = line_count(text);
    let t = Table::read(Lines::new(text), known);
    for i in 0..MAX_COLUMNS + 1 {
        let _ = t.title(i);
    }
    for r in t.rows() {
        assert!((1..=n).contains(&r.line));
        for row in [r, r.split()] {
            for i in 0..MAX_COLUMNS + 1 {
                if let Some(c) = row.get(i) {
                    assert!(!c.is_empty() && c.trim() == c, "{c:?}");
                    let start = c.as_ptr() as usize - r.text.as_ptr() as usize;
                    assert!(start + c.len() <= r.text.len(), "a slice of the row");
                }
            }
        }
    }
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9:./_-]{1,14}",
        prop::sample::select(vec!["管理", "Réseau", "ストレージ", "N/A", "0.0.0.0"])
            .prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(bytes in any_bytes()) {
        walk(&String::from_utf8_lossy(&bytes), &["Name", "Network", "IPv4 Address"]);
    }

    #[test]
    fn mutated_samples_never_panic(
        file in 0usize..1000,
        edits in edits(),
    ) {
        walk(&mutate(&corpus_file(file), &edits), &["Interface", "Network", "Name"]);
    }

    #[test]
    fn generated_tables_read_back(
        ncols in 2usize..8,
        cells in proptest::collection::vec(proptest::collection::vec(cell(), 8), 1..6),
        tail in proptest::collection::vec("[a-z]{1,6}", 1..3),
        right in proptest::collection::vec(any::<bool>(), 8),
        by_chars in any::<bool>(),
    ) {
        let titles_all = ["Name", "Port Group", "IPv4 Address", "MTU", "Type", "Link Status", "Driver", "Description"];
        let titles = &titles_all[..ncols];
        let rows: Vec<Vec<String>> = cells
            .iter()
            .map(|c| {
                let mut r = c[..ncols].to_vec();
                // The last column may hold blanks: it takes the rest of the line.
                r[ncols - 1] = format!("{} {}", r[ncols - 1], tail.join(" "));
                r
            })
            .collect();
        let right: Vec<usize> = (0..ncols - 1).filter(|i| right[*i]).collect();
        let text = render_padded(titles, &rows, &right, by_chars);
        let mut all = vec![(text.clone(), (|n| n) as fn(u32) -> u32)];
        all.extend(variants(&text));
        for (t, at) in all {
            let table = Table::read(Lines::new(&t), titles);
            prop_assert_eq!(table.header(), Header::Dashed);
            prop_assert_eq!(table.columns(), ncols);
            for (i, title) in titles.iter().enumerate() {
                prop_assert_eq!(table.column(title), Some(i), "{}", t);
            }
            let got: Vec<_> = table.rows().collect();
            prop_assert_eq!(got.len(), rows.len());
            for (i, (g, want)) in got.iter().zip(&rows).enumerate() {
                prop_assert_eq!(g.line, at(i as u32 + 3));
                for (c, w) in want.iter().enumerate() {
                    prop_assert_eq!(g.get(c), Some(w.as_str()), "{}", t);
                }
            }
        }
    }

    #[test]
    fn titles_without_dashes_read_back(
        cells in proptest::collection::vec(proptest::collection::vec("[A-Za-z0-9:./_-]{1,14}", 4), 1..6),
    ) {
        let titles = ["Network", "Netmask", "Gateway", "Interface"];
        let text = render(&titles, &cells, &[]);
        // Drop the dash line.
        let text: String = text.lines().enumerate().filter(|(i, _)| *i != 1).map(|(_, l)| format!("{l}\n")).collect();
        let table = Table::read(Lines::new(&text), &titles);
        prop_assert_eq!(table.header(), Header::TitlesOnly);
        let got: Vec<_> = table.rows().collect();
        prop_assert_eq!(got.len(), cells.len());
        for (g, want) in got.iter().zip(&cells) {
            for (c, w) in want.iter().enumerate() {
                prop_assert_eq!(g.get(c), Some(w.as_str()), "{}", text);
            }
        }
    }
}
