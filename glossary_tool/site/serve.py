"""``glossary-tool serve``: every locale built once and kept warm in this process; an edit rebuilds what depends on it.

An edited entry is parsed alone, the glossary re-checked, and in each locale only its page, the pages that link to it,
the listings and the search index are rendered again. A broken edit keeps the last good pages and shows the error.
"""

from __future__ import annotations

import http.server
import ipaddress
import json
import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from glossary_tool.site import search_index
from glossary_tool.core.config import RawConfig, Settings
from glossary_tool.core.content_files import ENTRY_SUFFIXES
from glossary_tool.core.layout import CATEGORY, FAQ, INDEX, PAIR, STATUS, under
from glossary_tool.core.mkdocs_compat import render_page
from glossary_tool.core.loading import load_documents, load_glossary, validate
from glossary_tool.core.model import Concept, Entry, Glossary
from glossary_tool.core.problems import FatalError, Problem
from glossary_tool.core.terminal import escape
from glossary_tool.lint import check, stamp
from glossary_tool.lint.reporters import REPORTERS
from glossary_tool.core.terms import Languages
from glossary_tool.site.locale_builds import REQUEST, BuildRequest, root_url
from glossary_tool.site.render import RenderedPage
from glossary_tool.site.state import LocaleState

log = logging.getLogger("mkdocs.plugins.glossary.serve")
# The files are looked at when the system reports a change (inotify and the like, through watchdog), and at the latest
# every CHECK_SECONDS, in case a report was lost. Without reports, every POLL_SECONDS: a stat per file, 15 ms at 1,000.
CHECK_SECONDS = 2.0
POLL_SECONDS = 0.05
SETTLE_SECONDS = 0.01  # after a report, for the rest of an editor's save (write, rename) to land
WAIT_SECONDS = 25  # a browser's request for news is answered at the latest after this long
EVENTS = "/.glossary-serve/events"
IDLE_SECONDS = 30.0  # a connection idle this long (no request, or a request sent too slowly) is closed
MAX_CONNECTIONS = 128  # connections served at once; each holds a thread (an open page holds one, waiting for news,
# and a browser keeps up to six per host open between requests)
Snapshot = dict[Path, tuple[int, int, bool]]  # path → (mtime_ns, size, is a regular file)


