//! What the engine knows of each host, held in caller-provided buffers.
//!
//! [`needs`] counts what the buffers must hold (one pass over the text); a front end
//! with a heap sizes them from it, an embedded one provides fixed arrays and gets
//! [`ErrorKind::Capacity`](crate::ErrorKind::Capacity) when they are too small.

use core::cmp::Ordering;

use super::finding::HostName;
use crate::facts::{HostFacts, Tags};
use crate::shape;
use crate::transcript::{self, Section, SectionKind};
use crate::vmknic::VmknicRow;
use crate::vmkping::{Head, ResponseType, Run};
use crate::{Error, ErrorKind};

/// One pasted transcript and the name of where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source<'a> {
    /// Names hosts whose prompts name none (a file stem); `""` for none.
    pub name: &'a str,
    /// The pasted text.
    pub text: &'a str,
}

/// Buffer sizes [`check`](super::check) needs for some sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Hosts (an upper bound: sections that may name a new host).
    pub hosts: usize,
    /// vmknic rows, and entries of the address index.
    pub rows: usize,
    /// vmkping runs (and `esxcli network diag ping` runs).
    pub pings: usize,
    /// Sections of the other commands the rules read (tags, interface list, IPv4
    /// addresses, routes, vSwitches, NICs, versions).
    pub sections: usize,
}

/// Counts what the buffers must hold for `sources`.
///
/// ```
/// use vmkcheck_core::rules::{needs, Source};
/// let n = needs(&[Source { name: "esx01", text: "vmkping -c 1 192.0.2.1\n" }]);
/// assert_eq!((n.hosts, n.rows, n.pings, n.sections), (1, 0, 1, 0));
/// ```
pub fn needs(sources: &[Source<'_>]) -> Needs {
    let mut n = Needs::default();
    for src in sources {
        // The source's own host (sections no prompt names, or a paste with nothing
        // readable), plus one per section a prompt names.
        n.hosts = n.hosts.saturating_add(1);
        for s in transcript::parse(src.text).sections() {
            if s.host.is_some() {
                n.hosts = n.hosts.saturating_add(1);
            }
            match s.kind {
                SectionKind::Vmknic => {
                    let rows = s.vmknic().map_or(0, |t| t.rows().count());
                    n.rows = n.rows.saturating_add(rows);
                }
                SectionKind::Vmkping | SectionKind::DiagPing => {
                    n.pings = n.pings.saturating_add(1);
                }
                k if HostSection::keeps(k) => n.sections = n.sections.saturating_add(1),
                _ => {}
            }
        }
    }
    n
}

/// A host as the engine sees it.
#[derive(Clone, Copy, Debug)]
pub struct Host<'a> {
    /// Its name.
    pub name: HostName<'a>,
    /// Its rows: `rows[start..end]` of the workspace.
    pub(crate) rows: (usize, usize),
    /// Its other commands' sections: `sections[start..end]` of the workspace.
    pub(crate) sections: (usize, usize),
    pub(crate) facts: Option<HostFacts<'a>>,
    /// The source it was first seen in, and the line of its first vmknic table.
    pub(crate) source: u32,
    pub(crate) table: Option<(u32, u32)>,
    /// Its vMotion interfaces are on the vmotion netstack (not tagged on the default).
    pub(crate) stack_based: bool,
    /// First vMotion row of each family (IPv4, IPv6): where untargeted runs leave from.
    pub(crate) vmotion_by_family: [Option<usize>; 2],
}

impl<'a> Host<'a> {
    /// This host's rows within the workspace's `rows`.
    pub fn rows_in<'r>(&self, rows: &'r [Row<'a>]) -> &'r [Row<'a>] {
        rows.get(self.rows.0..self.rows.1).unwrap_or(&[])
    }

    /// The facts given for this host.
    pub fn facts(&self) -> Option<HostFacts<'a>> {
        self.facts
    }
}

impl Host<'_> {
    /// An unused slot, to fill caller-provided buffers with.
    pub const EMPTY: Host<'static> = Host {
        name: HostName::Numbered(0),
        rows: (0, 0),
        sections: (0, 0),
        facts: None,
        source: 0,
        table: None,
        stack_based: false,
        vmotion_by_family: [None, None],
    };
}

/// A vmknic row of a host, with what the engine derived for it.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// The parsed row.
    pub row: VmknicRow<'a>,
    pub(crate) host: usize,
    pub(crate) source: u32,
    pub(crate) seq: usize,
    pub(crate) tags: Option<Tags>,
    /// A vMotion interface (DESIGN.md §5 preamble).
    pub(crate) vmotion: bool,
    pub(crate) duplicate: bool,
}

impl<'a> Row<'a> {
    /// True when this row belongs to a vMotion interface.
    pub fn is_vmotion(&self) -> bool {
        self.vmotion
    }
}

