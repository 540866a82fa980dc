//! `esxcfg-vmknic -l`: every layout since ESX 4, read by header position and value shape.
//!
//! Each row is first cut at the byte positions of the header's titles (padding is by
//! bytes, so non-ASCII port-group names line up) and every value is confirmed by its
//! shape. When a row does not line up — shifted by hand, blanks collapsed by a blog
//! engine, a TAB pasted into a value, no header at all — it is read by shape alone,
//! anchored on the MAC address and the `IP Family` token, and a `row_misaligned`
//! diagnostic says so. A `vmkN` line that cannot be read either way is a
//! `row_unreadable` diagnostic; no row is dropped silently.
//!
//! ```
//! let text = "\
//! Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type
//! vmk1       vMotion             IPv4      192.0.2.11                              255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 9000    65535     true    STATIC
//! ";
//! let table = vmkcheck_core::vmknic::parse(text)?;
//! let row = table.rows().next().unwrap();
//! assert_eq!((row.interface, row.portgroup, row.mtu), ("vmk1", Some("vMotion"), Some(9000)));
//! assert_eq!((row.prefix_len, row.netstack, row.line), (Some(24), None, 2));
//! # Ok::<(), vmkcheck_core::Error>(())
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::lines::{Line, Lines};
use crate::shape;
use crate::{Error, ErrorKind};

/// IP family of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// `IPv4`
    Ipv4,
    /// `IPv6`
    Ipv6,
}

impl Family {
    /// `"ipv4"` or `"ipv6"`, as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ipv4 => "ipv4",
            Self::Ipv6 => "ipv6",
        }
    }
}

/// What the port-group column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PortgroupKind {
    /// A standard-switch port-group name.
    Name,
    /// A distributed-switch port number.
    Dvport,
    /// An NSX opaque-network UUID.
    Opaque,
}

impl PortgroupKind {
    /// `"name"`, `"dvport"` or `"opaque"`, as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Dvport => "dvport",
            Self::Opaque => "opaque",
        }
    }

    /// Classifies a port-group value by its shape.
    pub fn of(value: &str) -> Self {
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            Self::Dvport
        } else if shape::is_uuid(value) {
            Self::Opaque
        } else {
            Self::Name
        }
    }
}

// Bits of `VmknicRow::notes`: doubts found while reading the row.
const MISALIGNED: u8 = 1;
const WHITESPACE: u8 = 1 << 1;
const BAD_ADDRESS: u8 = 1 << 2;
const BAD_NETMASK: u8 = 1 << 3;
const BAD_BROADCAST: u8 = 1 << 4;

/// One row of `esxcfg-vmknic -l` (one address of one interface). Strings borrow the input.
///
/// Columns missing from older layouts are `None`; `address`, `netmask` and `broadcast`
/// are the text as printed (`None` for empty or `N/A`), valid or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VmknicRow<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// `vmkN`.
    pub interface: &'a str,
    /// Port group name, DVPort number or opaque-network UUID.
    pub portgroup: Option<&'a str>,
    /// What `portgroup` holds.
    pub portgroup_kind: Option<PortgroupKind>,
    /// From the `IP Family` column, else from the address's shape.
    pub family: Family,
    /// IP address as printed.
    pub address: Option<&'a str>,
    /// Netmask as printed (the prefix length on IPv6 rows).
    pub netmask: Option<&'a str>,
    /// Prefix length derived from the netmask (IPv4) or the prefix column (IPv6).
    pub prefix_len: Option<u8>,
    /// Broadcast as printed (empty on IPv6 rows).
    pub broadcast: Option<&'a str>,
    /// MAC address.
    pub mac: Option<&'a str>,
    /// MTU.
    pub mtu: Option<u32>,
    /// TSO MSS.
    pub tso_mss: Option<u32>,
    /// Enabled.
    pub enabled: Option<bool>,
    /// Type as printed: `STATIC`, `DHCP`, `STATIC, PREFERRED`, `NONE`.
    pub type_: Option<&'a str>,
    /// NetStack instance (`defaultTcpipStack`, `vmotion`, …); `None` on layouts before 5.5.
    pub netstack: Option<&'a str>,
    notes: u8,
}

