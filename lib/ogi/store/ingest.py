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
import json
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

from ogi.batch import expand, parse_one
from ogi.errors import OgiError, ReadError
from ogi.facts import Report
from ogi.findings import SEVERITIES
from ogi.store import schema as S
from ogi.store.agency import assign_keys
from ogi.vocabulary import ORIGINS, SCOPES

STORE_VERSION = "1"
PART_GROUP = 16  # cached parts read per scan when streaming them into a frame
CACHE = "_cache"
MANIFEST = "manifest.parquet"
#: the code that turns bytes into a Report: a change here re-parses everything
_FP_PARTS = (
    "readers",
    "parse",
    "__init__.py",
    "batch.py",
    "document.py",
    "errors.py",
    "facts.py",
    "text.py",
    "vocabulary.py",
)

ParseFn = Callable[[str], Report]


class IngestError(OgiError):
    """The store folder itself cannot be written (not a problem with one input)."""


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
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) of inputs not stored

    def summary(self, out: str | Path) -> str:
        return (
            f"ogi ingest: {self.read} read, {self.skipped} skipped, {self.failed} failed, {self.dropped} dropped"
            f" → {out} ({self.reports} reports, {self.facts} facts, {self.findings} findings)"
        )


# --------------------------------------------------------------------------------------------- fingerprints


