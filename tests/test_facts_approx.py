"""Approximate figures (5500余条, 近3万条): facts with an `approx` qualifier, the value as printed, never
an exact figure's twin, never an operand of a check, printed by the brief as the report printed them."""

from __future__ import annotations

import pytest

from ogi.checks.base import Facts
from ogi.facts import Fact, Report, format_value, without_shadowed_approx
from ogi.parse.prose import extract_prose

APPROX_ROWS = [
    ("2023年主动公开政府信息5500余条。", "proactive.total", {}, 5500, "余"),
    ("全年主动公开政府信息1000多条。", "proactive.total", {}, 1000, "多"),
    ("全年通过门户网站发布信息近3万条。", "proactive.channel", {"channel": "website"}, 30000, "近"),
    ("本年度主动公开政府信息约150条。", "proactive.total", {}, 150, "约"),
    ("本年度主动公开政府信息超过2000条。", "proactive.total", {}, 2000, "超"),
    ("接待群众来访咨询约150人次。", "inquiries.count", {"channel": "接待群众来访咨询"}, 150, "约"),
]


@pytest.mark.parametrize(("text", "metric", "dims", "value", "mark"), APPROX_ROWS)
def test_an_approximate_figure_is_a_qualified_fact(
    text: str, metric: str, dims: dict[str, str] | None, value: int, mark: str
) -> None:
    out = extract_prose([text], [text], set())
    got = [f for f in out.facts if f.approx]
    assert [(f.metric, f.value, f.approx) for f in got] == [(metric, value, mark)]
    if dims is not None:
        assert got[0].dims == dims
    assert not [f for f in out.facts if f.metric == metric and not f.approx]  # no exact twin
    assert got[0].as_dict("t.txt", None, 2023)["approx"] == mark


@pytest.mark.parametrize("text", ["发布信息不少于200条。", "全年发布信息200条以上。", "发布信息10条左右。"])
def test_a_bound_is_no_approximate_figure(text: str) -> None:
    out = extract_prose([text], [text], set())
    assert not [f for f in out.facts if not f.metric.startswith("mention.")]


def test_an_exact_figure_is_exported_without_the_field() -> None:
    out = extract_prose(["主动公开政府信息120条。"], ["主动公开政府信息120条。"], set())
    assert "approx" not in out.facts[0].as_dict("t.txt", None, 2023)


def _fact(value: float, approx: str = "", metric: str = "proactive.total") -> Fact:
    return Fact(metric=metric, value=value, unit="条", line=1, quote="q", approx=approx)


def test_an_approximate_fact_never_shadows_an_exact_one() -> None:
    exact, rough, other = _fact(5512), _fact(5500, "余"), _fact(300, "近", "interpretation.count")
    assert without_shadowed_approx([rough, exact, other]) == [exact, other]
    assert without_shadowed_approx([rough, _fact(5000, "约")]) == [rough]  # one approximate per key


def test_checks_never_see_an_approximate_figure() -> None:
    report = Report(
        source="t.txt", report_id="x", facts=[_fact(5500, "余"), _fact(12, metric="review.count")]
    )
    index = Facts(report)
    assert index.all("proactive.total") == [] and len(index.all("review.count")) == 1


@pytest.mark.parametrize(
    ("value", "approx", "printed"),
    [
        (5500, "余", "5,500余"),
        (30000.0, "近", "近30,000"),
        (150, "约", "约150"),
        (1000, "多", "1,000多"),
        (2000, "超", "超2,000"),
        (1234, "", "1,234"),
        (12.5, "", "12.5"),
    ],
)
def test_format_value_prints_the_qualifier_where_reports_do(value: float, approx: str, printed: str) -> None:
    assert format_value(value, approx) == printed
