//! Arguments in, errors out: `str`/`bytes` to text the way the CLI reads files (UTF-8,
//! no NUL, a leading BOM dropped, at most `MAX_INPUT_BYTES`), core errors to
//! `vmkcheck.ParseError`, panics to `RuntimeError`, and the GIL released for large inputs.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PySlice, PyString, PyType};
use vmkcheck_core::{Error, ErrorKind};
use vmkcheck_json::MAX_INPUT_BYTES;

/// Inputs above this many bytes are parsed with the GIL released: below it, releasing
/// and re-taking the GIL costs more than other threads gain.
pub(crate) const DETACH_BYTES: usize = 4 * 1024;

/// A text argument as received: a UTF-8 copy of a `str`, or the bytes of a `bytes`
/// object (borrowed: `bytes` are immutable and the caller holds a reference).
#[derive(Debug)]
pub(crate) enum Raw<'a> {
    Str(String),
    Bytes(&'a [u8]),
}

impl Raw<'_> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Self::Str(s) => s.len(),
            Self::Bytes(b) => b.len(),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .and_then(|n| n.extract::<String>())
        .unwrap_or_else(|_| "object".to_owned())
}

/// Reads a `str` or `bytes` argument; anything else is a `TypeError` naming `what`.
pub(crate) fn raw<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Raw<'a>> {
    let py = obj.py();
    if let Ok(b) = obj.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(parse_error(py, &too_large(), Some(what), None));
        }
        return Ok(Raw::Bytes(bytes));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        // A str holds at least one byte per character: refuse before copying it.
        if s.len()? > MAX_INPUT_BYTES {
            return Err(parse_error(py, &too_large(), Some(what), None));
        }
        return match s.to_cow() {
            Ok(text) => Ok(Raw::Str(text.into_owned())),
            Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(py) => {
                Err(parse_error(py, &surrogate_error(s, &e)?, Some(what), None))
            }
            Err(e) => Err(e),
        };
    }
    let name = type_name(obj);
    let hint = if obj.hasattr("__fspath__").unwrap_or(false) {
        " (to check a file, pass its contents, e.g. Path(...).read_text())"
    } else if obj.is_instance_of::<pyo3::types::PyByteArray>() {
        " (convert it with bytes(...))"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {name}{hint}"
    )))
}

/// A `str` that cannot be UTF-8 (a lone surrogate, e.g. from `surrogateescape`): the
/// error points at the first such character, as for bytes that are not UTF-8.
fn surrogate_error(s: &Bound<'_, PyString>, e: &PyErr) -> PyResult<Error> {
    let py = s.py();
    let start: isize = e.value(py).getattr("start")?.extract()?;
    let head = s.get_item(PySlice::new(py, 0, start, 1))?;
    let head = head.cast::<PyString>()?.to_cow()?;
    Ok(Error::at(ErrorKind::InvalidUtf8, &head, head.len()))
}

fn too_large() -> Error {
    Error {
        kind: ErrorKind::TooLarge,
        line: 0,
        column: 0,
        offset: MAX_INPUT_BYTES,
    }
}

/// The text, as the CLI reads a file: valid UTF-8, no NUL byte, a leading byte-order mark
/// dropped, at most [`MAX_INPUT_BYTES`].
///
/// The common case is checked first with `memchr` (`<[u8]>::contains`), several times
/// faster than `vmkcheck_json::as_text`'s byte loop (a tenth of the time of parsing a
/// vmkping run); only input that fails it goes through `as_text`, for the same error.
pub(crate) fn text<'r>(raw: &'r Raw<'_>) -> Result<&'r str, Error> {
    let clean = match raw {
        // A `str` is UTF-8 already.
        Raw::Str(s) => Some(s.as_str()),
        Raw::Bytes(b) => std::str::from_utf8(b).ok(),
    }
    .filter(|s| !s.as_bytes().contains(&0));
    let s = match clean {
        Some(s) => s,
        None => vmkcheck_json::as_text(match raw {
            Raw::Str(s) => s.as_bytes(),
            Raw::Bytes(b) => b,
        })?,
    };
    vmkcheck_json::limit(vmkcheck_json::strip_bom(s))
}

/// Runs the core: with the GIL released when the input is larger than [`DETACH_BYTES`],
/// and behind a panic boundary (a panic is a bug: it becomes a `RuntimeError`, never a
/// `PanicException`).
pub(crate) fn run<T, F>(py: Python<'_>, input_len: usize, f: F) -> PyResult<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    let guarded = move || catch_unwind(AssertUnwindSafe(f));
    let result = if input_len > DETACH_BYTES {
        py.detach(guarded)
    } else {
        guarded()
    };
    result.map_err(|payload| internal_error(payload.as_ref()))
}

