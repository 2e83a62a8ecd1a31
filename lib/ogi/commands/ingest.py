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
        "new and changed files are parsed, unchanged ones skipped, files deleted from under PATHs dropped "
        "(each named). Reports from other inputs stay unless --prune. PATHs that do not exist are an error "
        "and leave the store untouched. Writes go to a new generation, switched atomically.",
    )
    p.add_argument(
        "paths", nargs="*", default=["data/raw"], help="report files or folders (default: data/raw)"
    )
    p.add_argument("-o", "--out", default="data/processed", help="store folder (default: data/processed)")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="parser processes (default: up to 2; capped by cores and memory)",
    )
    p.add_argument(
        "--full", action="store_true", help="re-parse every file, rebuilding the cache: repairs any damage"
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="also drop reports whose files are not under PATHs (count shown first)",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="with --prune: go on even when the inputs yield no report (which empties the store)",
    )
    p.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long to wait for another ingest into the same store (default: until it ends; 0: do not wait)",
    )
    p.add_argument(
        "--corrections",
        action="append",
        default=None,
        metavar="FILE",
        help="analyst corrections (.csv or .xlsx with a `corrections` sheet; default: corrections.csv "
        "beside the inputs); docs/review.md",
    )
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ogi.batch import parse_one
    from ogi.errors import DiskError, OgiError, UsageError
    from ogi.paths import shown
    from ogi.proc import INGEST_WORKER_MB, cap_jobs, sigterm_as_interrupt
    from ogi.store.corrections import for_ingest
    from ogi.store.ingest import ingest

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    jobs = args.jobs
    if jobs is not None:
        if jobs < 1:
            print("ogi ingest: --jobs must be at least 1", file=sys.stderr)
            return UsageError.exit_code
        jobs, note = cap_jobs(jobs, INGEST_WORKER_MB)
        if note:
            say(f"ogi ingest: {note}")
    try:
        corrections = for_ingest(args.paths, args.corrections)
        with sigterm_as_interrupt():
            result = ingest(
                args.paths,
                args.out,
                jobs=jobs,
                full=args.full,
                prune=args.prune,
                yes=args.yes,
                wait=args.wait,
                progress=args.progress and sys.stderr.isatty(),
                say=say,
                parse=corrections.wrap(parse_one),
            )
    except OgiError as exc:
        say(f"ogi ingest: {exc}")
        if isinstance(exc, DiskError):
            say(f"ogi ingest: nothing written → {shown(args.out)} (the previous store is unchanged)")
        return exc.exit_code
    except KeyboardInterrupt:
        say("ogi ingest: interrupted; the previous store is unchanged")
        return 130
    for line in result.notes:
        say(line)
    for failure in result.failures:
        say(str(failure))
    say(result.summary(args.out))
    bad_rows = corrections.report(args.out, say)  # every bad corrections row, one line each
    # unreadable inputs and bad corrections rows fail the run; duplicates and a crashing check rule do not
    return 1 if result.input_failed or bad_rows else 0