impl<'a> Row<'a> {
    /// An unused slot.
    pub const EMPTY: Row<'static> = Row {
        row: VmknicRow::EMPTY,
        host: 0,
        source: 0,
        seq: 0,
        tags: None,
        vmotion: false,
        duplicate: false,
    };

    pub(crate) fn on_netstack(&self, name: &str) -> bool {
        self.row
            .netstack
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }

    /// A usable address: present, not link-local (redacted text counts as present).
    pub(crate) fn usable_address(&self) -> Option<&'a str> {
        self.row.address.filter(|a| !is_link_local(a))
    }
}

/// `169.254.0.0/16` or `fe80::/10`.
pub(crate) fn is_link_local(addr: &str) -> bool {
    if let Some(v4) = shape::parse_ipv4(addr) {
        return v4.is_link_local();
    }
    shape::parse_ipv6(addr)
        .is_some_and(|v6| (v6.segments().first().copied().unwrap_or(0) & 0xffc0) == 0xfe80)
}

/// How a vmkping run ended, reduced to what the rules need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PingFact<'a> {
    pub(crate) host: usize,
    pub(crate) source: u32,
    pub(crate) line: u32,
    /// The line of the first `(DUP!)` reply, if any.
    pub(crate) dup_line: u32,
    pub(crate) target: Option<&'a str>,
    pub(crate) resolved: Option<&'a str>,
    pub(crate) netstack: Option<&'a str>,
    pub(crate) interface: Option<&'a str>,
    pub(crate) df: bool,
    pub(crate) ipv6: bool,
    pub(crate) size: u32,
    pub(crate) success: bool,
    pub(crate) lost_all: bool,
    pub(crate) partial: bool,
    pub(crate) loss_percent: f64,
    pub(crate) send_error: Option<&'a str>,
    pub(crate) duplicates: u32,
    pub(crate) rtt_avg: Option<f64>,
    /// Resolved later: the source interface (a row index) and the peer host.
    pub(crate) from: Option<usize>,
    pub(crate) peer: Option<usize>,
    /// Counts as evidence of its path (right stack, not expected to fail).
    pub(crate) evidence: bool,
}

impl PingFact<'_> {
    /// An unused slot.
    pub const EMPTY: PingFact<'static> = PingFact {
        host: 0,
        source: 0,
        line: 0,
        dup_line: 0,
        target: None,
        resolved: None,
        netstack: None,
        interface: None,
        df: false,
        ipv6: false,
        size: 56,
        success: false,
        lost_all: false,
        partial: false,
        loss_percent: 0.0,
        send_error: None,
        duplicates: 0,
        rtt_avg: None,
        from: None,
        peer: None,
        evidence: false,
    };

    /// Reduces a run (vmkping or esxcli diag ping) to its facts.
    pub(crate) fn of<'a>(run: &impl Run<'a>, host: usize, source: u32) -> PingFact<'a> {
        let Head {
            line,
            command: cmd,
            destination,
            destination_ip,
            data_bytes,
            summary,
            round_trip,
        } = run.head();
        let mut replies = 0u32;
        let mut lost = 0u32;
        let mut dup_line = 0u32;
        let mut duplicates = 0u32;
        let mut send_error = None;
        let mut rtt_sum = 0.0f64;
        let mut rtt_n = 0u32;
        for r in run.responses() {
            match r.kind {
                ResponseType::Reply if r.duplicate => {
                    duplicates = duplicates.saturating_add(1);
                    if dup_line == 0 {
                        dup_line = r.line;
                    }
                }
                ResponseType::Reply => {
                    replies = replies.saturating_add(1);
                    if let Some(t) = r.time_ms {
                        rtt_sum += t;
                        rtt_n = rtt_n.saturating_add(1);
                    }
                }
                ResponseType::SendFailed => {
                    lost = lost.saturating_add(1);
                    send_error = send_error.or(r.error);
                }
                ResponseType::Timeout => lost = lost.saturating_add(1),
            }
        }
        // The summary is the truth when pasted; the lines shown otherwise.
        let (rx, tx) = match summary {
            Some(s) => (s.received, s.transmitted),
            None => (replies, replies.saturating_add(lost)),
        };
        let loss_percent = summary.map(|s| s.loss_percent).unwrap_or_else(|| {
            if tx == 0 {
                0.0
            } else {
                f64::from(tx.saturating_sub(rx)) * 100.0 / f64::from(tx)
            }
        });
        let rtt_avg = round_trip
            .map(|r| r.avg)
            .or_else(|| (rtt_n > 0).then(|| rtt_sum / f64::from(rtt_n)));
        PingFact {
            host,
            source,
            line,
            dup_line,
            target: cmd.and_then(|c| c.target).or(destination),
            resolved: destination_ip,
            netstack: cmd.and_then(|c| c.netstack),
            interface: cmd.and_then(|c| c.interface),
            df: cmd.is_some_and(|c| c.df),
            ipv6: cmd.is_some_and(|c| c.ipv6),
            size: cmd.and_then(|c| c.size).or(data_bytes).unwrap_or(56),
            success: rx > 0,
            lost_all: rx == 0 && tx > 0,
            partial: rx > 0 && rx < tx,
            loss_percent,
            send_error,
            duplicates: summary.map_or(duplicates, |s| s.duplicates).max(duplicates),
            rtt_avg,
            from: None,
            peer: None,
            evidence: false,
        }
    }
}

