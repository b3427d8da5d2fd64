"""No page asks another host for anything (no fonts, no repository statistics, no sitemaps under site_url elsewhere),
and none downloads the sitemap."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Request
from site_helpers import DESKTOP, PHONE, NewPage, Site

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

PATHS = [
    "",
    "terms/kpo/",
    "index-a-z/",
    "categories/service/",
    "compare/bpo-vs-kpo/",
    "faq/",
    "glossary/en-sv/",
    "downloads/",
    "sv/",
    "sv/terms/kpo/",
    "sv/index-a-z/",
    "sv/faq/",
    "sv/glossary/sv-en/",
    "sv/downloads/",
]


@pytest.mark.parametrize(("base", "viewport"), [("url", DESKTOP), ("url", PHONE), ("other_url", DESKTOP)])
def test_no_request_leaves_the_sites_host(new_page: NewPage, site: Site, base: str, viewport: dict[str, int]) -> None:
    root = getattr(site, base)  # also served under another host name and port than the site_url it was built with
    page = new_page(viewport)
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    for path in [*PATHS, "no/such/page/"]:
        page.goto(root + path)
        page.wait_for_load_state("networkidle")
        links = page.locator("a.glossary-link:visible")
        if links.count():
            links.first.hover()  # the preview
        page.locator(".md-header__option .md-select > a").hover()  # the language switch
    # A link followed and a language switch, as a reader moves around.
    page.goto(root + "terms/kpo/")
    page.locator("article a[href$='/outsourcing/']").first.click()
    page.wait_for_url(root + "terms/outsourcing/")
    page.wait_for_load_state("networkidle")
    host = urlsplit(root).netloc
    elsewhere = sorted({u for u in requests if urlsplit(u).netloc != host and not u.startswith(("data:", "blob:"))})
    assert len(requests) > 3 * len(PATHS) and elsewhere == [], elsewhere
    # No page downloads the sitemap, which lists every page of every language (megabytes in a large glossary).
    assert [u for u in requests if "sitemap" in u] == []
