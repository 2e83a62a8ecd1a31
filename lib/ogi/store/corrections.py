"""Analyst corrections: read a corrections file, validate its rows, apply them to parsed reports.

A corrections file (`corrections.csv` beside the inputs, or `--corrections FILE` as .csv or .xlsx with
a `corrections` sheet) holds one change per row: `report, metric, dims, value, note, who, date`. A row
adds a figure the parser missed, replaces a wrong one (every parser fact with the same metric, dims and
scope), removes one (empty value) or sets report metadata (metric `agency`, `region`, `year`,
`template`). Corrections are applied at ingest, inside the parse step, so the checks see the corrected
set; the parser's facts stay in the store with `superseded_by` naming the row, the analyst's figure is a
fact with origin `analyst` whose quote carries the mark 分析员更正, the note, the parser's value, who and
when. Every bad row is one `file: row N: reason` line; the other rows still apply.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import polars as pl

from ogi.facts import Fact, Report
from ogi.vocabulary import DIMS, METRICS

#: the columns of a corrections file, in order (the workbook's `corrections` sheet uses the same)
COLUMNS = ("report", "metric", "dims", "value", "note", "who", "date")
#: the file looked for beside the inputs
DEFAULT_NAME = "corrections.csv"
#: the sheet read from an .xlsx corrections file
SHEET = "corrections"
#: report metadata a row may set (the row's metric names the field)
META_FIELDS = ("agency", "region", "year", "template")
#: the mark every analyst figure carries in its quote (tooltip and figure table show it)
MARK = "分析员更正"
ORIGIN = "analyst"
#: dims keys whose values are free labels taken from the report (any text is accepted)
FREE_KEYS = ("label", "reason", "item", "category", "source", "of", "parent", "measure", "count")
#: (metric, coded key) pairs whose values are the report's own labels (inquiry channels are sources,
#: named by `vocabulary.source_code` when shown), so any text is accepted there
LABELLED = {("inquiries.count", "channel"), ("complaints.count", "channel")}
SCOPE_KEY = "scope"  # a pseudo-dims key: `scope=cumulative` addresses a 历年累计 figure
_SCOPES = ("year", "cumulative")
_REF_AGENCY_YEAR = re.compile(r"^(?P<agency>.+?)[\s+_/，,]*(?P<year>(?:19|20)\d{2})年?(?:度)?$")


@dataclass(frozen=True, slots=True)
class BadRow:
    """One bad corrections row (row 0: the file as a whole)."""

    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        from ogi.paths import shown

        where = f"{shown(self.file)}: row {self.row}" if self.row else shown(self.file)
        return f"{where}: {shown(self.reason)}"


@dataclass(frozen=True, slots=True)
class Row:
    """One statically valid corrections row. `value` is None for a removal; `text` holds a metadata value."""

    file: str  # the file's name as the user gave it
    row: int  # the row number as a spreadsheet shows it (the header is row 1)
    report: str
    metric: str
    dims: tuple[tuple[str, str], ...]  # sorted, without the scope pseudo-key
    scope: str
    value: float | None
    text: str  # metadata value (agency, region, year, template), else ""
    note: str
    who: str
    date: str
    name: str = ""  # the file as the store names it: its base name, or its path when two share one

    @property
    def ident(self) -> str:
        """How the store names this row (`superseded_by`, the analyst fact's `loc`)."""
        return f"{self.name or os.path.basename(self.file)}:{self.row}"

    @property
    def is_meta(self) -> bool:
        return self.metric in META_FIELDS

    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...], str]:
        return (self.report, self.metric, self.dims, self.scope)


