"""Damaged 2019/2021 tables (PDF-to-text / PDF-to-markdown converter output) decoded by the template.

The synthetic corpus renders sections 三 and 四 with converter damage (ogi.synth.damage): header rows
split over lines, labels detached from their numbers, labels over two lines or glued to the next
label, group labels cut between two rows, 数据1…数据6 headers, section 四's 15 numbers under a short
header. Every cell must come back exactly; when rows are missing, the rows that cannot be placed
are reported and left out, never guessed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ogi.batch import parse_one
from ogi.checks import run_checks
from ogi.parse.decode import plan
from ogi.readers import read_path
from ogi.synth import generate
from ogi.synth.roundtrip import report_text, run

SEC3 = {
    "applications.received",
    "applications.carried_over",
    "applications.outcome",
    "applications.carried_forward",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("damaged")
    generate(24, out, seed=7, templates=("2021", "2019"), layouts=("converter", "markdown"))
    return out


def test_damaged_layouts_round_trip_exactly(corpus: Path) -> None:
    diffs = run(corpus)
    assert any("数据1" in read_path(p).text for p in corpus.glob("*.txt"))  # the damage is there
    inexact = [d for d in diffs if not d.exact]
    assert not inexact, report_text(diffs)


def _truth(corpus: Path, name: str) -> list[dict]:
    rows = [json.loads(x) for x in (corpus / "facts_truth.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["file"] == name]


def _key(metric: str, dims: dict, value: float) -> tuple[str, str, float]:
    return metric, json.dumps(dims, sort_keys=True, ensure_ascii=False), float(value)


def _damaged_copy(corpus: Path, tmp_path: Path, drop_label: bool) -> tuple[Path, str, set[int]]:
    """A converter report with one section 三 number row removed (and, optionally, its label too)."""
    for src in sorted(corpus.glob("*.txt")):
        lines = list(read_path(src).lines)
        rows = [
            i
            for i, x in enumerate(lines)
            if re.fullmatch(r"(?:[-/—无]|\d+)(?: (?:[-/—无]|\d+)){6}", x.strip()) and "|" not in x
        ]
        if len(rows) < 8:
            continue  # a markdown or lightly damaged copy: look for a converter one with detached rows
        victim = rows[len(rows) // 2]
        removed = {victim + 1}
        del lines[victim]
        if drop_label and victim > 0 and not re.search(r"\d", lines[victim - 1]):
            removed.add(victim)
            del lines[victim - 1]
        out = tmp_path / src.name
        out.write_text("\n".join(lines), encoding="utf-8")
        return out, src.name, removed
    raise AssertionError("no converter report with detached number rows")


@pytest.mark.parametrize("drop_label", [False, True])
def test_missing_row_is_reported_not_guessed(corpus: Path, tmp_path: Path, drop_label: bool) -> None:
    path, name, _ = _damaged_copy(corpus, tmp_path, drop_label)
    report = parse_one(str(path))
    truth = {_key(t["metric"], t["dims"], t["value"]) for t in _truth(corpus, name) if t["metric"] in SEC3}
    got = [f for f in report.facts if f.metric in SEC3 and f.origin == "table"]
    wrong = [(f.metric, f.dims, f.value, f.line) for f in got if _key(f.metric, f.dims, f.value) not in truth]
    assert not wrong, wrong  # nothing guessed into a wrong cell
    assert len(got) < len([t for t in truth if "derived" not in t[1]])  # the lost row is not invented
    assert any("section 三 damaged" in p for p in report.problems), report.problems
    found = [f for f in run_checks(report) if f.rule == "complete.table_read"]
    assert found and all(f.severity == "warning" for f in found)  # and a check says so


def test_fifteen_numbers_under_a_short_header(tmp_path: Path) -> None:
    """Section 四 as one markdown row of 15 under a 数据1…数据6 header; section 三 complete in pipes."""
    head = ["| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 |", "| --- | --- | --- | --- | --- | --- |"]
    values = [3, 1, 1, 0, 5, 2, 0, "-", 1, 3, 0, 0, 0, 1, 1]
    text = "\n".join(
        [
            "某某局2021年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "规章 0 0 0",
            "四、政府信息公开行政复议、行政诉讼情况",
            *head,
            "| 行政复议 | 行政诉讼 |",
            "| " + " | ".join(str(v) for v in values) + " |",
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_one(str(path))
    got = {
        (f.metric, tuple(sorted(f.dims.items()))): f.value
        for f in report.facts
        if f.metric in ("review.count", "litigation.count")
    }
    assert got[("review.count", ())] == 5
    assert got[("review.count", (("outcome", "upheld"),))] == 3
    assert got[("litigation.count", (("outcome", "upheld"), ("route", "direct")))] == 2
    assert got[("litigation.count", (("route", "direct"),))] == 3
    assert got[("litigation.count", (("route", "after_review"),))] == 1
    assert got[("litigation.count", ())] == 4
    assert [b.dims for b in report.blanks if b.metric == "litigation.count"] == [
        {"route": "direct", "outcome": "other"}
    ]


def test_template_plans() -> None:
    assert len(plan("2021")) == 25 and len(plan("2019")) == 23
    assert [r.dims.get("outcome") for r in plan("2019")][-3:] == ["other", "total", None]


@pytest.mark.parametrize("name", ["r2021.html", "r2021.pdf", "r2021.docx", "f001.pdf"])
def test_decoder_alone_reads_what_the_grid_reader_reads(name: str) -> None:
    """From the text lines of a structured document only (as if its grid were lost), the decoder
    gives exactly the table facts the grid reader gives."""
    from formats_fixtures import FIXTURES, report_2021, to_docx
    from ogi.parse.decode import repair
    from ogi.parse.tables import TableFacts, read_table
    from ogi.readers import read_bytes

    path = FIXTURES / name
    data = to_docx(report_2021()) if name.endswith(".docx") else path.read_bytes()
    doc = read_bytes(data, str(path))
    grid = TableFacts()
    for t in doc.tables:
        read_table(t, grid)
    text_only = TableFacts()
    repair(doc, text_only, "2021")

    def key(f: object) -> tuple:
        return f.metric, tuple(sorted(f.dims.items())), f.value, f.origin  # type: ignore[attr-defined]

    want = sorted(key(f) for f in grid.facts if not f.metric.startswith("mention."))
    assert len(want) >= 200
    assert sorted(key(f) for f in text_only.facts) == want
    assert not text_only.problems


def test_an_empty_cell_left_of_the_figures_does_not_shift_the_row() -> None:
    """A PDF whose （七）总计 label spans two columns with a rule missing gives an extra empty cell
    before the figures: the natural person's figure must not land under 商业企业."""
    from ogi.document import Cell, Table
    from ogi.parse.tables import TableFacts, read_table

    def row(*texts: str, line: int = 1) -> list[Cell]:
        return [Cell(raw=t, text=t, line=line) for t in texts]

    header = row("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    total = row("三、本年度办理结果", "（七）总计", "", "2932", "53", "0", "0", "61", "4", "3050", line=5)
    tf = TableFacts()
    read_table(Table(rows=[row("申请人情况"), header, total], line=1, end_line=5), tf)
    got = {f.dims.get("applicant"): f.value for f in tf.facts}
    assert got == {
        "natural_person": 2932,
        "business": 53,
        "research": 0,
        "public_interest": 0,
        "legal_service": 61,
        "other_org": 4,
        None: 3050,
    }
    assert not tf.blanks and not tf.problems
