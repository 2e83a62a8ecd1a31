"""Decode damaged 2019/2021 tables (PDF-to-text / PDF-to-markdown output) against the template.

Converters split header rows, detach labels from their numbers, wrap or glue labels and put
section 四's 15 numbers under a short header. The template knows the row order and the column
count, so the number cells are read in order, every surviving label that names a template row is
an anchor (position of its first number), and rows are decoded only between anchors whose
distance is exactly the rows between them times the column count. Rows that cannot be placed
that way are reported as problems, never guessed; identities that fail after decoding are
reported too (the identity checks then emit the findings).

Runs only when the structured read left section 三 or 四 incomplete, so clean layouts cost a count.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ogi.document import BLANK_MARKS, Cell, Document
from ogi.facts import BlankCell, Fact
from ogi.parse import flatten
from ogi.parse.tables import SubCells, TableFacts, derive_subtotals, value_of_text
from ogi.templates import registry
from ogi.text import squash

SEC3_METRICS = frozenset(
    {
        "applications.received",
        "applications.carried_over",
        "applications.outcome",
        "applications.carried_forward",
    }
)
SEC4_METRICS = frozenset({"review.count", "litigation.count"})
_HEADER_WORDS = re.compile(
    r"自然人|法人或其他组织|申请人情况|勾稽关系|商业企业|科研机构|社会公益组织|法律服务机构"
)
_COLUMN_NAME = re.compile(r"^(?:数据|列|Column|col)\s*\d+$|^:?-{3,}:?$", re.I)
_SEC3_START = re.compile(r"本年新收|勾稽关系|申请人情况")
_SEC4_HEAD = re.compile(r"^\s*[|]?\s*(?:[一二三四五六七八九十]+[、.．]\s*)?\S*(?:行政复议|行政诉讼)")
_NEXT_SECTION = re.compile(r"^\s*[五六七]\s*[、.．]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
_STRIP = re.compile(r"[\s\d.．、，,（）()“”\"'：:]|^[一二三四五六七八九十]+")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One template row: its facts' metric and dims, the label words that anchor it, its group."""

    metric: str
    dims: dict[str, str]
    keys: tuple[str, ...]
    head: str = ""  # the group label (（三）不予公开) this sub-row stands under


@lru_cache(maxsize=4)
def plan(code: str) -> tuple[PlanRow, ...]:
    """Section 三's data rows of the 2019 or 2021 template, in printed order."""
    reasons = registry.SEC3_REASONS["2021"]
    heads = {
        "denied": "不予公开",
        "unavailable": "无法提供",
        "not_processed": "不予处理",
        "other": "其他处理",
    }
    rows = [
        PlanRow("applications.received", {}, ("本年新收",)),
        PlanRow("applications.carried_over", {}, ("上年结转",)),
        PlanRow("applications.outcome", {"outcome": "granted"}, ("予以公开",)),
        PlanRow("applications.outcome", {"outcome": "partial"}, ("部分公开",)),
    ]
    for outcome, head in heads.items():
        subs = reasons[outcome] if (outcome != "other" or code == "2021") else ()
        if not subs:
            rows.append(PlanRow("applications.outcome", {"outcome": outcome}, (head,)))
            continue
        for i, reason in enumerate(subs):
            keys = (reason, head) if i == 0 else (reason,)
            rows.append(PlanRow("applications.outcome", {"outcome": outcome, "reason": reason}, keys, head))
    rows.append(PlanRow("applications.outcome", {"outcome": "total"}, ("（七）总计",)))  # not the 总计 column
    rows.append(PlanRow("applications.carried_forward", {}, ("结转下年度",)))
    return tuple(rows)


@dataclass(slots=True)
class _Slot:
    cell: Cell
    value: bool


@dataclass(slots=True)
class _Label:
    text: str
    pos: int  # slots before it
    line: int


