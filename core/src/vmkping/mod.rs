//! `vmkping` runs: the command line and its FreeBSD-style output.
//!
//! A [`PingRun`] is read in one pass for its header, summary and counts; its
//! [`responses`](PingRun::responses) are re-read lazily from the borrowed text, with
//! silent timeouts inferred from gaps in `icmp_seq` and from the summary's count.
//!
//! ```
//! let text = "\
//! [root@esx-a:~] vmkping ++netstack=vmotion -d -s 8972 198.51.100.12
//! PING 198.51.100.12 (198.51.100.12): 8972 data bytes
//! 8980 bytes from 198.51.100.12: icmp_seq=0 ttl=64 time=0.311 ms
//! 8980 bytes from 198.51.100.12: icmp_seq=2 ttl=64 time=0.295 ms
//!
//! --- 198.51.100.12 ping statistics ---
//! 3 packets transmitted, 2 packets received, 33% packet loss
//! round-trip min/avg/max = 0.295/0.303/0.311 ms
//! ";
//! use vmkcheck_core::vmkping::{self, ResponseType};
//! let run = vmkping::parse(text)?;
//! assert_eq!(run.command.unwrap().netstack, Some("vmotion"));
//! assert_eq!((run.packets_transmitted(), run.packets_received(), run.packet_loss_percent()), (Some(3), Some(2), Some(33.0)));
//! let kinds: Vec<_> = run.responses().map(|r| (r.kind, r.icmp_seq)).collect();
//! assert_eq!(kinds, [(ResponseType::Reply, Some(0)), (ResponseType::Timeout, Some(1)), (ResponseType::Reply, Some(2))]);
//! # Ok::<(), vmkcheck_core::Error>(())
//! ```

pub(crate) mod command;
mod line;
pub(crate) mod walk;

pub use command::{PingCommand, is_ping_program};

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::lines::{Line, Lines};
use crate::{Error, ErrorKind, prompt};
use line::{OutLine, classify};
use walk::{Queue, Step, Timeouts};

/// At most this many silent timeouts are listed per run; more are counted in a
/// `timeouts_not_listed` diagnostic (a summary can claim billions of lost packets).
pub const MAX_LISTED_TIMEOUTS: u32 = 1024;

/// Where a run's ping program came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// ESXi `vmkping` (FreeBSD ping).
    Esxi,
    /// Linux iputils ping (or an NSX Edge, which runs it).
    Linux,
    /// macOS ping.
    MacOs,
}

impl Flavor {
    const fn name(self) -> &'static str {
        match self {
            Self::Esxi => "ESXi",
            Self::Linux => "Linux iputils (or NSX Edge)",
            Self::MacOs => "macOS",
        }
    }
}

/// What a response is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseType {
    /// An echo reply.
    Reply,
    /// A packet that got no reply (silent on ESXi; inferred).
    Timeout,
    /// `sendto() failed (…)`: the packet never left the host.
    SendFailed,
}

impl ResponseType {
    /// `"reply"`, `"timeout"` or `"send_failed"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Reply => "reply",
            Self::Timeout => "timeout",
            Self::SendFailed => "send_failed",
        }
    }
}

/// One response of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Response<'a> {
    /// Line of the evidence (for an inferred timeout: the line that revealed it).
    pub line: u32,
    /// Reply, timeout or send failure.
    pub kind: ResponseType,
    /// Bytes received.
    pub bytes: Option<u32>,
    /// Address the reply came from.
    pub response_ip: Option<&'a str>,
    /// Sequence number (`None` for a send failure, which prints none).
    pub icmp_seq: Option<u32>,
    /// TTL (`hlim` on IPv6; absent from ESXi IPv6 replies).
    pub ttl: Option<u32>,
    /// Round-trip time.
    pub time_ms: Option<f64>,
    /// A `(DUP!)` reply.
    pub duplicate: bool,
    /// For `send_failed`: the error text, e.g. `Message too long`.
    pub error: Option<&'a str>,
}

/// The summary of a run, as printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Line of `N packets transmitted, …`.
    pub line: u32,
    /// Packets transmitted.
    pub transmitted: u32,
    /// Packets received (duplicates not counted).
    pub received: u32,
    /// `+N duplicates`.
    pub duplicates: u32,
    /// Loss in percent.
    pub loss_percent: f64,
}

