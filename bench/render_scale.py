#!/usr/bin/env python3
"""Render cost per brief as the store grows: `ogi render --force` of every brief of a small and a large
synthetic store (default 200 and 786 briefs), each a whole process, with its per-brief worker time;
optionally the same small store on a local Dask cluster beside the pool (`--dask`); and an unchanged
re-render of the large store (nothing to do: what that costs).

    .venv/bin/python bench/render_scale.py [--small 200] [--large 786] [--dask] [--keep DIR]

Prints each run's wall time per brief and the ratio large/small (issue 23: within 1.2x), and dask/pool.
Stores are made with `ogi synth` + `ogi ingest` outside the timing. Machines are noisy: compare ratios.
Not a test.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from render import _run, timings_line  # bench/render.py, beside this file (run as a script)

BIN = Path(sys.executable).parent


def make_store(work: Path, n: int, seed: int = 0) -> tuple[Path, int]:
    """A synthetic store of `n` reports; returns it and how many briefs a full render writes."""
    from ogi.render.runner import plan

    corpus, store = work / f"corpus{n}", work / f"store{n}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(store, ignore_errors=True)
    _run([str(BIN / "ogi"), "synth", str(n), "--out", str(corpus), "--seed", str(seed)])
    _run([str(BIN / "ogi"), "ingest", str(corpus), "-o", str(store), "--no-progress"])
    briefs, _ = plan(store, work / "plan")
    return store, len(briefs)


def render(store: Path, out: Path, *, force: bool = True, scheduler: str | None = None) -> tuple[float, str]:
    """Seconds for the whole `ogi render` and its --timings line."""
    cmd = [str(BIN / "ogi"), "render", "--store", str(store), "--out", str(out), "--no-progress", "--timings"]
    if force:
        cmd.append("--force")
    if scheduler:
        cmd += ["--scheduler", scheduler]
    t0 = time.perf_counter()
    err = _run(cmd)
    return time.perf_counter() - t0, timings_line(err)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=200)
    ap.add_argument("--large", type=int, default=786)
    ap.add_argument("--dask", action="store_true", help="also render the small store on a LocalCluster")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="ogi-bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        small, n_small = make_store(work, args.small)
        large, n_large = make_store(work, args.large)
        t_small, w_small = render(small, work / "out_small")
        t_large, w_large = render(large, work / "out_large")
        t_again, w_again = render(large, work / "out_large", force=False)
        per_small, per_large = t_small / n_small * 1000, t_large / n_large * 1000
        print(f"small store: {n_small} briefs in {t_small:6.1f} s = {per_small:5.0f} ms a brief  [{w_small}]")
        print(f"large store: {n_large} briefs in {t_large:6.1f} s = {per_large:5.0f} ms a brief  [{w_large}]")
        print(f"per brief, large / small: {per_large / per_small:.2f} (issue 23: <= 1.2)")
        print(f"unchanged re-render of the large store: {t_again:.2f} s (issue 23: <= 2 s)  [{w_again}]")
        if args.dask:
            from distributed import LocalCluster

            from ogi.render.runner import default_workers

            cores = default_workers()
            with LocalCluster(n_workers=cores, threads_per_worker=1, dashboard_address=None) as cluster:
                t_dask, w_dask = render(small, work / "out_dask", scheduler=cluster.scheduler_address)
            print(
                f"small store on a LocalCluster x{cores}: {t_dask:6.1f} s = {t_dask / n_small * 1000:5.0f} ms "
                f"a brief; dask / pool {t_dask / t_small:.2f} (issue 23: <= 1.1)  [{w_dask}]"
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
