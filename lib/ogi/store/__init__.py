"""The Parquet store: frames with declared schemas, incremental ingest, and the notebooks' views.

`ogi.store.open(path)` (alias `open_store`) opens data/processed lazily as a `Store` that owns its
resolved root and generation; each view takes the Store (or a path) and returns a Polars frame, and
`store.views.<name>(...)` calls a view on it.
"""

from __future__ import annotations

from ogi.store.handle import Store
from ogi.store.labels import labels
from ogi.store.views import (
    agencies,
    applications,
    as_store,
    category_mix,
    channel_mix,
    complaints,
    coverage,
    failures,
    findings,
    headline,
    open_store,
    peer_median,
    previous_year,
    region_peers,
    repeated_passages,
    report_facts,
    reports,
    review_litigation,
    section2,
    volumes,
    yoy_changes,
)

open = open_store

__all__ = [
    "Store",
    "agencies",
    "applications",
    "as_store",
    "category_mix",
    "channel_mix",
    "complaints",
    "coverage",
    "failures",
    "findings",
    "headline",
    "labels",
    "open",
    "open_store",
    "peer_median",
    "previous_year",
    "region_peers",
    "repeated_passages",
    "report_facts",
    "reports",
    "review_litigation",
    "section2",
    "volumes",
    "yoy_changes",
]
