//! Dash-underlined `esxcli` tables: a title line, a `----  ---` line, rows.
//!
//! `esxcli` pads every column to its widest value and underlines each title with a run of
//! dashes as wide as the column, two blanks apart. The dash runs are therefore the
//! columns' byte spans, and a row is cut at them. A row that does not line up (blanks
//! collapsed by a blog engine, a TAB, a value longer than its column, non-ASCII text
//! padded by characters instead of bytes) is instead split on whitespace, the last
//! column taking the rest of the line; [`Row::aligned`] tells which way it was read, and
//! [`Row::split`] re-reads an aligned row by blanks when its values do not have their
//! shape. Columns are found by their titles ([`Table::column`]), never by position:
//! layouts differ by ESXi release.
//!
//! A table whose dash line was lost is read by the positions of its titles (the caller
//! names the titles it knows, so they are recognised even with collapsed blanks); rows
//! pasted without any header are split on whitespace.
//!
//! Nothing is copied or stored: a [`Table`] holds at most [`MAX_COLUMNS`] spans and
//! the borrowed lines, and [`Table::rows`] re-reads them on every pass.
//!
//! ```
//! use vmkcheck_core::esxcli::table::Table;
//! use vmkcheck_core::lines::Lines;
//! let text = "\
//! Network   Netmask        Gateway    Interface  Source
//! --------  -------------  ---------  ---------  ------
//! default   0.0.0.0        192.0.2.1  vmk0       MANUAL
//! 192.0.2.0 255.255.255.0  0.0.0.0    vmk0       MANUAL
//! ";
//! let table = Table::read(Lines::new(text), &["Network", "Netmask", "Gateway", "Interface"]);
//! let gateway = table.column("gateway").unwrap();
//! let rows: Vec<_> = table.rows().map(|r| (r.line, r.get(gateway), r.aligned())).collect();
//! // The second row's network overflows its column: it is read by blanks instead.
//! assert_eq!(rows, [(3, Some("192.0.2.1"), true), (4, Some("0.0.0.0"), false)]);
//! ```

use crate::lines::{Line, Lines};
use crate::shape;

/// Most columns a table is cut into; later columns are part of the last one.
pub const MAX_COLUMNS: usize = 12;

/// Byte spans of columns (or of titles) within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Spans {
    at: [(usize, usize); MAX_COLUMNS],
    len: usize,
}

impl Spans {
    const EMPTY: Self = Self {
        at: [(0, 0); MAX_COLUMNS],
        len: 0,
    };

    fn as_slice(&self) -> &[(usize, usize)] {
        self.at.get(..self.len).unwrap_or(&[])
    }

    fn push(&mut self, span: (usize, usize)) -> bool {
        match self.at.get_mut(self.len) {
            Some(slot) => {
                *slot = span;
                self.len = self.len.saturating_add(1);
                true
            }
            None => false,
        }
    }

    /// Cell `i` of `text`: its span, the last one running to the end of the line.
    fn cell<'a>(&self, text: &'a str, i: usize) -> Option<&'a str> {
        let (start, end) = *self.as_slice().get(i)?;
        let end = if i.saturating_add(1) == self.len {
            text.len()
        } else {
            end.min(text.len())
        };
        let v = text.get(start.min(text.len())..end)?.trim();
        (!v.is_empty()).then_some(v)
    }
}

/// What introduced the table's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    /// A title line underlined by a dash line (what `esxcli` prints).
    Dashed,
    /// A title line whose dash line was lost: columns start where titles start.
    TitlesOnly,
    /// A dash line without its title line: columns are known, not their names.
    DashesOnly,
    /// Rows only: every row is split on whitespace.
    Missing,
}

/// A dash-underlined table at the start of some lines. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Table<'a> {
    rows: Lines<'a>,
    title: Option<Line<'a>>,
    titles: Spans,
    columns: Spans,
    header: Header,
    header_line: Option<u32>,
    collapsed: bool,
}

/// True for a line made of runs of dashes separated by blanks (`----  ------`).
///
/// ```
/// use vmkcheck_core::esxcli::table::is_dash_line;
/// assert!(is_dash_line("----  ------------  ---"));
/// assert!(!is_dash_line("--- 192.0.2.1 ping statistics ---") && !is_dash_line("-"));
/// ```
pub fn is_dash_line(text: &str) -> bool {
    let mut longest = 0usize;
    let mut run = 0usize;
    for b in text.bytes() {
        match b {
            b'-' => run = run.saturating_add(1),
            b' ' | b'\t' => run = 0,
            _ => return false,
        }
        longest = longest.max(run);
    }
    longest >= 3
}

