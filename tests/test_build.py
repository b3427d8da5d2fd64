"""The MkDocs build runs the linter first and produces a home page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, concept, write_files

from glossary_tool.build import build_project
from glossary_tool.problems import BuildFailed


def test_site_builds_with_a_home_page(tmp_path: Path) -> None:
    build_project(ROOT / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
    assert not list((tmp_path / "site").rglob("*.yaml")), "YAML sources must not be published"


def test_a_lint_error_fails_the_build(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_files(tmp_path, {"content/a.yaml": concept("a").replace("related", "x") + "bogus: 1\n"})
    with pytest.raises(BuildFailed, match="unknown key 'bogus'"):
        build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site.*"))


def _copy_project(dst: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dst / "content")
    shutil.copytree(ROOT / "locales", dst / "locales")


def test_the_shipped_glossary_has_no_stale_notice(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert "glossary-stale" not in (tmp_path / "site/sv/terms/kpo/index.html").read_text(encoding="utf-8")


def test_an_edited_source_text_marks_the_translation_stale_on_the_site(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    entry = tmp_path / "content/concepts/kpo.yaml"
    text = entry.read_text(encoding="utf-8")
    # the first definition in the file is the English one
    edited = text.replace("    definition: >-\n      ", "    definition: >-\n      Edited. ", 1)
    assert edited != text
    entry.write_text(edited, encoding="utf-8")
    build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    sv = (tmp_path / "site/sv/terms/kpo/index.html").read_text(encoding="utf-8")
    en = (tmp_path / "site/terms/kpo/index.html").read_text(encoding="utf-8")
    assert "glossary-stale" in sv and "Kan vara inaktuell" in sv
    assert "glossary-stale" not in en
    assert "glossary-stale" not in (tmp_path / "site/sv/terms/bpo/index.html").read_text(encoding="utf-8")


def test_a_config_mkdocs_rejects_stops_the_other_locales_and_leaves_no_staging_folder(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("use_directory_urls: true", "use_directory_urls: maybe"), encoding="utf-8")
    with pytest.raises(BuildFailed, match="use_directory_urls"):  # MkDocs' own "invalid configuration", in each build
        build_project(config, tmp_path / "site")
    assert not list(tmp_path.glob("site/.building-*")) and not list(tmp_path.glob(".site.*"))


def test_swedish_pages_show_no_english_ui_text(tmp_path: Path) -> None:
    from babel.messages.pofile import read_po
    from lxml import html as lxml_html

    with (ROOT / "glossary_tool/locales/sv/LC_MESSAGES/messages.po").open("rb") as fh:
        catalog = read_po(fh)
    # English UI strings whose Swedish differs; short ones ("noun") could occur inside content by chance.
    english = {m.id for m in catalog if isinstance(m.id, str) and m.id and m.string and m.string != m.id and len(m.id) >= 8}
    english |= {"Not found", "Skip to content", "Back to top", "Search"}  # the theme's own strings
    assert len(english) > 30
    _copy_project(tmp_path)
    build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    pages = list((tmp_path / "site/sv").rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        # Source titles are cited as published, in English where the article is English.
        for el in tree.xpath("//script|//style|//*[contains(@class, 'glossary-sources')]"):
            el.drop_tree()
        visible = " ".join(tree.text_content().split()) + " " + " ".join(tree.xpath("//@aria-label|//@title|//@placeholder"))
        found = sorted(s for s in english if s in visible)
        assert not found, f"{page.relative_to(tmp_path)}: {found}"
    assert "Sidan finns inte" in (tmp_path / "site/sv/404.html").read_text(encoding="utf-8")


def test_page_metadata_and_sitemaps(tmp_path: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    from lxml import html as lxml_html

    _copy_project(tmp_path)
    build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    base = "http://127.0.0.1:8000/"  # site_url of mkdocs.yml
    for prefix, lang in (("", "en"), ("sv/", "sv")):
        tree = lxml_html.fromstring((tmp_path / "site" / prefix / "terms/kpo/index.html").read_bytes())
        assert tree.get("lang") == lang
        # The alternates are in the sitemaps (below): Material fetches a sitemap under each <link rel="alternate">.
        assert not tree.xpath("//head/link[@rel='alternate']")
        assert tree.xpath("//head/link[@rel='canonical']/@href") == [base + prefix + "terms/kpo/"]
        ld = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
        assert ld["@type"] == "DefinedTerm" and ld["inLanguage"] == lang and ld["url"] == base + prefix + "terms/kpo/"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(tmp_path / "site/sitemap.xml").getroot()
    locs = [e.text for e in root.findall("s:url/s:loc", ns)]
    assert base + "terms/kpo/" in locs and base + "sv/terms/kpo/" in locs  # the root sitemap lists both locales
    assert len(locs) == len(set(locs)) == 2 * sum(1 for _ in (tmp_path / "site/sv").rglob("index.html"))
    sv_entry = next(u for u in root.findall("s:url", ns) if u.findtext("s:loc", namespaces=ns) == base + "sv/terms/kpo/")
    assert {a.get("hreflang"): a.get("href") for a in sv_entry.findall("x:link", ns)} == \
        {"en": base + "terms/kpo/", "sv": base + "sv/terms/kpo/", "x-default": base + "terms/kpo/"}
    sv_locs = [e.text for e in ET.parse(tmp_path / "site/sv/sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert sv_locs and all(loc.startswith(base + "sv/") for loc in sv_locs)


def test_a_broken_reference_fails_the_build(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    broken = concept("a").replace("category: model\n", "category: model\nrelations:\n  related: [no-such-concept]\n")
    write_files(tmp_path, {"content/a.yaml": broken})
    with pytest.raises(BuildFailed) as exc:
        build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert "no-such-concept" in str(exc.value) and "unresolved-reference" in str(exc.value)
    assert not (tmp_path / "site" / "terms").exists()


def test_each_search_index_holds_its_own_pages_without_labels_or_repeated_listings(tmp_path: Path) -> None:
    import json
    import re

    build_project(ROOT / "mkdocs.yml", tmp_path / "site")
    indexes = {code: json.loads((tmp_path / "site" / prefix / "search/search_index.json").read_text(encoding="utf-8"))
               for code, prefix in (("en", ""), ("sv", "sv"))}
    for code, label in (("en", "preferred"), ("sv", "rekommenderad")):
        docs = {d["location"]: d for d in indexes[code]["docs"]}
        assert indexes[code]["config"]["lang"] == [code]
        assert "stemmer" not in indexes[code]["config"]["pipeline"]  # queries are stemmed by the search worker
        kpo = docs["terms/kpo/"]
        assert kpo["text"] and "KPO" in kpo["synonyms"]  # the short definition, and the term under its other names
        assert "terms/kpo/#kpo" not in docs  # the heading would only repeat the entry above
        assert docs["terms/kpo/#terms"]["text"].split() and label not in docs["terms/kpo/#terms"]["text"]
        # The index drops table markup; without whitespace between cells, "name" and "Outsourcing" in
        # neighbouring cells became one word, "nameOutsourcing", which no search finds.
        table = docs["compare/bpo-vs-kpo/"]["text"]
        assert len(table) > 2000 and not re.search(r"[a-zåäö][A-ZÅÄÖ]", table), re.findall(r"\w*[a-zåäö][A-ZÅÄÖ]\w*", table)
        listings = [d for loc, d in docs.items() if loc.startswith(("categories/", "index-a-z/"))]
        assert listings and not any("terms/" in d["text"] or len(d["text"]) > 200 for d in listings)
    # Each index holds its own language's pages, the same set of pages in both; none holds the other's.
    pages = {code: {d["location"].split("#")[0] for d in ix["docs"]} for code, ix in indexes.items()}
    assert pages["en"] == pages["sv"] and not any(p.startswith("sv/") for p in pages["en"])
