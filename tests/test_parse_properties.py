"""Property tests: arbitrary text and bytes raise nothing but OgiError; re-encoding keeps the facts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.errors import OgiError
from ogi.parse import parse_document
from ogi.readers import read_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("OGI_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_REPORTISH = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789０１２３一二三四五六七八九十年月日条件次人元万%|\t\n 、，。（）()：:-/"
            "主动公开政府信息网站微信微博申请行政复议诉讼投诉举报咨询接待总计其中类第二十条项附表指标名称单位历年累计"
        )
    ),
    max_size=400,
)


def _parse(data: bytes, name: str = "x.txt"):
    try:
        return parse_document(read_bytes(data, name))
    except OgiError:
        return None


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_typed_errors(data: bytes) -> None:
    _parse(data)


@FUZZ
@given(st.text(max_size=600))
def test_arbitrary_text_raises_only_typed_errors(text: str) -> None:
    _parse(text.encode("utf-8", "replace"))  # a lone surrogate (valid in str, not in UTF-8) becomes "?"


@FUZZ
@given(_REPORTISH)
def test_report_like_text_parses_and_facts_are_well_formed(text: str) -> None:
    report = _parse(text.encode("utf-8"))
    if report is None:
        return
    n = len(report.doc.lines)
    for f in report.facts:
        assert 1 <= f.line <= n
        assert isinstance(f.value, (int, float))
        assert f.scope in ("year", "cumulative") and f.origin in ("table", "prose")
        assert "." in f.metric


def _key(report) -> list[tuple]:
    return sorted((f.metric, tuple(sorted(f.dims.items())), f.value, f.scope, f.line) for f in report.facts)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_reencoded_seeds_give_the_same_facts(encoding: str) -> None:
    for path in sorted((ROOT / "data" / "raw").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        base = parse_document(read_bytes(text.encode("utf-8"), path.name))
        other = parse_document(read_bytes(text.encode(encoding), path.name))
        assert _key(other) == _key(base), f"{path.name} as {encoding}"
        assert other.agency == base.agency and other.year == base.year


@FUZZ
@given(st.integers(min_value=0, max_value=10**12))
def test_prose_count_round_trips_any_integer(n: int) -> None:
    text = f"2020年某街道政府信息公开工作年度报告\n全年主动公开政府信息{n:,}条。\n"
    report = _parse(text.encode("utf-8"))
    assert report is not None
    assert [f.value for f in report.facts if f.metric == "proactive.total"] == [n]
