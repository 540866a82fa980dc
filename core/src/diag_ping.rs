//! `esxcli network diag ping` output: the same evidence as a vmkping run.
//!
//! esxcli prints a run as two indented blocks, `Trace:` (one `Key: Value` group per
//! reply) and `Summary:`, with times in microseconds. A [`DiagPing`] reads them into
//! exactly what a [`PingRun`](crate::vmkping::PingRun) offers: the command as a
//! [`PingCommand`] (`program` `"esxcli"`), [`Response`]s (lost packets inferred from
//! `ICMP Seq` gaps and the summary, as vmkping's are), counts and round-trip times in
//! ms. Its JSON is the vmkping run JSON, field for field.
//!
//! ```
//! use vmkcheck_core::diag_ping;
//! use vmkcheck_core::vmkping::ResponseType;
//! let text = "\
//! [root@esx01:~] esxcli network diag ping -H 192.0.2.12 -I vmk1 --netstack=vmotion -d -s 8972 -c 2
//!    Trace:
//!          Received Bytes: 8980
//!          Host: 192.0.2.12
//!          ICMP Seq: 1
//!          TTL: 64
//!          Round-trip Time: 245 us
//!          Dup: false
//!          Detail:
//!    Summary:
//!          Host Addr: 192.0.2.12
//!          Transmitted: 2
//!          Recieved: 1
//!          Duplicated: 0
//!          Packet Lost: 50
//!          Round-trip Min: 245 us
//!          Round-trip Avg: 245 us
//!          Round-trip Max: 245 us
//! ";
//! let run = diag_ping::parse(text);
//! let c = run.command.unwrap();
//! assert_eq!((c.program, c.target, c.netstack, c.df, c.size), ("esxcli", Some("192.0.2.12"), Some("vmotion"), true, Some(8972)));
//! assert_eq!((run.packets_transmitted(), run.packets_received(), run.packet_loss_percent()), (Some(2), Some(1), Some(50.0)));
//! let r: Vec<_> = run.responses().map(|r| (r.kind, r.icmp_seq, r.time_ms)).collect();
//! assert_eq!(r, [(ResponseType::Timeout, Some(0), None), (ResponseType::Reply, Some(1), Some(0.245))]);
//! assert!(run.complete() && run.diagnostics().next().is_none());
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::lines::{Line, Lines};
use crate::vmkping::command::without_comment;
use crate::vmkping::walk::{Queue, Step, Timeouts};
use crate::vmkping::{PingCommand, Response, ResponseType, RoundTrip, Seq, Summary};
use crate::{prompt, shape};

/// The section kind, as diagnostics name it.
const KIND: &str = "diag_ping";

/// A field esxcli prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    ReceivedBytes,
    Host,
    IcmpSeq,
    Ttl,
    Time,
    Dup,
    Detail,
    HostAddr,
    Transmitted,
    Received,
    Duplicated,
    PacketLost,
    Min,
    Avg,
    Max,
}

/// Field names as printed (`Recieved` is ESXi's own spelling).
const KEYS: [(&str, Key); 16] = [
    ("Received Bytes", Key::ReceivedBytes),
    ("Host", Key::Host),
    ("ICMP Seq", Key::IcmpSeq),
    ("TTL", Key::Ttl),
    ("Round-trip Time", Key::Time),
    ("Dup", Key::Dup),
    ("Detail", Key::Detail),
    ("Host Addr", Key::HostAddr),
    ("Transmitted", Key::Transmitted),
    ("Recieved", Key::Received),
    ("Received", Key::Received),
    ("Duplicated", Key::Duplicated),
    ("Packet Lost", Key::PacketLost),
    ("Round-trip Min", Key::Min),
    ("Round-trip Avg", Key::Avg),
    ("Round-trip Max", Key::Max),
];

impl Key {
    fn find(name: &str) -> Option<Key> {
        let name = name.trim();
        KEYS.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, k)| *k)
    }

    /// A field of a `Trace:` entry (else of the summary).
    fn in_trace(self) -> bool {
        matches!(
            self,
            Key::ReceivedBytes
                | Key::Host
                | Key::IcmpSeq
                | Key::Ttl
                | Key::Time
                | Key::Dup
                | Key::Detail
        )
    }

    /// One bit per trace field, to notice a field repeating (the next entry began).
    fn bit(self) -> u8 {
        match self {
            Key::ReceivedBytes => 1,
            Key::Host => 2,
            Key::IcmpSeq => 4,
            Key::Ttl => 8,
            Key::Time => 16,
            Key::Dup => 32,
            Key::Detail => 64,
            _ => 0,
        }
    }

    /// The name diagnostics give the field.
    fn name(self) -> &'static str {
        KEYS.iter().find(|(_, k)| *k == self).map_or("", |(n, _)| n)
    }
}

/// One line of esxcli ping output.
#[derive(Clone, Copy, Debug, PartialEq)]
enum OutLine<'a> {
    Blank,
    Trace,
    Summary,
    /// A known field and its value (trimmed).
    Field(Key, &'a str),
    /// `sendto() failed (X)`, alone or after `Error:`: the text in the parentheses.
    SendFailed(&'a str),
    Other,
}

fn classify(text: &str) -> OutLine<'_> {
    let t = text.trim();
    if t.is_empty() || t.starts_with("```") {
        return OutLine::Blank;
    }
    if t.eq_ignore_ascii_case("Trace:") {
        return OutLine::Trace;
    }
    if t.eq_ignore_ascii_case("Summary:") {
        return OutLine::Summary;
    }
    // The key holds no `:`; an IPv6 value does, so split at the first one.
    if let Some((k, v)) = t.split_once(':')
        && let Some(key) = Key::find(k)
    {
        return OutLine::Field(key, v.trim());
    }
    match failure(t) {
        Some(e) => OutLine::SendFailed(e),
        None => OutLine::Other,
    }
}

/// The error of `…() failed (X)`: `X`.
fn failure(text: &str) -> Option<&str> {
    const MARK: &str = "() failed (";
    let at = text.find(MARK)?;
    let rest = text.get(at.saturating_add(MARK.len())..)?;
    let inner = rest.rfind(')').and_then(|i| rest.get(..i)).unwrap_or(rest);
    Some(inner.trim())
}

