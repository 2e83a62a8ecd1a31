"""Flattened tables (every cell of a row run together): a row is split only when one split satisfies
the template's identities; otherwise nothing is emitted for it and the problem is recorded.

Runs are constructed from the 2019/2021 template definitions (`ogi.parse.decode.plan`), the 统计表
and the synthetic generator's `flattened` layout; no real flattened file is used.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.batch import parse_one
from ogi.checks import run_checks
from ogi.facts import Report
from ogi.parse.decode import plan
from ogi.parse.flatten import splits, sums_to_last
from ogi.synth import generate
from ogi.synth.roundtrip import run
from ogi.templates import registry

APPLICANTS = [c.dims.get("applicant") for c in registry.SEC3_COLUMNS]
HEADS = {
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
SEC3_METRICS = {r.metric for r in plan("2021")}


def _row_label(code: str, r: int, seen: dict[str, int]) -> str:
    row = plan(code)[r]
    outcome = row.dims.get("outcome", "")
    if row.metric == "applications.received":
        return "一、本年新收政府信息公开申请数量"
    if row.metric == "applications.carried_over":
        return "二、上年结转政府信息公开申请数量"
    if row.metric == "applications.carried_forward":
        return "四、结转下年度继续办理"
    if outcome == "total":
        return "（七）总计"
    reason = row.dims.get("reason")
    if not reason:
        return ("三、本年度办理结果" if outcome == "granted" else "") + HEADS[outcome]
    k = seen[outcome] = seen.get(outcome, 0) + 1
    return (HEADS[outcome] if k == 1 else "") + f"{k}.{reason}"


def flat_report(code: str, rows: list[list[str]], sec4: list[str], per_line: int = 2) -> str:
    """A 2019/2021 report whose sections 三 and 四 print every row's cells run together."""
    basis = "国办公开办函〔2021〕30号" if code == "2021" else "国办公开办函〔2019〕60号"
    sig = "本年制发件数" if code == "2021" else "本年新制作数量"
    lines = [
        "2022年某某县财政局政府信息公开工作年度报告",
        f"根据《条例》和{basis}要求，现公布本报告。",
        "一、总体情况",
        "本局认真做好政府信息公开工作。",
        "二、主动公开政府信息情况",
        f"第二十条第（一）项信息内容{sig}",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计",
        "商业企业科研机构社会公益组织法律服务机构其他",
    ]
    seen: dict[str, int] = {}
    printed = [_row_label(code, r, seen) + "".join(cells) for r, cells in enumerate(rows)]
    for i in range(0, len(printed), per_line):
        lines.append("".join(printed[i : i + per_line]))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
        "".join(sec4),
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
        "某某县财政局",
        "2023年1月20日",
    ]
    return "\n".join(lines) + "\n"


def _parse(tmp_path: Path, text: str, name: str = "r.txt") -> Report:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return parse_one(str(p))


def _zero_rows(code: str) -> list[list[str]]:
    return [["0"] * 7 for _ in plan(code)]


def _index(code: str, metric: str, **dims: str) -> int:
    return next(r for r, row in enumerate(plan(code)) if row.metric == metric and row.dims == dims)


def _cells(report: Report, metric: str, **dims: str) -> list[float] | None:
    """The decoded row (seven cells, applicant order) or None when no cell of it was emitted."""
    out: list[float | None] = []
    for applicant in APPLICANTS:
        want = {**dims, **({"applicant": applicant} if applicant else {})}
        got = [f for f in report.facts if f.metric == metric and f.dims == want and f.origin == "table"]
        out.append(got[0].value if got else None)
    if all(v is None for v in out):
        return None
    assert None not in out, out
    return [v for v in out if v is not None]


