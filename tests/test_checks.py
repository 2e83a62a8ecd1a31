"""Each evaluator rule on hand-built reports: it fires on the break it exists for, and stays quiet on
consistent data. Every test goes through run_checks, so removing a rule from RULES fails its test."""

from __future__ import annotations

from ogi.checks import RULE_IDS, RULES, run_checks
from ogi.checks.base import printed_decimals
from ogi.checks.testing import blank, fact, report
from ogi.checks.timeliness import agency_level
from ogi.facts import Fact, Report, Section
from ogi.findings import Finding

APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org")


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


# --- a consistent 2021 report built fact by fact -------------------------------------------------

MATRIX: dict[tuple[str, tuple[tuple[str, str], ...]], list[int]] = {
    ("applications.received", ()): [10, 2, 0, 0, 1, 0],
    ("applications.carried_over", ()): [1, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "granted"),)): [5, 1, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "partial"),)): [1, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "denied"), ("reason", "保护第三方合法权益"))): [1, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "denied"), ("reason", "属于国家秘密"))): [0, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "unavailable"), ("reason", "本机关不掌握相关政府信息"))): [
        2,
        1,
        0,
        0,
        1,
        0,
    ],
    ("applications.outcome", (("outcome", "not_processed"), ("reason", "重复申请"))): [1, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "other"), ("reason", "其他"))): [0, 0, 0, 0, 0, 0],
    ("applications.outcome", (("outcome", "total"),)): [10, 2, 0, 0, 1, 0],
    ("applications.carried_forward", ()): [1, 0, 0, 0, 0, 0],
}


def consistent_facts() -> list[Fact]:
    facts: list[Fact] = []
    line = 100
    for (metric, dims), values in MATRIX.items():
        line += 10
        for i, (applicant, v) in enumerate(zip(APPLICANTS, values, strict=True)):
            facts.append(fact(metric, v, line + i, f"row {line} | {v}", applicant=applicant, **dict(dims)))
        facts.append(fact(metric, sum(values), line + 6, f"row {line} | {sum(values)}", **dict(dims)))
    review = {"upheld": 1, "corrected": 0, "other": 0, "pending": 1}
    for o, v in review.items():
        facts.append(fact("review.count", v, 300, outcome=o))
    facts.append(fact("review.count", 2, 300))
    for route, vals in (("direct", (1, 0, 0, 0)), ("after_review", (0, 0, 0, 0))):
        for o, v in zip(review, vals, strict=True):
            facts.append(fact("litigation.count", v, 301, route=route, outcome=o))
        facts.append(fact("litigation.count", sum(vals), 301, route=route))
    facts += [
        fact("proactive.total", 120, 6, "主动公开政府信息120条", origin="prose"),
        fact("proactive.category", 20, 6, "机构职能类20条", origin="prose", category="机构职能"),
        fact("proactive.category", 40, 6, "规划计划类40条", origin="prose", category="规划计划"),
        fact("proactive.category", 60, 6, "教育业务类60条", origin="prose", category="教育业务"),
        fact(
            "mention.percent", 16.7, 6, "机构职能类20条，占16.7%", origin="prose", of="机构职能", label="占"
        ),
        fact(
            "mention.percent", 33.3, 6, "规划计划类40条，占33.3%", origin="prose", of="规划计划", label="占"
        ),
        fact("mention.percent", 50, 6, "教育业务类60条，占50%", origin="prose", of="教育业务", label="占"),
        fact("applications.received", 13, 8, "新收政府信息公开申请13件", origin="prose"),
        fact("inquiries.count", 30, 9, "接待咨询共计30人次", origin="prose", channel="共计"),
        fact("inquiries.count", 12, 9, "现场咨询12人次", origin="prose", channel="现场咨询"),
        fact("inquiries.count", 18, 9, "电话咨询18人次", origin="prose", channel="电话咨询"),
    ]
    return facts


CONSISTENT_TEXT = "\n".join(
    [
        "某某区教育局2021年政府信息公开工作年度报告",
        "一、总体情况",
        *[""] * 3,
        "（一）主动公开。主动公开政府信息120条，其中机构职能类20条，占16.7%；规划计划类40条，占33.3%；教育业务类60条，占50%。",
        "",
        "（二）依申请公开。新收政府信息公开申请13件。",
        "接待咨询共计30人次，其中现场咨询12人次，电话咨询18人次。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "一是政策解读形式较为单一，图解数量偏少；二是专栏信息更新不够及时。下一步将丰富解读形式，建立专栏季度检查制度，由专人督促更新。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "某某区教育局",
        "2022年1月20日",
    ]
)

