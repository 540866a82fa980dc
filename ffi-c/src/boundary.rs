//! The boundary every export goes through: the panic guard, argument checks, and the
//! only places that read the caller's inputs or write the caller's outputs.
//!
//! Rules kept here so that each export stays short:
//! - a panic never unwinds into C: [`run`] turns it into `VMKCHECK_ERR_PANIC`;
//! - a NULL pointer with a nonzero length (or capacity) is `VMKCHECK_ERR_NULL`; a NULL
//!   pointer with length 0 is an empty input;
//! - inputs are checked (UTF-8, no NUL, not overlapping an output) before any work;
//! - outputs are written last, and only on success (`*out_len` / `*n_*` also on
//!   `VMKCHECK_ERR_BUFFER_TOO_SMALL` / `VMKCHECK_ERR_CAPACITY`, `*err` on failure).

use core::ffi::{c_char, c_int};
use core::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use vmkcheck_core::{Error, ErrorKind};

use crate::names::c_name;
use crate::{
    VMKCHECK_ERR_BUFFER_TOO_SMALL, VMKCHECK_ERR_CAPACITY, VMKCHECK_ERR_INVALID_ARGUMENT,
    VMKCHECK_ERR_NULL, VMKCHECK_ERR_PANIC, VMKCHECK_ERR_PARSE, VMKCHECK_ERR_UTF8,
    VMKCHECK_INPUT_FACTS, VMKCHECK_INPUT_NAME, VMKCHECK_INPUT_NONE, VMKCHECK_INPUT_TEXT,
    VMKCHECK_NONE, VMKCHECK_OK, vmkcheck_error,
};

/// Which caller input an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// No input (an argument error).
    None,
    /// The text of a single-text call, or `hosts[i].text`.
    Text(usize),
    /// `hosts[i].name`.
    Name(usize),
    /// The facts document.
    Facts,
}

impl Input {
    fn code(self) -> (c_int, usize) {
        match self {
            Self::None => (VMKCHECK_INPUT_NONE, VMKCHECK_NONE),
            Self::Text(i) => (VMKCHECK_INPUT_TEXT, i),
            Self::Name(i) => (VMKCHECK_INPUT_NAME, i),
            Self::Facts => (VMKCHECK_INPUT_FACTS, VMKCHECK_NONE),
        }
    }
}

/// A failed call: the status to return and what to put into `*err`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fail {
    pub status: c_int,
    pub kind: &'static str,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub input: Input,
}

impl Fail {
    /// A failure without position; its kind is named after the status.
    pub fn status(status: c_int) -> Self {
        let kind = match status {
            VMKCHECK_ERR_NULL => "null_argument",
            VMKCHECK_ERR_UTF8 => "invalid_utf8",
            VMKCHECK_ERR_BUFFER_TOO_SMALL => "buffer_too_small",
            VMKCHECK_ERR_CAPACITY => "capacity",
            VMKCHECK_ERR_PANIC => "panic",
            VMKCHECK_ERR_PARSE => "parse",
            _ => "invalid_argument",
        };
        Self {
            status,
            kind,
            line: 0,
            column: 0,
            offset: 0,
            input: Input::None,
        }
    }

    /// A NULL pointer where one is required.
    pub fn null() -> Self {
        Self::status(VMKCHECK_ERR_NULL)
    }

    /// An argument that is not NULL but still unusable (misaligned, too long, overlapping).
    pub fn invalid() -> Self {
        Self::status(VMKCHECK_ERR_INVALID_ARGUMENT)
    }

    /// An error of the core about `input`; `shift` bytes (a byte-order mark the core did
    /// not see) are added to its offset so that it indexes the caller's buffer.
    pub fn core(e: Error, input: Input, shift: usize) -> Self {
        let status = match e.kind {
            ErrorKind::InvalidUtf8 => VMKCHECK_ERR_UTF8,
            ErrorKind::NotText | ErrorKind::TooLarge => VMKCHECK_ERR_INVALID_ARGUMENT,
            ErrorKind::Capacity => VMKCHECK_ERR_CAPACITY,
            _ => VMKCHECK_ERR_PARSE,
        };
        let input = if e.kind == ErrorKind::TooLarge {
            Input::None
        } else {
            input
        };
        Self {
            status,
            kind: e.kind.as_str(),
            line: e.line,
            column: e.column,
            offset: if e.kind == ErrorKind::TooLarge {
                e.offset
            } else {
                e.offset.saturating_add(shift)
            },
            input,
        }
    }

