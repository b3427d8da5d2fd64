"""Pages of one locale from the fixture glossary: paths, labels, notices, structured data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT
from glossary_tool.config import load_settings
from glossary_tool.lint import run
from glossary_tool.model import Glossary
from glossary_tool.render.pages import RenderedPage, relative, render_locale

SETTINGS = load_settings(ROOT / "mkdocs.yml")


def render(locale: str, glossary: Glossary | None = None, **kw: Any) -> dict[str, RenderedPage]:
    g = glossary or run(SETTINGS, [FIXTURES / "valid"]).glossary
    pages = render_locale(g, SETTINGS, locale, site_name="S", site_url=f"http://h/{'' if locale == 'en' else locale + '/'}", locales_dir=ROOT / "locales", **kw)
    return {p.src: p for p in pages}


def test_same_paths_in_every_locale() -> None:
    assert set(render("en")) == set(render("sv"))
    assert "terms/kpo.md" in render("sv") and render("sv")["terms/kpo.md"].url == "terms/kpo/"


def test_relative_links() -> None:
    assert relative("terms/kpo/", "terms/bpo/") == "../bpo/"
    assert relative("", "terms/bpo/") == "terms/bpo/"
    assert relative("terms/kpo/", "") == "../../"


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


def test_swedish_index_order_and_headings() -> None:
    html = render("sv")["index-a-z.md"].html
    letters = re.findall(r'<h2 id="letter-[^"]+">([^<]+)</h2>', html)
    assert letters == sorted(letters, key=lambda L: "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ#".index(L))
    assert '<span aria-disabled="true">Ö</span>' in html or 'href="#letter-oe"' in html


@pytest.mark.parametrize("locale", ["en", "sv"])
def test_comparison_table(locale: str) -> None:
    html = render(locale)["compare/bpo-vs-kpo.md"].html
    assert html.count('<tr id="focus">') == 1
    assert ("Fokus" if locale == "sv" else "Focus") in html


def test_listings_are_split_into_pages_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary_tool.render.pages as pages_module

    single = render("sv")
    terms_in_index = len(re.findall(r'<li><a href="', single["index-a-z.md"].html))
    assert terms_in_index > 3
    monkeypatch.setattr(pages_module, "LISTING_PAGE_SIZE", 2)
    pages = render("sv")
    index = [src for src in pages if src == "index-a-z.md" or src.startswith("index-a-z/")]
    assert len(index) == -(-terms_in_index // 2) and "index-a-z/2.md" in index
    assert [pages[s].in_nav for s in ("index-a-z.md", "index-a-z/2.md")] == [True, False]
    listed = []
    for n in range(1, len(index) + 1):
        page = pages["index-a-z.md" if n == 1 else f"index-a-z/{n}.md"]
        items = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', page.html)
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
    total = re.search(r"<p>(\d+) begrepp i den här kategorin", pages[second[0]].html)
    assert total and int(total.group(1)) > 2


def test_rendering_without_a_template_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Jinja refuses its cache folder (one owned by someone else), pages still render, compiled afresh."""
    import jinja2

    from glossary_tool.render import pages

    cached = render("sv")["terms/kpo.md"].html

    def refuse() -> None:
        raise RuntimeError("the cache folder is not private")

    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", refuse)
    assert pages._bytecode_cache() is None
    monkeypatch.setattr(pages, "BYTECODE_CACHE", None)
    assert render("sv")["terms/kpo.md"].html == cached
