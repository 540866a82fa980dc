"""Every case of the shared corpus (tests/corpus/) through the Python API gives the
reviewed JSON: the same objects as to_dict(), the same bytes as to_json()."""

from __future__ import annotations

import json
import subprocess
from typing import Any, Dict

import pytest

import vmkcheck
from conftest import CheckCase, ParseCase, check_cases, parse_cases, read

PARSE = parse_cases()
CHECK = [c for c in check_cases() if c.expected is not None]
WITH_FACTS = [c for c in CHECK if c.facts is not None]


def test_the_corpus_is_all_there() -> None:
    assert len(PARSE) >= 78
    names = {c.name[:3] for c in PARSE}
    assert {f"g{i:02d}" for i in range(1, 34)} <= names  # the other commands (§7)
    assert len(CHECK) >= 40
    assert len(WITH_FACTS) >= 10


@pytest.mark.parametrize("case", PARSE, ids=lambda c: c.name)
def test_parse_transcript_gives_the_reviewed_json(case: ParseCase) -> None:
    text = read(case.input)
    expected = read(case.expected)
    t = vmkcheck.parse_transcript(text)
    assert t.to_dict() == json.loads(expected)
    assert t.to_json() == expected
    # bytes give the same transcript, and results compare by value
    assert vmkcheck.parse_transcript(case.input.read_bytes()) == t


#: The section fields that hold parsed output, in JSON order, with the class of their
#: objects (a tuple of them for the list-valued ones).
SECTION_FIELDS = {
    "vmknic": (tuple, vmkcheck.VmknicRow),
    "vmkping": (None, vmkcheck.Ping),
    "tags": (None, vmkcheck.Tags),
    "interface_list": (tuple, vmkcheck.InterfaceRow),
    "ipv4_get": (tuple, vmkcheck.Ipv4Row),
    "ipv6_address_list": (tuple, vmkcheck.Ipv6Row),
    "netstack_list": (tuple, vmkcheck.NetstackRow),
    "route_list": (tuple, vmkcheck.RouteRow),
    "vswitch": (tuple, vmkcheck.Switch),
    "nic_list": (tuple, vmkcheck.Nic),
    "version": (None, vmkcheck.Version),
    "diag_ping": (None, vmkcheck.Ping),
}


