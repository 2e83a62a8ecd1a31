"""Named rules that bind one count in running text to its metric, tried in order (first match wins).

A rule sees a `Cue` (the figure, its unit, the words before and after it, its clause and sentence,
and the list context the scanner in `prose` keeps) and returns the facts it emits, or None to pass.
Each rule has a name (exported with the facts it made, so a test names the rule that broke), what
it matches and why it exists. Words come from `lexicon`; no rule knows a file, an agency or a sentence.
Zero rules (explicit zeros stated in words) are the second list, `ZERO_RULES`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.parse import lexicon as lx
from ogi.parse.lexicon import DEFAULT, Lexicon

_rx = lru_cache(maxsize=None)(re.compile)  # string patterns compiled once, looked up in C

Emit = tuple[str, dict[str, str], str]  # (metric, dims, scope)


@dataclass(slots=True)
class Context:
    """What the scanner knows at a figure: the paragraph topic and the list/channel state of the sentence."""

    listing: bool = False  # inside "其中 …" after a proactive total: 'label N条' items are categories
    list_head: bool = False  # the next figure is the one the sentence's list breaks down
    channel: str | None = None  # the channel the sentence (or paragraph) publishes on
    topic: str = ""  # the current (sub)heading
    line_channel: str | None = None  # a channel named earlier in the same paragraph
    parent: str | None = None  # the last category: a bracketed category is its part
    about_disclosure: bool | None = None  # the sentence speaks of disclosure work (computed once)
    complaint_source: str = ""  # the first complaint source of the sentence (a 其中 item is part of it)
    case: str = ""  # review.count / litigation.count: the case total the sentence gave last
    total_unit: str = ""  # the unit of the proactive total the sentence gave (its categories count in it)
    applications: bool = False  # the sentence (or the one before) gave an applications figure
    last_metric: str = ""  # the metric of the sentence's last fact (what a 其中 list breaks down)
    head_mention: str = ""  # the unit of the figure before the list when no rule read it (a mention)
    lex: Lexicon = DEFAULT  # the words the rules read (passed in, not module globals)
    list_units: frozenset[str] = frozenset()  # units two or more items of the sentence's list share
    run_item: bool = False  # the figure's unit was printed once for its run (动态22会议纪要9、人事5条)
    run_place: int = -1  # the figure's place in a run of sibling items (规范性文件2条、财政信息2条…), or -1


@dataclass(slots=True)
class Cue:
    """One count and the words around it (label = the words since the previous figure or clause stop)."""

    label: str
    clause: str
    before: str
    after: str
    unit: str
    sent: str
    pos: int
    ctx: Context = field(default_factory=Context)

    @property
    def words(self) -> str:
        return self.label + " " + self.clause

    @property
    def scope(self) -> str:
        """cumulative when the figure's words, or a strong mark earlier in its sentence (up to a 其中 or
        ；), say so, unless the figure's own words name the year."""
        words = self.words
        lex = self.ctx.lex
        if _rx(lex.YEAR_SCOPE).search(words) and not _rx("历年").search(words):
            return "year"
        head = _rx(r"其中|[；;]").split(self.sent[: self.pos])[-1]
        if _rx(lex.CUMULATIVE).search(words) or _rx(lex.CUMULATIVE_LEAD).search(head):
            return "cumulative"
        return "year"


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: `fn(cue)` returns the facts it emits for the figure, or None when it does not apply."""

    name: str
    why: str
    fn: Callable[[Cue], list[Emit] | None]


def channel(label: str, lex: Lexicon = DEFAULT) -> str | None:
    """The channel code a label names (门户网站 → website, 其他方式 → other), or None."""
    for pat, code in lex.CHANNELS:
        if _rx(pat).search(label):
            return code
    return None


def clean_label(s: str, lex: Lexicon = DEFAULT) -> str:
    s = _rx(r"^[\s，,；;：:、。.]+|[\s，,；;：:、]+$").sub("", s)
    s = _rx(rf"^(?:{lex.LABEL_LEADS})[：:，,]?").sub("", s)
    s = _rx(lex.ENUMERATOR).sub("", s)
    return s.strip()


def is_category(cat: str, lex: Lexicon = DEFAULT) -> bool:
    """A usable category name: not a bare 信息, not a route (通过新闻报刊公开 names how, not what)."""
    return bool(cat) and not _rx(lex.NOT_A_CATEGORY).search(cat)


def category(label: str, lex: Lexicon = DEFAULT) -> str:
    """The category a label names, without its 公开/发布 lead and its 类信息/信息/类 suffix."""
    s = clean_label(label, lex)
    s = _rx(rf"^(?:{lex.CATEGORY_LEADS})").sub("", s)
    for suffix in lex.CATEGORY_SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)]
    return s


def published_object(label: str, lex: Lexicon = DEFAULT) -> str:
    """What a publish verb's object names (发布项目公示、招聘公告等通知公告信息 → 通知公告), '' when generic."""
    m = _rx(rf"(?:{lex.PROACTIVE_VERB}|公示)(?!.*(?:{lex.PROACTIVE_VERB}|公示))(.+)$").search(label)
    if m is None:
        return ""
    obj = _rx(r"(?:共计|合计|总计|累计|共|达到|达|为|的?数量|总数)+$").sub("", m.group(1))
    head = obj.rsplit("等", 1)[-1] if "等" in obj else obj
    cat = category(head, lex)
    if (
        not is_category(cat, lex)
        or channel(obj, lex)
        or _rx(r"^(?:各类|相关|其他)?(?:政府|政务)?信息").fullmatch(head)
    ):
        cat = category(obj, lex) if "等" in obj else ""
    return cat if cat and is_category(cat, lex) and not channel(cat, lex) else ""


