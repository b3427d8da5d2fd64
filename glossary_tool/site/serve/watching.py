"""The watching side of ``serve``: what the entry files look like on disk, and a wake-up when the system reports a change.

Nothing is opened while looking (a FIFO cannot block); where the system sends no reports, the files are polled.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from glossary_tool.core.content_files import ENTRY_SUFFIXES

log = logging.getLogger("mkdocs.plugins.glossary.serve")
# The files are looked at when the system reports a change (inotify and the like, through watchdog), and at the latest
# every CHECK_SECONDS, in case a report was lost. Without reports, every POLL_SECONDS: a stat per file, 15 ms at 1,000.
CHECK_SECONDS = 2.0
POLL_SECONDS = 0.05
SETTLE_SECONDS = 0.01  # after a report, for the rest of an editor's save (write, rename) to land
Snapshot = dict[Path, tuple[int, int, bool]]  # path → (mtime_ns, size, is a regular file)


def snapshot(folders: Iterable[Path], files: Iterable[Path] = ()) -> Snapshot:
    """Every entry file under ``folders`` and each of ``files``, by lstat: nothing is opened, so a FIFO cannot block."""
    out: Snapshot = {}

    def visit(folder: Path) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for e in entries:
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                visit(Path(e.path))
            elif e.name.endswith((*ENTRY_SUFFIXES, ".po")):
                out[Path(e.path)] = (st.st_mtime_ns, st.st_size, stat.S_ISREG(st.st_mode))

    for folder in folders:
        visit(folder)
    for f in files:
        try:
            st = f.lstat()
        except OSError:
            continue
        out[f] = (st.st_mtime_ns, st.st_size, stat.S_ISREG(st.st_mode))
    return out


def restat(known: Snapshot, paths: Iterable[str], folders: Sequence[Path], files: Sequence[Path] = ()) -> Snapshot | None:
    """``known`` with the files at ``paths`` looked at again, as ``snapshot(folders, files)`` would see them: the files
    the system reported, instead of every file (10,000 at 10,000 concepts). None when one of them is not in ``known``
    (a new file, or one named otherwise): then every file is looked at."""
    out = dict(known)
    for name in paths:
        path = Path(name)
        if path not in files and not (path.name.endswith((*ENTRY_SUFFIXES, ".po")) and any(path.is_relative_to(f) for f in folders)):
            continue
        if path not in known:
            return None
        try:
            st = path.lstat()
        except OSError:
            out.pop(path)
            continue
        out[path] = (st.st_mtime_ns, st.st_size, stat.S_ISREG(st.st_mode))
    return out


class Wakeup:
    """Wakes the watcher as soon as the system reports a change under the watched folders (through watchdog), so
    that nothing has to be looked at between edits. Where reports do not work, it falls back to polling."""

    def __init__(self, folders: Sequence[Path], config_file: Path) -> None:
        self.event = threading.Event()
        self.paths: set[str] | None = set()  # what the reports since the last take() named; None: look at everything
        self.lock = threading.Lock()  # between the reports' thread and take()
        self.wanted = [(folder, True) for folder in folders] + [(config_file.parent, False)]
        self.scheduled: set[Path] = set()
        self.observer: Any = None
        try:
            from watchdog.observers import Observer

            self.observer = Observer()
            self.observer.start()
        except Exception as exc:  # no inotify (or its limits reached): poll instead
            log.debug("no file-change reports (%s); polling", exc)
            self.observer = None
        self.schedule()

    def schedule(self) -> None:
        """Watch each wanted folder that exists (a project's locales/ may be made later)."""
        if self.observer is None:
            return
        from watchdog.events import FileSystemEvent, FileSystemEventHandler

        event, wakeup = self.event, self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, e: FileSystemEvent) -> None:
                if e.event_type in ("opened", "closed_no_write"):  # reading a file (the rebuild does) is no change
                    return
                with wakeup.lock:
                    if wakeup.paths is None or (e.is_directory and e.event_type == "modified"):
                        pass  # a folder whose files changed: each file is reported too
                    elif e.is_directory or e.event_type == "events_lost":
                        wakeup.paths = None  # a folder came, went or moved, or reports were lost: look at everything
                    else:
                        wakeup.paths.update(os.fsdecode(p) for p in (e.src_path, e.dest_path) if p)
                event.set()

        for folder, recursive in self.wanted:
            if folder not in self.scheduled and folder.is_dir():
                try:
                    self.observer.schedule(Handler(), str(folder), recursive=recursive)
                except OSError as exc:
                    log.debug("cannot watch %s (%s); polling", folder, exc)
                    continue
                self.scheduled.add(folder)

    @property
    def reported(self) -> bool:
        """Whether every wanted folder that exists sends reports."""
        return self.observer is not None and all(f in self.scheduled for f, _ in self.wanted if f.is_dir())

    def wait(self, stop: threading.Event) -> bool:
        """Return after the next report (True) or the next look, when there are none (False), or when ``stop`` is set."""
        deadline = time.monotonic() + (CHECK_SECONDS if self.reported else POLL_SECONDS)
        while not stop.is_set() and not self.event.wait(min(0.5, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                return False
        if self.event.is_set():
            time.sleep(SETTLE_SECONDS)
            self.event.clear()
            return True
        return False

    def take(self) -> set[str] | None:
        """The files reported since the last call (None: every file must be looked at: a folder changed, or there
        are no reports); from now on, only later reports count."""
        with self.lock:
            paths = self.paths if self.reported else None
            self.paths = set()
        return paths

    def close(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
