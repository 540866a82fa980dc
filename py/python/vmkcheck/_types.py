"""Names for the typed values of vmkcheck's results (for annotations)."""

from __future__ import annotations

from typing import Literal, TypedDict, Union

__all__ = ["Counts", "RuleInfo", "Severity", "Text", "Verdict"]

#: A text argument: ``str``, or ``bytes`` holding UTF-8.
Text = Union[str, bytes]

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
