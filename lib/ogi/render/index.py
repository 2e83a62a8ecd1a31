"""reports_out/index.html: every brief on disk for the store's agencies, with headline figures and findings.

Built from the store (not from the rendered pages) so it is cheap and separate from the notebook runs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote

from ogi.atomic import write_text
from ogi.render.fragments import fmt_change, fmt_num

COLUMNS = ("proactive.total", "applications.received", "review.count", "litigation.count", "complaints.count")


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def build_index(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    failed: Sequence[object] = (),
    lang: str = "zh",
) -> Path:
    """Write `out_dir/index.html` listing each `<slug>/<year>.html` present for an agency in the store."""
    from ogi import vocabulary as voc
    from ogi.render.context import open_context
    from ogi.render.export import CSS
    from ogi.render.slug import unique_slugs

    ctx = open_context(store_path, lang)
    out = Path(out_dir)
    table = ctx.view("agencies").sort("agency_key").to_dicts()
    slugs = unique_slugs([(str(r["agency_key"]), str(r.get("agency") or r["agency_key"])) for r in table])
    head = [_t(lang, "机关", "Agency"), _t(lang, "年度", "Year")]
    head += [voc.metric_label(m, lang) for m in COLUMNS] + [_t(lang, "数据质量问题", "Findings")]
    rows: list[str] = []
    for r in table:
        key = str(r["agency_key"])
        for year in sorted((int(y) for y in (r.get("years") or []) if y is not None), reverse=True):
            rel = f"{slugs[key]}/{year}.html"
            if not (out / rel).is_file():
                continue
            figures = {h["metric"]: h for h in ctx.view("headline", key, year).to_dicts()}
            n_findings = ctx.view("findings", key, year).height
            cells = [
                f'<td><a href="{escape(quote(rel), quote=True)}">{escape(str(r.get("agency") or key))}</a></td>',
                f'<td class="num">{year}</td>',
            ]
            for m in COLUMNS:
                h = figures.get(m, {})
                title = ""
                if h.get("change") is not None:
                    title = f' title="{escape(_t(lang, "较上年 ", "change ") + fmt_change(h["change"]), quote=True)}"'
                cells.append(f'<td class="num"{title}>{escape(fmt_num(h.get("value")))}</td>')
            cells.append(f'<td class="num">{n_findings}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
    failures = "".join(f'<li class="ogi-failed">{escape(str(f))}</li>' for f in failed)
    body = (
        f'<h1 class="ogi-h">{escape(_t(lang, "政府信息公开工作简报", "Open government information briefs"))}</h1>'
        f'<p class="ogi-sub">{escape(_t(lang, f"共 {len(rows)} 份简报", f"{len(rows)} briefs"))}</p>'
        + (
            '<table class="ogi-table ogi-index"><thead><tr>'
            + "".join(f'<th class="{"num" if i > 1 else ""}">{escape(h)}</th>' for i, h in enumerate(head))
            + "</tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
            if rows
            else f'<p class="ogi-nodata">{escape(_t(lang, "还没有简报。", "No briefs yet."))}</p>'
        )
        + (
            f'<h2 class="ogi-h">{escape(_t(lang, "生成失败", "Failed"))}</h2><ul>{failures}</ul>'
            if failures
            else ""
        )
    )
    html = (
        f'<!DOCTYPE html>\n<html lang="{"zh" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<title>{escape(_t(lang, "简报目录", "Briefs"))}</title>\n<style type="text/css">{CSS}</style>\n'
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    path = out / "index.html"
    write_text(path, html)
    path.chmod(0o644)
    return path
