//! The typed rows of the other ESXi commands a transcript holds (DESIGN.md §7): the
//! ESXi version, interface tags, routes, physical NICs and vSwitches. Filled by
//! `vmkcheck_parse_transcript` into the arrays of a `vmkcheck_transcript`; strings are
//! `vmkcheck_str` views into the caller's text, enumerations static names.

use core::ffi::c_char;

use vmkcheck_core::nic::Nic;
use vmkcheck_core::route::RouteRow;
use vmkcheck_core::tags::Tags;
use vmkcheck_core::version::Version;
use vmkcheck_core::vswitch::{Dvport, Portgroup, Switch};

use crate::names::c_name;
use crate::typed::vmkcheck_str;

fn opt_u32(v: Option<u32>) -> i64 {
    v.map_or(-1, i64::from)
}

/// What `vmware -v`, `vmware -vl` or `esxcli system version get` printed (JSON
/// `version`). One per `version` section: `versions[section.first_item]`.
///
/// Absent values: views with `ptr` NULL, numbers -1, `line` 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_esxi_version {
    /// 1-based line of the first line that gave a field; 0 when none did (JSON `null`).
    pub line: u32,
    /// `VMware ESXi` (`VMware ESX` on 4.x).
    pub product: vmkcheck_str,
    /// The version as printed (`7.0.3`; the fullest form when several lines give one);
    /// absent when it is not a number (`8.0.x`, diagnosed).
    pub version: vmkcheck_str,
    /// The build number (`20328353` of `build-20328353`); -1 absent.
    pub build: i64,
    /// The update as printed: `3`, `GA`, `0`.
    pub update: vmkcheck_str,
    /// esxcli's `Patch:` as printed (`65`).
    pub patch: vmkcheck_str,
    /// `version` read as numbers (`7` of `7.0.3`); -1 when `version` is absent.
    pub major: i32,
    /// Second number of `version` (0 when not printed, as in `7.0`); -1 absent.
    pub minor: i32,
    /// Third number of `version` (0 when not printed); -1 absent.
    pub patch_level: i32,
}

impl vmkcheck_esxi_version {
    pub(crate) fn of(v: &Version<'_>) -> Self {
        let n = v.number();
        Self {
            line: v.line.unwrap_or(0),
            product: vmkcheck_str::opt(v.product),
            version: vmkcheck_str::opt(v.version),
            build: opt_u32(v.build),
            update: vmkcheck_str::opt(v.update),
            patch: vmkcheck_str::opt(v.patch),
            major: n.map_or(-1, |n| i32::from(n.major)),
            minor: n.map_or(-1, |n| i32::from(n.minor)),
            patch_level: n.map_or(-1, |n| i32::from(n.patch)),
        }
    }
}

/// What `esxcli network ip interface tag get -i vmkN` printed (JSON `tags`). One per
/// `tags` section: `tags[section.first_item]`; its tag names are
/// `names[first_tag .. first_tag + n_tags]`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_tags {
    /// 1-based line of the `Tags:` line; 0 when the output has none (JSON `null`).
    pub line: u32,
    /// The vmknic the command names (`-i vmk1`); absent when no command was pasted.
    pub interface: vmkcheck_str,
    /// The `Tags:` value as printed (`Management, VMotion`, possibly empty); absent when
    /// no `Tags:` line was found (JSON `"tags": null`).
    pub value: vmkcheck_str,
    /// The interface carries the vMotion service (a `VMotion` tag, any case).
    pub vmotion: bool,
    /// Index of its first tag name in the names array.
    pub first_tag: usize,
    /// How many tags (JSON `tags` array length; 0 when `value` is absent or empty).
    pub n_tags: usize,
}

impl vmkcheck_tags {
    pub(crate) fn of(t: &Tags<'_>, first_tag: usize, n_tags: usize) -> Self {
        Self {
            line: t.line.unwrap_or(0),
            interface: vmkcheck_str::opt(t.interface),
            value: vmkcheck_str::opt(t.value),
            vmotion: t.vmotion(),
            first_tag,
            n_tags,
        }
    }
}

