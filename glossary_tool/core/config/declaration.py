"""The declaration: every glossary option of ``mkdocs.yml``, its type and its default, once; and the checks across
options (unique codes and prefixes, known locales in per-locale text, coherent relations).

The command line, ``glossary-tool init`` and the MkDocs plugin validate this same declaration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from mkdocs.config import base

from glossary_tool.core.config.options import (
    Choice,
    Integer,
    KeyPath,
    LanguagePairs,
    LanguageTag,
    ListOf,
    OptionErrors,
    PerLocale,
    Phrases,
    RuleSeverities,
    StrictConfig,
    Text,
    TextList,
    WordsPerLanguage,
    unknown_rules,
)
from glossary_tool.core.layout import RESERVED_TOP
from glossary_tool.core.vocabulary import BUILTIN_RELATIONS, SKOS_RELATIONS

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
PREFIX = re.compile(r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)*/)+$")
MAX_LOCALES = 50

# Words that hedge a definition instead of delimiting the concept (ISO 704): a definition states what always holds.
# Per language subtag; a glossary adds its languages' (or replaces one of these lists) under definition_hedges.
DEFINITION_HEDGES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("often", "usually", "mainly", "mostly", "typically", "generally", "in practice", "in most cases", "as a rule"),
        "sv": ("ofta", "oftast", "vanligen", "vanligtvis", "främst", "huvudsakligen", "i praktiken", "i regel", "för det mesta"),
    }
)


class LocaleOptions(StrictConfig):
    """One language of the site."""

    code = LanguageTag()
    name = Text()  # default: the language's own name (Babel)
    prefix = Text(
        pattern=re.compile(r"^$|" + PREFIX.pattern),
        hint="must be a relative path of lowercase slugs ending in '/', such as sv/ or pt-br/ (or \"\" for the first language)",
        max_length=200,
    )
    site_name = Text()
    site_description = Text()
    intro = Text(max_length=5000)  # the home page's opening paragraph (Markdown); default: site_description


class CategoryOptions(StrictConfig):
    """A category (subject field) of concepts."""

    id = Text(pattern=SLUG, hint="must be a lowercase slug such as anatomy or part-of")
    label = PerLocale()  # a locale without a label shows the source locale's, else the id
    description = PerLocale()


class RelationOptions(StrictConfig):
    """A relation type beyond broader, narrower and related."""

    id = Text(pattern=SLUG, hint="must be a lowercase slug such as part_of or contrast")
    label = PerLocale(required=True)
    inverse = Text(pattern=SLUG, hint="must be a relation id")  # the same id for a symmetric relation; absent: none
    inverse_label = PerLocale()  # shown on the target's page when the inverse is not a declared relation
    skos = Choice(SKOS_RELATIONS, default="related")
    tbx = Text(default="crossReference", pattern=re.compile(r"^[A-Za-z][A-Za-z0-9]*$"), hint="must be a TBX data category name such as crossReference")
    domain = TextList()  # categories that may have this relation (empty: any)
    range = TextList()  # categories its targets must have (empty: any)
    required_for = TextList()  # categories whose concepts must have it


class GlossaryOptions(StrictConfig):
    """The ``glossary`` plugin block of ``mkdocs.yml``."""

    content_dir = Text(default="content", hint="")
    locales = ListOf(LocaleOptions, default=[{"code": "en"}], max_items=MAX_LOCALES)
    source_locale = LanguageTag()  # default: the first locale
    # The language pairs that get a glossary of their own (pages and a CSV): "source", the source locale with each
    # other locale both ways, 2(n-1) pairs; "all", every ordered pair, n(n-1); or a list such as [[en, sv], [sv, en]].
    pairs = LanguagePairs(("source", "all"))
    categories = ListOf(CategoryOptions, default=[{"id": "general"}])
    relations = ListOf(RelationOptions, default=[])
    rules = RuleSeverities()
    max_file_bytes = Integer(256 * 1024, minimum=1024, maximum=16 * 1024 * 1024)
    max_depth = Integer(12, minimum=4, maximum=64)
    definition_max_words = Integer(30, minimum=5, maximum=500)
    # Pairs of opening and closing characters around a word that is mentioned rather than used (a deprecated form in a note).
    mention_marks = Text(default="«»", pattern=re.compile(r"^(?:[^\w\s][^\w\s]){1,8}$"), hint="must be pairs of opening and closing marks, such as «» or «»“”")
    definition_hedges = WordsPerLanguage(DEFINITION_HEDGES)
    # Phrases `glossary-tool check` never reports a term inside, in any language (a product name holding a deprecated word).
    check_ignore = Phrases()
    schema_file = Text(default="entry.schema.json", pattern=re.compile(r"^[A-Za-z0-9_.-]+\.json$"), hint="must be a file name ending in .json")
    # The order of Chinese in listings: CLDR's default for the tag (pinyin for zh and zh-Hans, stroke for zh-Hant),
    # or pinyin or stroke for every Chinese locale.
    han_order = Choice(("cldr", "pinyin", "stroke"), default="cldr")
    # A language without a UI catalog (or with strings missing) is a warning that never fails a build, MkDocs'
    # strict mode included; "error" makes it fail the build, naming every such language at once.
    missing_catalog = Choice(("warning", "error"), default="warning")
    license = Text()  # shown in the footer, e.g. "CC BY 4.0"
    license_url = Text(pattern=re.compile(r"^https?://\S+$"), hint="must be an http(s) URL")

    def __init__(self, config_file_path: str | None = None, rule_ids: Callable[[], Collection[str]] | None = None) -> None:
        super().__init__(config_file_path=config_file_path)
        # The rule ids lint knows, asked for only when ``rules:`` names some (the registry imports every rule module).
        self.rule_ids = rule_ids

    def validate_options(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate_options()
        if self.rule_ids is not None and self.get("rules"):
            unknown = unknown_rules(self["rules"], self.rule_ids())
            if unknown:
                failed.append(("rules", OptionErrors(unknown)))
                order = [key for key, _ in self.schema()]
                failed.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        if not failed:
            failed.extend((key, OptionErrors([(path, msg)])) for key, path, msg in consistency(self))
        return failed, warnings


def default_prefix(index: int, code: str) -> str:
    """The URL prefix of the locale at ``index`` when none is written: the first is served at the root, each other
    under its lowercased code (``pt-BR`` → ``pt-br/``). The one place this default is decided."""
    return "" if index == 0 else code.lower() + "/"


def prefix_of(index: int, locale: Mapping[str, Any]) -> str:
    """The prefix a validated locale section is served under: as written, else the default."""
    written: str | None = locale["prefix"]
    return written if written is not None else default_prefix(index, locale["code"])


Found = list[tuple[str, KeyPath, str]]  # (option, key path under it, message)


def consistency(cfg: GlossaryOptions) -> Found:
    """Checks across options, in the order of the options they blame."""
    locales: list[Any] = cfg["locales"]
    if not locales:
        return [("locales", (), "needs at least one locale")]
    codes = [loc["code"] for loc in locales]
    return [
        *_locale_errors(locales),
        *_source_errors(cfg["source_locale"], codes),
        *_pair_errors(cfg["pairs"], codes),
        *_declared_errors(cfg, codes),
        *_relation_errors(cfg),
    ]


def _locale_errors(locales: Sequence[Any]) -> Found:
    """Each locale's code once, known to Babel; each prefix once, clear of the site's own folders; the first at the root."""
    out: Found = []
    seen: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for i, loc in enumerate(locales):
        code = loc["code"]
        if code is None:
            out.append(("locales", (i, "code"), "is required, e.g. code: sv"))
            continue
        if code.casefold() in seen:
            out.append(("locales", (i, "code"), f"'{code}' is already locale #{seen[code.casefold()] + 1}"))
        seen.setdefault(code.casefold(), i)
        out += _prefix_errors(i, prefix_of(i, loc), len(locales), prefixes)
        if not _babel_knows(code):
            out.append(("locales", (i, "code"), f"Babel has no locale data for '{code}'"))
    if len(locales) > 1 and (locales[0]["prefix"] or "") != "":
        out.append(("locales", (0, "prefix"), 'the first locale is served at the root; its prefix must be ""'))
    return out


def _prefix_errors(i: int, prefix: str, count: int, prefixes: dict[str, int]) -> Found:
    """What is wrong with locale ``i``'s prefix among those seen so far (``prefixes``, updated)."""
    out: Found = []
    if prefix == "" and count > 1 and i > 0:
        out.append(("locales", (i, "prefix"), 'only the first locale may be served at the root (prefix "")'))
    if prefix in prefixes:
        out.append(("locales", (i, "prefix"), f"'{prefix}' is already the prefix of locale #{prefixes[prefix] + 1}"))
    prefixes.setdefault(prefix, i)
    if prefix and prefix.split("/", maxsplit=1)[0] in RESERVED_TOP:
        out.append(("locales", (i, "prefix"), f"'{prefix}' would clash with the site's own '{prefix.split('/', maxsplit=1)[0]}/' pages"))
    return out


