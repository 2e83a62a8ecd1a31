"""The library's own typed errors: everything it raises on purpose derives from OgiError."""

from __future__ import annotations


class OgiError(Exception):
    """Base class of every error ogi raises deliberately (anything else is a bug)."""


class ReadError(OgiError):
    """An input could not be read or decoded; carries the path and a one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
