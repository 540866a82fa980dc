//! Properties of the `esxcli network diag ping` parser: no panic on any input, every
//! line inside the input, bounded responses, and the g30–g33 corpus cases read as
//! their EXPECT.md says, also after CRLF / blank-after-every-line / collapsed blanks.

mod support;

use proptest::prelude::*;
use support::{any_bytes, corpus_input, edits, line_count, mutate_bytes};
use vmkcheck_core::diag_ping::{self, DiagPing};
use vmkcheck_core::lines::Lines;
use vmkcheck_core::vmkping::{MAX_LISTED_TIMEOUTS, ResponseType};
use vmkcheck_core::{DiagnosticKind, prompt};

const CASES: [&str; 4] = [
    "g30-diag-ping-jumbo-vmotion-8x",
    "g31-diag-ping-message-too-long-7x",
    "g32-diag-ping-lossy-no-command-6x",
    "g33-diag-ping-ipv6-long-options-8x",
];

/// Everything a run yields, as `(line, what)`; walks every iterator and `Display`.
fn walk(run: &DiagPing<'_>) -> Vec<(u32, String)> {
    let mut out = vec![(run.line, format!("run {:?}", run.command))];
    out.extend(run.responses().map(|r| (r.line, format!("{r:?}"))));
    out.extend(run.diagnostics().map(|d| (d.line, d.to_string())));
    if let Some(c) = run.command {
        out.push((c.line, c.text.to_owned()));
    }
    out
}

fn check(text: &str) {
    let run = diag_ping::parse(text);
    let n = line_count(text);
    for (line, what) in walk(&run) {
        assert!(
            (1..=n).contains(&line),
            "line {line} outside 1..={n}: {what}"
        );
    }
    // Inferred timeouts are capped: the walk is bounded by the input.
    let bound = text.lines().count() + MAX_LISTED_TIMEOUTS as usize;
    assert!(run.responses().count() <= bound);
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&run).expect("json");
        assert!(json.starts_with("{\"line\":"));
    }
    for l in text.lines() {
        let _ = (diag_ping::is_start(l), diag_ping::is_continuation(l));
    }
}

/// The runs of a corpus input: each `esxcli network diag ping` prompt line starts one,
/// read with `from_lines` as the transcript will; text before the first command (or
/// all of it, when there is none) is read with `parse`.
fn runs(text: &str) -> Vec<DiagPing<'_>> {
    let wrapper = Lines::new(text).wrapper();
    let mut starts = Vec::new();
    let mut lines = Lines::new(text);
    loop {
        let (_, offset, number) = lines.remaining();
        let Some(l) = lines.next() else { break };
        let command = prompt::parse(l.text).and_then(|p| p.command);
        if let Some(c) = command.filter(|c| diag_ping::is_command(c)) {
            let (_, body, next) = lines.remaining();
            starts.push((offset, body, next, c, number));
        }
    }
    if starts.is_empty() {
        return vec![diag_ping::parse(text)];
    }
    let mut out = Vec::new();
    for (i, (_, body, next, c, _)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let span = &text[*body..end];
        out.push(DiagPing::from_lines(
            Lines::span(span, *body, *next, wrapper),
            Some(c),
        ));
    }
    out
}