/// One route of `esxcli network ip route ipv4|ipv6 list` (JSON `route_list[]`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_route_row {
    /// 1-based line of the row.
    pub line: u32,
    /// Netstack from the command (`-N vmotion`); when the command names none, the
    /// static string `defaultTcpipStack` (not a view into the text); absent when no
    /// command was pasted.
    pub netstack: vmkcheck_str,
    /// `"ipv4"` or `"ipv6"` (always present): from the command, else from the values.
    pub family: *const c_char,
    /// Destination as printed (`default`, `192.0.2.0`, `fe80::`).
    pub network: vmkcheck_str,
    /// Netmask as printed (the prefix length on IPv6 routes).
    pub netmask: vmkcheck_str,
    /// Prefix length derived from the netmask; -1 unknown.
    pub prefix_len: i32,
    /// Gateway as printed (`0.0.0.0` / `::` for a directly connected network).
    pub gateway: vmkcheck_str,
    /// `vmkN`.
    pub interface: vmkcheck_str,
    /// `MANUAL`, `DHCP`… as printed; absent on tables without a `Source` column.
    pub source: vmkcheck_str,
    /// A default route (`default`, `0.0.0.0/0`, `::/0`).
    pub is_default: bool,
}

impl vmkcheck_route_row {
    pub(crate) fn of(r: &RouteRow<'_>) -> Self {
        Self {
            line: r.line,
            netstack: vmkcheck_str::opt(r.netstack),
            family: c_name(r.family.as_str()),
            network: vmkcheck_str::opt(r.network),
            netmask: vmkcheck_str::opt(r.netmask),
            prefix_len: r.prefix_len.map_or(-1, i32::from),
            gateway: vmkcheck_str::opt(r.gateway),
            interface: vmkcheck_str::opt(r.interface),
            source: vmkcheck_str::opt(r.source),
            is_default: r.is_default(),
        }
    }
}

/// One physical NIC of `esxcli network nic list` or `esxcfg-nics -l` (JSON
/// `nic_list[]`). Columns a layout lacks are absent.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_nic_row {
    /// 1-based line of the row.
    pub line: u32,
    /// `vmnicN` (always present).
    pub name: vmkcheck_str,
    /// PCI address as printed (`0000:02:00.0`; `Pseudo` for a USB NIC).
    pub pci: vmkcheck_str,
    /// Driver (`ntg3`, `ixgben`…).
    pub driver: vmkcheck_str,
    /// `Admin Status` (`Up`/`Down`), esxcli 6.x and later only.
    pub admin_status: vmkcheck_str,
    /// Link state as printed (`Up`/`Down`).
    pub link: vmkcheck_str,
    /// Speed in Mbit/s (0 when the link is down); -1 absent or unreadable.
    pub speed_mbps: i64,
    /// `Full` / `Half` as printed.
    pub duplex: vmkcheck_str,
    /// MAC address.
    pub mac: vmkcheck_str,
    /// MTU; -1 absent or unreadable.
    pub mtu: i64,
    /// Description (vendor and model).
    pub description: vmkcheck_str,
    /// The link is printed `Up` (any case).
    pub link_up: bool,
    /// The duplex is printed `Half` (any case).
    pub half_duplex: bool,
}

impl vmkcheck_nic_row {
    pub(crate) fn of(n: &Nic<'_>) -> Self {
        Self {
            line: n.line,
            name: vmkcheck_str::of(n.name),
            pci: vmkcheck_str::opt(n.pci),
            driver: vmkcheck_str::opt(n.driver),
            admin_status: vmkcheck_str::opt(n.admin_status),
            link: vmkcheck_str::opt(n.link),
            speed_mbps: opt_u32(n.speed_mbps),
            duplex: vmkcheck_str::opt(n.duplex),
            mac: vmkcheck_str::opt(n.mac),
            mtu: opt_u32(n.mtu),
            description: vmkcheck_str::opt(n.description),
            link_up: n.link_up(),
            half_duplex: n.half_duplex(),
        }
    }
}

