"""JSON export: the whole model, deterministic whatever order the files are read in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MKDOCS, concept, make_settings, write_files

from glossary_tool.cli import main
from glossary_tool.export.jsonfile import export_json
from glossary_tool.lint import run
from glossary_tool.model import ENTRY_ADAPTER, Glossary


def test_whole_model_sorted_and_deterministic(tmp_path: Path) -> None:
    for f in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    settings = make_settings(tmp_path)
    g = run(settings).glossary
    data = export_json(g, settings)
    assert export_json(Glossary(tuple(reversed(g.entries))), settings) == data
    parsed = json.loads(data)
    assert [c["id"] for c in parsed["concepts"]] == sorted(c.id for c in g.concepts)
    assert len(parsed["comparisons"]) == 1 and len(parsed["faqs"]) == 1
    for kind in ("concepts", "comparisons", "faqs"):
        for item in parsed[kind]:
            model = ENTRY_ADAPTER.validate_python(item)
            assert model in [e.model for e in g.entries]  # nothing lost: each item validates back to its entry
    assert parsed["concepts"][0]["locales"]["en"]["translated_from"] == {}


def test_export_to_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/a.yaml": concept("a", sv="å")})
    assert main(["export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["concepts"][0]["locales"]["sv"]["terms"][0]["text"] == "å"

