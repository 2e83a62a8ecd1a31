"""Every notebook view: the right figures on a known store, the right (empty) schema with no data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import ogi.store as st
from ogi.findings import Finding
from ogi.store import ingest as ingest_mod
from ogi.store import views as V
from ogi.store.ingest import ingest
from test_store_helpers import json_parse, write_corpus

ROOT = Path(__file__).resolve().parents[1]
MEI = "梅岭街道"


def _checks(report, previous=None):  # one finding per report, two for the second year
    n = 2 if previous is not None else 1
    return [
        Finding(
            rule=f"test.r{i}",
            severity=("error", "info")[i % 2],
            message_zh="测试",
            message_en="test",
            source=report.source,
            line=10 - i,
            quote="q",
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> st.Store:
    root = tmp_path_factory.mktemp("views")
    raw = write_corpus(root)
    saved = ingest_mod._load_checks
    ingest_mod._load_checks = lambda: (_checks, "fp-views")
    try:
        ingest([raw], root / "store", jobs=1, parse=json_parse)
    finally:
        ingest_mod._load_checks = saved
    return st.open_store(root / "store")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> st.Store:
    out = tmp_path_factory.mktemp("sample") / "store"
    ingest([ROOT / "data" / "raw"], out, jobs=1)
    return st.open_store(out)


def test_agencies_one_key_per_body_across_spellings(store: st.Store) -> None:
    ag = store_ag = st.agencies(store)
    assert store_ag.columns == ["agency_key", "agency", "region", "years", "latest_year"]
    mei = ag.filter(pl.col("agency_key") == MEI).row(0, named=True)
    assert mei["years"] == [2019, 2020] and mei["latest_year"] == 2020
    assert mei["agency"] == "晋江市梅岭街道办事处"  # printed name of the latest report
    assert mei["region"] == "福建省泉州市晋江市"
    assert ag.height == 4


def test_reports_view(store: st.Store) -> None:
    assert st.reports(store).height == 5
    mine = st.reports(store, MEI)
    assert mine["year"].to_list() == [2019, 2020]
    assert {
        "region",
        "agency_key",
        "agency",
        "template",
        "published",
        "doc_number",
        "source",
        "report_id",
        "n_facts",
        "n_findings",
        "kind",
        "encoding",
        "truncated",
    } <= set(mine.columns)
    assert mine["n_findings"].to_list() == [1, 2]


def test_headline(store: st.Store) -> None:
    h = st.headline(store, MEI, 2020)
    assert h.columns == ["metric", "label_zh", "label_en", "value", "previous", "change", "approx"]
    rows = {r["metric"]: r for r in h.iter_rows(named=True)}
    assert (
        rows["proactive.total"]["value"],
        rows["proactive.total"]["previous"],
        rows["proactive.total"]["change"],
    ) == (120, 100, 20)
    assert rows["applications.received"]["value"] == 5
    assert rows["review.count"]["value"] == 2
    assert rows["litigation.count"]["value"] == 3  # direct 1 + after review 2 (no dims-free total stated)
    assert rows["complaints.count"]["value"] == 94  # 81 + 13 by source
    assert (rows["findings.count"]["value"], rows["findings.count"]["previous"]) == (2, 1)
    assert rows["proactive.total"]["label_zh"] == "主动公开政府信息数"
    first = st.headline(store, MEI, 2019)
    assert first.filter(pl.col("metric") == "proactive.total")["previous"].to_list() == [None]


def test_volumes_and_peer_median(store: st.Store) -> None:
    v = st.volumes(store)
    assert v.columns == ["agency_key", "agency", "region", "year", "proactive_total"]
    assert st.volumes(store, MEI)["proactive_total"].to_list() == [100, 120]
    p = st.peer_median(store, MEI, 2020)
    assert p.columns == ["year", "median_proactive_total", "peers"]
    # peers in 泉州: 罗山 60 and 灵源 80 in 2020; 荷塘 (株洲) is not a peer
    assert p.rows() == [(2020, 70.0, 2)]
    assert st.peer_median(store, MEI, 2019).height == 0


def test_category_and_channel_mix(store: st.Store) -> None:
    c = st.category_mix(store, MEI, 2020)
    assert c.select("category", "value", "share").rows() == [("机构职能", 60.0, 0.5), ("规划计划", 60.0, 0.5)]
    assert c.columns[-2:] == ["line", "quote"] and c["line"].null_count() == 0
    ch = st.channel_mix(store, MEI, 2020)
    assert ch.columns == ["channel", "label_zh", "label_en", "value", "line", "quote"]
    assert ch.drop("line", "quote").rows() == [
        ("website", "政府网站", "Website", 120.0),
        ("wechat", "政务微信", "WeChat", 3.0),
    ]


def test_applications(store: st.Store) -> None:
    a = st.applications(store, MEI, 2020)
    assert a.columns == [
        "measure",
        "dim",
        "label_zh",
        "label_en",
        "value",
        "parent",
        "origin",
        "line",
        "quote",
    ]
    got = {(m, d): v for m, d, _, _, v, *_ in a.iter_rows()}
    assert got[("received", "total")] == 5
    assert got[("received", "natural_person")] == 4
    assert got[("outcome", "granted")] == 3 and got[("outcome", "total")] == 6
    assert got[("outcome_reason", "denied:属于国家秘密")] == 1
    assert got[("carried_over", "total")] == 1 and got[("carried_forward", "total")] == 0
    # only reasons were stated for 不予公开: the view derives its subtotal from them, marked derived
    denied = a.filter(pl.col("measure") == "outcome", pl.col("dim") == "denied").row(0, named=True)
    reasons = a.filter(pl.col("measure") == "outcome_reason", pl.col("parent") == "denied")
    assert denied["origin"] == "derived" and denied["value"] == reasons["value"].sum() >= 1
    reason = a.filter(pl.col("measure") == "outcome_reason").row(0, named=True)
    assert reason["parent"] == "denied"
    assert a.filter(pl.col("dim") == "natural_person")["label_en"].to_list() == ["Natural persons"]


def test_review_litigation(store: st.Store) -> None:
    r = st.review_litigation(store, MEI, 2020)
    assert r.columns == ["kind", "route", "outcome", "label_zh", "label_en", "value", "line", "quote"]
    got = {(k, ro, o): v for k, ro, o, _, _, v, *_ in r.iter_rows()}
    assert got == {
        ("review", "all", "upheld"): 1,
        ("review", "all", "corrected"): 1,
        ("review", "all", "total"): 2,
        ("litigation", "direct", "upheld"): 1,
        ("litigation", "direct", "total"): 1,
        ("litigation", "after_review", "total"): 2,
    }
    lab = r.filter(pl.col("route") == "direct", pl.col("outcome") == "upheld")["label_zh"].item()
    assert lab == "未经复议直接起诉 结果维持"


def test_complaints(store: st.Store) -> None:
    c = st.complaints(store, MEI, 2020)
    assert c.select("family", "source", "code", "value").rows() == [
        ("complaints", "泉州12345平台", "hotline", 81.0),
        ("complaints", "电话投诉", "phone", 13.0),
        ("inquiries", "现场接待", "in_person", 78.0),
    ]


def test_findings_view(store: st.Store) -> None:
    f = st.findings(store, MEI, 2020)
    assert f.columns[:7] == ["rule", "severity", "message_zh", "message_en", "line", "quote", "source"]
    assert f["severity"].to_list() == ["error", "info"]  # errors first
    assert st.findings(store).height == 6
    assert st.findings(store, MEI).height == 3
    assert st.findings(store, year=2020).height == 5


def test_coverage(store: st.Store) -> None:
    cov = st.coverage(store)
    assert cov.columns == ["agency_key", "agency", "year", "present"]
    assert cov.height == 4 * 2
    assert cov.filter(~pl.col("present"))["agency_key"].sort().to_list() == sorted(
        ["罗山街道", "灵源街道", "桂花街道"]
    )


def test_labels_frame_covers_the_vocabulary() -> None:
    from ogi.vocabulary import DIMS, METRICS

    lab = st.labels()
    assert lab.filter(pl.col("kind") == "metric").height == len(METRICS)
    assert lab.filter(pl.col("kind") == "dim").height == sum(len(v) for v in DIMS.values())
    assert lab.filter(pl.col("code") == "after_review")["label_en"].item() == "Suit after review"


AGENCY_VIEWS = (
    st.headline,
    st.peer_median,
    st.category_mix,
    st.channel_mix,
    st.applications,
    st.review_litigation,
    st.complaints,
    st.findings,
)
SCHEMAS = {
    "headline": V.HEADLINE,
    "peer_median": V.PEER_MEDIAN,
    "category_mix": V.CATEGORY_MIX,
    "channel_mix": V.CHANNEL_MIX,
    "applications": V.APPLICATIONS,
    "review_litigation": V.REVIEW_LITIGATION,
    "complaints": V.COMPLAINTS,
    "findings": V.FINDINGS,
    "agencies": V.AGENCIES,
    "volumes": V.VOLUMES,
    "coverage": V.COVERAGE,
}


@pytest.mark.parametrize("view", AGENCY_VIEWS, ids=lambda f: f.__name__)
def test_views_are_empty_with_schema_when_there_is_no_data(view, store: st.Store, tmp_path: Path) -> None:
    for s in (store, st.open_store(tmp_path / "nowhere")):
        df = view(s, "no such agency", 1999)
        assert df.height == 0
        assert df.schema == SCHEMAS[view.__name__]


def test_store_wide_views_on_an_empty_store(tmp_path: Path) -> None:
    s = st.open_store(tmp_path / "nowhere")
    for view in (st.agencies, st.volumes, st.coverage, st.findings):
        df = view(s)
        assert df.height == 0 and df.schema == SCHEMAS[view.__name__]
    assert st.reports(s).height == 0 and st.failures(s).height == 0


@pytest.mark.slow
def test_every_view_on_the_sample_store(sample_store: st.Store) -> None:
    """The bundled sample, parsed by the real parser: each view runs and agrees with the facts frame."""
    ag = st.agencies(sample_store)
    assert ag.height >= 1 and ag.schema == V.AGENCIES
    assert st.coverage(sample_store).schema == V.COVERAGE
    vols = st.volumes(sample_store)
    facts = sample_store.facts.collect()
    stated = facts.filter(
        pl.col("metric") == "proactive.total", pl.col("dims_json") == "{}", pl.col("scope") == "year"
    )["report_id"].n_unique()
    assert vols["proactive_total"].is_not_null().sum() <= stated
    for key, years in ag.select("agency_key", "years").iter_rows():
        for year in years:
            for view in AGENCY_VIEWS:
                df = view(sample_store, key, year)
                assert df.schema == SCHEMAS[view.__name__], view.__name__
            h = st.headline(sample_store, key, year)
            assert h.height == 6
            rid = V._report_id(sample_store, key, year)
            n = st.category_mix(sample_store, key, year)
            mine = facts.filter(
                pl.col("report_id") == rid, pl.col("metric") == "proactive.category", ~V.IS_PART
            )
            assert n.height == mine["dim_category"].drop_nulls().n_unique()


def test_headline_complaints_do_not_add_a_part_to_its_whole(tmp_path) -> None:
    """举报投诉658件，其中市长热线转交421件: the headline total is 658, not 1,079."""
    import ogi.store as S
    from ogi.cli import main

    src = tmp_path / "r.txt"
    src.write_text(
        "2018年某街道政府信息公开工作年度报告\n2018年，共接到举报投诉658件，其中市长热线转交421件。\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(src), "-o", str(tmp_path / "store"), "--no-progress", "-j", "1"]) == 0
    store = S.open_store(tmp_path / "store")
    key = S.agencies(store)["agency_key"][0]
    head = S.headline(store, key, 2018)
    assert head.filter(head["metric"] == "complaints.count")["value"].to_list() == [658]


def _hand_store(path: Path, facts: list[tuple[str, float, dict[str, str], str, int, str]]) -> st.Store:
    """A store of one report (梅岭, 2024) written straight from (metric, value, dims, origin, line, quote)
    rows: the shape the parser's derived outcome subtotals take (origin 'derived', dims without reason)."""
    import json

    from ogi.store import schema as S

    path.mkdir(parents=True, exist_ok=True)
    rep = {c: None for c in S.empty("reports").columns}
    rep.update(
        report_id="r1",
        source="x.txt",
        sha256="0",
        agency_key=MEI,
        agency="梅岭街道办事处",
        year=2024,
        template="2021",
        kind="txt",
        encoding="utf-8",
        truncated=False,
        line_count=99,
        n_facts=len(facts),
        n_blanks=0,
        n_findings=0,
        problems=[],
    )
    pl.DataFrame([rep], schema=S.empty("reports").schema).write_parquet(path / "reports.parquet")
    rows = []
    for seq, (metric, value, dims, origin, line, quote) in enumerate(facts):
        row = {c: None for c in S.empty("facts").columns}
        row.update(
            report_id="r1",
            seq=seq,
            agency_key=MEI,
            source="x.txt",
            agency="梅岭街道办事处",
            year=2024,
            metric=metric,
            value=value,
            unit="件",
            scope="year",
            origin=origin,
            line=line,
            quote=quote,
            loc="",
            dims_json=json.dumps(dims, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )
        row.update({f"dim_{k}": v for k, v in dims.items()})
        rows.append(row)
    pl.DataFrame(rows, schema=S.empty("facts").schema).write_parquet(path / "facts.parquet")
    return st.open_store(path)


def test_outcome_subtotals_from_the_parser_are_used_once(tmp_path: Path) -> None:
    """Derived subtotals (tables issue) stand for their outcome; reasons stay inside them, never beside."""
    o = "applications.outcome"
    store = _hand_store(
        tmp_path / "s",
        [
            (o, 10, {"outcome": "granted"}, "table", 31, "（一）予以公开 | 10"),
            (o, 4, {"outcome": "denied", "reason": "属于国家秘密"}, "table", 33, "1．属于国家秘密 | 4"),
            (
                o,
                3,
                {"outcome": "denied", "reason": "保护第三方合法权益"},
                "table",
                36,
                "4．保护第三方合法权益 | 3",
            ),
            (o, 7, {"outcome": "denied"}, "derived", 33, "（三）不予公开 = 第33行 4 + 第36行 3"),
            (o, 2, {"outcome": "unavailable", "reason": "本机关不掌握"}, "table", 42, "1．本机关不掌握 | 2"),
            (o, 19, {"outcome": "total"}, "table", 52, "（七）总计 | 19"),
        ],
    )
    a = st.applications(store, MEI, 2024)
    sub = {r["dim"]: r for r in a.filter(pl.col("measure") == "outcome").to_dicts()}
    assert sub["denied"]["value"] == 7 and sub["denied"]["origin"] == "derived"  # the parser's, not re-summed
    assert sub["denied"]["quote"].startswith("（三）不予公开")
    assert sub["unavailable"]["value"] == 2 and sub["unavailable"]["origin"] == "derived"  # summed here
    reasons = a.filter(pl.col("measure") == "outcome_reason")
    assert sorted(reasons["parent"].to_list()) == ["denied", "denied", "unavailable"]
    # one bar per outcome, the reasons only within them: no double count
    from ogi.render.context import Context
    from ogi.render.shape import outcome_rows

    ctx = Context(store_path=tmp_path / "s", store=store, lang="zh")
    rows, whole = outcome_rows(ctx, a)
    assert [(r["code"], r["value"]) for r in rows] == [("granted", 10), ("denied", 7), ("unavailable", 2)]
    assert whole == 19
    assert "属于国家秘密 4" in rows[1]["within"]


def test_views_accept_a_path_as_well_as_a_store(store: st.Store) -> None:
    assert st.agencies(str(store.path)).equals(st.agencies(store))
    assert st.headline(store.path, MEI, 2020).equals(st.headline(store, MEI, 2020))


def test_own_copies_keep_the_stored_source_and_are_noticed_once(tmp_path: Path, capsys) -> None:
    """Copying sample reports into data/raw/mine/: the originals stay the sources, one notice only."""
    import shutil

    from ogi.cli import main

    raw = tmp_path / "raw"
    (raw / "real").mkdir(parents=True)
    for f in sorted((ROOT / "data" / "raw" / "real").glob("h00*.txt"))[:2]:
        shutil.copy(f, raw / "real" / f.name)
    out = str(tmp_path / "store")
    assert main(["ingest", str(raw), "-o", out, "--no-progress", "-j", "1"]) == 0
    before = sorted(st.reports(out)["source"].to_list())
    shutil.copytree(raw / "real", raw / "mine")  # "mine" sorts before "real"
    capsys.readouterr()
    assert main(["ingest", str(raw), "-o", out, "--no-progress", "-j", "1"]) == 0
    assert capsys.readouterr().err.count("duplicate: same content as") == 2
    assert sorted(st.reports(out)["source"].to_list()) == before
    assert main(["ingest", str(raw), "-o", out, "--no-progress", "-j", "1"]) == 0
    assert "duplicate" not in capsys.readouterr().err
    assert sorted(st.reports(out)["source"].to_list()) == before
