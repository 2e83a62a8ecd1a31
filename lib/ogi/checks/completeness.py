"""Completeness: sections the template requires, blank template cells, truncated texts, and a
section 五 (problems and improvements) that says nothing specific.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ogi.checks.base import Check, iter_lines
from ogi.facts import Report, Section
from ogi.findings import Finding
from ogi.templates import registry

PLACEHOLDER = re.compile(r"^(?:无|暂无|没有|无其他需要报告的事项)?[。.]?$")
PROBLEM_WORDS = re.compile(r"问题|不足|差距|有待|薄弱|欠缺|不够|不强|不高|滞后|短板")
MEASURE_WORDS = re.compile(r"改进|措施|下一步|加强|推进|完善|提升|提高|做好|强化|将")
MIN_SPECIFIC_CHARS = 60
CLOSING_MAX = 40  # a closing (signature, date) is a short line of its own
EARLY_SECTIONS = 4  # a report that stops before its 4th section, with no closing, was cut off
CLOSING = re.compile(
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|人民政府|办事处|街道|局|委员会|办公室)\s*$|抄送|印发"
)


def section_kind(section: Section) -> str:
    """The kind of a section: the parser's own when it set one we know, else read from its title."""
    if registry.section_spec(section.kind) is not None:
        return section.kind
    kind = registry.kind_of(section.title, loose=True)
    return kind if kind != "section" else (section.kind or "")


def required_kinds(report: Report) -> tuple[str, ...]:
    """Sections the report's registered format requires (the unified six for any report from 2019)."""
    return registry.required_sections(report.template, report.year)


def sections_present(check: Check) -> Iterator[Finding]:
    """Every section the detected template requires is there (heading variants accepted)."""
    report = check.report
    if not report.sections and report.doc is None:
        return  # nothing to judge by (a report rebuilt without its sections)
    have = {section_kind(s) for s in report.sections}
    template = registry.get(report.template).code
    for kind in required_kinds(report):
        if kind in have:
            continue
        spec = registry.section_spec(kind)
        zh, en = (spec.zh, spec.en) if spec is not None else (kind, kind)
        yield check.finding(
            "warning",
            f"缺少“{zh}”部分（{template} 格式要求）",
            f"Section '{en}' is missing (required by the {template} format)",
        )


def blank_cells(check: Check) -> Iterator[Finding]:
    """Template cells left blank ('', '-', '/', '无') where a number is wanted: one finding listing them."""
    blanks = sorted(check.report.blanks, key=lambda b: (b.line, b.metric, sorted(b.dims.items())))
    if not blanks:
        return
    yield check.finding(
        "warning",
        f"表格有 {len(blanks)} 个应填数字的单元格为空",
        f"{len(blanks)} table cell(s) that should hold a number are blank",
        evidence_of=blanks,
    )


# problems the table readers record (ogi.parse.tables, ogi.parse.decode): cells not read or not placed
TABLE_PROBLEM = re.compile(r"^(?:section [三四]|line \d+: (?:\d+ cells for|decoded row))")
_LINE = re.compile(r"^line (\d+):")


def table_read(check: Check) -> Iterator[Finding]:
    """Template cells the parser could not read or place (damaged layouts): one warning per problem,
    so a decoding that was ambiguous is never silent."""
    for problem in check.report.problems:
        if not TABLE_PROBLEM.match(problem):
            continue
        m = _LINE.match(problem)
        yield check.finding(
            "warning",
            f"表格未能完整读取：{problem}",
            f"Template table not read in full: {problem}",
            line=int(m.group(1)) if m else 0,
            quote=problem,
        )


def _ends_early(check: Check, tail: list[str]) -> bool:
    """No problems section, few sections, and no closing (date, signature, 抄送) after the last one."""
    report = check.report
    if not report.sections or any(section_kind(s) == "problems" for s in report.sections):
        return False
    if max(s.number for s in report.sections) >= EARLY_SECTIONS:
        return False
    return not any(CLOSING.search(t) and (len(t) <= CLOSING_MAX or "抄送" in t) for t in tail)


def truncated(check: Check) -> Iterator[Finding]:
    """The text stops before the report ends (cut-off copy): every other check is then partial.

    The parser's verdict (`Report.truncated`, e.g. a last sentence cut mid-way) is an error; a text
    that stops after its first sections without any closing is reported as a likely cut (warning).
    """
    lines = [(i, t.strip()) for i, t in iter_lines(check) if t.strip()]
    last_line, last = lines[-1] if lines else (0, "")
    if check.report.truncated:
        yield check.finding(
            "error",
            "报告文本不完整（在中途截断），其余检查结果可能不全",
            "The report text is truncated; other checks may be incomplete",
            line=last_line,
            quote=last[-80:],
        )
    elif lines and _ends_early(check, [t for _, t in lines[-3:]]):
        top = max(s.number for s in check.report.sections)
        yield check.finding(
            "warning",
            f"报告疑似不完整：第{top}部分之后即结束，没有“存在的主要问题”部分和落款",
            f"The report looks truncated: it stops after section {top}, with no problems section and no closing",
            line=last_line,
            quote=last[-80:],
        )


def problems_specific(check: Check) -> Iterator[Finding]:
    """Section 五 must name concrete problems and concrete measures, not be empty or '无'."""
    if check.report.doc is None:
        return
    section = next((s for s in check.report.sections if section_kind(s) == "problems"), None)
    if section is None:
        return  # sections_present reports it
    body = "".join(t.strip() for _, t in iter_lines(check, section.line + 1, section.end_line))
    heading = section.title
    if PLACEHOLDER.match(body):
        yield check.finding(
            "warning",
            "“存在的主要问题及改进情况”为空或只写“无”",
            "Section 五 (problems) is empty or says only 'none'",
            line=section.line,
            quote=heading,
        )
        return
    missing_zh = [w for w, p in (("问题", PROBLEM_WORDS), ("改进措施", MEASURE_WORDS)) if not p.search(body)]
    if missing_zh:
        missing_en = ["problems" if w == "问题" else "measures" for w in missing_zh]
        yield check.finding(
            "warning",
            f"“存在的主要问题及改进情况”未写明{'和'.join(missing_zh)}",
            f"Section 五 names no {' and no '.join(missing_en)}",
            line=section.line,
            quote=heading,
        )
    elif len(body) < MIN_SPECIFIC_CHARS:
        yield check.finding(
            "info",
            f"“存在的主要问题及改进情况”仅 {len(body)} 字，难以具体",
            f"Section 五 is only {len(body)} characters long: too short to be specific",
            line=section.line,
            quote=heading,
        )
