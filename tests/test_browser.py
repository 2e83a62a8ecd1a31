"""Every rendered brief opens in headless Debian Chromium with the network cut off: no console error, no
request leaving the file, and every chart drawn as SVG with marks. One screenshot is kept in
tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixtures.render_support import ROOT, fake_store, ingest_sample, render_store

pytestmark = [pytest.mark.timeout(900), pytest.mark.browser, pytest.mark.slow]

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
ARTIFACTS = ROOT / "tests" / "artifacts"
ALL_DRAWN = """() => {
  const views = document.querySelectorAll('.ogi-chart-view');
  return Array.from(views).every(v => v.hasAttribute('data-ogi-drawn') || v.hasAttribute('data-ogi-error'));
}"""
CHART_STATE = """() => Array.from(document.querySelectorAll('.ogi-chart-view')).map(v => ({
  id: v.id, error: v.getAttribute('data-ogi-error'),
  marks: v.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] line, svg g[class*="mark-"] rect').length,
  canvas: v.querySelectorAll('canvas').length,
}))"""


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI (scripts/setup.sh installs it)")
        pytest.skip(f"{CHROMIUM} not installed (scripts/setup.sh installs it)")


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    _need_chromium()
    base = tmp_path_factory.mktemp("browser")
    fake = render_store("fake", base / "fake", fake_store(base / "fake"), fake=True)
    paths = [b.path for b in fake.written] + [fake.out / "index.html"]
    try:
        import ogi.store  # noqa: F401
    except ImportError:
        return paths
    real = render_store("real", base / "real", ingest_sample(base / "real"), fake=False)
    assert not real.failed, [str(f) for f in real.failed]
    return paths + [b.path for b in real.written] + [real.out / "index.html"]


def test_every_brief_draws_offline_without_errors(briefs: list[Path]) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ("brief.png", "brief-print.png"):
        (ARTIFACTS / old).unlink(missing_ok=True)
    # the screenshot: a brief with charts, from the real sample store when there is one
    shot = max(
        (p for p in briefs if p.name != "index.html"),
        key=lambda p: (p.stat().st_size > 100_000, "fake" not in p.parts, p.name),
    )
    drawn_total = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for path in briefs:
                page = browser.new_page(viewport={"width": 1000, "height": 900})
                errors: list[str] = []
                outside: list[str] = []
                page.on(
                    "console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None
                )
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))

                def route(r, outside=outside):
                    if r.request.url.startswith("file:"):
                        r.continue_()
                    else:
                        outside.append(r.request.url)
                        r.abort()

                page.route("**/*", route)
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                page.wait_for_function(ALL_DRAWN, timeout=30_000)
                charts = page.evaluate(CHART_STATE)
                assert not errors, (path, errors)
                assert not outside, (path, outside)
                for c in charts:
                    assert c["error"] is None and (c["marks"] > 0 or c["canvas"] > 0), (path, c)
                drawn_total += len(charts)
                if path == shot:
                    page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)
                    page.emulate_media(media="print")
                    page.screenshot(path=str(ARTIFACTS / "brief-print.png"), full_page=True)
                page.close()
        finally:
            browser.close()
    assert drawn_total > 0
    assert (ARTIFACTS / "brief.png").stat().st_size > 10_000
