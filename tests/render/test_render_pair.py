"""Language-pair glossaries: the configured pairs, in their two languages' sites, every concept, the source language's
order, pages, the CSV link, and each site's list of its pairs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import concept
from lxml import html as lxml_html
from render_helpers import SETTINGS, render, render_with

from glossary_tool.core.config import Locale, Settings
from glossary_tool.site.render.context import Download
from glossary_tool.site.render.pair import pair_url, published_in

PAIR_CSV = Download("glossary-en-sv.csv", "csv-pair", ("en", "sv"), 1234, 0, "text/csv")


def rows(fragment: str) -> list[list[str]]:
    """Each row's cells; a cell's terms (one a line) joined by " / "."""
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")

    def cell(td: lxml_html.HtmlElement) -> str:
        lines = re.split(r"<br\s*/?>", lxml_html.tostring(td, encoding="unicode"))
        return " / ".join(lxml_html.fragment_fromstring(line, create_parent="div").text_content().strip() for line in lines)

    return [[cell(td) for td in tr.xpath("./td")] for tr in tree.xpath("//table[@id='glossary-pair']/tbody/tr")]


def test_both_pairs_of_two_locales() -> None:
    assert pair_url("pt-BR", "en") == "glossary/pt-br-en/"
    for locale in ("en", "sv"):
        pages = render(locale)
        assert {"glossary/en-sv.md", "glossary/sv-en.md"} <= set(pages)
        # the navigation's one entry for the pairs is the list of them, whatever the number of languages
        assert not pages["glossary/en-sv.md"].in_nav and pages["glossary.md"].in_nav and pages["glossary.md"].url == "glossary/"
        assert pages["glossary.md"].lastmod == pages["glossary/en-sv.md"].lastmod  # the sitemap's date: its pairs' latest


def three_locales(pairs: str | tuple[tuple[str, str], ...]) -> Settings:
    """The shipped settings with German as a third locale (the fixtures have no German: its columns are empty)."""
    return dataclasses.replace(SETTINGS, locales=(*SETTINGS.locales, Locale("de", "Deutsch", "de/", None, None, None)), pairs=pairs)


@pytest.mark.parametrize(
    ("pairs", "expected", "published"),
    [
        ("source", ["en-sv", "en-de", "sv-en", "de-en"], ["en-de", "de-en"]),
        ("all", ["en-sv", "en-de", "sv-en", "sv-de", "de-en", "de-sv"], ["en-de", "sv-de", "de-en", "de-sv"]),
        ((("sv", "de"),), ["sv-de"], ["sv-de"]),
    ],
)
def test_a_pair_is_published_in_its_two_languages_sites_and_listed_once_in_the_source_languages(
    pairs: str | tuple[tuple[str, str], ...], expected: list[str], published: list[str]
) -> None:
    from glossary_tool.site.theme import nav

    settings = three_locales(pairs)
    pages = render("de", settings=settings)
    first_pages = sorted(src for src in pages if re.fullmatch(r"glossary/[a-z-]+\.md", src))
    assert first_pages == sorted(f"glossary/{slug}.md" for slug in published)  # German's pairs only
    listed = [src for entry in nav(list(pages.values()), settings, "de") for src in entry.values() if isinstance(src, str) and src.startswith("glossary")]
    assert listed == ["glossary.md"]  # one entry, however many pairs
    for src, prefix in (("index.md", "glossary/"), ("glossary.md", "")):
        tree = lxml_html.fragment_fromstring(pages[src].html, create_parent="div")
        assert tree.xpath("//ul[@class='glossary-pairs']//a[not(@download)]/@href") == [f"{prefix}{slug}/" for slug in published]
    others = lxml_html.fragment_fromstring(pages[f"glossary/{published[0]}.md"].html, create_parent="div").xpath("//p[@class='glossary-meta']/a/@href")
    assert others == ["../"]  # the list of this site's pairs
    # the source language's site lists every pair once; one it does not publish is in its source language's site
    en = render("en", settings=settings)
    links = lxml_html.fragment_fromstring(en["glossary.md"].html, create_parent="div").xpath("//ul[@class='glossary-pairs']/li/a")
    slugs = [a.get("href").rstrip("/").split("/")[-1] for a in links]
    assert slugs == expected
    elsewhere = [(a.get("href"), a.get("hreflang"), a.get("target")) for a, slug in zip(links, slugs, strict=True) if "en" not in slug.split("-")]
    assert elsewhere == [(f"../{slug[:2]}/glossary/{slug}/", slug[:2], "_self") for slug in expected if "en" not in slug.split("-")]
    assert {src for src in en if re.fullmatch(r"glossary/[a-z-]+\.md", src)} == {f"glossary/{s}.md" for s in expected if "en" in s.split("-")}


def test_a_pair_page_has_its_alternates_in_its_two_languages_only() -> None:
    settings = three_locales("source")
    assert published_in(settings, "glossary/en-de/") == ("en", "de") and published_in(settings, "glossary/de-en/2/") == ("en", "de")
    assert published_in(settings, "glossary/") == published_in(settings, "terms/kpo/") == ("en", "sv", "de")
    assert published_in(settings, "glossary/sv-de/") == ("en", "sv", "de")  # not a configured pair: no such page anywhere


def test_the_pair_lists_every_concept_with_its_terms_and_category_in_the_source_languages_order() -> None:
    sv = render("sv")
    assert sv["glossary/en-sv.md"].title == "Ordlista engelska–svenska"
    got = rows(sv["glossary/en-sv.md"].html)
    assert [r[0].split(" / ")[0] for r in got] == ["business process outsourcing", "customer service", "knowledge process outsourcing", "outsourcing"]
    assert got[2] == [
        "knowledge process outsourcing / KPO",
        "KPO / outsourcing av kunskapsprocesser / kunskapsprocess outsourcing (använd inte)",
        "Leveransmodeller",
    ]
    reverse = rows(sv["glossary/sv-en.md"].html)
    assert [r[0].split(" / ")[0] for r in reverse] == ["BPO", "KPO", "kundtjänst", "outsourcing"]
    assert render("en")["glossary/sv-en.md"].title == "Glossary Swedish–English"


def test_terms_carry_their_language_and_link_to_the_concept_in_it() -> None:
    tree = lxml_html.fragment_fromstring(render("sv")["glossary/en-sv.md"].html, create_parent="div")
    row = tree.get_element_by_id("kpo")
    source, target = row.xpath("./td")[:2]
    assert source.xpath(".//a/@href") == ["../../../terms/kpo/"] and source.xpath(".//span[@lang='en']/a/@hreflang") == ["en"]
    assert target.xpath(".//a/@href") == ["../../terms/kpo/"] and not target.xpath(".//*[@lang]")
    headings = [th.text_content() for th in tree.xpath("//thead//th")]
    assert headings == ["Engelska", "Svenska", "Begreppsgrupp"]  # this site's word for category (locales/sv)


def test_a_concept_missing_in_one_language_is_still_listed(tmp_path: Path) -> None:
    only_en = concept("solo", en="zzz solo").split("  sv:\n")[0]
    got = rows(render_with(tmp_path, {"solo.yaml": only_en}, "en")["glossary/en-sv.md"].html)
    assert got[-1][:2] == ["zzz solo", "Not yet translated"]
    reverse = rows(render_with(tmp_path / "r", {"solo.yaml": only_en}, "en")["glossary/sv-en.md"].html)
    assert reverse[-1][:2] == ["Not yet translated", "zzz solo"]  # after the translated ones


def test_the_filter_box_is_hidden_until_the_script_shows_it_and_the_list_is_complete_without_it() -> None:
    html = render("en")["glossary/en-sv.md"].html
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    (box,) = tree.xpath("//div[@data-glossary-filter]")
    assert box.get("hidden") is not None and box.xpath(".//input/@aria-controls") == ["glossary-pair"]
    assert box.xpath(".//label/@for") == box.xpath(".//input/@id")
    assert box.xpath(".//*[@data-count]/@data-count") == ["{shown} of {total} shown"]
    assert len(rows(html)) == 4


def test_each_pair_page_links_its_own_download() -> None:
    pages = render("sv", downloads=[PAIR_CSV])
    tree = lxml_html.fragment_fromstring(pages["glossary/en-sv.md"].html, create_parent="div")
    assert tree.xpath("//a[@download]/@href") == ["../../../downloads/glossary-en-sv.csv"]
    assert not lxml_html.fragment_fromstring(pages["glossary/sv-en.md"].html, create_parent="div").xpath("//a[@download]")


def test_pairs_are_split_into_pages_like_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary_tool.site.render.context as context_module

    monkeypatch.setattr(context_module, "LISTING_PAGE_SIZE", 3)
    pages = render("en")
    assert "glossary/en-sv/2.md" in pages and pages["glossary/en-sv/2.md"].url == "glossary/en-sv/2/"
    assert len(rows(pages["glossary/en-sv.md"].html)) == 3 and len(rows(pages["glossary/en-sv/2.md"].html)) == 1
    assert not pages["glossary/en-sv/2.md"].in_nav and 'rel="next"' in pages["glossary/en-sv.md"].html
