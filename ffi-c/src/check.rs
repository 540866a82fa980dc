//! The typed check: findings as C structs in a caller-provided array.
//!
//! The engine's own buffers are allocated inside the call (sized by the core's
//! `rules::needs`, through `vmkcheck_json::check`, so the findings and their order are
//! exactly those of the JSON report). What is copied out holds only static names and
//! views into the caller's names, texts and facts.
//!
//! Rendering a message later needs the rule-specific values the engine found (texts,
//! numbers, a measurement), which the core keeps private. Each `vmkcheck_finding`
//! therefore carries the engine's finding itself, bit for bit, in a fixed-size opaque
//! tail (`_opaque`): it holds no owned memory (the core's `Finding` is `Copy`, every
//! string in it borrows the caller's inputs or static data), so C may copy the struct
//! freely and nothing ever needs freeing. `_seal` is a checksum over the public fields
//! that catches structs this library did not fill (zeroed, uninitialised, edited).

use core::ffi::{c_char, c_int};
use core::ptr::{addr_of, addr_of_mut};

use vmkcheck_core::report::Verdict;
use vmkcheck_core::rules::{Evidence, Finding, HostName, Severity};

use crate::boundary::{
    Fail, OutArray, OutOne, OutText, Res, Span, checked, display_len, no_overlap, run,
};
use crate::json_api::check_input;
use crate::names::c_name;
use crate::typed::vmkcheck_str;
use crate::{VMKCHECK_ERR_CAPACITY, VMKCHECK_NONE, vmkcheck_error, vmkcheck_host};

/// `vmkcheck_finding.severity_rank` of an `"error"`: vMotion will fail or is unsupported.
pub const VMKCHECK_SEVERITY_ERROR: c_int = 0;
/// `severity_rank` of `"unverified"`: a requirement could not be confirmed.
pub const VMKCHECK_SEVERITY_UNVERIFIED: c_int = 1;
/// `severity_rank` of `"warning"`: works, but degraded or risky.
pub const VMKCHECK_SEVERITY_WARNING: c_int = 2;
/// `severity_rank` of `"info"`: context.
pub const VMKCHECK_SEVERITY_INFO: c_int = 3;

/// Size of `vmkcheck_finding._opaque`, in 64-bit words.
pub const VMKCHECK_FINDING_OPAQUE_WORDS: usize = 40;

const _: () = assert!(
    size_of::<Finding<'static>>() <= VMKCHECK_FINDING_OPAQUE_WORDS * 8,
    "the core's Finding outgrew vmkcheck_finding._opaque: raise VMKCHECK_FINDING_OPAQUE_WORDS"
);

/// Only `Copy` types (no destructor, no owned memory) may live in `_opaque`.
const fn assert_copy<T: Copy>() {}
const _: () = assert_copy::<Finding<'static>>();

/// A host a finding names.
///
/// `index` is the position in the `hosts` array given to `vmkcheck_check` of the text
/// the host was first seen in (its name is that host's `name`, or a prompt inside its
/// `text`). `name` is a view of the name; a host named nowhere is called `host<N>`
/// (`number` = N = index + 1, `name` absent). An absent host (`present` false) has
/// `index` `VMKCHECK_NONE`. `vmkcheck_host_ref_name` renders the name either way.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vmkcheck_host_ref {
    /// Whether the finding names this host at all (JSON non-`null`).
    pub present: bool,
    /// Index into the `hosts` array, or `VMKCHECK_NONE`.
    pub index: usize,
    /// The name as a view into the caller's name or text; absent for `host<N>`.
    pub name: vmkcheck_str,
    /// N of a generated `host<N>` name, else 0.
    pub number: u32,
}

impl vmkcheck_host_ref {
    const NONE: Self = Self {
        present: false,
        index: VMKCHECK_NONE,
        name: vmkcheck_str::NONE,
        number: 0,
    };
}

/// A line a finding rests on (JSON `evidence[]`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vmkcheck_evidence {
    /// The host whose transcript holds the line.
    pub host: vmkcheck_host_ref,
    /// Index into the `hosts` array of the text holding the line.
    pub source: usize,
    /// 1-based line in that text.
    pub line: u32,
}

