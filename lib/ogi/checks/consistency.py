"""Prose against tables: one quantity stated twice with different values, and "没有…" claims that a
table contradicts (the parser turns no number out of "没有受理依申请公开", so this rule reads the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from ogi.checks.base import Check, clauses, dims_key, fmt, iter_lines, same_paragraph
from ogi.facts import Fact
from ogi.findings import Finding
from ogi.vocabulary import dim_label, metric_label

# prose figures of these metrics are mostly sub-counts ("在网站发布招投标信息16条"), not restatements
SUBCOUNT_PRONE = frozenset({"proactive.channel", "applications.channel"})
CUMULATIVE_HINT = re.compile(r"截至|截止|历年|以来|累计")
_NEG = r"(?<!尚)(?:没有|未|无|没)"
_VERB = r"(?:受理|收到|接到|接收|发生|产生|出现|有)"
# (claim id, pattern, metrics a positive figure of which contradicts the claim, zh/en subject)
ZERO_CLAIMS: tuple[tuple[str, re.Pattern[str], tuple[str, ...], str, str], ...] = (
    (
        "applications",
        re.compile(
            rf"(?:{_NEG}{_VERB}|(?<!尚)无(?!法|正当))[^。；，]{{0,15}}?(?:依申请公开|政府信息公开申请|公开申请)"
        ),
        ("applications.received",),
        "依申请公开",
        "applications",
    ),
    (
        "review",
        re.compile(rf"{_NEG}[^。；]{{0,25}}?行政复议"),
        ("review.count",),
        "行政复议",
        "administrative reviews",
    ),
    ("litigation", re.compile(rf"{_NEG}[^。；]{{0,30}}?诉讼"), ("litigation.count",), "行政诉讼", "lawsuits"),
)
EXCLUDE_CLAIM = {
    "applications": re.compile(r"复议|诉讼|上年|去年|上一年"),
    "review": re.compile(r"上年|去年|上一年|未经复议"),
    "litigation": re.compile(r"上年|去年|上一年"),
}


def _label(f: Fact, lang: str) -> str:
    extra = "、".join(dim_label(k, v, lang) for k, v in sorted(f.dims.items()))
    base = metric_label(f.metric, lang)
    return f"{base}（{extra}）" if extra and lang == "zh" else f"{base} ({extra})" if extra else base


def _unambiguous(facts: list[Fact]) -> list[Fact]:
    """Drop facts that share one quote but differ in value: a listing the parser labelled alike."""
    values: dict[tuple[int, str], set[float]] = {}
    for f in facts:
        values.setdefault((f.line, f.quote), set()).add(float(f.value))
    return [f for f in facts if len(values[(f.line, f.quote)]) == 1]


def _by_quantity(check: Check) -> dict[tuple[str, tuple[tuple[str, str], ...], str], list[Fact]]:
    """The report's figures grouped by quantity (metric, dims, scope), in line order; mentions and prose
    figures of sub-count-prone metrics left out."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...], str], list[Fact]] = {}
    for f in sorted(check.report.facts, key=lambda x: (x.line, x.metric, x.quote)):
        if (
            f.metric.startswith("mention.")
            or (f.origin == "prose" and f.metric in SUBCOUNT_PRONE)
            or f.approx
        ):
            continue  # approximate figures (5500余条) are never compared as exact
        groups.setdefault((f.metric, dims_key(f.dims), f.scope), []).append(f)
    return groups


# prose figures of these metrics restate a part of the dims-free total of the key metric
PART_METRICS: dict[str, tuple[str, ...]] = {
    "proactive.total": ("proactive.channel", "proactive.category"),
    "applications.received": ("applications.channel",),
}
_MAX_SUBSET = 12  # distinct candidate parts searched for a sum (2^12 subsets at most)


def part_values(check: Check, metric: str, dims: dict[str, str], scope: str) -> set[float]:
    """Positive values the report states for parts of a quantity: the same metric with more dims (a
    channel, a kind, a `dims.of` or `dims.parent` part) or a part metric of it (a channel of the total)."""
    out: set[float] = set()
    for m in (metric, *PART_METRICS.get(metric, ())):
        for f in check.facts.all(m, scope=scope, origin=None):
            if len(f.dims) > len(dims) and all(f.dims.get(k) == v for k, v in dims.items()) and f.value > 0:
                out.add(float(f.value))
    return out


def _summing_subset(values: list[float], whole: float) -> set[float]:
    """Distinct values, two or more, that add up to `whole` (the first such subset, smallest first)."""
    vals = sorted(values)[:_MAX_SUBSET]
    for size in range(2, len(vals) + 1):
        for combo in combinations(vals, size):
            if abs(sum(combo) - whole) < 1e-6:
                return set(combo)
    return set()


