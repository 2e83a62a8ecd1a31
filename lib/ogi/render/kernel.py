"""A warm Jupyter kernel that runs the brief notebook for one agency after another.

Starting a kernel and importing Polars/Altair costs seconds; running the brief in a kernel that is
already up costs a fraction of one. Between briefs the kernel forgets everything the previous brief
made: the user namespace and output cache are cleared and the per-brief state of `ogi` (chart ids, the
corrections index) restarts. The `ogi` modules themselves stay imported (re-importing them cost
35-70 ms a brief) as long as they are as they were imported: every module and class of `ogi` is
fingerprinted right after import, and a brief that rebound or deleted a name in one (a monkeypatch), a
module a brief imported beyond that set, or a change of the package's files on disk (a long-lived Dask
worker after an upgrade) makes the next brief import them afresh. Contents changed in place (a key
added to one of ogi's dicts) are beyond this check: a notebook must not do that. Their caches are
keyed by store generation (store.views), so a new store is never read stale. A brief that overruns
its deadline or kills the kernel costs only itself: the kernel is restarted and the error says why.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ogi.errors import RenderError, RetryableError
from ogi.render.jobs import Job, write_brief

# jsonschema imports rfc3987-syntax for its format checkers when it is installed (JupyterLab pulls it
# in); that costs about a second in every process importing nbformat or Altair and nothing here uses it.
SKIP_MODULES = ("rfc3987_syntax",)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]


def skip_slow_imports() -> None:
    """Make the modules in SKIP_MODULES unimportable in this process (jsonschema then skips them)."""
    for name in SKIP_MODULES:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


#: the ogi modules a brief imports, imported (and fingerprinted) before the first brief and after
#: every re-import; one a brief imports beyond these is dropped again after that brief
BRIEF_MODULES = (
    "ogi.render.brief",
    "ogi.render.charts",
    "ogi.render.sections",
    "ogi.render.page_css",
    "ogi.render.review",
    "ogi.store.views",
    "ogi.store.corrections",
    "ogi.store.generation",
    "ogi.store.integrity",
)

WARM_UP = f"""
import sys as _sys
for _n in {SKIP_MODULES!r}:
    _sys.modules.setdefault(_n, None)
import os as _os
_os.environ["OGI_CHART_PREVIEW"] = "0"
import polars, altair, vl_convert, dataframely, IPython.display


def _ogi_flush_written():
    import sys
    # ipykernel flushes stdout and stderr before every display (two waits on its IO thread, ~0.7 ms a
    # display, 40 displays a brief); a stream nothing was written to since its last flush has nothing to
    # send first, so only a written one is flushed (unknown stream types always are)
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "_flush_pending", True) or getattr(stream, "_subprocess_flush_pending", True):
            stream.flush()


get_ipython().display_pub._flush_streams = _ogi_flush_written


def _ogi_fingerprint(mod):
    # a module's names and, for each class it defines, the class's own names (value identities)
    names = dict(mod.__dict__)
    classes = {{
        k: dict(v.__dict__)
        for k, v in names.items()
        if isinstance(v, type) and getattr(v, "__module__", None) == mod.__name__
    }}
    return names, classes


def _ogi_unchanged(mod, fingerprint):
    names, classes = fingerprint
    now = mod.__dict__
    if any(now.get(k, _ogi_unchanged) is not v for k, v in names.items()):
        return False
    return all(
        k in now
        and now[k].__dict__.keys() == attrs.keys()
        and all(now[k].__dict__[a] is b for a, b in attrs.items())
        for k, attrs in classes.items()
    )


