"""Agency identity: one key per reporting body across years and spellings, the printed name kept apart.

梅岭街道 / 梅岭街道办事处 / 晋江市梅岭街道办事处 all key to 梅岭街道: place-name prefixes (from the report's
region or printed before the body's own name) are stripped and the body suffix is normalised. When
two bodies share a core name in different places (城关镇 ...), the key gets the place name in front.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

_PARENS = re.compile(r"[（(][^）)]*[）)]")
_SPACE = re.compile(r"[\s\u3000·•．.]+")
_UNIT = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|盟|旗)")
_PREFIX = re.compile(r"^(.{2,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|盟|旗))(.+)$")
# (pattern, replacement) applied in order to the tail of the name
_SUFFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"街道办事处$"), "街道"),
    (re.compile(r"街道办$"), "街道"),
    (re.compile(r"街道工作委员会$"), "街道"),
    (re.compile(r"(镇|乡)人民政府$"), r"\1"),
    (re.compile(r"(镇|乡)政府$"), r"\1"),
    (re.compile(r"^(.+?)政府信息公开.*$"), r"\1"),
)
_BODY = re.compile(r"(街道|镇|乡|局|委|办|厅|中心|院|所|站|队|处|署|馆|会|政府|公司|集团|部)")
GENERIC = frozenset(
    {
        "人民政府",
        "政府",
        "办事处",
        "街道",
        "镇",
        "乡",
        "居委会",
        "居民委员会",
        "村委会",
        "村民委员会",
        "管委会",
        "管理委员会",
        "委员会",
        "人民政府办公室",
        "人民政府办公厅",
        "政府办公室",
        "办公室",
        "",
    }
)


def clean(name: str) -> str:
    """The printed name with width, spaces and parenthetical notes normalised away."""
    s = unicodedata.normalize("NFKC", name)
    s = _PARENS.sub("", s)
    return _SPACE.sub("", s).strip("，,、;；:：")


def region_units(region: str | None) -> list[str]:
    """福建省泉州市晋江市 → ['福建省', '泉州市', '晋江市']."""
    if not region:
        return []
    return _UNIT.findall(clean(region))


def _normalise_suffix(s: str) -> str:
    for pat, rep in _SUFFIXES:
        s = pat.sub(rep, s)
    return s


def split_name(name: str, region: str | None = None) -> tuple[str, list[str]]:
    """(core name, place units stripped from its front): 晋江市梅岭街道办事处 → ('梅岭街道', ['晋江市'])."""
    s = clean(name)
    places: list[str] = []
    units = sorted(region_units(region), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for u in units:
            rest = s[len(u) :]
            if s.startswith(u) and _normalise_suffix(rest) not in GENERIC and _BODY.search(rest):
                places.append(u)
                s = rest
                changed = True
        m = _PREFIX.match(s)
        if m:
            rest = m.group(2)
            if (
                _normalise_suffix(rest) not in GENERIC
                and _BODY.search(rest)
                and len(_normalise_suffix(rest)) >= 2
            ):
                places.append(m.group(1))
                s = rest
                changed = True
    return _normalise_suffix(s), places


def assign_keys(rows: Iterable[tuple[str, str | None, str | None]]) -> dict[str, str]:
    """Map report_id → agency_key for (report_id, printed agency, region) rows, over the whole store.

    The key is the core name; a core met in two or more distinct places is prefixed by the place
    (the last region unit, or the place printed before the name) wherever that place is known.
    """
    split: dict[str, tuple[str, str | None]] = {}
    places_of: dict[str, Counter[str]] = defaultdict(Counter)
    for report_id, agency, region in rows:
        if not agency or not clean(agency):
            split[report_id] = (f"unknown-{report_id[:12]}", None)
            continue
        core, stripped = split_name(agency, region)
        units = region_units(region)
        place = units[-1] if units else (stripped[-1] if stripped else None)
        split[report_id] = (core, place)
        if place:
            places_of[core][place] += 1
    keys: dict[str, str] = {}
    for report_id, (core, place) in split.items():
        if place and len(places_of[core]) > 1:
            keys[report_id] = f"{place}{core}"
        else:
            keys[report_id] = core
    return keys


def city_of(region: str | None) -> str | None:
    """The prefecture-level part of a region (福建省泉州市晋江市 → 福建省泉州市; 北京市通州区 → 北京市)."""
    units = region_units(region)
    if not units:
        return None
    if units[0].endswith(("省", "自治区")) and len(units) > 1:
        return units[0] + units[1]
    return units[0]
