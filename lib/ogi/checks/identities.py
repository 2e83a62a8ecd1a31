"""Arithmetic identities of the template tables (2019/2021 forms and the 统计表): breaks are errors.

Identities read table facts only; a blank cell makes an identity unverifiable, so with blanks a
rule only reports a sum that already exceeds its total (blanks cannot make it smaller).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ogi.checks.base import Check, dims_key, fmt, row_label
from ogi.facts import Fact
from ogi.findings import Finding
from ogi.templates import registry
from ogi.vocabulary import dim_label

APPLICANTS = tuple(c.dims["applicant"] for c in registry.SEC3_COLUMNS if "applicant" in c.dims)
OUTCOME_PARTS = ("already_public", "granted", "partial", "denied", "unavailable", "not_processed", "other")
REVIEW_OUTCOMES = tuple(c.dims["outcome"] for c in registry.SEC4_COLUMNS[:5] if "outcome" in c.dims)
SEC3_METRICS = (
    "applications.received",
    "applications.carried_over",
    "applications.outcome",
    "applications.carried_forward",
)
SCOPES = ("year", "cumulative")


def _declared(check: Check, rule: str) -> bool:
    """True when the report's registered format lists the identity `rule` among its identities."""
    return registry.get(check.report.template).declares(rule)


def _eq(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-6)


def _scope(scope: str, lang: str) -> str:
    if scope != "cumulative":
        return ""
    return "【历年累计】" if lang == "zh" else "[cumulative] "


def _col(applicant: str | None, lang: str) -> str:
    if applicant is None:
        return "总计" if lang == "zh" else "total"
    return dim_label("applicant", applicant, lang)


def _plus(facts: Sequence[Fact]) -> str:
    return " + ".join(fmt(f.value) for f in facts)


def sec3_balance(check: Check) -> Iterator[Finding]:
    """Section 三, every column: 一（本年新收） + 二（上年结转） = （七）总计 + 四（结转下年度）."""
    if not _declared(check, "identity.sec3_balance"):
        return
    fx = check.facts
    for col in (None, *APPLICANTS):
        base = {} if col is None else {"applicant": col}
        a = fx.exact("applications.received", base)
        b = fx.exact("applications.carried_over", base)
        t = fx.exact("applications.outcome", {**base, "outcome": "total"})
        f = fx.exact("applications.carried_forward", base)
        if a is None or b is None or t is None or f is None:
            continue
        left, right = a.value + b.value, t.value + f.value
        if _eq(left, right):
            continue
        yield check.finding(
            "error",
            f"第三部分勾稽关系不成立（{_col(col, 'zh')}列）：一 + 二 = {fmt(a.value)} + {fmt(b.value)} = {fmt(left)}，"
            f"（七）总计 + 四 = {fmt(t.value)} + {fmt(f.value)} = {fmt(right)}，相差 {fmt(abs(left - right))}",
            f"Section 三 balance fails ({_col(col, 'en')} column): received + carried over = {fmt(left)}, "
            f"total handled + carried forward = {fmt(right)} (off by {fmt(abs(left - right))})",
            evidence_of=(a, b, t, f),
            expected=left,
            actual=right,
        )


def _col_blanks(check: Check, metric: str, applicant: str | None, skip_outcome: str = "") -> bool:
    return any(
        b.metric == metric
        and b.dims.get("applicant") == applicant
        and (not skip_outcome or b.dims.get("outcome") != skip_outcome)
        for b in check.report.blanks
    )


