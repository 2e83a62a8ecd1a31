"""The sidecar `sources.csv` of an input folder: overrides agency / region / year, keeps the url, and a
malformed sidecar is a one-line error naming the file and the row while the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

from ogi.batch import Failure, expand, parse_many
from ogi.facts import Report
from ogi.sources import parse_sidecar

REPORT = "2022年石桥镇政府信息公开工作年度报告\n一、总体情况\n2022年，石桥镇共主动公开政府信息85条。\n"
UNTITLED = "一、总体情况\n本年度，我单位认真贯彻落实《条例》要求，主动公开政府信息12条。\n"


def _folder(tmp_path: Path, sidecar: str | None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNTITLED, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "sources.csv").write_text(sidecar, encoding="utf-8")
    return tmp_path


def _run(folder: Path) -> tuple[dict[str, Report], list[Failure]]:
    files, failures = expand([folder])
    reports: dict[str, Report] = {}
    for item in parse_many(files):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            reports[Path(item.source).name] = item
    return reports, failures


def test_a_sidecar_overrides_and_is_recorded_as_the_rule(tmp_path: Path) -> None:
    sidecar = (
        "file,agency,region,year,url\n"
        "b.txt,清河县财政局,河北省邢台市清河县,2021,https://example.gov.cn/b.html\n"
    )
    reports, failures = _run(_folder(tmp_path, sidecar))
    assert not failures
    b = reports["b.txt"]
    assert (b.agency, b.region, b.year) == ("清河县财政局", "河北省邢台市清河县", 2021)
    assert (b.agency_rule, b.year_rule, b.url) == ("sidecar", "sidecar", "https://example.gov.cn/b.html")
    a = reports["a.txt"]  # not listed: the text's own title
    assert (a.agency, a.year, a.agency_rule, a.url) == ("石桥镇", 2022, "title", None)
    line = b.meta_dict()
    assert json.loads(json.dumps(line, ensure_ascii=False))["url"] == "https://example.gov.cn/b.html"
    assert "sources.csv" not in reports  # the sidecar is not a report


def test_partial_columns_override_only_what_they_give(tmp_path: Path) -> None:
    reports, failures = _run(_folder(tmp_path, "url,file\nhttps://example.gov.cn/a,a.txt\n"))
    assert not failures
    a = reports["a.txt"]
    assert (a.agency, a.year, a.agency_rule, a.url) == ("石桥镇", 2022, "title", "https://example.gov.cn/a")
    reports, failures = _run(_folder(tmp_path, "FILE,Year\nb.txt,2020\n"))
    assert not failures
    b = reports["b.txt"]
    assert (b.year, b.year_rule, b.agency_rule) == (2020, "sidecar", None)


def test_a_malformed_row_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    sidecar = "file,agency,year,url\na.txt,石桥镇人民政府,20x2,\nb.txt,清河县财政局,2021,ftp://x\n"
    reports, failures = _run(_folder(tmp_path, sidecar))
    assert sorted(reports) == ["a.txt", "b.txt"]  # every report still parsed
    lines = sorted(str(f) for f in failures)
    assert len(lines) == 2 and all("\n" not in x for x in lines)
    assert lines[0].endswith("sources.csv: row 2: year '20x2' is not a year")
    assert lines[1].endswith("sources.csv: row 3: url 'ftp://x' is not an http(s) address")
    assert reports["a.txt"].agency == "石桥镇"  # the bad row did not apply
    assert reports["b.txt"].agency_rule != "sidecar"


def test_a_sidecar_without_a_file_column_is_one_error(tmp_path: Path) -> None:
    reports, failures = _run(_folder(tmp_path, "name,agency\nb.txt,清河县财政局\n"))
    assert len(reports) == 2
    assert [str(f).split("sources.csv: ")[1] for f in failures] == [
        "row 1: no 'file' column (columns: file, agency, region, year, url)"
    ]


def test_sidecar_rows_are_checked() -> None:
    side = parse_sidecar(
        "file,agency,region,year,url,notes\n", "x/sources.csv"
    )  # an unknown column: the whole sidecar is refused, with the row named
    assert side.errors == ["row 1: unknown column 'notes' (known: file, agency, region, year, url)"]
    side = parse_sidecar("file,year\na.txt,2020\na.txt,2021\n,\nc.txt,1800\nd.txt,2019,extra\n")
    assert side.errors == [
        "row 3: a.txt is listed twice (row 2 first)",
        "row 5: year '1800' is not a year",
        "row 6: more cells than columns",
    ]
    assert list(side.rows) == ["a.txt"]


def test_a_sidecar_that_is_not_utf8_is_one_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, None)
    (folder / "sources.csv").write_bytes("file,agency\nb.txt,清河县财政局\n".encode("gb18030"))
    reports, failures = _run(folder)
    assert len(reports) == 2
    assert [str(f).endswith("sources.csv: not UTF-8 text; not read") for f in failures] == [True]


def test_the_url_is_kept_on_the_store_report_row(tmp_path: Path) -> None:
    import polars as pl

    from ogi.store.ingest import ingest

    folder = _folder(tmp_path / "in", "file,url\na.txt,https://example.gov.cn/a.html\n")
    out = tmp_path / "store"
    ingest([folder], out, jobs=1)
    rows = pl.read_parquet(out / "reports.parquet").sort("source")
    assert rows["url"].to_list() == ["https://example.gov.cn/a.html", None]


def test_an_edited_sidecar_row_reaches_the_store_on_a_plain_ingest(tmp_path: Path) -> None:
    """The report file is unchanged, only its sidecar row is edited: the next ingest re-reads it
    (the cache keys on the row), and a file whose row did not change is still skipped."""
    import polars as pl

    from ogi.store.ingest import ingest

    folder = _folder(tmp_path / "in", "file,agency\nb.txt,清河县财政局\n")
    out = tmp_path / "store"
    ingest([folder], out, jobs=1)
    (folder / "sources.csv").write_text("file,agency\nb.txt,清河县审计局\n", encoding="utf-8")
    result = ingest([folder], out, jobs=1)
    rows = pl.read_parquet(out / "reports.parquet").sort("source")
    assert rows["agency"].to_list()[1] == "清河县审计局"
    assert result.skipped == 1  # a.txt: nothing about it changed
