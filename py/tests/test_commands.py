"""The other commands a transcript reads (DESIGN.md §7): tags, interface list, IPv4/IPv6
addresses, netstacks, routes, switches, NICs, version and esxcli diag ping, each as its
frozen class, attribute by attribute (values from the corpus, tests/corpus/g*)."""

from __future__ import annotations

import copy
from typing import Any, List, Tuple

import pytest

import vmkcheck
from conftest import CORPUS, read


def sections(case: str) -> Tuple[vmkcheck.Section, ...]:
    return vmkcheck.parse_transcript(read(CORPUS / case / "input.txt")).sections


def only(case: str, kind: str) -> Any:
    """The output of the case's first section of `kind`."""
    s = next(s for s in sections(case) if s.kind == kind)
    return getattr(s, kind)


def test_tags() -> None:
    ss = sections("g14-tag-get-esxi55-esxi80-empty")
    assert [s.kind for s in ss] == ["tags", "tags", "tags"]
    t0, t1, t2 = (s.tags for s in ss)
    assert isinstance(t0, vmkcheck.Tags)
    assert (t0.line, t0.interface, t0.tags) == (2, "vmk0", ("Management", "VMotion"))
    assert t1 is not None and (t1.line, t1.interface, t1.tags) == (4, "vmk1", ())
    assert t2 is not None and t2.tags == ("VMotion", "faultToleranceLogging", "vSphereBackupNFC", "NVMeTCP")
    assert list(t0.to_dict()) == ["line", "interface", "tags"]
    assert t0.to_dict()["tags"] == ["Management", "VMotion"]  # a list in the JSON
    assert repr(t0) == "Tags(line=2, interface='vmk0', tags=('Management', 'VMotion'))"
    assert ss[0].vmknic is None and ss[0].vmkping is None and ss[0].version is None


def test_tags_without_command_or_tags_line() -> None:
    t = only("g15-tag-get-no-command", "tags")
    assert (t.line, t.interface, t.tags) == (3, None, ("VMotion", "Management"))
    text = "[root@esx01:~] esxcli network ip interface tag get -i vmk9\nError: Invalid interface name vmk9\n"
    s = vmkcheck.parse_transcript(text).sections[0]
    assert s.kind == "tags" and s.tags is not None
    assert (s.tags.line, s.tags.interface, s.tags.tags) == (None, "vmk9", None)
    assert s.tags.to_dict() == {"line": None, "interface": "vmk9", "tags": None}


def test_interface_list() -> None:
    rows = only("g10-interface-list-esxi55-dvs", "interface_list")
    assert isinstance(rows, tuple) and all(isinstance(r, vmkcheck.InterfaceRow) for r in rows)
    vmk1 = rows[1]
    assert (vmk1.line, vmk1.name, vmk1.mac, vmk1.enabled) == (16, "vmk1", "00:50:56:61:a2:ca", True)
    assert (vmk1.portset, vmk1.portgroup, vmk1.netstack) == ("DvsPortset-0", None, None)
    assert (vmk1.vds_name, vmk1.vds_uuid, vmk1.vds_port) == (
        "dvSwitch01", "50 1e 5c 7a 0f 7c 43 2c-9d 4a 1f 2b 0c 6e 8a 11", "106"
    )
    assert (vmk1.mtu, vmk1.tso_mss, vmk1.port_id) == (9000, 65535, 50331656)
    assert rows[2].enabled is False
    rows = only("g11-interface-list-esxi67-netstacks", "interface_list")
    assert [(r.name, r.portgroup, r.netstack, r.mtu) for r in rows] == [
        ("vmk0", "Management Network", "defaultTcpipStack", 1500),
        ("vmk1", "vMotion", "vmotion", 9000),
        ("vmk2", "Provisioning", "vSphereProvisioning", 9000),
    ]
    assert list(rows[0].to_dict()) == [
        "line", "name", "mac", "enabled", "portset", "portgroup", "netstack", "vds_name",
        "vds_uuid", "vds_port", "mtu", "tso_mss", "port_id",
    ]


