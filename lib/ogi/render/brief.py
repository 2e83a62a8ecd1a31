"""The agency brief for notebooks: open the report a brief is about, then show its sections.

The notebook holds one cell per section with the two lines an analyst edits (the view and the chart,
see `ogi.render.sections`); `every_section` shows them all from a script. The page around them (title,
about) is `ogi.render.layout`, the words `ogi.render.words`.
"""

from __future__ import annotations

import os

from ogi.render import sections as S
from ogi.render.context import Context, Report, brief_context
from ogi.render.fragments import fmt_change, fmt_num
from ogi.render.layout import about, title

__all__ = ["Report", "about", "brief_context", "every_section", "headline_text", "open_report", "title"]


def open_report(
    agency: str | None, year: int | str | None, store: str | os.PathLike[str] | None, lang: str = "zh"
) -> Report:
    """The report a brief is about: `agency` a key, a name or a slug ('' = the first agency), `year`
    None for the agency's latest; the opened store is `report.store`."""
    return brief_context(agency, year, store, lang)


def headline_text(ctx: Context) -> str:
    """The headline figures as plain lines (metric, value, previous, change) for checks and consoles."""
    lines = [f"{ctx.agency_key}\t{ctx.year}"]
    for r in S.tabled.headline_rows(ctx, S.headline.frame(ctx)):
        lines.append(
            f"{r['metric']}\t{fmt_num(r.get('value'))}\t{fmt_num(r.get('previous'))}\t"
            f"{fmt_change(r.get('change'))}"
        )
    return "\n".join(lines)


def every_section(ctx: Context) -> None:
    """The whole brief in order, each section from its own view and charts (for scripts and tests)."""
    title(ctx)
    for section in S.ALL:
        section(ctx)
    about(ctx)
