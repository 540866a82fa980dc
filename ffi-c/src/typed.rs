//! The typed zero-copy parsers: rows, runs, responses, sections and diagnostics as C
//! structs in caller-provided arrays. Strings are `vmkcheck_str` views into the
//! caller's text; enumerations are static names.

use core::ffi::{c_char, c_int};

use vmkcheck_core::diag::Diagnostic;
use vmkcheck_core::transcript::{self, Section, SectionKind};
use vmkcheck_core::vmknic::{self, VmknicRow};
use vmkcheck_core::vmkping::{self, PingCommand, Response, Run};

use crate::boundary::{
    Fail, Input, OutArray, OutOne, OutText, Res, Text, checked, no_overlap, run, text,
};
use crate::commands::{
    SwitchIndex, vmkcheck_dvport_row, vmkcheck_esxi_version, vmkcheck_nic_row,
    vmkcheck_portgroup_row, vmkcheck_route_row, vmkcheck_switch_row, vmkcheck_tags,
};
use crate::names::{DIAGNOSTIC_KINDS, c_name, c_name_opt};
use crate::{VMKCHECK_ERR_CAPACITY, VMKCHECK_NONE, vmkcheck_error};

/// A string view: `len` bytes of UTF-8 at `ptr`, NOT NUL-terminated.
///
/// Views point into the caller's own text (or into static data): they stay valid as
/// long as that text does. `ptr == NULL` means absent (JSON `null`); a present empty
/// string has a non-NULL `ptr` and `len` 0. Print one with
/// `printf("%.*s", (int)s.len, s.ptr)`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vmkcheck_str {
    /// First byte, or NULL when absent.
    pub ptr: *const c_char,
    /// Length in bytes.
    pub len: usize,
}

impl vmkcheck_str {
    /// The absent string.
    pub(crate) const NONE: Self = Self {
        ptr: core::ptr::null(),
        len: 0,
    };

    /// A view of `s`.
    pub(crate) fn of(s: &str) -> Self {
        Self {
            ptr: s.as_ptr().cast(),
            len: s.len(),
        }
    }

    /// A view of `s`, or the absent string.
    pub(crate) fn opt(s: Option<&str>) -> Self {
        s.map_or(Self::NONE, Self::of)
    }

    /// The string a view shows again (`None` when absent).
    ///
    /// # Safety
    /// A non-NULL `ptr` is valid for reading `len` bytes that stay unchanged for `'a`.
    pub(crate) unsafe fn get<'a>(self) -> Res<Option<&'a str>> {
        if self.ptr.is_null() {
            return if self.len == 0 {
                Ok(None)
            } else {
                Err(Fail::null())
            };
        }
        // SAFETY: forwarded from the caller.
        let t = unsafe { text(self.ptr, self.len, Input::None, false) }?;
        Ok(Some(t.text))
    }
}

fn opt_u32(v: Option<u32>) -> i64 {
    v.map_or(-1, i64::from)
}

fn opt_bool(v: Option<bool>) -> i32 {
    v.map_or(-1, i32::from)
}

fn opt_f64(v: Option<f64>) -> (f64, bool) {
    v.map_or((0.0, false), |x| (x, true))
}

/// One row of `esxcfg-vmknic -l` (one address of one interface): DESIGN.md §4.1.
///
/// Absent values (JSON `null`): views with `ptr` NULL, enumerations NULL, numbers -1.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_vmknic_row {
    /// 1-based line of the row in the text.
    pub line: u32,
    /// `vmkN` (always present).
    pub interface: vmkcheck_str,
    /// Port group name, DVPort number or opaque-network UUID.
    pub portgroup: vmkcheck_str,
    /// `"name"`, `"dvport"`, `"opaque"`, or NULL.
    pub portgroup_kind: *const c_char,
    /// `"ipv4"` or `"ipv6"` (always present).
    pub family: *const c_char,
    /// IP address as printed (redacted text included); absent for empty or `N/A`.
    pub address: vmkcheck_str,
    /// Netmask as printed (the prefix length on IPv6 rows).
    pub netmask: vmkcheck_str,
    /// Prefix length derived from the netmask or the IPv6 prefix column; -1 unknown.
    pub prefix_len: i32,
    /// Broadcast as printed.
    pub broadcast: vmkcheck_str,
    /// MAC address.
    pub mac: vmkcheck_str,
    /// MTU; -1 when the layout has no such column.
    pub mtu: i64,
    /// TSO MSS; -1 when absent.
    pub tso_mss: i64,
    /// Enabled: 1 true, 0 false, -1 absent.
    pub enabled: i32,
    /// Type as printed: `STATIC`, `DHCP`, `STATIC, PREFERRED`, `NONE`.
    pub r#type: vmkcheck_str,
    /// NetStack instance (`defaultTcpipStack`, `vmotion`…); absent before ESXi 5.5.
    pub netstack: vmkcheck_str,
}

impl vmkcheck_vmknic_row {
    fn of(r: &VmknicRow<'_>) -> Self {
        Self {
            line: r.line,
            interface: vmkcheck_str::of(r.interface),
            portgroup: vmkcheck_str::opt(r.portgroup),
            portgroup_kind: c_name_opt(r.portgroup_kind.map(|k| k.as_str())),
            family: c_name(r.family.as_str()),
            address: vmkcheck_str::opt(r.address),
            netmask: vmkcheck_str::opt(r.netmask),
            prefix_len: r.prefix_len.map_or(-1, i32::from),
            broadcast: vmkcheck_str::opt(r.broadcast),
            mac: vmkcheck_str::opt(r.mac),
            mtu: opt_u32(r.mtu),
            tso_mss: opt_u32(r.tso_mss),
            enabled: opt_bool(r.enabled),
            r#type: vmkcheck_str::opt(r.type_),
            netstack: vmkcheck_str::opt(r.netstack),
        }
    }
}

/// A parsed `vmkping` command line (DESIGN.md §4.2 `command`). Absent numbers are -1,
/// absent views have `ptr` NULL, absent doubles have their `has_` flag false.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_ping_command {
    /// The command as typed, without prompt and trailing `# comment`.
    pub text: vmkcheck_str,
    /// `vmkping`, `ping` or `ping6`.
    pub program: vmkcheck_str,
    /// The host or address pinged.
    pub target: vmkcheck_str,
    /// `++netstack=NAME` or `-S NAME`.
    pub netstack: vmkcheck_str,
    /// `-I vmkN`.
    pub interface: vmkcheck_str,
    /// `-6`, `ping6` or an IPv6 target.
    pub ipv6: bool,
    /// `-d`: don't fragment.
    pub df: bool,
    /// `-s N`; -1 absent.
    pub size: i64,
    /// `-c N`; -1 absent.
    pub count: i64,
    /// `-i SECONDS` (valid when `has_interval`).
    pub interval: f64,
    /// Whether `interval` was given.
    pub has_interval: bool,
    /// `-W SECONDS` (valid when `has_wait`).
    pub wait: f64,
    /// Whether `wait` was given.
    pub has_wait: bool,
    /// `-t TTL`; -1 absent.
    pub ttl: i64,
    /// `-N NEXT_HOP`.
    pub next_hop: vmkcheck_str,
}

