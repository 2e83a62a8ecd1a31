"""The prose rules as a specification: one row per (text, rule, facts that rule must emit).

Every row is a sentence (or a heading and its paragraph, for rules that need the context) copied from
the corpora (seeds, real, real2, formats; real2 (t2s) rows are the simplified view of a traditional
text), except the few marked "constructed" for rules no corpus sentence exercises. A row fails with the
name of its rule, so a regression says which rule broke. Rules that decline a figure (it stays a
mention) are listed with ("mention.other", None, value): any label.
"""

from __future__ import annotations

import pytest

from ogi.parse.prose import extract_prose
from ogi.parse.prose_rules import RULES, ZERO_RULES, Context, Cue, classify

Row = tuple[str, str, list[tuple[str, dict[str, str] | None, int | float]]]

CONTEXT_ROWS: list[Row] = [
    # rules that need the paragraph: a heading topic, a channel named in an earlier sentence
    (
        "listed_interpretation",
        "（一）主动公开情况。\n全年共发布本级文件3条,相关文件解读6条,其中新闻发布会解读1条,负责人解读2条,图片解读2条,媒体解读1条。",  # real2/hb031.txt
        [("interpretation.count", {}, 6)],
    ),
    (
        "zero_applications_topic",
        "(二)依申请公开情况\n本年度,未接到群众要求公开的信息。",  # real/h043.txt
        [("applications.received", {}, 0)],
    ),
    (
        "paragraph_channel_verb",
        "第一，保证每个月在“中国晋江”门户网站、街道实体公开栏定期公开重点项目进度情况，共计12期。第二，采用网上公开政府采购，每条工程招投标公告均通过“中国晋江”网站进行公开，今年共计发布18条。",  # seeds/001
        [("proactive.channel", {"channel": "website"}, 18)],
    ),
    (
        "several_channels",
        "2016年政务网站、微信、微博共发布各类信息2483条,其中网站（含转发）319条,微信（含转发）851条、微博（含转发）2348条。",  # real2 (t2s) hb001.txt
        [("mention.other", None, 2483)],
    ),
    (
        "several_channels",
        "其中：1.组织机构类信息5条;2.政务动态类信息118条;其他信息10条;运用微信、微博发布信息102条",  # real/h040.txt
        [("mention.other", None, 102)],
    ),
    (
        "named_channel",
        "2016年政务网站、微信、微博共发布各类信息2483条,其中网站（含转发）319条,微信（含转发）851条、微博（含转发）2348条。",  # real2 (t2s) hb001.txt
        [
            ("proactive.channel", {"channel": "website"}, 319),
            ("proactive.channel", {"channel": "wechat"}, 851),
            ("proactive.channel", {"channel": "weibo"}, 2348),
        ],
    ),
    (
        "approximate",
        "(二)主动公开。2024年,我镇通过政府网站、政务公开栏等渠道主动公开政府信息150余条,内容涵盖了政策法规、规划计划。",  # real2/hb007.txt
        [("mention.other", None, 150)],
    ),
    (
        "not_an_item",
        "第一，深入开展政策背景、依据、目标任务、涉及范围等的解读和宣传，今年入企宣传活动共计5场。",  # seeds/001
        [("mention.other", None, 5)],
    ),
    (
        "application",
        "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。",  # formats/f001.pdf
        [
            ("applications.received", {}, 3119),
            ("applications.outcome", {"outcome": "total"}, 3050),  # its truth: 总计 3050 (the answered count)
            ("applications.carried_over", {}, 34),
            ("applications.carried_forward", {}, 103),
        ],
    ),
    (
        "zero_topic",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。",  # real2/hb016.txt heading, constructed answer
        [("review.count", {}, 0), ("litigation.count", {}, 0)],
    ),
    (
        "zero_topic",
        "四、政府信息公开的收费及减免情况\n本年度无此类情况。",  # real2/hb016.txt heading, constructed answer
        [("fees.amount", {}, 0)],
    ),
    (
        "zero_applications_nil",
        "依申请公开政府信息数量为零。",  # constructed (the count named, then 为零)
        [("applications.received", {}, 0)],
    ),
    (
        "complaint",
        "依托“平潭12345便民服务平台”，对网民的咨询投诉件及时处理并反馈，截至目前共收到15564件咨询投诉件，已办结15042件。",  # formats/f008.html
        [("complaints.count", {"source": "平潭12345便民服务平台"}, 15564)],
    ),
    (
        "listed_total",
        "历年累计主动公开政府信息8,900余条，其中2016年主动公开620条。",  # constructed: the year's own figure
        [("proactive.total", {}, 620)],
    ),
    (
        "staff",
        "全镇共有政府信息公开工作人员3名（专职1名、兼职2名）。",  # constructed: parts in brackets
        [
            ("staff.count", {}, 3),
            ("staff.count", {"kind": "full_time"}, 1),
            ("staff.count", {"kind": "part_time"}, 2),
        ],
    ),
    (
        "staff",
        "配备专兼职工作人员5名。",  # constructed: 专兼职 is neither kind
        [("staff.count", {}, 5)],
    ),
    (
        "application",
        "共收到申请17件，其中自然人申请15件，法人或其他组织申请2件。",  # constructed: applicant parts
        [("applications.received", {}, 17), ("applications.received", {"applicant": "natural_person"}, 15)],
    ),
    (
        "interpretation_part",
        "全年共发布本级文件3条,相关文件解读6条,其中新闻发布会解读1条,负责人解读2条,图片解读2条,媒体解读1条。",  # real2/hb031.txt
        [
            ("mention.other", None, 1),
            ("mention.other", None, 2),
            ("mention.other", None, 2),
            ("mention.other", None, 1),
        ],
    ),
    (
        "total",
        "全年发布信息同比增长12.5%，达到320条。",  # constructed: a bare 达到 takes the clause before
        [("proactive.total", {}, 320)],
    ),
    (
        "part_period",
        "第一季度发布信息32条。",  # constructed: a quarter's figure is a part of the year
        [("mention.other", None, 32)],
    ),
    (
        "part_period",
        "12月份共发布信息25条。",  # constructed: a month's figure
        [("mention.other", None, 25)],
    ),
    (
        "application",
        "共收到申请12件。其中，予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件。",  # constructed
        [
            ("applications.received", {}, 12),
            ("applications.outcome", {"outcome": "granted"}, 5),
            ("applications.outcome", {"outcome": "partial"}, 2),
            ("applications.outcome", {"outcome": "denied"}, 1),
            ("applications.outcome", {"outcome": "unavailable"}, 3),
            ("applications.outcome", {"outcome": "not_processed"}, 1),
        ],
    ),
    (
        "listed_category",
        "全年主动公开政府信息60件，其中规章1件、规范性文件11件、政策性文件48件。",  # constructed: 件 categories
        [
            ("proactive.category", {"category": "规章"}, 1),
            ("proactive.category", {"category": "规范性文件"}, 11),
            ("proactive.category", {"category": "政策性文件"}, 48),
        ],
    ),
    (
        "other_year",
        "上年度主动公开政府信息180条。",  # constructed: another year's figure is no figure of this year
        [("mention.other", None, 180)],
    ),
    (
        "other_year",
        "2017年主动公开政府信息共76条,比上年增加12条。",  # constructed: a change against last year
        [("mention.other", None, 12)],
    ),
    (
        "other_year",
        "去年共收到政府信息公开申请5件。",  # constructed
        [("mention.other", None, 5)],
    ),
    (
        "zero_topic",
        "二、主动公开政府信息情况\n无。",  # constructed: a heading that names no zero-able figure
        [],
    ),
    (
        "verb_after_channel",
        "（1）充分发挥新媒体平台作用。我区各部门共开设新媒体数量70个。其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条。",  # formats/f008.html
        [
            ("proactive.channel", {"channel": "weibo"}, 1992),
            ("proactive.channel", {"channel": "wechat"}, 3404),
        ],
    ),
    (
        "listed_category",
        "2018年，我区主动公开政府信息的主要类别有：机构职能类信息211条，政策、规范性文件类信息82条，规划计划类信息15条，其他信息1029条。",  # formats/f008.html (shortened)
        [
            ("proactive.category", {"category": "机构职能"}, 211),
            ("proactive.category", {"category": "政策、规范性文件"}, 82),
            ("proactive.category", {"category": "规划计划"}, 15),
            ("proactive.category", {"category": "其他"}, 1029),
        ],
    ),
    (
        "interpretation",
        "全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件，通过文字、图片等形式制作政策解读21 个，制作《淮安市人民政府公报》6 期。",  # formats/f001.pdf
        [("interpretation.count", {}, 21)],
    ),
    (
        "case_outcome",
        "政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。",  # formats/f001.pdf
        [
            ("review.count", {"outcome": "upheld"}, 72),
            ("review.count", {"outcome": "corrected"}, 64),
            ("review.count", {"outcome": "other"}, 178),
            ("review.count", {"outcome": "pending"}, 37),
            ("litigation.count", {"outcome": "upheld"}, 25),
            ("litigation.count", {"outcome": "corrected"}, 5),
            ("litigation.count", {"outcome": "other"}, 9),
            ("litigation.count", {"outcome": "pending"}, 7),
        ],
    ),
    (
        "zero_applications_nil",
        "本年度政府信息公开申请数为零，收费为零。",  # constructed (为零 phrasing)
        [("applications.received", {}, 0)],
    ),
    (
        "zero_applications",
        "我镇未收到政府信息公开申请，也未发生行政复议。",  # constructed: the review words come after a comma
        [("applications.received", {}, 0)],
    ),
    (
        "zero_inquiries",
        "未收到书面咨询，接待电话咨询12次。",  # constructed: a count in the clause means no zero
        [],
    ),
    (
        "staff_total",
        "明确党政办专职工作人员1名、兼职工作人员1名负责政府信息公开工作。",  # constructed (issue 12: 1专职 + 1兼职)
        [("staff.count", {}, 2)],
    ),
    (
        "sentence_channel",
        "今年来，在“品质新罗山”微信公众号发布信息20条，转载上级信息15条。",  # constructed
        [("proactive.channel", {"channel": "wechat"}, 15)],
    ),
    (
        "electronic",
        "截止12月31日止,本镇共主动公开政府信息39条,其中全文电子化的信息39条。",  # constructed (real/h024 phrasing)
        [("proactive.electronic", {}, 39)],
    ),
]

