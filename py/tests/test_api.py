"""The shape of the API (DESIGN.md §6): functions, frozen classes, value semantics."""

from __future__ import annotations

import copy
import inspect
import json
import re
from collections import OrderedDict
from typing import Any

import pytest

import vmkcheck
from conftest import CORPUS, REPO, read

S01 = CORPUS / "s01-clean-ready-pair"
ESX01 = read(S01 / "esx01.txt")
ESX02 = read(S01 / "esx02.txt")
TABLE = "\n".join(ESX01.splitlines()[1:6]) + "\n"
PING = read(CORPUS / "f14-sendto-message-too-long" / "input.txt")


def test_version_is_the_crates() -> None:
    cargo = (REPO / "Cargo.toml").read_text()
    m = re.search(r'\[workspace\.package\][^\[]*?\nversion = "([^"]+)"', cargo)
    assert m is not None
    assert vmkcheck.__version__ == m.group(1)


def test_public_names() -> None:
    for name in [
        "parse_vmknic", "parse_vmkping", "parse_transcript", "check", "rules",
        "ParseError", "VmknicRow", "Ping", "PingCommand", "PingResponse", "Transcript",
        "Section", "Diagnostic", "Report", "Finding", "Evidence", "Host",
        "Tags", "InterfaceRow", "Ipv4Row", "Ipv6Row", "NetstackRow", "RouteRow", "Switch",
        "Portgroup", "Dvport", "Nic", "Version", "SectionKind",
        "MAX_INPUT_BYTES", "MAX_SOURCES", "__version__",
    ]:
        assert hasattr(vmkcheck, name), name
        assert name in vmkcheck.__all__
    assert issubclass(vmkcheck.ParseError, ValueError)
    assert vmkcheck.MAX_INPUT_BYTES == 64 << 20


def test_everything_public_has_a_docstring() -> None:
    for name in vmkcheck.__all__:
        obj = getattr(vmkcheck, name)
        if inspect.isroutine(obj) or isinstance(obj, type):
            assert obj.__doc__ and obj.__doc__.strip(), name
        if isinstance(obj, type) and obj.__module__ == "vmkcheck":
            for attr, member in vars(obj).items():
                if not attr.startswith("_"):
                    assert member.__doc__ and member.__doc__.strip(), f"{name}.{attr}"
    assert vmkcheck.__doc__


def test_classes_say_they_are_vmkcheck_s() -> None:
    assert vmkcheck.Report.__module__ == "vmkcheck"
    assert vmkcheck.Report.__qualname__ == "Report"
    with pytest.raises(TypeError):
        vmkcheck.Report()  # type: ignore[call-arg]


def test_parse_vmknic_rows() -> None:
    rows = vmkcheck.parse_vmknic(TABLE)
    assert isinstance(rows, list) and len(rows) == 4
    vmk1 = rows[1]
    assert isinstance(vmk1, vmkcheck.VmknicRow)
    assert (vmk1.line, vmk1.interface, vmk1.portgroup, vmk1.portgroup_kind) == (
        3, "vmk1", "vMotion", "name"
    )
    assert (vmk1.family, vmk1.address, vmk1.netmask, vmk1.prefix_len) == (
        "ipv4", "198.51.100.11", "255.255.255.0", 24
    )
    assert (vmk1.broadcast, vmk1.mac, vmk1.mtu, vmk1.tso_mss, vmk1.enabled) == (
        "198.51.100.255", "00:50:56:6b:01:0b", 9000, 65535, True
    )
    assert (vmk1.type, vmk1.netstack) == ("STATIC", "vmotion")
    assert list(vmk1.to_dict()) == [
        "line", "interface", "portgroup", "portgroup_kind", "family", "address",
        "netmask", "prefix_len", "broadcast", "mac", "mtu", "tso_mss", "enabled",
        "type", "netstack",
    ]


