//! Physical NICs: `esxcli network nic list` and `esxcfg-nics -l`.
//!
//! Three layouts: esxcli 6.x–8.x (`Name  PCI Device  Driver  Admin Status  Link Status
//! Speed  Duplex  MAC Address  MTU  Description`, a dash line under the titles, Speed a
//! number), esxcli 5.x (`Link` instead of the two status columns) and `esxcfg-nics -l`
//! (no dash line, `Link Speed` as two titles, Speed like `1000Mbps`).
//!
//! A row is cut at its title's byte positions when it lines up; otherwise it is read by
//! shape, anchored on the MAC address: `name pci driver [status [status]] speed duplex
//! MAC mtu description…`. The description is the rest of the line (it holds blanks).
//!
//! ```
//! let text = "\
//! Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description
//! vmnic0  0000:02:00.0 ntg3        Up   1000Mbps   Full   00:50:56:aa:bb:cc 1500   Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet
//! vmnic1  0000:02:00.1 ntg3        Down 0Mbps      Half   00:50:56:aa:bb:cd 1500   Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet
//! ";
//! let list = vmkcheck_core::nic::NicList::parse(text);
//! let nic = list.nic("vmnic1").unwrap();
//! assert_eq!((nic.line, nic.link, nic.speed_mbps, nic.duplex), (3, Some("Down"), Some(0), Some("Half")));
//! assert_eq!(nic.description, Some("Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet"));
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::lines::{Line, Lines};
use crate::shape;

/// The section kind, as diagnostics name it.
const KIND: &str = "nic_list";

/// A column, as named by its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Name,
    Pci,
    Driver,
    AdminStatus,
    Link,
    Speed,
    Duplex,
    Mac,
    Mtu,
    Description,
    Unknown,
}

/// Titles in match order (longer titles before their prefixes).
const TITLES: [(&str, Col); 12] = [
    ("Name", Col::Name),
    ("PCI Device", Col::Pci),
    ("PCI", Col::Pci),
    ("Driver", Col::Driver),
    ("Admin Status", Col::AdminStatus),
    ("Link Status", Col::Link),
    ("Link", Col::Link),
    ("Speed", Col::Speed),
    ("Duplex", Col::Duplex),
    ("MAC Address", Col::Mac),
    ("MTU", Col::Mtu),
    ("Description", Col::Description),
];

const MAX_COLS: usize = 14;

/// A title line: columns and their byte positions (from the first title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Header {
    cols: [(Col, u16); MAX_COLS],
    len: u8,
}

impl Header {
    fn parse(text: &str) -> Option<Self> {
        let body = text.trim_start();
        if !body.starts_with("Name") {
            return None;
        }
        let mut h = Self {
            cols: [(Col::Unknown, 0); MAX_COLS],
            len: 0,
        };
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
            match (h.cols.get_mut(usize::from(h.len)), u16::try_from(pos)) {
                (Some(slot), Ok(p)) => {
                    *slot = (col, p);
                    h.len = h.len.saturating_add(1);
                }
                _ => return None,
            }
            pos = pos.saturating_add(width);
        }
        (h.has(Col::Pci) && h.has(Col::Mac) && (h.has(Col::Driver) || h.has(Col::Speed)))
            .then_some(h)
    }

    fn columns(&self) -> &[(Col, u16)] {
        self.cols.get(..usize::from(self.len)).unwrap_or(&[])
    }

    fn has(&self, c: Col) -> bool {
        self.columns().iter().any(|(k, _)| *k == c)
    }
}

/// Raw values of a row, before conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Raw<'a> {
    name: &'a str,
    pci: Option<&'a str>,
    driver: Option<&'a str>,
    admin: Option<&'a str>,
    link: Option<&'a str>,
    speed: Option<&'a str>,
    duplex: Option<&'a str>,
    mac: Option<&'a str>,
    mtu: Option<&'a str>,
    description: Option<&'a str>,
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn has_blank(s: &str) -> bool {
    s.contains(char::is_whitespace)
}

/// A MAC, possibly redacted: 17 characters with `:` or `-` every third.
fn is_mac_like(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 17
        && [2usize, 5, 8, 11, 14]
            .iter()
            .all(|i| matches!(b.get(*i), Some(b':' | b'-')))
}

