"""Golden tests: the bundled seeds and the real corpus score perfectly against their hand-checked truth.

Runs `ogi extract` and the shared scorer (copied into tests/golden) without needing ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ogi.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


REPORT_SUFFIXES = (".txt", ".html", ".pdf", ".docx")


def _score(tmp_path: Path, corpus: str | Path, truth: str) -> str:
    folder = corpus if isinstance(corpus, Path) else ROOT / "data" / "raw" / corpus
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in REPORT_SUFFIXES)
    facts, reports = tmp_path / "facts.jsonl", tmp_path / "reports.jsonl"
    assert main(["extract", *files, "-o", str(facts), "--reports-out", str(reports)]) == 0
    out = subprocess.run(
        [
            sys.executable,
            str(GOLDEN / "score_extraction.py"),
            "--facts",
            str(facts),
            "--reports",
            str(reports),
            "--truth",
            str(GOLDEN / truth),
            "--verbose",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out


@pytest.mark.parametrize(("corpus", "truth"), [("seeds", "seeds_truth.jsonl"), ("real", "real_truth.jsonl")])
def test_corpus_scores_perfectly(tmp_path: Path, corpus: str, truth: str) -> None:
    out = _score(tmp_path, corpus, truth)
    last = out.strip().splitlines()[-1]
    assert "recall 1.000 precision 1.000" in last, out


def _figures(line: str) -> tuple[float, float]:
    """(recall, precision) from a scorer line `...: recall R precision P (...)`."""
    words = line.split()
    return float(words[words.index("recall") + 1]), float(words[words.index("precision") + 1])


def test_real2_keeps_its_score(tmp_path: Path) -> None:
    """Twenty more real texts (12 provinces, 2008-2025, some in traditional characters): a regression
    guard at the level reached, not a target fitted to them (rules stay general; see docs/conventions.md)."""
    out = _score(tmp_path, GOLDEN / "real2", "real2_truth.jsonl")
    recall, precision = _figures(out.strip().splitlines()[-1])
    assert recall >= 0.985 and precision == 1.0, out


def test_real3_keeps_its_score(tmp_path: Path) -> None:
    """Thirty real page openings chosen for figures in running prose (25 provinces, 2009-2025), scored
    blind before the enumeration grammar (recall 0.744, precision 0.994) and kept as a regression guard
    at the level reached (headline 0.990 / 1.000, cells 0.937 / 1.000 with main's agency rules and flattened tables
    merged), not as a target fitted to them."""
    out = _score(tmp_path, GOLDEN / "real3", "real3_truth.jsonl")
    lines = out.strip().splitlines()
    recall, precision = _figures(lines[-1])
    assert recall >= 0.98 and precision == 1.0, out
    cells = next(line for line in lines if line.startswith("cells:"))
    cell_recall, cell_precision = _figures(cells)
    assert cell_recall >= 0.93 and cell_precision == 1.0, out


@pytest.mark.slow
def test_real_pdf_and_cms_pages_keep_their_score(tmp_path: Path) -> None:
    """The real PDF and CMS pages as published: every template cell, and the headline figures."""
    out = _score(tmp_path, "formats", "formats_all_truth.jsonl")
    lines = out.strip().splitlines()
    cells = next(line for line in lines if line.startswith("cells:"))
    assert _figures(cells) == (1.0, 1.0), out
    recall, precision = _figures(lines[-1])
    assert recall >= 0.97 and precision >= 0.99, out


def test_seed_metadata(tmp_path: Path) -> None:
    reports = tmp_path / "r.jsonl"
    files = sorted(str(p) for p in (ROOT / "data" / "raw" / "seeds").glob("*.txt"))
    assert main(["extract", *files, "-o", str(tmp_path / "f.jsonl"), "--reports-out", str(reports)]) == 0
    meta = {
        Path(r["source"]).name[:3]: r
        for r in map(json.loads, reports.read_text(encoding="utf-8").splitlines())
    }
    assert meta["000"]["doc_number"] == "晋政梅〔2019〕2号"
    assert meta["000"]["published"] == "2019-01-07"
    assert meta["000"]["template"] == "pre2014"
    assert meta["001"]["signer"] == "张志友"
    assert meta["002"]["template"] == "2019"
    assert meta["003"]["template"] == "statform"
    assert meta["004"]["template"] == "narrative"
    assert meta["004"]["truncated"] is True
    assert meta["002"]["truncated"] is False
    assert [r["year"] for _, r in sorted(meta.items())] == [2018, 2017, 2020, 2018, 2019]
