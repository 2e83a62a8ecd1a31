"""Words the metadata rules need, as data: agency suffixes, region units, labels, site chrome, prose markers.

No logic here. Extend the tuples from real reports (a new suffix, a new CMS label), never per file.
"""

from __future__ import annotations

# How the name of a reporting body ends, longest first (a regex alternation is tried in this order).
AGENCY_SUFFIXES: tuple[str, ...] = (
    "街道办事处",
    "人民政府办公室",
    "人民政府办公厅",
    "管理委员会",
    "人民政府",
    "街道办",
    "委员会",
    "办事处",
    "办公室",
    "办公厅",
    "管委会",
    "工委",
    "街道",
    "中心",
    "政府",
    "镇",
    "乡",
    "局",
    "厅",
    "委",
    "署",
    "所",
    "院",
    "处",
    "站",
    "队",
)

# Suffixes that make a name a township-level body: it is printed without its county (region apart).
LOCAL_SUFFIXES: tuple[str, ...] = (
    "街道办事处",
    "街道办",
    "街道",
    "镇人民政府",
    "乡人民政府",
    "镇政府",
    "乡政府",
    "镇",
    "乡",
    "办事处",
)

# A region that reports as itself (平潭综合实验区, 淮安市): these units end a name too.
REGION_UNITS: tuple[str, ...] = ("自治区", "省", "市", "州", "盟", "区", "县", "旗")

# Labels of a page's metadata block whose value names the publishing body.
PUBLISHER_LABELS: tuple[str, ...] = (
    "发布机构",
    "发文机关",
    "发文单位",
    "发布单位",
    "公开主体",
    "公开单位",
    "信息来源",
    "来源单位",
    "制发机关",
    "成文单位",
)

# The bare 来源 label of CMS pages: its value is often a short name or 本网, so it ranks last.
SOURCE_LABELS: tuple[str, ...] = ("来源",)

# Verbs that introduce the report's own name in the opening sentence (现公布X2018年…, 现将X2009年度…).
ANNOUNCE_VERBS: tuple[str, ...] = ("特向社会公布", "现予公布", "现公布", "现将", "公布", "发布")

# What follows the body's name in 由X编制 / 由X根据…编制.
COMPILED_AFTER: tuple[str, ...] = ("根据", "依据", "依照", "按照", "结合", "编制", "负责编制")

# What a contact sentence (请与X联系) names when it names a desk of the body, not the body.
CONTACT_DESKS: tuple[str, ...] = ("办公室", "科", "股", "中心", "窗口", "组")

# A line of site chrome, never a heading or a signature.
SITE_CHROME: tuple[str, ...] = (
    "搜索",
    "打印",
    "关闭",
    "字体",
    "扫一扫",
    "手机打开",
    "当前位置",
    "首页",
    "浏览次数",
    "点击量",
    "访问量",
    "收藏",
    "分享",
    "返回顶部",
    "首都之窗",
    "政府信息公开",
    "政务公开",
    "索引号",
    "主题分类",
)

# Characters that separate breadcrumb parts (首页 > 政务公开 > …).
BREADCRUMB_MARKS: str = ">›»→/|"

# How a report refers to itself (我镇, 本局, 全街道): never a name, wherever it stands.
SELF_REFERENCE: tuple[str, ...] = (
    "我",
    "本级",
    "本镇",
    "本乡",
    "本街道",
    "本局",
    "本委",
    "本单位",
    "本部门",
    "本机关",
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "全街道",
)

# Words that start a fragment of running prose, not a name (我镇, 本局, 全市, 各部门, 在…, 对…).
NAME_STOP_STARTS: tuple[str, ...] = (
    "我",
    "本",
    "全",
    "各",
    "该",
    "在",
    "和",
    "及",
    "与",
    "的",
    "对",
    "将",
    "按",
    "为",
    "由",
    "经",
    "于",
    "是",
    "其",
    "上级",
    "相关",
    "有关",
)

# Words inside a candidate that show it is a piece of a sentence (省委省政府决策部署和市).
PROSE_MARKERS: tuple[str, ...] = (
    "决策",
    "部署",
    "要求",
    "按照",
    "根据",
    "依据",
    "关于",
    "坚持",
    "认真",
    "落实",
    "贯彻",
    "指导",
    "编制",
    "公布",
    "报告",
    "年度",
    "工作要",
    "的",
    "了",
    "我",
)

# How a sentence (not a title) starts: 根据《条例》… / 本报告… / 现将….
SENTENCE_OPENERS: tuple[str, ...] = (
    "根据",
    "根據",
    "依据",
    "依照",
    "按照",
    "为",
    "本报告",
    "本年报",
    "现将",
    "现公布",
    "特向",
    "在",
)

# Words a title may carry before the year or the name (标题：…, 关于…).
TITLE_PREFIXES: tuple[str, ...] = ("标题", "题目", "关于")

# Verbs and adverbs that follow the subject of an opening sentence (2023年，X街道认真贯彻…): a name
# read as the subject must be followed by one of these (never by 要求 / 的 / 领导下 of an upper body).
SUBJECT_VERBS: tuple[str, ...] = (
    "认真",
    "高度重视",
    "始终坚持",
    "坚持",
    "按照",
    "聚焦",
    "贯彻",
    "严格",
    "紧紧围绕",
    "紧扣",
    "围绕",
    "积极",
    "深入",
    "全面",
    "扎实",
    "始终",
    "不断",
    "进一步",
    "持续",
    "着力",
    "切实",
    "继续",
    "根据",
    "依据",
    "依照",
    "立足",
    "牢固",
    "深化",
    "大力",
    "主动",
    "依托",
    "以",
    "把",
    "将",
    "共",
    "全年",
    "在",
    "结合",
    "通过",
)

# What may stand before the subject of an opening sentence: a time (2023年，/ 今年以来，) or an
# adverbial clause (在区委、区政府的领导下，/ 按照市政府办公室要求，) that names no subject of its own.
SUBJECT_LEADS: tuple[str, ...] = (
    "在",
    "按照",
    "根据",
    "依据",
    "依照",
    "遵照",
    "围绕",
    "为了",
    "为",
    "结合",
    "对照",
    "随着",
    "通过",
)

# How a report names itself without its name (我局, 本街道, 全镇 …): the kind word after 我/本/全.
SELF_KINDS: tuple[str, ...] = (
    "街道办事处",
    "街道",
    "委员会",
    "办公室",
    "办事处",
    "中心",
    "政府",
    "局",
    "委",
    "办",
    "厅",
    "镇",
    "乡",
    "县",
    "区",
    "市",
    "院",
    "所",
    "站",
)

# Verbs that stand right before a bare 街道 / 镇 (完成街道…, 联动街道社区…): never the stem of a name.
STEM_VERBS: tuple[str, ...] = (
    "完成",
    "联动",
    "推进",
    "开展",
    "组织",
    "指导",
    "依托",
    "督促",
    "召开",
    "加强",
    "建立",
    "配合",
    "协调",
    "通过",
    "围绕",
    "落实",
    "实现",
    "编制",
    "发布",
    "公开",
    "参与",
    "进入",
    "深入",
    "走进",
    "覆盖",
    "联合",
    "会同",
    "协同",
    "带领",
    "全体",
    "所有",
    "各个",
    "推动",
    "服务",
    "结合",
    "对接",
)
