//! Every rule: one input that triggers it and a near miss that must not.
//! Inputs are rendered in the real esxcfg-vmknic / vmkping shapes.

use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use super::*;
use crate::facts::Facts;
use crate::report::{Report, Verdict};

/// One vmk: (name, address, netmask, mtu, enabled, type, netstack).
type Vmk<'a> = (&'a str, &'a str, &'a str, u32, bool, &'a str, &'a str);

fn table(host: &str, vmks: &[Vmk<'_>]) -> String {
    let mut s = format!(
        "[root@{host}:~] esxcfg-vmknic -l\nInterface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack\n"
    );
    for (i, (vmk, addr, mask, mtu, en, ty, stack)) in vmks.iter().enumerate() {
        let v6 = addr.contains(':');
        let bc = if v6 || *addr == "N/A" {
            if v6 { String::new() } else { "N/A".into() }
        } else {
            broadcast(addr, mask)
        };
        s += &format!(
            "{vmk:<11}{:<40}{:<10}{addr:<40}{mask:<16}{bc:<16}00:50:56:6b:a1:{i:02x} {mtu:<8}65535     {en:<8}{ty:<20}{stack}\n",
            format!("pg-{vmk}"),
            if v6 { "IPv6" } else { "IPv4" },
        );
    }
    s
}

fn broadcast(addr: &str, mask: &str) -> String {
    match (
        crate::shape::parse_ipv4(addr),
        crate::shape::parse_ipv4(mask),
    ) {
        (Some(a), Some(m)) => std::net::Ipv4Addr::from(u32::from(a) | !u32::from(m)).to_string(),
        _ => "10.xxx.xxx.xxx".into(),
    }
}

/// Outcome of a rendered vmkping run.
#[derive(Clone, Copy)]
enum Got {
    Ok(f64),
    Lost,
    TooLong,
    Partial,
    Dup,
}

fn ping(host: &str, args: &str, target: &str, size: u32, got: Got) -> String {
    let mut s = format!(
        "[root@{host}:~] vmkping {args} {target}\nPING {target} ({target}): {size} data bytes\n"
    );
    let reply = |seq: u32, t: f64| {
        format!(
            "{} bytes from {target}: icmp_seq={seq} ttl=64 time={t:.3} ms\n",
            size + 8
        )
    };
    let (rx, extra) = match got {
        Got::Ok(t) => {
            for q in 0..3 {
                s += &reply(q, t);
            }
            (3, "")
        }
        Got::Lost => (0, ""),
        Got::TooLong => {
            for _ in 0..3 {
                s += "sendto() failed (Message too long)\n";
            }
            (0, "")
        }
        Got::Partial => {
            s += &reply(0, 0.3);
            s += &reply(2, 0.3);
            (2, "")
        }
        Got::Dup => {
            s += &reply(0, 0.3);
            s += &format!(
                "{} bytes from {target}: icmp_seq=0 ttl=64 time=0.400 ms (DUP!)\n",
                size + 8
            );
            s += &reply(1, 0.3);
            s += &reply(2, 0.3);
            (3, " +1 duplicates,")
        }
    };
    let loss = (3 - rx) * 100 / 3;
    s += &format!(
        "\n--- {target} ping statistics ---\n3 packets transmitted, {rx} packets received,{extra} {loss}% packet loss\n"
    );
    if let Got::Ok(t) = got {
        s += &format!("round-trip min/avg/max = {t:.3}/{t:.3}/{t:.3} ms\n");
    } else if rx > 0 {
        s += "round-trip min/avg/max = 0.300/0.300/0.300 ms\n";
    }
    s
}

#[derive(Debug, Clone, PartialEq)]
struct F {
    rule: &'static str,
    severity: &'static str,
    host: Option<String>,
    peer: Option<String>,
    interface: Option<String>,
    message: String,
    remediation: Option<String>,
}

fn check_all(sources: &[(&str, &str)], facts: Option<&str>) -> (Vec<F>, Verdict) {
    let srcs: Vec<Source<'_>> = sources
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let n = needs(&srcs);
    let mut hosts = std::vec![Host::EMPTY; n.hosts];
    let mut rows = std::vec![Row::EMPTY; n.rows];
    let mut index = std::vec![0usize; n.rows];
    let mut pings = std::vec![PingFact::EMPTY; n.pings];
    let mut sections = std::vec![HostSection::EMPTY; n.sections];
    let facts = facts.map(|t| Facts::parse(t).expect("valid facts"));
    let mut ws = Workspace {
        hosts: &mut hosts,
        rows: &mut rows,
        index: &mut index,
        pings: &mut pings,
        sections: &mut sections,
    };
    let mut found = Vec::new();
    let c = check(&srcs, facts.as_ref(), &mut ws, &mut |f| found.push(f))
        .expect("capacity from needs()");
    let report = Report::new(&hosts[..c.hosts], &rows[..c.rows], &mut found);
    let verdict = report.verdict();
    let out = report
        .findings
        .iter()
        .map(|f| F {
            rule: f.rule.id(),
            severity: f.severity.as_str(),
            host: f.host.map(|h| h.to_string()),
            peer: f.peer.map(|h| h.to_string()),
            interface: f.interface.map(String::from),
            message: f.message().to_string(),
            remediation: f.remediation().map(|r| r.to_string()),
        })
        .collect();
    (out, verdict)
}

fn fired<'f>(fs: &'f [F], rule: &str) -> Vec<&'f F> {
    fs.iter().filter(|f| f.rule == rule).collect()
}

const MGMT_A: Vmk<'static> = (
    "vmk0",
    "192.0.2.11",
    "255.255.255.0",
    1500,
    true,
    "STATIC",
    "defaultTcpipStack",
);
const MGMT_B: Vmk<'static> = (
    "vmk0",
    "192.0.2.12",
    "255.255.255.0",
    1500,
    true,
    "STATIC",
    "defaultTcpipStack",
);
const VM_A: Vmk<'static> = (
    "vmk1",
    "198.51.100.11",
    "255.255.255.0",
    9000,
    true,
    "STATIC",
    "vmotion",
);
const VM_B: Vmk<'static> = (
    "vmk1",
    "198.51.100.12",
    "255.255.255.0",
    9000,
    true,
    "STATIC",
    "vmotion",
);
const PROV_A: Vmk<'static> = (
    "vmk2",
    "203.0.113.11",
    "255.255.255.0",
    9000,
    true,
    "STATIC",
    "vSphereProvisioning",
);
const PROV_B: Vmk<'static> = (
    "vmk2",
    "203.0.113.12",
    "255.255.255.0",
    9000,
    true,
    "STATIC",
    "vSphereProvisioning",
);

