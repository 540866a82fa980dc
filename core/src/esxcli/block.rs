//! Indented `Key: Value` blocks of `esxcli` output, each under an unindented name line.
//!
//! Most `esxcli … list` / `get` commands print records like
//!
//! ```text
//! vmk0
//!    Name: vmk0
//!    MAC Address: 00:50:56:6a:12:34
//! vmk1
//!    Name: vmk1
//! ```
//!
//! or, for a single record, the indented pairs alone (`esxcli system version get`,
//! `   Tags: Management, VMotion`). [`Blocks`] walks such output lazily: each [`Block`] has
//! its name (if any), its line and a cloneable iterator of its [`Pair`]s, all borrowing
//! the input.
//!
//! A line is a *pair* when it splits at its first `:` (followed by a blank or the line's
//! end) into a key made of words and a value; the value is everything after, so MACs,
//! IPv6 addresses and times keep their colons. Any other non-blank line *names* a new block when it is not
//! indented deeper than the current block's name (or than the pairs of an unnamed
//! block). That rule needs no indentation inside the block, so a blog that stripped the
//! indent (`vmk0` then `Name: vmk0` at column 0) reads the same. Blank lines never end a
//! block (some pastes have one after every line); a pair records whether one preceded
//! it, and its indent, so a caller can read nested output (`Trace:` / `Summary:`).
//!
//! ```
//! use vmkcheck_core::esxcli::block::Blocks;
//! use vmkcheck_core::lines::Lines;
//! let text = "vmk0\r\n   Name: vmk0\r\n   MAC Address: 00:50:56:6a:12:34\r\n\
//!             vmk1\r\nName: vmk1\r\nMTU: 9000\r\n";
//! let blocks: Vec<_> = Blocks::new(Lines::new(text)).collect();
//! assert_eq!(blocks.len(), 2);
//! assert_eq!((blocks[0].name, blocks[0].line), (Some("vmk0"), 1));
//! let mac = blocks[0].get("MAC Address").unwrap();
//! assert_eq!((mac.value, mac.line, mac.indent), ("00:50:56:6a:12:34", 3, 3));
//! let pairs: Vec<_> = blocks[1].pairs().map(|p| (p.key, p.value, p.line)).collect();
//! assert_eq!(pairs, [("Name", "vmk1", 5), ("MTU", "9000", 6)]);
//! ```

use crate::lines::{Line, Lines};

/// Longest key accepted: esxcli keys are a few words.
const MAX_KEY: usize = 64;

/// True when `key` reads as an esxcli key: words of letters, digits and a little
/// punctuation, each starting with a letter or `(`, one blank apart (`MAC Address`,
/// `Round-trip Min`, `IPv6 Enabled`). Ping's `PING 192.0.2.1 (192.0.2.1): 56 data
/// bytes` is no pair: a word starts with a digit. One pass over the bytes.
fn is_key(key: &str) -> bool {
    let mut word_start = true;
    key.len() <= MAX_KEY
        && !key.is_empty()
        && key.bytes().all(|b| {
            let ok = if b == b' ' {
                !word_start // no leading or double blank
            } else if word_start {
                b.is_ascii_alphabetic() || b == b'('
            } else {
                b.is_ascii_alphanumeric()
                    || matches!(b, b'-' | b'_' | b'/' | b'(' | b')' | b'.' | b'%' | b'\'')
            };
            word_start = b == b' ';
            ok
        })
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Splits a `Key: Value` line into its trimmed key and value; `None` when the line is not
/// one. The key ends at the first `:` (keys hold none), which must end the line or be
/// followed by a blank, so values keep their own colons.
///
/// ```
/// use vmkcheck_core::esxcli::block::split_pair;
/// assert_eq!(split_pair("   MAC Address: 00:50:56:6a:12:34"), Some(("MAC Address", "00:50:56:6a:12:34")));
/// assert_eq!(split_pair("   Tags: "), Some(("Tags", "")));
/// assert_eq!(split_pair("   Trace:"), Some(("Trace", "")));
/// assert_eq!(split_pair("vmk0"), None);
/// assert_eq!(split_pair("fe80::1: x"), None);
/// ```
pub fn split_pair(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    let colon = t.find(':')?;
    let key = t.get(..colon)?.trim_end();
    let rest = t.get(colon.checked_add(1)?..)?;
    let value = match rest.as_bytes().first() {
        None => "",
        Some(b' ' | b'\t') => rest.trim(),
        Some(_) => return None,
    };
    is_key(key).then_some((key, value))
}

/// Leading blanks of a line (a TAB counts as one).
fn indent_of(text: &str) -> usize {
    text.len()
        .saturating_sub(text.trim_start_matches([' ', '\t']).len())
}

/// One line of a block: a `Key: Value` pair, or (with an empty `key`) an indented line
/// that is not one, which a caller should diagnose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair<'a> {
    /// The key as printed (`MAC Address`), or empty for a line that is not a pair.
    pub key: &'a str,
    /// The value, trimmed (may be empty); the whole trimmed line when `key` is empty.
    pub value: &'a str,
    /// 1-based line of the input.
    pub line: u32,
    /// Leading blanks of the line (after the paste's wrapper was stripped).
    pub indent: usize,
    /// A blank line came right before this one (separates entries of nested output).
    pub after_blank: bool,
}

