"""The render layer's shared vocabulary: a Brief, a Job, the Backend protocol and the brief file write.

A leaf: it imports no other render module, so the runner, the warm kernel, the local pool and the
Dask backend all import it and none of them imports another to get at these names.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ogi.atomic import write_text
from ogi.errors import RenderError, RetryableError
from ogi.render.params import repo_root

__all__ = [
    "BRIEF_NOTEBOOK",
    "EXPLORE_NOTEBOOK",
    "NOTEBOOK_DIR",
    "OVERVIEW_NOTEBOOK",
    "Backend",
    "Brief",
    "Done",
    "Job",
    "RenderError",
    "RetryableError",
    "make_job",
    "write_brief",
]

NOTEBOOK_DIR = repo_root() / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOK_DIR / "agency_brief.ipynb"
OVERVIEW_NOTEBOOK = NOTEBOOK_DIR / "corpus_overview.ipynb"
EXPLORE_NOTEBOOK = NOTEBOOK_DIR / "explore.ipynb"


@dataclass(frozen=True, slots=True)
class Brief:
    """One brief to write (or written): who, which year, where."""

    agency_key: str
    agency: str
    year: int
    path: Path


@dataclass(frozen=True, slots=True)
class Job:
    """One brief to render, as plain picklable data (it crosses to worker processes and Dask tasks)."""

    id: int
    store: str
    agency_key: str
    year: int | None
    out: str
    lang: str = "zh"
    notebook: str = str(BRIEF_NOTEBOOK)
    timeout: float | None = None
    lock_dir: str | None = None  # the --out folder whose lock the render holds
    owner: str | None = None  # what that lock's holder wrote: the brief is written only while it holds it
    runtime_url: str = ""  # the site's Vega runtime relative to `out` ("" = inline it: a standalone brief)
    code: str = ""  # the ogi package's source digest: a warm kernel holding other code imports it afresh

    @property
    def label(self) -> tuple[str, int | None]:
        """(agency_key, year): how errors name this brief."""
        return (self.agency_key, self.year)

    def error(self, cell: str, exc: BaseException, cls: type[RenderError] = RenderError) -> RenderError:
        """`exc` as this brief's one-line error at `cell`."""
        return cls(self.agency_key, self.year, cell, f"{type(exc).__name__}: {exc}"[:300])

    def check_owner(self) -> None:
        """Raise RenderError unless the render that asked for this brief still holds the --out lock
        (a Dask worker outlives the `ogi render` that sent it work: it must not write outside a lock)."""
        if self.lock_dir is None or self.owner is None:
            return
        from ogi.store.lock import holder

        now = holder(Path(self.lock_dir))
        if now != self.owner:
            why = "its lock is released" if now is None else f"the folder is now locked by {now}"
            raise RenderError(
                self.agency_key,
                self.year,
                "write",
                f"the render that asked for it is gone ({why}); not written",
            )


# called once per job when it is finally done: None, or the error it failed with
Done = Callable[[Job, RenderError | None], None]


class Backend(Protocol):
    """Where briefs run: the sequential fresh-kernel path, the local warm-kernel pool, or a Dask cluster.

    `run` renders every job and calls `on_done` once per job, in any order; it never raises for one
    brief (notebook failures, timeouts and lost workers all reach `on_done` as a RenderError).
    `timings` maps a written job's id to the milliseconds its worker spent on it (notebook, export,
    write: what a brief costs once a worker is warm), for `ogi render --timings` and bench/render.py.
    """

    @property
    def timings(self) -> dict[int, float]: ...

    def run(self, jobs: Sequence[Job], on_done: Done) -> None: ...


def make_job(
    store: str | os.PathLike[str],
    agency_key: str,
    year: int | None,
    out: str | os.PathLike[str],
    lang: str = "zh",
    notebook: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    *,
    job_id: int = 0,
    lock_dir: str | os.PathLike[str] | None = None,
    code: str | None = None,
) -> Job:
    """A Job with the store path made absolute (workers may run in another folder); with `lock_dir`, the
    brief is written only while the holder of that folder's lock now is still holding it."""
    owner = None
    if lock_dir is not None:
        from ogi.store.lock import holder

        owner = holder(Path(lock_dir))
    from ogi.digest import source_digest

    return Job(
        code=source_digest() if code is None else code,  # a batch computes it once for all its jobs
        id=job_id,
        store=str(Path(store).resolve()),
        agency_key=agency_key,
        year=year,
        out=str(out),
        lang=lang,
        notebook=str(notebook or BRIEF_NOTEBOOK),
        timeout=timeout,
        lock_dir=None if owner is None else str(Path(lock_dir).resolve()),  # type: ignore[arg-type]
        owner=owner,
    )


def write_brief(path: str | os.PathLike[str], html: str, job: Job | None = None) -> Path:
    """Atomic write (mode 0666 less the umask, as for any file), control characters from a report
    escaped; for a `job`, only while its render still holds the --out lock."""
    from ogi.paths import escape_controls

    if job is not None:
        job.check_owner()
    out = Path(path)
    write_text(out, escape_controls(html))
    return out
