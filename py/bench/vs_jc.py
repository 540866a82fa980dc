#!/usr/bin/env python3
"""Throughput of vmkcheck against the usual Python ways of reading the same output.

- vmkping output: ``vmkcheck.parse_vmkping`` against ``jc.parse("ping", ...)`` on the
  same texts (the runs of the shared corpus that jc reads correctly, and one long run),
  end to end: from the text to Python objects. vmkcheck is measured three ways: the
  ``Ping`` object alone (its responses become objects when first read), the object with
  every attribute of every response read, and ``to_dict()`` (the jc-shaped dicts, every
  value a Python object, like jc's result).
- ``esxcfg-vmknic -l`` tables: ``vmkcheck.parse_vmknic(...)`` (+ ``to_dict()``) against a
  straightforward regex parser for the 6.x layout producing the same dicts.

Run it with the venv py/test.sh makes (it has vmkcheck and jc installed):

    py/.venv/test/bin/python py/bench/vs_jc.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import jc

import vmkcheck

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"


def ping_outputs() -> List[str]:
    """Bare ESXi vmkping outputs (PING header to round-trip line) that jc reads right:
    every IPv4 run of replies only in the corpus's undamaged pastes (as in
    py/tests/test_jc.py), plus a 100-packet run."""
    outputs = []
    for case in sorted(CORPUS.iterdir()):
        path = case / "input.txt"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        transcript = vmkcheck.parse_transcript(text)
        if transcript.diagnostics:
            continue  # damaged pastes: jc is not made for them
        for section in transcript.sections:
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
            end = run.responses[-1].line
            while end < len(lines) and not lines[end - 1].startswith("round-trip"):
                end += 1
            body = "\n".join(lines[section.line : end]) + "\n"
            if body.startswith("PING "):
                outputs.append(body)
    long_run = ["PING 198.51.100.12 (198.51.100.12): 8972 data bytes"]
    long_run += [
        f"8980 bytes from 198.51.100.12: icmp_seq={i} ttl=64 time=0.{300 + i % 97} ms"
        for i in range(100)
    ]
    long_run += [
        "",
        "--- 198.51.100.12 ping statistics ---",
        "100 packets transmitted, 100 packets received, 0% packet loss",
        "round-trip min/avg/max = 0.300/0.348/0.396 ms",
    ]
    outputs.append("\n".join(long_run) + "\n")
    return outputs


HEADER = (
    "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                    "
    "          Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type  "
    "              NetStack"
)


def vmknic_tables() -> List[str]:
    """6.x tables: the corpus's clean two-host pairs, and one table of 256 rows."""
    tables = []
    for path in sorted(CORPUS.glob("s*/esx0*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > 2 and lines[1].startswith("Interface  Port Group/DVPort/Opaque"):
            rows = []
            for line in lines[2:]:
                if not line.startswith("vmk"):
                    break
                rows.append(line)
            tables.append("\n".join([lines[1], *rows]) + "\n")
    big = [HEADER]
    for i in range(256):
        big.append(
            f"vmk{i:<7d} {'vMotion-' + str(i):<39s} IPv4      {f'198.51.{i // 250}.{i % 250 + 1}':<39s} "
            f"255.255.255.0   198.51.{i // 250}.255  00:50:56:6b:{i // 256:02x}:{i % 256:02x} 9000    "
            f"65535     true    STATIC              vmotion"
        )
    tables.append("\n".join(big) + "\n")
    return tables


ROW = re.compile(
    r"^(?P<interface>vmk\d+)\s+(?P<portgroup>.+?)\s+(?P<family>IPv4|IPv6)\s+"
    r"(?P<address>\S+)\s+(?P<netmask>\S+)\s+(?P<broadcast>\S*?)\s*"
    r"(?P<mac>[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\s+(?P<mtu>\d+)\s+(?P<tso_mss>\d+)\s+"
    r"(?P<enabled>true|false)\s+(?P<type>STATIC, PREFERRED|STATIC|DHCP|NONE)\s+"
    r"(?P<netstack>\S+)\s*$",
    re.M,
)


def _prefix(netmask: str, family: str) -> Optional[int]:
    try:
        if family == "IPv6":
            return int(netmask)
        return sum(bin(int(octet)).count("1") for octet in netmask.split("."))
    except ValueError:
        return None


def regex_vmknic(text: str) -> List[Dict[str, Any]]:
    """A straightforward regex parser for the 6.x layout, giving vmkcheck's row dicts."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        m = ROW.match(line)
        if m is None:
            continue
        g: Dict[str, Optional[str]] = {
            k: None if v in ("N/A", "") else v for k, v in m.groupdict().items()
        }
        rows.append(
            {
                "line": n,
                "interface": g["interface"],
                "portgroup": g["portgroup"],
                "portgroup_kind": "dvport" if str(g["portgroup"]).isdigit() else "name",
                "family": str(g["family"]).lower(),
                "address": g["address"],
                "netmask": g["netmask"],
                "prefix_len": _prefix(g["netmask"] or "", str(g["family"])),
                "broadcast": g["broadcast"],
                "mac": g["mac"],
                "mtu": int(str(g["mtu"])),
                "tso_mss": int(str(g["tso_mss"])),
                "enabled": g["enabled"] == "true",
                "type": g["type"],
                "netstack": g["netstack"],
            }
        )
    return rows


def touch_all(run: vmkcheck.Ping) -> None:
    """Reads every attribute of the run and of each response."""
    _ = (run.destination, run.destination_ip, run.data_bytes, run.packets_transmitted)
    _ = (run.packets_received, run.packet_loss_percent, run.round_trip_ms_avg, run.command)
    for r in run.responses:
        _ = (r.type, r.bytes, r.response_ip, r.icmp_seq, r.ttl, r.time_ms, r.duplicate)


def rates(cases: Dict[str, Callable[[str], object]], texts: List[str], seconds: float) -> Dict[str, float]:
    """Texts per second of each parser over all texts: the best of 7 rounds, the parsers
    taking turns within each round, so that load on the machine hits all alike."""
    loops = {}
    for name, fn in cases.items():  # calibrate: one pass of `loops` takes ~seconds / 7
        n = 1
        while True:
            t0 = time.perf_counter()
            for _ in range(n):
                for t in texts:
                    fn(t)
            if time.perf_counter() - t0 >= seconds / 7:
                break
            n *= 2
        loops[name] = n
    best = {name: float("inf") for name in cases}
    for _ in range(7):
        for name, fn in cases.items():
            t0 = time.perf_counter()
            for _ in range(loops[name]):
                for t in texts:
                    fn(t)
            best[name] = min(best[name], (time.perf_counter() - t0) / loops[name])
    return {name: len(texts) / best[name] for name in cases}


def report(
    title: str, texts: List[str], baseline: str, cases: Dict[str, Callable[[str], object]],
    seconds: float,
) -> Dict[str, float]:
    size = sum(len(t.encode()) for t in texts)
    print(f"\n{title}: {len(texts)} texts, {size} bytes")
    print(f"  {'parser':<46} {'texts/s':>10} {'MB/s':>7} {'vs ' + baseline:>10}")
    measured = rates(cases, texts, seconds)
    for name, r in measured.items():
        mbs = r * size / len(texts) / 1e6
        print(f"  {name:<46} {r:>10,.0f} {mbs:>7.2f} {r / measured[baseline]:>9.1f}x")
    return measured


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = ap.parse_args()
    print(f"vmkcheck {vmkcheck.__version__}, jc {jc.__version__}, Python {sys.version.split()[0]}")

    pings = ping_outputs()
    for t in pings:  # the same texts, read the same way
        ours, theirs = vmkcheck.parse_vmkping(t).to_dict(), jc.parse("ping", t, quiet=True)
        assert all(ours[k] == v for k, v in theirs.items() if k not in ("pattern", "responses"))
        assert len(ours["responses"]) == len(theirs["responses"])
    jc_ping = "jc.parse('ping', text)"
    rates = report(
        "vmkping output", pings, jc_ping,
        {
            jc_ping: lambda t: jc.parse("ping", t, quiet=True),
            "vmkcheck.parse_vmkping(text)": vmkcheck.parse_vmkping,
            "... + every attribute of every response": lambda t: touch_all(
                vmkcheck.parse_vmkping(t)
            ),
            "vmkcheck.parse_vmkping(text).to_dict()": lambda t: vmkcheck.parse_vmkping(t).to_dict(),
        },
        args.seconds,
    )

    tables = vmknic_tables()
    for t in tables:
        assert [r.to_dict() for r in vmkcheck.parse_vmknic(t)] == regex_vmknic(t)
    regex = "regex parser"
    report(
        "esxcfg-vmknic -l tables", tables, regex,
        {
            regex: regex_vmknic,
            "vmkcheck.parse_vmknic(text)": vmkcheck.parse_vmknic,
            "[row.to_dict() for row in parse_vmknic(text)]": lambda t: [
                r.to_dict() for r in vmkcheck.parse_vmknic(t)
            ],
        },
        args.seconds,
    )

    worst = min(r for name, r in rates.items() if name != jc_ping) / rates[jc_ping]
    print(f"\nvmkping, slowest vmkcheck way against jc: {worst:.1f}x (target >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