SENTENCE_ROWS: list[Row] = [
    # --- list_head
    (
        "list_head",
        "2016年镇政府信息公开全年发布各类信息247条,其中机构概况类5条,规章类文件11条,业务类30条,公共服务类20条、政务动态类58条,其它事项123条。",  # real2 (t2s) hb001.txt
        [
            ("proactive.total", {}, 247),
        ],
    ),
    (
        "list_head",
        "2021年镇政府信息公开全年发布各类信息684条,其中机构概况类1条,规章类文件0条,公共服务类9条、政务动态类148条、其它信息526条、依申请公开信息0条,无行政复议、行政诉讼的情况发生。",  # real2 (t2s) hb002.txt
        [
            ("proactive.total", {}, 684),
        ],
    ),
    (
        "list_head",
        "全镇共主动公开政府信息73条,其中乡镇各项工作动态48条,概况信息3条,政策法规4条,人事信息1条,财政信息2条,六稳六保2条,重点领域12条。",  # real2 (t2s) hb037.txt
        [
            ("proactive.total", {}, 73),
        ],
    ),
    (
        "list_head",
        "2014年我镇主动公开政府信息数160条,其中,综合政务59条;人事工作信息1条;财政信息5条;教育8条;重要工作会议22条;安全监管45条;人口计划和生育、妇女儿童28条;监察信息2条。",  # real/h029.txt
        [
            ("proactive.total", {}, 160),
        ],
    ),
    (
        "list_head",
        "根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2016年度共新增主动公开政府信息607条,其中机构信息0条,工作信息469条（政务动态465条、计划总结1条、通知公告3条）,民生事项64条（社会救助61条、宅基地使用审核3条）,财政管理39条（财政预决算1条,专项经费38条）,政务微博公开政府信息条数42条。",  # real/h031.txt
        [
            ("proactive.total", {}, 607),
        ],
    ),
    (
        "list_head",
        "本年度主动公开信息71条,其中,公文类信息53条,其他公开类信息18条。",  # real/h047.txt
        [
            ("proactive.total", {}, 71),
        ],
    ),
    (
        "list_head",
        "下设工作动态、通知公告、网上咨询、民意征集、社区信息、执法监督信息等栏目,公开街道各类信息,2022年共主动公开政府信息165条,其中工作动态类信息31条,占比18%;通知公告类信息91条,占比55%;办事指南类信息27条,占比16%;其他信息16条,占比9%。",  # real2/hb005.txt
        [
            ("proactive.total", {}, 165),
        ],
    ),
    (
        "list_head",
        "二、政府信息主动公开情况 （一）公开的主要内容： 2016年度共主动公开政府信息25条,在主动公开的信息中,工作动态信息5条,财政预决算信息19条,他其信息报告1条。",  # real2/hb018.txt
        [
            ("proactive.total", {}, 25),
        ],
    ),
    (
        "list_head",
        "2022年,主动公开政府信息32条,包括领导信息类1条、机构职能类2条、内设机构类1条、工作动态类6条、规章制度类2条、规范性文件类2条、整体规划类1条、工作计划类1条、人事任命类1条、人才管理类1条、财政预决算类3条、三公经费类1条、处罚强制类9条、2021年信息公开年报1条。",  # real2/hb027.txt
        [
            ("proactive.total", {}, 32),
        ],
    ),
    (
        "list_head",
        "2021年,我署共公开信息121条,其中,机构职能信息7条,政策法规5条,规划计划与总结信息3条,预决算信息2条,信息公开年报信息1条,“三公”经费信息2条,工作动态信息75条,通知公告信息8条,民意征集信息3条,情况反馈信息3条,常见问题信息12条;没有收到政府信息公开申请;没有政府信息公开行政复议、行政诉讼。",  # real2/hb029.txt
        [
            ("proactive.total", {}, 121),
        ],
    ),
    (
        "list_head",
        "2018年来，我街道累计公开政府信息119条，新增主动公开政府信息119条，全文电子化的主动公开信息119条。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("proactive.total", {}, 119),
        ],
    ),
    # --- listed_category
    (
        "listed_category",
        "2016年镇政府信息公开全年发布各类信息247条,其中机构概况类5条,规章类文件11条,业务类30条,公共服务类20条、政务动态类58条,其它事项123条。",  # real2 (t2s) hb001.txt
        [
            ("proactive.category", {"category": "机构概况"}, 5),
            ("proactive.category", {"category": "规章类文件"}, 11),
            ("proactive.category", {"category": "业务"}, 30),
            ("proactive.category", {"category": "公共服务"}, 20),
            ("proactive.category", {"category": "政务动态"}, 58),
            ("proactive.category", {"category": "其它事项"}, 123),
        ],
    ),
    (
        "listed_category",
        "2021年镇政府信息公开全年发布各类信息684条,其中机构概况类1条,规章类文件0条,公共服务类9条、政务动态类148条、其它信息526条、依申请公开信息0条,无行政复议、行政诉讼的情况发生。",  # real2 (t2s) hb002.txt
        [
            ("proactive.category", {"category": "机构概况"}, 1),
            ("proactive.category", {"category": "规章类文件"}, 0),
            ("proactive.category", {"category": "公共服务"}, 9),
            ("proactive.category", {"category": "政务动态"}, 148),
            ("proactive.category", {"category": "其它"}, 526),
            ("proactive.category", {"category": "依申请公开"}, 0),
        ],
    ),
    (
        "listed_category",
        "全镇共主动公开政府信息73条,其中乡镇各项工作动态48条,概况信息3条,政策法规4条,人事信息1条,财政信息2条,六稳六保2条,重点领域12条。",  # real2 (t2s) hb037.txt
        [
            ("proactive.category", {"category": "乡镇各项工作动态"}, 48),
            ("proactive.category", {"category": "概况"}, 3),
            ("proactive.category", {"category": "政策法规"}, 4),
            ("proactive.category", {"category": "人事"}, 1),
            ("proactive.category", {"category": "财政"}, 2),
            ("proactive.category", {"category": "六稳六保"}, 2),
            ("proactive.category", {"category": "重点领域"}, 12),
        ],
    ),
    (
        "listed_category",
        "其中，政策法规及业务类的信息32条；规划计划类的信息13条。",  # formats/f007.html
        [
            ("proactive.category", {"category": "政策法规及业务类的"}, 32),
            ("proactive.category", {"category": "规划计划类的"}, 13),
        ],
    ),
    (
        "listed_category",
        "其中公开信息方面,分别公开机构信息1条,政策文件信息3条,工作信息及政务动态类信息57条,民生事项信息16条,财政管理信息0条,公共资源交易类信息0条,切实做到了阳光政务、透明政务。",  # real/h004.txt
        [
            ("proactive.category", {"category": "机构"}, 1),
            ("proactive.category", {"category": "政策文件"}, 3),
            ("proactive.category", {"category": "工作信息及政务动态"}, 57),
            ("proactive.category", {"category": "民生事项"}, 16),
            ("proactive.category", {"category": "财政管理"}, 0),
            ("proactive.category", {"category": "公共资源交易"}, 0),
        ],
    ),
    (
        "listed_category",
        "2019年,河西街道通过区政府门户网站上报信息114条,审发推送71条,其中工作动态67条、规划计划1条、政策文件2条、应急管理1条;通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。",  # real/h005.txt
        [
            ("proactive.category", {"category": "工作动态"}, 67),
            ("proactive.category", {"category": "规划计划"}, 1),
            ("proactive.category", {"category": "政策文件"}, 2),
            ("proactive.category", {"category": "应急管理"}, 1),
        ],
    ),
    (
        "listed_category",
        "其中,办事指南2条,占5%,财政预算决算报告类信息2条,占5%,教育、社会保障、农村、计生类信息10条,占26%,环保、公共卫生、安全生产类信息15条,占  38%,城乡建设管理重大事项类信息1条,占3%,抢险救灾、优抚、救济、社会捐助类信息1条,占3%,突发公共事件的应急预",  # real/h024.txt
        [
            ("proactive.category", {"category": "办事指南"}, 2),
            ("proactive.category", {"category": "财政预算决算报告"}, 2),
            ("proactive.category", {"category": "教育、社会保障、农村、计生"}, 10),
            ("proactive.category", {"category": "环保、公共卫生、安全生产"}, 15),
            ("proactive.category", {"category": "城乡建设管理重大事项"}, 1),
            ("proactive.category", {"category": "抢险救灾、优抚、救济、社会捐助"}, 1),
        ],
    ),
    (
        "listed_category",
        "2014年我镇主动公开政府信息数160条,其中,综合政务59条;人事工作信息1条;财政信息5条;教育8条;重要工作会议22条;安全监管45条;人口计划和生育、妇女儿童28条;监察信息2条。",  # real/h029.txt
        [
            ("proactive.category", {"category": "综合政务"}, 59),
            ("proactive.category", {"category": "人事工作"}, 1),
            ("proactive.category", {"category": "财政"}, 5),
            ("proactive.category", {"category": "教育"}, 8),
            ("proactive.category", {"category": "重要工作会议"}, 22),
            ("proactive.category", {"category": "安全监管"}, 45),
            ("proactive.category", {"category": "人口计划和生育、妇女儿童"}, 28),
            ("proactive.category", {"category": "监察"}, 2),
        ],
    ),
    (
        "listed_category",
        "根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2016年度共新增主动公开政府信息607条,其中机构信息0条,工作信息469条（政务动态465条、计划总结1条、通知公告3条）,民生事项64条（社会救助61条、宅基地使用审核3条）,财政管理39条（财政预决算1条,专项经费38条）,政务微博公开政府信息条数42条。",  # real/h031.txt
        [
            ("proactive.category", {"category": "机构"}, 0),
            ("proactive.category", {"category": "工作"}, 469),
            ("proactive.category", {"category": "民生事项"}, 64),
            ("proactive.category", {"category": "财政管理"}, 39),
        ],
    ),
    (
        "listed_category",
        "其中：1.组织机构类信息5条;2.工作文件类（包括规范性文件、政策解读等）信息10条;3.政务动态类信息118条;4.行政职权类信息（包括行政审批、执法等）1条;5、财政预决算信息2条;6.政府工作报告2条;其他信息10条;运用微信、微博发布信息102条",  # real/h040.txt
        [
            ("proactive.category", {"category": "组织机构"}, 5),
            ("proactive.category", {"category": "工作文件类（包括规范性文件、政策解读等）"}, 10),
            ("proactive.category", {"category": "政务动态"}, 118),
            ("proactive.category", {"category": "行政职权类信息（包括行政审批、执法等）"}, 1),
            ("proactive.category", {"category": "财政预决算"}, 2),
            ("proactive.category", {"category": "政府工作报告"}, 2),
            ("proactive.category", {"category": "其他"}, 10),
        ],
    ),
    (
        "listed_category",
        "2025年度,通过政府门户网站累计发布工作动态信息165条,其中重点聚焦甘州乡镇街道动态102条;发布法定主动公开内容1条,包括机构概况1条,以及“三公”经费及预算/决算信息2条,切实保障公众知情权和监督权。",  # real/h043.txt
        [
            ("proactive.category", {"category": "重点聚焦甘州乡镇街道动态"}, 102),
            ("proactive.category", {"category": "法定主动公开内容"}, 1),
            ("proactive.category", {"category": "机构概况"}, 1),
            ("proactive.category", {"category": "“三公”经费及预算/决算"}, 2),
        ],
    ),
    (
        "listed_category",
        "本年度主动公开信息71条,其中,公文类信息53条,其他公开类信息18条。",  # real/h047.txt
        [
            ("proactive.category", {"category": "公文"}, 53),
            ("proactive.category", {"category": "其他公开"}, 18),
        ],
    ),
    (
        "listed_category",
        "下设工作动态、通知公告、网上咨询、民意征集、社区信息、执法监督信息等栏目,公开街道各类信息,2022年共主动公开政府信息165条,其中工作动态类信息31条,占比18%;通知公告类信息91条,占比55%;办事指南类信息27条,占比16%;其他信息16条,占比9%。",  # real2/hb005.txt
        [
            ("proactive.category", {"category": "工作动态"}, 31),
            ("proactive.category", {"category": "通知公告"}, 91),
            ("proactive.category", {"category": "办事指南"}, 27),
            ("proactive.category", {"category": "其他"}, 16),
        ],
    ),
    (
        "listed_category",
        "其中,重点领域公开政府信息数11条。",  # real2/hb006.txt
        [
            ("proactive.category", {"category": "重点领域公开政府"}, 11),
        ],
    ),
    (
        "listed_category",
        "其中包括：主动公开财政预算决算、“三公经费”和行政经费信息数2条,主动公开市人民政府决定主动公开的其他信息数8条,主动公开主动公开政府部门预算执行审计结果等信息数1条。",  # real2/hb006.txt
        [
            ("proactive.category", {"category": "财政预算决算、“三公经费”和行政经费"}, 2),
            ("proactive.category", {"category": "市人民政府决定主动公开的其他"}, 8),
            ("proactive.category", {"category": "主动公开政府部门预算执行审计结果等"}, 1),
        ],
    ),
    (
        "listed_category",
        "其中,机构信息0条,政策文件0条,决策信息0条,工作信息47条,民生事项17条,行政执法信息0条,人事信息0条,财务信息5条,公共资源交易0条。",  # real2/hb016.txt
        [
            ("proactive.category", {"category": "机构"}, 0),
            ("proactive.category", {"category": "政策文件"}, 0),
            ("proactive.category", {"category": "决策"}, 0),
            ("proactive.category", {"category": "工作"}, 47),
            ("proactive.category", {"category": "民生事项"}, 17),
            ("proactive.category", {"category": "行政执法"}, 0),
            ("proactive.category", {"category": "人事"}, 0),
            ("proactive.category", {"category": "财务"}, 5),
            ("proactive.category", {"category": "公共资源交易"}, 0),
        ],
    ),
    (
        "listed_category",
        "二、政府信息主动公开情况 （一）公开的主要内容： 2016年度共主动公开政府信息25条,在主动公开的信息中,工作动态信息5条,财政预决算信息19条,他其信息报告1条。",  # real2/hb018.txt
        [
            ("proactive.category", {"category": "工作动态"}, 5),
            ("proactive.category", {"category": "财政预决算"}, 19),
            ("proactive.category", {"category": "他其信息报告"}, 1),
        ],
    ),
    (
        "listed_category",
        "截至2020年12月底,我局在区政府门户网站公开各类政府信息共计127条,其中部门工作动态43条,公示无证行医查处6条（打击非法行医机构6家）,双随机公示10条,计划总结2条,重点信息公开66条。",  # real2/hb023.txt
        [
            ("proactive.category", {"category": "部门工作动态"}, 43),
            ("proactive.category", {"category": "公示无证行医查处"}, 6),
            ("proactive.category", {"category": "双随机公示"}, 10),
            ("proactive.category", {"category": "计划总结"}, 2),
            ("proactive.category", {"category": "重点信息公开"}, 66),
        ],
    ),
    (
        "listed_category",
        "2021年度,主动公开乡镇动态23政策文件5条;计划总结4条应急管理1条;财政信息2条。",  # real2/hb025.txt
        [
            ("proactive.category", {"category": "政策文件"}, 5),  # its truth: the run no longer hides it
            ("proactive.category", {"category": "计划总结"}, 4),
            ("proactive.category", {"category": "应急管理"}, 1),
            ("proactive.category", {"category": "财政"}, 2),
        ],
    ),
    (
        "listed_category",
        "2022年,主动公开政府信息32条,包括领导信息类1条、机构职能类2条、内设机构类1条、工作动态类6条、规章制度类2条、规范性文件类2条、整体规划类1条、工作计划类1条、人事任命类1条、人才管理类1条、财政预决算类3条、三公经费类1条、处罚强制类9条、2021年信息公开年报1条。",  # real2/hb027.txt
        [
            ("proactive.category", {"category": "领导信息"}, 1),
            ("proactive.category", {"category": "机构职能"}, 2),
            ("proactive.category", {"category": "内设机构"}, 1),
            ("proactive.category", {"category": "工作动态"}, 6),
            ("proactive.category", {"category": "规章制度"}, 2),
            ("proactive.category", {"category": "规范性文件"}, 2),
            ("proactive.category", {"category": "整体规划"}, 1),
            ("proactive.category", {"category": "工作计划"}, 1),
            ("proactive.category", {"category": "人事任命"}, 1),
            ("proactive.category", {"category": "人才管理"}, 1),
            ("proactive.category", {"category": "财政预决算"}, 3),
            ("proactive.category", {"category": "三公经费"}, 1),
            ("proactive.category", {"category": "处罚强制"}, 9),
            ("proactive.category", {"category": "2021年信息公开年报"}, 1),
        ],
    ),
    (
        "listed_category",
        "2021年,我署共公开信息121条,其中,机构职能信息7条,政策法规5条,规划计划与总结信息3条,预决算信息2条,信息公开年报信息1条,“三公”经费信息2条,工作动态信息75条,通知公告信息8条,民意征集信息3条,情况反馈信息3条,常见问题信息12条;没有收到政府信息公开申请;没有政府信息公开行政复议、行政诉讼。",  # real2/hb029.txt
        [
            ("proactive.category", {"category": "机构职能"}, 7),
            ("proactive.category", {"category": "政策法规"}, 5),
            ("proactive.category", {"category": "规划计划与总结"}, 3),
            ("proactive.category", {"category": "预决算"}, 2),
            ("proactive.category", {"category": "信息公开年报"}, 1),
            ("proactive.category", {"category": "“三公”经费"}, 2),
            ("proactive.category", {"category": "工作动态"}, 75),
            ("proactive.category", {"category": "通知公告"}, 8),
            ("proactive.category", {"category": "民意征集"}, 3),
            ("proactive.category", {"category": "情况反馈"}, 3),
            ("proactive.category", {"category": "常见问题"}, 12),
        ],
    ),
    (
        "listed_category",
        "其中乡镇动态3条、文件类信息公开31条、其他重要信息39条。",  # real2/hb033.txt
        [
            ("proactive.category", {"category": "乡镇动态"}, 3),
            ("proactive.category", {"category": "文件类信息公开"}, 31),
            ("proactive.category", {"category": "其他重要"}, 39),
        ],
    ),
    (
        "listed_category",
        "2025年累计发布政府信息118条,具体包括：政府信息公开制度1条、公开指南1条、年度报告1条、政府文件10条、组织机构3条、概况信息13条、法治政府建设工作1条、重大行政决策目录2",  # real2/hb035.txt
        [
            ("proactive.category", {"category": "政府信息公开制度"}, 1),
            ("proactive.category", {"category": "指南"}, 1),
            ("proactive.category", {"category": "报告"}, 1),
            ("proactive.category", {"category": "政府文件"}, 10),
            ("proactive.category", {"category": "组织机构"}, 3),
            ("proactive.category", {"category": "概况"}, 13),
            ("proactive.category", {"category": "法治政府建设工作"}, 1),
        ],
    ),
    (
        "listed_category",
        "具体包括：全文电子化的主动公开信息数条85条，机构职能类信息2条，规划计划类信息1条，重大建设项目信息1条，为民办实事类信息10条，民政扶贫救灾社会保障就业类信息7条，国土资源城乡建设环保能源类信息11条，科教文体卫生类信息11条，安全生产、应急管理类信息45条。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("proactive.category", {"category": "机构职能"}, 2),
            ("proactive.category", {"category": "规划计划"}, 1),
            ("proactive.category", {"category": "重大建设项目"}, 1),
            ("proactive.category", {"category": "为民办实事"}, 10),
            ("proactive.category", {"category": "民政扶贫救灾社会保障就业"}, 7),
            ("proactive.category", {"category": "国土资源城乡建设环保能源"}, 11),
            ("proactive.category", {"category": "科教文体卫生"}, 11),
            ("proactive.category", {"category": "安全生产、应急管理"}, 45),
        ],
    ),
    (
        "listed_category",
        "其中，机构职能类1条，占1.1%；规划计划类2条，占2.2%；民政扶贫救灾社会保障就业类信息61条，占61.62%；国土资源城乡建设环保能源类23条，占23.23%；重大建设项目类12条，占12.12%。",  # seeds/002_9e38e5bfa899f112.txt
        [
            ("proactive.category", {"category": "机构职能"}, 1),
            ("proactive.category", {"category": "规划计划"}, 2),
            ("proactive.category", {"category": "民政扶贫救灾社会保障就业"}, 61),
            ("proactive.category", {"category": "国土资源城乡建设环保能源"}, 23),
            ("proactive.category", {"category": "重大建设项目"}, 12),
        ],
    ),
    (
        "listed_category",
        "截至目前,共公开《厦门市湖里区人民政府湖里街道办事处2019年度政府信息公开工作年度报告》1条、概况信息8条、规划计划1条,其他信息17条,街道动态13条和图片新闻5条。",  # seeds/004_f386c353c807fea8.txt
        [
            (
                "proactive.category",
                {"category": "《厦门市湖里区人民政府湖里街道办事处2019年度政府信息公开工作年度报告》"},
                1,
            ),
            ("proactive.category", {"category": "概况"}, 8),
            ("proactive.category", {"category": "规划计划"}, 1),
            ("proactive.category", {"category": "其他"}, 17),
            ("proactive.category", {"category": "街道动态"}, 13),
            ("proactive.category", {"category": "图片新闻"}, 5),
        ],
    ),
    # --- named_channel
    (
        "named_channel",
        "2016年政务网站、微信、微博共发布各类信息2483条,其中网站（含转发）319条,微信（含转发）851条、微博（含转发）2348条。",  # real2 (t2s) hb001.txt
        [
            ("proactive.channel", {"channel": "website"}, 319),
            ("proactive.channel", {"channel": "wechat"}, 851),
            ("proactive.channel", {"channel": "weibo"}, 2348),
        ],
    ),
    (
        "named_channel",
        "有序推进基层政务公开，聚焦营商环境、项目投资、产业政策等重点领域，发布权威信息，持续加强公开力度，不断提高政府信息公开的深度和广度，通过政府门户网站全年主动公开各类政府信息10407条。",  # formats/f005.html
        [
            ("proactive.channel", {"channel": "website"}, 10407),
        ],
    ),
    (
        "named_channel",
        "全年在荷塘区政府门户网站公开信息77条,收到1份政府信息公开申请。",  # real/h004.txt
        [
            ("proactive.channel", {"channel": "website"}, 77),
            ("proactive.total", {}, 77),
        ],
    ),
    (
        "named_channel",
        "2019年,河西街道通过区政府门户网站上报信息114条,审发推送71条,其中工作动态67条、规划计划1条、政策文件2条、应急管理1条;通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。",  # real/h005.txt
        [
            ("proactive.channel", {"channel": "website"}, 114),
        ],
    ),
    (
        "named_channel",
        "目前,我镇公开政务信息的形式和渠道主要包括政府门户网站和微信公众号（秀美大五里）等,其中,门户网站公开125条,微信公众号公开92条。",  # real/h016.txt
        [
            ("proactive.channel", {"channel": "website"}, 125),
            ("proactive.channel", {"channel": "wechat"}, 92),
        ],
    ),
    (
        "named_channel",
        "2020年和平街道主动公开政府信息73条,其中依托梅河口市政府网站主动公开信息73条;通过政务微信公众号“梅河口市和平街道办事处”公开政府信息73条;通过政务公开栏公开政府信息73条。",  # real/h019.txt
        [
            ("proactive.channel", {"channel": "website"}, 73),
            ("proactive.channel", {"channel": "wechat"}, 73),
            ("proactive.channel", {"channel": "bulletin_board"}, 73),
        ],
    ),
    (
        "named_channel",
        "其中,网上公开信息20条,所占比例为30%,兴华乡政务公开揭示板上公开45条,所占比例75%",  # real/h020.txt
        [
            ("proactive.channel", {"channel": "website"}, 20),
            ("proactive.channel", {"channel": "bulletin_board"}, 45),
        ],
    ),
    (
        "named_channel",
        "根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2016年度共新增主动公开政府信息607条,其中机构信息0条,工作信息469条（政务动态465条、计划总结1条、通知公告3条）,民生事项64条（社会救助61条、宅基地使用审核3条）,财政管理39条（财政预决算1条,专项经费38条）,政务微博公开政府信息条数42条。",  # real/h031.txt
        [
            ("proactive.channel", {"channel": "weibo"}, 42),
        ],
    ),
    (
        "named_channel",
        "其中,街道官方微信发布信息782条,信息公开网发布政务动态信息67条。",  # real/h036.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 782),
            ("proactive.channel", {"channel": "website"}, 67),
        ],
    ),
    (
        "named_channel",
        "2025年度,通过政府门户网站累计发布工作动态信息165条,其中重点聚焦甘州乡镇街道动态102条;发布法定主动公开内容1条,包括机构概况1条,以及“三公”经费及预算/决算信息2条,切实保障公众知情权和监督权。",  # real/h043.txt
        [
            ("proactive.channel", {"channel": "website"}, 165),
        ],
    ),
    (
        "named_channel",
        "在主动公开的信息中,通过福田政府在线网站公开信息216条,占总体比例的55 %;通过新闻报刊公开信息65条,占总体比例的17%;通过其他方式公开信息113条,占总体比例的28%。",  # real2/hb004.txt
        [
            ("proactive.channel", {"channel": "website"}, 216),
            ("proactive.channel", {"channel": "other"}, 113),
        ],
    ),
    (
        "named_channel",
        "在主动公开的信息中,通过福田政府在线网站公开信息165条,占总体比例的54%;通过新闻报刊公开信息53条,占总体比例的17%;通过其他方式公开信息86条,占总体比例的28%。",  # real2/hb005.txt
        [
            ("proactive.channel", {"channel": "website"}, 165),
            ("proactive.channel", {"channel": "other"}, 86),
        ],
    ),
    (
        "named_channel",
        "2008年,我镇通过政府信息公开平台、政府网站主动公开政府信息12条。",  # real2/hb012.txt
        [
            ("proactive.channel", {"channel": "website"}, 12),
        ],
    ),
    (
        "named_channel",
        "我委2009年度在市政府门户网站（中国福州）与本委网站上共主动公开政府信息35条。",  # real2/hb014.txt
        [
            ("proactive.channel", {"channel": "website"}, 35),
            ("proactive.total", {}, 35),
        ],
    ),
    (
        "named_channel",
        "截至2020年12月底,我局在区政府门户网站公开各类政府信息共计127条,其中部门工作动态43条,公示无证行医查处6条（打击非法行医机构6家）,双随机公示10条,计划总结2条,重点信息公开66条。",  # real2/hb023.txt
        [
            ("proactive.channel", {"channel": "website"}, 127),
        ],
    ),
    (
        "named_channel",
        "（一）公开政府信息情况本年度我乡通过县政府门户网站发布各类工作动态、公示公告等主动公开信息73条。",  # real2/hb033.txt
        [
            ("proactive.channel", {"channel": "website"}, 73),
        ],
    ),
    (
        "named_channel",
        "另外,我乡充分运用新媒体网络平台“柳城县古砦仫佬族乡人民政府”微信公众号发布信息71条,用于宣传国家的各类政策,公开乡干部在民生、应急、文化等领域为民办实事的工作动态。",  # real2/hb033.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 71),
        ],
    ),
    (
        "named_channel",
        "今年来，我街道继续按照要求，认真推进政府信息公开工作，累计在“中国晋江”门户网站上主动公开政府信息181条，在街道实体公开栏公开112条。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.channel", {"channel": "website"}, 181),
            ("proactive.total", {}, 181),
            ("proactive.channel", {"channel": "bulletin_board"}, 112),
        ],
    ),
    (
        "named_channel",
        "通过“品质新罗山”微信公众号、街道企业微信群共发布12条新产业推广典型经验做法和相关扶持政策。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 12),
        ],
    ),
    (
        "named_channel",
        "截至目前，在“中国晋江”门户网站完成2003年度以来主动公开类政府信息总量1051条，其中2017年度共计公开181条。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.channel", {"channel": "website"}, 1051),
            ("proactive.total", {}, 1051),
        ],
    ),
    (
        "named_channel",
        "1.西园街道主动公开政府信息的数量和类别：2020年，在“中国晋江”门户网站主动公开政府信息99条，全文电子化率达100%。",  # seeds/002_9e38e5bfa899f112.txt
        [
            ("proactive.channel", {"channel": "website"}, 99),
            ("proactive.total", {}, 99),
        ],
    ),
    (
        "named_channel",
        "2020年，依托街道微信公众平台“西园风光”发布各类信息1558条，涵盖党建、科教文卫、危房翻建、民生补短板、疫情防控、文明创城等工作，有效畅通群众信息渠道，方便群众了解政府工作动态。",  # seeds/002_9e38e5bfa899f112.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 1558),
        ],
    ),
    # --- application
    (
        "application",
        "2016年,政府信息依申请公开系统共收到1宗信息。",  # real2 (t2s) hb001.txt
        [
            ("applications.received", {}, 1),
        ],
    ),
    (
        "application",
        "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。",  # formats/f001.pdf
        [
            ("applications.received", {}, 3119),
            ("applications.outcome", {"outcome": "total"}, 3050),  # its truth: 总计 3050 (the answered count)
            ("applications.carried_over", {}, 34),
            ("applications.carried_forward", {}, 103),
        ],
    ),
    (
        "application",
        "全年在荷塘区政府门户网站公开信息77条,收到1份政府信息公开申请。",  # real/h004.txt
        [
            ("applications.received", {}, 1),
        ],
    ),
    (
        "application",
        "2020年度和平街道发生依申请公开1次。",  # real/h019.txt
        [
            ("applications.received", {}, 1),
        ],
    ),
    (
        "application",
        "2018年,大南街道共收到政府信息公开申请3件,街道对申请公开的信息做了积极回应,及时进行受理并予以答复,现均已处理完毕。",  # real/h036.txt
        [
            ("applications.received", {}, 3),
        ],
    ),
    (
        "application",
        "本年度收到依申请公开申请15件,其中通过信函申请3件,通过网络申请12件。",  # real/h047.txt
        [
            ("applications.received", {}, 15),
            ("applications.channel", {"channel": "letter"}, 3),
            ("applications.channel", {"channel": "online"}, 12),
        ],
    ),
    (
        "application",
        "上年度结转3件。",  # real/h047.txt
        [
            ("applications.carried_over", {}, 3),
        ],
    ),
    (
        "application",
        "8件结转下年度继续办理。",  # real/h047.txt
        [
            ("applications.carried_forward", {}, 8),
        ],
    ),
    (
        "application",
        "2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件",  # real2/hb027.txt
        [
            ("applications.received", {}, 0),
            ("applications.outcome", {"outcome": "granted"}, 0),  # 公开N件 bound to outcomes (issue 12)
            ("applications.outcome", {"outcome": "denied"}, 0),
        ],
    ),
    (
        "application",
        "2025年度,我局共受理政府信息依申请公开4件,已按照规定时限、制度和程序受理并答复,无意见投诉情况。",  # real2/hb031.txt
        [
            ("applications.received", {}, 4),
        ],
    ),
    (
        "application",
        "加强和规范依申请公开工作，畅通依申请公开受理渠道，依法保障公众合理的信息需求，今年共受理依申请公开0件。",  # seeds/001_65a8da51980a352c.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "application",
        "共收到政府信息公开申请0件。",  # seeds/001_65a8da51980a352c.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "application",
        "2017年依申请公开政府信息数为0件。",  # seeds/001_65a8da51980a352c.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    # --- zero_fees
    (
        "zero_fees",
        "2016年,没有向政府信息公开申请人收费的情况,未产生政府信息公开事务诉讼相关的费用支出。",  # real2 (t2s) hb001.txt
        [
            ("fees.amount", {}, 0),
        ],
    ),
    (
        "zero_fees",
        "2024年，无收取信息处理费情况。",  # formats/f005.html
        [
            ("fees.amount", {}, 0),
        ],
    ),
    (
        "zero_fees",
        "未收取任何政府信息公开费用。",  # real/h006.txt
        [
            ("fees.amount", {}, 0),
        ],
    ),
    (
        "zero_fees",
        "2014年度及历年来,我镇政府信息公开没有收费及减免的情况。",  # real/h029.txt
        [
            ("fees.amount", {}, 0),
        ],
    ),
    (
        "zero_fees",
        "四、政府信息公开的收费及减免情况 2014年度,本单位没有向依申请公开对象收取复印、传真、递送等任何费用,也无减免情况。",  # real2/hb016.txt
        [
            ("fees.amount", {}, 0),
        ],
    ),
    (
        "zero_fees",
        "收取信息处理费的情况：本年度无发出收费通知,无收取信息处理费用。",  # real2/hb029.txt
        [
            ("fees.amount", {}, 0),
        ],
    ),
    # --- zero_review
    (
        "zero_review",
        "2016年未发生申请行政复议和提起行政诉讼情况。",  # real2 (t2s) hb001.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2021年镇政府信息公开全年发布各类信息684条,其中机构概况类1条,规章类文件0条,公共服务类9条、政务动态类148条、其它信息526条、依申请公开信息0条,无行政复议、行政诉讼的情况发生。",  # real2 (t2s) hb002.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2018年未收到有关政府信息公开行政复议、提起行政诉讼的申请。",  # formats/f008.html
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2020年驼峰路街道办未发生因政府信息公开申请提起的行政复议和行政诉讼案件。",  # real/h006.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "我镇2014年度未发生针对本单位有关政府信息公开事务的行政复议案、诉讼和申述的情况。",  # real/h029.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "本年度未发生针对街道机关和社区工作站有关政府信息公开事务的行政复议和行政诉讼。",  # real2/hb005.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "一年来,我局及时公开信息累计达1356条,信息公开上网后,没有接到有关举报、投诉、行政复议和行政诉讼的情况。",  # real2/hb011.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2008年我镇未有因政府信息公开申请行政复议和提起行政诉讼的情况。",  # real2/hb012.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况 2014年度,本单位没有因政府信息公开工作而出现行政复议、行政诉讼或申诉情况。",  # real2/hb016.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "五、行政复议、诉讼和申诉情况 2016年度未接到有关政府信息公开方面的复议、诉讼和申诉。",  # real2/hb018.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2021年,我署共公开信息121条,其中,机构职能信息7条,政策法规5条,规划计划与总结信息3条,预决算信息2条,信息公开年报信息1条,“三公”经费信息2条,工作动态信息75条,通知公告信息8条,民意征集信息3条,情况反馈信息3条,常见问题信息12条;没有收到政府信息公开申请;没有政府信息公开行政复议、行政诉讼。",  # real2/hb029.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "严格区分公开与不予公开情形,依法依规答复群众诉求,全年未发生因依申请公开引发的行政复议或行政诉讼案件。",  # real2/hb033.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2018年我街道没有因政府信息公开申请行政复议、提起行政诉讼的情况。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "zero_review",
        "2018年未发生与政府信息公开相关的行政复议、诉讼和举报投诉事项。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    # --- zero_litigation
    (
        "zero_litigation",
        "2016年未发生申请行政复议和提起行政诉讼情况。",  # real2 (t2s) hb001.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2021年镇政府信息公开全年发布各类信息684条,其中机构概况类1条,规章类文件0条,公共服务类9条、政务动态类148条、其它信息526条、依申请公开信息0条,无行政复议、行政诉讼的情况发生。",  # real2 (t2s) hb002.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2018年未收到有关政府信息公开行政复议、提起行政诉讼的申请。",  # formats/f008.html
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2020年驼峰路街道办未发生因政府信息公开申请提起的行政复议和行政诉讼案件。",  # real/h006.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "我镇2014年度未发生针对本单位有关政府信息公开事务的行政复议案、诉讼和申述的情况。",  # real/h029.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "本年度未发生针对街道机关和社区工作站有关政府信息公开事务的行政复议和行政诉讼。",  # real2/hb005.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "一年来,我局及时公开信息累计达1356条,信息公开上网后,没有接到有关举报、投诉、行政复议和行政诉讼的情况。",  # real2/hb011.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2008年我镇未有因政府信息公开申请行政复议和提起行政诉讼的情况。",  # real2/hb012.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况 2014年度,本单位没有因政府信息公开工作而出现行政复议、行政诉讼或申诉情况。",  # real2/hb016.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "五、行政复议、诉讼和申诉情况 2016年度未接到有关政府信息公开方面的复议、诉讼和申诉。",  # real2/hb018.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2021年,我署共公开信息121条,其中,机构职能信息7条,政策法规5条,规划计划与总结信息3条,预决算信息2条,信息公开年报信息1条,“三公”经费信息2条,工作动态信息75条,通知公告信息8条,民意征集信息3条,情况反馈信息3条,常见问题信息12条;没有收到政府信息公开申请;没有政府信息公开行政复议、行政诉讼。",  # real2/hb029.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "严格区分公开与不予公开情形,依法依规答复群众诉求,全年未发生因依申请公开引发的行政复议或行政诉讼案件。",  # real2/hb033.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2018年我街道没有因政府信息公开申请行政复议、提起行政诉讼的情况。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "zero_litigation",
        "2018年未发生与政府信息公开相关的行政复议、诉讼和举报投诉事项。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("litigation.count", {}, 0),
        ],
    ),
    # --- zero_applications
    (
        "zero_applications",
        "2022年,沙洲镇未收到依申请公开件",  # real2 (t2s) hb037.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2013年1月1日至12月31日期间我局办公室未收到政府信息公开申请。",  # formats/f007.html
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "因未发生政府信息公开申请，故不存在政府信息答复处理情况。",  # formats/f007.html
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2018年未收到有关政府信息公开申请。",  # formats/f008.html
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2019年度未收到公民、法人或其他组织的政府信息公开申请。",  # real/h005.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2020年度我街办未接到提出公开政府信息的申请。",  # real/h006.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2014年,我镇没有依申请公开政府信息办理事项。",  # real/h029.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2008年,我镇未收到公开政府信息的申请。",  # real2/hb012.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "三、依申请公开政府信息和不予公开政府信息的情况 本单位2014年没有收到政府信息公开申请件。",  # real2/hb016.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "截止2020年12月31日,我局主动公开的信息15条,未收到申请公开政府信息要求。",  # real2/hb021.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2021年,我署共公开信息121条,其中,机构职能信息7条,政策法规5条,规划计划与总结信息3条,预决算信息2条,信息公开年报信息1条,“三公”经费信息2条,工作动态信息75条,通知公告信息8条,民意征集信息3条,情况反馈信息3条,常见问题信息12条;没有收到政府信息公开申请;没有政府信息公开行政复议、行政诉讼。",  # real2/hb029.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2018年我街道没有受理依申请公开诉求。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2020年，我街道未收到政府信息公开申请。",  # seeds/002_9e38e5bfa899f112.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    (
        "zero_applications",
        "2018年未发生与政府信息公开的依申请公开事项。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("applications.received", {}, 0),
        ],
    ),
    # --- review_litigation
    (
        "review_litigation",
        "政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。",  # formats/f001.pdf
        [
            ("review.count", {}, 351),
            ("litigation.count", {}, 46),
        ],
    ),
    (
        "review_litigation",
        "2013年，我局收到以有关政府信息公开行政复议0件。",  # formats/f007.html
        [
            ("review.count", {}, 0),
        ],
    ),
    (
        "review_litigation",
        "2018年,大南街道共受理行政复议案件2件,当事人均已撤销复议。",  # real/h036.txt
        [
            ("review.count", {}, 2),
        ],
    ),
    (
        "review_litigation",
        "行政诉讼案件4件,其中1件已撤回,1件不予立案。",  # real/h036.txt
        [
            ("litigation.count", {}, 4),
        ],
    ),
    (
        "review_litigation",
        "2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件",  # real2/hb027.txt
        [
            ("review.count", {}, 0),
            ("litigation.count", {}, 0),
        ],
    ),
    (
        "review_litigation",
        "受理有关政府信息公开事务的行政复议申请0件。",  # seeds/001_65a8da51980a352c.txt
        [
            ("review.count", {}, 0),
        ],
    ),
    # --- fees
    (
        "fees",
        "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",  # formats/f001.pdf
        [
            ("fees.amount", {}, 3940),
        ],
    ),
    (
        "fees",
        "2013年用于税收宣传、税收政策公告、设立和更新公开栏等产生的政府信息公开费用1万元。",  # formats/f007.html
        [
            ("fees.amount", {}, 10000),
        ],
    ),
    # --- channel_is_total
    (
        "channel_is_total",
        "有序推进基层政务公开，聚焦营商环境、项目投资、产业政策等重点领域，发布权威信息，持续加强公开力度，不断提高政府信息公开的深度和广度，通过政府门户网站全年主动公开各类政府信息10407条。",  # formats/f005.html
        [
            ("proactive.total", {}, 10407),
        ],
    ),
    (
        "channel_is_total",
        "2019年,河西街道通过区政府门户网站上报信息114条,审发推送71条,其中工作动态67条、规划计划1条、政策文件2条、应急管理1条;通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。",  # real/h005.txt
        [
            ("proactive.total", {}, 71),
        ],
    ),
    (
        "channel_is_total",
        "2008年,我镇通过政府信息公开平台、政府网站主动公开政府信息12条。",  # real2/hb012.txt
        [
            ("proactive.total", {}, 12),
        ],
    ),
    (
        "channel_is_total",
        "截至2020年12月底,我局在区政府门户网站公开各类政府信息共计127条,其中部门工作动态43条,公示无证行医查处6条（打击非法行医机构6家）,双随机公示10条,计划总结2条,重点信息公开66条。",  # real2/hb023.txt
        [
            ("proactive.total", {}, 127),
        ],
    ),
    (
        "channel_is_total",
        "（一）公开政府信息情况本年度我乡通过县政府门户网站发布各类工作动态、公示公告等主动公开信息73条。",  # real2/hb033.txt
        [
            ("proactive.total", {}, 73),
        ],
    ),
    # --- interpretation
    (
        "interpretation",
        "加强政策解读力度，通过文字、图解、视频、访谈等多种形式，不断增强政策解读的权威性、针对性，全年发布政策文件解读96篇，获得良好的传播效果。",  # formats/f005.html
        [
            ("interpretation.count", {}, 96),
        ],
    ),
    (
        "interpretation",
        "三、回应解读情况 回应公众关注热点或重大舆情数2次,分别是坳头石场 合同纠纷和龙安石场拦车事件。",  # real2/hb018.txt
        [
            ("interpretation.count", {}, 2),
        ],
    ),
    (
        "interpretation",
        "全年共发布本级文件3条,相关文件解读6条,其中新闻发布会解读1条,负责人解读2条,图片解读2条,媒体解读1条。",  # real2/hb031.txt
        [
            ("interpretation.count", {}, 6),
        ],
    ),
    (
        "interpretation",
        "围绕建设法治政府全面推进政务公开，加大重点领域信息公开力度，重点做好街道年度工作部署、社会保障、教育、城市建设等民生方面的热点舆情回应，今年来街道依托街道主要领导接听市长专线、晋江经济报报道、晋江电视台新闻采访等方式，开展政策解读8次。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("interpretation.count", {}, 8),
        ],
    ),
    # --- total
    (
        "total",
        "2013年新增主动公开政府信息45条。",  # formats/f007.html
        [
            ("proactive.total", {}, 45),
        ],
    ),
    (
        "total",
        "2018年全区主动公开政府信息2069条。",  # formats/f008.html
        [
            ("proactive.total", {}, 2069),
        ],
    ),
    (
        "total",
        "2020年,在市政务信息公开工作领导小组及办公室的悉心指导下,按照公开条例及上级有关政务公开工作的要求,我镇通过不同渠道和方式主动公开政务信息共217条。",  # real/h016.txt
        [
            ("proactive.total", {}, 217),
        ],
    ),
    (
        "total",
        "2020年和平街道主动公开政府信息73条,其中依托梅河口市政府网站主动公开信息73条;通过政务微信公众号“梅河口市和平街道办事处”公开政府信息73条;通过政务公开栏公开政府信息73条。",  # real/h019.txt
        [
            ("proactive.total", {}, 73),
        ],
    ),
    (
        "total",
        "截止20101231日,全乡累计主动公开政府信息65条。",  # real/h020.txt
        [
            ("proactive.total", {}, 65),
        ],
    ),
    (
        "total",
        "截止12月31日止,本镇2011年度共主动公开政府信息39条,全文电子化率达100%。",  # real/h024.txt
        [
            ("proactive.total", {}, 39),
        ],
    ),
    (
        "total",
        "我街道办事处2018年全年主动公开政府信息250条,全文电子化达100%。",  # real/h040.txt
        [
            ("proactive.total", {}, 250),
        ],
    ),
    (
        "total",
        "我街道2020年主动公开政府信息共394条。",  # real2/hb004.txt
        [
            ("proactive.total", {}, 394),
        ],
    ),
    (
        "total",
        "我街道2022年主动公开政府信息共304条。",  # real2/hb005.txt
        [
            ("proactive.total", {}, 304),
        ],
    ),
    (
        "total",
        "2018年主动公开政府信息数586条。",  # real2/hb006.txt
        [
            ("proactive.total", {}, 586),
        ],
    ),
    (
        "total",
        "一年来,我局及时公开信息累计达1356条,信息公开上网后,没有接到有关举报、投诉、行政复议和行政诉讼的情况。",  # real2/hb011.txt
        [
            ("proactive.total", {}, 1356),
        ],
    ),
    (
        "total",
        "二、主动公开政府信息的情况 根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2014年度共新增主动公开政府信息69条。",  # real2/hb016.txt
        [
            ("proactive.total", {}, 69),
        ],
    ),
    (
        "total",
        "截止2020年12月31日,我局主动公开的信息15条,未收到申请公开政府信息要求。",  # real2/hb021.txt
        [
            ("proactive.total", {}, 15),
        ],
    ),
    (
        "total",
        "2025年度,涡阳县教育局共发布政府信息1192条,点击量为835382次。",  # real2/hb031.txt
        [
            ("proactive.total", {}, 1192),
        ],
    ),
    (
        "total",
        "2025年累计发布政府信息118条,具体包括：政府信息公开制度1条、公开指南1条、年度报告1条、政府文件10条、组织机构3条、概况信息13条、法治政府建设工作1条、重大行政决策目录2",  # real2/hb035.txt
        [
            ("proactive.total", {}, 118),
        ],
    ),
    (
        "total",
        "今年来，累计发布信息615条。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.total", {}, 615),
        ],
    ),
    (
        "total",
        "2017年主动公开政府信息数为181条。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.total", {}, 181),
        ],
    ),
    (
        "total",
        "（一）主动公开政府信息：7条。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("proactive.total", {}, 7),
        ],
    ),
    # --- inquiry
    (
        "inquiry",
        "2013年有约4900人次通过各种方式向我局各部门、基层所咨询涉税信息有关事务，其中现场咨询1600人次，占32.65%；电话咨询3200人次，占65.31%，网上咨询100人次，2.04%占。",  # formats/f007.html
        [
            ("inquiries.count", {"channel": "现场咨询"}, 1600),
            ("inquiries.count", {"channel": "电话咨询"}, 3200),
            ("inquiries.count", {"channel": "网上咨询"}, 100),
        ],
    ),
    (
        "inquiry",
        "同时，将“我为政府网站找错”网民留言办理作为一项重要的日常工作来抓，安排专人每天至少1次登陆网站信息报送系统，及时接收、办理和回复网民留言，截至目前我区政府网站共收到网友留言11条，已100%及时整改并按时办结回复。",  # formats/f008.html
        [
            ("inquiries.count", {"channel": "截至目前我区政府网站共收到网友留言"}, 11),
        ],
    ),
    (
        "inquiry",
        "承接办理区政府门户网站留言33条,均按期按要求办结答复。",  # real2/hb023.txt
        [
            ("inquiries.count", {"channel": "承接办理区政府门户网站留言"}, 33),
        ],
    ),
    (
        "inquiry",
        "2018年我街道共接待访问咨询总人次数231人次，其中现场接待人数78人次，咨询电话接听数133人次。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("inquiries.count", {"channel": "2018年我街道共接待访问咨询总人次数"}, 231),
            ("inquiries.count", {"channel": "现场接待人数"}, 78),
            ("inquiries.count", {"channel": "咨询电话接听数"}, 133),
        ],
    ),
    (
        "inquiry",
        "今年处理答复“中国 晋江”政府网站咨询1条，依托“梅岭微生活”微信公众号平台受理群众咨询11人次。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("inquiries.count", {"channel": "今年处理答复“中国 晋江”政府网站咨询"}, 1),
            ("inquiries.count", {"channel": "依托“梅岭微生活”微信公众号平台受理群众咨询"}, 11),
        ],
    ),
    (
        "inquiry",
        "今年来,街道在区级部门指导下,及时处理答复网民意见建议1条、在线咨询6条、网上投诉4条,共计11条,均100%及时回复;修改错疏漏问题2处,并对照《答复函保密审查工作提示》要求,逐项逐条进行自查整改。",  # seeds/004_f386c353c807fea8.txt
        [
            ("inquiries.count", {"channel": "在线咨询"}, 6),
        ],
    ),
    # --- staff
    (
        "staff",
        "我局没有从事政府信息公开工作的全职人员，兼职人员1人。",  # formats/f007.html
        [
            ("staff.count", {}, 1),
            ("staff.count", {"kind": "part_time"}, 1),
        ],
    ),
    (
        "staff",
        "政府信息公开平台由综合办公室一名工作人员专门负责运维保障,并结合实际工作开展情况组织培训,并及时解答各科室使用过程中出现的问题。",  # real/h010.txt
        [
            ("staff.count", {}, 1),
        ],
    ),
    (
        "staff",
        "本乡主要领导高度重视政府信息公开工作,由1人专门负责此项工作,切实保证了政府信息公开工作的顺利开展。",  # real/h020.txt
        [
            ("staff.count", {}, 1),
        ],
    ),
    (
        "staff",
        "及时更新、完善《蚶江镇人民政府信息公开目录》、《蚶江镇政府信息公开指南》,使镇政府信息予以及时公开为顺利开展信息公开工作,我镇专门配备了党政办1名兼职工作人员负责操作。",  # real/h024.txt
        [
            ("staff.count", {}, 1),
            ("staff.count", {"kind": "part_time"}, 1),
        ],
    ),
    (
        "staff",
        "为此,本单位专门成立了政府信息公开工作领导小组,配备了3名兼职工作人员,在本单位办公室设立了政府信息查阅点和依申请公开受理点。",  # real/h031.txt
        [
            ("staff.count", {}, 3),
            ("staff.count", {"kind": "part_time"}, 3),
        ],
    ),
    (
        "staff",
        "为认真贯彻执行《中华人民共和国政府信息公开条例》规定,我街道成立了信息公开办,由街道党工委书记任组长,分管领导任副组长,党政综合办公室副主任为具体负责人,安排了2名工作人员负责信息公开工作,设立了1个信息申请受理点和1个公共查阅点。",  # real2/hb004.txt
        [
            ("staff.count", {}, 2),
        ],
    ),
    (
        "staff",
        "根据市政府信息公开工作部署,我委认真开展政府信息公开工作,成立政府信息公开工作小组,由委主要领导亲自担任组长,下设办公室,负责牵头协调和清理规范性文件,并专门配备1名兼职工作人员,负责工作的具体开展。",  # real2/hb014.txt
        [
            ("staff.count", {}, 1),
            ("staff.count", {"kind": "part_time"}, 1),
        ],
    ),
    (
        "staff",
        "成立以办事处主任为组长的政务公开工作领导小组，领导小组下设办公室，办公室主任由党工委秘书兼任，并配备5名工作人员（其中4名在编干部），具体负责政府信息公开工作的日常事务。",  # seeds/001_65a8da51980a352c.txt
        [
            ("staff.count", {}, 5),
        ],
    ),
    (
        "staff",
        "并根据实际工作需要,指定了一名主管领导及六名政府信息公开工作人员。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("staff.count", {}, 6),
        ],
    ),
    # --- channel_verb
    (
        "channel_verb",
        "2019年,河西街道通过区政府门户网站上报信息114条,审发推送71条,其中工作动态67条、规划计划1条、政策文件2条、应急管理1条;通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。",  # real/h005.txt
        [
            ("proactive.channel", {"channel": "website"}, 71),
        ],
    ),
    # --- respectively
    (
        "respectively",
        "2019年,河西街道通过区政府门户网站上报信息114条,审发推送71条,其中工作动态67条、规划计划1条、政策文件2条、应急管理1条;通过官方微博“河西发布V”、微信公众号“河之西”分别发布各类信息92条、306条。",  # real/h005.txt
        [
            ("proactive.channel", {"channel": "weibo"}, 92),
            ("proactive.channel", {"channel": "wechat"}, 306),
        ],
    ),
    # --- bracketed_category
    (
        "bracketed_category",
        "根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2016年度共新增主动公开政府信息607条,其中机构信息0条,工作信息469条（政务动态465条、计划总结1条、通知公告3条）,民生事项64条（社会救助61条、宅基地使用审核3条）,财政管理39条（财政预决算1条,专项经费38条）,政务微博公开政府信息条数42条。",  # real/h031.txt
        [
            ("proactive.category", {"category": "政务动态", "parent": "工作"}, 465),
            ("proactive.category", {"category": "计划总结", "parent": "工作"}, 1),
            ("proactive.category", {"category": "通知公告", "parent": "工作"}, 3),
            ("proactive.category", {"category": "社会救助", "parent": "民生事项"}, 61),
            ("proactive.category", {"category": "宅基地使用审核", "parent": "民生事项"}, 3),
            ("proactive.category", {"category": "财政预决算", "parent": "财政管理"}, 1),
            ("proactive.category", {"category": "专项经费", "parent": "财政管理"}, 38),
        ],
    ),
    # --- zero_interpretation
    (
        "zero_interpretation",
        "大南街道本年度没有通过新闻媒体、新闻发布会、网络访谈等形式就有关重大政策措施进行解读的次数也均为零。",  # real/h036.txt
        [
            ("interpretation.count", {}, 0),
        ],
    ),
    # --- complaint
    (
        "complaint",
        "2018年,大南街道共接到举报投诉658件,其中市长热线转交421件,均在规定时限内",  # real/h036.txt
        [
            ("complaints.count", {"source": "举报投诉"}, 658),
            ("complaints.count", {"of": "举报投诉", "source": "市长热线转交"}, 421),
        ],
    ),
    (
        "complaint",
        "全年受理办结泉州12345平台交办件81件、晋江12345便民事件136件、市长专线交办件92件。",  # seeds/002_9e38e5bfa899f112.txt
        [
            ("complaints.count", {"source": "泉州12345平台"}, 81),
            ("complaints.count", {"source": "晋江12345便民"}, 136),
            ("complaints.count", {"source": "市长专线"}, 92),
        ],
    ),
    (
        "complaint",
        "今年来,街道在区级部门指导下,及时处理答复网民意见建议1条、在线咨询6条、网上投诉4条,共计11条,均100%及时回复;修改错疏漏问题2处,并对照《答复函保密审查工作提示》要求,逐项逐条进行自查整改。",  # seeds/004_f386c353c807fea8.txt
        [
            ("complaints.count", {"source": "网民意见建议"}, 1),
            ("complaints.count", {"source": "网上投诉"}, 4),
        ],
    ),
    # --- verb_after_channel
    (
        "verb_after_channel",
        "2020年,通过向区图书馆、区档案馆、区行政服务大厅报送资料,公开18条;通过信息公告栏,公开43条;通过手册、传单等纸质材料,公开52条。",  # real2/hb004.txt
        [
            ("proactive.channel", {"channel": "bulletin_board"}, 43),
        ],
    ),
    (
        "verb_after_channel",
        "在“品质新罗山”微信公众号、街道企业微信群及时公开街道推进产品质量监管政策相关法规及街道查处假冒伪劣、虚假广告、价格欺诈等行为情况，共推送6条。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 6),
        ],
    ),
    (
        "verb_after_channel",
        "加大安全生产监管监察信息公开力度，在“品质新罗山”微信公众号、街道企业微信群及时公开街道企业安全生产监管工作开展情况，共计推送34条信息。",  # seeds/001_65a8da51980a352c.txt
        [
            ("proactive.channel", {"channel": "wechat"}, 34),
        ],
    ),
    # --- zero_complaints
    (
        "zero_complaints",
        "一年来,我局及时公开信息累计达1356条,信息公开上网后,没有接到有关举报、投诉、行政复议和行政诉讼的情况。",  # real2/hb011.txt
        [
            ("complaints.count", {"source": "举报"}, 0),
            ("complaints.count", {"source": "投诉"}, 0),
        ],
    ),
    # --- zero_inquiries
    (
        "zero_inquiries",
        "四、咨询处理情况 2016年度未收到任何形式的有关信息公开方面的咨询。",  # real2/hb018.txt
        [
            ("inquiries.count", {"channel": "咨询"}, 0),
        ],
    ),
    # --- listed_total
    (
        "listed_total",
        "2018年来，我街道累计公开政府信息119条，新增主动公开政府信息119条，全文电子化的主动公开信息119条。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("proactive.total", {}, 119),
        ],
    ),
    # --- electronic
    (
        "electronic",
        "2018年来，我街道累计公开政府信息119条，新增主动公开政府信息119条，全文电子化的主动公开信息119条。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("proactive.electronic", {}, 119),
        ],
    ),
    (
        "electronic",
        "具体包括：全文电子化的主动公开信息数条85条，机构职能类信息2条，规划计划类信息1条，重大建设项目信息1条，为民办实事类信息10条，民政扶贫救灾社会保障就业类信息7条，国土资源城乡建设环保能源类信息11条，科教文体卫生类信息11条，安全生产、应急管理类信息45条。",  # seeds/000_790451d5ced99b6c.txt
        [
            ("proactive.electronic", {}, 85),
        ],
    ),
    # --- training
    (
        "training",
        "今年召开1次信息公开工作培训会，提高信息公开人员业务能力及水平；平时通过微信群加强沟通与交流，及时处理信息公开工作中遇到的问题。",  # seeds/001_65a8da51980a352c.txt
        [
            ("training.sessions", {}, 1),
        ],
    ),
    (
        "training",
        "全年我街共召开工作会议4次,传达了上级部门工作人员进行学习培训1次,使全体工作人员对《中华人民共和国政府信息公开条例》有了更深入的了解,为更好的做好政府信息公开工作奠定了良好的基础。",  # seeds/003_ce2193055e7efe2f.txt
        [
            ("training.meetings", {}, 4),
        ],
    ),
]

