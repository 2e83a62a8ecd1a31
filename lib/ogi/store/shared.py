"""Helpers shared by the store's write path (ingest) and its read path (views), importing neither."""

from __future__ import annotations

import json
from typing import Any

import polars as pl


def canonical(reports: pl.LazyFrame) -> pl.LazyFrame:
    """One report per (agency_key, year): the one with most facts, then latest published, then source."""
    return (
        reports.filter(pl.col("year").is_not_null())
        .sort(
            ["agency_key", "year", "n_facts", "published", "source"],
            descending=[False, False, True, True, False],
            nulls_last=True,
        )
        .unique(["agency_key", "year"], keep="first", maintain_order=True)
    )


def canonical_json(obj: Any) -> str:
    """Compact JSON with sorted keys (one spelling per value, so equal data gives equal bytes)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
