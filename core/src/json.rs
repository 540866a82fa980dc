//! A small zero-copy JSON tokenizer (RFC 8259) for the facts file.
//!
//! Tokens carry byte offsets and borrow the input: a string token is the raw text between
//! its quotes (escapes validated, not decoded), a number its literal. Nothing recurses:
//! [`skip_value`] walks nested values with a fixed-size bit stack, so any input runs in
//! linear time and constant stack. Every error the tokenizer finds itself is
//! [`ErrorKind::FactsSyntax`], at the byte offset of the offending token.

use core::fmt;

use crate::{Error, ErrorKind};

/// Deepest nesting [`skip_value`] accepts (one bit of its stack per level).
pub(crate) const MAX_DEPTH: u32 = 32;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `{`
    ObjectStart,
    /// `}`
    ObjectEnd,
    /// `[`
    ArrayStart,
    /// `]`
    ArrayEnd,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// A string; the token text is the raw content between the quotes.
    Str,
    /// A number literal.
    Number,
    /// `true`
    True,
    /// `false`
    False,
    /// `null`
    Null,
    /// The end of the input (empty text).
    End,
}

impl Kind {
    /// Whether a value can start with this token.
    pub(crate) const fn starts_value(self) -> bool {
        matches!(
            self,
            Self::ObjectStart
                | Self::ArrayStart
                | Self::Str
                | Self::Number
                | Self::True
                | Self::False
                | Self::Null
        )
    }
}

/// One token: kind, byte offset of its first byte, and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of the token (of the opening quote for strings).
    pub offset: usize,
    /// The token's text; for [`Kind::Str`] the raw content between the quotes.
    pub text: &'a str,
}

