"""Read template tables (one Table model, any layout) into facts, addressing cells by labels.

The cell stream of a table is cut into logical rows — label cells, then value cells — and each row
is matched against the template specs in `templates.py` within its block (第二十条 blocks, the
section 三 matrix, the section 四 row, the 统计表/附表 form). Blank cells become BlankCells, explicit
zeros stay facts, and rows that match no spec are kept as `mention.other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ogi.document import BLANK_MARKS, Cell, Table
from ogi.facts import BlankCell, Fact
from ogi.parse import templates as T
from ogi.text import parse_number, squash

_VALUE = re.compile(r"([+-]?\d[\d,，]*(?:\.\d+)?)\s*(万元|元|条|件|次|人次|人|个|篇|%|份|项)?")
_CAPTION = re.compile(T.ART20.triggers[0])
SEC3_HEADERS = frozenset(T.SEC3.headers)
SEC4_HEADERS = frozenset(T.SEC4.headers)
SEC4_LEAVES = frozenset(c.header for c in T.SEC4.columns)  # 结果维持 … 总计 under each group
_FORM_COLUMNS = tuple((re.compile(c.pattern), c.scope) for c in T.FORM.columns)
# block triggers and header cells as plain sets (feed() runs once per cell)
_SEC3_MARK, _SEC3_CELLS = T.SEC3.triggers[0], frozenset(T.SEC3.triggers[1:])
_FORM_TRIGGERS, _FORM_HEADERS = frozenset(T.FORM.triggers), frozenset(T.FORM.headers)
_ART20_HEADERS, _SEC4_TRIGGERS = frozenset(T.ART20.headers), frozenset(T.SEC4.triggers)


def value_of(cell: Cell) -> tuple[float | int, str] | None:
    """(number, unit printed in the cell) when the cell holds one figure."""
    return value_of_text(cell.text.strip())


@lru_cache(maxsize=8192)
def value_of_text(text: str) -> tuple[float | int, str] | None:
    if not text or not (text[0].isdigit() or text[0] in "+-"):
        return None
    m = _VALUE.fullmatch(text)
    if not m:
        return None
    v = parse_number(m.group(1))
    if v is None:
        return None
    return v, m.group(2) or ""


@dataclass(slots=True)
class Row:
    labels: list[Cell] = field(default_factory=list)
    slots: list[Cell] = field(default_factory=list)  # value or blank cells, in column order
    unit: str = ""


@dataclass(slots=True)
class TableFacts:
    facts: list[Fact] = field(default_factory=list)
    blanks: list[BlankCell] = field(default_factory=list)
    blocks: set[str] = field(default_factory=set)  # art20, sec3, sec4, form
    problems: list[str] = field(default_factory=list)
    used_lines: set[int] = field(default_factory=set)
    sec3_rows: list[tuple[str, str, int]] = field(
        default_factory=list
    )  # (metric, outcome, cells) per row read


class _Reader:
    """State machine over one table's cell stream."""

    def __init__(self, out: TableFacts, loc: str) -> None:
        self.out = out
        self.loc = loc
        self.block = ""
        self.art20_family = ""
        self.art20_measures: list[tuple[str, str]] = []  # (measure, header text)
        self.form_cols: list[str] = []  # scope per value column
        self.form_money_unit = ""
        self.group = ""
        self.sec4_slots: list[Cell] = []
        self.sec4_leaves = 0
        self.row = Row()
        self.header_buf: list[str] = []
        self.art20_unit = ""
        self.header_stash = ""
        # section 三 reason sub-rows per (outcome, applicant): (reason label, cell) in row order
        self.sub_cells: SubCells = {}
        self.group_labels: dict[str, str] = {}

    # -- cell classification ------------------------------------------------------------------
    def feed_row(self, cells: list[Cell]) -> None:
        for c in cells:
            self.feed(c)
        self.flush()

    def feed(self, c: Cell) -> None:
        text = squash(c.text)
        if c.merged:
            return
        cap = _CAPTION.search(text)
        if cap and len(text) <= 20:
            self.flush()
            self.block = "art20"
            self.out.blocks.add("art20")
            self.art20_family = T.ART20_FAMILY.get(cap.group(1), "art20_" + cap.group(1))
            self.art20_measures = []
            self.art20_unit = ""
            return
        if _SEC3_MARK in text or text in _SEC3_CELLS:
            self.flush()
            self.block = "sec3"
            self.out.blocks.add("sec3")
            self.group = ""
            return
        if text in _FORM_TRIGGERS:
            self.flush()
            self.block = "form"
            self.out.blocks.add("form")
            self.form_cols = []
            self.group = ""
            return
        if self._header(c, text):
            return
        if text in BLANK_MARKS or c.text.strip() in BLANK_MARKS:
            if self.row.labels:
                self.row.slots.append(c)
            elif self.block == "sec4" and (self.sec4_slots or self.sec4_leaves >= 15):
                self.sec4_slots.append(c)
                if len(self.sec4_slots) == 15:
                    self._emit_sec4()
            return
        if text in T.UNIT_CELLS and self.row.labels and not self.row.slots:
            self.row.unit = text
            return
        if value_of(c) is not None:
            if self.block == "sec4" and not self.row.labels:
                self.sec4_slots.append(c)
                if len(self.sec4_slots) == 15:
                    self._emit_sec4()
                return
            if not self.row.labels:
                self._orphan(c)
                return
            self.row.slots.append(c)
            return
        # a label
        if self.row.slots:
            self.flush()
        if not re.search(r"[\u4e00-\u9fff]", text):
            return  # a non-Chinese, non-numeric cell (dates, codes): left to the mention scanner
        if text.startswith("三、本年度办理结果") or "本年新收" in text:
            if self.block not in ("sec3",):
                self.block = "sec3"
                self.out.blocks.add("sec3")
        self.row.labels.append(c)

    def _header(self, c: Cell, text: str) -> bool:
        """Column headers update the block's column map and never start rows."""
        if self.block == "art20" and not self.row.slots:
            if text in _ART20_HEADERS:
                self.flush()
                self.art20_measures = []
                return True
            joined = self.header_stash + text
            for pat, measure in T.ART20_MEASURES:
                if re.search(pat, joined) and not self.row.labels:
                    self.art20_measures.append((measure, joined))
                    self.header_stash = ""
                    if "万元" in joined:
                        self.art20_unit = "万元"
                    return True
            if (
                not self.row.labels
                and self.art20_measures
                and text in ("数量", "总数量", "项目数量", "制作数量", "公开数量")
            ):
                return True  # the tail of a wrapped header (采购项目 / 数量) whose head already matched
            if not self.row.labels and re.fullmatch(r"(?:本年新?|上一年|对外公开|本年|采购)", text):
                self.header_stash = text  # a header wrapped over two cells: 本年新 / 制作数量
                return True
        if self.block == "form" and not self.row.labels:
            if text in _FORM_HEADERS:
                return True
            for pattern, scope in _FORM_COLUMNS:
                if pattern.search(text):
                    self.form_cols.append(scope)
                    return True
        if self.block in ("sec3", "art20", "") and text in _SEC4_TRIGGERS and not self.row.slots:
            self.flush()
            self.block = "sec4"
            self.out.blocks.add("sec4")
            self.sec4_slots = []
            self.sec4_leaves = 0
            return True
        if self.block == "sec4" and text in SEC4_HEADERS:
            if text in SEC4_LEAVES:
                self.sec4_leaves += 1
            return True
        if (
            self.block == "sec3"
            and (text in SEC3_HEADERS or text.startswith("申请人"))
            and not self.row.labels
        ):
            return True
        if self.block == "sec3" and text in SEC3_HEADERS and self.row.labels and not self.row.slots:
            # header cells directly after a stray label: still headers
            return True
        return False

    # -- rows -------------------------------------------------------------------------------------
    def flush(self) -> None:
        row, self.row = self.row, Row()
        if not row.labels:
            return
        if not row.slots and self.block == "form" and row.unit:
            blank = Cell(raw="", text="", line=row.labels[-1].line, loc=row.labels[-1].loc)
            row.slots = [blank] * max(1, len(self.form_cols))
        if not row.slots:
            self._group_only(row)
            return
        if self.block == "sec3":
            self._emit_sec3(row)
        elif self.block == "art20":
            self._emit_art20(row)
        else:
            self._emit_form(row)

    def _group_only(self, row: Row) -> None:
        """A label row with no values may open a group (（三）不予公开) for the sub-rows after it."""
        table = "sec3" if self.block == "sec3" else "form"
        for lab in row.labels:
            spec = T.first_match(table, T.strip_numbering(lab.text))
            if spec is not None and spec.opens_group:
                self.group = spec.opens_group
                self.group_labels.setdefault(spec.opens_group, T.strip_numbering(lab.text))

    def _label_text(self, row: Row) -> str:
        return " ".join(c.raw.strip() for c in row.labels if c.raw.strip())

    def _emit_sec3(self, row: Row) -> None:
        last = row.labels[-1]
        numbered_sub = re.match(r"^\s*\d+\s*[.．、]", last.text) is not None
        for lab in row.labels[:-1]:
            self._group_only(Row(labels=[lab]))
        dims: dict[str, str] = {}
        metric = ""
        stripped = T.strip_numbering(last.text)
        if numbered_sub and self.group:
            metric = "applications.outcome"
            dims = {"outcome": self.group, "reason": T.clean_reason(last.text)}
        else:
            found = T.first_match("sec3", stripped)
            if found is not None:
                metric, dims = found.metric, dict(found.dims)
                self.group = found.opens_group
        if not metric:
            self._mention_row(row)
            return
        slots = row.slots
        nums = [s for s in slots if value_of(s) is not None]
        cols = T.SEC3_APPLICANTS
        if len(slots) > len(cols) and any(value_of(s) is not None for s in slots[len(cols) :]):
            while len(slots) > len(cols) and not slots[0].raw.strip() and not slots[0].text:
                slots = slots[
                    1:
                ]  # an empty cell left of the figures (a label over two columns, a rule missing)
        if len(slots) > len(cols):
            extra = slots[len(cols) :]
            if all(value_of(s) is None for s in extra):
                slots = slots[: len(cols)]
            else:
                # more figures than columns: the row's own cells come first; what follows is kept as mentions
                # (a cut-off text ends with the next row's numbering, '2' of '2.其他法律…')
                self.out.problems.append(f"line {last.line}: {len(slots)} cells for {len(cols)} columns")
                for cell in extra:
                    self._mention(cell, self._label_text(row))
                slots = slots[: len(cols)]
        if len(nums) == 1 and len(slots) < len(cols):
            pairs = [(cols[-1], nums[0])]  # only the 总计 cell filled
        else:
            if len(slots) < len(cols):
                self.out.problems.append(f"line {last.line}: {len(slots)} cells for {len(cols)} columns")
            pairs = list(zip(cols, slots, strict=False))
        label = self._label_text(row)
        self.out.sec3_rows.append((metric, dims.get("outcome", ""), len(pairs)))
        for (_, applicant), cell in pairs:
            d = dict(dims)
            if applicant:
                d["applicant"] = applicant
            self._cell_fact(metric, d, cell, label, "year", unit_default="件")
            if "reason" in d:
                self.sub_cells.setdefault((d["outcome"], applicant), []).append((d["reason"], cell))

    def _emit_art20(self, row: Row) -> None:
        item = T.strip_numbering(re.sub(r"[（(].*?[）)]", "", self._label_text(row)))
        measures = self.art20_measures or [("value", "")]
        slots = row.slots
        filled = [s for s in slots if s.raw.strip()]
        if len(slots) > len(measures) and len(filled) == len(measures):
            slots = filled  # empty cells between the values are the layout's ('|' lines), not blanks
        if len(slots) > len(measures) and all(value_of(s) is None for s in slots[len(measures) :]):
            slots = slots[: len(measures)]
        if len(measures) == 1 and len(slots) > 1:
            nums = [s for s in slots if value_of(s) is not None]
            if len({value_of(s) for s in nums}) > 1:
                # several different figures under one recognised header: the other headers were lost,
                # so which figure is this column's is a guess
                self.out.problems.append(
                    f"line {row.labels[-1].line}: {len(nums)} cells for 1 columns (headers not read); left out"
                )
                return
            slots = nums[:1] or slots[:1]  # a value cell spanning several columns
        label = self._label_text(row)
        for (measure, _hdr), cell in zip(measures, slots, strict=False):
            metric = f"{self.art20_family}.{measure}"
            unit = self.art20_unit if measure == "amount" else ""
            self._cell_fact(
                metric, {"item": item}, cell, label, "year", unit_default=unit or "件", header_unit=unit
            )

    def _emit_form(self, row: Row) -> None:
        last = row.labels[-1]
        stripped = T.strip_numbering(last.text)
        metric, dims = "", {}
        spec = T.first_match("form", stripped)
        if spec is not None:
            if not spec.metric and not spec.metric_from_group:
                return
            metric, dims = spec.metric, dict(spec.dims)
            if spec.metric_from_group:
                metric = T.GROUP_METRICS.get(self.group, "")
            if spec.opens_group:
                self.group = spec.opens_group
            if spec.reason_from_label:
                dims["reason"] = T.clean_reason(last.text)
            if spec.source_from_label:
                dims["source"] = re.sub(r"^接受", "", re.sub(r"(?:数量|数)$", "", stripped))
            if spec.channel_from_label:
                dims["channel"] = re.sub(r"(?:人数|数)$", "", stripped)
        if not metric:
            self._mention_row(row)
            return
        cols = self.form_cols or ["year"]
        slots = row.slots
        label = self._label_text(row)
        for scope, cell in zip(cols, slots, strict=False):
            self._cell_fact(metric, dims, cell, label, scope, unit_default=row.unit, header_unit=row.unit)
        for cell in slots[len(cols) :]:
            self._mention(cell, label)

    def _emit_sec4(self) -> None:
        slots, self.sec4_slots = self.sec4_slots, []
        for col, cell in zip(T.SEC4_COLUMNS, slots, strict=False):
            self._cell_fact(col.metric, dict(col.dims), cell, T.sec4_column(col), "year", unit_default="件")
        direct = [
            f for f in self.out.facts if f.metric == "litigation.count" and f.dims == {"route": "direct"}
        ]
        after = [
            f
            for f in self.out.facts
            if f.metric == "litigation.count" and f.dims == {"route": "after_review"}
        ]
        if direct and after:
            a, b = direct[-1], after[-1]
            self.out.facts.append(
                Fact(
                    metric="litigation.count",
                    value=a.value + b.value,
                    unit="件",
                    line=a.line,
                    quote=f"未经复议直接起诉 总计 {a.value} + 复议后起诉 总计 {b.value}",
                    dims={},
                    origin="table",
                    loc=self.loc,
                )
            )
        self.block = ""

    def _emit_subtotals(self) -> None:
        derive_subtotals(self.out, self.sub_cells, self.group_labels, self.loc)
        self.sub_cells = {}

    def finish(self) -> None:
        self.flush()
        self._emit_subtotals()
        if self.sec4_slots:
            if len(self.sec4_slots) >= 5:
                self.out.problems.append(f"section 四 row has {len(self.sec4_slots)} of 15 cells")
                self._emit_sec4()
            else:
                for c in self.sec4_slots:
                    self._orphan(c)

    # -- facts ------------------------------------------------------------------------------------
    def _cell_fact(
        self,
        metric: str,
        dims: dict[str, str],
        cell: Cell,
        label: str,
        scope: str,
        unit_default: str = "",
        header_unit: str = "",
    ) -> None:
        v = value_of(cell)
        quote = f"{label} | {cell.raw.strip()}"
        self.out.used_lines.add(cell.line)
        if v is None:
            self.out.blanks.append(
                BlankCell(metric=metric, dims=dims, line=cell.line or 0, quote=quote, mark=cell.text.strip())
            )
            return
        value, unit = v
        unit = unit or header_unit or unit_default
        if metric in T.MONEY_METRICS:
            if unit == "万元":
                value = round(value * 10000, 2)
                value = int(value) if float(value).is_integer() else value
            unit = "元"
        self.out.facts.append(
            Fact(
                metric=metric,
                value=value,
                unit=unit,
                line=cell.line,
                quote=quote,
                dims=dict(dims),
                scope=scope,
                origin="table",
                loc=cell.loc or self.loc,
            )
        )

    def _mention_row(self, row: Row) -> None:
        label = self._label_text(row)
        for cell in row.slots:
            self._mention(cell, label)

    def _mention(self, cell: Cell, label: str) -> None:
        v = value_of(cell)
        if v is None:
            return
        self.out.used_lines.add(cell.line)
        self.out.facts.append(
            Fact(
                metric="mention.other",
                value=v[0],
                unit=v[1],
                line=cell.line,
                quote=f"{label} | {cell.raw.strip()}",
                dims={"label": T.strip_numbering(label)[:40]},
                origin="table",
                loc=cell.loc or self.loc,
            )
        )

    def _orphan(self, cell: Cell) -> None:
        self._mention(cell, "")


