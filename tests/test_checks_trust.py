"""Findings an evaluator can trust: a part is never read as contradicting its whole, and a printed
percentage is a misprint when it is neither the exact share rounded to its printed precision nor cut to it.

The sample corpus (data/raw) is parsed and checked as `ogi check` does; the constructed reports go
through the real parser too, so the tests see what a user of `ogi check` sees.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from ogi.batch import parse_one
from ogi.checks import run_checks
from ogi.checks.parts import percent_verdict
from ogi.checks.testing import fact, report
from ogi.facts import Report
from ogi.findings import Finding

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = sorted(p for p in (ROOT / "data" / "raw").rglob("*") if p.suffix in {".txt", ".html", ".pdf"})
COMPARING = ("consistency.same_quantity", "consistency.prose_table")


def _parts_of(r: Report, metric: str, dims: dict[str, str]) -> set[float]:
    """Positive values the report gives for parts of (metric, dims): more dims on the same metric
    (channel, kind, dims.of, dims.parent), or a channel or category of a dims-free total."""
    family = {
        "proactive.total": {"proactive.channel", "proactive.category"},
        "applications.received": {"applications.channel"},
    }.get(metric, set())
    return {
        float(f.value)
        for f in r.facts
        if f.value > 0
        and (f.metric == metric or f.metric in family)
        and len(f.dims) > len(dims)
        and all(f.dims.get(k) == v for k, v in dims.items())
    }


def _part_against_whole(r: Report, f: Finding) -> bool:
    """True when the finding's differing values are a whole and its parts: a smaller prose value that
    the report states for a part, or smaller values that add up to the largest."""
    ev = [e for e in f.evidence if e.value is not None]
    if len(ev) < 2:
        return False
    top = max(float(e.value or 0) for e in ev)
    smaller = sorted({float(e.value or 0) for e in ev if 0 < float(e.value or 0) < top})
    parts = _parts_of(r, ev[0].metric, dict(ev[0].dims))
    if any(v in parts for v in smaller):
        return True
    return any(abs(sum(c) - top) < 1e-6 for n in range(2, len(smaller) + 1) for c in combinations(smaller, n))


@pytest.fixture(scope="module")
def sample() -> list[tuple[Report, list[Finding]]]:
    out = []
    for path in SAMPLE:
        r = parse_one(str(path))
        out.append((r, run_checks(r)))
    return out


def test_the_sample_has_no_error_from_a_part_against_its_whole(sample) -> None:  # type: ignore[no-untyped-def]
    assert len(sample) >= 30
    wrong = [
        (r.source, f.message_en)
        for r, found in sample
        for f in found
        if f.rule in COMPARING and f.severity == "error" and _part_against_whole(r, f)
    ]
    assert wrong == []
    # the two cases: a website's 165 against the total 304, and 1,592 + 477 against 2,069
    for suffix in ("hb005.txt", "f008.html"):
        found = next(fs for r, fs in sample if r.source.endswith(suffix))
        assert not [f for f in found if f.rule == "consistency.same_quantity"], suffix


def test_real_contradictions_are_still_errors(sample) -> None:  # type: ignore[no-untyped-def]
    """Parts aside, the sample's genuine disagreements stay errors (staff 6 vs 7; no application vs 1)."""
    found = {
        (Path(r.source).name[:3], f.expected, f.actual)
        for r, fs in sample
        for f in fs
        if f.rule == "consistency.same_quantity" and f.severity == "error"
    }
    assert {("003", 6, 7), ("000", 0, 1), ("000", 119, 85)} <= found


