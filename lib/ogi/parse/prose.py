"""Figures in running text, bound to what they count (主动公开政府信息119条, 现场接待78人次 …).

This module is the one scanner: it splits lines into sentences and clauses, takes each sentence's
figures from the enumeration grammar of `grammar` (runs that print their unit once, items written
number first, sibling runs, approximate figures), keeps the context (the paragraph topic, 其中 lists,
分别 pairs, brackets, the channel a paragraph speaks of) and asks the named rules of `prose_rules`
what each count is; the words come from the `Lexicon` object passed in. Negative statements become explicit zeros
through the zero rules. After the scan, the domain reasoning of `_reason` runs once per report (a
website figure whose categories sum to it is the total; 专职 + 兼职 gives the staff total). What no
rule claims is left to the mention scanner. `ProseFacts.rules` names the rule behind every fact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.facts import Fact
from ogi.parse import lexicon as lx
from ogi.parse.grammar import Figure, approx, category_runs, clean, figures, list_units, number_first
from ogi.parse.lexicon import DEFAULT, Lexicon
from ogi.parse.prose_rules import (
    ZERO_RULES,
    Context,
    Cue,
    category,
    channel,
    classify,
    clean_label,
    published_object,
)
from ogi.text import cn_to_number, parse_number

_rx = lru_cache(maxsize=None)(re.compile)  # string patterns compiled once, looked up in C

UNITS = "(?:" + "|".join(sorted(lx.UNITS, key=len, reverse=True)) + ")"
_NUM = re.compile(rf"(\d[\d,，]*(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*({UNITS})")
_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_SENT = re.compile(r"[^。！？!?]+[。！？!?]?")
_COMPLAINT = re.compile(lx.COMPLAINT)
_INQUIRY = re.compile(lx.INQUIRY)
_HAS_FIGURE = re.compile(rf"\d|[一二两三四五六七八九十百千]+\s*(?:{lx.CN_NUMERAL_UNITS})")
_LIST_ANCHOR = re.compile(lx.LIST_ANCHOR)
_LIST_OPEN = re.compile(rf"^\s*(?:{lx.LIST_OPENERS})")
_HAS_NEGATION = re.compile(lx.NEGATION)
_CHANNEL_WORDS = re.compile(lx.CHANNEL_MENTION)
_CLAUSE_STOP = re.compile(r"[，,；;。]")
_PART_BRACKET = re.compile(lx.PART_BRACKET)
_ZERO_GATE = re.compile(lx.ZERO_GATE)
_APPROX_BEFORE = re.compile(lx.APPROX_BEFORE)
# a "table" line that holds running prose (two full sentences): a page pasted into one cell is read as prose
_RUNNING_PROSE = re.compile(r"[\u4e00-\u9fff]{6}[^。|]{0,400}。[^。|]{6,400}。")
_LIST_ANCHOR_OPENERS = re.compile(lx.LIST_OPENERS)
_TOPIC = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(]?[一二三四五六七八九十]+[）)])")


@dataclass(slots=True)
class ProseFacts:
    """Facts read from running text, the rule behind each, and the line spans their figures cover."""

    facts: list[Fact] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # rule name per fact (internal: not exported)
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # line → covered [start, end)

    def add(self, fact: Fact, line: int, start: int, end: int, rule: str = "") -> None:
        self.facts.append(fact)
        self.rules.append(rule)
        self.spans.setdefault(line, []).append((start, end))

    def add_zero(self, fact: Fact, rule: str) -> None:
        self.facts.append(fact)
        self.rules.append(rule)


def _value(tok: str) -> int | float | None:
    if tok[0].isdigit():
        return parse_number(tok)
    return cn_to_number(tok)


def extract_prose(
    lines: list[str], norm: list[str], skip: set[int], lexicon: Lexicon = DEFAULT
) -> ProseFacts:
    """Facts from every line not in `skip` (1-based lines that belong to tables); `lexicon` holds the
    words the grammar reads (the module's word families unless another is passed)."""
    out = ProseFacts()
    topic = ""
    for i, line in enumerate(norm):
        lineno = i + 1
        if lineno in skip and (len(line) < 40 or not _RUNNING_PROSE.search(line)):
            continue  # a table line, unless it holds running prose (a page pasted into one cell)
        if not _rx(r"[\u4e00-\u9fff]").search(line):
            continue
        raw = lines[i]
        cleaned = clean(line)
        if cleaned is not None:  # pinyin glosses or '?' around figures: read the line without them
            text, keep = cleaned
            raw = "".join(raw[k] for k in keep) if len(raw) == len(line) else text
            line = text
        if _TOPIC.match(line):
            topic = _rx(r"[。；;]").split(line.strip())[0][:40]
        line_ctx = Context(topic=topic, lex=lexicon)
        target = out if cleaned is None else ProseFacts()
        if not _HAS_FIGURE.search(line):
            if _HAS_NEGATION.search(line):
                for sm in _SENT.finditer(line):
                    _negatives(target, raw, line, lineno, sm.start(), sm.group(0), topic)
        else:
            for sm in _SENT.finditer(line):
                _sentence(target, raw, line, lineno, sm.start(), sm.group(0), line_ctx)
        if cleaned is not None:
            _merge(out, target, cleaned[1])
    _reason(out)
    return out


def _merge(out: ProseFacts, part: ProseFacts, keep: list[int]) -> None:
    """The facts of a cleaned line, their spans mapped back to the printed line's positions."""
    out.facts.extend(part.facts)
    out.rules.extend(part.rules)
    for line, spans in part.spans.items():
        mapped = [(keep[a], keep[b - 1] + 1) for a, b in spans if 0 <= a < b <= len(keep)]
        out.spans.setdefault(line, []).extend(mapped)


def _open_list(sent: str, line_ctx: Context, ctx: Context) -> bool:
    """Set `ctx.listing` when the sentence is a category list; True when it starts after the first figure."""
    if _LIST_OPEN.match(sent):
        ctx.listing = True
        return False
    if not (_looks_like_list(sent) and _LIST_ANCHOR.search(sent + " " + line_ctx.topic)):
        return False
    first = _NUM.search(sent)
    head = re.split(r"[：:]", sent[: first.start()])[-1] if first else ""  # 主要类别有：机构职能类… is a list
    if first and channel(re.split(r"[，,；;]", head)[-1]):
        return False  # the sentence opens with a channel figure: a later 其中 breaks that figure down
    if first and _rx(lx.PROACTIVE_TOTAL + "|上报信息").search(head):
        return True
    ctx.listing = True
    return False


def _open_bracket(s: str) -> int:
    """Where the last bracket still open at the end of `s` opens, or -1."""
    k = max(s.rfind("（"), s.rfind("("))
    return k if k >= 0 and max(s.rfind("）"), s.rfind(")")) < k else -1


def _label(before: str) -> str:
    """The words that name a figure: its clause since the previous figure, from an unclosed bracket on
    (工作信息469条（政务动态465条: 政务动态), without a 含/其中 lead (a part is named by its own words)."""
    seg = _rx(r"[，,；;：:]").split(before)[-1]  # a colon ends a lead-in: 主要类别有：机构职能类信息
    k = _open_bracket(seg)
    if k >= 0:
        seg = _rx(lx.PART_LEADS).sub("", seg[k + 1 :])
    return clean_label(seg)


def _after(sent: str, end: int) -> str:
    """The words after a figure up to the clause end or the next figure, never into a 含/其中 bracket."""
    after = sent[end : end + 24]
    after = _rx(r"[，,；;。]").split(after)[0]
    nxt = _NUM.search(after)
    if nxt:
        after = after[: nxt.start()]
    part = _PART_BRACKET.search(after)
    return after[: part.start()] if part else after


def _sentence(
    out: ProseFacts, raw: str, line: str, lineno: int, base: int, sent: str, line_ctx: Context
) -> None:
    if not _HAS_FIGURE.search(sent):
        if _HAS_NEGATION.search(sent):
            _negatives(out, raw, line, lineno, base, sent, line_ctx.topic)
        for cm in _CHANNEL_WORDS.finditer(sent):
            line_ctx.channel = line_ctx.channel or channel(cm.group(0))
        return
    ctx = Context(
        topic=line_ctx.topic,
        line_channel=line_ctx.channel or line_ctx.line_channel,
        applications=line_ctx.applications,
    )
    ctx.lex = line_ctx.lex
    ctx.list_units = list_units(sent, ctx.lex) if _LIST_ANCHOR_OPENERS.search(sent) else frozenset()
    list_after_first = _open_list(sent, line_ctx, ctx)
    if _LIST_OPEN.match(sent):  # 其中… opening the sentence breaks down the last figure before it
        ctx.head_mention = line_ctx.head_mention
    ctx.list_head = list_after_first
    for cm in _CHANNEL_WORDS.finditer(sent):
        line_ctx.channel = line_ctx.channel or channel(cm.group(0))
    respectively = _respectively(sent)
    first = len(out.facts)
    prev_end = 0
    objects: dict[int, str] = {}  # fact index → label of the sentence's channel figures
    stops = [x.end() for x in _CLAUSE_STOP.finditer(sent)]  # clause starts, found once (linear in long lines)
    figs = figures(sent, ctx.lex)
    runs = category_runs(sent, figs, ctx.lex) if len(figs) >= 3 else {}
    after_labels = number_first(sent, figs, ctx.lex) if len(figs) >= 2 else {}
    for n, m in enumerate(figs):
        tok, unit = m.tok, m.unit
        if not tok[0].isdigit() and (
            not _rx(lx.CN_NUMERAL_UNITS).search(unit) or _rx(lx.NOT_A_COUNT_BEFORE).search(sent[: m.start])
        ):
            prev_end = m.end
            continue
        value = _value(tok)
        if value is None:
            prev_end = m.end
            continue
        if m.scale != 1:
            value = _scaled(value, m.scale)
        before = sent[prev_end : m.start]
        after = _after(sent, m.end)
        k = bisect.bisect_right(stops, m.start)
        clause_start = stops[k - 1] if k else 0
        clause = sent[clause_start : m.start]
        bracket = _open_bracket(clause)
        if bracket >= 0:
            clause = clause[bracket + 1 :]  # a figure in brackets is named by the words inside them
        if before.lstrip().startswith("、"):  # a sibling item (…2条、规划计划2条): its own words name it
            clause = before.lstrip(" 、")
        label = _label(before) or clean_label(clause)
        own = after_labels.get(n)
        if own:  # 包括23条工作动态、5条通知公告: the item's label follows its number
            label, clause, after = own, own, ""
        q0 = base + clause_start
        q1 = base + m.end + len(after)
        quote = raw[q0:q1].strip() if len(raw) >= q1 else line[q0:q1].strip()
        start, end = base + m.start, base + m.num_end
        unit_clean = unit.replace("余", "").replace("多", "").replace(" ", "")
        lead = before.lstrip("，,；;：: 、")
        if _LIST_OPEN.match(lead) or _rx(r"其中|具体包括|包括[：:]").search(clause):
            ctx.listing = True
        if respectively and m.start in respectively:
            rule, facts = (
                "respectively",
                [("proactive.channel", {"channel": respectively[m.start]}, "year")],
            )
        else:
            ctx.run_item = m.inherited
            ctx.run_place = runs.get(n, -1)
            cue = Cue(label, clause, before, after, unit_clean, sent, m.start, ctx)
            rule, facts = classify(cue)
            _remember(ctx, rule, facts)
            if facts and not ctx.listing:
                ctx.head_mention = ""
            if rule == "run_item":
                ctx.listing = (
                    True  # 通知公告31部门文件4、机构职能信息3条: the run's printed item is one of them
                )
            if any(metric == "proactive.total" for metric, _, _ in facts):
                ctx.total_unit = unit_clean
        approx_of = ""
        if (
            unit.startswith(lx.APPROX_MARKS)
            or after.startswith(lx.APPROX_MARKS)
            or _APPROX_BEFORE.search(sent, max(0, m.start - 4), m.start)
            or sent.startswith(lx.APPROX_AFTER, m.end)
            or m.scale != 1
        ):
            approx_of = approx(sent, m, ctx.lex)
            reading = [f for f in facts if not f[0].startswith("mention.")] if approx_of else []
            rule, facts = "approximate", []
            if reading:  # the figure's meaning, qualified: never an exact figure (docs/facts.md)
                _add_approx(out, reading, value, unit_clean, lineno, raw, line, base, sent, m, approx_of)
        if not tok[0].isdigit() and not facts:
            prev_end = m.end + len(own) if own else m.end
            continue
        if not facts and tok[0].isdigit() and _rx(lx.LIST_SUM_LABEL).match(before):
            cats = [
                f.value
                for f in out.facts[first:]
                if f.metric == "proactive.category" and "parent" not in f.dims and not f.approx
            ]
            has_total = any(f.metric == "proactive.total" for f in out.facts[first:])
            if len(cats) >= 2 and sum(cats) == value and not has_total and not approx_of:
                rule, facts = "list_sum", [("proactive.total", {}, "year")]  # …财政信息7条，共计57条
        if not facts:
            if not ctx.listing and not approx_of:
                ctx.head_mention = unit_clean or "-"  # a list after it breaks this figure down
            rule = rule or "mention"  # the rule that declined the figure, when one did
            facts = [("mention.other", {"label": label[-20:] or clean_label(after)[:20]}, "year")]
        if list_after_first:
            ctx.listing, list_after_first, ctx.list_head = True, False, False
        for metric, dims, scope in facts:
            money = metric in lx.MONEY_METRICS and unit_clean == "万元"  # money is in yuan (conventions)
            fact = Fact(
                metric=metric,
                value=_yuan(value) if money else value,
                unit="元" if money else unit_clean,
                line=lineno,
                quote=quote or sent.strip(),
                dims=dims,
                scope=scope,
                origin="prose",
            )
            out.add(fact, lineno, start, end, rule)
            if metric == "proactive.channel" and rule in _CHANNEL_RULES:
                objects[len(out.facts) - 1] = label
        prev_end = m.end + len(own) if own else m.end
    if len(objects) >= 2:
        _channel_objects(out, objects, sent)
    if "%" in sent or "％" in sent:
        _percentages(out, raw, line, lineno, base, sent)
    if _HAS_NEGATION.search(sent):
        stated = {f.metric for f in out.facts[first:]}  # a figure the sentence prints is no zero to add
        _negatives(out, raw, line, lineno, base, sent, ctx.topic, stated)
    if ctx.channel:
        line_ctx.channel = ctx.channel
    line_ctx.applications = any(f.metric.startswith("applications.") for f in out.facts[first:])
    line_ctx.head_mention = ctx.head_mention


def _scaled(value: int | float, scale: int) -> int | float:
    v = round(value * scale, 2)
    return int(v) if v == int(v) else v


def _add_approx(
    out: ProseFacts,
    reading: list[tuple[str, dict[str, str], str]],
    value: int | float,
    unit: str,
    lineno: int,
    raw: str,
    line: str,
    base: int,
    sent: str,
    m: Figure,
    mark: str,
) -> None:
    """The facts an approximate figure states (5500余条 → proactive.total 5500, approx 余), value as printed."""
    src = raw if len(raw) == len(line) else line
    quote = src[base + _clause_from(sent, m.start) : base + m.end + 1].strip() or sent.strip()
    for metric, dims, scope in reading:
        dims = {k: _rx(lx.APPROX_BEFORE).sub("", v) or v for k, v in dims.items()}  # 咨询约 → 咨询
        money = metric in lx.MONEY_METRICS and unit == "万元"
        fact = Fact(
            metric=metric,
            value=_yuan(value) if money else value,
            unit="元" if money else unit,
            line=lineno,
            quote=quote,
            dims=dims,
            scope=scope,
            origin="prose",
            approx=mark,
        )
        out.add(fact, lineno, base + m.start, base + m.num_end, "approximate_reading")


_CHANNEL_RULES = frozenset(
    {"named_channel", "sentence_channel", "paragraph_channel_verb", "verb_after_channel", "channel_verb"}
)


def _channel_objects(out: ProseFacts, objects: dict[int, str], sent: str) -> None:
    """Two or more figures of one channel, each publishing a named kind of item (微信公众号发布工作动态447条，
    推送招聘、安全提示等信息90条): no figure is the channel's own, each is a category of what it published."""
    if _rx(r"其中|分别|包括").search(sent):
        return
    by_channel: dict[str, list[tuple[int, str]]] = {}
    for k, label in objects.items():
        by_channel.setdefault(out.facts[k].dims["channel"], []).append((k, published_object(label)))
    for items in by_channel.values():
        if len(items) < 2 or not all(cat for _, cat in items):
            continue
        for k, cat in items:
            f = out.facts[k]
            out.facts[k] = Fact(
                metric="proactive.category",
                value=f.value,
                unit=f.unit,
                line=f.line,
                quote=f.quote,
                dims={"category": cat},
                scope="year",
                origin=f.origin,
            )
            out.rules[k] = "channel_objects"


def _yuan(wan: int | float) -> int | float:
    v = round(wan * 10000, 2)
    return int(v) if v == int(v) else v


def _remember(ctx: Context, rule: str, facts: list[tuple[str, dict[str, str], str]]) -> None:
    """What a rule's facts teach the scanner: the category a bracket breaks down, the sentence's channel."""
    for metric, dims, _ in facts:
        if metric == "proactive.category" and "parent" not in dims:
            ctx.parent = dims["category"]
        elif metric == "proactive.channel" and rule == "named_channel":
            ctx.channel = dims["channel"]
        elif metric == "complaints.count" and "of" not in dims:
            ctx.complaint_source = dims["source"]
        elif metric in ("review.count", "litigation.count") and not dims:
            ctx.case = metric
        if metric.startswith("applications."):
            ctx.applications = True
        ctx.last_metric = metric


def _looks_like_list(sent: str) -> bool:
    """Three or more 'label N条' items whose labels name no channel: a category breakdown."""
    items = [m for m in _NUM.finditer(sent) if m.group(2) == "条"]
    if len(items) < 3:
        return False
    labels = [_rx(r"[，,；;、：:。]").split(sent[: m.start()])[-1] for m in items]
    plain = [
        x for x in labels[1:] if x and not channel(x) and not _COMPLAINT.search(x) and not _INQUIRY.search(x)
    ]
    return len(plain) >= 2 and len(plain) >= (len(labels) - 1) * 0.6


def _respectively(sent: str) -> dict[int, str]:
    """'通过官方微博…、微信公众号…分别发布各类信息92条、306条' → {pos of 92: weibo, pos of 306: wechat}."""
    m = _rx(r"分别[^，,。；;]*?(\d[^。；;]*)").search(sent)
    if not m:
        return {}
    head = _rx(r"[；;]").split(sent[: m.start()])[-1]
    chans = []
    for pm in _rx(lx.RESPECTIVELY_CHANNELS).finditer(head):
        code = channel(pm.group(0))
        if code and code not in chans:
            chans.append(code)
    nums = [x for x in _NUM.finditer(sent, m.start(1))]
    if len(chans) < 2 or len(nums) != len(chans):
        return {}
    return {n.start(): c for n, c in zip(nums, chans, strict=True)}


def _clause_from(sent: str, start: int, limit: int = 60) -> int:
    """Where a quote of the figure at `start` begins: after the last ，；。 before it (its clause), never
    mid-phrase; a clause longer than `limit` starts at its first 、 within reach, else at the limit."""
    lo = max(0, start - limit)
    cut = -1
    for stop in _CLAUSE_STOP.finditer(sent, lo, start):
        cut = stop.end()
    if cut >= 0 or lo == 0:
        return max(cut, 0)
    k = sent.find("、", lo, start)
    return k + 1 if k >= 0 else lo


def _percentages(out: ProseFacts, raw: str, line: str, lineno: int, base: int, sent: str) -> None:
    """Printed percentages, with the label they describe (`of`) when a count precedes them."""
    for m in _PCT.finditer(sent):
        value = parse_number(m.group(1))
        if value is None:
            continue
        before = sent[: m.start()]
        label = clean_label(_rx(r"[，,；;]").split(before)[-1]) if before else ""
        counts = list(_NUM.finditer(before))
        dims = {"label": label[-20:]}
        if counts:
            last = counts[-1]
            seg = before[: last.start()]
            of = category(_rx(r"[，,；;、：:]").split(seg)[-1]) if seg else ""
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
                quote=raw[base + _clause_from(sent, m.start()) : base + m.end()].strip(),
                dims=dims,
                origin="prose",
            ),
            lineno,
            base + m.start(1),
            base + m.end(1),
        )


