"""Accessibility: axe-core finds no serious or critical violation on any kind of page, in either language, on a
phone and on a desktop, in the light and the dark palette."""

from __future__ import annotations

import pytest
from site_helpers import AXE, DESKTOP, PHONE, NewPage, Site, axe_violations, shot

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

PAGES = {
    "home": "", "concept": "terms/kpo/", "index": "index-a-z/", "category": "categories/model/", "comparison": "compare/bpo-vs-kpo/",
    "faq": "faq/", "pair": "glossary/en-sv/", "downloads": "downloads/", "404": "no/such/page/",
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


def test_the_check_finds_what_it_looks_for(new_page: NewPage, site: Site) -> None:
    """The harness itself: a faint paragraph and a nameless button on a real page are reported as serious."""
    page = new_page()
    page.goto(site.url + "terms/kpo/")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('afterbegin',
        '<p style="color:#ccc;background:#fff">faint text</p><button></button>')""")
    found = {v["id"]: v["impact"] for v in axe_violations(page)}
    assert found.get("color-contrast") == "serious" and found.get("button-name") == "critical", found
