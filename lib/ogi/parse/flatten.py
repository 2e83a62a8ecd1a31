"""Flattened template tables: page text saved with every cell of a row run together.

`一、本年新收政府信息公开申请数量510011053` holds seven cells with nothing between them. Each row's
run of digits (and blank marks) is cut in every way that gives the row's cell count, no cell with a
leading zero, and the template's identities hold: the applicant columns sum to 总计, section 三's
outcomes sum to （七）总计 and 一 + 二 = （七）+ 四 per column, section 四's outcomes sum to their
totals, a 历年累计 is never below its year. A row's cells are emitted only when exactly one cut is
left (origin `table`, the quote the printed run, `loc` the `split` note); otherwise nothing is
emitted for it and a problem is recorded (the `complete.table_read` check reports it). The number
of the next numbered row glued to a run (`…00000002.其他法律…`) is known from the row plan and cut off
first. A guess is a defect, a blank is not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ogi.document import Cell, Document, Table
from ogi.facts import BlankCell, Fact
from ogi.parse.tables import SubCells, TableFacts, derive_subtotals, read_table
from ogi.templates import registry

MARKS = "/-—－／"  # a blank cell printed as a mark: exactly one cell of a run
_M = r"/\-—－／"  # MARKS inside a character class
_WU = "无(?!法)"  # 无 printed for a blank (not the 无法提供 that may follow a run)
_RUN = re.compile(rf"(?:[0-9{_M}]|{_WU})+")
_NUMBERING_PUNCT = ".．、"
BLANKS = MARKS + "无"
MAX_RUN = 40  # longer runs are not enumerated (a row of 7 cells never prints 40 digits)
MAX_JOINT = 20000  # combinations of ambiguous section 三 rows tried against the column identities


class PlanRow(Protocol):
    """A row of section 三's plan (`ogi.parse.decode.plan`): its metric, dims, label keys and group."""

    @property
    def metric(self) -> str: ...
    @property
    def dims(self) -> dict[str, str]: ...
    @property
    def keys(self) -> tuple[str, ...]: ...
    @property
    def head(self) -> str: ...


VANISHED = "no split that satisfies the template"  # the problem text when a run is short of cells
Check = Callable[[tuple[str, ...]], bool]


def _num(cell: str) -> int:
    """A cell's value for the identities: a blank mark counts as nothing (0)."""
    return int(cell) if cell.isdigit() else 0


def _pieces(run: str, k: int) -> Iterator[tuple[str, ...]]:
    """Every cut of `run` into k cells: a mark is one cell, a number has no leading zero."""
    if k == 0:
        if not run:
            yield ()
        return
    if len(run) < k:
        return
    if run[0] in BLANKS:
        for rest in _pieces(run[1:], k - 1):
            yield (run[0], *rest)
        return
    for j in range(1, len(run) - k + 2):
        head = run[:j]
        if not head.isdigit() or (j > 1 and head[0] == "0"):
            break
        for rest in _pieces(run[j:], k - 1):
            yield (head, *rest)


def sums_to_last(cells: tuple[str, ...]) -> bool:
    """The row identity: every cell but the last sums to the last (总计)."""
    return sum(_num(c) for c in cells[:-1]) == _num(cells[-1])


def splits(run: str, groups: Sequence[int], check: Check | None = None) -> list[tuple[str, ...]]:
    """Every cut of `run` into consecutive groups of the given sizes, each group passing `check`."""
    if len(run) > MAX_RUN:
        return []
    out: list[tuple[str, ...]] = []

    def walk(pos: int, g: int, acc: tuple[str, ...]) -> None:
        if g == len(groups):
            if pos == len(run):
                out.append(acc)
            return
        left = sum(groups[g + 1 :])
        for end in range(pos + groups[g], len(run) - left + 1):
            for cut in _pieces(run[pos:end], groups[g]):
                if check is None or check(cut):
                    walk(end, g + 1, acc + cut)

    walk(0, 0, ())
    return out


@dataclass(slots=True)
class Run:
    """One row's printed run: where it stands and its text, the next row's glued number removed."""

    label: str
    printed: str  # as printed (the quote)
    run: str  # what is split
    line: int


