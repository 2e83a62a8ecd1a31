"""The stylesheet every ogi page carries (briefs, overview, index), kept light to import.

The index is written on every render, also when no brief changed: it reads its CSS from here, not
from export.py, which would load nbconvert and Altair for it (seconds).
"""

from __future__ import annotations

#: the CJK-first font stack; equal to render.theme.FONT_STACK (the charts' font), checked by a test
FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'

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
