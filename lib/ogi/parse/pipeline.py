"""The parsing pipeline (placeholder until the real stages land)."""

from __future__ import annotations

from ogi.document import Document
from ogi.facts import Report


def run(doc: Document) -> Report:
    return Report(source=doc.source, report_id=doc.content_hash[:16], kind=doc.kind, encoding=doc.encoding,
                  line_count=len(doc.lines), doc=doc)
