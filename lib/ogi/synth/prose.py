"""Running text: figure sentences in the wordings real reports use, and digit-free boilerplate.

Boilerplate never contains a digit, so every number in a generated report is either a recorded
figure or a date, year, document number or phone number (mentions, which the round trip ignores).
"""

from __future__ import annotations

import random

from ogi.synth.builder import Fig

OVERVIEW = (
    "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进政务公开各项工作。",
    "成立了政务公开工作领导小组，由主要负责同志任组长，明确专人负责政府信息公开日常工作。",
    "按照上级关于政务公开工作的部署要求，进一步健全工作机制，推动政务公开工作规范化、标准化。",
    "围绕群众关心关注的热点难点问题，及时准确发布权威信息，切实保障人民群众的知情权、参与权和监督权。",
    "把政务公开工作纳入年度重点工作，与业务工作同部署、同落实、同考核。",
)
MANAGEMENT = (
    "严格落实信息发布保密审查制度，坚持先审查、后公开，一事一审、全面审查。",
    "对拟公开的政府信息实行分级审核，确保公开信息准确、规范、及时。",
    "定期对已公开信息进行梳理，及时调整更新政府信息公开目录和公开指南。",
    "依法保护个人隐私，对涉及个人信息的内容进行去标识化处理。",
)
PLATFORM = (
    "持续加强政府网站信息公开专栏建设，优化栏目设置，提升信息发布质量。",
    "充分发挥政务新媒体作用，做好信息发布、政策解读和办事服务工作。",
    "在便民服务中心设置政府信息公开查阅点，方便群众现场查阅。",
    "利用公开栏、电子显示屏等载体，及时公开群众关心的各类事项。",
)
OVERSIGHT = (
    "将政务公开工作纳入绩效考核，定期开展自查，发现问题及时整改。",
    "主动接受社会监督，畅通意见建议反馈渠道，认真办理群众反映的问题。",
    "加强业务培训，提升工作人员的政策水平和业务能力。",
)
PROBLEMS = (
    "一是政务公开工作人员业务能力有待进一步提高；二是公开内容的深度和广度还需拓展；三是政策解读形式较为单一。",
    "主要表现在：信息公开的及时性还有待加强，部分栏目更新不够及时，公开形式不够丰富。",
    "个别科室对政务公开工作重视程度不够，主动公开意识有待增强，群众知晓度和参与度还不高。",
)
MEASURES = (
    "下一步，我们将进一步加强业务培训，提高工作人员业务水平，丰富公开形式，不断提升政务公开质量。",
    "一是加强组织领导，压实工作责任；二是规范公开内容，提高信息发布质量；三是创新解读方式，增强公开实效。",
    "加大政务公开宣传力度，拓宽公开渠道，及时回应社会关切，推动政务公开工作再上新台阶。",
)
RESPONSE = (
    "建立健全政策解读和舆情回应机制，对涉及群众切身利益的重要政策及时进行解读。",
    "坚持政策性文件与解读材料同步组织、同步审签、同步部署。",
)

CATEGORIES_NEW = (
    "机构职能",
    "规划计划",
    "政策文件",
    "工作动态",
    "财政资金",
    "民生事项",
    "重大建设项目",
    "应急管理",
    "人事",
)
CATEGORIES_OLD = (
    "机构职能",
    "规划计划",
    "为民办实事",
    "民政扶贫救灾社会保障就业",
    "国土资源城乡建设环保能源",
    "科教文体卫生",
    "安全生产",
    "重大建设项目",
    "财政资金",
)
CATEGORY_SUFFIXES = ("类信息", "类", "信息", "类信息")


def para(rng: random.Random, pool: tuple[str, ...], k: int = 3) -> str:
    """A paragraph of `k` distinct boilerplate sentences, in pool order (stable for one seed)."""
    picks = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return "".join(pool[i] for i in picks)


def total_sentence(year: int, we: str, total: int, cats: list[tuple[str, str, int]]) -> list[str | Fig]:
    """'2021年，我街道主动公开政府信息119条，其中机构职能类信息2条、…。'"""
    parts: list[str | Fig] = [f"{year}年，{we}主动公开政府信息", Fig.of("proactive.total", total, "条"), "条"]
    for i, (name, suffix, v) in enumerate(cats):
        parts += [
            "，其中" if i == 0 else "、",
            name + suffix,
            Fig.of("proactive.category", v, "条", category=name),
            "条",
        ]
    parts.append("。")
    return parts


