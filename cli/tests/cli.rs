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

#[test]
fn check_on_the_sample_is_ready_with_its_info_findings() {
    let out = vmkcheck(&["check", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["verdict"], "ready");
    let hosts: Vec<(&str, &str)> = v["hosts"]
        .as_array()
        .expect("hosts")
        .iter()
        .map(|h| {
            (
                h["name"].as_str().unwrap_or(""),
                h["vmotion_interfaces"][0].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(hosts, [("ibmesx01", "vmk3"), ("ibmesx02", "vmk1")]);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    for r in [
        "address-unparseable",
        "provisioning-stack-absent",
        "facts-not-provided",
    ] {
        assert!(rules.contains(&r), "{r} in {rules:?}");
    }
    assert!(
        !rules.iter().any(|r| r.starts_with("jumbo-path")),
        "jumbo verified both ways: {rules:?}"
    );
}

#[test]
fn check_exit_codes_follow_the_verdict() {
    let unverified = tmp_file("esx01.txt", b"vmkping -c 1 192.0.2.1\n");
    let out = vmkcheck(&["check", unverified.to_str().expect("p")], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let not_ready = tmp_file(
        "esx02.txt",
        b"esxcfg-vmknic -l\nInterface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack\nvmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     false   STATIC              vmotion\n",
    );
    let out = vmkcheck(&["check", not_ready.to_str().expect("p")], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("NOT READY"), "{text}");
    assert!(
        text.contains("vmotion-interface-disabled")
            && text.contains("fix: esxcli network ip interface set -e true -i vmk1"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "80 columns:\n{text}"
    );
}

#[test]
fn check_reports_bad_facts_with_position() {
    let facts = tmp_file(
        "facts.json",
        b"{\n  \"esx01\": {\"esxi_verison\": \"7.0\"}\n}\n",
    );
    let out = vmkcheck(&["check", "--facts", facts.to_str().expect("p")], None);
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2, column 13"), "{err}");
    let out = vmkcheck(&["check", "--facts", "/nonexistent/facts.json"], None);
    assert_eq!(out.status.code(), Some(66));
}

#[test]
fn rules_lists_the_whole_catalogue() {
    let out = vmkcheck(&["rules", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 39);
    assert!(ids.contains(&"jumbo-path-unverified") && ids.contains(&"link-capacity-low"));
    let text = vmkcheck(&["rules"], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("routed-vmotion"));
}

#[test]
fn human_output_shows_the_other_commands() {
    let text = b"[root@esx01:~] esxcfg-vswitch -l\n\
Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n\
vSwitch1         5632        5           128               1500    vmnic2\n\
\n\
  PortGroup Name        VLAN ID  Used Ports  Uplinks\n\
  vMotion               20       1           vmnic2\n\
[root@esx01:~] esxcli network ip interface tag get -i vmk1\n\
   Tags: VMotion\n\
[root@esx01:~] vmware -v\n\
VMware ESXi 8.0.2 build-22380479\n";
    let out = vmkcheck(&["parse", "-"], Some(text));
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).expect("utf-8");
    for want in [
        "-:1 [esx01] vswitch — esxcfg-vswitch -l",
        "  standard vSwitch1: MTU 1500, uplinks vmnic2",
        "    port group vMotion (VLAN 20)",
        "  vmk1: VMotion",
        "  VMware ESXi 8.0.2 build 22380479",
    ] {
        assert!(s.contains(want), "{want:?} not in:\n{s}");
    }
}
