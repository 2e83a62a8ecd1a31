"""The CLI keeps going past bad inputs and says why each one failed."""

from __future__ import annotations

from pathlib import Path

from ogi.cli import main


def test_extract_reports_missing_and_empty_files(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text("2019年某街道办事处政府信息公开工作年度报告\n主动公开政府信息12条。\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    rc = main(["extract", str(good), str(empty), str(tmp_path / "missing.txt")])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{empty}: empty file" in err
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err
