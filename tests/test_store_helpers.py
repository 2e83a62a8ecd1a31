"""Helpers for the store tests: a stand-in parser reading reports written as JSON, and a small corpus.

The real parser is still growing, so the view tests build their store from reports whose facts are
spelled out here (per docs/conventions.md); the ingest tests also run on the bundled sample.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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
