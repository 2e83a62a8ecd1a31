"""Stale briefs: pages an earlier render wrote for a report that now has its page elsewhere.

When a second agency with the same name arrives, the first one's slug gains a hash and its brief
moves; the page under the old slug would stay behind as a stale copy. A recorded brief is removed only
when the render manifest says it came from this store and the same report (same report id; the same
agency and year for stores without report ids) now has another page. A store with fewer agencies, a
brief of another store in the same `--out`, or a brief whose report left the store: nothing is removed
(issue 18: rendering a one-agency store removed 25 good briefs). Never other files in the folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any


def pages(store_path: str | os.PathLike[str]) -> dict[tuple[str, int], str]:
    """(agency_key, year) -> `<slug>/<year>.html` for every agency and year the store holds."""
    from ogi.render.context import open_context
    from ogi.render.slug import unique_slugs

    table = open_context(store_path).view("agencies").to_dicts()
    slugs = unique_slugs([(str(r["agency_key"]), str(r.get("agency") or r["agency_key"])) for r in table])
    return {
        (str(r["agency_key"]), int(y)): f"{slugs[str(r['agency_key'])]}/{int(y)}.html"
        for r in table
        for y in (r.get("years") or [])
        if y is not None
    }


def valid_pages(store_path: str | os.PathLike[str]) -> set[str]:
    """Every `<slug>/<year>.html` the store can have a brief for (all agencies, all years)."""
    return set(pages(store_path).values())


def report_ids(store_path: str | os.PathLike[str]) -> dict[tuple[str, int], str]:
    """(agency_key, year) -> the canonical report's id (empty for a folder that is not a Parquet store)."""
    reports = Path(store_path) / "reports.parquet"
    if not reports.is_file():
        return {}
    import polars as pl

    from ogi.store.shared import canonical

    rows = canonical(pl.scan_parquet(reports)).select("agency_key", "year", "report_id").collect()
    return {(str(k), int(y)): str(r) for k, y, r in rows.iter_rows() if y is not None}


def sources(
    store_path: str | os.PathLike[str], items: list[tuple[str, str, int]]
) -> dict[str, dict[str, Any]]:
    """What the manifest records for briefs (relative path, agency_key, year) of this store."""
    from ogi.store.generation import root_of

    root = str(root_of(store_path))
    ids = report_ids(store_path)
    return {
        rel: {"store": root, "agency_key": key, "year": year, "report_id": ids.get((key, year))}
        for rel, key, year in items
    }


def foreign(store_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """(relative path, store root or '') of the recorded briefs in `out_dir` that another store (or a
    render that did not record its store) wrote and that are still there: the index names them."""
    from ogi.render import state
    from ogi.store.generation import root_of

    out = Path(out_dir)
    root = str(root_of(store_path))
    recorded = state.load_sources(out)
    mine = valid_pages(store_path)
    found = []
    for rel in sorted(state.load(out)):
        store = str(recorded.get(rel, {}).get("store") or "")
        if store != root and rel not in mine and (out / rel).is_file():
            found.append((rel, store))
    return found


def sweep_stale(store_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> list[str]:
    """Remove recorded briefs of this store whose report moved to another page; returns their paths."""
    from ogi.render import state
    from ogi.store.generation import root_of

    out = Path(out_dir)
    manifest = state.load(out)
    if not manifest:
        return []
    recorded = state.load_sources(out)
    root = str(root_of(store_path))
    by_key = pages(store_path)
    by_report = {rid: by_key[k] for k, rid in report_ids(store_path).items() if k in by_key}
    gone = []
    for rel in sorted(manifest):
        src = recorded.get(rel)
        if src is None or src.get("store") != root:
            continue  # another store's brief, or a render that did not say: left alone
        rid = src.get("report_id")
        now = (
            by_report.get(str(rid))
            if rid
            else by_key.get((str(src.get("agency_key")), int(src.get("year") or 0)))
        )
        if now is None or now == rel:
            continue  # its report is not in the store (any more): not asked to remove it
        gone.append(rel)
    for rel in gone:
        page = out / rel
        for stale in (page, page.with_suffix(".csv")):  # the brief and the figures written beside it
            with contextlib.suppress(OSError):
                stale.unlink()
        with contextlib.suppress(OSError):
            page.parent.rmdir()  # only when empty
        del manifest[rel]
    if gone:
        state.save(out, manifest)
    return gone
