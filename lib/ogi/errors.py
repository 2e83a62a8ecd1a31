"""The library's own typed errors: everything it raises on purpose derives from OgiError.

All of them live here, in a module that imports nothing from ogi, so any layer can raise or catch
them without importing another layer. They pickle (a worker process or a Dask task sends them back).
Each class carries the exit status a command returns for it (`exit_code`), so the commands pick
their status from the error's type, never from the wording of its message.
"""

from __future__ import annotations

from typing import Any


class OgiError(Exception):
    """Base class of every error ogi raises deliberately (anything else is a bug)."""

    exit_code = 1


class ReadError(OgiError):
    """An input could not be read or decoded; carries the path and a one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class UsageError(OgiError):
    """The command line names something that cannot be used (a missing input, a bad option): exit 2."""

    exit_code = 2


class InputMissing(UsageError):
    """Input paths that do not exist: the store is left untouched rather than emptied."""


class IngestError(OgiError):
    """The store folder itself cannot be written (not a problem with one input)."""

    exit_code = 2


class LockBusy(OgiError):
    """Another process holds the lock of a store or output folder; names the holder."""

    exit_code = 3


class StoreDamaged(OgiError):
    """A store frame is missing or fails its checksum; names the file and the repair."""

    exit_code = 2


class DiskError(OgiError):
    """Writing failed for lack of space or a read-only file system; names the path and the errno."""

    exit_code = 1

    def __init__(self, path: str, err: OSError) -> None:
        import errno as _errno

        code = _errno.errorcode.get(err.errno or 0, str(err.errno))
        super().__init__(f"{path}: {err.strerror or err} ({code})")
        self.path = path
        self.errno = err.errno
        self._err = err

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self._err))


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
