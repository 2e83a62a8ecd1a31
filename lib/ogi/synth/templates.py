"""One synthetic report per call, in any of the templates the parser knows (2021, 2019, statform, pre2014, narrative).

Each writer lays out title, 统计期限 sentence, the template's section headings, prose figures, the
template tables (numbers from ogi.synth.numbers) and a signature, while the TextBuilder records the
expected facts and blanks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ogi.synth import numbers as nb
from ogi.synth import prose as pr
from ogi.synth.builder import Cell, Fig, Style, TextBuilder, fmt_int, gap, label
from ogi.synth.damage import DAMAGED_LAYOUTS, WHOLE_LAYOUTS
from ogi.synth.names import Agency, pick_agency

TEMPLATES = ("2021", "2019", "statform", "pre2014", "narrative")
YEARS = {
    "2021": (2021, 2024),
    "2019": (2019, 2020),
    "statform": (2014, 2018),
    "pre2014": (2008, 2013),
    "narrative": (2010, 2024),
}
BLANK_MARKS = ("", "-", "/", "—", "无")

HEAD5 = (
    "五、存在的主要问题及改进情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "五、存在的问题及改进措施",
    "五、存在问题和改进措施",
    "五、存在问题及改进情况",
)
HEAD4 = ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
BASIS = {
    "2021": "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    "2019": "和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）",
    "statform": "和《国务院办公厅关于加强和规范政府信息公开情况统计报送工作的通知》（国办发〔2014〕32号）",
    "pre2014": "",
    "narrative": "",
}


@dataclass(slots=True)
class Draft:
    """A generated report before encoding: its text builder plus the metadata its truth line needs."""

    template: str
    layout: str
    year: int
    agency: Agency
    published: str  # ISO date
    doc_number: str | None
    tb: TextBuilder = field(default_factory=TextBuilder)


class Writer:
    """Writes one report; all choices come from `rng`, so the report is a pure function of the seed."""

    def __init__(self, rng: random.Random, template: str, layout: str) -> None:
        self.rng = rng
        self.template = template
        self.layout = layout if template != "narrative" else "none"
        lo, hi = YEARS[template]
        self.year = rng.randint(lo, hi)
        self.agency = pick_agency(rng, self.year)
        style = Style(
            thousands=rng.random() < 0.3,
            fullwidth=rng.random() < 0.05,
            halfwidth_punct=rng.random() < 0.25,
            pad_cells=rng.random() < 0.3,
        )
        self.tb = TextBuilder(style)
        self.blank_p = 0.25 if rng.random() < 0.35 else 0.0
        self.mark = "" if layout == "blank" else rng.choice(BLANK_MARKS)
        if layout == "converter":  # a converter drops empty cells: blanks must be printed marks
            self.mark = self.mark or "-"
        self.numbering = "、" if rng.random() < 0.2 else "."
        month = rng.choices((1, 2, 3), weights=(7, 2, 1))[0]
        self.pub = (self.year + 1, month, rng.randint(1, 28))
        self.doc_number: str | None = None

    # --- cells ---------------------------------------------------------------------------------------

    def cell(self, fig: Fig, text: str | None = None, can_blank: bool = True) -> Cell:
        """A numeric template cell, or (for a zero, sometimes) a blank one standing for the same metric."""
        if can_blank and fig.value == 0 and self.blank_p and self.rng.random() < self.blank_p:
            return Cell(self.mark, fig, blank=True)
        return Cell(text if text is not None else fmt_int(fig.value, prose=False), fig)

    def table(self, rows: list[list[Cell]], width: int, damage: bool = True) -> None:
        """Render rows in the report's layout (a damaged layout only where `damage`: sections 三 and 四)."""
        layout = self.layout
        if (
            not damage and layout in DAMAGED_LAYOUTS and layout not in WHOLE_LAYOUTS
        ):  # short tables: a converter keeps rows on one line
            layout = "plain" if layout == "converter" else "inline"
        self.tb.table(rows, layout, width)

    # --- shared pieces -------------------------------------------------------------------------------

    def say(self, *parts: str | Fig) -> None:
        self.tb.prose(*parts)

    def full_name(self) -> str:
        a = self.agency
        region = a.region[: -len(a.county)] if a.kind == "county_dept" else a.region
        return region + a.name

    def title_and_intro(self) -> None:
        a, y = self.agency, self.year
        if self.doc_number:
            self.tb.add(self.doc_number)
            self.tb.add()
        title = (
            f"{y}年{a.name}政府信息公开工作年度报告"
            if self.rng.random() < 0.8
            else f"{a.name}{y}年政府信息公开工作年度报告"
        )
        self.tb.add(title)
        self.tb.add()
        period = self.rng.choice(
            (
                f"本报告中所列数据统计期限为{y}年1月1日至{y}年12月31日。",
                f"本年报中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
                f"本报告所列数据的统计期限为{y}年1月1日至12月31日。",
            )
        )
        self.say(
            f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）{BASIS[self.template]}要求，"
            f"现公布{self.full_name()}{y}年政府信息公开工作年度报告。{period}"
        )
        if self.rng.random() < 0.15:
            self.say(
                f"如对本报告有任何疑问，请与{a.name}政务公开办公室联系（联系电话：0{self.rng.randint(310, 999)}-"
                f"{self.rng.randint(2000000, 8999999)}）。"
            )

    def signature(self) -> None:
        y, m, d = self.pub
        self.tb.add()
        self.tb.add(self.agency.name)
        self.tb.add(f"{y}年{m}月{d}日")

    def categories(self, total: int, pool: tuple[str, ...]) -> list[tuple[str, str, int]]:
        names = [pool[i] for i in sorted(self.rng.sample(range(len(pool)), self.rng.randint(3, 5)))]
        weights = {n: self.rng.uniform(0.2, 3.0) for n in names}
        parts = nb.spread(self.rng, total, weights)
        return [(n, self.rng.choice(pr.CATEGORY_SUFFIXES), parts[n]) for n in names]

    def problems_and_measures(self, heading: str) -> None:
        self.tb.add(heading)
        self.tb.add("（一）存在的主要问题")
        self.tb.add(pr.para(self.rng, pr.PROBLEMS, 1))
        self.tb.add("（二）改进措施")
        self.tb.add(pr.para(self.rng, pr.MEASURES, 2))

    def finish(self) -> Draft:
        y, m, d = self.pub
        return Draft(
            self.template,
            self.layout,
            self.year,
            self.agency,
            f"{y:04d}-{m:02d}-{d:02d}",
            self.doc_number,
            self.tb,
        )