def _matches(obj: Any, expected: Any, where: str) -> None:
    """Attribute access on `obj` walks the same values as the JSON value `expected`:
    objects for dicts (with equal to_dict()), tuples for lists, equal scalars."""
    if isinstance(expected, dict):
        assert obj.to_dict() == expected, where
        for key, value in expected.items():
            _matches(getattr(obj, key), value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(obj, tuple) and len(obj) == len(expected), where
        for i, (o, e) in enumerate(zip(obj, expected)):
            _matches(o, e, f"{where}[{i}]")
    else:
        assert obj == expected and type(obj) is type(expected), where


def test_section_fields_are_the_json_s() -> None:
    fields = ["line", "host", "command", "kind", *SECTION_FIELDS]
    for case in PARSE:
        for sd in json.loads(read(case.expected))["sections"]:
            assert list(sd) == fields, case.name


@pytest.mark.parametrize("case", PARSE, ids=lambda c: c.name)
def test_nested_objects_match_their_dicts(case: ParseCase) -> None:
    """Attribute access walks the same values as to_dict(), with the classes of each
    kind, and only the field that `kind` names holds output."""
    t = vmkcheck.parse_transcript(read(case.input))
    d = t.to_dict()
    assert len(t.sections) == len(d["sections"])
    for i, (section, sd) in enumerate(zip(t.sections, d["sections"])):
        assert section.to_dict() == sd
        _matches(section, sd, f"sections[{i}]")
        for name, (container, cls) in SECTION_FIELDS.items():
            value = getattr(section, name)
            if name != section.kind:
                assert value is None, name
            elif container is tuple:
                assert isinstance(value, tuple) and all(isinstance(v, cls) for v in value)
            else:
                assert isinstance(value, cls), name
    assert [x.to_dict() for x in t.diagnostics] == d["diagnostics"]


def test_every_section_kind_is_in_the_corpus() -> None:
    kinds = {
        s["kind"] for case in PARSE for s in json.loads(read(case.expected))["sections"]
    }
    assert kinds == {*SECTION_FIELDS, "unknown"}


def _hosts(case: CheckCase) -> Dict[str, str]:
    return {name: read(path) for name, path in case.hosts.items()}


@pytest.mark.parametrize("case", CHECK, ids=lambda c: c.name)
def test_check_gives_the_reviewed_report(case: CheckCase) -> None:
    assert case.expected is not None
    expected = read(case.expected)
    facts = json.loads(read(case.facts)) if case.facts else None
    report = vmkcheck.check(_hosts(case), facts=facts)
    assert report.to_json() == expected
    assert report.to_dict() == json.loads(expected)
    d = report.to_dict()
    assert report.verdict == d["verdict"]
    assert report.counts == d["counts"]
    assert [h.to_dict() for h in report.hosts] == d["hosts"]
    assert [f.to_dict() for f in report.findings] == d["findings"]
    for f, fd in zip(report.findings, d["findings"]):
        assert (f.rule, f.severity, f.host, f.peer, f.interface, f.message, f.remediation) == (
            fd["rule"], fd["severity"], fd["host"], fd["peer"], fd["interface"],
            fd["message"], fd["remediation"],
        )
        assert [(e.host, e.line) for e in f.evidence] == [
            (e["host"], e["line"]) for e in fd["evidence"]
        ]


def _reversed(value: Any) -> Any:
    """The same JSON value with every object's keys in reverse order."""
    if isinstance(value, dict):
        return {k: _reversed(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed(v) for v in value]
    return value


@pytest.mark.parametrize("case", WITH_FACTS, ids=lambda c: c.name)
def test_facts_as_dict_or_text_in_any_order_and_format_give_the_same_report(
    case: CheckCase,
) -> None:
    assert case.facts is not None and case.expected is not None
    expected = read(case.expected)
    text = read(case.facts)
    as_dict = json.loads(text)
    hosts = _hosts(case)
    variants: Dict[str, Any] = {
        "dict": as_dict,
        "text (the file, as the CLI reads it)": text,
        "bytes": case.facts.read_bytes(),
        "keys reversed": _reversed(as_dict),
        "compact sorted text": json.dumps(as_dict, sort_keys=True, separators=(",", ":")),
        "indented ASCII-escaped text": json.dumps(as_dict, indent=7, ensure_ascii=True),
        "mapping proxy": __import__("types").MappingProxyType(as_dict),
    }
    for name, facts in variants.items():
        assert vmkcheck.check(hosts, facts=facts).to_json() == expected, name


@pytest.mark.parametrize("case", CHECK, ids=lambda c: c.name)
def test_report_is_what_the_cli_prints(case: CheckCase, cli: str) -> None:
    """report.to_json() is byte for byte `vmkcheck check --json` on the same files."""
    args = [cli, "check", "--json"]
    if case.facts:
        args += ["--facts", str(case.facts)]
    args += [str(p) for p in case.hosts.values()]
    out = subprocess.run(args, capture_output=True, check=False).stdout.decode()
    facts = json.loads(read(case.facts)) if case.facts else None
    assert vmkcheck.check(_hosts(case), facts=facts).to_json() == out


@pytest.mark.parametrize("case", CHECK[:12], ids=lambda c: c.name)
def test_unnamed_texts_are_named_like_the_cli_names_stdin(case: CheckCase, cli: str) -> None:
    """check([text]) names hosts as `vmkcheck check -` does: by prompt, else host1."""
    text = "".join(read(p) for p in case.hosts.values())
    out = subprocess.run(
        [cli, "check", "--json", "-"], input=text.encode(), capture_output=True, check=False
    ).stdout.decode()
    assert vmkcheck.check([text]).to_json() == out


@pytest.mark.parametrize("case", PARSE, ids=lambda c: c.name)
def test_transcript_json_is_what_the_cli_prints(case: ParseCase, cli: str) -> None:
    out = subprocess.run(
        [cli, "parse", "--json", str(case.input)], capture_output=True, check=True
    ).stdout.decode()
    assert vmkcheck.parse_transcript(case.input.read_bytes()).to_json() == out


def test_rules_are_what_the_cli_lists(cli: str) -> None:
    out = subprocess.run([cli, "rules", "--json"], capture_output=True, check=True).stdout
    assert vmkcheck.rules() == json.loads(out)
