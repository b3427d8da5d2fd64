"""What the page kinds share: paths, relative links, the template cache."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_helpers import render, render_with

from glossary_tool.site.render.context import relative


def test_same_paths_in_every_locale() -> None:
    assert set(render("en")) == set(render("sv"))
    assert "terms/kpo.md" in render("sv") and render("sv")["terms/kpo.md"].url == "terms/kpo/"


def test_relative_links() -> None:
    assert relative("terms/kpo/", "terms/bpo/") == "../bpo/"
    assert relative("", "terms/bpo/") == "terms/bpo/"
    assert relative("terms/kpo/", "") == "../../"
    assert relative("sv/terms/kpo/", "zh/hans/terms/kpo/") == "../../../zh/hans/terms/kpo/"


def test_relative_links_are_posixpaths() -> None:
    """relative() works the link out itself for plain paths: the same as posixpath.relpath, for every combination of a
    few segments (empty ones, repeated ones, with and without the closing slash) and for paths with . and .."""
    import itertools
    import posixpath

    def relpath(from_url: str, to_url: str) -> str:
        rel = posixpath.relpath("/" + to_url, "/" + from_url)
        return "./" if rel == "." else rel + "/"

    segments = ["", "sv", "terms", "kpo"]
    paths = ["/".join(p) + end for n in range(4) for p in itertools.product(segments, repeat=n) for end in ("", "/")]
    paths += ["terms/../sv/", "./terms/kpo/", "sv/./terms/"]
    for a, b in itertools.product(paths, repeat=2):
        assert relative(a, b) == relpath(a, b), (a, b)


def test_rendering_without_a_template_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Jinja refuses its cache folder (one owned by someone else), pages still render, compiled afresh."""
    import jinja2

    from glossary_tool.site.render import context

    cached = render("sv")["terms/kpo.md"].html

    def refuse() -> None:
        raise RuntimeError("the cache folder is not private")

    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", refuse)
    assert context._bytecode_cache() is None
    monkeypatch.setattr(context, "BYTECODE_CACHE", None)
    assert render("sv")["terms/kpo.md"].html == cached


def test_table_of_contents_follows_the_headings() -> None:
    from glossary_tool.site.render.context import toc_of

    toc = toc_of('<h1 id="t">T &amp; U</h1><h2 id="a">A <a href="#a">x</a></h2><h3 id="b">B</h3><h2 id="c">C</h2><h4 id="d">D</h4>')
    assert [(h.level, h.id, h.title) for h in toc] == [(1, "t", "T & U")]
    assert [(h.id, [c.id for c in h.children]) for h in toc[0].children] == [("a", ["b"]), ("c", [])]


def test_every_page_has_a_table_of_contents_from_its_headings() -> None:
    pages = render("sv")
    kpo = pages["terms/kpo.md"].toc
    assert kpo[0].level == 1 and {"terms", "definition", "sources"} <= {h.id for h in kpo[0].children}
    assert all(p.toc for p in pages.values())


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("A short text.", 200, "A short text."),
        ("Outsourcing of work for banking clients", 25, "Outsourcing of work for…"),  # not "…for ban…"
        ("one two, three four", 13, "one two…"),  # no comma before the ellipsis
        ("Donaudampfschifffahrtsgesellschaft", 10, "Donaudamp…"),  # one word longer than the limit: cut inside it
    ],
)
def test_shortened_text_is_cut_at_a_word_boundary_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    from glossary_tool.site.render.context import shorten

    out = shorten(text, limit)
    assert out == expected and len(out) <= limit


def test_first_sentence_does_not_end_at_an_abbreviation() -> None:
    from glossary_tool.site.render.context import first_sentence

    assert first_sentence("Work for banks, e.g. loan processing. Then more.") == "Work for banks, e.g. loan processing."
    assert first_sentence("Arbete, t.ex. analys och utredning. Mer text.") == "Arbete, t.ex. analys och utredning."
    assert first_sentence("See [the *guide*](https://x.org/a) first! Rest.") == "See the guide first!"
    long = "word " * 60
    assert first_sentence(long).endswith("word…") and len(first_sentence(long)) <= 200


def test_long_definitions_are_shortened_at_a_word_boundary_everywhere_they_are_summarised(tmp_path: Path) -> None:
    from conftest import concept

    long = " ".join(["outsourcing of banking work"] * 12)  # 335 characters, no sentence end
    entry = concept("long", en="long entry").replace("definition: An English definition.", f"definition: {long}")
    mention = concept("other", en="other entry").replace("definition: An English definition.", "definition: See long entry.")
    pages = render_with(tmp_path, {"long.yaml": entry, "other.yaml": mention}, "en")
    previews = re.findall(r'data-glossary-preview="([^"]*)"', pages["terms/other.md"].html)
    listed = re.findall(r"<dd>([^<]*)</dd>", pages["categories/model.md"].html)
    summaries = [pages["terms/long.md"].description, *previews, *(d for d in listed if d.startswith("outsourcing of banking"))]
    assert len(summaries) >= 3
    for summary in summaries:
        assert len(summary) <= 200 and summary.endswith("…"), summary
        assert long.startswith(summary[:-1]) and long[len(summary) - 1] == " ", summary  # cut where a word ends


def test_links_between_locales_and_to_the_published_files() -> None:
    from render_helpers import SETTINGS

    from glossary_tool.core.model import Glossary
    from glossary_tool.site.render.context import RenderContext

    sv = RenderContext(Glossary(()), SETTINGS, "sv", "S", "http://h/sv/", lambda c, code: [])
    assert sv.in_locale("terms/kpo/", "en", "terms/kpo/") == "../../../terms/kpo/"
    assert sv.at_root("downloads/", "downloads/glossary.csv") == "../../downloads/glossary.csv"
    en = RenderContext(Glossary(()), SETTINGS, "en", "S", "http://h/", lambda c, code: [])
    assert en.in_locale("terms/kpo/", "sv", "terms/kpo/") == "../../sv/terms/kpo/"
    assert en.at_root("glossary/en-sv/2/", "downloads/glossary-en-sv.csv") == "../../../downloads/glossary-en-sv.csv"
    assert (en.language_name("sv"), sv.language_name("en")) == ("Swedish", "engelska")
