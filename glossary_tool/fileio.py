"""Safe file writes: temp file in the same folder, fsync, then an atomic replace."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

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
    mode = _mode_for(path)
    # A dot-name ending in .tmp: if the process dies before the replace, lint (*.yaml only) and MkDocs
    # (which skips dot-files) both ignore what is left behind, and the original stays untouched.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)  # mkstemp makes 0600; the replaced file must keep its permissions
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
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _mode_for(path: Path) -> int:
    """Permissions for the new file: the existing file's, or what a plain open() would give a new one."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # read it without changing it: os.umask() can only be queried by setting it, which races with threads
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
