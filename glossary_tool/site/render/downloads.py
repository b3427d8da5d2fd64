"""The downloads: the glossary's exports, made by the build, and the page that lists them with their sizes.

Every file comes from ``export.run_export``, the same entry point as ``glossary-tool export``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from glossary_tool.core.archives import zip_bytes
from glossary_tool.core.config import Settings
from glossary_tool.core.forked import forked_map
from glossary_tool.core.layout import STATUS
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import FatalError
from glossary_tool.site.render.context import Download, RenderContext, RenderedPage, capitalized, page, relative
from glossary_tool.site.render.i18n import _
from glossary_tool.site.render.pair import pair_slug, pair_title
from glossary_tool.site.render.status import BADGE_FORMAT
from glossary_tool.site.render.status import TITLE as STATUS_TITLE

if TYPE_CHECKING:
    from glossary_tool.exchange import Selection

DOWNLOADS_URL = "downloads/"
# (registry name, file name, media type) of the whole glossary's files; the pairs follow.
WHOLE = (
    ("tbx", "glossary.tbx", "application/xml"),
    ("csv", "glossary.csv", "text/csv"),
    ("skos", "glossary.skos.jsonld", "application/ld+json"),
    ("json", "glossary.json", "application/json"),
)
PAIR_FORMAT = "csv-pair"
# The JSON files are published without the indentation ``glossary-tool export`` gives them for people to read: the
# same JSON, a third smaller (26 MB less at 10,000 concepts in two languages).
COMPACT_JSON = frozenset({"json", "skos"})
# A download larger than this is published zipped (``glossary.tbx.zip`` holding ``glossary.tbx``): TBX, CSV and JSON
# repeat their markup on every concept and shrink many times over, which keeps a large glossary's site within its
# host's limit (the generated 10,000-concept glossary in two languages: the four whole-glossary files 117.5 MB as they
# are, 7.5 MB zipped), while a small glossary's files stay one click from a translator's tool.
ZIP_OVER = 10_000_000


def export_files(glossary: Glossary, settings: Settings, jobs: int = 1) -> list[tuple[Download, bytes]]:
    """Every download with its bytes: the whole glossary in each format, then each ordered language pair as CSV.

    ``settings.site_url`` must be the site's root URL: the SKOS export names each concept by its page there.
    A format that has nothing to export (TBX without a single concept) is left out: a new, empty glossary builds.
    With ``jobs`` > 1 the files are made by that many forked processes (core/forked.py), with the same bytes."""
    from glossary_tool.exchange import select_for

    wanted: list[tuple[str, str, str, tuple[str, str] | None]] = [(fmt, name, media_type, None) for fmt, name, media_type in WHOLE]
    wanted += [(PAIR_FORMAT, f"glossary-{pair_slug(a, b)}.csv", "text/csv", (a, b)) for a, b in settings.language_pairs]
    # Selecting the languages and leaving placeholders out costs about as much as writing CSV: done once for the four
    # whole-glossary formats, and before the workers start, which share it.
    selections = {locales: select_for(glossary, settings, locales) for locales in dict.fromkeys(w[3] for w in wanted)}
    _WORK[:] = [(settings, [(fmt, name, media_type, locales, selections[locales]) for fmt, name, media_type, locales in wanted])]
    try:
        # In this order the whole glossary's files, which cost most, are taken first.
        made = forked_map(_export_one, range(len(wanted)), jobs)
        if made is None:
            made = [_export_one(i) for i in range(len(wanted))]
    finally:
        _WORK.clear()
    return [m for m in made if m is not None]


# What the export workers read: set just before they fork (core/forked.py), so that no glossary is pickled.
_WORK: list[tuple[Settings, list[tuple[str, str, str, tuple[str, str] | None, Selection]]]] = []


def _export_one(i: int) -> tuple[Download, bytes] | None:
    """The ``i``-th download of ``export_files``, or None when its format has nothing to export."""
    from glossary_tool.exchange import export_selection

    settings, work = _WORK[0]
    fmt, name, media_type, locales, chosen = work[i]
    try:
        result = export_selection(chosen, settings, fmt)
    except FatalError:
        return None
    data = compact_json(result.data) if fmt in COMPACT_JSON else result.data
    if len(data) > ZIP_OVER:
        name, media_type, data = f"{name}.zip", "application/zip", zip_bytes([(name, data)])
    return Download(name, fmt, locales or (), len(data), result.omitted, media_type), data


def compact_json(data: bytes) -> bytes:
    """The same JSON document without white space between its tokens; keys keep their order, text its characters."""
    return (json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class FileView:
    label: str
    description: str
    href: str
    file: str
    size: str
    omitted: int


@dataclass(frozen=True, slots=True)
class BadgeView:
    """A language's status badge: the image, what it says, and the status page that explains it."""

    src: str
    alt: str
    file: str
    status_href: str


