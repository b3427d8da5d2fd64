"""Thin MkDocs glue: lint, render the pages of this build's locale, and start the other locales' builds.

Each other locale is its own MkDocs build in a parallel process, into ``<site_dir>/<prefix>``.
"""

# So `mkdocs serve` serves every locale from one site folder, and reloads when an entry changes.

from __future__ import annotations

import html
import json
import logging
import multiprocessing
import posixpath
import shutil
import subprocess
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from glossary_tool.build import Child, base_url, locale_dirs, start_other_locales
from glossary_tool.config import Settings, settings_from_options
from glossary_tool.lint import run
from glossary_tool.problems import FatalError
from glossary_tool.render import RenderedPage, render_locale
from glossary_tool.render.pages import BYTECODE_CACHE
from glossary_tool.render.i18n import gettext_for as render_gettext
from glossary_tool.render.i18n import theme_labels
from glossary_tool.reporters import REPORTERS
from glossary_tool.translation import stale_fields

ASSETS = Path(__file__).resolve().parent / "overrides"
SEARCH_FIELD = "synonyms"
# Under `mkdocs serve`, each other locale is rebuilt by one warm process kept for the whole session (locale -> process
# and its pipe): a fresh process per rebuild spent 1.4 s of a 2 s reload on start-up, imports and cold caches.
_WARM: dict[str, tuple[multiprocessing.process.BaseProcess, Connection]] = {}
_serving = False