def _negatives(
    out: ProseFacts,
    raw: str,
    line: str,
    lineno: int,
    base: int,
    sent: str,
    topic: str = "",
    stated: set[str] | None = None,
) -> None:
    """'2018年我街道没有受理依申请公开诉求' → applications.received = 0 (origin prose), one clause at a time:
    没有收到政府信息公开申请；没有…行政复议、行政诉讼 states three zeros, each in its own clause."""
    seen: set[str] = set(stated or ())
    quote = sent.strip()[:120]
    if topic and len(sent) <= 40 and _rx(lx.BARE_ZERO).match(sent):
        _topic_zeros(out, lineno, quote, topic, seen)
    for part in _rx(r"[；;]").split(sent):
        if _HAS_NEGATION.search(part) and _ZERO_GATE.search(part):
            _zeros(out, lineno, part, quote, topic, seen)


def _topic_zeros(out: ProseFacts, lineno: int, quote: str, topic: str, seen: set[str]) -> None:
    """'无。' under '四、因政府信息公开申请行政复议、提起行政诉讼的情况': zero for what the heading names."""
    named = [(metric, unit) for pat, metric, unit in lx.TOPIC_ZEROS if _rx(pat).search(topic)]
    if any(m in ("review.count", "litigation.count") for m, _ in named):
        named = [(m, u) for m, u in named if m != "applications.received"]  # 因…申请行政复议 names review
    for metric, unit in named:
        seen.add(metric)
        out.add_zero(_zero(metric, unit, lineno, quote, {}), "zero_topic")