    fn to_c(self) -> vmkcheck_error {
        let (input, host) = self.input.code();
        vmkcheck_error {
            status: self.status,
            kind: c_name(self.kind),
            line: self.line,
            column: self.column,
            offset: self.offset,
            input,
            host,
        }
    }
}

/// The result of an export's body.
pub(crate) type Res<T> = Result<T, Fail>;

/// Runs an export's body behind the panic boundary and returns its status; on failure
/// `*err` (when not NULL) is filled in.
///
/// # Safety
/// `err` is NULL or valid for writing one `vmkcheck_error`.
pub(crate) unsafe fn run(err: *mut vmkcheck_error, body: impl FnOnce() -> Res<()>) -> c_int {
    let fail = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return VMKCHECK_OK,
        Ok(Err(fail)) => fail,
        Err(payload) => {
            // Dropping a payload runs foreign code too: keep it behind the boundary.
            if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
                core::mem::forget(again);
            }
            Fail::status(VMKCHECK_ERR_PANIC)
        }
    };
    if !err.is_null() && err.is_aligned() {
        // SAFETY: the caller passes NULL (checked above) or a pointer valid for writing
        // one `vmkcheck_error`; it is aligned (checked above).
        unsafe { err.write(fail.to_c()) };
    }
    fail.status
}

/// A panic boundary for exports that return a value instead of a status.
pub(crate) fn guard<T: Copy>(fallback: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(v) => v,
        Err(payload) => {
            if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
                core::mem::forget(again);
            }
            fallback
        }
    }
}

/// A byte range of caller memory, to check outputs against inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    start: usize,
    len: usize,
}

impl Span {
    pub fn of<T>(ptr: *const T, len_bytes: usize) -> Self {
        Self {
            start: ptr as usize,
            len: len_bytes,
        }
    }

    /// First byte's address.
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last byte's address.
    pub fn end(self) -> usize {
        self.start.saturating_add(self.len)
    }

    fn overlaps(self, other: Span) -> bool {
        self.len > 0
            && other.len > 0
            && self.start < other.start.saturating_add(other.len)
            && other.start < self.start.saturating_add(self.len)
    }
}

/// Fails when an output overlaps one of the inputs (writing it would change text the
/// results still point into).
pub(crate) fn no_overlap(output: Span, inputs: &[Span]) -> Res<()> {
    if inputs.iter().any(|i| i.overlaps(output)) {
        Err(Fail::invalid())
    } else {
        Ok(())
    }
}

/// The first checks on a caller's pointer to `n` structs (`n` = 1 for one struct):
/// NULL is `VMKCHECK_ERR_NULL`, misaligned is `VMKCHECK_ERR_INVALID_ARGUMENT`; with
/// `n == 0` any pointer passes (it is never read). Reading it stays the caller's
/// `unsafe` step, under its `// SAFETY:` comment.
pub(crate) fn checked<T>(ptr: *const T, n: usize) -> Res<*const T> {
    if n > 0 && ptr.is_null() {
        Err(Fail::null())
    } else if n > 0 && !ptr.is_aligned() {
        Err(Fail::invalid())
    } else {
        Ok(ptr)
    }
}

/// A caller's `(pointer, length)` bytes.
///
/// # Safety
/// When `len > 0` and `ptr` is not NULL, `ptr` is valid for reading `len` bytes that
/// nothing writes to for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Res<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Fail::null());
    }
    if isize::try_from(len).is_err() {
        return Err(Fail::invalid());
    }
    // SAFETY: `ptr` is not NULL, `len` fits `isize`, and the caller guarantees `len`
    // readable bytes at `ptr` that stay unchanged for `'a`.
    Ok(unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// A caller's text, checked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Text<'a> {
    /// The text without a leading byte-order mark.
    pub text: &'a str,
    /// Bytes of byte-order mark skipped (0 or 3).
    pub shift: usize,
    /// Where the whole buffer lies.
    pub span: Span,
}