@lru_cache(maxsize=4)
def _paren_marks(sent: str) -> tuple[list[int], list[int]]:
    """Positions of opening and closing brackets in a sentence (computed once per sentence)."""
    return ([i for i, ch in enumerate(sent) if ch in "（("], [i for i, ch in enumerate(sent) if ch in "）)"])


def paren_open(sent: str, pos: int) -> bool:
    """More opening than closing brackets before `pos` (the figure stands inside a parenthesis)."""
    opens, closes = _paren_marks(sent)
    return bisect.bisect_left(opens, pos) > bisect.bisect_left(closes, pos)


def _about_disclosure(c: Cue) -> bool:
    if c.ctx.about_disclosure is None:  # once per sentence: sentences can be megabytes long
        c.ctx.about_disclosure = _rx(c.ctx.lex.ABOUT_DISCLOSURE).search(c.sent) is not None
    return c.ctx.about_disclosure or _rx(c.ctx.lex.ABOUT_DISCLOSURE).search(c.label + c.after) is not None


# --- the rules, in order ---------------------------------------------------------------------------


def _part_period(c: Cue) -> list[Emit] | None:
    """第一季度发布信息32条 / 12月份 / 每月更新10条: a part of the year or a rate, never the year's figure."""
    return [] if _rx(c.ctx.lex.PART_PERIOD).search(c.label) else None


def _other_year(c: Cue) -> list[Emit] | None:
    """上年度主动公开政府信息180条 / 比上年增加12条: another year's figure or a change, never this year's."""
    if _rx(c.ctx.lex.OTHER_YEAR).search(c.label) and not _rx(c.ctx.lex.OTHER_YEAR_UNLESS).search(
        c.label + "|" + c.after
    ):
        return []
    return None


def _inquiry(c: Cue) -> list[Emit] | None:
    if _rx(c.ctx.lex.NOT_INQUIRY).search(c.label):
        return None
    if (c.unit == "人次" and _rx(c.ctx.lex.INQUIRY).search(c.words)) or (
        c.unit in ("人次", "次", "条", "件") and _rx(c.ctx.lex.INQUIRY_LABEL).search(c.label)
    ):
        return [("inquiries.count", {"channel": clean_label(c.label, c.ctx.lex) or "咨询"}, "year")]
    return None


def _channel_verb(c: Cue) -> list[Emit] | None:
    if (
        c.ctx.channel
        and c.unit in c.ctx.lex.ITEM_UNITS
        and _rx(c.ctx.lex.CHANNEL_PUBLISH_VERB).fullmatch(c.label)
    ):
        return [("proactive.channel", {"channel": c.ctx.channel}, c.scope)]
    return None


def _verb_after_channel(c: Cue) -> list[Emit] | None:
    if c.unit not in c.ctx.lex.ITEM_UNITS or not _rx(c.ctx.lex.CHANNEL_PUBLISH_PHRASE).fullmatch(c.label):
        return None
    # the channel named since the previous figure, or in the clause group (up to ；) this figure ends:
    # 其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条
    group = _rx(r"[；;。]").split(c.sent[: c.pos])[-1]
    named = channel(c.before, c.ctx.lex) or _one_channel(group, c.ctx.lex)
    if named:
        return [("proactive.channel", {"channel": named}, c.scope)]
    return None


def _one_channel(text: str, lex: Lexicon = DEFAULT) -> str | None:
    codes = {code for pat, code in lex.CHANNELS if _rx(pat).search(text)}
    return codes.pop() if len(codes) == 1 else None