/// Splits a text into [`Token`]s, validating each as it goes.
#[derive(Clone, Debug)]
pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text` (a leading byte-order mark is skipped).
    pub(crate) fn new(text: &'a str) -> Self {
        let pos = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        Self { text, pos }
    }

    /// A [`ErrorKind::FactsSyntax`] (or other) error at a byte offset of the text.
    pub(crate) fn error(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::at(kind, self.text, offset)
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// The token `text[start..end]`; `end` always lies on an ASCII byte or the end.
    fn token(&mut self, kind: Kind, start: usize, end: usize) -> Result<Token<'a>, Error> {
        let text = self
            .text
            .get(start..end)
            .ok_or_else(|| self.error(ErrorKind::FactsSyntax, start))?;
        self.pos = end;
        Ok(Token {
            kind,
            offset: start,
            text,
        })
    }

    /// The next token ([`Kind::End`] at the end, repeatedly).
    pub(crate) fn next_token(&mut self) -> Result<Token<'a>, Error> {
        while matches!(self.byte(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos = self.pos.saturating_add(1);
        }
        let start = self.pos;
        let Some(b) = self.byte(start) else {
            return self.token(Kind::End, start, start);
        };
        let one = start.saturating_add(1);
        match b {
            b'{' => self.token(Kind::ObjectStart, start, one),
            b'}' => self.token(Kind::ObjectEnd, start, one),
            b'[' => self.token(Kind::ArrayStart, start, one),
            b']' => self.token(Kind::ArrayEnd, start, one),
            b':' => self.token(Kind::Colon, start, one),
            b',' => self.token(Kind::Comma, start, one),
            b'"' => {
                let close = self.string_end(start)?;
                let token = self.token(Kind::Str, one, close)?;
                self.pos = close.saturating_add(1);
                Ok(Token {
                    offset: start,
                    ..token
                })
            }
            b'-' | b'0'..=b'9' => {
                let end = self
                    .number_end(start)
                    .ok_or_else(|| self.error(ErrorKind::FactsSyntax, start))?;
                self.token(Kind::Number, start, end)
            }
            _ => {
                for (word, kind) in [
                    ("true", Kind::True),
                    ("false", Kind::False),
                    ("null", Kind::Null),
                ] {
                    if self.text.get(start..).is_some_and(|r| r.starts_with(word)) {
                        return self.token(kind, start, start.saturating_add(word.len()));
                    }
                }
                Err(self.error(ErrorKind::FactsSyntax, start))
            }
        }
    }

    /// Offset of the quote closing the string opened at `open`.
    fn string_end(&self, open: usize) -> Result<usize, Error> {
        let mut i = open.saturating_add(1);
        loop {
            match self.byte(i) {
                // Unterminated: the opening quote is what needs fixing.
                None | Some(b'\n' | b'\r') => {
                    return Err(self.error(ErrorKind::FactsSyntax, open));
                }
                Some(b'"') => return Ok(i),
                Some(b'\\') => i = self.escape_end(i)?,
                Some(0..0x20) => return Err(self.error(ErrorKind::FactsSyntax, i)),
                Some(_) => i = i.saturating_add(1),
            }
        }
    }

    /// Offset after the escape starting at the backslash `at`; surrogates must pair.
    fn escape_end(&self, at: usize) -> Result<usize, Error> {
        let bad = || self.error(ErrorKind::FactsSyntax, at);
        let after = at.saturating_add(2);
        match self.byte(at.saturating_add(1)) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(after),
            Some(b'u') => {
                let unit = self.hex4(after).ok_or_else(bad)?;
                let next = after.saturating_add(4);
                match unit {
                    0xD800..=0xDBFF => {
                        let low = (self.byte(next) == Some(b'\\')
                            && self.byte(next.saturating_add(1)) == Some(b'u'))
                        .then(|| self.hex4(next.saturating_add(2)))
                        .flatten();
                        match low {
                            Some(0xDC00..=0xDFFF) => Ok(next.saturating_add(6)),
                            _ => Err(bad()),
                        }
                    }
                    0xDC00..=0xDFFF => Err(bad()),
                    _ => Ok(next),
                }
            }
            _ => Err(bad()),
        }
    }

    /// The four hex digits at `at` as a UTF-16 code unit.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.get(at..at.checked_add(4)?)?;
        digits
            .chars()
            .try_fold(0u32, |acc, c| Some(acc.wrapping_shl(4) | c.to_digit(16)?))
    }

    /// End of the number starting at `start`: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.
    fn number_end(&self, start: usize) -> Option<usize> {
        let digits = |from: usize| {
            let n = self
                .text
                .get(from..)?
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            (n > 0).then(|| from.checked_add(n)).flatten()
        };
        let mut i = start;
        if self.byte(i) == Some(b'-') {
            i = i.checked_add(1)?;
        }
        i = if self.byte(i) == Some(b'0') {
            i.checked_add(1)?
        } else {
            digits(i)?
        };
        if self.byte(i) == Some(b'.') {
            i = digits(i.checked_add(1)?)?;
        }
        if matches!(self.byte(i), Some(b'e' | b'E')) {
            i = i.checked_add(1)?;
            if matches!(self.byte(i), Some(b'+' | b'-')) {
                i = i.checked_add(1)?;
            }
            i = digits(i)?;
        }
        Some(i)
    }

    /// The next member of an object whose `{` is consumed: its key (a [`Kind::Str`]) and
    /// the first token of its value, or `None` at the closing `}`. `first` tracks whether a
    /// comma is due; a trailing comma is an error at the `}`.
    pub(crate) fn next_member(
        &mut self,
        first: &mut bool,
    ) -> Result<Option<(Token<'a>, Token<'a>)>, Error> {
        let mut key = self.next_token()?;
        if key.kind == Kind::ObjectEnd && *first {
            return Ok(None);
        }
        if !*first {
            match key.kind {
                Kind::ObjectEnd => return Ok(None),
                Kind::Comma => key = self.next_token()?,
                _ => return Err(self.error(ErrorKind::FactsSyntax, key.offset)),
            }
        }
        *first = false;
        if key.kind != Kind::Str {
            return Err(self.error(ErrorKind::FactsSyntax, key.offset));
        }
        let colon = self.next_token()?;
        if colon.kind != Kind::Colon {
            return Err(self.error(ErrorKind::FactsSyntax, colon.offset));
        }
        Ok(Some((key, self.value_token()?)))
    }

    /// The first token of the next element of an array whose `[` is consumed, or `None`
    /// at the closing `]` (see [`Lexer::next_member`]).
    pub(crate) fn next_element(&mut self, first: &mut bool) -> Result<Option<Token<'a>>, Error> {
        let mut token = self.next_token()?;
        if token.kind == Kind::ArrayEnd && *first {
            return Ok(None);
        }
        if !*first {
            match token.kind {
                Kind::ArrayEnd => return Ok(None),
                Kind::Comma => token = self.next_token()?,
                _ => return Err(self.error(ErrorKind::FactsSyntax, token.offset)),
            }
        }
        *first = false;
        if token.kind.starts_value() {
            Ok(Some(token))
        } else {
            Err(self.error(ErrorKind::FactsSyntax, token.offset))
        }
    }

    /// The text from byte `start` up to the current position ("" if out of range).
    pub(crate) fn since(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    /// The next token, which must start a value.
    pub(crate) fn value_token(&mut self) -> Result<Token<'a>, Error> {
        let token = self.next_token()?;
        if token.kind.starts_value() {
            Ok(token)
        } else {
            Err(self.error(ErrorKind::FactsSyntax, token.offset))
        }
    }
}

/// What [`skip_value`] accepts next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// A value.
    Value,
    /// A value or, right after `[`, the `]`.
    ValueOrClose,
    /// A key, after a comma.
    Key,
    /// A key or, right after `{`, the `}`.
    KeyOrClose,
    /// The colon after a key.
    Colon,
    /// After a value inside a container.
    CommaOrClose,
}

/// Skips the rest of the value whose first token is `first`, validating it; nesting
/// deeper than [`MAX_DEPTH`] is an error at the bracket that goes too deep.
pub(crate) fn skip_value<'a>(lexer: &mut Lexer<'a>, first: Token<'a>) -> Result<(), Error> {
    // Bit i of `stack` is set when level i (0 = innermost) is an object.
    let mut stack: u32 = 0;
    let mut depth: u32 = 0;
    let mut token = first;
    let mut want = Want::Value;
    loop {
        let in_object = stack & 1 == 1;
        let closes = match token.kind {
            Kind::ObjectEnd => in_object && depth > 0,
            Kind::ArrayEnd => !in_object && depth > 0,
            _ => false,
        };
        want = match (want, token.kind) {
            (Want::ValueOrClose | Want::KeyOrClose | Want::CommaOrClose, _) if closes => {
                stack = stack.wrapping_shr(1);
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(());
                }
                Want::CommaOrClose
            }
            (Want::Value | Want::ValueOrClose, Kind::ObjectStart | Kind::ArrayStart) => {
                if depth >= MAX_DEPTH {
                    return Err(lexer.error(ErrorKind::FactsSyntax, token.offset));
                }
                depth = depth.saturating_add(1);
                let object = token.kind == Kind::ObjectStart;
                stack = stack.wrapping_shl(1) | u32::from(object);
                if object {
                    Want::KeyOrClose
                } else {
                    Want::ValueOrClose
                }
            }
            (Want::Value | Want::ValueOrClose, kind) if kind.starts_value() => {
                if depth == 0 {
                    return Ok(());
                }
                Want::CommaOrClose
            }
            (Want::Key | Want::KeyOrClose, Kind::Str) => Want::Colon,
            (Want::Colon, Kind::Colon) => Want::Value,
            (Want::CommaOrClose, Kind::Comma) if in_object => Want::Key,
            (Want::CommaOrClose, Kind::Comma) => Want::Value,
            _ => return Err(lexer.error(ErrorKind::FactsSyntax, token.offset)),
        };
        token = lexer.next_token()?;
    }
}

/// Whether the raw content of a JSON string equals `plain` once its escapes are decoded.
pub(crate) fn raw_eq(raw: &str, plain: &str) -> bool {
    if raw.contains('\\') {
        Unescape::new(raw).eq(plain.chars())
    } else {
        raw == plain
    }
}

/// The characters of a JSON string's raw content, escapes decoded, without allocating.
///
/// Facts keep strings as the raw text between the quotes (zero-copy); this decodes them
/// for display or comparison. It is an iterator of `char` and displays as the decoded
/// text. Malformed escapes (impossible in validated facts) decode as U+FFFD.
///
/// ```
/// use vmkcheck_core::facts::Unescape;
/// let raw = r#"esx\u0030\t\"1\" \ud83d\ude00"#;
/// assert_eq!(Unescape::new(raw).to_string(), "esx0\t\"1\" 😀");
/// assert!(Unescape::new(raw).eq("esx0\t\"1\" 😀".chars()));
/// ```
#[derive(Clone, Debug)]
pub struct Unescape<'a> {
    chars: core::str::Chars<'a>,
}

