"""Rule ``nfc``."""

import unicodedata

from conftest import LintFiles, concept, found


def test_nfc_text_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a", sv="blåbär")}), "nfc") == []


def test_decomposed_text_fails_at_the_combining_mark(lint_files: LintFiles) -> None:
    decomposed = unicodedata.normalize("NFD", "blåbär")
    result = lint_files({"a.yaml": concept("a", sv=decomposed)})
    assert found(result, "nfc") == [("a.yaml", 17, 18)]
