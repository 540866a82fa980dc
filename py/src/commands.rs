//! The result classes of the other commands a transcript reads (DESIGN.md §7): service
//! tags, the interface list, IPv4/IPv6 addresses, netstacks, routes, switches, NICs and
//! the ESXi version. (`esxcli network diag ping` gives a [`Ping`](crate::classes::Ping),
//! like `vmkping`.)
//!
//! Attribute names are the JSON field names of the sections (`vmkcheck parse --json`)
//! and `to_dict()` gives exactly that JSON's object. Every class is frozen, compares and
//! hashes by value; nested results are tuples.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::record::{Kids, record};

/// `esxcli network ip interface tag get -i vmkN`: the service tags of one vmknic.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Tags {
    /// 1-based line of the `Tags:` line (None when the output has none).
    #[pyo3(get)]
    pub line: Option<u32>,
    /// The vmknic the command names (`-i vmk1`); None when no command was pasted.
    #[pyo3(get)]
    pub interface: Option<String>,
    pub tags: Option<Vec<String>>,
}

record!(Tags {
    line => "line",
    interface => "interface",
    tags => "tags",
}
    /// The tags as printed, e.g. `("Management", "VMotion")`; `()` for a vmknic without
    /// services, None when no `Tags:` line was found.
    #[getter]
    fn tags<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.tags.as_ref().map(|t| PyTuple::new(py, t)).transpose()
    }
);

/// One vmknic of `esxcli network ip interface list`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct InterfaceRow {
    /// 1-based line of the block's name line (of its first pair when it has none).
    #[pyo3(get)]
    pub line: u32,
    /// `Name`: `vmkN`.
    #[pyo3(get)]
    pub name: Option<String>,
    /// `MAC Address`, as printed.
    #[pyo3(get)]
    pub mac: Option<String>,
    /// `Enabled`.
    #[pyo3(get)]
    pub enabled: Option<bool>,
    /// `Portset` (`vSwitch0`, `DvsPortset-0`).
    #[pyo3(get)]
    pub portset: Option<String>,
    /// `Portgroup` (standard switch; None on a distributed switch).
    #[pyo3(get)]
    pub portgroup: Option<String>,
    /// `Netstack Instance` (ESXi 6.0 and later).
    #[pyo3(get)]
    pub netstack: Option<String>,
    /// `VDS Name`.
    #[pyo3(get)]
    pub vds_name: Option<String>,
    /// `VDS UUID`, as printed.
    #[pyo3(get)]
    pub vds_uuid: Option<String>,
    /// `VDS Port`, as printed (a DVPort key).
    #[pyo3(get)]
    pub vds_port: Option<String>,
    /// `MTU`.
    #[pyo3(get)]
    pub mtu: Option<u32>,
    /// `TSO MSS`.
    #[pyo3(get)]
    pub tso_mss: Option<u32>,
    /// `Port ID`.
    #[pyo3(get)]
    pub port_id: Option<u32>,
}

record!(InterfaceRow {
    line => "line",
    name => "name",
    mac => "mac",
    enabled => "enabled",
    portset => "portset",
    portgroup => "portgroup",
    netstack => "netstack",
    vds_name => "vds_name",
    vds_uuid => "vds_uuid",
    vds_port => "vds_port",
    mtu => "mtu",
    tso_mss => "tso_mss",
    port_id => "port_id",
});

/// One row of `esxcli network ip interface ipv4 get`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Ipv4Row {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// `vmkN` (the `Name` column).
    #[pyo3(get)]
    pub interface: String,
    /// The IPv4 address as printed (kept when redacted).
    #[pyo3(get)]
    pub address: Option<String>,
    /// The netmask as printed.
    #[pyo3(get)]
    pub netmask: Option<String>,
    /// Prefix length derived from the netmask (None when it is not a valid mask).
    #[pyo3(get)]
    pub prefix_len: Option<u8>,
    /// The broadcast address as printed.
    #[pyo3(get)]
    pub broadcast: Option<String>,
    /// The address type: `STATIC`, `DHCP`, `NONE`.
    #[pyo3(get, name = "type")]
    pub type_: Option<String>,
    /// The gateway as printed (`0.0.0.0` when none); None on 5.x, which has no column.
    #[pyo3(get)]
    pub gateway: Option<String>,
    /// `DHCP DNS`.
    #[pyo3(get)]
    pub dhcp_dns: Option<bool>,
}

