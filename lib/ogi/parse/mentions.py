"""The coverage pass: every digit run not yet bound to a fact becomes a typed mention.

Dates, years, phone numbers, postcodes, document numbers, web addresses, list numbers and
percentages get their own `mention.*` metric; any other number is `mention.other` with the words
before it as `dims.label`, so nothing a report says is lost.
"""

from __future__ import annotations

import bisect
import re

from ogi.facts import Fact
from ogi.text import parse_number

_DIGITS = re.compile(r"\d+(?:[.,，]\d+)*")
_SPECIAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mention.url", re.compile(r"(?:https?://|www\.)[\w./:%?=&#~+-]+", re.I)),
    (
        "mention.doc_number",
        re.compile(
            r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号|\d{9}/\d{4}-\d{5}|[A-Z]{2}\d{5}-\d{4}-\d{4}-\d{5}"
        ),
    ),
    (
        "mention.date",
        re.compile(
            r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|"
            r"\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])|\d{1,2}:\d{2}"
        ),
    ),
    ("mention.phone", re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{7,8})(?!\d)")),
    ("mention.postcode", re.compile(r"(?:邮编|邮政编码)\s*[:：]?\s*\d{6}")),
    ("mention.year", re.compile(r"(?:19|20)\d{2}(?=\s*年)|(?<![\d.])(?:19|20)\d{2}(?![\d.%])")),
    (
        "mention.ordinal",
        re.compile(
            r"^\s*[（(]?\d{1,2}[)）.．、:]|第\s*\d+|[（(]\d{1,2}[)）]|(?<![\d.])\d{1,2}(?=[.．、](?!\d))"
        ),
    ),
)


_HAS_DIGIT = re.compile(r"\d")
# cheap tests that tell when a special pattern cannot match a line at all
_HINTS: dict[str, re.Pattern[str]] = {
    "mention.url": re.compile(r"(?i)https?:|www\."),
    "mention.doc_number": re.compile(r"号|/|-"),
    "mention.postcode": re.compile(r"邮"),
    "mention.date": re.compile(r"年|月|[-/.:]|(?:19|20)\d{6}"),
}


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for a, b in spans:
        if a <= start and end <= b:
            return True
    return False


class _Cover:
    """`_covered` in O(log n) per query: spans sorted by start with the running maximum of their ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self.reach.append(best)

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start)
        return bool(k) and self.reach[k - 1] >= end


class _Spans:
    """A growing set of spans answering `_covered` fast (levels of _Cover merged like a binary counter).

    Long one-line reports hold tens of thousands of figures; a linear scan per figure was quadratic.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.levels: list[tuple[list[tuple[int, int]], _Cover]] = []
        self.pending: list[tuple[int, int]] = []
        if spans:
            self.levels.append((list(spans), _Cover(list(spans))))

    def append(self, span: tuple[int, int]) -> None:
        self.pending.append(span)
        if len(self.pending) < 32:
            return
        block = self.pending
        self.pending = []
        while self.levels and len(self.levels[-1][0]) <= 2 * len(block):
            block = self.levels.pop()[0] + block
        self.levels.append((block, _Cover(block)))

    def __call__(self, start: int, end: int) -> bool:
        return any(cover(start, end) for _, cover in self.levels) or _covered(self.pending, start, end)


class _SmallSpans(list[tuple[int, int]]):
    """The covered spans of a short line: a plain list, queried linearly (cheaper than _Spans there)."""

    def __call__(self, start: int, end: int) -> bool:
        return _covered(self, start, end)


def scan_mentions(lines: list[str], norm: list[str], spans: dict[int, list[tuple[int, int]]]) -> list[Fact]:
    """Mentions for every digit run of every line that `spans` (line → covered ranges) leaves open."""
    out: list[Fact] = []
    for i, line in enumerate(norm):
        if _HAS_DIGIT.search(line) is None:
            continue
        lineno = i + 1
        taken = spans.get(lineno, ())
        long_line = len(line) > 2000
        covered: _Spans | _SmallSpans = _Spans(list(taken)) if long_line else _SmallSpans(taken)
        if taken and all(covered(m.start(), m.end()) for m in _DIGITS.finditer(line)):
            continue  # the common case: a table cell or prose figure already holds every digit run
        for metric, pat in _SPECIAL:
            hint = _HINTS.get(metric)
            if hint is not None and hint.search(line) is None:
                continue
            for m in pat.finditer(line):
                if covered(m.start(), m.end()) or not any(ch.isdigit() for ch in m.group(0)):
                    continue
                if metric == "mention.ordinal":
                    d = _DIGITS.search(line, m.start())
                    if d is None or covered(d.start(), d.end()):
                        continue
                digits = "".join(ch for ch in m.group(0) if ch.isdigit())
                value = _num(digits)
                out.append(
                    Fact(
                        metric=metric,
                        value=value,
                        unit="",
                        line=lineno,
                        quote=m.group(0).strip()[:80],
                        dims={},
                        origin="prose",
                    )
                )
                covered.append((m.start(), m.end()))
        for m in _DIGITS.finditer(line):
            if covered(m.start(), m.end()):
                continue
            parsed = parse_number(m.group(0)) if len(m.group(0)) <= 18 else None
            value = parsed if parsed is not None else _num("".join(ch for ch in m.group(0) if ch.isdigit()))
            before = re.split(r"[，,；;。：:、|（）()]", line[max(0, m.start() - 16) : m.start()])[-1].strip()
            after = re.match(r"\s*([^\d\s，,；;。、|]{0,4})", line[m.end() :])
            out.append(
                Fact(
                    metric="mention.other",
                    value=value,
                    unit=(after.group(1)[:2] if after else ""),
                    line=lineno,
                    quote=line[max(0, m.start() - 16) : m.end() + 6].strip(),
                    dims={"label": before},
                    origin="prose",
                )
            )
            covered.append((m.start(), m.end()))
    return out


def _num(digits: str) -> int | float:
    if not digits:
        return 0
    return int(digits) if len(digits) <= 15 else float(digits)
