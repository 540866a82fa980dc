"""Mistakes `mypy --strict` must report, one per line marked `# error`."""

from __future__ import annotations

import vmkcheck

row = vmkcheck.parse_vmknic("")[0]
row.mtu = 9000  # error
mtu: str = row.mtu  # error
vmkcheck.parse_transcript(42)  # error
vmkcheck.check({"esx01": 42})  # error
vmkcheck.check(["text"], facts=42)  # error
report = vmkcheck.check(["text"])
verdict: int = report.verdict  # error
report.findings.append(report.findings[0])  # error
vmkcheck.check(["text"], {"esx01": {}})  # error
section = vmkcheck.parse_transcript("").sections[0]
section.vswitch[0]  # error
speed: int = section.nic_list[0].speed_mbps if section.nic_list else 0  # error
