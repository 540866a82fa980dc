"""The README examples run as written (their asserts are the checks): py/README.md, and
the Python examples of the root README.md, if it has any (run from the repository root,
so that they can read the corpus by path)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List

import pytest

from conftest import REPO


def _python_blocks(readme: Path) -> List[str]:
    text = readme.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)


def test_py_readme_examples_run() -> None:
    blocks = _python_blocks(REPO / "py" / "README.md")
    assert len(blocks) >= 5
    namespace: dict = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "py/README.md", "exec"), namespace)


def test_root_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(REPO / "README.md")
    if not blocks:
        pytest.skip("the root README has no Python example")
    monkeypatch.chdir(REPO)
    namespace: dict = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
