"""The words of the brief in both languages: each section's heading and what it is about, and the
column titles the sections share. Kept apart from the code so a translation is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Words:
    """One phrase in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def count(n: int, one: str, many: str = "") -> str:
    """An English count with its noun in the right number: `count(1, "figure")` → "1 figure"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def paren(lang: str, text: str) -> str:
    """A bracketed aside in the page's typography: （…） in Chinese, " (…)" in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


@dataclass(frozen=True, slots=True)
class SectionWords:
    """A section's heading, and what it covers (for the one line said when the report has no figures)."""

    heading: Words
    what: Words


SECTION_WORDS: dict[str, SectionWords] = {
    "headline": SectionWords(
        Words("主要数字", "Headline figures"), Words("主要数字", "the headline figures")
    ),
    "volume": SectionWords(
        Words("历年变化", "Over the years"),
        Words("两年以上可比的数字", "figures stated in two or more years"),
    ),
    "categories": SectionWords(
        Words("主动公开类别", "Categories disclosed"),
        Words("主动公开类别", "categories of proactive disclosure"),
    ),
    "channels": SectionWords(Words("公开渠道", "Channels"), Words("公开渠道", "publication channels")),
    "applications": SectionWords(Words("依申请公开", "Applications"), Words("依申请公开", "applications")),
    "review": SectionWords(
        Words("行政复议和行政诉讼", "Administrative review and litigation"),
        Words("行政复议和行政诉讼", "administrative review or litigation"),
    ),
    "complaints": SectionWords(
        Words("投诉办理与咨询", "Complaints and inquiries"),
        Words("投诉办理与咨询", "complaints or inquiries"),
    ),
    "section2": SectionWords(
        Words("主动公开的规章文件、许可处罚与收费", "Documents, licensing, enforcement, fees"),
        Words("规章规范性文件、行政许可处罚、收费的数字", "documents, licensing, enforcement or fees"),
    ),
    "year_over_year": SectionWords(
        Words("与上一份报告对比", "Against the previous report"), Words("上一份报告", "an earlier report")
    ),
    "peers": SectionWords(
        Words("同城机关比较", "Agencies of the same city"), Words("同城机关", "agencies of the same city")
    ),
    "findings": SectionWords(
        Words("数据质量问题", "Data-quality findings"), Words("数据质量问题", "data-quality findings")
    ),
}

ITEM = Words("项目", "Item")
VALUE = Words("数值", "Value")
LINE = Words("行", "Line")
QUOTE = Words("原文", "Quote")
FIGURES = Words("图表数据（含原文行号与引文）", "Figures of this chart, with line and quote")
PRINTED = Words("报告原文标签", "Label in the report")
ITEMS = Words("条数", "Items")
APPLICATIONS = Words("件数", "Applications")
CASES = Words("件数", "Cases")

#: section 二 (第二十条) as the templates print it: its tables, in order, and their columns
SECTION2_TABLES: dict[str, Words] = {
    "documents": Words("规章和规范性文件（第二十条第一项）", "Rules and normative documents (art. 20 (1))"),
    "licensing": Words("行政许可（第二十条第五项）", "Licensing (art. 20 (5))"),
    "enforcement": Words("行政处罚和行政强制（第二十条第六项）", "Penalties and enforcement (art. 20 (6))"),
    "charges": Words("行政事业性收费（第二十条第八项）", "Administrative fees (art. 20 (8))"),
}
SECTION2_COLUMNS: dict[str, Words] = {
    "issued": Words("本年制发件数", "Issued this year"),
    "repealed": Words("本年废止件数", "Repealed this year"),
    "in_force": Words("现行有效件数", "In force"),
    "made": Words("本年新制作数量", "Made this year"),
    "published": Words("本年新公开数量", "Published this year"),
    "total": Words("对外公开总数量", "Published in total"),
    "prior": Words("上一年项目数量", "Items the year before"),
    "change": Words("本年增/减", "Change this year"),
    "decisions": Words("处理决定数量", "Decisions"),
    "amount": Words("本年收费金额", "Collected this year"),
}
INFO_FEES = Words("依申请收取的信息处理费", "Information-processing fees collected on applications")
