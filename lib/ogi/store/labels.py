"""The bilingual vocabulary as one frame (metric and dims codes → 中文, English), built from ogi.vocabulary."""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from ogi.vocabulary import DIMS, METRICS

LABELS_SCHEMA = pl.Schema(
    {"kind": pl.String, "key": pl.String, "code": pl.String, "label_zh": pl.String, "label_en": pl.String}
)


@lru_cache(maxsize=1)
def labels() -> pl.DataFrame:
    """kind (metric | dim), key (the dims key; '' for metrics), code, label_zh, label_en — sorted."""
    rows = [("metric", "", code, zh, en) for code, (zh, en) in METRICS.items()]
    rows += [("dim", key, code, zh, en) for key, codes in DIMS.items() for code, (zh, en) in codes.items()]
    return pl.DataFrame(rows, schema=LABELS_SCHEMA, orient="row").sort("kind", "key", "code")


def dim_labels(key: str) -> pl.DataFrame:
    """code, label_zh, label_en for one dims key (empty with schema when the key has no codes)."""
    return (
        labels().filter(pl.col("kind") == "dim", pl.col("key") == key).select("code", "label_zh", "label_en")
    )


def metric_labels() -> pl.DataFrame:
    """code, label_zh, label_en for every metric."""
    return labels().filter(pl.col("kind") == "metric").select("code", "label_zh", "label_en")


def with_labels(df: pl.DataFrame, column: str, key: str | None = None) -> pl.DataFrame:
    """Add label_zh / label_en for the codes in `column` (dims `key`, or metrics when None); unknown codes keep themselves."""
    table = metric_labels() if key is None else dim_labels(key)
    out = df.join(table.rename({"code": column}), on=column, how="left", maintain_order="left")
    return out.with_columns(
        pl.coalesce("label_zh", pl.col(column)).alias("label_zh"),
        pl.coalesce("label_en", pl.col(column)).alias("label_en"),
    )
