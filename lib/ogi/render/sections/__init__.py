"""The brief's sections as data: each a declared `Section` of a view (store → Polars frame, in
`ogi.store.views`), its charts (frame → Altair chart, in `ogi.render.charts`) and its words (zh/en, in
`ogi.render.words`). The brief notebook shows per section the two lines an analyst edits:

    df = views.channels(store, report)
    sections.channels(report, df, charts.channels)

Filter or re-aggregate `df`, or pass another chart function, and the brief shows that instead.
`docs/extending.md` says how to add a section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from ogi.render import charts
from ogi.render.context import Context
from ogi.render.sections import charted, tabled
from ogi.render.words import SECTION_WORDS, SectionWords
from ogi.store import views

Chart = Callable[[pl.DataFrame, Context], Any]


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the brief: `view(store, report)` gives its frame, `body(report, frame, *charts)`
    shows heading, sentence, charts and tables; `charts` are the default chart functions."""

    key: str
    view: Callable[..., pl.DataFrame]
    body: Callable[..., None]
    charts: tuple[Chart, ...] = ()

    @property
    def words(self) -> SectionWords:
        return SECTION_WORDS[self.key]

    def frame(self, report: Context) -> pl.DataFrame:
        """The section's frame for `report`, as its view returns it (views take store, agency key, year)."""
        return self.view(report.store, report.agency_key, report.year)

    def __call__(self, report: Context, df: pl.DataFrame | None = None, *chart: Chart) -> None:
        """Show the section for `report` from `df` (default: the view's frame), drawn with `chart`
        (default: the section's own charts, in order)."""
        frame = self.frame(report) if df is None else df
        self.body(report, frame, *(chart or self.charts))


headline = Section("headline", views.headline, tabled.headline)
volume = Section("volume", views.trend, charted.volume, (charts.trend,))
categories = Section("categories", views.categories, charted.categories, (charts.categories,))
channels = Section("channels", views.channels, charted.channels, (charts.channels,))
applications = Section(
    "applications", views.applications, charted.applications, (charts.intake, charts.applications)
)
review = Section("review", views.review, charted.review, (charts.review,))
complaints = Section("complaints", views.complaints, charted.complaints, (charts.complaints,))
section2 = Section("section2", views.section2, tabled.section2)
year_over_year = Section("year_over_year", views.yoy_changes, tabled.year_over_year)
peers = Section("peers", views.region_peers, tabled.peers)
findings = Section("findings", views.findings, tabled.findings)

#: every section in the order of the brief
ALL: tuple[Section, ...] = (
    headline,
    volume,
    categories,
    channels,
    applications,
    review,
    complaints,
    section2,
    year_over_year,
    peers,
    findings,
)

__all__ = ["ALL", "Section", *(s.key for s in ALL)]