impl vmkcheck_ping_command {
    const NONE: Self = Self {
        text: vmkcheck_str::NONE,
        program: vmkcheck_str::NONE,
        target: vmkcheck_str::NONE,
        netstack: vmkcheck_str::NONE,
        interface: vmkcheck_str::NONE,
        ipv6: false,
        df: false,
        size: -1,
        count: -1,
        interval: 0.0,
        has_interval: false,
        wait: 0.0,
        has_wait: false,
        ttl: -1,
        next_hop: vmkcheck_str::NONE,
    };

    fn of(c: &PingCommand<'_>) -> Self {
        let (interval, has_interval) = opt_f64(c.interval);
        let (wait, has_wait) = opt_f64(c.wait);
        Self {
            text: vmkcheck_str::of(c.text),
            program: vmkcheck_str::of(c.program),
            target: vmkcheck_str::opt(c.target),
            netstack: vmkcheck_str::opt(c.netstack),
            interface: vmkcheck_str::opt(c.interface),
            ipv6: c.ipv6,
            df: c.df,
            size: opt_u32(c.size),
            count: opt_u32(c.count),
            interval,
            has_interval,
            wait,
            has_wait,
            ttl: opt_u32(c.ttl),
            next_hop: vmkcheck_str::opt(c.next_hop),
        }
    }
}

/// One `vmkping` run (DESIGN.md §4.2) without its responses, which are in the responses
/// array at `first_response .. first_response + n_responses`. An `esxcli network diag
/// ping` run (a `diag_ping` section) has the same form (`command.program` `esxcli`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_ping_run {
    /// Line of the command, else of the first output line.
    pub line: u32,
    /// Whether the command line was pasted (`command` is meaningful only then; JSON
    /// `"command": null` otherwise).
    pub has_command: bool,
    /// The command line.
    pub command: vmkcheck_ping_command,
    /// Host or address named by the `PING` header (else the command's target).
    pub destination: vmkcheck_str,
    /// Address the header resolved the destination to.
    pub destination_ip: vmkcheck_str,
    /// Payload size; -1 absent.
    pub data_bytes: i64,
    /// From the summary; -1 when the paste has none.
    pub packets_transmitted: i64,
    /// From the summary (duplicates not counted); -1 absent.
    pub packets_received: i64,
    /// Loss in percent (valid when `has_packet_loss_percent`).
    pub packet_loss_percent: f64,
    /// Whether the summary gave a loss.
    pub has_packet_loss_percent: bool,
    /// `+N duplicates` from the summary; -1 absent.
    pub duplicates: i64,
    /// Whether the round-trip line was printed (`round_trip_ms_min/avg/max` valid).
    pub has_round_trip: bool,
    /// Round trip minimum, ms.
    pub round_trip_ms_min: f64,
    /// Round trip average, ms.
    pub round_trip_ms_avg: f64,
    /// Round trip maximum, ms.
    pub round_trip_ms_max: f64,
    /// Standard deviation, ms (valid when `has_round_trip_ms_stddev`; ESXi prints none).
    pub round_trip_ms_stddev: f64,
    /// Whether a standard deviation was printed.
    pub has_round_trip_ms_stddev: bool,
    /// False when the summary is missing (trimmed or interrupted paste).
    pub complete: bool,
    /// Index of the run's first response in the responses array.
    pub first_response: usize,
    /// How many responses the run has.
    pub n_responses: usize,
}

impl vmkcheck_ping_run {
    /// A run of either kind (vmkping or esxcli diag ping) through the core's one view.
    fn of<'a>(run: &impl Run<'a>, first_response: usize, n_responses: usize) -> Self {
        let r = run.head();
        let sm = r.summary;
        let (packet_loss_percent, has_packet_loss_percent) = opt_f64(sm.map(|s| s.loss_percent));
        let rt = r.round_trip;
        let (round_trip_ms_stddev, has_round_trip_ms_stddev) = opt_f64(rt.and_then(|t| t.stddev));
        Self {
            line: r.line,
            has_command: r.command.is_some(),
            command: r
                .command
                .as_ref()
                .map_or(vmkcheck_ping_command::NONE, vmkcheck_ping_command::of),
            destination: vmkcheck_str::opt(r.destination),
            destination_ip: vmkcheck_str::opt(r.destination_ip),
            data_bytes: opt_u32(r.data_bytes),
            packets_transmitted: opt_u32(sm.map(|s| s.transmitted)),
            packets_received: opt_u32(sm.map(|s| s.received)),
            packet_loss_percent,
            has_packet_loss_percent,
            duplicates: opt_u32(sm.map(|s| s.duplicates)),
            has_round_trip: rt.is_some(),
            round_trip_ms_min: rt.map_or(0.0, |t| t.min),
            round_trip_ms_avg: rt.map_or(0.0, |t| t.avg),
            round_trip_ms_max: rt.map_or(0.0, |t| t.max),
            round_trip_ms_stddev,
            has_round_trip_ms_stddev,
            complete: sm.is_some(),
            first_response,
            n_responses,
        }
    }
}

/// One response of a run (DESIGN.md §4.2 `responses[]`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_ping_response {
    /// Line of the evidence (for an inferred timeout: the line that revealed it).
    pub line: u32,
    /// `"reply"`, `"timeout"` or `"send_failed"`.
    pub r#type: *const c_char,
    /// Bytes received; -1 absent.
    pub bytes: i64,
    /// Address the reply came from.
    pub response_ip: vmkcheck_str,
    /// Sequence number; -1 absent (a send failure prints none).
    pub icmp_seq: i64,
    /// TTL; -1 absent (ESXi IPv6 replies print none).
    pub ttl: i64,
    /// Round-trip time, ms (valid when `has_time_ms`).
    pub time_ms: f64,
    /// Whether a time was printed.
    pub has_time_ms: bool,
    /// A `(DUP!)` reply.
    pub duplicate: bool,
    /// For `send_failed`: the text in the parentheses, e.g. `Message too long`.
    pub error: vmkcheck_str,
}

