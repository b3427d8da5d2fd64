"""The MkDocs plugin: event handlers only; loading, rendering, locale builds and search live in their own modules.

A plain ``mkdocs build`` builds the first locale here and starts the others as processes of their own.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from glossary_tool.core import progress
from glossary_tool.core.config import GlossaryOptions, build_settings, unknown_rules
from glossary_tool.core.content_files import list_content
from glossary_tool.core.loading import load_glossary
from glossary_tool.core.problems import BuildFailed
from glossary_tool.core.terminal import escape
from glossary_tool.core.translation import stale_fields
from glossary_tool.lint import build_errors, content_problems
from glossary_tool.lint.reporters import REPORTERS
from glossary_tool.lint.rules import load_all
from glossary_tool.site import build_cache, locale_builds, search_index, theme
from glossary_tool.site import exports as site_exports
from glossary_tool.site.generated_page import GeneratedPage, describe
from glossary_tool.site.render import PAGE_KINDS, published, render_locale
from glossary_tool.site.render.context import BYTECODE_CACHE
from glossary_tool.site.render.history import build_date, entry_dates
from glossary_tool.site.run_mode import RunMode
from glossary_tool.site.state import LocaleState


class GlossaryPlugin(BasePlugin[GlossaryOptions]):
    """Renders the glossary's pages for this build's locale; what the build knows is kept in ``self.state``."""

    def __init__(self) -> None:
        super().__init__()
        self.state: LocaleState | None = None
        self.others: locale_builds.Scheduler | None = None
        self.kinds = self.written = 0  # the steps this build reports (progress.report_step)
        # The build cache (build_cache.py), only when `glossary-tool build` hands one to this locale's process.
        self.cache: build_cache.PageFiles | None = None
        self.fragments: build_cache.ConceptFragments | None = None  # the concept pages' content, with the cache
        self.common = ""  # the digest of what every page of this locale is made from
        self.keys: dict[str, str] = {}  # a page (src_uri) → its key, for the pages the theme renders
        self.started = False  # this locale's process was started by `glossary-tool build` (RunMode.BUILD)
        self.contexts: dict[str, object] = {}  # a cached page's template context, kept in case its file fails on reading

    @event_priority(100)  # before the search plugin reads its language settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = build_settings(Path(config.config_file_path).parent, self.config, config.site_url or "", Path(config.config_file_path))
        unknown = unknown_rules(settings.rules, load_all())  # MkDocs validated the options; lint knows the rule ids
        if unknown:
            raise PluginError("\n".join(f"glossary option rules.{path[0]}: {message}" for path, message in unknown))
        locale, mode = locale_builds.build_locale_of(settings)
        loc = settings.locale(locale)
        base = locale_builds.root_url(config.site_url)
        if mode.chosen and loc.prefix and base.endswith("/" + loc.prefix):
            base = base[: -len(loc.prefix)]  # a started build's site_url already has its prefix
        # MkDocs walks docs_dir following every link; the content-folder rules (on_pre_build) must see that same folder.
        if os.path.realpath(config.docs_dir) != str(settings.content_dir):
            raise PluginError(f"docs_dir ({escape(config.docs_dir)}) must be the glossary's content_dir ({escape(str(settings.content_dir))})")
        self.state = LocaleState(settings, locale, base, lints=locale == settings.locales[0].code, index=search_index.Index(locale))
        # What `glossary-tool build` hands its locale builds (locale_builds.HANDED); serve, in this process, has none.
        self.started = mode is RunMode.BUILD
        cache_root = os.environ.get(build_cache.CACHE_ENV) if self.started else None
        self.cache = build_cache.PageFiles(Path(cache_root), locale) if cache_root else None
        request = locale_builds.REQUEST.get()
        if mode.keeps_state and request is not None:
            request.state = self.state  # serve keeps it to re-render single pages after an edit
        theme.configure(config, settings, loc, base)
        if mode.starts_others:
            # A plain `mkdocs build` or `mkdocs serve` (glossary-tool reports them before it starts the builds):
            # informational, so that MkDocs' strict mode fails only when the project asks (missing_catalog: error).
            try:
                theme.report_interface(settings, theme.log.info)
            except BuildFailed as exc:
                raise PluginError(str(exc)) from None
        self.state.site_name, self.state.site_description = config.site_name, config.site_description or ""
        theme.escape_options(config)  # every option a template prints is text, whatever the template does with it
        if mode.starts_others and len(settings.locales) > 1:
            # As early as possible: they run while this build cleans site_dir, reads files, lints and renders.
            self.others = locale_builds.start_others(Path(config.config_file_path), Path(config.site_dir), base, settings.locales[1:])
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self.state is not None
        settings = self.state.settings
        # Before MkDocs walks docs_dir (it follows links, so a link to / or a loop would hang or crash it there):
        # a content folder that lint refuses for what it holds stops the build before anything is read or written.
        problems = content_problems(list_content([settings.content_dir], settings).others, settings)
        if problems:
            locale_builds.stop_all(self.others)
            raise PluginError("the content folder holds what the site must not publish:\n" + REPORTERS["text"](problems))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The theme's templates are compiled afresh by every build; the cache keeps the compiled code between builds.
        env.bytecode_cache = BYTECODE_CACHE
        assert self.state is not None
        theme.share_assets(env, self.state.shared_assets, self.state.settings.locale(self.state.locale).prefix)
        self.state.env, self.state.files = env, files
        return env

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.state is not None
        self.state.nav = nav
        if self.cache is not None:  # MkDocs renders the pages' content after on_nav, and on_env comes after that
            self.common = build_cache.common_digest(config, self.state.locale, self.state.base, self.state.settings.root, nav)
            if self.fragments is not None:  # the pages MkDocs need not read, render nor write: written here, whole
                self.written += build_cache.write_unchanged(self.cache, self.common, self.fragments, self.state, files, config)
        return nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        state = self.state
        assert state is not None
        settings = state.settings
        # `glossary-tool build` loaded and linted the glossary once for every locale (site/build.py). A build started
        # otherwise loads its own, in one parsing process when several locales build at once, and the first lints it.
        handed = site_exports.received_glossary() if self.started else None
        glossary, problems = (handed, []) if handed is not None else load_glossary(settings, jobs=1 if len(settings.locales) > 1 else None)
        if state.lints and handed is None and (errors := build_errors(glossary, problems, settings)) is not None:
            locale_builds.stop_all(self.others)
            raise PluginError(errors)
        state.today = build_date()
        # Every locale shows the downloads' sizes; only the first publishes them. `glossary-tool build` made them
        # once for all locales; a build started otherwise makes its own.
        first = state.locale == settings.locales[0].code
        made = site_exports.received(with_data=first) if self.started else None
        exports = made if made is not None else site_exports.make(glossary, settings, state.base)
        state.dates = entry_dates(glossary, settings.content_dir, state.today)
        state.downloads = tuple(d for d, _ in exports)
        glossary = published(glossary, settings)  # the exports leave placeholders out themselves, and count them
        if self.cache is not None:
            self.fragments = build_cache.ConceptFragments(
                self.cache.root, state.locale, glossary, Path(config.config_file_path).read_bytes(), settings.root,
                state.site_name, config.site_url or "", state.dates, state.today, state.downloads)
        rendered = render_locale(glossary, settings, state.locale, site_name=state.site_name, site_url=config.site_url or "",
                                 stale=lambda concept, code: stale_fields(concept, code, settings.source_locale),
                                 changed=state.dates, today=state.today, downloads=state.downloads,
                                 on_kind=lambda done, kinds, name: progress.report_step(state.locale, done, kinds, name),
                                 reuse=self.fragments)
        if self.fragments is not None:
            self.fragments.keep(rendered)
        self.kinds, self.written = len(PAGE_KINDS), 0
        state.pages = {p.src: p for p in rendered}
        state.glossary = glossary
        config.nav = theme.nav(rendered, settings, state.locale)  # MkDocs reads the nav after on_files: in time
        out, state.shared_assets = theme.site_files(config, files, rendered, exports if first else [],
                                                    share=bool(settings.locale(state.locale).prefix))
        return out

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        state = self.state
        rendered = state.pages.get(page.file.src_uri) if state is not None else None
        if rendered is None or state is None:
            return markdown
        describe(page, rendered, state)
        page.__class__ = GeneratedPage  # its Markdown is empty: no Markdown converter is made for it
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.state.pages.get(page.file.src_uri) if self.state is not None else None
        if rendered is None:
            return html
        page.toc = get_toc(theme.toc_tokens(rendered.toc))
        if self.cache is not None:
            key = build_cache.page_key(self.common, build_cache.page_fields(page, rendered.html, rendered.toc))
            self.keys[page.file.src_uri] = key
            if self.cache.has(key):  # the theme's templates are skipped: on_post_page hands MkDocs the cached page
                page.meta["template"] = build_cache.CACHED_TEMPLATE
        return rendered.html

    def on_page_context(self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        if page.meta.get("template") == build_cache.CACHED_TEMPLATE:
            self.contexts[page.file.src_uri] = context
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.state is None:
            return output
        # Steps for build's progress bar: the page kinds rendered, then the pages written, reported every 1 %.
        self.written += 1
        pages = len(self.state.pages)
        if pages and (self.written * 100 // pages != (self.written - 1) * 100 // pages or self.written == pages):
            progress.report_step(self.state.locale, self.kinds + self.written, self.kinds + pages, "pages written")
        key = self.keys.pop(page.file.src_uri, None)
        context = self.contexts.pop(page.file.src_uri, None)  # set: the page was built with the cached template
        if self.cache is None or key is None:
            return theme.compact(theme.with_direction(output, self.state.locale))
        cached = self.cache.get(key) if context is not None else None
        if cached is not None:
            return cached
        if context is not None:  # damaged since on_page_content found it: rendered as MkDocs would have
            assert self.state.env is not None
            output = self.state.env.get_template("main.html").render(context)
        output = theme.compact(theme.with_direction(output, self.state.locale))
        self.cache.put(key, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page (a static template) is a page of this locale too.
        if self.state is None or not template_name.endswith(".html"):
            return output_content
        return theme.compact(theme.with_direction(output_content, self.state.locale))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        state = self.state
        analyses = build_cache.SearchAnalyses(self.cache.root, self.cache.locale) if self.cache is not None else None
        if state is not None and state.glossary is not None and theme.search_plugin(config) is not None:
            recs = state.index.records(state.glossary, state.settings, state.pages.values())
            if analyses is not None:
                analyses.load(state.index)
            state.index_files = state.index.files(recs)
            search_index.write(Path(config.site_dir) / search_index.INDEX_DIR, state.index_files)
            if analyses is not None:
                analyses.save(state.index)
        if self.cache is not None:
            stores = [self.cache, *([self.fragments.store] if self.fragments is not None else []), *([analyses.store] if analyses else [])]
            for store in stores:
                store.prune()
            build_cache.write_warnings(Path(config.site_dir), stores)
        failures = locale_builds.finish(self.others)
        self.others = None
        if failures:
            raise PluginError("other locale build failed:\n" + "\n".join(failures))

    def on_build_error(self, error: Exception) -> None:
        locale_builds.stop_all(self.others)
        self.others = None


