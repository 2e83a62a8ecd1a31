"""Round trip: a generated corpus parsed with ogi.batch.parse_many must reproduce its truth exactly.

Facts, blank cells and metadata must all match; on failure the per-template recall and precision and
the most-missed constructs are printed (pytest -s shows them on success too).
"""

from __future__ import annotations

import pytest

from ogi.synth import generate
from ogi.synth.roundtrip import report_text, run, scores


@pytest.fixture(scope="module")
def diffs(tmp_path_factory: pytest.TempPathFactory) -> list:
    out = tmp_path_factory.mktemp("synth_rt")
    generate(60, out, seed=1)
    result = run(out)
    print("\n" + report_text(result))
    return result


def test_every_generated_report_parses(diffs: list) -> None:
    failed = [f"{d.file}: {d.failure}" for d in diffs if d.failure]
    assert not failed, failed


def test_round_trip_is_exact(diffs: list) -> None:
    per_template = scores(diffs)
    summary = "; ".join(
        f"{t}: recall {s.recall:.3f} precision {s.precision:.3f} exact {s.exact}/{s.files}"
        for t, s in per_template.items()
    )
    inexact = [d for d in diffs if not d.exact]
    assert not inexact, summary + "\n" + report_text(diffs)
