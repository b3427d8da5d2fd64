"""Rule ``nfc``."""

import unicodedata

from conftest import LintFiles, concept, found


def test_nfc_text_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a", sv="blåbär")}), "nfc") == []


def test_decomposed_text_fails_at_the_combining_mark(lint_files: LintFiles) -> None:
    decomposed = unicodedata.normalize("NFD", "blåbär")
    result = lint_files({"a.yaml": concept("a", sv=decomposed)})
    assert found(result, "nfc") == [("a.yaml", 17, 18)]


def test_a_decomposed_value_made_by_an_escape_fails_at_the_value(lint_files: LintFiles) -> None:
    # The raw text is plain ASCII (NFC); the parsed value "e" + U+0301 is not.
    text = concept("a").replace("definition: En svensk definition.", 'definition: "Caf' + "e\\u0301" + '"')
    assert found(lint_files({"a.yaml": text}), "nfc") == [("a.yaml", 21, 17)]
    composed = concept("a").replace("definition: En svensk definition.", 'definition: "Caf\\u00e9"')
    assert found(lint_files({"a.yaml": composed}), "nfc") == []


def test_positions_on_cr_only_lines(lint_files: LintFiles) -> None:
    decomposed = unicodedata.normalize("NFD", "blåbär")
    result = lint_files({"a.yaml": concept("a", sv=decomposed).replace("\n", "\r")})
    assert found(result, "nfc") == [("a.yaml", 17, 18)]