/// The dash runs of a dash line.
fn dash_spans(text: &str) -> Spans {
    let mut spans = Spans::EMPTY;
    let mut start = None;
    for (i, b) in text.bytes().chain(core::iter::once(b' ')).enumerate() {
        match (b == b'-', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if !spans.push((s, i)) {
                    break;
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// True when two titles name the same column: same words, ASCII case ignored.
fn same_words(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// The known title that starts `s` (longest first), followed by a blank or the end.
fn known_at<'k>(s: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .filter(|k| {
            !k.is_empty()
                && s.get(..k.len()).is_some_and(|h| h.eq_ignore_ascii_case(k))
                && s.get(k.len()..)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        })
        .max_by_key(|k| k.len())
        .copied()
}

/// Splits a title line into titles: known titles first, else up to two blanks (one word
/// when the line has no double blank: its blanks were collapsed). Returns the spans and
/// how many titles were known.
fn title_spans(text: &str, known: &[&str]) -> (Spans, usize) {
    let collapsed = !text.trim().contains("  ");
    let mut spans = Spans::EMPTY;
    let mut known_count = 0usize;
    let mut pos = 0usize;
    while let Some(rest) = text.get(pos..) {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let start = pos.saturating_add(rest.len().saturating_sub(trimmed.len()));
        let width = match known_at(trimmed, known) {
            Some(k) => {
                known_count = known_count.saturating_add(1);
                k.len()
            }
            None if collapsed => trimmed.find(char::is_whitespace).unwrap_or(trimmed.len()),
            None => trimmed
                .find("  ")
                .or_else(|| trimmed.find('\t'))
                .unwrap_or(trimmed.len()),
        };
        let end = start.saturating_add(width.max(1));
        if !spans.push((start, end)) {
            break;
        }
        // Step over a whole character even if `width` ended inside one.
        pos = (end..=text.len())
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(text.len());
    }
    (spans, known_count)
}

/// True when `text` reads as a title line: its first title and at least half of them
/// (two or more) are `known`.
pub fn is_title_line(text: &str, known: &[&str]) -> bool {
    let (spans, n) = title_spans(text, known);
    let first_known = known_at(text.trim_start(), known).is_some();
    first_known && n >= 2 && n.saturating_mul(2) >= spans.len
}

/// Column spans from title positions: each column runs to two blanks before the next.
fn columns_from_titles(titles: &Spans) -> Spans {
    let mut cols = Spans::EMPTY;
    let t = titles.as_slice();
    for (i, (start, end)) in t.iter().enumerate() {
        let next = t.get(i.saturating_add(1)).map(|(s, _)| *s);
        let end = next.map_or(*end, |n| (*end).max(n.saturating_sub(2)).min(n));
        cols.push((*start, end));
    }
    cols
}

/// Every gap between spans is a single blank: ESXi puts two, so blanks were collapsed.
fn gaps_collapsed(spans: &Spans) -> bool {
    let s = spans.as_slice();
    s.len() >= 2
        && s.windows(2).all(|w| match w {
            [(_, end), (next, _)] => next.saturating_sub(*end) <= 1,
            _ => false,
        })
}

impl<'a> Table<'a> {
    /// Reads the header at the start of `lines` (blank lines skipped): a title line and
    /// its dash line, a dash line alone, a title line alone (recognised by `known`
    /// titles), or none (rows only). `known` lists the titles the caller looks for.
    pub fn read(lines: Lines<'a>, known: &[&str]) -> Self {
        let mut probe = lines;
        let first = probe.by_ref().find(|l| !l.is_blank());
        let after_first = probe;
        let second = probe.find(|l| !l.is_blank());
        let mut t = Self {
            rows: lines,
            title: None,
            titles: Spans::EMPTY,
            columns: Spans::EMPTY,
            header: Header::Missing,
            header_line: None,
            collapsed: false,
        };
        let Some(first) = first else {
            return t;
        };
        if is_dash_line(first.text) {
            t.header = Header::DashesOnly;
            t.header_line = Some(first.number);
            t.columns = dash_spans(first.text);
            t.collapsed = gaps_collapsed(&t.columns);
            t.rows = after_first;
        } else if let Some(dashes) = second.filter(|l| is_dash_line(l.text)) {
            t.header = Header::Dashed;
            t.header_line = Some(first.number);
            t.title = Some(first);
            t.columns = dash_spans(dashes.text);
            t.collapsed = gaps_collapsed(&t.columns);
            t.titles = if t.collapsed {
                title_spans(first.text, known).0
            } else {
                t.columns
            };
            t.rows = probe;
        } else if is_title_line(first.text, known) {
            t.header = Header::TitlesOnly;
            t.header_line = Some(first.number);
            t.title = Some(first);
            t.titles = title_spans(first.text, known).0;
            t.columns = columns_from_titles(&t.titles);
            t.collapsed = !first.text.trim().contains("  ") && t.titles.len >= 2;
            t.rows = after_first;
        }
        t
    }

    /// How the rows were introduced.
    pub fn header(&self) -> Header {
        self.header
    }

    /// Line of the title line (or of the dash line when there is no title).
    pub fn header_line(&self) -> Option<u32> {
        self.header_line
    }

    /// True when the header's blanks were collapsed to one: positions mean nothing and
    /// every row is split on whitespace.
    pub fn collapsed(&self) -> bool {
        self.collapsed
    }

    /// Number of columns (0 when there is no header).
    pub fn columns(&self) -> usize {
        self.columns.len
    }

    /// Index of the column titled `title` (words compared ignoring ASCII case).
    pub fn column(&self, title: &str) -> Option<usize> {
        (0..self.titles.len).find(|i| self.title(*i).is_some_and(|t| same_words(t, title)))
    }

    /// Index of the first column titled by any of `titles` (titles differ by release).
    pub fn column_of(&self, titles: &[&str]) -> Option<usize> {
        titles.iter().find_map(|t| self.column(t))
    }

    /// The title of column `i`, as printed.
    pub fn title(&self, i: usize) -> Option<&'a str> {
        let line = self.title?;
        self.titles.cell(line.text, i)
    }

    /// The rows after the header: every non-blank line that is not a dash line.
    pub fn rows(&self) -> Rows<'a> {
        Rows {
            lines: self.rows,
            columns: self.columns,
            collapsed: self.collapsed,
        }
    }
}

