"""The parsing pipeline: tables, template, metadata, sections, prose facts, mentions, truncation."""

from __future__ import annotations

import re

from ogi.document import Document
from ogi.facts import Fact, Report, Section, without_shadowed_approx
from ogi.parse import flatten
from ogi.parse.decode import repair
from ogi.parse.layout import find_tables
from ogi.parse.mentions import scan_mentions
from ogi.parse.meta import extract_meta
from ogi.parse.prose import extract_prose
from ogi.parse.script import simplified_view
from ogi.parse.sections import find_sections
from ogi.parse.tables import TableFacts, read_table
from ogi.templates import registry

_END_OK = re.compile(r"[。！？!?”」）)\]】.；;:：]$|日$|\d$|附件\S*$|印发$|[。]\s*$")


def detect_template(doc: Document, tf: TableFacts, year: int | None) -> str:
    """The registered format of the report (signatures and table blocks: ogi.templates.registry)."""
    return registry.detect("".join(x.replace(" ", "") for x in doc.norm), tf.blocks, year)


def _truncated(doc: Document, sections: list[Section], published: str | None) -> bool:
    """The text stops mid-sentence, or stops before its closing sections with no signature or date."""
    for line in reversed(doc.norm):
        s = line.strip()
        if not s:
            continue
        if "|" in s or line.startswith("\t"):
            return False
        if len(s) >= 12 and not _END_OK.search(s):
            return True
        break
    closing = any(sec.kind in ("problems", "other") for sec in sections)
    tail = [x.strip() for x in doc.norm[-8:] if x.strip()][-3:]
    signed = any(
        len(x) <= 40
        and re.search(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|人民政府$|办事处$|[〕\]]\s*\d+\s*号", x)
        for x in tail
    )
    return bool(sections) and not closing and not signed and not published


def _claim_table_spans(doc: Document, facts: list[Fact], spans: dict[int, list[tuple[int, int]]]) -> None:
    """Mark where each table fact's figure stands in its line, so the mention pass skips it."""
    for f in facts:
        if not f.line or f.line > len(doc.norm) or f.origin == "derived":
            continue  # a derived figure is printed nowhere
        line = doc.norm[f.line - 1]
        cell = f.quote.rsplit("|", 1)[-1].strip()
        token = "".join(ch for ch in cell if ch.isdigit() or ch in ".,+-") or cell
        taken = spans.setdefault(f.line, [])
        start = 0
        while True:
            pos = line.find(token, start)
            if pos < 0:
                break
            if not any(a <= pos < b for a, b in taken):
                taken.append((pos, pos + len(token)))
                break
            start = pos + 1


def _page_locs(doc: Document, facts: list[Fact]) -> None:
    """Give every fact of a paged document (PDF) its page in `loc` (`p. 3`), so a quote can be found
    in the printed report; a note already there (`split …`) is kept after it."""
    if doc.pages is None:
        return
    for f in facts:
        page = doc.page_of(f.line)
        if page is None or f.loc.startswith("p. "):
            continue
        f.loc = f"p. {page}" + (f"; {f.loc}" if f.loc else "")


def run(doc: Document) -> Report:
    """Parse a document; one printed in traditional characters is parsed on its simplified view."""
    view = simplified_view(doc)
    return _run(doc) if view is None else view.restore(_run(view.simple))


def _run(doc: Document) -> Report:
    tables = doc.tables or find_tables(doc)
    tf = TableFacts()
    for t in tables:
        read_table(t, tf)
    flat_form = flatten.form(doc, tf) if "form" not in tf.blocks else set()  # a 统计表 run together
    meta = extract_meta(doc.lines, doc.norm, doc.source)
    template = detect_template(doc, tf, meta.year)
    table_lines: set[int] = repair(doc, tf, template)  # damaged 2019/2021 tables decoded by the template
    table_lines |= flat_form
    for t in tables:
        if any(len(r) > 1 for r in t.rows) or any(c.text for r in t.rows for c in r):
            table_lines.update(range(t.line, t.end_line + 1))
    spans: dict[int, list[tuple[int, int]]] = {}
    _claim_table_spans(doc, tf.facts, spans)
    prose = extract_prose(doc.lines, doc.norm, table_lines)
    for line, ss in prose.spans.items():
        spans.setdefault(line, []).extend(ss)
    mentions = scan_mentions(doc.lines, doc.norm, spans)
    facts = without_shadowed_approx(tf.facts + prose.facts) + mentions  # approximate never shadows exact
    facts.sort(key=lambda f: (f.line, f.metric.startswith("mention."), f.metric))
    _page_locs(doc, facts)
    sections = find_sections(doc)
    report = Report(
        source=doc.source,
        report_id=doc.content_hash[:16],
        agency=meta.agency,
        region=meta.region,
        year=meta.year,
        template=template,
        doc_number=meta.doc_number,
        signer=meta.signer,
        published=meta.published,
        title=meta.title,
        kind=doc.kind,
        encoding=doc.encoding,
        line_count=len(doc.lines),
        truncated=_truncated(doc, sections, meta.published),
        sections=sections,
        facts=facts,
        blanks=tf.blanks,
        problems=list(tf.problems),
        agency_rule=meta.agency_rule,
        year_rule=meta.year_rule,
        doc=doc,
        url=doc.url or None,  # the page's own address; a sources.csv url replaces it (ogi.sources)
    )
    if report.truncated:
        report.problems.append("text ends before the report does (truncated?)")
    return report