impl vmkcheck_evidence {
    const NONE: Self = Self {
        host: vmkcheck_host_ref::NONE,
        source: VMKCHECK_NONE,
        line: 0,
    };
}

/// One finding of the check (DESIGN.md §4.4 `findings[]`), in report order (severity,
/// host, peer, rule).
///
/// Render its texts with `vmkcheck_finding_message` / `vmkcheck_finding_remediation`:
/// `message_len` / `remediation_len` say how many bytes they need (plus one for the
/// NUL). The texts given to `vmkcheck_check` must stay alive and unchanged while its
/// views are used or its texts rendered.
///
/// `_seal` and `_opaque` are private. `_opaque` holds the engine's own finding (the
/// rule-specific values its message is rendered from) bit for bit: plain data that
/// owns no memory, so the struct may be copied (`=`, `memcpy`) and never needs
/// freeing. Do not modify a finding: `_seal`, a checksum of the public fields, makes the
/// render calls refuse structs this library did not fill (zeroed, uninitialised or
/// edited ones) with `VMKCHECK_ERR_INVALID_ARGUMENT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_finding {
    /// Rule id (DESIGN.md §5), e.g. `"jumbo-path-unverified"`: static, NUL-terminated.
    pub rule: *const c_char,
    /// `"error"`, `"unverified"`, `"warning"` or `"info"`: static, NUL-terminated.
    pub severity: *const c_char,
    /// The severity as `VMKCHECK_SEVERITY_ERROR` (0) … `VMKCHECK_SEVERITY_INFO` (3).
    pub severity_rank: c_int,
    /// The host it is about.
    pub host: vmkcheck_host_ref,
    /// The other host of a pair or path.
    pub peer: vmkcheck_host_ref,
    /// The vmk it is about (a view), or absent.
    pub interface: vmkcheck_str,
    /// Evidence lines: `evidence[0 .. n_evidence]`.
    pub evidence: [vmkcheck_evidence; 2],
    /// How many evidence lines (0 to 2).
    pub n_evidence: usize,
    /// Bytes of the message (without the NUL).
    pub message_len: usize,
    /// Whether the rule gives a remediation (JSON non-`null`).
    pub has_remediation: bool,
    /// Bytes of the remediation (without the NUL); 0 without one.
    pub remediation_len: usize,
    /// Private: checksum of the public fields.
    pub _seal: u64,
    /// Private: the engine's finding.
    pub _opaque: [u64; VMKCHECK_FINDING_OPAQUE_WORDS],
}

fn severity_rank(s: Severity) -> c_int {
    match s {
        Severity::Error => VMKCHECK_SEVERITY_ERROR,
        Severity::Unverified => VMKCHECK_SEVERITY_UNVERIFIED,
        Severity::Warning => VMKCHECK_SEVERITY_WARNING,
        Severity::Info => VMKCHECK_SEVERITY_INFO,
    }
}

/// Finds which host (index into the caller's array) a name's bytes lie in.
#[derive(Debug)]
struct Locator {
    /// `(start, end, index)` of every name and text, sorted by start.
    ranges: Vec<(usize, usize, usize)>,
}

impl Locator {
    fn new(spans: &[(Span, Span)]) -> Self {
        let mut ranges: Vec<(usize, usize, usize)> = spans
            .iter()
            .enumerate()
            .flat_map(|(i, (n, t))| [(n.start(), n.end(), i), (t.start(), t.end(), i)])
            .filter(|(s, e, _)| e > s)
            .collect();
        ranges.sort_unstable();
        Self { ranges }
    }

    fn index_of(&self, s: &str) -> Option<usize> {
        let p = s.as_ptr() as usize;
        let after = self.ranges.partition_point(|(start, _, _)| *start <= p);
        let (start, end, i) = *self.ranges.get(after.checked_sub(1)?)?;
        (start <= p && p < end).then_some(i)
    }