def _zeros(out: ProseFacts, lineno: int, sent: str, quote: str, topic: str, seen: set[str]) -> None:
    if _rx(r"(?<![\d.])0*[1-9]\d*\s*(?:件|起|次|份)").search(sent) and not _rx(lx.NEG_STRONG).search(sent):
        return
    for rule in ZERO_RULES:
        if rule.metric in seen:
            continue
        m = _rx(rule.pattern).search(sent)
        if not m:
            continue
        # the words that make the statement about something else stand in it or right after it
        tail = _rx(r"[，,。；;]").split(sent[m.end() : m.end() + 12])[0]
        unless = rule.unless and _rx(rule.unless).search(sent if rule.unless[0] == "^" else m.group(0) + tail)
        if unless and not (rule.unless[0] != "^" and _rx(lx.ZERO_COORDINATED).match(tail)):
            continue
        seen.add(rule.metric)
        out.add_zero(_zero(rule.metric, rule.unit, lineno, quote, dict(rule.dims)), rule.name)
    if (
        "applications.received" not in seen
        and lx.APP_TOPIC in topic
        and _rx(lx.BARE_NOT_RECEIVED).search(sent)
    ):
        if not _rx(r"行政复议|行政诉讼|诉讼").search(sent):
            seen.add("applications.received")
            out.add_zero(_zero("applications.received", "件", lineno, quote, {}), "zero_applications_topic")
    m = _rx(lx.ZERO_COMPLAINT).search(sent)
    if m and "complaints.count" not in seen:
        seen.add("complaints.count")
        for src in dict.fromkeys(_rx(lx.ZERO_COMPLAINT_SOURCES).findall(m.group(0))):
            out.add_zero(_zero("complaints.count", "件", lineno, quote, {"source": src}), "zero_complaints")


