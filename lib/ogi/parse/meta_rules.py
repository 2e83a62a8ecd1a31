"""Metadata rules: small named rules, tried in order, each reading one kind of place in a report.

Agency rules look only where a report names itself (its title, a heading, the metadata block, the
opening sentence's 由…编制 / 现公布…, the signature); year rules read the title, the 统计期限 sentence
and, last, the years the opening lines talk about. Each rule returns `Found` items carrying its name,
so a test can say which rule gave (or broke) a value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from ogi.parse import meta_lexicon as L
from ogi.parse.meta_names import CJK, NAME_END, YEAR, clean, plausible, printed_name, reduce, year_of

# a pinyin gloss a mirror inserts after a character (統(tǒng)計局): dropped before names are read
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,7}[）)]")
_GLOSS_HINT = re.compile(r"[\u4e00-\u9fff][（(][a-z]*[\u00e0-\u00fc\u0101-\u01dc][a-z]*[）)]")
HEAD_LINES = 25  # where titles, headings and metadata blocks stand
OPENING_LINES = 60  # the lines the opening text is taken from
_BULLETS = " \t\u3000•·*#"  # stripped from the start of a line
OPENING_CHARS = 2000  # the opening sentences, line breaks removed
TAIL_LINES = 12  # where the signature stands


@dataclass(frozen=True, slots=True)
class Found:
    """What one rule read: a name as printed (region chain included) and/or a year."""

    rule: str
    name: str | None = None
    year: int | None = None


@dataclass(slots=True)
class Context:
    """The places rules read, computed once per report."""

    head: list[str]  # the first non-empty lines, stripped of bullets and spaces
    opening: str  # the opening text without line breaks or spaces
    tail: list[str]  # the last non-empty lines, stripped
    norm: list[str]  # every line (the whole text is joined only by the rules that need it)
    titles: list[tuple[str, tuple[str, int | None, str]]]  # the head's titles (see `titles`)
    first: list[str] = field(default_factory=list)  # the opening lines, one by one
    source: str = ""  # the file's name as given (a last source of agency and year)

    @classmethod
    def of(cls, norm: list[str], source: str = "") -> Context:
        if any(_GLOSS_HINT.search(x) for x in norm[:OPENING_LINES]):
            norm = [_GLOSS.sub("", x) for x in norm]
        first = _nonempty(norm, OPENING_LINES, HEAD_LINES, OPENING_CHARS)
        last = _nonempty(reversed(norm), TAIL_LINES)[::-1]
        opening = re.sub(r"\s+", "", "".join(first))[:OPENING_CHARS]
        head = first[:HEAD_LINES]
        return cls(head, opening, last, norm, titles(head), first, source)

    def body(self) -> str:
        """The whole text, lines joined."""
        return "\n".join(self.norm)


def _nonempty(lines: Iterable[str], n: int, at_least: int = 0, chars: int = 0) -> list[str]:
    """The first n non-empty lines, stripped of bullets and spaces (only those are looked at).

    With `chars`, stop earlier: once `at_least` lines and `chars` characters have been read.
    """
    out: list[str] = []
    size = 0
    for x in lines:
        x = x.lstrip(_BULLETS).strip()
        if x:
            out.append(x)
            size += len(x)
            if len(out) >= n or (chars and size >= chars and len(out) >= at_least):
                break
    return out


_TITLE = re.compile(
    rf"^(?P<pre>.{{0,40}}?){YEAR}\s*年度?(?P<post>.{{0,30}}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?"
    r"(?:的)?(?:报告|年报)"
)
_TITLE_YEAR_AFTER = re.compile(  # 兴华乡政府信息公开工作年度报告（2010年）
    rf"^(?P<pre>.{{2,30}}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告\s*[（(]\s*{YEAR}\s*年?度?\s*[)）]"
)
_TITLE_NOYEAR = re.compile(r"^(?P<pre>.{2,30}?)(?:政府)?信息公开(?:工作)?年度报告$")
_SENTENCE_MARK = re.compile(r"[，,。；;！？!?]")
_TITLE_LABEL = re.compile(r"^(?:标\s*题|题\s*目)(?:\s*[:：|]\s*)+")


def _name_part(s: str, *, in_prose: bool = False, title: bool = False) -> str | None:
    """The name in a title part: no title label, no 关于, a 人民 cut by 政府信息公开 made whole again."""
    s = clean(s)
    s = re.sub(r"^关于|关于$", "", s)
    if s.endswith("人民"):
        s += "政府"
    if title:
        return s if printed_name(s) else None
    return s if plausible(s, in_prose=in_prose) else None


def title_parts(line: str) -> tuple[str, int | None, str] | None:
    """(text before the year, year, text after it) of a report title standing at the start of a line."""
    if "信息公开" not in line:
        return None
    s = _TITLE_LABEL.sub("", line)
    if s.startswith(L.SENTENCE_OPENERS) or "《" in s[1:12]:
        return None
    m = _TITLE.match(s)
    if (
        m
        and len(m.group("pre")) <= 40
        and len(m.group("post")) <= 30
        and not _SENTENCE_MARK.search(m.group("pre") + m.group("post"))
    ):
        return m.group("pre"), year_of(m.group(2)), m.group("post")
    m = _TITLE_YEAR_AFTER.match(s)
    if m and not _SENTENCE_MARK.search(m.group("pre")):
        return m.group("pre"), year_of(m.group(2)), ""
    m = _TITLE_NOYEAR.match(s)
    if m and not _SENTENCE_MARK.search(m.group("pre")) and m.group("pre") != "政府":
        return m.group("pre"), None, ""
    return None


def titles(head: list[str]) -> list[tuple[str, tuple[str, int | None, str]]]:
    """Every title in the head as (text up to 报告, parts); a title broken over two lines is joined."""
    out = []
    head = [_TITLE_LABEL.sub("", s).split("|")[0].strip() if _TITLE_LABEL.match(s) else s for s in head]
    alone = [title_parts(s) for s in head] + [None]
    for i, s in enumerate(head):
        nxt = head[i + 1] if i + 1 < len(head) else ""
        if ("信息公开" not in s and "信息公开" not in nxt) or _chrome_marks(s):
            continue
        text = s
        parts = alone[i]
        if not parts and not alone[i + 1] and not _SENTENCE_MARK.search(s) and len(s + nxt) <= 60:
            text, parts = s + nxt, title_parts(s + nxt)
        if parts:
            end = re.search(r"(?:报告|年报)", _TITLE_LABEL.sub("", text))
            text = _TITLE_LABEL.sub("", text)
            out.append((text[: end.end()] if end else text, parts))
    return out


def rule_title(ctx: Context) -> list[Found]:
    """The report's title: 2018年梅岭街道办事处政府信息公开工作年度报告 / 梅岭街道2017年…报告."""
    out = []
    for _text, (pre, year, post) in ctx.titles:
        name = _name_part(post, title=True) or _name_part(pre, title=True)
        out.append(Found("title", name, year))
    return out


