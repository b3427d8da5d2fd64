"""Accessibility: axe-core finds no serious or critical violation on any kind of page, in either language, on a
phone and on a desktop, in the light and the dark palette."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from site_helpers import AXE, DESKTOP, PHONE, NewPage, Site, axe_violations, shot

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "concept": "terms/kpo/",
    "index": "index-a-z/",
    "category": "categories/model/",
    "comparison": "compare/bpo-vs-kpo/",
    "faq": "faq/",
    "pair": "glossary/en-sv/",
    "pairs": "glossary/",
    "languages": "languages.html",
    "downloads": "downloads/",
    "404": "no/such/page/",
}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}
# Colours do not depend on the screen's size: the dark palette is checked on the desktop.
VIEWS = [("phone", "light"), ("desktop", "light"), ("desktop", "dark")]


@pytest.fixture(scope="session", autouse=True)
def axe_installed() -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing; 'make browser-deps' (part of 'make test') installs axe-core from npm")


@pytest.mark.parametrize(("screen", "scheme"), VIEWS)
@pytest.mark.parametrize("prefix", ["", "sv/"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_or_critical_violation(new_page: NewPage, site: Site, kind: str, prefix: str, screen: str, scheme: str) -> None:
    page = new_page(SCREENS[screen], color_scheme=scheme)
    # A missing path gets the root 404 page; the Swedish one is opened as itself.
    path = "sv/404.html" if kind == "404" and prefix else prefix + PAGES[kind]
    response = page.goto(site.url + path)
    assert response is not None and response.status == (404 if path == PAGES["404"] else 200)
    assert page.locator("html").get_attribute("lang") == ("sv" if prefix else "en")
    found = axe_violations(page)
    serious = [v for v in found if v["impact"] in ("serious", "critical")]
    if serious:
        shot(page, f"axe-{kind}-{prefix.strip('/') or 'en'}-{screen}-{scheme}", full_page=True)
    assert serious == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in serious)


def test_the_language_switchs_open_menu_has_no_serious_or_critical_violation(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE)
    page.goto(site.url + "sv/terms/kpo/")
    page.locator(".md-header__option .md-select > a").click()  # a tap opens the menu
    page.locator('a.md-select__link[hreflang="en"]').wait_for(state="visible")
    serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in serious)


def test_the_check_finds_what_it_looks_for(new_page: NewPage, site: Site) -> None:
    """The harness itself: a faint paragraph and a nameless button on a real page are reported as serious."""
    page = new_page()
    page.goto(site.url + "terms/kpo/")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('afterbegin',
        '<p style="color:#ccc;background:#fff">faint text</p><button></button>')""")
    found = {v["id"]: v["impact"] for v in axe_violations(page)}
    assert found.get("color-contrast") == "serious" and found.get("button-name") == "critical", found


def _serious(page: Page, context: str = "document") -> list[str]:
    found = axe_violations(page, context)
    return [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violation_once_the_reader_acts(new_page: NewPage, site: Site, scheme: str) -> None:
    # What the static pages do not show: search open with matched words and a count, a focused result and a focused
    # term link, a preview open, and the words a result was found by marked on the page it leads to.
    page = new_page(DESKTOP, color_scheme=scheme)
    page.goto(site.url + "sv/terms/kpo/")
    page.keyboard.press("/")
    page.wait_for_function("window.glossarySearch !== undefined")
    page.locator("input.md-search__input").press_sequentially("kunskapsprocessen")
    page.wait_for_function("document.querySelector('[data-glossary-search]').getAttribute('data-glossary-search-shown') === 'kunskapsprocessen'")
    assert page.locator(".md-search-result mark").count() > 0
    assert _serious(page) == [], "search open"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    assert _serious(page, ".md-search-result") == [], "a result focused"
    shot(page, f"a11y-search-open-{scheme}")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/terms/kpo/**")
    page.wait_for_selector("article mark[data-md-highlight]")
    assert _serious(page) == [], "words marked after a result"
    shot(page, f"a11y-highlighted-{scheme}")
    link = page.locator("article a.glossary-link").first
    link.focus()  # from the keyboard: the focus ring and colour, and the preview it opens
    page.wait_for_selector("#glossary-preview:not([hidden])")
    assert page.evaluate("document.getElementById('glossary-preview').closest('main, header, footer, nav, aside, [role=region]') !== null"), (
        "the preview is outside every landmark"
    )
    assert _serious(page) == [], "a term link focused, its preview open"
    region = [v for v in axe_violations(page) if v["id"] == "region"]
    assert not [n for v in region for n in v["nodes"] if "glossary-preview" in str(n)], region
    shot(page, f"a11y-preview-{scheme}")


def test_search_from_a_link_a_next_step_for_nothing_found_and_escape_keeps_the_place(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE)
    # a link to a search shows its results, not only the filled box
    page.goto(site.url + "sv/?q=kundtjänst")
    page.wait_for_function("document.querySelector('[data-glossary-search]').getAttribute('data-glossary-search-shown') === 'kundtjänst'")
    first = page.locator(".md-search-result__item > a").first
    assert first.is_visible() and "terms/customer-service/" in (first.get_attribute("href") or "")
    # nothing found: the index as the next step
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("zzqqxx")
    page.wait_for_function("document.querySelector('[data-glossary-search]').getAttribute('data-glossary-search-shown') === 'zzqqxx'")
    step = page.locator(".glossary-search-next a")
    assert step.is_visible() and step.inner_text() == "Register A–Ö" and (step.get_attribute("href") or "").endswith("/sv/index-a-z/")
    shot(page, "search-nothing-found-phone")
    # Escape returns the focus to where it was, not to the page's body
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement !== document.body && document.activeElement !== null")
    page = new_page(DESKTOP)
    page.goto(site.url + "terms/kpo/")
    page.locator("article a.glossary-link").first.focus()
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.matches('article a.glossary-link')"), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


def test_the_index_letters_are_targets_of_24_px_on_a_phone(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE)
    page.goto(site.url + "sv/index-a-z/")
    sizes = page.locator(".glossary-letters :is(a, span)").evaluate_all(
        "els => els.map(e => [e.textContent, e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
    )
    assert len(sizes) > 20
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert not small, small
    shot(page, "index-letters-phone")
