"""HTML reader: a report published as a portal article (often GBK, inside a CMS frame).

Decodes honouring BOM / <meta charset>, finds the article body (TRS `#zoom`, `.TRS_Editor` ...),
drops navigation and anything active (script, iframe, object ...), and expands rowspan/colspan
into full grids. Hostile pages are bounded: absurd nesting is flattened before parsing, spans and
cells per table are capped, and the tree is walked iteratively (no recursion).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ogi.document import Document
from ogi.errors import ReadError
from ogi.parse.script import to_simplified
from ogi.readers.tables import MAX_SPAN, Block, GridBuilder, GridCell, assemble, tidy
from ogi.text import MAX_BYTES, decode

MAX_TABLE_DEPTH = 20  # tables nested deeper than this are read as plain text
MAX_TAG_DEPTH = 1_000  # element nesting beyond this is flattened before parsing
MAX_ATTR = 256  # characters of an attribute value that are ever looked at

DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "template",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "button",
        "select",
        "input",
        "textarea",
        "option",
        "head",
        "title",
        "link",
        "meta",
        "base",
        "nav",
        "dialog",
        "portal",
    }
)
BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "hr",
        "header",
        "footer",
        "aside",
        "form",
        "fieldset",
        "legend",
        "caption",
        "tr",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "body",
        "html",
    }
)
VOID = frozenset(
    {
        "br",
        "img",
        "meta",
        "input",
        "hr",
        "link",
        "col",
        "area",
        "base",
        "embed",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
OPTIONAL_END = frozenset(
    {
        "p",
        "li",
        "td",
        "th",
        "tr",
        "dt",
        "dd",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "html",
        "head",
        "body",
    }
)
ARTICLE_SELECTORS = (
    "#zoom",
    "#Zoom",
    ".TRS_Editor",
    "#ivs_content",
    "#webeditorview",
    ".xxgk_content",
    "#UCAP-CONTENT",
    "#fontzoom",
    ".article-content",
    ".article_content",
    ".pages_content",
    ".zw",
    "#zw",
    ".content",
    "#content",
    "article",
    ".detail",
    ".view",
    "#info_content",
    ".conTxt",
    ".wzxq",
    "main",
    "td",
)
_NAVLIKE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|top|breadcrumb|crumb|share|sidebar|copyright|"
    r"related|pager|toolbar|search|login|banner|foot|head)(?:[\s_-]|$)",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})[^<>]{0,65536}?(/?)>")
_GB = {
    "gb2312",
    "gbk",
    "gb_2312",
    "gb_2312-80",
    "x-gbk",
    "cp936",
    "ms936",
    "windows-936",
    "euc-cn",
    "csgb2312",
    "gb18030",
    "x-euc-cn",
    "chinese",
    "iso-ir-58",
}


def _declared(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (<meta charset> or http-equiv), normalised."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in _GB:
        return "gb18030"  # the superset: GBK pages often hold characters outside GB2312
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode page bytes: BOM first, then the declared charset (strictly), else ogi.text.decode."""
    if not data:
        raise ReadError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise ReadError(
            path, f"too large ({len(data) // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)"
        )
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, path)
    enc = _declared(data)
    if enc:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass  # mislabelled page (a 'gb2312' page saved as UTF-8 ...): detect instead
    return decode(data, path)


def flatten_deep(html: str, limit: int = MAX_TAG_DEPTH) -> str:
    """Remove element tags nested deeper than `limit` (their text stays), so parsing stays linear."""
    if html.count("<") < limit:
        return html
    depth = 0
    open_count: dict[str, int] = {}
    over = False

    def repl(m: re.Match[str]) -> str:
        nonlocal depth, over
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in VOID or name in OPTIONAL_END or selfclose:
            return m.group(0)
        if closing:
            if open_count.get(name, 0) > 0:
                open_count[name] -= 1
                depth -= 1
                if depth >= limit:
                    return ""
            return m.group(0)
        depth += 1
        open_count[name] = open_count.get(name, 0) + 1
        if depth > limit:
            over = True
            return ""
        return m.group(0)

    out = _TAG.sub(repl, html)
    return out if over else html