SECTIONS = [
    Section(n, t, line, end, k)
    for n, t, line, end, k in (
        (1, "总体情况", 2, 9, "overview"),
        (2, "主动公开政府信息情况", 10, 10, "proactive"),
        (3, "收到和处理政府信息公开申请情况", 11, 11, "applications"),
        (4, "政府信息公开行政复议、行政诉讼情况", 12, 12, "review"),
        (5, "存在的主要问题及改进情况", 13, 14, "problems"),
        (6, "其他需要报告的事项", 15, 18, "other"),
    )
]


def consistent_report(**meta: object) -> Report:
    base: dict[str, object] = {
        "agency": "某某区教育局",
        "year": 2021,
        "template": "2021",
        "published": "2022-01-20",
    }
    base.update(meta)
    return report(consistent_facts(), text=CONSISTENT_TEXT, sections=list(SECTIONS), **base)  # type: ignore[arg-type]


def replace_value(r: Report, metric: str, value: float, **dims: str) -> Report:
    for f in r.facts:
        if f.metric == metric and f.dims == dims:
            f.value = value
            return r
    raise AssertionError(f"no fact {metric} {dims}")


def test_registry_has_unique_ids_and_docs() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))
    assert all(r.summary and r.func.__doc__ for r in RULES)


def test_consistent_2021_report_has_no_findings_at_all() -> None:
    assert run_checks(consistent_report()) == []


def test_findings_are_sorted_and_deterministic() -> None:
    r = replace_value(consistent_report(), "applications.received", 14)
    a, b = run_checks(r), run_checks(replace_value(consistent_report(), "applications.received", 14))
    assert a == b and [f.as_dict() for f in a] == [f.as_dict() for f in b]
    assert [f.line for f in a] == sorted(f.line for f in a)


# --- identities ---------------------------------------------------------------------------------


def test_sec3_balance_per_column() -> None:
    r = replace_value(consistent_report(), "applications.carried_forward", 3, applicant="natural_person")
    found = by_rule(run_checks(r), "identity.sec3_balance")
    assert len(found) == 1 and found[0].severity == "error"
    assert "自然人" in found[0].message_zh and found[0].expected == 11 and found[0].actual == 13
    assert {e.metric for e in found[0].evidence} == {
        "applications.received",
        "applications.carried_over",
        "applications.outcome",
        "applications.carried_forward",
    }
    assert found[0].line > 0 and found[0].quote


def test_sec3_outcome_total_sums_the_sub_rows() -> None:
    r = replace_value(consistent_report(), "applications.outcome", 3, outcome="granted", applicant="business")
    found = by_rule(run_checks(r), "identity.sec3_outcome_total")
    assert [f.severity for f in found] == ["error"]
    assert "商业企业" in found[0].message_zh and found[0].expected == 4 and found[0].actual == 2


def test_sec3_outcome_total_tolerates_blank_rows_below_the_total() -> None:
    r = consistent_report()
    r.facts = [
        f
        for f in r.facts
        if not (f.dims.get("outcome") == "partial" and f.dims.get("applicant") == "natural_person")
    ]
    r.blanks.append(blank("applications.outcome", 140, outcome="partial", applicant="natural_person"))
    assert by_rule(run_checks(r), "identity.sec3_outcome_total") == []


def test_sec3_row_total_equals_the_six_columns() -> None:
    r = replace_value(consistent_report(), "applications.received", 14)
    found = by_rule(run_checks(r), "identity.sec3_row_total")
    assert len(found) == 1 and found[0].expected == 13 and found[0].actual == 14
    assert len(found[0].evidence) == 7


def test_sec4_groups() -> None:
    r = replace_value(consistent_report(), "litigation.count", 2, route="direct")
    found = by_rule(run_checks(r), "identity.sec4_groups")
    assert len(found) == 1 and "未经复议直接起诉" in found[0].message_zh
    r = replace_value(consistent_report(), "review.count", 5)
    assert len(by_rule(run_checks(r), "identity.sec4_groups")) == 1


