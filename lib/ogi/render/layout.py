"""The page around the sections: the brief's title and navigation, numbered headings, the one line
said instead of an empty chart, the folded figure table under a chart, and the closing "about" table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from IPython.display import display

from ogi.render import words as W
from ogi.render.context import Context
from ogi.render.fragments import HTML, esc, figure_table, heading, no_data, sentence, style, url_link
from ogi.render.words import Words


def show(*items: Any) -> None:
    """Display each item as a cell output (charts, HTML pieces)."""
    for item in items:
        display(item)


_ZH_NUM = "一二三四五六七八九十"


def numbered(ctx: Context, title: Words) -> HTML:
    """A numbered section heading; numbers follow the sections shown (a skipped one leaves no gap)."""
    ctx.section += 1
    n = ctx.section
    zh_n = _ZH_NUM[n - 1] if n <= 10 else "十" + _ZH_NUM[n - 11]
    return heading(ctx.t(f"{zh_n}、{title.zh}", f"{n}. {title.en}"))


def say_no_data(ctx: Context, what: Words) -> None:
    show(no_data(ctx.t(f"本年度报告中没有{what.zh}的数据。", f"The report has no figures on {what.en}.")))


def all_zero(ctx: Context, values: list[Any], what_zh: str, what_en: str) -> bool:
    """True (and says so in one line) when every figure is 0: a chart of zeros shows nothing."""
    if any(float(v or 0) for v in values):
        return False
    show(no_data(ctx.t(f"报告所列{what_zh}均为 0。", f"Every figure the report gives for {what_en} is 0.")))
    return True


def figures(ctx: Context, rows: list[dict[str, Any]], label_title: str, value_title: str) -> None:
    """The folded table under a chart: its figures with line and quote, and a copy-to-corrections
    button per row (ogi.render.review)."""
    from ogi.render.review import COPY_SCRIPT, copy_cells

    copy = copy_cells(ctx, rows)
    show(
        figure_table(
            W.FIGURES(ctx.lang),
            [
                label_title or W.ITEM(ctx.lang),
                value_title,
                W.LINE(ctx.lang),
                W.QUOTE(ctx.lang),
                ctx.t("更正", "Correct"),
            ],
            [
                (r["label"], r["value"], ctx.where(r.get("line")), r.get("quote") or "", c)
                for r, c in zip(rows, copy, strict=True)
            ],
            numeric=[False, True, True, False, False],
            raw=[False, False, False, False, True],
            script=COPY_SCRIPT,
        )
    )


#: the brief's own rules on top of the exporter's page style: charts as wide as the page and scrolled,
#: never shrunk, on a phone (their text stays legible); tables scroll sideways; printed, the figure
#: tables open (PRINT_JS) and stay with their chart
BRIEF_CSS = """
.ogi-scroll { overflow-x: auto; max-width: 100%; }
table.ogi-table td, table.ogi-table th { overflow-wrap: break-word; }
table.ogi-table td:not(.num), table.ogi-table th { min-width: 3.5em; }
.ogi-chart-view { width: 100%; }
figure.ogi-chart { overflow-x: auto; max-width: 100%; }
figure.ogi-chart svg { max-width: none !important; }
@media print {
  details.ogi-figures { display: block !important; break-inside: avoid; }
  details.ogi-figures summary { list-style: none; }
  p.ogi-lead, p.ogi-nodata { break-inside: avoid; orphans: 3; widows: 3; }
  h3.ogi-h { break-after: avoid; }
}
"""
PRINT_JS = (
    "<script>window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details.ogi-figures').forEach(function(d){d.open=true;});});</script>"
)


def scoped(css: str) -> str:
    """Only the rules of `css` that style the brief's own elements (class ogi-…, the chart embed):
    shown inside JupyterLab they must not restyle the session (its prompts, cells, page)."""
    out: list[str] = []
    depth, start, head = 0, 0, ""
    for i, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                head, start = css[start:i].strip(), i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                body = css[start:i]
                if head.startswith("@media"):
                    inner = scoped(body)
                    if inner:
                        out.append(f"{head} {{ {inner} }}")
                elif (head == ":root" and body.strip().startswith("--ogi-")) or (
                    not head.startswith("@")
                    and all("ogi-" in sel or "vega" in sel for sel in head.split(","))
                ):
                    out.append(f"{head} {{{body}}}")
                start = i + 1
    return "\n".join(out)


def title(ctx: Context) -> None:
    """Brief title: agency, year, region (and the brief's styles, scoped to its own elements, so
    JupyterLab shows it as the HTML without restyling the session)."""
    from ogi.render.page_css import CSS  # not from render.export: that imports nbconvert into the kernel

    ctx.section = 0
    show(HTML(style(scoped(CSS + BRIEF_CSS)).html + PRINT_JS, ""))
    show(
        HTML(
            '<nav class="ogi-nav"><a href="../index.html">'
            + esc(ctx.t("← 简报目录", "← All briefs"))
            + '</a> · <a href="../overview.html">'
            + esc(ctx.t("库概览", "Corpus overview"))
            + f'</a> · <a href="{esc(str(ctx.year))}.csv" download>'
            + esc(ctx.t("下载本报告全部数字（CSV）", "Download every figure of this report (CSV)"))
            + "</a>"
            + _other_years(ctx)
            + "</nav>",
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
    show(heading(ctx.t(zh, en), 1, sub))


def _other_years(ctx: Context) -> str:
    """Links to the agency's briefs of its other years (each year held has one, beside this file)."""
    others = [y for y in ctx.years if y != ctx.year]
    if not others:
        return ""
    links = " ".join(f'<a href="{y}.html">{y}</a>' for y in others)
    return f' · <span class="ogi-years">{esc(ctx.t("其他年度：", "Other years: "))}{links}</span>'


