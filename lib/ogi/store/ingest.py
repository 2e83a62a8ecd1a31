"""Incremental ingest: report files → the Parquet store (reports, facts, findings, failures).

Each input's figures are cached as one Parquet part keyed by its content hash (and the parser's
fingerprint), so a re-run parses only files whose size or mtime changed since the manifest was
written, drops files that vanished, and rebuilds the store frames from the parts. Every frame is
written to a temp file and renamed into place, the manifest last, so a run killed at any point
leaves the previous store readable and the next run picks up where it stopped. Nothing changed →
nothing is rewritten (and a rewrite of the same rows gives the same bytes anyway).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import dataframely as dy
import polars as pl

from ogi import parsed_spool
from ogi.batch import Failure, canonical_path, expand, missing_inputs, parse_one
from ogi.errors import DiskError, IngestError, InputMissing, OgiError, ReadError, StoreDamaged, UsageError
from ogi.facts import Report
from ogi.findings import SEVERITIES
from ogi.paths import shown, storable
from ogi.proc import die_with_parent
from ogi.store import generation as G
from ogi.store import schema as S
from ogi.store.agency import assign_keys
from ogi.store.corrections import fact_rows, report_columns
from ogi.store.handle import Store
from ogi.store.lock import folder_lock
from ogi.store.shared import canonical, canonical_json
from ogi.vocabulary import ORIGINS, SCOPES

STORE_VERSION = "1"
PART_GROUP = 16  # cached parts read per scan when streaming them into a frame
CACHE = "_cache"
MANIFEST = "manifest.parquet"
#: the code that turns bytes into a Report: a change here re-parses everything
ParseFn = Callable[[str], Report]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """One input the store could not take whole: `stage` is read, duplicate or check."""

    path: str
    stage: str
    reason: str

    def __str__(self) -> str:
        text = self.reason if self.stage == "read" else f"{self.stage}: {self.reason}"
        return f"{shown(self.path)}: {shown(text)}"


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did (the summary line) and what the store now holds."""

    read: int = 0
    skipped: int = 0
    failed: int = 0
    dropped: int = 0
    reports: int = 0
    facts: int = 0
    findings: int = 0
    written: bool = False
    failures: list[InputFailure] = field(
        default_factory=list
    )  # inputs not stored (or stored without findings)
    notes: list[str] = field(default_factory=list)  # what was dropped and why, one line per file

    @property
    def input_failed(self) -> bool:
        """Whether an input could not be read (duplicates and failing check rules do not count)."""
        return any(f.stage == "read" for f in self.failures)

    def summary(self, out: str | Path) -> str:
        return (
            f"ogi ingest: {self.read} read, {self.skipped} skipped, {self.failed} failed, {self.dropped} dropped"
            f" → {shown(out)} ({self.reports} reports, {self.facts} facts, {self.findings} findings)"
        )


# --------------------------------------------------------------------------------------------- fingerprints


def parse_fingerprint() -> str:
    """Hash of the code that turns bytes into facts (every file of the package, Python and the libraries,
    `ogi.digest.code_digest`) and of this store's layout: a change in any of them re-parses everything."""
    from ogi.digest import code_digest

    return hashlib.sha256(f"{STORE_VERSION}:{code_digest()}".encode()).hexdigest()[:16]


def _load_checks() -> tuple[Callable[..., Any] | None, str]:
    """ogi.checks.run_checks and the key of the findings cache. The checks read the template registry,
    the vocabulary and the parser's model, so the key is the whole package's digest, like the parse
    fingerprint: a hand-picked list of files would leave stale findings after a registry change."""
    from ogi.checks import run_checks
    from ogi.digest import code_digest

    return run_checks, hashlib.sha256(f"checks:{code_digest()}".encode()).hexdigest()[:16]


def _checkpoint(stage: str) -> None:
    """Crash here when OGI_INGEST_CRASH_AT names this stage (lets tests kill a run midway, for real)."""
    if os.environ.get("OGI_INGEST_CRASH_AT") == stage:
        sys.stderr.flush()
        os._exit(137)


# --------------------------------------------------------------------------------------------- parse stage


def facts_part(report: Report) -> pl.DataFrame:
    """The report's facts as the cached part frame (content-derived columns only, dims flattened)."""
    cols: dict[str, list[Any]] = {c: [] for c in S.FACT_PART_COLUMNS}
    for seq, (f, superseded_by) in enumerate(fact_rows(report)):  # analyst corrections kept apart
        if f.scope not in SCOPES or f.origin not in ORIGINS or not f.metric:
            raise ValueError(
                f"fact {seq} (line {f.line}): metric {f.metric!r}, scope {f.scope!r}, "
                f"origin {f.origin!r} are not in the vocabulary"
            )
        dims = {str(k): str(v) for k, v in f.dims.items()}
        if f.approx:  # an approximate figure keeps its qualifier: never an exact figure's key (docs/facts.md)
            dims["approx"] = f.approx
        cols["report_id"].append(report.report_id)
        cols["seq"].append(seq)
        cols["metric"].append(f.metric)
        cols["value"].append(float(f.value))
        cols["unit"].append(f.unit or "")
        cols["scope"].append(f.scope)
        cols["origin"].append(f.origin)
        cols["line"].append(int(f.line))
        cols["quote"].append(f.quote or "")
        cols["loc"].append(f.loc or "")
        cols["dims_json"].append(canonical_json(dims))
        cols["superseded_by"].append(superseded_by)
        for key in S.DIM_KEYS:
            cols[f"dim_{key}"].append(dims.get(key))
    # dtypes are enforced here (strict construction) and the rules above; the full dataframely
    # validation runs on the consolidated facts in batches, where it costs little per row
    return pl.DataFrame(cols, schema=S.polars_schema("fact_part"), strict=True)


