"""The build cache of ``glossary-tool build``: each locale's finished pages, keyed by a hash of everything they are made
from, so that a rebuild skips the theme's templates for every page whose inputs did not change; and each concept page's
content, keyed by the entries it shows, so that a rebuild does not render an unchanged concept page at all.

One plain file per page: ``<cache>/pages/<locale>/<key>.<sha256>.html`` is the page as published, checked against the
SHA-256 in its name (a rebuild links it into the site: PageFiles), and ``<cache>/fragments/<locale>/<key>.json`` has a
first line with the format and the SHA-256 of the rest; a file that does not match is ignored with a warning. No code
and no pickle: a cache file can only be text (or JSON of text) a page shows, and only a trusted build reads it
(SECURITY.md)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from glossary_tool import __version__
from glossary_tool.core.layout import CONCEPT, PAGE_KINDS, Shows, kind_of
from glossary_tool.core.model import Concept, Glossary
from glossary_tool.site.generated_page import SkippedFile, describe
from glossary_tool.site.render.context import Download, Heading, RenderedPage, first_sentence

if TYPE_CHECKING:
    from glossary_tool.site.search_index import Index
    from glossary_tool.site.state import LocaleState

# The folder inside the project (git-ignored) and the variable that hands it to a locale's build process: without it
# (a plain `mkdocs build`, `serve`, an untrusted build, `--no-cache`) a build reads and writes no cache.
CACHE_DIR = ".glossary-cache"
CACHE_ENV = "GLOSSARY_TOOL_BUILD_CACHE"
# Where a locale's build leaves its cache warnings for `glossary-tool build` to print: its own staging folder,
# removed before the site is put in place (a warning on MkDocs' log would fail a strict build).
WARNINGS_FILE = ".glossary-cache-warnings"
# The template a cached page is built with: it prints nothing, and the plugin hands MkDocs the cached page instead.
CACHED_TEMPLATE = "glossary-cached.html"
FORMAT = "glossary-tool-page-cache 2"
FRAGMENT_FORMAT = "glossary-tool-fragment-cache 1"
MAX_PAGE_BYTES = 64 * 1024 * 1024  # far above any page; a larger file is not read at all
_KEY = re.compile(r"[0-9a-f]{64}")


def digest(parts: Iterable[Any]) -> str:
    """The SHA-256 of ``parts`` as canonical JSON (objects it does not know become their ``repr``)."""
    text = json.dumps(list(parts), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folder_digest(folder: Path, pattern: str = "*") -> str:
    """The SHA-256 of every file under ``folder`` matching ``pattern``, names and contents (the theme's templates, the
    project's catalogs, the package's code)."""
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The SHA-256 of the package's own code: a page also depends on the Python that finishes it (compaction, text
    direction), and a changed working copy keeps its version number."""
    return folder_digest(Path(__file__).resolve().parent.parent, "*.py")


