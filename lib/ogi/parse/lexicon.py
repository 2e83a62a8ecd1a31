"""The words of running text that the prose rules read, as data (no logic here).

Each entry is a word family as reports write it, gathered from real reports of every level and year
(township, street, county bureau, city; 2008-2025): the verbs and nouns that say what is counted, the
units, the channel words and their codes, complaint and inquiry sources, negations and zero phrases,
category suffixes, applicant and outcome words. Patterns are regular-expression alternatives; the
rules in `prose_rules` combine them. Extend a family, never a single report's phrase. The scanner and
the rules read them through a `Lexicon` object (`DEFAULT`, or another built with overrides).
"""

from __future__ import annotations

from typing import Any

# --- units -------------------------------------------------------------------------------------
# counting units as printed after a figure; 余/多 mark approximate counts (not recorded as figures)
UNITS: tuple[str, ...] = (
    "余人次",
    "余条",
    "余件",
    "余次",
    "余人",
    "多条",
    "人次",
    "万元",
    "元",
    "条",
    "件",
    "次",
    "人",
    "名",
    "个",
    "篇",
    "份",
    "起",
    "场",
    "期",
    "项",
    "户",
    "册",
    "家",
    "批",
    "处",
    "宗",
)
APPROX_MARKS = ("余", "多")
# the qualifier an approximate figure carries (docs/facts.md `approx`), by the word that makes it one
APPROX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("余", "余"),
    ("多", "多"),
    ("逾", "超"),
    ("超过", "超"),
    ("超", "超"),
    ("将近", "近"),
    ("接近", "近"),
    ("近", "近"),
    ("大约", "约"),
    ("约", "约"),
)
# words before a figure that make it approximate (近300条, 约150条, 逾千条): not recorded as figures
APPROX_BEFORE = r"(?:近|约|大约|逾|将近|接近|超过|不少于|不低于|至少|最少)\s*$"
# words after a figure that make it a bound or a guess, not a count (2条以上, 10条左右)
APPROX_AFTER = ("以上", "以下", "左右")
# a 万 after a figure (近3万条, 1.2万余条): the value as printed is multiplied (approximate figures only)
TEN_THOUSAND = "万"
# units that a figure written in Chinese numerals may carry (二名, 三次): others are too ambiguous
CN_NUMERAL_UNITS = "名|人|个|次|篇|条|件|宗"
ITEM_UNITS = ("条", "篇")  # published items
CASE_UNITS = ("件", "起", "次", "宗")  # cases (review, litigation)
MONEY_UNITS = ("元", "万元")
PERSON_UNITS = ("人", "名")

# a figure of another year (上年度主动公开…180条, 去年收到申请5件) is no figure of the report's year;
# 上年结转 (applications carried over) is this year's figure and is kept
OTHER_YEAR = r"上一?年度?|去年|前年|上年同期"
OTHER_YEAR_UNLESS = r"结转|遗留"
# a part of the year (第一季度, 上半年, 12月份) or a rate (每月, 每周): no figure of the whole year
PART_PERIOD = (
    r"第[一二三四1-4]季度|[上下]半年|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份|每(?:月|周|季度?|天|日|年)"
)