impl vmkcheck_ping_response {
    fn of(r: &Response<'_>) -> Self {
        let (time_ms, has_time_ms) = opt_f64(r.time_ms);
        Self {
            line: r.line,
            r#type: c_name(r.kind.as_str()),
            bytes: opt_u32(r.bytes),
            response_ip: vmkcheck_str::opt(r.response_ip),
            icmp_seq: opt_u32(r.icmp_seq),
            ttl: opt_u32(r.ttl),
            time_ms,
            has_time_ms,
            duplicate: r.duplicate,
            error: vmkcheck_str::opt(r.error),
        }
    }
}

/// A diagnostic: something doubtful in the input, with its line (DESIGN.md §4.3).
/// `subject`, `text`, `a` and `b` are what `vmkcheck_diagnostic_message` renders the
/// message from.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_diagnostic {
    /// 1-based line of the evidence.
    pub line: u32,
    /// The JSON `kind`, e.g. `"address_unparseable"`.
    pub kind: *const c_char,
    /// What it is about (an interface…), possibly empty.
    pub subject: vmkcheck_str,
    /// The offending text, possibly empty.
    pub text: vmkcheck_str,
    /// First number (meaning per kind).
    pub a: u64,
    /// Second number (meaning per kind).
    pub b: u64,
}

impl vmkcheck_diagnostic {
    fn of(d: &Diagnostic<'_>) -> Self {
        Self {
            line: d.line,
            kind: c_name(d.kind.as_str()),
            subject: vmkcheck_str::of(d.subject),
            text: vmkcheck_str::of(d.text),
            a: d.a,
            b: d.b,
        }
    }
}

/// One section of a transcript: a command (if typed) and its output (DESIGN.md §4.3).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_section {
    /// Line of the prompt or command, else of the first output line.
    pub line: u32,
    /// Host named by the prompt; absent (`ptr` NULL) when none did.
    pub host: vmkcheck_str,
    /// The command typed, without prompt; absent for bare output.
    pub command: vmkcheck_str,
    /// The JSON `kind`: `"vmknic"`, `"vmkping"`, `"tags"`, `"interface_list"`,
    /// `"ipv4_get"`, `"ipv6_address_list"`, `"netstack_list"`, `"route_list"`,
    /// `"vswitch"`, `"nic_list"`, `"version"`, `"diag_ping"` or `"unknown"`.
    pub kind: *const c_char,
    /// Its vmknic rows: `rows[first_row .. first_row + n_rows]` (0 rows unless vmknic).
    pub first_row: usize,
    /// How many rows.
    pub n_rows: usize,
    /// Its run: `runs[run]` for a `vmkping` or `diag_ping` section, else `VMKCHECK_NONE`.
    pub run: usize,
    /// Its diagnostics: `diagnostics[first_diagnostic .. + n_diagnostics]`.
    pub first_diagnostic: usize,
    /// How many diagnostics.
    pub n_diagnostics: usize,
    /// Its items in the array its kind names: `rows` (vmknic), `runs` (vmkping,
    /// diag_ping), `tags` (tags), `versions` (version), `routes` (route_list), `nics`
    /// (nic_list), `switches` (vswitch): `array[first_item .. first_item + n_items]`.
    /// Kinds without a typed array here (interface_list, ipv4_get, ipv6_address_list,
    /// netstack_list, unknown) have 0 items: read them through the JSON API.
    pub first_item: usize,
    /// How many items (always 1 for tags, version, vmkping and diag_ping sections).
    pub n_items: usize,
}

/// Caller-provided arrays for `vmkcheck_parse_transcript`, and the counts it reports.
///
/// Set each array pointer and capacity (a NULL array with capacity 0 is fine; zero the
/// whole struct first, e.g. `memset(&t, 0, sizeof t)`). On `VMKCHECK_OK` and on
/// `VMKCHECK_ERR_CAPACITY` the library sets every `n_*` to the count the text needs; the
/// arrays are written only on `VMKCHECK_OK`. The transcript's diagnostics (JSON
/// `diagnostics`) are `diagnostics[0 .. n_diagnostics]`, in section order. Every array
/// holds the items of all sections in section order.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_transcript {
    /// Sections array.
    pub sections: *mut vmkcheck_section,
    /// Its capacity (items).
    pub sections_cap: usize,
    /// Out: sections found.
    pub n_sections: usize,
    /// vmknic rows array (all sections).
    pub rows: *mut vmkcheck_vmknic_row,
    /// Its capacity.
    pub rows_cap: usize,
    /// Out: rows found.
    pub n_rows: usize,
    /// Ping runs array (one per vmkping section).
    pub runs: *mut vmkcheck_ping_run,
    /// Its capacity.
    pub runs_cap: usize,
    /// Out: runs found.
    pub n_runs: usize,
    /// Responses array (all runs).
    pub responses: *mut vmkcheck_ping_response,
    /// Its capacity.
    pub responses_cap: usize,
    /// Out: responses found.
    pub n_responses: usize,
    /// Diagnostics array (all sections).
    pub diagnostics: *mut vmkcheck_diagnostic,
    /// Its capacity.
    pub diagnostics_cap: usize,
    /// Out: diagnostics found.
    pub n_diagnostics: usize,
    /// ESXi versions array (one per `version` section).
    pub versions: *mut vmkcheck_esxi_version,
    /// Its capacity.
    pub versions_cap: usize,
    /// Out: versions found.
    pub n_versions: usize,
    /// Interface tags array (one per `tags` section).
    pub tags: *mut vmkcheck_tags,
    /// Its capacity.
    pub tags_cap: usize,
    /// Out: tags outputs found.
    pub n_tags: usize,
    /// Routes array (all `route_list` sections).
    pub routes: *mut vmkcheck_route_row,
    /// Its capacity.
    pub routes_cap: usize,
    /// Out: routes found.
    pub n_routes: usize,
    /// Physical NICs array (all `nic_list` sections).
    pub nics: *mut vmkcheck_nic_row,
    /// Its capacity.
    pub nics_cap: usize,
    /// Out: NICs found.
    pub n_nics: usize,
    /// Switches array (all `vswitch` sections).
    pub switches: *mut vmkcheck_switch_row,
    /// Its capacity.
    pub switches_cap: usize,
    /// Out: switches found.
    pub n_switches: usize,
    /// Port groups array (all standard switches).
    pub portgroups: *mut vmkcheck_portgroup_row,
    /// Its capacity.
    pub portgroups_cap: usize,
    /// Out: port groups found.
    pub n_portgroups: usize,
    /// DVPorts array (all distributed switches).
    pub dvports: *mut vmkcheck_dvport_row,
    /// Its capacity.
    pub dvports_cap: usize,
    /// Out: DVPorts found.
    pub n_dvports: usize,
    /// Names array: the tag names of `tags` and the uplink names of switches and port
    /// groups (views into the text).
    pub names: *mut vmkcheck_str,
    /// Its capacity.
    pub names_cap: usize,
    /// Out: names found.
    pub n_names: usize,
}

