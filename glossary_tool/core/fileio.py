"""Safe file writes: a temporary file in the same folder, fsync, then an atomic replace; and all-or-nothing write sets.

Every failure of the file system becomes one clear ``FatalError`` line; the original file is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary_tool.core.problems import FatalError

# What a full disk, a read-only mount or missing rights look like, in the words a user needs.
_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be larger than the system allows",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EIO: "an input/output error of the device",
    errno.ENOENT: "the folder does not exist or does not accept new files",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EXDEV: "the staging folder is on another file system",
    errno.EMLINK: "too many links",
    errno.ENAMETOOLONG: "the name is too long",
}
STAGING = ".glossary-import"  # hidden: MkDocs skips dot-folders, and nothing in it ends in .yaml, so lint skips it
JOURNAL = "journal.json"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
DONE = "done"  # the journal's name once every file is in place: only the staging folder is left to remove


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reason(exc: OSError) -> str:
    """An OSError as a short phrase with its errno name, e.g. ``no space left on the device (ENOSPC)``."""
    name = errno.errorcode.get(exc.errno or 0, "")
    text = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    return f"{text} ({name})" if name else text


def _fatal(path: Path, exc: OSError) -> FatalError:
    return FatalError(f"{path}: cannot write: {reason(exc)}; nothing was changed")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def confine(path: Path, inside: Path | None, *, overwrite: bool = False, folder: bool = False, new_folders: bool = False) -> Path:
    """The real path a write command will write ``path`` at; refused before anything is written when it leaves ``inside``.

    The one check of every write command. Each part of the path that exists is resolved with its links (a linked
    ``content/concepts``, ``locales/`` or ``LC_MESSAGES``, a ``..``), and a part still to be made will be made in the
    last one that exists, so the real path is known before any folder is created. ``inside`` is the project (None:
    anywhere, for ``export -o``). A file is then checked by ``check_target`` (it may not be a link itself: it
    would be replaced, not written through); with ``folder`` the path is a folder to create or reuse; ``new_folders`` lets the folders above a file be missing (the caller
    makes them with ``make_folder``)."""
    real = Path(os.path.realpath(path))
    if inside is not None:
        root = os.path.realpath(inside)
        if not _inside(str(real), root):
            via = "" if os.path.realpath(os.path.abspath(path)) == os.path.abspath(path) else " through a link"
            raise FatalError(f"{path}: leads{via} to {real}, outside the project ({root}); refusing to write there, nothing was written")
    if folder:
        if os.path.lexists(real) and not real.is_dir():
            raise FatalError(f"{path}: is not a folder")
    else:
        check_target(path, overwrite=overwrite, folder_may_be_missing=new_folders)
        real = Path(os.path.realpath(path.parent)) / path.name  # the file itself is never a link (check_target)
    return real


def make_folder(folder: Path, inside: Path) -> Path:
    """``folder`` (and the folders above it) created after ``confine`` has checked where it really is; its real path."""
    real = confine(folder, inside, folder=True)
    try:
        real.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FatalError(f"{folder}: cannot create the folder: {reason(exc)}; nothing was written") from None
    return real


def check_target(path: Path, *, overwrite: bool, folder_may_be_missing: bool = False) -> None:
    """Refuse a target that is not a regular file (a device, a folder, a link, a FIFO), or whose folder is missing.

    Refused even with ``overwrite``: replacing ``/dev/full`` or a folder with a regular file is never intended."""
    parent = path.parent
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise FatalError(f"{path}: cannot write: {reason(exc)}") from None
    if st is not None:
        _refuse_existing(path, st.st_mode, overwrite=overwrite)
    if folder_may_be_missing and not os.path.lexists(parent):
        return
    if not parent.is_dir():
        what = "does not exist" if not parent.exists() else "is not a folder"
        raise FatalError(f"{path}: the folder {parent} {what}; create it first")


def _refuse_existing(path: Path, mode: int, *, overwrite: bool) -> None:
    """Raise unless the existing ``path`` (of ``mode``, from lstat) is a regular file that may be overwritten."""
    if stat.S_ISLNK(mode):
        raise FatalError(f"{path}: is a symbolic link; refusing to replace it (write to the file it points to, or remove the link)")
    if stat.S_ISDIR(mode):
        raise FatalError(f"{path}: is a folder; name a file to write")
    if not stat.S_ISREG(mode):
        raise FatalError(f"{path}: is not a regular file (a device, FIFO or socket); refusing to replace it")
    if not overwrite:
        raise FatalError(f"{path}: already exists; refusing to overwrite")


def _write_all(fd: int, data: bytes) -> None:
    # os.write rather than a file object: a short write is retried, and a failure surfaces at this one call.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _write_new(folder: Path, prefix: str, suffix: str, data: bytes, mode: int) -> str:
    """``data`` in a new file of ``folder``, fsynced; its path. On failure nothing is left behind."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        try:
            os.fchmod(fd, mode)  # mkstemp makes 0600; the replaced file must keep its permissions
            _write_all(fd, data)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (folders that cannot be fsynced are left as they are)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    dfd = os.open(folder, os.O_DIRECTORY)
    try:
        os.fsync(dfd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(dfd)


def _check_unchanged(given: Path, path: Path, expected_digest: str | None, *, overwrite: bool) -> None:
    """Raise if ``path`` changed since it was read (``expected_digest``), or appeared when it was not to be overwritten."""
    if expected_digest is not None:
        current = path.read_bytes() if path.exists() else b""
        if digest(current) != expected_digest:
            raise FatalError(f"{given}: changed on disk after it was read; nothing was written, run the command again")
    elif not overwrite and path.exists():
        raise FatalError(f"{given}: appeared while writing; refusing to overwrite")


def atomic_write(
    path: Path, data: bytes, *, inside: Path | None, overwrite: bool = False, expected_digest: str | None = None, new_folders: bool = False
) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, never half of one.

    ``inside`` is the project the file must really be in (``confine``; None only for ``export -o``). Refuses to
    replace an existing file unless ``overwrite``; with ``expected_digest`` it also refuses when the file changed
    since it was read (another writer got there first); ``new_folders`` makes the missing folders above the file.
    A target that is not a regular file is always refused; a failing file system (full, read-only, no rights) is a
    ``FatalError``.
    """
    given = Path(path)  # named in messages as the user knows it; written at its real path
    path = confine(given, inside, overwrite=overwrite or expected_digest is not None, new_folders=new_folders)
    if new_folders:  # only once every check has passed, and where confine found the folder really is
        make_folder(path.parent, inside or path.parent)
    mode = _mode_for(path)
    tmp: str | None = None
    try:
        # A dot-name ending in .tmp: if the process dies before the replace, lint (*.yaml only) and MkDocs
        # (which skips dot-files) both ignore what is left behind, and the original stays untouched.
        tmp = _write_new(path.parent, f".{path.name}.", ".tmp", data, mode)
        with _folder_lock(path.parent):  # check-and-replace must be one step for concurrent writers
            _check_unchanged(given, path, expected_digest, overwrite=overwrite)
            _replace(tmp, path)
            tmp = None
        _sync_folder(path.parent)
    except OSError as exc:
        raise _fatal(given, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


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
    # A separate function so tests can inject a failure (or a kill) between writing and replacing.
    os.replace(tmp, path)


# ---- write sets: many files, all or nothing, even across a kill ----


@dataclass(frozen=True, slots=True)
class PlannedWrite:
    """One file of a write set: its new bytes, and the digest it must still have (None: it must not exist)."""

    path: Path
    data: bytes
    expected_digest: str | None = None


def _current_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def _journal_entries(staging: Path) -> list[dict[str, str | None]] | None:
    from glossary_tool.core.loader import read_regular

    try:  # never blocks on a pipe put in its place, and a journal is small: a huge one is not ours
        data = json.loads(read_regular(staging / JOURNAL, MAX_JOURNAL_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise FatalError(
            f"{staging / JOURNAL}: cannot read the journal of an interrupted import ({exc}); check the files it lists by hand, then delete {staging}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise FatalError(f"{staging / JOURNAL}: not a journal of this tool; check it, then delete {staging}")
    entries: list[dict[str, str | None]] = data["files"]
    return entries


def recover(root: Path) -> str | None:
    """Finish or roll back a write set that a killed process left in ``root``; what was done, or None.

    A journal means the set was complete and committed: every file it lists is put in place (a file that
    someone changed since is left alone and named). No journal means nothing outside the staging folder was
    touched yet: the staged files are removed."""
    staging = root / STAGING
    if not os.path.lexists(staging):
        return None
    _check_staging(staging)
    with _folder_lock(root):
        if not staging.is_dir():  # another process recovered while this one waited
            return None
        return _recover_locked(root, staging)


def _check_staging(staging: Path) -> None:
    """The staging folder, if there is one, must be a real folder: a link (committed by a pull request, say) would
    have a recovery read a journal from elsewhere and put files there."""
    if os.path.islink(staging) or (os.path.lexists(staging) and not staging.is_dir()):
        raise FatalError(
            f"{staging}: is not a folder an import left (a link or a file); this tool never makes it so: check it, then remove it; nothing was written"
        )


def _journal_item_shaped(item: dict[Any, Any]) -> bool:
    """Whether a journal line has its four keys with the types this tool writes."""
    strings = all(isinstance(item.get(key), str) for key in ("target", "staged", "new"))
    return strings and (item.get("old") is None or isinstance(item.get("old"), str))


def _journal_item_safe(item: dict[Any, Any]) -> bool:
    """Whether a journal line's target is a relative YAML path without ``..`` and its staged file a bare name."""
    target, staged = Path(item["target"]), str(item["staged"])
    inside = not target.is_absolute() and ".." not in target.parts and target.suffix in (".yaml", ".yml")
    return inside and staged == os.path.basename(staged) and staged not in ("", ".", "..")


def _journal_item(root: Path, staging: Path, item: object) -> tuple[Path, Path, str | None, str]:
    """One journal line as (target, staged file, old digest, new digest), each checked: a journal is a file in the
    project, so a hostile one may name a target outside the content folder or a staged file outside its folder."""
    if not isinstance(item, dict) or not _journal_item_shaped(item) or not _journal_item_safe(item):
        raise FatalError(f"{staging / JOURNAL}: names a file this tool would never write; check it, then delete {staging}")
    real = confine(root / item["target"], root, overwrite=True)
    return real, staging / item["staged"], item["old"], item["new"]


def _put_back(root: Path, target: Path, staged: Path, old: str | None, new: str) -> bool:
    """Finish one journal line: True if ``target`` now holds the new file, False if someone changed it since."""
    current = _current_digest(target)
    if current == new:
        return True
    if current != old or not os.path.isfile(staged) or os.path.islink(staged):
        return False
    with _folder_lock(target.parent) if target.parent != root else contextlib.nullcontext():
        _replace(str(staged), target)
    _sync_folder(target.parent)
    return True


def _recover_locked(root: Path, staging: Path) -> str | None:
    if (staging / DONE).exists():
        _remove_staging(staging)
        return f"an earlier import had put every file in place; its staging folder {staging} was removed"
    entries = _journal_entries(staging)
    if entries is None:
        if not any(staging.iterdir()):  # made and not yet filled, or emptied after its set was in place: nothing to say
            staging.rmdir()
            return None
        shutil.rmtree(staging, ignore_errors=True)
        return f"an earlier import was interrupted before it changed any entry; its staged files were removed from {staging}"
    checked = [_journal_item(root, staging, item) for item in entries]  # every line before any file is moved
    try:
        put = [_put_back(root, *line) for line in checked]
        os.unlink(staging / JOURNAL)
    except OSError as exc:
        raise FatalError(f"{staging}: cannot finish an interrupted import: {reason(exc)}; run the command again when that is fixed") from None
    shutil.rmtree(staging, ignore_errors=True)
    done = sum(put)
    skipped = [str(item["target"]) for item, ok in zip(entries, put, strict=True) if not ok]
    note = f"finished an import that was interrupted: {done} of {len(entries)} file(s) in place"
    if skipped:
        note += f"; changed by someone else since, so left as they are: {', '.join(skipped)}"
    return note


def write_set(root: Path, writes: Sequence[PlannedWrite], *, inside: Path) -> None:
    """Write every file of ``writes`` (all under ``root``, which is in the project ``inside``) or none of them,
    even if the process is killed.

    Every target is confined to ``root`` and its folder made before anything is staged. The new files are staged
    in ``root/.glossary-import/`` with a hard link to each original; a journal written last commits the set; then
    every staged file is renamed into place. An error before the end restores the originals; a kill after the commit
    is finished by ``recover`` on the next run, a kill before it changes nothing."""
    if not writes:
        return
    real_root = confine(root, inside, folder=True)
    writes = [PlannedWrite(confine(w.path, real_root, overwrite=w.expected_digest is not None, new_folders=True), w.data, w.expected_digest) for w in writes]
    for folder in dict.fromkeys(w.path.parent for w in writes):
        make_folder(folder, real_root)
    root = real_root
    staging = root / STAGING
    with _folder_lock(root):
        _check_staging(staging)
        if os.path.lexists(staging):
            message = _recover_locked(root, staging)
            if message is not None:
                raise FatalError(f"{message}; run the command again")
        try:
            os.mkdir(staging, 0o700)
        except OSError as exc:
            raise _fatal(staging, exc) from None
        try:
            entries = _stage(root, staging, writes)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _apply(root, staging, writes, entries)
        _remove_staging(staging)


def _stage(root: Path, staging: Path, writes: Sequence[PlannedWrite]) -> list[dict[str, str | None]]:
    entries: list[dict[str, str | None]] = []
    try:
        for i, w in enumerate(writes):
            current = _current_digest(w.path)
            if current != w.expected_digest:
                what = "appeared" if w.expected_digest is None else "changed on disk"
                raise FatalError(f"{w.path}: {what} after it was read; nothing was written, run the command again")
            staged = Path(_write_new(staging, f"{i:05d}.", ".new", w.data, _mode_for(w.path)))
            backup = None
            if current is not None:  # a second name for the original, so an error later can put it back
                backup = staging / f"{i:05d}.old"
                try:
                    os.link(w.path, backup)
                except OSError:
                    shutil.copy2(w.path, backup)
            entries.append(
                {
                    "target": os.path.relpath(w.path, root),
                    "staged": staged.name,
                    "old": current,
                    "new": digest(w.data),
                    "backup": backup.name if backup else None,
                }
            )
        _sync_folder(staging)
        tmp = _write_new(staging, ".journal.", ".tmp", json.dumps({"files": entries}, indent=1).encode("utf-8"), 0o600)
        os.replace(tmp, staging / JOURNAL)  # the commit point: from here on the set is finished, never half-made
        _sync_folder(staging)
    except OSError as exc:
        raise FatalError(f"{staging}: cannot stage the import: {reason(exc)}; nothing was changed") from None
    return entries


def _apply(root: Path, staging: Path, writes: Sequence[PlannedWrite], entries: list[dict[str, str | None]]) -> None:
    applied: list[tuple[PlannedWrite, dict[str, str | None]]] = []
    try:
        for w, item in zip(writes, entries, strict=True):
            with _folder_lock(w.path.parent) if w.path.parent != root else contextlib.nullcontext():
                if _current_digest(w.path) != item["old"]:
                    raise FatalError(f"{w.path}: changed on disk during the import; every file was put back as it was")
                _replace(str(staging / str(item["staged"])), w.path)
            applied.append((w, item))
        for folder in {w.path.parent for w in writes}:
            _sync_folder(folder)
        os.replace(staging / JOURNAL, staging / DONE)  # the set is in place: nothing is left to finish
    except BaseException as exc:
        _roll_back(staging, applied)
        with contextlib.suppress(OSError):
            os.unlink(staging / JOURNAL)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise FatalError(f"{staging}: cannot put the imported files in place: {reason(exc)}; every file was put back as it was") from None
        raise


def _remove_staging(staging: Path) -> None:
    """Remove a finished set's staging folder, its ``done`` marker last: a kill half-way leaves the marker, so
    the next run still knows that every file is in place."""
    for entry in staging.iterdir():
        if entry.name != DONE:
            with contextlib.suppress(OSError):
                entry.unlink()
    with contextlib.suppress(OSError):
        (staging / DONE).unlink()
    with contextlib.suppress(OSError):
        staging.rmdir()


def _roll_back(staging: Path, applied: list[tuple[PlannedWrite, dict[str, str | None]]]) -> None:
    for w, item in reversed(applied):
        with contextlib.suppress(OSError):
            if item["backup"]:
                os.replace(staging / str(item["backup"]), w.path)
            else:
                os.unlink(w.path)
