"""The sections of the agency brief, one function each, so the notebook stays a list of calls.

Each section displays a heading, one sentence saying what it shows, then a chart or table; a section
without data displays one line saying so instead of an empty chart.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from IPython.display import display

from ogi import vocabulary as voc
from ogi.render import charts, theme
from ogi.render.context import Context, brief_context
from ogi.render.fragments import cards, fmt_change, fmt_num, heading, no_data, sentence, table

__all__ = ["brief_context", "sections"]


def _show(*items: Any) -> None:
    for item in items:
        display(item)


def _no_data(ctx: Context, what_zh: str, what_en: str) -> None:
    _show(no_data(ctx.t(f"本年度报告中没有{what_zh}的数据。", f"The report has no figures on {what_en}.")))


def _all_zero(ctx: Context, values: list[Any], what_zh: str, what_en: str) -> bool:
    """True (and says so in one line) when every figure is 0: a chart of zeros shows nothing."""
    if any(float(v or 0) for v in values):
        return False
    _show(no_data(ctx.t(f"报告所列{what_zh}均为 0。", f"Every figure the report gives for {what_en} is 0.")))
    return True


def title(ctx: Context) -> None:
    """Brief title: agency, year, region."""
    zh = f"{ctx.agency} {ctx.year} 年政府信息公开工作简报"
    en = f"{ctx.agency}: open government information brief, {ctx.year}"
    sub = " · ".join(
        x
        for x in (
            ctx.region,
            ctx.t(
                "数据来源：政府信息公开工作年度报告", "Source: annual report on open government information"
            ),
        )
        if x
    )
    _show(heading(ctx.t(zh, en), 1, sub))


def headline_rows(ctx: Context) -> list[dict[str, Any]]:
    """Headline metrics of the year (store view) plus the number of findings."""
    rows = ctx.view("headline", ctx.agency_key, ctx.year).to_dicts()
    n_findings = ctx.view("findings", ctx.agency_key, ctx.year).height
    if not any(r.get("metric") == "findings.count" for r in rows):
        rows.append(
            {
                "metric": "findings.count",
                "label_zh": "数据质量问题",
                "label_en": "Data-quality findings",
                "value": n_findings,
                "previous": None,
                "change": None,
            }
        )
    return rows


def headline(ctx: Context) -> None:
    """Headline figures as cards with last year's value and the change."""
    _show(heading(ctx.t("一、主要数字", "1. Headline figures")))
    rows = headline_rows(ctx)
    if all(r.get("value") is None for r in rows if r["metric"] != "findings.count") and len(rows) <= 1:
        _no_data(ctx, "主要数字", "the headline figures")
        return
    _show(
        sentence(
            ctx.t(
                f"{ctx.year} 年的主动公开总数、申请、复议诉讼、投诉办理和数据质量问题数，括号内为与上一年相比的变化。",
                f"Proactive disclosure, applications, reviews and suits, complaints and findings in {ctx.year}, "
                "with the change on the year before.",
            )
        )
    )
    items = []
    for r in rows:
        note = ""
        if r.get("previous") is not None:
            note = ctx.t(
                f"上年 {fmt_num(r['previous'])}，{fmt_change(r.get('change'))}",
                f"previous {fmt_num(r['previous'])}, {fmt_change(r.get('change'))}",
            )
        items.append((ctx.label(r, "metric"), r.get("value"), note))
    _show(cards(items))


def headline_text(ctx: Context) -> str:
    """The headline figures as plain lines (metric, value, previous, change) for checks and consoles."""
    lines = [f"{ctx.agency_key}\t{ctx.year}"]
    for r in headline_rows(ctx):
        lines.append(
            f"{r['metric']}\t{fmt_num(r.get('value'))}\t{fmt_num(r.get('previous'))}\t"
            f"{fmt_change(r.get('change'))}"
        )
    return "\n".join(lines)


