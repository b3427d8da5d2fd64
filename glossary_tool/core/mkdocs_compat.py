"""Every use of MkDocs' and Material for MkDocs' internals, in one module: their private names, the layout of
Material's package, and the list of a plugin's event handlers. Nothing else in the package touches them.

MkDocs 1.x is frozen and Material is in maintenance mode, so these hold still; ``CHECKED`` names the releases they were
read against, and ``tests/test_mkdocs_compat.py`` fails on any other installed release until it is read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import base

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import _TocToken as TocToken
else:
    TocToken = dict  # a heading as MkDocs' get_toc takes it (a TypedDict of mkdocs.structure.toc)

__all__ = [
    "CHECKED",
    "TocToken",
    "ValidatingConfig",
    "material_folder",
    "material_languages",
    "material_script_partials",
    "material_theme_defaults",
    "remove_handlers",
    "render_pages",
    "unchecked_releases",
]

# Release series each internal below was read against: (distribution, "major.minor").
CHECKED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mkdocs", ("1.6",)),
    ("mkdocs-material", ("9.7", "9.8")),
)


def unchecked_releases() -> list[str]:
    """Installed releases this module was not read against ("mkdocs 1.7.0"); empty when all were."""
    out = []
    for dist, series in CHECKED:
        installed = version(dist)
        if ".".join(installed.split(".")[:2]) not in series:
            out.append(f"{dist} {installed}")
    return out


class ValidatingConfig(base.Config):
    """A MkDocs config section whose validation is its own ``validate_options`` (MkDocs' private ``Config._validate``
    stops at the first failing option; the glossary reports them all)."""

    def _validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        return self.validate_options()

    def validate_options(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        raise NotImplementedError

    def schema(self) -> Sequence[tuple[str, base.BaseConfigOption[Any]]]:
        """The declared options in order (MkDocs keeps them in the private ``_schema``)."""
        return self._schema


def render_pages(pages: Iterable[Page], config: MkDocsConfig, files: Files, nav: Navigation, env: jinja2.Environment) -> None:
    """Build ``pages`` again into ``site_dir``, as a full build would: read each one's source and render its template
    (the private steps of ``mkdocs.commands.build``, which ``serve`` runs for the pages an edit touches)."""
    from mkdocs.commands import build as mk_build

    documentation = files.documentation_pages()  # a walk over every file: once for all the pages, not once each
    for page in pages:
        mk_build._populate_page(page, config, files)
        mk_build._build_page(page, config, documentation, nav, env)


def remove_handlers(config: MkDocsConfig, plugin: object, events: Iterable[str]) -> None:
    """Take ``plugin``'s handlers out of MkDocs' per-event lists (``PluginCollection.events``), so that it keeps its
    settings but no longer runs at those events."""
    for event in events:
        handlers = config.plugins.events[event]
        handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not plugin]


def material_folder() -> Path:
    """Where Material's package is installed: its templates, partials and theme defaults are files under it."""
    import material

    return Path(material.__file__).resolve().parent


def material_languages() -> list[str]:
    """The languages Material translates its interface into: one partial per language."""
    return sorted(p.stem for p in (material_folder() / "templates" / "partials" / "languages").glob("*.html"))


def material_theme_defaults() -> Path:
    """Material's theme defaults (``mkdocs_theme.yml``): its default font among them."""
    return material_folder() / "templates" / "mkdocs_theme.yml"


def material_script_partials() -> Path:
    """The folder of Material's own inline scripts, which every page carries."""
    return material_folder() / "templates" / "partials" / "javascripts"
