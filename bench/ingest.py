"""Benchmark `ogi ingest` on a large corpus made by repeating and varying the bundled samples.

Each copy of a sample gets its years shifted (so one body gets a run of years and the checks compare
with the previous year), a body-name variant (so there are many agencies), a few figures changed and a
closing line of its own (so every file has its own content hash). Prints reports/s for a full build,
the time of a no-change re-run and of a one-file change, and peak memory (this process and the
largest parser worker).

    .venv/bin/python bench/ingest.py [--reports 10000] [--jobs 2] [--out bench/out/ingest]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YEAR = re.compile(r"(?<!\d)(20[01]\d|202[0-5])(?!\d)")
FIGURE = re.compile(r"(?<![\d.])([1-9]\d{0,3})(?=\s*(?:条|件|次|人次|个))")


def samples() -> list[tuple[Path, str, str]]:
    """(path, text, printed agency) of each bundled sample (the agency found by the real parser)."""
    from ogi.batch import parse_one

    out = []
    for p in sorted((ROOT / "data" / "raw").rglob("*.txt")):
        try:
            rep = parse_one(str(p))
        except Exception:
            continue
        out.append((p, p.read_text(encoding="utf-8", errors="replace"), rep.agency or ""))
    return out


def vary(text: str, agency: str, copy: int, rng: random.Random) -> str:
    """One variant of a sample: shifted years, a renamed body, a few figures changed, a unique last line."""
    from ogi.store.agency import split_name

    shift = copy % 6
    body = copy // 6
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    stem = re.sub(r"(街道|镇|乡)$", "", split_name(agency)[0]) if agency else ""
    if body and len(stem) >= 2:  # a new body: its name's stem gets a number wherever it is printed
        text = text.replace(stem, f"{stem}{body}号")
    figures = list(FIGURE.finditer(text))
    for m in rng.sample(figures, min(3, len(figures))):
        text = text[:m.start()] + str(int(m.group(1)) + rng.randint(1, 9)) + text[m.end():]
    return text + f"\n（基准测试副本 {copy}）\n"


def make_corpus(dest: Path, n: int) -> Path:
    """Write n varied reports under dest/raw (reused when it already holds n files)."""
    raw = dest / "raw"
    if raw.exists() and len(list(raw.glob("*.txt"))) == n:
        return raw
    shutil.rmtree(raw, ignore_errors=True)
    raw.mkdir(parents=True)
    base = samples()
    rng = random.Random(20240601)
    for i in range(n):
        path, text, agency = base[i % len(base)]
        copy = i // len(base)
        (raw / f"{i:06d}_{path.stem}.txt").write_text(vary(text, agency, copy, rng), encoding="utf-8")
    return raw


def peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of the largest finished child (parser workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "ingest"))
    args = ap.parse_args()
    dest = Path(args.out)
    t0 = time.perf_counter()
    raw = make_corpus(dest, args.reports)
    print(f"corpus: {args.reports} reports in {raw} ({time.perf_counter() - t0:.1f} s to make)")
    base_me, _ = peak_mb()

    from ogi.store.ingest import ingest

    store = dest / "store"
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    res = ingest([raw], store, jobs=args.jobs, progress=sys.stderr.isatty())
    full = time.perf_counter() - t0
    print(res.summary(store))
    print(f"full build: {full:.1f} s, {res.read / full:.1f} reports/s")
    t0 = time.perf_counter()
    res2 = ingest([raw], store, jobs=args.jobs)
    print(f"no-change re-run: {time.perf_counter() - t0:.2f} s ({res2.skipped} skipped, written={res2.written})")
    victim = sorted(raw.glob("*.txt"))[len(res.failures) % args.reports]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n（改动）\n", encoding="utf-8")
    t0 = time.perf_counter()
    res3 = ingest([raw], store, jobs=args.jobs)
    print(f"one-file change: {time.perf_counter() - t0:.2f} s ({res3.read} read, {res3.skipped} skipped)")
    size = sum(p.stat().st_size for p in store.glob("*.parquet")) / 2**20
    me, kids = peak_mb()
    print(f"store: {size:.1f} MB of Parquet")
    print(f"peak memory: {me:.0f} MB this process (of which {base_me:.0f} MB before ingest), "
          f"{kids:.0f} MB largest worker; target < 200 MB for 10,000 reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
