"""Metric and dims codes with their Chinese and English labels: the one vocabulary every layer uses.

Metric codes are `family.measure` (docs/facts.md). Dims values are codes where a code list
exists below, otherwise the report's own label. Charts and frames take labels from here only.
"""

from __future__ import annotations

# metric code -> (中文, English)
METRICS: dict[str, tuple[str, str]] = {
    "proactive.total": ("主动公开政府信息数", "Proactively disclosed items"),
    "proactive.category": ("主动公开信息（按类别）", "Proactive disclosure by category"),
    "proactive.channel": ("主动公开信息（按渠道）", "Proactive disclosure by channel"),
    "proactive.platform": ("其他平台发布信息数", "Items published on another platform (not the portal)"),
    "proactive.electronic": (
        "全文电子化的主动公开信息数",
        "Proactive items available in full electronic form",
    ),
    "proactive.normative_docs": ("主动公开规范性文件数", "Normative documents disclosed"),
    "proactive.proposals": ("人大代表建议和政协提案办理结果公开数", "Deputies' proposals: results disclosed"),
    "applications.received": ("收到政府信息公开申请数", "Applications received"),
    "applications.carried_over": ("上年结转申请数", "Applications carried over from last year"),
    "applications.channel": ("申请（按渠道）", "Applications by channel"),
    "applications.outcome": ("申请办理结果", "Application outcomes"),
    "applications.completed": ("申请办结数", "Applications completed"),
    "applications.carried_forward": ("结转下年度继续办理", "Applications carried forward"),
    "review.count": ("行政复议", "Administrative reviews"),
    "litigation.count": ("行政诉讼", "Administrative litigation"),
    "complaints.count": ("投诉举报与热线办件", "Complaints and hotline cases"),
    "inquiries.count": ("咨询接待", "Inquiries"),
    "interpretation.count": ("政策解读", "Policy interpretations"),
    "response.hotspots": ("回应公众关注热点或重大舆情数", "Responses to public concerns"),
    "response.press_conferences": ("新闻发布会次数", "Press conferences"),
    "response.interviews": ("政府网站在线访谈次数", "Online interviews"),
    "response.social_media": ("微博微信回应事件数", "Responses via Weibo/WeChat"),
    "response.other": ("其他方式回应事件数", "Responses by other means"),
    "fees.amount": ("信息处理费（收费减免金额）", "Information fees (yuan)"),
    "staff.count": ("从事政府信息公开工作人员数", "Staff working on disclosure"),
    "organisation.offices": ("政府信息公开工作专门机构数", "Dedicated disclosure offices"),
    "organisation.reading_points": ("政府信息公开查阅点数", "Public reading points"),
    "budget.amount": ("政府信息公开专项经费", "Dedicated budget (yuan)"),
    "training.meetings": ("政府信息公开工作会议数", "Disclosure meetings"),
    "training.sessions": ("培训班数", "Training sessions"),
    "training.trainees": ("接受培训人员数", "People trained"),
    "documents.made": ("本年新制作数量", "Documents newly made"),
    "documents.published": ("本年新公开数量", "Documents newly published"),
    "documents.total": ("对外公开总数量", "Documents public in total"),
    "documents.issued": ("本年制发件数", "Documents issued this year"),
    "documents.repealed": ("本年废止件数", "Documents repealed this year"),
    "documents.in_force": ("现行有效件数", "Documents in force"),
    "licensing.prior": ("上一年项目数量（许可/服务）", "Licensing items, previous year"),
    "licensing.change": ("本年增/减（许可/服务）", "Licensing items, change"),
    "licensing.decisions": ("处理决定数量（许可/服务）", "Licensing decisions"),
    "enforcement.prior": ("上一年项目数量（处罚/强制）", "Enforcement items, previous year"),
    "enforcement.change": ("本年增/减（处罚/强制）", "Enforcement items, change"),
    "enforcement.decisions": ("处理决定数量（处罚/强制）", "Enforcement decisions"),
    "charges.prior": ("上一年项目数量（行政事业性收费）", "Fee items, previous year"),
    "charges.change": ("本年增/减（行政事业性收费）", "Fee items, change"),
    "charges.amount": ("本年收费金额", "Administrative fees collected (yuan)"),
    "procurement.projects": ("采购项目数量", "Procurement projects"),
    "procurement.amount": ("采购总金额", "Procurement amount (yuan)"),
    "mention.percent": ("百分比", "Percentage"),
    "mention.other": ("其他数字", "Other number"),
    "mention.date": ("日期", "Date"),
    "mention.year": ("年份", "Year"),
    "mention.phone": ("电话", "Phone number"),
    "mention.doc_number": ("文号", "Document number"),
    "mention.postcode": ("邮编", "Postcode"),
    "mention.url": ("网址", "Web address"),
    "mention.ordinal": ("序号", "List number"),
    "findings.count": ("检查发现的问题数", "Findings from the checks"),
}

