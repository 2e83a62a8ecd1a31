"""Plain-text reader: decode with the detected encoding; tables are found later by the parser."""

from __future__ import annotations

from ogi.document import Document
from ogi.readers import lines_document
from ogi.text import decode


def read(data: bytes, path: str) -> Document:
    text, enc = decode(data, path)
    return lines_document(path, text, "text", enc)