def _tree_hash(root: Path, only: Sequence[str] = ()) -> str:
    """Hash of the .py files under `root` (or of `root` itself), limited to the top-level names in `only`."""
    h = hashlib.sha256()
    if root.is_file():
        files = [root]
    else:
        files = sorted(
            p
            for p in root.rglob("*.py")
            if "__pycache__" not in p.parts and (not only or p.relative_to(root).parts[0] in only)
        )
    for p in files:
        h.update(str(p.relative_to(root.parent)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def parse_fingerprint() -> str:
    """Hash of the code that turns bytes into facts (readers, parse, model, vocabulary) and of this store's layout."""
    import ogi

    root = Path(ogi.__file__).parent
    return hashlib.sha256(f"{STORE_VERSION}:{_tree_hash(root, _FP_PARTS)}".encode()).hexdigest()[:16]


def _load_checks() -> tuple[Callable[..., Any] | None, str]:
    """ogi.checks.run_checks and a fingerprint of the checks code; (None, 'none') while it is missing or unfinished."""
    try:
        import ogi.checks as checks
        from ogi.checks import run_checks
    except ImportError:
        return None, "none"
    import ogi

    h = hashlib.sha256()
    for loc in [*(getattr(checks, "__path__", None) or []), *([checks.__file__] if checks.__file__ else [])]:
        h.update(_tree_hash(Path(loc)).encode())
    findings_py = Path(ogi.__file__).parent / "findings.py"
    h.update(findings_py.read_bytes() if findings_py.exists() else b"")
    return run_checks, h.hexdigest()[:16]


def _checkpoint(stage: str) -> None:
    """Crash here when OGI_INGEST_CRASH_AT names this stage (lets tests kill a run midway, for real)."""
    if os.environ.get("OGI_INGEST_CRASH_AT") == stage:
        sys.stderr.flush()
        os._exit(137)


# --------------------------------------------------------------------------------------------- parse stage


def _canonical_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def facts_part(report: Report) -> pl.DataFrame:
    """The report's facts as the cached part frame (content-derived columns only, dims flattened)."""
    cols: dict[str, list[Any]] = {c: [] for c in S.FACT_PART_COLUMNS}
    for seq, f in enumerate(report.facts):
        if f.scope not in SCOPES or f.origin not in ORIGINS or not f.metric:
            raise ValueError(
                f"fact {seq} (line {f.line}): metric {f.metric!r}, scope {f.scope!r}, "
                f"origin {f.origin!r} are not in the vocabulary"
            )
        dims = {str(k): str(v) for k, v in f.dims.items()}
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
        cols["dims_json"].append(_canonical_json(dims))
        for key in S.DIM_KEYS:
            cols[f"dim_{key}"].append(dims.get(key))
    # dtypes are enforced here (strict construction) and the rules above; the full dataframely
    # validation runs on the consolidated facts in batches, where it costs little per row
    return pl.DataFrame(cols, schema=S.polars_schema("fact_part"), strict=True)


def report_row(report: Report, sha: str) -> dict[str, Any]:
    """The report's row for the reports frame, less what is decided over the whole store."""
    return {
        "report_id": report.report_id,
        "source": report.source,
        "sha256": sha,
        "agency": report.agency,
        "region": report.region,
        "year": report.year,
        "template": report.template or "narrative",
        "published": report.published,
        "doc_number": report.doc_number,
        "signer": report.signer,
        "title": report.title,
        "kind": report.kind,
        "encoding": report.encoding,
        "truncated": bool(report.truncated),
        "line_count": int(report.line_count),
        "n_facts": len(report.facts),
        "n_blanks": len(report.blanks),
        "problems": [str(p) for p in report.problems],
    }


def _sha_of(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
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
                _canonical_json(d.get("evidence", [])),
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
        S.write_parquet(part, tmp)
        os.replace(tmp, target)
    except Exception as exc:  # a rule bug must cost this report's findings only
        return f"checks failed ({type(exc).__name__}: {exc})"[:300]
    return None


ParseResult = tuple[str, dict[str, Any] | None, str | None, str | None, str | None]


def _parse_task(args: tuple[str, str, ParseFn, Callable[..., Any] | None, str]) -> ParseResult:
    """Worker: parse one file, cache its facts, and cache its findings checked without a previous report.

    Returns (path, report row | None, failure reason | None, sha, check failure reason | None).
    """
    path, cache, parse, run_checks, fcache = args
    try:
        report = parse(path)
    except ReadError as exc:
        return path, None, exc.reason, _sha_of(path), None
    except OgiError as exc:
        return path, None, str(exc), _sha_of(path), None
    except MemoryError:
        return path, None, "out of memory while parsing", _sha_of(path), None
    except Exception as exc:  # an injected or buggy parser must not stop the batch
        return path, None, f"internal error ({type(exc).__name__}: {exc})"[:300], _sha_of(path), None
    sha = (report.doc.content_hash if report.doc is not None else "") or _sha_of(path) or report.report_id
    checked = (
        _check_one(run_checks, report, None, Path(fcache), sha, None) if run_checks is not None else None
    )
    report.doc = None  # free the document before building frames
    try:
        target = part_path(Path(cache), sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        S.write_parquet(facts_part(report), tmp)
        os.replace(tmp, target)
    except (pl.exceptions.PolarsError, dy.exc.ValidationError, TypeError, ValueError) as exc:
        return path, None, f"facts do not fit the store schema ({type(exc).__name__}: {exc})"[:300], sha, None
    return path, report_row(report, sha), None, sha, checked


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

    def get(path: str) -> Report:
        return kept[path] if path in kept else parse(path)

    for path, sha, prev_path, prev_sha in chain:
        try:
            report = get(path)
            previous = get(prev_path) if prev_path else None
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
        with _child_env(), ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            yield from pool.map(fn, tasks, chunksize=max(1, min(32, len(tasks) // (jobs * 8))))
    except BrokenProcessPool:
        raise IngestError(
            "a parser process died (out of memory?); the store is unchanged: try again with --jobs 1"
        ) from None


# --------------------------------------------------------------------------------------------- store I/O


def _read_frame(out: Path, name: str, schema_name: str | None = None) -> pl.DataFrame:
    """A frame of the previous store, or an empty one when it is missing or unreadable (→ rebuilt)."""
    path = out / (f"{name}.parquet" if name != "manifest" else MANIFEST)
    try:
        return S.validate(schema_name or name, pl.read_parquet(path))
    except Exception:
        return S.empty(schema_name or name)


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
            with _child_env(), ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
                out.append(pool.submit(_stream_parts, *job).result())
        return out
    except BrokenProcessPool:
        raise IngestError(
            "the process writing the store died (out of memory?); the store is unchanged"
        ) from None


# --------------------------------------------------------------------------------------------- the run


@dataclass(slots=True)
class _Entry:
    path: str
    size: int
    mtime_ns: int


def _stat(files: Iterable[str]) -> tuple[list[_Entry], list[tuple[str, str]]]:
    entries: list[_Entry] = []
    bad: list[tuple[str, str]] = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError as exc:
            bad.append((f, f"cannot read ({exc.strerror or exc})"))
            continue
        entries.append(_Entry(f, st.st_size, st.st_mtime_ns))
    return entries, bad


def _previous_ids(reports: pl.DataFrame) -> dict[str, str]:
    """report_id → the report_id of the same agency's report for the year before (when the store has it)."""
    canon = canonical(reports.lazy()).collect()
    by_key = {(k, y): r for k, y, r in canon.select("agency_key", "year", "report_id").iter_rows()}
    out: dict[str, str] = {}
    for rid, key, year in reports.select("report_id", "agency_key", "year").iter_rows():
        if year is not None and (key, year - 1) in by_key:
            out[rid] = by_key[(key, year - 1)]
    return out


def canonical(reports: pl.LazyFrame) -> pl.LazyFrame:
    """One report per (agency_key, year): the one with most facts, then latest published, then source."""
    return (
        reports.filter(pl.col("year").is_not_null())
        .sort(
            ["agency_key", "year", "n_facts", "published", "source"],
            descending=[False, False, True, True, False],
            nulls_last=True,
        )
        .unique(["agency_key", "year"], keep="first", maintain_order=True)
    )


def ingest(
    paths: Sequence[str | Path] = ("data/raw",),
    out: str | Path = "data/processed",
    *,
    jobs: int | None = None,
    progress: bool = False,
    full: bool = False,
    parse: ParseFn = parse_one,
) -> IngestResult:
    """Bring the store at `out` up to date with the report files under `paths`; see the module docstring."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IngestError(f"{out}: cannot create the store folder ({exc.strerror or exc})") from None
    for stale in out.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    parse_fp = parse_fingerprint() + (
        "" if parse is parse_one else f":{getattr(parse, '__qualname__', 'custom')}"
    )
    cache = out / CACHE / hashlib.sha256(parse_fp.encode()).hexdigest()[:16]
    run_checks, checks_fp = _load_checks()

    files, missing = expand([str(p) for p in paths])
    entries, unstattable = _stat(files)
    old_manifest = _read_frame(out, "manifest")
    old_reports = _read_frame(out, "reports")
    old_failures = _read_frame(out, "failures")
    if full:
        old_manifest = S.empty("manifest")
    # plain tuples and row numbers, not dicts per row: this process stays small on large stores
    old_by_path = {
        r[0]: r[1:]
        for r in old_manifest.select("path", "size", "mtime_ns", "sha256", "status", "parse_fp").iter_rows()
    }
    old_row_of = {sha: i for i, sha in enumerate(old_reports["sha256"])}
    old_fail = dict(old_failures.filter(pl.col("stage") == "read").select("path", "reason").iter_rows())

    result = IngestResult()
    rows: dict[str, dict[str, Any]] = {}  # path → report row, for the files parsed now
    kept: dict[str, int] = {}  # path → row of the previous reports frame, for the files skipped
    failures: dict[str, tuple[str, str, str | None]] = {}  # path → (stage, reason, sha)
    shas: dict[str, str] = {}
    to_parse: list[str] = []
    for e in entries:
        size, mtime_ns, sha, status, fp = old_by_path.get(e.path, (None, None, "", "", ""))
        same = size == e.size and mtime_ns == e.mtime_ns and fp == parse_fp
        if same and status in ("ok", "duplicate") and sha in old_row_of and part_path(cache, sha).exists():
            kept[e.path] = old_row_of[sha]
            shas[e.path] = sha
            result.skipped += 1
        elif same and status == "failed" and e.path in old_fail:
            failures[e.path] = ("read", old_fail[e.path], sha or None)
            shas[e.path] = sha
            result.skipped += 1
        else:
            to_parse.append(e.path)
    for path, reason in [*((f.path, f.reason) for f in missing), *unstattable]:
        failures[path] = ("read", reason, None)
        result.failed += 1

    from tqdm import tqdm

    bar = tqdm(
        total=len(to_parse),
        unit="report",
        file=sys.stderr,
        disable=not progress or not to_parse,
        desc="ingest",
        leave=False,
    )
    fcache = cache / "findings" / checks_fp
    tasks = [(p, str(cache), parse, run_checks, str(fcache)) for p in to_parse]
    for n, (path, row, reason, sha, check_failed) in enumerate(_pool_map(_parse_task, tasks, jobs)):
        if row is not None:
            rows[path] = row
            result.read += 1
            if check_failed:
                failures[path] = ("check", check_failed, sha)
        else:
            failures[path] = ("read", reason or "unreadable", sha)
            result.failed += 1
        shas[path] = sha or ""
        bar.update(1)
        if n == 0:
            _checkpoint("parse")
    bar.close()

    # the same content under two paths is stored once
    old_ids = old_reports["report_id"]
    id_of_path = {**{p: old_ids[i] for p, i in kept.items()}, **{p: r["report_id"] for p, r in rows.items()}}
    by_id: dict[str, str] = {}
    # the path already stored as a report's source keeps it (a copy added later is the duplicate), then
    # sorted order: the source never moves between ingests
    stored_source = dict(zip(old_reports["report_id"], old_reports["source"], strict=True))
    for path in sorted(id_of_path, key=lambda p: (stored_source.get(id_of_path[p]) != p, p)):
        rid = id_of_path[path]
        if rid in by_id:
            failures[path] = ("duplicate", f"same content as {by_id[rid]}", shas.get(path) or None)
            rows.pop(path, None)
            kept.pop(path, None)
            del id_of_path[path]
        else:
            by_id[rid] = path

    base_schema = {
        c: t
        for c, t in S.polars_schema("reports").items()
        if c not in ("agency_key", "n_findings", "previous_id")
    }
    kept_paths = sorted(kept)
    reports = pl.concat(
        [
            old_reports.select(list(base_schema))[[kept[p] for p in kept_paths]].with_columns(
                pl.Series("source", kept_paths, dtype=pl.String)
            ),
            pl.DataFrame(list(rows.values()), schema=base_schema),
        ],
        how="vertical",
    )
    keys = assign_keys(reports.select("report_id", "agency", "region").iter_rows())
    reports = reports.with_columns(
        pl.col("report_id").replace_strict(keys, default=None).alias("agency_key"),
        pl.lit(0).alias("n_findings"),
        pl.lit(None, pl.String).alias("previous_id"),
    )
    prev = _previous_ids(reports) if run_checks is not None else {}
    sha_of = dict(zip(reports["report_id"], reports["sha256"], strict=True))
    reports = reports.with_columns(
        pl.col("report_id").replace_strict(prev, default=None, return_dtype=pl.String).alias("previous_id")
    )
    reports = reports.with_columns(
        pl.col("previous_id")
        .replace_strict(sha_of, default=None, return_dtype=pl.String)
        .alias("finding_prev")
    )

    # findings: cached per (report, previous report, checks code); compute the missing ones by agency chain
    checks_key = {rid: f"{checks_fp}:{sha_of[prev[rid]] if rid in prev else 'none'}" for rid in sha_of}
    if run_checks is not None:
        path_of = dict(zip(reports["report_id"], reports["source"], strict=True))
        id_of = {v: k for k, v in path_of.items()}
        need = [
            rid
            for rid, sha in sha_of.items()
            if not findings_part_path(fcache, sha, sha_of.get(prev.get(rid, ""))).exists()
            and failures.get(path_of[rid], ("",))[0] != "check"
        ]
        chains: dict[str, list[ChainEntry]] = {}
        ordered = reports.filter(pl.col("report_id").is_in(need)).sort(
            "agency_key", "year", "report_id", nulls_last=True
        )
        for rid, key in ordered.select("report_id", "agency_key").iter_rows():
            p = prev.get(rid)
            chains.setdefault(key, []).append(
                (path_of[rid], sha_of[rid], path_of[p] if p else None, sha_of[p] if p else None)
            )
        chain_tasks = [(c, parse, run_checks, str(fcache)) for c in chains.values()]
        for results in _pool_map(_check_chain, chain_tasks, jobs):
            for path, reason in results:
                if reason is not None:
                    failures[path] = ("check", reason, sha_of[id_of[path]])
    order = reports.sort("report_id").select("sha256", "finding_prev")
    live_findings = {findings_part_path(fcache, sha, p) for sha, p in order.iter_rows()}
    finding_parts = [findings_part_path(fcache, sha, p) for sha, p in order.iter_rows()] if run_checks else []
    finding_parts = [p for p in finding_parts if p.exists()]
    fact_parts = [part_path(cache, sha) for sha in order["sha256"]]
    reports = S.validate("reports", reports.drop("finding_prev"))

    fail_df = S.validate(
        "failures",
        pl.DataFrame(
            [{"path": p, "stage": s, "reason": r, "sha256": h} for p, (s, r, h) in failures.items()],
            schema=S.polars_schema("failures"),
        ),
    ).sort("path", "stage")
    entry_of = {e.path: e for e in entries}
    manifest_rows = []
    for e in entries:
        rid = id_of_path.get(e.path)
        stage = failures.get(e.path, ("",))[0]
        status = "ok" if rid is not None else ("duplicate" if stage == "duplicate" else "failed")
        manifest_rows.append(
            {
                "path": e.path,
                "size": entry_of[e.path].size,
                "mtime_ns": entry_of[e.path].mtime_ns,
                "sha256": shas.get(e.path) or "",
                "status": status,
                "parse_fp": parse_fp,
                "checks_key": checks_key.get(rid, "") if rid else "",
            }
        )
    manifest = S.validate("manifest", pl.DataFrame(manifest_rows, schema=S.polars_schema("manifest"))).sort(
        "path"
    )
    result.dropped = len(set(old_by_path) - set(entry_of))

    known_dup = {p for p, v in old_by_path.items() if v[3] == "duplicate"}  # noticed on an earlier ingest
    result.failures = [
        (p, f"{s}: {r}" if s != "read" else r)
        for p, (s, r, _) in sorted(failures.items())
        if not (s == "duplicate" and p in known_dup)
    ]
    # the findings parts follow from the manifest (content hash, previous report, checks version): equal
    # manifest, reports and failures mean an equal store, and nothing is rewritten
    unchanged = (
        not to_parse
        and result.dropped == 0
        and manifest.equals(old_manifest)
        and fail_df.equals(old_failures)
        and all((out / f"{n}.parquet").exists() for n in S.FRAMES)
        and _reports_equal(reports, old_reports)
    )
    if unchanged:
        result.reports = old_reports.height
        result.facts = pl.scan_parquet(out / "facts.parquet").select(pl.len()).collect().item()
        result.findings = pl.scan_parquet(out / "findings.parquet").select(pl.len()).collect().item()
        return result

    # write everything to temp files, then rename into place (manifest last)
    tmp = {name: out / f".{name}.parquet.{os.getpid()}.tmp" for name in (*S.FRAMES, "manifest")}
    try:
        jobs_ = [
            (
                tmp["facts"],
                "facts",
                fact_parts,
                reports.select("report_id", "agency_key", "source", "agency", "year"),
            ),
            (
                tmp["findings"],
                "findings",
                finding_parts,
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
        S.write_parquet(reports, tmp["reports"])
        S.write_parquet(fail_df, tmp["failures"])
        S.write_parquet(manifest, tmp["manifest"])
        for t in tmp.values():
            with open(t, "rb") as fh:
                os.fsync(fh.fileno())
        _checkpoint("write")
        for name in ("facts", "findings", "failures", "reports"):
            os.replace(tmp[name], out / f"{name}.parquet")
            _checkpoint(f"rename-{name}")
        os.replace(tmp["manifest"], out / MANIFEST)
    except BaseException:
        for t in tmp.values():
            with contextlib.suppress(OSError):
                t.unlink()
        raise
    result.written = True
    _collect_garbage(out, cache, set(reports["sha256"]), fcache, live_findings)
    return result


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
