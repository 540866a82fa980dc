//! The lines of ping output, FreeBSD-style (ESXi, macOS) and Linux iputils.
//!
//! Each grammar reads a prefix and ignores what trails it, so a prompt glued to the
//! last line (`... 0% packet loss[root@esx:~]`) still reads.

use nom::bytes::complete::{tag, take_till1, take_until, take_while1};
use nom::character::complete::{char as ch, digit1, space0, space1};
use nom::combinator::{map_opt, map_res, opt, recognize};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

/// `PING …` header.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Header<'a> {
    pub target: &'a str,
    pub ip: Option<&'a str>,
    pub data_bytes: Option<u32>,
    /// `… bytes of data.`: Linux iputils (and NSX Edge, which names a source with `from`).
    pub linux: bool,
}

/// `N bytes from ADDR: icmp_seq=… ttl=… time=… ms [(DUP!)]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Reply<'a> {
    pub bytes: u32,
    pub from: &'a str,
    pub seq: Option<u32>,
    pub ttl: Option<u32>,
    pub time_ms: Option<f64>,
    pub dup: bool,
}

/// `N packets transmitted, N packets received, [+N duplicates,] N% packet loss`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Summary {
    pub transmitted: u32,
    pub received: u32,
    pub duplicates: u32,
    pub loss_percent: f64,
    /// `N received` without `packets`, or `time Nms`: Linux.
    pub linux: bool,
    /// `0.0%`: macOS.
    pub decimal_loss: bool,
}

/// `round-trip min/avg/max[/stddev] = …` or `rtt min/avg/max/mdev = …`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RoundTrip {
    pub min: f64,
    pub avg: f64,
    pub max: f64,
    pub stddev: Option<f64>,
    pub linux: bool,
}

/// What one line of ping output is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum OutLine<'a> {
    Blank,
    Header(Header<'a>),
    Reply(Reply<'a>),
    SendFailed(&'a str),
    /// `Request timeout for icmp_seq N` (macOS).
    Timeout(u32),
    /// `--- target ping statistics ---`.
    StatsHeader(Option<&'a str>),
    Summary(Summary),
    RoundTrip(RoundTrip),
    /// `^C`.
    Interrupt,
    Other,
}

type R<'a, T> = IResult<&'a str, T>;

fn uint(i: &str) -> R<'_, u32> {
    map_res(digit1, str::parse::<u32>).parse(i)
}

fn decimal(i: &str) -> R<'_, f64> {
    map_opt(
        recognize((digit1, opt((ch('.'), digit1)))),
        crate::shape::parse_decimal,
    )
    .parse(i)
}

fn word(i: &str) -> R<'_, &str> {
    take_till1(|c: char| c.is_whitespace()).parse(i)
}

/// `PING target (ip): N data bytes` / `PING target (ip) N(M) bytes of data.`
fn header(i: &str) -> R<'_, Header<'_>> {
    let (i, _) = (tag("PING"), space1).parse(i)?;
    let (i, target) = take_till1(|c: char| c.is_whitespace()).parse(i)?;
    // `PING host: 56 data bytes` (no resolved address): the colon is not the target's.
    let target = if target.ends_with(':') && !target.ends_with("::") {
        target.strip_suffix(':').unwrap_or(target)
    } else {
        target
    };
    let (i, ip) = opt(preceded(
        space0,
        delimited(ch('('), take_until(")"), ch(')')),
    ))
    .parse(i)?;
    let linux = i.contains("bytes of data");
    let data_bytes = if linux {
        // ` 56(84) bytes of data.`, maybe after ` from SRC IFACE:`
        let at = i.find("bytes of data").unwrap_or(0);
        let head = i.get(..at).unwrap_or("");
        let num = head
            .rsplit(|c: char| c.is_whitespace() || c == ':')
            .find(|w| !w.is_empty());
        num.and_then(|w| w.split('(').next())
            .and_then(crate::shape::parse_u32)
    } else {
        let at = i.find("data bytes");
        at.and_then(|at| i.get(..at))
            .and_then(|head| {
                head.rsplit(|c: char| c.is_whitespace() || c == ':')
                    .find(|w| !w.is_empty())
            })
            .and_then(crate::shape::parse_u32)
    };
    Ok((
        "",
        Header {
            target,
            ip,
            data_bytes,
            linux: linux || i.contains(" from "),
        },
    ))
}

