"""`ogi corrections check FILE` (validate against the store, write nothing) and
`ogi corrections template --report R` (one report's figures as a starting corrections file)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "corrections",
        help="check an analyst corrections file, or write one report's figures as a starting file",
        description="Analyst corrections (docs/review.md): `check FILE...` validates corrections files "
        "(.csv or .xlsx with a `corrections` sheet) against the store without writing; `template --report R` "
        "writes the figures of one report (file name, report id, or agency and year) as corrections rows.",
    )
    verbs = p.add_subparsers(dest="action", required=True)
    c = verbs.add_parser("check", help="validate corrections files against the store (writes nothing)")
    c.add_argument("files", nargs="+", metavar="FILE", help="corrections.csv or a workbook .xlsx")
    c.add_argument("--store", default="data/processed", help="store folder (default: data/processed)")
    c.set_defaults(func=run_check)
    t = verbs.add_parser("template", help="one report's figures as a starting corrections file")
    t.add_argument(
        "--report", required=True, help="file name, report id, or agency and year (平潭综合实验区 2024)"
    )
    t.add_argument("--store", default="data/processed", help="store folder (default: data/processed)")
    t.add_argument("-o", "--out", default=None, help="write here (default: standard output)")
    t.set_defaults(func=run_template)


def run_check(args: argparse.Namespace) -> int:
    from ogi.errors import OgiError
    from ogi.store.corrections import check_against_store, read

    corrections = read(args.files)
    try:
        got = check_against_store(corrections, args.store)
    except OgiError as exc:
        print(f"ogi corrections: {exc}", file=sys.stderr)
        return exc.exit_code
    for e in got.errors:
        print(str(e), file=sys.stderr)
    print(f"ogi corrections check: {got.summary(corrections.files)}", file=sys.stderr)
    return 1 if got.errors else 0


def run_template(args: argparse.Namespace) -> int:
    from ogi.errors import OgiError
    from ogi.store.corrections import template_frame, write_csv

    try:
        df = template_frame(args.store, args.report)
        data = write_csv(df, args.out)
    except LookupError as exc:
        print(f"ogi corrections: {exc.args[0]}", file=sys.stderr)
        return 1
    except OgiError as exc:
        print(f"ogi corrections: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        print(f"ogi corrections: {args.out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        print(f"ogi corrections template: {df.height} row(s) → {args.out}", file=sys.stderr)
    return 0
