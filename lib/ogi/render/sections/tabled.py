"""The sections shown as cards and tables: headline figures, section 二, the comparison with the
previous report, the same-city peers, and the checks' findings.
"""

from __future__ import annotations

import json
import re
from typing import Any

import polars as pl

from ogi import vocabulary as voc
from ogi.facts import format_value
from ogi.render import words as W
from ogi.render.context import Context
from ogi.render.fragments import cards, fmt_change, fmt_num, heading, no_data, sentence, table
from ogi.render.layout import numbered, say_no_data, show
from ogi.render.words import SECTION_WORDS
from ogi.store import views


def headline_rows(ctx: Context, df: pl.DataFrame) -> list[dict[str, Any]]:
    """The headline frame's rows, plus the number of findings when the frame does not carry it."""
    rows = df.to_dicts()
    if not any(r.get("metric") == "findings.count" for r in rows):
        rows.append(
            {
                "metric": "findings.count",
                "label_zh": "数据质量问题",
                "label_en": "Data-quality findings",
                "value": views.findings(ctx.store, ctx.agency_key, ctx.year).height,
                "previous": None,
                "change": None,
            }
        )
    return rows


def headline(ctx: Context, df: pl.DataFrame) -> None:
    """Headline figures as cards with the previous report's value and the change."""
    words = SECTION_WORDS["headline"]
    show(numbered(ctx, words.heading))
    rows = headline_rows(ctx, df)
    if all(r.get("value") is None for r in rows if r["metric"] != "findings.count") and len(rows) <= 1:
        say_no_data(ctx, words.what)
        return
    has_before = any(r.get("previous") is not None for r in rows)
    earlier = views.previous_year(ctx.store, ctx.agency_key, ctx.year) if has_before and ctx.year else None
    before = earlier if earlier is not None else (ctx.year - 1 if ctx.year else None)
    show(
        sentence(
            ctx.t(
                f"{ctx.year} 年的主动公开总数、申请、复议诉讼、投诉办理和数据质量问题数"
                + (
                    f"，数字下为上一份报告（{before} 年）的数值与变化。"
                    if has_before
                    else "；库中没有本机关更早的报告，无从比较。"
                ),
                f"Proactive disclosure, applications, reviews and suits, complaints and findings in {ctx.year}"
                + (
                    f", with the value in the previous report ({before}) and the change."
                    if has_before
                    else "; the store holds no earlier report of this agency to compare with."
                ),
            )
        )
    )
    items = []
    for r in rows:
        note = ""
        if r.get("previous") is not None:
            note = ctx.t(
                f"{before} 年 {fmt_num(r['previous'])}，{fmt_change(r.get('change'))}",
                f"{before}: {fmt_num(r['previous'])}, {fmt_change(r.get('change'))}",
            )
        value = r.get("value")
        if (
            r.get("approx") and value is not None
        ):  # 5500余条: as the report printed it (ogi.facts.format_value)
            value = format_value(value, r["approx"])
        items.append((ctx.label(r, "metric"), value, note))
    show(cards(items))


def _amount(value: float, quote: str | None, unit: str | None) -> tuple[float, str]:
    """A money figure as the report printed it: in 万元 when the quoted number is the value in 万元
    (the 2021 table's 本年收费金额（单位：万元）), else in its stored unit."""
    printed = re.findall(r"\d[\d,]*(?:\.\d+)?", quote or "")
    if printed and unit == "元" and abs(float(printed[-1].replace(",", "")) * 10_000 - value) < 0.5:
        return value / 10_000, "万元"
    return value, unit or "元"


def _fee_label(ctx: Context, row: dict[str, Any]) -> str:
    """The fee as the report names it: a waiver (收费减免) where its line says so, else the fee collected."""
    if "减免" in str(row.get("quote") or ""):
        return ctx.t("信息处理费收费减免金额", "Information-processing fees waived")
    return W.INFO_FEES(ctx.lang)


