"""The same-city peers section of a brief: a large city shows the agency and the peers nearest it in
applications (PEER_ROWS in all), so neither the page nor its cost grows with the city."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from ogi.render.sections.tabled import PEER_ROWS, nearest_peers


def _city(n: int, missing: int = 0) -> pl.DataFrame:
    """`n` agencies; applications n..1 for the first n - missing, none stated for the rest."""
    apps = [float(n - i) if i < n - missing else None for i in range(n)]
    return pl.DataFrame(
        {
            "agency_key": [f"k{i:03d}" for i in range(n)],
            "agency": [f"机关{i}" for i in range(n)],
            "applications": apps,
            "denied_share": [0.1] * n,
            "proactive_total": [1.0] * n,
        }
    )


def test_a_small_city_is_shown_whole_in_its_own_order() -> None:
    df = _city(PEER_ROWS).reverse()
    shown, rank = nearest_peers(df, "k003")
    assert shown.equals(df) and rank == 1


@pytest.mark.parametrize("n,missing", [(PEER_ROWS + 1, 0), (40, 0), (40, 12)])
def test_every_agency_of_a_large_city_sees_itself_among_its_nearest_peers(n: int, missing: int) -> None:
    df = _city(n, missing).sample(fraction=1.0, shuffle=True, seed=7)  # the view's order does not matter
    ranking = df.sort(["applications", "agency_key"], descending=[True, False], nulls_last=True)
    order = ranking.get_column("agency_key").to_list()
    for key in order:
        shown, rank = nearest_peers(df, key)
        keys = shown.get_column("agency_key").to_list()
        assert len(keys) == PEER_ROWS and key in keys
        assert keys == order[rank - 1 : rank - 1 + PEER_ROWS]  # a window of the ranking, ranks from 1
        mine = order.index(key)
        # centred on the agency unless the window meets the top or the bottom of the ranking
        assert rank - 1 == min(max(0, mine - PEER_ROWS // 2), n - PEER_ROWS)
    unstated = set(df.filter(pl.col("applications").is_null()).get_column("agency_key").to_list())
    assert set(order[len(order) - missing :]) == unstated  # agencies stating no figure rank last


def _peers_html(df: pl.DataFrame, key: str, lang: str) -> str:
    from ogi.render import layout, sections
    from ogi.render.context import Context

    shown: list[object] = []
    saved = layout.display
    layout.display = shown.append  # type: ignore[assignment]
    try:
        ctx = Context(store_path=Path("."), store=None, lang=lang, agency_key=key, year=2024)
        sections.tabled.peers(ctx, df)
    finally:
        layout.display = saved  # type: ignore[assignment]
    return "".join(str(getattr(x, "html", "")) for x in shown)


def test_the_section_says_how_many_and_which_ranks_it_shows() -> None:
    df = _city(40)
    html = _peers_html(df, "k020", "zh")
    assert "库中同城 40 个机关 2024 年" in html and "第 14–28 名" in html
    assert html.count("<tr") == PEER_ROWS + 1 and "▶ 机关20" in html  # a header row and 15 peers
    en = _peers_html(df, "k000", "en")
    assert "(ranks 1–15 of 40)" in en and "▶ 机关0" in en
    small = _peers_html(_city(5), "k001", "en")
    assert "ranks" not in small and small.count("<tr") == 6
