"""What every page kind shares: the rendered page value, the per-locale render context, links and listings.

Independent of MkDocs: pages are HTML fragments with a title and a table of contents.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import html as html_lib
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from babel import Locale as BabelLocale
from babel.dates import format_date
from markupsafe import Markup, escape

from glossary_tool.core import foreign, languages
from glossary_tool.core.config import Settings
from glossary_tool.core.model import Comparison, Concept, ConceptLocale, Faq, Glossary, Source
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.site.render import collation
from glossary_tool.site.render.i18n import translations
from glossary_tool.site.render.text import LinkTarget, TermMatcher, safe_url

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Listings (the index, each category) are split into pages of this many entries, so that no page grows with
# the glossary: one page listing every term was the largest page of the site (1.6 MB at 10,000 concepts).
LISTING_PAGE_SIZE = 200


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds, in Jinja's private per-user folder under the temp directory and
    checked against each template's source: compiling them was a tenth of a small build. None where that folder
    cannot be made safely (Jinja refuses one owned by someone else); templates are then compiled each time."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


BYTECODE_CACHE = _bytecode_cache()


@dataclass(frozen=True, slots=True)
class Heading:
    """One entry of a page's table of contents."""

    level: int
    id: str
    title: str
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """One page of the site: where it goes, its title, its HTML body and its table of contents."""

    src: str  # path MkDocs sees, e.g. "terms/ligament.md"
    url: str  # e.g. "terms/ligament/"
    title: str
    html: str
    in_nav: bool = False
    nav_group: str = ""  # pages of one group (the categories) are listed together in the navigation
    description: str = ""
    search_words: str = ""  # indexed as a hidden search field, never shown
    toc: tuple[Heading, ...] = ()
    lastmod: str = ""  # ISO date of the last change to what the page shows (for the sitemaps)
    # A listing's entries, whose latest change is its lastmod (RenderContext.dated): a listing the build cache keeps
    # whole is dated again from them, since only its date follows an edit of their text.
    dated_by: tuple[str, ...] = ()


_HEADING = re.compile(r'<h([1-3]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_of(fragment: str) -> tuple[Heading, ...]:
    """The table of contents of an HTML fragment: its h1–h3 headings with ids, nested by level.

    Read from the page's own markup, so the contents can never disagree with the headings."""
    roots: list[list[Any]] = []  # [level, id, title, children]
    stack: list[list[Any]] = []
    for level_text, anchor, inner in _HEADING.findall(fragment):
        level = int(level_text)
        title = html_lib.unescape(_TAG.sub("", _PERMALINK.sub("", inner))).strip()
        node: list[Any] = [level, html_lib.unescape(anchor), title, []]
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][3] if stack else roots).append(node)
        stack.append(node)

    def freeze(node: list[Any]) -> Heading:
        return Heading(node[0], node[1], node[2], tuple(freeze(c) for c in node[3]))

    return tuple(freeze(n) for n in roots)


def page(src: str, title: str, body: str, **kwargs: Any) -> RenderedPage:
    """A RenderedPage whose URL and table of contents follow from its source path and body."""
    return RenderedPage(src, url_of(src), title, body, toc=toc_of(body), **kwargs)


def url_of(src: str) -> str:
    """Directory URL of a generated source path (``terms/ligament.md`` → ``terms/ligament/``, ``index.md`` → ``""``)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs, so the site works under any base path."""
    here, there = from_url.split("/"), to_url.split("/")
    if "." in here or ".." in here or "." in there or ".." in there:  # not a plain path: posixpath resolves it
        rel = posixpath.relpath("/" + to_url, "/" + from_url)
        return "./" if rel == "." else rel + "/"
    # What posixpath.relpath gives for plain paths (tests/render/test_render_context.py compares them), in 40 % of
    # its time: a concept page links to its page in every other language.
    here, there = [p for p in here if p], [p for p in there if p]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) + "/" if parts else "./"


def relative_file(from_url: str, path: str) -> str:
    """Relative link from a directory URL to a file (``downloads/glossary.csv``)."""
    return posixpath.relpath("/" + path, "/" + from_url)


