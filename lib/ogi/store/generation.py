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
from ogi.store.handle import READERS, Store
from ogi.store.lock import pinned, shared_pin

GEN = "_gen"
CURRENT = "current"
FILES = ("reports.parquet", "facts.parquet", "findings.parquet", "failures.parquet", "manifest.parquet")


def _root(store: Store) -> Path:
    """The store's resolved root; a bare path is refused (its spelling is what issue 18 was about)."""
    if not isinstance(store, Store):
        raise TypeError(f"expected a Store (ogi.store.open or Store.at), not {type(store).__name__}")
    return store.root


def root_of(folder: str | os.PathLike[str]) -> Path:
    """The store root a folder belongs to: its store for a generation folder (`<store>/_gen/<n>`, what a
    render reads), else the folder itself; resolved."""
    path = Path(os.path.realpath(folder))
    return path.parent.parent if path.parent.name == GEN and path.name.isdigit() else path


def current(store: Store) -> Path | None:
    """The folder of the published generation (resolved), or None for a store written before generations
    (or none yet)."""
    link = _root(store) / GEN / CURRENT
    if not os.path.lexists(link):
        return None
    target = link.resolve()
    if not target.is_dir():
        raise StoreDamaged(f"{link}: points to a missing generation; {integrity.REPAIR}")
    return target


def resolve(store: Store, *, verify: bool = True) -> Path:
    """The folder to read: the current generation (checksums verified), else the store's root."""
    gen = current(store)
    if gen is None:
        return _root(store)
    if verify and os.environ.get("OGI_VERIFIED_STORE") != str(gen):
        integrity.verify(gen)
    return gen


@contextlib.contextmanager
def pin(gen: Path) -> Iterator[None]:
    """Keep generation `gen` on disk while the block runs (a shared lock on its reader file)."""
    with shared_pin(gen / READERS):
        yield


def new_folder(store: Store) -> Path:
    """A fresh, empty temporary generation folder (published by `publish`)."""
    root = _root(store) / GEN
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


def publish(store: Store, gen: Path) -> None:
    """Make `gen` (a sealed folder under the store's `_gen`) the current generation (one atomic rename)
    and point the stable names at it."""
    root = _root(store) / GEN
    if gen.parent.resolve() != root.resolve():
        raise ValueError(f"{gen}: not a generation of the store {store.root}")
    link = root / f".current-{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    os.symlink(gen.name, link)
    os.replace(link, root / CURRENT)
    _fsync_dir(root)
    for name in FILES:
        stable = _root(store) / name
        want = f"{GEN}/{CURRENT}/{name}"
        if os.path.islink(stable) and os.readlink(stable) == want:
            continue
        tmp = _root(store) / f".{name}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(want, tmp)
        os.replace(tmp, stable)  # also turns a store written before generations into this layout
    _fsync_dir(_root(store))


def collect(store: Store, published: Path, previous: Path | None = None) -> list[Path]:
    """Remove generations that are not current, not `published` (the one this writer just made current),
    not `previous` (the one current before the switch: a Store opened just before it still reads whole)
    and not pinned by a reader; returns the old ones kept. Every path is compared resolved."""
    root = _root(store) / GEN
    live = current(store)
    keep = {p.resolve() for p in (live, published, previous) if p is not None}
    published = published.resolve()
    kept = []
    for d in sorted(root.iterdir()) if root.is_dir() else ():
        if not d.name.isdigit():
            continue
        real = d.resolve()
        if real in keep or pinned(d / READERS):
            if real not in (live, published):
                kept.append(d)
            continue
        assert real != published, f"{d}: about to remove the generation just published"
        shutil.rmtree(d, ignore_errors=True)
    assert published.is_dir(), f"{published}: the generation just published is gone"
    return kept


def sweep(store: Store) -> int:
    """Remove temporary files and folders left by runs that died (call with the store lock held)."""
    n = 0
    root = _root(store)
    candidates = [*root.glob(".*.tmp"), *(root / GEN).glob(".*tmp*")]
    cache = root / "_cache"
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
