"""What the page kinds share: paths, relative links, the template cache."""

from __future__ import annotations

import pytest
from render_helpers import render

from glossary_tool.render.context import relative


def test_same_paths_in_every_locale() -> None:
    assert set(render("en")) == set(render("sv"))
    assert "terms/kpo.md" in render("sv") and render("sv")["terms/kpo.md"].url == "terms/kpo/"


def test_relative_links() -> None:
    assert relative("terms/kpo/", "terms/bpo/") == "../bpo/"
    assert relative("", "terms/bpo/") == "terms/bpo/"
    assert relative("terms/kpo/", "") == "../../"


def test_rendering_without_a_template_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Jinja refuses its cache folder (one owned by someone else), pages still render, compiled afresh."""
    import jinja2

    from glossary_tool.render import context

    cached = render("sv")["terms/kpo.md"].html

    def refuse() -> None:
        raise RuntimeError("the cache folder is not private")

    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", refuse)
    assert context._bytecode_cache() is None
    monkeypatch.setattr(context, "BYTECODE_CACHE", None)
    assert render("sv")["terms/kpo.md"].html == cached


def test_table_of_contents_follows_the_headings() -> None:
    from glossary_tool.render.context import toc_of

    toc = toc_of('<h1 id="t">T &amp; U</h1><h2 id="a">A <a href="#a">x</a></h2><h3 id="b">B</h3><h2 id="c">C</h2><h4 id="d">D</h4>')
    assert [(h.level, h.id, h.title) for h in toc] == [(1, "t", "T & U")]
    assert [(h.id, [c.id for c in h.children]) for h in toc[0].children] == [("a", ["b"]), ("c", [])]


def test_every_page_has_a_table_of_contents_from_its_headings() -> None:
    pages = render("sv")
    kpo = pages["terms/kpo.md"].toc
    assert kpo[0].level == 1 and {"terms", "definition", "sources"} <= {h.id for h in kpo[0].children}
    assert all(p.toc for p in pages.values())
