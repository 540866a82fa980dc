//! `esxcfg-vswitch -l`: standard vSwitches and distributed switches.
//!
//! The output is a run of switches, each a title line (`Switch Name …` or `DVS Name …`)
//! and its row, followed by an indented sub-table: port groups (`PortGroup Name  VLAN ID
//! Used Ports  Uplinks`) under a standard switch, DVPorts (`DVPort ID  In Use  Client`)
//! under a distributed one. ESX 4.x/5.x have no `Configured Ports` column; the titles
//! say which columns there are.
//!
//! A row is cut at the byte positions of its title's columns when it lines up; otherwise
//! (a long name pushed the columns right, blanks collapsed by a blog, a TAB) it is read by
//! shape from the right: `[uplinks]` is a comma list of NIC names, the columns before it
//! are numbers, the name is the rest (it may hold blanks and non-ASCII text).
//!
//! Nothing is stored: [`Switch`] is `Copy` and re-reads its sub-table from the input
//! each time [`Switch::portgroups`] or [`Switch::dvports`] is called.
//!
//! ```
//! let text = "\
//! Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks
//! vSwitch1         4352        4           128               9000    vmnic2,vmnic3
//!
//!   PortGroup Name                            VLAN ID  Used Ports  Uplinks
//!   vMotion                                   20       1           vmnic2,vmnic3
//! ";
//! let list = vmkcheck_core::vswitch::VswitchList::parse(text);
//! let sw = list.switch_of_portgroup("vMotion").unwrap();
//! assert_eq!((sw.name, sw.mtu, sw.line), ("vSwitch1", Some(9000), 2));
//! assert_eq!(sw.uplinks().collect::<Vec<_>>(), ["vmnic2", "vmnic3"]);
//! assert_eq!(sw.portgroups().next().unwrap().vlan_id, Some(20));
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::lines::{Line, Lines, Wrapper};
use crate::shape;

/// The section kind, as diagnostics name it.
const KIND: &str = "vswitch";

/// A standard vSwitch or a distributed switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SwitchKind {
    /// A standard vSwitch (title `Switch Name`).
    Standard,
    /// A distributed switch (title `DVS Name`).
    Distributed,
}

impl SwitchKind {
    /// `"standard"` or `"distributed"`, as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Distributed => "distributed",
        }
    }
}

/// A column of one of the three tables, as named by its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Name,
    NumPorts,
    UsedPorts,
    ConfiguredPorts,
    Mtu,
    Uplinks,
    VlanId,
    Id,
    InUse,
    Client,
    Unknown,
}

/// Which table a title starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    Switch(SwitchKind),
    Portgroup,
    Dvport,
}

/// Titles in match order (longer titles before their prefixes).
const TITLES: [(&str, Col); 14] = [
    ("Switch Name", Col::Name),
    ("DVS Name", Col::Name),
    ("PortGroup Name", Col::Name),
    ("Port Group Name", Col::Name),
    ("DVPort ID", Col::Id),
    ("Num Ports", Col::NumPorts),
    ("Used Ports", Col::UsedPorts),
    ("Configured Ports", Col::ConfiguredPorts),
    ("MTU", Col::Mtu),
    ("Uplinks", Col::Uplinks),
    ("VLAN ID", Col::VlanId),
    ("In Use", Col::InUse),
    ("Client", Col::Client),
    ("VLAN", Col::VlanId),
];

const MAX_COLS: usize = 8;

/// A title line: its table, its columns and their byte positions (from the first title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Header {
    table: TableKind,
    cols: [(Col, u16); MAX_COLS],
    len: u8,
}

impl Header {
    fn parse(text: &str) -> Option<Self> {
        let body = text.trim_start();
        let table = if body.starts_with("Switch Name") {
            TableKind::Switch(SwitchKind::Standard)
        } else if body.starts_with("DVS Name") {
            TableKind::Switch(SwitchKind::Distributed)
        } else if body.starts_with("PortGroup Name") || body.starts_with("Port Group Name") {
            TableKind::Portgroup
        } else if body.starts_with("DVPort ID") {
            TableKind::Dvport
        } else {
            return None;
        };
        let mut h = Self {
            table,
            cols: [(Col::Unknown, 0); MAX_COLS],
            len: 0,
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
                    && trimmed
                        .get(t.len()..)
                        .is_some_and(|a| a.is_empty() || a.starts_with(char::is_whitespace))
            });
            let (col, width) = match title {
                Some((t, c)) => (*c, t.len()),
                None => (
                    Col::Unknown,
                    trimmed.find(char::is_whitespace).unwrap_or(trimmed.len()),
                ),
            };
            if col != Col::Unknown {
                known = known.saturating_add(1);
            }
            let slot = h.cols.get_mut(usize::from(h.len));
            match (slot, u16::try_from(pos)) {
                (Some(slot), Ok(p)) => {
                    *slot = (col, p);
                    h.len = h.len.saturating_add(1);
                }
                _ => return None, // more columns or wider than any real title
            }
            pos = pos.saturating_add(width);
        }
        let needed = match table {
            TableKind::Switch(_) => 3,
            TableKind::Portgroup | TableKind::Dvport => 2,
        };
        (known >= needed).then_some(h)
    }

    fn columns(&self) -> &[(Col, u16)] {
        self.cols.get(..usize::from(self.len)).unwrap_or(&[])
    }

    fn has(&self, c: Col) -> bool {
        self.columns().iter().any(|(k, _)| *k == c)
    }

    /// Columns between the name and the trailing uplinks / client: the numbers.
    fn middle(&self) -> &[(Col, u16)] {
        let cols = self.columns();
        let end = match cols.last() {
            Some((Col::Uplinks | Col::Client, _)) => cols.len().saturating_sub(1),
            _ => cols.len(),
        };
        cols.get(1..end).unwrap_or(&[])
    }
}

