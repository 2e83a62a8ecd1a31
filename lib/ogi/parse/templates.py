"""Label matching against the registered templates' row specs (the data lives in ogi.templates).

Patterns are matched with `re.search` against a label with whitespace removed and its leading
numbering stripped; the first matching spec of a block wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ogi.templates.model import RowSpec
from ogi.templates.registry import (
    ART20,
    ART20_FAMILY,
    FORM,
    FORM_ROWS,
    GROUP_METRICS,
    MONEY_METRICS,
    SEC3,
    SEC3_COLUMNS,
    SEC3_ROWS,
    SEC4,
    SEC4_COLUMNS,
    UNIT_CELLS,
    sec4_column,
)

__all__ = [
    "ART20",
    "ART20_FAMILY",
    "ART20_MEASURES",
    "FORM",
    "FORM_ROWS",
    "GROUP_METRICS",
    "MONEY_METRICS",
    "SEC3",
    "SEC3_APPLICANTS",
    "SEC3_ROWS",
    "SEC4",
    "SEC4_COLUMNS",
    "UNIT_CELLS",
    "RowSpec",
    "clean_reason",
    "first_match",
    "sec4_column",
    "strip_numbering",
]

# (header text, applicant code or None for the 总计 column), in printed order
SEC3_APPLICANTS: tuple[tuple[str, str | None], ...] = tuple(
    (c.header, c.dims.get("applicant")) for c in SEC3_COLUMNS
)
# (header pattern, measure) of the 第二十条 blocks
ART20_MEASURES: tuple[tuple[str, str], ...] = tuple((c.pattern, c.dims["measure"]) for c in ART20.columns)


@lru_cache(maxsize=16384)
def first_match(table: str, label: str) -> RowSpec | None:
    """The first spec of `table` ('sec3' or 'form') matching `label` (cached: template labels repeat)."""
    for spec in SEC3_ROWS if table == "sec3" else FORM_ROWS:
        if spec.match(label):
            return spec
    return None


_NUMBERING = re.compile(
    r"^(?:其中[:：]?)?\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])?"
)


@lru_cache(maxsize=4096)
def strip_numbering(label: str) -> str:
    """'其中：1．政府网站公开数' → '政府网站公开数'; '（三）不予公开' → '不予公开'."""
    s = re.sub(r"\s+", "", label)
    prev = None
    while prev != s:
        prev = s
        s = _NUMBERING.sub("", s, count=1)
    return s


def clean_reason(label: str) -> str:
    """A sub-row label as the dims.reason: numbering stripped, quotes kept."""
    return strip_numbering(label)
