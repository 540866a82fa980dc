//! Rules that need facts no pasted text carries: CPU, versions, licences, vCenter.

use core::fmt;

use super::catalog::Rule;
use super::engine::Model;
use super::finding::{Finding, HostName, Part};
use crate::facts::{EncryptedVmotion, HostFacts, License, Version};

const V6_0: Version = Version { major: 6, minor: 0 };
const V6_5: Version = Version { major: 6, minor: 5 };

fn facts<'a>(m: &Model<'_, 'a>, h: usize) -> Option<HostFacts<'a>> {
    m.host(h).and_then(|x| x.facts)
}

fn version_number(v: Version) -> u64 {
    u64::from(v.major)
        .saturating_mul(100)
        .saturating_add(u64::from(v.minor))
}

/// Host-level facts rules: `facts-not-provided`, and what one host's facts show.
pub(crate) fn check_hosts<'a>(m: &Model<'_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    facts_not_provided(m, sink);
    for h in 0..m.hosts.len() {
        esxi_version_unsupported_netstack(m, h, sink);
        link_capacity_low(m, h, sink);
    }
}

/// Pair facts rules for hosts `a` and `b`.
pub(crate) fn check_pair<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    b: usize,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let (Some(fa), Some(fb)) = (facts(m, a), facts(m, b)) else {
        return;
    };
    let p = Pair { m, a, b, fa, fb };
    cpu_vendor_mismatch(&p, sink);
    cpu_aes_pclmulqdq_mismatch(&p, sink);
    encrypted_vmotion_unsupported(&p, sink);
    let cross = match (fa.vcenter, fb.vcenter) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    };
    if cross {
        esxi_version_unsupported_cross(&p, sink);
        cross_vcenter_version_mismatch(&p, sink);
        license_insufficient_cross(&p, sink);
        cross_vcenter_without_elm(&p, sink);
    }
}

/// Two hosts that both have facts: what every pair rule reads.
#[derive(Clone, Copy)]
struct Pair<'x, 'm, 'a> {
    m: &'x Model<'m, 'a>,
    a: usize,
    b: usize,
    fa: HostFacts<'a>,
    fb: HostFacts<'a>,
}

fn pair<'a>(m: &Model<'_, 'a>, rule: Rule, a: usize, b: usize) -> Finding<'a> {
    Finding::new(rule).host(m.name(a)).peer(m.name(b))
}

/// `facts-not-provided` (info): without facts the CPU, version and licence rules do not
/// run; once for the whole check, or once per host the facts leave out.
fn facts_not_provided<'a>(m: &Model<'_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    if m.facts.is_none() {
        // Versions read from `vmware -v` output still feed the version rules.
        let versions = (0..m.hosts.len()).any(|h| m.esxi_version(h).is_some());
        sink(Finding::new(Rule::FactsNotProvided).flag(if versions { 2 } else { 0 }));
        return;
    }
    for h in (0..m.hosts.len()).filter(|h| facts(m, *h).is_none()) {
        sink(Finding::new(Rule::FactsNotProvided).host(m.name(h)).flag(1));
    }
}

/// `cpu-vendor-mismatch` (error): a running VM cannot move between Intel and AMD CPUs
/// (KB 1991).
fn cpu_vendor_mismatch<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    if let (Some(x), Some(y)) = (fa.cpu_vendor, fb.cpu_vendor)
        && x != y
    {
        sink(pair(m, Rule::CpuVendorMismatch, a, b).texts([x.as_str(), y.as_str(), ""]));
    }
}

/// `cpu-aes-pclmulqdq-mismatch` (error): AES-NI/PCLMULQDQ enabled on one host and not
/// the other makes the CPUs incompatible for vMotion (KB 1034926).
fn cpu_aes_pclmulqdq_mismatch<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    let differs = |x: Option<bool>, y: Option<bool>| matches!((x, y), (Some(p), Some(q)) if p != q);
    if differs(fa.aes_ni, fb.aes_ni) || differs(fa.pclmulqdq, fb.pclmulqdq) {
        let on = |f: HostFacts<'_>| f.aes_ni.unwrap_or(false) && f.pclmulqdq.unwrap_or(true);
        let (with, without) = if on(fa) { (a, b) } else { (b, a) };
        sink(pair(m, Rule::CpuAesPclmulqdqMismatch, without, with));
    }
}

/// `esxi-version-unsupported` (error), host part: the vmotion netstack exists from ESXi
/// 6.0 on; a host below it with one shows a paste or facts that do not match.
fn esxi_version_unsupported_netstack<'a>(
    m: &Model<'_, 'a>,
    h: usize,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let Some((v, at)) = m.esxi_version(h) else {
        return;
    };
    let table = m.rows_of(h).iter().find(|r| r.on_netstack("vmotion"));
    if let Some(r) = table.filter(|_| v < V6_0) {
        let name = m.name(h);
        let mut f = Finding::new(Rule::EsxiVersionUnsupported)
            .host(name)
            .numbers(version_number(v), 0)
            .flag(0);
        if let Some((source, line)) = at {
            f = f
                .flag(2)
                .at(name, source, line)
                .at(name, r.source, r.row.line);
        }
        sink(f);
    }
}

