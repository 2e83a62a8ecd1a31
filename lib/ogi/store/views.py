"""The views the notebooks need, each a function of the Store returning a Polars frame.

Every view returns an empty frame with its declared columns when the store has no data for the
question (never raises), so notebooks hold no data wrangling and no special cases. Where an agency
has more than one report for a year, the canonical one is used (most facts, latest published).
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

import polars as pl

from ogi.store import schema as S
from ogi.store.agency import city_of
from ogi.store.handle import Store
from ogi.store.labels import dim_labels, metric_labels, with_labels
from ogi.store.shared import canonical


def open_store(path: str | Path | Store = "data/processed", *, verify: bool = True) -> Store:
    """Open the store folder written by `ogi ingest` (`ogi.store.open`; nothing is read until a view
    collects). The root is resolved once, here, and the current generation read and its checksums
    verified (ogi.store.generation), so a Store reads one whole store, old or new, never a mix; damage
    raises StoreDamaged. A folder that does not exist opens as an empty store. `store.views` binds the
    view functions of this module to the Store."""
    import sys

    from ogi.store.generation import resolve

    if isinstance(path, Store) and path.generation is not None and path.views_module is not None:
        return path  # already open on a generation
    at = Store.at(path)
    return Store(at.root, resolve(at, verify=verify), sys.modules[__name__])


def as_store(store: Store | str | Path) -> Store:
    """A Store from a Store or a path, so every view takes `ogi.store.agencies("data/processed")` too."""
    return store if isinstance(store, Store) else open_store(store)


# ------------------------------------------------------------------------------------------------ helpers


_Frame = TypeVar("_Frame", pl.DataFrame, pl.LazyFrame)


def _schema(**cols: pl.DataType | type[pl.DataType]) -> pl.Schema:
    return pl.Schema(cols)


_T = TypeVar("_T")


def _once(store: Store, name: str, make: Callable[[], _T]) -> _T:
    """`make()` computed once per store generation and process (the generation memo below)."""
    memo = _generation_memo(store)
    if name not in memo:
        memo[name] = make()
    return memo[name]


#: reports whose frames (year-scope facts, all facts, applications) a process keeps per generation: a
#: brief reads its own report, the previous one and its trend years, and a batch renders one agency's
#: years one after another; bounded, so a worker's memory does not grow with the store
_REPORTS_KEPT = 64


def _kept(store: Store, name: str, key: object, make: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    """The frame `make()` gives for `key`, kept among the last _REPORTS_KEPT read under `name` in this
    generation's memo (least recently read dropped first). The kept frame itself is returned: a caller
    handing it to a notebook gives a clone."""
    kept: dict[object, pl.DataFrame] = _generation_memo(store).setdefault(name, {})
    df = kept.pop(key, None)
    if df is None:
        df = make()
        while len(kept) >= _REPORTS_KEPT:
            del kept[next(iter(kept))]
    kept[key] = df
    return df


def _report_id(store: Store, agency_key: str, year: int) -> str | None:
    """The canonical report of an agency for a year (from a map built once per generation)."""

    def ids() -> dict[tuple[str, int], str]:
        rows = canonical(store.reports).select("agency_key", "year", "report_id").collect().iter_rows()
        return {(str(k), int(y)): str(r) for k, y, r in rows}

    return _once(store, "report_ids", ids).get((agency_key, year))


def _facts_of(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Facts of the canonical report for (agency, year), year-scope only, kept per generation (a brief's
    sections read the same report ten times). Callers filter or select (new frames); none changes the
    kept one in place."""
    rid = _report_id(store, agency_key, year)
    if rid is None:
        return S.empty("facts")
    return _kept(
        store,
        "year_facts",
        rid,
        lambda: store.facts.filter(pl.col("report_id") == rid, pl.col("scope") == "year").collect(),
    )


def _finding_counts(store: Store) -> dict[str, int]:
    """Findings per report id, counted once per generation."""

    def counts() -> dict[str, int]:
        rows = store.findings.group_by("report_id").agg(pl.len()).collect().iter_rows()
        return {str(r): int(n) for r, n in rows}

    return _once(store, "finding_counts", counts)


def _agency_years(store: Store) -> dict[str, list[int]]:
    """Each agency's report years (sorted, distinct), once per generation."""

    def years() -> dict[str, list[int]]:
        df = (
            store.reports.filter(pl.col("year").is_not_null())
            .group_by("agency_key")
            .agg(pl.col("year").unique().sort())
            .collect()
        )
        return {str(k): [int(y) for y in ys] for k, ys in df.iter_rows()}

    return _once(store, "agency_years", years)


def _prefer(df: _Frame, by: list[str]) -> _Frame:
    """One fact per `by` group: a table cell before a prose figure, then the first in the report."""
    return df.sort([pl.col("origin") != "table", pl.col("seq")]).unique(by, keep="first", maintain_order=True)


