"""A local pool of worker processes, each keeping one warm kernel, fed one brief at a time.

The supervisor (this process) hands each idle worker the next brief, so it always knows which brief a
worker holds. A worker that dies, or overruns the per-brief timeout by more than GRACE seconds (the
kernel enforces the timeout itself; this is the backstop for a stuck worker), is killed with its
kernel and replaced; its brief is retried once. Notebook errors are not retried: they would fail again.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ogi.errors import RenderError, RetryableError
from ogi.render.jobs import Done, Job

GRACE = 30.0
MAX_START_FAILURES = 3


def worker_main(wid: int, jobs: Any, results: Any) -> None:
    """Worker process: start a warm kernel, then render each job until told to stop (None)."""
    from ogi.render.kernel import WarmKernel, render_job, skip_slow_imports, warm_exporter

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides; Ctrl-C is its to handle
    from ogi.proc import die_with_parent, is_disk_error

    die_with_parent()  # no orphan when the supervisor is killed
    skip_slow_imports()
    try:
        kernel = WarmKernel(while_starting=warm_exporter)
    except Exception as exc:
        results.put(("broken", wid, None, f"{type(exc).__name__}: {exc}"[:300]))
        return
    results.put(("ready", wid, kernel.pid, None))
    try:
        while True:
            job = jobs.get()
            if job is None:
                break
            try:
                started = time.perf_counter()
                render_job(kernel, job)
                ms = (time.perf_counter() - started) * 1000
                results.put(("done", wid, kernel.pid, (job.id, None, ms)))
            except RenderError as exc:  # errors pickle: they cross the queue as they are
                results.put(("done", wid, kernel.pid, (job.id, exc)))
            except OSError as exc:  # a full or read-only disk fails the brief at once: a retry cannot help
                cls = RenderError if is_disk_error(exc) else RetryableError
                err = cls(job.agency_key, job.year, "write", f"{exc.filename or ''}: {exc}"[:300])
                results.put(("done", wid, kernel.pid, (job.id, err)))
            except Exception as exc:  # anything else is the machinery's fault: retryable
                results.put(("done", wid, kernel.pid, (job.id, job.error("worker", exc, RetryableError))))
    finally:
        kernel.shutdown()


@dataclass
class _Worker:
    wid: int
    proc: Any
    jobs: Any
    ready: bool = False
    kernel_pid: int | None = None
    job: Job | None = None
    attempt: int = 0
    started: float = 0.0


@dataclass
class Pool:
    """The local Backend: `run(jobs, on_done)` renders every job on `workers` processes with warm kernels."""

    workers: int
    timeout: float | None = None
    _ctx: Any = field(default=None, repr=False)
    _results: Any = field(default=None, repr=False)
    _next_wid: int = 0
    _start_failures: int = 0
    timings: dict[int, float] = field(default_factory=dict)  # job id -> ms in its worker (written briefs)
    _stopping: list[_Worker] = field(default_factory=list, repr=False)  # told to stop, not yet joined

    def _spawn(self) -> _Worker:
        jobs = self._ctx.Queue()
        wid = self._next_wid
        self._next_wid += 1
        proc = self._ctx.Process(
            target=worker_main, args=(wid, jobs, self._results), daemon=True, name=f"ogi-render-{wid}"
        )
        proc.start()
        return _Worker(wid, proc, jobs)

    @staticmethod
    def _kill(w: _Worker) -> None:
        for pid in (w.kernel_pid, w.proc.pid):
            if pid:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        w.proc.join(5)

    def run(self, jobs: Sequence[Job], on_done: Done) -> None:
        self._ctx = mp.get_context("spawn")
        self._results = self._ctx.Queue()
        pending: deque[tuple[Job, int]] = deque((j, 1) for j in jobs)
        n = max(1, min(self.workers, len(jobs)))
        pool: dict[int, _Worker] = {}
        for _ in range(n if jobs else 0):
            w = self._spawn()
            pool[w.wid] = w
        try:
            while pending or any(w.job is not None for w in pool.values()):
                for w in pool.values():
                    if w.ready and w.job is None and pending:
                        w.job, w.attempt = pending.popleft()
                        w.started = time.monotonic()
                        w.jobs.put(w.job)
                try:
                    kind, wid, kpid, payload = self._results.get(timeout=0.2)
                except queue.Empty:
                    kind = None
                if kind is not None and wid in pool:
                    w = pool[wid]
                    w.kernel_pid = kpid or w.kernel_pid
                    if kind == "ready":
                        w.ready = True
                        self._start_failures = 0
                    elif kind == "broken":
                        self._start_failures += 1
                        self._replace(
                            pool, w, pending, on_done, f"worker could not start a kernel: {payload}"
                        )
                    elif kind == "done" and w.job is not None and payload[0] == w.job.id:
                        job, attempt = w.job, w.attempt
                        w.job = None
                        if len(payload) > 2:
                            self.timings[job.id] = payload[2]
                        self._finish(job, attempt, payload[1], pending, on_done)
                now = time.monotonic()
                for w in list(pool.values()):
                    if w.job is not None and not w.proc.is_alive():
                        self._replace(pool, w, pending, on_done, f"worker died (exit {w.proc.exitcode})")
                    elif w.job is not None and self.timeout and now - w.started > self.timeout + GRACE:
                        self._replace(
                            pool, w, pending, on_done, f"timed out after {self.timeout:g} s (worker killed)"
                        )
                    elif not w.ready and not w.proc.is_alive():
                        self._start_failures += 1
                        self._replace(
                            pool, w, pending, on_done, f"worker died at start (exit {w.proc.exitcode})"
                        )
                if self._start_failures >= MAX_START_FAILURES:
                    for w in pool.values():
                        if w.job is not None:
                            pending.appendleft((w.job, 2))
                            w.job = None
                    while pending:
                        job, _ = pending.popleft()
                        on_done(
                            job,
                            RenderError(job.agency_key, job.year, "worker", "no worker could start a kernel"),
                        )
                    break
        except BaseException:  # SIGTERM / Ctrl-C: stop the workers and kernels now, not after their brief
            for w in pool.values():
                self._kill(w)
            raise
        finally:
            for w in pool.values():
                with contextlib.suppress(Exception):
                    w.jobs.put(None)
            self._stopping = list(pool.values())  # they shut their kernels down while the index is built

    def close(self) -> None:
        """Wait for the stopped workers to end (~0.5 s: each shuts its kernel down); kill any still
        running after 10 s. `render_batch` calls this after the index, so the two overlap."""
        stopping, self._stopping = self._stopping, []
        deadline = time.monotonic() + 10
        for w in stopping:
            w.proc.join(max(0.1, deadline - time.monotonic()))
            if w.proc.is_alive():
                self._kill(w)

    def _finish(
        self, job: Job, attempt: int, err: RenderError | None, pending: deque[tuple[Job, int]], on_done: Done
    ) -> None:
        if isinstance(err, RetryableError) and attempt < 2:
            pending.appendleft((job, attempt + 1))
            return
        on_done(job, err.exhausted() if isinstance(err, RetryableError) else err)

    def _replace(
        self, pool: dict[int, _Worker], w: _Worker, pending: deque[tuple[Job, int]], on_done: Done, why: str
    ) -> None:
        """Kill `w` (and its kernel), start another worker, and settle the brief it held."""
        self._kill(w)
        del pool[w.wid]
        if w.job is not None:
            job, attempt = w.job, w.attempt
            w.job = None
            self._finish(
                job, attempt, RetryableError(job.agency_key, job.year, "worker", why), pending, on_done
            )
        if self._start_failures < MAX_START_FAILURES and (pending or len(pool) == 0):
            nw = self._spawn()
            pool[nw.wid] = nw
