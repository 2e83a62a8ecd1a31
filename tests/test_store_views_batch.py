"""Per-batch views (issue 23 item 1): what every brief reads about all agencies is computed once per
store generation, never once per brief, and a new generation never reads the last one's figures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ogi.store as st
from ogi.store import views as V
from ogi.store.ingest import ingest
from test_store_helpers import json_parse, report_spec, write_corpus

CITY = "福建省泉州市晋江市"


def _corpus(n: int, proactive: int = 50) -> dict[str, dict[str, Any]]:
    """`n` street offices of one city, each with a 2019 and a 2020 report, and one of another city."""
    corpus = {
        f"s{i:02d}-{y}.json.txt": report_spec(f"第{i}街道办事处", CITY, y, proactive + i + (y - 2019))
        for i in range(n)
        for y in (2019, 2020)
    }
    corpus["other.json.txt"] = report_spec("桂花街道办事处", "湖南省株洲市荷塘区", 2020, 999)
    return corpus


@pytest.fixture(autouse=True)
def fresh_memo() -> Iterator[None]:
    """Each test starts with no memo in the process (the memo is process-wide on purpose)."""
    sys.modules.pop(V._MEMO_MODULE, None)
    yield
    sys.modules.pop(V._MEMO_MODULE, None)


def _store(root: Path, corpus: dict[str, dict[str, Any]]) -> st.Store:
    ingest([write_corpus(root, corpus)], root / "store", jobs=1, parse=json_parse)
    return st.open_store(root / "store")


def test_a_batch_computes_the_all_agency_frames_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 8
    store = _store(tmp_path, _corpus(n))
    calls = {"volumes": 0, "figures": 0}
    volumes_all, peer_figures = V._volumes_all, V._peer_figures

    def counted_volumes(s: st.Store) -> Any:
        calls["volumes"] += 1
        return volumes_all(s)

    def counted_figures(s: st.Store, key: str, year: int) -> Any:
        calls["figures"] += 1
        return peer_figures(s, key, year)

    monkeypatch.setattr(V, "_volumes_all", counted_volumes)
    monkeypatch.setattr(V, "_peer_figures", counted_figures)
    keys = [k for k in st.agencies(store)["agency_key"].to_list() if k != "桂花街道"]
    assert len(keys) == n
    tables = {}
    for key in keys:  # what the briefs of a batch ask, one brief after another
        for year in (2019, 2020):
            tables[(key, year)] = V.region_peers(st.open_store(store.root), key, year)
            V.peer_median(st.open_store(store.root), key, year)
    # once per generation, not once per brief: and each report's peer row once, not once per peer brief
    assert calls == {"volumes": 1, "figures": 2 * n}
    assert all(t.height == n for t in tables.values())
    # the same answers as a process that computes them afresh
    sys.modules.pop(V._MEMO_MODULE, None)
    monkeypatch.undo()
    assert V.region_peers(store, keys[3], 2020).equals(tables[(keys[3], 2020)])


def test_the_memo_lives_outside_the_modules_a_warm_kernel_forgets(tmp_path: Path) -> None:
    store = _store(tmp_path, _corpus(2))
    V.region_peers(store, st.agencies(store)["agency_key"][0], 2020)
    assert V._MEMO_MODULE in sys.modules
    assert not V._MEMO_MODULE.startswith("ogi")  # render.kernel drops `ogi` and `ogi.*` between briefs


def test_a_new_generation_never_reads_the_last_ones_figures(tmp_path: Path) -> None:
    corpus = _corpus(3)
    store = _store(tmp_path, corpus)
    key = next(k for k in st.agencies(store)["agency_key"].to_list() if k != "桂花街道")
    before = V.region_peers(store, key, 2020)
    median_before = V.peer_median(store, key, 2020)
    assert before.height == 3
    # one peer's report changes and is ingested again: a new generation
    own = before.filter(before["agency_key"] == key)["agency"][0]
    changed = next(
        k for k, v in corpus.items() if v["year"] == 2020 and v["agency"] not in (own, "桂花街道办事处")
    )
    spec = report_spec(corpus[changed]["agency"], CITY, 2020, 5000)
    for fact in spec["facts"]:  # applications received 5 -> 50 (the dims-free total)
        if fact[0] == "applications.received" and fact[2] == {}:
            fact[1] = 50
    corpus[changed] = spec
    again = _store(tmp_path, corpus)
    assert again.generation != store.generation
    after = V.region_peers(again, key, 2020)
    assert after["proactive_total"].to_list() != before["proactive_total"].to_list()
    assert after["applications"].to_list() != before["applications"].to_list()
    assert V.peer_median(again, key, 2020)["median_proactive_total"].to_list() != (
        median_before["median_proactive_total"].to_list()
    )
    # and the old generation's Store, still open, keeps reading its own figures
    assert V.region_peers(store, key, 2020).equals(before)


def test_a_reports_headline_is_computed_once_for_its_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, _corpus(2))
    key = next(k for k in st.agencies(store)["agency_key"].to_list() if k != "桂花街道")
    fresh = {y: V.headline(store, key, y) for y in (2019, 2020)}
    sys.modules.pop(V._MEMO_MODULE, None)
    calls: list[tuple[str, int]] = []
    compute = V._headline

    def counted(s: st.Store, k: str, y: int) -> Any:
        calls.append((k, y))
        return compute(s, k, y)

    monkeypatch.setattr(V, "_headline", counted)
    first = V.headline(store, key, 2020)  # the headline section
    V.trend(store, key, 2020)  # the trend reads every year's headline, 2020's again
    assert sorted(calls) == [(key, 2019), (key, 2020)]
    assert first.equals(fresh[2020])