class _Joined:
    """Lines joined without spaces, with the line each character came from."""

    def __init__(self, doc: Document, start: int, end: int, squash: bool = False) -> None:
        parts: list[str] = []
        self.lines: list[int] = []
        for i in range(start, end):
            s = re.sub(r"\s+", "", doc.norm[i]) if squash else doc.norm[i].strip()
            parts.append(s)
            self.lines.extend([i + 1] * len(s))
        self.text = "".join(parts)

    def line(self, pos: int) -> int:
        return self.lines[min(pos, len(self.lines) - 1)] if self.lines else 0


def _run_after(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first run between start and stop, when only label words (no digits) stand before it."""
    m = _RUN.search(text, start, stop)
    if m is None or any(ch.isdigit() for ch in text[start : m.start()]):
        return None
    return m.start(), m.end()


def _cut_number(run: str, after: str, number: int | None) -> str | None:
    """The run without the next row's glued number (`…00000002` before `.其他…`); None when it does not end so."""
    if not after or after[0] not in _NUMBERING_PUNCT:
        return run
    tail = str(number) if number else ""
    if not tail or not run.endswith(tail) or len(run) == len(tail):
        return None
    return run[: -len(tail)]


def _split_note(cells: Sequence[str]) -> str:
    return "split " + "|".join(cells)


# --- section 三 -------------------------------------------------------------------------------------


_QUOTES = "“”\"'「」『』‘’"


def _key_rx(key: str) -> re.Pattern[str]:
    """A row key as a pattern: quote marks optional and of any kind (危及“三安全一稳定” / 危及"三安全一稳定")."""
    return re.compile("".join(f"[{re.escape(_QUOTES)}]?" if ch in _QUOTES else re.escape(ch) for ch in key))


def _flat_runs(joined: _Joined, keys: Sequence[str]) -> list[tuple[int, int] | None]:
    """(start, end) of each row's key, found in order; None for a key not found (the next is looked for
    from the same place, so one misprinted label costs one row)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for key in keys:
        m = _key_rx(key).search(joined.text, pos)
        if m is None:
            out.append(None)
            continue
        out.append((m.start(), m.end()))
        pos = m.end()
    return out


def looks_flat(doc: Document, start: int, end: int, width: int) -> bool:
    """Three rows or more in the region print a label and a run of `width` cells or more with no space
    inside it (one space after the label is allowed)."""
    glued = re.compile(rf"[\u4e00-\u9fff）)] ?(?:[0-9{_M}]|{_WU}){{{width},}}(?:[^0-9\s]|$)")
    return sum(len(glued.findall(doc.norm[i].strip())) for i in range(start, end)) >= 3


def sec3(doc: Document, tf: TableFacts, plan: Sequence[PlanRow], start: int, end: int) -> set[int]:
    """Section 三 from flattened rows (`plan`: the template's rows, `ogi.parse.decode.plan`)."""
    width = len(registry.SEC3_COLUMNS)
    joined = _Joined(doc, start, end)
    keys = [r.dims.get("reason") or r.keys[0] for r in plan]
    found = _flat_runs(joined, keys)
    if not any(found):
        return set()
    numbers = _sub_numbers(plan)
    runs: dict[int, Run] = {}
    cands: dict[int, list[tuple[str, ...]]] = {}
    for r, at in enumerate(found):
        if at is None:
            tf.problems.append(f"section 三 flattened: row '{keys[r]}' not found; left out")
            continue
        key_end = at[1]
        later = [f[0] for f in found[r + 1 :] if f is not None]
        stop = later[0] if later else len(joined.text)
        span = _run_after(joined.text, key_end, stop)
        label = plan[r].dims.get("reason") or plan[r].keys[0]
        if span is None:
            tf.problems.append(
                f"line {joined.line(key_end)}: decoded row '{label}': no cells after the label"
            )
            continue
        printed = joined.text[span[0] : span[1]]
        run = _cut_number(printed, joined.text[span[1] : span[1] + 1], numbers.get(r + 1))
        line = joined.line(span[0])
        if run is None:
            tf.problems.append(
                f"line {line}: decoded row '{label}': the next row's number is not where expected"
            )
            continue
        runs[r] = Run(label, printed, run, line)
        cands[r] = splits(run, (width,), sums_to_last)
    if not runs:
        return set()
    chosen = _joint(plan, cands, width)
    withheld: set[int] = set()
    if any(not c for c in cands.values()):
        # a row lost a cell (a blank printed as nothing): a cut that needed the identities may be a
        # coincidence of the lost cell, so only runs of one character per cell are kept
        for r in [r for r in chosen if len(runs[r].run) != width]:
            del chosen[r]
            withheld.add(r)
            tf.problems.append(
                f"line {runs[r].line}: decoded row '{runs[r].label}': flattened run '{runs[r].printed}' may "
                f"have lost a blank cell ({VANISHED} elsewhere); left out"
            )
    _drop_sec3(tf, frozenset(r.metric for r in plan))
    subs: SubCells = {}
    heads: dict[str, str] = {}
    complete = _complete_groups(plan, chosen)
    for r, row in enumerate(plan):
        if r not in runs or r in withheld:
            continue
        got = runs[r]
        cells = chosen.get(r)
        if cells is None:
            n = len(cands.get(r, []))
            tf.problems.append(
                f"line {got.line}: decoded row '{got.label}': flattened run '{got.printed}' has "
                + (f"{n} splits that satisfy the template" if n else VANISHED)
                + "; left out"
            )
            continue
        note = _split_note(cells)
        for col, text in zip(registry.SEC3_COLUMNS, cells, strict=True):
            dims = {**row.dims, **col.dims}
            cell = Cell(raw=got.printed, text=text, line=got.line, loc=note)
            quote = f"{got.label} | {got.printed}"
            if "reason" in dims and dims["outcome"] in complete:
                subs.setdefault((dims["outcome"], col.dims.get("applicant")), []).append((got.label, cell))
                heads[dims["outcome"]] = row.head
            if not text.isdigit():
                tf.blanks.append(BlankCell(row.metric, dims, got.line, quote, mark=text))
                continue
            tf.facts.append(
                Fact(row.metric, int(text), "件", got.line, quote, dims, origin="table", loc=note)
            )
    derive_subtotals(tf, subs, heads)
    tf.blocks.add("sec3")
    return set(range(start + 1, end + 1))


def _sub_numbers(plan: Sequence[PlanRow]) -> dict[int, int]:
    """Row index → its printed number within its group (1. 2. …), for the sub-rows of a group."""
    out: dict[int, int] = {}
    count: dict[str, int] = {}
    for r, row in enumerate(plan):
        if "reason" in row.dims:
            outcome = row.dims["outcome"]
            count[outcome] = count.get(outcome, 0) + 1
            out[r] = count[outcome]
    return out


def _complete_groups(plan: Sequence[PlanRow], chosen: dict[int, tuple[str, ...]]) -> set[str]:
    """Outcomes whose every reason sub-row was decoded (only they give a derived subtotal)."""
    by: dict[str, list[int]] = {}
    for r, row in enumerate(plan):
        if "reason" in row.dims:
            by.setdefault(row.dims["outcome"], []).append(r)
    return {o for o, rs in by.items() if all(r in chosen for r in rs)}


def _joint(
    plan: Sequence[PlanRow], cands: dict[int, list[tuple[str, ...]]], width: int
) -> dict[int, tuple[str, ...]]:
    """The rows whose cells are certain: a single cut, or (when every row has a cut and the combinations
    are few) the same cut in every combination that satisfies the column identities."""
    single = {r: c[0] for r, c in cands.items() if len(c) == 1}
    if len(cands) != len(plan) or any(not c for c in cands.values()):
        return single  # a row missing or without a cut: the column identities cannot be used
    order = list(range(len(plan)))
    open_rows = [r for r in order if len(cands[r]) > 1]
    total = 1
    for r in open_rows:
        total *= len(cands[r])
    if total > MAX_JOINT:
        return single
    metric = [p.metric for p in plan]
    outcome = [p.dims.get("outcome", "") for p in plan]
    parts = [r for r in order if metric[r] == "applications.outcome" and outcome[r] != "total"]
    tot = next(r for r in order if outcome[r] == "total")
    rec = next(r for r in order if metric[r] == "applications.received")
    over = next(r for r in order if metric[r] == "applications.carried_over")
    fwd = next(r for r in order if metric[r] == "applications.carried_forward")
    keep: dict[int, set[tuple[str, ...]]] = {r: set() for r in open_rows}
    any_ok = False
    for combo in itertools.product(*(cands[r] for r in open_rows)):
        table = dict(single)
        table.update(zip(open_rows, combo, strict=True))
        vals = {r: [_num(c) for c in cells] for r, cells in table.items()}
        ok = all(
            sum(vals[r][j] for r in parts) == vals[tot][j]
            and vals[rec][j] + vals[over][j] == vals[tot][j] + vals[fwd][j]
            for j in range(width)
        )
        if ok:
            any_ok = True
            for r in open_rows:
                keep[r].add(table[r])
    if not any_ok:
        return single
    return {**single, **{r: next(iter(k)) for r, k in keep.items() if len(k) == 1}}


def _drop_sec3(tf: TableFacts, metrics: frozenset[str]) -> None:
    tf.facts = [f for f in tf.facts if not (f.metric in metrics and f.origin == "table")]
    tf.blanks = [b for b in tf.blanks if b.metric not in metrics]


# --- section 四 -------------------------------------------------------------------------------------


def sec4(doc: Document, tf: TableFacts, start: int, end: int, forced_only: bool = False) -> set[int]:
    """Section 四's 15 cells from the run after its header: three groups of five, each group's outcomes
    summing to its total. The header may stand anywhere in the region (glued to section 三's end)."""
    joined = _Joined(doc, start, end)
    text = joined.text
    anchor = max(text.rfind("复议后起诉"), text.rfind("直接起诉"))
    if anchor < 0:
        heads = [m.end() for m in re.finditer(r"行政复议|行政诉讼", text)]
        if not heads:
            return set()  # no section 四 header here
        anchor = heads[-1]
    m = _RUN.search(text, anchor)
    if m is None:
        tf.problems.append(f"section 四 flattened: no cells after the header ({VANISHED}); not decoded")
        return set(range(start + 1, end + 1))
    printed = m.group(0)
    line = joined.line(m.start())
    found = splits(printed, (5, 5, 5), sums_to_last)
    if forced_only and len(printed) != len(registry.SEC4_COLUMNS) and found:
        # section 三 lost cells (blanks printed as nothing): only a run of one character per cell is certain
        tf.problems.append(f"section 四 flattened: run '{printed}' may have lost a blank cell; not decoded")
        return set(range(start + 1, end + 1))
    if len(found) != 1:
        tf.problems.append(
            f"section 四 flattened: run '{printed}' has "
            + (f"{len(found)} splits that satisfy the template" if found else VANISHED)
            + "; not decoded"
        )
        return set(range(start + 1, end + 1))
    cells = found[0]
    note = _split_note(cells)
    tf.facts = [
        f for f in tf.facts if f.metric not in ("review.count", "litigation.count") or f.origin != "table"
    ]
    totals: dict[str, int] = {}
    quote = f"行政复议、行政诉讼 | {printed}"
    for col, text in zip(registry.SEC4_COLUMNS, cells, strict=True):
        if not text.isdigit():
            tf.blanks.append(BlankCell(col.metric, dict(col.dims), line, quote, mark=text))
            continue
        tf.facts.append(
            Fact(col.metric, int(text), "件", line, quote, dict(col.dims), origin="table", loc=note)
        )
        if "outcome" not in col.dims and col.metric == "litigation.count":
            totals[col.dims["route"]] = int(text)
    if len(totals) == 2:
        a, b = totals["direct"], totals["after_review"]
        tf.facts.append(
            Fact(
                "litigation.count",
                a + b,
                "件",
                line,
                f"未经复议直接起诉 总计 {a} + 复议后起诉 总计 {b}",
                {},
                origin="table",
            )
        )
    tf.blocks.add("sec4")
    return set(range(start + 1, end + 1))


# --- section 二: the 第二十条 blocks -------------------------------------------------------------------

_CAPTION = re.compile(registry.ART20.triggers[0])
_HEADER_TAIL = re.compile(
    r"(?:件数|总数量|项目数量|制作数量|公开数量|数量|金额)?(?:[（(](?:单位[:：])?万元[）)])?"
)
_ITEM = re.compile(
    rf"((?:[^0-9+{_M}无]|无法)+?)((?:[0-9+{_M}]|{_WU})(?:[0-9.+{_M}]|{_WU})*)(?=[\u4e00-\u9fff（(]|$)"
)


def art20(
    doc: Document,
    tf: TableFacts,
    start: int,
    end: int,
    measures_of: Callable[[list[str]], list[tuple[str, str]]],
    several: bool = True,
) -> set[int]:
    """The 第二十条 blocks from flattened lines: a row of one cell is its run; a row of k cells only
    when its run is k single characters (no identity binds these columns) and `several` (no cell of
    the other tables was seen to vanish: a blank printed as nothing makes such a run a guess)."""
    joined = _Joined(doc, start, end)
    text = joined.text
    caps = list(_CAPTION.finditer(text))
    covered: set[int] = set()
    seen: set[int] = set()
    for c, cap in enumerate(caps):
        stop = caps[c + 1].start() if c + 1 < len(caps) else _block_end(text, cap.end())
        family = registry.ART20_FAMILY.get(cap.group(1), "art20_" + cap.group(1))
        body = text[cap.end() : stop]
        first = re.search(r"\d", body)
        if first is None:
            continue
        measures = measures_of([body[: first.start()]])
        if not measures:
            continue
        last = body.find(measures[-1][1]) + len(measures[-1][1])
        tail = _HEADER_TAIL.match(body, last)
        header_end = tail.end() if tail else last
        unit = "万元" if "万元" in body[: header_end + 8] else ""
        for m in _ITEM.finditer(body, header_end):
            label = re.sub(r"[（(].*?[）)]", "", m.group(1)).strip("：:")
            if not re.search(r"[\u4e00-\u9fff]", label) or len(label) > 20:
                continue
            if _two_items(label):
                tf.problems.append(
                    f"line {joined.line(cap.end() + m.start(1))}: decoded row '{label}': a row's cells are missing; left out"
                )
                continue
            printed = m.group(2).rstrip(".")
            at = cap.end() + m.start(2)
            line = joined.line(at)
            k = len(measures)
            if k == 1 and (
                re.fullmatch(r"\d+(?:\.\d+)?", printed) or (len(printed) == 1 and printed in BLANKS)
            ):
                if printed[0] == "0" and len(printed) > 1 and "." not in printed:
                    cells: tuple[str, ...] | None = None
                else:
                    cells = (printed,)
            elif several and len(printed) == k and all(ch.isdigit() or ch in BLANKS for ch in printed):
                cells = tuple(printed)
            else:
                cells = None
            if cells is None:
                tf.problems.append(
                    f"line {line}: decoded row '{label}': flattened run '{printed}' has several splits; left out"
                )
                continue
            _art20_facts(tf, family, label, printed, cells, measures, unit, line)
            covered.add(line)
        # every line of a block read is a table line, its rows left out too (never prose figures)
        seen |= set(range(joined.line(cap.start()), joined.line(max(cap.end(), stop - 1)) + 1))
    if covered:
        tf.blocks.add("art20")
    return covered | seen


# the item rows of the 2019 and 2021 第二十条 blocks, as the national templates print them
ART20_ITEMS = (
    "行政规范性文件",
    "规范性文件",
    "规章",
    "行政许可",
    "其他对外管理服务事项",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
)


def _two_items(label: str) -> bool:
    """A label holding two items' labels (行政处罚行政强制): the first item's cell vanished."""
    rest = label
    found = 0
    for item in ART20_ITEMS:
        if item in rest:
            found += 1
            rest = rest.replace(item, "|")
    return found > 1


def _block_end(text: str, pos: int) -> int:
    """Where the last 第二十条 block ends: before section 三's heading or its table."""
    m = re.search(r"三、收到和处理|本列数据|申请人情况|本年新收", text[pos:])
    return pos + m.start() if m else len(text)


def _art20_facts(
    tf: TableFacts,
    family: str,
    item: str,
    printed: str,
    cells: tuple[str, ...],
    measures: list[tuple[str, str]],
    unit: str,
    line: int,
) -> None:
    note = _split_note(cells)
    quote = f"{item} | {printed}"
    for (measure, _), text in zip(measures, cells, strict=False):
        metric = f"{family}.{measure}"
        if text in BLANKS:
            tf.blanks.append(BlankCell(metric, {"item": item}, line, quote, mark=text))
            continue
        value: float | int = float(text) if "." in text else int(text)
        cell_unit = (unit if measure == "amount" else "") or "件"
        if metric in registry.MONEY_METRICS:
            if cell_unit == "万元":
                value = round(value * 10000, 2)
            value = int(value) if float(value).is_integer() else value
            cell_unit = "元"
        tf.facts.append(Fact(metric, value, cell_unit, line, quote, {"item": item}, origin="table", loc=note))


# --- the 2014–2018 统计表 and the 附表 ------------------------------------------------------------------

_FORM_HEAD = re.compile(r"(统计指标|指标名称)单位")
_FORM_ROW = re.compile(
    r"(?P<unit>万元|人次|条|件|次|人|个|篇|元|份|项)(?P<run>(?:[0-9.{_M}]|{_WU})+)".replace(
        "{_M}", _M
    ).replace("{_WU}", _WU)
)
_UNIT = re.compile(r"万元|人次|条|件|次|人|个|篇|元|份|项")
_CN_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_AR_HEAD = re.compile(r"^(\d{1,2})[.．、]")
_YEAR_COL = re.compile(r"(?:\d{4}年度?|本年度?|统计数|本期实际)")
_CUM_COL = re.compile(r"历年累计|累计")


def _mask_parens(s: str) -> str:
    """Digits inside （…） belong to the label (计1条): masked so they never start a run."""
    return re.sub(r"[（(][^（）()]*[）)]", lambda m: re.sub(r"\d", "#", m.group(0)), s)


def form(doc: Document, tf: TableFacts) -> set[int]:
    """The 统计表 / 附表 from flattened lines: label, unit, the year value (and 历年累计), the next
    item's number glued on; read by the ordinary table reader once the cells are cut."""
    start = next(
        (i for i, x in enumerate(doc.norm) if "单位" in x and _FORM_HEAD.search(re.sub(r"\s+", "", x))),
        None,
    )
    if start is None:
        return set()
    joined = _Joined(doc, start, len(doc.norm), squash=True)
    text = joined.text
    head = _FORM_HEAD.search(text)
    assert head is not None
    masked = _mask_parens(text)
    first = _FORM_ROW.search(masked, head.end())
    if first is None:
        return set()
    header = text[head.end() : first.start()]
    before = len(tf.problems)
    cols_text = header[: _first_label(header)]
    scopes = ["year"] * len(_YEAR_COL.findall(cols_text)) + ["cumulative"] * len(_CUM_COL.findall(cols_text))
    if not scopes or len(scopes) > 2:
        return set()
    rows: list[list[Cell]] = [[Cell("统计指标", "统计指标", joined.line(head.start()))]]
    rows[0] += [
        Cell(h, h, rows[0][0].line)
        for h in (["单位"] + (["统计数"] if scopes == ["year"] else ["本年", "历年累计"]))
    ]
    pos = head.end() + len(cols_text)
    last_number = 0
    covered: set[int] = set()
    touched: set[int] = set()
    for m in _FORM_ROW.finditer(masked, pos):
        label = text[pos : m.start()]
        if "。" in label or len(label) > 80:
            break  # prose: the form is over
        number = _AR_HEAD.match(label)
        for part in _heads(label):
            rows.append([Cell(part, part, joined.line(pos))])
            if _CN_HEAD.match(part):
                last_number = 0
        label = _last_label(label)
        number = _AR_HEAD.match(label) or number
        if _CN_HEAD.match(label):
            last_number = 0
        if number:
            last_number = int(number.group(1))
        printed = m.group("run")
        end = m.end()
        if printed.endswith("."):  # the dot of the next row's number
            printed, end = printed[:-1], end - 1
        after = text[end : end + 1]
        if after and not (after in _NUMBERING_PUNCT or re.match(r"[\u4e00-\u9fff（(]", after)):
            continue  # not a row's end (a date, a code): left to the other readers
        run = _cut_number(printed, after, last_number + 1)
        line = joined.line(m.start("run"))
        touched.add(line)
        pos = end
        if after in _NUMBERING_PUNCT and run is not None:
            pos = end - (len(printed) - len(run))
        if run is None:
            nxt = str(last_number + 1)
            if after in _NUMBERING_PUNCT and printed.endswith(nxt):
                pos = end - len(nxt)  # the run is only the next number: this row's cell is empty
            tf.problems.append(f"line {line}: decoded row '{label}': no cell before the next row's number")
            rows.append([Cell(label, label, line)])  # no cells, but a group it opens is open
            continue
        parts = _two_rows(label)
        if parts:
            tf.problems.append(f"line {line}: decoded row '{label}': a row's cells are missing; left out")
            rows.extend([Cell(p, p, line)] for p in parts)
            continue
        cells = _form_cells(run, len(scopes))
        if cells is None:
            tf.problems.append(
                f"line {line}: decoded row '{label}': flattened run '{run}' has several splits; left out"
            )
            rows.append([Cell(label, label, line)])
            continue
        note = _split_note(cells)
        rows.append(
            [Cell(label, label, line), Cell(m.group("unit"), m.group("unit"), line)]
            + [Cell(raw=run, text=c if c not in BLANKS else "", line=line, loc=note) for c in cells]
        )
        covered.add(line)
        if after in _NUMBERING_PUNCT and run != printed:
            last_number += 1  # the next label's number was the glued tail
    if len(rows) < 3:  # the header and two rows at least
        return set()
    if len(scopes) > 1 and any(_VANISHED_FORM.search(p) for p in tf.problems[before:]):
        rows = _without_splits(rows, tf)
    read_table(Table(rows, rows[0][0].line, max(covered, default=rows[0][0].line)), tf)
    return covered | touched  # rows left out are table lines too, never prose figures


# a form row seen without its cells: a blank printed as nothing, so a two-cell run may have lost one
_VANISHED_FORM = re.compile(r"no cell before the next row's number|a row's cells are missing")


def _without_splits(rows: list[list[Cell]], tf: TableFacts) -> list[list[Cell]]:
    """Rows whose two cells were cut from one run, left out (their labels kept, for the groups they open):
    another row of the form lost a cell, so '13' may be one 历年累计 whose year printed as nothing."""
    out: list[list[Cell]] = []
    for row in rows:
        cut = [c for c in row if c.loc.startswith("split ") and len(c.raw) > 1]
        if len(row) > 3 and cut:
            tf.problems.append(
                f"line {row[0].line}: decoded row '{row[0].text}': flattened run '{cut[0].raw}' may have "
                "lost a blank cell; left out"
            )
            out.append(row[:1])
        else:
            out.append(row)
    return out


def _first_label(header: str) -> int:
    """Where the column headers end and the first row's label begins."""
    ends = [m.end() for m in re.finditer(r"单位|统计数|本年度?|\d{4}年度?|历年累计|累计|本期实际", header)]
    return max(ends, default=0)


def _heads(label: str) -> list[str]:
    """Head rows (一、主动公开情况— …) standing before the row's own label, each printed with its — unit."""
    parts = re.split(r"[—－-]", label)
    return [p for p in parts[:-1] if p]


def _last_label(label: str) -> str:
    return re.split(r"[—－-]", label)[-1]


def _two_rows(label: str) -> list[str]:
    """A label that is two rows' labels around a unit (the first row's cells vanished, printed blank):
    the two labels, else []."""
    from ogi.parse import templates as T

    for m in _UNIT.finditer(label):
        head, rest = label[: m.start()], label[m.end() :]
        if (
            head
            and rest
            and T.first_match("form", T.strip_numbering(head))
            and T.first_match("form", T.strip_numbering(rest))
        ):
            return [head, rest]
    return []


def _form_cells(run: str, k: int) -> tuple[str, ...] | None:
    """One column: the run; year and 历年累计: the only cut whose 累计 is not below its year."""
    if k == 1:
        if len(run) == 1 and run in BLANKS:
            return (run,)
        if not re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", run):
            return None
        return (run,)
    if "." in run:
        return None
    found = [c for c in splits(run, (2,)) if _num(c[0]) <= _num(c[1])]
    return found[0] if len(found) == 1 else None