# --- what is counted: proactive disclosure ------------------------------------------------------
# "主动公开政府信息N条", "公开政府信息", "发布各类政务信息", "公开信息", "上报信息" …
PROACTIVE_VERB = r"主动公开|公开|发布|公布|推送|刊发|上传|更新|报送"
PROACTIVE_TOTAL = (
    r"主动公开|公开(?:各类)?(?:政府|政务)?信息|发布(?:各类)?(?:政府|政务)?信息|公开政务信息|公布(?:各类)?(?:政府)?信息"
    r"|(?:公开|发布)[^，,；;。\d]{2,40}?等(?:各类|各项)(?:政府|政务)?信息"  # 公开机构职能、政策法规等各类信息
    # a total after the list of what it covers: 公开了机构职能、政策文件、工作动态等方面信息共计57条
    r"|(?:公开|发布)[^，,；;。\d]{2,60}?、[^，,；;。\d]{1,30}?等[^，,；;。\d]{0,8}?(?:共计|合计|总计|共)"
)
# a figure named only by a total word at the end of a list (…财政信息7条，共计57条): the list's total when
# the categories before it sum to it
LIST_SUM_LABEL = r"^[，,；;、：:\s]*(?:共计|合计|总计|累计|共|总数|总量)(?:为|达|是)?\s*$"
# the total as a noun phrase: "主动公开的各类政府信息数量N件", "主动公开政府信息数"
PROACTIVE_TOTAL_NOUN = r"主动公开的?(?:各类|各项)?(?:政府|政务)?信息(?:数量|数|总数|总量)?"
# the anchor words that make a list of 'label N条' a category breakdown of the proactive total
LIST_ANCHOR = r"主动公开|公开政府信息|共公开|累计公开|类别|类信息|公开信息|公开的信息"
# opening words of a breakdown ("其中", "具体包括", "在主动公开的信息中")
LIST_OPENERS = r"其中|具体包括|包括|具体为|分别是|主要有|在主动公开的(?:政府)?信息中|在公开的(?:政府)?信息中"
# a verb that alone (after a channel) means "published on that channel": 上报信息114条,审发推送71条
CHANNEL_PUBLISH_VERB = r"(?:审核|审发|审定)?(?:推送|发布|公开|刊发|上传|更新)(?:了)?"
# the same verb with its object: "共发布信息", "累计推送各类政务信息" (after a channel named just before)
CHANNEL_PUBLISH_PHRASE = r"(?:共|共计|累计|全年)?(?:审核|审发|审定)?(?:推送|发布|公开|刊发|上传|更新)(?:了)?(?:各类)?(?:政府|政务)?(?:信息)?"
ELECTRONIC = r"全文电子化"
# lead words stripped from a label before it is read as a category
# an enumerator before an item ((一) 1. 一、 ①): no part of its label
ENUMERATOR = (
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}[.．、]|[①-⑳])\s*"
)
LABEL_LEADS = r"其中|具体包括|包括|分别为|分别|主要有|共计|共|累计|合计|全年|今年来|本年度|年度|以及|和"
# a category is not a bare 信息 and not a route (通过/依托/运用 … names how items were published)
NOT_A_CATEGORY = r"^(?:各类|相关)?(?:政府|政务)?信息$|^(?:通过|依托|利用|运用|借助)|^\d{4}\s*年度?(?:共计|共|累计)?(?:公开|发布)"
CATEGORY_LEADS = r"公开|发布|主动公开"
CATEGORY_SUFFIXES = ("类信息数", "信息数", "类信息", "信息", "类")
# words that make a count cumulative (历年累计, 截至目前累计)
CUMULATIVE = r"历年|至今|截至目前累计|以来|总量"
# … unless the figure's own clause names the year (今年以来, 全年…总量为460条)
YEAR_SCOPE = r"全年|本年|今年|当年|年内"
# strong marks of a running total earlier in the sentence (《条例》实施以来，我局累计主动公开…1250条)
CUMULATIVE_LEAD = r"实施以来|施行以来|历年|至今|截至目前累计|(?:自|从)[^，,。]{0,12}以来"
# a label that only links the figure to the clause before (全年发布信息同比增长12.5%，达到320条)
BARE_LINK = r"(?:共|共计|合计|总计|累计|全年)?(?:达到|达|为|是)"

