//! The ESXi version: `vmware -v`, `vmware -vl`, `esxcli system version get`.
//!
//! ```text
//! VMware ESXi 7.0.3 build-20328353        vmware -v (ESX 4: VMware ESX 4.1.0 build-260247)
//! VMware ESXi 7.0 Update 3                vmware -vl adds this (or VMware ESXi 6.5.0 GA)
//!    Product: VMware ESXi                 esxcli system version get
//!    Version: 8.0.2
//!    Build: Releasebuild-22380479
//!    Update: 2
//!    Patch: 15
//! ```
//!
//! Every form fills the same [`Version`]; [`Version::number`] gives the numeric
//! [`VersionNumber`] rules compare.
//!
//! ```
//! use vmkcheck_core::version::{Version, VersionNumber};
//! let v = Version::parse("VMware ESXi 7.0.3 build-20328353\nVMware ESXi 7.0 Update 3\n");
//! assert_eq!((v.product, v.version, v.build, v.update), (Some("VMware ESXi"), Some("7.0.3"), Some(20328353), Some("3")));
//! assert_eq!(v.number(), Some(VersionNumber::new(7, 0, 3)));
//! assert!(v.number().unwrap() >= VersionNumber::new(6, 7, 0));
//! ```

use core::fmt;

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::esxcli::block::{present, split_pair};
use crate::lines::Lines;
use crate::shape;

/// The section kind, as diagnostics name it.
const KIND: &str = "version";

/// A numeric `major.minor.patch` version (`7.0.3`; a missing part is 0). ESXi's third
/// number is its update release (7.0.3 is 7.0 Update 3), not esxcli's `Patch:` field.
/// Ordered, so rules compare with `<` / `>=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VersionNumber {
    /// `7` of `7.0.3`.
    pub major: u16,
    /// `0` of `7.0.3`.
    pub minor: u16,
    /// `3` of `7.0.3`.
    pub patch: u16,
}

impl VersionNumber {
    /// A version from its parts.
    pub const fn new(major: u16, minor: u16, patch: u16) -> Self {
        Self {
            major,
            minor,
            patch,
        }
    }

    /// Reads `7`, `7.0` or `7.0.3`; `None` for anything else (`7.0.x`, `7..0`, a 4th part).
    ///
    /// ```
    /// use vmkcheck_core::version::VersionNumber;
    /// assert_eq!(VersionNumber::parse("6.7"), Some(VersionNumber::new(6, 7, 0)));
    /// assert_eq!(VersionNumber::parse("7.0.x"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.split('.');
        let mut next = |required: bool| match parts.next() {
            Some(p) => shape::parse_u32(p).and_then(|n| u16::try_from(n).ok()),
            None => (!required).then_some(0),
        };
        let v = Self::new(next(true)?, next(false)?, next(false)?);
        parts.next().is_none().then_some(v)
    }
}

impl fmt::Display for VersionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// What one line of the output says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// `VMware ESXi 7.0.3 build-20328353`, `VMware ESXi 7.0 Update 3`, `VMware ESXi 6.5.0 GA`.
    Banner {
        product: &'a str,
        version: &'a str,
        build: Option<&'a str>,
        update: Option<&'a str>,
    },
    /// A `Key: Value` line of `esxcli system version get`.
    Pair(Key, &'a str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Product,
    Version,
    Build,
    Update,
    Patch,
}

const KEYS: [(&str, Key); 5] = [
    ("Product", Key::Product),
    ("Version", Key::Version),
    ("Build", Key::Build),
    ("Update", Key::Update),
    ("Patch", Key::Patch),
];

/// A version-shaped word: digits and dots, starting and ending with a digit.
fn is_version_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.ends_with(|c: char| c.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Reads a `VMware ESX…` banner line.
fn banner(text: &str) -> Option<Piece<'_>> {
    let t = text.trim();
    if !t.starts_with("VMware ESX") {
        return None;
    }
    let mut words = t.split_ascii_whitespace();
    let version = words.by_ref().find(|w| is_version_word(w))?;
    let at = t.find(version)?;
    let product = t.get(..at)?.trim_end();
    let (mut build, mut update) = (None, None);
    while let Some(w) = words.next() {
        if let Some(b) = w.strip_prefix("build-") {
            build = Some(b);
        } else if w == "Update" {
            update = Some(words.next()?);
        } else if w == "GA" {
            update = Some(w);
        } else {
            return None;
        }
    }
    Some(Piece::Banner {
        product,
        version,
        build,
        update,
    })
}