def test_ipv4_get() -> None:
    rows = only("g02-ipv4-get-70-gateway-crlf", "ipv4_get")
    assert all(isinstance(r, vmkcheck.Ipv4Row) for r in rows)
    vmk0, vmk1, _, vmk3 = rows
    assert (vmk0.line, vmk0.interface, vmk0.address, vmk0.netmask, vmk0.prefix_len) == (
        4, "vmk0", "192.0.2.52", "255.255.255.0", 24
    )
    assert (vmk0.broadcast, vmk0.type, vmk0.gateway, vmk0.dhcp_dns) == (
        "192.0.2.255", "DHCP", "192.0.2.1", True
    )
    assert (vmk1.type, vmk1.gateway, vmk1.dhcp_dns) == ("STATIC", "198.51.100.1", False)
    assert (vmk3.address, vmk3.netmask, vmk3.prefix_len, vmk3.type) == (None, None, None, "NONE")
    assert list(vmk0.to_dict())[6] == "type"
    # 5.x prints no gateway column
    assert [r.gateway for r in only("g01-ipv4-get-55-no-gateway", "ipv4_get")] == [None] * 3


def test_ipv6_address_list() -> None:
    rows = only("g04-ipv6-address-list-65-several-per-vmk", "ipv6_address_list")
    assert all(isinstance(r, vmkcheck.Ipv6Row) for r in rows)
    r = rows[1]
    assert (r.line, r.interface, r.address, r.prefix_len, r.type, r.status) == (
        5, "vmk0", "2001:db8:1::54", 64, "STATIC", "PREFERRED"
    )
    assert [r.interface for r in rows] == ["vmk0", "vmk0", "vmk1", "vmk1", "vmk2"]
    assert list(r.to_dict()) == ["line", "interface", "address", "prefix_len", "type", "status"]


def test_netstack_list() -> None:
    ss = sections("g17-netstack-list-esxi70-custom")
    rows = ss[0].netstack_list
    assert rows is not None and all(isinstance(r, vmkcheck.NetstackRow) for r in rows)
    assert [(r.line, r.key, r.name, r.state) for r in rows[:2]] == [
        (2, "defaultTcpipStack", "defaultTcpipStack", 4660),
        (7, "vmotion", "vmotion", 4660),
    ]
    assert [r.key for r in rows] == [
        "defaultTcpipStack", "vmotion", "vSphereProvisioning", "mirror", "backupStack"
    ]
    # `netstack get` is not read: an unknown section, every output field None
    assert ss[1].kind == "unknown" and ss[1].netstack_list is None


def test_route_list() -> None:
    default, vmotion = sections("g07-route-list-vmotion-default-gateway")
    assert default.route_list is not None and vmotion.route_list is not None
    gw = vmotion.route_list[0]
    assert isinstance(gw, vmkcheck.RouteRow)
    assert (gw.line, gw.netstack, gw.family, gw.network, gw.netmask, gw.prefix_len) == (
        10, "vmotion", "ipv4", "default", "0.0.0.0", 0
    )
    assert (gw.gateway, gw.interface, gw.source) == ("198.51.100.1", "vmk1", "MANUAL")
    assert {r.netstack for r in default.route_list} == {"defaultTcpipStack"}
    bare = only("g09-route-list-no-source-no-command", "route_list")
    assert [(r.netstack, r.source) for r in bare] == [(None, None)] * 3
    v6 = only("g08-route-list-ipv6", "route_list")
    assert {r.family for r in v6} == {"ipv6"}


