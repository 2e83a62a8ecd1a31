"""The marks every chart is built from (bars, lines, columns, heat grids) in the `ogi` look, and the
output object that shows a chart everywhere.

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
LAB_MIME = "application/vnd.vegalite.v5+json"
_ids = [itertools.count(1)]  # a list, so a restart changes its item and never rebinds the module's name


def reset_ids() -> None:
    """Restart chart numbering: each brief's charts count from 1 (the warm kernel calls this between
    briefs; see render.kernel)."""
    _ids[0] = itertools.count(1)


PREVIEW_ENV = "OGI_CHART_PREVIEW"  # "0": skip the static SVG preview (JupyterLab's fallback) in batch renders


PAGE_WIDTH = 520  # a chart's width where it cannot follow its container


def fixed_width(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with `width: "container"` made PAGE_WIDTH: JupyterLab's renderer resizes a container-wide
    chart in a loop that hangs the page, and a static SVG has no container."""
    if spec.get("width") == "container":
        return {**spec, "width": PAGE_WIDTH}
    return spec


class ChartOutput:
    """A displayable chart: spec for the brief, SVG for JupyterLab, a one-line text for plain consoles."""

    def __init__(self, chart: alt.TopLevelMixin, title: str) -> None:
        self.chart = chart
        self.title = title
        self.chart_id = f"ogi-chart-{next(_ids[0])}"

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec. A batch render (PREVIEW_ENV "0") skips Altair's JSON-schema validation,
        ~50 ms a brief: the same chart code is validated wherever a notebook or test draws it."""
        return self.chart.to_dict(validate=os.environ.get(PREVIEW_ENV, "1") != "0")

    def svg(self) -> str:
        import vl_convert as vlc

        return vlc.vegalite_to_svg(fixed_width(self.spec()))

    def _ipython_display_(self) -> None:
        """Publish `_repr_mimebundle_` as it is (what IPython's formatters would publish, made directly)."""
        from IPython.display import publish_display_data

        publish_display_data(self._repr_mimebundle_())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        spec = self.spec()
        bundle: dict[str, Any] = {
            CHART_MIME: {"id": self.chart_id, "title": self.title, "spec": spec},
            "text/plain": f"[chart] {self.title}",
        }
        if os.environ.get(PREVIEW_ENV, "1") == "0":
            return bundle  # batch rendering: the HTML brief draws from the spec, the SVG would be thrown away
        # JupyterLab draws this one itself (its Vega 5 renderer: tooltips, export menu); the SVG is the
        # fallback for front ends without it
        fixed = fixed_width(spec)
        bundle[LAB_MIME] = {k: v for k, v in fixed.items() if k != "$schema"}
        try:
            import vl_convert as vlc

            bundle["image/svg+xml"] = vlc.vegalite_to_svg(fixed)
        except Exception as exc:  # the brief does not need the SVG; say why JupyterLab has none
            bundle["text/plain"] += f" (no static preview: {type(exc).__name__})"
        return bundle


def count_axis(max_value: float, **kw: Any) -> alt.Axis:
    """An axis for counts: ticks on whole numbers only (small maxima get one tick per unit)."""
    if max_value < 8:
        return alt.Axis(values=list(range(int(max_value) + 2)), format="d", **kw)
    return alt.Axis(tickMinStep=1, format=",~r", **kw)


def _max(df: pl.DataFrame, value: str = "value") -> float:
    """The largest value of a column, 0 for an empty frame."""
    top: Any = df.get_column(value).max() if df.height else 0
    return float(top or 0)


def _max_stacked(df: pl.DataFrame, by: str, value: str, stacked: bool) -> float:
    if not df.height:
        return 0.0
    if stacked:
        top: Any = df.group_by(by).agg(pl.col(value).sum()).get_column(value).max()
    else:
        top = df.get_column(value).max()
    return float(top or 0)


def _year_domain(df: pl.DataFrame, x: str) -> Any:
    """Every year between the first and the last as an ordinal domain (gaps visible); other axes as they are."""
    if x != "year" or not df.height:
        return alt.Undefined
    ys = [int(v) for v in df.get_column(x).drop_nulls().to_list()]
    return alt.Scale(domain=list(range(min(ys), max(ys) + 1))) if ys else alt.Undefined


def _colour_scale(labels: Sequence[str], colours: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(labels), range=list(colours))


def _tooltips(tooltip: Sequence[tuple[str, str]], value: str) -> list[alt.Tooltip]:
    """Tooltip fields with titles in the brief's language; counts with separators, lines as integers."""
    tips = []
    for c, t in tooltip:
        if c == value:
            tips.append(alt.Tooltip(f"{c}:Q", title=t, format=","))
        elif c in ("line", "previous_line"):
            tips.append(alt.Tooltip(f"{c}:Q", title=t, format="d"))
        else:
            tips.append(alt.Tooltip(f"{c}:N", title=t))
    return tips


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
    item_title: str = "",
    one_colour: str | None = None,
) -> ChartOutput:
    """Horizontal bars of `value` per `label` (largest first), as wide as the page (`width: container`).

    One measure, one colour (`one_colour`), its value printed at the end of each bar (so a printed page
    carries it); or a `colour` column stacking the bars into series (a legend when there are more
    than one). Count axes tick at whole numbers only.
    """
    rows = df.height
    item_title = item_title or next((t for c, t in tooltip if c == label), "") or label
    tips = _tooltips(tooltip, value) or [
        alt.Tooltip(f"{label}:N", title=label_title or label),
        alt.Tooltip(f"{value}:Q", title=value_title, format=","),
    ]
    y_sort: Any = "-x" if sort else None
    enc: dict[str, Any] = {
        # field titles always in the brief's language (they name the marks for screen readers too)
        "y": alt.Y(
            f"{label}:N",
            title=label_title or item_title,
            sort=y_sort,
            axis=alt.Axis(title=label_title or None),
        ),
        "x": alt.X(
            f"{value}:Q",
            title=value_title,
            stack=True if colour else None,
            axis=count_axis(_max_stacked(df, label, value, bool(colour))),
        ),
        "tooltip": tips,
    }
    height = max(60, 24 * len(df.get_column(label).unique()) if rows else 60)
    if one_colour and not colour:
        base = alt.Chart(df, title=title).encode(**enc)
        values = base.mark_text(align="left", baseline="middle", dx=3, fontSize=11).encode(
            text=alt.Text(f"{value}:Q", format=",")
        )
        layered = alt.layer(base.mark_bar(color=one_colour), values, title=title)
        return ChartOutput(layered.properties(width="container", height=height), title)
    colour_field = colour or label
    labels = [str(x) for x in df.get_column(colour_field).unique(maintain_order=True).to_list()]
    table = colours or theme.assign_colours(labels)
    scale = _colour_scale(labels, [table.get(x) or theme.label_colour(x) for x in labels])
    enc["color"] = alt.Color(
        f"{colour_field}:N",
        scale=scale,
        title=colour_title or next((t for c, t in tooltip if c == colour_field), "") or item_title,
        legend=alt.Legend(title=colour_title or None) if colour and len(labels) > 1 else None,
    )
    chart = alt.Chart(df, title=title).mark_bar().encode(**enc).properties(width="container", height=height)
    return ChartOutput(chart, title)