def _zero(metric: str, unit: str, lineno: int, quote: str, dims: dict[str, str]) -> Fact:
    return Fact(metric=metric, value=0, unit=unit, line=lineno, quote=quote, dims=dims, origin="prose")


def _reason(out: ProseFacts) -> None:
    """Domain reasoning, stated once, over the facts of one report (see docs/conventions.md, Prose)."""
    _channel_categories(out)
    _channel_is_total(out)
    _staff_total(out)


def _channel_categories(out: ProseFacts) -> None:
    """通过微信公众号发布信息312条，其中政务动态300条、便民提示12条: categories listed right after a channel
    figure other than the portal's that sum to it exactly are that channel's categories (`dims.channel`),
    never a breakdown of the report's total."""
    facts = out.facts
    for k, f in enumerate(facts):
        if f.metric != "proactive.channel" or f.dims.get("channel") == "website" or f.scope != "year":
            continue
        run: list[int] = []
        for j in range(k + 1, len(facts)):
            g = facts[j]
            if g.line != f.line or g.metric.startswith("mention."):
                continue
            if g.metric != "proactive.category" or "parent" in g.dims or "channel" in g.dims:
                break
            run.append(j)
        if len(run) >= 2 and sum(facts[j].value for j in run) == f.value:
            for j in run:
                facts[j].dims = {**facts[j].dims, "channel": f.dims["channel"]}


