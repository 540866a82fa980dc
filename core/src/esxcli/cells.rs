//! Typed reading of [`table`](super::table) rows for the address and route tables: which
//! column holds which field (by title), what shape each field has, which way of cutting
//! a row fits best, and the diagnostics of a row.

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::esxcli::table::{Header, Row, Table};
use crate::shape;

/// What a field's value looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `vmkN`.
    Vmk,
    /// An IP address (possibly redacted); the number is the `AddressUnparseable` kind
    /// (0 address, 1 netmask, 2 broadcast).
    Address(u64),
    /// An IPv4 netmask or an IPv6 prefix length (route tables print both).
    MaskOrPrefix,
    /// An IPv6 prefix length (`64`).
    Prefix,
    /// `default` or an address.
    Network,
    /// An upper-case word: `STATIC`, `PREFERRED`, `MANUAL`.
    Word,
    /// `true` / `false`, any case.
    Bool,
}

impl Shape {
    pub(crate) fn fits(self, v: &str) -> bool {
        match self {
            Self::Vmk => shape::is_vmk(v),
            Self::Address(_) => shape::is_addressish(v),
            Self::MaskOrPrefix => shape::is_addressish(v) || shape::ipv6_prefix_len(v).is_some(),
            Self::Prefix => shape::ipv6_prefix_len(v).is_some(),
            Self::Network => v.eq_ignore_ascii_case("default") || shape::is_addressish(v),
            Self::Word => shape::is_type_word(v) && !v.ends_with(','),
            Self::Bool => parse_bool(v).is_some(),
        }
    }

    /// For a value of the right shape: `Some(kind)` when it is still not a valid address
    /// (redacted, out of range, a netmask with holes).
    fn invalid_address(self, v: &str) -> Option<u64> {
        let valid = |a: &str| {
            if a.contains(':') {
                shape::parse_ipv6(a).is_some()
            } else {
                shape::parse_ipv4(a).is_some()
            }
        };
        match self {
            // A netmask must also be contiguous (`255.0.255.0` is no mask).
            Self::Address(1) => (!valid(v)
                || (!v.contains(':') && shape::ipv4_prefix_len(v).is_none()))
            .then_some(1),
            Self::Address(kind) => (!valid(v)).then_some(kind),
            Self::Network => (!v.eq_ignore_ascii_case("default") && !valid(v)).then_some(0),
            Self::MaskOrPrefix => (shape::ipv6_prefix_len(v).is_none()
                && shape::ipv4_prefix_len(v).is_none())
            .then_some(1),
            _ => None,
        }
    }
}

/// `true` / `false` in any case.
pub(crate) fn parse_bool(v: &str) -> Option<bool> {
    if v.eq_ignore_ascii_case("true") {
        Some(true)
    } else if v.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A table kind: its fields, their titles and shapes.
#[derive(Debug)]
pub(crate) struct Schema<const N: usize> {
    /// Section kind, the subject of `OutputLineUnrecognized`.
    pub kind: &'static str,
    /// JSON field names, the subjects of `ValueUnparseable`.
    pub names: [&'static str; N],
    /// Titles of each field's column, by release.
    pub titles: [&'static [&'static str]; N],
    /// Shape of each field.
    pub shapes: [Shape; N],
    /// Every title above (for [`Table::read`]).
    pub known: &'static [&'static str],
    /// Field that names the interface (subject of the row's diagnostics).
    pub interface: usize,
    /// Field that must have its shape for a line to be a row at all.
    pub key: usize,
    /// Column of each field when there are no titles, by the row's number of words.
    pub untitled: fn(usize) -> [Option<usize>; N],
}

/// Column of each field.
pub(crate) type Layout<const N: usize> = [Option<usize>; N];

/// What reading a row needs to know about its table.
#[derive(Clone, Copy, Debug)]
struct Ctx<const N: usize> {
    layout: Option<Layout<N>>,
    columns: usize,
    collapsed: bool,
}

impl<const N: usize> Schema<N> {
    /// The layout the table's titles give, `None` when it has no (usable) titles.
    fn layout(&self, table: &Table<'_>) -> Option<Layout<N>> {
        if matches!(table.header(), Header::Missing | Header::DashesOnly) {
            return None;
        }
        let mut layout = [None; N];
        for (slot, titles) in layout.iter_mut().zip(self.titles.iter()) {
            *slot = table.column_of(titles);
        }
        layout.get(self.key).copied().flatten().map(|_| layout)
    }

