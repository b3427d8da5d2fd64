"""Writes stay inside the project: a link or a '..' that leads out stops every write command before it writes anything.

A pull request can commit symbolic links. Each case links a folder a command writes in (``content/concepts``,
``locales/``, ``locales/<lang>/LC_MESSAGES``, the site folder, an import's staging folder) or the file itself to a
folder beside the project, runs the command, and compares everything under the temporary folder before and after.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import concept, mkdocs_yml, write_files
from security_helpers import tree

from glossary_tool.cli import main
from glossary_tool.core.fileio import STAGING, digest

LOCALES = [{"code": "en"}, {"code": "sv", "prefix": "sv/"}, {"code": "de", "prefix": "de/"}]
OUTSIDE_ENTRY = concept("a", "outside term")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp/project`` (two concepts, three languages) beside ``tmp/outside``, which holds a file an attack would replace."""
    project = tmp_path / "project"
    write_files(project, {"mkdocs.yml": mkdocs_yml(locales=LOCALES), "content/concepts/b.yaml": concept("b"), "content/concepts/c.yaml": concept("c")})
    write_files(tmp_path / "outside", {"a.yaml": OUTSIDE_ENTRY, "de/LC_MESSAGES/messages.po": "# mine\n", "messages.po": "# mine\n"})
    monkeypatch.chdir(project)
    return tmp_path