@dataclass(slots=True)
class Corrections:
    """The rows read from one or more corrections files, the bad rows, and a digest of what applies."""

    rows: list[Row] = field(default_factory=list)
    errors: list[BadRow] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def report(self, store_path: str | Path, say: Callable[[str], None]) -> list[BadRow]:
        """After an ingest: say every bad row (static, unknown report, no longer matching), one line each,
        with a count at the end; the errors."""
        if not self.files:
            return []
        got = check_against_store(self, store_path)
        for e in got.errors:
            say(str(e))
        say(f"ogi ingest: corrections: {got.summary(self.files)}")
        return got.errors

    def wrap(self, parse: Callable[[str], Report]) -> Callable[[str], Report]:
        """`parse` followed by applying these corrections. Wrapped even without rows: a report stored
        with corrections that are gone now must be parsed again (`CorrectingParser.stale`)."""
        return CorrectingParser(parse, tuple(self.rows))


# ------------------------------------------------------------------------------------------- reading


def dims_text(dims: dict[str, str] | Iterable[tuple[str, str]], scope: str = "year") -> str:
    """Dims as a corrections file writes them: `key=value;…`, sorted; `;`, `=` and `\\` escaped."""
    items = sorted(dict(dims).items())
    if scope != "year":
        items.append((SCOPE_KEY, scope))

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=")

    return ";".join(f"{esc(k)}={esc(v)}" for k, v in items)


def parse_dims(text: str) -> list[tuple[str, str]]:
    """`key=value;…` → pairs (backslash escapes `;`, `=`, `\\`); ValueError naming a bad segment."""
    pairs: list[tuple[str, str]] = []
    parts: list[list[str]] = [[""]]
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            parts[-1][-1] += text[i + 1]
            i += 2
            continue
        if c == ";" or c == "；":
            parts.append([""])
        elif c == "=" and len(parts[-1]) == 1:
            parts[-1].append("")
        else:
            parts[-1][-1] += c
        i += 1
    for seg in parts:
        if len(seg) == 1 and not seg[0].strip():
            continue  # an empty segment (a trailing `;`)
        if len(seg) != 2 or not seg[0].strip():
            raise ValueError(f"dims segment {'='.join(seg)!r} is not key=value")
        pairs.append((seg[0].strip(), seg[1].strip()))
    return pairs


def parse_value(text: str) -> float:
    """A number as an analyst types it (`1,234`, full-width digits, a trailing 件/条/元); ValueError else."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    t = re.sub(r"(件|条|个|次|人|人次|元|万元|项|份|家|篇|期|场)$", "", t)
    v = float(t)  # raises ValueError on anything else
    if not math.isfinite(v):
        raise ValueError(text)
    return v


def _cell(v: Any) -> str:
    """A sheet cell as text (numbers without a spurious .0, dates as ISO)."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return str(v.isoformat())[:10]
    return str(v)


