//! The evaluation pass: from collected hosts, rows and pings to findings.

use core::cmp::Ordering;

use super::finding::{Finding, HostName};
use super::model::{self, Host, HostSection, PingFact, Row, Source, Workspace};
#[cfg(feature = "esxi-commands")]
use super::switch;
use super::{facts as facts_rules, host, pair, path, ping};
use crate::Error;
use crate::facts::{Facts, Tags, Version};
use crate::transcript::SectionKind;
use crate::vmknic::Family;

/// What [`check`] filled in: the first `hosts` hosts of the workspace (sorted by name)
/// and the first `rows` rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Hosts found.
    pub hosts: usize,
    /// Rows read (duplicates included).
    pub rows: usize,
    /// Ping runs read.
    pub pings: usize,
}

/// Everything the rules read: a read-only view of the filled workspace.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Model<'m, 'a> {
    pub hosts: &'m [Host<'a>],
    pub rows: &'m [Row<'a>],
    /// Row indices with an address, sorted by address text.
    pub index: &'m [usize],
    /// Pings sorted by path (source interface, peer).
    pub pings: &'m [PingFact<'a>],
    /// The other commands' sections, ordered by host and kind.
    #[cfg_attr(not(feature = "esxi-commands"), allow(dead_code))]
    pub sections: &'m [HostSection<'a>],
    pub facts: Option<&'m Facts<'a>>,
}

impl<'m, 'a> Model<'m, 'a> {
    pub fn host(&self, h: usize) -> Option<&'m Host<'a>> {
        self.hosts.get(h)
    }

    /// A host's rows (duplicates of a table pasted twice left out).
    pub fn rows_of(&self, h: usize) -> &'m [Row<'a>] {
        self.hosts
            .get(h)
            .and_then(|x| self.rows.get(x.rows.0..x.rows.1))
            .unwrap_or(&[])
    }

    /// A host's vMotion rows (each address of each vMotion interface).
    pub fn vmotion_rows(
        &self,
        h: usize,
    ) -> impl Iterator<Item = (usize, &'m Row<'a>)> + Clone + use<'m, 'a> {
        let start = self.hosts.get(h).map_or(0, |x| x.rows.0);
        self.rows_of(h)
            .iter()
            .enumerate()
            .filter(|(_, r)| r.vmotion)
            .map(move |(i, r)| (start.saturating_add(i), r))
    }

    /// A host's interfaces: each the adjacent rows of one vmk.
    pub fn interfaces(
        &self,
        h: usize,
    ) -> impl Iterator<Item = &'m [Row<'a>]> + Clone + use<'m, 'a> {
        self.rows_of(h)
            .chunk_by(|a, b| a.row.interface == b.row.interface)
    }

    /// One row per vMotion interface (its first row): the sources of paths.
    pub fn vmotion_interfaces(
        &self,
        h: usize,
    ) -> impl Iterator<Item = (usize, &'m Row<'a>)> + Clone + use<'m, 'a> {
        let start = self.hosts.get(h).map_or(0, |x| x.rows.0);
        let rows = self.rows_of(h);
        rows.iter()
            .enumerate()
            .filter(move |(i, r)| {
                r.vmotion
                    && (*i == 0
                        || rows
                            .get(i.saturating_sub(1))
                            .is_none_or(|p| p.row.interface != r.row.interface))
            })
            .map(move |(i, r)| (start.saturating_add(i), r))
    }

    /// The rows of one interface of a host, and the index of the first (the
    /// interface's id). Binary search: rows are sorted by interface.
    pub fn interface_rows(&self, h: usize, interface: &str) -> (usize, &'m [Row<'a>]) {
        let start = self.hosts.get(h).map_or(0, |x| x.rows.0);
        let rows = self.rows_of(h);
        let order = |r: &Row<'_>| super::model::interface_order(r.row.interface, interface);
        let from = rows.partition_point(|r| order(r) == Ordering::Less);
        let to = rows.partition_point(|r| order(r) != Ordering::Greater);
        (
            start.saturating_add(from),
            rows.get(from..to).unwrap_or(&[]),
        )
    }

    /// The id (first row index) of an interface of a host.
    pub fn interface_id(&self, h: usize, interface: &str) -> Option<usize> {
        let (id, rows) = self.interface_rows(h, interface);
        (!rows.is_empty()).then_some(id)
    }

    /// Rows whose address reads `text` (text equality: redacted addresses match too).
    pub fn rows_with_address(&self, text: &str) -> impl Iterator<Item = usize> + use<'m, 'a> {
        let rows = self.rows;
        let addr = |i: &usize| rows.get(*i).and_then(|r| r.row.address).unwrap_or("");
        let from = self.index.partition_point(|i| addr(i) < text);
        let to = self.index.partition_point(|i| addr(i) <= text);
        self.index.get(from..to).unwrap_or(&[]).iter().copied()
    }

    pub fn name(&self, h: usize) -> HostName<'a> {
        self.hosts.get(h).map_or(HostName::Numbered(0), |x| x.name)
    }

    /// The host's first vMotion row of a family.
    pub fn vmotion_row_of(&self, h: usize, family: Family) -> Option<&'m Row<'a>> {
        let i = self
            .hosts
            .get(h)?
            .vmotion_by_family
            .get(usize::from(family == Family::Ipv6))
            .copied()
            .flatten()?;
        self.rows.get(i)
    }

    /// Its vMotion interfaces are on the vmotion netstack.
    pub fn stack_based(&self, h: usize) -> bool {
        self.hosts.get(h).is_some_and(|x| x.stack_based)
    }

    /// A host's sections of one kind, in the order pasted.
    #[cfg_attr(not(feature = "esxi-commands"), allow(dead_code))]
    pub fn sections_of(
        &self,
        h: usize,
        kind: SectionKind,
    ) -> impl Iterator<Item = &'m HostSection<'a>> + Clone + use<'m, 'a> {
        host_sections(self.sections, self.hosts.get(h), kind)
    }

    /// A host's ESXi version, with where it was read: its `vmware -v` / `esxcli system
    /// version get` output (the last pasted), else the facts' `esxi_version`.
    pub fn esxi_version(&self, h: usize) -> Option<(Version, Option<(u32, u32)>)> {
        #[cfg(not(feature = "esxi-commands"))]
        let pasted = None;
        #[cfg(feature = "esxi-commands")]
        let pasted = self
            .sections_of(h, SectionKind::Version)
            .filter_map(|s| {
                let v = s.section.version()?;
                let n = v.number()?;
                let version = Version {
                    major: u8::try_from(n.major).unwrap_or(u8::MAX),
                    minor: u8::try_from(n.minor).unwrap_or(u8::MAX),
                };
                Some((version, Some((s.source, v.line.unwrap_or(s.section.line)))))
            })
            .last();
        pasted.or_else(|| {
            let v = self.host(h)?.facts?.esxi_version?;
            Some((v, None))
        })
    }

    pub fn source(&self, h: usize) -> u32 {
        self.hosts.get(h).map_or(0, |x| x.source)
    }
}

