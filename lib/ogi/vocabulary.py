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
ORIGINS = ("table", "prose", "derived")  # derived: computed from printed cells (outcome subtotals)


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
