"""`ogi ingest`: builds the store, skips unchanged files, survives a kill, keeps bad inputs in `failures`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ogi.cli import main
from ogi.findings import Finding
from ogi.store import ingest as ingest_mod
from ogi.store import open_store
from ogi.store.ingest import ingest
from test_store_helpers import CORPUS, json_parse, report_spec, store_bytes, write_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    """A private copy of the bundled sample reports (so tests may change files)."""
    dst = tmp_path / "raw"
    shutil.copytree(SAMPLE, dst)
    return dst


def _reports(folder: Path) -> list[Path]:
    """The report files of a sample folder (text, HTML and PDF; not the README or SOURCES.csv)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".html", ".pdf", ".docx"))


@pytest.mark.slow
def test_sample_builds_then_second_run_skips_and_leaves_bytes(
    sample: Path, tmp_path: Path, capsys, store_dir: Path
) -> None:
    out = store_dir
    n_files = len(_reports(sample))
    assert main(["ingest", str(sample), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{n_files} read, 0 skipped, 0 failed" in err
    reports = pl.read_parquet(out / "reports.parquet")
    assert reports.height == n_files
    assert set(reports["source"]) == {str(p) for p in _reports(sample)}
    for name in ("facts", "findings", "failures"):
        assert (out / f"{name}.parquet").exists()
    before = store_bytes(out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    assert main(["ingest", str(sample), "-o", str(out)]) == 0
    assert f"0 read, {n_files} skipped, 0 failed" in capsys.readouterr().err
    assert store_bytes(out) == before
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")} == mtimes


def test_changed_and_touched_files_are_the_only_ones_reparsed(
    sample: Path, tmp_path: Path, store_dir: Path
) -> None:
    out = store_dir
    first = ingest([sample], out, jobs=1)
    victim = sorted(sample.rglob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n附：本报告另有更正。\n", encoding="utf-8")
    second = ingest([sample], out, jobs=1)
    assert (second.read, second.skipped, second.failed) == (1, first.read - 1, 0)
    ids = pl.read_parquet(out / "reports.parquet").filter(pl.col("source") == str(victim))["sha256"]
    assert ids.to_list() != [] and len(ids) == 1
    touched = sorted(sample.rglob("*.txt"))[1]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    third = ingest([sample], out, jobs=1)
    assert (third.read, third.skipped) == (1, first.read - 1)


def test_deleted_file_is_dropped(tmp_path: Path, store_dir: Path) -> None:
    raw = write_corpus(tmp_path)
    out = store_dir
    ingest([raw], out, jobs=1, parse=json_parse)
    (raw / "c2020.json.txt").unlink()
    res = ingest([raw], out, jobs=1, parse=json_parse)
    assert res.dropped == 1 and res.read == 0
    store = open_store(out)
    assert "c2020" not in " ".join(store.reports.collect()["source"])
    assert store.facts.filter(pl.col("source").str.contains("c2020")).collect().height == 0
    # cached parts of dropped reports are collected
    assert len(list((out / "_cache").glob("*/??/*.parquet"))) == len(CORPUS) - 1
    findings_parts = list((out / "_cache").glob("*/findings/*/??/*.parquet"))
    assert len(findings_parts) in (0, len(CORPUS) - 1)  # one per report while ogi.checks exists


def test_fresh_builds_are_byte_identical(tmp_path: Path) -> None:
    raw = write_corpus(tmp_path)
    a, b = tmp_path / "a", tmp_path / "b"
    ingest([raw], a, jobs=1, parse=json_parse)
    ingest([raw], b, jobs=1, parse=json_parse, full=True)
    assert store_bytes(a) == store_bytes(b)
    assert pl.read_parquet(a / "facts.parquet").height == sum(len(s["facts"]) for s in CORPUS.values())


@pytest.mark.slow
def test_corrupt_inputs_land_in_failures_and_the_rest_in_the_store(
    sample: Path, tmp_path: Path, capsys, store_dir: Path
) -> None:
    (sample / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (sample / "empty.txt").write_bytes(b"")
    out = store_dir
    rc = main(["ingest", str(sample), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "Traceback" not in err
    assert "2 failed" in err
    fails = pl.read_parquet(out / "failures.parquet")
    by_path = dict(zip(fails["path"], fails["reason"], strict=True))
    assert set(by_path) == {str(sample / "broken.txt"), str(sample / "empty.txt")}
    assert all(by_path.values())
    assert str(sample / "broken.txt") + ": " + by_path[str(sample / "broken.txt")] in err
    sources = set(pl.read_parquet(out / "reports.parquet")["source"])
    assert str(sample / "broken.txt") not in sources
    assert len(sources) == len(_reports(SAMPLE))
    # an unchanged bad file is skipped but stays in failures
    assert main(["ingest", str(sample), "-o", str(out)]) == 1
    assert pl.read_parquet(out / "failures.parquet").height == 2


def test_duplicate_content_is_stored_once(tmp_path: Path, store_dir: Path) -> None:
    raw = write_corpus(tmp_path)
    shutil.copy(raw / "a2019.json.txt", raw / "z_copy.json.txt")
    out = store_dir
    res = ingest([raw], out, jobs=1, parse=json_parse)
    assert res.reports == len(CORPUS)
    fails = pl.read_parquet(out / "failures.parquet")
    assert fails.select("stage", "reason").row(0) == (
        "duplicate",
        f"same content as {raw / 'a2019.json.txt'}",
    )
    again = ingest([raw], out, jobs=1, parse=json_parse)
    assert (again.read, again.skipped, again.written) == (0, len(CORPUS) + 1, False)
    (raw / "a2019.json.txt").unlink()  # the copy now stands alone
    third = ingest([raw], out, jobs=1, parse=json_parse)
    assert third.reports == len(CORPUS) and third.dropped == 1
    assert str(raw / "z_copy.json.txt") in set(pl.read_parquet(out / "reports.parquet")["source"])
    assert pl.read_parquet(out / "failures.parquet").height == 0


def test_facts_keep_dims_flattened_and_whole(tmp_path: Path, store_dir: Path) -> None:
    raw = write_corpus(tmp_path)
    out = store_dir
    ingest([raw], out, jobs=1, parse=json_parse)
    facts = pl.read_parquet(out / "facts.parquet")
    row = facts.filter(pl.col("metric") == "response.interviews").row(0, named=True)
    assert row["dim_attendee"] == "leader"
    assert json.loads(row["dims_json"]) == {"attendee": "leader", "derived": "true"}
    pct = facts.filter(pl.col("metric") == "mention.percent").row(0, named=True)
    assert (pct["dim_label"], pct["dim_of"], pct["value"]) == ("占比", "机构职能", 12.5)
    assert facts.group_by("dim_category").len().height == 3  # two categories + null
    # agency identity across spellings: 梅岭街道办事处 (2019) and 晋江市梅岭街道办事处 (2020)
    keys = facts.filter(pl.col("agency").str.contains("梅岭"))["agency_key"].unique().to_list()
    assert keys == ["梅岭街道"]


def test_a_fact_that_breaks_the_schema_fails_only_its_report(tmp_path: Path, store_dir: Path) -> None:
    bad = report_spec("坏街道", None, 2020, 10)
    bad["facts"].append(["proactive.total", 1, {}, "guess"])  # origin must be table | prose
    raw = write_corpus(tmp_path, {**CORPUS, "bad.json.txt": bad})
    out = store_dir
    res = ingest([raw], out, jobs=1, parse=json_parse)
    assert res.reports == len(CORPUS) and res.failed == 1
    reason = pl.read_parquet(out / "failures.parquet")["reason"][0]
    assert "schema" in reason


def _run_cli(args: list[str], crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OGI_INGEST_CRASH_AT": crash_at or ""}
    return subprocess.run(
        [sys.executable, "-m", "ogi.cli", "ingest", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["parse", "write", "switch"])
def test_a_run_killed_midway_leaves_a_readable_store(
    sample: Path, tmp_path: Path, stage: str, store_dir: Path
) -> None:
    out = store_dir
    assert _run_cli([str(sample), "-o", str(out), "-j", "1"]).returncode == 0
    before = {n: pl.read_parquet(out / f"{n}.parquet") for n in ("reports", "facts", "findings", "failures")}
    victim = sorted(sample.rglob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    (sample / "new.txt").write_text(
        "2020年某街道办事处政府信息公开工作年度报告\n主动公开政府信息12条。\n", encoding="utf-8"
    )
    killed = _run_cli([str(sample), "-o", str(out), "-j", "1"], crash_at=stage)
    assert killed.returncode == 137
    assert not list(out.glob(".*.tmp")) or stage != "parse"
    store = open_store(out)
    for name, old in before.items():
        now = store.frame(name).collect()  # every file still reads
        if stage in ("parse", "write"):  # killed before the switch: the old generation, whole
            assert now.equals(old), name
    # the next run completes the job
    done = _run_cli([str(sample), "-o", str(out), "-j", "1"])
    assert done.returncode == 0, done.stderr
    assert len(store.reports.collect()) in (len(before["reports"]), len(before["reports"]) + 1)  # a snapshot
    assert len(open_store(out).reports.collect()) == len(before["reports"]) + 1
    assert not list(out.glob(".*.tmp")) and not list((out / "_gen").glob(".tmp*"))


class _Recorder:
    """A stand-in for ogi.checks.run_checks that records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, int | None]] = []

    def __call__(self, report: Any, previous: Any = None) -> list[Finding]:
        prev = previous.year if previous is not None else None
        self.calls.append((report.year, prev))
        return [
            Finding(
                rule="test.rule",
                severity="warning",
                message_zh="测试",
                message_en=f"previous={prev}",
                source=report.source,
                line=1,
                quote="q",
            )
        ]


def test_findings_use_the_previous_year_and_are_recomputed_only_when_needed(
    tmp_path: Path, monkeypatch, store_dir: Path
) -> None:
    rec = _Recorder()
    monkeypatch.setattr(ingest_mod, "_load_checks", lambda: (rec, "fp-test"))
    raw = write_corpus(tmp_path)
    out = store_dir
    ingest([raw], out, jobs=1, parse=json_parse)
    assert (2020, 2019) in rec.calls and {c for c in rec.calls if c[1] is not None} == {(2020, 2019)}
    stored = pl.read_parquet(out / "findings.parquet").sort("source")
    assert stored.select("source", "message_en").rows() == [
        (str(raw / n), "previous=2019" if n == "a2020.json.txt" else "previous=None") for n in sorted(CORPUS)
    ]
    reports = pl.read_parquet(out / "reports.parquet")
    assert reports["n_findings"].to_list() == [1] * len(CORPUS)
    mei = reports.filter(pl.col("agency_key") == "梅岭街道").sort("year")
    assert mei["previous_id"].to_list() == [None, mei["report_id"][0]]
    rec.calls.clear()
    ingest([raw], out, jobs=1, parse=json_parse)
    assert rec.calls == []
    # a changed 2019 report changes what the 2020 report is compared with: both are checked again
    spec = report_spec("梅岭街道办事处", "福建省泉州市晋江市", 2019, 101)
    (raw / "a2019.json.txt").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    ingest([raw], out, jobs=1, parse=json_parse)
    assert set(rec.calls) == {(2019, None), (2020, 2019)}
    assert pl.read_parquet(out / "findings.parquet").height == len(CORPUS)


def test_missing_checks_module_gives_an_empty_findings_frame(
    tmp_path: Path, monkeypatch, store_dir: Path
) -> None:
    monkeypatch.setattr(ingest_mod, "_load_checks", lambda: (None, "none"))
    raw = write_corpus(tmp_path)
    out = store_dir
    ingest([raw], out, jobs=1, parse=json_parse)
    findings = pl.read_parquet(out / "findings.parquet")
    assert findings.height == 0 and "rule" in findings.columns


def test_checks_that_crash_cost_only_that_reports_findings(
    tmp_path: Path, monkeypatch, store_dir: Path
) -> None:
    def flaky(report: Any, previous: Any = None) -> list[Finding]:
        if "罗山" in (report.agency or ""):
            raise RuntimeError("rule bug")
        return [
            Finding(
                rule="t",
                severity="info",
                message_zh="z",
                message_en="e",
                source=report.source,
                line=1,
                quote="",
            )
        ]

    monkeypatch.setattr(ingest_mod, "_load_checks", lambda: (flaky, "fp-flaky"))
    raw = write_corpus(tmp_path)
    out = store_dir
    res = ingest([raw], out, jobs=1, parse=json_parse)
    assert res.reports == len(CORPUS) and res.findings == len(CORPUS) - 1
    fails = pl.read_parquet(out / "failures.parquet")
    assert fails.select("path", "stage").rows() == [(str(raw / "b2020.json.txt"), "check")]
    assert "rule bug" in fails["reason"][0]
    again = ingest([raw], out, jobs=1, parse=json_parse)  # still failing: still listed
    assert again.skipped == len(CORPUS) and pl.read_parquet(out / "failures.parquet").height == 1


def test_plan_work_write_steps_pass_small_dataclasses(tmp_path: Path, store_dir: Path) -> None:
    """The three steps alone: plan decides without parsing, work parses, write publishes a generation."""
    from ogi.store import generation as G

    raw = write_corpus(tmp_path)
    out = store_dir
    out.mkdir()
    notes: list[str] = []
    p = ingest_mod.plan([raw], out, full=False, prune=False, parse=json_parse, say=notes.append)
    assert isinstance(p, ingest_mod.Plan) and not p.kept and not notes
    assert sorted(e.key for e in p.to_parse) == sorted(str(raw / n) for n in os.listdir(raw))
    w = ingest_mod.work(p, jobs=1, progress=False)
    assert isinstance(w, ingest_mod.Work) and w.parsed == len(CORPUS) and w.reports.height == len(CORPUS)
    assert G.current(G.Store.at(out)) is None  # nothing published before the write step
    res = ingest_mod.write(p, w, jobs=1)
    assert res.written and G.current(G.Store.at(out)) is not None and res.reports == len(CORPUS)
    again = ingest_mod.plan([raw], out, full=False, prune=False, parse=json_parse, say=notes.append)
    assert not again.to_parse and len(again.kept) == len(CORPUS)


def test_exit_status_comes_from_the_error_type(tmp_path: Path, capsys) -> None:
    from ogi.errors import InputMissing, LockBusy
    from ogi.store.lock import folder_lock

    assert (
        main(["ingest", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s")]) == InputMissing.exit_code == 2
    )
    raw = write_corpus(tmp_path)
    with folder_lock(tmp_path / "s", "test"):
        assert main(["ingest", str(raw), "-o", str(tmp_path / "s"), "--wait", "0"]) == LockBusy.exit_code
    err = capsys.readouterr().err
    assert "no such input" in err and "locked by pid" in err
    assert not (tmp_path / "s" / "reports.parquet").exists()