/// Runs every rule of the catalogue over the sources; each finding goes to `sink`, in
/// no particular order (sort with [`Finding::report_order`]).
///
/// # Errors
/// [`ErrorKind::Capacity`](crate::ErrorKind::Capacity) when a buffer of `ws` is too small
/// (size them with [`needs`](super::needs)).
pub fn check<'a>(
    sources: &[Source<'a>],
    facts: Option<&Facts<'a>>,
    ws: &mut Workspace<'a, '_>,
    sink: &mut dyn FnMut(Finding<'a>),
) -> Result<Checked, Error> {
    let c = model::collect(sources, ws)?;
    for h in 0..c.hosts {
        annotate(ws, h, facts);
    }
    // The index buffer first serves as scratch: rows ordered by subnet.
    let grouped = order_by_subnet(ws, c.rows)?;
    {
        let m = Model {
            hosts: ws.hosts.get(..c.hosts).unwrap_or(&[]),
            rows: ws.rows.get(..c.rows).unwrap_or(&[]),
            index: &[],
            pings: &[],
            sections: &[],
            facts,
        };
        host::multihoming_same_subnet(&m, ws.index.get(..grouped).unwrap_or(&[]), sink);
    }
    let indexed = build_index(ws, c.rows)?;
    {
        let hosts = ws.hosts.get(..c.hosts).unwrap_or(&[]);
        let rows = ws.rows.get(..c.rows).unwrap_or(&[]);
        let index = ws.index.get(..indexed).unwrap_or(&[]);
        let view = Model {
            hosts,
            rows,
            index,
            pings: &[],
            sections: &[],
            facts,
        };
        for p in ws.pings.get_mut(..c.pings).unwrap_or(&mut []) {
            ping::resolve(&view, p, sink);
        }
    }
    let pings = ws.pings.get_mut(..c.pings).unwrap_or(&mut []);
    pings.sort_unstable_by(|a, b| {
        path_key(a)
            .cmp(&path_key(b))
            .then_with(|| (a.source, a.line).cmp(&(b.source, b.line)))
    });
    evaluate(ws, c, indexed, facts, sink);
    if let Some(hosts) = ws.hosts.get_mut(..c.hosts) {
        hosts.sort_unstable_by(|x, y| x.name.cmp(&y.name));
    }
    Ok(Checked {
        hosts: c.hosts,
        rows: c.rows,
        pings: c.pings,
    })
}

/// Runs the rules over the filled workspace.
fn evaluate<'a>(
    ws: &Workspace<'a, '_>,
    c: model::Counts,
    indexed: usize,
    facts: Option<&Facts<'a>>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let m = Model {
        hosts: ws.hosts.get(..c.hosts).unwrap_or(&[]),
        rows: ws.rows.get(..c.rows).unwrap_or(&[]),
        index: ws.index.get(..indexed).unwrap_or(&[]),
        pings: ws.pings.get(..c.pings).unwrap_or(&[]),
        sections: ws.sections.get(..c.sections).unwrap_or(&[]),
        facts,
    };
    for h in 0..c.hosts {
        host::check(&m, h, sink);
        #[cfg(feature = "esxi-commands")]
        switch::check(&m, h, sink);
    }
    host::duplicate_addresses(&m, sink);
    facts_rules::check_hosts(&m, sink);
    for a in 0..c.hosts {
        for b in a.saturating_add(1)..c.hosts {
            pair::check(&m, a, b, sink);
            facts_rules::check_pair(&m, a, b, sink);
        }
    }
    for a in 0..c.hosts {
        for (i, _) in m.vmotion_interfaces(a) {
            for b in (0..c.hosts).filter(|b| *b != a) {
                let key = (Some(i), Some(b));
                let from = m.pings.partition_point(|p| path_key(p) < key);
                let to = m.pings.partition_point(|p| path_key(p) <= key);
                let pings = m.pings.get(from..to).unwrap_or(&[]);
                path::check(&m, a, i, b, pings, sink);
            }
        }
    }
}

