"""`ogi export NOTEBOOK [-o OUT.html] [--lang zh/en]`: one executed notebook (e.g. by papermill) → the same
offline HTML brief `ogi render` writes (code hidden, charts interactive, no CDN)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="turn one executed brief notebook into an offline HTML brief")
    p.add_argument("notebook", help="an executed .ipynb (papermill output)")
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


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

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