/// Raw values of one row: name, up to five middle columns, the trailing list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Raw<'a> {
    name: &'a str,
    middle: [(Option<Col>, Option<&'a str>); 5],
    tail: Option<&'a str>,
}

impl<'a> Raw<'a> {
    fn get(&self, c: Col) -> Option<&'a str> {
        self.middle
            .iter()
            .find(|(k, _)| *k == Some(c))
            .and_then(|(_, v)| *v)
    }
}

/// A NIC name list as printed in `Uplinks`: `vmnic0,vmnic1`, `lag1-0`, `vusb0`.
fn is_uplink_list(s: &str) -> bool {
    !s.is_empty()
        && s.split(',').all(|p| {
            p.starts_with(|c: char| c.is_ascii_alphabetic())
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// Slice of `line` from the start of `first` to the end of `last` (both subslices of it).
fn span<'a>(line: &'a str, first: &'a str, last: &'a str) -> Option<&'a str> {
    let base = line.as_ptr() as usize;
    let from = (first.as_ptr() as usize).checked_sub(base)?;
    let to = (last.as_ptr() as usize)
        .checked_sub(base)?
        .checked_add(last.len())?;
    line.get(from..to)
}

/// A number column's value is fine: a `u32`, or nothing printed.
fn number_ok(v: Option<&str>) -> bool {
    v.is_none_or(|v| shape::parse_u32(v).is_some())
}

/// Cuts `row` at the header's positions; `None` when it does not line up or a number
/// column holds no number.
fn by_position<'a>(row: &'a str, h: &Header) -> Option<Raw<'a>> {
    let body = row.trim_start();
    let cols = h.columns();
    let mut raw = Raw::default();
    // Every middle column starts empty: one the row does not reach stays `None`.
    for (slot, (col, _)) in raw.middle.iter_mut().zip(h.middle()) {
        slot.0 = Some(*col);
    }
    let mut m = 0usize;
    for (i, (col, start)) in cols.iter().enumerate() {
        let start = usize::from(*start);
        let end = cols
            .get(i.saturating_add(1))
            .map_or(body.len(), |(_, s)| usize::from(*s))
            .min(body.len());
        if start >= body.len() {
            break;
        }
        if i > 0
            && !body
                .as_bytes()
                .get(start.checked_sub(1)?)?
                .is_ascii_whitespace()
        {
            return None; // a value straddles the column boundary
        }
        let value = non_empty(body.get(start..end)?);
        if i == 0 {
            raw.name = value?;
        } else if i.saturating_add(1) == cols.len() && matches!(col, Col::Uplinks | Col::Client) {
            raw.tail = value;
        } else {
            *raw.middle.get_mut(m)? = (Some(*col), value);
            m = m.saturating_add(1);
        }
    }
    // ESXi prints every number: an empty number column is a row cut short.
    let numbers_ok = raw.middle.iter().all(|(c, v)| match c {
        Some(Col::Unknown) | None => true,
        Some(_) => v.is_some() && number_ok(*v),
    });
    let tail_ok = match h.table {
        TableKind::Dvport => true,
        _ => raw.tail.is_none_or(is_uplink_list),
    };
    (numbers_ok && tail_ok && !raw.name.is_empty()).then_some(raw)
}

