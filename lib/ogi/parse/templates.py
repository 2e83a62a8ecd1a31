"""The national templates as data: row labels and column headers → metric and dims.

Adding a template is adding rows here, not code (DESIGN.md). Patterns are matched with
`re.search` against a label with whitespace removed and its leading numbering stripped; the first
matching spec wins, so specific wordings come before general ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache


@dataclass(frozen=True, slots=True)
class RowSpec:
    pattern: str
    metric: str
    dims: dict[str, str] = field(default_factory=dict)
    group: str = ""  # sets the group for following numbered sub-rows (e.g. 不予公开 → outcome=denied)
    reason_from_label: bool = False  # add dims.reason = the label (sub-rows)
    source_from_label: bool = False  # complaints: dims.source = the label

    def match(self, label: str) -> bool:
        return _compiled(self.pattern).search(label) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _r(pattern: str, metric: str, **kw: object) -> RowSpec:
    dims = {k: str(v) for k, v in kw.items() if k not in ("group", "reason", "source")}
    return RowSpec(
        pattern,
        metric,
        dims,
        group=str(kw.get("group", "")),
        reason_from_label=bool(kw.get("reason")),
        source_from_label=bool(kw.get("source")),
    )


# section 三 of the 2019 and 2021 formats: the applications matrix
SEC3_ROWS: tuple[RowSpec, ...] = (
    _r(r"本年新收", "applications.received"),
    _r(r"上年结转", "applications.carried_over"),
    _r(r"结转下年度", "applications.carried_forward"),
    _r(r"本年度办理结果$", ""),
    _r(r"予以公开", "applications.outcome", outcome="granted"),
    _r(r"部分公开", "applications.outcome", outcome="partial"),
    _r(r"不予公开", "applications.outcome", outcome="denied", group="denied"),
    _r(r"无法提供", "applications.outcome", outcome="unavailable", group="unavailable"),
    _r(r"不予处理", "applications.outcome", outcome="not_processed", group="not_processed"),
    _r(r"其他处理", "applications.outcome", outcome="other", group="other"),
    _r(r"总计", "applications.outcome", outcome="total"),
)
SEC3_APPLICANTS: tuple[tuple[str, str | None], ...] = (
    ("自然人", "natural_person"),
    ("商业企业", "business"),
    ("科研机构", "research"),
    ("社会公益组织", "public_interest"),
    ("法律服务机构", "legal_service"),
    ("其他", "other_org"),
    ("总计", None),
)

# section 四: one row of 15 numbers
SEC4_COLUMNS: tuple[tuple[str, dict[str, str]], ...] = tuple(
    (metric, {**route, **({"outcome": o} if o else {})})
    for metric, route in (
        ("review.count", {}),
        ("litigation.count", {"route": "direct"}),
        ("litigation.count", {"route": "after_review"}),
    )
    for o in ("upheld", "corrected", "other", "pending", "")
)

# section 二 第二十条 blocks: caption item number → family; header text → measure
ART20_FAMILY = {
    "一": "documents",
    "五": "licensing",
    "六": "enforcement",
    "八": "charges",
    "九": "procurement",
}
ART20_MEASURES: tuple[tuple[str, str], ...] = (
    (r"本年新制作", "made"),
    (r"本年新公开", "published"),
    (r"对外公开总", "total"),
    (r"本年制发", "issued"),
    (r"本年废止", "repealed"),
    (r"现行有效", "in_force"),
    (r"上一年项目", "prior"),
    (r"增/?减|增减", "change"),
    (r"处理决定", "decisions"),
    (r"收费金额", "amount"),
    (r"采购项目", "projects"),
    (r"采购总金额|总金额", "amount"),
)
MONEY_METRICS = frozenset({"charges.amount", "procurement.amount", "fees.amount", "budget.amount"})

# the 2014–2018 统计表 and the older 附表 (one label column, a unit column, value columns)
FORM_ROWS: tuple[RowSpec, ...] = (
    _r(r"全文电子化", "proactive.electronic"),
    _r(r"主动公开规范性文件", "proactive.normative_docs"),
    _r(r"制发规范性文件", "documents.issued"),
    _r(r"人大代表建议|政协提案", "proactive.proposals"),
    _r(r"政府公报公开", "proactive.channel", channel="gazette"),
    _r(r"政府网站公开|网站公开", "proactive.channel", channel="website"),
    _r(r"政务微博公开|微博公开", "proactive.channel", channel="weibo"),
    _r(r"政务微信公开|微信公开", "proactive.channel", channel="wechat"),
    _r(r"其他方式公开", "proactive.channel", channel="other"),
    _r(r"通过不同渠道和方式公开", ""),
    _r(r"主动公开(?:政府)?(?:信息|文件)数?", "proactive.total"),
    _r(r"回应公众关注|重大舆情", "response.hotspots"),
    _r(r"主要负责同志参加新闻发布会", "response.press_conferences", attendee="leader"),
    _r(r"新闻发布会", "response.press_conferences"),
    _r(r"主要负责同志参加.*访谈", "response.interviews", attendee="leader"),
    _r(r"在线访谈", "response.interviews"),
    _r(r"政策解读", "interpretation.count"),
    _r(r"微博微信回应", "response.social_media"),
    _r(r"其他方式回应", "response.other"),
    _r(r"通过不同渠道和方式回应", ""),
    _r(r"当面申请", "applications.channel", channel="in_person"),
    _r(r"信函[、,，/]?传真申请", "applications.channel", channel="letter_fax"),
    _r(r"传真申请", "applications.channel", channel="fax"),
    _r(r"网络申请|网上申请", "applications.channel", channel="online"),
    _r(r"信函申请", "applications.channel", channel="letter"),
    _r(r"电子邮件申请", "applications.channel", channel="email"),
    _r(r"其他形式申请", "applications.channel", channel="other"),
    _r(r"收到申请|申请总数|受理.*申请", "applications.received"),
    _r(r"按时办结", "applications.completed", timing="on_time"),
    _r(r"延期办结", "applications.completed", timing="extended"),
    _r(r"申请办结", "applications.completed"),
    _r(r"申请答复数|答复总数|对申请的答复", "applications.outcome", outcome="total"),
    _r(r"已主动公开范围", "applications.outcome", outcome="already_public"),
    _r(r"同意部分公开", "applications.outcome", outcome="partial"),
    _r(r"不同意公开|不予公开|否决公开", "applications.outcome", outcome="denied", group="denied"),
    _r(r"同意公开", "applications.outcome", outcome="granted"),
    _r(
        r"国家秘密|商业秘密|个人隐私|危及国家安全|所指政府信息|法律法规规定的其他情形",
        "applications.outcome",
        outcome="denied",
        reason=True,
    ),
    _r(
        r"不属于本行政机关|申请信息不存在|信息不存在|非本部门掌握",
        "applications.outcome",
        outcome="unavailable",
        reason=True,
    ),
    _r(r"告知作出更改补充|告知通过其他途径", "applications.outcome", outcome="other", reason=True),
    _r(r"其他类型答复|其他答复", "applications.outcome", outcome="other"),
    # a complaints row wins over 行政复议/行政诉讼 in its label ('接受行政诉讼、举报数', a misprint of 投诉)
    _r(r"行政申诉|举报投诉|投诉举报|举报", "complaints.count", source=True),
    _r(r"行政复议", "review.count", group="review"),
    _r(r"行政诉讼", "litigation.count", group="litigation"),
    _r(r"维持具体行政行为|驳回原告", "@group", outcome="upheld"),
    _r(r"被依法纠错|纠正", "@group", outcome="corrected"),
    _r(r"其他情形", "@group", outcome="other"),
    _r(r"收取的费用|收费.*金额|收费减免", "fees.amount"),
    _r(r"专门机构", "organisation.offices"),
    _r(r"查阅点", "organisation.reading_points"),
    _r(r"专职人员", "staff.count", kind="full_time"),
    _r(r"兼职人员", "staff.count", kind="part_time"),
    _r(r"工作人员数|从事政府信息公开", "staff.count"),
    _r(r"专项经费", "budget.amount"),
    _r(r"会议", "training.meetings"),
    _r(r"培训班", "training.sessions"),
    _r(r"接受培训|培训人员", "training.trainees"),
    _r(r"现场接待|网上咨询|咨询电话|页面访问量", "inquiries.count", channel="@label"),
)

UNIT_CELLS = frozenset(
    {"条", "件", "次", "人次", "人", "个", "篇", "元", "万元", "份", "项", "起", "场", "期", "名"}
)
HEADER_WORDS = (
    "指标名称",
    "统计指标",
    "计量单位",
    "单位",
    "统计数",
    "年度",
    "历年累计",
    "本年累计",
    "本期实际",
    "代码",
    "信息内容",
    "申请人情况",
    "法人或其他组织",
)


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
