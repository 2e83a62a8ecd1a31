"""`ogi ingest`: bring the Parquet store (data/processed) up to date with the report files."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="parse report files into the Parquet store (incremental)",
        description="Bring the store (reports, facts, findings, failures as Parquet) up to date with PATHs: "
        "new and changed files are parsed, unchanged ones skipped, and files no longer under PATHs "
        "dropped. Writes are atomic: an interrupted run leaves the previous store intact.",
    )
    p.add_argument(
        "paths", nargs="*", default=["data/raw"], help="report files or folders (default: data/raw)"
    )
    p.add_argument("-o", "--out", default="data/processed", help="store folder (default: data/processed)")
    p.add_argument("-j", "--jobs", type=int, default=None, help="parser processes (default: up to 2)")
    p.add_argument("--full", action="store_true", help="re-parse every file, ignoring the manifest")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ogi.store.ingest import IngestError, ingest

    try:
        result = ingest(
            args.paths,
            args.out,
            jobs=args.jobs,
            full=args.full,
            progress=args.progress and sys.stderr.isatty(),
        )
    except IngestError as exc:
        print(f"ogi ingest: {exc}", file=sys.stderr)
        return 2
    for path, reason in result.failures:
        print(f"{path}: {reason}", file=sys.stderr)
    print(result.summary(args.out), file=sys.stderr)
    # unreadable inputs fail the run; duplicates and a crashing check rule are reported but do not
    return 1 if any(not r.startswith(("duplicate:", "check:")) for _, r in result.failures) else 0
