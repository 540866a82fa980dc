//! Diagnostics: what was doubtful in the input, with its line. Never fatal.

use core::fmt;

/// What a diagnostic is about. Serialized as its snake_case name (`kind` in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// An address, netmask or broadcast is not a valid address (often redacted).
    AddressUnparseable,
    /// A line starting with `vmkN` could not be read as a row.
    RowUnreadable,
    /// A row did not line up with the header; it was read by the shapes of its values.
    RowMisaligned,
    /// The header's blanks were collapsed (a blog engine): rows are read by shape.
    HeaderCollapsed,
    /// A value holds a blank or TAB (pasted into it).
    WhitespaceInValue,
    /// Rows appear without the `esxcfg-vmknic -l` header; the modern layout was assumed.
    HeaderMissing,
    /// A header title vmkcheck does not know; that column is ignored.
    HeaderUnknownColumn,
    /// A `......` line: rows were left out of the paste.
    RowsElided,
    /// A line inside a vmknic table that is neither a row nor blank.
    LineNotARow,
    /// A reply's size is not the payload + 8.
    ReplySizeMismatch,
    /// A reply came from another address than the `PING` header names.
    ReplyAddressMismatch,
    /// The summary's counts do not match the lines seen.
    SummaryMismatch,
    /// The summary counts replies, but no reply line was pasted.
    RepliesNotShown,
    /// A reply's `icmp_seq` goes backwards.
    SequenceOutOfOrder,
    /// More lost packets than are listed as `timeout` responses.
    TimeoutsNotListed,
    /// Ping output from Linux, macOS or an NSX Edge, not from ESXi.
    NotEsxiOutput,
    /// A command-line option vmkping does not have.
    PingOptionUnknown,
    /// A ping command without a target.
    PingTargetMissing,
    /// A line inside ping output that is no reply, error, summary or header.
    PingLineUnrecognized,
    /// The ping output has no summary (trimmed or interrupted paste).
    PingIncomplete,
    /// The ping output in the pasted text continues after the first run.
    FurtherOutputIgnored,
    // Shared by the parsers of the other ESXi commands (DESIGN.md §7).
    /// A value is not of the shape its field needs (a number, an address, `true`/`false`).
    ValueUnparseable,
    /// A line inside a command's output that vmkcheck cannot place.
    OutputLineUnrecognized,
    /// Per-interface output whose interface is unknown: its command line was not pasted.
    InterfaceNotNamed,
}

impl DiagnosticKind {
    /// Every kind, in declaration order: what front ends name and type-check against
    /// (the enum is `#[non_exhaustive]`, so they cannot match on it exhaustively).
    pub const ALL: [Self; 24] = [
        Self::AddressUnparseable,
        Self::RowUnreadable,
        Self::RowMisaligned,
        Self::HeaderCollapsed,
        Self::WhitespaceInValue,
        Self::HeaderMissing,
        Self::HeaderUnknownColumn,
        Self::RowsElided,
        Self::LineNotARow,
        Self::ReplySizeMismatch,
        Self::ReplyAddressMismatch,
        Self::SummaryMismatch,
        Self::RepliesNotShown,
        Self::SequenceOutOfOrder,
        Self::TimeoutsNotListed,
        Self::NotEsxiOutput,
        Self::PingOptionUnknown,
        Self::PingTargetMissing,
        Self::PingLineUnrecognized,
        Self::PingIncomplete,
        Self::FurtherOutputIgnored,
        Self::ValueUnparseable,
        Self::OutputLineUnrecognized,
        Self::InterfaceNotNamed,
    ];

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AddressUnparseable => "address_unparseable",
            Self::RowUnreadable => "row_unreadable",
            Self::RowMisaligned => "row_misaligned",
            Self::HeaderCollapsed => "header_collapsed",
            Self::WhitespaceInValue => "whitespace_in_value",
            Self::HeaderMissing => "header_missing",
            Self::HeaderUnknownColumn => "header_unknown_column",
            Self::RowsElided => "rows_elided",
            Self::LineNotARow => "line_not_a_row",
            Self::ReplySizeMismatch => "reply_size_mismatch",
            Self::ReplyAddressMismatch => "reply_address_mismatch",
            Self::SummaryMismatch => "summary_mismatch",
            Self::RepliesNotShown => "replies_not_shown",
            Self::SequenceOutOfOrder => "sequence_out_of_order",
            Self::TimeoutsNotListed => "timeouts_not_listed",
            Self::NotEsxiOutput => "not_esxi_output",
            Self::PingOptionUnknown => "ping_option_unknown",
            Self::PingTargetMissing => "ping_target_missing",
            Self::PingLineUnrecognized => "ping_line_unrecognized",
            Self::PingIncomplete => "ping_incomplete",
            Self::FurtherOutputIgnored => "further_output_ignored",
            Self::ValueUnparseable => "value_unparseable",
            Self::OutputLineUnrecognized => "output_line_unrecognized",
            Self::InterfaceNotNamed => "interface_not_named",
        }
    }
}

/// One diagnostic. `subject` and `text` borrow the input; `a`/`b` carry numbers whose
/// meaning depends on the kind. The message is rendered by `Display`, without allocation.
///
/// ```
/// use vmkcheck_core::diag::{Diagnostic, DiagnosticKind};
/// let d = Diagnostic::new(DiagnosticKind::ReplySizeMismatch, 7).with_numbers(1008, 8980);
/// assert_eq!(d.to_string(), "reply of 1008 bytes, expected 8980 (payload + 8)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Diagnostic<'a> {
    /// 1-based line of the evidence.
    pub line: u32,
    /// What it is about.
    pub kind: DiagnosticKind,
    /// What it is about (an interface, a field name…), or empty.
    pub subject: &'a str,
    /// The offending text, or empty.
    pub text: &'a str,
    /// First number (meaning per kind).
    pub a: u64,
    /// Second number (meaning per kind).
    pub b: u64,
}

