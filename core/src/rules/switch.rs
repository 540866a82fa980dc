//! Rules on what carries a host's vMotion traffic out of it: the vSwitch under each
//! vMotion interface (`esxcfg-vswitch -l`) and that switch's uplinks (`esxcli network
//! nic list`, `esxcfg-nics -l`).

use core::fmt;

use super::catalog::Rule;
use super::engine::Model;
use super::finding::{Finding, Part};
use super::model::Row;
use crate::nic::{Nic, NicList};
use crate::transcript::SectionKind;
use crate::vswitch::{Switch, SwitchKind, VswitchList};

/// The host's rules of this module.
pub(crate) fn check<'a>(m: &Model<'_, 'a>, h: usize, sink: &mut dyn FnMut(Finding<'a>)) {
    for (_, r) in m.vmotion_interfaces(h) {
        let Some((switch, source)) = switch_of(m, h, r) else {
            continue;
        };
        vswitch_mtu_too_small(m, h, r, switch, source, sink);
        uplinks(m, h, r, switch, source, sink);
    }
}

/// The switch a vmk is on, and the source its listing is in: the switch the interface
/// list names (`Portset` / `VDS Name`), else the one holding the row's port group or
/// DVPort, else the DVS listing the vmk as a DVPort client. The last listing pasted wins.
pub(crate) fn switch_of<'a>(m: &Model<'_, 'a>, h: usize, r: &Row<'a>) -> Option<(Switch<'a>, u32)> {
    let vmk = r.row.interface;
    let named = m
        .sections_of(h, SectionKind::InterfaceList)
        .filter_map(|s| s.section.interface_list())
        .flat_map(|l| l.rows())
        .filter(|i| i.name == Some(vmk))
        .last();
    m.sections_of(h, SectionKind::Vswitch)
        .filter_map(|s| Some((s.section.vswitch()?, s.source)))
        .filter_map(|(list, source)| Some((on(&list, r, named)?, source)))
        .last()
}

fn on<'a>(
    list: &VswitchList<'a>,
    r: &Row<'a>,
    named: Option<crate::iface::InterfaceRow<'a>>,
) -> Option<Switch<'a>> {
    let by_name = named.and_then(|i| {
        // A DVS vmk's `Portset` is `DvsPortset-N`; its `VDS Name` names the switch.
        i.vds_name
            .and_then(|n| list.switch(n))
            .or_else(|| i.portset.and_then(|n| list.switch(n)))
    });
    by_name.or_else(|| list.switch_of_vmknic(r.row.portgroup, r.row.interface))
}

/// `vswitch-mtu-too-small` (error): a vMotion vmk's MTU is above its switch's. The vmk
/// sends frames the switch drops, so full-size vMotion traffic never leaves the host
/// (KB 1038827: raise the switch's MTU first, then the vmk's).
fn vswitch_mtu_too_small<'a>(
    m: &Model<'_, 'a>,
    h: usize,
    r: &Row<'a>,
    switch: Switch<'a>,
    source: u32,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let (Some(vmk_mtu), Some(sw_mtu)) = (r.row.mtu, switch.mtu) else {
        return;
    };
    if vmk_mtu > sw_mtu {
        let name = m.name(h);
        sink(
            Finding::new(Rule::VswitchMtuTooSmall)
                .host(name)
                .interface(r.row.interface)
                .texts([r.row.interface, switch.name, ""])
                .numbers(vmk_mtu.into(), sw_mtu.into())
                .flag(u8::from(switch.kind == SwitchKind::Distributed))
                .at(name, r.source, r.row.line)
                .at(name, source, switch.line),
        );
    }
}

/// `link-capacity-low` (warning), from the NIC list: an uplink of a vMotion vmk's switch
/// that is up at below 1000 Mbps or at half duplex (vMotion needs 1 GbE; at half duplex
/// a migration's two-way traffic collides). Down links are not rated.
fn uplinks<'a>(
    m: &Model<'_, 'a>,
    h: usize,
    r: &Row<'a>,
    switch: Switch<'a>,
    source: u32,
    sink: &mut dyn FnMut(Finding<'a>),
) {
    let name = m.name(h);
    for uplink in switch.uplinks() {
        let Some((nic, nic_source)) = nic(m, h, uplink) else {
            continue;
        };
        let slow = nic.speed_mbps.is_some_and(|s| s < 1000);
        if nic.link_up() && (slow || nic.half_duplex()) {
            sink(
                Finding::new(Rule::LinkCapacityLow)
                    .host(name)
                    .interface(r.row.interface)
                    .texts([r.row.interface, nic.name, switch.name])
                    .numbers(
                        nic.speed_mbps.unwrap_or(0).into(),
                        u64::from(nic.half_duplex()),
                    )
                    .flag(2)
                    .at(name, nic_source, nic.line)
                    .at(name, source, switch.line),
            );
        }
    }
}

/// The NIC named `name` in the host's last NIC list that lists it.
fn nic<'a>(m: &Model<'_, 'a>, h: usize, name: &str) -> Option<(Nic<'a>, u32)> {
    m.sections_of(h, SectionKind::NicList)
        .filter_map(|s| Some((s.section.nic_list()?, s.source)))
        .filter_map(|(l, source): (NicList<'a>, u32)| Some((l.nic(name)?, source)))
        .last()
}

/// Whether the host's vMotion uplinks were rated from a NIC list (then the facts'
/// `line_rate_mbps` is not used for `link-capacity-low`).
pub(crate) fn nics_listed(m: &Model<'_, '_>, h: usize) -> bool {
    m.sections_of(h, SectionKind::NicList).next().is_some()
}

pub(crate) fn render(
    x: &Finding<'_>,
    part: Part,
    f: &mut fmt::Formatter<'_>,
) -> Option<fmt::Result> {
    let [vmk, s1, s2] = x.detail.s;
    let [n0, n1] = x.detail.n;
    let dvs = x.detail.flag == 1;
    Some(match (x.rule, part) {
        (Rule::VswitchMtuTooSmall, Part::Message) => write!(
            f,
            "{vmk} has MTU {n0} but its {} {s1} has MTU {n1}: frames above {n1} bytes are dropped, so vMotion at full size fails",
            if dvs { "distributed switch" } else { "vSwitch" }
        ),
        (Rule::VswitchMtuTooSmall, Part::Remediation) if dvs => write!(
            f,
            "vSphere Client: Networking > {s1} > Configure > Settings > Properties > Edit > Advanced > MTU {n0} (or lower the vmk: esxcli network ip interface set -m {n1} -i {vmk})"
        ),
        (Rule::VswitchMtuTooSmall, Part::Remediation) => write!(
            f,
            "esxcli network vswitch standard set -m {n0} -v {s1} (or lower the vmk: esxcli network ip interface set -m {n1} -i {vmk})"
        ),
        (Rule::LinkCapacityLow, Part::Message) if x.detail.flag == 2 => write!(
            f,
            "{s1}, an uplink of {s2} under {vmk}, is up at {n0} Mbps{}: vMotion needs 1000 Mbps or more at full duplex",
            if n1 == 1 { " half duplex" } else { "" }
        ),
        (Rule::LinkCapacityLow, Part::Remediation) if x.detail.flag == 2 => write!(
            f,
            "check the cable and the switch port of {s1}, and let it negotiate: esxcli network nic set -n {s1} -a; or move {vmk}'s port group to faster uplinks"
        ),
        _ => return None,
    })
}

pub(crate) fn has_remediation(rule: Rule) -> Option<bool> {
    matches!(rule, Rule::VswitchMtuTooSmall).then_some(true)
}
