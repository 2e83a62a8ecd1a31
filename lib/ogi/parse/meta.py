"""Report metadata: agency (as printed) and region, covered year, document number, signer, dates.

Agency and year come from the named rules of `meta_rules` (title, metadata block, heading, opening
sentence, signature; title, 统计期限, opening years), tried in order: the first rule that reads a
value gives it, and `Meta.agency_rule` / `Meta.year_rule` say which. The year is the year the report
covers, never the publication year. The region is only what is printed as part of the agency's own
name wherever the report names itself (福建省泉州市晋江市 of 现公布福建省泉州市晋江市梅岭街道办事处…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ogi.parse.meta_names import reduce
from ogi.parse.meta_rules import AGENCY_RULES, LAST_RESORT, YEAR_RULES, Context, Found

_DOCNO = re.compile(r"([\u4e00-\u9fff]{1,10}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号)")
_SIGNER = re.compile(r"签发人\s*[:：]\s*([\u4e00-\u9fff]{2,4})")
_DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_PUB_LABEL = re.compile(r"(?:发布日期|发布时间|生成日期|成文日期|公文生成日期|印发日期|时间)\s*[:：|]?\s*")
_ATTACHED = re.compile(r"^\s*(?:附件|附表)\s*\d*\s*[:：]?\s*$")
_WIDER = ("办事处", "人民政府")  # how a short spelling of the same body may be completed


@dataclass(slots=True)
class Meta:
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    doc_number: str | None = None
    signer: str | None = None
    published: str | None = None
    title: str | None = None
    agency_rule: str | None = None
    year_rule: str | None = None


def _names(ctx: Context) -> list[Found]:
    """Every name the agency rules read, in rule order; last-resort rules only when none did."""
    every: list[Found] = []
    for name, rule in AGENCY_RULES.items():
        if every and name in LAST_RESORT:
            break
        every.extend(f for f in rule(ctx) if f.name)
    return every


def _year(ctx: Context) -> Found | None:
    """The first year a year rule reads (later rules are not run)."""
    for rule in YEAR_RULES.values():
        for f in rule(ctx):
            if f.year:
                return f
    return None


def _agency(meta: Meta, ctx: Context, found: list[Found]) -> None:
    """Agency = the first name, reduced (a street without its county); lengthened only by 办事处 / 人民政府."""
    first = found[0]
    assert first.name
    core, _chain = reduce(first.name)
    best = core
    if core.endswith(("街道", "镇", "乡")):
        body = ctx.body()
        for extra in _WIDER:
            if (core + extra) in body and len(core + extra) > len(best):
                best = core + extra
    regions = []
    for f in found:
        assert f.name
        agency, chain = reduce(f.name)
        if agency in (core, best) or (core in agency and agency.startswith(core)):
            regions.append(chain)
    meta.agency = best
    meta.agency_rule = first.rule
    meta.region = max(regions, key=len) or None if regions else None


def extract_meta(lines: list[str], norm: list[str], source: str = "") -> Meta:
    """Agency, region, year, title, document number, signer and publication date of one report.

    `source` is the file's name as given: a title-like name is a source of agency and year after the
    text's own places (`rule_file_name`)."""
    meta = Meta()
    ctx = Context.of(norm, source)
    names = _names(ctx)
    if names:
        _agency(meta, ctx, names)
    first_year = _year(ctx)
    if first_year:
        meta.year = first_year.year
        meta.year_rule = first_year.rule
    meta.title = _title_line(ctx)
    head = norm[:25]
    for line in head + norm[-10:]:
        s = line.strip()
        m = _DOCNO.search(s)
        if m and s.startswith(m.group(1)[:2]) and meta.doc_number is None:
            meta.doc_number = re.sub(r"\s+", "", m.group(1))
        ms = _SIGNER.search(s)
        if ms and meta.signer is None:
            meta.signer = ms.group(1)
    meta.published = _published(norm)
    return meta


def _title_line(ctx: Context) -> str | None:
    """The first title with a year as printed up to 报告, else the first title without one."""
    found = ctx.titles
    dated = [text for text, (_pre, year, _post) in found if year]
    every = dated or [text for text, _parts in found]
    return every[0] if every else None


def _iso(y: str, mo: str, d: str) -> str | None:
    try:
        yi, mi, di = int(y), int(mo), int(d)
    except ValueError:
        return None
    if not (1 <= mi <= 12 and 1 <= di <= 31):
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


def _published(norm: list[str]) -> str | None:
    """Publication date: a labelled date near the top, else a date standing alone near the end."""
    for line in norm[:30]:
        m = _PUB_LABEL.search(line)
        if m:
            rest = line[m.end() :]
            d = _DATE_ISO.match(rest.strip().lstrip("|").strip()) or _DATE_CN.match(rest.strip())
            if d:
                return _iso(*d.groups())
    ends = [len(norm)]
    for i, line in enumerate(norm):
        if i > 10 and "附" in line and _ATTACHED.match(line):
            ends.append(i)  # the signature may stand before an attached table
            break
    for end in ends:
        for line in reversed(norm[max(0, end - 15) : end]):
            s = line.strip()
            d = _DATE_CN.search(s)
            if d and len(s) <= 24:
                return _iso(*d.groups())
    return None
