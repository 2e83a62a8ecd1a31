"""Briefs: readable parameters, safe slugs, escaping, no CDN, determinism, and a batch that survives a failure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from fixtures.render_support import (
    CTRL_ENV,
    HOSTILE_AGENCY,
    ROOT,
    agency_keys,
    ingest_sample,
    with_broken_brief,
)

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    """The sample store rendered one fresh kernel per brief, the first agency's brief failing on purpose."""
    return with_broken_brief(tmp_path_factory.mktemp("render"))


def _broken_key(rendered) -> str:  # type: ignore[no-untyped-def]
    return sorted(agency_keys(rendered.store).values())[0]


def _hostile(rendered) -> Path:  # type: ignore[no-untyped-def]
    key = agency_keys(rendered.store)[HOSTILE_AGENCY]
    return next(b.path for b in rendered.written if b.agency_key == key)


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
    for name in ("agency_brief", "corpus_overview", "explore"):
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
def test_every_brief_of_the_batch_is_written_despite_a_failing_one(rendered) -> None:
    import ogi.store

    broken = _broken_key(rendered)
    table = ogi.store.open(rendered.store).views.agencies()
    pairs = sorted((str(k), int(y)) for k, ys in table.select("agency_key", "years").iter_rows() for y in ys)
    assert len(pairs) > len(table)  # an agency with two years: each year gets its brief
    assert sorted((b.agency_key, b.year) for b in rendered.written) == [p for p in pairs if p[0] != broken]
    assert [e.agency for e in rendered.failed] == [broken]
    err = rendered.failed[0]
    assert "views.categories(store, report)" in err.cell and "RuntimeError: boom" in err.error
    assert all(b.path.is_file() for b in rendered.written)
    index = (rendered.out / "index.html").read_text(encoding="utf-8")
    assert (
        HOSTILE_AGENCY in index and "RuntimeError: boom" in index
    )  # failures listed under their own heading


@pytest.mark.slow
def test_briefs_load_nothing_from_the_network(rendered) -> None:
    for brief in rendered.written:
        html = brief.path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
        for marker in ("cdnjs", "jsdelivr", "unpkg", "require.js", "mathjax", "mermaid"):
            assert marker not in html.lower(), (brief.path, marker)
        assert 'src=""' not in html
        assert '"Noto Sans CJK SC"' in html


@pytest.mark.slow
def test_report_strings_are_escaped(rendered) -> None:
    """Markup a report prints (a category label, a quoted line) is shown, never run."""
    html = _hostile(rendered).read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>x</script>" not in html
    assert "&lt;img src=x onerror=alert" in html  # the category in the figure table
    assert "&lt;script&gt;x&lt;/script&gt;" in html  # the quoted line of the channel figure
    assert "\\u003cimg src=x" in html  # the chart spec: no '<' that could end its <script>


def test_agency_names_are_escaped_in_title_and_about(tmp_path_factory) -> None:
    """An agency name is report text too: the title, navigation and about table escape it."""
    from ogi.render import brief, layout

    store = ingest_sample(tmp_path_factory.mktemp("titles"))
    report = brief.open_report("", None, store, "zh")
    report.agency = report.region = "<script>alert('x')</script>局&amp;"
    shown: list[object] = []
    saved = layout.display
    layout.display = shown.append  # type: ignore[assignment]
    try:
        brief.title(report)
        brief.about(report)
    finally:
        layout.display = saved  # type: ignore[assignment]
    html = "".join(getattr(x, "html", "") for x in shown)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;局&amp;amp;" in html


@pytest.mark.slow
def test_two_renders_of_one_store_are_byte_identical(rendered, tmp_path: Path) -> None:
    """Each brief rendered again alone, from the shipped notebook, equals the batch's (the test hook in
    the batch's notebook shows nothing)."""
    from ogi.render.runner import render_brief

    for b in rendered.written:
        again = render_brief(rendered.store, b.agency_key, b.year, tmp_path / b.path.name)
        assert again.read_bytes() == b.path.read_bytes(), b.agency_key
    assert not re.search(
        r"altair-viz-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", rendered.written[0].path.read_text()
    )


@pytest.mark.slow
def test_sections_without_data_say_so(rendered) -> None:
    html = _hostile(rendered).read_text(encoding="utf-8")
    assert "本年度报告中没有行政复议和行政诉讼的数据。" in html
    assert "本年度报告中没有投诉办理与咨询的数据。" in html
    # one year held: a sentence instead of a one-dot trend; categories and channels drawn, nothing empty
    assert "暂无历年变化可比" in html
    assert html.count('class="ogi-chart"') == 2


