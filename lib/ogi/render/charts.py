"""The brief's charts, one function per section: a view's frame (as the section's view returns it, or
filtered, re-aggregated in the notebook cell) → an Altair chart in the house theme, titles and tooltips
in the brief's language, line and quote in every tooltip.

Each takes `(df, report)`; a notebook cell may pass any function of that shape instead (one returning
a plain `alt.Chart` works too). The marks they are built from live in `ogi.render.marks`.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ogi import vocabulary as voc
from ogi.render import shape, theme
from ogi.render import words as W
from ogi.render.context import Context
from ogi.render.marks import (
    CHART_MIME,
    LAB_MIME,
    ChartOutput,
    bar,
    column_chart,
    count_axis,
    heatmap,
    reset_ids,
    spec_json_for_html,
    trend_lines,
)
from ogi.render.shape import rows_frame, tips

__all__ = [
    "CHART_MIME",
    "LAB_MIME",
    "ChartOutput",
    "applications",
    "bar",
    "bars",
    "categories",
    "channels",
    "column_chart",
    "complaints",
    "count_axis",
    "heatmap",
    "intake",
    "reset_ids",
    "review",
    "spec_json_for_html",
    "trend",
    "trend_lines",
]


def bars(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Any frame with label_zh, label_en, value, line, quote as bars, one colour (a new section's start)."""
    rows = shape.labelled_rows(df, ctx)
    value_title = W.VALUE(ctx.lang)
    return bar(
        rows_frame(rows, ctx=ctx),
        label="label",
        value="value",
        one_colour=theme.MEASURE_COLOUR,
        title="",
        value_title=value_title,
        tooltip=tips(ctx, W.ITEM(ctx.lang), value_title),
    )


