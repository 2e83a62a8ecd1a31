"""The Vega bundle kept between runs: a damaged copy (empty, cut short) in the user's cache or in a
site's `_static/` is made again, never served to the briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi.render import runtime

pytestmark = pytest.mark.slow  # vl-convert makes the bundle (~1-2 s)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(runtime.CACHE_ENV, str(folder))
    runtime.vega_runtime.cache_clear()
    yield folder
    runtime.vega_runtime.cache_clear()


def test_a_damaged_cached_bundle_is_made_again(cache: Path) -> None:
    js = runtime.vega_runtime()
    assert len(js) > 100_000 and "vegaEmbed" in js
    cached = runtime._cache_file()
    assert cached.read_text(encoding="utf-8") == js
    for damage in ("", js[: len(js) // 2]):
        cached.write_text(damage, encoding="utf-8")  # a crash mid-write, a full disk, a stray editor
        runtime.vega_runtime.cache_clear()
        assert runtime.vega_runtime() == js
        assert cached.read_text(encoding="utf-8") == js  # and the cache is whole again


def test_a_damaged_site_runtime_is_written_again(cache: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    path = runtime.write_runtime(site)
    good = path.read_text(encoding="utf-8")
    path.write_text("", encoding="utf-8")  # the memo still names it
    assert json.loads((site / "_static" / ".runtime.json").read_text(encoding="utf-8"))
    again = runtime.write_runtime(site)
    assert again == path and again.read_text(encoding="utf-8") == good