_CRUMBS = re.compile(r"\s[" + re.escape(L.BREADCRUMB_MARKS.replace("|", "")) + r"]\s|首页|位置[:：]")
_CHROME = re.compile("|".join(map(re.escape, L.SITE_CHROME)) + "|[" + re.escape(L.BREADCRUMB_MARKS) + "]")


def _chrome_marks(line: str) -> bool:
    """A breadcrumb (首页 > 政务公开 > …, 当前位置：…): never a title."""
    return _CRUMBS.search(line) is not None


def _chrome(line: str) -> bool:
    return _CHROME.search(line) is not None


_BODY_START = re.compile(r"[。；]|^[一二三四五六七八九十]+[、.．]")


def rule_heading(ctx: Context) -> list[Found]:
    """A line near the top that is only a body's name (淮安市人民政府 above its title)."""
    out = []
    for s in ctx.head[:12]:
        if _BODY_START.search(s):
            break  # the body has begun: a name standing alone further down is a signature or a list
        if not _chrome(s) and plausible(clean(s)) and not re.search(r"\d", s):
            out.append(Found("heading", clean(s)))
    return out


def _label_rx(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a cell that is only a label, a label followed by : and its value)."""
    alt = "|".join(map(re.escape, labels))
    return re.compile(rf"(?:{alt})"), re.compile(rf"(?:{alt})\s*[:：]\s*({CJK}{{2,30}})")


def _label_values(ctx: Context, rx: tuple[re.Pattern[str], re.Pattern[str]], rule: str) -> list[Found]:
    out = []
    cell_rx, value_rx = rx
    for i, s in enumerate(ctx.head):
        if not cell_rx.search(s):
            continue
        cells = [c.strip() for c in s.split("|")]
        if len(cells) > 2 and i + 1 < len(ctx.head):  # a metadata table: the value is below its label
            below = [c.strip() for c in ctx.head[i + 1].split("|")]
            for j, c in enumerate(cells):
                if cell_rx.fullmatch(c) and j < len(below) and plausible(clean(below[j])):
                    out.append(Found(rule, clean(below[j])))
        for m in value_rx.finditer(s):
            value = clean(m.group(1))
            if plausible(value):
                out.append(Found(rule, value))
    return out


_PUBLISHER = _label_rx(L.PUBLISHER_LABELS)
_SOURCE = _label_rx(L.SOURCE_LABELS)


def rule_publisher_label(ctx: Context) -> list[Found]:
    """The metadata block's 发布机构 / 信息来源 / 发文机关 value."""
    return _label_values(ctx, _PUBLISHER, "publisher_label")


