"""Figures in running text, bound to what they count (主动公开政府信息119条, 现场接待78人次 …).

Each sentence is scanned for counts (a number and a unit, Arabic or Chinese numerals). The words
before the number (and, when those say little, the words after it) decide the metric through the
rules in RULES; list context carries across a sentence (…信息99条，其中，机构职能类1条 …) so that
category items bind to the proactive total they break down. Negative statements (未收到…申请,
没有…行政复议) become explicit zeros. What no rule claims is left to the mention scanner.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.facts import Fact
from ogi.text import cn_to_number, parse_number

_rx = lru_cache(maxsize=None)(re.compile)  # string patterns compiled once, looked up in C

UNITS = r"(?:人次|万元|元|条|件|次|人|名|个|篇|份|起|场|期|项|户|册|家|批|处|余条|余件|余次|多条|余人次|余人)"
_NUM = re.compile(rf"(\d[\d,，]*(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*({UNITS})")
_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_SENT = re.compile(r"[^。！？!?]+[。！？!?]?")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:、（）()“”\"《》]")
_CHANNELS: tuple[tuple[str, str], ...] = (
    (r"微信(?!群)|公众号", "wechat"),
    (r"微博", "weibo"),
    (r"公开栏|揭示板|公示栏|宣传栏|公告栏", "bulletin_board"),
    (r"公报", "gazette"),
    (r"新媒体|抖音|视频号", "new_media"),
    (r"网站|门户|网上公开|网上|政务网|公开网", "website"),
)
_COMPLAINT = re.compile(r"12345|热线|专线|投诉|举报|信访|交办|指挥平台|意见建议|网民|来信|诉求")
_INQUIRY = re.compile(r"咨询|接待|来访|来电|访问")
_NEG = re.compile(r"(?:没有|未|无|均未|尚未|暂无|无一)")


@dataclass(slots=True)
class ProseFacts:
    facts: list[Fact] = field(default_factory=list)
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # line → covered [start, end)

    def add(self, fact: Fact, line: int, start: int, end: int) -> None:
        self.facts.append(fact)
        self.spans.setdefault(line, []).append((start, end))


def _channel(label: str) -> str | None:
    for pat, code in _CHANNELS:
        if re.search(pat, label):
            return code
    return None


def _clean_label(s: str) -> str:
    s = _rx(r"^[\s，,；;：:、。.]+|[\s，,；;：:、]+$").sub("", s)
    s = _rx(r"^(?:其中|具体包括|包括|分别为|主要有|共计|共|累计|合计|全年|今年来|本年度|年度)[：:，,]?").sub(
        "", s
    )
    s = _rx(r"^\d+[.．、]").sub("", s)
    return s.strip()


def _category(label: str) -> str:
    s = _clean_label(label)
    s = _rx(r"^(?:公开|发布|主动公开)").sub("", s)
    for suffix in ("类信息", "信息", "类"):
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)]
    return s


def _value(tok: str) -> int | float | None:
    if tok[0].isdigit():
        return parse_number(tok)
    return cn_to_number(tok)


def extract_prose(lines: list[str], norm: list[str], skip: set[int]) -> ProseFacts:
    """Facts from every line not in `skip` (1-based lines that belong to tables)."""
    out = ProseFacts()
    topic = ""
    for i, line in enumerate(norm):
        lineno = i + 1
        if lineno in skip or not _rx(r"[\u4e00-\u9fff]").search(line):
            continue
        if _TOPIC.match(line):
            topic = _rx(r"[。；;]").split(line.strip())[0][:40]
        line_ctx = _Context(topic=topic)
        if not _HAS_FIGURE.search(line):
            if _HAS_NEGATION.search(line):
                for sm in _SENT.finditer(line):
                    _negatives(out, lines[i], line, lineno, sm.start(), sm.group(0), topic)
            continue
        for sm in _SENT.finditer(line):
            _sentence(out, lines[i], line, lineno, sm.start(), sm.group(0), line_ctx)
    return out


_HAS_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千]+\s*(?:名|人|个|次|篇|条|件)")
_LIST_ANCHOR = re.compile(r"主动公开|公开政府信息|共公开|累计公开|类别|类信息|公开信息")
_HAS_NEGATION = re.compile(r"没有|未|无|为零")
_CHANNEL_WORDS = re.compile(r"微信公众号|公众号|政务微博|微博|门户网站|公开栏")
_CLAUSE_STOP = re.compile(r"[，,；;。]")
_TOPIC = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(]?[一二三四五六七八九十]+[）)])")


def _sentence(
    out: ProseFacts, raw: str, line: str, lineno: int, base: int, sent: str, line_ctx: _Context
) -> None:
    if not _HAS_FIGURE.search(sent):
        if _HAS_NEGATION.search(sent):
            _negatives(out, raw, line, lineno, base, sent, line_ctx.topic)
        for cm in _CHANNEL_WORDS.finditer(sent):
            line_ctx.channel = line_ctx.channel or _channel(cm.group(0))
        return
    ctx = _Context(topic=line_ctx.topic, line_channel=line_ctx.channel or line_ctx.line_channel)
    list_after_first = False
    if _rx(r"^\s*(?:其中|具体包括|包括)").match(sent):
        ctx.listing = True
    elif _looks_like_list(sent) and _LIST_ANCHOR.search(sent + " " + line_ctx.topic):
        first = _NUM.search(sent)
        head = sent[: first.start()] if first else ""
        if first and _channel(re.split(r"[，,；;]", head)[-1]):
            pass  # the sentence opens with a channel figure: a later 其中 breaks that figure down, not the total
        elif first and _rx(r"主动公开|公开(?:政府)?信息|发布(?:各类)?信息|上报信息").search(head):
            list_after_first = True
        else:
            ctx.listing = True
    for cm in _CHANNEL_WORDS.finditer(sent):
        line_ctx.channel = line_ctx.channel or _channel(cm.group(0))
    respectively = _respectively(sent)
    prev_end = 0
    stops = [x.end() for x in _CLAUSE_STOP.finditer(sent)]  # clause starts, found once (linear in long lines)
    for m in _NUM.finditer(sent):
        tok, unit = m.group(1), m.group(2)
        if not tok[0].isdigit() and not _rx(r"名|人|个|次|篇|条|件").search(unit):
            prev_end = m.end()
            continue
        value = _value(tok)
        if value is None:
            prev_end = m.end()
            continue
        # a date or year is not a count ("2019年…", "12月31日")
        before = sent[prev_end : m.start()]
        after = sent[m.end() : m.end() + 24]
        after = _rx(r"[，,；;。]").split(after)[0]
        k = bisect.bisect_right(stops, m.start())
        clause_start = stops[k - 1] if k else 0
        clause = sent[clause_start : m.start()]
        label = _clean_label(_rx(r"[，,；;]").split(before)[-1]) or _clean_label(clause)
        q0 = base + clause_start
        q1 = base + m.end() + len(after)
        quote = raw[q0:q1].strip() if len(raw) >= q1 else line[q0:q1].strip()
        start, end = base + m.start(1), base + m.end(1)
        unit_clean = unit.replace("余", "").replace("多", "")
        if respectively and m.start() in respectively:
            facts = [("proactive.channel", {"channel": respectively[m.start()]}, "year")]
        else:
            facts = _classify(ctx, label, clause, before, after, unit_clean, value, sent, m.start())
        approx = unit.startswith(("余", "多")) or after.startswith(("余", "多"))
        if approx:
            facts = []
        if not tok[0].isdigit() and not facts:
            prev_end = m.end()
            continue
        if not facts:
            facts = [("mention.other", {"label": label[-20:] or _clean_label(after)[:20]}, "year")]
        if list_after_first:
            ctx.listing, list_after_first = True, False
        for metric, dims, scope in facts:
            out.add(
                Fact(
                    metric=metric,
                    value=value,
                    unit=unit_clean,
                    line=lineno,
                    quote=quote or sent.strip(),
                    dims=dims,
                    scope=scope,
                    origin="prose",
                ),
                lineno,
                start,
                end,
            )
        prev_end = m.end()
    if "%" in sent or "％" in sent:
        _percentages(out, raw, line, lineno, base, sent)
    if _HAS_NEGATION.search(sent):
        _negatives(out, raw, line, lineno, base, sent, ctx.topic)
    if ctx.channel:
        line_ctx.channel = ctx.channel


@dataclass(slots=True)
class _Context:
    listing: bool = False  # inside "其中 …" after a proactive total
    channel: str | None = None
    topic: str = ""  # the current (sub)heading
    line_channel: str | None = None  # a channel named earlier in the same paragraph
    parent: str | None = None
    review_or_lit: str = ""
    about_disclosure: bool | None = None  # the sentence speaks of disclosure work (computed once)
    complaint_source: str = (
        ""  # the first complaint/hotline source of the sentence (a 其中 item is part of it)
    )


@lru_cache(maxsize=4)
def _paren_marks(sent: str) -> tuple[list[int], list[int]]:
    """Positions of opening and closing brackets in a sentence (computed once per sentence)."""
    return ([i for i, ch in enumerate(sent) if ch in "（("], [i for i, ch in enumerate(sent) if ch in "）)"])


def _paren_open(sent: str, pos: int) -> bool:
    """More opening than closing brackets before `pos` (the figure stands inside a parenthesis)."""
    opens, closes = _paren_marks(sent)
    return bisect.bisect_left(opens, pos) > bisect.bisect_left(closes, pos)


def _classify(
    ctx: _Context,
    label: str,
    clause: str,
    before: str,
    after: str,
    unit: str,
    value: float | int,
    sent: str,
    pos: int,
) -> list[tuple[str, dict[str, str], str]]:
    """Metric(s) for one count, given the words around it and the sentence context."""
    words = label + " " + clause
    lead = before.lstrip("，,；;：: 、")
    if _rx(r"^\s*(?:其中|具体包括|包括)").search(lead) or _rx(r"其中|具体包括|包括[：:]").search(clause):
        ctx.listing = True
    scope = "cumulative" if _rx(r"历年|至今|截至目前累计|以来|总量").search(words) else "year"
    res: list[tuple[str, dict[str, str], str]] = []
    paren_open = _paren_open(sent, pos)
    if (unit in ("人次",) and _INQUIRY.search(words)) or (
        unit in ("人次", "次", "条", "件") and _rx(r"咨询|接待").search(label)
    ):
        return [("inquiries.count", {"channel": _clean_label(label) or "咨询"}, "year")]
    if (
        ctx.channel
        and unit in ("条", "篇")
        and _rx(r"(?:审核|审发|审定)?(?:推送|发布|公开|刊发|上传|更新)(?:了)?").fullmatch(label)
    ):
        return [("proactive.channel", {"channel": ctx.channel}, scope)]  # 上报信息114条,审发推送71条
    if _rx(r"全文电子化").search(label):
        return [("proactive.electronic", {}, "year")]
    if (
        ctx.listing
        and _rx(r"新增主动公开|主动公开(?:政府)?信息").search(label)
        and unit == "条"
        and not _channel(label)
    ):
        return [("proactive.total", {}, scope)]
    if ctx.listing and unit in ("条", "篇") and not _channel(label):
        cat = _category(label)
        if cat and len(cat) <= 60 and not _rx(r"[\d\W]*").fullmatch(cat) and not paren_open:
            ctx.parent = cat
            return [("proactive.category", {"category": cat}, "year")]
    if _COMPLAINT.search(label) or (not label and _COMPLAINT.search(after)):
        src = _clean_label(label) if _COMPLAINT.search(label) else _clean_label(after)
        src = (
            _rx(r"^.{0,8}?(?:共|累计)?(?:受理办结|受理|办结|接到|接收|处理答复|处理|答复|收到)").sub("", src)
            or src
        )
        src = _rx(r"(?:交办件|交办|事件|事项|件)$").sub("", src) or src
        dims = {"source": src or "投诉"}
        if ctx.complaint_source and _rx(r"其中").search(before + clause):
            dims["of"] = (
                ctx.complaint_source
            )  # 其中市长热线转交421件: part of the 658 举报投诉, not added to it
        else:
            ctx.complaint_source = dims["source"]
        return [("complaints.count", dims, "year")]
    if _rx(r"政策解读|解读").search(words) and unit in ("次", "篇", "条", "场", "期"):
        return [("interpretation.count", {}, "year")]
    for where in (label, words):
        if unit not in ("件", "起", "次", "宗"):
            break
        if _rx(r"行政诉讼|诉讼案").search(where):
            return [("litigation.count", {}, "year")]
        if _rx(r"行政复议|复议案").search(where):
            return [("review.count", {}, "year")]
    if _rx(r"信息处理费|收费|费用").search(label) and unit in ("元", "万元"):
        return [("fees.amount", {}, "year")]
    # training and meetings only when they are about disclosure work (专题培训4场 on farming is not)
    if ctx.about_disclosure is None:  # once per sentence: sentences can be megabytes long
        ctx.about_disclosure = _rx(r"政务公开|信息公开|政府信息").search(sent) is not None
    about_disclosure = (
        ctx.about_disclosure or _rx(r"政务公开|信息公开|政府信息").search(label + after) is not None
    )
    if unit in ("次", "场", "期", "个") and _rx(r"培训班|培训会").search(label + after) and about_disclosure:
        return [("training.sessions", {}, "year")]
    if unit in ("次", "场") and _rx(r"工作会议|专题会议").search(label + after) and about_disclosure:
        return [("training.meetings", {}, "year")]
    if unit in ("人次", "人") and _rx(r"培训人员|接受培训|参训").search(label) and about_disclosure:
        return [("training.trainees", {}, "year")]
    if _rx(r"工作人员|专职|兼职|人员|专人|专门负责|负责此项").search(label + after) and unit in ("人", "名"):
        kind = "full_time" if "专职" in label + after else "part_time" if "兼职" in label + after else ""
        res = [("staff.count", {}, "year")]
        if kind:
            res.append(("staff.count", {"kind": kind}, "year"))
        return res
    if unit in ("件", "份", "次", "条"):
        app = _applications(label, after, words + " " + ctx.topic)
        if app:
            return [app]
    if unit not in ("条", "篇", "件", "个"):
        return res
    if _rx(r"全文电子化").search(words):
        return [("proactive.electronic", {}, "year")]
    ch = _channel(label) or (_channel(clause) if not ctx.listing else None)
    if not ch and ctx.line_channel and unit == "条" and _rx(r"发布|推送").search(label) and not ctx.listing:
        return [("proactive.channel", {"channel": ctx.line_channel}, scope)]
    is_total = bool(
        _rx(r"主动公开|公开(?:政府)?信息|发布(?:各类)?(?:政府|政务)?信息|公开政务信息").search(label + clause)
    )
    if paren_open and ctx.parent:
        cat = _category(label)
        if cat:
            return [("proactive.category", {"category": cat, "parent": ctx.parent}, "year")]
    if ch and unit in ("条", "篇"):
        ctx.channel = ch
        res.append(("proactive.channel", {"channel": ch}, scope))
        if (
            is_total
            and not ctx.listing
            and _rx(r"主动公开|公开(?:政府)?信息").search(label + clause)
            and not _rx(r"其中|依托|通过").search(label + clause)
        ):
            res.append(("proactive.total", {}, scope))
        return res
    if is_total and unit == "条" and not ctx.listing:
        ctx.listing = False
        res.append(("proactive.total", {}, scope))
        if ctx.channel:
            res.append(("proactive.channel", {"channel": ctx.channel}, scope))
        return res
    if ctx.listing and unit in ("条", "篇"):
        cat = _category(label)
        if cat and len(cat) <= 40 and not _rx(r"\d").search(cat):
            ctx.parent = cat
            return [("proactive.category", {"category": cat}, "year")]
    if ctx.channel and unit == "条" and not ctx.listing:
        return [("proactive.channel", {"channel": ctx.channel}, scope)]
    if ctx.line_channel and unit == "条" and _rx(r"发布|推送").search(label):
        return [("proactive.channel", {"channel": ctx.line_channel}, scope)]
    return res


def _looks_like_list(sent: str) -> bool:
    """Three or more 'label N条' items whose labels name no channel: a category breakdown."""
    items = [m for m in _NUM.finditer(sent) if m.group(2) == "条"]
    if len(items) < 3:
        return False
    labels = [_rx(r"[，,；;、：:。]").split(sent[: m.start()])[-1] for m in items]
    plain = [
        x for x in labels[1:] if x and not _channel(x) and not _COMPLAINT.search(x) and not _INQUIRY.search(x)
    ]
    return len(plain) >= 2 and len(plain) >= (len(labels) - 1) * 0.6


def _respectively(sent: str) -> dict[int, str]:
    """'通过官方微博…、微信公众号…分别发布各类信息92条、306条' → {pos of 92: weibo, pos of 306: wechat}."""
    m = _rx(r"分别[^，,。；;]*?(\d[^。；;]*)").search(sent)
    if not m:
        return {}
    head = _rx(r"[；;]").split(sent[: m.start()])[-1]
    chans = []
    for pm in _rx(r"微博|微信公众号|公众号|微信|网站|门户|公开栏|揭示板|公报").finditer(head):
        code = _channel(pm.group(0))
        if code and code not in chans:
            chans.append(code)
    nums = [x for x in _NUM.finditer(sent, m.start(1))]
    if len(chans) < 2 or len(nums) != len(chans):
        return {}
    return {n.start(): c for n, c in zip(nums, chans, strict=True)}


def _applications(label: str, after: str, words: str) -> tuple[str, dict[str, str], str] | None:
    both = label + "|" + after
    if _rx(r"结转下年度|转入下年度|顺延到下年度").search(both):
        return ("applications.carried_forward", {}, "year")
    if _rx(r"上年度?结转").search(both):
        return ("applications.carried_over", {}, "year")
    if not _rx(r"申请|依申请").search(both + words):
        return None
    if _rx(r"信函申请|信函方式|来信申请").search(label):
        return ("applications.channel", {"channel": "letter"}, "year")
    if _rx(r"网络申请|网上申请|在线申请|网络(?:渠道|方式|平台)").search(label):
        return ("applications.channel", {"channel": "online"}, "year")
    if _rx(r"当面申请|当面提交|现场申请").search(label):
        return ("applications.channel", {"channel": "in_person"}, "year")
    if _rx(r"予以公开|同意公开").search(label):
        return ("applications.outcome", {"outcome": "granted"}, "year")
    if _rx(r"部分公开").search(label):
        return ("applications.outcome", {"outcome": "partial"}, "year")
    if _rx(r"不予公开").search(label):
        return ("applications.outcome", {"outcome": "denied"}, "year")
    if _rx(r"按时办结|办结").search(label):
        return ("applications.completed", {}, "year")
    if _rx(r"收到|受理|接到|发生|依申请公开|提出").search(label) or _rx(r"^(?:政府信息公开)?申请").search(
        after
    ):
        return ("applications.received", {}, "year")
    return None


def _percentages(out: ProseFacts, raw: str, line: str, lineno: int, base: int, sent: str) -> None:
    """Printed percentages, with the label they describe (`of`) when a count precedes them."""
    for m in _PCT.finditer(sent):
        value = parse_number(m.group(1))
        if value is None:
            continue
        before = sent[: m.start()]
        label = _clean_label(_rx(r"[，,；;]").split(before)[-1]) if before else ""
        counts = list(_NUM.finditer(before))
        dims = {"label": label[-20:]}
        if counts:
            last = counts[-1]
            seg = before[: last.start()]
            of = _category(_rx(r"[，,；;、：:]").split(seg)[-1]) if seg else ""
            between = before[last.end() :]
            if of and len(between) <= 12 and not _rx(r"[。]").search(between):
                dims["of"] = of
                dims["count"] = last.group(1)
        out.add(
            Fact(
                metric="mention.percent",
                value=value,
                unit="%",
                line=lineno,
                quote=raw[base + max(0, m.start() - 30) : base + m.end()].strip(),
                dims=dims,
                origin="prose",
            ),
            lineno,
            base + m.start(1),
            base + m.end(1),
        )


_ZERO_RULES: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        r"(?:没有|未|无)(?:发生|收到|接到|受理|出现)?[^。，,；;]{0,12}(?:依申请公开|政府信息公开申请|公开申请|申请)",
        "applications.received",
        {},
    ),
    (r"(?:没有|未|无)(?:发生|出现|收到)?[^。；;]{0,30}行政复议", "review.count", {}),
    (r"(?:没有|未|无)(?:发生|出现|收到)?[^。；;]{0,40}(?:行政诉讼|诉讼)", "litigation.count", {}),
    (r"(?:没有|未|无)(?:收取|收费)|未收取任何|没有收费", "fees.amount", {}),
    (r"解读[^。]{0,20}?(?:均为零|为零|为0)|没有[^。]{0,40}解读", "interpretation.count", {}),
)


def _negatives(
    out: ProseFacts, raw: str, line: str, lineno: int, base: int, sent: str, topic: str = ""
) -> None:
    """'2018年我街道没有受理依申请公开诉求' → applications.received = 0 (origin prose)."""
    if _rx(r"\d+\s*(?:件|起|次|份)").search(sent) and not _rx(r"没有|未发生|未收到|未接到").search(sent):
        return
    seen: set[str] = set()
    rules = list(_ZERO_RULES)
    if "依申请" in topic and _rx(r"未接到|未收到|没有收到|没有接到|未发生").search(sent):
        rules.append((r"未接到|未收到|没有收到|没有接到|未发生", "applications.received", {}))
    for pat, metric, dims in rules:
        m = re.search(pat, sent)
        if not m or metric in seen:
            continue
        if metric == "applications.received" and _rx(r"行政复议|行政诉讼|诉讼").search(sent):
            continue
        seen.add(metric)
        unit = {"fees.amount": "元", "interpretation.count": "次"}.get(metric, "件")
        out.facts.append(
            Fact(
                metric=metric,
                value=0,
                unit=unit,
                line=lineno,
                quote=sent.strip()[:120],
                dims=dict(dims),
                origin="prose",
            )
        )
