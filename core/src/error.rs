//! The one error type of the core: small, `Copy`, and allocation-free to display.

use core::fmt;

/// What went wrong. `#[non_exhaustive]`: new kinds arrive with new inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds nothing but blanks.
    Empty,
    /// No `esxcfg-vmknic -l` header or `vmkN` row was found.
    NoVmknicTable,
    /// No `vmkping`/`ping` command line, `PING` header, reply or summary was found.
    NoPingOutput,
    /// The input is not UTF-8 (reported by front ends that receive bytes).
    InvalidUtf8,
    /// The input holds a NUL byte or other control bytes: it is not text.
    NotText,
    /// The input is larger than the front end accepts.
    TooLarge,
    /// A caller-provided buffer is too small (`offset` holds the length it had).
    Capacity,
    /// The facts file is not valid JSON (or nests deeper than its format).
    FactsSyntax,
    /// A facts value has the wrong JSON type (e.g. a string where a boolean belongs).
    FactsType,
    /// A host object of the facts file names a field that does not exist (a typo?).
    FactsUnknownField,
    /// A facts value has the right type but is not accepted (a bad version, vendor, tag…).
    FactsValue,
    /// A host object of the facts file gives the same field twice.
    FactsDuplicateField,
}

impl ErrorKind {
    /// A stable snake_case name, as used in JSON and by the bindings.
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::ErrorKind::NoPingOutput.as_str(), "no_ping_output");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NoVmknicTable => "no_vmknic_table",
            Self::NoPingOutput => "no_ping_output",
            Self::InvalidUtf8 => "invalid_utf8",
            Self::NotText => "not_text",
            Self::TooLarge => "too_large",
            Self::Capacity => "capacity",
            Self::FactsSyntax => "facts_syntax",
            Self::FactsType => "facts_type",
            Self::FactsUnknownField => "facts_unknown_field",
            Self::FactsValue => "facts_value",
            Self::FactsDuplicateField => "facts_duplicate_field",
        }
    }

    const fn describe(self) -> &'static str {
        match self {
            Self::Empty => "the input is empty",
            Self::NoVmknicTable => "no esxcfg-vmknic -l table (header or vmkN row) found",
            Self::NoPingOutput => "no vmkping command, PING header, reply or summary found",
            Self::InvalidUtf8 => "the input is not valid UTF-8",
            Self::NotText => "the input holds control bytes (NUL): it is not text",
            Self::TooLarge => "the input is larger than the accepted maximum",
            Self::Capacity => "a caller-provided buffer is too small (size it with rules::needs)",
            Self::FactsSyntax => "facts: invalid JSON",
            Self::FactsType => {
                "facts: wrong type (the file, each host and tags are objects, a vmk's tags an \
                 array of strings, flags booleans, line_rate_mbps a number, the rest strings)"
            }
            Self::FactsUnknownField => {
                "facts: unknown field (known: esxi_version, vcenter, vcenter_version, license, \
                 cpu_vendor, aes_ni, pclmulqdq, evc_mode, encrypted_vmotion, line_rate_mbps, \
                 linked_mode, tags)"
            }
            Self::FactsValue => {
                "facts: value not accepted (version, license, CPU vendor, encrypted_vmotion \
                 mode, line rate, vmk name or tag name)"
            }
            Self::FactsDuplicateField => "facts: the same field is given twice for one host",
        }
    }
}

/// A parse error: what and where. 24 bytes, `Copy`, `Display` without allocation.
///
/// `line` and `column` are 1-based (the column counts characters, not bytes);
/// `offset` is the 0-based byte offset into the input.
///
/// ```
/// let err = vmkcheck_core::vmknic::parse("hello").unwrap_err();
/// assert_eq!(err.kind, vmkcheck_core::ErrorKind::NoVmknicTable);
/// assert_eq!((err.line, err.column), (1, 1));
/// assert_eq!(err.to_string(), "line 1, column 1: no esxcfg-vmknic -l table (header or vmkN row) found");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// 0-based byte offset.
    pub offset: usize,
}

impl Error {
    /// An error at a byte offset of `input`; line and column are derived from it.
    ///
    /// ```
    /// use vmkcheck_core::{Error, ErrorKind};
    /// let e = Error::at(ErrorKind::NotText, "ab\ncé\0", 5);
    /// assert_eq!((e.line, e.column, e.offset), (2, 3, 5));
    /// ```
    pub fn at(kind: ErrorKind, input: &str, offset: usize) -> Self {
        let (line, column) = line_column(input, offset);
        Self {
            kind,
            line,
            column,
            offset,
        }
    }
}

/// 1-based line and character column of a byte offset (clamped to the input).
pub(crate) fn line_column(input: &str, offset: usize) -> (u32, u32) {
    let mut line: u32 = 1;
    let mut column: u32 = 1;
    for (i, c) in input.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line = line.saturating_add(1);
            column = 1;
        } else {
            column = column.saturating_add(1);
        }
    }
    (line, column)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line,
            self.column,
            self.kind.describe()
        )
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(feature = "serde")]
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 5)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("offset", &self.offset)?;
        st.serialize_field("message", &crate::ser::Shown(self))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_small_and_copy() {
        assert!(core::mem::size_of::<Error>() <= 24);
        let e = Error::at(ErrorKind::Empty, "", 0);
        let f = e;
        assert_eq!(e, f);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("管理\nx", 7), (2, 1));
        assert_eq!(line_column("管理x", 6), (1, 3));
        assert_eq!(line_column("abc", 99), (1, 4));
    }
}