def _source_errors(source: str | None, codes: Sequence[str | None]) -> Found:
    if source is not None and source not in codes:
        return [("source_locale", (), f"'{source}' is not one of the configured locales ({', '.join(c for c in codes if c)})")]
    return []


def _pair_errors(pairs: str | Sequence[tuple[str, str]], codes: Sequence[str | None]) -> Found:
    """A listed pair: two different configured locales, each pair once."""
    if isinstance(pairs, str):
        return []
    out: Found = []
    seen: dict[tuple[str, str], int] = {}
    for i, (source, target) in enumerate(pairs):
        unknown = [code for code in (source, target) if code not in codes]
        if unknown:
            out.append(("pairs", (i,), f"'{unknown[0]}' is not one of the configured locales ({', '.join(c for c in codes if c)})"))
        elif source == target:
            out.append(("pairs", (i,), f"pairs two different locales; [{source}, {target}] pairs '{source}' with itself"))
        elif (source, target) in seen:
            out.append(("pairs", (i,), f"[{source}, {target}] is already pair #{seen[(source, target)] + 1}"))
        seen.setdefault((source, target), i)
    return out


def _declared_errors(cfg: GlossaryOptions, codes: Sequence[str | None]) -> Found:
    """Categories and relations: each id once, per-locale text only in configured locales, at least one category."""
    out: Found = []
    for key in ("categories", "relations"):
        ids: dict[str, int] = {}
        for i, item in enumerate(cfg[key]):
            if item["id"] is None:
                out.append((key, (i, "id"), "is required"))
                continue
            if item["id"] in ids:
                out.append((key, (i, "id"), f"'{item['id']}' is declared twice"))
            ids.setdefault(item["id"], i)
            out += [
                (key, (i, name, code), f"'{code}' is not a configured locale")
                for name in ("label", "description", "inverse_label")
                for code in item.get(name) or {}
                if code not in codes
            ]
    if not cfg["categories"]:
        out.append(("categories", (), "needs at least one category"))
    return out


