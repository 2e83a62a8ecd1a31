"""Find tables in plain-text layouts and turn them into the one table model (rows of Cells).

Real copies lay tables out as: one cell per line indented with a tab, rows split by blank lines
(seeds 000, 002); one cell per line ending in ` |` (seed 003, h005, h010); `|`-separated rows on one
line (HTML-to-text copies, h004, h013); one cell per line separated by blank lines (h006, h016).
All become `Table(rows=[[Cell...]])`: cells are stream-ordered, and a row ends where the layout
says so (a blank line between tab-indented cells, the end of an inline `|` row). Layouts that give
no row boundaries yield one long row per region; the template reader re-cuts rows at labels.
"""

from __future__ import annotations

import re

from ogi.document import Cell, Document, Table
from ogi.parse.tables import value_of_text

# words that only occur in table cells (captions, headers, template row labels)
_ANCHORS = (
    "第二十条第",
    "信息内容",
    "申请人情况",
    "本年新收",
    "勾稽关系",
    "指标名称",
    "统计指标",
    "结果维持",
    "本年制发件数",
    "本年新制作",
    "自然人",
    "附表",
    "统计表",
)
_ANCHOR_RE = re.compile("|".join(_ANCHORS))
_NUMBERED_LABEL = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SENTENCE = re.compile(r"[。；;！？]|[，,].*[，,]")
_MAX_CELL = 80


def _is_cellish(raw: str) -> bool:
    """A line that can be a table cell: tab-led, holding `|`, or short and not a sentence."""
    if raw.startswith("\t") or "|" in raw:
        return True
    s = raw.strip()
    if not s or len(s) > 48:
        return False
    if s[0] in "（(" and _NUMBERED_LABEL.match(s) and "。" not in s:
        return True  # a numbered template row label with a parenthetical note
    return len(s) <= 40 and not _SENTENCE.search(s)


def split_pipes(raw: str) -> list[str]:
    """Cells of a `|` line: each `|` ends a cell; a leading `|` only starts the row."""
    s = raw.strip()
    if s.startswith("|") and s.strip("|").strip():
        s = s[1:]
    parts = s.split("|")
    if parts and parts[-1].strip() == "":
        parts.pop()
    return [p.strip() for p in parts]


def find_tables(doc: Document) -> list[Table]:
    """Tables found in the text layout of `doc` (regions around table anchors)."""
    norm = doc.norm
    n = len(norm)
    cellish_line = [_is_cellish(x) for x in norm]
    cellish = [c or not x.strip() for c, x in zip(cellish_line, norm, strict=True)]
    anchor = [i for i, x in enumerate(norm) if cellish_line[i] and _ANCHOR_RE.search(x.replace(" ", ""))]
    tables: list[Table] = []
    covered = -1
    for a in anchor:
        if a <= covered:
            continue
        start = a
        while start > 0 and cellish[start - 1] and start - 1 > covered:
            start -= 1
        end = a
        while end + 1 < n and cellish[end + 1]:
            end += 1
        while start < end and not norm[start].strip():
            start += 1
        while end > start and not norm[end].strip():
            end -= 1
        tables.append(_build(doc, start, end))
        covered = end
    return tables


def _build(doc: Document, start: int, end: int) -> Table:
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    lines, norm = doc.lines, doc.norm
    prev_tab_cell = False
    tab_rows = False  # inside tab-indented rows (a lone tab after the row break starts the next row)
    empty_run = 0
    for i in range(start, end + 1):
        raw, s = lines[i], norm[i]
        lineno = i + 1
        if not s.strip() and s.startswith("\t") and (prev_tab_cell or (tab_rows and not row)):
            # a lone tab: an empty cell of a tab-indented row (also the first cell of a row)
            row.append(Cell(raw="", text="", line=lineno))
            prev_tab_cell = True
            empty_run = 0
            continue
        if not s.strip():
            if row and prev_tab_cell:
                rows.append(row)
                row = []
            prev_tab_cell = False
            empty_run += 1
            continue
        gap, empty_run = empty_run, 0
        if "|" in s:
            parts = split_pipes(s)
            raw_parts = split_pipes(raw) if len(split_pipes(raw)) == len(parts) else parts
            inline = len([p for p in parts if p]) > 1 or s.strip().startswith("|")
            if inline and len(parts) > 1:
                if row:
                    rows.append(row)
                    row = []
                rows.append(
                    [Cell(raw=r, text=p, line=lineno) for r, p in zip(raw_parts, parts, strict=False)]
                )
            else:
                row.extend(Cell(raw=r, text=p, line=lineno) for r, p in zip(raw_parts, parts, strict=False))
            prev_tab_cell = tab_rows = False
            continue
        if s.startswith("\t"):
            row.append(Cell(raw=raw.strip(), text=s.strip(), line=lineno))
            prev_tab_cell = tab_rows = True
            continue
        # a bare line: the continuation of a wrapped tab cell, or a cell of a one-per-line layout
        if (
            prev_tab_cell
            and row
            and row[-1].text
            and not _is_value(s.strip())
            and not _is_value(row[-1].text)
        ):
            last = row[-1]
            row[-1] = Cell(raw=last.raw + raw.strip(), text=last.text + s.strip(), line=last.line)
            continue
        if gap >= 3 and row:
            # cells separated by one empty line: a longer run holds blank cells (two lines each)
            row.extend(Cell(raw="", text="", line=lineno - gap) for _ in range((gap - 1) // 2))
        row.append(Cell(raw=raw.strip(), text=s.strip(), line=lineno))
        prev_tab_cell = tab_rows = False
    if row:
        rows.append(row)
    return Table(rows=rows, line=start + 1, end_line=end + 1)


def _is_value(s: str) -> bool:
    return value_of_text(s.strip()) is not None