SubCells = dict[tuple[str, str | None], list[tuple[str, Cell]]]


def derive_subtotals(out: TableFacts, subs: SubCells, heads: dict[str, str], loc: str = "") -> None:
    """Derived outcome subtotals (不予公开, 无法提供, 不予处理, 其他处理 split into reasons): one per
    column, only when every sub-row of the column is a printed number and no subtotal was printed.

    `subs` maps (outcome, applicant or None) to its (reason, cell) sub-rows in printed order; the
    fact has origin `derived`, the line of the first sub-row and a quote naming the cells added.
    """
    printed = {
        (f.dims.get("outcome"), f.dims.get("applicant"))
        for f in out.facts
        if f.metric == "applications.outcome" and "reason" not in f.dims and f.origin == "table"
    }
    for (outcome, applicant), cells in subs.items():
        values = [value_of(c) for _, c in cells]
        if (outcome, applicant) in printed or any(v is None for v in values):
            continue
        units = {v[1] or "件" for v in values if v is not None}
        total = sum(v[0] for v in values if v is not None)
        col = next((zh for zh, code in T.SEC3_APPLICANTS if code == applicant), "")
        parts = " + ".join(f"{reason} {c.raw.strip()}" for reason, c in cells)
        first = cells[0][1]
        out.facts.append(
            Fact(
                metric="applications.outcome",
                value=total,
                unit=units.pop() if len(units) == 1 else "件",
                line=first.line,
                quote=f"{heads.get(outcome, outcome)} {col}: {parts}",
                dims={"outcome": outcome, **({"applicant": applicant} if applicant else {})},
                origin="derived",
                loc=first.loc or loc,
            )
        )


def read_table(table: Table, out: TableFacts) -> None:
    """Add the facts of one table to `out`."""
    reader = _Reader(out, table.loc)
    for row in table.rows:
        reader.feed_row(row)
    reader.finish()