/// `vmnicN` or `vusbN` (a USB NIC).
///
/// ```
/// use vmkcheck_core::nic::is_nic_name;
/// assert!(is_nic_name("vmnic0") && is_nic_name("vmnic1000202") && is_nic_name("vusb0"));
/// assert!(!is_nic_name("vmk0") && !is_nic_name("vmnic") && !is_nic_name("vmnicX"));
/// ```
pub fn is_nic_name(s: &str) -> bool {
    s.strip_prefix("vmnic")
        .or_else(|| s.strip_prefix("vusb"))
        .is_some_and(|d| (1..=8).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A PCI address: `0000:02:00.0`, 5.x's `0000:002:00.00`, or without the domain.
///
/// ```
/// use vmkcheck_core::nic::is_pci_address;
/// assert!(is_pci_address("0000:02:00.0") && is_pci_address("0000:002:00.00") && is_pci_address("3b:00.1"));
/// assert!(!is_pci_address("Pseudo") && !is_pci_address("00:50:56:aa:bb:cc"));
/// ```
pub fn is_pci_address(s: &str) -> bool {
    let hex = |p: &str, n: core::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_hexdigit())
    };
    let Some((head, func)) = s.rsplit_once('.') else {
        return false;
    };
    let mut parts = head.rsplit(':');
    let (Some(dev), Some(bus)) = (parts.next(), parts.next()) else {
        return false;
    };
    let domain_ok = match (parts.next(), parts.next()) {
        (None, _) => true,
        (Some(d), None) => hex(d, 4..=4),
        (Some(_), Some(_)) => false,
    };
    domain_ok && hex(bus, 2..=3) && hex(dev, 2..=2) && hex(func, 1..=2)
}

/// A speed as printed: `1000` (esxcli) or `1000Mbps` (esxcfg-nics).
fn parse_speed(s: &str) -> Option<u32> {
    let digits = s
        .strip_suffix("Mbps")
        .or_else(|| s.strip_suffix("mbps"))
        .or_else(|| s.strip_suffix("MBps"))
        .unwrap_or(s);
    shape::parse_u32(digits)
}

/// Cuts `row` at the header's positions; `None` when it does not line up or a value
/// lacks its shape.
fn by_position<'a>(row: &'a str, h: &Header) -> Option<Raw<'a>> {
    let body = row.trim_start();
    let cols = h.columns();
    let mut raw = Raw::default();
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
        // The description is the rest of the line, wherever its title is.
        let end = if *col == Col::Description {
            body.len()
        } else {
            end
        };
        let value = non_empty(body.get(start..end)?);
        if *col != Col::Description && value.is_some_and(has_blank) {
            return None;
        }
        match col {
            Col::Name => raw.name = value?,
            Col::Pci => raw.pci = value,
            Col::Driver => raw.driver = value,
            Col::AdminStatus => raw.admin = value,
            Col::Link => raw.link = value,
            Col::Speed => raw.speed = Some(value.filter(|v| parse_speed(v).is_some())?),
            Col::Duplex => raw.duplex = value,
            Col::Mac => raw.mac = Some(value.filter(|v| is_mac_like(v))?),
            Col::Mtu => raw.mtu = Some(value.filter(|v| shape::parse_u32(v).is_some())?),
            Col::Description => {
                raw.description = value;
                break;
            }
            Col::Unknown => {}
        }
    }
    (!raw.name.is_empty() && raw.mac.is_some()).then_some(raw)
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

const MAX_LEFT: usize = 8;

