"""Shared fixtures: the hostile corpus and the good seed reports, written once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.corpus import write_corpus, write_good

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def good(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_good(tmp_path_factory.mktemp("good"))


def ogi(
    *args: str, cwd: Path | None = None, timeout: float = 300, preexec: object = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh process (tracebacks would show on its stderr)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib"), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "ogi.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=timeout,
        env=env,
        preexec_fn=preexec,
    )  # type: ignore[arg-type]


def failure_lines(stderr: str) -> dict[str, str]:
    """`path: reason` lines of stderr, path → reason (the summary's indented copies are skipped)."""
    out: dict[str, str] = {}
    for line in stderr.splitlines():
        if line.startswith((" ", "ogi ")) or ": " not in line:
            continue
        path, _, reason = line.partition(": ")
        out[path] = reason
    return out
