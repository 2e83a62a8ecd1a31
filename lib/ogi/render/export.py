"""Executed notebook -> one self-contained HTML brief that works with no network.

The exporter extends nbconvert's `lab` template and empties every block that would load something
from a CDN (require.js, MathJax, mermaid, widgets); the JupyterLab CSS (240 kB) is replaced by a small
stylesheet with print rules. Charts arrive as Vega-Lite specs (see charts.py) and are drawn by the
Vega/Vega-Lite/Vega-Embed runtime that vl-convert bundles: tooltips work and nothing leaves the
machine. A standalone brief (`ogi export`, `ogi render --standalone`) inlines the runtime (~0.9 MB);
a site brief (`ogi render`) loads it by relative path from the one copy `write_runtime` puts in the
site's `_static/` under a content-hashed name, and says so in the page when that file is missing.
Output is deterministic: no timestamps, no random ids.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import re
from html import escape
from pathlib import Path
from typing import Any

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from ogi.render.charts import CHART_MIME, spec_json_for_html
from ogi.render.theme import FONT_STACK

HIDE_TAGS = frozenset({"ogi-hide", "parameters", "injected-parameters"})

CSS = """
:root { --ogi-ink: #1f2328; --ogi-muted: #57606a; --ogi-line: #d0d7de; --ogi-accent: #4e79a7; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 24px; background: #fff; color: var(--ogi-ink);
       font-family: FONT_STACK; font-size: 15px; line-height: 1.6; }
