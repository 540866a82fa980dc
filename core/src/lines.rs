//! Physical lines of pasted text, with what the paste's container added taken away.
//!
//! Pastes arrive quoted (`> `, `# ` on every line), indented, with CRLF, wrapped in
//! `<pre>`/`<b>` tags. [`Wrapper::detect`] finds a prefix that *every* non-blank line
//! shares; [`Lines`] strips it and the markup from each line while keeping the line's
//! number and byte offset in the original input, so evidence can be pointed at.

/// One line of input, without its line end and without the paste's wrapper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text (no `\n`, no trailing `\r`, wrapper and markup removed).
    pub text: &'a str,
    /// 1-based line number in the whole input.
    pub number: u32,
    /// Byte offset of `text` in the whole input.
    pub offset: usize,
}

impl Line<'_> {
    /// True when the line holds only blanks.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// What a paste's container put in front of its lines.
///
/// Quote markers (`>`, `> > `) are stripped from every line that has them: no ESXi
/// output or prompt starts with `>`, so an e-mail reply quoting only the commands reads
/// as well as a fully quoted one. `# ` and a common indent are stripped only when
/// *every* non-blank line has them, so `# cmd` prompts are not mistaken for a wrapper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wrapper {
    /// Blanks every non-blank line starts with (after quote markers).
    pub outer_indent: usize,
    /// Every non-blank line is `#` or starts with `# ` (after the outer indent).
    pub hash: bool,
    /// Blanks every non-blank line starts with after the `# `.
    pub indent: usize,
}

impl Wrapper {
    /// No wrapper.
    pub const NONE: Self = Self {
        outer_indent: 0,
        hash: false,
        indent: 0,
    };
}

/// Strips `>` quote markers (each with one following blank) and HTML tags.
fn strip_quotes(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = strip_markup(s);
        while let Some(rest) = s.strip_prefix('>') {
            s = rest.strip_prefix(' ').unwrap_or(rest);
        }
        if s.len() == before {
            return s;
        }
    }
}

fn strip_blanks(mut s: &str, mut n: usize) -> &str {
    while n > 0 {
        match s.strip_prefix(' ') {
            Some(rest) => s = rest,
            None => break,
        }
        n = n.saturating_sub(1);
    }
    s
}

/// The least number of leading blanks over the non-blank lines of `text`, as `strip`
/// would leave them.
fn common_indent(text: &str, strip: impl Fn(&str) -> &str) -> usize {
    let mut indent = usize::MAX;
    for raw in text.split('\n') {
        let line = strip(raw.trim_end_matches('\r'));
        if line.trim().is_empty() {
            continue;
        }
        indent = indent.min(
            line.len()
                .saturating_sub(line.trim_start_matches(' ').len()),
        );
        if indent == 0 {
            break;
        }
    }
    if indent == usize::MAX { 0 } else { indent }
}

impl Wrapper {
    /// Finds the wrapper of `text` (three linear passes).
    ///
    /// ```
    /// use vmkcheck_core::lines::Wrapper;
    /// assert!(Wrapper::detect("# a\n#\n#   b\n").hash);
    /// assert_eq!(Wrapper::detect("    a\n      b\n").outer_indent, 4);
    /// let w = Wrapper::detect("  #   a\n  #   b\n");
    /// assert_eq!((w.outer_indent, w.hash, w.indent), (2, true, 2));
    /// assert_eq!(Wrapper::detect("# cmd\noutput\n"), Wrapper::default());
    /// ```
    pub fn detect(text: &str) -> Self {
        let outer_indent = common_indent(text, strip_quotes);
        let mut hash = false;
        for raw in text.split('\n') {
            let line = strip_quotes(strip_blanks(strip_quotes(raw.trim_end()), outer_indent));
            if line.is_empty() {
                continue;
            }
            hash = line == "#" || line.starts_with("# ");
            if !hash {
                break;
            }
        }
        let probe = Self {
            outer_indent,
            hash,
            indent: 0,
        };
        let indent = if hash {
            common_indent(text, |l| probe.strip(l))
        } else {
            0
        };
        Self {
            outer_indent,
            hash,
            indent,
        }
    }

    /// Removes the wrapper from one line (missing parts are tolerated).
    pub fn strip<'a>(&self, line: &'a str) -> &'a str {
        let mut s = strip_quotes(strip_blanks(strip_quotes(line), self.outer_indent));
        if self.hash
            && let Some(rest) = s.strip_prefix('#')
        {
            s = rest.strip_prefix(' ').unwrap_or(rest);
        }
        strip_markup(strip_blanks(s, self.indent))
    }
}

/// HTML tags that pastes from web pages leave around commands and output.
const TAGS: [&str; 8] = [
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<b>",
    "</b>",
    "<strong>",
    "</strong>",
];

