"""Thin MkDocs glue: lint the glossary, then hand MkDocs the pages that ``render`` produced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from glossary_tool.config import Settings, settings_from_options
from glossary_tool.lint import run
from glossary_tool.problems import FatalError
from glossary_tool.reporters import REPORTERS


class GlossaryConfig(base.Config):
    content_dir = c.Type(str, default="content")
    locales = c.Optional(c.Type(list))
    source_locale = c.Optional(c.Type(str))
    max_file_bytes = c.Type(int, default=256 * 1024)
    max_depth = c.Type(int, default=12)
    rules = c.Type(dict, default={})
    locale = c.Optional(c.Type(str))


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    settings: Settings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options: dict[str, Any] = {k: v for k, v in self.config.items() if v is not None and k != "locale"}
        try:
            self.settings = settings_from_options(Path(config.config_file_path).parent, options, config.site_url or "")
        except FatalError as exc:
            raise PluginError(str(exc)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        result = run(self.settings)
        if result.errors:
            raise PluginError("the glossary has errors:\n" + REPORTERS["text"](result.problems))
        # The YAML sources are inputs, not pages: keep them out of the built site.
        kept = [f for f in files if not f.src_uri.endswith((".yaml", ".yml"))]
        out = Files(kept)
        count = len(result.glossary.concepts)
        out.append(File.generated(config, "index.md", content=f"# {config.site_name}\n\n{count} concepts.\n"))
        return out

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.settings.content_dir))
        return server
