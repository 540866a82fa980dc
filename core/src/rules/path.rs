//! Rules about one vMotion path: a vMotion interface of host A to host B's vMotion
//! addresses, judged from the vmkping runs attributed to it.

use core::fmt;

use super::catalog::{Rule, Severity};
use super::engine::{Model, header_bytes};
use super::finding::{Finding, HostName, Part};
use super::host::network;
use super::model::{PingFact, Row};
use super::ping::Vmkping;
use crate::facts::License;
#[cfg(feature = "esxi-commands")]
use crate::transcript::SectionKind;
use crate::vmknic::Family;

/// Average RTT above which vMotion is "long distance" (Enterprise Plus), in ms.
pub const LONG_DISTANCE_MS: f64 = 4.0;
/// The highest RTT vMotion supports, in ms.
pub const MAX_RTT_MS: f64 = 150.0;

/// Both rows' valid addresses are in one subnet (by the first row's prefix).
pub(crate) fn same_subnet(a: &Row<'_>, b: &Row<'_>) -> bool {
    match (network(a), b.row.prefix_len.or(a.row.prefix_len)) {
        (Some((fam, net, prefix)), Some(_)) => {
            let mut other = *b;
            other.row.prefix_len = Some(prefix);
            network(&other) == Some((fam, net, prefix))
        }
        _ => false,
    }
}

/// What the runs of a path show.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence<'a> {
    small_runs: u32,
    small_all_lost: bool,
    success: Option<PingFact<'a>>,
    lossy: Option<PingFact<'a>>,
    small_lost: Option<PingFact<'a>>,
    jumbo_ok: Option<PingFact<'a>>,
    jumbo_failed: Option<PingFact<'a>>,
    /// The slowest successful run (highest average RTT).
    slowest: Option<(f64, PingFact<'a>)>,
}

/// The path's two ends: the source row and the peer's target row, the family they
/// share, and the payload a full-size don't-fragment ping needs.
#[derive(Clone, Copy, Debug)]
struct Ends<'m, 'a> {
    from: &'m Row<'a>,
    to: &'m Row<'a>,
    mtu: Option<u32>,
    payload: Option<u32>,
}

/// Picks the best (source row, target row) pair: a shared family (IPv4 first), valid
/// addresses, one subnet.
fn ends<'m, 'a>(m: &Model<'m, 'a>, a_iface: usize, b: usize) -> Option<Ends<'m, 'a>> {
    let first = m.rows.get(a_iface)?;
    let (_, a_rows) = m.interface_rows(first.host, first.row.interface);
    let score = |x: &Row<'_>, y: &Row<'_>| {
        let valid = |r: &Row<'_>| network(r).is_some();
        (
            x.row.family == Family::Ipv4,
            valid(x) && valid(y),
            same_subnet(x, y),
        )
    };
    let mut best: Option<(&Row<'a>, &Row<'a>)> = None;
    for x in a_rows.iter().filter(|r| r.usable_address().is_some()) {
        for (_, y) in m
            .vmotion_rows(b)
            .filter(|(_, r)| r.usable_address().is_some() && r.row.family == x.row.family)
        {
            if best.is_none_or(|(bx, by)| score(x, y) > score(bx, by)) {
                best = Some((x, y));
            }
        }
    }
    let (from, to) = best?;
    let mtu = match (from.row.mtu, to.row.mtu) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let payload = mtu.map(|m| m.saturating_sub(header_bytes(from.row.family)));
    Some(Ends {
        from,
        to,
        mtu,
        payload,
    })
}

