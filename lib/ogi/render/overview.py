"""Sections of the corpus overview notebook: the whole store at a glance.

Every chart is aggregated in Polars before it reaches Altair, so any store size renders: up to
`MAX_AGENCY_ROWS` agencies a grid has one row per agency (keyed by the agency key, so printed variants
of one name are one row, the variants in the tooltip); beyond, one row per administrative level. Years
run continuously over the store's span; coverage counts from each agency's first report.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import altair as alt
import polars as pl
from IPython.display import display

from ogi import vocabulary as voc
from ogi.evaluation import level_of
from ogi.render import charts, theme
from ogi.render.context import Context, open_context
from ogi.render.fragments import heading, no_data, sentence

__all__ = ["open_context"]

MAX_AGENCY_ROWS = 60  # a grid with more agencies than this shows administrative levels instead
MAX_MISSING_LISTED = 200  # agencies listed by name under the coverage chart
HELD, MISSING = "#4e79a7", "#f2c4c4"


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


def _num(v: Any) -> float:
    return float(v or 0)


def store_years(ctx: Context) -> list[int]:
    """Every year from the store's first report to its last (gaps included)."""
    reps = ctx.view("reports")
    ys = [int(y) for y in reps.get_column("year").drop_nulls().to_list()] if reps.height else []
    return list(range(min(ys), max(ys) + 1)) if ys else []


def agency_rows(ctx: Context) -> pl.DataFrame:
    """One row per agency key: the name shown (its latest printed name; the key appended when two
    agencies print the same name), every printed variant, its level and its first and last year."""
    reps = ctx.view("reports")
    if not reps.height:
        return pl.DataFrame(
            schema={
                "agency_key": pl.String,
                "name": pl.String,
                "names": pl.String,
                "level": pl.String,
                "first_year": pl.Int64,
                "last_year": pl.Int64,
            }
        )
    agency = pl.coalesce(pl.col("agency").cast(pl.Utf8), pl.col("agency_key"))
    df = (
        reps.drop_nulls("year")
        .sort("agency_key", "year", "source")
        .group_by("agency_key", maintain_order=True)
        .agg(
            agency.last().alias("name"),
            agency.unique().sort().str.join("、").alias("names"),
            pl.col("year").min().alias("first_year"),
            pl.col("year").max().alias("last_year"),
        )
    )
    clash = pl.col("name").count().over("name") > 1
    return df.with_columns(
        pl.when(clash).then(pl.format("{}（{}）", "name", "agency_key")).otherwise("name").alias("name"),
        pl.col("name")
        .map_elements(lambda n: level_of(n, ctx.lang) or ctx.t("其他", "Other"), return_dtype=pl.Utf8)
        .alias("level"),
    ).select("agency_key", "name", "names", "level", "first_year", "last_year")


def _year_x(years: list[int], title: str) -> alt.X:
    return alt.X("year:O", title=title, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0))


def _grid(
    df: pl.DataFrame,
    *,
    y: str,
    years: list[int],
    colour: Any,
    tooltip: list[Any],
    title: str,
    x_title: str,
    y_title: str,
    rows: list[str],
) -> charts.ChartOutput:
    """Cells of rows × every year of the store, in the given row order."""
    chart = (
        alt.Chart(df, title=title)
        .mark_rect(stroke="#ffffff")
        .encode(
            x=_year_x(years, x_title),
            y=alt.Y(f"{y}:N", title=y_title, sort=rows),
            color=colour,
            tooltip=tooltip,
        )
        .properties(width=max(160, 40 * len(years)), height=max(60, 20 * len(rows)))
    )
    return charts.ChartOutput(chart, title)


