"""``glossary-tool serve``: every locale built once and kept warm in this process; an edit rebuilds what depends on it.

An edited entry is parsed alone, the glossary re-checked, and in each locale only its page, the pages that link to it,
the listings and the search index are rendered again. A broken edit keeps the last good pages and shows the error.
"""

from __future__ import annotations

import http.server
import json
import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from glossary_tool import search_index
from glossary_tool.config import RawConfig, Settings
from glossary_tool.lint import check, stamp
from glossary_tool.loading import SUFFIXES, load_documents, load_glossary, validate
from glossary_tool.locale_builds import REQUEST, BuildRequest, root_url
from glossary_tool.model import Comparison, Concept, Entry, Faq, Glossary
from glossary_tool.problems import FatalError, Problem
from glossary_tool.reporters import REPORTERS
from glossary_tool.site_state import LocaleState

log = logging.getLogger("mkdocs.plugins.glossary.serve")
POLL_SECONDS = 0.05  # how often the content folder is looked at: a stat per file, a few milliseconds at 1,000 files
WAIT_SECONDS = 25  # a browser's request for news is answered at the latest after this long
EVENTS = "/.glossary-serve/events"
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
            elif e.name.endswith((*SUFFIXES, ".po")):
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
    config: Any
    state: LocaleState | None = None

    @classmethod
    def create(cls, config_file: Path, code: str, site_dir: Path, site_url: str) -> LocaleSite:
        from mkdocs.config import load_config

        return cls(code, load_config(str(config_file), site_dir=str(site_dir), site_url=site_url))

    def full(self) -> None:
        """Build this locale in full; the plugin hands back its state through the build request."""
        from mkdocs.commands import build as mk_build

        request = BuildRequest(self.code)
        token = REQUEST.set(request)  # this process builds every locale itself, one after the other
        try:
            mk_build.build(self.config, serve_url=self.config.site_url)
        finally:
            REQUEST.reset(token)
        self.state = request.state

    def update(self, glossary: Glossary, settings: Settings, changed: set[str]) -> list[str]:
        """Render again the pages that depend on the concepts, comparisons and FAQs in ``changed`` (ids, old and
        new versions alike), template those whose content differs, and rewrite the search index. Returns their URLs."""
        from mkdocs.commands import build as mk_build

        from glossary_tool.render import category, comparison, concept, faq, home, index_az, pair
        from glossary_tool.render.context import RenderContext, by_concept
        from glossary_tool.translation import stale_fields

        state, config = self.state, self.config
        assert state is not None and state.files is not None and state.nav is not None and state.env is not None
        # An edited entry changed today; the exports (and their sizes) are made again by the next full build.
        dates = {**state.dates, **dict.fromkeys(changed, state.today)}
        ctx = RenderContext(glossary, settings, self.code, config.site_name, config.site_url or "",
                            lambda c, code: stale_fields(c, code, settings.source_locale), dates, state.today, state.downloads)
        comps_of, faqs_of = by_concept(glossary.comparisons), by_concept(glossary.faqs)
        incoming = concept.inbound(ctx)
        faq_urls = faq.faq_locations(ctx)
        pages = [home.home_page(ctx), *category.category_pages(ctx), *index_az.index_pages(ctx), *faq.faq_pages(ctx), *pair.pair_pages(ctx)]
        pages += [comparison.comparison_page(ctx, c) for c in glossary.comparisons if c.id in changed or set(c.concepts) & changed]
        pages += [concept.concept_page(ctx, c, comps_of.get(c.id, []), faqs_of.get(c.id, []), incoming, faq_urls)
                  for c in glossary.concepts if c.id in changed]
        rebuilt = []
        for p in pages:
            if state.pages.get(p.src) == p:
                continue
            state.pages[p.src] = p
            file = state.files.get_file_from_path(p.src)
            if file is None or file.page is None:  # a page that did not exist: only a full build can add it
                raise _NeedsFullBuild(p.src)
            mk_build._populate_page(file.page, config, state.files)
            mk_build._build_page(file.page, config, state.files.documentation_pages(), state.nav, state.env)
            rebuilt.append(p.url)
        state.glossary = glossary
        recs = search_index.records(glossary, settings, self.code, state.pages.values())
        files = state.index.files(recs)
        search_index.write(Path(config.site_dir) / search_index.INDEX_DIR, files, state.index_files)
        state.index_files = files
        return rebuilt


class _NeedsFullBuild(Exception):
    pass


def dependents(glossary: Glossary, ids: set[str]) -> set[str]:
    """The ids whose pages show something of the entries ``ids``: their relations both ways, pages whose text names
    one of their terms (it becomes a link with its short definition), comparisons and questions about them."""
    terms = {t.text.casefold() for cid in ids if (c := glossary.concept(cid)) for b in c.locales.values() for t in b.terms}
    out = set(ids)
    for entry in glossary.entries:
        m = entry.model
        if isinstance(m, Concept):
            linked = any(m.targets(r) and set(m.targets(r)) & ids for r in m.relations)
            named = any(t in b.definition.casefold() for b in m.locales.values() for t in terms)
            if linked or named:
                out.add(m.id)
        elif isinstance(m, Comparison | Faq) and (set(m.concepts) & ids or m.id in ids):
            out.add(m.id)
    return out


@dataclass
class State:
    """What the browsers are told: the build's number, bumped on every successful rebuild, and the current error."""

    epoch: int = 0
    error: str = ""
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, *, bump: bool, error: str) -> None:
        with self.changed:
            if bump:
                self.epoch += 1
            self.error = error
            self.changed.notify_all()

    def wait(self, epoch: int, error: str, timeout: float) -> tuple[int, str]:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch or self.error != error, timeout)
            return self.epoch, self.error


