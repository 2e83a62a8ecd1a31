"""The library's own typed errors: everything it raises on purpose derives from OgiError.

All of them live here, in a module that imports nothing from ogi, so any layer can raise or catch
them without importing another layer. They pickle (a worker process or a Dask task sends them back).
"""

from __future__ import annotations

from typing import Any


class OgiError(Exception):
    """Base class of every error ogi raises deliberately (anything else is a bug)."""


class ReadError(OgiError):
    """An input could not be read or decoded; carries the path and a one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class IngestError(OgiError):
    """The store folder itself cannot be written (not a problem with one input)."""


class SynthError(OgiError):
    """A synthetic corpus cannot be written (bad arguments or an output folder we must not touch)."""


class BriefError(OgiError, ValueError):
    """A notebook parameter that does not fit the store (unknown agency, year not held, bad lang).

    Also a ValueError: it is a bad argument to the brief, and callers catching ValueError still catch it.
    """


class RenderError(OgiError):
    """A notebook that failed: which agency and year, which cell, which error (one line)."""

    def __init__(self, agency: str, year: int | None, cell: str, error: str) -> None:
        self.agency, self.year, self.cell, self.error = agency, year, cell, error
        super().__init__(f"{agency} {year if year is not None else ''}: {cell}: {error}".replace("  ", " "))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.agency, self.year, self.cell, self.error))


class RetryableError(RenderError):
    """A brief lost to the machinery (timeout, dead kernel or worker), not to its notebook: retried once."""

    def exhausted(self) -> RenderError:
        """The final error once the retry failed too: a plain RenderError that says so."""
        return RenderError(self.agency, self.year, self.cell, f"{self.error}; failed again on retry")