/// Reads a row by shape, anchored on the MAC: `name pci driver [status [status]] speed
/// duplex MAC mtu description…`.
fn by_shape(row: &str) -> Option<Raw<'_>> {
    let mut it = row.split_whitespace();
    let mut left = [""; MAX_LEFT];
    let mut n = 0usize;
    let mac = loop {
        let t = it.next()?;
        if n > 0 && is_mac_like(t) {
            break t;
        }
        *left.get_mut(n)? = t;
        n = n.saturating_add(1);
    };
    // name, pci, driver, statuses (0–2), speed, duplex.
    let statuses = n.checked_sub(5)?;
    if statuses > 2 {
        return None;
    }
    let at = |i: usize| left.get(i).copied().filter(|t| !t.is_empty());
    let mut raw = Raw {
        name: at(0)?,
        pci: at(1),
        driver: at(2),
        speed: at(n.checked_sub(2)?),
        duplex: at(n.checked_sub(1)?),
        mac: Some(mac),
        mtu: it.next(),
        ..Raw::default()
    };
    match statuses {
        2 => (raw.admin, raw.link) = (at(3), at(4)),
        1 => raw.link = at(3),
        _ => {}
    }
    raw.description = match (it.next(), it.next_back()) {
        (Some(first), last) => span(row, first, last.unwrap_or(first)),
        (None, _) => None,
    };
    Some(raw)
}

fn read<'a>(row: &'a str, h: Option<&Header>) -> Option<Raw<'a>> {
    h.and_then(|h| by_position(row, h))
        .or_else(|| by_shape(row))
}

/// A printed value that stands for nothing (`N/A`, `-`).
fn present(v: Option<&str>) -> Option<&str> {
    v.filter(|s| !shape::is_not_applicable(s))
}

/// One physical NIC. Strings borrow the input; columns a layout lacks are `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nic<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// `vmnicN`.
    pub name: &'a str,
    /// PCI address (`0000:02:00.0`; `Pseudo` for a USB NIC), as printed.
    pub pci: Option<&'a str>,
    /// Driver (`ntg3`, `ixgben`, `nmlx5_core`…).
    pub driver: Option<&'a str>,
    /// `Admin Status` (`Up`/`Down`), esxcli 6.x and later only.
    pub admin_status: Option<&'a str>,
    /// Link state as printed (`Up`/`Down`): `Link Status`, or `Link` on 5.x / esxcfg-nics.
    pub link: Option<&'a str>,
    /// Speed in Mbit/s (`0` when the link is down).
    pub speed_mbps: Option<u32>,
    /// `Full` / `Half` as printed.
    pub duplex: Option<&'a str>,
    /// MAC address.
    pub mac: Option<&'a str>,
    /// MTU.
    pub mtu: Option<u32>,
    /// Description (vendor and model; holds blanks).
    pub description: Option<&'a str>,
    raw_speed: Option<&'a str>,
    raw_mtu: Option<&'a str>,
}

impl<'a> Nic<'a> {
    fn from_raw(raw: Raw<'a>, line: u32) -> Self {
        let raw_speed = present(raw.speed);
        let raw_mtu = present(raw.mtu);
        Self {
            line,
            name: raw.name,
            pci: present(raw.pci),
            driver: present(raw.driver),
            admin_status: present(raw.admin),
            link: present(raw.link),
            speed_mbps: raw_speed.and_then(parse_speed),
            duplex: present(raw.duplex),
            mac: present(raw.mac),
            mtu: raw_mtu.and_then(shape::parse_u32),
            description: present(raw.description),
            raw_speed,
            raw_mtu,
        }
    }

    /// True when the link is printed `Up`.
    pub fn link_up(&self) -> bool {
        self.link.is_some_and(|l| l.eq_ignore_ascii_case("up"))
    }

    /// True when the duplex is printed `Half`.
    pub fn half_duplex(&self) -> bool {
        self.duplex.is_some_and(|d| d.eq_ignore_ascii_case("half"))
    }

    /// The `value_unparseable` diagnostics of this row (speed, then MTU).
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let d = |field: &'static str, v: &'a str| {
            Diagnostic::new(DiagnosticKind::ValueUnparseable, self.line).with_text(field, v)
        };
        let speed = self
            .raw_speed
            .filter(|_| self.speed_mbps.is_none())
            .map(|v| d("speed_mbps", v));
        let mtu = self
            .raw_mtu
            .filter(|_| self.mtu.is_none())
            .map(|v| d("mtu", v));
        speed.into_iter().chain(mtu)
    }
}