def report_row(report: Report, sha: str) -> dict[str, Any]:
    """The report's row for the reports frame, less what is decided over the whole store."""
    return {
        "report_id": report.report_id,
        "source": storable(report.source),
        "sha256": sha,
        "agency": report.agency,
        "region": report.region,
        "year": report.year,
        "template": report.template or "narrative",
        "published": report.published,
        "doc_number": report.doc_number,
        "signer": report.signer,
        "title": report.title,
        "url": report.url,
        "kind": report.kind,
        "encoding": report.encoding,
        "truncated": bool(report.truncated),
        "line_count": int(report.line_count),
        "n_facts": len(report.facts),
        "n_blanks": len(report.blanks),
        "problems": [str(p) for p in report.problems],
        **report_columns(report),
    }


def _sha_of(path: str) -> str | None:
    """Content hash of a regular file within the size limit (None otherwise: never a FIFO, never 2 GB)."""
    import stat

    from ogi.text import MAX_BYTES

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def part_path(cache: Path, sha: str) -> Path:
    return cache / sha[:2] / f"{sha}.parquet"


def findings_part_path(fcache: Path, sha: str, prev_sha: str | None) -> Path:
    """Where the findings of one report, checked against one previous report (or none), are cached."""
    return fcache / sha[:2] / f"{sha}-{prev_sha or 'none'}.parquet"


def findings_part(report_id: str, found: Sequence[Any]) -> pl.DataFrame:
    """Findings of one report as the cached part frame (severity checked here, the rest on consolidation)."""
    rows = []
    for seq, f in enumerate(found):
        d = f.as_dict()
        if d["severity"] not in SEVERITIES:
            raise ValueError(f"finding {d['rule']!r} has severity {d['severity']!r}")
        rows.append(
            (
                report_id,
                seq,
                d["rule"],
                d["severity"],
                d["message_zh"],
                d["message_en"],
                int(d["line"] or 0),
                d["quote"] or "",
                d.get("expected"),
                d.get("actual"),
                canonical_json(d.get("evidence", [])),
            )
        )
    return pl.DataFrame(rows, schema=S.polars_schema("finding_part"), orient="row", strict=False)


