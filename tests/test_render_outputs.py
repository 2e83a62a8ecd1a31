"""What `ogi render` leaves in `--out` (issue 18): another store's briefs stay (only a brief whose own
report moved is removed) and the index names their store; files get 0666 less the umask; a report's
control characters are escaped in the brief and the CSV; a disk that fills after the briefs gives a
summary that counts them."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from ogi.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # real kernels render the briefs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))
ESC = "\x1b[31m"


def ogi(*args: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    return subprocess.run(
        [sys.executable, "-m", "ogi.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        preexec_fn=lambda: os.umask(umask),
    )


def _with_escape(text: str) -> str:
    """The seed with a terminal escape inside a line that states a figure (so quotes carry it)."""
    lines = text.splitlines()
    i = next(n for n, ln in enumerate(lines) if "累计公开" in ln and re.search(r"\d", ln))
    lines[i] = lines[i] + ESC
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Store A (three seed reports, one with an ESC in a figure's line) and store B (another seed),
    A rendered into `out` under umask 027, then B rendered into the same `out`."""
    base = tmp_path_factory.mktemp("two-stores")
    raw_a, raw_b = base / "raw-a", base / "raw-b"
    raw_a.mkdir()
    raw_b.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, raw_a / seed.name)
    first = raw_a / SEEDS[0].name
    first.write_text(_with_escape(first.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(SEEDS[3], raw_b / SEEDS[3].name)
    out = base / "out"
    for raw, store in ((raw_a, base / "a"), (raw_b, base / "b")):
        res = ogi("ingest", str(raw), "-o", str(store), "-j", "1", "--no-progress")
        assert res.returncode == 0, res.stderr
    res = ogi(
        "render", "--store", str(base / "a"), "--out", str(out), "-j", "1", "--no-progress", umask=0o027
    )
    assert res.returncode == 0, res.stderr
    a_pages = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.html"))
    # what render A left, before render B touches the folder: mode and text of every file it wrote
    after_a = {
        p.relative_to(out).as_posix(): (stat.S_IMODE(p.stat().st_mode), p.read_bytes().decode("utf-8-sig"))
        for p in [*out.glob("*/*.html"), *out.glob("*/*.csv"), out / "index.html", out / "ogi-facts.csv"]
    }
    res = ogi("render", "--store", str(base / "b"), "--out", str(out), "-j", "1", "--no-progress")
    assert res.returncode == 0, res.stderr
    return {"base": base, "out": out, "a_pages": a_pages, "after_a": after_a, "b_stderr": res.stderr}  # type: ignore[dict-item]


def test_a_store_with_fewer_agencies_leaves_the_other_stores_briefs(two_stores: dict) -> None:
    out: Path = two_stores["out"]
    assert len(two_stores["a_pages"]) == 3
    for rel in two_stores["a_pages"]:
        assert (out / rel).is_file(), f"{rel} removed by the render of another store"
        assert (out / rel).with_suffix(".csv").is_file(), rel
    assert "removed stale brief" not in two_stores["b_stderr"]
    index = (out / "index.html").read_text(encoding="utf-8")
    store_a = str((two_stores["base"] / "a").resolve())
    for rel in two_stores["a_pages"]:
        assert rel.split("/")[0] in index, "the index names the other store's briefs"
    assert store_a in index, "… and the store they came from"


def test_files_get_0666_less_the_umask(two_stores: dict) -> None:
    modes = {rel: mode for rel, (mode, _) in two_stores["after_a"].items()}
    assert len(modes) == 2 * 3 + 2  # three briefs and their CSVs, the index, the store's CSV
    assert all(m == 0o640 for m in modes.values()), modes  # rendered under umask 027
    out: Path = two_stores["out"]
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o644  # rewritten under umask 022


def test_control_characters_from_a_report_are_escaped_in_the_brief_and_the_csv(two_stores: dict) -> None:
    facts = pl.read_parquet(two_stores["base"] / "a" / "facts.parquet")
    assert facts.filter(pl.col("quote").str.contains("\x1b", literal=True)).height, (
        "precondition: ESC in a quote"
    )
    texts = {rel: text for rel, (_, text) in two_stores["after_a"].items()}
    for rel, text in texts.items():
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), rel
    csvs = [t for rel, t in texts.items() if rel.endswith(".csv") and "/" in rel]
    assert any("\\x1b[31m" in t for t in csvs), "the ESC is shown escaped, not dropped"


def test_a_disk_that_fills_after_the_briefs_gives_a_summary_that_counts_them(
    two_stores: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from ogi.render import index

    def full(path: object, data: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    # the disk fills after the briefs: every write of the index step (index, CSVs, downloads) fails
    monkeypatch.setattr(index, "write_bytes_if_changed", full)
    monkeypatch.setattr(index, "write_text_if_changed", full)
    out = tmp_path / "out"
    rc = main(
        ["render", "--store", str(two_stores["base"] / "b"), "--out", str(out), "-j", "1", "--no-progress"]
    )
    got = capsys.readouterr()
    assert rc == 1
    briefs = list(out.glob("*/*.html"))
    assert len(briefs) == 1
    assert "1 rendered" in got.out and "wrote nothing" not in got.out, got.out
    assert "No space left on device" in got.err and "Traceback" not in got.err