/// `PING6(56=40+8+8 bytes) SRC --> DST` (FreeBSD ping6).
fn header6(i: &str) -> R<'_, Header<'_>> {
    let (i, _) = tag("PING6(").parse(i)?;
    let (i, _) = (uint, ch('='), uint, ch('+'), uint, ch('+')).parse(i)?;
    let (i, data) = uint(i)?;
    let (i, _) = (tag(" bytes)"), space1, word, space1, tag("-->"), space1).parse(i)?;
    let (i, dst) = word(i)?;
    Ok((
        i,
        Header {
            target: dst,
            ip: Some(dst),
            data_bytes: Some(data),
            linux: false,
        },
    ))
}

fn reply(i: &str) -> R<'_, Reply<'_>> {
    let (i, bytes) = terminated(uint, (space1, tag("bytes from"), space1)).parse(i)?;
    // The address ends at `: ` or `, ` (IPv6 addresses hold `:` but never `: `).
    let end = i
        .as_bytes()
        .windows(2)
        .position(|w| matches!(w, [b':' | b',', b' ']))
        .ok_or(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))?;
    let from_field = i.get(..end).unwrap_or("");
    let rest = i.get(end.saturating_add(2)..).unwrap_or("");
    // Linux with a resolved name: `host (192.0.2.1)`.
    let from = match from_field.split_once(" (") {
        Some((_, ip)) => ip.trim_end_matches(')'),
        None => from_field,
    };
    let mut r = Reply {
        bytes,
        from,
        seq: None,
        ttl: None,
        time_ms: None,
        dup: false,
    };
    for w in rest.split_whitespace() {
        if let Some((k, v)) = w.split_once('=') {
            match k {
                "icmp_seq" | "seq" => r.seq = crate::shape::parse_u32(v),
                "ttl" | "hlim" => r.ttl = crate::shape::parse_u32(v),
                "time" => r.time_ms = decimal(v).ok().map(|(_, t)| t),
                _ => {}
            }
        } else if w.starts_with("(DUP!)") {
            r.dup = true;
        }
    }
    Ok(("", r))
}

/// True when `t` (trimmed) has the shape [`reply`] accepts, without reading its values:
/// `N bytes from ADDR: …` or `…, …` with N a `u32`. A transcript needs only the kind.
pub(crate) fn is_reply(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (Some(n), Some(rest)) = (t.get(..digits), t.get(digits..)) else {
        return false;
    };
    let blanks = |s: &str| {
        s.len()
            .saturating_sub(s.trim_start_matches([' ', '\t']).len())
    };
    let sp = blanks(rest);
    let Some(rest) = rest.get(sp..).and_then(|r| r.strip_prefix("bytes from")) else {
        return false;
    };
    let sp2 = blanks(rest);
    let addr = rest.get(sp2..).unwrap_or("");
    digits > 0
        && n.parse::<u32>().is_ok()
        && sp > 0
        && sp2 > 0
        && addr
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, [b':' | b',', b' ']))
}

/// `sendto() failed (Message too long)` or `ping: sendto: Message too long`.
fn send_failed(i: &str) -> R<'_, &str> {
    let esxi = preceded(
        (tag("sendto() failed"), space0, ch('(')),
        take_while1(|c: char| c != ')'),
    );
    let bsd = preceded(
        (opt(tag("ping: ")), tag("sendto: ")),
        take_while1(|c: char| c != '\r'),
    );
    let (i, e) = nom::branch::alt((esxi, bsd)).parse(i)?;
    Ok((i, e.trim()))
}

fn timeout_line(i: &str) -> R<'_, u32> {
    preceded(tag("Request timeout for icmp_seq"), preceded(space0, uint)).parse(i)
}

