//! Rules about single vmkping runs, and resolving each run to the path it tests.

use core::fmt;

use super::catalog::Rule;
use super::engine::{Model, header_bytes, tags_known};
use super::finding::{Finding, Part};
use super::model::{PingFact, Row};
use crate::shape;
use crate::vmknic::Family;

/// Attributes a run to its path (source vMotion interface → peer host) and reports
/// what is wrong with the run itself.
pub(crate) fn resolve<'a>(
    m: &Model<'_, 'a>,
    p: &mut PingFact<'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let a = p.host;
    let Some(target) = p.target else { return };
    let owner = owner_of(m, a, target).or_else(|| p.resolved.and_then(|ip| owner_of(m, a, ip)));
    let src_row = p
        .interface
        .and_then(|vmk| m.interface_rows(a, vmk).1.first());
    let family = owner.and_then(|o| m.rows.get(o)).map_or(
        if p.ipv6 || target.contains(':') {
            Family::Ipv6
        } else {
            Family::Ipv4
        },
        |r| r.row.family,
    );

    ping_without_df(m, p, family, sink);
    duplicate_replies(m, p, sink);
    let exceeds = ping_size_exceeds_mtu(m, p, src_row, family, sink);

    let Some(o) = owner else {
        if !owns_address(m, a, target) {
            ping_target_unknown(m, p, target, None, sink);
        }
        return;
    };
    let Some(orow) = m.rows.get(o) else { return };
    if !orow.vmotion {
        ping_target_unknown(m, p, target, Some(orow), sink);
        return;
    }
    let right = ping_wrong_netstack(m, p, src_row, orow, sink);
    p.peer = Some(orow.host);
    p.from = source_interface(m, a, src_row, orow);
    p.evidence = right && !exceeds && p.from.is_some();
}

/// The row (of another host than `a`) whose address is `text`; IPv6 written another
/// way is compared by value.
fn owner_of(m: &Model<'_, '_>, a: usize, text: &str) -> Option<usize> {
    if let Some(i) = m
        .rows_with_address(text)
        .find(|i| m.rows.get(*i).is_some_and(|r| r.host != a))
    {
        return Some(i);
    }
    let v6 = shape::parse_ipv6(text)?;
    m.index.iter().copied().find(|i| {
        m.rows
            .get(*i)
            .is_some_and(|r| r.host != a && r.row.address.and_then(shape::parse_ipv6) == Some(v6))
    })
}

fn owns_address(m: &Model<'_, '_>, a: usize, text: &str) -> bool {
    m.rows_with_address(text)
        .any(|i| m.rows.get(i).is_some_and(|r| r.host == a))
}

/// The vMotion interface a run left from: the `-I` vmk if it is one, else the host's
/// vMotion interface of the target's family, in its subnet if one is.
fn source_interface(
    m: &Model<'_, '_>,
    a: usize,
    src: Option<&Row<'_>>,
    target: &Row<'_>,
) -> Option<usize> {
    if let Some(s) = src.filter(|s| s.vmotion) {
        return m.interface_id(a, s.row.interface);
    }
    let best = m.vmotion_row_of(a, target.row.family).or_else(|| {
        m.vmotion_row_of(
            a,
            if target.row.family == Family::Ipv4 {
                Family::Ipv6
            } else {
                Family::Ipv4
            },
        )
    })?;
    m.interface_id(a, best.row.interface)
}

/// `ping-without-df` (warning): a payload above 1472 (IPv4) / 1452 (IPv6) bytes
/// without `-d` is fragmented, which hides a path that cannot carry the MTU (KB 1003728).
fn ping_without_df<'a>(
    m: &Model<'_, 'a>,
    p: &PingFact<'a>,
    family: Family,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let limit = 1500u32.saturating_sub(header_bytes(family));
    if !p.df && p.size > limit {
        sink(
            Finding::new(Rule::PingWithoutDf)
                .host(m.name(p.host))
                .at(m.name(p.host), p.source, p.line)
                .texts([
                    p.target.unwrap_or(""),
                    p.netstack.unwrap_or(""),
                    p.interface.unwrap_or(""),
                ])
                .numbers(p.size.into(), limit.into())
                .flag(u8::from(family == Family::Ipv6)),
        );
    }
}