/// `esxi-version-unsupported` (error), pair part: cross-vCenter vMotion needs ESXi 6.0
/// or later on both hosts (KB 2106952).
fn esxi_version_unsupported_cross<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, .. } = *p;
    for (h, o) in [(a, b), (b, a)] {
        if let Some((v, _)) = m.esxi_version(h).filter(|(v, _)| *v < V6_0) {
            sink(
                pair(m, Rule::EsxiVersionUnsupported, h, o)
                    .numbers(version_number(v), 0)
                    .flag(1),
            );
        }
    }
}

/// `cross-vcenter-version-mismatch` (error): cross-vCenter vMotion needs both vCenters
/// at 6.0 or later, and vmkcheck asks for the same version on both (KB 2106952).
fn cross_vcenter_version_mismatch<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    let (Some(x), Some(y)) = (fa.vcenter_version, fb.vcenter_version) else {
        return;
    };
    if x != y || x < V6_0 || y < V6_0 {
        sink(
            pair(m, Rule::CrossVcenterVersionMismatch, a, b)
                .texts([fa.vcenter.unwrap_or(""), fb.vcenter.unwrap_or(""), ""])
                .numbers(version_number(x), version_number(y)),
        );
    }
}

/// `license-insufficient` (error), cross-vCenter part: vMotion across vCenters needs
/// Enterprise Plus on both hosts (KB 2106952). The long-distance part is checked with
/// the path's RTT.
fn license_insufficient_cross<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    for (h, o, f) in [(a, b, fa), (b, a, fb)] {
        if let Some(l) = f.license.filter(|l| *l != License::EnterprisePlus) {
            sink(pair(m, Rule::LicenseInsufficient, h, o).texts([l.as_str(), "cross-vCenter", ""]));
        }
    }
}

/// `cross-vcenter-without-elm` (info): without Enhanced Linked Mode the vSphere Client
/// cannot start a cross-vCenter vMotion; the API or PowerCLI can (KB 2106952).
fn cross_vcenter_without_elm<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    if fa.linked_mode != Some(true) || fb.linked_mode != Some(true) {
        sink(pair(m, Rule::CrossVcenterWithoutElm, a, b).texts([
            fa.vcenter.unwrap_or(""),
            fb.vcenter.unwrap_or(""),
            "",
        ]));
    }
}

/// `encrypted-vmotion-unsupported` (error): encrypted vMotion exists from ESXi 6.5 on;
/// with it `required`, a VM cannot move to or from an older host.
fn encrypted_vmotion_unsupported<'a>(p: &Pair<'_, '_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let Pair { m, a, b, fa, fb } = *p;
    let required = |f: HostFacts<'_>| f.encrypted_vmotion == Some(EncryptedVmotion::Required);
    if !(required(fa) || required(fb)) {
        return;
    }
    for (h, o) in [(a, b), (b, a)] {
        if let Some((v, _)) = m.esxi_version(h).filter(|(v, _)| *v < V6_5) {
            sink(pair(m, Rule::EncryptedVmotionUnsupported, h, o).numbers(version_number(v), 0));
        }
    }
}

/// `link-capacity-low` (warning): vMotion needs at least 1 Gbps (250 Mbps per
/// concurrent migration); the facts' `line_rate_mbps` is below that.
fn link_capacity_low<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    // A pasted NIC list rates the uplinks themselves (rules::switch).
    #[cfg(feature = "esxi-commands")]
    if super::switch::nics_listed(m, h) {
        return;
    }
    if let Some(rate) = facts(m, h)
        .and_then(|f| f.line_rate_mbps)
        .filter(|r| *r < 1000)
    {
        let vmk = m.vmotion_interfaces(h).next().map(|(_, r)| r.row.interface);
        let mut f = Finding::new(Rule::LinkCapacityLow)
            .host(m.name(h))
            .numbers(rate.into(), 0);
        if let Some(v) = vmk {
            f = f.interface(v);
        }
        sink(f);
    }
}

struct V(u64);

impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 100, self.0 % 100)
    }
}

