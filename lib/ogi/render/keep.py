"""Writes that leave a file alone when its bytes would not change (an unchanged re-render touches nothing).

The site's pages, CSVs and manifests are rebuilt on every render; a reader, a sync tool or a web
server sees a new modification time only when the content really changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from ogi.atomic import write_bytes


def same_bytes(path: str | os.PathLike[str], data: bytes) -> bool:
    """True when `path` is a regular file holding exactly `data` (size compared first)."""
    p = Path(path)
    try:
        return p.is_file() and p.stat().st_size == len(data) and p.read_bytes() == data
    except OSError:
        return False


def write_bytes_if_changed(path: str | os.PathLike[str], data: bytes) -> bool:
    """Atomically write `data` unless the file already holds it; True when written."""
    if same_bytes(path, data):
        return False
    write_bytes(Path(path), data)
    return True


def write_text_if_changed(path: str | os.PathLike[str], text: str) -> bool:
    """`write_bytes_if_changed` for UTF-8 text (what ogi.atomic.write_text writes)."""
    return write_bytes_if_changed(path, text.encode("utf-8"))
