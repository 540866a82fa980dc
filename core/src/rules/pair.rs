//! Rules about two hosts' vMotion interfaces taken together (once per pair).

use core::fmt;

use super::catalog::Rule;
use super::engine::Model;
use super::finding::{Finding, HostName, Part};
use crate::vmknic::Family;

/// Runs every network pair rule for hosts `a` and `b`.
pub(crate) fn check<'a>(m: &Model<'_, 'a>, a: usize, b: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    mtu_mismatch(m, a, b, sink);
    address_family_mismatch(m, a, b, sink);
}

/// `mtu-mismatch` (warning): the two hosts' vMotion interfaces have different MTUs;
/// the path can only carry the smaller, and a jumbo test from the larger side fails
/// (KB 1003728).
fn mtu_mismatch<'a>(m: &Model<'_, 'a>, a: usize, b: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    let first = |h: usize| {
        m.vmotion_interfaces(h)
            .find_map(|(_, r)| r.row.mtu.map(|mtu| (r, mtu)))
    };
    let (Some((ra, ma)), Some((rb, mb))) = (first(a), first(b)) else {
        return;
    };
    if ma == mb {
        return;
    }
    // Reported on the host with the smaller MTU: that is the one to raise.
    let (lo, lo_mtu, hi, hi_mtu) = if ma < mb {
        (ra, ma, rb, mb)
    } else {
        (rb, mb, ra, ma)
    };
    sink(
        Finding::new(Rule::MtuMismatch)
            .host(m.name(lo.host))
            .peer(m.name(hi.host))
            .interface(lo.row.interface)
            .at(m.name(lo.host), lo.source, lo.row.line)
            .at(m.name(hi.host), hi.source, hi.row.line)
            .texts([lo.row.interface, hi.row.interface, ""])
            .numbers(lo_mtu.into(), hi_mtu.into()),
    );
}

/// `address-family-mismatch` (error): one host's vMotion interfaces have only IPv4
/// addresses and the other's only IPv6 (or the reverse): they cannot talk.
fn address_family_mismatch<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    b: usize,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let families = |h: usize| {
        m.vmotion_rows(h)
            .filter(|(_, r)| r.usable_address().is_some())
            .fold((false, false), |(v4, v6), (_, r)| {
                (
                    v4 || r.row.family == Family::Ipv4,
                    v6 || r.row.family == Family::Ipv6,
                )
            })
    };
    let (fa, fb) = (families(a), families(b));
    let none = |f: (bool, bool)| !f.0 && !f.1;
    if none(fa) || none(fb) || (fa.0 && fb.0) || (fa.1 && fb.1) {
        return;
    }
    let row = |h: usize| {
        m.vmotion_rows(h)
            .find(|(_, r)| r.usable_address().is_some())
            .map(|(_, r)| r)
    };
    let (Some(ra), Some(rb)) = (row(a), row(b)) else {
        return;
    };
    sink(
        Finding::new(Rule::AddressFamilyMismatch)
            .host(m.name(a))
            .peer(m.name(b))
            .interface(ra.row.interface)
            .at(m.name(a), ra.source, ra.row.line)
            .at(m.name(b), rb.source, rb.row.line)
            .texts([ra.row.interface, rb.row.interface, ""])
            .flag(u8::from(fa.1)),
    );
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
        (Rule::MtuMismatch, Part::Message) => {
            write!(f, "{host} {s0} has MTU {n0}, {peer} {s1} has MTU {n1}")
        }
        (Rule::MtuMismatch, Part::Remediation) => write!(
            f,
            "if the network carries MTU {n1}: esxcli network ip interface set -m {n1} -i {s0} (on {host}); else lower {peer} {s1} to {n0}"
        ),
        (Rule::AddressFamilyMismatch, Part::Message) => {
            let (fa, fb) = if x.detail.flag == 1 {
                ("IPv6", "IPv4")
            } else {
                ("IPv4", "IPv6")
            };
            write!(
                f,
                "{host} {s0} has only {fa} vMotion addresses, {peer} {s1} only {fb}: they share no family"
            )
        }
        (Rule::AddressFamilyMismatch, Part::Remediation) => write!(
            f,
            "give both the same family, e.g. esxcli network ip interface ipv6 address add -i {s0} -I <address>/64"
        ),
        _ => return None,
    })
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    matches!(rule, Rule::MtuMismatch | Rule::AddressFamilyMismatch).then_some(true)
}