# --- 2019 / 2021 ------------------------------------------------------------------------------------


def _art20_rows(w: Writer) -> list[list[Cell]]:
    """Section 二: the 第二十条 blocks of the 2019 or 2021 format with their figures."""
    r, new = w.rng, w.template == "2021"
    dept = w.agency.kind == "county_dept"
    rows: list[list[Cell]] = []

    def block(caption: str, headers: list[str], items: list[tuple[str, list[Cell]]]) -> None:
        rows.append([label(caption)])
        rows.append([label("信息内容"), *(label(h) for h in headers)])
        rows.extend([label(item), *cells] for item, cells in items)

    def fig(metric: str, v: int, unit: str, item: str) -> Fig:
        return Fig.of(metric, v, unit, item=item)

    if new:
        docs = []
        for item in ("规章", "行政规范性文件"):
            issued = 0 if item == "规章" else nb.small(r, 0.5, 6)
            repealed = 0 if item == "规章" else nb.small(r, 0.7, 3)
            in_force = 0 if item == "规章" else issued + nb.small(r, 0.4, 30)
            docs.append(
                (
                    item,
                    [
                        w.cell(fig("documents.issued", issued, "件", item)),
                        w.cell(fig("documents.repealed", repealed, "件", item)),
                        w.cell(fig("documents.in_force", in_force, "件", item)),
                    ],
                )
            )
        block("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], docs)
        block(
            "第二十条第（五）项",
            ["本年处理决定数量"],
            [
                (
                    "行政许可",
                    [
                        w.cell(
                            fig(
                                "licensing.decisions",
                                nb.small(r, 0.3 if dept else 0.8, 400),
                                "件",
                                "行政许可",
                            )
                        )
                    ],
                )
            ],
        )
        block(
            "第二十条第（六）项",
            ["本年处理决定数量"],
            [
                (
                    item,
                    [w.cell(fig("enforcement.decisions", nb.small(r, 0.4 if dept else 0.8, 80), "件", item))],
                )
                for item in ("行政处罚", "行政强制")
            ],
        )
        cents = nb.small(r, 0.7, 99999) * 100  # yuan in whole hundreds: at most two decimals in 万元
        wan = fmt_int(cents / 10000 if cents % 10000 else cents // 10000, prose=False)
        block(
            "第二十条第（八）项",
            ["本年收费金额（单位：万元）"],
            [("行政事业性收费", [w.cell(fig("charges.amount", cents, "元", "行政事业性收费"), text=wan)])],
        )
        return rows

    docs = []
    for item in ("规章", "规范性文件"):
        made = 0 if item == "规章" else nb.small(r, 0.5, 5)
        published = min(made, nb.small(r, 0.2, 5))
        docs.append(
            (
                item,
                [
                    w.cell(fig("documents.made", made, "件", item)),
                    w.cell(fig("documents.published", published, "件", item)),
                    w.cell(fig("documents.total", published + nb.small(r, 0.5, 20), "件", item)),
                ],
            )
        )
    block("第二十条第（一）项", ["本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"], docs)
    for caption, family, items in (
        ("第二十条第（五）项", "licensing", ("行政许可", "其他对外管理服务事项")),
        ("第二十条第（六）项", "enforcement", ("行政处罚", "行政强制")),
    ):
        cells = []
        for item in items:
            prior = nb.small(r, 0.3 if dept else 0.8, 150)
            change = nb.small(r, 0.6, 8) * r.choice((1, -1)) if prior else 0
            change_text = f"+{change}" if change > 0 and r.random() < 0.3 else str(change)
            cells.append(
                (
                    item,
                    [
                        w.cell(fig(f"{family}.prior", prior, "项", item)),
                        w.cell(fig(f"{family}.change", change, "项", item), text=change_text),
                        w.cell(
                            fig(f"{family}.decisions", nb.small(r, 0.5 if dept else 0.8, 300), "件", item)
                        ),
                    ],
                )
            )
        block(caption, ["上一年项目数量", "本年增/减", "处理决定数量"], cells)
    prior = nb.small(r, 0.7, 10)
    block(
        "第二十条第（八）项",
        ["上一年项目数量", "本年增/减"],
        [
            (
                "行政事业性收费",
                [
                    w.cell(fig("charges.prior", prior, "项", "行政事业性收费")),
                    w.cell(fig("charges.change", 0, "项", "行政事业性收费")),
                ],
            )
        ],
    )
    projects = nb.small(r, 0.6, 8)
    amount = r.randint(1, 300) * 1000 if projects else 0
    block(
        "第二十条第（九）项",
        ["采购项目数量", "采购总金额"],
        [
            (
                "政府集中采购",
                [
                    w.cell(fig("procurement.projects", projects, "项", "政府集中采购")),
                    w.cell(
                        fig("procurement.amount", amount, "元", "政府集中采购"),
                        text=f"{amount}元" if amount else "0",
                    ),
                ],
            )
        ],
    )
    return rows


def _sec3_rows(w: Writer, m: dict[str, list[int]]) -> list[list[Cell]]:
    """Section 三: the 3-row header and the 23 (2019) or 25 (2021) data rows."""
    codes: list[str | None] = [*nb.APPLICANTS, None]

    def values(key: str, metric: str, **dims: str) -> list[Cell]:
        out = []
        for code, v in zip(codes, m[key], strict=True):
            d = dict(dims, **({"applicant": code} if code else {}))
            out.append(w.cell(Fig.of(metric, v, "件", **d), can_blank=code is not None))
        return out

    rows: list[list[Cell]] = [
        [label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), label("申请人情况")],
        [gap(), label("自然人"), label("法人或其他组织"), label("总计")],
        [
            gap(),
            gap(),
            *(label(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
            gap(),
        ],
        [label("一、本年新收政府信息公开申请数量"), *values("received", "applications.received")],
        [label("二、上年结转政府信息公开申请数量"), *values("carried_over", "applications.carried_over")],
        [label("三、本年度办理结果")],
    ]
    heads = {
        "granted": "（一）予以公开",
        "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "denied": "（三）不予公开",
        "unavailable": "（四）无法提供",
        "not_processed": "（五）不予处理",
        "other": "（六）其他处理",
    }
    seen: dict[str, int] = {}
    for outcome, reason in nb.outcome_rows(w.template):
        dims = {"outcome": outcome, **({"reason": reason} if reason else {})}
        cells = values(f"{outcome}|{reason}", "applications.outcome", **dims)
        if not reason:
            rows.append([gap(), label(heads[outcome]), *cells])
            continue
        k = seen[outcome] = seen.get(outcome, 0) + 1
        head = label(heads[outcome]) if k == 1 else gap()
        rows.append([gap(), head, label(f"{k}{w.numbering}{reason}"), *cells])
    rows.append([gap(), label("（七）总计"), *values("total", "applications.outcome", outcome="total")])
    rows.append([label("四、结转下年度继续办理"), *values("carried_forward", "applications.carried_forward")])
    return rows


def _sec4_rows(w: Writer, v: list[int]) -> tuple[list[list[Cell]], Fig]:
    """Section 四: header rows, the 15-number row, and the derived overall litigation figure."""
    parts = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    outcomes = ("upheld", "corrected", "other", "pending", None)
    cells: list[Cell] = []
    for g, (metric, route) in enumerate(
        (("review.count", None), ("litigation.count", "direct"), ("litigation.count", "after_review"))
    ):
        for i, outcome in enumerate(outcomes):
            dims = {**({"route": route} if route else {}), **({"outcome": outcome} if outcome else {})}
            cells.append(w.cell(Fig.of(metric, v[g * 5 + i], "件", **dims), can_blank=outcome is not None))
    rows = [
        [label("行政复议"), label("行政诉讼")],
        [*(label(p) for p in parts), label("未经复议直接起诉"), label("复议后起诉")],
        [*(gap() for _ in parts), *(label(p) for p in parts), *(label(p) for p in parts)],
        cells,
    ]
    return rows, Fig.of("litigation.count", v[9] + v[14], "件")


def _derived_subtotals(w: Writer, n_facts: int, n_blanks: int) -> None:
    """Truth for the parser's derived outcome subtotals: per column, the sum of an outcome's reason
    sub-rows when every one of them is printed (a blank sub-row means no subtotal for that column)."""
    groups: dict[tuple[str, str], list[dict]] = {}
    blanked: set[tuple[str, str]] = set()
    for f in w.tb.facts[n_facts:]:
        if f["metric"] == "applications.outcome" and "reason" in f["dims"]:
            groups.setdefault((f["dims"]["outcome"], f["dims"].get("applicant", "")), []).append(f)
    for b in w.tb.blanks[n_blanks:]:
        if b["metric"] == "applications.outcome" and "reason" in b["dims"]:
            blanked.add((b["dims"]["outcome"], b["dims"].get("applicant", "")))
    for (outcome, applicant), subs in groups.items():
        if (outcome, applicant) in blanked:
            continue
        w.tb.facts.append(
            {
                "metric": "applications.outcome",
                "dims": {"outcome": outcome, **({"applicant": applicant} if applicant else {})},
                "value": sum(f["value"] for f in subs),
                "unit": "件",
                "scope": "year",
                "origin": "derived",
                "line": min(f["line"] for f in subs),
                "label": f"{outcome} subtotal",
                "derived": True,
            }
        )


def write_modern(w: Writer) -> Draft:
    """The 2019 (60号) and 2021 (30号) formats: six sections, three tables."""
    r, a, y = w.rng, w.agency, w.year
    active = r.random() < 0.55
    m3 = nb.section3(r, w.template, active)
    v4 = nb.section4(r, r.random() < 0.3)
    total = r.randint(15, 900)
    cats = w.categories(total, pr.CATEGORIES_NEW)
    chans = [("website", r.randint(total // 2, total))]
    chans += [(c, r.randint(20, 2000)) for c in ("wechat", "weibo", "bulletin_board") if r.random() < 0.5]

    w.title_and_intro()
    w.tb.add("一、总体情况")
    w.tb.add(pr.para(r, pr.OVERVIEW))
    w.tb.add("（一）主动公开")
    w.say(*pr.total_sentence(y, a.we, total, cats))
    w.say(*pr.channel_sentence(chans))
    if r.random() < 0.6:
        w.say(*pr.interpretation_sentence(a.we, r.randint(1, 30)))
    w.tb.add("（二）依申请公开")
    w.say(*pr.received_sentence(y, a.we, m3["received"][-1]))
    w.tb.add("（三）政府信息管理")
    w.tb.add(pr.para(r, pr.MANAGEMENT))
    w.tb.add("（四）平台建设")
    w.tb.add(pr.para(r, pr.PLATFORM))
    if r.random() < 0.5:
        w.say(*pr.complaints_sentence(a.city, r.randint(1, 300), r.choice((0, r.randint(1, 120)))))
    if r.random() < 0.4:
        w.say(*pr.inquiries_sentence(r.randint(1, 200), r.randint(1, 300)))
    w.tb.add("（五）监督保障")
    w.tb.add(pr.para(r, pr.OVERSIGHT))
    w.say(*pr.review_sentence(v4[4], v4[9] + v4[14]))

    w.tb.add("二、主动公开政府信息情况")
    w.table(_art20_rows(w), 4, damage=False)
    w.tb.add()
    w.tb.add("三、收到和处理政府信息公开申请情况")
    n_facts, n_blanks = len(w.tb.facts), len(w.tb.blanks)
    w.table(_sec3_rows(w, m3), 10)
    _derived_subtotals(w, n_facts, n_blanks)
    w.tb.add()
    w.tb.add(r.choice(HEAD4))
    rows4, derived = _sec4_rows(w, v4)
    w.table(rows4, 15)
    w.tb.facts.append(
        {
            "metric": derived.metric,
            "dims": {},
            "value": derived.value,
            "unit": derived.unit,
            "scope": "year",
            "origin": "table",
            "line": len(w.tb.lines),
            "label": "行政诉讼（直接起诉+复议后起诉）",
            "derived": True,
        }
    )
    w.tb.add()
    w.problems_and_measures(r.choice(HEAD5))
    w.tb.add("六、其他需要报告的事项")
    if y >= 2020 and r.random() < 0.7:
        w.say(*pr.fee_sentence(a.we, r.choice((0, 0, r.randint(1, 40) * 100))))
    else:
        w.tb.add("无。")
    w.signature()
    return w.finish()


# --- 2014–2018 统计表 --------------------------------------------------------------------------------


def write_statform(w: Writer) -> Draft:
    """A 2014–2018 report: free text in the 统计表 era headings plus the national 统计表 (3 columns)."""
    r, a, y = w.rng, w.agency, w.year
    if r.random() < 0.4:
        w.doc_number = f"{a.county[0]}政{a.name[0]}〔{y + 1}〕{r.randint(1, 20)}号"
    v: dict[str, int] = {}
    v["total"] = r.randint(5, 600)
    v["normative"] = nb.small(r, 0.6, 5)
    v["issued"] = v["normative"] + nb.small(r, 0.6, 3)
    v["proposals"] = nb.small(r, 0.7, 6)
    chan = {
        "gazette": nb.small(r, 0.7, 5),
        "website": r.randint(v["total"] // 2, v["total"]),
        "weibo": nb.small(r, 0.6, 200),
        "wechat": nb.small(r, 0.5, 600),
        "other": nb.small(r, 0.6, 50),
    }
    press = nb.small(r, 0.7, 3)
    inter = nb.small(r, 0.8, 2)
    resp = {
        "hotspots": nb.small(r, 0.5, 10),
        "press": press,
        "press_leader": r.randint(0, press),
        "interviews": inter,
        "interviews_leader": r.randint(0, inter),
        "interp": nb.small(r, 0.3, 20),
        "social": nb.small(r, 0.5, 10),
        "other": nb.small(r, 0.6, 10),
    }
    active = r.random() < 0.5
    app_ch = {c: (nb.small(r, 0.5, 6) if active else 0) for c in ("in_person", "fax", "online", "letter")}
    received = sum(app_ch.values())
    extended = r.randint(0, received // 3) if received else 0
    replies = nb.spread(
        r,
        received,
        {
            "already_public": 1,
            "granted": 6,
            "partial": 1,
            "denied": 0.6,
            "unavailable_a": 0.5,
            "unavailable_b": 0.5,
            "other_a": 0.3,
            "other_b": 0.3,
        },
    )
    denied_reasons = (
        "涉及国家秘密",
        "涉及商业秘密",
        "涉及个人隐私",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "不是《条例》所指政府信息",
        "法律法规规定的其他情形",
    )
    denied = nb.spread(r, replies["denied"], dict.fromkeys(denied_reasons, 1.0))
    review = [nb.small(r, 0.85, 2) for _ in range(3)]
    litig = [nb.small(r, 0.9, 2) for _ in range(3)]
    complaints = nb.small(r, 0.7, 5)
    fee_yuan = nb.small(r, 0.85, 50) * 100
    staff_ft, staff_pt = nb.small(r, 0.5, 3), r.randint(1, 8)
    budget_yuan = nb.small(r, 0.6, 300) * 100
    train = {"meetings": r.randint(1, 6), "sessions": nb.small(r, 0.3, 3), "trainees": 0}
    train["trainees"] = r.randint(5, 80) if train["sessions"] else 0

    w.title_and_intro()
    w.tb.add("一、基本工作情况")
    w.tb.add(pr.para(r, pr.OVERVIEW, 3))
    w.tb.add(pr.para(r, pr.MANAGEMENT))
    w.tb.add("二、主动公开政府信息情况")
    w.say(*pr.total_sentence(y, a.we, v["total"], []))
    w.say(*pr.channel_sentence([("website", chan["website"])]))
    w.tb.add("三、回应解读情况")
    w.tb.add(pr.para(r, pr.RESPONSE))
    if resp["interp"]:
        w.say("全年发布政策解读稿件", Fig.of("interpretation.count", resp["interp"], "篇"), "篇。")
    w.tb.add("四、依申请公开政府信息情况")
    w.say(*pr.received_sentence(y, a.we, received))
    w.tb.add("五、政府信息公开行政复议、行政诉讼和投诉情况")
    w.say(*pr.review_sentence(sum(review), sum(litig)))
    w.tb.add("六、机构建设、保障经费和培训会议情况")
    w.say(*pr.staff_sentence(staff_ft + staff_pt))
    w.say(*pr.training_sentence(train["meetings"], train["sessions"], train["trainees"]))
    w.tb.add("七、存在的主要问题及改进措施")
    w.tb.add(pr.para(r, pr.PROBLEMS, 2))
    w.tb.add(pr.para(r, pr.MEASURES, 3))
    w.signature()
    w.tb.add()
    w.tb.add("附件")
    w.tb.add("政府信息公开情况统计表")
    w.tb.add(f"（{y}年度）")
    w.tb.add("填报单位（盖章）：")

    rows: list[list[Cell]] = [
        [label("统 计 指 标" if r.random() < 0.5 else "统计指标"), label("单位"), label("统计数")]
    ]

    def head(text: str) -> None:
        rows.append([label(text), label("—"), gap()])

    def row(
        text: str,
        unit: str,
        metric: str,
        value: int,
        shown: str | None = None,
        blankable: bool = True,
        money: bool = False,
        **dims: str,
    ) -> None:
        fig = Fig.of(metric, value, "元" if money else unit, **dims)
        rows.append([label(text), label(unit), w.cell(fig, text=shown, can_blank=blankable)])

    def wan(yuan: int) -> str:
        return fmt_int(yuan / 10000 if yuan % 10000 else yuan // 10000, prose=False)

    n = w.numbering
    head("一、主动公开情况")
    row(
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "条",
        "proactive.total",
        v["total"],
        blankable=False,
    )
    row("其中：主动公开规范性文件数", "条", "proactive.normative_docs", v["normative"])
    row("制发规范性文件总数", "件", "documents.issued", v["issued"])
    row("人大代表建议和政协提案办理结果公开数", "件", "proactive.proposals", v["proposals"])
    head("（二）通过不同渠道和方式公开政府信息的情况")
    for i, (code, name) in enumerate(
        (
            ("gazette", "政府公报"),
            ("website", "政府网站"),
            ("weibo", "政务微博"),
            ("wechat", "政务微信"),
            ("other", "其他方式"),
        ),
        1,
    ):
        row(f"{i}{n}{name}公开政府信息数", "条", "proactive.channel", chan[code], channel=code)
    head("二、回应解读情况")
    row(
        "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "次",
        "response.hotspots",
        resp["hotspots"],
    )
    head("（二）通过不同渠道和方式回应解读的情况")
    row(f"1{n}参加或举办新闻发布会总次数", "次", "response.press_conferences", resp["press"], blankable=False)
    row(
        "其中：主要负责同志参加新闻发布会次数",
        "次",
        "response.press_conferences",
        resp["press_leader"],
        attendee="leader",
    )
    row(f"2{n}政府网站在线访谈次数", "次", "response.interviews", resp["interviews"], blankable=False)
    row(
        "其中：主要负责同志参加政府网站在线访谈次数",
        "次",
        "response.interviews",
        resp["interviews_leader"],
        attendee="leader",
    )
    row(f"3{n}政策解读稿件发布数", "篇", "interpretation.count", resp["interp"], blankable=False)
    row(f"4{n}微博微信回应事件数", "次", "response.social_media", resp["social"])
    row(f"5{n}其他方式回应事件数", "次", "response.other", resp["other"])
    head("三、依申请公开情况")
    row("（一）收到申请数", "件", "applications.received", received, blankable=False)
    for i, (code, name) in enumerate(
        (("in_person", "当面"), ("fax", "传真"), ("online", "网络"), ("letter", "信函")), 1
    ):
        row(f"{i}{n}{name}申请数", "件", "applications.channel", app_ch[code], channel=code)
    row("（二）申请办结数", "件", "applications.completed", received, blankable=False)
    row(f"1{n}按时办结数", "件", "applications.completed", received - extended, timing="on_time")
    row(f"2{n}延期办结数", "件", "applications.completed", extended, timing="extended")
    row("（三）申请答复数", "件", "applications.outcome", received, blankable=False, outcome="total")
    row(
        f"1{n}属于已主动公开范围数",
        "件",
        "applications.outcome",
        replies["already_public"],
        outcome="already_public",
    )
    row(f"2{n}同意公开答复数", "件", "applications.outcome", replies["granted"], outcome="granted")
    row(f"3{n}同意部分公开答复数", "件", "applications.outcome", replies["partial"], outcome="partial")
    row(
        f"4{n}不同意公开答复数",
        "件",
        "applications.outcome",
        replies["denied"],
        blankable=False,
        outcome="denied",
    )
    for i, reason in enumerate(denied_reasons):
        row(
            ("其中：" if i == 0 else "") + reason,
            "件",
            "applications.outcome",
            denied[reason],
            outcome="denied",
            reason=reason,
        )
    for i, (key, outcome, text) in enumerate(
        (
            ("unavailable_a", "unavailable", "不属于本行政机关公开数"),
            ("unavailable_b", "unavailable", "申请信息不存在数"),
            ("other_a", "other", "告知作出更改补充数"),
            ("other_b", "other", "告知通过其他途径办理数"),
        ),
        5,
    ):
        row(f"{i}{n}{text}", "件", "applications.outcome", replies[key], outcome=outcome, reason=text)
    row("四、行政复议数量", "件", "review.count", sum(review), blankable=False)
    outcomes = (
        ("upheld", "（一）维持具体行政行为数"),
        ("corrected", "（二）被依法纠错数"),
        ("other", "（三）其他情形数"),
    )
    for (code, text), value in zip(outcomes, review, strict=True):
        row(text, "件", "review.count", value, outcome=code)
    row("五、行政诉讼数量", "件", "litigation.count", sum(litig), blankable=False)
    outcomes = (
        ("upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数"),
        ("corrected", "（二）被依法纠错数"),
        ("other", "（三）其他情形数"),
    )
    for (code, text), value in zip(outcomes, litig, strict=True):
        row(text, "件", "litigation.count", value, outcome=code)
    row("六、举报投诉数量", "件", "complaints.count", complaints, source="举报投诉")
    row("七、依申请公开信息收取的费用", "万元", "fees.amount", fee_yuan, shown=wan(fee_yuan), money=True)
    head("八、机构建设和保障经费情况")
    row("（一）政府信息公开工作专门机构数", "个", "organisation.offices", r.randint(0, 1))
    row("（二）设置政府信息公开查阅点数", "个", "organisation.reading_points", r.randint(1, 3))
    row("（三）从事政府信息公开工作人员数", "人", "staff.count", staff_ft + staff_pt, blankable=False)
    row(
        f"1{n}专职人员数（不包括政府公报及政府网站工作人员数）",
        "人",
        "staff.count",
        staff_ft,
        kind="full_time",
    )
    row(f"2{n}兼职人员数", "人", "staff.count", staff_pt, kind="part_time")
    row(
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
        "budget.amount",
        budget_yuan,
        shown=wan(budget_yuan),
        money=True,
    )
    head("九、政府信息公开会议和培训情况")
    row("（一）召开政府信息公开工作会议或专题会议数", "次", "training.meetings", train["meetings"])
    row("（二）举办各类培训班数", "次", "training.sessions", train["sessions"])
    row("（三）接受培训人员数", "人次", "training.trainees", train["trainees"])
    w.table(rows, 3)
    return w.finish()


# --- 2008–2013 free form + 附表 -------------------------------------------------------------------------


def write_pre2014(w: Writer) -> Draft:
    """A 2008–2013 report: the 492号-era section list and a 附表 with a 历年累计 column."""
    r, a, y = w.rng, w.agency, w.year
    if r.random() < 0.5:
        w.doc_number = f"{a.county[0]}政{a.name[0]}〔{y + 1}〕{r.randint(1, 20)}号"

    def pair(p_zero: float, hi: int) -> tuple[int, int]:
        year_v = nb.small(r, p_zero, hi)
        return year_v, year_v + nb.small(r, p_zero, hi * 3)

    web, gaz = pair(0.0, 300), pair(0.7, 5)
    total = (web[0] + gaz[0], web[1] + gaz[1])
    active = r.random() < 0.5
    ch = {c: pair(0.5 if active else 1.0, 4) for c in ("in_person", "online", "letter_fax")}
    received = (sum(v[0] for v in ch.values()), sum(v[1] for v in ch.values()))
    reply_keys = {"granted": 6.0, "partial": 1.0, "denied": 0.7, "other": 0.5}
    rep_y = nb.spread(r, received[0], reply_keys)
    rep_c = nb.spread(r, received[1] - received[0], reply_keys)
    replies = {k: (rep_y[k], rep_y[k] + rep_c[k]) for k in reply_keys}
    interp = pair(0.3, 12)
    fee = (0, 0) if r.random() < 0.85 else (r.randint(1, 30) * 10, r.randint(31, 90) * 10)
    complaints, review, litig = pair(0.7, 3), pair(0.9, 1), pair(0.95, 1)
    cats = w.categories(total[0], pr.CATEGORIES_OLD)

    w.title_and_intro()
    w.tb.add("一、概述")
    w.tb.add(pr.para(r, pr.OVERVIEW, 3))
    w.tb.add("二、主动公开政府信息情况")
    w.say(*pr.total_sentence(y, a.we, total[0], cats))
    w.say(*pr.cumulative_sentence(y, total[1]))
    w.tb.add("三、依申请公开政府信息情况")
    w.say(*pr.received_sentence(y, a.we, received[0]))
    w.tb.add("四、咨询处理情况")
    w.say(*pr.inquiries_sentence(r.randint(1, 200), r.randint(1, 300)))
    w.tb.add("五、政府信息公开的收费及减免情况")
    if fee[0]:
        w.say("全年收取政府信息公开检索、复制等费用", Fig.of("fees.amount", fee[0], "元"), "元。")
    else:
        w.say("本年度未收取任何政府信息公开费用", Fig.none("fees.amount", "元"), "。")
    w.tb.add("六、因政府信息公开申请行政复议、提起行政诉讼的情况")
    w.say(*pr.review_sentence(review[0], litig[0]))
    w.tb.add("七、存在的主要问题和改进措施")
    w.tb.add(pr.para(r, pr.PROBLEMS, 2))
    w.tb.add(pr.para(r, pr.MEASURES, 3))
    w.tb.add("八、需要说明的事项与附表")
    w.tb.add(pr.para(r, pr.PLATFORM, 1))
    w.tb.add("附表")

    rows: list[list[Cell]] = [[label("指标名称"), label("单位"), label(f"{y}年度"), label("历年累计")]]

    def row(
        text: str, unit: str, metric: str, vals: tuple[int, int], blankable: bool = True, **dims: str
    ) -> None:
        cells = [
            w.cell(Fig.of(metric, v, unit, scope=scope, **dims), can_blank=blankable)
            for v, scope in zip(vals, ("year", "cumulative"), strict=True)
        ]
        rows.append([label(text), label(unit), *cells])

    n = w.numbering
    row("主动公开政府信息数", "条", "proactive.total", total, blankable=False)
    row(f"其中：1{n}政府网站公开数", "条", "proactive.channel", web, channel="website")
    row(f"2{n}政府公报公开数", "条", "proactive.channel", gaz, channel="gazette")
    row("受理政府信息公开申请总数", "条", "applications.received", received, blankable=False)
    for i, (code, name) in enumerate(
        (("in_person", "当面申请数"), ("online", "网络申请数"), ("letter_fax", "信函、传真申请数")), 1
    ):
        row(
            ("其中：" if i == 1 else "") + f"{i}{n}{name}",
            "条",
            "applications.channel",
            ch[code],
            channel=code,
        )
    row("对申请的答复总数", "条", "applications.outcome", received, blankable=False, outcome="total")
    for i, (code, name) in enumerate(
        (
            ("granted", "同意公开答复数"),
            ("partial", "同意部分公开答复数"),
            ("denied", "不予公开答复数"),
            ("other", "其他类型答复数"),
        ),
        1,
    ):
        row(
            ("其中：" if i == 1 else "") + f"{i}{n}{name}",
            "条",
            "applications.outcome",
            replies[code],
            outcome=code,
        )
    row("政策解读次数", "次", "interpretation.count", interp)
    row("政府信息公开收费减免金额", "元", "fees.amount", fee)
    row("接受行政申诉、举报数", "件", "complaints.count", complaints, source="行政申诉、举报")
    row("行政复议数", "件", "review.count", review)
    row("行政诉讼数", "件", "litigation.count", litig)
    w.table(rows, 4)
    w.signature()
    return w.finish()


# --- narrative (no tables) --------------------------------------------------------------------------


def write_narrative(w: Writer) -> Draft:
    """A free-form report with figures in running text only (like seed 004)."""
    r, a, y = w.rng, w.agency, w.year
    total = r.randint(10, 400)
    cats = w.categories(total, pr.CATEGORIES_NEW if y >= 2014 else pr.CATEGORIES_OLD)
    w.title_and_intro()
    w.tb.add(
        f"{y}年度{a.name}政务公开工作，在上级党委、政府的正确领导下，按照统一部署和要求，扎实推进各项工作。"
    )
    w.tb.add("一、以政务公开助力改革")
    w.tb.add(pr.para(r, pr.OVERVIEW, 4))
    w.say(*pr.total_sentence(y, a.we, total, cats))
    chans = [(c, r.randint(5, 900)) for c in ("website", "wechat", "bulletin_board") if r.random() < 0.6]
    if chans:
        w.say(*pr.channel_sentence(chans))
    w.tb.add("二、提升政务服务工作实效")
    w.tb.add(pr.para(r, pr.PLATFORM, 3))
    if r.random() < 0.7:
        w.say(*pr.complaints_sentence(a.city, r.randint(1, 300), r.choice((0, r.randint(1, 120)))))
    if r.random() < 0.6:
        w.say(*pr.inquiries_sentence(r.randint(1, 200), r.randint(1, 300)))
    w.tb.add("三、进一步健全解读回应机制")
    w.tb.add(pr.para(r, pr.RESPONSE, 2))
    if r.random() < 0.7:
        w.say(*pr.interpretation_sentence(a.we, r.randint(1, 30)))
    w.tb.add("四、存在的问题和下一步打算")
    w.tb.add(pr.para(r, pr.PROBLEMS, 2))
    w.tb.add(pr.para(r, pr.MEASURES, 3))
    w.signature()
    return w.finish()


WRITERS = {
    "2021": write_modern,
    "2019": write_modern,
    "statform": write_statform,
    "pre2014": write_pre2014,
    "narrative": write_narrative,
}


def make_report(seed: int, index: int, template: str, layout: str) -> Draft:
    """Report `index` of the corpus with `seed`: a pure function of its arguments."""
    rng = random.Random(f"ogi-synth:{seed}:{index}:{template}:{layout}")
    return WRITERS[template](Writer(rng, template, layout))
