#!/usr/bin/env python3
"""Parse benchmark: reports/s and peak memory of `ogi.batch.parse_many` on synthetic and real reports.

Generates N reports (default 10,000; `ogi synth` templates and layouts, seeds' size) into a temp
folder, then times, each in fresh worker processes so peak RSS is the work's own:
  baseline  read + decode + split lines of the same files (1 process)
  parse     parse_many over all files (1 process)
  parse ×P  parse_many over P interleaved shares of the files (P processes, default 2)
Prints reports/s, reports/s per core, the ratio to the baseline measured in the same run, and peak
RSS (resource.getrusage). Then the same for the real reports the project ships (tests/golden/real2,
data/raw: texts, HTML and a PDF), each parsed --real-reps times: real reports are longer and more
varied than synthetic ones. Machines are noisy: compare ratios, not absolute rates. Not a test.

    .venv/bin/python bench/parse.py [--n 10000] [--seed 0] [--processes 2] [--keep DIR] [--real-reps 10]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

TARGET_PER_CORE = 500.0  # issue 2: ≥ 500 reports/s per core on reports of the seeds' size


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _warm(paths: list[str]) -> None:
    """Import the readers and the parser and parse one file, so start-up is not timed."""
    from ogi.batch import parse_many

    for _ in parse_many(paths[:1]):
        pass


def _baseline(paths: list[str]) -> tuple[int, int, float, float]:
    """Read, decode and split every file: the floor any parser pays."""
    from ogi.text import decode

    _warm(paths)
    t0 = time.perf_counter()
    lines = 0
    for p in paths:
        text, _ = decode(Path(p).read_bytes(), p)
        lines += len(text.split("\n"))
    return len(paths), lines, time.perf_counter() - t0, _rss_mb()


def _parse(paths: list[str]) -> tuple[int, int, float, float]:
    """parse_many over `paths`; returns (reports, facts, seconds, peak RSS MB) of this process."""
    from ogi.batch import Failure, parse_many

    _warm(paths)
    t0 = time.perf_counter()
    reports = facts = 0
    for item in parse_many(paths):
        if not isinstance(item, Failure):
            reports += 1
            facts += len(item.facts)
    return reports, facts, time.perf_counter() - t0, _rss_mb()


def _in_workers(fn, shares: list[list[str]]) -> tuple[list[tuple[int, int, float, float]], float]:
    """Run fn on each share in its own fresh process, all at once; return the results and the elapsed
    time (the slowest worker's own timing, so process start-up and imports are not counted)."""
    ctx = get_context("spawn")  # fresh interpreters: peak RSS belongs to the work, not to the generator
    with ctx.Pool(len(shares)) as pool:
        results = pool.map(fn, shares, chunksize=1)
    return results, max(r[2] for r in results)


REAL_DIRS = ("tests/golden/real2", "data/raw/real", "data/raw/seeds", "data/raw/formats", "data/raw/series")
REAL_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


def real_reports() -> list[str]:
    """The real reports shipped with the project (the shared corpora's copies), sorted."""
    root = Path(__file__).resolve().parents[1]
    return sorted(
        str(p) for d in REAL_DIRS for p in (root / d).rglob("*") if p.suffix.lower() in REAL_SUFFIXES
    )


def _real(paths: list[str], reps: int) -> None:
    """Parse the real reports `reps` times over in one process, and decode+split their texts as the floor."""
    texts = [p for p in paths if p.endswith(".txt")]
    (base,), base_wall = _in_workers(_baseline, [texts * reps])
    (one,), one_wall = _in_workers(_parse, [texts * reps])
    rate, base_rate = one[0] / one_wall, base[0] / base_wall
    print(
        f"real texts ({len(texts)} .txt x{reps}): parse {rate:6.0f} reports/s per core, "
        f"{one[1] / max(one[0], 1):.0f} facts a report; decode+split {base_rate:6.0f}/s "
        f"(parse takes {base_rate / rate:.1f}x the floor's time)"
    )
    others = [p for p in paths if not p.endswith(".txt")]
    if others:
        (o,), o_wall = _in_workers(_parse, [others * reps])
        print(
            f"real HTML/PDF/DOCX ({len(others)} files x{reps}): parse {o[0] / o_wall:6.0f} reports/s per core"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--processes", type=int, default=2, help="processes for the pool run (default 2)")
    ap.add_argument("--keep", help="generate into this folder and keep it (default: a temp folder)")
    ap.add_argument("--real-reps", type=int, default=10, help="times each real report is parsed (default 10)")
    a = ap.parse_args()

    from ogi.synth import generate

    with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
        folder = Path(a.keep or tmp)
        t0 = time.perf_counter()
        s = generate(a.n, folder, seed=a.seed, durable=False)
        gen = time.perf_counter() - t0
        paths = sorted(str(p) for p in folder.glob("syn*.txt"))
        sizes = [Path(p).stat().st_size for p in paths]
        seeds = Path(__file__).resolve().parents[1] / "data" / "raw" / "seeds"
        seed_sizes = [p.stat().st_size for p in seeds.glob("*.txt")] or [0]
        print(
            f"corpus: {s.reports} reports, {s.facts} facts in the truth, generated in {gen:.1f}s "
            f"({s.reports / gen:.0f}/s); median size {statistics.median(sizes) / 1024:.1f} KiB "
            f"(seeds: median {statistics.median(seed_sizes) / 1024:.1f} KiB)"
        )

        (base,), base_wall = _in_workers(_baseline, [paths])
        base_rate = base[0] / base_wall
        print(f"baseline  decode+split, 1 process: {base_rate:9.0f} reports/s  peak RSS {base[3]:6.0f} MB")

        (one,), one_wall = _in_workers(_parse, [paths])
        one_rate = one[0] / one_wall
        print(
            f"parse     1 process:                {one_rate:9.0f} reports/s  peak RSS {one[3]:6.0f} MB  "
            f"({one[1]} facts; {base_rate / one_rate:.1f}× the baseline's time)"
        )

        shares = [paths[i :: a.processes] for i in range(a.processes)]
        many, many_wall = _in_workers(_parse, shares)
        many_rate = sum(r[0] for r in many) / many_wall
        print(
            f"parse     {a.processes} processes:              {many_rate:9.0f} reports/s  "
            f"peak RSS {max(r[3] for r in many):6.0f} MB per worker  "
            f"({many_rate / a.processes:.0f}/s per core; speed-up {many_rate / one_rate:.2f}×)"
        )

        per_core = one_rate
        verdict = "meets" if per_core >= TARGET_PER_CORE else "BELOW"
        print(
            f"per core: {per_core:.0f} reports/s, {verdict} the target of {TARGET_PER_CORE:.0f}/s per core; "
            f"parse/baseline ratio {one_rate / base_rate:.3f}; main process peak RSS {_rss_mb():.0f} MB"
        )
    if a.real_reps > 0:
        _real(real_reports(), a.real_reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