def rule_source_label(ctx: Context) -> list[Found]:
    """A CMS page's bare 来源: value, when it is a body's name (not 本网)."""
    return _label_values(ctx, _SOURCE, "source_label")


_COMPILED = re.compile(
    rf"由({CJK}{{2,30}}?{NAME_END})(?=" + "|".join(L.COMPILED_AFTER) + r")[^。]{0,120}?编制"
)


def rule_compiled_by(ctx: Context) -> list[Found]:
    """The opening sentence's 本报告由X编制 / 由X根据《条例》…编制."""
    return [
        Found("compiled_by", m.group(1))
        for m in _COMPILED.finditer(ctx.opening)
        if plausible(m.group(1), in_prose=True)
    ]


_VERBS = "|".join(map(re.escape, L.ANNOUNCE_VERBS))
_ANNOUNCED = re.compile(rf"(?:{_VERBS})[《“\"]?({CJK}{{2,30}}?){YEAR}\s*年")
_NAMED_REPORT = re.compile(
    rf"{YEAR}\s*年度?({CJK}{{0,30}}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
)


def rule_announce(ctx: Context) -> list[Found]:
    """The opening sentence names the report: 现公布X2018年… / 现发布《X2025年…》 / 编制2021年度X信息公开年度报告."""
    out = []
    for m in _ANNOUNCED.finditer(ctx.opening):
        name = _name_part(m.group(1), in_prose=True)
        if name:
            out.append(Found("announce", name, year_of(m.group(2))))
    for m in _NAMED_REPORT.finditer(ctx.opening):
        # 现将2019年度政府信息公开工作年度报告公布如下: the year without a name
        out.append(Found("announce", _name_part(m.group(2), in_prose=True), year_of(m.group(1))))
    return out


_TRAILING_DATE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布|制)?\s*$")


def rule_signature(ctx: Context) -> list[Found]:
    """The signature: a body's name on a short line at the end, a date beside it or not."""
    for s in reversed(ctx.tail):
        name = clean(_TRAILING_DATE.sub("", s))
        if len(name) <= 30 and not _chrome(s) and plausible(name):
            return [Found("signature", name)]
    return []


_CONTACT = re.compile(rf"请与({CJK}{{2,30}}?{NAME_END})联系")


def rule_contact(ctx: Context) -> list[Found]:
    """如对本报告有任何疑问，请与X联系: the body itself, not one of its offices (X办公室 is a desk)."""
    return [
        Found("contact", m.group(1))
        for m in _CONTACT.finditer(ctx.opening)
        if plausible(m.group(1), in_prose=True) and not m.group(1).endswith(L.CONTACT_DESKS)
    ]


_LOCAL = re.compile(r"街道|镇|乡")
_STEM = re.compile(rf"{CJK}{{0,4}}$")
_UNIT_CHAR = re.compile(
    "[" + "".join(u[-1] for u in L.REGION_UNITS) + "]"
)  # 永嘉县|北城街道: a stem stops here


def rule_frequent_local_name(ctx: Context) -> list[Found]:
    """Last resort: a township or street name the text uses three times or more (沙塘镇积极…).

    Every 2–4 character stem before 街道/镇/乡 is counted (not across a region unit: 永嘉县北城街道 gives
    北城街道); the most used wins, the longer on a tie.
    """
    counts: Counter[str] = Counter()
    body = ctx.body()
    for m in _LOCAL.finditer(body):
        before = _STEM.search(body[max(0, m.start() - 4) : m.start()])
        stem = before.group(0) if before else ""
        for k in range(2, len(stem) + 1):
            cand = stem[-k:] + m.group(0)
            if plausible(cand, in_prose=True) and not _UNIT_CHAR.search(stem[-k:-2]):
                counts[cand] += 1
    best = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return [Found("frequent_local_name", best[0][0])] if best and best[0][1] >= 3 else []