# rules of the enumeration grammar and of meanings that are not guesses (issue 19), on constructed text
GRAMMAR_ROWS: list[Row] = [
    (
        "list_sum",
        "我街道主动公开信息包括：工作动态30条，通知公告20条，财政信息7条，共计57条。",  # constructed
        [("proactive.total", {}, 57)],
    ),
    (
        "list_sum",
        "我街道主动公开信息包括：工作动态30条，通知公告20条，财政信息7条，共计60条。",  # constructed trap
        [],
    ),
    (
        "category_run",
        "利用镇政府网站主动公开政府信息40条、规章制度3条、财政信息5条、人事信息2条。",  # constructed
        [
            ("mention.other", None, 40),
            ("proactive.category", {"category": "规章制度"}, 3),
            ("proactive.category", {"category": "财政"}, 5),
            ("proactive.category", {"category": "人事"}, 2),
        ],
    ),
    (
        "run_item",
        "本年度主动公开信息64条，其中发布工作动态22会议纪要9、人事信息5条。",  # constructed: unit printed once
        [
            ("proactive.category", {"category": "工作动态"}, 22),
            ("proactive.category", {"category": "会议纪要"}, 9),
        ],
    ),
    (
        "run_item",
        "全年公开通知公告31部门文件4、机构职能信息3条。",  # constructed: the run opens the sentence
        [
            ("proactive.category", {"category": "通知公告"}, 31),
            ("proactive.category", {"category": "部门文件"}, 4),
        ],
    ),
    (
        "run_item",
        "全年受理12345热线工单310件、来信12件。",  # constructed trap: 12345 is a name, no run item
        [],
    ),
    (
        "other_platform",
        "通过“某市公共资源交易平台”发布招标公告37条。",  # constructed
        [("proactive.platform", {"label": "某市公共资源交易平台"}, 37)],
    ),
    (
        "other_platform",
        "在信用中国网站公示行政许可信息210条。",  # constructed
        [("proactive.platform", {"label": "信用中国网站"}, 210)],
    ),
    (
        "published_kind",
        "（一）主动公开情况\n在镇网站对领导分工进行更新，发布项目公示、招聘公告等通知公告信息21条，公开采购信息3条。",  # constructed
        [
            ("proactive.category", {"category": "通知公告"}, 21),
            ("proactive.category", {"category": "采购"}, 3),
        ],
    ),
    (
        "published_kind",
        "（一）主动公开情况\n全年新增公开区政府规章2件、区政府办公室规范性文件9件。",  # constructed: documents in 件
        [
            ("proactive.category", {"category": "区政府规章"}, 2),
            ("proactive.category", {"category": "区政府办公室规范性文件"}, 9),
        ],
    ),
    (
        "published_kind",
        "（一）主动公开情况\n全年张贴宣传海报20条。",  # constructed trap: publicity, not items published
        [],
    ),
    (
        "channel_objects",
        "通过微信公众号“某某发布”推送政务动态312条，推送便民提示等信息40条。",  # constructed
        [
            ("proactive.category", {"category": "政务动态"}, 312),
            ("proactive.category", {"category": "便民提示等"}, 40),
        ],
    ),
    (
        "channel_objects",
        "通过微信公众号发布信息312条，其中政务动态300条、便民提示12条。",  # constructed trap: a head and its list
        [],
    ),
    (
        "approximate_reading",
        "2023年主动公开政府信息5500余条。",  # constructed
        [("proactive.total", {}, 5500)],
    ),
    (
        "approximate_reading",
        "全年通过门户网站发布信息近3万条。",  # constructed: 万 scales the value as printed
        [("proactive.channel", {"channel": "website"}, 30000)],
    ),
    (
        "approximate_reading",
        "发布信息不少于200条。",  # constructed trap: a bound is no approximate figure
        [],
    ),
]

