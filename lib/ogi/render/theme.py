"""One look for every chart: the CJK font, sizes, and fixed colours per channel, outcome and category.

Colours are keyed by vocabulary codes (channels, outcomes) or by a stable hash of the report's own
label (categories, complaint sources), so the same thing has the same colour in every brief.
"""

from __future__ import annotations

import hashlib
from typing import Any

import altair as alt

FONT = "Noto Sans CJK SC"
FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
THEME_NAME = "ogi"

# Tableau 10 / 20: readable on screen and in print, distinguishable for most colour-blind readers.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#a0cbe8",
    "#ffbe7d",
    "#8cd17d",
    "#b6992d",
    "#f1ce63",
    "#86bcb6",
    "#d37295",
    "#fabfd2",
    "#d4a6c8",
    "#79706e",
)

CHANNEL_COLOURS: dict[str, str] = {
    "website": "#4e79a7",
    "gazette": "#f28e2b",
    "wechat": "#59a14f",
    "weibo": "#e15759",
    "bulletin_board": "#b07aa1",
    "new_media": "#76b7b2",
    "other": "#bab0ac",
    "in_person": "#edc948",
    "online": "#a0cbe8",
    "letter": "#9c755f",
    "fax": "#ff9da7",
    "letter_fax": "#d4a6c8",
    "email": "#86bcb6",
}

OUTCOME_COLOURS: dict[str, str] = {
    "granted": "#59a14f",
    "partial": "#8cd17d",
    "already_public": "#86bcb6",
    "denied": "#e15759",
    "unavailable": "#f28e2b",
    "not_processed": "#b07aa1",
    "other": "#bab0ac",
    "total": "#4e79a7",
    "upheld": "#4e79a7",
    "corrected": "#e15759",
    "pending": "#edc948",
}

#: the colour of a chart that shows one measure (colours tell series apart, never the bars of one measure)
MEASURE_COLOUR = "#4e79a7"

SERIES_COLOURS = {"agency": "#4e79a7", "peers": "#bab0ac"}

SOURCE_COLOURS: dict[str, str] = {
    "hotline": "#4e79a7",
    "phone": "#f28e2b",
    "in_person": "#59a14f",
    "online": "#76b7b2",
    "wechat": "#8cd17d",
    "weibo": "#e15759",
    "letter": "#9c755f",
    "email": "#86bcb6",
    "petition": "#b07aa1",
    "platform": "#edc948",
    "report": "#ff9da7",
    "other": "#bab0ac",
    "total": "#79706e",
}

FAMILY_COLOURS: dict[str, str] = {"complaints": "#4e79a7", "inquiries": "#f28e2b"}
TEMPLATE_COLOURS: dict[str, str] = {
    "2021": "#4e79a7",
    "2019": "#f28e2b",
    "statform": "#59a14f",
    "pre2014": "#b07aa1",
    "narrative": "#bab0ac",
}
SEVERITY_COLOURS: dict[str, str] = {"error": "#e15759", "warning": "#edc948", "info": "#4e79a7"}


def label_colour(label: str) -> str:
    """A fixed palette colour for a free-text label (category, complaint source): same label, same colour."""
    digest = hashlib.md5(label.strip().encode("utf-8"), usedforsecurity=False).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def code_colour(code: str, table: dict[str, str]) -> str:
    """Colour of a vocabulary code from `table`, falling back to the label hash for unknown codes."""
    return table.get(code) or label_colour(code)


def assign_colours(codes: list[str], table: dict[str, str] | None = None) -> dict[str, str]:
    """One colour per code for one chart, never two codes alike: each takes its fixed colour (`table`,
    else the label hash) unless an earlier code (sorted order) holds it, then the next free palette
    slot. Keyed by code, so a chart has the same colours in every language."""
    table = table or {}
    taken: set[str] = set()
    out: dict[str, str] = {}
    for code in sorted(dict.fromkeys(codes)):
        want = table.get(code) or label_colour(code)
        if want in taken:
            start = PALETTE.index(want) if want in PALETTE else 0
            free = [PALETTE[(start + i) % len(PALETTE)] for i in range(len(PALETTE))]
            want = next((c for c in free if c not in taken), want)
        taken.add(want)
        out[code] = want
    return out


def config() -> dict[str, Any]:
    """The Vega-Lite config every chart carries (also registered as the Altair theme `ogi`)."""
    return {
        "font": FONT,
        "background": "#ffffff",
        "view": {"stroke": None, "continuousWidth": 520, "continuousHeight": 260},
        "title": {"font": FONT, "fontSize": 14, "anchor": "start", "fontWeight": "normal"},
        "axis": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "labelLimit": 260,
            "gridColor": "#e6e6e6",
        },
        "legend": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "labelLimit": 260,
            "orient": "bottom",
            "columns": 4,
        },
        "header": {"labelFont": FONT, "titleFont": FONT},
        "text": {"font": FONT},
        "mark": {"font": FONT},
        "range": {"category": list(PALETTE[:10])},
    }


@alt.theme.register(THEME_NAME, enable=True)
def _ogi_theme() -> alt.theme.ThemeConfig:
    return {"config": config()}  # type: ignore[typeddict-item]


def enable() -> None:
    """Make `ogi` the active Altair theme (importing this module already does)."""
    alt.theme.enable(THEME_NAME)
