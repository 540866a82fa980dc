//! # vmkcheck-c: the C library (`libvmkcheck.a`, `libvmkcheck.so`, `vmkcheck.h`)
//!
//! Two ways in, both allocation-free at the boundary:
//!
//! - **The JSON API** (DESIGN.md §6, fixed): [`vmkcheck_parse_json`] and
//!   [`vmkcheck_check_json`] write exactly the canonical JSON every front end writes
//!   (they call `vmkcheck-json`), NUL-terminated, into a caller buffer.
//! - **The typed zero-copy API**: [`vmkcheck_parse_vmknic`], [`vmkcheck_parse_vmkping`],
//!   [`vmkcheck_parse_transcript`] and [`vmkcheck_check`] fill caller-provided arrays of
//!   C structs whose strings are `(ptr, len)` views into the caller's own text, and whose
//!   enumerations are static NUL-terminated names (the JSON words).
//!
//! Every export runs behind a panic boundary, checks its pointers and lengths, validates
//! its text (UTF-8, no NUL byte) and writes its outputs only on success. The header is
//! generated from this crate by cbindgen (`ffi-c/cbindgen.toml`) and committed as
//! `ffi-c/include/vmkcheck.h`; see `ffi-c/README.md`.

#![allow(non_camel_case_types)]
#![deny(missing_docs)]
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

// Declaration order is the header's order: JSON API, typed parsers, typed check.
mod boundary;
mod check;
mod commands;
mod json_api;
mod names;
mod typed;

pub use check::*;
pub use commands::*;
pub use json_api::*;
pub use typed::*;

use core::ffi::{c_char, c_int};

/// Success: every output was written.
pub const VMKCHECK_OK: c_int = 0;
/// A required pointer is NULL, or a pointer is NULL while its length/capacity is not 0.
pub const VMKCHECK_ERR_NULL: c_int = 1;
/// A text, name or facts document is not valid UTF-8 (`err->offset`: first bad byte).
pub const VMKCHECK_ERR_UTF8: c_int = 2;
/// The input could not be read: no vmknic table / ping output in the text, or
/// malformed facts (`err` holds kind, line, column and byte offset).
pub const VMKCHECK_ERR_PARSE: c_int = 3;
/// The output buffer is too small: `*out_len` = bytes needed EXCLUDING the NUL (so
/// `out_cap` must be at least `*out_len + 1`); nothing else was written.
pub const VMKCHECK_ERR_BUFFER_TOO_SMALL: c_int = 4;
/// An output array is too small: the `n_*` out-parameters hold the item counts needed;
/// nothing else was written.
pub const VMKCHECK_ERR_CAPACITY: c_int = 5;
/// An argument is unusable: a NUL byte inside a text (`err->kind` `"not_text"`), an
/// input above the limits (`"too_large"`), a misaligned or overlapping buffer, or a
/// struct not filled by this library.
pub const VMKCHECK_ERR_INVALID_ARGUMENT: c_int = 6;
/// A bug: the library panicked; the panic was caught and nothing was written.
pub const VMKCHECK_ERR_PANIC: c_int = 99;

/// The library version as a string literal (also [`vmkcheck_version`]). In the header
/// as `#define VMKCHECK_VERSION "0.1.0"` (written by `cbindgen.toml`, which cannot
/// translate string constants; a unit test keeps the two equal).
///
/// cbindgen:ignore
pub const VMKCHECK_VERSION: &str = "0.1.0";

/// "No index": an absent host, run or section index. In the header as
/// `#define VMKCHECK_NONE SIZE_MAX` (written by `cbindgen.toml`).
///
/// cbindgen:ignore
pub const VMKCHECK_NONE: usize = usize::MAX;

/// Largest text (and largest total of all host texts) one call accepts, in bytes:
/// 64 MiB. Beyond it the call fails with `VMKCHECK_ERR_INVALID_ARGUMENT`,
/// `err->kind` `"too_large"`.
pub const VMKCHECK_MAX_INPUT_BYTES: usize = 64 << 20;

/// Most hosts (texts) one check accepts (`VMKCHECK_ERR_INVALID_ARGUMENT` beyond).
pub const VMKCHECK_MAX_HOSTS: usize = 4096;

/// `vmkcheck_error.input`: the error has no position (an argument error).
pub const VMKCHECK_INPUT_NONE: c_int = 0;
/// `vmkcheck_error.input`: the position is in the text (`hosts[err->host].text` for
/// check calls).
pub const VMKCHECK_INPUT_TEXT: c_int = 1;
/// `vmkcheck_error.input`: the position is in `hosts[err->host].name`.
pub const VMKCHECK_INPUT_NAME: c_int = 2;
/// `vmkcheck_error.input`: the position is in the facts document.
pub const VMKCHECK_INPUT_FACTS: c_int = 3;

