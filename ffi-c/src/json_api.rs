//! The JSON API: the canonical JSON of `vmkcheck-json`, byte for byte, into a caller
//! buffer. The JSON is built in Rust-owned memory inside the call and copied out; nothing
//! allocated crosses the boundary.

use core::ffi::{c_char, c_int};

use vmkcheck_core::{Error, ErrorKind};

use crate::boundary::{Fail, Input, OutText, Res, Span, Text, checked, no_overlap, run, text};
use crate::names::ERROR_KINDS;
use crate::{
    VMKCHECK_ERR_INVALID_ARGUMENT, VMKCHECK_MAX_HOSTS, vmkcheck_error, vmkcheck_host,
    vmkcheck_status_str,
};

/// The checked inputs of a check call.
#[derive(Debug)]
pub(crate) struct CheckInput<'a> {
    /// `(name, text)` per host, as `vmkcheck_json::check` takes them.
    pub sources: Vec<(&'a str, &'a str)>,
    /// The facts document, if one was given.
    pub facts: Option<Text<'a>>,
    /// Where every input lies (for overlap checks and host lookups): per host, the
    /// name's span and the text's span.
    pub spans: Vec<(Span, Span)>,
    /// The hosts array itself.
    pub array: Span,
}

impl CheckInput<'_> {
    /// Every input byte range.
    pub fn all_spans(&self) -> Vec<Span> {
        let mut v: Vec<Span> = self.spans.iter().flat_map(|(n, t)| [*n, *t]).collect();
        v.extend(self.facts.map(|f| f.span));
        v.push(self.array);
        v
    }

    /// A core error of the check mapped to the input it is about.
    pub fn fail(&self, e: Error) -> Fail {
        match e.kind {
            ErrorKind::TooLarge => Fail::core(e, Input::None, 0),
            _ => Fail::core(e, Input::Facts, self.facts.map_or(0, |f| f.shift)),
        }
    }
}

/// Reads and checks the hosts and facts of a check call.
///
/// # Safety
/// `hosts` is NULL or valid for reading `n_hosts` structs whose `(pointer, length)`
/// pairs are valid as documented on `vmkcheck_host`; `facts` is NULL or valid for reading
/// `facts_len` bytes; none of it changes for `'a`.
pub(crate) unsafe fn check_input<'a>(
    hosts: *const vmkcheck_host,
    n_hosts: usize,
    facts: *const c_char,
    facts_len: usize,
) -> Res<CheckInput<'a>> {
    if n_hosts > VMKCHECK_MAX_HOSTS {
        return Err(Fail::core(
            Error {
                kind: ErrorKind::TooLarge,
                line: 0,
                column: 0,
                offset: VMKCHECK_MAX_HOSTS,
            },
            Input::None,
            0,
        ));
    }
    let hosts = checked(hosts, n_hosts)?;
    let mut sources = Vec::with_capacity(n_hosts);
    let mut spans = Vec::with_capacity(n_hosts);
    for i in 0..n_hosts {
        // SAFETY: `hosts` is not NULL, aligned, and valid for `n_hosts` structs
        // (caller); `i < n_hosts` (at most VMKCHECK_MAX_HOSTS, so in range).
        let h = unsafe { hosts.add(i).read() };
        // SAFETY: the caller guarantees each host's pairs (see `vmkcheck_host`).
        let name = unsafe { text(h.name, h.name_len, Input::Name(i), false) }?;
        // SAFETY: as above.
        let body = unsafe { text(h.text, h.text_len, Input::Text(i), true) }?;
        sources.push((name.text, body.text));
        spans.push((name.span, body.span));
    }
    let facts = if facts_len == 0 {
        None
    } else {
        // SAFETY: the caller guarantees `facts_len` readable bytes at `facts`; the facts
        // parser skips a byte-order mark itself, so offsets stay those of the buffer.
        Some(unsafe { text(facts, facts_len, Input::Facts, false) }?)
    };
    Ok(CheckInput {
        sources,
        facts,
        spans,
        array: Span::of(hosts, n_hosts.saturating_mul(size_of::<vmkcheck_host>())),
    })
}