/// Reads the single text of a typed parse call.
///
/// # Safety
/// `ptr` NULL or valid for `len` bytes, unchanged during the call.
unsafe fn input_text<'a>(ptr: *const c_char, len: usize) -> Res<Text<'a>> {
    // SAFETY: forwarded.
    let t = unsafe { text(ptr, len, Input::Text(VMKCHECK_NONE), true) }?;
    vmkcheck_json::limit(t.text).map_err(|e| Fail::core(e, Input::None, 0))?;
    Ok(t)
}

fn parse_fail(t: &Text<'_>) -> impl Fn(vmkcheck_core::Error) -> Fail {
    let shift = t.shift;
    move |e| Fail::core(e, Input::Text(VMKCHECK_NONE), shift)
}

/// Parses one `esxcfg-vmknic -l` table into `rows[0 .. *n_rows]` (views into `text`).
///
/// Lines before the first header or row are skipped. On `VMKCHECK_OK` `*n_rows` = rows
/// written. If `rows_cap` is too small: `VMKCHECK_ERR_CAPACITY`, `*n_rows` = rows needed,
/// nothing else written (`rows` NULL with capacity 0 asks for the count). No table:
/// `VMKCHECK_ERR_PARSE` (`err->kind` `"empty"` / `"no_vmknic_table"`, with position).
/// The views stay valid as long as `text` does.
///
/// # Safety
/// `text` NULL or valid for reading `text_len` bytes; `rows` NULL or valid for writing
/// `rows_cap` rows, not overlapping `text`; `n_rows` valid for writing; `err` NULL or
/// valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_vmknic(
    text: *const c_char,
    text_len: usize,
    rows: *mut vmkcheck_vmknic_row,
    rows_cap: usize,
    n_rows: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on `n_rows` and `rows`.
        let n_out = unsafe { OutOne::new(n_rows) }?;
        // SAFETY: as above.
        let mut out = unsafe { OutArray::new(rows, rows_cap) }?;
        // SAFETY: the caller's contract on `text`.
        let t = unsafe { input_text(text, text_len) }?;
        no_overlap(out.span(), &[t.span])?;
        no_overlap(n_out.span(), &[t.span, out.span()])?;
        let table = vmknic::parse(t.text).map_err(parse_fail(&t))?;
        let n = table.rows().count();
        if !out.fits(n) {
            n_out.set(n);
            return Err(Fail::status(VMKCHECK_ERR_CAPACITY));
        }
        for (i, r) in table.rows().enumerate() {
            out.set(i, vmkcheck_vmknic_row::of(&r));
        }
        n_out.set(n);
        Ok(())
    };
    // SAFETY: `err` NULL or writable (caller).
    unsafe { run(err, body) }
}

/// Parses one `vmkping` run (command line optional) into `*out_run` and its responses into
/// `responses[0 .. *n_responses]` (inferred timeouts included).
///
/// Capacity rules as `vmkcheck_parse_vmknic` (`VMKCHECK_ERR_CAPACITY`: `*n_responses` =
/// responses needed, `*out_run` not written). No ping output: `VMKCHECK_ERR_PARSE`
/// (`err->kind` `"empty"` / `"no_ping_output"`). Output after the first run is ignored
/// (a `further_output_ignored` diagnostic in the JSON; parse it as a transcript).
///
/// # Safety
/// `text` NULL or valid for reading `text_len` bytes; `out_run` valid for writing one run;
/// `responses` NULL or valid for writing `responses_cap` items; `n_responses` valid for
/// writing; no output overlaps `text`; `err` NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_vmkping(
    text: *const c_char,
    text_len: usize,
    out_run: *mut vmkcheck_ping_run,
    responses: *mut vmkcheck_ping_response,
    responses_cap: usize,
    n_responses: *mut usize,
    err: *mut vmkcheck_error,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on the outputs.
        let run_one = unsafe { OutOne::new(out_run) }?;
        // SAFETY: as above.
        let n_out = unsafe { OutOne::new(n_responses) }?;
        // SAFETY: as above.
        let mut out = unsafe { OutArray::new(responses, responses_cap) }?;
        // SAFETY: the caller's contract on `text`.
        let t = unsafe { input_text(text, text_len) }?;
        for span in [run_one.span(), n_out.span(), out.span()] {
            no_overlap(span, &[t.span])?;
        }
        let r = vmkping::parse(t.text).map_err(parse_fail(&t))?;
        let n = r.responses().count();
        if !out.fits(n) {
            n_out.set(n);
            return Err(Fail::status(VMKCHECK_ERR_CAPACITY));
        }
        for (i, x) in r.responses().enumerate() {
            out.set(i, vmkcheck_ping_response::of(&x));
        }
        run_one.set(vmkcheck_ping_run::of(&r, 0, n));
        n_out.set(n);
        Ok(())
    };
    // SAFETY: `err` NULL or writable (caller).
    unsafe { run(err, body) }
}

/// Counts of a transcript (also the next free index of each array while filling).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    sections: usize,
    rows: usize,
    runs: usize,
    responses: usize,
    diagnostics: usize,
    versions: usize,
    tags: usize,
    routes: usize,
    nics: usize,
    switches: usize,
    portgroups: usize,
    dvports: usize,
    names: usize,
}

/// Adds one to a counter and returns its old value (the index just used).
fn bump(n: &mut usize) -> usize {
    let at = *n;
    *n = n.saturating_add(1);
    at
}

/// The caller's arrays of a `vmkcheck_transcript`, checked.
struct Arrays {
    sections: OutArray<vmkcheck_section>,
    rows: OutArray<vmkcheck_vmknic_row>,
    runs: OutArray<vmkcheck_ping_run>,
    responses: OutArray<vmkcheck_ping_response>,
    diagnostics: OutArray<vmkcheck_diagnostic>,
    versions: OutArray<vmkcheck_esxi_version>,
    tags: OutArray<vmkcheck_tags>,
    routes: OutArray<vmkcheck_route_row>,
    nics: OutArray<vmkcheck_nic_row>,
    switches: OutArray<vmkcheck_switch_row>,
    portgroups: OutArray<vmkcheck_portgroup_row>,
    dvports: OutArray<vmkcheck_dvport_row>,
    names: OutArray<vmkcheck_str>,
}