# --- channels (proactive.channel codes) ---------------------------------------------------------
# order matters: the first family that matches names the channel (微信公众号 before 网站)
CHANNELS: tuple[tuple[str, str], ...] = (
    (r"微信(?!群)|公众号", "wechat"),
    (r"微博", "weibo"),
    (r"公开栏|揭示板|公示栏|宣传栏|公告栏|信息栏|公开墙", "bulletin_board"),
    (r"公报", "gazette"),
    (r"新媒体|抖音|视频号|客户端|APP|App", "new_media"),
    (r"网站|门户|网上公开|网上|政务网|公开网|政府在线|网页|主页|《[^》]{1,20}网》", "website"),
    (r"其他方式|其它方式|其他途径|其它途径|其他渠道|其它渠道|其他形式|其它形式", "other"),
)
# a route word before a publish verb names how, not what: 利用电子显示屏发布信息45条 is no total
# unless it says 主动公开 or 政府信息 (通过各种渠道主动公开政府信息3215条 is)
ROUTE_LEAD = r"^(?:通过|利用|依托|借助|运用)"
# the words that put a figure on a channel as its route (依托区政府门户网站，…公开N条; 用好门户网站平台)
ROUTE_WORDS = r"依托|通过|利用|借助|运用|用好|在|把"
ROUTE_TOTAL_WORDS = r"主动公开|政府信息|政务信息"
# the year's own figure inside a 其中 list (历年累计…，其中2016年主动公开620条)
LISTED_TOTAL = r"新增主动公开|主动公开(?:政府)?信息|(?:\d{4}年度?|本年度?|今年|全年)(?:新增)?主动公开"
# a label naming a count of published items whose unit a damaged page dropped (发布信息数量144)
BARE_COUNT_LABEL = r"(?:信息|发布|公开)[^，,；;：:、。\d]{0,6}?(?:数量|总数)"
# counts about a channel's audience or layout, never a kind of item published (订阅数, 访问量, 专栏)
NOT_A_KIND = r"访问|浏览|点击|阅读量|订阅|粉丝|关注|用户|专栏|栏目|宣传|海报|标语|手册|横幅"
# numbers that are names, never items of a run (泉州12345平台, 96166热线, 110)
NAME_NUMBER = r"12\d{3}|96\d{3,4}|110|119|120|122"
# a site or platform that is not the agency's portal: its counts are its own (proactive.platform), never
# the website channel (公共资源交易平台, 中国政府采购网, 信用中国网站)
OTHER_PLATFORM = (
    r"(?:公共资源交易|政府采购|采购|招标投标|招投标|信用中国|信用)"
    r"[^，,；;。、\d]{0,8}?(?:网站|网|平台|中心|系统)"
)
# a document kind: a count of documents under a proactive total is a category even in 件/个/份
DOCUMENT_KIND = r"(?:规范性文件|政策性文件|政策文件|行政规范性文件|规章|文件)$"
# units of a listed item besides the published-item units, when its list says so (其中规章2件、规范性文件6件)
LIST_ITEM_UNITS = ("件", "个", "份", "篇", "条")
# words of another metric: a list item naming one is never a category of the proactive total
OTHER_METRIC_WORDS = r"申请|复议|诉讼|投诉|举报|咨询|解读|培训|人次|来访|来电|热线|信访|答复|办结"
# a combined outcome (予以公开及部分公开15件) is neither granted nor partial: no outcome code is given
APP_COMBINED_OUTCOME = r"(?:予以|全部|同意)?公开(?:及|和|与|或|、|以及)(?:同意)?部分公开|部分公开(?:及|和|与|或|、|以及)(?:予以|全部)?公开"
# a case still open, said right after its figure (行政复议1起，正在办理中): the pending outcome
CASE_PENDING_AFTER = r"^[^。；;\d]{0,4}?(?:正在办理|正在审理|审理中|办理中|尚未审结|未审结|尚在审理)"
# units a channel counts in besides 条/篇: a bulletin board posts issues (公开栏公开信息24期), a gazette
# prints documents (件; its 期 are issues made, 制作公报6期, not items); a website's 件 are applications
CHANNEL_UNITS: dict[str, tuple[str, ...]] = {"bulletin_board": ("期",), "gazette": ("件",)}
# the channel words that, named alone in a sentence, make the paragraph's channel
CHANNEL_MENTION = r"微信公众号|公众号|政务微博|微博|门户网站|公开栏"
# the channel words that a "分别" sentence pairs with its figures
RESPECTIVELY_CHANNELS = r"微博|微信公众号|公众号|微信|网站|门户|公开栏|揭示板|公报"

