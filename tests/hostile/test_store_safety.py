"""Issue 14: the store never shrinks by surprise, survives odd names, damage, full disks and special files.

Each test names the numbered case of the issue it covers; every one failed on the code before it.
"""

from __future__ import annotations

import errno
import os
import random
import resource
import shutil
import time
from pathlib import Path

import polars as pl
import pytest

from hostile.conftest import ROOT, ogi
from ogi.errors import StoreDamaged
from ogi.store import generation as G
from ogi.store import integrity

pytestmark = pytest.mark.slow  # each case runs the CLI in subprocesses on a fresh store

SEEDS = sorted((ROOT / "data" / "raw" / "seeds").glob("*.txt"))


def _frames(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.glob("*.parquet"))}


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    d = tmp_path / "raw"
    d.mkdir()
    for s in SEEDS[:3]:
        shutil.copy(s, d / s.name)
    return d


@pytest.fixture()
def store(raw: Path, tmp_path: Path) -> Path:
    out = tmp_path / "store"
    res = ogi("ingest", str(raw), "-o", str(out), "--no-progress", "-j", "1")
    assert res.returncode == 0, res.stderr[-2000:]
    return out


# ------------------------------------------------------------------------------------------------ case 1


@pytest.mark.parametrize("bad", ["typo", ""])
def test_1_missing_or_empty_input_is_an_error_and_the_store_is_untouched(
    store: Path, raw: Path, bad: str
) -> None:
    before = _frames(store)
    target = str(raw.parent / "rwa") if bad == "typo" else ""
    res = ogi("ingest", target, "-o", str(store), "--no-progress")
    assert res.returncode == 2, res.stderr
    assert "no such input" in res.stderr and "Traceback" not in res.stderr
    assert _frames(store) == before


def test_1_default_data_raw_missing_is_an_error(store: Path, tmp_path: Path) -> None:
    before = _frames(store)
    res = ogi("ingest", "-o", str(store), "--no-progress", cwd=tmp_path)  # no data/raw here
    assert res.returncode == 2 and "data/raw" in res.stderr
    assert _frames(store) == before


def test_1_deleted_files_are_dropped_one_line_each_and_prune_counts_first(
    store: Path, raw: Path, tmp_path: Path
) -> None:
    victim = sorted(raw.glob("*.txt"))[0]
    victim.unlink()
    res = ogi("ingest", str(raw), "-o", str(store), "--no-progress")
    assert res.returncode == 0, res.stderr
    assert f"{victim}: no longer on disk" in res.stderr and "1 dropped" in res.stderr
    # other inputs do not drop what this store holds ...
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS[4], other / SEEDS[4].name)
    res = ogi("ingest", str(other), "-o", str(store), "--no-progress")
    assert res.returncode == 0 and "0 dropped" in res.stderr
    assert pl.read_parquet(store / "reports.parquet").height == 3
    # ... unless --prune, which says how many before it acts
    res = ogi("ingest", str(other), "-o", str(store), "--no-progress", "--prune")
    assert "--prune: dropping 2 reports" in res.stderr and "2 dropped" in res.stderr
    assert pl.read_parquet(store / "reports.parquet").height == 1


# ------------------------------------------------------------------------------------------------ case 2