def snapshot(folders: Iterable[Path], files: Iterable[Path] = ()) -> Snapshot:
    """Every entry file under ``folders`` and each of ``files``, by lstat: nothing is opened, so a FIFO cannot block."""
    out: Snapshot = {}

    def visit(folder: Path) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for e in entries:
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                visit(Path(e.path))
            elif e.name.endswith((*ENTRY_SUFFIXES, ".po")):
                out[Path(e.path)] = (st.st_mtime_ns, st.st_size, stat.S_ISREG(st.st_mode))

    for folder in folders:
        visit(folder)
    for f in files:
        try:
            st = f.lstat()
        except OSError:
            continue
        out[f] = (st.st_mtime_ns, st.st_size, stat.S_ISREG(st.st_mode))
    return out


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

    def update(self, before: Glossary, glossary: Glossary, settings: Settings, edited: set[str], affected: set[str]) -> list[str]:
        """Render again what depends on the entries ``edited`` (ids, old and new versions alike): the pages in
        ``affected``, the listings those entries are in, the comparisons and questions about them. Template the pages
        whose content differs and update the search index. Returns the URLs rebuilt; raises _NeedsFullBuild when a
        page would appear or go, or the navigation would change (every page shows it)."""
        from mkdocs.commands import build as mk_build

        from glossary_tool.core.translation import stale_fields
        from glossary_tool.site.render import category, comparison, concept, faq, home, index_az, pair, status
        from glossary_tool.site.render.concept_map import Hierarchy
        from glossary_tool.site.render.context import RenderContext, by_concept

        state, config = self.state, self.config
        assert state is not None and state.files is not None and state.nav is not None and state.env is not None
        # An edited entry changed today; the exports (and their sizes) are made again by the next full build.
        dates = {**state.dates, **dict.fromkeys(edited, state.today)}
        ctx = RenderContext(glossary, settings, self.code, state.site_name, config.site_url or "",
                            lambda c, code: stale_fields(c, code, settings.source_locale), dates, state.today, state.downloads)
        old = [c for cid in edited if (c := before.concept(cid)) is not None]
        new = [c for cid in edited if (c := glossary.concept(cid)) is not None]
        # Listings by the stem of their pages' paths ("categories/model": categories/model.md, categories/model/2.md …)
        groups: dict[str, list[RenderedPage]] = {"": [home.home_page(ctx)]}
        categories = {c.category for c in (*old, *new)}
        groups.update({CATEGORY.stem(cat): [] for cat in categories})
        for p in category.category_pages(ctx, only=categories) if categories else []:
            groups[CATEGORY.stem(p.src.removesuffix(".md").split("/")[1])].append(p)
        # The A–Z index lists the terms alone: an edit that leaves them as they were leaves it as it was.
        if [_terms(c, self.code) for c in old] != [_terms(c, self.code) for c in new]:
            groups[INDEX.stem()] = index_az.index_pages(ctx)
        # The language-pair glossaries list every language's terms and the category.
        if [_all_terms(c) for c in old] != [_all_terms(c) for c in new]:
            groups[PAIR.stem()] = pair.pair_pages(ctx)
        if any(f.id in edited or set(f.concepts) & edited for g in (before, glossary) for f in g.faqs):
            groups[FAQ.stem()] = faq.faq_pages(ctx)
        if old or new:  # what is translated, stale or missing
            groups[STATUS.stem()] = status.status_pages(ctx)
        comps_of, faqs_of = by_concept(glossary.comparisons), by_concept(glossary.faqs)
        incoming = concept.inbound(ctx)
        faq_urls = faq.faq_locations(ctx)
        pages = [p for group in groups.values() for p in group]
        pages += [comparison.comparison_page(ctx, c) for c in glossary.comparisons if c.id in edited or set(c.concepts) & edited]
        tree = Hierarchy.of(glossary.concepts, ctx.concepts)
        pages += [concept.concept_page(ctx, c, comps_of.get(c.id, []), faqs_of.get(c.id, []), incoming, faq_urls, tree)
                  for c in glossary.concepts if c.id in affected]
        for stem, group in groups.items():
            if stem and {p.src for p in group} != {src for src in state.pages if under(src, stem)}:
                raise _NeedsFullBuild(stem)  # a listing grew or shrank by a page, or a category appeared or emptied
        changed = []
        for p in pages:
            known = state.pages.get(p.src)
            if known == p:
                continue
            if known is None or ((p.in_nav or known.in_nav) and (p.title, p.in_nav, p.nav_group) != (known.title, known.in_nav, known.nav_group)):
                raise _NeedsFullBuild(p.src)
            changed.append(p)
        rebuilt = []
        for p in changed:
            file = state.files.get_file_from_path(p.src)
            if file is None or file.page is None:
                raise _NeedsFullBuild(p.src)
            state.pages[p.src] = p
            render_page(file.page, config, state.files, state.nav, state.env)
            rebuilt.append(p.url)
        state.glossary, state.dates = glossary, dates
        recs = state.index.records(glossary, settings, state.pages.values())
        files = state.index.files(recs)
        search_index.write(Path(config.site_dir) / search_index.INDEX_DIR, files, state.index_files)
        state.index_files = files
        return rebuilt


def _terms(c: Concept, code: str) -> object:
    block = c.locales.get(code)
    return None if block is None else [(t.text, t.status) for t in block.terms]


def _all_terms(c: Concept) -> object:
    return c.category, sorted((code, [(t.text, t.status) for t in block.terms]) for code, block in c.locales.items())


class _NeedsFullBuild(Exception):
    pass


def dependents(glossary: Glossary, ids: set[str], folded: dict[str, tuple[Concept, str]] | None = None) -> set[str]:
    """The ids whose pages show something of the entries ``ids``: the concepts they link to and that link to them
    (a link carries the target's name and short definition), pages whose text names one of their terms (it becomes
    such a link), the concepts a comparison or question is about (their pages list it), and those comparisons
    and questions. ``folded`` keeps each concept's definitions in lower case from one call to the next."""
    folded = {} if folded is None else folded
    concepts = [c for cid in ids if (c := glossary.concept(cid)) is not None]
    terms = {t.text.casefold() for c in concepts for b in c.locales.values() for t in b.terms}
    out = set(ids)
    for c in concepts:
        for r in c.relations:
            out.update(c.targets(r))
        for b in c.targets("broader"):  # siblings: each draws the others on its concept map
            parent = glossary.concept(b)
            out.update(parent.targets("narrower") if parent is not None else ())
    for entry in glossary.entries:
        m = entry.model
        if isinstance(m, Concept):
            linked = any(set(m.targets(r)) & ids for r in m.relations)
            known = folded.get(m.id)
            if known is None or known[0] is not m:
                known = folded[m.id] = (m, "\0".join(b.definition.casefold() for b in m.locales.values()))
            named = any(t in known[1] for t in terms)
            if linked or named:
                out.add(m.id)
        elif m.id in ids or set(m.concepts) & ids:
            out.add(m.id)
            if m.id in ids:
                out.update(m.concepts)
    return out