def _attr(node: LexborNode, name: str) -> str:
    attrs = node.attributes
    value = attrs.get(name) if attrs else None
    return (value or "")[:MAX_ATTR]


def _span(node: LexborNode, name: str) -> int:
    digits = re.match(r"\s*(\d{1,6})", _attr(node, name))
    return min(int(digits.group(1)), MAX_SPAN) if digits else 1


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _text_of(node: LexborNode) -> str:
    """All readable text under a node (iteratively), block boundaries and <br> as line breaks."""
    out: list[str] = []
    stack: list[LexborNode | None] = [node]
    while stack:
        n = stack.pop()
        if n is None:
            out.append("\n")
            continue
        tag = n.tag
        if tag == "-text":
            out.append(n.text_content or "")
            continue
        if tag in DROP or tag == "-comment" or tag is None:
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag in BLOCK:
            out.append("\n")
            stack.append(None)
        stack.extend(reversed(list(_children(n))))
    return "".join(out)


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (thead/tbody/tfoot/tr children), not those of nested tables."""
    rows: list[LexborNode] = []
    for child in _children(table):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in _children(child) if c.tag == "tr")
    return rows


def _has_nested_table(table: LexborNode) -> bool:
    """True when a cell of this table holds another table (a layout table, not a data table)."""
    return any(
        c.css_first("table") is not None for r in _rows(table) for c in _children(r) if c.tag in ("td", "th")
    )


def _grid(table: LexborNode) -> list[list[GridCell]]:
    rows = _rows(table)
    builder = GridBuilder(total_rows=len(rows))
    for tr in rows:
        cells = [
            (
                tidy(_text_of(c)),
                _span(c, "rowspan") if c.attributes.get("rowspan") else 1,
                _span(c, "colspan"),
            )
            for c in _children(tr)
            if c.tag in ("td", "th")
        ]
        builder.add_row(cells)
        if builder.full:
            break
    return builder.grid()


class _Walker:
    """Turns an element subtree into Blocks: text lines at block boundaries, data tables as grids."""

    def __init__(self, drop_navlike: bool) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.drop_navlike = drop_navlike

    def flush(self) -> None:
        if self.buf:
            for part in "".join(self.buf).split("\n"):
                text = tidy(part)
                if text:
                    self.blocks.append(Block(text=text))
            self.buf = []

    def walk(self, root: LexborNode) -> list[Block]:
        # stack items: a node with the number of tables it sits in, or None = "block ends here"
        stack: list[tuple[LexborNode, int] | None] = [(root, 0)]
        while stack:
            item = stack.pop()
            if item is None:
                self.flush()
                continue
            n, tdepth = item
            tag = n.tag
            if tag == "-text":  # source line breaks are just whitespace; breaks come from <br> and blocks
                self.buf.append((n.text_content or "").replace("\n", " ").replace("\r", " "))
                continue
            if tag in DROP or tag == "-comment" or tag is None:
                continue
            if self.drop_navlike and tag in ("header", "footer", "aside"):
                continue
            if self.drop_navlike and _NAVLIKE.search(f"{_attr(n, 'class')} {_attr(n, 'id')}"):
                continue
            if tag == "br":
                self.buf.append("\n")
                continue
            if tag == "table" and tdepth < MAX_TABLE_DEPTH and not _has_nested_table(n):
                self.flush()
                self._table(n)
                continue
            if tag == "table" and tdepth >= MAX_TABLE_DEPTH:
                self.flush()
                self.buf.append(_text_of(n))  # too deep to be a real table: keep its words only
                self.flush()
                continue
            if tag in BLOCK:
                self.flush()
                stack.append(None)
            inner = tdepth + 1 if tag == "table" else tdepth
            stack.extend((c, inner) for c in reversed(list(_children(n))))
        self.flush()
        return self.blocks

    def _table(self, table: LexborNode) -> None:
        caption = table.css_first("caption")
        if caption is not None:
            self.buf.append(_text_of(caption))
            self.flush()
        grid = _grid(table)
        width = max((len(r) for r in grid), default=0)
        if width <= 1:  # a one-column box around text is layout, not data
            for row in grid:
                for cell in row:
                    if cell.raw and not cell.merged:
                        self.blocks.append(Block(text=cell.raw))
            return
        self.blocks.append(Block(grid=grid))


def _score(node: LexborNode) -> float:
    text = node.text(deep=True, separator="", strip=False) or ""
    length = len(re.sub(r"\s+", "", text))
    if length == 0:
        return 0.0
    links = sum(len(re.sub(r"\s+", "", a.text(deep=True) or "")) for a in node.css("a")[:2000])
    score = length * (1.0 - min(1.0, links / length))
    if "政府信息公开" in text:
        score += 2000
    if "年度报告" in text:
        score += 1000
    if length >= 300:  # tables count only around real text (not a bare nest of empty tables)
        score += 500 * min(4, len(node.css("table")))
    return score if length >= 100 else 0.0


def find_article(tree: LexborHTMLParser) -> LexborNode | None:
    """The CMS container holding the report, by text length, link density and report words.

    A named CMS container (earlier in ARTICLE_SELECTORS) wins over a generic wrapper (`td`, `main`)
    unless the wrapper holds much more of the report (less than 70% of its score).
    """
    scored: list[tuple[float, int, LexborNode]] = []
    for order, sel in enumerate(ARTICLE_SELECTORS):
        for node in tree.css(sel)[:50]:
            if len(scored) >= 400:
                break
            scored.append((_score(node), order, node))
    if not scored:
        return None
    top = max(s for s, _, _ in scored)
    if top < 200:
        return None
    near = [x for x in scored if x[0] >= 0.7 * top]
    return min(near, key=lambda x: (x[1], -x[0]))[2]


def _title(tree: LexborHTMLParser, article: LexborNode | None) -> str:
    """The report title when the CMS prints it outside the article container."""
    for sel in ("h1", "h2", ".title", "#title", ".article-title", ".tit", "h3"):
        for node in tree.css(sel)[:20]:
            text = tidy(_text_of(node))
            simple = to_simplified(text)  # a 繁體 page prints 年度報告 / 政府信息公開
            if 4 < len(text) < 120 and ("年度报告" in simple or "政府信息公开" in simple):
                return text
    head_title = tree.css_first("title")
    if head_title is not None:
        for part in re.split(r"[_|｜\-—–]+", head_title.text() or ""):
            part = tidy(part)
            if 4 < len(part) < 120 and "年度报告" in to_simplified(part):
                return part
    return ""


def _own_address(tree: LexborHTMLParser) -> str:
    """The address the page declares for itself (`<link rel="canonical">`, else `og:url`), when it is an
    http(s) URL of sane length: where the report was published, for the brief's source line."""
    found = [
        _attr(n, "href") for n in tree.css("link[rel]")[:50] if "canonical" in _attr(n, "rel").lower().split()
    ]
    found += [_attr(n, "content") for n in tree.css('meta[property="og:url"]')[:5]]
    for url in found:
        url = url.strip()
        if url.lower().startswith(("http://", "https://")) and len(url) < MAX_ATTR and url.isprintable():
            return url
    return ""


def read(data: bytes, path: str) -> Document:
    """Read an HTML report page into a Document with its tables as expanded grids."""
    text, enc = decode_html(data, path)
    text = flatten_deep(text)
    tree = LexborHTMLParser(text)
    article = find_article(tree)
    root = article if article is not None else (tree.body or tree.root)
    if root is None:
        raise ReadError(path, "no HTML body")
    blocks = _Walker(drop_navlike=article is None).walk(root)
    title = _title(tree, article)
    if title and not any(title in b.text for b in blocks[:5] if b.grid is None):
        blocks.insert(0, Block(text=title))
    doc = assemble(path, "html", enc, blocks)
    doc.url = _own_address(tree)
    if not doc.lines:
        raise ReadError(path, "no readable text in the HTML page (tables only as images?)")
    return doc
