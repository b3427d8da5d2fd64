"""The incremental rebuild of ``serve``: every locale built once and kept warm; an edit renders again what depends on it.

An edited entry is parsed alone and the glossary checked again; in each locale, each kind of page (``core/layout.py``)
is rendered again where it shows what changed, and only the pages whose content differs are templated again.
"""

from __future__ import annotations

import bisect
import gc
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from glossary_tool.core.config import RawConfig, Settings
from glossary_tool.core.layout import PAGE_KINDS, PageKind, Shows, under
from glossary_tool.core.loading import load_documents, load_glossary, validate
from glossary_tool.core.mkdocs_compat import render_pages
from glossary_tool.core.model import Comparison, Concept, Entry, Faq, Glossary
from glossary_tool.core.problems import FatalError, Problem, Severity
from glossary_tool.core.terms import Languages
from glossary_tool.core.translation import stale_fields
from glossary_tool.lint import check, severity_of, stamp
from glossary_tool.lint.incremental import Links, Relint
from glossary_tool.lint.reporters import REPORTERS
from glossary_tool.lint.rules import load_all
from glossary_tool.lint.rules.registry import Rule
from glossary_tool.site import search_index
from glossary_tool.site.locale_builds import REQUEST, BuildRequest, root_url
from glossary_tool.site.render import RenderedPage, category, comparison, concept, faq, home, index_az, pair, status
from glossary_tool.site.render.concept_map import Hierarchy
from glossary_tool.site.render.context import RenderContext, by_concept
from glossary_tool.site.serve.watching import Snapshot, snapshot
from glossary_tool.site.state import LocaleState


@dataclass
class LocaleSite:
    """One locale's MkDocs build, kept in memory between edits: its config and the state its build left."""

    code: str
    config_file: Path
    site_dir: Path
    site_url: str
    config: Any = None
    state: LocaleState | None = None
    untrusted: bool = False
    ctx: RenderContext | None = None  # the render context of the last good glossary, which an edit updates

    @classmethod
    def create(cls, config_file: Path, code: str, site_dir: Path, site_url: str, *, untrusted: bool = False) -> LocaleSite:
        return cls(code, config_file, site_dir, site_url, untrusted=untrusted)

    def full(self) -> None:
        """Build this locale in full; the plugin hands back its state through the build request."""
        from mkdocs.commands import build as mk_build

        from glossary_tool.core.trust import mkdocs_config

        # A fresh config for every full build: the plugin sets it up for its locale in place (styles, templates). It
        # is read and checked as `build` does, every time: an edit of mkdocs.yml is checked before MkDocs sees it.
        self.config = mkdocs_config(self.config_file, untrusted=self.untrusted, site_dir=str(self.site_dir), site_url=self.site_url)
        request = BuildRequest(self.code)
        token = REQUEST.set(request)  # this process builds every locale itself, one after the other
        try:
            mk_build.build(self.config, serve_url=self.config.site_url)
        finally:
            REQUEST.reset(token)
        self.state = request.state

    def warm(self, glossary: Glossary, settings: Settings) -> None:
        """Make the render context of ``glossary``, which the full build left, for the first edit to update."""
        state = self.state
        assert state is not None
        self.ctx = RenderContext(glossary, settings, self.code, state.site_name, self.config.site_url or "",
                                 lambda c, code: stale_fields(c, code, settings.source_locale), state.dates, state.today, state.downloads)

    def render(self, edit: Edit, shared: Shared) -> Rendering:
        """This locale's view of the glossary after ``edit``, to render its pages again with."""
        state, ctx = self.state, self.ctx
        assert state is not None and ctx is not None
        # An edited entry changed today; the exports (and their sizes) are made again by the next full build.
        dates = {**state.dates, **dict.fromkeys(edit.edited, state.today)}
        return Rendering(ctx.after_edit(edit.after, edit.edited, dates), shared)

    def first(self, edit: Edit, rendering: Rendering) -> list[str]:
        """Template again the pages of the edited concepts themselves, which a writer has open: the rest follows in
        ``update``. Returns the URLs rebuilt; raises _NeedsFullBuild as ``update`` does."""
        assert self.state is not None
        changed = [p for c in edit.new if _differs(self.state.pages.get((p := rendering.concept_page(c)).src), p)]
        _template(self.state, self.config, changed)
        return [p.url for p in changed]

    def update(self, edit: Edit, rendering: Rendering) -> list[str]:
        """Render again, kind by kind (``core/layout.py``), the pages that show what ``edit`` changed; template those
        whose content differs and update the search index. Returns the URLs rebuilt; raises _NeedsFullBuild when a
        page would appear or go, or the navigation would change (every page shows it)."""
        state, config, ctx = self.state, self.config, rendering.ctx
        assert state is not None
        changed = [p for p in _rerendered(state, rendering, edit) if _differs(state.pages.get(p.src), p)]
        _template(state, config, changed)
        state.glossary, state.dates = edit.after, ctx.changed
        index_files = state.index.files(state.index.records(edit.after, ctx.settings, state.pages.values()))
        search_index.write(Path(config.site_dir) / search_index.INDEX_DIR, index_files, state.index_files)
        state.index_files = index_files
        self.ctx = ctx
        return [p.url for p in changed]


