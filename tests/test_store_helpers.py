"""Helpers for the store tests, and tests that pin them: a stand-in parser reading reports written as
JSON, and a small corpus.

The view tests build their store from reports whose facts are spelled out here (per
docs/conventions.md), so each expected figure is known exactly; the ingest tests also run on the
bundled sample with the real parser.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from ogi.errors import ReadError
from ogi.facts import Fact, Report


def json_parse(path: str) -> Report:
    """Parse a JSON 'report' (agency, region, year, facts as [metric, value, dims, origin]) into a Report."""
    data = Path(path).read_bytes()
    try:
        spec = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(path, f"not a JSON report ({type(exc).__name__})") from None
    facts = [
        Fact(metric=m, value=v, unit="件", line=i + 1, quote=f"{m} {v}", dims=d, origin=o)
        for i, (m, v, d, o) in enumerate(spec.get("facts", []))
    ]
    return Report(
        source=path,
        report_id=hashlib.sha256(data).hexdigest()[:16],
        agency=spec.get("agency"),
        region=spec.get("region"),
        year=spec.get("year"),
        template=spec.get("template", "2021"),
        published=spec.get("published"),
        facts=facts,
    )


def report_spec(agency: str, region: str | None, year: int, proactive: int, **extra: Any) -> dict[str, Any]:
    """A report with a full set of the facts the views read, scaled by `proactive`."""
    p = proactive
    facts: list[list[Any]] = [
        ["proactive.total", p, {}, "prose"],
        ["proactive.category", p // 2, {"category": "机构职能"}, "prose"],
        ["proactive.category", p - p // 2, {"category": "规划计划"}, "prose"],
        ["proactive.channel", p, {"channel": "website"}, "table"],
        ["proactive.channel", 3, {"channel": "wechat"}, "table"],
        ["applications.received", 5, {}, "table"],
        ["applications.received", 4, {"applicant": "natural_person"}, "table"],
        ["applications.received", 1, {"applicant": "business"}, "table"],
        ["applications.carried_over", 1, {}, "table"],
        ["applications.outcome", 3, {"outcome": "granted"}, "table"],
        ["applications.outcome", 1, {"outcome": "denied", "reason": "属于国家秘密"}, "table"],
        ["applications.outcome", 1, {"outcome": "denied", "reason": "其他法律行政法规禁止公开"}, "table"],
        ["applications.outcome", 6, {"outcome": "total"}, "table"],
        ["applications.carried_forward", 0, {}, "table"],
        ["review.count", 1, {"outcome": "upheld"}, "table"],
        ["review.count", 1, {"outcome": "corrected"}, "table"],
        ["review.count", 2, {}, "table"],
        ["litigation.count", 1, {"route": "direct", "outcome": "upheld"}, "table"],
        ["litigation.count", 1, {"route": "direct"}, "table"],
        ["litigation.count", 2, {"route": "after_review"}, "table"],
        ["complaints.count", 81, {"source": "泉州12345平台"}, "prose"],
        ["complaints.count", 13, {"source": "电话投诉"}, "prose"],
        ["inquiries.count", 78, {"channel": "现场接待"}, "prose"],
        ["mention.percent", 12.5, {"label": "占比", "of": "机构职能"}, "prose"],
        ["response.interviews", 1, {"attendee": "leader", "derived": "true"}, "prose"],
    ]
    return {"agency": agency, "region": region, "year": year, "facts": facts, **extra}


CORPUS: dict[str, dict[str, Any]] = {
    "a2019.json.txt": report_spec("梅岭街道办事处", "福建省泉州市晋江市", 2019, 100, published="2020-01-10"),
    "a2020.json.txt": report_spec("晋江市梅岭街道办事处", None, 2020, 120, published="2021-01-10"),
    "b2020.json.txt": report_spec("罗山街道办事处", "福建省泉州市晋江市", 2020, 60),
    "c2020.json.txt": report_spec("灵源街道", "福建省泉州市晋江市", 2020, 80),
    "d2020.json.txt": report_spec("桂花街道办事处", "湖南省株洲市荷塘区", 2020, 999),
}


def write_corpus(root: Path, corpus: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write the JSON reports under root/raw and return that folder."""
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name, spec in (corpus or CORPUS).items():
        (raw / name).write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return raw


def store_bytes(out: Path) -> dict[str, bytes]:
    """The store's frame files by name (to compare runs byte for byte)."""
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.parquet"))}


# The store tests rest on these helpers: if the stand-in parser or the corpus drifted, the ingest and
# view tests would check a different store than they say. These tests pin what the others assume.


def test_json_parse_reads_a_written_report_with_its_facts_in_order(tmp_path: Path) -> None:
    raw = write_corpus(tmp_path)
    report = json_parse(str(raw / "a2019.json.txt"))
    spec = CORPUS["a2019.json.txt"]
    assert (report.agency, report.region, report.year, report.published) == (
        "梅岭街道办事处",
        "福建省泉州市晋江市",
        2019,
        "2020-01-10",
    )
    assert [(f.metric, f.value, f.dims, f.origin) for f in report.facts] == [tuple(f) for f in spec["facts"]]
    assert [f.line for f in report.facts] == list(range(1, len(spec["facts"]) + 1))


def test_json_parse_keys_reports_by_their_bytes(tmp_path: Path) -> None:
    raw = write_corpus(tmp_path)
    ids = {name: json_parse(str(raw / name)).report_id for name in CORPUS}
    assert len(set(ids.values())) == len(CORPUS)  # the ingest cache and de-duplication key on it
    copy = tmp_path / "copy.json.txt"
    copy.write_bytes((raw / "b2020.json.txt").read_bytes())
    assert json_parse(str(copy)).report_id == ids["b2020.json.txt"]


@pytest.mark.parametrize("data", [b"\xff\xfe not utf-8", b"{not json", b""])
def test_json_parse_refuses_other_files_with_a_read_error(tmp_path: Path, data: bytes) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    with pytest.raises(ReadError) as exc:
        json_parse(str(bad))
    assert exc.value.path == str(bad) and exc.value.reason.startswith("not a JSON report")


def test_report_spec_scales_the_proactive_figures() -> None:
    facts = report_spec("甲", None, 2020, 101)["facts"]
    proactive = {tuple(sorted(d.items())): v for m, v, d, _ in facts if m.startswith("proactive.")}
    assert proactive[()] == 101
    categories = [v for m, v, _, _ in facts if m == "proactive.category"]
    assert sum(categories) == 101  # the category mix adds up to the total the views compare it with


def test_store_bytes_lists_only_frames_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.parquet").write_bytes(b"2")
    (tmp_path / "a.parquet").write_bytes(b"1")
    (tmp_path / "manifest.json").write_bytes(b"x")
    assert list(store_bytes(tmp_path).items()) == [("a.parquet", b"1"), ("b.parquet", b"2")]
