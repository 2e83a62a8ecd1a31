"""One report, many file types: build a report spec and render it as txt, HTML (GBK CMS page), DOCX, PDF.

A spec is paragraphs and template tables with real spans (rowspan/colspan as Word and CMS pages
merge them). `seed_spec` lifts a seed's prose and table figures out of its tab layout; `report_2021`
makes a 2021-format report whose section 三 matrix has 175 distinct non-zero figures.

Regenerate the shipped fixtures (PDF needs Debian chromium and fonts-noto-cjk):
    .venv/bin/python tests/formats_fixtures.py tests/fixtures/formats
"""

from __future__ import annotations

import html as htmlmod
import io
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_002 = ROOT / "data" / "raw" / "seeds" / "002_9e38e5bfa899f112.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
CHROMIUM = "/usr/bin/chromium"


@dataclass(frozen=True)
class C:
    """A source cell: text ('\\n' = a line break inside the cell) and its spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


Row = list[C]


@dataclass
class Spec:
    """A report: its title (printed outside the article in the CMS page) and blocks in order."""

    title: str
    blocks: list[str | list[Row]] = field(default_factory=list)  # str = paragraph, list = table rows
    header: str = ""  # running page header for the PDF (page furniture to be dropped)


# --- template tables ----------------------------------------------------------------------------

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
DENIED = [
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
]
UNAVAILABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = [
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]
OTHER_2021 = [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
]
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _nums(values: list[str]) -> list[C]:
    return [C(v) for v in values]


def sec2_2019(v: list[str]) -> list[Row]:
    """Section 二 of the 2019 format: five 第二十条 blocks in one 4-column table (22 figures)."""
    assert len(v) == 22
    rows: list[Row] = [
        [C("第二十条第（一）项", colspan=4)],
        [C("信息内容"), C("本年新\n制作数量"), C("本年新\n公开数量"), C("对外公开总数量")],
        [C("规章"), *_nums(v[0:3])],
        [C("规范性文件"), *_nums(v[3:6])],
        [C("第二十条第（五）项", colspan=4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
        [C("行政许可"), *_nums(v[6:9])],
        [C("其他对外管理服务事项"), *_nums(v[9:12])],
        [C("第二十条第（六）项", colspan=4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
        [C("行政处罚"), *_nums(v[12:15])],
        [C("行政强制"), *_nums(v[15:18])],
        [C("第二十条第（八）项", colspan=4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减", colspan=2)],
        [C("行政事业性收费"), C(v[18]), C(v[19], colspan=2)],
        [C("第二十条第（九）项", colspan=4)],
        [C("信息内容"), C("采购项目数量"), C("采购总金额", colspan=2)],
        [C("政府集中采购"), C(v[20]), C(v[21], colspan=2)],
    ]
    return rows


def sec2_2021(v: list[str]) -> list[Row]:
    """Section 二 of the 2021 format: single-value rows span 3 columns (10 figures)."""
    assert len(v) == 10
    return [
        [C("第二十条第（一）项", colspan=4)],
        [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")],
        [C("规章"), *_nums(v[0:3])],
        [C("行政规范性文件"), *_nums(v[3:6])],
        [C("第二十条第（五）项", colspan=4)],
        [C("信息内容"), C("本年处理决定数量", colspan=3)],
        [C("行政许可"), C(v[6], colspan=3)],
        [C("第二十条第（六）项", colspan=4)],
        [C("信息内容"), C("本年处理决定数量", colspan=3)],
        [C("行政处罚"), C(v[7], colspan=3)],
        [C("行政强制"), C(v[8], colspan=3)],
        [C("第二十条第（八）项", colspan=4)],
        [C("信息内容"), C("本年收费金额（单位：万元）", colspan=3)],
        [C("行政事业性收费"), C(v[9], colspan=3)],
    ]


def sec3(fmt: str, v: list[str]) -> list[Row]:
    """Section 三 matrix: 3 header rows, then 23 (2019) or 25 (2021) rows of 7 figures, Word's merges."""
    other = ["（六）其他处理"] if fmt == "2019" else OTHER_2021
    n = 23 if fmt == "2019" else 25
    assert len(v) == 7 * n, (len(v), n)
    it = iter(range(n))

    def figs() -> list[C]:
        i = next(it)
        return _nums(v[7 * i : 7 * i + 7])

    result_rows = 2 + 8 + 3 + 5 + (1 if fmt == "2019" else 3) + 1
    rows: list[Row] = [
        [
            C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
            C("申请人情况", colspan=7),
        ],
        [C("自然人", rowspan=2), C("法人或其他组织", colspan=5), C("总计", rowspan=2)],
        [C(x) for x in APPLICANTS[1:]],
        [C("一、本年新收政府信息公开申请数量", colspan=3), *figs()],
        [C("二、上年结转政府信息公开申请数量", colspan=3), *figs()],
        [C("三、本年度办理结果", rowspan=result_rows), C("（一）予以公开", colspan=2), *figs()],
        [C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *figs()],
    ]
    for head, subs in (
        ("（三）不予公开", DENIED),
        ("（四）无法提供", UNAVAILABLE),
        ("（五）不予处理", NOT_PROCESSED),
    ):
        for k, sub in enumerate(subs):
            lead = [C(head, rowspan=len(subs))] if k == 0 else []
            rows.append([*lead, C(sub), *figs()])
    if fmt == "2019":
        rows.append([C("（六）其他处理", colspan=2), *figs()])
    else:
        for k, sub in enumerate(other):
            lead = [C("（六）其他处理", rowspan=len(other))] if k == 0 else []
            rows.append([*lead, C(sub), *figs()])
    rows.append([C("（七）总计", colspan=2), *figs()])
    rows.append([C("四、结转下年度继续办理", colspan=3), *figs()])
    return rows