def test_vswitch() -> None:
    switches = only("g24-esxcfg-vswitch-6x-standard-and-dvs", "vswitch")
    assert [type(s) for s in switches] == [vmkcheck.Switch] * 3
    vs0, vs1, dvs = switches
    assert (vs0.line, vs0.kind, vs0.name, vs0.num_ports, vs0.used_ports) == (
        3, "standard", "vSwitch0", 4352, 6
    )
    assert (vs0.configured_ports, vs0.mtu, vs0.uplinks) == (128, 1500, ("vmnic0", "vmnic1"))
    assert vs0.dvports == ()
    pg = vs1.portgroups[0]
    assert isinstance(pg, vmkcheck.Portgroup)
    assert (pg.line, pg.name, pg.vlan_id, pg.used_ports, pg.uplinks) == (
        13, "vMotion", 20, 1, ("vmnic2", "vmnic3")
    )
    assert (vs1.mtu, [p.name for p in vs0.portgroups]) == (9000, ["VM Network", "Management Network"])
    assert (dvs.kind, dvs.name, dvs.mtu, dvs.portgroups) == ("distributed", "dvs-prod", 9000, ())
    dvports = dvs.dvports
    assert all(isinstance(d, vmkcheck.Dvport) for d in dvports)
    assert [(d.line, d.id, d.in_use, d.client) for d in dvports[2:4]] == [
        (21, "100", True, "vmk2"), (22, "101", False, None)
    ]
    assert list(dvs.to_dict()) == [
        "line", "kind", "name", "num_ports", "used_ports", "configured_ports", "mtu",
        "uplinks", "portgroups", "dvports",
    ]
    assert dvs.to_dict()["dvports"][4] == {"line": 23, "id": "128", "in_use": True, "client": "web01.eth0"}
    assert repr(vs1).endswith("uplinks=('vmnic2', 'vmnic3'), portgroups=<1 Portgroup>, dvports=())")
    # ESX 5.x prints no Configured Ports column
    assert {s.configured_ports for s in only("g23-esxcfg-vswitch-5x-no-configured-ports", "vswitch")} == {None}


def test_nic_list() -> None:
    nics = only("g27-esxcli-nic-list-8x-100mbps-half", "nic_list")
    assert all(isinstance(n, vmkcheck.Nic) for n in nics)
    n = nics[1]
    assert (n.line, n.name, n.pci, n.driver, n.admin_status, n.link) == (
        5, "vmnic1", "0000:01:00.1", "ntg3", "Up", "Up"
    )
    assert (n.speed_mbps, n.duplex, n.mac, n.mtu) == (100, "Half", "00:50:56:b2:00:21", 1500)
    assert n.description == "Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet"
    assert (nics[3].link, nics[3].speed_mbps) == ("Down", 0)
    assert nics[4].pci == "Pseudo"
    # esxcfg-nics -l: no admin status column
    assert {n.admin_status for n in only("g28-esxcfg-nics-7x", "nic_list")} == {None}


def test_version() -> None:
    v, _ = (s.version for s in sections("g20-version-get-esxi80-esxi67"))
    assert isinstance(v, vmkcheck.Version)
    assert (v.line, v.product, v.version, v.build, v.update, v.patch) == (
        2, "VMware ESXi", "8.0.2", 22380479, "2", "15"
    )
    esx41 = only("g21-vmware-v-esx41-esxi55", "version")
    assert (esx41.product, esx41.version, esx41.build, esx41.update) == (
        "VMware ESX", "4.1.0", 260247, None
    )
    assert repr(esx41) == (
        "Version(line=2, product='VMware ESX', version='4.1.0', build=260247, "
        "update=None, patch=None)"
    )


def test_diag_ping_is_a_ping() -> None:
    s = sections("g30-diag-ping-jumbo-vmotion-8x")[0]
    assert (s.kind, s.vmkping) == ("diag_ping", None)
    run = s.diag_ping
    assert isinstance(run, vmkcheck.Ping)
    c = run.command
    assert c is not None and isinstance(c, vmkcheck.PingCommand)
    assert (c.program, c.target, c.netstack, c.interface, c.df, c.size, c.count) == (
        "esxcli", "192.0.2.12", "vmotion", "vmk1", True, 8972, 3
    )
    assert (run.destination, run.destination_ip, run.data_bytes) == ("192.0.2.12", "192.0.2.12", None)
    assert (run.packets_transmitted, run.packets_received, run.packet_loss_percent) == (3, 3, 0.0)
    assert (run.round_trip_ms_min, run.round_trip_ms_avg, run.round_trip_ms_max) == (0.236, 0.299, 0.412)
    assert run.round_trip_ms_stddev is None and run.complete
    assert [(r.line, r.type, r.bytes, r.icmp_seq, r.ttl, r.time_ms) for r in run.responses] == [
        (3, "reply", 8980, 0, 64, 0.412), (11, "reply", 8980, 1, 64, 0.236),
        (19, "reply", 8980, 2, 64, 0.251),
    ]
    # the keys of a vmkping run, in the same order
    assert list(run.to_dict()) == list(vmkcheck.parse_vmkping(read(
        CORPUS / "f12-jumbo-df-success-and-count5" / "input.txt")).to_dict())


