"""The reader's basics in a browser: contents and permalinks, the FAQ, dates and citations, previews, the language
switch, the 404 page, colour schemes, keyboard use on a phone, Open Graph and the footer."""

from __future__ import annotations

import re
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page
from site_helpers import COMMIT_DATE, COPYRIGHT, DESKTOP, LONG_DEFINITION, PHONE, REPO_URL, NewPage, Site, shot

from glossary_tool.site.render.collation import sort_key

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser


# ---- contents, permalinks, the FAQ ----


@pytest.mark.parametrize("path", ["terms/kpo/", "sv/terms/kpo/", "faq/", "sv/faq/"])
def test_term_and_faq_pages_have_a_table_of_contents_and_permalinks(new_page: NewPage, site: Site, path: str) -> None:
    page = new_page()
    page.goto(site.url + path)
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    assert toc.count() >= 3 and toc.first.is_visible()
    target = toc.nth(1).evaluate("a => new URL(a.href).hash")  # Material's script makes the links absolute
    assert target.startswith("#") and page.locator(target).count() == 1
    heading = page.locator("article h2").nth(1)
    permalink = heading.locator("a.headerlink")
    assert permalink.evaluate("a => new URL(a.href).hash") == "#" + (heading.get_attribute("id") or "")
    heading.hover()
    page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=permalink.element_handle(), timeout=3000)  # shown on hover


def test_the_faq_opens_with_its_questions_grouped_in_each_languages_order(new_page: NewPage, site: Site) -> None:
    for path, locale in (("faq/", "en"), ("sv/faq/", "sv")):
        page = new_page()
        page.goto(site.url + path)
        first = page.locator("article > :is(nav, h2, section, p)").first
        assert first.evaluate("e => e.tagName") == "NAV" and first.locator("li a").count() >= 25
        groups = page.locator("article h2[id^='group-']")
        assert groups.count() >= 3
        for g in range(groups.count()):
            questions = groups.nth(g).evaluate("""h => { const out = []; let e = h.nextElementSibling;
                while (e && e.tagName !== 'H2') { if (e.tagName === 'SECTION') out.push(e.querySelector('h3').firstChild.textContent); e = e.nextElementSibling; }
                return out; }""")
            assert questions == sorted(questions, key=lambda q: sort_key(q, locale)), questions
        link = first.locator("li a").nth(3)
        fragment = link.evaluate("a => new URL(a.href).hash")
        link.click()
        assert page.evaluate("location.hash") == fragment
        page.wait_for_function("f => Math.abs(document.querySelector(f).getBoundingClientRect().top) < 200", arg=fragment)  # scrolled to it
    shot(page, "sv-faq-desktop")


# ---- dates, citations, sitemaps ----