def _channel_is_total(out: ProseFacts) -> None:
    """No proactive total was printed as such, but a channel count is one: the categories listed after it
    sum to it (在门户网站公开各类政府信息共计127条，其中…), or it is the only proactive figure and says
    主动公开政府信息 (通过政府网站主动公开政府信息12条)."""
    year = [f for f in out.facts if f.scope == "year" and f.metric.startswith("proactive.")]
    if any(f.metric == "proactive.total" for f in year):
        return
    chans = [f for f in year if f.metric == "proactive.channel"]
    cats = [
        f
        for f in year
        if f.metric == "proactive.category" and "parent" not in f.dims and "channel" not in f.dims
    ]
    total = sum(f.value for f in cats)
    why = ""
    if cats:  # the portal carries everything disclosed; another channel's categories are only its own
        hits = [
            f
            for f in chans
            if f.value == total and f.line <= min(c.line for c in cats) and f.dims["channel"] == "website"
        ]
        if hits:
            ch = hits[0]
            why = "categories " + " + ".join(str(f.value) for f in cats) + f" = {ch.value}"
    if (
        not why
        and len(chans) == 1
        and (not cats or chans[0].dims["channel"] == "website")
        and _rx(lx.PROACTIVE_TOTAL_NOUN).search(chans[0].quote)
    ):
        ch = chans[0]
        why = "the only channel figure, and it says 主动公开…信息"

    if not why and len(chans) == 1 and chans[0].dims["channel"] == "website":
        k = out.facts.index(chans[0])
        listed = [
            j
            for j in range(k + 1, len(out.facts))
            if out.facts[j].line == chans[0].line and out.rules[j] == "listed_category"
        ]
        if len(listed) >= 2:  # 内蒙古…局网站发布信息481条，其中概况类信息382条，政务动态信息93条…
            ch = chans[0]
            why = "the portal's figure, the only channel one, is what the category list after it breaks down"
    if not why:
        whole = _channels_sum(out)
        if whole is not None:
            ch, why = whole, "the channels listed after it sum to it"
    if not why:
        return
    fact = Fact(
        metric="proactive.total",
        value=ch.value,
        unit=ch.unit,
        line=ch.line,
        quote=ch.quote,
        dims={},
        scope="year",
        origin="prose",
    )
    out.add_zero(fact, f"channel_is_total ({why})")


