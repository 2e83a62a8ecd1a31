"""Shared assembly for structured readers (HTML, DOCX, PDF): tidy cell text, build lines and Tables.

Each reader turns its format into a flat list of blocks (a text line, or a table as an expanded
grid); `assemble` writes every table row into the lines as "a | b | c" so line numbers and quotes
point at real text, and returns the same cells as `ogi.document.Table`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ogi.document import Cell, Document, Table
from ogi.text import normalise_line

MAX_CELLS = 20_000  # per table: a hostile rowspan/colspan cannot blow up memory
MAX_SPAN = 1_000  # HTML's own limit on colspan; rowspan is clamped to the same

_WS = re.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u202f\u200b\ufeff]+")
# CJK ideographs, CJK punctuation and full-width forms: no space is ever needed between them
_CJK = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014]"
)


def tidy(raw: str) -> str:
    """Collapse whitespace: nothing between two CJK characters, one space otherwise; strip the ends."""
    parts = _WS.split(raw)
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if out and not (_CJK.match(out[-1][-1]) and _CJK.match(part[0])):
            out.append(" ")
        out.append(part)
    return "".join(out)


@dataclass(slots=True)
class GridCell:
    """One grid position after span expansion: text and whether a span repeats it here."""

    raw: str
    merged: bool = False


@dataclass(slots=True)
class Block:
    """A reader's output unit in reading order: one text line, or one table grid."""

    text: str = ""
    grid: list[list[GridCell]] | None = None
    page: int = 0  # 1-based page (PDF), 0 when unknown
    row_pages: list[int] = field(default_factory=list)  # page of each grid row (PDF)


class GridBuilder:
    """Expand rows of (text, rowspan, colspan) into a full grid, the HTML table algorithm, capped."""

    def __init__(self, total_rows: int = MAX_SPAN, max_cells: int = MAX_CELLS) -> None:
        self.total_rows = total_rows  # rowspans are cut at the table's last row, as browsers do
        self.rows: list[list[GridCell | None]] = []
        self.next_row = 0
        self.cells = 0
        self.max_cells = max_cells
        self.full = False

    def add_row(self, cells: list[tuple[str, int, int]]) -> None:
        """Place one source row; positions still covered by a rowspan from above are skipped."""
        if self.full:
            return
        r = self.next_row
        self.next_row += 1
        while len(self.rows) <= r:
            self.rows.append([])
        col = 0
        for text, rowspan, colspan in cells:
            remaining = max(1, self.total_rows - r)
            rowspan = remaining if rowspan == 0 else max(1, min(rowspan, MAX_SPAN, remaining))
            colspan = max(1, min(colspan, MAX_SPAN))
            while col < len(self.rows[r]) and self.rows[r][col] is not None:
                col += 1
            if self.cells + rowspan * colspan > self.max_cells:
                self.full = True
                return
            for dr in range(rowspan):
                while len(self.rows) <= r + dr:
                    self.rows.append([])
                row = self.rows[r + dr]
                while len(row) < col + colspan:
                    row.append(None)
                for dc in range(colspan):
                    row[col + dc] = GridCell(text, merged=bool(dr or dc))
                    self.cells += 1
            col += colspan

    def grid(self) -> list[list[GridCell]]:
        """The expanded grid; holes (ragged source rows) become blank cells, rows padded to one width.

        Rowspans reaching past the last source row are cut there, as browsers do.
        """
        rows = self.rows[: self.next_row]
        width = max((len(r) for r in rows), default=0)
        out: list[list[GridCell]] = []
        for row in rows:
            cells = [c if c is not None else GridCell("") for c in row]
            cells.extend(GridCell("") for _ in range(width - len(cells)))
            out.append(cells)
        return out


def clean_grid(grid: list[list[GridCell]]) -> list[list[GridCell]]:
    """Drop rows that hold no text at all (spacer rows) and trailing columns that are blank everywhere."""
    rows = [r for r in grid if any(c.raw for c in r)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    while width > 0 and all(len(r) < width or not r[width - 1].raw for r in rows):
        width -= 1
    return [r[:width] for r in rows]


def assemble(
    source: str, kind: str, encoding: str, blocks: list[Block], with_pages: bool = False
) -> Document:
    """Write blocks into lines (one table row per line, cells joined by ' | ') and build the Tables."""
    lines: list[str] = []
    pages: list[int] = []
    tables: list[Table] = []
    for block in blocks:
        if block.grid is None:
            if block.text:
                lines.append(block.text)
                pages.append(block.page)
            continue
        grid = clean_grid(block.grid)
        if not grid:
            continue
        t = len(tables) + 1
        first = len(lines) + 1
        rows: list[list[Cell]] = []
        for r, grow in enumerate(grid, start=1):
            page = block.row_pages[r - 1] if r - 1 < len(block.row_pages) else block.page
            line_no = len(lines) + 1
            lines.append(" | ".join("" if c.merged else c.raw for c in grow))
            pages.append(page)
            row: list[Cell] = []
            for c, g in enumerate(grow, start=1):
                loc = f"p. {page}" if with_pages else f"table {t}, row {r}, col {c}"
                row.append(
                    Cell(raw=g.raw, text=normalise_line(g.raw), line=line_no, loc=loc, merged=g.merged)
                )
            rows.append(row)
        loc = f"p. {block.page}" if with_pages else f"table {t}"
        tables.append(Table(rows=rows, line=first, end_line=len(lines), loc=loc))
    return Document(
        source=source,
        lines=lines,
        norm=[normalise_line(x) for x in lines],
        kind=kind,
        encoding=encoding,
        tables=tables,
        pages=pages if with_pages else None,
    )
