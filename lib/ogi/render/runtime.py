"""The Vega/Vega-Lite/Vega-Embed runtime the briefs draw their charts with, inlined or as the site's one file.

Kept apart from export.py (nbconvert, nbformat and jsonschema take seconds to import) so that a
render whose briefs are all unchanged can find the site's runtime without loading them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from pathlib import Path

CACHE_ENV = "OGI_CACHE_DIR"  # where a made bundle is kept between runs (default ~/.cache/ogi)


_BUNDLE_FORMAT = "1"  # bump when _make_runtime changes what it makes of vl-convert's bundle


def _cache_file() -> Path:
    """The per-user cache file of the bundle the installed libraries make (named by their versions)."""
    base = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "ogi"
    )
    key = hashlib.sha256(f"{_runtime_versions()}|{_BUNDLE_FORMAT}".encode()).hexdigest()[:16]
    return Path(base) / f"vega-runtime-{key}.js"


def _digest(js: str) -> str:
    return hashlib.sha256(js.encode("utf-8")).hexdigest()


@functools.cache
def vega_runtime() -> str:
    """Vega, Vega-Lite and Vega-Embed as one inline script (~0.9 MB). Making it takes vl-convert ~1-2 s,
    so it is made once per library versions and user, and kept in the cache folder (CACHE_ENV) with its
    SHA-256 beside it: a cached copy that is empty, cut short or changed is made again. A cache that
    cannot be read or written only costs the time."""
    from ogi.atomic import write_text

    cached = _cache_file()
    stamp = cached.with_suffix(".sha256")
    try:
        js = cached.read_text(encoding="utf-8")
        if js and stamp.read_text(encoding="utf-8").strip() == _digest(js):
            return js
    except (OSError, UnicodeDecodeError):
        pass
    js = _make_runtime()
    try:
        write_text(cached, js)
        write_text(stamp, _digest(js) + "\n")  # after the bundle: a stamp never vouches for a missing one
    except OSError:
        pass
    return js


def _make_runtime() -> str:
    """The bundle from vl-convert, escaped for a <script> element."""
    import altair as alt
    import vl_convert as vlc

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    try:
        js = vlc.javascript_bundle(vl_version=f"v{version}")  # type: ignore[call-arg]  # snippet is optional
    except Exception:  # this vl-convert lacks Altair's exact minor version: its newest is compatible
        js = vlc.javascript_bundle()  # type: ignore[call-arg]
    # nothing in the bundle may close or confuse the <script> element that holds it
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")


RUNTIME_DIR = "_static"
_RUNTIME_MEMO = ".runtime.json"  # in RUNTIME_DIR: library versions -> the file their bundle was written to


def _runtime_versions() -> str:
    """What the bundle depends on (read from package metadata: cheap, no import of the libraries)."""
    from importlib import metadata

    return "|".join(f"{d}=={metadata.version(d)}" for d in ("vl-convert-python", "altair"))


def write_runtime(site: str | os.PathLike[str]) -> Path:
    """The site's one copy of the Vega runtime, `_static/vega-<sha256[:16]>.js`, written if missing.

    The name is the content's hash, so a new bundle never overwrites one that older briefs load. A
    memo in `_static` maps the library versions to the file, so a site whose runtime is in place
    does not rebuild the bundle (~2 s) to learn its name; an existing file is never rewritten.
    """
    from ogi.atomic import write_text
    from ogi.render.keep import write_text_if_changed

    static = Path(site) / RUNTIME_DIR
    memo_path = static / _RUNTIME_MEMO
    versions = _runtime_versions()
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        known = static / str(memo.get(versions, ""))
        # the file named in the memo, if its content is still what its name says (not cut short)
        if memo.get(versions) and known.is_file() and known.name == _runtime_name(known.read_text("utf-8")):
            return known
    except (OSError, ValueError, AttributeError, UnicodeDecodeError):
        memo = {}
    js = vega_runtime()
    path = static / _runtime_name(js)
    if not (path.is_file() and path.read_text(encoding="utf-8") == js):
        write_text(path, js)
        path.chmod(0o644)
    memo = {**(memo if isinstance(memo, dict) else {}), versions: path.name}
    write_text_if_changed(memo_path, json.dumps(dict(sorted(memo.items())), indent=1) + "\n")
    return path


def _runtime_name(js: str) -> str:
    """The site file name of a bundle: its content's hash."""
    return f"vega-{_digest(js)[:16]}.js"


def runtime_src(runtime: str | os.PathLike[str], page: str | os.PathLike[str]) -> str:
    """The relative URL by which the HTML file `page` loads the runtime file `runtime`."""
    rel = os.path.relpath(Path(runtime).resolve(), Path(page).resolve().parent)
    return Path(rel).as_posix()


__all__ = ["RUNTIME_DIR", "runtime_src", "vega_runtime", "write_runtime"]
