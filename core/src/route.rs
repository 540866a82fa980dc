//! `esxcli network ip route ipv4|ipv6 list [-N NETSTACK]` tables (kind `route_list`).
//!
//! Read with [`esxcli::table`](crate::esxcli::table): columns by title (`Network
//! Netmask Gateway Interface Source`; a table without `Source` is read too), rows cut at
//! the dash runs and confirmed by shape, else read by words. The netstack comes from the
//! command (`-N vmotion`, `--netstack=vmotion`, `--netstack vmotion`; the default stack
//! when the command names none; unknown when no command was pasted), the family from the
//! command (`route ipv4` / `route ipv6`), else from the row's values. `network`,
//! `netmask` and `gateway` are kept as printed (`default`, `0.0.0.0`, `::`); IPv6 prints
//! the prefix length in the `Netmask` column.
//!
//! ```
//! use vmkcheck_core::lines::Lines;
//! use vmkcheck_core::route::RouteTable;
//! let body = "\
//! Network       Netmask        Gateway       Interface  Source
//! ------------  -------------  ------------  ---------  ------
//! default       0.0.0.0        198.51.100.1  vmk1       MANUAL
//! 198.51.100.0  255.255.255.0  0.0.0.0       vmk1       MANUAL
//! ";
//! let t = RouteTable::from_lines(Lines::new(body), Some("esxcli network ip route ipv4 list -N vmotion"));
//! let r = t.rows().next().unwrap();
//! assert_eq!((r.netstack, r.network, r.gateway, r.prefix_len), (Some("vmotion"), Some("default"), Some("198.51.100.1"), Some(0)));
//! assert_eq!((r.family.as_str(), r.interface, r.source, r.line), ("ipv4", Some("vmk1"), Some("MANUAL"), 3));
//! ```

use crate::diag::Diagnostic;
use crate::esxcli::cells::{self, Cells, Item, Schema, Shape};
use crate::esxcli::table::{self, Table};
use crate::lines::Lines;
use crate::shape;
pub use crate::vmknic::Family;

const NETWORK: usize = 0;
const NETMASK: usize = 1;
const GATEWAY: usize = 2;
const INTERFACE: usize = 3;
const SOURCE: usize = 4;

/// The netstack of a command that names none.
pub const DEFAULT_NETSTACK: &str = "defaultTcpipStack";

const KNOWN: &[&str] = &[
    "Network",
    "Destination",
    "Netmask",
    "Prefix Length",
    "Prefix",
    "Gateway",
    "Interface",
    "Source",
];

/// Columns by number of words when there are no titles: 5 with `Source`, else 4.
fn untitled(words: usize) -> [Option<usize>; 5] {
    if words == 4 {
        [Some(0), Some(1), Some(2), Some(3), None]
    } else {
        [Some(0), Some(1), Some(2), Some(3), Some(4)]
    }
}

static ROUTES: Schema<5> = Schema {
    kind: "route_list",
    names: ["network", "netmask", "gateway", "interface", "source"],
    titles: [
        &["Network", "Destination"],
        &["Netmask", "Prefix Length", "Prefix"],
        &["Gateway"],
        &["Interface"],
        &["Source"],
    ],
    shapes: [
        Shape::Network,
        Shape::MaskOrPrefix,
        Shape::Address(0),
        Shape::Vmk,
        Shape::Word,
    ],
    known: KNOWN,
    interface: INTERFACE,
    key: NETWORK,
    untitled,
};

/// One route. Strings borrow the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteRow<'a> {
    /// 1-based line of the row.
    pub line: u32,
    /// Netstack from the command (`defaultTcpipStack` when it names none); `None` when
    /// no command was pasted.
    pub netstack: Option<&'a str>,
    /// From the command (`route ipv4` / `route ipv6`), else from the row's values.
    pub family: Family,
    /// Destination as printed (`default`, `192.0.2.0`, `fe80::`).
    pub network: Option<&'a str>,
    /// Netmask as printed (the prefix length on IPv6 routes).
    pub netmask: Option<&'a str>,
    /// Prefix length derived from the netmask.
    pub prefix_len: Option<u8>,
    /// Gateway as printed (`0.0.0.0` / `::` for a directly connected network).
    pub gateway: Option<&'a str>,
    /// `vmkN`.
    pub interface: Option<&'a str>,
    /// `MANUAL`, `DHCP`, … as printed; `None` on tables without a `Source` column.
    pub source: Option<&'a str>,
}

