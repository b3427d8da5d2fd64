"""Scan a built site for anything that could execute: live scripts, event handlers, dangerous URLs, in every file.

Defence in depth after the sanitizer: run on a whole built site (``scan_site``) or on one page; findings are values.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from glossary_tool.core.mkdocs_compat import material_script_partials

DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
# Attributes whose value a browser loads or navigates to (srcset and style are parsed separately).
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data",
    "codebase", "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "icon", "archive", "usemap", "itemtype",
})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# Elements that embed or redirect to other documents; the glossary never needs them.
ACTIVE_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
# Browsers drop these anywhere in a URL (tab, newline) or around it (controls, spaces); we drop them everywhere.
_URL_JUNK = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff]")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_URL = re.compile(r"""(?:url|image-set|image|-webkit-image-set)\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
_CSS_ACTIVE = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:|javascript:", re.I)
# Tags as they appear in the raw text, found at every "<" (overlapping, so a tag hidden inside an attribute
# value counts too) and counted against the parsed tree: libxml2 is not a browser, and where the two disagree
# (comments ended by "--!>", <noscript>, <style> inside <svg>) a browser may see markup the tree hides.
_RAW_TAG = re.compile(rb"""<([a-z][a-z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>""", re.I)
_RAW_QUOTED = re.compile(rb"""=\s*(?:"[^"]*"|'[^']*')""")
_RAW_EVENT = re.compile(rb"[\s/]on[a-z]+\s*=", re.I)
_JSON_BREAKOUT = re.compile(r"<!--|<script|</script", re.I)
_JINJA = re.compile(r"\\\{\\\{.*?\\\}\\\}")


@dataclass(frozen=True, slots=True)
class Finding:
    """Something in a built page that could run code or load a dangerous URL."""

    path: str
    line: int
    kind: str  # script, jsonld, event-handler, url, style, active-element, parser-disagreement, unexpected-markup, link
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.detail}"


def dangerous_url(value: str) -> str | None:
    """The dangerous scheme an attribute value starts with, as a browser reads it; None when it is safe.

    ``value`` is as parsed: lxml has already decoded entities once (HTML5 names such as ``&colon;`` included),
    exactly as a browser does, so ``&amp;#106;avascript:`` stays the harmless relative URL it is.
    """
    cleaned = _URL_JUNK.sub("", value).lower()
    for scheme in DANGEROUS_SCHEMES:
        if cleaned.startswith(scheme):
            return scheme
    return None