def _no_dims(facts: pl.DataFrame, metric: str) -> float | None:
    got = _prefer(facts.filter(pl.col("metric") == metric, pl.col("dims_json") == "{}"), ["metric"])
    return float(got["value"][0]) if got.height else None


_APPROX_ONLY = r'^\{"approx":\s*"[^"]+"\}$'  # an approximate figure's dims: its qualifier and nothing else


def _approx_totals(facts: pl.DataFrame) -> dict[str, tuple[float, str]]:
    """The approximate totals a report printed (5500余条: metric → (5500, '余')), for a headline figure
    the report gave no exact total of; never added to or compared with exact figures (docs/facts.md)."""
    got = facts.filter(pl.col("dims_json").str.contains(_APPROX_ONLY), pl.col("scope") == "year")
    out: dict[str, tuple[float, str]] = {}
    for m, v, d in got.sort("seq").select("metric", "value", "dims_json").iter_rows():
        out.setdefault(str(m), (float(v), str(json.loads(d)["approx"])))
    return out


def _sum_where(facts: pl.DataFrame, metric: str, *conds: pl.Expr) -> float | None:
    got = facts.filter(pl.col("metric") == metric, *conds)
    if not got.height:
        return None
    got = _prefer(got, ["dims_json"])
    return float(got["value"].sum())


def _dims_free(facts: pl.DataFrame) -> dict[str, float]:
    """Each metric's dims-free figure (`_no_dims` of every metric at once: one query, not one a metric)."""
    got = _prefer(facts.filter(pl.col("dims_json") == "{}"), ["metric"])
    return {str(m): float(v) for m, v in got.select("metric", "value").iter_rows()}


def _totals(facts: pl.DataFrame, n_findings: int | None) -> dict[str, float | None]:
    """Headline totals of one report, using the dims-free total or, failing that, the sum of its parts."""
    plain = _dims_free(facts)
    review = plain.get("review.count")
    if review is None:
        review = _sum_where(
            facts, "review.count", pl.col("dim_outcome").is_in(["upheld", "corrected", "other", "pending"])
        )
    litigation = plain.get("litigation.count")
    if litigation is None:
        litigation = _sum_where(
            facts, "litigation.count", pl.col("dim_route").is_not_null(), pl.col("dim_outcome").is_null()
        )
    complaints = plain.get("complaints.count")
    if complaints is None:
        complaints = _sum_where(
            facts, "complaints.count", pl.col("dim_source").is_not_null() & pl.col("dim_of").is_null()
        )  # 其中 parts
    return {
        "proactive.total": plain.get("proactive.total"),
        "applications.received": plain.get("applications.received"),
        "review.count": review,
        "litigation.count": litigation,
        "complaints.count": complaints,
        "findings.count": None if n_findings is None else float(n_findings),
    }


HEADLINE_METRICS = (
    "proactive.total",
    "applications.received",
    "review.count",
    "litigation.count",
    "complaints.count",
    "findings.count",
)


# ------------------------------------------------------------------------------------------------ views

AGENCIES = _schema(
    agency_key=pl.String, agency=pl.String, region=pl.String, years=pl.List(pl.Int64), latest_year=pl.Int64
)


def agencies(store: Store) -> pl.DataFrame:
    """One row per agency: key, printed name and region of its latest report, the years it reported."""
    df = (
        store.reports.sort(["agency_key", "year", "source"], nulls_last=False)
        .group_by("agency_key", maintain_order=True)
        .agg(
            pl.col("agency").drop_nulls().last(),
            pl.col("region").drop_nulls().last(),
            pl.col("year").drop_nulls().unique().sort().alias("years"),
            pl.col("year").max().alias("latest_year"),
        )
        .sort("agency_key")
        .collect()
    )
    return df.select(AGENCIES.names()).cast(AGENCIES)


def reports(store: Store, agency_key: str | None = None) -> pl.DataFrame:
    """Rows of the reports frame (one agency's when `agency_key` is given), by agency and year."""
    lf = store.reports
    if agency_key is not None:
        lf = lf.filter(pl.col("agency_key") == agency_key)
    return lf.sort("agency_key", "year", "source", nulls_last=True).collect()


HEADLINE = _schema(
    metric=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
    previous=pl.Float64,
    change=pl.Float64,
    approx=pl.String,
)


