"""The translation status page in every language, and the status badges listed on the downloads page."""

from __future__ import annotations

from pathlib import Path

from conftest import concept, valid_glossary
from lxml import html as lxml_html
from render_helpers import render

from glossary_tool.site.render.status import LIST_LIMIT, status_badges


def _site(tmp_path: Path, locale: str, extra: dict[str, str]) -> dict[str, lxml_html.HtmlElement]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    glossary, settings = valid_glossary(tmp_path, extra)
    downloads = [d for d, _ in status_badges(glossary, settings)]
    pages = render(locale, glossary, settings, downloads=downloads)
    return {src: lxml_html.fromstring(p.html) for src, p in pages.items() if src in ("status.md", "downloads.md")}


def test_status_page_links_the_concepts_that_need_work_in_their_language(tmp_path: Path) -> None:
    untranslated = concept("no-sv").split("  sv:\n")[0]
    placeholder = concept("todo-sv").replace("En svensk definition.", "'TODO: svensk definition'")
    evil = concept("evil-sv", en="<img src=x onerror=alert(1)>").split("  sv:\n")[0]
    pages = _site(tmp_path, "sv", {"no-sv.yaml": untranslated, "todo-sv.yaml": placeholder, "evil-sv.yaml": evil})
    status = pages["status.md"]
    assert status.findtext(".//h1") == "Översättningsstatus"
    sections = {s.get("aria-labelledby"): s for s in status.iterfind(".//section")}
    assert set(sections) == {"status-en", "status-sv"}
    sv = sections["status-sv"]
    work = {li.findtext("code"): li for li in sv.iterfind(".//ul[@class='glossary-status-work']/li")}
    assert {"no-sv", "todo-sv", "evil-sv"} <= set(work)
    # From the Swedish status page (sv/status/) to the Swedish page of the concept (sv/terms/no-sv/).
    assert work["no-sv"].find("a").get("href") == "../terms/no-sv/"
    assert work["todo-sv"].text_content().endswith(": Definition")
    assert "Termer" in work["no-sv"].text_content()  # field names in the page's language
    # Contributor text is text: the English label of an untranslated concept arrives escaped, marked as English.
    evil_link = work["evil-sv"].find("a")
    assert evil_link.text == "<img src=x onerror=alert(1)>" and evil_link.get("lang") == "en" and not status.xpath("//img")
    # English: from en/status/ (the site's root) to the Swedish page of a concept under sv/.
    en = _site(tmp_path / "en", "en", {"no-sv.yaml": untranslated})["status.md"]
    link = en.xpath("//section[@aria-labelledby='status-sv']//ul/li[code='no-sv']/a")[0]
    assert link.get("href") == "../sv/terms/no-sv/"
    assert "100%" in en.xpath("string(//section[@aria-labelledby='status-en']//p)")


def test_long_lists_are_cut_and_say_so(tmp_path: Path) -> None:
    extra = {f"c{n:03}.yaml": concept(f"c{n:03}").split("  sv:\n")[0] for n in range(LIST_LIMIT + 5)}
    sv = _site(tmp_path, "en", extra)["status.md"].xpath("//section[@aria-labelledby='status-sv']")[0]
    listed = sv.xpath(".//ul/li")
    assert len(listed) == LIST_LIMIT and listed[-1].findtext("code") == f"c{LIST_LIMIT - 2:03}"  # in English order, after kpo
    total = int(sv.xpath("string(.//h3)").split("(")[1].split(")")[0])
    assert total > LIST_LIMIT and f"{LIST_LIMIT} of {total} shown" in sv.text_content()
    bar = sv.xpath(".//svg")[0]
    assert bar.get("aria-hidden") == "true" and float(bar.xpath("./rect")[2].get("width")) > 90


def test_downloads_page_shows_each_languages_badge_linked_to_its_status(tmp_path: Path) -> None:
    page = _site(tmp_path, "sv", {})["downloads.md"]
    badges = page.xpath("//ul[@class='glossary-status-badges']/li")
    assert [li.xpath("string(a[2])") for li in badges] == ["status-en.svg", "status-sv.svg"]
    first = badges[0].xpath("a")[0]
    assert first.get("href") == "../status/#status-en" and first.find("img").get("src") == "../../downloads/status-en.svg"
    assert first.find("img").get("alt") == "Engelska"