/// A clean pair: jumbo verified both ways, provisioning stacks present.
fn clean_pair() -> (String, String) {
    let a = table("esx01", &[MGMT_A, VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.12",
            8972,
            Got::Ok(0.3),
        );
    let b = table("esx02", &[MGMT_B, VM_B, PROV_B])
        + &ping(
            "esx02",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.11",
            8972,
            Got::Ok(0.3),
        );
    (a, b)
}

const FACTS_OK: &str = r#"{"esx01": {"esxi_version": "8.0.2", "vcenter": "vc", "vcenter_version": "8.0.2", "license": "enterprise_plus", "cpu_vendor": "intel", "aes_ni": true, "pclmulqdq": true},
 "esx02": {"esxi_version": "8.0.2", "vcenter": "vc", "vcenter_version": "8.0.2", "license": "enterprise_plus", "cpu_vendor": "intel", "aes_ni": true, "pclmulqdq": true}}"#;

#[test]
fn clean_pair_with_facts_is_ready_without_findings() {
    let (a, b) = clean_pair();
    let (fs, v) = check_all(&[("a", &a), ("b", &b)], Some(FACTS_OK));
    assert_eq!(fs, []);
    assert_eq!(v, Verdict::Ready);
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    assert_eq!(
        fs.iter().map(|f| f.rule).collect::<Vec<_>>(),
        ["facts-not-provided"]
    );
}

#[test]
fn vmotion_not_configured_needs_tag_evidence() {
    let a = table("esx01", &[MGMT_A, PROV_A]);
    let facts = r#"{"esx01": {"tags": {"vmk0": ["Management"]}}}"#;
    let (fs, v) = check_all(&[("a", &a)], Some(facts));
    assert_eq!(fired(&fs, "vmotion-not-configured").len(), 1);
    assert_eq!(v, Verdict::NotReady);
    // Near miss: no tags at all → unknown, not an error.
    let (fs, v) = check_all(&[("a", &a)], None);
    assert!(fired(&fs, "vmotion-not-configured").is_empty());
    let u = fired(&fs, "vmotion-interface-unknown");
    assert_eq!(u.len(), 1);
    assert!(
        u[0].remediation
            .as_deref()
            .unwrap_or("")
            .contains("esxcli network ip interface tag get")
    );
    assert_eq!(v, Verdict::Unverified);
}

#[test]
fn tags_make_a_default_stack_vmotion_interface() {
    let a = table(
        "esx01",
        &[
            MGMT_A,
            (
                "vmk1",
                "198.51.100.11",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            ),
        ],
    );
    let b = table(
        "esx02",
        &[
            MGMT_B,
            (
                "vmk1",
                "198.51.100.12",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            ),
        ],
    );
    let facts = r#"{"esx01": {"tags": {"vmk1": ["VMotion"], "vmk0": ["Management", "VMotion"]}}, "esx02": {"tags": {"vmk1": ["VMotion"]}}}"#;
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], Some(facts));
    assert!(fired(&fs, "vmotion-interface-unknown").is_empty());
    let mgmt = fired(&fs, "vmotion-on-management");
    assert_eq!(mgmt.len(), 1);
    assert_eq!(mgmt[0].interface.as_deref(), Some("vmk0"));
    // The path is checked without ++netstack (default stack).
    let c = fired(&fs, "connectivity-unverified");
    assert!(
        c.iter().all(|f| !f
            .remediation
            .as_deref()
            .unwrap_or("")
            .contains("++netstack")),
        "{c:?}"
    );
}

#[test]
fn disabled_dhcp_and_no_address() {
    let a = table(
        "esx01",
        &[
            MGMT_A,
            (
                "vmk1",
                "198.51.100.11",
                "255.255.255.0",
                9000,
                false,
                "STATIC",
                "vmotion",
            ),
            ("vmk3", "N/A", "N/A", 9000, true, "NONE", "vmotion"),
            (
                "vmk4",
                "198.51.100.40",
                "255.255.255.0",
                9000,
                true,
                "DHCP",
                "vmotion",
            ),
            PROV_A,
        ],
    );
    let (fs, _) = check_all(&[("a", &a)], None);
    assert_eq!(
        fired(&fs, "vmotion-interface-disabled")
            .iter()
            .map(|f| f.interface.as_deref())
            .collect::<Vec<_>>(),
        [Some("vmk1")]
    );
    assert_eq!(
        fired(&fs, "vmotion-interface-no-address")
            .iter()
            .map(|f| f.interface.as_deref())
            .collect::<Vec<_>>(),
        [Some("vmk3")]
    );
    let dhcp = fired(&fs, "vmotion-interface-dhcp");
    assert_eq!(dhcp.len(), 1);
    assert!(
        dhcp[0]
            .remediation
            .as_deref()
            .unwrap_or("")
            .contains("-t static -I 198.51.100.40 -N 255.255.255.0")
    );
    // Near miss: the clean pair has none of them.
    let (a, b) = clean_pair();
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    for r in [
        "vmotion-interface-disabled",
        "vmotion-interface-no-address",
        "vmotion-interface-dhcp",
    ] {
        assert!(fired(&fs, r).is_empty(), "{r}");
    }
}

#[test]
fn default_stack_vmotion_ignored_when_vmotion_stack_exists() {
    let a = table("esx01", &[MGMT_A, VM_A, PROV_A]);
    let tagged = r#"{"esx01": {"tags": {"vmk0": ["Management", "VMotion"]}}}"#;
    let (fs, _) = check_all(&[("a", &a)], Some(tagged));
    let f = fired(&fs, "default-stack-vmotion-ignored");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].remediation.as_deref(),
        Some("esxcli network ip interface tag remove -i vmk0 -t VMotion")
    );
    // Near miss: the tag on the vmotion-stack vmk itself.
    let ok = r#"{"esx01": {"tags": {"vmk0": ["Management"], "vmk1": ["VMotion"]}}}"#;
    let (fs, _) = check_all(&[("a", &a)], Some(ok));
    assert!(fired(&fs, "default-stack-vmotion-ignored").is_empty());
    assert!(fired(&fs, "vmotion-on-management").is_empty());
}