def _table(code: str) -> list[list[str]]:
    """A consistent section 三: 51+0+0+1+1+0 = 53 received, every outcome kind used."""
    rows = _zero_rows(code)

    def put(r: int, values: list[int]) -> None:
        rows[r] = [str(v) for v in values] + [str(sum(values))]

    put(_index(code, "applications.received"), [51, 0, 0, 1, 1, 0])
    put(_index(code, "applications.carried_over"), [2, 0, 0, 0, 0, 0])
    put(_index(code, "applications.outcome", outcome="granted"), [30, 0, 0, 1, 0, 0])
    put(_index(code, "applications.outcome", outcome="partial"), [5, 0, 0, 0, 1, 0])
    denied = plan(code)[_index(code, "applications.outcome", outcome="total") - 1]
    put(_index(code, denied.metric, **denied.dims), [3, 0, 0, 0, 0, 0])
    first_unavailable = next(
        r for r, row in enumerate(plan(code)) if row.dims.get("outcome") == "unavailable"
    )
    put(first_unavailable, [10, 0, 0, 0, 0, 0])
    put(_index(code, "applications.outcome", outcome="total"), [48, 0, 0, 1, 1, 0])
    put(_index(code, "applications.carried_forward"), [5, 0, 0, 0, 0, 0])
    return rows


@pytest.mark.parametrize("code", ["2021", "2019"])
def test_every_row_kind_decodes_to_the_printed_cells(tmp_path: Path, code: str) -> None:
    rows = _table(code)
    assert "".join(rows[0]) == "510011053"  # the run
    sec4 = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "2", "1", "0", "0", "3"]
    report = _parse(tmp_path, flat_report(code, rows, sec4))
    assert report.template == code
    for r, row in enumerate(plan(code)):
        got = _cells(report, row.metric, **row.dims)
        assert got == [float(c) for c in rows[r]], (r, row, got)
    facts = [f for f in report.facts if f.metric in SEC3_METRICS and f.origin == "table"]
    assert facts and all(f.loc.startswith("split ") for f in facts)
    received = [f for f in facts if f.metric == "applications.received"]
    assert all(f.quote.endswith("| 510011053") for f in received)
    # section 四: one run of 15 digits
    review = {f.dims.get("outcome", "total"): f.value for f in report.facts if f.metric == "review.count"}
    assert review == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    after = {
        f.dims.get("outcome", "total"): f.value
        for f in report.facts
        if f.metric == "litigation.count" and f.dims.get("route") == "after_review"
    }
    assert after == {"upheld": 2, "corrected": 1, "other": 0, "pending": 0, "total": 3}
    assert not [p for p in report.problems if "decoded row" in p or "section" in p]


def test_glued_sub_row_number_is_cut_off(tmp_path: Path) -> None:
    """`1.属于国家秘密1000001` + `2.其他…`: the run printed is '10000012', the 2 is the next row's number."""
    code = "2021"
    rows = _zero_rows(code)
    r = next(i for i, row in enumerate(plan(code)) if row.dims.get("reason") == "属于国家秘密")
    rows[r] = ["1", "0", "0", "0", "0", "0", "1"]
    for k in (_index(code, "applications.received"), _index(code, "applications.outcome", outcome="total")):
        rows[k] = ["1", "0", "0", "0", "0", "0", "1"]
    text = flat_report(code, rows, ["0"] * 15, per_line=30)
    assert "属于国家秘密10000012.其他法律" in text
    report = _parse(tmp_path, text)
    got = _cells(report, "applications.outcome", outcome="denied", reason="属于国家秘密")
    assert got == [1, 0, 0, 0, 0, 0, 1]
    denied = [f for f in report.facts if f.dims == {"outcome": "denied"} and f.origin == "derived"]
    assert denied and denied[0].value == 1  # every sub-row decoded: the subtotal is derived


def test_ambiguous_row_emits_nothing_and_is_reported(tmp_path: Path) -> None:
    """'10100202051' is 1+0+10+0+20+20 = 51 and 10+1+0+0+20+20 = 51: no cell of it is emitted, and the
    column identities cannot choose (the same run stands in 一, （一） and （七）)."""
    code = "2021"
    run7 = "10100202051"
    assert len(splits(run7, (7,), sums_to_last)) == 2
    rows = _zero_rows(code)
    for k in (
        _index(code, "applications.received"),
        _index(code, "applications.outcome", outcome="granted"),
        _index(code, "applications.outcome", outcome="total"),
    ):
        rows[k] = [run7]  # one run: the cells as printed, run together
    report = _parse(tmp_path, flat_report(code, rows, ["0"] * 15))
    for metric, dims in (
        ("applications.received", {}),
        ("applications.outcome", {"outcome": "granted"}),
        ("applications.outcome", {"outcome": "total"}),
    ):
        assert _cells(report, metric, **dims) is None
    assert _cells(report, "applications.carried_over") == [0] * 7  # the unique rows still are
    problems = [p for p in report.problems if run7 in p]
    assert len(problems) == 3 and all("2 splits" in p for p in problems)
    findings = [f for f in run_checks(report) if f.rule == "complete.table_read"]
    assert any(run7 in f.quote for f in findings)


