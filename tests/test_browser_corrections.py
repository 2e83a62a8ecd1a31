"""The review loop in a browser (issue 22): a corrected figure shows the analyst mark, the note and the
parser's value in its tooltip and figure table, its copy button puts a ready corrections row on the
clipboard (offline), and the index counts the corrections. Reuses tests/test_browser.py's helpers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.render_support import RAW_SAMPLE, ROOT
from test_browser import ARGS, CHROMIUM, _chart_id, _need_chromium, _open

pytestmark = [pytest.mark.timeout(900), pytest.mark.browser, pytest.mark.slow]

LUOSHAN = "001_65a8da51980a352c.txt"  # 罗山街道办事处 2017: its channel chart has 政府网站 181
AGENCY = "罗山街道办事处"
NOTE = "年报表格第二栏应为200条"
ROWS = (
    f"{LUOSHAN},proactive.channel,channel=website,200,{NOTE},张三,2026-12-01",
    f"{LUOSHAN},training.sessions,,3,表格漏记两期,张三,2026-12-01",
)


def _ogi(*args: str) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "ogi.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    assert res.returncode == 0, res.stderr[-3000:]


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The first seeds with a corrections.csv beside them, ingested and 罗山's brief rendered."""
    _need_chromium()
    base = tmp_path_factory.mktemp("corrections")
    raw = base / "raw"
    raw.mkdir()
    for f in RAW_SAMPLE:
        shutil.copy(f, raw / f.name)
    assert LUOSHAN in {f.name for f in RAW_SAMPLE}
    text = "report,metric,dims,value,note,who,date\r\n" + "".join(r + "\r\n" for r in ROWS)
    (raw / "corrections.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    store, out = base / "store", base / "out"
    _ogi("ingest", str(raw), "-o", str(store), "--no-progress")
    _ogi("render", "--store", str(store), "--out", str(out), "--agency", AGENCY, "--no-progress")
    briefs = sorted(out.glob("*/2017.html"))
    assert len(briefs) == 1, briefs
    return {"store": store, "out": out, "brief": briefs[0]}


@pytest.fixture(scope="module")
def browser(corrected):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def test_corrected_figure_shows_mark_note_and_parser_value(corrected, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _open(browser, corrected["brief"])
    chart = _chart_id(page, "渠道")
    bars = page.locator(f"#{chart} svg g.mark-rect path")
    tips = []
    for i in range(bars.count()):
        bars.nth(i).hover()
        page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
        tips.append(page.inner_text("#vg-tooltip-element"))
        page.mouse.move(0, 0)
    tip = next((t for t in tips if "200" in t), "")
    assert "分析员更正" in tip and NOTE in tip and "原解析值 181" in tip and "张三" in tip, tips
    # the folded table: the same mark on the row, and its copy button puts a ready row on the clipboard
    details = page.locator(f"#{chart} >> xpath=following::details[1]")
    details.locator("summary").click()
    row = details.locator("tr", has_text="政府网站")
    assert row.locator(".ogi-corrected").inner_text().startswith("分析员更正")
    assert NOTE in (row.locator(".ogi-corrected").get_attribute("title") or "")
    other = details.locator("tr", has_text="公开栏")
    assert other.locator(".ogi-corrected").count() == 0  # only the corrected figure is marked
    other.locator("button.ogi-copy").click()
    page.wait_for_function("() => window.ogiCopied !== undefined")
    assert page.evaluate("window.ogiCopied") == f"{LUOSHAN},proactive.channel,channel=bulletin_board,112,,,"
    # copied (through the Clipboard API, or the execCommand fallback when the page may not use it)
    page.wait_for_function(
        "() => document.querySelector('button.ogi-copy[data-ogi-copied]') !== null", timeout=5_000
    )
    # every figure-table row of this brief is one fact, so every row has its button
    rows = page.locator("table.ogi-figures tbody tr")
    assert (
        rows.count() > 10
        and page.locator("table.ogi-figures tbody tr button.ogi-copy").count() == rows.count()
    )
    assert not errors, errors
    page.close()


def test_index_counts_the_corrections(corrected, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _open(browser, corrected["out"] / "index.html")
    heads = page.locator("table.ogi-index thead th").all_inner_texts()
    col = next(i for i, h in enumerate(heads) if "分析员更正" in h)
    row = page.locator("table.ogi-index tbody tr", has_text=AGENCY)
    assert row.locator("td").nth(col).inner_text().strip() == str(len(ROWS))
    assert not errors, errors
    page.close()
