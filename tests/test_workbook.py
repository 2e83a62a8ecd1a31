"""The evaluator's workbook (`ogi export --xlsx`) read back with openpyxl as Excel would: one row per
report with its headline figures and 2021-template cells, facts with labels and dims as columns,
findings; integers stay integers; header frozen, filters on, widths set; the same store gives the same
bytes. Also the labelled CSV downloads that share its rows.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[1]
HUAIAN = "淮安市人民政府"


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ogi.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("workbook")
    res = _cli("ingest", str(ROOT / "data" / "raw"), "-o", str(base / "store"), "--no-progress")
    assert res.returncode == 0, res.stderr
    return base / "store"


@pytest.fixture(scope="module")
def book(store: Path):  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    out = store.parent / "ogi.xlsx"
    res = _cli("export", "--xlsx", str(out), "--store", str(store))
    assert res.returncode == 0, res.stderr
    assert f"wrote {out}" in res.stdout
    return openpyxl.load_workbook(out)


def _rows(ws) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    head = [c.value for c in ws[1]]
    return [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


def test_one_row_per_report_with_headline_figures_and_cells(book, store: Path) -> None:  # type: ignore[no-untyped-def]
    import ogi.store as st

    assert book.sheetnames[:3] == ["报告", "数字", "问题"]
    rows = _rows(book["报告"])
    reports = st.reports(store)
    assert len(rows) == reports.height == 30
    assert sorted(str(r["报告编号"]) for r in rows) == sorted(reports["report_id"].to_list())
    huaian = [r for r in rows if r["机关键"] == HUAIAN]
    assert len(huaian) == 1
    row = huaian[0]
    assert row["收到政府信息公开申请数"] == 3119 and type(row["收到政府信息公开申请数"]) is int
    assert (row["年度"], row["模板"], row["层级"]) == (2024, "2021", "市")
    assert str(row["源文件"]).endswith("f001.pdf")
    # section 二 (第二十条) as labelled cells: 规范性文件 8 / 26 / 66, 许可 447,228
    assert row["本年制发件数｜行政规范性文件"] == 8
    assert row["本年废止件数｜行政规范性文件"] == 26
    assert row["现行有效件数｜行政规范性文件"] == 66
    assert row["处理决定数量（许可/服务）｜行政许可"] == 447228
    assert row["收到政府信息公开申请数｜自然人"] == 3001  # section 三's cells too
    # finding counts by severity agree with the store
    fnd = st.findings(store, HUAIAN, 2024)
    for sev, title in (("error", "错误数"), ("warning", "警告数"), ("info", "提示数")):
        assert row[title] == fnd.filter(pl.col("severity") == sev).height
    # every whole number is an int cell, never 3119.0
    floats = [(k, v) for r in rows for k, v in r.items() if isinstance(v, float) and float(v).is_integer()]
    assert floats == []


def test_sheets_have_frozen_header_filters_and_widths(book) -> None:  # type: ignore[no-untyped-def]
    for ws in book.worksheets[:3]:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.tables, ws.title  # an Excel table: filter buttons on every heading
        widths = [ws.column_dimensions[c].width for c in ("A", "B", "C")]
        assert all(w and w > 5 for w in widths), (ws.title, widths)


def test_facts_sheet_labels_dims_and_no_mentions(book, store: Path) -> None:  # type: ignore[no-untyped-def]
    import ogi.store as st

    rows = _rows(book["数字"])
    stored = st.open_store(store).facts.collect()
    assert len(rows) == stored.filter(~pl.col("metric").str.starts_with("mention.")).height
    assert not [r for r in rows if str(r["指标代码"]).startswith("mention.")]
    granted = next(
        r
        for r in rows
        if r["机关键"] == HUAIAN
        and r["指标代码"] == "applications.outcome"
        and r["办理结果"] == "予以公开"
        and r["申请人"] == "自然人"
    )
    assert (granted["指标"], granted["指标（英文）"], granted["数值"]) == (
        "申请办理结果",
        "Application outcomes",
        1288,
    )
    assert type(granted["数值"]) is int and granted["行"] and granted["原文"]


def test_findings_sheet_holds_every_finding(book, store: Path) -> None:  # type: ignore[no-untyped-def]
    import ogi.store as st

    rows = _rows(book["问题"])
    assert len(rows) == st.findings(store).height
    assert {r["级别"] for r in rows} <= {"错误", "警告", "提示"}
    assert all(r["规则"] and r["说明"] for r in rows)


def test_workbook_is_deterministic_and_extra_sheets_hook(store: Path, tmp_path: Path) -> None:
    from ogi import workbook

    one = workbook.workbook_bytes(store)
    assert one == workbook.workbook_bytes(store)
    extra = pl.DataFrame({"path": ["a.txt"], "metric": ["proactive.total"], "value": [12]})
    openpyxl = pytest.importorskip("openpyxl")
    out = workbook.write_workbook(tmp_path / "w.xlsx", store, extra={"corrections": extra})
    assert (os.stat(out).st_mode & 0o777) == 0o644 & ~_umask()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-1] == "corrections" and _rows(wb["corrections"])[0]["value"] == 12


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_export_without_a_store_is_one_line(tmp_path: Path) -> None:
    res = _cli("export", "--xlsx", str(tmp_path / "x.xlsx"), "--store", str(tmp_path / "none"))
    assert res.returncode == 1 and "no such store" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_brief_and_store_csv_have_agency_year_and_labelled_dims(store: Path) -> None:
    import ogi.store as st
    from ogi.render.index import facts_csv

    rid = st.reports(store).filter(pl.col("agency_key") == HUAIAN)["report_id"][0]
    brief = list(csv.DictReader(io.StringIO(facts_csv(st.open_store(store), rid).decode("utf-8-sig"))))
    whole = list(csv.DictReader(io.StringIO(facts_csv(st.open_store(store)).decode("utf-8-sig"))))
    assert list(brief[0]) == list(whole[0])  # one set of columns for both downloads
    assert {"agency", "year", "label_zh", "label_en", "dim.applicant", "dim.outcome"} <= set(brief[0])
    received = next(r for r in brief if r["metric"] == "applications.received" and r["dims_json"] == "{}")
    assert (received["agency"], received["year"], received["value"]) == (HUAIAN, "2024", "3119")
    person = next(r for r in brief if r["metric"] == "applications.received" and r["dim.applicant"])
    assert person["dim.applicant"] == "自然人"
    assert not [r for r in whole if r["metric"].startswith("mention.")]
    assert not [r for r in whole if r["value"].endswith(".0")]


def test_index_writes_the_downloads_readable_and_links_the_workbook(store: Path, tmp_path: Path) -> None:
    """Every download beside the index is 0644 less the umask like the HTML (an atomic write's temp
    file is 0600: a web server or a colleague got 'Permission denied'), and the workbook is linked."""
    from ogi.render.index import STORE_CSV, STORE_PARQUET, WORKBOOK, build_index

    out = tmp_path / "out"
    out.mkdir()
    index = build_index(store, out)
    for name in (STORE_CSV, STORE_PARQUET, WORKBOOK):
        assert (os.stat(out / name).st_mode & 0o777) == 0o644 & ~_umask(), name
    assert f'href="{WORKBOOK}" download' in index.read_text(encoding="utf-8")


def test_english_workbook_names_sheets_columns_and_dims_in_english(store: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "en.xlsx"
    res = _cli("export", "--xlsx", str(out), "--store", str(store), "--lang", "en", "--mentions")
    assert res.returncode == 0, res.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["reports", "facts", "findings"]
    facts = _rows(wb["facts"])
    assert any(str(r["Metric code"]).startswith("mention.") for r in facts)  # --mentions keeps them
    assert {r["Applicant"] for r in facts if r["Applicant"]} >= {"Natural persons", "Businesses"}
    huaian = next(r for r in _rows(wb["reports"]) if r["Agency key"] == HUAIAN)
    assert huaian["Applications received"] == 3119