/// Reads a caller's text: UTF-8 (else `VMKCHECK_ERR_UTF8`) without NUL bytes (else
/// `VMKCHECK_ERR_INVALID_ARGUMENT`, kind `not_text`), as the CLI reads files. A leading
/// byte-order mark is skipped when `strip_bom`.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(
    ptr: *const c_char,
    len: usize,
    input: Input,
    strip_bom: bool,
) -> Res<Text<'a>> {
    // SAFETY: forwarded from the caller.
    let raw = unsafe { bytes(ptr, len) }?;
    let span = Span::of(raw.as_ptr(), raw.len());
    // The rules every front end shares (UTF-8, no NUL, BOM).
    let s = vmkcheck_json::as_text(raw).map_err(|e| Fail::core(e, input, 0))?;
    let text = if strip_bom {
        vmkcheck_json::strip_bom(s)
    } else {
        s
    };
    let shift = s.len().saturating_sub(text.len());
    Ok(Text { text, shift, span })
}

/// A caller's `(out, out_cap, out_len)` triple for a NUL-terminated string.
#[derive(Debug)]
pub(crate) struct OutText {
    out: *mut c_char,
    cap: usize,
    out_len: *mut usize,
}

impl OutText {
    /// Checks the triple: `out_len` is required; `out` may be NULL only with `out_cap`
    /// 0 (a size query).
    ///
    /// # Safety
    /// `out_len` is NULL or valid for writing a `size_t`; `out` is NULL or valid for
    /// writing `out_cap` bytes.
    pub unsafe fn new(out: *mut c_char, cap: usize, out_len: *mut usize) -> Res<Self> {
        if out_len.is_null() || (out.is_null() && cap > 0) {
            return Err(Fail::null());
        }
        if !out_len.is_aligned() || isize::try_from(cap).is_err() {
            return Err(Fail::invalid());
        }
        Ok(Self { out, cap, out_len })
    }

    /// The bytes `out` covers.
    pub fn span(&self) -> Span {
        Span::of(self.out, self.cap)
    }

    /// Writes `s` and its NUL, and `*out_len = s.len()`; if `out_cap <= s.len()` only
    /// `*out_len` is written (the size needed, without the NUL) and the call fails with
    /// `VMKCHECK_ERR_BUFFER_TOO_SMALL`.
    pub fn put(self, s: &str) -> Res<()> {
        let needed = s.len();
        if needed >= self.cap {
            // SAFETY: `out_len` is not NULL, aligned, and valid for writing (checked in
            // `new`, promised by the caller).
            unsafe { self.out_len.write(needed) };
            return Err(Fail::status(VMKCHECK_ERR_BUFFER_TOO_SMALL));
        }
        // SAFETY: `needed < cap`, so `out` is not NULL and `needed + 1` bytes fit the
        // `cap` writable bytes the caller promised; `s` does not overlap `out` (inputs
        // were checked with `no_overlap`, results are Rust-owned).
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), self.out.cast::<u8>(), needed);
            self.out.add(needed).write(0);
            self.out_len.write(needed);
        }
        Ok(())
    }

    /// Renders a `Display` value: measured first, written only if it fits.
    pub fn put_display(self, value: &dyn fmt::Display) -> Res<()> {
        let needed = display_len(value);
        if needed >= self.cap {
            // SAFETY: as in `put`.
            unsafe { self.out_len.write(needed) };
            return Err(Fail::status(VMKCHECK_ERR_BUFFER_TOO_SMALL));
        }
        // SAFETY: `needed < cap`: `out` is not NULL and holds `cap` writable bytes.
        let buf = unsafe { core::slice::from_raw_parts_mut(self.out.cast::<u8>(), self.cap) };
        let mut w = SliceWriter { buf, len: 0 };
        if fmt::write(&mut w, format_args!("{value}")).is_err() || w.len != needed {
            // A `Display` that renders differently twice: refuse rather than truncate.
            return Err(Fail::invalid());
        }
        if let Some(nul) = w.buf.get_mut(needed) {
            *nul = 0;
        }
        // SAFETY: as in `put`.
        unsafe { self.out_len.write(needed) };
        Ok(())
    }
}