class GlossaryConfig(base.Config):
    content_dir = c.Type(str, default="content")
    locales = c.Optional(c.Type(list))
    source_locale = c.Optional(c.Type(str))
    max_file_bytes = c.Type(int, default=256 * 1024)
    max_depth = c.Type(int, default=12)
    rules = c.Type(dict, default={})


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    # Set by glossary_tool.build before the build starts; defaults suit a plain `mkdocs build`/`serve`.
    locale: str | None = None
    spawn_other_locales: bool = True

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, RenderedPage] = {}
        # Other locales' builds under way: locale, process (or warm process's pipe), hidden folder, final folder.
        self.children: list[tuple[str, subprocess.Popen[bytes] | Connection, Path, Path]] = []
        self.prestarted: list[Child] | None = None

    @event_priority(100)  # before the search plugin reads its language settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options: dict[str, Any] = {k: v for k, v in self.config.items() if v is not None}
        try:
            self.settings: Settings = settings_from_options(Path(config.config_file_path).parent, options, config.site_url or "")
        except FatalError as exc:
            raise PluginError(str(exc)) from None
        self.locale = self.locale or self.settings.locales[0].code
        loc = self.settings.locale(self.locale)
        self.base_url = base_url(config.site_url)
        if self.locale != self.settings.locales[0].code and self.base_url.endswith("/" + loc.prefix):
            self.base_url = self.base_url[: -len(loc.prefix)]  # site_url of a sub-build already has its prefix
        config.site_url = self.base_url + loc.prefix
        config.theme["language"] = self.locale
        config.site_name = loc.site_name or config.site_name
        config.site_description = loc.site_description or config.site_description
        # Template overrides (per-page alternates, sitemap, language switch) and glossary.css, ahead of Material's.
        config.theme.dirs.insert(0, str(ASSETS))
        config.extra_css.append("assets/glossary.css")
        # A truthy value shows Material's language switch; our partial renders per-page links instead.
        config.extra.update(theme_labels(self.settings.root / "locales", self.locale))
        config.extra["glossary_root_sitemap"] = self.locale == self.settings.locales[0].code
        config.extra["alternate"] = [{"name": l.name, "link": self.base_url + l.prefix, "lang": l.code} for l in self.settings.locales]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            search.config["lang"] = [self.locale]
            # No stemmer in the index: queries get a trailing wildcard, which lunr does not stem. Instead our search
            # worker (overrides/assets/javascripts/workers/glossary-search-worker.js) cuts each query word back to
            # the part it shares with its stem.
            search.config["pipeline"] = ["stopWordFilter", "trimmer"]
            # A term's other names, in every language, go into their own field: searchable, never shown in results.
            search.config["fields"] = {**search.config["fields"], SEARCH_FIELD: {"boost": 10.0}}
        if self.prestarted is not None:  # `glossary-tool build` started them before loading MkDocs
            self.children = list(self.prestarted)
            self.prestarted = None
        elif self.spawn_other_locales and self.locale == self.settings.locales[0].code:
            # As early as possible, so that they run while this build cleans site_dir, reads files, lints and renders;
            # they build into hidden folders, which MkDocs' cleaning skips, moved into place in on_post_build.
            self._start_other_locales(config)
        return config

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The theme's templates are compiled afresh by every build; the cache keeps the compiled code between builds.
        env.bytecode_cache = BYTECODE_CACHE
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Lint and render here rather than in on_config: the other locales' builds have started by now.
        try:
            self._lint_and_render(config)
        except BaseException:
            self._stop_other_locales()
            raise
        # The YAML sources are inputs, not pages: keep them out of the built site.
        out = Files([f for f in files if not f.src_uri.endswith((".yaml", ".yml")) and f.src_uri != ".gitkeep"])
        for page in self.pages.values():
            out.append(File.generated(config, page.src, content=""))
        return out

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None:
            return markdown
        # Titles and metadata are set here, never through front matter, so contributor text cannot inject any.
        # MkDocs renders theme templates without autoescaping, so they get escaped text. meta.title is set as well
        # because Material otherwise prints `page.title | striptags` in <title>, and striptags un-escapes entities.
        title = html.escape(rendered.title)
        page.title = title  # type: ignore[misc]
        if rendered.url:  # the home page keeps Material's plain site-name <title>
            page.meta["title"] = title
        page.meta["description"] = html.escape(rendered.description or config.site_description or "")
        page.meta["glossary_alternates"] = self._alternates(rendered.url)
        page.meta["glossary_x_default"] = self.base_url + self.settings.locales[0].prefix + rendered.url
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages.get(page.file.src_uri)
        return rendered.html if rendered is not None else html

    def _lint_and_render(self, config: MkDocsConfig) -> None:
        # One parsing process: with several locales, the other locales' builds are using the other cores.
        result = run(self.settings, jobs=1 if len(self.settings.locales) > 1 else None)
        if result.errors:
            raise PluginError("the glossary has errors:\n" + REPORTERS["text"](result.problems))
        stale = _stale_checker(self.settings)
        rendered = render_locale(result.glossary, self.settings, self.locale or "", site_name=config.site_name,
                                 site_url=config.site_url, locales_dir=self.settings.root / "locales", stale=stale)
        self.pages = {p.src: p for p in rendered}
        # MkDocs reads the nav after on_files, so setting it here is in time.
        config.nav = _nav(rendered, render_gettext(self.settings.root / "locales", self.locale or "")("Categories"))

    def on_build_error(self, error: Exception) -> None:
        self._stop_other_locales()

    def _stop_other_locales(self) -> None:
        for code, proc, staging, _ in self.children:
            if isinstance(proc, Connection):
                _stop_warm(code)  # its build cannot be interrupted; the next rebuild starts a new process
            else:
                proc.kill()
                proc.communicate()
            shutil.rmtree(staging, ignore_errors=True)
        self.children = []

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._add_search_synonyms(Path(config.site_dir) / "search" / "search_index.json")
        failures = []
        for code, proc, staging, final in self.children:
            if isinstance(proc, Connection):  # a warm serve process answers None or the error
                try:
                    error = proc.recv()
                except EOFError:
                    error = "the build process ended"
                    _stop_warm(code)
            else:
                _, err = proc.communicate()
                error = err.decode("utf-8", "replace").strip() if proc.returncode != 0 else None
            if error:
                failures.append(f"[{code}] {error}")
                shutil.rmtree(staging, ignore_errors=True)
                continue
            if final.exists():  # only after a dirty build: a clean one has removed it
                shutil.rmtree(final)
            final.parent.mkdir(parents=True, exist_ok=True)
            staging.rename(final)
        self.children = []
        if failures:
            raise PluginError("other locale build failed:\n" + "\n".join(failures))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        global _serving
        _serving = True  # from the first rebuild on, other locales build in warm processes
        server.watch(str(self.settings.content_dir))
        server.watch(str(self.settings.root / "locales"))
        return server

    def _add_search_synonyms(self, index_file: Path) -> None:
        if not index_file.exists():
            return
        concepts = {p.url: p for p in self.pages.values() if p.search_words}
        data = json.loads(index_file.read_text(encoding="utf-8"))
        for doc in data["docs"]:
            page = concepts.get(doc["location"])
            if page is None:  # only a concept page's first entry; its sections stay as they are
                continue
            doc[SEARCH_FIELD] = page.search_words
            if not doc.get("text") and page.description:
                # Results show this entry's text (as HTML): the short definition, escaped, rather than nothing.
                doc["text"] = f"<p>{html.escape(page.description)}</p>"
        index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def _alternates(self, url: str) -> list[dict[str, str]]:
        here = "/" + self.settings.locale(self.locale or "").prefix + url
        out = []
        for loc in self.settings.locales:
            there = "/" + loc.prefix + url
            rel = posixpath.relpath(there, here if here.endswith("/") else posixpath.dirname(here))
            out.append({"code": loc.code, "name": loc.name, "abs": self.base_url + loc.prefix + url,
                        "href": rel + "/" if there.endswith("/") and rel != "." else ("./" if rel == "." else rel)})
        return out

    def _start_other_locales(self, config: MkDocsConfig) -> None:
        others = self.settings.locales[1:]
        if not _serving:
            self.children = list(start_other_locales(Path(config.config_file_path), Path(config.site_dir), self.base_url, others))
            return
        for loc in others:
            staging, final = locale_dirs(Path(config.site_dir), loc)
            conn = _warm(loc.code)
            conn.send((str(config.config_file_path), loc.code, str(staging), self.base_url + loc.prefix))
            self.children.append((loc.code, conn, staging, final))


