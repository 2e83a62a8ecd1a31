"""Atomic writes give files the mode any other program would: 0666 less the umask (issue 18: every
CSV/Parquet download and the index were mode 0600, unreadable to a web server or a colleague)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ogi.atomic import atomic_open, write_bytes, write_text


@pytest.fixture()
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_0666_less_the_umask(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    write_bytes(tmp_path / "a.csv", b"x")
    write_text(tmp_path / "b.html", "<p>")
    with atomic_open(tmp_path / "c.parquet", "wb", encoding=None) as fh:
        fh.write(b"PAR1")
    for name in ("a.csv", "b.html", "c.parquet"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name


def test_a_replaced_file_gets_the_same_mode(tmp_path: Path, umask: None) -> None:
    os.umask(0o022)
    target = tmp_path / "index.html"
    write_text(target, "one")
    write_text(target, "two")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.read_text() == "two"
