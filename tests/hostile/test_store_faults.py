"""Ingest of a mixed batch (failures frame names the bad files), kills midway, and disk full on write."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import polars as pl
import pytest

from hostile.conftest import ogi
from hostile.corpus import CASES
from ogi import atomic

SMALL = [c for c in CASES if not c.big and c.name != "short_lines.txt"]  # 100k lines: covered by test_batch


@pytest.fixture(scope="module")
def store(corpus: dict[str, Path], good: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("store") / "processed"
    res = ogi(
        "ingest",
        *[str(p) for p in good],
        *[str(corpus[c.name]) for c in SMALL],
        "-o",
        str(out),
        "--no-progress",
        "-j",
        "1",
    )
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    assert res.returncode == 1, res.stderr[-3000:]
    return out


@pytest.mark.slow
def test_failures_frame_lists_every_refused_file(store: Path, corpus: dict[str, Path]) -> None:
    failed = set(pl.read_parquet(store / "failures.parquet")["path"].to_list())
    must = {str(corpus[c.name]) for c in SMALL if c.expect == "fail"}
    assert must <= failed, must - failed


@pytest.mark.slow
def test_good_files_all_stored(store: Path, good: list[Path]) -> None:
    reports = pl.read_parquet(store / "reports.parquet")
    col = "path" if "path" in reports.columns else "source"
    assert {str(p) for p in good} <= set(reports[col].to_list())


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["parse", "write", "switch"])
def test_kill_during_ingest_keeps_previous_store(
    stage: str, good: list[Path], corpus: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "processed"
    first = ogi("ingest", *[str(p) for p in good[:3]], "-o", str(out), "--no-progress", "-j", "1")
    assert first.returncode == 0, first.stderr[-2000:]
    before = {p.name: pl.read_parquet(p).height for p in out.glob("*.parquet")}
    env_args = [*[str(p) for p in good], str(corpus["random.txt"])]
    os.environ["OGI_INGEST_CRASH_AT"] = stage
    try:
        killed = ogi("ingest", *env_args, "-o", str(out), "--no-progress", "-j", "1")
    finally:
        del os.environ["OGI_INGEST_CRASH_AT"]
    assert killed.returncode == 137
    for p in out.glob("*.parquet"):  # every frame still readable
        pl.read_parquet(p)
    if stage == "parse":
        assert {p.name: pl.read_parquet(p).height for p in out.glob("*.parquet")} == before
    again = ogi("ingest", *env_args, "-o", str(out), "--no-progress", "-j", "1")
    assert "Traceback" not in again.stderr and again.returncode == 1
    assert pl.read_parquet(out / "reports.parquet").height == len(good)


def test_disk_full_on_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "facts.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"], "temp file left behind"


def test_disk_full_extract_fails_in_one_line(
    good: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ogi extract -o` when the disk fills up: one line naming the output, exit 1, old output untouched."""
    from ogi.cli import main

    target = tmp_path / "facts.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    assert main(["extract", str(good[0]), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("ogi extract: cannot write") and "No space" in err
    assert target.read_text(encoding="utf-8") == "old\n"


def test_output_to_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    """-o /dev/stdout or a FIFO: written through; the device is never renamed over (found by this suite)."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic.write_text(fifo, "through\n")
    reader.join(10)
    assert got == [b"through\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