fn gather<'a>(pings: &[PingFact<'a>], ends: &Ends<'_, '_>) -> Evidence<'a> {
    let small_limit = 1500u32.saturating_sub(header_bytes(ends.from.row.family));
    let mut e = Evidence {
        small_all_lost: true,
        ..Evidence::default()
    };
    for &p in pings {
        // Full size for the path; above it (the peer's MTU is smaller) a DF run is
        // expected to fail, which mtu-mismatch explains: no evidence either way.
        let jumbo = p.df && ends.payload.is_some_and(|need| p.size >= need);
        let oversize = p.df && ends.payload.is_some_and(|need| p.size > need);
        let small = (!p.df || p.size <= small_limit) && !jumbo;
        if p.success {
            e.success = e.success.or(Some(p));
            if let Some(rtt) = p.rtt_avg
                && e.slowest.is_none_or(|(s, _)| rtt > s)
            {
                e.slowest = Some((rtt, p));
            }
        }
        if p.partial {
            e.lossy = e.lossy.or(Some(p));
        }
        if jumbo {
            if p.success {
                e.jumbo_ok = e.jumbo_ok.or(Some(p));
            } else if p.lost_all && !oversize {
                e.jumbo_failed = e.jumbo_failed.or(Some(p));
            }
        }
        if small {
            e.small_runs = e.small_runs.saturating_add(1);
            e.small_all_lost &= p.lost_all;
            if p.lost_all {
                e.small_lost = e.small_lost.or(Some(p));
            }
        }
    }
    e
}

/// Runs every path rule for A's vMotion interface `a_iface` (a row index) to host `b`.
pub(crate) fn check<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    a_iface: usize,
    b: usize,
    pings: &[PingFact<'a>],
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let Some(ends) = ends(m, a_iface, b) else {
        return;
    };
    let e = gather(pings, &ends);
    let base = |rule: Rule| {
        Finding::new(rule)
            .host(m.name(a))
            .peer(m.name(b))
            .interface(ends.from.row.interface)
            .texts([
                ends.to.usable_address().unwrap_or(""),
                ends.from.row.interface,
                "",
            ])
            .flag(
                u8::from(m.stack_based(a))
                    | if ends.from.row.family == Family::Ipv6 {
                        2
                    } else {
                        0
                    },
            )
    };
    let at = |f: Finding<'a>, p: Option<&PingFact<'a>>| match p {
        Some(p) => f.at(m.name(a), p.source, p.line),
        None => f.at(m.name(a), ends.from.source, ends.from.row.line).at(
            m.name(b),
            ends.to.source,
            ends.to.row.line,
        ),
    };
    connectivity_failed(&e, &base, &at, sink);
    connectivity_lossy(&e, &base, &at, sink);
    connectivity_unverified(&e, &base, &at, sink);
    jumbo_path_failed(m, a, b, &e, &ends, &base, &at, sink);
    jumbo_path_unverified(&e, &ends, &base, &at, sink);
    routed_vmotion(m, a, b, &e, &ends, &base, &at, sink);
    long_distance_vmotion(m, a, b, &e, &base, &at, sink);
    rtt_too_high(&e, &base, &at, sink);
}

type Base<'x, 'a> = dyn Fn(Rule) -> Finding<'a> + 'x;
type At<'x, 'a> = dyn Fn(Finding<'a>, Option<&PingFact<'a>>) -> Finding<'a> + 'x;

/// `connectivity-failed` (error): every small vmkping on the path lost all its packets
/// and none succeeded: the vMotion networks of A and B do not reach each other
/// (KB 1003728).
fn connectivity_failed<'a>(
    e: &Evidence<'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    if e.small_runs > 0 && e.small_all_lost && e.success.is_none() {
        let p = e.small_lost;
        sink(
            at(base(Rule::ConnectivityFailed), p.as_ref())
                .texts_with(2, p.and_then(|p| p.send_error).unwrap_or("")),
        );
    }
}

/// `connectivity-lossy` (warning): a run on the path lost some but not all packets:
/// errors, congestion or a flapping link slow vMotion down.
fn connectivity_lossy<'a>(
    e: &Evidence<'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    if let Some(p) = e.lossy {
        sink(at(base(Rule::ConnectivityLossy), Some(&p)).measure(p.loss_percent));
    }
}

/// `connectivity-unverified` (unverified): nothing shows A reaching B on the vMotion
/// path: no successful run and no small run at all. The remediation is the exact
/// vmkping to run.
fn connectivity_unverified<'a>(
    e: &Evidence<'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    if e.success.is_none() && e.small_runs == 0 {
        sink(at(base(Rule::ConnectivityUnverified), None));
    }
}

