"""`ogi render`: one offline HTML brief per agency plus reports_out/index.html, on warm-kernel workers.

Briefs whose inputs did not change since the last run are skipped (`--force` renders all). A failing
brief prints `agency year: cell N [...]: Error: message` and the others are still written; the run
ends with a summary (rendered, skipped, failed) and a non-zero status when any brief failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("render", help="render the per-agency HTML briefs and the index page")
    p.add_argument(
        "--agency",
        action="append",
        default=[],
        metavar="NAME",
        help="agency name, key or slug (repeatable; default: every agency in the store)",
    )
    p.add_argument("--year", type=int, help="report year (default: each agency's latest)")
    p.add_argument("--store", default="data/processed", help="store folder (default: data/processed)")
    p.add_argument("--out", default="reports_out", help="output folder (default: reports_out)")
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="brief language (default: zh; en writes OUT/en/, never over the Chinese tree)",
    )
    p.add_argument(
        "--overview",
        action="store_true",
        help="also render the corpus overview (overview.html) and the explore notebook (explore.html)",
    )
    p.add_argument(
        "--workers",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes, each with a warm kernel (default: one per core)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send the briefs to the Dask cluster at ADDRESS (e.g. tcp://host:8786)",
    )
    p.add_argument("--force", action="store_true", help="render every brief, changed or not")
    p.add_argument(
        "--notebook",
        default=None,
        metavar="NB",
        help="your own brief notebook (an edited copy of notebooks/agency_brief.ipynb) in place of the default",
    )
    p.add_argument(
        "--standalone",
        action="store_true",
        help="single-file briefs with the chart runtime inlined (~0.9 MB each; default: the site's one"
        " copy in OUT/_static/)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="per-brief time limit; a brief over it is retried once (default: 300)",
    )
    p.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long to wait for another render into the same --out (default: until it ends; 0: do not wait)",
    )
    p.add_argument(
        "--timings",
        action="store_true",
        help="also print what a brief cost in its worker (median, fastest, slowest) and the index step",
    )
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.set_defaults(func=run)


def _open_store(store: Any) -> Any:
    """The store generation to render from, verified; raises StoreDamaged when a frame is missing or bad."""
    from ogi.errors import StoreDamaged
    from ogi.store.generation import resolve
    from ogi.store.handle import Store
    from ogi.store.integrity import REPAIR

    store = Store.at(store).root  # resolved once, here at the boundary
    gen = resolve(Store.at(store))
    if gen == store:  # a store without checksums: the frames must be there
        for name in ("reports", "facts", "findings"):
            if not (store / f"{name}.parquet").is_file():
                raise StoreDamaged(f"{store / f'{name}.parquet'}: missing; {REPAIR}")
    return gen


def run(args: argparse.Namespace) -> int:
    """Render under the --out lock, from one pinned, verified store generation; SIGTERM stops cleanly."""
    import os

    from ogi.atomic import sweep_temp_files
    from ogi.errors import OgiError
    from ogi.paths import shown
    from ogi.proc import RENDER_WORKER_MB, cap_jobs, sigterm_as_interrupt
    from ogi.store.generation import pin
    from ogi.store.handle import resolved
    from ogi.store.lock import folder_lock

    store = Path(args.store)
    # --out resolved before anything reaches a worker (a Dask worker's cwd is not ours); English briefs
    # get their own tree, never over the Chinese one
    args.out = str(resolved(args.out) / "en") if args.lang == "en" else str(resolved(args.out))
    if not store.exists():
        print(f"ogi render: {shown(store)}: no such store (run `ogi ingest` first)", file=sys.stderr)
        return 1
    if args.notebook and not Path(args.notebook).is_file():
        print(f"ogi render: {shown(Path(args.notebook))}: no such notebook", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("ogi render: --workers must be at least 1", file=sys.stderr)
        return 2
    if not args.scheduler:
        from ogi.render.runner import default_workers

        args.workers, note = cap_jobs(args.workers or default_workers(), RENDER_WORKER_MB)
        if note:
            print(f"ogi render: {note}", file=sys.stderr)
    try:
        with sigterm_as_interrupt():
            gen = _open_store(store)
            with (
                folder_lock(
                    Path(args.out),
                    "ogi render",
                    wait=args.wait,
                    on_wait=lambda h: print(
                        f"ogi render: {shown(args.out)} is locked by {h}; waiting", file=sys.stderr
                    ),
                ),
                pin(gen),
            ):
                sweep_temp_files(args.out)  # left by a render that was killed mid-write
                os.environ["OGI_VERIFIED_STORE"] = str(gen)  # the workers' kernels skip the checksums
                try:
                    return _run(args, gen)
                finally:
                    os.environ.pop("OGI_VERIFIED_STORE", None)
    except OgiError as exc:
        print(f"ogi render: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # an --out that cannot be written (read-only, full)
        print(f"ogi render: {shown(exc.filename or args.out)}: {exc.strerror or exc}", file=sys.stderr)
        print(f"wrote nothing to {shown(Path(args.out) / 'index.html')}: 0 rendered, 0 skipped, 0 failed")
        return 1
    except KeyboardInterrupt:
        print("ogi render: interrupted; the briefs written so far are whole", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace, store: Any) -> int:
    from ogi.render.kernel import skip_slow_imports

    skip_slow_imports()  # before nbformat/jsonschema are imported
    from tqdm import tqdm

    from ogi.errors import OgiError
    from ogi.paths import shown
    from ogi.render.runner import EXPLORE_NOTEBOOK, Brief, RenderError, render_batch, render_overview
    from ogi.render.stale import sweep_stale

    out = Path(args.out)
    for rel in sweep_stale(store, out):
        print(f"ogi render: removed stale brief {shown(rel)} (its agency's page moved)", file=sys.stderr)
    bar: list[Any] = []

    def planned(todo: int, skipped: int) -> None:
        if skipped:
            print(f"ogi render: {skipped} briefs unchanged, skipped (--force renders them)", file=sys.stderr)
        bar.append(
            tqdm(
                total=todo,
                unit="brief",
                desc="briefs",
                file=sys.stderr,
                dynamic_ncols=True,
                disable=not args.progress or todo == 0,
                smoothing=0.1,
            )
        )

    def progress(brief: Brief, error: RenderError | None) -> None:
        if error is not None:
            (bar[0].write if bar else print)(f"ogi render: {shown(error)}", file=sys.stderr)
        if bar:
            bar[0].update(1)

    overview_failed = False
    if args.overview:  # before the briefs, so the index they end with links it
        try:
            written = render_overview(store, out / "overview.html", args.lang, standalone=args.standalone)
            print(f"wrote {written}")
        except RenderError as exc:
            print(f"ogi render: {shown(exc)}", file=sys.stderr)
            overview_failed = True
        try:  # the explore notebook: analyses across agencies, linked from the index too
            print(
                f"wrote {render_overview(store, out / 'explore.html', args.lang, EXPLORE_NOTEBOOK, standalone=args.standalone)}"
            )
        except RenderError as exc:
            print(f"ogi render: {shown(exc)}", file=sys.stderr)
            overview_failed = True
    try:
        summary = render_batch(
            store,
            out,
            args.agency,
            args.year,
            args.lang,
            workers=args.workers,
            scheduler=args.scheduler,
            force=args.force,
            timeout=args.timeout,
            standalone=args.standalone,
            on_plan=planned,
            on_done=progress,
            notebook=args.notebook,
        )
    except OgiError as exc:
        print(f"ogi render: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # the scheduler address does not answer, an --out that cannot be written
        where = args.scheduler or exc.filename or out
        print(f"ogi render: {shown(where)}: {exc.strerror or exc}", file=sys.stderr)
        print(f"wrote nothing to {shown(out / 'index.html')}: 0 rendered, 0 skipped, 0 failed")
        return 1
    finally:
        if bar:
            bar[0].close()
    for line in summary.problems:
        print(f"ogi render: {shown(line)}", file=sys.stderr)
    if not summary.written and not summary.failed and not summary.skipped:
        print("ogi render: nothing to render" + (f" for {args.year}" if args.year else ""), file=sys.stderr)
    # agencies named on the command line that cannot be briefed are failures; unnamed ones are notes
    rc = 1 if summary.failed or (summary.problems and args.agency) or overview_failed else 0
    for line in summary.unwritten:  # disk full after the briefs: the counts below are still true
        print(f"ogi render: {line}", file=sys.stderr)
        rc = 1
    where = (
        f"{len(summary.written)} briefs to {shown(out)}, not the index or downloads"
        if summary.unwritten
        else shown(out / "index.html")
    )
    print(
        f"wrote {where}: {len(summary.written)} rendered, "
        f"{len(summary.skipped)} skipped, {len(summary.failed)} failed"
    )
    for err in summary.failed:
        print(f"  failed: {shown(err)}")
    if args.timings:
        print(f"ogi render: {_timings(summary)}", file=sys.stderr)
    return rc


def _timings(summary: Any) -> str:
    """One line: per-brief milliseconds in the workers (median, fastest, slowest) and the index step."""
    import statistics

    ms = summary.brief_ms
    each = (
        f"{len(ms)} briefs, median {statistics.median(ms):.0f} ms a brief in its worker "
        f"(fastest {ms[0]:.0f}, slowest {ms[-1]:.0f})"
        if ms
        else "no brief rendered"
    )
    return f"timings: {each}; index and downloads {summary.index_seconds:.2f} s"
