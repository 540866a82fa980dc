"""A small typed client of vmkcheck: `mypy --strict` must accept it as is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import vmkcheck
from vmkcheck import Counts, Finding, ParseError, Report, RuleInfo, Severity, Verdict


def mtus(text: str) -> Dict[str, Optional[int]]:
    rows: List[vmkcheck.VmknicRow] = vmkcheck.parse_vmknic(text)
    return {row.interface: row.mtu for row in rows}


def loss(text: bytes) -> Optional[float]:
    run: vmkcheck.Ping = vmkcheck.parse_vmkping(text)
    command: Optional[vmkcheck.PingCommand] = run.command
    if command is not None and command.df:
        sizes: Optional[int] = command.size
        assert sizes is None or sizes > 0
    errors = [r.error for r in run.responses if r.type == "send_failed"]
    assert all(isinstance(e, str) for e in errors)
    return run.packet_loss_percent


def hosts_of(text: str) -> List[str]:
    t: vmkcheck.Transcript = vmkcheck.parse_transcript(text)
    names = [s.host for s in t.sections if s.host is not None]
    rows: Tuple[vmkcheck.VmknicRow, ...] = ()
    for s in t.sections:
        if s.vmknic is not None:
            rows += s.vmknic
    kinds: List[str] = [d.kind for d in t.diagnostics]
    assert len(kinds) >= 0
    return names


def uplinks_of_vmotion(text: str) -> Dict[str, Tuple[str, ...]]:
    """The other commands' output, typed: which switch carries vMotion, at which MTU."""
    t = vmkcheck.parse_transcript(text)
    out: Dict[str, Tuple[str, ...]] = {}
    vmotion: Set[Optional[str]] = set()
    for s in t.sections:
        kind: vmkcheck.SectionKind = s.kind
        if s.tags is not None and s.tags.tags is not None and "VMotion" in s.tags.tags:
            vmotion.add(s.tags.interface)
        for row in s.interface_list or ():
            iface: vmkcheck.InterfaceRow = row
            if iface.netstack == "vmotion" and iface.portset is not None:
                out.setdefault(iface.portset, ())
        for sw in s.vswitch or ():
            mtu: Optional[int] = sw.mtu
            for pg in sw.portgroups:
                vlan: Optional[int] = pg.vlan_id
                assert vlan is None or 0 <= vlan <= 4095
            clients = [d.client for d in sw.dvports if d.in_use]
            assert mtu is None or mtu > 0 or clients
            out[sw.name] = sw.uplinks
        speeds: List[Optional[int]] = [n.speed_mbps for n in s.nic_list or ()]
        gateways = [r.gateway for r in s.route_list or () if r.family == "ipv4"]
        v4 = [(r.interface, r.prefix_len, r.type) for r in s.ipv4_get or ()]
        v6 = [(r.address, r.status) for r in s.ipv6_address_list or ()]
        stacks: List[Optional[str]] = [r.key for r in s.netstack_list or ()]
        if s.version is not None:
            build: Optional[int] = s.version.build
            assert build is None or build > 0
        run: Optional[vmkcheck.Ping] = s.diag_ping
        if run is not None and run.command is not None:
            program: str = run.command.program
            assert program and kind == "diag_ping"
        assert len(speeds) + len(gateways) + len(v4) + len(v6) + len(stacks) >= 0
    return out


def worst(report: Report) -> Tuple[Verdict, List[Finding]]:
    severity: Severity = "error"
    return report.verdict, [f for f in report.findings if f.severity == severity]


def check_files(folder: Path, facts: Optional[Path] = None) -> Report:
    texts = {p.stem: p.read_text() for p in sorted(folder.glob("*.txt"))}
    facts_dict = json.loads(facts.read_text()) if facts else None
    report = vmkcheck.check(texts, facts=facts_dict)
    counts: Counts = report.counts
    total: int = counts["error"] + counts["unverified"] + counts["warning"] + counts["info"]
    assert total == len(report.findings)
    for f in report.findings:
        lines: List[Tuple[str, int]] = [(e.host, e.line) for e in f.evidence]
        remediation: Optional[str] = f.remediation
        assert lines is not None and (remediation is None or remediation)
    for h in report.hosts:
        interfaces: Tuple[str, ...] = h.vmotion_interfaces
        assert h.mtu is None or h.mtu > 0 and len(interfaces) >= 0
    as_json: str = report.to_json()
    assert json.loads(as_json) == report.to_dict()
    return vmkcheck.check([folder.name], facts=None)


def safely(text: bytes) -> Optional[vmkcheck.Transcript]:
    try:
        return vmkcheck.parse_transcript(text)
    except ParseError as e:
        where: Tuple[str, int, int, int] = (e.kind, e.line, e.column, e.offset)
        source: Optional[str] = e.source
        print(where, source)
        return None


def catalogue() -> List[str]:
    rules: List[RuleInfo] = vmkcheck.rules()
    return [r["id"] + ": " + r["summary"] for r in rules]


VERSION: str = vmkcheck.__version__
LIMIT: int = vmkcheck.MAX_INPUT_BYTES