/// The round-trip line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoundTrip {
    /// Minimum, ms.
    pub min: f64,
    /// Average, ms.
    pub avg: f64,
    /// Maximum, ms.
    pub max: f64,
    /// Standard deviation (macOS `stddev`, Linux `mdev`); ESXi prints none.
    pub stddev: Option<f64>,
}

/// One ping run: the command (if seen), the header, responses and summary.
#[derive(Clone, Debug)]
pub struct PingRun<'a> {
    /// Line of the command, else of the first output line.
    pub line: u32,
    /// The command line, if it was pasted.
    pub command: Option<PingCommand<'a>>,
    /// Host or address named by the `PING` header (else the command's target).
    pub destination: Option<&'a str>,
    /// Address the header resolved the destination to.
    pub destination_ip: Option<&'a str>,
    /// Payload size from the header (else the command's `-s`).
    pub data_bytes: Option<u32>,
    /// The summary, if the paste has it.
    pub summary: Option<Summary>,
    /// The round-trip line, if printed (absent when nothing came back).
    pub round_trip: Option<RoundTrip>,
    /// Which ping printed this.
    pub flavor: Flavor,
    body: Lines<'a>,
    /// Further output was cut off (standalone parsing only).
    truncated_at: Option<u32>,
    /// Last non-blank line of the run (where an incomplete run stops).
    last_line: u32,
    seen: Seen,
}

/// Counts from the first pass.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    replies: u32,
    duplicates: u32,
    sent: u32,
    header_ip: bool,
}

/// Sequence state shared by the first pass and the walker, so both infer the same.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seq {
    start: u32,
    next: u32,
}

impl Seq {
    /// Records a packet with `seq` (or the next one); returns the gap `next..seq`.
    pub(crate) fn take(&mut self, seq: Option<u32>) -> (u32, u32) {
        let s = seq.unwrap_or(self.next);
        let gap = (self.next, s.max(self.next));
        if s >= self.next {
            self.next = s.saturating_add(1);
        }
        gap
    }

    fn sent(&self) -> u32 {
        self.next.saturating_sub(self.start)
    }
}

impl<'a> PingRun<'a> {
    /// Reads a run from its command (if any) and the lines of its output.
    pub fn new(command: Option<PingCommand<'a>>, body: Lines<'a>) -> Self {
        let mut run = PingRun {
            line: command.map_or(0, |c| c.line),
            command,
            destination: None,
            destination_ip: None,
            data_bytes: None,
            summary: None,
            round_trip: None,
            flavor: Flavor::Esxi,
            body,
            truncated_at: None,
            last_line: 0,
            seen: Seen::default(),
        };
        let mut linux = false;
        let mut mac = false;
        let mut header_seen = false;
        let mut first_line = None;
        let mut last_line = 0;
        let (mut seq_bsd, mut seq_linux) = (Seq::start_for(false), Seq::start_for(true));
        let mut lines = body;
        loop {
            let (rest, offset, number) = lines.remaining();
            let Some(l) = lines.next() else { break };
            let out = classify(l.text);
            if out == OutLine::Blank {
                continue;
            }
            first_line.get_or_insert(l.number);
            last_line = l.number;
            match out {
                OutLine::Header(h) => {
                    if header_seen || run.summary.is_some() {
                        // A second run: this one ends before it.
                        run.truncated_at = Some(l.number);
                        let len = l.offset.saturating_sub(offset).min(rest.len());
                        let cut = rest.get(..line_start(rest, len)).unwrap_or(rest);
                        run.body = Lines::span(cut, offset, number, body.wrapper());
                        break;
                    }
                    header_seen = true;
                    run.destination = Some(h.target);
                    run.destination_ip = h.ip;
                    run.seen.header_ip = h.ip.is_some();
                    run.data_bytes = h.data_bytes;
                    linux |= h.linux;
                }
                OutLine::StatsHeader(target) => {
                    run.destination = run.destination.or(target);
                }
                OutLine::Reply(r) if r.dup => {
                    run.seen.duplicates = run.seen.duplicates.saturating_add(1);
                }
                OutLine::Reply(r) => {
                    run.seen.replies = run.seen.replies.saturating_add(1);
                    seq_bsd.take(r.seq);
                    seq_linux.take(r.seq);
                }
                OutLine::SendFailed(_) => {
                    seq_bsd.take(None);
                    seq_linux.take(None);
                }
                OutLine::Timeout(n) => {
                    mac = true;
                    seq_bsd.take(Some(n));
                    seq_linux.take(Some(n));
                }
                OutLine::Summary(s) => {
                    linux |= s.linux;
                    mac |= s.decimal_loss && !s.linux;
                    run.summary = Some(Summary {
                        line: l.number,
                        transmitted: s.transmitted,
                        received: s.received,
                        duplicates: s.duplicates,
                        loss_percent: s.loss_percent,
                    });
                }
                OutLine::RoundTrip(r) => {
                    linux |= r.linux;
                    mac |= r.stddev.is_some() && !r.linux;
                    run.round_trip = Some(RoundTrip {
                        min: r.min,
                        avg: r.avg,
                        max: r.max,
                        stddev: r.stddev,
                    });
                }
                _ => {}
            }
        }
        run.flavor = if linux {
            Flavor::Linux
        } else if mac {
            Flavor::MacOs
        } else {
            Flavor::Esxi
        };
        if run.line == 0 {
            run.line = first_line.unwrap_or(body.remaining().2);
        }
        run.last_line = last_line.max(run.line);
        // Packets sent, counted as the walker counts them; both sequence bases were
        // followed, as the flavor (Linux counts from 1) is known only at the end.
        let seq = if run.flavor == Flavor::Linux {
            seq_linux
        } else {
            seq_bsd
        };
        run.seen.sent = seq.sent();
        run
    }

