"""The lint runner: ``check_text`` lints one text as ``run`` lints files; content-folder names are judged by lint."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import concept, make_settings

from glossary_tool.core.content_files import ContentFile
from glossary_tool.core.problems import Severity
from glossary_tool.lint import check_text, content_problems, run


def test_check_text_reports_what_run_reports_for_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = concept("kpo").replace("category: model", "category: model\nstauts: x").replace("An English definition.", "Often, x.")
    (tmp_path / "kpo.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path)
    from_text = check_text(text, settings, "kpo.yaml")
    assert from_text == run(settings, [Path("kpo.yaml")]).problems
    assert [(p.line, p.column, p.rule) for p in from_text] == [(4, 1, "schema")]


def test_check_text_stops_at_the_loader_and_stamps_severities(tmp_path: Path) -> None:
    problems = check_text("id: a\nkind: concept\nid: b\n", make_settings(tmp_path), "a.yaml")
    assert [(p.path, p.line, p.column, p.rule, p.severity) for p in problems] == [("a.yaml", 3, 1, "duplicate-key", Severity.ERROR)]
    warned = check_text(concept("kpo").replace("An English definition.", "Mostly a process outsourced."), make_settings(tmp_path), "kpo.yaml")
    assert [(p.rule, p.severity) for p in warned] == [("definition-hedge", Severity.WARNING)]


def test_content_problems_are_errors_whatever_the_configuration_says(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, unexpected_file="off")
    items = [ContentFile("c/a.svg", "file", "a.svg"), ContentFile("c/sub", "unreadable", "sub", "Permission denied")]
    assert [(p.path, p.rule, p.severity) for p in content_problems(items, settings)] == [
        ("c/a.svg", "unexpected-file", Severity.ERROR),
        ("c/sub", "unreadable", Severity.ERROR),
    ]
