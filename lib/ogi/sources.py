"""The sidecar `sources.csv` of an input folder: agency, region, year and source address per file.

A folder of reports may carry `sources.csv` with a `file` column and any of `agency`, `region`,
`year`, `url`. A row overrides what the parser read for that file (`Report.agency_rule` /
`year_rule` then say `sidecar`) and its `url` is kept on the report row for the brief's source link.
A malformed sidecar is a one-line error naming the sidecar and the row (`sources.csv row 4: …`);
its good rows still apply and nothing else of the batch stops.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.facts import Report

SIDECAR = "sources.csv"
COLUMNS = ("file", "agency", "region", "year", "url")
MAX_BYTES = 4 * 1024 * 1024  # a sidecar larger than this is not read
YEARS = (1990, 2100)


@dataclass(frozen=True, slots=True)
class Source:
    """What the sidecar says of one file (None: the column is absent or the cell empty)."""

    agency: str | None = None
    region: str | None = None
    year: int | None = None
    url: str | None = None


@dataclass(slots=True)
class Sidecar:
    """One folder's sidecar: its rows by file name and its errors, one line each."""

    path: str
    rows: dict[str, Source] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _cell(row: dict[str, str | None], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def parse_sidecar(text: str, path: str = SIDECAR) -> Sidecar:
    """Rows and errors of a sidecar's text; a row with an error is left out (the others apply)."""
    out = Sidecar(path)
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    unknown = [h for h in header if h not in COLUMNS]
    if "file" not in header:
        out.errors.append(f"row 1: no 'file' column (columns: {', '.join(COLUMNS)})")
        return out
    if unknown:
        out.errors.append(
            f"row 1: unknown column {', '.join(repr(u) for u in unknown)} (known: {', '.join(COLUMNS)})"
        )
        return out
    seen: dict[str, int] = {}
    try:
        for number, row in enumerate(reader, start=2):
            if None in row:
                out.errors.append(f"row {number}: more cells than columns")
                continue
            name = _cell(row, "file")
            if not name:
                if any(_cell(row, k) for k in COLUMNS):
                    out.errors.append(f"row {number}: no file name")
                continue
            name = os.path.basename(name)
            if name in seen:
                out.errors.append(f"row {number}: {name} is listed twice (row {seen[name]} first)")
                continue
            year_text = _cell(row, "year")
            year = None
            if year_text is not None:
                if not year_text.isdigit() or not YEARS[0] <= int(year_text) <= YEARS[1]:
                    out.errors.append(f"row {number}: year {year_text!r} is not a year")
                    continue
                year = int(year_text)
            url = _cell(row, "url")
            if url is not None and not url.lower().startswith(("http://", "https://")):
                out.errors.append(f"row {number}: url {url!r} is not an http(s) address")
                continue
            seen[name] = number
            out.rows[name] = Source(_cell(row, "agency"), _cell(row, "region"), year, url)
    except csv.Error as exc:
        out.errors.append(f"row {reader.line_num}: not CSV ({exc})")
    return out


@lru_cache(maxsize=64)
def _read(path: str, _mtime: int, _size: int) -> Sidecar:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return Sidecar(path, errors=[f"cannot read ({exc.strerror or exc})"])
    if len(data) > MAX_BYTES:
        return Sidecar(path, errors=[f"larger than {MAX_BYTES // (1024 * 1024)} MB; not read"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Sidecar(path, errors=["not UTF-8 text; not read"])
    return parse_sidecar(text, path)


def sidecar_of(folder: str) -> Sidecar | None:
    """The folder's sidecar (read once per version of the file), or None when it has none."""
    path = os.path.join(folder or ".", SIDECAR)
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _read(path, st.st_mtime_ns, st.st_size)


def errors_of(files: list[str]) -> list[tuple[str, str]]:
    """(sidecar path, one-line reason) for every error of the sidecars beside these files."""
    out: list[tuple[str, str]] = []
    for folder in sorted({os.path.dirname(f) for f in files}):
        side = sidecar_of(folder)
        if side is not None:
            out.extend((side.path, e) for e in side.errors)
    return out


def fingerprint(path: str) -> str:
    """What the sidecar says of this file, as a short key ('' when nothing): the ingest cache keys a
    stored report on it, so an edited sources.csv row re-reads its file."""
    side = sidecar_of(os.path.dirname(path))
    source = side.rows.get(os.path.basename(path)) if side else None
    if source is None:
        return ""
    return hashlib.sha256(repr(tuple(getattr(source, k) for k in COLUMNS[1:])).encode()).hexdigest()[:12]


def apply(report: Report, path: str) -> None:
    """Override the report's agency, region and year with its sidecar row, and keep the row's url."""
    side = sidecar_of(os.path.dirname(path))
    source = side.rows.get(os.path.basename(path)) if side else None
    if source is None:
        return
    if source.agency:
        report.agency, report.agency_rule = source.agency, "sidecar"
    if source.region:
        report.region = source.region
    if source.year:
        report.year, report.year_rule = source.year, "sidecar"
    if source.url:
        report.url = source.url
