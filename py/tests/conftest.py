"""Shared helpers: the corpus of tests/corpus/, read the way the CLI reads it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"


@dataclass
class ParseCase:
    """``<case>/input.txt`` and its reviewed ``parse.json``."""

    name: str
    input: Path
    expected: Path


@dataclass
class CheckCase:
    """An ``s*/`` folder: every ``*.txt`` (host = file stem, sorted) + ``facts.json``."""

    name: str
    hosts: Dict[str, Path] = field(default_factory=dict)
    facts: Optional[Path] = None
    expected: Optional[Path] = None


def parse_cases() -> List[ParseCase]:
    return [
        ParseCase(d.name, d / "input.txt", d / "parse.json")
        for d in sorted(CORPUS.iterdir())
        if (d / "input.txt").is_file()
    ]


def check_cases() -> List[CheckCase]:
    cases = []
    for d in sorted(CORPUS.iterdir()):
        if not (d.is_dir() and d.name.startswith("s")):
            continue
        case = CheckCase(d.name)
        for p in sorted(d.glob("*.txt")):
            case.hosts[p.stem] = p
        if (d / "facts.json").is_file():
            case.facts = d / "facts.json"
        if (d / "report.json").is_file():
            case.expected = d / "report.json"
        cases.append(case)
    return cases


def read(path: Path) -> str:
    """The file as text, exactly (no newline translation)."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def cli() -> str:
    """The ``vmkcheck`` binary built from the same sources ($VMKCHECK_CLI; py/test.sh
    sets it), to compare against; the test is skipped without it."""
    path = os.environ.get("VMKCHECK_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("VMKCHECK_CLI is not set to the vmkcheck binary")
    return path


def pytest_report_header() -> str:
    import vmkcheck

    return f"vmkcheck {vmkcheck.__version__} from {Path(vmkcheck.__file__).parent}"


@pytest.fixture(autouse=True, scope="session")
def _installed_package() -> None:
    """py/test.sh tests the installed wheel, never the source tree."""
    if os.environ.get("VMKCHECK_EXPECT_INSTALLED"):
        import vmkcheck

        assert "site-packages" in Path(vmkcheck.__file__).parts, vmkcheck.__file__