def reports_by_year(ctx: Context) -> None:
    display(heading(ctx.t("报告数量：年度与模板", "Reports by year and template")))
    reps = ctx.view("reports")
    if reps.height == 0 or "year" not in reps.columns:
        display(no_data(ctx.t("库中没有报告。", "The store holds no reports.")))
        return
    tpl = pl.col("template").cast(pl.Utf8) if "template" in reps.columns else pl.lit("?")
    data = (
        reps.drop_nulls("year")
        .with_columns(tpl.fill_null("?").alias("code"))
        .group_by(["year", "code"])
        .len("reports")
        .sort(["year", "code"])
    )
    codes = sorted(str(t) for t in data.get_column("code").unique().to_list())
    names = {c: voc.template_label(c, ctx.lang) for c in codes}
    by_code = theme.assign_colours(codes, theme.TEMPLATE_COLOURS)
    data = data.with_columns(pl.col("code").replace_strict(names, return_dtype=pl.Utf8).alias("template"))
    display(
        sentence(
            ctx.t(
                "每年入库报告数，按报告所用模板着色；横轴列出库中每一年，没有报告的年份留空。",
                "Reports held per year, coloured by the template they follow; every year of the store "
                "is on the axis, a year without reports left empty.",
            )
        )
    )
    years, value_title = store_years(ctx), ctx.t("份", "Reports")
    top = data.group_by("year").agg(pl.col("reports").sum())["reports"].max()
    chart = (
        alt.Chart(data, title=ctx.t("报告数量", "Reports"))
        .mark_bar()
        .encode(
            x=_year_x(years, ctx.t("年度", "Year")),
            y=alt.Y("reports:Q", title=value_title, stack=True, axis=charts.count_axis(_num(top))),
            color=alt.Color(
                "template:N",
                title=ctx.t("模板", "Template"),
                scale=alt.Scale(domain=[names[c] for c in codes], range=[by_code[c] for c in codes]),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                alt.Tooltip("template:N", title=ctx.t("模板", "Template")),
                alt.Tooltip("reports:Q", title=value_title, format=","),
            ],
        )
        .properties(width=max(200, 36 * len(years)), height=240)
    )
    display(charts.ChartOutput(chart, ctx.t("报告数量", "Reports")))


def volumes(ctx: Context) -> None:
    display(heading(ctx.t("主动公开数量：各机关各年", "Proactive disclosure across agencies")))
    vol = ctx.view("volumes").drop_nulls("proactive_total")
    if vol.height == 0:
        display(no_data(ctx.t("库中没有主动公开数量。", "No proactive-disclosure figures in the store.")))
        return
    ag = agency_rows(ctx)
    years = store_years(ctx)
    data = vol.select("agency_key", "year", pl.col("proactive_total").cast(pl.Float64)).join(
        ag, on="agency_key", how="left"
    )
    value_title = ctx.t("条数", "Items")
    scale = alt.Scale(type="symlog", scheme="blues")  # a few large agencies must not wash out the rest
    if ag.height <= MAX_AGENCY_ROWS:
        display(
            sentence(
                ctx.t(
                    "每格为一个机关一年的主动公开政府信息数；颜色按对数刻度，数量相差悬殊的机关也能分辨。",
                    "Each cell is one agency's proactively disclosed items in one year, on a log colour "
                    "scale so agencies of very different size stay distinguishable.",
                )
            )
        )
        rows = ag.filter(pl.col("agency_key").is_in(data["agency_key"].unique().to_list())).sort("name")
        display(
            _grid(
                data,
                y="name",
                years=years,
                colour=alt.Color("proactive_total:Q", title=value_title, scale=scale),
                tooltip=[
                    alt.Tooltip("name:N", title=ctx.t("机关", "Agency")),
                    alt.Tooltip("names:N", title=ctx.t("报告所印名称", "Names as printed")),
                    alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                    alt.Tooltip("proactive_total:Q", title=value_title, format=","),
                ],
                title=voc.metric_label("proactive.total", ctx.lang),
                x_title=ctx.t("年度", "Year"),
                y_title=ctx.t("机关", "Agency"),
                rows=rows["name"].to_list(),
            )
        )
        return
    levels = (
        data.group_by("level", "year")
        .agg(
            pl.col("proactive_total").median().alias("median"),
            pl.len().alias("agencies"),
            pl.col("proactive_total").sum().alias("total"),
        )
        .sort("level", "year")
    )
    display(
        sentence(
            ctx.t(
                f"库中有 {ag.height:,} 个机关，按层级汇总：每格为该层级该年各机关主动公开数的中位数"
                "（提示框含机关数与合计），颜色按对数刻度。",
                f"The store holds {ag.height:,} agencies, so they are summarised by level: each cell is the "
                "median of that level's agencies in that year (the tooltip gives the number of agencies and "
                "the sum), on a log colour scale.",
            )
        )
    )
    display(
        _grid(
            levels,
            y="level",
            years=years,
            colour=alt.Color("median:Q", title=ctx.t("中位数", "Median"), scale=scale),
            tooltip=[
                alt.Tooltip("level:N", title=ctx.t("层级", "Level")),
                alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                alt.Tooltip("median:Q", title=ctx.t("中位数", "Median"), format=",.0f"),
                alt.Tooltip("agencies:Q", title=ctx.t("机关数", "Agencies"), format=","),
                alt.Tooltip("total:Q", title=ctx.t("合计", "Sum"), format=","),
            ],
            title=voc.metric_label("proactive.total", ctx.lang),
            x_title=ctx.t("年度", "Year"),
            y_title=ctx.t("层级", "Level"),
            rows=sorted(levels["level"].unique().to_list()),
        )
    )


