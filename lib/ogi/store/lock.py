"""Folder locks: one writer at a time for a store (`ogi ingest`) or an output folder (`ogi render`).

An advisory `fcntl.flock` on `<folder>/.ogi.lock`; the holder writes its pid and command into the file
so a second writer can say who it waits for. The kernel drops the lock when the holder dies, however
it dies, so a lock is never left stale.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ogi.errors import LockBusy

LOCK = ".ogi.lock"


def _holder(fh: int) -> str:
    try:
        os.lseek(fh, 0, os.SEEK_SET)
        return os.read(fh, 512).decode("utf-8", "replace").strip() or "another process"
    except OSError:
        return "another process"


@contextlib.contextmanager
def folder_lock(
    folder: Path,
    what: str,
    *,
    wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the exclusive lock of `folder` inside the block.

    `wait`: seconds to wait for another holder (None: as long as it takes, 0: not at all); past it,
    LockBusy names the holder. `on_wait(holder)` is called once when the lock is busy.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if deadline is not None and time.monotonic() >= deadline:
                    raise LockBusy(f"{folder}: locked by {holder}; try again when it has finished") from None
                if not told and on_wait is not None:
                    on_wait(holder)
                    told = True
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        cmd = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv[:4]))
        os.write(fd, f"pid {os.getpid()} ({what}: {cmd})".encode("utf-8", "surrogateescape"))
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def shared_pin(path: Path) -> Iterator[None]:
    """Hold a shared lock on `path` (a generation's reader file) so the writer keeps that generation."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def pinned(path: Path) -> bool:
    """Whether a reader holds `path` shared (the writer then leaves its generation alone)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def holder(folder: Path) -> str | None:
    """What the holder of `folder`'s lock wrote (`pid N (ogi render: …)`), None when nobody holds it."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