/// A section of another command (tags, interface list, IPv4 addresses, routes,
/// vSwitches, NICs, version) and the host it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct HostSection<'a> {
    pub(crate) host: usize,
    pub(crate) source: u32,
    pub(crate) section: Section<'a>,
}

impl HostSection<'_> {
    /// An unused slot.
    pub const EMPTY: HostSection<'static> = HostSection {
        host: 0,
        source: 0,
        section: Section::EMPTY,
    };

    /// The section kinds the rules read beside vmknic and ping output.
    pub(crate) fn keeps(kind: SectionKind) -> bool {
        matches!(
            kind,
            SectionKind::Tags
                | SectionKind::InterfaceList
                | SectionKind::Ipv4Get
                | SectionKind::RouteList
                | SectionKind::Vswitch
                | SectionKind::NicList
                | SectionKind::Version
        )
    }
}

/// The caller-provided buffers the engine works in. Size them with [`needs`].
#[derive(Debug)]
pub struct Workspace<'a, 'w> {
    /// Hosts; after [`check`](super::check), the first `hosts` of them, sorted by name.
    pub hosts: &'w mut [Host<'a>],
    /// Rows of every host.
    pub rows: &'w mut [Row<'a>],
    /// Address index over `rows` (one entry per row).
    pub index: &'w mut [usize],
    /// Ping runs.
    pub pings: &'w mut [PingFact<'a>],
    /// Sections of the other commands; after [`check`](super::check), ordered by host
    /// (in the order hosts were first seen) and kind.
    pub sections: &'w mut [HostSection<'a>],
}

/// What the collection pass filled in.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Counts {
    pub hosts: usize,
    pub rows: usize,
    pub pings: usize,
    pub sections: usize,
}

fn capacity(what: u64, have: usize) -> Error {
    Error {
        kind: ErrorKind::Capacity,
        line: 0,
        column: 0,
        offset: usize::try_from(what).unwrap_or(usize::MAX).max(have),
    }
}

/// Reads every source into the workspace: hosts, their rows (duplicates of a table
/// pasted twice marked), their pings.
pub(crate) fn collect<'a>(
    sources: &[Source<'a>],
    ws: &mut Workspace<'a, '_>,
) -> Result<Counts, Error> {
    let mut c = Counts::default();
    for (si, src) in sources.iter().enumerate() {
        let source = u32::try_from(si).unwrap_or(u32::MAX);
        let hosts_before = c.hosts;
        for s in transcript::parse(src.text).sections() {
            let name = match (s.host, src.name) {
                (Some(h), _) => HostName::Named(h),
                (None, n) if !n.is_empty() => HostName::Named(n),
                _ => HostName::Numbered(source.saturating_add(1)),
            };
            let h = match ws
                .hosts
                .get(..c.hosts)
                .and_then(|hs| hs.iter().position(|x| x.name == name))
            {
                Some(h) => h,
                None => {
                    let slot = {
                        let cap = ws.hosts.len();
                        ws.hosts.get_mut(c.hosts).ok_or(capacity(0, cap))?
                    };
                    *slot = Host {
                        name,
                        source,
                        ..Host::EMPTY
                    };
                    c.hosts = c.hosts.saturating_add(1);
                    c.hosts.saturating_sub(1)
                }
            };
            match s.kind {
                SectionKind::Vmknic => {
                    let Some(table) = s.vmknic() else { continue };
                    if let Some(host) = ws.hosts.get_mut(h) {
                        host.table = host.table.or(Some((source, s.line)));
                    }
                    for row in table.rows() {
                        let slot = {
                            let cap = ws.rows.len();
                            ws.rows.get_mut(c.rows).ok_or(capacity(0, cap))?
                        };
                        *slot = Row {
                            row,
                            host: h,
                            source,
                            seq: c.rows,
                            tags: None,
                            vmotion: false,
                            duplicate: false,
                        };
                        c.rows = c.rows.saturating_add(1);
                    }
                }
                SectionKind::Vmkping => {
                    let Some(run) = s.vmkping() else { continue };
                    let slot = {
                        let cap = ws.pings.len();
                        ws.pings.get_mut(c.pings).ok_or(capacity(0, cap))?
                    };
                    *slot = PingFact::of(&run, h, source);
                    c.pings = c.pings.saturating_add(1);
                }
                #[cfg(feature = "esxi-commands")]
                SectionKind::DiagPing => {
                    let Some(run) = s.diag_ping() else { continue };
                    let cap = ws.pings.len();
                    *ws.pings.get_mut(c.pings).ok_or(capacity(0, cap))? =
                        PingFact::of(&run, h, source);
                    c.pings = c.pings.saturating_add(1);
                }
                k if HostSection::keeps(k) => {
                    let cap = ws.sections.len();
                    *ws.sections.get_mut(c.sections).ok_or(capacity(0, cap))? = HostSection {
                        host: h,
                        source,
                        section: s,
                    };
                    c.sections = c.sections.saturating_add(1);
                }
                _ => {}
            }
        }
        // A paste with nothing vmkcheck reads is still a host: its vMotion interface is
        // then unknown (an unverified finding), never silently "ready".
        if c.hosts == hosts_before && transcript::parse(src.text).sections().next().is_none() {
            let name = if src.name.is_empty() {
                HostName::Numbered(source.saturating_add(1))
            } else {
                HostName::Named(src.name)
            };
            if ws
                .hosts
                .get(..c.hosts)
                .is_none_or(|hs| hs.iter().all(|x| x.name != name))
            {
                let cap = ws.hosts.len();
                *ws.hosts.get_mut(c.hosts).ok_or(capacity(0, cap))? = Host {
                    name,
                    source,
                    ..Host::EMPTY
                };
                c.hosts = c.hosts.saturating_add(1);
            }
        }
    }
    group_rows(ws, c.rows, c.hosts);
    group_sections(ws, c.sections, c.hosts);
    Ok(c)
}

