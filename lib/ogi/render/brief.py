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
from ogi.render.fragments import (
    HTML,
    cards,
    esc,
    figure_table,
    fmt_change,
    fmt_num,
    heading,
    no_data,
    sentence,
    style,
    table,
)
from ogi.render.review import COPY_SCRIPT, copy_cells

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


_ZH_NUM = "一二三四五六七八九十"


def _section(ctx: Context, zh: str, en: str) -> Any:
    """A numbered section heading; numbers follow the sections shown (a skipped one leaves no gap)."""
    ctx.section += 1
    n = ctx.section
    zh_n = _ZH_NUM[n - 1] if n <= 10 else "十" + _ZH_NUM[n - 11]
    return heading(ctx.t(f"{zh_n}、{zh}", f"{n}. {en}"))


def _tips(ctx: Context, label_title: str, value_title: str, printed: bool = False) -> list[tuple[str, str]]:
    """Tooltip fields in the brief's language: the shown label, the value, the report's line and quote."""
    tips = [("label", label_title or ctx.t("项目", "Item")), ("value", value_title)]
    if printed:
        tips.append(("printed", ctx.t("报告原文标签", "Label in the report")))
    return [*tips, ("line", ctx.t("行", "Line")), ("quote", ctx.t("原文", "Quote"))]


def _figures(ctx: Context, rows: list[dict[str, Any]], label_title: str, value_title: str) -> None:
    """The folded table under a chart: its figures with line and quote, and a copy-to-corrections button."""
    copy = copy_cells(ctx, rows)
    _show(
        figure_table(
            ctx.t("图表数据（含原文行号与引文）", "Figures of this chart, with line and quote"),
            [
                label_title or ctx.t("项目", "Item"),
                value_title,
                ctx.t("行", "Line"),
                ctx.t("原文", "Quote"),
                ctx.t("更正", "Correct"),
            ],
            [
                (r["label"], r["value"], r.get("line") or None, r.get("quote") or "", c)
                for r, c in zip(rows, copy, strict=True)
            ],
            numeric=[False, True, True, False, False],
            raw=[False, False, False, False, True],
            script=COPY_SCRIPT,
        )
    )