def _electronic(c: Cue) -> list[Emit] | None:
    if _rx(c.ctx.lex.ELECTRONIC).search(c.words):
        return [("proactive.electronic", {}, "year")]
    return None


def _listed_interpretation(c: Cue) -> list[Emit] | None:
    if (
        c.ctx.listing
        and c.unit in c.ctx.lex.INTERPRETATION_UNITS
        and _rx(c.ctx.lex.INTERPRETATION).search(c.label)
        and _rx(r"^[\d,，.]+\s*\S{1,2}?[，,；;：:]?\s*其中").search(c.sent[c.pos : c.pos + 24])
    ):
        return [("interpretation.count", {}, "year")]  # 相关文件解读6条,其中…: broken down, so not a category
    return None


def _category_run(c: Cue) -> list[Emit] | None:
    """利用门户网站主动公开政府信息88条、规范性文件2条、财政信息2条…: three or more sibling items are
    categories; the first is a category only when its object names a kind (政府信息88条 is one item of
    the list, neither the total nor the channel's figure)."""
    if c.ctx.run_place < 0 or c.ctx.last_metric.startswith(("applications.", "complaints.")):
        return None
    if c.ctx.listing or c.ctx.list_head or _rx(rf"{c.ctx.lex.LIST_OPENERS}|[：:]").search(c.sent[: c.pos]):
        return None  # a list with an opener (其中/包括/：) has its head: the list rules read it
    cat = published_object(c.label, c.ctx.lex) if c.ctx.run_place == 0 else category(c.label, c.ctx.lex)
    if c.ctx.run_place == 0 and not cat:
        return []
    if cat and is_category(cat, c.ctx.lex) and not channel(cat, c.ctx.lex):
        return [("proactive.category", {"category": cat}, "year")]
    return None


def _run_item(c: Cue) -> list[Emit] | None:
    """主动公开乡镇动态23政策文件5条: a number whose unit its run printed once is an item of the run, never
    a total; it is the category its label names (or nothing when the label names none)."""
    if not c.ctx.run_item:
        return None
    if c.ctx.last_metric and not c.ctx.last_metric.startswith("proactive."):
        return []
    sibling = c.ctx.listing or c.ctx.last_metric == "proactive.category"  # the run's item before it
    cat = published_object(c.label, c.ctx.lex) or (category(c.label, c.ctx.lex) if sibling else "")
    if (
        cat
        and is_category(cat, c.ctx.lex)
        and not channel(cat, c.ctx.lex)
        and not _rx(c.ctx.lex.OTHER_METRIC_WORDS).search(cat)
    ):
        return [("proactive.category", {"category": cat}, "year")]
    return None


def _list_head(c: Cue) -> list[Emit] | None:
    if c.ctx.list_head and c.unit == "条" and _is_total(c) and not channel(c.label, c.ctx.lex):
        res: list[Emit] = [("proactive.total", {}, c.scope)]
        if portal := _route_portal(c):  # 依托门户网站平台，主动公开政府信息85条，其中…
            res.append(("proactive.channel", {"channel": portal}, c.scope))
        return res
    return None


def _listed_total(c: Cue) -> list[Emit] | None:
    if (
        c.ctx.listing
        and c.unit == "条"
        and _rx(rf"(?:{c.ctx.lex.LISTED_TOTAL})(?:的)?(?:数量|总数|数)?(?:为|共|共计|合计|总计)?$").search(
            c.label
        )
        and not channel(c.label, c.ctx.lex)
    ):  # …主动公开政府信息规范性文件2条 names a kind after the total's words: no total
        return [("proactive.total", {}, c.scope)]
    return None


def _listed_category(c: Cue) -> list[Emit] | None:
    if not c.ctx.listing or channel(c.label, c.ctx.lex):
        return None
    if c.ctx.last_metric and not c.ctx.last_metric.startswith("proactive."):
        return None  # 政策解读3篇，其中图文解读2篇: the list breaks down another figure
    if c.ctx.head_mention == c.unit and c.unit not in c.ctx.lex.ITEM_UNITS:
        return None  # 受理审批事项117件。其中办理减免税91件: parts in the unit of a figure that is not disclosure
    cat = category(c.label, c.ctx.lex)
    if _rx(c.ctx.lex.NOT_A_KIND).search(cat):
        return None  # 订阅数39条, 网站总访问量: counts about the channel, not items published
    if c.unit not in c.ctx.lex.ITEM_UNITS and c.unit != c.ctx.total_unit and not _listed_unit(c, cat):
        return None  # 其中规章1件、规范性文件11件 after a total in 件: categories count in the total's unit
    if (
        is_category(cat, c.ctx.lex)
        and len(cat) <= 60
        and not _rx(r"[\d\W]*").fullmatch(cat)
        and not paren_open(c.sent, c.pos)
    ):
        return [("proactive.category", {"category": cat}, "year")]
    return None