def _records(path: Path) -> list[list[str]]:
    """The file's rows as lists of text cells, header first: CSV (UTF-8 with or without BOM) or .xlsx."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            names = {n.lower(): n for n in wb.sheetnames}
            if SHEET not in names:
                raise ValueError(f"no sheet named {SHEET!r} (sheets: {', '.join(wb.sheetnames)})")
            ws = wb[names[SHEET]]
            return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8 text (save it as CSV UTF-8)") from None
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def read(paths: Sequence[str | Path]) -> Corrections:
    """Read and statically validate corrections files (vocabulary, numbers, duplicates).

    Which report a row names is decided against the store or the parsed reports later (`unknown
    report`); an unreadable file is one error and its rows are skipped, the other files still count.
    """
    out = Corrections()
    seen: dict[tuple[Any, ...], tuple[str, int]] = {}
    for p in paths:
        path = Path(p)
        name = os.fspath(p)
        out.files.append(name)
        try:
            records = _records(path)
        except (OSError, ValueError, KeyError, csv.Error) as exc:
            out.errors.append(BadRow(name, 0, f"cannot read ({getattr(exc, 'strerror', None) or exc})"))
            continue
        except Exception as exc:  # a damaged .xlsx (zip, XML errors): one line, never a traceback
            out.errors.append(BadRow(name, 0, f"cannot read ({type(exc).__name__}: {exc})"[:300]))
            continue
        if not records:
            out.errors.append(BadRow(name, 0, "empty file (no header row)"))
            continue
        header = [h.strip().lower() for h in records[0]]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            out.errors.append(
                BadRow(name, 1, f"missing column(s) {', '.join(missing)} (need {','.join(COLUMNS)})")
            )
            continue
        extra = [h for h in header if h and h not in COLUMNS]
        if extra:
            out.errors.append(BadRow(name, 1, f"unknown column(s) {', '.join(extra)} (ignored)"))
        at = {c: header.index(c) for c in COLUMNS}
        for n, rec in enumerate(records[1:], start=2):
            cells = {c: (rec[i].strip() if i < len(rec) else "") for c, i in at.items()}
            if not any(cells.values()):
                continue  # a blank line, as spreadsheets leave them
            row, reason = _row(name, n, cells)
            if row is None:
                out.errors.append(BadRow(name, n, reason))
                continue
            first = seen.get(row.key())
            if first is not None:
                where = f"row {first[1]}" if first[0] == name else f"{first[0]} row {first[1]}"
                out.errors.append(
                    BadRow(name, n, f"duplicate row: the same report, metric and dims as {where}")
                )
                continue
            seen[row.key()] = (name, n)
            out.rows.append(row)
    bases = [os.path.basename(f) for f in out.files]
    if len(set(bases)) < len(bases):  # seeds/corrections.csv and real/corrections.csv: name them apart
        out.rows = [dataclasses.replace(r, name=r.file) for r in out.rows]
    return out


def _row(name: str, n: int, c: dict[str, str]) -> tuple[Row | None, str]:
    """One row checked against the vocabulary; (None, reason) when it cannot apply anywhere."""
    if not c["report"]:
        return None, "no report (give its file name, report id, or agency and year)"
    metric = c["metric"]
    if metric in META_FIELDS:
        if c["dims"]:
            return None, f"metadata row ({metric}) takes no dims"
        text = c["value"]
        if not text:
            return None, f"metadata row ({metric}) needs a value"
        if metric == "year":
            try:
                y = parse_value(re.sub(r"年度?$", "", text.strip()))
            except ValueError:
                return None, f"year {text!r} is not a number"
            if not y.is_integer() or not 1990 <= y <= 2100:
                return None, f"year {text!r} is not a year"
            text = str(int(y))
        if metric == "template":
            from ogi.templates import TEMPLATES

            if text not in TEMPLATES:
                return None, f"unknown template {text!r} (known: {', '.join(sorted(TEMPLATES))})"
        return Row(name, n, c["report"], metric, (), "year", None, text, c["note"], c["who"], c["date"]), ""
    if metric not in METRICS:
        return (
            None,
            f"unknown metric {metric!r} (see docs/conventions.md; metadata: {', '.join(META_FIELDS)})",
        )
    try:
        pairs = parse_dims(c["dims"])
    except ValueError as exc:
        return None, f"bad dims: {exc}"
    dims: dict[str, str] = {}
    scope = "year"
    for k, v in pairs:
        if k == SCOPE_KEY:
            if v not in _SCOPES:
                return None, f"unknown scope {v!r} (year or cumulative)"
            scope = v
            continue
        if k in dims:
            return None, f"dims key {k!r} given twice"
        if k in DIMS and (metric, k) not in LABELLED:
            if v not in DIMS[k]:
                return None, f"unknown {k} {v!r} (known: {', '.join(DIMS[k])})"
        elif k not in FREE_KEYS:
            return None, f"unknown dims key {k!r} (known: {', '.join([*DIMS, *FREE_KEYS, SCOPE_KEY])})"
        if not v:
            return None, f"dims key {k!r} has no value"
        dims[k] = v
    value: float | None = None
    if c["value"]:
        try:
            value = parse_value(c["value"])
        except ValueError:
            return None, f"value {c['value']!r} is not a number (leave it empty to remove the fact)"
    return (
        Row(
            name,
            n,
            c["report"],
            metric,
            tuple(sorted(dims.items())),
            scope,
            value,
            "",
            c["note"],
            c["who"],
            c["date"],
        ),
        "",
    )


def discover(inputs: Sequence[str | Path]) -> list[Path]:
    """`corrections.csv` beside the inputs: in each input folder, or in the folder of each input file."""
    found: list[Path] = []
    for p in inputs:
        folder = Path(p) if os.path.isdir(p) else Path(p).parent
        f = folder / DEFAULT_NAME
        if f.is_file() and f not in found:
            found.append(f)
    return found


def for_ingest(inputs: Sequence[str | Path], explicit: Sequence[str | Path] | None) -> Corrections:
    """The corrections an ingest applies: the files given (each must exist: a missing one would silently
    undo the corrections already in the store), else `corrections.csv` beside the inputs."""
    from ogi.errors import InputMissing
    from ogi.paths import shown

    if explicit:
        missing = [p for p in explicit if not os.path.isfile(p)]
        if missing:
            raise InputMissing(
                f"no such corrections file: {', '.join(shown(os.fspath(m)) for m in missing)} "
                "(the store is left as it is)"
            )
        return read(explicit)
    return read(discover(inputs))


# ------------------------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class ReportRef:
    """What a row's `report` may name: the file (path or name), the report id, or agency and year."""

    report_id: str
    source: str
    agency: str | None
    year: int | None

    def matches(self, ref: str) -> bool:
        ref = ref.strip()
        if ref in (self.report_id, self.source) or ref == os.path.basename(self.source):
            return True
        if os.sep in ref and os.path.realpath(ref) == os.path.realpath(self.source):
            return True  # a path spelled another way (relative, through a symlink) than the store's
        m = _REF_AGENCY_YEAR.match(ref)
        return bool(
            m
            and self.agency
            and self.year is not None
            and m["agency"].strip() == self.agency
            and int(m["year"]) == self.year
        )