fn internal_error(payload: &(dyn Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic");
    PyRuntimeError::new_err(format!(
        "vmkcheck internal error, please report it with the input: {what}"
    ))
}

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The message of an error: the core's `line L, column C: what` (only `what` when the
/// error has no position), after `source: `, with the text at the offset when given.
fn message(e: &Error, source: Option<&str>, near: Option<&str>) -> String {
    let shown = e.to_string();
    // The core's `line L, column C: what`; facts errors' `what` starts with `facts: `.
    let what = shown.split_once(": ").map_or(shown.as_str(), |(_, w)| w);
    let what = match source {
        Some("facts") => what.strip_prefix("facts: ").unwrap_or(what),
        _ => what,
    };
    let mut m = String::new();
    if let Some(s) = source {
        m.push_str(s);
        m.push_str(": ");
    }
    match (e.kind, e.line) {
        (ErrorKind::TooLarge, _) => m.push_str(&format!(
            "the input is larger than the accepted maximum ({MAX_INPUT_BYTES} bytes)"
        )),
        (_, 0) => m.push_str(what),
        _ => m.push_str(&format!("line {}, column {}: {what}", e.line, e.column)),
    }
    if let Some(near) = near.filter(|n| !n.is_empty()) {
        m.push_str(&format!(", at {near}"));
    }
    m
}

/// A `vmkcheck.ParseError` (a `ValueError`) with `kind`, `line`, `column`, `offset` and
/// `source`. `near` is the input text at the error, shown in the message.
pub(crate) fn parse_error(
    py: Python<'_>,
    e: &Error,
    source: Option<&str>,
    near: Option<&str>,
) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let cls = PARSE_ERROR.import(py, "vmkcheck._errors", "ParseError")?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("kind", e.kind.as_str())?;
        kwargs.set_item("line", e.line)?;
        kwargs.set_item("column", e.column)?;
        kwargs.set_item("offset", e.offset)?;
        kwargs.set_item("source", source)?;
        let err = cls.call((message(e, source, near),), Some(&kwargs))?;
        Ok(PyErr::from_value(err))
    };
    make().unwrap_or_else(|err| err)
}

/// The JSON token of `text` at byte `offset` (a whole string with its quotes, else up to
/// the next delimiter; at most 60 characters), to show where a facts document went wrong.
pub(crate) fn near(text: &str, offset: usize) -> Option<&str> {
    let rest = text.get(offset..)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let end = if first == '"' {
        let mut escaped = false;
        chars
            .find(|&(_, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes
            })
            .map_or(rest.len(), |(i, c)| i + c.len_utf8())
    } else {
        rest.find(|c: char| matches!(c, ',' | ':' | '{' | '}' | '[' | ']') || c.is_whitespace())
            .filter(|&i| i > 0)
            .unwrap_or_else(|| first.len_utf8())
    };
    let token = rest.get(..end)?;
    let capped = token.char_indices().nth(60).map_or(token.len(), |(i, _)| i);
    token.get(..capped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_like_the_cli() {
        assert_eq!(text(&Raw::Bytes(b"\xef\xbb\xbfvmk0\n")), Ok("vmk0\n"));
        let e = text(&Raw::Bytes(b"ok\nab\xffc")).unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column, e.offset),
            (ErrorKind::InvalidUtf8, 2, 3, 5)
        );
        let e = text(&Raw::Str("a\n\0".into())).unwrap_err();
        assert_eq!((e.kind, e.line, e.column), (ErrorKind::NotText, 2, 1));
    }

    #[test]
    fn messages_name_the_source_and_position() {
        let e = Error::at(ErrorKind::InvalidUtf8, "ab", 2);
        assert_eq!(
            message(&e, Some("hosts['esx01']"), None),
            "hosts['esx01']: line 1, column 3: the input is not valid UTF-8"
        );
        assert_eq!(
            message(&too_large(), None, None),
            format!("the input is larger than the accepted maximum ({MAX_INPUT_BYTES} bytes)")
        );
        assert_eq!(near("{\"a\\\"b\": 1,\n}", 1), Some("\"a\\\"b\""));
        assert_eq!(near("{\"a\": yes}", 6), Some("yes"));
        assert_eq!(near("{\"a\": {}}", 6), Some("{"));
        assert_eq!(near("x", 5), None);
        let e = Error::at(ErrorKind::FactsType, "{}", 1);
        assert!(
            message(&e, Some("facts"), Some("yes"))
                .starts_with("facts: line 1, column 2: wrong type")
        );
    }
}
