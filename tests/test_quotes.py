"""Quotes that locate (issue 21 item 4): a PDF fact's page in `loc` and beside its line in the brief,
and the report's original web address linked in the "about" table, only when it is http(s)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import formats_fixtures as ff
from fixtures.render_support import RAW_SAMPLE, ROOT
from ogi.parse.pipeline import run
from ogi.readers import read_path


def test_every_fact_of_a_pdf_names_its_page() -> None:
    """Table cells knew their page already; prose facts and mentions get it too, the page of their line."""
    doc = read_path(str(ff.FIXTURES / "r2021.pdf"))
    facts = run(doc).facts
    prose = [f for f in facts if f.origin == "prose"]
    assert prose and facts
    for f in facts:
        assert f.loc.split(";")[0] == f"p. {doc.page_of(f.line)}", (f.metric, f.line, f.loc)


def test_a_text_report_has_no_page() -> None:
    doc = read_path(str(RAW_SAMPLE[0]))
    assert doc.pages is None
    assert not any(f.loc.startswith("p. ") for f in run(doc).facts)


def test_where_shows_the_page_beside_the_line() -> None:
    from ogi.render.context import Context

    zh = Context(store_path=Path("."), store=None, lang="zh", pages={26: 3})
    en = Context(store_path=Path("."), store=None, lang="en", pages={26: 3})
    assert zh.where(26) == "26 · 第 3 页" and en.where(26) == "26 · p. 3"
    assert zh.where(27) == 27 and zh.where(None) is None and zh.where(0) is None


def test_only_http_addresses_become_links() -> None:
    from ogi.render.fragments import url_link

    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/"):
        shown = url_link(bad)
        assert "<a" not in shown and "<b>" not in shown, shown
    good = url_link('https://gov.example/r?a=1&b="><script>x</script>')
    assert good.startswith('<a href="https://gov.example/r?a=1&amp;b=&quot;&gt;&lt;script&gt;')
    assert "<script>" not in good


URL = 'https://gov.example/2021/report.html?id=7&x="<b>'
URL_SHOWN = '<a href="https://gov.example/2021/report.html?id=7&amp;x=&quot;&lt;b&gt;"'


def _store_with_url(tmp_path: Path) -> Path:
    """One report ingested from a folder whose sources.csv gives its url (with characters to escape)."""
    src = tmp_path / "in"
    src.mkdir()
    report = src / RAW_SAMPLE[0].name
    shutil.copy(RAW_SAMPLE[0], report)
    url = URL
    (src / "sources.csv").write_text(
        f'file,agency,region,year,url\n{report.name},,,,"{url.replace(chr(34), 2 * chr(34))}"\n'
    )
    store = tmp_path / "store"
    res = subprocess.run(
        [sys.executable, "-m", "ogi.cli", "ingest", str(report), "-o", str(store), "--no-progress"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    return store


def test_about_links_the_sidecar_url(tmp_path: Path) -> None:
    """A report's sources.csv url shows, escaped and linked, beside its local file in the brief's about table."""
    from ogi.render import brief, layout

    ctx = brief.open_report("", None, _store_with_url(tmp_path), "en")
    shown: list[object] = []
    saved = layout.display
    layout.display = shown.append  # type: ignore[assignment]
    try:
        brief.about(ctx)
    finally:
        layout.display = saved
    html = "".join(getattr(x, "html", "") for x in shown)
    assert "Original address" in html
    assert URL_SHOWN in html and "<b>" not in html


@pytest.mark.slow
def test_index_links_the_original_beside_the_csv(tmp_path: Path) -> None:
    store, out = _store_with_url(tmp_path), tmp_path / "out"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "render",
            "--store",
            str(store),
            "--out",
            str(out),
            "-j",
            "1",
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert URL_SHOWN in index and "<b>" not in index
    brief = next(p for p in out.glob("*/*.html"))
    html = brief.read_text(encoding="utf-8")  # the exporter re-serialises attributes (quote style)
    assert re.search(r"<a href=['\"]https://gov\.example/2021/report\.html\?id=7&amp;x=", html)
    assert "<b>" not in html


def test_a_section_4_cell_quote_names_its_column() -> None:
    """`行政复议 | 结果维持 | 72`, not `行政复议、行政诉讼 | 72`: which of the fifteen figures a cell is."""
    doc = read_path(str(ff.FIXTURES / "r2021.pdf"))
    cells = [
        f for f in run(doc).facts if f.metric in ("review.count", "litigation.count") and f.origin == "table"
    ]
    assert len(cells) >= 10
    heads = {
        "upheld": "结果维持",
        "corrected": "结果纠正",
        "other": "其他结果",
        "pending": "尚未审结",
        None: "总计",
    }
    groups = {
        None: "行政复议",
        "direct": "行政诉讼 未经复议直接起诉",
        "after_review": "行政诉讼 复议后起诉",
    }
    for f in cells:
        if f.metric == "litigation.count" and "route" not in f.dims:
            continue  # the overall litigation total is the sum of two printed cells, quoted as such
        want = f"{groups[f.dims.get('route')]} | {heads[f.dims.get('outcome')]} | "
        assert f.quote.startswith(want), (f.dims, f.quote)


def test_an_html_page_keeps_the_address_it_declares(tmp_path: Path) -> None:
    """`<link rel="canonical">` (else og:url) becomes the report's url; a javascript: one never does."""
    from ogi.readers.html import read as read_html

    body = "<body><div id='zoom'><p>2021年政府信息公开工作年度报告</p><p>主动公开政府信息 12 条。</p></div></body>"

    def page(head: str) -> str:
        return run(read_html(f"<html><head>{head}</head>{body}</html>".encode(), "r.html")).url or ""

    assert page('<link rel="canonical" href=" https://gov.example/a.html ">') == "https://gov.example/a.html"
    assert page('<meta property="og:url" content="http://gov.example/b.html">') == "http://gov.example/b.html"
    assert page('<link rel="canonical" href="javascript:alert(1)">') == ""
    assert page("") == ""


def test_prose_quotes_start_at_their_clause() -> None:
    """A percentage and an approximate figure are quoted from the start of their clause, not from a fixed
    number of characters before them (which cut a phrase in two)."""
    from ogi.readers import read_bytes

    text = (
        "某某街道办事处2021年政府信息公开工作年度报告\n"
        "全年共受理申请120件，通过政府网站和政务新媒体平台提交的网上申请所占比例为百分之四十五点五即45.5%。\n"
        "本年度主动公开政府信息，累计在门户网站和各类政务新媒体平台上发布各类信息共计5500余条。\n"
    )
    facts = run(read_bytes(text.encode(), "r.txt")).facts
    pct = next(f for f in facts if f.metric == "mention.percent")
    assert pct.quote.startswith("通过政府网站"), pct.quote
    approx = [f for f in facts if f.approx]
    assert approx and all(f.quote.startswith("累计在门户网站") for f in approx), [f.quote for f in approx]