def _link(world: Path, name: str, target: str) -> None:
    """Replace ``project/name`` by a link to ``target`` (relative to the temporary folder)."""
    path = world / "project" / name
    if path.is_dir():
        for child in sorted(path.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        path.rmdir()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not (world / target).exists():  # an entry with the link's id, under another name in the content folder
        (world / target).write_text(concept(path.stem), encoding="utf-8")
    path.symlink_to(world / target)


def _csv(world: Path) -> Path:
    """An import file with a concept 'a' (the id of the file outside), made by the project's own export."""
    write_files(world / "project", {"content/concepts/a.yaml": concept("a", "inside term")})
    assert main(["export", "--format", "csv", "-o", str(world / "in.csv")]) == 0
    (world / "project" / "content" / "concepts" / "a.yaml").unlink()
    return world / "in.csv"


# (link name in the project → its target beside it, the command, what the error says)
CASES: dict[str, tuple[str, str, list[str], str]] = {
    "new, content/concepts linked out": ("content/concepts", "outside", ["new", "a", "--category", "model"], "outside the project"),
    "import, content/concepts linked out": ("content/concepts", "outside", ["import", "--format", "csv", "IN"], "outside the project"),
    "import --overwrite, content/concepts linked out": (
        "content/concepts",
        "outside",
        ["import", "--format", "csv", "IN", "--overwrite"],
        "outside the project",
    ),
    "catalog, locales linked out": ("locales", "outside", ["catalog", "de"], "outside the project"),
    "catalog, LC_MESSAGES linked out": ("locales/de/LC_MESSAGES", "outside", ["catalog", "de"], "outside the project"),
    "catalog, the catalog file linked out": ("locales/de/LC_MESSAGES/messages.po", "outside/messages.po", ["catalog", "de"], "outside the project"),
    "schema --write, the schema file linked out": ("content/entry.schema.json", "outside/a.yaml", ["schema", "--write"], "outside the project"),
    "schema --write, the schema file linked inside": (
        "content/entry.schema.json",
        "project/content/concepts/b.yaml",
        ["schema", "--write"],
        "is a symbolic link; refusing to replace it",
    ),
    "translate, the entry linked inside": (
        "content/concepts/x.yaml",
        "project/content/x.txt",
        ["translate", "x", "--locale", "de"],
        "is a symbolic link; refusing to replace it",
    ),
    "translate, content/concepts linked out": ("content/concepts", "outside", ["translate", "a", "--locale", "de"], "no entry file named a.yaml"),
    "content folder linked out": ("content", "outside", ["new", "a", "--category", "model"], "a link may not take it out"),
    "build, site linked out": ("site", "outside", ["build"], "is outside the project"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_no_write_command_writes_through_a_link_out_of_the_project(case: str, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, target, command, words = CASES[case]
    command = [str(_csv(world)) if word == "IN" else word for word in command]
    _link(world, name, target)
    before = tree(world)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert words in err and err.startswith("glossary-tool: error: ") and "Traceback" not in err, err
    if "config" not in err:
        assert err.count("\n") == 1, err
    assert tree(world) == before  # nothing written, replaced or created, inside the project or beside it


@pytest.mark.parametrize("site_dir", ["../outside/site", "site/../../outside/site"])
def test_build_refuses_a_site_folder_that_a_dotdot_takes_out(site_dir: str, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(world)
    assert main(["build", "--site-dir", site_dir]) == 2
    assert "is outside the project" in capsys.readouterr().err
    assert tree(world) == before


def test_init_refuses_a_link_as_its_folder(world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (world / "empty").mkdir()
    (world / "new").symlink_to(world / "empty")
    before = tree(world)
    assert main(["init", str(world / "new"), "--locales", "en,sv"]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err
    assert tree(world) == before


def test_export_may_write_anywhere_but_never_through_a_link(world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The one write command whose file is the user's own choice: beside the project is fine, a link is not replaced.
    assert main(["export", "--format", "csv", "-o", str(world / "outside" / "new.csv")]) == 0
    (world / "outside" / "link.csv").symlink_to(world / "outside" / "a.yaml")
    before = tree(world)
    assert main(["export", "--format", "csv", "-o", str(world / "outside" / "link.csv"), "--overwrite"]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert tree(world) == before


# ---- the staging folder of an interrupted import is a file in the project too: a pull request can commit one ----


def _journal(world: Path, target: str, *, staged: str = "00000.new") -> None:
    staging = world / "project" / "content" / STAGING
    staging.mkdir()
    (staging / staged).write_text(OUTSIDE_ENTRY.replace("outside term", "planted"), encoding="utf-8")
    entry = {"target": target, "staged": staged, "old": None, "new": digest(b"x"), "backup": None}
    (staging / "journal.json").write_text(json.dumps({"files": [entry]}), encoding="utf-8")


@pytest.mark.parametrize(
    ("target", "staged"),
    [
        ("../../outside/new.yaml", "00000.new"),  # a '..' out of the content folder
        (str(Path("/tmp/glossary-planted.yaml")), "00000.new"),  # an absolute path
        ("concepts/new.sh", "00000.new"),  # a file an import never writes
        ("concepts/new.yaml", "../../../outside/a.yaml"),  # a staged file outside the staging folder
    ],
)
@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["import", "--format", "csv", "IN"]])
def test_a_planted_journal_never_moves_a_file_out_of_the_content_folder(
    target: str, staged: str, command: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = [str(_csv(world)) if word == "IN" else word for word in command]
    _journal(world, target, staged=staged)
    before = tree(world)
    assert main(command) == 2
    assert "names a file this tool would never write" in capsys.readouterr().err
    assert tree(world) == before
    assert not Path("/tmp/glossary-planted.yaml").exists()


def test_a_journal_whose_target_folder_links_out_is_refused(world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _link(world, "content/concepts", "outside")
    _journal(world, "concepts/new.yaml")
    before = tree(world)
    assert main(["export", "--format", "csv"]) == 2
    assert "outside the project" in capsys.readouterr().err
    assert tree(world) == before


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["import", "--format", "csv", "IN"]])
def test_a_linked_staging_folder_is_refused(command: list[str], world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    command = [str(_csv(world)) if word == "IN" else word for word in command]
    (world / "outside" / "done").write_text("", encoding="utf-8")  # a finished set's marker: recovery would empty the folder
    _link(world, f"content/{STAGING}", "outside")
    before = tree(world)
    assert main(command) == 2
    assert "is not a folder an import left" in capsys.readouterr().err
    assert tree(world) == before


def test_a_journal_that_is_a_pipe_does_not_block(world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    staging = world / "project" / "content" / STAGING
    staging.mkdir()
    os.mkfifo(staging / "journal.json")
    assert main(["export", "--format", "csv"]) == 2
    assert "cannot read the journal" in capsys.readouterr().err


# ---- build on a full disk: one line, exit 2, the old site as it was ----

FULL_DISK_BUILD = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))\n"  # the kernel refuses any file past 30 KB (EFBIG)
    "from glossary_tool.cli import main\n"
    "sys.exit(main(['build']))\n"
)


def _built_project(root: Path) -> Path:
    from security_helpers import new_project

    project = new_project(root / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the old site", encoding="utf-8")
    (project / "site" / ".glossary-tool-site").write_text("", encoding="utf-8")
    return project


def test_build_on_a_full_disk_is_one_line_and_leaves_the_old_site(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes the kernel refuse the write itself, in the build and in every locale's build process alike.
    project = _built_project(tmp_path)
    before = tree(tmp_path)
    proc = subprocess.run([sys.executable, "-c", FULL_DISK_BUILD], capture_output=True, text=True, timeout=300, cwd=project)
    assert proc.returncode == 2, proc.stderr
    assert _without_site_url_warning(proc.stderr) == (
        f"glossary-tool: error: {project / 'site'}: cannot write the site: the file would be larger than the system "
        "allows (EFBIG); the site folder was not changed\n"
    )
    assert tree(tmp_path) == before  # the old site, and no staging folder left beside it


def test_build_on_a_really_full_file_system(tmp_path: Path) -> None:
    # A small tmpfs, where the site does not fit: ENOSPC from the kernel. Needs the right to mount (root, outside most containers).
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        project = _built_project(mount)
        before = tree(mount)
        proc = subprocess.run([str(Path(sys.executable).with_name("glossary-tool")), "build"], capture_output=True, text=True, timeout=300, cwd=project)
        assert proc.returncode == 2, proc.stderr
        assert _without_site_url_warning(proc.stderr) == (
            f"glossary-tool: error: {project / 'site'}: cannot write the site: no space left on the device (ENOSPC); the site folder was not changed\n"
        )
        assert tree(mount) == before
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _without_site_url_warning(stderr: str) -> str:
    """The project's site_url is this machine's, which build warns about once before it starts (tests/test_build.py)."""
    return "".join(line for line in stderr.splitlines(keepends=True) if not line.startswith("warning: mkdocs.yml:") or "site_url is" not in line)
