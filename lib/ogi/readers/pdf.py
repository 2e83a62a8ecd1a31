"""PDF reader: text lines with page furniture removed, wrapped paragraphs re-joined, ruled tables as grids.

WPS / Chromium PDFs print page numbers (`- 4 -`, `第 4 页`), running headers, letter-spaced labels
and CJK characters mapped to Kangxi radicals (`⼀` for 一); all are undone here. Ruled tables come
from pdfplumber's line finder and are rebuilt from cell boxes, so spans become merged cells and a
table continued on the next page is joined to its first part. Characters and rulings are read
with PDFium (pdf_layer), not pdfminer: the same boxes at C speed, pdfplumber's finder only on pages
that have rulings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.document import Document
from ogi.errors import ReadError
from ogi.readers.pdf_layer import Sheet, iter_sheets
from ogi.readers.tables import MAX_CELLS, Block, GridCell, assemble, tidy

MAX_PAGES = 500
EDGE = 0.1  # top/bottom share of a page where headers, footers and page numbers live
_PAGE_NO = re.compile(
    r"^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|"
    r"\d{1,4}|[-－—–]?\s*[ivxlcIVXLC]{1,6}\s*[-－—–]?|Page\s*\d+(?:\s*of\s*\d+)?)$"
)
_PARA_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|[①-⑳]|附件|附表)"
)
_PARA_END = re.compile(
    r"[。：；！？:;!?]$|^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]\S{0,20}$"
)
_RADICALS = {  # CJK Radicals Supplement forms that fonts map simplified characters to
    0x2EA0: "民",
    0x2EC4: "西",
    0x2EC5: "见",
    0x2EC6: "角",
    0x2EC9: "贝",
    0x2ECB: "车",
    0x2ED3: "长",
    0x2ED4: "门",
    0x2ED8: "青",
    0x2ED9: "韦",
    0x2EDA: "页",
    0x2EDB: "风",
    0x2EDC: "飞",
    0x2EDD: "食",
    0x2EE2: "马",
    0x2EE3: "骨",
    0x2EE4: "鬼",
    0x2EE5: "鱼",
    0x2EE6: "鸟",
    0x2EE7: "卤",
    0x2EE8: "麦",
    0x2EE9: "黄",
    0x2EEA: "黾",
    0x2EEC: "齐",
    0x2EEE: "齿",
    0x2EF0: "龙",
    0x2EF3: "龟",
    0x2E9F: "母",
    0x2EAE: "竹",
    0x2ECA: "足",
    0x2EC8: "讠",
    0x2ECF: "阝",
    0x2ED6: "阝",
    0x2ECC: "辶",
    0x2E97: "心",
    0x2E9D: "月",
    0x2E81: "厂",
}


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    table[0x2F3E] = "户"  # KANGXI RADICAL DOOR: NFKC gives the traditional 戶, simplified text means 户
    table.update(_RADICALS)
    return table


def unradical(text: str) -> str:
    """Map Kangxi / supplement radicals back to the ordinary ideographs the author typed."""
    return text.translate(_radical_table())


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


@dataclass
class _Part:
    """One ruled table found on one page: cell boxes with text, in page coordinates."""

    page: int
    bbox: tuple[float, float, float, float]
    cells: list[tuple[tuple[float, float, float, float], str]] = field(default_factory=list)


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], v: float, tol: float = 2.0) -> int:
    for i, b in enumerate(bounds):
        if abs(b - v) <= tol:
            return i
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _grid(parts: list[_Part]) -> tuple[list[list[GridCell]], list[int]]:
    """Cell boxes of one table (possibly continued over pages) to a grid; spans become merged cells."""
    shift = 0.0
    boxes: list[Box] = []
    for k, part in enumerate(parts):
        if k:  # stack the parts vertically: this part starts just below the previous one
            shift = parts[k - 1].bbox[3] + shift + 1.0 - part.bbox[1]
        for (x0, top, x1, bottom), text in part.cells:
            boxes.append((x0, top + shift, x1, bottom + shift, text, part.page))
    boxes = _join_split_labels(boxes, parts)
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    rows, cols = max(1, len(ys) - 1), max(1, len(xs) - 1)
    if rows * cols > MAX_CELLS:
        return [], []
    grid: list[list[GridCell | None]] = [[None] * cols for _ in range(rows)]
    row_pages = [0] * rows
    for x0, top, x1, bottom, text, page in sorted(boxes, key=lambda b: (b[1], b[0])):
        r0, r1 = _index(ys, top), max(_index(ys, top) + 1, _index(ys, bottom))
        c0, c1 = _index(xs, x0), max(_index(xs, x0) + 1, _index(xs, x1))
        for r in range(r0, min(r1, rows)):
            row_pages[r] = row_pages[r] or page
            for c in range(c0, min(c1, cols)):
                if grid[r][c] is None:
                    grid[r][c] = GridCell(text, merged=(r, c) != (r0, c0))
    full = [[c if c is not None else GridCell("") for c in row] for row in grid]
    return full, row_pages


_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")
_NUMBER = re.compile(r"^[+-]?\d[\d,.，]*%?$")

Box = tuple[float, float, float, float, str, int]


def _join_split_labels(boxes: list[Box], parts: list[_Part]) -> list[Box]:
    """A group label cut by a page break ('（四）无' | '法提供') becomes one box over both pages.

    The continuation is the top cell of a continued part, in a column left of the row's own label,
    whose text starts without numbering; the box above it (bottom of the previous part, same
    column) holds the label's head. Both boxes become one merged cell with the joined text.
    """
    if len(parts) < 2:
        return boxes
    tops = {b[5]: min(x[1] for x in boxes if x[5] == b[5]) for b in boxes}
    bottoms = {b[5]: max(x[3] for x in boxes if x[5] == b[5]) for b in boxes}
    out: list[Box | None] = list(boxes)
    for i, low in enumerate(boxes):
        x0, top, x1, bottom, text, page = low
        if not text or page == parts[0].page or abs(top - tops[page]) > 2:
            continue
        if _NUMBERED.match(text) or _NUMBER.match(text):
            continue
        right = [b for b in boxes if b[5] == page and abs(b[1] - top) <= 2 and b[0] >= x1 - 2]
        if not any(b[4] and not _NUMBER.match(b[4]) for b in right):
            continue  # the row's own label (or a value): not a group label
        for j, up in enumerate(out):
            if (
                up is not None
                and up[5] < page
                and abs(up[3] - bottoms[up[5]]) <= 2
                and abs(up[0] - x0) <= 2
                and abs(up[2] - x1) <= 2
                and up[4]
                and not _NUMBER.match(up[4])
            ):
                out[j] = (up[0], up[1], up[2], bottom, up[4] + text, up[5])
                out[i] = None
                break
    return [b for b in out if b is not None]


def _extract_parts(sheet: Sheet, number: int) -> list[_Part]:
    """Ruled tables of one page by pdfplumber's line finder, run on pdfium's edges and characters."""
    from pdfplumber.table import TableFinder

    parts: list[_Part] = []
    for table in TableFinder(sheet).tables:  # type: ignore[arg-type]
        rows = table.rows
        if sum(1 for r in rows for c in r.cells if c is not None) < 2:  # a lone box is a frame, not a table
            continue
        texts = table.extract()
        x0, top, x1, bottom = table.bbox
        part = _Part(page=number, bbox=(x0, top, x1, bottom))
        for row, values in zip(rows, texts, strict=False):
            for box, value in zip(row.cells, values, strict=False):
                if box is not None:
                    part.cells.append(((box[0], box[1], box[2], box[3]), tidy(unradical(value or ""))))
        parts.append(part)
    return parts


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _text_lines(sheet: Sheet, number: int, boxes: list[tuple[float, float, float, float]]) -> list[_Line]:
    """The page's text lines outside its tables, grouped as pdfplumber groups characters into lines."""
    chars = [c for c in sheet.chars if not _inside(c, boxes)] if boxes else sheet.chars
    if not chars:
        return []
    from pdfplumber.utils import chars_to_textmap

    textmap = chars_to_textmap(
        chars, layout=False, layout_bbox=sheet.bbox, layout_width=sheet.width, layout_height=sheet.height
    )
    out: list[_Line] = []
    for ln in textmap.extract_text_lines(strip=True, return_chars=False):
        text = tidy(unradical(ln["text"]))
        if text:
            out.append(_Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], number))
    return out