    /// True when the summary was pasted (else the counts come from the lines shown).
    pub fn complete(&self) -> bool {
        self.summary.is_some()
    }

    /// Packets transmitted, from the summary; `None` when the paste has none (how many
    /// were sent after the last line shown is unknown: nothing is made up).
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

    /// Loss in percent, from the summary.
    pub fn packet_loss_percent(&self) -> Option<f64> {
        self.summary.map(|s| s.loss_percent)
    }

    /// Replies shown in the paste (duplicates not counted).
    pub fn replies_shown(&self) -> u32 {
        self.seen.replies
    }

    /// Packets the lines shown account for: replies, send failures and the silent
    /// timeouts between them (not those after the last line shown).
    pub fn packets_shown(&self) -> u32 {
        self.seen.sent
    }

    /// The responses in order, inferred timeouts included.
    pub fn responses(&self) -> impl Iterator<Item = Response<'a>> + Clone + use<'a> {
        self.walk().filter_map(Step::response)
    }

    /// Diagnostics: command problems, inconsistent numbers, non-ESXi output.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let command = self.command.into_iter().flat_map(|c| c.diagnostics());
        let walked = self.walk().filter_map(Step::diagnostic);
        command.chain(walked)
    }

    fn walk(&self) -> Walker<'a> {
        Walker {
            run: RunInfo {
                destination_ip: self.destination_ip.filter(|_| self.seen.header_ip),
                data_bytes: self.data_bytes,
                summary: self.summary,
                flavor: self.flavor,
                seen: self.seen,
                truncated_at: self.truncated_at,
                end_line: self.last_line,
            },
            lines: self.body,
            timeouts: Timeouts::new(Seq::start_for(self.flavor == Flavor::Linux)),
            queue: Queue::default(),
            phase: Phase::Body,
        }
    }
}

/// A run's head: all but its responses (the fields of [`PingRun`] and of an esxcli
/// diag ping alike).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Head<'a> {
    /// Line of the command, else of the first output line.
    pub line: u32,
    /// The command line, if pasted.
    pub command: Option<PingCommand<'a>>,
    /// The target as printed.
    pub destination: Option<&'a str>,
    /// The address pinged, as printed.
    pub destination_ip: Option<&'a str>,
    /// Payload size as printed.
    pub data_bytes: Option<u32>,
    /// The summary, if pasted.
    pub summary: Option<Summary>,
    /// The round-trip line, if pasted.
    pub round_trip: Option<RoundTrip>,
}

/// A ping run of either kind, as the rule engine, the JSON and the front ends read it:
/// a vmkping run ([`PingRun`]) and an `esxcli network diag ping` run have one shape
/// (DESIGN.md §4.2).
///
/// ```
/// use vmkcheck_core::vmkping::{self, Run};
/// let run = vmkping::parse("PING 192.0.2.1 (192.0.2.1): 56 data bytes\n\n--- 192.0.2.1 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n")?;
/// assert_eq!(run.head().summary.map(|s| s.received), Some(0));
/// assert_eq!(Run::responses(&run).count(), 1);
/// # Ok::<(), vmkcheck_core::Error>(())
/// ```
pub trait Run<'a> {
    /// All but the responses.
    fn head(&self) -> Head<'a>;
    /// The responses, timeouts inferred.
    fn responses(&self) -> impl Iterator<Item = Response<'a>> + Clone;
}