impl RouteRow<'_> {
    /// True for a default route (`default`, `0.0.0.0/0`, `::/0`).
    pub fn is_default(&self) -> bool {
        self.network
            .is_some_and(|n| n.eq_ignore_ascii_case("default"))
            || (self.prefix_len == Some(0)
                && self.network.is_some_and(|n| matches!(n, "0.0.0.0" | "::")))
    }
}

/// The family a command names (`esxcli network ip route ipv6 list`).
fn command_family(command: &str) -> Option<Family> {
    command.split_whitespace().find_map(|w| match w {
        "ipv4" => Some(Family::Ipv4),
        "ipv6" => Some(Family::Ipv6),
        _ => None,
    })
}

/// The family of a row by its values: IPv6 addresses or a bare prefix length.
fn row_family(network: Option<&str>, netmask: Option<&str>, gateway: Option<&str>) -> Family {
    let v6 = [network, gateway]
        .into_iter()
        .flatten()
        .any(|v| v.contains(':'))
        || netmask.is_some_and(|m| shape::ipv6_prefix_len(m).is_some());
    if v6 { Family::Ipv6 } else { Family::Ipv4 }
}

/// What the command says about every row.
#[derive(Clone, Copy, Debug)]
struct Context<'a> {
    netstack: Option<&'a str>,
    family: Option<Family>,
}

fn route_row<'a>(ctx: Context<'a>, c: &Cells<'a, 5>) -> RouteRow<'a> {
    let g = |f| ROUTES.get(c, f);
    let (network, netmask, gateway) = (g(NETWORK), g(NETMASK), g(GATEWAY));
    let family = ctx
        .family
        .unwrap_or_else(|| row_family(network, netmask, gateway));
    let prefix_len = netmask.and_then(|m| match family {
        Family::Ipv4 => shape::ipv4_prefix_len(m),
        Family::Ipv6 => shape::ipv6_prefix_len(m),
    });
    RouteRow {
        line: c.line,
        netstack: ctx.netstack,
        family,
        network,
        netmask,
        prefix_len,
        gateway,
        interface: g(INTERFACE),
        source: g(SOURCE),
    }
}

/// `esxcli network ip route ipv4|ipv6 list` output.
#[derive(Clone, Debug)]
pub struct RouteTable<'a> {
    table: Table<'a>,
    ctx: Context<'a>,
}

impl<'a> RouteTable<'a> {
    /// The table in a section's `body` (the lines after the command line `command`).
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let ctx = Context {
            netstack: command
                .map(|c| cells::option(c, "-N", "--netstack").unwrap_or(DEFAULT_NETSTACK)),
            family: command.and_then(command_family),
        };
        Self {
            table: Table::read(body, ROUTES.known),
            ctx,
        }
    }

    /// The table in a whole text (no command line: netstack unknown). Never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The netstack the command named (`None` when no command was pasted).
    pub fn netstack(&self) -> Option<&'a str> {
        self.ctx.netstack
    }

    /// The routes, in line order.
    pub fn rows(&self) -> impl Iterator<Item = RouteRow<'a>> + Clone + use<'a> {
        let ctx = self.ctx;
        ROUTES.items(&self.table).filter_map(move |it| match it {
            Item::Row(c) => Some(route_row(ctx, &c)),
            Item::Unrecognized(_) => None,
        })
    }

    /// Everything doubtful, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        cells::collapsed(&self.table)
            .into_iter()
            .chain(ROUTES.items(&self.table).flat_map(|it| {
                let (line, row) = match it {
                    Item::Row(c) => (None, Some(ROUTES.diagnostics(c))),
                    Item::Unrecognized(d) => (Some(d), None),
                };
                line.into_iter().chain(row.into_iter().flatten())
            }))
    }
}

