"""Concept pages: terms, definition, relations, notices, structured data."""

from __future__ import annotations

import json
import re

from conftest import FIXTURES
from render_helpers import SETTINGS, render

from glossary_tool.lint import run
from glossary_tool.model import Glossary


def test_concept_page_shows_the_parts() -> None:
    html = render("sv")["terms/kpo.md"].html
    for part in ["Termer", "Definition", "Relaterade begrepp", "Källor", "rekommenderad", "akronym", "utrum", "20 oktober 2023"]:
        assert part in html, part
    assert 'href="../outsourcing/"' in html


def test_services_listed_on_the_model_page() -> None:
    assert 'href="../customer-service/"' in render("en")["terms/bpo.md"].html


def test_untranslated_concept_shows_a_localized_notice_and_no_english_text() -> None:
    g = run(SETTINGS, [FIXTURES / "valid"]).glossary
    kpo = g.concept("kpo")
    assert kpo is not None
    stripped = kpo.model_copy(update={"locales": {"en": kpo.locales["en"]}})
    entries = tuple(e if e.id != "kpo" else type(e)(stripped, e.doc) for e in g.entries)
    html = render("sv", Glossary(entries))["terms/kpo.md"].html
    assert "Inte översatt ännu" in html
    assert "Handing knowledge-heavy work" not in html


def test_stale_notice() -> None:
    html = render("sv", stale=lambda c, code: ["definition"] if c.id == "kpo" else [])["terms/kpo.md"].html
    assert "Kan vara inaktuell" in html


def test_jsonld_defined_term() -> None:
    html = render("sv")["terms/kpo.md"].html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "DefinedTerm" and data["name"] == "KPO" and data["inLanguage"] == "sv"
    assert data["url"] == "http://h/sv/terms/kpo/"


def test_first_mention_links_in_definitions_but_not_to_itself() -> None:
    html = render("en")["terms/kpo.md"].html
    definition = html.split('class="glossary-definition"')[1].split("</div>")[0]
    assert 'href="../kpo/"' not in definition
