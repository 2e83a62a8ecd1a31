"""Agency of a report with no title line: the subject of its opening sentences, a self-reference
(我局, 我镇, 街道) resolved to the one name the text uses for itself, and the file's name.

Constructed openings (names made up), about half of them precision traps: an upper-level body named
first (在区委、区政府的领导下，…), a body named in an adverbial clause (按照市政府办公室要求，…), party
bodies, another township named once, bodies followed by a verb that is not theirs. A trap's expected
agency is the report's own name when the text gives it, else None: a blank is not a defect, a wrong
name is.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from ogi.parse.meta import extract_meta

HEAD = "一、总体情况"


class Opening(NamedTuple):
    id: str
    text: str
    agency: str | None
    rule: str | None
    trap: bool = False


ROWS = [
    # --- the subject of an opening sentence ----------------------------------------------------------
    Opening(
        "time then street office",
        "2023年，青山街道办事处认真贯彻落实《条例》要求。",
        "青山街道办事处",
        "opening_subject",
    ),
    Opening(
        "department first",
        "青山区财政局高度重视政府信息公开工作，明确专人负责。",
        "青山区财政局",
        "opening_subject",
    ),
    Opening(
        "since the year began",
        "今年以来，石桥镇坚持以公开为常态、不公开为例外。",
        "石桥镇",
        "opening_subject",
    ),
    Opening(
        "year of report with 度",
        "2022年度，东城区卫生健康委员会紧紧围绕中心工作推进公开。",
        "东城区卫生健康委员会",
        "opening_subject",
    ),
    Opening("one year on", "一年来，北关街道聚焦群众关切，做好政务公开。", "北关街道", "opening_subject"),
    Opening("whole year", "全年，河口县交通运输局积极推进政务公开。", "河口县交通运输局", "opening_subject"),
    Opening(
        "township government", "近年来，南湖镇人民政府持续深化政务公开。", "南湖镇人民政府", "opening_subject"
    ),
    Opening(
        "严格按照",
        "2021年，永安市市场监督管理局严格按照《条例》规定开展工作。",
        "永安市市场监督管理局",
        "opening_subject",
    ),
    Opening(
        "under a sub-heading",
        "（一）主动公开\n2023年，长宁区民政局依托区政府门户网站公开信息。",
        "长宁区民政局",
        "opening_subject",
    ),
    Opening("本年度", "本年度，新华街道办事处深入贯彻落实《条例》。", "新华街道办事处", "opening_subject"),
    Opening(
        "为 clause", "为进一步做好政务公开工作，东湖街道全面梳理公开事项。", "东湖街道", "opening_subject"
    ),
    Opening("township 乡", "2024年，龙泉乡全面落实政务公开各项要求。", "龙泉乡", "opening_subject"),
    Opening("共 figures", "2020年，平阳县统计局共主动公开政府信息85条。", "平阳县统计局", "opening_subject"),
    Opening(
        "bureau with 我局 later",
        "2019年，临江区水务局切实加强领导。我局明确了分管领导。",
        "临江区水务局",
        "opening_subject",
    ),
    # --- 我局 / 我镇 / 街道 resolved to the name the text uses ---------------------------------------------
    Opening(
        "我镇 and the town's name twice",
        "2022年，我镇认真落实《条例》。完成《红旗镇政务公开事项目录》编制，红旗镇党政办负责日常工作。",
        "红旗镇",
        "self_reference",
    ),
    Opening(
        "bare 街道 as subject",
        "2025年,街道主动公开信息76条。完成《友爱路街道主动公开事项目录》编制，完成街道重大事项目录，"
        "联动街道社区事务受理中心，编制《和顺区友爱路街道发展规划》。",
        "友爱路街道",
        "self_reference",
    ),
    Opening(
        "我局 and the bureau with its region twice",
        "2017年，我局贯彻落实《条例》。中国气象局办公室印发通知。西江自治区气象局信息公开领导小组统筹，"
        "西江自治区气象局办公室归口管理。",
        "西江自治区气象局",
        "self_reference",
    ),
    Opening(
        "本街道 and its name twice",
        "本街道深入推进政务公开。清河街道社区服务中心设立查阅点，清河街道门户专栏更新及时。",
        "清河街道",
        "self_reference",
    ),
    # --- traps: an upper-level body first, clauses, party bodies, neighbours ---------------------------
    Opening(
        "upper bodies lead, the street is the subject",
        "在区委、区政府的领导下，平安街道认真贯彻落实《条例》。",
        "平安街道",
        "opening_subject",
        trap=True,
    ),
    Opening(
        "city office's request, the bureau is the subject",
        "按照市政府办公室要求，青山区住建局认真编制本年度报告。",
        "青山区住建局",
        "opening_subject",
        trap=True,
    ),
    Opening(
        "time then upper body clause then the street",
        "2023年，在区委、区政府的正确领导下，永和街道办事处紧紧围绕中心工作。",
        "永和街道办事处",
        "opening_subject",
        trap=True,
    ),
    Opening(
        "city office's request, no name of its own",
        "按照市政府办公室要求，现将本局2022年工作报告如下。",
        None,
        None,
        True,
    ),
    Opening("party and government", "市委、市政府高度重视政务公开工作。", None, None, True),
    Opening(
        "county party committee and government",
        "县委县政府高度重视政务公开工作，多次专题研究。",
        None,
        None,
        True,
    ),
    Opening(
        "guided by the city office", "在市政府办公厅的指导下，全区各部门认真做好公开工作。", None, None, True
    ),
    Opening("upper departments", "上级部门高度重视政府信息公开工作。", None, None, True),
    Opening("province office issues", "省政府办公厅印发了年度政务公开工作要点。", None, None, True),
    Opening(
        "district office guides 我街道",
        "2023年，区政务公开办公室认真指导我街道开展工作。",
        None,
        None,
        True,
    ),
    Opening(
        "district government in a street's report",
        "西城区人民政府高度重视政务公开，本街道按要求推进。",
        None,
        None,
        True,
    ),
    Opening("every street", "各街道、各部门认真落实公开要求。", None, None, True),
    Opening("that bureau", "该局认真贯彻落实《条例》。", None, None, True),
    Opening("leading group", "政府信息公开工作领导小组高度重视年度报告编制。", None, None, True),
    Opening("street party committee", "街道党工委高度重视政务公开工作。", None, None, True),
    Opening("district party department", "区委组织部高度重视政务公开工作。", None, None, True),
    Opening("city government", "市人民政府高度重视政务公开工作。", None, None, True),
    Opening(
        "county office in a bureau's report",
        "宁远县人民政府办公室认真指导我局公开工作。",
        None,
        None,
        True,
    ),
    Opening(
        "a neighbouring township named once",
        "2022年，我镇与邻近的桥头镇联合开展政务公开培训。",
        None,
        None,
        True,
    ),
    Opening(
        "two streets named as often",
        "我街道与东风街道、红星街道联合开展培训，东风街道、红星街道派员参加。",
        None,
        None,
        True,
    ),
    Opening(
        "a bureau named without its region",
        "我局认真推进“教育局政府信息公开工作”，教育局网站及时更新。",
        None,
        None,
        True,
    ),
    Opening(
        "a verb that is not the subject's", "2023年，区财政局拨付专项经费支持公开工作。", None, None, True
    ),
    Opening(
        "national bureau's circular",
        "根据国家统计局办公室通知要求，我局做好年度报告编制。",
        None,
        None,
        True,
    ),
    Opening(
        "a town's government under the county's leadership",
        "在县委县政府的坚强领导下，柳河镇人民政府始终坚持依法公开。",
        "柳河镇人民政府",
        "opening_subject",
        trap=True,
    ),
]


def test_the_table_is_large_and_half_traps() -> None:
    assert len(ROWS) >= 40
    assert sum(r.trap for r in ROWS) >= len(ROWS) // 2 - 2


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_agency_of_an_opening_without_a_title(row: Opening) -> None:
    lines = [HEAD, *row.text.split("\n"), "（一）主动公开", "本年度主动公开政府信息若干条。"]
    meta = extract_meta(lines, lines)
    assert (meta.agency, meta.agency_rule) == (row.agency, row.rule), row.id


@pytest.mark.parametrize(
    ("source", "agency", "year"),
    [
        ("/data/in/某某县财政局2022年政府信息公开工作年度报告.html", "某某县财政局", 2022),
        ("2021年度清河街道办事处政府信息公开工作年度报告.pdf", "清河街道办事处", 2021),
        ("C:\\reports\\平阳县统计局.docx", "平阳县统计局", None),
        ("r001.txt", None, None),
        ("政府信息公开工作年度报告.txt", None, None),
        ("2022年工作总结.txt", None, None),
    ],
)
def test_file_name_as_a_source(source: str, agency: str | None, year: int | None) -> None:
    lines = ["一、总体情况", "本年度，我单位认真贯彻落实《条例》要求。"]
    meta = extract_meta(lines, lines, source)
    assert (meta.agency, meta.year) == (agency, year)
    if agency:
        assert meta.agency_rule == "file_name"


def test_the_text_wins_over_the_file_name() -> None:
    lines = ["2023年石桥镇政府信息公开工作年度报告", "一、总体情况"]
    meta = extract_meta(lines, lines, "某某县财政局2022年政府信息公开工作年度报告.html")
    assert (meta.agency, meta.year, meta.agency_rule) == ("石桥镇", 2023, "title")