def headline(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Six headline figures for one report, with the value in the agency's previous report (the latest
    earlier year the store holds) and the change (null when unknown). Computed once per report and
    generation (a brief reads it in its headline and again, for each year, in its trend)."""
    memo: dict[tuple[str, int], pl.DataFrame] = _generation_memo(store).setdefault("headline", {})
    key = (agency_key, year)
    if key not in memo:
        memo[key] = _headline(store, agency_key, year)
    return memo[key]


def _headline(store: Store, agency_key: str, year: int) -> pl.DataFrame:

    def n_findings(y: int) -> int | None:
        rid = _report_id(store, agency_key, y)
        return None if rid is None else _finding_counts(store).get(rid, 0)

    if _report_id(store, agency_key, year) is None:
        return pl.DataFrame(schema=HEADLINE)
    facts = _facts_of(store, agency_key, year)
    now = _totals(facts, n_findings(year))
    prev = previous_year(store, agency_key, year)  # the previous report, even across a gap in years
    prev = year - 1 if prev is None else prev
    before = _totals(_facts_of(store, agency_key, prev), n_findings(prev))
    approx = {m: a for m, a in _approx_totals(facts).items() if m in now and now[m] is None}
    df = pl.DataFrame(
        {
            "metric": list(HEADLINE_METRICS),
            "value": [approx[m][0] if m in approx else now[m] for m in HEADLINE_METRICS],
            "previous": [before[m] for m in HEADLINE_METRICS],
            "approx": [approx[m][1] if m in approx else None for m in HEADLINE_METRICS],
        },
        schema={"metric": pl.String, "value": pl.Float64, "previous": pl.Float64, "approx": pl.String},
    )
    # an approximate figure is shown as printed, never subtracted from an exact one
    change = pl.when(pl.col("approx").is_null()).then(pl.col("value") - pl.col("previous"))
    df = df.with_columns(change.alias("change"))
    return with_labels(df, "metric").select(HEADLINE.names())


VOLUMES = _schema(
    agency_key=pl.String, agency=pl.String, region=pl.String, year=pl.Int64, proactive_total=pl.Float64
)


def _volumes_all(store: Store) -> pl.DataFrame:
    canon = canonical(store.reports).select("report_id", "agency_key", "agency", "region", "year")
    totals = (
        store.facts.filter(
            pl.col("metric") == "proactive.total", pl.col("dims_json") == "{}", pl.col("scope") == "year"
        )
        .sort([pl.col("origin") != "table", pl.col("seq")])
        .group_by("report_id")
        .agg(pl.col("value").first().alias("proactive_total"))
    )
    return (
        canon.join(totals, on="report_id", how="left").drop("report_id").sort("agency_key", "year").collect()
    )


def volumes(store: Store, agency_key: str | None = None) -> pl.DataFrame:
    """Proactive disclosure total per agency and year (null where the report states none)."""
    df = _volumes_all(store)
    if agency_key is not None:
        df = df.filter(pl.col("agency_key") == agency_key)
    return df.select(VOLUMES.names()).cast(VOLUMES)


# ------------------------------------------------------------------------------------------------ per-generation memo
# What every brief of a batch reads about all agencies (each agency's city and proactive totals, each
# report's peer-table row) is computed once per store generation and process, not once per brief: the
# same-city comparison was O(agencies) a brief, O(N²) a batch. The memo lives in a module of its own
# outside `ogi` because a warm render kernel drops the `ogi` modules when a brief monkeypatched one
# (render.kernel); it holds only frames and rows derived from one generation's immutable files, keyed
# by that generation folder and the identity of its files, so a new generation (or a rewritten file)
# never reads a stale one. `_once` and `_kept` above are its two uses.

_MEMO_MODULE = "_ogi_generation_memo"
_MEMO_KEEP = 4  # generations remembered per process (a render reads one; tests open several)


def _generation_key(store: Store) -> tuple[object, ...]:
    """The generation folder and, for each frame the memo derives from, its inode, size and mtime."""
    key: list[object] = [str(store.folder)]
    for name in ("reports", "facts", "findings"):
        try:
            st = (store.folder / f"{name}.parquet").stat()
        except OSError:
            key.append(None)
            continue
        key.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(key)


def _generation_memo(store: Store) -> dict[str, Any]:
    """This process's memo for the generation `store` reads (created empty the first time)."""
    holder = sys.modules.get(_MEMO_MODULE)
    if holder is None:
        holder = types.ModuleType(_MEMO_MODULE, "ogi.store.views: per-generation memo of all-agency views")
        holder.memos = {}  # type: ignore[attr-defined]
        sys.modules[_MEMO_MODULE] = holder
    memos: dict[tuple[object, ...], dict[str, Any]] = holder.memos
    key = _generation_key(store)
    memo = memos.get(key)
    if memo is None:
        while len(memos) >= _MEMO_KEEP:
            del memos[next(iter(memos))]  # the oldest first
        memo = memos[key] = {}
    return memo


def _city_volumes(store: Store) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
    """`_volumes_all` with each row's city, split by city and by agency (rows in their stored order),
    computed once per generation: a brief then reads its own agency's and city's rows only."""
    memo = _generation_memo(store)
    hit = memo.get("city_volumes")
    if hit is None:
        vols = _volumes_all(store).with_columns(
            pl.col("region").map_elements(city_of, return_dtype=pl.String).alias("city")
        )
        by_city = {
            str(k[0]): df
            for k, df in vols.partition_by("city", as_dict=True, maintain_order=True).items()
            if k[0] is not None
        }
        by_agency = {
            str(k[0]): df
            for k, df in vols.partition_by("agency_key", as_dict=True, maintain_order=True).items()
        }
        hit = memo["city_volumes"] = (by_city, by_agency)
    return hit


