"""Store generations: every write goes to a new folder, published by one atomic symlink switch.

    <store>/_gen/<n>/{reports,facts,findings,failures,manifest}.parquet + store.json
    <store>/_gen/current -> <n>                       (replaced atomically by rename)
    <store>/<frame>.parquet -> _gen/current/<frame>.parquet   (stable names for tools and notebooks)

A reader resolves `current` once (`resolve`) and so sees one whole generation, old or new, never a
mix. A reader that needs its generation to stay (a render) holds it `pin`ned; the writer removes only
generations that are neither current nor pinned.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ogi.errors import StoreDamaged
from ogi.store import integrity
from ogi.store.lock import pinned, shared_pin

GEN = "_gen"
CURRENT = "current"
READERS = ".readers"
FILES = ("reports.parquet", "facts.parquet", "findings.parquet", "failures.parquet", "manifest.parquet")


def current(store: Path) -> Path | None:
    """The folder of the published generation, or None for a store written before generations (or none)."""
    link = store / GEN / CURRENT
    if not os.path.lexists(link):
        return None
    target = link.resolve()
    if not target.is_dir():
        raise StoreDamaged(f"{link}: points to a missing generation; {integrity.REPAIR}")
    return target


def resolve(store: Path, *, verify: bool = True) -> Path:
    """The folder to read: the current generation (checksums verified), else `store` itself."""
    gen = current(store)
    if gen is None:
        return store
    if verify and os.environ.get("OGI_VERIFIED_STORE") != str(gen):
        integrity.verify(gen)
    return gen


@contextlib.contextmanager
def pin(gen: Path) -> Iterator[None]:
    """Keep generation `gen` on disk while the block runs (a shared lock on its reader file)."""
    with shared_pin(gen / READERS):
        yield


def new_folder(store: Path) -> Path:
    """A fresh, empty temporary generation folder (published by `publish`)."""
    root = store / GEN
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    return tmp


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def seal(tmp: Path) -> Path:
    """Checksum, fsync and name the temporary generation `tmp`; returns its final folder."""
    integrity.write_checksums(tmp, [f for f in FILES if (tmp / f).exists()])
    (tmp / READERS).touch()
    for f in tmp.iterdir():
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    root = tmp.parent
    numbers = [int(d.name) for d in root.iterdir() if d.name.isdigit()]
    final = root / f"{max(numbers, default=0) + 1:06d}"
    os.rename(tmp, final)
    _fsync_dir(root)
    return final


def publish(store: Path, gen: Path) -> None:
    """Make `gen` the current generation (one atomic rename) and point the stable names at it."""
    root = store / GEN
    link = root / f".current-{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    os.symlink(gen.name, link)
    os.replace(link, root / CURRENT)
    _fsync_dir(root)
    for name in FILES:
        stable = store / name
        want = f"{GEN}/{CURRENT}/{name}"
        if os.path.islink(stable) and os.readlink(stable) == want:
            continue
        tmp = store / f".{name}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(want, tmp)
        os.replace(tmp, stable)  # also turns a store written before generations into this layout
    _fsync_dir(store)


def collect(store: Path, previous: Path | None = None) -> list[Path]:
    """Remove generations that are not current, not `previous` (the one current before the switch: a
    Store opened just before it still reads whole) and not pinned by a reader; returns the old ones kept."""
    root = store / GEN
    live = current(store)
    kept = []
    for d in sorted(root.iterdir()) if root.is_dir() else ():
        if not d.name.isdigit() or d == live:
            continue
        if d == previous or pinned(d / READERS):
            kept.append(d)
            continue
        shutil.rmtree(d, ignore_errors=True)
    return kept


def sweep(store: Path) -> int:
    """Remove temporary files and folders left by runs that died (call with the store lock held)."""
    n = 0
    candidates = [*store.glob(".*.tmp"), *(store / GEN).glob(".*tmp*")]
    cache = store / "_cache"
    if cache.is_dir():
        candidates += cache.rglob(".*.tmp")
    for p in candidates:
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
            n += 1
    return n
