"""The registered templates: `2021`, `2019`, `statform`, `pre2014`, `narrative`, as data.

Registered like the readers: `register(Template(...))` adds a format, `detect` picks one for a
parsed report, `get` returns one by code. Row patterns are searched in a label with whitespace and
leading numbering removed; the first matching row of a block wins, so specific wordings go first.
"""

from __future__ import annotations

from ogi.templates.model import ColumnSpec, Identity, RowSpec, SectionSpec, TableBlock, Template, compiled


def _row(pattern: str, metric: str, **dims: str) -> RowSpec:
    return RowSpec(pattern, metric, dict(dims))


# --- section headings (one vocabulary for every format; order matters: first match wins) -----------
SECTION_KINDS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "problems",
        r"存在.*问题|问题.*改进|改进措施|工作打算",
        "存在的主要问题及改进情况",
        "problems and improvements",
        loose=r"问题",
    ),
    SectionSpec(
        "other", r"其他需要报告|需要说明|其他事项|其他需报告|附表|附件", "其他需要报告的事项", "other matters"
    ),
    SectionSpec(
        "review",
        r"行政复议|行政诉讼|复议|诉讼|申诉",
        "行政复议、行政诉讼情况",
        "administrative review and litigation",
    ),
    SectionSpec(
        "applications",
        r"依申请|收到和处理|申请公开|公开申请",
        "收到和处理政府信息公开申请情况",
        "applications received and handled",
    ),
    SectionSpec("proactive", r"主动公开", "主动公开政府信息情况", "proactive disclosure"),
    SectionSpec("response", r"回应|解读", "回应解读情况", "responses and interpretation"),
    SectionSpec("complaints", r"举报投诉|投诉", "举报投诉情况", "complaints"),
    SectionSpec("fees", r"收费", "收费及减免情况", "fees"),
    SectionSpec("inquiries", r"咨询", "咨询情况", "inquiries"),
    SectionSpec(
        "organisation",
        r"机构建设|保障经费|会议和培训|培训",
        "机构建设和保障经费情况",
        "organisation and budget",
    ),
    SectionSpec("overview", r"总体情况|概述|基本|概况|总体|引言", "总体情况", "overview"),
)
UNIFIED = ("overview", "proactive", "applications", "review", "problems", "other")  # 2019 and 2021
STATUTORY_2008 = ("proactive", "applications", "review", "problems")  # the 2008 条例 content list
UNIFIED_FROM = 2019  # the 2019 条例 revision: every report from this year on owes the unified six

# --- section 二 第二十条 blocks ---------------------------------------------------------------------
ART20_FAMILY = {
    "一": "documents",
    "五": "licensing",
    "六": "enforcement",
    "八": "charges",
    "九": "procurement",
}
ART20 = TableBlock(
    name="art20",
    triggers=(r"第二十条第?[（(]?([一二三四五六七八九十]+)[）)]?项",),
    headers=("信息内容",),
    columns=(
        ColumnSpec("本年新制作数量", {"measure": "made"}, pattern=r"本年新制作"),
        ColumnSpec("本年新公开数量", {"measure": "published"}, pattern=r"本年新公开"),
        ColumnSpec("对外公开总数量", {"measure": "total"}, pattern=r"对外公开总"),
        ColumnSpec("本年制发件数", {"measure": "issued"}, pattern=r"本年制发"),
        ColumnSpec("本年废止件数", {"measure": "repealed"}, pattern=r"本年废止"),
        ColumnSpec("现行有效件数", {"measure": "in_force"}, pattern=r"现行有效"),
        ColumnSpec("上一年项目数量", {"measure": "prior"}, pattern=r"上一年项目"),
        ColumnSpec("本年增/减", {"measure": "change"}, pattern=r"增/?减|增减"),
        ColumnSpec("处理决定数量", {"measure": "decisions"}, pattern=r"处理决定"),
        ColumnSpec("本年收费金额", {"measure": "amount"}, pattern=r"收费金额"),
        ColumnSpec("采购项目数量", {"measure": "projects"}, pattern=r"采购项目"),
        ColumnSpec("采购总金额", {"measure": "amount"}, pattern=r"采购总金额|总金额"),
    ),
)
MONEY_METRICS = frozenset({"charges.amount", "procurement.amount", "fees.amount", "budget.amount"})