def _channel_totals(ctx: Context) -> pl.DataFrame:
    """Items per channel per year over every agency's canonical report (one figure per report and
    channel: a table cell before a prose figure)."""
    from ogi.store.shared import canonical

    store: Any = ctx.store
    canon = canonical(store.reports).select("report_id", "year")
    return (
        store.facts.filter(
            pl.col("metric") == "proactive.channel",
            pl.col("scope") == "year",
            pl.col("dim_channel").is_not_null(),
        )
        .join(canon, on="report_id", how="semi")
        .sort("report_id", pl.col("origin") != "table", "seq")
        .unique(["report_id", "dim_channel"], keep="first", maintain_order=True)
        .group_by(pl.col("year"), pl.col("dim_channel").alias("code"))
        .agg(pl.col("value").sum())
        .sort("year", "code")
        .collect()
    )


def channels(ctx: Context) -> None:
    ag_view = ctx.view("agencies")
    if ag_view.height > MAX_AGENCY_ROWS and hasattr(ctx.store, "facts"):
        display(heading(ctx.t("公开渠道：各年合计", "Channel mix per year, all agencies")))
        totals = _channel_totals(ctx)
        if not totals.height:
            display(no_data(ctx.t("库中没有渠道数据。", "No channel figures in the store.")))
            return
        totals = totals.with_columns(
            pl.col("code")
            .map_elements(lambda c: voc.dim_label("channel", c, ctx.lang), return_dtype=pl.Utf8)
            .alias("channel")
        )
        codes = sorted(totals["code"].unique().to_list())
        colours = {
            voc.dim_label("channel", c, ctx.lang): theme.code_colour(c, theme.CHANNEL_COLOURS) for c in codes
        }
        display(
            sentence(
                ctx.t(
                    f"库中有 {ag_view.height:,} 个机关，按年汇总：每年各渠道发布的主动公开信息数之和。",
                    f"The store holds {ag_view.height:,} agencies, so channels are summed per year.",
                )
            )
        )
        years = store_years(ctx)
        top = totals.group_by("year").agg(pl.col("value").sum())["value"].max()
        chart = (
            alt.Chart(totals.drop("code"), title=ctx.t("公开渠道", "Channels"))
            .mark_bar()
            .encode(
                x=_year_x(years, ctx.t("年度", "Year")),
                y=alt.Y("value:Q", title=ctx.t("条数", "Items"), axis=charts.count_axis(_num(top))),
                color=alt.Color(
                    "channel:N",
                    title=ctx.t("渠道", "Channel"),
                    scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                ),
                tooltip=[
                    alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                    alt.Tooltip("channel:N", title=ctx.t("渠道", "Channel")),
                    alt.Tooltip("value:Q", title=ctx.t("条数", "Items"), format=","),
                ],
            )
            .properties(width=max(200, 36 * len(years)), height=240)
        )
        display(charts.ChartOutput(chart, ctx.t("公开渠道", "Channels")))
        return
    display(heading(ctx.t("公开渠道：各机关最近一年", "Channel mix per agency, latest year")))
    names = dict(agency_rows(ctx).select("agency_key", "name").iter_rows())
    rows = []
    for ag in ag_view.sort("agency_key").to_dicts():
        if ag.get("latest_year") is None:
            continue
        for r in ctx.view("channel_mix", ag["agency_key"], ag["latest_year"]).to_dicts():
            if r.get("value") is not None:
                rows.append(
                    {
                        "agency": f"{names.get(ag['agency_key'], ag['agency'])} {ag['latest_year']}",
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


def findings_split(ctx: Context) -> pl.DataFrame:
    """Findings counted by rule, severity and whether the report's text is whole or an excerpt
    (`truncated`): an excerpt lacks sections because it was cut, not because the agency left them out."""
    fnd = ctx.view("findings")
    reps = ctx.view("reports")
    cut = (
        reps.select("report_id", pl.col("truncated").fill_null(False))
        if {"report_id", "truncated"} <= set(reps.columns)
        else pl.DataFrame(schema={"report_id": pl.String, "truncated": pl.Boolean})
    )
    if "report_id" not in fnd.columns:
        fnd = fnd.with_columns(pl.lit(None, dtype=pl.String).alias("report_id"))
    if not fnd.height:
        return pl.DataFrame(
            schema={"rule": pl.String, "severity": pl.String, "excerpt": pl.Boolean, "findings": pl.UInt32}
        )
    return (
        fnd.join(cut, on="report_id", how="left")
        .with_columns(
            pl.col("severity").cast(pl.Utf8).fill_null("?"),
            pl.col("rule").cast(pl.Utf8),
            pl.col("truncated").fill_null(False).alias("excerpt"),
        )
        .group_by(["rule", "severity", "excerpt"])
        .len("findings")
        .sort(["rule", "severity", "excerpt"])
    )


def findings_by_rule(ctx: Context) -> None:
    display(heading(ctx.t("数据质量问题：按规则", "Findings by rule")))
    data = findings_split(ctx)
    if data.height == 0:
        display(no_data(ctx.t("检查未发现数据质量问题。", "The checks found no data-quality problems.")))
        return
    total = int(data["findings"].sum())
    from_excerpts = int(data.filter(pl.col("excerpt"))["findings"].sum())
    display(
        sentence(
            ctx.t(
                f"全库共 {total:,} 个问题，按检查规则和级别统计；其中 {from_excerpts:,} 个出自不完整的文本"
                "（节选，报告被截断），单独列出：缺少的章节多半是被截掉的。",
                f"{total:,} findings in the store, by rule and severity; {from_excerpts:,} of them come from "
                "excerpts (truncated texts) and are counted apart: their missing sections were mostly cut off.",
            )
        )
    )
    whole, part = ctx.t("完整报告", "Whole reports"), ctx.t("节选（文本不完整）", "Excerpts (truncated)")
    data = data.with_columns(
        pl.col("rule").map_elements(lambda r: voc.rule_label(r, ctx.lang), return_dtype=pl.Utf8),
        pl.col("severity").map_elements(lambda c: voc.severity_label(c, ctx.lang), return_dtype=pl.Utf8),
        pl.when(pl.col("excerpt")).then(pl.lit(part)).otherwise(pl.lit(whole)).alias("text"),
    ).drop("excerpt")
    sev = {voc.severity_label(c, ctx.lang): v for c, v in theme.SEVERITY_COLOURS.items()}
    order = (
        data.group_by("rule")
        .agg(pl.col("findings").sum())
        .sort(["findings", "rule"], descending=[True, False])
    )["rule"].to_list()
    top = data.group_by("rule", "text").agg(pl.col("findings").sum())["findings"].max()
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("rule:N", title="", sort=order),
            x=alt.X("findings:Q", title=ctx.t("个", "Findings"), axis=charts.count_axis(_num(top))),
            color=alt.Color(
                "severity:N",
                title=ctx.t("级别", "Severity"),
                scale=alt.Scale(domain=list(sev), range=list(sev.values())),
            ),
            tooltip=[
                alt.Tooltip("rule:N", title=ctx.t("规则", "Rule")),
                alt.Tooltip("severity:N", title=ctx.t("级别", "Severity")),
                alt.Tooltip("text:N", title=ctx.t("文本", "Text")),
                alt.Tooltip("findings:Q", title=ctx.t("个", "Findings"), format=","),
            ],
        )
        .properties(width=260, height=max(60, 20 * len(order)))
        .facet(column=alt.Column("text:N", title="", sort=[whole, part]))
        .properties(title=ctx.t("问题数", "Findings"))
    )
    display(charts.ChartOutput(chart, ctx.t("问题数", "Findings")))


