"""Batches of inputs: expand files and folders, parse each, and keep going past bad files.

Every verb that reads reports (extract, check, ingest) goes through `parse_many`, so one bad file
always becomes one `path: reason` failure and never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ogi.errors import OgiError, ReadError
from ogi.facts import Report
from ogi.readers import SUFFIXES


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be turned into a report, with the reason in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand(paths: Iterable[str | Path]) -> tuple[list[str], list[Failure]]:
    """Files as given plus report files found under folders (sorted); missing paths are failures."""
    files: list[str] = []
    failures: list[Failure] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                str(x)
                for x in path.rglob("*")
                if x.is_file() and x.suffix.lower() in SUFFIXES and not x.name.startswith(".")
            )
            files.extend(found)
        elif path.exists():
            files.append(str(p))
        else:
            failures.append(Failure(str(p), "no such file or folder"))
    return files, failures


def parse_one(path: str) -> Report:
    """Read and parse one file; raise OgiError (ReadError or a parse error) with a one-line reason."""
    from ogi.parse import parse_document
    from ogi.readers import read_path

    doc = read_path(path)
    try:
        return parse_document(doc)
    except OgiError:
        raise
    except RecursionError:
        raise ReadError(path, "document structure too deeply nested") from None
    except Exception as exc:  # a parser bug must not stop the batch; report it as this file's failure
        raise ReadError(path, f"internal parser error ({type(exc).__name__}: {exc})"[:300]) from None


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
