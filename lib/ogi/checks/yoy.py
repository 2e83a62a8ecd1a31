"""Year over year, when the store holds the same agency's previous report: carried-over applications
against last year's carried-forward ones, documents in force, and text copied from last year.

These are heuristics: they warn, never error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ogi.checks.base import Check, Facts, clauses, fmt
from ogi.checks.identities import APPLICANTS
from ogi.facts import Report
from ogi.findings import Evidence, Finding
from ogi.vocabulary import dim_label

DUP_WARNING = 0.5  # share of sentences repeated from last year above which evaluators deduct (宿迁)
DUP_INFO = 0.3
MIN_SENTENCE = 15  # characters: shorter fragments are headings and formulae, not prose
MIN_SENTENCES = 5
SHOWN_REPEATS = 5


def _adjacent(check: Check) -> Report | None:
    prev = check.previous
    if prev is None or check.report.year is None or prev.year is None:
        return None
    return prev if prev.year == check.report.year - 1 else None


def carry_over(check: Check) -> Iterator[Finding]:
    """上年结转 (N) = 结转下年度继续办理 (N−1), for the total and every applicant column."""
    prev = _adjacent(check)
    if prev is None:
        return
    before = Facts(prev)
    for col in (None, *APPLICANTS):
        base = {} if col is None else {"applicant": col}
        now = check.facts.exact("applications.carried_over", base)
        then = before.exact("applications.carried_forward", base)
        if now is None or then is None or now.value == then.value:
            continue
        col_zh = "总计" if col is None else dim_label("applicant", col)
        col_en = "total" if col is None else dim_label("applicant", col, "en")
        yield check.finding(
            "warning",
            f"上年结转（{col_zh}）为 {fmt(now.value)}，而 {prev.year} 年报告（{prev.source} 第{then.line}行）"
            f"结转下年度为 {fmt(then.value)}",
            f"Carried over ({col_en}) is {fmt(now.value)}, but the {prev.year} report ({prev.source}, "
            f"line {then.line}) carried forward {fmt(then.value)}",
            evidence_of=(now, then),
            expected=then.value,
            actual=now.value,
        )


def documents_in_force(check: Check) -> Iterator[Finding]:
    """2021 format: 现行有效件数 (N) = 现行有效件数 (N−1) + 本年制发 (N) − 本年废止 (N), per row."""
    prev = _adjacent(check)
    if prev is None:
        return
    before = Facts(prev)
    for now in check.facts.all("documents.in_force", origin="table"):
        item = {"item": now.dims["item"]} if "item" in now.dims else {}
        then = before.exact("documents.in_force", item)
        issued = check.facts.exact("documents.issued", item)
        repealed = check.facts.exact("documents.repealed", item)
        if then is None or issued is None or repealed is None:
            continue
        expected = then.value + issued.value - repealed.value
        if abs(expected - now.value) < 1e-6:
            continue
        label = item.get("item", "")
        yield check.finding(
            "info",
            f"“{label}”现行有效 {fmt(now.value)} 件 ≠ 上年 {fmt(then.value)} + 制发 {fmt(issued.value)} − 废止 "
            f"{fmt(repealed.value)} = {fmt(expected)}（修订或失效未废止时可能合理）",
            f"'{label}' in force {fmt(now.value)} != last year's {fmt(then.value)} + issued {fmt(issued.value)} "
            f"- repealed {fmt(repealed.value)} = {fmt(expected)} (may be legitimate)",
            evidence_of=(now, then, issued, repealed),
            expected=expected,
            actual=now.value,
        )


def _sentences(report: Report, skip: frozenset[int]) -> list[tuple[int, str, str]]:
    """(line, sentence as printed, comparison key) for each prose sentence; digits do not count."""
    out: list[tuple[int, str, str]] = []
    if report.doc is None:
        return out
    for i, text in enumerate(report.doc.norm, 1):
        if i in skip:
            continue
        for c in clauses(text):
            key = re.sub(r"\s+", "", c)
            if not re.search(r"[。！？；!?;]$", key):
                continue
            key = re.sub(r"\d+(?:\.\d+)?", "#", key)
            if len(key) >= MIN_SENTENCE:
                out.append((i, c.strip(), key))
    return out


def text_duplication(check: Check) -> Iterator[Finding]:
    """Share of this year's sentences repeated from the previous report (figures ignored)."""
    prev = check.previous
    if prev is None or prev.doc is None or check.report.doc is None:
        return
    prev_skip = frozenset({f.line for f in prev.facts if f.origin == "table"} | {b.line for b in prev.blanks})
    then = {key: line for line, _, key in reversed(_sentences(prev, prev_skip))}
    now = _sentences(check.report, check.fact_lines)
    if len(now) < MIN_SENTENCES or not then:
        return
    repeated = [(line, text, then[key]) for line, text, key in now if key in then]
    share = len(repeated) / len(now)
    if share < DUP_INFO:
        return
    shown = [
        Evidence(metric="text.sentence", dims={"previous_line": str(pl)}, value=None, line=line, quote=text)
        for line, text, pl in repeated[:SHOWN_REPEATS]
    ]
    yield check.finding(
        "warning" if share > DUP_WARNING else "info",
        f"{len(repeated)}/{len(now)} 句（{share:.0%}）与上一份报告（{prev.source}）相同",
        f"{len(repeated)} of {len(now)} sentences ({share:.0%}) repeat the previous report ({prev.source})",
        extra=shown,
        expected=DUP_WARNING,
        actual=round(share, 4),
    )
