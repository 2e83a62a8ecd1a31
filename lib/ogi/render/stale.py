"""Stale briefs: pages an earlier run wrote under a slug or year the store no longer has.

When a second agency with the same name arrives, the first one's slug gains a hash and its brief
moves; the page under the old slug would stay behind as a stale copy. Only pages the render manifest
records (ogi wrote them) are removed, never other files in the output folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def valid_pages(store_path: str | os.PathLike[str]) -> set[str]:
    """Every `<slug>/<year>.html` the store can have a brief for (all agencies, all years)."""
    from ogi.render.context import open_context
    from ogi.render.slug import unique_slugs

    table = open_context(store_path).view("agencies").to_dicts()
    slugs = unique_slugs([(str(r["agency_key"]), str(r.get("agency") or r["agency_key"])) for r in table])
    return {
        f"{slugs[str(r['agency_key'])]}/{int(y)}.html"
        for r in table
        for y in (r.get("years") or [])
        if y is not None
    }


def sweep_stale(store_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> list[str]:
    """Remove recorded briefs the store no longer has a page for; returns their relative paths."""
    from ogi.render import state

    out = Path(out_dir)
    manifest = state.load(out)
    if not manifest:
        return []
    valid = valid_pages(store_path)
    gone = sorted(rel for rel in manifest if rel not in valid)
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