def sec4(v: list[str]) -> list[Row]:
    """Section 四: 行政复议 (5) and 行政诉讼 by route (5 + 5) in one data row."""
    assert len(v) == 15
    return [
        [C("行政复议", colspan=5), C("行政诉讼", colspan=10)],
        [*(C(x, rowspan=2) for x in OUTCOMES), C("未经复议直接起诉", colspan=5), C("复议后起诉", colspan=5)],
        [*(C(x) for x in OUTCOMES), *(C(x) for x in OUTCOMES)],
        _nums(v),
    ]


# --- specs ----------------------------------------------------------------------------------------

_HEADINGS = re.compile(
    r"^\s*[一二三四五六]、(主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)"
)
_NUMBER = re.compile(r"^\t\s*([+-]?\d+(?:\.\d+)?)\s*$")


def seed_spec(text: str, fmt: str = "2019") -> Spec:
    """A post-2019 seed's prose and figures (from its tab layout) as a spec with the template's merges."""
    lines = text.split("\n")
    heads = [i for i, x in enumerate(lines) if _HEADINGS.match(x)] + [len(lines)]
    regions: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(heads):
        tabs = [i for i in range(a + 1, b) if lines[i].startswith("\t")]
        if tabs:
            regions.append((tabs[0], tabs[-1]))
    builders = [sec2_2019 if fmt == "2019" else sec2_2021, lambda v: sec3(fmt, v), sec4]
    if len(regions) != 3:
        raise ValueError(f"expected 3 table regions after the section headings, found {len(regions)}")
    blocks: list[str | list[Row]] = []
    pos = 0
    for (start, end), build in zip(regions, builders, strict=True):
        blocks.extend(x.strip() for x in lines[pos:start] if x.strip())
        figures = [m.group(1) for x in lines[start : end + 1] if (m := _NUMBER.match(x))]
        blocks.append(build(figures))
        pos = end + 1
    blocks.extend(x.strip() for x in lines[pos:] if x.strip())
    title_lines = 2 if blocks[1] == "年度报告" else 1  # the seed prints its title over two lines
    title = "".join(str(b) for b in blocks[:title_lines])
    blocks = blocks[title_lines:]
    return Spec(title=title, blocks=blocks, header="晋江市西园街道政府信息公开工作年度报告")