def _listed_unit(c: Cue, cat: str) -> bool:
    """An item in 件/个/份 is a category when its list counts in that unit (政策类：规章2件、规范性文件6件)
    or it names a document kind (其中主动公开规范性文件14个), and it names no other metric's words."""
    if c.unit not in c.ctx.lex.LIST_ITEM_UNITS or _rx(c.ctx.lex.OTHER_METRIC_WORDS).search(c.label):
        return False
    if c.ctx.applications or any(_rx(pat).search(cat) for pat, _ in c.ctx.lex.APP_OUTCOMES):
        return False  # 收到申请12件。其中，予以公开5件…: the list breaks down the applications
    return c.unit in c.ctx.list_units or _rx(c.ctx.lex.DOCUMENT_KIND).search(cat) is not None


def _other_platform(c: Cue) -> list[Emit] | None:
    """公共资源交易平台发布招标公告37条 / 信用中国网站公示210条: another platform's count, never the portal's."""
    if c.unit not in c.ctx.lex.ITEM_UNITS:
        return None
    pat = _rx(r"[^“”\"「」《》，,；;。、\d]{0,10}?" + c.ctx.lex.OTHER_PLATFORM)
    m = pat.search(c.label + "|" + c.clause)
    if m is None and not channel(c.label, c.ctx.lex):
        m = pat.search(_rx(r"[；;。]").split(c.sent[: c.pos])[-1])
    if m is None:
        return None
    name = _rx(r"^(?:通过|依托|利用|借助|运用|在)").sub("", m.group(0).lstrip("|"))
    return [("proactive.platform", {"label": name}, c.scope)]


def _complaint(c: Cue) -> list[Emit] | None:
    if c.unit not in c.ctx.lex.COMPLAINT_UNITS or _rx(c.ctx.lex.COMPLAINT_NOT).search(c.label):
        return None
    in_label = _rx(c.ctx.lex.COMPLAINT).search(c.label) is not None
    noun_after = _rx(c.ctx.lex.COMPLAINT_NOUN_AFTER).search(c.after) is not None
    if not in_label and noun_after and _rx(c.ctx.lex.COMPLAINT_VERB_ONLY).fullmatch(c.label):
        # 共收到15564件咨询投诉件: the label follows the figure; the source is the platform the sentence names
        named = _rx(c.ctx.lex.COMPLAINT_PLATFORM).findall(c.sent[: c.pos])
        return [
            ("complaints.count", {"source": named[-1] if named else clean_label(c.after, c.ctx.lex)}, "year")
        ]
    if not in_label and (c.label or not _rx(c.ctx.lex.COMPLAINT).search(c.after)):
        return None
    src = clean_label(c.label, c.ctx.lex) if in_label else clean_label(c.after, c.ctx.lex)
    src = _rx(rf"^.{{0,8}}?(?:共|累计)?(?:{c.ctx.lex.COMPLAINT_VERBS})").sub("", src) or src
    src = _rx(rf"(?:{c.ctx.lex.COMPLAINT_TAILS})$").sub("", src) or src
    dims = {"source": src or "投诉"}
    if c.ctx.complaint_source and _rx(r"其中").search(c.before + c.clause):
        dims["of"] = (
            c.ctx.complaint_source
        )  # 其中市长热线转交421件: part of the 658 举报投诉, not added to it
    return [("complaints.count", dims, "year")]


def _interpretation_part(c: Cue) -> list[Emit] | None:
    if c.ctx.last_metric == "interpretation.count" and c.ctx.listing:
        return []  # 其中图文解读2篇: a part of the interpretation figure before it, not a second one
    return None


def _interpretation(c: Cue) -> list[Emit] | None:
    if _rx(c.ctx.lex.INTERPRETATION).search(c.words) and c.unit in c.ctx.lex.INTERPRETATION_UNITS:
        return [("interpretation.count", {}, "year")]
    return None


def _case_outcome(c: Cue) -> list[Emit] | None:
    if (
        not c.ctx.case
        or c.unit not in c.ctx.lex.CASE_UNITS
        or _rx(f"{c.ctx.lex.REVIEW}|{c.ctx.lex.LITIGATION}").search(c.label)
    ):
        return None
    for pat, code in c.ctx.lex.CASE_OUTCOMES:
        if _rx(pat).search(c.label):
            return [(c.ctx.case, {"outcome": code}, "year")]
    if not clean_label(c.label, c.ctx.lex):  # 其中3件维持，1件尚未审结: the outcome is named after its figure
        for pat, code in c.ctx.lex.CASE_OUTCOMES:
            if _rx(pat).match(c.after.strip()):
                return [(c.ctx.case, {"outcome": code}, "year")]
    return None