def ref_of(report: Report) -> ReportRef:
    return ReportRef(report.report_id, report.source, report.agency, report.year)


def _fact_key(f: Fact) -> tuple[str, tuple[tuple[str, str], ...], str]:
    return (f.metric, tuple(sorted((str(k), str(v)) for k, v in f.dims.items())), f.scope)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def analyst_quote(row: Row, parser_values: Sequence[float]) -> str:
    """The analyst fact's quote: the mark, the note, what the parser read, who and when."""
    got = "、".join(dict.fromkeys(_num(v) for v in parser_values))
    parts = [f"原解析值 {got}" if parser_values else "原解析未得"]
    by = " ".join(x for x in (row.who, row.date) if x)
    if by:
        parts.append(by)
    return f"{MARK}：{row.note or '（无说明）'}（{'；'.join(parts)}）"


@dataclass(slots=True)
class Applied:
    """The outcome of applying rows to one report's parser facts."""

    facts: list[Fact]  # the corrected set: parser facts not superseded, then the analyst's
    superseded: dict[int, str]  # index into the parser's facts → the row that superseded it
    analyst: list[Fact]
    meta: dict[str, str]  # metadata field → the analyst's value
    errors: list[BadRow]
    applied: int  # rows that changed something
    unchanged: int  # rows giving a value the parser read, without a note: nothing to correct


_Key = tuple[str, tuple[tuple[str, str], ...], str]


