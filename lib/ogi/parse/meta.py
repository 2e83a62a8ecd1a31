"""Report metadata: agency (as printed) and region, covered year, document number, signer, dates.

The year is the year the report covers (title, 统计期限 sentence, body), never the publication
year. The agency comes from the title, the 公布/编制 sentence, the metadata block or the signature,
and is widened to the fullest spelling the text uses (西园街道 → 西园街道办事处).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ogi.text import cn_to_number

_YEAR = r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})"
_TITLE = re.compile(rf"^(.*?){_YEAR}\s*年度?(.*?)政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
_TITLE_NOYEAR = re.compile(r"^(.{2,30}?)政府信息公开(?:工作)?年度报告$")
_AGENCY_SUFFIX = r"(?:街道办事处|街道办|人民政府办公室|人民政府|街道|镇|乡|局|委员会|办公室|管委会|中心|厅|委|署|所|院|办事处)"
_AGENCY = re.compile(rf"([\u4e00-\u9fff]{{2,14}}?{_AGENCY_SUFFIX})")
_REGION_PREFIX = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,4}省)?(?:[\u4e00-\u9fff]{1,5}(?:市|州|盟))?(?:[\u4e00-\u9fff]{1,5}(?:区|县|旗))?)"
)
_DOCNO = re.compile(r"([\u4e00-\u9fff]{1,10}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号)")
_SIGNER = re.compile(r"签发人\s*[:：]\s*([\u4e00-\u9fff]{2,4})")
_DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_PUB_LABEL = re.compile(r"(?:发布日期|发布时间|生成日期|成文日期|公文生成日期|印发日期|时间)\s*[:：|]?\s*")
_PERIOD = re.compile(rf"统计期限[^。]*?{_YEAR}\s*年\s*1\s*月\s*1\s*日")


@dataclass(slots=True)
class Meta:
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    doc_number: str | None = None
    signer: str | None = None
    published: str | None = None
    title: str | None = None


def _year(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    v = cn_to_number(s)
    return v if v and 1990 <= v <= 2100 else None


def _strip_region(name: str) -> tuple[str, str]:
    """'晋江市西园街道' → ('西园街道', '晋江市'); keeps names that are all region (晋江市人民政府)."""
    m = _REGION_PREFIX.match(name)
    prefix = m.group(1) if m else ""
    rest = name[len(prefix) :]
    if (
        prefix
        and len(rest) >= 3
        and re.search(_AGENCY_SUFFIX + "$", rest)
        and not rest.startswith(("人民政府", "政府"))
    ):
        if re.search(r"(?:街道办事处|街道办|街道|镇|乡|镇人民政府|乡人民政府|办事处)$", rest):
            return rest, prefix
        return name, prefix  # a county department keeps its county: 思南县教育局
    return name, ""


def _clean_agency(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^(?:现将|现公布|公布|关于|本报告是?根据.*由|由于|由|我|本|年度|年|度|在|于)+", "", s)
    s = re.sub(r"[《》“”\"'：:，,。]", "", s)
    s = re.sub(r"[\d〇零一二三四五六七八九]*年度?$", "", s)  # a year the title printed out of range (9999年)
    return s.strip()


def _title_lines(norm: list[str]) -> list[tuple[int, str]]:
    out = []
    for i, line in enumerate(norm[:25]):
        s = re.sub(r"^[\s•·*]+", "", line).strip()
        if not s:
            continue
        nxt = next((x.strip() for x in norm[i + 1 : i + 4] if x.strip()), "")
        if (
            "政府信息公开" in s
            and not s.endswith("报告")
            and nxt.startswith(("年度报告", "工作年度报告", "报告"))
        ):
            s = s + nxt  # a title broken over two lines
        out.append((i, s))
    return out


def extract_meta(lines: list[str], norm: list[str]) -> Meta:
    meta = Meta()
    body = "\n".join(norm)
    head = norm[:25]
    agency_candidates: list[str] = []
    # title and the year it covers
    for _i, s in _title_lines(norm):
        s2 = re.sub(r"^(?:标题|题目)[:：]", "", s)
        m = _TITLE.search(s2)
        if m and len(s2) <= 80:
            y = _year(m.group(2))
            if y and meta.year is None:
                meta.year = y
                meta.title = s2[: m.end()]
            for part in (m.group(1), m.group(3)):
                part = _clean_agency(re.split(r"[，,。]", part)[-1])
                if len(part) >= 2 and re.search(_AGENCY_SUFFIX, part):
                    agency_candidates.append(part)
            if agency_candidates:
                break
        m2 = _TITLE_NOYEAR.match(s2)
        if m2 and not agency_candidates:
            agency_candidates.append(_clean_agency(m2.group(1)))
            meta.title = meta.title or s2
    for pat in (
        r"发布机构\s*[:：|]\s*\|?\s*([\u4e00-\u9fff]{2,20})",
        r"由([\u4e00-\u9fff]{2,20}?)编制",
        rf"公布([\u4e00-\u9fff]{{2,20}}?){_YEAR}年",
    ):
        for m in re.finditer(pat, body[:4000]):
            cand = _clean_agency(m.group(1))
            if re.search(_AGENCY_SUFFIX + "$", cand):
                agency_candidates.append(cand)
    # signature: a short line near the end naming a body
    for line in reversed(norm[-12:]):
        s = line.strip()
        if 3 <= len(s) <= 24 and re.fullmatch(rf"[\u4e00-\u9fff]+{_AGENCY_SUFFIX}", s):
            agency_candidates.append(s)
            break
    if not agency_candidates:
        counts = Counter(
            m.group(1)
            for m in re.finditer(r"([\u4e00-\u9fff]{2,4}(?:街道|镇|乡))", body)
            if not m.group(1).startswith(("我", "本", "全", "各", "该", "在", "和", "及", "的"))
        )
        if counts:
            agency_candidates.append(_clean_agency(counts.most_common(1)[0][0]))
    if agency_candidates:
        name = agency_candidates[0]
        core, region = _strip_region(name)
        # prefer the fullest spelling of the same body the text uses
        best = core
        for m in re.finditer(re.escape(core) + r"(办事处|人民政府)", body):
            if len(core + m.group(1)) > len(best):
                best = core + m.group(1)
        for cand in agency_candidates[1:]:
            c2, r2 = _strip_region(cand)
            if c2.startswith(core) and len(c2) > len(best):
                best = c2
            region = region or (r2 if c2.startswith(core[:2]) else "")
        meta.agency = best
        # the chain printed right before the agency is the most reliable; then the name's own prefix
        meta.region = _region_before(body, best, core) or region or _region_from_text(body, core)
    # year fallbacks: 统计期限, then "YYYY年度" / "YYYY年" in the opening lines
    if meta.year is None:
        m = _PERIOD.search(body)
        if m:
            meta.year = _year(m.group(1))
    if meta.year is None:
        years: Counter[int] = Counter()
        for line in head + norm[25:60]:
            for m in re.finditer(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", line):
                years[int(m.group(1))] += 1
            for m in re.finditer(r"截[止至]\s*((?:19|20)\d{2})\s*1231", line):
                years[int(m.group(1))] += 3
        if years:
            meta.year = max(years.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    # document number and signer: on their own line near the top or the end
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


_CHAIN = re.compile(r"(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|州|盟|区|县|旗))+")
# the place a department's own name starts with: 颍州区农业农村局 → 颍州区, 迁安市司法局 → 迁安市
_OWN_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}省)?(?:[\u4e00-\u9fff]{2,4}?市)?[\u4e00-\u9fff]{1,4}?(?:区|县|旗)"
)
_OWN_CITY = re.compile(r"^[\u4e00-\u9fff]{2,4}?市")
_BOUNDARY = re.compile(r"(?:公布|发布|颁布|编制|印发|由|是|为|据|[^\u4e00-\u9fff])")


def _region_before(body: str, agency: str, core: str) -> str | None:
    """The 省/市/区县 chain printed right before the agency (现公布河北省唐山市迁安市司法局 → 河北省唐山市迁安市)."""
    best = ""
    for name in dict.fromkeys((agency, core)):
        for m in re.finditer(re.escape(name), body[:20000]):
            head = body[max(0, m.start() - 40) : m.start()]
            head = re.sub(r"(?:人民政府|政府)$", "", head)
            cut = max((b.end() for b in _BOUNDARY.finditer(head)), default=0)
            head = re.sub(r"^(?:年度|年|由于|现|经|在|于|对|将|关于|本|我)+", "", head[cut:])
            own = _OWN_PREFIX.match(name) or _OWN_CITY.match(name)
            own_prefix = own.group(0) if own and len(own.group(0)) < len(name) - 1 else ""
            if head and not _CHAIN.fullmatch(head):
                continue
            full = head + own_prefix
            if len(full) > len(best) and _CHAIN.fullmatch(full):
                best = full
    return best or None


def _region_from_text(body: str, core: str) -> str | None:
    m = re.search(
        r"((?:[\u4e00-\u9fff]{2,3}(?:省|市))*[\u4e00-\u9fff]{2,3}(?:市|县|区))(?:人民政府)?"
        + re.escape(core),
        body,
    )
    return _clean_agency(m.group(1)) if m else None


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
        if re.match(r"^\s*(?:附件|附表)\s*\d*\s*[:：]?\s*$", line) and i > 10:
            ends.append(i)  # the signature may stand before an attached table
            break
    for end in ends:
        for line in reversed(norm[max(0, end - 15) : end]):
            s = line.strip()
            d = _DATE_CN.search(s)
            if d and len(s) <= 24:
                return _iso(*d.groups())
    return None