def _tokens(doc: Document, start: int, end: int, width: int) -> tuple[list[_Slot], list[_Label]]:
    """Number and blank cells in reading order, and the label fragments between them.

    In a `|` row an empty cell after the row's label or first number is a blank cell; a row with no
    number keeps its empty cells only when they fill the table's `width` (a header row's empty
    cells are layout, not blanks).
    """
    slots: list[_Slot] = []
    labels: list[_Label] = []
    for i in range(start, end):
        raw = doc.norm[i]
        if _PAGE_NUMBER.match(raw):
            continue  # page furniture a converter left between two rows ('- 4 -')
        piped = "|" in raw
        cells = [c.strip() for c in raw.split("|")] if piped else [raw]
        if piped and cells and cells[-1] == "":
            cells.pop()  # after the closing pipe
        if piped and cells and cells[0] == "" and raw.lstrip().startswith("|"):
            cells.pop(0)  # before the opening pipe
        row: list[_Slot] = []
        text_run: list[str] = []
        started = False  # a label or a number seen on this line
        for cell in cells:
            if _COLUMN_NAME.match(cell):
                continue
            toks = _split_glued(cell.split()) if cell else ([""] if piped and started else [])
            for tok in toks:
                v = value_of_text(tok) if tok else None
                if v is not None or tok in BLANK_MARKS:
                    if text_run:
                        labels.append(_Label("".join(text_run), len(slots) + len(row), i + 1))
                        text_run = []
                    row.append(_Slot(Cell(raw=tok, text=tok, line=i + 1), v is not None))
                elif not _COLUMN_NAME.match(tok):
                    text_run.append(tok)
                started = True
        if piped and not any(s.value or s.cell.raw for s in row) and len(row) != width:
            row = []
        while piped and len(row) > width and not row[0].value and not row[0].cell.raw:
            row.pop(0)  # an empty merged column between the label and the row's cells
        slots.extend(row)
        if text_run:
            labels.append(_Label("".join(text_run), len(slots), i + 1))
    return slots, labels


_GLUED = re.compile(r"^(.*[\u4e00-\u9fff）)])(\d[\d,]*)$")


def _split_glued(toks: list[str]) -> list[str]:
    """'申请数量3001 53 …' → '申请数量', '3001', '53': a converter dropped the space before the first cell.

    Only when more cells follow on the line: a label ending in a digit at the end of a line is the
    next label's numbering cut off ('提供2' / '、没有现成信息…').
    """
    out: list[str] = []
    for k, tok in enumerate(toks):
        m = _GLUED.match(tok)
        if m and k + 1 < len(toks) and value_of_text(toks[k + 1]) is not None:
            out.extend((m.group(1), m.group(2)))
        else:
            out.append(tok)
    return out


def _key(s: str) -> str:
    return _STRIP.sub("", s)


def _anchor(label: str, rows: Sequence[PlanRow]) -> int | None:
    """The template row a label fragment names first (earliest key in the fragment), if any."""
    text = squash(label)
    if _HEADER_WORDS.search(text):
        return None
    flat = _key(text)
    if not flat:
        return None
    best: tuple[int, int, int] | None = None  # (position, -key length, row)
    heads: set[int] = set()
    for r, row in enumerate(rows):
        for key in row.keys:
            k = _key(key)
            pos = flat.find(k)
            if pos >= 0 and (best is None or (pos, -len(k)) < best[:2]):
                best = (pos, -len(k), r)
            if len(flat) >= 4 and k.startswith(flat):
                heads.add(r)
    if best is not None:
        return best[2]
    # a label cut by a line break: its head names the row when it names only one
    return heads.pop() if len(heads) == 1 else None


def _chain(anchors: list[tuple[int, int]], end: tuple[int, int] | None, width: int) -> list[tuple[int, int]]:
    """The ordered anchors (row, slot position) that place the most rows; the start and `end` (when the
    table's end is known: the section 四 header follows) count as anchors."""
    pts = sorted({(0, 0), *anchors, *([end] if end else [])})
    best: list[tuple[int, list[tuple[int, int]]]] = []
    for j, (r, p) in enumerate(pts):
        top = (0, [(r, p)])
        for i in range(j):
            r0, p0 = pts[i]
            if r0 >= r or p0 > p:
                continue
            gain = (r - r0) if p - p0 == (r - r0) * width else 0
            score = best[i][0] + gain
            if score > top[0] or (score == top[0] and len(best[i][1]) + 1 > len(top[1])):
                top = (score, [*best[i][1], (r, p)])
        best.append(top)
    return max(best, key=lambda b: b[0])[1] if best else []


