"""The same briefs sent to an existing Dask distributed cluster (`ogi render --scheduler ADDRESS`).

Each Dask worker process keeps one warm kernel (started by its first brief, kept for later runs) and
drives it from one dedicated thread, so the kernel client's event loop never changes threads; briefs
on one worker run one after another. A brief lost to the machinery (timeout, dead kernel, a worker
Dask gave up on) is submitted once more; notebook errors are not.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ogi.render.kernel import Job, RetryableError
from ogi.render.pool import Done, _error_from, _error_tuple
from ogi.render.runner import RenderError

_lock = threading.Lock()
_holder: dict[str, Any] = {}


def _kernel_thread() -> tuple[ThreadPoolExecutor, Any]:
    """This process's kernel thread and its warm kernel (created on first use)."""
    with _lock:
        if "thread" not in _holder:
            _holder["thread"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ogi-kernel")
            atexit.register(_shutdown)
        return _holder["thread"], _holder


def _shutdown() -> None:
    kernel = _holder.pop("kernel", None)
    if kernel is not None:
        kernel.shutdown()


def _render_here(job: Job) -> tuple[bool, str, int | None, str, str] | None:
    from ogi.render.kernel import WarmKernel, render_job, skip_slow_imports

    skip_slow_imports()
    if _holder.get("kernel") is None:
        _holder["kernel"] = WarmKernel()
    try:
        render_job(_holder["kernel"], job)
        return None
    except RenderError as exc:
        return _error_tuple(exc)
    except Exception as exc:
        return _error_tuple(
            RetryableError(job["agency_key"], job.get("year"), "worker", f"{type(exc).__name__}: {exc}"[:300])
        )


def render_task(job: Job) -> tuple[bool, str, int | None, str, str] | None:
    """Dask task: render one brief in this worker's warm kernel; returns None or the error as a tuple."""
    thread, _ = _kernel_thread()
    return thread.submit(_render_here, job).result()


def run_dask(address: str, jobs: Sequence[Job], on_done: Done) -> None:
    """Render `jobs` on the cluster whose scheduler is at `address`, calling `on_done` as each settles."""
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client, client.as_current():
        futures: dict[str, tuple[Job, int]] = {}
        submitted = []
        for job in jobs:
            fut = client.submit(render_task, job, key=f"ogi-brief-{job['id']}-1", pure=False)
            futures[fut.key] = (job, 1)
            submitted.append(fut)
        done = as_completed(submitted)
        for fut in done:
            job, attempt = futures.pop(fut.key)
            try:
                result = fut.result()
                err = _error_from(result) if result else None
            except Exception as exc:  # worker lost (KilledWorker), cancelled, ...
                err = RetryableError(
                    job["agency_key"], job.get("year"), "dask", f"{type(exc).__name__}: {exc}"[:300]
                )
            if isinstance(err, RetryableError) and attempt < 2:
                again = client.submit(render_task, job, key=f"ogi-brief-{job['id']}-2", pure=False)
                futures[again.key] = (job, 2)
                done.add(again)
                continue
            if isinstance(err, RetryableError):
                err = RenderError(err.agency, err.year, err.cell, f"{err.error}; failed again on retry")
            on_done(job, err)
