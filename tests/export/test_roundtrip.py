"""Export, import and export again gives the same bytes, for every format that can be imported."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, MKDOCS, write_files
from test_selection import HALF_DONE

from glossary_tool.cli import main
from glossary_tool.exchange import load_all

EXPORT_ONLY = {"skos"}  # no importer: SKOS is published for linked-data tools, not read back


def test_the_formats_without_an_importer_are_only_those() -> None:
    exporters, importers = load_all()
    assert set(exporters) - set(importers) == EXPORT_ONLY and set(importers) <= set(exporters)


@pytest.mark.parametrize("fmt", sorted(set(load_all()[1])))
def test_export_import_export_is_byte_identical(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/half.yaml": HALF_DONE})  # placeholders are left out, then come back as placeholders
    for f in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(f, tmp_path / "content" / "concepts" / f.name)
    locales = ["--locales", "en,sv"] if fmt == "csv-pair" else []
    assert main(["export", "--format", fmt, "-o", "first", *locales]) == 0
    if fmt == "json":  # an import writes concepts: the comparison and the question, which only JSON carries, stay
        concepts = [f for f in (tmp_path / "content" / "concepts").glob("*.yaml") if not re.search(r"^kind: (faq|comparison)$", f.read_text(), re.M)]
        assert len(concepts) == 5  # the four valid concepts and the half-done one
        for f in concepts:
            f.unlink()
    else:
        shutil.rmtree(tmp_path / "content" / "concepts")
    assert main(["import", "--format", fmt, "first"]) == 0
    assert main(["export", "--format", fmt, "-o", "second", *locales]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert (tmp_path / "second").read_bytes() == (tmp_path / "first").read_bytes()


READING = """\
# yaml-language-server: $schema=../entry.schema.json
id: test-tube
kind: concept
category: service
sources:
  - title: Laboratory equipment
locales:
  en:
    terms:
      - {text: test tube, type: fullForm, status: preferred}
    definition: Narrow glass tube closed at one end.
  ja:
    terms:
      - {text: 試験管, type: fullForm, status: preferred, reading: しけんかん}
    definition: 一方の端が閉じた細いガラス管。
"""


@pytest.mark.parametrize("fmt", ["tbx", "csv", "xlsx", "json"])
def test_a_terms_reading_is_exported_and_imported(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import mkdocs_yml

    monkeypatch.chdir(tmp_path)
    config = mkdocs_yml(locales=[{"code": "en"}, {"code": "ja"}], categories=[{"id": "service"}], relations=[])
    write_files(tmp_path, {"mkdocs.yml": config, "content/concepts/test-tube.yaml": READING})
    assert main(["export", "--format", fmt, "-o", "out"]) == 0
    assert fmt == "xlsx" or "しけんかん" in (tmp_path / "out").read_text(encoding="utf-8-sig")
    shutil.rmtree(tmp_path / "content" / "concepts")
    assert main(["import", "--format", fmt, "out"]) == 0
    (written,) = (tmp_path / "content" / "concepts").glob("*.yaml")
    assert re.search(r"reading: しけんかん", written.read_text(encoding="utf-8")), written.read_text(encoding="utf-8")