def test_diag_ping_send_failure_and_ipv6() -> None:
    failed, ok = (s.diag_ping for s in sections("g31-diag-ping-message-too-long-7x"))
    assert failed is not None and ok is not None
    assert [(r.type, r.error) for r in failed.responses] == [("send_failed", "Message too long")]
    assert (failed.complete, failed.packets_transmitted, ok.complete) == (False, None, True)
    v6 = only("g33-diag-ping-ipv6-long-options-8x", "diag_ping")
    assert v6.command is not None and (v6.command.ipv6, v6.command.wait) == (True, 2.0)
    assert v6.destination_ip == "2001:db8:0:12::12"


ALL = [
    ("g14-tag-get-esxi55-esxi80-empty", "tags"),
    ("g11-interface-list-esxi67-netstacks", "interface_list"),
    ("g02-ipv4-get-70-gateway-crlf", "ipv4_get"),
    ("g04-ipv6-address-list-65-several-per-vmk", "ipv6_address_list"),
    ("g17-netstack-list-esxi70-custom", "netstack_list"),
    ("g07-route-list-vmotion-default-gateway", "route_list"),
    ("g24-esxcfg-vswitch-6x-standard-and-dvs", "vswitch"),
    ("g27-esxcli-nic-list-8x-100mbps-half", "nic_list"),
    ("g19-vmware-vl-esxi65-esxi70", "version"),
    ("g30-diag-ping-jumbo-vmotion-8x", "diag_ping"),
]


def _objects(case: str, kind: str) -> List[Any]:
    """One object of each class the section holds (a switch's port group and DVPort too)."""
    out = only(case, kind)
    objs = list(out) if isinstance(out, tuple) else [out]
    if kind == "vswitch":
        objs += [objs[1].portgroups[0], objs[2].dvports[0]]
    return objs[:1] + objs[-2:]


@pytest.mark.parametrize("case,kind", ALL, ids=[k for _, k in ALL])
def test_value_semantics(case: str, kind: str) -> None:
    """Frozen, equal and hashed by value, copies are the object itself, made once."""
    for a, b in zip(_objects(case, kind), _objects(case, kind)):
        assert a is not b and a == b and hash(a) == hash(b)
        assert a != a.to_dict()
        assert copy.copy(a) is a and copy.deepcopy(a) is a
        assert type(a).__module__ == "vmkcheck"
        assert repr(a).startswith(type(a).__name__ + "(line=")
        with pytest.raises(AttributeError):
            a.line = 1
        with pytest.raises(AttributeError):
            a.extra = 1
        with pytest.raises(TypeError):
            type(a)()
    objs = _objects(case, kind)
    assert len({*objs, *_objects(case, kind)}) == len(set(objs))
    section = next(s for s in sections(case) if s.kind == kind)
    assert getattr(section, kind) is getattr(section, kind)  # made once, then cached


def test_equal_output_in_different_sections_is_equal() -> None:
    """The same version printed twice is one value (line included in the value)."""
    _, a, b = (s.version for s in sections("g21-vmware-v-esx41-esxi55"))
    assert a is not None and b is not None
    assert (a.version, a.build) == (b.version, b.build)
    assert a != b  # different lines
    swapped = sections("g14-tag-get-esxi55-esxi80-empty")
    assert swapped[0].tags != swapped[1].tags
    assert len({s.tags for s in swapped}) == 3


def test_sections_compare_by_their_output() -> None:
    a = sections("g24-esxcfg-vswitch-6x-standard-and-dvs")[0]
    b = sections("g24-esxcfg-vswitch-6x-standard-and-dvs")[0]
    assert a == b and hash(a) == hash(b)
    text = read(CORPUS / "g24-esxcfg-vswitch-6x-standard-and-dvs" / "input.txt")
    c = vmkcheck.parse_transcript(text.replace("9000", "1500", 1)).sections[0]
    assert c != a and c.vswitch is not None and c.vswitch[1].mtu == 1500
