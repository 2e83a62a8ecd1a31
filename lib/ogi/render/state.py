"""Incremental renders: a manifest in the output folder maps each brief to the digest of its inputs.

A brief's inputs are its agency's rows in the store (reports, facts, findings: every year, since the
brief compares with earlier years), the proactive totals of the agency's same-city peers (the peer
median line), the notebook file, the code (`ogi.digest.code_digest`: every file of the package, the
Python and library versions), the year and the language.
A brief whose digest matches the manifest and whose file exists is skipped. A folder that is not a
Parquet store (no reports frame) is digested as a whole: any change renders all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ogi import digest
from ogi.digest import sha
from ogi.render.keep import write_text_if_changed

MANIFEST = ".ogi-render.json"
FRAMES = ("reports", "facts", "findings")


def _parquet_store(store: Path) -> bool:
    return (store / "reports.parquet").is_file()


def agency_digests(store_path: str | os.PathLike[str]) -> dict[str, str]:
    """agency_key -> digest of the store rows its brief reads ('*' -> whole-store digest for other stores)."""
    store = Path(store_path)
    if not _parquet_store(store):
        parts: list[bytes | str] = []
        for f in sorted(p for p in store.rglob("*") if p.is_file()):
            parts += [f.relative_to(store).as_posix(), f.read_bytes()]
        return {"*": sha(*parts)}
    import polars as pl

    from ogi.store import open_store, volumes
    from ogi.store.agency import city_of

    digests: dict[str, list[str]] = {}
    for name in FRAMES:
        f = store / f"{name}.parquet"
        if not f.is_file():
            continue
        df = pl.read_parquet(f)
        if "agency_key" not in df.columns or df.height == 0:
            continue
        cols = sorted(df.columns)
        # row hashes are stable within one Polars version; digest.code_digest() holds the version
        hashed = df.select(pl.col("agency_key"), df.select(cols).hash_rows(seed=0).alias("_h"))
        for key, hs in hashed.group_by("agency_key").agg(pl.col("_h").sort()).iter_rows():
            digests.setdefault(str(key), []).append(
                name + ":" + sha(pl.Series(hs, dtype=pl.UInt64).to_numpy().tobytes())
            )
    vols = volumes(open_store(store))
    by_city: dict[str, list[str]] = {}
    city_of_agency: dict[str, str] = {}
    for r in vols.sort("agency_key", "year").iter_rows(named=True):
        city = city_of(r["region"]) if r.get("region") else None
        if city:
            by_city.setdefault(city, []).append(
                json.dumps([r["agency_key"], r["year"], r["proactive_total"]], ensure_ascii=False)
            )
            city_of_agency[str(r["agency_key"])] = city
    city_digest = {c: sha(*rows) for c, rows in by_city.items()}
    return {
        k: sha(*sorted(v), "peers", city_digest.get(city_of_agency.get(k, ""), ""))
        for k, v in digests.items()
    }


def brief_key(
    agency_digest: str, year: int | None, lang: str, notebook: bytes, code: str, variant: str = ""
) -> str:
    """`variant`: how the page gets its chart runtime (inline, or which site file), so a switch re-renders."""
    parts = (agency_digest, str(year), lang, notebook, code) + ((variant,) if variant else ())
    return sha(*parts)


def load(out_dir: str | os.PathLike[str]) -> dict[str, str]:
    """The manifest (relative brief path -> input digest); empty when missing or unreadable."""
    try:
        data = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("briefs", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def load_sources(out_dir: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Relative brief path -> where it came from (`store` root, `agency_key`, `year`, `report_id`), as
    recorded by the render that wrote it; empty for briefs of renders that did not record it."""
    try:
        data = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): dict(v) for k, v in data.get("sources", {}).items() if isinstance(v, dict)}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def save(
    out_dir: str | os.PathLike[str],
    briefs: dict[str, str],
    sources: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Write the manifest: each brief's input digest and (when known) where it came from; `sources`
    None keeps what the manifest recorded for the briefs still listed."""
    if sources is None:
        sources = load_sources(out_dir)
    kept = {k: v for k, v in sorted(sources.items()) if k in briefs}
    data = {"version": 2, "briefs": dict(sorted(briefs.items())), "sources": kept}
    write_text_if_changed(Path(out_dir) / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def keys_for(
    store_path: str | os.PathLike[str],
    items: Iterable[tuple[str, str, int | None]],
    lang: str,
    notebook: Path,
    variant: str = "",
) -> dict[str, str]:
    """Relative brief path -> input digest, for (relative path, agency_key, year) items."""
    digests = agency_digests(store_path)
    nb = notebook.read_bytes()
    code = digest.code_digest()
    whole = digests.get("*")
    return {
        rel: brief_key(whole or digests.get(key, "none"), year, lang, nb, code, variant)
        for rel, key, year in items
    }