def volume(ctx: Context) -> None:
    """Proactive disclosure over the years the store holds, against the median of same-city peers."""
    _show(heading(ctx.t("二、主动公开数量", "2. Proactive disclosure over time")))
    own = ctx.view("volumes", ctx.agency_key).drop_nulls("proactive_total").sort("year")
    peers = ctx.view("peer_median", ctx.agency_key, ctx.year)
    if own.height == 0:
        _no_data(ctx, "主动公开数量", "proactive disclosure volume")
        return
    n_peers = int(peers.get_column("peers").max() or 0) if peers.height else 0  # type: ignore[arg-type]
    _show(
        sentence(
            ctx.t(
                f"蓝线为本机关各年主动公开政府信息数，灰色虚线为库中同城同年其他机关（最多 {n_peers} 家）的中位数。",
                f"Blue: items this agency disclosed proactively each year; dashed grey: the median of other agencies "
                f"in the same city and year (up to {n_peers}).",
            )
        )
    )
    _show(
        charts.volume_lines(
            own,
            peers,
            title=ctx.t("主动公开政府信息数", "Proactively disclosed items"),
            own_label=ctx.t("本机关", "This agency"),
            peer_label=ctx.t("同城中位数", "Peer median"),
            year_title=ctx.t("年度", "Year"),
            value_title=voc.metric_label("proactive.total", ctx.lang),
            peers_title=ctx.t("同城机关数", "Peers"),
        )
    )


def categories(ctx: Context) -> None:
    """What was disclosed proactively, by the report's own categories."""
    _show(heading(ctx.t("三、主动公开类别", "3. Categories disclosed")))
    df = ctx.view("category_mix", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "主动公开类别", "categories of proactive disclosure")
        return
    if _all_zero(ctx, df.get_column("value").to_list(), "主动公开类别", "categories of proactive disclosure"):
        return
    _show(
        sentence(
            ctx.t(
                "按报告所列类别统计的主动公开信息条数，颜色在所有简报中对同一类别保持一致。",
                "Items disclosed proactively per category as the report names them; a category "
                "has the same colour in every brief.",
            )
        )
    )
    df = df.with_columns(pl.col("category").cast(pl.Utf8), (pl.col("share") * 100).round(1).alias("pct"))
    _show(
        charts.bar(
            df,
            label="category",
            value="value",
            title=voc.metric_label("proactive.category", ctx.lang),
            value_title=ctx.t("条数", "Items"),
            label_title=ctx.t("类别", "Category"),
            tooltip=[
                ("category", ctx.t("类别", "Category")),
                ("value", ctx.t("条数", "Items")),
                ("pct", ctx.t("占比（%）", "Share (%)")),
            ],
        )
    )


def channels(ctx: Context) -> None:
    """Where items were published: website, gazette, WeChat, Weibo, bulletin boards, other."""
    _show(heading(ctx.t("四、公开渠道", "4. Channels")))
    df = ctx.view("channel_mix", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "公开渠道", "publication channels")
        return
    if _all_zero(ctx, df.get_column("value").to_list(), "公开渠道", "publication channels"):
        return
    _show(
        sentence(
            ctx.t(
                "各渠道发布的主动公开信息数（政府网站、政府公报、政务微信、政务微博、公开栏及其他）。",
                "Items published per channel (website, gazette, WeChat, Weibo, bulletin boards, other).",
            )
        )
    )
    rows = df.to_dicts()
    labelled = pl.DataFrame(
        {"channel": [ctx.label(r, "channel") for r in rows], "value": [r["value"] for r in rows]},
        schema={"channel": pl.Utf8, "value": pl.Float64},
    )
    colours = {
        ctx.label(r, "channel"): theme.code_colour(str(r["channel"]), theme.CHANNEL_COLOURS) for r in rows
    }
    _show(
        charts.bar(
            labelled,
            label="channel",
            value="value",
            colours=colours,
            title=voc.metric_label("proactive.channel", ctx.lang),
            value_title=ctx.t("条数", "Items"),
            label_title=ctx.t("渠道", "Channel"),
        )
    )