/// One switch of `esxcfg-vswitch -l` (JSON `vswitch[]`): a standard vSwitch with its
/// port groups, or a distributed switch with its DVPorts.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_switch_row {
    /// 1-based line of the switch's row.
    pub line: u32,
    /// `"standard"` or `"distributed"` (always present).
    pub kind: *const c_char,
    /// Switch name (a DVS name may hold blanks; always present).
    pub name: vmkcheck_str,
    /// `Num Ports`; -1 absent.
    pub num_ports: i64,
    /// `Used Ports`; -1 absent.
    pub used_ports: i64,
    /// `Configured Ports`; -1 absent (ESX 4.x/5.x print none).
    pub configured_ports: i64,
    /// `MTU`; -1 absent.
    pub mtu: i64,
    /// `Uplinks` as printed (`vmnic0,vmnic1`); absent for an internal switch.
    pub uplinks: vmkcheck_str,
    /// Its uplink NIC names: `names[first_uplink .. first_uplink + n_uplinks]`.
    pub first_uplink: usize,
    /// How many uplinks (JSON `uplinks` array length).
    pub n_uplinks: usize,
    /// Its port groups: `portgroups[first_portgroup .. + n_portgroups]` (standard only).
    pub first_portgroup: usize,
    /// How many port groups.
    pub n_portgroups: usize,
    /// Its DVPorts: `dvports[first_dvport .. + n_dvports]` (distributed only).
    pub first_dvport: usize,
    /// How many DVPorts.
    pub n_dvports: usize,
}

/// Where a switch's lists start in the shared arrays, and their lengths.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SwitchIndex {
    pub first_uplink: usize,
    pub n_uplinks: usize,
    pub first_portgroup: usize,
    pub n_portgroups: usize,
    pub first_dvport: usize,
    pub n_dvports: usize,
}

impl vmkcheck_switch_row {
    pub(crate) fn of(s: &Switch<'_>, at: SwitchIndex) -> Self {
        Self {
            line: s.line,
            kind: c_name(s.kind.as_str()),
            name: vmkcheck_str::of(s.name),
            num_ports: opt_u32(s.num_ports),
            used_ports: opt_u32(s.used_ports),
            configured_ports: opt_u32(s.configured_ports),
            mtu: opt_u32(s.mtu),
            uplinks: vmkcheck_str::opt(s.uplinks_text),
            first_uplink: at.first_uplink,
            n_uplinks: at.n_uplinks,
            first_portgroup: at.first_portgroup,
            n_portgroups: at.n_portgroups,
            first_dvport: at.first_dvport,
            n_dvports: at.n_dvports,
        }
    }
}

/// One port group of a standard switch (JSON `vswitch[].portgroups[]`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_portgroup_row {
    /// 1-based line of the row.
    pub line: u32,
    /// Port group name (may hold blanks and non-ASCII text; always present).
    pub name: vmkcheck_str,
    /// `VLAN ID`, 0-4095 (4095: all VLANs); -1 absent.
    pub vlan_id: i32,
    /// `Used Ports`; -1 absent.
    pub used_ports: i64,
    /// `Uplinks` as printed (the active ones); absent when empty.
    pub uplinks: vmkcheck_str,
    /// Its uplink NIC names: `names[first_uplink .. first_uplink + n_uplinks]`.
    pub first_uplink: usize,
    /// How many uplinks.
    pub n_uplinks: usize,
    /// Index of its switch in the switches array.
    pub switch_index: usize,
}

impl vmkcheck_portgroup_row {
    pub(crate) fn of(p: &Portgroup<'_>, first_uplink: usize, n_uplinks: usize, sw: usize) -> Self {
        Self {
            line: p.line,
            name: vmkcheck_str::of(p.name),
            vlan_id: p.vlan_id.map_or(-1, i32::from),
            used_ports: opt_u32(p.used_ports),
            uplinks: vmkcheck_str::opt(p.uplinks_text),
            first_uplink,
            n_uplinks,
            switch_index: sw,
        }
    }
}

/// One DVPort of a distributed switch (JSON `vswitch[].dvports[]`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct vmkcheck_dvport_row {
    /// 1-based line of the row.
    pub line: u32,
    /// The DVPort id as printed (always present).
    pub id: vmkcheck_str,
    /// `In Use`: 1 true, 0 false, -1 absent.
    pub in_use: i32,
    /// What is connected (`vmk1`, `vmnic2`, a VM's NIC); absent when empty.
    pub client: vmkcheck_str,
    /// Index of its switch in the switches array.
    pub switch_index: usize,
}

impl vmkcheck_dvport_row {
    pub(crate) fn of(d: &Dvport<'_>, sw: usize) -> Self {
        Self {
            line: d.line,
            id: vmkcheck_str::of(d.id),
            in_use: d.in_use.map_or(-1, i32::from),
            client: vmkcheck_str::opt(d.client),
            switch_index: sw,
        }
    }
}