    fn host(&self, h: Option<HostName<'_>>) -> vmkcheck_host_ref {
        match h {
            None => vmkcheck_host_ref::NONE,
            Some(HostName::Named(s)) => vmkcheck_host_ref {
                present: true,
                index: self.index_of(s).unwrap_or(VMKCHECK_NONE),
                name: vmkcheck_str::of(s),
                number: 0,
            },
            Some(HostName::Numbered(n)) => vmkcheck_host_ref {
                present: true,
                index: usize::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .unwrap_or(VMKCHECK_NONE),
                name: vmkcheck_str::NONE,
                number: n,
            },
        }
    }

    fn evidence(&self, e: Option<Evidence<'_>>) -> vmkcheck_evidence {
        e.map_or(vmkcheck_evidence::NONE, |e| vmkcheck_evidence {
            host: self.host(Some(e.host)),
            source: usize::try_from(e.source).unwrap_or(VMKCHECK_NONE),
            line: e.line,
        })
    }
}

/// FNV-1a over the public fields (not `_seal`, not `_opaque`).
fn seal(f: &vmkcheck_finding) -> u64 {
    struct Fnv(u64);
    impl Fnv {
        fn word(&mut self, w: u64) {
            for b in w.to_le_bytes() {
                self.0 ^= u64::from(b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
        fn host(&mut self, h: &vmkcheck_host_ref) {
            self.word(u64::from(h.present));
            self.word(h.index as u64);
            self.word(h.name.ptr as usize as u64);
            self.word(h.name.len as u64);
            self.word(u64::from(h.number));
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.word(0x766d_6b63_6865_636b); // "vmkcheck"
    h.word(f.rule as usize as u64);
    h.word(f.severity as usize as u64);
    h.word(f.severity_rank as u64);
    h.host(&f.host);
    h.host(&f.peer);
    h.word(f.interface.ptr as usize as u64);
    h.word(f.interface.len as u64);
    for e in &f.evidence {
        h.host(&e.host);
        h.word(e.source as u64);
        h.word(u64::from(e.line));
    }
    h.word(f.n_evidence as u64);
    h.word(f.message_len as u64);
    h.word(u64::from(f.has_remediation));
    h.word(f.remediation_len as u64);
    h.0
}

/// A `bool` of caller memory, read as a byte: anything but 0 or 1 is refused (a Rust
/// `bool` may hold nothing else, and a struct this library filled holds nothing else).
///
/// # Safety
/// `p` is valid for reading one byte.
unsafe fn read_bool(p: *const bool) -> Res<bool> {
    // SAFETY: readable (caller); read as a plain byte, so any value is fine.
    match unsafe { p.cast::<u8>().read() } {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Fail::invalid()),
    }
}

/// A host reference in caller memory, field by field.
///
/// # Safety
/// `h` is not NULL, aligned, and valid for reading a `vmkcheck_host_ref`.
unsafe fn read_host_ref(h: *const vmkcheck_host_ref) -> Res<vmkcheck_host_ref> {
    // SAFETY: the field pointers lie inside `*h`, readable (caller); `index`, `name` and
    // `number` are integers and raw pointers, valid for any bits; `present` is checked.
    unsafe {
        Ok(vmkcheck_host_ref {
            present: read_bool(addr_of!((*h).present))?,
            index: addr_of!((*h).index).read(),
            name: addr_of!((*h).name).read(),
            number: addr_of!((*h).number).read(),
        })
    }
}

/// The public fields of a finding in caller memory, read field by field (never as a
/// whole: `_opaque` may hold padding bytes that are not plain integers), and its seal.
///
/// # Safety
/// `f` is not NULL, aligned, and valid for reading a `vmkcheck_finding`.
unsafe fn read_public(f: *const vmkcheck_finding) -> Res<(vmkcheck_finding, u64)> {
    // SAFETY: every field pointer lies inside `*f`, readable (caller). The fields read
    // directly are integers and raw pointers (valid for any bits); `bool`s are checked.
    unsafe {
        let ev = |k: usize| -> Res<vmkcheck_evidence> {
            let e = addr_of!((*f).evidence).cast::<vmkcheck_evidence>().add(k);
            Ok(vmkcheck_evidence {
                host: read_host_ref(addr_of!((*e).host))?,
                source: addr_of!((*e).source).read(),
                line: addr_of!((*e).line).read(),
            })
        };
        Ok((
            vmkcheck_finding {
                rule: addr_of!((*f).rule).read(),
                severity: addr_of!((*f).severity).read(),
                severity_rank: addr_of!((*f).severity_rank).read(),
                host: read_host_ref(addr_of!((*f).host))?,
                peer: read_host_ref(addr_of!((*f).peer))?,
                interface: addr_of!((*f).interface).read(),
                evidence: [ev(0)?, ev(1)?],
                n_evidence: addr_of!((*f).n_evidence).read(),
                message_len: addr_of!((*f).message_len).read(),
                has_remediation: read_bool(addr_of!((*f).has_remediation))?,
                remediation_len: addr_of!((*f).remediation_len).read(),
                _seal: 0,
                _opaque: [0; VMKCHECK_FINDING_OPAQUE_WORDS],
            },
            addr_of!((*f)._seal).read(),
        ))
    }
}

/// The engine's finding inside a `vmkcheck_finding` filled by `vmkcheck_check`.
///
/// # Safety
/// `f` is NULL or valid for reading a `vmkcheck_finding` that `vmkcheck_check` filled
/// (then copied at will, never modified), whose inputs are still alive and unchanged.
unsafe fn engine_finding<'a>(f: *const vmkcheck_finding) -> Res<Finding<'a>> {
    let f = checked(f, 1)?;
    // SAFETY: not NULL, aligned (checked), readable (caller).
    let (public, sealed) = unsafe { read_public(f) }?;
    if seal(&public) != sealed {
        return Err(Fail::invalid());
    }
    // SAFETY: the seal matches, so (by the caller's contract) `_opaque` holds the
    // `Finding` that `vmkcheck_check` wrote there with `write_unaligned`; it is `Copy`
    // and its borrowed strings are still valid (caller).
    Ok(unsafe {
        addr_of!((*f)._opaque)
            .cast::<Finding<'a>>()
            .read_unaligned()
    })
}

/// Runs every rule (DESIGN.md §5) over the hosts and facts and writes the findings,
/// in report order, into `findings[0 .. *n_findings]`.
///
/// Inputs as `vmkcheck_check_json` (empty host name = named from the prompt; facts
/// NULL, 0 = none; malformed facts = `VMKCHECK_ERR_PARSE` with `err` position). The
/// findings are exactly those of the JSON report for the same inputs. If `findings_cap`
/// is too small: `VMKCHECK_ERR_CAPACITY`, `*n_findings` = findings needed, nothing else
/// written (`findings` NULL with capacity 0 asks for the count). The verdict is
/// `vmkcheck_verdict(findings, n)`.
///
/// The results point into `hosts[i].name`, `hosts[i].text` and `facts_json` (not into
/// the `hosts` array itself): keep those buffers alive and unchanged while you use them.
///
/// # Safety
/// As `vmkcheck_check_json`; `findings` NULL or valid for writing `findings_cap`
/// findings; `n_findings` valid for writing; outputs do not overlap inputs; `err` NULL
/// or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_check(
    hosts: *const vmkcheck_host,
    n_hosts: usize,
    facts_json: *const c_char,
    facts_len: usize,
    findings: *mut vmkcheck_finding,
    findings_cap: usize,
    n_findings: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on the outputs.
        let n_out = unsafe { OutOne::new(n_findings) }?;
        // SAFETY: as above.
        let mut out = unsafe { OutArray::new(findings, findings_cap) }?;
        // SAFETY: the caller's contract on `hosts` and `facts_json`.
        let input = unsafe { check_input(hosts, n_hosts, facts_json, facts_len) }?;
        let spans = input.all_spans();
        no_overlap(out.span(), &spans)?;
        no_overlap(n_out.span(), &spans)?;
        no_overlap(n_out.span(), &[out.span()])?;
        let checked = vmkcheck_json::check(&input.sources, input.facts.map(|f| f.text))
            .map_err(|e| input.fail(e))?;
        let n = checked.findings.len();
        if !out.fits(n) {
            n_out.set(n);
            return Err(Fail::status(VMKCHECK_ERR_CAPACITY));
        }
        let locate = Locator::new(&input.spans);
        for (i, f) in checked.findings.iter().enumerate() {
            let remediation = f.remediation();
            let mut c = vmkcheck_finding {
                rule: c_name(f.rule.id()),
                severity: c_name(f.severity.as_str()),
                severity_rank: severity_rank(f.severity),
                host: locate.host(f.host),
                peer: locate.host(f.peer),
                interface: vmkcheck_str::opt(f.interface),
                evidence: [
                    locate.evidence(f.evidence[0]),
                    locate.evidence(f.evidence[1]),
                ],
                n_evidence: f.evidence().count(),
                message_len: display_len(&f.message()),
                has_remediation: remediation.is_some(),
                remediation_len: remediation.as_ref().map_or(0, |r| display_len(r)),
                _seal: 0,
                _opaque: [0; VMKCHECK_FINDING_OPAQUE_WORDS],
            };
            c._seal = seal(&c);
            let Some(slot) = out.slot(i) else { break };
            // SAFETY: `slot` is item `i < cap` of the caller's writable, aligned
            // array. The finding goes in after the struct, straight into caller
            // memory, so no typed copy of `_opaque` ever reads its padding; it fits
            // (asserted at compile time) and `write_unaligned` needs no alignment.
            unsafe {
                slot.write(c);
                addr_of_mut!((*slot)._opaque)
                    .cast::<Finding<'_>>()
                    .write_unaligned(*f);
            }
        }
        n_out.set(n);
        Ok(())
    };
    // SAFETY: `err` NULL or writable (caller).
    unsafe { run(err, body) }
}

/// Renders one part of a finding into `out`.
///
/// # Safety
/// As `vmkcheck_finding_message`.
unsafe fn render(
    f: *const vmkcheck_finding,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
    remediation: bool,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on the output.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        // SAFETY: the caller's contract on `f`.
        let finding = unsafe { engine_finding(f) }?;
        if remediation {
            match finding.remediation() {
                Some(r) => out.put_display(&r),
                None => out.put(""),
            }
        } else {
            out.put_display(&finding.message())
        }
    };
    // SAFETY: NULL `err` is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

/// Renders a finding's message (the JSON `message`) into `out`, NUL-terminated;
/// `*out_len` = bytes without the NUL (= `f->message_len`).
///
/// Buffer rules as `vmkcheck_check_json` (`out_cap` must be at least
/// `f->message_len + 1`). A struct not filled by `vmkcheck_check` (or modified) is
/// `VMKCHECK_ERR_INVALID_ARGUMENT`.
///
/// # Safety
/// `f` NULL or valid for reading a finding filled by `vmkcheck_check` whose inputs are
/// still alive and unchanged; `out` NULL or valid for writing `out_cap` bytes, not
/// overlapping those inputs; `out_len` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_finding_message(
    f: *const vmkcheck_finding,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { render(f, out, out_cap, out_len, false) }
}

/// Renders a finding's remediation (the exact command to run, or the fix) into `out`,
/// NUL-terminated. A finding without one (`has_remediation` false) renders as the
/// empty string. Otherwise as `vmkcheck_finding_message`.
///
/// # Safety
/// As `vmkcheck_finding_message`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_finding_remediation(
    f: *const vmkcheck_finding,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { render(f, out, out_cap, out_len, true) }
}

