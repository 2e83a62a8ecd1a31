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
from dataclasses import dataclass, field
from typing import Any

from ogi.errors import RenderError, RetryableError
from ogi.render.jobs import Done, Job

_lock = threading.Lock()
_holder: dict[str, Any] = {}


def _kernel_thread() -> ThreadPoolExecutor:
    """This process's kernel thread (created on first use)."""
    with _lock:
        if "thread" not in _holder:
            _holder["thread"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ogi-kernel")
            atexit.register(_shutdown)
        return _holder["thread"]


def _shutdown() -> None:
    kernel = _holder.pop("kernel", None)
    if kernel is not None:
        kernel.shutdown()


def shutdown_kernel() -> None:
    """Shut this process's warm kernel down from its own thread (a later brief starts a new one)."""
    _kernel_thread().submit(_shutdown).result()


def _render_here(job: Job) -> tuple[RenderError | None, float | None]:
    import time

    from ogi.render.kernel import WarmKernel, render_job, skip_slow_imports, warm_exporter

    skip_slow_imports()
    if _holder.get("kernel") is None:
        _holder["kernel"] = WarmKernel(while_starting=warm_exporter)
    try:
        started = time.perf_counter()
        render_job(_holder["kernel"], job)
        return None, (time.perf_counter() - started) * 1000
    except RenderError as exc:
        return exc, None
    except Exception as exc:
        return job.error("worker", exc, RetryableError), None


def render_task(job: Job) -> tuple[RenderError | None, float | None]:
    """Dask task: render one brief in this worker's warm kernel; returns (None, milliseconds in the
    worker) or (the error, None) (errors pickle)."""
    return _kernel_thread().submit(_render_here, job).result()


@dataclass(frozen=True)
class DaskBackend:
    """The Backend for the Dask cluster whose scheduler is at `address`."""

    address: str
    timings: dict[int, float] = field(default_factory=dict)  # job id -> ms in its worker (written briefs)

    def run(self, jobs: Sequence[Job], on_done: Done) -> None:
        """Render `jobs` on the cluster, calling `on_done` as each settles."""
        from distributed import Client, as_completed

        with Client(self.address, set_as_default=False) as client, client.as_current():
            futures: dict[str, tuple[Job, int]] = {}
            submitted = []
            for job in jobs:
                fut = client.submit(render_task, job, key=f"ogi-brief-{job.id}-1", pure=False)
                futures[fut.key] = (job, 1)
                submitted.append(fut)
            done = as_completed(submitted)
            for fut in done:
                job, attempt = futures.pop(fut.key)
                err: RenderError | None
                try:
                    err, ms = fut.result()
                except Exception as exc:  # worker lost (KilledWorker), cancelled, ...
                    err, ms = job.error("dask", exc, RetryableError), None
                if ms is not None:
                    self.timings[job.id] = ms
                if isinstance(err, RetryableError) and attempt < 2:
                    again = client.submit(render_task, job, key=f"ogi-brief-{job.id}-2", pure=False)
                    futures[again.key] = (job, 2)
                    done.add(again)
                    continue
                on_done(job, err.exhausted() if isinstance(err, RetryableError) else err)