class Shared:
    """What concept pages need of the whole glossary after an edit that is the same in every locale: made once, for
    the first locale that asks."""

    def __init__(self) -> None:
        self._maps: tuple[dict[str, list[Comparison]], dict[str, list[Faq]], dict[tuple[str, str], list[str]], Hierarchy] | None = None

    def maps(self, ctx: RenderContext) -> tuple[dict[str, list[Comparison]], dict[str, list[Faq]], dict[tuple[str, str], list[str]], Hierarchy]:
        if self._maps is None:
            glossary = ctx.glossary
            self._maps = (by_concept(glossary.comparisons), by_concept(glossary.faqs), concept.inbound(ctx), Hierarchy.of(glossary.concepts, ctx.concepts))
        return self._maps


class Rendering:
    """One locale's render context after an edit, with what every concept page of it needs, made once."""

    def __init__(self, ctx: RenderContext, shared: Shared) -> None:
        self.ctx, self.shared = ctx, shared

    @cached_property
    def _faq_urls(self) -> dict[str, str]:
        return faq.faq_locations(self.ctx)

    def concept_page(self, c: Concept) -> RenderedPage:
        comps_of, faqs_of, incoming, tree = self.shared.maps(self.ctx)
        return concept.concept_page(self.ctx, c, comps_of.get(c.id, []), faqs_of.get(c.id, []), incoming, self._faq_urls, tree)


def _rerendered(state: LocaleState, rendering: Rendering, edit: Edit) -> list[RenderedPage]:
    """Every page that shows something ``edit`` changed, rendered again, kind by kind; _NeedsFullBuild when a listing
    would grow or shrink by a page, or a category appear or empty."""
    # Pages by the stem of a listing's paths ("categories/model": categories/model.md, categories/model/2.md …),
    # whose pages must be the ones the site has; pages that stand alone under "".
    groups: dict[str, list[RenderedPage]] = {"": []}
    for kind in PAGE_KINDS:
        for stem, pages in RERENDER[kind.shows](kind, rendering, edit).items():
            groups.setdefault(stem, []).extend(pages)
    for stem, group in groups.items():
        if stem and {p.src for p in group} != {src for src in state.pages if under(src, stem)}:
            raise _NeedsFullBuild(stem)
    return [p for group in groups.values() for p in group]


def _template(state: LocaleState, config: Any, pages: list[RenderedPage]) -> None:
    """Put ``pages`` in the locale's state and write each through the theme's templates, as the full build did."""
    assert state.files is not None and state.nav is not None and state.env is not None
    files = [state.files.get_file_from_path(p.src) for p in pages]
    found = [file.page for file in files if file is not None and file.page is not None]
    if len(found) != len(pages):
        raise _NeedsFullBuild("a page MkDocs does not know")
    state.pages.update((p.src, p) for p in pages)
    render_pages(found, config, state.files, state.nav, state.env)


