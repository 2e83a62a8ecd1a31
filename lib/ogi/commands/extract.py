"""`ogi extract`: facts (and report metadata) as JSON Lines, per docs/facts.md."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from typing import IO, Any


def register(sub: Any) -> None:
    p = sub.add_parser("extract", help="export every figure of the reports as facts (JSON Lines)")
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.add_argument("-o", "--output", help="facts file (default: stdout)")
    p.add_argument(
        "--reports-out", "--reports", dest="reports_out", help="write one metadata line per report here"
    )
    p.set_defaults(func=run)


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def run(args: argparse.Namespace) -> int:
    from ogi.batch import expand

    files, failures = expand(args.paths)
    try:
        return _run(args, files, failures)
    except BrokenPipeError:
        raise
    except OSError as exc:  # disk full, output folder not writable: one line, never a traceback
        from ogi.paths import shown

        target = exc.filename or args.output or args.reports_out or "output"
        print(f"ogi extract: cannot write {shown(target)}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, files: list[str], failures: list[Any]) -> int:
    from ogi.atomic import atomic_open
    from ogi.batch import Failure, parse_many

    with ExitStack() as stack:
        out: IO[str] = stack.enter_context(atomic_open(args.output)) if args.output else sys.stdout
        rep: IO[str] | None = stack.enter_context(atomic_open(args.reports_out)) if args.reports_out else None
        for item in parse_many(files):
            if isinstance(item, Failure):
                failures.append(item)
                print(str(item), file=sys.stderr)
                continue
            for fact in item.fact_dicts():
                out.write(_dump(fact))
            if rep is not None:
                rep.write(_dump(item.meta_dict()))
    if failures:
        print(
            f"ogi extract: {len(files) - len([f for f in failures if f.path in files])} read, "
            f"{len(failures)} failed:",
            file=sys.stderr,
        )
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    return 0
