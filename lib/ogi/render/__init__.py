"""Briefs: parameterised notebooks run with papermill, exported to offline HTML, plus an index page.

Import the pieces you need (`ogi.render.brief` in notebooks, `ogi.render.runner` for batches); this
package module stays light so that `import ogi.render` does not start Altair or nbconvert.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_index", "render_all", "render_brief", "slugify"]


def __getattr__(name: str) -> Any:
    if name in ("render_brief", "render_all"):
        from ogi.render import runner

        return getattr(runner, name)
    if name == "build_index":
        from ogi.render.index import build_index

        return build_index
    if name == "slugify":
        from ogi.render.slug import slugify

        return slugify
    raise AttributeError(name)
