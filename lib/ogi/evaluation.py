"""What an evaluator reads off the store, as plain Polars frames: one row per report (headline figures,
the 2021 template's cells, finding counts), facts with labels and dims as columns, findings with labels
and a link to the quoted line. The workbook (`ogi.workbook`), the CSV downloads and the briefs' findings
table all take their rows from here, so the numbers agree wherever they are shown.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote as url_quote

import polars as pl

from ogi import vocabulary as voc
from ogi.store.views import Store, as_store

# (level code, zh, en, name endings that mark it), first match wins
LEVELS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "township",
        "乡镇街道",
        "Township or street",
        ("街道办事处", "街道", "镇人民政府", "镇", "乡人民政府", "乡"),
    ),
    ("department", "部门", "Department", ("局", "委员会", "办公室", "中心", "署", "委")),
    ("city", "市", "City", ("市人民政府", "实验区", "新区")),
    ("county", "区县", "County or district", ("区人民政府", "县人民政府", "区", "县")),
    ("city", "市", "City", ("市",)),
)

HEADLINE = (
    "proactive.total",
    "applications.received",
    "review.count",
    "litigation.count",
    "complaints.count",
)
# dims keys in the order a cell's label names them (the row before the column, the reason last)
DIM_ORDER = (
    "item",
    "category",
    "channel",
    "source",
    "applicant",
    "outcome",
    "reason",
    "route",
    "kind",
    "timing",
    "attendee",
    "label",
    "parent",
    "of",
)
SEVERITIES = ("error", "warning", "info")
TEMPLATE_CELLS = "2021"  # the template whose table cells become columns of the reports sheet


def level_of(agency: str, lang: str = "zh") -> str:
    """The administrative level an agency name ends with (乡镇街道, 部门, 区县, 市), '' when unknown."""
    name = (agency or "").strip()
    for _code, zh, en, ends in LEVELS:
        if any(name.endswith(e) for e in ends):
            return zh if lang == "zh" else en
    return ""


def dims_of(dims_json: str | None) -> dict[str, str]:
    try:
        got = json.loads(dims_json or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in got.items()} if isinstance(got, dict) else {}


def _dim_keys(dims: dict[str, str]) -> list[str]:
    return sorted(dims, key=lambda k: (DIM_ORDER.index(k) if k in DIM_ORDER else len(DIM_ORDER), k))


def cell_label(metric: str, dims: dict[str, str], lang: str = "zh") -> str:
    """A table cell named for a column heading: the metric's label, then each dims label (｜ between);
    a cell without dims is the row's total column (合计), never the headline figure's own title."""
    parts = [voc.metric_label(metric, lang)]
    parts += [voc.dim_label(k, dims[k], lang) for k in _dim_keys(dims)] or [
        "合计" if lang == "zh" else "total"
    ]
    return ("｜" if lang == "zh" else " | ").join(parts)


def integral(df: pl.DataFrame) -> pl.DataFrame:
    """Float columns whose every value is a whole number, cast to Int64: integers stay integers in CSV
    (no '3001.0') and in Excel."""
    casts = []
    for name, dtype in df.schema.items():
        if dtype.is_float():
            col = df.get_column(name).drop_nulls()
            if col.len() and bool((col == col.round(0)).all()) and bool((col.abs() < 2**53).all()):
                casts.append(pl.col(name).cast(pl.Int64))
    return df.with_columns(casts) if casts else df


def plain_numbers(df: pl.DataFrame) -> pl.DataFrame:
    """Float columns as text for CSV: whole numbers without '.0' (3001, not 3001.0), others as they are."""
    return df.with_columns(
        pl.when(pl.col(c) == pl.col(c).round(0))
        .then(pl.col(c).cast(pl.Int64, strict=False).cast(pl.String))
        .otherwise(pl.col(c).cast(pl.String))
        .alias(c)
        for c, dtype in df.schema.items()
        if dtype.is_float()
    )


def _preferred(facts: pl.LazyFrame) -> pl.LazyFrame:
    """One fact per (report, metric, dims): a table cell before a prose figure, then the first stated."""
    return facts.sort(["report_id", pl.col("origin") != "table", "seq"]).unique(
        ["report_id", "metric", "dims_json"], keep="first", maintain_order=True
    )


def headline_figures(store: Store) -> pl.DataFrame:
    """report_id and the five headline figures of every report: the dims-free figure, else (reviews,
    suits, complaints) the sum of its parts, as the store's `headline` view reads them."""
    year = _preferred(store.facts.filter(pl.col("scope") == "year", pl.col("metric").is_in(HEADLINE)))
    plain = (
        year.filter(pl.col("dims_json") == "{}")
        .group_by("report_id", "metric")
        .agg(pl.col("value").first())
        .collect()
    )
    parts_of = {
        "review.count": pl.col("dim_outcome").is_in(["upheld", "corrected", "other", "pending"]),
        "litigation.count": pl.col("dim_route").is_not_null() & pl.col("dim_outcome").is_null(),
        "complaints.count": pl.col("dim_source").is_not_null() & pl.col("dim_of").is_null(),
    }
    sums = [
        year.filter(pl.col("metric") == m, cond).group_by("report_id", "metric").agg(pl.col("value").sum())
        for m, cond in parts_of.items()
    ]
    summed = pl.concat(sums).collect() if sums else plain.clear()
    both = pl.concat(
        [plain.with_columns(pl.lit(0).alias("_o")), summed.with_columns(pl.lit(1).alias("_o"))]
    ).sort("report_id", "metric", "_o")
    firsts = both.unique(["report_id", "metric"], keep="first", maintain_order=True)
    wide = firsts.pivot(on="metric", index="report_id", values="value", sort_columns=True)
    for m in HEADLINE:
        if m not in wide.columns:
            wide = wide.with_columns(pl.lit(None, dtype=pl.Float64).alias(m))
    return wide.select("report_id", *HEADLINE)


