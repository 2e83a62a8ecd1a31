"""`ogi export NOTEBOOK [-o OUT.html] [--lang zh/en]`: one executed notebook (e.g. by papermill) → the same
offline HTML brief `ogi render` writes (code hidden, charts interactive, no CDN).

`ogi export --xlsx FILE [--store S] [--lang zh/en] [--mentions]`: the evaluator's workbook (`ogi.workbook`):
one row per report, the facts, the findings."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="an executed brief notebook → offline HTML brief; or --xlsx: the evaluator's Excel workbook",
    )
    p.add_argument("notebook", nargs="?", help="an executed .ipynb (papermill output)")
    p.add_argument("--xlsx", metavar="FILE", help="write the evaluator's workbook of the store here")
    p.add_argument("--store", default="data/processed", help="the store for --xlsx (default data/processed)")
    p.add_argument("--mentions", action="store_true", help="--xlsx: keep the mention.* numbers in the facts")
    p.add_argument("-o", "--output", help="HTML file to write (default: the notebook's name with .html)")
    p.add_argument(
        "--lang", choices=("zh", "en"), help="page language (default: the notebook's lang parameter)"
    )
    p.set_defaults(func=run)


def _lang_of(nb: Any) -> str:
    """The `lang` the notebook was run with: papermill's injected parameters, else the parameters cell."""
    import ast

    for tag in ("injected-parameters", "parameters"):
        for cell in nb.cells:
            if cell.cell_type != "code" or tag not in cell.metadata.get("tags", []):
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "lang" for t in node.targets
                ):
                    if isinstance(node.value, ast.Constant) and node.value.value in ("zh", "en"):
                        return str(node.value.value)
    return "zh"


def run_xlsx(args: argparse.Namespace) -> int:
    """The workbook of `--store` into `--xlsx`; a store that cannot be read is one line on stderr."""
    from pathlib import Path

    from ogi.errors import OgiError
    from ogi.workbook import write_workbook

    if not (Path(args.store) / "reports.parquet").exists() and not (Path(args.store) / "_gen").is_dir():
        print(f"ogi export: {args.store}: no such store (run `ogi ingest` first)", file=sys.stderr)
        return 1
    try:
        out = write_workbook(args.xlsx, args.store, args.lang or "zh", mentions=args.mentions)
    except (OgiError, OSError) as exc:
        print(f"{args.xlsx}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    if args.xlsx:
        if args.notebook:
            print("ogi export: give a notebook or --xlsx, not both", file=sys.stderr)
            return 2
        return run_xlsx(args)
    if not args.notebook:
        print("ogi export: give an executed notebook, or --xlsx FILE for the workbook", file=sys.stderr)
        return 2

    import nbformat

    from ogi.atomic import write_text
    from ogi.render.export import to_html

    src = Path(args.notebook)
    try:
        nb = nbformat.read(src, as_version=4)
    except (OSError, ValueError) as exc:
        print(f"{src}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
        print(f"{src}: the notebook has no outputs (execute it first, e.g. with papermill)", file=sys.stderr)
        return 1
    out = Path(args.output) if args.output else src.with_suffix(".html")
    write_text(out, to_html(nb, lang=args.lang or _lang_of(nb)))
    print(f"wrote {out}")
    return 0
