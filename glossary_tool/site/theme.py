"""How one locale's build sets up MkDocs and Material: language, names, overrides, search, navigation, alternates,
palette, fonts, footer and Open Graph. Plain functions over MkDocs' config objects; the plugin's events call them.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from glossary_tool.core import languages
from glossary_tool.core.config import Locale, Settings
from glossary_tool.core.languages import direction, script_of
from glossary_tool.core.layout import CATEGORY
from glossary_tool.core.mkdocs_compat import TocToken, material_languages, material_theme_defaults, remove_handlers
from glossary_tool.site.render import Heading, RenderedPage, collation
from glossary_tool.site.render.context import Download, relative
from glossary_tool.site.render.i18n import _, catalog_warnings, gettext_for, theme_labels
from glossary_tool.site.render.pair import published_in
from glossary_tool.site.render.text import safe_url

ASSETS = Path(__file__).resolve().parent / "overrides"
ROOT_SITEMAP = "sitemap-root.xml"  # the first locale's pages, when the root sitemap.xml indexes every locale's sitemap
log = logging.getLogger("mkdocs.plugins.glossary")


def material_language(code: str) -> str | None:
    """Material's translation of its own interface for ``code``: the closest one in the same script, or None.

    ``pt-BR`` → pt-BR, ``zh-Hant-TW`` → zh-TW, ``zh-Hans`` → zh, ``sr-Latn`` → sh (Material's ``sr`` is Cyrillic),
    ``ckb`` → ku-IQ; a language whose script Material has no translation in gets None, and the build uses English."""
    found = languages.closest(code, material_languages())
    return found[0] if found else None


# The palette toggle's label names what it switches to; Material shows the configured name as it is, so each
# locale's build puts its own words there (a scheme not listed keeps the configured name).
PALETTE_TOGGLES: Mapping[str, str] = MappingProxyType({"slate": _("Switch to dark mode"), "default": _("Switch to light mode")})


def og_locale(code: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a language tag: sv → sv_SE, en → en_US, pt-BR → pt_BR."""
    from babel.core import get_global

    parts = code.split("-")
    territory = next((p for p in parts[1:] if len(p) == 2 or p.isdigit()), None)
    if territory is None:
        likely = str(get_global("likely_subtags").get(parts[0], "")).split("_")
        territory = next((p for p in likely[1:] if len(p) == 2 or p.isdigit()), None)
    return f"{parts[0]}_{territory}" if territory else parts[0]


def _material_font() -> Any:
    """Material's own default font setting, which a project that names no font has."""
    import yaml

    return yaml.safe_load(material_theme_defaults().read_text(encoding="utf-8")).get("font")


def configure_palette(config: MkDocsConfig, gettext: Callable[[str], str]) -> None:
    """The palette toggles' labels in this build's language."""
    palette = config.theme.get("palette")
    if not isinstance(palette, list):
        return
    for i, option in enumerate(palette):
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if not isinstance(toggle, dict):
            continue
        following = palette[(i + 1) % len(palette)]
        scheme = following.get("scheme", "default") if isinstance(following, dict) else "default"
        if scheme in PALETTE_TOGGLES:
            toggle["name"] = gettext(PALETTE_TOGGLES[scheme])


def configure(config: MkDocsConfig, settings: Settings, locale: Locale, base: str) -> None:
    """Point this build at one locale: its URL, language, names, the glossary's templates, labels and search."""
    config.site_url = base + locale.prefix
    language = material_language(locale.code)
    config.theme["language"] = language or "en"
    # <html lang> and the direction are the configured language's, whichever translation Material's strings come
    # from (overrides/partials/language.html): zu pages are lang="zu" with Material's English labels.
    config.theme["direction"] = direction(locale.code)
    if not collation.available():
        log.info("ICU is not installed (pip install pyicu-wheels, or PyICU): the listings of '%s' use a plain order "
                 "by letters without accents rather than CLDR's", locale.code)
    config.site_name = locale.site_name or config.site_name
    config.site_description = locale.site_description or config.site_description
    project_locales = settings.root / "locales"
    # Template overrides (per-page alternates, sitemap, language switch) and glossary.css, ahead of Material's.
    config.theme.dirs.insert(0, str(ASSETS))
    config.theme.static_templates.add("languages.html")  # the language switch's list (partials/alternate.html)
    config.theme.static_templates.add(ROOT_SITEMAP)  # the first locale's pages, when sitemap.xml is an index
    config.extra_css.append("assets/glossary.css")
    config.extra.update(theme_labels(project_locales, locale.code))
    config.extra.update(_extra(config, settings, locale, base))
    configure_palette(config, gettext_for(project_locales, locale.code))
    # Material loads its fonts from Google's servers unless the font is false: every reader's address would go
    # to a third party. The site uses the system's fonts; a project can serve its own through extra_css.
    if config.theme.get("font") not in (False, None, _material_font()):
        log.warning("theme.font is not used: Material would load it from Google's servers on every page; "
                    "set 'font: false' and serve your own fonts with extra_css")
    config.theme["font"] = False
    prune_navigation(config)
    _own_search(config, language)


def prune_navigation(config: MkDocsConfig) -> None:
    """Material's ``navigation.prune``: a page's navigation holds its own section's pages, and every other section
    as one link to its first page, as the tabs show them. Without it every page (20,000 concept pages at 10,000
    concepts in two languages) carries every category and language pair. Material cannot prune an expanded
    navigation (``navigation.expand``), which a project that asks for it keeps whole."""
    features = config.theme.get("features")
    if not isinstance(features, list):
        features = config.theme["features"] = []
    if "navigation.prune" not in features and "navigation.expand" not in features:
        features.append("navigation.prune")


def _extra(config: MkDocsConfig, settings: Settings, locale: Locale, base: str) -> dict[str, Any]:
    """The values the glossary's templates read from ``extra``: the locale, its alternates, licence and repository."""
    # A truthy "alternate" shows Material's language switch; our partial links the page of languages, which lists
    # them. The links are paths without a host, which pages served at any path (404) use as they are.
    root = urlsplit(base).path or "/"
    return {
        # The root sitemap of several locales is an index of each locale's (overrides/sitemap.xml), every other one
        # lists its own pages: each address with its alternates once in the whole site.
        # (Only with a site_url: a sitemap names full URLs, and without one MkDocs' sitemap lists no page either.)
        "glossary_sitemaps": [base + (loc.prefix + "sitemap.xml" if i else ROOT_SITEMAP) for i, loc in enumerate(settings.locales)]
        if locale.code == settings.locales[0].code and len(settings.locales) > 1 and urlsplit(base).netloc else [],
        "glossary_locale": locale.code,
        "glossary_og_locale": og_locale(locale.code),
        # The footer's licence comes from the glossary's options; the templates escape it, as all configuration.
        "glossary_license": settings.license or "",
        "glossary_license_url": settings.license_url or "",
        # MkDocs accepts any URL with a scheme and a host as repo_url, "javascript://…" too: only http(s) is linked.
        "glossary_repo_url": safe_url(config.repo_url) or "",
        "alternate": [{"name": loc.name, "link": root + loc.prefix, "lang": loc.code} for loc in settings.locales],
    }


def _own_search(config: MkDocsConfig, language: str | None) -> None:
    """Material's search plugin stays for its settings and its search box in the header, but the glossary writes its
    own index (search_index/) and its own search box drives it (overrides/partials/search.html): the plugin no
    longer reads every page nor writes a lunr index nobody loads."""
    search = search_plugin(config)
    if search is not None:
        search.config["lang"] = [language.split("-")[0] if language else "en"]
        remove_handlers(config, search, ("page_context", "post_build"))


def site_files(config: MkDocsConfig, files: Files, rendered: Iterable[RenderedPage], downloads: Iterable[tuple[Download, bytes]],
               *, share: bool) -> tuple[Files, frozenset[str]]:
    """What a locale's build publishes: the generated pages, the ``downloads`` given, and the theme's files unless
    ``share`` (a locale under a prefix uses the root's copy: the URLs returned, which ``share_assets`` points at).
    Only the generated pages come from the content folder: the YAML sources and anything else there stay out."""
    docs = Path(config.docs_dir).resolve()
    out = Files([f for f in files if f.abs_src_path is None or not Path(f.abs_src_path).resolve().is_relative_to(docs)])
    shared: frozenset[str] = frozenset()
    if share:
        # Left now with a source file are the theme's (Material's and the glossary's styles, scripts and images).
        shared = frozenset(f.url for f in out if f.abs_src_path is not None)
        out = Files([f for f in out if f.abs_src_path is None])
    for p in rendered:
        out.append(File.generated(config, p.src, content=""))
    for download, data in downloads:
        out.append(File.generated(config, download.path, content=data))
    return out, shared


def share_assets(env: jinja2.Environment, shared: Collection[str], prefix: str) -> None:
    """Point a locale's pages at the one copy of the theme's files at the site's root (``shared``, their URLs), which
    its build then leaves out: every locale has the same theme, so a reader who switches language loads nothing
    again, and the site carries one copy. Every template names them through MkDocs' ``url`` filter, wrapped here."""
    if not prefix or not shared:
        return
    original = env.filters["url"]
    up = "../" * prefix.count("/")  # from this locale's root to the site's

    @jinja2.pass_context
    def url(context: jinja2.runtime.Context, value: object) -> str:
        out: str = original(context, value)
        if str(value) not in shared:
            return out
        if out.startswith("/"):  # a page served at any path (404): MkDocs gives it the path of this locale's root
            return posixpath.normpath(posixpath.join(str(context["base_url"]), up + str(value)))
        return up + out

    env.filters["url"] = url


# Elements whose text is kept as it is: preformatted, or not HTML (the site's HTML writes its tags in lower case).
_KEPT = (("<pre", "</pre>"), ("<textarea", "</textarea>"), ("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"))
_INDENT = re.compile(r"\n\s+")


def compact(page_html: str) -> str:
    """The page with every line break and the white space after it made one line break: the templates' indentation
    and blank lines are a sixth of a concept page. A browser shows such a run as one space (none of the site's styles
    keeps white space) except in ``<pre>`` and ``<textarea>``, which are kept as they are, as are scripts, style
    sheets and comments. Found with ``str.find``: a regular expression tried at every ``<`` took more than twice as long."""
    kept: list[tuple[int, int]] = []
    for opening, closing in _KEPT:
        at = page_html.find(opening)
        while at != -1:
            end = page_html.find(closing, at)
            end = len(page_html) if end == -1 else end + len(closing)
            kept.append((at, end))
            at = page_html.find(opening, end)
    out: list[str] = []
    done = 0
    for start, end in sorted(kept):
        if start < done:  # inside an earlier one (a comment in a script)
            continue
        out += (_INDENT.sub("\n", page_html[done:start]), page_html[start:end])
        done = end
    out.append(_INDENT.sub("\n", page_html[done:]))
    return "".join(out)


def with_direction(page_html: str, code: str) -> str:
    """The page with ``dir`` on ``<html>`` as well as on ``<body>`` (where Material puts it): the document's own
    direction, which the browser's default alignment, scroll bars and form fields follow."""
    opening = f'<html lang="{code}" class="no-js">'
    return page_html.replace(opening, f'<html lang="{code}" dir="{direction(code)}" class="no-js">', 1)


def interface_warnings(settings: Settings) -> list[str]:
    """One message per configured language whose pages would show English interface text: no UI catalog, strings
    missing from it, or no translation of Material's own interface (in the language's script)."""
    out = []
    for loc in settings.locales:
        reasons = catalog_warnings(settings.root / "locales", loc.code)
        if loc.code.split("-")[0] != "en" and material_language(loc.code) is None:
            reasons.append(f"Material for MkDocs has no translation of its own interface in '{loc.code}' "
                           f"(in its script, {script_of(loc.code)}), so its labels (search, navigation) show in English")
        if reasons:
            out.append("; ".join(reasons))
    return out


def report_interface(settings: Settings, emit: Callable[[str], None]) -> None:
    """Every language's interface warning at once, through ``emit``; with ``missing_catalog: error`` they fail
    the build instead (``BuildFailed``), all named in one message."""
    from glossary_tool.core.problems import BuildFailed

    warnings = interface_warnings(settings)
    if warnings and settings.missing_catalog == "error":
        raise BuildFailed("the site was not built (missing_catalog: error):\n" + "\n".join(warnings))
    for warning in warnings:
        emit(warning)
# Options MkDocs and Material print into pages, some of them raw (the site name in the header, the copyright, a
# consent dialog's text): each is handed to the templates escaped.
PRINTED_OPTIONS = ("site_name", "site_description", "site_author", "copyright", "repo_name", "repo_url")


def _escaped(value: Any) -> Any:
    """``value`` with every text in it escaped, as Markup: printed raw it is text, and ``| e`` leaves it as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(html.escape(value))
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def escape_options(config: MkDocsConfig) -> None:
    """Escape every option value a template may print (``PRINTED_OPTIONS``, ``extra``, the palette and its labels, the
    favicon, logo and style sheets), in trusted and untrusted builds alike: Material prints several of them without
    escaping, into elements and attributes. Links that could run script are refused before the build (trust.py)."""
    for name in PRINTED_OPTIONS:
        if isinstance(config.get(name), str):
            config[name] = _escaped(config[name])
    extra = config.extra
    for key in list(extra):
        extra[key] = _escaped(extra[key])
    for key in ("favicon", "logo", "palette"):
        if config.theme.get(key) is not None:
            config.theme[key] = _escaped(config.theme[key])
    config.extra_css = [_escaped(path) for path in config.extra_css]


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin when it is enabled (search is on), else None."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search if search is not None and search.config.get("enabled", True) else None


def toc_tokens(headings: Sequence[Heading]) -> list[TocToken]:
    """A page's headings in the form MkDocs' ``get_toc`` takes (names as HTML, so escaped)."""
    return [{"level": h.level, "id": h.id, "name": html.escape(h.title), "children": toc_tokens(h.children)} for h in headings]


def alternates(settings: Settings, locale: str, base: str, url: str) -> list[dict[str, str]]:
    """The page at ``url`` in every locale that has it (pair.published_in): code, name, absolute URL and a link
    relative to this page."""
    prefix = settings.locale(locale).prefix
    here = "/" + prefix + url
    out = []
    codes = published_in(settings, url)
    for loc in (loc for loc in settings.locales if loc.code in codes):
        there = "/" + loc.prefix + url
        if here.endswith("/"):  # a page's folder (every page but 404.html): once per page and language, so not relpath
            href = relative(prefix + url, loc.prefix + url)
        else:
            rel = posixpath.relpath(there, posixpath.dirname(here))
            href = "./" if rel == "." else (rel + "/" if there.endswith("/") else rel)
        out.append({"code": loc.code, "name": loc.name, "abs": base + loc.prefix + url, "href": href})
    return out


def nav(pages: Sequence[RenderedPage], settings: Settings, locale: str) -> list[Any]:
    """Home, then the other listed pages; pages of one group (the categories) together under its title.

    Term pages stay out of the navigation, so a page's size does not grow with the glossary."""
    g = gettext_for(settings.root / "locales", locale)
    titles = {"categories": g(CATEGORY.nav_title)}  # the layout names each group
    out: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for p in pages:
        if not p.in_nav:
            continue
        entry = {html.escape(p.title): p.src}  # titles are contributor text
        if p.nav_group:
            if p.nav_group not in groups:
                groups[p.nav_group] = []
                # Material prints navigation titles raw; a group's title comes from a catalog, which is text.
                out.append({html.escape(titles.get(p.nav_group, p.nav_group)): groups[p.nav_group]})
            groups[p.nav_group].append(entry)
        else:
            out.append(entry)
    return out
