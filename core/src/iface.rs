//! `esxcli network ip interface list` blocks.
//!
//! One block per vmknic, under its name line. The keys grew with the releases: 5.5 prints
//! `Name`, `MAC Address`, `Enabled`, `Portset`, `Portgroup`, `VDS Name`, `VDS UUID`,
//! `VDS Port`, `VDS Connection`, `MTU`, `TSO MSS`, `Port ID`; 6.x adds
//! `Netstack Instance`; 6.7 and later add `Opaque Network ID`, `Opaque Network Type`,
//! `External ID`, `RXDispQueue Size`. Keys vmkcheck does not use are ignored without a
//! diagnostic (ESXi adds some every release); `N/A` is `None`.
//!
//! ```
//! use vmkcheck_core::iface::InterfaceList;
//! let text = "\
//! vmk1
//!    Name: vmk1
//!    MAC Address: 00:50:56:6b:01:02
//!    Enabled: true
//!    Portset: vSwitch1
//!    Portgroup: vMotion
//!    Netstack Instance: vmotion
//!    VDS Name: N/A
//!    MTU: 9000
//!    TSO MSS: 65535
//!    Port ID: 50331652
//! ";
//! let row = InterfaceList::parse(text).rows().next().unwrap();
//! assert_eq!((row.name, row.netstack, row.mtu), (Some("vmk1"), Some("vmotion"), Some(9000)));
//! assert_eq!((row.vds_name, row.enabled, row.line), (None, Some(true), 1));
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::esxcli::block::{Block, Blocks, Pair, parse_bool, present};
use crate::lines::Lines;
use crate::shape;

/// The section kind, as diagnostics name it.
const KIND: &str = "interface_list";

/// One vmknic of `esxcli network ip interface list`. Strings borrow the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InterfaceRow<'a> {
    /// 1-based line of the block's name line (of its first pair when it has none).
    pub line: u32,
    /// `Name` (else the block's name line): `vmkN`.
    pub name: Option<&'a str>,
    /// `MAC Address`, as printed.
    pub mac: Option<&'a str>,
    /// `Enabled`.
    pub enabled: Option<bool>,
    /// `Portset` (`vSwitch0`, `DvsPortset-0`).
    pub portset: Option<&'a str>,
    /// `Portgroup` (standard switch; `None` on a DVS).
    pub portgroup: Option<&'a str>,
    /// `Netstack Instance` (6.0 and later).
    pub netstack: Option<&'a str>,
    /// `VDS Name`.
    pub vds_name: Option<&'a str>,
    /// `VDS UUID`, as printed (blanks inside).
    pub vds_uuid: Option<&'a str>,
    /// `VDS Port`, as printed (a DVPort key).
    pub vds_port: Option<&'a str>,
    /// `MTU`.
    pub mtu: Option<u32>,
    /// `TSO MSS`.
    pub tso_mss: Option<u32>,
    /// `Port ID`.
    pub port_id: Option<u32>,
}

/// A field this parser reads, by its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Mac,
    Enabled,
    Portset,
    Portgroup,
    Netstack,
    VdsName,
    VdsUuid,
    VdsPort,
    Mtu,
    TsoMss,
    PortId,
}

const FIELDS: [(&str, Field); 12] = [
    ("Name", Field::Name),
    ("MAC Address", Field::Mac),
    ("Enabled", Field::Enabled),
    ("Portset", Field::Portset),
    ("Portgroup", Field::Portgroup),
    ("Netstack Instance", Field::Netstack),
    ("VDS Name", Field::VdsName),
    ("VDS UUID", Field::VdsUuid),
    ("VDS Port", Field::VdsPort),
    ("MTU", Field::Mtu),
    ("TSO MSS", Field::TsoMss),
    ("Port ID", Field::PortId),
];

/// Keys ESXi prints that carry nothing vmkcheck reads; they also mark a block as this output.
const OTHER_KEYS: [&str; 6] = [
    "VDS Connection",
    "Opaque Network ID",
    "Opaque Network Type",
    "External ID",
    "RXDispQueue Size",
    "Portset Name",
];

fn field(p: &Pair<'_>) -> Option<Field> {
    FIELDS.iter().find(|(k, _)| p.is(k)).map(|(_, f)| *f)
}

fn is_known(p: &Pair<'_>) -> bool {
    field(p).is_some() || OTHER_KEYS.iter().any(|k| p.is(k))
}

