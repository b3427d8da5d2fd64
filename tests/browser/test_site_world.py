"""The multilingual fixture (nine languages, seven scripts) in a browser: text direction, the index's letters and
order in each script, the interface in each language that has a catalog, and screenshots to look at."""

from __future__ import annotations

import pytest
from site_helpers import DESKTOP, PHONE, NewPage, Site, shot

from glossary_tool.site.render.collation import collation
from glossary_tool.site.render.i18n import catalog_warnings, gettext_for, template_ids

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

PREFIX = {"en": "", "de": "de/", "fi": "fi/", "ru": "ru/", "ar": "ar/", "zh-Hans": "zh-hans/", "ja": "ja/", "ko": "ko/", "el": "el/"}


def test_arabic_pages_read_right_to_left_and_other_languages_keep_their_own_direction(new_page: NewPage, world_site: Site) -> None:
    page = new_page()
    page.goto(world_site.url + "ar/terms/burette/")
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir, document.body.dir]") == ["ar", "rtl", "rtl"]
    # The English definition is left to right inside the Arabic page: its full stop at its end, not before it.
    english = page.locator("dt#lang-en + dd .glossary-definition")
    assert english.get_attribute("lang") == "en" and english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    term = page.locator("dt#lang-en + dd > [lang='en']").first
    assert term.get_attribute("dir") == "ltr"
    # The cite line's URL keeps its slashes where they belong.
    url = page.locator(".glossary-cite a[dir='ltr']")
    assert url.evaluate("e => getComputedStyle(e).direction") == "ltr" and url.inner_text().startswith("http://")
    # The pager and "see" arrows point the way the text reads; the letter bar starts at the right.
    page.goto(world_site.url + "ar/index-a-z/")
    bar = page.locator(".glossary-letters")
    arrow = page.locator(".glossary-index .glossary-arrow").first
    assert "matrix(-1" in arrow.evaluate("e => getComputedStyle(e).transform")
    first, last = bar.locator("a, span").first.bounding_box(), bar.locator("a, span").last.bounding_box()
    assert first is not None and last is not None and first["x"] > last["x"]
    for code in ("en", "ja", "el", "zh-Hans"):  # <html lang> is the configured tag (zh-Hans, not Material's zh)
        page.goto(world_site.url + PREFIX[code] + "terms/burette/")
        assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == [code, "ltr"]
        fragment = page.locator("dt#lang-ar + dd > [lang='ar']").first  # an Arabic term
        assert fragment.get_attribute("dir") == "rtl" and fragment.evaluate("e => getComputedStyle(e).direction") == "rtl"


# Per language: a few letters its bar must show in order, and headings that must be on the first index page.
LETTERS = {
    "ru": (["А", "Б", "К", "Я"], "Б"),
    "ar": (["ا", "ب", "س", "ي"], "ك"),
    "el": (["Α", "Β", "Π", "Ω"], "Π"),
    "zh-Hans": (["A", "B", "D", "Z"], "D"),
    "ja": (["あ", "か", "さ", "は", "わ"], "さ"),
    "ko": (["ㄱ", "ㄴ", "ㅂ", "ㅎ"], "ㅂ"),
    "fi": (["A", "Z", "Å", "Ä", "Ö"], "K"),
}


@pytest.mark.parametrize("code", sorted(LETTERS))
def test_the_index_has_the_languages_letters_and_order(new_page: NewPage, world_site: Site, code: str) -> None:
    letters, heading = LETTERS[code]
    page = new_page()
    page.goto(world_site.url + PREFIX[code] + "index-a-z/")
    bar = page.locator(".glossary-letters").inner_text().split()
    assert [bar.index(letter) for letter in letters] == sorted(bar.index(letter) for letter in letters), bar
    headings = page.locator("article h2, .md-content h2").all_inner_texts()
    assert heading in headings and "#" not in headings[:-1]
    order = collation(code)
    assert headings == sorted(headings, key=lambda h: order.headings(set(headings)).index(h))
    # Under each heading the terms follow the language's order (by reading where one is recorded).
    for group in page.locator("ul.glossary-index").all():
        items = group.locator("li > a").evaluate_all(
            "els => els.map(a => [a.querySelector('ruby') ? a.querySelector('ruby').firstChild.textContent : a.textContent,"
            " a.querySelector('rt') ? a.querySelector('rt').textContent : ''])"
        )
        keys = [order.sort_key(text, reading) for text, reading in items]
        assert keys == sorted(keys), items


