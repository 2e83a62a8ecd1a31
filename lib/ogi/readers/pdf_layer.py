"""One PDF page's text layer and rulings read with PDFium, shaped as pdfplumber's objects.

pdfplumber reads pages through pdfminer, which interprets every content stream in Python (most
of the cost of a PDF). PDFium does the same in C. This module gives each page as a `Sheet`: the
characters (pdfplumber's char dicts: text, x0, x1, top, bottom, size, upright) and the edges of
its painted paths (pdfplumber's edge dicts, classified as pdfminer classifies a path: line, rect
or curve), in pdfplumber's coordinates (origin at the top-left of the media box). pdfplumber's
own line-grouping and table-finding code then runs on them unchanged, and only for pages that
have rulings does its table finder run at all.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SKIP = {0, 0xFFFE, 0xFFFF, 0x0D, 0x0A}  # no character, PDFium's markers, line breaks


@dataclass
class Sheet:
    """What the table finder and the line grouper read of a page (duck-typed as a pdfplumber Page)."""

    width: float
    height: float
    chars: list[Obj] = field(default_factory=list)
    edges: list[Obj] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


def iter_sheets(data: bytes, path: str, max_pages: int) -> Iterator[Sheet]:
    """Each page of a PDF as a Sheet; ReadError past `max_pages`, PdfiumError on a damaged file."""
    import pypdfium2

    from ogi.errors import ReadError

    doc = pypdfium2.PdfDocument(data)
    try:
        if len(doc) > max_pages:
            raise ReadError(path, f"too many pages ({len(doc)} > {max_pages})")
        for index in range(len(doc)):
            yield read_sheet(doc, index)
    finally:
        doc.close()


def read_sheet(doc: Any, index: int) -> Sheet:
    """Page `index` (from 0) of an open document as a Sheet: characters and ruling edges."""
    import pypdfium2.raw as pdfium_c

    page = doc[index]
    try:
        left, bottom, right, top = page.get_mediabox()
        sheet = Sheet(width=float(right - left), height=float(top - bottom))
        textpage = page.get_textpage()
        try:
            sheet.chars = _chars(pdfium_c, textpage.raw, float(top))
        finally:
            textpage.close()
        sheet.edges = _edges(pdfium_c, page.raw, float(top))
    finally:
        page.close()
    return sheet


def _chars(c: Any, tp: Any, top_y: float) -> list[Obj]:
    """Characters in content order; a space PDFium generated between words becomes a blank char.

    The box is PDFium's loose box (advance width, font ascent/descent); the top is bottom - size,
    as pdfminer sets it. PDFium drops the blank characters of the content stream and generates its
    own spaces instead: a generated space is put just after the character before it, on its line,
    so that it separates words as pdfminer's blank did.
    """
    out: list[Obj] = []
    rect = c.FS_RECTF()
    matrix = c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    prev: Obj | None = None
    for i in range(c.FPDFText_CountChars(tp)):
        code = c.FPDFText_GetUnicode(tp, i)
        if c.FPDFText_IsGenerated(tp, i):
            if code == 0x20 and prev is not None:  # its own box is not reliable: put it after `prev`
                x = prev["x1"]
                out.append({**prev, "text": " ", "x0": x, "x1": x, "width": 0.0})
            continue
        if code in _SKIP:
            continue
        c.FPDFText_GetLooseCharBox(tp, i, rect)
        c.FPDFText_GetMatrix(tp, i, matrix)
        c.FPDFText_GetCharOrigin(tp, i, ox, oy)
        a, b, cc, d = matrix.a, matrix.b, matrix.c, matrix.d
        upright = a * d > 0 and b * cc <= 0
        size = c.FPDFText_GetFontSize(tp, i) * (math.hypot(cc, d) if upright else math.hypot(a, b))
        x0, x1 = float(rect.left), float(rect.right)
        bottom = top_y - float(rect.bottom)
        if upright and abs(x0 - ox.value) > 0.01:
            # PDFium gave the glyph's ink box (it does so for characters it re-mapped, such as
            # Kangxi radicals): place the em box at the origin, the bottom at the line's descent.
            x0, x1 = ox.value, ox.value + max(size, x1 - x0)
            if prev is not None and abs(prev["_baseline"] - oy.value) < 0.01:
                bottom = prev["bottom"]
            else:
                bottom = top_y - oy.value + 0.12 * size
        char = {
            "object_type": "char",
            "text": chr(code),
            "x0": x0,
            "x1": x1,
            "top": bottom - size,
            "bottom": bottom,
            "doctop": bottom - size,
            "width": x1 - x0,
            "height": size,
            "size": size,
            "upright": upright,
            "_baseline": oy.value,
        }
        out.append(char)
        prev = char
    return out


def _edges(c: Any, page: Any, top_y: float) -> list[Obj]:
    """Edges of the page's painted paths, as pdfplumber derives them from pdfminer's objects."""
    from_objects = list(_path_objects(c, page, top_y))
    if not from_objects:
        return []
    from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

    edges: list[Obj] = []
    for obj in from_objects:
        kind = obj["object_type"]
        if kind == "line":
            edges.append(line_to_edge(obj))
        elif kind == "rect":
            edges.extend(rect_to_edges(obj))
        else:
            edges.extend(curve_to_edges(obj))
    return edges


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner` then `outer` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _matrix(c: Any, obj: Any) -> Matrix:
    m = c.FS_MATRIX()
    if not c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_objects(c: Any, page: Any, top_y: float) -> Iterator[Obj]:
    """Painted paths of the page (form XObjects included) as pdfplumber lines, rects and curves."""
    stack: list[tuple[Any, bool, Matrix, int]] = [(page, True, _IDENTITY, 0)]
    while stack:
        holder, is_page, outer, depth = stack.pop()
        count = c.FPDFPage_CountObjects(holder) if is_page else c.FPDFFormObj_CountObjects(holder)
        for k in range(count):
            obj = c.FPDFPage_GetObject(holder, k) if is_page else c.FPDFFormObj_GetObject(holder, k)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_FORM and depth < 8:
                stack.append((obj, False, _compose(_matrix(c, obj), outer), depth + 1))
            elif kind == c.FPDF_PAGEOBJ_PATH:
                yield from _classify(_subpaths(c, obj, _compose(_matrix(c, obj), outer), top_y))


def _subpaths(c: Any, obj: Any, m: Matrix, top_y: float) -> list[list[tuple[str, float, float]]]:
    """A painted path's operators and page points ('m', 'l', 'c', 'h'), split at each move."""
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not c.FPDFPath_GetDrawMode(obj, fill, stroke) or (fill.value == 0 and not stroke.value):
        return []  # a path neither filled nor stroked paints nothing (pdfminer sees no object)
    a, b, cc, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, float, float]]] = []
    bezier = 0
    for j in range(c.FPDFPath_CountSegments(obj)):
        seg = c.FPDFPath_GetPathSegment(obj, j)
        c.FPDFPathSegment_GetPoint(seg, x, y)
        kind = c.FPDFPathSegment_GetType(seg)
        px, py = a * x.value + cc * y.value + e, b * x.value + d * y.value + f
        point = (px, top_y - py)
        if kind == c.FPDF_SEGMENT_MOVETO:
            subpaths.append([("m", *point)])
            bezier = 0
        elif not subpaths:
            continue
        elif kind == c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # PDFium gives a curve as three points: pdfminer keeps the last
                subpaths[-1].append(("c", *point))
        else:
            subpaths[-1].append(("l", *point))
        if c.FPDFPathSegment_GetClose(seg) and subpaths:
            ops = subpaths[-1]
            if len(ops) > 2 and ops[-1][0] == "l" and ops[-1][1:] == ops[0][1:]:
                ops.pop()  # PDFium closes a rectangle with a line back to its start; 're' has none
            ops.append(("h", *ops[0][1:]))
    return subpaths


def _classify(subpaths: list[list[tuple[str, float, float]]]) -> Iterator[Obj]:
    """Each subpath as pdfminer classifies it: a line ('ml', 'mlh'), an axis-aligned rect, a curve."""
    for ops in subpaths:
        shape = "".join(op for op, _, _ in ops)
        pts = [(px, py) for _, px, py in ops]
        if len(pts) < 2:
            continue
        if shape in ("ml", "mlh"):
            yield _shape("line", pts[:2])
            continue
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if pts[0] == pts[4] and square:
                yield _shape("rect", pts)
                continue
        yield _shape("curve", pts)


def _shape(kind: str, pts: list[tuple[float, float]]) -> Obj:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "y0": -bottom,
        "y1": -top,
        "width": x1 - x0,
        "height": bottom - top,
        "pts": pts,
    }
