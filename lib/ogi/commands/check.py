"""`ogi check`: run the evaluator's checks on reports; a readable table, or JSON Lines with --json.

Findings are data: the exit status is 1 only when an input could not be read or parsed (each such
input prints `path: reason` on stderr and the others go on). When the inputs hold the same agency's
report for the year before, the year-over-year rules use it.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ogi.facts import Report
    from ogi.findings import Finding

TABLE_WIDTH = 160  # fixed width when writing to a file, so the output is byte-identical across runs
QUOTE_CHARS = 60


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check reports as an evaluator would: findings with line and quote")
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.add_argument("--json", action="store_true", help="JSON Lines, one finding per line")
    p.add_argument("-o", "--output", help="write here instead of stdout (atomically)")
    p.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help="leave out findings below this severity (default: show all)",
    )
    p.set_defaults(func=run)


def previous_of(reports: list[Report]) -> dict[int, Report]:
    """For each report (by id()), the same agency's report for the year before, if among the inputs."""
    by_key: dict[tuple[str, str, int], Report] = {}
    for r in sorted(reports, key=lambda x: x.source):
        if r.agency and r.year is not None:
            by_key.setdefault((r.agency, r.region or "", r.year), r)
    out: dict[int, Report] = {}
    for r in reports:
        if r.agency and r.year is not None:
            prev = by_key.get((r.agency, r.region or "", r.year - 1))
            if prev is not None and prev is not r:
                out[id(r)] = prev
    return out


def _json_lines(findings: list[Finding], out: IO[str]) -> None:
    for f in findings:
        out.write(json.dumps(f.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")


def _table(reports: list[Report], findings: list[Finding], out: IO[str], to_file: bool) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from ogi.paths import shown

    console = Console(
        file=out,
        width=TABLE_WIDTH if to_file else None,
        no_color=to_file,
        force_terminal=False if to_file else None,
        highlight=False,
    )
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        by_source.setdefault(f.source, []).append(f)
    for r in sorted(reports, key=lambda x: x.source):
        found = by_source.get(r.source, [])
        title = shown(f"{r.source} — {r.agency or '?'} {r.year or '?'} ({r.template})")
        if not found:
            console.print(f"{title}: no findings")
            continue
        table = Table(title=escape(title), title_justify="left", show_lines=True, expand=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule", overflow="fold", max_width=28)
        table.add_column("finding (zh / en / quote)", ratio=1)
        for f in found:
            quote = f.quote if len(f.quote) <= QUOTE_CHARS else f.quote[: QUOTE_CHARS - 1] + "…"
            text = f"{escape(shown(f.message_zh))}\n{escape(shown(f.message_en))}" + (
                f"\n[dim]「{escape(shown(quote))}」[/]" if quote else ""
            )
            table.add_row(str(f.line or "—"), f"[{style.get(f.severity, '')}]{f.severity}[/]", f.rule, text)
        console.print(table)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    console.print(
        f"{len(reports)} report(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info"
    )


def run(args: argparse.Namespace) -> int:
    from ogi.atomic import atomic_open
    from ogi.batch import Failure, expand, parse_many
    from ogi.checks import run_checks
    from ogi.checks.base import SEVERITY_RANK
    from ogi.paths import shown

    files, failures = expand(args.paths)
    for f in failures:
        print(str(f), file=sys.stderr)
    reports: list[Report] = []
    for item in parse_many(files):
        if isinstance(item, Failure):
            failures.append(item)
            print(str(item), file=sys.stderr)
        else:
            reports.append(item)
    previous = previous_of(reports)
    limit = SEVERITY_RANK[args.min_severity]
    findings: list[Finding] = []
    for r in reports:
        findings.extend(f for f in run_checks(r, previous.get(id(r))) if SEVERITY_RANK[f.severity] <= limit)
    try:
        with ExitStack() as stack:
            out: IO[str] = stack.enter_context(atomic_open(args.output)) if args.output else sys.stdout
            if args.json:
                _json_lines(findings, out)
            else:
                _table(reports, findings, out, to_file=bool(args.output))
    except BrokenPipeError:
        raise
    except OSError as exc:  # disk full, unwritable folder: one line, never a traceback
        print(
            f"ogi check: cannot write {shown(exc.filename or args.output or 'output')}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    if failures:
        print(f"ogi check: {len(reports)} checked, {len(failures)} failed", file=sys.stderr)
        return 1
    return 0