def _region(doc: Document) -> tuple[int, int, int, int] | None:
    """(sec3 start, sec3 end = sec4 start, sec4 end) line indexes, 0-based half-open; None without sec3."""
    norm = doc.norm
    start = next((i for i, x in enumerate(norm) if _SEC3_START.search(x.replace(" ", ""))), None)
    if start is None:
        return None
    first = next((i for i in range(start, len(norm)) if "本年新收" in norm[i].replace(" ", "")), start)
    sec4 = next((i for i in range(first, len(norm)) if _SEC4_HEAD.match(norm[i])), None)
    if sec4 is None:
        sec4 = next((i for i in range(first, len(norm)) if _NEXT_SECTION.match(norm[i])), len(norm))
        return start, sec4, sec4, sec4
    end = next((i for i in range(sec4 + 1, len(norm)) if _NEXT_SECTION.match(norm[i])), len(norm))
    return start, sec4, sec4, min(end, sec4 + 40)


def _read_cells(tf: TableFacts, metrics: frozenset[str]) -> int:
    """Template cells read (facts and blanks); the overall litigation total is derived, not a cell."""
    facts = sum(
        1
        for f in tf.facts
        if f.metric in metrics and f.origin == "table" and (f.dims or f.metric != "litigation.count")
    )
    return facts + sum(1 for b in tf.blanks if b.metric in metrics)


def _fits_plan(tf: TableFacts, rows: Sequence[PlanRow], width: int) -> bool:
    """Section 三 as read has the template's shape: every row complete, as many sub-rows per group."""
    if len(tf.sec3_rows) != len(rows) or any(n != width for _, _, n in tf.sec3_rows):
        return False
    return [(m, o) for m, o, _ in tf.sec3_rows] == [(r.metric, r.dims.get("outcome", "")) for r in rows]


def repair(doc: Document, tf: TableFacts, code: str) -> set[int]:
    """Decode section 三 / 四 from the text when the structured read left them incomplete.

    Returns the 1-based lines the decoded tables cover (for the prose pass to skip).
    """
    if code not in ("2019", "2021"):
        return set()
    rows = plan(code)
    width = len(registry.SEC3_COLUMNS)
    need3 = not _fits_plan(tf, rows, width)
    need4 = _read_cells(tf, SEC4_METRICS) < len(registry.SEC4_COLUMNS)
    need20 = "art20" not in tf.blocks or not any(f.metric.split(".")[0] in ART20_FAMILIES for f in tf.facts)
    if not (need3 or need4 or need20):
        return set()
    where = _region(doc)
    if where is not None and flatten.looks_flat(doc, where[0], where[1], width):
        return _flattened(doc, tf, rows, where, need20, need3, need4)
    covered: set[int] = set()
    if need20:
        covered |= _art20(doc, tf, where[0] if where else len(doc.norm))
    if where is None:
        return covered
    s3, e3, s4, e4 = where
    if need3:
        covered |= _sec3(doc, tf, rows, width, s3, e3, closed=e4 > s4)
    if need4 and e4 > s4:
        covered |= _sec4(doc, tf, s4, e4)
    return covered


def _flattened(
    doc: Document,
    tf: TableFacts,
    rows: Sequence[PlanRow],
    where: tuple[int, int, int, int],
    need20: bool,
    need3: bool,
    need4: bool,
) -> set[int]:
    """Tables whose cells were run together (`ogi.parse.flatten`): sections 三 and 四 first, so that a
    cell seen to have vanished there withholds the 第二十条 rows no identity can check."""
    s3, e3, s4, e4 = where
    covered: set[int] = set()
    before = len(tf.problems)
    if need3:  # section 四's first line too: its header may follow section 三's last row on one line
        covered |= flatten.sec3(doc, tf, rows, s3, min(len(doc.norm), max(e3, s4 + 1)))
    lossy = any(flatten.VANISHED in p for p in tf.problems[before:])
    if need4:  # no section 四 region: its header may be glued to section 三's last row
        s, e = (s4, e4) if e4 > s4 else (s3, e3)
        covered |= flatten.sec4(doc, tf, s, e, forced_only=lossy)
    lossy = any(flatten.VANISHED in p for p in tf.problems[before:])
    if need20:
        art20 = _art20(doc, tf, s3)
        covered |= art20 or flatten.art20(doc, tf, 0, s3, _measures, several=not lossy)
    return covered