def report_2021() -> Spec:
    """A 2021-format report with every table filled: distinct non-zero figures so a shifted cell shows."""
    sec2 = ["3", "1", "27", "14", "2", "96", "518", "2741", "36", "96171.6"]
    matrix: list[str] = []
    for r in range(25):
        row = [100 * (r + 1) + c for c in range(1, 7)]
        matrix.extend(str(x) for x in [*row, sum(row)])
    review = [4, 7, 2, 1]
    direct = [5, 3, 6, 8]
    after = [9, 11, 12, 13]
    s4 = [str(x) for group in (review, direct, after) for x in (*group, sum(group))]
    prose = [
        "某某市生态环境局2021年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制，"
        "所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "一、总体情况",
        "（一）主动公开。2021年，本局通过门户网站主动公开政府信息1234条，其中政策文件56条，"
        "政策解读23条；通过政务微信公众号发布信息789条，回应社会关切问题45次。",
        "（二）依申请公开。全年共收到政府信息公开申请数量以表格为准，均在法定期限内答复。",
        "（三）政府信息管理。持续开展政策文件清理工作，对规范性文件进行动态调整，确保信息准确、完整、及时。",
        "（四）平台建设。优化门户网站栏目设置，完善政府信息公开指南和目录，提升检索和浏览体验。",
        "（五）监督保障。组织政务公开业务培训3次，参训人员达到120人次，并将政务公开纳入年度绩效考核。",
        "二、主动公开政府信息情况",
    ]
    tail = [
        "五、存在的主要问题及改进情况",
        "一是政策解读的形式还不够丰富；二是基层政务公开标准化规范化工作有待深化。下一步将加强图解、视频等多元化解读。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    blocks: list[str | list[Row]] = [
        *prose[1:],
        sec2_2021(sec2),
        "三、收到和处理政府信息公开申请情况",
        sec3("2021", matrix),
        "四、政府信息公开行政复议、行政诉讼情况",
        sec4(s4),
        *tail,
    ]
    return Spec(title=prose[0], blocks=blocks, header="某某市生态环境局政府信息公开工作年度报告")


# --- renderers ------------------------------------------------------------------------------------


def _placed(rows: list[Row]) -> list[list[tuple[int, C, bool]]]:
    """Per row, the physical cells Word keeps: (grid column, cell, is a vertical-merge continuation)."""
    covered: dict[tuple[int, int], C] = {}
    out: list[list[tuple[int, C, bool]]] = []
    for r, row in enumerate(rows):
        placed: list[tuple[int, C, bool]] = []
        col = 0
        cells = iter(row)
        pending = next(cells, None)
        width = max(sum(c.colspan for c in rw) for rw in rows) + 20
        while col < width:
            above = covered.get((r, col))
            if above is not None:
                placed.append((col, above, True))
                col += above.colspan
                continue
            if pending is None:
                col += 1
                continue
            placed.append((col, pending, False))
            for dr in range(1, pending.rowspan):
                covered[(r + dr, col)] = pending
            col += pending.colspan
            pending = next(cells, None)
        out.append(placed)
    return out


def to_txt(spec: Spec) -> str:
    """The tab layout of the seeds (Word copied as text): one tab-led line per cell, blank line per row."""
    parts: list[str] = [spec.title, ""]
    for block in spec.blocks:
        if isinstance(block, str):
            parts += [block, ""]
            continue
        for placed in _placed(block):
            parts.extend("\t" + ("" if cont else c.text) for _, c, cont in placed)
            parts.append("")
        parts.append("")
    return "\n".join(parts) + "\n"


def _html_table(rows: list[Row], blank: str = "&nbsp;") -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" width="600">']
    for row in rows:
        out.append("<tr>")
        for c in row:
            attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else ""
            )
            body = "<br />".join(htmlmod.escape(x) for x in c.text.split("\n")) if c.text else blank
            out.append(
                f'<td{attrs} valign="center"><p style="text-align:center"><span>{body}</span></p></td>'
            )
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _html_body(spec: Spec) -> str:
    out: list[str] = []
    for block in spec.blocks:
        if isinstance(block, str):
            out.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{htmlmod.escape(block)}</p>')
        else:
            out.append(_html_table(block))
    return "\n".join(out)


