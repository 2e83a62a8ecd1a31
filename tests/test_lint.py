"""Style and types are part of the suite: ruff (lint and format) on the package, the tests and the
benchmarks, and mypy on the package (configured in pyproject.toml), so CI enforces all three."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    out = subprocess.run(
        [_tool("ruff"), "check", "lib", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_format_clean() -> None:
    out = subprocess.run(
        [_tool("ruff"), "format", "--check", "lib", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.slow  # ~30 s without its cache (.mypy_cache); `make lint` runs it too
def test_mypy_clean() -> None:
    out = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_notebooks_are_committed_without_outputs() -> None:
    """No outputs, except the expected stdout of each `# NBVAL_CHECK_OUTPUT` cell (what nbval compares)."""
    import json

    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for c in cells:
            if c["cell_type"] != "code":
                continue
            if "# NBVAL_CHECK_OUTPUT" in "".join(c["source"]):
                outs = c.get("outputs") or []
                assert outs, f"{nb.name}: a checked cell without its expected output"
                assert all(o.get("output_type") == "stream" and o.get("name") == "stdout" for o in outs), (
                    nb.name
                )
                assert c.get("execution_count") in (None, 1), nb.name
                continue
            assert not c.get("outputs"), nb.name
            assert not c.get("execution_count"), nb.name
