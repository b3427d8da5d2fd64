"""Round-trip YAML: every real entry survives a no-op load and save byte for byte; new entries read back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, concept, make_settings

from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError
from glossary_tool.core.yamlio import FOLD_AT, check_entry, concept_yaml, dump, load_for_edit, prose

REAL_FILES = sorted((ROOT / "content").rglob("*.yaml")) + sorted((FIXTURES / "valid").glob("*.yaml"))


def test_there_are_real_files_to_check() -> None:
    assert len(REAL_FILES) >= 6


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_op_load_and_save_is_byte_identical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    yaml_rt, data = load_for_edit(text, str(path))
    assert dump(data, yaml_rt) == text


def test_a_file_that_would_be_reformatted_is_refused() -> None:
    odd = concept("a").replace("kind: concept", "kind:    concept")  # spacing ruamel.yaml would normalise
    assert yaml.load(odd, Loader=yaml.BaseLoader)["id"] == "a"
    with pytest.raises(FatalError, match="cannot be edited without reformatting"):
        load_for_edit(odd, "a.yaml")


def test_invalid_yaml_is_a_clear_error() -> None:
    with pytest.raises(FatalError, match=r"a\.yaml: not valid YAML"):
        load_for_edit("id: [a\n", "a.yaml")


def test_check_entry_refuses_an_invalid_result() -> None:
    with pytest.raises(FatalError, match="would not be a valid entry"):
        check_entry(concept("a").replace("category: model", "category: nonsense"), "a.yaml", make_settings(Path(".")))


def test_long_prose_is_folded_and_reads_back_the_same() -> None:
    text = "Ord " * 60 + "med: kolon, # och citattecken \"så\" och 'så'."
    folded = prose(text)
    assert type(folded) is not str
    entry = check_entry(concept("a").replace("definition: An English definition.", "definition: placeholder"), "a.yaml")
    original = entry.model
    assert isinstance(original, Concept)
    model = original.model_copy(update={"locales": {**original.locales, "en": original.locales["en"].model_copy(update={"definition": text})}})
    out = concept_yaml(model, Path("content/entry.schema.json"), Path("content/concepts/a.yaml"))
    assert "definition: >-" in out and max(len(line) for line in out.splitlines()) < FOLD_AT + 20
    assert check_entry(out, "a.yaml").model == model


@pytest.mark.parametrize("text", ["a  b" * 30, " leading" + "x " * 50, "tab\there " * 20, "line\nbreak " * 20, "x" * 100])
def test_text_a_fold_could_change_stays_unfolded(text: str) -> None:
    assert prose(text) == text and type(prose(text)) is str
