"""An approximate total (5500余条) is the headline figure when the report gave no exact one: shown as
printed on the card and in the index, never compared with the previous year as if it were exact."""

from __future__ import annotations

from pathlib import Path

import polars as pl

APPROX = "2023年石桥镇政府信息公开工作年度报告\n一、总体情况\n2023年，石桥镇共主动公开政府信息5500余条。\n"
EXACT = "2022年石桥镇政府信息公开工作年度报告\n一、总体情况\n2022年，石桥镇共主动公开政府信息5012条。\n"
BOTH = "2023年石桥镇政府信息公开工作年度报告\n一、总体情况\n2023年，石桥镇主动公开政府信息5500余条，其中门户网站5512条。全年共主动公开政府信息5512条。\n"


def _store(tmp_path: Path, texts: dict[str, str]) -> Path:
    from ogi.store.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "store"
    ingest([folder], out, jobs=1)
    return out


def _row(store: Path, year: int) -> dict[str, object]:
    from ogi.store import views

    key = views.agencies(store)["agency_key"][0]
    df = views.headline(store, key, year)
    return df.filter(pl.col("metric") == "proactive.total").to_dicts()[0]


def test_an_approximate_total_is_the_headline_figure_as_printed(tmp_path: Path) -> None:
    from ogi.facts import format_value

    store = _store(tmp_path, {"a.txt": APPROX, "b.txt": EXACT})
    row = _row(store, 2023)
    assert (row["value"], row["approx"]) == (5500.0, "余")
    assert row["previous"] == 5012.0 and row["change"] is None  # 5500余 minus 5012 is no change
    assert format_value(row["value"], row["approx"]) == "5,500余"  # type: ignore[arg-type]
    assert _row(store, 2022)["approx"] is None


def test_an_exact_total_wins_over_an_approximate_one(tmp_path: Path) -> None:
    row = _row(_store(tmp_path, {"a.txt": BOTH}), 2023)
    assert (row["value"], row["approx"]) == (5512.0, None)
