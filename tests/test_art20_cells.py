"""第二十条 blocks in page text where every cell is a line followed by a '|' line, and headers cut short:
empty layout cells are not blanks, and several figures under one recognised header are not guessed."""

from __future__ import annotations

from pathlib import Path

from ogi.batch import parse_one
from ogi.document import Cell, Table
from ogi.parse.tables import TableFacts, read_table

HEAD = "2019年某某县文化和旅游局政府信息公开工作年度报告\n二、主动公开政府信息情况\n"


def _cells(*parts: str) -> str:
    return "".join(f"{p}\n|\n" for p in parts)


def _parse(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    return parse_one(str(p))


def test_layout_bars_are_not_blank_cells(tmp_path: Path) -> None:
    text = (
        HEAD
        + _cells(
            "第二十条第(五)项",
            "信息内容",
            "上一年项目数量",
            "本年增/减",
            "处理决定数量",
            "行政许可",
            "640",
            "-12",
            "628",
            "其他对外管理服务事项",
            "0",
            "3",
            "7",
        )
        + "三、收到和处理政府信息公开申请情况\n"
    )
    report = _parse(tmp_path, text)
    got = {(f.metric, f.dims.get("item")): f.value for f in report.facts if f.metric.startswith("licensing.")}
    assert got[("licensing.prior", "行政许可")] == 640
    assert got[("licensing.change", "行政许可")] == -12
    assert got[("licensing.decisions", "行政许可")] == 628
    assert got[("licensing.change", "其他对外管理服务事项")] == 3


def test_figures_under_lost_headers_are_left_out() -> None:
    """'本年新 | 本年新 | 对外公开总数量': only the third header is read; 0 | 9 | 9 is not guessed, 4 | 4 | 4 is one."""

    def row(*texts: str) -> list[Cell]:
        return [Cell(t, t, 3) for t in texts]

    table = Table(
        [
            row("第二十条第（一）项"),
            row("信息内容", "本年新", "本年新", "对外公开总数量"),
            row("规范性文件", "0", "9", "9"),
            row("规章", "4", "4", "4"),
        ],
        3,
        3,
    )
    out = TableFacts()
    read_table(table, out)
    got = {(f.metric, f.dims.get("item")): f.value for f in out.facts}
    assert ("documents.total", "规范性文件") not in got
    assert got[("documents.total", "规章")] == 4
    assert any("3 cells for 1 columns" in p for p in out.problems)
