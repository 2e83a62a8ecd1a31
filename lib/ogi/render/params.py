"""Notebook parameters: a papermill translator that writes Chinese readably, and store/repo lookup.

papermill's stock Python translator writes `"\\u6885\\u5cad"` for Chinese strings; analysts open the
executed notebooks, so the injected cell should say `"梅岭街道办事处"`.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_STORE = "data/processed"
STORE_ENV = "OGI_STORE"


def register_translator() -> None:
    """Make papermill write Python parameters as literals with non-ASCII text left as is (idempotent).

    papermill is imported here, not at module level: kernels import this module and must not pay ~0.4 s.
    """
    from papermill.translators import PythonTranslator, papermill_translators

    class ReadableTranslator(PythonTranslator):
        @classmethod
        def translate_str(cls, val: str) -> str:
            return repr(val)

        @classmethod
        def translate_escaped_str(cls, str_val: object) -> str:
            return repr(str_val) if isinstance(str_val, str) else f'"{str_val}"'

    if not getattr(papermill_translators._translators.get("python"), "ogi_readable", False):
        ReadableTranslator.ogi_readable = True
        papermill_translators.register("python", ReadableTranslator)


def repo_root() -> Path:
    """The checkout root (the folder holding pyproject.toml above this package), else the cwd."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "lib" / "ogi").is_dir():
            return parent
    return Path.cwd()


def resolve_store(store: str | os.PathLike[str] | None) -> Path:
    """The store folder a notebook reads: OGI_STORE overrides the default; relative paths try cwd then repo."""
    value = os.fspath(store) if store else DEFAULT_STORE
    if value == DEFAULT_STORE and os.environ.get(STORE_ENV):
        value = os.environ[STORE_ENV]
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists():
        return path
    return repo_root() / path
