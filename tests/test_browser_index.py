"""The index and the overview in headless Chromium (network cut), on the rendered sample store of
tests/test_browser.py: numbers sort as numbers (3,119 above 3; a report without the figure last either
way), the workbook is linked and opens; screenshots of the overview and of the workbook's first sheet
go to tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from test_browser import ARTIFACTS, _open, browser, sample  # noqa: F401  (its module fixtures, reused here)

pytestmark = [pytest.mark.timeout(900), pytest.mark.browser, pytest.mark.slow]

ROWS = """(col) => Array.from(document.querySelectorAll('table.ogi-index tbody tr')).filter(r => !r.hidden)
  .map(r => [r.cells[0].textContent.trim(), r.cells[col].getAttribute('data-sort'), r.cells[col].textContent.trim()])"""
HEADS = (
    "() => Array.from(document.querySelectorAll('table.ogi-index thead th')).map(h => h.textContent.trim())"
)


def _sorted_by(page, title: str, order: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    col = page.evaluate(HEADS).index(title)
    head = page.locator("table.ogi-index thead th").nth(col)
    for _ in range(2):
        if head.get_attribute("aria-sort") == order:
            break
        head.click()
    assert head.get_attribute("aria-sort") == order
    return page.evaluate(ROWS, col)


def test_index_sorts_received_applications_as_numbers(sample, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from ogi.vocabulary import metric_label

    page, errors = _open(browser, sample["out"] / "index.html", width=1300)
    title = metric_label("applications.received")
    down = _sorted_by(page, title, "descending")
    assert down[0][0].startswith("淮安") and down[0][2] == "3,119", down[:3]
    values = [float(r[1]) for r in down if r[1]]
    assert values == sorted(values, reverse=True) and len(values) >= 10
    held = [bool(r[1]) for r in down]
    assert held == sorted(held, reverse=True)  # every report without the figure after those with it
    up = _sorted_by(page, title, "ascending")
    values = [float(r[1]) for r in up if r[1]]
    assert values == sorted(values) and up[len(values) - 1][2] == "3,119"
    assert [bool(r[1]) for r in up] == sorted((bool(r[1]) for r in up), reverse=True)  # blanks last too
    # the findings column (no data-sort) sorts by its number too
    counts = [int(r[2]) for r in _sorted_by(page, "数据质量问题", "descending")]
    assert counts == sorted(counts, reverse=True)
    assert not errors
    page.close()


def test_index_links_the_workbook_and_the_overview_draws(sample, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    openpyxl = pytest.importorskip("openpyxl")
    page, errors = _open(browser, sample["out"] / "index.html", width=1300)
    href = page.eval_on_selector('nav.ogi-nav a[download][href$=".xlsx"]', "a => a.getAttribute('href')")
    page.close()
    book = sample["out"] / href
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == "报告" and wb.worksheets[0].max_row == 31
    _screenshot_sheet(browser, book, wb)
    page, errors = _open(browser, sample["out"] / "overview.html", width=1300)
    assert not errors
    page.screenshot(path=str(ARTIFACTS / "overview-evaluator.png"), full_page=True)
    page.close()


def _screenshot_sheet(page_maker, book: Path, wb) -> None:  # type: ignore[no-untyped-def]
    """The workbook's first sheet as a picture: LibreOffice's own rendering when it is installed,
    else an HTML table of the cells as openpyxl reads them (values, frozen header)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:  # LibreOffice's own rendering of the cells, widths and number formats, as HTML
        out = book.parent / "lo"
        res = subprocess.run(
            [soffice, "--headless", "--convert-to", "html", "--outdir", str(out), str(book)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        page_html = out / (book.stem + ".html")
        if res.returncode == 0 and page_html.is_file():
            page = page_maker.new_page(viewport={"width": 1800, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(page_html.as_uri() + "#table0")
            # lay the table out at the sheet's own column widths (a browser squeezes a wide table into
            # the window, wrapping every cell a character per line)
            page.evaluate(
                """() => document.querySelectorAll('table').forEach(t => {
                  let w = 0;
                  t.querySelectorAll('colgroup').forEach(c => {
                    w += (parseInt(c.getAttribute('span') || '1', 10)) * parseInt(c.getAttribute('width') || '64', 10);
                  });
                  t.style.tableLayout = 'fixed'; t.style.width = w + 'px';
                })"""
            )
            page.evaluate("() => document.querySelector('a[name=table0]').scrollIntoView()")
            page.screenshot(path=str(ARTIFACTS / "workbook-first-sheet-libreoffice.png"))
            page.close()
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    cells = "".join(
        "<tr>"
        + "".join(
            (
                f"<th>{html.escape(str(v))}</th>"
                if i == 0
                else f"<td>{'' if v is None else html.escape(f'{v:,}' if isinstance(v, int) and not isinstance(v, bool) else str(v))}</td>"
            )
            for v in r[:24]
        )
        + "</tr>"
        for i, r in enumerate(rows)
    )
    page = page_maker.new_page(viewport={"width": 2400, "height": 1000})
    page.set_content(
        "<style>body{font:12px 'Noto Sans CJK SC',sans-serif}table{border-collapse:collapse}"
        "th{background:#dde5f0;position:sticky;top:0;max-width:9em;vertical-align:top}"
        "td,th{border:1px solid #bbb;padding:2px 4px;white-space:nowrap}td{text-align:right}</style>"
        f"<p>{html.escape(book.name)} · {html.escape(ws.title)} · {ws.max_row - 1} rows × {ws.max_column} columns "
        f"(first 24 shown) · frozen at {ws.freeze_panes}</p><table>{cells}</table>"
    )
    page.screenshot(path=str(ARTIFACTS / "workbook-first-sheet.png"), full_page=True)
    page.close()