/// Reads a switch or port-group row by shape, from the right: `[uplinks]`, then one
/// value per middle column, then the name (all that is left).
fn by_shape<'a>(row: &'a str, h: &Header) -> Option<Raw<'a>> {
    let mut it = row.split_whitespace();
    let mut raw = Raw::default();
    if h.has(Col::Uplinks) && it.clone().next_back().is_some_and(is_uplink_list) {
        raw.tail = it.next_back();
    }
    let middle = h.middle();
    for (i, (col, _)) in middle.iter().enumerate().rev() {
        *raw.middle.get_mut(i)? = (Some(*col), Some(it.next_back()?));
    }
    let first = it.next()?;
    let last = it.next_back().unwrap_or(first);
    raw.name = span(row, first, last)?;
    Some(raw)
}

/// Reads a DVPort row by shape: id, in-use flag, client (the rest, may be absent).
fn dvport_by_shape<'a>(row: &'a str) -> Option<Raw<'a>> {
    let mut it = row.split_whitespace();
    let mut raw = Raw {
        name: it.next()?,
        ..Raw::default()
    };
    *raw.middle.get_mut(0)? = (Some(Col::InUse), Some(it.next()?));
    raw.tail = match (it.next(), it.next_back()) {
        (Some(first), last) => span(row, first, last.unwrap_or(first)),
        (None, _) => None,
    };
    Some(raw)
}

fn read<'a>(row: &'a str, h: &Header) -> Option<Raw<'a>> {
    by_position(row, h).or_else(|| match h.table {
        TableKind::Dvport => dvport_by_shape(row),
        _ => by_shape(row, h),
    })
}

/// `0`/`1` (or `true`/`false`) of the `In Use` column.
fn parse_flag(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ if s.eq_ignore_ascii_case("true") => Some(true),
        _ if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// A printed value that stands for nothing (`N/A`, `-`).
fn present(v: Option<&str>) -> Option<&str> {
    v.filter(|s| !shape::is_not_applicable(s))
}

fn number(v: Option<&str>) -> Option<u32> {
    present(v).and_then(shape::parse_u32)
}

/// Where the events iterator stands: enough to resume it (all `Copy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cursor<'a> {
    rest: &'a str,
    offset: usize,
    number: u32,
    wrapper: Wrapper,
    header: Option<Header>,
}

impl<'a> Cursor<'a> {
    fn new(lines: &Lines<'a>, header: Option<Header>) -> Self {
        let (rest, offset, number) = lines.remaining();
        Self {
            rest,
            offset,
            number,
            wrapper: lines.wrapper(),
            header,
        }
    }

    fn events(self) -> Events<'a> {
        Events {
            lines: Lines::span(self.rest, self.offset, self.number, self.wrapper),
            header: self.header,
        }
    }
}

/// One switch: its row, and (lazily) its port groups or DVPorts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Switch<'a> {
    /// 1-based line of the switch's row.
    pub line: u32,
    /// Standard or distributed.
    pub kind: SwitchKind,
    /// Switch name (a DVS name may hold blanks).
    pub name: &'a str,
    /// `Num Ports`.
    pub num_ports: Option<u32>,
    /// `Used Ports`.
    pub used_ports: Option<u32>,
    /// `Configured Ports` (`None` on ESX 4.x/5.x, which do not print it).
    pub configured_ports: Option<u32>,
    /// `MTU`.
    pub mtu: Option<u32>,
    /// `Uplinks` as printed (`vmnic0,vmnic1`); `None` for an internal switch.
    pub uplinks_text: Option<&'a str>,
    raw: Raw<'a>,
    after: Cursor<'a>,
}

impl<'a> Switch<'a> {
    /// The uplink NIC names, in printed order.
    pub fn uplinks(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        uplink_names(self.uplinks_text)
    }

    /// True when `nic` (`vmnic2`) is one of the switch's uplinks.
    pub fn has_uplink(&self, nic: &str) -> bool {
        self.uplinks().any(|u| u == nic)
    }

    /// The rows of the sub-table under this switch, up to the next switch.
    fn sub_rows(&self) -> impl Iterator<Item = Event<'a>> + Clone + use<'a> {
        self.after
            .events()
            .map_while(|e| (!matches!(e, Event::Switch(_))).then_some(e))
    }

    /// The port groups of a standard switch (none for a DVS), in line order.
    pub fn portgroups(&self) -> impl Iterator<Item = Portgroup<'a>> + Clone + use<'a> {
        self.sub_rows().filter_map(|e| match e {
            Event::Portgroup(p) => Some(p),
            _ => None,
        })
    }

    /// The DVPorts of a distributed switch (none for a standard one), in line order.
    pub fn dvports(&self) -> impl Iterator<Item = Dvport<'a>> + Clone + use<'a> {
        self.sub_rows().filter_map(|e| match e {
            Event::Dvport(d) => Some(d),
            _ => None,
        })
    }

    /// The port group named `name` on this switch.
    pub fn portgroup(&self, name: &str) -> Option<Portgroup<'a>> {
        self.portgroups().find(|p| p.name == name.trim())
    }
}

