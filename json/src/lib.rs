//! The one place std front ends turn vmkcheck results into JSON.
//!
//! The core computes without a heap; this crate sizes its buffers with
//! [`rules::needs`], runs [`rules::check`], orders the findings and renders the
//! canonical JSON: pretty-printed with a two-space indent and one trailing newline.
//! The CLI, the C library, the Python package and the WebAssembly package all call it,
//! so the same input gives the same bytes everywhere.
//!
//! ```
//! let json = vmkcheck_json::check_json(&[("esx01", "vmkping -c 1 192.0.2.1\n")], None).unwrap();
//! assert!(json.starts_with("{\n  \"schema\": \"vmkcheck.report.v1\""));
//! assert!(json.ends_with("}\n"));
//! ```

use serde::Serialize;
use vmkcheck_core::facts::Facts;
use vmkcheck_core::report::{Report, Verdict};
use vmkcheck_core::rules::{self, Finding, Host, PingFact, Row, Rule, Source, Workspace};
use vmkcheck_core::{Error, RuleEntry, transcript};

/// Renders any result of the core in the canonical form.
pub fn to_canonical<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing the core's types into memory cannot fail: every map key is a string.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// `vmkcheck parse --json` for one text.
pub fn parse_json(text: &str) -> String {
    to_canonical(&transcript::parse(text))
}

/// A finished check with owned buffers.
#[derive(Debug)]
pub struct Checked<'a> {
    /// The hosts (sorted by name).
    pub hosts: Vec<Host<'a>>,
    /// Their rows.
    pub rows: Vec<Row<'a>>,
    /// The findings, in report order.
    pub findings: Vec<Finding<'a>>,
}

impl<'a> Checked<'a> {
    /// The report view (for JSON and the verdict).
    pub fn report(&mut self) -> Report<'_, 'a> {
        Report::new(&self.hosts, &self.rows, &mut self.findings)
    }

    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.findings.iter().map(|f| f.severity))
    }

    /// The report as canonical JSON.
    pub fn to_json(&mut self) -> String {
        to_canonical(&self.report())
    }
}

/// Parses a facts document (`None` or blank text: no facts).
///
/// # Errors
/// The facts' own error (kind, line, column).
pub fn facts(text: Option<&str>) -> Result<Option<Facts<'_>>, Error> {
    text.filter(|t| !t.trim().is_empty())
        .map(Facts::parse)
        .transpose()
}

/// Runs the check over named texts (a name may be empty) with optional facts.
///
/// # Errors
/// A malformed facts document.
pub fn check<'a>(
    sources: &[(&'a str, &'a str)],
    facts_text: Option<&'a str>,
) -> Result<Checked<'a>, Error> {
    let facts = facts(facts_text)?;
    let sources: Vec<Source<'a>> = sources
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let n = rules::needs(&sources);
    let mut hosts = vec![Host::EMPTY; n.hosts];
    let mut rows = vec![Row::EMPTY; n.rows];
    let mut index = vec![0usize; n.rows];
    let mut pings = vec![PingFact::EMPTY; n.pings];
    let mut findings = Vec::new();
    let mut ws = Workspace {
        hosts: &mut hosts,
        rows: &mut rows,
        index: &mut index,
        pings: &mut pings,
    };
    let c = rules::check(&sources, facts.as_ref(), &mut ws, &mut |f| findings.push(f))?;
    hosts.truncate(c.hosts);
    rows.truncate(c.rows);
    findings.sort_unstable_by(|a, b| a.report_order(b));
    Ok(Checked {
        hosts,
        rows,
        findings,
    })
}

/// `vmkcheck check --json` for named texts.
///
/// # Errors
/// A malformed facts document.
pub fn check_json(sources: &[(&str, &str)], facts_text: Option<&str>) -> Result<String, Error> {
    Ok(check(sources, facts_text)?.to_json())
}

/// `vmkcheck rules --json`: the catalogue.
pub fn rules_json() -> String {
    let entries: Vec<RuleEntry> = Rule::ALL.iter().copied().map(RuleEntry).collect();
    to_canonical(&entries)
}

/// An error as JSON (`kind`, `line`, `column`, `offset`, `message`).
pub fn error_json(e: &Error) -> String {
    to_canonical(e)
}
