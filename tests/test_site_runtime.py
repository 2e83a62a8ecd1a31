"""A site, not a thousand copies of the runtime: site briefs load `_static/vega-<hash>.js` by relative
path; standalone briefs (`ogi export`, `ogi render --standalone`) carry it inline; a site brief
moved away from its `_static/` says so in the page. The browser tests open the pages in headless
Chromium with every non-file request refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import altair as alt
import nbformat
import polars as pl
import pytest

from ogi.render.export import CHART_MIME, to_html
from ogi.render.runtime import RUNTIME_DIR, runtime_src, vega_runtime, write_runtime

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
]


def _notebook() -> nbformat.NotebookNode:
    """An executed brief-like notebook: a heading and one bar chart output (as the brief's charts give it)."""
    df = pl.DataFrame({"year": ["2022", "2023", "2024"], "n": [3, 5, 4]})
    spec = alt.Chart(df).mark_bar().encode(x="year:N", y="n:Q").to_dict()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/html": '<h1 class="ogi-h">某局</h1>', "text/plain": "某局"}
        ),
        nbformat.v4.new_output(
            "display_data",
            data={
                CHART_MIME: {"id": "ogi-chart-1", "title": "申请数量", "spec": spec},
                "text/plain": "[chart]",
            },
        ),
    ]
    nb.cells = [cell]
    return nb


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    nb = _notebook()
    root = tmp_path / "site"
    runtime = write_runtime(root)
    brief = root / "某局" / "2024.html"
    brief.parent.mkdir(parents=True)
    brief.write_text(to_html(nb, runtime_url=runtime_src(runtime, brief)), encoding="utf-8")
    standalone = tmp_path / "mail" / "2024.html"
    standalone.parent.mkdir()
    standalone.write_text(to_html(nb), encoding="utf-8")
    orphan = tmp_path / "copied" / "2024.html"
    orphan.parent.mkdir()
    shutil.copy(brief, orphan)
    return {"runtime": runtime, "brief": brief, "standalone": standalone, "orphan": orphan}


def test_site_brief_loads_the_one_runtime_by_relative_path(site: dict[str, Path]) -> None:
    runtime, brief = site["runtime"], site["brief"]
    assert runtime.parent.name == RUNTIME_DIR and runtime.name.startswith("vega-")
    assert runtime.read_text(encoding="utf-8") == vega_runtime()
    html = brief.read_text(encoding="utf-8")
    assert f'src="../{RUNTIME_DIR}/{runtime.name}"' in html
    assert vega_runtime()[:500] not in html and len(html.encode()) < 100_000
    assert len(site["standalone"].read_bytes()) > 800_000  # the mailable page carries the runtime


def test_runtime_is_written_once_and_never_rewritten(tmp_path: Path) -> None:
    first = write_runtime(tmp_path)
    stamp = first.stat().st_mtime_ns
    again = write_runtime(tmp_path)
    assert again == first and again.stat().st_mtime_ns == stamp
    assert [p.name for p in (tmp_path / RUNTIME_DIR).glob("*.js")] == [first.name]


def _open(paths: list[Path]) -> list[dict[str, object]]:
    """Each page in Chromium (network cut): its charts' state, console errors, requests it made."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for path in paths:
                page = browser.new_page()
                seen: dict[str, list[str]] = {"errors": [], "outside": [], "files": []}
                page.on("pageerror", lambda e, s=seen: s["errors"].append(str(e)))

                def route(r, req, s=seen):  # type: ignore[no-untyped-def]
                    if req.url.startswith("file:"):
                        s["files"].append(req.url)
                        r.continue_()
                    else:
                        s["outside"].append(req.url)
                        r.abort()

                page.route("**/*", route)
                page.goto(path.as_uri())
                page.wait_for_function(
                    "() => Array.from(document.querySelectorAll('.ogi-chart-view')).every("
                    "v => v.hasAttribute('data-ogi-drawn') || v.hasAttribute('data-ogi-error'))",
                    timeout=30_000,
                )
                state = page.evaluate(
                    """() => Array.from(document.querySelectorAll('.ogi-chart-view')).map(v => ({
                      error: v.getAttribute('data-ogi-error'),
                      marks: v.querySelectorAll('svg g[class*="mark-"] path').length,
                      note: (v.querySelector('.ogi-noruntime') || {}).textContent || ''}))"""
                )
                out.append({"charts": state, **seen})
                page.close()
        finally:
            browser.close()
    return out


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.timeout(300)
def test_site_and_standalone_briefs_draw_offline_and_an_orphan_says_why_not(site: dict[str, Path]) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (scripts/setup.sh installs it)")
    in_site, alone, orphan = _open([site["brief"], site["standalone"], site["orphan"]])
    for page in (in_site, alone):
        assert not page["errors"] and not page["outside"], page
        assert page["charts"] and all(c["error"] is None and c["marks"] > 0 for c in page["charts"]), page
    assert any(u.endswith(f"/{RUNTIME_DIR}/{site['runtime'].name}") for u in in_site["files"])
    assert alone["files"] == [site["standalone"].as_uri()]  # nothing but the page itself
    charts = orphan["charts"]
    assert charts and all(c["marks"] == 0 and "runtime missing" in c["error"] for c in charts)
    assert all("_static" in c["note"] and "--standalone" in c["note"] for c in charts)


def test_page_css_font_stack_is_the_charts_font_stack() -> None:
    from ogi.render.page_css import CSS, FONT_STACK
    from ogi.render.theme import FONT_STACK as CHART_FONTS

    assert FONT_STACK == CHART_FONTS and FONT_STACK in CSS