pub(crate) fn render(
    x: &Finding<'_>,
    part: Part,
    f: &mut fmt::Formatter<'_>,
) -> Option<fmt::Result> {
    let [s0, s1, _] = x.detail.s;
    let [n0, n1] = x.detail.n;
    let host = x.host.unwrap_or(HostName::Numbered(0));
    let peer = x.peer.unwrap_or(HostName::Numbered(0));
    Some(match (x.rule, part) {
        (Rule::FactsNotProvided, Part::Message) if x.detail.flag == 1 => write!(f, "the facts say nothing about {host}: its CPU, version and licence rules were not run"),
        (Rule::FactsNotProvided, Part::Message) if x.detail.flag == 2 => f.write_str("no facts given: CPU, licence and cross-vCenter rules were not run (ESXi versions were read from the paste)"),
        (Rule::FactsNotProvided, Part::Message) => f.write_str("no facts given: CPU, version and licence rules were not run"),
        (Rule::FactsNotProvided, Part::Remediation) => f.write_str("vmkcheck check --facts facts.json (host name → esxi_version, vcenter, license, cpu_vendor, aes_ni, …; see README)"),
        (Rule::CpuVendorMismatch, Part::Message) => write!(f, "{host} has an {s0} CPU, {peer} an {s1} CPU: vMotion between vendors is not possible"),
        (Rule::CpuVendorMismatch, Part::Remediation) => f.write_str("migrate powered off (cold migration), or keep the VM in a cluster of one CPU vendor"),
        (Rule::CpuAesPclmulqdqMismatch, Part::Message) => write!(f, "AES-NI/PCLMULQDQ is off on {host} but on on {peer}: their CPU features differ (KB 1034926)"),
        (Rule::CpuAesPclmulqdqMismatch, Part::Remediation) => write!(f, "enable AES-NI in {host}'s BIOS, or enable EVC on the cluster (KB 1034926)"),
        (Rule::EsxiVersionUnsupported, Part::Message) if x.detail.flag == 1 => write!(f, "{host} runs ESXi {}: cross-vCenter vMotion with {peer} needs 6.0 or later", V(n0)),
        (Rule::EsxiVersionUnsupported, Part::Message) if x.detail.flag == 2 => write!(f, "{host} runs ESXi {} by its pasted version output but has a vmotion netstack, which exists from 6.0 on: were these pasted from different hosts?", V(n0)),
        (Rule::EsxiVersionUnsupported, Part::Message) => write!(f, "{host} runs ESXi {} but has a vmotion netstack, which exists from 6.0 on: check the facts", V(n0)),
        (Rule::EsxiVersionUnsupported, Part::Remediation) => write!(f, "upgrade {host} to ESXi 6.0 or later"),
        (Rule::CrossVcenterVersionMismatch, Part::Message) => write!(
            f,
            "cross-vCenter pair {host} ({s0}, vCenter {}) and {peer} ({s1}, vCenter {}): versions must match and be 6.0 or later",
            V(n0),
            V(n1)
        ),
        (Rule::CrossVcenterVersionMismatch, Part::Remediation) => f.write_str("upgrade the older vCenter Server to the other's version"),
        (Rule::LicenseInsufficient, Part::Message) => write!(f, "{host} is licensed {s0}: {s1} vMotion with {peer} needs Enterprise Plus"),
        (Rule::LicenseInsufficient, Part::Remediation) => write!(f, "assign a vSphere Enterprise Plus licence to {host}"),
        (Rule::CrossVcenterWithoutElm, Part::Message) => write!(f, "{host} ({s0}) and {peer} ({s1}) are in different vCenters without Enhanced Linked Mode: cross-vCenter vMotion works through the API/CLI only"),
        (Rule::CrossVcenterWithoutElm, Part::Remediation) => f.write_str("use PowerCLI Move-VM (or the API's RelocateVM_Task with a ServiceLocator), or Advanced Cross vCenter vMotion"),
        (Rule::EncryptedVmotionUnsupported, Part::Message) => write!(f, "encrypted vMotion is required but {host} runs ESXi {}, below 6.5", V(n0)),
        (Rule::EncryptedVmotionUnsupported, Part::Remediation) => write!(f, "upgrade {host} to ESXi 6.5 or later, or set the VMs' encrypted vMotion to Opportunistic"),
        (Rule::LinkCapacityLow, Part::Message) => write!(f, "{host}'s vMotion uplink runs at {n0} Mbps, below the 1000 Mbps vMotion needs"),
        (Rule::LinkCapacityLow, Part::Remediation) => f.write_str("check speed and duplex: esxcli network nic list; use a 1 GbE or faster uplink for vMotion"),
        _ => return None,
    })
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    matches!(
        rule,
        Rule::FactsNotProvided
            | Rule::CpuVendorMismatch
            | Rule::CpuAesPclmulqdqMismatch
            | Rule::EsxiVersionUnsupported
            | Rule::CrossVcenterVersionMismatch
            | Rule::LicenseInsufficient
            | Rule::CrossVcenterWithoutElm
            | Rule::EncryptedVmotionUnsupported
            | Rule::LinkCapacityLow
    )
    .then_some(true)
}
