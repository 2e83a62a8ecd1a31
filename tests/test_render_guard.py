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