def sec3_outcome_total(check: Check) -> Iterator[Finding]:
    """（七）总计 (or 答复总数) = （一）…（六）, each group read from its subtotal or the sum of its sub-rows."""
    if not _declared(check, "identity.sec3_outcome_total"):
        return
    fx = check.facts
    metric = "applications.outcome"
    for scope in SCOPES:
        for col in (None, *APPLICANTS):
            base = {} if col is None else {"applicant": col}
            total = fx.exact(metric, {**base, "outcome": "total"}, scope=scope)
            if total is None:
                continue
            parts: list[Fact] = []
            for group in OUTCOME_PARTS:
                sub = fx.exact(metric, {**base, "outcome": group}, scope=scope)
                parts.extend(
                    [sub]
                    if sub is not None
                    else fx.extending(metric, {**base, "outcome": group}, "reason", scope=scope)
                )
            if not parts:
                continue
            s = sum(p.value for p in parts)
            if _eq(s, total.value):
                continue
            if s < total.value and _col_blanks(check, metric, col, skip_outcome="total"):
                continue  # blank rows might hold the rest
            yield check.finding(
                "error",
                f"{_scope(scope, 'zh')}办理结果总计（{_col(col, 'zh')}列）为 {fmt(total.value)}，但各项之和为 {_plus(parts)} = {fmt(s)}",
                f"{_scope(scope, 'en')}Outcome total ({_col(col, 'en')} column) is {fmt(total.value)} but its rows sum to {fmt(s)}",
                evidence_of=(total, *parts),
                expected=s,
                actual=total.value,
            )


def sec3_row_total(check: Check) -> Iterator[Finding]:
    """Section 三, every row: 总计 column = 自然人 + the five 法人或其他组织 columns."""
    if not _declared(check, "identity.sec3_row_total"):
        return
    fx = check.facts
    for metric in SEC3_METRICS:
        rows: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
        for f in fx.all(metric, origin="table"):
            if "applicant" in f.dims:
                rest = {k: v for k, v in f.dims.items() if k != "applicant"}
                rows.setdefault(dims_key(rest), rest)
        for key in sorted(rows):
            rest = rows[key]
            total = fx.exact(metric, rest)
            if total is None:
                continue
            parts = [p for a in APPLICANTS if (p := fx.exact(metric, {**rest, "applicant": a})) is not None]
            s = sum(p.value for p in parts)
            if _eq(s, total.value) or (len(parts) < len(APPLICANTS) and s < total.value):
                continue
            label = row_label(total.quote)
            yield check.finding(
                "error",
                f"“{label}”行：总计 {fmt(total.value)} ≠ 各类申请人之和 {_plus(parts)} = {fmt(s)}",
                f"Row '{label}': total column {fmt(total.value)} != sum of applicant columns {fmt(s)}",
                evidence_of=(total, *parts),
                expected=s,
                actual=total.value,
            )