fn classify(text: &str) -> Option<Piece<'_>> {
    if let Some(b) = banner(text) {
        return Some(b);
    }
    let (k, v) = split_pair(text)?;
    KEYS.iter()
        .find(|(name, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, key)| Piece::Pair(*key, v))
}

/// The digits of a build: `build-20328353`, `Releasebuild-20328353` or `20328353`.
fn build_number(raw: &str) -> Option<u32> {
    shape::parse_u32(raw.rsplit('-').next().unwrap_or(raw))
}

/// The ESXi version from any of its commands. Fields are `None` when not printed.
#[derive(Clone, Debug)]
pub struct Version<'a> {
    /// 1-based line of the first line that gave a field; `None` when none did.
    pub line: Option<u32>,
    /// `VMware ESXi` (`VMware ESX` on 4.x).
    pub product: Option<&'a str>,
    /// The version as printed (`7.0.3`; the fullest form when several lines give one);
    /// `None` when it is not a number (`8.0.x`, diagnosed).
    pub version: Option<&'a str>,
    /// The build number (`20328353` of `build-20328353` / `Releasebuild-20328353`).
    pub build: Option<u32>,
    /// The update as printed: `3`, `GA`, `0`.
    pub update: Option<&'a str>,
    /// esxcli's `Patch:` as printed (`65`).
    pub patch: Option<&'a str>,
    lines: Lines<'a>,
}

impl<'a> Version<'a> {
    /// The output of a section (lines after the command line). The command adds nothing.
    pub fn from_lines(body: Lines<'a>, command: Option<&'a str>) -> Self {
        let _ = command;
        let mut v = Self {
            line: None,
            product: None,
            version: None,
            build: None,
            update: None,
            patch: None,
            lines: body,
        };
        for l in body {
            let Some(piece) = classify(l.text) else {
                continue;
            };
            v.line = v.line.or(Some(l.number));
            match piece {
                Piece::Banner {
                    product,
                    version,
                    build,
                    update,
                } => {
                    v.product = v.product.or(present(product));
                    v.set_version(version);
                    v.build = v.build.or(build.and_then(build_number));
                    v.update = v.update.or(update);
                }
                Piece::Pair(key, value) => {
                    let value = present(value);
                    match key {
                        Key::Product => v.product = v.product.or(value),
                        Key::Version => value.into_iter().for_each(|s| v.set_version(s)),
                        Key::Build => v.build = v.build.or(value.and_then(build_number)),
                        Key::Update => v.update = v.update.or(value),
                        Key::Patch => v.patch = v.patch.or(value),
                    }
                }
            }
        }
        v
    }

    /// Keeps the fullest version: `7.0.3` of `vmware -v` over `7.0` of its `-l` line.
    /// One that is not a number (`8.0.x`) is left out (and diagnosed).
    fn set_version(&mut self, new: &'a str) {
        if VersionNumber::parse(new).is_none() {
            return;
        }
        match self.version {
            Some(old) if !(new.len() > old.len() && new.starts_with(old)) => {}
            _ => self.version = Some(new),
        }
    }

    /// A whole text of this output; never fails.
    pub fn parse(text: &'a str) -> Self {
        Self::from_lines(Lines::new(text), None)
    }

    /// The numeric version, when `version` reads as one.
    pub fn number(&self) -> Option<VersionNumber> {
        self.version.and_then(VersionNumber::parse)
    }