def _review_litigation(c: Cue) -> list[Emit] | None:
    if c.unit not in c.ctx.lex.CASE_UNITS:
        return None
    for where in (c.label, c.words):
        metric = (
            "litigation.count"
            if _rx(c.ctx.lex.LITIGATION).search(where)
            else "review.count"
            if _rx(c.ctx.lex.REVIEW).search(where)
            else ""
        )
        if metric:
            res: list[Emit] = [(metric, {}, "year")]
            tail = _rx(r"[；;。]").split(c.sent[c.pos :])[0]
            tail = _rx(r"^[\d,，.]+\s*\S?").sub("", tail)
            if _rx(c.ctx.lex.CASE_PENDING_AFTER).search(tail.lstrip("，, ")):
                res.append((metric, {"outcome": "pending"}, "year"))  # 行政复议1起，正在办理中
            return res
    return None


def _fees(c: Cue) -> list[Emit] | None:
    if c.unit in c.ctx.lex.MONEY_UNITS and _rx(c.ctx.lex.FEES).search(c.label):
        return [("fees.amount", {}, "year")]
    return None


def _training(c: Cue) -> list[Emit] | None:
    near = c.label + c.after
    if (
        c.unit in ("次", "场", "期", "个")
        and _rx(c.ctx.lex.TRAINING_SESSION).search(near)
        and _about_disclosure(c)
    ):
        return [("training.sessions", {}, "year")]
    if c.unit in ("次", "场") and _rx(c.ctx.lex.TRAINING_MEETING).search(near) and _about_disclosure(c):
        return [("training.meetings", {}, "year")]
    if c.unit in ("人次", "人") and _rx(c.ctx.lex.TRAINEES).search(c.label) and _about_disclosure(c):
        return [("training.trainees", {}, "year")]
    return None


def _staff(c: Cue) -> list[Emit] | None:
    near = c.label + _rx(r"[（(]").split(c.after)[0]  # 工作人员3名（专职1名…: the bracket names its parts
    if c.unit not in c.ctx.lex.PERSON_UNITS or not _rx(c.ctx.lex.STAFF).search(near):
        return None
    near = near.replace(c.ctx.lex.STAFF_BOTH, "")
    kind = (
        "full_time"
        if c.ctx.lex.STAFF_FULL_TIME in near
        else "part_time"
        if c.ctx.lex.STAFF_PART_TIME in near
        else ""
    )
    res: list[Emit] = [("staff.count", {}, "year")]
    if kind:
        res.append(("staff.count", {"kind": kind}, "year"))
    return res


def _application(c: Cue) -> list[Emit] | None:
    if c.unit not in ("件", "份", "次", "条", "宗"):
        return None
    both = c.label + "|" + c.after
    if _rx(c.ctx.lex.APP_COMBINED_OUTCOME).search(c.label):
        return []  # 予以公开及部分公开15件: neither outcome alone (stays a mention with its label)
    if _rx(c.ctx.lex.APP_CARRIED_FORWARD).search(both):
        return [("applications.carried_forward", {}, "year")]
    if _rx(c.ctx.lex.APP_CARRIED_OVER).search(both):
        return [("applications.carried_over", {}, "year")]
    if (
        c.ctx.applications
        and c.unit in (*c.ctx.lex.APP_OUTCOME_UNITS, "次")
        and _rx(c.ctx.lex.APP_ANSWERED_BARE).fullmatch(clean_label(c.label, c.ctx.lex))
    ):
        return [("applications.outcome", {"outcome": "total"}, "year")]  # 受理申请0次，答复0次
    if not _rx(c.ctx.lex.APP_WORD).search(both + c.words + " " + c.ctx.topic):
        if c.unit in c.ctx.lex.APP_OUTCOME_UNITS and (
            c.ctx.applications or _rx(c.ctx.lex.APP_WORD).search(c.sent[: c.pos])
        ):
            # 收到申请12件，其中予以公开10件 / 本年新收9件: the sentence, or the one before, names them
            label = clean_label(c.label, c.ctx.lex)
            for pat, code in c.ctx.lex.APP_OUTCOMES:
                if _rx(pat).search(label):
                    return [("applications.outcome", {"outcome": code}, "year")]
            if _rx(c.ctx.lex.APP_RECEIVED_BARE).fullmatch(label):
                return [("applications.received", {}, "year")]
            if _rx(c.ctx.lex.APP_COMPLETED_BARE).fullmatch(label):
                return [("applications.completed", {}, "year")]

            applicant = _applicant(label, c.ctx.lex) if c.ctx.applications else ""
            if applicant:  # （其中自然人21件，… after the applications total
                return [("applications.received", {"applicant": applicant}, "year")]
        return None
    for pat, code in c.ctx.lex.APP_CHANNELS:
        if _rx(pat).search(c.label):
            return [("applications.channel", {"channel": code}, "year")]
    for pat, code in c.ctx.lex.APP_OUTCOMES:
        if _rx(pat).search(clean_label(c.label, c.ctx.lex)):
            return [("applications.outcome", {"outcome": code}, "year")]
    applicant = (
        _applicant(c.label, c.ctx.lex) if c.ctx.applications else ""
    )  # a part after the sentence's total
    if applicant:
        return [("applications.received", {"applicant": applicant}, "year")]
    if _rx(c.ctx.lex.APP_COMPLETED).search(c.label) and not _rx(c.ctx.lex.APP_RECEIVED_AND_DONE).search(
        c.label
    ):
        return [("applications.completed", {}, "year")]
    if (
        _rx(c.ctx.lex.APP_RECEIVED).search(c.label)
        or _rx(c.ctx.lex.APP_RECEIVED_AFTER).search(c.after)
        or _rx(c.ctx.lex.APP_RECEIVED_NOUN).search(c.label)
    ):
        return [("applications.received", {}, "year")]
    return None


