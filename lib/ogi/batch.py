"""Batches of inputs: expand files and folders, parse each, and keep going past bad files.

Every verb that reads reports (extract, check, ingest) goes through `parse_many`, so one bad file
always becomes one `path: reason` failure and never stops the others.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ogi.errors import OgiError, ReadError
from ogi.facts import Report
from ogi.paths import shown, storable
from ogi.readers import SUFFIXES, special_file_reason


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be turned into a report, with the reason in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{shown(self.path)}: {shown(self.reason)}"


def _walk(folder: str, seen: set[tuple[int, int]], files: list[str], failures: list[Failure]) -> None:
    """Report files under `folder` (sorted), following symlinks once: a folder already seen is a loop."""
    try:  # real entries first, so a folder reached both ways is listed under its own name
        entries = sorted(os.scandir(folder), key=lambda e: (e.is_symlink(), e.name))
    except OSError as exc:
        failures.append(Failure(folder, f"cannot list folder ({exc.strerror or exc})"))
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        path = os.path.join(folder, e.name)
        try:
            st = os.stat(path)  # follows a symlink
        except OSError as exc:
            if e.is_symlink():
                if os.path.splitext(e.name)[1].lower() in SUFFIXES or not os.path.splitext(e.name)[1]:
                    failures.append(
                        Failure(path, f"skipped: broken or looping symlink ({exc.strerror or exc})")
                    )
            else:
                failures.append(Failure(path, f"skipped: cannot read ({exc.strerror or exc})"))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in seen:
                failures.append(
                    Failure(path, "skipped: folder already visited (symlink loop or second link)")
                )
                continue
            seen.add(key)
            _walk(path, seen, files, failures)
        elif os.path.splitext(e.name)[1].lower() in SUFFIXES:
            reason = special_file_reason(st.st_mode)
            if reason:
                failures.append(Failure(path, f"skipped: {reason}"))
            else:
                files.append(path)


def canonical_path(path: str) -> str:
    """`path` absolute with its folder's symlinks and `..` resolved, the file name kept as listed: the one
    spelling of an input (`raw/a.txt`, `./raw/a.txt`, `/abs/raw/a.txt` are one), while a file that is
    itself a symlink keeps its own name (two links to one file stay two inputs, the second a duplicate)."""
    head, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(head), name) if name else os.path.realpath(head)


def expand(paths: Iterable[str | Path], *, resolve: bool = False) -> tuple[list[str], list[Failure]]:
    """Files as given plus report files found under folders (sorted); missing paths and special files
    (FIFOs, devices, sockets, broken or looping symlinks) are failures, each named.

    Overlapping and repeated inputs (`D D/`, `raw raw/seeds`, a file and its folder) list each file once,
    compared by `canonical_path`; with `resolve` every path is returned in that spelling (the store's
    keys), else in the spelling of its first mention."""
    files: list[str] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    failed: set[tuple[str, str]] = set()

    def add(path: str, key: str) -> None:
        if key not in seen:
            seen.add(key)
            files.append(key if resolve else path)

    def fail(f: Failure) -> None:
        key = (canonical_path(f.path), f.reason)
        if key not in failed:
            failed.add(key)
            failures.append(Failure(canonical_path(f.path), f.reason) if resolve else f)

    for p in paths:
        path = os.fspath(p)
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        if st is None:
            fail(Failure(path, "no such file or folder"))
        elif stat.S_ISDIR(st.st_mode):
            found: list[str] = []
            walk_failures: list[Failure] = []
            _walk(path, {(st.st_dev, st.st_ino)}, found, walk_failures)
            root = canonical_path(path)
            for f in sorted(found):  # under the folder as found: a symlinked sub-folder keeps its name
                add(f, os.path.join(root, os.path.relpath(f, path)))
            for failure in walk_failures:
                fail(failure)
        elif reason := special_file_reason(st.st_mode):
            fail(Failure(path, reason))
        else:
            add(path, canonical_path(path))
    from ogi.sources import errors_of  # a malformed sidecar sources.csv: one failure per bad row

    for side, reason in errors_of(files):
        fail(Failure(side, reason))
    return files, failures


def missing_inputs(paths: Iterable[str | Path]) -> list[str]:
    """The input paths that do not exist (an empty string included): nothing may be dropped for them."""
    return [os.fspath(p) for p in paths if not os.fspath(p) or not os.path.exists(p)]


def parse_one(path: str) -> Report:
    """Read and parse one file; raise OgiError (ReadError or a parse error) with a one-line reason."""
    from ogi import sources
    from ogi.parse import parse_document
    from ogi.readers import read_path

    doc = read_path(path)
    doc.source = storable(path)  # a non-UTF-8 file name: escaped once here, so every output can encode it
    try:
        report = parse_document(doc)
        sources.apply(report, path)  # the folder's sources.csv overrides agency, region, year; keeps url
    except OgiError:
        raise
    except RecursionError:
        raise ReadError(path, "document structure too deeply nested") from None
    except Exception as exc:  # a parser bug must not stop the batch; report it as this file's failure
        raise ReadError(path, f"internal parser error ({type(exc).__name__}: {exc})"[:300]) from None
    if report.year is None and not report.agency and not report.facts:
        # a stray file (a note, a junk download) would otherwise be a report of agency `unknown-…`
        raise ReadError(path, "no report structure: no year, no agency and no figure found")
    return report


def parse_many(paths: Iterable[str]) -> Iterator[Report | Failure]:
    """Parse each path in turn, yielding a Report or a Failure; never raises for one bad file."""
    for path in paths:
        try:
            yield parse_one(path)
        except OgiError as exc:
            reason = exc.reason if isinstance(exc, ReadError) else str(exc)
            yield Failure(path, reason)
        except MemoryError:
            yield Failure(path, "out of memory while parsing")