_PERIOD = re.compile(
    rf"(?:统计期限|统计时限|统计时间|数据期限)[^。]{{0,20}}?{YEAR}\s*年\s*1\s*月\s*1\s*日"
    rf"|自{YEAR}\s*年\s*1\s*月\s*1\s*日起?至(?:{YEAR}\s*年\s*)?12\s*月\s*31\s*日"
)


def rule_period(ctx: Context) -> list[Found]:
    """The 统计期限 sentence: 本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止."""
    out = []
    for m in _PERIOD.finditer(ctx.opening):
        y = year_of(m.group(1) or m.group(2))
        if y:
            out.append(Found("period", year=y))
    return out


_SPOKEN_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_UNTIL = re.compile(r"截[止至]\s*((?:19|20)\d{2})\s*1231")


def rule_opening_years(ctx: Context) -> list[Found]:
    """Last resort for the year: the year the opening lines speak of most (dates excluded)."""
    years: Counter[int] = Counter()
    for line in ctx.head + ctx.norm[HEAD_LINES:60]:
        for m in _SPOKEN_YEAR.finditer(line):
            years[int(m.group(1))] += 1
        for m in _UNTIL.finditer(line):
            years[int(m.group(1))] += 3
    if not years:
        return []
    return [Found("opening_years", year=max(years.items(), key=lambda kv: (kv[1], -kv[0]))[0])]


def rule_file_name(ctx: Context) -> list[Found]:
    """The file's name when it is a report title (某某县财政局2022年政府信息公开工作年度报告.html) or a name."""
    stem = PurePath(ctx.source.replace("\\", "/")).stem if ctx.source else ""
    stem = re.sub(r"[\s_]+", "", stem)
    if not stem or not re.search(r"[\u4e00-\u9fff]", stem):
        return []
    parts = title_parts(stem)
    if parts:
        pre, year, post = parts
        return [Found("file_name", _name_part(post, title=True) or _name_part(pre, title=True), year)]
    return [Found("file_name", clean(stem))] if plausible(clean(stem)) else []


_LEAD_TIME = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年度?(?:以来|全年|上半年)?|今年以来|本年度|一年来|近年来|过去一年|全年|年内)[，,]?"
)
_LEAD_CLAUSE = re.compile("^(?:" + "|".join(map(re.escape, L.SUBJECT_LEADS)) + r")[^，,。；]{0,60}[，,]")
_SUBJECT = re.compile(rf"^({CJK}{{2,30}}?{NAME_END})(?=" + "|".join(map(re.escape, L.SUBJECT_VERBS)) + ")")
_PARTY = re.compile(r"[省市区县州旗镇乡]委(?!员会)|党委|党工委|人大|政协")
_HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_SELF = re.compile(r"(?:我|本)(" + "|".join(map(re.escape, L.SELF_KINDS)) + ")")


def _self_kinds(text: str) -> set[str]:
    """The kind words the report calls itself by (我局 → 局, 本街道 → 街道)."""
    return {m.group(1) for m in _SELF.finditer(text)}


def _fits_kind(name: str, kinds: set[str]) -> bool:
    """A name is the body a self-reference speaks of: 我局 → …局, 我街道 → …街道/…办事处, 我镇 → …镇/…镇人民政府."""
    if not kinds:
        return True
    core = re.sub(r"(?:人民政府|政府|办事处|办)$", "", name) or name
    for kind in kinds:
        if name.endswith(kind) or core.endswith(kind) or (kind == "办" and name.endswith("办公室")):
            return True
        if kind in ("街道", "街道办事处", "办事处") and (core.endswith("街道") or name.endswith("办事处")):
            return True
    return False