_CHANNEL_WORDS = {
    "website": "通过政府门户网站公开信息",
    "wechat": "微信公众号发布信息",
    "weibo": "政务微博发布信息",
    "bulletin_board": "通过公开栏公开信息",
    "gazette": "政府公报刊登信息",
}


def channel_sentence(chans: list[tuple[str, int]]) -> list[str | Fig]:
    """'通过政府门户网站公开信息99条，微信公众号发布信息1558条。'"""
    parts: list[str | Fig] = []
    for i, (code, v) in enumerate(chans):
        parts += [
            "，" if i else "",
            _CHANNEL_WORDS[code],
            Fig.of("proactive.channel", v, "条", channel=code),
            "条",
        ]
    parts.append("。")
    return parts


def interpretation_sentence(we: str, n: int) -> list[str | Fig]:
    return [f"围绕重点工作，{we}开展政策解读", Fig.of("interpretation.count", n, "次"), "次。"]


def complaints_sentence(city: str, hotline: int, mayor: int) -> list[str | Fig]:
    """'受理办结泉州12345平台交办件81件、市长专线92件。' (labels as dims.source)."""
    source = f"{city}12345平台"
    parts: list[str | Fig] = [
        "及时回应社会关切，受理办结",
        source,
        "交办件",
        Fig.of("complaints.count", hotline, "件", source=source),
        "件",
    ]
    if mayor:
        parts += ["、市长专线", Fig.of("complaints.count", mayor, "件", source="市长专线"), "件"]
    parts.append("。")
    return parts


def inquiries_sentence(onsite: int, phone: int) -> list[str | Fig]:
    return [
        "全年共受理群众咨询，其中现场接待",
        Fig.of("inquiries.count", onsite, "人次", channel="现场接待"),
        "人次、咨询电话",
        Fig.of("inquiries.count", phone, "人次", channel="咨询电话"),
        "人次。",
    ]


def received_sentence(year: int, we: str, n: int) -> list[str | Fig]:
    if not n:
        return [f"{year}年，{we}未收到政府信息公开申请", Fig.none("applications.received", "件"), "。"]
    return [
        f"{year}年，{we}共收到政府信息公开申请",
        Fig.of("applications.received", n, "件"),
        "件，均依法依规予以答复。",
    ]


def review_sentence(review: int, litigation: int) -> list[str | Fig]:
    if not review and not litigation:
        return [
            "全年未发生因政府信息公开引起的行政复议",
            Fig.none("review.count", "件"),
            "、行政诉讼案件",
            Fig.none("litigation.count", "件"),
            "。",
        ]
    return [
        "全年发生因政府信息公开引起的行政复议",
        Fig.of("review.count", review, "件"),
        "件、行政诉讼",
        Fig.of("litigation.count", litigation, "件"),
        "件。",
    ]


def fee_sentence(we: str, yuan: int) -> list[str | Fig]:
    if not yuan:
        return [f"本年度{we}未收取政府信息公开信息处理费", Fig.none("fees.amount", "元"), "。"]
    return ["全年收取政府信息公开信息处理费", Fig.of("fees.amount", yuan, "元"), "元。"]


def cumulative_sentence(year: int, total: int) -> list[str | Fig]:
    return [
        f"截至{year}年底，历年累计主动公开政府信息",
        Fig.of("proactive.total", total, "条", scope="cumulative"),
        "条。",
    ]


def staff_sentence(n: int) -> list[str | Fig]:
    return ["现有从事政府信息公开工作人员", Fig.of("staff.count", n, "人"), "人。"]


def training_sentence(meetings: int, sessions: int, trainees: int) -> list[str | Fig]:
    return [
        "全年召开政府信息公开工作会议",
        Fig.of("training.meetings", meetings, "次"),
        "次，举办各类培训班",
        Fig.of("training.sessions", sessions, "次"),
        "次，接受培训人员",
        Fig.of("training.trainees", trainees, "人次"),
        "人次。",
    ]