fn uplink_names<'a>(text: Option<&'a str>) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
    text.into_iter()
        .flat_map(|t| t.split(','))
        .map(str::trim)
        .filter(|u| !u.is_empty())
}

/// One row of a standard switch's port-group table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Portgroup<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// Port group name (may hold blanks and non-ASCII text).
    pub name: &'a str,
    /// `VLAN ID`, 0–4095 (4095: all VLANs, guest tagging).
    pub vlan_id: Option<u16>,
    /// `Used Ports`.
    pub used_ports: Option<u32>,
    /// `Uplinks` as printed (the active ones); `None` when empty.
    pub uplinks_text: Option<&'a str>,
    raw: Raw<'a>,
}

impl<'a> Portgroup<'a> {
    /// The port group's uplink NIC names, in printed order.
    pub fn uplinks(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        uplink_names(self.uplinks_text)
    }
}

/// One row of a distributed switch's `DVPort ID  In Use  Client` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dvport<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// The DVPort id as printed (a number, or a string on some switches).
    pub id: &'a str,
    /// `In Use` (`1` → true, `0` → false).
    pub in_use: Option<bool>,
    /// What is connected: `vmk1`, `vmnic2`, a VM's NIC; `None` when empty.
    pub client: Option<&'a str>,
    raw: Raw<'a>,
}

/// An item of the output: a switch, a sub-table row, or a line that cannot be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A switch's row.
    Switch(Switch<'a>),
    /// A port-group row (under the last switch).
    Portgroup(Portgroup<'a>),
    /// A DVPort row (under the last switch).
    Dvport(Dvport<'a>),
    /// A line that is no title, row or blank (`output_line_unrecognized`).
    Diagnostic(Diagnostic<'a>),
}

impl<'a> Event<'a> {
    /// The diagnostics of this item: its own, or its values' `value_unparseable`.
    pub fn diagnostics(&self) -> EventDiagnostics<'a> {
        EventDiagnostics {
            event: *self,
            next: 0,
        }
    }
}

/// Diagnostics of one [`Event`], in column order.
#[derive(Clone, Debug)]
pub struct EventDiagnostics<'a> {
    event: Event<'a>,
    next: usize,
}

impl<'a> Iterator for EventDiagnostics<'a> {
    type Item = Diagnostic<'a>;

    fn next(&mut self) -> Option<Diagnostic<'a>> {
        let (line, raw) = match self.event {
            Event::Diagnostic(d) => {
                let first = self.next == 0;
                self.next = 1;
                return first.then_some(d);
            }
            Event::Switch(s) => (s.line, s.raw),
            Event::Portgroup(p) => (p.line, p.raw),
            Event::Dvport(d) => (d.line, d.raw),
        };
        while let Some((col, value)) = raw.middle.get(self.next).copied() {
            self.next = self.next.saturating_add(1);
            let (Some(col), Some(value)) = (col, present(value)) else {
                continue;
            };
            let ok = match col {
                Col::InUse => parse_flag(value).is_some(),
                Col::VlanId => shape::parse_u32(value).is_some_and(|v| v <= 4095),
                Col::Unknown => true,
                _ => shape::parse_u32(value).is_some(),
            };
            if !ok {
                return Some(
                    Diagnostic::new(DiagnosticKind::ValueUnparseable, line)
                        .with_text(field_name(col), value),
                );
            }
        }
        None
    }
}

/// The JSON field name of a column.
fn field_name(c: Col) -> &'static str {
    match c {
        Col::Name => "name",
        Col::NumPorts => "num_ports",
        Col::UsedPorts => "used_ports",
        Col::ConfiguredPorts => "configured_ports",
        Col::Mtu => "mtu",
        Col::Uplinks => "uplinks",
        Col::VlanId => "vlan_id",
        Col::Id => "id",
        Col::InUse => "in_use",
        Col::Client => "client",
        Col::Unknown => "",
    }
}

/// Iterator over the [`Event`]s of the output, in line order.
#[derive(Clone, Debug)]
pub struct Events<'a> {
    lines: Lines<'a>,
    header: Option<Header>,
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
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
            return None;
        }
        let unrecognized = || {
            Some(Event::Diagnostic(
                Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, line.number)
                    .with_text(KIND, text.trim()),
            ))
        };
        let Some(h) = self.header else {
            return unrecognized();
        };
        let Some(raw) = read(text, &h) else {
            return unrecognized();
        };
        let n = line.number;
        Some(match h.table {
            TableKind::Switch(kind) => Event::Switch(Switch {
                line: n,
                kind,
                name: raw.name,
                num_ports: number(raw.get(Col::NumPorts)),
                used_ports: number(raw.get(Col::UsedPorts)),
                configured_ports: number(raw.get(Col::ConfiguredPorts)),
                mtu: number(raw.get(Col::Mtu)),
                uplinks_text: present(raw.tail),
                raw,
                after: Cursor::new(&self.lines, self.header),
            }),
            TableKind::Portgroup => Event::Portgroup(Portgroup {
                line: n,
                name: raw.name,
                vlan_id: number(raw.get(Col::VlanId))
                    .and_then(|v| u16::try_from(v).ok().filter(|v| *v <= 4095)),
                used_ports: number(raw.get(Col::UsedPorts)),
                uplinks_text: present(raw.tail),
                raw,
            }),
            TableKind::Dvport => Event::Dvport(Dvport {
                line: n,
                id: raw.name,
                in_use: present(raw.get(Col::InUse)).and_then(parse_flag),
                client: present(raw.tail),
                raw,
            }),
        })
    }
}