/// True when a block is a vmknic record: a `vmkN` name or a key of this output.
fn is_row(b: &Block<'_>) -> bool {
    b.name.is_some_and(shape::is_vmk) || b.pairs().any(|p| is_known(&p))
}

/// A number field: `None` for `N/A`; `Err` when printed but not a number.
fn number(value: &str) -> Result<Option<u32>, ()> {
    present(value)
        .map(shape::parse_u32)
        .map_or(Ok(None), |n| n.map(Some).ok_or(()))
}

fn boolean(value: &str) -> Result<Option<bool>, ()> {
    present(value)
        .map(parse_bool)
        .map_or(Ok(None), |b| b.map(Some).ok_or(()))
}

/// True when `p` holds a value its field cannot read.
fn unparseable(p: &Pair<'_>) -> bool {
    match field(p) {
        Some(Field::Mtu | Field::TsoMss | Field::PortId) => number(p.value).is_err(),
        Some(Field::Enabled) => boolean(p.value).is_err(),
        _ => false,
    }
}

/// Reads a block in one pass; `None` when it is no vmknic record (see [`is_row`]).
fn row<'a>(b: &Block<'a>) -> Option<InterfaceRow<'a>> {
    let mut r = InterfaceRow {
        line: b.line,
        ..InterfaceRow::default()
    };
    let mut record = b.name.is_some_and(shape::is_vmk);
    for p in b.pairs() {
        let v = present(p.value);
        let Some(f) = field(&p) else {
            record = record || is_known(&p);
            continue;
        };
        record = true;
        // The first occurrence of a key wins (a paste repeated twice).
        match f {
            Field::Name => r.name = r.name.or(v),
            Field::Mac => r.mac = r.mac.or(v),
            Field::Enabled => r.enabled = r.enabled.or(boolean(p.value).ok().flatten()),
            Field::Portset => r.portset = r.portset.or(v),
            Field::Portgroup => r.portgroup = r.portgroup.or(v),
            Field::Netstack => r.netstack = r.netstack.or(v),
            Field::VdsName => r.vds_name = r.vds_name.or(v),
            Field::VdsUuid => r.vds_uuid = r.vds_uuid.or(v),
            Field::VdsPort => r.vds_port = r.vds_port.or(v),
            Field::Mtu => r.mtu = r.mtu.or(number(p.value).ok().flatten()),
            Field::TsoMss => r.tso_mss = r.tso_mss.or(number(p.value).ok().flatten()),
            Field::PortId => r.port_id = r.port_id.or(number(p.value).ok().flatten()),
        }
    }
    r.name = r.name.or(b.name.filter(|n| shape::is_vmk(n)));
    record.then_some(r)
}

/// Diagnostics of one block of `kind` output (`record`: the block is one of its rows):
/// values `unparseable` rejects, lines that are not pairs, and every line of a block
/// that is no record (prose, an `Error:` line). The netstack list reads its blocks alike.
pub(crate) fn block_diagnostics<'a>(
    kind: &'static str,
    record: bool,
    b: Block<'a>,
    unparseable: impl Fn(&Pair<'a>) -> bool + Clone,
) -> impl Iterator<Item = Diagnostic<'a>> + Clone {
    let unrecognized = move |line: u32, text: &'a str| {
        Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, line).with_text(kind, text)
    };
    let name = b.name.filter(|_| !record).map(|n| unrecognized(b.line, n));
    let pairs = b.pairs().filter_map(move |p| {
        if !record || !p.is_pair() {
            // The whole line as printed, trimmed.
            let text = if p.is_pair() { p.key } else { p.value };
            Some(unrecognized(p.line, text))
        } else if unparseable(&p) {
            Some(
                Diagnostic::new(DiagnosticKind::ValueUnparseable, p.line).with_text(p.key, p.value),
            )
        } else {
            None
        }
    });
    name.into_iter().chain(pairs)
}

/// `esxcli network ip interface list` output: iterate its [`rows`](Self::rows) and
/// [`diagnostics`](Self::diagnostics) (each pass re-reads the borrowed lines).
#[derive(Clone, Debug)]
pub struct InterfaceList<'a> {
    lines: Lines<'a>,
}

