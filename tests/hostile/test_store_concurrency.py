"""Issue 14 cases 4, 6 and 10: locks and generations under concurrent runs, kills of a render, slug changes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile.conftest import ROOT, ogi

pytestmark = pytest.mark.slow  # concurrent ingests and renders, kills: each spawns processes and kernels

SEEDS = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}


def _cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ogi.cli", *args],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _frames(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.glob("*.parquet"))}


def _tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".ogi.lock"
    }


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    for d, seeds in ((a, SEEDS[:2]), (b, SEEDS[2:4])):
        d.mkdir()
        for s in seeds:
            shutil.copy(s, d / s.name)
    return a, b


# ------------------------------------------------------------------------------------------------ case 4


def test_4_two_ingests_into_one_store_end_as_one_sequential_order(tmp_path: Path) -> None:
    a, b = _inputs(tmp_path)
    refs = []
    for first, second in ((a, b), (b, a)):
        ref = tmp_path / f"ref-{first.name}"
        for src in (first, second):
            assert ogi("ingest", str(src), "-o", str(ref), "--no-progress", "-j", "1").returncode == 0
        refs.append(_frames(ref))
    for trial in range(20):
        store = tmp_path / f"store{trial}"
        procs = [_cli("ingest", str(src), "-o", str(store), "--no-progress", "-j", "1") for src in (a, b)]
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (_, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0 and "Traceback" not in err, err
        assert _frames(store) in refs, f"trial {trial}: the store is neither sequential order"
        shutil.rmtree(store)


def test_4_second_writer_without_wait_names_the_holder(tmp_path: Path) -> None:
    from ogi.errors import LockBusy
    from ogi.store.lock import folder_lock

    with folder_lock(tmp_path, "test holder"):
        res = ogi("ingest", str(SEEDS[0]), "-o", str(tmp_path), "--no-progress", "--wait", "0")
        assert res.returncode == LockBusy.exit_code, res.stderr
        assert f"locked by pid {os.getpid()} (test holder" in res.stderr and "Traceback" not in res.stderr


def test_4_parallel_zh_and_en_renders_give_a_sequential_tree_and_ingest_during_render_is_safe(
    tmp_path: Path,
) -> None:
    a, b = _inputs(tmp_path)
    store = tmp_path / "store"
    assert ogi("ingest", str(a), "-o", str(store), "--no-progress", "-j", "1").returncode == 0
    render = ["render", "--store", str(store), "--workers", "1", "--no-progress"]
    refs = []
    for order in (("zh", "en"), ("en", "zh")):
        out = tmp_path / f"ref-{order[0]}"
        for lang in order:
            res = ogi(*render, "--out", str(out), "--lang", lang, timeout=600)
            assert res.returncode == 0, res.stderr[-2000:]
        refs.append(_tree(out))
    out = tmp_path / "both"
    procs = [_cli(*render, "--out", str(out), "--lang", lang) for lang in ("zh", "en")]
    time.sleep(3)  # an ingest into the store while the renders read it: they keep their generation
    assert ogi("ingest", str(b), "-o", str(store), "--no-progress", "-j", "1").returncode == 0
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0 and "Traceback" not in err, err[-2000:]
    got = _tree(out)
    # each render read one whole generation: the old one (as the references) or, had the ingest won the
    # race to the first open, the new one (as sequential renders of the new store)
    if got not in refs:
        news = []
        for order in (("zh", "en"), ("en", "zh")):
            again = tmp_path / f"new-{order[0]}"
            for lang in order:
                assert ogi(*render, "--out", str(again), "--lang", lang, timeout=600).returncode == 0
            news.append(_tree(again))
        assert got in news, "the parallel renders mixed generations or languages"


# ------------------------------------------------------------------------------------------------ case 6


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = set(), [root]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_6_killing_the_render_parent_leaves_no_process_of_the_run(tmp_path: Path, sig: int) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    assert ogi("ingest", *map(str, SEEDS), "-o", str(store), "--no-progress", "-j", "1").returncode == 0
    proc = _cli("render", "--store", str(store), "--out", str(out), "--workers", "2", "--no-progress")
    deadline = time.monotonic() + 240
    run: set[int] = set()
    while time.monotonic() < deadline and not list(out.rglob("*.html")):
        run |= _descendants(proc.pid)
        time.sleep(0.2)
    run |= _descendants(proc.pid)
    assert len(run) >= 4, f"workers and kernels were not up: {run}"  # 2 workers, 2 kernels (+ tracker)
    os.kill(proc.pid, sig)  # the parent only, as a service manager or the OOM killer would
    proc.communicate(timeout=60)
    time.sleep(5)
    left = {p for p in run if _alive(p)}
    try:
        assert not left, f"left alive 5 s after {signal.Signals(sig).name}: {left}"
    finally:
        for p in left:
            os.kill(p, signal.SIGKILL)


# ------------------------------------------------------------------------------------------------ case 10


def test_10_a_moved_brief_leaves_no_stale_page_and_the_index_lists_only_rendered_pages(
    tmp_path: Path,
) -> None:
    import re
    from urllib.parse import unquote

    raw, store, out = tmp_path / "raw", tmp_path / "store", tmp_path / "out"
    raw.mkdir()
    text = SEEDS[0].read_text(
        encoding="utf-8"
    )  # 梅岭街道办事处; its region is read from the printed name only
    text = text.replace("年梅岭街道办事处政府信息公开", "年晋江市梅岭街道办事处政府信息公开", 1)
    (raw / "a.txt").write_text(text, encoding="utf-8")
    render = ["render", "--store", str(store), "--out", str(out), "--workers", "1", "--no-progress"]
    assert ogi("ingest", str(raw), "-o", str(store), "--no-progress", "-j", "1").returncode == 0
    assert ogi(*render, timeout=600).returncode == 0
    before = {p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.name != "index.html"}
    assert len(before) == 1
    # a second agency with the same printed name (another city): both slugs gain a hash, the page moves
    other = text.replace("晋江", "南安").replace("泉州", "厦门") + "\n附记。\n"
    (raw / "b.txt").write_text(other, encoding="utf-8")
    assert ogi("ingest", str(raw), "-o", str(store), "--no-progress", "-j", "1").returncode == 0
    leftover = out / "some-slug" / ".2018.html.x1y2.tmp"  # a render killed mid-write left this
    leftover.parent.mkdir()
    leftover.write_text("<html", encoding="utf-8")
    res = ogi(*render, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert not leftover.exists()
    leftover.parent.rmdir()
    after = {p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.name != "index.html"}
    assert len(after) == 2 and not before & after, (before, after)
    assert f"removed stale brief {next(iter(before))}" in res.stderr
    assert not (out / next(iter(before))).parent.exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    links = {unquote(h) for h in re.findall(r'href="([^"]+)"', index)}
    briefs = {h for h in links if re.fullmatch(r"[^/]+/\d{4}\.html", h)}  # not the CSVs, downloads, en/
    assert briefs == after
    assert "overview.html" not in links  # not rendered in this run
