"""The views the notebooks need, each a function of the Store returning a Polars frame.

Every view returns an empty frame with its declared columns when the store has no data for the
question (never raises), so notebooks hold no data wrangling and no special cases. Where an agency
has more than one report for a year, the canonical one is used (most facts, latest published).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ogi.store import schema as S
from ogi.store.agency import city_of
from ogi.store.labels import dim_labels, metric_labels, with_labels
from ogi.store.shared import canonical


@dataclass(frozen=True, slots=True)
class Store:
    """The Parquet store at `path`, opened lazily (each frame is a `pl.scan_parquet`)."""

    path: Path

    def frame(self, name: str) -> pl.LazyFrame:
        """One stored frame, lazily; an empty frame with its schema when the file is missing."""
        f = self.path / f"{name}.parquet"
        if f.exists():
            return pl.scan_parquet(f)
        return S.empty(name).lazy()

    @property
    def reports(self) -> pl.LazyFrame:
        return self.frame("reports")

    @property
    def facts(self) -> pl.LazyFrame:
        return self.frame("facts")

    @property
    def findings(self) -> pl.LazyFrame:
        return self.frame("findings")

    @property
    def failures(self) -> pl.LazyFrame:
        return self.frame("failures")


def open_store(path: str | Path = "data/processed") -> Store:
    """Open the store folder written by `ogi ingest` (nothing is read until a view collects).

    The current generation is resolved once and its checksums verified (ogi.store.generation), so
    a Store reads one whole store, old or new, never a mix; damage raises StoreDamaged.
    """
    from ogi.store.generation import resolve

    return Store(resolve(Path(path)))


# ------------------------------------------------------------------------------------------------ helpers


def _schema(**cols: pl.DataType | type[pl.DataType]) -> pl.Schema:
    return pl.Schema(cols)


def _report_id(store: Store, agency_key: str, year: int) -> str | None:
    """The canonical report of an agency for a year."""
    df = (
        canonical(store.reports)
        .filter(pl.col("agency_key") == agency_key, pl.col("year") == year)
        .select("report_id")
        .collect()
    )
    return df.item(0, 0) if df.height else None


def _facts_of(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Facts of the canonical report for (agency, year), year-scope only."""
    rid = _report_id(store, agency_key, year)
    if rid is None:
        return S.empty("facts")
    return store.facts.filter(pl.col("report_id") == rid, pl.col("scope") == "year").collect()


