"""The synthetic corpus generator: determinism, coverage, consistent numbers, truth files that agree."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from ogi.cli import main as cli_main
from ogi.facts import BlankCell, Fact, Report
from ogi.synth import LAYOUTS, TEMPLATES, SynthError, generate
from ogi.synth.roundtrip import Truth, compare
from ogi.text import decode, normalise_line

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tests" / "golden" / "score_extraction.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth50")
    generate(50, out, seed=0)
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _facts_by_file(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in _jsonl(corpus / "facts_truth.jsonl"):
        out[f["file"]].append(f)
    return out


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(15, a, seed=7)
    generate(15, b, seed=7)
    generate(15, c, seed=8)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert len(names) == 15 + 3
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert any((a / n).read_bytes() != (c / n).read_bytes() for n in names if n.endswith(".txt"))


def test_every_template_and_layout_is_present(corpus: Path) -> None:
    truth = _jsonl(corpus / "truth.jsonl")
    assert len(truth) == 50
    assert {t["template"] for t in truth} == set(TEMPLATES)
    pairs = {(t["template"], t["layout"]) for t in truth}
    for template in TEMPLATES:
        if template != "narrative":
            assert {lay for t, lay in pairs if t == template} == set(LAYOUTS), template
    assert len({t["encoding"] for t in truth}) >= 2
    for t in truth:
        lo, hi = {
            "2021": (2021, 2024),
            "2019": (2019, 2020),
            "statform": (2014, 2018),
            "pre2014": (2008, 2013),
            "narrative": (2010, 2024),
        }[t["template"]]
        assert lo <= t["report_year"] <= hi
        assert int(t["published"][:4]) == t["report_year"] + 1
    facts = _jsonl(corpus / "facts_truth.jsonl")
    assert any(f["value"] == 0 and f["origin"] == "table" for f in facts)  # explicit zeros
    assert _jsonl(corpus / "blanks_truth.jsonl")  # and some blank cells
    assert {f["scope"] for f in facts} == {"year", "cumulative"}
    assert {f["origin"] for f in facts} == {"table", "prose", "derived"}  # derived: outcome subtotals


def test_title_period_signature_and_headings(corpus: Path) -> None:
    for t in _jsonl(corpus / "truth.jsonl"):
        text, _ = decode((corpus / t["file"]).read_bytes(), t["file"])
        norm = normalise_line(text)
        y = t["report_year"]
        assert (
            f"{y}年{t['agency']}政府信息公开工作年度报告" in norm
            or f"{t['agency']}{y}年政府信息公开工作年度报告" in norm
        )
        assert "统计期限" in norm
        py, pm, pd = (int(x) for x in t["published"].split("-"))
        assert f"{t['agency']}\n{py}年{pm}月{pd}日" in norm
        if t["template"] in ("2019", "2021"):
            for head in (
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "六、其他需要报告的事项",
            ):
                assert head in norm, (t["file"], head)


def _get(
    facts: list[dict[str, Any]], metric: str, scope: str = "year", origin: str = "table", **dims: str
) -> int:
    """A figure by metric and exact dims (a blank cell counts as 0, which is what it stood for)."""
    for f in facts:
        if f["metric"] == metric and f["dims"] == dims and f["scope"] == scope and f["origin"] == origin:
            return f["value"]
    return 0


def test_generated_numbers_are_internally_consistent(corpus: Path) -> None:
    meta = {t["file"]: t for t in _jsonl(corpus / "truth.jsonl")}
    apps = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org")
    checked: set[str] = set()
    for file, facts in _facts_by_file(corpus).items():
        tpl = meta[file]["template"]
        g = lambda metric, scope="year", _facts=facts, **d: _get(_facts, metric, scope, **d)  # noqa: E731
        if tpl in ("2019", "2021"):
            outcomes = [
                f
                for f in facts
                if f["metric"] == "applications.outcome"
                and f["dims"]["outcome"] != "total"
                and f["origin"] != "derived"
            ]
            for col in (*apps, None):
                d = {"applicant": col} if col else {}
                parts = sum(f["value"] for f in outcomes if f["dims"].get("applicant") == col)
                total = g("applications.outcome", outcome="total", **d)
                assert total == parts, (file, col)  # identity 2
                assert g("applications.received", **d) + g("applications.carried_over", **d) == total + g(
                    "applications.carried_forward", **d
                ), (file, col)  # identity 1
            for f in facts:  # identity 3: 总计 column = sum of applicant columns, row by row
                if (
                    f["metric"].startswith("applications.")
                    and "applicant" not in f["dims"]
                    and f["origin"] == "table"
                ):
                    row = {k: v for k, v in f["dims"].items()}
                    assert f["value"] == sum(g(f["metric"], **row, applicant=a) for a in apps), (file, f)
            for route in ({}, {"route": "direct"}, {"route": "after_review"}):
                metric = "review.count" if not route else "litigation.count"
                assert g(metric, **route) == sum(
                    g(metric, **route, outcome=o) for o in ("upheld", "corrected", "other", "pending")
                )
            assert g("litigation.count") == g("litigation.count", route="direct") + g(
                "litigation.count", route="after_review"
            )
            checked.add(tpl)
        elif tpl == "statform":
            assert g("applications.received") == sum(
                g("applications.channel", channel=c) for c in ("in_person", "fax", "online", "letter")
            )
            assert g("applications.completed") == (
                g("applications.completed", timing="on_time") + g("applications.completed", timing="extended")
            )
            replies = [
                f["value"]
                for f in facts
                if f["metric"] == "applications.outcome"
                and f["dims"]["outcome"] != "total"
                and not (f["dims"]["outcome"] == "denied" and "reason" in f["dims"])
            ]
            assert g("applications.outcome", outcome="total") == sum(replies)
            assert g("applications.outcome", outcome="denied") == sum(
                f["value"] for f in facts if f["dims"].get("outcome") == "denied" and "reason" in f["dims"]
            )
            for metric in ("review.count", "litigation.count"):
                assert g(metric) == sum(g(metric, outcome=o) for o in ("upheld", "corrected", "other"))
            assert g("staff.count") == g("staff.count", kind="full_time") + g("staff.count", kind="part_time")
            assert g("response.press_conferences", attendee="leader") <= g("response.press_conferences")
            checked.add(tpl)
        elif tpl == "pre2014":
            for scope in ("year", "cumulative"):
                assert g("proactive.total", scope) == (
                    g("proactive.channel", scope, channel="website")
                    + g("proactive.channel", scope, channel="gazette")
                )
                assert g("applications.received", scope) == sum(
                    g("applications.channel", scope, channel=c) for c in ("in_person", "online", "letter_fax")
                )
                assert g("applications.outcome", scope, outcome="total") == sum(
                    g("applications.outcome", scope, outcome=o)
                    for o in ("granted", "partial", "denied", "other")
                )
            assert g("proactive.total", "cumulative") >= g("proactive.total")
            checked.add(tpl)
        # prose repeats the tables: same metric and dims → same value
        table = {
            (f["metric"], tuple(sorted(f["dims"].items())), f["scope"]): f["value"]
            for f in facts
            if f["origin"] == "table"
        }
        for f in facts:
            key = (f["metric"], tuple(sorted(f["dims"].items())), f["scope"])
            if f["origin"] == "prose" and key in table:
                assert f["value"] == table[key], (file, f)
        cats = [f["value"] for f in facts if f["metric"] == "proactive.category"]
        if cats:
            assert sum(cats) == _get(facts, "proactive.total", origin="prose")
    assert checked == {"2019", "2021", "statform", "pre2014"}


def test_fact_lines_hold_the_printed_figures(corpus: Path) -> None:
    blanks = defaultdict(list)
    for b in _jsonl(corpus / "blanks_truth.jsonl"):
        blanks[b["file"]].append(b)
    for file, facts in _facts_by_file(corpus).items():
        text, _ = decode((corpus / file).read_bytes(), file)
        lines = [normalise_line(x) for x in text.split("\n")]
        for f in facts:
            line = lines[f["line"] - 1]
            money = f["unit"] == "元" and f["origin"] == "table" and f["metric"] != "procurement.amount"
            if not money and not f.get("derived") and not f.get("words"):
                assert str(abs(f["value"])) in line.replace(",", ""), (file, f, line)
        for b in blanks[file]:
            cells = [c.strip() for c in lines[b["line"] - 1].strip().rstrip("|").split("|")]
            assert b["mark"] in cells and (len(cells) > 1 or cells == [b["mark"]]), (file, b)


def test_truth_jsonl_agrees_with_facts_truth_under_the_scorer(corpus: Path, tmp_path: Path) -> None:
    """Scoring facts_truth (as an extract export) against truth.jsonl must give recall and precision 1."""
    truth = {t["file"]: t for t in _jsonl(corpus / "truth.jsonl")}
    facts_out, reports_out = tmp_path / "facts.jsonl", tmp_path / "reports.jsonl"
    with facts_out.open("w", encoding="utf-8") as fh:
        for f in _jsonl(corpus / "facts_truth.jsonl"):
            fh.write(json.dumps({"source": f"x/{f['file']}", **f}, ensure_ascii=False) + "\n")
    with reports_out.open("w", encoding="utf-8") as fh:
        for name, t in truth.items():
            fh.write(
                json.dumps(
                    {"source": name, "agency": t["agency"], "year": t["report_year"]}, ensure_ascii=False
                )
                + "\n"
            )
    res = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--facts",
            str(facts_out),
            "--truth",
            str(corpus / "truth.jsonl"),
            "--reports",
            str(reports_out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    last = res.stdout.strip().splitlines()[-1]
    assert "recall 1.000 precision 1.000" in last, res.stdout[-2000:]
    assert " 0 wrong, 0 missing" in last
    assert sum(1 for t in truth.values() if "application_outcomes" in t) > 10


def test_comparer_accepts_a_perfect_parse_and_names_what_is_missing(corpus: Path) -> None:
    truth = Truth.load(corpus)
    file = next(f for f, t in truth.meta.items() if t["template"] == "2021")
    meta = truth.meta[file]
    rep = Report(
        source=str(corpus / file),
        report_id="x",
        agency=meta["agency"],
        region=meta["region"],
        year=meta["report_year"],
        template=meta["template"],
        published=meta["published"],
        doc_number=meta.get("doc_number"),
        encoding=meta["encoding"],
    )
    rep.facts = [
        Fact(f["metric"], f["value"], f["unit"], f["line"], "", dict(f["dims"]), f["scope"], f["origin"])
        for f in truth.facts[file]
    ]
    rep.facts.append(Fact("mention.year", 2021, "年", 1, "2021年"))  # mentions are ignored
    rep.blanks = [BlankCell(b["metric"], dict(b["dims"]), b["line"], "") for b in truth.blanks.get(file, [])]
    assert compare(rep, file, truth).exact
    dropped = rep.facts.pop(0)
    rep.agency = "别的街道办事处"
    diff = compare(rep, file, truth)
    assert not diff.exact
    assert [m["metric"] for m in diff.missing] == [dropped.metric]
    assert diff.meta and diff.meta[0].startswith("agency")


def test_cli_writes_refuses_and_rewrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c"
    assert (
        cli_main(
            [
                "synth",
                "6",
                "--out",
                str(out),
                "--seed",
                "2",
                "--templates",
                "2021,statform",
                "--layouts",
                "inline",
            ]
        )
        == 0
    )
    truth = _jsonl(out / "truth.jsonl")
    assert [t["template"] for t in truth] == ["2021", "statform"] * 3
    assert {t["layout"] for t in truth} == {"inline"}
    assert cli_main(["synth", "2", "--out", str(out)]) == 0  # an earlier corpus is replaced, not mixed
    assert sorted(p.name for p in out.glob("syn*.txt")) == ["syn00000.txt", "syn00001.txt"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["synth", "2", "--out", str(other)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not empty" in err
    assert (other / "keep.txt").exists()
    assert cli_main(["synth", "2", "--out", str(out), "--layouts", "html"]) == 2
    with pytest.raises(SynthError):
        generate(-1, tmp_path / "neg")
