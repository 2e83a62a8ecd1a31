"""Write a synthetic corpus: N report files plus truth.jsonl, facts_truth.jsonl and blanks_truth.jsonl.

truth.jsonl has one line per report in the format of the hand-checked seeds truth (so
tests/golden/score_extraction.py scores a round trip); facts_truth.jsonl has every expected fact
(metric, dims, value, unit, scope, origin, line) and blanks_truth.jsonl every blank template cell.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ogi.errors import SynthError
from ogi.synth.builder import LAYOUTS
from ogi.synth.damage import DAMAGED_LAYOUTS
from ogi.synth.templates import TEMPLATES, Draft, make_report

TRUTH = "truth.jsonl"
FACTS_TRUTH = "facts_truth.jsonl"
BLANKS_TRUTH = "blanks_truth.jsonl"
NAME_PREFIX = "syn"

# reader's name for each encoding we write (what Report.encoding should say)
ENCODINGS = (("utf-8", "utf-8", 0.85), ("gb18030", "gb18030", 0.10), ("utf-16", "utf-16-le", 0.05))
_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ","})

CHANNEL_ZH = {
    "website": "政府网站",
    "gazette": "政府公报",
    "weibo": "政务微博",
    "wechat": "微信公众号",
    "bulletin_board": "公开栏",
    "new_media": "政务新媒体",
    "other": "其他",
}
APP_CHANNEL_ZH = {
    "in_person": "当面",
    "online": "网络",
    "letter": "信函",
    "fax": "传真",
    "letter_fax": "信函、传真",
    "other": "其他",
}
OUTCOME_ZH = {
    "granted": "予以公开",
    "partial": "部分公开",
    "denied": "不予公开",
    "unavailable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
    "total": "总计",
}
REVIEW_ZH = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}


@dataclass(slots=True)
class Summary:
    """What one `generate` call wrote: counts by template, layout and encoding, facts and blanks."""

    out: str
    reports: int = 0
    facts: int = 0
    blanks: int = 0
    templates: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)
    encodings: Counter[str] = field(default_factory=Counter)


def plan(
    n: int, templates: Sequence[str] = TEMPLATES, layouts: Sequence[str] = LAYOUTS
) -> list[tuple[int, str, str]]:
    """(index, template, layout) for N reports: every template × layout pair within len(T)·len(L) reports."""
    for t in templates:
        if t not in TEMPLATES:
            raise SynthError(f"unknown template {t!r} (known: {', '.join(TEMPLATES)})")
    for lay in layouts:
        if lay not in LAYOUTS + DAMAGED_LAYOUTS:
            raise SynthError(f"unknown layout {lay!r} (known: {', '.join(LAYOUTS + DAMAGED_LAYOUTS)})")
    if not templates or not layouts:
        raise SynthError("at least one template and one layout are needed")
    return [
        (i, templates[i % len(templates)], layouts[(i // len(templates)) % len(layouts)]) for i in range(n)
    ]


def file_name(index: int) -> str:
    return f"{NAME_PREFIX}{index:05d}.txt"


def encode(draft: Draft, seed: int, index: int) -> tuple[bytes, str]:
    """The report's bytes and the encoding name the reader should report (UTF-8, GB18030 or UTF-16, some CRLF)."""
    rng = random.Random(f"ogi-synth-bytes:{seed}:{index}")
    text = draft.tb.text()
    if draft.tb.style.halfwidth_punct:
        text = text.translate(_HALF)
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    codec, name, _ = rng.choices(ENCODINGS, weights=[w for *_, w in ENCODINGS])[0]
    return text.encode(codec), name