/// `vmkcheck check --json` for several hosts: writes the report (DESIGN.md §4.4,
/// schema `vmkcheck.report.v1`) as NUL-terminated canonical JSON — byte-identical to
/// the CLI, Python and JavaScript — into `out`.
///
/// - `hosts`/`n_hosts`: the hosts (NULL with 0 = no hosts); at most
///   `VMKCHECK_MAX_HOSTS`. An empty name means "name it from the prompt".
/// - `facts_json`/`facts_len`: optional facts (NULL, 0 = none); malformed facts are
///   `VMKCHECK_ERR_PARSE` (use `vmkcheck_check_json_ex` for the position).
/// - `out`/`out_cap`/`out_len`: on success `*out_len` = JSON bytes without the NUL. If
///   `out_cap < *out_len + 1`: `VMKCHECK_ERR_BUFFER_TOO_SMALL`, `*out_len` = bytes
///   needed (without the NUL), nothing else written. `out` NULL with `out_cap` 0 asks
///   for the size.
///
/// Returns `VMKCHECK_OK` or an error status; a NUL byte inside a text is
/// `VMKCHECK_ERR_INVALID_ARGUMENT` (it is not text, as for the CLI).
///
/// # Safety
/// Every non-NULL pointer is valid for its length (`hosts` for `n_hosts` structs, `out`
/// for `out_cap` bytes); `out` does not overlap the inputs; the inputs do not change
/// during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_check_json(
    hosts: *const vmkcheck_host,
    n_hosts: usize,
    facts_json: *const c_char,
    facts_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: same contract, with no `err`.
    unsafe {
        vmkcheck_check_json_ex(
            hosts,
            n_hosts,
            facts_json,
            facts_len,
            out,
            out_cap,
            out_len,
            core::ptr::null_mut(),
        )
    }
}

/// `vmkcheck_check_json` that also says why it failed: `err` (may be NULL) receives the
/// status, kind, line, column, byte offset and input of the error (e.g. the facts
/// position of a `VMKCHECK_ERR_PARSE`, the host of a `VMKCHECK_ERR_UTF8`).
///
/// # Safety
/// As `vmkcheck_check_json`; `err` is NULL or valid for writing one `vmkcheck_error`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_check_json_ex(
    hosts: *const vmkcheck_host,
    n_hosts: usize,
    facts_json: *const c_char,
    facts_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `out`, `out_cap`, `out_len`.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract on `hosts` and `facts_json`.
        let input = unsafe { check_input(hosts, n_hosts, facts_json, facts_len) }?;
        no_overlap(out.span(), &input.all_spans())?;
        let json = vmkcheck_json::check_json(&input.sources, input.facts.map(|f| f.text))
            .map_err(|e| input.fail(e))?;
        out.put(&json)
    };
    // SAFETY: `err` is NULL or writable (caller).
    unsafe { run(err, body) }
}

/// Runs a one-text JSON call: checks the text, renders, writes.
///
/// # Safety
/// As the exports that call it.
unsafe fn one_text(
    text_ptr: *const c_char,
    text_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    err: *mut vmkcheck_error,
    render: fn(&str) -> Result<String, Error>,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `out`, `out_cap`, `out_len`.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract on `text`.
        let t = unsafe { text(text_ptr, text_len, Input::Text(crate::VMKCHECK_NONE), true) }?;
        no_overlap(out.span(), &[t.span])?;
        let json = render(t.text)
            .map_err(|e| Fail::core(e, Input::Text(crate::VMKCHECK_NONE), t.shift))?;
        out.put(&json)
    };
    // SAFETY: `err` is NULL or writable (caller).
    unsafe { run(err, body) }
}

/// `vmkcheck parse --json` for one text: writes the transcript (DESIGN.md §4.3, schema
/// `vmkcheck.transcript.v1`) as NUL-terminated canonical JSON into `out`. Any text
/// parses (text with nothing recognisable has no sections); NULL with `text_len` 0 is
/// the empty text. Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// `text` is NULL or valid for reading `text_len` bytes, `out` NULL or valid for writing
/// `out_cap` bytes, not overlapping `text`; `out_len` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_json(
    text: *const c_char,
    text_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: same contract, with no `err`.
    unsafe { vmkcheck_parse_json_ex(text, text_len, out, out_cap, out_len, core::ptr::null_mut()) }
}

/// `vmkcheck_parse_json` with an `err` out-parameter (may be NULL).
///
/// # Safety
/// As `vmkcheck_parse_json`; `err` is NULL or valid for writing one `vmkcheck_error`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_json_ex(
    text: *const c_char,
    text_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        one_text(
            text,
            text_len,
            out,
            out_cap,
            out_len,
            err,
            vmkcheck_json::parse_json,
        )
    }
}