    /// The rows of `table`, each read as a row of this schema or an unrecognised line.
    pub fn items<'a>(
        &'static self,
        table: &Table<'a>,
    ) -> impl Iterator<Item = Item<'a, N>> + Clone + use<'a, N> {
        let ctx = Ctx {
            layout: self.layout(table),
            columns: table.columns(),
            collapsed: table.collapsed(),
        };
        table.rows().map(move |r| self.read(&ctx, r))
    }

    /// Reads one row: by position when it lines up and its values fit, else by words.
    fn read<'a>(&self, ctx: &Ctx<N>, row: Row<'a>) -> Item<'a, N> {
        let by_words = |r: &Row<'a>| match ctx.layout {
            Some(l) => l,
            None => {
                let n = if ctx.columns > 0 {
                    ctx.columns
                } else {
                    r.words()
                };
                (self.untitled)(n)
            }
        };
        let at = self.cells(row, &by_words(&row));
        let chosen = if row.aligned() && self.misfits(&at) == 0 {
            at
        } else {
            let split = row.split();
            let words = self.cells(split, &by_words(&split));
            if !row.aligned() || self.misfits(&words) < self.misfits(&at) {
                Cells {
                    misaligned: !ctx.collapsed && ctx.columns > 0,
                    ..words
                }
            } else {
                at
            }
        };
        let key = chosen.raw.get(self.key).copied().flatten();
        let key_shape = self.shapes.get(self.key).copied();
        match (key, key_shape) {
            (Some(v), Some(s)) if s.fits(v) => Item::Row(chosen),
            _ => Item::Unrecognized(
                Diagnostic::new(DiagnosticKind::OutputLineUnrecognized, row.line)
                    .with_text(self.kind, row.text.trim()),
            ),
        }
    }

    fn cells<'a>(&self, row: Row<'a>, layout: &Layout<N>) -> Cells<'a, N> {
        let mut raw = [None; N];
        for (slot, col) in raw.iter_mut().zip(layout.iter()) {
            *slot = col.and_then(|c| row.value(c));
        }
        Cells {
            line: row.line,
            raw,
            misaligned: false,
        }
    }

    /// How many values do not have their field's shape (the key counts double).
    fn misfits(&self, c: &Cells<'_, N>) -> usize {
        let mut n = 0usize;
        for (i, (v, s)) in c.raw.iter().zip(self.shapes.iter()).enumerate() {
            let bad = v.is_some_and(|v| !s.fits(v)) || (i == self.key && v.is_none());
            if bad {
                n = n.saturating_add(if i == self.key { 2 } else { 1 });
            }
        }
        n
    }

    /// A field's value when it has its shape.
    pub fn get<'a>(&self, c: &Cells<'a, N>, field: usize) -> Option<&'a str> {
        let v = c.raw.get(field).copied().flatten()?;
        self.shapes
            .get(field)
            .is_some_and(|s| s.fits(v))
            .then_some(v)
    }

    /// The diagnostics of a row: misalignment, then each field in order.
    pub fn diagnostics<'a>(
        &'static self,
        c: Cells<'a, N>,
    ) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a, N> {
        let subject = self.get(&c, self.interface).unwrap_or("");
        let misaligned = c
            .misaligned
            .then(|| Diagnostic::new(DiagnosticKind::RowMisaligned, c.line).with_text(subject, ""));
        let fields = (0..N).filter_map(move |i| {
            let v = c.raw.get(i).copied().flatten()?;
            let s = self.shapes.get(i).copied()?;
            if !s.fits(v) {
                let name = self.names.get(i).copied().unwrap_or("");
                return Some(
                    Diagnostic::new(DiagnosticKind::ValueUnparseable, c.line).with_text(name, v),
                );
            }
            s.invalid_address(v).map(|kind| {
                Diagnostic::new(DiagnosticKind::AddressUnparseable, c.line)
                    .with_text(subject, v)
                    .with_numbers(kind, 0)
            })
        });
        misaligned.into_iter().chain(fields)
    }
}

/// The raw values of one row (`N/A` already removed), before shapes are checked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cells<'a, const N: usize> {
    pub line: u32,
    pub raw: [Option<&'a str>; N],
    pub misaligned: bool,
}

/// A line after the header: a row, or a line that is none.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Item<'a, const N: usize> {
    Row(Cells<'a, N>),
    Unrecognized(Diagnostic<'a>),
}

/// The `header_collapsed` diagnostic of a table, if its blanks were collapsed.
pub(crate) fn collapsed<'a>(table: &Table<'_>) -> Option<Diagnostic<'a>> {
    table
        .collapsed()
        .then(|| table.header_line())
        .flatten()
        .map(|l| Diagnostic::new(DiagnosticKind::HeaderCollapsed, l))
}

/// The value of a command-line option: `-N vmotion`, `-Nvmotion`, `--netstack=vmotion`,
/// `--netstack vmotion`. `None` when the option is absent or has no value.
pub(crate) fn option<'a>(command: &'a str, short: &str, long: &str) -> Option<&'a str> {
    let mut words = command.split_whitespace();
    while let Some(w) = words.next() {
        if w == short || w == long {
            return words.next().filter(|v| !v.starts_with('-'));
        }
        if let Some(v) = w
            .strip_prefix(long)
            .and_then(|r| r.strip_prefix('='))
            .or_else(|| w.strip_prefix(short).filter(|_| !w.starts_with("--")))
        {
            return (!v.is_empty()).then_some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_in_every_form() {
        for c in [
            "esxcli network ip route ipv4 list -N vmotion",
            "esxcli network ip route ipv4 list -Nvmotion",
            "esxcli network ip route ipv4 list --netstack=vmotion",
            "esxcli network ip route ipv4 list --netstack vmotion",
        ] {
            assert_eq!(option(c, "-N", "--netstack"), Some("vmotion"), "{c}");
        }
        assert_eq!(
            option("esxcli network ip route ipv4 list", "-N", "--netstack"),
            None
        );
        assert_eq!(option("x -N", "-N", "--netstack"), None);
        assert_eq!(option("x --netstack=", "-N", "--netstack"), None);
    }

    #[test]
    fn shapes() {
        assert!(Shape::Network.fits("default") && Shape::Network.fits("fe80::"));
        assert!(Shape::MaskOrPrefix.fits("64") && Shape::MaskOrPrefix.fits("255.255.255.0"));
        assert_eq!(Shape::MaskOrPrefix.invalid_address("255.0.255.0"), Some(1));
        assert_eq!(Shape::Address(2).invalid_address("10.xxx.xx.xxx"), Some(2));
        assert!(Shape::Bool.fits("False") && !Shape::Bool.fits("no"));
        assert!(!Shape::Word.fits("STATIC,"));
    }
}
