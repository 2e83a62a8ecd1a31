"""Synthetic corpus generator: realistic reports in every template and layout, with their truth.

`generate(n, out, seed)` writes N reports plus truth files for scale tests and round-trip tests
(generated → parsed must reproduce the truth exactly); `ogi.synth.roundtrip` does the comparing.
"""

from __future__ import annotations

from ogi.synth.builder import LAYOUTS
from ogi.synth.corpus import Summary, SynthError, drafts, generate, plan
from ogi.synth.templates import TEMPLATES, Draft, make_report

__all__ = [
    "LAYOUTS",
    "TEMPLATES",
    "Draft",
    "Summary",
    "SynthError",
    "drafts",
    "generate",
    "make_report",
    "plan",
]