def categories(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Items per top-level category (category_mix), share in the tooltip; one measure, one colour."""
    rows = shape.category_rows(df, ctx)
    label_title, value_title = ctx.t("类别", "Category"), W.ITEMS(ctx.lang)
    fields = tips(ctx, label_title, value_title)
    return bar(
        rows_frame(rows, ("pct",), ctx=ctx),
        label="label",
        value="value",
        one_colour=theme.MEASURE_COLOUR,
        title=voc.metric_label("proactive.category", ctx.lang),
        value_title=value_title,
        label_title=label_title,
        tooltip=[*fields[:2], ("pct", ctx.t("占比（%）", "Share (%)")), *fields[2:]],
    )


def channels(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Items per publication channel (channel_mix); one measure, one colour."""
    rows = shape.channel_rows(df, ctx)
    label_title, value_title = ctx.t("渠道", "Channel"), W.ITEMS(ctx.lang)
    return bar(
        rows_frame(rows, ctx=ctx),
        label="label",
        value="value",
        one_colour=theme.MEASURE_COLOUR,
        title=voc.metric_label("proactive.channel", ctx.lang),
        value_title=value_title,
        label_title=label_title,
        tooltip=tips(ctx, label_title, value_title),
    )


def intake(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """New applications (applications) by channel and by applicant type, one colour per grouping."""
    data = shape.intake_rows(df, ctx)
    kinds = shape.intake_kinds(ctx)
    label_title, value_title = ctx.t("来源", "Source"), W.APPLICATIONS(ctx.lang)
    return bar(
        rows_frame(data, ("kind",), ctx=ctx),
        label="label",
        value="value",
        colour="kind",
        colour_title="",
        colours={kinds["channel"]: "#4e79a7", kinds["received"]: "#f28e2b"},
        title=ctx.t("申请来源", "Where applications came from"),
        value_title=value_title,
        label_title="",
        tooltip=[("kind", ctx.t("分类", "By")), *tips(ctx, label_title, value_title)],
    )


def applications(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Every outcome of the year's applications as its subtotal (applications); reasons in the tooltip."""
    outcomes, _ = shape.outcome_rows(ctx, df)
    label_title, value_title = ctx.t("办理结果", "Outcome"), W.APPLICATIONS(ctx.lang)
    fields = tips(ctx, label_title, value_title)
    return bar(
        rows_frame(outcomes, ("within",), ctx=ctx),
        label="label",
        value="value",
        one_colour=theme.MEASURE_COLOUR,
        title=voc.metric_label("applications.outcome", ctx.lang),
        value_title=value_title,
        label_title="",
        sort=False,
        tooltip=[*fields[:2], ("within", ctx.t("其中", "Within")), *fields[2:]],
    )


def review(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Reviews and suits (review_litigation) by route, stacked by outcome."""
    data = shape.review_rows(df, ctx)
    by_code = theme.assign_colours([r["code"] for r in data], theme.OUTCOME_COLOURS)
    label_title, value_title = ctx.t("类别", "Kind"), W.CASES(ctx.lang)
    fields = tips(ctx, label_title, value_title)
    return bar(
        rows_frame(data, ("outcome",), ctx=ctx),
        label="label",
        value="value",
        colour="outcome",
        colours={r["outcome"]: by_code[r["code"]] for r in data},
        colour_title=ctx.t("结果", "Outcome"),
        title=ctx.t("复议与诉讼结果", "Outcomes"),
        value_title=value_title,
        label_title="",
        sort=False,
        tooltip=[*fields[:1], ("outcome", ctx.t("结果", "Outcome")), *fields[1:]],
    )


def complaints(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Complaints, hotline cases and inquiries (complaints) per canonical source, one colour per family."""
    rows, _ = shape.complaint_rows(df, ctx)
    fam_codes = {v: k for k, v in shape.complaint_families(df, ctx).items()}
    colours = {r["family"]: theme.FAMILY_COLOURS.get(fam_codes[r["family"]], "#4e79a7") for r in rows}
    label_title, value_title = ctx.t("来源", "Source"), ctx.t("件（人次）", "Cases")
    return bar(
        rows_frame(rows, ("family", "printed"), ctx=ctx),
        label="label",
        value="value",
        colour="family",
        colours=colours,
        colour_title="",
        title=ctx.t("投诉办理与咨询", "Complaints and inquiries"),
        value_title=value_title,
        label_title="",
        tooltip=tips(ctx, label_title, value_title, printed=True),
    )


def trend(df: pl.DataFrame, ctx: Context) -> ChartOutput:
    """Headline figures by year (trend: year, metric, value, line, quote; the peers' median as metric
    'peers', dashed grey), one small chart per figure, gaps where a year has no report."""
    metrics = [str(m) for m in df.get_column("metric").unique(maintain_order=True).to_list()]
    shown = [m for m in metrics if m != "peers"]
    colours_by_code = theme.assign_colours(shown)
    colours = {voc.metric_label(m, ctx.lang): colours_by_code[m] for m in shown}
    dashed: list[str] = []
    labels = {m: voc.metric_label(m, ctx.lang) for m in shown}
    if "peers" in metrics:
        top: Any = df.get_column("peers").max()
        n_peers = int(top or 0)
        peer_label = ctx.t(
            f"同城其他机关中位数（{n_peers} 家）", f"Median of {W.count(n_peers, 'peer')} in the city"
        )
        colours[peer_label] = theme.SERIES_COLOURS["peers"]
        dashed.append(peer_label)
        labels["peers"] = peer_label
    data = df.select(
        pl.col("year").cast(pl.Int64),
        pl.col("metric").replace_strict(labels, return_dtype=pl.Utf8).alias("series"),
        pl.col("value").cast(pl.Float64),
        *(pl.col(c) for c in ("line", "quote") if c in df.columns),
    )
    return trend_lines(
        data,
        title=ctx.t("历年主要数字", "Headline figures by year"),
        year_title=ctx.t("年度", "Year"),
        value_title=ctx.t("数量", "Count"),
        colours=colours,
        dashed=dashed,
        tooltip=[
            ("series", ctx.t("项目", "Figure")),
            ("year", ctx.t("年度", "Year")),
            ("value", ctx.t("数量", "Count")),
            *(
                (c, W.LINE(ctx.lang) if c == "line" else W.QUOTE(ctx.lang))
                for c in ("line", "quote")
                if c in df.columns
            ),
        ],
    )
