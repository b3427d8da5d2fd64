"""Output hygiene: whatever a command prints, a file name or contributor text cannot start a line of its own or send a
terminal escape sequence (a GitHub workflow command, a cleared screen, a retitled window)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import concept
from security_helpers import SCHEMA_LINE, new_project

EXE = Path(sys.executable).with_name("glossary-tool")
INJECTED = "x\n::error file=ci.yaml::pwned \x1b]0;title\x07\x1b[2J \x9b31m \u202e"  # in a file name
# Entries cannot hold other controls (the loader refuses them, even as escapes): line breaks and tabs remain.
IN_ENTRY = "x\n::error file=ci.yaml::pwned\r::warning::again\tz"


def _safe(out: str) -> None:
    assert not [ch for ch in out if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or ch == "\u202e"]
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], cwd=project, capture_output=True, text=True, timeout=300)


def test_status_escapes_an_id_from_an_entry(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p")
    # A concept whose id holds the payload (id-slug refuses it in lint; status still lists it).
    text = SCHEMA_LINE + concept("placeholder").replace("id: placeholder", 'id: "' + IN_ENTRY.encode("unicode_escape").decode() + '"')
    text = text.split("  sv:\n")[0]  # no Swedish: status lists it as missing
    (project / "content" / "evil.yaml").write_text(text, encoding="utf-8")
    proc = _run(project, "status")
    assert proc.returncode == 0, proc.stderr
    _safe(proc.stdout + proc.stderr)
    assert "missing  x\\n::error file=ci.yaml::pwned\\r::warning::again\\tz: terms, definition" in proc.stdout


def test_a_failed_build_prints_file_names_escaped(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p")
    (project / "content" / f"{INJECTED}.yaml").write_text("id: x\n", encoding="utf-8")
    proc = _run(project, "build")
    assert proc.returncode == 1
    _safe(proc.stdout + proc.stderr)
    assert "content/x\\n::error file=ci.yaml::pwned" in proc.stderr


def test_translate_diff_escapes_the_source_text(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p")
    kpo = project / "content" / "kpo.yaml"
    text = kpo.read_text(encoding="utf-8")
    assert "translated_from" not in text
    # Record hashes, then change the English definition to hold the payload: --diff shows the new text.
    assert _run(project, "translate", "kpo", "--locale", "sv", "--reviewed").returncode == 0
    text = kpo.read_text(encoding="utf-8")
    start = text.index("    definition: >-\n")
    end = text.index("\n", text.index("\n", start + 20) + 1)
    payload = IN_ENTRY.encode("unicode_escape").decode()
    kpo.write_text(text[:start] + f'    definition: "{payload}"' + text[end:], encoding="utf-8")
    proc = _run(project, "translate", "kpo", "--locale", "sv", "--diff")
    assert proc.returncode == 0, proc.stderr
    _safe(proc.stdout)
    assert "::error file=ci.yaml::pwned" in proc.stdout  # shown, but escaped onto the line it belongs to
