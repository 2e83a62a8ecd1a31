"""Heavy libraries load only when a report needs them: `ogi extract` of a text report pays for none.

cn2an's import alone cost ~0.2 s of a 0.34 s `ogi extract` of 35 texts; the plain spelled-out
numerals are now read by ogi.text itself and must agree with cn2an on every form both accept.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from ogi.text import _CN_DIGITS, _cn_plain, cn_to_number

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "cn2an",
    "opencc",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "polars",
    "altair",
    "nbformat",
    "ogi.synth",
)


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}; import sys; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return eval(out.stdout.strip())  # a printed list of str


def test_extract_of_a_simplified_text_report_loads_no_heavy_library(tmp_path: Path) -> None:
    report = ROOT / "tests/golden/real2/hb004.txt"
    code = (
        f"from ogi.cli import main; main(['extract', {str(report)!r}, '-o', {str(tmp_path / 'f.jsonl')!r}])"
    )
    assert _loaded_after(code) == []
    assert (tmp_path / "f.jsonl").stat().st_size > 1000


def _cn2an(s: str) -> int | None:
    import cn2an

    try:
        v = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return int(v) if float(v).is_integer() else None


def test_plain_numerals_agree_with_cn2an_on_every_written_out_form() -> None:
    import cn2an

    for n in [*range(0, 2000), *range(2000, 100_000, 37), 10_000_000, 99_999_999]:
        for mode in ("low", "up"):
            s = cn2an.an2cn(n, mode)
            got = _cn_plain(s)
            assert got is None or got == n, s
            if n and mode == "low":
                assert got == n, s  # every written-out form below 10^8 is read without cn2an


def test_plain_numerals_never_disagree_with_cn2an_on_random_strings() -> None:
    rng = random.Random(23)
    accepted = 0
    for _ in range(60_000):
        s = "".join(rng.choice(_CN_DIGITS) for _ in range(rng.randint(1, 8)))
        got = _cn_plain(s)
        if got is not None:
            accepted += 1
            assert got == _cn2an(s), s
    assert accepted > 5_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二百五", 250),
        ("三万二", 32000),
        ("一百一", 110),
        ("二〇一八", 2018),
        ("十二", 12),
        ("一千零十", 1010),
    ],
)
def test_abbreviations_still_read_through_cn2an(text: str, value: int) -> None:
    assert cn_to_number(text) == value


def test_synth_help_lists_the_real_templates_and_layouts() -> None:
    """`ogi synth --help` no longer imports ogi.synth: its spelled-out defaults must stay true."""
    from ogi.cli import build_parser
    from ogi.synth import LAYOUTS, TEMPLATES

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {a.dest: a.help or "" for a in sub.choices["synth"]._actions}  # type: ignore[attr-defined]
    assert f"all of {','.join(TEMPLATES)})" in helps["templates"]
    assert f"all of {','.join(LAYOUTS)};" in helps["layouts"]