def _differs(known: RenderedPage | None, page: RenderedPage) -> bool:
    """Whether ``page`` must be templated again; _NeedsFullBuild when it is new or the navigation shows it otherwise."""
    if known == page:
        return False
    if known is None or ((page.in_nav or known.in_nav) and (page.title, page.in_nav, page.nav_group) != (known.title, known.in_nav, known.nav_group)):
        raise _NeedsFullBuild(page.src)
    return True


@dataclass(frozen=True)
class Edit:
    """What one save changed: the glossary before and after, the ids of the entries edited (old and new versions
    alike), and the concepts whose pages show something of them (``dependents``)."""

    before: Glossary
    after: Glossary
    edited: frozenset[str]
    affected: frozenset[str]

    @cached_property
    def old(self) -> list[Concept]:
        return [c for cid in self.edited if (c := self.before.concept(cid)) is not None]

    @cached_property
    def new(self) -> list[Concept]:
        return [c for cid in self.edited if (c := self.after.concept(cid)) is not None]

    def about(self, entries: Iterable[Comparison | Faq]) -> bool:
        """Whether any of ``entries`` (comparisons or questions) was edited or is about an edited concept."""
        return any(e.id in self.edited or not self.edited.isdisjoint(e.concepts) for e in entries)


# What each kind of page shows (``Shows``), rendered again for an edit: stem of a listing → its pages, every one of
# them ("" for pages that stand alone). A kind the edit does not touch gives nothing.
Rerender = Callable[[PageKind, Rendering, Edit], dict[str, list[RenderedPage]]]


