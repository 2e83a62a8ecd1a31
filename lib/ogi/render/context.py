"""What a notebook is about: the opened store, the agency and year it reports on, and the language.

A brief's Context is the `report` its notebook passes to the views (`views.channels(store, report)`)
and to the sections; the store is the one `ogi.store` opens, the only kind there is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from ogi.errors import BriefError
from ogi.render.params import resolve_store
from ogi.render.slug import slugify

LANGS = ("zh", "en")


@dataclass(slots=True)
class Context:
    """The store, the report (agency and year) a brief is about, its language, and the sections shown."""

    store_path: Path
    store: Any
    lang: str = "zh"
    agency_key: str = ""
    agency: str = ""
    region: str = ""
    year: int | None = None
    years: list[int] = field(default_factory=list)
    section: int = 0  # sections shown so far (numbers the headings)
    pages: dict[int, int] | None = None  # page of each quoted line of a PDF report (read once, on demand)

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def label(self, row: dict[str, Any], code_key: str = "") -> str:
        """The row's label in the brief language, else its code."""
        text = row.get("label_zh" if self.lang == "zh" else "label_en")
        return str(text) if text else str(row.get(code_key) or "")

    def where(self, line: Any) -> Any:
        """A quoted line as the brief shows it: its number, and for a PDF report its page too
        (`26 · 第 3 页` / `26 · p. 3`, from the facts' `loc`); None when there is no line."""
        if not line:
            return None
        if self.pages is None:
            self.pages = _line_pages(self)
        page = self.pages.get(int(line))
        return int(line) if page is None else f"{int(line)} · " + self.t(f"第 {page} 页", f"p. {page}")

    def view(self, name: str, *args: Any, **kwargs: Any) -> pl.DataFrame:
        """The view `name` of `ogi.store.views` on this store (the index and overview pages read by name)."""
        from ogi.store import views

        return getattr(views, name)(self.store, *args, **kwargs)


def _line_pages(ctx: Context) -> dict[int, int]:
    """Line → page of the brief's report, from its facts' `loc` (`p. 3`); empty for other formats."""
    from ogi.store import views

    if ctx.year is None or not ctx.agency_key:
        return {}
    rid = views._report_id(ctx.store, ctx.agency_key, ctx.year)
    if rid is None:
        return {}
    df = (
        ctx.store.facts.filter(pl.col("report_id") == rid, pl.col("loc").str.starts_with("p. "))
        .select("line", pl.col("loc").str.extract(r"^p\. (\d+)").cast(pl.Int64, strict=False).alias("page"))
        .drop_nulls()
        .unique(subset="line", keep="first", maintain_order=True)
        .collect()
    )
    return {int(a): int(b) for a, b in df.iter_rows()}


Report = Context  # what the notebooks call it: the report a brief is about


def open_context(store: str | os.PathLike[str] | None, lang: str = "zh") -> Context:
    """Open the store for a notebook; `lang` must be zh or en."""
    if lang not in LANGS:
        raise BriefError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    import ogi.store

    path = resolve_store(store)
    return Context(store_path=path, store=ogi.store.open(path), lang=lang)


def _has_charts(ctx: Context, row: dict[str, Any]) -> bool:
    """Whether the agency's latest report has categories or channels of proactive disclosure."""
    from ogi.store import views

    key, year = str(row["agency_key"]), row.get("latest_year")
    if year is None:
        return False
    return bool(
        views.category_mix(ctx.store, key, year).height or views.channel_mix(ctx.store, key, year).height
    )


def brief_context(
    agency: str | None, year: int | str | None, store: str | os.PathLike[str] | None, lang: str = "zh"
) -> Context:
    """Context for one agency brief: `agency` is a key, a name or a slug ('' = the first agency with
    charts);
    `year` None means the latest year the store holds for that agency."""
    ctx = open_context(store, lang)
    table = ctx.view("agencies").sort("agency_key")
    if table.height == 0:
        raise BriefError(f"the store {ctx.store_path} holds no agencies (run `ogi ingest` first)")
    rows = table.to_dicts()
    wanted = (agency or "").strip()
    if not wanted:  # the first agency whose latest report has figures to draw (else the first)
        row = next((r for r in rows if _has_charts(ctx, r)), rows[0])
    else:
        hits = [r for r in rows if wanted in (str(r["agency_key"]), str(r["agency"]))]
        hits = hits or [r for r in rows if slugify(str(r["agency"])) == slugify(wanted)]
        if not hits:
            raise BriefError(f"agency {wanted!r} is not in the store {ctx.store_path}")
        row = hits[0]
    ctx.agency_key = str(row["agency_key"])
    ctx.agency = str(row.get("agency") or ctx.agency_key)
    ctx.region = str(row.get("region") or "")
    ctx.years = sorted(int(y) for y in (row.get("years") or []) if y is not None)
    if year in (None, ""):
        latest = row.get("latest_year")
        ctx.year = int(latest) if latest is not None else (ctx.years[-1] if ctx.years else None)
    else:
        ctx.year = int(year)
        if ctx.years and ctx.year not in ctx.years:
            raise BriefError(f"the store holds no {ctx.year} report for {ctx.agency} (it has {ctx.years})")
    return ctx