class PageCache:
    """One locale's cached pages: ``get`` and ``put`` by key while the build runs, ``prune`` once it has succeeded.
    ``kind``, ``suffix`` and ``fmt`` name the store: finished pages (the default) or concept pages' content."""

    def __init__(self, root: Path, locale: str, kind: str = "pages", suffix: str = ".html", fmt: str = FORMAT) -> None:
        self.root, self.locale, self.folder = root, locale, root / kind / locale
        self.suffix, self.fmt = suffix, fmt
        self.warnings: list[str] = []
        self.used: set[str] = set()
        self.bad: set[str] = set()  # keys whose file was found invalid: warned about once
        self.hits = self.misses = 0
        self.usable = _real_folder(self.folder, self.warnings)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def has(self, key: str) -> bool:
        """Whether a page is cached under ``key`` (``get`` reads and checks it; one found invalid is not there)."""
        return self.usable and key not in self.bad and self._path(key).is_file()

    def get(self, key: str) -> str | None:
        """The page cached under ``key``, or None (not there, or not a valid cache file: then with a warning)."""
        data = self.get_bytes(key)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.hits -= 1
            self.invalid(self._path(key), "not UTF-8")
            return None

    def get_bytes(self, key: str) -> bytes | None:
        """The bytes cached under ``key``, or None (not there, or damaged: then with a warning)."""
        self.used.add(key)
        if not self.usable or key in self.bad:
            return None
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            self.invalid(path, exc.strerror or "cannot be read")
            return None
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)
        body = self._checked(key, data) if len(data) <= MAX_PAGE_BYTES else None
        if body is None:
            self.invalid(path, "not a page this version wrote, or damaged")
            return None
        self.hits += 1
        return body

    def _checked(self, key: str, data: bytes) -> bytes | None:
        """What a file holds under its first line, when that line names this store's format and the SHA-256 of the rest."""
        head, _, body = data.partition(b"\n")
        return body if head == f"{self.fmt} {hashlib.sha256(body).hexdigest()}".encode("ascii") else None

    def invalid(self, path: Path, why: str) -> None:
        """Count the file at ``path`` as not there, with a warning (once: its key is not looked at again)."""
        self.bad.add(path.name.split(".", 1)[0])  # the key: 64 hex digits, then the store's own suffixes
        self.misses += 1
        self.warnings.append(f"{path}: build cache file ignored ({why}); the page is built afresh")

    def put(self, key: str, page: str) -> None:
        """Keep ``page`` under ``key``: written beside and renamed, so a crash never leaves half a file under the key."""
        self.put_bytes(key, page.encode("utf-8", errors="xmlcharrefreplace"))

    def put_bytes(self, key: str, body: bytes) -> None:
        """Keep ``body`` under ``key`` (``put``)."""
        self.used.add(key)
        if not self.usable:
            return
        data = self._stored(key, body)
        if data is not None:
            self.bad.discard(key)  # written afresh: no longer the damaged file it may have been
            self._write(key, data)

    def _stored(self, key: str, body: bytes) -> bytes | None:
        """The file that keeps ``body`` under ``key``: a first line with the format and the body's SHA-256, then the
        body (None: the store keeps it already)."""
        return f"{self.fmt} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body

    def _write(self, key: str, data: bytes) -> None:
        """Write ``data`` at ``key``'s path: beside it first, then renamed over it, which replaces a link at the path
        itself and never writes through it. A refused write turns the cache off for the rest of the build."""
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, self._path(key))
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            self.warnings.append(f"{self.folder}: cannot write the build cache ({exc.strerror}); the build goes on without it")
            self.usable = False

    def prune(self) -> None:
        """Delete what this build did not use (the pages of an older version, of a deleted entry, of a former text):
        the cache stays the size of one site."""
        if not self.usable:
            return
        for entry in os.scandir(self.folder):
            key = entry.name.split(".", 1)[0]
            if not (_KEY.fullmatch(key) and key in self.used and entry.name == self._path(key).name):
                try:
                    if entry.is_dir(follow_symlinks=False):
                        continue  # nothing this cache writes; left to whoever made it
                    os.unlink(entry.path)
                except OSError:
                    pass



class PageFiles(PageCache):
    """One locale's finished pages, each kept as the very file the site publishes, so that a rebuild links an unchanged
    page into the new site (one directory entry) rather than writing its bytes again, which costs about as much as
    making the folder it goes in. ``<key>.<sha256>.html`` holds the page alone: the SHA-256 in its name checks it as
    the other stores' first line does. A site's file that something edits in place edits the cache's file too: its
    bytes then no longer match its name, and the page is built afresh."""

    def __init__(self, root: Path, locale: str) -> None:
        super().__init__(root, locale, kind="pages", suffix=".html", fmt=FORMAT)
        self.sha: dict[str, str] = {}  # a page's key → the SHA-256 of the bytes kept under it
        if self.usable:
            for entry in os.scandir(self.folder):
                named = _PAGE_FILE.fullmatch(entry.name)
                if named is not None:
                    self.sha.setdefault(named[1], named[2])

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.{self.sha.get(key, '')}{self.suffix}"

    def _checked(self, key: str, data: bytes) -> bytes | None:
        return data if hashlib.sha256(data).hexdigest() == self.sha.get(key) else None

    def _stored(self, key: str, body: bytes) -> bytes | None:
        sha = hashlib.sha256(body).hexdigest()
        if self.sha.get(key) == sha and key not in self.bad:
            return None  # kept already, byte for byte
        self.sha[key] = sha  # names the file it is written to
        return body

    def link(self, key: str, dest: Path) -> bool:
        """Put the page kept under ``key`` at ``dest`` (a new name in the folder being built), checked first; False
        when there is none. A hard link where the file system allows one, else a copy."""
        data = self.get_bytes(key)
        if data is None:
            return False
        try:
            os.link(self._path(key), dest, follow_symlinks=False)
        except OSError:  # another file system, or one without links: the bytes just read
            dest.write_bytes(data)
        return True