@dataclass(frozen=True, slots=True)
class DownloadsView:
    title: str
    whole: tuple[FileView, ...]
    pairs: tuple[FileView, ...]
    date: str
    date_label: str
    badges: tuple[BadgeView, ...] = ()
    status_title: str = ""


SIZE_UNITS = (_("%(size)s B"), _("%(size)s kB"), _("%(size)s MB"))


def size_label(ctx: RenderContext, size: int) -> str:
    """A file size for readers, in the locale's number format: "980 B", "12.3 kB", "4,1 MB" (powers of 1,000)."""
    babel = ctx.settings.locale(ctx.locale).babel
    if size < 1000:
        return ctx.gettext(SIZE_UNITS[0]) % {"size": format_decimal(size, locale=babel)}
    unit, scale = (1, 1000) if size < 1000 * 1000 else (2, 1000 * 1000)
    return ctx.gettext(SIZE_UNITS[unit]) % {"size": format_decimal(round(size / scale, 1), format="#,##0.#", locale=babel)}


# Each format's name and what it is for (a msgid, translated where it is shown).
FORMAT_LABELS = {
    "tbx": ("TBX-Basic", _("ISO 30042 TermBase eXchange, for translation and terminology tools")),
    "csv": ("CSV", _("One row per term, for spreadsheets")),
    "skos": ("SKOS (JSON-LD)", _("The concepts as linked data")),
    "json": ("JSON", _("Every entry with every field")),
}


def downloads_pages(ctx: RenderContext) -> list[RenderedPage]:
    """The downloads page of this locale (none when the build publishes no files); the files themselves are
    published once, at the site's root, and every locale's page links to them there."""
    if not ctx.downloads:
        return []
    url = DOWNLOADS_URL
    whole, pair_files, badges = [], [], []
    for d in ctx.downloads:
        href = ctx.at_root(url, d.path)
        if d.fmt == BADGE_FORMAT:
            code = d.locales[0]
            badges.append(BadgeView(href, capitalized(ctx.language_name(code)), d.file, relative(url, STATUS.url()) + f"#status-{code}"))
        elif d.locales:
            source, target = d.locales
            pair_files.append(FileView(pair_title(ctx, source, target), "", href, d.file, size_label(ctx, d.size), d.omitted))
        else:
            label, description = FORMAT_LABELS.get(d.fmt, (d.fmt, ""))
            whole.append(FileView(label, ctx.gettext(description) if description else "", href, d.file, size_label(ctx, d.size), d.omitted))
    title = ctx.gettext("Downloads")
    lastmod = ctx.lastmod(e.id for e in ctx.glossary.entries)
    view = DownloadsView(title, tuple(whole), tuple(pair_files), ctx.today.isoformat(), ctx.date_label(ctx.today), tuple(badges), ctx.gettext(STATUS_TITLE))
    return [page("downloads.md", title, ctx.render("downloads.html", p=view), in_nav=True, lastmod=lastmod)]