def _applicant(label: str, lex: Lexicon = DEFAULT) -> str:
    """The applicant code a label names alone (自然人申请15件 → natural_person), or ''."""
    if _rx(lex.APP_APPLICANT_SPAN).search(label):
        return ""
    codes = {code for pat, code in lex.APP_APPLICANTS if _rx(pat).search(label)}
    return codes.pop() if len(codes) == 1 else ""


def _not_an_item(c: Cue) -> list[Emit] | None:
    """Only items (条 篇 件 个) are proactive figures below this rule: anything else stays a mention."""
    if c.unit in ("条", "篇", "件", "个"):
        return None
    named = channel(c.label, c.ctx.lex)
    return None if named and c.unit in c.ctx.lex.CHANNEL_UNITS.get(named, ()) else []


def _is_total(c: Cue) -> bool:
    if _rx(r"(?:公开|发布)\D*\d+(?![\d年月日])[\u4e00-\u9fff]").search(c.label):
        return False  # 主动公开乡镇动态23政策文件5条: an item whose unit was dropped stands between
    words = c.label + c.clause
    if _rx(c.ctx.lex.BARE_LINK).fullmatch(
        c.label
    ):  # …发布信息同比增长12.5%，达到320条: the clause before names it
        words = _rx(r"[，,；;]").split(c.sent[: c.pos])[-2:][0] + words
    return (
        _rx(c.ctx.lex.PROACTIVE_TOTAL).search(words) is not None
        or _rx(c.ctx.lex.PROACTIVE_TOTAL_NOUN).search(c.label) is not None
    )


def _paragraph_channel_verb(c: Cue) -> list[Emit] | None:
    named = channel(c.label, c.ctx.lex) or (channel(c.clause, c.ctx.lex) if not c.ctx.listing else None)
    if (
        not named
        and c.ctx.line_channel
        and c.unit == "条"
        and _rx(r"发布|推送").search(c.label)
        and not c.ctx.listing
    ):
        return [("proactive.channel", {"channel": c.ctx.line_channel}, c.scope)]
    return None


def _bracketed_category(c: Cue) -> list[Emit] | None:
    if paren_open(c.sent, c.pos) and c.ctx.parent:
        cat = category(c.label, c.ctx.lex)
        if cat:
            return [("proactive.category", {"category": cat, "parent": c.ctx.parent}, "year")]
    return None


def _several_channels(c: Cue) -> list[Emit] | None:
    if c.unit not in c.ctx.lex.ITEM_UNITS:
        return None
    named = {code for pat, code in c.ctx.lex.CHANNELS if _rx(pat).search(c.label)}
    if len(named) > 1:
        named.discard("new_media")  # 新媒体平台…微信公众号: the family word names no second channel
    if len(named) < 2:
        return None
    if _rx(r"主动公开").search(c.label) and not c.ctx.listing:
        return [("proactive.total", {}, c.scope)]  # 通过门户网站、公开栏等主动公开政府信息N条
    return []  # 政务网站、微信、微博共发布各类信息2483条: a combined count of several channels