impl VmknicRow<'static> {
    /// An empty row, to fill caller-provided buffers with.
    pub const EMPTY: Self = Self {
        line: 0,
        interface: "",
        portgroup: None,
        portgroup_kind: None,
        family: Family::Ipv4,
        address: None,
        netmask: None,
        prefix_len: None,
        broadcast: None,
        mac: None,
        mtu: None,
        tso_mss: None,
        enabled: None,
        type_: None,
        netstack: None,
        notes: 0,
    };
}

impl<'a> VmknicRow<'a> {
    /// True when the row was read by value shapes because it did not line up.
    pub fn misaligned(&self) -> bool {
        self.notes & MISALIGNED != 0
    }

    /// The diagnostics this row raises (unparseable addresses, misalignment…).
    pub fn diagnostics(&self) -> RowDiagnostics<'a> {
        RowDiagnostics { row: *self, bit: 1 }
    }
}

/// Diagnostics of one row, in a fixed order.
#[derive(Clone, Debug)]
pub struct RowDiagnostics<'a> {
    row: VmknicRow<'a>,
    bit: u8,
}

impl<'a> Iterator for RowDiagnostics<'a> {
    type Item = Diagnostic<'a>;

    fn next(&mut self) -> Option<Diagnostic<'a>> {
        while self.bit != 0 && self.bit <= BAD_BROADCAST {
            let bit = self.bit;
            self.bit = self.bit.checked_shl(1).unwrap_or(0);
            if self.row.notes & bit == 0 {
                continue;
            }
            let r = &self.row;
            let d = Diagnostic::new(DiagnosticKind::AddressUnparseable, r.line);
            return Some(match bit {
                MISALIGNED => Diagnostic::new(DiagnosticKind::RowMisaligned, r.line)
                    .with_text(r.interface, ""),
                WHITESPACE => Diagnostic::new(DiagnosticKind::WhitespaceInValue, r.line)
                    .with_text(r.interface, first_with_blank(r)),
                BAD_ADDRESS => d.with_text(r.interface, r.address.unwrap_or("")),
                BAD_NETMASK => d
                    .with_text(r.interface, r.netmask.unwrap_or(""))
                    .with_numbers(1, 0),
                _ => d
                    .with_text(r.interface, r.broadcast.unwrap_or(""))
                    .with_numbers(2, 0),
            });
        }
        None
    }
}

fn first_with_blank<'a>(r: &VmknicRow<'a>) -> &'a str {
    [r.address, r.netmask, r.broadcast, r.mac]
        .into_iter()
        .flatten()
        .find(|v| v.contains(|c: char| c.is_ascii_whitespace()))
        .unwrap_or("")
}

/// A column of the table, as named by a header title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Interface,
    PortGroup,
    Family,
    Address,
    Netmask,
    Broadcast,
    Mac,
    Mtu,
    TsoMss,
    Enabled,
    Type,
    NetStack,
    Unknown,
}

/// Titles in match order: longer titles before their prefixes.
const TITLES: [(&str, Column); 17] = [
    ("Port Group/DVPort/Opaque Network", Column::PortGroup),
    ("Port Group/DVPort", Column::PortGroup),
    ("Port Group", Column::PortGroup),
    ("PortGroup", Column::PortGroup),
    ("DVPort", Column::PortGroup),
    ("Interface", Column::Interface),
    ("IP Family", Column::Family),
    ("IP Address", Column::Address),
    ("Netmask", Column::Netmask),
    ("Broadcast", Column::Broadcast),
    ("MAC Address", Column::Mac),
    ("MAC", Column::Mac),
    ("MTU", Column::Mtu),
    ("TSO MSS", Column::TsoMss),
    ("Enabled", Column::Enabled),
    ("Type", Column::Type),
    ("NetStack", Column::NetStack),
];

const MAX_COLUMNS: usize = 16;

/// A parsed header: column kinds and their byte positions relative to `Interface`.
#[derive(Clone, Copy, Debug)]
struct Header<'a> {
    cols: [(Column, usize); MAX_COLUMNS],
    len: usize,
    unknown: Option<&'a str>,
    /// Every gap between titles is one blank: positions mean nothing.
    collapsed: bool,
}

