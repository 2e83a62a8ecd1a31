"""The warm kernel's pipelined run: the same outputs as nbclient's cell-by-cell execution, a failing cell
named and the cells after it not run, and isolation between briefs without re-importing `ogi` each time.

(The brief-level guarantees, every warm brief byte-identical to the same brief rendered alone in a fresh
kernel, are in test_render_pool.py; these are the kernel's own.)
"""

from __future__ import annotations

from typing import Any

import nbformat
import pytest

from ogi.errors import RenderError

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]  # starts kernels


def _nb(*sources: str) -> Any:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


@pytest.fixture(scope="module")
def kernel():  # type: ignore[no-untyped-def]
    from ogi.render.kernel import WarmKernel, skip_slow_imports

    skip_slow_imports()
    k = WarmKernel()
    yield k
    k.shutdown()


MIXED = (
    "print('one'); print('two')",
    "import sys\nprint('out'); print('err', file=sys.stderr)\n"
    "from IPython.display import HTML, display\ndisplay(HTML('<b>x</b>'))\nprint('after')\n41 + 1",
    "from IPython.display import display, Markdown\nh = display(Markdown('a'), display_id='d')\n"
    "h.update(Markdown('b'))",
    "",  # an empty cell is not run
    "from IPython.display import clear_output\nprint('gone'); clear_output(); print('kept')",
)


def _outputs(nb: Any) -> list[list[dict[str, Any]]]:
    """Each code cell's outputs (the prompt number left out: a warm kernel's keeps counting)."""
    return [
        [{k: v for k, v in o.items() if k != "execution_count"} for o in c.outputs]
        for c in nb.cells
        if c.cell_type == "code"
    ]


def test_pipelined_outputs_equal_cell_by_cell_outputs(kernel) -> None:  # type: ignore[no-untyped-def]
    from nbclient import NotebookClient

    piped = _nb(*MIXED)
    kernel.run(piped, ("mixed", None), timeout=60)
    alone = _nb(*MIXED)
    NotebookClient(alone, kernel_name="python3", timeout=60).execute()
    assert _outputs(piped) == _outputs(alone)
    counts = [c.execution_count for c in piped.cells]
    assert counts[3] is None and counts[:3] + counts[4:] == sorted(counts[:3] + counts[4:])  # in order
    kernel.run(piped, ("mixed", None), timeout=60)  # again in the same kernel: the same outputs
    assert _outputs(piped) == _outputs(alone)


def test_a_failing_cell_is_named_and_stops_the_rest(kernel) -> None:  # type: ignore[no-untyped-def]
    nb = _nb("x = 1", "raise ValueError('boom')  # second", "print('never')")
    with pytest.raises(RenderError) as err:
        kernel.run(nb, ("agency", 2024), timeout=60)
    assert err.value.agency == "agency" and err.value.year == 2024
    assert "cell 1 [raise ValueError('boom')  # second]" in err.value.cell
    assert "ValueError: boom" in err.value.error
    assert nb.cells[2].outputs == []  # aborted by the kernel, as Jupyter's Run All does
    ok = _nb("print(x if 'x' in dir() else 'fresh')")  # and the next brief starts clean
    kernel.run(ok, ("next", None), timeout=60)
    assert ok.cells[0].outputs[0]["text"] == "fresh\n"


def _module_ids(kernel: Any) -> dict[str, str]:
    nb = _nb(
        "import sys, ogi.store.views, ogi.render.layout\n"
        "print(id(sys.modules['ogi.store.views']), ogi.render.layout.show.__qualname__)"
    )
    kernel.run(nb, ("probe", None), timeout=60)
    ident, name = nb.cells[0].outputs[0]["text"].split()
    return {"views": ident, "show": name}


