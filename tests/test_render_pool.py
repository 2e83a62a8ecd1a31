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

from fixtures.render_support import (
    CTRL_ENV,
    HOSTILE_AGENCY,
    ROOT,
    agency_keys,
    ingest_sample,
    with_broken_brief,
)

pytestmark = [pytest.mark.timeout(600), pytest.mark.slow]  # warm kernels and worker pools

# Briefs misbehave on request through the test copy of the brief notebook (fixtures/render_support.py):
# a file `<agency_key>.hang` in OGI_TEST_CTRL makes that brief hang, `.once` hang only the first time,
# `.die` kill the process running the kernel (the pool's worker), `.boom` fail in its categories cell.


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory):
    """Every sample-store brief rendered alone in a fresh kernel, the first agency's failing (`boom`);
    shared with test_render when run together."""
    return with_broken_brief(tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="module")
def roles(reference) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The agencies the tests give roles: `broken` fails, `good` and `hostile` render."""
    keys = sorted(agency_keys(reference.store).values())
    hostile = agency_keys(reference.store)[HOSTILE_AGENCY]
    one_year = [k for k in keys if sum(1 for p in _pairs(reference.store) if p[0] == k) == 1]
    return {"broken": keys[0], "good": next(k for k in one_year[1:] if k != hostile), "hostile": hostile}


@pytest.fixture()
def misbehaving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, roles) -> Path:  # type: ignore[no-untyped-def]
    """A fresh control folder for the render machinery (and the kernels it starts), the broken brief
    failing as in the reference; returns the folder."""
    ctrl = tmp_path / "ctrl"
    ctrl.mkdir()
    (ctrl / f"{roles['broken']}.boom").touch()
    monkeypatch.setenv(CTRL_ENV, str(ctrl))
    return ctrl


def _by_key(briefs: list) -> dict[tuple[str, int], Path]:
    """(agency_key, year) → brief path (every year an agency holds has its brief)."""
    return {(b.agency_key, b.year): b.path for b in briefs}


def _pairs(store: Path) -> list[tuple[str, int]]:
    """Every (agency_key, year) of the store: the briefs a full render writes."""
    import ogi.store

    table = ogi.store.open(store).views.agencies()
    return sorted((str(k), int(y)) for k, ys in table.select("agency_key", "years").iter_rows() for y in ys)


def test_warm_briefs_equal_briefs_rendered_alone_whatever_came_before(
    reference, roles, misbehaving, tmp_path
) -> None:
    from ogi.render.runner import render_batch

    nb = reference.notebook
    # one worker: the broken brief (fails mid-notebook) runs first, and every other after it in one kernel
    s = render_batch(reference.store, tmp_path / "one", workers=1, timeout=120, notebook=nb, standalone=True)
    keys = _pairs(reference.store)
    assert sorted((b.agency_key, b.year) for b in s.written) == [p for p in keys if p[0] != roles["broken"]]
    assert not s.problems
    ref = _by_key(reference.written)
    for key, path in _by_key(s.written).items():
        assert path.read_bytes() == ref[key].read_bytes(), key
    # and the last brief alone (first brief of its kernel) equals it after all the others
    last = keys[-1]
    alone = render_batch(
        reference.store,
        tmp_path / "alone",
        agencies=[last[0]],
        year=last[1],
        workers=1,
        timeout=120,
        notebook=nb,
        standalone=True,
    )
    assert [(b.agency_key, b.year) for b in alone.written] == [last]
    assert alone.written[0].path.read_bytes() == _by_key(s.written)[last].read_bytes()

    # a failing brief among good ones: the others are written, the failure names agency, cell and error
    assert [e.agency for e in s.failed] == [roles["broken"]]
    assert "views.categories(store, report)" in s.failed[0].cell and "RuntimeError: boom" in s.failed[0].error
    index = (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
    assert HOSTILE_AGENCY in index and "RuntimeError: boom" in index


def test_cli_summary_and_exit_status(reference, roles, misbehaving, tmp_path) -> None:
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
            "--notebook",
            str(reference.notebook),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env=dict(os.environ),
    )
    assert res.returncode == 1, res.stderr
    n = len(_pairs(reference.store))
    assert f"{n - 1} rendered, 0 skipped, 1 failed" in res.stdout
    assert f"failed: {roles['broken']} " in res.stdout and "RuntimeError: boom" in res.stderr
    assert "Traceback" not in res.stderr


def test_timeout_retry_once_and_dead_worker_cost_only_their_brief(
    reference, roles, misbehaving, tmp_path
) -> None:
    from ogi.render.runner import render_batch

    good, hostile, broken = roles["good"], roles["hostile"], roles["broken"]
    (misbehaving / f"{good}.once").touch()  # hangs the first time only: the retry succeeds
    (misbehaving / f"{hostile}.hang").touch()  # hangs every time: fails after one retry
    (misbehaving / f"{broken}.die").touch()  # kills its worker every time
    s = render_batch(
        reference.store,
        tmp_path,
        agencies=[good, hostile, broken],
        workers=2,
        timeout=4,
        notebook=reference.notebook,
        standalone=True,
    )
    assert [b.agency_key for b in s.written] == [good]
    assert not (misbehaving / f"{good}.once").exists()
    assert (
        s.written[0].path.read_bytes() == _by_key(reference.written)[(good, s.written[0].year)].read_bytes()
    )
    errors = {e.agency: e.error for e in s.failed}
    assert set(errors) == {hostile, broken}
    assert "timed out after 4 s" in errors[hostile] and "failed again on retry" in errors[hostile]
    assert "worker died" in errors[broken] and "failed again on retry" in errors[broken]


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
    n = len(_pairs(store))
    assert len(first.written) == n and not first.failed and not first.skipped
    stamps = {(b.agency_key, b.year): b.path.stat().st_mtime_ns for b in first.written}

    again = render_batch(store, out, workers=2, timeout=120)
    assert not again.written and len(again.skipped) == n
    assert {(b.agency_key, b.year): b.path.stat().st_mtime_ns for b in again.skipped} == stamps
    assert (out / "index.html").is_file()

    changed = tmp_path / "store2"
    key = _tweak_one_agency(store, changed)
    third = render_batch(changed, out, workers=2, timeout=120)
    assert [b.agency_key for b in third.written] == [key]
    assert sorted((b.agency_key, b.year) for b in third.skipped) == sorted(k for k in stamps if k[0] != key)

    victim = next(b for b in first.written if b.agency_key != key).path
    victim.unlink()  # a brief missing from disk is rendered again
    fourth = render_batch(changed, out, workers=1, timeout=120)
    assert [b.path for b in fourth.written] == [victim] and victim.is_file()

    forced = render_batch(changed, out, workers=2, timeout=120, force=True)
    assert len(forced.written) == n and not forced.skipped


def test_dask_local_cluster_renders_the_same_briefs(reference, roles, misbehaving, tmp_path) -> None:
    from distributed import LocalCluster

    from ogi.render import dask_backend
    from ogi.render.runner import render_batch

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        try:
            s = render_batch(
                reference.store,
                tmp_path,
                agencies=[roles["good"], roles["broken"], roles["hostile"]],
                scheduler=cluster.scheduler_address,
                timeout=120,
                notebook=reference.notebook,
                standalone=True,  # as the reference briefs
            )
        finally:
            dask_backend.shutdown_kernel()
    ref = _by_key(reference.written)
    assert sorted(b.agency_key for b in s.written) == sorted([roles["good"], roles["hostile"]])
    for b in s.written:
        assert b.path.read_bytes() == ref[(b.agency_key, b.year)].read_bytes(), b.agency_key
    assert [e.agency for e in s.failed] == [roles["broken"]] and "RuntimeError: boom" in s.failed[0].error
