//! `esxcli network ip interface ipv4 get` ([`Ipv4Table`], kind `ipv4_get`) and
//! `esxcli network ip interface ipv6 address list` ([`Ipv6Table`], kind
//! `ipv6_address_list`).
//!
//! Both are dash-underlined tables read with [`esxcli::table`](crate::esxcli::table):
//! columns are found by title (5.x prints no `Gateway` column; 6.x–8.x do), rows are cut
//! at the dash runs and confirmed by the shape of their values, and read by words when
//! they do not line up. A value without its shape is `null` plus a `value_unparseable`
//! diagnostic; an address of the right shape that is still invalid (redacted) is kept as
//! printed with an `address_unparseable` diagnostic; a line that is no row is an
//! `output_line_unrecognized` diagnostic.
//!
//! ```
//! use vmkcheck_core::ipaddr::Ipv4Table;
//! let text = "\
//! Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway    DHCP DNS
//! ----  ------------  -------------  --------------  ------------  ---------  --------
//! vmk1  198.51.100.11 255.255.255.0  198.51.100.255  STATIC        0.0.0.0       false
//! ";
//! let row = Ipv4Table::parse(text).rows().next().unwrap();
//! assert_eq!((row.interface, row.address, row.prefix_len), ("vmk1", Some("198.51.100.11"), Some(24)));
//! assert_eq!((row.gateway, row.dhcp_dns, row.line), (Some("0.0.0.0"), Some(false), 3));
//! ```

use crate::diag::Diagnostic;
use crate::esxcli::cells::{self, Cells, Item, Schema, Shape};
use crate::esxcli::table::{self, Table};
use crate::lines::Lines;
use crate::shape;

const V4_NAME: usize = 0;
const V4_ADDRESS: usize = 1;
const V4_NETMASK: usize = 2;
const V4_BROADCAST: usize = 3;
const V4_TYPE: usize = 4;
const V4_GATEWAY: usize = 5;
const V4_DHCP_DNS: usize = 6;

const V4_KNOWN: &[&str] = &[
    "Name",
    "Interface",
    "IPv4 Address",
    "IP Address",
    "Address",
    "IPv4 Netmask",
    "Netmask",
    "IPv4 Broadcast",
    "Broadcast",
    "Address Type",
    "Type",
    "Gateway",
    "IPv4 Gateway",
    "DHCP DNS",
];

/// Columns by number of words when there are no titles: 7 since 6.0 (Gateway), 6 in 5.x.
fn v4_untitled(words: usize) -> [Option<usize>; 7] {
    if words == 6 {
        [Some(0), Some(1), Some(2), Some(3), Some(4), None, Some(5)]
    } else {
        [
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
        ]
    }
}

static IPV4: Schema<7> = Schema {
    kind: "ipv4_get",
    names: [
        "interface",
        "address",
        "netmask",
        "broadcast",
        "type",
        "gateway",
        "dhcp_dns",
    ],
    titles: [
        &["Name", "Interface"],
        &["IPv4 Address", "IP Address", "Address"],
        &["IPv4 Netmask", "Netmask"],
        &["IPv4 Broadcast", "Broadcast"],
        &["Address Type", "Type"],
        &["Gateway", "IPv4 Gateway"],
        &["DHCP DNS"],
    ],
    shapes: [
        Shape::Vmk,
        Shape::Address(0),
        Shape::Address(1),
        Shape::Address(2),
        Shape::Word,
        Shape::Address(0),
        Shape::Bool,
    ],
    known: V4_KNOWN,
    interface: V4_NAME,
    key: V4_NAME,
    untitled: v4_untitled,
};

const V6_INTERFACE: usize = 0;
const V6_ADDRESS: usize = 1;
const V6_NETMASK: usize = 2;
const V6_TYPE: usize = 3;
const V6_STATUS: usize = 4;

const V6_KNOWN: &[&str] = &[
    "Interface",
    "Name",
    "Address",
    "IPv6 Address",
    "Netmask",
    "Prefix",
    "Prefix Length",
    "Type",
    "Status",
];

fn v6_untitled(_words: usize) -> [Option<usize>; 5] {
    [Some(0), Some(1), Some(2), Some(3), Some(4)]
}