#[test]
fn mtu_rules() {
    let a = table(
        "esx01",
        &[
            MGMT_A,
            (
                "vmk1",
                "198.51.100.11",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "vmotion",
            ),
            PROV_A,
        ],
    );
    let b = table("esx02", &[MGMT_B, VM_B, PROV_B]);
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let mm = fired(&fs, "mtu-mismatch");
    assert_eq!(mm.len(), 1, "once per pair");
    assert_eq!(
        (mm[0].host.as_deref(), mm[0].peer.as_deref()),
        (Some("esx01"), Some("esx02"))
    );
    assert_eq!(fired(&fs, "jumbo-frames-not-enabled").len(), 1);
    let c = table(
        "esx03",
        &[(
            "vmk1",
            "198.51.100.13",
            "255.255.255.0",
            9100,
            true,
            "STATIC",
            "vmotion",
        )],
    );
    let d = table(
        "esx04",
        &[(
            "vmk1",
            "198.51.100.14",
            "255.255.255.0",
            1200,
            true,
            "STATIC",
            "vmotion",
        )],
    );
    let (fs, _) = check_all(&[("c", &c), ("d", &d)], None);
    assert_eq!(fired(&fs, "mtu-out-of-range").len(), 2);
    assert_eq!(
        fired(&fs, "jumbo-frames-not-enabled").len(),
        1,
        "1200 is below 9000 too"
    );
    // Near miss: equal MTUs.
    let (a, b) = clean_pair();
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    assert!(
        fired(&fs, "mtu-mismatch").is_empty() && fired(&fs, "jumbo-frames-not-enabled").is_empty()
    );
}

#[test]
fn provisioning_stack_absent_only_with_netstack_column() {
    let a = table("esx01", &[MGMT_A, VM_A]);
    let (fs, _) = check_all(&[("a", &a)], None);
    assert_eq!(fired(&fs, "provisioning-stack-absent").len(), 1);
    let legacy = "Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type\nvmk0       Management Network  IPv4      192.0.2.21                              255.255.255.0   192.0.2.255     00:50:56:6a:a1:15 1500    65535     true    STATIC\n";
    let (fs, _) = check_all(&[("esx55", legacy)], None);
    assert!(fired(&fs, "provisioning-stack-absent").is_empty());
    assert_eq!(fired(&fs, "vmotion-interface-unknown").len(), 1);
}

#[test]
fn duplicate_address_across_hosts_not_link_local() {
    let a = table(
        "esx01",
        &[
            MGMT_A,
            VM_A,
            (
                "vmk3",
                "169.254.1.1",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            ),
        ],
    );
    let b = table(
        "esx02",
        &[
            MGMT_B,
            (
                "vmk1",
                "198.51.100.11",
                "255.255.255.0",
                9000,
                true,
                "STATIC",
                "vmotion",
            ),
            (
                "vmk3",
                "169.254.1.1",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            ),
        ],
    );
    let (fs, v) = check_all(&[("a", &a), ("b", &b)], None);
    let d = fired(&fs, "duplicate-address");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.contains("198.51.100.11"));
    assert_eq!(v, Verdict::NotReady);
}

#[test]
fn multihoming_same_subnet_not_both_vmotion() {
    let a = table(
        "esx01",
        &[
            MGMT_A,
            (
                "vmk3",
                "192.0.2.31",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            ),
            VM_A,
            (
                "vmk4",
                "198.51.100.41",
                "255.255.255.0",
                9000,
                true,
                "STATIC",
                "vmotion",
            ),
        ],
    );
    let (fs, _) = check_all(&[("a", &a)], None);
    let m = fired(&fs, "multihoming-same-subnet");
    assert_eq!(m.len(), 1, "multi-NIC vMotion (vmk1+vmk4) is fine: {m:?}");
    assert!(m[0].message.contains("vmk0") && m[0].message.contains("vmk3"));
}

#[test]
fn broadcast_and_unparseable_addresses() {
    let mut a = table("esx01", &[MGMT_A, VM_A]);
    a = a.replace("192.0.2.255    ", "192.0.2.127    ");
    a += "vmk5       redacted                                IPv4      10.xxx.xx.xxx                           255.255.255.0   10.xxx.xx.255   00:50:56:6b:a1:09 1500    65535     true    STATIC              defaultTcpipStack\n";
    let (fs, _) = check_all(&[("a", &a)], None);
    assert_eq!(fired(&fs, "broadcast-mismatch").len(), 1);
    let u = fired(&fs, "address-unparseable");
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].interface.as_deref(), Some("vmk5"));
    assert_eq!(u[0].remediation, None);
}

#[test]
fn address_family_mismatch() {
    let a = table("esx01", &[VM_A]);
    let b = table(
        "esx02",
        &[(
            "vmk1",
            "2001:db8::12",
            "64",
            9000,
            true,
            "STATIC",
            "vmotion",
        )],
    );
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    assert_eq!(fired(&fs, "address-family-mismatch").len(), 1);
    assert!(
        fired(&fs, "connectivity-unverified").is_empty(),
        "no common family: no path to verify"
    );
}

#[test]
fn ipv6_paths_use_48_bytes_of_headers() {
    let a = table(
        "esx01",
        &[
            (
                "vmk1",
                "2001:db8::11",
                "64",
                9000,
                true,
                "STATIC",
                "vmotion",
            ),
            PROV_A,
        ],
    );
    let b = table(
        "esx02",
        &[
            (
                "vmk1",
                "2001:db8::12",
                "64",
                9000,
                true,
                "STATIC",
                "vmotion",
            ),
            PROV_B,
        ],
    ) + &ping(
        "esx02",
        "-6 ++netstack=vmotion -I vmk1 -d -s 8952",
        "2001:db8::11",
        8952,
        Got::Ok(0.2),
    );
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let j = fired(&fs, "jumbo-path-unverified");
    assert_eq!(j.len(), 1, "only esx01 → esx02 is unverified: {j:?}");
    assert_eq!(
        j[0].remediation.as_deref(),
        Some("vmkping -6 ++netstack=vmotion -I vmk1 -d -s 8952 2001:db8::12")
    );
}

#[test]
fn routed_vmotion_info_or_unverified() {
    let a = table(
        "esx01",
        &[
            (
                "vmk1",
                "198.51.100.11",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "vmotion",
            ),
            PROV_A,
        ],
    ) + &ping(
        "esx01",
        "++netstack=vmotion -I vmk1",
        "198.51.101.12",
        56,
        Got::Ok(0.6),
    );
    let b = table(
        "esx02",
        &[
            (
                "vmk1",
                "198.51.101.12",
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "vmotion",
            ),
            PROV_B,
        ],
    );
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let r = fired(&fs, "routed-vmotion");
    let sev: Vec<_> = r.iter().map(|f| (f.host.as_deref(), f.severity)).collect();
    assert!(
        sev.contains(&(Some("esx01"), "info")) && sev.contains(&(Some("esx02"), "unverified")),
        "{sev:?}"
    );
    // Near miss: one subnet.
    let (a, b) = clean_pair();
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    assert!(fired(&fs, "routed-vmotion").is_empty());
}

