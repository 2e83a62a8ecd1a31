"""Parts against totals: categories and channels against the proactive total, printed percentages
against the counts they describe, labelled totals (总人次, 共计) against the items listed beside them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ogi.checks.base import Check, fmt, printed_decimals, same_paragraph
from ogi.facts import Fact
from ogi.findings import Finding
from ogi.text import parse_number
from ogi.vocabulary import dim_label, metric_label

# a percentage within half a unit of its printed precision is right; one cut (not rounded) to that
# precision is a rounding difference; anything else is a misprint, an error beyond this many points
PERCENT_ERROR = 1.0  # percentage points: beyond this a printed share is an error, below it a warning
DEDUP_MARK = re.compile(r"相同信息计\s*1\s*条|不重复|去重")
RATE_LABEL = re.compile(r"率")  # 办结率, 答复率: a ratio to a base of its own, not a share of a total
TOTAL_LABEL = re.compile(r"总|合计|共计|小计|累计|^共$")
LABELLED = {"inquiries.count": "channel", "complaints.count": "source"}


def proactive_total(check: Check, near: int) -> Fact | None:
    """The annual proactive total that describes things stated near line `near`.

    The value the report states most often wins (robust to a stray figure read as a total); among
    its statements, prefer one in the same paragraph, then the nearest.
    """
    totals = [f for f in check.facts.all("proactive.total") if not f.dims]
    if not totals:
        return None
    counts: dict[float, int] = {}
    for f in totals:
        counts[float(f.value)] = counts.get(float(f.value), 0) + 1
    return min(
        totals,
        key=lambda f: (
            -counts[float(f.value)],
            not same_paragraph(check, f.line, near),
            abs(f.line - near),
            f.line,
        ),
    )


def _largest_group(check: Check, facts: list[Fact]) -> list[Fact]:
    """Facts of the paragraph holding most of them (first by line on ties), one per label."""
    groups: list[list[Fact]] = []
    for f in facts:
        for g in groups:
            if same_paragraph(check, g[0].line, f.line):
                g.append(f)
                break
        else:
            groups.append([f])
    if not groups:
        return []
    best = max(groups, key=lambda g: (len(g), -g[0].line))
    seen: dict[str, Fact] = {}
    for f in best:
        seen.setdefault(f.dims.get("category", ""), f)
    return list(seen.values())


def categories_vs_total(check: Check) -> Iterator[Finding]:
    """The categories listed for proactive disclosure against the proactive total they break down."""
    cats = _largest_group(check, [f for f in check.facts.all("proactive.category") if "parent" not in f.dims])
    if len(cats) < 2:
        return
    total = proactive_total(check, cats[0].line)
    if total is None:
        return
    s = sum(c.value for c in cats)
    if abs(s - total.value) < 1e-6:
        return
    over = s > total.value
    yield check.finding(
        "error" if over else "warning",
        f"主动公开各类别之和为 {fmt(s)}，与主动公开总数 {fmt(total.value)} 不符（{'多' if over else '少'} "
        f"{fmt(abs(s - total.value))}）",
        f"Proactive categories sum to {fmt(s)}, not the stated total {fmt(total.value)} "
        f"({'over' if over else 'short'} by {fmt(abs(s - total.value))})",
        evidence_of=(total, *cats),
        expected=total.value,
        actual=s,
    )


def subcategories(check: Check) -> Iterator[Finding]:
    """A category broken down in brackets (工作信息469条（政务动态465条、…）) against its sub-items."""
    facts = check.facts.all("proactive.category")
    for parent in facts:
        name = parent.dims.get("category", "")
        if not name or "parent" in parent.dims:
            continue
        kids: dict[str, Fact] = {}
        for f in facts:
            if f.dims.get("parent") == name and same_paragraph(check, f.line, parent.line):
                kids.setdefault(f.dims.get("category", ""), f)
        items = list(kids.values())
        s = sum(k.value for k in items)
        if len(items) < 2 or abs(s - parent.value) < 1e-6:
            continue
        over = s > parent.value
        yield check.finding(
            "error" if over else "warning",
            f"“{name}”类 {fmt(parent.value)} 条，其下分项之和为 {fmt(s)}",
            f"Category '{name}' has {fmt(parent.value)} items but its sub-items sum to {fmt(s)}",
            evidence_of=(parent, *items),
            expected=parent.value,
            actual=s,
        )


def _part_for(check: Check, pct: Fact) -> Fact | None:
    of = pct.dims.get("of", "")
    if not of:
        return None
    candidates = [
        f
        for f in check.report.facts
        if not f.metric.startswith("mention.")
        and f.scope == "year"
        and of in f.dims.values()
        and not f.approx
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda f: (f.metric != "proactive.category", abs(f.line - pct.line), f.line))


def _whole_for(check: Check, part: Fact) -> Fact | None:
    if part.metric == "proactive.category":
        return proactive_total(check, part.line)
    wholes = [f for f in check.facts.all(part.metric, origin=None) if not f.dims]
    return min(wholes, key=lambda f: (abs(f.line - part.line), f.line)) if wholes else None


def percent_verdict(printed: float, exact: float, places: int) -> str | None:
    """None when `printed` is `exact` rounded to `places` decimals (within half a unit of the printed
    precision); 'truncated' when it is `exact` cut to that precision; 'misprint' otherwise.

    1/99 = 1.0101…% printed 1.1% is a misprint (1.0 rounded, 1.0 cut); 98/99 printed 98.9% is cut."""
    unit = 10.0**-places
    if abs(printed - exact) <= unit / 2 + 1e-9:
        return None
    cut = math.trunc(exact / unit + 1e-9) * unit
    return "truncated" if abs(printed - cut) <= 1e-9 * max(1.0, abs(exact)) else "misprint"


def percent_vs_counts(check: Check) -> Iterator[Finding]:
    """A printed percentage against 100 · part / total, with a tolerance for the printed precision.

    The part is the fact the percentage describes (`dims.of`), or the count the parser noted beside
    it (`dims.count`); the total is the proactive total for categories.
    """
    for pct in check.facts.all("mention.percent", scope=None):
        part = _part_for(check, pct)
        count = parse_number(pct.dims.get("count", ""))
        if part is not None:
            part_value: float | int = part.value
            whole = _whole_for(check, part)
        elif count is not None and pct.dims.get("of") and not RATE_LABEL.search(pct.dims.get("label", "")):
            # a share of the items disclosed (占…%); a rate (办结率, 答复率) has a base of its own
            part_value, whole = count, proactive_total(check, pct.line)
        else:
            continue
        if whole is None or not whole.value:
            continue
        exact = 100.0 * part_value / whole.value
        places = printed_decimals(pct.value, pct.quote)
        verdict = percent_verdict(float(pct.value), exact, places)
        if verdict is None:
            continue
        diff = abs(float(pct.value) - exact)
        severity = "info" if verdict == "truncated" else "warning" if diff < PERCENT_ERROR else "error"
        shown = f"{exact:.{places + 3}f}"
        label = pct.dims.get("of", "")
        kind_zh, kind_en = (
            ("（截断而非四舍五入）", " (truncated, not rounded)")
            if verdict == "truncated"
            else (
                "（印错：超出印出精度的半个单位）",
                " (a misprint: beyond half a unit of the printed precision)",
            )
        )
        yield check.finding(
            severity,
            f"“{label}” {fmt(part_value)}/{fmt(whole.value)} = {shown}%，报告印为 {fmt(pct.value)}%"
            f"（相差 {diff:.2f} 个百分点）{kind_zh}",
            f"'{label}' {fmt(part_value)}/{fmt(whole.value)} = {shown}%, printed {fmt(pct.value)}% "
            f"(off by {diff:.2f} points){kind_en}",
            evidence_of=(pct, *([part] if part is not None else []), whole),
            expected=round(exact, 4),
            actual=pct.value,
        )


def labelled_totals(check: Check) -> Iterator[Finding]:
    """Inquiry and complaint counts whose label says total (总人次, 共计) against the items beside them."""
    for metric, key in LABELLED.items():
        facts = check.facts.all(metric, origin=None)
        for total in facts:
            if not TOTAL_LABEL.search(total.dims.get(key, "")):
                continue
            parts: dict[str, Fact] = {}
            for f in facts:
                label = f.dims.get(key, "")
                if f is total or TOTAL_LABEL.search(label) or not same_paragraph(check, f.line, total.line):
                    continue
                parts.setdefault(label, f)
            items = list(parts.values())
            s = sum(p.value for p in items)
            if not items or abs(s - total.value) < 1e-6 or (len(items) < 2 and s < total.value):
                continue
            over = s > total.value
            what_zh, what_en = metric_label(metric), metric_label(metric, "en")
            yield check.finding(
                "error" if over else "warning",
                f"{what_zh}：分项 {' + '.join(fmt(p.value) for p in items)} = {fmt(s)}，与所述合计 "
                f"{fmt(total.value)} 不符",
                f"{what_en}: items sum to {fmt(s)}, not the stated total {fmt(total.value)}",
                evidence_of=(total, *items),
                expected=total.value,
                actual=s,
            )


def _is_dedup(check: Check, total: Fact) -> bool:
    if check.report.template == "statform" and total.origin == "table":
        return True
    if DEDUP_MARK.search(total.quote):
        return True
    doc = check.report.doc
    return (
        doc is not None
        and 1 <= total.line <= len(doc.norm)
        and bool(DEDUP_MARK.search(doc.norm[total.line - 1]))
    )


def channels_vs_dedup_total(check: Check) -> Iterator[Finding]:
    """A channel count above a total that counts each item once (不同渠道公开相同信息计1条)."""
    for total in check.facts.all("proactive.total"):
        if total.dims or not _is_dedup(check, total):
            continue
        for ch in check.facts.all("proactive.channel"):
            same_place = (
                ch.origin == "table"
                if total.origin == "table"
                else same_paragraph(check, ch.line, total.line)
            )
            if not same_place or ch.value <= total.value:
                continue
            name_zh = dim_label("channel", ch.dims.get("channel", ""))
            name_en = dim_label("channel", ch.dims.get("channel", ""), "en")
            yield check.finding(
                "error",
                f"{name_zh}公开 {fmt(ch.value)} 条，超过去重后的主动公开总数 {fmt(total.value)} 条",
                f"{name_en}: {fmt(ch.value)} items exceed the de-duplicated proactive total of {fmt(total.value)}",
                evidence_of=(ch, total),
                expected=total.value,
                actual=ch.value,
            )


def electronic_vs_total(check: Check) -> Iterator[Finding]:
    """Items available in full electronic form cannot outnumber the items disclosed."""
    for el in check.facts.all("proactive.electronic", origin=None):
        total = proactive_total(check, el.line)
        if total is None or el.value <= total.value:
            continue
        yield check.finding(
            "error",
            f"全文电子化的主动公开信息数 {fmt(el.value)} 超过主动公开总数 {fmt(total.value)}",
            f"Fully electronic items ({fmt(el.value)}) exceed the proactive total ({fmt(total.value)})",
            evidence_of=(el, total),
            expected=total.value,
            actual=el.value,
        )
