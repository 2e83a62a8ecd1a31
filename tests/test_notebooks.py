"""Both notebooks run under nbval (lax) against a small real store; the checked cells print the figures
the store holds for the agency and year the notebook chose, and those must not change.

The committed notebooks have no outputs, so the test copies them and fills the reference output of
each `# NBVAL_CHECK_OUTPUT` cell with what the store views say (computed here, not by the notebook).
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
    first = s.agencies(store).sort("agency_key").row(0, named=True)
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


def with_reference(src: Path, dest: Path, text: str) -> None:
    nb = nbformat.read(src, as_version=4)
    checked = [c for c in nb.cells if c.cell_type == "code" and "# NBVAL_CHECK_OUTPUT" in c.source]
    assert len(checked) == 1, src
    checked[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    checked[0].execution_count = 1  # nbval ignores reference outputs of cells marked as never run
    nbformat.write(nb, dest)


def test_notebooks_run_under_nbval(tmp_path_factory: pytest.TempPathFactory) -> None:
    pytest.importorskip("ogi.store")
    base = tmp_path_factory.mktemp("nbval")
    store = ingest_sample(base)
    work = base / "notebooks"
    work.mkdir()
    with_reference(
        ROOT / "notebooks" / "agency_brief.ipynb", work / "agency_brief.ipynb", expected_headline(store)
    )
    with_reference(
        ROOT / "notebooks" / "corpus_overview.ipynb", work / "corpus_overview.ipynb", expected_summary(store)
    )
    env = dict(os.environ, OGI_STORE=str(store))
    env.pop("OGI_STORE_VIEWS", None)
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
