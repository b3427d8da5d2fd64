"""Translation status: per locale, how many concepts and fields are written, what is missing and what is stale.

Numbers and percentages are formatted for each locale with Babel (Swedish: ``87,5 %``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Glossary
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


def as_text(statuses: list[LocaleStatus], settings: Settings) -> str:
    """One block per locale: counts, then what is missing and what may be out of date."""
    lines = [f"Translation status (source language: {settings.source_locale})"]
    for s in statuses:
        # Ids and names come from entries and mkdocs.yml: escaped, so that each stays on its line.
        lines.append(f"{s.code} ({escape(s.name)}): concepts {_count_text(s.concepts, s.code)}, fields {_count_text(s.fields, s.code)}")
        for cid, names in s.missing.items():
            lines.append(f"  missing  {escape(cid)}: {', '.join(names)}")
        for cid, names in s.stale.items():
            lines.append(f"  stale    {escape(cid)}: {', '.join(names)}")
    return "\n".join(lines) + "\n"


def _count_json(count: Count, code: str) -> dict[str, Any]:
    return {"translated": count.done, "total": count.total, "percent": float(count.ratio * 100), "formatted": percent(count, code)}


def as_json(statuses: list[LocaleStatus], settings: Settings) -> str:
    data = {
        "source_locale": settings.source_locale,
        "locales": [
            {"code": s.code, "name": s.name, "concepts": _count_json(s.concepts, s.code), "fields": _count_json(s.fields, s.code),
             "missing": [{"id": cid, "fields": names} for cid, names in s.missing.items()],
             "stale": [{"id": cid, "fields": names} for cid, names in s.stale.items()]}
            for s in statuses
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "json": as_json}


def below_threshold(statuses: list[LocaleStatus], min_coverage: float) -> list[str]:
    """One message per locale whose share of written fields is below ``min_coverage`` percent."""
    return [f"{s.code}: {percent(s.fields, s.code)} of fields translated, below the minimum of {min_coverage:g} %"
            for s in statuses if s.fields.below(min_coverage)]