static IPV6: Schema<5> = Schema {
    kind: "ipv6_address_list",
    names: ["interface", "address", "prefix_len", "type", "status"],
    titles: [
        &["Interface", "Name"],
        &["Address", "IPv6 Address"],
        &["Netmask", "Prefix Length", "Prefix"],
        &["Type"],
        &["Status"],
    ],
    shapes: [
        Shape::Vmk,
        Shape::Address(0),
        Shape::Prefix,
        Shape::Word,
        Shape::Word,
    ],
    known: V6_KNOWN,
    interface: V6_INTERFACE,
    key: V6_INTERFACE,
    untitled: v6_untitled,
};

/// One row of `esxcli network ip interface ipv4 get`. Strings borrow the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv4Row<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// `vmkN` (the `Name` column).
    pub interface: &'a str,
    /// IPv4 address as printed (kept when redacted).
    pub address: Option<&'a str>,
    /// Netmask as printed.
    pub netmask: Option<&'a str>,
    /// Prefix length derived from the netmask (`None` when it is not a valid mask).
    pub prefix_len: Option<u8>,
    /// Broadcast as printed.
    pub broadcast: Option<&'a str>,
    /// Address type: `STATIC`, `DHCP`, `NONE`.
    pub type_: Option<&'a str>,
    /// Gateway as printed (`0.0.0.0` when none); `None` in 5.x, which has no such column.
    pub gateway: Option<&'a str>,
    /// DHCP DNS.
    pub dhcp_dns: Option<bool>,
}

/// One row of `esxcli network ip interface ipv6 address list`: one address of a vmk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv6Row<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// `vmkN`.
    pub interface: &'a str,
    /// IPv6 address as printed.
    pub address: Option<&'a str>,
    /// Prefix length (the `Netmask` column).
    pub prefix_len: Option<u8>,
    /// `STATIC`, `DHCP`, `AUTOCONF`, … as printed.
    pub type_: Option<&'a str>,
    /// `PREFERRED`, `DEPRECATED`, `TENTATIVE`, … as printed.
    pub status: Option<&'a str>,
}

fn v4_row<'a>(c: &Cells<'a, 7>) -> Ipv4Row<'a> {
    let g = |f| IPV4.get(c, f);
    let netmask = g(V4_NETMASK);
    Ipv4Row {
        line: c.line,
        interface: g(V4_NAME).unwrap_or(""),
        address: g(V4_ADDRESS),
        netmask,
        prefix_len: netmask.and_then(shape::ipv4_prefix_len),
        broadcast: g(V4_BROADCAST),
        type_: g(V4_TYPE),
        gateway: g(V4_GATEWAY),
        dhcp_dns: g(V4_DHCP_DNS).and_then(cells::parse_bool),
    }
}

fn v6_row<'a>(c: &Cells<'a, 5>) -> Ipv6Row<'a> {
    let g = |f| IPV6.get(c, f);
    Ipv6Row {
        line: c.line,
        interface: g(V6_INTERFACE).unwrap_or(""),
        address: g(V6_ADDRESS),
        prefix_len: g(V6_NETMASK).and_then(shape::ipv6_prefix_len),
        type_: g(V6_TYPE),
        status: g(V6_STATUS),
    }
}

/// Diagnostics of a table: a collapsed header, then every row's and unrecognised line's.
fn diagnostics_of<'a, const N: usize>(
    schema: &'static Schema<N>,
    table: &Table<'a>,
) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a, N> {
    cells::collapsed(table)
        .into_iter()
        .chain(schema.items(table).flat_map(move |it| {
            let (line, row) = match it {
                Item::Row(c) => (None, Some(schema.diagnostics(c))),
                Item::Unrecognized(d) => (Some(d), None),
            };
            line.into_iter().chain(row.into_iter().flatten())
        }))
}

fn rows_of<'a, const N: usize, R>(
    schema: &'static Schema<N>,
    table: &Table<'a>,
    row: fn(&Cells<'a, N>) -> R,
) -> impl Iterator<Item = R> + Clone + use<'a, N, R> {
    schema.items(table).filter_map(move |it| match it {
        Item::Row(c) => Some(row(&c)),
        Item::Unrecognized(_) => None,
    })
}

