"""Briefs: readable parameters, safe slugs, escaping, no CDN, determinism, and a batch that survives a failure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from fixtures.render_support import ROOT, fake_env, fake_store, render_store

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("fake")
    return render_store("fake", base, fake_store(base), fake=True)


def test_parameters_are_injected_readably() -> None:
    from papermill.parameterize import parameterize_notebook

    from ogi.render.params import register_translator

    register_translator()
    nb = nbformat.read(ROOT / "notebooks" / "agency_brief.ipynb", as_version=4)
    nb.metadata["papermill"] = {}
    out = parameterize_notebook(nb, {"agency": "梅岭街道办事处", "year": 2021, "lang": "zh"})
    injected = next(c for c in out.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "agency = '梅岭街道办事处'" in injected.source
    assert "\\u" not in injected.source
    ns: dict[str, object] = {}
    exec(injected.source, ns)
    assert ns["agency"] == "梅岭街道办事处" and ns["year"] == 2021


def test_committed_notebooks_have_no_outputs_and_a_parameters_cell() -> None:
    for name in ("agency_brief", "corpus_overview"):
        nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        plain = [c for c in code if "# NBVAL_CHECK_OUTPUT" not in c.source]  # those keep their expectation
        assert all(not c.outputs and c.execution_count is None for c in plain), name
        assert any("parameters" in c.metadata.get("tags", []) for c in code), name
        assert any("# NBVAL_CHECK_OUTPUT" in c.source for c in code), name


def test_slugs_are_safe_readable_and_unique() -> None:
    from ogi.render.slug import slugify, unique_slugs

    assert slugify("梅岭街道办事处") == "梅岭街道办事处"
    bad = slugify("<script>alert('x')</script>/../局")
    assert re.fullmatch(r"[\w\u3400-\u9fff-]+", bad) and ".." not in bad
    assert slugify("").startswith("agency-")
    slugs = unique_slugs([("a", "同名局"), ("b", "同名局"), ("c", "别的局")])
    assert len(set(slugs.values())) == 3 and slugs["c"] == "别的局"


def test_chart_figure_cannot_close_its_script() -> None:
    from ogi.render.charts import CHART_MIME
    from ogi.render.export import chart_html

    html = chart_html(
        {
            CHART_MIME: {
                "id": 'ogi-chart-1"><x',
                "title": "<b>t</b>",
                "spec": {"title": "</script><script>alert(1)</script>"},
            }
        }
    )
    assert html.count("</script>") == 1 and "<script>alert" not in html
    assert 'id="ogi-chart-1x"' in html and "&lt;b&gt;" in html


@pytest.mark.slow
def test_every_brief_of_the_batch_is_written_despite_a_failing_one(fake) -> None:
    written = sorted(b.agency_key for b in fake.written)
    assert written == ["meiling", "xss"]
    assert [e.agency for e in fake.failed] == ["broken"]
    err = fake.failed[0]
    assert "brief.categories(ctx)" in err.cell and "RuntimeError: boom" in err.error
    assert all(b.path.is_file() for b in fake.written)
    index = (fake.out / "index.html").read_text(encoding="utf-8")
    assert "梅岭街道办事处" in index and "故障局" not in index.split("<h2")[0]
    assert "RuntimeError: boom" in index  # failures listed under their own heading


@pytest.mark.slow
def test_briefs_load_nothing_from_the_network(fake) -> None:
    for brief in fake.written:
        html = brief.path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
        for marker in ("cdnjs", "jsdelivr", "unpkg", "require.js", "mathjax", "mermaid"):
            assert marker not in html.lower(), (brief.path, marker)
        assert 'src=""' not in html
        assert '"Noto Sans CJK SC"' in html


@pytest.mark.slow
def test_report_strings_are_escaped(fake) -> None:
    brief = next(b for b in fake.written if b.agency_key == "xss")
    html = brief.path.read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in html
    assert re.search(r"&lt;script&gt;alert\((?:'|&#x27;)x(?:'|&#x27;)\)&lt;/script&gt;局&amp;amp;", html)
    assert "<img src=x" not in html
    meiling = next(b for b in fake.written if b.agency_key == "meiling").path.read_text(encoding="utf-8")
    assert "&lt;script&gt;x&lt;/script&gt;" in meiling  # a quoted source line with markup


@pytest.mark.slow
def test_two_renders_of_one_store_are_byte_identical(fake, tmp_path: Path) -> None:
    import os

    from ogi.render.runner import render_brief

    saved = dict(os.environ)
    os.environ.update(fake_env())
    try:
        for b in fake.written:
            again = render_brief(fake.store, b.agency_key, b.year, tmp_path / b.path.name)
            assert again.read_bytes() == b.path.read_bytes(), b.agency_key
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert not re.search(
        r"altair-viz-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", fake.written[0].path.read_text()
    )


@pytest.mark.slow
def test_sections_without_data_say_so(fake) -> None:
    html = next(b for b in fake.written if b.agency_key == "xss").path.read_text(encoding="utf-8")
    assert "本年度报告中没有行政复议和行政诉讼的数据。" in html
    assert "本年度报告中没有投诉办理与咨询的数据。" in html
    # one year held: a sentence instead of a one-dot trend; categories and channels drawn, nothing empty
    assert "暂无历年变化可比" in html
    assert html.count('class="ogi-chart"') == 2


@pytest.mark.slow
def test_cli_reports_the_failing_cell_and_exits_non_zero(fake, tmp_path: Path) -> None:
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "render",
            "--store",
            str(fake.store),
            "--out",
            str(tmp_path),
            "--agency",
            "故障局",
            "--agency",
            "nobody",
        ],
        capture_output=True,
        text=True,
        env=fake_env(),
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 1
    assert "ogi render: broken 2021: cell" in res.stderr and "RuntimeError: boom" in res.stderr
    assert "nobody: not in the store" in res.stderr
    assert "Traceback" not in res.stderr
    assert (tmp_path / "index.html").is_file()


def test_chart_colours_distinct_in_a_chart_and_equal_across_languages(tmp_path_factory) -> None:
    """Every chart of every sample brief: no two categories share a colour; zh and en use the same ones."""
    import ogi.store as st
    from fixtures.render_support import ingest_sample
    from ogi.render import brief
    from ogi.render.charts import ChartOutput

    store = ingest_sample(tmp_path_factory.mktemp("colours"))

    def ranges(spec: object) -> list[list[str]]:
        if isinstance(spec, dict):
            colour = (
                spec.get("encoding", {}).get("color", {}) if isinstance(spec.get("encoding"), dict) else {}
            )
            found = [list(colour["scale"]["range"])] if "range" in colour.get("scale", {}) else []
            return found + [r for k, v in spec.items() if k != "encoding" for r in ranges(v)]
        if isinstance(spec, list):
            return [r for v in spec for r in ranges(v)]
        return []

    checked = 0
    for key in st.agencies(store)["agency_key"].to_list():
        by_lang = {}
        for lang in ("zh", "en"):
            shown: list[object] = []
            saved = brief._show
            brief._show = lambda *items, shown=shown: shown.extend(items)
            try:
                brief.sections(brief.brief_context(key, None, store, lang))
            finally:
                brief._show = saved
            by_lang[lang] = [ranges(c.spec())[:1] for c in shown if isinstance(c, ChartOutput)]
        assert by_lang["zh"] == by_lang["en"], key
        for chart in by_lang["zh"]:
            for colours in chart:
                assert len(set(colours)) == len(colours), (key, colours)
                checked += 1
    assert checked >= 3