def coverage_frame(ctx: Context) -> pl.DataFrame:
    """agency_key, year, present, and `expected`: the year lies between the agency's first report and
    the store's last year (coverage counts from there, never from the store's first year)."""
    cov = ctx.view("coverage")
    if not cov.height:
        return cov.with_columns(pl.lit(False).alias("expected"))
    first = cov.filter(pl.col("present")).group_by("agency_key").agg(pl.col("year").min().alias("first_year"))
    return (
        cov.join(first, on="agency_key", how="left")
        .with_columns((pl.col("year") >= pl.col("first_year")).fill_null(False).alias("expected"))
        .drop("first_year")
    )


def coverage(ctx: Context) -> None:
    display(heading(ctx.t("覆盖情况", "Coverage")))
    cov = coverage_frame(ctx)
    if cov.height == 0:
        display(no_data(ctx.t("库中没有报告。", "The store holds no reports.")))
        return
    years = store_years(ctx)
    ag = agency_rows(ctx)
    cov = cov.filter(pl.col("expected")).join(ag, on="agency_key", how="left")
    missing = cov.filter(~pl.col("present")).sort(["agency_key", "year"])
    yes, no = ctx.t("有", "held"), ctx.t("缺", "missing")
    if ag.height <= MAX_AGENCY_ROWS:
        display(
            sentence(
                ctx.t(
                    f"深色格表示库中有该机关该年的报告，浅红格表示缺少；每个机关从其第一份报告的年度算起，"
                    f"共缺 {missing.height:,} 份。",
                    f"A dark cell means the store holds that agency's report for that year, a light red one "
                    f"that it is missing, counted from each agency's first report: {missing.height:,} missing.",
                )
            )
        )
        data = cov.with_columns(
            pl.when(pl.col("present")).then(pl.lit(yes)).otherwise(pl.lit(no)).alias("held")
        ).select("name", "names", "year", "held")
        display(
            _grid(
                data,
                y="name",
                years=years,
                colour=alt.Color(
                    "held:N",
                    title=ctx.t("报告", "Report"),
                    scale=alt.Scale(domain=[yes, no], range=[HELD, MISSING]),
                ),
                tooltip=[
                    alt.Tooltip("name:N", title=ctx.t("机关", "Agency")),
                    alt.Tooltip("names:N", title=ctx.t("报告所印名称", "Names as printed")),
                    alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                    alt.Tooltip("held:N", title=ctx.t("报告", "Report")),
                ],
                title=ctx.t("覆盖", "Coverage"),
                x_title=ctx.t("年度", "Year"),
                y_title=ctx.t("机关", "Agency"),
                rows=ag.sort("name")["name"].to_list(),
            )
        )
    else:
        shares = (
            cov.group_by("level", "year")
            .agg(pl.col("present").sum().alias("held"), pl.len().alias("expected"))
            .with_columns((pl.col("held") / pl.col("expected")).alias("share"))
            .sort("level", "year")
        )
        display(
            sentence(
                ctx.t(
                    f"库中有 {ag.height:,} 个机关，按层级汇总：每格为该层级中已开始报告的机关里该年有报告的比例；"
                    f"从各机关第一份报告的年度算起，共缺 {missing.height:,} 份。",
                    f"The store holds {ag.height:,} agencies, summarised by level: each cell is the share of "
                    f"the level's agencies (from their first report on) whose report for that year is held; "
                    f"{missing.height:,} missing in all.",
                )
            )
        )
        display(
            _grid(
                shares,
                y="level",
                years=years,
                colour=alt.Color(
                    "share:Q",
                    title=ctx.t("有报告比例", "Share held"),
                    scale=alt.Scale(domain=[0, 1], scheme="blues"),
                ),
                tooltip=[
                    alt.Tooltip("level:N", title=ctx.t("层级", "Level")),
                    alt.Tooltip("year:O", title=ctx.t("年度", "Year")),
                    alt.Tooltip("share:Q", title=ctx.t("有报告比例", "Share held"), format=".0%"),
                    alt.Tooltip("held:Q", title=ctx.t("有报告", "Held"), format=","),
                    alt.Tooltip("expected:Q", title=ctx.t("应有", "Expected"), format=","),
                ],
                title=ctx.t("覆盖", "Coverage"),
                x_title=ctx.t("年度", "Year"),
                y_title=ctx.t("层级", "Level"),
                rows=sorted(shares["level"].unique().to_list()),
            )
        )
    if missing.height:
        from ogi.render.fragments import figure_table

        by_agency: dict[str, list[str]] = {}
        for name, year in missing.select("name", "year").iter_rows():
            by_agency.setdefault(str(name), []).append(str(year))
        listed = sorted(by_agency.items())[:MAX_MISSING_LISTED]
        more = len(by_agency) - len(listed)
        display(
            figure_table(
                ctx.t(
                    f"缺少的报告（{missing.height:,} 份，点开查看）"
                    + (f"；只列前 {len(listed)} 个机关，全部见工作簿" if more else ""),
                    f"Missing reports ({missing.height:,}, open to list)"
                    + (f"; the first {len(listed)} agencies only, all in the workbook" if more else ""),
                ),
                [ctx.t("机关", "Agency"), ctx.t("缺少年度", "Missing years")],
                [(a, "、".join(ys)) for a, ys in listed],
            )
        )
