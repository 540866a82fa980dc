//! `esxcli network ip netstack list`: one block per TCP/IP stack instance.
//!
//! ```text
//! defaultTcpipStack
//!    Key: defaultTcpipStack
//!    Name: defaultTcpipStack
//!    State: 4660
//! ```
//!
//! Some releases and `netstack get` print more keys (`Max Connections`, `Congestion
//! Control Algorithm`, `IPv6 Enabled`…); they are ignored.
//!
//! ```
//! use vmkcheck_core::netstack::NetstackList;
//! let text = "defaultTcpipStack\n   Key: defaultTcpipStack\n   Name: defaultTcpipStack\n   State: 4660\n\
//!             vmotion\n   Key: vmotion\n   Name: vmotion\n   State: 4660\n";
//! let rows: Vec<_> = NetstackList::parse(text).rows().map(|r| (r.key, r.state, r.line)).collect();
//! assert_eq!(rows, [(Some("defaultTcpipStack"), Some(4660), 1), (Some("vmotion"), Some(4660), 5)]);
//! ```

use crate::diag::Diagnostic;
use crate::esxcli::block::{Block, Blocks, Pair, present};
use crate::iface::block_diagnostics;
use crate::lines::Lines;
use crate::shape;

/// The section kind, as diagnostics name it.
const KIND: &str = "netstack_list";

/// One netstack instance. Strings borrow the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NetstackRow<'a> {
    /// 1-based line of the block's name line (of its first pair when it has none).
    pub line: u32,
    /// `Key` (else the block's name line): the instance key, as `-N` takes it.
    pub key: Option<&'a str>,
    /// `Name`.
    pub name: Option<&'a str>,
    /// `State` (4660 = 0x1234 when the stack runs).
    pub state: Option<u32>,
}

/// Keys of this output that vmkcheck does not use, which still mark a block as a stack.
const OTHER_KEYS: [&str; 7] = [
    "Max Connections",
    "Current Max Connections",
    "Congestion Control Algorithm",
    "Current Congestion Control Algorithm",
    "IPv6 Enabled",
    "Current IPv6 Enabled",
    "Max Connections Supported",
];

fn is_known(p: &Pair<'_>) -> bool {
    ["Key", "Name", "State"].iter().any(|k| p.is(k)) || OTHER_KEYS.iter().any(|k| p.is(k))
}

/// A stack block: one with a key of this output. A bare identifier line (a block cut
/// after its name) is a stack too, so nothing printed is dropped.
fn is_row(b: &Block<'_>) -> bool {
    b.pairs().any(|p| is_known(&p)) || b.name.is_some_and(is_identifier)
}

/// A stack key: one word of letters, digits, `_`, `-`, `.` (`defaultTcpipStack`, `ops`).
fn is_identifier(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

fn state(value: &str) -> Result<Option<u32>, ()> {
    present(value)
        .map(shape::parse_u32)
        .map_or(Ok(None), |n| n.map(Some).ok_or(()))
}

fn row<'a>(b: &Block<'a>) -> NetstackRow<'a> {
    let mut r = NetstackRow {
        line: b.line,
        ..NetstackRow::default()
    };
    for p in b.pairs() {
        if p.is("Key") {
            r.key = r.key.or(present(p.value));
        } else if p.is("Name") {
            r.name = r.name.or(present(p.value));
        } else if p.is("State") {
            r.state = r.state.or(state(p.value).ok().flatten());
        }
    }
    r.key = r.key.or(b.name.filter(|n| is_identifier(n)));
    r
}

/// A `State` that is no number.
fn unparseable(p: &Pair<'_>) -> bool {
    p.is("State") && state(p.value).is_err()
}

/// `esxcli network ip netstack list` output: iterate its [`rows`](Self::rows) and
/// [`diagnostics`](Self::diagnostics) (each pass re-reads the borrowed lines).
#[derive(Clone, Debug)]
pub struct NetstackList<'a> {
    lines: Lines<'a>,
}

impl<'a> NetstackList<'a> {
    /// The output of a section (lines after the command line). The command adds nothing.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let _ = command;
        Self { lines: body }
    }

    /// A whole text of this output; never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The stack instances, in line order.
    pub fn rows(&self) -> impl Iterator<Item = NetstackRow<'a>> + Clone + use<'a> {
        Blocks::new(self.lines).filter(is_row).map(|b| row(&b))
    }

    /// States that are not numbers and lines that belong to no stack, in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        Blocks::new(self.lines).flat_map(|b| block_diagnostics(KIND, is_row(&b), b, unparseable))
    }
}