_PAGE_FILE = re.compile(r"([0-9a-f]{64})\.([0-9a-f]{64})\.html")


def write_warnings(site_dir: Path, caches: Iterable[PageCache]) -> None:
    """Leave what ``caches`` found wrong for `glossary-tool build` to print (WARNINGS_FILE)."""
    warnings = [w for cache in caches for w in cache.warnings]
    if warnings:
        (site_dir / WARNINGS_FILE).write_text("\n".join(warnings) + "\n", encoding="utf-8")


def _real_folder(folder: Path, warnings: list[str]) -> bool:
    """Make ``folder`` (and the folders above it, below the cache root) unless there; False, with a warning, when
    any of them is a link or not a folder: the cache is then not used, and nothing is written through it."""
    parts = [folder.parent.parent, folder.parent, folder]
    for part in parts:
        try:
            os.mkdir(part)
        except FileExistsError:
            pass
        except OSError as exc:
            warnings.append(f"{part}: cannot make the build cache folder ({exc.strerror}); the build goes on without it")
            return False
        if part.is_symlink() or not part.is_dir():
            warnings.append(f"{part}: the build cache folder is a link or not a folder; the build goes on without the cache")
            return False
    return True


def page_key(common: str, fields: Mapping[str, Any]) -> str:
    """A page's key: the locale's common inputs (``common``, a digest) and the page's own."""
    return digest([common, fields])


def common_digest(config: MkDocsConfig, locale: str, base: str, project: Path, nav: Navigation) -> str:
    """What every page of a locale reads besides its own fields: the versions, the theme's templates and settings,
    the project's configuration and catalogs, and the navigation (every page draws it)."""
    # Not the output folder: a build writes into a new temporary folder each time, and no page shows it.
    settings = {k: v for k, v in config.items() if k not in ("plugins", "theme", "site_dir")}
    theme = config.theme
    own = Path(__file__).resolve().parent
    return digest([
        FORMAT, __version__, code_digest(), *(importlib.metadata.version(d) for d in ("mkdocs", "mkdocs-material")), locale, base, settings,
        theme.name, dict(theme), [str(d) for d in theme.dirs],
        *(folder_digest(Path(d)) for d in theme.dirs if Path(d).resolve().is_relative_to(own)),  # Material's: its version
        folder_digest(project / "locales"), Path(config.config_file_path).read_bytes(), _nav_fields(nav.items),
    ])


def _nav_fields(items: object) -> list[object]:
    """The navigation as the theme draws it: each item's kind, title, URL and children."""
    return [[type(item).__name__, getattr(item, "title", None), getattr(item, "url", None),
             _nav_fields(getattr(item, "children", None))] for item in (items if isinstance(items, list) else [])]


def page_fields(page: Page, content: str, toc: object) -> dict[str, object]:
    """What the theme's templates read of one page: its address, title, metadata, content and table of contents,
    its neighbours and ancestors in the navigation."""
    def link(other: object) -> object:
        return None if other is None else [getattr(other, "title", None), getattr(other, "url", None)]

    return {"src": page.file.src_uri, "dest": page.file.dest_uri, "url": page.url, "canonical": page.canonical_url,
            "edit": page.edit_url, "title": page.title, "meta": page.meta, "content": content, "toc": toc,
            "home": page.is_homepage, "previous": link(page.previous_page), "next": link(page.next_page),
            "ancestors": [link(a) for a in page.ancestors]}


# Libraries whose output a concept page's content holds: Markdown and its sanitizer, the templates, CLDR's names and
# dates, and the YAML parser that reads the entries.
RENDER_LIBRARIES = ("babel", "markdown", "nh3", "lxml", "jinja2", "markupsafe", "pyyaml", "pydantic", "pyicu-wheels", "pyicu", "pystemmer")
# The kinds of page whose pages show no entry's text, only the glossary's terms and categories (layout.Shows, which
# serve's partial rebuild reads too): their pages are kept whole, keyed by the glossary's structure, the entries' dates
# (each page's lastmod) and the names of the downloads they link. Not comparisons and questions: their links to
# concepts preview each concept's short definition.
WHOLE_KINDS = frozenset({Shows.TERMS, Shows.ALL_TERMS})


