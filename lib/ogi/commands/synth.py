"""`ogi synth N --out DIR`: write a deterministic synthetic corpus with its truth (see ogi.synth)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def _names(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def register(sub: Any) -> None:
    """The `synth` verb; ogi.synth itself is imported only when it runs (other verbs never pay for it)."""
    p = sub.add_parser(
        "synth", help="write N synthetic reports with their truth files (scale and round-trip tests)"
    )
    p.add_argument("n", type=int, help="number of reports")
    p.add_argument("--out", required=True, help="output folder (empty, or an earlier synthetic corpus)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0); same seed → identical files")
    p.add_argument(
        "--templates",
        type=_names,
        default=None,
        help="comma-separated templates (default: all of 2021,2019,statform,pre2014,narrative)",
    )
    p.add_argument(
        "--layouts",
        type=_names,
        default=None,
        help="comma-separated table layouts (default: all of tabs,pipes,inline,blank; also converter,markdown:"
        " PDF-to-text / PDF-to-markdown damage of the 2019/2021 tables)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ogi.synth import LAYOUTS, TEMPLATES, SynthError, generate

    templates = args.templates if args.templates is not None else list(TEMPLATES)
    layouts = args.layouts if args.layouts is not None else list(LAYOUTS)
    try:
        s = generate(args.n, args.out, seed=args.seed, templates=templates, layouts=layouts)
    except SynthError as exc:
        print(f"ogi synth: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ogi synth: {args.out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2

    def counts(c: Any) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items()))

    print(f"{s.reports} reports, {s.facts} facts, {s.blanks} blank cells → {s.out}")
    print(f"  templates: {counts(s.templates)}")
    print(f"  layouts:   {counts(s.layouts)}")
    print(f"  encodings: {counts(s.encodings)}")
    return 0
