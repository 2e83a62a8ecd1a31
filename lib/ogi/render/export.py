"""Executed notebook -> one self-contained HTML brief that works with no network.

The exporter extends nbconvert's `lab` template and empties every block that would load something
from a CDN (require.js, MathJax, mermaid, widgets); the JupyterLab CSS (240 kB) is replaced by a small
stylesheet with print rules. Charts arrive as Vega-Lite specs (see charts.py) and are drawn by the
Vega/Vega-Lite/Vega-Embed runtime that vl-convert bundles: tooltips work and nothing leaves the
machine. A standalone brief (`ogi export`, `ogi render --standalone`) inlines the runtime (~0.9 MB);
a site brief (`ogi render`) loads it by relative path from the one copy `runtime.write_runtime` puts in the
site's `_static/` under a content-hashed name, and says so in the page when that file is missing.
Output is deterministic: no timestamps, no random ids.
"""

from __future__ import annotations

import copy
import functools
import re
from html import escape
from typing import Any

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from ogi.render.charts import CHART_MIME, spec_json_for_html
from ogi.render.page_css import CSS
from ogi.render.runtime import vega_runtime

HIDE_TAGS = frozenset({"ogi-hide", "parameters", "injected-parameters"})

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
    # validate the notebook once, after the last preprocessor, not after each of a dozen (~8 ms a brief)
    c.Exporter.optimistic_validation = True
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


def warm(lang: str = "zh") -> None:
    """Build the exporter for `lang` (a render worker does this while its kernel starts)."""
    _exporter(lang)


def to_html(nb: nbformat.NotebookNode, *, title: str = "", lang: str = "zh", runtime_url: str = "") -> str:
    """The brief HTML for an executed notebook; charts (if any) are drawn by the runtime loaded from
    `runtime_url` (a site brief, see runtime.write_runtime), else by the runtime inlined in the page."""
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
