"""Every hostile file through extract and check: one-line failure or success, the batch goes on, no facts lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile.conftest import failure_lines, ogi
from hostile.corpus import CASES
from ogi.batch import Failure, parse_many

SMALL = [c for c in CASES if not c.big]
# a case over 1 MB takes the parser seconds: it runs in the whole suite, not in `make test-fast`
BY_SIZE = [pytest.param(c, marks=pytest.mark.slow) if len(c.make()) > 1_000_000 else c for c in SMALL]


@pytest.mark.parametrize("case", BY_SIZE, ids=lambda c: c.name)
def test_each_case_reads_or_fails_in_one_line(case, corpus: dict[str, Path]) -> None:
    items = list(parse_many([str(corpus[case.name])]))
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Failure):
        assert case.expect in ("fail", "either"), f"{case.name} should have been read: {item}"
        assert item.reason.strip() and "\n" not in item.reason and len(item.reason) <= 300
        assert "Traceback" not in item.reason and "internal parser error" not in item.reason
    else:
        assert case.expect in ("ok", "either"), f"{case.name} should have been refused"
        from ogi.checks import run_checks

        run_checks(item, None)  # the checks must not crash on what the parser made of it


def _facts_by_source(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        out.setdefault(json.loads(line)["source"], []).append(line)
    return out


@pytest.fixture(scope="module")
def mixed_extract(corpus: dict[str, Path], good: list[Path], tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("extract")
    bad = [str(corpus[c.name]) for c in SMALL]
    goods = [str(p) for p in good]
    alone = ogi("extract", *goods, "-o", str(tmp / "alone.jsonl"))
    # good files first, last and in the middle: a bad file must not disturb its neighbours
    order = goods[:2] + bad[: len(bad) // 2] + goods[2:4] + bad[len(bad) // 2 :] + goods[4:]
    mixed = ogi("extract", *order, "-o", str(tmp / "mixed.jsonl"))
    return alone, mixed, tmp


@pytest.mark.slow
def test_extract_mixed_batch_loses_no_fact_of_the_good_files(mixed_extract, good: list[Path]) -> None:
    alone, _mixed, tmp = mixed_extract
    assert alone.returncode == 0, alone.stderr
    a, m = _facts_by_source(tmp / "alone.jsonl"), _facts_by_source(tmp / "mixed.jsonl")
    for p in good:
        assert a.get(str(p)), f"no facts for good file {p}"
        assert m.get(str(p)) == a[str(p)], f"facts of {p.name} differ in the mixed batch"


@pytest.mark.slow
def test_extract_mixed_batch_names_each_bad_file_once(mixed_extract, corpus: dict[str, Path]) -> None:
    _, mixed, _ = mixed_extract
    assert "Traceback" not in mixed.stderr
    assert mixed.returncode == 1
    failed = failure_lines(mixed.stderr)
    for case in SMALL:
        path = str(corpus[case.name])
        if case.expect == "fail":
            assert failed.get(path), f"{case.name} not reported as failed"
        if case.expect == "ok":
            assert path not in failed, failed.get(path)
    assert mixed.stderr.count(f"{corpus['empty.txt']}: ") == 2  # the line, and its copy in the summary


@pytest.mark.slow
def test_check_mixed_batch(corpus: dict[str, Path], good: list[Path], tmp_path: Path) -> None:
    paths = [str(p) for p in good] + [str(corpus[c.name]) for c in SMALL]
    res = ogi("check", "--json", *paths, "-o", str(tmp_path / "findings.jsonl"))
    assert "Traceback" not in res.stderr
    assert res.returncode == 1, res.stderr[-2000:]
    failed = failure_lines(res.stderr)
    assert {str(corpus[c.name]) for c in SMALL if c.expect == "fail"} <= set(failed)
    sources = {json.loads(x)["source"] for x in (tmp_path / "findings.jsonl").read_text("utf-8").splitlines()}
    assert not sources & set(failed), "a refused file still produced findings"