macro_rules! run_view {
    ($t:ty) => {
        impl<'a> Run<'a> for $t {
            fn head(&self) -> Head<'a> {
                Head {
                    line: self.line,
                    command: self.command,
                    destination: self.destination,
                    destination_ip: self.destination_ip,
                    data_bytes: self.data_bytes,
                    summary: self.summary,
                    round_trip: self.round_trip,
                }
            }
            fn responses(&self) -> impl Iterator<Item = Response<'a>> + Clone {
                <$t>::responses(self)
            }
        }
    };
}
run_view!(PingRun<'a>);
#[cfg(feature = "esxi-commands")]
run_view!(crate::diag_ping::DiagPing<'a>);

/// Byte length of the whole lines of `rest` that precede byte `len`.
fn line_start(rest: &str, len: usize) -> usize {
    let mut cut = len.min(rest.len());
    while cut > 0 && !rest.is_char_boundary(cut) {
        cut = cut.saturating_sub(1);
    }
    rest.get(..cut)
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |i| i.saturating_add(1))
}

impl Seq {
    /// ESXi and macOS count from 0, Linux from 1; a first reply above that means the
    /// packets before it were lost.
    pub(crate) fn start_for(linux: bool) -> Seq {
        let start = u32::from(linux);
        Seq { start, next: start }
    }
}

/// What the walker needs of the run.
#[derive(Clone, Copy, Debug)]
struct RunInfo<'a> {
    destination_ip: Option<&'a str>,
    data_bytes: Option<u32>,
    summary: Option<Summary>,
    flavor: Flavor,
    seen: Seen,
    truncated_at: Option<u32>,
    end_line: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Body,
    Trailing,
    Done,
}

/// Re-reads a run's lines, producing responses and diagnostics in order.
#[derive(Clone, Debug)]
struct Walker<'a> {
    run: RunInfo<'a>,
    lines: Lines<'a>,
    timeouts: Timeouts,
    queue: Queue<'a, 4>,
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
                        self.phase = Phase::Trailing;
                        if let Some(sum) = self.run.summary {
                            self.timeouts.trailing(sum);
                        }
                    }
                },
                Phase::Trailing => {
                    self.phase = Phase::Done;
                    self.closing();
                }
                Phase::Done => return None,
            }
        }
    }
}

impl<'a> Walker<'a> {
    fn line(&mut self, l: Line<'a>) {
        let n = l.number;
        match classify(l.text) {
            OutLine::Reply(r) => {
                let out_of_order = if r.dup {
                    None
                } else {
                    self.timeouts.reply(r.seq, n)
                };
                self.queue.push(Step::Response(Response {
                    line: n,
                    kind: ResponseType::Reply,
                    bytes: Some(r.bytes),
                    response_ip: Some(r.from),
                    icmp_seq: r.seq,
                    ttl: r.ttl,
                    time_ms: r.time_ms,
                    duplicate: r.dup,
                    error: None,
                }));
                let expected = self.run.data_bytes.and_then(|d| d.checked_add(8));
                if let Some(e) = expected.filter(|e| *e != r.bytes) {
                    self.queue.diagnostic(
                        Diagnostic::new(DiagnosticKind::ReplySizeMismatch, n)
                            .with_numbers(r.bytes.into(), e.into()),
                    );
                }
                if let Some(ip) = self.run.destination_ip.filter(|ip| *ip != r.from) {
                    self.queue.diagnostic(
                        Diagnostic::new(DiagnosticKind::ReplyAddressMismatch, n)
                            .with_text(r.from, ip),
                    );
                }
                if let Some(d) = out_of_order {
                    self.queue.diagnostic(d);
                }
            }
            OutLine::SendFailed(e) => {
                let step = self.timeouts.send_failed(e, None, n);
                self.queue.push(step);
            }
            // An explicit timeout line (macOS): fill the gap before it, then list it.
            OutLine::Timeout(s) => self.timeouts.timeout(Some(s), n),
            OutLine::Other => self.queue.diagnostic(
                Diagnostic::new(DiagnosticKind::PingLineUnrecognized, n)
                    .with_text("", l.text.trim()),
            ),
            _ => {}
        }
    }