/// A detail that says the packet got no answer.
fn says_timeout(detail: &str) -> bool {
    let has = |needle: &str| {
        detail
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    has("timeout") || has("timed out") || has("time out")
}

/// A value with no value: empty, `N/A`, `-`.
fn absent(v: &str) -> bool {
    v.is_empty() || shape::is_not_applicable(v)
}

/// Microseconds (`245 us`, `245us`, also `0.245 ms`) in ms, read exactly: the digits
/// as an integer divided once by a power of ten (as [`shape::parse_decimal`] does).
fn parse_time_ms(v: &str) -> Option<f64> {
    const POW10: [f64; 19] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18,
    ];
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    let (number, unit) = (v.get(..end)?, v.get(end..)?.trim());
    let shift: usize = match unit {
        "" | "us" | "usec" | "µs" => 3,
        "ms" => 0,
        _ => return None,
    };
    // `parse_decimal` validates the shape; its digits are re-read for one exact division.
    shape::parse_decimal(number)?;
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let mut value: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        value = value
            .checked_mul(10)?
            .checked_add(u64::from(b.checked_sub(b'0')?))?;
    }
    // value < 10^15 < 2^53 and 10^k (k ≤ 18) are exact: the quotient is correctly rounded.
    Some(value as f64 / POW10.get(frac.len().checked_add(shift)?)?)
}

/// One `esxcli network diag ping` run.
#[derive(Clone, Debug)]
pub struct DiagPing<'a> {
    /// Line of the command, else of the first output line.
    pub line: u32,
    /// The command line, if it was pasted (`program` `"esxcli"`).
    pub command: Option<PingCommand<'a>>,
    /// `Host Addr` of the summary, else the trace's first `Host`, else the command's target.
    pub destination: Option<&'a str>,
    /// The address pinged, as printed (`Host Addr`, else the trace's first `Host`).
    pub destination_ip: Option<&'a str>,
    /// Payload size as printed: esxcli prints none, so always `None` (see the command's `size`).
    pub data_bytes: Option<u32>,
    /// The summary (`Transmitted` and `Recieved` both readable), if pasted.
    pub summary: Option<Summary>,
    /// Round-trip min/avg/max in ms (stddev `None`); `None` when nothing came back
    /// (esxcli then prints placeholders such as `999999000 us`).
    pub round_trip: Option<RoundTrip>,
    body: Lines<'a>,
    /// Last non-blank line of the run.
    last_line: u32,
    /// A second run began here and was cut off (standalone parsing only).
    truncated_at: Option<u32>,
}

/// Values the summary prints, as read in the first pass.
#[derive(Clone, Copy, Debug, Default)]
struct SummaryValues<'a> {
    line: Option<u32>,
    host_addr: Option<&'a str>,
    transmitted: Option<u32>,
    received: Option<u32>,
    duplicated: Option<u32>,
    lost: Option<f64>,
    min: Option<f64>,
    avg: Option<f64>,
    max: Option<f64>,
}

impl<'a> SummaryValues<'a> {
    fn summary(&self) -> Option<Summary> {
        let (transmitted, received) = (self.transmitted?, self.received?);
        let computed = || {
            if transmitted == 0 {
                0.0
            } else {
                f64::from(transmitted.saturating_sub(received)) * 100.0 / f64::from(transmitted)
            }
        };
        Some(Summary {
            line: self.line.unwrap_or(0),
            transmitted,
            received,
            duplicates: self.duplicated.unwrap_or(0),
            loss_percent: self.lost.unwrap_or_else(computed),
        })
    }

    fn round_trip(&self, summary: Option<Summary>) -> Option<RoundTrip> {
        if summary.is_some_and(|s| s.received == 0) {
            return None;
        }
        Some(RoundTrip {
            min: self.min?,
            avg: self.avg?,
            max: self.max?,
            stddev: None,
        })
    }
}

impl<'a> DiagPing<'a> {
    /// Reads a run from the lines after its command line and the command typed (`None`
    /// when output was pasted without it). The command's line is taken to be the one
    /// before `body`; a command that is no `esxcli network diag ping` is ignored.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let line = body.remaining().2.saturating_sub(1).max(1);
        Self::new(command.and_then(|c| parse_command(c, line)), body)
    }

    /// Reads a run from its parsed command (if any) and the lines of its output.
    pub fn new(command: Option<PingCommand<'a>>, body: Lines<'a>) -> Self {
        let mut run = DiagPing {
            line: command.map_or(0, |c| c.line),
            command,
            destination: None,
            destination_ip: None,
            data_bytes: None,
            summary: None,
            round_trip: None,
            body,
            last_line: 0,
            truncated_at: None,
        };
        let (start, offset, number) = body.remaining();
        let mut sum = SummaryValues::default();
        let mut trace_host = None;
        let mut first_line = None;
        let mut lines = body;
        loop {
            let (rest, _, _) = lines.remaining();
            let Some(l) = lines.next() else { break };
            let out = classify(l.text);
            if out == OutLine::Blank {
                continue;
            }
            let trace_after_summary = matches!(out, OutLine::Trace)
                || matches!(out, OutLine::Field(k, _) if k.in_trace());
            // A prompt ends the run (standalone parsing: a transcript cuts there first).
            let prompt = matches!(out, OutLine::Other)
                .then(|| prompt::parse(l.text))
                .flatten();
            if (trace_after_summary && sum.line.is_some()) || prompt.is_some() {
                // A second run, or another command, is further output: this run ends
                // before it. A bare prompt (nothing typed) just ends it.
                if prompt.is_none_or(|p| p.command.is_some()) {
                    run.truncated_at = Some(l.number);
                }
                let len = start.len().saturating_sub(rest.len());
                let cut = start.get(..len).unwrap_or(start);
                run.body = Lines::span(cut, offset, number, body.wrapper());
                break;
            }
            first_line.get_or_insert(l.number);
            run.last_line = l.number;
            match out {
                OutLine::Summary => {
                    sum.line.get_or_insert(l.number);
                }
                OutLine::Field(k, v) => {
                    if !k.in_trace() {
                        sum.line.get_or_insert(l.number);
                    }
                    let int = || shape::parse_u32(v);
                    match k {
                        Key::Host if !absent(v) => {
                            trace_host.get_or_insert(v);
                        }
                        Key::HostAddr if !absent(v) => sum.host_addr = Some(v),
                        Key::Transmitted => sum.transmitted = int(),
                        Key::Received => sum.received = int(),
                        Key::Duplicated => sum.duplicated = int(),
                        Key::PacketLost => {
                            sum.lost = shape::parse_decimal(v.trim_end_matches('%').trim_end());
                        }
                        Key::Min => sum.min = parse_time_ms(v),
                        Key::Avg => sum.avg = parse_time_ms(v),
                        Key::Max => sum.max = parse_time_ms(v),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        run.summary = sum.summary();
        run.round_trip = sum.round_trip(run.summary);
        run.destination_ip = sum.host_addr.or(trace_host);
        run.destination = run
            .destination_ip
            .or_else(|| run.command.and_then(|c| c.target));
        if run.line == 0 {
            run.line = first_line.unwrap_or(number);
        }
        run.last_line = run.last_line.max(run.line);
        run
    }

    /// True when the summary was pasted.
    pub fn complete(&self) -> bool {
        self.summary.is_some()
    }

    /// Packets transmitted, from the summary.
    pub fn packets_transmitted(&self) -> Option<u32> {
        self.summary.map(|s| s.transmitted)
    }

    /// Packets received (duplicates not counted), from the summary.
    pub fn packets_received(&self) -> Option<u32> {
        self.summary.map(|s| s.received)
    }

    /// Duplicate replies, from the summary.
    pub fn duplicates(&self) -> Option<u32> {
        self.summary.map(|s| s.duplicates)
    }

    /// Loss in percent, from the summary (`Packet Lost`, else computed from the counts).
    pub fn packet_loss_percent(&self) -> Option<f64> {
        self.summary.map(|s| s.loss_percent)
    }

    /// The responses in order: replies, send failures, and timeouts (explicit, or
    /// inferred from `ICMP Seq` gaps and the summary, at most
    /// [`MAX_LISTED_TIMEOUTS`](crate::vmkping::MAX_LISTED_TIMEOUTS)).
    pub fn responses(&self) -> impl Iterator<Item = Response<'a>> + Clone + use<'a> {
        self.walk().filter_map(Step::response)
    }

    /// Diagnostics: command problems, unreadable values, unplaced lines, counts that
    /// disagree with the summary.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let command = self.command.into_iter().flat_map(|c| c.diagnostics());
        let walked = self.walk().filter_map(Step::diagnostic);
        command.chain(walked)
    }

    fn walk(&self) -> Walker<'a> {
        Walker {
            run: RunInfo {
                summary: self.summary,
                size: self.command.and_then(|c| c.size),
                host_addr: self.destination_ip,
                last_line: self.last_line,
                truncated_at: self.truncated_at,
            },
            lines: self.body,
            entry: None,
            // esxcli counts `ICMP Seq` from 0.
            timeouts: Timeouts::new(Seq::start_for(false)),
            queue: Queue::default(),
            replies: 0,
            duplicates: 0,
            entries: 0,
            phase: Phase::Body,
        }
    }
}

/// Parses `esxcli network diag ping` output, with its prompt and command line if the
/// first non-blank line is one. Never fails: text that is no such output yields a run
/// with `output_line_unrecognized` diagnostics.
pub fn parse(text: &str) -> DiagPing<'_> {
    let mut lines = Lines::new(text);
    let wrapper = lines.wrapper();
    loop {
        let (rest, offset, number) = lines.remaining();
        let Some(l) = lines.next() else { break };
        if l.is_blank() {
            continue;
        }
        let typed = prompt::parse(l.text)
            .and_then(|p| p.command)
            .unwrap_or(l.text.trim());
        return match parse_command(typed, l.number) {
            Some(c) => DiagPing::new(Some(c), lines),
            None => DiagPing::new(None, Lines::span(rest, offset, number, wrapper)),
        };
    }
    DiagPing::new(None, Lines::new(text))
}

