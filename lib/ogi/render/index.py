"""reports_out/index.html: every brief on disk for the store's agencies, with headline figures and findings,
sortable and filterable in the page; beside each brief a CSV of its report's facts, and the whole store
as CSV and Parquet for taking the data away.

Built from the store (not from the rendered pages) so it is cheap and separate from the notebook runs.
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote

import polars as pl

from ogi.evaluation import fact_rows, level_of, plain_numbers
from ogi.facts import format_value
from ogi.paths import escape_controls, shown
from ogi.render.fragments import fmt_change, fmt_num, url_link
from ogi.render.keep import write_bytes_if_changed, write_text_if_changed

COLUMNS = ("proactive.total", "applications.received", "review.count", "litigation.count", "complaints.count")
STORE_CSV = "ogi-facts.csv"
STORE_PARQUET = "ogi-facts.parquet"
WORKBOOK = "ogi-workbook.xlsx"

SCRIPT = """
(function () {
  var table = document.querySelector('table.ogi-index');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, i, num) {
    var c = row.cells[i];
    var v = c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim();
    if (!num) return v;
    v = v.replace(/,/g, '');
    return v === '' || isNaN(parseFloat(v)) ? null : parseFloat(v);
  }
  for (var i = 0; i < heads.length; i++) {
    (function (i) {
      heads[i].addEventListener('click', function () {
        var asc = heads[i].getAttribute('aria-sort') !== 'ascending';
        for (var j = 0; j < heads.length; j++) heads[j].removeAttribute('aria-sort');
        heads[i].setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var num = heads[i].classList.contains('num');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, i, num), y = key(b, i, num);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;  // no figure: last
          var r = x < y ? -1 : x > y ? 1 : 0;
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    })(i);
  }
  var filters = document.querySelectorAll('.ogi-filters [data-col]');
  function apply() {
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = true;
      Array.prototype.forEach.call(filters, function (f) {
        var v = f.value.trim();
        if (!v) return;
        var cell = row.cells[parseInt(f.getAttribute('data-col'), 10)].textContent;
        if (f.tagName === 'SELECT' ? cell !== v : cell.indexOf(v) < 0) ok = false;
      });
      row.hidden = !ok;
      if (ok) shown++;
    });
    var n = document.getElementById('ogi-shown');
    if (n) n.textContent = String(shown);
  }
  Array.prototype.forEach.call(filters, function (f) {
    f.addEventListener(f.tagName === 'SELECT' ? 'change' : 'input', apply);
  });
})();
"""


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _csv_bytes(df: pl.DataFrame) -> bytes:
    """CSV with a BOM so Excel opens the Chinese text right; the same rows give the same bytes."""
    buf = io.BytesIO()
    df.write_csv(buf)
    return b"\xef\xbb\xbf" + escape_controls(buf.getvalue().decode("utf-8")).encode("utf-8")


def facts_csv(store: object, report_id: str | None = None, facts: pl.LazyFrame | None = None) -> bytes:
    """Facts as an evaluator's CSV (ogi.evaluation.fact_rows): agency, year, zh/en labels, a column per
    dims key with its labels, integers without '.0'. One report's with `report_id` (every figure it
    states, mention.* included), else the store's (mention.* left out); the columns are the same.
    `facts`: the store's facts (or that report's) already read."""
    rows = fact_rows(
        store,  # type: ignore[arg-type]
        report_id=report_id,
        mentions=report_id is not None,
        every_dim=True,
        facts=facts,
    )
    return _csv_bytes(plain_numbers(rows))


def _facts_by_report(store: object, wanted: set[str]) -> dict[str, pl.LazyFrame]:
    """The facts of each report in `wanted`, from one read of the store's facts (one scan for all the
    CSVs an index writes, not one scan a brief: that was O(reports) a brief, O(N²) an index)."""
    if not wanted:
        return {}
    df = store.facts.filter(pl.col("report_id").is_in(sorted(wanted))).collect()  # type: ignore[attr-defined]
    parts = df.partition_by("report_id", as_dict=True, maintain_order=True)
    return {str(k[0]): part.lazy() for k, part in parts.items()}


DOWNLOADS_STAMP = ".ogi-downloads.json"  # which store generation the downloads were made from
ROW_CACHE = ".ogi-index-rows.json"  # each listed brief's row, with the input digest it was made under


def _load_rows(out: Path) -> dict[str, dict[str, object]]:
    """The rows the last index listed (relative brief path -> key, corrections count, row HTML)."""
    try:
        data = json.loads((out / ROW_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _generation_stamp(store_path: str | os.PathLike[str], lang: str) -> str:
    """What the store downloads depend on: the store's frame files (resolved path, size, mtime), the
    code and the language. A new store generation is a new folder, so any write changes it."""
    from ogi.digest import code_digest, sha

    root = Path(os.path.realpath(store_path))
    parts: list[str] = [lang, code_digest()]
    for f in sorted(root.glob("*.parquet")):
        try:
            st = os.stat(f)  # follows the stable-name symlinks into the generation
        except OSError:
            continue
        parts.append(f"{os.path.realpath(f)}|{st.st_size}|{st.st_mtime_ns}")
    return sha(*parts)


def write_store_downloads(ctx: object, out: Path, stamp: str = "") -> None:
    """The whole store's facts as CSV (labelled) and Parquet (as stored), and the evaluator's workbook
    (ogi.workbook) beside the index; skipped when they exist and were made from the same `stamp`."""
    from ogi.workbook import INDEX_MAX_FACTS, workbook_bytes

    names = (STORE_CSV, WORKBOOK, STORE_PARQUET)
    stamp_path = out / DOWNLOADS_STAMP
    try:
        if stamp and stamp_path.read_text(encoding="utf-8").strip() == stamp:
            if all((out / n).is_file() for n in names):
                return
    except OSError:
        pass
    store = ctx.store  # type: ignore[attr-defined]
    facts = store.facts.sort("agency_key", "year", "report_id", "seq").collect()
    write_bytes_if_changed(out / STORE_CSV, facts_csv(store))
    write_bytes_if_changed(out / WORKBOOK, workbook_bytes(store, ctx.lang, max_facts=INDEX_MAX_FACTS))  # type: ignore[attr-defined]
    buf = io.BytesIO()
    facts.write_parquet(buf, compression="zstd", compression_level=3, statistics=False)
    write_bytes_if_changed(out / STORE_PARQUET, buf.getvalue())
    if stamp:
        write_text_if_changed(stamp_path, stamp + "\n")


def _csv_due(out: Path, stem: str, unchanged: frozenset[str]) -> bool:
    """Whether the brief `<stem>.html` present in `out` needs its `<stem>.csv` (re)written."""
    if not (out / f"{stem}.html").is_file():
        return False
    return f"{stem}.html" not in unchanged or not (out / f"{stem}.csv").is_file()


def _others(others: Sequence[tuple[str, str]], lang: str) -> str:
    """The briefs of other stores left in the folder, each with the store it came from."""
    if not others:
        return ""
    unknown = _t(lang, "库未记录", "store not recorded")
    items = "".join(
        f'<li class="ogi-other"><a href="{escape(quote(rel), quote=True)}">{escape(shown(rel))}</a> — '
        f"{escape(shown(store) if store else unknown)}</li>"
        for rel, store in others
    )
    title = _t(lang, "本目录中其他库的简报", "Briefs in this folder from other stores")
    return f'<h2 class="ogi-h">{escape(title)}</h2><ul class="ogi-others">{items}</ul>'


def prepare(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    lang: str,
    briefs: Sequence[tuple[str, int]],
    stop: threading.Event | None = None,
) -> None:
    """What the index will need that does not depend on the briefs: the store downloads (written now)
    and each brief's headline row (computed into this process's per-generation memo). `render_batch`
    runs this beside the workers, so `build_index` after them only assembles the page; `stop` set
    ends it at its next step."""
    from ogi.render.context import open_context

    ctx = open_context(store_path, lang)
    if stop is not None and stop.is_set():
        return
    write_store_downloads(ctx, Path(out_dir), _generation_stamp(store_path, lang))
    for key, year in briefs:
        if stop is not None and stop.is_set():
            return
        ctx.view("headline", key, year)


def build_index(
    store_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    failed: Sequence[object] = (),
    lang: str = "zh",
    others: Sequence[tuple[str, str]] = (),
    unchanged: frozenset[str] = frozenset(),
    digests: Mapping[str, str] | None = None,
) -> Path:
    """Write `out_dir/index.html` listing each `<slug>/<year>.html` present for an agency in the store,
    `<slug>/<year>.csv` beside each (its report's facts), and the store downloads; `others` are briefs
    in the folder from another store (relative path, store root or ''), listed with where they came from.
    `unchanged`: briefs (relative paths) whose inputs did not change: their CSV is kept as it is, and
    their row is taken from the last index's (ROW_CACHE) when it was made under the same input digest
    (`digests`: relative path -> digest, render.state), so an unchanged re-render computes no views.
    A file whose bytes would not change is not rewritten (render.keep)."""
    from ogi import vocabulary as voc
    from ogi.render.context import open_context
    from ogi.render.page_css import CSS
    from ogi.render.review import corrections_count
    from ogi.render.slug import unique_slugs

    ctx = open_context(store_path, lang)
    out = Path(out_dir)
    table = ctx.view("agencies").sort("agency_key").to_dicts()
    reports = ctx.view("reports")
    templates: dict[tuple[str, int], str] = {}
    report_ids: dict[tuple[str, int], str] = {}  # the canonical report of each brief, for its CSV
    from ogi.store.shared import canonical

    urls: dict[tuple[str, int], str] = {}  # the report's original address (sources.csv / the page's own)
    canon = canonical(ctx.store.reports)
    has_url = "url" in canon.collect_schema().names()
    for k, y, rid, url in (
        canon.select("agency_key", "year", "report_id", pl.col("url") if has_url else pl.lit(None, pl.String))
        .collect()
        .rows()
    ):
        report_ids[(str(k), int(y))] = str(rid)
        if url:
            urls[(str(k), int(y))] = str(url)
    if reports.height and {"agency_key", "year", "template"} <= set(reports.columns):
        for r in reports.select("agency_key", "year", "template").to_dicts():
            if r["year"] is not None:
                templates.setdefault((str(r["agency_key"]), int(r["year"])), str(r["template"] or ""))
    slugs = unique_slugs([(str(r["agency_key"]), str(r.get("agency") or r["agency_key"])) for r in table])
    head = [
        _t(lang, "机关", "Agency"),
        _t(lang, "地区", "Region"),
        _t(lang, "层级", "Level"),
        _t(lang, "年度", "Year"),
        _t(lang, "模板", "Template"),
    ]
    numeric = [False, False, False, True, False]
    head += [voc.metric_label(m, lang) for m in COLUMNS] + [_t(lang, "数据质量问题", "Findings")]
    head += [_t(lang, "分析员更正", "Analyst corrections"), "CSV"]  # ogi.render.review
    numeric += [True] * (len(COLUMNS) + 2) + [False]
    corrected = corrections_count(ctx.store)
    digests = digests or {}
    row_cache = _load_rows(out) if unchanged and digests else {}
    new_rows: dict[str, dict[str, object]] = {}
    # the briefs whose CSV is (re)written, and their reports' facts from one read of the store
    csv_due = {
        (str(r["agency_key"]), int(y))
        for r in table
        for y in (r.get("years") or [])
        if y is not None and _csv_due(out, f"{slugs[str(r['agency_key'])]}/{int(y)}", unchanged)
    }
    csv_facts = _facts_by_report(ctx.store, {report_ids[k] for k in csv_due if k in report_ids})
    no_facts = pl.LazyFrame(schema=ctx.store.facts.collect_schema())  # a brief whose report has none
    rows: list[str] = []
    seen: dict[str, set[str]] = {"region": set(), "level": set(), "year": set(), "template": set()}
    for r in table:
        key = str(r["agency_key"])
        name = str(r.get("agency") or key)
        region, level = str(r.get("region") or ""), level_of(name, lang)
        for year in sorted((int(y) for y in (r.get("years") or []) if y is not None), reverse=True):
            rel = f"{slugs[key]}/{year}.html"
            if not (out / rel).is_file():
                continue
            csv_rel = f"{slugs[key]}/{year}.csv"
            if (key, year) in csv_due:
                rid = report_ids.get((key, year))
                part = csv_facts.get(rid or "", no_facts)
                write_bytes_if_changed(out / csv_rel, facts_csv(ctx.store, rid, part))
            template = templates.get((key, year), "")
            for k, v in (("region", region), ("level", level), ("year", str(year)), ("template", template)):
                if v:
                    seen[k].add(v)
            n_corrected = corrected.get((key, year), 0)
            hit = row_cache.get(rel)
            digest = digests.get(rel, "")
            if (
                hit
                and rel in unchanged
                and digest
                and (hit.get("key"), hit.get("corrected")) == (digest, n_corrected)
            ):
                rows.append(str(hit["row"]))
                new_rows[rel] = hit
                continue
            figures = {h["metric"]: h for h in ctx.view("headline", key, year).to_dicts()}
            # the report's findings, as its headline counts them (no scan of the findings a brief)
            n_findings = int(figures.get("findings.count", {}).get("value") or 0)
            cells = [
                f'<td><a href="{escape(quote(rel), quote=True)}">{escape(name)}</a></td>',
                f"<td>{escape(region)}</td>",
                f"<td>{escape(level)}</td>",
                f'<td class="num">{year}</td>',
                f"<td>{escape(template)}</td>",
            ]
            for m in COLUMNS:
                h = figures.get(m, {})
                title = ""
                if h.get("change") is not None:
                    title = f' title="{escape(_t(lang, "较上年 ", "change ") + fmt_change(h["change"]), quote=True)}"'
                value = h.get("value")
                sort = "" if value is None else repr(float(value))
                shown_value = (
                    format_value(value, h["approx"])
                    if h.get("approx") and value is not None
                    else fmt_num(value)
                )
                cells.append(f'<td class="num" data-sort="{sort}"{title}>{escape(shown_value)}</td>')
            cells.append(f'<td class="num">{n_findings}</td>')
            cells.append(f'<td class="num ogi-corrections">{corrected.get((key, year), 0)}</td>')
            original = urls.get((key, year), "")
            link = f" · {url_link(original, _t(lang, '原文', 'Original'))}" if original else ""
            cells.append(f'<td><a href="{escape(quote(csv_rel), quote=True)}" download>CSV</a>{link}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
            new_rows[rel] = {"key": digest, "corrected": n_corrected, "row": rows[-1]}
    write_store_downloads(ctx, out, _generation_stamp(store_path, lang))
    failures = "".join(f'<li class="ogi-failed">{escape(str(f))}</li>' for f in failed)
    # the overview is linked only when it was rendered (the language switch is always there: the other
    # tree is one `ogi render --lang` away, and a link that depends on a parallel render's timing would
    # make the index differ between runs)
    nav = (
        '<nav class="ogi-nav">'
        + (
            f'<a href="overview.html">{escape(_t(lang, "库概览（ogi render --overview）", "Corpus overview (ogi render --overview)"))}</a>'
            if (out / "overview.html").is_file()
            else ""
        )
        + (
            f'<a href="explore.html">{escape(_t(lang, "跨机关分析", "Explore across agencies"))}</a>'
            if (out / "explore.html").is_file()
            else ""
        )
        + (
            f'<a href="{STORE_CSV}" download>{escape(_t(lang, "全库数字（CSV）", "All figures (CSV)"))}</a>'
            f'<a href="{STORE_PARQUET}" download>{escape(_t(lang, "全库数字（Parquet）", "All figures (Parquet)"))}</a>'
            f'<a href="{WORKBOOK}" download>{escape(_t(lang, "评估工作簿（Excel）", "Evaluator workbook (Excel)"))}</a>'
        )
        + (
            '<a href="en/index.html" lang="en">English</a>'
            if lang == "zh"
            else '<a href="../index.html" lang="zh">中文</a>'
        )
        + "</nav>"
    )

    def select(col: int, what: str, label: str) -> str:
        options = "".join(
            f'<option value="{escape(v, quote=True)}">{escape(v)}</option>' for v in sorted(seen[what])
        )
        return (
            f'<label>{escape(label)} <select data-col="{col}"><option value="">'
            f"{escape(_t(lang, '全部', 'All'))}</option>{options}</select></label>"
        )

    filters = (
        '<div class="ogi-filters">'
        f'<label>{escape(_t(lang, "机关", "Agency"))} <input type="search" data-col="0" size="12"></label>'
        + select(1, "region", _t(lang, "地区", "Region"))
        + select(2, "level", _t(lang, "层级", "Level"))
        + select(3, "year", _t(lang, "年度", "Year"))
        + select(4, "template", _t(lang, "模板", "Template"))
        + "</div>"
    )
    count = _t(
        lang,
        f'共 <span id="ogi-shown">{len(rows)}</span> 份简报；点击表头排序',
        f'<span id="ogi-shown">{len(rows)}</span> briefs; click a heading to sort',
    )
    body = (
        f'<h1 class="ogi-h">{escape(_t(lang, "政府信息公开工作简报", "Open government information briefs"))}</h1>'
        f'<p class="ogi-sub">{count}</p>'
        + nav
        + (
            filters
            + '<div class="ogi-scroll"><table class="ogi-table ogi-index"><thead><tr>'
            + "".join(
                f'<th class="{"num" if n else ""}">{escape(h)}</th>'
                for h, n in zip(head, numeric, strict=True)
            )
            + "</tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
            if rows
            else f'<p class="ogi-nodata">{escape(_t(lang, "还没有简报。", "No briefs yet."))}</p>'
        )
        + (
            f'<h2 class="ogi-h">{escape(_t(lang, "生成失败", "Failed"))}</h2><ul>{failures}</ul>'
            if failures
            else ""
        )
        + _others(others, lang)
    )
    html = (
        f'<!DOCTYPE html>\n<html lang="{"zh" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<title>{escape(_t(lang, "简报目录", "Briefs"))}</title>\n<style type="text/css">{CSS}</style>\n'
        f'</head>\n<body>\n<main class="ogi-wide">\n{body}\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n'
    )
    path = out / "index.html"
    write_text_if_changed(path, escape_controls(html))  # 0666 less the umask, like the downloads beside it
    write_text_if_changed(
        out / ROW_CACHE, json.dumps(dict(sorted(new_rows.items())), ensure_ascii=False) + "\n"
    )
    return path
