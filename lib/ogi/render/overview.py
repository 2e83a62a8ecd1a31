"""Sections of the corpus overview notebook: the whole store at a glance."""

from __future__ import annotations

from collections import Counter

import polars as pl
from IPython.display import display

from ogi import vocabulary as voc
from ogi.render import charts, theme
from ogi.render.context import Context, open_context
from ogi.render.fragments import heading, no_data, sentence

__all__ = ["open_context"]


def subtitle(ctx: Context) -> str:
    """Store, span of years, and counts of reports, agencies and findings, in the page's language."""
    reps = ctx.view("reports")
    years = sorted(int(y) for y in reps.get_column("year").drop_nulls().to_list()) if reps.height else []
    span = f"{years[0]}–{years[-1]}" if years else "—"
    n_ag, n_fnd = ctx.view("agencies").height, ctx.view("findings").height
    return ctx.t(
        f"库 {ctx.store_path.name} · {span} 年 · {reps.height} 份报告 · {n_ag} 个机关 · {n_fnd} 个数据质量问题",
        f"Store {ctx.store_path.name} · {span} · {reps.height} reports · {n_ag} agencies · {n_fnd} findings",
    )


def title(ctx: Context) -> None:
    from ogi.render.export import CSS
    from ogi.render.fragments import HTML, esc, style

    display(style(CSS))
    display(
        HTML(
            f'<nav class="ogi-nav"><a href="index.html">{esc(ctx.t("← 简报目录", "← All briefs"))}</a></nav>',
            "",
        )
    )
    display(heading(ctx.t("政府信息公开年度报告库概览", "Corpus overview"), 1, subtitle(ctx)))


def summary_text(ctx: Context) -> str:
    """Counts of reports, agencies, years, templates and findings, one per line."""
    reps = ctx.view("reports")
    ags = ctx.view("agencies")
    fnd = ctx.view("findings")
    years = sorted(int(y) for y in reps.get_column("year").drop_nulls().to_list()) if reps.height else []
    lines = [
        f"reports\t{reps.height}",
        f"agencies\t{ags.height}",
        f"years\t{years[0]}-{years[-1]}" if years else "years\t-",
        f"findings\t{fnd.height}",
    ]
    if "template" in reps.columns:
        for tpl, n in sorted(Counter(str(t) for t in reps.get_column("template").to_list()).items()):
            lines.append(f"template {tpl}\t{n}")
    return "\n".join(lines)


def reports_by_year(ctx: Context) -> None:
    display(heading(ctx.t("报告数量：年度与模板", "Reports by year and template")))
    reps = ctx.view("reports")
    if reps.height == 0 or "year" not in reps.columns:
        display(no_data(ctx.t("库中没有报告。", "The store holds no reports.")))
        return
    tpl = pl.col("template").cast(pl.Utf8) if "template" in reps.columns else pl.lit("?")
    data = (
        reps.drop_nulls("year")
        .with_columns(tpl.fill_null("?").alias("template"))
        .group_by(["year", "template"])
        .len("reports")
        .sort(["year", "template"])
    )
    display(
        sentence(
            ctx.t(
                "每年入库报告数，按报告所用模板着色。",
                "Reports held per year, coloured by the template they follow.",
            )
        )
    )
    codes = sorted(str(t) for t in data.get_column("template").unique().to_list())
    display(
        charts.column_chart(
            data,
            x="year",
            value="reports",
            colour="template",
            title=ctx.t("报告数量", "Reports"),
            x_title=ctx.t("年度", "Year"),
            value_title=ctx.t("份", "Reports"),
            colour_title=ctx.t("模板", "Template"),
            colours=theme.assign_colours(codes, theme.TEMPLATE_COLOURS),
        )
    )


def volumes(ctx: Context) -> None:
    display(heading(ctx.t("主动公开数量：各机关各年", "Proactive disclosure across agencies")))
    vol = ctx.view("volumes").drop_nulls("proactive_total")
    if vol.height == 0:
        display(no_data(ctx.t("库中没有主动公开数量。", "No proactive-disclosure figures in the store.")))
        return
    display(
        sentence(
            ctx.t(
                "每格为一个机关一年的主动公开政府信息数，颜色越深数量越多。",
                "Each cell is one agency's proactively disclosed items in one year; darker is more.",
            )
        )
    )
    data = vol.select(
        pl.coalesce(pl.col("agency").cast(pl.Utf8), pl.col("agency_key")).alias("agency"),
        pl.col("year"),
        pl.col("proactive_total").cast(pl.Float64),
    )
    display(
        charts.heatmap(
            data,
            x="year",
            y="agency",
            value="proactive_total",
            title=voc.metric_label("proactive.total", ctx.lang),
            x_title=ctx.t("年度", "Year"),
            y_title=ctx.t("机关", "Agency"),
            value_title=ctx.t("条数", "Items"),
        )
    )


