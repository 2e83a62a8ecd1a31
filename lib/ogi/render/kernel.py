"""A warm Jupyter kernel that runs the brief notebook for one agency after another.

Starting a kernel and importing Polars/Altair costs seconds; running the brief in a kernel that is
already up costs a fraction of one. Between briefs the kernel forgets everything the previous brief
made: the user namespace is reset and every `ogi` module is dropped from
`sys.modules`, so the next brief imports them afresh (chart id counters, caches). Third-party modules
(Polars, Altair, vl-convert) stay imported: they hold no per-brief state. A brief that overruns its
deadline or kills the kernel costs only itself: the kernel is restarted and the error says why.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
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


WARM_UP = f"""
import sys as _sys
for _n in {SKIP_MODULES!r}:
    _sys.modules.setdefault(_n, None)
import os as _os
_os.environ["OGI_CHART_PREVIEW"] = "0"
import polars, altair, vl_convert, dataframely, IPython.display
del _sys, _n, _os
"""

RESET = """
def _ogi_forget():
    import os, re, sys
    ip = get_ipython()
    hidden = ip.user_ns_hidden
    # forget every name the previous brief made, and the output cache (IPython's %reset -f does this too,
    # plus a full gc.collect() that costs ~80 ms a brief with Polars and Altair loaded)
    for name in [n for n in list(ip.user_ns) if n not in hidden and (not n.startswith('_') or re.fullmatch(r'_i*\\d+', n))]:
        del ip.user_ns[name]
    ip.user_ns.get('_oh', {}).clear()
    ip.user_ns.update({'_': '', '__': '', '___': ''})
    for m in [m for m in list(sys.modules) if m == 'ogi' or m.startswith('ogi.')]:
        del sys.modules[m]
_ogi_forget()
del _ogi_forget
"""


def _first_line(text: str) -> str:
    lines = [ln for ln in (text or "").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return (lines[0].strip() if lines else "")[:80]


class WarmKernel:
    """One long-lived python3 kernel plus its client; `run(nb, label, timeout)` executes a notebook in it."""

    def __init__(self, cwd: str | os.PathLike[str] | None = None, startup_timeout: int = 120) -> None:
        from ogi.render.params import repo_root

        self.cwd = str(cwd or repo_root())
        self.startup_timeout = startup_timeout
        self.client: Any = None
        self.briefs = 0
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

    def run(self, nb: Any, label: tuple[str, int | None], timeout: float | None = None) -> Any:
        """Reset the kernel, then execute every code cell of `nb` in place within `timeout` seconds."""
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        if self.client is None:
            self.start()
        try:
            self._run_code(RESET, "reset")
        except (DeadKernelError, RuntimeError, CellTimeoutError):
            self.restart()
        client = self.client
        client.nb = nb
        client.reset_execution_trackers()
        deadline = time.monotonic() + timeout if timeout else None
        client.timeout_func = (
            (lambda _cell: max(1, int(deadline - time.monotonic() + 0.999))) if deadline else None
        )
        index, cell = -1, None
        try:
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                if deadline and time.monotonic() > deadline:
                    raise CellTimeoutError("deadline passed")
                client.execute_cell(cell, index)
        except CellExecutionError as exc:
            where = f"cell {index} [{_first_line(cell.source if cell else '')}]"
            raise RenderError(
                label[0], label[1], where, f"{exc.ename}: {_ANSI.sub('', str(exc.evalue))}"[:300]
            ) from None
        except (CellTimeoutError, TimeoutError):
            self.restart()
            raise RetryableError(
                label[0], label[1], f"cell {index}", f"timed out after {timeout:g} s (kernel restarted)"
            ) from None
        except DeadKernelError as exc:
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
    kernel.run(nb, job.label, job.timeout)
    try:
        html = to_html(nb, lang=job.lang, runtime_url=job.runtime_url)
    except Exception as exc:
        raise job.error("export", exc) from None
    write_brief(job.out, html, job)  # only while the render that sent it holds the --out lock
    return job.out