/// An item of the output: a NIC, or a line that cannot be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A NIC's row.
    Nic(Nic<'a>),
    /// A line that is no title, dash line, row or blank (`output_line_unrecognized`).
    Diagnostic(Diagnostic<'a>),
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

/// A `----  ---` line under the titles.
fn is_dashes(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('-') && t.bytes().all(|b| b == b'-' || b.is_ascii_whitespace())
}

impl<'a> Events<'a> {
    fn line(&mut self, line: Line<'a>) -> Option<Event<'a>> {
        let text = line.text;
        if text.trim().is_empty() || is_dashes(text) {
            return None;
        }
        if let Some(h) = Header::parse(text) {
            self.header = Some(h);
            return None;
        }
        Some(match read(text, self.header.as_ref()) {
            Some(raw) => Event::Nic(Nic::from_raw(raw, line.number)),
            None => Event::Diagnostic(
                Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, line.number)
                    .with_text(KIND, text.trim()),
            ),
        })
    }
}

/// `esxcli network nic list` or `esxcfg-nics -l` output: iterate its
/// [`nics`](Self::nics) (each pass re-reads the borrowed text; nothing is stored).
#[derive(Clone, Debug)]
pub struct NicList<'a> {
    lines: Lines<'a>,
    command: Option<&'a str>,
}

impl<'a> NicList<'a> {
    /// The output of a section: its body (the lines after the command line) and the
    /// command typed, if any.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        Self {
            lines: body,
            command,
        }
    }

    /// A whole text as NIC list output; never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The command line typed, if it was pasted.
    pub fn command(&self) -> Option<&'a str> {
        self.command
    }

    /// NICs and unplaceable lines, in line order.
    pub fn events(&self) -> Events<'a> {
        Events {
            lines: self.lines,
            header: None,
        }
    }

    /// The NICs, in line order.
    pub fn nics(&self) -> impl Iterator<Item = Nic<'a>> + Clone + use<'a> {
        self.events().filter_map(|e| match e {
            Event::Nic(n) => Some(n),
            Event::Diagnostic(_) => None,
        })
    }

    /// The NIC named `name` (`vmnic2`).
    pub fn nic(&self, name: &str) -> Option<Nic<'a>> {
        let name = name.trim();
        self.nics().find(|n| n.name == name)
    }

    /// Every diagnostic, in line order: unplaceable lines (`output_line_unrecognized`)
    /// and speeds or MTUs that are not numbers (`value_unparseable`).
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        self.events().flat_map(|e| {
            let (own, row) = match e {
                Event::Nic(n) => (None, Some(n.diagnostics())),
                Event::Diagnostic(d) => (Some(d), None),
            };
            own.into_iter().chain(row.into_iter().flatten())
        })
    }
}

/// True for the title line of either command (`Name  PCI Device  Driver … MAC Address …`).
///
/// ```
/// use vmkcheck_core::nic::is_start;
/// assert!(is_start("Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description"));
/// assert!(!is_start("Name: vmk0"));
/// ```
pub fn is_start(line: &str) -> bool {
    Header::parse(line).is_some()
}