/// Orders the other commands' sections by host, kind and position, and records each
/// host's range. O(S log S).
fn group_sections(ws: &mut Workspace<'_, '_>, n: usize, hosts: usize) {
    let Some(sections) = ws.sections.get_mut(..n) else {
        return;
    };
    sections.sort_unstable_by_key(|s| (s.host, s.section.kind, s.source, s.section.line));
    let mut start = 0usize;
    for h in 0..hosts {
        let len = sections
            .get(start..)
            .map_or(0, |ss| ss.iter().take_while(|s| s.host == h).count());
        if let Some(host) = ws.hosts.get_mut(h) {
            host.sections = (start, start.saturating_add(len));
        }
        start = start.saturating_add(len);
    }
}

/// `vmk2` before `vmk10`.
pub(crate) fn interface_order(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Same interface, family and address: the same row pasted twice.
fn same_row(a: &Row<'_>, b: &Row<'_>) -> Ordering {
    a.host
        .cmp(&b.host)
        .then_with(|| a.row.interface.cmp(b.row.interface))
        .then_with(|| a.row.family.cmp(&b.row.family))
        .then_with(|| a.row.address.cmp(&b.row.address))
}

/// Marks repeated rows, then orders rows by host (keeping table order) and records
/// each host's range. O(R log R).
fn group_rows(ws: &mut Workspace<'_, '_>, n: usize, hosts: usize) {
    let Some(rows) = ws.rows.get_mut(..n) else {
        return;
    };
    rows.sort_unstable_by(|a, b| same_row(a, b).then_with(|| a.seq.cmp(&b.seq)));
    for i in 1..rows.len() {
        let dup = matches!((rows.get(i.saturating_sub(1)), rows.get(i)), (Some(a), Some(b)) if same_row(a, b) == Ordering::Equal);
        if let Some(r) = rows.get_mut(i) {
            r.duplicate = dup;
        }
    }
    // Duplicates sort last within their host (ranges cover the rest); an interface's
    // rows are adjacent, interfaces in natural order, so lookups are binary searches.
    rows.sort_unstable_by(|a, b| {
        a.host
            .cmp(&b.host)
            .then_with(|| a.duplicate.cmp(&b.duplicate))
            .then_with(|| interface_order(a.row.interface, b.row.interface))
            .then_with(|| a.seq.cmp(&b.seq))
    });
    let mut start = 0usize;
    for h in 0..hosts {
        let len = rows
            .get(start..)
            .map_or(0, |rs| rs.iter().take_while(|r| r.host == h).count());
        let kept = rows
            .get(start..start.saturating_add(len))
            .map_or(0, |rs| rs.iter().filter(|r| !r.duplicate).count());
        if let Some(host) = ws.hosts.get_mut(h) {
            host.rows = (start, start.saturating_add(kept));
        }
        start = start.saturating_add(len);
    }
}
