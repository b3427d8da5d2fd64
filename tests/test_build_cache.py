"""The build cache (site/build_cache.py): a rebuild from it writes exactly what a clean build writes, after an edit, a
new or deleted entry or a changed configuration; a concept page is rendered again only when what it shows changed, and
the downloads only when the glossary did; a damaged cache file is ignored with a warning; an untrusted build and
``--no-cache`` never read it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import NoReturn

import pytest
from conftest import FIXTURES, git

from glossary_tool.site import exports
from glossary_tool.site.build import build_project
from glossary_tool.site.build_cache import CACHE_DIR, FRAGMENT_FORMAT, SEARCH_FORMAT

HEART = """id: heart
kind: concept
category: organ
sources:
  - title: A textbook of human anatomy
locales:
  en:
    terms:
      - {text: heart, type: fullForm, status: preferred, grammar: {pos: noun}}
    definition: Organ in the chest that pumps blood through the body.
  de:
    terms:
      - {text: Herz, type: fullForm, status: preferred, grammar: {pos: noun, gender: neuter}}
    definition: Organ in der Brust, das Blut durch den Körper pumpt.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the build date of files git does not date, held equal
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "projects" / "anatomy", root, ignore=shutil.ignore_patterns(CACHE_DIR))
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _cached(project: Path) -> set[str]:
    return {p.name for p in (project / CACHE_DIR).rglob("*.html")}


def _same_as_clean(project: Path) -> None:
    """Build from the cache into site/, then clean (no cache) into another folder: every file the same."""
    build_project(project / "mkdocs.yml")
    build_project(project / "mkdocs.yml", project / "clean", use_cache=False)
    cached, clean = _files(project / "site"), _files(project / "clean")
    assert cached.keys() == clean.keys()
    assert [name for name in cached if cached[name] != clean[name]] == []
    shutil.rmtree(project / "clean")


FAQ = """id: faq-what-is-the-femur
kind: faq
concepts: [femur, skeleton]
sources:
  - title: A textbook of human anatomy
locales:
  en:
    question: What is the femur?
    answer: The long bone of the thigh, part of the skeleton.
"""


def test_a_rebuild_from_the_cache_equals_a_clean_build_after_every_kind_of_change(project: Path) -> None:
    build_project(project / "mkdocs.yml")
    first = _cached(project)
    assert len(first) > 20  # every page of both locales

    femur = project / "content/concepts/femur.yaml"
    text = femur.read_text(encoding="utf-8")
    femur.write_text(text.replace("definition: ", "definition: Edited, ", 1), encoding="utf-8")
    (project / "content/concepts/heart.yaml").write_text(HEART, encoding="utf-8")
    _same_as_clean(project)
    edited = _cached(project)
    assert (project / "site/terms/heart/index.html").is_file()
    assert len(first & edited) > len(first) // 3  # pages that show neither entry came from the cache ...
    assert edited - first  # ... those that show them were built afresh

    (project / "content/concepts/heart.yaml").unlink()
    _same_as_clean(project)
    assert not (project / "site/terms/heart").exists()
    assert len(_cached(project)) == len(first) < len(edited)  # one file a page: the deleted entry's pages left the cache

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Anatomy terms\n", "site_name: Body terms\n", 1), encoding="utf-8")
    _same_as_clean(project)
    assert not _cached(project) & edited  # a changed configuration invalidates every page


def test_a_question_shows_the_new_definition_of_the_concept_it_is_about(project: Path) -> None:
    # The questions page previews the femur's short definition: it is not kept whole, as the A–Z index is.
    (project / "content/faq").mkdir()
    (project / "content/faq/faq-what-is-the-femur.yaml").write_text(FAQ, encoding="utf-8")
    build_project(project / "mkdocs.yml")
    femur = project / "content/concepts/femur.yaml"
    femur.write_text(femur.read_text(encoding="utf-8").replace("definition: Long bone", "definition: Edited, long bone", 1), encoding="utf-8")
    _same_as_clean(project)
    assert "Edited, long bone" in (project / "site/faq/index.html").read_text(encoding="utf-8")


def test_a_damaged_cache_file_is_ignored_with_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_project(project / "mkdocs.yml")
    files = sorted((project / CACHE_DIR).rglob("*.html"))
    files[0].write_bytes(files[0].read_bytes()[:-40])  # cut short
    files[1].write_bytes(b"\xff\xfe not a page at all")
    capsys.readouterr()
    _same_as_clean(project)
    err = capsys.readouterr().err
    assert err.count("build cache file ignored") == 2 and "Traceback" not in err
    assert files[0].name in err and files[1].name in err


