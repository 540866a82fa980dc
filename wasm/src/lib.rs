//! WebAssembly bindings of vmkcheck: the raw exports behind the npm package `vmkcheck`.
//!
//! Every export returns the canonical JSON of `vmkcheck-json` as a string (the same
//! bytes as `vmkcheck parse --json` / `vmkcheck check --json`); the package's
//! hand-written JavaScript (`wasm/js/`) turns it into plain objects with `JSON.parse`,
//! so results are byte-identical with every other front end. An error is thrown as a
//! string holding the error's JSON (`kind`, `line`, `column`, `offset`, `message`),
//! which the JavaScript turns into an `Error` with those fields.
//!
//! The core never panics on any input. Should a panic still happen (a bug), the wasm
//! instance traps; the JavaScript catches the `WebAssembly.RuntimeError`, replaces the
//! instance with a fresh one and throws an `Error` of kind `panic`, so the next call
//! works. `__testPanic` exists only to prove that in the package's tests.
//!
//! The functions are plain Rust too (this crate is also an `rlib`), so they are unit
//! tested natively:
//!
//! ```
//! let json = vmkcheck_wasm::parse_transcript_json("vmkping -c 1 192.0.2.1\n").unwrap();
//! assert!(json.starts_with("{\n  \"schema\": \"vmkcheck.transcript.v1\""));
//! ```

use vmkcheck_core::Error;
use wasm_bindgen::prelude::wasm_bindgen;

/// The error thrown to JavaScript: the error's canonical JSON.
fn thrown(e: &Error) -> String {
    vmkcheck_json::error_json(e)
}

/// An error of the JavaScript side's own making (not one of the core's kinds).
fn invalid_argument(message: &str) -> String {
    // Built by hand: the core's ErrorKind has no such kind, the shape is the same.
    let mut s = String::from("{\n  \"kind\": \"invalid_argument\",\n  \"line\": 0,\n");
    s.push_str("  \"column\": 0,\n  \"offset\": 0,\n  \"message\": ");
    s.push_str(&json_string(message));
    s.push_str("\n}\n");
    s
}

/// A JSON string literal (quotes and escapes) for a message.
fn json_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len().saturating_add(2));
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            c if u32::from(c) < 0x20 => s.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The crate (and npm package) version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// `vmkcheck parse --json`: a transcript (DESIGN.md §4.3) as canonical JSON.
///
/// # Errors
/// The error's JSON (too large).
#[wasm_bindgen(js_name = parseTranscriptJson)]
pub fn parse_transcript_json(text: &str) -> Result<String, String> {
    vmkcheck_json::parse_json(text).map_err(|e| thrown(&e))
}

/// The rows of one `esxcfg-vmknic -l` table (DESIGN.md §4.1) as a canonical JSON array.
///
/// # Errors
/// The error's JSON: no table in the text, or too large.
#[wasm_bindgen(js_name = parseVmknicJson)]
pub fn parse_vmknic_json(text: &str) -> Result<String, String> {
    vmkcheck_json::parse_vmknic_json(text).map_err(|e| thrown(&e))
}

/// One vmkping run (DESIGN.md §4.2) as canonical JSON.
///
/// # Errors
/// The error's JSON: no ping output in the text, or too large.
#[wasm_bindgen(js_name = parseVmkpingJson)]
pub fn parse_vmkping_json(text: &str) -> Result<String, String> {
    vmkcheck_json::parse_vmkping_json(text).map_err(|e| thrown(&e))
}

/// `vmkcheck rules --json`: the rule catalogue as a canonical JSON array.
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> String {
    vmkcheck_json::rules_json()
}

/// A finished check: its canonical JSON and where each evidence line is.
#[derive(Debug)]
struct Checked {
    json: String,
    /// For every finding in report order, for each of its evidence lines in order: the
    /// index of the source (host text) the line is in.
    sources: Vec<u32>,
}

fn run_check(names: &[String], texts: &[String], facts: Option<&str>) -> Result<Checked, String> {
    if names.len() != texts.len() {
        return Err(invalid_argument("names and texts differ in length"));
    }
    let sources: Vec<(&str, &str)> = names
        .iter()
        .zip(texts)
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let mut checked = vmkcheck_json::check(&sources, facts).map_err(|e| thrown(&e))?;
    let json = checked.to_json();
    // `to_json` leaves the findings in report order, the order of the JSON.
    let sources = checked
        .findings
        .iter()
        .flat_map(|f| f.evidence())
        .map(|e| e.source)
        .collect();
    Ok(Checked { json, sources })
}

/// `vmkcheck check --json` over named texts (a name may be empty: the prompt, else
/// `hostN`, names the host) with an optional facts document.
///
/// # Errors
/// The error's JSON: bad facts (with line and column), too large, or `names` and
/// `texts` of different lengths (`invalid_argument`).
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(
    names: Vec<String>,
    texts: Vec<String>,
    facts: Option<String>,
) -> Result<String, String> {
    run_check(&names, &texts, facts.as_deref()).map(|c| c.json)
}

/// As [`check_json`], plus where every evidence line is (for the page): the canonical
/// JSON, a NUL (canonical JSON never holds one), then for every finding in report order
/// and each of its evidence lines, the index of the text (source) holding the line,
/// comma-separated. The report's JSON names the host, not the text: a page needs the
/// index to highlight the right text box.
///
/// # Errors
/// As [`check_json`].
#[wasm_bindgen(js_name = checkWithSources)]
pub fn check_with_sources(
    names: Vec<String>,
    texts: Vec<String>,
    facts: Option<String>,
) -> Result<String, String> {
    let Checked { mut json, sources } = run_check(&names, &texts, facts.as_deref())?;
    json.push('\0');
    for (i, s) in sources.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&s.to_string());
    }
    Ok(json)
}

