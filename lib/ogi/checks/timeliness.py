"""Timeliness: the 条例 deadline for publishing the annual report, when the publication date is known.

第四十九条 (2019 revision, report years ≥ 2019): 县级以上人民政府部门 by 1月31日; 县级以上地方人民政府
by 3月31日. Townships and street offices (乡、镇、街道) are not named there; we hold them, and any
agency whose level the name does not tell, to 3月31日 (the lenient reading) and say so. Reports for
2018 and earlier fall under the 2008 条例: 3月31日 for everyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ogi.checks.base import Check
from ogi.findings import Finding

TOWNSHIP = re.compile(r"(?:街道(?:办事处|办)?|乡|镇)(?:人民政府)?$")
GOVERNMENT = re.compile(r"人民政府$|政府$")
DEPARTMENT = re.compile(r"(?:局|委员会|委|厅|办公室|办|署|部|中心|院|管理处|站)$")


def agency_level(agency: str | None) -> str:
    """department | government | township | unknown, read from the agency's name."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", (agency or "").strip())
    if not name:
        return "unknown"
    if TOWNSHIP.search(name):
        return "township"
    if GOVERNMENT.search(name):
        return "government"
    if DEPARTMENT.search(name):
        return "department"
    return "unknown"


def deadline(year: int, level: str) -> tuple[date, str, str]:
    """The last publication day for the report on `year`, with the basis in Chinese and English."""
    if year <= 2018:
        return date(year + 1, 3, 31), "2008年《条例》：3月31日前", "2008 regulation: by 31 March"
    if level == "department":
        return date(year + 1, 1, 31), "第四十九条：政府部门1月31日前", "Art. 49: departments by 31 January"
    if level == "government":
        return date(year + 1, 3, 31), "第四十九条：地方人民政府3月31日前", "Art. 49: governments by 31 March"
    return (
        date(year + 1, 3, 31),
        "第四十九条未列明乡镇街道及层级不明者，按3月31日",
        "Art. 49 does not name townships/streets or agencies of unknown level: held to 31 March",
    )


def on_time(check: Check) -> Iterator[Finding]:
    """The report was published by the statutory deadline for its year and the agency's level."""
    report = check.report
    if not report.published or report.year is None:
        return
    try:
        published = date.fromisoformat(report.published)
    except ValueError:
        return
    due, basis_zh, basis_en = deadline(report.year, agency_level(report.agency))
    if published <= due:
        return
    late = (published - due).days
    yield check.finding(
        "warning",
        f"发布日期 {published.isoformat()} 晚于法定期限 {due.isoformat()}（{basis_zh}），逾期 {late} 天",
        f"Published {published.isoformat()}, {late} day(s) after the deadline {due.isoformat()} ({basis_en})",
        line=_date_line(check, published),
        quote=report.published,
        expected=float(due.toordinal()),
        actual=float(published.toordinal()),
    )


def _date_line(check: Check, when: date) -> int:
    """The last line that prints the publication date, if the text is at hand (0 otherwise)."""
    doc = check.report.doc
    if doc is None:
        return 0
    pattern = re.compile(rf"{when.year}\s*年\s*0?{when.month}\s*月\s*0?{when.day}\s*日|{when.isoformat()}")
    found = 0
    for i, text in enumerate(doc.norm, 1):
        if pattern.search(text):
            found = i
    return found
