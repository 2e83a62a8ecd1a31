"""DOCX reader: body paragraphs and tables in document order, merged cells expanded into grids.

Reads `word/document.xml` straight from the zip with a locked-down XML parser (no entities, no
network, size-capped against zip bombs) so that gridSpan / vMerge are seen exactly as Word wrote
them; python-docx is used by the tests to build fixtures, not here.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ogi.document import Document
from ogi.errors import ReadError
from ogi.readers.tables import MAX_CELLS, MAX_SPAN, Block, GridCell, assemble, clean_grid, tidy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_XML = 256 * 1024 * 1024  # uncompressed document.xml larger than this is refused (zip bomb)
MAX_TABLE_DEPTH = 20


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, T, TAB, BR, CR = (_w(x) for x in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
SDT, SDTCONTENT, TCPR, GRIDSPAN, VMERGE, TRPR, GRIDBEFORE, VAL = (
    _w(x) for x in ("sdt", "sdtContent", "tcPr", "gridSpan", "vMerge", "trPr", "gridBefore", "val")
)
SKIP = {_w("delText"), _w("instrText"), f"{{{MC}}}Fallback", _w("rPr"), _w("pPr")}


def _main_part(zf: zipfile.ZipFile) -> str:
    """The officeDocument part named by _rels/.rels (almost always word/document.xml)."""
    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), _parser())
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "word/document.xml").lstrip("/")
    except (KeyError, etree.XMLSyntaxError):
        pass
    return "word/document.xml"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _text(el: etree._Element) -> str:
    """Text of a paragraph or cell subtree: runs, tabs as spaces, breaks as newlines, paragraphs split."""
    out: list[str] = []
    stack: list[etree._Element | None] = [el]
    while stack:
        n = stack.pop()
        if n is None:
            out.append("\n")
            continue
        tag = n.tag
        if tag in SKIP or not isinstance(tag, str):
            continue
        if tag == T:
            out.append(n.text or "")
            continue
        if tag == TAB:
            out.append(" ")
            continue
        if tag in (BR, CR):
            out.append("\n")
            continue
        if tag == P:
            stack.append(None)
        stack.extend(reversed(list(n)))
    return "".join(out)


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    m = re.match(r"\d{1,6}", el.get(VAL, "") or "")
    return min(int(m.group(0)), MAX_SPAN) if m else default


def _grid(tbl: etree._Element) -> list[list[GridCell]]:
    """Expand gridSpan (horizontal) and vMerge (vertical) into a full grid of GridCells."""
    rows: list[list[GridCell]] = []
    cells = 0
    for tr in tbl.iterchildren(TR):
        row: list[GridCell] = []
        trpr = tr.find(TRPR)
        before = _int(trpr.find(GRIDBEFORE) if trpr is not None else None, 0)
        row.extend(GridCell("") for _ in range(before))
        for tc in _row_cells(tr):
            tcpr = tc.find(TCPR)
            span = _int(tcpr.find(GRIDSPAN) if tcpr is not None else None, 1)
            vmerge = tcpr.find(VMERGE) if tcpr is not None else None
            col = len(row)
            if vmerge is not None and vmerge.get(VAL, "continue") != "restart" and rows:
                above = rows[-1][col] if col < len(rows[-1]) else GridCell("")
                text = above.raw
                row.extend(GridCell(text, merged=True) for _ in range(span))
            else:
                text = tidy(_text(tc))
                row.append(GridCell(text))
                row.extend(GridCell(text, merged=True) for _ in range(span - 1))
        cells += len(row)
        if cells > MAX_CELLS:
            break
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend(GridCell("") for _ in range(width - len(r)))
    return rows


def _row_cells(tr: etree._Element) -> list[etree._Element]:
    """A row's cells, looking through content controls (w:sdt) that may wrap them."""
    out: list[etree._Element] = []
    for child in tr:
        if child.tag == TC:
            out.append(child)
        elif child.tag == SDT:
            content = child.find(SDTCONTENT)
            if content is not None:
                out.extend(c for c in content if c.tag == TC)
    return out


def _has_nested(tbl: etree._Element) -> bool:
    return any(True for _ in tbl.iterdescendants(TBL))


def _blocks(body: etree._Element) -> list[Block]:
    """Body paragraphs and tables in order; a table holding tables is a layout box, read inside."""
    blocks: list[Block] = []
    stack: list[tuple[etree._Element, int]] = [(c, 0) for c in reversed(list(body))]
    while stack:
        el, depth = stack.pop()
        if el.tag == P:
            for part in _text(el).split("\n"):
                text = tidy(part)
                if text:
                    blocks.append(Block(text=text))
        elif el.tag == TBL:
            if depth >= MAX_TABLE_DEPTH:
                text = tidy(_text(el))
                if text:
                    blocks.append(Block(text=text))
            elif _has_nested(el):
                inner = [c for tr in el.iterchildren(TR) for tc in _row_cells(tr) for c in tc]
                stack.extend((c, depth + 1) for c in reversed(inner))
            else:
                grid = clean_grid(_grid(el))
                if max((len(r) for r in grid), default=0) <= 1:
                    blocks.extend(Block(text=c.raw) for r in grid for c in r if c.raw and not c.merged)
                elif grid:
                    blocks.append(Block(grid=grid))
        elif el.tag == SDT:
            content = el.find(SDTCONTENT)
            if content is not None:
                stack.extend((c, depth) for c in reversed(list(content)))
    return blocks


def read(data: bytes, path: str) -> Document:
    """Read a .docx report into a Document whose tables keep Word's merges as merged cells."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(path, "legacy Word .doc/.wps file (OLE) named .docx: convert it to .docx")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError(path, f"not a valid .docx (damaged or truncated zip: {exc})") from None
    with zf:
        name = _main_part(zf)
        try:
            info = zf.getinfo(name)
        except KeyError:
            raise ReadError(path, f"not a Word document (no {name} in the zip)") from None
        if info.file_size > MAX_XML:
            raise ReadError(
                path, f"document.xml too large ({info.file_size // (1024 * 1024)} MB uncompressed)"
            )
        try:
            xml = zf.read(name)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise ReadError(path, f"damaged .docx: cannot inflate {name} ({exc})") from None
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"damaged .docx: bad XML in {name} ({exc})") from None
    body = root.find(_w("body"))
    if body is None:
        raise ReadError(path, "not a Word document (no w:body)")
    doc = assemble(path, "docx", "utf-8", _blocks(body))
    if not doc.lines:
        raise ReadError(path, "no text in the Word document (scanned images only?)")
    return doc