impl<'a> Diagnostic<'a> {
    /// A diagnostic without subject, text or numbers.
    pub const fn new(kind: DiagnosticKind, line: u32) -> Self {
        Self {
            line,
            kind,
            subject: "",
            text: "",
            a: 0,
            b: 0,
        }
    }

    /// Sets the subject and the offending text.
    pub const fn with_text(mut self, subject: &'a str, text: &'a str) -> Self {
        self.subject = subject;
        self.text = text;
        self
    }

    /// Sets the two numbers.
    pub const fn with_numbers(mut self, a: u64, b: u64) -> Self {
        self.a = a;
        self.b = b;
        self
    }
}

impl fmt::Display for Diagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, t, a, b) = (self.subject, self.text, self.a, self.b);
        match self.kind {
            DiagnosticKind::AddressUnparseable => write!(
                f,
                "{s}: {t:?} is not a valid {} (redacted?); rules that need it skip it",
                match a {
                    1 => "netmask",
                    2 => "broadcast address",
                    _ => "IP address",
                }
            ),
            DiagnosticKind::RowUnreadable => {
                write!(f, "{s}: row cannot be read: {t}")
            }
            DiagnosticKind::RowMisaligned => write!(
                f,
                "{s}: row does not line up with the header; read by the shape of its values"
            ),
            DiagnosticKind::HeaderCollapsed => write!(
                f,
                "the table's blanks were collapsed (column positions lost); rows are read by the shape of their values"
            ),
            DiagnosticKind::WhitespaceInValue => write!(
                f,
                "{s}: value {t:?} holds a blank or TAB pasted into it; it was not taken as a column break"
            ),
            DiagnosticKind::HeaderMissing => write!(
                f,
                "esxcfg-vmknic rows without their header line; read by the shape of their values"
            ),
            DiagnosticKind::HeaderUnknownColumn => {
                write!(f, "unknown column title {t:?} ignored")
            }
            DiagnosticKind::RowsElided => {
                write!(
                    f,
                    "rows were left out of the paste here ({t:?}); the table is incomplete"
                )
            }
            DiagnosticKind::LineNotARow => {
                write!(f, "line inside the vmknic table is not a row: {t:?}")
            }
            DiagnosticKind::ReplySizeMismatch => {
                write!(f, "reply of {a} bytes, expected {b} (payload + 8)")
            }
            DiagnosticKind::ReplyAddressMismatch => {
                write!(f, "reply from {s}, but the ping was sent to {t}")
            }
            DiagnosticKind::SummaryMismatch => {
                write!(f, "summary says {a} {t}, but the output shows {b}")
            }
            DiagnosticKind::RepliesNotShown => write!(
                f,
                "the summary counts {a} replies, but none are in the paste (trimmed?); no timeouts inferred"
            ),
            DiagnosticKind::SequenceOutOfOrder => {
                write!(f, "icmp_seq={a} arrives after icmp_seq={b}")
            }
            DiagnosticKind::TimeoutsNotListed => {
                write!(f, "{a} further lost packets are not listed as responses")
            }
            DiagnosticKind::NotEsxiOutput => write!(
                f,
                "this is {t} ping output, not ESXi vmkping; parsed, but it does not test a vmkernel interface"
            ),
            DiagnosticKind::PingOptionUnknown => {
                write!(f, "vmkping has no option {t:?}; ignored")
            }
            DiagnosticKind::PingTargetMissing => write!(f, "ping command without a target"),
            DiagnosticKind::PingLineUnrecognized => {
                write!(f, "unrecognised line in ping output: {t:?}")
            }
            DiagnosticKind::PingIncomplete => write!(
                f,
                "ping output has no summary (trimmed or interrupted); counts are taken from the lines shown"
            ),
            DiagnosticKind::FurtherOutputIgnored => write!(
                f,
                "more ping output follows; only the first run was read (parse it as a transcript)"
            ),
            DiagnosticKind::ValueUnparseable => {
                write!(f, "{s}: {t:?} cannot be read; the field is null")
            }
            DiagnosticKind::OutputLineUnrecognized => {
                write!(f, "line not recognised in {s} output: {t:?}")
            }
            DiagnosticKind::InterfaceNotNamed => write!(
                f,
                "{s} output without its command line: which vmk it describes is unknown (paste the command with -i vmkN)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DiagnosticKind as K;

    /// A kind added to the enum fails to compile here until it is listed, and the test
    /// fails until it is in `ALL` too.
    #[test]
    fn all_lists_every_kind_once() {
        fn listed(k: K) -> bool {
            match k {
                K::AddressUnparseable
                | K::RowUnreadable
                | K::RowMisaligned
                | K::HeaderCollapsed
                | K::WhitespaceInValue
                | K::HeaderMissing
                | K::HeaderUnknownColumn
                | K::RowsElided
                | K::LineNotARow
                | K::ReplySizeMismatch
                | K::ReplyAddressMismatch
                | K::SummaryMismatch
                | K::RepliesNotShown
                | K::SequenceOutOfOrder
                | K::TimeoutsNotListed
                | K::NotEsxiOutput
                | K::PingOptionUnknown
                | K::PingTargetMissing
                | K::PingLineUnrecognized
                | K::PingIncomplete
                | K::FurtherOutputIgnored
                | K::ValueUnparseable
                | K::OutputLineUnrecognized
                | K::InterfaceNotNamed => K::ALL.iter().filter(|x| **x == k).count() == 1,
            }
        }
        assert!(K::ALL.iter().all(|k| listed(*k)));
        assert_eq!(K::ALL.len(), K::InterfaceNotNamed as usize + 1);
    }
}
