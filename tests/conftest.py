"""Set-up shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ogi.render.kernel import skip_slow_imports

# as `ogi render` does in its own process: jsonschema's optional rfc3987 format checker costs seconds
# to import (Altair and nbformat pull jsonschema in) and nothing here uses it
skip_slow_imports()


@pytest.fixture()
def restore_working_directory() -> Iterator[Path]:
    """Let a test `os.chdir` (to run with relative paths, as a user does) and put the cwd back after
    (datasette's fixture of the same name): yields the cwd the test started in."""
    before = Path.cwd()
    try:
        yield before
    finally:
        os.chdir(before)


@pytest.fixture(params=["absolute", "relative"])
def store_dir(request: pytest.FixtureRequest, tmp_path: Path, restore_working_directory: Path) -> Path:
    """A store folder to create, as `tmp_path/store` and (cwd at tmp_path) as the relative `store`:
    every store test that takes a path runs both ways, as users type it and as fixtures spell it."""
    if request.param == "absolute":
        return tmp_path / "store"
    os.chdir(tmp_path)
    return Path("store")