impl<'a> Header<'a> {
    /// Reads a header line; `None` if the line is not one.
    fn parse(text: &'a str) -> Option<Self> {
        let body = text.trim_start();
        if !body.starts_with("Interface") {
            return None;
        }
        let mut h = Header {
            cols: [(Column::Unknown, 0); MAX_COLUMNS],
            len: 0,
            unknown: None,
            collapsed: false,
        };
        let mut known = 0usize;
        let mut pos = 0usize;
        while let Some(rest) = body.get(pos..) {
            let trimmed = rest.trim_start();
            if trimmed.is_empty() {
                break;
            }
            pos = pos.saturating_add(rest.len().saturating_sub(trimmed.len()));
            let title = TITLES.iter().find(|(t, _)| {
                trimmed.starts_with(t)
                    && trimmed.get(t.len()..).is_some_and(|after| {
                        after.is_empty() || after.starts_with(char::is_whitespace)
                    })
            });
            let (col, width) = match title {
                Some((t, c)) => (*c, t.len()),
                None => {
                    let w = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
                    h.unknown = h.unknown.or(trimmed.get(..w));
                    (Column::Unknown, w)
                }
            };
            if col != Column::Unknown {
                known = known.saturating_add(1);
            }
            // Past MAX_COLUMNS columns the rest is ignored; rows still read by shape.
            if let Some(slot) = h.cols.get_mut(h.len) {
                *slot = (col, pos);
                h.len = h.len.saturating_add(1);
            }
            pos = pos.saturating_add(width);
        }
        // ESXi pads every title to its column's width; one blank after each is a sign
        // the paste's blanks were collapsed.
        h.collapsed = h.len > 3 && !body.trim_end().contains("  ");
        (known >= 3
            && h.has(Column::Interface)
            && (h.has(Column::Address) || h.has(Column::Netmask)))
        .then_some(h)
    }

    fn columns(&self) -> &[(Column, usize)] {
        self.cols.get(..self.len).unwrap_or(&[])
    }

    fn has(&self, c: Column) -> bool {
        self.columns().iter().any(|(k, _)| *k == c)
    }
}

/// Raw values of one row, before shapes are confirmed.
#[derive(Clone, Copy, Debug, Default)]
struct Fields<'a> {
    interface: &'a str,
    portgroup: Option<&'a str>,
    family: Option<&'a str>,
    address: Option<&'a str>,
    netmask: Option<&'a str>,
    broadcast: Option<&'a str>,
    mac: Option<&'a str>,
    mtu: Option<&'a str>,
    tso_mss: Option<&'a str>,
    enabled: Option<&'a str>,
    type_: Option<&'a str>,
    netstack: Option<&'a str>,
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn has_blank(s: &str) -> bool {
    s.contains(|c: char| c.is_ascii_whitespace())
}

/// A MAC, possibly redacted: 17 characters with `:` or `-` every third.
fn is_mac_like(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 17
        && [2usize, 5, 8, 11, 14]
            .iter()
            .all(|i| matches!(b.get(*i), Some(b':' | b'-')))
}

fn is_address_value(s: &str) -> bool {
    shape::is_addressish(s) || shape::is_not_applicable(s)
}

fn is_netmask_value(s: &str) -> bool {
    is_address_value(s) || shape::ipv6_prefix_len(s).is_some()
}

/// Cuts `row` at the header's positions and confirms every value's shape.
fn by_position<'a>(row: &'a str, h: &Header<'_>) -> Option<Fields<'a>> {
    let body = row.trim_start();
    let cols = h.columns();
    let mut f = Fields::default();
    for (i, (col, start)) in cols.iter().enumerate() {
        let end = cols
            .get(i.saturating_add(1))
            .map_or(body.len(), |(_, s)| *s);
        let (start, end) = (*start, end.min(body.len()));
        if start >= body.len() {
            break; // row cut short: the remaining columns are absent
        }
        // A value must not straddle a column boundary.
        if i > 0 {
            let prev = body.as_bytes().get(start.checked_sub(1)?)?;
            let here = body.as_bytes().get(start)?;
            if !prev.is_ascii_whitespace() && !here.is_ascii_whitespace() {
                return None;
            }
        }
        let value = non_empty(body.get(start..end)?);
        match col {
            Column::Interface => f.interface = value.filter(|v| shape::is_vmk(v))?,
            Column::PortGroup => f.portgroup = value,
            Column::Family => f.family = Some(value.filter(|v| shape::is_family(v))?),
            Column::Address => f.address = Some(value.filter(|v| is_address_value(v))?),
            Column::Netmask => {
                if value.is_some_and(|v| !is_netmask_value(v)) {
                    return None;
                }
                f.netmask = value;
            }
            Column::Broadcast => f.broadcast = value,
            Column::Mac => f.mac = value,
            Column::Mtu => f.mtu = value,
            Column::TsoMss => f.tso_mss = value,
            Column::Enabled => f.enabled = value,
            Column::Type => f.type_ = value,
            Column::NetStack => f.netstack = value,
            Column::Unknown => {}
        }
    }
    let single = |v: Option<&str>| v.is_none_or(|v| !has_blank(v));
    let ok = !f.interface.is_empty()
        && single(f.address)
        && single(f.netmask)
        && f.broadcast
            .is_none_or(|b| is_address_value(b) && !has_blank(b))
        && f.mac.is_none_or(is_mac_like)
        && f.mtu.is_none_or(|v| shape::parse_u32(v).is_some())
        && f.tso_mss.is_none_or(|v| shape::parse_u32(v).is_some())
        && f.enabled.is_none_or(|v| shape::parse_bool(v).is_some())
        && f.type_
            .is_none_or(|v| v.split_whitespace().all(shape::is_type_word))
        && single(f.netstack);
    ok.then_some(f)
}