def test_a_total_against_a_figure_that_is_no_part_is_an_error() -> None:
    text = "2022年主动公开政府信息共304条。\n\n全年共主动公开政府信息200条。"
    facts = [
        fact("proactive.total", 304, 1, "主动公开政府信息共304条", origin="prose"),
        fact("proactive.channel", 165, 1, "网站公开信息165条", origin="prose", channel="website"),
        fact("proactive.total", 200, 3, "共主动公开政府信息200条", origin="prose"),
    ]
    found = [f for f in run_checks(report(facts, text=text)) if f.rule == "consistency.same_quantity"]
    assert [(f.severity, f.expected, f.actual) for f in found] == [("error", 304, 200)]
    # the same 165 stated as a total in another paragraph is the website's count restated
    facts[2] = fact("proactive.total", 165, 3, "共主动公开政府信息165条", origin="prose")
    assert not [f for f in run_checks(report(facts, text=text)) if f.rule == "consistency.same_quantity"]


def test_parts_that_add_up_beside_the_whole_are_not_a_second_value() -> None:
    line = "全区主动公开政府信息2069条，其中区直部门主动公开政府信息1592条，各乡镇主动公开政府信息477条。"
    facts = [
        fact("proactive.total", 2069, 1, "全区主动公开政府信息2069条", origin="prose"),
        fact("proactive.total", 1592, 1, "区直部门主动公开政府信息1592条", origin="prose"),
        fact("proactive.total", 477, 1, "各乡镇主动公开政府信息477条", origin="prose"),
    ]
    assert not [f for f in run_checks(report(facts, text=line)) if f.rule == "consistency.same_quantity"]
    facts[2] = fact("proactive.total", 470, 1, "各乡镇主动公开政府信息470条", origin="prose")
    found = [f for f in run_checks(report(facts, text=line)) if f.rule == "consistency.same_quantity"]
    assert [f.severity for f in found] == ["error"]  # 1592 + 470 ≠ 2069: three values, one quantity


def test_one_in_ninety_nine_printed_as_1_1_percent_is_a_misprint(tmp_path: Path) -> None:
    text = (
        "某某街道办事处2023年政府信息公开工作年度报告\n"
        "一、总体情况\n"
        "2023年，我街道共主动公开政府信息99条，其中机构职能类信息1条，占1.1%；工作动态类信息98条，占98.9%。\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    found = [f for f in run_checks(parse_one(str(path))) if f.rule == "parts.percent"]
    by_printed = {f.actual: f for f in found}
    misprint = by_printed[1.1]
    assert (
        misprint.severity == "warning" and "misprint" in misprint.message_en and "印错" in misprint.message_zh
    )
    assert "1/99 = 1.0101%" in misprint.message_en
    # 98/99 = 98.99% printed 98.9% is the share cut to one decimal: a rounding difference, not a misprint
    assert by_printed[98.9].severity == "info" and "truncated" in by_printed[98.9].message_en


def test_a_rate_is_not_a_share_of_the_proactive_total(tmp_path: Path) -> None:
    """办结率 96.7% beside 办结58件 is a rate of the applications handled, not 58 of the 80 items
    disclosed: no percentage finding (the f007 page got an error of 380% this way)."""
    text = (
        "某某局2016年政府信息公开工作年度报告\n一、主动公开情况\n2016年新增主动公开政府信息80条。\n\n"
        "二、其他\n全年共受理行政审批事项60件，办结58件，办结率96.7%。\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert [f for f in run_checks(parse_one(str(path))) if f.rule == "parts.percent"] == []


@pytest.mark.parametrize(
    ("printed", "exact", "places", "verdict"),
    [
        (1.0, 100 / 99, 1, None),  # rounded right
        (1.1, 100 / 99, 1, "misprint"),  # 1/99: neither rounded nor cut
        (8.3, 1500 / 181, 1, None),
        (8.2, 1500 / 181, 1, "truncated"),
        (8.1, 1500 / 181, 1, "misprint"),
        (17.0, 6500 / 394, 0, "misprint"),  # 16.4975 rounds to 16: half a unit is the limit
        (16.5, 16.5, 1, None),
        (33.3, 100 / 3, 1, None),
        (66.6, 200 / 3, 1, "truncated"),
        (66.7, 200 / 3, 1, None),
    ],
)
def test_percent_verdict(printed: float, exact: float, places: int, verdict: str | None) -> None:
    assert percent_verdict(printed, exact, places) == verdict
