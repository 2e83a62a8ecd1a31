"""Checks an evaluator would make, each result a Finding with the facts (line, quote) it rests on.

Rules are small functions `(Check) -> Iterable[Finding]` listed once in RULES below; adding a
check is adding a function and one line here. `run_checks` runs them all and sorts the findings.
"""

from __future__ import annotations

from ogi.checks import completeness, consistency, identities, parts, timeliness, yoy
from ogi.checks.base import SEVERITY_RANK, Check, Rule
from ogi.facts import Report
from ogi.findings import Finding

RULES: tuple[Rule, ...] = (
    # arithmetic identities of the template tables
    Rule("identity.sec3_balance", "一 + 二 = （七）总计 + 四, per column", identities.sec3_balance),
    Rule(
        "identity.sec3_outcome_total", "（七）总计 = （一）…（六）, per column", identities.sec3_outcome_total
    ),
    Rule(
        "identity.sec3_row_total",
        "总计 column = the six applicant columns, per row",
        identities.sec3_row_total,
    ),
    Rule("identity.sec4_groups", "复议/诉讼 总计 = 维持 + 纠正 + 其他 + 尚未审结", identities.sec4_groups),
    Rule(
        "identity.parts_sum",
        "统计表 totals = their 其中 rows (channels, staff, reasons …)",
        identities.parts_sum,
    ),
    # parts against totals
    Rule("parts.categories", "proactive categories against the proactive total", parts.categories_vs_total),
    Rule("parts.subcategories", "a category against its bracketed sub-items", parts.subcategories),
    Rule("parts.percent", "printed percentages against the counts they describe", parts.percent_vs_counts),
    Rule("parts.labelled_total", "总人次 / 共计 against the items listed beside them", parts.labelled_totals),
    Rule(
        "parts.channel_dedup", "channel counts against a de-duplicated total", parts.channels_vs_dedup_total
    ),
    Rule("parts.electronic", "fully electronic items against the proactive total", parts.electronic_vs_total),
    # prose against tables
    Rule("consistency.same_quantity", "one quantity stated with different values", consistency.same_quantity),
    Rule(
        "consistency.prose_table",
        "a figure in a prose listing against the table cell of the same quantity",
        consistency.prose_vs_table,
    ),
    Rule("consistency.zero_claim", "'没有…' in the text against a positive figure", consistency.zero_claims),
    # completeness
    Rule("complete.sections", "sections the template requires", completeness.sections_present),
    Rule("complete.blank_cells", "template cells left blank", completeness.blank_cells),
    Rule("complete.truncated", "text cut off before the end", completeness.truncated),
    Rule("complete.table_read", "template table cells not read or not placed", completeness.table_read),
    Rule(
        "complete.problems_specific", "section 五 names problems and measures", completeness.problems_specific
    ),
    # timeliness
    Rule("timeliness.deadline", "published by the 第四十九条 deadline", timeliness.on_time),
    # year over year (need the previous report)
    Rule("yoy.carry_over", "上年结转 = last year's 结转下年度", yoy.carry_over),
    Rule("yoy.documents_in_force", "现行有效 = last year's + 制发 − 废止", yoy.documents_in_force),
    Rule("yoy.text_duplication", "share of sentences repeated from last year", yoy.text_duplication),
)

RULE_IDS = tuple(r.id for r in RULES)


def sort_key(f: Finding) -> tuple[str, int, int, str, str, str]:
    """Deterministic order: by source, line, severity, rule, then message and quote."""
    return (f.source, f.line, SEVERITY_RANK.get(f.severity, 9), f.rule, f.message_en, f.quote)


def run_checks(
    report: Report, previous: Report | None = None, rules: tuple[Rule, ...] = RULES
) -> list[Finding]:
    """Every rule's findings on `report` (with `previous`, the same agency's prior report, if known), sorted.

    A rule that crashes on odd input becomes one `check.internal_error` warning naming the rule,
    so one bug never hides the other rules' findings nor stops a batch.
    """
    check = Check(report=report, previous=previous)
    found: list[Finding] = []
    for rule in rules:
        check.rule = rule.id
        try:
            found.extend(rule.func(check))
        except Exception as exc:  # a rule bug must not stop the batch; it is reported as a finding
            found.append(
                Finding(
                    rule="check.internal_error",
                    severity="warning",
                    message_zh=f"检查规则 {rule.id} 出错：{type(exc).__name__}",
                    message_en=f"rule {rule.id} failed: {type(exc).__name__}: {exc}"[:300],
                    source=report.source,
                    line=0,
                    quote="",
                )
            )
    return sorted(found, key=sort_key)


__all__ = ["RULES", "RULE_IDS", "Check", "Rule", "run_checks", "sort_key"]