ROWS = CONTEXT_ROWS + SENTENCE_ROWS + GRAMMAR_ROWS


def _by_rule(text: str, rule: str) -> list[tuple[str, dict[str, str], int | float]]:
    lines = text.split("\n")
    out = extract_prose(lines, lines, set())
    return [
        (f.metric, dict(f.dims), f.value)
        for f, r in zip(out.facts, out.rules, strict=True)
        if r.split(" ")[0] == rule
    ]


def _matches(got: list[tuple[str, dict[str, str], int | float]], want: Row) -> bool:
    expected = want[2]
    if len(got) != len(expected):
        return False
    pending = list(got)
    for metric, dims, value in expected:
        hit = next(
            (g for g in pending if g[0] == metric and g[2] == value and (dims is None or g[1] == dims)), None
        )
        if hit is None:
            return False
        pending.remove(hit)
    return True


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_rule_row(row: Row) -> None:
    rule, text, _ = row
    got = _by_rule(text, rule)
    assert _matches(got, row), f"rule {rule!r} on {text[:60]!r}: got {got}, want {row[2]}"


def test_the_table_is_large_and_names_every_rule() -> None:
    assert len(ROWS) >= 150
    named = {r[0] for r in ROWS}
    scanner = {"respectively", "approximate", "channel_is_total", "staff_total", "zero_applications_topic"}
    scanner |= {"zero_complaints", "zero_topic", "approximate_reading", "channel_objects", "list_sum"}
    every = {r.name for r in RULES} | {z.name for z in ZERO_RULES} | scanner
    assert every - named == set(), f"rules without rows: {sorted(every - named)}"
    assert named - every == set(), f"rows for unknown rules: {sorted(named - every)}"