PEER_MEDIAN = _schema(year=pl.Int64, median_proactive_total=pl.Float64, peers=pl.UInt32)


def peer_median(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Median proactive total of the other agencies in the same city, per year up to `year`."""
    by_city, by_agency = _city_volumes(store)
    own = by_agency.get(agency_key)
    if own is None:
        return pl.DataFrame(schema=PEER_MEDIAN)
    mine = own.filter(pl.col("city").is_not_null())
    if not mine.height:
        return pl.DataFrame(schema=PEER_MEDIAN)
    city = mine.sort("year")["city"][-1]
    peers = by_city[city].filter(
        pl.col("city") == city,
        pl.col("agency_key") != agency_key,
        pl.col("proactive_total").is_not_null(),
        pl.col("year") <= year,
    )
    out = (
        peers.group_by("year")
        .agg(
            pl.col("proactive_total").median().alias("median_proactive_total"),
            pl.col("agency_key").n_unique().alias("peers"),
        )
        .sort("year")
    )
    return out.select(PEER_MEDIAN.names()).cast(PEER_MEDIAN)


CATEGORY_MIX = _schema(category=pl.String, value=pl.Float64, share=pl.Float64, line=pl.Int64, quote=pl.String)

#: a fact that is part of another (`dims.of`) or a category under another (`dims.parent`)
IS_PART = pl.col("dim_of").is_not_null() | pl.col("dims_json").str.contains('"parent":', literal=True)


def category_mix(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Proactive disclosure by top-level category (the report's own labels; sub-categories, which
    `dims.parent` places under another, are left out so no part stands beside its whole)."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric") == "proactive.category", pl.col("dim_category").is_not_null(), ~IS_PART
    )
    df = (
        _prefer(facts, ["dim_category"])
        .select(pl.col("dim_category").str.strip_chars("（(）) ").alias("category"), "value", "line", "quote")
        .with_columns((pl.col("value") / pl.col("value").sum()).alias("share"))
        .sort(["value", "category"], descending=[True, False])
    )
    return df.select(CATEGORY_MIX.names()).cast(CATEGORY_MIX)


CHANNEL_MIX = _schema(
    channel=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
    line=pl.Int64,
    quote=pl.String,
)


def channel_mix(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Proactive disclosure by channel (codes with bilingual labels)."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric") == "proactive.channel", pl.col("dim_channel").is_not_null(), ~IS_PART
    )
    df = _prefer(facts, ["dim_channel"]).select(
        pl.col("dim_channel").alias("channel"), "value", "line", "quote"
    )
    df = with_labels(df, "channel", "channel").sort(["value", "channel"], descending=[True, False])
    return df.select(CHANNEL_MIX.names()).cast(CHANNEL_MIX)


APPLICATIONS = _schema(
    measure=pl.String,
    dim=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
    parent=pl.String,
    origin=pl.String,
    line=pl.Int64,
    quote=pl.String,
)
_APP_MEASURES = {  # metric → (measure, dims key that qualifies it)
    "applications.received": ("received", "applicant"),
    "applications.carried_over": ("carried_over", "applicant"),
    "applications.carried_forward": ("carried_forward", "applicant"),
    "applications.channel": ("channel", "channel"),
    "applications.completed": ("completed", "timing"),
    "applications.outcome": ("outcome", "outcome"),
}


def applications(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Applications: intake (total, by applicant, by channel), outcomes with their subtotals, the reasons
    within them, carried over / forward.

    `dim` is 'total' for a measure's total, else the applicant / channel / timing / outcome code. Every
    outcome has one `outcome` row: the subtotal fact when the report (or the parser, `origin` derived)
    gives one, else the sum of its reason rows (`origin` 'derived', line of the first reason). Reasons are
    measure `outcome_reason` with dim `<outcome>:<reason label>` and `parent` the outcome: they split the
    subtotal and are never to be added to it.
    """
    df = _kept(store, "applications", (agency_key, year), lambda: _applications(store, agency_key, year))
    return df.clone()  # a notebook may change its frame in place; the kept one stays as computed


def _applications(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    facts = _facts_of(store, agency_key, year)
    lazy_parts: list[pl.LazyFrame] = []  # one query a measure, collected together (a collect costs ~0.2 ms)
    all_keys = ("dim_applicant", "dim_channel", "dim_timing", "dim_outcome", "dim_reason")
    for metric, (measure, key) in _APP_MEASURES.items():
        f = facts.lazy().filter(pl.col("metric") == metric)
        others = [c for c in all_keys if c != f"dim_{key}"]
        plain = f.filter(*(pl.col(c).is_null() for c in others))
        plain = _prefer(plain, [f"dim_{key}"])
        df = plain.select(
            pl.lit(measure).alias("measure"),
            pl.col(f"dim_{key}").fill_null("total").alias("dim"),
            "value",
            pl.lit(None, dtype=pl.String).alias("parent"),
            "origin",
            "line",
            "quote",
        )
        names = dim_labels(key).rename({"code": "dim"}).lazy()
        total_zh, total_en = ("合计", "Total") if key != "outcome" else ("总计", "Total")
        df = df.join(names, on="dim", how="left", maintain_order="left").with_columns(
            pl.when(pl.col("dim") == "total")
            .then(pl.lit(total_zh))
            .otherwise(pl.coalesce("label_zh", "dim"))
            .alias("label_zh"),
            pl.when(pl.col("dim") == "total")
            .then(pl.lit(total_en))
            .otherwise(pl.coalesce("label_en", "dim"))
            .alias("label_en"),
        )
        lazy_parts.append(df.select(APPLICATIONS.names()))
    parts: list[pl.DataFrame] = pl.collect_all(lazy_parts)
    reasons = facts.filter(
        pl.col("metric") == "applications.outcome",
        pl.col("dim_reason").is_not_null(),
        pl.col("dim_applicant").is_null(),
    )
    reasons = _prefer(reasons, ["dim_outcome", "dim_reason"]).sort("seq")
    reason_rows = reasons.select(
        pl.lit("outcome_reason").alias("measure"),
        pl.concat_str(pl.col("dim_outcome").fill_null(""), pl.lit(":"), "dim_reason").alias("dim"),
        pl.col("dim_reason").alias("label_zh"),
        pl.col("dim_reason").alias("label_en"),
        "value",
        pl.col("dim_outcome").alias("parent"),
        "origin",
        "line",
        "quote",
    )
    have = {str(d) for d in parts[-1].get_column("dim").to_list()}
    missing = reason_rows.filter(pl.col("parent").is_not_null() & ~pl.col("parent").is_in(list(have)))
    if missing.height:
        derived = (
            missing.group_by("parent", maintain_order=True)
            .agg(
                pl.col("value").sum(),
                pl.col("line").first(),
                pl.col("label_zh").str.join(" + ").alias("quote"),
            )
            .select(
                pl.lit("outcome").alias("measure"),
                pl.col("parent").alias("dim"),
                "value",
                pl.lit(None, dtype=pl.String).alias("parent"),
                pl.lit("derived").alias("origin"),
                "line",
                pl.concat_str(pl.lit("= "), "quote").alias("quote"),
            )
        )
        labels = dim_labels("outcome").rename({"code": "dim"})
        derived = derived.join(labels, on="dim", how="left", maintain_order="left").with_columns(
            pl.coalesce("label_zh", "dim").alias("label_zh"), pl.coalesce("label_en", "dim").alias("label_en")
        )
        parts.append(derived.select(APPLICATIONS.names()))
    parts.append(reason_rows.select(APPLICATIONS.names()))
    return pl.concat([p.cast(APPLICATIONS) for p in parts], how="vertical")


REVIEW_LITIGATION = _schema(
    kind=pl.String,
    route=pl.String,
    outcome=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
    line=pl.Int64,
    quote=pl.String,
)


def review_litigation(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Administrative review and litigation by route and outcome; 'all' / 'total' where a dim is absent."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric").is_in(["review.count", "litigation.count"])
    )
    df = _prefer(facts, ["metric", "dim_route", "dim_outcome"]).select(
        pl.col("metric").str.split(".").list.first().alias("kind"),
        pl.col("dim_route").fill_null("all").alias("route"),
        pl.col("dim_outcome").fill_null("total").alias("outcome"),
        "value",
        "seq",
        "line",
        "quote",
    )
    routes = dim_labels("route").rename({"code": "route", "label_zh": "r_zh", "label_en": "r_en"})
    outcomes = dim_labels("outcome").rename({"code": "outcome", "label_zh": "o_zh", "label_en": "o_en"})
    df = (
        df.join(routes, on="route", how="left", maintain_order="left")
        .join(outcomes, on="outcome", how="left", maintain_order="left")
        .with_columns(
            pl.concat_str(
                [pl.col("r_zh"), pl.coalesce("o_zh", "outcome")], separator=" ", ignore_nulls=True
            ).alias("label_zh"),
            pl.concat_str(
                [pl.col("r_en"), pl.coalesce("o_en", "outcome")], separator=" ", ignore_nulls=True
            ).alias("label_en"),
        )
        .sort("kind", "seq", descending=[True, False])
    )
    return df.select(REVIEW_LITIGATION.names()).cast(REVIEW_LITIGATION)


COMPLAINTS = _schema(
    family=pl.String,
    source=pl.String,
    code=pl.String,
    value=pl.Float64,
    line=pl.Int64,
    quote=pl.String,
)


def complaints(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Complaint / hotline cases by source and inquiries by channel.

    `source` is the report's own label ('total' if none), `code` its canonical source
    (vocabulary.source_code: 'total' for a label naming the sum, e.g. 总人次数). Parts of another
    source (`dims.of`, e.g. 市长热线转交 within 举报投诉) are left out: they are inside their whole.
    """
    from ogi.vocabulary import source_code

    facts = _facts_of(store, agency_key, year).filter(~IS_PART)
    c = _prefer(facts.filter(pl.col("metric") == "complaints.count"), ["dim_source"]).select(
        pl.lit("complaints").alias("family"),
        pl.col("dim_source").fill_null("total").alias("source"),
        "value",
        "seq",
        "line",
        "quote",
    )
    i = _prefer(facts.filter(pl.col("metric") == "inquiries.count"), ["dim_channel"]).select(
        pl.lit("inquiries").alias("family"),
        pl.col("dim_channel").fill_null("total").alias("source"),
        "value",
        "seq",
        "line",
        "quote",
    )
    df = pl.concat([c, i], how="vertical").sort("family", "seq")
    df = df.with_columns(
        pl.when(pl.col("source") == "total")
        .then(pl.lit("total"))
        .otherwise(pl.col("source").map_elements(source_code, return_dtype=pl.String))
        .alias("code")
    )
    return df.select(COMPLAINTS.names()).cast(COMPLAINTS)


FINDINGS = _schema(
    rule=pl.String,
    severity=pl.String,
    message_zh=pl.String,
    message_en=pl.String,
    line=pl.Int64,
    quote=pl.String,
    source=pl.String,
    agency_key=pl.String,
    year=pl.Int64,
    report_id=pl.String,
)
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def findings(store: Store, agency_key: str | None = None, year: int | None = None) -> pl.DataFrame:
    """Check findings (errors first, then by line); one agency's or one report's when narrowed."""
    lf = store.findings
    if agency_key is not None:
        lf = lf.filter(pl.col("agency_key") == agency_key)
    if year is not None:
        if agency_key is None:
            lf = lf.filter(pl.col("year") == year)
        else:
            rid = _report_id(store, agency_key, year)
            if rid is None:
                return pl.DataFrame(schema=FINDINGS)
            lf = lf.filter(pl.col("report_id") == rid)
    df = (
        lf.with_columns(
            pl.col("severity").replace_strict(_SEVERITY_ORDER, default=3, return_dtype=pl.Int8).alias("_o")
        )
        .sort("agency_key", "year", "_o", "line", "rule", "seq")
        .collect()
    )
    return df.select(FINDINGS.names()).cast(FINDINGS)


COVERAGE = _schema(agency_key=pl.String, agency=pl.String, year=pl.Int64, present=pl.Boolean)


def coverage(store: Store) -> pl.DataFrame:
    """Every agency × every year the store spans: whether the agency's report for that year is present."""
    ag = agencies(store)
    years = sorted({y for ys in ag["years"] for y in ys})
    if not years or not ag.height:
        return pl.DataFrame(schema=COVERAGE)
    grid = ag.select("agency_key", "agency").join(
        pl.DataFrame({"year": list(range(years[0], years[-1] + 1))}, schema={"year": pl.Int64}), how="cross"
    )
    have = (
        ag.select("agency_key", pl.col("years").alias("year"))
        .explode("year")
        .with_columns(pl.lit(True).alias("present"))
    )
    df = (
        grid.join(have, on=["agency_key", "year"], how="left")
        .with_columns(pl.col("present").fill_null(False))
        .sort("agency_key", "year")
    )
    return df.select(COVERAGE.names()).cast(COVERAGE)


def failures(store: Store) -> pl.DataFrame:
    """Inputs that could not be stored, with the stage and reason."""
    return store.failures.sort("path").collect()


REPORT_FACTS = _schema(
    metric=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    dims_json=pl.String,
    value=pl.Float64,
    unit=pl.String,
    scope=pl.String,
    origin=pl.String,
    line=pl.Int64,
    quote=pl.String,
    source=pl.String,
)


def report_facts(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Every fact of the canonical report for (agency, year) in report order, with line and quote:
    what a brief's CSV download holds."""
    rid = _report_id(store, agency_key, year)
    if rid is None:
        return pl.DataFrame(schema=REPORT_FACTS)

    def read() -> pl.DataFrame:  # the brief's figure tables and its CSV read it
        df = store.facts.filter(pl.col("report_id") == rid).sort("seq").collect()
        return with_labels(df, "metric").select(REPORT_FACTS.names()).cast(REPORT_FACTS)

    return _kept(store, "report_facts", rid, read).clone()  # a notebook may change its frame in place


SECTION2 = _schema(
    group=pl.String,
    metric=pl.String,
    measure=pl.String,
    item=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
    unit=pl.String,
    line=pl.Int64,
    quote=pl.String,
)
_SECTION2_FAMILIES = ("documents", "licensing", "enforcement", "charges", "fees")


def section2(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Section 二 of the 2019/2021 templates (第二十条: documents, licensing, enforcement, charges) cell by
    cell as printed (`group` the table, `item` its row, `measure` its column; zeros kept), and the
    information-processing fees; one figure per cell (a table cell first), in report order."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric").str.split(".").list.first().is_in(list(_SECTION2_FAMILIES))
    )
    df = (
        _prefer(facts, ["metric", "dims_json"])
        .sort("seq")
        .select(
            pl.col("metric").str.split(".").list.first().alias("group"),
            "metric",
            pl.col("metric").str.split(".").list.last().alias("measure"),
            pl.col("dims_json").str.json_path_match("$.item").alias("item"),
            "value",
            "unit",
            "line",
            "quote",
        )
    )
    return with_labels(df, "metric").select(SECTION2.names()).cast(SECTION2)


YOY_CHANGES = _schema(
    metric=pl.String,
    dims_json=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    previous=pl.Float64,
    value=pl.Float64,
    change=pl.Float64,
    pct=pl.Float64,
    line=pl.Int64,
    quote=pl.String,
)


def previous_year(store: Store, agency_key: str, year: int) -> int | None:
    """The latest year before `year` for which the store holds the agency's report."""
    earlier = [y for y in _agency_years(store).get(agency_key, []) if y < year]
    return earlier[-1] if earlier else None


def yoy_changes(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Figures stated in both this report and the agency's previous one (same metric and dims, year
    scope) whose value changed: both values, the change and the change in percent of the previous."""
    before = previous_year(store, agency_key, year)
    if before is None:
        return pl.DataFrame(schema=YOY_CHANGES)
    keep = ~pl.col("metric").str.starts_with("mention.")

    def one(y: int) -> pl.DataFrame:
        f = _facts_of(store, agency_key, y).filter(keep)
        return _prefer(f, ["metric", "dims_json"]).select(
            "metric", "dims_json", "value", "line", "quote", "seq"
        )

    now, then = one(year), one(before).select("metric", "dims_json", pl.col("value").alias("previous"))
    df = (
        now.join(then, on=["metric", "dims_json"], how="inner")
        .filter(pl.col("value") != pl.col("previous"))
        .with_columns(
            (pl.col("value") - pl.col("previous")).alias("change"),
            pl.when(pl.col("previous") != 0)
            .then((pl.col("value") - pl.col("previous")) / pl.col("previous") * 100)
            .otherwise(None)
            .alias("pct"),
        )
        .sort("seq")
    )
    return with_labels(df, "metric").select(YOY_CHANGES.names()).cast(YOY_CHANGES)


REPEATED = _schema(line=pl.Int64, previous_line=pl.Int64, quote=pl.String)


def repeated_passages(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Sentences of this report repeated from the previous one, as the yoy duplication check quoted them."""
    import json

    rid = _report_id(store, agency_key, year)
    if rid is None:
        return pl.DataFrame(schema=REPEATED)
    got = (
        store.findings.filter(pl.col("report_id") == rid, pl.col("rule") == "yoy.text_duplication")
        .select("evidence_json")
        .collect()
    )
    rows: list[tuple[int, int | None, str]] = []
    for text in got.get_column("evidence_json").to_list():
        try:
            items = json.loads(text or "[]")
        except ValueError:
            continue
        for e in items if isinstance(items, list) else []:
            if isinstance(e, dict) and e.get("metric") == "text.sentence":
                prev = (e.get("dims") or {}).get("previous_line")
                rows.append((int(e.get("line") or 0), int(prev) if prev else None, str(e.get("quote") or "")))
    return pl.DataFrame(rows, schema=REPEATED, orient="row").sort("line")


REGION_PEERS = _schema(
    agency_key=pl.String,
    agency=pl.String,
    region=pl.String,
    year=pl.Int64,
    applications=pl.Float64,
    denied_share=pl.Float64,
    proactive_total=pl.Float64,
)


def region_peers(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """The agency and the others of its city in the same year: applications received, the share of
    replies denied or not available (不予公开 + 无法提供 of 总计), proactive items. Each report's row
    is computed once per generation (`_peer_figures`), so a brief reads its city's rows, not the store."""
    by_city, by_agency = _city_volumes(store)
    own = by_agency.get(agency_key)
    if own is None:
        return pl.DataFrame(schema=REGION_PEERS)
    mine = own.filter(pl.col("year") == year)
    if not mine.height or mine["city"][0] is None:
        return pl.DataFrame(schema=REGION_PEERS)
    same = by_city[mine["city"][0]].filter(pl.col("year") == year)
    figures: dict[tuple[str, int], tuple[float | None, float | None]] = _generation_memo(store).setdefault(
        "peer_figures", {}
    )
    rows = []
    for r in same.to_dicts():
        key = (str(r["agency_key"]), year)
        if key not in figures:
            figures[key] = _peer_figures(store, *key)
        received, denied_share = figures[key]
        rows.append(
            {
                "agency_key": r["agency_key"],
                "agency": r["agency"],
                "region": r["region"],
                "year": year,
                "applications": received,
                "denied_share": denied_share,
                "proactive_total": r["proactive_total"],
            }
        )
    return pl.DataFrame(rows, schema=REGION_PEERS).sort("agency_key")


def _peer_figures(store: Store, agency_key: str, year: int) -> tuple[float | None, float | None]:
    """One report's applications received and share of replies denied or not available (peer table)."""
    f = _facts_of(store, agency_key, year)
    app = applications(store, agency_key, year)
    out = {
        str(d): float(v) for d, v in app.filter(pl.col("measure") == "outcome").select("dim", "value").rows()
    }
    total = out.get("total")
    denied = out.get("denied", 0.0) + out.get("unavailable", 0.0)
    return _no_dims(f, "applications.received"), (denied / total if total else None)


# ------------------------------------------------------------------------------------------------ sections
# The brief's sections read these under their own names (`views.channels(store, report)`).

categories = category_mix
channels = channel_mix
review = review_litigation

TREND = _schema(
    year=pl.Int64, metric=pl.String, value=pl.Float64, peers=pl.UInt32, line=pl.Int64, quote=pl.String
)
TREND_METRICS = (
    "proactive.total",
    "applications.received",
    "review.count",
    "litigation.count",
    "complaints.count",
)


def _cite(year_facts: pl.DataFrame, metric: str) -> tuple[int | None, str | None]:
    """Line and quote of a headline figure: its stated total, else its parts (first line, quotes joined)."""
    facts = year_facts.filter(pl.col("metric") == metric)
    whole = _prefer(facts.filter(pl.col("dims_json") == "{}"), ["metric"])
    if whole.height:
        return whole["line"][0], whole["quote"][0]
    parts = _prefer(facts.filter(~IS_PART), ["dims_json"]).sort("seq")
    if not parts.height:
        return None, None
    return parts["line"][0], " + ".join(str(q) for q in parts["quote"].to_list())


def trend(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """The headline figures stated in two or more of the agency's reports up to `year` (year, metric,
    value, the line and quote it comes from, by year); with the proactive total, the same-city peers'
    median of it as metric 'peers' (`peers`: how many agencies the median is of)."""
    if year is None:
        return pl.DataFrame(schema=TREND)
    years = [y for y in _agency_years(store).get(agency_key, []) if y <= year]
    rows: list[tuple[int, str, float, int | None, int | None, str | None]] = []
    if len(years) < 2:  # one report: nothing to draw over the years
        return pl.DataFrame(schema=TREND)
    for y in years:
        for r in headline(store, agency_key, y).iter_rows(named=True):
            if r["metric"] in TREND_METRICS and r["value"] is not None:
                rows.append((y, r["metric"], float(r["value"]), None, None, None))
    shown = {m for m in TREND_METRICS if sum(1 for r in rows if r[1] == m) >= 2}
    cited: list[tuple[int, str, float, int | None, int | None, str | None]] = []
    for y in years:
        mine = [r for r in rows if r[0] == y and r[1] in shown]
        if mine:
            year_facts = _facts_of(store, agency_key, y)
            cited += [(r[0], r[1], r[2], r[3], *_cite(year_facts, r[1])) for r in mine]
    rows = cited
    if "proactive.total" in shown:
        med = peer_median(store, agency_key, year)
        top = med.get_column("peers").max() if med.height else 0
        if top:
            rows += [
                (int(p["year"]), "peers", float(p["median_proactive_total"]), int(p["peers"]), None, None)
                for p in med.iter_rows(named=True)
                if p["median_proactive_total"] is not None
            ]
    return pl.DataFrame(rows, schema=TREND, orient="row")


__all__ = [
    "Store",
    "agencies",
    "applications",
    "as_store",
    "categories",
    "category_mix",
    "channel_mix",
    "channels",
    "complaints",
    "coverage",
    "failures",
    "findings",
    "headline",
    "metric_labels",
    "open_store",
    "peer_median",
    "previous_year",
    "region_peers",
    "repeated_passages",
    "report_facts",
    "reports",
    "review",
    "review_litigation",
    "section2",
    "trend",
    "volumes",
    "yoy_changes",
]


@runtime_checkable
class ReportRef(Protocol):
    """What a view needs to know of the report a brief is about (a brief's Context is one)."""

    agency_key: str
    year: int | None


def _accepting_paths() -> None:
    """Every view takes a Store or a path (`ogi.store.agencies("data/processed")`), and each view of one
    report takes the report in place of its agency key and year (`views.channels(store, report)`)."""
    import functools

    g = globals()
    for name in __all__:
        fn = g.get(name)
        if name in ("Store", "open_store", "as_store", "metric_labels") or not callable(fn):
            continue

        def wrap(f=fn):  # type: ignore[no-untyped-def]
            @functools.wraps(f)
            def inner(store, *args, **kwargs):  # type: ignore[no-untyped-def]
                if args and isinstance(args[0], ReportRef):
                    args = (args[0].agency_key, args[0].year, *args[1:])
                return f(as_store(store), *args, **kwargs)

            return inner

        g[name] = wrap()


_accepting_paths()
