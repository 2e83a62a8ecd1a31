"""`ogi render`: one offline HTML brief per agency plus reports_out/index.html, on warm-kernel workers.

Briefs whose inputs did not change since the last run are skipped (`--force` renders all). A failing
brief prints `agency year: cell N [...]: Error: message` and the others are still written; the run
ends with a summary (rendered, skipped, failed) and a non-zero status when any brief failed.
"""

from __future__ import annotations

import argparse
import sys
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
    p.add_argument("--overview", action="store_true", help="also render the corpus overview (overview.html)")
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
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="per-brief time limit; a brief over it is retried once (default: 300)",
    )
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ogi.render.kernel import skip_slow_imports

    skip_slow_imports()  # before nbformat/jsonschema are imported
    from pathlib import Path

    from tqdm import tqdm

    from ogi.errors import OgiError
    from ogi.render.runner import Brief, RenderError, render_batch, render_overview

    store = Path(args.store)
    out = Path(args.out) / "en" if args.lang == "en" else Path(args.out)  # English briefs: their own tree
    if not store.exists():
        print(f"ogi render: {store}: no such store (run `ogi ingest` first)", file=sys.stderr)
        return 1
    if args.workers is not None and args.workers < 1:
        print("ogi render: --workers must be at least 1", file=sys.stderr)
        return 2
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
            (bar[0].write if bar else print)(f"ogi render: {error}", file=sys.stderr)
        if bar:
            bar[0].update(1)

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
            on_plan=planned,
            on_done=progress,
        )
    except OgiError as exc:
        print(f"ogi render: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. the scheduler address does not answer
        print(f"ogi render: {args.scheduler or out}: {exc}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar[0].close()
    for line in summary.problems:
        print(f"ogi render: {line}", file=sys.stderr)
    if not summary.written and not summary.failed and not summary.skipped:
        print("ogi render: nothing to render" + (f" for {args.year}" if args.year else ""), file=sys.stderr)
    # agencies named on the command line that cannot be briefed are failures; unnamed ones are notes
    rc = 1 if summary.failed or (summary.problems and args.agency) else 0
    if args.overview:
        try:
            print(f"wrote {render_overview(store, out / 'overview.html', args.lang)}")
        except RenderError as exc:
            print(f"ogi render: {exc}", file=sys.stderr)
            rc = 1
    print(
        f"wrote {out / 'index.html'}: {len(summary.written)} rendered, "
        f"{len(summary.skipped)} skipped, {len(summary.failed)} failed"
    )
    for err in summary.failed:
        print(f"  failed: {err}")
    return rc
