"""Readers: one per file type, each turning bytes into the same Document (see ogi.document).

The registry maps a suffix to "module:function"; a reader module is imported only when a file of
its type is met, so a missing optional dependency fails that file alone with a clear reason.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path

from ogi.document import Document
from ogi.errors import OgiError, ReadError

READERS: dict[str, str] = {
    ".txt": "ogi.readers.text:read",
    ".text": "ogi.readers.text:read",
    ".html": "ogi.readers.html:read",
    ".htm": "ogi.readers.html:read",
    ".shtml": "ogi.readers.html:read",
    ".xhtml": "ogi.readers.html:read",
    ".docx": "ogi.readers.docx:read",
    ".pdf": "ogi.readers.pdf:read",
}
LEGACY = {".doc", ".wps", ".xls", ".et", ".rtf"}
SUFFIXES = frozenset(READERS) | LEGACY


def _reader(spec: str, path: str) -> Callable[[bytes, str], Document]:
    module, _, func = spec.partition(":")
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise ReadError(path, f"no reader available for this file type ({exc})") from None
    fn: Callable[[bytes, str], Document] = getattr(mod, func)
    return fn


def sniff_kind(data: bytes, suffix: str) -> str:
    """Pick the reader suffix from the content when the name lies (an HTML page saved as .txt ...)."""
    head = data[:2048].lstrip().lower()
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return ".docx"
    if suffix in (".txt", "") and (head.startswith((b"<!doctype html", b"<html")) or b"<body" in head):
        return ".html"
    return suffix


def read_bytes(data: bytes, path: str) -> Document:
    """Read one report's bytes into a Document; raise ReadError naming the reason."""
    suffix = Path(path).suffix.lower()
    if suffix in LEGACY:
        raise ReadError(
            path, f"legacy {suffix} file: convert it to .docx (e.g. libreoffice --convert-to docx)"
        )
    suffix = sniff_kind(data, suffix)
    spec = READERS.get(suffix, READERS[".txt"])
    try:
        doc = _reader(spec, path)(data, path)
    except OgiError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise ReadError(path, f"document too deeply nested or too large ({type(exc).__name__})") from None
    except Exception as exc:  # a third-party parser choking on a damaged file
        raise ReadError(
            path, f"unreadable {suffix.lstrip('.') or 'text'} file ({type(exc).__name__}: {exc})"[:300]
        ) from None
    _check_size(doc, path)
    doc.content_hash = hashlib.sha256(data).hexdigest()
    return doc


def _check_size(doc: Document, path: str) -> None:
    """Refuse documents far beyond any real report (text.MAX_TEXT_CHARS, text.MAX_LINES) before parsing."""
    from ogi.text import MAX_LINES, MAX_TEXT_CHARS

    if len(doc.lines) > MAX_LINES:
        raise ReadError(path, f"too many lines ({len(doc.lines):,} > {MAX_LINES:,}): not a single report")
    chars = sum(len(x) for x in doc.lines)
    if chars > MAX_TEXT_CHARS:
        raise ReadError(
            path, f"too much text ({chars:,} characters > {MAX_TEXT_CHARS:,}): not a single report"
        )


def special_file_reason(mode: int) -> str | None:
    """Why a file of this mode is not read (a FIFO would block, a device never ends), or None."""
    import stat

    if stat.S_ISREG(mode):
        return None
    for test, what in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return f"not a regular file: {what}"
    return "not a regular file"


def read_capped(path: str | Path) -> bytes:
    """The bytes of a regular file, refused before reading when larger than text.MAX_BYTES.

    The size is taken from fstat of the opened file (O_NONBLOCK, so a FIFO cannot block the open),
    and the read itself stops at MAX_BYTES + 1 whatever the file claims.
    """
    import os

    from ogi.text import MAX_BYTES

    p = os.fspath(path)
    fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        reason = special_file_reason(st.st_mode)
        if reason:
            raise ReadError(str(p), reason)
        if st.st_size > MAX_BYTES:
            raise ReadError(
                str(p), f"too large ({st.st_size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)"
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise ReadError(str(p), f"too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def read_path(path: str | Path) -> Document:
    """Read a report from disk; every failure is a ReadError naming the file."""
    p = str(path)
    try:
        data = read_capped(path)
    except IsADirectoryError:
        raise ReadError(p, "is a directory") from None
    except FileNotFoundError:
        raise ReadError(p, "no such file") from None
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except OSError as exc:
        raise ReadError(p, f"cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, p)


def lines_document(source: str, text: str, kind: str, encoding: str) -> Document:
    """Build a Document from decoded text: split lines and normalise each one."""
    from ogi.text import normalise_line

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return Document(
        source=source, lines=lines, norm=[normalise_line(x) for x in lines], kind=kind, encoding=encoding
    )
