"""Process hygiene: children that die with their parent, SIGTERM as a clean stop, and bounded -j.

Linux `prctl(PR_SET_PDEATHSIG)` (through ctypes) makes the kernel send SIGTERM to a worker or kernel
when the process that started it dies, even by SIGKILL, so nothing of a run is left under PID 1.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType

PR_SET_PDEATHSIG = 1
RENDER_WORKER_MB = 600  # measured: ~540 MB per render worker with its warm kernel
INGEST_WORKER_MB = 250  # measured: parser workers peak under 200 MB


def die_with_parent(expect: int | None = None, sig: int = signal.SIGKILL) -> None:
    """Ask the kernel to send `sig` to this process when its parent dies (Linux; elsewhere a no-op).

    Call first thing in a child; `expect` is the parent's pid (default: the parent now). If the parent
    is already gone (the child was re-parented), exit at once.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid() if expect is None else expect
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def is_disk_error(exc: OSError) -> bool:
    """No space, quota exceeded, read-only file system: retrying the same write cannot succeed."""
    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS)


def _term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the command the way Ctrl-C does (cleanup runs, children are shut down)."""
    try:
        old = signal.signal(signal.SIGTERM, _term)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def available_mb() -> int | None:
    """MemAvailable from /proc/meminfo (None where unknown)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def cap_jobs(requested: int, per_job_mb: int) -> tuple[int, str | None]:
    """`requested` parallel jobs lowered to the cores and the memory available; (jobs, note when lowered)."""
    cores = usable_cores()
    mem = available_mb()
    by_mem = max(1, mem // per_job_mb) if mem is not None else requested
    n = max(1, min(requested, cores, by_mem))
    if n >= requested:
        return requested, None
    why = []
    if n == cores and cores < requested:
        why.append(f"{cores} cores")
    if mem is not None and by_mem < requested:
        why.append(f"{mem} MB available at ~{per_job_mb} MB each")
    return n, f"-j {requested} lowered to {n} ({', '.join(why)})"