record!(Ipv4Row {
    line => "line",
    interface => "interface",
    address => "address",
    netmask => "netmask",
    prefix_len => "prefix_len",
    broadcast => "broadcast",
    type_ => "type",
    gateway => "gateway",
    dhcp_dns => "dhcp_dns",
});

/// One row of `esxcli network ip interface ipv6 address list`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Ipv6Row {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// `vmkN`.
    #[pyo3(get)]
    pub interface: String,
    /// The IPv6 address as printed.
    #[pyo3(get)]
    pub address: Option<String>,
    /// Prefix length (the `Netmask` column).
    #[pyo3(get)]
    pub prefix_len: Option<u8>,
    /// `STATIC`, `DHCP`, `AUTOCONF`… as printed.
    #[pyo3(get, name = "type")]
    pub type_: Option<String>,
    /// `PREFERRED`, `DEPRECATED`, `TENTATIVE`… as printed.
    #[pyo3(get)]
    pub status: Option<String>,
}

record!(Ipv6Row {
    line => "line",
    interface => "interface",
    address => "address",
    prefix_len => "prefix_len",
    type_ => "type",
    status => "status",
});

/// One TCP/IP stack of `esxcli network ip netstack list`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct NetstackRow {
    /// 1-based line of the block's name line (of its first pair when it has none).
    #[pyo3(get)]
    pub line: u32,
    /// `Key`: the instance key, as `-N` takes it (`defaultTcpipStack`, `vmotion`…).
    #[pyo3(get)]
    pub key: Option<String>,
    /// `Name`.
    #[pyo3(get)]
    pub name: Option<String>,
    /// `State` (4660 when the stack runs).
    #[pyo3(get)]
    pub state: Option<u32>,
}

record!(NetstackRow {
    line => "line",
    key => "key",
    name => "name",
    state => "state",
});

/// One route of `esxcli network ip route ipv4 list` / `route ipv6 list`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct RouteRow {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// The netstack from the command (`defaultTcpipStack` when it names none); None when
    /// no command was pasted.
    #[pyo3(get)]
    pub netstack: Option<String>,
    /// `"ipv4"` or `"ipv6"`: from the command, else from the row's values.
    #[pyo3(get)]
    pub family: &'static str,
    /// The destination as printed (`default`, `192.0.2.0`, `fe80::`).
    #[pyo3(get)]
    pub network: Option<String>,
    /// The netmask as printed (the prefix length on IPv6 routes).
    #[pyo3(get)]
    pub netmask: Option<String>,
    /// Prefix length derived from the netmask.
    #[pyo3(get)]
    pub prefix_len: Option<u8>,
    /// The gateway as printed (`0.0.0.0` / `::` for a directly connected network).
    #[pyo3(get)]
    pub gateway: Option<String>,
    /// `vmkN`.
    #[pyo3(get)]
    pub interface: Option<String>,
    /// `MANUAL`, `DHCP`… as printed; None on tables without a `Source` column.
    #[pyo3(get)]
    pub source: Option<String>,
}

record!(RouteRow {
    line => "line",
    netstack => "netstack",
    family => "family",
    network => "network",
    netmask => "netmask",
    prefix_len => "prefix_len",
    gateway => "gateway",
    interface => "interface",
    source => "source",
});

/// One port group of a standard switch in `esxcfg-vswitch -l`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Portgroup {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// The port group's name.
    #[pyo3(get)]
    pub name: String,
    /// `VLAN ID`, 0–4095 (4095: all VLANs).
    #[pyo3(get)]
    pub vlan_id: Option<u16>,
    /// `Used Ports`.
    #[pyo3(get)]
    pub used_ports: Option<u32>,
    pub uplinks: Vec<String>,
}

record!(Portgroup {
    line => "line",
    name => "name",
    vlan_id => "vlan_id",
    used_ports => "used_ports",
    uplinks => "uplinks",
}
    /// The active uplinks, e.g. `("vmnic0", "vmnic1")`.
    #[getter]
    fn uplinks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.uplinks)
    }
);

/// One DVPort of a distributed switch in `esxcfg-vswitch -l`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Dvport {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// The DVPort id as printed (a number, or a string on some switches).
    #[pyo3(get)]
    pub id: String,
    /// `In Use`.
    #[pyo3(get)]
    pub in_use: Option<bool>,
    /// What is connected: `vmk1`, `vmnic2`, a VM's NIC; None when empty.
    #[pyo3(get)]
    pub client: Option<String>,
}

