"""A brief is written only while the render that asked for it holds the --out lock (issue 18: after the
parent of a Dask render died, its workers still wrote two briefs into --out, outside any lock)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from ogi.errors import RenderError
from ogi.render.jobs import make_job, write_brief
from ogi.store.lock import folder_lock, holder


def _hold(folder: str, ready: object, stop: object) -> None:
    with folder_lock(Path(folder), "ogi render"):
        ready.set()  # type: ignore[attr-defined]
        stop.wait(30)  # type: ignore[attr-defined]


def test_a_brief_is_written_while_its_render_holds_the_lock_and_refused_after(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with folder_lock(out, "ogi render"):
        job = make_job(tmp_path / "store", "k", 2024, out / "k" / "2024.html", lock_dir=out)
        assert job.owner is not None and job.owner == holder(out)
        write_brief(job.out, "<p>one</p>", job)
        assert Path(job.out).read_text() == "<p>one</p>"
    # the render is gone (its lock released): a worker still holding the job writes nothing
    with pytest.raises(RenderError, match="gone"):
        write_brief(job.out, "<p>two</p>", job)
    assert Path(job.out).read_text() == "<p>one</p>"


def test_a_brief_of_a_dead_render_is_refused_when_another_render_holds_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with folder_lock(out, "ogi render"):
        job = make_job(tmp_path / "store", "k", 2024, out / "k" / "2024.html", lock_dir=out)
    ctx = multiprocessing.get_context("spawn")
    ready, stop = ctx.Event(), ctx.Event()
    other = ctx.Process(target=_hold, args=(str(out), ready, stop))
    other.start()
    try:
        assert ready.wait(30)
        assert holder(out) not in (None, job.owner)
        with pytest.raises(RenderError, match="locked by"):
            write_brief(job.out, "<p>late</p>", job)
        assert not Path(job.out).exists()
    finally:
        stop.set()
        other.join(30)


def test_a_job_made_outside_a_render_lock_writes_as_before(tmp_path: Path) -> None:
    job = make_job(tmp_path / "store", "k", 2024, tmp_path / "k.html", lock_dir=tmp_path)
    assert job.owner is None
    write_brief(job.out, "<p>x</p>", job)
    assert Path(job.out).read_text() == "<p>x</p>"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_dask_render_whose_parent_is_killed_writes_nothing_more(tmp_path: Path) -> None:
    """`ogi render --scheduler` killed after its first brief: the cluster's worker finishes what it had
    started, but no brief lands in --out after the parent (and its lock) is gone."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from distributed import LocalCluster

    from ogi.render import dask_backend

    root = Path(__file__).resolve().parents[1]
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted((root / "data" / "raw" / "seeds").glob("*.txt"))[:4]:
        (raw / seed.name).write_bytes(seed.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(root / "lib")}
    cli = [sys.executable, "-m", "ogi.cli"]
    store, out = tmp_path / "store", tmp_path / "out"
    res = subprocess.run(
        [*cli, "ingest", str(raw), "-o", str(store), "--no-progress"], env=env, capture_output=True
    )
    assert res.returncode == 0, res.stderr
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        try:
            parent = subprocess.Popen(
                [
                    *cli,
                    "render",
                    "--store",
                    str(store),
                    "--out",
                    str(out),
                    "--scheduler",
                    cluster.scheduler_address,
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / "render.err").open("wb"),
            )
            deadline = time.monotonic() + 300
            while not list(out.glob("*/*.html")) and time.monotonic() < deadline and parent.poll() is None:
                time.sleep(0.05)
            parent.send_signal(signal.SIGKILL)
            parent.wait(30)
            at_kill = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.html"))
            assert len(at_kill) >= 1, (tmp_path / "render.err").read_text(errors="replace")[-3000:]
            # let the worker run out of work: every task the dead render sent is finished or released
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                busy = [
                    t
                    for t in cluster.scheduler.tasks.values()
                    if t.state in ("processing", "waiting", "queued")
                ]
                if not busy:
                    break
                time.sleep(0.5)
            time.sleep(2)
        finally:
            dask_backend.shutdown_kernel()
    after = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.html"))
    assert after == at_kill, "briefs written after the render was killed"
