"""A store is one store however its path is spelled: relative, `./`, `..`, through a symlinked folder,
a store folder that is a symlink (issue 18: an ingest into `data/processed` deleted the generation it had
just published). Also: generation garbage collection and reader pins."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from ogi.store import generation as G
from ogi.store import open_store
from ogi.store.ingest import ingest
from test_store_helpers import CORPUS, json_parse, report_spec, write_corpus


def _plain(tmp: Path) -> str:
    return "st"


def _dot(tmp: Path) -> str:
    return "./st"


def _dotdot(tmp: Path) -> str:
    (tmp / "sub").mkdir()
    return "sub/../st"


def _through_symlinked_folder(tmp: Path) -> str:
    (tmp / "real").mkdir()
    (tmp / "link").symlink_to(tmp / "real", target_is_directory=True)
    return "link/st"


def _store_is_a_symlink(tmp: Path) -> str:
    (tmp / "real").mkdir()
    (tmp / "real" / "st").mkdir()
    (tmp / "st-link").symlink_to("real/st", target_is_directory=True)
    return "st-link"


def _absolute(tmp: Path) -> str:
    return str(tmp / "st")


SPELLINGS: dict[str, Callable[[Path], str]] = {
    "relative": _plain,
    "dot": _dot,
    "dotdot": _dotdot,
    "symlinked-folder": _through_symlinked_folder,
    "store-symlink": _store_is_a_symlink,
    "absolute": _absolute,
}


@pytest.fixture(params=sorted(SPELLINGS))
def spelled(request: pytest.FixtureRequest, tmp_path: Path, restore_working_directory: Path) -> str:
    """The store path in one of its spellings, with the cwd at `tmp_path` (restored after the test)."""
    os.chdir(tmp_path)
    write_corpus(tmp_path)
    return SPELLINGS[request.param](tmp_path)


def _live_generations(store: str) -> list[str]:
    return sorted(d.name for d in (Path(store) / G.GEN).iterdir() if d.name.isdigit())


def test_ingest_keeps_the_generation_it_published_whatever_the_spelling(spelled: str) -> None:
    res = ingest(["raw"], spelled, jobs=1, parse=json_parse)
    assert res.written and res.reports == len(CORPUS)
    link = Path(spelled) / G.GEN / G.CURRENT
    assert (Path(spelled) / G.GEN / os.readlink(link)).is_dir(), "the published generation was removed"
    assert open_store(spelled).reports.collect().height == len(CORPUS)
    # a second run that changes the store publishes again and still reads whole
    Path("raw/e2021.json.txt").write_text(
        json.dumps(report_spec("新增街道", "福建省泉州市晋江市", 2021, 10), ensure_ascii=False),
        encoding="utf-8",
    )
    res = ingest(["raw"], spelled, jobs=1, parse=json_parse)
    assert res.written and res.reports == len(CORPUS) + 1
    assert open_store(spelled).reports.collect().height == len(CORPUS) + 1
    assert _live_generations(spelled)[-1] == os.readlink(link)


def test_every_spelling_is_one_store(tmp_path: Path, restore_working_directory: Path) -> None:
    """Ingests through `st`, `./st`, an absolute path and a symlinked parent share one store and one lock."""
    os.chdir(tmp_path)
    write_corpus(tmp_path)
    (tmp_path / "alias").symlink_to(tmp_path, target_is_directory=True)
    names = sorted(CORPUS)
    spellings = ["st", "./st", str(tmp_path / "st"), "alias/st", "alias/raw/../st"]
    for i, spelling in enumerate(spellings):
        # one more report each run: every run changes the store, so each one publishes a generation
        keep = names[: 1 + i % len(names)]
        for n in names:
            Path("raw", n).unlink(missing_ok=True)
        for n in keep:
            Path("raw", n).write_text(json.dumps(CORPUS[n], ensure_ascii=False), encoding="utf-8")
        res = ingest(["raw"], spelling, jobs=1, parse=json_parse)
        assert res.reports == len(keep), spelling
        for other in spellings:
            assert open_store(other).reports.collect().height == len(keep), (spelling, other)


def test_a_pinned_generation_survives_two_ingests(tmp_path: Path, restore_working_directory: Path) -> None:
    """A reader that pins its generation (a render) keeps it whole while two ingests publish newer ones."""
    os.chdir(tmp_path)
    raw = write_corpus(tmp_path)
    ingest(["raw"], "st", jobs=1, parse=json_parse)
    reader = open_store("st")
    gen = reader.path
    before = reader.facts.collect()
    with G.pin(gen):
        for i in range(2):
            (raw / f"new{i}.json.txt").write_text(
                json.dumps(report_spec(f"新增{i}", None, 2021, 5 + i), ensure_ascii=False), encoding="utf-8"
            )
            assert ingest(["raw"], "./st", jobs=1, parse=json_parse).written
        assert gen.is_dir()
        assert reader.facts.collect().equals(before)  # the pinned Store still reads its own generation
        assert G.current(G.Store.at("st")) != gen.resolve()
    (raw / "new2.json.txt").write_text(
        json.dumps(report_spec("新增2", None, 2021, 9), ensure_ascii=False), encoding="utf-8"
    )
    ingest(["raw"], "st", jobs=1, parse=json_parse)
    assert not gen.exists(), "unpinned and two generations old: collected"


def test_collect_compares_resolved_paths_and_keeps_the_published_generation(
    tmp_path: Path, restore_working_directory: Path
) -> None:
    os.chdir(tmp_path)
    write_corpus(tmp_path)
    for _ in range(2):
        Path("raw/x.json.txt").write_text(json.dumps(report_spec("甲", None, 2020, _ + 1)), encoding="utf-8")
        ingest(["raw"], "st", jobs=1, parse=json_parse)
    store = G.Store.at("st")
    live = G.current(store)
    assert live is not None
    spelled_published = Path("st") / G.GEN / live.name  # relative, as a caller might hold it
    G.collect(store, spelled_published)
    assert live.is_dir()
    assert _live_generations("st") == [live.name]  # everything else (unpinned, not previous) is gone


def test_store_views_are_bound_to_the_store(tmp_path: Path, restore_working_directory: Path) -> None:
    """`store.views.<view>(...)` is the view called on that Store; a path works where a Store does."""
    import ogi.store

    os.chdir(tmp_path)
    write_corpus(tmp_path)
    ingest(["raw"], "st", jobs=1, parse=json_parse)
    store = ogi.store.open("./st")
    assert store.root == (tmp_path / "st").resolve()
    assert store.generation is not None and store.generation.parent == store.root / G.GEN
    assert store.views.agencies().equals(ogi.store.agencies(store))
    assert ogi.store.agencies("st").equals(ogi.store.agencies(store))
    with pytest.raises(AttributeError):
        store.views.no_such_view  # noqa: B018
    assert set(dir(store.views)) >= {"agencies", "headline", "report_facts"}
    assert store.reports.collect().height == pl.read_parquet(tmp_path / "st" / "reports.parquet").height