/// The words of a line, compared to a title.
fn words_are(line: &str, title: &[&str]) -> bool {
    let mut w = line.split_whitespace();
    title.iter().all(|t| w.next() == Some(*t)) && w.next().is_none()
}

/// `esxcli network ip interface ipv4 get [-i vmkN]` output.
#[derive(Clone, Debug)]
pub struct Ipv4Table<'a> {
    table: Table<'a>,
    command: Option<&'a str>,
}

impl<'a> Ipv4Table<'a> {
    /// The table in a section's `body` (the lines after the command line `command`).
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        Self {
            table: Table::read(body, IPV4.known),
            command,
        }
    }

    /// The table in a whole text (no command line). Never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The interface the command asked for (`-i vmk1`, `--interface-name=vmk1`).
    pub fn interface(&self) -> Option<&'a str> {
        self.command
            .and_then(|c| cells::option(c, "-i", "--interface-name"))
    }

    /// The rows, in line order.
    pub fn rows(&self) -> impl Iterator<Item = Ipv4Row<'a>> + Clone + use<'a> {
        rows_of(&IPV4, &self.table, v4_row)
    }

    /// Everything doubtful, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        diagnostics_of(&IPV4, &self.table)
    }

    /// True for the title line of this output (`Name  IPv4 Address  IPv4 Netmask …`).
    ///
    /// ```
    /// use vmkcheck_core::ipaddr::Ipv4Table;
    /// assert!(Ipv4Table::is_start("Name  IPv4 Address  IPv4 Netmask  IPv4 Broadcast  Address Type  DHCP DNS"));
    /// assert!(!Ipv4Table::is_start("Name    PCI Device    Driver  Admin Status"));
    /// ```
    pub fn is_start(line: &str) -> bool {
        let t = line.trim();
        t.starts_with("Name")
            && t.contains("IPv4 Address")
            && t.contains("IPv4 Netmask")
            && table::is_title_line(t, IPV4.known)
    }

    /// True for any line this output can hold after its title: dashes, blank, a row.
    ///
    /// ```
    /// use vmkcheck_core::ipaddr::Ipv4Table;
    /// assert!(Ipv4Table::is_continuation("vmk0  192.0.2.11  255.255.255.0  192.0.2.255  STATIC  192.0.2.1  false"));
    /// assert!(!Ipv4Table::is_continuation("vmk0  Management Network  IPv4  192.0.2.11  255.255.255.0"));
    /// ```
    pub fn is_continuation(line: &str) -> bool {
        let mut w = line.split_whitespace();
        let addr = |v: Option<&str>| {
            v.is_some_and(|v| shape::is_addressish(v) || shape::is_not_applicable(v))
        };
        let row = w.next().is_some_and(shape::is_vmk)
            && addr(w.next())
            && addr(w.next())
            && (2..=5).contains(&w.count());
        row || line.trim().is_empty() || table::is_dash_line(line) || Self::is_start(line)
    }
}

/// `esxcli network ip interface ipv6 address list` output.
#[derive(Clone, Debug)]
pub struct Ipv6Table<'a> {
    table: Table<'a>,
}

