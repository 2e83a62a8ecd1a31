"""The store's frames, each declared once as a dataframely schema and validated on every write.

Frames: `reports` (one row per report), `facts` (one row per figure, dims flattened), `findings`
(check results), `failures` (inputs that could not be read) and the ingest `manifest`.
Parquet is written with fixed settings so the same rows always give the same bytes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import dataframely as dy
import polars as pl

from ogi.vocabulary import DIMS

#: dims keys that get their own `dim_<key>` column: every vocabulary key plus the free-label keys.
FREE_DIM_KEYS = ("label", "reason", "item", "category", "source", "of")
DIM_KEYS: tuple[str, ...] = tuple(dict.fromkeys([*sorted(DIMS), *FREE_DIM_KEYS]))
DIM_COLUMNS: tuple[str, ...] = tuple(f"dim_{k}" for k in DIM_KEYS)

FRAMES = ("reports", "facts", "findings", "failures")
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "compression_level": 3, "statistics": True}
ROW_GROUP = 16_384
FLUSH_ROWS = 4_096  # rows per row group when streaming parts into a frame (bounds memory)


class ReportsSchema(dy.Schema):
    """One row per report read; `report_id` is the content hash the parser gives."""

    report_id = dy.String(nullable=False, primary_key=True)
    source = dy.String(nullable=False)
    sha256 = dy.String(nullable=False)
    agency_key = dy.String(nullable=False)
    agency = dy.String(nullable=True)
    region = dy.String(nullable=True)
    year = dy.Int64(nullable=True)
    template = dy.String(nullable=False)
    published = dy.String(nullable=True)
    doc_number = dy.String(nullable=True)
    signer = dy.String(nullable=True)
    title = dy.String(nullable=True)
    url = dy.String(nullable=True)  # the source address of a sidecar sources.csv (ogi.sources)
    kind = dy.String(nullable=False)
    encoding = dy.String(nullable=False)
    truncated = dy.Bool(nullable=False)
    line_count = dy.Int64(nullable=False)
    n_facts = dy.Int64(nullable=False)
    n_blanks = dy.Int64(nullable=False)
    n_findings = dy.Int64(nullable=False)
    previous_id = dy.String(nullable=True)  # the same agency's previous-year report the checks compared with
    problems = dy.List(dy.String(), nullable=False)
    n_corrections = dy.Int64(nullable=False)  # analyst corrections rows applied (ogi.store.corrections)
    parser_meta = dy.String(nullable=False)  # JSON: the parser's metadata values a correction replaced


def _facts_schema() -> type[dy.Schema]:
    """Facts: the docs/facts.md fields, provenance, and one string column per dims key (built from the vocabulary)."""
    cols: dict[str, Any] = {
        "__doc__": "One row per fact; `dims_json` keeps the full dims dict so nothing is lost.",
        "report_id": dy.String(nullable=False),
        "seq": dy.Int64(nullable=False),  # the fact's position in the report (keeps the parser's order)
        "agency_key": dy.String(nullable=False),
        "source": dy.String(nullable=False),
        "agency": dy.String(nullable=True),
        "year": dy.Int64(nullable=True),
        "metric": dy.String(nullable=False),
        "value": dy.Float64(nullable=False),
        "unit": dy.String(nullable=False),
        "scope": dy.String(nullable=False, regex=r"^(year|cumulative)$"),
        "origin": dy.String(nullable=False, regex=r"^(table|prose|derived|analyst)$"),
        "line": dy.Int64(nullable=False),
        "quote": dy.String(nullable=False),
        "loc": dy.String(nullable=False),
        "dims_json": dy.String(nullable=False),
        "superseded_by": dy.String(nullable=True),  # the corrections row (`file:row`) that replaced this fact
    }
    for c in DIM_COLUMNS:
        cols[c] = dy.String(nullable=True)
    return type("FactsSchema", (dy.Schema,), cols)


FactsSchema = _facts_schema()
#: the facts columns that come from the report file alone (cached per content hash; the rest is joined).
FACT_PART_COLUMNS = tuple(
    c for c in FactsSchema.column_names() if c not in ("agency_key", "source", "agency", "year")
)
FactPartSchema: type[dy.Schema] = type(
    "FactPartSchema",
    (dy.Schema,),
    {
        "__doc__": "The facts of one report as cached by ingest (validated in the worker that parsed it).",
        **{c: FactsSchema.columns()[c] for c in FACT_PART_COLUMNS},
    },
)


class FindingsSchema(dy.Schema):
    """One row per check finding, with its evidence as canonical JSON."""

    report_id = dy.String(nullable=False)
    seq = dy.Int64(nullable=False)
    agency_key = dy.String(nullable=False)
    year = dy.Int64(nullable=True)
    source = dy.String(nullable=False)
    rule = dy.String(nullable=False)
    severity = dy.String(nullable=False, regex=r"^(error|warning|info)$")
    message_zh = dy.String(nullable=False)
    message_en = dy.String(nullable=False)
    line = dy.Int64(nullable=False)
    quote = dy.String(nullable=False)
    expected = dy.Float64(nullable=True)
    actual = dy.Float64(nullable=True)
    evidence_json = dy.String(nullable=False)


class FailuresSchema(dy.Schema):
    """Every input that could not be stored, and why (`stage`: read | duplicate | check)."""

    path = dy.String(nullable=False)
    stage = dy.String(nullable=False)
    reason = dy.String(nullable=False)
    sha256 = dy.String(nullable=True)


class ManifestSchema(dy.Schema):
    """What the last ingest saw per input path, so unchanged files are skipped without re-parsing."""

    path = dy.String(nullable=False, primary_key=True)
    size = dy.Int64(nullable=False)
    mtime_ns = dy.Int64(nullable=False)
    sha256 = dy.String(nullable=False)
    text_sha256 = dy.String(nullable=False)  # decoded text: the same report in two encodings is one report
    status = dy.String(nullable=False)  # ok | failed | duplicate
    parse_fp = dy.String(nullable=False)
    checks_key = dy.String(nullable=False)  # fingerprint of the checks and the previous report they saw


FindingPartSchema: type[dy.Schema] = type(
    "FindingPartSchema",
    (dy.Schema,),
    {
        "__doc__": "The findings of one report as cached by ingest.",
        **{
            c: col for c, col in FindingsSchema.columns().items() if c not in ("agency_key", "year", "source")
        },
    },
)


SCHEMAS: dict[str, type[dy.Schema]] = {
    "reports": ReportsSchema,
    "facts": FactsSchema,
    "fact_part": FactPartSchema,
    "findings": FindingsSchema,
    "finding_part": FindingPartSchema,
    "failures": FailuresSchema,
    "manifest": ManifestSchema,
}


@cache
def _columns(name: str) -> tuple[tuple[str, pl.DataType], ...]:
    """Column names and types of one frame, built once per process (dataframely builds a frame for it)."""
    return tuple(SCHEMAS[name].create_empty().schema.items())


def polars_schema(name: str) -> pl.Schema:
    """The Polars schema of one frame (for empty frames and lazy scans); a fresh copy each call."""
    return pl.Schema(_columns(name))


def empty(name: str) -> pl.DataFrame:
    """An empty frame of `name` with its declared schema."""
    return SCHEMAS[name].create_empty()


def validate(name: str, df: pl.DataFrame) -> pl.DataFrame:
    """Cast `df` to the declared schema of `name`, in declared column order; raise if any rule fails."""
    schema = SCHEMAS[name]
    out = schema.validate(df.select(schema.column_names()), cast=True)
    return pl.DataFrame(out)


def write_parquet(df: pl.DataFrame, path: str | Path) -> None:
    """Write a frame with the store's fixed Parquet settings (same rows → same bytes)."""
    df.write_parquet(path, row_group_size=ROW_GROUP, **PARQUET_OPTIONS)
