"""What every rule shares: the Rule record, a read-only view of one report's facts, and finding builders.

Rules never re-parse text for figures; they select facts by metric and dims here. Only inherently
textual rules read `report.doc` (and must skip when it is None, as for reports rebuilt from the store).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ogi.facts import BlankCell, Fact, Report
from ogi.findings import Evidence, Finding

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Rule:
    """One check: a stable id, what it verifies (one line), and the function that yields findings."""

    id: str
    summary: str
    func: Callable[[Check], Iterable[Finding]]


def fmt(v: float | int | None) -> str:
    """A figure for messages: integers without '.0', other values with up to 2 decimals."""
    if v is None:
        return "?"
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def dims_key(dims: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(dims.items()))


def row_label(quote: str) -> str:
    """The row label of a table-cell quote ('row label | cell'), or the quote itself."""
    return quote.split(" | ", 1)[0].strip() if " | " in quote else quote.strip()


def evidence(item: Fact | BlankCell) -> Evidence:
    """Evidence for a fact (its value) or a blank cell (value None)."""
    value = item.value if isinstance(item, Fact) else None
    return Evidence(metric=item.metric, dims=dict(item.dims), value=value, line=item.line, quote=item.quote)


class Facts:
    """An index over one report's facts: select by metric, exact dims, scope and origin."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._by_metric: dict[str, list[Fact]] = {}
        for f in sorted(report.facts, key=lambda x: x.line):  # stable: keeps the parser's order on a line
            if f.approx:
                continue  # an approximate figure (5500余条) is never an exact operand of a check
            self._by_metric.setdefault(f.metric, []).append(f)
        self._blank_keys = {(b.metric, dims_key(b.dims)) for b in report.blanks}

    def all(self, metric: str, *, scope: str | None = "year", origin: str | None = None) -> list[Fact]:
        """Every fact of `metric` (in line order), optionally narrowed to a scope and an origin."""
        return [
            f
            for f in self._by_metric.get(metric, ())
            if (scope is None or f.scope == scope) and (origin is None or f.origin == origin)
        ]

    def exact(
        self, metric: str, dims: dict[str, str], *, scope: str | None = "year", origin: str | None = "table"
    ) -> Fact | None:
        """The first fact of `metric` whose dims are exactly `dims` (table facts by default)."""
        key = dims_key(dims)
        for f in self.all(metric, scope=scope, origin=origin):
            if dims_key(f.dims) == key:
                return f
        return None

    def extending(
        self,
        metric: str,
        dims: dict[str, str],
        extra: str,
        *,
        scope: str | None = "year",
        origin: str | None = "table",
    ) -> list[Fact]:
        """Facts whose dims are `dims` plus exactly one more key `extra` (first per value of `extra`)."""
        seen: dict[str, Fact] = {}
        for f in self.all(metric, scope=scope, origin=origin):
            if extra not in f.dims or len(f.dims) != len(dims) + 1:
                continue
            if all(f.dims.get(k) == v for k, v in dims.items()):
                seen.setdefault(f.dims[extra], f)
        return list(seen.values())

    def is_blank(self, metric: str, dims: dict[str, str]) -> bool:
        return (metric, dims_key(dims)) in self._blank_keys

    def blanks_under(self, metric: str, dims: dict[str, str]) -> list[BlankCell]:
        """Blank cells of `metric` whose dims include all of `dims`."""
        return [
            b
            for b in self.report.blanks
            if b.metric == metric and all(b.dims.get(k) == v for k, v in dims.items())
        ]


@dataclass
class Check:
    """What a rule sees: the report, its predecessor (if the store has it), a fact index, and builders."""

    report: Report
    previous: Report | None = None
    rule: str = ""
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @cached_property
    def facts(self) -> Facts:
        return Facts(self.report)

    @cached_property
    def fact_lines(self) -> frozenset[int]:
        """Lines that hold table cells (facts or blanks): textual rules skip them."""
        lines = {f.line for f in self.report.facts if f.origin == "table"}
        lines.update(b.line for b in self.report.blanks)
        return frozenset(lines)

    def finding(
        self,
        severity: str,
        zh: str,
        en: str,
        *,
        line: int = 0,
        quote: str = "",
        evidence_of: Sequence[Fact | BlankCell] = (),
        extra: Sequence[Evidence] = (),
        expected: float | None = None,
        actual: float | None = None,
    ) -> Finding:
        """A finding of the current rule; line/quote default to the first piece of evidence."""
        ev = tuple(evidence(x) for x in evidence_of) + tuple(extra)
        if not line and ev:
            line, quote = ev[0].line, ev[0].quote
        return Finding(
            rule=self.rule,
            severity=severity,
            message_zh=zh,
            message_en=en,
            source=self.report.source,
            line=line,
            quote=quote,
            evidence=ev,
            expected=None if expected is None else float(expected),
            actual=None if actual is None else float(actual),
        )


# --- small text helpers for the textual rules ---------------------------------------------------

_CLAUSE_END = re.compile(r"(?<=[。！？；!?;])")


def clauses(line: str) -> list[str]:
    """A line cut after each sentence-ending mark (。！？；), keeping the marks."""
    return [c for c in _CLAUSE_END.split(line) if c.strip()]


def paragraphs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) 1-based line numbers of each run of non-blank lines."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, text in enumerate(lines, 1):
        if text.strip():
            if not start:
                start = i
        elif start:
            out.append((start, i - 1))
            start = 0
    if start:
        out.append((start, len(lines)))
    return out


def same_paragraph(check: Check, a: int, b: int) -> bool:
    """True when lines a and b stand in one paragraph (the same line when the text is unknown)."""
    if a == b:
        return True
    doc = check.report.doc
    if doc is None:
        return False
    spans = check._cache.get("paragraphs")
    if spans is None:
        spans = paragraphs(doc.lines)
        check._cache["paragraphs"] = spans
    assert isinstance(spans, list)
    lo, hi = min(a, b), max(a, b)
    return any(s <= lo and hi <= e for s, e in spans)


def printed_decimals(value: float | int, quote: str) -> int:
    """How many decimals the figure was printed with (read from the quote when it is there)."""
    for m in re.finditer(r"\d+(?:\.(\d+))?\s*[%％]", quote):
        try:
            if math.isclose(float(m.group(0).rstrip("%％ ")), float(value), abs_tol=1e-9):
                return len(m.group(1) or "")
        except ValueError:
            continue
    if isinstance(value, int):
        return 0
    frac = repr(float(value)).partition(".")[2]
    return 0 if frac in ("", "0") or "e" in frac else len(frac)


def iter_lines(check: Check, start: int = 1, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(line number, normalised text) of the source document between start and end (inclusive)."""
    doc = check.report.doc
    if doc is None:
        return
    last = len(doc.norm) if end is None else min(end, len(doc.norm))
    for i in range(max(start, 1), last + 1):
        yield i, doc.norm[i - 1]
