"""The notebooks run under nbval (lax) against the small real test store; the checked cells print the
figures the store holds for what the notebook chose, and those must not change.

The committed notebooks carry outputs in exactly one kind of cell: the `# NBVAL_CHECK_OUTPUT` cells hold
their expected output (what the store views say for the test store, computed here independently of the
notebook's own expressions), and nbval compares the run against it. After a deliberate change of those figures: `python tests/test_notebooks.py --update`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from fixtures.render_support import ROOT, ingest_sample

pytestmark = [pytest.mark.timeout(900), pytest.mark.slow]


def _num(v: object) -> str:
    if v is None:
        return "—"
    f = float(v)  # type: ignore[arg-type]
    return f"{int(f):,}" if f.is_integer() else f"{f:,.2f}".rstrip("0").rstrip(".")


def _change(v: object) -> str:
    if v is None:
        return "—"
    f = float(v)  # type: ignore[arg-type]
    return ("+" if f > 0 else "−" if f < 0 else "±") + _num(abs(f))


def expected_headline(store_path: Path) -> str:
    import ogi.store as s

    store = s.open_store(store_path)
    table = s.agencies(store).sort("agency_key").to_dicts()
    first = next(  # the notebook's default agency: the first whose latest report has charts
        r
        for r in table
        if s.category_mix(store, r["agency_key"], r["latest_year"]).height
        or s.channel_mix(store, r["agency_key"], r["latest_year"]).height
    )
    key, year = first["agency_key"], first["latest_year"]
    lines = [f"{key}\t{year}"]
    for r in s.headline(store, key, year).to_dicts():
        lines.append(f"{r['metric']}\t{_num(r['value'])}\t{_num(r['previous'])}\t{_change(r['change'])}")
    return "\n".join(lines) + "\n"


def expected_summary(store_path: Path) -> str:
    import ogi.store as s

    store = s.open_store(store_path)
    reps = s.reports(store)
    years = sorted(y for y in reps["year"].to_list() if y is not None)
    lines = [
        f"reports\t{reps.height}",
        f"agencies\t{s.agencies(store).height}",
        f"years\t{years[0]}-{years[-1]}",
        f"findings\t{s.findings(store).height}",
    ]
    lines += [f"template {t}\t{n}" for t, n in sorted(Counter(map(str, reps["template"].to_list())).items())]
    return "\n".join(lines) + "\n"


def expected_explore_frames(store_path: Path) -> str:
    """explore.ipynb's frames: one report per agency and year, their agencies, their year-scope facts."""
    import ogi.store as s

    store = s.open_store(store_path)
    pairs = [(k, y) for k, ys in s.agencies(store).select("agency_key", "years").iter_rows() for y in ys]
    facts = sum(s.report_facts(store, k, y).filter(scope="year").height for k, y in pairs)
    return f"reports\t{len(pairs)}\nagencies\t{len({k for k, _ in pairs})}\nfacts\t{facts}\n"


def expected_explore_fewer(store_path: Path) -> str:
    """explore.ipynb's "published less": the headline view's proactive total against the previous report."""
    import ogi.store as s

    store = s.open_store(store_path)
    lines, compared = [], 0
    for key, years in s.agencies(store).sort("agency_key").select("agency_key", "years").iter_rows():
        for y in sorted(years)[1:]:
            row = s.headline(store, key, y).filter(metric="proactive.total").row(0, named=True)
            if row["previous"] is None:
                continue
            compared += 1
            if row["value"] is not None and row["value"] < row["previous"]:
                before = s.previous_year(store, key, y)
                lines.append(f"{key}\t{before}\t{row['previous']:g}\t{y}\t{row['value']:g}")
    return "".join(f"{x}\n" for x in lines) + f"{len(lines)} of {compared}\n"


CHECKED = {
    "agency_brief.ipynb": [expected_headline],
    "corpus_overview.ipynb": [expected_summary],
    "explore.ipynb": [expected_explore_frames, expected_explore_fewer],
}


def checked_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code" and "# NBVAL_CHECK_OUTPUT" in c.source]


def stored_outputs(path: Path) -> list[str]:
    """The expected outputs committed in the notebook's NBVAL_CHECK_OUTPUT cells, in order."""
    return [
        "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        for cell in checked_cells(nbformat.read(path, as_version=4))
    ]


def update(store: Path) -> None:
    """Write the views' figures as the expected outputs of the committed notebooks (deliberate changes)."""
    for name, expected in CHECKED.items():
        path = ROOT / "notebooks" / name
        nb = nbformat.read(path, as_version=4)
        cells = checked_cells(nb)
        assert len(cells) == len(expected), name
        for cell, want in zip(cells, expected, strict=True):
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=want(store))]
            cell.execution_count = 1  # nbval ignores reference outputs of cells marked as never run
        nbformat.write(nb, path)


def test_notebooks_run_under_nbval(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp("nbval")
    store = ingest_sample(base)
    work = base / "notebooks"
    work.mkdir()
    for name, expected in CHECKED.items():
        # the committed expectation is what the views say; nbval then holds the notebook run to it
        assert stored_outputs(ROOT / "notebooks" / name) == [want(store) for want in expected], (
            f"{name}: stored NBVAL_CHECK_OUTPUT differs from the views (python tests/test_notebooks.py --update)"
        )
        (work / name).write_bytes((ROOT / "notebooks" / name).read_bytes())
    env = dict(os.environ, OGI_STORE=str(store))
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-p",
            "no:cacheprovider",
            "-q",
            "-o",
            "addopts=",
            "--rootdir",
            str(work),
            str(work),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
        timeout=600,
    )
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert " passed" in res.stdout and "failed" not in res.stdout


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        update(ingest_sample(Path(tmp)))
    print("updated the NBVAL_CHECK_OUTPUT outputs of", ", ".join(CHECKED))
