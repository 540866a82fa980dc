//! The one place std front ends turn vmkcheck results into JSON.
//!
//! The core computes without a heap; this crate sizes its buffers with
//! [`rules::needs`], runs [`rules::check`], orders the findings and renders the
//! canonical JSON: pretty-printed with a two-space indent and one trailing newline.
//! The CLI, the C library, the Python package and the WebAssembly package all call it,
//! so the same input gives the same bytes everywhere. It also holds the input limits
//! every front end enforces.
//!
//! ```
//! let json = vmkcheck_json::check_json(&[("esx01", "vmkping -c 1 192.0.2.1\n")], None).unwrap();
//! assert!(json.starts_with("{\n  \"schema\": \"vmkcheck.report.v1\""));
//! assert!(json.ends_with("}\n"));
//! ```

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use vmkcheck_core::facts::Facts;
use vmkcheck_core::report::{Report, Verdict};
use vmkcheck_core::rules::{
    self, Finding, Host, HostSection, PingFact, Row, Rule, Source, Workspace,
};
use vmkcheck_core::{Error, ErrorKind, RuleEntry, transcript, vmknic, vmkping};

/// Largest text one call accepts, in bytes (64 MiB): beyond it every front end answers
/// [`ErrorKind::TooLarge`] instead of working for minutes.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Most sources (transcripts) one check accepts.
pub const MAX_SOURCES: usize = 4096;

fn too_large(offset: usize) -> Error {
    Error {
        kind: ErrorKind::TooLarge,
        line: 0,
        column: 0,
        offset,
    }
}

/// Refuses a text above [`MAX_INPUT_BYTES`].
///
/// # Errors
/// [`ErrorKind::TooLarge`], with the limit as offset.
pub fn limit(text: &str) -> Result<&str, Error> {
    if text.len() > MAX_INPUT_BYTES {
        Err(too_large(MAX_INPUT_BYTES))
    } else {
        Ok(text)
    }
}

/// Bytes as text, the way every front end reads input: valid UTF-8 (else
/// [`ErrorKind::InvalidUtf8`] at the first bad byte) and no NUL byte (else
/// [`ErrorKind::NotText`]: it is not a paste). A leading byte-order mark is kept; drop
/// it with [`strip_bom`].
///
/// # Errors
/// As above, with line, column and byte offset.
pub fn as_text(bytes: &[u8]) -> Result<&str, Error> {
    let s = std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        let head = bytes
            .get(..valid)
            .and_then(|h| std::str::from_utf8(h).ok())
            .unwrap_or("");
        Error::at(ErrorKind::InvalidUtf8, head, valid)
    })?;
    match s.bytes().position(|b| b == 0) {
        Some(at) => Err(Error::at(ErrorKind::NotText, s, at)),
        None => Ok(s),
    }
}

/// The text without a leading byte-order mark (editors on Windows write one).
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Renders any result of the core in the canonical form.
pub fn to_canonical<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing the core's types into memory cannot fail: every map key is a string.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// `vmkcheck parse --json` for one text.
///
/// # Errors
/// [`ErrorKind::TooLarge`] beyond [`MAX_INPUT_BYTES`].
pub fn parse_json(text: &str) -> Result<String, Error> {
    Ok(to_canonical(&transcript::parse(limit(text)?)))
}

/// The rows of one `esxcfg-vmknic -l` table, as a JSON array of DESIGN.md §4.1 rows.
///
/// # Errors
/// No table in the text ([`vmknic::parse`]), or too large.
pub fn parse_vmknic_json(text: &str) -> Result<String, Error> {
    struct Rows<'t, 'a>(&'t vmknic::VmknicTable<'a>);
    impl Serialize for Rows<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(None)?;
            for r in self.0.rows() {
                seq.serialize_element(&r)?;
            }
            seq.end()
        }
    }
    let table = vmknic::parse(limit(text)?)?;
    Ok(to_canonical(&Rows(&table)))
}

/// One vmkping run as a JSON object (DESIGN.md §4.2).
///
/// # Errors
/// No ping output in the text ([`vmkping::parse`]), or too large.
pub fn parse_vmkping_json(text: &str) -> Result<String, Error> {
    Ok(to_canonical(&vmkping::parse(limit(text)?)?))
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
/// The facts' own error (kind, line, column), or too large.
pub fn facts(text: Option<&str>) -> Result<Option<Facts<'_>>, Error> {
    match text.filter(|t| !t.trim().is_empty()) {
        Some(t) => Facts::parse(limit(t)?).map(Some),
        None => Ok(None),
    }
}

/// Runs the check over named texts (a name may be empty) with optional facts.
///
/// # Errors
/// A malformed facts document; more than [`MAX_SOURCES`] sources or
/// [`MAX_INPUT_BYTES`] of text in all ([`ErrorKind::TooLarge`]).
pub fn check<'a>(
    sources: &[(&'a str, &'a str)],
    facts_text: Option<&'a str>,
) -> Result<Checked<'a>, Error> {
    if sources.len() > MAX_SOURCES {
        return Err(too_large(MAX_SOURCES));
    }
    let total = sources
        .iter()
        .map(|(_, t)| t.len())
        .fold(0usize, usize::saturating_add);
    if total > MAX_INPUT_BYTES {
        return Err(too_large(MAX_INPUT_BYTES));
    }
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
    let mut sections = vec![HostSection::EMPTY; n.sections];
    let mut findings = Vec::new();
    let mut ws = Workspace {
        hosts: &mut hosts,
        rows: &mut rows,
        index: &mut index,
        pings: &mut pings,
        sections: &mut sections,
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
/// As [`check`].
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_enforced_with_a_clear_kind() {
        let big = "x".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(
            parse_json(&big).map_err(|e| e.kind),
            Err(ErrorKind::TooLarge)
        );
        let many: Vec<(&str, &str)> = (0..=MAX_SOURCES).map(|_| ("", "")).collect();
        assert_eq!(
            check(&many, None).map(|_| ()).map_err(|e| e.kind),
            Err(ErrorKind::TooLarge)
        );
    }

    #[test]
    fn text_rules_shared_by_the_front_ends() {
        assert_eq!(
            as_text(b"ok\n\xff").map_err(|e| (e.kind, e.line, e.column)),
            Err((ErrorKind::InvalidUtf8, 2, 1))
        );
        assert_eq!(
            as_text(b"ab\ncd\0").map_err(|e| (e.kind, e.offset)),
            Err((ErrorKind::NotText, 5))
        );
        assert_eq!(
            as_text("\u{feff}vmk0".as_bytes()).map(strip_bom),
            Ok("vmk0")
        );
    }

    #[test]
    fn standalone_parsers_give_contract_json() {
        let rows = parse_vmknic_json("vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion\n").unwrap();
        let v: serde_json::Value = serde_json::from_str(&rows).unwrap();
        assert_eq!(v[0]["netstack"], "vmotion");
        let run = parse_vmkping_json(
            "vmkping -d -s 8972 192.0.2.1\nsendto() failed (Message too long)\n",
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&run).unwrap();
        assert_eq!(v["responses"][0]["error"], "Message too long");
        assert_eq!(
            parse_vmkping_json("hello").map_err(|e| e.kind),
            Err(ErrorKind::NoPingOutput)
        );
    }

    #[test]
    fn bad_facts_are_errors_with_position() {
        let e = check(
            &[("a", "")],
            Some("{\"esx01\": {\"esxi_verison\": \"7.0\"}}"),
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column),
            (ErrorKind::FactsUnknownField, 1, 12)
        );
    }
}