_INTAKE = ("channel", "received")


def _is_total(code: object) -> bool:
    """Views mark a measure's total with dim/outcome 'total' (or leave it empty); routes use 'all'."""
    return code in (None, "", "total", "all")


_CARRY = ("received", "carried_over", "carried_forward", "completed")


def _measure_label(ctx: Context, measure: str) -> str:
    return voc.metric_label(measure if "." in measure else f"applications.{measure}", ctx.lang)


def applications(ctx: Context) -> None:
    """Requests for information: intake by channel and applicant type, outcomes, carried over/forward."""
    _show(heading(ctx.t("五、依申请公开", "5. Applications")))
    df = ctx.view("applications", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "依申请公开", "applications")
        return
    rows = [r for r in df.to_dicts() if r["measure"] != "outcome_reason"]
    dims = [r for r in rows if not _is_total(r.get("dim"))]
    totals = {str(r["measure"]): r["value"] for r in rows if _is_total(r.get("dim"))}
    intake = [r for r in dims if r["measure"] in _INTAKE]
    outcomes = [r for r in dims if r["measure"] == "outcome"]
    if intake and not _all_zero(
        ctx, [r["value"] for r in intake], "申请来源", "where applications came from"
    ):
        _show(
            sentence(
                ctx.t(
                    "新收申请按提交渠道和申请人类型的分布。",
                    "New applications by how they were filed and by who filed them.",
                )
            )
        )
        kinds = {"channel": ctx.t("按渠道", "By channel"), "received": ctx.t("按申请人", "By applicant")}
        data = pl.DataFrame(
            {
                "label": [ctx.label(r, "dim") for r in intake],
                "value": [float(r["value"]) for r in intake],
                "kind": [kinds.get(str(r["measure"]), str(r["measure"])) for r in intake],
            },
        )
        _show(
            charts.bar(
                data,
                label="label",
                value="value",
                colour="kind",
                colour_title="",
                colours={kinds["channel"]: "#4e79a7", kinds["received"]: "#f28e2b"},
                title=ctx.t("申请来源", "Where applications came from"),
                value_title=ctx.t("件数", "Applications"),
                label_title="",
            )
        )
    if outcomes and not _all_zero(ctx, [r["value"] for r in outcomes], "办理结果", "application outcomes"):
        _show(
            sentence(
                ctx.t(
                    "本年申请的办理结果（予以公开、部分公开、不予公开等）。",
                    "How the year's applications were answered (granted, partly granted, denied, …).",
                )
            )
        )
        merged: dict[str, list[Any]] = {}
        for r in outcomes:
            label = ctx.label(r, "dim")
            merged.setdefault(label, [str(r["dim"]), 0.0])
            merged[label][1] += float(r["value"])
        data = pl.DataFrame({"outcome": list(merged), "value": [v[1] for v in merged.values()]})
        colours = {k: theme.code_colour(v[0], theme.OUTCOME_COLOURS) for k, v in merged.items()}
        _show(
            charts.bar(
                data,
                label="outcome",
                value="value",
                colours=colours,
                title=voc.metric_label("applications.outcome", ctx.lang),
                value_title=ctx.t("件数", "Applications"),
                label_title="",
            )
        )
    carry = [(m, totals[m]) for m in _CARRY if m in totals]
    if "outcome" in totals:
        carry.append(("outcome", totals["outcome"]))
    if carry:
        _show(
            sentence(
                ctx.t(
                    "收到、上年结转、办结与结转下年度的申请总数。",
                    "Totals: received, carried over from last year, answered, carried forward.",
                )
            )
        )
        _show(
            table(
                [ctx.t("项目", "Measure"), ctx.t("件数", "Count")],
                [(_measure_label(ctx, m), v) for m, v in carry],
                numeric=[False, True],
            )
        )
    if not (intake or outcomes or carry):
        _no_data(ctx, "依申请公开", "applications")


