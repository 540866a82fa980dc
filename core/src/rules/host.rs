//! Rules about one host's interfaces.

use core::fmt;

use super::catalog::Rule;
use super::engine::{Model, tags_known};
use super::finding::{Finding, Part};
use super::model::Row;
use crate::facts::Tags;
use crate::shape;
use crate::vmknic::Family;

/// Runs every host rule on host `h`.
pub(crate) fn check<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    vmotion_not_configured(m, h, sink);
    vmotion_interface_unknown(m, h, sink);
    vmotion_on_management(m, h, sink);
    vmotion_interface_disabled(m, h, sink);
    vmotion_interface_dhcp(m, h, sink);
    vmotion_interface_no_address(m, h, sink);
    default_stack_vmotion_ignored(m, h, sink);
    jumbo_frames_not_enabled(m, h, sink);
    mtu_out_of_range(m, h, sink);
    provisioning_stack_absent(m, h, sink);
    broadcast_mismatch(m, h, sink);
    address_unparseable(m, h, sink);
}

fn at_row<'a>(m: &Model<'_, 'a>, rule: Rule, r: &Row<'a>) -> Finding<'a> {
    let host = m.name(r.host);
    Finding::new(rule)
        .host(host)
        .interface(r.row.interface)
        .at(host, r.source, r.row.line)
}

/// The first row passing `keep` of each interface (rows are grouped by interface).
fn per_interface<'r, 'a>(
    rows: &'r [Row<'a>],
    keep: impl Fn(&Row<'a>) -> bool + 'r,
) -> impl Iterator<Item = &'r Row<'a>> + 'r {
    rows.chunk_by(|a, b| a.row.interface == b.row.interface)
        .filter_map(move |g| g.iter().find(|r| keep(r)))
}

fn disabled_on_stack(m: &Model<'_, '_>, h: usize) -> bool {
    m.rows_of(h)
        .iter()
        .any(|r| r.on_netstack("vmotion") && r.row.enabled == Some(false))
}

/// `vmotion-not-configured` (error): no vmk on the vmotion netstack and the host's
/// tags (facts) show no VMotion vmk either: vMotion to or from it fails ("Host
/// Configuration for vSphere vMotion").
fn vmotion_not_configured<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    if m.vmotion_rows(h).next().is_none()
        && !disabled_on_stack(m, h)
        && tags_known(m, h)
        && m.host(h).is_some_and(|x| x.table.is_some())
    {
        let (source, line) = m.host(h).and_then(|x| x.table).unwrap_or((0, 0));
        sink(
            Finding::new(Rule::VmotionNotConfigured)
                .host(m.name(h))
                .at(m.name(h), source, line),
        );
    }
}

/// `vmotion-interface-unknown` (unverified): no vmk on the vmotion netstack and no tag
/// evidence, so which vmk carries vMotion (if any) is unknown (KB 1008127: `esxcli
/// network ip interface tag get`).
fn vmotion_interface_unknown<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    if m.vmotion_rows(h).next().is_some() || disabled_on_stack(m, h) || tags_known(m, h) {
        return;
    }
    let table = m.host(h).and_then(|x| x.table);
    let (source, line) = table.unwrap_or((m.source(h), 0));
    sink(
        Finding::new(Rule::VmotionInterfaceUnknown)
            .host(m.name(h))
            .at(m.name(h), source, line)
            .flag(u8::from(table.is_none())),
    );
}

/// `vmotion-on-management` (warning): a vMotion interface is also tagged Management;
/// vMotion then competes with management traffic (vSphere networking best practices).
fn vmotion_on_management<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    let both = |r: &Row<'_>| r.vmotion && r.tags.is_some_and(|t| t.contains(Tags::MANAGEMENT));
    for r in per_interface(m.rows_of(h), both) {
        sink(at_row(m, Rule::VmotionOnManagement, r).texts([r.row.interface, "", ""]));
    }
}

/// `vmotion-interface-disabled` (error): a vmk on the vmotion netstack has Enabled
/// false: it carries no traffic.
fn vmotion_interface_disabled<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in per_interface(m.rows_of(h), |r| {
        r.on_netstack("vmotion") && r.row.enabled == Some(false)
    }) {
        sink(at_row(m, Rule::VmotionInterfaceDisabled, r).texts([r.row.interface, "", ""]));
    }
}

