"""Facts (one figure with provenance) and reports (one parsed file): the parser's output model.

The JSON form of a Fact is the public contract in docs/facts.md: keep field names stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ogi.document import Document


@dataclass(slots=True)
class Fact:
    """One figure read from a report, with where it stands and the exact words around it."""

    metric: str
    value: float | int
    unit: str
    line: int
    quote: str
    dims: dict[str, str] = field(default_factory=dict)
    scope: str = "year"  # year | cumulative
    origin: str = "table"  # table | prose
    loc: str = ""  # table/row/column or page for non-text formats
    approx: str = ""  # 余 多 约 近 超 when the figure is approximate (value as printed); '' when exact

    def as_dict(self, source: str, agency: str | None, year: int | None) -> dict[str, Any]:
        """The export line of docs/facts.md, in its field order."""
        out: dict[str, Any] = {
            "source": source,
            "agency": agency,
            "year": year,
            "metric": self.metric,
            "dims": dict(sorted(self.dims.items())),
            "value": self.value,
            "unit": self.unit,
            "scope": self.scope,
            "origin": self.origin,
            "line": self.line,
            "quote": self.quote,
        }
        if self.loc:
            out["loc"] = self.loc
        if self.approx:
            out["approx"] = self.approx
        return out

    @property
    def key(self) -> tuple[str, tuple[tuple[str, str], ...], str]:
        """What the figure counts: metric, dims and scope (two facts of one key state the same figure)."""
        return self.metric, tuple(sorted(self.dims.items())), self.scope


#: where the qualifier stands when a figure is printed: 近/约/超 before the number, 余/多 after it
_APPROX_BEFORE = ("近", "约", "超")


def format_value(value: float | int, approx: str = "") -> str:
    """A figure as the brief prints it: thousands separated, an approximate one with its qualifier where
    the report put it (5500, 余 → '5,500余'; 30000, 近 → '近30,000'); exact figures carry none."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if not approx:
        return text
    return approx + text if approx in _APPROX_BEFORE else text + approx


def without_shadowed_approx(facts: list[Fact]) -> list[Fact]:
    """Drop an approximate fact when an exact fact of the same key was read: an approximate figure never
    duplicates or replaces an exact one (5500余条 in the overview, 5512条 in the table)."""
    if not any(f.approx for f in facts):
        return facts
    exact = {f.key for f in facts if not f.approx}
    seen: set[tuple[str, tuple[tuple[str, str], ...], str]] = set()
    out = []
    for f in facts:
        if f.approx:
            if f.key in exact or f.key in seen:
                continue
            seen.add(f.key)
        out.append(f)
    return out


@dataclass(slots=True)
class BlankCell:
    """A template cell that the report left blank ('', '-', '/', '无'): kept apart from an explicit 0."""

    metric: str
    dims: dict[str, str]
    line: int
    quote: str
    mark: str = ""


@dataclass(slots=True)
class Section:
    """A numbered section of the report (一、… 六、 or the older variants)."""

    number: int  # 1-based ordinal of the heading numeral (一 = 1)
    title: str  # heading text without the numeral
    line: int  # heading line
    end_line: int  # last line of the section (inclusive)
    kind: str = (
        ""  # overview | proactive | applications | review | problems | other | ... (see parse.sections)
    )


@dataclass(slots=True)
class Report:
    """One parsed report: metadata, sections, facts, blank template cells and problems met."""

    source: str
    report_id: str  # content hash
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    template: str = "narrative"  # 2021 | 2019 | statform | pre2014 | narrative
    doc_number: str | None = None
    signer: str | None = None
    published: str | None = None  # ISO date
    title: str | None = None
    kind: str = "text"
    encoding: str = "utf-8"
    line_count: int = 0
    truncated: bool = False
    sections: list[Section] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    blanks: list[BlankCell] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    agency_rule: str | None = None  # the metadata rule that gave the agency (title, …, sidecar)
    year_rule: str | None = None
    # the source address: a sidecar sources.csv row (ogi.sources), else the HTML page's canonical link
    url: str | None = None
    doc: Document | None = field(
        default=None, repr=False, compare=False
    )  # the source document (lines, tables)

    def fact_dicts(self) -> list[dict[str, Any]]:
        return [f.as_dict(self.source, self.agency, self.year) for f in self.facts]

    def meta_dict(self) -> dict[str, Any]:
        """The `extract --reports-out` line for this report."""
        return {
            "source": self.source,
            "id": self.report_id,
            "agency": self.agency,
            "region": self.region,
            "year": self.year,
            "template": self.template,
            "doc_number": self.doc_number,
            "published": self.published,
            "signer": self.signer,
            "title": self.title,
            "kind": self.kind,
            "encoding": self.encoding,
            "lines": self.line_count,
            "truncated": self.truncated,
            "sections": [s.title for s in self.sections],
            "facts": len(self.facts),
            "problems": list(self.problems),
            "agency_rule": self.agency_rule,
            "year_rule": self.year_rule,
            "url": self.url,
        }
