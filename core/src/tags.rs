//! `esxcli network ip interface tag get -i vmkN` output.
//!
//! The output is one line, `   Tags: Management, VMotion` (`   Tags: ` when the vmknic
//! carries no service). Which vmknic it describes is only in the command (`-i vmk1`,
//! `--interface-name=vmk1`, `--interface-name vmk1`); without it the tags are read but
//! an `interface_not_named` diagnostic says they cannot be attributed.
//!
//! ```
//! use vmkcheck_core::tags::Tags;
//! use vmkcheck_core::lines::Lines;
//! let t = Tags::from_lines(
//!     Lines::new("   Tags: Management, VMotion\n"),
//!     Some("esxcli network ip interface tag get -i vmk1"),
//! );
//! assert_eq!((t.interface, t.line), (Some("vmk1"), Some(1)));
//! assert_eq!(t.tags().collect::<Vec<_>>(), ["Management", "VMotion"]);
//! assert!(t.vmotion() && t.has("management") && !t.has("VSAN"));
//! assert_eq!(t.diagnostics().count(), 0);
//! ```

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::esxcli::block::split_pair;
use crate::lines::Lines;

/// The section kind, as diagnostics name it.
const KIND: &str = "tags";

/// The tag ESXi prints for vMotion.
pub const VMOTION: &str = "VMotion";

/// `tag get` output: the `Tags:` line and the interface from the command.
#[derive(Clone, Debug)]
pub struct Tags<'a> {
    /// 1-based line of the `Tags:` line; `None` when the output has none.
    pub line: Option<u32>,
    /// The vmknic from the command; `None` when no command (or no `-i`) was pasted.
    pub interface: Option<&'a str>,
    /// The `Tags:` value as printed (`Management, VMotion`, or empty).
    pub value: Option<&'a str>,
    lines: Lines<'a>,
}

/// True for the `Tags:` key (any case).
fn tags_value(text: &str) -> Option<&str> {
    split_pair(text)
        .filter(|(k, _)| k.eq_ignore_ascii_case("Tags"))
        .map(|(_, v)| v)
}

/// Removes one pair of shell quotes.
fn unquote(s: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|q| s.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .unwrap_or(s)
}

/// The interface a `tag get` command names: `-i vmk1`, `--interface-name=vmk1`,
/// `--interface-name vmk1`.
///
/// ```
/// use vmkcheck_core::tags::interface_of;
/// assert_eq!(interface_of("esxcli network ip interface tag get -i vmk1"), Some("vmk1"));
/// assert_eq!(interface_of("esxcli network ip interface tag get --interface-name=vmk2"), Some("vmk2"));
/// assert_eq!(interface_of("esxcli network ip interface tag get --interface-name vmk3"), Some("vmk3"));
/// assert_eq!(interface_of("esxcli network ip interface tag get"), None);
/// ```
pub fn interface_of(command: &str) -> Option<&str> {
    let mut words = command.split_ascii_whitespace();
    while let Some(w) = words.next() {
        let value = match w {
            "-i" | "--interface-name" => words.next(),
            _ => w.strip_prefix("--interface-name="),
        };
        if let Some(v) = value.map(unquote).filter(|v| !v.is_empty()) {
            return Some(v);
        }
    }
    None
}

impl<'a> Tags<'a> {
    /// The output of a section (lines after the command line) and the command typed.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let found = body
            .clone()
            .find_map(|l| tags_value(l.text).map(|v| (l.number, v)));
        Self {
            line: found.map(|(n, _)| n),
            interface: command.and_then(interface_of),
            value: found.map(|(_, v)| v),
            lines: body,
        }
    }

    /// A whole text of this output (no command, so no interface); never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The tags as printed, in order (empty when the vmknic has none or no `Tags:` line
    /// was found).
    pub fn tags(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        self.value
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// True when the vmknic carries `tag` (ASCII case ignored: `vmotion`, `VSAN`).
    pub fn has(&self, tag: &str) -> bool {
        self.tags().any(|t| t.eq_ignore_ascii_case(tag))
    }

    /// True when the vmknic carries the vMotion service.
    pub fn vmotion(&self) -> bool {
        self.has(VMOTION)
    }

    /// `interface_not_named` when the command did not name the vmknic; every line other
    /// than the (first) `Tags:` line as `output_line_unrecognized`.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let first = self
            .line
            .or_else(|| self.lines.clone().find(|l| !l.is_blank()).map(|l| l.number));
        let unnamed = first
            .filter(|_| self.interface.is_none())
            .map(|n| Diagnostic::new(DiagnosticKind::InterfaceNotNamed, n).with_text(KIND, ""));
        let tags_line = self.line;
        let stray = self
            .lines
            .filter(move |l| !l.is_blank() && Some(l.number) != tags_line)
            .map(|l| {
                Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, l.number)
                    .with_text(KIND, l.text.trim())
            });
        unnamed.into_iter().chain(stray)
    }
}

