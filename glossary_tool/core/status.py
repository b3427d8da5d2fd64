"""Translation status: per locale, how many concepts and fields are written, what is missing and what is stale.

Numbers and percentages are formatted for each locale with Babel (Swedish: ``87,5 %``). Formats: text with a bar per
language, JSON with the same figures, and an SVG badge of one language like the ones Weblate draws.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Glossary
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terminal import escape
from glossary_tool.core.translation import TRACKED_FIELDS, has_field, is_placeholder, stale_fields


@dataclass(frozen=True, slots=True)
class Count:
    done: int
    total: int

    @property
    def ratio(self) -> Decimal:
        """Share done, rounded down to 0.1 % so that 100 % is only shown when nothing is missing."""
        if self.total == 0:
            return Decimal(1)
        return (Decimal(self.done * 1000) / Decimal(self.total)).to_integral_value(ROUND_DOWN) / Decimal(1000)

    def below(self, percent: float) -> bool:
        return self.done * 100 < Decimal(str(percent)) * self.total


@dataclass(slots=True)
class LocaleStatus:
    """The translation status of one locale."""

    code: str
    name: str
    concepts: Count = Count(0, 0)
    fields: Count = Count(0, 0)
    missing: dict[str, list[str]] = field(default_factory=dict)  # concept id -> fields not (yet) written
    stale: dict[str, list[str]] = field(default_factory=dict)  # concept id -> fields whose source changed

    @property
    def field_parts(self) -> Parts:
        """Fields written and current, written but stale, and missing (a stale field is a written one)."""
        stale = sum(1 for cid, names in self.stale.items() for f in names if f not in self.missing.get(cid, ()))
        stale = min(stale, self.fields.done)
        return Parts(self.fields.done - stale, stale, self.fields.total - self.fields.done)

    @property
    def concept_parts(self) -> Parts:
        """Concepts complete and current, complete but with a stale field, and with a field missing."""
        stale = sum(1 for cid in self.stale if cid not in self.missing)
        return Parts(self.concepts.done - stale, stale, self.concepts.total - self.concepts.done)


@dataclass(frozen=True, slots=True)
class Parts:
    """A coverage bar's three parts, in units (concepts or fields)."""

    current: int
    stale: int
    missing: int

    def widths(self, width: int) -> tuple[int, int, int]:
        """The parts scaled to ``width`` cells, largest remainders rounded up, so that the cells always add up and a
        part that is not zero never vanishes into a bar that looks complete."""
        total = self.current + self.stale + self.missing
        if total == 0:
            return width, 0, 0
        exact = [width * n / total for n in (self.current, self.stale, self.missing)]
        cells = [int(x) for x in exact]
        for i in sorted(range(3), key=lambda i: exact[i] - cells[i], reverse=True)[: width - sum(cells)]:
            cells[i] += 1
        for i in (1, 2):  # one cell at least for stale or missing work, taken from the largest part
            if (self.stale, self.missing)[i - 1] and not cells[i]:
                cells[i] = 1
                cells[cells.index(max(cells))] -= 1
        return cells[0], cells[1], cells[2]


def expected_fields(source: ConceptLocale | None) -> list[str]:
    """The fields a language block should have: terms and definition, plus examples and notes when the source has them."""
    return [f for f in TRACKED_FIELDS if f in ("terms", "definition") or (source is not None and has_field(source, f))]


def written(block: ConceptLocale | None, name: str) -> bool:
    """A field counts as written when it is there and no part of it is a placeholder."""
    if block is None or not has_field(block, name):
        return False
    if name == "terms":
        return not any(is_placeholder(t.text) for t in block.terms)
    value = getattr(block, name)
    items = value if isinstance(value, tuple) else (value,)
    return not any(is_placeholder(v) for v in items)


def compute(glossary: Glossary, settings: Settings) -> list[LocaleStatus]:
    """Status of every configured locale over every concept, concepts in id order."""
    concepts: list[Concept] = sorted(glossary.concepts, key=lambda c: c.id)
    out: list[LocaleStatus] = []
    for loc in settings.locales:
        status = LocaleStatus(loc.code, loc.name)
        done_concepts = done_fields = total_fields = 0
        for concept in concepts:
            source = concept.locales.get(settings.source_locale)
            block = concept.locales.get(loc.code)
            wanted = expected_fields(block if loc.code == settings.source_locale else source)
            missing = [f for f in wanted if not written(block, f)]
            total_fields += len(wanted)
            done_fields += len(wanted) - len(missing)
            if missing:
                status.missing[concept.id] = missing
            else:
                done_concepts += 1
            stale = stale_fields(concept, loc.code, settings.source_locale)
            if stale:
                status.stale[concept.id] = stale
        status.concepts = Count(done_concepts, len(concepts))
        status.fields = Count(done_fields, total_fields)
        out.append(status)
    return out


def _babel_locale(code: str) -> BabelLocale:
    try:
        return BabelLocale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return BabelLocale.parse("en")  # a configured code Babel does not know still gets readable numbers


def percent(count: Count, code: str) -> str:
    return format_percent(count.ratio, locale=_babel_locale(code), decimal_quantization=False)


def number(value: int, code: str) -> str:
    return format_decimal(value, locale=_babel_locale(code))


def _count_text(count: Count, code: str) -> str:
    return f"{number(count.done, code)}/{number(count.total, code)} ({percent(count, code)})"


BAR_WIDTH = 30
BAR_CELLS = ("█", "▒", "░")  # current, stale, missing