/// True for the first line of this output: `defaultTcpipStack` alone and unindented
/// (ESXi always lists the default stack first).
///
/// ```
/// use vmkcheck_core::netstack::is_start;
/// assert!(is_start("defaultTcpipStack") && !is_start("   Key: defaultTcpipStack"));
/// ```
pub fn is_start(line: &str) -> bool {
    !line.starts_with([' ', '\t']) && line.trim_end() == "defaultTcpipStack"
}

/// True for a line this output can hold after its start: blank, a `Key: Value` pair, or
/// a further stack's name (one identifier alone on its line).
pub fn is_continuation(line: &str) -> bool {
    crate::esxcli::block::is_pair_or_blank(line) || is_identifier(line.trim())
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{NetstackList, NetstackRow};

    impl Serialize for NetstackRow<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("NetstackRow", 4)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("key", &self.key)?;
            st.serialize_field("name", &self.name)?;
            st.serialize_field("state", &self.state)?;
            st.end()
        }
    }

    /// The JSON array of rows (the `netstack_list` field of a section).
    impl Serialize for NetstackList<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            crate::ser::Items(self.rows()).serialize(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::DiagnosticKind;
    use std::vec::Vec;

    #[test]
    fn three_stacks_and_a_custom_one() {
        let text = "\
defaultTcpipStack
   Key: defaultTcpipStack
   Name: defaultTcpipStack
   State: 4660

vmotion
   Key: vmotion
   Name: vmotion
   State: 4660

vSphereProvisioning
   Key: vSphereProvisioning
   Name: vSphereProvisioning
   State: 4660

backupStack
   Key: backupStack
   Name: backupStack
   State: 4660
";
        let l = NetstackList::parse(text);
        let rows: Vec<_> = l.rows().map(|r| (r.line, r.key, r.name, r.state)).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[2],
            (
                11,
                Some("vSphereProvisioning"),
                Some("vSphereProvisioning"),
                Some(4660)
            )
        );
        assert_eq!(rows[3].1, Some("backupStack"));
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn extra_keys_collapsed_indent_crlf() {
        let text = "defaultTcpipStack\r\n\r\nKey: defaultTcpipStack\r\n\r\nName: defaultTcpipStack\r\n\r\nState: 4660\r\n\r\nMax Connections: 11000\r\n\r\nCongestion Control Algorithm: newreno\r\n\r\nIPv6 Enabled: true\r\n\r\nvmotion\r\n\r\nKey: vmotion\r\n";
        let l = NetstackList::parse(text);
        let rows: Vec<_> = l.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].line, rows[1].key, rows[1].name),
            (15, Some("vmotion"), None)
        );
        assert_eq!(l.diagnostics().count(), 0);
    }

    #[test]
    fn bad_state_and_prose() {
        let text =
            "vmotion\n   Key: vmotion\n   State: running\nThis is what I get on both hosts.\n";
        let l = NetstackList::parse(text);
        assert_eq!(l.rows().count(), 1);
        assert_eq!(l.rows().next().unwrap().state, None);
        let d: Vec<_> = l.diagnostics().map(|d| (d.kind, d.line)).collect();
        assert_eq!(
            d,
            [
                (DiagnosticKind::ValueUnparseable, 3),
                (DiagnosticKind::OutputLineUnrecognized, 4)
            ]
        );
    }

    #[test]
    fn key_from_the_name_line() {
        let r = NetstackList::parse("ops\n   State: 4660\n")
            .rows()
            .next()
            .unwrap();
        assert_eq!((r.key, r.name, r.state), (Some("ops"), None, Some(4660)));
    }

    #[test]
    fn predicates() {
        assert!(is_start("defaultTcpipStack"));
        assert!(is_continuation("vmotion") && is_continuation("   State: 4660"));
        assert!(!is_continuation("[root@esx01:~] vmkping -I vmk1 192.0.2.1"));
        assert!(!is_continuation("This is prose."));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        let l = NetstackList::parse("vmotion\n   Key: vmotion\n   Name: vmotion\n   State: 4660\n");
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            r#"[{"line":1,"key":"vmotion","name":"vmotion","state":4660}]"#
        );
    }
}
