"""`ogi render` killed mid-run: the briefs already written stay complete, and the next run finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile.conftest import ROOT, ogi

pytestmark = pytest.mark.slow  # renders, kills and resumes a real render


def _complete(page: Path) -> bool:
    return page.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_render_killed_midway_leaves_whole_briefs_and_resumes(tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    seeds = sorted(str(p) for p in (ROOT / "data" / "raw" / "seeds").glob("*.txt"))
    res = ogi("ingest", *seeds, "-o", str(store), "--no-progress", "-j", "1")
    assert res.returncode == 0, res.stderr[-2000:]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "render",
            "--store",
            str(store),
            "--out",
            str(out),
            "--workers",
            "1",
            "--no-progress",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and not list(out.rglob("*.html")):
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the runner, its worker and its kernel, at once
        proc.wait(timeout=30)
    written = sorted(out.rglob("*.html"))
    assert written, "no brief was written before the kill"
    assert all(_complete(p) for p in written), "a brief was left half-written"
    assert len(written) < len(seeds) + 1, "the kill came too late to test anything"
    res = ogi(
        "render", "--store", str(store), "--out", str(out), "--workers", "1", "--no-progress", timeout=600
    )
    assert res.returncode == 0, res.stderr[-2000:]
    briefs = [p for p in out.rglob("*.html") if p.name != "index.html"]
    assert len(briefs) == len(seeds)
    assert all(_complete(p) for p in out.rglob("*.html"))
    assert _complete(out / "index.html")
