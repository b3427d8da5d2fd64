"""UI strings: gettext catalogs in ``locales/<code>/LC_MESSAGES/messages.po``, compiled with Babel."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Callable

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "messages"


def catalog_path(locales_dir: Path, locale: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(locales_dir: Path, locale: str) -> NullTranslations:
    """Compile the locale's .po catalog in memory; the source language (msgids) needs none."""
    po = catalog_path(locales_dir, locale)
    # Keyed by modification time too: a warm `serve` process must pick up an edited catalog.
    return _compiled(po, locale, po.stat().st_mtime_ns if po.exists() else None)


@functools.lru_cache(maxsize=16)
def _compiled(po: Path, locale: str, mtime: int | None) -> NullTranslations:
    if mtime is None:
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def gettext_for(locales_dir: Path, locale: str) -> Callable[[str], str]:
    """The gettext function of ``locale`` (the source language passes msgids through)."""
    return translations(locales_dir, locale).gettext


def _(text: str) -> str:
    """Marks a msgid for ``pybabel extract``; the text is translated where it is used."""
    return text


# Strings on the theme's own pages (the 404 page), handed to MkDocs' templates through ``config.extra``.
THEME_LABELS = {"glossary_not_found": _("Page not found"), "glossary_home": _("Go to the home page")}


def theme_labels(locales_dir: Path, locale: str) -> dict[str, str]:
    """``THEME_LABELS`` in ``locale``."""
    g = gettext_for(locales_dir, locale)
    return {key: g(text) for key, text in THEME_LABELS.items()}