def test_a_rule_is_testable_alone() -> None:
    """classify() on one cue: the first rule that applies names itself."""
    cue = Cue(
        label="行政复议", clause="行政复议", before="行政复议", after="", unit="件", sent="行政复议2件", pos=4
    )
    assert classify(cue) == ("review_litigation", [("review.count", {}, "year")])
    listed = Cue(
        label="机构职能类",
        clause="机构职能类",
        before="，机构职能类",
        after="",
        unit="条",
        sent="其中，机构职能类1条",
        pos=8,
        ctx=Context(listing=True),
    )
    assert classify(listed) == ("listed_category", [("proactive.category", {"category": "机构职能"}, "year")])


def test_a_bracketed_part_never_names_the_figure_before_it() -> None:
    """答复3050件（含上年度结转申请34件…）: 34 is carried over, 3050 is not (issue 12)."""
    text = ROWS[[r[0] for r in ROWS].index("application")][1]
    out = extract_prose([text], [text], set())
    carried = [f.value for f in out.facts if f.metric == "applications.carried_over"]
    assert carried == [34]


def test_derived_staff_total_names_its_parts() -> None:
    text = "明确党政办专职工作人员1名、兼职工作人员1名负责政府信息公开工作。"
    out = extract_prose([text], [text], set())
    totals = [f for f in out.facts if f.metric == "staff.count" and not f.dims]
    assert [(f.value, f.origin) for f in totals] == [(2, "derived")]
    assert "专职" in totals[0].quote and "兼职" in totals[0].quote
    kinds = {f.dims["kind"]: f.value for f in out.facts if f.metric == "staff.count" and f.dims}
    assert kinds == {"full_time": 1, "part_time": 1}


