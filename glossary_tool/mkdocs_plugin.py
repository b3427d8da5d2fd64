"""The MkDocs plugin: event handlers only; loading, rendering, locale builds and search live in their own modules.

A plain ``mkdocs build`` builds the first locale here and starts the others as processes of their own.
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from glossary_tool import locale_builds, search_index, theme
from glossary_tool.config import GlossaryOptions, Settings, build_settings
from glossary_tool.lint import check, stamp
from glossary_tool.loading import load_glossary
from glossary_tool.render import RenderedPage, render_locale
from glossary_tool.render.context import BYTECODE_CACHE
from glossary_tool.render.downloads import export_files
from glossary_tool.render.history import build_date, entry_dates
from glossary_tool.reporters import REPORTERS
from glossary_tool.translation import stale_fields


class GlossaryPlugin(BasePlugin[GlossaryOptions]):
    """Renders the glossary's pages for this build's locale."""

    def __init__(self) -> None:
        super().__init__()
        self.settings: Settings | None = None
        self.locale = ""
        self.base = "/"
        self.lints = True  # the first locale's build lints; the others only load
        self.pages: dict[str, RenderedPage] = {}
        self.others: list[locale_builds.LocaleBuild] = []

    @event_priority(100)  # before the search plugin reads its language settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = build_settings(Path(config.config_file_path).parent, self.config, config.site_url or "", Path(config.config_file_path))
        self.settings = settings
        self.locale, started = locale_builds.build_locale_of(settings)
        self.lints = self.locale == settings.locales[0].code
        loc = settings.locale(self.locale)
        self.base = locale_builds.root_url(config.site_url)
        if started and loc.prefix and self.base.endswith("/" + loc.prefix):
            self.base = self.base[: -len(loc.prefix)]  # a started build's site_url already has its prefix
        theme.configure(config, settings, loc, self.base)
        if not started and len(settings.locales) > 1:
            # As early as possible: they run while this build cleans site_dir, reads files, lints and renders.
            self.others = locale_builds.start_others(Path(config.config_file_path), Path(config.site_dir), self.base, settings.locales[1:])
        return config

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The theme's templates are compiled afresh by every build; the cache keeps the compiled code between builds.
        env.bytecode_cache = BYTECODE_CACHE
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        settings = self.settings
        # One parsing process when several locales build at once: the others use the other cores.
        glossary, problems = load_glossary(settings, jobs=1 if len(settings.locales) > 1 else None)
        if self.lints:
            problems = stamp([*problems, *check(glossary, settings)], settings)
            if any(p.severity.value == "error" for p in problems):
                locale_builds.stop_all(self.others)
                raise PluginError("the glossary has errors:\n" + REPORTERS["text"](problems))
        today = build_date()
        # Every locale's build makes the exports, for their sizes on its pages; only the first publishes them.
        # They name concepts by their pages at the site's root, whichever locale builds them.
        exports = export_files(glossary, dataclasses.replace(settings, site_url=self.base))
        rendered = render_locale(glossary, settings, self.locale, site_name=config.site_name, site_url=config.site_url or "",
                                 stale=lambda concept, code: stale_fields(concept, code, settings.source_locale),
                                 changed=entry_dates(glossary, settings.content_dir, today), today=today,
                                 downloads=[d for d, _ in exports])
        self.pages = {p.src: p for p in rendered}
        config.nav = theme.nav(rendered, settings, self.locale)  # MkDocs reads the nav after on_files: in time
        # Only the generated pages are published from the content folder: the YAML sources and anything else
        # there stay out. The theme's own files (styles, scripts, icons) are kept.
        docs = Path(config.docs_dir).resolve()
        out = Files([f for f in files if f.abs_src_path is None or not Path(f.abs_src_path).resolve().is_relative_to(docs)])
        for p in rendered:
            out.append(File.generated(config, p.src, content=""))
        if self.locale == settings.locales[0].code:
            for download, data in exports:
                out.append(File.generated(config, download.path, content=data))
        return out

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None or self.settings is None:
            return markdown
        # Titles and metadata are set here, never through front matter, so contributor text cannot inject any.
        # MkDocs renders theme templates without autoescaping, so they get escaped text. meta.title is set as well
        # because Material otherwise prints `page.title | striptags` in <title>, and striptags un-escapes entities.
        title = html.escape(rendered.title)
        page.title = title
        if rendered.url:  # the home page keeps Material's plain site-name <title>
            page.meta["title"] = title
        page.meta["description"] = html.escape(rendered.description or config.site_description or "")
        page.meta["glossary_alternates"] = theme.alternates(self.settings, self.locale, self.base, rendered.url)
        page.meta["glossary_x_default"] = self.base + self.settings.locales[0].prefix + rendered.url
        page.meta["glossary_lastmod"] = rendered.lastmod
        page.meta["glossary_og_type"] = "article" if rendered.src.startswith("terms/") else "website"
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None:
            return html
        page.toc = get_toc(theme.toc_tokens(rendered.toc))
        return rendered.html

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        search_index.add_synonyms(Path(config.site_dir) / "search" / "search_index.json", self.pages.values())
        failures = locale_builds.finish(self.others)
        self.others = []
        if failures:
            raise PluginError("other locale build failed:\n" + "\n".join(failures))

    def on_build_error(self, error: Exception) -> None:
        locale_builds.stop_all(self.others)
        self.others = []

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        server.watch(str(self.settings.content_dir))
        server.watch(str(self.settings.root / "locales"))
        return server
