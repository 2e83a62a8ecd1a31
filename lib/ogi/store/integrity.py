"""Store integrity: each frame's SHA-256 and size kept in `store.json`, checked when the store is opened.

A damaged or missing frame is one StoreDamaged line naming the file and the repair (`ogi ingest --full`),
never silently different figures. Generations are immutable, so a generation is verified once per process.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ogi.errors import StoreDamaged

CHECKSUMS = "store.json"
FORMAT = 1
REPAIR = "repair: ogi ingest --full"
_verified: set[tuple[str, int]] = set()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def describe(folder: Path, names: list[str]) -> dict[str, Any]:
    """The checksum record of the files `names` in `folder` (what `store.json` holds)."""
    return {
        "format": FORMAT,
        "frames": {
            n: {"bytes": (folder / n).stat().st_size, "sha256": file_sha256(folder / n)} for n in names
        },
    }


def write_checksums(folder: Path, names: list[str]) -> Path:
    """Write `store.json` for the frame files `names` of a generation folder (not yet published)."""
    path = folder / CHECKSUMS
    text = json.dumps(describe(folder, names), sort_keys=True, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def verify(folder: Path, *, cached: bool = True) -> None:
    """Raise StoreDamaged unless every frame listed in `folder/store.json` is there with its checksum."""
    record = folder / CHECKSUMS
    try:
        st = record.stat()
        key = (str(record.resolve()), st.st_mtime_ns)
        if cached and key in _verified:
            return
        data = json.loads(record.read_text(encoding="utf-8"))
        frames = data["frames"]
        if data.get("format") != FORMAT or not isinstance(frames, dict):
            raise ValueError("unknown format")
    except FileNotFoundError:
        raise StoreDamaged(f"{record}: missing (the store's checksums); {REPAIR}") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreDamaged(f"{record}: unreadable ({exc}); {REPAIR}") from None
    for name, want in sorted(frames.items()):
        path = folder / name
        try:
            size = path.stat().st_size
            if size != want["bytes"]:
                raise StoreDamaged(f"{path}: damaged ({size} bytes, {want['bytes']} expected); {REPAIR}")
            if file_sha256(path) != want["sha256"]:
                raise StoreDamaged(f"{path}: damaged (checksum mismatch); {REPAIR}")
        except FileNotFoundError:
            raise StoreDamaged(f"{path}: missing; {REPAIR}") from None
        except OSError as exc:
            raise StoreDamaged(f"{path}: unreadable ({exc.strerror or exc}); {REPAIR}") from None
        except (KeyError, TypeError):
            raise StoreDamaged(f"{record}: unreadable entry for {name}; {REPAIR}") from None
    _verified.add(key)


def intact(folder: Path, name: str) -> bool:
    """Whether the frame file `name` of `folder` is there with the checksum `store.json` records for it
    (the rest of the generation may be damaged: this says which frame can still be trusted)."""
    try:
        want = json.loads((folder / CHECKSUMS).read_text(encoding="utf-8"))["frames"][name]
        path = folder / name
        return bool(path.stat().st_size == want["bytes"] and file_sha256(path) == want["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