/// Renders a host's name (as the JSON shows it: the name, or `host<N>`) into `out`,
/// NUL-terminated. An absent host renders as the empty string. Buffer rules as
/// `vmkcheck_check_json`.
///
/// # Safety
/// `h` NULL or valid for reading a `vmkcheck_host_ref` whose `name` view (if any) is
/// still valid; `out` NULL or valid for writing `out_cap` bytes; `out_len` valid for
/// writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_host_ref_name(
    h: *const vmkcheck_host_ref,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on the output.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        let h = checked(h, 1)?;
        // SAFETY: not NULL, aligned (checked above), readable (caller).
        let h = unsafe { read_host_ref(h) }?;
        let (present, number, name) = (h.present, h.number, h.name);
        no_overlap(out.span(), &[Span::of(name.ptr, name.len)])?;
        // SAFETY: the view points at the caller's live name or text (caller).
        match unsafe { name.get() }? {
            Some(s) => out.put(s),
            None if present && number > 0 => out.put_display(&HostName::Numbered(number)),
            None => out.put(""),
        }
    };
    // SAFETY: NULL `err` is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

/// The verdict of a set of findings (DESIGN.md §4.4): `"not_ready"` if any is an error,
/// else `"unverified"` if any is unverified, else `"ready_with_warnings"` if any is a
/// warning, else `"ready"`. Writes a static NUL-terminated string into `*verdict`.
///
/// # Safety
/// `findings` NULL (with `n` 0) or valid for reading `n` findings; `verdict` valid for
/// writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_verdict(
    findings: *const vmkcheck_finding,
    n: usize,
    verdict: *mut *const c_char,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `verdict`.
        let v = unsafe { OutOne::new(verdict) }?;
        let findings = checked(findings, n)?;
        let mut severities = Vec::with_capacity(n.min(1 << 16));
        for i in 0..n {
            // SAFETY: `i < n` findings are readable (caller); only the plain
            // `severity_rank` field is read.
            let rank = unsafe { addr_of!((*findings.add(i)).severity_rank).read() };
            severities.push(match rank {
                VMKCHECK_SEVERITY_ERROR => Severity::Error,
                VMKCHECK_SEVERITY_UNVERIFIED => Severity::Unverified,
                VMKCHECK_SEVERITY_WARNING => Severity::Warning,
                VMKCHECK_SEVERITY_INFO => Severity::Info,
                _ => return Err(Fail::invalid()),
            });
        }
        v.set(c_name(Verdict::of(severities).as_str()));
        Ok(())
    };
    // SAFETY: NULL `err` is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{VMKCHECK_ERR_INVALID_ARGUMENT, VMKCHECK_OK};
    use core::ffi::CStr;

    const ESX01: &str = "[root@esx01:~] esxcfg-vmknic -l
Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack
vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion
";

    fn empty() -> vmkcheck_finding {
        vmkcheck_finding {
            rule: core::ptr::null(),
            severity: core::ptr::null(),
            severity_rank: 0,
            host: vmkcheck_host_ref::NONE,
            peer: vmkcheck_host_ref::NONE,
            interface: vmkcheck_str::NONE,
            evidence: [vmkcheck_evidence::NONE; 2],
            n_evidence: 0,
            message_len: 0,
            has_remediation: false,
            remediation_len: 0,
            _seal: 0,
            _opaque: [0; VMKCHECK_FINDING_OPAQUE_WORDS],
        }
    }

    fn text_of(buf: &[c_char]) -> String {
        // SAFETY: NUL-terminated by the library.
        unsafe { CStr::from_ptr(buf.as_ptr()) }
            .to_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn typed_findings_match_the_json_report() {
        let hosts = [
            vmkcheck_host {
                name: core::ptr::null(),
                name_len: 0,
                text: ESX01.as_ptr().cast(),
                text_len: ESX01.len(),
            },
            vmkcheck_host {
                name: c"esx02".as_ptr(),
                name_len: 5,
                text: ESX01.as_ptr().cast(),
                text_len: 0,
            },
        ];
        let want: serde_json::Value = serde_json::from_str(
            &vmkcheck_json::check_json(&[("", ESX01), ("esx02", "")], None).unwrap(),
        )
        .unwrap();
        let want = want["findings"].as_array().unwrap().clone();
        let mut n = 0usize;
        // SAFETY: count query.
        let s = unsafe {
            vmkcheck_check(
                hosts.as_ptr(),
                2,
                core::ptr::null(),
                0,
                core::ptr::null_mut(),
                0,
                &mut n,
                core::ptr::null_mut(),
            )
        };
        assert_eq!((s, n), (VMKCHECK_ERR_CAPACITY, want.len()));
        let mut out = vec![empty(); n];
        // SAFETY: `out` holds `n` findings.
        let s = unsafe {
            vmkcheck_check(
                hosts.as_ptr(),
                2,
                core::ptr::null(),
                0,
                out.as_mut_ptr(),
                n,
                &mut n,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(s, VMKCHECK_OK);
        for (f, w) in out.iter().zip(&want) {
            // SAFETY: static names.
            let rule = unsafe { CStr::from_ptr(f.rule) }.to_str().unwrap();
            assert_eq!(w["rule"], rule);
            let mut buf = vec![0 as c_char; f.message_len + 1];
            let mut len = 0;
            // SAFETY: `f` was filled by `vmkcheck_check`; ESX01 is static.
            let s = unsafe { vmkcheck_finding_message(f, buf.as_mut_ptr(), buf.len(), &mut len) };
            assert_eq!((s, len), (VMKCHECK_OK, f.message_len));
            assert_eq!(w["message"], text_of(&buf));
            let mut buf = vec![0 as c_char; f.remediation_len + 1];
            // SAFETY: as above.
            let s =
                unsafe { vmkcheck_finding_remediation(f, buf.as_mut_ptr(), buf.len(), &mut len) };
            assert_eq!(s, VMKCHECK_OK);
            match w["remediation"].as_str() {
                Some(r) => assert_eq!(r, text_of(&buf)),
                None => assert!(!f.has_remediation && len == 0),
            }
            if f.host.present {
                let mut buf = [0 as c_char; 64];
                // SAFETY: the host ref's view points into ESX01 or a static name.
                let s = unsafe { vmkcheck_host_ref_name(&f.host, buf.as_mut_ptr(), 64, &mut len) };
                assert_eq!(s, VMKCHECK_OK);
                assert_eq!(w["host"], text_of(&buf));
                assert!(f.host.index < 2);
            }
        }
        let mut verdict: *const c_char = core::ptr::null();
        // SAFETY: `out` holds `n` findings.
        let s = unsafe { vmkcheck_verdict(out.as_ptr(), n, &mut verdict) };
        assert_eq!(s, VMKCHECK_OK);
        // SAFETY: static name.
        let v = unsafe { CStr::from_ptr(verdict) }.to_str().unwrap();
        assert_eq!(
            v,
            Verdict::of(out.iter().map(|f| match f.severity_rank {
                0 => Severity::Error,
                1 => Severity::Unverified,
                2 => Severity::Warning,
                _ => Severity::Info,
            }))
            .as_str()
        );
    }

    #[test]
    fn a_struct_not_filled_by_the_library_is_refused() {
        let f = empty();
        let mut buf = [0 as c_char; 8];
        let mut len = 0;
        // SAFETY: `f` is a live local; the seal check rejects it before `_opaque` is read.
        let s = unsafe { vmkcheck_finding_message(&f, buf.as_mut_ptr(), 8, &mut len) };
        assert_eq!(s, VMKCHECK_ERR_INVALID_ARGUMENT);
        // Garbage bytes (an uninitialised struct): its `bool`s are refused unread as bool.
        let mut junk = core::mem::MaybeUninit::<vmkcheck_finding>::uninit();
        // SAFETY: fills the whole local with 0x5A bytes.
        unsafe {
            junk.as_mut_ptr()
                .cast::<u8>()
                .write_bytes(0x5A, size_of::<vmkcheck_finding>())
        };
        // SAFETY: `junk` is readable memory of the right size; only checked reads happen.
        let s = unsafe { vmkcheck_finding_message(junk.as_ptr(), buf.as_mut_ptr(), 8, &mut len) };
        assert_eq!(s, VMKCHECK_ERR_INVALID_ARGUMENT);
    }
}