def test_a_cache_folder_that_is_a_link_is_not_used(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / CACHE_DIR).symlink_to(elsewhere)
    build_project(project / "mkdocs.yml")
    assert "the build cache is a link" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


def test_untrusted_and_no_cache_builds_never_read_the_cache(project: Path) -> None:
    build_project(project / "mkdocs.yml")
    clean = _files(project / "site")
    # A cache a pull request could have poisoned: every page replaced by a script, each file well formed.
    for path in (project / CACHE_DIR).rglob("*.html"):
        body = b"<script>alert(1)</script>"
        path.unlink()  # a page's file is the site's too (a hard link): replaced, not written through
        path.with_name(f"{path.name.split('.')[0]}.{hashlib.sha256(body).hexdigest()}.html").write_bytes(body)
    poisoned = _files(project / CACHE_DIR)
    build_project(project / "mkdocs.yml", untrusted=True)
    assert _files(project / "site") == clean
    build_project(project / "mkdocs.yml", use_cache=False)
    assert _files(project / "site") == clean
    assert _files(project / CACHE_DIR) == poisoned  # neither wrote to it either
    build_project(project / "mkdocs.yml")  # a trusted build does read it: the cache is only as trusted as its writer
    assert b"alert(1)" in (project / "site/terms/femur/index.html").read_bytes()


def _fragment(project: Path, locale: str, concept: str) -> Path:
    """The cached content of ``concept``'s page in ``locale`` (build_cache.ConceptFragments)."""
    for path in (project / CACHE_DIR / "fragments" / locale).glob("*.json"):
        if json.loads(path.read_bytes().partition(b"\n")[2]).get("page", {}).get("src") == f"terms/{concept}.md":
            return path
    raise AssertionError(f"no cached content for {concept}")


