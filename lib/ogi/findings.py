"""Findings: one check result with its evidence, so an analyst can verify it in the source in seconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A fact (or blank cell) a finding rests on: what it is, its value, and where it stands."""

    metric: str
    dims: dict[str, str]
    value: float | int | None
    line: int
    quote: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "dims": dict(sorted(self.dims.items())),
            "value": self.value,
            "line": self.line,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on one report: rule id, severity, bilingual message, and the evidence."""

    rule: str  # e.g. "identity.sec3_balance", "parts.categories_vs_total"
    severity: str  # error | warning | info
    message_zh: str
    message_en: str
    source: str  # report path as given
    line: int  # primary line (0 when the finding is about something missing)
    quote: str  # primary quote ('' when missing)
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    expected: float | None = None  # the value the rule computed, when it computed one
    actual: float | None = None  # the value the report printed

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rule": self.rule,
            "severity": self.severity,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "line": self.line,
            "quote": self.quote,
            "expected": self.expected,
            "actual": self.actual,
            "evidence": [e.as_dict() for e in self.evidence],
        }
