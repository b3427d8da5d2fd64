"""The MkDocs build runs the linter first and produces a home page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, concept, write_files

from glossary_tool.core.problems import BuildFailed
from glossary_tool.site.build import build_project


def test_site_builds_with_a_home_page(tmp_path: Path) -> None:
    build_project(ROOT / "mkdocs.yml", tmp_path / "site", outside_ok=True)
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

    with (ROOT / "glossary_tool/site/locales/sv/LC_MESSAGES/messages.po").open("rb") as fh:
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
        # Source titles are cited as published, in English where the article is English; text marked English
        # (terms and definitions of the English side) is content, where words such as "technical" are at home.
        for el in tree.xpath("//script|//style|//*[contains(@class, 'glossary-sources')]|//*[@lang='en']"):
            el.drop_tree()
        visible = " ".join(tree.text_content().split()) + " " + " ".join(tree.xpath("//@aria-label|//@title|//@placeholder"))
        visible = re.sub(r"https?://\S+", " ", visible)  # the page's own address (…/terms/technical-support/) is no UI text
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
    # The root sitemap is an index of each locale's sitemap, the first locale's own pages in sitemap-root.xml.
    index = ET.parse(tmp_path / "site/sitemap.xml").getroot()
    assert index.tag == f"{{{ns['s']}}}sitemapindex"
    listed = [e.text for e in index.findall("s:sitemap/s:loc", ns)]
    assert listed == [base + "sitemap-root.xml", base + "sv/sitemap.xml"]
    urlsets = {name: ET.parse(tmp_path / "site" / name).getroot() for name in ("sitemap-root.xml", "sv/sitemap.xml")}
    locs = {name: [e.text for e in root.findall("s:url/s:loc", ns)] for name, root in urlsets.items()}
    assert base + "terms/kpo/" in locs["sitemap-root.xml"] and base + "sv/terms/kpo/" in locs["sv/sitemap.xml"]
    assert all(loc is not None and not loc.startswith(base + "sv/") for loc in locs["sitemap-root.xml"])
    assert all(loc is not None and loc.startswith(base + "sv/") for loc in locs["sv/sitemap.xml"])
    every = [*locs["sitemap-root.xml"], *locs["sv/sitemap.xml"]]
    assert len(every) == len(set(every)) == 2 * sum(1 for _ in (tmp_path / "site/sv").rglob("index.html"))
    for name, loc in (("sitemap-root.xml", base + "terms/kpo/"), ("sv/sitemap.xml", base + "sv/terms/kpo/")):
        entry = next(u for u in urlsets[name].findall("s:url", ns) if u.findtext("s:loc", namespaces=ns) == loc)
        assert {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", ns)} == {
            "en": base + "terms/kpo/",
            "sv": base + "sv/terms/kpo/",
            "x-default": base + "terms/kpo/",
        }
    assert not (tmp_path / "site/sv/sitemap-root.xml").exists()  # only the root has one
    assert not (tmp_path / "site/partials").exists()  # the templates' parts stay out of the site


def test_a_broken_reference_fails_the_build(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    broken = concept("a").replace("category: model\n", "category: model\nrelations:\n  related: [no-such-concept]\n")
    write_files(tmp_path, {"content/a.yaml": broken})
    with pytest.raises(BuildFailed) as exc:
        build_project(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert "no-such-concept" in str(exc.value) and "unresolved-reference" in str(exc.value)
    assert not (tmp_path / "site" / "terms").exists()


def test_each_locale_has_its_own_search_index_of_its_own_words(tmp_path: Path) -> None:
    import json

    from glossary_tool.core.words import stem
    from glossary_tool.site.search_index import shard_key

    build_project(ROOT / "mkdocs.yml", tmp_path / "site", outside_ok=True)
    urls_of = {}
    for code, prefix, word in (("en", "", "knowledge"), ("sv", "sv", "kunskapsprocesser")):
        folder = tmp_path / "site" / prefix / "search"
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["stemmer"] == {"en": "english", "sv": "swedish"}[code]
        assert not (folder / "search_index.json").exists()  # Material's lunr index is no longer written
        shard = folder / manifest["v"] / "w" / f"{shard_key(stem(word, code))}.json"
        assert stem(word, code) in json.loads(shard.read_text(encoding="utf-8"))
        urls = [
            d[0]
            for f in sorted((folder / manifest["v"] / "d").glob("*.json"), key=lambda f: int(f.stem))
            for d in json.loads(f.read_text(encoding="utf-8"))["docs"]
        ]
        assert len(urls) == manifest["docs"] and "terms/kpo/" in urls
        assert "compare/bpo-vs-kpo/#skill-level" in urls  # each comparison row is a result of its own
        assert not any(u.startswith(("categories/general/2/", "index-a-z/2/")) for u in urls)  # listings by their first page
        urls_of[code] = urls
    # Each index holds its own language's pages, the same set in both; none holds the other's.
    assert urls_of["en"] == urls_of["sv"] and not any(u.startswith("sv/") for u in urls_of["en"])


# ---- the site folder: only an earlier build of this site is ever replaced ----


def _site_project(tmp_path: Path) -> Path:
    project = tmp_path / "work" / "project"
    project.mkdir(parents=True)
    _copy_project(project)
    (tmp_path / "work" / "sibling").mkdir()
    (tmp_path / "work" / "sibling" / "keep.txt").write_text("keep", encoding="utf-8")
    return project


def _all(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize(
    ("site", "flag", "words"),
    [
        ("..", True, "holds the project itself"),
        ("../..", True, "holds the project itself"),
        (".", True, "holds the project itself"),
        ("content", True, "overlaps the content folder"),
        ("content/site", True, "overlaps the content folder"),
        ("locales", True, "overlaps the locales folder"),
        ("../sibling", False, "is outside the project"),
        ("../sibling", True, "is not empty and was not written by 'glossary-tool build'; nothing was deleted"),
        ("mkdocs.yml", True, "is not a folder"),
    ],
)
def test_a_site_folder_that_is_not_its_own_output_is_refused(site: str, flag: bool, words: str, tmp_path: Path) -> None:
    from glossary_tool.core.problems import FatalError

    project = _site_project(tmp_path)
    before = _all(tmp_path)
    with pytest.raises(FatalError, match=re.escape(words)):
        build_project(project / "mkdocs.yml", project / site, outside_ok=flag)
    assert _all(tmp_path) == before


def test_site_dir_of_mkdocs_yml_is_checked_with_its_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.cli import main

    project = _site_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site\n", "site_dir: ../sibling\n"), encoding="utf-8")
    before = _all(tmp_path)
    assert main(["--config", str(config), "build"]) == 2
    assert "mkdocs.yml:7:11: site_dir: " in capsys.readouterr().err and _all(tmp_path) == before


def test_a_link_cannot_hide_where_the_site_folder_is(tmp_path: Path) -> None:
    from glossary_tool.core.problems import FatalError

    project = _site_project(tmp_path)
    (project / "out").symlink_to(tmp_path / "work" / "sibling")
    with pytest.raises(FatalError, match="is outside the project"):
        build_project(project / "mkdocs.yml", project / "out")
    (project / "up").symlink_to(tmp_path / "work")
    with pytest.raises(FatalError, match="holds the project itself"):
        build_project(project / "mkdocs.yml", project / "up", outside_ok=True)
    assert (tmp_path / "work" / "sibling" / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_an_earlier_build_is_replaced_and_an_empty_folder_outside_is_used_with_the_flag(tmp_path: Path) -> None:
    from glossary_tool.site.build import MARKER

    project = _site_project(tmp_path)
    site = build_project(project / "mkdocs.yml")
    assert site == project / "site" and (site / MARKER).is_file()
    (site / "stale.html").write_text("old", encoding="utf-8")
    build_project(project / "mkdocs.yml")
    assert not (site / "stale.html").exists()  # its own output: replaced whole
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    build_project(project / "mkdocs.yml", elsewhere, outside_ok=True)
    assert (elsewhere / "index.html").is_file() and (elsewhere / MARKER).is_file()


def test_languages_without_a_catalog_build_in_strict_mode_with_one_warning_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.cli import main

    project = tmp_path / "p"
    assert main(["init", str(project), "--locales", "en,zu,ha,ar"]) == 0  # init's mkdocs.yml is strict: true
    capsys.readouterr()
    assert main(["--config", str(project / "mkdocs.yml"), "build"]) == 0
    err = capsys.readouterr().err
    warned = re.findall(r"^warning: locale '(\w+)' has no UI catalog", err, flags=re.MULTILINE)
    assert sorted(warned) == sorted({"zu", "ha", "ar"} & set(warned)) and {"zu", "ha"} <= set(warned)
    assert len(warned) == len(set(warned))  # one each, all before the first build started
    # init's site_url is this machine's until the project is published: one warning naming the key, not one per locale
    assert len(re.findall(r"^warning: mkdocs\.yml:\d+:\d+: site_url is http://127\.0\.0\.1:8000/, an address on this machine", err, flags=re.MULTILINE)) == 1
    zu = (project / "site" / "zu" / "terms" / "term" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zu" dir="ltr"' in zu  # Material has no Zulu: its own labels are English, the page is still Zulu
    ar = (project / "site" / "ar" / "terms" / "term" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in ar and '<body dir="rtl"' in ar
    # init writes TODO placeholders in every field of zu, ha and ar: none is published, in a page or in search
    published = [p for p in (project / "site").rglob("*") if p.suffix in (".html", ".json") and "TODO" in p.read_text(encoding="utf-8")]
    assert not published, published
    assert "Not yet translated" in zu or "glossary-untranslated" in zu
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    content_dir: content\n", "    content_dir: content\n    missing_catalog: error\n"), encoding="utf-8"
    )
    assert main(["--config", str(config), "build"]) == 1
    err = capsys.readouterr().err
    assert "missing_catalog: error" in err and "'zu'" in err and "'ha'" in err


def test_a_build_whose_lint_says_over_a_megabyte_fails_with_every_problem_and_never_waits(tmp_path: Path) -> None:
    # Two locales build in processes of their own; the first lints. Its output once went to a pipe nobody read while
    # the build polled, so past 64 KB the locale build and the command waited on each other for ever.
    import subprocess
    import sys

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    long_key = "k" * 900  # shown shortened: some 200 bytes a problem
    write_files(tmp_path, {f"content/c{i}.yaml": concept(f"c{i}") + "".join(f"{long_key}{j}: 1\n" for j in range(20)) for i in range(300)})
    proc = subprocess.run([sys.executable, "-m", "glossary_tool", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert len(proc.stderr.encode()) > 1_000_000
    last = proc.stderr.rstrip().splitlines()[-1]
    assert "unknown key" in last or "error" in last, last[-300:]
    assert proc.stderr.count("unknown key") == 6000
    assert not list(tmp_path.glob(".site.*")) and not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]/", True),
        ("http://127.1.2.3/", True),
        ("http://LOCALHOST./", True),
        ("https://example.org/glossary/", False),
        ("http://192.168.1.20/", False),
        ("", False),
        ("http://[bad/", False),
    ],
)
def test_a_loopback_site_url_is_recognised(url: str, loopback: bool) -> None:
    from glossary_tool.site.build import loopback_site_url

    assert loopback_site_url(url) is loopback


def test_a_published_site_url_builds_without_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.core.config import read_config, settings_from_raw
    from glossary_tool.site.build import report_site_url

    write_files(tmp_path, {"mkdocs.yml": "site_name: t\nsite_url: https://example.org/\nplugins: [glossary]\n", "docs/.keep": ""})
    raw = read_config(tmp_path / "mkdocs.yml")
    report_site_url(raw, settings_from_raw(raw))
    assert capsys.readouterr().err == ""
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nsite_url: http://localhost:8000/\nplugins: [glossary]\n", encoding="utf-8")
    raw = read_config(tmp_path / "mkdocs.yml")
    report_site_url(raw, settings_from_raw(raw))
    assert capsys.readouterr().err.startswith("warning: mkdocs.yml:2:11: site_url is http://localhost:8000/")


def test_a_site_past_the_size_warning_builds_with_one_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.site import build

    site = tmp_path / "site"
    (site / "sv").mkdir(parents=True)
    (site / "a.html").write_bytes(b"x" * 600)
    (site / "sv" / "b.html").write_bytes(b"y" * 500)
    assert build.site_bytes(site) == 1100
    monkeypatch.setattr(build, "SIZE_WARNING", 1100)
    build.report_size(site, site)
    assert capsys.readouterr().err == ""  # at the limit: no warning
    monkeypatch.setattr(build, "SIZE_WARNING", 1099)
    build.report_size(site, site)
    err = capsys.readouterr().err
    assert err.startswith(f"warning: {site}: the site is 0 MB; GitHub Pages refuses sites over 1 GB") and err.count("\n") == 1
