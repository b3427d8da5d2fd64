"""Rules ``catalog-markup`` and ``catalog-placeholder``, on a project's ``locales/`` catalogs and the package's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LintFiles, found

from glossary_tool.core.catalogs import read_messages
from glossary_tool.core.config import settings_from_options
from glossary_tool.lint.rules import load_all
from glossary_tool.lint.rules.registry import Context

PO = "locales/sv/LC_MESSAGES/messages.po"
HEADER = 'msgid ""\nmsgstr ""\n"Last-Translator: A Translator <a@example.org>\\n"\n"Language: sv\\n"\n\n'


def test_markup_in_a_translation_is_reported_at_its_line_and_column(lint_files: LintFiles) -> None:
    result = lint_files(
        {
            PO: HEADER
            + (
                'msgid "Categories"\n'
                'msgstr "<b>Kategorier</b>"\n'  # line 7
                "\n"
                "#, fuzzy\n"
                'msgid "Terms"\n'
                'msgstr ""\n'
                '"Ter"\n'
                '"mer<script>alert(1)</script>"\n'  # line 13
                "\n"
                'msgid "%(num)d concept"\n'
                'msgid_plural "%(num)d concepts"\n'
                'msgstr[0] "%(num)d begrepp"\n'
                'msgstr[1] "%(num)d&nbsp;begrepp"\n'  # line 18
                "\n"
                'msgid "Definition"\n'
                'msgstr "Definition < 5 ord, A > B"\n'  # no tag: plain text
            )
        }
    )
    assert found(result, "catalog-markup") == [(PO, 7, 9), (PO, 13, 5), (PO, 18, 19)]
    assert "the translation of 'Categories' holds markup (<b>Kategorier</b>)" in next(p.message for p in result.problems if p.line == 7)


@pytest.mark.parametrize(
    ("msgid", "plural", "msgstr", "ok"),
    [
        ("%(num)d concept", "%(num)d concepts", ['msgstr[0] "ett begrepp"', 'msgstr[1] "%(num)d begrepp"'], True),
        ("Size: %(size)s", "", ['msgstr "Storlek: %(size)s (100 %%)"'], True),
        ("%(num)d concept", "%(num)d concepts", ['msgstr[0] "%(count)d begrepp"', 'msgstr[1] "%(num)d begrepp"'], False),
        ("Downloads", "", ['msgstr "Nedladdningar 100 %"'], False),
        ("Downloads", "", ['msgstr "Nedladdningar %s"'], False),
        ("Size: %(size)s", "", ['msgstr "Storlek: %(size)d"'], False),
    ],
)
def test_a_translation_uses_the_placeholders_of_the_english_text(msgid: str, plural: str, msgstr: list[str], ok: bool, lint_files: LintFiles) -> None:
    plural_line = f'msgid_plural "{plural}"\n' if plural else ""
    result = lint_files({PO: HEADER + f'msgid "{msgid}"\n{plural_line}' + "\n".join(msgstr) + "\n"})
    assert found(result, "catalog-placeholder") == ([] if ok else [(PO, 7 + bool(plural), 1 + msgstr[0].index('"'))])


def test_a_catalog_that_is_not_utf8_is_one_problem(lint_files: LintFiles, tmp_path: Path) -> None:
    (tmp_path / "locales/sv/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / PO).write_bytes(b'msgid "Terms"\nmsgstr "Term\xe9r"\n')
    result = lint_files({})
    assert [(p.path, p.line, p.rule) for p in result.problems if p.path == PO and p.rule != "unexpected-file"] == [(PO, 2, "encoding")]


@pytest.mark.parametrize(
    "catalog", sorted((Path(__file__).resolve().parents[2] / "glossary_tool" / "site" / "locales").glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3]
)
def test_the_packages_catalogs_pass_both_rules(catalog: Path, tmp_path: Path) -> None:
    messages, problems = read_messages(catalog, str(catalog))
    assert problems == [] and len(messages) > 50
    ctx = Context(settings_from_options(tmp_path, {}))
    rules = load_all()
    assert [p for m in messages for r in ("catalog-markup", "catalog-placeholder") for p in rules[r].check(m, ctx)] == []