def sec4_groups(check: Check) -> Iterator[Finding]:
    """Section 四 (and the 统计表): each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    if not _declared(check, "identity.sec4_groups"):
        return
    fx = check.facts
    for metric in ("review.count", "litigation.count"):
        for scope in SCOPES:
            routes = sorted({f.dims.get("route", "") for f in fx.all(metric, scope=scope, origin="table")})
            for route in routes:
                base = {"route": route} if route else {}
                total = fx.exact(metric, base, scope=scope)
                parts = [
                    p
                    for o in REVIEW_OUTCOMES
                    if (p := fx.exact(metric, {**base, "outcome": o}, scope=scope)) is not None
                ]
                if total is None or len(parts) < 2:
                    continue
                s = sum(p.value for p in parts)
                blanks = any(
                    b.metric == metric and b.dims.get("route", "") == route and "outcome" in b.dims
                    for b in check.report.blanks
                )
                if _eq(s, total.value) or (blanks and s < total.value):
                    continue
                group_zh = {
                    "": "行政复议" if metric == "review.count" else "行政诉讼",
                    "direct": "行政诉讼（未经复议直接起诉）",
                    "after_review": "行政诉讼（复议后起诉）",
                }[route]
                group_en = {
                    "": "Review" if metric == "review.count" else "Litigation",
                    "direct": "Direct suits",
                    "after_review": "Suits after review",
                }[route]
                yield check.finding(
                    "error",
                    f"{_scope(scope, 'zh')}{group_zh}总计 {fmt(total.value)} ≠ 各结果之和 {_plus(parts)} = {fmt(s)}",
                    f"{_scope(scope, 'en')}{group_en}: total {fmt(total.value)} != sum of outcomes {fmt(s)}",
                    evidence_of=(total, *parts),
                    expected=s,
                    actual=total.value,
                )


@dataclass(frozen=True, slots=True)
class PartsOf:
    """A total and the rows that make it up (or, with mode 'ge', a 其中 row that cannot exceed it)."""

    zh: str
    en: str
    metric: str
    part_metric: str
    part_key: str  # the dim that tells the parts apart; '' for a single part with the total's dims
    mode: str = "eq"  # eq: total = Σ parts; ge: total ≥ each part


PARTS_OF: tuple[PartsOf, ...] = (
    PartsOf(
        "收到申请数 = 各渠道申请数之和",
        "applications received = sum of channels",
        "applications.received",
        "applications.channel",
        "channel",
    ),
    PartsOf(
        "申请办结数 = 按时办结数 + 延期办结数",
        "applications completed = on time + extended",
        "applications.completed",
        "applications.completed",
        "timing",
    ),
    PartsOf(
        "从事政府信息公开工作人员数 = 专职 + 兼职",
        "staff = full-time + part-time",
        "staff.count",
        "staff.count",
        "kind",
    ),
    PartsOf(
        "新闻发布会总次数 ≥ 其中主要负责同志参加次数",
        "press conferences >= those with the head attending",
        "response.press_conferences",
        "response.press_conferences",
        "attendee",
        "ge",
    ),
    PartsOf(
        "在线访谈次数 ≥ 其中主要负责同志参加次数",
        "online interviews >= those with the head attending",
        "response.interviews",
        "response.interviews",
        "attendee",
        "ge",
    ),
    PartsOf(
        "主动公开政府信息数 ≥ 其中主动公开规范性文件数",
        "proactive total >= normative documents among them",
        "proactive.total",
        "proactive.normative_docs",
        "",
        "ge",
    ),
)


def _parts_check(
    check: Check, spec: PartsOf, base: dict[str, str], scope: str, zh: str, en: str
) -> Iterator[Finding]:
    fx = check.facts
    total = fx.exact(spec.metric, base, scope=scope)
    if total is None:
        return
    if spec.part_key:
        parts = fx.extending(spec.part_metric, base, spec.part_key, scope=scope)
    else:
        one = fx.exact(spec.part_metric, base, scope=scope)
        parts = [one] if one is not None else []
    if not parts:
        return
    zh, en = _scope(scope, "zh") + zh, _scope(scope, "en") + en
    if spec.mode == "ge":
        for p in parts:
            if p.value > total.value + 1e-6:
                yield check.finding(
                    "error",
                    f"{zh}：{fmt(p.value)} 超过 {fmt(total.value)}",
                    f"{en}: {fmt(p.value)} exceeds {fmt(total.value)}",
                    evidence_of=(total, p),
                    expected=total.value,
                    actual=p.value,
                )
        return
    s = sum(p.value for p in parts)
    blanks = check.facts.blanks_under(spec.part_metric, base) if spec.part_key else []
    if _eq(s, total.value) or (blanks and s < total.value):
        return
    yield check.finding(
        "error",
        f"{zh} 不成立：{fmt(total.value)} ≠ {_plus(parts)} = {fmt(s)}",
        f"{en} fails: {fmt(total.value)} != {fmt(s)}",
        evidence_of=(total, *parts),
        expected=s,
        actual=total.value,
    )


def parts_sum(check: Check) -> Iterator[Finding]:
    """Table totals against their 其中 rows (统计表/附表): channels, completion, staff, subtotals of reasons."""
    if not _declared(check, "identity.parts_sum"):
        return
    for scope in SCOPES:
        for spec in PARTS_OF:
            yield from _parts_check(check, spec, {}, scope, spec.zh, spec.en)
        for col in (None, *APPLICANTS):
            base = {} if col is None else {"applicant": col}
            for group in ("denied", "unavailable", "not_processed", "other"):
                label_zh = dim_label("outcome", group)
                label_en = dim_label("outcome", group, "en")
                spec = PartsOf("", "", "applications.outcome", "applications.outcome", "reason")
                yield from _parts_check(
                    check,
                    spec,
                    {**base, "outcome": group},
                    scope,
                    f"“{label_zh}”小计 = 其下各项之和",
                    f"'{label_en}' subtotal = its sub-rows",
                )