@pytest.mark.slow
def test_cli_reports_the_failing_cell_and_exits_non_zero(rendered, tmp_path: Path) -> None:
    """`ogi render --notebook` (an analyst's own notebook) with one brief failing: one line naming the
    brief, the cell and the error; the others and the index written; exit status 1."""
    import os

    broken = _broken_key(rendered)
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "render",
            "--store",
            str(rendered.store),
            "--out",
            str(tmp_path),
            "--notebook",
            str(rendered.notebook),
            "--agency",
            broken,
            "--agency",
            HOSTILE_AGENCY,
            "--agency",
            "nobody",
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, **{CTRL_ENV: os.environ[CTRL_ENV]}),
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 1
    assert f"ogi render: {broken} " in res.stderr and "RuntimeError: boom" in res.stderr
    assert "nobody: not in the store" in res.stderr
    assert "Traceback" not in res.stderr
    assert (tmp_path / "index.html").is_file()


def test_chart_colours_distinct_in_a_chart_and_equal_across_languages(tmp_path_factory) -> None:
    """Every chart of every sample brief: no two categories share a colour; zh and en use the same ones."""
    import ogi.store as st
    from fixtures.render_support import ingest_sample
    from ogi.render import brief, layout
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
            saved = layout.display
            layout.display = shown.append  # type: ignore[assignment]
            try:
                brief.every_section(brief.open_report(key, None, store, lang))
            finally:
                layout.display = saved  # type: ignore[assignment]
            by_lang[lang] = [ranges(c.spec())[:1] for c in shown if isinstance(c, ChartOutput)]
        assert by_lang["zh"] == by_lang["en"], key
        for chart in by_lang["zh"]:
            for colours in chart:
                assert len(set(colours)) == len(colours), (key, colours)
                checked += 1
    assert checked >= 3


def _captured(run) -> list[object]:  # type: ignore[no-untyped-def]
    """What `run()` displays (charts, HTML pieces), in order."""
    from ogi.render import layout

    shown: list[object] = []
    saved = layout.display
    layout.display = shown.append  # type: ignore[assignment]
    try:
        run()
    finally:
        layout.display = saved  # type: ignore[assignment]
    return shown


def test_every_section_renders_from_the_real_store(tmp_path_factory) -> None:
    """The contract between the views and the sections: every section of the brief, from its own view,
    for every agency of the sample store in both languages; each shows its heading for some agency, and
    every chart it draws is a valid Vega-Lite spec whose data carries line and quote."""
    from ogi.render import brief, sections
    from ogi.render.charts import ChartOutput

    store = ingest_sample(tmp_path_factory.mktemp("contract"))
    headed: dict[str, set[str]] = {"zh": set(), "en": set()}
    charts = 0
    for key in sorted(agency_keys(store).values()):
        for lang in ("zh", "en"):
            report = brief.open_report(key, None, store, lang)
            for section in sections.ALL:
                out = _captured(lambda s=section, r=report: s(r))
                heading = section.words.heading(lang)
                if any(heading in getattr(x, "html", "") for x in out):
                    headed[lang].add(section.key)
                for chart in (x for x in out if isinstance(x, ChartOutput)):
                    spec = chart.spec()
                    rows = [r for d in spec.get("datasets", {}).values() for r in d]
                    assert rows, (key, section.key)
                    if section.key != "volume":  # the trend's points are per year, no single line
                        assert all("line" in r and "quote" in r for r in rows), (key, section.key)
                    charts += 1
    every = {s.key for s in sections.ALL}
    assert headed["zh"] == headed["en"] == every, every - headed["zh"]
    assert charts >= 10


def test_a_notebook_cell_can_filter_the_frame(tmp_path_factory) -> None:
    """Calling a section with an edited frame or another chart shows that, not the view's default."""
    import polars as pl

    from ogi.render import brief, charts, sections
    from ogi.render.charts import ChartOutput
    from ogi.store import views

    store = ingest_sample(tmp_path_factory.mktemp("cells"))
    report = next(
        r
        for r in (brief.open_report(k, None, store, "zh") for k in sorted(agency_keys(store).values()))
        if views.channels(r.store, r).height >= 3
    )
    df = views.channels(report.store, report)
    one = df.filter(pl.col("channel") == "website")
    shown = _captured(lambda: sections.channels(report, one, charts.channels))
    (chart,) = [x for x in shown if isinstance(x, ChartOutput)]
    labels = {r["label"] for d in chart.spec()["datasets"].values() for r in d}
    assert labels == {one["label_zh"][0]}
    default = _captured(lambda: sections.channels(report))
    (full,) = [x for x in default if isinstance(x, ChartOutput)]
    assert len({r["label"] for d in full.spec()["datasets"].values() for r in d}) == df.height