def _named_channel(c: Cue) -> list[Emit] | None:
    named = channel(c.label, c.ctx.lex) or (channel(c.clause, c.ctx.lex) if not c.ctx.listing else None)
    if not named or (
        c.unit not in c.ctx.lex.ITEM_UNITS and c.unit not in c.ctx.lex.CHANNEL_UNITS.get(named, ())
    ):
        return None
    res: list[Emit] = [("proactive.channel", {"channel": named}, c.scope)]
    # the portal carries everything disclosed: 在门户网站公开信息77条 is the total; a board's 公开信息 is not
    if (
        _is_total(c)
        and not c.ctx.listing
        and _rx(r"主动公开" if not _portal_alone(named, c) else r"主动公开|公开(?:政府)?信息").search(
            c.label + c.clause
        )
        and not _rx(r"其中|依托|通过").search(c.label + c.clause)
    ):
        res.append(("proactive.total", {}, c.scope))
    return res


def _portal_alone(named: str, c: Cue) -> bool:
    """The portal is the only channel the figure's clause group (up to ；) names (with others, it is one
    channel among them)."""
    group = _rx(r"[；;]").split(c.sent[: c.pos])[-1] + _rx(r"[；;]").split(c.sent[c.pos :])[0]
    if _rx(c.ctx.lex.OTHER_PLATFORM).search(group):
        return False  # 在信用中国网站公示…，在区政府网站公开…: another site stands beside the portal
    return named == "website" and _one_channel(group) == "website"


def _total(c: Cue) -> list[Emit] | None:
    if c.ctx.listing or not _is_total(c) or c.unit not in ("条", "件"):
        return None
    if c.unit == "件" and not _rx(c.ctx.lex.PROACTIVE_TOTAL_NOUN).search(c.label):
        return None  # 件 counts applications far more often than published items
    if _rx(c.ctx.lex.ROUTE_LEAD).search(c.label) and not _rx(c.ctx.lex.ROUTE_TOTAL_WORDS).search(c.label):
        return None
    res: list[Emit] = [("proactive.total", {}, c.scope)]
    named = c.ctx.channel or _route_portal(c)
    if named:
        res.append(("proactive.channel", {"channel": named}, c.scope))
    return res


def _route_portal(c: Cue) -> str | None:
    """依托区政府门户网站，街道主动公开…共76条: the total a clause before says was published on the portal
    alone is also the portal's figure (the only channel its clause group names, through a route word)."""
    group = _rx(r"[；;。]").split(c.sent[: c.pos])[-1]
    if _rx(r"其中|分别").search(group) or _rx(c.ctx.lex.OTHER_PLATFORM).search(group):
        return None
    m = _rx(rf"(?:{c.ctx.lex.ROUTE_WORDS})[^，,；;。]{{0,20}}?(?:网站|门户|政府网)").search(group)
    return "website" if m and _one_channel(group, c.ctx.lex) == "website" else None


def _sentence_channel(c: Cue) -> list[Emit] | None:
    if c.ctx.channel and c.unit == "条" and not c.ctx.listing:
        return [("proactive.channel", {"channel": c.ctx.channel}, c.scope)]
    if c.ctx.line_channel and c.unit == "条" and _rx(r"发布|推送").search(c.label):
        return [("proactive.channel", {"channel": c.ctx.line_channel}, c.scope)]
    return None


def _published_kind(c: Cue) -> list[Emit] | None:
    """发布…通知公告信息15条，公开采购信息2条 under 主动公开 (its heading or sentence), no channel's or total's
    figure: each names the kind of item it published, a category."""
    if c.unit not in c.ctx.lex.LIST_ITEM_UNITS or not _rx(r"主动公开").search(c.ctx.topic + c.sent):
        return None
    cat = published_object(c.label, c.ctx.lex)
    if not cat and c.before.lstrip().startswith("、") and c.ctx.last_metric == "proactive.category":
        cat = category(
            c.label, c.ctx.lex
        )  # 公开规章1件、政策性文件11件: the verb of the run's first item names the rest
    if c.unit not in c.ctx.lex.ITEM_UNITS and not _rx(c.ctx.lex.DOCUMENT_KIND).search(cat):
        return None  # in 件/个/份 only documents are items published
    if not cat or _rx(c.ctx.lex.OTHER_METRIC_WORDS + "|" + c.ctx.lex.NOT_A_KIND).search(cat):
        return None
    return [("proactive.category", {"category": cat}, "year")]


