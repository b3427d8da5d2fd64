"""The build cache of ``glossary-tool build``: each locale's finished pages, keyed by a hash of everything they are made
from, so that a rebuild skips the theme's templates for every page whose inputs did not change.

One plain file per page, ``<cache>/pages/<locale>/<key>.html``, whose first line holds the format and the SHA-256 of the
rest; a file that does not match is ignored with a warning. No code and no pickle: a cache file can only be text a page
shows, and only a trusted build reads it (SECURITY.md)."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from glossary_tool import __version__

# The folder inside the project (git-ignored) and the variable that hands it to a locale's build process: without it
# (a plain `mkdocs build`, `serve`, an untrusted build, `--no-cache`) a build reads and writes no cache.
CACHE_DIR = ".glossary-cache"
CACHE_ENV = "GLOSSARY_TOOL_BUILD_CACHE"
# Where a locale's build leaves its cache warnings for `glossary-tool build` to print: its own staging folder,
# removed before the site is put in place (a warning on MkDocs' log would fail a strict build).
WARNINGS_FILE = ".glossary-cache-warnings"
# The template a cached page is built with: it prints nothing, and the plugin hands MkDocs the cached page instead.
CACHED_TEMPLATE = "glossary-cached.html"
FORMAT = "glossary-tool-page-cache 1"
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
    """One locale's cached pages: ``get`` and ``put`` by key while the build runs, ``prune`` once it has succeeded."""

    def __init__(self, root: Path, locale: str) -> None:
        self.folder = root / "pages" / locale
        self.warnings: list[str] = []
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self.usable = _real_folder(self.folder, self.warnings)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.html"

    def has(self, key: str) -> bool:
        """Whether a page is cached under ``key`` (``get`` reads and checks it)."""
        return self.usable and self._path(key).is_file()

    def get(self, key: str) -> str | None:
        """The page cached under ``key``, or None (not there, or not a valid cache file: then with a warning)."""
        self.used.add(key)
        if not self.usable:
            return None
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            self._invalid(path, exc.strerror or "cannot be read")
            return None
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)
        head, _, body = data.partition(b"\n")
        if len(data) > MAX_PAGE_BYTES or head != f"{FORMAT} {hashlib.sha256(body).hexdigest()}".encode("ascii"):
            self._invalid(path, "not a page this version wrote, or damaged")
            return None
        try:
            page = body.decode("utf-8")
        except UnicodeDecodeError:
            self._invalid(path, "not UTF-8")
            return None
        self.hits += 1
        return page

    def _invalid(self, path: Path, why: str) -> None:
        self.misses += 1
        self.warnings.append(f"{path}: build cache file ignored ({why}); the page is built afresh")

    def put(self, key: str, page: str) -> None:
        """Keep ``page`` under ``key``: written beside and renamed, so a crash never leaves half a file under the key."""
        self.used.add(key)
        if not self.usable:
            return
        body = page.encode("utf-8", errors="xmlcharrefreplace")
        data = f"{FORMAT} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body
        path = self._path(key)
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)  # replaces a link at the key itself, never writes through it
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
            key = entry.name.removesuffix(".html")
            if not (_KEY.fullmatch(key) and entry.name.endswith(".html") and key in self.used):
                try:
                    if entry.is_dir(follow_symlinks=False):
                        continue  # nothing this cache writes; left to whoever made it
                    os.unlink(entry.path)
                except OSError:
                    pass

    def write_warnings(self, site_dir: Path) -> None:
        if self.warnings:
            (site_dir / WARNINGS_FILE).write_text("\n".join(self.warnings) + "\n", encoding="utf-8")


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