def _recompute_subtotal(
    parser_facts: Sequence[Fact],
    index: dict[_Key, list[int]],
    row: Row,
    hits: list[int],
    superseded: dict[int, str],
    analyst: list[Fact],
    adjusted: dict[_Key, tuple[Fact, int]],
    explicit: set[_Key],
) -> None:
    """A corrected reason cell changes its outcome's subtotal: the parser's derived subtotal (the sum of
    the reason cells, section 三) is superseded by the same row and recomputed, never left stale."""
    if "reason" not in dict(row.dims):
        return
    parent: _Key = (row.metric, tuple(kv for kv in row.dims if kv[0] != "reason"), row.scope)
    delta = (row.value or 0.0) - (float(parser_facts[hits[0]].value) if hits else 0.0)
    if not delta or parent in explicit:
        return
    if parent in adjusted:
        fact = adjusted[parent][0]
        fact.value = _tidy(float(fact.value) + delta)
        fact.quote = (
            fact.quote.rsplit("（", 1)[0]
            + f"（原解析值 {_num(float(parser_facts[adjusted[parent][1]].value))}）"
        )
        return
    derived = [
        i for i in index.get(parent, []) if parser_facts[i].origin == "derived" and i not in superseded
    ]
    if not derived:
        return  # no subtotal of the parser's: the brief sums the reason cells itself
    d = parser_facts[derived[0]]
    superseded[derived[0]] = row.ident
    fact = Fact(
        metric=d.metric,
        value=_tidy(float(d.value) + delta),
        unit=d.unit,
        line=d.line,
        quote=f"{MARK}：按更正后的理由行重算的小计（原解析值 {_num(float(d.value))}）",
        dims=dict(d.dims),
        scope=d.scope,
        origin=ORIGIN,
        loc=row.ident,
    )
    analyst.append(fact)
    adjusted[parent] = (fact, derived[0])