# A sentence ends at . ! or ? followed by white space and a capital letter or digit (or by the end of the text):
# "e.g. banks" and "t.ex. banker" go on; "… work. The …" ends.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > 0:  # only a single word longer than the limit is cut inside itself
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def first_sentence(text: str, limit: int = 200) -> str:
    """Plain-text summary used for previews, listings and meta descriptions: the first sentence, at most ``limit``."""
    plain = re.sub(r"[*_`\[\]]|\(https?://[^)]*\)", "", " ".join(foreign.plain(text).split()))
    for m in _SENTENCE_END.finditer(plain):
        rest = plain[m.end():].lstrip(" \"'“‘«»([")
        if not rest or rest[0].isupper() or rest[0].isdigit():
            plain = plain[: m.end()]
            break
    return shorten(plain, limit)


def capitalized(text: str) -> str:
    """``text`` with a capital first letter: language names are lower case in many languages ("engelska"),
    headings start with a capital."""
    return text[:1].upper() + text[1:]


def preferred(block: ConceptLocale) -> str:
    """The term a concept is shown under: its first preferred term, else its first proposed one (a term the glossary
    coins), else its first term."""
    for status in ("preferred", "proposed"):
        for term in block.terms:
            if term.status == status:
                return term.text
    return block.terms[0].text


def jsonld(data: dict[str, Any]) -> Markup:
    """Structured data as a non-executable script; <, > and & are escaped so text cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a concept's page, with its label and short definition."""

    href: str
    label: str
    tooltip: str
    lang: str = ""  # the label's language when it is not the page's (an untranslated concept shows another's)


@dataclass(frozen=True, slots=True)
class SourceView:
    """A cited source: its title (in its own language), publisher, date and, when it has one, its http(s) URL."""

    title: str
    publisher: str | None
    url: str | None
    date: str | None
    date_label: str
    lang: str  # the title's language when it is not the page's


@dataclass(frozen=True, slots=True)
class Download:
    """A file the build publishes under ``downloads/``: the export format, its languages, size and omissions."""

    file: str  # e.g. "glossary.tbx", "glossary-en-sv.csv"
    fmt: str  # a name of the exporter registry
    locales: tuple[str, ...]  # () for every language
    size: int  # bytes
    omitted: int  # fields left out because they still hold a placeholder
    media_type: str

    @property
    def path(self) -> str:
        return f"downloads/{self.file}"


def _environment(project_locales: Path | None, locale: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless it is Markup made by the sanitizer
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=BYTECODE_CACHE,
    )
    # Text in another language carries lang and dir (lang_attrs); lists are joined with the page language's separator.
    env.globals.update(lang_attrs=languages.lang_attributes, sep=languages.separator(locale), page_dir=languages.direction(locale))
    # Catalog strings are text: Jinja marks what gettext returns as safe markup when it autoescapes, so what it gets
    # is escaped first (a translator's "<script>" shows as written). The i18n extension adds this method to the
    # environment at run time, so it is looked up by name.
    trans = translations(project_locales, locale)

    def gettext(message: str) -> str:
        return str(escape(trans.gettext(message)))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return str(escape(trans.ngettext(singular, plural, n)))

    getattr(env, "install_gettext_callables")(gettext, ngettext, newstyle=True)  # noqa: B009
    return env


