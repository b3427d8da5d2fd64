"""What a TBX import collects while it walks a document: problems, what it could not map (counted, reported once per
kind at the end), the languages it met, and the elements any level may hold (sources, notes, cross references)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from glossary_tool.core.config import Settings, canonical_tag
from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.exchange.registry import Losses, Placeholders, match_locale, problem
from glossary_tool.exchange.tbx.mapping import RULE, XML_LANG, children, local_name, text_of

Sink = Callable[..., None]  # the collectors a level hands down: add_source(src, grouped=False), relation(ref), note(text, el)
# The language translate-toolkit writes for a target it was not told (csv2tbx without --target-language): read as
# --target-locale.
UNKNOWN_LANG = "xx"
# Weblate's usage notes: kept as notes at the level they are on.
USAGE_NOTE = frozenset({"usage note", "usagenote", "usage"})
_SOURCE_NOTE = re.compile(r"^(id|publisher|date|url|language): (.+)$", re.S)
_URL = re.compile(r"^https?://\S+$")
_LOCALE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")  # the model's LocaleCode


@dataclass
class Block:
    """One language of a concept while it is read."""

    line: int
    terms: list[dict[str, Any]] = field(default_factory=list)
    definition: str | None = None
    examples: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Reader:
    """Walks one TBX document, collecting concepts and problems; anything unmapped is counted and reported once."""

    path: str
    settings: Settings
    default_lang: str = "en"
    problems: list[Problem] = field(default_factory=list)
    ignored: dict[str, tuple[int, int]] = field(default_factory=dict)  # what -> (count, first line)
    skipped_langs: Counter[str] = field(default_factory=Counter)
    skipped_lang_line: dict[str, int] = field(default_factory=dict)
    mapped_langs: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # tag -> (locale, count, first line)
    unmatched_fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # subjectField -> (count, first line)
    placeholders: Placeholders = field(default_factory=Placeholders)
    losses: Losses = field(default_factory=Losses)
    target_locale: str | None = None  # what translate-toolkit's "xx" stands for
    languages: dict[str, int] = field(default_factory=dict)  # configured locale -> first line of a langSec in it
    named: dict[tuple[str, str], tuple[str, bool]] = field(default_factory=dict)  # (locale, term key) -> (concept, in use)

    def warn(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message, Severity.WARNING))

    def error(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message))

    def locale(self, tag: str, el: etree._Element) -> str | None:
        """The configured locale of an ``xml:lang``; a region or script cut off to find it is reported once per tag.
        translate-toolkit's ``xx`` is the --target-locale."""
        code = self.target_locale if tag.casefold() == UNKNOWN_LANG and self.target_locale else match_locale(tag, self.settings)
        if code is not None and code != tag:
            _, count, line = self.mapped_langs.get(tag, (code, 0, el.sourceline or 1))
            self.mapped_langs[tag] = (code, count + 1, line)
        return code

    def skip_lang(self, raw: str, el: etree._Element) -> None:
        """A langSec in no configured locale: counted, reported once per tag."""
        shown = raw or "(none)"
        self.skipped_langs[shown] += 1
        self.skipped_lang_line.setdefault(shown, el.sourceline or 1)

    def ignore(self, el: etree._Element, what: str | None = None) -> None:
        key = what or f"<{local_name(el)}>"
        count, line = self.ignored.get(key, (0, el.sourceline or 1))
        self.ignored[key] = (count + 1, line)

    def descrip_grp(self, grp: etree._Element, handle: Callable[[etree._Element], None], add_source: Sink, relation: Sink, note: Sink) -> None:
        """A descripGrp at any level: its first descrip goes to ``handle``, its other children (notes, sources,
        references) to ``aux`` with the level's sinks."""
        first = next((c for c in children(grp) if local_name(c) == "descrip"), None)
        if first is None:
            self.ignore(grp)
            return
        handle(first)
        for extra in children(grp):
            if extra is not first:
                self.aux(extra, add_source, relation, note)

    def admin_grp(self, grp: etree._Element, add_source: Sink) -> None:
        admin = next((c for c in children(grp) if local_name(c) == "admin"), None)
        if admin is None or admin.get("type") != "source":
            self.ignore(grp, "<adminGrp> without a source")
            return
        src = self.source_of(admin)
        for note in children(grp):
            if note is admin:
                continue
            m = _SOURCE_NOTE.match(text_of(note)) if local_name(note) in ("note", "adminNote") else None
            if m and m.group(1) not in src:
                src[m.group(1)] = m.group(2)
            else:
                self.ignore(note, f"<{local_name(note)}> in a source <adminGrp>")
        add_source(src, True)

    def source_of(self, admin: etree._Element) -> dict[str, str]:
        """A source from ``<admin type="source">``: its text is the title (a URL is also the source's url), its ``xml:lang``
        the language of the title when that is a language tag the glossary can hold."""
        title = text_of(admin)
        src = {"title": title}
        if _URL.match(title):
            src["url"] = title
        lang = admin.get(XML_LANG)
        if lang:
            tag = canonical_tag(lang)
            if _LOCALE_CODE.match(tag):
                src["language"] = tag
            else:
                self.losses.add(
                    "source language",
                    admin.sourceline or 1,
                    f"'{lang}' of '{title}'",
                    "not a language tag the glossary can hold (language, script and region: sv, zh-Hant, pt-BR); left out",
                )
        return src

    def aux(self, el: etree._Element, add_source: Sink, relation: Sink, note: Sink) -> None:
        """Elements allowed at any level: sources, notes, cross references; the rest is counted as ignored."""
        name = local_name(el)
        if name == "admin" and el.get("type") == "source":
            add_source(self.source_of(el))
        elif name == "adminGrp":
            self.admin_grp(el, add_source)
        elif name == "note":
            note(text_of(el), el)
        elif name == "ref":
            relation(el)
        elif name in ("admin", "descrip"):
            self.ignore(el, f"<{name} type={el.get('type')!r}>")
        else:
            self.ignore(el)

    def report_ignored(self) -> None:
        """Each kind of thing not imported, once with its count and first line."""
        self.problems.extend(self.placeholders.problems(self.path, RULE))
        self.problems.extend(self.losses.problems(self.path, RULE))
        for what, (count, line) in sorted(self.ignored.items(), key=lambda kv: kv[1][1]):
            self.warn_at(line, f"{count} {clip(what, 120)} element(s) not imported (first here): the glossary has no place for them")
        for code, count in self.skipped_langs.items():
            self.warn_at(self.skipped_lang_line[code], _skipped_lang(code, count))
        for tag, (code, count, line) in self.mapped_langs.items():
            self.warn_at(line, f"xml:lang '{clip(tag)}' imported as the configured locale '{code}' ({count} time(s), first here)")
        for value, (count, line) in self.unmatched_fields.items():
            self.warn_at(
                line,
                f"subjectField '{clip(value)}' is the label of no category; kept as the note 'subjectField: {clip(value)}' "
                f"on {count} concept(s) (first here), which get category '{self.settings.category_ids[0]}'",
            )

    def warn_at(self, line: int, message: str) -> None:
        self.problems.append(problem(self.path, line, RULE, message, Severity.WARNING))


def _skipped_lang(code: str, count: int) -> str:
    if code.casefold() == UNKNOWN_LANG:
        return (
            f"{count} langSec element(s) in 'xx' not imported (first here): translate-toolkit writes 'xx' for a target "
            "language it was not told; pass --target-locale to say which configured locale it is"
        )
    return (
        f"{count} langSec element(s) in '{clip(code)}' not imported (first here): '{clip(code)}' is not a configured locale; "
        "add it to locales in mkdocs.yml to import it"
    )
