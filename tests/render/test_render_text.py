"""Inert contributor text and first-mention term links."""

from glossary_tool.site.render.text import LinkTarget, link_terms, render_inline, render_markdown

T = [LinkTarget("BPO", "../bpo/", "Short <b>def</b>"), LinkTarget("business process outsourcing", "../bpo/", "d"), LinkTarget("data entry", "../data-entry/", "e"), LinkTarget("data", "../data/", "f")]


def test_markdown_basics_survive() -> None:
    assert render_markdown("Some *emphasis* and [a link](https://example.org).") == \
        '<p>Some <em>emphasis</em> and <a href="https://example.org" rel="noopener noreferrer nofollow">a link</a>.</p>'
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
    for bad in ["javascript:alert(1)", "data:text/html,x", "//x.org/a", "/local", "https:x", "https://x.org/\"a", "", None]:
        assert safe_url(bad) is None, bad
