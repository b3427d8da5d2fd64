"""The A–Z index: the locale's order and letter headings, and listings split into pages."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from render_helpers import SETTINGS, render

from glossary_tool.lint import run


def test_swedish_index_order_and_headings() -> None:
    html = render("sv")["index-a-z.md"].html
    letters = re.findall(r'<h2 id="letter-[^"]+">([^<]+)</h2>', html)
    assert letters == sorted(letters, key="ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ#".index)
    assert '<span aria-disabled="true">Ö</span>' in html or 'href="#letter-u00f6"' in html


def test_listings_are_split_into_pages_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary_tool.site.render.context as context_module

    single = render("sv")
    terms_in_index = len(re.findall(r'<li>(?:<s>)?<a href="', single["index-a-z.md"].html))
    assert terms_in_index > 3
    monkeypatch.setattr(context_module, "LISTING_PAGE_SIZE", 2)
    pages = render("sv")
    index = [src for src in pages if src == "index-a-z.md" or src.startswith("index-a-z/")]
    assert len(index) == -(-terms_in_index // 2) and "index-a-z/2.md" in index
    assert [pages[s].in_nav for s in ("index-a-z.md", "index-a-z/2.md")] == [True, False]
    listed = []
    for n in range(1, len(index) + 1):
        page = pages["index-a-z.md" if n == 1 else f"index-a-z/{n}.md"]
        items = re.findall(r'<li>(?:<s>)?<a href="([^"]+)">([^<]+)</a>', page.html)
        assert 0 < len(items) <= 2
        assert all(href.startswith("../../terms/" if n > 1 else "../terms/") for href, _ in items)
        listed += [text for _, text in items]
        assert f"Sida {n} av {len(index)}" in page.html
        assert ('rel="prev"' in page.html) == (n > 1) and ('rel="next"' in page.html) == (n < len(index))
    assert len(listed) == terms_in_index  # nothing lost or repeated across pages
    # Each letter links to the page where its entries begin.
    first = pages["index-a-z.md"].html
    for href, letter in re.findall(r'<a href="([^"]*#letter-[^"]+)">([^<]+)</a>', first):
        target, anchor = href.split("#")
        dest = "index-a-z.md" if target == "" else f"index-a-z/{target.strip('/')}.md"
        assert f'<h2 id="{anchor}">{letter}</h2>' in pages[dest].html, (letter, href)
    # A category keeps its total count on every page.
    shipped = render("sv", run(SETTINGS, [ROOT / "content"]).glossary)
    second = sorted(src for src in shipped if re.fullmatch(r"categories/[a-z-]+/2\.md", src))
    assert second, "no category of the shipped glossary spans two pages"
    pages = shipped
    total = re.search(r"<p>(\d+) begrepp i den här begreppsgruppen", pages[second[0]].html)  # this site's wording (locales/sv)
    assert total and int(total.group(1)) > 2


def test_a_term_not_to_use_is_struck_through_and_says_so_and_a_synonym_is_not() -> None:
    glossary = run(SETTINGS, [ROOT / "content"]).glossary
    pages = render("sv", glossary)
    html = "".join(p.html for src, p in pages.items() if src == "index-a-z.md" or src.startswith("index-a-z/"))
    # investeringsforskning is deprecated for the concept whose Swedish title is investeringsanalys
    assert re.search(
        r'<li><s><a href="[^"]+">investeringsforskning</a></s> <span class="glossary-status-note">\(avrådd\)</span> '
        r'<span class="glossary-arrow"[^>]*>→</span> investeringsanalys</li>',
        html,
    ), re.findall(r"<li>[^\n]*?investeringsforskning.*?</li>", html)
    deprecated = sum(t.status in ("deprecated", "obsolete") for c in glossary.concepts if "sv" in c.locales for t in c.locales["sv"].terms)
    assert html.count("<li><s>") == deprecated > 10
    assert re.search(r'<li><a href="[^"]+">personalavgång</a> <span class="glossary-arrow"[^>]*>→</span> personalomsättning</li>', html)  # an admitted synonym
