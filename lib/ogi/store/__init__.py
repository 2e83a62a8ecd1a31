"""The Parquet store: frames with declared schemas, incremental ingest, and the notebooks' views.

`open_store(path)` opens data/processed lazily; each view takes the Store and returns a Polars frame.
"""

from __future__ import annotations

from ogi.store.labels import labels
from ogi.store.views import (
    Store,
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