def parts_explained(
    check: Check, key: tuple[str, tuple[tuple[str, str], ...], str], facts: list[Fact]
) -> set[int]:
    """ids of prose facts in a quantity's group that are parts read as the whole, never a second value
    of it: a value below the largest that the report states for a part of the quantity (the website's
    165 of the total 304), or values in the whole's paragraph that add up to it (1,592 + 477 = 2,069).
    Zeros are never parts (an explicit "没有…" is a claim of its own); table cells are never parts."""
    metric, dims_items, scope = key
    values = {float(f.value) for f in facts}
    if len(values) < 2:
        return set()
    whole = max(values)
    parts = part_values(check, metric, dict(dims_items), scope)
    wholes = [f for f in facts if float(f.value) == whole]

    def candidate(f: Fact) -> bool:
        return f.origin == "prose" and 0 < float(f.value) < whole

    out = {id(f) for f in facts if candidate(f) and float(f.value) in parts}
    near = [
        f
        for f in facts
        if candidate(f) and id(f) not in out and any(same_paragraph(check, f.line, w.line) for w in wholes)
    ]
    summed = _summing_subset(sorted({float(f.value) for f in near}), whole)
    out.update(id(f) for f in near if float(f.value) in summed)
    return out


def without_parts(
    check: Check, key: tuple[str, tuple[tuple[str, str], ...], str], facts: list[Fact]
) -> list[Fact]:
    """The group's facts less the parts read as the whole (`parts_explained`)."""
    drop = parts_explained(check, key, facts)
    return [f for f in facts if id(f) not in drop]


def same_quantity(check: Check) -> Iterator[Finding]:
    """The same metric with the same dims and scope stated with different values (prose vs table, or twice).

    A prose figure that is a part of the quantity restated (a channel's or category's count, parts that
    add up to the whole beside them) is not a second value of it: see `parts_explained`."""
    groups = _by_quantity(check)
    for key in sorted(groups):
        facts = _unambiguous(without_parts(check, key, groups[key]))
        firsts: dict[float, Fact] = {}
        for f in facts:
            firsts.setdefault(float(f.value), f)
        if len(firsts) < 2:
            continue
        shown = list(firsts.values())
        where_zh = "、".join(f"{fmt(f.value)}（第{f.line}行）" for f in shown)
        where_en = ", ".join(f"{fmt(f.value)} (line {f.line})" for f in shown)
        cumulative = any(CUMULATIVE_HINT.search(f.quote) for f in shown)
        yield check.finding(
            "warning" if cumulative else "error",
            f"{_label(shown[0], 'zh')} 前后不一致：{where_zh}"
            + ("（其一可能是累计数）" if cumulative else ""),
            f"{_label(shown[0], 'en')} is stated with different values: {where_en}"
            + (" (one may be a running total)" if cumulative else ""),
            evidence_of=shown,
            expected=shown[0].value,
            actual=shown[1].value,
        )


def zero_claims(check: Check) -> Iterator[Finding]:
    """Text that says there were none ("没有受理依申请公开") while a figure of the report is positive."""
    if check.report.doc is None:
        return
    done: set[str] = set()
    for line, text in iter_lines(check):
        if line in check.fact_lines:
            continue
        for clause in clauses(text):
            for claim, pattern, metrics, zh, en in ZERO_CLAIMS:
                if claim in done or not pattern.search(clause) or EXCLUDE_CLAIM[claim].search(clause):
                    continue
                if re.search(r"[1-9]", re.sub(r"\d{4}年|\d+月|\d+日", "", clause)):
                    continue  # the clause gives a figure: the numeric rules judge it
                if any(f.line == line and f.origin == "prose" for m in metrics for f in check.facts.all(m)):
                    continue  # the parser read a figure here: same_quantity compares it
                positives = [f for m in metrics for f in check.facts.all(m, origin=None) if f.value > 0]
                if not positives:
                    continue
                top = max(positives, key=lambda f: (f.value, -f.line))
                done.add(claim)
                yield check.finding(
                    "error",
                    f"正文称没有{zh}，但第{top.line}行记为 {fmt(top.value)}",
                    f"The text says there were no {en}, but line {top.line} gives {fmt(top.value)}",
                    line=line,
                    quote=clause.strip(),
                    evidence_of=(top,),
                    expected=0,
                    actual=top.value,
                )


def prose_vs_table(check: Check) -> Iterator[Finding]:
    """A prose figure that a table cell of the same metric, dims and scope contradicts, where the prose
    sentence lists several figures (which `same_quantity` leaves alone): the table arbitrates, so a
    listing figure that matches no cell is either a misprint or a figure read as the wrong quantity."""
    groups = _by_quantity(check)
    for key in sorted(groups):
        facts = without_parts(check, key, groups[key])
        cells = [f for f in facts if f.origin == "table"]
        if not cells:
            continue
        table_values = {float(f.value) for f in cells}
        if len(table_values) != 1:
            continue  # the table disagrees with itself: the identity rules speak
        plain = {id(f) for f in _unambiguous(facts)}
        for f in facts:
            if f.origin != "prose" or id(f) in plain or float(f.value) in table_values:
                continue
            if CUMULATIVE_HINT.search(f.quote):
                continue
            cell = cells[0]
            yield check.finding(
                "warning",
                f"正文第{f.line}行的 {fmt(f.value)} 与表格所列{_label(cell, 'zh')} {fmt(cell.value)}（第{cell.line}行）不符",
                f"Line {f.line} of the text gives {fmt(f.value)} where the table gives "
                f"{_label(cell, 'en')} {fmt(cell.value)} (line {cell.line})",
                line=f.line,
                quote=f.quote,
                evidence_of=(f, cell),
                expected=cell.value,
                actual=f.value,
            )
