"""Warm-kernel rendering: order independence, incremental runs, failures, timeouts, retry, dead workers, Dask.

The reference for every brief is the same brief rendered alone in a fresh kernel (`render_all`, the
one-kernel-per-brief path): a warm kernel must not leave a trace of the briefs it ran before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from fixtures.render_support import FIXTURES, ROOT, fake_store, ingest_sample, render_store

pytestmark = [pytest.mark.timeout(600), pytest.mark.slow]  # warm kernels and worker pools

# A views module for the tests: the fake store, plus briefs that misbehave on request. A file
# `<agency_key>.hang` in OGI_TEST_CTRL makes that brief hang, `.once` hang only the first time,
# `.die` kill the process running the kernel (the pool's worker).
VIEWS = """
import os, signal, time
from pathlib import Path
from ogi_fakestore import *  # noqa: F403
import ogi_fakestore as _base

def category_mix(store, agency_key, year):
    ctrl = Path(os.environ.get("OGI_TEST_CTRL", "/nonexistent"))
    if (ctrl / f"{agency_key}.die").exists():
        os.kill(os.getppid(), signal.SIGKILL)
        time.sleep(60)
    if (ctrl / f"{agency_key}.hang").exists():
        time.sleep(600)
    once = ctrl / f"{agency_key}.once"
    if once.exists():
        once.unlink()
        time.sleep(600)
    return _base.category_mix(store, agency_key, year)
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory):
    """Every fake-store brief rendered alone in a fresh kernel (shared with test_render when run together)."""
    base = tmp_path_factory.mktemp("fake")
    return render_store("fake", base, fake_store(base), fake=True)


