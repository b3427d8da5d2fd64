"""The MkDocs page of a page the plugin made: its Markdown is empty, so MkDocs' rendering of it is skipped."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


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
