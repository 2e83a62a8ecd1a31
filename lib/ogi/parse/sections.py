"""Split a report into its numbered sections (一、… 六、 and the older variants) and name their kind."""

from __future__ import annotations

import re

from ogi.document import Document
from ogi.facts import Section
from ogi.templates.registry import kind_of

_NUMERALS = "一二三四五六七八九十"
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.{0,48})$")
# template row labels that look like headings but are table cells
_TABLE_LABELS = re.compile(
    r"本年新收|上年结转|本年度办理结果|结转下年度|行政复议数量|行政诉讼数量|举报投诉数量|收取的费用"
)
__all__ = ["find_sections", "kind_of", "numeral"]


def numeral(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12."""
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _NUMERALS.index(s[1]) + 1
    if len(s) == 2 and s.endswith("十"):
        return (_NUMERALS.index(s[0]) + 1) * 10
    if len(s) == 3 and s[1] == "十":
        return (_NUMERALS.index(s[0]) + 1) * 10 + _NUMERALS.index(s[2]) + 1
    return _NUMERALS.index(s[0]) + 1


def find_sections(doc: Document) -> list[Section]:
    """Numbered top-level headings in increasing order; each section runs to the next heading."""
    found: list[tuple[int, int, str]] = []  # (number, line index, title)
    for i, (raw, line) in enumerate(zip(doc.lines, doc.norm, strict=True)):
        if raw.startswith("\t") or "|" in line:
            continue
        m = _HEADING.match(line)
        if not m:
            continue
        title = m.group(2).strip()
        if _TABLE_LABELS.search(title) or title.endswith(("，", "：", ":")) or "。" in title[:-1]:
            continue
        try:
            num = numeral(m.group(1))
        except ValueError:
            continue
        last = found[-1][0] if found else 0
        if (found and num == last + 1) or (not found and num <= 3):
            found.append((num, i, title))
    sections: list[Section] = []
    for k, (num, i, title) in enumerate(found):
        end = found[k + 1][1] - 1 if k + 1 < len(found) else len(doc.lines) - 1
        sections.append(
            Section(number=num, title=title.rstrip("。 "), line=i + 1, end_line=end + 1, kind=kind_of(title))
        )
    return sections
