"""Source hashes, stale fields and word diffs (``glossary_tool/core/translation.py``)."""

from __future__ import annotations

import hashlib
import unicodedata

from conftest import concept

from glossary_tool.core.model import Concept
from glossary_tool.core.translation import current_hashes, field_text, is_placeholder, stale_fields, text_hash, word_diff
from glossary_tool.core.yamlio import check_entry


def kpo(**sv_hashes: str) -> Concept:
    text = concept("kpo")
    if sv_hashes:
        text += "    translated_from: {" + ", ".join(f"{k}: '{v}'" for k, v in sv_hashes.items()) + "}\n"
    model = check_entry(text, "kpo.yaml").model
    assert isinstance(model, Concept)
    return model


def test_hash_is_sha256_of_nfc_text_first_10_hex_digits() -> None:
    assert text_hash("Åtgärd") == hashlib.sha256(unicodedata.normalize("NFC", "Åtgärd").encode()).hexdigest()[:10]
    assert text_hash(unicodedata.normalize("NFD", "Åtgärd")) == text_hash("Åtgärd")
    assert text_hash("a") != text_hash("b") and len(text_hash("")) == 10


def test_list_fields_hash_items_unambiguously() -> None:
    one = kpo().model_copy(update={"locales": {"en": kpo().locales["en"].model_copy(update={"examples": ("a b",)})}})
    two = kpo().model_copy(update={"locales": {"en": kpo().locales["en"].model_copy(update={"examples": ("a", "b")})}})
    assert field_text(one.locales["en"], "examples") != field_text(two.locales["en"], "examples")


def test_untracked_fields_are_never_stale() -> None:
    assert stale_fields(kpo(), "sv", "en") == []


def test_matching_hashes_are_not_stale_and_a_changed_source_is() -> None:
    hashes = current_hashes(kpo().locales["en"])
    assert set(hashes) == {"terms", "definition"}
    assert stale_fields(kpo(**hashes), "sv", "en") == []
    assert stale_fields(kpo(definition="0123456789", terms=hashes["terms"]), "sv", "en") == ["definition"]


def test_a_shorter_or_longer_recorded_hash_is_compared_as_a_prefix() -> None:
    full = hashlib.sha256(b"An English definition.").hexdigest()
    assert stale_fields(kpo(definition=full[:8]), "sv", "en") == []
    assert stale_fields(kpo(definition=full), "sv", "en") == []
    assert stale_fields(kpo(definition=full[:7] + ("0" if full[7] != "0" else "1")), "sv", "en") == ["definition"]


def test_source_locale_and_missing_blocks_are_never_stale() -> None:
    c = kpo(definition="0123456789")
    assert stale_fields(c, "en", "en") == []
    assert stale_fields(c, "de", "en") == []
    assert stale_fields(c, "sv", "de") == []


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("to an outside provider", "to an external provider") == "to an [-outside-] {+external+} provider"
    assert word_diff("a b", "a b c") == "a b {+c+}"
    assert word_diff("same", "same") == "same"


def test_placeholders() -> None:
    assert is_placeholder("TODO: write it") and is_placeholder("  TODO") and not is_placeholder("TODOS are lists") and not is_placeholder("A TODO")


def test_word_diff_with_context_shortens_unchanged_runs() -> None:
    old, new = "a b c d e f g h i j", "a b c X e f g h i j"
    assert word_diff(old, new, 2) == "… b c [-d-] {+X+} e f …"
    assert word_diff(old, new) == "a b c [-d-] {+X+} e f g h i j"
    assert word_diff("a b c", "a b c d", 2) == "… b c {+d+}"
    assert word_diff("x a b", "y a b", 2) == "[-x-] {+y+} a b"  # nothing to shorten