def test_parse_vmkping_run() -> None:
    run = vmkcheck.parse_vmkping(PING)
    assert isinstance(run, vmkcheck.Ping)
    assert run.command is not None and run.command.df and run.command.size == 8972
    assert run.responses[0].type == "send_failed"
    assert run.responses[0].error == "Message too long"
    assert isinstance(run.responses, tuple)
    d = run.to_dict()
    assert d["command"] == run.command.to_dict()
    assert d["responses"] == [r.to_dict() for r in run.responses]
    assert json.loads(json.dumps(d)) == d  # plain JSON values only


def test_parse_transcript_sections() -> None:
    t = vmkcheck.parse_transcript(ESX01)
    assert t.schema == "vmkcheck.transcript.v1"
    kinds = [(s.line, s.host, s.kind) for s in t.sections]
    assert kinds[:3] == [(1, "esx01", "vmknic"), (7, "esx01", "vmkping"), (16, "esx01", "vmkping")]
    assert t.sections[0].vmknic is not None and t.sections[0].vmkping is None
    assert t.sections[1].vmknic is None and t.sections[1].vmkping is not None
    rows = t.sections[0].vmknic
    assert [r.interface for r in rows] == [r.interface for r in vmkcheck.parse_vmknic(TABLE)]
    assert [r.line for r in rows] == [3, 4, 5, 6]


def test_results_are_frozen() -> None:
    row = vmkcheck.parse_vmknic(TABLE)[0]
    with pytest.raises(AttributeError):
        row.mtu = 1500  # type: ignore[misc]
    with pytest.raises(AttributeError):
        row.extra = 1  # type: ignore[attr-defined]
    report = vmkcheck.check({"esx01": ESX01, "esx02": ESX02})
    counts = report.counts
    counts["error"] = 99  # a copy: the report does not change
    assert report.counts["error"] == 0
    assert isinstance(report.findings, tuple) and isinstance(report.hosts, tuple)


def test_value_equality_and_hash() -> None:
    a = vmkcheck.parse_transcript(ESX01)
    b = vmkcheck.parse_transcript(ESX01.encode())
    c = vmkcheck.parse_transcript(ESX02)
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert a != a.to_dict()
    assert len({a, b, c}) == 2
    ra = vmkcheck.check({"esx01": ESX01, "esx02": ESX02})
    rb = vmkcheck.check([ESX01, ESX02])  # the prompts name the hosts
    assert ra == rb and hash(ra) == hash(rb)
    assert {r for r in vmkcheck.parse_vmknic(TABLE)} == set(vmkcheck.parse_vmknic(TABLE))


def test_nested_objects_are_made_once() -> None:
    t = vmkcheck.parse_transcript(ESX01)
    assert t.sections is t.sections
    s = t.sections[1]
    assert s.vmkping is s.vmkping
    assert s.vmkping.responses is s.vmkping.responses  # type: ignore[union-attr]


def test_copy_returns_the_same_immutable_object() -> None:
    report = vmkcheck.check({"esx01": ESX01})
    assert copy.copy(report) is report
    assert copy.deepcopy(report) is report
    assert copy.deepcopy({"r": report})["r"] is report


def test_repr() -> None:
    row = vmkcheck.parse_vmknic(TABLE)[1]
    assert repr(row).startswith("VmknicRow(line=3, interface='vmk1', portgroup='vMotion', ")
    assert "type='STATIC'" in repr(row) and repr(row).endswith("netstack='vmotion')")
    facts = json.loads(read(S01 / "facts.json"))
    report = vmkcheck.check({"esx01": ESX01, "esx02": ESX02}, facts=facts)
    assert repr(report) == (
        "Report(schema='vmkcheck.report.v1', verdict='ready', hosts=<2 Host>, "
        "findings=(), counts={'error': 0, 'unverified': 0, 'warning': 0, 'info': 0})"
    )
    assert repr(report.hosts[0]) == "Host(name='esx01', vmotion_interfaces=('vmk1',), mtu=9000)"
    run = vmkcheck.parse_vmkping(PING)
    assert "responses=<3 PingResponse>" in repr(run) and "command=PingCommand(" in repr(run)