impl Arrays {
    /// # Safety
    /// Each array of `t` is NULL or valid for writing its capacity.
    unsafe fn new(t: &vmkcheck_transcript) -> Res<Self> {
        // SAFETY: every call passes one array of `t` with its capacity, which the caller
        // promises is NULL or valid for writing that many items.
        unsafe {
            Ok(Self {
                sections: OutArray::new(t.sections, t.sections_cap)?,
                rows: OutArray::new(t.rows, t.rows_cap)?,
                runs: OutArray::new(t.runs, t.runs_cap)?,
                responses: OutArray::new(t.responses, t.responses_cap)?,
                diagnostics: OutArray::new(t.diagnostics, t.diagnostics_cap)?,
                versions: OutArray::new(t.versions, t.versions_cap)?,
                tags: OutArray::new(t.tags, t.tags_cap)?,
                routes: OutArray::new(t.routes, t.routes_cap)?,
                nics: OutArray::new(t.nics, t.nics_cap)?,
                switches: OutArray::new(t.switches, t.switches_cap)?,
                portgroups: OutArray::new(t.portgroups, t.portgroups_cap)?,
                dvports: OutArray::new(t.dvports, t.dvports_cap)?,
                names: OutArray::new(t.names, t.names_cap)?,
            })
        }
    }

    fn spans(&self) -> [crate::boundary::Span; 13] {
        [
            self.sections.span(),
            self.rows.span(),
            self.runs.span(),
            self.responses.span(),
            self.diagnostics.span(),
            self.versions.span(),
            self.tags.span(),
            self.routes.span(),
            self.nics.span(),
            self.switches.span(),
            self.portgroups.span(),
            self.dvports.span(),
            self.names.span(),
        ]
    }

    fn fit(&self, n: &Counts) -> bool {
        self.sections.fits(n.sections)
            && self.rows.fits(n.rows)
            && self.runs.fits(n.runs)
            && self.responses.fits(n.responses)
            && self.diagnostics.fits(n.diagnostics)
            && self.versions.fits(n.versions)
            && self.tags.fits(n.tags)
            && self.routes.fits(n.routes)
            && self.nics.fits(n.nics)
            && self.switches.fits(n.switches)
            && self.portgroups.fits(n.portgroups)
            && self.dvports.fits(n.dvports)
            && self.names.fits(n.names)
    }
}

/// Walks one section: advances `at` past its items and, when `out` is given, writes
/// them (the caller has checked that every array fits the whole transcript).
fn walk_section(s: &Section<'_>, at: &mut Counts, mut out: Option<&mut Arrays>) {
    let first_row = at.rows;
    let mut run_index = VMKCHECK_NONE;
    let (first_item, n_items) = match s.kind {
        SectionKind::Vmknic => {
            for r in s.vmknic().iter().flat_map(|t| t.rows()) {
                let i = bump(&mut at.rows);
                if let Some(o) = out.as_deref_mut() {
                    o.rows.set(i, vmkcheck_vmknic_row::of(&r));
                }
            }
            (first_row, at.rows.saturating_sub(first_row))
        }
        SectionKind::Vmkping | SectionKind::DiagPing => {
            let first = at.responses;
            let vmkping = s.vmkping();
            let diag = s.diag_ping();
            let responses = vmkping
                .iter()
                .flat_map(|r| r.responses())
                .chain(diag.iter().flat_map(|r| r.responses()));
            for x in responses {
                let i = bump(&mut at.responses);
                if let Some(o) = out.as_deref_mut() {
                    o.responses.set(i, vmkcheck_ping_response::of(&x));
                }
            }
            let n = at.responses.saturating_sub(first);
            let made = vmkping
                .as_ref()
                .map(|r| vmkcheck_ping_run::of(r, first, n))
                .or_else(|| diag.as_ref().map(|d| vmkcheck_ping_run::of(d, first, n)));
            if let Some(made) = made {
                run_index = bump(&mut at.runs);
                if let Some(o) = out.as_deref_mut() {
                    o.runs.set(run_index, made);
                }
            }
            (run_index, usize::from(run_index != VMKCHECK_NONE))
        }
        SectionKind::Tags => match s.tags() {
            Some(t) => {
                let (first_tag, n_tags) = walk_names(t.tags(), at, out.as_deref_mut());
                let i = bump(&mut at.tags);
                if let Some(o) = out.as_deref_mut() {
                    o.tags.set(i, vmkcheck_tags::of(&t, first_tag, n_tags));
                }
                (i, 1)
            }
            None => (0, 0),
        },
        SectionKind::Version => match s.version() {
            Some(v) => {
                let i = bump(&mut at.versions);
                if let Some(o) = out.as_deref_mut() {
                    o.versions.set(i, vmkcheck_esxi_version::of(&v));
                }
                (i, 1)
            }
            None => (0, 0),
        },
        SectionKind::RouteList => {
            let first = at.routes;
            for r in s.route_list().iter().flat_map(|t| t.rows()) {
                let i = bump(&mut at.routes);
                if let Some(o) = out.as_deref_mut() {
                    o.routes.set(i, vmkcheck_route_row::of(&r));
                }
            }
            (first, at.routes.saturating_sub(first))
        }
        SectionKind::NicList => {
            let first = at.nics;
            for n in s.nic_list().iter().flat_map(|l| l.nics()) {
                let i = bump(&mut at.nics);
                if let Some(o) = out.as_deref_mut() {
                    o.nics.set(i, vmkcheck_nic_row::of(&n));
                }
            }
            (first, at.nics.saturating_sub(first))
        }
        SectionKind::Vswitch => {
            let first = at.switches;
            for sw in s.vswitch().iter().flat_map(|l| l.switches()) {
                walk_switch(&sw, at, out.as_deref_mut());
            }
            (first, at.switches.saturating_sub(first))
        }
        _ => (0, 0),
    };
    let first_diagnostic = at.diagnostics;
    for d in s.diagnostics() {
        let i = bump(&mut at.diagnostics);
        if let Some(o) = out.as_deref_mut() {
            o.diagnostics.set(i, vmkcheck_diagnostic::of(&d));
        }
    }
    let i = bump(&mut at.sections);
    if let Some(o) = out {
        o.sections.set(
            i,
            vmkcheck_section {
                line: s.line,
                host: vmkcheck_str::opt(s.host),
                command: vmkcheck_str::opt(s.command),
                kind: c_name(s.kind.as_str()),
                first_row,
                n_rows: at.rows.saturating_sub(first_row),
                run: run_index,
                first_diagnostic,
                n_diagnostics: at.diagnostics.saturating_sub(first_diagnostic),
                first_item,
                n_items,
            },
        );
    }
}