/// The rows of one `esxcfg-vmknic -l` table as a JSON array of DESIGN.md §4.1 rows
/// (canonical form). No table in the text is `VMKCHECK_ERR_PARSE` (`err->kind`
/// `"empty"` or `"no_vmknic_table"`). Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// As `vmkcheck_parse_json_ex`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_vmknic_json(
    text: *const c_char,
    text_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        one_text(
            text,
            text_len,
            out,
            out_cap,
            out_len,
            err,
            vmkcheck_json::parse_vmknic_json,
        )
    }
}

/// One `vmkping` run as a JSON object (DESIGN.md §4.2, canonical form). No ping output
/// in the text is `VMKCHECK_ERR_PARSE` (`err->kind` `"empty"` or `"no_ping_output"`).
/// Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// As `vmkcheck_parse_json_ex`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_vmkping_json(
    text: *const c_char,
    text_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        one_text(
            text,
            text_len,
            out,
            out_cap,
            out_len,
            err,
            vmkcheck_json::parse_vmkping_json,
        )
    }
}

/// `vmkcheck rules --json`: the rule catalogue (id, severity, summary, reference per
/// rule) as canonical JSON. Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// `out` NULL or valid for writing `out_cap` bytes; `out_len` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_rules_json(
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `out`, `out_cap`, `out_len`.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        out.put(&vmkcheck_json::rules_json())
    };
    // SAFETY: NULL `err` is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

/// The core error an `err` describes, when its kind is one of the core's.
///
/// # Safety
/// `err` is valid for reading one `vmkcheck_error` whose `kind` is NULL or a
/// NUL-terminated string.
unsafe fn core_error(err: *const vmkcheck_error) -> Res<(vmkcheck_error, Option<Error>)> {
    if err.is_null() {
        return Err(Fail::null());
    }
    if !err.is_aligned() {
        return Err(Fail::invalid());
    }
    // SAFETY: not NULL, aligned, readable (caller).
    let e = unsafe { err.read() };
    let kind = if e.kind.is_null() {
        None
    } else {
        // SAFETY: `kind` is a NUL-terminated string (caller; this library writes static
        // names).
        let name = unsafe { core::ffi::CStr::from_ptr(e.kind) };
        ERROR_KINDS
            .iter()
            .find(|(_, c)| *c == name)
            .map(|(k, _)| *k)
    };
    Ok((
        e,
        kind.map(|kind| Error {
            kind,
            line: e.line,
            column: e.column,
            offset: e.offset,
        }),
    ))
}

/// Renders an error as one English sentence, e.g. `"line 1, column 12: facts: unknown
/// field (known: …)"`, as the CLI prints it (errors only C has: the status
/// description). Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// `err` valid for reading a `vmkcheck_error` (as filled by this library); `out` NULL or
/// valid for writing `out_cap` bytes; `out_len` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_error_message(
    err: *const vmkcheck_error,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `out`, `out_cap`, `out_len`.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract on `err`.
        let (e, core) = unsafe { core_error(err) }?;
        match core {
            Some(c) => out.put_display(&c),
            None => {
                // SAFETY: `vmkcheck_status_str` returns a static NUL-terminated string.
                let s = unsafe { core::ffi::CStr::from_ptr(vmkcheck_status_str(e.status)) };
                out.put(s.to_str().map_err(|_| Fail::invalid())?)
            }
        }
    };
    // SAFETY: NULL `err` out-parameter is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

