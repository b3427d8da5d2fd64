"""UI strings: every message has a Swedish translation, and Swedish pages show no English UI text."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from conftest import ROOT
from test_render_pages import render

SAME_IN_BOTH = {"Definition", "Status", "Term", "adverb", "variant", "verb", "plural", "A–Z index"}


def extracted() -> set[str]:
    method_map = [("glossary_tool/render/**.py", "python"), ("glossary_tool/templates/**.html", "jinja2")]
    options = {"glossary_tool/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(str(ROOT), method_map, options, keywords={"_": None, "ngettext": (1, 2)}):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def catalog() -> Catalog:
    with open(ROOT / "locales/sv/LC_MESSAGES/messages.po", "rb") as fh:
        return read_po(fh, locale="sv")


def test_every_message_is_translated() -> None:
    cat = catalog()
    for msgid in extracted():
        msg = cat.get(msgid)
        assert msg is not None and msg.string and not msg.fuzzy, f"no Swedish for {msgid!r}; run 'make locales'"


def test_template_catalog_is_current() -> None:
    with open(ROOT / "locales/messages.pot", "rb") as fh:
        pot = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    assert pot == extracted(), "locales/messages.pot is out of date; run 'make locales'"


def test_no_english_ui_strings_on_swedish_pages() -> None:
    english = {m for m in extracted() if m not in SAME_IN_BOTH and len(m) > 3}
    for page in render("sv").values():
        text = re.sub(r"<[^>]+>", " ", page.html)
        for msgid in english:
            assert not re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text), (page.src, msgid)
