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

    def _ipython_display_(self) -> None:
        """Publish the bundle IPython's formatters would make (its plain-text one prints repr() line
        by line), without running its dozen formatters: ~40 pieces a brief, ~10 ms saved."""
        from IPython.display import publish_display_data

        publish_display_data({"text/plain": "\n".join(repr(self).splitlines()), "text/html": self.html})


def esc(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def url_link(url: str, text: str = "") -> str:
    """The report's original web address (shown as `text`, else itself), escaped; a link only when it is
    http(s), so a `javascript:` or `data:` address from a sidecar file or a page never becomes one."""
    u = url.strip()
    if u.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(u)}" rel="noopener noreferrer">{esc(text or u)}</a>'
    return esc(u)


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
    nowrap: Sequence[bool] = (),
    raw: Sequence[bool] = (),
) -> HTML:
    """An escaped HTML table; `numeric[i]` right-aligns and formats column i, `nowrap[i]` keeps its
    words whole (short codes such as 错误 never break inside), `raw[i]` holds HTML built (and escaped)
    by ogi itself, such as the copy-to-corrections buttons."""
    nums = list(numeric) + [False] * (len(columns) - len(numeric))
    keep = list(nowrap) + [False] * (len(columns) - len(nowrap))
    pre = list(raw) + [False] * (len(columns) - len(raw))
    classes = [
        " ".join(x for x in ("num" if n else "", "nw" if k else "") if x)
        for n, k in zip(nums, keep, strict=True)
    ]
    # inline alignment too: JupyterLab right-aligns table cells and drops <style> from untrusted outputs
    align = [f' style="text-align:{"right" if n else "left"}"' for n in nums]
    head = "".join(
        f'<th class="{c}"{a}>{esc(h)}</th>' for h, c, a in zip(columns, classes, align, strict=True)
    )
    body = []
    text_rows = ["\t".join(columns)]
    for row in rows:
        cells = []
        for v, n, c, a, h in zip(row, nums, classes, align, pre, strict=True):
            shown = fmt_num(v) if n and not isinstance(v, str) else ("" if v is None else str(v))
            cells.append(f'<td class="{c}"{a}>{shown if h else esc(shown)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
        text_rows.append("\t".join("" if v is None or h else str(v) for v, h in zip(row, pre, strict=True)))
    html = f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    # a wide table scrolls sideways on a phone rather than squeezing its columns to a character
    return HTML(f'<div class="ogi-scroll">{html}</div>', "\n".join(text_rows))


def cards(items: Sequence[tuple[str, Any, str]]) -> HTML:
    """Headline figures as cards: (label, value, note under the value)."""
    parts = []
    for label, value, note in items:
        parts.append(
            '<div class="ogi-card" style="display:inline-block;vertical-align:top;min-width:140px;'
            'margin:0 8px 8px 0">'
            f'<div class="ogi-card-value">{esc(fmt_num(value))}</div>'
            f'<div class="ogi-card-label">{esc(label)}</div>'
            + (f'<div class="ogi-card-note">{esc(note)}</div>' if note else "")
            + "</div>"
        )
    text = "\n".join(f"{label}\t{fmt_num(value)}\t{note}" for label, value, note in items)
    return HTML('<div class="ogi-cards">' + "".join(parts) + "</div>", text)


def figure_table(
    summary: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    numeric: Sequence[bool] = (),
    raw: Sequence[bool] = (),
    script: str = "",
) -> HTML:
    """The figures of the chart above, folded: each with the report's line and quote (`raw`, `script`:
    the copy-to-corrections column and its handler, ogi.render.review)."""
    inner = table(columns, rows, numeric=numeric, css="ogi-table ogi-figures", raw=raw)
    return HTML(
        f'<details class="ogi-figures"><summary>{esc(summary)}</summary>{inner.html}</details>{script}',
        f"{summary}\n{inner.text}",
    )


def style(css: str) -> HTML:
    """A <style> element, so a notebook shown in JupyterLab looks as its exported brief does."""
    return HTML(f'<style type="text/css">{css}</style>', "")