def test_2_non_utf8_file_names_are_stored_and_printed_escaped(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    gbk = os.fsencode(raw) + b"/" + "报告".encode("gbk") + b".txt"
    with open(gbk, "wb") as fh:
        fh.write(SEEDS[0].read_bytes())
    with open(os.fsencode(raw) + b"/bad\xff.txt", "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    shutil.copy(SEEDS[1], raw / "ok.txt")
    out = tmp_path / "store"
    res = ogi("ingest", str(raw), "-o", str(out), "--no-progress", "-j", "1")
    assert "Traceback" not in res.stderr and res.returncode == 1, res.stderr
    assert "bad\\xff.txt:" in res.stderr
    sources = pl.read_parquet(out / "reports.parquet")["source"].to_list()
    assert len(sources) == 2 and any("\\xb1\\xa8\\xb8\\xe6" in s for s in sources)
    assert pl.read_parquet(out / "facts.parquet").height > 0
    again = ogi("ingest", str(raw), "-o", str(out), "--no-progress", "-j", "1")
    assert "0 read, 3 skipped" in again.stderr, again.stderr  # the escaped name is found again
    for verb in (["extract"], ["check", "--json"]):
        res = ogi(*verb, str(raw))
        assert "Traceback" not in res.stderr and res.returncode == 1, res.stderr
        assert res.stdout and "bad\\xff.txt" in res.stderr


# ------------------------------------------------------------------------------------------------ case 3


@pytest.mark.parametrize("frame", ["facts.parquet", "findings.parquet"])
def test_3_render_refuses_a_store_with_a_missing_frame(store: Path, tmp_path: Path, frame: str) -> None:
    (G.current(G.Store.at(store)) / frame).unlink()  # type: ignore[operator]
    out = tmp_path / "out"
    res = ogi("render", "--store", str(store), "--out", str(out), "-j", "1", "--no-progress")
    assert res.returncode == 2, res.stderr
    assert frame in res.stderr and "ogi ingest --full" in res.stderr and "Traceback" not in res.stderr
    assert not (out / "index.html").exists()


def test_3_render_refuses_an_old_layout_store_without_frames(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    from ogi.store import schema as S

    S.write_parquet(S.empty("reports"), legacy / "reports.parquet")
    res = ogi("render", "--store", str(legacy), "--out", str(tmp_path / "out"), "-j", "1", "--no-progress")
    assert res.returncode == 2 and "facts.parquet: missing" in res.stderr, res.stderr


# ------------------------------------------------------------------------------------------------ case 5


def test_5_bit_flips_in_every_frame_are_all_detected_on_open(store: Path) -> None:
    from ogi.store import open_store

    gen = G.current(G.Store.at(store))
    assert gen is not None
    rng = random.Random(14)
    for name in G.FILES:
        path = gen / name
        good = path.read_bytes()
        for _ in range(100):
            data = bytearray(good)
            i = rng.randrange(len(data))
            data[i] = (data[i] + rng.randrange(1, 256)) % 256
            path.write_bytes(bytes(data))
            with pytest.raises(StoreDamaged, match=name):
                integrity.verify(gen, cached=False)
        path.write_bytes(good)
    integrity.verify(gen, cached=False)
    os.utime(gen / integrity.CHECKSUMS)  # a new key: this process verifies again
    open_store(store)
    (gen / "facts.parquet").write_bytes(b"garbled" * 40)
    os.utime(gen / integrity.CHECKSUMS, ns=(1, 1))
    with pytest.raises(StoreDamaged, match=r"facts.parquet: damaged .*ogi ingest --full"):
        open_store(store)


def test_5_damaged_store_is_one_line_and_full_ingest_repairs_any_damage(
    store: Path, raw: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh"
    assert ogi("ingest", str(raw), "-o", str(fresh), "--no-progress", "-j", "1").returncode == 0
    gen = G.current(G.Store.at(store))
    assert gen is not None
    (gen / "facts.parquet").write_bytes(b"\0" * 256)
    res = ogi("render", "--store", str(store), "--out", str(tmp_path / "out"), "-j", "1", "--no-progress")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "facts.parquet: damaged" in res.stderr and "ogi ingest --full" in res.stderr
    # damage everything a repair could trip on: cache parts, the manifest, the checksums, the switch
    for part in (store / "_cache").rglob("*.parquet"):
        part.write_bytes(b"garbage")
    (gen / "manifest.parquet").write_bytes(b"garbage")
    (gen / integrity.CHECKSUMS).write_text("{", encoding="utf-8")
    res = ogi("ingest", str(raw), "-o", str(store), "--no-progress", "-j", "1", "--full")
    assert res.returncode == 0, res.stderr
    assert _frames(store) == _frames(fresh)
    integrity.verify(G.current(G.Store.at(store)), cached=False)  # type: ignore[arg-type]
    # a plain ingest over a damaged current generation rebuilds too (and says so)
    (G.current(G.Store.at(store)) / "reports.parquet").write_bytes(b"x")  # type: ignore[operator]
    res = ogi("ingest", str(raw), "-o", str(store), "--no-progress", "-j", "1")
    assert res.returncode == 0 and "rebuilding the store" in res.stderr, res.stderr
    assert _frames(store) == _frames(fresh)


# ------------------------------------------------------------------------------------------------ case 7


def test_7_disk_full_during_ingest_is_one_line_with_errno_and_the_old_store_stays(
    store: Path, raw: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ogi.cli import main
    from ogi.store import schema as S

    before = _frames(store)
    (raw / "new.txt").write_bytes(SEEDS[3].read_bytes())

    def full(df: pl.DataFrame, path: str | Path) -> None:
        Path(path).write_bytes(b"")  # the partial file a full disk leaves
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(S, "write_parquet", full)
    assert main(["ingest", str(raw), "-o", str(store), "-j", "1", "--no-progress"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert any("No space left on device (ENOSPC)" in x for x in lines), lines
    assert lines[-1].startswith("ogi ingest: nothing written"), lines
    assert _frames(store) == before
    assert not [p for p in store.rglob("*") if ".tmp" in p.name], "temporary files left behind"


def test_7_leftover_temp_files_are_swept_at_start(store: Path, raw: Path) -> None:
    left = [
        store / ".facts.parquet.999.tmp",
        store / "_cache" / "ab" / ".x.parquet.999.tmp",
        store / "_gen" / ".tmp-999" / "facts.parquet",
    ]
    for p in left:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"")
    res = ogi("ingest", str(raw), "-o", str(store), "--no-progress")
    assert res.returncode == 0
    assert not any(p.exists() for p in left)


def test_7_no_retry_of_a_brief_that_failed_for_lack_of_space(monkeypatch: pytest.MonkeyPatch) -> None:
    import queue
    import signal

    from ogi.errors import RenderError, RetryableError
    from ogi.render import kernel, pool
    from ogi.render.jobs import Job

    class FakeKernel:
        pid = None

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def shutdown(self) -> None:
            pass

    def no_space(k: object, job: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device", "/out/a/2020.html")

    monkeypatch.setattr(kernel, "WarmKernel", FakeKernel)
    monkeypatch.setattr(kernel, "render_job", no_space)
    monkeypatch.setattr("ogi.proc.die_with_parent", lambda *a: None)
    jobs: queue.Queue[object] = queue.Queue()
    results: queue.Queue[tuple[object, ...]] = queue.Queue()
    jobs.put(Job(id=0, store="store", agency_key="a", year=2020, out="out"))
    jobs.put(None)
    old = signal.getsignal(signal.SIGINT)
    try:
        pool.worker_main(0, jobs, results)
    finally:
        signal.signal(signal.SIGINT, old)
    assert results.get(timeout=30)[0] == "ready"
    kind, _, _, (job_id, err) = results.get(timeout=30)
    assert kind == "done" and job_id == 0
    assert isinstance(err, RenderError) and not isinstance(err, RetryableError), "a full disk is not retried"
    assert "No space left" in str(err)


def test_7_unwritable_out_still_prints_the_summary(store: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = ogi("render", "--store", str(store), "--out", str(blocker / "out"), "-j", "1", "--no-progress")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert str(blocker) in res.stderr
    assert "0 rendered, 0 skipped, 0 failed" in res.stdout


# ------------------------------------------------------------------------------------------------ case 8


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def test_8_huge_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "huge.txt", "wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB, sparse
    shutil.copy(SEEDS[0], raw / "good.txt")
    out = tmp_path / "store"
    t = time.monotonic()
    res = ogi("ingest", str(raw), "-o", str(out), "--no-progress", "-j", "1", preexec=_limit_memory)
    assert time.monotonic() - t < 30
    assert "Traceback" not in res.stderr and res.returncode == 1, res.stderr
    assert "huge.txt: too large (2048 MB > 64 MB)" in res.stderr
    assert pl.read_parquet(out / "reports.parquet").height == 1


def test_8_fifo_on_the_command_line_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for verb in (["extract"], ["check"], ["ingest", "-o", str(tmp_path / "store"), "--no-progress"]):
        res = ogi(*verb, str(fifo), timeout=60)
        assert res.returncode == 1 and "not a regular file: a FIFO" in res.stderr, res.stderr


def test_8_special_entries_in_folders_are_each_listed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], raw / "a.txt")
    shutil.copy(SEEDS[1], raw / "sub" / "b.txt")
    os.mkfifo(raw / "fifo.txt")
    os.symlink(raw / "gone.txt", raw / "dangling.txt")
    os.symlink(raw / "sub", raw / "linked")  # a symlinked folder: followed once
    os.symlink(raw, raw / "sub" / "loop")  # a loop back to the top
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SEEDS[2], other / "c.txt")
    os.symlink(other, raw / "outside")
    res = ogi("extract", str(raw), timeout=120)
    assert "Traceback" not in res.stderr and res.returncode == 1
    assert f"{raw / 'fifo.txt'}: skipped: not a regular file: a FIFO" in res.stderr
    assert f"{raw / 'dangling.txt'}: skipped: broken or looping symlink" in res.stderr
    assert f"{raw / 'sub' / 'loop'}: skipped: folder already visited" in res.stderr
    assert f"{raw / 'linked'}: skipped: folder already visited" in res.stderr
    sources = {line.split('"source":"')[1].split('"')[0] for line in res.stdout.splitlines()}
    assert sources == {str(raw / "a.txt"), str(raw / "sub" / "b.txt"), str(raw / "outside" / "c.txt")}


# ------------------------------------------------------------------------------------------------ case 9


def test_9_control_characters_are_escaped_in_terminal_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = (
        SEEDS[0]
        .read_text(encoding="utf-8")
        .replace("梅岭街道办事处", "梅岭\x1b[2J\x1b]0;pwned\x07街道办事处")
    )
    (raw / "esc\x1b[31mred.txt").write_text(text, encoding="utf-8")
    (raw / "bad\x1b[1m.txt").write_bytes(b"")
    for verb in (["check"], ["extract"], ["ingest", "-o", str(tmp_path / "store"), "--no-progress"]):
        res = ogi(*verb, str(raw))
        assert "\x1b" not in res.stdout + res.stderr, (verb, res.stderr[-500:])
        assert "\x07" not in res.stdout + res.stderr
        assert "bad\\x1b[1m.txt" in res.stderr


# ------------------------------------------------------------------------------------------------ case 11


def test_11_same_report_in_other_encodings_is_stored_once(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    (raw / "a_utf8.txt").write_text(text, encoding="utf-8")
    (raw / "b_gbk.txt").write_bytes(text.encode("gb18030"))
    (raw / "c_utf16.txt").write_bytes(text.encode("utf-16"))
    (raw / "d_crlf_bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "store"
    res = ogi("ingest", str(raw), "-o", str(out), "--no-progress", "-j", "1")
    assert res.returncode == 0, res.stderr
    assert pl.read_parquet(out / "reports.parquet").height == 1
    fails = pl.read_parquet(out / "failures.parquet")
    assert fails["stage"].to_list() == ["duplicate"] * 3
    assert set(fails["reason"]) == {f"same content as {raw / 'a_utf8.txt'}"}
    for name in ("b_gbk.txt", "c_utf16.txt", "d_crlf_bom.txt"):
        assert f"{raw / name}: duplicate: same content as {raw / 'a_utf8.txt'}" in res.stderr


def test_11_jobs_are_capped_by_cores_and_memory_with_a_note(store: Path, raw: Path) -> None:
    from ogi.proc import cap_jobs, usable_cores

    n, note = cap_jobs(10_000, 600)
    assert n <= usable_cores() and note and "lowered to" in note
    assert cap_jobs(1, 600) == (1, None)
    res = ogi("ingest", str(raw), "-o", str(store), "--no-progress", "-j", "10000")
    assert res.returncode == 0 and "-j 10000 lowered to" in res.stderr