@dataclass
class State:
    """What the browsers are told: the build's number, bumped on every successful rebuild, the number of the last
    full rebuild (after which the navigation may differ), and the current error."""

    epoch: int = 0
    error: str = ""
    full: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, *, bump: bool, error: str, full: bool = False) -> None:
        with self.changed:
            if bump:
                self.epoch += 1
                if full:
                    self.full = self.epoch
            self.error = error
            self.changed.notify_all()

    def wait(self, epoch: int, error: str, timeout: float) -> dict[str, Any]:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch or self.error != error, timeout)
            return {"epoch": self.epoch, "error": self.error, "full": self.full}


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
        self.folded: dict[str, tuple[Concept, str]] = {}  # each concept's definitions in lower case (see dependents)

    def check(self, glossary: Glossary, problems: list[Problem]) -> list[Problem]:
        """The loading ``problems`` and every rule's, stamped: a full lint of ``glossary``. The rules' stemmed words
        and term patterns are kept from one check to the next (they depend on each text alone), the rest is redone."""
        if self.languages is None:
            self.languages = Languages()
        return stamp([*problems, *check(glossary, self.settings, languages=self.languages)], self.settings)

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
        for site in self.sites:
            site.full()
        first = self.sites[0].state
        self.glossary = first.glossary if first is not None else None
        if self.glossary is None:
            return
        if self.languages is None:
            self.check(self.glossary, [])  # the build has linted already; this stems every text for the first edit
        # Every locale's build loaded the entries itself; from now on they share these, which the search index
        # recognizes as unchanged from one edit to the next.
        for site in self.sites:
            if site.state is not None:
                site.state.index.records(self.glossary, self.settings, site.state.pages.values())

    def refresh(self, now: Snapshot) -> list[str]:
        """Rebuild after the files changed from ``self.files`` to ``now``; the URLs rebuilt. Raises _Broken with the
        problems when the new state has errors (the old pages stay)."""
        before, self.files = self.files, now
        changed = [p for p in now.keys() | before.keys() if now.get(p) != before.get(p)]
        if not changed:
            return []
        # A file whose broken version was not used is read again with this edit, so its problems stay shown.
        changed = sorted({*changed, *self.pending})
        self.pending = set(changed)
        weird = [p for p in changed if p in now and not now[p][2]]
        if weird:
            raise _Broken(f"{weird[0]}: not a regular file (a FIFO, a device or a link); it is not read")
        structural = self.glossary is None or any(p not in now or p not in before or p.suffix == ".po" or p == self.raw.path for p in changed)
        if structural:
            return self._rebuild_all()
        assert self.glossary is not None
        glossary, problems, ids = self._splice(self.glossary, [p for p in changed if p in now])
        errors = [p for p in self.check(glossary, problems) if p.severity.value == "error"]
        if errors:
            raise _Broken(REPORTERS["text"](errors))
        affected = dependents(self.glossary, ids, self.folded) | dependents(glossary, ids, self.folded)
        urls: list[str] = []
        try:
            for site in self.sites:
                urls += site.update(self.glossary, glossary, self.settings, ids, affected)
        except _NeedsFullBuild:
            return self._rebuild_all()
        self.glossary = glossary
        self.pending = set()
        return urls

    def _rebuild_all(self) -> list[str]:
        glossary, problems = load_glossary(self.settings)
        errors = [p for p in self.check(glossary, problems) if p.severity.value == "error"]
        if errors:
            raise _Broken(REPORTERS["text"](errors))
        self.full()
        self.pending = set()
        return ["*"]

    def _splice(self, glossary: Glossary, paths: list[Path]) -> tuple[Glossary, list[Problem], set[str]]:
        """``glossary`` with the entries of ``paths`` parsed again; the loading problems and the ids touched."""
        docs, problems = load_documents(paths, self.settings, jobs=1)
        keys = {os.path.abspath(p) for p in paths}
        by_path = {os.path.abspath(d.path): d for d in docs}
        ids = {e.id for e in glossary.entries if os.path.abspath(e.doc.path) in keys}
        entries: list[Entry] = []
        for e in glossary.entries:
            key = os.path.abspath(e.doc.path)
            if key not in keys:
                entries.append(e)
                continue
            doc = by_path.pop(key, None)
            if doc is None:  # the file's other entries, or a file that no longer parses
                continue
            entry, found = validate(doc)
            problems.extend(found)
            if entry is not None:
                entries.append(entry)
                ids.add(entry.id)
        fresh = {os.path.abspath(d.path): d for d in docs}
        documents = tuple(fresh.get(os.path.abspath(d.path), d) for d in glossary.documents)
        return Glossary(tuple(entries), documents, glossary.others), problems, ids


