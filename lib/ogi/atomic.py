"""Atomic file writes: write a temp file beside the target, fsync, then rename over it.

The file ends with the mode a plain `open` would give it (0666 less the umask), not mkstemp's 0600.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _umask() -> int:
    """The process umask (read without changing it where /proc allows; else set and restored at once)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temp file next to `path`; on clean exit it replaces `path`, on error it vanishes."""
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/stdout, /dev/full, a FIFO: never replace a device
        with open(target, mode, encoding=None if "b" in mode else encoding) as direct:
            yield direct
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    binary = "b" in mode
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; the file gets the mode open() would give
        with os.fdopen(
            fd, mode, encoding=None if binary else encoding, newline=None if binary else "\n"
        ) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path, text: str) -> None:
    with atomic_open(path, "w") as fh:
        fh.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path, "wb", encoding=None) as fh:
        fh.write(data)


def sweep_temp_files(folder: str | Path) -> int:
    """Remove the temp files (`.<name>.*.tmp`) that runs killed mid-write left under `folder`.

    Call only while holding the folder's lock (ogi.store.lock), so no live writer's file is removed.
    """
    n = 0
    root = Path(folder)
    for p in root.rglob(".*.tmp") if root.is_dir() else ():
        with contextlib.suppress(OSError):
            if p.is_file() or p.is_symlink():
                p.unlink()
                n += 1
    return n