/// True when a command line (without prompt) is `esxcli … network diag ping …`.
///
/// ```
/// use vmkcheck_core::diag_ping::is_command;
/// assert!(is_command("esxcli network diag ping -H 192.0.2.12"));
/// assert!(!is_command("esxcli network ip interface list") && !is_command("vmkping x"));
/// ```
pub fn is_command(command: &str) -> bool {
    parse_command(command, 1).is_some()
}

/// Options that take a value: short letter, long name.
const WITH_VALUE: [(u8, &str); 9] = [
    (b'c', "count"),
    (b'H', "host"),
    (b'I', "interface"),
    (b'i', "interval"),
    (0, "netstack"),
    (b'N', "nexthop"),
    (b's', "size"),
    (b't', "ttl"),
    (b'W', "wait"),
];

/// Flags: short letter, long name. `-D` is `--debug` (VMKPing debug mode), not DF.
const FLAGS: [(u8, &str); 5] = [
    (b'd', "df"),
    (b'D', "debug"),
    (b'4', "ipv4"),
    (b'6', "ipv6"),
    (0, "help"),
];

fn long_name(table: &[(u8, &'static str)], short: u8) -> Option<&'static str> {
    table
        .iter()
        .find(|(s, _)| *s == short && short != 0)
        .map(|(_, l)| *l)
}

fn is_long(table: &[(u8, &'static str)], name: &str) -> bool {
    table.iter().any(|(_, l)| *l == name)
}

/// Parses an `esxcli network diag ping` command line (without prompt) into a
/// [`PingCommand`]: `-H/--host` is the target, `--netstack`, `-I/--interface`,
/// `-d/--df`, `-s/--size`, `-c/--count`, `-i/--interval`, `-W/--wait`, `-t/--ttl`,
/// `-N/--nexthop`, `--ipv4`/`--ipv6` (also `-4`/`-6`), `-D/--debug` (no effect);
/// `--opt=value`, `--opt value`, `-o value`, `-ovalue`. `None` if it is not that command.
///
/// ```
/// use vmkcheck_core::diag_ping::parse_command;
/// let c = parse_command("esxcli network diag ping --host 192.0.2.12 --netstack=vmotion -I vmk1 -d -s 8972 -c3", 7).unwrap();
/// assert_eq!((c.line, c.program, c.target, c.netstack, c.interface), (7, "esxcli", Some("192.0.2.12"), Some("vmotion"), Some("vmk1")));
/// assert_eq!((c.df, c.size, c.count, c.ipv6), (true, Some(8972), Some(3), false));
/// assert!(parse_command("esxcli network ip route ipv4 list", 1).is_none());
/// ```
pub fn parse_command(command: &str, line: u32) -> Option<PingCommand<'_>> {
    let text = without_comment(command);
    let mut words = text.split_ascii_whitespace();
    let first = words.next()?;
    let program = first.rsplit('/').next().unwrap_or(first);
    if !matches!(program, "esxcli" | "localcli") {
        return None;
    }
    // Global options (`--formatter=…`) may precede the namespace.
    words.by_ref().find(|w| *w == "network")?;
    if words.next()? != "diag" || words.next()? != "ping" {
        return None;
    }
    let mut c = PingCommand::bare(line, text, program);
    while let Some(w) = words.next() {
        if let Some(long) = w.strip_prefix("--") {
            let (name, glued) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            if is_long(&WITH_VALUE, name) {
                let value = glued.or_else(|| words.next());
                set_value(&mut c, name, value);
            } else if is_long(&FLAGS, name) {
                set_flag(&mut c, name, glued);
            } else {
                c.unknown_option = c.unknown_option.or(Some(w));
            }
            continue;
        }
        let Some(opts) = w.strip_prefix('-').filter(|o| !o.is_empty()) else {
            // esxcli takes no positional argument: the target needs `-H`.
            c.unknown_option = c.unknown_option.or(Some(w));
            continue;
        };
        // A cluster of flags, possibly ending in an option with its value glued on.
        for (i, o) in opts.bytes().enumerate() {
            if let Some(name) = long_name(&FLAGS, o) {
                set_flag(&mut c, name, None);
            } else if let Some(name) = long_name(&WITH_VALUE, o) {
                let glued = opts
                    .get(i.saturating_add(1)..)
                    .map(|v| v.strip_prefix('=').unwrap_or(v));
                let value = glued.filter(|v| !v.is_empty()).or_else(|| words.next());
                set_value(&mut c, name, value);
                break;
            } else {
                c.unknown_option = c.unknown_option.or(Some(w));
                break;
            }
        }
    }
    if c.target.is_some_and(|t| t.contains(':')) {
        c.ipv6 = true;
    }
    Some(c)
}

fn set_flag<'a>(c: &mut PingCommand<'a>, name: &str, glued: Option<&'a str>) {
    // esxcli flags also take `=true` / `=false`.
    let on = match glued {
        None => true,
        Some(v) if v.eq_ignore_ascii_case("true") => true,
        Some(v) if v.eq_ignore_ascii_case("false") => false,
        Some(v) => {
            c.bad_value = c.bad_value.or(Some(v));
            return;
        }
    };
    match name {
        "df" => c.df = on,
        "ipv6" => c.ipv6 = on,
        "ipv4" if on => c.ipv6 = false,
        _ => {}
    }
}

fn set_value<'a>(c: &mut PingCommand<'a>, name: &str, value: Option<&'a str>) {
    let number = |v: Option<&'a str>| v.and_then(shape::parse_u32);
    let seconds = |v: Option<&'a str>| v.and_then(shape::parse_decimal);
    let ok = match name {
        "count" => {
            c.count = number(value);
            c.count.is_some()
        }
        "size" => {
            c.size = number(value);
            c.size.is_some()
        }
        "ttl" => {
            c.ttl = number(value);
            c.ttl.is_some()
        }
        "interval" => {
            c.interval = seconds(value);
            c.interval.is_some()
        }
        "wait" => {
            c.wait = seconds(value);
            c.wait.is_some()
        }
        "host" => {
            c.target = value;
            value.is_some()
        }
        "interface" => {
            c.interface = value;
            value.is_some()
        }
        "netstack" => {
            c.netstack = value;
            value.is_some()
        }
        _ => {
            c.next_hop = value;
            value.is_some()
        }
    };
    if !ok {
        c.bad_value = c.bad_value.or(value).or(Some(""));
    }
}

/// True for the first line of esxcli ping output: `   Trace:` or `   Summary:`.
///
/// ```
/// use vmkcheck_core::diag_ping::is_start;
/// assert!(is_start("   Trace: ") && is_start("   Summary:"));
/// assert!(!is_start("PING 192.0.2.1 (192.0.2.1): 56 data bytes") && !is_start("[root@esx01:~] ls"));
/// ```
pub fn is_start(line: &str) -> bool {
    // Called on every line of a transcript: only the two titles, not a full classify.
    let t = line.trim();
    t.eq_ignore_ascii_case("Trace:") || t.eq_ignore_ascii_case("Summary:")
}

/// True for any line esxcli ping output holds after its start: blank, `Trace:`,
/// `Summary:`, a known `Key: Value` field, or a `sendto() failed (…)` error.
///
/// ```
/// use vmkcheck_core::diag_ping::is_continuation;
/// assert!(is_continuation("         Host: 2001:db8::12") && is_continuation("         Recieved: 3"));
/// assert!(is_continuation("") && is_continuation("Error: sendto() failed (Message too long)"));
/// assert!(!is_continuation("[root@esx01:~] vmkping x") && !is_continuation("Now the other host:"));
/// ```
pub fn is_continuation(line: &str) -> bool {
    !matches!(classify(line), OutLine::Other)
}

/// What the walker needs of the run.
#[derive(Clone, Copy, Debug)]
struct RunInfo<'a> {
    summary: Option<Summary>,
    /// The command's `-s`: a reply should be 8 bytes more.
    size: Option<u32>,
    host_addr: Option<&'a str>,
    last_line: u32,
    truncated_at: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Body,
    Trailing,
    Closing,
    Done,
}

/// One `Trace:` entry being read.
#[derive(Clone, Copy, Debug, Default)]
struct Entry<'a> {
    line: u32,
    /// Fields seen ([`Key::bit`]).
    seen: u8,
    bytes: Option<u32>,
    host: Option<&'a str>,
    seq: Option<u32>,
    ttl: Option<u32>,
    time_ms: Option<f64>,
    dup: bool,
    detail: Option<&'a str>,
}