def test_check_accepts_a_mapping_or_a_sequence() -> None:
    expected = read(S01 / "report.json")
    facts = json.loads(read(S01 / "facts.json"))
    assert vmkcheck.check({"esx01": ESX01, "esx02": ESX02}, facts=facts).to_json() == expected
    assert vmkcheck.check(OrderedDict(esx01=ESX01, esx02=ESX02), facts=facts).to_json() == expected
    assert vmkcheck.check([ESX01, ESX02], facts=facts).to_json() == expected
    assert vmkcheck.check((ESX01.encode(), ESX02), facts=facts).to_json() == expected
    assert vmkcheck.check(iter([ESX01, ESX02]), facts=facts).to_json() == expected


def test_unnamed_hosts_are_named_by_position() -> None:
    bare = [TABLE, TABLE.replace(".11 ", ".12 ").replace("0b ", "0c ")]
    report = vmkcheck.check(bare)
    assert [h.name for h in report.hosts] == ["host1", "host2"]
    named = vmkcheck.check({"a": bare[0], "b": bare[1]})
    assert [h.name for h in named.hosts] == ["a", "b"]
    # a prompt's name wins over the key, as over the CLI's file name
    assert [h.name for h in vmkcheck.check({"x": ESX01}).hosts] == ["esx01"]


def test_no_facts_is_reported() -> None:
    report = vmkcheck.check({"esx01": ESX01})
    assert "facts-not-provided" in [f.rule for f in report.findings]
    for blank in (None, "", "  \n", b""):
        assert vmkcheck.check({"esx01": ESX01}, facts=blank) == report


def test_counts_and_verdict_follow_the_findings() -> None:
    case = CORPUS / "s28-jumbo-path-failed"
    report = vmkcheck.check({p.stem: read(p) for p in sorted(case.glob("*.txt"))})
    assert report.verdict == "not_ready"
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=["error", "unverified", "warning", "info"].index)
    assert report.counts == {s: severities.count(s) for s in ("error", "unverified", "warning", "info")}
    failed = [f for f in report.findings if f.rule == "jumbo-path-failed"]
    assert failed and failed[0].evidence and failed[0].remediation


def test_rules_catalogue() -> None:
    rules = vmkcheck.rules()
    ids = [r["id"] for r in rules]
    assert "jumbo-path-unverified" in ids and "facts-not-provided" in ids
    assert len(ids) == len(set(ids)) >= 38
    assert all(set(r) == {"id", "severity", "summary", "reference"} for r in rules)
    rules[0]["id"] = "changed"  # a fresh list each call
    assert vmkcheck.rules()[0]["id"] != "changed"


def test_every_rule_in_a_report_is_in_the_catalogue() -> None:
    ids = {r["id"] for r in vmkcheck.rules()}
    for case in sorted(CORPUS.glob("s*/")):
        report = vmkcheck.check({p.stem: read(p) for p in sorted(case.glob("*.txt"))})
        assert {f.rule for f in report.findings} <= ids


def test_a_leading_bom_is_ignored_like_the_cli_does() -> None:
    bom = "\ufeff" + ESX01
    assert vmkcheck.parse_transcript(bom) == vmkcheck.parse_transcript(ESX01)
    assert vmkcheck.parse_transcript(bom.encode()).to_json() == vmkcheck.parse_transcript(ESX01).to_json()


def test_crlf_and_non_ascii_text() -> None:
    text = read(CORPUS / "f04-non-ascii-portgroup" / "input.txt")
    rows = [r for s in vmkcheck.parse_transcript(text).sections for r in (s.vmknic or ())]
    assert rows[0].portgroup == "管理ネットワーク"
    assert vmkcheck.parse_transcript(text.encode("utf-8")).to_json() == read(
        CORPUS / "f04-non-ascii-portgroup" / "parse.json"
    )


def _walk(value: Any) -> Any:
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def test_to_dict_holds_plain_json_values_only() -> None:
    report = vmkcheck.check({"esx01": ESX01})
    for value in _walk(report.to_dict()):
        assert value is None or type(value) in (str, int, float, bool)
