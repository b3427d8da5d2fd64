"""Progress bars: drawn in a pseudo-terminal, never in a pipe or with --quiet, and only after the delay."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

from glossary_tool.core import progress
from glossary_tool.core.progress import DELAY_ENV

TOOL = str(Path(sys.executable).parent / "glossary-tool")
ANATOMY = FIXTURES / "projects" / "anatomy"
# A bar from the first file on: the commands below take well under the one second a user waits for it.
NO_DELAY = {**os.environ, DELAY_ENV: "0", "TERM": "xterm", "COLUMNS": "100"}
BAR = "|"  # tqdm's bar frame; its counts read "3/4", its time "<00:00"


def _in_pty(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run the command line with standard output and error on a pseudo-terminal; everything it wrote, and its status."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))  # 40 rows, 100 columns, as a window has
    proc = subprocess.Popen([TOOL, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=child, stderr=child)
    os.close(child)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                data = os.read(main, 65536)
            except OSError:  # EIO: the child has closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(main)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def _in_pipe(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TOOL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def anatomy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("anatomy")
    shutil.copytree(ANATOMY, project, dirs_exist_ok=True)
    return project


def test_lint_in_a_terminal_shows_a_bar_with_counts_and_time_left(anatomy: Path) -> None:
    status, out = _in_pty(["lint", "content/"], anatomy, NO_DELAY)
    assert status == 0, out
    assert "reading entries" in out and "checking entries" in out, out
    assert "\r" in out and BAR in out
    assert "files/s" in out or "s/files" in out or "files]" in out, out  # the counts' unit
    assert "<" in out  # elapsed<remaining


def test_lint_in_a_pipe_prints_what_it_printed_before_and_no_carriage_return(anatomy: Path) -> None:
    piped = _in_pipe(["lint", "content/"], anatomy, NO_DELAY)
    quiet = _in_pipe(["lint", "--quiet", "content/"], anatomy, NO_DELAY)
    assert piped.returncode == quiet.returncode == 0
    assert "\r" not in piped.stdout + piped.stderr
    assert "reading entries" not in piped.stderr
    assert (piped.stdout, piped.stderr) == (quiet.stdout, quiet.stderr)


def test_quiet_in_a_terminal_draws_no_bar(anatomy: Path) -> None:
    status, out = _in_pty(["lint", "--quiet", "content/"], anatomy, NO_DELAY)
    assert status == 0
    assert "\r\n" in out or out == ""  # the terminal turns newlines into \r\n; no bare carriage return
    assert "\r" not in out.replace("\r\n", "\n")
    assert "reading entries" not in out


def test_build_in_a_terminal_shows_each_locale_and_page_kind_and_in_a_pipe_nothing(anatomy: Path) -> None:
    status, out = _in_pty(["build"], anatomy, NO_DELAY)
    assert status == 0, out
    # A locale and the page kind it is at; which later steps get drawn depends on the bar's refresh interval
    # (tqdm skips updates closer than 0.1 s), so the test does not ask for the last one.
    assert re.search(r"build: .*\d+/\d+ \[.*(en|de): \w+ pages", out), out
    piped = _in_pipe(["build"], anatomy, NO_DELAY)
    assert piped.returncode == 0
    assert "\r" not in piped.stdout + piped.stderr and "pages written" not in piped.stderr
    assert piped.stdout.startswith("built 2 locale(s)")


def test_check_in_a_terminal_names_the_file_being_checked(anatomy: Path) -> None:
    docs = anatomy / "docs"
    docs.mkdir(exist_ok=True)
    for n in range(3):
        (docs / f"page{n}.md").write_text("The femur is a bone.\n", encoding="utf-8")
    status, out = _in_pty(["check", "docs"], anatomy, NO_DELAY)
    assert status in (0, 1), out
    assert "checking files" in out and re.search(r"[0-3]/3 \[", out), out


class _FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_task_shorter_than_the_delay_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv(DELAY_ENV, raising=False)
    screen = _FakeTerminal()
    assert progress.enable(quiet=False, stream=screen)
    try:
        with progress.task("short", 100, "files") as bar:
            for _ in range(100):
                bar.advance()
        assert screen.getvalue() == ""
        monkeypatch.setenv(DELAY_ENV, "0")
        with progress.task("long", 3, "files") as bar:
            time.sleep(0.15)  # past the bar's shortest interval between redraws
            bar.set(2, note="a\nb.yaml")  # a file name with a newline stays on the bar's line
        assert "long" in screen.getvalue() and "a\\nb.yaml" in screen.getvalue()
    finally:
        progress.disable()


def test_quiet_or_no_terminal_means_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    assert not progress.enable(quiet=True, stream=_FakeTerminal())
    assert not progress.enable(quiet=False, stream=io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.enable(quiet=False, stream=_FakeTerminal())
    with progress.task("nothing", 3) as bar:
        assert bar is progress.QUIET