/// `ping-size-exceeds-mtu` (info): a DF payload above the source interface's MTU minus
/// headers cannot leave the host; its failure says nothing about the path. Returns
/// whether it fired (such a run is no evidence).
fn ping_size_exceeds_mtu<'a>(
    m: &Model<'_, 'a>,
    p: &PingFact<'a>,
    src: Option<&Row<'a>>,
    family: Family,
    sink: &mut dyn FnMut(Finding<'a>),
) -> bool {
    // The interface used: -I, else the host's vMotion interface of that family.
    let row = src.or_else(|| m.vmotion_row_of(p.host, family));
    let Some((row, mtu)) = row.and_then(|r| Some((r, r.row.mtu?))) else {
        return false;
    };
    let max = mtu.saturating_sub(header_bytes(family));
    if !(p.df && p.size > max) {
        return false;
    }
    sink(
        Finding::new(Rule::PingSizeExceedsMtu)
            .host(m.name(p.host))
            .interface(row.row.interface)
            .at(m.name(p.host), p.source, p.line)
            .texts([p.target.unwrap_or(""), row.row.interface, ""])
            .numbers(p.size.into(), max.into())
            .flag(u8::from(family == Family::Ipv6)),
    );
    true
}

/// `duplicate-replies` (warning): `(DUP!)` replies mean two stations answer for the
/// address, or a loop returns the packet twice.
fn duplicate_replies<'a>(m: &Model<'_, 'a>, p: &PingFact<'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    if p.duplicates > 0 {
        sink(
            Finding::new(Rule::DuplicateReplies)
                .host(m.name(p.host))
                .at(
                    m.name(p.host),
                    p.source,
                    if p.dup_line > 0 { p.dup_line } else { p.line },
                )
                .texts([p.target.unwrap_or(""), "", ""])
                .numbers(p.duplicates.into(), 0),
        );
    }
}

/// `ping-target-unknown` (info): the target is no given host's vMotion address, so the
/// run verifies no vMotion path.
fn ping_target_unknown<'a>(
    m: &Model<'_, 'a>,
    p: &PingFact<'a>,
    target: &'a str,
    owner: Option<&Row<'a>>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let mut f = Finding::new(Rule::PingTargetUnknown)
        .host(m.name(p.host))
        .at(m.name(p.host), p.source, p.line);
    f = match owner {
        // Its owner's vMotion interfaces are unknown (no vmotion netstack, no tags): the
        // target may well be one.
        Some(o) if m.vmotion_interfaces(o.host).next().is_none() && !tags_known(m, o.host) => f
            .peer(m.name(o.host))
            .texts([target, o.row.interface, ""])
            .flag(2),
        Some(o) => f
            .peer(m.name(o.host))
            .texts([target, o.row.interface, ""])
            .flag(1),
        None => f.texts([target, "", ""]),
    };
    sink(f);
}

/// `ping-wrong-netstack` (warning): a run to a vMotion address that did not use the
/// vmotion netstack while the source host's vMotion interface is on it tested another
/// path (KB 2108824). Returns whether the run used the right stack.
fn ping_wrong_netstack<'a>(
    m: &Model<'_, 'a>,
    p: &PingFact<'a>,
    src: Option<&Row<'a>>,
    target: &Row<'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) -> bool {
    let a = p.host;
    let stack_based = m.stack_based(a);
    let named_vmotion = p
        .netstack
        .is_some_and(|n| n.eq_ignore_ascii_case("vmotion"));
    let right = if stack_based {
        named_vmotion || src.is_some_and(|s| s.on_netstack("vmotion"))
    } else {
        // vMotion on the default stack (tagged) or unknown: any run from it counts.
        !named_vmotion
            && src.is_none_or(|s| {
                s.vmotion
                    || (m.vmotion_row_of(a, Family::Ipv4).is_none()
                        && m.vmotion_row_of(a, Family::Ipv6).is_none())
            })
    };
    if !right {
        let vmk = m
            .vmotion_row_of(a, target.row.family)
            .or_else(|| m.vmotion_rows(a).next().map(|(_, r)| r))
            .map_or("vmkN", |r| r.row.interface);
        sink(
            Finding::new(Rule::PingWrongNetstack)
                .host(m.name(a))
                .peer(m.name(target.host))
                .interface(vmk)
                .at(m.name(a), p.source, p.line)
                .texts([
                    target.row.address.unwrap_or(""),
                    vmk,
                    p.netstack.or(p.interface).unwrap_or("defaultTcpipStack"),
                ])
                .numbers(p.size.into(), u64::from(p.df))
                .flag(u8::from(stack_based)),
        );
    }
    right
}

/// The vmkping command for a path, with the right stack and interface.
pub(crate) struct Vmkping<'a> {
    pub stack_based: bool,
    pub interface: &'a str,
    pub ipv6: bool,
    pub df_size: Option<u64>,
    pub target: &'a str,
}