fn summary(i: &str) -> R<'_, Summary> {
    let (i, transmitted) =
        terminated(uint, (space1, tag("packets transmitted,"), space1)).parse(i)?;
    let (i, received) = terminated(uint, space1).parse(i)?;
    let (i, packets) = opt(tag("packets ")).parse(i)?;
    let (i, _) = tag("received").parse(i)?;
    let mut s = Summary {
        transmitted,
        received,
        duplicates: 0,
        loss_percent: 0.0,
        linux: packets.is_none(),
        decimal_loss: false,
    };
    let mut loss_seen = false;
    for part in i.split(',').map(str::trim) {
        if let Ok((_, n)) = preceded(ch::<_, nom::error::Error<&str>>('+'), uint).parse(part) {
            if part.contains("duplicate") {
                s.duplicates = n;
            }
        } else if let Ok((rest, pct)) = decimal(part) {
            if rest.starts_with('%') {
                s.loss_percent = pct;
                s.decimal_loss = part.split('%').next().is_some_and(|n| n.contains('.'));
                loss_seen = true;
            }
        } else if part.starts_with("time ") {
            s.linux = true;
        }
    }
    if !loss_seen {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    Ok(("", s))
}

fn round_trip(i: &str) -> R<'_, RoundTrip> {
    let (i, kind) = nom::branch::alt((tag("round-trip"), tag("rtt"))).parse(i)?;
    let (i, _) = (
        space1,
        take_till1(|c: char| c.is_whitespace()),
        space0,
        ch('='),
        space0,
    )
        .parse(i)?;
    let (i, (min, _, avg, _, max)) = (decimal, ch('/'), decimal, ch('/'), decimal).parse(i)?;
    let (i, stddev) = opt(preceded(ch('/'), decimal)).parse(i)?;
    Ok((
        i,
        RoundTrip {
            min,
            avg,
            max,
            stddev,
            linux: kind == "rtt",
        },
    ))
}

