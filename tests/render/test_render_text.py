"""Inert contributor text, phrases marked as another language and first-mention term links."""

from __future__ import annotations

import re

import pytest

from glossary_tool.site.render.text import LinkTarget, link_terms, render_inline, render_markdown

T = [
    LinkTarget("BPO", "../bpo/", "Short <b>def</b>"),
    LinkTarget("business process outsourcing", "../bpo/", "d"),
    LinkTarget("data entry", "../data-entry/", "e"),
    LinkTarget("data", "../data/", "f"),
]


def test_markdown_basics_survive() -> None:
    assert (
        render_markdown("Some *emphasis* and [a link](https://example.org).")
        == '<p>Some <em>emphasis</em> and <a href="https://example.org" rel="noopener noreferrer nofollow">a link</a>.</p>'
    )
    assert render_inline("just *this*") == "just <em>this</em>"


def test_raw_html_is_text() -> None:
    out = render_markdown("<script>alert(1)</script><img src=x onerror=alert(1)>")
    assert "<script" not in out and "<img" not in out and "&lt;script&gt;" in out


def test_links_with_bad_schemes_lose_their_href() -> None:
    for url in ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "JaVaScRiPt:alert(1)"]:
        out = render_markdown(f"[x]({url})")
        assert "href" not in out, out


def test_first_mention_only_and_longest_match() -> None:
    html = link_terms("<p>BPO and BPO; data entry and data.</p>", T)
    assert html.count('href="../bpo/"') == 1
    assert '<a href="../data-entry/" data-glossary-preview="e" class="glossary-link">data entry</a>' in html
    assert '<a href="../data/" data-glossary-preview="f" class="glossary-link">data</a>.' in html


def test_no_links_inside_code_links_or_headings() -> None:
    html = link_terms('<h2>BPO</h2><p><code>BPO</code> <a href="https://x.org">BPO</a></p>', T)
    assert "glossary-link" not in html


def test_preview_is_escaped_and_no_native_tooltip_is_made() -> None:
    html = link_terms("<p>BPO</p>", T)
    assert 'data-glossary-preview="Short &lt;b&gt;def&lt;/b&gt;"' in html and "title=" not in html


def test_only_absolute_http_urls_are_safe() -> None:
    from glossary_tool.site.render.text import safe_url

    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c" and safe_url("HTTP://x.org") == "HTTP://x.org"
    for bad in ["javascript:alert(1)", "data:text/html,x", "//x.org/a", "/local", "https:x", 'https://x.org/"a', "", None]:
        assert safe_url(bad) is None, bad


def test_a_phrase_marked_as_another_language_becomes_a_span_with_its_lang() -> None:
    out = render_markdown("Kallas [back office]{lang=en} eller [Kundenservice]{lang=DE-at}.")
    assert out == '<p>Kallas <span lang="en">back office</span> eller <span lang="de-AT">Kundenservice</span>.</p>'


@pytest.mark.parametrize(
    "text",
    [
        '[x]{lang=en" onclick="alert(1)}',  # no attribute can be smuggled in: the tag must be BCP 47
        "[x]{lang=english}",
        "[x] {lang=en}",
    ],
)
def test_a_malformed_mark_stays_text(text: str) -> None:
    out = render_markdown(text)
    # Left as the text it was: one paragraph, no element inside it (the quotes of the first are characters).
    assert out.startswith("<p>[") and out.count("<") == 2 and "<span" not in out


def test_markup_inside_a_marked_phrase_stays_text() -> None:
    assert render_markdown("[<b>x</b>]{lang=en}") == '<p><span lang="en">&lt;b&gt;x&lt;/b&gt;</span></p>'


def test_plain_text_views_show_the_bare_phrase() -> None:
    from glossary_tool.site.render.context import first_sentence
    from glossary_tool.site.search_index import plain

    assert first_sentence("Kallas [back office]{lang=en} här. Mer.") == "Kallas back office här."
    assert plain("Kallas [back office]{lang=en} här.") == "Kallas back office här."


def test_the_swedish_pages_mark_the_english_phrases_in_their_prose() -> None:
    from render_helpers import SETTINGS

    from glossary_tool.lint import run
    from glossary_tool.site.render import render_locale

    pages = render_locale(run(SETTINGS).glossary, SETTINGS, "sv", site_name="S", site_url="http://h/sv/")
    marked = {p.src: re.findall(r'<span lang="en">([^<]*)</span>', p.html) for p in pages}
    assert "legal process outsourcing" in marked["terms/lpo.md"]
    assert "healthcare administration" in marked["terms/benefits-administration.md"]
    assert "onshore" in marked["faq.md"]
    assert {"business process outsourcing", "knowledge process outsourcing", "Difference between KPO and BPO"} <= set(marked["compare/bpo-vs-kpo.md"])
    assert sum(len(found) for found in marked.values()) >= 12
    assert [p.src for p in pages if "{lang=" in p.html] == []  # no mark is left as text