class _Broken(Exception):
    pass


LIVE_SCRIPT = """<script>
(function () {
  var epoch = %d, shown = null;
  function banner(text) {
    if (shown) { shown.remove(); shown = null; }
    if (!text) return;
    shown = document.createElement("pre");
    shown.setAttribute("role", "alert");
    shown.setAttribute("data-glossary-serve-error", "");
    shown.style.cssText = "position:fixed;z-index:1000;left:0;right:0;top:0;margin:0;padding:1em;max-height:50vh;overflow:auto;" +
      "background:#b71c1c;color:#fff;font:13px/1.4 monospace;white-space:pre-wrap";
    shown.textContent = text;
    document.body.appendChild(shown);
  }
  // After a partial rebuild the page's content is swapped in place, the way Material's instant navigation does it
  // (the navigation is the same), so styles and scripts are not loaded and run again and the scroll position stays.
  // After a full rebuild, or whatever goes wrong, the page is loaded again.
  function swap() {
    return fetch(location.href, { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, "text/html");
        var now = document.querySelector("[data-md-component=container]"), fresh = next.querySelector("[data-md-component=container]");
        if (!now || !fresh || !window.document$) throw new Error("no content to swap");
        now.replaceWith(document.adoptNode(fresh));
        document.title = next.title;
        window.document$.next(document);
      });
  }
  function poll(error) {
    fetch("%s?epoch=" + epoch + "&error=" + encodeURIComponent(error), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (news) {
        if (news.epoch === epoch) { banner(news.error); poll(news.error); return; }
        var full = news.full > epoch;
        epoch = news.epoch;
        (full ? Promise.reject(new Error("full rebuild")) : swap())
          .then(function () { banner(news.error); poll(news.error); }, function () { location.reload(); });
      })
      .catch(function () { setTimeout(function () { poll(error); }, 1000); });
  }
  poll("");
})();
</script>"""


def host_allowed(header: str | None, names: frozenset[str] = frozenset()) -> bool:
    """Whether a request's ``Host`` names this server: an IP address, ``localhost`` (or a name under it), or one of
    ``names`` (the configured address and site_url's host). A page on another host name that resolves to this machine
    (DNS rebinding) would otherwise read every page and the error feed from the reader's browser."""
    if not header:
        return False
    host = header.strip().lower()
    if host.startswith("["):  # an IPv6 address, [::1]:8000
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    host = host.rstrip(".")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(".localhost") or host in names
    return True