record!(Dvport {
    line => "line",
    id => "id",
    in_use => "in_use",
    client => "client",
});

/// One switch of `esxcfg-vswitch -l`: a standard vSwitch or a distributed switch.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Switch {
    /// 1-based line of the switch's row.
    #[pyo3(get)]
    pub line: u32,
    /// `"standard"` or `"distributed"`.
    #[pyo3(get)]
    pub kind: &'static str,
    /// The switch's name.
    #[pyo3(get)]
    pub name: String,
    /// `Num Ports`.
    #[pyo3(get)]
    pub num_ports: Option<u32>,
    /// `Used Ports`.
    #[pyo3(get)]
    pub used_ports: Option<u32>,
    /// `Configured Ports` (None on ESX 4.x/5.x, which do not print it).
    #[pyo3(get)]
    pub configured_ports: Option<u32>,
    /// `MTU`.
    #[pyo3(get)]
    pub mtu: Option<u32>,
    pub uplinks: Vec<String>,
    pub portgroups: Kids<Portgroup>,
    pub dvports: Kids<Dvport>,
}

record!(Switch {
    line => "line",
    kind => "kind",
    name => "name",
    num_ports => "num_ports",
    used_ports => "used_ports",
    configured_ports => "configured_ports",
    mtu => "mtu",
    uplinks => "uplinks",
    portgroups => "portgroups",
    dvports => "dvports",
}
    /// The uplink NICs, e.g. `("vmnic0", "vmnic1")`; `()` for an internal switch.
    #[getter]
    fn uplinks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.uplinks)
    }

    /// The port groups of a standard switch (`()` for a distributed one).
    #[getter]
    fn portgroups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.portgroups.tuple(py)
    }

    /// The DVPorts of a distributed switch (`()` for a standard one).
    #[getter]
    fn dvports<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.dvports.tuple(py)
    }
);

/// One physical NIC of `esxcli network nic list` or `esxcfg-nics -l`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Nic {
    /// 1-based line of the row.
    #[pyo3(get)]
    pub line: u32,
    /// `vmnicN`.
    #[pyo3(get)]
    pub name: String,
    /// The PCI address as printed (`0000:02:00.0`; `Pseudo` for a USB NIC).
    #[pyo3(get)]
    pub pci: Option<String>,
    /// The driver (`ntg3`, `ixgben`…).
    #[pyo3(get)]
    pub driver: Option<String>,
    /// `Admin Status` (`Up`/`Down`), esxcli 6.x and later only.
    #[pyo3(get)]
    pub admin_status: Option<String>,
    /// The link state as printed (`Up`/`Down`).
    #[pyo3(get)]
    pub link: Option<String>,
    /// Speed in Mbit/s (0 when the link is down).
    #[pyo3(get)]
    pub speed_mbps: Option<u32>,
    /// `Full` / `Half` as printed.
    #[pyo3(get)]
    pub duplex: Option<String>,
    /// The MAC address.
    #[pyo3(get)]
    pub mac: Option<String>,
    /// The MTU.
    #[pyo3(get)]
    pub mtu: Option<u32>,
    /// Vendor and model, as printed.
    #[pyo3(get)]
    pub description: Option<String>,
}

record!(Nic {
    line => "line",
    name => "name",
    pci => "pci",
    driver => "driver",
    admin_status => "admin_status",
    link => "link",
    speed_mbps => "speed_mbps",
    duplex => "duplex",
    mac => "mac",
    mtu => "mtu",
    description => "description",
});

/// The ESXi version: `vmware -v`, `vmware -vl` or `esxcli system version get`.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Version {
    /// 1-based line of the first line that gave a field (None when none did).
    #[pyo3(get)]
    pub line: Option<u32>,
    /// `VMware ESXi` (`VMware ESX` on 4.x).
    #[pyo3(get)]
    pub product: Option<String>,
    /// The version as printed, e.g. `"7.0.3"` (None when it is not a number).
    #[pyo3(get)]
    pub version: Option<String>,
    /// The build number (`20328353` of `build-20328353`).
    #[pyo3(get)]
    pub build: Option<u32>,
    /// The update as printed: `"3"`, `"GA"`, `"0"`.
    #[pyo3(get)]
    pub update: Option<String>,
    /// esxcli's `Patch:` as printed.
    #[pyo3(get)]
    pub patch: Option<String>,
}

record!(Version {
    line => "line",
    product => "product",
    version => "version",
    build => "build",
    update => "update",
    patch => "patch",
});
