"""The stubs type a real client under `mypy --strict`, and catch misuse."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "typed"


def _mypy(path: Path) -> "subprocess.CompletedProcess[str]":
    pytest.importorskip("mypy")
    cache = os.environ.get("VMKCHECK_MYPY_CACHE")
    args = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    args += ["--cache-dir", cache] if cache else ["--cache-dir", os.devnull]
    return subprocess.run(args + [str(path)], capture_output=True, text=True, cwd=HERE)


def test_a_typed_client_passes_mypy_strict() -> None:
    out = _mypy(HERE / "client.py")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_reports_each_misuse() -> None:
    path = HERE / "misuse.py"
    expected = {
        i for i, line in enumerate(path.read_text().splitlines(), 1) if line.endswith("# error")
    }
    out = _mypy(path)
    reported = {int(m.group(1)) for m in re.finditer(r"misuse\.py:(\d+): error", out.stdout)}
    assert reported == expected, out.stdout