impl<'a> Ipv6Table<'a> {
    /// The table in a section's `body`; the command adds nothing to this output.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let _ = command;
        Self {
            table: Table::read(body, IPV6.known),
        }
    }

    /// The table in a whole text (no command line). Never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The rows, in line order.
    pub fn rows(&self) -> impl Iterator<Item = Ipv6Row<'a>> + Clone + use<'a> {
        rows_of(&IPV6, &self.table, v6_row)
    }

    /// Everything doubtful, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        diagnostics_of(&IPV6, &self.table)
    }

    /// True for the title line `Interface  Address  Netmask  Type  Status`.
    ///
    /// ```
    /// use vmkcheck_core::ipaddr::Ipv6Table;
    /// assert!(Ipv6Table::is_start("Interface  Address                   Netmask  Type    Status"));
    /// assert!(!Ipv6Table::is_start("Interface  Port Group/DVPort   IP Family IP Address  Netmask"));
    /// ```
    pub fn is_start(line: &str) -> bool {
        words_are(line, &["Interface", "Address", "Netmask", "Type", "Status"])
    }

    /// True for any line this output can hold after its title: dashes, blank, a row.
    ///
    /// ```
    /// use vmkcheck_core::ipaddr::Ipv6Table;
    /// assert!(Ipv6Table::is_continuation("vmk0  fe80::250:56ff:fe6a:1234  64  STATIC  PREFERRED"));
    /// assert!(!Ipv6Table::is_continuation("vmk0  Management Network  IPv6  fe80::1  64"));
    /// ```
    pub fn is_continuation(line: &str) -> bool {
        let mut w = line.split_whitespace();
        let row = w.next().is_some_and(shape::is_vmk)
            && w.next()
                .is_some_and(|a| a.contains(':') && shape::is_addressish(a))
            && w.next().and_then(shape::ipv6_prefix_len).is_some()
            && w.count() <= 3;
        row || line.trim().is_empty() || table::is_dash_line(line) || Self::is_start(line)
    }
}