def finding_counts(store: Store) -> pl.DataFrame:
    """report_id and the number of findings per severity (error, warning, info) and in all."""
    got = store.findings.group_by("report_id", "severity").len().collect()
    wide = got.pivot(on="severity", index="report_id", values="len") if got.height else None
    cols = [pl.col(s).cast(pl.Int64).fill_null(0).alias(f"findings.{s}") for s in SEVERITIES]
    if wide is None:
        return pl.DataFrame(
            schema={"report_id": pl.String, **{f"findings.{s}": pl.Int64 for s in SEVERITIES}}
        )
    for s in SEVERITIES:
        if s not in wide.columns:
            wide = wide.with_columns(pl.lit(0).alias(s))
    return wide.select("report_id", *cols)


def template_cells(store: Store, template: str = TEMPLATE_CELLS, lang: str = "zh") -> pl.DataFrame:
    """report_id and one column per table cell of `template`'s reports (year scope), named by
    `cell_label`, in the order the cells stand in the report holding most of them."""
    reps = store.reports.filter(pl.col("template") == template).select("report_id")
    facts = (
        _preferred(
            store.facts.filter(pl.col("origin") == "table", pl.col("scope") == "year").join(
                reps, on="report_id", how="semi"
            )
        )
        .select("report_id", "seq", "metric", "dims_json", "value")
        .collect()
    )
    if not facts.height:
        return pl.DataFrame(schema={"report_id": pl.String})
    labels = {
        (m, d): cell_label(m, dims_of(d), lang)
        for m, d in facts.select("metric", "dims_json").unique().iter_rows()
    }
    facts = facts.with_columns(
        pl.struct("metric", "dims_json")
        .map_elements(lambda s: labels[(s["metric"], s["dims_json"])], return_dtype=pl.String)
        .alias("cell")
    )
    richest = (
        facts.group_by("report_id").len().sort(["len", "report_id"], descending=[True, False])["report_id"][0]
    )
    order = facts.filter(pl.col("report_id") == richest).sort("seq")["cell"].unique(maintain_order=True)
    rest = facts.sort("report_id", "seq")["cell"].unique(maintain_order=True)
    columns = [*order.to_list(), *(c for c in rest.to_list() if c not in set(order.to_list()))]
    wide = facts.unique(["report_id", "cell"], keep="first", maintain_order=True).pivot(
        on="cell", index="report_id", values="value"
    )
    return wide.select("report_id", *columns)


def report_rows(store: Store | str | Path, lang: str = "zh") -> pl.DataFrame:
    """One row per stored report: agency, region, level, year, template, source, URL when the store
    has one, the headline figures, the 2021 template's cells as labelled columns and the finding counts
    by severity. Integers stay integers."""
    st = as_store(store)
    reps = st.reports.sort("agency_key", "year", "source", nulls_last=True).collect()
    url = [pl.col("url")] if "url" in reps.columns else []
    base = reps.select(
        "agency",
        "agency_key",
        "region",
        pl.col("agency")
        .map_elements(lambda a: level_of(str(a or ""), lang), return_dtype=pl.String)
        .alias("level"),
        "year",
        "template",
        "published",
        "source",
        *url,
        "truncated",
        "report_id",
    )
    heads = headline_figures(st)
    counts = finding_counts(st)
    cells = template_cells(st, lang=lang)
    out = (
        base.join(heads, on="report_id", how="left", maintain_order="left")
        .join(counts, on="report_id", how="left", maintain_order="left")
        .with_columns(pl.col(f"findings.{s}").fill_null(0) for s in SEVERITIES)
        .join(cells, on="report_id", how="left", maintain_order="left")
    )
    return integral(out.select(pl.exclude("report_id"), "report_id"))