/// The length in bytes of a `Display` value, without allocating.
pub(crate) fn display_len(value: &dyn fmt::Display) -> usize {
    struct Count(usize);
    impl fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 = self.0.saturating_add(s.len());
            Ok(())
        }
    }
    let mut c = Count(0);
    let _ = fmt::write(&mut c, format_args!("{value}"));
    c.0
}

struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl fmt::Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A caller's `(array, capacity)` pair for `n` items of `T`.
#[derive(Debug)]
pub(crate) struct OutArray<T> {
    ptr: *mut T,
    cap: usize,
}

impl<T> OutArray<T> {
    /// Checks the pair: `ptr` may be NULL only with `cap` 0; it must be aligned for `T`.
    ///
    /// # Safety
    /// `ptr` is NULL or valid for writing `cap` items of `T`.
    pub unsafe fn new(ptr: *mut T, cap: usize) -> Res<Self> {
        if ptr.is_null() {
            return if cap == 0 {
                Ok(Self { ptr, cap })
            } else {
                Err(Fail::null())
            };
        }
        let fits = cap
            .checked_mul(size_of::<T>())
            .is_some_and(|b| isize::try_from(b).is_ok());
        if !ptr.is_aligned() || !fits {
            return Err(Fail::invalid());
        }
        Ok(Self { ptr, cap })
    }

    /// The bytes the array covers.
    pub fn span(&self) -> Span {
        Span::of(self.ptr, self.cap.saturating_mul(size_of::<T>()))
    }

    /// True when `n` items fit.
    pub fn fits(&self, n: usize) -> bool {
        n <= self.cap
    }

    /// Writes item `i` (ignored past the capacity, which callers check first).
    pub fn set(&mut self, i: usize, value: T) {
        if i < self.cap {
            // SAFETY: `i < cap`, so `ptr` is not NULL, aligned, and `ptr + i` lies in
            // the `cap` writable items the caller promised.
            unsafe { self.ptr.add(i).write(value) };
        }
    }

    /// A pointer to item `i`, for writes that must not go through a typed copy.
    pub fn slot(&mut self, i: usize) -> Option<*mut T> {
        // SAFETY: `i < cap`: in bounds of the caller's array (see `set`).
        (i < self.cap).then(|| unsafe { self.ptr.add(i) })
    }
}

/// A caller's out-parameter for one value.
#[derive(Debug)]
pub(crate) struct OutOne<T> {
    ptr: *mut T,
}

impl<T> OutOne<T> {
    /// Checks it: required and aligned.
    ///
    /// # Safety
    /// `ptr` is NULL or valid for writing a `T`.
    pub unsafe fn new(ptr: *mut T) -> Res<Self> {
        if ptr.is_null() {
            Err(Fail::null())
        } else if !ptr.is_aligned() {
            Err(Fail::invalid())
        } else {
            Ok(Self { ptr })
        }
    }

    /// The bytes it covers.
    pub fn span(&self) -> Span {
        Span::of(self.ptr, size_of::<T>())
    }

