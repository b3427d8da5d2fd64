"""UI strings: the package's gettext catalogs, overridden string by string by a project's ``locales/``.

Catalogs live in ``<dir>/<locale>/LC_MESSAGES/messages.po`` and are compiled in memory with Babel.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from glossary_tool.core.catalogs import format_problem
from glossary_tool.core.languages import closest

DOMAIN = "messages"
PACKAGE_CATALOGS = Path(__file__).resolve().parent.parent / "locales"
TEMPLATE = PACKAGE_CATALOGS / f"{DOMAIN}.pot"
SOURCE_LANGUAGE = "en"  # the msgids are English: English pages need no catalog


def catalog_path(locales_dir: Path, locale: str) -> Path:
    """Where the catalog of ``locale`` lives under ``locales_dir`` (gettext names: ``pt_BR``, ``zh_Hant_TW``)."""
    return locales_dir / locale.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def _candidates(locales_dir: Path, locale: str) -> list[Path]:
    """The locale's own catalog, then the closest others in its script (``pt-BR`` falls back to ``pt``,
    ``zh-Hant-TW`` to ``zh_Hant`` but never to Simplified ``zh``, ``fil`` finds Material's ``tl``)."""
    try:
        folders = [p.name for p in locales_dir.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        folders = []
    return [catalog_path(locales_dir, name) for name in closest(locale, folders)]


def _find(locales_dir: Path | None, locale: str) -> Path | None:
    if locales_dir is None:
        return None
    return next((p for p in _candidates(locales_dir, locale) if p.is_file()), None)


def _mtime(path: Path | None) -> int | None:
    try:
        return path.stat().st_mtime_ns if path is not None else None
    except OSError:
        return None


def translations(project_dir: Path | None, locale: str) -> NullTranslations:
    """The UI translations of ``locale``: the package's catalog, with the project's strings taking precedence."""
    package = _find(PACKAGE_CATALOGS, locale)
    project = _find(project_dir, locale)
    # Keyed by modification times too: a running `serve` must pick up an edited catalog.
    return _compiled(package, _mtime(package), project, _mtime(project), locale)


@functools.lru_cache(maxsize=32)
def _read(path: Path, mtime: int | None, locale: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale.replace("-", "_"))


@functools.lru_cache(maxsize=32)
def _compiled(package: Path | None, package_mtime: int | None, project: Path | None, project_mtime: int | None,
              locale: str) -> NullTranslations:
    if package is None and project is None:
        return NullTranslations()
    base = _read(package, package_mtime, locale) if package is not None else None
    override = _read(project, project_mtime, locale) if project is not None else None
    merged = Catalog(locale=locale.replace("-", "_"))  # its plural rule comes from Babel's data for the locale
    for message in _usable(base, override):
        merged.delete(message.id)  # assigning over a message would keep its old string
        merged[message.id] = message
    buf = io.BytesIO()
    write_mo(buf, merged, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def _usable(*catalogs: Catalog | None) -> Iterator[Message]:
    """The messages of ``catalogs``, in order, that can be shown: translated, not fuzzy, with placeholders that fit."""
    for catalog in catalogs:
        for message in catalog or ():
            if message.id and _translated(message.string) and not message.fuzzy and _fits(message):
                yield message


def _fits(message: Message) -> bool:
    """Whether the translation's placeholders can be filled in as the English text's are: one that cannot would stop
    the build, so it is left out (its pages show the package's string or English) and lint reports it."""
    ids = message.id if isinstance(message.id, (tuple, list)) else (message.id, "")
    forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return format_problem(str(ids[0]), str(ids[1]) if len(ids) > 1 else "", "\0".join(str(f) for f in forms)) is None


def _translated(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def gettext_for(project_dir: Path | None, locale: str) -> Callable[[str], str]:
    """The gettext function of ``locale`` (the source language passes msgids through)."""
    return translations(project_dir, locale).gettext


@functools.lru_cache(maxsize=4)
def template_ids(template: Path = TEMPLATE) -> tuple[str, ...]:
    """Every UI msgid (singular form), from the package's ``messages.pot``."""
    with template.open("rb") as fh:
        catalog = read_po(fh)
    return tuple(m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id)


def catalog_warnings(project_dir: Path | None, locale: str) -> list[str]:
    """Why pages in ``locale`` would show English UI text: no catalog, or strings missing from it."""
    if locale.split("-", maxsplit=1)[0] == SOURCE_LANGUAGE:
        return []
    command = f"glossary-tool catalog {locale}"
    if _find(PACKAGE_CATALOGS, locale) is None and _find(project_dir, locale) is None:
        return [f"locale '{locale}' has no UI catalog, so its pages would show English labels; "
                f"start one with '{command}' and translate it"]
    compiled = translations(project_dir, locale)
    missing = [mid for mid in template_ids() if not _has(compiled, mid)]
    return [_missing_warning(project_dir, locale, missing)] if missing else []


def _listed(project: Path | None, locale: str) -> set[str]:
    """The msgids (singular form) the project's catalog lists, translated or not."""
    if project is None:
        return set()
    return {m.id if isinstance(m.id, str) else m.id[0] for m in _read(project, _mtime(project), locale)}


def _missing_warning(project_dir: Path | None, locale: str, missing: list[str]) -> str:
    """Say which UI strings ``locale`` lacks: to translate when ``glossary-tool catalog`` has listed them all, else to add."""
    project = _find(project_dir, locale)
    listed = _listed(project, locale)
    absent = [mid for mid in missing if mid not in listed]
    if not absent:  # 'glossary-tool catalog' has listed them all: what is left is to translate them
        untranslated = [mid for mid in missing if mid in listed]
        sample = ", ".join(f"'{m}'" for m in untranslated[:3])
        return (f"the UI catalog of '{locale}' leaves {len(untranslated)} of {len(template_ids())} strings untranslated ({sample}…), "
                f"which its pages would show in English; translate them in {_shown(project, project_dir)} (an empty or fuzzy one is not used)")
    sample = ", ".join(f"'{m}'" for m in absent[:3])
    return (f"the UI catalog of '{locale}' lacks {len(absent)} of {len(template_ids())} strings ({sample}…), "
            f"which its pages would show in English; run 'glossary-tool catalog {locale}' to add them, then translate them")


def _shown(path: Path | None, locales_dir: Path | None) -> str:
    """The project's catalog as the user names it: from the project folder (the one holding ``locales/``)."""
    if path is None or locales_dir is None:
        return "the catalog"
    try:
        return path.relative_to(locales_dir.parent).as_posix()
    except ValueError:
        return str(path)


def _has(trans: NullTranslations, msgid: str) -> bool:
    catalog = getattr(trans, "_catalog", {})
    return msgid in catalog or any(isinstance(k, tuple) and k[0] == msgid for k in catalog)


def _(text: str) -> str:
    """Marks a msgid for ``pybabel extract``; the text is translated where it is used."""
    return text


# Strings of the theme's own templates (the 404 page, the footer, the words glossary.js shows), handed to MkDocs'
# templates through ``config.extra``.
THEME_LABELS = {
    "glossary_not_found": _("Page not found"), "glossary_home": _("Go to the home page"), "glossary_index": _("A–Z index"),
    "glossary_license_label": _("Licence"), "glossary_repository": _("Source repository"),
    "glossary_preview_open": _("Open the entry"), "glossary_menu": _("Navigation menu"),
    # glossary-search.js: each result's kind (search_index.KINDS), and the notice on a deprecated term searched for.
    "glossary_kind_concept": _("Concept"), "glossary_kind_question": _("Question"), "glossary_kind_comparison": _("Comparison"),
    "glossary_deprecated": _("deprecated"), "glossary_use_instead": _("use %(term)s instead"),
}


def theme_labels(project_dir: Path | None, locale: str) -> dict[str, str]:
    """``THEME_LABELS`` in ``locale``."""
    g = gettext_for(project_dir, locale)
    return {key: g(text) for key, text in THEME_LABELS.items()}