def channels(ctx: Context) -> None:
    display(heading(ctx.t("公开渠道：各机关最近一年", "Channel mix per agency, latest year")))
    rows = []
    for ag in ctx.view("agencies").sort("agency_key").to_dicts():
        if ag.get("latest_year") is None:
            continue
        for r in ctx.view("channel_mix", ag["agency_key"], ag["latest_year"]).to_dicts():
            if r.get("value") is not None:
                rows.append(
                    {
                        "agency": f"{ag['agency']} {ag['latest_year']}",
                        "channel": ctx.label(r, "channel"),
                        "code": str(r["channel"]),
                        "value": float(r["value"]),
                    }
                )
    if not rows:
        display(no_data(ctx.t("库中没有渠道数据。", "No channel figures in the store.")))
        return
    display(
        sentence(
            ctx.t(
                "各机关最近一年各渠道发布的主动公开信息数；同一渠道在所有图中颜色相同。",
                "Items per channel in each agency's latest year; a channel has one colour everywhere.",
            )
        )
    )
    colours = {str(r["channel"]): theme.code_colour(str(r["code"]), theme.CHANNEL_COLOURS) for r in rows}
    data = pl.DataFrame(rows).drop("code")
    display(
        charts.bar(
            data,
            label="agency",
            value="value",
            colour="channel",
            colours=colours,
            colour_title=ctx.t("渠道", "Channel"),
            title=ctx.t("公开渠道", "Channels"),
            value_title=ctx.t("条数", "Items"),
            label_title="",
            sort=False,
        )
    )


def findings_by_rule(ctx: Context) -> None:
    display(heading(ctx.t("数据质量问题：按规则", "Findings by rule")))
    fnd = ctx.view("findings")
    if fnd.height == 0:
        display(no_data(ctx.t("检查未发现数据质量问题。", "The checks found no data-quality problems.")))
        return
    data = (
        fnd.with_columns(pl.col("severity").cast(pl.Utf8).fill_null("?"), pl.col("rule").cast(pl.Utf8))
        .group_by(["rule", "severity"])
        .len("findings")
        .sort(["rule", "severity"])
    )
    display(
        sentence(
            ctx.t(
                f"全库共 {fnd.height} 个问题，按检查规则和级别统计。",
                f"{fnd.height} findings in the store, by rule and severity.",
            )
        )
    )
    data = data.with_columns(
        pl.col("rule").map_elements(lambda r: voc.rule_label(r, ctx.lang), return_dtype=pl.Utf8),
        pl.col("severity").map_elements(lambda c: voc.severity_label(c, ctx.lang), return_dtype=pl.Utf8),
    )
    display(
        charts.bar(
            data,
            label="rule",
            value="findings",
            colour="severity",
            colours={voc.severity_label(c, ctx.lang): v for c, v in theme.SEVERITY_COLOURS.items()},
            colour_title=ctx.t("级别", "Severity"),
            title=ctx.t("问题数", "Findings"),
            value_title=ctx.t("个", "Findings"),
            label_title="",
        )
    )


def coverage(ctx: Context) -> None:
    display(heading(ctx.t("覆盖情况", "Coverage")))
    cov = ctx.view("coverage")
    if cov.height == 0:
        display(no_data(ctx.t("库中没有报告。", "The store holds no reports.")))
        return
    yes, no = ctx.t("有", "held"), ctx.t("无", "missing")
    held_years = set(cov.filter(pl.col("present")).get_column("year").to_list())
    cov = cov.filter(pl.col("year").is_in(sorted(held_years)))  # only the years the store holds any report of
    data = cov.select(
        pl.coalesce(pl.col("agency").cast(pl.Utf8), pl.col("agency_key")).alias("agency"),
        pl.col("year"),
        pl.when(pl.col("present")).then(pl.lit(yes)).otherwise(pl.lit(no)).alias("present"),
    )
    missing = cov.filter(~pl.col("present"), pl.col("year").is_in(sorted(held_years))).sort(
        ["agency_key", "year"]
    )
    display(
        sentence(
            ctx.t(
                f"深色格表示库中有该机关该年的报告；共缺 {missing.height} 份。",
                f"A dark cell means the store holds that agency's report for that year; "
                f"{missing.height} missing.",
            )
        )
    )
    display(
        charts.heatmap(
            data,
            x="year",
            y="agency",
            value="present",
            title=ctx.t("覆盖", "Coverage"),
            x_title=ctx.t("年度", "Year"),
            y_title=ctx.t("机关", "Agency"),
            value_title=ctx.t("有报告", "Held"),
            categories={yes: "#4e79a7", no: "#f2f2f2"},
        )
    )
    if missing.height:
        from ogi.render.fragments import figure_table

        by_agency: dict[str, list[str]] = {}
        for r in missing.to_dicts():
            by_agency.setdefault(str(r["agency"] or r["agency_key"]), []).append(str(r["year"]))
        display(
            figure_table(
                ctx.t(
                    f"缺少的报告（{missing.height} 份，点开查看）",
                    f"Missing reports ({missing.height}, open to list)",
                ),
                [ctx.t("机关", "Agency"), ctx.t("缺少年度", "Missing years")],
                [(a, "、".join(ys)) for a, ys in sorted(by_agency.items())],
            )
        )