impl fmt::Display for Vmkping<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("vmkping ")?;
        if self.ipv6 {
            f.write_str("-6 ")?;
        }
        if self.stack_based {
            f.write_str("++netstack=vmotion ")?;
        }
        write!(f, "-I {} ", self.interface)?;
        if let Some(s) = self.df_size {
            write!(f, "-d -s {s} ")?;
        }
        f.write_str(self.target)
    }
}

pub(crate) fn render(
    x: &Finding<'_>,
    part: Part,
    f: &mut fmt::Formatter<'_>,
) -> Option<fmt::Result> {
    let d = &x.detail;
    let [s0, s1, s2] = d.s;
    let [n0, n1] = d.n;
    let fam = if d.flag == 1 { "IPv6" } else { "IPv4" };
    Some(match (x.rule, part) {
        (Rule::PingWithoutDf, Part::Message) => write!(
            f,
            "ping to {s0} with {n0} bytes of payload but without -d: above {n1} bytes ({fam}) the packet is fragmented, so a path that cannot carry the MTU still answers"
        ),
        (Rule::PingWithoutDf, Part::Remediation) => write!(
            f,
            "vmkping {}{}{s1}{}{}{s2}{}-d -s {n0} {s0}",
            if d.flag == 1 { "-6 " } else { "" },
            if s1.is_empty() { "" } else { "++netstack=" },
            if s1.is_empty() { "" } else { " " },
            if s2.is_empty() { "" } else { "-I " },
            if s2.is_empty() { "" } else { " " },
        ),
        (Rule::PingSizeExceedsMtu, Part::Message) => write!(
            f,
            "don't-fragment ping to {s0} with {n0} bytes of payload: {s1} allows at most {n1} ({fam}), so its failure is expected and says nothing about the path"
        ),
        (Rule::PingSizeExceedsMtu, Part::Remediation) => {
            write!(
                f,
                "vmkping {}-I {s1} -d -s {n1} {s0}",
                if d.flag == 1 { "-6 " } else { "" }
            )
        }
        (Rule::DuplicateReplies, Part::Message) => write!(
            f,
            "{n0} duplicate (DUP!) replies from {s0}: two stations answer for the address, or a loop returns packets"
        ),
        (Rule::DuplicateReplies, Part::Remediation) => write!(
            f,
            "find who else answers for {s0}: compare esxcfg-vmknic -l on every host and the switch's MAC table for that address"
        ),
        (Rule::PingTargetUnknown, Part::Message) if d.flag == 1 => write!(
            f,
            "{s0} is {s1} of {}, which is not a vMotion interface: the run verifies no vMotion path",
            x.peer.map_or(super::finding::HostName::Numbered(0), |p| p)
        ),
        (Rule::PingTargetUnknown, Part::Message) if d.flag == 2 => write!(
            f,
            "{s0} is {s1} of {}, whose vMotion interfaces are unknown: the run verifies no known vMotion path",
            x.peer.map_or(super::finding::HostName::Numbered(0), |p| p)
        ),
        (Rule::PingTargetUnknown, Part::Remediation) if d.flag == 2 => write!(
            f,
            "on {}: esxcli network ip interface tag get -i {s1} (VMotion among the tags makes it a vMotion interface)",
            x.peer.map_or(super::finding::HostName::Numbered(0), |p| p)
        ),
        (Rule::PingTargetUnknown, Part::Message) => write!(
            f,
            "{s0} is no given host's vMotion address: the run verifies no vMotion path (paste the target host's esxcfg-vmknic -l to include it)"
        ),
        (Rule::PingTargetUnknown, Part::Remediation) => write!(
            f,
            "run esxcfg-vmknic -l on the host that owns {s0} and add its output"
        ),
        (Rule::PingWrongNetstack, Part::Message) => write!(
            f,
            "ping to {s0} went out on {s2} instead of the vMotion interface {s1}{}: it tested another path",
            if d.flag == 1 {
                " (vmotion netstack)"
            } else {
                ""
            }
        ),
        (Rule::PingWrongNetstack, Part::Remediation) => write!(
            f,
            "{}",
            Vmkping {
                stack_based: d.flag == 1,
                interface: s1,
                ipv6: s0.contains(':'),
                df_size: (n1 == 1).then_some(n0),
                target: s0
            }
        ),
        _ => return None,
    })
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    match rule {
        Rule::PingWithoutDf
        | Rule::PingSizeExceedsMtu
        | Rule::DuplicateReplies
        | Rule::PingTargetUnknown
        | Rule::PingWrongNetstack => Some(true),
        _ => None,
    }
}
