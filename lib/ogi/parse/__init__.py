"""Document → Report: sections, template, metadata, table facts, prose facts and mentions."""

from __future__ import annotations

from ogi.document import Document
from ogi.facts import Report


def parse_document(doc: Document) -> Report:
    """Parse one decoded document into a Report (metadata, sections, facts, blanks, problems)."""
    from ogi.parse.pipeline import run

    return run(doc)