def test_statform_parts_sums() -> None:
    facts = [
        fact("applications.received", 5, 117, "(一)收到申请数 | 5"),
        fact("applications.channel", 1, 120, channel="in_person"),
        fact("applications.channel", 2, 126, channel="online"),
        fact("staff.count", 7, 227),
        fact("staff.count", 0, 230, kind="full_time"),
        fact("staff.count", 7, 233, kind="part_time"),
        fact("response.press_conferences", 1, 95),
        fact("response.press_conferences", 2, 98, attendee="leader"),
        fact("applications.outcome", 2, 153, outcome="denied"),
        fact("applications.outcome", 1, 156, outcome="denied", reason="涉及国家秘密"),
    ]
    found = by_rule(run_checks(report(facts, template="statform", year=2018)), "identity.parts_sum")
    messages = " ".join(f.message_en for f in found)
    assert "applications received = sum of channels" in messages
    assert "press conferences" in messages and "'Denied' subtotal" in messages
    assert "staff" not in messages  # 7 = 0 + 7 holds
    assert all(f.severity == "error" for f in found)


# --- parts against totals ------------------------------------------------------------------------


def test_categories_short_of_total_is_a_warning_and_over_is_an_error() -> None:
    r = replace_value(consistent_report(), "proactive.total", 150)
    found = by_rule(run_checks(r), "parts.categories")
    assert [(f.severity, f.actual, f.expected) for f in found] == [("warning", 120, 150)]
    r = replace_value(consistent_report(), "proactive.total", 100)
    assert [f.severity for f in by_rule(run_checks(r), "parts.categories")] == ["error"]


def test_categories_ignore_bracketed_sub_items_and_check_them_against_their_parent() -> None:
    facts = [
        fact("proactive.total", 607, 12, origin="prose"),
        fact("proactive.category", 469, 12, "工作信息469条", origin="prose", category="工作"),
        fact("proactive.category", 465, 12, origin="prose", category="政务动态", parent="工作"),
        fact("proactive.category", 1, 12, origin="prose", category="计划总结", parent="工作"),
        fact("proactive.category", 138, 12, origin="prose", category="民生事项"),
    ]
    found = run_checks(report(facts, year=2016))
    assert by_rule(found, "parts.categories") == []  # 469 + 138 = 607
    sub = by_rule(found, "parts.subcategories")
    assert len(sub) == 1 and sub[0].severity == "warning" and sub[0].actual == 466


def test_percent_rounding_levels() -> None:
    def run(printed: float, quote: str) -> list[Finding]:
        facts = [
            fact("proactive.total", 181, 86, origin="prose"),
            fact("proactive.category", 15, 90, origin="prose", category="重大建设项目"),
            fact("mention.percent", printed, 90, quote, origin="prose", of="重大建设项目"),
        ]
        return by_rule(run_checks(report(facts)), "parts.percent")

    assert run(8.3, "占8.3%") == []
    assert run(8.29, "占8.29%") == []
    # 15/181 = 8.287%: cut to one decimal it is 8.2 (a rounding difference), 8.1 is a misprint
    info = run(8.2, "重大建设项目类信息15条，占8.2%")
    assert [f.severity for f in info] == ["info"] and "truncated" in info[0].message_en
    misprint = run(8.1, "重大建设项目类信息15条，占8.1%")
    assert [f.severity for f in misprint] == ["warning"]
    assert "15/181 = 8.2873%" in misprint[0].message_en and "printed 8.1%" in misprint[0].message_en
    assert "misprint" in misprint[0].message_en
    assert [f.severity for f in run(7.8, "占7.8%")] == ["warning"]
    assert [f.severity for f in run(12.0, "占12%")] == ["error"]


def test_percent_uses_the_count_noted_by_the_parser() -> None:
    facts = [
        fact("proactive.total", 99, 12, origin="prose"),
        fact("mention.percent", 2.2, 12, "规划计划类2条，占2.2%", origin="prose", of="规划计划", count="2"),
    ]
    found = by_rule(run_checks(report(facts)), "parts.percent")
    assert [f.severity for f in found] == ["warning"] and "2/99 = 2.0202%" in found[0].message_en