    /// A version or build that cannot be read (`value_unparseable`) and lines that are
    /// none of the forms above (`output_line_unrecognized`), in line order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        self.lines.filter_map(|l| {
            let bad = |subject: &'a str, text: &'a str| {
                Some(
                    Diagnostic::new(DiagnosticKind::ValueUnparseable, l.number)
                        .with_text(subject, text),
                )
            };
            match classify(l.text) {
                None if l.is_blank() => None,
                None => Some(
                    Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, l.number)
                        .with_text(KIND, l.text.trim()),
                ),
                Some(Piece::Banner { version, build, .. }) => {
                    if VersionNumber::parse(version).is_none() {
                        bad("version", version)
                    } else if let Some(b) = build.filter(|b| build_number(b).is_none()) {
                        bad("build", b)
                    } else {
                        None
                    }
                }
                Some(Piece::Pair(Key::Version, v)) => present(v)
                    .filter(|v| VersionNumber::parse(v).is_none())
                    .and_then(|v| bad("Version", v)),
                Some(Piece::Pair(Key::Build, v)) => present(v)
                    .filter(|v| build_number(v).is_none())
                    .and_then(|v| bad("Build", v)),
                Some(Piece::Pair(..)) => None,
            }
        })
    }
}

/// True for the first line of this output: a `VMware ESX… <version> …` banner or
/// esxcli's `Product:` line.
///
/// ```
/// use vmkcheck_core::version::is_start;
/// assert!(is_start("VMware ESXi 7.0.3 build-20328353") && is_start("   Product: VMware ESXi"));
/// assert!(is_start("VMware ESX 4.1.0 build-260247") && is_start("VMware ESXi 6.5.0 GA"));
/// assert!(!is_start("VMware ESXi is great") && !is_start("   Version: 7.0.3"));
/// ```
pub fn is_start(line: &str) -> bool {
    match classify(line) {
        Some(Piece::Banner { .. }) => true,
        Some(Piece::Pair(k, _)) => k == Key::Product,
        None => false,
    }
}

/// True for a line this output can hold after its start: blank, a banner (`… Update 3`)
/// or one of esxcli's version keys.
pub fn is_continuation(line: &str) -> bool {
    line.trim().is_empty() || classify(line).is_some()
}

#[cfg(feature = "serde")]
mod ser {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::Version;