/// `jumbo-path-failed` (error): a don't-fragment ping at full payload lost everything
/// while none succeeded. `sendto() failed (Message too long)` means the local vmk or
/// vSwitch MTU is smaller; silent loss means a device on the path drops jumbo frames
/// (KB 1003728).
#[allow(clippy::too_many_arguments)]
fn jumbo_path_failed<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    b: usize,
    e: &Evidence<'a>,
    ends: &Ends<'_, 'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let (Some(p), None) = (e.jumbo_failed, e.jumbo_ok) else {
        return;
    };
    let too_long = p
        .send_error
        .is_some_and(|s| s.eq_ignore_ascii_case("Message too long"));
    // A pasted switch listing may name the culprit: the switch under either end's vmk
    // with an MTU below the path's (vswitch-mtu-too-small says so for its host).
    let need = ends.mtu.unwrap_or(0);
    let small = [(a, ends.from, 64u8), (b, ends.to, 128u8)]
        .into_iter()
        .find_map(|(h, row, flag)| Some((small_switch(m, h, row, need)?, flag)));
    let kind = if too_long { 4 } else { 8 } | small.map_or(0, |(_, flag)| flag);
    if let Some((name, _)) = small {
        let f = base(Rule::JumboPathFailed).numbers(p.size.into(), need.into());
        let f = Finding {
            detail: super::finding::Detail {
                flag: f.detail.flag | kind,
                ..f.detail
            },
            ..f
        };
        sink(at(f, Some(&p)).texts_with(2, name));
        return;
    }
    let f = base(Rule::JumboPathFailed).numbers(p.size.into(), ends.mtu.unwrap_or(0).into());
    let f = Finding {
        detail: super::finding::Detail {
            flag: f.detail.flag | kind,
            ..f.detail
        },
        ..f
    };
    sink(at(f, Some(&p)).texts_with(2, p.send_error.unwrap_or("")));
}

/// The name of the switch under `row`'s vmk on host `h` when its MTU is below `need`.
#[cfg(feature = "esxi-commands")]
fn small_switch<'a>(m: &Model<'_, 'a>, h: usize, row: &Row<'a>, need: u32) -> Option<&'a str> {
    super::switch::switch_of(m, h, row)
        .filter(|(s, _)| s.mtu.is_some_and(|x| x < need))
        .map(|(s, _)| s.name)
}

#[cfg(not(feature = "esxi-commands"))]
fn small_switch<'a>(_: &Model<'_, 'a>, _: usize, _: &Row<'a>, _: u32) -> Option<&'a str> {
    None
}

/// `jumbo-path-unverified` (unverified): the path's MTU is above 1500 but no
/// don't-fragment ping at full payload (MTU − 28, or − 48 on IPv6) was shown; a
/// smaller ping succeeding proves nothing about jumbo frames.
fn jumbo_path_unverified<'a>(
    e: &Evidence<'a>,
    ends: &Ends<'_, 'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let (Some(mtu), Some(payload)) = (ends.mtu, ends.payload) else {
        return;
    };
    if mtu > 1500 && e.jumbo_ok.is_none() && e.jumbo_failed.is_none() {
        sink(at(base(Rule::JumboPathUnverified), None).numbers(payload.into(), mtu.into()));
    }
}

/// What a host's pasted vmotion-netstack route list says about reaching a peer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "esxi-commands"), allow(dead_code))]
enum Gateway {
    /// No route list of the vmotion netstack was pasted.
    Unknown,
    /// A default route (or one covering the peer) with a gateway: source and line.
    Found(u32, u32),
    /// The list was pasted and has none: source and line of the list.
    Missing(u32, u32),
}

