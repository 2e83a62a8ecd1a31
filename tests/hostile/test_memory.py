"""Memory and time bound: the 50 MB report and the 5 MB line run under RLIMIT_AS = 2 GB and a time limit."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from hostile.conftest import failure_lines, ogi
from hostile.corpus import by_name

AS_LIMIT = 2 * 1024**3  # the bound this suite asserts: 2 GB of address space for the whole process
TIME_LIMIT = 90  # seconds, per run


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["big50mb.txt", "line5mb.txt"])
def test_big_input_finishes_bounded(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(by_name(name).make())
    t0 = time.monotonic()
    res = ogi("extract", str(path), "-o", str(tmp_path / "facts.jsonl"), timeout=TIME_LIMIT, preexec=_limit)
    elapsed = time.monotonic() - t0
    assert "Traceback" not in res.stderr and "MemoryError" not in res.stderr, res.stderr[-2000:]
    assert elapsed < TIME_LIMIT
    if res.returncode == 0:
        assert (tmp_path / "facts.jsonl").stat().st_size > 0
    else:
        assert res.returncode == 1
        reason = failure_lines(res.stderr)[str(path)]
        assert reason and "\n" not in reason


@pytest.mark.slow
def test_50mb_report_is_refused_with_the_documented_limit(tmp_path: Path) -> None:
    path = tmp_path / "big50mb.txt"
    path.write_bytes(by_name("big50mb.txt").make())
    res = ogi("extract", str(path), timeout=TIME_LIMIT, preexec=_limit)
    assert res.returncode == 1
    assert "not a single report" in failure_lines(res.stderr)[str(path)]


@pytest.mark.slow
def test_5mb_line_is_read_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "line5mb.txt"
    path.write_bytes(by_name("line5mb.txt").make())
    res = ogi("extract", str(path), "-o", str(tmp_path / "f.jsonl"), timeout=TIME_LIMIT, preexec=_limit)
    assert res.returncode == 0, res.stderr[-2000:]
    assert sum(1 for _ in (tmp_path / "f.jsonl").open(encoding="utf-8")) > 100_000
