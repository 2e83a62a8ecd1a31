"""Round trip: compare parsed reports with a synthetic corpus's truth, per file and per template.

A fact is compared on (metric, dims, value, scope, origin); `mention.*` facts are ignored (the
truth does not list dates, years and phone numbers). Metadata (agency, region, year, template,
published, doc_number, encoding) and blank template cells are compared too.

    python -m ogi.synth.roundtrip DIR     # parse DIR with ogi.batch.parse_many and print the summary
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ogi.synth.corpus import BLANKS_TRUTH, FACTS_TRUTH, TRUTH

Key = tuple[str, tuple[tuple[str, str], ...], float, str, str]
META = (
    ("agency", "agency"),
    ("region", "region"),
    ("report_year", "year"),
    ("template", "template"),
    ("published", "published"),
    ("doc_number", "doc_number"),
    ("encoding", "encoding"),
)


def fact_key(f: dict[str, Any]) -> Key:
    dims = tuple(sorted((str(k), str(v)) for k, v in (f.get("dims") or {}).items()))
    return (
        f["metric"],
        dims,
        round(float(f["value"]), 6),
        f.get("scope") or "year",
        f.get("origin") or "table",
    )


def _dims_text(dims: tuple[tuple[str, str], ...]) -> str:
    return ",".join(f"{k}={v}" for k, v in dims) or "-"


@dataclass(slots=True)
class FileDiff:
    """How one parsed report differs from its truth."""

    file: str
    template: str
    layout: str
    expected: int = 0
    got: int = 0
    correct: int = 0
    missing: list[dict[str, Any]] = field(
        default_factory=list
    )  # truth facts not reproduced, with what was got
    extra: list[Key] = field(default_factory=list)  # parsed facts the truth does not have
    meta: list[str] = field(default_factory=list)
    blanks_expected: int = 0
    blanks_correct: int = 0
    failure: str = ""

    @property
    def exact(self) -> bool:
        return (
            not self.failure
            and not self.missing
            and not self.extra
            and not self.meta
            and self.blanks_correct == self.blanks_expected
        )


@dataclass(slots=True)
class Truth:
    """A synthetic corpus's truth files, keyed by file name."""

    meta: dict[str, dict[str, Any]]
    facts: dict[str, list[dict[str, Any]]]
    blanks: dict[str, list[dict[str, Any]]]

    @staticmethod
    def load(folder: str | Path) -> Truth:
        d = Path(folder)

        def lines(name: str) -> list[dict[str, Any]]:
            path = d / name
            if not path.exists():
                return []
            with path.open(encoding="utf-8") as fh:
                return [json.loads(x) for x in fh if x.strip()]

        facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        blanks: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in lines(FACTS_TRUTH):
            facts[f["file"]].append(f)
        for b in lines(BLANKS_TRUTH):
            blanks[b["file"]].append(b)
        return Truth({t["file"]: t for t in lines(TRUTH)}, dict(facts), dict(blanks))


def compare(report: Any, file: str, truth: Truth) -> FileDiff:
    """Compare one parsed Report (or a failure reason string) with the truth of `file`."""
    meta = truth.meta[file]
    diff = FileDiff(file, meta.get("template", ""), meta.get("layout", ""))
    want = truth.facts.get(file, [])
    diff.expected = len(want)
    diff.blanks_expected = len(truth.blanks.get(file, []))
    if isinstance(report, str):
        diff.failure = report
        diff.missing = [{**f, "got": "file failed"} for f in want]
        return diff
    have = [f.as_dict(report.source, report.agency, report.year) for f in report.facts]
    have = [f for f in have if not str(f["metric"]).startswith("mention.")]
    diff.got = len(have)
    pool = Counter(fact_key(f) for f in have)
    by_md: dict[tuple[str, tuple[tuple[str, str], ...], str], list[str]] = defaultdict(list)
    for f in have:
        k = fact_key(f)
        by_md[(k[0], k[1], k[3])].append(
            f"{f['value']:g}/{k[4]}" if isinstance(f["value"], float) else f"{f['value']}/{k[4]}"
        )
    for f in want:
        k = fact_key(f)
        if pool[k] > 0:
            pool[k] -= 1
            diff.correct += 1
        else:
            got = by_md.get((k[0], k[1], k[3]))
            diff.missing.append({**f, "got": ", ".join(got[:4]) if got else "nothing"})
    diff.extra = sorted(k for k, c in pool.items() for _ in range(c))
    for key, attr in META:
        if key in meta and getattr(report, attr, None) != meta[key]:
            diff.meta.append(f"{key}: want {meta[key]!r}, got {getattr(report, attr, None)!r}")
    # blanks compare on metric and dims (BlankCell has no scope; a year and a 历年累计 blank count twice)
    want_blanks = Counter((b["metric"], tuple(sorted(b["dims"].items()))) for b in truth.blanks.get(file, []))
    have_blanks = Counter(
        (b.metric, tuple(sorted((k, v) for k, v in b.dims.items() if k != "scope"))) for b in report.blanks
    )
    diff.blanks_correct = sum((want_blanks & have_blanks).values())
    return diff