RULES: tuple[Rule, ...] = (
    Rule("other_year", "上年度…180条, 比上年增加12条: another year's figure or a change", _other_year),
    Rule("part_period", "第一季度/上半年/12月份/每月 …: a part of the year or a rate", _part_period),
    Rule(
        "category_run",
        "规范性文件2条、财政信息2条、人事信息13条…: three or more sibling items are categories",
        _category_run,
    ),
    Rule("inquiry", "现场接待78人次, 电话咨询12次: inquiries by their channel words", _inquiry),
    Rule(
        "other_platform",
        "公共资源交易平台/信用中国网站 … N条: that platform's count (proactive.platform), not the portal's",
        _other_platform,
    ),
    Rule(
        "channel_verb",
        "a bare publish verb after a channel sentence: 上报信息114条,审发推送71条",
        _channel_verb,
    ),
    Rule(
        "verb_after_channel",
        "通过信息公告栏,公开43条: a bare verb whose clause before names the channel",
        _verb_after_channel,
    ),
    Rule("electronic", "全文电子化率/数 is its own metric", _electronic),
    Rule(
        "listed_interpretation",
        "a 解读 count in a list that is itself broken down (其中…) is the interpretation figure",
        _listed_interpretation,
    ),
    Rule(
        "run_item",
        "动态22会议纪要9、人事5条: a run's unitless item is a category of the list, never a total",
        _run_item,
    ),
    Rule(
        "list_head",
        "主动公开/发布政府信息N条，具体包括…: the figure a list breaks down is the total",
        _list_head,
    ),
    Rule("listed_total", "inside a 其中 list, 主动公开政府信息N条 is still the total", _listed_total),
    Rule("listed_category", "inside a 其中 list, 'label N条' is a category of the total", _listed_category),
    Rule(
        "complaint", "12345/热线/投诉/举报 counts with their source; a 其中 part names its whole", _complaint
    ),
    Rule(
        "interpretation_part",
        "政策解读3篇，其中图文解读2篇: a part of the interpretation figure stays a mention",
        _interpretation_part,
    ),
    Rule("interpretation", "政策解读N次/篇", _interpretation),
    Rule(
        "case_outcome",
        "其中结果维持72件，结果纠正64件: outcomes of the case total before them",
        _case_outcome,
    ),
    Rule("review_litigation", "行政复议 / 行政诉讼 cases", _review_litigation),
    Rule("fees", "收费/费用 in 元 or 万元", _fees),
    Rule("training", "disclosure training sessions, meetings and trainees", _training),
    Rule("staff", "staff in 人/名, with kind when 专职/兼职 is said", _staff),
    Rule("application", "依申请 counts: received, carried over/forward, channel, outcome", _application),
    Rule("not_an_item", "below here only item counts (条 篇 件 个) can be proactive figures", _not_an_item),
    Rule(
        "paragraph_channel_verb",
        "发布/推送N条 in a paragraph that named its channel",
        _paragraph_channel_verb,
    ),
    Rule(
        "bracketed_category",
        "工作信息469条(政务动态465条): a category inside brackets is a part",
        _bracketed_category,
    ),
    Rule(
        "several_channels",
        "a count over two or more channels is no one channel's figure (微信、微博发布信息102条)",
        _several_channels,
    ),
    Rule(
        "named_channel",
        "网站/微信/微博/公开栏/其他方式 … N条; 主动公开 there without 通过 is also the total",
        _named_channel,
    ),
    Rule("total", "主动公开政府信息N条 / 主动公开的各类政府信息数量N件: the proactive total", _total),
    Rule("sentence_channel", "N条 in a sentence or paragraph about one channel", _sentence_channel),
    Rule(
        "published_kind",
        "under 主动公开, 发布/公开 + a named kind of item + N条 (no channel, no total) is that category",
        _published_kind,
    ),
)


def classify(c: Cue) -> tuple[str, list[Emit]]:
    """The first rule that applies to the cue, and what it emits ("", [] when none does)."""
    for rule in RULES:
        res = rule.fn(c)
        if res is not None:
            return rule.name, res
    return "", []


# --- explicit zeros stated in words -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ZeroRule:
    """A negative statement that states a figure is zero (未发生行政复议 → review.count = 0)."""

    name: str
    pattern: str
    metric: str
    unit: str
    unless: str = ""  # words that make the sentence about something else
    dims: tuple[tuple[str, str], ...] = ()


_ZERO_DIMS = {"inquiries.count": (("channel", "咨询"),)}
# one name per entry of lx.ZERO_PHRASES, in its order: a failing row names the pattern that broke
_ZERO_NAMES = (
    "zero_applications",  # 未收到/没有/暂无 … 申请: a negated event
    "zero_applications_nil",  # 申请数为零: the count stated as nil
    "zero_review",
    "zero_litigation",
    "zero_fees",
    "zero_interpretation",
    "zero_inquiries",
)
ZERO_RULES: tuple[ZeroRule, ...] = tuple(
    ZeroRule(name, pat, metric, unit, unless, _ZERO_DIMS.get(metric, ()))
    for name, (pat, metric, unit, unless) in zip(_ZERO_NAMES, lx.ZERO_PHRASES, strict=True)
)