def _css_unescape(css: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return m.group(2)

    return _CSS_ESCAPE.sub(one, _CSS_COMMENT.sub("", css))


def css_problems(css: str, *, data_images: bool = False) -> list[str]:
    """What is dangerous in a piece of CSS: url()/@import with a bad scheme, expression(), bindings.

    ``data_images``: a style sheet's ``url(data:image/…)`` is fine (Material draws its icons so, and an image in CSS
    never runs script); in contributor-reachable inline styles every data: URL is refused."""
    text = _css_unescape(css)
    out = []
    for m in _CSS_URL.finditer(text):
        url = m.group(2) if m.group(2) is not None else m.group(4)
        scheme = dangerous_url(url or "")
        if scheme == "data:" and data_images and _URL_JUNK.sub("", url or "").lower().startswith("data:image/") and not (m.group(3) or m.group(4)):
            continue
        if scheme:
            out.append(f"CSS url with {scheme} scheme: {url[:80]!r}")
    active = _CSS_ACTIVE.search(text)
    if active:
        out.append(f"active CSS: {active.group()!r}")
    return out


@cache
def material_inline_scripts() -> tuple[re.Pattern[str], ...]:
    """Material's own inline scripts and the glossary's, read from their templates, as patterns; template values become a quote-free filler."""
    try:
        folder = material_script_partials()
    except ImportError:
        return ()
    own = Path(__file__).resolve().parent / "overrides" / "partials"  # the glossary's search box waits for the reader
    patterns = []
    for file in [*sorted(folder.glob("*.html")), *sorted(own.glob("*.html"))]:
        for body in re.findall(r"<script>(.*?)</script>", file.read_text(encoding="utf-8"), re.S):
            # A filler without quotes, angle brackets or backslashes: a value that could leave its JS string fails to match.
            patterns.append(re.compile(_JINJA.sub(lambda m: r"[^\"'<>\\\n]*", re.escape(body.strip()))))
    return tuple(patterns)


def _script_finding(el: etree._Element, path: str, allowed_inline: Iterable[re.Pattern[str]]) -> Finding | None:
    text = el.text or ""
    line = el.sourceline or 0
    src = el.get("src")
    kind = (el.get("type") or "").strip().lower()
    if src is not None:
        # Material's bundle: a relative URL into assets/javascripts/, with no inline body.
        if text.strip() or re.match(r"^[a-z][a-z0-9+.-]*:|^//", src.strip(), re.I) or "assets/javascripts/" not in src:
            return Finding(path, line, "script", f"script src={src!r} is not one of Material's assets")
        return None
    if kind in ("application/ld+json", "application/json"):
        if kind == "application/json" and el.get("id") != "__config":
            return Finding(path, line, "script", "JSON script block other than Material's #__config")
        breakout = _JSON_BREAKOUT.search(text)
        if breakout:
            return Finding(path, line, "jsonld", f"{kind} block contains {breakout.group()!r}, which can end or hijack the script")
        try:
            json.loads(text)
        except ValueError as exc:
            return Finding(path, line, "jsonld", f"{kind} block is not valid JSON (text broke out of it?): {exc}")
        return None
    if kind in ("", "text/javascript", "module") and any(p.fullmatch(text.strip()) for p in allowed_inline):
        return None
    return Finding(path, line, "script", f"inline script: {text.strip()[:80]!r}")


def _attribute_findings(el: etree._Element, path: str) -> Iterator[Finding]:
    line = el.sourceline or 0
    tag = el.tag if isinstance(el.tag, str) else ""
    for name, value in el.attrib.items():
        for kind, detail in _attribute_problems(el, tag, str(name).lower(), value):
            yield Finding(path, line, kind, detail)
    if tag.lower() == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
        target = (el.get("content") or "").partition("=")[2].strip("'\" ")
        if dangerous_url(target):
            yield Finding(path, line, "url", f"<meta refresh> to {target[:80]!r}")


def _attribute_problems(el: etree._Element, tag: str, lname: str, value: str) -> Iterator[tuple[str, str]]:
    """What one attribute of ``el`` could run or load: (kind, detail) pairs."""
    local = lname.rsplit("}", 1)[-1]  # namespaced attributes from XML-ish input
    if local.startswith("on"):
        yield "event-handler", f"<{tag} {lname}={value[:60]!r}>"
    elif lname in URL_ATTRIBUTES or local == "href":
        scheme = dangerous_url(value)
        if scheme:
            yield "url", f"<{tag} {lname}> uses {scheme}: {value[:80]!r}"
    elif lname in SRCSET_ATTRIBUTES:
        scheme = _srcset_scheme(value)
        if scheme:
            yield "url", f"<{tag} {lname}> uses {scheme}: {value[:80]!r}"
    elif lname == "style":
        yield from (("style", f"<{tag} style>: {why}") for why in css_problems(value))
    elif lname in ("to", "from", "values") and tag.lower().rsplit("}", 1)[-1] in ("animate", "set"):
        yield from _animation_problems(el, tag, lname, value)


def _srcset_scheme(value: str) -> str | None:
    """The first dangerous scheme among the URLs of a srcset."""
    for candidate in value.split(","):
        scheme = dangerous_url(candidate.strip().split(" ")[0]) if candidate.strip() else None
        if scheme:
            return scheme
    return None


def _animation_problems(el: etree._Element, tag: str, lname: str, value: str) -> Iterator[tuple[str, str]]:
    """An SVG animation that sets an href to a dangerous URL, or sets an event handler."""
    # XML keeps the attribute's case (attributeName), the HTML parser lowers it
    animated = (el.get("attributename") or el.get("attributeName") or "").lower()
    if animated.endswith("href") and dangerous_url(value):
        yield "url", f"<{tag} {lname}> animates an href to {value[:80]!r}"
    elif animated.startswith("on"):
        yield "event-handler", f"<{tag}> animates the event handler {animated}"


def scan_tree(root: etree._Element, path: str, *, allowed_inline: Iterable[re.Pattern[str]] = (), tooltips: bool = False) -> list[Finding]:
    """Findings in a parsed document or fragment (``tooltips``: Material puts title attributes into innerHTML)."""
    allowed_inline = tuple(allowed_inline)
    out: list[Finding] = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions never run
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        if tag == "script":
            found = _script_finding(el, path, allowed_inline)
            if found:
                out.append(found)
        elif tag in ACTIVE_ELEMENTS:
            out.append(Finding(path, el.sourceline or 0, "active-element", f"<{tag}> embeds or redirects to another document"))
        elif tag == "style":
            out.extend(Finding(path, el.sourceline or 0, "style", f"<style>: {why}") for why in css_problems(el.text or ""))
        out.extend(_attribute_findings(el, path))
        if tooltips and el.get("title") and "<" in el.get("title", ""):
            out.extend(scan_fragment(el.get("title", ""), f"{path} (title attribute, line {el.sourceline})"))
    return out


def scan_html(data: str | bytes, path: str = "<html>", *, allowed_inline: Iterable[re.Pattern[str]] | None = None) -> list[Finding]:
    """Findings in one full HTML page; Material's own inline scripts are allowed by default."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        return []
    try:
        root = lxml_html.document_fromstring(raw)
    except (etree.ParserError, ValueError) as exc:
        return [Finding(path, 0, "parser-disagreement", f"page cannot be parsed: {exc}")]
    patterns = material_inline_scripts() if allowed_inline is None else tuple(allowed_inline)
    config = root.find(".//script[@id='__config']")
    tooltips = False
    if config is not None:
        try:
            tooltips = "content.tooltips" in json.loads(config.text or "{}").get("features", [])
        except (ValueError, AttributeError):
            pass  # reported by the JSON check in scan_tree
    out = scan_tree(root, path, allowed_inline=patterns, tooltips=tooltips)
    out += _parser_disagreements(root, raw, path, "page", "; a browser may run the rest")
    return out


def _raw_counts(raw: bytes) -> dict[str, int]:
    counts = {"script": 0, "event-handler": 0, "active-element": 0}
    start = raw.find(b"<")
    while start != -1:
        m = _RAW_TAG.match(raw, start)
        if m:
            tag = m.group(1).lower().decode("ascii")
            counts["script"] += tag == "script"
            counts["active-element"] += tag in ACTIVE_ELEMENTS
            # quoted attribute values are data, not attributes: "title='x onclick=y'" is no handler
            counts["event-handler"] += bool(_RAW_EVENT.search(_RAW_QUOTED.sub(b"=", m.group(2))))
        start = raw.find(b"<", start + 1)
    return counts


def _parser_disagreements(root: etree._Element, raw: bytes, path: str, parsed_as: str, consequence: str = "") -> list[Finding]:
    """A finding for each kind of markup that the raw text holds more of than the parsed tree (``parsed_as`` names
    the tree: page or document)."""
    parsed, in_text = _parsed_counts(root), _raw_counts(raw)
    return [Finding(path, 0, "parser-disagreement",
                    f"the text has {count} tag(s) with {what} markup but the parsed {parsed_as} has {parsed[what]}{consequence}")
            for what, count in in_text.items() if count > parsed[what]]


def _parsed_counts(root: etree._Element) -> dict[str, int]:
    counts = {"script": 0, "event-handler": 0, "active-element": 0}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]  # XML documents name their elements with a namespace
        counts["script"] += tag == "script"
        counts["active-element"] += tag in ACTIVE_ELEMENTS
        counts["event-handler"] += any(str(name).lower().rsplit("}", 1)[-1].startswith("on") for name in el.attrib)
    return counts


def scan_fragment(fragment: str, path: str = "<fragment>") -> list[Finding]:
    """Findings in an HTML fragment that a page inserts with innerHTML (search results, tooltips)."""
    if "<" not in fragment:  # without a tag there is no element, whatever the entities say
        return []
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        return [Finding(path, 0, "parser-disagreement", f"fragment cannot be parsed: {exc}")]
    return scan_tree(root, path)


def scan_search_index(index_file: Path, display: str) -> list[Finding]:
    """Material's search shows each indexed title and text with innerHTML, so both are scanned as HTML."""
    try:
        docs = json.loads(index_file.read_text(encoding="utf-8")).get("docs", [])
    except (OSError, ValueError) as exc:
        return [Finding(display, 0, "parser-disagreement", f"search index cannot be read: {exc}")]
    out: list[Finding] = []
    for doc in docs:
        for field in ("title", "text"):
            value = doc.get(field)
            if isinstance(value, str):
                out.extend(scan_fragment(value, f"{display} [{doc.get('location', '?')} {field}]"))
    return out


# What a browser parses as HTML, as XML (SVG can hold script and handlers as HTML can), or as CSS, by file suffix.
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".xht"})
XML_SUFFIXES = frozenset({".svg", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".rss", ".atom", ".mml", ".tbx"})
SCRIPT_SUFFIXES = frozenset({".js", ".mjs"})
# Files nobody renders as a document: images, fonts, archives, data the site's own scripts read, source maps, and
# the exports offered for download (CSV and JSON-LD are data: their text may quote markup that entries hold as text).
INERT_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf", ".otf",
                            ".eot", ".json", ".map", ".webmanifest", ".mo", ".pdf", ".zip", ".csv", ".jsonld", ".xlsx"})
