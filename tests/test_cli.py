"""The command line: exit codes, formats, --strict, and settings read from mkdocs.yml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, concept, mkdocs_yml, write_files

from glossary_tool.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": mkdocs_yml(), "content/a.yaml": concept("a")})
    return tmp_path


def test_clean_glossary_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == "no problems\n"


def test_errors_exit_1_with_file_line_column(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(project, {"content/b.yaml": concept("b").replace("kind: concept", "kind: concept\nkind: faq")})
    assert main(["lint"]) == 1
    assert "content/b.yaml:3:1: error: key 'kind' appears twice; first on line 2 [duplicate-key]" in capsys.readouterr().out


def test_warnings_exit_0_unless_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(project, {"content/b.yaml": concept("b").split("  sv:\n")[0]})
    assert main(["lint"]) == 0
    assert main(["lint", "--strict"]) == 1


def test_severity_from_mkdocs_yml(project: Path) -> None:
    write_files(project, {"content/b.yaml": concept("b").split("  sv:\n")[0]})
    write_files(project, {"mkdocs.yml": mkdocs_yml(rules={"missing-locale": "error"})})
    assert main(["lint"]) == 1
    write_files(project, {"mkdocs.yml": mkdocs_yml(rules={"missing-locale": "off"})})
    assert main(["lint", "--strict"]) == 0


def test_json_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(project, {"content/b.yaml": "id: b\nkind: concept\nkind: x\n"})
    assert main(["lint", "--format", "json", "content/b.yaml"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {"path": "content/b.yaml", "line": 3, "column": 1, "rule": "duplicate-key", "severity": "error", "message": "key 'kind' appears twice; first on line 2"}
    ]


def test_github_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(project, {"content/b.yaml": "id: b\nkind: !!str concept\n"})
    assert main(["lint", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=content/b.yaml,line=2,col=7,title=yaml-tag::")


@pytest.mark.parametrize("argv", [["lint", "--format", "xml"], ["frobnicate"], []])
def test_usage_errors_exit_2(project: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_missing_path_and_bad_config_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "nowhere"]) == 2
    assert main(["--config", "missing.yml", "lint"]) == 2
    err = capsys.readouterr().err
    assert "nowhere: no such file or folder" in err and "missing.yml: not found" in err


def test_rules_command_documents_every_rule(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.lint.rules import load_all

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in load_all().values():
        assert f"{rule.id} (" in out
        assert rule.doc and "Passes" in rule.doc and "Fails" in rule.doc


def test_published_schema_is_current() -> None:
    assert main(["--config", str(ROOT / "mkdocs.yml"), "schema", "--check"]) == 0


def test_module_entry_point(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "glossary_tool", "lint", "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []


def test_no_traceback_on_binary_garbage(project: Path) -> None:
    (project / "content" / "junk.yaml").write_bytes(bytes(range(256)) * 4)
    proc = subprocess.run([sys.executable, "-m", "glossary_tool", "lint"], capture_output=True, text=True)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "content/junk.yaml:" in proc.stdout
