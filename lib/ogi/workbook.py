"""The evaluator's workbook: one .xlsx with a sheet of one row per report (what an evaluator fills in),
the facts and the findings, written by Polars' own Excel writer (xlsxwriter): frozen header, filters,
column widths, integers as integers. Deterministic: the same store gives the same bytes.

Extra sheets (e.g. the corrections sheet of `ogi ingest --corrections`) come from `EXTRA_SHEETS`:
functions `(Store) -> dict[sheet name, frame]`, or from `write_workbook(..., extra=...)`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import polars as pl

from ogi import evaluation as ev
from ogi.atomic import write_bytes
from ogi.store.corrections import corrections_sheets
from ogi.store.views import Store, as_store

WORKBOOK_NAME = "ogi-workbook.xlsx"
FIXED_DATE = datetime(2000, 1, 1)  # document properties carry this, never the time of writing
MAX_WIDTH = 48  # characters; longer text wraps in the cell's width
NUMBER_FORMAT = "#,##0.##########;-#,##0.##########;0"  # whole numbers without a decimal point
INT_FORMAT = "#,##0"
PLAIN_FORMAT = "0"  # years and line numbers: no thousands separator (2024, not 2,024)
INDEX_MAX_FACTS = 100_000  # the index's workbook leaves a larger facts sheet to the CSV / Parquet

# functions (Store) -> {sheet name: frame}, each sheet added after the built-in ones: the `corrections`
# sheet an analyst fills in and gives back to `ogi ingest --corrections FILE.xlsx` (docs/review.md)
EXTRA_SHEETS: list[Callable[[Store], Mapping[str, pl.DataFrame]]] = [corrections_sheets]

_HEADERS: dict[str, tuple[str, str]] = {
    "report_id": ("报告编号", "Report id"),
    "agency_key": ("机关键", "Agency key"),
    "agency": ("机关", "Agency"),
    "region": ("地区", "Region"),
    "level": ("层级", "Level"),
    "year": ("年度", "Year"),
    "template": ("模板", "Template"),
    "published": ("发布日期", "Published"),
    "source": ("源文件", "Source file"),
    "url": ("网址", "URL"),
    "truncated": ("文本截断", "Truncated"),
    "metric": ("指标代码", "Metric code"),
    "label_zh": ("指标", "Metric (zh)"),
    "label_en": ("指标（英文）", "Metric"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "scope": ("口径", "Scope"),
    "origin": ("来源", "Origin"),
    "line": ("行", "Line"),
    "quote": ("原文", "Quote"),
    "dims_json": ("维度代码", "Dims (codes)"),
    "severity": ("级别代码", "Severity code"),
    "severity_label": ("级别", "Severity"),
    "rule": ("规则代码", "Rule code"),
    "rule_label": ("规则", "Rule"),
    "message": ("说明", "Message"),
    "fragment": ("原文定位", "Link fragment"),
}
PLAIN_COLUMNS = frozenset({"year", "line", "seq", *_HEADERS["year"], *_HEADERS["line"]})
_DIM_HEADERS: dict[str, tuple[str, str]] = {
    "item": ("项目", "Item"),
    "category": ("类别", "Category"),
    "channel": ("渠道", "Channel"),
    "source": ("来源渠道", "Source"),
    "applicant": ("申请人", "Applicant"),
    "outcome": ("办理结果", "Outcome"),
    "reason": ("理由", "Reason"),
    "route": ("途径", "Route"),
    "kind": ("类型", "Kind"),
    "timing": ("时限", "Timing"),
    "attendee": ("参加人", "Attendee"),
    "label": ("标签", "Label"),
    "parent": ("上级类别", "Parent category"),
    "of": ("所属", "Part of"),
}


def header(column: str, lang: str = "zh") -> str:
    """A sheet's column title for a frame column of `ogi.evaluation` (labels pass through)."""
    titles = ev.headline_titles(lang)
    if column in titles:
        return titles[column]
    if column.startswith("dim."):
        zh_en = _DIM_HEADERS.get(column[4:])
        return (zh_en[0] if lang == "zh" else zh_en[1]) if zh_en else column
    zh_en = _HEADERS.get(column)
    return (zh_en[0] if lang == "zh" else zh_en[1]) if zh_en else column


