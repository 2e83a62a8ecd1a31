"""The registered templates (ogi.templates): one Template per format, read by every layer."""

from __future__ import annotations

import re

import pytest

from ogi.checks.completeness import required_kinds
from ogi.facts import Report
from ogi.parse.templates import first_match, strip_numbering
from ogi.templates import Template, detect, get, kind_of, register, registry, required_sections

UNIFIED = ("overview", "proactive", "applications", "review", "problems", "other")
STATUTORY = ("proactive", "applications", "review", "problems")


def test_one_template_per_format_in_detection_order() -> None:
    assert list(registry.TEMPLATES) == ["2021", "2019", "statform", "pre2014", "narrative"]
    assert get("nonsense").code == "narrative" and get(None).code == "narrative"


@pytest.mark.parametrize(
    ("text", "blocks", "year", "code"),
    [
        ("信息内容本年制发件数本年废止件数", set(), 2022, "2021"),
        ("申请人逾期未按收费通知要求缴纳费用", {"sec3"}, None, "2021"),
        ("信息内容本年新制作数量本年新公开数量", set(), 2019, "2019"),
        ("", {"sec3"}, 2021, "2021"),
        ("", {"art20"}, 2020, "2019"),
        ("", {"sec3"}, None, "2019"),
        ("政府信息公开情况统计表", {"form"}, 2016, "statform"),
        ("政府信息公开情况统计表", set(), 2016, "narrative"),  # the signature needs its form table
        ("", {"form"}, 2012, "pre2014"),
        ("", set(), 2015, "narrative"),
    ],
)
def test_detect(text: str, blocks: set[str], year: int | None, code: str) -> None:
    assert detect(text, blocks, year) == code


@pytest.mark.parametrize(
    ("code", "year", "required"),
    [
        ("2021", 2022, UNIFIED),
        ("2019", 2019, UNIFIED),
        ("statform", 2016, STATUTORY),
        ("pre2014", 2010, STATUTORY),
        ("narrative", 2015, STATUTORY),
        ("narrative", 2020, UNIFIED),
        ("statform", None, STATUTORY),
    ],
)
def test_required_sections(code: str, year: int | None, required: tuple[str, ...]) -> None:
    assert required_sections(code, year) == required
    report = Report(source="x", report_id="x", agency=None, region=None, year=year, template=code)
    assert required_kinds(report) == required  # the completeness check reads the same list


def test_modern_templates_blocks_columns_and_identities() -> None:
    for code in ("2021", "2019"):
        t = get(code)
        assert [b.name for b in t.blocks] == ["art20", "sec3", "sec4"]
        sec3 = t.block("sec3")
        assert sec3 is not None
        assert [c.dims.get("applicant") for c in sec3.columns] == [
            "natural_person",
            "business",
            "research",
            "public_interest",
            "legal_service",
            "other_org",
            None,
        ]
        sec4 = t.block("sec4")
        assert sec4 is not None and len(sec4.columns) == 15
        assert {c.metric for c in sec4.columns} == {"review.count", "litigation.count"}
        assert [c.dims for c in sec4.columns[10:]] == [
            {"route": "after_review", "outcome": o} for o in ("upheld", "corrected", "other", "pending")
        ] + [{"route": "after_review"}]
        for rule in ("sec3_balance", "sec3_outcome_total", "sec3_row_total", "sec4_groups"):
            assert t.declares(f"identity.{rule}")
        assert t.required == UNIFIED and t.sections == UNIFIED


def test_form_templates_columns_cover_local_variants() -> None:
    for code in ("statform", "pre2014"):
        t = get(code)
        form = t.block("form")
        assert form is not None and [b.name for b in t.blocks] == ["form"]
        scopes = {
            header: next((c.scope for c in form.columns if re.search(c.pattern, header)), None)
            for header in ("统计数", "2018年度", "本年", "本年累计", "历年累计", "累计", "计量单位")
        }
        assert scopes == {
            "统计数": "year",
            "2018年度": "year",
            "本年": "year",
            "本年累计": "year",
            "历年累计": "cumulative",
            "累计": "cumulative",
            "计量单位": None,
        }
        assert not t.declares("identity.sec3_row_total")  # no applicant columns in these forms
        assert t.required == STATUTORY
    assert get("narrative").blocks == ()


def test_row_specs_are_plain_data() -> None:
    """No magic '@group' / '@label' strings: what a row takes from context is an explicit field."""
    for block in registry.blocks().values():
        for row in block.rows:
            assert not row.metric.startswith("@")
            assert not any(v.startswith("@") for v in row.dims.values())
            assert row.metric or row.metric_from_group or row.pattern.endswith("$") or not row.dims
    review_rows = [r for r in registry.FORM_ROWS if r.metric_from_group]
    assert {r.dims["outcome"] for r in review_rows} == {"upheld", "corrected", "other"}
    assert first_match("form", "接受行政诉讼、举报数").metric == "complaints.count"  # type: ignore[union-attr]
    assert first_match("form", strip_numbering("（二）行政诉讼数量")).metric == "litigation.count"  # type: ignore[union-attr]
    assert first_match("sec3", strip_numbering("（四）无法提供")).opens_group == "unavailable"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("五、存在的主要问题及改进情况", "problems"),
        ("四、政府信息公开行政复议、行政诉讼情况", "review"),
        ("三、收到和处理政府信息公开申请情况", "applications"),
        ("二、主动公开政府信息情况", "proactive"),
        ("六、其他需要报告的事项", "other"),
        ("一、总体情况", "overview"),
        ("七、工作中的一些想法", "section"),
    ],
)
def test_section_kinds(title: str, kind: str) -> None:
    assert kind_of(title) == kind


def test_loose_titles_only_for_checks() -> None:
    assert kind_of("五、工作中的问题") == "section"
    assert kind_of("五、工作中的问题", loose=True) == "problems"


def test_registering_a_new_layout_is_data() -> None:
    t = Template(
        code="test-local", name="a local form", signature=r"某某省政务公开专用表", required=("overview",)
    )
    register(t)
    try:
        assert detect("…某某省政务公开专用表…", set(), 2020) == "test-local"
        assert required_sections("test-local", 2010) == ("overview",)
    finally:
        del registry.TEMPLATES["test-local"]
    assert detect("…某某省政务公开专用表…", set(), 2020) == "narrative"