/// How `h`'s vMotion vmk `local` reaches `peer`: by the vmk's own gateway (`esxcli
/// network ip interface ipv4 get`, ESXi 6.5+ override), else by the pasted route list of
/// the vmk's netstack (`esxcli network ip route ipv4 list -N vmotion`; the default
/// stack's for a vmk tagged on it), the last one pasted.
#[cfg(feature = "esxi-commands")]
fn vmotion_gateway(m: &Model<'_, '_>, h: usize, local: &Row<'_>, peer: &Row<'_>) -> Gateway {
    let family = peer.row.family;
    let routed =
        |gw: Option<&str>| gw.is_some_and(|g| !matches!(g, "0.0.0.0" | "::") && !g.is_empty());
    let own = m
        .sections_of(h, SectionKind::Ipv4Get)
        .filter(|_| family == Family::Ipv4)
        .filter_map(|s| Some((s.section.ipv4_get()?, s.source)))
        .filter_map(|(t, source)| {
            let r = t
                .rows()
                .filter(|r| r.interface == local.row.interface)
                .last()?;
            Some((routed(r.gateway), source, r.line))
        })
        .last();
    if let Some((true, source, line)) = own {
        return Gateway::Found(source, line);
    }
    let stack = local.row.netstack.unwrap_or("defaultTcpipStack");
    let on_stack = |n: Option<&str>| n.is_some_and(|n| n.eq_ignore_ascii_case(stack));
    let lists = m
        .sections_of(h, SectionKind::RouteList)
        .filter_map(|s| Some((s.section.route_list()?, s.source, s.section.line)))
        .filter(|(l, _, _)| {
            l.rows()
                .next()
                .is_none_or(|r| r.family == family && on_stack(r.netstack))
        });
    let Some((list, source, line)) = lists.last() else {
        return Gateway::Unknown;
    };
    // A route to the peer's network: the peer's address masked to the route's prefix
    // is the route's network.
    let covers = |net: Option<&str>, prefix: Option<u8>| {
        let mut probe = *peer;
        probe.row.prefix_len = prefix;
        let value = net.and_then(|n| match family {
            Family::Ipv4 => crate::shape::parse_ipv4(n).map(|v| u128::from(u32::from(v))),
            Family::Ipv6 => crate::shape::parse_ipv6(n).map(u128::from),
        });
        matches!((network(&probe), value), (Some((_, n, _)), Some(v)) if n == v)
    };
    list.rows()
        .filter(|r| on_stack(r.netstack))
        .find(|r| routed(r.gateway) && (r.is_default() || covers(r.network, r.prefix_len)))
        .map_or(Gateway::Missing(source, line), |r| {
            Gateway::Found(source, r.line)
        })
}

#[cfg(not(feature = "esxi-commands"))]
fn vmotion_gateway(_: &Model<'_, '_>, _: usize, _: &Row<'_>, _: &Row<'_>) -> Gateway {
    Gateway::Unknown
}

/// `routed-vmotion` (info, or unverified): A's and B's vMotion addresses are in different
/// subnets, so vMotion is routed and each host's vmotion netstack needs a gateway
/// ("vMotion TCP/IP stack"). Info when a ping across succeeded or both hosts' pasted
/// vmotion route lists show a gateway; unverified otherwise, naming a host whose list
/// shows none.
#[allow(clippy::too_many_arguments)]
fn routed_vmotion<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    b: usize,
    e: &Evidence<'a>,
    ends: &Ends<'_, 'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    if network(ends.from).is_none() || network(ends.to).is_none() || same_subnet(ends.from, ends.to)
    {
        return;
    }
    let there = vmotion_gateway(m, a, ends.from, ends.to);
    let back = vmotion_gateway(m, b, ends.to, ends.from);
    let (sev, flag) = match (e.success.is_some(), there, back) {
        (true, _, _) => (Severity::Info, 0),
        (false, Gateway::Found(..), Gateway::Found(..)) => (Severity::Info, 8),
        (false, Gateway::Missing(..), _) => (Severity::Unverified, 16),
        (false, _, Gateway::Missing(..)) => (Severity::Unverified, 32),
        _ => (Severity::Unverified, 0),
    };
    let mut f = base(Rule::RoutedVmotion)
        .severity(sev)
        .texts_with(2, ends.from.row.address.unwrap_or(""));
    f.detail.flag |= flag;
    if e.success.is_none() {
        for (h, g) in [(a, there), (b, back)] {
            if let Gateway::Found(source, line) | Gateway::Missing(source, line) = g {
                f = f.at(m.name(h), source, line);
            }
        }
    }
    sink(at(f, e.success.as_ref()));
}

