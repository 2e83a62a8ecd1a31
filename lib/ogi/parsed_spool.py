"""Parsed reports handed from ingest's parse stage to its year-over-year check stage, not parsed twice.

The check stage needs each report and its previous year's report whole (document included), in
other worker processes than the ones that parsed them; it used to parse them again (a third of its
CPU). The parse stage now leaves each parsed report in a private spool folder (a fresh temp folder
of this ingest run, mode 0700, named in OGI_PARSED_SPOOL so spawned workers find it) keyed by the
file's content hash; the check stage loads it from there and parses only what is missing. The
spool is removed when the checks are done (or when the process exits).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import shutil
import tempfile
import zlib
from pathlib import Path
from typing import Any

SPOOL_ENV = "OGI_PARSED_SPOOL"


def start(enabled: bool) -> None:
    """Open this run's spool (when `enabled`: the checks will run), closing any earlier one."""
    finish()
    if not enabled:
        return
    folder = tempfile.mkdtemp(prefix="ogi-parsed-")  # 0700, unpredictable: nothing planted is loaded
    os.environ[SPOOL_ENV] = folder
    atexit.register(shutil.rmtree, folder, True)


def finish() -> None:
    """Remove this run's spool."""
    folder = os.environ.pop(SPOOL_ENV, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _path(sha: str) -> Path | None:
    folder = os.environ.get(SPOOL_ENV)
    if not folder or not sha or not sha.isalnum():
        return None
    return Path(folder) / f"{sha}.pickle.z"


def put(report: Any, sha: str) -> None:
    """Leave a parsed report (document included) for the check stage; a failure only costs a re-parse."""
    path = _path(sha)
    if path is None or not path.parent.is_dir():
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(zlib.compress(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL), 1))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        with contextlib.suppress(OSError):
            tmp.unlink()


def get(sha: str | None) -> Any | None:
    """The report the parse stage left for `sha`, or None (then the caller parses the file)."""
    path = _path(sha or "")
    if path is None:
        return None
    try:
        return pickle.loads(zlib.decompress(path.read_bytes()))
    except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
