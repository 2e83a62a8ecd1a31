"""Both notebooks run under nbval (lax) against a small real store; the checked cells print the figures
the store holds for the agency and year the notebook chose, and those must not change.

The committed notebooks carry outputs in exactly one kind of cell: the `# NBVAL_CHECK_OUTPUT` cells hold
their expected output (what the store views say for the first three seeds), and nbval compares the
run against it. After a deliberate change of those figures: `python tests/test_notebooks.py --update`.
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


CHECKED = {"agency_brief.ipynb": expected_headline, "corpus_overview.ipynb": expected_summary}


def checked_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if c.cell_type == "code" and "# NBVAL_CHECK_OUTPUT" in c.source]
    assert len(cells) == 1
    return cells[0]


def stored_output(path: Path) -> str:
    """The expected output committed in the notebook's NBVAL_CHECK_OUTPUT cell."""
    cell = checked_cell(nbformat.read(path, as_version=4))
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def update(store: Path) -> None:
    """Write the views' figures as the expected outputs of the committed notebooks (deliberate changes)."""
    for name, expected in CHECKED.items():
        path = ROOT / "notebooks" / name
        nb = nbformat.read(path, as_version=4)
        cell = checked_cell(nb)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=expected(store))]
        cell.execution_count = 1  # nbval ignores reference outputs of cells marked as never run
        nbformat.write(nb, path)


def test_notebooks_run_under_nbval(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp("nbval")
    store = ingest_sample(base)
    work = base / "notebooks"
    work.mkdir()
    for name, expected in CHECKED.items():
        # the committed expectation is what the views say; nbval then holds the notebook run to it
        assert stored_output(ROOT / "notebooks" / name) == expected(store), (
            f"{name}: stored NBVAL_CHECK_OUTPUT differs from the views (python tests/test_notebooks.py --update)"
        )
        (work / name).write_bytes((ROOT / "notebooks" / name).read_bytes())
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


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        update(ingest_sample(Path(tmp)))
    print("updated the NBVAL_CHECK_OUTPUT outputs of", ", ".join(CHECKED))
