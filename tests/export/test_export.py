"""The format registries and the import run (all or nothing, overwrite rules)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from conftest import MKDOCS, concept, write_files

from glossary_tool.cli import build_parser
from glossary_tool.core.config import load_settings
from glossary_tool.exchange import load_all
from glossary_tool.exchange.csvfile import export_csv
from glossary_tool.exchange.importing import import_file
from glossary_tool.lint import run


def test_command_line_formats_match_the_registries() -> None:
    exporters, importers = load_all()
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    choices = {name: next(a.choices for a in subparsers[name]._actions if a.dest == "format") for name in ("export", "import")}
    assert choices["export"] is not None and choices["import"] is not None
    assert sorted(choices["export"]) == sorted(exporters) and sorted(choices["import"]) == sorted(importers)


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A CSV export of concepts a and b, with the content folder emptied afterwards."""
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/a.yaml": concept("a"), "content/b.yaml": concept("b")})
    settings = load_settings("mkdocs.yml")
    (tmp_path / "g.csv").write_bytes(export_csv(run(settings).glossary, settings))
    for name in ("a", "b"):
        (tmp_path / "content" / f"{name}.yaml").unlink()
    return tmp_path / "g.csv"


def test_an_error_anywhere_writes_nothing(exported: Path) -> None:
    data = exported.read_bytes()
    assert b'\n"a",' in data
    exported.write_bytes(data.replace(b'\n"a",', b'\n"a b",', 1))  # an id no entry may have
    result = import_file(load_settings("mkdocs.yml"), "csv", exported)
    assert result.errors >= 1 and result.written == [] and not (exported.parent / "content" / "concepts").exists()


def test_overwrite_replaces_only_the_file_of_that_id(exported: Path) -> None:
    write_files(exported.parent, {"content/faq/a.yaml": concept("a")})  # id a lives elsewhere
    result = import_file(load_settings("mkdocs.yml"), "csv", exported, overwrite=True)
    assert result.written == []
    assert [p.message for p in result.problems] == ["id 'a' is used by content/faq/a.yaml, which --overwrite does not replace; rename one of them"]


def test_imported_files_are_entries_in_house_style(exported: Path) -> None:
    result = import_file(load_settings("mkdocs.yml"), "csv", exported)
    assert [p.name for p in result.written] == ["a.yaml", "b.yaml"] and result.problems == []
    text = (exported.parent / "content" / "concepts" / "a.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../entry.schema.json\nid: a\nkind: concept\n")
    assert "grammar: {pos: noun, gender: utrum}" in text
    assert run(load_settings("mkdocs.yml"), strict=True).problems == []
