"""The `ogi` command line: parses arguments and hands over to the command modules, nothing more.

Each verb lives in `ogi.commands.<verb>` with `register(subparsers)`; adding a verb is adding a
module to COMMANDS, never an `if` here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = ("extract", "check", "ingest", "render", "export", "synth", "corrections")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ogi", description="Government information-disclosure annual reports"
    )
    from ogi import __version__

    parser.add_argument("--version", action="version", version=f"ogi {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"ogi.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        rc: int = args.func(args)
    except KeyboardInterrupt:
        print("ogi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return rc


if __name__ == "__main__":
    sys.exit(main())
