"""The README as a test: `make briefs`' commands run as a newcomer runs them, from a folder holding a copy
of `data/raw`, with the relative paths the README and Makefile give, then again through a symlinked
folder and with `./` and `..` spellings (issue 18: `ogi ingest data/raw` deleted the generation it had
just published, so `ogi render` failed on every fresh clone while every test, using absolute paths,
passed)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]  # ingests the sample and renders every brief

ROOT = Path(__file__).resolve().parents[1]


def briefs_commands() -> list[list[str]]:
    """The `ogi` commands of the Makefile's `briefs` target (what `make briefs` and the README run)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^briefs:.*\n((?:\t.*\n)+)", text, re.M)
    assert recipe, "the Makefile has a briefs target"
    commands = [shlex.split(line.strip()) for line in recipe.group(1).splitlines()]
    return [c[1:] for c in commands if c and c[0].endswith("/ogi")]


def ogi(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib"), "OGI_STORE": ""}
    env.pop("OGI_STORE")
    return subprocess.run(
        [sys.executable, "-m", "ogi.cli", *args, "--no-progress"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def _check_out(out: Path) -> list[str]:
    """Every brief the index links exists and is a whole page; returns the linked briefs."""
    index = (out / "index.html").read_text(encoding="utf-8")
    links = sorted({unquote(h) for h in re.findall(r'href="([^"]+\.html)"', index)})
    briefs = [h for h in links if re.fullmatch(r"[^/]+/\d{4}\.html", h)]
    assert briefs, "the index links the briefs"
    for rel in briefs:
        page = (out / rel).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), rel
        assert (out / rel).with_suffix(".csv").is_file(), rel
    return briefs


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a copy of the repository's data/raw and nothing else, as after a clone."""
    base = tmp_path_factory.mktemp("readme")
    work = base / "work"
    shutil.copytree(ROOT / "data" / "raw", work / "data" / "raw")
    return work


def test_the_makefile_briefs_target_is_what_the_readme_says() -> None:
    commands = briefs_commands()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [c[0] for c in commands] == ["ingest", "render"]
    assert "data/raw" in commands[0] and "data/processed" in commands[1] and "reports_out" in commands[1]
    assert "make briefs" in readme and "ogi ingest" in readme


def test_briefs_with_the_readme_relative_paths(newcomer: Path) -> None:
    ingest, render = briefs_commands()
    res = ogi(ingest, newcomer)
    assert res.returncode == 0, res.stderr[-3000:]
    assert re.search(r"\((\d+) reports", res.stderr)
    res = ogi(render, newcomer)
    assert res.returncode == 0, res.stderr[-3000:] + res.stdout[-2000:]
    out = newcomer / "reports_out"
    briefs = _check_out(out)
    n_sources = len(
        [p for p in (newcomer / "data" / "raw").rglob("*") if p.suffix in (".txt", ".html", ".pdf")]
    )
    assert len(briefs) >= n_sources // 2  # one per agency; a few agencies report more than one year
    if "--overview" in render:
        assert (out / "overview.html").is_file()


@pytest.mark.parametrize(
    ("where", "ingest", "render"),
    [
        (
            "link",
            ["ingest", "./data/raw", "-o", "./data/processed"],
            ["render", "--store", "./data/processed"],
        ),
        (
            "link/data",
            ["ingest", "raw", "-o", "../data/processed"],
            ["render", "--store", "../data/processed"],
        ),
        ("work/data/raw", ["ingest", ".", "-o", "../processed"], ["render", "--store", "../processed"]),
    ],
)
def test_the_same_store_through_a_symlink_and_dot_spellings(
    newcomer: Path, where: str, ingest: list[str], render: list[str]
) -> None:
    """Run after the README run: every spelling is the same store (nothing re-read, nothing duplicated)
    and the same briefs (nothing re-rendered, nothing removed)."""
    if not (newcomer / "reports_out" / "index.html").is_file():
        pytest.skip("needs the README run first")
    link = newcomer.parent / "link"
    if not link.exists():
        link.symlink_to(newcomer, target_is_directory=True)
    cwd = newcomer.parent / where
    res = ogi(ingest, cwd)
    assert res.returncode == 0, res.stderr[-3000:]
    assert re.search(r"ogi ingest: 0 read, \d+ skipped, 0 failed, 0 dropped", res.stderr), res.stderr[-2000:]
    assert "duplicate" not in res.stderr
    out = os.path.relpath(newcomer / "reports_out", cwd)
    res = ogi([*render, "--out", out], cwd)
    assert res.returncode == 0, res.stderr[-3000:]
    assert re.search(r": 0 rendered, \d+ skipped, 0 failed", res.stdout), res.stdout
    assert "removed stale brief" not in res.stderr
    _check_out(newcomer / "reports_out")