def _ogi_reset(code):
    # forget the previous brief: its names, the output cache and ogi's per-brief state; re-import ogi
    # when a brief changed it (or its files changed on disk: `code` is the package digest)
    import importlib, re, sys
    ip = get_ipython()
    hidden = ip.user_ns_hidden
    # (IPython's %reset -f does this too, plus a full gc.collect() that costs ~80 ms a brief)
    for name in [n for n in list(ip.user_ns) if n not in hidden and (not n.startswith('_') or re.fullmatch(r'_i*\\d+', n))]:
        del ip.user_ns[name]
    ip.user_ns.get('_oh', {{}}).clear()
    ip.user_ns.update({{'_': '', '__': '', '___': ''}})
    ours = {{m: mod for m, mod in list(sys.modules.items()) if (m == 'ogi' or m.startswith('ogi.')) and mod is not None}}
    seen = getattr(ip, '_ogi_names', None)
    before = getattr(ip, '_ogi_code', None)  # the digest the loaded modules were checked against
    fresh = (
        seen is None
        or (before is not None and code and before != code)
        or any(m not in ours or not _ogi_unchanged(ours[m], fp) for m, fp in seen.items())
    )
    for m in ours if fresh else [m for m in ours if m not in seen]:
        del sys.modules[m]  # imported afresh by whoever needs it next
    if fresh:
        for m in {BRIEF_MODULES!r}:
            importlib.import_module(m)
        ip._ogi_names = {{
            m: _ogi_fingerprint(mod)
            for m, mod in list(sys.modules.items())
            if (m == 'ogi' or m.startswith('ogi.')) and mod is not None
        }}
    if code:
        ip._ogi_code = code
    sys.modules['ogi.render.marks'].reset_ids()
    sys.modules['ogi.render.review'].forget()
    return fresh


