"""An unchanged re-render touches nothing and costs little beside a full render.

Before, every `ogi render` rebuilt and rewrote the index, every brief's CSV and the whole-store
downloads (31.8 s of a 32 s unchanged re-render of 786 briefs; the store CSV is 113 MB at 3,000
reports). Now a file is rewritten only when its bytes change, the CSV of an unchanged brief is not
even recomputed, and the store downloads are remade only for a new store generation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fixtures.render_support import RAW_SAMPLE, ROOT, ingest_sample

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

LOCK = ".ogi.lock"  # the --out lock (ogi.store.lock) is the render's machinery, not its output


def _snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != LOCK
    }


def _next_generation(store: Path, to: Path) -> None:
    """A copy of `store` given one more report by `ogi ingest`: a new store generation."""
    shutil.copytree(store, to, symlinks=True)
    more = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))[: len(RAW_SAMPLE) + 1]
    cmd = [sys.executable, "-m", "ogi.cli", "ingest", *map(str, more), "-o", str(to), "--no-progress"]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr


def test_unchanged_rerender_rewrites_nothing_and_the_index_is_a_small_share(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ogi.render import index
    from ogi.render.runner import render_batch

    store = ingest_sample(tmp_path_factory.mktemp("real"))
    out = tmp_path / "out"
    start = time.perf_counter()
    first = render_batch(store, out, workers=1, timeout=120)
    full = time.perf_counter() - start
    assert first.written and not first.failed
    assert (out / "_static").is_dir() and (out / index.STORE_CSV).is_file()
    before = _snapshot(out)

    calls: dict[str, int] = {"facts_csv": 0}
    spent: list[float] = []
    real_csv, real_index = index.facts_csv, index.build_index

    def counting_csv(*args: Any, **kwargs: Any) -> bytes:
        calls["facts_csv"] += 1
        return real_csv(*args, **kwargs)

    def timed_index(*args: Any, **kwargs: Any) -> Path:
        t = time.perf_counter()
        try:
            return real_index(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t)

    from ogi.render.context import Context

    real_view = Context.view

    def counting_view(self: Context, name: str, *args: Any, **kwargs: Any) -> Any:
        calls[name] = calls.get(name, 0) + 1
        return real_view(self, name, *args, **kwargs)

    monkeypatch.setattr(Context, "view", counting_view)
    monkeypatch.setattr(index, "facts_csv", counting_csv)
    monkeypatch.setattr(index, "build_index", timed_index)
    time.sleep(0.05)  # a rewrite would show in the mtimes even on a coarse clock
    again = render_batch(store, out, workers=1, timeout=120)
    assert not again.written and len(again.skipped) == len(first.written)
    assert _snapshot(out) == before  # no file rewritten: same bytes and same modification times
    assert calls["facts_csv"] == 0  # neither a brief's CSV nor the store CSV was even recomputed
    assert "headline" not in calls and "findings" not in calls  # index rows reused, no view per agency
    assert len(spent) == 1 and spent[0] < 0.2 * full, (spent, full)

    # a new store generation: the downloads are made again, from the new figures
    changed = tmp_path / "store2"
    _next_generation(store, changed)
    third = render_batch(changed, out, workers=1, timeout=120)
    assert calls["facts_csv"] >= 1 and len(third.written) >= 1
    after = _snapshot(out)
    assert after[index.STORE_CSV] != before[index.STORE_CSV]
    assert after[index.STORE_PARQUET][1] != before[index.STORE_PARQUET][1]
