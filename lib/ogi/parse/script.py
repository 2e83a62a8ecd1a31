"""Traditional characters: parse a simplified view of a 繁體 report, then give back what was printed.

Detection is a regex over a sample of the text (the character class is every CJK character that
OpenCC's t2s changes, kept in `script_chars` and checked against the converter by the tests), so
simplified reports cost one short scan and never load OpenCC. A traditional
document is converted line by line with OpenCC t2s; a line whose length the conversion changes keeps
its printed form, so every position in the view is the same position in the source. Quotes, labels
and metadata found on the view are mapped back to the printed characters by position.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ogi.document import Cell, Document, Table
from ogi.facts import Report
from ogi.parse.script_chars import TRADITIONAL

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TRAD = re.compile("[" + TRADITIONAL + "]")
SAMPLE = 2000  # characters looked at to decide
MIN_SHARE = 0.05  # simplified reports score 0 here; traditional ones about 0.3


@lru_cache(maxsize=1)
def _t2s() -> Any:
    """The OpenCC t2s converter, loaded on the first traditional report only (it costs ~6 MB)."""
    import opencc

    return opencc.OpenCC("t2s")


def traditional_chars() -> str:
    """Every basic CJK character that OpenCC t2s changes: the source of `script_chars.TRADITIONAL`."""
    chars = "".join(chr(i) for i in range(0x4E00, 0xA000))
    out = _t2s().convert(chars)
    if len(out) != len(chars):  # a converter that changes lengths here: compare one by one
        return "".join(c for c in chars if _t2s().convert(c) != c)
    return "".join(a for a, b in zip(chars, out, strict=True) if a != b)


def to_simplified(text: str) -> str:
    """OpenCC t2s of one string."""
    return _t2s().convert(text)


def is_traditional(text: str) -> bool:
    """True when enough of the text's Chinese characters are traditional-only forms."""
    sample = text[:SAMPLE]
    hits = len(_TRAD.findall(sample))
    if hits < 3:
        return False
    return hits >= MIN_SHARE * len(_CJK.findall(sample))


def _same_length(texts: list[str]) -> list[str]:
    """t2s of each string, or the string itself where the conversion changes its length."""
    joined = to_simplified("\n".join(texts))
    out = joined.split("\n")
    if len(out) != len(texts):
        out = [to_simplified(t) for t in texts]
    return [o if len(o) == len(t) else t for o, t in zip(out, texts, strict=True)]


def _cell(c: Cell) -> Cell:
    raw, text = _same_length([c.raw, c.text]) if "\n" not in c.raw + c.text else (c.raw, c.text)
    return replace(c, raw=raw, text=text)


@dataclass(slots=True)
class View:
    """A simplified twin of a traditional document and the way back to the printed characters."""

    doc: Document  # the printed document
    simple: Document  # same lines, same lengths, simplified where possible
    _chars: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        votes: Counter[tuple[str, str]] = Counter()
        for a, b in zip(self.simple.lines, self.doc.lines, strict=True):
            if a != b:
                votes.update((x, y) for x, y in zip(a, b, strict=True) if x != y)
        for (x, y), _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            self._chars.setdefault(x, y)

    def printed(self, s: str, line: int = 0) -> str:
        """The printed form of a string found on the view: by position on `line`, else anywhere, else per character."""
        if not s or s.isascii():
            return s
        for src, dst in ((self.simple.lines, self.doc.lines), (self.simple.norm, self.doc.norm)):
            if 1 <= line <= len(src):
                pos = src[line - 1].find(s)
                if pos >= 0:
                    return dst[line - 1][pos : pos + len(s)]
        if " | " in s:
            return " | ".join(self.printed(p, line) for p in s.split(" | "))
        for view_line, printed_line in zip(self.simple.lines, self.doc.lines, strict=True):
            pos = view_line.find(s)
            if pos >= 0:
                return printed_line[pos : pos + len(s)]
        return "".join(self._chars.get(ch, ch) for ch in s)

    def restore(self, report: Report) -> Report:
        """Put the printed characters back into a report parsed on the view (values and lines are kept)."""
        p: Callable[[str, int], str] = self.printed
        for f in report.facts:
            f.quote = p(f.quote, f.line)
            f.dims = {k: p(v, f.line) for k, v in f.dims.items()}
        for b in report.blanks:
            b.quote = p(b.quote, b.line)
            b.dims = {k: p(v, b.line) for k, v in b.dims.items()}
        for sec in report.sections:
            sec.title = p(sec.title, sec.line)
        for key in ("agency", "region", "title", "signer", "doc_number"):
            value = getattr(report, key)
            if value:
                setattr(report, key, p(value, 0))
        report.doc = self.doc
        return report


def simplified_view(doc: Document) -> View | None:
    """A View when the document is printed in traditional characters, else None (no work done)."""
    sample: list[str] = []
    size = 0
    for line in doc.norm:
        sample.append(line)
        size += len(line)
        if size >= SAMPLE:
            break
    if not is_traditional("".join(sample)):
        return None
    tables = [
        Table(rows=[[_cell(c) for c in row] for row in t.rows], line=t.line, end_line=t.end_line, loc=t.loc)
        for t in doc.tables
    ]
    simple = replace(doc, lines=_same_length(doc.lines), norm=_same_length(doc.norm), tables=tables)
    return View(doc=doc, simple=simple)