MAX_GUNZIP = 64 * 1024 * 1024
_MARKUP_SNIFF = re.compile(rb"<(?:script|html|svg|iframe|object|embed|body|img|a)[\s/>]|[\s/]on[a-z]+\s*=", re.I)


def scan_xml(data: bytes, path: str) -> list[Finding]:
    """Findings in an XML document (SVG, XHTML, a sitemap): the same checks as for HTML, plus style-sheet instructions.

    Entities are not expanded and nothing is fetched; a document the XML parser refuses is scanned as HTML instead."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return scan_html(data, path, allowed_inline=())
    out = scan_tree(root, path)
    for pi in root.itersiblings(preceding=True):
        if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xml-stylesheet":
            out.append(Finding(path, pi.sourceline or 0, "active-element", "an xml-stylesheet instruction (XSLT can write script)"))
    out += _parser_disagreements(root, data, path, "document")
    return out


def scan_file(file: Path, shown: str) -> list[Finding]:
    """Findings in one file of a built site, by what a browser would take it for."""
    name = file.name.lower()
    data = file.read_bytes()
    if name.endswith(".gz"):  # sitemap.xml.gz and the like: what is inside counts
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(MAX_GUNZIP + 1)
        except (OSError, EOFError) as exc:
            return [Finding(shown, 0, "parser-disagreement", f"not a readable gzip file: {exc}")]
        if len(data) > MAX_GUNZIP:
            return [Finding(shown, 0, "parser-disagreement", f"unpacks to more than {MAX_GUNZIP} bytes")]
        name = name[:-3]
    suffix = Path(name).suffix
    out: list[Finding] = []
    if suffix in HTML_SUFFIXES:
        out.extend(scan_html(data, shown))
    if suffix in XML_SUFFIXES:
        out.extend(scan_xml(data, shown))
    if suffix in HTML_SUFFIXES | XML_SUFFIXES:
        return out
    if suffix == ".css":
        return [Finding(shown, 0, "style", why) for why in css_problems(data.decode("utf-8", "replace"), data_images=True)]
    if name == "search_index.json":
        return scan_search_index(file, shown)
    if suffix in SCRIPT_SUFFIXES:
        # The theme's own scripts live under assets/; a script anywhere else was put there by something else.
        return [] if "assets" in Path(shown).parts else [Finding(shown, 0, "script", "a script file outside the theme's assets/")]
    if suffix in INERT_SUFFIXES:
        return []
    # Any other file (.txt, .md, no suffix …): inert as text, but not if it holds markup a browser might render.
    found = _MARKUP_SNIFF.search(data[: 1024 * 1024])
    return [Finding(shown, 0, "unexpected-markup", f"a '{suffix or name}' file holding markup ({found.group()[:40]!r})")] if found else []


def scan_site(site_dir: Path) -> list[Finding]:
    """Every file of a built site (all locales live below ``site_dir``): pages, SVG and other XML, style sheets,
    search indexes, scripts outside the theme's assets, and any other text that holds markup. Links are not followed."""
    site_dir = Path(site_dir)
    out: list[Finding] = []
    files: list[Path] = []
    for folder, dirs, names in os.walk(site_dir):  # does not follow links to folders
        base = Path(folder)
        dirs.sort()
        files.extend(base / n for n in names)
        for d in dirs:
            if (base / d).is_symlink():
                out.append(Finding(str((base / d).relative_to(site_dir)), 0, "link", "a symbolic link in the built site"))
    for file in sorted(files):
        shown = str(file.relative_to(site_dir))
        if file.is_symlink() or not file.is_file():
            out.append(Finding(shown, 0, "link", "not a regular file (a symbolic link, pipe or device) in the built site"))
            continue
        out.extend(scan_file(file, shown))
    return out