def _prefer(df: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """One fact per `by` group: a table cell before a prose figure, then the first in the report."""
    return df.sort([pl.col("origin") != "table", pl.col("seq")]).unique(by, keep="first", maintain_order=True)


def _no_dims(facts: pl.DataFrame, metric: str) -> float | None:
    got = _prefer(facts.filter(pl.col("metric") == metric, pl.col("dims_json") == "{}"), ["metric"])
    return float(got["value"][0]) if got.height else None


def _sum_where(facts: pl.DataFrame, metric: str, *conds: pl.Expr) -> float | None:
    got = facts.filter(pl.col("metric") == metric, *conds)
    if not got.height:
        return None
    got = _prefer(got, ["dims_json"])
    return float(got["value"].sum())


def _totals(facts: pl.DataFrame, n_findings: int | None) -> dict[str, float | None]:
    """Headline totals of one report, using the dims-free total or, failing that, the sum of its parts."""
    review = _no_dims(facts, "review.count")
    if review is None:
        review = _sum_where(
            facts, "review.count", pl.col("dim_outcome").is_in(["upheld", "corrected", "other", "pending"])
        )
    litigation = _no_dims(facts, "litigation.count")
    if litigation is None:
        litigation = _sum_where(
            facts, "litigation.count", pl.col("dim_route").is_not_null(), pl.col("dim_outcome").is_null()
        )
    complaints = _no_dims(facts, "complaints.count")
    if complaints is None:
        complaints = _sum_where(
            facts, "complaints.count", pl.col("dim_source").is_not_null() & pl.col("dim_of").is_null()
        )  # 其中 parts
    received = _no_dims(facts, "applications.received")
    return {
        "proactive.total": _no_dims(facts, "proactive.total"),
        "applications.received": received,
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
)


def headline(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Six headline figures for one report, with last year's value and the change (null when unknown)."""

    def n_findings(y: int) -> int | None:
        rid = _report_id(store, agency_key, y)
        if rid is None:
            return None
        return store.findings.filter(pl.col("report_id") == rid).select(pl.len()).collect().item()

    if _report_id(store, agency_key, year) is None:
        return pl.DataFrame(schema=HEADLINE)
    now = _totals(_facts_of(store, agency_key, year), n_findings(year))
    before = _totals(_facts_of(store, agency_key, year - 1), n_findings(year - 1))
    df = pl.DataFrame(
        {
            "metric": list(HEADLINE_METRICS),
            "value": [now[m] for m in HEADLINE_METRICS],
            "previous": [before[m] for m in HEADLINE_METRICS],
        },
        schema={"metric": pl.String, "value": pl.Float64, "previous": pl.Float64},
    )
    df = df.with_columns((pl.col("value") - pl.col("previous")).alias("change"))
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


PEER_MEDIAN = _schema(year=pl.Int64, median_proactive_total=pl.Float64, peers=pl.UInt32)


def peer_median(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Median proactive total of the other agencies in the same city, per year up to `year`."""
    vols = _volumes_all(store).with_columns(
        pl.col("region").map_elements(city_of, return_dtype=pl.String).alias("city")
    )
    mine = vols.filter(pl.col("agency_key") == agency_key, pl.col("city").is_not_null())
    if not mine.height:
        return pl.DataFrame(schema=PEER_MEDIAN)
    city = mine.sort("year")["city"][-1]
    peers = vols.filter(
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


CATEGORY_MIX = _schema(category=pl.String, value=pl.Float64, share=pl.Float64)


def category_mix(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Proactive disclosure by category (the report's own labels), with each one's share of their sum."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric") == "proactive.category", pl.col("dim_category").is_not_null()
    )
    df = (
        _prefer(facts, ["dim_category"])
        .select(pl.col("dim_category").alias("category"), "value")
        .with_columns((pl.col("value") / pl.col("value").sum()).alias("share"))
        .sort(["value", "category"], descending=[True, False])
    )
    return df.select(CATEGORY_MIX.names()).cast(CATEGORY_MIX)


CHANNEL_MIX = _schema(channel=pl.String, label_zh=pl.String, label_en=pl.String, value=pl.Float64)


def channel_mix(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Proactive disclosure by channel (codes with bilingual labels)."""
    facts = _facts_of(store, agency_key, year).filter(
        pl.col("metric") == "proactive.channel", pl.col("dim_channel").is_not_null()
    )
    df = _prefer(facts, ["dim_channel"]).select(pl.col("dim_channel").alias("channel"), "value")
    df = with_labels(df, "channel", "channel").sort(["value", "channel"], descending=[True, False])
    return df.select(CHANNEL_MIX.names()).cast(CHANNEL_MIX)


APPLICATIONS = _schema(
    measure=pl.String, dim=pl.String, label_zh=pl.String, label_en=pl.String, value=pl.Float64
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
    """Applications: intake (total, by applicant, by channel), outcomes (and reasons), carried over / forward.

    `dim` is 'total' for a measure's total, else the applicant / channel / timing / outcome code;
    outcome reasons are measure `outcome_reason` with dim `<outcome>:<reason label>`.
    """
    facts = _facts_of(store, agency_key, year)
    parts: list[pl.DataFrame] = []
    all_keys = ("dim_applicant", "dim_channel", "dim_timing", "dim_outcome", "dim_reason")
    for metric, (measure, key) in _APP_MEASURES.items():
        f = facts.filter(pl.col("metric") == metric)
        others = [c for c in all_keys if c != f"dim_{key}"]
        plain = f.filter(*(pl.col(c).is_null() for c in others))
        plain = _prefer(plain, [f"dim_{key}"])
        df = plain.select(
            pl.lit(measure).alias("measure"), pl.col(f"dim_{key}").fill_null("total").alias("dim"), "value"
        )
        labels = dim_labels(key).rename({"code": "dim"})
        total_zh, total_en = ("合计", "Total") if key != "outcome" else ("总计", "Total")
        df = df.join(labels, on="dim", how="left", maintain_order="left").with_columns(
            pl.when(pl.col("dim") == "total")
            .then(pl.lit(total_zh))
            .otherwise(pl.coalesce("label_zh", "dim"))
            .alias("label_zh"),
            pl.when(pl.col("dim") == "total")
            .then(pl.lit(total_en))
            .otherwise(pl.coalesce("label_en", "dim"))
            .alias("label_en"),
        )
        parts.append(df.select(APPLICATIONS.names()))
    reasons = facts.filter(
        pl.col("metric") == "applications.outcome",
        pl.col("dim_reason").is_not_null(),
        pl.col("dim_applicant").is_null(),
    )
    reasons = _prefer(reasons, ["dim_outcome", "dim_reason"])
    parts.append(
        reasons.select(
            pl.lit("outcome_reason").alias("measure"),
            pl.concat_str(pl.col("dim_outcome").fill_null(""), pl.lit(":"), "dim_reason").alias("dim"),
            pl.col("dim_reason").alias("label_zh"),
            pl.col("dim_reason").alias("label_en"),
            "value",
        )
    )
    return pl.concat([p.cast(APPLICATIONS) for p in parts], how="vertical")


REVIEW_LITIGATION = _schema(
    kind=pl.String,
    route=pl.String,
    outcome=pl.String,
    label_zh=pl.String,
    label_en=pl.String,
    value=pl.Float64,
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


COMPLAINTS = _schema(family=pl.String, source=pl.String, value=pl.Float64)


def complaints(store: Store, agency_key: str, year: int) -> pl.DataFrame:
    """Complaint / hotline cases by source and inquiries by channel (the report's labels; 'total' if none)."""
    facts = _facts_of(store, agency_key, year)
    c = _prefer(facts.filter(pl.col("metric") == "complaints.count"), ["dim_source"]).select(
        pl.lit("complaints").alias("family"),
        pl.col("dim_source").fill_null("total").alias("source"),
        "value",
        "seq",
    )
    i = _prefer(facts.filter(pl.col("metric") == "inquiries.count"), ["dim_channel"]).select(
        pl.lit("inquiries").alias("family"),
        pl.col("dim_channel").fill_null("total").alias("source"),
        "value",
        "seq",
    )
    df = pl.concat([c, i], how="vertical").sort("family", "seq")
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


__all__ = [
    "Store",
    "agencies",
    "applications",
    "category_mix",
    "channel_mix",
    "complaints",
    "coverage",
    "failures",
    "findings",
    "headline",
    "metric_labels",
    "open_store",
    "peer_median",
    "reports",
    "review_litigation",
    "volumes",
]