def test_labelled_total_against_listed_items() -> None:
    r = replace_value(consistent_report(), "inquiries.count", 31, channel="共计")
    found = by_rule(run_checks(r), "parts.labelled_total")
    assert len(found) == 1 and found[0].severity == "warning" and found[0].actual == 30
    r = replace_value(consistent_report(), "inquiries.count", 29, channel="共计")
    assert [f.severity for f in by_rule(run_checks(r), "parts.labelled_total")] == ["error"]


def test_channel_above_deduplicated_total() -> None:
    facts = [
        fact("proactive.total", 7, 56, "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条) | 7"),
        fact("proactive.channel", 33, 74, "2.政府网站公开政府信息数 | 33", channel="website"),
        fact("proactive.channel", 0, 71, channel="gazette"),
    ]
    found = by_rule(run_checks(report(facts, template="statform", year=2018)), "parts.channel_dedup")
    assert len(found) == 1 and found[0].line == 74 and found[0].actual == 33 and found[0].expected == 7
    # a total not said to be de-duplicated may be exceeded (the same item on several channels)
    plain = [
        fact("proactive.total", 99, 12, "主动公开政府信息99条", origin="prose"),
        fact("proactive.channel", 1558, 13, "微信发布各类信息1558条", origin="prose", channel="wechat"),
    ]
    assert by_rule(run_checks(report(plain, template="2019")), "parts.channel_dedup") == []


def test_electronic_above_total() -> None:
    facts = [
        fact("proactive.total", 100, 3, origin="prose"),
        fact("proactive.electronic", 120, 3, origin="prose"),
    ]
    assert len(by_rule(run_checks(report(facts)), "parts.electronic")) == 1


# --- prose against tables --------------------------------------------------------------------------


def test_same_quantity_stated_twice() -> None:
    facts = [
        fact("proactive.electronic", 119, 16, "全文电子化的主动公开信息119条", origin="prose"),
        fact("proactive.electronic", 85, 16, "全文电子化的主动公开信息数条85条", origin="prose"),
    ]
    found = by_rule(run_checks(report(facts)), "consistency.same_quantity")
    assert len(found) == 1 and found[0].severity == "error"
    assert {e.value for e in found[0].evidence} == {119, 85}


def test_same_quantity_ignores_listings_and_channel_subcounts_but_softens_running_totals() -> None:
    facts = [
        fact("staff.count", 5, 82, "配备5名工作人员（其中4名在编干部）", origin="prose"),
        fact("staff.count", 4, 82, "配备5名工作人员（其中4名在编干部）", origin="prose"),
        fact("proactive.channel", 16, 20, "门户网站发布招投标信息16条", origin="prose", channel="website"),
        fact("proactive.channel", 119, 57, "政府网站公开数 | 119", channel="website"),
        fact("proactive.total", 181, 14, "主动公开政府信息181条", origin="prose"),
        fact("proactive.total", 1051, 86, "2003年度以来主动公开类政府信息总量1051条", origin="prose"),
    ]
    found = by_rule(run_checks(report(facts)), "consistency.same_quantity")
    assert [(f.severity, f.evidence[0].metric) for f in found] == [("warning", "proactive.total")]


def test_zero_claim_against_a_table_figure() -> None:
    text = "\n".join(
        [
            "四、政府信息依申请公开办理情况",
            "2018年我街道没有受理依申请公开诉求。",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "2018年我街道没有因政府信息公开申请行政复议、提起行政诉讼的情况。",
        ]
    )
    facts = [
        fact("applications.received", 1, 67, "受理政府信息公开申请总数 | 1"),
        fact("review.count", 0, 127),
    ]
    found = by_rule(run_checks(report(facts, text=text)), "consistency.zero_claim")
    assert len(found) == 1 and found[0].line == 2 and "没有受理依申请公开" in found[0].quote
    assert found[0].evidence[0].line == 67 and found[0].severity == "error"
    # the same claim with a zero in the table is consistent; without the text the rule is silent
    assert (
        by_rule(
            run_checks(report([fact("applications.received", 0, 67)], text=text)), "consistency.zero_claim"
        )
        == []
    )
    assert by_rule(run_checks(report(facts)), "consistency.zero_claim") == []


# --- completeness ---------------------------------------------------------------------------------