def review(ctx: Context) -> None:
    """Administrative review and litigation about disclosure, by route and outcome."""
    _show(heading(ctx.t("六、行政复议和行政诉讼", "6. Administrative review and litigation")))
    df = ctx.view("review_litigation", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "行政复议和行政诉讼", "administrative review or litigation")
        return
    rows = df.to_dicts()
    parts = [r for r in rows if not _is_total(r.get("outcome"))]
    totals = [r for r in rows if _is_total(r.get("outcome"))]
    if not parts or not any(float(r["value"]) for r in parts):
        total = sum(float(r["value"]) for r in totals if _is_total(r.get("route")))
        _show(
            sentence(
                ctx.t(
                    f"本年因政府信息公开被申请行政复议、提起行政诉讼共 {fmt_num(total)} 件，未列分结果。",
                    f"{fmt_num(total)} reviews and suits about disclosure this year; "
                    "no breakdown by outcome.",
                )
            )
        )
        _show(
            table(
                [ctx.t("类别", "Kind"), ctx.t("件数", "Cases")],
                [(_kind_label(ctx, r), r["value"]) for r in totals],
                numeric=[False, True],
            )
        )
        return
    _show(
        sentence(
            ctx.t(
                "行政复议与行政诉讼（直接起诉、复议后起诉）按结果分列：维持、纠正、其他、尚未审结。",
                "Reviews and suits (direct, after review) by outcome: upheld, corrected, other, pending.",
            )
        )
    )
    data = pl.DataFrame(
        {
            "kind": [_kind_label(ctx, r) for r in parts],
            "outcome": [voc.dim_label("outcome", str(r["outcome"]), ctx.lang) for r in parts],
            "value": [float(r["value"]) for r in parts],
        }
    )
    colours = {
        voc.dim_label("outcome", str(r["outcome"]), ctx.lang): theme.code_colour(
            str(r["outcome"]), theme.OUTCOME_COLOURS
        )
        for r in parts
    }
    _show(
        charts.bar(
            data,
            label="kind",
            value="value",
            colour="outcome",
            colours=colours,
            colour_title=ctx.t("结果", "Outcome"),
            title=ctx.t("复议与诉讼结果", "Outcomes"),
            value_title=ctx.t("件数", "Cases"),
            label_title="",
            sort=False,
        )
    )


def _kind_label(ctx: Context, row: dict[str, Any]) -> str:
    kind = voc.metric_label(
        f"{row['kind']}.count" if "." not in str(row["kind"]) else str(row["kind"]), ctx.lang
    )
    if not _is_total(row.get("route")):
        return (
            f"{kind}（{voc.dim_label('route', str(row['route']), ctx.lang)}）"
            if ctx.lang == "zh"
            else f"{kind} ({voc.dim_label('route', str(row['route']), ctx.lang)})"
        )
    return kind


def complaints(ctx: Context) -> None:
    """Complaints, hotline cases and inquiries handled, by the source the report names."""
    _show(heading(ctx.t("七、投诉办理与咨询", "7. Complaints and inquiries")))
    df = ctx.view("complaints", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "投诉办理与咨询", "complaints or inquiries")
        return
    if _all_zero(ctx, df.get_column("value").to_list(), "投诉办理与咨询", "complaints and inquiries"):
        return
    _show(
        sentence(
            ctx.t(
                "按来源统计的投诉举报、热线交办件和咨询接待数量。",
                "Complaints, hotline cases and inquiries handled, by source.",
            )
        )
    )
    rows = df.to_dicts()
    fam = {
        r["family"]: voc.metric_label(
            f"{r['family']}.count" if "." not in str(r["family"]) else str(r["family"]), ctx.lang
        )
        for r in rows
    }
    data = pl.DataFrame(
        {
            "source": [fam[r["family"]] if _is_total(r["source"]) else str(r["source"]) for r in rows],
            "family": [fam[r["family"]] for r in rows],
            "value": [float(r["value"]) for r in rows],
        }
    )
    colours = {
        label: c
        for label, c in zip(
            sorted(set(fam.values())), ("#4e79a7", "#f28e2b", "#59a14f", "#e15759"), strict=False
        )
    }
    _show(
        charts.bar(
            data,
            label="source",
            value="value",
            colour="family",
            colours=colours,
            colour_title="",
            title=ctx.t("投诉办理与咨询", "Complaints and inquiries"),
            value_title=ctx.t("件（人次）", "Cases"),
            label_title="",
        )
    )