def text_bar(parts: Parts, width: int = BAR_WIDTH) -> str:
    return "".join(cell * n for cell, n in zip(BAR_CELLS, parts.widths(width), strict=True))


def as_text(statuses: list[LocaleStatus], settings: Settings) -> str:
    """One block per locale: counts and a bar each for concepts and fields (█ current, ▒ stale, ░ missing), then
    what is missing and what may be out of date."""
    lines = [f"Translation status (source language: {settings.source_locale}; bars: {BAR_CELLS[0]} translated, {BAR_CELLS[1]} stale, {BAR_CELLS[2]} missing)"]
    for s in statuses:
        # Ids and names come from entries and mkdocs.yml: escaped, so that each stays on its line.
        lines.append(f"{s.code} ({escape(s.name)}): concepts {_count_text(s.concepts, s.code)}, fields {_count_text(s.fields, s.code)}")
        for what, parts in (("concepts", s.concept_parts), ("fields", s.field_parts)):
            lines.append(f"  {what:<8} {text_bar(parts)}  {parts.current} translated, {parts.stale} stale, {parts.missing} missing")
        for cid, names in s.missing.items():
            lines.append(f"  missing  {escape(cid)}: {', '.join(names)}")
        for cid, names in s.stale.items():
            lines.append(f"  stale    {escape(cid)}: {', '.join(names)}")
    return "\n".join(lines) + "\n"


def _count_json(count: Count, code: str, parts: Parts) -> dict[str, Any]:
    return {
        "translated": count.done,
        "total": count.total,
        "percent": float(count.ratio * 100),
        "formatted": percent(count, code),
        "current": parts.current,
        "stale": parts.stale,
        "missing": parts.missing,
    }


def as_json(statuses: list[LocaleStatus], settings: Settings) -> str:
    data = {
        "source_locale": settings.source_locale,
        "locales": [
            {
                "code": s.code,
                "name": s.name,
                "concepts": _count_json(s.concepts, s.code, s.concept_parts),
                "fields": _count_json(s.fields, s.code, s.field_parts),
                "missing": [{"id": cid, "fields": names} for cid, names in s.missing.items()],
                "stale": [{"id": cid, "fields": names} for cid, names in s.stale.items()],
            }
            for s in statuses
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# A badge's colour by the share of fields translated, from full to little, as Weblate and shields.io colour theirs.
BADGE_COLOURS = ((100, "#4c1"), (90, "#97ca00"), (75, "#a4a61d"), (50, "#dfb317"), (25, "#fe7d37"), (0, "#e05d44"))
_CHAR_WIDTH = 6.2  # average advance of a letter in Verdana or DejaVu Sans at 11 px; digits and % take 7


def _text_width(text: str) -> float:
    """The width of a badge's text at 11 px; textLength then makes the text fill exactly that."""
    return sum(7.0 if ch.isdigit() or ch in "%.," else _CHAR_WIDTH for ch in text)


def badge(status: LocaleStatus) -> str:
    """An SVG badge "translated (sv) | 87.5%" of one language's fields, for a README or a web page. The label holds
    only the language tag (a configured, canonical tag) and the figure; it is escaped all the same."""
    label, value = f"translated ({status.code})", percent(status.fields, "en")
    colour = next(c for limit, c in BADGE_COLOURS if status.fields.ratio * 100 >= limit)
    lw, vw = round(_text_width(label)) + 12, round(_text_width(value)) + 12
    width, title = lw + vw, xml_escape(f"{label}: {value}", {'"': "&quot;"})
    code = xml_escape(status.code, {'"': "&quot;"})  # ids of its own: badges inlined into one page do not share them
    texts = ""
    for x, w, text in ((lw / 2, lw - 12, label), (lw + vw / 2, vw - 12, value)):
        shown = xml_escape(text)
        texts += (
            f'<text x="{x:g}" y="15" fill="#010101" fill-opacity=".3" textLength="{w}" aria-hidden="true">{shown}</text>'
            f'<text x="{x:g}" y="14" textLength="{w}">{shown}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<linearGradient id="s-{code}" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r-{code}"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r-{code})"><rect width="{lw}" height="20" fill="#555"/><rect x="{lw}" width="{vw}" height="20" fill="{colour}"/>'
        f'<rect width="{width}" height="20" fill="url(#s-{code})"/></g>'
        f'<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">{texts}</g></svg>\n'
    )


def as_svg(statuses: list[LocaleStatus], settings: Settings) -> str:
    """The badge of the one language asked for (``--locale``)."""
    if len(statuses) != 1:
        raise FatalError("status --format svg draws one language's badge: add --locale, e.g. --locale " + settings.locales[-1].code)
    return badge(statuses[0])


FORMATS = {"text": as_text, "json": as_json, "svg": as_svg}


def only(statuses: list[LocaleStatus], code: str | None, settings: Settings) -> list[LocaleStatus]:
    """The statuses of ``code`` alone (all when None); an unknown code is a usage error naming the configured ones."""
    if code is None:
        return statuses
    chosen = [s for s in statuses if s.code == code]
    if not chosen:
        raise FatalError(f"--locale '{escape(code)}': the glossary has no language '{escape(code)}' ({', '.join(settings.locale_codes)})")
    return chosen


def below_threshold(statuses: list[LocaleStatus], min_coverage: float) -> list[str]:
    """One message per locale whose share of written fields is below ``min_coverage`` percent."""
    return [
        f"{s.code}: {percent(s.fields, s.code)} of fields translated, below the minimum of {min_coverage:g} %" for s in statuses if s.fields.below(min_coverage)
    ]