def _furniture(lines_by_page: dict[int, list[_Line]], heights: dict[int, float]) -> set[int]:
    """ids of lines that are page numbers or running headers/footers (top/bottom band, repeated)."""
    drop: set[int] = set()
    seen: dict[str, set[int]] = {}
    for page, lines in lines_by_page.items():
        h = heights[page]
        for ln in lines:
            in_band = ln.top < h * EDGE or ln.bottom > h * (1 - EDGE)
            if _PAGE_NO.match(ln.text.replace(" ", "")) and (in_band or re.match(r"^[-－—–]", ln.text)):
                drop.add(id(ln))
            elif in_band:
                seen.setdefault(re.sub(r"\d+", "#", ln.text), set()).add(page)
    if len(lines_by_page) >= 2:
        repeated = {k for k, pages in seen.items() if len(pages) >= max(2, len(lines_by_page) // 2)}
        for page, lines in lines_by_page.items():
            h = heights[page]
            for ln in lines:
                if (ln.top < h * EDGE or ln.bottom > h * (1 - EDGE)) and re.sub(
                    r"\d+", "#", ln.text
                ) in repeated:
                    drop.add(id(ln))
    return drop


def _join(lines: list[_Line], left: float, right: float) -> list[_Line]:
    """Re-join paragraph lines that the page width wrapped: a full line continues on the next."""
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.page <= ln.page
            and (
                prev.x1 >= right - 24
                or (prev.x1 >= right - 0.5 * (right - left) and not _PARA_END.search(prev.text))
            )
            and ln.x0 <= left + 6
            and not _PARA_START.match(ln.text)
        ):
            sep = (
                ""
                if re.match(r"[\u2e80-\u9fff\uff00-\uffef，。；：、）“”]", ln.text[0])
                or re.search(r"[\u2e80-\u9fff\uff00-\uffef，。；：、（“”]$", prev.text)
                else " "
            )
            out[-1] = _Line(prev.text + sep + ln.text, prev.x0, ln.x1, prev.top, ln.bottom, prev.page)
        else:
            out.append(ln)
    return out


def read(data: bytes, path: str) -> Document:
    """Read a PDF report: text in reading order without furniture, ruled tables as merged-cell grids."""
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ReadError(path, "not a PDF (no %PDF header)")
    try:
        lines_by_page, parts_by_page, heights, chars = _pages(data, path)
    except (ReadError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # PDFium raises on damaged or locked files; each is this file's failure
        raise ReadError(path, f"damaged PDF ({type(exc).__name__}: {exc})".replace("\n", " ")[:300]) from None
    if chars == 0:
        raise ReadError(path, "no text layer (a scanned PDF? run OCR first)")
    return _assemble(path, lines_by_page, parts_by_page, heights)


def _pages(
    data: bytes, path: str
) -> tuple[dict[int, list[_Line]], dict[int, list[_Part]], dict[int, float], int]:
    """Each page's text lines outside tables, its ruled tables, its height; the character count.

    Text and rulings come from PDFium (pdf_layer); pdfplumber's table finder runs only on pages
    that have ruling edges, and its line grouper only on pages that have text.
    """
    lines_by_page: dict[int, list[_Line]] = {}
    parts_by_page: dict[int, list[_Part]] = {}
    heights: dict[int, float] = {}
    chars = 0
    for number, sheet in enumerate(iter_sheets(data, path, MAX_PAGES), start=1):
        heights[number] = sheet.height
        chars += sum(1 for c in sheet.chars if c["text"] != " ")
        parts = _extract_parts(sheet, number) if sheet.edges else []
        parts_by_page[number] = parts
        lines_by_page[number] = _text_lines(sheet, number, [p.bbox for p in parts])
    return lines_by_page, parts_by_page, heights, chars


def _assemble(
    path: str,
    lines_by_page: dict[int, list[_Line]],
    parts_by_page: dict[int, list[_Part]],
    heights: dict[int, float],
) -> Document:
    drop = _furniture(lines_by_page, heights)
    body = [ln for page in sorted(lines_by_page) for ln in lines_by_page[page] if id(ln) not in drop]
    left = min((ln.x0 for ln in body), default=0.0)
    right = max((ln.x1 for ln in body), default=0.0)
    # one stream in reading order: (page, top, kind, item); tables continued over a page break are joined
    stream: list[tuple[int, float, int, object]] = [(ln.page, ln.top, 1, ln) for ln in body]
    stream += [(p.page, p.bbox[1], 0, p) for page in sorted(parts_by_page) for p in parts_by_page[page]]
    stream.sort(key=lambda s: (s[0], s[1], s[2]))
    items: list[_Line | list[_Part]] = []
    for _, _, kind, item in stream:
        if kind == 0:
            assert isinstance(item, _Part)
            prev = items[-1] if items else None
            if (
                isinstance(prev, list)
                and prev[-1].page == item.page - 1
                and abs(prev[-1].bbox[0] - item.bbox[0]) < 3
                and abs(prev[-1].bbox[2] - item.bbox[2]) < 3
            ):
                prev.append(item)
            else:
                items.append([item])
        else:
            assert isinstance(item, _Line)
            items.append(item)
    blocks: list[Block] = []
    pending: list[_Line] = []

    def flush() -> None:
        for ln in _join(pending, left, right):
            blocks.append(Block(text=ln.text, page=ln.page))
        pending.clear()

    for it in items:
        if isinstance(it, _Line):
            pending.append(it)
            continue
        flush()
        grid, row_pages = _grid(it)
        if grid:
            blocks.append(Block(grid=grid, page=it[0].page, row_pages=row_pages))
    flush()
    doc = assemble(path, "pdf", "pdf", blocks, with_pages=True)
    if not doc.lines:
        raise ReadError(path, "no readable text in the PDF")
    return doc