def findings(ctx: Context) -> None:
    """Data-quality findings of the checks, each with the quoted source line."""
    _show(heading(ctx.t("八、数据质量问题", "8. Data-quality findings")))
    df = ctx.view("findings", ctx.agency_key, ctx.year)
    if df.height == 0:
        _show(no_data(ctx.t("检查未发现数据质量问题。", "The checks found no data-quality problems.")))
        return
    _show(
        sentence(
            ctx.t(
                f"检查发现 {df.height} 个问题；每条附报告原文所在行。",
                f"The checks found {df.height} problem(s); each quotes the report line it is about.",
            )
        )
    )
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(
        df.to_dicts(),
        key=lambda r: (order.get(str(r.get("severity")), 3), str(r.get("rule")), r.get("line") or 0),
    )
    msg = "message_zh" if ctx.lang == "zh" else "message_en"
    _show(
        table(
            [
                ctx.t("级别", "Severity"),
                ctx.t("规则", "Rule"),
                ctx.t("说明", "Message"),
                ctx.t("行", "Line"),
                ctx.t("原文", "Quote"),
            ],
            [
                (
                    r.get("severity"),
                    r.get("rule"),
                    r.get(msg) or r.get("message_zh"),
                    r.get("line"),
                    r.get("quote"),
                )
                for r in rows
            ],
            numeric=[False, False, False, True, False],
            css="ogi-table ogi-findings",
        )
    )


def about(ctx: Context) -> None:
    """Where the brief comes from: source file, template, and the inputs it was generated with."""
    from ogi import __version__ as version

    _show(heading(ctx.t("关于本简报", "About this brief")))
    reps = ctx.view("reports", ctx.agency_key)
    if reps.height and "year" in reps.columns:
        reps = reps.filter(pl.col("year") == ctx.year)
    sources = sorted({_shown_path(str(r.get("source") or "")) for r in reps.to_dicts()} - {""})
    templates = sorted({str(r.get("template") or "") for r in reps.to_dicts()} - {""})
    rows = [
        (ctx.t("机关", "Agency"), ctx.agency),
        (ctx.t("年度", "Year"), ctx.year),
        (ctx.t("源文件", "Source file"), "、".join(sources) or "—"),
        (ctx.t("报告模板", "Report template"), "、".join(templates) or "—"),
        (
            ctx.t("生成参数", "Generated with"),
            f"agency={ctx.agency_key} year={ctx.year} lang={ctx.lang} store={ctx.store_path.name} ogi={version}",
        ),
    ]
    _show(
        sentence(
            ctx.t(
                "本简报由 ogi 从政府信息公开工作年度报告自动生成，图中数字均可追溯到报告原文。",
                "Generated by ogi from the annual report; every figure traces back to a line of it.",
            )
        )
    )
    _show(table([ctx.t("项目", "Item"), ctx.t("内容", "Value")], rows))


def _shown_path(source: str) -> str:
    """A source path without this machine's prefix: relative to the checkout when inside it."""
    from pathlib import Path

    from ogi.render.params import repo_root

    try:
        return Path(source).resolve().relative_to(repo_root()).as_posix() if source else ""
    except ValueError:
        return source


def sections(ctx: Context) -> None:
    """Every section in order (for scripts; the notebook calls them one per cell)."""
    for fn in (
        title,
        headline,
        volume,
        categories,
        channels,
        applications,
        review,
        complaints,
        findings,
        about,
    ):
        fn(ctx)