# --- complaints and inquiries -------------------------------------------------------------------
COMPLAINT = (
    r"12345|热线|专线|投诉|举报|信访(?![局办委])|交办|指挥平台|意见建议|网民|来信|诉求"
    r"|(?:领导|书记|县长|市长|区长|镇长|乡长|局长|主任|民意|网上)信箱"
)
# a count about the hotline that is not of complaints (满意度测评3次, 业务培训2次)
COMPLAINT_NOT = r"满意度|测评|回访|培训|演练|会议"
COMPLAINT_UNITS = ("件", "次", "条", "个", "人次", "起", "宗")
# verbs stripped from a complaint label to leave its source
COMPLAINT_VERBS = r"共|累计|受理办结|受理|办结|接到|接收|处理答复|处理|答复|收到"
COMPLAINT_TAILS = r"交办件|交办|事件|事项|件"
# a figure before its label: 共收到15564件咨询投诉件 (a bare receive verb before, the complaint noun after)
COMPLAINT_VERB_ONLY = (
    r"(?:截至目前|今年以来|全年|本年度)?(?:共|累计|共计)?(?:收到|受理|接到|接收|办理)(?:了)?"
)
COMPLAINT_NOUN_AFTER = r"^(?:群众|网民|市民)?(?:的)?(?:咨询)?(?:投诉|举报)(?:件|事项)?"
# the platform a quoted name in the sentence gives such a count (依托“平潭12345便民服务平台”…)
COMPLAINT_PLATFORM = r"[“\"「]([^”\"」]{2,24}?(?:12345|热线|平台|信箱)[^”\"」]{0,8})[”\"」]"
INQUIRY = r"咨询|接待|来访|来电|访问|留言"
INQUIRY_LABEL = r"咨询|接待|留言"
NOT_INQUIRY = r"访问量|浏览量|点击量|阅读量"  # page views are not inquiries

# --- other metrics ------------------------------------------------------------------------------
INTERPRETATION = r"政策解读|解读|图解"
INTERPRETATION_UNITS = ("次", "篇", "条", "场", "期", "个", "份", "件")
LITIGATION = r"行政诉讼|诉讼案"
REVIEW = r"行政复议|复议案"
# outcomes of review and litigation cases, listed after their total (其中结果维持72件，结果纠正64件 …)
CASE_OUTCOMES: tuple[tuple[str, str], ...] = (
    (r"维持", "upheld"),
    (r"纠正|撤销|变更|确认违法", "corrected"),
    (r"其他结果|其他", "other"),
    (r"尚未审结|未审结|审理中", "pending"),
)
FEES = r"信息处理费|收费|费用|(?:检索|复制|邮寄|工本|处理)费"
ABOUT_DISCLOSURE = r"政务公开|信息公开|政府信息"
TRAINING_SESSION = r"培训班|培训会"
TRAINING_MEETING = r"工作会议|专题会议"
TRAINEES = r"培训人员|接受培训|参训"
STAFF = r"工作人员|专职|兼职|人员|专人|专门负责|负责此项|负责(?:政府)?信息公开|负责政务公开"
STAFF_BOTH = "专兼职"  # 专兼职工作人员5名: both kinds together, no kind
STAFF_FULL_TIME = "专职"
STAFF_PART_TIME = "兼职"

# --- applications -------------------------------------------------------------------------------
APP_CARRIED_FORWARD = r"(?:结转|转入|顺延)(?:至|到)?下一?年度?"
APP_CARRIED_OVER = r"上一?年度?(?:的)?结转|结转上一?年度?"
APP_WORD = r"申请|依申请"
APP_CHANNELS: tuple[tuple[str, str], ...] = (
    (r"信函申请|信函方式|来信申请", "letter"),
    (r"网络申请|网上申请|在线申请|网络(?:渠道|方式|平台)", "online"),
    (r"电子邮件|电子邮箱|邮件申请", "email"),  # the templates' own row (电子邮件申请 → email), not online
    (r"传真", "fax"),
    (r"当面申请|当面提交|现场申请", "in_person"),
)
# in order: 部分公开 and 不予公开 hold 公开; a bare 公开 is granted only as the whole label (其中公开3件)
APP_OUTCOMES: tuple[tuple[str, str], ...] = (
    (r"部分公开", "partial"),
    (r"不予公开|不同意公开|不公开", "denied"),
    (r"予以公开|同意公开|全部公开|^公开$", "granted"),
    (r"信息不存在|无法提供|不属于本(?:行政)?机关", "unavailable"),
    (r"不予处理", "not_processed"),
)
# units an outcome listed after the application figure may carry (the sentence names the applications)
APP_OUTCOME_UNITS = ("件", "份", "宗")
APP_COMPLETED = r"按时办结|办结"
# the answered count after the applications figure (受理申请12件，答复12件 / 共办理完成198件): the template's
# 总计 of outcomes (what was answered this year, carried-over applications included)
APP_ANSWERED_BARE = r"(?:已|共|均已|全部|共计)?(?:依法)?(?:答复|办理完成|予以答复|作出答复|答复办理)(?:了)?"
APP_COMPLETED_BARE = r"(?:已|共|均已)?(?:按时|依法|全部)?办结(?:了)?"
# applicant kinds (2019 template columns); a label coded only when it names exactly one kind and no
# word that spans kinds (法人或其他组织 covers several columns; 公民、法人或其他组织 is everyone)
APP_APPLICANTS: tuple[tuple[str, str], ...] = (
    (r"自然人|公民", "natural_person"),
    (r"商业企业|企业", "business"),
    (r"科研机构", "research"),
    (r"社会公益组织", "public_interest"),
    (r"法律服务机构", "legal_service"),
)
APP_APPLICANT_SPAN = r"法人|其他组织"
# received and completed in one verb (受理并办结申请3件) counts what was received
APP_RECEIVED_AND_DONE = r"(?:收到|受理|接到|接收)(?:并|和|及|且)(?:按时|依法)?办结"
# a bare received verb (本年新收9件) counts applications only in a sentence or paragraph about them
APP_RECEIVED_BARE = r"(?:本年度?|今年|全年|当年)?(?:共)?(?:新收|新受理|新增|收到|受理|接到)(?:了)?"
APP_RECEIVED = r"收到|受理|接到|发生|依申请公开|提出|新收|接收|收悉"
# the count named as a noun: 政府信息公开申请数量为9件, 申请总数
APP_RECEIVED_NOUN = r"申请(?:的)?(?:数量|数|总数|件数|总量)(?:为|是|共|达)?$|申请件(?:共|共计)?$|(?<!依)申请公开(?:政府)?信息(?:数|数量)?(?:为|是)?$"
APP_RECEIVED_AFTER = r"^(?:政府信息公开)?申请"