const MAX_TOKENS: usize = 48;

/// Splits a row into blank-separated token spans (byte ranges of `row`).
fn tokens(row: &str, out: &mut [(usize, usize); MAX_TOKENS]) -> Option<usize> {
    let mut n = 0usize;
    let mut start: Option<usize> = None;
    for (i, b) in row
        .bytes()
        .enumerate()
        .chain(core::iter::once((row.len(), b' ')))
    {
        match (b.is_ascii_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                *out.get_mut(n)? = (s, i);
                n = n.checked_add(1)?;
                start = None;
            }
            _ => {}
        }
    }
    Some(n)
}

/// Index of the address right before the MAC at `m`: `[family] address [netmask
/// [broadcast]]`, trying the widest form the header allows first.
fn address_before<'a>(
    tok: &impl Fn(usize) -> Option<&'a str>,
    m: usize,
    family: bool,
    netmask: bool,
    broadcast: bool,
) -> Option<usize> {
    // An IP Family token pins the address exactly.
    if family
        && let Some(fa) = (1..m).rev().find(|i| {
            tok(*i).is_some_and(shape::is_family)
                && (1..=3).contains(&m.saturating_sub(*i).saturating_sub(1))
        })
    {
        return Some(fa.saturating_add(1));
    }
    let widths: &[usize] = match (netmask, broadcast) {
        (true, true) => &[3, 2],
        (true, false) => &[2],
        (false, _) => &[1],
    };
    widths.iter().find_map(|k| {
        let at = m.checked_sub(*k).filter(|a| *a >= 1)?;
        let mask_ok = *k < 2
            || tok(at.saturating_add(1)).is_some_and(|v| {
                is_address_value(v) || (*k == 2 && shape::ipv6_prefix_len(v).is_some())
            });
        let bcast_ok = *k < 3 || tok(at.saturating_add(2)).is_some_and(is_address_value);
        (tok(at).is_some_and(is_address_value) && mask_ok && bcast_ok).then_some(at)
    })
}

