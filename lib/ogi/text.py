"""Bytes to text (encoding detection) and line normalisation that keeps a map back to the source.

Decoding tries, in order: a BOM (UTF-8, UTF-16 LE/BE), strict UTF-8, BOM-less UTF-16 (by the
share of NUL bytes), strict GB18030; anything else is refused with a typed error rather than
guessed, so a wrong encoding never turns into wrong figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ogi.errors import ReadError

MAX_BYTES = 64 * 1024 * 1024
# A real annual report is 5,000-300,000 characters; beyond these limits the input is refused with a
# reason instead of parsed (bounded time and memory: see docs/hostile.md).
MAX_TEXT_CHARS = 4_000_000
MAX_LINES = 200_000

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP container (DOCX/XLSX?)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.wps/.xls): convert it to .docx"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of `data` when its magic bytes say so."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return (text, encoding name) or raise ReadError with the reason."""
    if not data:
        raise ReadError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise ReadError(
            path, f"too large ({len(data) // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = _strict(data[3:], "utf-8", path), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        text = _strict(data[2:], enc, path)
    else:
        kind = sniff_binary(data)
        if kind:
            raise ReadError(path, f"not a text report: looks like {kind}")
        u16 = _looks_utf16(data)
        if u16:
            text, enc = _strict(data, u16, path), u16
        else:
            try:
                text, enc = _decode_cut(data, "utf-8"), "utf-8"
            except UnicodeDecodeError as exc:
                best = _best_legacy(data)
                if best is None:
                    raise ReadError(
                        path,
                        f"undecodable text: not UTF-8 (bad byte at offset {exc.start}), not GB18030, not UTF-16",
                    ) from None
                text, enc = best
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip(" \t\n\u3000\ufeff\u200b\xa0"):
        raise ReadError(path, "no text after decoding (only whitespace)")
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(8, len(text[:20000]) // 50):
        raise ReadError(path, f"binary content: {controls} control characters in the first 20000")
    return text, enc


def plausibility(text: str) -> float:
    """Share of characters that a Chinese report is made of (CJK, ASCII, CJK punctuation)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    ok = sum(
        1
        for ch in sample
        if ch in "\n\t\r"
        or " " <= ch <= "~"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
        or ch in "\xa0·×"
    )
    return ok / len(sample)


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The most plausible of GB18030 and BOM-less UTF-16 (LE/BE) decodings, if any is plausible."""
    best: tuple[float, str, str] | None = None
    for enc in ("gb18030", "utf-16-le", "utf-16-be"):
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = _decode_cut(data, enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _decode_cut(data: bytes, enc: str) -> str:
    """Strict decoding that forgives only a file cut inside its last character (a truncated download):
    the incomplete final bytes are dropped; any other bad byte still raises."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and len(data) - exc.start <= 3 and exc.start > 0:
            return data[: exc.start].decode(enc)
        raise


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise ReadError(
            path, f"invalid {enc} at byte offset {exc.start} (truncated or mixed encoding?)"
        ) from None


# --- normalisation ---------------------------------------------------------------------------

_ZERO_WIDTH = (
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    t: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII
        ch = chr(cp - 0xFEE0)
        t[cp] = ch
    # keep full-width punctuation that Chinese text uses as separators readable but canonical
    t[0xFF08] = "（"  # keep （ ）： full width: labels are written that way
    t[0xFF09] = "）"
    t[0xFF1A] = "："
    t[0xFF0C] = "，"
    t[0xFF1B] = "；"
    t[0x3000] = " "
    t[0xA0] = " "
    t[0x2002] = " "
    t[0x2003] = " "
    t[0x2009] = " "
    t[0x202F] = " "
    t[ord("(")] = "（"
    t[ord(")")] = "）"
    t[ord(":")] = "："
    for ch in _ZERO_WIDTH:
        t[ord(ch)] = ""
    return t


def normalise_line(raw: str) -> str:
    """Canonical form of one line: ASCII digits/letters, （）：，； full width, no zero-width marks.

    The mapping is character for character except that zero-width marks disappear, so positions
    in the normalised line map back with `source_span`.
    """
    return raw.translate(_table())


def source_offsets(raw: str) -> list[int]:
    """For each character of normalise_line(raw), its index in raw."""
    if not any(ch in _ZERO_WIDTH for ch in raw):
        return list(range(len(raw)))
    return [i for i, ch in enumerate(raw) if ch not in _ZERO_WIDTH]


def squash(s: str) -> str:
    """A label with all whitespace removed, for comparing labels broken across lines."""
    return "".join(s.split())


# --- numbers ---------------------------------------------------------------------------------

_CN_DIGITS = "〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖拾十百千万佰仟"


_CN_DIGIT = dict(
    zip(
        "〇零一壹二两贰三叁四肆五伍六陆七柒八捌九玖",
        (0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9),
        strict=True,
    )
)
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def _cn_section(s: str) -> int | None:
    """A numeral below 10,000 in its written-out form (三千零五, 十二, 一百二十); None if not plainly one.

    Only the unambiguous spelled-out forms: an abbreviation (二百五 = 250), a digit run or a
    repeated unit returns None, and the caller asks cn2an.
    """
    total, digit, last_unit, zero = 0, None, 10_000, False
    for i, ch in enumerate(s):
        if ch in _CN_DIGIT:
            value = _CN_DIGIT[ch]
            if digit is not None:
                return None  # two digits in a row
            if value == 0:  # 零 only fills a gap after 百 or 千, once, before more figures
                if zero or last_unit not in (100, 1000) or i == len(s) - 1:
                    return None
                zero = True
                continue
            digit = value
        else:
            unit = _CN_UNIT[ch]
            if digit is None and not (i == 0 and unit == 10):
                return None  # a unit without its digit (bar a leading 十)
            if last_unit < 10_000 and not (unit * 100 <= last_unit if zero else unit * 10 == last_unit):
                return None  # units must step down one place at a time, or skip places after 零
            total += (1 if digit is None else digit) * unit
            last_unit, digit, zero = unit, None, False
    if digit is not None:
        if 10 < last_unit < 10_000 and not zero:
            return None  # 二百五: cn2an reads 250, spelled out it would be 二百零五
        total += digit
    return total


def _cn_plain(s: str) -> int | None:
    """A spelled-out numeral below 100,000,000 (一万零五, 三百二十一); None when cn2an must decide."""
    head, sep, tail = s.partition("万")
    if not sep:
        return _cn_section(s)
    if not head or "万" in tail:
        return None
    high = _cn_section(head)
    if high is None:
        return None
    if not tail:
        return high * 10_000
    if tail[0] in "〇零":
        low = _cn_section(tail[1:]) if len(tail) > 1 and tail[1] in _CN_DIGIT else None
        return None if low is None or low >= 1000 else high * 10_000 + low
    low = _cn_section(tail)
    return None if low is None or low < 1000 else high * 10_000 + low


def cn_to_number(s: str) -> int | None:
    """Chinese numeral (六, 十二, 二〇一八, 一百零五) to int; None if it is not one.

    Plain spelled-out numerals are read here; anything else (abbreviations such as 三万二) goes to
    cn2an, which is imported only then: its import costs more than parsing a report.
    """
    s = s.strip()
    if not s or any(ch not in _CN_DIGITS for ch in s):
        return None
    if all(ch in "〇零一二三四五六七八九" for ch in s) and len(s) >= 2:  # digit-by-digit: 二〇一八
        return int("".join(str("〇一二三四五六七八九".index(ch)) if ch != "零" else "0" for ch in s))
    plain = _cn_plain(s)
    if plain is not None:
        return plain
    import cn2an  # imported lazily: it is slow to import and rarely needed

    try:
        v = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return int(v) if float(v).is_integer() else None


def parse_number(s: str) -> float | int | None:
    """A printed figure ('1,558', '+8', '-3', '61.62', '251000元') to a number; None if none."""
    m = re.fullmatch(r"\s*([+-]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?\s*", s)
    if not m:
        return None
    sign, whole, frac = m.group(1), m.group(2), m.group(3)
    whole = whole.replace(",", "").replace("，", "")
    if frac:
        v: float | int = float(f"{whole}.{frac}")
    else:
        v = int(whole)
    return -v if sign == "-" else v
