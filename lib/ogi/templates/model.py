"""The template model: what one published report format looks like, as plain data.

A `Template` declares its signature (text fingerprints and table blocks that identify it), its
sections, its table blocks (row specs and column specs) and the identities its tables obey. The
parser, the section finder, the completeness and the identity checks all read these objects
(`ogi.templates.registry`), so a new layout is a new `Template`, not edits spread over modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """One compiled regex per pattern string (template patterns repeat across reports)."""
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class RowSpec:
    """One table row: a label pattern and the metric and dims its cells become.

    `pattern` is searched in the label with whitespace and leading numbering removed. A row with
    an empty `metric` is structural (a caption row such as 三、本年度办理结果) and yields no facts.
    """

    pattern: str
    metric: str
    dims: dict[str, str] = field(default_factory=dict)
    opens_group: str = ""  # this row opens a group for the sub-rows after it (不予公开 → denied)
    reason_from_label: bool = False  # sub-rows: dims.reason = the label as printed
    source_from_label: bool = False  # complaints: dims.source = the label
    channel_from_label: bool = False  # inquiries: dims.channel = the label
    metric_from_group: bool = False  # outcome rows under 行政复议 / 行政诉讼: metric of the open group

    def match(self, label: str) -> bool:
        return compiled(self.pattern).search(label) is not None


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One value column: the header words that name it and the dims (or scope) of its cells."""

    header: str  # the header as printed in the national template
    dims: dict[str, str] = field(default_factory=dict)
    scope: str = "year"
    pattern: str = ""  # a regex for header variants (local forms: 2018年度, 本年, 历年累计)
    metric: str = ""  # when the column, not the row, names the metric (section 四)


@dataclass(frozen=True, slots=True)
class TableBlock:
    """One table (or one block of a table) of a template with its rows in printed order.

    `triggers` are cell texts that open the block; `headers` are column-header texts that never
    start a row. `rows` are matched first to last (specific wordings before general ones).
    """

    name: str  # art20 | sec3 | sec4 | form
    triggers: tuple[str, ...]
    headers: tuple[str, ...] = ()
    rows: tuple[RowSpec, ...] = ()
    columns: tuple[ColumnSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A kind of top-level section: the heading pattern and its zh / en names."""

    kind: str
    pattern: str
    zh: str
    en: str
    loose: str = ""  # a looser pattern for titles the parser left unnamed (checks only)


@dataclass(frozen=True, slots=True)
class Identity:
    """An arithmetic identity of a template's tables, checked by the rule `ogi.checks` names `rule`."""

    rule: str  # a rule id of ogi.checks.RULES, e.g. identity.sec3_balance
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Template:
    """One published report format.

    Detection (`registry.detect`): a template whose `signature` regex is found in the text (and,
    when `signature_needs` is set, one of those blocks was read) wins, in registry order; failing
    that, the first whose `fallback_blocks` were read and whose `years` hold the report year.
    """

    code: str
    name: str
    signature: str = ""  # text fingerprint (searched in the text with spaces removed)
    signature_needs: frozenset[str] = frozenset()  # blocks that must also be present
    fallback_blocks: frozenset[str] = frozenset()  # blocks that alone identify the format
    years: tuple[int, int] = (0, 9999)  # report years the block fallback accepts
    sections: tuple[str, ...] = ()  # section kinds in printed order
    required: tuple[str, ...] = ()  # section kinds a report of this format must have
    blocks: tuple[TableBlock, ...] = ()
    identities: tuple[Identity, ...] = ()

    def block(self, name: str) -> TableBlock | None:
        return next((b for b in self.blocks if b.name == name), None)

    def declares(self, rule: str) -> bool:
        """True when the identity check `rule` applies to this format's tables."""
        return any(i.rule == rule for i in self.identities)