main { max-width: 880px; margin: 0 auto; }
h1.ogi-h { font-size: 26px; margin: 8px 0 0; line-height: 1.3; }
h2.ogi-h { font-size: 19px; margin: 32px 0 4px; padding-bottom: 4px; border-bottom: 1px solid var(--ogi-line); }
p.ogi-sub { color: var(--ogi-muted); margin: 2px 0 12px; }
p.ogi-lead { margin: 6px 0 10px; }
p.ogi-nodata { color: var(--ogi-muted); font-style: italic; margin: 6px 0 10px; }
.jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser, a.anchor-link { display: none; }
.jp-Cell, .jp-OutputArea-child, .jp-OutputArea-output { margin: 0; padding: 0; }
.jp-RenderedText pre { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 13px; white-space: pre-wrap; }
.ogi-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 8px 0; }
.ogi-card { border: 1px solid var(--ogi-line); border-radius: 6px; padding: 10px 12px; }
.ogi-card-value { font-size: 24px; font-weight: 600; color: var(--ogi-accent); font-variant-numeric: tabular-nums; }
.ogi-card-label { font-size: 13px; }
.ogi-card-note { font-size: 12px; color: var(--ogi-muted); }
table.ogi-table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; width: 100%; }
table.ogi-table th, table.ogi-table td { border-bottom: 1px solid var(--ogi-line); padding: 4px 8px;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.ogi-table th { background: #f6f8fa; font-weight: 600; }
table.ogi-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.ogi-table .nw { white-space: nowrap; overflow-wrap: normal; word-break: keep-all; }
details.ogi-figures { margin: 0 0 14px; font-size: 13px; }
details.ogi-figures summary { cursor: pointer; color: var(--ogi-muted); }
.ogi-nav { font-size: 14px; margin: 0 0 8px; }
.ogi-nav a { color: var(--ogi-accent); margin-right: 14px; }
.ogi-filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; font-size: 13px; }
.ogi-filters select, .ogi-filters input { font: inherit; padding: 2px 4px; }
main.ogi-wide { max-width: 1280px; }
.ogi-scroll { overflow-x: auto; }
table.ogi-index th, table.ogi-index td { white-space: nowrap; overflow-wrap: normal; }
table.ogi-index th { cursor: pointer; user-select: none; }
table.ogi-index th[aria-sort="ascending"]::after { content: " ▲"; }
table.ogi-index th[aria-sort="descending"]::after { content: " ▼"; }
.jp-OutputArea-output table.ogi-table { display: table; }
.jp-RenderedHTMLCommon table.ogi-table td, .jp-RenderedHTMLCommon table.ogi-table th { text-align: left; }
.jp-RenderedHTMLCommon table.ogi-table .num { text-align: right; }
figure.ogi-chart { margin: 8px 0 16px; }
figure.ogi-chart svg, figure.ogi-chart canvas { max-width: 100%; height: auto; }
.vega-embed { width: 100%; }
.ogi-index td a { color: var(--ogi-accent); }
.ogi-failed { color: #b42318; }
p.ogi-noruntime { color: #b42318; font-size: 13px; border: 1px dashed #b42318; padding: 8px 10px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  h2.ogi-h, p.ogi-lead { break-after: avoid; page-break-after: avoid; }
  .jp-OutputArea-child:has(h2.ogi-h), .jp-OutputArea-child:has(p.ogi-lead) { break-after: avoid; page-break-after: avoid; }
  .jp-Cell:has(h2.ogi-h) { break-inside: auto; }
  details.ogi-figures { display: none; }
  .ogi-nav, .ogi-filters { display: none; }
  figure.ogi-chart, .ogi-cards, table.ogi-table tr, .ogi-card { break-inside: avoid; page-break-inside: avoid; }
  #vg-tooltip-element, .vega-embed details, .vega-actions { display: none !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONT_STACK", FONT_STACK)

EMBED_JS = """
(function () {
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  var i18n = zh ? {SVG_ACTION: '下载 SVG 图', PNG_ACTION: '下载 PNG 图', CLICK_TO_VIEW_ACTIONS: '导出图表'}
                : {SVG_ACTION: 'Save as SVG', PNG_ACTION: 'Save as PNG', CLICK_TO_VIEW_ACTIONS: 'Export chart'};
  var specs = document.querySelectorAll('script.ogi-spec');
  if (typeof vegaEmbed === 'undefined') {  // a site brief copied without its _static folder
    var rt = document.querySelector('script[data-ogi-runtime]');
    var src = rt ? rt.getAttribute('src') : '';
    var note = zh ? '图表无法显示：找不到图表脚本 ' + src + '（请连同 _static 文件夹一起复制，'
                    + '或用 ogi render --standalone 生成单文件简报）。'
                  : 'Chart not shown: its script ' + src + ' is missing (copy the _static folder '
                    + 'with the brief, or make a single-file brief with ogi render --standalone).';
    for (var j = 0; j < specs.length; j++) {
      var view = document.getElementById(specs[j].getAttribute('data-target'));
      var p = document.createElement('p');
      p.className = 'ogi-noruntime';
      p.textContent = note;
      view.appendChild(p);
      view.setAttribute('data-ogi-error', 'runtime missing: ' + src);
    }
    return;
  }
  for (var i = 0; i < specs.length; i++) {
    (function (el) {
      var target = document.getElementById(el.getAttribute('data-target'));
      var spec = JSON.parse(el.textContent);
      vegaEmbed(target, spec, {renderer: 'svg', mode: 'vega-lite', i18n: i18n,
                               actions: {export: true, source: false, compiled: false, editor: false}})
        .then(function () { target.setAttribute('data-ogi-drawn', 'true'); })
        .catch(function (err) {
          target.setAttribute('data-ogi-error', String(err));
          console.error('ogi chart ' + target.id + ': ' + err);
        });
    })(specs[i]);
  }
})();
"""

TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block notebook_css %}<style type="text/css">{{ resources.ogi_css }}</style>{% endblock notebook_css %}
{%- block data_other scoped -%}
{{- output.data | ogi_chart -}}
{%- endblock data_other -%}
{% block footer_js %}
{%- if resources.ogi_vega_src -%}
<script src="{{ resources.ogi_vega_src }}" data-ogi-runtime="site"></script>
<script>{{ resources.ogi_embed_js }}</script>
{%- elif resources.ogi_vega_js -%}
<script>{{ resources.ogi_vega_js }}</script>
<script>{{ resources.ogi_embed_js }}</script>
{%- endif -%}
{% endblock footer_js %}
""".replace("CHART_MIME", CHART_MIME)


@functools.cache
def vega_runtime() -> str:
    """Vega, Vega-Lite and Vega-Embed as one inline script (made once per process: ~2 s, ~0.9 MB)."""
    import altair as alt
    import vl_convert as vlc

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    try:
        js = vlc.javascript_bundle(vl_version=f"v{version}")  # type: ignore[call-arg]  # snippet is optional
    except Exception:  # this vl-convert lacks Altair's exact minor version: its newest is compatible
        js = vlc.javascript_bundle()  # type: ignore[call-arg]
    # nothing in the bundle may close or confuse the <script> element that holds it
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")


RUNTIME_DIR = "_static"
_RUNTIME_MEMO = ".runtime.json"  # in RUNTIME_DIR: library versions -> the file their bundle was written to


def _runtime_versions() -> str:
    """What the bundle depends on (read from package metadata: cheap, no import of the libraries)."""
    from importlib import metadata

    return "|".join(f"{d}=={metadata.version(d)}" for d in ("vl-convert-python", "altair"))


def write_runtime(site: str | os.PathLike[str]) -> Path:
    """The site's one copy of the Vega runtime, `_static/vega-<sha256[:16]>.js`, written if missing.

    The name is the content's hash, so a new bundle never overwrites one that older briefs load. A
    memo in `_static` maps the library versions to the file, so a site whose runtime is in place
    does not rebuild the bundle (~2 s) to learn its name; an existing file is never rewritten.
    """
    from ogi.atomic import write_text

    static = Path(site) / RUNTIME_DIR
    memo_path = static / _RUNTIME_MEMO
    versions = _runtime_versions()
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        known = static / str(memo.get(versions, ""))
        if memo.get(versions) and known.is_file():
            return known
    except (OSError, ValueError, AttributeError):
        memo = {}
    js = vega_runtime()
    path = static / f"vega-{hashlib.sha256(js.encode('utf-8')).hexdigest()[:16]}.js"
    if not (path.is_file() and path.read_text(encoding="utf-8") == js):
        write_text(path, js)
        path.chmod(0o644)
    memo = {**(memo if isinstance(memo, dict) else {}), versions: path.name}
    write_text(memo_path, json.dumps(dict(sorted(memo.items())), indent=1) + "\n")
    return path


def runtime_src(runtime: str | os.PathLike[str], page: str | os.PathLike[str]) -> str:
    """The relative URL by which the HTML file `page` loads the runtime file `runtime`."""
    rel = os.path.relpath(Path(runtime).resolve(), Path(page).resolve().parent)
    return Path(rel).as_posix()


def chart_html(mimebundle: dict[str, Any]) -> str:
    """The figure for a chart output: an empty div the runtime draws into, and its spec as JSON.

    (Called with the whole mime bundle: nbconvert's data_other block does not see the chosen type.)
    """
    data = mimebundle.get(CHART_MIME)
    if not isinstance(data, dict):
        return ""
    chart_id = re.sub(r"[^A-Za-z0-9_-]", "", str(data.get("id", "ogi-chart")))
    title = escape(str(data.get("title", "")), quote=True)
    spec = spec_json_for_html(data.get("spec") or {})
    return (
        f'<figure class="ogi-chart"><div id="{chart_id}" class="ogi-chart-view" role="img" '
        f'aria-label="{title}"></div><script type="application/json" class="ogi-spec" '
        f'data-target="{chart_id}">{spec}</script></figure>'
    )


@functools.lru_cache(maxsize=4)
def _exporter(lang: str) -> HTMLExporter:
    """One exporter per language per process: building it compiles the Jinja templates (~0.1 s)."""
    c = Config()
    c.NbConvertBase.display_data_priority = [
        CHART_MIME,
        "text/html",
        "text/markdown",
        "image/svg+xml",
        "image/png",
        "image/jpeg",
        "text/plain",
    ]
    c.CSSHTMLHeaderPreprocessor.enabled = False
    exporter = HTMLExporter(
        config=c,
        template_name="lab",
        template_file="ogi_brief.html.j2",
        extra_loaders=[DictLoader({"ogi_brief.html.j2": TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        language_code="zh" if lang == "zh" else "en",
        filters={"ogi_chart": chart_html},
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(HIDE_TAGS)), enabled=True)
    return exporter


def clean_notebook(nb: nbformat.NotebookNode, title: str) -> nbformat.NotebookNode:
    """A copy without run metadata (papermill times, execution stamps), stderr noise or exec counts."""
    out = copy.deepcopy(nb)
    out.metadata = nbformat.from_dict({"title": title, "language_info": {"name": "python"}})
    for cell in out.cells:
        cell.metadata = nbformat.from_dict({"tags": list(cell.metadata.get("tags", []))})
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
        for o in cell.outputs:
            if "execution_count" in o:
                o.execution_count = None
            if "metadata" in o:
                o.metadata = {}
    return out


def notebook_title(nb: nbformat.NotebookNode, default: str) -> str:
    """The text of the first heading the notebook displayed (the brief's h1), else `default`."""
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            text = o.get("data", {}).get("text/plain") if o.get("output_type") == "display_data" else None
            if text and "<h1" in o["data"].get("text/html", ""):
                return str(text).strip()
    return default


def has_charts(nb: nbformat.NotebookNode) -> bool:
    return any(CHART_MIME in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def to_html(nb: nbformat.NotebookNode, *, title: str = "", lang: str = "zh", runtime_url: str = "") -> str:
    """The brief HTML for an executed notebook; charts (if any) are drawn by the runtime loaded from
    `runtime_url` (a site brief, see write_runtime), else by the runtime inlined in the page."""
    clean = clean_notebook(nb, title or notebook_title(nb, "ogi brief"))
    charts = has_charts(clean)
    resources = {
        "ogi_css": CSS,
        "ogi_vega_src": escape(runtime_url, quote=True) if charts and runtime_url else "",
        "ogi_vega_js": vega_runtime() if charts and not runtime_url else "",
        "ogi_embed_js": EMBED_JS,
        "metadata": {"name": clean.metadata["title"]},
    }
    body, _ = _exporter(lang).from_notebook_node(clean, resources=resources)
    return body
