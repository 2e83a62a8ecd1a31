"""Line-by-line text building that records, for every figure written, the fact a parser should read.

A report is built as a list of lines. Prose lines carry `Fig`s (origin prose); tables are lists of
rows of `Cell`s rendered in one of the layouts real copies have (see LAYOUTS), and every numeric
cell becomes an expected fact at the line where its number stands; blank template cells become
expected blanks. Nothing here knows about templates: that lives in ogi.synth.templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# tabs: one cell per line, tab-indented, blank line between rows (seeds 000/002)
# pipes: one cell per line ending in ' |', rows back to back (seed 003, real h005)
# inline: one row per line, cells separated by ' | ' (real h004, h013)
# blank: one cell per line, cells separated by blank lines, blank cells as extra empty lines (real h006, h016)
LAYOUTS = ("tabs", "pipes", "inline", "blank")
#: layout name → renderer for the converter-damaged layouts; ogi.synth.damage registers its own on import,
#: so this module needs no import of it (no cycle)
DAMAGE_RENDERERS: dict[str, Callable[[Any, list[list[Any]], int], None]] = {}


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure the generator states, as the fact the parser should produce for it."""

    metric: str
    value: int | float
    unit: str
    dims: tuple[tuple[str, str], ...] = ()
    scope: str = "year"
    shown: str | None = None  # printed text when not the number itself ('' for a zero stated in words)

    @staticmethod
    def none(metric: str, unit: str, **dims: str) -> Fig:
        """A zero stated in words (未收到…申请, 未发生…行政复议): a prose fact with no digits printed."""
        return Fig(metric, 0, unit, tuple(sorted(dims.items())), shown="")

    @staticmethod
    def of(metric: str, value: int | float, unit: str, scope: str = "year", **dims: str) -> Fig:
        return Fig(metric, value, unit, tuple(sorted(dims.items())), scope)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: printed text, the figure it states (if any), and whether it is a blank template cell.

    `structural` cells are layout filler (merged label columns, empty header corners): they are
    not template cells, so they are never expected as blanks and the blank layout omits them.
    """

    text: str
    fig: Fig | None = None
    blank: bool = False  # a template cell left unfilled: fig names its metric/dims, text is the mark
    structural: bool = False


def label(text: str) -> Cell:
    return Cell(text)


def gap() -> Cell:
    return Cell("", structural=True)


@dataclass(slots=True)
class Style:
    """Per-report typography: how numbers and punctuation are printed (chosen once per report)."""

    thousands: bool = False  # 1,558 in prose
    fullwidth: bool = False  # ８５ in prose
    halfwidth_punct: bool = False  # ( ) : , instead of （ ）： ，
    pad_cells: bool = False  # ' 0' / '0 ' in one-cell-per-line layouts


_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_int(v: int | float, style: Style | None = None, prose: bool = True) -> str:
    """Print a figure the way the report does (thousands separators and full-width digits in prose only)."""
    if isinstance(v, float) and not v.is_integer():
        s = f"{v:.2f}".rstrip("0").rstrip(".")
    else:
        v = int(v)
        s = f"{v:,}" if (style and style.thousands and prose and not style.halfwidth_punct) else str(v)
    if style and style.fullwidth and prose:
        s = s.translate(_FULL)
    return s


@dataclass(slots=True)
class TextBuilder:
    """Accumulates report lines with the expected facts and blanks (1-based line numbers)."""

    style: Style = field(default_factory=Style)
    lines: list[str] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    blanks: list[dict[str, Any]] = field(default_factory=list)

    def add(self, text: str = "") -> int:
        """Append one line; return its 1-based number."""
        self.lines.append(text)
        return len(self.lines)

    def _fact(self, fig: Fig, line: int, origin: str, where: str) -> None:
        self.facts.append(
            {
                "metric": fig.metric,
                "dims": dict(fig.dims),
                "value": fig.value,
                "unit": fig.unit,
                "scope": fig.scope,
                "origin": origin,
                "line": line,
                "label": where,
            }
        )

    def prose(self, *parts: str | Fig) -> int:
        """One paragraph line made of text and figures; each figure becomes a prose fact on this line."""
        text = ""
        figs: list[tuple[Fig, str]] = []
        for p in parts:
            if isinstance(p, Fig):
                figs.append((p, text[-12:]))  # the words just before the figure, for diagnostics
                text += fmt_int(p.value, self.style) if p.shown is None else p.shown
            else:
                text += p
        n = self.add(text)
        for fig, before in figs:
            self._fact(fig, n, "prose", before)
            if fig.shown == "":
                self.facts[-1]["words"] = True  # stated in words, no digits on the line
        return n

    def table(self, rows: list[list[Cell]], layout: str, width: int = 0) -> None:
        """Render rows in `layout`, recording each numeric cell as a table fact and each blank cell."""
        damaged = DAMAGE_RENDERERS.get(layout)  # converter damage, registered by ogi.synth.damage
        if damaged is not None:
            damaged(self, rows, width)
            return
        render = {"tabs": self._tabs, "pipes": self._pipes, "inline": self._inline, "blank": self._blank}[
            layout
        ]
        render(rows, width)

    def _cell_done(self, cell: Cell, line: int, row: list[Cell]) -> None:
        if cell.fig is None:
            return
        labels = [c.text.replace("\n", "") for c in row if c.fig is None and not c.structural]
        where = labels[-1] if labels else ""
        if cell.blank:
            self.blanks.append(
                {
                    "metric": cell.fig.metric,
                    "dims": dict(cell.fig.dims),
                    "scope": cell.fig.scope,
                    "line": line,
                    "mark": cell.text.strip(),
                    "label": where,
                }
            )
        else:
            self._fact(cell.fig, line, "table", where)

    def _pad(self, text: str, i: int) -> str:
        if not self.style.pad_cells or not text or not text[0].isdigit():
            return text
        return (" " + text, text + " ", "  " + text, text)[i % 4]

    def _tabs(self, rows: list[list[Cell]], width: int) -> None:
        for r, row in enumerate(rows):
            if r:
                self.add()
            for cell in row:
                first, *rest = cell.text.split("\n")
                n = self.add("\t" + first)
                for more in rest:
                    self.add(more)
                self._cell_done(cell, n, row)

    def _pipes(self, rows: list[list[Cell]], width: int) -> None:
        for row in rows:
            for cell in row:
                text = cell.text.replace("\n", " ")
                n = self.add(f"{text} |" if text else "|")
                self._cell_done(cell, n, row)

    def _inline(self, rows: list[list[Cell]], width: int) -> None:
        for row in rows:
            cells = list(row) + [gap()] * max(0, width - len(row))
            n = self.add(" | ".join(c.text.replace("\n", " ") for c in cells) + " |")
            for cell in cells:
                self._cell_done(cell, n, cells)

    def _blank(self, rows: list[list[Cell]], width: int) -> None:
        first = True
        for row in rows:
            for i, cell in enumerate(row):
                if cell.structural:
                    continue
                if not first:
                    self.add()
                first = False
                head, *rest = cell.text.split("\n")
                n = self.add(self._pad(head, len(self.lines) + i))
                for more in rest:
                    self.add(more)
                self._cell_done(cell, n, row)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