def _plain_path(raw: str) -> str | None:
    """The decoded path of a request target, or None when it is not UTF-8 or holds a control character (``%00``)."""
    try:
        path = unquote(urlsplit(raw).path, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return None if any(ord(c) < 0x20 or ord(c) == 0x7F for c in path) or not path.startswith("/") else path


def handler_for(project: Project, state: State, hosts: frozenset[str] = frozenset()) -> type[http.server.BaseHTTPRequestHandler]:
    """The request handler of ``serve``: files of the built locales, the error feed; ``hosts`` are the host names it
    answers to besides IP addresses and localhost."""
    mounts = project.mount()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = IDLE_SECONDS  # a connection that sends nothing for this long is closed (the socket's timeout)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if not host_allowed(self.headers.get("Host"), hosts):
                self.close_connection = True
                self._send(403, b"this server answers only to localhost, IP addresses and the configured address", "text/plain; charset=utf-8")
                return
            path = _plain_path(self.path)
            if path is None:
                self._send(400, b"bad path", "text/plain; charset=utf-8")
                return
            try:
                self._answer(path, urlsplit(self.path).query)
            except (ConnectionError, TimeoutError):
                self.close_connection = True  # the reader went away
            except Exception as exc:  # one line, never a traceback per request; the server goes on
                print(f"serve: error answering {_escape(self.path)}: {type(exc).__name__}: {_escape(str(exc))}", file=sys.stderr, flush=True)
                self.close_connection = True
                try:
                    self._send(500, b"internal error", "text/plain; charset=utf-8")
                except OSError:
                    pass

        def _answer(self, path: str, query: str) -> None:
            if path == EVENTS:
                self._events(query)
                return
            for prefix, folder in mounts:
                if path.startswith(prefix):
                    self._file(folder, path[len(prefix):], prefix)
                    return
            self._send(404, b"not found", "text/plain; charset=utf-8")

        def _events(self, query: str) -> None:
            args = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
            try:
                epoch = int(args.get("epoch", "0"))
            except ValueError:
                epoch = -1
            body = json.dumps(state.wait(epoch, unquote(args.get("error", "")), WAIT_SECONDS)).encode("utf-8")
            self._send(200, body, "application/json")

        def _file(self, folder: Path, rel: str, prefix: str) -> None:
            try:
                target = (folder / rel.lstrip("/")).resolve()
            except (OSError, ValueError, RuntimeError):  # a name too long, a loop of links
                target = folder.parent
            if not target.is_relative_to(folder.resolve()):
                self._send(404, b"not found", "text/plain; charset=utf-8")
                return
            try:
                folder_asked = target.is_dir()
            except OSError:  # a name longer than the system takes
                folder_asked = False
            if folder_asked:
                if not self.path.split("?")[0].endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", self.path.split("?")[0] + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            found = _read_regular(target)
            status = 200
            if found is None:
                status, target = 404, folder / "404.html"
                found = _read_regular(target) or (b"not found", "")
            body, tag = found
            kind = _TYPES.get(target.suffix, "application/octet-stream")
            epoch = state.epoch
            if target.suffix == ".html":
                body = body.replace(b"</body>", (LIVE_SCRIPT % (epoch, EVENTS)).encode("utf-8") + b"</body>", 1)
                tag = f"{tag}-{epoch}" if tag else ""  # the page carries the build's number
            # After an edit the browser asks again for every file; what did not change (styles, scripts) is not sent
            # again, so it keeps its parsed styles and compiled scripts and the page shows sooner.
            if status == 200 and tag and self.headers.get("If-None-Match") == f'"{tag}"':
                self.send_response(304)
                self.send_header("ETag", f'"{tag}"')
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
            self._send(status, body, kind, tag if status == 200 else "")

        def _send(self, status: int, body: bytes, kind: str, tag: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")  # every edit must show, and the index changes in place
            if tag:
                self.send_header("ETag", f'"{tag}"')
            self.end_headers()
            self.wfile.write(body)

    return Handler


_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
          ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".ico": "image/x-icon", ".woff2": "font/woff2",
          ".gz": "application/gzip", ".txt": "text/plain; charset=utf-8"}


def _read_regular(path: Path) -> tuple[bytes, str] | None:
    """The file's bytes and a tag of its version when it is a regular file; never opens a FIFO or a device (which
    could block forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(), f"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}"
    finally:
        os.close(fd)


class Wakeup:
    """Wakes the watcher as soon as the system reports a change under the watched folders (through watchdog), so
    that nothing has to be looked at between edits. Where reports do not work, it falls back to polling."""

    def __init__(self, folders: Sequence[Path], config_file: Path) -> None:
        self.event = threading.Event()
        self.wanted = [(folder, True) for folder in folders] + [(config_file.parent, False)]
        self.scheduled: set[Path] = set()
        self.observer: Any = None
        try:
            from watchdog.observers import Observer

            self.observer = Observer()
            self.observer.start()
        except Exception as exc:  # no inotify (or its limits reached): poll instead
            log.debug("no file-change reports (%s); polling", exc)
            self.observer = None
        self.schedule()

    def schedule(self) -> None:
        """Watch each wanted folder that exists (a project's locales/ may be made later)."""
        if self.observer is None:
            return
        from watchdog.events import FileSystemEvent, FileSystemEventHandler

        event = self.event

        class Handler(FileSystemEventHandler):
            def on_any_event(self, e: FileSystemEvent) -> None:
                if e.event_type not in ("opened", "closed_no_write"):  # reading a file (the rebuild does) is no change
                    event.set()

        for folder, recursive in self.wanted:
            if folder not in self.scheduled and folder.is_dir():
                try:
                    self.observer.schedule(Handler(), str(folder), recursive=recursive)
                except OSError as exc:
                    log.debug("cannot watch %s (%s); polling", folder, exc)
                    continue
                self.scheduled.add(folder)

    @property
    def reported(self) -> bool:
        """Whether every wanted folder that exists sends reports."""
        return self.observer is not None and all(f in self.scheduled for f, _ in self.wanted if f.is_dir())

    def wait(self, stop: threading.Event) -> None:
        """Return after the next report (or the next look, when there are none), or when ``stop`` is set."""
        deadline = time.monotonic() + (CHECK_SECONDS if self.reported else POLL_SECONDS)
        while not stop.is_set() and not self.event.wait(min(0.5, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                return
        if self.event.is_set():
            time.sleep(SETTLE_SECONDS)
            self.event.clear()

    def close(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)


def watch(project: Project, state: State, stop: threading.Event) -> None:
    """Look at the files whenever they may have changed; rebuild on every change. Runs on its own thread, so the
    server answers all the while."""
    wakeup = Wakeup(project.watched, project.raw.path)
    try:
        while not stop.is_set():
            wakeup.wait(stop)
            if stop.is_set():
                break
            wakeup.schedule()
            now = snapshot(project.watched, [project.raw.path])
            if now == project.files:
                continue
            start = time.perf_counter()
            try:
                urls = project.refresh(now)
            except (_Broken, FatalError) as exc:
                print(f"error: the site was not rebuilt; it shows the last good version:\n{exc}", file=sys.stderr, flush=True)
                state.publish(bump=False, error=str(exc))
                continue
            except Exception as exc:  # a failed rebuild must not end the server: it keeps the last good pages
                print(f"error: the site was not rebuilt ({type(exc).__name__}: {exc}); it shows the last good version", file=sys.stderr, flush=True)
                state.publish(bump=False, error=f"{type(exc).__name__}: {exc}")
                continue
            if urls or state.error:
                print(f"rebuilt {len(urls) if urls != ['*'] else 'all'} page(s) in {time.perf_counter() - start:.2f} s; Reloading browsers",
                      file=sys.stderr, flush=True)
                state.publish(bump=True, error="", full=urls == ["*"])
    finally:
        wakeup.close()


class Server(http.server.ThreadingHTTPServer):
    """A thread per connection, at most ``MAX_CONNECTIONS`` at once: a connection beyond them gets a 503 and is closed,
    so a flood of idle connections cannot hold a thread each without limit."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[http.server.BaseHTTPRequestHandler], max_connections: int = 0) -> None:
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections or MAX_CONNECTIONS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            try:
                request.settimeout(1)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints a traceback here; a request that broke its handler is one line (answers catch the rest).
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # the reader went away (a page change closes the page's open requests): nothing went wrong here
        print(f"serve: a request from {client_address[0]} failed: {type(exc).__name__}: {_escape(str(exc))}", file=sys.stderr, flush=True)


def _escape(text: str) -> str:
    """A value for the one line a failed request prints: control characters escaped, at most 200 characters."""
    return escape(text[:200])


def serve(raw: RawConfig, settings: Settings, dev_addr: str, out: Path, *, untrusted: bool = False) -> None:
    """Build every locale into ``out``, then serve it on ``dev_addr`` and rebuild on every edit until interrupted."""
    host, _, port_text = dev_addr.rpartition(":")
    try:
        port = int(port_text)
    except ValueError:
        raise FatalError(f"--dev-addr {dev_addr!r}: write HOST:PORT, e.g. 127.0.0.1:8000") from None
    project = Project(raw, settings, out, untrusted=untrusted)
    state = State()
    start = time.perf_counter()
    try:
        project.full()
    except Exception as exc:
        # A broken glossary at start: serve what there is and the error, and wait for the fix.
        print(f"error: the site could not be built:\n{exc}", file=sys.stderr, flush=True)
        state.publish(bump=False, error=str(exc))
    else:
        print(f"built {len(settings.locales)} locale(s) in {time.perf_counter() - start:.2f} s", file=sys.stderr, flush=True)
    names = frozenset(n.lower().strip("[]") for n in (host, urlsplit(settings.site_url).hostname or "") if n)
    try:
        server = Server((host or "127.0.0.1", port), handler_for(project, state, names))
    except OSError as exc:
        raise FatalError(f"--dev-addr {dev_addr}: cannot listen there: {exc.strerror or exc}") from None
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(project, state, stop), daemon=True)
    watcher.start()
    print(f"Serving on http://{host or '127.0.0.1'}:{server.server_address[1]}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()

