//! The `vmkcheck` binary: exit codes, stdin, the built-in sample.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn vmkcheck(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vmkcheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vmkcheck starts");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or_default())
        .expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("vmkcheck ends")
}

fn tmp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vmkcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write tmp");
    p
}

#[test]
fn usage_errors_exit_64() {
    assert_eq!(vmkcheck(&[], None).status.code(), Some(64));
    assert_eq!(vmkcheck(&["frobnicate"], None).status.code(), Some(64));
    let out = vmkcheck(&["parse", "--bogus"], None);
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option --bogus"));
}

#[test]
fn missing_file_exits_66() {
    let out = vmkcheck(&["parse", "/nonexistent/vmkcheck/x.txt"], None);
    assert_eq!(out.status.code(), Some(66));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn binary_input_exits_65_with_position() {
    let p = tmp_file("nul.txt", b"vmk0 ok\nab\0c\n");
    let out = vmkcheck(&["parse", p.to_str().expect("utf8 path")], None);
    assert_eq!(out.status.code(), Some(65));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 2, column 3"),
        "{out:?}"
    );
    let out = vmkcheck(&["parse", "-"], Some(b"ok\n\xff\xfe"));
    assert_eq!(out.status.code(), Some(65));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"),
        "{out:?}"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let out = vmkcheck(
        &["parse", "--json", "-"],
        Some(b"vmkping -c 1 192.0.2.1\nsendto() failed (Host is down)\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema"], "vmkcheck.transcript.v1");
    assert_eq!(
        v["sections"][0]["vmkping"]["responses"][0]["error"],
        "Host is down"
    );
}

#[test]
fn no_file_parses_the_built_in_sample() {
    let out = vmkcheck(&["parse", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let sections = v["sections"].as_array().expect("sections");
    assert_eq!(sections.iter().filter(|s| s["kind"] == "vmknic").count(), 2);
    assert_eq!(
        sections.iter().filter(|s| s["kind"] == "vmkping").count(),
        4
    );
}

#[test]
fn human_output_names_file_line_and_values() {
    let out = vmkcheck(&["parse"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(built-in sample):2 [ibmesx01] vmknic"),
        "{text}"
    );
    assert!(text.contains("vmk3") && text.contains("vmotion"), "{text}");
    assert!(text.contains("address_unparseable"), "{text}");
}

#[test]
fn several_files_give_one_json_document_each() {
    let a = tmp_file("a.txt", b"PING 192.0.2.1 (192.0.2.1): 56 data bytes\n");
    let b = tmp_file("b.txt", b"nothing here\n");
    let out = vmkcheck(
        &[
            "parse",
            "--json",
            a.to_str().expect("p"),
            b.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let docs: Vec<serde_json::Value> = serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a stream of JSON documents");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["sections"].as_array().map(Vec::len), Some(0));
}