/// `vmotion-interface-dhcp` (warning): a vMotion address from DHCP can change under a
/// running migration; vMotion interfaces should be static.
fn vmotion_interface_dhcp<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in per_interface(m.rows_of(h), |r| {
        r.vmotion && r.row.type_.is_some_and(|t| t.contains("DHCP"))
    }) {
        sink(at_row(m, Rule::VmotionInterfaceDhcp, r).texts([
            r.row.interface,
            r.row.address.unwrap_or(""),
            r.row.netmask.unwrap_or(""),
        ]));
    }
}

/// `vmotion-interface-no-address` (error): a vMotion interface whose rows carry no
/// address other than `N/A`, empty or link-local cannot reach a peer.
fn vmotion_interface_no_address<'a>(
    m: &Model<'_, 'a>,
    h: usize,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    for g in m.interfaces(h) {
        let Some(r) = g.first().filter(|r| r.vmotion) else {
            continue;
        };
        if !g.iter().any(|s| s.usable_address().is_some()) {
            sink(at_row(m, Rule::VmotionInterfaceNoAddress, r).texts([
                r.row.interface,
                r.row.portgroup.unwrap_or(""),
                "",
            ]));
        }
    }
}

/// `default-stack-vmotion-ignored` (warning): once a host has a vmk on the vmotion
/// netstack, ESXi disables vMotion on the default stack, so a default-stack vmk tagged
/// VMotion carries none ("Place vMotion Traffic on the vMotion TCP/IP Stack").
fn default_stack_vmotion_ignored<'a>(
    m: &Model<'_, 'a>,
    h: usize,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let rows = m.rows_of(h);
    let Some(stack) = rows.iter().find(|r| r.on_netstack("vmotion")) else {
        return;
    };
    let tagged = |r: &Row<'_>| {
        !r.on_netstack("vmotion") && r.tags.is_some_and(|t| t.contains(Tags::VMOTION))
    };
    for r in per_interface(rows, tagged) {
        sink(at_row(m, Rule::DefaultStackVmotionIgnored, r).texts([
            r.row.interface,
            stack.row.interface,
            "",
        ]));
    }
}

/// `jumbo-frames-not-enabled` (info): a vMotion interface below MTU 9000 moves memory
/// in more, smaller frames (jumbo frames are recommended for vMotion).
fn jumbo_frames_not_enabled<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in per_interface(m.rows_of(h), |r| r.vmotion) {
        if let Some(mtu) = r.row.mtu.filter(|m| *m < 9000) {
            sink(
                at_row(m, Rule::JumboFramesNotEnabled, r)
                    .texts([r.row.interface, "", ""])
                    .numbers(mtu.into(), 0),
            );
        }
    }
}

/// `mtu-out-of-range` (error): ESXi vmk MTUs range from 1280 to 9000; outside that the
/// interface is misconfigured or the paste was edited.
fn mtu_out_of_range<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in per_interface(m.rows_of(h), |r| r.vmotion) {
        if let Some(mtu) = r.row.mtu.filter(|m| !(1280..=9000).contains(m)) {
            sink(
                at_row(m, Rule::MtuOutOfRange, r)
                    .texts([r.row.interface, "", ""])
                    .numbers(mtu.into(), 0),
            );
        }
    }
}

/// `provisioning-stack-absent` (info): with no vmk on the vSphereProvisioning netstack,
/// cold migration, cloning and snapshot data go over the management network.
fn provisioning_stack_absent<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    let rows = m.rows_of(h);
    // Only tables that show netstacks (ESXi 6.0+) can tell.
    if rows.iter().any(|r| r.row.netstack.is_some())
        && !rows.iter().any(|r| r.on_netstack("vSphereProvisioning"))
    {
        let (source, line) = m.host(h).and_then(|x| x.table).unwrap_or((0, 0));
        sink(
            Finding::new(Rule::ProvisioningStackAbsent)
                .host(m.name(h))
                .at(m.name(h), source, line),
        );
    }
}