@dataclass
class RenderContext:
    """One locale's view of the glossary, shared by every page kind of that locale's build."""

    glossary: Glossary
    settings: Settings
    locale: str
    site_name: str
    site_url: str
    stale: Callable[[Concept, str], list[str]]
    changed: Mapping[str, datetime.date | None] = field(default_factory=dict)  # entry id → date of its last change, if known
    today: datetime.date = field(default_factory=datetime.date.today)  # the build date: for entries without one
    downloads: Sequence[Download] = ()
    gettext: Callable[[str], str] = field(init=False)
    env: jinja2.Environment = field(init=False)
    concepts: dict[str, Concept] = field(init=False)
    matcher: TermMatcher = field(init=False)
    _summaries: dict[str, str] = field(init=False, default_factory=dict)
    _targets: dict[str, list[LinkTarget]] = field(init=False, default_factory=dict)  # each concept's, in the matcher
    _names: dict[str, str] = field(init=False, default_factory=dict)  # language_name's: Babel's lookup is slow

    def __post_init__(self) -> None:
        project_locales = self.settings.root / "locales"
        self.gettext = translations(project_locales, self.locale).gettext
        self.env = _environment(project_locales, self.locale)
        self.concepts = {c.id: c for c in self.glossary.concepts}
        self._targets = {c.id: self._link_targets(c) for c in self.concepts.values()}
        self.matcher = TermMatcher(t for i in self.concepts for t in self._targets[i])

    def after_edit(self, glossary: Glossary, edited: Iterable[str], changed: Mapping[str, datetime.date | None]) -> RenderContext:
        """This context for ``glossary``, in which only the entries ``edited`` differ from this context's glossary.

        What depends on each other concept alone (templates, catalogs, link targets, short definitions) is kept; the
        term matcher is made again only when a term in use came, went or moved, else only the edited concepts' short
        definitions in it change. The same as a context made afresh for ``glossary``."""
        new = copy.copy(self)
        new.glossary, new.changed = glossary, changed
        new.concepts = {c.id: c for c in glossary.concepts}
        ids = set(edited)
        new._summaries = {i: text for i, text in self._summaries.items() if i not in ids}
        new._targets = dict(self._targets)
        for i in ids:
            if (c := new.concepts.get(i)) is not None:
                new._targets[i] = new._link_targets(c)
            else:
                new._targets.pop(i, None)
        same = list(new.concepts) == list(self.concepts) and all(
            [t.term for t in new._targets.get(i, ())] == [t.term for t in self._targets.get(i, ())] for i in ids)
        if not same:
            new.matcher = TermMatcher(t for i in new.concepts for t in new._targets[i])
            return new
        # The same terms of the same concepts: the same pattern, and each term links where it did.
        new.matcher = copy.copy(self.matcher)
        by_text = new.matcher.by_text = dict(self.matcher.by_text)
        for i in ids & new._targets.keys():
            for t in new._targets[i]:
                known = by_text[t.term.casefold()]
                if known.href == t.href:
                    by_text[t.term.casefold()] = dataclasses.replace(known, tooltip=t.tooltip)
        return new

    def render(self, template: str, **values: Any) -> str:
        return self.env.get_template(template).render(**values)

    def label(self, concept: Concept) -> str:
        """The concept's name in this locale (its source-language name when it is not translated)."""
        block = concept.locales.get(self.locale) or concept.locales.get(self.settings.source_locale)
        return preferred(block) if block else concept.id

    def label_lang(self, concept: Concept) -> str:
        """The language of ``label(concept)`` when it is not this locale's ("" when it is, or is the bare id)."""
        if self.locale in concept.locales or self.settings.source_locale not in concept.locales:
            return ""
        return self.settings.source_locale

    def lang_of(self, code: str) -> str:
        """``code`` as a ``lang`` attribute for text in that language: "" when it is this page's language."""
        return "" if code == self.locale else code

    def language_name(self, code: str) -> str:
        """The name of the language ``code`` in this locale's language (Babel's CLDR data): "engelska", "Swedish"."""
        known = self._names.get(code)
        if known is not None:  # every concept page names every other language: once per build is enough
            return known
        try:
            name = BabelLocale.parse(code, sep="-").get_display_name(self.settings.locale(self.locale).babel)
        except (ValueError, TypeError):
            name = None
        out = self._names[code] = name or self.settings.locale(code).name
        return out

    def territory_name(self, code: str) -> str:
        """The name of a region (``US``, ``GB``, ``419``) in this locale's language (CLDR): "USA", "United Kingdom"."""
        try:
            name = BabelLocale.parse(self.settings.locale(self.locale).babel).territories.get(code)
        except (ValueError, TypeError):
            name = None
        return name if isinstance(name, str) else code

    def date_label(self, date: datetime.date) -> str:
        """``date`` written out in this locale ("1 december 2026", "December 1, 2026")."""
        return format_date(date, format="long", locale=self.settings.locale(self.locale).babel)

    def source(self, s: Source) -> SourceView:
        label = self.date_label(datetime.date.fromisoformat(s.date)) if s.date else ""
        # A title without a language is in the glossary's source language, the language it was written from.
        return SourceView(s.title, s.publisher, safe_url(s.url), s.date, label, self.lang_of(s.language or self.settings.source_locale))

    def changed_on(self, entry_id: str) -> datetime.date | None:
        """The date the entry last changed; None when it is unknown (an entry not given at all counts as changed today)."""
        return self.changed.get(entry_id, self.today)

    def lastmod(self, entry_ids: Iterable[str]) -> str:
        """The ISO date of the latest known change among ``entry_ids`` (the build date when none is known)."""
        return max((d for i in entry_ids if (d := self.changed_on(i)) is not None), default=self.today).isoformat()

    def dated(self, entry_ids: Iterable[str]) -> dict[str, Any]:
        """A listing page's date fields (``page``'s keywords): its ``lastmod`` and the entries it follows."""
        ids = tuple(entry_ids)
        return {"lastmod": self.lastmod(ids), "dated_by": ids}

    def summary(self, concept: Concept) -> str:
        """The concept's short definition in this locale; made once, as every page that links the concept shows it."""
        found = self._summaries.get(concept.id)
        if found is None:
            block = concept.locales.get(self.locale)
            found = self._summaries[concept.id] = first_sentence(block.definition) if block else self.gettext("Not yet translated")
        return found

    def link(self, concept_id: str, from_url: str) -> Link:
        c = self.concepts[concept_id]
        return Link(relative(from_url, f"terms/{c.id}/"), self.label(c), self.summary(c), self.label_lang(c))

    def in_locale(self, from_url: str, code: str, url: str) -> str:
        """A relative link from this locale's page ``from_url`` to the page ``url`` of locale ``code``."""
        return relative(self.settings.locale(self.locale).prefix + from_url, self.settings.locale(code).prefix + url)

    def at_root(self, from_url: str, path: str) -> str:
        """A relative link from this locale's page ``from_url`` to a file published once, by the first locale's
        build (the downloads)."""
        return relative_file(self.settings.locale(self.locale).prefix + from_url, self.settings.locales[0].prefix + path)

    def category_label(self, category_id: str) -> str:
        category = self.settings.category(category_id)
        return category.label(self.locale, self.settings.source_locale) if category else category_id

    @property
    def order(self) -> collation.Collation:
        """This locale's alphabetical order and letter headings."""
        return collation.collation(self.locale, self.settings.han_order)

    def sort_ids(self, ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda cid: self.sort_key(self.concepts[cid]))

    def sort_key(self, concept: Concept) -> collation.SortKey:
        """Where ``concept`` goes in this locale's listings: by its title (and its reading, when it has one)."""
        title = self.label(concept)
        block = concept.locales.get(self.locale)
        term = next((t for t in block.terms if t.text == title), None) if block else None
        return collation.sort_key(title, self.locale, term.reading or "" if term else "", self.settings.han_order)

    def _link_targets(self, other: Concept) -> list[LinkTarget]:
        """The concept's terms in use (not deprecated or obsolete) in this locale, linked from a term page (``../<id>/``)."""
        block = other.locales.get(self.locale)
        if block is None:
            return []
        tip = first_sentence(block.definition)
        return [LinkTarget(t.text, f"../{other.id}/", tip) for t in block.terms if t.status not in NOT_IN_USE]