/// A host for the check calls: its name and its pasted text, both `(pointer, length)`
/// in bytes, UTF-8, not NUL-terminated, without NUL bytes.
///
/// An empty name (`name_len` 0; `name` may then be NULL) means "name it from the
/// prompt" (`[root@esx01:~]`), else `host1`, `host2`… by position. A leading
/// byte-order mark of `text` is skipped.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_host {
    /// The host's name (a file stem, an inventory name), or NULL/empty.
    pub name: *const c_char,
    /// Bytes of `name`.
    pub name_len: usize,
    /// The pasted text: `esxcfg-vmknic -l`, `vmkping` runs, a whole transcript.
    pub text: *const c_char,
    /// Bytes of `text`.
    pub text_len: usize,
}

/// Why a call failed, for the calls that take a `vmkcheck_error *err` (may be NULL).
///
/// Written only when the call fails (any status but `VMKCHECK_OK`), left untouched on
/// success. `kind` names the error exactly as the JSON of the other front ends does
/// (`"facts_unknown_field"`, `"no_vmknic_table"`, `"invalid_utf8"`, `"not_text"`,
/// `"too_large"`…) or, for errors only C has, `"null_argument"`, `"buffer_too_small"`,
/// `"capacity"`, `"invalid_argument"`, `"panic"`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_error {
    /// The status the call returned.
    pub status: c_int,
    /// What went wrong: a static NUL-terminated name, never NULL.
    pub kind: *const c_char,
    /// 1-based line of the position; 0 when the error has none.
    pub line: u32,
    /// 1-based column (in characters) of the position; 0 when the error has none.
    pub column: u32,
    /// 0-based byte offset of the position into the caller's buffer named by `input`.
    pub offset: usize,
    /// Which input the position is in: `VMKCHECK_INPUT_NONE`, `_TEXT`, `_NAME`, `_FACTS`.
    pub input: c_int,
    /// For `_TEXT`/`_NAME` in check calls: the index into `hosts`; else `VMKCHECK_NONE`.
    pub host: usize,
}

impl vmkcheck_error {
    /// An error value to initialise out-parameters with (tests).
    #[cfg(test)]
    pub(crate) const EMPTY: Self = Self {
        status: 0,
        kind: core::ptr::null(),
        line: 0,
        column: 0,
        offset: 0,
        input: 0,
        host: 0,
    };
}

/// A short English description of a status code: a static NUL-terminated string, never
/// NULL (`"unknown status"` for codes this library does not return).
#[unsafe(no_mangle)]
pub extern "C" fn vmkcheck_status_str(status: c_int) -> *const c_char {
    boundary::guard(c"unknown status".as_ptr(), || {
        match status {
            VMKCHECK_OK => c"ok",
            VMKCHECK_ERR_NULL => c"a required pointer is NULL (or NULL with a nonzero length)",
            VMKCHECK_ERR_UTF8 => c"the input is not valid UTF-8",
            VMKCHECK_ERR_PARSE => c"the input could not be parsed",
            VMKCHECK_ERR_BUFFER_TOO_SMALL => {
                c"the output buffer is too small (*out_len holds the bytes needed, without the NUL)"
            }
            VMKCHECK_ERR_CAPACITY => {
                c"an output array is too small (the n_* out-parameters hold the counts needed)"
            }
            VMKCHECK_ERR_INVALID_ARGUMENT => c"invalid argument",
            VMKCHECK_ERR_PANIC => c"internal error (a panic was caught)",
            _ => c"unknown status",
        }
        .as_ptr()
    })
}

/// The library version, e.g. `"0.1.0"`: a static NUL-terminated string.
#[unsafe(no_mangle)]
pub extern "C" fn vmkcheck_version() -> *const c_char {
    boundary::guard(c"0.1.0".as_ptr(), || {
        concat!(env!("CARGO_PKG_VERSION"), "\0")
            .as_ptr()
            .cast::<c_char>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    #[test]
    fn constants_match_the_json_crate_and_the_package() {
        assert_eq!(VMKCHECK_MAX_INPUT_BYTES, vmkcheck_json::MAX_INPUT_BYTES);
        assert_eq!(VMKCHECK_MAX_HOSTS, vmkcheck_json::MAX_SOURCES);
        assert_eq!(VMKCHECK_VERSION, env!("CARGO_PKG_VERSION"));
        let toml = include_str!("../cbindgen.toml");
        assert!(toml.contains(&format!("#define VMKCHECK_VERSION \"{VMKCHECK_VERSION}\"")));
        assert!(toml.contains("#define VMKCHECK_NONE SIZE_MAX") && VMKCHECK_NONE == usize::MAX);
        // SAFETY: static NUL-terminated strings.
        let v = unsafe { CStr::from_ptr(vmkcheck_version()) };
        assert_eq!(v.to_str(), Ok(VMKCHECK_VERSION));
    }

    #[test]
    fn every_status_has_a_description() {
        for s in [0, 1, 2, 3, 4, 5, 6, 99, -1, 7] {
            // SAFETY: static NUL-terminated strings.
            let d = unsafe { CStr::from_ptr(vmkcheck_status_str(s)) };
            assert!(!d.is_empty());
        }
    }
}