/// The network of a valid address and its prefix, as a number (IPv4 in the low bits).
pub(crate) fn network(r: &Row<'_>) -> Option<(Family, u128, u8)> {
    let prefix = r.row.prefix_len?;
    let addr = r.row.address?;
    let (value, bits) = match r.row.family {
        Family::Ipv4 => (u128::from(u32::from(shape::parse_ipv4(addr)?)), 32u32),
        Family::Ipv6 => (u128::from(shape::parse_ipv6(addr)?), 128u32),
    };
    let host_bits = bits.checked_sub(u32::from(prefix))?;
    let mask = u128::MAX.checked_shl(host_bits).unwrap_or(0);
    Some((r.row.family, value & mask, prefix))
}

/// `broadcast-mismatch` (info): the printed broadcast is not the one address and
/// netmask give: the netmask or the broadcast was set by hand, or the paste was edited.
fn broadcast_mismatch<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in m.rows_of(h) {
        let (Some(addr), Some(prefix), Some(bc)) = (
            r.row.address.and_then(shape::parse_ipv4),
            r.row.prefix_len,
            r.row.broadcast.and_then(shape::parse_ipv4),
        ) else {
            continue;
        };
        let host_mask = u32::MAX.checked_shr(u32::from(prefix)).unwrap_or(0);
        let expected = u32::from(addr) | host_mask;
        if u32::from(bc) != expected && r.row.family == Family::Ipv4 {
            sink(
                at_row(m, Rule::BroadcastMismatch, r)
                    .texts([
                        r.row.broadcast.unwrap_or(""),
                        r.row.address.unwrap_or(""),
                        r.row.netmask.unwrap_or(""),
                    ])
                    .numbers(expected.into(), 0),
            );
        }
    }
}

/// `address-unparseable` (info): an address or netmask that is no valid address
/// (often redacted: `10.xxx.xx.xxx`); rules that need its value skip it, text
/// matching of ping targets still works.
fn address_unparseable<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for r in m.rows_of(h) {
        let bad_addr = r.row.address.filter(|a| match r.row.family {
            Family::Ipv4 => shape::parse_ipv4(a).is_none(),
            Family::Ipv6 => shape::parse_ipv6(a).is_none(),
        });
        let bad_mask = r.row.netmask.filter(|_| r.row.prefix_len.is_none());
        if let Some(text) = bad_addr.or(bad_mask) {
            sink(at_row(m, Rule::AddressUnparseable, r).texts([
                r.row.interface,
                text,
                if bad_addr.is_some() {
                    "address"
                } else {
                    "netmask"
                },
            ]));
        }
    }
}

/// `duplicate-address` (error): one address (not link-local: the vmservice vmk's
/// 169.254.1.1 is on every host) on two interfaces, of one host or of two; traffic
/// for it reaches either. Reads the address index, so it is O(rows).
pub(crate) fn duplicate_addresses<'a>(m: &Model<'_, 'a>, sink: &mut dyn FnMut(Finding<'a>)) {
    let mut prev: Option<&Row<'a>> = None;
    for r in m.index.iter().filter_map(|i| m.rows.get(*i)) {
        let valid = r
            .row
            .address
            .is_some_and(|a| shape::parse_ipv4(a).is_some() || shape::parse_ipv6(a).is_some());
        let Some(addr) = r.usable_address().filter(|_| valid) else {
            continue;
        };
        if let Some(p) = prev.filter(|p| {
            p.row.address == Some(addr) && (p.host, p.row.interface) != (r.host, r.row.interface)
        }) {
            let mut f = at_row(m, Rule::DuplicateAddress, p)
                .texts([addr, p.row.interface, r.row.interface])
                .at(m.name(r.host), r.source, r.row.line);
            if p.host != r.host {
                f = f.peer(m.name(r.host));
            }
            sink(f);
            continue;
        }
        prev = Some(r);
    }
}