def rule_opening_subject(ctx: Context) -> list[Found]:
    """The subject of an opening sentence (2023年，某某街道办事处认真贯彻… / 某某局高度重视…).

    Only at the start of a sentence, after at most a time and one adverbial clause, and only when a
    verb of `SUBJECT_VERBS` follows: an upper-level body named in the clause (在区委、区政府的领导下，
    按照市政府办公室要求，) is never the subject; party bodies are never the reporting agency; a name
    that does not fit how the report calls itself (我局 vs …街道) is left out.
    """
    kinds = _self_kinds(ctx.opening)
    out = []
    for line in ctx.first:
        if _HEADING_LINE.match(line) and len(line) <= 20:
            continue
        for sentence in re.split(r"[。；;！？!?]", re.sub(r"\s+", "", line)):
            s = _HEADING_LINE.sub("", sentence)
            s = _LEAD_TIME.sub("", s)
            for _ in range(2):
                s = _LEAD_TIME.sub("", _LEAD_CLAUSE.sub("", s, count=1))
            m = _SUBJECT.match(s)
            if not m:
                continue
            name = m.group(1)
            if plausible(name, in_prose=True) and not _PARTY.search(name) and _fits_kind(name, kinds):
                out.append(Found("opening_subject", name))
    return out[:1]


_LOCAL_KINDS = ("街道", "镇", "乡")
_STOP_IN_STEM = "本我全各该和及与在对为的了是等个《》“”、，,。：:（）()"
_UNIT_IN_STEM = "区县市省州旗"


def _stem(s: str) -> str:
    """The end of `s` that can begin a local name: cut after a stop word, or after a region unit that
    leaves two characters or more (宝山区友谊路 → 友谊路, but 红旗 stays 红旗)."""
    for i in range(len(s) - 1, -1, -1):
        if s[i] in _STOP_IN_STEM or (s[i] in _UNIT_IN_STEM and len(s) - i - 1 >= 2):
            return s[i + 1 :]
    return s


def rule_self_reference(ctx: Context) -> list[Found]:
    """我镇 / 本街道 / 街道 as a subject resolved to the one name of that kind the text prints (友谊路街道).

    Only when one name of the kind is used twice or more and more often than any other (a township
    named once may be a neighbour): otherwise nothing.
    """
    text = ctx.body()
    kinds = _self_kinds(ctx.opening)
    if re.search(r"(?:^|[，,。；\n])街道(?=[\u4e00-\u9fff])", text[: OPENING_CHARS * 2]):
        kinds.add("街道")
    names: Counter[str] = Counter()
    for kind in kinds:
        if kind in _LOCAL_KINDS:
            for m in re.finditer(kind, text):
                stem = re.search(rf"{CJK}{{2,4}}$", text[max(0, m.start() - 4) : m.start()])
                if not stem:
                    continue
                cut = _stem(stem.group(0))
                name = cut + kind
                if len(cut) >= 2 and not cut.endswith(L.STEM_VERBS) and plausible(name, in_prose=True):
                    names[name] += 1
        elif kind in ("局", "委", "厅", "中心", "办公室", "委员会"):
            for m in re.finditer(
                rf"(?:^|(?<=[，,。；：:《“\s]))({CJK}{{2,20}}?{kind})(?!{CJK}{{0,2}}[局委厅])", text
            ):
                name = m.group(1)
                agency, chain = reduce(name)
                if plausible(name, in_prose=True) and not _PARTY.search(name) and chain:
                    names[agency] += 1  # a department only with its region (教育局 alone is anyone's)
    ranked = names.most_common()
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return []  # named once (another body's mention), or two names used as often
    return [Found("self_reference", ranked[0][0])]


Rule = Callable[[Context], list[Found]]

# Tried in this order; the first name found is the agency, later ones may only lengthen it.
AGENCY_RULES: dict[str, Rule] = {
    "title": rule_title,
    "publisher_label": rule_publisher_label,
    "heading": rule_heading,
    "compiled_by": rule_compiled_by,
    "announce": rule_announce,
    "signature": rule_signature,
    "source_label": rule_source_label,
    "contact": rule_contact,
    "file_name": rule_file_name,
    "opening_subject": rule_opening_subject,
    "self_reference": rule_self_reference,
    "frequent_local_name": rule_frequent_local_name,
}

# Run only when no rule before them read a name (the text's own naming places come first; these read
# prose or the whole text, so a report with a title never pays for them).
LAST_RESORT = frozenset({"file_name", "opening_subject", "self_reference", "frequent_local_name"})

# Tried in this order; the first year found is the year covered.
YEAR_RULES: dict[str, Rule] = {
    "title": rule_title,
    "period": rule_period,
    "announce": rule_announce,
    "file_name": rule_file_name,
    "opening_years": rule_opening_years,
}
