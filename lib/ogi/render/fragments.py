"""Small HTML pieces for notebook outputs (sentences, tables, headline cards), every string escaped.

Report text (agency names, quotes, category labels) reaches the brief only through these helpers or
through chart specs, so a name like `<script>` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any


class HTML:
    """Rich output carrying already-escaped HTML plus a plain-text twin for consoles."""

    def __init__(self, html: str, text: str = "") -> None:
        self.html = html
        self.text = text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text or "[html]"


def esc(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def fmt_num(value: Any) -> str:
    """A figure for reading: thousands separators, no trailing .0, an em dash for missing."""
    if value is None:
        return "—"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    if f != f:  # NaN
        return "—"
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.2f}".rstrip("0").rstrip(".")


def fmt_change(value: Any) -> str:
    if value is None:
        return "—"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    if f != f:
        return "—"
    return ("+" if f > 0 else "−" if f < 0 else "±") + fmt_num(abs(f))


def sentence(text: str) -> HTML:
    """The one sentence that says what a section shows."""
    return HTML(f'<p class="ogi-lead">{esc(text)}</p>', text)


def no_data(text: str) -> HTML:
    """One line instead of an empty chart."""
    return HTML(f'<p class="ogi-nodata">{esc(text)}</p>', text)


def heading(text: str, level: int = 2, sub: str = "") -> HTML:
    subline = f'<p class="ogi-sub">{esc(sub)}</p>' if sub else ""
    return HTML(f'<h{level} class="ogi-h">{esc(text)}</h{level}>{subline}', text)


def table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    numeric: Sequence[bool] = (),
    css: str = "ogi-table",
) -> HTML:
    """An escaped HTML table; `numeric[i]` right-aligns and formats column i."""
    nums = list(numeric) + [False] * (len(columns) - len(numeric))
    head = "".join(
        f'<th class="{"num" if n else ""}">{esc(c)}</th>' for c, n in zip(columns, nums, strict=True)
    )
    body = []
    text_rows = ["\t".join(columns)]
    for row in rows:
        cells = []
        for v, n in zip(row, nums, strict=True):
            shown = fmt_num(v) if n else ("" if v is None else str(v))
            cells.append(f'<td class="{"num" if n else ""}">{esc(shown)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
        text_rows.append("\t".join("" if v is None else str(v) for v in row))
    html = f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return HTML(html, "\n".join(text_rows))


def cards(items: Sequence[tuple[str, Any, str]]) -> HTML:
    """Headline figures as cards: (label, value, note under the value)."""
    parts = []
    for label, value, note in items:
        parts.append(
            '<div class="ogi-card">'
            f'<div class="ogi-card-value">{esc(fmt_num(value))}</div>'
            f'<div class="ogi-card-label">{esc(label)}</div>'
            + (f'<div class="ogi-card-note">{esc(note)}</div>' if note else "")
            + "</div>"
        )
    text = "\n".join(f"{label}\t{fmt_num(value)}\t{note}" for label, value, note in items)
    return HTML('<div class="ogi-cards">' + "".join(parts) + "</div>", text)