def _section2_table(ctx: Context, group: str, rows: list[dict[str, Any]]) -> None:
    """One table of section 二 as the template prints it: its items as rows, its measures as columns
    (a cell the report left blank stays blank, a 0 is shown as 0)."""
    measures = [m for m in W.SECTION2_COLUMNS if any(r["measure"] == m for r in rows)]
    measures += sorted({str(r["measure"]) for r in rows} - set(measures))
    items = list(dict.fromkeys(str(r["item"] or "") for r in rows))
    unit = ""
    cells: dict[tuple[str, str], Any] = {}
    for r in rows:
        value: Any = r["value"]
        if r["measure"] == "amount":
            value, unit = _amount(float(value), r.get("quote"), r.get("unit"))
        cells[(str(r["item"] or ""), str(r["measure"]))] = value
    head = [W.SECTION2_COLUMNS[m](ctx.lang) if m in W.SECTION2_COLUMNS else m for m in measures]
    head = [f"{h}（{unit}）" if m == "amount" and unit else h for h, m in zip(head, measures, strict=True)]
    body = []
    for item in items:
        mine = [r for r in rows if str(r["item"] or "") == item]
        lines = sorted({int(r["line"]) for r in mine if r.get("line")})
        quotes = list(dict.fromkeys(str(r.get("quote") or "") for r in mine))
        body.append(
            (
                item or "—",
                *(cells.get((item, m), "") for m in measures),
                "、".join(map(str, lines)) or "—",
                "；".join(q for q in quotes if q) or "—",
            )
        )
    show(heading(W.SECTION2_TABLES[group](ctx.lang), 3) if group in W.SECTION2_TABLES else heading(group, 3))
    show(
        table(
            [W.ITEM(ctx.lang), *head, W.LINE(ctx.lang), W.QUOTE(ctx.lang)],
            body,
            numeric=[False, *([True] * len(measures)), False, False],
            css="ogi-table ogi-section2",
        )
    )


def section2(ctx: Context, df: pl.DataFrame) -> None:
    """Section 二 (第二十条: documents, licensing, enforcement, charges) as the template prints its
    tables, and the information-processing fees collected."""
    words = SECTION_WORDS["section2"]
    show(numbered(ctx, words.heading))
    df = df.filter(pl.col("value").is_not_null())
    if df.height == 0:
        say_no_data(ctx, words.what)
        return
    show(
        sentence(
            ctx.t(
                "报告第二部分（第二十条：规章和规范性文件、行政许可、行政处罚和强制、行政事业性收费）按模板原表列出，"
                "0 即报告所填的 0，空格为报告未填。",
                "Section 2 of the report (article 20: rules and normative documents, licensing, penalties and "
                "enforcement, administrative fees) as the template prints its tables: 0 is a 0 the report gives, "
                "a blank cell one it left blank; then the information-processing fees collected.",
            )
        )
    )
    rows = df.to_dicts()
    for group in [g for g in W.SECTION2_TABLES if any(r["group"] == g for r in rows)]:
        _section2_table(ctx, group, [r for r in rows if r["group"] == group])
    fees = [r for r in rows if r["group"] == "fees"]
    if fees:
        show(heading(ctx.t("信息处理费", "Information-processing fees"), 3))
        show(
            table(
                [W.ITEM(ctx.lang), ctx.t("金额（元）", "Amount (yuan)"), W.LINE(ctx.lang), W.QUOTE(ctx.lang)],
                [(_fee_label(ctx, r), r["value"], ctx.where(r.get("line")), r.get("quote")) for r in fees],
                numeric=[False, True, True, False],
            )
        )


def _changed_name(ctx: Context, r: dict[str, Any]) -> str:
    dims = json.loads(r.get("dims_json") or "{}")
    extra = ("、" if ctx.lang == "zh" else ", ").join(
        voc.dim_label(k, str(v), ctx.lang) for k, v in sorted(dims.items())
    )
    return f"{ctx.label(r, 'metric')}" + (W.paren(ctx.lang, extra) if extra else "")


def year_over_year(ctx: Context, changed: pl.DataFrame) -> None:
    """For an agency with an earlier report: the figures that changed (both values, Δ, %) and the
    passages repeated from the previous report, quoted."""
    if ctx.year is None:
        return
    before = views.previous_year(ctx.store, ctx.agency_key, ctx.year)
    show(numbered(ctx, SECTION_WORDS["year_over_year"].heading))
    if before is None:
        show(
            no_data(ctx.t("库中没有本机关更早的报告。", "The store holds no earlier report of this agency."))
        )
        return
    show(
        sentence(
            ctx.t(
                f"与 {before} 年报告相比，同一口径的数字中有 {changed.height} 项发生变化。",
                f"Against the {before} report, {W.count(changed.height, 'figure')} stated the same way changed.",
            )
        )
    )
    if changed.height:
        show(
            table(
                [
                    ctx.t("项目", "Figure"),
                    str(before),
                    str(ctx.year),
                    "Δ",
                    "%",
                    W.LINE(ctx.lang),
                    W.QUOTE(ctx.lang),
                ],
                [
                    (
                        _changed_name(ctx, r),
                        r["previous"],
                        r["value"],
                        fmt_change(r["change"]),
                        "—" if r.get("pct") is None else f"{r['pct']:+.1f}%",
                        ctx.where(r.get("line")),
                        r.get("quote"),
                    )
                    for r in changed.to_dicts()
                ],
                numeric=[False, True, True, False, False, True, False],
                nowrap=[False, True, True, True, True, True, False],
            )
        )
    rep = views.repeated_passages(ctx.store, ctx.agency_key, ctx.year)
    if rep.height:
        show(
            sentence(
                ctx.t(
                    f"以下 {rep.height} 句与上一份报告相同：",
                    f"{W.count(rep.height, 'sentence')} repeat{'s' if rep.height == 1 else ''} the previous report:",
                )
            )
        )
        show(
            table(
                [W.LINE(ctx.lang), ctx.t("上年行", "Previous line"), W.QUOTE(ctx.lang)],
                [(r["line"] or None, r["previous_line"], r["quote"]) for r in rep.to_dicts()],
                numeric=[True, True, False],
            )
        )
    else:
        show(no_data(ctx.t("未发现与上一份报告重复的段落。", "No passage repeats the previous report.")))