/// True for the title line `Network  Netmask  Gateway  Interface  Source` (or without
/// `Source`).
///
/// ```
/// use vmkcheck_core::route::is_start;
/// assert!(is_start("Network   Netmask        Gateway    Interface  Source"));
/// assert!(!is_start("Network is unreachable"));
/// ```
pub fn is_start(line: &str) -> bool {
    let mut w = line.split_whitespace();
    ["Network", "Netmask", "Gateway", "Interface"]
        .iter()
        .all(|t| w.next() == Some(*t))
        && matches!(w.next(), None | Some("Source"))
        && w.next().is_none()
}

/// True for any line a route table can hold after its title: dashes, blank, a route.
///
/// ```
/// use vmkcheck_core::route::is_continuation;
/// assert!(is_continuation("default       0.0.0.0        198.51.100.1  vmk1       MANUAL"));
/// assert!(is_continuation("fe80::  64  ::  vmk0  MANUAL"));
/// assert!(!is_continuation("64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=0.2 ms"));
/// ```
pub fn is_continuation(line: &str) -> bool {
    let mut w = line.split_whitespace();
    let row = w.next().is_some_and(|n| Shape::Network.fits(n))
        && w.next().is_some_and(|m| Shape::MaskOrPrefix.fits(m))
        && w.next().is_some_and(shape::is_addressish)
        && w.next().is_some_and(shape::is_vmk)
        && w.count() <= 1;
    row || line.trim().is_empty() || table::is_dash_line(line) || is_start(line)
}