/// Reads a row by value shapes alone. `Err` says what was expected where.
fn by_shape<'a>(
    row: &'a str,
    header: Option<&Header<'_>>,
) -> Result<(Fields<'a>, bool), &'static str> {
    let mut spans = [(0usize, 0usize); MAX_TOKENS];
    let n = tokens(row, &mut spans).ok_or("more blank-separated values than any layout has")?;
    let mut merged_blank = false;
    // Re-join an address split by a pasted TAB: `192.0.2.<TAB>255`.
    let mut w = 0usize;
    for r in 0..n {
        let (s, e) = *spans.get(r).ok_or("internal")?;
        if let Some(prev) = w.checked_sub(1).and_then(|p| spans.get(p).copied()) {
            let joins = row
                .get(prev.0..prev.1)
                .is_some_and(|t| t.ends_with(['.', ':']))
                && row.get(prev.1..s).is_some_and(|gap| gap.contains('\t'))
                && row
                    .get(s..e)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_hexdigit()));
            if joins {
                if let Some(p) = spans.get_mut(w.saturating_sub(1)) {
                    p.1 = e;
                }
                merged_blank = true;
                continue;
            }
        }
        if let Some(slot) = spans.get_mut(w) {
            *slot = (s, e);
        }
        w = w.saturating_add(1);
    }
    let toks = spans.get(..w).ok_or("internal")?;
    let tok = |i: usize| toks.get(i).and_then(|(s, e)| row.get(*s..*e));
    let span = |from: usize, to: usize| -> Option<&'a str> {
        // Tokens from..to (exclusive) as one slice, blanks inside kept.
        let first = toks.get(from)?;
        let last = toks.get(to.checked_sub(1)?)?;
        (from < to).then(|| row.get(first.0..last.1)).flatten()
    };

    let mut f = Fields {
        interface: tok(0)
            .filter(|t| shape::is_vmk(t))
            .ok_or("no vmkN interface name")?,
        ..Fields::default()
    };
    let has = |c: Column| header.is_none_or(|h| h.has(c));
    let mac_at = (1..w).rev().find(|i| tok(*i).is_some_and(is_mac_like));

    // The address fields: [family], address, netmask, [broadcast]. With a MAC they end
    // right before it (anchoring right keeps odd port-group names out of the way);
    // without one (old few-column layouts, rows cut short) the first address-shaped
    // value from the left starts them.
    let (addr_at, fields_end) = match mac_at {
        Some(m) => {
            let a = address_before(
                &tok,
                m,
                has(Column::Family),
                has(Column::Netmask),
                has(Column::Broadcast),
            )
            .ok_or("no IP address where the header puts it")?;
            (a, m)
        }
        None => {
            let a = (1..w)
                .find(|i| tok(*i).is_some_and(is_address_value))
                .ok_or("no IP address where the header puts it")?;
            let mut end = a.saturating_add(1);
            if has(Column::Netmask) && tok(end).is_some_and(is_netmask_value) {
                end = end.saturating_add(1);
                if has(Column::Broadcast) && tok(end).is_some_and(is_address_value) {
                    end = end.saturating_add(1);
                }
            }
            (a, end)
        }
    };
    let family_at = addr_at
        .checked_sub(1)
        .filter(|f| *f >= 1 && has(Column::Family) && tok(*f).is_some_and(shape::is_family));
    f.family = family_at.and_then(tok);
    f.portgroup = span(1, family_at.unwrap_or(addr_at));
    f.address = tok(addr_at);
    let field = |i: usize| (i < fields_end).then(|| tok(i)).flatten();
    f.netmask = field(addr_at.saturating_add(1));
    f.broadcast = field(addr_at.saturating_add(2));
    if f.netmask.is_some_and(|m| !is_netmask_value(m)) {
        return Err("the netmask is not an address or prefix length");
    }
    if f.broadcast.is_some_and(|b| !is_address_value(b)) {
        return Err("the broadcast is not an address");
    }
    if addr_at.saturating_add(3) < fields_end {
        return Err("unexpected values before the MAC address");
    }

    // After the MAC (or the address fields): MTU, [TSO MSS], Enabled, [Type], [NetStack].
    f.mac = mac_at.and_then(tok);
    let right = mac_at.map_or(fields_end, |m| m.saturating_add(1));
    let mut i = right;
    if tok(i).and_then(shape::parse_u32).is_some() {
        f.mtu = tok(i);
        i = i.saturating_add(1);
    }
    if tok(i).and_then(shape::parse_u32).is_some() {
        f.tso_mss = tok(i);
        i = i.saturating_add(1);
    }
    if tok(i).and_then(shape::parse_bool).is_some() {
        f.enabled = tok(i);
        i = i.saturating_add(1);
    }
    let type_from = i;
    while tok(i).is_some_and(shape::is_type_word) {
        let more = tok(i).is_some_and(|t| t.ends_with(','));
        i = i.saturating_add(1);
        if !more {
            break;
        }
    }
    f.type_ = span(type_from, i);
    if i < w {
        if !has(Column::NetStack) {
            return Err("values after the last column");
        }
        f.netstack = span(i, w);
    }
    if f.mtu.is_none() && right < w {
        return Err("no MTU after the MAC address");
    }
    Ok((f, merged_blank))
}

