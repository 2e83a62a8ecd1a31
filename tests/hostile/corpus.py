"""Writes every hostile input case into a folder; each case names what it is and what the tool must do.

The corpus is generated (never committed) from a seed report in data/raw/seeds, so it stays small in
git and every case is reproducible byte for byte (fixed random seed). `expect` is `fail` when the file
must be refused with a one-line reason, `ok` when it must be read, and `either` when both are fine
as long as there is no traceback.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "raw" / "seeds"

SCRIPT_NAME = "<script>window.__pwned=1</script>局"
IMG_NAME = '"><img src=x onerror="window.__pwned=1">局'
HOSTILE_AGENCIES = (
    SCRIPT_NAME,
    IMG_NAME,
    "../../etc局",
    "CON",
    "NUL局",
    "\u202e局务办公室\u202c",
    "西\u200b园\u200d街道办事处",
)


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile file: its name in the corpus, how to make its bytes and what must happen."""

    name: str
    make: Callable[[], bytes]
    expect: str  # "fail" | "ok" | "either"
    what: str
    big: bool = False  # only written by the memory tests (tens of MB)


def seed_text() -> str:
    """A real template report (the 2020 one, with tables) to build cases from."""
    return sorted(SEEDS.glob("002_*.txt"))[0].read_text(encoding="utf-8")


def _with_title(title: str) -> bytes:
    body = seed_text().split("\n", 3)[-1]
    return (f"{title}\n\n" + body).encode("utf-8")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _truncated(enc: str) -> bytes:
    data = seed_text()[:3000].encode(enc)
    # cut in the middle of the last multi-byte character
    for cut in range(len(data) - 1, 0, -1):
        try:
            data[:cut].decode(enc)
        except UnicodeDecodeError:
            return data[:cut]
    raise AssertionError("no multi-byte character to cut")


def _mixed() -> bytes:
    text = seed_text()
    half = len(text) // 2
    return text[:half].encode("utf-8") + text[half:].encode("gbk", errors="replace")


def _random(n: int = 64 * 1024) -> bytes:
    return random.Random(8).randbytes(n)


def _rtl_zero_width() -> bytes:
    text = seed_text()
    text = text.replace("街道", "街\u200b道\u200d", 5).replace("公开", "\u202e公开\u202c", 5)
    return ("\u2067\ufeff" + text + "\u200f").encode("utf-8")


def _forty_digits() -> bytes:
    n = "1234567890" * 4
    text = re.sub(r"(?<=\|)\s*\d+\s*(?=\|)", f" {n} ", seed_text())
    return (text + f"\n本年共收到申请{n}件，其中予以公开{n}件。\n").encode("utf-8")


def _nested_tables(depth: int = 3000) -> bytes:
    inner = "<td>本年新收政府信息公开申请数量</td><td>12</td>"
    html = "<table><tr><td>" * depth + f"<table><tr>{inner}</tr></table>" + "</td></tr></table>" * depth
    return f"<html><body><h1>某某局2021年政府信息公开工作年度报告</h1>{html}</body></html>".encode()


def _nested_html_table_file() -> bytes:
    return _nested_tables()


def _big_report(mb: int = 50) -> bytes:
    unit = seed_text().encode("utf-8")
    return unit * (mb * 1024 * 1024 // len(unit) + 1)


def _long_line(mb: int = 5) -> bytes:
    head = "某某局2021年政府信息公开工作年度报告\n"
    unit = "本年共收到申请12件，其中予以公开3件，"
    n = mb * 1024 * 1024 // len(unit.encode("utf-8")) + 1
    return (head + unit * n + "\n").encode("utf-8")


def _short_lines(n: int = 100_000) -> bytes:
    return (
        "某某局2021年政府信息公开工作年度报告\n" + "".join(f"第{i}行 {i % 97}件\n" for i in range(n))
    ).encode("utf-8")


def _broken_zip(suffix_magic: bytes) -> Callable[[], bytes]:
    return lambda: suffix_magic + _random(4096)


CASES: tuple[Case, ...] = (
    Case("empty.txt", lambda: b"", "fail", "empty file (0 bytes)"),
    Case(
        "whitespace.txt",
        lambda: " \n\u3000\u3000\n\t\u200b\n".encode(),
        "fail",
        "zero characters of text after decoding",
    ),
    Case("bom_only.txt", lambda: b"\xef\xbb\xbf", "fail", "a UTF-8 BOM and nothing else"),
    Case("random.txt", _random, "fail", "64 KB of random bytes"),
    Case("image.txt", _png, "fail", "a PNG renamed .txt"),
    Case("truncated_utf8.txt", lambda: _truncated("utf-8"), "either", "UTF-8 cut inside a character"),
    Case("truncated_gbk.txt", lambda: _truncated("gbk"), "either", "GBK cut inside a character"),
    Case("mixed_encodings.txt", _mixed, "either", "first half UTF-8, second half GBK"),
    Case("digits40.txt", _forty_digits, "either", "table cells and prose with 40-digit numbers"),
    Case("nested_tables.html", _nested_html_table_file, "either", "tables nested 3000 deep"),
    Case("short_lines.txt", _short_lines, "either", "100,000 short lines"),
    Case("rtl_zero_width.txt", _rtl_zero_width, "ok", "RTL overrides and zero-width marks inside words"),
    Case(
        "year9999.txt",
        lambda: _with_title("某某局9999年政府信息公开工作年度报告"),
        "either",
        "a report claiming year 9999",
    ),
    Case(
        "year0.txt",
        lambda: _with_title("某某局0年政府信息公开工作年度报告"),
        "either",
        "a report claiming year 0",
    ),
    Case(
        "agency_script.txt",
        lambda: _with_title(f"{SCRIPT_NAME}2020年政府信息公开工作年度报告"),
        "either",
        "agency name holding <script>",
    ),
    Case(
        "agency_img.txt",
        lambda: _with_title(f"{IMG_NAME}2020年政府信息公开工作年度报告"),
        "either",
        'agency name holding "><img onerror=…>',
    ),
    Case(
        "agency_dotdot.txt",
        lambda: _with_title("../../etc局2020年政府信息公开工作年度报告"),
        "either",
        "agency name ../../etc",
    ),
    Case(
        "CON.txt",
        lambda: _with_title("CON2020年政府信息公开工作年度报告"),
        "either",
        "file and agency named CON",
    ),
    Case("fake.docx", _broken_zip(b"PK\x03\x04word/"), "fail", "a damaged DOCX"),
    Case("fake.pdf", _broken_zip(b"%PDF-1.7\n"), "fail", "a damaged PDF"),
    Case("legacy.doc", lambda: b"\xd0\xcf\x11\xe0" + _random(512), "fail", "a legacy .doc"),
    Case("big50mb.txt", _big_report, "either", "a 50 MB report", big=True),
    Case("line5mb.txt", _long_line, "either", "one 5 MB line", big=True),
)


def by_name(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def write_corpus(folder: Path, include_big: bool = False) -> dict[str, Path]:
    """Write every (small) case into `folder`; return name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for case in CASES:
        if case.big and not include_big:
            continue
        path = folder / case.name
        path.write_bytes(case.make())
        out[case.name] = path
    return out


def write_good(folder: Path) -> list[Path]:
    """Copy the good seed reports into `folder` (the reports whose facts must not be lost)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted(SEEDS.glob("*.txt")):
        dst = folder / src.name
        dst.write_bytes(src.read_bytes())
        out.append(dst)
    return out