def _relation_errors(cfg: GlossaryOptions) -> Found:
    """Declared relations: none built in, inverses that name each other, constraints on declared categories."""
    out: Found = []
    categories = {c["id"] for c in cfg["categories"]}
    for i, rel in enumerate(cfg["relations"]):
        if rel["id"] in BUILTIN_RELATIONS:
            out.append(("relations", (i, "id"), f"'{rel['id']}' is built in; declare only relations beyond {', '.join(BUILTIN_RELATIONS)}"))
        out += _inverse_errors(i, rel, cfg["relations"])
        out += [
            ("relations", (i, name, j), f"'{cat}' is not a declared category")
            for name in ("domain", "range", "required_for")
            for j, cat in enumerate(rel[name])
            if cat not in categories
        ]
    return out


def _inverse_errors(i: int, rel: Mapping[str, Any], relations: Sequence[Mapping[str, Any]]) -> Found:
    inverse = rel["inverse"]
    if inverse in BUILTIN_RELATIONS:
        return [("relations", (i, "inverse"), f"'{inverse}' is built in and has its own inverse")]
    other = next((r for r in relations if r["id"] == inverse), None)
    if other is not None and inverse != rel["id"] and other["inverse"] != rel["id"]:
        return [("relations", (i, "inverse"), f"'{inverse}' must name '{rel['id']}' as its inverse too")]
    return []


def _babel_knows(code: str) -> bool:
    from babel import Locale as BabelLocale  # Babel's locale data: loaded only when a configuration is validated
    from babel.core import UnknownLocaleError

    try:
        BabelLocale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True
