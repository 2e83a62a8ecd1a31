"""Ingest parses each report once: the year-over-year check stage loads what the parse stage parsed.

Before, `_check_chain` parsed every report needing findings and its previous year again (31–34% of
that stage's CPU). The findings must be exactly what parsing again gave.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from ogi import parsed_spool
from ogi.batch import parse_one
from ogi.facts import Report
from ogi.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT / "tests" / "golden" / "real2"


def _consecutive_years(folder: Path) -> Path:
    """Real reports plus each one restated for the following year: every agency gets a previous year."""
    folder.mkdir()
    for name in ("hb004.txt", "hb006.txt"):
        text = (SERIES / name).read_text(encoding="utf-8")
        year = max(int(y) for y in re.findall(r"(20[12]\d)\s*年", text))
        (folder / name).write_text(text, encoding="utf-8")
        (folder / f"next_{name}").write_text(text.replace(str(year), str(year + 1)), encoding="utf-8")
    return folder


def _ingest(inputs: Path, out: Path, calls: Counter[str]) -> pl.DataFrame:
    def counting_parse(path: str) -> Report:
        calls[Path(path).name] += 1
        return parse_one(path)

    result = ingest([inputs], out, jobs=1, parse=counting_parse)
    assert result.read == 4
    return pl.read_parquet(out / "findings.parquet").sort(pl.all())


def test_check_stage_reuses_the_parsed_reports_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _consecutive_years(tmp_path / "reports")
    once: Counter[str] = Counter()
    reused = _ingest(inputs, tmp_path / "spool", once)
    assert once and set(once.values()) == {1}  # every report parsed exactly once

    monkeypatch.setattr(parsed_spool, "put", lambda report, sha: None)  # the old way: parse again
    again: Counter[str] = Counter()
    reparsed = _ingest(inputs, tmp_path / "reparse", again)
    assert max(again.values()) >= 2  # (checks with a previous year did parse again)
    assert reused.equals(reparsed) and reused.height > 0


def test_spool_is_private_and_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed_spool.start(True)
    folder = Path(parsed_spool.os.environ[parsed_spool.SPOOL_ENV])
    try:
        assert folder.is_dir() and (folder.stat().st_mode & 0o077) == 0
        report = parse_one(str(SERIES / "hb004.txt"))
        parsed_spool.put(report, "abc123")
        back = parsed_spool.get("abc123")
        assert isinstance(back, Report) and back.doc is not None and back.doc.lines == report.doc.lines
        assert parsed_spool.get("../../etc/passwd") is None and parsed_spool.get("missing") is None
    finally:
        parsed_spool.finish()
    assert not folder.exists() and parsed_spool.get("abc123") is None