def _warm(code: str) -> Connection:
    """The pipe to the warm build process of locale ``code``, started on first use (spawned: serve runs threads)."""
    worker = _WARM.get(code)
    if worker is None or not worker[0].is_alive():
        ours, theirs = multiprocessing.Pipe()
        proc = multiprocessing.get_context("spawn").Process(target=_warm_loop, args=(theirs,), daemon=True, name=f"glossary-{code}")
        proc.start()
        theirs.close()
        worker = _WARM[code] = (proc, ours)
    return worker[1]


def _stop_warm(code: str) -> None:
    worker = _WARM.pop(code, None)
    if worker is not None:
        worker[0].kill()
        worker[0].join()
        worker[1].close()


def _warm_loop(conn: Connection) -> None:
    """A warm build process: build one locale per request (config, locale, site dir, site URL); reply None or the error."""
    from glossary_tool.build import build_locale

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    while True:
        try:
            config_file, code, site_dir, site_url = conn.recv()
        except EOFError:  # the serving process has gone
            return
        try:
            build_locale(Path(config_file), code, Path(site_dir), site_url, spawn_others=False)
            conn.send(None)
        except Exception as exc:  # reported by the serving process, like a failed one-off build
            conn.send(f"{type(exc).__name__}: {exc}")


def _nav(pages: list[RenderedPage], categories_title: str) -> list[Any]:
    """Home, then the category pages as one group, then the other listed pages; terms stay out (linear size)."""
    nav: list[Any] = []
    group: list[Any] = []
    for p in pages:
        if not p.in_nav:
            continue
        if p.src.startswith("categories/"):
            if not group:
                nav.append({categories_title: group})
            group.append({html.escape(p.title): p.src})
        else:
            nav.append({html.escape(p.title): p.src})  # a comparison's title is contributor text
    return nav


def _stale_checker(settings: Settings) -> Any:
    """The core's stale-translation check, bound to the configured source locale."""
    return lambda concept, code: stale_fields(concept, code, settings.source_locale)
