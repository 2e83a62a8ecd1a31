"""Analyst corrections (issue 22): rows that add, replace, remove a figure or set report metadata,
applied at ingest and kept apart from the parser's facts; every bad row one line; .xlsx sheets read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from ogi.batch import parse_one
from ogi.cli import main
from ogi.store import corrections as C
from ogi.store import open_store
from ogi.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "seeds"
LUOSHAN = "001_65a8da51980a352c.txt"  # 罗山街道办事处 2017 (pre2014): prose figures
XIYUAN = "002_9e38e5bfa899f112.txt"  # 西园街道办事处 2020 (2019 template): section 三's table, all zeros
HEADER = "report,metric,dims,value,note,who,date\r\n"


def write(path: Path, *rows: str, bom: bool = True) -> Path:
    path.write_bytes(
        (b"\xef\xbb\xbf" if bom else b"") + (HEADER + "".join(r + "\r\n" for r in rows)).encode()
    )
    return path


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    dst = tmp_path / "raw"
    dst.mkdir()
    for name in (LUOSHAN, XIYUAN):
        shutil.copy(SEEDS / name, dst / name)
    return dst


def run(raw: Path, out: Path, *files: Path, full: bool = False) -> C.Corrections:
    corr = C.read(files) if files else C.read(C.discover([raw]))
    ingest([raw], out, jobs=1, full=full, parse=corr.wrap(parse_one), say=lambda _: None)
    return corr


def facts(out: Path, source: str) -> pl.DataFrame:
    return open_store(out).frame("facts").filter(pl.col("source").str.ends_with(source)).collect()


GOOD = (
    f"{LUOSHAN},training.sessions,,3,表格漏记两期,张三,2026-12-01",  # replace (parser read 1)
    f"{LUOSHAN},proactive.channel,channel=wechat,,重复计入,张三,2026-12-01",  # remove
    "罗山街道办事处 2017,staff.count,kind=full_time,2,正文第二段,李四,2026-12-02",  # add, by agency+year
    f"{LUOSHAN},region,,福建省泉州市,,张三,",  # metadata
    f"{LUOSHAN},year,,2018年,,张三,",  # metadata (rows naming it by agency and year still use 2017)
    f"{XIYUAN},applications.received,,5,表格合计行,李四,2026-12-02",
)


def test_add_replace_remove_and_metadata_rows_apply_and_the_parser_facts_stay(
    raw: Path, tmp_path: Path
) -> None:
    out = tmp_path / "store"
    run(raw, out, write(raw / "corrections.csv", *GOOD))
    f = facts(out, LUOSHAN)
    # replace: the parser's fact stays, superseded by the row; the analyst's figure carries the mark
    old = f.filter(pl.col("metric") == "training.sessions", pl.col("origin") != "analyst")
    assert old["value"].to_list() == [1.0] and old["superseded_by"].to_list() == ["corrections.csv:2"]
    new = f.filter(pl.col("metric") == "training.sessions", pl.col("origin") == "analyst").row(0, named=True)
    assert new["value"] == 3.0 and new["loc"] == "corrections.csv:2" and new["superseded_by"] is None
    assert new["line"] == old["line"][0]
    assert new["quote"] == "分析员更正：表格漏记两期（原解析值 1；张三 2026-12-01）"
    # remove: every wechat channel fact superseded, no analyst fact
    wechat = f.filter(pl.col("metric") == "proactive.channel", pl.col("dim_channel") == "wechat")
    assert wechat.height >= 1 and set(wechat["superseded_by"]) == {"corrections.csv:3"}
    assert set(wechat["origin"]) != {"analyst"}
    # add: a figure the parser did not have, line 0
    added = f.filter(pl.col("metric") == "staff.count", pl.col("dim_kind") == "full_time")
    assert added.select("value", "origin", "line").rows() == [(2.0, "analyst", 0)]
    assert "原解析未得" in added["quote"][0]
    # the views see the corrected set only
    seen = open_store(out).facts.filter(pl.col("source").str.ends_with(LUOSHAN)).collect()
    assert seen.filter(pl.col("metric") == "training.sessions")["value"].to_list() == [3.0]
    assert seen.filter(pl.col("metric") == "proactive.channel", pl.col("dim_channel") == "wechat").height == 0
    # metadata: the corrected value, the parser's kept
    rep = open_store(out).reports.filter(pl.col("source").str.ends_with(LUOSHAN)).collect().row(0, named=True)
    assert rep["region"] == "福建省泉州市" and rep["year"] == 2018
    assert json.loads(rep["parser_meta"]) == {"region": None, "year": 2017}
    assert rep["n_corrections"] == 5
    assert set(f["year"]) == {2018}


def test_checks_run_on_the_corrected_set(raw: Path, tmp_path: Path) -> None:
    def rules(out: Path) -> set[str]:
        fr = open_store(out).findings.filter(pl.col("source").str.ends_with(XIYUAN)).collect()
        return set(fr["rule"])

    run(raw, tmp_path / "plain")
    run(raw, tmp_path / "corrected", write(tmp_path / "c.csv", GOOD[-1]))
    # 5 applications received against a report saying it had none
    assert rules(tmp_path / "corrected") - rules(tmp_path / "plain")


def store_facts(out: Path) -> pl.DataFrame:
    return open_store(out).frame("facts").collect().sort("report_id", "seq")


def test_corrections_survive_reruns_and_full(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store"
    write(raw / "corrections.csv", *GOOD)
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    first = store_facts(out)
    assert first.filter(pl.col("origin") == "analyst").height == 3
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    assert "0 read, 2 skipped" in capsys.readouterr().err
    assert store_facts(out).equals(first)
    assert main(["ingest", str(raw), "-o", str(out), "--full", "--no-progress"]) == 0
    assert store_facts(out).equals(first)
    capsys.readouterr()
    # an edited row re-applies to its report only (no stale analyst figure left behind)
    write(raw / "corrections.csv", GOOD[0].replace(",3,", ",4,"), *GOOD[1:])
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    assert "1 read, 1 skipped" in capsys.readouterr().err
    now = store_facts(out).filter(pl.col("source").str.ends_with(LUOSHAN))
    assert now.filter(pl.col("metric") == "training.sessions", pl.col("origin") == "analyst")[
        "value"
    ].to_list() == [4.0]
    assert now.filter(pl.col("metric") == "training.sessions")["superseded_by"].drop_nulls().to_list() == [
        "corrections.csv:2"
    ]
    assert (
        store_facts(out)
        .filter(pl.col("source").str.ends_with(XIYUAN))
        .equals(first.filter(pl.col("source").str.ends_with(XIYUAN)))
    )
    # no corrections file: the parser's store again
    (raw / "corrections.csv").unlink()
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    assert "2 read, 0 skipped" in capsys.readouterr().err
    assert store_facts(out).filter(pl.col("origin") == "analyst").height == 0
    assert store_facts(out)["superseded_by"].null_count() == store_facts(out).height
    # a file naming one report re-reads that report alone
    write(raw / "corrections.csv", GOOD[-1])
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    assert "1 read, 1 skipped" in capsys.readouterr().err
    assert store_facts(out).filter(pl.col("origin") == "analyst")["source"].str.ends_with(XIYUAN).all()


def test_a_changed_report_reapplies_and_names_rows_that_no_longer_match(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store"
    write(raw / "corrections.csv", GOOD[0], GOOD[1])
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 0
    capsys.readouterr()
    # the report is edited: the wechat figures go, the training sentence stays
    text = (raw / LUOSHAN).read_text(encoding="utf-8")
    assert "微信" in text
    (raw / LUOSHAN).write_text(
        "\n".join(ln for ln in text.splitlines() if "微信" not in ln) + "\n", encoding="utf-8"
    )
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "1 read, 1 skipped" in err
    lines = err.strip().splitlines()
    assert f"{raw / 'corrections.csv'}: row 3: nothing to remove" in "\n".join(lines)
    assert lines[-1].endswith("1 bad row(s) listed above")
    f = facts(out, LUOSHAN)
    assert f.filter(pl.col("origin") == "analyst")["value"].to_list() == [3.0]  # the replace re-applied


BAD = {
    "unknown report": "nope.txt,training.sessions,,3,,,",
    "unknown metric": f"{LUOSHAN},training.foo,,3,,,",
    "unknown channel": f"{LUOSHAN},proactive.channel,channel=tv,3,,,",
    "unknown dims key": f"{LUOSHAN},proactive.channel,colour=red,3,,,",
    "is not a number": f"{LUOSHAN},staff.count,,three,,,",
    "duplicate row": GOOD[0].replace(",3,", ",4,"),
    "nothing to remove": f"{LUOSHAN},proactive.channel,channel=fax,,,,",
    "unknown template": f"{LUOSHAN},template,,2099,,,",
    "the same figure of this report": "罗山街道办事处 2017,training.sessions,,5,,,",
}


def test_every_bad_row_kind_is_one_line_and_the_batch_goes_on(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store"
    path = write(raw / "corrections.csv", GOOD[0], *BAD.values())
    assert main(["ingest", str(raw), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert "2 read, 0 skipped, 0 failed" in err[0]  # both reports stored
    bad = [ln for ln in err if ln.startswith(f"{path}: row ")]
    assert len(bad) == len(BAD)
    for n, (reason, line) in enumerate(zip(BAD, bad, strict=True), start=3):
        assert line.startswith(f"{path}: row {n}: ") and reason in line, line
    assert (
        err[-1]
        == f"ogi ingest: corrections: 1 row(s) applied from {path}, {len(BAD)} bad row(s) listed above"
    )
    assert facts(out, LUOSHAN).filter(pl.col("origin") == "analyst")["value"].to_list() == [3.0]
    # the same file checked against the store: the same lines, nothing written
    before = sorted(p.name for p in (out / "_gen").iterdir())
    assert main(["corrections", "check", str(path), "--store", str(out)]) == 1
    assert [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith(str(path))] == bad
    assert sorted(p.name for p in (out / "_gen").iterdir()) == before


def test_files_without_bom_blank_lines_and_a_missing_column(tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", GOOD[0], "", ",,,,,,", bom=False)
    b = tmp_path / "b.csv"
    b.write_text("report,metric,value\nx,y,1\n", encoding="utf-8")
    got = C.read([a, b])
    assert [r.row for r in got.rows] == [2]
    assert [str(e) for e in got.errors] == [
        f"{b}: row 1: missing column(s) dims, note, who, date (need report,metric,dims,value,note,who,date)"
    ]


def test_an_explicit_corrections_file_that_is_missing_leaves_the_store(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store"
    rc = main(["ingest", str(raw), "-o", str(out), "--corrections", str(tmp_path / "nope.csv")])
    assert rc == 2 and not (out / "facts.parquet").exists()
    assert "no such corrections file" in capsys.readouterr().err


def test_an_xlsx_corrections_sheet_is_read_back(raw: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "store"
    run(raw, out)
    sheet = C.template_frame(out, LUOSHAN)  # what the workbook's `corrections` sheet holds
    assert sheet.columns == list(C.COLUMNS) and sheet.height > 10
    wb = openpyxl.Workbook()
    wb.active.title = "briefs"
    ws = wb.create_sheet(C.SHEET)
    ws.append(list(C.COLUMNS))
    for row in sheet.iter_rows():
        cells = list(row)
        if cells[1] == "training.sessions":
            cells[3], cells[4], cells[5] = 3, "表格漏记两期", "张三"  # Excel stores the typed number
        ws.append(cells)
    book = tmp_path / "ogi-briefs.xlsx"
    wb.save(book)
    corr = run(raw, out, book)
    assert corr.errors == [] and len(corr.rows) == sheet.height  # rows left as they were change nothing
    f = facts(out, LUOSHAN)
    assert f.filter(pl.col("origin") == "analyst")["value"].to_list() == [3.0]
    assert "表格漏记两期" in f.filter(pl.col("origin") == "analyst")["quote"][0]
    # a workbook without the sheet is one error naming it
    wb2 = openpyxl.Workbook()
    wb2.save(tmp_path / "other.xlsx")
    assert "no sheet named 'corrections'" in str(C.read([tmp_path / "other.xlsx"]).errors[0])


def test_the_workbook_corrections_sheet_filled_in_is_read_back(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ogi export --xlsx` writes a `corrections` sheet (a table with a frozen, filtered header); an
    analyst types a row under the header in Excel; `ogi ingest --corrections FILE.xlsx` applies it."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "store"
    run(raw, out)
    book = tmp_path / "ogi-workbook.xlsx"
    assert main(["export", "--xlsx", str(book), "--store", str(out)]) == 0
    assert C.read([book]).rows == [] and C.read([book]).errors == []  # the sheet as exported: no rows
    wb = openpyxl.load_workbook(book)
    ws = wb["corrections"]
    assert [c.value for c in ws[1]] == list(C.COLUMNS)
    for col, v in enumerate([LUOSHAN, "training.sessions", None, 3, "表格漏记两期", "张三", "2026-12-01"], 1):
        ws.cell(row=2, column=col, value=v)
    wb.save(book)
    capsys.readouterr()
    assert main(["ingest", str(raw), "-o", str(out), "--corrections", str(book), "--no-progress"]) == 0
    assert f"1 row(s) applied from {book}" in capsys.readouterr().err
    assert facts(out, LUOSHAN).filter(pl.col("origin") == "analyst")["value"].to_list() == [3.0]


def test_template_round_trips_through_check(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store"
    run(raw, out)
    t = tmp_path / "t.csv"
    assert (
        main(
            ["corrections", "template", "--report", "西园街道办事处 2020", "--store", str(out), "-o", str(t)]
        )
        == 0
    )
    assert t.read_bytes().startswith(b"\xef\xbb\xbfreport,metric,dims,value,note,who,date\r\n")
    assert main(["corrections", "check", str(t), "--store", str(out)]) == 0
    err = capsys.readouterr().err
    assert "0 row(s) applied" in err and "agree with the parser" in err and "bad row" not in err
    assert main(["corrections", "template", "--report", "nobody 1999", "--store", str(out)]) == 1
    assert main(["corrections", "check", str(t), "--store", str(tmp_path / "none")]) == 2
    assert "no store at" in capsys.readouterr().err


def test_dims_text_round_trips_labels_with_separators() -> None:
    dims = {"category": "规划;计划=x\\y", "channel": "website"}
    text = C.dims_text(dims, "cumulative")
    assert C.parse_dims(text) == [*sorted(dims.items()), ("scope", "cumulative")]
    assert C.parse_dims("channel=website；") == [("channel", "website")]
    with pytest.raises(ValueError):
        C.parse_dims("channel")


def test_brief_copy_cells_mark_corrections_escape_notes_and_skip_sums(raw: Path, tmp_path: Path) -> None:
    from ogi.render.context import brief_context
    from ogi.render.review import copy_cells, corrections_count

    out = tmp_path / "store"
    hostile = '<script>alert("x")</script>'
    run(raw, out, write(tmp_path / "c.csv", f"{LUOSHAN},proactive.channel,channel=website,200,{hostile},,"))
    ctx = brief_context("罗山街道办事处", 2017, out)
    mix = ctx.view("channel_mix", ctx.agency_key, ctx.year).to_dicts()
    rows = [{"label": r["label_zh"], **r} for r in mix]
    rows.append({"label": "合计", "value": sum(r["value"] for r in mix), "line": 0, "quote": ""})  # a sum
    cells = copy_cells(ctx, rows)
    by_label = dict(zip([r["label"] for r in rows], cells, strict=True))
    website = by_label["政府网站"]
    assert 'class="ogi-corrected"' in website and "<script>" not in website and "&lt;script&gt;" in website
    assert f'data-csv="{LUOSHAN},proactive.channel,channel=website,200,,,"' in website
    assert 'data-csv="' in by_label["公开栏"] and "ogi-corrected" not in by_label["公开栏"]
    assert by_label["合计"] == ""
    assert corrections_count(ctx.store) == {(ctx.agency_key, 2017): 1}


def test_two_files_of_one_name_keep_their_rows_apart(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write(tmp_path / "a" / "corrections.csv", GOOD[0])
    b = write(tmp_path / "b" / "corrections.csv", GOOD[-1])
    assert [r.ident for r in C.read([a, b]).rows] == [f"{a}:2", f"{b}:2"]
    assert [r.ident for r in C.read([a]).rows] == ["corrections.csv:2"]


def test_a_report_named_by_a_relative_path_is_found(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "store"
    corr = run(raw, out, write(tmp_path / "c.csv", f"raw/{LUOSHAN},training.sessions,,3,漏记,,"))
    assert C.check_against_store(corr, out).errors == []
    assert facts(out, LUOSHAN).filter(pl.col("origin") == "analyst")["value"].to_list() == [3.0]


DENIED = "applicant=natural_person;outcome=denied"


def test_a_corrected_reason_cell_recomputes_its_outcome_subtotal(raw: Path, tmp_path: Path) -> None:
    """Section 三's subtotal per outcome is the parser's sum of the reason cells: correcting a cell must
    not leave it stale (the brief draws the subtotal); a row setting the subtotal itself wins."""

    def subtotal(out: Path) -> list[tuple[float, str]]:
        f = open_store(out).facts.filter(
            pl.col("source").str.ends_with(XIYUAN),
            pl.col("dims_json")
            == json.dumps(
                {"applicant": "natural_person", "outcome": "denied"},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        )
        return f.select("value", "origin").collect().rows()

    a = f"{XIYUAN},applications.outcome,{DENIED};reason=属于国家秘密,2,表格错行,,"
    b = f"{XIYUAN},applications.outcome,{DENIED};reason=属于行政查询事项,3,表格错行,,"
    run(raw, tmp_path / "one", write(tmp_path / "one.csv", a))
    assert subtotal(tmp_path / "one") == [(2.0, "analyst")]
    run(raw, tmp_path / "two", write(tmp_path / "two.csv", a, b))
    assert subtotal(tmp_path / "two") == [(5.0, "analyst")]
    parser = (
        open_store(tmp_path / "two")
        .frame("facts")
        .filter(
            pl.col("source").str.ends_with(XIYUAN),
            pl.col("origin") == "derived",
            pl.col("superseded_by").is_not_null(),
        )
    )
    assert parser.select("value", "superseded_by").collect().rows() == [(0.0, "two.csv:2")]
    # the analyst's own subtotal wins over the recomputed one, before or after the reason rows
    own = f"{XIYUAN},applications.outcome,{DENIED},4,合计行,,"
    run(raw, tmp_path / "three", write(tmp_path / "three.csv", a, b, own))
    assert subtotal(tmp_path / "three") == [(4.0, "analyst")]
    run(raw, tmp_path / "four", write(tmp_path / "four.csv", own, a, b))
    assert subtotal(tmp_path / "four") == [(4.0, "analyst")]