# --- section 三: the applications matrix (2019 and 2021) ------------------------------------------
SEC3_ROWS: tuple[RowSpec, ...] = (
    _row(r"本年新收", "applications.received"),
    _row(r"上年结转", "applications.carried_over"),
    _row(r"结转下年度", "applications.carried_forward"),
    _row(r"本年度办理结果$", ""),
    _row(r"予以公开", "applications.outcome", outcome="granted"),
    _row(r"部分公开", "applications.outcome", outcome="partial"),
    RowSpec(r"不予公开", "applications.outcome", {"outcome": "denied"}, opens_group="denied"),
    RowSpec(r"无法提供", "applications.outcome", {"outcome": "unavailable"}, opens_group="unavailable"),
    RowSpec(r"不予处理", "applications.outcome", {"outcome": "not_processed"}, opens_group="not_processed"),
    RowSpec(r"其他处理", "applications.outcome", {"outcome": "other"}, opens_group="other"),
    _row(r"总计", "applications.outcome", outcome="total"),
)
SEC3_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("自然人", {"applicant": "natural_person"}),
    ColumnSpec("商业企业", {"applicant": "business"}),
    ColumnSpec("科研机构", {"applicant": "research"}),
    ColumnSpec("社会公益组织", {"applicant": "public_interest"}),
    ColumnSpec("法律服务机构", {"applicant": "legal_service"}),
    ColumnSpec("其他", {"applicant": "other_org"}),
    ColumnSpec("总计", {}),
)
SEC3 = TableBlock(
    name="sec3",
    triggers=("勾稽关系", "申请人情况"),
    headers=(
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "法人或其他组织",
        "申请人情况",
        "总计",
        "其他",
    ),
    rows=SEC3_ROWS,
    columns=SEC3_COLUMNS,
)
# sub-rows of the groups, in the national template's order (the damaged-layout decoder's row plan)
SEC3_REASONS: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "denied": (
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ),
        "unavailable": ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
        "not_processed": (
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ),
        "other": (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        ),
    },
}

# --- section 四: one row of 15 numbers -------------------------------------------------------------
SEC4_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(head, {**route, **({"outcome": o} if o else {})}, metric=metric)
    for metric, route in (
        ("review.count", {}),
        ("litigation.count", {"route": "direct"}),
        ("litigation.count", {"route": "after_review"}),
    )
    for head, o in (
        ("结果维持", "upheld"),
        ("结果纠正", "corrected"),
        ("其他结果", "other"),
        ("尚未审结", "pending"),
        ("总计", ""),
    )
)
#: the printed group over each block of five section 四 columns, by (metric, route)
SEC4_HEADS = {
    ("review.count", ""): "行政复议",
    ("litigation.count", "direct"): "行政诉讼 未经复议直接起诉",
    ("litigation.count", "after_review"): "行政诉讼 复议后起诉",
}


def sec4_column(col: ColumnSpec) -> str:
    """A section 四 column as printed, group and header (`行政复议 | 结果维持`): a cell's quote names which
    of the fifteen figures it is."""
    group = SEC4_HEADS.get((col.metric, col.dims.get("route", "")), "行政复议、行政诉讼")
    return f"{group} | {col.header}"


SEC4 = TableBlock(
    name="sec4",
    triggers=("行政复议", "行政诉讼"),
    headers=(
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ),
    columns=SEC4_COLUMNS,
)

