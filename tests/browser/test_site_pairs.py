"""Language-pair glossaries and the downloads page in a browser: the filter box, the list without JavaScript, the files."""

from __future__ import annotations

import csv
import io
import re
import urllib.request

import pytest
from lxml import etree
from playwright.sync_api import Page
from site_helpers import DESKTOP, PHONE, NewPage, Site, shot

from glossary_tool.site.render.collation import sort_key

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser


def concept_count(site: Site) -> int:
    return len(list((site.root / "terms").glob("*/index.html")))


def visible_rows(page: Page) -> list[str]:
    rows: list[str] = page.locator("#glossary-pair tbody tr:visible").evaluate_all("rows => rows.map(r => r.textContent)")
    return rows


@pytest.mark.parametrize(
    ("path", "source", "target"), [("glossary/en-sv/", "en", "sv"), ("sv/glossary/en-sv/", "en", "sv"), ("sv/glossary/sv-en/", "sv", "en")]
)
def test_the_pair_lists_every_concept_in_the_source_languages_order(new_page: NewPage, site: Site, path: str, source: str, target: str) -> None:
    page = new_page()
    page.goto(site.url + path)
    here = page.locator("html").get_attribute("lang")
    first = page.locator("#glossary-pair tbody tr td:first-child a").evaluate_all("els => els.map(e => e.textContent)")
    assert len(first) == concept_count(site)
    assert first == sorted(first, key=lambda t: sort_key(t, source))
    for column, code in ((1, source), (2, target)):  # terms in the page's language need no lang; the others carry theirs
        langs = page.locator(f"#glossary-pair tbody td:nth-child({column}) > :not(br, .glossary-do-not-use, .glossary-meta)").evaluate_all(
            "els => els.map(e => e.lang)"
        )
        assert langs and set(langs) == {"" if code == here else code}


def test_the_filter_box_narrows_the_list_as_the_reader_types(new_page: NewPage, site: Site) -> None:
    page = new_page()
    page.goto(site.url + "sv/glossary/en-sv/")
    total = concept_count(site)
    box = page.get_by_label("Filtrera termerna på den här sidan")
    assert box.is_visible() and len(visible_rows(page)) == total
    box.press_sequentially("outsourc", delay=30)
    rows = visible_rows(page)
    assert 0 < len(rows) < total and all("outsourc" in r.lower() for r in rows)
    assert page.locator("#glossary-filter-count").inner_text() == f"{len(rows)} av {total} visas"
    box.fill("")
    box.press_sequentially("tjanst", delay=30)  # without the ä: the filter ignores accents
    assert all("tjänst" in r.lower() for r in visible_rows(page)) and visible_rows(page)
    box.fill("zzzz")
    assert visible_rows(page) == [] and page.locator("#glossary-filter-count").inner_text() == "Ingen term på den här sidan matchar filtret."
    box.fill("")
    box.dispatch_event("input")
    assert len(visible_rows(page)) == total
    shot(page, "sv-glossary-en-sv-desktop")
    phone = new_page(PHONE)
    phone.goto(site.url + "glossary/en-sv/")
    phone.get_by_label("Filter the terms on this page").press_sequentially("data", delay=30)
    assert all("data" in r.lower() for r in visible_rows(phone))
    assert phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    shot(phone, "glossary-en-sv-phone-filtered")


def test_without_javascript_the_list_is_complete_and_the_filter_box_absent(new_page: NewPage, site: Site) -> None:
    page = new_page(DESKTOP, java_script_enabled=False)
    page.goto(site.url + "glossary/sv-en/")
    assert page.locator("#glossary-pair tbody tr").count() == concept_count(site)
    assert all(page.locator("#glossary-pair tbody tr").nth(i).is_visible() for i in (0, concept_count(site) - 1))
    assert not page.locator("[data-glossary-filter]").is_visible()


def test_each_pair_page_links_its_own_csv(new_page: NewPage, site: Site) -> None:
    page = new_page()
    for path, source, target in (("glossary/en-sv/", "en", "sv"), ("sv/glossary/sv-en/", "sv", "en")):
        page.goto(site.url + path)
        link = page.locator("a[download]")
        href = link.evaluate("a => a.href")
        assert href == f"{site.url}downloads/glossary-{source}-{target}.csv"
        with urllib.request.urlopen(href) as response:
            data = response.read()
        assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its byte-order mark
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][:2] == ["source", "target"] and len(rows) - 1 == concept_count(site)


@pytest.mark.parametrize("path", ["downloads/", "sv/downloads/"])
def test_the_downloads_page_links_every_export_with_its_size(new_page: NewPage, site: Site, path: str) -> None:
    page = new_page()
    page.goto(site.url + path)
    links = page.locator("a[download]")
    files = links.evaluate_all("els => els.map(a => [a.href, a.closest('tr').querySelector('td:last-child').textContent])")
    names = [href.rsplit("/", 1)[1] for href, _ in files]
    assert names == ["glossary.tbx", "glossary.csv", "glossary.skos.jsonld", "glossary.json", "glossary-en-sv.csv", "glossary-sv-en.csv"]
    for href, size in files:
        assert href.startswith(site.url + "downloads/")
        with urllib.request.urlopen(href) as response:
            data = response.read()
        assert b"TODO" not in data
        number = float(re.sub(r"[^\d,.]", "", size).replace(",", "."))
        unit = {"B": 1, "kB": 1000, "MB": 1e6}[size.split()[-1]]  # after a space or a no-break space
        assert abs(number * unit - len(data)) <= max(unit * 0.05, 1), (href, size, len(data))
    tbx = etree.fromstring(urllib.request.urlopen(site.url + "downloads/glossary.tbx").read())
    assert tbx.get("type") == "TBX-Basic" and len(tbx.findall(".//{*}conceptEntry")) == concept_count(site)
    shot(page, f"{path.strip('/').replace('/', '-')}-desktop", full_page=True)