def _check_one(
    run_checks: Callable[..., Any],
    report: Report,
    previous: Report | None,
    fcache: Path,
    sha: str,
    prev_sha: str | None,
) -> str | None:
    """Run the checks on one report and cache the findings; the reason when they failed, else None."""
    try:
        part = findings_part(report.report_id, run_checks(report, previous=previous))
        target = findings_part_path(fcache, sha, prev_sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            S.write_parquet(part, tmp)
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    except OSError:
        raise  # disk full or read-only: the whole run stops with one line, not one line per report
    except Exception as exc:  # a rule bug must cost this report's findings only
        return f"checks failed ({type(exc).__name__}: {exc})"[:300]
    return None


@dataclass(slots=True)
class Parsed:
    """What a parser worker sends back for one file."""

    path: str
    row: dict[str, Any] | None = None  # the report's row, None when it could not be stored
    reason: str | None = None  # why not
    sha: str | None = None  # content hash of the bytes
    text_sha: str = ""  # hash of the decoded text: the same report in two encodings is one report
    check_failed: str | None = None  # why the checks failed on it (the report is stored anyway)


def text_hash(report: Report) -> str:
    """Hash of the report's normalised, non-blank lines (independent of encoding and line endings)."""
    doc = report.doc
    if doc is None:
        return ""
    h = hashlib.sha256()
    for line in doc.norm:
        t = "".join(line.split())
        if t:
            h.update(t.encode("utf-8", "surrogatepass"))
            h.update(b"\n")
    return h.hexdigest()


def _parse_task(args: tuple[str, str, ParseFn, Callable[..., Any] | None, str]) -> Parsed:
    """Worker: parse one file, cache its facts, and cache its findings checked without a previous report."""
    path, cache, parse, run_checks, fcache = args
    try:
        report = parse(path)
    except ReadError as exc:
        return Parsed(path, reason=exc.reason, sha=_sha_of(path))
    except OgiError as exc:
        return Parsed(path, reason=str(exc), sha=_sha_of(path))
    except MemoryError:
        return Parsed(path, reason="out of memory while parsing", sha=_sha_of(path))
    except Exception as exc:  # an injected or buggy parser must not stop the batch
        return Parsed(path, reason=f"internal error ({type(exc).__name__}: {exc})"[:300], sha=_sha_of(path))
    sha = (report.doc.content_hash if report.doc is not None else "") or _sha_of(path) or report.report_id
    text_sha = text_hash(report)
    checked = (
        _check_one(run_checks, report, None, Path(fcache), sha, None) if run_checks is not None else None
    )
    if run_checks is not None:
        parsed_spool.put(report, sha)  # the year-over-year stage loads it instead of parsing again
    report.doc = None  # free the document before building frames
    try:
        target = part_path(Path(cache), sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            S.write_parquet(facts_part(report), tmp)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except (pl.exceptions.PolarsError, dy.exc.ValidationError, TypeError, ValueError) as exc:
        reason = f"facts do not fit the store schema ({type(exc).__name__}: {exc})"[:300]
        return Parsed(path, reason=reason, sha=sha)
    return Parsed(path, report_row(report, sha), None, sha, text_sha, checked)


ChainEntry = tuple[str, str, str | None, str | None]  # path, sha, previous path, previous sha


def _check_chain(
    args: tuple[list[ChainEntry], ParseFn, Callable[..., Any], str],
) -> list[tuple[str, str | None]]:
    """Worker: one agency's reports needing findings, in year order; cache each one's findings.

    Each report is parsed once; a parsed report is kept only while a later entry still needs it as
    its previous year. Returns (path, check failure reason | None) per entry.
    """
    chain, parse, run_checks, fcache = args
    wanted: dict[str, int] = {}
    for _, _, prev_path, _ in chain:
        if prev_path:
            wanted[prev_path] = wanted.get(prev_path, 0) + 1
    kept: dict[str, Report] = {}
    out: list[tuple[str, str | None]] = []

    def get(path: str, sha: str | None) -> Report:
        if path in kept:
            return kept[path]
        spooled = parsed_spool.get(sha)  # left by this run's parse stage (ogi.parsed_spool)
        return spooled if isinstance(spooled, Report) else parse(path)

    for path, sha, prev_path, prev_sha in chain:
        try:
            report = get(path, sha)
            previous = get(prev_path, prev_sha) if prev_path else None
        except Exception as exc:  # the file changed or vanished since the parse stage
            out.append((path, f"could not re-read for checks ({exc})"[:300]))
            continue
        out.append((path, _check_one(run_checks, report, previous, Path(fcache), sha, prev_sha)))
        if prev_path and previous is not None:
            wanted[prev_path] -= 1
            if wanted[prev_path] > 0:
                kept[prev_path] = previous
            else:
                kept.pop(prev_path, None)
        if wanted.get(path, 0) > 0:
            kept[path] = report
    return out


#: spawned workers return freed memory to the system at once (Polars' allocator keeps it a while by default)
_CHILD_ENV = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0", "POLARS_MAX_THREADS": "1"}


@contextlib.contextmanager
def _child_env() -> Iterator[None]:
    """Environment for the processes spawned inside the block (the caller's settings win)."""
    added = {k: v for k, v in _CHILD_ENV.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def _pool_map(fn: Callable[[Any], Any], tasks: list[Any], jobs: int) -> Iterator[Any]:
    """Map in a process pool (spawned workers, in order) when it pays off, else in this process."""
    if jobs <= 1 or len(tasks) < 8:
        yield from map(fn, tasks)
        return
    try:
        with (
            _child_env(),
            ProcessPoolExecutor(
                max_workers=jobs, mp_context=get_context("spawn"), initializer=die_with_parent
            ) as pool,
        ):
            yield from pool.map(fn, tasks, chunksize=max(1, min(32, len(tasks) // (jobs * 8))))
    except BrokenProcessPool:
        raise IngestError(
            "a parser process died (out of memory?); the store is unchanged: try again with --jobs 1"
        ) from None


# --------------------------------------------------------------------------------------------- store I/O


def _stream_parts(tmp: Path, name: str, parts: Sequence[Path], meta: pl.DataFrame) -> dict[str, int]:
    """Stream cached per-report parts (already in report order) into one validated frame file.

    Parts are read a group at a time and joined with `meta` (per-report columns decided over the
    whole store); row groups have a fixed size, so the same parts always give the same bytes.
    Returns the row count per report_id.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_schema = S.empty(name).to_arrow(compat_level=pl.CompatLevel.oldest()).schema
    counts: dict[str, int] = {}
    buf: list[pl.DataFrame] = []
    buffered = 0

    def flush(writer: pq.ParquetWriter) -> None:
        nonlocal buf, buffered
        if not buf:
            return
        df = pl.concat(buf, how="vertical").join(meta, on="report_id", how="inner", maintain_order="left")
        df = S.validate(name, df)
        for rid, n in df.group_by("report_id").len().iter_rows():
            counts[rid] = counts.get(rid, 0) + n
        table = pa.Table.from_batches(
            df.to_arrow(compat_level=pl.CompatLevel.oldest()).to_batches(), schema=arrow_schema
        )
        writer.write_table(table, row_group_size=S.ROW_GROUP)
        buf, buffered = [], 0

    with pq.ParquetWriter(
        tmp, arrow_schema, compression="zstd", compression_level=3, write_statistics=True
    ) as writer:
        for i in range(0, len(parts), PART_GROUP):  # one scan over a few small files beats one read each
            part = pl.scan_parquet(list(parts[i : i + PART_GROUP])).collect().rechunk()
            buf.append(part)
            buffered += part.height
            if buffered >= S.FLUSH_ROWS:
                flush(writer)
        flush(writer)
    return counts


def _stream_all(jobs: list[tuple[Path, str, Sequence[Path], pl.DataFrame]]) -> list[dict[str, int]]:
    return [_stream_parts(*job) for job in jobs]


def _write_parts(
    jobs: list[tuple[Path, str, Sequence[Path], pl.DataFrame]], in_child: bool
) -> list[dict[str, int]]:
    """Stream the facts and findings parts into their files, in a fresh process for large stores.

    Reading thousands of small Parquet files leaves the allocator holding memory it no longer
    uses; a short-lived process gives it back, so the long-lived one stays small.
    """
    if not in_child:
        return _stream_all(jobs)
    try:
        out = []
        for job in jobs:  # one process per frame: each starts with a clean heap
            with (
                _child_env(),
                ProcessPoolExecutor(
                    max_workers=1, mp_context=get_context("spawn"), initializer=die_with_parent
                ) as pool,
            ):
                out.append(pool.submit(_stream_parts, *job).result())
        return out
    except BrokenProcessPool:
        raise IngestError(
            "the process writing the store died (out of memory?); the store is unchanged"
        ) from None


# --------------------------------------------------------------------------------------------- the run


@dataclass(slots=True)
class Entry:
    """One input file as stat saw it: `path` opens it, `key` is how the store names it (always UTF-8)."""

    path: str
    key: str
    size: int
    mtime_ns: int


@dataclass(slots=True)
class Plan:
    """What the run will do, decided before any file is parsed: what to keep, parse, drop."""

    store: Store
    cache: Path
    fcache: Path
    parse: ParseFn
    parse_fp: str
    run_checks: Callable[..., Any] | None
    checks_fp: str
    entries: list[Entry]
    old_manifest: pl.DataFrame
    old_reports: pl.DataFrame
    old_failures: pl.DataFrame
    old_text: dict[str, str]  # key → text hash of the previous run
    kept: dict[str, int] = field(default_factory=dict)  # key → row of the previous reports frame
    to_parse: list[Entry] = field(default_factory=list)
    failures: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)  # key → stage, reason, sha
    shas: dict[str, str] = field(default_factory=dict)
    text_shas: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    result: IngestResult = field(default_factory=IngestResult)


@dataclass(slots=True)
class Work:
    """The new store's contents, ready to be written: frames in memory and the cached parts to stream."""

    reports: pl.DataFrame
    failures: pl.DataFrame
    manifest: pl.DataFrame
    fact_parts: list[Path]
    finding_parts: list[Path]
    live_findings: set[Path]
    parsed: int


def _stat(files: Iterable[str]) -> tuple[list[Entry], list[tuple[str, str]]]:
    entries: list[Entry] = []
    bad: list[tuple[str, str]] = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError as exc:
            bad.append((f, f"cannot read ({exc.strerror or exc})"))
            continue
        entries.append(Entry(f, storable(f), st.st_size, st.st_mtime_ns))
    return entries, bad


def _under(key: str, roots: Sequence[str]) -> bool:
    return any(key == r or key.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _previous_ids(reports: pl.DataFrame) -> dict[str, str]:
    """report_id → the report_id of the same agency's report for the year before (when the store has it)."""
    canon = canonical(reports.lazy()).collect()
    by_key = {(k, y): r for k, y, r in canon.select("agency_key", "year", "report_id").iter_rows()}
    out: dict[str, str] = {}
    for rid, key, year in reports.select("report_id", "agency_key", "year").iter_rows():
        if year is not None and (key, year - 1) in by_key:
            out[rid] = by_key[(key, year - 1)]
    return out


#: the column of each frame that holds an input's key (its path)
_KEY_COLUMN = {"manifest": "path", "reports": "source", "failures": "path"}


def _read_frame(folder: Path, name: str) -> pl.DataFrame:
    """A frame of the previous store, or an empty one when it is missing or unreadable (→ rebuilt).

    A store written before keys were canonical paths held them as typed (`data/raw/a.txt`): they are
    read as canonical paths from the current folder, where `ogi ingest data/raw` was run."""
    path = folder / (f"{name}.parquet" if name != "manifest" else MANIFEST)
    try:
        df = S.validate(name, pl.read_parquet(path))
    except Exception:
        return S.empty(name)
    col = _KEY_COLUMN.get(name)
    if col and df.height and not df[col].str.starts_with(os.sep).all():
        df = df.with_columns(
            pl.col(col).map_elements(lambda k: storable(canonical_path(k)), return_dtype=pl.String)
        )
    return df


@dataclass(frozen=True, slots=True)
class Previous:
    """The previous store as this run finds it: the folder to reuse (None: rebuild every report) and the
    manifest of every input it held (to keep the reports of other inputs even when rebuilding)."""

    folder: Path | None
    manifest: pl.DataFrame
    rebuild: bool


def _open_previous(store: Store, full: bool, prune: bool, say: Callable[[str], None]) -> Previous:
    """The previous store: reused as it is, or (after --full or damage) only its manifest, so a rebuild
    re-reads the inputs still on disk instead of narrowing the store to this run's inputs. A damaged
    store whose manifest is damaged too stops the run (the reports it held are unknown) unless the user
    asked to rebuild from these inputs alone (--full or --prune)."""
    from ogi.store import integrity

    try:
        folder = G.resolve(store)
    except StoreDamaged as exc:
        damage = shown(str(exc).removesuffix(f"; {integrity.REPAIR}"))
        gen = _damaged_generation(store)
        if gen is not None and integrity.intact(gen, MANIFEST):
            say(f"ogi ingest: {damage}: rebuilding the store from every input it held still on disk")
            return Previous(None, _read_frame(gen, "manifest"), rebuild=True)
        if full or prune or not _any_generation(store):
            # asked to, or nothing is left to lose (a store whose generation an older ogi removed)
            say(f"ogi ingest: {damage}: rebuilding the store from these inputs")
            return Previous(None, S.empty("manifest"), rebuild=True)
        raise StoreDamaged(
            f"{shown(exc)}; its manifest is damaged too, so the reports it held are unknown: "
            "run ogi ingest --full with every input folder (nothing was changed)"
        ) from None
    manifest = _read_frame(folder, "manifest")
    return Previous(None if full else folder, manifest, rebuild=full)


def _any_generation(store: Store) -> bool:
    """Whether any generation folder is left under the store (readable or not)."""
    root = store.root / G.GEN
    return root.is_dir() and any(d.name.isdigit() for d in root.iterdir())


def _damaged_generation(store: Store) -> Path | None:
    """The folder the current link names, when it exists (its frames may be damaged)."""
    link = store.root / G.GEN / G.CURRENT
    with contextlib.suppress(OSError):
        gen = (store.root / G.GEN / os.readlink(link)).resolve()
        if gen.is_dir():
            return gen
    return None


def plan(
    paths: Sequence[str | Path],
    store: Store | Path,
    *,
    full: bool,
    prune: bool,
    parse: ParseFn,
    say: Callable[[str], None],
) -> Plan:
    """Decide what to keep, parse and drop. Inputs that do not exist raise InputMissing (store untouched)."""
    store = Store.at(store)
    extra = getattr(parse, "fingerprint", None)  # a wrapper (ogi.store.corrections) names what it wraps
    if extra is None:
        extra = "" if parse is parse_one else getattr(parse, "__qualname__", "custom")
    parse_fp = parse_fingerprint() + (f":{extra}" if extra else "")
    previous = _open_previous(store, full, prune, say)
    prev = previous.folder
    if full:
        import shutil

        shutil.rmtree(store.root / CACHE, ignore_errors=True)  # --full repairs any damage to the cache
        with contextlib.suppress(OSError):
            (store.root / CACHE).unlink()
    cache = store.root / CACHE / hashlib.sha256(parse_fp.encode()).hexdigest()[:16]
    run_checks, checks_fp = _load_checks()
    fs_paths = [os.fspath(p) for p in paths]
    files, special = expand(fs_paths, resolve=True)  # keys: one spelling per file (`raw` is `./raw`)
    entries, unstattable = _stat(files)
    old_manifest = previous.manifest if prev else S.empty("manifest")
    old_reports = _read_frame(prev, "reports") if prev else S.empty("reports")
    old_failures = _read_frame(prev, "failures") if prev else S.empty("failures")
    p = Plan(
        store=store,
        cache=cache,
        fcache=cache / "findings" / checks_fp,
        parse=parse,
        parse_fp=parse_fp,
        run_checks=run_checks,
        checks_fp=checks_fp,
        entries=entries,
        old_manifest=old_manifest,
        old_reports=old_reports,
        old_failures=old_failures,
        old_text=dict(old_manifest.select("path", "text_sha256").iter_rows()),
    )
    roots = [storable(canonical_path(r)) for r in fs_paths]
    seen = (
        {e.key for e in entries} | {storable(f.path) for f in special} | {storable(f) for f, _ in unstattable}
    )
    gone = [k for k in previous.manifest["path"] if k not in seen]
    outside = [k for k in gone if not _under(k, roots)]
    if prune and outside:
        say(f"ogi ingest: --prune: dropping {len(outside)} reports whose files are not under the inputs")
    for k in gone:
        if _under(k, roots):
            p.dropped.append(k)
            p.result.notes.append(f"{shown(k)}: no longer on disk under the inputs, dropped from the store")
        elif prune:
            p.dropped.append(k)
            p.result.notes.append(f"{shown(k)}: not under the inputs, pruned")
    if not prune:  # reports ingested from other inputs stay as they are
        keep = set(outside)
        for key, size, mtime in previous.manifest.select("path", "size", "mtime_ns").iter_rows():
            if key in keep:
                p.entries.append(Entry(key, key, size, mtime))
        p.entries.sort(key=lambda e: e.key)
    _classify(p, special, unstattable)
    return p


def _corrections_stale(p: Plan, row: int) -> bool:
    """Whether the analyst corrections for a stored report changed since (ogi.store.corrections)."""
    stale = getattr(p.parse, "stale", None)
    return bool(stale is not None and stale(p.old_reports.row(row, named=True)))


def _entry_fp(p: Plan, e: Entry) -> str:
    """The parse fingerprint of one input: the run's, plus its sidecar row's (ogi.sources), so an
    edited sources.csv row re-reads the file it names."""
    from ogi import sources

    side = sources.fingerprint(e.path)
    return f"{p.parse_fp}:sidecar={side}" if side else p.parse_fp


def _classify(p: Plan, special: list[Failure], unstattable: list[tuple[str, str]]) -> None:
    """Split the entries into kept (unchanged since the manifest), known failures and files to parse."""
    old_by_path = {
        r[0]: r[1:]
        for r in p.old_manifest.select("path", "size", "mtime_ns", "sha256", "status", "parse_fp").iter_rows()
    }
    old_row_of = {sha: i for i, sha in enumerate(p.old_reports["sha256"])}
    old_fail = dict(p.old_failures.filter(pl.col("stage") == "read").select("path", "reason").iter_rows())
    inputs = {e.key for e in p.entries}
    keep_entries = []
    for e in p.entries:
        size, mtime_ns, sha, status, fp = old_by_path.get(e.key, (None, None, "", "", ""))
        same = size == e.size and mtime_ns == e.mtime_ns and fp == _entry_fp(p, e)
        if (
            same
            and status in ("ok", "duplicate")
            and sha in old_row_of
            and part_path(p.cache, sha).exists()
            and not _corrections_stale(p, old_row_of[sha])
        ):
            p.kept[e.key] = old_row_of[sha]
            p.shas[e.key] = sha
            p.text_shas[e.key] = p.old_text.get(e.key, "")
            p.result.skipped += 1
        elif same and status == "failed" and e.key in old_fail:
            p.failures[e.key] = ("read", old_fail[e.key], sha or None)
            p.shas[e.key] = sha
            p.result.skipped += 1
        elif e.key == e.path and not os.path.exists(e.path) and e.key not in inputs - {e.key}:
            p.dropped.append(e.key)  # kept from other inputs, but no longer readable and not reusable
            p.result.notes.append(f"{shown(e.key)}: no longer on disk, dropped from the store")
            continue
        else:
            p.to_parse.append(e)
        keep_entries.append(e)
    p.entries = keep_entries
    for f in special:
        p.failures[storable(f.path)] = ("read", f.reason, None)
        p.result.failed += 1
    for path, reason in unstattable:
        p.failures[storable(path)] = ("read", reason, None)
        p.result.failed += 1


def work(p: Plan, jobs: int, progress: bool) -> Work:
    """Parse what changed, drop duplicates, decide agency keys and previous years, run the checks."""
    from tqdm import tqdm

    result = p.result
    rows: dict[str, dict[str, Any]] = {}
    bar = tqdm(
        total=len(p.to_parse),
        unit="report",
        file=sys.stderr,
        disable=not progress or not p.to_parse,
        desc="ingest",
        leave=False,
    )
    key_of = {e.path: e.key for e in p.to_parse}
    tasks = [(e.path, str(p.cache), p.parse, p.run_checks, str(p.fcache)) for e in p.to_parse]
    parsed_spool.start(p.run_checks is not None and bool(tasks))  # before the workers are spawned
    for n, got in enumerate(_pool_map(_parse_task, tasks, jobs)):
        key = key_of[got.path]
        if got.row is not None:
            rows[key] = got.row
            result.read += 1
            if got.check_failed:
                p.failures[key] = ("check", got.check_failed, got.sha)
        else:
            p.failures[key] = ("read", got.reason or "unreadable", got.sha)
            result.failed += 1
        p.shas[key] = got.sha or ""
        p.text_shas[key] = got.text_sha
        bar.update(1)
        if n == 0:
            _checkpoint("parse")
    bar.close()
    id_of_path = _drop_duplicates(p, rows)
    reports = _reports_frame(p, rows)
    try:
        return _findings_and_frames(p, reports, id_of_path, jobs, len(tasks))
    finally:
        parsed_spool.finish()


def _drop_duplicates(p: Plan, rows: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The same content under two paths is stored once: same bytes, or the same text after decoding."""
    old_ids = p.old_reports["report_id"]
    id_of_path = {
        **{k: old_ids[i] for k, i in p.kept.items()},
        **{k: r["report_id"] for k, r in rows.items()},
    }
    first: dict[str, str] = {}
    # the path already stored as a report's source keeps it (a copy added later is the duplicate), then
    # sorted order: the source never moves between ingests
    stored_source = dict(zip(p.old_reports["report_id"], p.old_reports["source"], strict=True))
    for key in sorted(id_of_path, key=lambda k: (stored_source.get(id_of_path[k]) != k, k)):
        ident = p.text_shas.get(key) or id_of_path[key]
        other = first.get(ident) or first.get(id_of_path[key])
        if other is not None:
            p.failures[key] = ("duplicate", f"same content as {other}", p.shas.get(key) or None)
            rows.pop(key, None)
            p.kept.pop(key, None)
            del id_of_path[key]
        else:
            first[ident] = key
            first[id_of_path[key]] = key
    return id_of_path


def _reports_frame(p: Plan, rows: dict[str, dict[str, Any]]) -> pl.DataFrame:
    """Kept rows plus new rows, with agency keys decided over the whole store."""
    base_schema = {
        c: t
        for c, t in S.polars_schema("reports").items()
        if c not in ("agency_key", "n_findings", "previous_id")
    }
    kept_keys = sorted(p.kept)
    reports = pl.concat(
        [
            p.old_reports.select(list(base_schema))[[p.kept[k] for k in kept_keys]].with_columns(
                pl.Series("source", kept_keys, dtype=pl.String)
            ),
            pl.DataFrame(list(rows.values()), schema=base_schema),
        ],
        how="vertical",
    )
    keys = assign_keys(reports.select("report_id", "agency", "region").iter_rows())
    return reports.with_columns(
        pl.col("report_id").replace_strict(keys, default=None).alias("agency_key"),
        pl.lit(0).alias("n_findings"),
        pl.lit(None, pl.String).alias("previous_id"),
    )


def _check_chains(
    p: Plan, reports: pl.DataFrame, prev: dict[str, str], sha_of: dict[str, str], jobs: int
) -> None:
    """Compute the findings not cached yet, one agency's reports per task in year order."""
    assert p.run_checks is not None
    fs_path = {e.key: e.path for e in p.entries}
    key_of: dict[str, str] = dict(zip(reports["report_id"], reports["source"], strict=True))
    need = [
        rid
        for rid, sha in sha_of.items()
        if not findings_part_path(p.fcache, sha, sha_of.get(prev.get(rid, ""))).exists()
        and p.failures.get(key_of[rid], ("",))[0] != "check"
    ]
    chains: dict[str, list[ChainEntry]] = {}
    ordered = reports.filter(pl.col("report_id").is_in(need)).sort(
        "agency_key", "year", "report_id", nulls_last=True
    )
    for rid, akey in ordered.select("report_id", "agency_key").iter_rows():
        q = prev.get(rid)
        chains.setdefault(akey, []).append(
            (
                fs_path.get(key_of[rid], key_of[rid]),
                sha_of[rid],
                fs_path.get(key_of[q], key_of[q]) if q else None,
                sha_of[q] if q else None,
            )
        )
    key_of_fs = {v: k for k, v in fs_path.items()}
    chain_tasks = [(c, p.parse, p.run_checks, str(p.fcache)) for c in chains.values()]
    for results in _pool_map(_check_chain, chain_tasks, jobs):
        for path, reason in results:
            if reason is not None:
                key = key_of_fs.get(path, path)
                p.failures[key] = ("check", reason, p.shas.get(key))


def _findings_and_frames(
    p: Plan, reports: pl.DataFrame, id_of_path: dict[str, str], jobs: int, parsed: int
) -> Work:
    """Findings cached per (report, previous report, checks code): compute the missing ones by agency chain."""
    prev = _previous_ids(reports) if p.run_checks is not None else {}
    sha_of = dict(zip(reports["report_id"], reports["sha256"], strict=True))
    reports = reports.with_columns(
        pl.col("report_id").replace_strict(prev, default=None, return_dtype=pl.String).alias("previous_id")
    )
    reports = reports.with_columns(
        pl.col("previous_id")
        .replace_strict(sha_of, default=None, return_dtype=pl.String)
        .alias("finding_prev")
    )
    checks_key = {rid: f"{p.checks_fp}:{sha_of[prev[rid]] if rid in prev else 'none'}" for rid in sha_of}
    if p.run_checks is not None:
        _check_chains(p, reports, prev, sha_of, jobs)
    order = reports.sort("report_id").select("sha256", "finding_prev")
    live_findings = {findings_part_path(p.fcache, sha, q) for sha, q in order.iter_rows()}
    finding_parts = (
        [findings_part_path(p.fcache, sha, q) for sha, q in order.iter_rows()] if p.run_checks else []
    )
    finding_parts = [f for f in finding_parts if f.exists()]
    fact_parts = [part_path(p.cache, sha) for sha in order["sha256"]]
    reports = S.validate("reports", reports.drop("finding_prev"))
    fail_df = S.validate(
        "failures",
        pl.DataFrame(
            [{"path": k, "stage": s, "reason": r, "sha256": h} for k, (s, r, h) in p.failures.items()],
            schema=S.polars_schema("failures"),
        ),
    ).sort("path", "stage")
    manifest_rows = []
    for e in p.entries:
        rid = id_of_path.get(e.key)
        stage = p.failures.get(e.key, ("",))[0]
        manifest_rows.append(
            {
                "path": e.key,
                "size": e.size,
                "mtime_ns": e.mtime_ns,
                "sha256": p.shas.get(e.key) or "",
                "text_sha256": p.text_shas.get(e.key) or "",
                "status": "ok" if rid is not None else ("duplicate" if stage == "duplicate" else "failed"),
                "parse_fp": _entry_fp(p, e),
                "checks_key": checks_key.get(rid, "") if rid else "",
            }
        )
    manifest = S.validate("manifest", pl.DataFrame(manifest_rows, schema=S.polars_schema("manifest"))).sort(
        "path"
    )
    return Work(reports, fail_df, manifest, fact_parts, finding_parts, live_findings, parsed)


def _unchanged(p: Plan, w: Work) -> bool:
    """Equal manifest, reports and failures mean an equal store (the findings parts follow from the manifest)."""
    if w.parsed or p.dropped or G.current(p.store) is None:
        return False
    return (
        w.manifest.equals(p.old_manifest)
        and w.failures.equals(p.old_failures)
        and _reports_equal(w.reports, p.old_reports)
    )


def write(p: Plan, w: Work, jobs: int) -> IngestResult:
    """Write the new store as a new generation and publish it (or nothing, when nothing changed)."""
    result = p.result
    result.dropped = len(p.dropped)
    known_dup = set(  # duplicates noticed on an earlier ingest are not announced again
        p.old_manifest.filter(pl.col("status") == "duplicate").get_column("path").to_list()
        if p.old_manifest.height
        else []
    )
    result.failures = [
        InputFailure(k, s, r)
        for k, (s, r, _) in sorted(p.failures.items())
        if not (s == "duplicate" and k in known_dup)
    ]
    if _unchanged(p, w):
        gen = G.resolve(p.store)
        result.reports = p.old_reports.height
        result.facts = pl.scan_parquet(gen / "facts.parquet").select(pl.len()).collect().item()
        result.findings = pl.scan_parquet(gen / "findings.parquet").select(pl.len()).collect().item()
        return result
    tmp = G.new_folder(p.store)
    try:
        reports = w.reports
        jobs_: list[tuple[Path, str, Sequence[Path], pl.DataFrame]] = [
            (
                tmp / "facts.parquet",
                "facts",
                w.fact_parts,
                reports.select("report_id", "agency_key", "source", "agency", "year"),
            ),
            (
                tmp / "findings.parquet",
                "findings",
                w.finding_parts,
                reports.select("report_id", "agency_key", "year", "source"),
            ),
        ]
        fact_counts, n_findings = _write_parts(jobs_, in_child=jobs > 1 and reports.height >= 1000)
        result.facts = sum(fact_counts.values())
        reports = reports.with_columns(
            pl.col("report_id")
            .replace_strict(n_findings, default=0, return_dtype=pl.Int64)
            .alias("n_findings")
        )
        reports = S.validate("reports", reports).sort("agency_key", "year", "report_id", nulls_last=True)
        result.reports, result.findings = reports.height, sum(n_findings.values())
        S.write_parquet(reports, tmp / "reports.parquet")
        S.write_parquet(w.failures, tmp / "failures.parquet")
        S.write_parquet(w.manifest, tmp / MANIFEST)
        gen = G.seal(tmp)
    except BaseException:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _checkpoint("write")
    before = G.current(p.store)
    G.publish(p.store, gen)
    _checkpoint("switch")
    result.written = True
    G.collect(p.store, gen, before)
    _collect_garbage(p.store.root, p.cache, set(reports["sha256"]), p.fcache, w.live_findings)
    return result


def ingest(
    paths: Sequence[str | Path] = ("data/raw",),
    out: str | Path | Store = "data/processed",
    *,
    jobs: int | None = None,
    progress: bool = False,
    full: bool = False,
    prune: bool = False,
    yes: bool = False,
    wait: float | None = None,
    parse: ParseFn = parse_one,
    say: Callable[[str], None] | None = None,
) -> IngestResult:
    """Bring the store at `out` up to date with the report files under `paths`; see the module docstring.

    Inputs that do not exist raise InputMissing before the store is touched; one writer at a time holds
    the store's lock (`wait` seconds, None: as long as it takes); `say` receives notes meant for the user.
    `prune` on inputs that yield no report would empty the store: it refuses (UsageError) unless `yes`.
    """
    say = say or (lambda line: print(line, file=sys.stderr))
    missing = missing_inputs(paths)
    if missing:
        raise InputMissing(
            f"no such input: {', '.join(shown(m) or repr(m) for m in missing)} (the store is left as it is)"
        )
    shown_out = out.root if isinstance(out, Store) else out
    try:
        Path(shown_out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IngestError(
            f"{shown(shown_out)}: cannot create the store folder ({exc.strerror or exc})"
        ) from None
    store = Store.at(out)  # resolved once: every spelling of the folder is one store, one lock
    jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    try:
        with folder_lock(
            store.root,
            "ogi ingest",
            wait=wait,
            on_wait=lambda h: say(f"ogi ingest: {shown(shown_out)} is locked by {h}; waiting"),
        ):
            G.sweep(store)
            p = plan(paths, store, full=full, prune=prune, parse=parse, say=say)
            w = work(p, jobs, progress)
            if prune and not yes and w.reports.height == 0 and p.dropped:
                raise UsageError(
                    f"--prune: the inputs yield no report, so all {len(p.dropped)} inputs of the store would "
                    "be dropped; add --yes to empty it (nothing was changed)"
                )
            return write(p, w, jobs)
    except OSError as exc:  # disk full, read-only: one line naming the path and the errno
        raise DiskError(shown(exc.filename or shown_out), exc) from None


def _reports_equal(new: pl.DataFrame, old: pl.DataFrame) -> bool:
    """Whether the reports frame would be written unchanged (n_findings follows from the findings parts)."""
    cols = [c for c in new.columns if c != "n_findings"]
    if new.height != old.height or not set(cols) <= set(old.columns):
        return False
    return new.select(cols).sort("report_id").equals(old.select(cols).sort("report_id"))


def _collect_garbage(out: Path, cache: Path, live: set[str], fcache: Path, live_findings: set[Path]) -> None:
    """Remove cached parts no report refers to, and caches of other parser or checks versions."""
    import shutil

    for root, keep in ((out / CACHE, cache), (cache / "findings", fcache)):
        for d in root.iterdir() if root.exists() else ():
            if d != keep and d.is_dir() and d.name != "findings":
                shutil.rmtree(d, ignore_errors=True)
    for part in cache.glob("*/*.parquet") if cache.exists() else ():
        if part.stem not in live:
            with contextlib.suppress(OSError):
                part.unlink()
    for part in fcache.glob("*/*.parquet") if fcache.exists() else ():
        if part not in live_findings:
            with contextlib.suppress(OSError):
                part.unlink()