# --- the 2014–2018 统计表 and the older 附表: a label column, a unit column, value columns -------
FORM_ROWS: tuple[RowSpec, ...] = (
    _row(r"全文电子化", "proactive.electronic"),
    _row(r"主动公开规范性文件", "proactive.normative_docs"),
    _row(r"制发规范性文件", "documents.issued"),
    _row(r"人大代表建议|政协提案", "proactive.proposals"),
    _row(r"政府公报公开", "proactive.channel", channel="gazette"),
    _row(r"政府网站公开|网站公开", "proactive.channel", channel="website"),
    _row(r"政务微博公开|微博公开", "proactive.channel", channel="weibo"),
    _row(r"政务微信公开|微信公开", "proactive.channel", channel="wechat"),
    _row(r"其他方式公开", "proactive.channel", channel="other"),
    _row(r"通过不同渠道和方式公开", ""),
    _row(r"主动公开(?:政府)?(?:信息|文件)数?", "proactive.total"),
    _row(r"回应公众关注|重大舆情", "response.hotspots"),
    _row(r"主要负责同志参加新闻发布会", "response.press_conferences", attendee="leader"),
    _row(r"新闻发布会", "response.press_conferences"),
    _row(r"主要负责同志参加.*访谈", "response.interviews", attendee="leader"),
    _row(r"在线访谈", "response.interviews"),
    _row(r"政策解读", "interpretation.count"),
    _row(r"微博微信回应", "response.social_media"),
    _row(r"其他方式回应", "response.other"),
    _row(r"通过不同渠道和方式回应", ""),
    _row(r"当面申请", "applications.channel", channel="in_person"),
    _row(r"信函[、,，/]?传真申请", "applications.channel", channel="letter_fax"),
    _row(r"传真申请", "applications.channel", channel="fax"),
    _row(r"网络申请|网上申请", "applications.channel", channel="online"),
    _row(r"信函申请", "applications.channel", channel="letter"),
    _row(r"电子邮件申请", "applications.channel", channel="email"),
    _row(r"其他形式申请", "applications.channel", channel="other"),
    _row(r"收到申请|申请总数|受理.*申请", "applications.received"),
    _row(r"按时办结", "applications.completed", timing="on_time"),
    _row(r"延期办结", "applications.completed", timing="extended"),
    _row(r"申请办结", "applications.completed"),
    _row(r"申请答复数|答复总数|对申请的答复", "applications.outcome", outcome="total"),
    _row(r"已主动公开范围", "applications.outcome", outcome="already_public"),
    _row(r"同意部分公开", "applications.outcome", outcome="partial"),
    RowSpec(
        r"不同意公开|不予公开|否决公开", "applications.outcome", {"outcome": "denied"}, opens_group="denied"
    ),
    _row(r"同意公开", "applications.outcome", outcome="granted"),
    RowSpec(
        r"国家秘密|商业秘密|个人隐私|危及国家安全|所指政府信息|法律法规规定的其他情形",
        "applications.outcome",
        {"outcome": "denied"},
        reason_from_label=True,
    ),
    RowSpec(
        r"不属于本行政机关|申请信息不存在|信息不存在|非本部门掌握",
        "applications.outcome",
        {"outcome": "unavailable"},
        reason_from_label=True,
    ),
    RowSpec(
        r"告知作出更改补充|告知通过其他途径",
        "applications.outcome",
        {"outcome": "other"},
        reason_from_label=True,
    ),
    _row(r"其他类型答复|其他答复", "applications.outcome", outcome="other"),
    # a complaints row wins over 行政复议/行政诉讼 in its label ('接受行政诉讼、举报数', a misprint of 投诉)
    RowSpec(r"行政申诉|举报投诉|投诉举报|举报", "complaints.count", source_from_label=True),
    RowSpec(r"行政复议", "review.count", opens_group="review"),
    RowSpec(r"行政诉讼", "litigation.count", opens_group="litigation"),
    RowSpec(r"维持具体行政行为|驳回原告", "", {"outcome": "upheld"}, metric_from_group=True),
    RowSpec(r"被依法纠错|纠正", "", {"outcome": "corrected"}, metric_from_group=True),
    RowSpec(r"其他情形", "", {"outcome": "other"}, metric_from_group=True),
    _row(r"收取的费用|收费.*金额|收费减免", "fees.amount"),
    _row(r"专门机构", "organisation.offices"),
    _row(r"查阅点", "organisation.reading_points"),
    _row(r"专职人员", "staff.count", kind="full_time"),
    _row(r"兼职人员", "staff.count", kind="part_time"),
    _row(r"工作人员数|从事政府信息公开", "staff.count"),
    _row(r"专项经费", "budget.amount"),
    _row(r"会议", "training.meetings"),
    _row(r"培训班", "training.sessions"),
    _row(r"接受培训|培训人员", "training.trainees"),
    RowSpec(r"现场接待|网上咨询|咨询电话|页面访问量", "inquiries.count", channel_from_label=True),
)
GROUP_METRICS = {"review": "review.count", "litigation": "litigation.count"}  # metric_from_group rows
UNIT_CELLS = frozenset(
    {"条", "件", "次", "人次", "人", "个", "篇", "元", "万元", "份", "项", "起", "场", "期", "名"}
)
FORM = TableBlock(
    name="form",
    triggers=("指标名称", "统计指标", "指标"),
    headers=("单位", "计量单位", "代码"),
    rows=FORM_ROWS,
    columns=(
        # the national 统计表 has one 统计数 column; local forms add 本年 / 2018年度 and 历年累计
        ColumnSpec(
            "统计数",
            scope="year",
            pattern=r"^(?:\d{4}|[一二三四五六七八九〇零]{4})年度?$|^(?:统计数|本期实际|本年度|本年|本年累计)$",
        ),
        ColumnSpec("历年累计", scope="cumulative", pattern=r"历年累计|^累计$"),
    ),
)

# --- identities (rule ids of ogi.checks) -------------------------------------------------------------
SEC3_BALANCE = Identity(
    "identity.sec3_balance", "一 + 二 = （七）总计 + 四", "received + carried over = total + carried forward"
)
SEC3_OUTCOMES = Identity(
    "identity.sec3_outcome_total", "（七）总计 = （一）…（六）", "outcome total = its parts"
)
SEC3_ROW_TOTAL = Identity(
    "identity.sec3_row_total", "总计列 = 各申请人列之和", "total column = applicant columns"
)
SEC4_GROUPS = Identity(
    "identity.sec4_groups", "复议/诉讼 总计 = 各结果之和", "review / litigation totals = outcomes"
)
PARTS_SUM = Identity("identity.parts_sum", "统计表合计 = 其中各项", "form totals = their parts")

