"""Converter damage: template tables as PDF-to-text and PDF-to-markdown tools print them.

Two extra table layouts for the synthetic corpus (not in the default LAYOUTS):
- `converter`: one table row per line, cells separated by spaces; header rows split over several
  lines; a row's label detached from its numbers, wrapped over two lines, or glued to the next
  row's label; a group label (（四）无法提供) cut between two sub-rows; section 四's 15 numbers on one
  line under a header of 2, 6 or 12 cells.
- `markdown`: `| 数据1 | … | 数据6 |` headers with a `| --- |` rule, every source row one pipe row
  (header rows included), the same cut group labels and the 15 numbers in one row.
- `flattened`: every cell of every table (第二十条 blocks too) run together with no separator, one to
  three rows to a line (`规章000行政规范性文件124891`); a blank cell keeps its mark or vanishes.
Every number keeps its expected fact at the line it lands on, so the round trip stays checkable.
"""

from __future__ import annotations

import random

from ogi.synth.builder import DAMAGE_RENDERERS, Cell, TextBuilder

DAMAGED_LAYOUTS = ("converter", "markdown", "flattened")
WHOLE_LAYOUTS = ("flattened",)  # damage every table, the short 第二十条 blocks too


def _rng(tb: TextBuilder, rows: list[list[Cell]]) -> random.Random:
    """A damage stream that is a pure function of the table and where it stands."""
    first = next((c.text for r in rows for c in r if c.text), "")
    return random.Random(f"ogi-damage:{len(tb.lines)}:{len(rows)}:{first}")


def _split(rows: list[list[Cell]]) -> list[tuple[list[Cell], list[Cell]]]:
    """Each row as (label cells, value cells); structural gaps dropped."""
    out = []
    for row in rows:
        labels = [c for c in row if c.fig is None and c.text and not c.structural]
        values = [c for c in row if c.fig is not None]
        out.append((labels, values))
    return out


def _cut_groups(parts: list[tuple[list[Cell], list[Cell]]], rng: random.Random) -> list[list[str]]:
    """Label texts per row; some group heads (two labels in a row) are cut over this and the next row."""
    texts = [[c.text.replace("\n", "") for c in labels] for labels, _ in parts]
    for i, (labels, values) in enumerate(parts[:-1]):
        nxt_labels, nxt_values = parts[i + 1]
        if len(labels) == 2 and values and nxt_values and len(nxt_labels) == 1 and rng.random() < 0.5:
            head = texts[i][0]
            k = rng.randint(max(1, head.find("）") + 2), len(head) - 1) if len(head) > 4 else 0
            if k:
                texts[i][0], tail = head[:k], head[k:]
                texts[i + 1].insert(0, tail)
    return texts


def converter(tb: TextBuilder, rows: list[list[Cell]], width: int) -> None:
    """PDF-to-text damage (see the module docstring)."""
    rng = _rng(tb, rows)
    parts = _split(rows)
    texts = _cut_groups(parts, rng)
    for i, ((_labels, values), labs) in enumerate(zip(parts, texts, strict=True)):
        if not values:  # a header row: split over one to three lines
            words = list(labs)
            if width >= 15 and rng.random() < 0.5:
                words = words[: rng.choice((2, 6))]  # the 复议/诉讼 header cut short
            while words:
                k = rng.randint(1, max(1, len(words)))
                tb.add(" ".join(words[:k]))
                words = words[k:]
            continue
        label = ("" if rng.random() < 0.5 else " ").join(labs)
        nums = [c.text for c in values]
        choice = rng.randrange(6) if label else 0
        if choice == 5 and i + 1 < len(parts) and parts[i + 1][1] and texts[i + 1]:
            # glued to the next row's label: 'L1L2' on one line, then both number rows
            tb.add(label + "".join(texts[i + 1]))
            texts[i + 1] = []
            _numbers(tb, values, nums)
            continue
        if choice in (2, 3) and len(label) > 6:
            k = rng.randint(2, len(label) - 2)
            tb.add(label[:k])
            label = label[k:]
        if choice in (1, 3) or not label:
            if label:
                tb.add(label)
            _numbers(tb, values, nums)
        else:
            n = tb.add(label + " " + " ".join(nums))
            for c in values:
                tb._cell_done(c, n, [])


def _numbers(tb: TextBuilder, values: list[Cell], nums: list[str]) -> None:
    n = tb.add(" ".join(nums))
    for c in values:
        tb._cell_done(c, n, [])


def plain(tb: TextBuilder, rows: list[list[Cell]], width: int) -> None:
    """A short table as PDF-to-text prints it when nothing wraps: one row per line, cells by spaces."""
    for labels, values in _split(rows):
        texts = [c.text.replace("\n", "") for c in labels] + [c.text for c in values]
        if texts:
            n = tb.add(" ".join(texts))
            for c in values:
                tb._cell_done(c, n, [])


def markdown(tb: TextBuilder, rows: list[list[Cell]], width: int) -> None:
    """PDF-to-markdown damage (see the module docstring)."""
    rng = _rng(tb, rows)
    parts = _split(rows)
    texts = _cut_groups(parts, rng)
    k = rng.choice((6, 12, width)) if width >= 10 else width
    tb.add("| " + " | ".join(f"数据{j + 1}" for j in range(k)) + " |")
    tb.add("|" + " --- |" * k)
    for (_labels, values), labs in zip(parts, texts, strict=True):
        cells = list(labs) + [c.text for c in values]
        if not cells:
            continue
        n = tb.add("| " + " | ".join(cells) + " |")
        for c in values:
            tb._cell_done(c, n, [])


def flattened(tb: TextBuilder, rows: list[list[Cell]], width: int) -> None:
    """Page text saved with every table cell run together (see the module docstring)."""
    rng = _rng(tb, rows)
    i = 0
    while i < len(rows):
        chunk = rows[i : i + rng.randint(1, 3)]
        i += len(chunk)
        text = "".join(c.text.replace("\n", "") for row in chunk for c in row if c.text and not c.structural)
        if not text:
            continue
        n = tb.add(text)
        for row in chunk:
            for c in row:
                tb._cell_done(c, n, [])


DAMAGE_RENDERERS.update(converter=converter, markdown=markdown, plain=plain, flattened=flattened)
