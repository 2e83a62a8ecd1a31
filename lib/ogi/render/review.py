"""The review loop in a brief: a copy-to-corrections button per figure-table row, the analyst mark, and
the corrections counted for the index (ogi.store.corrections holds the file format; docs/review.md).

The button copies a ready corrections row (`report,metric,dims,value,note,who,date`) to the clipboard
with a small inline script: offline, no server. A row of a figure table is matched to its fact by value,
line and quote (and its label when one line holds several equal figures); a row no single fact gives
(a sum drawn from several facts) has no button.
"""

from __future__ import annotations

import json
import os
from typing import Any

import polars as pl

from ogi import vocabulary as voc
from ogi.render.fragments import esc
from ogi.store.corrections import MARK, ORIGIN, csv_line, dims_text

#: one delegated click handler per page (defined once, whatever number of tables carry it)
COPY_SCRIPT = (
    "<script>(function(){if(window.ogiCopy)return;window.ogiCopy=true;"
    "function done(b){b.setAttribute('data-ogi-copied','true');b.textContent='\\u2713';}"
    "function fallback(b,t){var a=document.createElement('textarea');a.value=t;a.style.position='fixed';"
    "a.style.opacity='0';document.body.appendChild(a);a.select();try{document.execCommand('copy');}"
    "catch(e){}document.body.removeChild(a);done(b);}"
    "document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button.ogi-copy');"
    "if(!b)return;var t=b.getAttribute('data-csv');window.ogiCopied=t;"
    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t).then("
    "function(){done(b);},function(){fallback(b,t);});}else{fallback(b,t);}});})();</script>"
)
_BUTTON = (
    '<button type="button" class="ogi-copy" data-csv="{csv}" title="{title}" aria-label="{title}" '
    'style="font:inherit;font-size:12px;padding:0 6px;border:1px solid #d0d7de;border-radius:4px;'
    'background:#fff;cursor:pointer">{text}</button>'
)
_MARK = '<span class="ogi-corrected" title="{note}" style="color:#9a6700;white-space:nowrap">{mark}</span> '


def _t(ctx: Any, zh: str, en: str) -> str:
    return zh if getattr(ctx, "lang", "zh") == "zh" else en


def _labels(metric: str, dims: dict[str, str]) -> set[str]:
    """Every label a brief may show for a fact: its dims values (codes, zh, en, canonical sources)."""
    out = {voc.metric_label(metric, "zh"), voc.metric_label(metric, "en")}
    for k, v in dims.items():
        out |= {v, voc.dim_label(k, v, "zh"), voc.dim_label(k, v, "en"), v.strip("（(）) ")}
        code = voc.source_code(v)
        out |= {voc.source_label(code, "zh"), voc.source_label(code, "en")}
    return out


def _report_name(ctx: Any) -> str:
    """How a corrections row names this brief's report: its file name when unique in the store."""
    facts = ctx.view("report_facts", ctx.agency_key, ctx.year)
    if facts.height == 0:
        return ""
    source = str(facts["source"][0])
    base = os.path.basename(source)
    sources = ctx.store.frame("reports").select("source").collect()["source"]
    return base if sum(os.path.basename(s) == base for s in sources) == 1 else source


_Index = dict[tuple[float, int, str], list[dict[str, Any]]]
_last: dict[tuple[Any, ...], tuple[str, _Index]] = {}


def forget() -> None:
    """Drop the report index of the last brief (a warm kernel calls this between briefs: a store
    without generations can be rewritten in place under the same folder)."""
    _last.clear()


def _facts_by_key(ctx: Any) -> tuple[str, _Index]:
    """The report's name and its facts by (value, line, quote), read once per brief (a brief has about
    ten figure tables; each read scans the store)."""
    key = (str(getattr(ctx.store, "folder", ctx.store)), ctx.agency_key, ctx.year)
    if key not in _last:
        facts = ctx.view("report_facts", ctx.agency_key, ctx.year)
        by_key: _Index = {}
        for f in facts.filter(~pl.col("metric").str.starts_with("mention.")).iter_rows(named=True):
            by_key.setdefault((float(f["value"]), int(f["line"] or 0), str(f["quote"] or "")), []).append(f)
        _last.clear()  # one brief at a time per kernel: keep only the latest
        _last[key] = (_report_name(ctx) if facts.height else "", by_key)
    return _last[key]


def copy_cells(ctx: Any, rows: list[dict[str, Any]]) -> list[str]:
    """Per figure-table row: the escaped HTML of its copy button (with the analyst mark on a corrected
    figure), or "" when no single fact of the report gives that row."""
    try:
        report, by_key = _facts_by_key(ctx)
    except Exception:  # a store without the view: the table simply has no buttons
        return [""] * len(rows)
    if not by_key:
        return [""] * len(rows)
    title = _t(
        ctx,
        "复制为更正行（粘贴到 corrections.csv）",
        "Copy as a corrections row (paste into corrections.csv)",
    )
    out = []
    for r in rows:
        try:
            key = (float(r["value"]), int(r.get("line") or 0), str(r.get("quote") or ""))
        except (TypeError, ValueError):
            out.append("")
            continue
        hits = by_key.get(key, [])
        if len({(h["metric"], h["dims_json"], h["scope"]) for h in hits}) > 1:
            label = str(r.get("label") or "")
            hits = [
                h
                for h in hits
                if any(x and x in label for x in _labels(h["metric"], json.loads(h["dims_json"])))
            ]
        if not hits or len({(h["metric"], h["dims_json"], h["scope"]) for h in hits}) != 1:
            out.append("")
            continue
        h = hits[0]
        value = float(h["value"])
        line = csv_line(
            [
                report,
                h["metric"],
                dims_text(json.loads(h["dims_json"]), h["scope"]),
                str(int(value)) if value.is_integer() else repr(value),
                "",
                "",
                "",
            ]
        )
        mark = (
            _MARK.format(note=esc(h["quote"]), mark=esc(_t(ctx, MARK, f"{MARK} (analyst)")))
            if h["origin"] == ORIGIN
            else ""
        )
        out.append(mark + _BUTTON.format(csv=esc(line), title=esc(title), text=esc(_t(ctx, "复制", "Copy"))))
    return out


def corrections_count(store: Any) -> dict[tuple[str, int], int]:
    """(agency_key, year) → corrections rows applied to its reports (the index's column)."""
    try:
        reports = store.frame("reports")
        if "n_corrections" not in reports.collect_schema().names():
            return {}
    except Exception:  # a fake store (tests) or one written before corrections: nothing to count
        return {}
    df = (
        reports.filter(pl.col("year").is_not_null(), pl.col("n_corrections") > 0)
        .group_by("agency_key", "year")
        .agg(pl.col("n_corrections").sum())
        .collect()
    )
    return {(str(k), int(y)): int(n) for k, y, n in df.iter_rows()}
