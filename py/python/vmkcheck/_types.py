"""Names for the typed values of vmkcheck's results (for annotations)."""

from __future__ import annotations

from typing import Literal, TypedDict, Union

__all__ = ["Counts", "RuleInfo", "SectionKind", "Severity", "Text", "Verdict"]

#: A text argument: ``str``, or ``bytes`` holding UTF-8.
Text = Union[str, bytes]

#: What a transcript section holds (``Section.kind``): the name of its attribute that
#: holds the parsed output, or ``"unknown"`` for a command vmkcheck does not read.
SectionKind = Literal[
    "vmknic",
    "vmkping",
    "tags",
    "interface_list",
    "ipv4_get",
    "ipv6_address_list",
    "netstack_list",
    "route_list",
    "vswitch",
    "nic_list",
    "version",
    "diag_ping",
    "unknown",
]

#: The severity of a finding (DESIGN.md §4.4).
Severity = Literal["error", "unverified", "warning", "info"]

#: The verdict of a report: any error gives ``"not_ready"``, else any unverified
#: requirement ``"unverified"``, else any warning ``"ready_with_warnings"``, else ``"ready"``.
Verdict = Literal["ready", "ready_with_warnings", "unverified", "not_ready"]


class Counts(TypedDict):
    """Findings per severity (``Report.counts``)."""

    error: int
    unverified: int
    warning: int
    info: int


class RuleInfo(TypedDict):
    """One rule of the catalogue (``vmkcheck.rules()``, ``vmkcheck rules --json``)."""

    id: str
    severity: str
    summary: str
    reference: str