#[test]
fn connectivity_failed_lossy_unverified() {
    let a = table("esx01", &[VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1",
            "198.51.100.12",
            56,
            Got::Lost,
        );
    let b = table("esx02", &[VM_B, PROV_B])
        + &ping(
            "esx02",
            "++netstack=vmotion -I vmk1",
            "198.51.100.11",
            56,
            Got::Partial,
        );
    let (fs, v) = check_all(&[("a", &a), ("b", &b)], None);
    let failed = fired(&fs, "connectivity-failed");
    assert_eq!(
        failed.iter().map(|f| f.host.as_deref()).collect::<Vec<_>>(),
        [Some("esx01")]
    );
    assert_eq!(
        fired(&fs, "connectivity-lossy")
            .iter()
            .map(|f| f.host.as_deref())
            .collect::<Vec<_>>(),
        [Some("esx02")]
    );
    assert!(fired(&fs, "connectivity-unverified").is_empty());
    assert_eq!(v, Verdict::NotReady);
    // Without any ping: unverified, with the exact command.
    let a = table("esx01", &[VM_A, PROV_A]);
    let b = table("esx02", &[VM_B, PROV_B]);
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let u = fired(&fs, "connectivity-unverified");
    assert_eq!(u.len(), 2);
    assert_eq!(
        u[0].remediation.as_deref(),
        Some("vmkping ++netstack=vmotion -I vmk1 198.51.100.12")
    );
}

#[test]
fn jumbo_path_failed_tells_local_from_path() {
    let a = table("esx01", &[VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1",
            "198.51.100.12",
            56,
            Got::Ok(0.2),
        )
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.12",
            8972,
            Got::TooLong,
        );
    let b = table("esx02", &[VM_B, PROV_B])
        + &ping(
            "esx02",
            "++netstack=vmotion -I vmk1",
            "198.51.100.11",
            56,
            Got::Ok(0.2),
        )
        + &ping(
            "esx02",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.11",
            8972,
            Got::Lost,
        );
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let j = fired(&fs, "jumbo-path-failed");
    assert_eq!(j.len(), 2);
    let local = j
        .iter()
        .find(|f| f.host.as_deref() == Some("esx01"))
        .expect("esx01");
    assert!(
        local.message.contains("Message too long"),
        "{}",
        local.message
    );
    let path = j
        .iter()
        .find(|f| f.host.as_deref() == Some("esx02"))
        .expect("esx02");
    assert!(path.message.contains("drops frames"), "{}", path.message);
    assert!(
        fired(&fs, "connectivity-failed").is_empty(),
        "small pings succeeded"
    );
    assert!(fired(&fs, "jumbo-path-unverified").is_empty());
}

#[test]
fn jumbo_unverified_until_a_full_size_df_ping() {
    let a = table("esx01", &[VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1 -d -s 1472",
            "198.51.100.12",
            1472,
            Got::Ok(0.2),
        );
    let b = table("esx02", &[VM_B, PROV_B]);
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let j = fired(&fs, "jumbo-path-unverified");
    assert_eq!(j.len(), 2);
    assert!(j.iter().any(|f| f.remediation.as_deref()
        == Some("vmkping ++netstack=vmotion -I vmk1 -d -s 8972 198.51.100.12")));
}

#[test]
fn ping_rules() {
    let a = table("esx01", &[MGMT_A, VM_A, PROV_A])
        + &ping("esx01", "-I vmk0", "198.51.100.12", 56, Got::Ok(0.2))
        + &ping(
            "esx01",
            "++netstack=vmotion -s 8972",
            "198.51.100.12",
            8972,
            Got::Ok(0.2),
        )
        + &ping(
            "esx01",
            "++netstack=vmotion -d -s 9000",
            "198.51.100.12",
            9000,
            Got::TooLong,
        )
        + &ping("esx01", "++netstack=vmotion", "203.0.113.99", 56, Got::Lost)
        + &ping(
            "esx01",
            "++netstack=vmotion -d -s 8972",
            "198.51.100.12",
            8972,
            Got::Dup,
        );
    let b = table("esx02", &[MGMT_B, VM_B, PROV_B]);
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
    let wrong = fired(&fs, "ping-wrong-netstack");
    assert_eq!(wrong.len(), 1);
    assert_eq!(
        wrong[0].remediation.as_deref(),
        Some("vmkping ++netstack=vmotion -I vmk1 198.51.100.12")
    );
    let nodf = fired(&fs, "ping-without-df");
    assert_eq!(nodf.len(), 1);
    assert_eq!(
        nodf[0].remediation.as_deref(),
        Some("vmkping ++netstack=vmotion -d -s 8972 198.51.100.12")
    );
    assert_eq!(fired(&fs, "ping-size-exceeds-mtu").len(), 1);
    assert!(
        fired(&fs, "jumbo-path-failed").is_empty(),
        "a too-large DF ping is no evidence"
    );
    assert_eq!(fired(&fs, "ping-target-unknown").len(), 1);
    assert_eq!(fired(&fs, "duplicate-replies").len(), 1);
}

#[test]
fn long_distance_and_rtt_too_high() {
    let a = table("esx01", &[VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.12",
            8972,
            Got::Ok(50.0),
        );
    let b = table("esx02", &[VM_B, PROV_B])
        + &ping(
            "esx02",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.11",
            8972,
            Got::Ok(200.0),
        );
    let facts = r#"{"esx01": {"license": "standard"}, "esx02": {"license": "enterprise_plus"}}"#;
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], Some(facts));
    let ld = fired(&fs, "long-distance-vmotion");
    assert_eq!(ld.len(), 1);
    assert!(ld[0].message.contains("6.25 MB"), "{}", ld[0].message);
    assert!(ld[0].message.contains("NetExpectedLineRateMBps") && ld[0].message.contains("sbMax"));
    assert_eq!(
        fired(&fs, "rtt-too-high")
            .iter()
            .map(|f| f.host.as_deref())
            .collect::<Vec<_>>(),
        [Some("esx02")]
    );
    let lic = fired(&fs, "license-insufficient");
    assert_eq!(
        lic.iter().map(|f| f.host.as_deref()).collect::<Vec<_>>(),
        [Some("esx01")]
    );
    // Near miss: 3.9 ms is not long distance.
    let a = table("esx01", &[VM_A, PROV_A])
        + &ping(
            "esx01",
            "++netstack=vmotion -I vmk1 -d -s 8972",
            "198.51.100.12",
            8972,
            Got::Ok(3.9),
        );
    let (fs, _) = check_all(&[("a", &a), ("b", &table("esx02", &[VM_B, PROV_B]))], None);
    assert!(fired(&fs, "long-distance-vmotion").is_empty());
}

#[test]
fn facts_rules() {
    let (a, b) = clean_pair();
    let facts = r#"{"esx01": {"esxi_version": "5.5", "vcenter": "vc-a", "vcenter_version": "6.7", "license": "standard", "cpu_vendor": "intel", "aes_ni": true, "pclmulqdq": true, "encrypted_vmotion": "required", "line_rate_mbps": 100},
                   "esx02": {"esxi_version": "7.0.3", "vcenter": "vc-b", "vcenter_version": "7.0", "license": "enterprise_plus", "cpu_vendor": "amd", "aes_ni": false, "pclmulqdq": false, "linked_mode": true}}"#;
    let (fs, v) = check_all(&[("a", &a), ("b", &b)], Some(facts));
    for rule in [
        "cpu-vendor-mismatch",
        "cpu-aes-pclmulqdq-mismatch",
        "cross-vcenter-version-mismatch",
        "license-insufficient",
        "cross-vcenter-without-elm",
        "encrypted-vmotion-unsupported",
        "link-capacity-low",
    ] {
        assert_eq!(fired(&fs, rule).len(), 1, "{rule}: {fs:?}");
    }
    // 5.5 with a vmotion netstack, and in a cross-vCenter pair.
    assert_eq!(fired(&fs, "esxi-version-unsupported").len(), 2);
    assert_eq!(v, Verdict::NotReady);
    assert!(fired(&fs, "facts-not-provided").is_empty());
    // Near miss: same vCenter, same vendor, both AES: none of them.
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], Some(FACTS_OK));
    assert!(fs.is_empty(), "{fs:?}");
    // A host the facts leave out.
    let (fs, _) = check_all(&[("a", &a), ("b", &b)], Some(r#"{"esx01": {}}"#));
    let f = fired(&fs, "facts-not-provided");
    assert_eq!(
        f.iter().map(|f| f.host.as_deref()).collect::<Vec<_>>(),
        [Some("esx02")]
    );
}

#[test]
fn report_order_is_severity_host_peer_rule() {
    let a = table("esx01", &[VM_A]);
    let b = table(
        "esx02",
        &[(
            "vmk1",
            "198.51.100.12",
            "255.255.255.0",
            1500,
            true,
            "STATIC",
            "vmotion",
        )],
    );
    let (fs, _) = check_all(&[("b", &b), ("a", &a)], None);
    let keys: Vec<_> = fs
        .iter()
        .map(|f| (sev_rank(f.severity), f.host.clone(), f.peer.clone(), f.rule))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

fn sev_rank(s: &str) -> u8 {
    match s {
        "error" => 0,
        "unverified" => 1,
        "warning" => 2,
        _ => 3,
    }
}

#[test]
fn host_names_fall_back_to_source_then_number() {
    let bare = "vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion\n";
    let (fs, _) = check_all(&[("esx-stem", bare), ("", bare)], None);
    let hosts: Vec<_> = fs.iter().filter_map(|f| f.host.clone()).collect();
    assert!(
        hosts.contains(&"esx-stem".to_string()) && hosts.contains(&"host2".to_string()),
        "{hosts:?}"
    );
}

#[test]
fn same_table_pasted_twice_is_one_host_not_duplicates() {
    let t = table("esx01", &[MGMT_A, VM_A, PROV_A]);
    let twice = t.clone() + "\nagain:\n" + &t;
    let (fs, _) = check_all(&[("a", &twice)], None);
    assert!(fired(&fs, "duplicate-address").is_empty(), "{fs:?}");
}

#[test]
fn a_paste_with_nothing_readable_is_unverified_not_ready() {
    let (fs, v) = check_all(&[("esx09", "hello\n")], None);
    let u = fired(&fs, "vmotion-interface-unknown");
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].host.as_deref(), Some("esx09"));
    assert_eq!(u[0].remediation.as_deref(), Some("esxcfg-vmknic -l"));
    assert_eq!(v, Verdict::Unverified);
}

