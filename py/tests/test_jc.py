"""Ping.to_dict() is a superset of jc's ping schema: on the ESXi vmkping runs of the
corpus that jc reads correctly (IPv4 replies with a summary), every key jc gives (but
`pattern`, which vmkping never prints) has jc's value.

On the others vmkcheck is deliberately different: jc cuts IPv6 addresses at the first
colon, raises on `sendto() failed` lines and does not infer silent timeouts."""

from __future__ import annotations

import re
from typing import Any, Dict, List

import pytest

import vmkcheck
from conftest import parse_cases, read

jc = pytest.importorskip("jc")

PROMPT = re.compile(r"^\[[^\]]*\]\s*")


def _runs() -> List[Any]:
    """(run, its output) for every ESXi IPv4 run of replies only, with a summary."""
    found = []
    for case in parse_cases():
        text = read(case.input)
        t = vmkcheck.parse_transcript(text)
        lines = text.splitlines()
        if t.diagnostics:
            continue
        for section in t.sections:
            run = section.vmkping
            if (
                run is None
                or run.command is None
                or run.command.ipv6
                or run.round_trip_ms_avg is None
                or not run.responses
                or any(r.type != "reply" for r in run.responses)
            ):
                continue
            # the output: from the line after the command to the round-trip line
            end = run.responses[-1].line
            while end < len(lines) and not lines[end - 1].startswith("round-trip"):
                end += 1
            body = "\n".join(lines[section.line : end]) + "\n"
            if not body.startswith("PING "):
                continue  # wrapped in `# `, `> `, HTML...: jc reads only bare output
            found.append(pytest.param(run, body, id=f"{case.name}:{section.line}"))
    return found


RUNS = _runs()


def test_there_are_runs_to_compare() -> None:
    assert len(RUNS) >= 10


@pytest.mark.parametrize("run, body", RUNS)
def test_jc_keys_have_jc_values(run: vmkcheck.Ping, body: str) -> None:
    theirs: Dict[str, Any] = jc.parse("ping", body, quiet=True)
    ours = run.to_dict()
    for key, value in theirs.items():
        if key in ("pattern", "timestamp", "responses"):
            continue
        assert ours[key] == value, key
    assert len(ours["responses"]) == len(theirs["responses"])
    for mine, their in zip(ours["responses"], theirs["responses"]):
        for key, value in their.items():
            if key == "timestamp":
                continue
            assert mine[key] == value, key


def test_standalone_parse_matches_the_transcript_run() -> None:
    for run, body in (p.values for p in RUNS):
        alone = vmkcheck.parse_vmkping(body)
        assert alone.packets_transmitted == run.packets_transmitted
        assert [r.type for r in alone.responses] == [r.type for r in run.responses]