@pytest.fixture()
def misbehaving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the render machinery (and the kernels it starts) at the misbehaving views; returns the control dir."""
    mods = tmp_path / "mods"
    mods.mkdir()
    (mods / "ogi_pooltest_views.py").write_text(VIEWS, encoding="utf-8")
    ctrl = tmp_path / "ctrl"
    ctrl.mkdir()
    monkeypatch.setenv("OGI_STORE_VIEWS", "ogi_pooltest_views")
    monkeypatch.setenv("OGI_TEST_CTRL", str(ctrl))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(mods), str(FIXTURES), os.environ.get("PYTHONPATH", "")])
    )
    monkeypatch.syspath_prepend(str(FIXTURES))
    monkeypatch.syspath_prepend(str(mods))
    return ctrl


def _by_key(briefs: list) -> dict[str, Path]:
    return {b.agency_key: b.path for b in briefs}


def test_warm_briefs_equal_briefs_rendered_alone_whatever_came_before(
    reference, misbehaving, tmp_path
) -> None:
    from ogi.render.runner import render_batch

    # one worker: broken (fails mid-notebook) runs before meiling, and both before xss, in one kernel
    # standalone: the reference briefs (render_all, one fresh kernel each) inline the chart runtime
    s = render_batch(reference.store, tmp_path / "one", workers=1, timeout=120, standalone=True)
    assert sorted(b.agency_key for b in s.written) == ["meiling", "xss"]
    assert s.problems == ["空白局: no report with a year in the store"]
    ref = _by_key(reference.written)
    for key, path in _by_key(s.written).items():
        if key in ref:
            assert path.read_bytes() == ref[key].read_bytes(), key
    # and xss alone (first brief of its kernel) equals xss after three others
    alone = render_batch(
        reference.store, tmp_path / "alone", agencies=["xss"], workers=1, timeout=120, standalone=True
    )
    assert [b.agency_key for b in alone.written] == ["xss"]
    assert alone.written[0].path.read_bytes() == _by_key(s.written)["xss"].read_bytes()

    # a failing brief among good ones: the others are written, the failure names agency, cell and error
    assert [e.agency for e in s.failed] == ["broken"]
    assert "brief.categories(ctx)" in s.failed[0].cell and "RuntimeError: boom" in s.failed[0].error
    index = (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
    assert "梅岭街道办事处" in index and "RuntimeError: boom" in index


def test_cli_summary_and_exit_status(reference, misbehaving, tmp_path) -> None:
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "render",
            "--store",
            str(reference.store),
            "--out",
            str(tmp_path),
            "--workers",
            "2",
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env=dict(os.environ),
    )
    assert res.returncode == 1, res.stderr
    assert "2 rendered, 0 skipped, 1 failed" in res.stdout
    assert "failed: broken 2021: cell" in res.stdout and "RuntimeError: boom" in res.stderr
    assert "Traceback" not in res.stderr


def test_timeout_retry_once_and_dead_worker_cost_only_their_brief(reference, misbehaving, tmp_path) -> None:
    from ogi.render.runner import render_batch

    (misbehaving / "meiling.once").touch()  # hangs the first time only: the retry succeeds
    (misbehaving / "xss.hang").touch()  # hangs every time: fails after one retry
    (misbehaving / "broken.die").touch()  # kills its worker every time
    s = render_batch(
        reference.store,
        tmp_path,
        agencies=["meiling", "xss", "broken"],
        workers=2,
        timeout=4,
        standalone=True,
    )
    assert [b.agency_key for b in s.written] == ["meiling"]
    assert not (misbehaving / "meiling.once").exists()
    assert s.written[0].path.read_bytes() == _by_key(reference.written)["meiling"].read_bytes()
    errors = {e.agency: e.error for e in s.failed}
    assert set(errors) == {"xss", "broken"}
    assert "timed out after 4 s" in errors["xss"] and "failed again on retry" in errors["xss"]
    assert "worker died" in errors["broken"] and "failed again on retry" in errors["broken"]


def _tweak_one_agency(store: Path, out: Path) -> str:
    """Copy `store` to `out` with one non-peer fact of the first agency changed; returns that agency."""
    shutil.copytree(store, out)
    facts = pl.read_parquet(out / "facts.parquet")
    key = sorted(facts["agency_key"].unique().to_list())[0]
    hit = (pl.col("agency_key") == key) & (pl.col("metric") != "proactive.total")
    first = facts.with_row_index("_i").filter(hit)["_i"][0]
    facts = (
        facts.with_row_index("_i")
        .with_columns(
            pl.when(pl.col("_i") == first).then(pl.col("value") + 1).otherwise(pl.col("value")).alias("value")
        )
        .drop("_i")
    )
    facts.write_parquet(out / "facts.parquet")
    return key


def test_incremental_skips_unchanged_and_rerenders_changed(tmp_path_factory, tmp_path) -> None:
    from ogi.render.runner import render_batch

    store = ingest_sample(tmp_path_factory.mktemp("real"))
    out = tmp_path / "out"
    first = render_batch(store, out, workers=2, timeout=120)
    assert len(first.written) == 3 and not first.failed and not first.skipped
    stamps = {b.agency_key: b.path.stat().st_mtime_ns for b in first.written}

    again = render_batch(store, out, workers=2, timeout=120)
    assert not again.written and len(again.skipped) == 3
    assert {b.agency_key: b.path.stat().st_mtime_ns for b in again.skipped} == stamps
    assert (out / "index.html").is_file()

    changed = tmp_path / "store2"
    key = _tweak_one_agency(store, changed)
    third = render_batch(changed, out, workers=2, timeout=120)
    assert [b.agency_key for b in third.written] == [key]
    assert sorted(b.agency_key for b in third.skipped) == sorted(k for k in stamps if k != key)

    victim = next(b for b in first.written if b.agency_key != key).path
    victim.unlink()  # a brief missing from disk is rendered again
    fourth = render_batch(changed, out, workers=1, timeout=120)
    assert [b.path for b in fourth.written] == [victim] and victim.is_file()

    forced = render_batch(changed, out, workers=2, timeout=120, force=True)
    assert len(forced.written) == 3 and not forced.skipped


def test_dask_local_cluster_renders_the_same_briefs(reference, misbehaving, tmp_path) -> None:
    from distributed import LocalCluster

    from ogi.render import dask_backend
    from ogi.render.runner import render_batch

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        try:
            s = render_batch(
                reference.store,
                tmp_path,
                agencies=["meiling", "broken", "xss"],
                scheduler=cluster.scheduler_address,
                timeout=120,
                standalone=True,  # as the reference briefs
            )
        finally:
            dask_backend.shutdown_kernel()
    ref = _by_key(reference.written)
    assert sorted(b.agency_key for b in s.written) == ["meiling", "xss"]
    for b in s.written:
        assert b.path.read_bytes() == ref[b.agency_key].read_bytes(), b.agency_key
    assert [e.agency for e in s.failed] == ["broken"] and "RuntimeError: boom" in s.failed[0].error
