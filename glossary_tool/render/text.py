"""Inert rendering of contributor text: plain Markdown without raw HTML, then an allowlist sanitizer.

Escaping alone is not enough (a Markdown link can still carry ``javascript:``), so both steps always run.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

import markdown
import nh3
from lxml import html as lxml_html

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


def render_markdown(text: str) -> str:
    """Contributor Markdown → safe HTML: escape raw HTML, render core Markdown, sanitize."""
    _MD.reset()
    escaped = html.escape(text, quote=False)
    return sanitize(_MD.convert(escaped))


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


def link_terms(fragment: str, targets: Iterable[LinkTarget]) -> str:
    """Link the first mention of each target term in ``fragment`` (never inside links, code or headings).

    Works on the sanitized tree, so the only new markup is the link this function creates itself.
    """
    by_text = {}
    for t in sorted(targets, key=lambda t: -len(t.term)):  # longest first: "data entry" before "data"
        by_text.setdefault(t.term.casefold(), t)
    if not by_text or not fragment.strip():
        return fragment
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in by_text) + r")(?!\w)", re.IGNORECASE)
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    linked: set[str] = set()

    def process(parent: lxml_html.HtmlElement) -> None:
        # Text directly in parent, then each child's subtree and tail, in document order.
        _link_in(parent, "text")
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag in _SKIP:
                _link_tail(child)
                continue
            process(child)
            _link_tail(child)

    def _make(match_text: str) -> lxml_html.HtmlElement | None:
        target = by_text[match_text.casefold()]
        if target.href in linked:
            return None
        linked.add(target.href)
        a = lxml_html.Element("a", href=target.href, title=target.tooltip)
        a.set("class", "glossary-link")
        a.text = match_text
        return a

    def _split(text: str) -> tuple[str, list[tuple[lxml_html.HtmlElement, str]]]:
        head, pieces, pos = None, [], 0
        for m in pattern.finditer(text):
            a = _make(m.group(1))
            if a is None:
                continue
            before = text[pos : m.start()]
            if head is None:
                head = before
            else:
                pieces[-1] = (pieces[-1][0], pieces[-1][1] + before)
            pieces.append((a, ""))
            pos = m.end()
        if head is None:
            return text, []
        pieces[-1] = (pieces[-1][0], pieces[-1][1] + text[pos:])
        return head, pieces

    def _link_in(el: lxml_html.HtmlElement, attr: str) -> None:
        text = el.text
        if not text:
            return
        head, pieces = _split(text)
        if not pieces:
            return
        el.text = head
        for i, (a, tail) in enumerate(pieces):
            a.tail = tail
            el.insert(i, a)

    def _link_tail(el: lxml_html.HtmlElement) -> None:
        text = el.tail
        if not text:
            return
        head, pieces = _split(text)
        if not pieces:
            return
        el.tail = head
        parent = el.getparent()
        idx = parent.index(el)
        for i, (a, tail) in enumerate(pieces, start=1):
            a.tail = tail
            parent.insert(idx + i, a)

    process(root)
    inner = (root.text or "") and html.escape(root.text, quote=False)
    return inner + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