#[cfg(feature = "serde")]
mod ser {
    use super::{Ipv4Row, Ipv4Table, Ipv6Row, Ipv6Table};
    use crate::ser::Items;
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    impl Serialize for Ipv4Row<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Ipv4Row", 9)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("interface", self.interface)?;
            st.serialize_field("address", &self.address)?;
            st.serialize_field("netmask", &self.netmask)?;
            st.serialize_field("prefix_len", &self.prefix_len)?;
            st.serialize_field("broadcast", &self.broadcast)?;
            st.serialize_field("type", &self.type_)?;
            st.serialize_field("gateway", &self.gateway)?;
            st.serialize_field("dhcp_dns", &self.dhcp_dns)?;
            st.end()
        }
    }

    impl Serialize for Ipv6Row<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Ipv6Row", 6)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("interface", self.interface)?;
            st.serialize_field("address", &self.address)?;
            st.serialize_field("prefix_len", &self.prefix_len)?;
            st.serialize_field("type", &self.type_)?;
            st.serialize_field("status", &self.status)?;
            st.end()
        }
    }

    /// The `ipv4_get` JSON: an array of rows.
    impl Serialize for Ipv4Table<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Items(self.rows()).serialize(s)
        }
    }

    /// The `ipv6_address_list` JSON: an array of rows.
    impl Serialize for Ipv6Table<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Items(self.rows()).serialize(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::DiagnosticKind;
    use std::vec::Vec;

    const V4_55: &str = "\
Name  IPv4 Address   IPv4 Netmask     IPv4 Broadcast  Address Type  DHCP DNS
----  -------------  ---------------  --------------  ------------  --------
vmk0  192.0.2.21     255.255.255.0    192.0.2.255     STATIC           false
vmk1  198.51.100.21  255.255.255.128  198.51.100.127  STATIC           false
";

    const V4_70: &str = "\
Name  IPv4 Address   IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway    DHCP DNS
----  -------------  -------------  --------------  ------------  ---------  --------
vmk0  192.0.2.31     255.255.255.0  192.0.2.255     DHCP          192.0.2.1      true
vmk1  198.51.100.31  255.255.255.0  198.51.100.255  STATIC        0.0.0.0       false
vmk2  10.xxx.xx.xxx  255.255.255.0  10.xxx.xx.255   STATIC        0.0.0.0       false
";

    const V6: &str = "\
Interface  Address                         Netmask  Type      Status
---------  ------------------------------  -------  --------  ----------
vmk0       fe80::250:56ff:fe6a:1234             64  STATIC    PREFERRED
vmk0       2001:db8:1::11                       64  STATIC    PREFERRED
vmk1       2001:db8:10::11                      64  DHCP      DEPRECATED
vmk1       2001:db8:10:0:250:56ff:fe6b:11       64  AUTOCONF  TENTATIVE
";

    fn kinds(
        d: impl Iterator<Item = Diagnostic<'static>>,
    ) -> Vec<(u32, DiagnosticKind, &'static str, &'static str)> {
        d.map(|d| (d.line, d.kind, d.subject, d.text)).collect()
    }

    #[test]
    fn ipv4_5x_has_no_gateway() {
        let t = Ipv4Table::parse(V4_55);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[1],
            Ipv4Row {
                line: 4,
                interface: "vmk1",
                address: Some("198.51.100.21"),
                netmask: Some("255.255.255.128"),
                prefix_len: Some(25),
                broadcast: Some("198.51.100.127"),
                type_: Some("STATIC"),
                gateway: None,
                dhcp_dns: Some(false),
            }
        );
        assert_eq!(t.diagnostics().count(), 0);
    }

    #[test]
    fn ipv4_6x_gateway_and_redacted() {
        let t = Ipv4Table::parse(V4_70);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[0].type_, rows[0].gateway, rows[0].dhcp_dns),
            (Some("DHCP"), Some("192.0.2.1"), Some(true))
        );
        assert_eq!(rows[2].address, Some("10.xxx.xx.xxx"));
        assert_eq!(
            kinds(t.diagnostics()),
            [
                (
                    5,
                    DiagnosticKind::AddressUnparseable,
                    "vmk2",
                    "10.xxx.xx.xxx"
                ),
                (
                    5,
                    DiagnosticKind::AddressUnparseable,
                    "vmk2",
                    "10.xxx.xx.255"
                ),
            ]
        );
    }

    #[test]
    fn ipv4_single_row_with_interface_option() {
        let body = "Name  IPv4 Address   IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway  DHCP DNS\n----  -------------  -------------  --------------  ------------  -------  --------\nvmk1  198.51.100.31  255.255.255.0  198.51.100.255  STATIC        0.0.0.0     false\n";
        let t = Ipv4Table::from_lines(
            Lines::new(body),
            Some("esxcli network ip interface ipv4 get -i vmk1"),
        );
        assert_eq!(t.interface(), Some("vmk1"));
        assert_eq!(t.rows().count(), 1);
        let t = Ipv4Table::from_lines(
            Lines::new(body),
            Some("esxcli network ip interface ipv4 get --interface-name=vmk1"),
        );
        assert_eq!(t.interface(), Some("vmk1"));
    }

    #[test]
    fn ipv4_collapsed_blanks_and_crlf() {
        let text: std::string::String = V4_70
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\r\n");
        let t = Ipv4Table::parse(&text);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].gateway, Some("0.0.0.0"));
        assert_eq!(rows[1].dhcp_dns, Some(false));
        let d: Vec<_> = t.diagnostics().map(|d| d.kind).collect();
        assert_eq!(d[0], DiagnosticKind::HeaderCollapsed);
        assert!(!d.contains(&DiagnosticKind::RowMisaligned));
    }

    #[test]
    fn ipv4_rows_without_header_by_word_count() {
        let t = Ipv4Table::parse(
            "vmk0 192.0.2.21 255.255.255.0 192.0.2.255 STATIC false\nvmk1 198.51.100.31 255.255.255.0 198.51.100.255 STATIC 198.51.100.1 false\n",
        );
        let rows: Vec<_> = t.rows().collect();
        assert_eq!((rows[0].gateway, rows[0].dhcp_dns), (None, Some(false)));
        assert_eq!(
            (rows[1].gateway, rows[1].dhcp_dns),
            (Some("198.51.100.1"), Some(false))
        );
        assert_eq!(t.diagnostics().count(), 0);
    }

    #[test]
    fn ipv4_bad_values_and_junk_lines() {
        let text = "\
Name  IPv4 Address   IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway    DHCP DNS
----  -------------  -------------  --------------  ------------  ---------  --------
vmk0  192.0.2.31     255.0.255.0    192.0.2.255     static        192.0.2.1     maybe
Note: output trimmed
vmk10 198.51.100.31  255.255.255.0  198.51.100.255  STATIC        0.0.0.0       false
";
        let t = Ipv4Table::parse(text);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].type_, rows[0].dhcp_dns, rows[0].prefix_len),
            (None, None, None)
        );
        assert_eq!(rows[1].interface, "vmk10");
        assert_eq!(rows[1].dhcp_dns, Some(false));
        assert_eq!(
            kinds(t.diagnostics()),
            [
                (3, DiagnosticKind::AddressUnparseable, "vmk0", "255.0.255.0"),
                (3, DiagnosticKind::ValueUnparseable, "type", "static"),
                (3, DiagnosticKind::ValueUnparseable, "dhcp_dns", "maybe"),
                (
                    4,
                    DiagnosticKind::OutputLineUnrecognized,
                    "ipv4_get",
                    "Note: output trimmed"
                ),
                (5, DiagnosticKind::RowMisaligned, "vmk10", ""),
            ]
        );
    }

    #[test]
    fn ipv6_several_addresses_per_vmk() {
        let t = Ipv6Table::parse(V6);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0],
            Ipv6Row {
                line: 3,
                interface: "vmk0",
                address: Some("fe80::250:56ff:fe6a:1234"),
                prefix_len: Some(64),
                type_: Some("STATIC"),
                status: Some("PREFERRED"),
            }
        );
        assert_eq!(
            (rows[2].type_, rows[2].status),
            (Some("DHCP"), Some("DEPRECATED"))
        );
        assert_eq!(
            (rows[3].type_, rows[3].status),
            (Some("AUTOCONF"), Some("TENTATIVE"))
        );
        assert_eq!(t.diagnostics().count(), 0);
    }

    #[test]
    fn ipv6_blank_line_after_every_line_and_bad_prefix() {
        let text = V6
            .replace('\n', "\n\n")
            .replace("     64  DHCP", "    640  DHCP");
        let t = Ipv6Table::parse(&text);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].line, 7);
        assert_eq!(rows[2].prefix_len, None);
        let d: Vec<_> = t
            .diagnostics()
            .map(|d| (d.line, d.kind, d.subject, d.text))
            .collect();
        assert_eq!(
            d,
            [(9, DiagnosticKind::ValueUnparseable, "prefix_len", "640")]
        );
    }

    #[test]
    fn predicates() {
        assert!(Ipv4Table::is_start(V4_55.lines().next().unwrap()));
        assert!(Ipv4Table::is_start(V4_70.lines().next().unwrap()));
        assert!(Ipv6Table::is_start(V6.lines().next().unwrap()));
        assert!(!Ipv4Table::is_start(V6.lines().next().unwrap()));
        assert!(!Ipv6Table::is_start(V4_70.lines().next().unwrap()));
        for l in V4_70.lines() {
            assert!(Ipv4Table::is_continuation(l), "{l}");
        }
        for l in V6.lines() {
            assert!(Ipv6Table::is_continuation(l), "{l}");
        }
        for l in [
            "[root@esx01:~] vmkping -I vmk1 192.0.2.1",
            "PING 192.0.2.1 (192.0.2.1): 56 data bytes",
            "64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=0.2 ms",
            "--- 192.0.2.1 ping statistics ---",
            "vmk1       vMotion             IPv4      192.0.2.11   255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 9000    65535     true    STATIC",
            "Interface  Port Group/DVPort   IP Family IP Address  Netmask  Broadcast  MAC Address  MTU  TSO MSS  Enabled Type",
        ] {
            assert!(
                !Ipv4Table::is_start(l) && !Ipv4Table::is_continuation(l),
                "{l}"
            );
            assert!(
                !Ipv6Table::is_start(l) && !Ipv6Table::is_continuation(l),
                "{l}"
            );
        }
    }

    #[test]
    fn empty_input() {
        assert_eq!(Ipv4Table::parse("").rows().count(), 0);
        assert_eq!(Ipv6Table::parse("\n\n").diagnostics().count(), 0);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_shapes() {
        let v4 = serde_json::to_string(&Ipv4Table::parse(V4_55)).unwrap();
        assert!(v4.starts_with(r#"[{"line":3,"interface":"vmk0","address":"192.0.2.21","netmask":"255.255.255.0","prefix_len":24,"broadcast":"192.0.2.255","type":"STATIC","gateway":null,"dhcp_dns":false}"#), "{v4}");
        let v6 = serde_json::to_string(&Ipv6Table::parse(V6)).unwrap();
        assert!(v6.starts_with(r#"[{"line":3,"interface":"vmk0","address":"fe80::250:56ff:fe6a:1234","prefix_len":64,"type":"STATIC","status":"PREFERRED"}"#), "{v6}");
    }
}