#[cfg(feature = "serde")]
mod ser {
    use super::{RouteRow, RouteTable};
    use crate::ser::Items;
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    impl Serialize for RouteRow<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("RouteRow", 9)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("netstack", &self.netstack)?;
            st.serialize_field("family", self.family.as_str())?;
            st.serialize_field("network", &self.network)?;
            st.serialize_field("netmask", &self.netmask)?;
            st.serialize_field("prefix_len", &self.prefix_len)?;
            st.serialize_field("gateway", &self.gateway)?;
            st.serialize_field("interface", &self.interface)?;
            st.serialize_field("source", &self.source)?;
            st.end()
        }
    }

    /// The `route_list` JSON: an array of routes.
    impl Serialize for RouteTable<'_> {
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

    const V4: &str = "\
Network       Netmask        Gateway       Interface  Source
------------  -------------  ------------  ---------  ------
default       0.0.0.0        198.51.100.1  vmk1       MANUAL
198.51.100.0  255.255.255.0  0.0.0.0       vmk1       MANUAL
";

    const V6: &str = "\
Network         Netmask  Gateway      Interface  Source
--------------  -------  -----------  ---------  ------
default               0  2001:db8::1  vmk0       MANUAL
2001:db8:1::         64  ::           vmk0       MANUAL
fe80::               64  ::           vmk0       MANUAL
fe80::               64  ::           vmk1       MANUAL
";

    const V4_55: &str = "\
Network    Netmask        Gateway    Interface
---------  -------------  ---------  ---------
default    0.0.0.0        192.0.2.1  vmk0
192.0.2.0  255.255.255.0  0.0.0.0    vmk0
";

    #[test]
    fn vmotion_netstack_with_default_gateway() {
        for cmd in [
            "esxcli network ip route ipv4 list -N vmotion",
            "esxcli network ip route ipv4 list --netstack=vmotion",
            "esxcli network ip route ipv4 list --netstack vmotion",
        ] {
            let t = RouteTable::from_lines(Lines::new(V4), Some(cmd));
            let rows: Vec<_> = t.rows().collect();
            assert_eq!(rows.len(), 2);
            assert!(rows[0].is_default() && !rows[1].is_default());
            assert_eq!(rows[1].netstack, Some("vmotion"));
            assert_eq!(rows[1].prefix_len, Some(24));
            assert_eq!(t.diagnostics().count(), 0);
        }
    }

    #[test]
    fn default_netstack_and_no_command() {
        let t = RouteTable::from_lines(Lines::new(V4), Some("esxcli network ip route ipv4 list"));
        assert_eq!(t.rows().next().unwrap().netstack, Some(DEFAULT_NETSTACK));
        let t = RouteTable::parse(V4);
        let r = t.rows().next().unwrap();
        assert_eq!((r.netstack, r.family), (None, Family::Ipv4));
    }

    #[test]
    fn ipv6_routes() {
        let t = RouteTable::from_lines(Lines::new(V6), Some("esxcli network ip route ipv6 list"));
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0],
            RouteRow {
                line: 3,
                netstack: Some(DEFAULT_NETSTACK),
                family: Family::Ipv6,
                network: Some("default"),
                netmask: Some("0"),
                prefix_len: Some(0),
                gateway: Some("2001:db8::1"),
                interface: Some("vmk0"),
                source: Some("MANUAL"),
            }
        );
        assert_eq!(
            (rows[2].network, rows[2].prefix_len, rows[2].gateway),
            (Some("fe80::"), Some(64), Some("::"))
        );
        assert_eq!(t.diagnostics().count(), 0);
        // Without the command the family comes from the values.
        assert!(
            RouteTable::parse(V6)
                .rows()
                .all(|r| r.family == Family::Ipv6)
        );
    }

    #[test]
    fn without_source_column() {
        let t = RouteTable::parse(V4_55);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].gateway, rows[0].source), (Some("192.0.2.1"), None));
        // Rows only, no title: 4 words.
        let t = RouteTable::parse("default 0.0.0.0 192.0.2.1 vmk0\n");
        let r = t.rows().next().unwrap();
        assert_eq!((r.interface, r.source), (Some("vmk0"), None));
    }

    #[test]
    fn collapsed_crlf_and_blank_lines() {
        let text: std::string::String = V6
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\r\n\r\n");
        let t = RouteTable::parse(&text);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[3].line, rows[3].interface), (11, Some("vmk1")));
        let d: Vec<_> = t.diagnostics().map(|d| d.kind).collect();
        assert_eq!(d, [DiagnosticKind::HeaderCollapsed]);
    }

    #[test]
    fn bad_values_and_unrecognized_lines() {
        let text = "\
Network       Netmask        Gateway       Interface  Source
------------  -------------  ------------  ---------  ------
default       0.0.0.0        198.51.100.1  vmk1       MANUAL
10.xxx.0.0    255.255.0.0    0.0.0.0       vmk1       manual
Error: Unknown netstack
";
        let t = RouteTable::from_lines(
            Lines::new(text),
            Some("esxcli network ip route ipv4 list -N ops"),
        );
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].network, rows[1].source, rows[1].netstack),
            (Some("10.xxx.0.0"), None, Some("ops"))
        );
        let d: Vec<_> = t
            .diagnostics()
            .map(|d| (d.line, d.kind, d.subject, d.text))
            .collect();
        assert_eq!(
            d,
            [
                (4, DiagnosticKind::AddressUnparseable, "vmk1", "10.xxx.0.0"),
                (4, DiagnosticKind::ValueUnparseable, "source", "manual"),
                (
                    5,
                    DiagnosticKind::OutputLineUnrecognized,
                    "route_list",
                    "Error: Unknown netstack"
                ),
            ]
        );
    }

    #[test]
    fn predicates() {
        for t in [V4, V6, V4_55] {
            assert!(is_start(t.lines().next().unwrap()));
            for l in t.lines() {
                assert!(is_continuation(l), "{l}");
            }
        }
        for l in [
            "[root@esx01:~] esxcli network ip route ipv4 list",
            "PING 192.0.2.1 (192.0.2.1): 56 data bytes",
            "--- 192.0.2.1 ping statistics ---",
            "3 packets transmitted, 3 packets received, 0% packet loss",
            "vmk0       Management Network  IPv4      192.0.2.11   255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 1500    65535     true    STATIC",
            "Name  IPv4 Address  IPv4 Netmask",
        ] {
            assert!(!is_start(l) && !is_continuation(l), "{l}");
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_shape() {
        let t = RouteTable::from_lines(
            Lines::new(V4),
            Some("esxcli network ip route ipv4 list -N vmotion"),
        );
        let j = serde_json::to_string(&t).unwrap();
        assert!(j.starts_with(r#"[{"line":3,"netstack":"vmotion","family":"ipv4","network":"default","netmask":"0.0.0.0","prefix_len":0,"gateway":"198.51.100.1","interface":"vmk1","source":"MANUAL"}"#), "{j}");
        let j = serde_json::to_string(&RouteTable::parse(V4_55)).unwrap();
        assert!(
            j.contains(r#""netstack":null"#) && j.contains(r#""source":null"#),
            "{j}"
        );
    }
}
