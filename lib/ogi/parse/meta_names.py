"""Names of reporting bodies: is a string a plausible name, and where does its region chain end.

A name is accepted only whole (it ends with an agency suffix or a region unit and carries no prose
words), so a fragment of running prose (省委省政府决策部署和市) never becomes an agency.
"""

from __future__ import annotations

import re

from ogi.parse import meta_lexicon as L
from ogi.text import cn_to_number

CJK = r"[\u4e00-\u9fff]"
YEAR = r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})"
SUFFIX = "(?:" + "|".join(map(re.escape, L.AGENCY_SUFFIXES)) + ")"
UNIT = "(?:" + "|".join(map(re.escape, L.REGION_UNITS)) + ")"
NAME_END = rf"(?:{SUFFIX}|{UNIT})"
_SUFFIX_END = re.compile(SUFFIX + "$")
_UNIT_END = re.compile(UNIT + "$")
_ONE_UNIT = re.compile(rf"{CJK}{{2,6}}?{UNIT}")
_LOCAL_END = re.compile("(?:" + "|".join(map(re.escape, L.LOCAL_SUFFIXES)) + ")$")
_ALIAS = re.compile(rf"[（(][^（）()]{{1,20}}{SUFFIX}[）)]$")
_JUNK = re.compile(r"[\s《》“”\"'「」『』]")


def year_of(s: str) -> int | None:
    """'2018' → 2018, '二〇一八' → 2018; None outside 1990–2100."""
    v = int(s) if s.isdigit() else cn_to_number(s)
    return v if v and 1990 <= v <= 2100 else None


def clean(s: str) -> str:
    """Drop spaces and quote marks a name may be printed with."""
    return _JUNK.sub("", s)


_ALL_CJK = re.compile(rf"{CJK}+")
_PROSE = re.compile("|".join(map(re.escape, L.PROSE_MARKERS)))
_SENTENCE = re.compile(r"[，,。；;！？!?：:\s]")


def plausible(name: str, *, in_prose: bool = False) -> bool:
    """A whole name of a body or region: CJK only, a known ending, more than the ending, no prose words.

    `in_prose`: the name was cut out of a sentence, so it must not start like a sentence (我镇, 各部门).
    """
    if not 2 <= len(name) <= 30 or not _ALL_CJK.fullmatch(name):
        return False
    if _PROSE.search(name) or name.startswith(L.SELF_REFERENCE):
        return False
    if in_prose and name.startswith(L.NAME_STOP_STARTS):
        return False
    m = _SUFFIX_END.search(name) or _UNIT_END.search(name)
    if not m:
        return False
    stem = name[: m.start()]
    return len(stem) >= 2 or (len(stem) == 1 and not _UNIT_END.search(stem))


def printed_name(name: str) -> bool:
    """A name as a title prints it: `plausible`, or any text ending in an agency suffix that is not a sentence.

    Titles are the one place a report names itself in full, so a name with Latin letters, digits or marks
    (a hostile `<script>…</script>局` too) is kept as printed rather than lost.
    """
    if plausible(name):
        return True
    bare = _ALIAS.sub("", name)  # 自治区民委(宗教事务局): the name before its alias in brackets
    end = _SUFFIX_END.search(bare)
    return (
        2 <= len(name) <= 60
        and end is not None
        and end.start() > 0
        and not _SENTENCE.search(name)
        and not _PROSE.search(name)
        and not name.startswith(L.SELF_REFERENCE)
    )


def split_chain(name: str) -> tuple[str, str]:
    """'深圳市福田区华富街道办事处' → ('深圳市福田区', '华富街道办事处'): region units while the rest stays a name."""
    pos = 0
    while True:
        m = _ONE_UNIT.match(name, pos)
        if not m or not plausible(name[m.end() :]) or not _SUFFIX_END.search(name[m.end() :]):
            return name[:pos], name[pos:]
        pos = m.end()


def is_local(name: str) -> bool:
    """A street office or township: printed without its county, which goes to `region`."""
    return bool(_LOCAL_END.search(name))


def reduce(name: str) -> tuple[str, str]:
    """(agency, region chain) of a printed name: a street keeps no county, a department keeps its last unit."""
    chain, rest = split_chain(name)
    if not chain:
        return name, ""
    if rest.startswith("人民政府") and is_local(rest[4:]) and plausible(rest[4:]):
        rest = rest[4:]  # 高港区人民政府沿江街道办事处: the district government is the street's region
    if is_local(rest):
        return rest, chain
    units = _ONE_UNIT.findall(chain)
    return (units[-1] if units else "") + rest, chain
