"""UI strings: the package's catalogs are complete, a project overrides them string by string, gaps are warned about."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT
from render_helpers import render

from glossary_tool.site.render.i18n import PACKAGE_CATALOGS, catalog_warnings, gettext_for, template_ids

SAME_IN_BOTH = {"Definition", "Status", "Term", "adverb", "variant", "verb", "plural", "A–Z index"}
PACKAGE_LANGUAGES = ["sv", "de", "fr", "fi", "nb", "da"]


def extracted() -> set[str]:
    method_map = [("glossary_tool/**.py", "python"), ("glossary_tool/site/templates/**.html", "jinja2")]
    options = {"glossary_tool/site/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(str(ROOT), method_map, options, keywords={"_": None, "ngettext": (1, 2)}):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def catalog(language: str) -> Catalog:
    with open(PACKAGE_CATALOGS / language / "LC_MESSAGES/messages.po", "rb") as fh:
        return read_po(fh, locale=language)


@pytest.mark.parametrize("language", PACKAGE_LANGUAGES)
def test_every_message_is_translated_in_every_package_catalog(language: str) -> None:
    cat = catalog(language)
    for msgid in extracted():
        msg = cat.get(msgid)
        assert msg is not None and msg.string and not msg.fuzzy, f"no {language} for {msgid!r}; run 'make locales' and translate"
        if isinstance(msg.string, tuple):
            assert all(msg.string), msgid
    assert catalog_warnings(None, language) == []


def test_template_catalog_is_current() -> None:
    assert set(template_ids()) == extracted(), "glossary_tool/site/locales/messages.pot is out of date; run 'make locales'"


def test_a_project_catalog_overrides_one_string_and_keeps_the_rest(tmp_path: Path) -> None:
    project = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", project)
    g = gettext_for(project, "sv")
    assert g("Categories") == "Begreppsgrupper"  # this site's override
    assert g("Terms") == "Termer"  # the package's
    assert gettext_for(None, "sv")("Categories") == "Kategorier"


def test_a_locale_without_a_catalog_is_warned_about(tmp_path: Path) -> None:
    # Zulu: Babel knows it, the package has no catalog for it (Material has no language file for it either).
    (warning,) = catalog_warnings(tmp_path, "zu")
    assert "'zu' has no UI catalog" in warning and "glossary-tool catalog zu" in warning
    assert catalog_warnings(tmp_path, "en") == [] and catalog_warnings(tmp_path, "en-GB") == []


def test_a_catalog_with_gaps_is_warned_about(tmp_path: Path) -> None:
    po = tmp_path / "zu" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: zu\\n"\n\nmsgid "Terms"\nmsgstr "Amatemu"\n', encoding="utf-8")
    (warning,) = catalog_warnings(tmp_path, "zu")
    assert f"lacks {len(template_ids()) - 1} of {len(template_ids())} strings" in warning
    assert gettext_for(tmp_path, "zu")("Terms") == "Amatemu"


def test_a_catalog_that_lists_every_string_but_translates_few_asks_for_translations_not_additions(tmp_path: Path) -> None:
    # What 'glossary-tool catalog zu' writes for a language the package has no catalog for: every msgid, empty.
    from glossary_tool.authoring.scaffold import start_catalog
    from glossary_tool.core.config import settings_from_options

    settings = settings_from_options(tmp_path, {"locales": [{"code": "en"}, {"code": "zu", "prefix": "zu/"}], "content_dir": str(tmp_path)})
    path, empty = start_catalog(settings, "zu")
    assert path == tmp_path / "locales" / "zu" / "LC_MESSAGES" / "messages.po"
    (warning,) = catalog_warnings(tmp_path / "locales", "zu")
    assert f"leaves {empty} of {len(template_ids())} strings untranslated" in warning, warning
    assert "translate them in locales/zu/LC_MESSAGES/messages.po" in warning and "to add them" not in warning


def test_region_falls_back_to_the_language_catalog() -> None:
    assert gettext_for(None, "de-AT")("Terms") == "Benennungen"
    assert catalog_warnings(None, "de-AT") == []


def test_no_english_ui_strings_on_swedish_pages() -> None:
    english = {m for m in extracted() if m not in SAME_IN_BOTH and len(m) > 3}
    for page in render("sv").values():
        text = re.sub(r"<[^>]+>", " ", page.html)
        for msgid in english:
            assert not re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text), (page.src, msgid)


@pytest.mark.parametrize(
    ("tag", "catalog"),
    [
        ("zh-Hant-TW", "zh_TW"),
        ("zh-Hant-HK", "zh_Hant"),
        ("zh-Hans-SG", "zh"),
        ("zh-CN", "zh"),
        ("sr-Latn-RS", "sr_Latn"),
        ("sr-RS", "sr"),
        ("ckb", "ckb"),
        ("ckb-IQ", "ckb"),
        ("fil", "fil"),
        ("tl", "fil"),
        ("pt-PT", "pt"),
        ("pt-BR", "pt_BR"),
    ],
)
def test_a_tag_finds_the_closest_catalog_in_its_own_script(tag: str, catalog: str) -> None:
    from glossary_tool.site.render.i18n import PACKAGE_CATALOGS, _candidates

    assert _candidates(PACKAGE_CATALOGS, tag)[0].parent.parent.name == catalog


def test_no_catalog_in_another_script_stands_in() -> None:
    from glossary_tool.site.render.i18n import PACKAGE_CATALOGS, _candidates

    # Azerbaijani in Cyrillic, Uzbek in Arabic script: the package's az and uz are Latin, so English it is.
    assert _candidates(PACKAGE_CATALOGS, "az-Cyrl") == [] and _candidates(PACKAGE_CATALOGS, "uz-Arab") == []