/// True for the `   Tags: …` line this output starts with.
///
/// ```
/// use vmkcheck_core::tags::is_start;
/// assert!(is_start("   Tags: Management, VMotion") && is_start("   Tags: ") && is_start("Tags:"));
/// assert!(!is_start("   Name: vmk0") && !is_start("vmk0"));
/// ```
pub fn is_start(line: &str) -> bool {
    tags_value(line).is_some()
}

/// True for a line the output can hold after its start: only blank lines.
pub fn is_continuation(line: &str) -> bool {
    line.trim().is_empty()
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::Tags;
    use crate::ser::Items;

    /// `{"line", "interface", "tags"}`; `tags` is `null` when no `Tags:` line was found.
    impl Serialize for Tags<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Tags", 3)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("interface", &self.interface)?;
            st.serialize_field("tags", &self.value.map(|_| Items(self.tags())))?;
            st.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    use std::vec::Vec;

    fn tags<'a>(text: &'a str, command: Option<&'a str>) -> Tags<'a> {
        Tags::from_lines(Lines::new(text), command)
    }

    #[test]
    fn every_service_tag() {
        let t = tags(
            "   Tags: VMotion, vSphereProvisioning, faultToleranceLogging, vSphereReplication, vSphereReplicationNFC, VSAN, VSANWitness, Management, vSphereBackupNFC, NVMeTCP\n",
            Some("esxcli network ip interface tag get -i vmk4"),
        );
        assert_eq!(t.tags().count(), 10);
        for n in ["vmotion", "VSANWitness", "nvmetcp", "vSphereBackupNFC"] {
            assert!(t.has(n), "{n}");
        }
        assert!(!t.has("VSA") && !t.has(""));
        assert!(t.vmotion());
    }

    #[test]
    fn no_tags() {
        for text in ["   Tags: \n", "   Tags:\n", "Tags:"] {
            let t = tags(text, Some("esxcli network ip interface tag get -i vmk0"));
            assert_eq!((t.line, t.value), (Some(1), Some("")));
            assert_eq!(t.tags().count(), 0);
            assert!(!t.vmotion());
        }
    }

    #[test]
    fn interface_forms() {
        for c in [
            "esxcli network ip interface tag get -i vmk1",
            "esxcli network ip interface tag get --interface-name=vmk1",
            "esxcli network ip interface tag get --interface-name vmk1",
            "esxcli network ip interface tag get -i \"vmk1\"",
        ] {
            assert_eq!(interface_of(c), Some("vmk1"), "{c}");
        }
        assert_eq!(interface_of("esxcli network ip interface tag get -i"), None);
    }

    #[test]
    fn without_command_the_interface_is_not_named() {
        let t = tags("\n   Tags: Management\n", None);
        assert_eq!(t.interface, None);
        let d: Vec<_> = t
            .diagnostics()
            .map(|d| (d.kind, d.line, d.subject))
            .collect();
        assert_eq!(d, [(DiagnosticKind::InterfaceNotNamed, 2, KIND)]);
        assert!(t.diagnostics().next().unwrap().to_string().contains("tags"));
    }

    #[test]
    fn stray_lines_and_errors() {
        let t = tags(
            "Error: Invalid interface name vmk9\n",
            Some("esxcli network ip interface tag get -i vmk9"),
        );
        assert_eq!((t.line, t.tags().count()), (None, 0));
        let d: Vec<_> = t.diagnostics().map(|d| (d.kind, d.line, d.text)).collect();
        assert_eq!(
            d,
            [(
                DiagnosticKind::OutputLineUnrecognized,
                1,
                "Error: Invalid interface name vmk9"
            )]
        );
        let t = tags(
            "   Tags: VSAN\r\n\r\n   Tags: VMotion\r\n",
            Some("x -i vmk2"),
        );
        assert!(t.has("VSAN") && !t.vmotion());
        assert_eq!(t.diagnostics().map(|d| d.line).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn empty_body() {
        let t = tags("", None);
        assert_eq!(t.diagnostics().count(), 0);
        assert_eq!(t.tags().count(), 0);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        let t = tags("   Tags: Management, VMotion\n", Some("x -i vmk0"));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"line":1,"interface":"vmk0","tags":["Management","VMotion"]}"#
        );
        let t = tags("   Tags: \n", None);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"line":1,"interface":null,"tags":[]}"#
        );
        assert_eq!(
            serde_json::to_string(&tags("", None)).unwrap(),
            r#"{"line":null,"interface":null,"tags":null}"#
        );
    }
}
