"""When each entry last changed: the date of the last commit that touched its file, read in one ``git log`` pass.

Files with uncommitted edits, and new files, get the build date (they are changing now). Outside git, and in a shallow
clone for a file whose last change lies beyond the history fetched, the date is unknown (None): a shared date there
(the build's, or the shallow clone's oldest commit's) would say that every entry changed on one day.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from glossary_tool.core.model import Glossary

GIT_TIMEOUT = 120  # seconds; a long history is read only until every file has been seen


def build_date(environ: Mapping[str, str] | None = None) -> datetime.date:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` when it is set, so that a rebuild can repeat a build."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()


def _git(folder: Path, *args: str) -> subprocess.Popen[bytes] | None:
    try:
        return subprocess.Popen(["git", "-C", str(folder), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except OSError:  # no git on this machine
        return None


def _run(folder: Path, *args: str) -> bytes | None:
    """The output of one short git command; None when git fails, is missing or takes too long."""
    proc = _git(folder, *args)
    if proc is None:
        return None
    try:
        out, _ = proc.communicate(timeout=GIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return out if proc.returncode == 0 else None


def _uncommitted(folder: Path) -> set[str] | None:
    """Paths (relative to ``folder``) with uncommitted changes or unknown to git; None when ``folder`` is not in git."""
    prefix = _run(folder, "rev-parse", "--show-prefix")  # the folder's path in its repository, "" or ending in "/"
    out = _run(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", "--", ".") if prefix is not None else None
    if prefix is None or out is None:
        return None
    prefix_text = os.fsdecode(prefix.strip())
    found = set()
    for record in out.split(b"\0"):
        if len(record) > 3:  # "XY path", the path relative to the top of the repository
            path = os.fsdecode(record[3:])
            if path.startswith(prefix_text):
                found.add(path[len(prefix_text):])
    return found


def last_changes(folder: Path, files: Iterable[Path], today: datetime.date) -> dict[Path, datetime.date | None]:
    """The date each of ``files`` (under ``folder``) last changed: its last commit's date, ``today`` for an uncommitted
    or new file, None when it is unknown (outside git; beyond the history of a shallow clone).

    One ``git log`` for all of them, not one process per file: at 10,000 entries that would dominate the build.
    The log is read newest first and stopped as soon as every file has been seen."""
    wanted = {f.resolve(): f for f in files}
    out: dict[Path, datetime.date | None] = dict.fromkeys(wanted.values(), today)
    folder = folder.resolve()
    dirty = _uncommitted(folder)
    if dirty is None:
        return dict.fromkeys(wanted.values())
    shallow = _run(folder, "rev-parse", "--is-shallow-repository") == b"true\n"
    pending: dict[str, Path] = {}
    for resolved, original in wanted.items():
        try:
            rel = resolved.relative_to(folder).as_posix()
        except ValueError:
            continue  # outside the folder: the build date
        if rel not in dirty:
            pending[rel] = original
    if not pending:
        return out
    # A commit's parents after its date: in a shallow clone the oldest commits fetched look parentless, and list every
    # file they hold as added, though most changed earlier.
    proc = _git(folder, "-c", "core.quotepath=off", "log", "-z", "--name-only", "--no-renames", "--format=%x01%cs %P", "--relative", "--", ".")
    if proc is None or proc.stdout is None:
        return out
    try:
        _read_log(proc.stdout, pending, out, shallow)
    finally:
        if proc.poll() is None:
            proc.kill()  # every file has been seen: the rest of the history is not needed
        proc.communicate()
    return out


def _read_log(stream: IO[bytes], pending: dict[str, Path], out: dict[Path, datetime.date | None], shallow: bool) -> None:
    """Fill ``out`` from ``git log -z --name-only --format='%x01%cs %P'`` output, newest commit first; in a shallow
    clone a file first met in a parentless commit gets None."""
    current: datetime.date | None = None
    boundary = False
    for token in _tokens(stream, pending):
        if token.startswith(b"\x01"):
            current, boundary = _commit_header(token[1:], shallow)
        elif token and current is not None:
            path = pending.pop(os.fsdecode(token), None)
            if path is not None:
                out[path] = None if boundary else current


def _tokens(stream: IO[bytes], pending: dict[str, Path]) -> Iterator[bytes]:
    """The NUL-separated tokens of ``stream``, read a chunk at a time while some file in ``pending`` is still unseen."""
    rest = b""
    while pending:
        chunk = stream.read(1 << 16)
        if not chunk:
            return
        tokens = (rest + chunk).split(b"\0")
        rest = tokens.pop()  # an incomplete token waits for the next chunk
        for raw in tokens:
            yield raw.lstrip(b"\n")


def _commit_header(header: bytes, shallow: bool) -> tuple[datetime.date | None, bool]:
    """A commit's date (None when it cannot be read) and whether it is a shallow clone's boundary (it has no parents)."""
    date, _, parents = header.decode("ascii", errors="replace").partition(" ")
    boundary = shallow and not parents.strip()
    try:
        return datetime.date.fromisoformat(date), boundary
    except ValueError:
        return None, boundary


def entry_dates(glossary: Glossary, content_dir: Path, today: datetime.date) -> dict[str, datetime.date | None]:
    """Entry id → the date its file last changed (``today`` when it is changing now, None when git cannot tell)."""
    paths = {e.id: Path(e.doc.path) for e in glossary.entries}
    dates = last_changes(content_dir, paths.values(), today)
    return {entry_id: dates[path] for entry_id, path in paths.items()}