/// Renders an error as the canonical JSON object the other front ends use:
/// `{"kind", "line", "column", "offset", "message"}`. Only errors with a core kind
/// (parse, UTF-8, not text, too large, facts errors) have one; others give
/// `VMKCHECK_ERR_INVALID_ARGUMENT`. Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// As `vmkcheck_error_message`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_error_json(
    err: *const vmkcheck_error,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `out`, `out_cap`, `out_len`.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract on `err`.
        let (_, core) = unsafe { core_error(err) }?;
        let e = core.ok_or(Fail::status(VMKCHECK_ERR_INVALID_ARGUMENT))?;
        out.put(&vmkcheck_json::error_json(&e))
    };
    // SAFETY: NULL `err` out-parameter is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        VMKCHECK_ERR_BUFFER_TOO_SMALL, VMKCHECK_ERR_NULL, VMKCHECK_ERR_PARSE, VMKCHECK_OK,
    };

    fn host(name: &str, text: &str) -> vmkcheck_host {
        vmkcheck_host {
            name: name.as_ptr().cast(),
            name_len: name.len(),
            text: text.as_ptr().cast(),
            text_len: text.len(),
        }
    }

    #[test]
    fn check_json_is_the_json_crate_byte_for_byte() {
        let text =
            "[root@esx01:~] vmkping -c 1 192.0.2.1\nPING 192.0.2.1 (192.0.2.1): 56 data bytes\n";
        let hosts = [host("", text), host("b", "")];
        let want = vmkcheck_json::check_json(&[("", text), ("b", "")], None).unwrap();
        let mut len = 0usize;
        // SAFETY: size query with NULL out and capacity 0; `hosts` is live.
        let s = unsafe {
            vmkcheck_check_json(
                hosts.as_ptr(),
                2,
                core::ptr::null(),
                0,
                core::ptr::null_mut(),
                0,
                &mut len,
            )
        };
        assert_eq!((s, len), (VMKCHECK_ERR_BUFFER_TOO_SMALL, want.len()));
        let mut buf = vec![0 as c_char; len + 1];
        // SAFETY: `buf` holds `len + 1` bytes.
        let s = unsafe {
            vmkcheck_check_json(
                hosts.as_ptr(),
                2,
                core::ptr::null(),
                0,
                buf.as_mut_ptr(),
                len,
                &mut len,
            )
        };
        assert_eq!(s, VMKCHECK_ERR_BUFFER_TOO_SMALL, "one byte too small");
        // SAFETY: as above.
        let s = unsafe {
            vmkcheck_check_json(
                hosts.as_ptr(),
                2,
                core::ptr::null(),
                0,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            )
        };
        assert_eq!(s, VMKCHECK_OK);
        let got: Vec<u8> = buf.iter().map(|&c| c as u8).collect();
        assert_eq!(&got[..len], want.as_bytes());
        assert_eq!(got[len], 0);
    }

    #[test]
    fn bad_facts_give_parse_with_position() {
        let facts = "{\"esx01\": {\"esxi_verison\": \"7.0\"}}";
        let mut err = vmkcheck_error::EMPTY;
        let mut len = 0usize;
        // SAFETY: all pointers are live locals; no hosts.
        let s = unsafe {
            vmkcheck_check_json_ex(
                core::ptr::null(),
                0,
                facts.as_ptr().cast(),
                facts.len(),
                core::ptr::null_mut(),
                0,
                &mut len,
                &mut err,
            )
        };
        assert_eq!(s, VMKCHECK_ERR_PARSE);
        assert_eq!(
            (err.line, err.column, err.input),
            (1, 12, crate::VMKCHECK_INPUT_FACTS)
        );
        let mut buf = [0 as c_char; 1024];
        // SAFETY: `err` was filled by the library; `buf` is live.
        let s = unsafe { vmkcheck_error_json(&err, buf.as_mut_ptr(), buf.len(), &mut len) };
        assert_eq!(s, VMKCHECK_OK);
        // SAFETY: NUL-terminated by the call.
        let j = unsafe { core::ffi::CStr::from_ptr(buf.as_ptr()) }
            .to_str()
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(j).unwrap();
        assert_eq!(v["kind"], "facts_unknown_field");
    }

    #[test]
    fn too_large_input_is_an_invalid_argument() {
        let big = "x".repeat(crate::VMKCHECK_MAX_INPUT_BYTES + 1);
        let mut err = vmkcheck_error::EMPTY;
        let mut len = 0usize;
        // SAFETY: `big` is live; size query.
        let s = unsafe {
            vmkcheck_parse_json_ex(
                big.as_ptr().cast(),
                big.len(),
                core::ptr::null_mut(),
                0,
                &mut len,
                &mut err,
            )
        };
        assert_eq!(s, VMKCHECK_ERR_INVALID_ARGUMENT);
        // SAFETY: static NUL-terminated name.
        let kind = unsafe { core::ffi::CStr::from_ptr(err.kind) };
        assert_eq!(kind.to_str(), Ok("too_large"));
    }

    #[test]
    fn null_with_length_is_refused() {
        let mut len = 0usize;
        // SAFETY: refused before any read.
        let s = unsafe {
            vmkcheck_parse_json(core::ptr::null(), 1, core::ptr::null_mut(), 0, &mut len)
        };
        assert_eq!(s, VMKCHECK_ERR_NULL);
        // SAFETY: refused before any write.
        let s = unsafe {
            vmkcheck_parse_json(
                core::ptr::null(),
                0,
                core::ptr::null_mut(),
                0,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(s, VMKCHECK_ERR_NULL);
    }
}