def _frame(rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> pl.DataFrame:
    """Chart data: label, value, line, quote (+ extra string columns)."""
    cols: dict[str, Any] = {
        "label": pl.Utf8,
        "value": pl.Float64,
        "line": pl.Int64,
        "quote": pl.Utf8,
        **{c: pl.Utf8 for c in extra},
    }
    return pl.DataFrame(
        [{c: (float(r[c]) if c == "value" else r.get(c)) for c in cols} for r in rows], schema=cols
    )


def title(ctx: Context) -> None:
    """Brief title: agency, year, region (and the brief's styles, so JupyterLab shows it as the HTML)."""
    from ogi.render.export import CSS

    ctx.section = 0
    _show(style(CSS))
    _show(
        HTML(
            '<nav class="ogi-nav"><a href="../index.html">'
            + esc(ctx.t("← 简报目录", "← All briefs"))
            + '</a> · <a href="../overview.html">'
            + esc(ctx.t("库概览", "Corpus overview"))
            + f'</a> · <a href="{esc(str(ctx.year))}.csv" download>'
            + esc(ctx.t("下载本报告全部数字（CSV）", "Download every figure of this report (CSV)"))
            + "</a></nav>",
            "",
        )
    )
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
    _show(_section(ctx, "主要数字", "Headline figures"))
    rows = headline_rows(ctx)
    if all(r.get("value") is None for r in rows if r["metric"] != "findings.count") and len(rows) <= 1:
        _no_data(ctx, "主要数字", "the headline figures")
        return
    has_before = any(r.get("previous") is not None for r in rows)
    earlier: Any = (
        ctx.view("previous_year", ctx.agency_key, ctx.year)
        if has_before and hasattr(ctx.views, "previous_year")
        else None
    )
    before = earlier if earlier is not None else (ctx.year - 1 if ctx.year else None)
    _show(
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
                    ", with last year's value and the change."
                    if has_before
                    else "; no report of the year before to compare with."
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


_TREND = ("proactive.total", "applications.received", "review.count", "litigation.count", "complaints.count")


def volume(ctx: Context) -> None:
    """The headline figures over the years the store holds for this agency; the peers' median of
    proactive disclosure when there are peers; one year: a sentence, no chart."""
    _show(_section(ctx, "历年变化", "Over the years"))
    years = [y for y in ctx.years if ctx.year is None or y <= ctx.year]
    if len(years) < 2:
        _show(
            no_data(
                ctx.t(
                    f"库中只有本机关 {ctx.year} 年一份报告，暂无历年变化可比。",
                    f"The store holds only the {ctx.year} report of this agency: no trend to draw yet.",
                )
            )
        )
        return
    series: list[dict[str, Any]] = []
    for y in years:
        for r in ctx.view("headline", ctx.agency_key, y).to_dicts():
            if r["metric"] in _TREND and r.get("value") is not None:
                series.append({"year": y, "metric": r["metric"], "value": float(r["value"])})
    shown = [m for m in _TREND if sum(1 for r in series if r["metric"] == m) >= 2]
    if not shown:
        _no_data(ctx, "两年以上可比的数字", "figures stated in two or more years")
        return
    peers = ctx.view("peer_median", ctx.agency_key, ctx.year)
    top: Any = peers.get_column("peers").max() if peers.height else 0
    n_peers = int(top or 0)
    rows = [r for r in series if r["metric"] in shown]
    first, last = years[0], years[-1]
    changes = []
    for m in shown:
        pts = sorted((r["year"], r["value"]) for r in rows if r["metric"] == m)
        (y0, v0), (y1, v1) = pts[0], pts[-1]
        changes.append(
            ctx.t(
                f"{voc.metric_label(m, 'zh')} {y0} 年 {fmt_num(v0)}，{y1} 年 {fmt_num(v1)}（{fmt_change(v1 - v0)}）",
                f"{voc.metric_label(m, 'en')}: {fmt_num(v0)} in {y0}, {fmt_num(v1)} in {y1} ({fmt_change(v1 - v0)})",
            )
        )
    _show(
        sentence(
            ctx.t(
                f"库中有本机关 {first}–{last} 年的 {len(years)} 份报告。" + "；".join(changes) + "。",
                f"The store holds {len(years)} reports of this agency, {first}–{last}. "
                + "; ".join(changes)
                + ".",
            )
        )
    )
    data = []
    for r in rows:
        label = voc.metric_label(r["metric"], ctx.lang)
        data.append({"year": r["year"], "series": label, "value": r["value"], "code": r["metric"]})
    colours_by_code = theme.assign_colours(list(shown))
    colours = {voc.metric_label(m, ctx.lang): colours_by_code[m] for m in shown}
    dashed: list[str] = []
    if n_peers and "proactive.total" in shown:
        peer_label = ctx.t(f"同城其他机关中位数（{n_peers} 家）", f"Median of {n_peers} peer(s) in the city")
        colours[peer_label] = theme.SERIES_COLOURS["peers"]
        dashed.append(peer_label)
        for p in peers.to_dicts():
            if p.get("median_proactive_total") is not None:
                data.append(
                    {
                        "year": p["year"],
                        "series": peer_label,
                        "value": p["median_proactive_total"],
                        "code": "peers",
                    }
                )
    df = pl.DataFrame(
        data, schema={"year": pl.Int64, "series": pl.Utf8, "value": pl.Float64, "code": pl.Utf8}
    )
    _show(
        charts.trend_lines(
            df.drop("code"),
            title=ctx.t("历年主要数字", "Headline figures by year"),
            year_title=ctx.t("年度", "Year"),
            value_title=ctx.t("数量", "Count"),
            colours=colours,
            dashed=dashed,
            tooltip=[
                ("series", ctx.t("项目", "Figure")),
                ("year", ctx.t("年度", "Year")),
                ("value", ctx.t("数量", "Count")),
            ],
        )
    )
    if dashed:
        _show(
            sentence(
                ctx.t(
                    "灰色虚线为同城其他机关主动公开数的中位数。",
                    "Dashed grey: the peers' median of proactive items.",
                )
            )
        )


def categories(ctx: Context) -> None:
    """What was disclosed proactively, by the report's own top-level categories."""
    _show(_section(ctx, "主动公开类别", "Categories disclosed"))
    df = ctx.view("category_mix", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "主动公开类别", "categories of proactive disclosure")
        return
    if _all_zero(ctx, df.get_column("value").to_list(), "主动公开类别", "categories of proactive disclosure"):
        return
    _show(
        sentence(
            ctx.t(
                "按报告所列类别统计的主动公开信息条数（括号内的子项计入其所属类别，不单列）。",
                "Items disclosed proactively per category as the report names them (bracketed sub-items "
                "count within their category and are not listed beside it).",
            )
        )
    )
    rows = [
        {
            "label": str(r["category"]),
            "value": r["value"],
            "line": r.get("line"),
            "quote": r.get("quote"),
            "pct": f"{(r.get('share') or 0) * 100:.1f}",
        }
        for r in df.to_dicts()
    ]
    label_title, value_title = ctx.t("类别", "Category"), ctx.t("条数", "Items")
    _show(
        charts.bar(
            _frame(rows, ("pct",)),
            label="label",
            value="value",
            colours=theme.assign_colours([r["label"] for r in rows]),
            title=voc.metric_label("proactive.category", ctx.lang),
            value_title=value_title,
            label_title=label_title,
            tooltip=[
                *_tips(ctx, label_title, value_title)[:2],
                ("pct", ctx.t("占比（%）", "Share (%)")),
                *_tips(ctx, label_title, value_title)[2:],
            ],
        )
    )
    _figures(ctx, rows, label_title, value_title)


def channels(ctx: Context) -> None:
    """Where items were published: website, gazette, WeChat, Weibo, bulletin boards, other."""
    _show(_section(ctx, "公开渠道", "Channels"))
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
    recs = df.to_dicts()
    by_code = theme.assign_colours([str(r["channel"]) for r in recs], theme.CHANNEL_COLOURS)
    rows = [
        {
            "label": ctx.label(r, "channel"),
            "value": r["value"],
            "line": r.get("line"),
            "quote": r.get("quote"),
            "code": str(r["channel"]),
        }
        for r in recs
    ]
    label_title, value_title = ctx.t("渠道", "Channel"), ctx.t("条数", "Items")
    _show(
        charts.bar(
            _frame(rows),
            label="label",
            value="value",
            colours={r["label"]: by_code[r["code"]] for r in rows},
            title=voc.metric_label("proactive.channel", ctx.lang),
            value_title=value_title,
            label_title=label_title,
            tooltip=_tips(ctx, label_title, value_title),
        )
    )
    _figures(ctx, rows, label_title, value_title)


_INTAKE = ("channel", "received")


def _is_total(code: object) -> bool:
    """Views mark a measure's total with dim/outcome 'total' (or leave it empty); routes use 'all'."""
    return code in (None, "", "total", "all")


_CARRY = ("received", "carried_over", "carried_forward", "completed")
OUTCOME_ORDER = ("granted", "partial", "already_public", "denied", "unavailable", "not_processed", "other")


def _measure_label(ctx: Context, measure: str) -> str:
    return voc.metric_label(measure if "." in measure else f"applications.{measure}", ctx.lang)


def _pct(part: float, whole: float | None) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


def outcome_rows(ctx: Context, df: pl.DataFrame) -> tuple[list[dict[str, Any]], float | None]:
    """One row per outcome (its subtotal; the reasons within it only in the tooltip and table), and the
    total of replies (总计, else the sum of the subtotals)."""
    recs = df.to_dicts()
    subtotal = {str(r["dim"]): r for r in recs if r["measure"] == "outcome"}
    reasons: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        if r["measure"] == "outcome_reason" and r.get("parent"):
            reasons.setdefault(str(r["parent"]), []).append(r)
    rows: list[dict[str, Any]] = []
    for code in [c for c in OUTCOME_ORDER if c in subtotal] + sorted(
        c for c in subtotal if c not in OUTCOME_ORDER and not _is_total(c)
    ):
        r = subtotal[code]
        within = "；".join(f"{x['label_zh']} {fmt_num(x['value'])}" for x in reasons.get(code, []))
        rows.append(
            {
                "label": ctx.label(r, "dim"),
                "code": code,
                "value": float(r["value"]),
                "line": r.get("line"),
                "quote": r.get("quote") or "",
                "within": within or "—",
            }
        )
    total = subtotal.get("total")
    whole = float(total["value"]) if total else (sum(r["value"] for r in rows) or None)
    return rows, whole


def applications(ctx: Context) -> None:
    """Requests for information: intake by channel and applicant type, every outcome with its subtotal,
    the denial rates, carried over/forward."""
    _show(_section(ctx, "依申请公开", "Applications"))
    df = ctx.view("applications", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "依申请公开", "applications")
        return
    rows = [r for r in df.to_dicts() if r["measure"] != "outcome_reason"]
    dims = [r for r in rows if not _is_total(r.get("dim"))]
    totals = {str(r["measure"]): r["value"] for r in rows if _is_total(r.get("dim"))}
    intake = [r for r in dims if r["measure"] in _INTAKE]
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
        data = [
            {
                "label": ctx.label(r, "dim"),
                "value": r["value"],
                "line": r.get("line"),
                "quote": r.get("quote"),
                "kind": kinds.get(str(r["measure"]), str(r["measure"])),
            }
            for r in intake
        ]
        label_title, value_title = ctx.t("来源", "Source"), ctx.t("件数", "Applications")
        _show(
            charts.bar(
                _frame(data, ("kind",)),
                label="label",
                value="value",
                colour="kind",
                colour_title="",
                colours={kinds["channel"]: "#4e79a7", kinds["received"]: "#f28e2b"},
                title=ctx.t("申请来源", "Where applications came from"),
                value_title=value_title,
                label_title="",
                tooltip=[("kind", ctx.t("分类", "By")), *_tips(ctx, label_title, value_title)],
            )
        )
        _figures(ctx, data, label_title, value_title)
    outcomes, whole = outcome_rows(ctx, df)
    if outcomes and not _all_zero(ctx, [r["value"] for r in outcomes], "办理结果", "application outcomes"):
        share = {r["code"]: r["value"] for r in outcomes}
        _show(
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
        by_code = theme.assign_colours([r["code"] for r in outcomes], theme.OUTCOME_COLOURS)
        label_title, value_title = ctx.t("办理结果", "Outcome"), ctx.t("件数", "Applications")
        _show(
            charts.bar(
                _frame(outcomes, ("within",)),
                label="label",
                value="value",
                colours={r["label"]: by_code[r["code"]] for r in outcomes},
                title=voc.metric_label("applications.outcome", ctx.lang),
                value_title=value_title,
                label_title="",
                sort=False,
                tooltip=[
                    *_tips(ctx, label_title, value_title)[:2],
                    ("within", ctx.t("其中", "Within")),
                    *_tips(ctx, label_title, value_title)[2:],
                ],
            )
        )
        reason_rows = [
            {
                "label": r["label"],
                "value": r["value"],
                "line": r.get("line"),
                "quote": r.get("quote"),
            }
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
        _figures(ctx, reason_rows, label_title, value_title)
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
    _show(_section(ctx, "行政复议和行政诉讼", "Administrative review and litigation"))
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
                [ctx.t("类别", "Kind"), ctx.t("件数", "Cases"), ctx.t("行", "Line"), ctx.t("原文", "Quote")],
                [(_kind_label(ctx, r), r["value"], r.get("line") or None, r.get("quote")) for r in totals],
                numeric=[False, True, True, False],
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
    data: list[dict[str, Any]] = [
        {
            "label": _kind_label(ctx, r),
            "outcome": voc.dim_label("outcome", str(r["outcome"]), ctx.lang),
            "code": str(r["outcome"]),
            "value": float(r["value"]),
            "line": r.get("line"),
            "quote": r.get("quote"),
        }
        for r in parts
    ]
    by_code = theme.assign_colours([r["code"] for r in data], theme.OUTCOME_COLOURS)
    label_title, value_title = ctx.t("类别", "Kind"), ctx.t("件数", "Cases")
    _show(
        charts.bar(
            _frame(data, ("outcome",)),
            label="label",
            value="value",
            colour="outcome",
            colours={r["outcome"]: by_code[r["code"]] for r in data},
            colour_title=ctx.t("结果", "Outcome"),
            title=ctx.t("复议与诉讼结果", "Outcomes"),
            value_title=value_title,
            label_title="",
            sort=False,
            tooltip=[
                *_tips(ctx, label_title, value_title)[:1],
                ("outcome", ctx.t("结果", "Outcome")),
                *_tips(ctx, label_title, value_title)[1:],
            ],
        )
    )
    _figures(ctx, [{**r, "label": f"{r['label']} · {r['outcome']}"} for r in data], label_title, value_title)


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
    """Complaints, hotline cases and inquiries handled, by canonical source (the report's own label in
    the tooltip); a stated total is said in a sentence, never drawn beside its parts."""
    _show(_section(ctx, "投诉办理与咨询", "Complaints and inquiries"))
    df = ctx.view("complaints", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "投诉办理与咨询", "complaints or inquiries")
        return
    if _all_zero(ctx, df.get_column("value").to_list(), "投诉办理与咨询", "complaints and inquiries"):
        return
    recs = [
        {
            **r,
            "code": r.get("code") or voc.source_code(str(r["source"])) if r["source"] != "total" else "total",
        }
        for r in df.to_dicts()
    ]
    fam_label = {
        f: voc.metric_label(f"{f}.count", ctx.lang) for f in sorted({str(r["family"]) for r in recs})
    }
    totals = []
    rows: list[dict[str, Any]] = []
    for fam in fam_label:
        mine = [r for r in recs if r["family"] == fam]
        parts = [r for r in mine if r["code"] != "total"]
        whole = [r for r in mine if r["code"] == "total"]
        if parts:
            totals += [(fam, r) for r in whole]
            merged: dict[str, dict[str, Any]] = {}
            for r in parts:
                key = str(r["code"])
                m = merged.setdefault(
                    key,
                    {
                        "code": key,
                        "family": fam_label[fam],
                        "value": 0.0,
                        "printed": [],
                        "line": r.get("line"),
                        "quote": [],
                        "label": voc.source_label(key, ctx.lang),
                    },
                )
                m["value"] += float(r["value"])
                m["printed"].append(str(r["source"]))
                m["quote"].append(str(r.get("quote") or ""))
            for m in merged.values():
                rows.append({**m, "printed": "；".join(m["printed"]), "quote": " / ".join(m["quote"])})
        else:
            for r in whole:
                rows.append(
                    {
                        "code": "total",
                        "family": fam_label[fam],
                        "value": float(r["value"]),
                        "printed": str(r["source"]),
                        "line": r.get("line"),
                        "quote": r.get("quote"),
                        "label": fam_label[fam],
                    }
                )
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
    _show(sentence(lead))
    if len(fam_label) > 1:
        for r in rows:
            r["label"] = (
                f"{r['label']}（{r['family']}）" if ctx.lang == "zh" else f"{r['label']} ({r['family']})"
            )
    fam_codes = {v: k for k, v in fam_label.items()}
    colours = {r["family"]: theme.FAMILY_COLOURS.get(fam_codes[r["family"]], "#4e79a7") for r in rows}
    label_title, value_title = ctx.t("来源", "Source"), ctx.t("件（人次）", "Cases")
    _show(
        charts.bar(
            _frame(rows, ("family", "printed")),
            label="label",
            value="value",
            colour="family",
            colours=colours,
            colour_title="",
            title=ctx.t("投诉办理与咨询", "Complaints and inquiries"),
            value_title=value_title,
            label_title="",
            tooltip=_tips(ctx, label_title, value_title, printed=True),
        )
    )
    _figures(ctx, [{**r, "label": f"{r['label']} ← {r['printed']}"} for r in rows], label_title, value_title)


def section2(ctx: Context) -> None:
    """Section 二 (第二十条: documents, licensing, enforcement, charges) and the information fees."""
    _show(_section(ctx, "主动公开的规章文件、许可处罚与收费", "Documents, licensing, enforcement, fees"))
    if not hasattr(ctx.views, "section2"):  # a views module without it (the tests' hand-made stores)
        _no_data(ctx, "规章规范性文件、行政许可处罚、收费的数字", "documents, licensing, enforcement or fees")
        return
    df = ctx.view("section2", ctx.agency_key, ctx.year).filter(pl.col("value").is_not_null())
    if df.height == 0:
        _no_data(ctx, "规章规范性文件、行政许可处罚、收费的数字", "documents, licensing, enforcement or fees")
        return
    _show(
        sentence(
            ctx.t(
                "报告第二部分（第二十条：规章和规范性文件、行政许可、行政处罚和强制、行政事业性收费）及信息处理费。",
                "Section 2 of the report (article 20: rules and normative documents, licensing, penalties and "
                "enforcement, administrative fees) and the information-processing fees.",
            )
        )
    )
    _show(
        table(
            [ctx.t("项目", "Item"), ctx.t("数值", "Value"), ctx.t("行", "Line"), ctx.t("原文", "Quote")],
            [
                (ctx.label(r, "metric"), r["value"], r.get("line") or None, r.get("quote"))
                for r in df.to_dicts()
            ],
            numeric=[False, True, True, False],
        )
    )


def year_over_year(ctx: Context) -> None:
    """For an agency with an earlier report: the figures that changed (both values, Δ, %) and the
    passages repeated from the previous report, quoted."""
    if not hasattr(ctx.views, "yoy_changes") or ctx.year is None:
        return  # a views module without the comparison views (the tests' hand-made stores)
    before = ctx.view("previous_year", ctx.agency_key, ctx.year)
    _show(_section(ctx, "与上一份报告对比", "Against the previous report"))
    if before is None:
        _show(
            no_data(ctx.t("库中没有本机关更早的报告。", "The store holds no earlier report of this agency."))
        )
        return
    changed = ctx.view("yoy_changes", ctx.agency_key, ctx.year)
    _show(
        sentence(
            ctx.t(
                f"与 {before} 年报告相比，同一口径的数字中有 {changed.height} 项发生变化。",
                f"Against the {before} report, {changed.height} figure(s) stated the same way changed.",
            )
        )
    )
    if changed.height:

        def name(r: dict[str, Any]) -> str:
            import json

            dims = json.loads(r.get("dims_json") or "{}")
            extra = "、".join(voc.dim_label(k, str(v), ctx.lang) for k, v in sorted(dims.items()))
            return f"{ctx.label(r, 'metric')}" + (f"（{extra}）" if extra else "")

        _show(
            table(
                [
                    ctx.t("项目", "Figure"),
                    str(before),
                    str(ctx.year),
                    "Δ",
                    "%",
                    ctx.t("行", "Line"),
                    ctx.t("原文", "Quote"),
                ],
                [
                    (
                        name(r),
                        r["previous"],
                        r["value"],
                        fmt_change(r["change"]),
                        "—" if r.get("pct") is None else f"{r['pct']:+.1f}%",
                        r.get("line") or None,
                        r.get("quote"),
                    )
                    for r in changed.to_dicts()
                ],
                numeric=[False, True, True, False, False, True, False],
                nowrap=[False, True, True, True, True, True, False],
            )
        )
    rep = ctx.view("repeated_passages", ctx.agency_key, ctx.year)
    if rep.height:
        _show(
            sentence(
                ctx.t(
                    f"以下 {rep.height} 句与上一份报告相同：",
                    f"{rep.height} sentence(s) repeat the previous report:",
                )
            )
        )
        _show(
            table(
                [ctx.t("行", "Line"), ctx.t("上年行", "Previous line"), ctx.t("原文", "Quote")],
                [(r["line"] or None, r["previous_line"], r["quote"]) for r in rep.to_dicts()],
                numeric=[True, True, False],
            )
        )
    else:
        _show(no_data(ctx.t("未发现与上一份报告重复的段落。", "No passage repeats the previous report.")))


def peers(ctx: Context) -> None:
    """The agencies of the same city in the same year: applications, denial rate, proactive items."""
    has = hasattr(ctx.views, "region_peers") and ctx.year is not None
    df = ctx.view("region_peers", ctx.agency_key, ctx.year) if has else None
    if df is None or df.height < 2:
        return  # no peers: nothing promised, nothing drawn
    _show(_section(ctx, "同城机关比较", "Agencies of the same city"))
    _show(
        sentence(
            ctx.t(
                f"库中同城 {df.height} 个机关 {ctx.year} 年的申请数、不予公开与无法提供占答复的比例、主动公开数。",
                f"The {df.height} agencies of the city in {ctx.year}: applications, the share of replies "
                "denied or unavailable, proactive items.",
            )
        )
    )
    _show(
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
                for r in df.to_dicts()
            ],
            numeric=[False, True, False, True],
        )
    )


def findings(ctx: Context) -> None:
    """Data-quality findings of the checks, in the brief's language, each with the quoted source line."""
    _show(_section(ctx, "数据质量问题", "Data-quality findings"))
    df = ctx.view("findings", ctx.agency_key, ctx.year)
    if df.height == 0:
        _show(no_data(ctx.t("检查未发现数据质量问题。", "The checks found no data-quality problems.")))
        return
    _show(
        sentence(
            ctx.t(
                f"检查发现 {df.height} 个问题；每条附报告原文所在行（“—”表示针对整节或全文）。",
                f"The checks found {df.height} problem(s); each quotes the report line it is about "
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


def about(ctx: Context) -> None:
    """Where the brief comes from: source file (linked), template, and the inputs it was generated with."""
    from ogi import __version__ as version

    _show(heading(ctx.t("关于本简报", "About this brief")))
    reps = ctx.view("reports", ctx.agency_key)
    if reps.height and "year" in reps.columns:
        reps = reps.filter(pl.col("year") == ctx.year)
    sources = sorted({str(r.get("source") or "") for r in reps.to_dicts()} - {""})
    templates = sorted({str(r.get("template") or "") for r in reps.to_dicts()} - {""})
    links = []
    for src in sources:
        where = source_file(src, ctx.store_path)
        shown = _shown_path(str(where or src))
        links.append(f'<a href="{esc(where.as_uri())}">{esc(shown)}</a>' if where else esc(shown))
    params = (
        f"agency={ctx.agency_key} year={ctx.year} lang={ctx.lang} store={ctx.store_path.name} ogi={version}"
    )
    rows = [
        (ctx.t("机关", "Agency"), esc(ctx.agency)),
        (ctx.t("年度", "Year"), esc(ctx.year)),
        (ctx.t("源文件", "Source file"), "、".join(links) or "—"),
        (ctx.t("报告模板", "Report template"), esc("、".join(templates) or "—")),
        (ctx.t("生成参数", "Generated with"), esc(params)),
    ]
    _show(
        sentence(
            ctx.t(
                "本简报由 ogi 从政府信息公开工作年度报告自动生成，图中数字均可追溯到报告原文（提示框与图下表格给出行号与引文）。",
                "Generated by ogi from the annual report; every figure traces back to a line of it (the "
                "tooltips and the tables under the charts give line and quote).",
            )
        )
    )
    body = "".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>" for k, v in rows)
    head = f"<tr><th>{esc(ctx.t('项目', 'Item'))}</th><th>{esc(ctx.t('内容', 'Value'))}</th></tr>"
    text = "\n".join(f"{k}\t{v}" for k, v in rows)
    _show(HTML(f'<table class="ogi-table"><thead>{head}</thead><tbody>{body}</tbody></table>', text))


def source_file(source: str, store_path: Any) -> Any:
    """The report file on this machine: the stored path as is when absolute, else relative to the
    checkout, the folder above the store, or the cwd (whichever holds it); None when none does. An
    absolute path, so its link works from reports_out/ and from a kernel started in notebooks/."""
    from pathlib import Path

    from ogi.render.params import repo_root

    p = Path(source)
    if p.is_absolute():
        return p if p.is_file() else None
    store = Path(store_path).resolve()
    for base in (repo_root(), store.parent.parent, store.parent, Path.cwd()):
        if (base / p).is_file():
            return (base / p).resolve()
    return None


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
        section2,
        year_over_year,
        peers,
        findings,
        about,
    ):
        fn(ctx)