/// Removes known HTML tags at the start and end of a line (they are not content).
fn strip_markup(mut s: &str) -> &str {
    // Almost no line carries a tag: look for one only where a tag could be.
    if !s.starts_with('<') && !s.trim_end().ends_with('>') {
        return s;
    }
    loop {
        let before = s.len();
        for tag in TAGS {
            if let Some(rest) = strip_prefix_ignore_case(s, tag) {
                s = rest;
            }
            if let Some(rest) = strip_suffix_ignore_case(s.trim_end(), tag) {
                s = rest;
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p)
        .then(|| s.get(p.len()..))
        .flatten()
}

fn strip_suffix_ignore_case<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(p.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(p).then(|| s.get(..cut)).flatten()
}

/// Index of the first `\n`: eight bytes at a time (a zero byte of `word ^ 0x0a…0a`
/// marks it), then byte by byte. Every line of every walk goes through here.
fn newline(bytes: &[u8]) -> Option<usize> {
    const LF: u64 = u64::from_ne_bytes([b'\n'; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0usize;
    for chunk in chunks.by_ref() {
        let word = u64::from_ne_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8])) ^ LF;
        if word.wrapping_sub(LOW) & !word & HIGH != 0 {
            break;
        }
        base = base.saturating_add(8);
    }
    bytes
        .get(base..)?
        .iter()
        .position(|b| *b == b'\n')
        .map(|i| base.saturating_add(i))
}

/// Iterator over the [`Line`]s of a span of the input.
///
/// ```
/// use vmkcheck_core::lines::Lines;
/// let v: Vec<_> = Lines::new("> a\r\n>\r\n> <b>b</b>\n").map(|l| (l.number, l.text)).collect();
/// assert_eq!(v, [(1, "a"), (2, ""), (3, "b")]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Lines<'a> {
    rest: &'a str,
    offset: usize,
    number: u32,
    wrapper: Wrapper,
}

impl<'a> Lines<'a> {
    /// Lines of a whole input, with its wrapper detected.
    pub fn new(text: &'a str) -> Self {
        Self::span(text, 0, 1, Wrapper::detect(text))
    }

    /// Lines of `span`, which starts at byte `offset` and line `number` of the whole input.
    pub const fn span(span: &'a str, offset: usize, number: u32, wrapper: Wrapper) -> Self {
        Self {
            rest: span,
            offset,
            number,
            wrapper,
        }
    }

    /// The part not yet iterated, its byte offset and the number of its first line.
    pub fn remaining(&self) -> (&'a str, usize, u32) {
        (self.rest, self.offset, self.number)
    }

    /// The wrapper stripped from every line.
    pub fn wrapper(&self) -> Wrapper {
        self.wrapper
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let (raw, consumed) = match newline(self.rest.as_bytes()) {
            Some(i) => (self.rest.get(..i).unwrap_or(""), i.saturating_add(1)),
            None => (self.rest, self.rest.len()),
        };
        let number = self.number;
        let start = self.offset;
        self.rest = self.rest.get(consumed..).unwrap_or("");
        self.offset = self.offset.saturating_add(consumed);
        self.number = self.number.saturating_add(1);

        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let text = self.wrapper.strip(raw);
        // `text` is a subslice of `raw`: its offset is the distance between the two starts.
        let skipped = (text.as_ptr() as usize).saturating_sub(raw.as_ptr() as usize);
        Some(Line {
            text,
            number,
            offset: start.saturating_add(skipped),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn newline_finds_the_first_line_feed_at_any_position() {
        for len in 0..40usize {
            for at in 0..=len {
                let mut v = std::vec![b'x'; len];
                if at < len {
                    v[at] = b'\n';
                    if at + 3 < len {
                        v[at + 3] = b'\n';
                    }
                }
                let want = v.iter().position(|b| *b == b'\n');
                assert_eq!(super::newline(&v), want, "len {len} at {at}");
            }
        }
        assert_eq!(super::newline("é\u{a0}\n".as_bytes()), Some(4));
    }

    use super::*;
    use std::vec::Vec;

    fn texts(s: &str) -> Vec<&str> {
        Lines::new(s).map(|l| l.text).collect()
    }

    #[test]
    fn crlf_and_missing_final_newline() {
        assert_eq!(texts("a\r\nb\r\nc"), ["a", "b", "c"]);
    }

    #[test]
    fn quotes_are_stripped_line_by_line() {
        assert_eq!(
            texts("prose\n> [root@a:~] ls\n>\n> > x\n"),
            ["prose", "[root@a:~] ls", "", "x"]
        );
    }

    #[test]
    fn hash_prefix_only_when_on_every_line() {
        assert_eq!(texts("# a\n#\n#   b\n"), ["a", "", "  b"]);
        assert_eq!(texts("# a\nb\n"), ["# a", "b"]);
    }

    #[test]
    fn common_indent_keeps_relative_columns() {
        assert_eq!(
            texts("    Interface  X\n    vmk0       Y\n"),
            ["Interface  X", "vmk0       Y"]
        );
        assert_eq!(texts("  a\n    b\n"), ["a", "  b"]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let src = "> <pre>x\n>  y";
        for l in Lines::new(src) {
            assert_eq!(src.get(l.offset..l.offset + l.text.len()), Some(l.text));
        }
    }

    #[test]
    fn markup_around_commands() {
        assert_eq!(
            texts("<b>[root@h:~] ls</b>\n<PRE>x</PRE>"),
            ["[root@h:~] ls", "x"]
        );
    }
}