def _year_ticks(first: int, last: int, most: int = 8) -> list[int]:
    """Whole years from `first` to `last` as axis ticks, thinned to at most `most` (never a year twice)."""
    step = max(1, -(-(last - first) // (most - 1))) if last > first else 1
    return list(range(first, last + 1, step))


def trend_lines(
    df: pl.DataFrame,
    *,
    title: str,
    year_title: str,
    value_title: str,
    colours: dict[str, str],
    dashed: Sequence[str] = (),
    tooltip: Sequence[tuple[str, str]] = (),
) -> ChartOutput:
    """One small chart per `series` (each on its own scale, so a small series is not flattened under a
    large one), over every year from the first to the last: a year without a figure is a gap in the
    line, never a line drawn through it. `df`: year, series, value (+ tooltip columns)."""
    series = [str(x) for x in df.get_column("series").unique(maintain_order=True).to_list()]
    years = df.get_column("year").cast(pl.Int64).to_list() or [0]
    first, last = min(years), max(years)
    grid = pl.DataFrame(
        [(s, y) for s in series for y in range(first, last + 1)],
        schema={"series": pl.Utf8, "year": pl.Int64},
        orient="row",
    )
    full = grid.join(df.with_columns(pl.col("year").cast(pl.Int64)), on=["series", "year"], how="left")
    scale = _colour_scale(series, [colours.get(x) or theme.label_colour(x) for x in series])
    dash = alt.StrokeDash(
        "series:N",
        scale=alt.Scale(domain=series, range=[[5, 4] if x in dashed else [1, 0] for x in series]),
        legend=None,
    )
    base = alt.Chart().encode(
        x=alt.X(
            "year:Q",
            title=year_title,
            scale=alt.Scale(domain=[first, last], nice=False, zero=False),
            axis=alt.Axis(format="d", values=_year_ticks(first, last), labelAngle=0),
        ),
        y=alt.Y("value:Q", title=value_title, axis=alt.Axis(format=",d", tickMinStep=1)),
        color=alt.Color("series:N", scale=scale, legend=None),
        strokeDash=dash,
        tooltip=_tooltips(tooltip, "value")
        or [alt.Tooltip("year:Q", title=year_title, format="d"), alt.Tooltip("value:Q", title=value_title)],
    )
    layered = alt.layer(
        base.mark_line(invalid="break-paths-show-domains"), base.mark_point(filled=True, size=60), data=full
    ).properties(width=230, height=140)
    chart = layered.facet(
        facet=alt.Facet("series:N", title=None, sort=series, header=alt.Header(labelFontSize=12)),
        columns=2,
        title=title,
    ).resolve_scale(y="independent")
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
    """Stacked columns (e.g. reports per year by template, findings per rule by severity); a year axis
    lists every year from the first to the last, so gaps show."""
    labels = sorted(str(v) for v in df.get_column(colour).unique().to_list())
    table = colours or {}
    scale = _colour_scale(labels, [table.get(v) or theme.label_colour(v) for v in labels])
    chart = (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                f"{value}:Q", title=value_title, stack=True, axis=count_axis(_max_stacked(df, x, value, True))
            ),
            color=alt.Color(f"{colour}:N", scale=scale, title=colour_title),
            tooltip=[
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{colour}:N", title=colour_title),
                alt.Tooltip(f"{value}:Q", title=value_title, format=","),
            ],
        )
        .properties(width="container", height=240)
    )
    return ChartOutput(chart, title)


def heatmap(
    df: pl.DataFrame,
    *,
    x: str,
    y: str,
    value: str,
    title: str,
    x_title: str,
    y_title: str,
    value_title: str,
    categories: dict[str, str] | None = None,
) -> ChartOutput:
    """A grid of cells (e.g. agency x year coverage), darker for larger values; with `categories`
    (value → colour, e.g. 有/无) the cells take those colours instead of a continuous scale."""
    n_rows = df.get_column(y).n_unique() if df.height else 1
    chart = (
        alt.Chart(df, title=title)
        .mark_rect(stroke="#ffffff")
        .encode(
            x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{y}:N", title=y_title),
            color=alt.Color(
                f"{value}:N",
                title=value_title,
                scale=alt.Scale(domain=list(categories), range=list(categories.values())),
            )
            if categories
            else alt.Color(f"{value}:Q", title=value_title, scale=alt.Scale(scheme="blues")),
            tooltip=[
                alt.Tooltip(f"{y}:N", title=y_title),
                alt.Tooltip(f"{x}:O", title=x_title),
                alt.Tooltip(f"{value}:{'N' if categories else 'Q'}", title=value_title),
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
