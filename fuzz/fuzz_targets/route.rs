//! esxcli route list tables: every route, diagnostic, message and JSON, with and
//! without a command line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::route::{self, RouteTable};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line stands for the command when it mentions a route list.
    let (first, body) = text.split_once('\n').unwrap_or((&text, ""));
    let command = first.contains("route").then_some(first);
    for t in [
        RouteTable::parse(&text),
        RouteTable::from_lines(Lines::new(body), command),
    ] {
        for r in t.rows() {
            assert!(r.line >= 1);
            let _ = r.is_default();
        }
        for d in t.diagnostics() {
            let _ = d.to_string();
        }
        let _ = serde_json::to_string(&t).expect("route JSON");
    }
    for l in text.lines() {
        let _ = route::is_start(l) | route::is_continuation(l);
    }
});
