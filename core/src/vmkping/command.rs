//! A `vmkping` / `ping` command line: options in any order, glued or separate values.

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::shape;

/// A parsed ping command line. Strings borrow the input.
///
/// ```
/// use vmkcheck_core::vmkping::PingCommand;
/// let c = PingCommand::parse("vmkping ++netstack=vmotion -I vmk1 -c2 198.51.100.12 -d -s 8972 # jumbo", 4).unwrap();
/// assert_eq!((c.program, c.target, c.netstack, c.interface), ("vmkping", Some("198.51.100.12"), Some("vmotion"), Some("vmk1")));
/// assert_eq!((c.df, c.size, c.count, c.ipv6), (true, Some(8972), Some(2), false));
/// assert_eq!(c.text, "vmkping ++netstack=vmotion -I vmk1 -c2 198.51.100.12 -d -s 8972");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PingCommand<'a> {
    /// 1-based line of the command.
    pub line: u32,
    /// The command as typed, without prompt and trailing `# comment`.
    pub text: &'a str,
    /// `vmkping`, `ping` or `ping6` (a path is reduced to its last part).
    pub program: &'a str,
    /// The host or address pinged.
    pub target: Option<&'a str>,
    /// `++netstack=NAME` or `-S NAME`.
    pub netstack: Option<&'a str>,
    /// `-I vmkN`.
    pub interface: Option<&'a str>,
    /// `-6`, `ping6`, or an IPv6 target.
    pub ipv6: bool,
    /// `-d`: don't fragment.
    pub df: bool,
    /// `-s N`: payload bytes.
    pub size: Option<u32>,
    /// `-c N`.
    pub count: Option<u32>,
    /// `-i SECONDS`.
    pub interval: Option<f64>,
    /// `-W SECONDS`.
    pub wait: Option<f64>,
    /// `-t TTL`.
    pub ttl: Option<u32>,
    /// `-N NEXT_HOP`.
    pub next_hop: Option<&'a str>,
    /// First unknown option (`pub(crate)`: `diag_ping` builds commands of its own).
    pub(crate) unknown_option: Option<&'a str>,
    /// First option value that did not parse.
    pub(crate) bad_value: Option<&'a str>,
}

/// Options that take a value.
const WITH_VALUE: &[u8] = b"cIiNsStWwPp";
/// Options that are flags.
const FLAGS: &[u8] = b"46dDvXqnh";

/// True when `word` (a command's first word) names a ping program.
pub fn is_ping_program(word: &str) -> bool {
    let base = word.rsplit('/').next().unwrap_or(word);
    matches!(base, "vmkping" | "ping" | "ping6")
}

/// A command line without its trailing `# comment`, trimmed.
pub(crate) fn without_comment(command: &str) -> &str {
    match command.find(" #").or_else(|| command.find("\t#")) {
        Some(i) => command.get(..i).unwrap_or(command),
        None => command,
    }
    .trim()
}

impl<'a> PingCommand<'a> {
    /// A command of `program` at `line` with no option set (`diag_ping` builds its own).
    pub(crate) const fn bare(line: u32, text: &'a str, program: &'a str) -> Self {
        PingCommand {
            line,
            text,
            program,
            target: None,
            netstack: None,
            interface: None,
            ipv6: false,
            df: false,
            size: None,
            count: None,
            interval: None,
            wait: None,
            ttl: None,
            next_hop: None,
            unknown_option: None,
            bad_value: None,
        }
    }

    /// Parses a command line (without prompt). `None` if it is not a ping command.
    pub fn parse(command: &'a str, line: u32) -> Option<Self> {
        let text = without_comment(command);
        let mut words = text.split_ascii_whitespace();
        let first = words.next()?;
        if !is_ping_program(first) {
            return None;
        }
        let program = first.rsplit('/').next().unwrap_or(first);
        let mut c = PingCommand::bare(line, text, program);
        c.ipv6 = program == "ping6";
        while let Some(w) = words.next() {
            if let Some(rest) = w.strip_prefix("++") {
                // `++netstack=NAME` (also `++netstack NAME`).
                match rest.split_once('=') {
                    Some(("netstack", v)) => c.netstack = Some(v),
                    None if rest == "netstack" => c.netstack = words.next(),
                    _ => c.unknown_option = c.unknown_option.or(Some(w)),
                }
                continue;
            }
            let Some(opts) = w.strip_prefix('-').filter(|o| !o.is_empty()) else {
                // The target; a second bare word is unexpected.
                if c.target.is_none() {
                    c.target = Some(w);
                } else {
                    c.unknown_option = c.unknown_option.or(Some(w));
                }
                continue;
            };
            // A cluster of flags, possibly ending in an option with its value glued on.
            for (i, o) in opts.bytes().enumerate() {
                if FLAGS.contains(&o) {
                    match o {
                        b'6' => c.ipv6 = true,
                        b'4' => c.ipv6 = false,
                        b'd' => c.df = true,
                        _ => {}
                    }
                } else if WITH_VALUE.contains(&o) {
                    let glued = opts.get(i.saturating_add(1)..).filter(|v| !v.is_empty());
                    let value = glued.or_else(|| words.next());
                    c.set(o, value);
                    break;
                } else {
                    c.unknown_option = c.unknown_option.or(Some(w));
                    break;
                }
            }
        }
        if c.target.is_some_and(|t| t.contains(':')) {
            c.ipv6 = true;
        }
        Some(c)
    }