# dims key -> code -> (中文, English)
DIMS: dict[str, dict[str, tuple[str, str]]] = {
    "channel": {
        "website": ("政府网站", "Website"),
        "gazette": ("政府公报", "Gazette"),
        "weibo": ("政务微博", "Weibo"),
        "wechat": ("政务微信", "WeChat"),
        "bulletin_board": ("公开栏", "Bulletin board"),
        "new_media": ("政务新媒体", "New media"),
        "other": ("其他", "Other"),
        "in_person": ("当面", "In person"),
        "online": ("网络", "Online"),
        "letter": ("信函", "Letter"),
        "fax": ("传真", "Fax"),
        "letter_fax": ("信函、传真", "Letter or fax"),
        "email": ("电子邮件", "E-mail"),
    },
    "applicant": {
        "natural_person": ("自然人", "Natural persons"),
        "business": ("商业企业", "Businesses"),
        "research": ("科研机构", "Research institutions"),
        "public_interest": ("社会公益组织", "Public-interest organisations"),
        "legal_service": ("法律服务机构", "Legal-service providers"),
        "other_org": ("其他", "Other organisations"),
    },
    "outcome": {
        "granted": ("予以公开", "Granted"),
        "partial": ("部分公开", "Partly granted"),
        "denied": ("不予公开", "Denied"),
        "unavailable": ("无法提供", "Cannot be provided"),
        "not_processed": ("不予处理", "Not processed"),
        "other": ("其他处理", "Other"),
        "total": ("总计", "Total"),
        "already_public": ("属于已主动公开范围", "Already public"),
        "upheld": ("结果维持", "Upheld"),
        "corrected": ("结果纠正", "Corrected"),
        "pending": ("尚未审结", "Pending"),
    },
    "route": {
        "direct": ("未经复议直接起诉", "Direct suit"),
        "after_review": ("复议后起诉", "Suit after review"),
    },
    "kind": {
        "full_time": ("专职", "Full-time"),
        "part_time": ("兼职", "Part-time"),
    },
    "timing": {
        "on_time": ("按时办结", "On time"),
        "extended": ("延期办结", "Extended"),
    },
    "attendee": {
        "leader": ("主要负责同志参加", "Led by the agency head"),
    },
}

SCOPES = ("year", "cumulative")
ORIGINS = ("table", "prose", "derived", "analyst")  # derived: computed from printed cells (outcome
# subtotals); analyst: a correction typed by an analyst (ogi.store.corrections)


def metric_label(code: str, lang: str = "zh") -> str:
    """Label of a metric code in `lang` (zh/en); the code itself when unknown."""
    zh_en = METRICS.get(code)
    if not zh_en:
        return code
    return zh_en[0] if lang == "zh" else zh_en[1]


def dim_label(key: str, value: str, lang: str = "zh") -> str:
    """Label of a dims value (a code or the report's own label) in `lang`."""
    zh_en = DIMS.get(key, {}).get(value)
    if not zh_en:
        return value
    return zh_en[0] if lang == "zh" else zh_en[1]


# Where complaints, hotline cases and inquiries came from: canonical codes for the reports' free labels.
SOURCES: dict[str, tuple[str, str]] = {
    "hotline": ("服务热线", "Service hotline"),
    "phone": ("电话", "Telephone"),
    "in_person": ("现场接待", "In person"),
    "online": ("网站与网络平台", "Website and online"),
    "wechat": ("政务微信", "WeChat"),
    "weibo": ("政务微博", "Weibo"),
    "letter": ("信件", "Letters"),
    "email": ("电子邮件", "E-mail"),
    "petition": ("信访", "Petitions"),
    "platform": ("指挥与治理平台", "Governance platform"),
    "report": ("举报投诉", "Reports and complaints"),
    "other": ("其他来源", "Other sources"),
}