del _sys, _n, _os
_ogi_reset("")
"""


def reset_code(code: str) -> str:
    """The request that resets the kernel before a brief whose package digest is `code`."""
    return f"_ogi_reset({code!r});\n"  # the semicolon: no result displayed, `_` left alone


def _first_line(text: str) -> str:
    lines = [ln for ln in (text or "").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return (lines[0].strip() if lines else "")[:80]


class WarmKernel:
    """One long-lived python3 kernel plus its client; `run(nb, label, timeout)` executes a notebook in it."""

    def __init__(
        self,
        cwd: str | os.PathLike[str] | None = None,
        startup_timeout: int = 120,
        while_starting: Callable[[], object] | None = None,
    ) -> None:
        from ogi.render.params import repo_root

        self.cwd = str(cwd or repo_root())
        self.startup_timeout = startup_timeout
        self.while_starting = while_starting  # this process's own warm-up, run while the kernel boots
        self.client: Any = None
        self.briefs = 0
        self._running: tuple[int, Any] = (-1, None)  # the cell a brief is at (named when it fails)
        self.start()

    def start(self) -> None:
        """Start the kernel, connect, and import the heavy libraries once."""
        import nbformat
        from nbclient import NotebookClient

        client = NotebookClient(
            nbformat.v4.new_notebook(),
            kernel_name="python3",
            startup_timeout=self.startup_timeout,
            timeout=self.startup_timeout,
            extra_arguments=list(KERNEL_ARGS),
        )
        client.km = client.create_kernel_manager()
        # the kernel's own stderr carries only ipykernel's noise (e.g. a ZMQ race traceback while it shuts
        # down); what a brief's cells print reaches us through the kernel protocol, not this stream
        client.start_new_kernel(cwd=self.cwd, stderr=subprocess.DEVNULL)
        if self.while_starting is not None:
            self.while_starting()  # e.g. import nbconvert and build the exporter, beside the kernel's boot
        client.start_new_kernel_client()
        self.client = client
        # the kernel dies with the process that started it, even when that one is SIGKILLed (the signal
        # follows the starting thread: only the main thread's kernels are watched, e.g. not Dask's)
        if threading.current_thread() is threading.main_thread():
            watch = f"from ogi.proc import die_with_parent; die_with_parent({os.getpid()})"
            self._run_code(watch, "parent watch")
        self._run_code(WARM_UP, "warm-up")

    @property
    def pid(self) -> int | None:
        """The kernel's process id (so a supervisor can kill it along with its worker)."""
        prov = getattr(self.client.km, "provisioner", None) if self.client else None
        proc = getattr(prov, "process", None)
        return getattr(proc, "pid", None)

    def _run_code(self, code: str, what: str) -> None:
        import nbformat
        from nbclient.exceptions import CellExecutionError

        cell = nbformat.v4.new_code_cell(code)
        self.client.nb = nbformat.v4.new_notebook(cells=[cell])
        self.client.timeout_func = None
        try:
            self.client.execute_cell(cell, 0)
        except CellExecutionError as exc:
            raise RuntimeError(f"{what}: {exc.ename}: {exc.evalue}") from None

    def restart(self) -> None:
        """Throw the kernel away and start a fresh one (after a timeout or a crash)."""
        self.shutdown()
        self.start()

    def shutdown(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client._cleanup_kernel()  # stops the channels, shuts the kernel down, frees its ports
        except Exception:
            pass

    def run(
        self, nb: Any, label: tuple[str, int | None], timeout: float | None = None, code: str = ""
    ) -> Any:
        """Reset the kernel, then execute every code cell of `nb` in place within `timeout` seconds.

        The reset and every cell are sent at once and run back to back (see `_pipeline`); a failing cell
        still names the brief, the cell and the exception."""
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        if self.client is None:
            self.start()
        deadline = time.monotonic() + timeout if timeout else None
        self._running = (-1, None)
        try:
            for _attempt in (1, 2):
                if self._pipeline(nb, deadline, code):
                    break
                self.restart()  # the reset failed (and so every cell was aborted): once more, fresh
            else:
                raise RuntimeError("the kernel could not be reset between briefs")
        except CellExecutionError as exc:
            index, cell = self._running
            where = f"cell {index} [{_first_line(cell.source if cell else '')}]"
            raise RenderError(
                label[0], label[1], where, f"{exc.ename}: {_ANSI.sub('', str(exc.evalue))}"[:300]
            ) from None
        except (CellTimeoutError, TimeoutError) as exc:
            index = self._running[0]
            self.restart()
            why = f"after {timeout:g} s" if timeout else f"({_first_line(str(exc)) or 'no reply'})"
            raise RetryableError(
                label[0], label[1], f"cell {index}", f"timed out {why} (kernel restarted)"
            ) from None
        except DeadKernelError as exc:
            index = self._running[0]
            self.restart()
            raise RetryableError(
                label[0],
                label[1],
                f"cell {index}",
                f"kernel died ({_first_line(str(exc)) or 'no reason'}); restarted",
            ) from None
        except Exception as exc:  # client trouble: one line for this brief, and a fresh kernel next time
            self.restart()
            raise RetryableError(label[0], label[1], "kernel", f"{type(exc).__name__}: {exc}"[:300]) from None
        finally:
            self.briefs += 1
        return nb

    def _pipeline(self, nb: Any, deadline: float | None, code: str = "") -> bool:
        """Send the reset and every code cell of `nb` as execute requests at once, then route the
        kernel's replies and outputs to their cells (nbclient's own `process_message`, so outputs are
        what its cell-by-cell `execute_cell` makes). The kernel runs the cells back to back instead of
        idling a round trip between them; a failing cell stops the rest (the kernel aborts the requests
        queued behind it, as in Jupyter's Run All). Returns whether the reset ran; raises nbclient's
        CellExecutionError, CellTimeoutError or DeadKernelError, with `_running` the cell at fault."""
        from nbclient.util import run_sync

        return run_sync(self._async_pipeline)(nb, deadline, code)

    async def _async_pipeline(self, nb: Any, deadline: float | None, code: str) -> bool:
        import asyncio
        from queue import Empty

        from nbclient.exceptions import (
            CellExecutionComplete,
            CellExecutionError,
            CellTimeoutError,
            DeadKernelError,
        )
        from nbclient.util import ensure_async

        client = self.client
        kc = client.kc
        client.nb = nb
        client.reset_execution_trackers()
        skip = client.skip_cells_with_tag
        cells: dict[str, tuple[int, Any, bool]] = {}  # msg id -> (index, cell, errors allowed)
        order: list[str] = []
        # not silent: a silent request that fails does not make the kernel abort the cells behind it
        reset_id = kc.execute(reset_code(code), silent=False, store_history=False, stop_on_error=True)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip() or skip in cell.metadata.get("tags", []):
                continue
            if client.record_timing:
                cell["metadata"]["execution"] = {}
            cell.outputs = []
            allowed = not client.force_raise_errors and (
                client.allow_errors or "raises-exception" in cell.metadata.get("tags", [])
            )
            msg_id = kc.execute(cell.source, store_history=True, stop_on_error=not allowed)
            cells[msg_id] = (index, cell, allowed)
            order.append(msg_id)

        # without a brief deadline, nbclient's per-cell limit (`timeout`) bounds the wait for the next
        # message: a cell silent for that long has hung
        quiet_limit = None if deadline is not None else (client.timeout or None)
        last_news = [time.monotonic()]

        def left() -> float:
            now = time.monotonic()
            if deadline is None:
                if quiet_limit is not None and now - last_news[0] > quiet_limit:
                    raise CellTimeoutError(f"no output or reply for {quiet_limit} s")
                return 1.0
            remaining = deadline - now
            if remaining <= 0:
                raise CellTimeoutError("deadline passed")
            return min(1.0, remaining)

        async def get(channel: Any) -> dict[str, Any]:
            while True:
                try:
                    msg: dict[str, Any] = await ensure_async(channel.get_msg(timeout=left()))
                    last_news[0] = time.monotonic()
                    return msg
                except Empty:
                    if not await ensure_async(kc.is_alive()):
                        raise DeadKernelError("Kernel died") from None

        async def outputs() -> None:
            busy = {reset_id, *order}  # requests whose iopub `idle` has not come yet
            current = None
            while busy:
                msg = await get(kc.iopub_channel)
                parent = msg["parent_header"].get("msg_id")
                if parent not in busy:
                    continue
                if parent == reset_id:
                    if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                        busy.discard(parent)
                    continue
                index, cell, _ = cells[parent]
                if parent != current:
                    current = parent
                    self._running = (index, cell)
                    client.clear_before_next_output = False
                try:
                    client.process_message(msg, cell, index)
                except CellExecutionComplete:
                    busy.discard(parent)

        async def replies() -> dict[str, dict[str, Any]]:
            got: dict[str, dict[str, Any]] = {}
            while len(got) < len(order) + 1:
                msg = await get(kc.shell_channel)
                parent = msg["parent_header"].get("msg_id")
                if parent == reset_id or parent in cells:
                    got[parent] = msg
            return got

        task_out = asyncio.ensure_future(outputs())
        task_rep = asyncio.ensure_future(replies())
        try:
            got, _ = await asyncio.gather(task_rep, task_out)
        finally:
            for task in (task_out, task_rep):
                task.cancel()
        if got[reset_id]["content"].get("status") != "ok":
            return False
        for msg_id in order:
            index, cell, allowed = cells[msg_id]
            content = got[msg_id]["content"]
            if content.get("status") == "error" and not allowed:
                self._running = (index, cell)
                raise CellExecutionError.from_cell_and_msg(cell, content)
        return True


def warm_exporter() -> None:
    """Import nbconvert and build the brief exporter now (~0.5 s), not in the first brief."""
    from ogi.render.export import warm

    warm()


def parameterised(notebook: Path, parameters: dict[str, object]) -> Any:
    """The notebook with papermill's injected-parameters cell (readable Chinese strings)."""
    import nbformat
    from papermill.parameterize import parameterize_notebook

    from ogi.render.params import register_translator

    register_translator()
    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata.setdefault("papermill", {})
    return parameterize_notebook(nb, parameters, kernel_name="python3", language="python")


def render_job(kernel: WarmKernel, job: Job) -> str:
    """Run one brief in `kernel` and write its HTML atomically; returns the path written."""
    from ogi.render.export import to_html

    params: dict[str, object] = {
        "agency": job.agency_key,
        "year": job.year,
        "store": job.store,
        "lang": job.lang,
    }
    try:
        nb = parameterised(Path(job.notebook), params)
    except Exception as exc:
        raise job.error("notebook", exc) from None
    kernel.run(nb, job.label, job.timeout, job.code)
    try:
        html = to_html(nb, lang=job.lang, runtime_url=job.runtime_url)
    except Exception as exc:
        raise job.error("export", exc) from None
    write_brief(job.out, html, job)  # only while the render that sent it holds the --out lock
    return job.out