def to_html(spec: Spec, encoding: str = "gbk") -> bytes:
    """A TRS-style portal page: navigation, breadcrumb, title outside #zoom, scripts, share iframe, footer."""
    charset = "gb2312" if encoding == "gbk" else encoding
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{htmlmod.escape(spec.title)}_政府信息公开年报_某某市人民政府</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>注入的文字</div>");</script>
<style>.nav li {{ float:left }}</style></head>
<body><form id="form1" method="post">
<div class="header"><div class="top-bar">无障碍 | 长者模式 | 登录</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<table width="100%"><tr><td class="left-menu"><ul><li><a href="/a">政府信息公开指南</a></li><li><a href="/b">政府信息公开制度</a></li>
<li><a href="/c">法定主动公开内容</a></li><li><a href="/d">政府信息公开年报</a></li></ul></td>
<td class="main">
<div class="article-title"><h1>{htmlmod.escape(spec.title)}</h1></div>
<div class="info">发布时间：2022-01-20 信息来源：本机关 浏览次数：<span id="hits">1024</span></div>
<div id="zoom"><div class="TRS_Editor">
{_html_body(spec)}
</div></div>
<div class="share">分享到：<iframe src="https://share.example/widget" width="200" height="20">微信 微博</iframe></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="footer">主办单位：某某市人民政府办公室 版权所有 网站标识码：3505000001 备案号：闽ICP备00000000号</div>
<noscript>请启用脚本</noscript></form><script src="/js/stat.js"></script></body></html>
"""
    return page.encode(encoding)


def to_docx(spec: Spec) -> bytes:
    """A Word document with the tables' spans as real gridSpan/vMerge merges (python-docx)."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    style = document.styles["Normal"]
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.add_paragraph(spec.title)
    for block in spec.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        placed = _placed(block)
        width = max(col + c.colspan for row in placed for col, c, _ in row)
        table = document.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(placed):
            for col, c, cont in row:
                if cont:
                    continue
                cell = table.cell(r, col)
                end = table.cell(r + c.rowspan - 1, col + c.colspan - 1)
                if end is not cell:
                    cell = cell.merge(end)
                cell.text = c.text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_html(spec: Spec, ruled: bool = True) -> str:
    """The page Chromium prints: narrow label columns (labels wrap), page numbers '- N -', a running header.

    `ruled=False` prints the tables without borders: a PDF with no ruling, read from its text layout.
    """
    body = _html_body(spec).replace('width="600"', 'width="100%"')
    border = "0.75pt solid #000" if ruled else "none"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center {{ content: "{spec.header}"; font-size: 9pt; }}
  @bottom-center {{ content: "- " counter(page) " -"; font-size: 10pt; }} }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; line-height: 1.6; }}
h1 {{ font-size: 16pt; text-align: center; }}
table {{ border-collapse: collapse; margin: 6pt 0; font-size: 9pt; }}
td {{ border: {border}; padding: 2pt 3pt; }}
tr {{ break-inside: avoid; }}
td p {{ margin: 0; }}
p {{ margin: 0 0 4pt 0; }}
</style></head><body><h1>{htmlmod.escape(spec.title)}</h1>
{body}
</body></html>"""


def to_pdf(spec: Spec, out: Path, ruled: bool = True) -> None:
    """Print `pdf_html(spec, ruled)` with headless Chromium (raises RuntimeError when it is not there)."""
    chromium = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if chromium is None:
        raise RuntimeError("chromium is not installed (scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.html"
        src.write_text(pdf_html(spec, ruled), encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def specs() -> dict[str, Spec]:
    """The fixture reports by stem: seed 002 (2019 format) and the generated 2021-format report."""
    return {"seed002": seed_spec(SEED_002.read_text(encoding="utf-8"), "2019"), "r2021": report_2021()}


def write_all(folder: Path, pdf: bool = True) -> list[Path]:
    """Write every fixture (txt, html, docx and, with chromium, pdf) for every spec into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, spec in specs().items():
        for suffix, data in (
            (".txt", to_txt(spec).encode("utf-8")),
            (".html", to_html(spec)),
            (".docx", to_docx(spec)),
        ):
            path = folder / f"{stem}{suffix}"
            path.write_bytes(data)
            written.append(path)
        if pdf:
            to_pdf(spec, folder / f"{stem}.pdf")
            written.append(folder / f"{stem}.pdf")
    if pdf:  # the 2021 report once more without table rules (text layout + template decoding)
        to_pdf(specs()["r2021"], folder / "r2021_unruled.pdf", ruled=False)
        written.append(folder / "r2021_unruled.pdf")
    return written


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES):
        print(p, p.stat().st_size)