#[test]
fn capacity_errors_are_explicit() {
    let (a, b) = clean_pair();
    let srcs = [
        Source {
            name: "a",
            text: &a,
        },
        Source {
            name: "b",
            text: &b,
        },
    ];
    let mut hosts = [Host::EMPTY; 1];
    let mut rows = [Row::EMPTY; 16];
    let mut index = [0usize; 16];
    let mut pings = [PingFact::EMPTY; 4];
    let mut sections = [HostSection::EMPTY; 4];
    let mut ws = Workspace {
        hosts: &mut hosts,
        rows: &mut rows,
        index: &mut index,
        pings: &mut pings,
        sections: &mut sections,
    };
    let err = check(&srcs, None, &mut ws, &mut |_| {}).expect_err("one host slot for two hosts");
    assert_eq!(err.kind, crate::ErrorKind::Capacity);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A random cluster: per host its vMotion MTU, and runs (from, to, kind).
    fn cluster() -> impl Strategy<Value = (Vec<u32>, Vec<(usize, usize, u8)>)> {
        (2usize..6).prop_flat_map(|h| {
            (
                proptest::collection::vec(prop_oneof![Just(1500u32), Just(9000u32)], h),
                proptest::collection::vec((0..h, 0..h, 0u8..6), 0..12),
            )
        })
    }

    fn render(mtus: &[u32], runs: &[(usize, usize, u8)]) -> Vec<(String, String)> {
        let addr = |h: usize| format!("198.51.100.{}", 11 + h);
        mtus.iter()
            .enumerate()
            .map(|(h, mtu)| {
                let name = format!("esx{h:02}");
                let mgmt = format!("192.0.2.{}", 11 + h);
                let prov = format!("203.0.113.{}", 11 + h);
                let vm = addr(h);
                let mut t = table(
                    &name,
                    &[
                        (
                            "vmk0",
                            &mgmt,
                            "255.255.255.0",
                            1500,
                            true,
                            "STATIC",
                            "defaultTcpipStack",
                        ),
                        (
                            "vmk1",
                            &vm,
                            "255.255.255.0",
                            *mtu,
                            true,
                            "STATIC",
                            "vmotion",
                        ),
                        (
                            "vmk2",
                            &prov,
                            "255.255.255.0",
                            1500,
                            true,
                            "STATIC",
                            "vSphereProvisioning",
                        ),
                    ],
                );
                for &(_, to, kind) in runs.iter().filter(|r| r.0 == h) {
                    let target = addr(to);
                    t += &match kind {
                        0 => ping(
                            &name,
                            "++netstack=vmotion -I vmk1",
                            &target,
                            56,
                            Got::Ok(0.3),
                        ),
                        1 => ping(
                            &name,
                            "++netstack=vmotion -I vmk1 -d -s 8972",
                            &target,
                            8972,
                            Got::Ok(0.4),
                        ),
                        2 => ping(&name, "++netstack=vmotion -I vmk1", &target, 56, Got::Lost),
                        3 => ping(
                            &name,
                            "++netstack=vmotion -I vmk1 -d -s 8972",
                            &target,
                            8972,
                            Got::TooLong,
                        ),
                        4 => ping(&name, "-I vmk0", &target, 56, Got::Partial),
                        _ => ping(
                            &name,
                            "++netstack=vmotion -I vmk1 -d -s 1472",
                            &target,
                            1472,
                            Got::Dup,
                        ),
                    };
                }
                (name, t)
            })
            .collect()
    }

    fn run(hosts: &[(String, String)]) -> (Vec<F>, Verdict) {
        let refs: Vec<(&str, &str)> = hosts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        check_all(&refs, None)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// The verdict is a pure function of the findings' severities.
        #[test]
        fn verdict_is_a_function_of_the_findings((mtus, runs) in cluster()) {
            let (fs, verdict) = run(&render(&mtus, &runs));
            let sev = |s: &str| match s {
                "error" => Severity::Error,
                "unverified" => Severity::Unverified,
                "warning" => Severity::Warning,
                _ => Severity::Info,
            };
            prop_assert_eq!(verdict, Verdict::of(fs.iter().map(|f| sev(f.severity))));
        }

        /// Same input, same report; and the hosts' order does not matter.
        #[test]
        fn deterministic_and_independent_of_host_order((mtus, runs) in cluster(), rot in 0usize..6) {
            let hosts = render(&mtus, &runs);
            let (a, va) = run(&hosts);
            let (b, vb) = run(&hosts);
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(va, vb);
            let mut rotated = hosts.clone();
            rotated.rotate_left(rot % hosts.len());
            rotated.reverse();
            let (c, vc) = run(&rotated);
            prop_assert_eq!(&a, &c);
            prop_assert_eq!(va, vc);
        }

        /// A successful vmkping on a vMotion path never adds an error.
        #[test]
        fn a_successful_ping_never_adds_an_error((mtus, runs) in cluster(), from in 0usize..6, to in 0usize..6, jumbo in any::<bool>()) {
            let before = render(&mtus, &runs);
            let (from, to) = (from % mtus.len(), to % mtus.len());
            prop_assume!(from != to);
            let mut after = before.clone();
            let target = format!("198.51.100.{}", 11 + to);
            let payload = mtus[from].min(mtus[to]) - 28;
            let extra = if jumbo {
                ping(&after[from].0, &format!("++netstack=vmotion -I vmk1 -d -s {payload}"), &target, payload, Got::Ok(0.5))
            } else {
                ping(&after[from].0, "++netstack=vmotion -I vmk1", &target, 56, Got::Ok(0.5))
            };
            after[from].1 += &extra;
            let errors = |fs: &[F]| fs.iter().filter(|f| f.severity == "error").map(|f| (f.rule, f.host.clone(), f.peer.clone(), f.interface.clone())).collect::<Vec<_>>();
            let (b, _) = run(&before);
            let (a, _) = run(&after);
            let (eb, ea) = (errors(&b), errors(&a));
            for e in &ea {
                prop_assert!(eb.contains(e), "new error {:?}", e);
            }
        }
    }
}