def test_japanese_files_kanji_terms_by_their_reading(new_page: NewPage, world_site: Site) -> None:
    page = new_page()
    page.goto(world_site.url + "ja/index-a-z/")
    sa = page.locator("h2:text-is('さ') + ul.glossary-index li").all_inner_texts()
    assert any("試験管" in item for item in sa) and any("三角フラスコ" in item for item in sa)
    ha = page.locator("h2:text-is('は') + ul.glossary-index li").all_inner_texts()
    assert ha.index("ビーカー") < ha.index("ビュレット")  # the long vowel of ビー before the small ュ
    assert page.locator("ruby:has-text('試験管') rt").inner_text() == "しけんかん"


def _english_interface(language: str) -> set[str]:
    """UI strings of at least eight characters whose translation into ``language`` differs from the English."""
    g = gettext_for(None, language)
    return {m for m in template_ids() if len(m) >= 8 and g(m) != m}


# The fixture's languages the package has a UI catalog for (the others warn at build time instead).
WITH_CATALOG = sorted(code for code in PREFIX if code != "en" and not any("has no UI catalog" in w for w in catalog_warnings(None, code)))


@pytest.mark.parametrize("code", WITH_CATALOG or ["none"])
def test_no_english_interface_string_shows_in_a_language_with_a_catalog(new_page: NewPage, world_site: Site, code: str) -> None:
    if code == "none":
        pytest.skip("no language of the fixture has a UI catalog in the package yet")
    english = _english_interface(code)
    page = new_page()
    # The fixture has no questions, so it has no FAQ page (a 404 would be the site's root page, in English).
    assert not (world_site.root / PREFIX[code] / "faq").exists()
    for path in ("", "terms/burette/", "index-a-z/", "categories/measuring/", "downloads/"):
        page.goto(world_site.url + PREFIX[code] + path)
        text = page.locator("body").inner_text() + " ".join(
            page.locator("[aria-label], [title], [placeholder]").evaluate_all(
                "els => els.map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '))"
            )
        )
        found = sorted(s for s in english if s in text)
        assert not found, (path, found)


@pytest.mark.parametrize("code", ["ar", "zh-Hans", "ja"])
def test_screenshots_of_the_concept_page_and_the_index(new_page: NewPage, world_site: Site, code: str) -> None:
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = new_page(viewport=viewport)
        for path in ("terms/test-tube/", "index-a-z/"):
            page.goto(world_site.url + PREFIX[code] + path)
            # Every glyph drawn from a font that has it (fonts-noto-cjk): no box for a missing character.
            assert page.evaluate("() => document.fonts.status") == "loaded"
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{code} {path} is {width}px wide at {viewport['width']}px"
            shot(page, f"world-{code}-{path.strip('/').replace('/', '-')}-{name}")


def test_one_copy_of_the_theme_serves_every_locale(new_page: NewPage, world_site: Site) -> None:
    """The theme's files (styles, scripts, images) are at the site's root only, and a page in each locale, its
    404 page too, loads every one of them from there (HTTP 200, or 304 when the browser already holds that one copy)
    with the styles applied."""
    copies = sorted(str(p.relative_to(world_site.root)) for p in world_site.root.rglob("main.*.min.css"))
    assert copies == [next(c for c in copies if c.startswith("assets/"))]
    assert [prefix for prefix in PREFIX.values() if prefix and (world_site.root / prefix / "assets").exists()] == []
    page = new_page(DESKTOP)
    loaded: list[tuple[str, int]] = []
    page.on("response", lambda response: loaded.append((response.url, response.status)) if "/assets/" in response.url else None)
    for prefix in PREFIX.values():
        for path in (f"{prefix}terms/burette/", f"{prefix}no/such/page/"):
            loaded.clear()
            page.goto(world_site.url + path)
            page.wait_for_load_state("networkidle")
            assets = {url.removeprefix(world_site.url): status for url, status in loaded}
            assert {"assets/glossary.css", "assets/javascripts/glossary.js"} <= set(assets), (path, assets)
            assert any(url.startswith("assets/stylesheets/main.") for url in assets) and set(assets.values()) <= {200, 304}, (path, assets)
            # Material's stylesheet is applied: its header is a fixed bar.
            assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed"), path