TEMPLATES: dict[str, Template] = {}


def register(template: Template) -> Template:
    """Add (or replace) a format; detection tries formats in registration order."""
    TEMPLATES[template.code] = template
    return template


register(
    Template(
        code="2021",
        name="国办公开办函〔2021〕30号",
        signature=r"本年制发件数|本年废止件数|现行有效件数|本年收费金额|逾期未按收费通知",
        fallback_blocks=frozenset({"sec3", "art20"}),
        years=(2021, 9999),
        sections=UNIFIED,
        required=UNIFIED,
        blocks=(ART20, SEC3, SEC4),
        identities=(SEC3_BALANCE, SEC3_OUTCOMES, SEC3_ROW_TOTAL, SEC4_GROUPS, PARTS_SUM),
    )
)
register(
    Template(
        code="2019",
        name="国办公开办函〔2019〕60号",
        signature=r"本年新制作数量|本年新公开数量|第二十条第（九）项|采购总金额|其他对外管理服务事项",
        fallback_blocks=frozenset({"sec3", "art20"}),
        years=(0, 2020),
        sections=UNIFIED,
        required=UNIFIED,
        blocks=(ART20, SEC3, SEC4),
        identities=(SEC3_BALANCE, SEC3_OUTCOMES, SEC3_ROW_TOTAL, SEC4_GROUPS, PARTS_SUM),
    )
)
register(
    Template(
        code="statform",
        name="2014–2018 政府信息公开情况统计表",
        signature=r"政府信息公开情况统计表|统计指标|回应公众关注热点|政府信息公开会议和培训情况",
        signature_needs=frozenset({"form"}),
        sections=STATUTORY_2008,
        required=STATUTORY_2008,
        blocks=(FORM,),
        identities=(SEC3_BALANCE, SEC3_OUTCOMES, SEC4_GROUPS, PARTS_SUM),
    )
)
register(
    Template(
        code="pre2014",
        name="free form with a 附表 (历年累计)",
        fallback_blocks=frozenset({"form"}),
        sections=STATUTORY_2008,
        required=STATUTORY_2008,
        blocks=(FORM,),
        identities=(SEC3_BALANCE, SEC3_OUTCOMES, SEC4_GROUPS, PARTS_SUM),
    )
)
register(
    Template(
        code="narrative",
        name="prose only",
        sections=STATUTORY_2008,
        required=STATUTORY_2008,
        identities=(SEC3_BALANCE, SEC3_OUTCOMES, SEC3_ROW_TOTAL, SEC4_GROUPS, PARTS_SUM),
    )
)
DEFAULT = "narrative"


def get(code: str | None) -> Template:
    """The template registered as `code` (the narrative one for an unknown code)."""
    return TEMPLATES.get(code or "", TEMPLATES[DEFAULT])


def detect(text: str, blocks: set[str], year: int | None) -> str:
    """The code of the format of a report: `text` with spaces removed, `blocks` the table blocks read."""
    for t in TEMPLATES.values():
        if (
            t.signature
            and compiled(t.signature).search(text)
            and (not t.signature_needs or t.signature_needs & blocks)
        ):
            return t.code
    y = year or 0
    for t in TEMPLATES.values():
        if t.fallback_blocks & blocks and t.years[0] <= y <= t.years[1]:
            return t.code
    return DEFAULT


def required_sections(code: str | None, year: int | None) -> tuple[str, ...]:
    """Section kinds a report must have: its format's list, the unified six for any report from 2019."""
    required = get(code).required
    if year is not None and year >= UNIFIED_FROM and required != UNIFIED:
        return UNIFIED
    return required


def section_spec(kind: str) -> SectionSpec | None:
    return next((s for s in SECTION_KINDS if s.kind == kind), None)


def kind_of(title: str, loose: bool = False) -> str:
    """The section kind a heading names ('section' when none); `loose` also tries the looser patterns."""
    for spec in SECTION_KINDS:
        if compiled(spec.pattern).search(title):
            return spec.kind
    for spec in SECTION_KINDS if loose else ():
        if spec.loose and compiled(spec.loose).search(title):
            return spec.kind
    return "section"


def blocks() -> dict[str, TableBlock]:
    """Every registered table block by name (the table reader knows all before the format is known)."""
    out: dict[str, TableBlock] = {}
    for t in TEMPLATES.values():
        for b in t.blocks:
            out.setdefault(b.name, b)
    return out
