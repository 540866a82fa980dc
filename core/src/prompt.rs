//! Shell prompts of ESXi and ESX sessions, whole, escaped or damaged.

/// A prompt line: the host it names and the command typed after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt<'a> {
    /// Host named by the prompt (`[root@esx01:~]` → `esx01`).
    pub host: Option<&'a str>,
    /// The command typed after the prompt, trimmed; `None` for a bare prompt.
    pub command: Option<&'a str>,
}

/// Longest prompt considered (user@host:path).
const MAX_PROMPT: usize = 320;

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

/// First word looks like a command (`esxcfg-vmknic`, `/bin/vmkping`, `esxcli`).
fn looks_like_command(cmd: &str) -> bool {
    let w = cmd.split_whitespace().next().unwrap_or("");
    let b = w.as_bytes();
    b.first()
        .is_some_and(|c| c.is_ascii_lowercase() || *c == b'/' || *c == b'.')
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'.' | b'/' | b'-')
        })
}

fn command_after(rest: &str) -> Option<&str> {
    let c = rest.trim();
    (!c.is_empty()).then_some(c)
}

/// `[user@host:path] cmd`, `\[root@host:\~\] cmd`, `[root@host ~]# cmd` and the damaged
/// `ot@host:~] cmd`. Returns the host, the command and whether the `[` was there.
fn bracketed(s: &str) -> Option<(Prompt<'_>, bool)> {
    // `[user@`: only name bytes (and `[`, `\`) before an early `@`. One scan that stops at
    // the first other byte, which must be that `@` (output lines stop at once).
    let at = s
        .as_bytes()
        .iter()
        .take(40)
        .position(|b| !(is_name_byte(*b) || matches!(b, b'[' | b'\\')))?;
    if s.as_bytes().get(at) != Some(&b'@') {
        return None;
    }
    let head = s.get(..s.len().min(MAX_PROMPT)).unwrap_or_else(|| {
        s.get(..s.floor_char_boundary_compat(MAX_PROMPT))
            .unwrap_or("")
    });
    let close = head.find(']')?;
    let inner = s.get(..close)?;
    let (inner, opened) = match inner
        .strip_prefix("\\[")
        .or_else(|| inner.strip_prefix('['))
    {
        Some(i) => (i, true),
        None => (inner, false),
    };
    let inner = inner.strip_suffix('\\').unwrap_or(inner);
    let (user, at_host) = inner.split_once('@')?;
    if !user.bytes().all(is_name_byte) || (!opened && user.is_empty()) {
        return None;
    }
    let host_end = at_host.find([':', ' '])?;
    let host = at_host.get(..host_end)?;
    if host.is_empty() || !host.bytes().all(is_name_byte) {
        return None;
    }
    let mut rest = s.get(close.saturating_add(1)..)?;
    rest = rest.strip_prefix(['#', '$']).unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((
        Prompt {
            host: Some(host),
            command: command_after(rest),
        },
        opened,
    ))
}

/// `&str::floor_char_boundary` is not stable; this finds the same boundary.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while i > 0 && !self.is_char_boundary(i) {
            i = i.saturating_sub(1);
        }
        i
    }
}

/// `~ # cmd`, `/tmp # cmd` (ESXi 5 busybox shell).
fn path_hash(s: &str) -> Option<Prompt<'_>> {
    if !s.starts_with(['~', '/']) {
        return None;
    }
    let (path, rest) = s.split_once(' ')?;
    if path.contains(['#', '$']) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix(['#', '$'])?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(Prompt {
        host: None,
        command: command_after(rest),
    })
}

/// `$ cmd`, `# cmd` (the command must look like one: `# Host 1` is a heading).
fn bare(s: &str) -> Option<Prompt<'_>> {
    if s == "$" || s == "#" {
        return Some(Prompt {
            host: None,
            command: None,
        });
    }
    let rest = s.strip_prefix("$ ").or_else(|| s.strip_prefix("# "))?;
    looks_like_command(rest.trim_start()).then(|| Prompt {
        host: None,
        command: command_after(rest),
    })
}

/// Reads a prompt at the start of a line (leading blanks allowed).
///
/// ```
/// use vmkcheck_core::prompt::parse;
/// let p = parse("[root@esx01:/vmfs/volumes] esxcfg-vmknic -l").unwrap();
/// assert_eq!((p.host, p.command), (Some("esx01"), Some("esxcfg-vmknic -l")));
/// assert_eq!(parse(r"\[root@localhost:\~\] vmkping x").unwrap().host, Some("localhost"));
/// assert_eq!(parse("ot@esx01:~] ").unwrap().command, None);
/// assert_eq!(parse("~ # esxcfg-vmknic -l").unwrap().command, Some("esxcfg-vmknic -l"));
/// assert!(parse("# Host 1").is_none() && parse("vmk0  Management").is_none());
/// ```
pub fn parse(text: &str) -> Option<Prompt<'_>> {
    let s = text.trim_start();
    bracketed(s)
        .map(|(p, _)| p)
        .or_else(|| path_hash(s))
        .or_else(|| bare(s))
}

/// Byte index of a `[user@host:path]` prompt glued to the end of an output line.
///
/// ```
/// let line = "round-trip min/avg/max = 0.2/0.3/0.4 ms[root@esx-a:~] ";
/// assert_eq!(vmkcheck_core::prompt::find_glued(line), Some(39));
/// ```
pub fn find_glued(text: &str) -> Option<usize> {
    // A prompt holds no `[`: only the last `[` before each `]` can open one, so one
    // scan with a bounded check per `]` keeps this linear on any line.
    let bytes = text.as_bytes();
    let mut open: Option<usize> = None;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'[' => open = Some(i),
            b']' => {
                if let Some(o) = open
                    .take()
                    .filter(|o| *o > 0 && i.saturating_sub(*o) <= MAX_PROMPT)
                {
                    let start = if bytes.get(o.saturating_sub(1)) == Some(&b'\\') {
                        o.saturating_sub(1)
                    } else {
                        o
                    };
                    if start > 0
                        && text
                            .get(start..)
                            .and_then(bracketed)
                            .is_some_and(|(_, opened)| opened)
                    {
                        return Some(start);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esx4_service_console() {
        let p = parse("[root@esx01 ~]# esxcfg-vmknic -l").unwrap();
        assert_eq!(
            (p.host, p.command),
            (Some("esx01"), Some("esxcfg-vmknic -l"))
        );
    }

    #[test]
    fn bare_prompts() {
        assert_eq!(
            parse("$ vmkping -I vmk1 x").unwrap().command,
            Some("vmkping -I vmk1 x")
        );
        assert_eq!(parse("#").unwrap().command, None);
        assert!(parse("#ホスト1").is_none());
        assert!(parse("# ホスト1").is_none());
    }

    #[test]
    fn not_prompts() {
        for s in [
            "Interface  Port Group",
            "PING 1.2.3.4 (1.2.3.4): 56 data bytes",
            "see [1]",
            "a@b]",
        ] {
            assert!(parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn long_lines_and_non_ascii_are_safe() {
        let s = "é".repeat(400) + "]";
        assert!(parse(&s).is_none());
        assert_eq!(find_glued(&("x[".repeat(1000))), None);
    }
}
