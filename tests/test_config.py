"""Settings come from the glossary block of mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from glossary_tool.config import load_settings
from glossary_tool.problems import FatalError, Severity


def test_project_mkdocs_yml() -> None:
    settings = load_settings(ROOT / "mkdocs.yml")
    assert settings.locale_codes == ("en", "sv")
    assert settings.locale("sv").prefix == "sv/"
    assert settings.content_dir == ROOT / "content"
    assert settings.rules["missing-locale"] is Severity.WARNING


def test_third_locale_is_configuration_only(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - glossary:\n      locales: [{code: en}, {code: sv}, {code: fi, name: Suomi}]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert settings.locale_codes == ("en", "sv", "fi")
    assert settings.locale("fi").prefix == "fi/"


@pytest.mark.parametrize(
    ("block", "words"),
    [
        ("  - glossary:\n      rules: {schema: loud}\n", "severity 'loud'"),
        ("  - glossary:\n      colour: red\n", "unknown glossary option"),
        ("  - search\n", "no 'glossary' entry"),
        ("  - glossary:\n      source_locale: de\n", "source_locale 'de'"),
    ],
)
def test_bad_settings_are_fatal_with_a_clear_message(tmp_path: Path, block: str, words: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nplugins:\n{block}", encoding="utf-8")
    with pytest.raises(FatalError, match=words):
        load_settings(tmp_path / "mkdocs.yml")
