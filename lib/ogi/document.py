"""The reader-neutral document: decoded lines, their normalised twins, and tables as labelled grids.

Every reader (text, HTML, DOCX, PDF) yields this one model, so the parser never knows the file type.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: text as printed, its normalised form, and where it stands."""

    raw: str
    text: str
    line: int  # 1-based line in Document.lines; 0 when the cell has no text line
    loc: str = ""  # human location for non-text formats, e.g. "table 2, row 4, col 3" or "p. 3"
    merged: bool = False  # True where a rowspan/colspan repeats another cell's content here

    @property
    def blank(self) -> bool:
        """True for an empty cell or a placeholder such as '-', '/', '—', '无'."""
        return self.text.strip() in BLANK_MARKS


BLANK_MARKS = frozenset({"", "-", "/", "—", "－", "／", "无", "——", "--", "N/A", "\\"})


@dataclass(slots=True)
class Table:
    """A grid of cells in reading order; rows may be ragged (merged cells already expanded by readers)."""

    rows: list[list[Cell]]
    line: int  # first line of the table in Document.lines
    end_line: int  # last line (inclusive)
    loc: str = ""  # e.g. "table 3" (HTML/DOCX) or "p. 5" (PDF)


@dataclass(slots=True)
class Document:
    """Decoded report text split into lines, plus tables found by the reader (if any).

    `lines` are the decoded lines as printed; `norm` are the same lines normalised (full-width
    digits, separators, NBSP ...) index for index, so line numbers always refer to the source.
    Readers of structured formats (HTML/DOCX/PDF) also fill `tables`; for plain text the parser
    finds tables in the line layout itself.
    """

    source: str
    lines: list[str]
    norm: list[str]
    kind: str = "text"  # text | html | docx | pdf
    encoding: str = "utf-8"
    tables: list[Table] = field(default_factory=list)
    pages: list[int] | None = None  # page number per line (PDF), else None
    content_hash: str = ""
    url: str = ""  # the http(s) address an HTML page declares for itself (canonical link / og:url)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def page_of(self, line: int) -> int | None:
        """Page number (1-based) of a 1-based line, when the reader knows pages."""
        if self.pages is None or not 1 <= line <= len(self.pages):
            return None
        return self.pages[line - 1]
