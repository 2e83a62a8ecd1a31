"""File-name slugs for agencies: readable (Chinese kept), filesystem-safe and stable across runs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_UNSAFE = re.compile(r"[^\w\u3400-\u9fff]+", re.UNICODE)


def slugify(name: str, max_len: int = 60) -> str:
    """`name` as a path segment: NFKC, lower case, runs of anything but letters/digits/CJK become '-'."""
    text = unicodedata.normalize("NFKC", name or "").strip().lower()
    slug = _UNSAFE.sub("-", text).strip("-_")[:max_len].strip("-_")
    if not slug or slug in {".", ".."}:
        slug = "agency-" + hashlib.sha1((name or "").encode("utf-8")).hexdigest()[:8]
    return slug


def unique_slugs(keys_and_names: list[tuple[str, str]]) -> dict[str, str]:
    """Map agency_key -> slug, adding a short hash of the key where two agencies would collide."""
    plain: dict[str, list[str]] = {}
    for key, name in sorted(keys_and_names):
        plain.setdefault(slugify(name or key), []).append(key)
    out: dict[str, str] = {}
    for slug, keys in plain.items():
        for key in keys:
            if len(keys) == 1:
                out[key] = slug
            else:
                out[key] = f"{slug}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"
    return out
