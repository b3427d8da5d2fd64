"""The FAQ: the list of its questions first, grouped by category, each language in its own alphabetical order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from lxml import html as lxml_html
from render_helpers import SETTINGS, render, render_with

from glossary_tool.lint import run


def faq(fid: str, concepts: str, en: str, sv: str) -> str:
    return (
        f"id: {fid}\nkind: faq\nconcepts: [{concepts}]\nsources:\n  - title: A source\nlocales:\n"
        f"  en:\n    question: {en}\n    answer: An answer.\n  sv:\n    question: {sv}\n    answer: Ett svar.\n"
    )


EXTRA = {
    # Swedish files ä after z: "Vad gör" before "Vad är", and "Är …" after every other question
    "faq-a.yaml": faq("faq-a", "bpo", "Why choose BPO?", "Är BPO billigt?"),
    "faq-b.yaml": faq("faq-b", "bpo", "Which BPO services exist?", "Vad gör BPO?"),
    "faq-c.yaml": faq("faq-c", "outsourcing", "Zero outsourcing?", "Behövs outsourcing?"),
}


def groups(fragment: str) -> list[tuple[str, list[str]]]:
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    out = []
    for h2 in tree.xpath("//h2[starts-with(@id, 'group-')]"):
        questions = h2.xpath("following-sibling::*[self::h2 or self::section]")
        names = []
        for el in questions:
            if el.tag == "h2":
                break
            names.append(el.xpath("./h3")[0].text)
        out.append((h2.text, names))
    return out


def test_questions_are_grouped_by_category_and_ordered_by_each_languages_collation(tmp_path: Path) -> None:
    en = groups(render_with(tmp_path / "en", EXTRA, "en")["faq.md"].html)
    sv = groups(render_with(tmp_path / "sv", EXTRA, "sv")["faq.md"].html)
    assert en == [("General concepts", ["Zero outsourcing?"]), ("Delivery models", ["What is KPO?", "Which BPO services exist?", "Why choose BPO?"])]
    assert sv == [
        ("Allmänna begrepp", ["Behövs outsourcing?"]),
        ("Leveransmodeller", ["Vad gör BPO?", "Vad är KPO?", "Är BPO billigt?"]),
    ]  # Ä after Z in Swedish


def test_the_page_opens_with_the_list_of_its_questions(tmp_path: Path) -> None:
    page = render_with(tmp_path, EXTRA, "en")["faq.md"]
    tree = lxml_html.fragment_fromstring(page.html, create_parent="div")
    first = tree.xpath("./*")[1]
    assert first.tag == "nav" and first.get("aria-labelledby") == "questions"
    assert first.xpath(".//li/a/@href") == ["#faq-c", "#faq-what-is-kpo", "#faq-b", "#faq-a"]
    for href in first.xpath(".//li/a/@href"):
        assert tree.xpath(f"//h3[@id='{href[1:]}']"), href  # each goes to its question
    # the table of contents: the list, then each group with its questions
    assert [h.title for h in page.toc[0].children] == ["Questions", "General concepts", "Delivery models"]
    assert [h.id for h in page.toc[0].children[2].children] == ["faq-what-is-kpo", "faq-b", "faq-a"]


def test_concept_pages_link_to_the_page_that_holds_the_question(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary_tool.site.render.context as context_module

    monkeypatch.setattr(context_module, "LISTING_PAGE_SIZE", 2)
    pages = render_with(tmp_path, EXTRA, "en")
    assert {"faq.md", "faq/2.md"} <= set(pages)
    bpo = lxml_html.fragment_fromstring(pages["terms/bpo.md"].html, create_parent="div")
    links = [h for h in bpo.xpath("//h2[@id='more']/following-sibling::ul[1]//a/@href") if "faq" in h]
    assert sorted(links) == ["../../faq/2/#faq-a", "../../faq/2/#faq-b"]
    assert "#faq-a" in pages["faq/2.md"].html and 'id="faq-a"' not in pages["faq.md"].html


def test_a_page_lists_only_its_locales_questions() -> None:
    html = render("sv")["faq.md"].html
    assert "Vad är KPO?" in html and "What is KPO?" not in html


def test_a_glossary_without_questions_has_no_faq_page_tab_or_home_link() -> None:
    from glossary_tool.core.model import Faq, Glossary

    full = render("en")
    assert "faq.md" in full and full["faq.md"].in_nav and 'href="faq/"' in full["index.md"].html
    g = run(SETTINGS, [FIXTURES / "valid"]).glossary
    without = Glossary(tuple(e for e in g.entries if not isinstance(e.model, Faq)), g.documents)
    pages = render("en", without)
    assert not [p for p in pages if p.startswith("faq")] and 'href="faq/"' not in pages["index.md"].html
