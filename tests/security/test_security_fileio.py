"""atomic_write under faults: a writer killed before the replace loses nothing; concurrent writers never lose an update."""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, make_settings

from glossary_tool import fileio
from glossary_tool.fileio import atomic_write, digest
from glossary_tool.lint import run
from glossary_tool.problems import FatalError

KILLED_WRITER = r"""
import os, signal, sys
from pathlib import Path
from glossary_tool import fileio

def die(tmp, path):
    # The new bytes are written and fsynced in tmp; report where, then die before the replace.
    print(tmp, flush=True)
    if sys.argv[3] == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)

fileio._replace = die
target = Path(sys.argv[1])
fileio.atomic_write(target, sys.argv[2].encode("utf-8"), expected_digest=fileio.digest(target.read_bytes()))
"""


@pytest.mark.parametrize("how", ["sigkill", "exit"])
def test_writer_killed_before_replace_leaves_original_identical(how: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    original = (FIXTURES / "valid" / "kpo.yaml").read_bytes()
    target = content / "kpo.yaml"
    target.write_bytes(original)
    os.chmod(target, 0o644)
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target), "id: replaced\n", how],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == (-signal.SIGKILL if how == "sigkill" else 9), proc.stderr
    assert target.read_bytes() == original
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    leftover = Path(proc.stdout.strip())
    # The kill came after the new bytes were complete, so the test really hit the window it claims to.
    assert leftover.read_bytes() == b"id: replaced\n"
    # What the dead writer left is a dot-file ending in .tmp: lint does not parse it but reports it (so a build stops,
    # see test_security_render.py), and the next write goes through.
    assert leftover.name.startswith(".kpo.yaml.") and leftover.suffix == ".tmp"
    result = run(make_settings(content), [content])
    left = [p for p in result.problems if p.rule == "unexpected-file"]
    assert len(left) == 1 and left[0].path.endswith("/" + leftover.name) and "interrupted write" in left[0].message
    assert all(p.path.endswith("/kpo.yaml") for p in result.problems if p not in left)  # kpo's links dangle here
    assert [e.id for e in result.glossary.entries] == ["kpo"]
    atomic_write(target, b"id: kpo\n", expected_digest=digest(original))
    assert target.read_bytes() == b"id: kpo\n"


def test_failed_replace_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")

    def fail(tmp: str, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio, "_replace", fail)
    with pytest.raises(OSError):
        atomic_write(target, b"new\n", overwrite=True)
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_permissions_survive_a_write(tmp_path: Path) -> None:
    # mkstemp creates 0600 files; replacing an entry must not make it unreadable for the site build or a web server.
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o640)
    atomic_write(target, b"new\n", overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "b.yaml"
    atomic_write(fresh, b"new\n")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~fileio._umask()


ROUNDS = 25


def _writer(name: str, path: str, barrier: Any, results: Any) -> None:
    """Read-modify-write ``path`` once per round, in lock step with the other writer."""
    target = Path(path)
    for r in range(ROUNDS):
        barrier.wait()  # both start the round together
        current = target.read_bytes()
        barrier.wait()  # both have read the same version
        try:
            atomic_write(target, current + f"{name} {r}\n".encode(), expected_digest=digest(current))
            results.put((r, name, "ok", ""))
        except FatalError as exc:
            results.put((r, name, "refused", str(exc)))
        barrier.wait()  # round over before anyone reads again


def test_concurrent_writers_never_lose_an_update(tmp_path: Path) -> None:
    target = tmp_path / "entry.yaml"
    target.write_bytes(b"")
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(name, str(target), barrier, results)) for name in ("A", "B")]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=60) for _ in range(2 * ROUNDS)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    winners = []
    for r in range(ROUNDS):
        this_round = sorted((o for o in outcomes if o[0] == r), key=lambda o: o[2])
        assert [o[2] for o in this_round] == ["ok", "refused"], this_round
        assert "changed on disk after it was read; nothing was written" in this_round[1][3]
        winners.append(f"{this_round[0][1]} {r}")
    # Every accepted update is in the file, in order; no refused one is.
    assert target.read_text(encoding="utf-8").splitlines() == winners
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