ART20_FAMILIES = frozenset(registry.ART20_FAMILY.values())
_CAPTION = re.compile(registry.ART20.triggers[0])
_ART20_COLUMNS = tuple((re.compile(c.pattern), c.dims["measure"]) for c in registry.ART20.columns)


def _measures(tokens: list[str]) -> list[tuple[str, str]]:
    """Column measures a header line names, in printed order (header cells may run together)."""
    text = "".join(tokens)
    hits: list[tuple[int, int, str]] = []
    for pat, measure in _ART20_COLUMNS:
        hits.extend((m.start(), -m.end(), measure) for m in pat.finditer(text))
    out: list[tuple[str, str]] = []
    end = 0
    for start, neg_end, measure in sorted(hits):
        if start >= end:
            out.append((measure, text[start:-neg_end]))
            end = -neg_end
    return out


def _art20(doc: Document, tf: TableFacts, end: int) -> set[int]:
    """Section 二's 第二十条 blocks from text lines: caption, header line, then 'label n n n' rows."""
    family, unit = "", ""
    measures: list[tuple[str, str]] = []
    covered: set[int] = set()
    for i in range(end):
        raw = doc.norm[i]
        flat = raw.replace(" ", "")
        cap = _CAPTION.search(flat)
        if cap and len(flat) <= 20:
            family = registry.ART20_FAMILY.get(cap.group(1), "art20_" + cap.group(1))
            measures, unit = [], ""
            continue
        if not family or _PAGE_NUMBER.match(raw):
            continue
        tokens = _split_glued(raw.replace("|", " ").split())
        values = [t for t in tokens if value_of_text(t) is not None or t in BLANK_MARKS]
        if not tokens:
            continue
        if not values:
            found = _measures(tokens)
            if found:
                measures = found
                unit = "万元" if "万元" in flat else unit
                continue
            if len(flat) > 20:
                family = ""  # prose: the block is over
            continue
        first = next(k for k, t in enumerate(tokens) if value_of_text(t) is not None or t in BLANK_MARKS)
        label = "".join(tokens[:first])
        if not label or not measures or len(tokens) - first > len(measures):
            continue
        item = re.sub(r"[（(].*?[）)]", "", label)
        for (measure, _), tok in zip(measures, tokens[first:], strict=False):
            metric = f"{family}.{measure}"
            quote = f"{label} | {tok}"
            v = value_of_text(tok)
            if v is None:
                tf.blanks.append(BlankCell(metric, {"item": item}, i + 1, quote, mark=tok))
                continue
            value, cell_unit = v
            cell_unit = cell_unit or (unit if measure == "amount" else "") or "件"
            if metric in registry.MONEY_METRICS:
                if cell_unit == "万元":
                    value = round(value * 10000, 2)
                    value = int(value) if float(value).is_integer() else value
                cell_unit = "元"
            tf.facts.append(Fact(metric, value, cell_unit, i + 1, quote, {"item": item}, origin="table"))
        covered.add(i + 1)
    if covered:
        tf.blocks.add("art20")
    return covered


def _drop(tf: TableFacts, metrics: frozenset[str], lines: set[int]) -> None:
    """Remove what the damaged structured read made of these metrics (and mentions on these lines)."""
    tf.facts = [
        f
        for f in tf.facts
        if not (f.metric in metrics and (f.dims or f.line in lines))
        and not (f.metric == "mention.other" and f.line in lines)
    ]
    tf.blanks = [b for b in tf.blanks if b.metric not in metrics]


