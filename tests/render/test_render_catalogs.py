"""The package's UI catalogs: each one complete, true to its msgids' placeholders and plural rule, free of markup and
found by the tool for its tag; and one for every language Material for MkDocs translates its own interface into."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from glossary_tool.core.languages import MATERIAL_TO_CLDR
from glossary_tool.core.mkdocs_compat import material_languages
from glossary_tool.site.render.i18n import PACKAGE_CATALOGS, SOURCE_LANGUAGE, TEMPLATE, catalog_path, translations

CATALOGS = sorted(PACKAGE_CATALOGS.glob("*/LC_MESSAGES/messages.po"))
MATERIAL_LANGUAGES = [
    stem
    for stem in material_languages()
    if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", stem)  # a language's file, not a template of another kind
]
# %(name)s as Python formats the msgids, {name} as the site's script fills them in.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
# A tag or an entity; and a straight double quote, which would end the attribute many of these strings fill
# (Jinja2's newstyle gettext marks a translation safe, so it is not escaped). Quotation marks are typographic.
MARKUP = re.compile(r"<|\"|&(#\d+|#x[0-9a-fA-F]+|\w+);")
COUNT = "num"  # the number ngettext formats into a plural message (Jinja2's newstyle gettext)
NUMBERS = [*range(202), 1000, 1001, 1_000_000]


def tag_of(path: Path) -> str:
    """The language tag whose catalog ``path`` is (``pt_BR/LC_MESSAGES/messages.po`` is ``pt-BR``)."""
    return path.parents[1].name.replace("_", "-")


def read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        # No locale given: the header's Language and Plural-Forms are tested. Invalid entries (more plural forms
        # than the header declares, a msgstr without its msgid) raise rather than being dropped with a warning.
        return read_po(fh, abort_invalid=True)


def template() -> Catalog:
    with TEMPLATE.open("rb") as fh:
        return read_po(fh)


def cldr_plurals(tag: str) -> Catalog:
    """An empty catalog of ``tag``, whose plural rule Babel writes from CLDR (an alias such as ``sh`` read as its
    target, ``sr_Latn``)."""
    identifier = tag.replace("-", "_")
    try:
        Locale.parse(identifier)
    except UnknownLocaleError:
        identifier = get_global("language_aliases").get(identifier, identifier)
    return Catalog(locale=identifier)


def strings(message: Message) -> list[str]:
    if isinstance(message.string, (list, tuple)):
        return list(message.string)
    return [message.string or ""]


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("path", CATALOGS, ids=tag_of)
def test_catalog_names_its_language_and_plural_rule(path: Path) -> None:
    catalog, tag = read(path), tag_of(path)
    assert catalog.locale_identifier == tag.replace("-", "_"), f"{path}: Language header is not the folder's tag"
    expected = cldr_plurals(tag)
    assert catalog.num_plurals == expected.num_plurals, f"{path}: {catalog.plural_forms} (CLDR: {expected.plural_forms})"
    # Equal rules pick the same form for every count (Babel may spell the expression with other parentheses).
    ours, cldr = gettext.c2py(catalog.plural_expr), gettext.c2py(expected.plural_expr)
    assert [ours(n) for n in NUMBERS] == [cldr(n) for n in NUMBERS], f"{path}: {catalog.plural_forms}"


@pytest.mark.parametrize("path", CATALOGS, ids=tag_of)
def test_catalog_translates_every_msgid_and_nothing_else(path: Path) -> None:
    catalog = read(path)
    wanted = {m.id for m in template() if m.id}
    have = {m.id for m in catalog if m.id}
    assert not wanted - have, f"{path} lacks {sorted(wanted - have)[:5]}; run 'make locales' and translate them"
    assert not have - wanted, f"{path} keeps msgids no longer used: {sorted(have - wanted)[:5]}; run 'make locales'"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{path}: {message.id!r} is marked fuzzy"
        assert all(s.strip() for s in strings(message)), f"{path}: {message.id!r} is not translated"


@pytest.mark.parametrize("path", CATALOGS, ids=tag_of)
def test_catalog_keeps_every_placeholder_and_writes_no_markup(path: Path) -> None:
    catalog = read(path)
    rule = gettext.c2py(cldr_plurals(tag_of(path)).plural_expr)
    # A plural form used for one number alone (Arabic's dual, a "one" that is only 1) may say the number in words.
    single = {form for form in set(map(rule, NUMBERS)) if [rule(n) for n in NUMBERS].count(form) == 1}
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        wanted = set().union(*map(placeholders, ids))
        for form, text in enumerate(strings(message)):
            where = f"{path}: {message.id!r}, form {form}: {text!r}"
            have = placeholders(text)
            assert have <= wanted, f"{where} adds {have - wanted}"
            missing = wanted - have
            assert not missing or (isinstance(message.id, tuple) and form in single and missing == {COUNT}), f"{where} drops {missing}"
            assert not MARKUP.search(text), f"{where} holds markup or a straight double quote; catalog strings are text"
            # Formats as the site formats it: a stray % or a changed conversion would raise here.
            values: dict[str, object] = dict.fromkeys(wanted, 7)
            assert "%" not in PLACEHOLDER.sub("", text.replace("%%", "")), f"{where} holds a stray %"
            text % values  # raises on a broken conversion


@pytest.mark.parametrize("path", CATALOGS, ids=tag_of)
def test_catalog_is_what_the_tool_finds_for_its_tag(path: Path) -> None:
    tag = tag_of(path)
    assert catalog_path(PACKAGE_CATALOGS, tag) == path
    found = translations(None, tag)
    rule = gettext.c2py(cldr_plurals(tag).plural_expr)
    for message in read(path):
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert found.gettext(message.id) == message.string, f"{tag}: {message.id!r}"
            continue
        singular, plural = message.id[0], message.id[1]
        for n in NUMBERS:
            assert found.ngettext(singular, plural, n) == strings(message)[rule(n)], f"{tag}: {singular!r} for {n}"


@pytest.mark.parametrize("tag", MATERIAL_LANGUAGES)
def test_every_language_of_material_has_a_catalog(tag: str) -> None:
    if tag == SOURCE_LANGUAGE:
        return  # the msgids are English
    # Material's tags that CLDR names otherwise are looked up under CLDR's tag, the one a project configures:
    # Material's Serbo-Croatian "sh" is Serbian in Latin script, sr-Latn (which must not fall back to sr's Cyrillic),
    # its "ku-IQ" is Central Kurdish (ckb), its "tl" is Filipino (fil).
    tag = MATERIAL_TO_CLDR.get(tag, tag)
    path = catalog_path(PACKAGE_CATALOGS, tag)
    # Its own file, not a fallback: zh-TW must not get zh's simplified characters, nor pt-BR Portugal's words.
    assert path.is_file(), f"Material speaks '{tag}' but the package has no {path.relative_to(PACKAGE_CATALOGS.parent)}"