/// The other commands' output (tags, routes, vSwitches, NICs, versions, diag ping).
#[cfg(feature = "esxi-commands")]
mod other_commands {
    use super::*;

    fn vswitch(host: &str, mtu: u32, uplink: &str) -> String {
        format!(
            "[root@{host}:~] esxcfg-vswitch -l\n\
Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n\
vSwitch0         5632        5           128               1500    vmnic0\n\
\n\
  PortGroup Name        VLAN ID  Used Ports  Uplinks\n\
  pg-vmk0               0        1           vmnic0\n\
\n\
Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n\
vSwitch1         5632        5           128               {mtu:<8}{uplink}\n\
\n\
  PortGroup Name        VLAN ID  Used Ports  Uplinks\n\
  pg-vmk1               20       1           {uplink}\n\
  pg-vmk2               30       1           {uplink}\n"
        )
    }

    fn nics(host: &str, speed: &str, duplex: &str, link: &str) -> String {
        format!(
            "[root@{host}:~] esxcli network nic list\n\
Name    PCI Device    Driver  Admin Status  Link Status  Speed  Duplex  MAC Address         MTU  Description\n\
------  ------------  ------  ------------  -----------  -----  ------  -----------------  ----  -----------\n\
vmnic0  0000:01:00.0  ntg3    Up            Up            1000  Full    00:50:56:aa:00:00  1500  Broadcom NetXtreme\n\
vmnic2  0000:3b:00.0  ixgben  Up            {link:<13}{speed:>5}  {duplex:<6}  00:50:56:aa:00:02  9000  Intel X710\n"
        )
    }

    #[test]
    fn vswitch_mtu_too_small_when_the_vmk_mtu_exceeds_its_switch() {
        let (a, b) = clean_pair();
        let a_small = a.clone() + &vswitch("esx01", 1500, "vmnic2");
        let (fs, v) = check_all(&[("a", &a_small), ("b", &b)], None);
        let r = fired(&fs, "vswitch-mtu-too-small");
        assert_eq!(r.len(), 1, "{fs:?}");
        assert_eq!(
            (r[0].host.as_deref(), r[0].interface.as_deref()),
            (Some("esx01"), Some("vmk1"))
        );
        assert!(
            r[0].message.contains("vSwitch1 has MTU 1500"),
            "{}",
            r[0].message
        );
        assert!(
            r[0].remediation.as_deref().is_some_and(
                |x| x.contains("esxcli network vswitch standard set -m 9000 -v vSwitch1")
            ),
            "{:?}",
            r[0].remediation
        );
        assert_eq!(v, Verdict::NotReady);
        // Near miss: the switch carries 9000.
        let a_ok = a + &vswitch("esx01", 9000, "vmnic2");
        let (fs, _) = check_all(&[("a", &a_ok), ("b", &b)], None);
        assert!(fired(&fs, "vswitch-mtu-too-small").is_empty(), "{fs:?}");
    }

