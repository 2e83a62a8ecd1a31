"""Document → Report: sections, template, metadata, table facts, prose facts and mentions."""

from __future__ import annotations

from ogi.document import Document
from ogi.facts import Report


def parse_document(doc: Document) -> Report:
    """Parse one decoded document into a Report (metadata, sections, facts, blanks, problems)."""
    from ogi.parse.pipeline import run

    return run(doc)


def parse_path(path: str) -> Report:
    """Read and parse one file (raises ogi.errors.OgiError subclasses only)."""
    from ogi.batch import parse_one

    return parse_one(path)
