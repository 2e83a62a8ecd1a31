"""`ogi render`: one offline HTML brief per agency (papermill + nbconvert) plus reports_out/index.html.

A failing notebook prints `agency year: cell N [...]: Error: message` and the other briefs are still
written; the exit status is non-zero when any brief failed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("render", help="render the per-agency HTML briefs and the index page")
    p.add_argument("--agency", action="append", default=[], metavar="NAME",
                   help="agency name, key or slug (repeatable; default: every agency in the store)")
    p.add_argument("--year", type=int, help="report year (default: each agency's latest)")
    p.add_argument("--store", default="data/processed", help="store folder (default: data/processed)")
    p.add_argument("--out", default="reports_out", help="output folder (default: reports_out)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="brief language (default: zh)")
    p.add_argument("--overview", action="store_true", help="also render the corpus overview (overview.html)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ogi.errors import OgiError
    from ogi.render.runner import Brief, RenderError, render_all, render_overview

    store = Path(args.store)
    if not store.exists():
        print(f"ogi render: {store}: no such store (run `ogi ingest` first)", file=sys.stderr)
        return 1

    def progress(brief: Brief, error: RenderError | None) -> None:
        if error is None:
            print(f"wrote {brief.path}")
        else:
            print(f"ogi render: {error}", file=sys.stderr)

    try:
        written, failed, problems = render_all(store, args.out, args.agency, args.year, args.lang, progress)
    except OgiError as exc:
        print(f"ogi render: {exc}", file=sys.stderr)
        return 1
    for line in problems:
        print(f"ogi render: {line}", file=sys.stderr)
    if not written and not failed:
        print("ogi render: nothing to render" + (f" for {args.year}" if args.year else ""), file=sys.stderr)
    # agencies named on the command line that cannot be briefed are failures; unnamed ones are notes
    rc = 1 if failed or (problems and args.agency) else 0
    if args.overview:
        try:
            print(f"wrote {render_overview(store, Path(args.out) / 'overview.html', args.lang)}")
        except RenderError as exc:
            print(f"ogi render: {exc}", file=sys.stderr)
            rc = 1
    print(f"wrote {Path(args.out) / 'index.html'} ({len(written)} briefs, {len(failed)} failed)")
    return rc