/// Iterator over the [`Row`]s of a [`Table`].
#[derive(Clone, Debug)]
pub struct Rows<'a> {
    lines: Lines<'a>,
    columns: Spans,
    collapsed: bool,
}

impl<'a> Iterator for Rows<'a> {
    type Item = Row<'a>;

    fn next(&mut self) -> Option<Row<'a>> {
        let line = self
            .lines
            .by_ref()
            .find(|l| !l.is_blank() && !is_dash_line(l.text))?;
        let text = line.text;
        let by_bytes = !self.collapsed && lines_up(text, &self.columns);
        // ESXi pads by bytes; an editor or web page pads non-ASCII text by characters.
        // Take whichever cut lines up, and of two, the one that fills more cells.
        let by_chars = (!self.collapsed && !text.is_ascii())
            .then(|| char_spans(text, &self.columns))
            .filter(|c| lines_up(text, c));
        let (columns, aligned) = match by_chars {
            Some(c) if !by_bytes || filled(text, &c) > filled(text, &self.columns) => (c, true),
            _ => (self.columns, by_bytes),
        };
        Some(Row {
            line: line.number,
            text,
            columns,
            aligned,
        })
    }
}

/// `spans` counted in characters of `text` (the header is ASCII), as byte spans.
fn char_spans(text: &str, spans: &Spans) -> Spans {
    let chars = text.chars().count();
    let byte_at = |ci: usize| match text.char_indices().nth(ci) {
        Some((b, _)) => b,
        None => text.len().saturating_add(ci.saturating_sub(chars)),
    };
    let mut out = Spans::EMPTY;
    for (a, b) in spans.as_slice() {
        out.push((byte_at(*a), byte_at(*b)));
    }
    out
}

/// How many cells of `text` are non-empty when cut at `spans`.
fn filled(text: &str, spans: &Spans) -> usize {
    (0..spans.len)
        .filter(|i| spans.cell(text, *i).is_some())
        .count()
}

/// True when `text` can be cut at `spans`: nothing before the first column, blanks in
/// every gap between columns, every cut on a character boundary, no TAB.
fn lines_up(text: &str, spans: &Spans) -> bool {
    let s = spans.as_slice();
    let Some((first, _)) = s.first() else {
        return false;
    };
    let blank = |from: usize, to: usize| {
        let (from, to) = (from.min(text.len()), to.min(text.len()));
        text.get(from..to)
            .is_some_and(|g| g.bytes().all(|b| b == b' '))
    };
    !text.contains('\t')
        && blank(0, *first)
        && s.windows(2).all(|w| match w {
            [(_, end), (next, _)] => blank(*end, *next),
            _ => false,
        })
        && s.iter().all(|(a, b)| {
            text.is_char_boundary((*a).min(text.len()))
                && text.is_char_boundary((*b).min(text.len()))
        })
}