    fn set(&mut self, option: u8, value: Option<&'a str>) {
        let number = |v: Option<&'a str>| v.and_then(shape::parse_u32);
        let seconds = |v: Option<&'a str>| v.and_then(shape::parse_decimal);
        let ok = match option {
            b'c' => {
                self.count = number(value);
                self.count.is_some()
            }
            b's' => {
                self.size = number(value);
                self.size.is_some()
            }
            b't' => {
                self.ttl = number(value);
                self.ttl.is_some()
            }
            b'i' => {
                self.interval = seconds(value);
                self.interval.is_some()
            }
            b'W' | b'w' => {
                self.wait = seconds(value);
                self.wait.is_some()
            }
            b'I' => {
                self.interface = value;
                value.is_some()
            }
            b'S' => {
                self.netstack = value;
                value.is_some()
            }
            b'N' => {
                self.next_hop = value;
                value.is_some()
            }
            _ => true, // -P/-p: accepted, not used
        };
        if !ok {
            self.bad_value = self.bad_value.or(value).or(Some(""));
        }
    }

    /// Diagnostics about the command: unknown options, a bad value, a missing target.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let line = self.line;
        let unknown = self
            .unknown_option
            .map(|o| Diagnostic::new(DiagnosticKind::PingOptionUnknown, line).with_text("", o));
        let bad = self
            .bad_value
            .map(|v| Diagnostic::new(DiagnosticKind::PingOptionUnknown, line).with_text("", v));
        let missing = self
            .target
            .is_none()
            .then(|| Diagnostic::new(DiagnosticKind::PingTargetMissing, line));
        unknown.into_iter().chain(bad).chain(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PingCommand<'_> {
        PingCommand::parse(s, 1).unwrap()
    }

    #[test]
    fn options_after_target_and_double_blanks() {
        let c = p("vmkping 10.111.111.111  -d  -s 8972");
        assert_eq!(
            (c.target, c.df, c.size),
            (Some("10.111.111.111"), true, Some(8972))
        );
    }

    #[test]
    fn netstack_spellings() {
        assert_eq!(p("vmkping -S vmotion x").netstack, Some("vmotion"));
        assert_eq!(p("vmkping -Svmotion x").netstack, Some("vmotion"));
        assert_eq!(p("vmkping ++netstack vmotion x").netstack, Some("vmotion"));
    }

    #[test]
    fn all_value_options() {
        let c = p("vmkping -W 2 -i 0.2 -t 64 -N 192.0.2.1 -c 5 -I vmk2 -6 2001:db8::12");
        assert_eq!(
            (c.wait, c.interval, c.ttl),
            (Some(2.0), Some(0.2), Some(64))
        );
        assert_eq!(
            (c.next_hop, c.count, c.interface, c.ipv6),
            (Some("192.0.2.1"), Some(5), Some("vmk2"), true)
        );
        assert_eq!(c.diagnostics().count(), 0);
    }

    #[test]
    fn flag_clusters_and_unknown_options() {
        let c = p("vmkping -dv -c3 host");
        assert!(c.df);
        assert_eq!(c.count, Some(3));
        let c = p("vmkping -Z host");
        assert_eq!(
            c.diagnostics().next().map(|d| d.kind),
            Some(DiagnosticKind::PingOptionUnknown)
        );
    }

    #[test]
    fn missing_target_and_not_ping() {
        assert_eq!(
            p("vmkping -d").diagnostics().next().map(|d| d.kind),
            Some(DiagnosticKind::PingTargetMissing)
        );
        assert!(PingCommand::parse("esxcfg-vmknic -l", 1).is_none());
        assert_eq!(p("/bin/vmkping x").program, "vmkping");
    }

    #[test]
    fn bad_values_are_reported_not_swallowed() {
        let c = p("vmkping -s big x");
        assert_eq!(c.size, None);
        assert_eq!(c.diagnostics().next().map(|d| d.text), Some("big"));
    }
}