def _channels_sum(out: ProseFacts) -> Fact | None:
    """全年通过门户网站、官方微博、微信公众号等渠道公开各类信息5332条，其中，政府网站3120条…微信2110条: a count
    over several channels whose 其中 parts are channels of its line and sum to it exactly is the total."""
    for k, f in enumerate(out.facts):
        if out.rules[k] != "several_channels":
            continue
        parts = [
            g
            for g in out.facts[k + 1 :]
            if g.line == f.line and g.metric == "proactive.channel" and g.scope == f.scope
        ]
        if len(parts) >= 2 and sum(g.value for g in parts) == f.value:
            return f
    return None


def _staff_total(out: ProseFacts) -> None:
    """专职 a名 + 兼职 b名 on one line: the parts are no totals; with no printed total, the total a + b is
    derived (origin derived, the quote names the parts)."""
    by_line: dict[int, list[int]] = {}
    for k, f in enumerate(out.facts):
        if f.metric == "staff.count" and out.rules[k] == "staff":
            by_line.setdefault(f.line, []).append(k)
    drop: set[int] = set()
    for line, ks in sorted(by_line.items()):
        kinds = {out.facts[k].dims.get("kind"): out.facts[k] for k in ks if out.facts[k].dims.get("kind")}
        if set(kinds) != {"full_time", "part_time"}:
            continue
        # the staff rule emits (plain, kind) for one figure: the plain twin of a part is no total
        paired = [
            k for k in ks if not out.facts[k].dims and k + 1 in ks and out.facts[k + 1].dims.get("kind")
        ]
        drop.update(paired)
        if any(not out.facts[k].dims and k not in paired for k in ks):
            continue  # 工作人员3名，其中专职1名、兼职2名: the printed total stands
        ft, pt = kinds["full_time"], kinds["part_time"]
        out.facts.append(
            Fact(
                metric="staff.count",
                value=ft.value + pt.value,
                unit=ft.unit,
                line=line,
                quote=f"专职 {ft.value} + 兼职 {pt.value}",
                dims={},
                scope="year",
                origin="derived",
            )
        )
        out.rules.append("staff_total")
    if drop:
        keep = [k for k in range(len(out.facts)) if k not in drop]
        out.facts[:] = [out.facts[k] for k in keep]
        out.rules[:] = [out.rules[k] for k in keep]
