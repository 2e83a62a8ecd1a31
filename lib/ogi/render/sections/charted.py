"""The sections drawn as charts: the words around each chart (heading, the one sentence, the folded
figure table) and when a section says "no data" instead. The chart itself is passed in (see
`ogi.render.charts`), so a notebook cell can draw the same frame differently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from ogi import vocabulary as voc
from ogi.render import shape
from ogi.render import words as W
from ogi.render.context import Context
from ogi.render.fragments import fmt_change, fmt_num, no_data, sentence, table
from ogi.render.layout import all_zero, figures, numbered, say_no_data, show
from ogi.render.words import SECTION_WORDS, Words
from ogi.store.views import TREND_METRICS

Chart = Callable[[pl.DataFrame, Context], Any]


def volume(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
    """The headline figures over the years the store holds for this agency; the peers' median of
    proactive disclosure when there are peers; one year: a sentence, no chart."""
    words = SECTION_WORDS["volume"]
    show(numbered(ctx, words.heading))
    years = [y for y in ctx.years if ctx.year is None or y <= ctx.year]
    if len(years) < 2:
        show(
            no_data(
                ctx.t(
                    f"库中只有本机关 {ctx.year} 年一份报告，暂无历年变化可比。",
                    f"The store holds only the {ctx.year} report of this agency: no trend to draw yet.",
                )
            )
        )
        return
    own = df.filter(pl.col("metric") != "peers")
    if own.height == 0:
        say_no_data(ctx, words.what)
        return
    first, last = years[0], years[-1]
    changes = []
    held = set(own.get_column("metric").to_list())
    for m in [m for m in TREND_METRICS if m in held] + sorted(held - set(TREND_METRICS)):
        pts = sorted(own.filter(pl.col("metric") == m).select("year", "value").rows())
        (y0, v0), (y1, v1) = pts[0], pts[-1]
        changes.append(
            ctx.t(
                f"{voc.metric_label(m, 'zh')} {y0} 年 {fmt_num(v0)}，{y1} 年 {fmt_num(v1)}（{fmt_change(v1 - v0)}）",
                f"{voc.metric_label(m, 'en')}: {fmt_num(v0)} in {y0}, {fmt_num(v1)} in {y1} ({fmt_change(v1 - v0)})",
            )
        )
    show(
        sentence(
            ctx.t(
                f"库中有本机关 {first}–{last} 年的 {len(years)} 份报告。" + "；".join(changes) + "。",
                f"The store holds {len(years)} reports of this agency, {first}–{last}. "
                + "; ".join(changes)
                + ".",
            )
        )
    )
    show(chart(df, ctx))
    if df.filter(pl.col("metric") == "peers").height:
        show(
            sentence(
                ctx.t(
                    "灰色虚线为同城其他机关主动公开数的中位数。",
                    "Dashed grey: the peers' median of proactive items.",
                )
            )
        )


def _drawable(ctx: Context, df: pl.DataFrame, key: str, zero_zh: str, zero_en: str) -> pl.DataFrame | None:
    """The frame's stated figures, or None after saying there are none (or that all are 0)."""
    df = df.filter(pl.col("value").is_not_null())
    if df.height == 0:
        say_no_data(ctx, SECTION_WORDS[key].what)
        return None
    if all_zero(ctx, df.get_column("value").to_list(), zero_zh, zero_en):
        return None
    return df


