"""Incremental ingests and renders key on what they really depend on: every file of the package (walked,
not listed), Python and the library versions; a changed vocabulary label re-renders the briefs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures.render_support import ROOT, ingest_sample

PACKAGE = ROOT / "lib" / "ogi"
LABEL = "主动公开政府信息数"


def _copy_package(tmp_path: Path) -> Path:
    dest = tmp_path / "lib" / "ogi"
    shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _relabel(package: Path, new: str) -> None:
    vocab = package / "vocabulary.py"
    text = vocab.read_text(encoding="utf-8")
    assert f'"{LABEL}"' in text
    vocab.write_text(text.replace(f'"{LABEL}"', f'"{new}"', 1), encoding="utf-8")


def test_package_files_are_walked_not_listed(tmp_path: Path) -> None:
    from ogi.digest import package_files

    rel = {p.relative_to(PACKAGE).as_posix() for p in package_files(PACKAGE)}
    every_py = {
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts
    }
    assert every_py <= rel
    for name in ("vocabulary.py", "store/views.py", "store/labels.py", "render/index.py", "render/export.py"):
        assert name in rel
    assert "py.typed" in rel and not any("__pycache__" in r or r.endswith(".pyc") for r in rel)
    copy = _copy_package(tmp_path)
    (copy / "render" / "__pycache__").mkdir(exist_ok=True)
    (copy / "render" / "__pycache__" / "x.pyc").write_bytes(b"noise")
    assert [p.relative_to(copy).as_posix() for p in package_files(copy)] == sorted(rel)


def test_code_digest_follows_any_package_file_and_only_content(tmp_path: Path) -> None:
    from ogi.digest import code_digest

    copy = _copy_package(tmp_path)
    before = code_digest(copy)
    assert code_digest(copy) == before == code_digest(PACKAGE)  # content, not location
    (copy / "render" / "__pycache__").mkdir(exist_ok=True)
    (copy / "render" / "__pycache__" / "x.pyc").write_bytes(b"noise")
    assert code_digest(copy) == before
    _relabel(copy, LABEL + "（新）")
    after_label = code_digest(copy)
    assert after_label != before
    views = copy / "store" / "views.py"
    views.write_text(
        views.read_text(encoding="utf-8") + "\n# headline arithmetic changed\n", encoding="utf-8"
    )
    assert code_digest(copy) not in (before, after_label)


def test_library_versions_cover_what_draws_and_reads_the_briefs() -> None:
    from ogi.digest import library_versions

    names = [v.partition("==")[0] for v in library_versions()]
    # declared requirements, and what they pull in (nbconvert's Jinja templates, papermill's nbclient)
    assert {"polars", "altair", "nbconvert", "vl-convert-python", "pdfplumber", "jinja2", "nbclient"} <= set(
        names
    )
    assert names == sorted(set(names))  # one entry per distribution, in a fixed order


def test_render_keys_and_ingest_fingerprint_change_with_a_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ogi import digest
    from ogi.render import state
    from ogi.store.ingest import parse_fingerprint

    store = tmp_path / "store"
    store.mkdir()
    (store / "rows.json").write_text("[]", encoding="utf-8")
    nb = tmp_path / "brief.ipynb"
    nb.write_text("{}", encoding="utf-8")
    items = [("a/2023.html", "a", 2023)]
    copy = _copy_package(tmp_path)
    monkeypatch.setattr(digest, "package_root", lambda: copy)
    keys, fp = state.keys_for(store, items, "zh", nb), parse_fingerprint()
    assert state.keys_for(store, items, "zh", nb) == keys and parse_fingerprint() == fp
    _relabel(copy, LABEL + "（新）")
    assert state.keys_for(store, items, "zh", nb) != keys
    assert parse_fingerprint() != fp


@pytest.mark.slow
def test_a_changed_vocabulary_label_rerenders_the_briefs(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stale-brief bug: after a label change an incremental render used to skip every brief."""
    import os

    from ogi import digest
    from ogi.render.runner import render_batch

    store = ingest_sample(tmp_path_factory.mktemp("real"))
    copy = _copy_package(tmp_path)
    # the kernels import the copy; this process digests it
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(copy.parent), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setattr(digest, "package_root", lambda: copy)
    out = tmp_path / "out"
    first = render_batch(store, out, workers=1, timeout=120)
    n = len(first.written)  # one brief per agency and year held
    assert n >= 3 and not first.failed
    assert any(LABEL in b.path.read_text(encoding="utf-8") for b in first.written)
    again = render_batch(store, out, workers=1, timeout=120)
    assert not again.written and len(again.skipped) == n

    new = LABEL + "（新标签）"
    _relabel(copy, new)
    third = render_batch(store, out, workers=1, timeout=120)
    assert sorted(b.agency_key for b in third.written) == sorted(b.agency_key for b in first.written)
    assert not third.skipped and not third.failed
    assert any(new in b.path.read_text(encoding="utf-8") for b in third.written)
