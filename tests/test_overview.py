"""The corpus overview's sections, run in-process on the sample store and on a 3,000-agency store
(frames written straight into a store folder): years continuous, coverage from each agency's first
report, a log colour scale, codes translated, name variants one row, excerpt findings apart, and every
chart aggregated before Altair so no store is too big to draw.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ogi.render import overview
from ogi.store import schema as S

ROOT = Path(__file__).resolve().parents[1]


def _charts(monkeypatch: pytest.MonkeyPatch, section: Any, ctx: Any) -> tuple[list[dict[str, Any]], str]:
    """Run one overview section; the Vega-Lite specs of its charts and the text it displayed."""
    shown: list[Any] = []
    monkeypatch.setattr(overview, "display", shown.append)
    section(ctx)
    specs = [o.chart.to_dict() for o in shown if hasattr(o, "chart")]
    text = " ".join(str(getattr(o, "text", "")) for o in shown if not hasattr(o, "chart"))
    return specs, text


def _values(spec: dict[str, Any]) -> list[dict[str, Any]]:
    datasets = spec.get("datasets") or {}
    return [row for rows in datasets.values() for row in rows]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = tmp_path_factory.mktemp("overview") / "store"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ogi.cli",
            "ingest",
            str(ROOT / "data" / "raw"),
            "-o",
            str(store),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    return overview.open_context(store, "zh")


def test_year_axis_runs_over_every_year_of_the_store(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    years = overview.store_years(sample)
    assert years == list(range(2010, 2026))  # the sample holds no 2012 or 2015 report: still on the axis
    for section in (overview.reports_by_year, overview.volumes, overview.coverage):
        (spec, *_), _ = _charts(monkeypatch, section, sample)
        assert spec["encoding"]["x"]["scale"]["domain"] == years, section.__name__


def test_templates_and_rules_are_named_not_coded(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (spec,), _ = _charts(monkeypatch, overview.reports_by_year, sample)
    shown = {r["template"] for r in _values(spec)}
    assert "纯文字" in shown and not shown & {"narrative", "statform", "pre2014", "2021", "2019"}
    (spec,), _ = _charts(monkeypatch, overview.findings_by_rule, sample)
    rules = {r["rule"] for r in _values(spec)}
    assert rules and not [r for r in rules if "." in r]  # complete.table_read and the rest translated


def test_name_variants_are_one_agency(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = overview.agency_rows(sample).filter(pl.col("agency_key") == "瀛海镇")
    assert rows.height == 1 and rows["names"][0] == "瀛海镇、瀛海镇人民政府"
    (spec,), _ = _charts(monkeypatch, overview.coverage, sample)
    names = {r["name"] for r in _values(spec)}
    assert "瀛海镇人民政府" in names and "瀛海镇" not in names


def test_coverage_counts_from_each_agencys_first_report(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ogi.store as st

    last = max(overview.store_years(sample))
    want = sum(last - min(ys) + 1 - len(ys) for ys in st.agencies(sample.store)["years"].to_list())
    _, text = _charts(monkeypatch, overview.coverage, sample)
    assert f"共缺 {want:,} 份" in text and want < 334  # not 2010–2025 for every agency
    cov = overview.coverage_frame(sample)
    pingtan = cov.filter(pl.col("agency_key") == "平潭综合实验区", pl.col("expected"))
    assert pingtan["year"].min() == 2018  # its first report


def test_volumes_use_a_log_colour_scale(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (spec,), _ = _charts(monkeypatch, overview.volumes, sample)
    assert spec["encoding"]["color"]["scale"]["type"] == "symlog"


def test_findings_from_excerpts_are_counted_apart(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ogi.store as st

    reps = st.reports(sample.store)
    cut = set(reps.filter(pl.col("truncated"))["report_id"].to_list())
    fnd = st.findings(sample.store)
    from_excerpts = fnd.filter(pl.col("report_id").is_in(sorted(cut))).height
    split = overview.findings_split(sample)
    assert int(split.filter(pl.col("excerpt"))["findings"].sum()) == from_excerpts > 0
    (spec,), text = _charts(monkeypatch, overview.findings_by_rule, sample)
    assert f"其中 {from_excerpts:,} 个出自不完整的文本" in text
    assert {r["text"] for r in _values(spec)} == {"完整报告", "节选（文本不完整）"}


def _big_store(path: Path, agencies: int = 3000) -> Path:
    """A store folder of `agencies` agencies × six years (some missing), written frame by frame."""
    path.mkdir(parents=True)
    reports, facts, findings = [], [], []
    for a in range(agencies):
        key = f"第{a:04d}街道"
        for year in range(2015, 2021):
            if (a + year) % 7 == 0:
                continue  # a gap
            rid = f"r{a:04d}{year}"
            reports.append(
                {
                    "report_id": rid,
                    "source": f"{rid}.txt",
                    "agency_key": key,
                    "agency": key + "办事处",
                    "year": year,
                    "template": "2021" if year >= 2020 else "statform",
                    "truncated": a % 5 == 0,
                    "n_facts": 2,
                }
            )
            for seq, (metric, dims, value) in enumerate(
                (("proactive.total", {}, 100 + a), ("proactive.channel", {"channel": "website"}, 60 + a))
            ):
                facts.append(
                    {
                        "report_id": rid,
                        "seq": seq,
                        "agency_key": key,
                        "source": f"{rid}.txt",
                        "agency": key,
                        "year": year,
                        "metric": metric,
                        "value": float(value),
                        "unit": "条",
                        "scope": "year",
                        "origin": "table",
                        "line": 3 + seq,
                        "quote": f"x | {value}",
                        "loc": "",
                        "dims_json": json.dumps(dims),
                        "dim_channel": dims.get("channel"),
                    }
                )
            findings.append(
                {
                    "report_id": rid,
                    "seq": 0,
                    "agency_key": key,
                    "year": year,
                    "source": f"{rid}.txt",
                    "rule": "complete.sections",
                    "severity": "warning",
                    "message_zh": "缺",
                    "message_en": "missing",
                    "line": 0,
                    "quote": "",
                }
            )
    for name, rows in (("reports", reports), ("facts", facts), ("findings", findings)):
        empty = S.empty(name)
        df = pl.DataFrame(rows).with_columns(
            pl.lit(None, dtype=t).alias(c) for c, t in empty.schema.items() if c not in rows[0]
        )
        df.select(empty.columns).cast(dict(empty.schema)).write_parquet(path / f"{name}.parquet")  # type: ignore[arg-type]
    return path


def test_a_3000_agency_store_draws_every_chart(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Before, the overview handed every agency-year to Altair (MaxRowsError beyond 5,000 rows)."""
    ctx = overview.open_context(_big_store(tmp_path / "big"), "zh")
    for section in (
        overview.reports_by_year,
        overview.volumes,
        overview.channels,
        overview.findings_by_rule,
        overview.coverage,
    ):
        specs, text = _charts(monkeypatch, section, ctx)
        assert specs, section.__name__
        for spec in specs:
            assert len(_values(spec)) <= 200, (section.__name__, len(_values(spec)))
    _, text = _charts(monkeypatch, overview.coverage, ctx)
    assert "3,000 个机关" in text
