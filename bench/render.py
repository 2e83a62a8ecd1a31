#!/usr/bin/env python3
"""Render benchmark: the same N briefs three ways in one run, and each one's ratio to the naive loop.

  naive      per agency: `papermill` CLI (fresh interpreter, fresh kernel), then `jupyter nbconvert`
             CLI to HTML; one after another
  warm ×1    `ogi render --workers 1 --force`: one worker with one warm kernel
  warm ×all  `ogi render --force`: one worker per core (the default)

Each timing is the wall clock of the whole command(s), process start included, on a store made with
`ogi synth` + `ogi ingest` (outside the timing). Machines are noisy: compare ratios. Not a test.

    .venv/bin/python bench/render.py [--n 40] [--seed 0] [--keep DIR] [--naive-sample K]

`--naive-sample K` times the naive loop on the first K briefs only and scales it to N (the loop costs
seconds a brief; the printed line says when it was scaled).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET = 10.0  # issue 6: the default should be at least 10x the naive loop


def _run(cmd: list[str], **kw: object) -> None:
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)  # type: ignore[call-overload]
    if res.returncode != 0:
        sys.exit(f"bench/render.py: {' '.join(cmd[:3])}...: exit {res.returncode}\n{res.stderr[-2000:]}")


def make_store(work: Path, n: int, seed: int) -> tuple[Path, list[tuple[str, int]]]:
    """A store with at least n agencies; returns it and the first n (agency_key, year) briefs."""
    from ogi.render.runner import plan

    count = n
    while True:
        corpus, store = work / "corpus", work / "store"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
        _run([str(BIN / "ogi"), "synth", str(count), "--out", str(corpus), "--seed", str(seed)])
        _run([str(BIN / "ogi"), "ingest", str(corpus), "-o", str(store), "--no-progress"])
        briefs, _ = plan(store, work / "plan")
        if len(briefs) >= n:
            return store, [(b.agency_key, b.year) for b in briefs[:n]]
        count = int(count * 1.5) + 1


def naive(store: Path, briefs: list[tuple[str, int]], out: Path) -> float:
    """papermill CLI then jupyter nbconvert CLI per brief; seconds for all of them."""
    out.mkdir(parents=True, exist_ok=True)
    nb = ROOT / "notebooks" / "agency_brief.ipynb"
    t0 = time.perf_counter()
    for i, (key, year) in enumerate(briefs):
        executed = out / f"{i}.ipynb"
        _run(
            [
                str(BIN / "papermill"),
                str(nb),
                str(executed),
                "-p",
                "agency",
                key,
                "-p",
                "year",
                str(year),
                "-p",
                "store",
                str(store),
                "-p",
                "lang",
                "zh",
                "--no-progress-bar",
                "--log-level",
                "ERROR",
            ]
        )
        _run(
            [
                str(BIN / "jupyter"),
                "nbconvert",
                "--to",
                "html",
                "--no-input",
                str(executed),
                "--output",
                f"{i}.html",
                "--log-level",
                "ERROR",
            ]
        )
    return time.perf_counter() - t0


def ogi_render(store: Path, briefs: list[tuple[str, int]], out: Path, workers: int | None) -> float:
    """`ogi render --force` for exactly these agencies; seconds for the whole command."""
    cmd = [str(BIN / "ogi"), "render", "--store", str(store), "--out", str(out), "--force", "--no-progress"]
    for key, _ in briefs:
        cmd += ["--agency", key]
    if workers:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    _run(cmd)
    took = time.perf_counter() - t0
    written = [p for p in out.rglob("*.html") if p.name != "index.html"]
    if len(written) != len(briefs):
        sys.exit(f"bench/render.py: expected {len(briefs)} briefs in {out}, found {len(written)}")
    return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40, help="briefs to render (default 40; the issue asks ≥ 40)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument(
        "--naive-sample",
        type=int,
        default=0,
        metavar="K",
        help="time the naive loop on K briefs and scale to N (default: all N)",
    )
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="ogi-bench-render-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        store, briefs = make_store(work, args.n, args.seed)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        print(f"{len(briefs)} briefs from a synthetic store ({store}); {cores} cores")
        sample = briefs[: args.naive_sample] if 0 < args.naive_sample < len(briefs) else briefs
        t_naive = naive(store, sample, work / "naive") * len(briefs) / len(sample)
        scaled = f" (timed on {len(sample)}, scaled)" if len(sample) < len(briefs) else ""
        t_one = ogi_render(store, briefs, work / "warm1", 1)
        t_all = ogi_render(store, briefs, work / "warmall", None)
        n = len(briefs)
        print(f"naive loop (papermill + nbconvert CLI)  {t_naive:8.1f} s  {t_naive / n:6.2f} s/brief{scaled}")
        print(
            f"ogi render --workers 1                  {t_one:8.1f} s  {t_one / n:6.2f} s/brief  "
            f"{t_naive / t_one:5.1f}x naive"
        )
        print(
            f"ogi render (default, {cores} workers)        {t_all:8.1f} s  {t_all / n:6.2f} s/brief  "
            f"{t_naive / t_all:5.1f}x naive  (target >= {TARGET:g}x: "
            f"{'met' if t_naive / t_all >= TARGET else 'NOT met'})"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
