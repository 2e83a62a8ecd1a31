"""Briefs made from hostile agency names: every file stays inside --out, and the names reach HTML escaped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.conftest import ogi
from hostile.corpus import IMG_NAME, SCRIPT_NAME

pytestmark = pytest.mark.slow  # renders briefs in real kernels

NAMES = ("agency_script.txt", "agency_img.txt", "agency_dotdot.txt", "CON.txt", "rtl_zero_width.txt")


@pytest.fixture(scope="module")
def rendered(
    corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, set[Path]]:
    root = tmp_path_factory.mktemp("render")
    store, out = root / "store", root / "out"
    res = ogi("ingest", *[str(corpus[n]) for n in NAMES], "-o", str(store), "--no-progress", "-j", "1")
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    before = {Path(d) / f for d, _, fs in os.walk(root.parent) for f in fs}
    res = ogi("render", "--store", str(store), "--out", str(out), timeout=600)
    if "Traceback" in res.stderr:
        pytest.fail("render printed a traceback:\n" + res.stderr[-3000:])
    after = {Path(d) / f for d, _, fs in os.walk(root.parent) for f in fs}
    return out, root, after - before


def test_no_file_written_outside_the_output_folder(rendered) -> None:
    out, _, new = rendered
    outside = sorted(str(p) for p in new if out not in p.parents)
    assert not outside, outside
    for p in new:
        assert ".." not in p.relative_to(out).parts
        assert p.name.split(".")[0].upper() not in {"CON", "NUL", "PRN", "AUX"}, p  # Windows device names


def test_hostile_names_reach_html_only_escaped(rendered) -> None:
    out, _, _ = rendered
    pages = sorted(out.rglob("*.html"))
    if not pages:
        pytest.skip("ogi render wrote no HTML (render verb not usable here)")
    raw = [SCRIPT_NAME.replace("局", ""), IMG_NAME.replace("局", ""), "<img src=x onerror"]
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        for needle in raw:
            assert needle not in html, f"{page.name} holds {needle!r} unescaped"


@pytest.mark.browser
def test_browser_runs_no_script_from_names(rendered) -> None:
    out, _, _ = rendered
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright not installed")
    pages = sorted(out.rglob("*.html"))
    if not pages:
        pytest.skip("no briefs rendered")
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        for html in pages:
            page.goto(html.as_uri())
            assert page.evaluate("() => window.__pwned === undefined"), (
                f"a script from a name ran in {html.name}"
            )
        browser.close()


def test_briefs_were_rendered_for_the_hostile_names(rendered) -> None:
    _out, _, new = rendered
    assert len([p for p in new if p.suffix == ".html"]) >= 4, sorted(p.name for p in new)
