"""Nothing leaves the store that the user did not ask to remove, and one input is one input however it is
spelled or repeated (issue 18 items 2 and 3): a damaged frame is repaired without narrowing the store to
this run's inputs, `--prune` on inputs that yield no report refuses without `--yes`, overlapping and
repeated inputs (`D D/`, `raw raw/seeds`, `raw` then `./raw`) are de-duplicated by resolved path."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from ogi.cli import main
from ogi.errors import OgiError
from ogi.store import generation as G
from ogi.store import open_store
from ogi.store.ingest import ingest
from test_store_helpers import CORPUS, json_parse, report_spec, store_bytes, write_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "seeds"


def _folder(root: Path, name: str, n: int, base: int = 0) -> Path:
    """A folder of `n` JSON reports of distinct agencies."""
    d = root / name
    d.mkdir(parents=True)
    for i in range(n):
        spec = report_spec(f"{name}机关{i}", "福建省泉州市晋江市", 2020, base + 10 * i + 1)
        (d / f"r{i}.json.txt").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return d


def _n_reports(store: Path) -> int:
    return open_store(store).reports.collect().height


def _flip_a_byte(path: Path) -> None:
    """Damage one byte (and forget that this process verified the generation: it is checked once)."""
    from ogi.store import integrity

    integrity._verified.clear()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


# --------------------------------------------------------------------------------------------- item 2


def test_a_damaged_frame_is_repaired_without_dropping_reports_of_other_inputs(tmp_path: Path) -> None:
    """ingest A, ingest B, one byte of facts.parquet flipped, ingest C: A and B stay (their files are
    still on disk), the damage is repaired, and the run says so."""
    store = tmp_path / "store"
    a, b, c = _folder(tmp_path, "a", 3), _folder(tmp_path, "b", 4, 100), _folder(tmp_path, "c", 1, 200)
    ingest([a], store, jobs=1, parse=json_parse)
    ingest([b], store, jobs=1, parse=json_parse)
    assert _n_reports(store) == 7
    _flip_a_byte(store / "facts.parquet")
    notes: list[str] = []
    res = ingest([c], store, jobs=1, parse=json_parse, say=notes.append)
    assert res.reports == 8 and _n_reports(store) == 8
    assert any("damaged" in n and "rebuilding the store" in n for n in notes), notes
    # and the repaired store is the one a clean build of the three inputs gives
    clean = tmp_path / "clean"
    for d in (a, b, c):
        ingest([d], clean, jobs=1, parse=json_parse)
    assert store_bytes(store)["facts.parquet"] == store_bytes(clean)["facts.parquet"]


def test_a_damaged_store_whose_manifest_is_damaged_too_stops_with_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    a, b = _folder(tmp_path, "a", 3), _folder(tmp_path, "b", 2, 100)
    ingest([a], store, jobs=1, parse=json_parse)
    _flip_a_byte(store / "facts.parquet")
    _flip_a_byte(store / "manifest.parquet")
    gen = G.current(G.Store.at(store))
    with pytest.raises(OgiError) as err:
        ingest([b], store, jobs=1, parse=json_parse)
    assert "\n" not in str(err.value) and "--full" in str(err.value)
    assert G.current(G.Store.at(store)) == gen  # nothing published
    # what the message offers works: --full with every input rebuilds
    ingest([a, b], store, jobs=1, parse=json_parse, full=True)
    assert _n_reports(store) == 5


def test_a_store_left_without_any_generation_is_built_afresh(tmp_path: Path) -> None:
    """What an ingest before the fix left (`current` naming a removed generation): nothing is left to
    lose, so a plain ingest builds the store again instead of asking for --full."""
    import shutil as sh

    store = tmp_path / "store"
    a = _folder(tmp_path, "a", 2)
    ingest([a], store, jobs=1, parse=json_parse)
    gen = G.current(G.Store.at(store))
    assert gen is not None
    sh.rmtree(gen)
    notes: list[str] = []
    assert ingest([a], store, jobs=1, parse=json_parse, say=notes.append).reports == 2
    assert any("missing generation" in n and "rebuilding" in n for n in notes), notes


def test_full_rebuild_keeps_the_reports_of_other_inputs(tmp_path: Path) -> None:
    store = tmp_path / "store"
    a, b = _folder(tmp_path, "a", 3), _folder(tmp_path, "b", 2, 100)
    ingest([a], store, jobs=1, parse=json_parse)
    ingest([b], store, jobs=1, parse=json_parse)
    before = store_bytes(store)
    ingest([a], store, jobs=1, parse=json_parse, full=True)
    assert _n_reports(store) == 5
    assert store_bytes(store)["facts.parquet"] == before["facts.parquet"]


def test_prune_on_inputs_that_yield_no_report_refuses_unless_yes(tmp_path: Path, capsys) -> None:
    store = tmp_path / "store"
    raw = write_corpus(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["ingest", str(raw), "-o", str(store)]) in (0, 1)
    held = _n_reports(store)
    assert held > 0
    capsys.readouterr()
    rc = main(["ingest", str(empty), "-o", str(store), "--prune"])
    err = capsys.readouterr().err
    assert rc != 0 and "--yes" in err and "Traceback" not in err
    assert _n_reports(store) == held  # untouched
    assert main(["ingest", str(empty), "-o", str(store), "--prune", "--yes"]) == 0
    assert _n_reports(store) == 0


def test_prune_with_inputs_that_yield_reports_needs_no_yes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    a, b = _folder(tmp_path, "a", 3), _folder(tmp_path, "b", 2, 100)
    ingest([a], store, jobs=1, parse=json_parse)
    ingest([b], store, jobs=1, parse=json_parse)
    assert ingest([b], store, jobs=1, parse=json_parse, prune=True).reports == 2


# --------------------------------------------------------------------------------------------- item 3


@pytest.mark.parametrize("second", ["raw/", "raw/.", "./raw", "raw/sub", "raw/sub/a2019.json.txt"])
def test_overlapping_inputs_are_one_input(
    second: str, tmp_path: Path, restore_working_directory: Path
) -> None:
    os.chdir(tmp_path)
    raw = write_corpus(tmp_path)
    (raw / "sub").mkdir()
    shutil.move(raw / "a2019.json.txt", raw / "sub" / "a2019.json.txt")
    res = ingest(["raw", second], tmp_path / "st", jobs=1, parse=json_parse)
    assert res.reports == len(CORPUS) and res.read == len(CORPUS)
    assert not [f for f in res.failures if f.stage == "duplicate"], res.failures
    sources = open_store(tmp_path / "st").reports.collect()["source"].to_list()
    assert len(sources) == len(set(sources)) == len(CORPUS)


def test_the_same_folder_spelled_twice_across_runs_is_one_input(
    tmp_path: Path, restore_working_directory: Path
) -> None:
    """`ogi ingest raw` then `ogi ingest ./raw` (or the absolute path): every file skipped, none duplicate."""
    os.chdir(tmp_path)
    write_corpus(tmp_path)
    st = tmp_path / "st"
    ingest(["raw"], st, jobs=1, parse=json_parse)
    before = store_bytes(st)
    for spelling in ("./raw", str(tmp_path / "raw"), "raw/../raw"):
        res = ingest([spelling], st, jobs=1, parse=json_parse)
        assert (res.read, res.skipped, res.dropped) == (0, len(CORPUS), 0), spelling
        assert not res.failures, (spelling, res.failures)
        assert store_bytes(st) == before, spelling


def test_the_stored_source_is_the_resolved_path(tmp_path: Path, restore_working_directory: Path) -> None:
    os.chdir(tmp_path)
    write_corpus(tmp_path)
    ingest(["./raw"], tmp_path / "st", jobs=1, parse=json_parse)
    sources = pl.read_parquet(tmp_path / "st" / "reports.parquet")["source"].to_list()
    assert sorted(sources) == sorted(str((tmp_path / "raw" / n).resolve()) for n in CORPUS)


def test_extract_of_a_repeated_input_emits_each_fact_once(tmp_path: Path, capsys) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(seed, folder / seed.name)
    once, twice = tmp_path / "once.jsonl", tmp_path / "twice.jsonl"
    assert main(["extract", str(folder), "-o", str(once)]) == 0
    assert main(["extract", str(folder), str(folder) + "/", str(folder / seed.name), "-o", str(twice)]) == 0
    assert twice.read_bytes() == once.read_bytes() and once.stat().st_size > 0


# --------------------------------------------------------------------------------------------- item 5


@pytest.mark.parametrize(
    "data", [b"junk\x01xyz\n", "本单位今年工作很好。\n".encode(), b"\xef\xbb\xbf\n\n  \n"]
)
def test_a_file_with_no_report_structure_is_a_failure_not_a_report(
    tmp_path: Path, data: bytes, capsys
) -> None:
    """No year, no agency, no figure: not a report of agency `unknown-…` but a failure with its reason."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "junk.txt").write_bytes(data)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], raw / "seed.txt")
    store = tmp_path / "store"
    assert main(["ingest", str(raw), "-o", str(store), "-j", "1", "--no-progress"]) == 1
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if ln.startswith(str(raw / "junk.txt")))
    assert "no report" in line or "no text" in line, line
    reports = pl.read_parquet(store / "reports.parquet")
    assert reports["source"].to_list() == [str((raw / "seed.txt").resolve())]
    failures = pl.read_parquet(store / "failures.parquet")
    assert failures["path"].to_list() == [str((raw / "junk.txt").resolve())]
    assert main(["extract", str(raw / "junk.txt"), "-o", str(tmp_path / "f.jsonl")]) == 1