def run(folder: str | Path, processes: int = 1) -> list[FileDiff]:
    """Parse every report of a synthetic corpus (ogi.batch.parse_many) and compare each with its truth."""
    from ogi.batch import Failure, parse_many

    truth = Truth.load(folder)
    files = sorted(truth.meta)
    paths = [str(Path(folder) / f) for f in files]
    diffs = []
    for file, item in zip(files, parse_many(paths), strict=True):
        diffs.append(compare(item.reason if isinstance(item, Failure) else item, file, truth))
    return diffs


@dataclass(slots=True)
class Score:
    files: int = 0
    exact: int = 0
    expected: int = 0
    got: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.got if self.got else (1.0 if not self.expected else 0.0)


def scores(diffs: Iterable[FileDiff], by: str = "template") -> dict[str, Score]:
    """Recall and precision of facts per template (or per layout), plus the count of exact files."""
    out: dict[str, Score] = defaultdict(Score)
    for d in diffs:
        s = out[getattr(d, by)]
        s.files += 1
        s.exact += d.exact
        s.expected += d.expected
        s.got += d.got
        s.correct += d.correct
    return dict(sorted(out.items()))


def misses(diffs: Iterable[FileDiff], limit: int = 40) -> list[str]:
    """The constructs the parser misses, most frequent first: template, layout, origin, row label, metric/dims."""
    groups: Counter[tuple[str, str, str, str, str]] = Counter()
    example: dict[tuple[str, str, str, str, str], str] = {}
    for d in diffs:
        for f in d.missing:
            dims = {k: v for k, v in f["dims"].items() if k != "applicant"}
            g = (
                d.template,
                d.layout,
                f["origin"],
                f.get("label", ""),
                f"{f['metric']}[{_dims_text(tuple(sorted(dims.items())))}]{'' if f['scope'] == 'year' else '@cum'}",
            )
            groups[g] += 1
            example.setdefault(g, f"{d.file}:{f['line']} want {f['value']}, got {f['got']}")
    lines = [
        f"{n:5d}× {t}/{lay} {origin} «{lab}» {metric}  e.g. {example[(t, lay, origin, lab, metric)]}"
        for (t, lay, origin, lab, metric), n in groups.most_common(limit)
    ]
    return lines


def extras(diffs: Iterable[FileDiff], limit: int = 20) -> list[str]:
    groups: Counter[tuple[str, str, str]] = Counter()
    for d in diffs:
        for k in d.extra:
            groups[(d.template, k[4], f"{k[0]}[{_dims_text(k[1])}]")] += 1
    return [f"{n:5d}× {t} {origin} {m}" for (t, origin, m), n in groups.most_common(limit)]


def report_text(diffs: list[FileDiff]) -> str:
    """A plain-text summary: per-template and per-layout scores, metadata misses, top missed constructs."""
    out = ["template     files exact  expected    got  correct  recall  precision"]
    for name, s in {**scores(diffs), "ALL": _all(diffs)}.items():
        out.append(
            f"{name:<12} {s.files:5d} {s.exact:5d} {s.expected:9d} {s.got:6d} {s.correct:8d}  "
            f"{s.recall:6.3f}  {s.precision:9.3f}"
        )
    out.append("layout       files exact  expected    got  correct  recall  precision")
    for name, s in scores(diffs, "layout").items():
        out.append(
            f"{name:<12} {s.files:5d} {s.exact:5d} {s.expected:9d} {s.got:6d} {s.correct:8d}  "
            f"{s.recall:6.3f}  {s.precision:9.3f}"
        )
    meta = Counter(m.split(":")[0] for d in diffs for m in d.meta)
    out.append("metadata misses: " + (", ".join(f"{k} {v}" for k, v in sorted(meta.items())) or "none"))
    blanks_e = sum(d.blanks_expected for d in diffs)
    out.append(f"blank cells: {sum(d.blanks_correct for d in diffs)}/{blanks_e} reproduced")
    failed = [d for d in diffs if d.failure]
    if failed:
        out.append(f"failed files: {len(failed)} (e.g. {failed[0].file}: {failed[0].failure})")
    out.append("most missed constructs (count, template/layout, origin, «row label», metric[dims]):")
    out += misses(diffs) or ["  none"]
    out.append("facts parsed but not in the truth:")
    out += extras(diffs) or ["  none"]
    return "\n".join(out)


def _all(diffs: list[FileDiff]) -> Score:
    s = Score()
    for d in diffs:
        s.files += 1
        s.exact += d.exact
        s.expected += d.expected
        s.got += d.got
        s.correct += d.correct
    return s


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ogi.synth.roundtrip DIR", file=sys.stderr)
        return 2
    print(report_text(run(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
