"""Safe file writes: temp file in the same folder, fsync, then an atomic replace."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from glossary_tool.problems import FatalError


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes, *, overwrite: bool = False, expected_digest: str | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, never half of one.

    Refuses to replace an existing file unless ``overwrite``; with ``expected_digest`` it also refuses
    when the file changed since it was read (another writer got there first).
    """
    path = Path(path)
    if path.exists() and not overwrite and expected_digest is None:
        raise FatalError(f"{path}: already exists; refusing to overwrite")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with _folder_lock(path.parent):  # check-and-replace must be one step for concurrent writers
            if expected_digest is not None:
                current = path.read_bytes() if path.exists() else b""
                if digest(current) != expected_digest:
                    raise FatalError(f"{path}: changed on disk after it was read; nothing was written, run the command again")
            elif not overwrite and path.exists():
                raise FatalError(f"{path}: appeared while writing; refusing to overwrite")
            _replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _replace(tmp: str, path: Path) -> None:
    # A separate function so tests can inject a failure between writing and replacing.
    os.replace(tmp, path)