/// Test hook: panics, so the package's tests can prove that a trap leaves the module
/// usable for the next call. Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic(really: bool) -> u32 {
    if really {
        panic!("vmkcheck: deliberate panic (test hook)");
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use vmkcheck_core::ErrorKind;

    #[test]
    fn errors_are_error_json() {
        let e = parse_vmkping_json("hello").unwrap_err();
        let v: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(
            (v["kind"].as_str(), v["line"].as_u64()),
            (Some("no_ping_output"), Some(1))
        );
        let e = check_json(vec!["a".into()], vec![], None).unwrap_err();
        let v: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(v["kind"], "invalid_argument");
        assert_eq!(v["message"], "names and texts differ in length");
    }

    #[test]
    fn messages_are_escaped() {
        let s = json_string("a\"b\\c\nd\u{1}é");
        assert_eq!(
            serde_json::from_str::<String>(&s).unwrap(),
            "a\"b\\c\nd\u{1}é"
        );
    }

    #[test]
    fn check_gives_the_canonical_report_and_sources() {
        let text = "[root@esx01:~] esxcfg-vmknic -l\nvmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion\n";
        let other = "vmkping ++netstack=vmotion 198.51.100.11\n";
        let names = || vec![String::new(), "esx02".to_owned()];
        let texts = || vec![text.to_owned(), other.to_owned()];
        let out = check_with_sources(names(), texts(), None).unwrap();
        let plain = check_json(names(), texts(), None).unwrap();
        let (json, sources) = out.split_once('\0').unwrap();
        assert_eq!(json, plain);
        assert_eq!(
            plain,
            vmkcheck_json::check_json(&[("", text), ("esx02", other)], None).unwrap()
        );
        let v: serde_json::Value = serde_json::from_str(&plain).unwrap();
        let expected: Vec<u32> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["evidence"].as_array().unwrap().clone())
            .map(|e| if e["host"] == "esx01" { 0 } else { 1 })
            .collect();
        assert!(!expected.is_empty());
        let got: Vec<u32> = sources.split(',').map(|s| s.parse().unwrap()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn bad_facts_carry_their_position() {
        let e = check_json(
            vec![String::new()],
            vec![String::new()],
            Some("{\"a\": 1}".into()),
        )
        .unwrap_err();
        let v: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(v["kind"], "facts_type");
        assert_eq!(v["line"], 1);
    }

    #[test]
    fn rules_and_version() {
        assert!(rules_json().contains("\"id\": \"jumbo-path-unverified\""));
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
        assert_eq!(test_panic(false), 0);
    }

    /// The TypeScript declarations list every error kind the package can throw.
    #[test]
    fn typescript_declares_every_error_kind() {
        let dts = include_str!("../js/index.d.ts");
        let kinds = [
            ErrorKind::Empty,
            ErrorKind::NoVmknicTable,
            ErrorKind::NoPingOutput,
            ErrorKind::InvalidUtf8,
            ErrorKind::NotText,
            ErrorKind::TooLarge,
            ErrorKind::Capacity,
            ErrorKind::FactsSyntax,
            ErrorKind::FactsType,
            ErrorKind::FactsUnknownField,
            ErrorKind::FactsValue,
            ErrorKind::FactsDuplicateField,
        ];
        for k in kinds
            .iter()
            .map(|k| k.as_str())
            .chain(["invalid_argument", "panic"])
        {
            assert!(
                dts.contains(&format!("\"{k}\"")),
                "index.d.ts lacks error kind {k}"
            );
        }
    }

    /// The string literals of the TypeScript union `export type {name} = …;`.
    fn union<'a>(dts: &'a str, name: &str) -> Vec<&'a str> {
        let start = dts.find(&format!("export type {name} =")).unwrap();
        let union = &dts[start..];
        let union = &union[..union.find(";\n").unwrap()];
        union.split('"').skip(1).step_by(2).collect()
    }

    /// The TypeScript `SectionKind` union is exactly the core's section kinds, in the
    /// order of the sections' JSON fields.
    #[test]
    fn typescript_section_kinds_are_the_core_kinds() {
        use vmkcheck_core::transcript::SectionKind;
        let dts = include_str!("../js/index.d.ts");
        let kinds: Vec<&str> = SectionKind::PARSED
            .iter()
            .chain([&SectionKind::Unknown])
            .map(|k| k.as_str())
            .collect();
        assert_eq!(union(dts, "SectionKind"), kinds);
        // Each parsed kind has its field on `Section`, in JSON order.
        let section = &dts[dts.find("export interface Section {").unwrap()..];
        let section = &section[..section.find("\n}").unwrap()];
        let mut at = 0;
        for k in SectionKind::PARSED.iter().map(|k| k.as_str()) {
            let field = format!("\n  {k}: ");
            let i = section[at..]
                .find(&field)
                .unwrap_or_else(|| panic!("Section lacks field {k} (or it is out of order)"));
            at += i + field.len();
        }
    }

    /// The TypeScript `DiagnosticKind` union is exactly the core's diagnostic kinds.
    #[test]
    fn typescript_diagnostic_kinds_are_the_core_kinds() {
        let dts = include_str!("../js/index.d.ts");
        let kinds: Vec<&str> = vmkcheck_core::DiagnosticKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(union(dts, "DiagnosticKind"), kinds);
    }

    /// The TypeScript `RuleId` union is exactly the rule catalogue.
    #[test]
    fn typescript_rule_ids_are_the_catalogue() {
        let dts = include_str!("../js/index.d.ts");
        let declared = union(dts, "RuleId");
        let ids: Vec<&str> = vmkcheck_core::rules::Rule::ALL
            .iter()
            .map(|r| r.id())
            .collect();
        assert_eq!(declared, ids);
    }
}
