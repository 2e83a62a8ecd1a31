"""The enumeration grammar and the meanings that are not guesses (issue 19), on constructed sentences.

Every row is made up here in the wording reports use (not copied from any corpus): lists grouped under
sub-headings, label–number runs that print their unit once, a unit a damaged page dropped, a figure that
is both total and channel, totals after the list of what they cover, counts of other platforms, combined
outcomes, named kinds published on one channel, approximate figures. A row compares every exact
non-mention fact the scanner emits with the expected ones (nothing missing, nothing extra), so the
precision traps are rows that expect no fact, or fewer than a greedy reading would give.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from ogi.parse.prose import extract_prose
from ogi.parse.script import to_simplified

Want = tuple[str, dict[str, str], int | float]


class G(NamedTuple):
    sentence: str
    facts: list[Want]
    why: str


T, CAT, CH, PLAT = "proactive.total", "proactive.category", "proactive.channel", "proactive.platform"
RECV, OUT, REV, LIT, CMP = (
    "applications.received",
    "applications.outcome",
    "review.count",
    "litigation.count",
    "complaints.count",
)


def cats(*pairs: tuple[str, int]) -> list[Want]:
    return [(CAT, {"category": c}, v) for c, v in pairs]


SUB_HEADINGS: list[G] = [
    G(
        "全年主动公开政府信息共计96条，其中政策文件类：规章2件、规范性文件6件；业务工作类：行政许可信息30件、行政处罚信息18件；年度报告1件。",
        [
            (T, {}, 96),
            *cats(("规章", 2), ("规范性文件", 6), ("行政许可", 30), ("行政处罚", 18), ("年度报告", 1)),
        ],
        "sub-headings inside the list, items in 件 under a total in 条",
    ),
    G(
        "本年度公开信息58条，具体包括：概况类：机构职能3个、领导信息2个；动态类：工作动态41个、通知公告12个。",
        [(T, {}, 58), *cats(("机构职能", 3), ("领导", 2), ("工作动态", 41), ("通知公告", 12))],
        "sub-headings, items in 个",
    ),
    G(
        "全年主动公开政府信息40条，其中主动公开规范性文件3个。",
        [(T, {}, 40), *cats(("规范性文件", 3))],
        "a single document kind in 个",
    ),
    G(
        "收到政府信息公开申请9件。其中：予以公开6件、不予公开3件。",
        [(RECV, {}, 9), (OUT, {"outcome": "granted"}, 6), (OUT, {"outcome": "denied"}, 3)],
        "trap: a list in 件 after applications is outcomes, never categories",
    ),
    G(
        "主动公开政府信息150条，其中：机构职能类8条；政策文件类：规范性文件4件、其他文件6件；工作动态132条。",
        [(T, {}, 150), *cats(("机构职能", 8), ("规范性文件", 4), ("其他文件", 6), ("工作动态", 132))],
        "one sub-heading among plain items",
    ),
    G(
        "全年发布信息共计120条，比上年增加15条。",
        [(T, {}, 120)],
        "trap: a change after the total is no item",
    ),
]

RUNS: list[G] = [
    G(
        "本年度主动公开信息64条，其中发布工作动态22会议纪要9、人事信息5条。",
        [(T, {}, 64), *cats(("工作动态", 22), ("会议纪要", 9), ("人事", 5))],
        "a label–number run printing its unit once",
    ),
    G(
        "全年公开通知公告31部门文件4、机构职能信息3条。",
        cats(("通知公告", 31), ("部门文件", 4), ("机构职能", 3)),
        "a run opening the sentence, no total",
    ),
    G(
        "通过镇微信公众号发布信息数量57",
        [(CH, {"channel": "wechat"}, 57)],
        "a count label whose unit a damaged page dropped",
    ),
    G(
        "全年受理12345热线工单310件、来信12件。",
        [(CMP, {"source": "12345热线工单"}, 310), (CMP, {"source": "来信"}, 12)],
        "trap: 12345 is a name, not a run item",
    ),
    G(
        "本年度主动公开政府信息30条，包括23条工作动态、5条通知公告和2条人事信息。",
        [(T, {}, 30), *cats(("工作动态", 23), ("通知公告", 5), ("人事", 2))],
        "items written number first: each label follows its own number (never the one before it)",
    ),
    G(
        "全年共发布了23条工作动态、5条通知公告和2条人事信息。",
        [],
        "trap: number-first items with nothing saying they are disclosure: no guess",
    ),
    G("2019年第3季度发布信息20条。", [], "trap: 第3 is an ordinal, the figure a part of the year"),
    G(
        "全年回复网民留言120条、办理人大建议15条、政协提案20条。",
        [("inquiries.count", {"channel": "回复网民留言"}, 120)],
        "trap: a run of what was handled, not published: no categories",
    ),
    G(
        "全年发布工作动态120条、通知公告30条、人事信息5条。",
        cats(("工作动态", 120), ("通知公告", 30), ("人事", 5)),
        "a run of what was published, no total",
    ),
    G("全年发布信息共3类12条。", [], "trap: 3类 counts kinds, no run item (and 12条 stays unread as before)"),
    G(
        "其中政务动态信息180部门文件40、通知公告100条",
        cats(("政务动态", 180), ("部门文件", 40), ("通知公告", 100)),
        "a run after 其中 with its unit printed last",
    ),
    G(
        "利用镇政府网站主动公开政府信息40条、规章制度3条、财政信息5条、人事信息2条、其他信息30条。",
        cats(("规章制度", 3), ("财政", 5), ("人事", 2), ("其他", 30)),
        "trap: 政府信息40条 opens a run of siblings: one item, neither total nor the portal's figure",
    ),
]

TOTAL_AND_CHANNEL: list[G] = [
    G(
        "通过门户网站主动公开信息85条，其中工作动态40条、通知公告20条。",
        [(T, {}, 85), (CH, {"channel": "website"}, 85), *cats(("工作动态", 40), ("通知公告", 20))],
        "a sentence opening with the portal route and 主动公开: the total and the portal's figure",
    ),
    G(
        "依托门户网站平台，主动公开政府信息85条，其中工作动态40条、通知公告20条。",
        [(T, {}, 85), (CH, {"channel": "website"}, 85), *cats(("工作动态", 40), ("通知公告", 20))],
        "a list head put on the portal by a clause before it",
    ),
    G(
        "本年度通过政府网站、政务微博主动公开信息85条，其中工作动态40条、通知公告20条。",
        [(T, {}, 85), *cats(("工作动态", 40), ("通知公告", 20))],
        "trap: two channels on the route: the total only",
    ),
    G(
        "依托县政府门户网站，本局主动公开财政预决算、人事任免、行政执法等政府信息共计57条。",
        [(T, {}, 57), (CH, {"channel": "website"}, 57)],
        "a total published through the portal alone is also the portal's figure",
    ),
    G(
        "通过政府网站、政务公开栏等渠道主动公开政府信息83条。",
        [(T, {}, 83)],
        "trap: two channels named: the total only",
    ),
    G(
        "全年通过门户网站、政务微博、微信公众号等渠道公开各类信息700条，其中，政府网站发布信息400条，政务微博发布信息100条，微信公众号推送信息200条。",
        [
            (T, {}, 700),
            (CH, {"channel": "website"}, 400),
            (CH, {"channel": "weibo"}, 100),
            (CH, {"channel": "wechat"}, 200),
        ],
        "a count over several channels whose channel parts sum to it is the total",
    ),
    G(
        "全年通过门户网站、政务微博、微信公众号等渠道公开各类信息900条，其中，政府网站发布信息400条，政务微博发布信息100条，微信公众号推送信息200条。",
        [
            (CH, {"channel": "website"}, 400),
            (CH, {"channel": "weibo"}, 100),
            (CH, {"channel": "wechat"}, 200),
        ],
        "trap: the parts do not sum to it: no total",
    ),
    G(
        "公开了机构职能、政策文件、工作动态等方面信息共计57条。",
        [(T, {}, 57)],
        "a total after the kinds it covers, with 共计",
    ),
    G(
        "我街道主动公开信息包括：工作动态30条，通知公告20条，财政信息7条，共计57条。",
        [(T, {}, 57), *cats(("工作动态", 30), ("通知公告", 20), ("财政", 7))],
        "a total closing the list it sums",
    ),
    G(
        "我街道主动公开信息包括：工作动态30条，通知公告20条，财政信息7条，共计60条。",
        cats(("工作动态", 30), ("通知公告", 20), ("财政", 7)),
        "trap: a closing figure that is not the list's sum is not read as its total",
    ),
    G(
        "本局网站发布信息210条，其中工作动态150条，通知公告50条，人事信息8条。",
        [
            (T, {}, 210),
            (CH, {"channel": "website"}, 210),
            *cats(("工作动态", 150), ("通知公告", 50), ("人事", 8)),
        ],
        "the portal's figure a category list breaks down, with no other channel or total, is the total",
    ),
    G(
        "本局网站发布信息210条，其中工作动态150条，通知公告50条。微信公众号发布信息90条。",
        [
            (CH, {"channel": "website"}, 210),
            (CH, {"channel": "wechat"}, 90),
            *cats(("工作动态", 150), ("通知公告", 50)),
        ],
        "trap: another channel's figure beside it: the portal's is not the total",
    ),
    G(
        "我局主动公开规划计划、财政预决算、人事任免、行政执法等信息共计83条。",
        [(T, {}, 83)],
        "a total after the list of what it covers",
    ),
]

MEANINGS: list[G] = [
    G(
        "通过“某市公共资源交易平台”发布招标公告37条。",
        [(PLAT, {"label": "某市公共资源交易平台"}, 37)],
        "another platform's count is its own, never the portal's",
    ),
    G(
        "在信用中国网站公示行政许可信息210条，在区政府网站公开信息95条。",
        [(PLAT, {"label": "信用中国网站"}, 210), (CH, {"channel": "website"}, 95)],
        "the credit site and the portal in one sentence",
    ),
    G(
        "本年度收到政府信息公开申请12件，其中予以公开及部分公开7件，不予公开2件。",
        [(RECV, {}, 12), (OUT, {"outcome": "denied"}, 2)],
        "a combined outcome is neither granted nor partial",
    ),
    G(
        "（二）主动公开情况\n在镇政府网站对领导分工进行更新，发布项目公示、招聘公告等通知公告信息21条，公开采购信息3条。",
        cats(("通知公告", 21), ("采购", 3)),
        "two named kinds on one channel are categories, not the channel's figure",
    ),
    G(
        "在镇政府网站对领导分工进行更新，发布项目公示、招聘公告等通知公告信息21条，公开采购信息3条。",
        [],
        "trap: without a heading or words about disclosure nothing says what these count",
    ),
    G(
        "通过微信公众号“某某发布”推送政务动态312条，推送便民提示等信息40条。",
        cats(("政务动态", 312), ("便民提示等", 40)),
        "named kinds pushed on one account",
    ),
    G(
        "通过微信公众号发布信息312条，其中政务动态300条、便民提示12条。",
        [
            (CH, {"channel": "wechat"}, 312),
            (CAT, {"category": "政务动态", "channel": "wechat"}, 300),
            (CAT, {"category": "便民提示", "channel": "wechat"}, 12),
        ],
        "trap: a channel's list that sums to it is that channel's categories, and no total",
    ),
    G(
        "通过微信公众号发布信息312条，其中政务动态200条、便民提示12条。",
        [(CH, {"channel": "wechat"}, 312), *cats(("政务动态", 200), ("便民提示", 12))],
        "trap: a list that does not sum to the channel's figure is not said to be the channel's",
    ),
    G(
        "通过门户网站发布工作动态信息165条。",
        [(CH, {"channel": "website"}, 165)],
        "trap: one named kind alone on a channel is the channel's figure",
    ),
    G(
        "本年度受理政府信息公开申请6次，答复6次。",
        [(RECV, {}, 6), (OUT, {"outcome": "total"}, 6)],
        "the answered count after the applications is the outcomes' total",
    ),
    G(
        "全年答复网民留言6次。",
        [("inquiries.count", {"channel": "答复网民留言"}, 6)],
        "trap: an answered count with no applications before it is no outcome",
    ),
    G(
        "本年度发生行政复议1起，目前正在审理中。",
        [(REV, {}, 1), (REV, {"outcome": "pending"}, 1)],
        "a case still open, said after its figure",
    ),
    G(
        "被申请行政复议4件，其中3件维持，1件尚未审结。",
        [(REV, {}, 4), (REV, {"outcome": "upheld"}, 3), (REV, {"outcome": "pending"}, 1)],
        "outcomes named after their figures",
    ),
    G(
        "本年度信访局网站发布信息120条。",
        [(CH, {"channel": "website"}, 120)],
        "trap: 信访局 is an agency's name, not a complaint source",
    ),
    G("全年张贴宣传海报200条，悬挂宣传标语12条。", [], "trap: publicity is no item published"),
]

DAMAGED: list[G] = [
    G(
        "全年通過政府網站發(fā)布信息共?1340條?，其中工作動(dòng)態(tài)?1200條?。",
        [(CH, {"channel": "website"}, 1340), *cats(("工作动态", 1200))],
        "pinyin glosses and '?' around every figure",
    ),
    G("今年是否继续推进?2024年计划发布信息。", [], "trap: a real question mark, no figure"),
]

ROWS: list[G] = SUB_HEADINGS + RUNS + TOTAL_AND_CHANNEL + MEANINGS + DAMAGED


def _facts(sentence: str) -> list[tuple[str, dict[str, str], int | float]]:
    lines = sentence.split("\n")
    norm = [to_simplified(x) for x in lines]
    view = [n if len(n) == len(x) else x for n, x in zip(norm, lines, strict=True)]
    out = extract_prose(lines, view, set())
    return [
        (f.metric, dict(f.dims), f.value)
        for f in out.facts
        if not f.metric.startswith("mention.") and not getattr(f, "approx", "")
    ]


def _norm(label: str) -> str:
    s = to_simplified(label)
    for suffix in ("类信息", "信息", "类"):
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)]
    return s


def _same(want: Want, got: tuple[str, dict[str, str], int | float]) -> bool:
    metric, dims, value = want
    if metric != got[0] or value != got[2]:
        return False
    have = {k: v for k, v in got[1].items() if k not in ("of", "parent")}
    if metric == CAT:  # labels match as the scorer matches them (one holds the other)
        a, b = _norm(have.pop("category", "")), _norm(dims["category"])
        rest = {k: v for k, v in dims.items() if k != "category"}
        return have == rest and bool(a) and (a in b or b in a)
    return {k: to_simplified(v) for k, v in have.items()} == dims


@pytest.mark.parametrize("row", ROWS, ids=[f"{k:02d}" for k in range(len(ROWS))])
def test_grammar_row(row: G) -> None:
    got = _facts(row.sentence)
    left = list(got)
    missing = []
    for want in row.facts:
        hit = next((g for g in left if _same(want, g)), None)
        if hit is None:
            missing.append(want)
        else:
            left.remove(hit)
    assert not missing and not left, f"{row.sentence} ({row.why}): missing {missing}, extra {left}"


def test_the_table_holds_traps() -> None:
    traps = [r for r in ROWS if r.why.startswith("trap")]
    assert len(traps) >= 10 and len(ROWS) >= 30