/// Re-reads a run's lines, producing responses and diagnostics in order.
#[derive(Clone, Debug)]
struct Walker<'a> {
    run: RunInfo<'a>,
    lines: Lines<'a>,
    entry: Option<Entry<'a>>,
    timeouts: Timeouts,
    queue: Queue<'a, 8>,
    replies: u32,
    duplicates: u32,
    entries: u32,
    phase: Phase,
}

impl<'a> Iterator for Walker<'a> {
    type Item = Step<'a>;

    fn next(&mut self) -> Option<Step<'a>> {
        loop {
            if let Some(t) = self.timeouts.next_gap() {
                return Some(t);
            }
            if let Some(s) = self.queue.pop() {
                return Some(s);
            }
            match self.phase {
                Phase::Body => match self.lines.next() {
                    Some(l) => self.line(l),
                    None => {
                        self.flush();
                        self.phase = Phase::Trailing;
                    }
                },
                Phase::Trailing => {
                    self.phase = Phase::Closing;
                    if let Some(sum) = self.run.summary {
                        self.timeouts.trailing(sum);
                    }
                }
                Phase::Closing => {
                    self.phase = Phase::Done;
                    self.closing();
                }
                Phase::Done => return None,
            }
        }
    }
}

impl<'a> Walker<'a> {
    fn unreadable(&mut self, key: Key, value: &'a str, line: u32) {
        self.queue.push(Step::Diagnostic(
            Diagnostic::new(DiagnosticKind::ValueUnparseable, line).with_text(key.name(), value),
        ));
    }

    /// A number field: `None` (diagnosed) when it does not parse.
    fn number(&mut self, key: Key, value: &'a str, line: u32) -> Option<u32> {
        if absent(value) {
            return None;
        }
        let n = shape::parse_u32(value);
        if n.is_none() {
            self.unreadable(key, value, line);
        }
        n
    }

    fn send_failed(&mut self, error: &'a str, seq: Option<u32>, line: u32) {
        let step = self.timeouts.send_failed(error, seq, line);
        self.queue.push(step);
    }