def test_column_identities_settle_a_row_ambiguous_alone(tmp_path: Path) -> None:
    """一 '090111132' has three splits alone, but 一 = （七）总计 + 四 − 二 per column leaves one."""
    code = "2021"
    rows = _zero_rows(code)
    received = "0901111132"
    assert len(splits(received, (7,), sums_to_last)) == 3
    rows[_index(code, "applications.received")] = [received]
    for metric, dims in (
        ("applications.outcome", {"outcome": "granted"}),
        ("applications.outcome", {"outcome": "total"}),
    ):
        rows[_index(code, metric, **dims)] = ["0", "0", "0", "2", "1", "2", "5"]
    rows[_index(code, "applications.carried_forward")] = ["0", "9", "0", "9", "0", "9", "27"]
    report = _parse(tmp_path, flat_report(code, rows, ["0"] * 15))
    assert _cells(report, "applications.received") == [0, 9, 0, 11, 1, 11, 32]


def test_section4_ambiguous_run_is_not_decoded(tmp_path: Path) -> None:
    run15 = "0110122321025121011033"
    assert len(splits(run15, (5, 5, 5), sums_to_last)) > 1
    report = _parse(tmp_path, flat_report("2021", _zero_rows("2021"), [run15]))
    assert not [
        f for f in report.facts if f.metric in ("review.count", "litigation.count") and f.origin == "table"
    ]
    assert any("section 四 flattened" in p and run15 in p for p in report.problems)


def test_blank_marks_are_one_cell_each(tmp_path: Path) -> None:
    code = "2019"
    rows = _zero_rows(code)
    rows[_index(code, "applications.received")] = ["12", "/", "/", "1", "/", "/", "13"]
    rows[_index(code, "applications.outcome", outcome="granted")] = ["12", "/", "/", "1", "/", "/", "13"]
    rows[_index(code, "applications.outcome", outcome="total")] = ["12", "/", "/", "1", "/", "/", "13"]
    report = _parse(tmp_path, flat_report(code, rows, ["0"] * 15))
    got = [f for f in report.facts if f.metric == "applications.received" and f.origin == "table"]
    assert sorted((f.dims.get("applicant", ""), f.value) for f in got) == [
        ("", 13),
        ("natural_person", 12),
        ("public_interest", 1),
    ]
    assert len([b for b in report.blanks if b.metric == "applications.received"]) == 4


STATFORM = """2016年某某镇政府信息公开工作年度报告
一、基本工作情况
本镇认真做好政府信息公开工作。
政府信息公开情况统计表
统计指标单位统计数一、主动公开情况—（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条533
其中：主动公开规范性文件数条4制发规范性文件总数件5
三、依申请公开情况—（一）收到申请数件111.当面申请数件52.传真申请数件4
3.网络申请数件04.信函申请数件2（二）申请办结数件11
四、行政复议数量件0
某某镇人民政府
2017年1月10日
"""


def test_statform_rows_glued_with_the_next_item_number(tmp_path: Path) -> None:
    report = _parse(tmp_path, STATFORM)
    got = {(f.metric, f.dims.get("channel", "")): f.value for f in report.facts if f.origin == "table"}
    assert got[("proactive.total", "")] == 533  # the 1 of 计1条 is the label's
    assert got[("proactive.normative_docs", "")] == 4
    assert got[("documents.issued", "")] == 5
    assert got[("applications.received", "")] == 11  # '111.当面': 11, then item 1
    assert got[("applications.channel", "in_person")] == 5  # '52.传真'
    assert got[("applications.channel", "fax")] == 4  # '43.网络'
    assert got[("applications.channel", "online")] == 0  # '04.信函'
    assert got[("applications.channel", "letter")] == 2
    assert got[("review.count", "")] == 0
    facts = [f for f in report.facts if f.origin == "table"]
    assert all(f.loc.startswith("split ") for f in facts)
    assert report.template == "statform"