# first match wins: more specific words before general ones ("12345 热线电话" is a hotline, not a phone)
_SOURCE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hotline", ("12345", "热线", "市长信箱")),
    ("wechat", ("微信", "公众号")),
    ("weibo", ("微博",)),
    ("email", ("电子邮件", "邮件", "邮箱")),
    ("platform", ("平台", "指挥", "网格")),
    ("online", ("网站", "网上", "网络", "在线", "门户", "互联网")),
    ("petition", ("信访",)),
    ("letter", ("信件", "来信", "信函", "书面")),
    ("phone", ("电话", "来电")),
    ("in_person", ("现场", "当面", "来访", "窗口", "接待", "上门")),
    ("report", ("举报", "投诉", "申诉")),
)

# a label naming the sum of the other sources ("总人次数", "合计"), not a source of its own
_TOTAL_WORDS = ("总人次", "总数", "合计", "总计", "共计", "总量")


def source_code(label: str) -> str:
    """Canonical source code of a report's own label (complaint, hotline or inquiry source); 'total'
    for a label that names the sum of the others, 'other' when nothing matches."""
    text = label or ""
    if any(w in text for w in _TOTAL_WORDS):
        return "total"
    for code, words in _SOURCE_WORDS:
        if any(w in text for w in words):
            return code
    return "other"


def source_label(code: str, lang: str = "zh") -> str:
    """Label of a source code in `lang`."""
    zh_en = SOURCES.get(code)
    if not zh_en:
        return code
    return zh_en[0] if lang == "zh" else zh_en[1]


SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("错误", "Error"),
    "warning": ("警告", "Warning"),
    "info": ("提示", "Note"),
}

# rule id -> (中文, English), for findings shown to readers
RULE_LABELS: dict[str, tuple[str, str]] = {
    "identity.sec3_balance": ("申请收支平衡", "Applications balance"),
    "identity.sec3_outcome_total": ("办理结果合计", "Outcome total"),
    "identity.sec3_row_total": ("申请人合计", "Applicant total"),
    "identity.sec4_groups": ("复议诉讼合计", "Review and suit totals"),
    "identity.parts_sum": ("分项之和", "Sum of parts"),
    "parts.categories": ("类别与总数", "Categories and total"),
    "parts.subcategories": ("子项与类别", "Sub-items and category"),
    "parts.percent": ("百分比与数量", "Percentages and counts"),
    "parts.labelled_total": ("合计与分项", "Stated total and items"),
    "parts.channel_dedup": ("渠道与去重总数", "Channels and de-duplicated total"),
    "parts.electronic": ("电子化与总数", "Electronic items and total"),
    "consistency.same_quantity": ("同一数字前后不一", "Same figure, different values"),
    "consistency.prose_table": ("正文与表格不符", "Text against table"),
    "consistency.zero_claim": ("称无实有", "Claimed none, table has some"),
    "complete.sections": ("缺少章节", "Missing sections"),
    "complete.blank_cells": ("表格空项", "Blank table cells"),
    "complete.truncated": ("文本不完整", "Text cut off"),
    "complete.table_read": ("表格未读全", "Table cells not read"),
    "complete.problems_specific": ("问题与改进不具体", "Problems not specific"),
    "timeliness.deadline": ("发布时限", "Publication deadline"),
    "yoy.carry_over": ("结转衔接", "Carry-over against last year"),
    "yoy.documents_in_force": ("现行有效件数衔接", "Documents in force against last year"),
    "yoy.text_duplication": ("与上年重复", "Text repeated from last year"),
}


# report template code -> (中文, English), for readers (ogi.templates holds the formats themselves)
TEMPLATE_LABELS: dict[str, tuple[str, str]] = {
    "2021": ("2021 年模板", "2021 template"),
    "2019": ("2019 年模板", "2019 template"),
    "statform": ("统计表（2014–2018）", "Statistics form (2014–2018)"),
    "pre2014": ("2014 年前（附表）", "Before 2014 (annex table)"),
    "narrative": ("纯文字", "Prose only"),
}


def template_label(code: str, lang: str = "zh") -> str:
    """A report template's name for readers; the code itself when unknown."""
    zh_en = TEMPLATE_LABELS.get(code)
    return code if not zh_en else zh_en[0] if lang == "zh" else zh_en[1]


def severity_label(code: str, lang: str = "zh") -> str:
    """错误/警告/提示 (Error/Warning/Note) for a finding severity."""
    zh_en = SEVERITIES.get(code)
    return code if not zh_en else zh_en[0] if lang == "zh" else zh_en[1]


def rule_label(rule: str, lang: str = "zh") -> str:
    """A check rule's name for readers; the rule id when unknown."""
    zh_en = RULE_LABELS.get(rule)
    return rule if not zh_en else zh_en[0] if lang == "zh" else zh_en[1]