@pytest.mark.slow
def test_edited_channel_cell_reaches_the_exported_brief(rendered, tmp_path: Path) -> None:
    """The analyst's route: edit the channel cell of a copy of the brief notebook (keep one channel), run
    it with papermill, export it with `ogi export`; the brief shows the edited frame."""
    import json

    import nbformat
    import papermill as pm
    import polars as pl

    from ogi import vocabulary as voc
    from ogi.render.params import register_translator
    from ogi.store import views

    key, year = next(
        (b.agency_key, b.year)
        for b in rendered.written
        if views.channels(rendered.store, b.agency_key, b.year).height >= 3
    )
    frame = views.channels(rendered.store, key, year)
    kept = frame.filter(pl.col("channel") == "website")["label_zh"][0]
    dropped = set(frame["label_zh"].to_list()) - {kept}
    nb = nbformat.read(ROOT / "notebooks" / "agency_brief.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.get("id") == "channels")
    assert cell.source.startswith("df = views.channels(store, report)\n")
    cell.source = cell.source.replace(
        "df = views.channels(store, report)",
        'df = views.channels(store, report).filter(pl.col("channel") == "website")',
    )
    edited = tmp_path / "edited.ipynb"
    nbformat.write(nb, edited)
    register_translator()
    executed = tmp_path / "executed.ipynb"
    pm.execute_notebook(
        str(edited),
        str(executed),
        parameters={"agency": key, "year": year, "store": str(rendered.store), "lang": "zh"},
        progress_bar=False,
        cwd=str(tmp_path),
    )
    html_path = tmp_path / "brief.html"
    res = subprocess.run(
        [sys.executable, "-m", "ogi.cli", "export", str(executed), "-o", str(html_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr

    def channel_labels(html: str) -> set[str]:
        title = voc.metric_label("proactive.channel", "zh")
        for text in re.findall(r'<script[^>]*class="ogi-spec"[^>]*>(.*?)</script>', html):
            spec = json.loads(text)
            named = spec.get("title")
            if (named.get("text") if isinstance(named, dict) else named) == title:
                return {r["label"] for d in spec["datasets"].values() for r in d}
        raise AssertionError("no channel chart")

    before = next(b.path for b in rendered.written if b.agency_key == key).read_text(encoding="utf-8")
    after = html_path.read_text(encoding="utf-8")
    assert channel_labels(before) == {kept, *dropped}
    assert channel_labels(after) == {kept}


def test_extending_a_brief_section_as_documented(tmp_path_factory) -> None:
    """docs/extending.md "Add a brief section": its code block makes a working section on the test
    store, and every section the brief declares has its notebook cell with the two lines it shows."""
    import nbformat

    from ogi.render import brief, sections
    from ogi.render.charts import ChartOutput
    from ogi.render.words import SECTION_WORDS

    doc = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    part = doc.split("## Add a brief section", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", part, re.S)
    assert len(blocks) == 2, blocks
    ns: dict[str, object] = {}
    try:
        exec(compile(blocks[0], "docs/extending.md", "exec"), ns)
        section = ns["inquiries_section"]
        assert isinstance(section, sections.Section)
        store = ingest_sample(tmp_path_factory.mktemp("extending"))
        drawn = 0
        for key in sorted(agency_keys(store).values()):
            report = brief.open_report(key, None, store, "zh")
            out = _captured(lambda r=report: section(r))
            assert "咨询接待" in getattr(out[0], "html", "")
            drawn += sum(isinstance(x, ChartOutput) for x in out)
        assert drawn >= 1
    finally:
        SECTION_WORDS.pop("inquiries", None)
    # the cell the paragraph shows is the shape of every section's cell in the brief notebook
    shown = blocks[1].strip().splitlines()
    assert shown[0] == "df = views.inquiries(store, report)"
    assert shown[1].startswith("sections.inquiries(report, df")
    nb = nbformat.read(ROOT / "notebooks" / "agency_brief.ipynb", as_version=4)
    cells = {c.get("id"): c.source for c in nb.cells}
    for s in sections.ALL:
        lines = cells[s.key.replace("_", "-")].splitlines()
        assert lines[0].startswith("df = views.") and lines[0].endswith("(store, report)"), s.key
        assert lines[1].startswith(f"sections.{s.key}(report, df"), s.key


def test_section2_is_the_templates_tables_zeros_as_zeros(tmp_path_factory) -> None:
    """Section 二 as the 2019 template prints it (the seed's 西园 report): one table per 第二十条 item with
    the template's own columns, every 0 shown as 0; before, only dims-free figures (the fee) appeared."""
    from ogi.render import brief, sections
    from ogi.render.sections.tabled import _amount

    store = ingest_sample(tmp_path_factory.mktemp("section2"))
    key = agency_keys(store)["西园街道办事处"]
    html = "".join(
        getattr(x, "html", "")
        for x in _captured(lambda: sections.section2(brief.open_report(key, None, store, "zh")))
    )
    for words in (
        "规章和规范性文件",
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
    ):
        assert words in html, words
    assert (
        html.count('style="text-align:right">0</td>') >= 18
    )  # 规章, 规范性文件, 许可, 处罚, 强制, 收费 cells
    assert "没有规章规范性文件" not in html
    # the 2021 table's 收费金额 is printed in 万元; the store keeps 元
    assert _amount(961_716_000.0, "行政事业性收费 | 96171.6", "元") == (96171.6, "万元")
    assert _amount(3940.0, "全年收取政府信息公开信息处理费 3940 元", "元") == (3940.0, "元")


def test_saved_notebooks_are_stripped_back_to_their_committed_form() -> None:
    """A notebook saved after a run (outputs, counts, run metadata) is stripped by the JupyterLab
    pre-save hook to exactly the committed file; the checked cells keep their expected output."""
    import copy
    import json

    from ogi.nbstrip import jupyter_pre_save

    for name in ("agency_brief", "corpus_overview", "explore"):
        path = ROOT / "notebooks" / f"{name}.ipynb"
        committed = json.loads(path.read_text(encoding="utf-8"))
        ran = copy.deepcopy(committed)
        ran["metadata"]["papermill"] = {"duration": 3.2}
        for i, cell in enumerate(ran["cells"]):
            cell["metadata"]["execution"] = {"iopub.status.busy": "2026-01-01"}
            if cell["cell_type"] == "code":
                cell["execution_count"] = i
                if "# NBVAL_CHECK_OUTPUT" not in "".join(cell["source"]):
                    cell["outputs"] = [
                        {"output_type": "display_data", "data": {"text/html": "<b>x</b>"}, "metadata": {}}
                    ]
        model = {"type": "notebook", "content": ran}
        jupyter_pre_save(model)
        assert json.dumps(model["content"], ensure_ascii=False, indent=1) + "\n" == path.read_text(
            encoding="utf-8"
        ), name


def test_brief_styles_in_jupyterlab_leave_the_session_alone() -> None:
    """The styles the brief shows in a notebook touch only its own elements (JupyterLab keeps its
    prompts: the page CSS hid every execution prompt in the session), and its tables scroll sideways."""
    from ogi.render.export import CSS
    from ogi.render.fragments import table
    from ogi.render.layout import BRIEF_CSS, scoped

    css = scoped(CSS + BRIEF_CSS)
    assert ".ogi-card" in css and "details.ogi-figures { display: block !important" in css
    for chrome in (".jp-InputPrompt", "body {", "main {", "@page"):
        assert chrome not in css, chrome
    assert table(["a"], [("x",)]).html.startswith('<div class="ogi-scroll"><table')


def test_default_agency_is_the_first_with_charts(tmp_path: Path) -> None:
    """An empty `agency` parameter (the notebook opened as is) picks the first agency whose latest report
    has figures to draw, not the first by key (中仓街道's excerpt has none: its brief had no chart)."""
    from ogi.render import brief
    from ogi.store import views

    files = [
        ROOT / "data" / "raw" / "real" / "h010.txt",
        ROOT / "data" / "raw" / "seeds" / "002_9e38e5bfa899f112.txt",
    ]
    store = tmp_path / "store"
    res = subprocess.run(
        [sys.executable, "-m", "ogi.cli", "ingest", *map(str, files), "-o", str(store), "--no-progress"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    keys = sorted(agency_keys(store).values())
    first = brief.open_report(keys[0], None, store)
    assert not views.channels(first.store, first).height and not views.categories(first.store, first).height
    chosen = brief.open_report("", None, store)
    assert chosen.agency_key == keys[1]


@pytest.mark.slow
def test_every_year_held_has_a_brief_linked_from_the_others(rendered) -> None:
    """An agency with reports of two years (沙塘鎮 2016 and 2021) gets a brief for each, each linking
    the other, and the index links both (before, only the latest year had one)."""
    from collections import defaultdict

    years: dict[str, list] = defaultdict(list)
    for b in rendered.written:
        years[b.agency_key].append(b)
    key, briefs = next((k, v) for k, v in years.items() if len(v) >= 2)
    index = (rendered.out / "index.html").read_text(encoding="utf-8")
    for b in briefs:
        html = b.path.read_text(encoding="utf-8")
        for other in briefs:
            if other is not b:
                assert f'<a href="{other.year}.html">{other.year}</a>' in html, (key, b.year)
        assert f"/{b.year}.html" in index
