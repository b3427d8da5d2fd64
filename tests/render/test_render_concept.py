"""Concept pages: the reader's language first, every other language's terms after it, relations, sources, citation,
notices."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from conftest import FIXTURES, concept
from lxml import html as lxml_html
from render_helpers import SETTINGS, render, render_with

from glossary_tool.core.model import Glossary
from glossary_tool.lint import run


def tree(fragment: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(fragment, create_parent="div")


def test_concept_page_shows_the_parts() -> None:
    html = render("sv")["terms/kpo.md"].html
    for part in ["Termer", "Definition", "Relaterade begrepp", "Källor", "rekommenderad", "akronym", "utrum", "20 oktober 2023"]:
        assert part in html, part
    assert 'href="../outsourcing/"' in html


def test_the_readers_language_comes_first_then_every_other_language_under_its_name() -> None:
    sv = tree(render("sv")["terms/kpo.md"].html)
    ids = [h.get("id") for h in sv.iter("h2")]
    assert ids.index("definition") < ids.index("terms") < ids.index("sources")
    order = [el.get("id") for el in sv.iter() if el.get("id") in {"terms", "lang-en", "sources"}]
    assert order == ["terms", "lang-en", "sources"]  # under the terms heading, after the reader's own terms
    name = sv.get_element_by_id("lang-en")
    assert name.tag == "dt" and name.text == "Engelska"  # the language's name in the reader's language
    en = tree(render("en")["terms/kpo.md"].html)
    assert en.get_element_by_id("lang-sv").text == "Swedish"
    assert not en.xpath("//dt[@id='lang-en']")
    # one heading for all of them, so the table of contents does not grow with the languages
    assert [h.title for h in render("sv")["terms/kpo.md"].toc[0].children][:2] == ["Definition", "Termer"]


def test_each_equivalent_links_to_the_concept_in_its_language_and_carries_its_lang() -> None:
    sv = tree(render("sv")["terms/kpo.md"].html)
    english = sv.xpath("//dt[@id='lang-en']/following-sibling::dd[1]")[0]
    assert [span.text_content() for span in english.xpath("./span")] == ["knowledge process outsourcing", "KPO"]
    assert all(span.get("lang") == "en" for span in english.xpath("./span"))
    # the first term opens the concept in its language, a full page load into that language's site, which instant
    # navigation must not swap into this one: from /sv/terms/kpo/ to /terms/kpo/
    (link,) = english.xpath(".//a")
    assert (link.text, link.get("href"), link.get("hreflang"), link.get("target")) == ("knowledge process outsourcing", "../../../terms/kpo/", "en", "_self")
    # the source language's definition, the text the translations are made from, is on every other language's page
    definition = english.xpath(".//div[contains(@class, 'glossary-other-definition')]")[0]
    assert definition.get("lang") == "en" and definition.text_content().startswith("Handing knowledge-heavy work")
    # another language adds its terms alone: no table of types, statuses and grammar, no definition
    assert not english.xpath(".//table") and "substantiv" not in english.text_content()
    en = tree(render("en")["terms/kpo.md"].html)
    swedish = en.xpath("//dt[@id='lang-sv']/following-sibling::dd[1]")[0]
    assert swedish.xpath(".//a/@href") == ["../../sv/terms/kpo/"] and all(t.get("lang") == "sv" for t in swedish.xpath("./span[not(@class)] | ./s"))
    assert not swedish.xpath(".//div") and "utrum" not in en.text_content()


def test_text_in_the_pages_own_language_has_no_lang_of_its_own() -> None:
    sv = tree(render("sv")["terms/kpo.md"].html)
    for el in sv.xpath("//*[@lang]"):
        assert el.get("lang") == "en", lxml_html.tostring(el)
    english_text = " ".join(el.text_content() for el in sv.xpath("//*[@lang='en']"))
    assert "Handing knowledge-heavy work" in english_text and "knowledge process outsourcing" in english_text


DEPRECATED = concept("dep", en="data capture", sv="datafångst").replace(
    "        status: preferred\n        grammar: {pos: noun, gender: utrum}\n",
    "        status: preferred\n        grammar: {pos: noun, gender: utrum}\n"
    "      - text: datainfångning\n        type: variant\n        status: deprecated\n        grammar: {pos: noun, gender: utrum}\n",
)


def test_a_deprecated_term_is_struck_through_and_names_the_preferred_term(tmp_path: Path) -> None:
    page = tree(render_with(tmp_path / "sv", {"dep.yaml": DEPRECATED}, "sv")["terms/dep.md"].html)
    row = page.xpath("//tr[contains(@class, 'glossary-status-deprecated')]")[0]
    assert row.xpath(".//s")[0].text_content() == "datainfångning"
    status = row.xpath("./td")[2].text_content()
    assert status == "avrådd – använd datafångst i stället" and "använd inte" not in status  # "use X instead" says it all
    # among another language's terms, struck through in that language and marked in the reader's
    en = tree(render_with(tmp_path / "en", {"dep.yaml": DEPRECATED}, "en")["terms/dep.md"].html)
    swedish = en.xpath("//dt[@id='lang-sv']/following-sibling::dd[1]")[0]
    (struck,) = swedish.xpath("./s")
    assert (struck.text_content(), struck.get("lang")) == ("datainfångning", "sv")
    assert struck.getnext().text == "(do not use)" and struck.getnext().get("lang") is None
    assert swedish.text_content() == "datafångst, datainfångning (do not use)"


SOURCES = concept("src").replace(
    '    date: "2023-10-20"\n', '    date: "2023-10-20"\n    url: https://example.org/a\n  - title: Svensk källa\n    language: sv\n'
)


def test_sources_are_links_and_titles_carry_their_language(tmp_path: Path) -> None:
    sv = tree(render_with(tmp_path / "sv", {"src.yaml": SOURCES}, "sv")["terms/src.md"].html)
    first, second = sv.xpath("//ul[@class='glossary-sources']/li")
    link = first.xpath("./a")[0]
    assert link.get("href") == "https://example.org/a" and link.get("rel") == "noopener noreferrer"
    assert link.xpath("./cite")[0].get("lang") == "en"  # a title without a language is in the source language
    assert second.xpath("./cite")[0].get("lang") is None and not second.xpath(".//a")
    en = tree(render_with(tmp_path / "en", {"src.yaml": SOURCES}, "en")["terms/src.md"].html)
    assert [c.get("lang") for c in en.xpath("//ul[@class='glossary-sources']//cite")] == [None, "sv"]


def test_last_change_and_the_citation_line() -> None:
    changed = {"kpo": datetime.date(2024, 3, 5)}
    page = render("sv", changed=changed, today=datetime.date(2030, 1, 1))["terms/kpo.md"]
    html = tree(page.html)
    assert html.xpath("//p[contains(@class, 'glossary-meta')]/time/@datetime") == ["2024-03-05"]
    cite = html.xpath("//p[@class='glossary-cite']")[0]
    assert cite.text_content() == "”KPO”. I: S. Senast ändrad 5 mars 2024. http://h/sv/terms/kpo/"
    assert cite.xpath("./a/@href") == ["http://h/sv/terms/kpo/"]
    assert page.lastmod == "2024-03-05"
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.html, re.S)
    assert found is not None
    ld = json.loads(found.group(1))
    assert ld["dateModified"] == "2024-03-05"
    # an entry git does not know gets the build date
    assert render("en", changed={}, today=datetime.date(2030, 1, 1))["terms/kpo.md"].lastmod == "2030-01-01"


def test_headings_have_permalinks_that_stay_out_of_the_table_of_contents() -> None:
    page = render("en")["terms/kpo.md"]
    html = tree(page.html)
    for h2 in html.iter("h2"):
        (link,) = h2.xpath("./a[@class='headerlink']")
        assert link.get("href") == "#" + h2.get("id") and link.get("aria-label") == "Permanent link"
    titles = [h.title for h in page.toc[0].children]
    assert titles[:2] == ["Definition", "Terms"] and not any("¶" in t for t in titles)


def test_untranslated_concept_shows_a_localized_notice_and_the_other_language_marked_as_such() -> None:
    g = run(SETTINGS, [FIXTURES / "valid"]).glossary
    kpo = g.concept("kpo")
    assert kpo is not None
    stripped = kpo.model_copy(update={"locales": {"en": kpo.locales["en"]}})
    entries = tuple(e if e.id != "kpo" else type(e)(stripped, e.doc) for e in g.entries)
    html = tree(render("sv", Glossary(entries))["terms/kpo.md"].html)
    assert "Inte översatt ännu" in html.text_content()
    assert html.xpath("//h1/span/@lang") == ["en"]  # the title is the English term
    for el in html.iter():
        if el.text and "Handing knowledge-heavy work" in el.text:
            assert el.xpath("ancestor-or-self::*[@lang='en']"), "English text outside a lang='en' element"
    # and on the English page, Swedish is listed as not yet translated
    en = tree(render("en", Glossary(entries))["terms/kpo.md"].html)
    swedish = en.xpath("//dt[@id='lang-sv']/following-sibling::dd[1]")[0]
    assert swedish.text_content() == "Not yet translated" and not swedish.xpath(".//a")


def test_stale_notice() -> None:
    html = render("sv", stale=lambda c, code: ["definition"] if c.id == "kpo" else [])["terms/kpo.md"].html
    assert "Kan vara inaktuell" in html


def test_jsonld_defined_term() -> None:
    html = render("sv")["terms/kpo.md"].html
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["@type"] == "DefinedTerm" and data["name"] == "KPO" and data["inLanguage"] == "sv"
    assert data["url"] == "http://h/sv/terms/kpo/"


def test_first_mention_links_in_definitions_but_not_to_itself() -> None:
    html = render("en")["terms/kpo.md"].html
    definition = html.split('class="glossary-definition"')[1].split("</div>")[0]
    assert 'href="../kpo/"' not in definition


def test_links_to_concepts_carry_their_short_definition_as_a_preview_not_a_title() -> None:
    html = tree(render("en")["terms/kpo.md"].html)
    links = html.xpath("//dl[@class='glossary-relations']//a")
    assert links and all(a.get("data-glossary-preview") and a.get("title") is None for a in links)


def test_fragments_in_another_language_carry_lang_and_dir_and_lists_use_the_languages_separator() -> None:
    from glossary_tool.core.languages import direction, join, separator

    assert '<div class="glossary-definition glossary-other-definition" lang="en" dir="ltr">' in render("sv")["terms/kpo.md"].html
    html = render("en")["terms/kpo.md"].html
    assert '<span lang="sv" dir="ltr">' in html  # the Swedish terms
    assert re.search(r'<a href="[^"]+" dir="ltr">http', html)  # the cite line's URL, isolated
    assert "<bdi>S</bdi>" in html  # the site's name in it
    assert [direction(c) for c in ("ar", "fa", "he", "en", "zh-Hans", "ja")] == ["rtl", "rtl", "rtl", "ltr", "ltr", "ltr"]
    assert join(["noun", "feminine"], "en") == "noun, feminine"
    assert join(["名词", "阴性"], "zh-Hans") == "名词、阴性" and join(["名詞", "女性"], "ja") == "名詞、女性"
    assert join(["اسم", "مؤنث"], "ar") == "اسم ومؤنث"  # CLDR's Arabic list separator is و, not a Latin comma
    assert str(separator("zh-Hans")) == "、"


TERMBANK = """\
id: tb
kind: concept
category: model
sources:
  - id: ask
    title: A source
  - id: booth
    title: Another source
    publisher: Booth & Partners
