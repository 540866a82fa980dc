"""The GIL is released while the core works on large inputs, and results are the same
from any thread."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List

import pytest

import vmkcheck
from conftest import CORPUS, parse_cases, read

SAMPLE = read(CORPUS / "softlayer-two-hosts" / "input.txt")


def _longest_pause_of_this_thread(work: Callable[[], object]) -> "tuple[float, float]":
    """Runs `work` in another thread; returns (its duration, the longest time this thread
    could not run Python meanwhile)."""
    started = threading.Event()
    done = threading.Event()
    span: List[float] = []

    def worker() -> None:
        started.set()
        t0 = time.perf_counter()
        work()
        span.append(time.perf_counter() - t0)
        done.set()

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        started.wait()
        longest = 0.0
        last = time.perf_counter()
        while not done.is_set():
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now
        thread.join()
    finally:
        sys.setswitchinterval(old)
    return span[0], longest


def test_the_gil_is_released_while_parsing_a_large_transcript() -> None:
    big = (SAMPLE * 4000).encode()  # about 20 MB
    duration, pause = _longest_pause_of_this_thread(lambda: vmkcheck.parse_transcript(big))
    if duration < 0.05:
        pytest.skip(f"parsing took only {duration:.3f} s: too fast to measure")
    assert pause < duration / 2, f"blocked {pause:.3f} s of {duration:.3f} s"


def test_the_gil_is_released_while_checking_large_inputs() -> None:
    big = SAMPLE * 1500
    hosts = {"a": big, "b": big}
    duration, pause = _longest_pause_of_this_thread(lambda: vmkcheck.check(hosts))
    if duration < 0.05:
        pytest.skip(f"checking took only {duration:.3f} s: too fast to measure")
    assert pause < duration / 2, f"blocked {pause:.3f} s of {duration:.3f} s"


def test_threads_get_the_same_results() -> None:
    cases = parse_cases()
    texts = [read(c.input) for c in cases] * 4
    expected = [vmkcheck.parse_transcript(t).to_json() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: vmkcheck.parse_transcript(t).to_json(), texts))
        reports = list(pool.map(lambda t: vmkcheck.check([t]).to_json(), texts))
    assert got == expected
    assert reports == [vmkcheck.check([t]).to_json() for t in texts]


def test_nested_objects_are_made_once_across_threads() -> None:
    t = vmkcheck.parse_transcript(SAMPLE)
    with ThreadPoolExecutor(max_workers=4) as pool:
        seen = list(pool.map(lambda _: t.sections, range(16)))
    assert all(s is seen[0] for s in seen)