    /// Run-level diagnostics after the last response.
    fn closing(&mut self) {
        let run = self.run;
        let at = run
            .summary
            .map_or(run.end_line.saturating_sub(1).max(1), |s| s.line);
        if let Some(s) = run.summary {
            let seen = run.seen;
            self.queue
                .check_counts(s, seen.replies, seen.duplicates, self.timeouts.failed);
        } else {
            self.queue
                .diagnostic(Diagnostic::new(DiagnosticKind::PingIncomplete, at));
        }
        self.timeouts.unlisted(&mut self.queue, at);
        if run.flavor != Flavor::Esxi {
            self.queue.diagnostic(
                Diagnostic::new(DiagnosticKind::NotEsxiOutput, at).with_text("", run.flavor.name()),
            );
        }
        if let Some(n) = run.truncated_at {
            // Replaces one of the above only if all four slots are taken; four is enough.
            self.queue
                .diagnostic(Diagnostic::new(DiagnosticKind::FurtherOutputIgnored, n));
        }
    }
}

/// Parses one ping run from pasted text: an optional prompt and command line, then
/// its output. Text before the command or the first output line is skipped; a second
/// run is cut off with a `further_output_ignored` diagnostic (use
/// [`crate::transcript`] for many runs).
///
/// # Errors
/// [`ErrorKind::Empty`] for blank input, [`ErrorKind::NoPingOutput`] when neither a
/// ping command nor any ping output line is found.
pub fn parse(text: &str) -> Result<PingRun<'_>, Error> {
    if text.trim().is_empty() {
        return Err(Error::at(ErrorKind::Empty, text, 0));
    }
    let mut lines = Lines::new(text);
    let wrapper = lines.wrapper();
    loop {
        let (rest, offset, number) = lines.remaining();
        let Some(l) = lines.next() else { break };
        let command_text = prompt::parse(l.text)
            .and_then(|p| p.command)
            .unwrap_or(l.text.trim());
        if let Some(c) = PingCommand::parse(command_text, l.number) {
            return Ok(PingRun::new(Some(c), lines));
        }
        if !matches!(
            classify(l.text),
            OutLine::Blank | OutLine::Other | OutLine::StatsHeader(_)
        ) {
            return Ok(PingRun::new(
                None,
                Lines::span(rest, offset, number, wrapper),
            ));
        }
    }
    let at = text.len().saturating_sub(text.trim_start().len());
    Err(Error::at(ErrorKind::NoPingOutput, text, at))
}

/// What a transcript needs to know of a line of ping output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Blank (or a code fence).
    Blank,
    /// A `PING` header: starts a run.
    Header,
    /// `N packets transmitted, …`.
    Summary,
    /// Any other line of ping output.
    Output,
    /// Not ping output.
    Other,
}

/// Classifies one line for a transcript (one grammar pass).
///
/// ```
/// use vmkcheck_core::vmkping::{line_kind, LineKind};
/// assert_eq!(line_kind("PING 192.0.2.1 (192.0.2.1): 56 data bytes"), LineKind::Header);
/// assert_eq!(line_kind("3 packets transmitted, 3 packets received, 0% packet loss"), LineKind::Summary);
/// assert_eq!(line_kind("Now the next host:"), LineKind::Other);
/// ```
pub fn line_kind(text: &str) -> LineKind {
    // Replies are the bulk of ping output: their shape says enough, their values are
    // read later by the run itself.
    let t = text.trim();
    if t.as_bytes().first().is_some_and(u8::is_ascii_digit) && line::is_reply(t) {
        return LineKind::Output;
    }
    match classify(text) {
        OutLine::Blank => LineKind::Blank,
        OutLine::Header(_) => LineKind::Header,
        OutLine::Summary(_) => LineKind::Summary,
        OutLine::Other => LineKind::Other,
        _ => LineKind::Output,
    }
}

/// True when a line is part of ping output (or blank), as a transcript needs to know.
pub fn is_output_line(text: &str) -> bool {
    line_kind(text) != LineKind::Other
}

/// True when a line is a `PING` header, which starts a run.
pub fn is_header(text: &str) -> bool {
    line_kind(text) == LineKind::Header
}

/// True when a line is a ping summary (`N packets transmitted, …`).
pub fn is_summary(text: &str) -> bool {
    line_kind(text) == LineKind::Summary
}
