//! Findings: what a rule found, where, and what to run next.

use core::cmp::Ordering;
use core::fmt;

use super::catalog::{Rule, Severity};

/// A host's name: from its prompt or file stem, else `host1`, `host2`… by source order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostName<'a> {
    /// A name taken from the input.
    Named(&'a str),
    /// No name anywhere: `host{n}` for the n-th source (1-based).
    Numbered(u32),
}

/// Holds the text of a [`HostName::Numbered`] (`host` + at most 10 digits).
struct NameBuf {
    buf: [u8; 16],
    len: usize,
}

impl fmt::Write for NameBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl<'a> HostName<'a> {
    /// Calls `f` with the displayed text, without allocating.
    pub(crate) fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self {
            Self::Named(s) => f(s),
            Self::Numbered(n) => {
                let mut b = NameBuf {
                    buf: [0; 16],
                    len: 0,
                };
                let _ = fmt::write(&mut b, format_args!("host{n}"));
                f(b.buf
                    .get(..b.len)
                    .and_then(|s| core::str::from_utf8(s).ok())
                    .unwrap_or(""))
            }
        }
    }

    /// True when the name reads `text`.
    pub fn is(&self, text: &str) -> bool {
        self.with_text(|s| s == text)
    }
}

impl fmt::Display for HostName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Named(s) => f.write_str(s),
            Self::Numbered(n) => write!(f, "host{n}"),
        }
    }
}

impl Ord for HostName<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.with_text(|a| other.with_text(|b| a.cmp(b)))
    }
}

impl PartialOrd for HostName<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A line of a host's pasted text that a finding rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence<'a> {
    /// The host whose transcript holds the line.
    pub host: HostName<'a>,
    /// 1-based line in that transcript.
    pub line: u32,
    /// Index of the [`Source`](super::Source) the line is in.
    pub source: u32,
}

/// Rule-specific values a finding's message and remediation are rendered from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Detail<'a> {
    /// Texts borrowed from the input: addresses, vmk names, error texts.
    pub s: [&'a str; 3],
    /// Numbers: MTUs, sizes, counts.
    pub n: [u64; 2],
    /// A measurement (milliseconds).
    pub x: f64,
    /// Which variant of the rule's message.
    pub flag: u8,
}

/// One finding of the rule engine. `message()` and `remediation()` render through
/// `core::fmt` into any writer; nothing is allocated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finding<'a> {
    /// The rule that fired.
    pub rule: Rule,
    /// Its severity here.
    pub severity: Severity,
    /// The host it is about.
    pub host: Option<HostName<'a>>,
    /// The other host of a pair or path.
    pub peer: Option<HostName<'a>>,
    /// The vmk it is about.
    pub interface: Option<&'a str>,
    /// Lines it rests on (at most two).
    pub evidence: [Option<Evidence<'a>>; 2],
    pub(crate) detail: Detail<'a>,
}

impl<'a> Finding<'a> {
    pub(crate) fn new(rule: Rule) -> Self {
        Self {
            rule,
            severity: rule.severity(),
            host: None,
            peer: None,
            interface: None,
            evidence: [None, None],
            detail: Detail::default(),
        }
    }

    pub(crate) fn host(mut self, h: HostName<'a>) -> Self {
        self.host = Some(h);
        self
    }

    pub(crate) fn peer(mut self, h: HostName<'a>) -> Self {
        self.peer = Some(h);
        self
    }

    pub(crate) fn interface(mut self, i: &'a str) -> Self {
        self.interface = Some(i);
        self
    }

    pub(crate) fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    /// Adds an evidence line (line 0 means none and is ignored).
    pub(crate) fn at(mut self, host: HostName<'a>, source: u32, line: u32) -> Self {
        if line > 0
            && let Some(slot) = self.evidence.iter_mut().find(|e| e.is_none())
        {
            *slot = Some(Evidence { host, line, source });
        }
        self
    }

    pub(crate) fn texts(mut self, s: [&'a str; 3]) -> Self {
        self.detail.s = s;
        self
    }

    pub(crate) fn numbers(mut self, a: u64, b: u64) -> Self {
        self.detail.n = [a, b];
        self
    }

    pub(crate) fn measure(mut self, x: f64) -> Self {
        self.detail.x = x;
        self
    }

    pub(crate) fn flag(mut self, f: u8) -> Self {
        self.detail.flag = f;
        self
    }

    /// The evidence lines that are set.
    pub fn evidence(&self) -> impl Iterator<Item = Evidence<'a>> + Clone + use<'a> {
        self.evidence.into_iter().flatten()
    }

    /// What was found, as one sentence.
    pub fn message(&self) -> impl fmt::Display + '_ {
        Text {
            f: self,
            part: Part::Message,
        }
    }

    /// What to run or change next, if the rule has a remedy.
    pub fn remediation(&self) -> Option<impl fmt::Display + '_> {
        super::text::has_remediation(self).then_some(Text {
            f: self,
            part: Part::Remediation,
        })
    }

    /// The report order: severity, host, peer, rule id, then interface and evidence.
    pub fn report_order(&self, other: &Self) -> Ordering {
        let line = |f: &Self| {
            f.evidence
                .first()
                .copied()
                .flatten()
                .map(|e| (e.host, e.line))
        };
        self.severity
            .cmp(&other.severity)
            .then_with(|| self.host.cmp(&other.host))
            .then_with(|| self.peer.cmp(&other.peer))
            .then_with(|| self.rule.id().cmp(other.rule.id()))
            .then_with(|| self.interface.cmp(&other.interface))
            .then_with(|| line(self).cmp(&line(other)))
            .then_with(|| self.detail.s.cmp(&other.detail.s))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Message,
    Remediation,
}

/// Renders one part of a finding.
struct Text<'f, 'a> {
    f: &'f Finding<'a>,
    part: Part,
}

impl fmt::Display for Text<'_, '_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::text::render(self.f, self.part, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_order_by_their_text() {
        let mut v = [
            HostName::Numbered(2),
            HostName::Named("esx01"),
            HostName::Numbered(10),
            HostName::Named("host1"),
        ];
        v.sort();
        assert_eq!(
            v,
            [
                HostName::Named("esx01"),
                HostName::Named("host1"),
                HostName::Numbered(10),
                HostName::Numbered(2)
            ]
        );
        assert!(HostName::Numbered(7).is("host7"));
    }
}