    #[test]
    fn link_capacity_low_from_the_uplinks_of_the_vmotion_switch() {
        let (a, b) = clean_pair();
        let slow =
            a.clone() + &vswitch("esx01", 9000, "vmnic2") + &nics("esx01", "100", "Full", "Up");
        let (fs, _) = check_all(&[("a", &slow), ("b", &b)], None);
        let r = fired(&fs, "link-capacity-low");
        assert_eq!(r.len(), 1, "{fs:?}");
        assert!(
            r[0].message
                .starts_with("vmnic2, an uplink of vSwitch1 under vmk1, is up at 100 Mbps:"),
            "{}",
            r[0].message
        );
        let half =
            a.clone() + &vswitch("esx01", 9000, "vmnic2") + &nics("esx01", "1000", "Half", "Up");
        let (fs, _) = check_all(&[("a", &half), ("b", &b)], None);
        assert!(
            fired(&fs, "link-capacity-low")[0]
                .message
                .contains("1000 Mbps half duplex")
        );
        // Near misses: fast, or down (a down link carries nothing).
        for (speed, duplex, link) in [("10000", "Full", "Up"), ("0", "Half", "Down")] {
            let t =
                a.clone() + &vswitch("esx01", 9000, "vmnic2") + &nics("esx01", speed, duplex, link);
            let (fs, _) = check_all(&[("a", &t), ("b", &b)], None);
            assert!(
                fired(&fs, "link-capacity-low").is_empty(),
                "{speed} {link}: {fs:?}"
            );
        }
        // The NIC list rates the uplinks: the facts' line rate is then not used.
        let facts = r#"{"esx01": {"line_rate_mbps": 100}}"#;
        let fast = a + &vswitch("esx01", 9000, "vmnic2") + &nics("esx01", "10000", "Full", "Up");
        let (fs, _) = check_all(&[("a", &fast), ("b", &b)], Some(facts));
        assert!(fired(&fs, "link-capacity-low").is_empty(), "{fs:?}");
    }

    #[test]
    fn pasted_tags_decide_the_vmotion_interfaces() {
        let on_default = |v: Vmk<'static>| (v.0, v.1, v.2, v.3, v.4, v.5, "defaultTcpipStack");
        let a = table("esx01", &[MGMT_A, on_default(VM_A)]);
        let (fs, _) = check_all(&[("a", &a)], None);
        assert_eq!(fired(&fs, "vmotion-interface-unknown").len(), 1);
        let tagged = a.clone()
            + "[root@esx01:~] esxcli network ip interface tag get -i vmk1\n   Tags: VMotion\n"
            + "[root@esx01:~] esxcli network ip interface tag get -i vmk0\n   Tags: Management\n";
        let (fs, _) = check_all(&[("a", &tagged)], None);
        assert!(fired(&fs, "vmotion-interface-unknown").is_empty(), "{fs:?}");
        assert!(fired(&fs, "vmotion-not-configured").is_empty(), "{fs:?}");
        // vMotion tagged on the management vmk too.
        let shared = a.clone()
            + "[root@esx01:~] esxcli network ip interface tag get -i vmk0\n   Tags: Management, VMotion\n";
        let (fs, _) = check_all(&[("a", &shared)], None);
        assert_eq!(fired(&fs, "vmotion-on-management").len(), 1, "{fs:?}");
        // Tags without their command line name no vmk: still unknown.
        let unnamed = a + "   Tags: VMotion\n";
        let (fs, _) = check_all(&[("a", &unnamed)], None);
        assert_eq!(fired(&fs, "vmotion-interface-unknown").len(), 1, "{fs:?}");
    }

    #[test]
    fn ping_to_a_host_with_unknown_vmotion_interfaces_says_so() {
        let on_default = |v: Vmk<'static>| (v.0, v.1, v.2, v.3, v.4, v.5, "defaultTcpipStack");
        let a = table("esx01", &[MGMT_A, on_default(VM_A)])
            + &ping("esx01", "-I vmk1", "198.51.100.12", 56, Got::Ok(0.3));
        let b = table("esx02", &[MGMT_B, on_default(VM_B)]);
        let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
        let r = fired(&fs, "ping-target-unknown");
        assert_eq!(r.len(), 1, "{fs:?}");
        assert!(
            r[0].message
                .contains("vmk1 of esx02, whose vMotion interfaces are unknown"),
            "{}",
            r[0].message
        );
        assert!(
            r[0].remediation
                .as_deref()
                .is_some_and(|x| x.contains("tag get -i vmk1"))
        );
        // With esx02's tags pasted the target is a vMotion address: no finding.
        let b_tagged =
            b + "[root@esx02:~] esxcli network ip interface tag get -i vmk1\n   Tags: VMotion\n";
        let a_tagged =
            a + "[root@esx01:~] esxcli network ip interface tag get -i vmk1\n   Tags: VMotion\n";
        let (fs, _) = check_all(&[("a", &a_tagged), ("b", &b_tagged)], None);
        assert!(fired(&fs, "ping-target-unknown").is_empty(), "{fs:?}");
    }

    #[test]
    fn default_stack_vmk_tagged_vmotion_is_ignored_beside_the_vmotion_stack() {
        let (a, b) = clean_pair();
        let t = a
            + "[root@esx01:~] esxcli network ip interface tag get -i vmk0\n   Tags: Management, VMotion\n";
        let (fs, _) = check_all(&[("a", &t), ("b", &b)], None);
        assert_eq!(
            fired(&fs, "default-stack-vmotion-ignored").len(),
            1,
            "{fs:?}"
        );
    }

