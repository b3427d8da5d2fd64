"""The MkDocs page of a page the plugin made: its title and metadata, its rendering (its Markdown is empty, so
MkDocs' converter is not needed), and the file of a page a build takes whole from the build cache."""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from glossary_tool.core.layout import CONCEPT
from glossary_tool.site import theme
from glossary_tool.site.render import RenderedPage
from glossary_tool.site.state import LocaleState


def describe(page: Page, rendered: RenderedPage, state: LocaleState) -> None:
    """Set the page's title and metadata from what the plugin rendered.

    Set here, never through front matter, so contributor text cannot inject any. MkDocs renders theme templates
    without autoescaping, so they get escaped text. meta.title is set as well because Material otherwise prints
    `page.title | striptags` in <title>, and striptags un-escapes entities."""
    title = html.escape(rendered.title)
    page.title = title
    if rendered.url:  # the home page keeps Material's plain site-name <title>
        page.meta["title"] = title
    page.meta["description"] = html.escape(rendered.description or state.site_description)
    page.meta["glossary_alternates"] = alternates = theme.alternates(state.settings, state.locale, state.base, rendered.url)
    page.meta["glossary_x_default"] = alternates[0]["abs"]  # the first language's, of those whose site has the page
    page.meta["glossary_lastmod"] = rendered.lastmod
    page.meta["glossary_og_type"] = "article" if CONCEPT.owns(rendered.src) else "website"


class GeneratedPage(Page):
    """A page whose content the plugin made (its ``on_page_markdown`` returns empty Markdown). Rendering it gives what
    MkDocs' own ``render`` gives for empty Markdown, without making a Markdown converter with every configured
    extension for each page: that was a tenth of a build from the cache."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:  # not one of the plugin's pages after all: MkDocs renders it
            super().render(config, files)
            return
        self.content, self.toc = "", get_toc([])
        self.present_anchor_ids = set()


class SkippedFile(File):
    """The file of a page this build wrote whole from the build cache: MkDocs' dirty build (which a locale's build
    with the cache is) neither reads, renders nor writes it, as it would a page not modified since the last build."""

    def is_modified(self) -> bool:
        return False