impl<'a> Unescape<'a> {
    /// Decodes `raw`, the content between the quotes of a JSON string.
    ///
    /// ```
    /// let name: String = vmkcheck_core::facts::Unescape::new(r"caf\u00e9").collect();
    /// assert_eq!(name, "café");
    /// ```
    pub fn new(raw: &'a str) -> Self {
        Self { chars: raw.chars() }
    }

    /// Four hex digits as a UTF-16 code unit.
    fn hex4(&mut self) -> Option<u32> {
        (0..4).try_fold(0u32, |acc, _| {
            Some(acc.wrapping_shl(4) | self.chars.next()?.to_digit(16)?)
        })
    }

    /// The character of a `\u` escape whose `\u` is consumed (pairs surrogates).
    fn unicode(&mut self) -> Option<char> {
        let unit = self.hex4()?;
        if !(0xD800..=0xDBFF).contains(&unit) {
            return char::from_u32(unit);
        }
        let mut ahead = self.chars.clone();
        if (ahead.next(), ahead.next()) != (Some('\\'), Some('u')) {
            return None;
        }
        self.chars = ahead;
        let low = self.hex4().filter(|l| (0xDC00..=0xDFFF).contains(l))?;
        // 0x10000 + (high - 0xD800) << 10 + (low - 0xDC00), with bit operations.
        char::from_u32(0x10000 | (unit & 0x3FF).wrapping_shl(10) | (low & 0x3FF))
    }
}