/// `long-distance-vmotion` (info): an average RTT above 4 ms is Long Distance vMotion
/// (Enterprise Plus, up to 150 ms). The message gives the bandwidth-delay product the
/// TCP buffers (`sbMax`) need at the line rate (the facts' `line_rate_mbps`, else 1
/// Gbps) and the `Migrate.NetExpectedLineRateMBps` setting. Without Enterprise Plus on
/// both hosts it is also `license-insufficient`.
fn long_distance_vmotion<'a>(
    m: &Model<'_, 'a>,
    a: usize,
    b: usize,
    e: &Evidence<'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let Some((rtt, p)) = e
        .slowest
        .filter(|(r, _)| *r > LONG_DISTANCE_MS && *r <= MAX_RTT_MS)
    else {
        return;
    };
    let rate = m
        .host(a)
        .and_then(|x| x.facts)
        .and_then(|f| f.line_rate_mbps)
        .unwrap_or(1000);
    sink(
        at(base(Rule::LongDistanceVmotion), Some(&p))
            .measure(rtt)
            .numbers(rate.into(), 0),
    );
    let license = |h: usize| m.host(h).and_then(|x| x.facts).and_then(|f| f.license);
    for h in [a, b] {
        if let Some(l) = license(h).filter(|l| *l != License::EnterprisePlus) {
            let f = Finding::new(Rule::LicenseInsufficient)
                .host(m.name(h))
                .peer(m.name(if h == a { b } else { a }))
                .texts([l.as_str(), "long-distance", ""])
                .measure(rtt);
            sink(at(f, Some(&p)));
        }
    }
}

/// `rtt-too-high` (error): an average RTT above 150 ms is beyond what vMotion
/// supports ("Round-Trip Time for Long-Distance vMotion Migration").
fn rtt_too_high<'a>(
    e: &Evidence<'a>,
    base: &Base<'_, 'a>,
    at: &At<'_, 'a>,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    if let Some((rtt, p)) = e.slowest.filter(|(r, _)| *r > MAX_RTT_MS) {
        sink(at(base(Rule::RttTooHigh), Some(&p)).measure(rtt));
    }
}

impl<'a> Finding<'a> {
    fn texts_with(mut self, i: usize, s: &'a str) -> Self {
        if let Some(slot) = self.detail.s.get_mut(i) {
            *slot = s;
        }
        self
    }
}

/// The vmkping that tests the path, as its remediation.
fn command<'x>(x: &'x Finding<'_>, df_size: Option<u64>) -> Vmkping<'x> {
    let [target, interface, _] = x.detail.s;
    Vmkping {
        stack_based: x.detail.flag & 1 != 0,
        interface,
        ipv6: x.detail.flag & 2 != 0,
        df_size,
        target,
    }
}

/// Bytes in flight at `rate_mbps` over `rtt_ms`: what the TCP buffers must hold.
pub(crate) fn bandwidth_delay_bytes(rate_mbps: u64, rtt_ms: f64) -> f64 {
    // Mbit/s × ms = 1000 bit = 125 bytes.
    (rate_mbps as f64) * rtt_ms * 125.0
}

