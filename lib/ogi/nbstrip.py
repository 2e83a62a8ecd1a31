"""Committed notebooks stay without outputs: what nbstripout does, keeping the `# NBVAL_CHECK_OUTPUT`
cells' expected outputs (the notebook tests compare a run against them).

Used three ways: JupyterLab strips on every save (`make lab` loads `scripts/jupyter_server_config.py`,
whose pre-save hook calls `strip`), the pre-commit hook (`.pre-commit-config.yaml`) and by hand:
`python -m ogi.nbstrip notebooks/*.ipynb`.
"""

from __future__ import annotations

import sys
from typing import Any

CHECKED = "# NBVAL_CHECK_OUTPUT"
KEEP_METADATA = ("kernelspec", "language_info")


def strip(nb: dict[str, Any]) -> dict[str, Any]:
    """`nb` (a notebook as JSON, changed in place and returned) without outputs, execution counts, run
    metadata (papermill, widgets, timings) or cell metadata other than tags; checked cells keep theirs."""
    nb["metadata"] = {k: v for k, v in nb.get("metadata", {}).items() if k in KEEP_METADATA}
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags is not None else {}
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        if CHECKED in source:
            cell["outputs"] = [o for o in cell.get("outputs", []) if o.get("output_type") == "stream"]
            cell["execution_count"] = 1 if cell["outputs"] else None
            continue
        cell["outputs"] = []
        cell["execution_count"] = None
    return nb


def jupyter_pre_save(model: dict[str, Any], **_: Any) -> None:
    """JupyterLab's ContentsManager.pre_save_hook: strip a notebook before it is written."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        strip(model["content"])


def main(paths: list[str]) -> int:
    """Strip each notebook file in place (atomically); exit 1 when one changed (so pre-commit shows it)."""
    import json
    from pathlib import Path

    from ogi.atomic import write_text

    changed = 0
    for name in paths:
        path = Path(name)
        try:
            before = path.read_text(encoding="utf-8")
            nb = json.loads(before)
        except (OSError, ValueError) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            changed += 1
            continue
        after = json.dumps(strip(nb), ensure_ascii=False, indent=1) + "\n"
        if after != before:
            write_text(path, after)
            print(f"stripped {name}")
            changed += 1
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
