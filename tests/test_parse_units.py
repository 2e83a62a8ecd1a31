"""Focused parser behaviour: cells addressed by labels, blank versus zero, provenance, coverage."""

from __future__ import annotations

import re
from pathlib import Path

from ogi.batch import parse_one
from ogi.parse import parse_document
from ogi.readers import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))


def _facts(text: str, name: str = "t.txt"):
    return parse_document(read_bytes(text.encode("utf-8"), name))


def test_every_digit_run_is_accounted_for() -> None:
    """Coverage: each digit run of every seed stands in the quote of a fact or mention on its line."""
    for path in SEEDS:
        report = parse_one(str(path))
        quotes: dict[int, str] = {}
        for f in report.facts:
            quotes[f.line] = quotes.get(f.line, "") + "\n" + f.quote
        for i, line in enumerate(report.doc.norm, 1):
            for run in re.findall(r"\d+", line):
                assert run in quotes.get(i, ""), (
                    f"{path.name}:{i}: {run!r} not accounted for in {line[:80]!r}"
                )


def test_blank_cells_are_not_zero() -> None:
    report = parse_one(str(ROOT / "data/raw/real/h004.txt"))
    blanks = [b for b in report.blanks if b.metric.startswith("procurement.")]
    assert {b.metric for b in blanks} == {"procurement.projects", "procurement.amount"}
    assert not [f for f in report.facts if f.metric.startswith("procurement.")]


def test_only_total_cell_filled_goes_to_total_column() -> None:
    report = parse_one(str(ROOT / "data/raw/real/h006.txt"))
    received = [f for f in report.facts if f.metric == "applications.received" and f.origin == "table"]
    assert [(f.dims, f.value) for f in received] == [({}, 0)]


def test_table_fact_provenance_points_at_the_cell() -> None:
    report = parse_one(str(ROOT / "data/raw/seeds/003_ce2193055e7efe2f.txt"))
    web = [f for f in report.facts if f.metric == "proactive.channel" and f.dims == {"channel": "website"}]
    assert len(web) == 1 and web[0].value == 33 and web[0].origin == "table"
    assert report.doc.lines[web[0].line - 1].strip() == "33 |"
    assert web[0].quote.startswith("2.政府网站公开政府信息数")


def test_cumulative_column_gets_cumulative_scope() -> None:
    report = parse_one(str(ROOT / "data/raw/seeds/000_790451d5ced99b6c.txt"))
    totals = {
        (f.scope, f.value) for f in report.facts if f.metric == "proactive.total" and f.origin == "table"
    }
    assert totals == {("year", 119), ("cumulative", 915)}


def test_money_in_wanyuan_is_converted_to_yuan() -> None:
    text = "附表\n统计指标 |\n单位 |\n统计数 |\n七、依申请公开信息收取的费用 |\n万元 |\n0.15 |\n"
    report = _facts(text)
    fee = [f for f in report.facts if f.metric == "fees.amount"]
    assert [(f.value, f.unit) for f in fee] == [(1500, "元")]


def test_prose_figures_bind_to_what_they_count() -> None:
    text = (
        "2020年某街道政府信息公开工作年度报告\n"
        "2020年，在门户网站主动公开政府信息99条，其中，机构职能类1条，规划计划类信息2条。"
        "全年受理办结泉州12345平台交办件81件，现场接待人数78人次，开展政策解读8次。\n"
    )
    facts = {(f.metric, tuple(sorted(f.dims.items())), f.value) for f in _facts(text).facts}
    assert ("proactive.total", (), 99) in facts
    assert ("proactive.channel", (("channel", "website"),), 99) in facts
    assert ("proactive.category", (("category", "机构职能"),), 1) in facts
    assert ("proactive.category", (("category", "规划计划"),), 2) in facts
    assert any(m == "complaints.count" and v == 81 and "12345" in d[0][1] for m, d, v in facts)
    assert ("inquiries.count", (("channel", "现场接待人数"),), 78) in facts
    assert ("interpretation.count", (), 8) in facts


def test_negative_statement_is_an_explicit_zero() -> None:
    report = _facts("2019年某镇政府信息公开工作年度报告\n2019年我镇没有受理依申请公开诉求。\n")
    assert [(f.metric, f.value, f.origin) for f in report.facts if f.metric == "applications.received"] == [
        ("applications.received", 0, "prose")
    ]


def test_full_width_digits_and_thousands_separators() -> None:
    report = _facts("2020年某街道政府信息公开工作年度报告\n依托微信公众号发布各类信息１,５５８条。\n")
    wechat = [f for f in report.facts if f.metric == "proactive.channel"]
    assert [(f.dims["channel"], f.value) for f in wechat] == [("wechat", 1558)]


def test_a_cut_off_next_row_number_is_not_read_as_a_total() -> None:
    """h016 ends with '2' (the start of '2.其他法律…'): the 1.属于国家秘密 row keeps its own seven zeros."""
    report = parse_one(str(ROOT / "data/raw/real/h016.txt"))
    row = [f for f in report.facts if f.dims.get("reason") == "属于国家秘密"]
    assert len(row) == 7 and all(f.value == 0 for f in row)
    last = len(report.doc.lines)
    assert [f.metric for f in report.facts if f.line == last] == ["mention.other"]


def test_a_qizhong_complaint_is_part_of_the_one_before() -> None:
    text = "2018年某街道政府信息公开工作年度报告\n2018年，共接到举报投诉658件，其中市长热线转交421件。\n"
    got = [(f.dims, f.value) for f in _facts(text).facts if f.metric == "complaints.count"]
    assert got == [({"source": "举报投诉"}, 658), ({"source": "市长热线转交", "of": "举报投诉"}, 421)]


def test_training_counts_only_when_about_disclosure_work() -> None:
    text = (
        "2017年某街道政府信息公开工作年度报告\n今年召开1次信息公开工作培训会。共编印操作手册3000册、组织专题培训4场，"
        "深入解读承包土地“三权分置”。\n"
    )
    got = [(f.metric, f.value) for f in _facts(text).facts if f.metric.startswith("training.")]
    assert got == [("training.sessions", 1)]