pub(crate) fn render(
    x: &Finding<'_>,
    part: Part,
    f: &mut fmt::Formatter<'_>,
) -> Option<fmt::Result> {
    let d = &x.detail;
    let [target, vmk, extra] = d.s;
    let [n0, n1] = d.n;
    let peer = x.peer.unwrap_or(HostName::Numbered(0));
    let host = x.host.unwrap_or(HostName::Numbered(0));
    let stack = if d.flag & 1 != 0 {
        "vmotion netstack"
    } else {
        "default stack"
    };
    Some(match (x.rule, part) {
        (Rule::ConnectivityFailed, Part::Message) => {
            let why = match extra {
                "" => "silent: no reply",
                "Host is down" => "sendto: Host is down = no ARP answer: wrong VLAN, subnet or uplink",
                _ => "sendto: ",
            };
            let tail = if why == "sendto: " { extra } else { "" };
            write!(f, "every vmkping from {vmk} to {peer} ({target}) lost all packets ({why}{tail})")
        }
        (Rule::ConnectivityFailed, Part::Remediation) => write!(
            f,
            "check the vMotion port group's VLAN and uplinks on both hosts (esxcfg-vswitch -l), then: {}",
            command(x, None)
        ),
        (Rule::ConnectivityLossy, Part::Message) => {
            write!(f, "vmkping from {vmk} to {peer} ({target}) lost {}% of its packets", Fixed(d.x))
        }
        (Rule::ConnectivityLossy, Part::Remediation) => f.write_str("check the uplinks for errors: esxcli network nic stats get -n vmnicN (and the switch ports)"),
        (Rule::ConnectivityUnverified, Part::Message) => write!(f, "no vmkping shows {vmk} reaching {peer}'s vMotion address {target} on the {stack}"),
        (Rule::ConnectivityUnverified, Part::Remediation) => write!(f, "{}", command(x, None)),
        (Rule::JumboPathFailed, Part::Message) if d.flag & (64 | 128) != 0 => write!(
            f,
            "don't-fragment ping of {n0} bytes from {vmk} to {peer} ({target}) failed: {extra}, the switch under {} vMotion vmk, has an MTU below {n1}",
            if d.flag & 64 != 0 { "this host's" } else { "the peer's" }
        ),
        (Rule::JumboPathFailed, Part::Remediation) if d.flag & (64 | 128) != 0 => write!(
            f,
            "raise the MTU of {extra} on {} to at least {n1} (see vswitch-mtu-too-small), then: {}",
            if d.flag & 64 != 0 { host } else { peer },
            command(x, Some(n0))
        ),
        (Rule::JumboPathFailed, Part::Message) if d.flag & 4 != 0 => write!(
            f,
            "don't-fragment ping of {n0} bytes from {vmk} to {peer} ({target}) failed: sendto() Message too long: the local vmk or vSwitch MTU on {host} is smaller than {n1}"
        ),
        (Rule::JumboPathFailed, Part::Message) => write!(
            f,
            "don't-fragment ping of {n0} bytes from {vmk} to {peer} ({target}) lost everything{}: a switch or router on the path drops frames of MTU {n1}",
            if extra.is_empty() { "" } else { " (" }
        )
        .and_then(|()| if extra.is_empty() { Ok(()) } else { write!(f, "sendto: {extra})") }),
        (Rule::JumboPathFailed, Part::Remediation) if d.flag & 4 != 0 => write!(
            f,
            "raise the MTU of the vSwitch under {vmk} to at least {n1}: esxcfg-vswitch -m {n1} vSwitchN (a distributed switch: vSphere Client > the DVS > Settings > Edit > Advanced > MTU); esxcfg-vswitch -l shows it"
        ),
        (Rule::JumboPathFailed, Part::Remediation) => write!(
            f,
            "set MTU ≥ {n1} (9216 on most switches) on every switch port and VLAN between the hosts, or lower both vmks: esxcli network ip interface set -m 1500 -i {vmk}"
        ),
        (Rule::JumboPathUnverified, Part::Message) => write!(
            f,
            "MTU {n1} on the path from {vmk} to {peer} ({target}), but no successful don't-fragment ping of {n0} bytes"
        ),
        (Rule::JumboPathUnverified, Part::Remediation) => write!(f, "{}", command(x, Some(n0))),
        (Rule::RoutedVmotion, Part::Message) => write!(
            f,
            "{vmk} ({extra}) and {peer} ({target}) are in different subnets: vMotion is routed and needs a gateway {}{}",
            if d.flag & 1 != 0 { "on each host's vmotion netstack" } else { "for each host's vMotion vmk" },
            match d.flag & (8 | 16 | 32) {
                _ if x.severity == Severity::Info && d.flag & 8 == 0 => "; a ping across succeeded",
                8 => "; both hosts have one (a route or the vmk's own gateway)",
                16 => "; this host's route list for the vmk's netstack has none",
                32 => "; the peer's route list for the vmk's netstack has none",
                _ => "",
            }
        ),
        (Rule::RoutedVmotion, Part::Remediation) if d.flag & (16 | 32) != 0 => write!(
            f,
            "add one on the {}: esxcli network ip route {} add -N vmotion -n default -g <gateway> (vSphere Client: Host > Configure > TCP/IP configuration > vMotion > Edit > Routing)",
            if d.flag & 16 != 0 { "host" } else { "peer" },
            if d.flag & 2 != 0 { "ipv6" } else { "ipv4" }
        ),
        (Rule::RoutedVmotion, Part::Remediation) if d.flag & 1 == 0 => write!(
            f,
            "esxcli network ip interface ipv4 get -i {vmk} (its Gateway, ESXi 6.5+) and esxcli network ip route ipv4 list on both hosts"
        ),
        (Rule::RoutedVmotion, Part::Remediation) => f.write_str(
            "esxcli network ip route ipv4 list -N vmotion (vSphere Client: Host > Configure > TCP/IP configuration > vMotion > Edit > Routing: default gateway)",
        ),
        (Rule::LongDistanceVmotion, Part::Message) => {
            let bdp = bandwidth_delay_bytes(n0, d.x);
            write!(
                f,
                "average RTT {} ms from {vmk} to {peer}: Long Distance vMotion (Enterprise Plus, at most 150 ms); at {} the bandwidth-delay product is {} MB: set sbMax (TCP buffers) to at least that and Migrate.NetExpectedLineRateMBps to {}",
                Fixed(d.x),
                Rate(n0),
                Megabytes(bdp),
                n0 / 8
            )
        }
        (Rule::LongDistanceVmotion, Part::Remediation) => write!(
            f,
            "esxcli system settings advanced set -o /Migrate/NetExpectedLineRateMBps -i {}",
            n0 / 8
        ),
        (Rule::RttTooHigh, Part::Message) => {
            write!(f, "average RTT {} ms from {vmk} to {peer}: above the 150 ms vMotion supports", Fixed(d.x))
        }
        _ => return None,
    })
}