def headline_titles(lang: str = "zh") -> dict[str, str]:
    """Column titles of the reports sheet's coded columns, in `lang`."""
    zh = lang == "zh"
    out = {m: voc.metric_label(m, lang) for m in HEADLINE}
    out.update({f"findings.{s}": f"{voc.severity_label(s, lang)}{'数' if zh else 's'}" for s in SEVERITIES})
    return out


def fact_rows(
    store: Store | str | Path,
    agency_key: str | None = None,
    year: int | None = None,
    *,
    mentions: bool = False,
    report_id: str | None = None,
    every_dim: bool = False,
    lang: str = "zh",
    facts: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Facts with agency and year, the metric's zh and en labels, one column per dims key holding the
    dims' labels (codes stay in `dims_json`), value (integers as integers), unit, scope, origin, line,
    quote and source; `mention.*` numbers only when `mentions`. Narrowed to one agency, year or report.
    `every_dim`: a column for every known dims key, so every CSV download has the same columns; the
    dims' labels in `lang`. `facts`: the store's facts already read (or a part of them), so a caller
    making one CSV per report reads the store once, not once a report."""
    lf = as_store(store).facts if facts is None else facts
    if report_id is not None:
        lf = lf.filter(pl.col("report_id") == report_id)
    if agency_key is not None:
        lf = lf.filter(pl.col("agency_key") == agency_key)
    if year is not None:
        lf = lf.filter(pl.col("year") == year)
    if not mentions:
        lf = lf.filter(~pl.col("metric").str.starts_with("mention."))
    df = lf.sort("agency_key", "year", "report_id", "seq").collect()
    keys = sorted(
        {k for d in df.get_column("dims_json").unique().to_list() for k in dims_of(d) if k.isidentifier()}
        | (set(DIM_ORDER) if every_dim else set()),
        key=_dim_order,
    )
    metric_zh = {m: voc.metric_label(m, "zh") for m in df.get_column("metric").unique().to_list()}
    metric_en = {m: voc.metric_label(m, "en") for m in metric_zh}
    dims_cols = [
        pl.col("dims_json")
        .str.json_path_match(f"$.{k}")
        .replace({code: zh if lang == "zh" else en for code, (zh, en) in voc.DIMS.get(k, {}).items()})
        .alias(f"dim.{k}")
        for k in keys
    ]
    out = df.select(
        "agency_key",
        "agency",
        "year",
        "metric",
        pl.col("metric").replace_strict(metric_zh, default=None, return_dtype=pl.String).alias("label_zh"),
        pl.col("metric").replace_strict(metric_en, default=None, return_dtype=pl.String).alias("label_en"),
        *dims_cols,
        "value",
        "unit",
        "scope",
        "origin",
        "line",
        "quote",
        "dims_json",
        "source",
        "report_id",
    )
    return integral(out)


def _dim_order(k: str) -> tuple[int, str]:
    return (DIM_ORDER.index(k) if k in DIM_ORDER else len(DIM_ORDER), k)


def text_fragment(quote: str, chars: int = 24) -> str:
    """A URL text fragment (`#:~:text=…`) for the start of a quote: browsers scroll to and mark that text
    in the source page, so a finding links to its line. '' for an empty quote."""
    head = (quote or "").split(" | ", 1)[0].strip()[:chars].strip()
    if not head:
        return ""
    return "#:~:text=" + url_quote(head, safe="")


def finding_rows(
    store: Store | str | Path,
    agency_key: str | None = None,
    year: int | None = None,
    lang: str = "zh",
) -> pl.DataFrame:
    """Findings with the rule's and severity's names in `lang`, the message in `lang`, line, quote,
    source, and `fragment`: append it to the source file's URI to land on the quoted line. Errors first,
    then by line; one agency's or one report's when narrowed (the briefs' findings table)."""
    from ogi.store import views

    df = views.findings(as_store(store), agency_key, year)
    msg = "message_zh" if lang == "zh" else "message_en"
    return df.select(
        "agency_key",
        "year",
        "severity",
        pl.col("severity")
        .map_elements(lambda s: voc.severity_label(s, lang), return_dtype=pl.String)
        .alias("severity_label"),
        "rule",
        pl.col("rule")
        .map_elements(lambda r: voc.rule_label(r, lang), return_dtype=pl.String)
        .alias("rule_label"),
        pl.coalesce(pl.col(msg), pl.col("message_zh")).alias("message"),
        "line",
        "quote",
        pl.col("quote").map_elements(text_fragment, return_dtype=pl.String).alias("fragment"),
        "source",
        "report_id",
    )


__all__ = [
    "cell_label",
    "fact_rows",
    "finding_rows",
    "headline_titles",
    "integral",
    "level_of",
    "plain_numbers",
    "report_rows",
    "text_fragment",
]