class Project:
    """The warm glossary and every locale's site; ``refresh`` brings them up to date with the files."""

    def __init__(self, raw: RawConfig, settings: Settings, out: Path) -> None:
        self.raw, self.settings, self.out = raw, settings, out
        self.base = root_url(settings.site_url)
        self.sites = [LocaleSite.create(raw.path, loc.code, self.folder(loc.code), self.base + loc.prefix) for loc in settings.locales]
        self.watched = [settings.content_dir, settings.root / "locales"]
        self.files = snapshot(self.watched, [raw.path])
        self.glossary: Glossary | None = None

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

    def refresh(self, now: Snapshot) -> list[str]:
        """Rebuild after the files changed from ``self.files`` to ``now``; the URLs rebuilt. Raises _Broken with the
        problems when the new state has errors (the old pages stay)."""
        before, self.files = self.files, now
        changed = [p for p in now.keys() | before.keys() if now.get(p) != before.get(p)]
        if not changed:
            return []
        weird = [p for p in changed if p in now and not now[p][2]]
        if weird:
            raise _Broken(f"{weird[0]}: not a regular file (a FIFO, a device or a link); it is not read")
        structural = self.glossary is None or any(p not in now or p not in before or p.suffix == ".po" or p == self.raw.path for p in changed)
        if structural:
            return self._rebuild_all()
        assert self.glossary is not None
        glossary, problems, ids = self._splice(self.glossary, sorted(changed))
        problems = stamp([*problems, *check(glossary, self.settings)], self.settings)
        errors = [p for p in problems if p.severity.value == "error"]
        if errors:
            self.files = before | {p: now[p] for p in changed if p in now}  # the next edit compares with this one
            raise _Broken(REPORTERS["text"](errors))
        affected = dependents(self.glossary, ids) | dependents(glossary, ids)
        urls: list[str] = []
        try:
            for site in self.sites:
                urls += site.update(glossary, self.settings, affected)
        except _NeedsFullBuild:
            return self._rebuild_all()
        self.glossary = glossary
        return urls

    def _rebuild_all(self) -> list[str]:
        glossary, problems = load_glossary(self.settings)
        errors = [p for p in stamp([*problems, *check(glossary, self.settings)], self.settings) if p.severity.value == "error"]
        if errors:
            raise _Broken(REPORTERS["text"](errors))
        self.full()
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
        return Glossary(tuple(entries), documents), problems, ids


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
  function poll(error) {
    fetch("%s?epoch=" + epoch + "&error=" + encodeURIComponent(error), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (news) {
        if (news.epoch !== epoch) { location.reload(); return; }
        banner(news.error);
        poll(news.error);
      })
      .catch(function () { setTimeout(function () { poll(error); }, 1000); });
  }
  poll("");
})();
</script>"""


def handler_for(project: Project, state: State) -> type[http.server.BaseHTTPRequestHandler]:
    mounts = project.mount()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == EVENTS:
                self._events(url.query)
                return
            path = unquote(url.path)
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
            news = state.wait(epoch, unquote(args.get("error", "")), WAIT_SECONDS)
            body = json.dumps({"epoch": news[0], "error": news[1]}).encode("utf-8")
            self._send(200, body, "application/json")

        def _file(self, folder: Path, rel: str, prefix: str) -> None:
            target = (folder / rel.lstrip("/")).resolve()
            if not target.is_relative_to(folder.resolve()):
                self._send(404, b"not found", "text/plain; charset=utf-8")
                return
            if target.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", self.path.split("?")[0] + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            body = _read_regular(target)
            status = 200
            if body is None:
                status, target = 404, folder / "404.html"
                body = _read_regular(target) or b"not found"
            kind = _TYPES.get(target.suffix, "application/octet-stream")
            if target.suffix == ".html":
                body = body.replace(b"</body>", (LIVE_SCRIPT % (state.epoch, EVENTS)).encode("utf-8") + b"</body>", 1)
            self._send(status, body, kind)

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")  # every edit must show, and the index changes in place
            self.end_headers()
            self.wfile.write(body)

    return Handler


_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
          ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".ico": "image/x-icon", ".woff2": "font/woff2",
          ".gz": "application/gzip", ".txt": "text/plain; charset=utf-8"}


def _read_regular(path: Path) -> bytes | None:
    """The file's bytes when it is a regular file; never opens a FIFO or a device (which could block forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def watch(project: Project, state: State, stop: threading.Event) -> None:
    """Poll the files; rebuild on every change. Runs on its own thread, so the server answers all the while."""
    while not stop.wait(POLL_SECONDS):
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
            state.publish(bump=True, error="")


def serve(raw: RawConfig, settings: Settings, dev_addr: str, out: Path) -> None:
    """Build every locale into ``out``, then serve it on ``dev_addr`` and rebuild on every edit until interrupted."""
    host, _, port_text = dev_addr.rpartition(":")
    try:
        port = int(port_text)
    except ValueError:
        raise FatalError(f"--dev-addr {dev_addr!r}: write HOST:PORT, e.g. 127.0.0.1:8000") from None
    project = Project(raw, settings, out)
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
    try:
        server = http.server.ThreadingHTTPServer((host or "127.0.0.1", port), handler_for(project, state))
    except OSError as exc:
        raise FatalError(f"--dev-addr {dev_addr}: cannot listen there: {exc.strerror or exc}") from None
    server.daemon_threads = True
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