def test_missing_sections_follow_the_template() -> None:
    r = consistent_report()
    r.sections = [s for s in r.sections if s.kind not in ("review", "other")]
    found = by_rule(run_checks(r), "complete.sections")
    assert sorted(f.message_en for f in found) == [
        "Section 'administrative review and litigation' is missing (required by the 2021 format)",
        "Section 'other matters' is missing (required by the 2021 format)",
    ]
    assert all(f.severity == "warning" for f in found)
    # before 2019 the statutory four suffice: no overview, no 其他
    old = report(
        [],
        text="x",
        year=2017,
        template="pre2014",
        sections=[
            Section(1, "主动公开政府信息情况", 1, 1),
            Section(2, "依申请公开政府信息办理情况", 1, 1),
            Section(3, "因政府信息公开申请行政复议、提起行政诉讼的情况", 1, 1),
            Section(4, "政府信息公开工作存在的主要问题及改进情况", 1, 1),
        ],
    )
    assert by_rule(run_checks(old), "complete.sections") == []


def test_blank_cells_are_one_warning_with_every_cell_as_evidence() -> None:
    blanks = [blank("applications.received", 143, "受理政府信息公开申请总数 | "), blank("review.count", 193)]
    found = by_rule(run_checks(report([], blanks=blanks)), "complete.blank_cells")
    assert len(found) == 1 and found[0].severity == "warning" and found[0].line == 143
    assert [e.line for e in found[0].evidence] == [143, 193] and found[0].evidence[0].value is None


def test_truncated_by_the_parser_is_an_error_and_an_early_stop_a_warning() -> None:
    r = consistent_report(truncated=True)
    found = by_rule(run_checks(r), "complete.truncated")
    assert [f.severity for f in found] == ["error"] and found[0].line == 18
    text = "\n".join(
        [
            "一、以政务公开助力改革",
            "一是坚持政府工作公开透明。",
            "二、提升电子政务服务工作实效",
            "截止2019年10月31日，街道事项62项，均在福建省网上办事大厅部署。",
        ]
    )
    early = report(
        [],
        text=text,
        year=2019,
        sections=[Section(1, "以政务公开助力改革", 1, 2), Section(2, "提升电子政务服务工作实效", 3, 4)],
    )
    found = by_rule(run_checks(early), "complete.truncated")
    assert [f.severity for f in found] == ["warning"] and found[0].line == 4
    signed = report([], text=text + "\n某某街道办事处\n2020年1月10日", year=2019, sections=early.sections)
    assert by_rule(run_checks(signed), "complete.truncated") == []


def test_problems_section_must_be_specific() -> None:
    def with_body(body: str) -> list[Finding]:
        r = consistent_report()
        assert r.doc is not None
        r.doc.lines[13] = r.doc.norm[13] = body
        return by_rule(run_checks(r), "complete.problems_specific")

    assert with_body("无。")[0].severity == "warning"
    assert (
        "measures"
        in with_body("一是公开意识不强，二是信息更新滞后，三是解读形式单一，四是专栏栏目设置有待优化。")[
            0
        ].message_en
    )
    assert with_body("存在不足，将改进。")[0].severity == "info"
    assert with_body(CONSISTENT_TEXT.split("\n")[13]) == []


# --- timeliness ---------------------------------------------------------------------------------


def test_deadlines_by_level_and_era() -> None:
    def late(agency: str, year: int, published: str) -> list[Finding]:
        return by_rule(
            run_checks(report([], agency=agency, year=year, published=published)), "timeliness.deadline"
        )

    assert late("某某区教育局", 2021, "2022-01-31") == []
    dept = late("某某区教育局", 2021, "2022-02-01")
    assert len(dept) == 1 and "2022-01-31" in dept[0].message_en and dept[0].severity == "warning"
    assert late("某某区人民政府", 2021, "2022-03-31") == []
    assert len(late("某某区人民政府", 2021, "2022-04-01")) == 1
    assert late("梅岭街道办事处", 2021, "2022-03-01") == []  # townships: 31 March
    assert late("某某区教育局", 2018, "2019-03-20") == []  # 2008 regulation: 31 March for all
    assert by_rule(run_checks(report([], agency="某某局", year=2021)), "timeliness.deadline") == []


def test_agency_levels() -> None:
    assert agency_level("晋江市人民政府梅岭街道办事处") == "township"
    assert agency_level("大五里镇") == "township"
    assert agency_level("镇江市人民政府") == "government"
    assert agency_level("镇江市交通运输局") == "department"
    assert agency_level("某某区人民政府办公室") == "department"
    assert agency_level(None) == "unknown"


