//! The report: verdict, per-host summary, findings in order, counts (DESIGN.md §4.4).

use crate::rules::{Finding, Host, Row, Severity};

/// The overall answer. Serialized as its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Any error.
    NotReady,
    /// No error, but a requirement could not be confirmed.
    Unverified,
    /// Works, with warnings.
    ReadyWithWarnings,
    /// Nothing worse than info.
    Ready,
}

impl Verdict {
    /// `"not_ready"`, `"unverified"`, `"ready_with_warnings"` or `"ready"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotReady => "not_ready",
            Self::Unverified => "unverified",
            Self::ReadyWithWarnings => "ready_with_warnings",
            Self::Ready => "ready",
        }
    }

    /// The verdict of a set of findings: a pure function of their severities.
    ///
    /// ```
    /// use vmkcheck_core::report::Verdict;
    /// use vmkcheck_core::rules::Severity;
    /// assert_eq!(Verdict::of([Severity::Info, Severity::Warning]), Verdict::ReadyWithWarnings);
    /// assert_eq!(Verdict::of([]), Verdict::Ready);
    /// ```
    pub fn of(severities: impl IntoIterator<Item = Severity>) -> Self {
        match severities.into_iter().min() {
            Some(Severity::Error) => Self::NotReady,
            Some(Severity::Unverified) => Self::Unverified,
            Some(Severity::Warning) => Self::ReadyWithWarnings,
            Some(Severity::Info) | None => Self::Ready,
        }
    }
}

/// Findings per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Unverified requirements.
    pub unverified: usize,
    /// Warnings.
    pub warning: usize,
    /// Info.
    pub info: usize,
}

impl Counts {
    /// Counts the findings' severities.
    pub fn of<'f, 'a: 'f>(findings: impl IntoIterator<Item = &'f Finding<'a>>) -> Self {
        let mut c = Self::default();
        for f in findings {
            let slot = match f.severity {
                Severity::Error => &mut c.error,
                Severity::Unverified => &mut c.unverified,
                Severity::Warning => &mut c.warning,
                Severity::Info => &mut c.info,
            };
            *slot = slot.saturating_add(1);
        }
        c
    }
}

/// A finished check: hosts (sorted by name), rows, and findings. [`Report::new`] puts
/// the findings in report order.
#[derive(Debug)]
pub struct Report<'r, 'a> {
    /// The hosts, as [`check`](crate::rules::check) left them.
    pub hosts: &'r [Host<'a>],
    /// The workspace's rows.
    pub rows: &'r [Row<'a>],
    /// The findings, ordered by severity, host, peer, rule.
    pub findings: &'r [Finding<'a>],
}

/// The schema id of the report's JSON.
pub const REPORT_SCHEMA: &str = "vmkcheck.report.v1";

impl<'r, 'a> Report<'r, 'a> {
    /// Orders `findings` (in place) and builds the report.
    pub fn new(
        hosts: &'r [Host<'a>],
        rows: &'r [Row<'a>],
        findings: &'r mut [Finding<'a>],
    ) -> Self {
        findings.sort_unstable_by(|a, b| a.report_order(b));
        Self {
            hosts,
            rows,
            findings,
        }
    }

    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.findings.iter().map(|f| f.severity))
    }

    /// Findings per severity.
    pub fn counts(&self) -> Counts {
        Counts::of(self.findings)
    }

    /// A host's vMotion interfaces (one name per vmk) and their MTU (the first's).
    pub fn vmotion_of(
        &self,
        host: &Host<'a>,
    ) -> (
        impl Iterator<Item = &'a str> + Clone + use<'r, 'a>,
        Option<u32>,
    ) {
        let rows = host.rows_in(self.rows);
        let names = rows
            .chunk_by(|a, b| a.row.interface == b.row.interface)
            .filter_map(|g| {
                g.first()
                    .filter(|r| r.is_vmotion())
                    .map(|r| r.row.interface)
            });
        let mtu = rows.iter().find(|r| r.is_vmotion()).and_then(|r| r.row.mtu);
        (names, mtu)
    }
}