/// Walks a list of names (tags, uplinks) into the names array: its first index and length.
fn walk_names<'a>(
    list: impl Iterator<Item = &'a str>,
    at: &mut Counts,
    mut out: Option<&mut Arrays>,
) -> (usize, usize) {
    let first = at.names;
    for name in list {
        let i = bump(&mut at.names);
        if let Some(o) = out.as_deref_mut() {
            o.names.set(i, vmkcheck_str::of(name));
        }
    }
    (first, at.names.saturating_sub(first))
}

/// Walks one switch with its uplink names, port groups and DVPorts (see `walk_section`).
fn walk_switch(
    sw: &vmkcheck_core::vswitch::Switch<'_>,
    at: &mut Counts,
    mut out: Option<&mut Arrays>,
) {
    let index = bump(&mut at.switches);
    let (first_uplink, n_uplinks) = walk_names(sw.uplinks(), at, out.as_deref_mut());
    let first_portgroup = at.portgroups;
    for p in sw.portgroups() {
        let (first, n) = walk_names(p.uplinks(), at, out.as_deref_mut());
        let i = bump(&mut at.portgroups);
        if let Some(o) = out.as_deref_mut() {
            o.portgroups
                .set(i, vmkcheck_portgroup_row::of(&p, first, n, index));
        }
    }
    let first_dvport = at.dvports;
    for d in sw.dvports() {
        let i = bump(&mut at.dvports);
        if let Some(o) = out.as_deref_mut() {
            o.dvports.set(i, vmkcheck_dvport_row::of(&d, index));
        }
    }
    let idx = SwitchIndex {
        first_uplink,
        n_uplinks,
        first_portgroup,
        n_portgroups: at.portgroups.saturating_sub(first_portgroup),
        first_dvport,
        n_dvports: at.dvports.saturating_sub(first_dvport),
    };
    if let Some(o) = out {
        o.switches.set(index, vmkcheck_switch_row::of(sw, idx));
    }
}

/// Splits pasted text into sections (DESIGN.md §4.3) and reads every command's output in
/// it into the arrays of `*t` (see `vmkcheck_transcript`): vmknic tables, vmkping and
/// `esxcli network diag ping` runs, interface tags, ESXi versions, route lists, NIC
/// lists and `esxcfg-vswitch -l` switches with their port groups and DVPorts.
///
/// Never a parse error: text with nothing recognisable has no sections. On
/// `VMKCHECK_OK` the `n_*` counts say what was written; on `VMKCHECK_ERR_CAPACITY` they
/// say what is needed and no array was written (all capacities 0 asks for the counts).
///
/// # Safety
/// `text` NULL or valid for reading `text_len` bytes; `t` valid for reading and writing,
/// each of its arrays NULL or valid for writing its capacity, none overlapping `text`;
/// `err` NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_parse_transcript(
    text: *const c_char,
    text_len: usize,
    t: *mut vmkcheck_transcript,
    err: *mut vmkcheck_error,
) -> c_int {
    let body = || {
        checked(t.cast_const(), 1)?;
        // SAFETY: not NULL, aligned (checked), readable (caller).
        let mut tr = unsafe { t.read() };
        // SAFETY: the caller's contract on each array.
        let mut arrays = unsafe { Arrays::new(&tr) }?;
        // SAFETY: the caller's contract on `text`.
        let txt = unsafe { input_text(text, text_len) }?;
        let struct_span = crate::boundary::Span::of(t, size_of::<vmkcheck_transcript>());
        for span in [struct_span].into_iter().chain(arrays.spans()) {
            no_overlap(span, &[txt.span])?;
        }
        let parsed = transcript::parse(txt.text);
        let mut need = Counts::default();
        for s in parsed.sections() {
            walk_section(&s, &mut need, None);
        }
        tr.n_sections = need.sections;
        tr.n_rows = need.rows;
        tr.n_runs = need.runs;
        tr.n_responses = need.responses;
        tr.n_diagnostics = need.diagnostics;
        tr.n_versions = need.versions;
        tr.n_tags = need.tags;
        tr.n_routes = need.routes;
        tr.n_nics = need.nics;
        tr.n_switches = need.switches;
        tr.n_portgroups = need.portgroups;
        tr.n_dvports = need.dvports;
        tr.n_names = need.names;
        if !arrays.fit(&need) {
            // SAFETY: `t` is valid for writing (caller, checked above).
            unsafe { t.write(tr) };
            return Err(Fail::status(VMKCHECK_ERR_CAPACITY));
        }
        let mut at = Counts::default();
        for s in parsed.sections() {
            walk_section(&s, &mut at, Some(&mut arrays));
        }
        if at != need {
            // The text is borrowed and unchanged: two walks of it cannot differ.
            return Err(Fail::invalid());
        }
        // SAFETY: `t` is valid for writing (caller, checked above).
        unsafe { t.write(tr) };
        Ok(())
    };
    // SAFETY: `err` NULL or writable (caller).
    unsafe { run(err, body) }
}