/// The sections of `host` of one kind (sections are ordered by host, then kind).
#[cfg_attr(not(feature = "esxi-commands"), allow(dead_code))]
fn host_sections<'m, 'a>(
    sections: &'m [HostSection<'a>],
    host: Option<&Host<'a>>,
    kind: SectionKind,
) -> impl Iterator<Item = &'m HostSection<'a>> + Clone + use<'m, 'a> {
    let own = host
        .and_then(|x| sections.get(x.sections.0..x.sections.1))
        .unwrap_or(&[]);
    let from = own.partition_point(|s| s.section.kind < kind);
    let to = own.partition_point(|s| s.section.kind <= kind);
    own.get(from..to).unwrap_or(&[]).iter()
}

/// The service tags `esxcli network ip interface tag get` printed for `interface` (the
/// last such output pasted); `None` when none names it.
#[cfg(feature = "esxi-commands")]
fn pasted_tags(
    sections: &[HostSection<'_>],
    host: Option<&Host<'_>>,
    interface: &str,
) -> Option<Tags> {
    host_sections(sections, host, SectionKind::Tags)
        .filter_map(|s| s.section.tags())
        .filter(|t| t.interface == Some(interface))
        .last()
        .map(|t| {
            t.tags()
                .filter_map(Tags::from_name)
                .fold(Tags::EMPTY, |acc, t| acc | t)
        })
}

/// True when the host's tags are known: from a pasted `tag get` naming its interface,
/// or from the facts.
#[cfg(not(feature = "esxi-commands"))]
fn pasted_tags(_: &[HostSection<'_>], _: Option<&Host<'_>>, _: &str) -> Option<Tags> {
    None
}

pub(crate) fn tags_known(m: &Model<'_, '_>, h: usize) -> bool {
    #[cfg(feature = "esxi-commands")]
    let pasted = m
        .sections_of(h, SectionKind::Tags)
        .filter_map(|s| s.section.tags())
        .any(|t| t.interface.is_some());
    #[cfg(not(feature = "esxi-commands"))]
    let pasted = false;
    pasted
        || m.host(h)
            .and_then(|x| x.facts)
            .is_some_and(|f| f.has_tags())
}

fn path_key(p: &PingFact<'_>) -> (Option<usize>, Option<usize>) {
    if p.evidence {
        (p.from, p.peer)
    } else {
        (None, None)
    }
}

/// Facts and tags of a host's rows; which of them are vMotion interfaces.
fn annotate<'a>(ws: &mut Workspace<'a, '_>, h: usize, facts: Option<&Facts<'a>>) {
    let Some(host) = ws.hosts.get_mut(h) else {
        return;
    };
    let name = host.name;
    host.facts = facts.and_then(|f| name.with_text(|n| f.host(n)));
    let hf = host.facts;
    let (start, end) = host.rows;
    let host = *host;
    let Some(rows) = ws.rows.get_mut(start..end) else {
        return;
    };
    // What ESXi printed wins over what the facts say.
    for r in rows.iter_mut() {
        r.tags = pasted_tags(ws.sections, Some(&host), r.row.interface)
            .or_else(|| hf.and_then(|f| f.tags(r.row.interface)));
    }
    let enabled = |r: &Row<'_>| r.row.enabled != Some(false);
    let on_stack = rows.iter().any(|r| r.on_netstack("vmotion") && enabled(r));
    let mut by_family = [None, None];
    for (i, r) in rows.iter_mut().enumerate() {
        r.vmotion = enabled(r)
            && if on_stack {
                r.on_netstack("vmotion")
            } else {
                r.tags.is_some_and(|t| t.contains(Tags::VMOTION))
            };
        let slot = by_family.get_mut(usize::from(r.row.family == Family::Ipv6));
        if let Some(slot) =
            slot.filter(|s| s.is_none() && r.vmotion && r.usable_address().is_some())
        {
            *slot = Some(start.saturating_add(i));
        }
    }
    if let Some(host) = ws.hosts.get_mut(h) {
        host.stack_based = on_stack;
        host.vmotion_by_family = by_family;
    }
}

fn capacity(len: usize) -> Error {
    Error {
        kind: crate::ErrorKind::Capacity,
        line: 0,
        column: 0,
        offset: len,
    }
}

/// Fills the index buffer with the rows that have a valid address and prefix, ordered
/// by (host, netstack, network): each subnet of a host is adjacent.
fn order_by_subnet(ws: &mut Workspace<'_, '_>, rows: usize) -> Result<usize, Error> {
    let mut n = 0usize;
    for (i, r) in ws.rows.get(..rows).unwrap_or(&[]).iter().enumerate() {
        if r.duplicate || host::network(r).is_none() || r.usable_address().is_none() {
            continue;
        }
        let cap = ws.index.len();
        *ws.index.get_mut(n).ok_or(capacity(cap))? = i;
        n = n.saturating_add(1);
    }
    let all = &*ws.rows;
    let key = |i: &usize| {
        all.get(*i).map(|r| {
            (
                r.host,
                r.row.netstack.unwrap_or("defaultTcpipStack"),
                host::network(r),
                *i,
            )
        })
    };
    if let Some(index) = ws.index.get_mut(..n) {
        index.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
    }
    Ok(n)
}

/// Fills the address index with every row that has an address; sorted by text.
fn build_index(ws: &mut Workspace<'_, '_>, rows: usize) -> Result<usize, Error> {
    let mut n = 0usize;
    for (i, r) in ws.rows.get(..rows).unwrap_or(&[]).iter().enumerate() {
        if r.row.address.is_none() || r.duplicate {
            continue;
        }
        let cap = ws.index.len();
        let slot = ws.index.get_mut(n).ok_or(capacity(cap))?;
        *slot = i;
        n = n.saturating_add(1);
    }
    let all = &*ws.rows;
    let addr = |i: &usize| all.get(*i).and_then(|r| r.row.address).unwrap_or("");
    if let Some(index) = ws.index.get_mut(..n) {
        index.sort_unstable_by(|a, b| addr(a).cmp(addr(b)).then_with(|| a.cmp(b)));
    }
    Ok(n)
}

/// The family a payload header size is taken from.
pub(crate) fn header_bytes(family: Family) -> u32 {
    match family {
        Family::Ipv4 => 28,
        Family::Ipv6 => 48,
    }
}