impl Iterator for Unescape<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c != '\\' {
            return Some(c);
        }
        let decoded = match self.chars.next() {
            Some('"') => Some('"'),
            Some('\\') => Some('\\'),
            Some('/') => Some('/'),
            Some('b') => Some('\u{8}'),
            Some('f') => Some('\u{c}'),
            Some('n') => Some('\n'),
            Some('r') => Some('\r'),
            Some('t') => Some('\t'),
            Some('u') => self.unicode(),
            _ => None,
        };
        Some(decoded.unwrap_or(char::REPLACEMENT_CHARACTER))
    }
}

impl fmt::Display for Unescape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        self.clone().try_for_each(|c| f.write_char(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::String;
    use std::vec::Vec;

    fn kinds(text: &str) -> Result<Vec<Kind>, Error> {
        let mut lexer = Lexer::new(text);
        let mut out = Vec::new();
        loop {
            let t = lexer.next_token()?;
            if t.kind == Kind::End {
                return Ok(out);
            }
            out.push(t.kind);
        }
    }

    fn err_at(text: &str) -> (u32, u32) {
        let e = kinds(text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::FactsSyntax);
        (e.line, e.column)
    }

    fn skip(text: &str) -> Result<usize, Error> {
        let mut lexer = Lexer::new(text);
        let first = lexer.next_token()?;
        skip_value(&mut lexer, first)?;
        Ok(lexer.pos)
    }

    #[test]
    fn tokens_and_offsets() {
        let text = " {\"a\\\"b\": [1, -2.5e+3, true, false, null]}";
        let mut lexer = Lexer::new(text);
        let t = lexer.next_token().unwrap();
        assert_eq!((t.kind, t.offset), (Kind::ObjectStart, 1));
        let t = lexer.next_token().unwrap();
        assert_eq!((t.kind, t.offset, t.text), (Kind::Str, 2, "a\\\"b"));
        assert_eq!(lexer.next_token().unwrap().kind, Kind::Colon);
        assert_eq!(lexer.next_token().unwrap().kind, Kind::ArrayStart);
        let t = lexer.next_token().unwrap();
        assert_eq!((t.kind, t.text), (Kind::Number, "1"));
        assert_eq!(lexer.next_token().unwrap().kind, Kind::Comma);
        let t = lexer.next_token().unwrap();
        assert_eq!((t.kind, t.offset, t.text), (Kind::Number, 14, "-2.5e+3"));
        use Kind::*;
        assert_eq!(
            kinds("true,false,null]}").unwrap(),
            [True, Comma, False, Comma, Null, ArrayEnd, ObjectEnd]
        );
        assert_eq!(kinds("\u{feff} {}").unwrap(), [ObjectStart, ObjectEnd]);
    }

    #[test]
    fn numbers() {
        for ok in ["0", "-0", "10", "1.5", "1e9", "1E-2", "-12.75e+10"] {
            assert_eq!(kinds(ok).unwrap(), [Kind::Number], "{ok}");
        }
        for bad in ["-", "1.", ".5", "1e", "1e+", "-a", "+1"] {
            assert_eq!(err_at(bad), (1, 1), "{bad}");
        }
        // `01` is two numbers; the parser rejects the second where it stands.
        assert_eq!(kinds("01").unwrap(), [Kind::Number, Kind::Number]);
    }

    #[test]
    fn string_errors_point_at_the_culprit() {
        assert_eq!(err_at("  \"abc"), (1, 3));
        assert_eq!(err_at("\"ab\ncd\""), (1, 1));
        assert_eq!(err_at("\"a\tb\""), (1, 3));
        assert_eq!(err_at("\"a\\xb\""), (1, 3));
        assert_eq!(err_at("\"\\u12g4\""), (1, 2));
        assert_eq!(err_at("\"\\ud800\""), (1, 2));
        assert_eq!(err_at("\"\\udc00\""), (1, 2));
        assert_eq!(err_at("\"\\ud800\\u0041\""), (1, 2));
        assert_eq!(err_at("\"é\" tru"), (1, 5));
        assert_eq!(err_at("@"), (1, 1));
        for ok in [
            r#""\"\\\/\b\f\n\r\t""#,
            r#""\u00e9\uD83D\uDE00""#,
            "\"管理\"",
        ] {
            assert_eq!(kinds(ok).unwrap(), [Kind::Str], "{ok}");
        }
    }

    #[test]
    fn unescape_decodes() {
        let s: String = Unescape::new(r#"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00x"#).collect();
        assert_eq!(s, "\"\\/\u{8}\u{c}\n\r\té😀x");
        assert!(raw_eq(r"esx\u00301", "esx01"));
        assert!(raw_eq("esx01", "esx01"));
        assert!(!raw_eq(r"esx\u00301", "esx02"));
        assert!(!raw_eq(r"esx\u0030", "esx01"));
        // Malformed (never produced by the lexer) does not panic.
        let s: String = Unescape::new(r"\x\u12\ud800\u0041\").collect();
        assert!(s.contains(char::REPLACEMENT_CHARACTER));
    }

    #[test]
    fn skip_validates_and_stops_after_the_value() {
        let text = r#"{"a": [1, {"b": null}, []], "c": {}} , 5"#;
        assert_eq!(skip(text).unwrap(), 36);
        assert_eq!(skip("\"x\" 1").unwrap(), 3);
        assert_eq!(skip("[]").unwrap(), 2);
        for (bad, col) in [
            ("[1, 2,]", 7),
            ("{\"a\": 1,}", 9),
            ("{\"a\" 1}", 6),
            ("{1: 2}", 2),
            ("[1 2]", 4),
            ("[1}", 3),
            ("{\"a\": 1]", 8),
            ("[", 2),
            ("]", 1),
            ("[,]", 2),
        ] {
            let e = skip(bad).unwrap_err();
            assert_eq!(
                (e.kind, e.line, e.column),
                (ErrorKind::FactsSyntax, 1, col),
                "{bad}"
            );
        }
    }

    #[test]
    fn skip_depth_is_bounded() {
        let deep: String = core::iter::repeat_n('[', 1000).collect();
        let e = skip(&deep).unwrap_err();
        assert_eq!((e.kind, e.offset), (ErrorKind::FactsSyntax, 32));
        let ok: String = core::iter::repeat_n('[', 32)
            .chain(core::iter::repeat_n(']', 32))
            .collect();
        assert_eq!(skip(&ok).unwrap(), 64);
    }

    #[test]
    fn members_and_elements() {
        let mut lexer = Lexer::new(r#"{"a": 1, "b": [true]}"#);
        lexer.next_token().unwrap();
        let mut first = true;
        let (k, v) = lexer.next_member(&mut first).unwrap().unwrap();
        assert_eq!((k.text, v.text), ("a", "1"));
        let (k, v) = lexer.next_member(&mut first).unwrap().unwrap();
        assert_eq!((k.text, v.kind), ("b", Kind::ArrayStart));
        let mut first_el = true;
        assert_eq!(
            lexer.next_element(&mut first_el).unwrap().unwrap().kind,
            Kind::True
        );
        assert_eq!(lexer.next_element(&mut first_el).unwrap(), None);
        assert_eq!(lexer.next_member(&mut first).unwrap(), None);

        let mut lexer = Lexer::new("{,}");
        lexer.next_token().unwrap();
        assert_eq!(lexer.next_member(&mut true).unwrap_err().offset, 1);
        let mut lexer = Lexer::new("[1,]");
        lexer.next_token().unwrap();
        let mut first = true;
        lexer.next_element(&mut first).unwrap();
        assert_eq!(lexer.next_element(&mut first).unwrap_err().offset, 3);
    }
}
