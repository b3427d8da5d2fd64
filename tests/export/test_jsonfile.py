"""JSON export: the whole model, deterministic whatever order the files are read in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MKDOCS, concept, make_settings, valid_glossary, write_files

from glossary_tool.cli import main
from glossary_tool.core.model import ENTRY_ADAPTER, Glossary
from glossary_tool.core.problems import Severity
from glossary_tool.exchange.jsonfile import export_json, import_json
from glossary_tool.lint import run


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


def test_import_reads_the_concepts_back_and_reports_what_it_leaves(tmp_path: Path) -> None:
    g, settings = valid_glossary(tmp_path)
    data = export_json(g, settings)
    imported, problems = import_json(data, "g.json", settings)
    assert [i.concept for i in imported] == sorted(g.concepts, key=lambda c: c.id)
    text = data.decode()
    assert all(text.splitlines()[i.line - 1].strip() == f'"id": "{i.concept.id}",' for i in imported)  # each at its own id's line
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (1, Severity.WARNING, "1 comparisons and 1 faqs in the file are not imported: an import writes concepts only")
    ]


def test_import_maps_region_tags_and_puts_placeholders_back(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    doc = {
        "concepts": [
            {
                "id": "alpha",
                "category": "model",
                "locales": {
                    "en-US": {"terms": [{"text": "alpha", "type": "fullForm", "status": "preferred"}], "definition": "A first letter."},
                    "sv": {"terms": [{"text": "alfa", "type": "fullForm", "status": "preferred"}]},
                    "xx": {"terms": [{"text": "?", "type": "fullForm", "status": "preferred"}], "definition": "?"},
                },
            }
        ]
    }
    imported, problems = import_json(json.dumps(doc, indent=2).encode(), "g.json", settings)
    (alpha,) = [i.concept for i in imported]
    assert list(alpha.locales) == ["en", "sv"] and alpha.locales["sv"].definition.startswith("TODO:")
    assert alpha.sources[0].title.startswith("TODO:")
    messages = {p.message for p in problems}
    assert "concept 'alpha': language 'en-US' was read as 'en'" in messages
    assert "concept 'alpha': language 'xx' is not configured; left out" in messages
    assert "concept 'alpha' has no source; a placeholder was written" in messages


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b'{\n  "concepts": [\n    {"id": "a",}\n  ]\n}', 3, "not valid JSON"),
        (b"\xff", 1, "is not UTF-8"),
        (b"[1, 2]", 1, 'expected an object with a "concepts" list'),
        (b'{"concepts": [7]}', 1, "concepts[0] is not an object"),
        (b"[" * 100_000 + b"]" * 100_000, 1, 'expected an object with a "concepts" list'),
        (b'{"concepts": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", 1, "nested too deeply"),
        (b'{"concepts": [{"id": "a", "category": "model", "locales": {"en": {"terms": [], "definition": "x"}}}]}', 1, "concept 'a': locales.en.terms"),
    ],
)
def test_bad_files_are_located_errors_never_tracebacks(tmp_path: Path, data: bytes, line: int, message: str) -> None:
    imported, problems = import_json(data, "g.json", make_settings(tmp_path))
    assert imported == [] and any(p.line == line and message in p.message and p.severity is Severity.ERROR for p in problems), problems