    fn line(&mut self, l: Line<'a>) {
        let n = l.number;
        match classify(l.text) {
            OutLine::Blank | OutLine::Trace => {}
            OutLine::Summary => self.flush(),
            OutLine::Field(k, v) if k.in_trace() => self.field(k, v, n),
            OutLine::Field(k, v) => {
                self.flush();
                self.summary_field(k, v, n);
            }
            OutLine::SendFailed(e) => {
                self.flush();
                self.send_failed(e, None, n);
            }
            OutLine::Other => self.queue.push(Step::Diagnostic(
                Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, n)
                    .with_text(KIND, l.text.trim()),
            )),
        }
    }

    /// A field of a `Trace:` entry; `Received Bytes` or a repeated field starts the next.
    fn field(&mut self, k: Key, v: &'a str, n: u32) {
        if self
            .entry
            .is_some_and(|e| k == Key::ReceivedBytes || e.seen & k.bit() != 0)
        {
            self.flush();
        }
        let mut e = self.entry.unwrap_or(Entry {
            line: n,
            ..Entry::default()
        });
        e.seen |= k.bit();
        match k {
            Key::ReceivedBytes => e.bytes = self.number(k, v, n),
            Key::Host => e.host = Some(v).filter(|v| !absent(v)),
            Key::IcmpSeq => e.seq = self.number(k, v, n),
            Key::Ttl => e.ttl = self.number(k, v, n),
            Key::Time => {
                e.time_ms = parse_time_ms(v);
                if e.time_ms.is_none() && !absent(v) {
                    self.unreadable(k, v, n);
                }
            }
            Key::Dup => {
                e.dup = v.eq_ignore_ascii_case("true");
                if !(e.dup || v.eq_ignore_ascii_case("false") || absent(v)) {
                    self.unreadable(k, v, n);
                }
            }
            _ => e.detail = Some(v).filter(|v| !v.is_empty()),
        }
        self.entry = Some(e);
    }

    /// A summary field: only its readability is checked here (values are read once, in
    /// [`DiagPing::new`]).
    fn summary_field(&mut self, k: Key, v: &'a str, n: u32) {
        let readable = match k {
            Key::HostAddr => true,
            Key::PacketLost => shape::parse_decimal(v.trim_end_matches('%').trim_end()).is_some(),
            Key::Min | Key::Avg | Key::Max => {
                // With nothing received esxcli prints placeholders (`-2147483648 us`).
                self.run.summary.is_some_and(|s| s.received == 0) || parse_time_ms(v).is_some()
            }
            _ => shape::parse_u32(v).is_some(),
        };
        if !readable && !absent(v) {
            self.unreadable(k, v, n);
        }
    }

    /// Turns the entry read so far into its response.
    fn flush(&mut self) {
        let Some(e) = self.entry.take() else { return };
        self.entries = self.entries.saturating_add(1);
        if let Some(err) = e.detail.and_then(failure) {
            self.send_failed(err, e.seq, e.line);
            return;
        }
        if e.detail.is_some_and(says_timeout) {
            // An explicit timeout: fill the gap before it, then list it.
            self.timeouts.timeout(e.seq, e.line);
            return;
        }
        if let Some(d) = e.detail {
            // A reply with a detail vmkcheck does not know: kept, and said.
            self.unreadable(Key::Detail, d, e.line);
        }
        let mut out_of_order = None;
        if e.dup {
            self.duplicates = self.duplicates.saturating_add(1);
        } else {
            self.replies = self.replies.saturating_add(1);
            out_of_order = self.timeouts.reply(e.seq, e.line);
        }
        self.queue.push(Step::Response(Response {
            line: e.line,
            kind: ResponseType::Reply,
            bytes: e.bytes,
            response_ip: e.host,
            icmp_seq: e.seq,
            ttl: e.ttl,
            time_ms: e.time_ms,
            duplicate: e.dup,
            error: None,
        }));
        let expected = self.run.size.and_then(|s| s.checked_add(8));
        if let (Some(b), Some(x)) = (e.bytes, expected)
            && b != x
        {
            self.queue.push(Step::Diagnostic(
                Diagnostic::new(DiagnosticKind::ReplySizeMismatch, e.line)
                    .with_numbers(b.into(), x.into()),
            ));
        }
        if let (Some(h), Some(a)) = (e.host, self.run.host_addr)
            && h != a
        {
            self.queue.push(Step::Diagnostic(
                Diagnostic::new(DiagnosticKind::ReplyAddressMismatch, e.line).with_text(h, a),
            ));
        }
        if let Some(d) = out_of_order {
            self.queue.diagnostic(d);
        }
    }

    /// Run-level diagnostics after the last response.
    fn closing(&mut self) {
        let run = self.run;
        let at = run.summary.map_or(run.last_line, |s| s.line).max(1);
        if let Some(s) = run.summary {
            self.queue
                .check_counts(s, self.replies, self.duplicates, self.timeouts.failed);
        } else if !(self.timeouts.failed > 0 && self.entries == 0) {
            // An esxcli error alone (`sendto() failed (…)`) is the whole output, not a cut.
            self.queue
                .diagnostic(Diagnostic::new(DiagnosticKind::PingIncomplete, at));
        }
        self.timeouts.unlisted(&mut self.queue, at);
        if let Some(n) = run.truncated_at {
            self.queue.push(Step::Diagnostic(Diagnostic::new(
                DiagnosticKind::FurtherOutputIgnored,
                n,
            )));
        }
    }
}

