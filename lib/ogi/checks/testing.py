"""Hand-built facts and reports for testing rules without the parser (tests, notebooks, docs)."""

from __future__ import annotations

from typing import Any

from ogi.document import Document
from ogi.facts import BlankCell, Fact, Report, Section
from ogi.text import normalise_line


def fact(
    metric: str,
    value: float | int,
    line: int = 1,
    quote: str = "",
    *,
    origin: str = "table",
    scope: str = "year",
    unit: str = "",
    **dims: str,
) -> Fact:
    """One Fact; the quote defaults to 'metric | value' so evidence stays readable."""
    return Fact(
        metric=metric,
        value=value,
        unit=unit,
        line=line,
        quote=quote or f"{metric} | {value}",
        dims=dict(dims),
        scope=scope,
        origin=origin,
    )


def blank(metric: str, line: int = 1, quote: str = "", mark: str = "", **dims: str) -> BlankCell:
    return BlankCell(
        metric=metric, dims=dict(dims), line=line, quote=quote or f"{metric} | {mark}", mark=mark
    )


def document(text: str, source: str = "test.txt") -> Document:
    lines = text.split("\n")
    return Document(source=source, lines=lines, norm=[normalise_line(x) for x in lines])


def report(
    facts: list[Fact] | None = None,
    *,
    blanks: list[BlankCell] | None = None,
    text: str | None = None,
    sections: list[Section] | None = None,
    source: str = "test.txt",
    **meta: Any,
) -> Report:
    """A Report from facts (and optionally its text, kept as `doc` for the textual rules)."""
    doc = document(text, source) if text is not None else None
    return Report(
        source=source,
        report_id="test",
        facts=list(facts or []),
        blanks=list(blanks or []),
        sections=list(sections or []),
        doc=doc,
        line_count=len(doc.lines) if doc else 0,
        **meta,
    )
