"""The Store: one store folder, its path resolved once at the boundary, and the generation it reads.

Every module below the command line takes a Store, never a bare path, so `data/processed`,
`./data/processed`, a path through a symlinked folder or with a `..` segment are one store: the same
lock, the same generations, and garbage collection that compares like with like (see issue 18: an
unresolved folder name compared with a resolved `current` deleted the generation just published).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import polars as pl

from ogi.store import schema as S
from ogi.store.lock import shared_pin


def resolved(path: str | os.PathLike[str]) -> Path:
    """`path` absolute with every symlink and `..` resolved (the one spelling every module compares)."""
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


#: a generation's reader file: a reader holds it shared (`Store.pin`), the writer leaves that generation
READERS = ".readers"


@dataclass(frozen=True, slots=True)
class Store:
    """A store folder (`root`, resolved) and the folder its frames are read from (`folder`).

    `folder` is the generation current when the Store was opened (so a reader sees one whole store,
    old or new, never a mix), or `root` itself for a store written before generations or not yet written.
    `views_module` is the module of view functions `views` binds (given by `ogi.store.open`).
    """

    root: Path
    folder: Path
    views_module: ModuleType | None = field(default=None, compare=False, repr=False)

    @classmethod
    def at(cls, path: str | os.PathLike[str] | Store) -> Store:
        """The store at `path` for a writer: the root resolved, no generation read yet."""
        if isinstance(path, Store):
            return cls(path.root, path.root)
        root = resolved(path)
        return cls(root, root)

    @property
    def path(self) -> Path:
        """The folder the frames are read from (kept for code written when a Store was only that)."""
        return self.folder

    @property
    def generation(self) -> Path | None:
        """The generation folder this Store reads, None for a store without generations."""
        return None if self.folder == self.root else self.folder

    def frame(self, name: str) -> pl.LazyFrame:
        """One stored frame, lazily; an empty frame with its schema when the file is missing."""
        f = self.folder / f"{name}.parquet"
        if f.exists():
            return pl.scan_parquet(f)
        return S.empty(name).lazy()

    @property
    def reports(self) -> pl.LazyFrame:
        return self.frame("reports")

    @property
    def facts(self) -> pl.LazyFrame:
        """The corrected facts: a parser fact an analyst correction replaced or removed is left out
        (`frame("facts")` still holds it, with `superseded_by`; ogi.store.corrections)."""
        lf = self.frame("facts")
        if "superseded_by" not in lf.collect_schema().names():  # a store written before corrections
            return lf
        return lf.filter(pl.col("superseded_by").is_null())

    @property
    def findings(self) -> pl.LazyFrame:
        return self.frame("findings")

    @property
    def failures(self) -> pl.LazyFrame:
        return self.frame("failures")

    @contextlib.contextmanager
    def pin(self) -> Iterator[Store]:
        """Keep this Store's generation on disk while the block runs (ingests leave a pinned one alone)."""
        if self.generation is None:
            yield self
            return
        with shared_pin(self.generation / READERS):
            yield self

    @property
    def views(self) -> Views:
        """The view functions bound to this Store: `store.views.agencies()` is `views.agencies(store)`."""
        if self.views_module is None:
            raise AttributeError("this Store was not opened for reading (use ogi.store.open)")
        return Views(self, self.views_module)


_NOT_VIEWS = frozenset({"open_store", "as_store", "metric_labels"})


class Views:
    """The public functions of a views module with one Store as their first argument."""

    __slots__ = ("_module", "_store")

    def __init__(self, store: Store, module: ModuleType) -> None:
        self._store = store
        self._module = module

    def _names(self) -> list[str]:
        names = getattr(self._module, "__all__", [])
        return [
            n
            for n in names
            if n not in _NOT_VIEWS
            and callable(getattr(self._module, n, None))
            and not isinstance(getattr(self._module, n), type)
        ]

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name not in self._names():
            raise AttributeError(f"{self._module.__name__} has no view {name!r}")
        return functools.partial(getattr(self._module, name), self._store)

    def __dir__(self) -> list[str]:
        return self._names()
