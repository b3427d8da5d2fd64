"""One locale's build as the plugin's events leave it: settings, rendered pages, MkDocs' files, navigation and
templates, and the search index. ``glossary-tool serve`` keeps it between edits to re-render single pages."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import jinja2
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Glossary
from glossary_tool.site import search_index
from glossary_tool.site.render import Download, RenderedPage


@dataclass
class LocaleState:
    """What one locale's build knows; created by the plugin's ``on_config`` and filled in by its later events."""

    settings: Settings
    locale: str
    base: str  # the site's root URL; this locale's pages live under base + prefix
    lints: bool  # the first locale's build lints; the others only load
    index: search_index.Index
    site_name: str = ""  # this locale's site name and description as plain text (MkDocs' config holds them escaped)
    site_description: str = ""
    pages: dict[str, RenderedPage] = field(default_factory=dict)
    glossary: Glossary | None = None
    files: Files | None = None
    nav: Navigation | None = None
    env: jinja2.Environment | None = None
    index_files: dict[str, bytes] | None = None  # what the last build wrote, so that a rebuild rewrites only changes
    dates: Mapping[str, datetime.date | None] = field(default_factory=dict)  # entry id → date of its last change, if known
    today: datetime.date = field(default_factory=datetime.date.today)  # the build date
    downloads: Sequence[Download] = ()  # the exports the build published, which pages link to
    shared_assets: frozenset[str] = frozenset()  # URLs of the theme's files this locale takes from the site's root
