//! The shared corpus (tests/corpus/<case>/), byte for byte, through the library and the
//! CLI:
//! - every `input.txt` parses to its reviewed `parse.json`;
//! - every check case (a folder named `s…`) gives its reviewed `report.json` from all its
//!   `*.txt` files (hosts named by file stem, as the CLI names them) and `facts.json`.
//!
//! `VMKCHECK_BLESS=1 cargo test -p vmkcheck-cli --test corpus` writes missing or changed
//! expectations instead of failing; review every changed file before committing it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// A check case: its host transcripts (sorted) and facts.
struct CheckCase {
    dir: PathBuf,
    hosts: Vec<(String, String, PathBuf)>,
    facts: Option<String>,
}

fn check_cases() -> Vec<CheckCase> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('s'))
        })
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let mut hosts: Vec<(String, String, PathBuf)> = fs::read_dir(&dir)
                .expect("case dir")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| {
                    let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
                    (stem, fs::read_to_string(&p).expect("UTF-8 host file"), p)
                })
                .collect();
            hosts.sort();
            let facts = fs::read_to_string(dir.join("facts.json")).ok();
            CheckCase { dir, hosts, facts }
        })
        .collect()
}

fn cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    v.sort();
    v
}

/// The canonical JSON: pretty, two-space indent, one trailing newline.
fn canonical(t: &vmkcheck_core::transcript::Transcript<'_>) -> String {
    let mut s = serde_json::to_string_pretty(t).expect("serializes");
    s.push('\n');
    s
}

fn bless() -> bool {
    std::env::var_os("VMKCHECK_BLESS").is_some()
}

#[test]
fn corpus_has_enough_cases() {
    let n = cases().len();
    assert!(n >= 30, "only {n} corpus cases");
}

#[test]
fn every_case_parses_to_its_expected_json() {
    let mut failures = Vec::new();
    for case in cases() {
        let input = fs::read_to_string(case.join("input.txt")).expect("input is UTF-8");
        let got = canonical(&vmkcheck_core::transcript::parse(&input));
        let expected_path = case.join("parse.json");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == got => {}
            _ if bless() => fs::write(&expected_path, &got).expect("write expectation"),
            Ok(_) => failures.push(format!("{}: JSON differs", case.display())),
            Err(_) => failures.push(format!("{}: parse.json missing", case.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cli_prints_the_same_json() {
    for case in cases() {
        let expected = fs::read_to_string(case.join("parse.json")).expect("parse.json present");
        let out = Command::new(env!("CARGO_BIN_EXE_vmkcheck"))
            .args(["parse", "--json"])
            .arg(case.join("input.txt"))
            .output()
            .expect("vmkcheck runs");
        assert_eq!(out.status.code(), Some(0), "{}", case.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{}",
            case.display()
        );
    }
}

#[test]
fn every_reported_line_lies_inside_the_input() {
    for case in cases() {
        let input = fs::read_to_string(case.join("input.txt")).expect("input is UTF-8");
        let lines = u64::try_from(input.lines().count()).expect("fits");
        let json: serde_json::Value =
            serde_json::from_str(&canonical(&vmkcheck_core::transcript::parse(&input)))
                .expect("valid JSON");
        let mut stack = vec![&json];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(l) = m.get("line").and_then(serde_json::Value::as_u64) {
                        assert!(
                            (1..=lines).contains(&l),
                            "{}: line {l} outside 1..={lines}",
                            case.display()
                        );
                    }
                    stack.extend(m.values());
                }
                serde_json::Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
}

#[test]
fn corpus_has_enough_check_cases() {
    let n = check_cases().len();
    assert!(n >= 25, "only {n} check cases");
}

#[test]
fn every_check_case_gives_its_expected_report() {
    let mut failures = Vec::new();
    for case in check_cases() {
        let sources: Vec<(&str, &str)> = case
            .hosts
            .iter()
            .map(|(n, t, _)| (n.as_str(), t.as_str()))
            .collect();
        let got = vmkcheck_json::check_json(&sources, case.facts.as_deref()).expect("facts parse");
        let expected_path = case.dir.join("report.json");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == got => {}
            _ if bless() => fs::write(&expected_path, &got).expect("write expectation"),
            Ok(_) => failures.push(format!("{}: report differs", case.dir.display())),
            Err(_) => failures.push(format!("{}: report.json missing", case.dir.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cli_check_prints_the_same_report_and_exit_code() {
    for case in check_cases() {
        let Ok(expected) = fs::read_to_string(case.dir.join("report.json")) else {
            continue;
        };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vmkcheck"));
        cmd.args(["check", "--json"]);
        if case.facts.is_some() {
            cmd.arg("--facts").arg(case.dir.join("facts.json"));
        }
        cmd.args(case.hosts.iter().map(|(_, _, p)| p));
        let out = cmd.output().expect("vmkcheck runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{}",
            case.dir.display()
        );
        let v: serde_json::Value = serde_json::from_str(&expected).expect("JSON");
        let code = match v["verdict"].as_str() {
            Some("not_ready") => 1,
            Some("unverified") => 2,
            _ => 0,
        };
        assert_eq!(out.status.code(), Some(code), "{}", case.dir.display());
    }
}
