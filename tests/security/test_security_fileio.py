"""Writes under faults: a killed writer loses nothing, concurrent writers lose no update, a failing file system is one
clear line, targets that are not regular files are refused, and import --overwrite is all or nothing even when killed."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, MKDOCS, concept, make_settings, mkdocs_yml, write_files

from glossary_tool.cli import main
from glossary_tool.core import fileio
from glossary_tool.core.fileio import atomic_write, digest, recover
from glossary_tool.core.problems import FatalError
from glossary_tool.lint import run

KILLED_WRITER = r"""
import os, signal, sys
from pathlib import Path
from glossary_tool.core import fileio

def die(tmp, path):
    # The new bytes are written and fsynced in tmp; report where, then die before the replace.
    print(tmp, flush=True)
    if sys.argv[3] == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)

fileio._replace = die
target = Path(sys.argv[1])
fileio.atomic_write(target, sys.argv[2].encode("utf-8"), inside=target.parent, expected_digest=fileio.digest(target.read_bytes()))
"""


@pytest.mark.parametrize("how", ["sigkill", "exit"])
def test_writer_killed_before_replace_leaves_original_identical(how: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    original = (FIXTURES / "valid" / "kpo.yaml").read_bytes()
    target = content / "kpo.yaml"
    target.write_bytes(original)
    os.chmod(target, 0o644)
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target), "id: replaced\n", how], capture_output=True, text=True, timeout=60)
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
    atomic_write(target, b"id: kpo\n", inside=target.parent, expected_digest=digest(original))
    assert target.read_bytes() == b"id: kpo\n"


def test_failed_replace_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")

    def fail(tmp: str, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio, "_replace", fail)
    with pytest.raises(FatalError, match=r"a\.yaml: cannot write: no space left on the device \(ENOSPC\); nothing was changed$"):
        atomic_write(target, b"new\n", inside=target.parent, overwrite=True)
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_permissions_survive_a_write(tmp_path: Path) -> None:
    # mkstemp creates 0600 files; replacing an entry must not make it unreadable for the site build or a web server.
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o640)
    atomic_write(target, b"new\n", inside=target.parent, overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "b.yaml"
    atomic_write(fresh, b"new\n", inside=fresh.parent)
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
            atomic_write(target, current + f"{name} {r}\n".encode(), inside=target.parent, expected_digest=digest(current))
            results.put((r, name, "ok", ""))
        except FatalError as exc:
            results.put((r, name, "refused", str(exc)))
        barrier.wait()  # round over before anyone reads again


def test_concurrent_writers_never_lose_an_update(tmp_path: Path) -> None:
    target = tmp_path / "entry.yaml"
    target.write_bytes(b"")
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else multiprocessing.get_context("spawn")
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


# ---- a failing file system: one clear line, exit 2, the original untouched, nothing left behind ----


def _fail_after(calls: int, err: int) -> Any:
    """An os.write that lets ``calls`` writes through, then fails with ``err`` (as a full disk does mid-file)."""
    real = os.write
    seen = [0]

    def write(fd: int, data: Any) -> int:
        seen[0] += 1
        if seen[0] > calls:
            raise OSError(err, os.strerror(err))
        return real(fd, data)

    return write


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.ENOSPC, "no space left on the device (ENOSPC)"),
        (errno.EDQUOT, "the disk quota is used up (EDQUOT)"),
        (errno.EROFS, "the file system is read-only (EROFS)"),
        (errno.EACCES, "permission denied (EACCES)"),
    ],
)
def test_a_failing_write_is_one_fatal_line(err: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")
    monkeypatch.setattr(os, "write", _fail_after(0, err))
    with pytest.raises(FatalError) as caught:
        atomic_write(target, b"new\n" * 1000, inside=target.parent, overwrite=True)
    assert str(caught.value) == f"{target}: cannot write: {words}; nothing was changed"
    assert target.read_bytes() == b"old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_failing_fsync_is_one_fatal_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(FatalError, match=r"cannot write: an input/output error of the device \(EIO\); nothing was changed"):
        atomic_write(target, b"new\n", inside=target.parent, overwrite=True)
    assert target.read_bytes() == b"old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a").split("  sv:")[0], "content/concepts/b.yaml": concept("b")})
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "command",
    [
        ["new", "c", "--category", "general"],
        ["translate", "a", "--locale", "sv"],
        ["export", "--format", "csv", "-o", "out.csv"],
        ["schema", "--write"],
        ["catalog", "de"],
        ["import", "--format", "csv", "in.csv", "--overwrite"],
    ],
)
def test_every_write_command_under_a_full_disk(command: list[str], project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if command[0] == "catalog":
        write_files(project, {"mkdocs.yml": mkdocs_yml(locales=[{"code": "en"}, {"code": "sv", "prefix": "sv/"}, {"code": "de", "prefix": "de/"}])})
    if command[0] == "import":
        assert main(["export", "--format", "csv", "-o", "in.csv"]) == 0
    before = _snapshot(project)
    monkeypatch.setattr(os, "write", _fail_after(0, errno.ENOSPC))
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("glossary-tool: error: ") and "no space left on the device (ENOSPC)" in err and "Traceback" not in err
    assert _snapshot(project) == before  # nothing changed, no temporary or staged file left


def test_a_real_size_limit_from_the_kernel(project: Path) -> None:
    # RLIMIT_FSIZE makes the kernel refuse the write itself (EFBIG), as a full disk refuses it with ENOSPC.
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (400, 400))\n"
        "from glossary_tool.cli import main\n"
        "sys.exit(main(['export', '--format', 'json', '-o', 'out.json']))\n"
    )
    before = _snapshot(project)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=project)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == "glossary-tool: error: out.json: cannot write: the file would be larger than the system allows (EFBIG); nothing was changed\n"
    assert _snapshot(project) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_standard_output_on_a_full_device(project: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "glossary_tool", "export", "--format", "json"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert proc.returncode == 2
    assert proc.stderr == "glossary-tool: error: cannot write to standard output: no space left on the device (ENOSPC)\n"


# ---- targets that are not regular files are refused, even with --overwrite ----


def _device(tmp_path: Path) -> Path:
    """A character device like /dev/full (1, 7), made in the test's folder so the real one is never at risk."""
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("DEVICE", "is not a regular file (a device, FIFO or socket); refusing to replace it"),
        ("content", "is a folder; name a file to write"),
        ("link.csv", "is a symbolic link; refusing to replace it (write to the file it points to, or remove the link)"),
        ("missing/x.csv", "the folder missing does not exist; create it first"),
        ("/proc/version", "cannot write: the folder does not exist or does not accept new files (ENOENT); nothing was changed"),
    ],
)
def test_export_refuses_targets_that_are_not_regular_files(target: str, message: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if target == "DEVICE":
        target = str(_device(project))
    (project / "real.csv").write_bytes(b"mine\n")
    (project / "link.csv").symlink_to(project / "real.csv")
    before = _snapshot(project)
    device = os.lstat(target) if os.path.lexists(target) else None
    assert main(["export", "--format", "csv", "-o", target, "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert err == f"glossary-tool: error: {target}: {message}\n"
    assert _snapshot(project) == before
    if device is not None:
        after = os.lstat(target)
        assert (after.st_mode, after.st_rdev, after.st_ino) == (device.st_mode, device.st_rdev, device.st_ino)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_the_real_dev_full_is_refused_before_anything_is_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # check_target runs before the export is even made, so the device is never opened for writing or replaced.
    before = os.lstat("/dev/full")
    assert main(["export", "--format", "csv", "-o", "/dev/full", "--overwrite"]) == 2
    assert "refusing to replace it" in capsys.readouterr().err
    after = os.lstat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


# ---- import --overwrite: all or nothing, even when killed ----

N_CONCEPTS = 12
KILLED_IMPORT = r"""
import os, signal, sys
from glossary_tool.core import fileio

where, after = sys.argv[1], int(sys.argv[2])
calls = [0]

def count(real):
    def hook(*args):
        calls[0] += 1
        if calls[0] > after:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)
    return hook

if where == "replace":  # killed after `after` files of the set were renamed into place
    fileio._replace = count(fileio._replace)
else:  # killed while staging, after `after` files were staged
    fileio._write_new = count(fileio._write_new)
from glossary_tool.cli import main
sys.exit(main(["import", "--format", "csv", "new.csv", "--overwrite"]))
"""


@pytest.fixture
def overwrite_project(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A glossary of N concepts and a CSV export of changed versions of all of them: (root, old files, new files)."""
    files = {f"content/concepts/c{i}.yaml": concept(f"c{i}") for i in range(N_CONCEPTS)}
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **files})
    old = _entries(tmp_path)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["export", "--format", "csv", "-o", "new.csv"]) == 0
        (tmp_path / "new.csv").write_bytes((tmp_path / "new.csv").read_bytes().replace(b"An English definition.", b"A changed definition."))
        assert main(["import", "--format", "csv", "new.csv", "--overwrite"]) == 0
        new = _entries(tmp_path)
        for name, text in old.items():
            (tmp_path / name).write_bytes(text)
    finally:
        os.chdir(cwd)
    assert set(new) == set(old) and all(new[k] != old[k] for k in old)
    return tmp_path, old, new


def _entries(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "content").rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


def _leftovers(root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in (root / "content").rglob("*") if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("where", "after"), [("stage", 0), ("stage", 5), ("stage", N_CONCEPTS), ("replace", 0), ("replace", 1), ("replace", 7), ("replace", N_CONCEPTS - 1)]
)
def test_killed_import_is_finished_or_rolled_back_by_the_next_run(
    where: str, after: int, overwrite_project: tuple[Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    root, old, new = overwrite_project
    proc = subprocess.run([sys.executable, "-c", KILLED_IMPORT, where, str(after)], capture_output=True, text=True, timeout=120, cwd=root)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    state = _entries(root)
    if where == "stage":  # before the journal: nothing in the content changed
        assert state == old
    else:  # after it: some files are new, the others old, until the next run finishes the set
        assert sum(state[k] == new[k] for k in new) == after and all(state[k] in (old[k], new[k]) for k in new)
    nxt = subprocess.run([sys.executable, "-m", "glossary_tool", "export", "--format", "json"], capture_output=True, text=True, timeout=120, cwd=root)
    assert nxt.returncode == 0, nxt.stderr
    if where == "replace":
        assert f"finished an import that was interrupted: {N_CONCEPTS} of {N_CONCEPTS} file(s) in place" in nxt.stderr
    elif after:
        assert "an earlier import was interrupted before it changed any entry; its staged files were removed" in nxt.stderr
    else:  # killed before the first file was staged: an empty staging folder, removed without a word
        assert nxt.stderr == ""
    assert _entries(root) == (new if where == "replace" else old)
    assert _leftovers(root) == []


def test_sigkill_at_random_moments_never_leaves_a_mixed_import(overwrite_project: tuple[Path, dict[str, bytes], dict[str, bytes]]) -> None:
    root, old, new = overwrite_project
    command = [sys.executable, "-m", "glossary_tool", "import", "--format", "csv", "new.csv", "--overwrite"]
    start = time.monotonic()
    assert subprocess.run(command, capture_output=True, timeout=120, cwd=root).returncode == 0
    duration = time.monotonic() - start
    rng = random.Random(20261201)
    outcomes = []
    for _ in range(RUNS):
        for name, text in old.items():
            (root / name).write_bytes(text)
        proc = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.1) * duration)  # most of the run is start-up and reading; the writes come last
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        note = recover(root / "content")  # what the next import or export does first
        state = _entries(root)
        assert state in (old, new), "a mix of old and new entries after recovery"
        assert _leftovers(root) == []
        kind = (
            "whole without help"
            if note is None
            else "finished by the next run"
            if note.startswith(("finished", "an earlier import had put"))
            else "rolled back by the next run"
        )
        outcomes.append((kind, "new" if state == new else "old"))
        assert (kind, outcomes[-1][1]) not in (("finished by the next run", "old"), ("rolled back by the next run", "new"))
    # Which moment each kill hit depends on timing; every outcome is whole. GLOSSARY_KILL_REPORT=1 prints the tally.
    if os.environ.get("GLOSSARY_KILL_REPORT") == "1":
        print({k: outcomes.count(k) for k in set(outcomes)})
    assert len(outcomes) == RUNS


RUNS = int(os.environ.get("GLOSSARY_KILL_RUNS", "20"))


def test_a_failure_while_renaming_puts_every_file_back(
    overwrite_project: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, old, _ = overwrite_project
    monkeypatch.chdir(root)
    real, calls = fileio._replace, [0]

    def flaky(tmp: str, path: Path) -> None:
        calls[0] += 1
        if calls[0] == 5:
            raise OSError(errno.EACCES, "Permission denied")
        real(tmp, path)

    monkeypatch.setattr(fileio, "_replace", flaky)
    assert main(["import", "--format", "csv", "new.csv", "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert "cannot put the imported files in place: permission denied (EACCES); every file was put back as it was" in err
    assert _entries(root) == old and _leftovers(root) == []


def test_a_full_disk_while_staging_changes_nothing(
    overwrite_project: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, old, _ = overwrite_project
    monkeypatch.chdir(root)
    monkeypatch.setattr(os, "write", _fail_after(6, errno.ENOSPC))
    assert main(["import", "--format", "csv", "new.csv", "--overwrite"]) == 2
    assert "no space left on the device (ENOSPC); nothing was changed" in capsys.readouterr().err
    assert _entries(root) == old and _leftovers(root) == []
