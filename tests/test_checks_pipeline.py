"""Checks through the real pipeline: the seed reports' known inconsistencies (tests/golden notes), a
hand-made consistent 2021 report (no false error), and the `ogi check` command line."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from ogi.batch import parse_one
from ogi.checks import run_checks
from ogi.cli import main
from ogi.findings import Finding

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "seeds"
CONSISTENT = ROOT / "tests" / "fixtures" / "checks" / "consistent_2021.txt"


@cache
def seed(prefix: str) -> tuple[Finding, ...]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return tuple(run_checks(parse_one(str(path))))


def of_rule(findings: tuple[Finding, ...] | list[Finding], *rules: str) -> list[Finding]:
    return [f for f in findings if f.rule in rules]


def located(f: Finding) -> bool:
    """A finding an analyst can verify: a line and the exact words, in the finding or its evidence."""
    return f.line > 0 and bool(f.quote) and all(e.line > 0 and e.quote for e in f.evidence)


def test_seed000_categories_sum_to_88_not_119() -> None:
    found = of_rule(seed("000"), "parts.categories")
    assert [(f.actual, f.expected) for f in found] == [(88, 119)]
    assert located(found[0])


def test_seed000_prose_says_no_applications_but_the_table_shows_one() -> None:
    found = [
        f
        for f in of_rule(seed("000"), "consistency.same_quantity", "consistency.zero_claim")
        if any(e.metric == "applications.received" and e.value == 1 for e in f.evidence)
    ]
    assert len(found) == 1 and found[0].severity == "error"
    assert "没有受理依申请公开" in found[0].quote and located(found[0])


def test_seed000_inquiries_78_plus_133_is_not_231() -> None:
    found = of_rule(seed("000"), "parts.labelled_total")
    assert [(f.expected, f.actual) for f in found] == [(231, 211)]
    assert found[0].line == 16 and located(found[0])


def test_seed000_fully_electronic_85_vs_119() -> None:
    found = [
        f
        for f in of_rule(seed("000"), "consistency.same_quantity")
        if {e.metric for e in f.evidence} == {"proactive.electronic"}
    ]
    assert len(found) == 1 and {e.value for e in found[0].evidence} == {85, 119}
    assert found[0].severity == "error" and located(found[0])


def test_seed001_15_of_181_printed_as_8_1_percent() -> None:
    found = [f for f in of_rule(seed("001"), "parts.percent") if f.actual == 8.1]
    assert len(found) == 1 and "8.2873%" in found[0].message_en and "15/181" in found[0].message_en
    assert found[0].severity == "warning" and "misprint" in found[0].message_en
    assert found[0].line == 90 and located(found[0])


def test_seed001_empty_annex_cells() -> None:
    found = of_rule(seed("001"), "complete.blank_cells")
    assert len(found) == 1 and found[0].severity == "warning"
    assert len(found[0].evidence) >= 20 and all(e.line > 120 for e in found[0].evidence)


def test_seed002_percentages_are_misprints_not_rounding() -> None:
    """1/99 = 1.01% and 2/99 = 2.02% printed 1.1% and 2.2%: beyond half a unit of the printed precision
    and not the value cut to it either, so misprints (the checks once called them rounding)."""
    found = of_rule(seed("002"), "parts.percent")
    assert sorted(f.actual or 0 for f in found) == [1.1, 2.2]
    assert all(f.severity == "warning" and "misprint" in f.message_en and located(f) for f in found)


def test_seed003_website_33_exceeds_deduplicated_total_7() -> None:
    found = of_rule(seed("003"), "parts.channel_dedup")
    assert [(f.actual, f.expected, f.severity) for f in found] == [(33, 7, "error")]
    assert located(found[0])


def test_seed004_truncated() -> None:
    found = of_rule(seed("004"), "complete.truncated")
    assert len(found) == 1 and found[0].line > 0 and found[0].quote


def test_no_rule_crashes_on_the_sample_reports() -> None:
    from ogi.batch import expand, parse_many

    files, _ = expand([ROOT / "data" / "raw"])
    reports = [r for r in parse_many(files) if not hasattr(r, "reason")]
    assert reports
    for r in reports:
        assert not of_rule(run_checks(r), "check.internal_error"), r.source


# --- a consistent 2021 report, and the same report with one cell changed -----------------------


def test_consistent_2021_report_has_no_error_and_no_warning() -> None:
    found = run_checks(parse_one(str(CONSISTENT)))
    assert [f for f in found if f.severity != "info"] == []


def test_one_changed_cell_breaks_the_identities(tmp_path: Path) -> None:
    text = CONSISTENT.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\t（七）总计\n\t10\n")
    assert sep, "fixture layout changed"
    broken = tmp_path / "broken_2021.txt"
    broken.write_text(head + "\t（七）总计\n\t11\n" + tail, encoding="utf-8")
    found = run_checks(parse_one(str(broken)))
    rules = {f.rule for f in found if f.severity == "error"}
    assert {"identity.sec3_balance", "identity.sec3_outcome_total", "identity.sec3_row_total"} <= rules


# --- the command line ---------------------------------------------------------------------------


def test_check_json_lines_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["check", str(SEEDS / "003_ce2193055e7efe2f.txt"), str(CONSISTENT), "--json"])
    out = capsys.readouterr().out
    assert rc == 0  # findings never change the exit status
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and {
        "source",
        "rule",
        "severity",
        "message_zh",
        "message_en",
        "line",
        "quote",
        "evidence",
    } <= set(rows[0])
    assert any(r["rule"] == "parts.channel_dedup" for r in rows)


def test_check_bad_inputs_fail_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    rc = main(["check", str(CONSISTENT), str(empty), str(tmp_path / "missing.txt"), "--json"])
    captured = capsys.readouterr()
    assert rc == 1
    assert f"{empty}: empty file" in captured.err and "missing.txt: no such file or folder" in captured.err
    assert "Traceback" not in captured.err


def test_check_table_to_file_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    assert main(["check", str(SEEDS), "-o", str(a)]) == 0
    assert main(["check", str(SEEDS), "-o", str(b), "--min-severity", "info"]) == 0
    text = a.read_text(encoding="utf-8")
    assert a.read_bytes() == b.read_bytes()
    assert "parts.channel_dedup" in text and "5 report(s)" in text


def test_check_pairs_the_previous_year_from_the_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CONSISTENT.read_text(encoding="utf-8")
    (tmp_path / "2021.txt").write_text(text, encoding="utf-8")
    prev = (
        text.replace("2021", "2020")
        .replace("2022年1月20日", "2021年1月20日")
        .replace("四、结转下年度继续办理\n\t1\n", "四、结转下年度继续办理\n\t4\n")
    )
    (tmp_path / "2020.txt").write_text(prev, encoding="utf-8")
    assert main(["check", str(tmp_path), "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    dup = [r for r in rows if r["rule"] == "yoy.text_duplication" and r["source"].endswith("2021.txt")]
    assert dup and dup[0]["severity"] == "warning"
    carry = [r for r in rows if r["rule"] == "yoy.carry_over"]
    assert carry and carry[0]["source"].endswith("2021.txt") and carry[0]["expected"] == 4


def test_check_reports_a_full_disk_in_one_line(tmp_path, capsys, monkeypatch) -> None:
    import errno
    import os

    from ogi.cli import main

    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    rc = main(["check", "data/raw/seeds/004_f386c353c807fea8.txt", "-o", str(tmp_path / "f.txt")])
    monkeypatch.setattr(os, "fsync", real_fsync)
    err = capsys.readouterr().err
    assert rc == 1
    assert "ogi check: cannot write" in err and "No space left on device" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())  # no half-written file, no temp file left behind
