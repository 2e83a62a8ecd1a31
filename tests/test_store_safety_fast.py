"""Cheap, in-process versions of the store-safety and concurrency cases that guard data (checksums,
duplicates, escapes, concurrent writers through relative paths), so `make test-fast` runs each of them;
the full versions (subprocesses, kernels, 100 flips per frame, 20 trials) stay in `tests/hostile/`."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from pathlib import Path

import polars as pl
import pytest

from ogi.cli import main
from ogi.errors import StoreDamaged
from ogi.store import generation as G
from ogi.store import integrity, open_store
from ogi.store.ingest import ingest
from test_store_helpers import json_parse, report_spec

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))


def _folder(root: Path, name: str, n: int) -> Path:
    d = root / name
    d.mkdir(parents=True)
    for i in range(n):
        spec = report_spec(f"{name}机关{i}", "福建省泉州市晋江市", 2020, 10 * i + 1)
        (d / f"r{i}.json.txt").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return d


def test_a_changed_byte_in_any_frame_is_detected(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingest([_folder(tmp_path, "a", 3)], store, jobs=1, parse=json_parse)
    gen = G.current(G.Store.at(store))
    assert gen is not None
    rng = random.Random(18)
    for name in G.FILES:
        path = gen / name
        good = path.read_bytes()
        for _ in range(10):
            data = bytearray(good)
            i = rng.randrange(len(data))
            data[i] = (data[i] + rng.randrange(1, 256)) % 256
            path.write_bytes(bytes(data))
            with pytest.raises(StoreDamaged, match=name):
                integrity.verify(gen, cached=False)
        path.write_bytes(good)
    integrity.verify(gen, cached=False)


def test_the_same_report_in_other_encodings_is_stored_once(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    (raw / "a_utf8.txt").write_text(text, encoding="utf-8")
    (raw / "b_gbk.txt").write_bytes(text.encode("gb18030"))
    (raw / "c_utf16.txt").write_bytes(text.encode("utf-16"))
    out = tmp_path / "store"
    res = ingest([raw], out, jobs=1)
    assert res.reports == 1
    fails = pl.read_parquet(out / "failures.parquet")
    assert fails["stage"].to_list() == ["duplicate"] * 2
    assert set(fails["reason"]) == {f"same content as {raw / 'a_utf8.txt'}"}


def test_control_characters_are_escaped_in_terminal_output(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = (
        SEEDS[0]
        .read_text(encoding="utf-8")
        .replace("梅岭街道办事处", "梅岭\x1b[2J\x1b]0;pwned\x07街道办事处")
    )
    (raw / "esc\x1b[31mred.txt").write_text(text, encoding="utf-8")
    (raw / "bad\x1b[1m.txt").write_bytes(b"")
    for verb in (
        ["check"],
        ["extract"],
        ["ingest", "-o", str(tmp_path / "store"), "--no-progress", "-j", "1"],
    ):
        main([*verb, str(raw)])
        got = capsys.readouterr()
        assert "\x1b" not in got.out + got.err and "\x07" not in got.out + got.err, verb
        assert "bad\\x1b[1m.txt" in got.err, verb


def _ingest_into(folder: str, store: str, cwd: str) -> int:
    os.chdir(cwd)
    return ingest([folder], store, jobs=1, parse=json_parse, wait=60).reports


def test_concurrent_ingests_through_relative_spellings_lose_nothing(
    tmp_path: Path, restore_working_directory: Path
) -> None:
    """Three writers at once into one store spelled `st`, `./st` and absolutely: the store ends with every
    writer's reports (they queue on one lock: the spellings are one store)."""
    os.chdir(tmp_path)
    folders = [_folder(tmp_path, name, 2) for name in ("a", "b", "c")]
    spellings = ["st", "./st", str(tmp_path / "st")]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(3) as pool:
        pool.starmap(
            _ingest_into, [(f.name, s, str(tmp_path)) for f, s in zip(folders, spellings, strict=True)]
        )
    reports = open_store("st").reports.collect()
    assert reports.height == 6
    assert {Path(s).parent.name for s in reports["source"]} == {"a", "b", "c"}