def _sec3(
    doc: Document, tf: TableFacts, rows: Sequence[PlanRow], width: int, start: int, end: int, closed: bool
) -> set[int]:
    slots, labels = _tokens(doc, start, end, width)
    if not slots:
        return set()
    anchors = [(r, lab.pos) for lab in labels if (r := _anchor(lab.text, rows)) is not None]
    chain = _chain(anchors, (len(rows), len(slots)) if closed else None, width)
    placed: dict[int, list[_Slot]] = {}
    gaps: list[str] = []
    for (r0, p0), (r1, p1) in itertools.pairwise(chain):
        if r1 == r0:
            continue
        if p1 - p0 == (r1 - r0) * width:
            for k in range(r1 - r0):
                placed[r0 + k] = slots[p0 + k * width : p0 + (k + 1) * width]
        else:
            gaps.append(f"rows {r0 + 1}–{r1} ({p1 - p0} cells for {(r1 - r0) * width})")
    if len(placed) < len(rows) and len(placed) * width <= _read_cells(tf, SEC3_METRICS):
        tf.problems.append(
            f"section 三 incomplete: {_read_cells(tf, SEC3_METRICS)} of {len(rows) * width} cells read"
        )
        return set()
    lines = set(range(start + 1, end + 1))
    _drop(tf, SEC3_METRICS, lines)
    for gap in gaps:
        tf.problems.append(f"section 三 damaged: {gap} could not be placed; those rows are left out")
    subs: SubCells = {}
    heads: dict[str, str] = {}
    for r, cells in sorted(placed.items()):
        row = rows[r]
        label = row.dims.get("reason") or row.keys[0]
        for col, slot in zip(registry.SEC3_COLUMNS, cells, strict=True):
            dims = {**row.dims, **col.dims}
            quote = f"{label} | {slot.cell.raw}"
            if "reason" in dims:  # blank sub-rows too: a blank means no derived subtotal there
                subs.setdefault((dims["outcome"], col.dims.get("applicant")), []).append((label, slot.cell))
                heads[dims["outcome"]] = row.head
            if not slot.value:
                tf.blanks.append(BlankCell(row.metric, dims, slot.cell.line, quote, mark=slot.cell.raw))
                continue
            value, unit = value_of_text(slot.cell.raw) or (0, "")
            tf.facts.append(
                Fact(row.metric, value, unit or "件", slot.cell.line, quote, dims, origin="table")
            )
        nums = [value_of_text(s.cell.raw) for s in cells]
        if all(n is not None for n in nums) and sum(n[0] for n in nums[:-1] if n) != (nums[-1] or (0, ""))[0]:
            tf.problems.append(
                f"line {cells[0].cell.line}: decoded row '{label}': 总计 ≠ sum of applicant columns"
            )
    derive_subtotals(tf, subs, heads)
    tf.blocks.add("sec3")
    return lines


def _sec4(doc: Document, tf: TableFacts, start: int, end: int) -> set[int]:
    slots, _ = _tokens(doc, start, end, len(registry.SEC4_COLUMNS))
    n = len(registry.SEC4_COLUMNS)
    if len(slots) != n:
        runs: dict[int, list[_Slot]] = {}
        for s in slots:
            runs.setdefault(s.cell.line, []).append(s)
        one = [r for r in runs.values() if len(r) == n]
        if len(one) != 1:
            if slots:
                tf.problems.append(
                    f"section 四 damaged: {len(slots)} cells where {n} are expected; not decoded"
                )
            return set()
        slots = one[0]
    lines = {s.cell.line for s in slots}
    _drop(tf, SEC4_METRICS, set(range(start + 1, end + 1)))
    facts: dict[tuple[str, str], Fact] = {}
    for col, slot in zip(registry.SEC4_COLUMNS, slots, strict=True):
        quote = f"{registry.sec4_column(col)} | {slot.cell.raw}"
        if not slot.value:
            tf.blanks.append(BlankCell(col.metric, dict(col.dims), slot.cell.line, quote, mark=slot.cell.raw))
            continue
        value, unit = value_of_text(slot.cell.raw) or (0, "")
        fact = Fact(col.metric, value, unit or "件", slot.cell.line, quote, dict(col.dims), origin="table")
        tf.facts.append(fact)
        if "outcome" not in col.dims:
            facts[(col.metric, col.dims.get("route", ""))] = fact
    a, b = facts.get(("litigation.count", "direct")), facts.get(("litigation.count", "after_review"))
    if a is not None and b is not None:
        tf.facts.append(
            Fact(
                "litigation.count",
                a.value + b.value,
                "件",
                a.line,
                f"未经复议直接起诉 总计 {a.value} + 复议后起诉 总计 {b.value}",
                {},
                origin="table",
            )
        )
    tf.blocks.add("sec4")
    return lines | set(range(start + 1, end + 1))
