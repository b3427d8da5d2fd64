"""Rules ``placeholder-text`` and ``stale-translation``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import LintFiles, concept, found, make_settings

from glossary_tool.core.problems import Severity
from glossary_tool.core.translation import text_hash
from glossary_tool.lint import run


def test_placeholders_are_warnings_at_their_value(lint_files: LintFiles) -> None:
    text = concept("a").replace("definition: En svensk definition.", "definition: 'TODO: write the Swedish definition'")
    result = lint_files({"a.yaml": text})
    assert found(result, "placeholder-text") == [("a.yaml", 21, 17)]
    assert result.problems[0].severity is Severity.WARNING and "locales.sv.definition" in result.problems[0].message
    assert found(lint_files({"a.yaml": text}, strict=True), "placeholder-text") and lint_files({"a.yaml": text}, strict=True).errors == 1


def test_placeholders_in_any_entry_kind_and_list(lint_files: LintFiles) -> None:
    faq = "id: faq-x\nkind: faq\nconcepts: [a]\nsources: [{title: 'TODO: source'}]\nlocales:\n  en: {question: Q?, answer: A.}\n  sv: {question: F?, answer: S.}\n"
    assert found(lint_files({"a.yaml": concept("a"), "faq-x.yaml": faq}), "placeholder-text") == [("faq-x.yaml", 4, 19)]


def test_written_text_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a").replace("An English definition.", "A TODO list is a list.")}), "placeholder-text") == []


def with_hashes(**hashes: str) -> str:
    return concept("a") + "    translated_from: {" + ", ".join(f"{k}: '{v}'" for k, v in hashes.items()) + "}\n"


def test_current_hash_passes_and_untracked_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a")}), "stale-translation") == []
    assert found(lint_files({"a.yaml": with_hashes(definition=text_hash("An English definition."))}), "stale-translation") == []


def test_changed_source_is_reported_at_the_recorded_hash(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_hashes(terms=text_hash("term a"), definition=text_hash("An older English definition."))})
    assert found(result, "stale-translation") == [("a.yaml", 22, 56)]
    message = result.problems[0].message
    assert "'sv' definition may be out of date" in message and '"An English definition."' in message
    assert "glossary-tool translate a --locale sv --reviewed" in message
    assert "not in the git history" in message  # a file outside any repository: no old text to compare with


def test_the_message_shows_a_word_diff_from_git_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], check=True)
    entry = tmp_path / "a.yaml"
    entry.write_text(with_hashes(definition=text_hash("An English definition.")), encoding="utf-8")
    subprocess.run(["git", "add", "a.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "a"], check=True)
    entry.write_text(entry.read_text(encoding="utf-8").replace("An English definition.", "A revised English definition."), encoding="utf-8")
    result = run(make_settings(tmp_path), [tmp_path])
    assert found(result, "stale-translation") == [("a.yaml", 22, 35)]  # the recorded hash
    assert "changed: [-An-] {+A revised+} English definition.;" in result.problems[0].message


def test_unknown_field_name_is_reported(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_hashes(definiton=text_hash("An English definition."))})
    assert found(result, "stale-translation") == [("a.yaml", 22, 23)]
    assert "'definiton', which is not a translated field" in result.problems[0].message


def test_severity_follows_settings(lint_files: LintFiles) -> None:
    stale = with_hashes(definition="0123456789")
    assert lint_files({"a.yaml": stale}, stale_translation="off").problems == []
    assert lint_files({"a.yaml": stale}, stale_translation="error").errors == 1