def versions(distributions: Iterable[str]) -> list[str | None]:
    """The installed version of each of ``distributions`` (None for one not installed: ICU is optional)."""
    out: list[str | None] = []
    for name in distributions:
        try:
            out.append(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            out.append(None)
    return out


# A concept page links the concepts it shows as "../<id>/" (relations, the map, linked terms): what it reads of them
# beyond their terms and relations is their short definition, in the link's tooltip.
_LINKED = re.compile(r'href="\.\./([^/"#?]+)/"')


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """The SHA-256 of every file of the package but compiled Python: its code, templates, catalogs and theme files."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(package)).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class ConceptFragments:
    """One locale's concept pages as ``render_locale`` makes them, kept between builds so that an unchanged page is not
    rendered again.

    A page's key holds what it is made from: the package and its libraries, the configuration and catalogs, the locale,
    its own entry's text and date, and the glossary's structure (every concept's terms, languages, category and
    relations, and every comparison and question: they decide its labels, links, map and term links). Its record also
    lists the concepts it links, with their short definitions: a record whose linked concepts now read differently is
    rendered again. An entry's definition edited changes its own page and those that link it, nothing else."""

    def __init__(self, root: Path, locale: str, glossary: Glossary, config_bytes: bytes, project: Path, site_name: str,
                 site_url: str, dates: Mapping[str, object], today: object, downloads: Iterable[Download]) -> None:
        self.store = PageCache(root, locale, kind="fragments", suffix=".json", fmt=FRAGMENT_FORMAT)
        self.locale = locale
        self.concepts = {c.id: c for c in glossary.concepts}
        common = digest([
            FRAGMENT_FORMAT, __version__, package_digest(), *versions(RENDER_LIBRARIES),
            locale, site_name, site_url, config_bytes, folder_digest(project / "locales"), _structure(glossary),
        ])
        self.keys = {e.model.id: digest([common, e.doc.path, hashlib.sha256(e.doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
                                         dates.get(e.model.id, today)])
                     for e in glossary.entries if isinstance(e.model, Concept)}
        # A listing links the downloads (by name: it shows no size). Its date, which follows its entries' changes, is
        # not part of it: each of its pages is dated again from its own entries (RenderedPage.dated_by).
        self.whole = digest([common, [[d.file, d.fmt, d.locales, d.media_type] for d in downloads]])
        self.reused: set[str] = set()
        self.reused_kinds: set[str] = set()
        self._shown: dict[str, list[object]] = {}

    def pages(self, kind: str, lastmod: Callable[[Iterable[str]], str]) -> list[RenderedPage] | None:
        """Every page of ``kind`` (a name of layout.PAGE_KINDS) as an earlier build rendered it, when the kind shows
        only what the key holds (WHOLE_KINDS) and nothing of it changed, each dated again by ``lastmod`` from the
        entries it follows; else None."""
        if not _whole(kind):
            return None
        text = self.store.get(digest([self.whole, kind]))
        if text is None:
            return None
        try:
            pages = [_page(fields) for fields in json.loads(text)["pages"]]
        except (ValueError, TypeError, KeyError):
            self.store.invalid(self.store.folder / f"{digest([self.whole, kind])}.json", "not a record this version wrote")
            return None
        self.reused_kinds.add(kind)
        return [dataclasses.replace(p, lastmod=lastmod(p.dated_by)) if p.dated_by else p for p in pages]

    def _linked(self, ids: Iterable[str]) -> list[object]:
        """What a page shows of the concepts ``ids``: each one's short definition in this locale (None untranslated)."""
        out: list[object] = []
        for cid in ids:
            if cid not in self._shown:  # made once per concept: many pages link the same concepts
                c = self.concepts.get(cid)
                block = c.locales.get(self.locale) if c is not None else None
                self._shown[cid] = [cid, c is not None, first_sentence(block.definition) if block is not None else None]
            out.append(self._shown[cid])
        return out

    def concept(self, concept: Concept) -> RenderedPage | None:
        """The concept's page as an earlier build rendered it, or None when anything it shows has changed since."""
        key = self.keys.get(concept.id)
        text = self.store.get(key) if key is not None else None
        if key is None or text is None:
            return None
        try:
            record = json.loads(text)
            linked, seen, fields = record["linked"], record["seen"], record["page"]
            page = _page(fields)
        except (ValueError, TypeError, KeyError):
            self.store.invalid(self.store.folder / f"{key}.json", "not a record this version wrote")
            return None
        if page.src != CONCEPT.src(concept.id) or seen != digest(self._linked(linked)):
            return None  # a concept it links reads differently now: rendered again, and kept under the same key
        self.reused.add(concept.id)
        return page

    def keep(self, pages: Iterable[RenderedPage]) -> None:
        """Keep every concept page this build rendered, with what it showed of the concepts it links, and the pages of
        each kind kept whole."""
        pages = list(pages)
        for kind in {kind_of(p.src).name for p in pages} - self.reused_kinds:
            of_kind = [p for p in pages if kind_of(p.src).name == kind]
            # Kept only when every dated page says which entries date it: another would keep the date it has now.
            if _whole(kind) and all(p.dated_by or not p.lastmod for p in of_kind):
                whole = {"pages": [dataclasses.asdict(p) for p in of_kind]}
                self.store.put(digest([self.whole, kind]), json.dumps(whole, ensure_ascii=False, sort_keys=True))
        by_src = {CONCEPT.src(cid): cid for cid in self.keys}
        for p in pages:
            cid = by_src.get(p.src)
            if cid is None or cid in self.reused:
                continue
            linked = sorted({i for i in _LINKED.findall(p.html) if i in self.concepts})
            record = {"linked": linked, "seen": digest(self._linked(linked)), "page": dataclasses.asdict(p)}
            self.store.put(self.keys[cid], json.dumps(record, ensure_ascii=False, sort_keys=True))

    def prune(self) -> None:
        self.store.prune()


def _whole(kind: str) -> bool:
    return any(k.name == kind and k.shows in WHOLE_KINDS for k in PAGE_KINDS)


def _page(fields: dict[str, Any]) -> RenderedPage:
    """A page as ``keep`` recorded it (``dataclasses.asdict``): its tuples came back as lists."""
    return RenderedPage(**{**fields, "toc": _headings(fields["toc"]), "dated_by": tuple(fields["dated_by"])})


def _headings(items: list[dict[str, Any]]) -> tuple[Heading, ...]:
    return tuple(Heading(h["level"], h["id"], h["title"], _headings(h["children"])) for h in items)


def _structure(glossary: Glossary) -> str:
    """The digest of what of the whole glossary a concept page may show besides its own entry: every concept's id,
    category, relations, languages and terms (labels, the order of listings, term links, the map), and every
    comparison and question in full (their titles and where they are)."""
    concepts = [[c.id, c.category, sorted(c.relations.items()),
                 [[code, [[t.text, t.status, t.reading] for t in block.terms]] for code, block in c.locales.items()]]
                for c in glossary.concepts]
    others = [[e.doc.path, e.doc.text] for e in glossary.entries if not isinstance(e.model, Concept)]
    return digest([concepts, others])


EXPORTS_FORMAT = "glossary-tool-downloads-cache 1"


class ExportsCache:
    """The downloads of a build (site/exports.py), kept whole: keyed by the package, its libraries, the configuration,
    the site's root URL and every file of the content folder, names and bytes, so that a build whose glossary did not
    change does not export it again. A listing (``downloads/all/<key>.json``) names each file by its
    SHA-256, under which its bytes are kept (``download-files/all/<sha256>.bin``)."""

    def __init__(self, root: Path, config_bytes: bytes, base: str, content: Iterable[Path], content_dir: Path) -> None:
        self.listings = PageCache(root, "all", kind="downloads", suffix=".json", fmt=EXPORTS_FORMAT)
        self.files = PageCache(root, "all", kind="download-files", suffix=".bin", fmt=EXPORTS_FORMAT)
        self.key = digest([EXPORTS_FORMAT, __version__, package_digest(), *versions(RENDER_LIBRARIES),
                           config_bytes, base, _files_digest(content, content_dir)])

    @property
    def warnings(self) -> list[str]:
        return [*self.listings.warnings, *self.files.warnings]

    def get(self) -> list[tuple[Download, bytes]] | None:
        """The downloads an earlier build made of this same glossary, or None."""
        text = self.listings.get(self.key)
        if text is None:
            return None
        try:
            listing = [(Download(str(d["file"]), str(d["fmt"]), tuple(str(c) for c in d["locales"]), int(d["size"]), int(d["omitted"]),
                                 str(d["media_type"])), str(d["sha256"])) for d in json.loads(text)]
        except (ValueError, TypeError, KeyError):
            self.listings.invalid(self.listings.folder / f"{self.key}.json", "not a listing this version wrote")
            return None
        out = []
        for download, sha in listing:
            data = self.files.get_bytes(sha) if _KEY.fullmatch(sha) else None
            if data is None or hashlib.sha256(data).hexdigest() != sha:
                return None
            out.append((download, data))
        return out

    def put(self, made: list[tuple[Download, bytes]]) -> None:
        listing = []
        for download, data in made:
            sha = hashlib.sha256(data).hexdigest()
            self.files.put_bytes(sha, data)
            listing.append({**dataclasses.asdict(download), "sha256": sha})
        self.listings.put(self.key, json.dumps(listing, ensure_ascii=False, sort_keys=True))

    def prune(self) -> None:
        self.listings.prune()
        self.files.prune()


def _files_digest(paths: Iterable[Path], folder: Path) -> str:
    """The SHA-256 of ``paths`` (below ``folder``), names and bytes; a file that cannot be read counts as its error."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError as exc:
            h.update(repr(exc.strerror).encode("utf-8"))
    return h.hexdigest()


SEARCH_FORMAT = "glossary-tool-search-cache 1"


class SearchAnalyses:
    """One locale's search records' analyses (search_index.Index.analyses), kept in one file between builds: keyed by
    the package, the stemmer's version and Python's (its Unicode data), each analysis by its record's fields."""

    def __init__(self, root: Path, locale: str) -> None:
        self.store = PageCache(root, locale, kind="search", suffix=".json", fmt=SEARCH_FORMAT)
        self.key = digest([SEARCH_FORMAT, __version__, package_digest(), *versions(["pystemmer"]), sys.version, locale])

    def load(self, index: Index) -> None:
        """Give ``index`` what an earlier build analysed (nothing when there is no valid file)."""
        text = self.store.get(self.key)
        if text is None:
            return
        try:
            index.learn(json.loads(text))
        except ValueError:
            self.store.invalid(self.store.folder / f"{self.key}.json", "not analyses this version wrote")

    def save(self, index: Index) -> None:
        self.store.put(self.key, json.dumps(index.analyses(), ensure_ascii=False, separators=(",", ":")))


# The plugins that see no page but those MkDocs hands them: with no other, a page MkDocs skips is missed by none.
# (Material's search plugin is left only its settings: theme.py takes its page and build handlers away.)
SKIPPING_PLUGINS = frozenset({"glossary", "search", "material/search"})


def write_unchanged(cache: PageFiles, common: str, fragments: ConceptFragments, state: LocaleState, files: Files, config: MkDocsConfig) -> int:
    """Write every concept page whose content came from the cache (``fragments``) and whose finished page the cache
    holds straight into the site, and mark its file for MkDocs to skip; the number written. Its key is the one
    ``on_page_content`` would compute (the same title, metadata and navigation, set here as on_page_markdown sets
    them). Nothing is skipped when another plugin is configured, which might want to see every page."""
    if not set(config.plugins) <= SKIPPING_PLUGINS:
        return 0
    written = 0
    for cid in sorted(fragments.reused):
        src = CONCEPT.src(cid)
        rendered, file = state.pages.get(src), files.get_file_from_path(src)
        if rendered is None or file is None:
            continue
        page = file.page if file.page is not None else Page(None, file, config)
        describe(page, rendered, state)
        key = page_key(common, page_fields(page, rendered.html, rendered.toc))
        if not cache.has(key):
            continue  # built as any other page
        dest = Path(file.abs_dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not cache.link(key, dest):
            continue  # damaged: built as any other page
        file.__class__ = SkippedFile
        written += 1
    return written