def test_each_entry_shows_its_last_change_and_a_citation(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/terms/kpo/")
    assert page.locator(".glossary-meta time").get_attribute("datetime") == COMMIT_DATE  # from git
    cite = page.locator(".glossary-cite").inner_text()
    assert cite == f"”KPO”. I: Ordlista för outsourcing. Senast ändrad 6 maj 2024. {site.url}sv/terms/kpo/"
    page.goto(site.url + "sv/terms/attrition/")  # edited after the commit: the build date
    edited = page.locator(".glossary-meta time").get_attribute("datetime")
    assert edited and edited > COMMIT_DATE


def test_sitemaps_carry_lastmod(site: Site) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for path in ("sitemap-root.xml", "sv/sitemap.xml"):  # sitemap.xml is their index (test_build)
        root = ET.fromstring(urllib.request.urlopen(site.url + path).read())
        urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
        assert urls and all(re.fullmatch(r"\d{4}-\d\d-\d\d", d or "") for d in urls.values())
        assert urls[site.url + ("sv/" if path.startswith("sv") else "") + "terms/kpo/"] == COMMIT_DATE


# ---- previews and shortened texts ----


def preview(page: Page) -> str:
    box = page.locator("#glossary-preview")
    box.wait_for(state="visible", timeout=3000)
    return box.inner_text()


def test_a_term_preview_shows_on_hover_and_stays_while_the_pointer_is_on_it(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "terms/kpo/")
    link = page.locator(".glossary-definition a.glossary-link").first
    assert link.get_attribute("title") is None
    link.hover()
    text = preview(page)
    assert text.startswith(link.inner_text()) and (link.get_attribute("data-glossary-preview") or "") in text
    assert link.get_attribute("aria-describedby") == "glossary-preview"
    shot(page, "terms-kpo-preview")
    page.locator("#glossary-preview").hover()
    # Leaving the link starts a 300 ms timer to hide the preview; a page timer of 400 ms started after it runs after it
    # however busy the machine is, so the preview is still shown because entering it stopped that timer.
    page.evaluate("() => new Promise(done => setTimeout(done, 400))")
    assert page.locator("#glossary-preview").is_visible()  # a pointer can move onto it
    page.mouse.move(5, 500)
    page.locator("#glossary-preview").wait_for(state="hidden", timeout=3000)


def test_a_term_preview_shows_on_keyboard_focus_and_escape_closes_it(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/terms/kpo/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[data-glossary-preview]')"):
            break
    else:
        pytest.fail("no term link is reachable with Tab")
    focused = page.evaluate("document.activeElement.dataset.glossaryPreview")
    assert focused in preview(page)
    page.keyboard.press("Escape")
    page.locator("#glossary-preview").wait_for(state="hidden", timeout=3000)


def test_a_tap_shows_the_preview_with_a_link_and_a_second_tap_follows_the_term(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE, has_touch=True, is_mobile=True)
    page.goto(site.url + "sv/terms/kpo/")
    link = page.locator(".glossary-definition a.glossary-link").first
    href = link.evaluate("a => a.href")
    link.tap()
    text = preview(page)
    assert page.url == site.url + "sv/terms/kpo/" and (link.get_attribute("data-glossary-preview") or "") in text
    assert page.locator("#glossary-preview a").evaluate("a => a.href") == href and "Öppna posten" in text
    page.wait_for_timeout(300)  # a settled picture
    shot(page, "sv-terms-kpo-phone-preview")
    link.tap()
    page.wait_for_url(href)


def test_shortened_texts_end_at_a_word_with_an_ellipsis(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/categories/challenge/")  # lists personalomsättning with its short definition
    summary = page.locator("dl.glossary-list dd").filter(has_text="personalomsättning i outsourcingbranschen").inner_text()
    page.goto(site.url + "sv/terms/attrition/")
    description = page.locator("meta[name='description']").get_attribute("content") or ""
    page.goto(site.url + "sv/terms/skills-shortage/")
    previews = [
        p for p in page.locator("a[data-glossary-preview]").evaluate_all("els => els.map(a => a.dataset.glossaryPreview)") if p.startswith("personalomsättning")
    ]
    for text in [summary, description, *previews]:
        assert text.endswith("…") and len(text) <= 200, text
        cut = text[:-1]
        assert LONG_DEFINITION.startswith(cut) and LONG_DEFINITION[len(cut)] == " ", text  # the next character starts a word


# ---- the language switch ----


def test_the_language_switch_keeps_the_fragment_and_marks_the_current_language(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "terms/kpo/#sources")
    page.locator(".md-header__option .md-select > a").hover()
    current = page.locator(".md-select__link[aria-current='page']")
    assert current.get_attribute("hreflang") == "en" and current.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url(site.url + "sv/terms/kpo/#sources")
    assert page.locator("html").get_attribute("lang") == "sv"
    # a fragment reached by a link on the page, then the switch back
    page.locator(".md-sidebar--secondary a[href$='#terms']").click()
    page.wait_for_function("location.hash === '#terms'")
    page.locator(".md-header__option .md-select > a").hover()
    assert page.locator(".md-select__link[aria-current='page']").get_attribute("hreflang") == "sv"
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(site.url + "terms/kpo/#terms")


def test_the_language_switch_is_a_link_to_the_page_of_languages_without_javascript(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(site.url + "sv/terms/kpo/")
    assert page.locator(".md-header .md-select__link").count() == 0  # no list in the page: it would grow with the languages
    page.locator(".md-header__option .md-select > a").click()
    page.wait_for_url(site.url + "sv/languages.html")
    assert page.locator("h1").inner_text() == "Välj språk"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site.url)


def test_the_language_switch_opens_from_the_keyboard(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "terms/kpo/")
    page.locator(".md-header__option .md-select > a").focus()
    page.keyboard.press("Enter")  # opens the menu rather than leaving the page
    swedish = page.locator('a.md-select__link[hreflang="sv"]')
    swedish.wait_for(state="visible")
    assert page.url == site.url + "terms/kpo/"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "sv"
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "sv/terms/kpo/")


# ---- the 404 page ----


def test_the_404_page_works_on_any_host_and_port(new_page: NewPage, site: Site) -> None:
    page = new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type != "document" else None)
    response = page.goto(site.other_url + "no/such/page/here/")
    assert response is not None and response.status == 404
    assert "Page not found" in page.locator("h1").inner_text()
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert not any(h.startswith(("http://127.0.0.1", site.url)) for h in hrefs), hrefs  # nothing points at site_url's host
    assert failed == [], failed  # its styles and scripts load from wherever it is served
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(site.other_url)
    assert page.locator("h1").first.inner_text() == "Outsourcing Glossary"
    page.goto(site.other_url + "sv/gone/")  # static hosts serve the root 404 page everywhere
    page.locator(".md-header__option .md-select > a").hover()
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url(site.other_url + "sv/")


# ---- fonts, colour schemes ----


def test_fonts_are_the_systems(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url)
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Roboto" not in family and "sans-serif" in family
    assert page.locator("link[href*='fonts.g']").count() == 0


def test_the_palette_follows_the_system_and_the_toggle_switches_it(new_page: NewPage, site: Site) -> None:
    dark = new_page(DESKTOP, color_scheme="dark")
    dark.goto(site.url + "sv/terms/kpo/")
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
    toggle = dark.locator("form[data-md-component='palette'] label:visible")
    assert toggle.get_attribute("title") == "Byt till ljust läge"
    shot(dark, "sv-terms-kpo-dark")
    toggle.click()
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "default"
    light = new_page(DESKTOP, color_scheme="light")
    light.goto(site.url + "terms/kpo/")
    assert light.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert light.locator("form[data-md-component='palette'] label:visible").get_attribute("title") == "Switch to dark mode"


def test_the_chosen_palette_stays_on_the_next_page_and_the_icons_are_drawn(new_page: NewPage, site: Site) -> None:
    # scope.js keeps the choice and palette.js applies it before the page is painted: shared files, not inline scripts
    page = new_page(DESKTOP, color_scheme="light")
    page.goto(site.url + "terms/kpo/")
    assert page.locator("script:not([src]):not([type])").count() <= 1  # at most Material's one-line content script
    page.locator("form[data-md-component='palette'] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(site.url + "faq/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # each header icon is an empty <svg> the style sheet paints through a mask, at the size Material gives its icons
    for selector in ("label.md-header__button[for='__search'] svg", "[data-glossary-switch] .md-header__button svg", ".md-header__button.md-logo svg"):
        icon = page.locator(selector).first
        painted = icon.evaluate("e => { const s = getComputedStyle(e); return [s.maskImage || s.webkitMaskImage, s.backgroundColor, e.childElementCount]; }")
        assert painted[0].startswith('url("data:image/svg+xml') and painted[1] != "rgba(0, 0, 0, 0)" and painted[2] == 0, selector
    box = page.locator("[data-glossary-switch] .md-header__button svg").bounding_box()
    assert box is not None and box["width"] == box["height"] == 24


# ---- the keyboard: skip link, the menu on a phone ----


def test_the_first_tab_stop_is_a_skip_link_to_the_content(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/terms/kpo/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')") and skip.is_visible()
    assert skip.inner_text() == "Gå till innehållet" and skip.evaluate("a => new URL(a.href).hash") == "#kpo"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#kpo'")


def off_screen_stops(page: Page, stops: int) -> tuple[list[str], list[str]]:
    """Press Tab ``stops`` times from the top; the focused elements, and those not visible on the screen.

    Material's palette toggle is a hidden radio button whose label shows the focus; permalinks fade in on focus
    (a 125 ms transition). The search dialog's own stops are left to the search (a 0×0 scroll box of its results)."""
    seen, hidden = [], []
    for _ in range(stops):
        page.keyboard.press("Tab")
        info = page.evaluate("""async () => {
            await new Promise(done => setTimeout(done, 200));
            const focused = document.activeElement;
            const e = focused.matches('.md-option') ? focused.nextElementSibling : focused;
            const r = e.getBoundingClientRect(), style = getComputedStyle(e);
            const on = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight
                       && style.visibility !== 'hidden' && style.opacity !== '0';
            const name = focused.tagName + '.' + focused.className + ' ' + (focused.getAttribute('href') || focused.getAttribute('aria-label') || '');
            return [name, on || focused.closest('.md-search__scrollwrap') !== null]; }""")
        seen.append(info[0])
        if not info[1]:
            hidden.append(info[0])
    return seen, hidden


def test_on_a_phone_focus_never_goes_off_screen_and_the_menu_opens_from_the_keyboard(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE)
    page.goto(site.url + "terms/kpo/")
    seen, hidden = off_screen_stops(page, 25)
    assert hidden == [], (hidden, seen)
    menu = next(i for i, s in enumerate(seen) if "glossary-menu" in s)
    assert menu <= 2, seen  # right after the skip link and the logo
    page.goto(site.url + "terms/kpo/")
    for _ in range(menu + 1):
        page.keyboard.press("Tab")
    button = page.locator("button.glossary-menu")
    assert page.evaluate("document.activeElement.classList.contains('glossary-menu')") and button.get_attribute("aria-label") == "Navigation menu"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_function("document.activeElement.getBoundingClientRect().left >= 0")  # the drawer has slid in
    assert page.evaluate("document.activeElement.getBoundingClientRect().right") <= PHONE["width"]
    shot(page, "terms-kpo-phone-menu")
    page.keyboard.press("Escape")
    page.wait_for_function("document.activeElement.classList.contains('glossary-menu')")
    assert button.get_attribute("aria-expanded") == "false"
    _, hidden = off_screen_stops(page, 10)  # the closed drawer is out of the tab order again
    assert hidden == [], hidden


# ---- Open Graph and the footer ----


def test_open_graph_tags(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/terms/kpo/")
    og = dict(page.locator("meta[property^='og:']").evaluate_all("els => els.map(m => [m.getAttribute('property'), m.content])"))
    assert og["og:type"] == "article" and og["og:title"] == "KPO" and og["og:url"] == site.url + "sv/terms/kpo/"
    assert og["og:site_name"] == "Ordlista för outsourcing" and og["og:locale"] == "sv_SE"
    assert "og:locale:alternate" not in og  # a line per other language on every page, for no reader
    assert og["og:description"].startswith("Outsourcing av kunskapsintensivt arbete")
    page.goto(site.url)
    assert page.locator("meta[property='og:type']").get_attribute("content") == "website"


def test_the_footer_shows_the_licence_and_the_source_repository_from_configuration(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/")
    footer = page.locator(".md-copyright")
    assert footer.locator(".md-copyright__highlight").inner_text() == COPYRIGHT  # markup from mkdocs.yml is text
    assert footer.locator("b").count() == 0
    licence = footer.locator(".glossary-license a")
    assert licence.inner_text() == "CC BY 4.0" and licence.get_attribute("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert "Licens" in footer.locator(".glossary-license").inner_text()
    assert footer.locator(".glossary-repository a").get_attribute("href") == REPO_URL
    shot(page, "sv-home-desktop")


# ---- every kind of page, on a phone and a desktop ----

KINDS = {
    "home": "",
    "concept": "terms/kpo/",
    "index": "index-a-z/",
    "category": "categories/model/",
    "comparison": "compare/bpo-vs-kpo/",
    "faq": "faq/",
    "pair": "glossary/sv-en/",
    "downloads": "downloads/",
    "404": "no/such/page/",
}


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
@pytest.mark.parametrize("prefix", ["", "sv/"])
def test_no_page_is_wider_than_the_screen(new_page: NewPage, site: Site, prefix: str, name: str, viewport: dict[str, int]) -> None:
    page = new_page(viewport)
    for kind, path in KINDS.items():
        page.goto(site.url + (prefix + path if kind != "404" else path))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{kind} overflows by {overflow}px at {viewport['width']}px"
        shot(page, f"kind-{kind}-{prefix.strip('/') or 'en'}-{name}")