def _everything(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    return {"": [home.home_page(ctx)]}


def _linked(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    return {"": [r.concept_page(c) for c in edit.after.concepts if c.id in edit.affected]}


def _category(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    categories = {c.category for c in (*edit.old, *edit.new)}
    groups: dict[str, list[RenderedPage]] = {kind.stem(cat): [] for cat in categories}
    for p in category.category_pages(ctx, only=categories) if categories else []:
        groups[kind.stem(p.src.removesuffix(".md").split("/")[1])].append(p)
    return groups


def _terms(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    # The A–Z index lists the terms alone: an edit that leaves them as they were leaves it as it was.
    if [_terms_in(c, ctx.locale) for c in edit.old] == [_terms_in(c, ctx.locale) for c in edit.new]:
        return {}
    return {kind.stem(): index_az.index_pages(ctx)}


def _all_terms(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    if [_every_term(c) for c in edit.old] == [_every_term(c) for c in edit.new]:
        return {}
    return {kind.stem(): pair.pair_pages(ctx)}


def _comparisons(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    return {"": [comparison.comparison_page(ctx, c) for c in edit.after.comparisons if edit.about([c])]}


def _questions(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    if not (edit.about(edit.before.faqs) or edit.about(edit.after.faqs)):
        return {}
    return {kind.stem(): faq.faq_pages(ctx)}


def _translations(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    ctx = r.ctx
    return {kind.stem(): status.status_pages(ctx)} if edit.old or edit.new else {}


def _exports(kind: PageKind, r: Rendering, edit: Edit) -> dict[str, list[RenderedPage]]:
    return {}  # the exports and their sizes are made again by the next full build


RERENDER: dict[Shows, Rerender] = {
    Shows.EVERYTHING: _everything, Shows.LINKED: _linked, Shows.CATEGORY: _category, Shows.TERMS: _terms,
    Shows.ALL_TERMS: _all_terms, Shows.COMPARISONS: _comparisons, Shows.QUESTIONS: _questions,
    Shows.TRANSLATIONS: _translations, Shows.EXPORTS: _exports,
}


def _terms_in(c: Concept, code: str) -> object:
    block = c.locales.get(code)
    return None if block is None else [(t.text, t.status) for t in block.terms]


def _every_term(c: Concept) -> object:
    return c.category, sorted((code, [(t.text, t.status) for t in block.terms]) for code, block in c.locales.items())


class _NeedsFullBuild(Exception):
    pass


def dependents(before: Glossary, after: Glossary, old: Sequence[Entry], new: Sequence[Entry], links: Links, folded: Folded) -> set[str]:
    """The ids whose pages show something of the entries edited (``old`` in ``before``, ``new`` in ``after``): the
    concepts they link to and that link to them (a link carries the target's name and short definition), pages whose
    text names one of their terms (it becomes such a link), the concepts a comparison or question is about (their
    pages list it), and those comparisons and questions. ``links`` knows who points at whom in ``after``."""
    edited = [*old, *new]
    ids = {e.id for e in edited}
    out = ids | links.pointing_at(ids)
    for e in edited:
        if not isinstance(e.model, Concept):
            out.update(e.model.concepts)
    out |= _neighbours(before, [e.model for e in old if isinstance(e.model, Concept)])
    out |= _neighbours(after, [e.model for e in new if isinstance(e.model, Concept)])
    terms = {t.text.casefold() for e in edited if isinstance(e.model, Concept) for b in e.model.locales.values() for t in b.terms}
    return out | folded.naming(after, terms)


def _neighbours(glossary: Glossary, concepts: Iterable[Concept]) -> set[str]:
    """The concepts that ``concepts`` link to, and their siblings (each draws the others on its concept map)."""
    out: set[str] = set()
    for c in concepts:
        for r in c.relations:
            out.update(c.targets(r))
        for b in c.targets("broader"):
            parent = glossary.concept(b)
            out.update(parent.targets("narrower") if parent is not None else ())
    return out


class Folded:
    """Each concept's definitions in lower case, kept from one edit to the next, to find the concepts naming a term."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[Concept, str]] = {}

    def learn(self, glossary: Glossary) -> tuple[list[str], list[str]]:
        """The ids of the concepts of ``glossary`` and their definitions in lower case, each made once."""
        ids: list[str] = []
        texts: list[str] = []
        for c in glossary.concepts:
            known = self.known.get(c.id)
            if known is None or known[0] is not c:
                known = self.known[c.id] = (c, "\0".join(b.definition.casefold() for b in c.locales.values()))
            ids.append(c.id)
            texts.append(known[1])
        return ids, texts

    def naming(self, glossary: Glossary, terms: set[str]) -> set[str]:
        """The concepts of ``glossary`` whose definitions (in lower case) hold one of ``terms`` (in lower case)."""
        if not terms:
            return set()
        ids, texts = self.learn(glossary)
        # One text searched by str.find for each term instead of each concept's: a match counts where it lies within
        # one concept's definitions (it could span two only if the term held their separator).
        starts = [0]
        for text in texts:
            starts.append(starts[-1] + len(text) + 1)
        whole = "\0".join(texts)
        out: set[str] = set()
        for term in terms:
            at = whole.find(term)
            while at >= 0:
                k = bisect.bisect_right(starts, at) - 1
                if at + len(term) <= starts[k] + len(texts[k]):
                    out.add(ids[k])
                    at = whole.find(term, starts[k + 1])
                else:
                    at = whole.find(term, at + 1)
        return out


class Project:
    """The warm glossary and every locale's site; ``refresh`` brings them up to date with the files."""

    def __init__(self, raw: RawConfig, settings: Settings, out: Path, *, untrusted: bool = False) -> None:
        self.raw, self.settings, self.out = raw, settings, out
        self.base = root_url(settings.site_url)
        self.sites = [LocaleSite.create(raw.path, loc.code, self.folder(loc.code), self.base + loc.prefix, untrusted=untrusted)
                      for loc in settings.locales]
        self.watched = [settings.content_dir, settings.root / "locales"]
        self.files = snapshot(self.watched, [raw.path])
        self.glossary: Glossary | None = None
        self.pending: set[Path] = set()  # files changed since the last good rebuild, which it has not read yet
        self.languages: Languages | None = None  # what lint keeps between checks: the stemmed words of every text seen
        self.relint: Relint | None = None  # the error rules again after an edit, and who points at whom
        self.folded = Folded()  # each concept's definitions in lower case (see dependents)
        self.abspaths: dict[str, str] = {}

    def errors(self, glossary: Glossary, problems: list[Problem], *, catalogs: bool = True) -> list[Problem]:
        """The errors among the loading ``problems`` and the rules' findings in ``glossary``, stamped. Only an error
        stops a rebuild, so only the rules configured as errors run; the catalogs' rules only when ``catalogs`` (an
        edit of an entry leaves the catalogs as the last good rebuild found them). The rules' stemmed words and term
        patterns are kept from one check to the next (they depend on each text alone), the rest is redone."""
        found = stamp([*problems, *check(glossary, self.settings, self._rules(catalogs=catalogs), languages=self._languages())], self.settings)
        return [p for p in found if p.severity is Severity.ERROR]

    def _rules(self, *, catalogs: bool) -> list[Rule]:
        return [r for r in load_all().values() if severity_of(r, self.settings) is Severity.ERROR and (catalogs or r.scope != "catalog")]

    def _languages(self) -> Languages:
        if self.languages is None:
            self.languages = Languages()
        return self.languages

    def folder(self, code: str) -> Path:
        return self.out / code

    def mount(self) -> list[tuple[str, Path]]:
        """URL prefix → folder, the longest prefix first."""
        pairs = [("/" + loc.prefix, self.folder(loc.code)) for loc in self.settings.locales]
        return sorted(pairs, key=lambda p: -len(p[0]))

    def full(self) -> None:
        not_regular = [p for p, (_, _, regular) in self.files.items() if not regular]
        if not_regular:
            raise FatalError(f"{not_regular[0]}: not a regular file; entries must be plain files")
        gc.unfreeze()  # what the last full build left may be garbage now
        self.glossary = self.relint = None
        for site in self.sites:
            site.ctx = None
            site.full()
        first = self.sites[0].state
        glossary = first.glossary if first is not None else None
        if glossary is None:
            return
        if self.languages is None:
            self.errors(glossary, [], catalogs=False)  # the build has linted already; this stems every text for the first edit
        self.relint = Relint(self.settings, self._rules(catalogs=False), self._languages(), glossary)
        # What the first edit would make otherwise, for the first edit to be as quick as the next.
        self.relint.prepare(glossary)
        self.folded.learn(glossary)
        for e in glossary.entries:
            self._abspath(e.doc.path)
        # Every locale's build loaded the entries itself; from now on they share these, which the search index
        # recognizes as unchanged from one edit to the next.
        for site in self.sites:
            if site.state is not None:
                site.state.index.records(glossary, self.settings, site.state.pages.values())
                site.warm(glossary, self.settings)
        self.glossary = glossary
        # The warm site is millions of objects that live until the next full build: the collector stops walking
        # them at every collection an edit sets off (at 10,000 concepts each walk took about a second).
        gc.collect()
        gc.freeze()

    def refresh(self, now: Snapshot, shown: Callable[[list[str]], None] = lambda urls: None) -> list[str]:
        """Rebuild after the files changed from ``self.files`` to ``now``; the URLs rebuilt. Raises Broken with the
        problems when the new state has errors (the old pages stay). ``shown`` is told the URLs of the edited
        entries' own pages as soon as they are rebuilt, before the rest."""
        before, self.files = self.files, now
        changed = [p for p in now.keys() | before.keys() if now.get(p) != before.get(p)]
        if not changed:
            return []
        # A file whose broken version was not used is read again with this edit, so its problems stay shown.
        changed = sorted({*changed, *self.pending})
        self.pending = set(changed)
        weird = [p for p in changed if p in now and not now[p][2]]
        if weird:
            raise Broken(f"{weird[0]}: not a regular file (a FIFO, a device or a link); it is not read")
        if self.glossary is None or any(self._structural(p, before, now) for p in changed):
            return self._rebuild_all()
        edit = self._edit(self.glossary, [p for p in changed if p in now])
        try:
            urls = self._update(edit, shown)
        except _NeedsFullBuild:
            return self._rebuild_all()
        self.glossary = edit.after
        self.pending = set()
        assert self.relint is not None
        self.relint.passed()
        return urls

    def _update(self, edit: Edit, shown: Callable[[list[str]], None]) -> list[str]:
        """Every locale brought up to date with ``edit``; the URLs rebuilt. The edited concepts' own pages come first,
        in every locale: the pages a writer has open show the edit while the pages that link to it, the listings and
        the search index are made."""
        shared = Shared()
        renderings = [(site, site.render(edit, shared)) for site in self.sites]
        urls = [url for site, r in renderings for url in site.first(edit, r)]
        if urls:
            shown(urls)
        return urls + [url for site, r in renderings for url in site.update(edit, r)]

    def _structural(self, path: Path, before: Snapshot, now: Snapshot) -> bool:
        """Whether a change of ``path`` needs every locale built again: a file that came or went, a catalog, the config."""
        return path not in now or path not in before or path.suffix == ".po" or path == self.raw.path

    def _edit(self, glossary: Glossary, paths: list[Path]) -> Edit:
        """``glossary`` with ``paths`` read again, checked, and what depends on them; Broken when it has errors."""
        after, problems, old, new = self._splice(glossary, paths)
        assert self.relint is not None
        found = stamp([*problems, *self.relint.problems(glossary, after)], self.settings)
        errors = [p for p in found if p.severity is Severity.ERROR]
        if errors:
            raise Broken(REPORTERS["text"](errors))
        affected = dependents(glossary, after, old, new, self.relint.links, self.folded)
        return Edit(glossary, after, frozenset(e.id for e in (*old, *new)), frozenset(affected))

    def _rebuild_all(self) -> list[str]:
        glossary, problems = load_glossary(self.settings)
        errors = self.errors(glossary, problems)
        if errors:
            raise Broken(REPORTERS["text"](errors))
        self.full()
        self.pending = set()
        return ["*"]

    def _splice(self, glossary: Glossary, paths: list[Path]) -> tuple[Glossary, list[Problem], list[Entry], list[Entry]]:
        """``glossary`` with the entries of ``paths`` parsed again; the loading problems, and the entries of ``paths``
        before and after."""
        docs, problems = load_documents(paths, self.settings, jobs=1)
        keys = {os.path.abspath(p) for p in paths}
        fresh = {os.path.abspath(d.path): d for d in docs}
        by_path = dict(fresh)
        old: list[Entry] = []
        new: list[Entry] = []
        entries: list[Entry] = []
        for e in glossary.entries:
            key = self._abspath(e.doc.path)
            if key not in keys:
                entries.append(e)
                continue
            old.append(e)
            doc = by_path.pop(key, None)
            if doc is None:  # the file's other entries, or a file that no longer parses
                continue
            entry, found = validate(doc)
            problems.extend(found)
            if entry is not None:
                entries.append(entry)
                new.append(entry)
        documents = tuple(fresh.get(self._abspath(d.path), d) for d in glossary.documents)
        return Glossary(tuple(entries), documents, glossary.others), problems, old, new

    def _abspath(self, path: str) -> str:
        """``os.path.abspath(path)``, kept: an edit looks up every entry's file by it, 10,000 of them at 10,000 concepts."""
        found = self.abspaths.get(path)
        if found is None:
            found = self.abspaths[path] = os.path.abspath(path)
        return found


class Broken(Exception):
    """The edited files have errors: the last good pages stay, and the error is shown on them."""


