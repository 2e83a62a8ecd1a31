"""Benchmark `ogi ingest` on a large corpus made by repeating and varying the bundled samples.

Each copy of a sample gets its years shifted (so one body gets a run of years and the checks compare
with the previous year), a body-name variant (so there are many agencies), a few figures changed and a
closing line of its own (so every file has its own content hash). Prints reports/s for a full build,
the time of a no-change re-run and of a one-file change, and peak memory of each ingest (run in a
fresh process: its main process, and the largest process it spawned).

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
        text = text[: m.start()] + str(int(m.group(1)) + rng.randint(1, 9)) + text[m.end() :]
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


def run_ingest(raw: str, store: str, jobs: int) -> None:
    """Child mode: one ingest; print its time, summary and peak memory (itself, largest worker) as JSON."""
    import json

    from ogi.store.ingest import ingest

    t0 = time.perf_counter()
    res = ingest([raw], store, jobs=jobs, progress=False)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - t0,
                "summary": res.summary(store),
                "read": res.read,
                "skipped": res.skipped,
                "written": res.written,
                "main_mb": me,
                "worker_mb": kids,
            }
        )
    )


def timed_ingest(raw: Path, store: Path, jobs: int) -> dict:
    """Run one ingest in a fresh process, so its memory is measured alone."""
    import json
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--run-ingest", str(raw), str(store), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "ingest"))
    ap.add_argument("--run-ingest", nargs=3, metavar=("RAW", "STORE", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_ingest:
        run_ingest(args.run_ingest[0], args.run_ingest[1], int(args.run_ingest[2]))
        return 0
    dest = Path(args.out)
    t0 = time.perf_counter()
    raw = make_corpus(dest, args.reports)
    print(f"corpus: {args.reports} reports in {raw} ({time.perf_counter() - t0:.1f} s to make)")
    store = dest / "store"
    shutil.rmtree(store, ignore_errors=True)
    full = timed_ingest(raw, store, args.jobs)
    print(full["summary"])
    print(
        f"full build: {full['seconds']:.1f} s, {full['read'] / full['seconds']:.1f} reports/s with {args.jobs} jobs; "
        f"peak memory {full['main_mb']:.0f} MB main process, {full['worker_mb']:.0f} MB largest worker"
    )
    again = timed_ingest(raw, store, args.jobs)
    print(
        f"no-change re-run: {again['seconds']:.2f} s ({again['skipped']} skipped, rewritten: {again['written']}); "
        f"peak {again['main_mb']:.0f} MB"
    )
    victim = sorted(raw.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n（改动）\n", encoding="utf-8")
    one = timed_ingest(raw, store, args.jobs)
    print(
        f"one-file change: {one['seconds']:.2f} s ({one['read']} read, {one['skipped']} skipped); "
        f"peak {one['main_mb']:.0f} MB main, {one['worker_mb']:.0f} MB largest worker"
    )
    size = sum(p.stat().st_size for p in store.glob("*.parquet")) / 2**20
    print(f"store: {size:.1f} MB of Parquet; target: 10,000 reports under 200 MB per process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
