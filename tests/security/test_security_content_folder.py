"""The content folder holds only entries, the schema and raster images: everything else is a lint problem at its path.

Links out of the folder, loops and special files are reported without being opened or followed; no command hangs on a
FIFO; a build stops before MkDocs walks the folder and publishes nothing from it but the pages made from entries.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, concept
from security_helpers import new_project

from glossary_tool.cli import main

EXE = Path(sys.executable).with_name("glossary-tool")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
SECRET = "glossary-test-secret-3f9a1c"


def _project(tmp_path: Path) -> Path:
    project = new_project(tmp_path / "p")
    shutil.copy(ROOT / "content" / "entry.schema.json", project / "content" / "entry.schema.json")
    return project


def _lint(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), "lint", *args], cwd=project, capture_output=True, text=True, timeout=60, env={**os.environ, "GLOSSARY_SECRET": SECRET})


def _found(out: str) -> dict[str, str]:
    """path → rule of every problem at 1:1 (where content-folder problems are reported)."""
    hits = {}
    for line in out.splitlines():
        path, sep, rest = line.partition(":1:1: error: ")
        if sep:
            hits[path] = rest.rsplit("[", 1)[-1].rstrip("]")
    return hits


def test_files_that_are_not_entries_are_refused_with_a_rule_id(tmp_path: Path) -> None:
    project = _project(tmp_path)
    content = project / "content"
    hostile = {
        "a.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "b.htm": "<script>alert(2)</script>",
        "c.xhtml": '<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(3)"/></html>',
        "d.html": "<img src=x onerror=alert(4)>",
        "e.md": "<script>alert(5)</script>",
        "f.js": "alert(6)",
        "notes.txt": "just text",
        "upper.YAML": "id: upper\n",
        "fake.png": "<script>alert(7)</script>",
        "sub/.hidden/x.yaml": "id: x\n",
    }
    for name, text in hostile.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    (content / "real.png").write_bytes(PNG)
    (content / ".gitkeep").write_text("", encoding="utf-8")
    proc = _lint(project, "--strict")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = _found(proc.stdout)
    expected = {f"content/{name}": "unexpected-file" for name in hostile if "/" not in name} | {"content/sub/.hidden": "unexpected-file"}
    assert {p: r for p, r in found.items() if r == "unexpected-file"} == expected
    assert "SVG images can carry script" in proc.stdout and "its content is not a PNG image" in proc.stdout
    assert "rename it, or it is not read" in proc.stdout  # upper.YAML
    # The schema, a real PNG and .gitkeep are what the folder may hold; nothing else is reported.
    assert not [line for line in proc.stdout.splitlines() if ": error: " in line and not any(p + ":" in line for p in expected)]


def test_links_out_of_the_folder_loops_and_pipes_are_reported_without_being_read(tmp_path: Path) -> None:
    project = _project(tmp_path)
    content = project / "content"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "stolen.yaml").write_text(concept("stolen"), encoding="utf-8")
    links = {
        "environ.yaml": "/proc/self/environ",
        "etc": "/etc",
        "passwd.yaml": "/etc/passwd",
        "up.yaml": "../../outside/stolen.yaml",
        "loop-a.yaml": "loop-b.yaml",
        "loop-b.yaml": "loop-a.yaml",
        "self.yaml": "self.yaml",
        "dangling.yaml": "missing.yaml",
        "folder": "concepts",
    }
    (content / "concepts").mkdir(exist_ok=True)
    for name, target in links.items():
        os.symlink(target, content / name)
    os.mkfifo(content / "x.yaml")
    os.mkfifo(content / "concepts" / "y.yml")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(content / "s.yaml"))
    try:
        proc = _lint(project)
    finally:
        sock.close()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = _found(proc.stdout)
    assert {p: r for p, r in found.items() if r in ("symlink", "special-file")} == {
        **{f"content/{name}": "symlink" for name in links},
        "content/x.yaml": "special-file",
        "content/concepts/y.yml": "special-file",
        "content/s.yaml": "special-file",
    }
    assert "a symbolic link to /proc/self/environ, outside the content folder" in proc.stdout
    assert "loops back on itself" in proc.stdout and "to a folder" in proc.stdout and "missing.yaml, which does not exist" in proc.stdout
    assert SECRET not in proc.stdout + proc.stderr and "root:" not in proc.stdout
    assert "stolen" not in proc.stdout.replace("stolen.yaml", "")  # the entry behind the link was never parsed


def test_a_link_to_an_entry_inside_the_folder_is_read(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "content" / "more").mkdir()
    os.symlink("../kpo.yaml", project / "content" / "more" / "kpo.yaml")
    proc = _lint(project)
    # Read through the link: the same entry twice, which the duplicate-id rule reports; nothing about the link itself.
    assert "[duplicate-id]" in proc.stdout and "[symlink]" not in proc.stdout


@pytest.mark.parametrize(
    "command", [["lint"], ["status"], ["new", "zz", "--category", "model"], ["export", "--format", "json"], ["translate", "kpo", "--locale", "sv"], ["build"]]
)
def test_no_command_hangs_on_a_fifo_named_like_an_entry(command: list[str], tmp_path: Path) -> None:
    project = _project(tmp_path)
    os.mkfifo(project / "content" / "x.yaml")
    before = {p.relative_to(project).as_posix() for p in (project / "content").rglob("*")}
    proc = subprocess.run([str(EXE), *command], cwd=project, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    expected = {"lint": 1, "status": 0, "new": 0, "export": 2, "translate": 2, "build": 1}[command[0]]
    assert proc.returncode == expected, proc.stdout + proc.stderr
    if command[0] in ("lint", "build"):
        assert "content/x.yaml:1:1: error: a named pipe (FIFO), not a file; it is not read (delete it) [special-file]" in proc.stdout + proc.stderr
    added = {p.relative_to(project).as_posix() for p in (project / "content").rglob("*")} - before
    assert added == ({"content/concepts", "content/concepts/zz.yaml"} if command[0] == "new" else set())
    assert not (project / "site").exists()


def test_the_loader_refuses_a_pipe_it_is_handed_without_blocking(tmp_path: Path) -> None:
    from glossary_tool.core.loader import load_file

    fifo = tmp_path / "late.yaml"
    os.mkfifo(fifo)  # as if it replaced the file between the listing and the read
    doc, problems = load_file(fifo, "late.yaml")
    assert doc is None and [(p.rule, p.line, p.column) for p in problems] == [("special-file", 1, 1)]


def test_a_build_stops_before_mkdocs_walks_a_hostile_folder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    os.symlink("/", project / "content" / "root")  # MkDocs follows links: it would walk the whole disk
    os.symlink("loop", project / "content" / "loop")
    for cmd in ([str(EXE), "build"], [str(Path(sys.executable).with_name("mkdocs")), "build", "-q"]):
        proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1, out
        assert "content/root:1:1: error: a symbolic link to /, outside the content folder" in out
        assert "content/loop:1:1: error: a symbolic link that loops back on itself; delete it [symlink]" in out
        assert "Traceback" not in out
        assert not (project / "site").exists()


def test_the_build_publishes_only_pages_made_from_entries(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "content" / "picture.png").write_bytes(PNG)  # accepted by lint, still not published
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    site = project / "site"
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    # JSON is published by the site's search and as the glossary's own export under downloads/, nowhere else.
    assert not [
        p for p in published if p.endswith((".yaml", ".yml", ".json")) and p.split("/")[0 if not p.startswith("sv/") else 1] not in ("search", "downloads")
    ]
    assert not [p for p in published if "picture" in p or "schema" in p]
    pages = {p.rsplit("/", 2)[-2] for p in published if p.startswith("terms/") and p.endswith("/index.html")}
    entries = {p.stem for p in (project / "content").glob("*.yaml") if "kind: concept" in p.read_text(encoding="utf-8")}
    assert pages == entries


def test_names_with_control_characters_are_reported_escaped(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "content" / "evil\n::error file=x.yaml::pwned.yaml").write_text("id: x\n", encoding="utf-8")
    (project / "content" / "red\x1b[31m.txt").write_text("x", encoding="utf-8")
    os.close(os.open(os.fsencode(project / "content") + b"/\xff.yaml", os.O_CREAT | os.O_WRONLY))
    for fmt in ("text", "github", "json"):
        proc = subprocess.run([str(EXE), "lint", "--format", fmt], cwd=project, capture_output=True, timeout=60)
        out = proc.stdout.decode("utf-8")  # a name that is not UTF-8 is escaped, so the output always is
        assert proc.returncode == 1 and b"Traceback" not in proc.stderr
        assert "\x1b" not in out and not [line for line in out.splitlines() if line.startswith("::error file=x")]
        assert "red\\u001b[31m.txt" in out  # the same escape in every format (JSON reads it back as ESC)
    text = _lint(project).stdout
    assert "content/evil\\n::error file=x.yaml::pwned.yaml:1:1: error: the name contains the invisible or control character U+000A" in text
    assert "content/\\udcff.yaml:1:1: error: the name contains the byte 0xFF, which is not UTF-8; rename it [unexpected-file]" in text