#: peer rows a brief shows at most: a city can hold hundreds of agencies (every street office of a
#: district), and a brief's table, like its cost, should not grow with them
PEER_ROWS = 15


def nearest_peers(df: pl.DataFrame, agency_key: str, rows: int = PEER_ROWS) -> tuple[pl.DataFrame, int]:
    """The agency's own row and the peers nearest it in applications received, `rows` in all, ranked by
    applications (most first; none stated last; then by key); and the rank of the first row shown
    (1-based). A city with `rows` agencies or fewer is returned whole, in its own order, rank 1."""
    if df.height <= rows:
        return df, 1
    ranked = df.sort(["applications", "agency_key"], descending=[True, False], nulls_last=True)
    keys = ranked.get_column("agency_key").to_list()
    mine = keys.index(agency_key) if agency_key in keys else 0
    first = min(max(0, mine - rows // 2), ranked.height - rows)
    return ranked.slice(first, rows), first + 1


def peers(ctx: Context, df: pl.DataFrame) -> None:
    """The agencies of the same city in the same year: applications, denial rate, proactive items; in a
    large city, the agency and the PEER_ROWS - 1 peers nearest it in applications."""
    if ctx.year is None or df.height < 2:
        return  # no peers: nothing promised, nothing drawn
    shown, rank = nearest_peers(df, ctx.agency_key)
    show(numbered(ctx, SECTION_WORDS["peers"].heading))
    zh = f"库中同城 {df.height} 个机关 {ctx.year} 年的申请数、不予公开与无法提供占答复的比例、主动公开数。"
    en = (
        f"The {df.height} agencies of the city in {ctx.year}: applications, the share of replies "
        "denied or unavailable, proactive items."
    )
    if shown.height < df.height:
        last = rank + shown.height - 1
        zh += f"按申请数从多到少排列，列出本机关及申请数与之最接近的机关（第 {rank}–{last} 名）。"
        en += (
            f" Ranked by applications, most first: this agency and those nearest it "
            f"(ranks {rank}–{last} of {df.height})."
        )
    show(sentence(ctx.t(zh, en)))
    show(
        table(
            [
                ctx.t("机关", "Agency"),
                ctx.t("申请数", "Applications"),
                ctx.t("不予公开及无法提供占比", "Denied or unavailable"),
                ctx.t("主动公开数", "Proactive items"),
            ],
            [
                (
                    ("▶ " if r["agency_key"] == ctx.agency_key else "") + str(r["agency"] or r["agency_key"]),
                    r["applications"],
                    "—" if r["denied_share"] is None else f"{r['denied_share'] * 100:.1f}%",
                    r["proactive_total"],
                )
                for r in shown.to_dicts()
            ],
            numeric=[False, True, False, True],
        )
    )


def findings(ctx: Context, df: pl.DataFrame) -> None:
    """Data-quality findings of the checks, in the brief's language, each with the quoted source line."""
    show(numbered(ctx, SECTION_WORDS["findings"].heading))
    if df.height == 0:
        show(no_data(ctx.t("检查未发现数据质量问题。", "The checks found no data-quality problems.")))
        return
    show(
        sentence(
            ctx.t(
                f"检查发现 {df.height} 个问题；每条附报告原文所在行（“—”表示针对整节或全文）。",
                f"The checks found {W.count(df.height, 'problem')}; each quotes the report line it is about "
                "(“—” for a whole section or the whole text).",
            )
        )
    )
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(
        df.to_dicts(),
        key=lambda r: (order.get(str(r.get("severity")), 3), str(r.get("rule")), r.get("line") or 0),
    )
    msg = "message_zh" if ctx.lang == "zh" else "message_en"
    show(
        table(
            [
                ctx.t("级别", "Severity"),
                ctx.t("规则", "Rule"),
                ctx.t("说明", "Message"),
                W.LINE(ctx.lang),
                W.QUOTE(ctx.lang),
            ],
            [
                (
                    voc.severity_label(str(r.get("severity")), ctx.lang),
                    voc.rule_label(str(r.get("rule")), ctx.lang),
                    r.get(msg) or r.get("message_zh"),
                    r.get("line") or "—",
                    r.get("quote") or "—",
                )
                for r in rows
            ],
            numeric=[False, False, False, True, False],
            nowrap=[True, True, False, True, False],
            css="ogi-table ogi-findings",
        )
    )
