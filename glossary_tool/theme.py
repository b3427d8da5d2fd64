"""How one locale's build sets up MkDocs and Material: language, names, overrides, search, navigation, alternates.

Plain functions over MkDocs' config objects; the plugin's events call them.
"""

from __future__ import annotations

import html
import logging
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import _TocToken

from glossary_tool.config import Locale, Settings
from glossary_tool.render import Heading, RenderedPage
from glossary_tool.render.i18n import catalog_warnings, gettext_for, theme_labels

ASSETS = Path(__file__).resolve().parent / "overrides"
log = logging.getLogger("mkdocs.plugins.glossary")


def material_language(code: str) -> str | None:
    """Material's name for the language of ``code`` (``pt-BR``, ``zh-TW`` …), or None when it has none."""
    import material

    languages = Path(material.__file__).resolve().parent / "templates" / "partials" / "languages"
    parts = code.split("-")
    # zh-Hant-TW → zh-Hant-TW, zh-TW, zh-Hant, zh; pt-BR → pt-BR, pt
    candidates = [code, f"{parts[0]}-{parts[-1]}", "-".join(parts[:2]), parts[0]]
    return next((c for c in candidates if (languages / f"{c}.html").is_file()), None)


def configure(config: MkDocsConfig, settings: Settings, locale: Locale, base: str) -> None:
    """Point this build at one locale: its URL, language, names, the glossary's templates, labels and search."""
    config.site_url = base + locale.prefix
    language = material_language(locale.code)
    if language is None:
        log.warning("Material has no translation of its own interface for '%s'; its labels will be English", locale.code)
    config.theme["language"] = language or "en"
    config.site_name = locale.site_name or config.site_name
    config.site_description = locale.site_description or config.site_description
    project_locales = settings.root / "locales"
    for warning in catalog_warnings(project_locales, locale.code):
        log.warning(warning)  # MkDocs' strict mode turns this into a failed build
    # Template overrides (per-page alternates, sitemap, language switch) and glossary.css, ahead of Material's.
    config.theme.dirs.insert(0, str(ASSETS))
    config.extra_css.append("assets/glossary.css")
    config.extra.update(theme_labels(project_locales, locale.code))
    config.extra["glossary_root_sitemap"] = locale.code == settings.locales[0].code
    # A truthy value shows Material's language switch; our partial renders per-page links instead.
    config.extra["alternate"] = [{"name": loc.name, "link": base + loc.prefix, "lang": loc.code} for loc in settings.locales]
    search = search_plugin(config)
    if search is not None:
        search.config["lang"] = [language.split("-")[0] if language else "en"]
        # The glossary writes its own index (search_index.py) and its own search box drives it
        # (overrides/partials/search.html): Material's plugin stays for its settings and its search box
        # in the header, but it no longer reads every page nor writes a lunr index nobody loads.
        for event in ("page_context", "post_build"):
            handlers = config.plugins.events[event]
            handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin when it is enabled (search is on), else None."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search if search is not None and search.config.get("enabled", True) else None


def toc_tokens(headings: Sequence[Heading]) -> list[_TocToken]:
    """A page's headings in the form MkDocs' ``get_toc`` takes (names as HTML, so escaped)."""
    return [{"level": h.level, "id": h.id, "name": html.escape(h.title), "children": toc_tokens(h.children)} for h in headings]


def alternates(settings: Settings, locale: str, base: str, url: str) -> list[dict[str, str]]:
    """The page at ``url`` in every locale: code, name, absolute URL and a link relative to this page."""
    here = "/" + settings.locale(locale).prefix + url
    out = []
    for loc in settings.locales:
        there = "/" + loc.prefix + url
        rel = posixpath.relpath(there, here if here.endswith("/") else posixpath.dirname(here))
        href = "./" if rel == "." else (rel + "/" if there.endswith("/") else rel)
        out.append({"code": loc.code, "name": loc.name, "abs": base + loc.prefix + url, "href": href})
    return out


def nav(pages: Sequence[RenderedPage], settings: Settings, locale: str) -> list[Any]:
    """Home, then the other listed pages; pages of one group (the categories) together under its title.

    Term pages stay out of the navigation, so a page's size does not grow with the glossary."""
    titles = {"categories": gettext_for(settings.root / "locales", locale)("Categories")}
    out: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for p in pages:
        if not p.in_nav:
            continue
        entry = {html.escape(p.title): p.src}  # titles are contributor text
        if p.nav_group:
            if p.nav_group not in groups:
                groups[p.nav_group] = []
                out.append({titles.get(p.nav_group, p.nav_group): groups[p.nav_group]})
            groups[p.nav_group].append(entry)
        else:
            out.append(entry)
    return out