/// True for any line the output can hold after its title: blank, dashes, a `vmnicN` row
/// with a MAC address.
///
/// ```
/// use vmkcheck_core::nic::is_continuation;
/// assert!(is_continuation("------  ------------  ------"));
/// assert!(is_continuation("vmnic0  0000:02:00.0  ntg3    Up            Up            1000  Full    00:50:56:aa:bb:cc  1500  Broadcom"));
/// assert!(!is_continuation("vmk0  Management Network  IPv4  192.0.2.11  255.255.255.0  192.0.2.255  00:50:56:6a:12:34  1500"));
/// ```
pub fn is_continuation(line: &str) -> bool {
    line.trim().is_empty()
        || is_dashes(line)
        || is_start(line)
        || (line.split_whitespace().next().is_some_and(is_nic_name) && by_shape(line).is_some())
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{Nic, NicList};

    impl Serialize for Nic<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Nic", 11)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("name", self.name)?;
            st.serialize_field("pci", &self.pci)?;
            st.serialize_field("driver", &self.driver)?;
            st.serialize_field("admin_status", &self.admin_status)?;
            st.serialize_field("link", &self.link)?;
            st.serialize_field("speed_mbps", &self.speed_mbps)?;
            st.serialize_field("duplex", &self.duplex)?;
            st.serialize_field("mac", &self.mac)?;
            st.serialize_field("mtu", &self.mtu)?;
            st.serialize_field("description", &self.description)?;
            st.end()
        }
    }

    /// The `nic_list` field: the array of NICs.
    impl Serialize for NicList<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.nics())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    use std::vec::Vec;

    const ESXCLI7: &str = "\
Name    PCI Device    Driver  Admin Status  Link Status  Speed  Duplex  MAC Address         MTU  Description
------  ------------  ------  ------------  -----------  -----  ------  -----------------  ----  -------------------------------------------------------
vmnic0  0000:02:00.0  ntg3    Up            Up            1000  Full    00:50:56:aa:bb:c0  1500  Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet
vmnic1  0000:02:00.1  ntg3    Up            Up             100  Half    00:50:56:aa:bb:c1  1500  Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet
vmnic2  0000:3b:00.0  ixgben  Down          Down             0  Half    00:50:56:aa:bb:c2  9000  Intel(R) Ethernet Controller X550
vusb0   Pseudo        cdce    Up            Up             100  Full    00:50:56:aa:bb:c3  1500  Realtek USB 101001000 LAN
";

    const ESXCLI5: &str = "\
Name    PCI Device     Driver  Link  Speed  Duplex  MAC Address         MTU  Description
------  -------------  ------  ----  -----  ------  -----------------  ----  -------------------------------------------------
vmnic0  0000:002:00.0  bnx2    Up     1000  Full    00:50:56:aa:01:00  1500  Broadcom Corporation PowerEdge R710 BCM5709 Gigabit Ethernet
vmnic1  0000:002:00.1  bnx2    Down      0  Half    00:50:56:aa:01:01  1500  Broadcom Corporation PowerEdge R710 BCM5709 Gigabit Ethernet
";

    const NICS: &str = "\
Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description
vmnic0  0000:02:00.0 ntg3        Up   1000Mbps   Full   00:50:56:aa:bb:cc 1500   Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet
vmnic4  0000:04:00.0 ixgben      Down 0Mbps      Half   00:50:56:aa:bb:ce 1500   Intel(R) Ethernet Controller X540-AT2
";

    type Row<'a> = (
        u32,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<u32>,
        Option<&'a str>,
        Option<&'a str>,
        Option<u32>,
        Option<&'a str>,
    );

    fn rows(text: &str) -> Vec<Row<'_>> {
        NicList::parse(text)
            .nics()
            .map(|n| {
                (
                    n.line,
                    n.name,
                    n.pci,
                    n.driver,
                    n.admin_status,
                    n.link,
                    n.speed_mbps,
                    n.duplex,
                    n.mac,
                    n.mtu,
                    n.description,
                )
            })
            .collect()
    }

    #[test]
    fn esxcli_7x() {
        let r = rows(ESXCLI7);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[1],
            (
                4,
                "vmnic1",
                Some("0000:02:00.1"),
                Some("ntg3"),
                Some("Up"),
                Some("Up"),
                Some(100),
                Some("Half"),
                Some("00:50:56:aa:bb:c1"),
                Some(1500),
                Some("Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet")
            )
        );
        assert_eq!(
            (r[2].5, r[2].6, r[2].9),
            (Some("Down"), Some(0), Some(9000))
        );
        assert_eq!((r[3].1, r[3].2), ("vusb0", Some("Pseudo")));
        assert_eq!(NicList::parse(ESXCLI7).diagnostics().count(), 0);
    }

    #[test]
    fn esxcli_5x() {
        let r = rows(ESXCLI5);
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[0].0, r[0].2, r[0].4, r[0].5),
            (3, Some("0000:002:00.0"), None, Some("Up"))
        );
        assert_eq!(
            (r[1].5, r[1].6, r[1].7),
            (Some("Down"), Some(0), Some("Half"))
        );
        assert_eq!(NicList::parse(ESXCLI5).diagnostics().count(), 0);
    }

    #[test]
    fn esxcfg_nics() {
        let r = rows(NICS);
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].5, r[0].6, r[0].4), (Some("Up"), Some(1000), None));
        assert_eq!(
            (r[1].1, r[1].5, r[1].6, r[1].7, r[1].10),
            (
                "vmnic4",
                Some("Down"),
                Some(0),
                Some("Half"),
                Some("Intel(R) Ethernet Controller X540-AT2")
            )
        );
        let l = NicList::parse(NICS);
        assert!(l.nic("vmnic4").unwrap().half_duplex());
        assert!(!l.nic("vmnic4").unwrap().link_up());
        assert!(l.nic("vmnic9").is_none());
    }

    #[test]
    fn collapsed_blanks_and_no_header() {
        let text = "vmnic0 0000:02:00.0 ntg3 Up Up 1000 Full 00:50:56:aa:bb:c0 1500 Broadcom NetXtreme\n\
                    vmnic1 0000:02:00.1 ntg3 Down 0Mbps Half 00:50:56:aa:bb:c1 1500\n";
        let r = rows(text);
        assert_eq!(
            (r[0].4, r[0].5, r[0].10),
            (Some("Up"), Some("Up"), Some("Broadcom NetXtreme"))
        );
        assert_eq!(
            (r[1].4, r[1].5, r[1].6, r[1].10),
            (None, Some("Down"), Some(0), None)
        );
    }

    #[test]
    fn crlf_and_blank_after_every_line() {
        let text = ESXCLI7.replace('\n', "\r\n\r\n");
        assert_eq!(
            rows(&text),
            rows(ESXCLI7)
                .into_iter()
                .map(|mut r| {
                    r.0 = r.0 * 2 - 1;
                    r
                })
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn misaligned_row_read_by_shape() {
        let text = "Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description\n\
                    vmnic10 0000:af:00.0 nmlx5_core  Up 25000Mbps  Full 00:50:56:aa:bb:cc 9000 Mellanox ConnectX-4 Lx\n";
        let r = rows(text);
        assert_eq!(
            (r[0].1, r[0].3, r[0].6, r[0].9),
            ("vmnic10", Some("nmlx5_core"), Some(25000), Some(9000))
        );
        assert_eq!(r[0].10, Some("Mellanox ConnectX-4 Lx"));
    }

    #[test]
    fn bad_values_and_lines_are_diagnosed() {
        let text = "Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description\n\
                    vmnic0  0000:02:00.0 ntg3        Up   fastMbps   Full   00:50:56:aa:bb:cc 15OO   Broadcom\n\
                    some prose line\n";
        let l = NicList::parse(text);
        let n = l.nic("vmnic0").unwrap();
        assert_eq!(
            (n.speed_mbps, n.mtu, n.description),
            (None, None, Some("Broadcom"))
        );
        let d: Vec<_> = l
            .diagnostics()
            .map(|d| (d.line, d.kind, d.subject, d.text))
            .collect();
        assert_eq!(
            d,
            [
                (
                    2,
                    DiagnosticKind::ValueUnparseable,
                    "speed_mbps",
                    "fastMbps"
                ),
                (2, DiagnosticKind::ValueUnparseable, "mtu", "15OO"),
                (
                    3,
                    DiagnosticKind::OutputLineUnrecognized,
                    "nic_list",
                    "some prose line"
                ),
            ]
        );
        for d in l.diagnostics() {
            assert!(!d.to_string().is_empty());
        }
    }

    #[test]
    fn predicates_do_not_fire_on_other_output() {
        for l in [
            "vmk1       vMotion             IPv4      192.0.2.11     255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 9000    65535     true    STATIC",
            "64 bytes from 192.0.2.12: icmp_seq=0 ttl=64 time=0.311 ms",
            "[root@esx01:~] esxcli network nic list",
            "Interface  Port Group/DVPort   IP Family IP Address",
            "Name    MAC Address        Enabled  Portset",
        ] {
            assert!(!is_start(l) && !is_continuation(l), "{l}");
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        use serde_json::json;
        let v = serde_json::to_value(NicList::parse(ESXCLI5)).unwrap();
        assert_eq!(
            v[1],
            json!({"line": 4, "name": "vmnic1", "pci": "0000:002:00.1", "driver": "bnx2",
                   "admin_status": null, "link": "Down", "speed_mbps": 0, "duplex": "Half",
                   "mac": "00:50:56:aa:01:01", "mtu": 1500,
                   "description": "Broadcom Corporation PowerEdge R710 BCM5709 Gigabit Ethernet"})
        );
    }
}
