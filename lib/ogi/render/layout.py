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
from ogi.render.fragments import HTML, esc, figure_table, heading, no_data, sentence, style
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


def tips(ctx: Context, label_title: str, value_title: str, printed: bool = False) -> list[tuple[str, str]]:
    """Tooltip fields in the brief's language: the shown label, the value, the report's line and quote."""
    fields = [("label", label_title or W.ITEM(ctx.lang)), ("value", value_title)]
    if printed:
        fields.append(("printed", W.PRINTED(ctx.lang)))
    return [*fields, ("line", W.LINE(ctx.lang)), ("quote", W.QUOTE(ctx.lang))]


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
                (r["label"], r["value"], r.get("line") or None, r.get("quote") or "", c)
                for r, c in zip(rows, copy, strict=True)
            ],
            numeric=[False, True, True, False, False],
            raw=[False, False, False, False, True],
            script=COPY_SCRIPT,
        )
    )


def rows_frame(rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> pl.DataFrame:
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
    show(style(CSS))
    show(
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
    show(heading(ctx.t(zh, en), 1, sub))


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
