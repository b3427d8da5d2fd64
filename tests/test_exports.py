"""What glossary-tool build hands its locale builds (site/exports.py): the loaded glossary comes back as the same
entries, and a file that is missing, damaged or not one the parent would write is not used (the build loads its own)."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from conftest import concept, make_settings, write_files

from glossary_tool.core.loading import load_glossary
from glossary_tool.core.model import Glossary
from glossary_tool.site import exports


@pytest.fixture
def loaded(tmp_path: Path) -> Glossary:
    write_files(tmp_path / "content", {"a.yaml": concept("a"), "b.yaml": concept("b", en="bee", sv="bi")})
    glossary, problems = load_glossary(make_settings(tmp_path / "content"))
    assert not problems and len(glossary.entries) == 2
    return glossary


def _handed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "handed"
    folder.mkdir()
    monkeypatch.setenv(exports.EXPORTS_ENV, str(folder))
    return folder


def test_the_glossary_comes_back_as_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: Glossary) -> None:
    exports.write_glossary(_handed(tmp_path, monkeypatch), loaded)
    received = exports.received_glossary()
    assert received is not None
    assert [e.model for e in received.entries] == [e.model for e in loaded.entries]
    assert [(d.path, d.text, d.data) for d in received.documents] == [(d.path, d.text, d.data) for d in loaded.documents]
    assert [e.doc.path for e in received.entries] == [e.doc.path for e in loaded.entries]
    assert received.concept("b") == loaded.concept("b")


def test_nothing_handed_means_the_build_loads_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: Glossary) -> None:
    monkeypatch.delenv(exports.EXPORTS_ENV, raising=False)
    assert exports.received_glossary() is None
    _handed(tmp_path, monkeypatch)  # a folder without the file: the exports were handed, the glossary was not
    assert exports.received_glossary() is None


@pytest.mark.parametrize("payload", [b"", b"\x00not marshal", marshal.dumps([("a.yaml", "text")]), marshal.dumps({"not": "a list"})])
def test_a_damaged_file_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: bytes) -> None:
    (_handed(tmp_path, monkeypatch) / exports.GLOSSARY).write_bytes(payload)
    assert exports.received_glossary() is None


def test_a_document_that_fails_validation_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: Glossary) -> None:
    """The parent hands only a glossary without errors: an invalid document means the file is not its, and the build
    loads the glossary itself (and reports what is wrong)."""
    fields = [(d.path, d.text, d.data) for d in loaded.documents]
    fields[1] = (fields[1][0], fields[1][1], {**fields[1][2], "bogus": 1})
    (_handed(tmp_path, monkeypatch) / exports.GLOSSARY).write_bytes(marshal.dumps(fields))
    assert exports.received_glossary() is None