/// `esxcfg-vswitch -l` output: iterate its [`switches`](Self::switches) (each re-reads
/// the borrowed text; nothing is stored).
#[derive(Clone, Debug)]
pub struct VswitchList<'a> {
    lines: Lines<'a>,
    command: Option<&'a str>,
}

impl<'a> VswitchList<'a> {
    /// The output of a section: its body (the lines after the command line) and the
    /// command typed, if any.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        Self {
            lines: body,
            command,
        }
    }

    /// A whole text as `esxcfg-vswitch -l` output; never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The command line typed, if it was pasted.
    pub fn command(&self) -> Option<&'a str> {
        self.command
    }

    /// Switches, sub-table rows and unplaceable lines, in line order.
    pub fn events(&self) -> Events<'a> {
        Events {
            lines: self.lines,
            header: None,
        }
    }

    /// The switches, in line order.
    pub fn switches(&self) -> impl Iterator<Item = Switch<'a>> + Clone + use<'a> {
        self.events().filter_map(|e| match e {
            Event::Switch(s) => Some(s),
            _ => None,
        })
    }

    /// Every diagnostic, in line order: lines that are no title, row or blank
    /// (`output_line_unrecognized`) and values that are not numbers (`value_unparseable`).
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        self.events().flat_map(|e| e.diagnostics())
    }

    /// The switch named `name`.
    pub fn switch(&self, name: &str) -> Option<Switch<'a>> {
        self.switches().find(|s| s.name == name.trim())
    }

    /// The standard switch holding the port group `portgroup` (a vmknic row's
    /// `Port Group` value).
    pub fn switch_of_portgroup(&self, portgroup: &str) -> Option<Switch<'a>> {
        self.switches().find(|s| s.portgroup(portgroup).is_some())
    }

    /// The distributed switch with the DVPort `id` (a vmknic row's `DVPort` value).
    pub fn switch_of_dvport(&self, id: &str) -> Option<Switch<'a>> {
        let id = id.trim();
        self.switches().find(|s| s.dvports().any(|d| d.id == id))
    }

    /// The distributed switch whose DVPort table lists `client` (`vmk1`).
    pub fn switch_of_client(&self, client: &str) -> Option<Switch<'a>> {
        let client = client.trim();
        self.switches()
            .find(|s| s.dvports().any(|d| d.client == Some(client)))
    }

    /// The switch a vmknic is on, from its row: its port group name on a standard
    /// switch, else its DVPort id, else the interface as a DVPort client.
    ///
    /// ```
    /// let list = vmkcheck_core::vswitch::VswitchList::parse("\
    /// DVS Name         Num Ports   Used Ports  Configured Ports  MTU     Uplinks
    /// dvs-prod         2450        6           512               9000    vmnic2,vmnic3
    ///
    ///   DVPort ID           In Use      Client
    ///   106                 1           vmk1
    /// ");
    /// assert_eq!(list.switch_of_vmknic(Some("106"), "vmk1").map(|s| s.mtu), Some(Some(9000)));
    /// assert_eq!(list.switch_of_vmknic(None, "vmk1").map(|s| s.name), Some("dvs-prod"));
    /// assert!(list.switch_of_vmknic(Some("vMotion"), "vmk2").is_none());
    /// ```
    pub fn switch_of_vmknic(&self, portgroup: Option<&str>, interface: &str) -> Option<Switch<'a>> {
        portgroup
            .and_then(|p| {
                self.switch_of_portgroup(p)
                    .or_else(|| self.switch_of_dvport(p))
            })
            .or_else(|| self.switch_of_client(interface))
    }
}

/// True for a title line of `esxcfg-vswitch -l` (`Switch Name …`, `DVS Name …`,
/// `PortGroup Name …`, `DVPort ID …`): the output starts here.
///
/// ```
/// use vmkcheck_core::vswitch::is_start;
/// assert!(is_start("Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks"));
/// assert!(is_start("  DVPort ID           In Use      Client"));
/// assert!(!is_start("Switch Name is vSwitch0"));
/// ```
pub fn is_start(line: &str) -> bool {
    Header::parse(line).is_some()
}