locales:
  en:
    terms:
      - text: call centre
        type: fullForm
        status: preferred
        geographical_usage: GB
      - text: call center
        type: variant
        status: admitted
        geographical_usage: US
        sources: [booth, ask]
    definition: Unit that handles customer contacts by telephone.
  sv:
    terms:
      - text: callcenter
        type: fullForm
        status: proposed
        grammar: {pos: noun, gender: neutrum}
      - text: samtalscentral
        type: variant
        status: admitted
        register: colloquial
      - text: call center
        type: variant
        status: obsolete
        note: Särskrivning av *lånordet*.
    definition: Enhet som hanterar kundkontakter per telefon.
"""


def test_terms_show_usage_labels_sources_notes_and_the_new_statuses(tmp_path: Path) -> None:
    sv = tree(render_with(tmp_path / "sv", {"tb.yaml": TERMBANK}, "sv")["terms/tb.md"].html)
    own = sv.xpath("//div[@id='lang-sv']//tbody/tr")
    assert [r.get("class") for r in own] == ["glossary-status-proposed", "glossary-status-admitted", "glossary-status-obsolete"]
    assert own[0].xpath("./td")[2].text_content() == "föreslagen"
    assert own[1].xpath(".//span[@class='glossary-usage']")[0].text == "(talspråk)"  # the register in the reader's language
    obsolete = own[2]
    assert obsolete.xpath(".//s")[0].text_content() == "call center" and obsolete.xpath("./td")[2].text_content() == "föråldrad – använd callcenter i stället"
    note = obsolete.xpath(".//div[@class='glossary-term-note']")[0]
    assert note.text_content() == "Särskrivning av lånordet." and note.xpath("./em")[0].text == "lånordet" and note.get("lang") is None
    # English terms: their usage labels and sources are on the English page; this one lists them
    english = sv.xpath("//dt[@id='lang-en']/following-sibling::dd[1]")[0]
    assert [span.text_content() for span in english.xpath("./span")] == ["call centre", "call center"]
    assert not english.xpath(".//a[@class='glossary-term-source']") and "Storbritannien" not in english.text_content()
    assert [li.get("id") for li in sv.xpath("//ul[@class='glossary-sources']/li")] == ["source-1", "source-2"]
    page = render_with(tmp_path / "en", {"tb.yaml": TERMBANK}, "en")["terms/tb.md"]
    assert page.title == "call centre" and "(colloquial)" not in page.html  # a Swedish term's register: on its page
    en = tree(page.html).xpath("//div[@id='lang-en']//tbody/tr")
    assert [r.xpath(".//span[@class='glossary-usage']")[0].text for r in en] == ["(United Kingdom)", "(United States)"]
    links = en[1].xpath(".//a[@class='glossary-term-source']")
    assert [(a.text, a.get("href"), a.get("aria-label")) for a in links] == [
        ("[2]", "#source-2", "Source 2: Booth & Partners"),
        ("[1]", "#source-1", "Source 1: A source"),
    ]


def test_a_language_with_only_a_proposed_term_is_titled_by_it(tmp_path: Path) -> None:
    page = render_with(tmp_path, {"tb.yaml": TERMBANK}, "sv")["terms/tb.md"]
    assert page.title == "callcenter"