def test_a_printed_staff_total_is_not_replaced() -> None:
    text = "配备工作人员3名，其中专职1名、兼职2名。"  # constructed
    out = extract_prose([text], [text], set())
    totals = [(f.value, f.origin) for f in out.facts if f.metric == "staff.count" and not f.dims]
    assert totals == [(3, "prose")]


def test_channel_is_total_only_when_no_total_was_printed() -> None:
    text = (
        "我街道2022年主动公开政府信息共304条。"
        "通过网站主动公开政府信息165条,其中工作动态类信息31条;通知公告类信息91条;办事指南类信息27条;其他信息16条。"
    )  # real2/hb005.txt, two sentences joined
    out = extract_prose([text], [text], set())
    assert sorted(f.value for f in out.facts if f.metric == "proactive.total") == [304]


def test_rule_names_stay_out_of_the_export() -> None:
    text = "2018年主动公开政府信息数586条。"
    out = extract_prose([text], [text], set())
    exported = out.facts[0].as_dict("t.txt", None, 2018)
    assert "rule" not in exported and out.rules[0] == "total"


def test_the_lexicon_is_passed_in_not_read_from_module_globals() -> None:
    """A Lexicon object with another platform word changes what the rules read; the default is untouched."""
    from ogi.parse.lexicon import DEFAULT, Lexicon

    text = "通过某某集采平台发布公告12条。"  # constructed
    plain = extract_prose([text], [text], set())
    assert not [f for f in plain.facts if f.metric == "proactive.platform"]
    other = Lexicon(OTHER_PLATFORM=DEFAULT.OTHER_PLATFORM.replace("信用中国|信用", "信用中国|信用|集采"))
    read = extract_prose([text], [text], set(), lexicon=other)
    assert [(f.metric, f.value) for f in read.facts if f.metric == "proactive.platform"] == [
        ("proactive.platform", 12)
    ]
    with pytest.raises(TypeError):
        Lexicon(NO_SUCH_WORDS="x")