/// Exactly the vmkping run JSON (DESIGN.md §4.2).
#[cfg(feature = "serde")]
impl serde::Serialize for DiagPing<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::ser::run(self, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vmkping::MAX_LISTED_TIMEOUTS;
    use std::vec::Vec;

    const JUMBO: &str = "\
[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -I vmk1 --netstack=vmotion -d -s 8972 -c 3
   Trace: 
         Received Bytes: 8980
         Host: 192.0.2.12
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: 245 us
         Dup: false
         Detail: 
      
         Received Bytes: 8980
         Host: 192.0.2.12
         ICMP Seq: 1
         TTL: 64
         Round-trip Time: 230 us
         Dup: false
         Detail: 
      
         Received Bytes: 8980
         Host: 192.0.2.12
         ICMP Seq: 2
         TTL: 64
         Round-trip Time: 260 us
         Dup: false
         Detail: 
   Summary: 
         Host Addr: 192.0.2.12
         Transmitted: 3
         Recieved: 3
         Duplicated: 0
         Packet Lost: 0
         Round-trip Min: 230 us
         Round-trip Avg: 245 us
         Round-trip Max: 260 us
";

    fn kinds(run: &DiagPing<'_>) -> Vec<(ResponseType, Option<u32>)> {
        run.responses().map(|r| (r.kind, r.icmp_seq)).collect()
    }

    fn diags(run: &DiagPing<'_>) -> Vec<DiagnosticKind> {
        run.diagnostics().map(|d| d.kind).collect()
    }

    #[test]
    fn jumbo_success() {
        let run = parse(JUMBO);
        assert_eq!(run.line, 1);
        let c = run.command.unwrap();
        assert_eq!(
            (c.program, c.target, c.interface, c.netstack),
            ("esxcli", Some("192.0.2.12"), Some("vmk1"), Some("vmotion"))
        );
        assert_eq!(
            (c.df, c.size, c.count, c.ipv6),
            (true, Some(8972), Some(3), false)
        );
        assert_eq!(
            (run.destination, run.destination_ip, run.data_bytes),
            (Some("192.0.2.12"), Some("192.0.2.12"), None)
        );
        assert_eq!(
            (
                run.packets_transmitted(),
                run.packets_received(),
                run.duplicates()
            ),
            (Some(3), Some(3), Some(0))
        );
        assert_eq!(run.packet_loss_percent(), Some(0.0));
        let rt = run.round_trip.unwrap();
        assert_eq!(
            (rt.min, rt.avg, rt.max, rt.stddev),
            (0.23, 0.245, 0.26, None)
        );
        let r: Vec<_> = run.responses().collect();
        assert_eq!(r.len(), 3);
        assert_eq!(
            (
                r[0].line,
                r[0].bytes,
                r[0].response_ip,
                r[0].ttl,
                r[0].time_ms
            ),
            (3, Some(8980), Some("192.0.2.12"), Some(64), Some(0.245))
        );
        assert_eq!(r[2].icmp_seq, Some(2));
        assert!(run.complete());
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn summary_line_and_received_spelling() {
        let text = JUMBO.replace("Recieved", "Received");
        let run = parse(&text);
        assert_eq!(run.packets_received(), Some(3));
        assert_eq!(run.summary.unwrap().line, 26);
    }

    #[test]
    fn survives_crlf_blank_after_every_line_and_collapsed_blanks() {
        let crlf = JUMBO.replace('\n', "\r\n");
        let doubled = JUMBO.replace('\n', "\n\n");
        let collapsed: std::string::String = JUMBO
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| std::format!("{}\n", l.trim()))
            .collect();
        for text in [crlf.as_str(), doubled.as_str(), collapsed.as_str()] {
            let run = parse(text);
            assert_eq!(run.responses().count(), 3, "{text:?}");
            assert_eq!(run.packets_received(), Some(3));
            assert_eq!(diags(&run), [], "{text:?}");
        }
    }

    #[test]
    fn lost_packets_are_inferred_from_gaps_and_the_summary() {
        let text = "\
   Trace:
         Received Bytes: 64
         Host: 198.51.100.7
         ICMP Seq: 1
         TTL: 64
         Round-trip Time: 1203 us
         Dup: false
         Detail:
   Summary:
         Host Addr: 198.51.100.7
         Transmitted: 4
         Recieved: 1
         Duplicated: 0
         Packet Lost: 75
         Round-trip Min: 1203 us
         Round-trip Avg: 1203 us
         Round-trip Max: 1203 us
";
        let run = parse(text);
        assert!(run.command.is_none());
        assert_eq!(run.line, 1);
        assert_eq!(run.destination, Some("198.51.100.7"));
        use ResponseType::*;
        assert_eq!(
            kinds(&run),
            [
                (Timeout, Some(0)),
                (Reply, Some(1)),
                (Timeout, Some(2)),
                (Timeout, Some(3))
            ]
        );
        let lines: Vec<_> = run.responses().map(|r| r.line).collect();
        assert_eq!(lines, [2, 2, 9, 9]);
        assert_eq!(run.packet_loss_percent(), Some(75.0));
        assert_eq!(run.round_trip.unwrap().avg, 1.203);
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn total_loss_drops_the_placeholder_round_trip() {
        let text = "\
   Trace:
   Summary:
         Host Addr: 192.0.2.99
         Transmitted: 3
         Recieved: 0
         Duplicated: 0
         Packet Lost: 100
         Round-trip Min: 999999000 us
         Round-trip Avg: -2147483648 us
         Round-trip Max: 0 us
";
        let run = parse(text);
        assert_eq!(run.round_trip, None);
        assert_eq!(run.responses().count(), 3);
        assert!(run.responses().all(|r| r.kind == ResponseType::Timeout));
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn explicit_timeout_detail() {
        let text = "\
   Trace:
         Received Bytes: 0
         Host: 192.0.2.12
         ICMP Seq: 0
         TTL: 0
         Round-trip Time: 0 us
         Dup: false
         Detail: Request timeout
   Summary:
         Host Addr: 192.0.2.12
         Transmitted: 1
         Recieved: 0
         Duplicated: 0
         Packet Lost: 100
";
        let run = parse(text);
        assert_eq!(kinds(&run), [(ResponseType::Timeout, Some(0))]);
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn message_too_long_alone_and_in_a_trace() {
        let text = "[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -d -s 8973\n\
                    Error: sendto() failed (Message too long)\n";
        let run = parse(text);
        let r: Vec<_> = run.responses().collect();
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].kind, r[0].error, r[0].icmp_seq, r[0].line),
            (ResponseType::SendFailed, Some("Message too long"), None, 2)
        );
        assert!(!run.complete());
        assert_eq!(run.destination, Some("192.0.2.12"));
        assert_eq!(run.destination_ip, None);
        // The error is the whole output: not an interrupted paste.
        assert_eq!(diags(&run), []);

        let text = "   Trace:\n         Received Bytes: 0\n         Host: 192.0.2.12\n\
                    \x20        ICMP Seq: 0\n         Detail: sendto() failed (Host is down)\n\
                    \x20  Summary:\n         Host Addr: 192.0.2.12\n         Transmitted: 1\n\
                    \x20        Recieved: 0\n         Duplicated: 0\n         Packet Lost: 100\n";
        let run = parse(text);
        let r: Vec<_> = run.responses().collect();
        assert_eq!(
            (r.len(), r[0].kind, r[0].error),
            (1, ResponseType::SendFailed, Some("Host is down"))
        );
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn send_failures_before_a_summary_are_not_counted_as_timeouts() {
        let text = "\
sendto() failed (Message too long)
sendto() failed (Message too long)
   Trace:
   Summary:
         Host Addr: 192.0.2.12
         Transmitted: 2
         Recieved: 0
         Duplicated: 0
         Packet Lost: 100
";
        let run = parse(text);
        assert_eq!(
            kinds(&run),
            [
                (ResponseType::SendFailed, None),
                (ResponseType::SendFailed, None)
            ]
        );
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn ipv6() {
        let text = "\
[root@esx8:~] esxcli network diag ping --host=2001:db8::12 --ipv6 --interface vmk2 --netstack vmotion --df --size=8952 --count=2
   Trace:
         Received Bytes: 8960
         Host: 2001:db8::12
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: 312 us
         Dup: false
         Detail:

         Received Bytes: 8960
         Host: 2001:db8::12
         ICMP Seq: 1
         TTL: 64
         Round-trip Time: 287 us
         Dup: false
         Detail:
   Summary:
         Host Addr: 2001:db8::12
         Transmitted: 2
         Recieved: 2
         Duplicated: 0
         Packet Lost: 0
         Round-trip Min: 287 us
         Round-trip Avg: 299 us
         Round-trip Max: 312 us
";
        let run = parse(text);
        let c = run.command.unwrap();
        assert_eq!(
            (c.ipv6, c.df, c.size, c.interface, c.netstack),
            (true, true, Some(8952), Some("vmk2"), Some("vmotion"))
        );
        assert_eq!(run.destination_ip, Some("2001:db8::12"));
        assert_eq!(
            run.responses().next().unwrap().response_ip,
            Some("2001:db8::12")
        );
        assert_eq!(run.round_trip.unwrap().min, 0.287);
        assert_eq!(diags(&run), []);
    }

    #[test]
    fn dup_replies_and_mismatches() {
        let text = "\
[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -s 1472 -c 1
   Trace:
         Received Bytes: 1480
         Host: 192.0.2.12
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: 300 us
         Dup: false
         Detail:
         Received Bytes: 64
         Host: 192.0.2.13
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: 310 us
         Dup: true
         Detail:
   Summary:
         Host Addr: 192.0.2.12
         Transmitted: 1
         Recieved: 1
         Duplicated: 2
         Packet Lost: 0
         Round-trip Min: 300 us
         Round-trip Avg: 305 us
         Round-trip Max: 310 us
";
        let run = parse(text);
        let r: Vec<_> = run.responses().map(|r| (r.duplicate, r.line)).collect();
        assert_eq!(r, [(false, 3), (true, 10)]);
        use DiagnosticKind::*;
        assert_eq!(
            diags(&run),
            [ReplySizeMismatch, ReplyAddressMismatch, SummaryMismatch]
        );
        let d: Vec<_> = run.diagnostics().collect();
        assert_eq!((d[0].a, d[0].b), (64, 1480));
        assert_eq!(d[2].text, "duplicates");
    }

    #[test]
    fn out_of_order_sequence() {
        let entry = |seq: u32| {
            std::format!(
                "Received Bytes: 64\nHost: 192.0.2.1\nICMP Seq: {seq}\nTTL: 64\nRound-trip Time: 100 us\nDup: false\nDetail:\n"
            )
        };
        let text = std::format!("Trace:\n{}{}", entry(1), entry(0));
        let run = parse(&text);
        use ResponseType::*;
        assert_eq!(
            kinds(&run),
            [(Timeout, Some(0)), (Reply, Some(1)), (Reply, Some(0))]
        );
        let d: Vec<_> = run.diagnostics().map(|d| (d.kind, d.a, d.b)).collect();
        assert_eq!(
            d,
            [
                (DiagnosticKind::SequenceOutOfOrder, 0, 1),
                (DiagnosticKind::PingIncomplete, 0, 0)
            ]
        );
    }

    #[test]
    fn bad_values_and_unknown_lines_are_diagnosed() {
        let text = "\
   Trace:
         Received Bytes: lots
         Host: 192.0.2.12
         ICMP Seq: 0
         TTL: 64
         Round-trip Time: fast
         Dup: maybe
         Detail: Something odd
   Some prose here
   Summary:
         Host Addr: 192.0.2.12
         Transmitted: x
         Recieved: 1
";
        let run = parse(text);
        assert!(!run.complete());
        let d: Vec<_> = run
            .diagnostics()
            .map(|d| (d.kind, d.subject, d.text))
            .collect();
        use DiagnosticKind::*;
        assert_eq!(
            d,
            [
                (ValueUnparseable, "Received Bytes", "lots"),
                (ValueUnparseable, "Round-trip Time", "fast"),
                (ValueUnparseable, "Dup", "maybe"),
                // The entry ends (and its detail is judged) at `Summary:`.
                (OutputLineUnrecognized, "diag_ping", "Some prose here"),
                (ValueUnparseable, "Detail", "Something odd"),
                (ValueUnparseable, "Transmitted", "x"),
                (PingIncomplete, "", ""),
            ]
        );
        // The reply is kept, with what could be read.
        let r = run.responses().next().unwrap();
        assert_eq!((r.bytes, r.ttl, r.time_ms), (None, Some(64), None));
    }

    #[test]
    fn trimmed_trace_summary_counts_replies_not_shown() {
        let text = "   Summary:\n      Host Addr: 192.0.2.12\n      Transmitted: 3\n      Recieved: 3\n      Duplicated: 0\n      Packet Lost: 0\n";
        let run = parse(text);
        assert_eq!(run.responses().count(), 0);
        assert_eq!(diags(&run), [DiagnosticKind::RepliesNotShown]);
        // Without Packet Lost the loss is computed.
        let run = parse("Summary:\nTransmitted: 4\nRecieved: 3\n");
        assert_eq!(run.packet_loss_percent(), Some(25.0));
        assert_eq!(run.duplicates(), Some(0));
    }

    #[test]
    fn timeouts_are_capped() {
        let run = parse(
            "Summary:\nTransmitted: 4294967295\nRecieved: 0\nDuplicated: 0\nPacket Lost: 100\n",
        );
        assert_eq!(run.responses().count(), MAX_LISTED_TIMEOUTS as usize);
        let d: Vec<_> = run.diagnostics().map(|d| (d.kind, d.a)).collect();
        assert_eq!(
            d,
            [(
                DiagnosticKind::TimeoutsNotListed,
                u64::from(u32::MAX - MAX_LISTED_TIMEOUTS)
            )]
        );
    }

    #[test]
    fn a_second_run_is_cut_off() {
        let twice = std::format!("{JUMBO}{}", JUMBO.split_once('\n').unwrap().1);
        let run = parse(&twice);
        assert_eq!(run.responses().count(), 3);
        assert_eq!(diags(&run), [DiagnosticKind::FurtherOutputIgnored]);
        assert_eq!(run.diagnostics().next().unwrap().line, 35);
    }

    #[test]
    fn a_prompt_ends_the_run() {
        let text = std::format!("{JUMBO}[root@esx01:~] \n");
        assert_eq!(diags(&parse(&text)), []);
        let text = "[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -d -s 8972\n\
                    Error: sendto() failed (Message too long)\n\
                    [root@esx01:~] esxcli network diag ping -H 192.0.2.12 -d -s 1472\n   Trace:\n";
        let run = parse(text);
        assert_eq!(kinds(&run), [(ResponseType::SendFailed, None)]);
        let d: Vec<_> = run.diagnostics().map(|d| (d.kind, d.line)).collect();
        assert_eq!(d, [(DiagnosticKind::FurtherOutputIgnored, 3)]);
    }

    #[test]
    fn from_lines_takes_the_command_line_before_the_body() {
        let (cmd, body) = JUMBO.split_once('\n').unwrap();
        let cmd = prompt::parse(cmd).unwrap().command.unwrap();
        let lines = Lines::span(body, cmd.len(), 2, Lines::new(JUMBO).wrapper());
        let run = DiagPing::from_lines(lines, Some(cmd));
        assert_eq!(run.line, 1);
        assert_eq!(run.command.unwrap().line, 1);
        assert_eq!(run.responses().count(), 3);
        let run = DiagPing::from_lines(Lines::new(""), Some("esxcli network ip route ipv4 list"));
        assert!(run.command.is_none() && run.responses().next().is_none());
    }

    #[test]
    fn command_options() {
        let c = |s| parse_command(s, 1).unwrap();
        let a = c(
            "esxcli network diag ping -c 5 -d -H 192.0.2.1 -I vmk3 -i 0.2 -N 192.0.2.254 -s 1472 -t 32 -W 2 --netstack=vmotion",
        );
        assert_eq!(
            (a.count, a.df, a.target, a.interface, a.interval, a.next_hop),
            (
                Some(5),
                true,
                Some("192.0.2.1"),
                Some("vmk3"),
                Some(0.2),
                Some("192.0.2.254")
            )
        );
        assert_eq!(
            (a.size, a.ttl, a.wait, a.netstack),
            (Some(1472), Some(32), Some(2.0), Some("vmotion"))
        );
        assert_eq!(a.diagnostics().count(), 0);
        let b = c(
            "esxcli network diag ping --count 5 --df=true --host=192.0.2.1 --interval=1 --nexthop 192.0.2.254 --size 1472 --ttl=32 --wait 1.5 --ipv4",
        );
        assert_eq!(
            (b.count, b.df, b.next_hop, b.wait, b.ipv6),
            (Some(5), true, Some("192.0.2.254"), Some(1.5), false)
        );
        // -D is --debug (VMKPing debug mode), not DF.
        assert!(!c("esxcli network diag ping -H x -D").df);
        assert!(c("esxcli network diag ping -H x -6").ipv6);
        assert!(c("esxcli network diag ping -H fe80::1").ipv6);
        assert_eq!(c("esxcli network diag ping -Hx -c=2").count, Some(2));
        assert_eq!(
            c("esxcli --formatter=xml network diag ping -H x").target,
            Some("x")
        );
        assert_eq!(
            c("/bin/esxcli network diag ping -H x # jumbo").text,
            "/bin/esxcli network diag ping -H x"
        );
        assert!(parse_command("vmkping -I vmk1 x", 1).is_none());
        assert!(parse_command("esxcli network diag", 1).is_none());
    }

    #[test]
    fn command_problems() {
        let d = |s| {
            parse_command(s, 4)
                .unwrap()
                .diagnostics()
                .map(|d| (d.kind, d.text, d.line))
                .collect::<Vec<_>>()
        };
        use DiagnosticKind::*;
        assert_eq!(
            d("esxcli network diag ping -H x -Z"),
            [(PingOptionUnknown, "-Z", 4)]
        );
        assert_eq!(
            d("esxcli network diag ping -H x --bogus=1"),
            [(PingOptionUnknown, "--bogus=1", 4)]
        );
        assert_eq!(
            d("esxcli network diag ping 192.0.2.1"),
            [
                (PingOptionUnknown, "192.0.2.1", 4),
                (PingTargetMissing, "", 4)
            ]
        );
        assert_eq!(
            d("esxcli network diag ping -H x -s big"),
            [(PingOptionUnknown, "big", 4)]
        );
        assert_eq!(
            d("esxcli network diag ping -H x --df=maybe"),
            [(PingOptionUnknown, "maybe", 4)]
        );
        assert_eq!(
            d("esxcli network diag ping -H x -c"),
            [(PingOptionUnknown, "", 4)]
        );
        assert_eq!(d("esxcli network diag ping"), [(PingTargetMissing, "", 4)]);
        // Command diagnostics come first in the run's.
        let run =
            parse("esxcli network diag ping -c 1\nError: sendto() failed (No route to host)\n");
        assert_eq!(diags(&run), [PingTargetMissing]);
    }

    #[test]
    fn predicates() {
        assert!(is_start("   Trace:") && is_start("Summary: "));
        for l in JUMBO.lines().skip(1) {
            assert!(is_continuation(l), "{l:?}");
        }
        for l in [
            "PING 192.0.2.1 (192.0.2.1): 56 data bytes",
            "64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=0.2 ms",
            "[root@esx01:~] esxcli network diag ping -H x",
            "vmk1       vMotion   IPv4  192.0.2.11",
            "Interface  Port Group/DVPort   IP Family IP Address",
            "Tags: VMotion",
        ] {
            assert!(!is_start(l), "{l:?}");
            assert!(!is_continuation(l), "{l:?}");
        }
    }

    #[test]
    fn times() {
        assert_eq!(parse_time_ms("245 us"), Some(0.245));
        assert_eq!(parse_time_ms("245us"), Some(0.245));
        assert_eq!(parse_time_ms("1.5 ms"), Some(1.5));
        assert_eq!(parse_time_ms("245.5 us"), Some(0.2455));
        assert_eq!(parse_time_ms("999999000 us"), Some(999999.0));
        assert_eq!(parse_time_ms("-1 us"), None);
        assert_eq!(parse_time_ms("245 s"), None);
        assert_eq!(parse_time_ms(""), None);
        assert_eq!(parse_time_ms("1234567890123456 us"), None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_is_the_vmkping_run_json() {
        let run = parse(JUMBO);
        let v = serde_json::to_value(&run).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"line": 1,
                "command": {"text": "esxcli network diag ping -H 192.0.2.12 -I vmk1 --netstack=vmotion -d -s 8972 -c 3",
                            "program": "esxcli", "target": "192.0.2.12", "netstack": "vmotion",
                            "interface": "vmk1", "ipv6": false, "df": true, "size": 8972, "count": 3,
                            "interval": null, "wait": null, "ttl": null, "next_hop": null},
                "destination": "192.0.2.12", "destination_ip": "192.0.2.12", "data_bytes": null,
                "packets_transmitted": 3, "packets_received": 3, "packet_loss_percent": 0.0,
                "duplicates": 0, "round_trip_ms_min": 0.23, "round_trip_ms_avg": 0.245,
                "round_trip_ms_max": 0.26, "round_trip_ms_stddev": null,
                "responses": [
                    {"line": 3, "type": "reply", "bytes": 8980, "response_ip": "192.0.2.12", "icmp_seq": 0, "ttl": 64, "time_ms": 0.245, "duplicate": false, "error": null},
                    {"line": 11, "type": "reply", "bytes": 8980, "response_ip": "192.0.2.12", "icmp_seq": 1, "ttl": 64, "time_ms": 0.23, "duplicate": false, "error": null},
                    {"line": 19, "type": "reply", "bytes": 8980, "response_ip": "192.0.2.12", "icmp_seq": 2, "ttl": 64, "time_ms": 0.26, "duplicate": false, "error": null}],
                "complete": true})
        );
        // Same keys, same order as a vmkping run.
        let ping = crate::vmkping::parse("vmkping x\nPING x (192.0.2.1): 56 data bytes\n").unwrap();
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&v), keys(&serde_json::to_value(&ping).unwrap()));
    }
}