/// Renders a diagnostic's message (the JSON `message`) into `out`, NUL-terminated.
///
/// The diagnostic is rebuilt from its fields, so its views must still point at valid
/// UTF-8 (the text it was parsed from, alive and unchanged). An unknown `kind` is
/// `VMKCHECK_ERR_INVALID_ARGUMENT`. Buffer rules as `vmkcheck_check_json`.
///
/// # Safety
/// `d` valid for reading a diagnostic filled by this library whose text is still alive;
/// `out` NULL or valid for writing `out_cap` bytes; `out_len` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_diagnostic_message(
    d: *const vmkcheck_diagnostic,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: the caller's contract on the output.
        let out = unsafe { OutText::new(out, out_cap, out_len) }?;
        let d = checked(d, 1)?;
        // SAFETY: not NULL, aligned (checked), readable (caller).
        let d = unsafe { d.read() };
        if d.kind.is_null() {
            return Err(Fail::null());
        }
        // SAFETY: `kind` is a NUL-terminated string (written by this library).
        let name = unsafe { core::ffi::CStr::from_ptr(d.kind) };
        let kind = DIAGNOSTIC_KINDS
            .iter()
            .find(|(_, c)| *c == name)
            .map(|(k, _)| *k)
            .ok_or(Fail::invalid())?;
        // SAFETY: the views point into the caller's live text (caller).
        let subject = unsafe { d.subject.get() }?.unwrap_or("");
        // SAFETY: as above.
        let body = unsafe { d.text.get() }?.unwrap_or("");
        for s in [d.subject, d.text] {
            no_overlap(out.span(), &[crate::boundary::Span::of(s.ptr, s.len)])?;
        }
        let diag = Diagnostic::new(kind, d.line)
            .with_text(subject, body)
            .with_numbers(d.a, d.b);
        out.put_display(&diag)
    };
    // SAFETY: NULL `err` is allowed.
    unsafe { run(core::ptr::null_mut(), body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{VMKCHECK_ERR_PARSE, VMKCHECK_OK};

    const TABLE: &str = "\
Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack
vmk0       Management Network                      IPv4      10.xxx.xx.xxx                           255.255.255.192 172.26.64.63    88:e9:a4:6b:b8:54 1500    65535     true    STATIC              defaultTcpipStack
vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion
";

    const EMPTY_TRANSCRIPT: vmkcheck_transcript = vmkcheck_transcript {
        sections: core::ptr::null_mut(),
        sections_cap: 0,
        n_sections: 0,
        rows: core::ptr::null_mut(),
        rows_cap: 0,
        n_rows: 0,
        runs: core::ptr::null_mut(),
        runs_cap: 0,
        n_runs: 0,
        responses: core::ptr::null_mut(),
        responses_cap: 0,
        n_responses: 0,
        diagnostics: core::ptr::null_mut(),
        diagnostics_cap: 0,
        n_diagnostics: 0,
        versions: core::ptr::null_mut(),
        versions_cap: 0,
        n_versions: 0,
        tags: core::ptr::null_mut(),
        tags_cap: 0,
        n_tags: 0,
        routes: core::ptr::null_mut(),
        routes_cap: 0,
        n_routes: 0,
        nics: core::ptr::null_mut(),
        nics_cap: 0,
        n_nics: 0,
        switches: core::ptr::null_mut(),
        switches_cap: 0,
        n_switches: 0,
        portgroups: core::ptr::null_mut(),
        portgroups_cap: 0,
        n_portgroups: 0,
        dvports: core::ptr::null_mut(),
        dvports_cap: 0,
        n_dvports: 0,
        names: core::ptr::null_mut(),
        names_cap: 0,
        n_names: 0,
    };

    fn view(s: vmkcheck_str) -> Option<&'static str> {
        // SAFETY: test views point into `TABLE` (static).
        unsafe { s.get() }.unwrap()
    }

    #[test]
    fn vmknic_rows_are_views_and_capacity_is_exact() {
        let mut n = 0usize;
        let mut err = vmkcheck_error::EMPTY;
        // SAFETY: count query: NULL rows with capacity 0.
        let s = unsafe {
            vmkcheck_parse_vmknic(
                TABLE.as_ptr().cast(),
                TABLE.len(),
                core::ptr::null_mut(),
                0,
                &mut n,
                &mut err,
            )
        };
        assert_eq!((s, n), (VMKCHECK_ERR_CAPACITY, 2));
        let mut rows = [vmkcheck_vmknic_row::of(&VmknicRow::EMPTY); 2];
        // SAFETY: one row too few.
        let s = unsafe {
            vmkcheck_parse_vmknic(
                TABLE.as_ptr().cast(),
                TABLE.len(),
                rows.as_mut_ptr(),
                1,
                &mut n,
                &mut err,
            )
        };
        assert_eq!((s, n, rows[0].line), (VMKCHECK_ERR_CAPACITY, 2, 0));
        // SAFETY: room for both.
        let s = unsafe {
            vmkcheck_parse_vmknic(
                TABLE.as_ptr().cast(),
                TABLE.len(),
                rows.as_mut_ptr(),
                2,
                &mut n,
                &mut err,
            )
        };
        assert_eq!((s, n), (VMKCHECK_OK, 2));
        assert_eq!(view(rows[1].netstack), Some("vmotion"));
        assert_eq!(
            (rows[1].mtu, rows[1].prefix_len, rows[1].enabled),
            (9000, 24, 1)
        );
        assert_eq!(
            rows[0].interface.ptr,
            TABLE[TABLE.find("vmk0").unwrap()..].as_ptr().cast()
        );
        let prose = "hello";
        // SAFETY: live locals.
        let s = unsafe {
            vmkcheck_parse_vmknic(
                prose.as_ptr().cast(),
                prose.len(),
                rows.as_mut_ptr(),
                2,
                &mut n,
                &mut err,
            )
        };
        assert_eq!((s, err.line, err.column), (VMKCHECK_ERR_PARSE, 1, 1));
    }

    #[test]
    fn transcript_diagnostics_render_like_the_json() {
        let mut diags = [vmkcheck_diagnostic {
            line: 0,
            kind: core::ptr::null(),
            subject: vmkcheck_str::NONE,
            text: vmkcheck_str::NONE,
            a: 0,
            b: 0,
        }; 4];
        let mut t = vmkcheck_transcript {
            diagnostics: diags.as_mut_ptr(),
            diagnostics_cap: 4,
            ..EMPTY_TRANSCRIPT
        };
        // SAFETY: all arrays are live; sections/rows capacity 0 → counts only.
        let s = unsafe {
            vmkcheck_parse_transcript(
                TABLE.as_ptr().cast(),
                TABLE.len(),
                &mut t,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(
            (s, t.n_sections, t.n_rows, t.n_diagnostics),
            (VMKCHECK_ERR_CAPACITY, 1, 2, 1)
        );
        let mut sections = [vmkcheck_section {
            line: 0,
            host: vmkcheck_str::NONE,
            command: vmkcheck_str::NONE,
            kind: core::ptr::null(),
            first_row: 0,
            n_rows: 0,
            run: 0,
            first_diagnostic: 0,
            n_diagnostics: 0,
            first_item: 0,
            n_items: 0,
        }; 1];
        let mut rows = [vmkcheck_vmknic_row::of(&VmknicRow::EMPTY); 2];
        t.sections = sections.as_mut_ptr();
        t.sections_cap = 1;
        t.rows = rows.as_mut_ptr();
        t.rows_cap = 2;
        // SAFETY: as above, now with room.
        let s = unsafe {
            vmkcheck_parse_transcript(
                TABLE.as_ptr().cast(),
                TABLE.len(),
                &mut t,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(s, VMKCHECK_OK);
        assert_eq!((sections[0].n_rows, sections[0].run), (2, VMKCHECK_NONE));
        let json: serde_json::Value =
            serde_json::from_str(&vmkcheck_json::parse_json(TABLE).unwrap()).unwrap();
        let mut buf = [0 as c_char; 512];
        let mut len = 0usize;
        // SAFETY: the diagnostic's views point into `TABLE`.
        let s = unsafe {
            vmkcheck_diagnostic_message(&diags[0], buf.as_mut_ptr(), buf.len(), &mut len)
        };
        assert_eq!(s, VMKCHECK_OK);
        // SAFETY: NUL-terminated by the call.
        let msg = unsafe { core::ffi::CStr::from_ptr(buf.as_ptr()) }
            .to_str()
            .unwrap();
        assert_eq!(json["diagnostics"][0]["message"], msg);
    }

    const OTHERS: &str = "\
Tags: Management, VMotion
   Tags: again
[root@esx01:~] vmware -v
VMware ESXi 8.0.x build-20513097
[root@esx01:~] esxcli network nic list
Name    PCI Device    Driver  Admin Status  Link Status  Speed  Duplex  MAC Address        MTU   Description
------  ------------  ------  ------------  -----------  -----  ------  -----------------  ----  -----------
vmnic0  0000:01:00.0  ixgben  Up            Up           fast   Full    00:50:56:a1:00:10  9000  Intel X710
this line is no row at all
[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -I vmk1 --netstack=vmotion -c 1
   Trace:
         Received Bytes: 64
         Host: 192.0.2.12
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: 236 us
         Dup: false
         Detail:
   Summary:
         Host Addr: 192.0.2.12
         Transmitted: 1
         Recieved: 1
         Duplicated: 0
         Packet Lost: 0
         Round-trip Min: 236 us
         Round-trip Avg: 236 us
         Round-trip Max: 236 us
";

    /// Sections of the other commands: kinds, items, and their diagnostics (the three
    /// kinds only they make) rendered exactly as the JSON.
    #[test]
    fn other_commands_come_through_with_their_diagnostics() {
        let mut t = EMPTY_TRANSCRIPT;
        // SAFETY: counts only (every capacity 0).
        let s = unsafe {
            vmkcheck_parse_transcript(
                OTHERS.as_ptr().cast(),
                OTHERS.len(),
                &mut t,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(s, VMKCHECK_ERR_CAPACITY);
        let section = vmkcheck_section {
            line: 0,
            host: vmkcheck_str::NONE,
            command: vmkcheck_str::NONE,
            kind: core::ptr::null(),
            first_row: 0,
            n_rows: 0,
            run: 0,
            first_diagnostic: 0,
            n_diagnostics: 0,
            first_item: 0,
            n_items: 0,
        };
        let diag = vmkcheck_diagnostic {
            line: 0,
            kind: core::ptr::null(),
            subject: vmkcheck_str::NONE,
            text: vmkcheck_str::NONE,
            a: 0,
            b: 0,
        };
        let mut sections = vec![section; t.n_sections];
        let mut diags = vec![diag; t.n_diagnostics];
        let mut runs =
            vec![vmkcheck_ping_run::of(&vmkping::parse("PING x").unwrap(), 0, 0); t.n_runs];
        let mut responses = vec![
            vmkcheck_ping_response {
                line: 0,
                r#type: core::ptr::null(),
                bytes: 0,
                response_ip: vmkcheck_str::NONE,
                icmp_seq: 0,
                ttl: 0,
                time_ms: 0.0,
                has_time_ms: false,
                duplicate: false,
                error: vmkcheck_str::NONE,
            };
            t.n_responses
        ];
        let tags = vmkcheck_tags::of(&vmkcheck_core::tags::Tags::parse(""), 0, 0);
        let mut tags = vec![tags; t.n_tags];
        let version = vmkcheck_esxi_version::of(&vmkcheck_core::version::Version::parse(""));
        let mut versions = vec![version; t.n_versions];
        let mut names = vec![vmkcheck_str::NONE; t.n_names];
        let nic = vmkcheck_core::nic::NicList::parse(
            "vmnic0 0000:01:00.0 ixgben Up Up 10000 Full 00:50:56:a1:00:10 1500 X",
        );
        let nic = vmkcheck_nic_row::of(&nic.nics().next().unwrap());
        let mut nics = vec![nic; t.n_nics];
        t.sections = sections.as_mut_ptr();
        t.sections_cap = sections.len();
        t.diagnostics = diags.as_mut_ptr();
        t.diagnostics_cap = diags.len();
        t.runs = runs.as_mut_ptr();
        t.runs_cap = runs.len();
        t.responses = responses.as_mut_ptr();
        t.responses_cap = responses.len();
        t.tags = tags.as_mut_ptr();
        t.tags_cap = tags.len();
        t.versions = versions.as_mut_ptr();
        t.versions_cap = versions.len();
        t.names = names.as_mut_ptr();
        t.names_cap = names.len();
        t.nics = nics.as_mut_ptr();
        t.nics_cap = nics.len();
        // SAFETY: every array is a live Vec of its capacity.
        let s = unsafe {
            vmkcheck_parse_transcript(
                OTHERS.as_ptr().cast(),
                OTHERS.len(),
                &mut t,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(s, VMKCHECK_OK);
        let json: serde_json::Value =
            serde_json::from_str(&vmkcheck_json::parse_json(OTHERS).unwrap()).unwrap();
        let kinds: Vec<&str> = sections
            .iter()
            .map(|s| {
                // SAFETY: static NUL-terminated names.
                unsafe { core::ffi::CStr::from_ptr(s.kind) }
                    .to_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(kinds, ["tags", "version", "nic_list", "diag_ping"]);
        assert_eq!((sections[0].first_item, sections[0].n_items), (0, 1));
        assert_eq!(tags[0].n_tags, 2);
        assert!(tags[0].vmotion && tags[0].interface.ptr.is_null());
        assert_eq!(view_in(names[1], OTHERS), Some("VMotion"));
        assert!(versions[0].major == -1 && versions[0].version.ptr.is_null());
        assert_eq!((nics[0].speed_mbps, nics[0].mtu), (-1, 9000));
        assert_eq!((sections[3].run, runs[0].n_responses), (0, 1));
        assert_eq!(runs[0].packets_received, 1);
        let mut seen = Vec::new();
        for (i, d) in diags.iter().enumerate() {
            let mut buf = [0 as c_char; 512];
            let mut len = 0usize;
            // SAFETY: the diagnostic's views point into `OTHERS`.
            let s =
                unsafe { vmkcheck_diagnostic_message(d, buf.as_mut_ptr(), buf.len(), &mut len) };
            assert_eq!(s, VMKCHECK_OK);
            // SAFETY: NUL-terminated by the call.
            let msg = unsafe { core::ffi::CStr::from_ptr(buf.as_ptr()) }
                .to_str()
                .unwrap();
            assert_eq!(json["diagnostics"][i]["message"], msg);
            seen.push(json["diagnostics"][i]["kind"].as_str().unwrap().to_owned());
        }
        for k in [
            "value_unparseable",
            "output_line_unrecognized",
            "interface_not_named",
        ] {
            assert!(seen.iter().any(|s| s == k), "{k} not made: {seen:?}");
        }
    }

    fn view_in(s: vmkcheck_str, text: &str) -> Option<&str> {
        let start = (s.ptr as usize).checked_sub(text.as_ptr() as usize)?;
        text.get(start..start + s.len)
    }
}