/// Classifies one line of ping output (already without wrapper).
///
/// Each kind of line starts with its own byte (a digit, `P`, `s`/`p`, `r`, `R`, `-`,
/// `^`), so only the grammars that can match are tried.
pub(crate) fn classify(text: &str) -> OutLine<'_> {
    let t = text.trim();
    // Code fences of a Markdown paste are not output.
    if t.is_empty() || t.starts_with("```") || t.starts_with("~~~") {
        return OutLine::Blank;
    }
    let parsed = match t.as_bytes().first() {
        Some(b'0'..=b'9') => reply(t)
            .map(|(_, r)| OutLine::Reply(r))
            .or_else(|_| summary(t).map(|(_, s)| OutLine::Summary(s)))
            .ok(),
        Some(b'P') => header6(t)
            .or_else(|_| header(t))
            .map(|(_, h)| OutLine::Header(h))
            .ok(),
        Some(b's' | b'p') => send_failed(t).map(|(_, e)| OutLine::SendFailed(e)).ok(),
        Some(b'r') => round_trip(t).map(|(_, r)| OutLine::RoundTrip(r)).ok(),
        Some(b'R') => timeout_line(t).map(|(_, n)| OutLine::Timeout(n)).ok(),
        Some(b'-') => t
            .strip_prefix("---")
            .filter(|r| r.contains("statistics"))
            .map(|rest| OutLine::StatsHeader(rest.split_whitespace().next())),
        Some(b'^') => (t == "^C").then_some(OutLine::Interrupt),
        _ => None,
    };
    parsed.unwrap_or(OutLine::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_shape_agrees_with_the_reply_grammar() {
        for t in [
            "8980 bytes from 10.111.111.111: icmp_seq=2 ttl=64 time=0.378 ms",
            "64 bytes from 2001:db8::1, icmp_seq=0 hlim=64 time=0.2 ms",
            "64 bytes from host (192.0.2.1): icmp_seq=1 ttl=64 time=1 ms",
            "64\tbytes from\t192.0.2.1: x",
            "64 bytes from 192.0.2.1:",
            "64 bytes from 192.0.2.1",
            "64bytes from 192.0.2.1: x",
            "64 bytes from: x",
            "99999999999 bytes from 192.0.2.1: x",
            "4294967295 bytes from 192.0.2.1: x",
            "4294967296 bytes from 192.0.2.1: x",
            "0064 bytes from 192.0.2.1: x",
            "3 packets transmitted, 3 packets received, 0% packet loss",
            " bytes from 192.0.2.1: x",
            "64 bytes fro 192.0.2.1: x",
            "64  bytes  from  a, b",
        ] {
            assert_eq!(is_reply(t), reply(t).is_ok(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn reply_shape_agrees_on_reply_like_text(
            t in "[0-9]{0,11}[ \t]{0,2}(bytes from|bytes|from)?[ \t]{0,2}[0-9a-f:.,() ]{0,16}"
        ) {
            proptest::prop_assert_eq!(is_reply(&t), reply(&t).is_ok(), "{:?}", t);
        }
    }

    #[test]
    fn esxi_header_and_reply() {
        let OutLine::Header(h) = classify("PING 10.111.111.111 (10.111.111.111): 8972 data bytes")
        else {
            panic!()
        };
        assert_eq!(
            (h.target, h.ip, h.data_bytes, h.linux),
            ("10.111.111.111", Some("10.111.111.111"), Some(8972), false)
        );
        let OutLine::Reply(r) =
            classify("8980 bytes from 10.111.111.111: icmp_seq=2 ttl=64 time=0.378 ms")
        else {
            panic!()
        };
        assert_eq!(
            (r.bytes, r.from, r.seq, r.ttl, r.time_ms, r.dup),
            (
                8980,
                "10.111.111.111",
                Some(2),
                Some(64),
                Some(0.378),
                false
            )
        );
    }

    #[test]
    fn ipv6_replies_without_ttl_and_ping6_header() {
        let OutLine::Reply(r) = classify("64 bytes from 2001:db8::12: icmp_seq=0 time=0.190 ms")
        else {
            panic!()
        };
        assert_eq!((r.from, r.seq, r.ttl), ("2001:db8::12", Some(0), None));
        let OutLine::Reply(r) =
            classify("16 bytes from 2001:db8::12, icmp_seq=0 hlim=64 time=0.190 ms (DUP!)")
        else {
            panic!()
        };
        assert_eq!((r.from, r.ttl, r.dup), ("2001:db8::12", Some(64), true));
        let OutLine::Header(h) =
            classify("PING 2001:db8:10::21 (2001:db8:10::21): 8952 data bytes")
        else {
            panic!()
        };
        assert_eq!(
            (h.target, h.ip, h.data_bytes),
            ("2001:db8:10::21", Some("2001:db8:10::21"), Some(8952))
        );
        let OutLine::Header(h) = classify("PING6(56=40+8+8 bytes) 2001:db8::11 --> 2001:db8::12")
        else {
            panic!()
        };
        assert_eq!((h.target, h.data_bytes), ("2001:db8::12", Some(8)));
    }

    #[test]
    fn summaries() {
        let OutLine::Summary(s) =
            classify("3 packets transmitted, 3 packets received, +2 duplicates, 0% packet loss")
        else {
            panic!()
        };
        assert_eq!(
            (s.transmitted, s.received, s.duplicates, s.linux),
            (3, 3, 2, false)
        );
        let OutLine::Summary(s) =
            classify("3 packets transmitted, 2 received, 33% packet loss, time 2003ms")
        else {
            panic!()
        };
        assert!(s.linux && s.loss_percent == 33.0);
        let OutLine::Summary(s) =
            classify("3 packets transmitted, 3 packets received, 0.0% packet loss")
        else {
            panic!()
        };
        assert!(s.decimal_loss);
    }

    #[test]
    fn trailing_prompt_is_ignored() {
        let OutLine::RoundTrip(r) =
            classify("round-trip min/avg/max = 0.2/0.3/0.4 ms[root@esx-a:~] ")
        else {
            panic!()
        };
        assert_eq!((r.min, r.avg, r.max, r.stddev), (0.2, 0.3, 0.4, None));
        assert!(matches!(
            classify("1 packets transmitted, 1 packets received, 0% packet loss[root@x:~]"),
            OutLine::Summary(_)
        ));
    }

    #[test]
    fn send_errors() {
        assert_eq!(
            classify("sendto() failed (Message too long)"),
            OutLine::SendFailed("Message too long")
        );
        assert_eq!(
            classify("ping: sendto: No route to host"),
            OutLine::SendFailed("No route to host")
        );
    }

    #[test]
    fn linux_header_and_rtt() {
        let OutLine::Header(h) = classify("PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.")
        else {
            panic!()
        };
        assert_eq!((h.data_bytes, h.linux), (Some(56), true));
        let OutLine::RoundTrip(r) = classify("rtt min/avg/max/mdev = 0.1/0.2/0.3/0.05 ms") else {
            panic!()
        };
        assert!(r.linux && r.stddev == Some(0.05));
    }
}
