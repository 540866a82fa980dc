"""vmkcheck: will vMotion work between these ESXi hosts?

vmkcheck reads what you copy out of an ESXi SSH session (``esxcfg-vmknic -l`` tables,
``vmkping`` runs, whole pasted transcripts) and turns it into structured data, then into
a verdict with the exact command to run next. The parser and the rule engine are
vmkcheck's Rust core, the same code the ``vmkcheck`` command line runs: results are
identical, and ``to_json()`` gives the command line's JSON byte for byte.

Parsing::

    rows = vmkcheck.parse_vmknic(table_text)        # list[VmknicRow]
    run = vmkcheck.parse_vmkping(ping_text)         # Ping (jc-compatible to_dict())
    t = vmkcheck.parse_transcript(pasted_text)      # Transcript: sections, diagnostics
    t.sections[0].kind                              # "vmknic", "route_list", "vswitch"...
    t.sections[0].route_list                        # the output, in the attribute kind names

Checking::

    report = vmkcheck.check({"esx01": text1, "esx02": text2}, facts={"esx01": {...}})
    report.verdict                                  # "ready", ..., "not_ready"
    for f in report.findings:
        print(f.severity, f.rule, f.message, f.remediation)

Every text argument is ``str`` or UTF-8 ``bytes``. Results are immutable, compare by
value, and ``to_dict()`` gives the JSON objects of the contract (DESIGN.md §4).
Unreadable input raises ``ParseError`` (a ``ValueError``); wrong argument types raise
``TypeError``. The GIL is released while the core works on inputs above a few KB, so
threads can parse in parallel.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, List, Optional, Sequence, Tuple, Union

from . import _vmkcheck
from ._errors import ParseError
from ._types import Counts, RuleInfo, SectionKind, Severity, Text, Verdict
from ._vmkcheck import (
    MAX_INPUT_BYTES,
    MAX_SOURCES,
    Diagnostic,
    Dvport,
    Evidence,
    Finding,
    Host,
    InterfaceRow,
    Ipv4Row,
    Ipv6Row,
    NetstackRow,
    Nic,
    Ping,
    PingCommand,
    PingResponse,
    Portgroup,
    Report,
    RouteRow,
    Section,
    Switch,
    Tags,
    Transcript,
    Version,
    VmknicRow,
    __version__,
    parse_transcript,
    parse_vmknic,
    parse_vmkping,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_SOURCES",
    "Counts",
    "Diagnostic",
    "Dvport",
    "Evidence",
    "Facts",
    "Finding",
    "Host",
    "Hosts",
    "InterfaceRow",
    "Ipv4Row",
    "Ipv6Row",
    "NetstackRow",
    "Nic",
    "ParseError",
    "Ping",
    "PingCommand",
    "PingResponse",
    "Portgroup",
    "Report",
    "RouteRow",
    "RuleInfo",
    "Section",
    "SectionKind",
    "Severity",
    "Switch",
    "Tags",
    "Text",
    "Transcript",
    "Verdict",
    "Version",
    "VmknicRow",
    "__version__",
    "check",
    "parse_transcript",
    "parse_vmknic",
    "parse_vmkping",
    "rules",
]

#: What ``check()`` accepts as hosts (any iterable of texts works; a sequence is typed).
Hosts = Union[Mapping[str, Text], Sequence[Text]]
#: What ``check()`` accepts as facts: ``{host name: {field: value}}``, JSON text, None.
Facts = Union[Mapping[str, Mapping[str, Any]], str, bytes, None]


def check(hosts: Hosts, *, facts: Facts = None) -> Report:
    """Checks whether vMotion will work between the hosts of the given transcripts.

    Args:
        hosts: The pasted transcripts (``str`` or UTF-8 ``bytes``), either as a mapping
            ``{name: text}`` or as a sequence (any iterable) of texts. A host is named by
            its prompt (``[root@esx01:~]``); when the prompt names none, by its key in
            the mapping (as the command line names it by the file name), else
            ``host1``, ``host2``... by position. One text may hold several hosts.
        facts: What no paste shows, per host name: ESXi and vCenter versions, licence,
            CPU vendor and flags, EVC mode, encrypted-vMotion mode, uplink line rate,
            vmk tags (see the README). A dict (serialized with ``json.dumps``) or the
            JSON text of a facts file (``vmkcheck check --facts FILE``). None runs the
            network rules only and reports ``facts-not-provided``.

    Returns:
        The ``Report``: verdict, hosts, findings (worst first) and counts.
        ``report.to_json()`` is what ``vmkcheck check --json`` prints for the same inputs.

    Raises:
        ValueError: ``hosts`` is empty (there is nothing to check).
        TypeError: ``hosts`` is not a mapping or an iterable of texts (a single ``str``
            is refused: pass ``[text]``), a name is not a ``str``, a text is not ``str``
            or ``bytes``, or ``facts`` is not a mapping, JSON text or None, or holds
            values ``json.dumps`` cannot serialize.
        ParseError: a text is not UTF-8 or holds a NUL byte (``source`` names it), the
            facts are invalid (unknown field, wrong type or value; ``source`` is
            ``"facts"``), or the input exceeds ``MAX_INPUT_BYTES`` in all or
            ``MAX_SOURCES`` texts (``kind`` ``"too_large"``).
    """
    sources = _sources(hosts)
    if not sources:
        raise ValueError("hosts is empty: give at least one transcript to check")
    return _vmkcheck.check(sources, _facts_text(facts))


def rules() -> List[RuleInfo]:
    """The rule catalogue: every rule's ``id``, ``severity``, one-line ``summary`` and
    ``reference`` (the same list as ``vmkcheck rules --json``)."""
    catalogue: List[RuleInfo] = json.loads(_vmkcheck.rules_json())
    return catalogue


def _sources(hosts: object) -> List[Tuple[str, object, str]]:
    """``(name, text, label)`` for each host text; ``label`` names it in errors."""
    if isinstance(hosts, (str, bytes, bytearray)):
        raise TypeError(
            "hosts must be a mapping {name: text} or a sequence of texts, not a single "
            f"{type(hosts).__name__}; to check one transcript pass [text]"
        )
    if isinstance(hosts, Mapping):
        sources = []
        for name, text in hosts.items():
            if not isinstance(name, str):
                raise TypeError(
                    f"host names must be str, not {type(name).__name__} ({name!r})"
                )
            sources.append((name, text, f"hosts[{name!r}]"))
        return sources
    if isinstance(hosts, Iterable):
        return [("", text, f"hosts[{i}]") for i, text in enumerate(hosts)]
    raise TypeError(
        "hosts must be a mapping {name: text} or a sequence of texts, "
        f"not {type(hosts).__name__}"
    )


def _facts_text(facts: object) -> Optional[Union[str, bytes]]:
    """The facts as the JSON text the core reads."""
    if facts is None or isinstance(facts, (str, bytes)):
        return facts
    if not isinstance(facts, Mapping):
        raise TypeError(
            "facts must be a mapping {host name: {field: value}}, JSON text or None, "
            f"not {type(facts).__name__}"
        )
    try:
        return json.dumps(facts, ensure_ascii=False, allow_nan=False, default=_plain)
    except (TypeError, ValueError) as e:
        raise TypeError(f"facts must be JSON-serializable: {e}") from e


def _plain(value: object) -> object:
    """Lets ``json.dumps`` serialize mappings that are not dicts."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
