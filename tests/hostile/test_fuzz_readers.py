"""Hypothesis fuzzing of the readers, the decoder and the table/prose model: typed errors only, never a crash.

The example budget is small in the normal run; `make fuzz` sets OGI_FUZZ_EXAMPLES for a long run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.errors import OgiError
from ogi.parse import parse_document
from ogi.readers import read_bytes

BUDGET = settings(
    max_examples=int(os.environ.get("OGI_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

CELL = st.one_of(
    st.integers(-(10**45), 10**45).map(str),
    st.sampled_from(["", "-", "—", "无", "0", "1,558", "61.62"]),
    st.text(alphabet="本年新收政府信息公开申请数量予以部分不总计（）一二三、. 0123456789", max_size=12),
)
LINE = st.lists(CELL, min_size=1, max_size=9).map(lambda cells: "|".join(cells))
TEXTS = st.lists(st.one_of(LINE, st.text(max_size=40)), max_size=40).map("\n".join)


@BUDGET
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf", ".doc"]))
def test_fuzz_readers_bytes(data: bytes, suffix: str) -> None:
    try:
        doc = read_bytes(data, "fuzz" + suffix)
    except OgiError as exc:
        assert "\n" not in str(exc)
        return
    parse_document(doc)


@BUDGET
@given(text=TEXTS, enc=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_fuzz_table_model(text: str, enc: str) -> None:
    title = "某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    try:
        data = (title + text).encode(enc)
        doc = read_bytes(data, "fuzz.txt")
    except (UnicodeEncodeError, OgiError):
        return
    report = parse_document(doc)
    for fact in report.facts:
        assert 1 <= fact.line <= len(doc.lines)
