"""Rules about UI catalogs (``locales/<code>/LC_MESSAGES/messages.po``): a translation is plain text whose placeholders
are those of the English text. Translators edit these files, so they are checked like entries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary_tool.core.catalogs import CatalogMessage, format_problem, text_of
from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules.registry import Context, rule

# A tag, comment or declaration, or a character reference: what would be markup if the string were HTML.
MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


@rule("catalog-markup", scope="catalog")
def catalog_markup(message: CatalogMessage, ctx: Context) -> Iterator[Problem]:
    """A translation in a UI catalog is plain text, without markup.

    Passes: ``msgstr "Sidan finns inte"``, ``msgstr "%(num)d begrepp"``, ``msgstr "A–Ö"``.
    Fails: ``msgstr "<b>Sidan</b> finns inte"``, ``msgstr "<script>…</script>"``, ``msgstr "A&nbsp;B"`` (write the
    character itself). Pages show every catalog string as text, so markup would appear as written, tags and all.
    """
    for number, line in message.translations:
        start = line.find('"')
        found = MARKUP.search(line, start + 1) if start >= 0 else None
        if found is not None:
            shown = line[found.start() : found.start() + 24].split('"', 1)[0]
            yield message.problem(
                number, found.start() + 1, f"the translation of '{message.msgid}' holds markup ({shown}); pages show it as text, so write plain text"
            )


@rule("catalog-placeholder", scope="catalog")
def catalog_placeholder(message: CatalogMessage, ctx: Context) -> Iterator[Problem]:
    """A translation uses only the placeholders of the English text, and writes a percent sign as ``%%``.

    Passes: ``msgid "%(num)d concepts"`` translated ``msgstr "%(num)d begrepp"``, or ``"begrepp"`` without the number.
    Fails: ``msgstr "%(count)d begrepp"`` (the English text has ``%(num)d``), ``msgstr "100 %"``. Such a translation is
    not used: its pages show the English text until it is fixed.
    """
    why = format_problem(message.msgid, message.msgid_plural, text_of(message.translations))
    if why and message.translations:
        number, line = message.translations[0]
        yield message.problem(number, max(1, line.find('"') + 1), f"the translation of '{message.msgid}': {why}")
