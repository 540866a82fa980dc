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
    assert len(PARSE) >= 45
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


@pytest.mark.parametrize("case", PARSE, ids=lambda c: c.name)
def test_nested_objects_match_their_dicts(case: ParseCase) -> None:
    """Attribute access walks the same values as to_dict()."""
    t = vmkcheck.parse_transcript(read(case.input))
    d = t.to_dict()
    assert len(t.sections) == len(d["sections"])
    for section, sd in zip(t.sections, d["sections"]):
        assert section.to_dict() == sd
        assert (section.line, section.host, section.command, section.kind) == (
            sd["line"], sd["host"], sd["command"], sd["kind"]
        )
        if section.vmknic is None:
            assert sd["vmknic"] is None
        else:
            assert [r.to_dict() for r in section.vmknic] == sd["vmknic"]
            for row, rd in zip(section.vmknic, sd["vmknic"]):
                for key, value in rd.items():
                    assert getattr(row, key) == value, key
        run = section.vmkping
        if run is None:
            assert sd["vmkping"] is None
        else:
            rd = sd["vmkping"]
            for key, value in rd.items():
                if key == "command":
                    assert (run.command.to_dict() if run.command else None) == value
                elif key == "responses":
                    assert [r.to_dict() for r in run.responses] == value
                else:
                    assert getattr(run, key) == value, key
    assert [x.to_dict() for x in t.diagnostics] == d["diagnostics"]


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