def _mark(path: Path, marker: str) -> None:
    """Put ``marker`` into a cached page's content, as a well-formed cache file."""
    record = json.loads(path.read_bytes().partition(b"\n")[2])
    record["page"]["html"] += f"<p>{marker}</p>"
    body = json.dumps(record).encode("utf-8")
    path.write_bytes(f"{FRAGMENT_FORMAT} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body)


def test_a_concept_page_is_rendered_again_only_when_what_it_shows_changed(project: Path) -> None:
    build_project(project / "mkdocs.yml")
    assert 'href="../femur/"' in (project / "site/terms/skeleton/index.html").read_text(encoding="utf-8")
    assert 'href="../femur/"' not in (project / "site/terms/brain/index.html").read_text(encoding="utf-8")
    for concept in ("brain", "skeleton"):
        _mark(_fragment(project, "en", concept), "kept from the cache")
    femur = project / "content/concepts/femur.yaml"
    femur.write_text(femur.read_text(encoding="utf-8").replace("definition: Long bone", "definition: Edited, long bone", 1), encoding="utf-8")
    build_project(project / "mkdocs.yml")
    # brain shows nothing of the femur: its content came from the cache, unrendered. The skeleton links the femur,
    # whose short definition (its link's tooltip) changed: rendered again, as was the femur's own page.
    assert "kept from the cache" in (project / "site/terms/brain/index.html").read_text(encoding="utf-8")
    assert "kept from the cache" not in (project / "site/terms/skeleton/index.html").read_text(encoding="utf-8")
    assert "Edited, long bone" in (project / "site/terms/femur/index.html").read_text(encoding="utf-8")
    assert "Edited, long bone" in (project / "site/terms/skeleton/index.html").read_text(encoding="utf-8")


def test_the_downloads_are_taken_from_the_cache_while_the_glossary_is_unchanged(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_project(project / "mkdocs.yml")
    made = _files(project / "site/downloads")

    def fail(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("the downloads were made again")

    monkeypatch.setattr(exports, "make", fail)
    build_project(project / "mkdocs.yml")
    assert _files(project / "site/downloads") == made
    femur = project / "content/concepts/femur.yaml"
    femur.write_text(femur.read_text(encoding="utf-8").replace("definition: Long bone", "definition: Edited, long bone", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="made again"):
        build_project(project / "mkdocs.yml")


def test_search_records_are_not_analysed_again(project: Path) -> None:
    build_project(project / "mkdocs.yml")
    [path] = (project / CACHE_DIR / "search" / "en").glob("*.json")
    analyses = json.loads(path.read_bytes().partition(b"\n")[2])
    analyses[0][1][0]["zzzkept"] = 1  # a stem no record has, filed under the first record's key
    body = json.dumps(analyses).encode("utf-8")
    path.write_bytes(f"{SEARCH_FORMAT} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body)
    build_project(project / "mkdocs.yml")
    assert any(b"zzzkept" in data for data in _files(project / "site/search").values())


def test_the_listings_of_terms_are_kept_whole_until_a_term_changes(project: Path) -> None:
    build_project(project / "mkdocs.yml")
    for path in (project / CACHE_DIR / "fragments" / "en").glob("*.json"):
        record = json.loads(path.read_bytes().partition(b"\n")[2])
        if record.get("pages", [{}])[0].get("src") == "index-a-z.md":
            record["pages"][0]["html"] += "<p>kept from the cache</p>"
            body = json.dumps(record).encode("utf-8")
            path.write_bytes(f"{FRAGMENT_FORMAT} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body)
            break
    else:
        raise AssertionError("the A–Z index is not kept")
    femur = project / "content/concepts/femur.yaml"
    femur.write_text(femur.read_text(encoding="utf-8").replace("definition: Long bone", "definition: Edited, long bone", 1), encoding="utf-8")
    build_project(project / "mkdocs.yml")
    assert "kept from the cache" in (project / "site/index-a-z/index.html").read_text(encoding="utf-8")  # no term changed
    femur.write_text(femur.read_text(encoding="utf-8").replace("{text: femur,", "{text: thigh bone,", 1), encoding="utf-8")
    assert "thigh bone" in femur.read_text(encoding="utf-8")
    build_project(project / "mkdocs.yml")
    index = (project / "site/index-a-z/index.html").read_text(encoding="utf-8")
    assert "kept from the cache" not in index and "thigh bone" in index


def test_an_unchanged_page_is_linked_from_the_cache_and_one_edited_in_place_is_built_again(project: Path) -> None:
    build_project(project / "mkdocs.yml")  # renders every page and keeps it
    build_project(project / "mkdocs.yml")  # takes every concept page from the cache
    page = project / "site/terms/brain/index.html"
    kept = [p for p in (project / CACHE_DIR / "pages" / "en").glob("*.html") if p.samefile(page)]
    assert len(kept) == 1  # the site's file is the cache's, not a copy
    clean = page.read_bytes()
    with page.open("r+b") as f:  # edited in place, as a careless post-processing step would: the cache's file too
        f.write(b"<!-- edited -->")
    assert kept[0].read_bytes().startswith(b"<!-- edited -->")
    build_project(project / "mkdocs.yml")
    assert page.read_bytes() == clean  # its bytes no longer matched its name: rendered again
    assert kept[0].read_bytes() == clean  # and kept again, under the same name


def _fragment_of_kind(project: Path, locale: str, src: str) -> dict[str, object]:
    """The record of the listing kept whole whose first page is ``src``."""
    for path in (project / CACHE_DIR / "fragments" / locale).glob("*.json"):
        record = json.loads(path.read_bytes().partition(b"\n")[2])
        if record.get("pages", [{}])[0].get("src") == src:
            return dict(record)
    raise AssertionError(f"{src} is not kept")


def test_a_listing_kept_whole_is_dated_again_when_an_entry_it_lists_changes(project: Path) -> None:
    # Committed edits date the entries (git), so the listings' dates, in their pages and sitemaps, move with them.
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first", date="2025-01-01T12:00:00+00:00")
    build_project(project / "mkdocs.yml")
    before = _fragment_of_kind(project, "en", "index-a-z.md")
    femur = project / "content/concepts/femur.yaml"
    femur.write_text(femur.read_text(encoding="utf-8").replace("definition: Long bone", "definition: Edited, long bone", 1), encoding="utf-8")
    git(project, "commit", "-qam", "edit", date="2025-06-01T12:00:00+00:00")
    _same_as_clean(project)  # every page and sitemap as a clean build dates it
    assert _fragment_of_kind(project, "en", "index-a-z.md") == before  # the index was not rendered again
    assert "<lastmod>2025-06-01</lastmod>" in (project / "site/sitemap-root.xml").read_text(encoding="utf-8")
