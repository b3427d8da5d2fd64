"""What a reader does: search in each language, switch language on a term, read it on a phone.

The shipped site is built once, served on a loopback port and driven in Debian's Chromium with Playwright.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Browser, Page

from glossary_tool.build import build_project

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; 'make test' installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


def search(page: object, base_url: str, path: str, query: str) -> list[str]:
    """Type ``query`` into the real search box and return the result links (paths)."""
    page.goto(base_url + path)  # type: ignore[attr-defined]
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    page.locator("label.md-search__icon").first.click() if page.viewport_size["width"] < 960 else box.click()  # type: ignore[attr-defined]
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__meta", timeout=10_000)  # type: ignore[attr-defined]
    try:
        page.wait_for_selector(".md-search-result__item", timeout=5_000)  # type: ignore[attr-defined]
    except Exception:
        return []
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")  # type: ignore[attr-defined]
    return [h.split("?")[0].removeprefix(base_url) for h in hrefs]


pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("", "knowledge process", "terms/kpo/"),
        ("", "knowledge", "terms/kpo/"),  # whole word (would fail with a stemmed index)
        ("", "outsourcing", "terms/outsourcing/"),
        ("", "outsourced", "terms/outsourcing/"),  # inflected form (would fail without stems)
        ("sv/", "kunskapsprocesser", "sv/terms/kpo/"),
        ("sv/", "kunskapsprocessen", "sv/terms/kpo/"),
        ("sv/", "BPO", "sv/terms/bpo/"),
        ("sv/", "business process outsourcing", "sv/terms/bpo/"),  # the English term, a hidden synonym
        ("", "companies", "terms/customer-service/"),  # the page says "company": the stemmer's y -> i
        ("sv/", "tjänsterna", "sv/terms/bpo/"),  # the page says "tjänster"
        ("sv/", "leverantörens", "sv/terms/regulatory-risk/"),  # the page says "leverantörens" and "leverantör"
    ],
)
def test_search_box(page: Page, base_url: str, path: str, query: str, expected: str) -> None:
    results = search(page, base_url, path, query)
    assert expected in results, results
    if path == "":
        assert not any(r.startswith("sv/") for r in results), "a Swedish page in English results"
    else:
        assert all(r.startswith("sv/") for r in results), "an English page in Swedish results"


@pytest.mark.parametrize(
    ("path", "typed", "sent"),
    [
        ("", "Outsourced knowledge", "outsourc knowledg"),
        ("", "companies BPO", "compan bpo"),  # words under four letters are only lowercased, as lunr does anyway
        ("", '+kpo -bpo "data entry" title:kpo', '+kpo -bpo "data entry" title:kpo'),  # query syntax is left alone
        ("sv/", "kunskapsprocessen tjänsterna", "kunskapsprocess tjänst"),
    ],
)
def test_the_search_worker_stems_each_query_word(page: Page, base_url: str, path: str, typed: str, sent: str) -> None:
    search(page, base_url, path, "x")  # the worker has loaded the language's stemmer once a search has run
    worker = next(w for w in page.workers if "glossary-search-worker.js" in w.url)
    assert worker.evaluate("q => self.glossaryRewriteQuery(q)", typed) == sent


def test_a_result_names_a_missing_word_as_typed(page: Page, base_url: str) -> None:
    # "companies" is sent as "compan"; a result without it must say "companies", not the cut-back part.
    search(page, base_url, "", "outsourced companies")
    missing = page.locator(".md-search-result__terms del").evaluate_all("els => els.map(e => e.textContent)")
    assert "companies" in missing and "compan" not in missing, missing


def test_the_search_worker_loads_only_materials_worker_from_the_site(page: Page, base_url: str) -> None:
    page.goto(base_url)
    outcome = page.evaluate("""url => new Promise(done => {
        const w = new Worker(url);
        w.onerror = e => { e.preventDefault(); done("refused: " + e.message); };
        setTimeout(() => done("loaded"), 3000);
    })""", base_url + "assets/javascripts/workers/glossary-search-worker.js?worker=" + "https://example.invalid/workers/search.0a.min.js")
    assert outcome.startswith("refused") and "not Material's search worker" in outcome, outcome


def test_a_term_result_shows_its_short_definition(page: Page, base_url: str) -> None:
    assert "sv/terms/kpo/" in search(page, base_url, "sv/", "kunskapsprocessen")
    item = page.locator('.md-search-result__item > a[href*="terms/kpo/"]').first
    assert "Outsourcing av kunskapsintensivt arbete" in item.inner_text()


def test_language_switch_stays_on_the_term_with_instant_navigation_on(page: Page, base_url: str) -> None:
    page.goto(base_url + "terms/kpo/")
    config = json.loads(page.locator("#__config").text_content())
    assert "navigation.instant" in config["features"]
    page.locator(".md-header__option .md-select > button").click()
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url(base_url + "sv/terms/kpo/")
    assert page.locator("html").get_attribute("lang") == "sv"
    # an instant-navigation hop inside the Swedish site, then back to English on that page
    page.locator("article a[href$='/outsourcing/']").first.click()
    page.wait_for_url(base_url + "sv/terms/outsourcing/")
    page.locator(".md-header__option .md-select > button").click()
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