def titled(df: pl.DataFrame, lang: str = "zh") -> pl.DataFrame:
    """The frame with its columns renamed to their titles in `lang` (unique: a clash keeps the code)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for c in df.columns:
        t = header(c, lang)
        t = t if t not in used else c
        used.add(t)
        names[c] = t
    return df.rename(names)


def _text_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def column_widths(df: pl.DataFrame) -> dict[str, int]:
    """A width per column from its title and its longest value (CJK counted double), capped."""
    out: dict[str, int] = {}
    for name in df.columns:
        col = df.get_column(name)
        values = col.cast(pl.String).drop_nulls().head(2000).to_list()
        longest = max((_text_width(str(v)) for v in values), default=0)
        chars = min(MAX_WIDTH, max(_text_width(name) + 2, longest + 1, 6))
        out[name] = int(chars * 7 + 10)  # xlsxwriter widths through Polars are pixels
    return out


def add_sheet(workbook: object, name: str, df: pl.DataFrame, table_name: str = "") -> None:
    """One sheet: header frozen, filters on, widths from the content, whole numbers without decimals.

    Also the hook for extra sheets: any frame goes in the same way."""
    formats: dict[str, str] = {}
    for c, dtype in df.schema.items():
        if dtype.is_integer():
            formats[c] = PLAIN_FORMAT if c in PLAIN_COLUMNS else INT_FORMAT
        elif dtype.is_float():
            formats[c] = NUMBER_FORMAT
    df.write_excel(
        workbook,
        worksheet=name[:31],
        table_style="Table Style Light 9",
        table_name=table_name or None,
        column_formats=formats or None,  # type: ignore[arg-type]
        column_widths=column_widths(df),  # type: ignore[arg-type]
        header_format={"bold": True, "text_wrap": True, "valign": "top"},
        autofilter=True,
        freeze_panes=(1, 0),
        float_precision=6,
    )


def about_sheet(lang: str, facts_left_out: int = 0) -> pl.DataFrame:
    """What each sheet holds, in `lang`; says so when the facts were too many for this workbook."""
    zh = lang == "zh"
    rows = [
        ("报告" if zh else "reports", "每份报告一行：机关、地区、层级、年度、模板、源文件、主要数字、2021 年模板各表格单元、各级别问题数"
         if zh else "One row per report: agency, region, level, year, template, source, headline figures, the "
         "2021 template's table cells, findings by severity"),
        ("数字" if zh else "facts", "报告中的每个数字：指标（中英文）、维度、数值、单位、行号与原文"
         if zh else "Every figure of the reports: metric (zh/en), dims, value, unit, line and quote"),
        ("问题" if zh else "findings", "检查发现的问题：级别、规则、说明、行号与原文"
         if zh else "Check findings: severity, rule, message, line and quote"),
    ]  # fmt: skip
    if facts_left_out:
        rows[1] = (
            rows[1][0],
            f"本工作簿未收入（共 {facts_left_out:,} 个数字）：见同目录的 ogi-facts.csv / ogi-facts.parquet，"
            "或运行 ogi export --xlsx"
            if zh
            else f"Left out of this workbook ({facts_left_out:,} figures): see ogi-facts.csv / "
            "ogi-facts.parquet beside it, or run ogi export --xlsx",
        )
    return pl.DataFrame(
        rows, schema=["sheet" if not zh else "工作表", "contents" if not zh else "内容"], orient="row"
    )


def sheets(
    store: Store | str | Path, lang: str = "zh", *, mentions: bool = False, max_facts: int | None = None
) -> dict[str, pl.DataFrame]:
    """The workbook's built-in sheets, titled in `lang`: reports, facts, findings, and what each holds.
    With `max_facts`, a store with more facts leaves the facts sheet out (and says so)."""
    st = as_store(store)
    zh = lang == "zh"
    reports = ev.report_rows(st, lang)
    n_facts = (
        st.facts.filter(pl.lit(mentions) | ~pl.col("metric").str.starts_with("mention."))
        .select(pl.len())
        .collect()
        .item()
        if max_facts is not None
        else 0
    )
    left_out = n_facts if max_facts is not None and n_facts > max_facts else 0
    findings = ev.finding_rows(st, lang=lang).drop("fragment")
    out = {("报告" if zh else "reports"): titled(reports, lang)}
    if not left_out:
        out["数字" if zh else "facts"] = titled(ev.fact_rows(st, mentions=mentions, lang=lang), lang)
    out["问题" if zh else "findings"] = titled(findings, lang)
    out["说明" if zh else "about"] = about_sheet(lang, left_out)
    return out


def workbook_bytes(
    store: Store | str | Path,
    lang: str = "zh",
    *,
    mentions: bool = False,
    extra: Mapping[str, pl.DataFrame] | None = None,
    max_facts: int | None = None,
) -> bytes:
    """The whole workbook as bytes: the built-in sheets, then `EXTRA_SHEETS`, then `extra`."""
    from xlsxwriter import Workbook

    st = as_store(store)
    all_sheets = sheets(st, lang, mentions=mentions, max_facts=max_facts)
    for provide in EXTRA_SHEETS:
        all_sheets.update(provide(st))
    all_sheets.update(extra or {})
    buf = io.BytesIO()
    wb = Workbook(buf, {"strings_to_numbers": False, "strings_to_urls": False})
    wb.set_properties({"title": "ogi", "created": FIXED_DATE})
    for i, (name, df) in enumerate(all_sheets.items(), 1):
        add_sheet(wb, name, df, table_name=f"ogi_sheet{i}")
    wb.close()
    return buf.getvalue()


def write_workbook(
    path: str | os.PathLike[str],
    store: Store | str | Path,
    lang: str = "zh",
    *,
    mentions: bool = False,
    extra: Mapping[str, pl.DataFrame] | None = None,
) -> Path:
    """Write the workbook to `path` atomically (ogi.atomic: the mode a plain open gives, like the HTML)."""
    out = Path(path)
    write_bytes(out, workbook_bytes(store, lang, mentions=mentions, extra=extra))
    return out


__all__ = [
    "EXTRA_SHEETS",
    "INDEX_MAX_FACTS",
    "WORKBOOK_NAME",
    "add_sheet",
    "header",
    "sheets",
    "titled",
    "workbook_bytes",
    "write_workbook",
]