def _tidy(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def apply_rows(parser_facts: Sequence[Fact], rows: Iterable[Row]) -> Applied:
    """Apply rows (already matched to this report) to its parser facts, in row order; pure."""
    superseded: dict[int, str] = {}
    analyst: list[Fact] = []
    meta: dict[str, str] = {}
    errors: list[BadRow] = []
    applied = unchanged = 0
    index: dict[tuple[str, tuple[tuple[str, str], ...], str], list[int]] = {}
    for i, f in enumerate(parser_facts):
        index.setdefault(_fact_key(f), []).append(i)
    done: dict[tuple[Any, ...], Row] = {}  # the same figure named twice (by file name, then by agency+year)
    adjusted: dict[_Key, tuple[Fact, int]] = {}  # subtotal → its recomputed fact and the parser's index
    explicit: set[_Key] = set()  # figures a row set: never recomputed from their parts
    for row in sorted(rows, key=lambda r: (r.file, r.row)):
        first_row = done.setdefault((row.metric, row.dims, row.scope), row)
        if first_row is not row:
            where = (
                f"row {first_row.row}"
                if first_row.file == row.file
                else f"{first_row.file} row {first_row.row}"
            )
            errors.append(
                BadRow(row.file, row.row, f"duplicate row: the same figure of this report as {where}")
            )
            continue
        if row.is_meta:
            meta[row.metric] = row.text
            applied += 1
            continue
        key = (row.metric, row.dims, row.scope)
        hits = [i for i in index.get(key, []) if i not in superseded]
        recomputed = adjusted.get(key)  # a subtotal recomputed for an earlier row: this row sets it
        if recomputed is not None:
            hits = [recomputed[1]]
        if row.value is None:
            if not hits:
                errors.append(
                    BadRow(
                        row.file,
                        row.row,
                        f"nothing to remove: the report has no {row.metric} "
                        f"[{dims_text(row.dims, row.scope)}] (does the row still match the report?)",
                    )
                )
                continue
        elif hits and not row.note and any(parser_facts[i].value == row.value for i in hits):
            unchanged += 1  # a template or copied line left as it was: not a correction
            continue
        if recomputed is not None:
            analyst.remove(adjusted.pop(key)[0])
        for i in hits:
            superseded[i] = row.ident
        explicit.add(key)
        _recompute_subtotal(parser_facts, index, row, hits, superseded, analyst, adjusted, explicit)
        if row.value is not None:
            first = parser_facts[hits[0]] if hits else None
            analyst.append(
                Fact(
                    metric=row.metric,
                    value=_tidy(row.value),
                    unit=first.unit if first else _unit_of(parser_facts, row.metric),
                    line=first.line if first else 0,
                    quote=analyst_quote(row, [parser_facts[i].value for i in hits]),
                    dims=dict(row.dims),
                    scope=row.scope,
                    origin=ORIGIN,
                    loc=row.ident,
                )
            )
        applied += 1
    kept = [f for i, f in enumerate(parser_facts) if i not in superseded]
    return Applied([*kept, *analyst], superseded, analyst, meta, errors, applied, unchanged)


def _unit_of(facts: Sequence[Fact], metric: str) -> str:
    return next((f.unit for f in facts if f.metric == metric and f.unit), "")


@dataclass(slots=True)
class CorrectedReport(Report):
    """A Report with corrections applied: `facts` is the corrected set (what the checks see); the
    parser's facts, which ones were superseded by which row, and the parser's metadata are kept."""

    parser_facts: list[Fact] = field(default_factory=list)
    superseded: dict[int, str] = field(default_factory=dict)
    parser_meta: dict[str, Any] = field(default_factory=dict)
    n_corrections: int = 0


def apply_to_report(report: Report, rows: Sequence[Row]) -> Report:
    """The report with the rows that name it applied (the report itself when none does)."""
    ref = ref_of(report)
    mine = [r for r in rows if ref.matches(r.report)]
    if not mine:
        return report
    got = apply_rows(report.facts, mine)
    base = {f.name: getattr(report, f.name) for f in fields(Report)}
    parser_meta: dict[str, Any] = {}
    for k, v in got.meta.items():
        parser_meta[k] = base[k]
        base[k] = int(v) if k == "year" else v
    base["facts"] = got.facts
    return CorrectedReport(
        **base,
        parser_facts=list(report.facts),
        superseded=got.superseded,
        parser_meta=parser_meta,
        n_corrections=got.applied,
    )


#: joins a corrected report's content hash: its cached facts and findings are those of (bytes, rows)
TAG = "-c"


def rows_digest(rows: Sequence[Row]) -> str:
    """Hash of the rows that apply to one report ("" for none): its cache tag."""
    if not rows:
        return ""
    h = hashlib.sha256()
    for r in sorted(rows, key=lambda r: (r.file, r.row)):
        h.update(json.dumps([r.ident, *r.key(), r.value, r.text, r.note, r.who, r.date]).encode())
    return h.hexdigest()[:12]


def stored_ref(row: dict[str, Any]) -> ReportRef:
    """A stored report (a reports-frame row) as rows may name it: by the parser's agency and year."""
    orig = json.loads(row.get("parser_meta") or "{}")
    return ReportRef(
        row["report_id"], row["source"], orig.get("agency", row["agency"]), orig.get("year", row["year"])
    )


class CorrectingParser:
    """A parse function followed by the corrections (picklable, so spawned ingest workers use it too).

    Per report, not per file: a corrected report's content hash gets the tag of the rows applied to it,
    so its facts and findings are cached apart, and `stale` tells the ingest which stored reports the
    rows now give another tag (those alone are parsed again). `fingerprint` is the wrapped parser's."""

    def __init__(self, parse: Callable[[str], Report], rows: tuple[Row, ...]) -> None:
        self.parse = parse
        self.rows = rows
        from ogi.batch import parse_one

        self.fingerprint = "" if parse is parse_one else getattr(parse, "__qualname__", "custom")

    def __call__(self, path: str) -> Report:
        report = self.parse(path)
        mine = [r for r in self.rows if ref_of(report).matches(r.report)]
        if mine and report.doc is not None and report.doc.content_hash:
            report.doc.content_hash += TAG + rows_digest(mine)
        return apply_to_report(report, mine)

    def stale(self, stored: dict[str, Any]) -> bool:
        """Whether the rows that apply to a stored report differ from those it was stored with."""
        ref = stored_ref(stored)
        want = rows_digest([r for r in self.rows if ref.matches(r.report)])
        sha = str(stored.get("sha256") or "")
        return want != (sha.rpartition(TAG)[2] if TAG in sha else "")


# ------------------------------------------------------------------------------------------- store hooks


def fact_rows(report: Report) -> list[tuple[Fact, str | None]]:
    """Every fact the store keeps for a report, in order, with the row that superseded it (or None):
    the parser's facts first (superseded ones included), then the analyst's."""
    if isinstance(report, CorrectedReport):
        analyst = report.facts[len(report.parser_facts) - len(report.superseded) :]
        return [
            *((f, report.superseded.get(i)) for i, f in enumerate(report.parser_facts)),
            *((f, None) for f in analyst),
        ]
    return [(f, None) for f in report.facts]


def report_columns(report: Report) -> dict[str, Any]:
    """The reports frame's correction columns: rows applied, and the parser's metadata they replaced."""
    if isinstance(report, CorrectedReport):
        return {
            "n_corrections": report.n_corrections,
            "parser_meta": json.dumps(report.parser_meta, ensure_ascii=False, sort_keys=True),
        }
    return {"n_corrections": 0, "parser_meta": "{}"}


# ------------------------------------------------------------------------------------------- against a store


def _store_refs(reports: pl.DataFrame) -> list[ReportRef]:
    """Each stored report as rows may name it: by the parser's agency and year (before any correction)."""
    return [stored_ref(r) for r in reports.iter_rows(named=True)]


def resolve(rows: Sequence[Row], reports: pl.DataFrame) -> tuple[dict[str, list[Row]], list[BadRow]]:
    """Rows by the report_id they name; an unknown or ambiguous report is an error for that row."""
    refs = _store_refs(reports)
    by_report: dict[str, list[Row]] = {}
    errors: list[BadRow] = []
    for row in rows:
        hits = [ref for ref in refs if ref.matches(row.report)]
        if not hits:
            errors.append(
                BadRow(
                    row.file,
                    row.row,
                    f"unknown report {row.report!r} (no stored report has "
                    "this file name, report id, or agency and year)",
                )
            )
        elif len(hits) > 1:
            names = ", ".join(sorted(os.path.basename(h.source) for h in hits)[:4])
            errors.append(
                BadRow(
                    row.file,
                    row.row,
                    f"ambiguous report {row.report!r} ({len(hits)} reports "
                    f"match: {names}); name the file or the report id",
                )
            )
        else:
            by_report.setdefault(hits[0].report_id, []).append(row)
    return by_report, errors


def _parser_facts(facts: pl.DataFrame) -> list[Fact]:
    return [
        Fact(
            metric=r["metric"],
            value=r["value"],
            unit=r["unit"],
            line=r["line"],
            quote=r["quote"],
            dims=json.loads(r["dims_json"]),
            scope=r["scope"],
            origin=r["origin"],
            loc=r["loc"],
        )
        for r in facts.iter_rows(named=True)
    ]


def _open(store_path: str | Path) -> Any:
    """The store at `store_path`; InputMissing (exit 2) when there is none, rather than reporting every
    row as naming an unknown report."""
    from ogi.errors import InputMissing
    from ogi.paths import shown
    from ogi.store import open_store

    if not (Path(store_path) / "reports.parquet").exists():
        raise InputMissing(f"no store at {shown(os.fspath(store_path))} (run ogi ingest first)")
    return open_store(store_path)


@dataclass(slots=True)
class Checked:
    """What a corrections file does to a store: bad rows, rows applied, rows agreeing with the parser."""

    errors: list[BadRow]
    applied: int
    unchanged: int

    def summary(self, files: Sequence[str]) -> str:
        return (
            f"{self.applied} row(s) applied from {', '.join(files)}"
            + (
                f", {self.unchanged} agree with the parser (no note: nothing to correct)"
                if self.unchanged
                else ""
            )
            + (f", {len(self.errors)} bad row(s) listed above" if self.errors else "")
        )


def check_against_store(corrections: Corrections, store_path: str | Path) -> Checked:
    """Every error the rows give against a store, without writing: the static ones, unknown or
    ambiguous reports, and rows that match no fact (a removal of a figure the report does not have)."""
    store = _open(store_path)
    reports = store.frame("reports").collect()
    by_report, errors = resolve(corrections.rows, reports)
    applied = unchanged = 0
    if by_report:
        facts = (
            store.frame("facts")
            .filter(pl.col("report_id").is_in(list(by_report)), pl.col("origin") != ORIGIN)
            .sort("report_id", "seq")
            .collect()
        )
        for rid, rows in sorted(by_report.items()):
            got = apply_rows(_parser_facts(facts.filter(pl.col("report_id") == rid)), rows)
            errors.extend(got.errors)
            applied, unchanged = applied + got.applied, unchanged + got.unchanged
    errors = sorted([*corrections.errors, *errors], key=lambda e: (e.file, e.row, e.reason))
    return Checked(errors, applied, unchanged)


# ------------------------------------------------------------------------------------------- templates


def template_frame(store_path: str | Path | None = None, report: str | None = None) -> pl.DataFrame:
    """Rows in the corrections columns: one per figure of `report` (its current value, ready to edit),
    or none (just the columns) without a report. The workbook adds this as its `corrections` sheet."""
    schema = dict.fromkeys(COLUMNS, pl.String)
    if store_path is None or report is None:
        return pl.DataFrame(schema=schema)
    store = _open(store_path)
    reports = store.frame("reports").collect()
    refs = [r for r in _store_refs(reports) if r.matches(report)]
    if len(refs) != 1:
        raise LookupError(
            f"no stored report named {report!r}"
            if not refs
            else f"{len(refs)} stored reports match {report!r}; name the file or the report id"
        )
    ref = refs[0]
    name = report_name(ref.source, reports)
    facts = (
        store.facts.filter(
            pl.col("report_id") == ref.report_id, ~pl.col("metric").str.starts_with("mention.")
        )
        .sort("seq")
        .collect()
    )
    rows = [
        (name, r["metric"], dims_text(json.loads(r["dims_json"]), r["scope"]), _num(r["value"]), "", "", "")
        for r in facts.iter_rows(named=True)
    ]
    return pl.DataFrame(rows, schema=schema, orient="row").unique(
        ["report", "metric", "dims"], keep="first", maintain_order=True
    )


def corrections_sheets(store: Any = None) -> dict[str, pl.DataFrame]:
    """The workbook's `corrections` sheet: the corrections columns, no rows, for the analyst to fill in
    and give back to `ogi ingest --corrections FILE.xlsx` (`ogi.workbook.EXTRA_SHEETS` takes this)."""
    return {SHEET: template_frame()}


def report_name(source: str, reports: pl.DataFrame) -> str:
    """The shortest unambiguous way to name a report in a corrections row: its file name when no other
    stored report has it, else its path."""
    base = os.path.basename(source)
    same = sum(1 for s in reports["source"] if os.path.basename(s) == base)
    return base if same == 1 else source


def csv_line(values: Sequence[Any]) -> str:
    """One CSV line (no line end) as a corrections file holds it."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(["" if v is None else v for v in values])
    return buf.getvalue()


def write_csv(df: pl.DataFrame, path: str | Path | None) -> bytes:
    """The frame as a corrections CSV (UTF-8 with BOM, as Excel opens it); written atomically to `path`."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    w.writerows(df.select(COLUMNS).iter_rows())
    data = b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
    if path is not None:
        from ogi.atomic import write_bytes

        write_bytes(Path(path), data)
    return data