ANNEX = """2013年某某镇政府信息公开工作年度报告
一、概述
本镇认真做好政府信息公开工作。
附表
指标名称单位2013年度历年累计主动公开政府信息数条35128其中：1.政府网站公开数条05
受理政府信息公开申请总数条/3
某某镇人民政府
2014年1月16日
"""


def test_year_and_cumulative_split_only_when_one_cut_fits(tmp_path: Path) -> None:
    """'35128' is 3 | 5128 or 35 | 128 (累计 ≥ 本年 both): left out; '05' is only 0 | 5; '/3' is blank | 3."""
    report = _parse(tmp_path, ANNEX)
    got = {
        (f.metric, f.dims.get("channel", ""), f.scope): f.value for f in report.facts if f.origin == "table"
    }
    assert ("proactive.total", "", "year") not in got
    assert any("35128" in p and "decoded row" in p for p in report.problems)
    assert got[("proactive.channel", "website", "year")] == 0
    assert got[("proactive.channel", "website", "cumulative")] == 5
    assert got[("applications.received", "", "cumulative")] == 3
    assert [b.metric for b in report.blanks] == ["applications.received"]


# --- properties -------------------------------------------------------------------------------------

_value = st.one_of(st.just(0), st.just(0), st.integers(0, 9), st.integers(10, 250))


@st.composite
def sec3_tables(draw: st.DrawFn) -> tuple[str, list[list[str]], list[str]]:
    """A valid 2019/2021 section 三 and 四 (every identity holds), some zeros printed as blank marks."""
    code = draw(st.sampled_from(["2021", "2019"]))
    rows = plan(code)
    outcomes = [
        r
        for r, row in enumerate(rows)
        if row.metric == "applications.outcome" and row.dims["outcome"] != "total"
    ]
    values: dict[int, list[int]] = {r: [0] * 6 for r in range(len(rows))}
    active = draw(st.lists(st.sampled_from(outcomes), max_size=5))
    for r in active:
        values[r] = [draw(_value) for _ in range(6)]
    total_r = next(r for r, row in enumerate(rows) if row.dims.get("outcome") == "total")
    values[total_r] = [sum(values[r][j] for r in outcomes) for j in range(6)]
    over = next(r for r, row in enumerate(rows) if row.metric == "applications.carried_over")
    fwd = next(r for r, row in enumerate(rows) if row.metric == "applications.carried_forward")
    rec = next(r for r, row in enumerate(rows) if row.metric == "applications.received")
    values[over] = [draw(st.integers(0, values[total_r][j])) for j in range(6)]
    values[fwd] = [draw(st.integers(0, 12)) for _ in range(6)]
    values[rec] = [values[total_r][j] + values[fwd][j] - values[over][j] for j in range(6)]
    mark = draw(st.sampled_from(["0", "/", "-", "—"]))
    blank_zero = draw(st.booleans())

    def cell(v: int, can_blank: bool) -> str:
        return mark if (v == 0 and blank_zero and can_blank) else str(v)

    printed = [[cell(v, True) for v in values[r]] + [cell(sum(values[r]), False)] for r in range(len(rows))]
    sec4: list[str] = []
    for _ in range(3):
        g = [draw(st.one_of(st.just(0), st.integers(0, 12))) for _ in range(4)]
        sec4 += [cell(v, True) for v in g] + [str(sum(g))]
    return code, printed, sec4


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sec3_tables(), st.integers(1, 4))
def test_flattening_a_valid_table_never_gives_a_wrong_cell(
    tmp_path: Path, table: tuple[str, list[list[str]], list[str]], per_line: int
) -> None:
    code, printed, sec4 = table
    report = _parse(tmp_path, flat_report(code, printed, sec4, per_line))
    truth: dict[tuple[str, str], float] = {}
    for r, row in enumerate(plan(code)):
        for applicant, text in zip(APPLICANTS, printed[r], strict=True):
            dims = {**row.dims, **({"applicant": applicant} if applicant else {})}
            if text.isdigit():
                truth[(row.metric, json.dumps(dims, sort_keys=True))] = int(text)
    for col, text in zip(registry.SEC4_COLUMNS, sec4, strict=True):
        if text.isdigit():
            truth[(col.metric, json.dumps(dict(col.dims), sort_keys=True))] = int(text)
    for f in report.facts:
        key = (f.metric, json.dumps(f.dims, sort_keys=True))
        if f.origin == "table" and key in truth:
            assert f.value == truth[key], (f, printed)
        elif f.origin == "table" and f.metric in SEC3_METRICS | {"review.count"}:
            raise AssertionError(f"a cell the table does not hold: {f}")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000))