# --- year over year -----------------------------------------------------------------------------


def test_carry_over_against_last_year() -> None:
    prev = consistent_report(year=2020, source="prev.txt")
    replace_value(prev, "applications.carried_forward", 4)
    found = by_rule(run_checks(consistent_report(), previous=prev), "yoy.carry_over")
    assert (
        len(found) == 1 and found[0].severity == "warning" and found[0].expected == 4 and found[0].actual == 1
    )
    assert "prev.txt" in found[0].message_en
    assert (
        by_rule(run_checks(consistent_report(), previous=consistent_report(year=2019)), "yoy.carry_over")
        == []
    )


def test_documents_in_force_against_last_year() -> None:
    now = report(
        [
            fact("documents.in_force", 15, 24, item="行政规范性文件"),
            fact("documents.issued", 2, 24, item="行政规范性文件"),
            fact("documents.repealed", 1, 24, item="行政规范性文件"),
        ],
        year=2022,
    )
    prev = report([fact("documents.in_force", 10, 24, item="行政规范性文件")], year=2021)
    found = by_rule(run_checks(now, previous=prev), "yoy.documents_in_force")
    assert [(f.severity, f.expected) for f in found] == [("info", 11)]


def test_text_duplication_share() -> None:
    body = [f"第{i}项工作要求全面落实政府信息公开制度，确保公开内容及时准确完整。" for i in range(1, 11)]
    fresh = [f"今年新开展的第{i}项专项行动聚焦社区养老服务设施建设，共走访老人家庭。" for i in range(1, 11)]
    prev = report([], text="\n".join(body), year=2020, source="prev.txt")
    copied = by_rule(
        run_checks(report([], text="\n".join(body[:8] + fresh[:2]), year=2021), previous=prev),
        "yoy.text_duplication",
    )
    assert [(f.severity, f.actual) for f in copied] == [("warning", 0.8)]
    assert copied[0].evidence and copied[0].evidence[0].line == 1
    mixed = by_rule(
        run_checks(report([], text="\n".join(body[:4] + fresh[:6]), year=2021), previous=prev),
        "yoy.text_duplication",
    )
    assert [f.severity for f in mixed] == ["info"]
    assert (
        by_rule(
            run_checks(report([], text="\n".join(fresh), year=2021), previous=prev), "yoy.text_duplication"
        )
        == []
    )


# --- robustness ---------------------------------------------------------------------------------


def test_a_crashing_rule_becomes_a_finding_not_a_traceback() -> None:
    from ogi.checks.base import Rule

    def broken(check: object) -> list[Finding]:
        raise ValueError("boom")

    found = run_checks(consistent_report(), rules=(Rule("x.broken", "always fails", broken), *RULES))
    assert [f.rule for f in found] == ["check.internal_error"] and "x.broken" in found[0].message_en


def test_empty_report_without_text_is_quiet() -> None:
    assert run_checks(Report(source="x.txt", report_id="x")) == []


def test_printed_decimals() -> None:
    assert printed_decimals(8.1, "占8.1%") == 1
    assert printed_decimals(12.0, "占12.0%") == 1
    assert printed_decimals(12.0, "占12%") == 0
    assert printed_decimals(61.62, "") == 2
    assert printed_decimals(6, "") == 0


def test_prose_listing_figure_against_the_table_cell() -> None:
    """答复 3050 件（含上年度结转申请 34 件）: one listing, two figures read as carried over; the table says 34."""
    quote = "答复 3050 件（含上年度结转申请 34 件"
    facts = [
        fact("applications.carried_over", 3050, 13, quote, origin="prose"),
        fact("applications.carried_over", 34, 13, quote, origin="prose"),
        fact("applications.carried_over", 34, 43, "二、上年结转政府信息公开申请数量 | 34"),
    ]
    found = by_rule(run_checks(report(facts)), "consistency.prose_table")
    assert [(f.severity, f.line, f.actual, f.expected) for f in found] == [("warning", 13, 3050, 34)]
    # a listing whose figures the table confirms, or with no table at all, is left alone
    agree = [facts[1], facts[2]]
    assert not by_rule(run_checks(report(agree)), "consistency.prose_table")
    assert not by_rule(run_checks(report(facts[:2])), "consistency.prose_table")
