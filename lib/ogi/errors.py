"""The library's own typed errors: everything it raises on purpose derives from OgiError.

Each class carries the exit status a command returns for it (`exit_code`), so the commands pick
their status from the error's type, never from the wording of its message.
"""

from __future__ import annotations


class OgiError(Exception):
    """Base class of every error ogi raises deliberately (anything else is a bug)."""

    exit_code = 1


class ReadError(OgiError):
    """An input could not be read or decoded; carries the path and a one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


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
