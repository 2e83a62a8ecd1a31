"""Run the brief notebook for one agency with papermill and write its HTML; batches go on past failures.

`plan` picks the agencies and years from the store and names the files; `render_batch` renders the
changed ones on a Backend (the local warm-kernel pool or a Dask cluster) and builds the index;
`render_all` is the reference path: every brief in a fresh kernel (the `Sequential` backend).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogi.errors import RenderError
from ogi.render.jobs import (
    BRIEF_NOTEBOOK,
    EXPLORE_NOTEBOOK,
    NOTEBOOK_DIR,
    OVERVIEW_NOTEBOOK,
    Backend,
    Brief,
    Done,
    Job,
    make_job,
    write_brief,
)
from ogi.render.params import register_translator, repo_root
from ogi.render.slug import slugify, unique_slugs

__all__ = [
    "BRIEF_NOTEBOOK",
    "EXPLORE_NOTEBOOK",
    "NOTEBOOK_DIR",
    "OVERVIEW_NOTEBOOK",
    "Brief",
    "RenderError",
    "Sequential",
    "Summary",
    "backend",
    "plan",
    "render_all",
    "render_batch",
    "render_brief",
    "render_overview",
]
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _first_line(text: str) -> str:
    lines = [ln for ln in (text or "").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return (lines[0].strip() if lines else "").replace("\n", " ")[:80]


def execute(notebook: Path, parameters: dict[str, object], label: tuple[str, int | None]) -> object:
    """Run `notebook` with `parameters` in a fresh kernel; a failure becomes RenderError with the cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    register_translator()
    try:
        return pm.execute_notebook(
            str(notebook),
            None,
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(repo_root()),
            report_mode=False,
            # the kernel's own log stays quiet: its TCP warning would print once per brief, and
            # jupyter_client interrupts (SIGINT) every kernel before shutting it down, which ipykernel
            # logs as "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel"; a cell's errors come
            # back through the kernel protocol (PapermillExecutionError below), not through this log
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        cell = f"cell {exc.cell_index} [{_first_line(exc.source)}]"
        raise RenderError(
            label[0], label[1], cell, f"{exc.ename}: {_ANSI.sub('', str(exc.evalue))}"[:300]
        ) from None
    except Exception as exc:  # kernel died, notebook unreadable, ...: still one line for this brief
        raise RenderError(label[0], label[1], "notebook", f"{type(exc).__name__}: {exc}"[:300]) from None


def render_brief(
    store_path: str | os.PathLike[str],
    agency_key: str,
    year: int | None,
    out_path: str | os.PathLike[str],
    lang: str = "zh",
) -> Path:
    """Execute the brief notebook for one agency and year and write the offline HTML to `out_path`."""
    job = make_job(store_path, agency_key, year, out_path, lang)
    return Path(_render_fresh(job))


def _render_fresh(job: Job) -> str:
    """Execute the job's notebook in a fresh kernel and write its HTML; returns the path written."""
    from ogi.render.export import to_html

    params: dict[str, object] = {
        "agency": job.agency_key,
        "year": job.year,
        "store": job.store,
        "lang": job.lang,
    }
    nb = execute(Path(job.notebook), params, job.label)
    write_brief(job.out, to_html(nb, lang=job.lang), job)  # type: ignore[arg-type]
    return job.out


class Sequential:
    """The reference Backend: one job after another, each in a fresh papermill kernel, in this process."""

    def __init__(self) -> None:
        self.timings: dict[int, float] = {}

    def run(self, jobs: Sequence[Job], on_done: Done) -> None:
        for job in jobs:
            started = time.perf_counter()
            try:
                _render_fresh(job)
            except RenderError as exc:
                on_done(job, exc)
            else:
                self.timings[job.id] = (time.perf_counter() - started) * 1000
                on_done(job, None)


def render_overview(
    store_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    lang: str = "zh",
    notebook: Path = OVERVIEW_NOTEBOOK,
    *,
    standalone: bool = True,
) -> Path:
    """Execute the corpus overview notebook (or another whole-store notebook, e.g. EXPLORE_NOTEBOOK)
    and write its HTML (loading the site's runtime unless standalone)."""
    from ogi.render.export import to_html
    from ogi.render.runtime import runtime_src, write_runtime

    nb = execute(
        notebook,
        {"store": str(Path(store_path).resolve()), "lang": lang},
        ("overview" if notebook == OVERVIEW_NOTEBOOK else notebook.stem, None),
    )
    url = "" if standalone else runtime_src(write_runtime(Path(out_path).parent), out_path)
    return write_brief(out_path, to_html(nb, lang=lang, runtime_url=url))  # type: ignore[arg-type]


def plan(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    agencies: Sequence[str] = (),
    year: int | None = None,
) -> tuple[list[Brief], list[str]]:
    """The briefs to write (sorted) and one line per requested agency that cannot be briefed."""
    from ogi.render.context import open_context

    ctx = open_context(store_path)
    table = ctx.view("agencies").sort("agency_key").to_dicts()
    slugs = unique_slugs([(str(r["agency_key"]), str(r.get("agency") or r["agency_key"])) for r in table])
    problems: list[str] = []
    chosen = table
    if agencies:
        chosen = []
        for want in agencies:
            hits = [
                r
                for r in table
                if want in (str(r["agency_key"]), str(r.get("agency")))
                or slugify(str(r.get("agency") or "")) == slugify(want)
            ]
            if not hits:
                problems.append(f"{want}: not in the store {store_path}")
            chosen.extend(h for h in hits if h not in chosen)
    briefs = []
    for r in chosen:
        years = sorted(int(y) for y in (r.get("years") or []) if y is not None)
        if year is not None:
            if years and year not in years:
                if agencies:
                    problems.append(f"{r.get('agency')}: no {year} report in the store")
                continue
            wanted = [year]
        elif years:
            wanted = years  # every year held gets its brief (they link to each other)
        elif r.get("latest_year") is not None:
            wanted = [int(r["latest_year"])]
        else:
            problems.append(f"{r.get('agency')}: no report with a year in the store")
            continue
        key = str(r["agency_key"])
        for y in wanted:
            briefs.append(
                Brief(key, str(r.get("agency") or key), y, Path(out_dir) / slugs[key] / f"{y}.html")
            )
    return sorted(briefs, key=lambda b: (b.agency_key, b.year)), problems


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def backend(
    workers: int | None = None, scheduler: str | None = None, timeout: float | None = None
) -> Backend:
    """The Dask cluster at `scheduler` when given, else the local warm-kernel pool of `workers` processes."""
    if scheduler:
        from ogi.render.dask_backend import DaskBackend

        return DaskBackend(scheduler)
    from ogi.render.pool import Pool

    return Pool(workers or default_workers(), timeout)


@dataclass
class Summary:
    """What a batch did: briefs rendered, skipped as unchanged, failed (with their errors)."""

    written: list[Brief] = field(default_factory=list)
    skipped: list[Brief] = field(default_factory=list)
    failed: list[RenderError] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unwritten: list[str] = field(default_factory=list)  # the index or manifest that could not be written
    brief_ms: list[float] = field(default_factory=list)  # each written brief's time in its worker
    index_seconds: float = 0.0  # building the index and downloads (after the briefs)


def render_batch(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    agencies: Sequence[str] = (),
    year: int | None = None,
    lang: str = "zh",
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    timeout: float | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    on_done: Callable[[Brief, RenderError | None], None] | None = None,
    notebook: str | os.PathLike[str] | None = None,
    standalone: bool = False,
) -> Summary:
    """Render the planned briefs whose inputs changed (all with `force`) on warm-kernel workers (a local
    pool, or the Dask cluster at `scheduler`), then rebuild the index. `on_plan(to_render, skipped)` is
    called once before rendering starts; `on_done` once per rendered or failed brief. `notebook`: an
    analyst's own brief notebook in place of notebooks/agency_brief.ipynb. The briefs load the site's
    one Vega runtime from `_static/` (see runtime.write_runtime), or inline it (`standalone`)."""
    from dataclasses import replace

    from ogi.render import stale, state
    from ogi.render.index import build_index
    from ogi.render.runtime import runtime_src, write_runtime

    out = Path(out_dir)
    briefs, problems = plan(store_path, out_dir, agencies, year)
    summary = Summary(problems=problems)
    rel = {b: b.path.relative_to(out).as_posix() for b in briefs}
    nb = Path(notebook or BRIEF_NOTEBOOK)
    runtime = None if standalone or not briefs else write_runtime(out)
    variant = "standalone" if runtime is None else f"site:{runtime.name}"
    keys = state.keys_for(store_path, [(rel[b], b.agency_key, b.year) for b in briefs], lang, nb, variant)
    manifest = state.load(out)
    # where each brief comes from, so a later render of another store leaves it alone (stale.py)
    sources = {
        **state.load_sources(out),
        **stale.sources(store_path, [(rel[b], b.agency_key, b.year) for b in briefs]),
    }
    todo = []
    for b in briefs:
        if not force and manifest.get(rel[b]) == keys[rel[b]] and b.path.is_file():
            summary.skipped.append(b)
        else:
            todo.append(b)
    if on_plan:
        on_plan(len(todo), len(summary.skipped))
    from ogi.digest import source_digest

    code = source_digest()
    jobs = [
        make_job(
            store_path, b.agency_key, b.year, b.path, lang, nb, timeout, job_id=i, lock_dir=out, code=code
        )
        for i, b in enumerate(todo)
    ]
    if runtime is not None:
        jobs = [replace(j, runtime_url=runtime_src(runtime, j.out)) for j in jobs]

    def settle(job: Job, error: RenderError | None) -> None:
        b = todo[job.id]
        if error is None:
            summary.written.append(b)
            manifest[rel[b]] = keys[rel[b]]
        else:
            summary.failed.append(error)
            manifest.pop(rel[b], None)
        if on_done:
            on_done(b, error)

    be = backend(workers, scheduler, timeout) if jobs else None
    stop = threading.Event()
    ahead = (
        _index_ahead(store_path, out, lang, [(b.agency_key, b.year) for b in briefs], stop) if jobs else None
    )
    try:
        if be is not None:
            be.run(jobs, settle)
    except BaseException:  # Ctrl-C, SIGTERM: the index is not built; stop its thread, end the workers
        stop.set()
        _close(be)
        raise
    finally:
        if ahead is not None:
            # never two writers of the downloads: build_index comes after (after an interrupt the
            # thread stops at its next brief; a download it was writing is whole or not there)
            ahead.join(None if not stop.is_set() else 5.0)
        if be is not None:
            summary.brief_ms = sorted(be.timings.values())
        if out.is_dir() or summary.written:
            try:
                state.save(out, manifest, sources)
            except OSError as exc:  # disk full: the briefs written stay counted; the next run redoes them
                summary.unwritten.append(_os_error(exc, out / state.MANIFEST))
    summary.written.sort(key=lambda b: (b.agency_key, b.year))
    summary.failed.sort(key=lambda e: (e.agency, e.year or 0))
    started = time.perf_counter()
    try:
        build_index(
            store_path,
            out_dir,
            failed=summary.failed,
            lang=lang,
            others=stale.foreign(store_path, out),
            unchanged=frozenset(rel[b] for b in summary.skipped),  # their CSVs and index rows are kept
            digests=keys,
        )
    except OSError as exc:  # disk full after the briefs: say what was written and what was not
        summary.unwritten.append(_os_error(exc, out / "index.html"))
    finally:
        summary.index_seconds = time.perf_counter() - started
        _close(be)  # the pool's workers end while the index is built
    return summary


def _close(be: Backend | None) -> None:
    """Wait for a backend's workers to end, where it has a `close` (the local pool)."""
    close = getattr(be, "close", None)
    if close is not None:
        close()


def _index_ahead(
    store_path: str | os.PathLike[str],
    out: Path,
    lang: str,
    briefs: list[tuple[str, int]],
    stop: threading.Event,
) -> threading.Thread:
    """A thread that makes what the index needs from the store alone (downloads, headline rows) while
    the workers render: this process only waits for them. Anything it cannot do is left to
    `build_index`, which does it again and reports it."""

    def run() -> None:
        import contextlib

        from ogi.render.index import prepare

        # this thread only (a thread id is a process id to Linux): the workers starting their kernels
        # come first, the downloads take what CPU they leave
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        try:
            prepare(store_path, out, lang, briefs, stop)
        except Exception:
            pass

    thread = threading.Thread(target=run, name="ogi-index-ahead", daemon=True)
    thread.start()
    return thread


def _os_error(exc: OSError, default: Path) -> str:
    """`path: reason` of a failed write."""
    from ogi.paths import shown

    return f"{shown(exc.filename or default)}: {exc.strerror or exc}"


def render_all(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    agencies: Sequence[str] = (),
    year: int | None = None,
    lang: str = "zh",
    on_done: Callable[[Brief, RenderError | None], None] | None = None,
    notebook: str | os.PathLike[str] | None = None,
) -> tuple[list[Brief], list[RenderError], list[str]]:
    """Render every planned brief afresh, one kernel per brief, then the index; (written, failed, problems).

    The reference path (no pool, no manifest): `render_batch` is the fast one.
    """
    from ogi.render.index import build_index

    briefs, problems = plan(store_path, out_dir, agencies, year)
    written: list[Brief] = []
    failed: list[RenderError] = []

    def settle(job: Job, error: RenderError | None) -> None:
        b = briefs[job.id]
        if error is None:
            written.append(b)
        else:
            failed.append(error)
        if on_done:
            on_done(b, error)

    jobs = [
        make_job(store_path, b.agency_key, b.year, b.path, lang, notebook, job_id=i, code="")
        for i, b in enumerate(briefs)
    ]
    Sequential().run(jobs, settle)
    build_index(store_path, out_dir, failed=failed, lang=lang)
    return written, failed, problems
