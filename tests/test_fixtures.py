"""Folders of fixtures: valid entries lint clean; each invalid file gives exactly its expected problems.

An invalid fixture's header: ``# expect: RULE LINE:COLUMN`` (one or more), optionally ``# settings: k=v``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, make_settings

from glossary_tool.core.loader import Impl
from glossary_tool.core.problems import Severity
from glossary_tool.lint import run

VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def header(path: Path) -> tuple[set[tuple[str, int, int]], dict[str, str]]:
    expects: set[tuple[str, int, int]] = set()
    settings: dict[str, str] = {}
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        if m := re.match(r"# expect: (\S+) (\d+):(\d+)$", line):
            expects.add((m[1], int(m[2]), int(m[3])))
        elif line.startswith("# settings:"):
            for item in line.split(":", 1)[1].split():
                key, value = item.split("=", 1)
                settings[key] = value
    return expects, settings


def test_there_are_enough_invalid_fixtures() -> None:
    assert len(INVALID) >= 25


def test_valid_fixtures_are_clean_even_when_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for f in VALID:
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    result = run(make_settings(tmp_path), [tmp_path], strict=True)
    assert result.problems == []
    assert len(result.glossary.entries) == len(VALID)


@pytest.mark.parametrize("impl", ["c", "python"])
@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture(fixture: Path, impl: Impl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expects, options = header(fixture)
    assert expects, f"{fixture.name} has no '# expect:' header"
    for f in VALID:
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(fixture, tmp_path / fixture.name)
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path)
    rules = dict(settings.rules)
    for key, value in options.items():
        if key == "max_file_bytes":
            settings = type(settings)(**{**{f: getattr(settings, f) for f in settings.__slots__}, "max_file_bytes": int(value)})
        else:
            rules[key] = Severity(value)
    settings = type(settings)(**{**{f: getattr(settings, f) for f in settings.__slots__}, "rules": rules})
    result = run(settings, [tmp_path], impl=impl)
    got = {(p.rule, p.line, p.column) for p in result.problems if p.path == fixture.name}
    others = [p for p in result.problems if p.path != fixture.name]
    assert got == expects, [str(p) for p in result.problems]
    assert others == [], "the valid fixtures must stay clean"
