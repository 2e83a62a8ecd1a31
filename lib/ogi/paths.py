"""Paths as the OS gives them: bytes-safe names and an escaped printed form for terminals.

File names that are not valid UTF-8 (a GBK name from an unzipped archive) reach Python as str with
surrogate escapes; they are kept that way for opening files, stored as `os.fsdecode` text, and printed
only through `shown`, which also escapes control characters (terminal escapes in names or agencies).
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _esc(m: re.Match[str]) -> str:
    c = m.group(0)
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:  # a raw byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def shown(text: object) -> str:
    """`text` safe for a terminal: control characters, bidi overrides and undecodable bytes escaped."""
    return _CONTROL.sub(_esc, str(text))


_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """`text` (an HTML page, a CSV file) with control characters and bidi overrides escaped as `shown`
    does, keeping the tab and line breaks that are its structure: a report's ESC bytes never reach a
    terminal that `cat`s a download, nor reorder what a page shows."""
    return _CONTROL_IN_TEXT.sub(_esc, text)


def storable(path: str | bytes | os.PathLike[str]) -> str:
    """A path as text that always encodes to UTF-8 (undecodable bytes escaped as \\xNN), for the store."""
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if isinstance(text, bytes):  # pragma: no cover - PathLike[bytes]
        text = os.fsdecode(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return re.sub("[\udc80-\udcff]", lambda m: f"\\x{ord(m.group(0)) - 0xDC00:02x}", text)