/// `multihoming-same-subnet` (warning): two vmks of one netstack in one subnet, not both
/// vMotion interfaces: ESXi picks either for outgoing traffic (KB 2010877).
/// `by_subnet` holds row indices sorted by (host, netstack, network), so each group is
/// adjacent and the rule is O(rows).
pub(crate) fn multihoming_same_subnet<'a>(
    m: &Model<'_, 'a>,
    by_subnet: &[usize],
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let key = |r: &Row<'a>| {
        (
            r.host,
            r.row.netstack.unwrap_or("defaultTcpipStack"),
            network(r),
        )
    };
    let mut group_start = 0usize;
    while group_start < by_subnet.len() {
        let Some(first) = by_subnet.get(group_start).and_then(|i| m.rows.get(*i)) else {
            break;
        };
        let k = key(first);
        let len = by_subnet
            .get(group_start..)
            .map_or(0, |g| {
                g.iter()
                    .take_while(|i| m.rows.get(**i).is_some_and(|r| key(r) == k))
                    .count()
            })
            .max(1);
        let group = by_subnet
            .get(group_start..group_start.saturating_add(len))
            .unwrap_or(&[]);
        let other = group
            .iter()
            .filter_map(|i| m.rows.get(*i))
            .find(|r| r.row.interface != first.row.interface);
        let all_vmotion = group
            .iter()
            .filter_map(|i| m.rows.get(*i))
            .all(|r| r.vmotion);
        if let Some(o) = other.filter(|_| !all_vmotion && k.2.is_some()) {
            sink(
                at_row(m, Rule::MultihomingSameSubnet, first)
                    .at(m.name(o.host), o.source, o.row.line)
                    .texts([
                        first.row.interface,
                        o.row.interface,
                        first.row.netstack.unwrap_or("defaultTcpipStack"),
                    ])
                    .numbers(len as u64, 0),
            );
        }
        group_start = group_start.saturating_add(len);
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
    let host = x.host.unwrap_or(super::finding::HostName::Numbered(0));
    let vmk = x.interface.unwrap_or("vmkN");
    Some(match (x.rule, part) {
        (Rule::VmotionNotConfigured, Part::Message) => write!(f, "{host} has no vMotion interface: no vmk on the vmotion netstack and none tagged VMotion"),
        (Rule::VmotionNotConfigured, Part::Remediation) => f.write_str(
            "vSphere Client: Host > Configure > Networking > VMkernel adapters > Add Networking, TCP/IP stack vMotion; or tag an existing vmk: esxcli network ip interface tag add -i vmkN -t VMotion",
        ),
        (Rule::VmotionInterfaceUnknown, Part::Message) if d.flag == 1 => write!(f, "no esxcfg-vmknic -l output for {host}: its vMotion interface is unknown"),
        (Rule::VmotionInterfaceUnknown, Part::Message) => write!(
            f,
            "{host} has no vmk on the vmotion netstack and no tag evidence: which vmk carries vMotion is unknown"
        ),
        (Rule::VmotionInterfaceUnknown, Part::Remediation) if d.flag == 1 => f.write_str("esxcfg-vmknic -l"),
        (Rule::VmotionInterfaceUnknown, Part::Remediation) => f.write_str(
            "for v in $(esxcfg-vmknic -l | awk '/^vmk/{print $1}' | sort -u); do echo $v; esxcli network ip interface tag get -i $v; done",
        ),
        (Rule::VmotionOnManagement, Part::Message) => write!(f, "{s0} carries both vMotion and Management traffic"),
        (Rule::VmotionOnManagement, Part::Remediation) => write!(
            f,
            "move vMotion to its own vmk on the vMotion TCP/IP stack, then: esxcli network ip interface tag remove -i {s0} -t VMotion"
        ),
        (Rule::VmotionInterfaceDisabled, Part::Message) => write!(f, "{s0} is on the vmotion netstack but disabled"),
        (Rule::VmotionInterfaceDisabled, Part::Remediation) => write!(f, "esxcli network ip interface set -e true -i {s0}"),
        (Rule::VmotionInterfaceDhcp, Part::Message) => write!(f, "vMotion interface {s0} gets its address by DHCP"),
        (Rule::VmotionInterfaceDhcp, Part::Remediation) => {
            let addr = if s1.is_empty() { "<address>" } else { s1 };
            let mask = if s2.is_empty() { "<netmask>" } else { s2 };
            write!(f, "esxcli network ip interface ipv4 set -i {s0} -t static -I {addr} -N {mask}")
        }
        (Rule::VmotionInterfaceNoAddress, Part::Message) => write!(f, "vMotion interface {s0} has no usable address (N/A, empty or link-local only)"),
        (Rule::VmotionInterfaceNoAddress, Part::Remediation) => write!(f, "esxcli network ip interface ipv4 set -i {s0} -t static -I <address> -N <netmask>"),
        (Rule::DefaultStackVmotionIgnored, Part::Message) => write!(
            f,
            "{s0} is tagged VMotion on the default stack, but {s1} is on the vmotion netstack: ESXi uses only the vmotion netstack, so {s0} carries no vMotion"
        ),
        (Rule::DefaultStackVmotionIgnored, Part::Remediation) => write!(f, "esxcli network ip interface tag remove -i {s0} -t VMotion"),
        (Rule::JumboFramesNotEnabled, Part::Message) => write!(f, "vMotion interface {s0} has MTU {n0}; jumbo frames (9000) move memory faster"),
        (Rule::JumboFramesNotEnabled, Part::Remediation) => write!(
            f,
            "if every switch on the path carries jumbo frames: esxcli network ip interface set -m 9000 -i {s0} (and the vSwitch: esxcfg-vswitch -m 9000 vSwitchN)"
        ),
        (Rule::MtuOutOfRange, Part::Message) => write!(f, "vMotion interface {s0} has MTU {n0}, outside 1280..9000"),
        (Rule::MtuOutOfRange, Part::Remediation) => write!(f, "esxcli network ip interface set -m 9000 -i {s0}"),
        (Rule::ProvisioningStackAbsent, Part::Message) => write!(
            f,
            "{host} has no vmk on the vSphereProvisioning netstack: cold migration and clone data go over management"
        ),
        (Rule::ProvisioningStackAbsent, Part::Remediation) => f.write_str(
            "vSphere Client: Host > Configure > Networking > VMkernel adapters > Add Networking, TCP/IP stack Provisioning",
        ),
        (Rule::BroadcastMismatch, Part::Message) => {
            let e = u32::try_from(n0).unwrap_or(0).to_be_bytes();
            write!(f, "{vmk}: broadcast {s0} does not match {s1}/{s2} (expected {}.{}.{}.{})", e[0], e[1], e[2], e[3])
        }
        (Rule::BroadcastMismatch, Part::Remediation) => write!(f, "esxcli network ip interface ipv4 get -i {vmk}"),
        (Rule::AddressUnparseable, Part::Message) => write!(f, "{s0}: {s2} {s1:?} is not valid (redacted?); rules that need its value skip it"),
        (Rule::DuplicateAddress, Part::Message) => match x.peer {
            Some(p) => write!(f, "{s0} is on {host} {s1} and on {p} {s2}"),
            None => write!(f, "{s0} is on both {s1} and {s2} of {host}"),
        },
        (Rule::DuplicateAddress, Part::Remediation) => write!(f, "give one of them a free address: esxcli network ip interface ipv4 set -i {s2} -t static -I <free address> -N <netmask>"),
        (Rule::MultihomingSameSubnet, Part::Message) => write!(
            f,
            "{s0} and {s1} are both on {s2} in one subnet ({n0} vmks), not all for vMotion: ESXi may send from either"
        ),
        (Rule::MultihomingSameSubnet, Part::Remediation) => write!(
            f,
            "put {s1} in its own subnet or on its own TCP/IP stack (KB 2010877)"
        ),
        _ => {
            let _ = n1;
            return None;
        }
    })
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    match rule {
        Rule::AddressUnparseable => Some(false),
        Rule::VmotionNotConfigured
        | Rule::VmotionInterfaceUnknown
        | Rule::VmotionOnManagement
        | Rule::VmotionInterfaceDisabled
        | Rule::VmotionInterfaceDhcp
        | Rule::VmotionInterfaceNoAddress
        | Rule::DefaultStackVmotionIgnored
        | Rule::JumboFramesNotEnabled
        | Rule::MtuOutOfRange
        | Rule::ProvisioningStackAbsent
        | Rule::BroadcastMismatch
        | Rule::DuplicateAddress
        | Rule::MultihomingSameSubnet => Some(true),
        _ => None,
    }
}