/// A measurement with up to three decimals (`0.311`, `50`, `33.333`), formatted with
/// integer arithmetic so embedded builds carry no float formatter.
pub(crate) struct Fixed(pub f64);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Thousandths, rounded half up; f64 → u64 saturates (and maps NaN to 0).
        let t = (self.0.max(0.0) * 1000.0 + 0.5) as u64;
        let (int, frac) = (t / 1000, t % 1000);
        match frac {
            0 => write!(f, "{int}"),
            _ if frac % 100 == 0 => write!(f, "{int}.{}", frac / 100),
            _ if frac % 10 == 0 => write!(f, "{int}.{:02}", frac / 10),
            _ => write!(f, "{int}.{frac:03}"),
        }
    }
}

/// `1 Gbps`, `10 Gbps`, `100 Mbps`.
struct Rate(u64);

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 >= 1000 && self.0.is_multiple_of(1000) {
            write!(f, "{} Gbps", self.0 / 1000)
        } else {
            write!(f, "{} Mbps", self.0)
        }
    }
}

/// Bytes as megabytes with two decimals (`6.25`), without float formatting quirks.
struct Megabytes(f64);

impl fmt::Display for Megabytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Hundredths of a MB, rounded half up; f64 → u64 saturates on huge values.
        let hundredths = (self.0 / 10_000.0 + 0.5) as u64;
        write!(f, "{}.{:02}", hundredths / 100, hundredths % 100)
    }
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    match rule {
        Rule::RttTooHigh => Some(false),
        Rule::ConnectivityFailed
        | Rule::ConnectivityLossy
        | Rule::ConnectivityUnverified
        | Rule::JumboPathFailed
        | Rule::JumboPathUnverified
        | Rule::RoutedVmotion
        | Rule::LongDistanceVmotion => Some(true),
        _ => None,
    }
}
