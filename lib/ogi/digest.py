"""One digest of the code a cached result depends on: every file of the ogi package, Python, the libraries.

Incremental ingests (the parse cache) and renders (the brief manifest) key their caches on it, so a
change anywhere in the package (a vocabulary label, the headline arithmetic, an HTML template string)
or an upgrade of any library ogi runs on invalidates them. The file list is computed by walking the
package and the library list from ogi's declared requirements, so neither can fall behind the code.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["code_digest", "library_versions", "package_files", "package_root", "sha"]

_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = {".pyc", ".pyo"}


def sha(*parts: bytes | str) -> str:
    """SHA-256 hex of the parts, each length-prefixed (so ("ab", "c") and ("a", "bc") differ)."""
    h = hashlib.sha256()
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def package_root() -> Path:
    """The folder of the ogi package this process imported."""
    return Path(__file__).resolve().parent


def package_files(root: Path | None = None) -> list[Path]:
    """Every file of the package (sources and package data), sorted by relative path; caches left out."""
    base = root or package_root()
    files = [
        p
        for p in base.rglob("*")
        if p.is_file()
        and p.suffix not in _SKIP_SUFFIXES
        and not _SKIP_DIRS.intersection(p.relative_to(base).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(base).as_posix())


def source_digest(root: Path | None = None) -> str:
    """Digest of every package file's relative path and bytes."""
    base = root or package_root()
    parts: list[bytes | str] = []
    for p in package_files(base):
        parts += [p.relative_to(base).as_posix(), p.read_bytes()]
    return sha(*parts)


_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> list[str]:
    """ogi's own runtime requirements: from the checkout's pyproject.toml, else the installed metadata."""
    for parent in package_root().parents:
        pyproject = parent / "pyproject.toml"
        if pyproject.is_file() and (parent / "lib" / "ogi").is_dir():
            import tomllib

            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
                return [str(r) for r in data.get("project", {}).get("dependencies", [])]
            except (OSError, ValueError):
                break
    try:
        return [r for r in metadata.requires("ogi") or [] if not _EXTRA.search(r)]
    except metadata.PackageNotFoundError:
        return []


@lru_cache(maxsize=1)
def library_versions() -> tuple[str, ...]:
    """`name==version` of every installed distribution ogi needs at run time: its declared requirements
    and, transitively, theirs (with the extras asked for); `name==?` for one that is not installed."""
    seen: dict[str, str] = {}
    todo: list[tuple[str, frozenset[str]]] = []

    def want(spec: str, parent_extras: frozenset[str] = frozenset()) -> None:
        m = _NAME.match(spec)
        if not m:
            return
        marker = spec.partition(";")[2]
        extra = _EXTRA.search(marker)
        if extra and _norm(extra.group(1)) not in parent_extras:
            return
        extras = frozenset(_norm(x) for x in (m.group(2) or "").split(",") if x.strip())
        todo.append((_norm(m.group(1)), extras))

    for spec in _declared():
        want(spec)
    expanded: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in expanded:
            continue
        expanded.add((name, extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            seen.setdefault(name, "?")
            continue
        seen[name] = dist.version
        for spec in dist.requires or []:
            want(spec, extras)
    return tuple(f"{n}=={v}" for n, v in sorted(seen.items()))


def code_digest(root: Path | None = None) -> str:
    """The package files, the Python version and the library versions, as one hex digest."""
    return sha(source_digest(root), "python", sys.version, "libraries", *library_versions())
