"""Run the brief notebook for one agency with papermill and write its HTML; batches go on past failures.

`render_brief` is the unit of work (a worker pool can call it directly); `render_all` picks the
agencies and years from the store, names the files, renders each, and builds the index.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogi.atomic import write_text
from ogi.errors import OgiError
from ogi.render.params import register_translator, repo_root
from ogi.render.slug import slugify, unique_slugs

NOTEBOOK_DIR = repo_root() / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOK_DIR / "agency_brief.ipynb"
OVERVIEW_NOTEBOOK = NOTEBOOK_DIR / "corpus_overview.ipynb"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class RenderError(OgiError):
    """A notebook that failed: which agency and year, which cell, which error (one line)."""

    def __init__(self, agency: str, year: int | None, cell: str, error: str) -> None:
        self.agency, self.year, self.cell, self.error = agency, year, cell, error
        super().__init__(f"{agency} {year if year is not None else ''}: {cell}: {error}".replace("  ", " "))


@dataclass(frozen=True, slots=True)
class Brief:
    """One brief to write (or written): who, which year, where."""

    agency_key: str
    agency: str
    year: int
    path: Path


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
            # the kernel's TCP warning would print once per brief; its errors still show
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
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
    from ogi.render.export import to_html

    params = {"agency": agency_key, "year": year, "store": str(Path(store_path).resolve()), "lang": lang}
    nb = execute(BRIEF_NOTEBOOK, params, (agency_key, year))
    html = to_html(nb, lang=lang)  # type: ignore[arg-type]
    out = Path(out_path)
    _write(out, html)
    return out


def _write(path: Path, text: str) -> None:
    """Atomic write, then the usual 0644 (the temp file was created 0600)."""
    write_text(path, text)
    path.chmod(0o644)


def render_overview(
    store_path: str | os.PathLike[str], out_path: str | os.PathLike[str], lang: str = "zh"
) -> Path:
    """Execute the corpus overview notebook and write its HTML."""
    from ogi.render.export import to_html

    nb = execute(
        OVERVIEW_NOTEBOOK, {"store": str(Path(store_path).resolve()), "lang": lang}, ("overview", None)
    )
    out = Path(out_path)
    _write(out, to_html(nb, lang=lang))  # type: ignore[arg-type]
    return out


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
            y = year
        elif r.get("latest_year") is not None:
            y = int(r["latest_year"])
        elif years:
            y = years[-1]
        else:
            problems.append(f"{r.get('agency')}: no report with a year in the store")
            continue
        key = str(r["agency_key"])
        briefs.append(Brief(key, str(r.get("agency") or key), y, Path(out_dir) / slugs[key] / f"{y}.html"))
    return sorted(briefs, key=lambda b: (b.agency_key, b.year)), problems


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Summary:
    """What a batch did: briefs rendered, skipped as unchanged, failed (with their errors)."""

    written: list[Brief] = field(default_factory=list)
    skipped: list[Brief] = field(default_factory=list)
    failed: list[RenderError] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


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
) -> Summary:
    """Render the planned briefs whose inputs changed (all with `force`) on warm-kernel workers (a local
    pool, or the Dask cluster at `scheduler`), then rebuild the index. `on_plan(to_render, skipped)` is
    called once before rendering starts; `on_done` once per rendered or failed brief."""
    from ogi.render import state
    from ogi.render.index import build_index
    from ogi.render.kernel import make_job

    out = Path(out_dir)
    briefs, problems = plan(store_path, out_dir, agencies, year)
    summary = Summary(problems=problems)
    rel = {b: b.path.relative_to(out).as_posix() for b in briefs}
    keys = state.keys_for(store_path, [(rel[b], b.agency_key, b.year) for b in briefs], lang, BRIEF_NOTEBOOK)
    manifest = state.load(out)
    todo = []
    for b in briefs:
        if not force and manifest.get(rel[b]) == keys[rel[b]] and b.path.is_file():
            summary.skipped.append(b)
        else:
            todo.append(b)
    if on_plan:
        on_plan(len(todo), len(summary.skipped))
    jobs = []
    for i, b in enumerate(todo):
        job = make_job(store_path, b.agency_key, b.year, b.path, lang, BRIEF_NOTEBOOK, timeout)
        job["id"] = i
        jobs.append(job)

    def settle(job: dict[str, object], error: RenderError | None) -> None:
        b = todo[int(job["id"])]  # type: ignore[call-overload]
        if error is None:
            summary.written.append(b)
            manifest[rel[b]] = keys[rel[b]]
        else:
            summary.failed.append(error)
            manifest.pop(rel[b], None)
        if on_done:
            on_done(b, error)

    try:
        if jobs and scheduler:
            from ogi.render.dask_backend import run_dask

            run_dask(scheduler, jobs, settle)  # type: ignore[arg-type]
        elif jobs:
            from ogi.render.pool import Pool

            Pool(workers or default_workers(), timeout).run(jobs, settle)  # type: ignore[arg-type]
    finally:
        if out.is_dir() or summary.written:
            state.save(out, manifest)
    summary.written.sort(key=lambda b: (b.agency_key, b.year))
    summary.failed.sort(key=lambda e: (e.agency, e.year or 0))
    build_index(store_path, out_dir, failed=summary.failed, lang=lang)
    return summary


def render_all(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    agencies: Sequence[str] = (),
    year: int | None = None,
    lang: str = "zh",
    on_done: Callable[[Brief, RenderError | None], None] | None = None,
) -> tuple[list[Brief], list[RenderError], list[str]]:
    """Render every planned brief afresh, one kernel per brief, then the index; (written, failed, problems).

    The reference path (no pool, no manifest): `render_batch` is the fast one.
    """
    from ogi.render.index import build_index

    briefs, problems = plan(store_path, out_dir, agencies, year)
    written: list[Brief] = []
    failed: list[RenderError] = []
    for b in briefs:
        try:
            render_brief(store_path, b.agency_key, b.year, b.path, lang)
            written.append(b)
            if on_done:
                on_done(b, None)
        except RenderError as exc:
            failed.append(exc)
            if on_done:
                on_done(b, exc)
    build_index(store_path, out_dir, failed=failed, lang=lang)
    return written, failed, problems
