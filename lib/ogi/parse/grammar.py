"""The enumeration grammar of running text: the figures of a sentence as items (label, number, unit).

The named rules of `prose_rules` decide what a figure means; this module decides, once, what the figures
of a sentence are: every 'number + unit', the numbers of a label–number run whose unit was printed only
once (发布工作动态22会议纪要9、人事信息5条) or dropped by a damaged page (发布信息数量144), the units the items
of a list share (其中政策类：规章2件、规范性文件6件；… under a total in 条), and the approximate figures
(5500余条, 近3万条) with their qualifier. The words come from the lexicon object it is given.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from ogi.parse.lexicon import DEFAULT, Lexicon

_rx = lru_cache(maxsize=None)(re.compile)


class Figure(NamedTuple):
    """One figure of a sentence: the number as printed, its unit, where they stand, and how it was read."""

    tok: str  # the number as printed (digits or Chinese numerals)
    unit: str  # the unit as printed ('' never: an inherited unit is filled in)
    start: int  # where the number starts in the sentence
    end: int  # where the figure (number and unit) ends
    num_end: int  # where the number ends
    inherited: bool = False  # the unit was printed once for a run of items: taken from its siblings
    scale: int = 1  # 10000 for 近3万条 (approximate figures only)
    dropped: bool = False  # a damaged page dropped the unit after a count label (发布信息数量144)


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = "(?:" + "|".join(sorted(lex.UNITS, key=len, reverse=True)) + ")"
    num = re.compile(rf"(\d[\d,，]*(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*((?:余|多)?\s*{units})")
    # a bare number between a label and the next label or separator: 动态22会议纪要9、 / 信息数量144
    bare = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,7})(?=[\u4e00-\u9fff、，,；;。）)]|\s*$)")
    wan = re.compile(rf"(\d+(?:\.\d+)?)\s*{lex.TEN_THOUSAND}\s*(?:余|多)?\s*({units})")
    return num, bare, wan


_NOT_A_RUN_AFTER = re.compile(r"[年月日号时分秒期届次批岁万亿千百余多类种方大%％.．]")
_NOT_A_RUN_BEFORE = re.compile(r"(?:第|每|前|近|约|超|逾|共有|截至|至)$")


def figures(sent: str, lex: Lexicon = DEFAULT) -> list[Figure]:
    """Every figure of the sentence in order: 'number + unit', the items of label–number runs that print
    their unit once, a damaged '…数量144' item, and approximate '近3万条' figures (scale 10000)."""
    num, bare, wan = _patterns(lex)
    out = [Figure(m.group(1), m.group(2), m.start(), m.end(), m.end(1)) for m in num.finditer(sent)]
    if lex.TEN_THOUSAND in sent:
        for m in wan.finditer(sent):
            if _approx_before(sent, m.start(), lex) or _rx(r"余|多").search(m.group(0)):
                out = [f for f in out if not m.start() <= f.start < m.end()]
                out.append(Figure(m.group(1), m.group(2), m.start(), m.end(), m.end(1), scale=10000))
        out.sort(key=lambda f: f.start)
    if not out and not _rx(lex.BARE_COUNT_LABEL).search(sent):
        return out
    starts = [f.start for f in out]  # sorted: figures are looked up by bisection, linear in long lines
    extra: list[Figure] = []
    for m in bare.finditer(sent):
        a, b = m.start(1), m.end(1)
        k = bisect.bisect_right(starts, a) - 1
        if (k >= 0 and a < out[k].end) or _NOT_A_RUN_AFTER.match(sent, b):
            continue
        if _NOT_A_RUN_BEFORE.search(sent, max(0, a - 2), a) or _rx(lex.NAME_NUMBER).fullmatch(m.group(1)):
            continue
        unit = _run_unit(sent, b, out, starts, lex)
        if unit:
            extra.append(Figure(m.group(1), unit, a, b, b, inherited=True))
        elif unit := _count_label_unit(sent, a, lex):
            extra.append(Figure(m.group(1), unit, a, b, b, dropped=True))
    if not extra:
        return out
    return sorted(out + extra, key=lambda f: f.start)


def _run_unit(sent: str, pos: int, printed: list[Figure], starts: list[int], lex: Lexicon) -> str:
    """The unit of the next printed item in the same clause group (up to ；or 。), when the bare number
    stands in a list: 工作动态22会议纪要9、人事信息5条 prints 条 once, for all three."""
    group_end = len(sent)
    stop = _rx(r"[；;。]").search(sent, pos)
    if stop:
        group_end = stop.start()
    k = bisect.bisect_left(starts, pos)
    nxt = printed[k] if k < len(printed) and printed[k].start < group_end else None
    if nxt is None or nxt.unit not in lex.LIST_ITEM_UNITS:
        return ""
    between = sent[pos : nxt.start]
    if not _rx(r"^[\u4e00-\u9fff“”、，,\s（）()\d]*$").match(between):
        return ""  # anything but labels and list separators between them: no run
    return str(nxt.unit)


def _count_label_unit(sent: str, pos: int, lex: Lexicon) -> str:
    """发布信息数量144 (a damaged page dropped the unit): a label that names a count of published items."""
    label = _rx(r"[，,；;：:、。]").split(sent[max(0, pos - 24) : pos])[-1]
    return "条" if _rx(lex.BARE_COUNT_LABEL + "$").search(label) else ""


def list_units(sent: str, lex: Lexicon = DEFAULT) -> frozenset[str]:
    """The units two or more items of the sentence's list share, after its opener (其中/包括/具体为 …)."""
    m = _rx(lex.LIST_OPENERS).search(sent)
    if m is None:
        return frozenset()
    counts = Counter(f.unit for f in figures(sent[m.end() :], lex) if f.unit in lex.LIST_ITEM_UNITS)
    return frozenset(u for u, n in counts.items() if n >= 2)