    /// `{"line", "product", "version", "build", "update", "patch"}`.
    impl Serialize for Version<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Version", 6)?;
            st.serialize_field("line", &self.line)?;
            st.serialize_field("product", &self.product)?;
            st.serialize_field("version", &self.version)?;
            st.serialize_field("build", &self.build)?;
            st.serialize_field("update", &self.update)?;
            st.serialize_field("patch", &self.patch)?;
            st.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    type Fields<'a> = (
        Option<u32>,
        Option<&'a str>,
        Option<&'a str>,
        Option<u32>,
        Option<&'a str>,
        Option<&'a str>,
    );

    fn fields<'a>(v: &Version<'a>) -> Fields<'a> {
        (v.line, v.product, v.version, v.build, v.update, v.patch)
    }

    #[test]
    fn vmware_v_and_vl() {
        let v = Version::parse("VMware ESXi 6.7.0 build-14320388\n");
        assert_eq!(
            fields(&v),
            (
                Some(1),
                Some("VMware ESXi"),
                Some("6.7.0"),
                Some(14320388),
                None,
                None
            )
        );
        let v = Version::parse("VMware ESXi 8.0.0 build-20513097\r\nVMware ESXi 8.0 GA\r\n");
        assert_eq!(
            fields(&v),
            (
                Some(1),
                Some("VMware ESXi"),
                Some("8.0.0"),
                Some(20513097),
                Some("GA"),
                None
            )
        );
        let v = Version::parse("VMware ESXi 6.5.0 GA\n");
        assert_eq!(
            fields(&v),
            (
                Some(1),
                Some("VMware ESXi"),
                Some("6.5.0"),
                None,
                Some("GA"),
                None
            )
        );
        assert_eq!(v.diagnostics().count(), 0);
    }

    #[test]
    fn short_version_first_is_completed() {
        let v = Version::parse("VMware ESXi 7.0 Update 3\nVMware ESXi 7.0.3 build-20328353\n");
        assert_eq!(
            (v.version, v.update, v.line),
            (Some("7.0.3"), Some("3"), Some(1))
        );
    }

    #[test]
    fn esx_41() {
        let v = Version::parse("VMware ESX 4.1.0 build-260247\n");
        assert_eq!((v.product, v.build), (Some("VMware ESX"), Some(260247)));
        assert_eq!(v.number(), Some(VersionNumber::new(4, 1, 0)));
    }

    #[test]
    fn esxcli_version_get() {
        let text = "   Product: VMware ESXi\n   Version: 8.0.2\n   Build: Releasebuild-22380479\n   Update: 2\n   Patch: 15\n";
        let v = Version::parse(text);
        assert_eq!(
            fields(&v),
            (
                Some(1),
                Some("VMware ESXi"),
                Some("8.0.2"),
                Some(22380479),
                Some("2"),
                Some("15")
            )
        );
        assert_eq!(v.number(), Some(VersionNumber::new(8, 0, 2)));
        assert_eq!(v.diagnostics().count(), 0);
        // Collapsed indent and a blank line after every line read the same.
        let v = Version::parse(
            "Product: VMware ESXi\n\nVersion: 5.5.0\n\nBuild: Releasebuild-1331820\n\nUpdate: 1\n\n",
        );
        assert_eq!(
            (v.version, v.build, v.update, v.patch),
            (Some("5.5.0"), Some(1331820), Some("1"), None)
        );
    }

    #[test]
    fn bad_values_and_stray_lines() {
        let text = "   Product: VMware ESXi\n   Version: 7.0.x\n   Build: Releasebuild-xxxx\nI removed the patch line\n";
        let v = Version::parse(text);
        assert_eq!((v.version, v.build, v.number()), (None, None, None));
        let d: Vec<_> = v
            .diagnostics()
            .map(|d| (d.kind, d.line, d.subject))
            .collect();
        assert_eq!(
            d,
            [
                (DiagnosticKind::ValueUnparseable, 2, "Version"),
                (DiagnosticKind::ValueUnparseable, 3, "Build"),
                (DiagnosticKind::OutputLineUnrecognized, 4, KIND),
            ]
        );
        let v = Version::parse("VMware ESXi 7.0.3 build-abc\n");
        assert_eq!(
            v.diagnostics().map(|d| d.subject).collect::<Vec<_>>(),
            ["build"]
        );
    }

    #[test]
    fn nothing_found() {
        let v = Version::parse("-bash: vmware: not found\n");
        assert_eq!(fields(&v), (None, None, None, None, None, None));
        assert_eq!(v.diagnostics().count(), 1);
        assert_eq!(
            fields(&Version::parse("")),
            (None, None, None, None, None, None)
        );
    }

    #[test]
    fn numbers_compare() {
        assert!(VersionNumber::new(6, 7, 0) < VersionNumber::new(7, 0, 0));
        assert!(VersionNumber::new(7, 0, 3) > VersionNumber::new(7, 0, 2));
        assert_eq!(VersionNumber::parse("8"), Some(VersionNumber::new(8, 0, 0)));
        for bad in ["", ".", "7.", "7.0.3.1", "70000", "a.b"] {
            assert_eq!(VersionNumber::parse(bad), None, "{bad}");
        }
        assert_eq!(std::format!("{}", VersionNumber::new(7, 0, 3)), "7.0.3");
    }

    #[test]
    fn predicates() {
        assert!(is_continuation("VMware ESXi 7.0 Update 3") && is_continuation("   Patch: 65"));
        assert!(!is_continuation(
            "PING 192.0.2.1 (192.0.2.1): 56 data bytes"
        ));
        assert!(!is_start("vmk0") && !is_start("[root@esx01:~] vmware -vl"));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_matches_the_contract() {
        let v = Version::parse("VMware ESXi 7.0.3 build-20328353\nVMware ESXi 7.0 Update 3\n");
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"line":1,"product":"VMware ESXi","version":"7.0.3","build":20328353,"update":"3","patch":null}"#
        );
    }
}