/// Confirms shapes and converts raw fields into a row.
fn build<'a>(f: Fields<'a>, line: u32, mut notes: u8) -> VmknicRow<'a> {
    let na = |v: Option<&'a str>| v.filter(|s| !shape::is_not_applicable(s));
    let address = na(f.address);
    let netmask = na(f.netmask);
    let broadcast = na(f.broadcast);
    let family = match f.family {
        Some("IPv6") => Family::Ipv6,
        Some(_) => Family::Ipv4,
        None if address.is_some_and(|a| a.contains(':')) => Family::Ipv6,
        None => Family::Ipv4,
    };
    let valid_addr = |a: &str| match family {
        Family::Ipv4 => shape::parse_ipv4(a).is_some(),
        Family::Ipv6 => shape::parse_ipv6(a).is_some(),
    };
    let prefix_len = netmask.and_then(|m| match family {
        Family::Ipv4 => shape::ipv4_prefix_len(m),
        Family::Ipv6 => shape::ipv6_prefix_len(m),
    });
    if address.is_some_and(|a| !valid_addr(a)) {
        notes |= BAD_ADDRESS;
    }
    if netmask.is_some() && prefix_len.is_none() {
        notes |= BAD_NETMASK;
    }
    if broadcast.is_some_and(|b| shape::parse_ipv4(b).is_none()) {
        notes |= BAD_BROADCAST;
    }
    if [address, netmask, broadcast]
        .into_iter()
        .flatten()
        .any(has_blank)
    {
        notes |= WHITESPACE;
    }
    VmknicRow {
        line,
        interface: f.interface,
        portgroup: f.portgroup,
        portgroup_kind: f.portgroup.map(PortgroupKind::of),
        family,
        address,
        netmask,
        prefix_len,
        broadcast,
        mac: f.mac,
        mtu: f.mtu.and_then(shape::parse_u32),
        tso_mss: f.tso_mss.and_then(shape::parse_u32),
        enabled: f.enabled.and_then(shape::parse_bool),
        type_: f.type_,
        netstack: f.netstack,
        notes,
    }
}

/// True for `......` / `…` lines that stand for rows left out.
fn is_elision(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c == '.' || c == '…') && (t.len() >= 3 || t == "…")
}

/// The first token of a line, if it is `vmkN`.
fn starts_with_vmk(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(shape::is_vmk)
}

/// True when `text` is an `esxcfg-vmknic -l` header line.
///
/// ```
/// assert!(vmkcheck_core::vmknic::is_header("Interface  Port Group/DVPort   IP Family IP Address  Netmask"));
/// assert!(!vmkcheck_core::vmknic::is_header("Interface vmk0 is down"));
/// ```
pub fn is_header(text: &str) -> bool {
    Header::parse(text).is_some()
}

/// True when `text` can belong to a table: a header, a `vmkN` row, an elision or blank.
pub fn is_table_line(text: &str) -> bool {
    text.trim().is_empty() || starts_with_vmk(text) || is_elision(text) || is_header(text)
}

/// A table found in some text: iterate its [`rows`](Self::rows),
/// [`events`](Self::events) or [`diagnostics`](Self::diagnostics) (each pass re-reads
/// the borrowed text; nothing is stored).
#[derive(Clone, Debug)]
pub struct VmknicTable<'a> {
    lines: Lines<'a>,
    strict: bool,
}

/// Parses `esxcfg-vmknic -l` output. Lines before the first header or row (a prompt,
/// the command) are skipped; any later line that is not a row is a diagnostic.
///
/// # Errors
/// [`ErrorKind::Empty`] for blank input, [`ErrorKind::NoVmknicTable`] when no header
/// or `vmkN` row is found.
pub fn parse(text: &str) -> Result<VmknicTable<'_>, Error> {
    if text.trim().is_empty() {
        return Err(Error::at(ErrorKind::Empty, text, 0));
    }
    let lines = Lines::new(text);
    let mut probe = lines;
    let start = probe.find(|l| starts_with_vmk(l.text) || is_header(l.text));
    match start {
        Some(first) => {
            let mut lines = lines;
            for _ in 1..first.number {
                lines.next();
            }
            Ok(VmknicTable {
                lines,
                strict: true,
            })
        }
        None => {
            let at = text.len().saturating_sub(text.trim_start().len());
            Err(Error::at(ErrorKind::NoVmknicTable, text, at))
        }
    }
}

impl<'a> VmknicTable<'a> {
    /// A table over lines a transcript already cut out (no `line_not_a_row` checks).
    pub fn from_lines(lines: Lines<'a>) -> Self {
        Self {
            lines,
            strict: false,
        }
    }