type Kinds = Vec<(ResponseType, Option<u32>, Option<&'static str>)>;

fn responses(run: &DiagPing<'_>) -> Vec<(ResponseType, Option<u32>, Option<String>)> {
    run.responses()
        .map(|r| (r.kind, r.icmp_seq, r.error.map(str::to_owned)))
        .collect()
}

fn owned(k: Kinds) -> Vec<(ResponseType, Option<u32>, Option<String>)> {
    k.into_iter()
        .map(|(a, b, c)| (a, b, c.map(str::to_owned)))
        .collect()
}

fn diags(run: &DiagPing<'_>) -> Vec<DiagnosticKind> {
    run.diagnostics().map(|d| d.kind).collect()
}

/// The facts EXPECT.md lists for each case (line numbers aside).
fn expect(name: &str, text: &str, with_lines: bool) {
    use ResponseType::*;
    let runs = runs(text);
    match name {
        "g30-diag-ping-jumbo-vmotion-8x" => {
            assert_eq!(runs.len(), 1);
            let r = &runs[0];
            let c = r.command.expect("command");
            assert_eq!(
                (
                    c.program,
                    c.target,
                    c.interface,
                    c.netstack,
                    c.df,
                    c.size,
                    c.count
                ),
                (
                    "esxcli",
                    Some("192.0.2.12"),
                    Some("vmk1"),
                    Some("vmotion"),
                    true,
                    Some(8972),
                    Some(3)
                )
            );
            assert_eq!(
                (
                    r.packets_transmitted(),
                    r.packets_received(),
                    r.packet_loss_percent()
                ),
                (Some(3), Some(3), Some(0.0))
            );
            let rt = r.round_trip.expect("rtt");
            assert_eq!((rt.min, rt.avg, rt.max), (0.236, 0.299, 0.412));
            assert_eq!(
                responses(r),
                owned(vec![
                    (Reply, Some(0), None),
                    (Reply, Some(1), None),
                    (Reply, Some(2), None)
                ])
            );
            assert!(
                r.responses()
                    .all(|x| x.bytes == Some(8980) && x.ttl == Some(64))
            );
            let times: Vec<_> = r.responses().map(|x| x.time_ms).collect();
            assert_eq!(times, [Some(0.412), Some(0.236), Some(0.251)]);
            if with_lines {
                assert_eq!(r.line, 1);
                let lines: Vec<_> = r.responses().map(|x| x.line).collect();
                assert_eq!(lines, [3, 11, 19]);
            }
            // The trailing bare prompt ends the run silently.
            assert_eq!(diags(r), []);
        }
        "g31-diag-ping-message-too-long-7x" => {
            assert_eq!(runs.len(), 2);
            let (a, b) = (&runs[0], &runs[1]);
            assert_eq!(
                responses(a),
                owned(vec![(SendFailed, None, Some("Message too long"))])
            );
            assert!(!a.complete() && a.round_trip.is_none());
            assert_eq!(a.destination, Some("198.51.100.22"));
            assert_eq!(diags(a), []);
            let c = b.command.expect("command");
            assert_eq!((c.size, c.count, c.df), (Some(1472), Some(2), true));
            assert_eq!(
                responses(b),
                owned(vec![(Reply, Some(0), None), (Reply, Some(1), None)])
            );
            assert_eq!(b.round_trip.expect("rtt").avg, 0.18);
            assert_eq!(diags(b), []);
            if with_lines {
                assert_eq!(a.responses().next().map(|r| r.line), Some(2));
                assert_eq!(b.line, 3);
            }
        }
        "g32-diag-ping-lossy-no-command-6x" => {
            assert_eq!(runs.len(), 1);
            let r = &runs[0];
            assert!(r.command.is_none());
            assert_eq!(
                (r.destination, r.destination_ip),
                (Some("203.0.113.40"), Some("203.0.113.40"))
            );
            assert_eq!(
                (
                    r.packets_transmitted(),
                    r.packets_received(),
                    r.packet_loss_percent()
                ),
                (Some(5), Some(3), Some(40.0))
            );
            assert_eq!(
                responses(r),
                owned(vec![
                    (Reply, Some(0), None),
                    (Timeout, Some(1), None),
                    (Reply, Some(2), None),
                    (Timeout, Some(3), None),
                    (Reply, Some(4), None),
                ])
            );
            // The prose line before the output is the one unplaced line.
            let d: Vec<_> = r.diagnostics().map(|d| d.kind).collect();
            assert_eq!(d, [DiagnosticKind::OutputLineUnrecognized]);
            if with_lines {
                assert_eq!(r.diagnostics().next().map(|d| d.line), Some(1));
            }
        }
        "g33-diag-ping-ipv6-long-options-8x" => {
            assert_eq!(runs.len(), 1);
            let r = &runs[0];
            let c = r.command.expect("command");
            assert_eq!(
                (
                    c.target,
                    c.ipv6,
                    c.interface,
                    c.netstack,
                    c.df,
                    c.size,
                    c.count,
                    c.wait
                ),
                (
                    Some("2001:db8:0:12::12"),
                    true,
                    Some("vmk1"),
                    Some("vmotion"),
                    false,
                    Some(8952),
                    Some(2),
                    Some(2.0)
                )
            );
            assert_eq!(r.destination_ip, Some("2001:db8:0:12::12"));
            assert_eq!(
                responses(r),
                owned(vec![(Reply, Some(0), None), (Reply, Some(1), None)])
            );
            assert!(
                r.responses()
                    .all(|x| x.bytes == Some(8960) && x.response_ip == Some("2001:db8:0:12::12"))
            );
            let rt = r.round_trip.expect("rtt");
            assert_eq!((rt.min, rt.avg, rt.max), (0.298, 0.326, 0.355));
            assert_eq!(diags(r), []);
        }
        other => panic!("unknown case {other}"),
    }
}

#[test]
fn corpus_cases_read_as_expected() {
    for name in CASES {
        let text = corpus_input(name);
        check(&text);
        expect(name, &text, true);
    }
}

#[test]
fn corpus_cases_survive_messy_pastes() {
    for name in CASES {
        let text = corpus_input(name).replace("\r\n", "\n");
        let crlf = text.replace('\n', "\r\n");
        let doubled = text.replace('\n', "\n\n");
        let collapsed: String = text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        for messy in [crlf, doubled, collapsed] {
            check(&messy);
            expect(name, &messy, false);
        }
    }
}

/// Pieces of diag ping output, to build format-shaped noise from.
const PIECES: &[&str] = &[
    "   Trace:\n",
    "   Summary:\n",
    "Received Bytes: 8980\n",
    "Received Bytes: x\n",
    "Host: 192.0.2.12\n",
    "Host: 2001:db8::1\n",
    "ICMP Seq: 0\n",
    "ICMP Seq: 4294967295\n",
    "ICMP Seq: 7\n",
    "TTL: 64\n",
    "Round-trip Time: 245 us\n",
    "Round-trip Time: 99999999999999999 us\n",
    "Dup: true\n",
    "Dup: false\n",
    "Detail:\n",
    "Detail: timeout\n",
    "Detail: sendto() failed (Host is down)\n",
    "Error: sendto() failed (Message too long)\n",
    "Host Addr: 192.0.2.12\n",
    "Transmitted: 4294967295\n",
    "Transmitted: 3\n",
    "Recieved: 0\n",
    "Received: 2\n",
    "Duplicated: 1\n",
    "Packet Lost: 33\n",
    "Round-trip Min: 999999000 us\n",
    "Round-trip Avg: -2147483648 us\n",
    "Round-trip Max: 1 us\n",
    "[root@esx01:~] esxcli network diag ping -H 192.0.2.12 -d -s 8972\n",
    "\n",
    "\r\n",
    "  ",
    ":",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(bytes in any_bytes()) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn shaped_noise_never_panics(idx in proptest::collection::vec(0usize..PIECES.len(), 0..200)) {
        let text: String = idx.iter().map(|i| PIECES[*i]).collect();
        check(&text);
    }

    #[test]
    fn mutated_corpus_never_panics(
        which in 0usize..CASES.len(),
        edits in edits(),
    ) {
        let text = mutate_bytes(&corpus_input(CASES[which]), &edits);
        check(&text);
        for run in runs(&text) {
            let _ = walk(&run);
        }
    }

    #[test]
    fn arbitrary_commands_never_panic(s in "[-a-zA-Z0-9=:. ]{0,80}") {
        let line = format!("esxcli network diag ping {s}");
        if let Some(c) = diag_ping::parse_command(&line, 1) {
            let _ = c.diagnostics().count();
        }
    }
}