E = TypeVar("E", Comparison, Faq)


def by_concept(entries: Iterable[E]) -> dict[str, list[E]]:
    """Entries (comparisons, FAQs) grouped by each concept they name, in glossary order, each once per concept."""
    out: dict[str, list[E]] = {}
    for entry in entries:
        for cid in dict.fromkeys(entry.concepts):
            out.setdefault(cid, []).append(entry)
    return out


T = TypeVar("T")


def chunked(items: Sequence[T]) -> list[list[T]]:
    """A listing split into pages of at most ``LISTING_PAGE_SIZE`` entries (one empty page when there are none)."""
    return [list(items[i:i + LISTING_PAGE_SIZE]) for i in range(0, len(items), LISTING_PAGE_SIZE)] or [[]]


def listing_url(base: str, n: int) -> str:
    """URL of page ``n`` (0-based) of a listing: the first page keeps the listing's own URL."""
    return base if n == 0 else f"{base}{n + 1}/"


def listing_src(stem: str, n: int) -> str:
    return f"{stem}.md" if n == 0 else f"{stem}/{n + 1}.md"


def listing_title(title: str, n: int, total: int) -> str:
    return title if total == 1 else f"{title} ({n + 1}/{total})"


@dataclass(frozen=True, slots=True)
class Pager:
    """Links to the previous and next page of a listing."""

    page: int
    pages: int
    prev: str | None
    next: str | None


def pager(urls: Sequence[str], n: int) -> Pager | None:
    """The pager of page ``n``; None when the listing fits on one page."""
    if len(urls) == 1:
        return None
    return Pager(n + 1, len(urls), relative(urls[n], urls[n - 1]) if n > 0 else None,
                 relative(urls[n], urls[n + 1]) if n + 1 < len(urls) else None)
