"""Chart helpers the notebooks call: Altair charts in the `ogi` look, shown in a way that works
everywhere.

A chart is displayed as one output with two representations: the Vega-Lite spec under
`application/vnd.ogi.chart+json` (the brief exporter turns it into an interactive, tooltip-bearing
chart drawn by the Vega runtime inlined once per brief), and a static SVG made by vl-convert (what
JupyterLab shows; it has no renderer for Altair 6's MIME type). Element ids are a per-kernel counter,
never a uuid, so two runs of a notebook give the same output.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from ogi.render import theme

CHART_MIME = "application/vnd.ogi.chart+json"
_ids = itertools.count(1)


def reset_ids() -> None:
    """Restart chart numbering (tests; a fresh kernel starts at 1 anyway)."""
    global _ids
    _ids = itertools.count(1)


PREVIEW_ENV = "OGI_CHART_PREVIEW"  # "0": skip the static SVG preview (JupyterLab's fallback) in batch renders


class ChartOutput:
    """A displayable chart: spec for the brief, SVG for JupyterLab, a one-line text for plain consoles."""

    def __init__(self, chart: alt.TopLevelMixin, title: str) -> None:
        self.chart = chart
        self.title = title
        self.chart_id = f"ogi-chart-{next(_ids)}"

    def spec(self) -> dict[str, Any]:
        return self.chart.to_dict()

    def svg(self) -> str:
        import vl_convert as vlc

        return vlc.vegalite_to_svg(self.spec())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        spec = self.spec()
        bundle: dict[str, Any] = {
            CHART_MIME: {"id": self.chart_id, "title": self.title, "spec": spec},
            "text/plain": f"[chart] {self.title}",
        }
        if os.environ.get(PREVIEW_ENV, "1") == "0":
            return bundle  # batch rendering: the HTML brief draws from the spec, the SVG would be thrown away
        try:
            import vl_convert as vlc

            bundle["image/svg+xml"] = vlc.vegalite_to_svg(spec)
        except Exception as exc:  # the brief does not need the SVG; say why JupyterLab has none
            bundle["text/plain"] += f" (no static preview: {type(exc).__name__})"
        return bundle


def _colour_scale(labels: Sequence[str], colours: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(labels), range=list(colours))


def bar(
    df: pl.DataFrame,
    *,
    label: str,
    value: str,
    title: str,
    value_title: str,
    label_title: str = "",
    colours: dict[str, str] | None = None,
    colour: str | None = None,
    colour_title: str = "",
    tooltip: Sequence[tuple[str, str]] = (),
    sort: bool = True,
) -> ChartOutput:
    """Horizontal bars of `value` per `label` (largest first); colours per label, or per `colour` column."""
    rows = df.height
    colour_field = colour or label
    labels = [str(x) for x in df.get_column(colour_field).unique(maintain_order=True).to_list()]
    table = colours or {}
    scale = _colour_scale(labels, [table.get(x) or theme.label_colour(x) for x in labels])
    tips = [alt.Tooltip(f"{c}:N" if c != value else f"{c}:Q", title=t) for c, t in tooltip] or [
        alt.Tooltip(f"{label}:N", title=label_title or label),
        alt.Tooltip(f"{value}:Q", title=value_title, format=","),
    ]
    y_sort: Any = "-x" if sort else None
    enc: dict[str, Any] = {
        "y": alt.Y(f"{label}:N", title=label_title or None, sort=y_sort),
        "x": alt.X(
            f"{value}:Q",
            title=value_title,
            stack=True if colour else None,
            axis=alt.Axis(tickMinStep=1, format=",~r"),
        ),
        "color": alt.Color(
            f"{colour_field}:N",
            scale=scale,
            title=colour_title or None,
            legend=alt.Legend() if colour else None,
        ),
        "tooltip": tips,
    }
    chart = (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(**enc)
        .properties(width=520, height=max(60, 24 * len(df.get_column(label).unique()) if rows else 60))
    )
    return ChartOutput(chart, title)


def volume_lines(
    own: pl.DataFrame,
    peers: pl.DataFrame,
    *,
    title: str,
    own_label: str,
    peer_label: str,
    year_title: str,
    value_title: str,
    peers_title: str,
) -> ChartOutput:
    """Proactive disclosure per year for the agency, with the peer median as a dashed grey line."""
    own_rows = own.select(
        pl.col("year").cast(pl.Int64),
        pl.col("proactive_total").cast(pl.Float64).alias("value"),
        pl.lit(own_label).alias("series"),
        pl.lit(None, dtype=pl.Int64).alias("peers"),
    )
    peer_rows = peers.select(
        pl.col("year").cast(pl.Int64),
        pl.col("median_proactive_total").cast(pl.Float64).alias("value"),
        pl.lit(peer_label).alias("series"),
        pl.col("peers").cast(pl.Int64),
    )
    data = pl.concat([own_rows, peer_rows]).drop_nulls("value").sort(["series", "year"])
    scale = _colour_scale(
        [own_label, peer_label], [theme.SERIES_COLOURS["agency"], theme.SERIES_COLOURS["peers"]]
    )
    base = alt.Chart(data, title=title).encode(
        x=alt.X("year:O", title=year_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=value_title),
        color=alt.Color("series:N", scale=scale, title=None),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=[own_label, peer_label], range=[[1, 0], [5, 4]]), legend=None
        ),
        tooltip=[
            alt.Tooltip("series:N", title=" "),
            alt.Tooltip("year:O", title=year_title),
            alt.Tooltip("value:Q", title=value_title, format=",.0f"),
            alt.Tooltip("peers:Q", title=peers_title),
        ],
    )
    chart = (base.mark_line() + base.mark_point(filled=True, size=60)).properties(width=520, height=240)
    return ChartOutput(chart, title)


def column_chart(
    df: pl.DataFrame,
    *,
    x: str,
    value: str,
    colour: str,
    title: str,
    x_title: str,
    value_title: str,
    colour_title: str,
    colours: dict[str, str] | None = None,
) -> ChartOutput:
    """Stacked columns (e.g. reports per year by template, findings per rule by severity)."""
    labels = sorted(str(v) for v in df.get_column(colour).unique().to_list())
    table = colours or {}
    scale = _colour_scale(labels, [table.get(v) or theme.label_colour(v) for v in labels])
    chart = (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=value_title, stack=True, axis=alt.Axis(tickMinStep=1, format=",~r")),
            color=alt.Color(f"{colour}:N", scale=scale, title=colour_title),
            tooltip=[
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{colour}:N", title=colour_title),
                alt.Tooltip(f"{value}:Q", title=value_title, format=","),
            ],
        )
        .properties(width=520, height=240)
    )
    return ChartOutput(chart, title)


def heatmap(
    df: pl.DataFrame, *, x: str, y: str, value: str, title: str, x_title: str, y_title: str, value_title: str
) -> ChartOutput:
    """A grid of cells (e.g. agency x year coverage), darker for larger values."""
    n_rows = df.get_column(y).n_unique() if df.height else 1
    chart = (
        alt.Chart(df, title=title)
        .mark_rect(stroke="#ffffff")
        .encode(
            x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{y}:N", title=y_title),
            color=alt.Color(f"{value}:Q", title=value_title, scale=alt.Scale(scheme="blues")),
            tooltip=[
                alt.Tooltip(f"{y}:N", title=y_title),
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{value}:Q", title=value_title),
            ],
        )
        .properties(
            width=max(120, 48 * df.get_column(x).n_unique() if df.height else 120), height=22 * n_rows
        )
    )
    return ChartOutput(chart, title)


def spec_json_for_html(spec: dict[str, Any]) -> str:
    """JSON safe to place inside a <script> element: no '<', '>' or '&' left to end it early."""
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