impl<'a> InterfaceList<'a> {
    /// The output of a section (lines after the command line). The command adds nothing.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let _ = command;
        Self { lines: body }
    }

    /// A whole text of this output; never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The vmknics, in line order.
    pub fn rows(&self) -> impl Iterator<Item = InterfaceRow<'a>> + Clone + use<'a> {
        Blocks::new(self.lines).filter_map(|b| row(&b))
    }

    /// Values that cannot be read and lines that belong to no vmknic, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        Blocks::new(self.lines).flat_map(|b| block_diagnostics(KIND, is_row(&b), b, unparseable))
    }
}

/// True for the first line of this output: a `vmkN` name line, alone and unindented.
///
/// ```
/// use vmkcheck_core::iface::is_start;
/// assert!(is_start("vmk0") && is_start("vmk12 "));
/// assert!(!is_start("vmk0       Management Network  IPv4") && !is_start("   Name: vmk0"));
/// ```
pub fn is_start(line: &str) -> bool {
    !line.starts_with([' ', '\t']) && shape::is_vmk(line.trim_end())
}

/// True for a line this output can hold after its start: blank, a `Key: Value` pair or
/// another `vmkN` name line.
pub fn is_continuation(line: &str) -> bool {
    crate::esxcli::block::is_pair_or_blank(line) || shape::is_vmk(line.trim())
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{InterfaceList, InterfaceRow};

    impl Serialize for InterfaceRow<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("InterfaceRow", 13)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("name", &self.name)?;
            st.serialize_field("mac", &self.mac)?;
            st.serialize_field("enabled", &self.enabled)?;
            st.serialize_field("portset", &self.portset)?;
            st.serialize_field("portgroup", &self.portgroup)?;
            st.serialize_field("netstack", &self.netstack)?;
            st.serialize_field("vds_name", &self.vds_name)?;
            st.serialize_field("vds_uuid", &self.vds_uuid)?;
            st.serialize_field("vds_port", &self.vds_port)?;
            st.serialize_field("mtu", &self.mtu)?;
            st.serialize_field("tso_mss", &self.tso_mss)?;
            st.serialize_field("port_id", &self.port_id)?;
            st.end()
        }
    }

    /// The JSON array of rows (the `interface_list` field of a section).
    impl Serialize for InterfaceList<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            crate::ser::Items(self.rows()).serialize(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    const V55: &str = "\
vmk0
   Name: vmk0
   MAC Address: 00:25:90:fa:9c:62
   Enabled: true
   Portset: vSwitch0
   Portgroup: Management Network
   VDS Name: N/A
   VDS UUID: N/A
   VDS Port: N/A
   VDS Connection: -1
   MTU: 1500
   TSO MSS: 65535
   Port ID: 33554436

vmk1
   Name: vmk1
   MAC Address: 00:50:56:61:a2:ca
   Enabled: true
   Portset: DvsPortset-0
   Portgroup: N/A
   VDS Name: dvSwitch01
   VDS UUID: 50 1e 5c 7a 0f 7c 43 2c-9d 4a 1f 2b 0c 6e 8a 11
   VDS Port: 106
   VDS Connection: 1502117430
   MTU: 9000
   TSO MSS: 65535
   Port ID: 50331656
";

    const V80: &str = "\
vmk0
   Name: vmk0
   MAC Address: 00:50:56:6a:12:34
   Enabled: true
   Portset: vSwitch0
   Portgroup: Management Network
   Netstack Instance: defaultTcpipStack
   VDS Name: N/A
   VDS UUID: N/A
   VDS Port: N/A
   VDS Connection: -1
   Opaque Network ID: N/A
   Opaque Network Type: N/A
   External ID: N/A
   MTU: 1500
   TSO MSS: 65535
   RXDispQueue Size: 1
   Port ID: 67108868
";

    #[test]
    fn esxi_55_standard_and_dvs() {
        let l = InterfaceList::parse(V55);
        let rows: Vec<_> = l.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].portgroup, Some("Management Network"));
        assert_eq!((rows[0].netstack, rows[0].vds_port), (None, None));
        assert_eq!(rows[0].port_id, Some(33554436));
        assert_eq!((rows[1].line, rows[1].portgroup), (15, None));
        assert_eq!(rows[1].vds_name, Some("dvSwitch01"));
        assert_eq!(
            rows[1].vds_uuid,
            Some("50 1e 5c 7a 0f 7c 43 2c-9d 4a 1f 2b 0c 6e 8a 11")
        );
        assert_eq!((rows[1].vds_port, rows[1].mtu), (Some("106"), Some(9000)));
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn esxi_80_extra_keys_are_ignored() {
        let l = InterfaceList::parse(V80);
        let r = l.rows().next().unwrap();
        assert_eq!(r.netstack, Some("defaultTcpipStack"));
        assert_eq!(
            (r.mtu, r.tso_mss, r.port_id),
            (Some(1500), Some(65535), Some(67108868))
        );
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn collapsed_indent_crlf_and_blank_lines() {
        let text = "vmk0\r\n\r\nName: vmk0\r\n\r\nMTU: 1500\r\n\r\nvmk1\r\n\r\nName: vmk1\r\n\r\nMTU: 9000\r\n";
        let rows: Vec<_> = InterfaceList::parse(text).rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].name, rows[1].mtu, rows[1].line),
            (Some("vmk1"), Some(9000), 7)
        );
    }

    #[test]
    fn bad_values_and_stray_lines_are_diagnosed() {
        let text =
            "vmk0\n   Name: vmk0\n   MTU: jumbo\n   Enabled: yes\n   oops\nThanks for any help\n";
        let l = InterfaceList::parse(text);
        let r = l.rows().next().unwrap();
        assert_eq!((r.mtu, r.enabled), (None, None));
        let d: Vec<_> = l
            .diagnostics()
            .map(|d| (d.kind, d.line, d.subject, d.text))
            .collect();
        assert_eq!(
            d,
            [
                (DiagnosticKind::ValueUnparseable, 3, "MTU", "jumbo"),
                (DiagnosticKind::ValueUnparseable, 4, "Enabled", "yes"),
                (DiagnosticKind::OutputLineUnrecognized, 5, KIND, "oops"),
                (
                    DiagnosticKind::OutputLineUnrecognized,
                    6,
                    KIND,
                    "Thanks for any help"
                ),
            ]
        );
        assert_eq!(l.rows().count(), 1);
    }

    #[test]
    fn block_cut_short_and_pairs_without_name() {
        let rows: Vec<_> = InterfaceList::parse("vmk3\n").rows().collect();
        assert_eq!((rows[0].name, rows[0].mtu), (Some("vmk3"), None));
        let rows: Vec<_> = InterfaceList::parse("   MTU: 9000\n   Portset: vSwitch1\n")
            .rows()
            .collect();
        assert_eq!(
            (rows[0].name, rows[0].mtu, rows[0].line),
            (None, Some(9000), 1)
        );
    }

    #[test]
    fn predicates() {
        assert!(is_start("vmk0"));
        assert!(!is_start("vmkping -I vmk1 192.0.2.1"));
        assert!(!is_start("[root@esx01:~] esxcli network ip interface list"));
        assert!(is_continuation("   Netstack Instance: vmotion") && is_continuation(""));
        assert!(is_continuation("vmk1"));
        assert!(!is_continuation("[root@esx01:~] "));
        assert!(!is_continuation(
            "PING 192.0.2.1 (192.0.2.1): 56 data bytes"
        ));
        assert!(!is_continuation(
            "vmk0       Management Network  IPv4      192.0.2.11"
        ));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        let v = serde_json::to_value(InterfaceList::parse(V55)).unwrap();
        assert_eq!(
            v[1],
            serde_json::json!({"line": 15, "name": "vmk1", "mac": "00:50:56:61:a2:ca",
                "enabled": true, "portset": "DvsPortset-0", "portgroup": null, "netstack": null,
                "vds_name": "dvSwitch01", "vds_uuid": "50 1e 5c 7a 0f 7c 43 2c-9d 4a 1f 2b 0c 6e 8a 11",
                "vds_port": "106", "mtu": 9000, "tso_mss": 65535, "port_id": 50331656})
        );
        let keys: Vec<_> = serde_json::to_string(&InterfaceList::parse(V80))
            .unwrap()
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|k| k.chars().all(|c| c == '_' || c.is_ascii_lowercase()))
            .map(std::string::String::from)
            .collect();
        assert_eq!(
            keys,
            [
                "line",
                "name",
                "mac",
                "enabled",
                "portset",
                "portgroup",
                "netstack",
                "vds_name",
                "vds_uuid",
                "vds_port",
                "mtu",
                "tso_mss",
                "port_id"
            ]
        );
    }
}