/// True for any line `esxcfg-vswitch -l` output can hold after its start: blank, a
/// title, a switch or port-group row (a name, numbers, `[uplinks]`), a DVPort row.
///
/// ```
/// use vmkcheck_core::vswitch::is_continuation;
/// assert!(is_continuation("vSwitch0         4352        7           128               1500    vmnic0"));
/// assert!(is_continuation("  VM Network 2        0        0"));
/// assert!(is_continuation("  10                  1           vmk1"));
/// assert!(!is_continuation("Now the ping:"));
/// assert!(!is_continuation("[root@esx01:~] vmkping -I vmk1 192.0.2.12"));
/// ```
pub fn is_continuation(line: &str) -> bool {
    line.trim().is_empty() || is_start(line) || is_table_row(line) || is_dvport_row(line)
}

/// A name, two to four numbers, optionally a NIC list.
fn is_table_row(line: &str) -> bool {
    let mut it = line.split_whitespace();
    if it.clone().next_back().is_some_and(is_uplink_list) {
        it.next_back();
    }
    let mut numbers = 0usize;
    while it
        .clone()
        .next_back()
        .is_some_and(|t| shape::parse_u32(t).is_some())
    {
        it.next_back();
        numbers = numbers.saturating_add(1);
    }
    (2..=4).contains(&numbers) && it.next().is_some()
}

/// `id  0|1  [client]`, indented unless the id is a number.
fn is_dvport_row(line: &str) -> bool {
    let mut it = line.split_whitespace();
    let (Some(id), Some(flag)) = (it.next(), it.next()) else {
        return false;
    };
    let indented = line.starts_with(char::is_whitespace);
    let client_ok = it.next().is_none_or(|_| it.next().is_none());
    matches!(flag, "0" | "1") && client_ok && (indented || id.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{Dvport, Portgroup, Switch, VswitchList};
    use crate::ser::Items;

    impl Serialize for Switch<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Switch", 10)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("kind", self.kind.as_str())?;
            st.serialize_field("name", self.name)?;
            st.serialize_field("num_ports", &self.num_ports)?;
            st.serialize_field("used_ports", &self.used_ports)?;
            st.serialize_field("configured_ports", &self.configured_ports)?;
            st.serialize_field("mtu", &self.mtu)?;
            st.serialize_field("uplinks", &Items(self.uplinks()))?;
            st.serialize_field("portgroups", &Items(self.portgroups()))?;
            st.serialize_field("dvports", &Items(self.dvports()))?;
            st.end()
        }
    }

    impl Serialize for Portgroup<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Portgroup", 5)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("name", self.name)?;
            st.serialize_field("vlan_id", &self.vlan_id)?;
            st.serialize_field("used_ports", &self.used_ports)?;
            st.serialize_field("uplinks", &Items(self.uplinks()))?;
            st.end()
        }
    }

    impl Serialize for Dvport<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Dvport", 4)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("id", self.id)?;
            st.serialize_field("in_use", &self.in_use)?;
            st.serialize_field("client", &self.client)?;
            st.end()
        }
    }

    /// The `vswitch` field: the array of switches.
    impl Serialize for VswitchList<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.switches())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    use std::vec::Vec;

    const V6: &str = "\
Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks
vSwitch0         4352        7           128               1500    vmnic0,vmnic1

  PortGroup Name                            VLAN ID  Used Ports  Uplinks
  VM Network                                0        1           vmnic0,vmnic1
  Management Network                        0        1           vmnic0,vmnic1

Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks
vSwitch1         4352        3           128               9000

  PortGroup Name                            VLAN ID  Used Ports  Uplinks
  vMotion Réseau 2                          4095     1

DVS Name         Num Ports   Used Ports  Configured Ports  MTU     Uplinks
dvs prod         2450        6           512               9000    vmnic2,vmnic3

  DVPort ID           In Use      Client
  0                   1           vmnic2
  1                   1           vmnic3
  106                 1           vmk1
  uplink-x            0
";

    const V5: &str = "\
Switch Name    Num Ports   Used Ports  MTU   Uplinks
vSwitch0       128         5           1500  vmnic0

  PortGroup Name        VLAN ID  Used Ports  Uplinks
  VM Network            0        0           vmnic0
  Management Network    0        1           vmnic0

Switch Name    Num Ports   Used Ports  MTU   Uplinks
vSwitchInternal 128        1           1500
  PortGroup Name        VLAN ID  Used Ports  Uplinks
  isolated              10       0