    /// Rows and standalone diagnostics, in line order.
    pub fn events(&self) -> Events<'a> {
        Events {
            lines: self.lines,
            header: None,
            header_missing_told: false,
            strict: self.strict,
            pending: None,
        }
    }

    /// The rows, in line order.
    pub fn rows(&self) -> impl Iterator<Item = VmknicRow<'a>> + Clone + use<'a> {
        self.events().filter_map(|e| match e {
            Event::Row(r) => Some(r),
            Event::Diagnostic(_) => None,
        })
    }

    /// Every diagnostic of the table, rows' included, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        self.events().flat_map(|e| {
            let (standalone, row) = match e {
                Event::Row(r) => (None, Some(r.diagnostics())),
                Event::Diagnostic(d) => (Some(d), None),
            };
            standalone.into_iter().chain(row.into_iter().flatten())
        })
    }
}

/// An item of a table: a row, or a diagnostic that belongs to no row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A row.
    Row(VmknicRow<'a>),
    /// An unreadable row, an elision, a missing header, an unknown column…
    Diagnostic(Diagnostic<'a>),
}

/// Iterator over the [`Event`]s of a table.
#[derive(Clone, Debug)]
pub struct Events<'a> {
    lines: Lines<'a>,
    header: Option<Header<'a>>,
    header_missing_told: bool,
    strict: bool,
    pending: Option<Event<'a>>,
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(e) = self.pending.take() {
            return Some(e);
        }
        loop {
            let line = self.lines.next()?;
            if let Some(e) = self.line(line) {
                return Some(e);
            }
        }
    }
}

impl<'a> Events<'a> {
    fn line(&mut self, line: Line<'a>) -> Option<Event<'a>> {
        let text = line.text;
        if text.trim().is_empty() {
            return None;
        }
        if let Some(h) = Header::parse(text) {
            self.header = Some(h);
            self.header_missing_told = true;
            let unknown = h.unknown.map(|t| {
                Event::Diagnostic(
                    Diagnostic::new(DiagnosticKind::HeaderUnknownColumn, line.number)
                        .with_text("", t),
                )
            });
            if h.collapsed {
                self.pending = unknown;
                return Some(Event::Diagnostic(Diagnostic::new(
                    DiagnosticKind::HeaderCollapsed,
                    line.number,
                )));
            }
            return unknown;
        }
        if is_elision(text) {
            return Some(Event::Diagnostic(
                Diagnostic::new(DiagnosticKind::RowsElided, line.number).with_text("", text.trim()),
            ));
        }
        if !starts_with_vmk(text) {
            return self.strict.then(|| {
                Event::Diagnostic(
                    Diagnostic::new(DiagnosticKind::LineNotARow, line.number)
                        .with_text("", text.trim()),
                )
            });
        }
        let row = read_row(line, self.header.as_ref());
        if self.header.is_none() && !self.header_missing_told {
            // Report the missing header once, before the first row.
            self.header_missing_told = true;
            self.pending = Some(row);
            return Some(Event::Diagnostic(Diagnostic::new(
                DiagnosticKind::HeaderMissing,
                line.number,
            )));
        }
        Some(row)
    }
}

/// Reads one `vmkN` line as a row, or says why it cannot be read.
fn read_row<'a>(line: Line<'a>, header: Option<&Header<'_>>) -> Event<'a> {
    if let Some(f) = header.and_then(|h| by_position(line.text, h)) {
        return Event::Row(build(f, line.number, 0));
    }
    match by_shape(line.text, header) {
        Ok((f, merged)) => {
            // Without a header, or under a collapsed one, shape is the only way to read.
            let positional = header.is_some_and(|h| !h.collapsed);
            let notes =
                if positional { MISALIGNED } else { 0 } | if merged { WHITESPACE } else { 0 };
            Event::Row(build(f, line.number, notes))
        }
        Err(why) => {
            let iface = line.text.split_whitespace().next().unwrap_or("");
            Event::Diagnostic(
                Diagnostic::new(DiagnosticKind::RowUnreadable, line.number).with_text(iface, why),
            )
        }
    }
}

/// True when `text` reads as a table row by its shapes alone (used to recognise a
/// table pasted without its header, and to tell `vmk2 is the vMotion vmk` from a row).
pub fn is_row(text: &str) -> bool {
    starts_with_vmk(text) && by_shape(text, None).is_ok()
}