    /// Writes the value.
    pub fn set(self, value: T) {
        // SAFETY: not NULL, aligned (checked in `new`), writable (promised by the caller).
        unsafe { self.ptr.write(value) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status_and_fills_err() {
        let mut err = crate::vmkcheck_error::EMPTY;
        // SAFETY: `err` is a valid local.
        let status = unsafe { run(&mut err, || panic!("boom")) };
        assert_eq!(status, VMKCHECK_ERR_PANIC);
        assert_eq!(err.status, VMKCHECK_ERR_PANIC);
        // SAFETY: `kind` is a static NUL-terminated name.
        let kind = unsafe { core::ffi::CStr::from_ptr(err.kind) };
        assert_eq!(kind.to_str(), Ok("panic"));
        assert_eq!(guard(7, || -> i32 { panic!("boom") }), 7);
        // SAFETY: NULL err is allowed.
        let ok = unsafe { run(core::ptr::null_mut(), || Ok(())) };
        assert_eq!(ok, VMKCHECK_OK);
    }

    #[test]
    fn null_and_lengths() {
        // SAFETY: NULL with length 0 reads nothing.
        assert_eq!(unsafe { bytes(core::ptr::null(), 0) }, Ok(&[][..]));
        // SAFETY: NULL with a length is refused before any read.
        let r = unsafe { bytes(core::ptr::null(), 3) };
        assert_eq!(r.map_err(|f| f.status), Err(VMKCHECK_ERR_NULL));
        let b = b"x";
        // SAFETY: refused before any read (length above isize::MAX).
        let r = unsafe { bytes(b.as_ptr().cast(), usize::MAX) };
        assert_eq!(r.map_err(|f| f.status), Err(VMKCHECK_ERR_INVALID_ARGUMENT));
    }

    #[test]
    fn text_checks_utf8_nul_and_bom() {
        let bad = b"ab\n\xffcd";
        // SAFETY: `bad` is a live local of that length.
        let f = unsafe { text(bad.as_ptr().cast(), bad.len(), Input::Text(2), true) }.unwrap_err();
        assert_eq!(
            (f.status, f.kind, f.line, f.column, f.offset, f.input),
            (VMKCHECK_ERR_UTF8, "invalid_utf8", 2, 1, 3, Input::Text(2))
        );
        let nul = b"ab\0";
        // SAFETY: as above.
        let f = unsafe { text(nul.as_ptr().cast(), nul.len(), Input::Facts, true) }.unwrap_err();
        assert_eq!(
            (f.status, f.kind, f.offset),
            (VMKCHECK_ERR_INVALID_ARGUMENT, "not_text", 2)
        );
        let bom = "\u{feff}vmk0";
        // SAFETY: as above.
        let t = unsafe { text(bom.as_ptr().cast(), bom.len(), Input::Text(0), true) }.unwrap();
        assert_eq!((t.text, t.shift), ("vmk0", 3));
    }

    #[test]
    fn out_text_writes_only_what_fits() {
        let mut buf = [b'#' as c_char; 6];
        let mut len = 99usize;
        // SAFETY: `buf` and `len` are live locals.
        let o = unsafe { OutText::new(buf.as_mut_ptr(), 5, &mut len) }.unwrap();
        assert_eq!(
            o.put("hello").map_err(|f| f.status),
            Err(VMKCHECK_ERR_BUFFER_TOO_SMALL)
        );
        assert_eq!(len, 5);
        assert!(buf.iter().all(|&c| c == b'#' as c_char));
        // SAFETY: as above.
        let o = unsafe { OutText::new(buf.as_mut_ptr(), 6, &mut len) }.unwrap();
        assert_eq!(o.put("hello"), Ok(()));
        assert_eq!(buf.map(|c| c as u8), *b"hello\0");
        // Size query: NULL with capacity 0.
        // SAFETY: NULL out with capacity 0 is never written.
        let o = unsafe { OutText::new(core::ptr::null_mut(), 0, &mut len) }.unwrap();
        assert_eq!(
            o.put_display(&"abc").map_err(|f| f.status),
            Err(VMKCHECK_ERR_BUFFER_TOO_SMALL)
        );
        assert_eq!(len, 3);
        // SAFETY: refused before any write.
        let r = unsafe { OutText::new(core::ptr::null_mut(), 1, &mut len) };
        assert_eq!(r.map(|_| ()), Err(Fail::null()));
    }

    #[test]
    fn overlap_is_detected() {
        let a = Span::of(100 as *const u8, 10);
        assert!(no_overlap(Span::of(109 as *const u8, 1), &[a]).is_err());
        assert!(no_overlap(Span::of(110 as *const u8, 5), &[a]).is_ok());
        assert!(no_overlap(Span::of(core::ptr::null::<u8>(), 0), &[a]).is_ok());
    }
}