def _approx_before(sent: str, pos: int, lex: Lexicon) -> bool:
    return _rx(lex.APPROX_BEFORE).search(sent, max(0, pos - 4), pos) is not None


def approx(sent: str, fig: Figure, lex: Lexicon = DEFAULT) -> str:
    """The approximate qualifier of a figure (余 多 约 近 超), or '' when it is exact (or only a bound:
    至少, 以上, 左右 give no qualifier)."""
    around = sent[max(0, fig.start - 4) : fig.start] + "|" + sent[fig.num_end : fig.end + 1]
    for word, mark in lex.APPROX_QUALIFIERS:
        if word in ("余", "多"):
            if _rx(rf"\s*(?:{lex.TEN_THOUSAND})?\s*{word}").match(sent, fig.num_end):
                return mark
        elif _rx(rf"{word}\s*\|").search(around):
            return mark
    return ""


_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}[)）]")
_NOISE_Q = re.compile(r"\?(?=\s*\d)|(?<=[\d\u4e00-\u9fff])\?")


def clean(line: str) -> tuple[str, list[int]] | None:
    """A line without pinyin glosses (報(bào)告) and the '?' a converter put around figures (共?1340條?),
    with each kept character's position in the line; None when there is nothing to remove."""
    has_gloss = _GLOSS.search(line) is not None
    has_noise = "?" in line and _rx(r"\?\s*\d|\d\s*[\u4e00-\u9fff]?\?").search(line) is not None
    if not has_gloss and not has_noise:
        return None
    drop: set[int] = set()
    if has_gloss:
        for m in _GLOSS.finditer(line):
            drop.update(range(m.start(), m.end()))
    if has_noise:
        for m in _NOISE_Q.finditer(line):
            drop.add(m.start())
    keep = [i for i in range(len(line)) if i not in drop]
    return "".join(line[i] for i in keep), keep


def category_runs(sent: str, figs: list[Figure], lex: Lexicon = DEFAULT) -> dict[int, int]:
    """Runs of three or more sibling items (规范性文件2条、财政信息2条、人事信息13条…): figure index → its
    place in the run (0 for the first). A sibling follows the previous figure after 、 or a comma with
    a short label of its own that has no verb, no channel and no other metric's words; the first item's
    words hold a publish verb (the run lists what was published, not 回复留言120条、办理建议15条)."""
    places: dict[int, int] = {}
    chain: list[int] = []

    def close() -> None:
        if len(chain) < 3:
            return
        lead = _rx(r"[，,；;。：:]").split(sent[: figs[chain[0]].start])[-1]
        if _rx(lex.PROACTIVE_VERB).search(lead):  # a list of what was published (发布工作动态120条、…)
            places.update({k: n for n, k in enumerate(chain)})

    sibling_label = _rx(
        rf"^\s*[、，,]\s*(?!.*(?:{lex.PROACTIVE_VERB}|{lex.OTHER_METRIC_WORDS}|{lex.NOT_A_KIND}|{lex.LIST_OPENERS}))"
        r"[^，,；;。：:、\d]{1,20}$"
    )
    for k in range(len(figs)):
        if k and figs[k].unit in lex.ITEM_UNITS and figs[k - 1].unit in lex.ITEM_UNITS:
            between = sent[figs[k - 1].end : figs[k].start]
            if sibling_label.match(between) and not _channel_word(between, lex):
                chain = chain or [k - 1]
                chain.append(k)
                continue
        close()
        chain = []
    close()
    return places


def _channel_word(text: str, lex: Lexicon) -> bool:
    return any(_rx(pat).search(text) for pat, _ in lex.CHANNELS)


_LEAD_ONLY = re.compile(
    r"^[、，,；;：:\s]*(?:[^，,；;。：:]*?(?:发布|公开|推送|公示|包括|其中|分别为|分别是|主要有|具体为)了?)?"
    r"[、，,；;：:和及与\s]*$"
)
_SIBLING_GAP = re.compile(r"^[、，,；;和及与\s]*$")
_AFTER_LABEL = re.compile(r"([\u4e00-\u9fff“”《》]{2,20}?)(?=[、，,；;。和及与（(]|$)")


def number_first(sent: str, figs: list[Figure], lex: Lexicon = DEFAULT) -> dict[int, str]:
    """Items written number first (包括23条工作动态、5条通知公告和2条人事信息): figure index → the label after
    its unit. The first stands after a lead only (a publish verb, 包括, 其中), each next one right after
    the previous item's label and a separator; two or more make a run."""
    out: dict[int, str] = {}
    run: dict[int, str] = {}
    prev_end = 0
    for k, f in enumerate(figs):
        m = _AFTER_LABEL.match(sent, f.end)
        label = m.group(1) if m and not _rx(lex.PROACTIVE_VERB).search(m.group(1)) else ""
        before = sent[prev_end : f.start]
        gap_ok = _SIBLING_GAP.match(before) if run else _LEAD_ONLY.match(before)
        if label and gap_ok:
            run[k] = label
            prev_end = m.end() if m else f.end
            continue
        if len(run) >= 2:
            out.update(run)
        run = {}
        prev_end = f.end
        if label and _LEAD_ONLY.match(before):
            run[k] = label
            prev_end = m.end() if m else f.end
    if len(run) >= 2:
        out.update(run)
    return out