";

    fn summary(list: &VswitchList<'_>) -> Vec<std::string::String> {
        list.switches()
            .map(|s| {
                std::format!(
                    "{}:{}:{}:{:?}/{:?}/{:?}/{:?}:{:?}",
                    s.line,
                    s.kind.as_str(),
                    s.name,
                    s.num_ports,
                    s.used_ports,
                    s.configured_ports,
                    s.mtu,
                    s.uplinks().collect::<Vec<_>>()
                )
            })
            .collect()
    }

    #[test]
    fn six_x_standard_and_distributed() {
        let l = VswitchList::parse(V6);
        assert_eq!(
            summary(&l),
            [
                "2:standard:vSwitch0:Some(4352)/Some(7)/Some(128)/Some(1500):[\"vmnic0\", \"vmnic1\"]",
                "9:standard:vSwitch1:Some(4352)/Some(3)/Some(128)/Some(9000):[]",
                "15:distributed:dvs prod:Some(2450)/Some(6)/Some(512)/Some(9000):[\"vmnic2\", \"vmnic3\"]",
            ]
        );
        let s: Vec<_> = l.switches().collect();
        let pgs: Vec<_> = s[0]
            .portgroups()
            .map(|p| (p.line, p.name, p.vlan_id))
            .collect();
        assert_eq!(
            pgs,
            [
                (5, "VM Network", Some(0)),
                (6, "Management Network", Some(0))
            ]
        );
        let pg = s[1].portgroups().next().unwrap();
        assert_eq!(
            (pg.name, pg.vlan_id, pg.used_ports),
            ("vMotion Réseau 2", Some(4095), Some(1))
        );
        assert_eq!(pg.uplinks().count(), 0);
        assert_eq!(s[0].dvports().count(), 0);
        assert_eq!(s[2].portgroups().count(), 0);
        let dv: Vec<_> = s[2]
            .dvports()
            .map(|d| (d.line, d.id, d.in_use, d.client))
            .collect();
        assert_eq!(
            dv,
            [
                (18, "0", Some(true), Some("vmnic2")),
                (19, "1", Some(true), Some("vmnic3")),
                (20, "106", Some(true), Some("vmk1")),
                (21, "uplink-x", Some(false), None),
            ]
        );
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn five_x_without_configured_ports() {
        let l = VswitchList::parse(V5);
        assert_eq!(
            summary(&l),
            [
                "2:standard:vSwitch0:Some(128)/Some(5)/None/Some(1500):[\"vmnic0\"]",
                "9:standard:vSwitchInternal:Some(128)/Some(1)/None/Some(1500):[]",
            ]
        );
        let s = l.switch("vSwitchInternal").unwrap();
        let pg = s.portgroups().next().unwrap();
        assert_eq!((pg.line, pg.name, pg.vlan_id), (11, "isolated", Some(10)));
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn lookups() {
        let l = VswitchList::parse(V6);
        assert_eq!(
            l.switch_of_portgroup("Management Network").unwrap().name,
            "vSwitch0"
        );
        assert_eq!(
            l.switch_of_portgroup("vMotion Réseau 2").unwrap().mtu,
            Some(9000)
        );
        assert!(l.switch_of_portgroup("nope").is_none());
        assert_eq!(l.switch_of_dvport("106").unwrap().name, "dvs prod");
        assert_eq!(l.switch_of_client("vmk1").unwrap().name, "dvs prod");
        assert!(l.switch_of_client("vmk9").is_none());
        assert_eq!(
            l.switch_of_vmknic(Some("VM Network"), "vmk0").unwrap().line,
            2
        );
        assert!(l.switch("dvs prod").unwrap().has_uplink("vmnic3"));
    }

    #[test]
    fn collapsed_blanks_read_by_shape() {
        let text = "Switch Name Num Ports Used Ports Configured Ports MTU Uplinks\n\
                    vSwitch0 4352 7 128 1500 vmnic0,vmnic1\n\
                    PortGroup Name VLAN ID Used Ports Uplinks\n\
                    VM Network 2 0 1 vmnic0\n\
                    Mgmt 10 1\n";
        let l = VswitchList::parse(text);
        let s = l.switches().next().unwrap();
        assert_eq!(
            (s.name, s.mtu, s.configured_ports),
            ("vSwitch0", Some(1500), Some(128))
        );
        let pgs: Vec<_> = s
            .portgroups()
            .map(|p| (p.name, p.vlan_id, p.uplinks_text))
            .collect();
        assert_eq!(
            pgs,
            [
                ("VM Network 2", Some(0), Some("vmnic0")),
                ("Mgmt", Some(10), None)
            ]
        );
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn long_name_pushes_columns() {
        let text = "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n\
                    vSwitch-vMotion-long 4352   3           128               9000    vmnic4\n";
        let s = VswitchList::parse(text).switches().next().unwrap();
        assert_eq!(
            (s.name, s.num_ports, s.mtu),
            ("vSwitch-vMotion-long", Some(4352), Some(9000))
        );
    }

    #[test]
    fn crlf_and_blank_after_every_line() {
        let text = V5.replace('\n', "\r\n\r\n");
        let l = VswitchList::parse(&text);
        assert_eq!(l.switches().count(), 2);
        let s = l.switches().next().unwrap();
        assert_eq!(
            s.portgroups().map(|p| p.name).collect::<Vec<_>>(),
            ["VM Network", "Management Network"]
        );
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn bad_numbers_are_null_and_diagnosed() {
        let text = "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n\
                    vSwitch0         4352        7           128               15OO    vmnic0\n\
                    \n  PortGroup Name   VLAN ID  Used Ports  Uplinks\n\
                    \x20 VM Network       5000     x           vmnic0\n";
        let l = VswitchList::parse(text);
        let s = l.switches().next().unwrap();
        assert_eq!((s.mtu, s.num_ports), (None, Some(4352)));
        let pg = s.portgroups().next().unwrap();
        assert_eq!((pg.vlan_id, pg.used_ports), (None, None));
        let d: Vec<_> = l
            .diagnostics()
            .map(|d| (d.line, d.kind, d.subject, d.text))
            .collect();
        assert_eq!(
            d,
            [
                (2, DiagnosticKind::ValueUnparseable, "mtu", "15OO"),
                (5, DiagnosticKind::ValueUnparseable, "vlan_id", "5000"),
                (5, DiagnosticKind::ValueUnparseable, "used_ports", "x"),
            ]
        );
    }

    #[test]
    fn unplaceable_lines_are_diagnosed() {
        let text = "vSwitch0 128 5 1500 vmnic0\n\
                    Switch Name      Num Ports   Used Ports  MTU     Uplinks\n\
                    oops\n\
                    \x20 DVPort ID   In Use   Client\n\
                    \x20 7\n";
        let l = VswitchList::parse(text);
        assert_eq!(l.switches().count(), 0);
        let d: Vec<_> = l
            .diagnostics()
            .map(|d| (d.line, d.kind, d.subject))
            .collect();
        assert_eq!(
            d,
            [
                (1, DiagnosticKind::OutputLineUnrecognized, "vswitch"),
                (3, DiagnosticKind::OutputLineUnrecognized, "vswitch"),
                (5, DiagnosticKind::OutputLineUnrecognized, "vswitch"),
            ]
        );
        for d in l.diagnostics() {
            assert!(!d.to_string().is_empty());
        }
    }

    #[test]
    fn bad_in_use_flag() {
        let text = "DVS Name   Num Ports   Used Ports  MTU   Uplinks\n\
                    dvs 10 2 1500\n\
                    \x20 DVPort ID   In Use   Client\n\
                    \x20 7   yes   vmk3\n";
        let l = VswitchList::parse(text);
        let d = l.switches().next().unwrap().dvports().next().unwrap();
        assert_eq!((d.id, d.in_use, d.client), ("7", None, Some("vmk3")));
        let diag = l.diagnostics().next().unwrap();
        assert_eq!((diag.line, diag.subject, diag.text), (4, "in_use", "yes"));
    }

    #[test]
    fn predicates_do_not_fire_on_other_output() {
        for l in [
            "vmk1       vMotion             IPv4      192.0.2.11     255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 9000    65535     true    STATIC",
            "64 bytes from 192.0.2.12: icmp_seq=0 ttl=64 time=0.311 ms",
            "3 packets transmitted, 3 packets received, 0% packet loss",
            "PING 192.0.2.12 (192.0.2.12): 56 data bytes",
            "[root@esx01:~] esxcfg-vswitch -l",
            "VMware ESXi 7.0.3 build-20328353",
            "Interface  Port Group/DVPort   IP Family IP Address",
        ] {
            assert!(!is_start(l) && !is_continuation(l), "{l}");
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        use serde_json::json;
        let l = VswitchList::parse(V6);
        let v = serde_json::to_value(&l).unwrap();
        assert_eq!(
            v[1],
            json!({"line": 9, "kind": "standard", "name": "vSwitch1", "num_ports": 4352,
                   "used_ports": 3, "configured_ports": 128, "mtu": 9000, "uplinks": [],
                   "portgroups": [{"line": 12, "name": "vMotion Réseau 2", "vlan_id": 4095,
                                   "used_ports": 1, "uplinks": []}],
                   "dvports": []})
        );
        assert_eq!(
            v[2]["dvports"][3],
            json!({"line": 21, "id": "uplink-x", "in_use": false, "client": null})
        );
        assert_eq!(v[2]["portgroups"], json!([]));
    }
}