def about(ctx: Context) -> None:
    """Where the brief comes from: source file (linked), template, and the inputs it was generated with."""
    from ogi import __version__ as version
    from ogi.store import views

    show(heading(ctx.t("关于本简报", "About this brief")))
    reps = views.reports(ctx.store, ctx.agency_key)
    if reps.height and "year" in reps.columns:
        reps = reps.filter(pl.col("year") == ctx.year)
    sources = sorted({str(r.get("source") or "") for r in reps.to_dicts()} - {""})
    templates = sorted({str(r.get("template") or "") for r in reps.to_dicts()} - {""})
    links = []
    for src in sources:
        where = source_file(src, ctx.store_path)
        shown = _shown_path(str(where or src))
        links.append(f'<a href="{esc(where.as_uri())}">{esc(shown)}</a>' if where else esc(shown))
    urls = sorted({str(r.get("url") or "") for r in reps.to_dicts()} - {""})
    params = (
        f"agency={ctx.agency_key} year={ctx.year} lang={ctx.lang} store={ctx.store_path.name} ogi={version}"
    )
    rows = [
        (ctx.t("机关", "Agency"), esc(ctx.agency)),
        (ctx.t("年度", "Year"), esc(ctx.year)),
        (ctx.t("源文件", "Source file"), "、".join(links) or "—"),
        (ctx.t("原文网址", "Original address"), "、".join(url_link(u) for u in urls) or "—"),
        (ctx.t("报告模板", "Report template"), esc("、".join(templates) or "—")),
        (ctx.t("生成参数", "Generated with"), esc(params)),
    ]
    show(
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
    show(HTML(f'<table class="ogi-table"><thead>{head}</thead><tbody>{body}</tbody></table>', text))


def source_file(source: str, store_path: Any) -> Path | None:
    """The report file on this machine: the stored path as is when absolute, else relative to the
    checkout, the folder above the store, or the cwd (whichever holds it); None when none does. An
    absolute path, so its link works from reports_out/ and from a kernel started in notebooks/."""
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
    from ogi.render.params import repo_root

    try:
        return Path(source).resolve().relative_to(repo_root()).as_posix() if source else ""
    except ValueError:
        return source