def test_synthetic_flattened_reports_never_give_a_wrong_cell(
    tmp_path_factory: pytest.TempPathFactory, seed: int
) -> None:
    """Whole synthetic reports (2021, 2019, 统计表, 附表) with every table flattened, blanks as marks or nothing."""
    out = tmp_path_factory.mktemp("flat")
    generate(4, out, seed=seed, templates=("2021", "2019", "statform", "pre2014"), layouts=("flattened",))
    diffs = run(out)
    wrong = [(d.file, e) for d in diffs for e in d.extra if e[4] == "table"]
    assert not wrong, wrong


def test_flattened_synthetic_corpus_is_mostly_read(tmp_path: Path) -> None:
    """The flattened layout is read: most cells come back, none wrong (seeded, deterministic)."""
    generate(8, tmp_path, seed=3, templates=("2021", "2019", "statform"), layouts=("flattened",))
    diffs = run(tmp_path)
    assert not [e for d in diffs for e in d.extra if e[4] == "table"]
    assert sum(d.correct for d in diffs) / sum(d.expected for d in diffs) > 0.9


def test_section4_header_glued_to_section3(tmp_path: Path) -> None:
    """The page text runs section 三's last row into section 四's header: the run after 复议后起诉 is read."""
    sec4 = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "2", "1", "0", "0", "3"]
    text = flat_report("2021", _table("2021"), sec4)
    text = text.replace("\n四、政府信息公开行政复议", "四、政府信息公开行政复议")
    report = _parse(tmp_path, text)
    review = {f.dims.get("outcome", "total"): f.value for f in report.facts if f.metric == "review.count"}
    assert review == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert _cells(report, "applications.carried_forward") == [5, 0, 0, 0, 0, 0, 5]


def test_a_space_between_label_and_run(tmp_path: Path) -> None:
    """'一、本年新收政府信息公开申请数量 510011053': the cells still run together after one space."""
    rows = _table("2021")
    text = flat_report("2021", [[" ", *r] for r in rows], ["0"] * 15, per_line=1)
    report = _parse(tmp_path, text)
    assert _cells(report, "applications.received") == [51, 0, 0, 1, 1, 0, 53]
    assert _cells(report, "applications.outcome", outcome="total") == [48, 0, 0, 1, 1, 0, 50]


def test_other_quote_marks_and_a_misprinted_label_cost_one_row(tmp_path: Path) -> None:
    code = "2021"
    rows = _table(code)
    r = next(i for i, row in enumerate(plan(code)) if row.dims.get("reason") == "属于行政执法案卷")
    rows[r] = ["2", "0", "0", "0", "0", "0", "2"]  # misprinted below: left out, never given to a neighbour
    danger = next(i for i, row in enumerate(plan(code)) if row.dims.get("reason", "").startswith("危及"))
    rows[danger] = ["1", "0", "0", "0", "0", "0", "1"]
    text = flat_report(code, rows, ["0"] * 15)
    text = text.replace("危及“三安全一稳定”", '危及"三安全一稳定"').replace(
        "属于行政执法案卷", "属于行政执法卷宗"
    )
    report = _parse(tmp_path, text)
    reason = plan(code)[danger].dims["reason"]
    assert _cells(report, "applications.outcome", outcome="denied", reason=reason) == [1, 0, 0, 0, 0, 0, 1]
    assert _cells(report, "applications.outcome", outcome="denied", reason="属于行政执法案卷") is None
    previous = plan(code)[r - 1].dims["reason"]
    assert _cells(report, "applications.outcome", outcome="denied", reason=previous) == [0] * 7
    assert any("属于行政执法案卷' not found" in p for p in report.problems)
    assert _cells(report, "applications.carried_forward") == [5, 0, 0, 0, 0, 0, 5]