    #[test]
    fn vmotion_stack_routes_decide_routed_vmotion() {
        let vm = |addr: &'static str| {
            (
                "vmk1",
                addr,
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "vmotion",
            )
        };
        let routes = |host: &str, gw: &str| {
            format!(
                "[root@{host}:~] esxcli network ip route ipv4 list -N vmotion\n\
Network        Netmask        Gateway        Interface  Source\n\
-------------  -------------  -------------  ---------  ------\n\
default        0.0.0.0        {gw:<15}vmk1       MANUAL\n"
            )
        };
        let a = table("esx01", &[MGMT_A, vm("198.51.100.11"), PROV_A]);
        let b = table("esx02", &[MGMT_B, vm("198.51.101.12"), PROV_B]);
        let sev = |fs: &[F]| {
            let mut v: Vec<_> = fired(fs, "routed-vmotion")
                .iter()
                .map(|f| f.severity)
                .collect();
            v.dedup();
            v
        };
        let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
        assert_eq!(sev(&fs), ["unverified"]);
        let a_gw = a.clone() + &routes("esx01", "198.51.100.1");
        let b_gw = b.clone() + &routes("esx02", "198.51.101.1");
        let (fs, _) = check_all(&[("a", &a_gw), ("b", &b_gw)], None);
        assert_eq!(sev(&fs), ["info"], "{fs:?}");
        assert!(
            fired(&fs, "routed-vmotion")[0]
                .message
                .contains("both hosts have one (a route or the vmk's own gateway)")
        );
        // A's list has only its connected network: no way to B.
        let a_none = a + "[root@esx01:~] esxcli network ip route ipv4 list -N vmotion\n\
Network        Netmask        Gateway        Interface  Source\n\
-------------  -------------  -------------  ---------  ------\n\
198.51.100.0   255.255.255.0  0.0.0.0        vmk1       MANUAL\n";
        let (fs, _) = check_all(&[("a", &a_none), ("b", &b_gw)], None);
        let r = fired(&fs, "routed-vmotion");
        assert!(r.iter().all(|f| f.severity == "unverified"), "{fs:?}");
        assert!(
            r.iter().any(|f| f
                .message
                .contains("this host's route list for the vmk's netstack has none")),
            "{fs:?}"
        );
        // The default stack's routes do not count.
        let a_default = table("esx01", &[MGMT_A, vm("198.51.100.11"), PROV_A])
            + &routes("esx01", "198.51.100.1").replace(" -N vmotion", "");
        let (fs, _) = check_all(&[("a", &a_default), ("b", &b_gw)], None);
        assert_eq!(sev(&fs), ["unverified"]);
    }

    #[test]
    fn a_tagged_default_stack_vmk_is_routed_by_its_own_gateway_or_the_default_stack() {
        let vm = |addr: &'static str| {
            (
                "vmk1",
                addr,
                "255.255.255.0",
                1500,
                true,
                "STATIC",
                "defaultTcpipStack",
            )
        };
        let tag = |host: &str| {
            format!(
                "[root@{host}:~] esxcli network ip interface tag get -i vmk1\n   Tags: VMotion\n"
            )
        };
        let ipv4 = |host: &str, addr: &str, gw: &str| {
            format!(
                "[root@{host}:~] esxcli network ip interface ipv4 get -i vmk1\n\
Name  IPv4 Address   IPv4 Netmask   IPv4 Broadcast   Address Type  Gateway        DHCP DNS\n\
----  -------------  -------------  ---------------  ------------  -------------  --------\n\
vmk1  {addr:<15}255.255.255.0  198.51.100.255   STATIC        {gw:<15}false\n"
            )
        };
        let a = table("esx01", &[MGMT_A, vm("198.51.100.11")]) + &tag("esx01");
        let b = table("esx02", &[MGMT_B, vm("198.51.101.12")]) + &tag("esx02");
        let sev = |fs: &[F]| {
            let mut v: Vec<_> = fired(fs, "routed-vmotion")
                .iter()
                .map(|f| f.severity)
                .collect();
            v.dedup();
            v
        };
        let (fs, _) = check_all(&[("a", &a), ("b", &b)], None);
        assert_eq!(sev(&fs), ["unverified"], "{fs:?}");
        // ESXi 6.5+ per-vmk gateway override on both.
        let a_gw = a.clone() + &ipv4("esx01", "198.51.100.11", "198.51.100.1");
        let b_gw = b.clone() + &ipv4("esx02", "198.51.101.12", "198.51.101.1");
        let (fs, _) = check_all(&[("a", &a_gw), ("b", &b_gw)], None);
        assert_eq!(sev(&fs), ["info"], "{fs:?}");
        // No override (0.0.0.0): the default stack's route list decides.
        let a_none = a
            + &ipv4("esx01", "198.51.100.11", "0.0.0.0")
            + "[root@esx01:~] esxcli network ip route ipv4 list\n\
Network        Netmask        Gateway        Interface  Source\n\
-------------  -------------  -------------  ---------  ------\n\
default        0.0.0.0        192.0.2.1      vmk0       MANUAL\n";
        let (fs, _) = check_all(&[("a", &a_none), ("b", &b_gw)], None);
        assert_eq!(sev(&fs), ["info"], "{fs:?}");
    }

    #[test]
    fn pasted_version_feeds_the_version_rules_without_facts() {
        let (a, b) = clean_pair();
        let old = a.clone()
            + "[root@esx01:~] vmware -vl\nVMware ESXi 5.5.0 build-1331820\nVMware ESXi 5.5.0 GA\n";
        let (fs, _) = check_all(&[("a", &old), ("b", &b)], None);
        let r = fired(&fs, "esxi-version-unsupported");
        assert_eq!(r.len(), 1, "{fs:?}");
        assert!(
            r[0].message
                .contains("runs ESXi 5.5 by its pasted version output"),
            "{}",
            r[0].message
        );
        assert!(
            fired(&fs, "facts-not-provided")[0]
                .message
                .contains("ESXi versions were read from the paste")
        );
        // Near miss: a current version.
        let new = a + "[root@esx01:~] vmware -v\nVMware ESXi 8.0.2 build-22380479\n";
        let (fs, _) = check_all(&[("a", &new), ("b", &b)], None);
        assert!(fired(&fs, "esxi-version-unsupported").is_empty(), "{fs:?}");
    }

    #[test]
    fn diag_ping_is_path_evidence_like_vmkping() {
        let diag = |host: &str, target: &str| {
            format!(
                "[root@{host}:~] esxcli network diag ping -H {target} -I vmk1 --netstack=vmotion -d -s 8972 -c 1\n\
   Trace:\n         Received Bytes: 8980\n         Host: {target}\n         ICMP Seq: 0\n         TTL: 64\n         Round-trip Time: 312 us\n         Dup: false\n         Detail:\n\
   Summary:\n         Host Addr: {target}\n         Transmitted: 1\n         Recieved: 1\n         Duplicated: 0\n         Packet Lost: 0\n         Round-trip Min: 312 us\n         Round-trip Avg: 312 us\n         Round-trip Max: 312 us\n"
            )
        };
        let a = table("esx01", &[MGMT_A, VM_A, PROV_A]) + &diag("esx01", "198.51.100.12");
        let b = table("esx02", &[MGMT_B, VM_B, PROV_B]) + &diag("esx02", "198.51.100.11");
        let (fs, v) = check_all(&[("a", &a), ("b", &b)], Some(FACTS_OK));
        assert_eq!(fs, []);
        assert_eq!(v, Verdict::Ready);
        let lost = b
            .replace("Recieved: 1", "Recieved: 0")
            .replace("Received Bytes: 8980", "Detail: timeout");
        let (fs, _) = check_all(&[("a", &a), ("b", &lost)], Some(FACTS_OK));
        assert_eq!(fired(&fs, "jumbo-path-failed").len(), 1, "{fs:?}");
    }
}