impl Pair<'_> {
    /// True for a real `Key: Value` pair (false for a line that is not one).
    pub fn is_pair(&self) -> bool {
        !self.key.is_empty()
    }

    /// True when the key is `key`, ignoring ASCII case.
    pub fn is(&self, key: &str) -> bool {
        self.is_pair() && self.key.eq_ignore_ascii_case(key)
    }
}

/// Where a block ends: the indent that a non-pair line must not exceed to start the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Limit(usize);

impl Limit {
    /// True when `l`, a non-blank line that is no pair, names the next block.
    fn ends_at(self, l: &Line<'_>) -> bool {
        indent_of(l.text) <= self.0
    }
}

/// One record: an optional name line and the pairs under it.
#[derive(Clone, Debug)]
pub struct Block<'a> {
    /// The name line's text, trimmed (`vmk0`, `defaultTcpipStack`); `None` for pairs
    /// printed without one.
    pub name: Option<&'a str>,
    /// 1-based line of the name, or of the first pair of an unnamed block.
    pub line: u32,
    /// Leading blanks of the name line (of the first pair of an unnamed block).
    pub indent: usize,
    /// The lines after the name (from the first pair of an unnamed block).
    body: Lines<'a>,
    limit: Limit,
}

impl<'a> Block<'a> {
    /// The block's pairs (and non-pair lines), in line order; blank lines are skipped.
    pub fn pairs(&self) -> Pairs<'a> {
        Pairs {
            lines: self.body,
            limit: self.limit,
            blank: false,
        }
    }

    /// The first pair whose key is `key` (ASCII case ignored).
    pub fn get(&self, key: &str) -> Option<Pair<'a>> {
        self.pairs().find(|p| p.is(key))
    }

    /// The value of the first pair whose key is `key` (ASCII case ignored).
    pub fn value(&self, key: &str) -> Option<&'a str> {
        self.get(key).map(|p| p.value)
    }
}

/// Iterator over the [`Pair`]s of one [`Block`].
#[derive(Clone, Debug)]
pub struct Pairs<'a> {
    lines: Lines<'a>,
    limit: Limit,
    blank: bool,
}

impl<'a> Iterator for Pairs<'a> {
    type Item = Pair<'a>;

    fn next(&mut self) -> Option<Pair<'a>> {
        loop {
            let probe = self.lines;
            let l = self.lines.next()?;
            if l.is_blank() {
                self.blank = true;
                continue;
            }
            let pair = split_pair(l.text);
            if pair.is_none() && self.limit.ends_at(&l) {
                // The next block's name: leave it (and everything after) unread.
                self.lines = probe;
                return None;
            }
            let (key, value) = pair.unwrap_or(("", l.text.trim()));
            let after_blank = core::mem::take(&mut self.blank);
            return Some(Pair {
                key,
                value,
                line: l.number,
                indent: indent_of(l.text),
                after_blank,
            });
        }
    }
}

/// Iterator over the [`Block`]s of some lines (see the [module](self) documentation).
#[derive(Clone, Debug)]
pub struct Blocks<'a> {
    lines: Lines<'a>,
}

impl<'a> Blocks<'a> {
    /// Blocks of `lines` (a section body, or [`Lines::new`] of a whole text).
    pub fn new(lines: Lines<'a>) -> Self {
        Self { lines }
    }
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Block<'a>;

    fn next(&mut self) -> Option<Block<'a>> {
        let (first, before) = loop {
            let before = self.lines;
            let l = self.lines.next()?;
            if !l.is_blank() {
                break (l, before);
            }
        };
        let indent = indent_of(first.text);
        let block = if split_pair(first.text).is_some() {
            // Pairs without a name line: the block starts at the first pair.
            Block {
                name: None,
                line: first.number,
                indent,
                body: before,
                limit: Limit(indent),
            }
        } else {
            Block {
                name: Some(first.text.trim()),
                line: first.number,
                indent,
                body: self.lines,
                limit: Limit(indent),
            }
        };
        // Skip the block's lines: the next block starts where its pairs end.
        let mut pairs = block.pairs();
        for _ in pairs.by_ref() {}
        self.lines = pairs.lines;
        Some(block)
    }
}

/// A printed value, or `None` for `N/A`, `-` or nothing (esxcli's "no value").
///
/// ```
/// use vmkcheck_core::esxcli::block::present;
/// assert_eq!((present("vSwitch0"), present("N/A"), present(" ")), (Some("vSwitch0"), None, None));
/// ```
pub fn present(value: &str) -> Option<&str> {
    let v = value.trim();
    (!v.is_empty() && !matches!(v, "N/A" | "n/a" | "NA" | "-" | "<none>")).then_some(v)
}