def test_ogi_modules_stay_imported_unless_a_brief_patched_one(kernel) -> None:  # type: ignore[no-untyped-def]
    first = _module_ids(kernel)
    assert _module_ids(kernel) == first  # an ordinary brief: nothing re-imported
    patch = _nb("import ogi.render.layout as L\nL.show = lambda *a, **k: print('patched')")
    kernel.run(patch, ("patcher", None), timeout=60)
    after = _module_ids(kernel)
    assert after["show"] == "show"  # the next brief sees the real function again
    assert after["views"] != first["views"]  # because every ogi module was imported afresh
    assert _module_ids(kernel) == after  # and stays imported after that


def test_chart_numbering_restarts_each_brief(kernel) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import altair as alt, polars as pl\nfrom ogi.render.marks import ChartOutput\n"
        "c = alt.Chart(pl.DataFrame({'a': [1]})).mark_bar().encode(x='a')\n"
        "print(ChartOutput(c, 't').chart_id, ChartOutput(c, 'u').chart_id)"
    )
    for _ in range(2):
        nb = _nb(code)
        kernel.run(nb, ("charts", None), timeout=60)
        assert nb.cells[0].outputs[0]["text"] == "ogi-chart-1 ogi-chart-2\n"


def _text(kernel: Any, source: str, code: str = "") -> str:
    nb = _nb(source)
    kernel.run(nb, ("probe", None), timeout=60, code=code)
    return "".join(o.get("text", "") for o in nb.cells[0].outputs)


def test_no_brief_starts_with_a_patch_any_earlier_brief_made(kernel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a brief that wraps a function each time: every brief must find it unwrapped
    wrap = (
        "import ogi.render.layout as L\nprint(getattr(L.show, 'depth', 0))\n"
        "old = L.show\nnew = lambda *a, **k: old(*a, **k)\nnew.depth = getattr(old, 'depth', 0) + 1\n"
        "L.show = new"
    )
    assert [_text(kernel, wrap) for _ in range(4)] == ["0\n"] * 4
    # a module no brief imported before, patched: the next brief sees the real one
    patch = "import ogi.digest as D\nprint(getattr(D.sha, 'patched', False))\nD.sha = lambda *a: 'x'\nD.sha.patched = True"
    assert [_text(kernel, patch) for _ in range(3)] == ["False\n"] * 3
    # a class given a new attribute: gone in the next brief
    cls = "from ogi.render.marks import ChartOutput\nprint(hasattr(ChartOutput, '_evil'))\nChartOutput._evil = 1"
    assert [_text(kernel, cls) for _ in range(3)] == ["False\n"] * 3


def test_new_package_files_are_imported_afresh(kernel) -> None:  # type: ignore[no-untyped-def]
    probe = "import sys\nprint(id(sys.modules['ogi.store.views']))"
    a = _text(kernel, probe, code="digest-a")
    assert _text(kernel, probe, code="digest-a") == a  # same code: the modules stay
    assert _text(kernel, probe, code="digest-b") != a  # other code on disk: imported afresh


def test_a_reset_that_fails_runs_the_brief_once_in_a_fresh_kernel(kernel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "ran.txt"
    _text(kernel, "_ogi_reset = None  # a notebook that clobbers the kernel's reset")
    out = _text(kernel, f"open({str(log)!r}, 'a').write('ran\\n'); print('ok')")
    assert out == "ok\n"
    assert log.read_text() == "ran\n"  # the cells behind the failed reset were aborted, not run twice


def test_without_a_deadline_a_silent_cell_still_times_out() -> None:
    import time

    from ogi.errors import RetryableError
    from ogi.render.kernel import WarmKernel

    k = WarmKernel()
    try:
        k.client.timeout = 2  # nbclient's per-cell limit, used when a brief has no deadline of its own
        started = time.monotonic()
        with pytest.raises(RetryableError) as err:
            k.run(_nb("print('a')", "import time; time.sleep(30)"), ("slow", None), timeout=None)
        assert time.monotonic() - started < 20 and "timed out" in err.value.error
        k.client.timeout = 60
        ok = _nb("print('after')")
        k.run(ok, ("next", None), timeout=None)  # the kernel was restarted and works
        assert ok.cells[0].outputs[0]["text"] == "after\n"
    finally:
        k.shutdown()