def truth_line(file: str, draft: Draft, encoding: str) -> dict[str, Any]:
    """The report's line in the seeds-truth format (keys only for figures the report states)."""
    a = draft.agency
    t: dict[str, Any] = {
        "file": file,
        "agency": a.name,
        "region": a.region,
        "report_year": draft.year,
        "published": draft.published,
    }
    if draft.doc_number:
        t["doc_number"] = draft.doc_number
    t.update(template=draft.template, layout=draft.layout, encoding=encoding)
    facts = draft.tb.facts

    def first(metric: str, scope: str = "year", **dims: str) -> Any:
        for f in facts:
            if f["metric"] == metric and f["scope"] == scope and f["dims"] == dims:
                return f["value"]
        return None

    def labelled(metric: str, key: str, names: dict[str, str] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in facts:
            if f["metric"] == metric and f["scope"] == "year" and set(f["dims"]) == {key}:
                code = f["dims"][key]
                name = names.get(code) if names is not None else code
                if name:
                    out.setdefault(name, f["value"])
        return out

    figures: dict[str, Any] = {
        "proactive_total": first("proactive.total"),
        "proactive_cumulative": first("proactive.total", scope="cumulative"),
        "proactive_by_category": labelled("proactive.category", "category"),
        "channels": labelled("proactive.channel", "channel", CHANNEL_ZH),
        "applications_received": first("applications.received"),
        "applications_by_channel": labelled("applications.channel", "channel", APP_CHANNEL_ZH),
        "application_outcomes": labelled("applications.outcome", "outcome", OUTCOME_ZH),
        "applications_carried_over": first("applications.carried_over"),
        "applications_carried_forward": first("applications.carried_forward"),
        "admin_review_total": first("review.count"),
        "admin_review": labelled("review.count", "outcome", REVIEW_ZH),
        "litigation_total": first("litigation.count"),
        "hotline_and_complaints": labelled("complaints.count", "source"),
        "inquiries": labelled("inquiries.count", "channel"),
        "policy_interpretations": first("interpretation.count"),
        "fees_yuan": first("fees.amount"),
        "staff_total": first("staff.count"),
    }
    t.update((k, v) for k, v in figures.items() if v not in (None, {}))
    return t


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def _prepare(out: Path) -> None:
    """Create `out`, or clear the report files of an earlier corpus there; refuse any other non-empty folder."""
    if out.exists() and not out.is_dir():
        raise SynthError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    entries = [p for p in out.iterdir() if not p.name.startswith(".")]
    if not entries:
        return
    if not (out / TRUTH).is_file():
        raise SynthError(
            f"{out}: folder is not empty and holds no synthetic corpus ({TRUTH}); choose an empty folder"
        )
    for p in entries:
        if p.name.startswith(NAME_PREFIX) and p.suffix == ".txt" and p.is_file():
            p.unlink()


def _write_file(path: Path, data: bytes, durable: bool) -> None:
    """Write via a temp file and rename (fsync only when `durable`: the bench writes 10,000 throwaway files)."""
    if durable:
        from ogi.atomic import write_bytes

        write_bytes(path, data)
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def drafts(
    n: int, seed: int = 0, templates: Sequence[str] = TEMPLATES, layouts: Sequence[str] = LAYOUTS
) -> Iterator[tuple[int, Draft]]:
    """The drafts of a corpus in index order (no files written)."""
    for index, template, layout in plan(n, templates, layouts):
        yield index, make_report(seed, index, template, layout)


def generate(
    n: int,
    out: str | Path,
    seed: int = 0,
    templates: Sequence[str] = TEMPLATES,
    layouts: Sequence[str] = LAYOUTS,
    durable: bool = True,
) -> Summary:
    """Write N synthetic reports and their truth files into `out`; same arguments → byte-identical files."""
    from ogi.atomic import atomic_open

    if n < 0:
        raise SynthError(f"number of reports must be ≥ 0, not {n}")
    jobs = plan(n, templates, layouts)  # validates before touching the folder
    folder = Path(out)
    _prepare(folder)
    summary = Summary(out=str(folder))
    with ExitStack() as stack:
        truth = stack.enter_context(atomic_open(folder / TRUTH))
        facts = stack.enter_context(atomic_open(folder / FACTS_TRUTH))
        blanks = stack.enter_context(atomic_open(folder / BLANKS_TRUTH))
        for index, template, layout in jobs:
            draft = make_report(seed, index, template, layout)
            name = file_name(index)
            data, encoding = encode(draft, seed, index)
            _write_file(folder / name, data, durable)
            truth.write(_dump(truth_line(name, draft, encoding)))
            for f in draft.tb.facts:
                facts.write(_dump({"file": name, **f}))
            for b in draft.tb.blanks:
                blanks.write(_dump({"file": name, **b}))
            summary.reports += 1
            summary.facts += len(draft.tb.facts)
            summary.blanks += len(draft.tb.blanks)
            summary.templates[draft.template] += 1
            summary.layouts[draft.layout] += 1
            summary.encodings[encoding] += 1
    return summary