def categories(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
    """What was disclosed proactively, by the report's own top-level categories."""
    show(numbered(ctx, SECTION_WORDS["categories"].heading))
    got = _drawable(ctx, df, "categories", "主动公开类别", "categories of proactive disclosure")
    if got is None:
        return
    show(
        sentence(
            ctx.t(
                "按报告所列类别统计的主动公开信息条数（括号内的子项计入其所属类别，不单列）。",
                "Items disclosed proactively per category as the report names them (bracketed sub-items "
                "count within their category and are not listed beside it).",
            )
        )
    )
    show(chart(got, ctx))
    figures(ctx, shape.category_rows(got, ctx), ctx.t("类别", "Category"), W.ITEMS(ctx.lang))


def channels(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
    """Where items were published: website, gazette, WeChat, Weibo, bulletin boards, other."""
    show(numbered(ctx, SECTION_WORDS["channels"].heading))
    got = _drawable(ctx, df, "channels", "公开渠道", "publication channels")
    if got is None:
        return
    show(
        sentence(
            ctx.t(
                "各渠道发布的主动公开信息数（政府网站、政府公报、政务微信、政务微博、公开栏及其他）。",
                "Items published per channel (website, gazette, WeChat, Weibo, bulletin boards, other).",
            )
        )
    )
    show(chart(got, ctx))
    figures(ctx, shape.channel_rows(got, ctx), ctx.t("渠道", "Channel"), W.ITEMS(ctx.lang))


def _pct(part: float, whole: float | None) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


def applications(ctx: Context, df: pl.DataFrame, intake_chart: Chart, outcome_chart: Chart) -> None:
    """Requests for information: intake by channel and applicant type, every outcome with its subtotal,
    the denial rates, carried over/forward."""
    words = SECTION_WORDS["applications"]
    show(numbered(ctx, words.heading))
    df = df.filter(pl.col("value").is_not_null())
    if df.height == 0:
        say_no_data(ctx, words.what)
        return
    rows = [r for r in df.to_dicts() if r["measure"] != "outcome_reason"]
    totals = {str(r["measure"]): r["value"] for r in rows if shape.is_total(r.get("dim"))}
    intake = shape.intake_rows(df, ctx)
    label_title, value_title = ctx.t("来源", "Source"), W.APPLICATIONS(ctx.lang)
    if intake and not all_zero(ctx, [r["value"] for r in intake], "申请来源", "where applications came from"):
        show(
            sentence(
                ctx.t(
                    "新收申请按提交渠道和申请人类型的分布。",
                    "New applications by how they were filed and by who filed them.",
                )
            )
        )
        show(intake_chart(df, ctx))
        figures(ctx, intake, label_title, value_title)
    outcomes, whole = shape.outcome_rows(ctx, df)
    if outcomes and not all_zero(ctx, [r["value"] for r in outcomes], "办理结果", "application outcomes"):
        share = {r["code"]: r["value"] for r in outcomes}
        show(
            sentence(
                ctx.t(
                    f"本年申请的办理结果，每项为其小计（含各项理由）。答复总计 {fmt_num(whole)} 件，"
                    f"其中不予公开占 {_pct(share.get('denied', 0.0), whole)}，"
                    f"无法提供占 {_pct(share.get('unavailable', 0.0), whole)}，"
                    f"不予处理占 {_pct(share.get('not_processed', 0.0), whole)}。",
                    f"How the year's applications were answered, each outcome as its subtotal (all its "
                    f"reasons). Of {fmt_num(whole)} replies, {_pct(share.get('denied', 0.0), whole)} were denied, "
                    f"{_pct(share.get('unavailable', 0.0), whole)} could not be provided and "
                    f"{_pct(share.get('not_processed', 0.0), whole)} were not processed.",
                )
            )
        )
        show(outcome_chart(df, ctx))
        reason_rows = [
            {"label": r["label"], "value": r["value"], "line": r.get("line"), "quote": r.get("quote")}
            for r in outcomes
        ]
        for r in df.filter(pl.col("measure") == "outcome_reason").to_dicts():
            reason_rows.append(
                {
                    "label": f"　└ {r['label_zh']}",
                    "value": r["value"],
                    "line": r.get("line"),
                    "quote": r.get("quote"),
                }
            )
        figures(ctx, reason_rows, ctx.t("办理结果", "Outcome"), value_title)
    carry = [(m, totals[m]) for m in shape.CARRY if m in totals]
    if "outcome" in totals:
        carry.append(("outcome", totals["outcome"]))
    if carry:
        show(
            sentence(
                ctx.t(
                    "收到、上年结转、办结与结转下年度的申请总数。",
                    "Totals: received, carried over from last year, answered, carried forward.",
                )
            )
        )
        show(
            table(
                [ctx.t("项目", "Measure"), ctx.t("件数", "Count")],
                [(shape.measure_label(ctx, m), v) for m, v in carry],
                numeric=[False, True],
            )
        )
    if not (intake or outcomes or carry):
        say_no_data(ctx, words.what)


def review(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
    """Administrative review and litigation about disclosure, by route and outcome."""
    words = SECTION_WORDS["review"]
    show(numbered(ctx, words.heading))
    df = df.filter(pl.col("value").is_not_null())
    if df.height == 0:
        say_no_data(ctx, words.what)
        return
    rows = df.to_dicts()
    parts = [r for r in rows if not shape.is_total(r.get("outcome"))]
    totals = [r for r in rows if shape.is_total(r.get("outcome"))]
    if not parts or not any(float(r["value"]) for r in parts):
        total = sum(float(r["value"]) for r in totals if shape.is_total(r.get("route")))
        show(
            sentence(
                ctx.t(
                    f"本年因政府信息公开被申请行政复议、提起行政诉讼共 {fmt_num(total)} 件，未列分结果。",
                    f"{fmt_num(total)} reviews and suits about disclosure this year; "
                    "no breakdown by outcome.",
                )
            )
        )
        show(
            table(
                [ctx.t("类别", "Kind"), ctx.t("件数", "Cases"), W.LINE(ctx.lang), W.QUOTE(ctx.lang)],
                [
                    (shape.kind_label(ctx, r), r["value"], ctx.where(r.get("line")), r.get("quote"))
                    for r in totals
                ],
                numeric=[False, True, True, False],
            )
        )
        return
    show(
        sentence(
            ctx.t(
                "行政复议与行政诉讼（直接起诉、复议后起诉）按结果分列：维持、纠正、其他、尚未审结。",
                "Reviews and suits (direct, after review) by outcome: upheld, corrected, other, pending.",
            )
        )
    )
    show(chart(df, ctx))
    data = shape.review_rows(df, ctx)
    figures(
        ctx,
        [{**r, "label": f"{r['label']} · {r['outcome']}"} for r in data],
        ctx.t("类别", "Kind"),
        W.CASES(ctx.lang),
    )


def complaints(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
    """Complaints, hotline cases and inquiries handled, by canonical source (the report's own label in
    the tooltip); a stated total is said in a sentence, never drawn beside its parts."""
    show(numbered(ctx, SECTION_WORDS["complaints"].heading))
    got = _drawable(ctx, df, "complaints", "投诉办理与咨询", "complaints and inquiries")
    if got is None:
        return
    rows, totals = shape.complaint_rows(got, ctx)
    fam_label = shape.complaint_families(got, ctx)
    lead = ctx.t(
        "按来源统计的投诉举报、热线交办件和咨询接待数量；来源按统一名称归并，报告原文标签见提示框与下表。",
        "Complaints, hotline cases and inquiries by source, under common names; the report's own labels "
        "are in the tooltip and the table below.",
    )
    if totals:
        lead += ctx.t(
            "报告另列合计："
            + "；".join(f"{fam_label[f]} {fmt_num(r['value'])}（第{r['line']}行）" for f, r in totals)
            + "。",
            " The report also states totals: "
            + "; ".join(f"{fam_label[f]} {fmt_num(r['value'])} (line {r['line']})" for f, r in totals)
            + ".",
        )
    show(sentence(lead))
    show(chart(got, ctx))
    figures(
        ctx,
        [{**r, "label": f"{r['label']} ← {r['printed']}"} for r in rows],
        ctx.t("来源", "Source"),
        ctx.t("件（人次）", "Cases"),
    )


def plain(key: str, lead: Words) -> Callable[[Context, pl.DataFrame, Chart], None]:
    """The body of a plain charted section (a new section's start): heading, the no-data or all-zero
    line, the `lead` sentence, the chart, the figure table. Its frame has label_zh, label_en, value,
    line and quote columns (`shape.labelled_rows`)."""

    def body(ctx: Context, df: pl.DataFrame, chart: Chart) -> None:
        words = SECTION_WORDS[key]
        show(numbered(ctx, words.heading))
        got = _drawable(ctx, df, key, words.what.zh, words.what.en)
        if got is None:
            return
        show(sentence(lead(ctx.lang)))
        show(chart(got, ctx))
        figures(ctx, shape.labelled_rows(got, ctx), W.ITEM(ctx.lang), W.VALUE(ctx.lang))

    return body