/// `true` / `false` in any ASCII case (esxcli prints lower case).
pub fn parse_bool(value: &str) -> Option<bool> {
    let v = value.trim();
    if v.eq_ignore_ascii_case("true") {
        Some(true)
    } else if v.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// True for a line a block can hold after its start: blank or a `Key: Value` pair.
pub fn is_pair_or_blank(text: &str) -> bool {
    text.trim().is_empty() || split_pair(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    type Flat<'a> = Vec<(Option<&'a str>, u32, Vec<(&'a str, &'a str, u32, usize)>)>;

    fn flat(text: &str) -> Flat<'_> {
        Blocks::new(Lines::new(text))
            .map(|b| {
                let pairs = b.pairs().map(|p| (p.key, p.value, p.line, p.indent));
                (b.name, b.line, pairs.collect())
            })
            .collect()
    }

    #[test]
    fn named_blocks() {
        let f =
            flat("vmk0\n   Name: vmk0\n   MAC Address: 00:50:56:6a:12:34\n\nvmk1\n   Name: vmk1\n");
        assert_eq!(
            f,
            [
                (
                    Some("vmk0"),
                    1,
                    std::vec![
                        ("Name", "vmk0", 2, 3),
                        ("MAC Address", "00:50:56:6a:12:34", 3, 3)
                    ]
                ),
                (Some("vmk1"), 5, std::vec![("Name", "vmk1", 6, 3)]),
            ]
        );
    }

    #[test]
    fn collapsed_indent_and_blank_after_every_line() {
        let text = "vmk0\n\nName: vmk0\n\nMTU: 1500\n\nvmk1\n\nName: vmk1\n\n";
        let f = flat(text);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].2, [("Name", "vmk0", 3, 0), ("MTU", "1500", 5, 0)]);
        assert_eq!((f[1].0, f[1].1), (Some("vmk1"), 7));
    }

    #[test]
    fn unnamed_block_and_crlf() {
        let f = flat("   Product: VMware ESXi\r\n   Build: Releasebuild-20328353\r\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, None);
        assert_eq!(f[0].2[1], ("Build", "Releasebuild-20328353", 2, 0));
    }

    #[test]
    fn nested_pairs_keep_their_indent() {
        let text = "   Trace: \n         Received Bytes: 64\n         Host: 2001:db8::1\n\n         Received Bytes: 64\n   Summary: \n         Host Addr: 2001:db8::1\n";
        let blocks: Vec<_> = Blocks::new(Lines::span(text, 0, 1, Default::default())).collect();
        assert_eq!(blocks.len(), 1);
        let p: Vec<_> = blocks[0].pairs().collect();
        assert_eq!(p.len(), 6);
        assert_eq!((p[0].key, p[0].indent), ("Trace", 3));
        assert_eq!((p[2].value, p[2].indent), ("2001:db8::1", 9));
        assert!(p[3].after_blank && !p[2].after_blank);
        assert_eq!(p[4].key, "Summary");
    }

    #[test]
    fn non_pair_lines_inside_a_block() {
        let f = flat("vmk0\n   Name: vmk0\n      wrapped text\nprose after it\n");
        assert_eq!(f[0].2[1], ("", "wrapped text", 3, 6));
        assert_eq!(
            (f[1].0, f[1].1, f[1].2.len()),
            (Some("prose after it"), 4, 0)
        );
    }

    #[test]
    fn values_with_colons() {
        assert_eq!(
            split_pair("Address: fe80::250:56ff:fe6a:1234"),
            Some(("Address", "fe80::250:56ff:fe6a:1234"))
        );
        assert_eq!(split_pair("Time:\t10:30"), Some(("Time", "10:30")));
        assert_eq!(split_pair(": x"), None);
        assert_eq!(split_pair("[root@esx01:~] esxcli"), None);
        assert_eq!(split_pair("00:50:56:6a:12:34"), None);
        assert_eq!(
            split_pair("PING 192.0.2.1 (192.0.2.1): 56 data bytes"),
            None
        );
        assert_eq!(split_pair("Double  Blank: x"), None);
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(flat("").is_empty());
        assert!(flat("\n \n\r\n").is_empty());
        assert!(is_pair_or_blank("") && is_pair_or_blank("  Tags: x") && !is_pair_or_blank("vmk0"));
    }

    #[test]
    fn pairs_are_restartable() {
        let b = Blocks::new(Lines::new("x\n a: 1\n b: 2\ny\n"))
            .next()
            .unwrap();
        let it = b.pairs();
        assert_eq!(it.clone().count(), 2);
        assert_eq!(it.count(), 2);
        assert_eq!(b.value("B"), Some("2"));
    }
}