# a Chinese numeral after these is not a count (每一件, 第一次, 至少一名, 各一名)
NOT_A_COUNT_BEFORE = r"(?:每|第|任何|至少|至少有|各|哪|逐)$"
MONEY_METRICS = ("fees.amount", "budget.amount")

# --- brackets that hold a part of the figure before them ----------------------------------------
# 答复3050件（含上年度结转申请34件）: what follows 含/其中/包括 inside a bracket is a part
PART_BRACKET = r"[（(]\s*(?:含|其中|包括|包含)"
PART_LEADS = r"^[（(]?\s*(?:含|其中|包括|包含)[：:，,]?"

# --- negation and explicit zeros ----------------------------------------------------------------
NEGATION = r"没有|未|无|为零|均为0|为0|不收"
NEG_VERB = r"没有|未|无|均未|尚未|暂无|无一|未曾|并未|从未"
# "未发生", "没有收到", "未有", "未产生", "未接到", "无" — a negation with its verb
NEG_EVENT = (
    r"(?:没有|未有|未曾|并未|从未|均未|尚未|暂无|无一|未|无)"
    r"(?:发生|出现|收到|接到|接收|受理|产生|有|发现|涉及|因)?"
)
# zero phrases: (pattern, metric, unit, unless). The pattern is searched in one clause (up to ；);
# `unless` (when not empty) names words that, in the matched words or right after them (up to the next
# comma), make the statement about something else (没有向依申请人收取费用 is about fees, not about
# applications); an `unless` starting with ^ is searched in the whole clause instead.
ZERO_PHRASES: tuple[tuple[str, str, str, str], ...] = (
    (
        r"(?:(?:没有|未有|未(?!经)|暂无|并无|尚无)(?:发生|收到|接到|受理|出现|产生)?[^。，,；;]{0,16}|无(?:人提出|收到|受理|接到)?)"
        r"(?:依申请公开|政府信息公开申请|公开申请|申请)",
        "applications.received",
        "件",
        r"行政复议|行政诉讼|诉讼|复议|收取|收费|费用",
    ),
    (
        r"(?:依申请公开|公开申请|申请)(?:数|数量|件数)?[^。；;，,]{0,6}(?:均为零|为零|均为0(?![\d.])|为0(?![\d.]))",
        "applications.received",
        "件",
        r"行政复议|行政诉讼|诉讼|复议|收取|收费|费用",
    ),
    (
        r"(?:没有|未有|未(?!经)|无)(?:发生|出现|收到|接到|产生)?[^。；;费]{0,30}(?:行政复议|复议)"
        r"|行政复议[^。；;]{0,12}(?:均为零|为零|均为0件)",
        "review.count",
        "件",
        "",
    ),
    (
        r"(?:没有|未有|未(?!经)|无)(?:发生|出现|收到|接到|产生)?[^。；;费]{0,40}(?:行政诉讼|诉讼)(?![^。；;，,]{0,4}费)"
        r"|行政诉讼[^。；;]{0,12}(?:均为零|为零|均为0件)",
        "litigation.count",
        "件",
        "",
    ),
    (
        r"(?:没有|未|无)(?:收取|收费)|未收取任何|没有收费|(?:没有|未|无|不)[^。；;，,]{0,20}收取[^。；;]{0,20}费|(?:没有|未|无|不)[^。；;，,]{0,20}收费"
        r"|无(?:信息公开|政府信息公开|依申请公开)?(?:相关)?(?:收费|费用)|(?:收费|费用)[^。；;，,]{0,6}(?:均为零|为零|为0(?![\d.]))"
        r"|(?:收费|费用)(?:情况)?[：:]\s*无",
        "fees.amount",
        "元",
        "",
    ),
    (r"解读[^。]{0,20}?(?:均为零|为零|为0)|没有[^。]{0,40}解读", "interpretation.count", "次", ""),
    (
        r"(?:没有|未有|未(?!经)|无)(?:收到|接到|受理|发生|有)[^。；;，,]{0,25}咨询",
        "inquiries.count",
        "次",
        r"^.*\d\s*(?:人次|次|件|个|条)",  # any inquiry count in the clause: no zero
    ),
)
# words one of which every zero phrase holds (a cheap test before the zero patterns run)
ZERO_GATE = r"申请|复议|诉讼|收|费|解读|咨询|举报|投诉|接到|发生"
# a zero that names its sources: 没有接到有关举报、投诉… → complaints.count source=举报 0, source=投诉 0
ZERO_COMPLAINT = r"(?:没有|未有|未(?!经)|无)(?:发生|收到|接到|受理|出现)?[^。；;，,]{0,30}?(?:举报|投诉)(?:[、和及或与]?(?:举报|投诉))*"
ZERO_COMPLAINT_SOURCES = r"举报|投诉"
# a short line that only says "none" (无。 / 本年度未发生此类情况。) under a heading: zero for what the
# heading names (TOPIC_ZEROS, in order; applications only when the heading names no review/litigation)
BARE_ZERO = (
    r"^\s*(?:本年度|全年|今年|本年|年内|报告期内|\d{4}年度?)?[，,]?\s*(?:我[镇乡街局委办署区县市]\S{0,6})?"
    r"(?:暂|均|也)?(?:无|没有|未发生|未出现|未收到|未接到)(?:此类|相关|该类|此项|上述|这方面)?(?:的)?(?:情况|事项|案件)?(?:发生)?[。.]?\s*$"
)
TOPIC_ZEROS: tuple[tuple[str, str, str], ...] = (
    (r"行政复议|复议", "review.count", "件"),
    (r"行政诉讼|诉讼", "litigation.count", "件"),
    (r"收费|费用", "fees.amount", "元"),
    (r"依申请|公开申请|申请", "applications.received", "件"),
)
# a heading topic about applications lets a bare "未收到" stand for zero applications
APP_TOPIC = "依申请"
# a coordinator right after a zero phrase's noun: what follows is a second thing denied, not its cause
# (无受理政府信息公开申请件及…行政复议: zero applications and zero review)
ZERO_COORDINATED = r"^(?:件|事项|情况)?(?:及|和|与|、|以及)"
BARE_NOT_RECEIVED = r"未接到|未收到|没有收到|没有接到|未发生"
NEG_STRONG = r"没有|未发生|未收到|未接到"


class Lexicon:
    """The word families above as one object, passed to the scanner and the grammar (like dateutil's
    `parserinfo`): `Lexicon(UNITS=(...))` reads other wording without touching this module's globals.
    Every upper-case name of this module is an attribute; an unknown override is an error."""

    def __init__(self, **overrides: Any) -> None:
        words = {k: v for k, v in globals().items() if k.isupper() and not k.startswith("_")}
        unknown = sorted(set(overrides) - set(words))
        if unknown:
            raise TypeError(f"unknown lexicon entries: {', '.join(unknown)}")
        words.update(overrides)
        self.__dict__.update(words)

    def __getattr__(self, name: str) -> Any:  # typed access for mypy; every entry is set in __init__
        raise AttributeError(name)


DEFAULT = Lexicon()
