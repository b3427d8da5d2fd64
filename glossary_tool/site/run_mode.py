"""The three ways a locale's site is built, declared once: the plugin, the locale builds and the CLI read them here.

A plain MkDocs build, ``glossary-tool build`` (a process per locale) and ``glossary-tool serve`` (every locale in one
process, kept warm); each is trusted or untrusted alike (``--untrusted`` decides how ``mkdocs.yml`` is read).
"""

from __future__ import annotations

import enum


class RunMode(enum.Enum):
    """How this build of a locale was started, and so what it does besides building that locale."""

    MKDOCS = "mkdocs"  # `mkdocs build` or `mkdocs serve`: this build does the first locale and starts the others
    BUILD = "build"  # `glossary-tool build`: each locale in its own process, named by GLOSSARY_TOOL_LOCALE
    SERVE = "serve"  # `glossary-tool serve`: every locale built in this process, one after the other, and kept

    @property
    def help(self) -> str:
        """What the command that runs in this mode does (the CLI's help)."""
        return _HELP[self]

    @property
    def chosen(self) -> bool:
        """Whether glossary-tool chose the locale (and gave the build its own site_url, prefix included)."""
        return self is not RunMode.MKDOCS

    @property
    def starts_others(self) -> bool:
        """Whether this build starts the other locales' builds and reports on the interface's catalogs itself."""
        return self is RunMode.MKDOCS

    @property
    def keeps_state(self) -> bool:
        """Whether the build hands its state back, to render single pages again after an edit."""
        return self is RunMode.SERVE


_HELP = {
    RunMode.MKDOCS: "the first locale's build starts the others' (a plain mkdocs build)",
    RunMode.BUILD: "build the static site",
    RunMode.SERVE: "serve the site with live reload",
}
