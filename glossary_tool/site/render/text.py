"""Inert rendering of contributor text: plain Markdown without raw HTML, then an allowlist sanitizer.

Escaping alone is not enough (a Markdown link can still carry ``javascript:``), so both steps always run.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import markdown
import nh3
from lxml import html as lxml_html

from glossary_tool.core import foreign
from glossary_tool.core.markdown_bounds import BLANK_LINE, complexity

ALLOWED_TAGS = {"p", "em", "strong", "a", "code", "ul", "ol", "li", "br", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class", "hreflang"}, "span": {"lang"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def _markdown() -> markdown.Markdown:
    # No extensions at all: no attr_list, md_in_html, snippets, tables or raw-HTML helpers.
    md = markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML blocks and inline HTML are not parsed as HTML: the input is escaped beforehand.
    return md


_MD = _markdown()


def sanitize(fragment: str) -> str:
    """Allowlist sanitizer (nh3/ammonia): only harmless tags, attributes and http(s)/mailto links survive."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def plain_paragraphs(text: str) -> str:
    """Text as escaped paragraphs, without any Markdown: what a field too complex to render is shown as."""
    return "".join(f"<p>{html.escape(part.strip(), quote=False)}</p>" for part in BLANK_LINE.split(text) if part.strip())


def render_markdown(text: str) -> str:
    """Contributor Markdown → safe HTML: escape raw HTML, render core Markdown, sanitize.

    Text beyond the complexity bounds (which lint refuses) is shown as plain paragraphs, so no field can make
    the build slow even when the rule is switched off."""
    if complexity(text).problem() is not None:
        return plain_paragraphs(text)
    _MD.reset()
    escaped = html.escape(text, quote=False)
    return sanitize(foreign.spans(_MD.convert(escaped)))


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, the only links the site makes from contributor text; else None."""
    if not url:
        return None
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in ("http", "https") or not rest.startswith("//") or any(c.isspace() or c in "<>\"'`" for c in url):
        return None
    return url


def render_inline(text: str) -> str:
    """Like render_markdown, but without the surrounding paragraph (for table cells and list items)."""
    out = render_markdown(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S) if out.count("<p>") == 1 else out


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """A term that should link to another concept's page on first mention."""

    term: str
    href: str
    tooltip: str


_SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


class TermMatcher:
    """All linkable terms of a locale compiled into one pattern, built once per build (not per page)."""

    def __init__(self, targets: Iterable[LinkTarget]) -> None:
        self.by_text: dict[str, LinkTarget] = {}
        for t in sorted(targets, key=lambda t: (-len(t.term), t.term)):  # longest first: "thigh bone" before "bone"
            self.by_text.setdefault(t.term.casefold(), t)
        self.pattern = _term_pattern(tuple(self.by_text))


@functools.lru_cache(maxsize=4)  # under serve, an edit that leaves every term as it was reuses the pattern
def _term_pattern(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    # A flat alternation makes the regex engine try every term at every position: per-page cost grew with
    # the glossary (7.8 ms a page at 10,000 concepts). A trie tries one branch per character instead.
    alternatives = _trie_pattern(list(keys))
    return re.compile(r"(?<!\w)(" + alternatives + r")(?!\w)", re.IGNORECASE) if alternatives else None


# The trie nests one group per shared character, and both emit() and re.compile() recurse per level: a single
# 500-character term (the model allows it) overflowed the stack and crashed the build. Longer keys go into a
# flat alternation ahead of the trie; they are longer than every trie key, so longest-first still holds.
TRIE_MAX_KEY = 64


def _trie_pattern(keys: list[str]) -> str:
    """One regex alternation matching exactly ``keys``, shared prefixes factored out, longest match tried first."""
    long_keys = sorted((k for k in keys if len(k) > TRIE_MAX_KEY), key=lambda k: (-len(k), k))
    keys = [k for k in keys if len(k) <= TRIE_MAX_KEY]
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a key

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if "" in node:  # the key ending here is tried last, after every longer key through this node
            if not branches:
                return ""
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return "|".join([re.escape(k) for k in long_keys] + ([emit(trie)] if keys else []))


def link_terms(fragment: str, targets: Iterable[LinkTarget] | TermMatcher, exclude_href: str | None = None) -> str:
    """Link the first mention of each target term in ``fragment`` (never inside links, code or headings).

    Works on the sanitized tree, so the only new markup is the link this function creates itself.
    Links to ``exclude_href`` (the page itself) are never made.
    """
    matcher = targets if isinstance(targets, TermMatcher) else TermMatcher(targets)
    if matcher.pattern is None or not fragment.strip():
        return fragment
    pattern, by_text = matcher.pattern, matcher.by_text
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    linked: set[str] = {exclude_href} if exclude_href else set()

    def process(parent: lxml_html.HtmlElement) -> None:
        # Text directly in parent, then each child's subtree and tail, in document order.
        _link_text(parent)
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                process(child)
            _link_tail(child)

    def _make(match_text: str) -> lxml_html.HtmlElement | None:
        target = by_text[match_text.casefold()]
        if target.href in linked:
            return None
        linked.add(target.href)
        # A data attribute, not a title: the preview (overrides/assets/javascripts/glossary.js) shows it on hover,
        # focus and touch alike, where a native title tooltip shows only on hover. Not "data-preview", which
        # Material's instant navigation takes as a request to preview the whole target page.
        a = lxml_html.Element("a", href=target.href)
        a.set("data-glossary-preview", target.tooltip)
        a.set("class", "glossary-link")
        a.text = match_text
        return a

    def _split(text: str) -> tuple[str, list[lxml_html.HtmlElement]]:
        """Cut ``text`` at each new link: the text before the first, and links whose tails hold the rest."""
        head: str | None = None
        links: list[lxml_html.HtmlElement] = []
        pos = 0
        for m in pattern.finditer(text):
            a = _make(m.group(1))
            if a is None:
                continue
            before = text[pos : m.start()]
            if links:
                links[-1].tail = (links[-1].tail or "") + before
            else:
                head = before
            a.tail = ""
            links.append(a)
            pos = m.end()
        if not links:
            return text, []
        links[-1].tail = (links[-1].tail or "") + text[pos:]
        return head or "", links

    def _link_text(el: lxml_html.HtmlElement) -> None:
        if not el.text:
            return
        head, links = _split(el.text)
        if links:
            el.text = head
            for i, a in enumerate(links):
                el.insert(i, a)

    def _link_tail(el: lxml_html.HtmlElement) -> None:
        if not el.tail:
            return
        head, links = _split(el.tail)
        if links:
            el.tail = head
            parent = el.getparent()
            idx = parent.index(el)
            for i, a in enumerate(links, start=1):
                parent.insert(idx + i, a)

    process(root)
    inner = html.escape(root.text, quote=False) if root.text else ""
    return inner + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
