"""What a reader does: switch language on a term, read it on a phone (search: test_search.py).

The shipped site is built once, served on a loopback port and driven in Debian's Chromium with Playwright.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator

import pytest
from conftest import ROOT
from playwright.sync_api import Browser, Page

from glossary_tool.site.build import build_project

ARTIFACTS = ROOT / "tests" / ".artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    port = server.server_address[1]
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for name in ("content", "locales"):
        shutil.copytree(ROOT / name, project / name)
    # site_url must match where it is served, for canonical links and the sitemaps.
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("site_url: http://127.0.0.1:8000/", f"site_url: http://127.0.0.1:{port}/"), encoding="utf-8")
    build_project(project / "mkdocs.yml", site, outside_ok=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


pytestmark = pytest.mark.browser


def test_language_switch_stays_on_the_term(page: Page, base_url: str) -> None:
    page.goto(base_url + "terms/kpo/")
    page.locator(".md-header__option .md-select > a").click()
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url(base_url + "sv/terms/kpo/")
    assert page.locator("html").get_attribute("lang") == "sv"
    # a link followed inside the Swedish site, then back to English on that page
    page.locator("article a[href$='/outsourcing/']").first.click()
    page.wait_for_url(base_url + "sv/terms/outsourcing/")
    page.locator(".md-header__option .md-select > a").click()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(base_url + "terms/outsourcing/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize(("name", "width", "height"), [("phone", 375, 812), ("desktop", 1280, 900)])
def test_swedish_concept_page_fits(browser: Browser, base_url: str, name: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for path in ["sv/terms/kpo/", "sv/compare/bpo-vs-kpo/", "sv/index-a-z/"]:
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px"
    page.goto(base_url + "sv/terms/kpo/")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"sv-kpo-{name}.png"), full_page=True)
    assert page.locator("h1").first.inner_text() == "KPO"
    context.close()
