"""Progress bars for long work (tqdm): shown on a terminal only, once a task has run for more than a second.

Library code opens a ``task`` wherever work is counted; it draws nothing unless the command line ``enable``\\ d bars,
so tests, pipes, CI logs and ``--quiet`` see the output they always saw. Locale builds report to the parent by a pipe.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from glossary_tool.core.terminal import escape

if TYPE_CHECKING:
    from tqdm import tqdm

# Seconds a task runs before its bar appears (the issue asks for one); tests set 0 to see a bar from short work.
DELAY_ENV = "GLOSSARY_TOOL_PROGRESS_DELAY"
# A locale build started by ``build`` writes its steps to this file descriptor, one line each (``report_step``).
FD_ENV = "GLOSSARY_TOOL_PROGRESS_FD"


class _Screen:
    """Where bars go, or None: no bars (one per process, set by the command line)."""

    stream: TextIO | None = None


def enable(*, quiet: bool, stream: TextIO | None = None) -> bool:
    """Let tasks draw bars on ``stream`` (standard error) when it is a terminal and not ``quiet``; True if they will.

    The command line calls this once. ``stream`` must be the real one, not the escaping wrapper of ``terminal.py``:
    a bar is made of carriage returns, which that wrapper would print as ``\\r``."""
    stream = stream if stream is not None else getattr(sys.stderr, "stream", sys.stderr)
    _Screen.stream = stream if stream is not None and not quiet and _is_terminal(stream) else None
    return _Screen.stream is not None


def disable() -> None:
    _Screen.stream = None


def enabled() -> bool:
    return _Screen.stream is not None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get(DELAY_ENV, "1")))
    except ValueError:
        return 1.0


class Task:
    """One counted piece of work. Without a terminal every method does nothing (and tqdm is never imported)."""

    def __init__(self, bar: tqdm[Any] | None) -> None:
        self._bar = bar

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def set(self, done: int, total: int | None = None, note: str = "") -> None:
        """``done`` of ``total`` (unchanged when None); ``note`` (a file, a locale) shown after the counts, escaped."""
        bar = self._bar
        if bar is None:
            return
        if total is not None and total != bar.total:
            bar.total = total
            # The total is news: drawn now (once the delay has passed), not at the next refresh, which a short task
            # may never reach.
            if (bar.n or done) and bar.format_dict["elapsed"] >= bar.delay:
                bar.refresh()
        if note:
            bar.set_postfix_str(escape(note)[-40:], refresh=False)
        bar.update(done - bar.n)


QUIET = Task(None)


@contextlib.contextmanager
def task(description: str, total: int | None = None, unit: str = "it") -> Iterator[Task]:
    """A bar for ``total`` units of work (counts, rate and time left), drawn once the task has run for the delay;
    erased when the task ends, so that what the command prints afterwards reads as it did without a terminal."""
    stream = _Screen.stream
    if stream is None:
        yield QUIET
        return
    from tqdm import tqdm

    bar = tqdm(total=total, desc=escape(description), unit=unit, file=stream, delay=_delay(), leave=False, dynamic_ncols=True, mininterval=0.1)
    try:
        yield Task(bar)
    finally:
        bar.close()


# The child side of a locale build: steps sent to the parent's bar.


def report_step(locale: str, done: int, total: int, what: str) -> None:
    """Tell ``build`` (when it started this process with a progress pipe) that ``done`` of ``total`` steps are done."""
    fd = os.environ.get(FD_ENV)
    if not fd:
        return
    try:
        # Never blocks: were the pipe ever full, a step is dropped rather than the build held up.
        os.set_blocking(int(fd), False)
        # One short line, written at once: lines from builds that share the pipe never interleave (PIPE_BUF).
        os.write(int(fd), f"{locale}\t{done}\t{total}\t{what}\n".encode()[:512])
    except (OSError, ValueError):
        pass  # the parent stopped reading; the build itself goes on


class StepReader:
    """The parent side: reads the steps every locale build reports and draws them as one bar."""

    def __init__(self, bar: Task, locales: int) -> None:
        self.bar, self.locales = bar, locales
        self.steps: dict[str, tuple[int, int]] = {}
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        self._rest = b""

    def poll(self) -> None:
        """Read what the locale builds have written since the last poll, and redraw the bar if a step came in."""
        self._rest += self._drain()
        *lines, self._rest = self._rest.split(b"\n")
        note = ""
        for line in lines:
            parts = line.decode("utf-8", "replace").split("\t")
            if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
                self.steps[parts[0]] = (int(parts[1]), int(parts[2]))
                note = f"{parts[0]}: {parts[3]}"
        if lines and self.steps:
            self._draw(note)

    def _drain(self) -> bytes:
        """Everything the pipe holds now, without waiting (the read end is non-blocking)."""
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(self.read_fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def _draw(self, note: str) -> None:
        # Locales that have not reported yet are counted as large as the largest that has.
        largest = max(total for _, total in self.steps.values())
        total = sum(t for _, t in self.steps.values()) + largest * (self.locales - len(self.steps))
        self.bar.set(sum(d for d, _ in self.steps.values()), total, note)

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
