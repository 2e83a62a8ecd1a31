"""Traditional characters: a 繁體 copy of every seed and real report gives the same facts as the original.

The copies are made here with OpenCC (s2t and s2tw), so nothing is tuned on stored traditional text.
Facts are compared on (metric, dims after t2s, value, scope); the copy's quotes and labels must be
printed text of the copy itself (the parser works on a simplified view but reports what was printed).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import opencc
import pytest

from ogi.batch import parse_one
from ogi.facts import Report
from ogi.parse.script import is_traditional, simplified_view, to_simplified

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt")) + sorted(
    (ROOT / "data" / "raw" / "real").glob("h*.txt")
)
CONVERTERS = {name: opencc.OpenCC(name) for name in ("s2t", "s2tw")}


def _key(report: Report) -> Counter:
    return Counter(
        (
            f.metric,
            tuple(sorted((k, to_simplified(v)) for k, v in f.dims.items())),
            f.value,
            f.scope,
        )
        for f in report.facts
    )


def _traditional_copy(src: Path, tmp_path: Path, conv: str) -> Path:
    text = src.read_text(encoding="utf-8")
    out = tmp_path / src.name
    out.write_text(CONVERTERS[conv].convert(text), encoding="utf-8")
    return out


@pytest.mark.parametrize("conv", sorted(CONVERTERS))
@pytest.mark.parametrize("src", FILES, ids=[p.name[:12] for p in FILES])
def test_traditional_copy_gives_the_same_facts(src: Path, conv: str, tmp_path: Path) -> None:
    original = parse_one(str(src))
    copy_path = _traditional_copy(src, tmp_path, conv)
    copy = parse_one(str(copy_path))
    assert original.facts, "the original must have facts for this test to mean anything"
    want, got = _key(original), _key(copy)
    assert got == want, {"missing": want - got, "extra": got - want}
    # the year and the agency: the same body, printed as the copy prints it
    assert copy.year == original.year
    if original.agency:
        assert copy.agency and to_simplified(copy.agency) == original.agency
        assert copy.agency in copy_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("src", FILES, ids=[p.name[:12] for p in FILES])
def test_traditional_quotes_are_printed_text(src: Path, tmp_path: Path) -> None:
    original = parse_one(str(src))
    copy = parse_one(str(_traditional_copy(src, tmp_path, "s2t")))
    assert copy.doc is not None and original.doc is not None
    lines = copy.doc.lines
    for f in copy.facts:
        if f.origin != "prose":
            continue
        line = lines[f.line - 1]
        assert f.quote in line or f.quote in copy.doc.norm[f.line - 1], (f.line, f.quote)
        for label in f.dims.values():
            if not label.isascii() and to_simplified(label) in to_simplified(line):
                assert label in line, (f.line, label)  # printed as the copy prints it


def test_detection_is_cheap_and_exact() -> None:
    simplified = (
        "根据《中华人民共和国政府信息公开条例》规定，现公布梅岭街道办事处2018年政府信息公开工作年度报告。"
    )
    assert not is_traditional(simplified)
    assert is_traditional(CONVERTERS["s2t"].convert(simplified))
    assert not is_traditional("2018 | 12 | 0")
    for src in FILES:
        assert not is_traditional(src.read_text(encoding="utf-8")), src.name


def test_view_keeps_lines_and_positions() -> None:
    from ogi.readers import lines_document

    text = "信息來源:沙塘鎮人民政府\n2016年鎮政府信息公開全年發布各類信息247條,其中機構概況類5條。"
    doc = lines_document("t.txt", text, "text", "utf-8")
    view = simplified_view(doc)
    assert view is not None
    assert [len(x) for x in view.simple.lines] == [len(x) for x in doc.lines]
    assert view.simple.lines[0] == "信息来源:沙塘镇人民政府"
    assert view.printed("机构概况", 2) == "機構概況"
    assert view.printed("沙塘镇人民政府") == "沙塘鎮人民政府"
    assert view.printed("website", 2) == "website"
    assert simplified_view(lines_document("s.txt", to_simplified(text), "text", "utf-8")) is None


def _html_pair(name: str, tmp_path: Path) -> tuple[Report, Report]:
    src = ROOT / "tests" / "fixtures" / "formats" / name
    copy = tmp_path / name
    data = src.read_bytes()
    try:
        codec, text = "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        codec, text = "gb18030", data.decode("gb18030")
    copy.write_bytes(CONVERTERS["s2t"].convert(text).encode(codec))
    return parse_one(str(src)), parse_one(str(copy))


def _figures(report: Report) -> Counter:
    return Counter(k for k in _key(report).elements() if not k[0].startswith("mention."))


@pytest.mark.parametrize("name", ["r2021.html", "seed002.html"])
def test_traditional_html_tables(name: str, tmp_path: Path) -> None:
    """An HTML page in traditional characters: its table cells are read on the simplified view too."""
    original, parsed = _html_pair(name, tmp_path)
    assert _figures(original) and _figures(parsed) == _figures(original)
    assert parsed.template == original.template
    assert parsed.year == original.year


def test_traditional_html_title_line(tmp_path: Path) -> None:
    original, parsed = _html_pair("r2021.html", tmp_path)
    assert parsed.doc is not None and original.doc is not None
    assert to_simplified(parsed.doc.lines[0]) == original.doc.lines[0]


def test_detection_characters_come_from_the_converter() -> None:
    """script_chars.TRADITIONAL is the converter's own set (regenerate it with traditional_chars())."""
    from ogi.parse.script import traditional_chars
    from ogi.parse.script_chars import TRADITIONAL

    now = set(traditional_chars())
    assert len(TRADITIONAL) == len(set(TRADITIONAL)) > 3000
    drift = now ^ set(TRADITIONAL)
    assert len(drift) <= len(now) // 100, f"OpenCC's t2s set moved by {len(drift)} characters: regenerate"
