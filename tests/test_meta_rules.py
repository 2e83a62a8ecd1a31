"""Metadata rules as a specification: (lines, expected agency / region / year, the rule that gives them).

The lines are copied from the seeds, the real corpora (real, real2) and the formats corpus (as their
readers print them), cut to the lines that matter, so the project runs without ../shared. A failing
row prints its id and the rule it names; every rule has rows of its own, and the second test runs each
named rule alone on its rows.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from ogi.parse.meta import extract_meta
from ogi.parse.meta_names import plausible, reduce
from ogi.parse.meta_rules import AGENCY_RULES, YEAR_RULES, Context

BODY = "一、总体情况\n本年度，我单位认真贯彻落实《条例》要求，扎实推进政府信息公开工作。"


class Row(NamedTuple):
    id: str
    lines: list[str]
    agency: str | None
    region: str | None
    year: int | None
    agency_rule: str | None
    year_rule: str | None
    source: str = ""  # the file's name, for the file_name rule


ROWS = [
    # --- title: the report's own title, name before or after the year -----------------------------
    Row(
        "seed000 title split over two lines",
        ["晋政梅〔2019〕2号", "", "2018年梅岭街道办事处政府信息公开工作", "", "年度报告", "引言"],
        "梅岭街道办事处",
        None,
        2018,
        "title",
        "title",
    ),
    Row(
        "seed001 title, name widened by the 由…编制 sentence",
        [
            "晋政罗〔2018〕1号                 签发人：张志友",
            "罗山街道2017年政府信息公开工作年度报告",
            "晋江市人民政府：",
            "本年度报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，由罗山街道办事处编制的2017年政府信息公开年度报告。",
        ],
        "罗山街道办事处",
        None,
        2017,
        "title",
        "title",
    ),
    Row(
        "seed002 title with its city",
        [
            "晋江市西园街道2020年政府信息公开工作",
            "",
            "年度报告",
            "",
            "本年度报告根据《中华人民共和国政府信息公开条例》编制。",
        ],
        "西园街道",
        "晋江市",
        2020,
        "title",
        "title",
    ),
    Row(
        "h019 name before the year",
        ["和平街道办事处2020年政府信息公开工作年度报告", "2020年，和平街道办事处认真贯彻落实《条例》。"],
        "和平街道办事处",
        None,
        2020,
        "title",
        "title",
    ),
    Row(
        "h020 政府信息公开报告 without 年度",
        [
            "兴华乡2010年政府信息公开报告",
            "",
            "发布日期:2011-01-01    点击数:",
            "",
            "六、年度政府信息公开工作报告0600",
        ],
        "兴华乡",
        None,
        2010,
        "title",
        "title",
    ),
    Row(
        "hb004 title with the whole region chain",
        ["2020年深圳市福田区华富街道办事处政府信息公开工作年度报告", BODY],
        "华富街道办事处",
        "深圳市福田区",
        2020,
        "title",
        "title",
    ),
    Row(
        "hb011 a district department printed without its district's name",
        ["区住房和城乡建设局2008年政府信息公开工作年度报告", "发布时间:2017-06-15", "", BODY],
        "区住房和城乡建设局",
        None,
        2008,
        "title",
        "title",
    ),
    Row(
        "hb012 人民政府信息公开: 人民 made whole again",
        [
            "索引号 | 公开方式 | 发布机构 |",
            "116223010139324488/2009-00021 | 主动公开 | 凉州区张义镇人民政府 |",
            "2008年张义镇人民政府信息公开工作年度报告",
            "信息来源: 凉州区张义镇人民政府 发布日期: 2009-01-06 浏览次数: 次",
        ],
        "张义镇人民政府",
        "凉州区",
        2008,
        "title",
        "title",
    ),
    Row(
        "f005 a region reporting as itself",
        [
            "平潭综合实验区2024年度政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）等文件要求编制。",
        ],
        "平潭综合实验区",
        None,
        2024,
        "title",
        "title",
    ),
    Row(
        "f007 信息公开年度报告 without 政府, title broken after the year",
        [
            "平潭综合实验区地方税务局2013年",
            "信息公开年度报告",
            "根据《中华人民共和国政府信息公开条例》以及《福建省政府信息公开办法》，特向社会公布2013年度平潭县地税局信息公开年度报告。",
        ],
        "平潭综合实验区地方税务局",
        "平潭综合实验区",
        2013,
        "title",
        "title",
    ),
    Row(
        "h024 标题: label of a CMS block",
        [
            "    • 索 引 号:QZ05905-0200-2012-00001",
            "    • 公文生成日期:2012-03-31",
            "    • 标题:蚶江镇人民政府2011年政府信息公开工作年度报告",
            "    • 发布日期:2012-01-19",
        ],
        "蚶江镇人民政府",
        None,
        2011,
        "title",
        "title",
    ),
    Row(
        "synthetic county department: title names it, the announcement names its region",
        [
            "2021年晋江市教育局政府信息公开工作年度报告",
            "根据《中华人民共和国政府信息公开条例》要求，现公布福建省泉州市晋江市教育局2021年政府信息公开工作年度报告。",
        ],
        "晋江市教育局",
        "福建省泉州市晋江市",
        2021,
        "title",
        "title",
    ),
    # --- publisher_label: the metadata block -------------------------------------------------------
    Row(
        "hb001 信息来源 of a mirror page",
        [
            "信息来源:沙塘镇人民政府",
            "根据《中华人民共和国政府信息公开条例》第三十二条规定,沙塘镇政府结合实际工作,认真编制了2016年度政府信息公开年度报告。",
        ],
        "沙塘镇人民政府",
        None,
        2016,
        "publisher_label",
        "announce",
    ),
    Row(
        "h024-like 发布机构 line",
        [
            "    • 发布机构:蚶江镇人民政府",
            "    • 发布日期:2012-01-19",
            "截止12月31日止,本镇2011年度共主动公开政府信息39条。",
        ],
        "蚶江镇人民政府",
        None,
        2011,
        "publisher_label",
        "opening_years",
    ),
    Row(
        "hb012-like 发布机构 column of a metadata table",
        [
            "索引号 | 公开方式 | 发布机构 |",
            "116223010139324488/2009-00021 | 主动公开 | 凉州区张义镇人民政府 |",
            BODY,
        ],
        "张义镇人民政府",
        "凉州区",
        None,
        "publisher_label",
        None,
    ),
    # --- heading: a line that is only a name, above a title without one ---------------------------
    Row(
        "f001 PDF heading above 2024 年政府信息公开工作年度报告",
        [
            "淮安市人民政府",
            "2024 年政府信息公开工作年度报告",
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府",
            "信息公开条例》（国令第 711 号）（以下简称《条例》）规定编",
            "2024 年，我市坚持以习近平新时代中国特色社会主义思想为指导，按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实《条例》",
        ],
        "淮安市人民政府",
        None,
        2024,
        "heading",
        "title",
    ),
    Row(
        "hb007 CMS page: site chrome first, then the body's name, then the title",
        [
            "首都之窗",
            "政府信息公开",
            "",
            "北京市大兴区瀛海镇人民政府",
            "",
            "2024年政府信息公开工作年度报告",
            "",
            "点击量: 来源:瀛海镇 日期:2025-01-20 17:09",
        ],
        "瀛海镇人民政府",
        "北京市大兴区",
        2024,
        "heading",
        "title",
    ),
    # --- compiled_by: 由X编制 ----------------------------------------------------------------------
    Row(
        "h047 由X编制",
        [
            "本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《上海市政府信息公开规定》(以下简称《规定》)要求,由徐汇区漕河泾街道办事处编制。全文包括总体情况。本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        ],
        "漕河泾街道办事处",
        "徐汇区",
        2023,
        "compiled_by",
        "period",
    ),
    Row(
        "hb006 由X编制的, not the title of a sentence",
        [
            "本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由北京市大兴区瀛海镇编制的2018年度政府信息公开年度报告。",
            "本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
        ],
        "瀛海镇",
        "北京市大兴区",
        2018,
        "compiled_by",
        "period",
    ),
    Row(
        "PDF 由X根据…编制 broken over lines",
        [
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府",
            "信息公开条例》（国令第 711 号）（以下简称《条例》）规定编",
            "制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日",
        ],
        "淮安市人民政府办公室",
        None,
        2024,
        "compiled_by",
        "period",
    ),
    # --- announce: 现公布X2019年… / 现将X2009年度… / 编制2021年度X信息公开年度报告 -----------------
    Row(
        "h004 现公布 with the district",
        [
            "根据《关于政府信息公开年度报告有关事项的通知》(国办公开办函〔2019〕60号)要求,现公布荷塘区桂花街道办事处2019年政府信息公开工作年度报告。本年报中所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
        ],
        "桂花街道办事处",
        "荷塘区",
        2019,
        "announce",
        "period",
    ),
    Row(
        "h013 现公布 a county department",
        [
            "根据《中华人民共和国政府信息公开条例》及《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)相关要求,现公布法库县自然资源局2022年政府信息公开工作年度报告。",
            "我局加强对主动公开信息的审核把关。",
        ],
        "法库县自然资源局",
        "法库县",
        2022,
        "announce",
        "announce",
    ),
    Row(
        "hb014 现将X年度…报告如下",
        [
            "根据《福州市人民政府办公厅关于做好2009年度政府信息公开工作年度报告有关事项的通知》(榕政办[2009]253号)文的有关规定,现将福州高新区管理委员会2009年度政府信息公开年度工作情况报告如下:",
            "一、概述",
        ],
        "福州高新区管理委员会",
        None,
        2009,
        "announce",
        "announce",
    ),
    Row(
        "hb002 编制2021年度X人民政府信息公开年度报告",
        [
            "根据《中华人民共和国政府信息公开条例》的要求,沙塘镇积极加强信息公开工作,本着以公开为常态、不公开为例外的原则,编制2021年度沙塘镇人民政府信息公开年度报告。本报告所列数据的统计期限自2021年1月1日起,至2021年12月31日止。",
        ],
        "沙塘镇人民政府",
        None,
        2021,
        "announce",
        "period",
    ),
    Row(
        "hb016 现公布 a street with its county",
        [
            "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,现公布永嘉县南城街道办事处2014年政府信息公开工作年度报告。本年报中所列数据的统计期限自2014年1月1日起至2014年12月31日止。",
        ],
        "南城街道办事处",
        "永嘉县",
        2014,
        "announce",
        "period",
    ),
    Row(
        "hb031-like 现发布《X2025年…报告》: the cited title in book quotes",
        [
            "根据《中华人民共和国政府信息公开条例》(国务院令第711号)规定,现发布《涡阳县教育局2025年政府信息公开工作年度报告》。如对本报告有任何疑问,请与涡阳县教育局联系。",
        ],
        "涡阳县教育局",
        "涡阳县",
        2025,
        "announce",
        "announce",
    ),
    # --- contact: 请与X联系, when nothing better names the body -------------------------------------
    Row(
        "contact sentence names the body",
        [BODY, "如对本报告有任何疑问,请与故城县教育局联系(地址:故城县建设大街1号)。"],
        "故城县教育局",
        "故城县",
        None,
        "contact",
        None,
    ),
    Row(
        "hb006-like contact names a desk: not the agency",
        ["如对报告有任何疑问,请与北京市大兴区瀛海镇办公室联系(地址:北京市大兴区104国道38号)。"],
        None,
        None,
        None,
        None,
        None,
    ),
    # --- signature: the body's name at the end ----------------------------------------------------
    Row(
        "h029-like signature with its date on the next line",
        [
            BODY,
            "五、存在的主要问题及改进措施",
            "加强学习，提高认识。",
            "",
            "亭子坝镇人民政府",
            "2015年1月20日",
        ],
        "亭子坝镇人民政府",
        None,
        None,
        "signature",
        None,
    ),
    Row(
        "seed000-like signature line with a date beside it",
        [BODY, "\t梅岭街道办事处                          2019年1月7日印发"],
        "梅岭街道办事处",
        None,
        None,
        "signature",
        None,
    ),
    # --- source_label: a CMS page's bare 来源 -------------------------------------------------------
    Row(
        "h016-like 来源 when the title is lost",
        ["发布日期: 2021-01-29  来源:大五里镇 字体:  打印   分享至:", "一、总体情况", BODY],
        "大五里镇",
        None,
        None,
        "source_label",
        None,
    ),
    # --- frequent_local_name: last resort -----------------------------------------------------------
    Row(
        "seed004 no title: the street the text keeps naming",
        [
            "2019年度湖里街道政务工作,以习近平新时代中国特色社会主义思想为指导,在区委、区政府的正确领导下,按照统一部署和要求开展。",
            "湖里街道坚持以公开为常态、不公开为例外。湖里街道办事处主动公开资产负债表。",
        ],
        "湖里街道办事处",
        None,
        2019,
        "opening_subject",  # 湖里街道坚持…: the subject of a sentence, lengthened by 办事处 from the text
        "opening_years",
    ),
    Row(
        "h031-like: a stem never runs across a county's name",
        ["永嘉县北城街道的公开有序。永嘉县北城街道的政务公开推进。永嘉县北城街道的制度完善。"],
        "北城街道",
        None,
        None,
        "frequent_local_name",
        None,
    ),
    # --- no title: the subject of the opening sentences, a self-reference resolved, the file name ---
    Row(
        "no title: the subject after a time and an upper body's clause",
        ["一、总体情况", "2023年，在区委、区政府的正确领导下，平安街道办事处认真贯彻落实《条例》。"],
        "平安街道办事处",
        None,
        2023,
        "opening_subject",
        "opening_years",
    ),
    Row(
        "no title: 我镇 resolved to the one township the text names",
        [
            "一、总体情况",
            "2022年，我镇认真落实《条例》要求。",
            "完成《石桥镇政务公开事项目录》编制，石桥镇党政办负责。",
        ],
        "石桥镇",
        None,
        2022,
        "self_reference",
        "opening_years",
    ),
    Row(
        "no title: the file's name is a report title",
        ["一、总体情况", "本年度，我单位认真贯彻落实《条例》要求。"],
        "某某县财政局",
        "某某县",
        2022,
        "file_name",
        "file_name",
        "reports/某某县财政局2022年政府信息公开工作年度报告.html",
    ),
    # --- year rules -----------------------------------------------------------------------------------
    Row(
        "h005 year from 现将…报告 in the opening",
        [
            "根据《中华人民共和国政府信息公开条例》,现将河西街道2019年政府信息公开工作年度报告公布如下。",
            "2019年,河西街道通过区政府门户网站上报信息114条。",
        ],
        "河西街道",
        None,
        2019,
        "announce",
        "announce",
    ),
    Row(
        "year from the report named without a body: 现将2019年度政府信息公开工作年度报告公布如下",
        [
            "根据《中华人民共和国政府信息公开条例》要求，现将2019年度政府信息公开工作年度报告公布如下。",
            "2018年，我镇完成信息公开。",
        ],
        None,
        None,
        2019,
        None,
        "announce",
    ),
    Row(
        "year from 统计期限 when no title is printed",
        [
            "本报告中所列数据统计期限为二〇一九年一月一日至十二月三十一日。",
            "本报告中所列数据统计期限为2019年1月1日至2019年12月31日。",
        ],
        None,
        None,
        2019,
        None,
        "period",
    ),
    Row(
        "year spoken of most in the opening lines, dates excluded",
        ["2019年,我街道严格落实《条例》。", "2019年主动公开信息55条。", "发布时间：2020年1月15日"],
        None,
        None,
        2019,
        None,
        "opening_years",
    ),
    Row(
        "a title keeps a name with marks as printed (hostile corpus), a breadcrumb is not a title",
        ["首页 > 政务公开 > 信息公开年报", "../../etc局2020年政府信息公开工作年度报告", BODY],
        "../../etc局",
        None,
        2020,
        "title",
        "title",
    ),
    Row(
        "the year in brackets after the title",
        ["兴华乡政府信息公开工作年度报告（2010年）", "发布日期:2011-01-01"],
        "兴华乡",
        None,
        2010,
        "title",
        "title",
    ),
    Row(
        "Chinese numerals in a title",
        ["二〇一八年兴华乡政府信息公开工作年度报告"],
        "兴华乡",
        None,
        2018,
        "title",
        "title",
    ),
    # --- never an agency ------------------------------------------------------------------------------
    Row(
        "site chrome and breadcrumbs are not names",
        [
            "• 搜索",
            "打印",
            "【字体:大 中 小】",
            "扫一扫在手机打开当前页",
            "首页 > 政务公开 > 区华富街道办事处",
            BODY,
        ],
        None,
        None,
        None,
        None,
        None,
    ),
    Row(
        "a fragment of running prose is not a name",
        ["2024 年，我市按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实《条例》各项规定"],
        None,
        None,
        2024,
        None,
        "opening_years",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_meta_rule_table(row: Row) -> None:
    meta = extract_meta(row.lines, row.lines, row.source)
    got = (meta.agency, meta.region, meta.year, meta.agency_rule, meta.year_rule)
    want = (row.agency, row.region, row.year, row.agency_rule, row.year_rule)
    assert got == want, f"{row.id}: rule {row.agency_rule}/{row.year_rule}: got {got}"


@pytest.mark.parametrize("row", [r for r in ROWS if r.agency_rule], ids=[r.id for r in ROWS if r.agency_rule])
def test_each_agency_rule_alone(row: Row) -> None:
    assert row.agency_rule is not None and row.agency is not None
    found = AGENCY_RULES[row.agency_rule](Context.of(row.lines, row.source))
    names = [reduce(f.name)[0] for f in found if f.name]
    assert names, f"rule {row.agency_rule} found nothing in {row.id}"
    assert any(row.agency.startswith(n) or n.startswith(row.agency) for n in names), names


@pytest.mark.parametrize("row", [r for r in ROWS if r.year_rule], ids=[r.id for r in ROWS if r.year_rule])
def test_each_year_rule_alone(row: Row) -> None:
    assert row.year_rule is not None
    found = YEAR_RULES[row.year_rule](Context.of(row.lines, row.source))
    assert [f.year for f in found if f.year][:1] == [row.year], row.id


def test_every_rule_has_rows() -> None:
    agency_rules = {r.agency_rule for r in ROWS}
    year_rules = {r.year_rule for r in ROWS}
    assert set(AGENCY_RULES) <= agency_rules, set(AGENCY_RULES) - agency_rules
    assert set(YEAR_RULES) <= year_rules, set(YEAR_RULES) - year_rules


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("梅岭街道办事处", True),
        ("淮安市人民政府", True),
        ("平潭综合实验区", True),
        ("区住房和城乡建设局", True),
        ("和平街道办事处", True),
        ("人民政府", False),  # only the ending
        ("市政府", False),
        ("省委省政府决策部署和市", False),  # prose
        ("我镇", False),
        ("首都之窗", False),
        ("2018年梅岭街道", False),
    ],
)
def test_plausible_names(name: str, ok: bool) -> None:
    assert plausible(name) is ok


@pytest.mark.parametrize(
    ("name", "agency", "region"),
    [
        ("深圳市福田区华富街道办事处", "华富街道办事处", "深圳市福田区"),
        ("福建省泉州市晋江市教育局", "晋江市教育局", "福建省泉州市晋江市"),
        ("福州高新区管理委员会", "福州高新区管理委员会", ""),
        ("淮安市人民政府", "淮安市人民政府", ""),
        ("新市镇", "新市镇", ""),
    ],
)
def test_reduce_splits_the_region_chain(name: str, agency: str, region: str) -> None:
    assert reduce(name) == (agency, region)