/// One row of a [`Table`]: its cells are read lazily from the borrowed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// The row's text (wrapper removed).
    pub text: &'a str,
    columns: Spans,
    aligned: bool,
}

impl<'a> Row<'a> {
    /// True when the row lines up with the header and is cut at its columns; false
    /// when it is split on whitespace.
    pub fn aligned(&self) -> bool {
        self.aligned
    }

    /// The same row read by whitespace instead of column positions: for a row that lines
    /// up by accident but whose values do not have their shape.
    pub fn split(&self) -> Self {
        Self {
            aligned: false,
            ..*self
        }
    }

    /// The text of `column`, trimmed; `None` when it is empty or past the row's end.
    /// Split on whitespace, the last column takes the rest of the line (blanks inside
    /// kept); without a header, each whitespace-separated word is a column.
    pub fn get(&self, column: usize) -> Option<&'a str> {
        if self.aligned {
            return self.columns.cell(self.text, column);
        }
        let last = self.columns.len.checked_sub(1);
        let mut words = self
            .text
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty());
        let word = words.nth(column)?;
        if Some(column) == last {
            let start = (word.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
            return self.text.get(start..).map(str::trim_end);
        }
        Some(word)
    }

    /// Like [`get`](Self::get), with `N/A`, `NA` and `-` read as no value.
    pub fn value(&self, column: usize) -> Option<&'a str> {
        self.get(column).filter(|v| !shape::is_not_applicable(v))
    }

    /// Number of whitespace-separated words in the row.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;
    use std::vec::Vec;

    const KNOWN: &[&str] = &["Interface", "Address", "Netmask", "Type", "Status"];

    fn all<'a>(t: &Table<'a>) -> Vec<(u32, bool, Vec<Option<&'a str>>)> {
        let n = t.columns().max(1);
        t.rows()
            .map(|r| (r.line, r.aligned(), (0..n).map(|i| r.get(i)).collect()))
            .collect()
    }

    #[test]
    fn dashed_table_is_cut_at_the_dashes() {
        let text = "\
Interface  Address                   Netmask  Type    Status
---------  ------------------------  -------  ------  ---------
vmk0       fe80::250:56ff:fe6a:1234       64  STATIC  PREFERRED
vmk1       2001:db8::11                   64  STATIC  PREFERRED
";
        let t = Table::read(Lines::new(text), KNOWN);
        assert_eq!(t.header(), Header::Dashed);
        assert_eq!(t.header_line(), Some(1));
        assert_eq!(t.columns(), 5);
        assert_eq!(t.column("netmask"), Some(2));
        assert_eq!(t.column("Nope"), None);
        assert_eq!(t.title(1), Some("Address"));
        let rows = all(&t);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            (
                3,
                true,
                vec![
                    Some("vmk0"),
                    Some("fe80::250:56ff:fe6a:1234"),
                    Some("64"),
                    Some("STATIC"),
                    Some("PREFERRED")
                ]
            )
        );
    }

    #[test]
    fn overflowing_value_is_split_on_blanks() {
        let text = "\
Name  Description
----  -----------
vmk0  Management Network here
vmk10 x y
";
        let t = Table::read(Lines::new(text), &["Name", "Description"]);
        let rows = all(&t);
        assert_eq!(
            rows[0],
            (3, true, vec![Some("vmk0"), Some("Management Network here")])
        );
        // `vmk10` runs into the gap: split, the last column takes the rest.
        assert_eq!(rows[1], (4, false, vec![Some("vmk10"), Some("x y")]));
    }

    #[test]
    fn collapsed_blanks_read_by_words() {
        let text = "\
Interface Address Netmask Type Status
--------- ------------------------ ------- ------ ---------
vmk0 fe80::1 64 STATIC PREFERRED
";
        let t = Table::read(Lines::new(text), KNOWN);
        assert!(t.collapsed());
        assert_eq!(t.column("Status"), Some(4));
        let rows = all(&t);
        assert_eq!(
            rows[0].2,
            [
                Some("vmk0"),
                Some("fe80::1"),
                Some("64"),
                Some("STATIC"),
                Some("PREFERRED")
            ]
        );
        assert!(!rows[0].1);
    }

    #[test]
    fn title_without_dashes_uses_title_positions() {
        let text = "\
Name  IPv4 Address  IPv4 Netmask   Gateway
vmk0  192.0.2.11    255.255.255.0  192.0.2.1
";
        let known = ["Name", "IPv4 Address", "IPv4 Netmask", "Gateway"];
        let t = Table::read(Lines::new(text), &known);
        assert_eq!(t.header(), Header::TitlesOnly);
        assert_eq!(t.column("ipv4 netmask"), Some(2));
        let rows = all(&t);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0],
            (
                2,
                true,
                vec![
                    Some("vmk0"),
                    Some("192.0.2.11"),
                    Some("255.255.255.0"),
                    Some("192.0.2.1")
                ]
            )
        );
    }

    #[test]
    fn collapsed_title_without_dashes_finds_known_titles() {
        let known = ["Name", "IPv4 Address", "IPv4 Netmask", "Gateway"];
        let t = Table::read(
            Lines::new(
                "Name IPv4 Address IPv4 Netmask Gateway\nvmk0 192.0.2.11 255.255.255.0 192.0.2.1\n",
            ),
            &known,
        );
        assert_eq!(t.header(), Header::TitlesOnly);
        assert!(t.collapsed());
        assert_eq!(t.column("Gateway"), Some(3));
        let r = t.rows().next().unwrap();
        assert_eq!(r.get(3), Some("192.0.2.1"));
    }

    #[test]
    fn rows_without_header_are_words() {
        let t = Table::read(Lines::new("\nvmk0 a  b\n"), KNOWN);
        assert_eq!(t.header(), Header::Missing);
        assert_eq!(t.columns(), 0);
        let r = t.rows().next().unwrap();
        assert_eq!(
            (r.line, r.get(0), r.get(2), r.get(3)),
            (2, Some("vmk0"), Some("b"), None)
        );
        assert_eq!(r.words(), 3);
    }

    #[test]
    fn dashes_without_title() {
        let t = Table::read(Lines::new("----  ---\nvmk0  N/A\n"), KNOWN);
        assert_eq!(t.header(), Header::DashesOnly);
        let r = t.rows().next().unwrap();
        assert_eq!((r.get(1), r.value(1)), (Some("N/A"), None));
        assert_eq!(t.column("Interface"), None);
    }

    #[test]
    fn non_ascii_padding_is_split() {
        let text = "Name  Port Group  MTU\n----  ----------  ---\nvmk0  管理      1500\nvmk1  é          9000\n";
        let t = Table::read(Lines::new(text), &["Name", "Port Group", "MTU"]);
        let rows = all(&t);
        assert_eq!(rows[0].2, [Some("vmk0"), Some("管理"), Some("1500")]);
        assert_eq!(rows[1].2, [Some("vmk1"), Some("é"), Some("9000")]);
        // Padded by characters (an editor), not by bytes (ESXi): still cut right.
        let text = "Name  Port Group  MTU\n----  ----------  ---\nvmk2  ストレージ       1500\n";
        let t = Table::read(Lines::new(text), &["Name", "Port Group", "MTU"]);
        assert_eq!(
            all(&t)[0],
            (
                3,
                true,
                vec![Some("vmk2"), Some("ストレージ"), Some("1500")]
            )
        );
    }

    #[test]
    fn crlf_blank_after_every_line_and_tabs() {
        let text = "Network  Gateway\r\n\r\n-------  -------\r\n\r\ndefault\t192.0.2.1\r\n\r\n";
        let t = Table::read(Lines::new(text), &["Network", "Gateway"]);
        assert_eq!(t.header(), Header::Dashed);
        let rows = all(&t);
        assert_eq!(rows, [(5, false, vec![Some("default"), Some("192.0.2.1")])]);
    }

    #[test]
    fn empty_and_junk_never_panic() {
        for s in [
            "",
            "\n\n",
            "-",
            "----",
            "a\u{a0}b",
            "é  ---\n---  -",
            "Interface  Type\n",
        ] {
            let t = Table::read(Lines::new(s), KNOWN);
            for r in t.rows() {
                for i in 0..MAX_COLUMNS + 2 {
                    let _ = (r.get(i), r.split().get(i));
                }
            }
            for i in 0..MAX_COLUMNS + 2 {
                let _ = t.title(i);
            }
        }
    }

    #[test]
    fn many_columns_are_capped() {
        let dashes = "--- ".repeat(20);
        let t = Table::read(Lines::new(&dashes), KNOWN);
        assert_eq!(t.columns(), MAX_COLUMNS);
    }
}
