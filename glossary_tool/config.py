"""The glossary's options, declared once as MkDocs ``config_options``, and the ``Settings`` built from them.

The CLI and the MkDocs plugin validate the same declaration; every error is reported at once, with its key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.config import base
from mkdocs.config.base import ValidationError

from glossary_tool.problems import FatalError, Severity
from glossary_tool.terminal import escape
from glossary_tool.vocabulary import BUILTIN_INVERSES, BUILTIN_RELATIONS, SKOS_RELATIONS

KeyPath = tuple[str | int, ...]
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
PREFIX = re.compile(r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)*/)+$")
# BCP 47 as Babel and Material use it: language, optional script, optional region (en, pt-BR, zh-Hant-TW).
LOCALE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")
MAX_LOCALES = 50


# ---- option types: MkDocs config_options whose errors carry the key path they belong to ----


class OptionErrors(ValidationError):
    """Several problems under one option: each a key path (relative to the option) and a message.

    A path ending in ``KEY`` blames the mapping key itself (an unknown name) rather than its value."""

    def __init__(self, errors: Sequence[tuple[KeyPath, str]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{_dotted(path)}: {msg}" if path else msg for path, msg in self.errors))


KEY = "\x00key"  # marks an error about a key, not its value


def _dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        if part == KEY:
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


class Option(base.BaseConfigOption[Any]):
    """An option with a default; ``None`` (absent) takes the default."""

    def __init__(self, default: Any = None) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> Any:
        if value is None:
            return self.default
        return self.check(value)

    def check(self, value: object) -> Any:
        return value


class Text(Option):
    """Plain text, optionally matching a pattern (explained by ``hint``)."""

    def __init__(self, default: str | None = None, *, pattern: re.Pattern[str] | None = None, hint: str = "", max_length: int = 2000) -> None:
        super().__init__(default)
        self.pattern, self.hint, self.max_length = pattern, hint, max_length

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"must be text, not {_type_name(value)}")
        if len(value) > self.max_length:
            raise ValidationError(f"is longer than {self.max_length} characters")
        if self.pattern is not None and not self.pattern.match(value):
            raise ValidationError(f"'{value}' {self.hint}")
        return value


def canonical_tag(code: str) -> str:
    """A language tag in BCP 47's customary case, whatever case it was written in: EN → en, zh-hans-cn → zh-Hans-CN.

    Text that is no tag (``zh_CN``) is returned as it is, for the error message to quote."""
    if not code.replace("-", "").isalnum():
        return code
    parts = code.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 and part.isalpha() else part.upper() if len(part) == 2 else part)
    return "-".join(out)


def tag_problem(code: str) -> str | None:
    """Why ``code`` is not a tag the glossary takes, with a "did you mean" where one is close; None when it is one.

    Tags are matched without regard to case; gettext's and POSIX's underscore (``zh_CN``) is not BCP 47."""
    canonical = canonical_tag(code)
    if LOCALE_CODE.match(canonical):
        return None
    fixed = canonical_tag(code.replace("_", "-").split(".")[0].split("@")[0])
    if fixed != canonical and LOCALE_CODE.match(fixed):
        return f"'{code}' is not a BCP 47 language tag; did you mean '{fixed}'?"
    return f"'{code}' is not a BCP 47 language tag such as en, sv, pt-BR or zh-Hant-TW"


class LanguageTag(Option):
    """A BCP 47 tag (language, optional script and region), taken in any case and kept in the customary one."""

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"must be a language tag such as en or pt-BR, not {_type_name(value)}")
        problem = tag_problem(value)
        if problem:
            raise ValidationError(problem)
        return canonical_tag(value)


class Integer(Option):
    """A whole number within bounds (YAML ``true`` is not a number)."""

    def __init__(self, default: int, *, minimum: int, maximum: int) -> None:
        super().__init__(default)
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"must be a whole number from {self.minimum} to {self.maximum}, not {_type_name(value)} ({value!r})")
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(f"must be from {self.minimum} to {self.maximum}, not {value}")
        return value


class Choice(Option):
    """One of a fixed list of values."""

    def __init__(self, choices: Sequence[str], default: str | None = None) -> None:
        super().__init__(default)
        self.choices = tuple(choices)

    def check(self, value: object) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise ValidationError(f"must be one of {', '.join(self.choices)}, not {value!r}")
        return value


class PerLocale(Option):
    """Text per locale code: ``{en: Services, sv: Tjänster}`` (codes are checked against ``locales`` later)."""

    def __init__(self, *, required: bool = False) -> None:
        super().__init__(None if required else {})
        self.required = required

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            if self.required:
                raise ValidationError("is required: text per locale, e.g. {en: ..., sv: ...}")
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of locale code to text, e.g. {{en: ..., sv: ...}}, not {_type_name(value)}")
        errors: list[tuple[KeyPath, str]] = []
        for key, text in value.items():
            if not isinstance(key, str):
                errors.append(((), f"locale code {key!r} must be text"))
            elif not isinstance(text, str) or not text.strip():
                errors.append(((key,), "must be non-empty text"))
        if errors:
            raise OptionErrors(errors)
        return dict(value)


class TextList(Option):
    """A list of texts (ids)."""

    def __init__(self) -> None:
        super().__init__([])

    def check(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("must be a list of ids, e.g. [service]")
        return list(value)


class Phrases(Option):
    """A list of non-empty texts (words or phrases)."""

    def __init__(self, *, max_items: int = 1000) -> None:
        super().__init__([])
        self.max_items = max_items

    def check(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValidationError("must be a list of words or phrases, e.g. [Customer Care Cloud]")
        if len(value) > self.max_items:
            raise ValidationError(f"has {len(value)} items; at most {self.max_items} are allowed")
        return tuple(" ".join(v.split()) for v in value)


class WordsPerLanguage(Option):
    """Words or phrases per language subtag: ``{de: [oft, meist], sv: [ofta]}``; each listed language replaces the defaults' list."""

    def __init__(self, defaults: Mapping[str, tuple[str, ...]]) -> None:
        super().__init__({})
        self.defaults = defaults

    def run_validation(self, value: object) -> dict[str, tuple[str, ...]]:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of language to a list of words, e.g. {{de: [oft, meist]}}, not {_type_name(value)}")
        errors: list[tuple[KeyPath, str]] = []
        for key, words in value.items():
            if not isinstance(key, str) or not re.fullmatch(r"[a-z]{2,3}", key):
                errors.append(((str(key),), "must be a language subtag such as de or sv"))
            elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                errors.append(((key,), "must be a list of words or phrases"))
        if errors:
            raise OptionErrors(errors)
        return {**self.defaults, **{k: tuple(" ".join(w.split()) for w in v) for k, v in value.items()}}


# Words that hedge a definition instead of delimiting the concept (ISO 704): a definition states what always holds.
# Per language subtag; a glossary adds its languages' (or replaces one of these lists) under definition_hedges.
DEFINITION_HEDGES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "en": ("often", "usually", "mainly", "mostly", "typically", "generally", "in practice", "in most cases", "as a rule"),
    "sv": ("ofta", "oftast", "vanligen", "vanligtvis", "främst", "huvudsakligen", "i praktiken", "i regel", "för det mesta"),
})


class StrictConfig(base.Config):
    """A config section that reports every failing option and refuses unknown keys (MkDocs stops at the first)."""

    def _validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed: base.ConfigErrors = []
        for key, option in self._schema:
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as exc:
                failed.append((key, exc))
        known = {key for key, _ in self._schema}
        for key in sorted(set(self.keys()) - known, key=str):
            close = _close(str(key), sorted(known))
            message = f"unknown option '{key}'" + (f"; did you mean '{close}'?" if close else f"; known: {', '.join(sorted(known))}")
            failed.append((str(key), OptionErrors([((KEY,), message)])))
        return failed, []

    def errors(self) -> list[tuple[KeyPath, str]]:
        """Validate and return every problem as (key path, message)."""
        failed, _ = self.validate()
        return flatten(failed)


def flatten(failed: base.ConfigErrors) -> list[tuple[KeyPath, str]]:
    out: list[tuple[KeyPath, str]] = []
    for key, exc in failed:
        if isinstance(exc, OptionErrors):
            out.extend(((key, *path), msg) for path, msg in exc.errors)
        else:
            out.append(((key,), str(exc)))
    return out


def _close(word: str, options: Sequence[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


class ListOf(Option):
    """A list of sub-sections, each validated in full; errors carry the item's index."""

    def __init__(self, section: type[StrictConfig], default: list[dict[str, Any]] | None = None, *, max_items: int = 1000) -> None:
        super().__init__(default)
        self.section, self.max_items = section, max_items

    def run_validation(self, value: object) -> list[StrictConfig]:
        if value is None:
            value = self.default if self.default is not None else []
        if not isinstance(value, list):
            raise ValidationError(f"must be a list, not {_type_name(value)}")
        if len(value) > self.max_items:
            raise ValidationError(f"has {len(value)} items; at most {self.max_items} are allowed")
        errors: list[tuple[KeyPath, str]] = []
        out: list[StrictConfig] = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                errors.append(((i,), f"must be a mapping, not {_type_name(item)}"))
                continue
            section = self.section()
            section.load_dict(dict(item))
            errors.extend(((i, *path), msg) for path, msg in section.errors())
            out.append(section)
        if errors:
            raise OptionErrors(errors)
        return out


class RuleSeverities(Option):
    """Rule id → ``error``, ``warning`` or ``off``; the ids are checked against the rule registry."""

    def __init__(self) -> None:
        super().__init__({})

    def check(self, value: object) -> dict[str, Severity]:
        from glossary_tool.rules import load_all  # the registry; imported here so `--help` stays fast

        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of rule id to error, warning or off, not {_type_name(value)}")
        known = sorted(load_all())
        errors: list[tuple[KeyPath, str]] = []
        out: dict[str, Severity] = {}
        for rule_id, written in value.items():
            severity = "off" if written is False else written  # YAML 1.1 reads a bare `off` as false
            if rule_id not in known:
                close = _close(str(rule_id), known)
                errors.append(((str(rule_id), KEY), f"no rule has the id '{rule_id}'" + (f"; did you mean '{close}'?" if close else "; 'glossary-tool rules' lists them")))
            elif severity not in ("error", "warning", "off"):
                errors.append(((rule_id,), f"severity must be error, warning or off, not {severity!r}"))
            else:
                out[rule_id] = Severity(severity)
        if errors:
            raise OptionErrors(errors)
        return out


# ---- the declaration: every option and its default, once ----


class LocaleOptions(StrictConfig):
    """One language of the site."""

    code = LanguageTag()
    name = Text()  # default: the language's own name (Babel)
    prefix = Text(pattern=re.compile(r"^$|" + PREFIX.pattern), hint="must be a relative path of lowercase slugs ending in '/', such as sv/ or pt-br/ (or \"\" for the first language)", max_length=200)
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

    def _validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super()._validate()
        if not failed:
            failed.extend((key, OptionErrors([(path, msg)])) for key, path, msg in _consistency(self))
        return failed, warnings


def _consistency(cfg: GlossaryOptions) -> list[tuple[str, KeyPath, str]]:
    """Checks across options: unique codes and prefixes, known locales in per-locale text, coherent relations."""
    out: list[tuple[str, KeyPath, str]] = []
    locales: list[Any] = cfg["locales"]
    if not locales:
        out.append(("locales", (), "needs at least one locale"))
        return out
    codes = [loc["code"] for loc in locales]
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
        prefix = loc["prefix"] if loc["prefix"] is not None else ("" if i == 0 else code.lower() + "/")
        if prefix == "" and len(locales) > 1 and i > 0:
            out.append(("locales", (i, "prefix"), "only the first locale may be served at the root (prefix \"\")"))
        if prefix in prefixes:
            out.append(("locales", (i, "prefix"), f"'{prefix}' is already the prefix of locale #{prefixes[prefix] + 1}"))
        prefixes.setdefault(prefix, i)
        if prefix and prefix.split("/")[0] in _RESERVED_PATHS:
            out.append(("locales", (i, "prefix"), f"'{prefix}' would clash with the site's own '{prefix.split('/')[0]}/' pages"))
        if code is not None and not _babel_knows(code):
            out.append(("locales", (i, "code"), f"Babel has no locale data for '{code}'"))
    if len(locales) > 1 and (locales[0]["prefix"] or "") != "":
        out.append(("locales", (0, "prefix"), "the first locale is served at the root; its prefix must be \"\""))
    source = cfg["source_locale"]
    if source is not None and source not in codes:
        out.append(("source_locale", (), f"'{source}' is not one of the configured locales ({', '.join(c for c in codes if c)})"))
    for key in ("categories", "relations"):
        ids: dict[str, int] = {}
        for i, item in enumerate(cfg[key]):
            if item["id"] is None:
                out.append((key, (i, "id"), "is required"))
                continue
            if item["id"] in ids:
                out.append((key, (i, "id"), f"'{item['id']}' is declared twice"))
            ids.setdefault(item["id"], i)
            for name in ("label", "description", "inverse_label"):
                for code in item.get(name) or {}:
                    if code not in codes:
                        out.append((key, (i, name, code), f"'{code}' is not a configured locale"))
    if not cfg["categories"]:
        out.append(("categories", (), "needs at least one category"))
    categories = {c["id"] for c in cfg["categories"]}
    relation_ids = {r["id"] for r in cfg["relations"]}
    for i, rel in enumerate(cfg["relations"]):
        if rel["id"] in BUILTIN_RELATIONS:
            out.append(("relations", (i, "id"), f"'{rel['id']}' is built in; declare only relations beyond {', '.join(BUILTIN_RELATIONS)}"))
        inverse = rel["inverse"]
        if inverse in BUILTIN_RELATIONS:
            out.append(("relations", (i, "inverse"), f"'{inverse}' is built in and has its own inverse"))
        elif inverse in relation_ids and inverse != rel["id"]:
            other = next(r for r in cfg["relations"] if r["id"] == inverse)
            if other["inverse"] != rel["id"]:
                out.append(("relations", (i, "inverse"), f"'{inverse}' must name '{rel['id']}' as its inverse too"))
        for name in ("domain", "range", "required_for"):
            for j, cat in enumerate(rel[name]):
                if cat not in categories:
                    out.append(("relations", (i, name, j), f"'{cat}' is not a declared category"))
    return out


_RESERVED_PATHS = frozenset({"assets", "search", "terms", "categories", "compare", "faq", "index-a-z", "glossary", "downloads", "pagefind"})


def _babel_knows(code: str) -> bool:
    from babel import Locale as BabelLocale
    from babel.core import UnknownLocaleError

    try:
        BabelLocale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


# ---- Settings: what the core needs, built from the validated options ----


@dataclass(frozen=True, slots=True)
class Locale:
    """A configured language: code, display name, URL prefix (``""`` or ``"sv/"``) and texts for the site."""

    code: str
    name: str
    prefix: str
    site_name: str | None
    site_description: str | None
    intro: str | None

    @property
    def babel(self) -> str:
        """Babel's identifier (``pt_BR``, ``zh_Hant_TW``)."""
        return self.code.replace("-", "_")


@dataclass(frozen=True, slots=True)
class Category:
    """A declared category: its id, and its label and description per locale."""

    id: str
    labels: Mapping[str, str]
    descriptions: Mapping[str, str]

    def label(self, locale: str, fallback: str) -> str:
        return self.labels.get(locale) or self.labels.get(fallback) or self.id


@dataclass(frozen=True, slots=True)
class RelationType:
    """A declared relation type: label per locale, inverse, SKOS and TBX mappings, category constraints."""

    id: str
    labels: Mapping[str, str]
    inverse: str | None
    inverse_labels: Mapping[str, str]
    skos: str
    tbx: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    required_for: tuple[str, ...]

    @property
    def symmetric(self) -> bool:
        return self.inverse == self.id


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the core needs; paths are absolute."""

    root: Path
    content_dir: Path
    locales: tuple[Locale, ...]
    source_locale: str
    categories: tuple[Category, ...]
    relations: tuple[RelationType, ...]
    max_file_bytes: int
    max_depth: int
    definition_max_words: int
    mention_marks: str
    rules: Mapping[str, Severity]
    site_url: str
    schema_file: str
    license: str | None
    license_url: str | None
    config_file: Path | None
    han_order: str = "cldr"
    missing_catalog: str = "warning"
    definition_hedges: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFINITION_HEDGES)
    check_ignore: tuple[str, ...] = ()

    @property
    def locale_codes(self) -> tuple[str, ...]:
        return tuple(loc.code for loc in self.locales)

    def locale(self, code: str) -> Locale:
        for loc in self.locales:
            if loc.code == code:
                return loc
        raise KeyError(code)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    @property
    def relation_ids(self) -> tuple[str, ...]:
        """Every relation an entry may write: the built-in ones, then the declared ones."""
        return (*BUILTIN_RELATIONS, *(r.id for r in self.relations))

    def relation(self, relation_id: str) -> RelationType | None:
        return next((r for r in self.relations if r.id == relation_id), None)

    def written_inverse(self, relation_id: str) -> str | None:
        """The relation a target lists back, when that relation is one entries write (built-in, or declared here)."""
        if relation_id in BUILTIN_INVERSES:
            return BUILTIN_INVERSES[relation_id]
        declared = self.relation(relation_id)
        if declared is None or declared.inverse is None or declared.inverse not in self.relation_ids:
            return None
        return declared.inverse

    @property
    def schema_path(self) -> Path:
        return self.content_dir / self.schema_file


def build_settings(root: Path, cfg: GlossaryOptions, site_url: str = "", config_file: Path | None = None) -> Settings:
    """Settings from a validated ``GlossaryOptions``."""
    from babel import Locale as BabelLocale

    locales = []
    for i, loc in enumerate(cfg["locales"]):
        code = loc["code"]
        prefix = loc["prefix"] if loc["prefix"] is not None else ("" if i == 0 else code.lower() + "/")
        name = loc["name"] or (BabelLocale.parse(code, sep="-").get_display_name() or code)
        locales.append(Locale(code, name, prefix, loc["site_name"], loc["site_description"], loc["intro"]))
    categories = tuple(Category(c["id"], dict(c["label"]), dict(c["description"])) for c in cfg["categories"])
    relations = tuple(
        RelationType(r["id"], dict(r["label"]), r["inverse"], dict(r["inverse_label"]), r["skos"], r["tbx"],
                     tuple(r["domain"]), tuple(r["range"]), tuple(r["required_for"]))
        for r in cfg["relations"]
    )
    return Settings(
        root=root,
        content_dir=(root / cfg["content_dir"]).resolve(),
        locales=tuple(locales),
        source_locale=cfg["source_locale"] or locales[0].code,
        categories=categories,
        relations=relations,
        max_file_bytes=cfg["max_file_bytes"],
        max_depth=cfg["max_depth"],
        definition_max_words=cfg["definition_max_words"],
        mention_marks=cfg["mention_marks"],
        rules=dict(cfg["rules"]),
        definition_hedges=cfg["definition_hedges"],
        site_url=site_url,
        schema_file=cfg["schema_file"],
        license=cfg["license"],
        license_url=cfg["license_url"],
        config_file=config_file,
        han_order=cfg["han_order"],
        missing_catalog=cfg["missing_catalog"],
        check_ignore=cfg["check_ignore"],
    )


# ---- reading mkdocs.yml once, with the position of every key ----


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML has it: every build and lint reads this file before any other work
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Reads mkdocs.yml without executing anything: ``!ENV`` is resolved as MkDocs does, other tags become None.

    What MkDocs itself would make of the tags (it constructs ``!!python/…`` objects) is checked in ``trust.py``."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # MkDocs' !ENV: a variable name, or a list of names with a default last.
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        return None
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _ignore_tag(loader: Any, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("!", _ignore_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True, slots=True)
class RawConfig:
    """``mkdocs.yml`` as read: its data, the position of every key, and where the glossary block sits."""

    path: Path
    data: dict[str, Any]
    positions: dict[KeyPath, tuple[int, int]]  # of each value
    key_positions: dict[KeyPath, tuple[int, int]]  # of each mapping key
    plugin_path: KeyPath  # key path of the glossary options, e.g. ("plugins", 0, "glossary")
    text: str = ""  # the file's text, for the checks of what MkDocs would make of it (trust.py)

    def position(self, path: KeyPath) -> tuple[int, int]:
        """Where the value at ``path`` is written (its key's position when the path ends in ``KEY``)."""
        if path and path[-1] == KEY:
            path = path[:-1]
            if path in self.key_positions:
                return self.key_positions[path]
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def _positions(node: yaml.Node, path: KeyPath, out: dict[KeyPath, tuple[int, int]], keys: dict[KeyPath, tuple[int, int]],
               seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    out.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in seen:
        return  # an alias: its content is positioned where the anchor is (ten nested aliases would be 10^10 paths)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = (*path, key.value)
                keys[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
                _positions(value, child, out, keys, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _positions(value, (*path, i), out, keys, seen)


def read_config(config_file: Path | str) -> RawConfig:
    """Read ``mkdocs.yml`` once: its data and key positions. A file that cannot be read or parsed is fatal."""
    path = Path(config_file)
    shown = str(config_file)
    if path.is_dir():
        raise FatalError(f"{shown}: is a folder; pass the mkdocs.yml file with --config")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FatalError(f"{shown}: not found (run from the project folder or pass --config)") from None
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FatalError(f"{shown}:{line}: byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8") from None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
        raise FatalError(f"{where}: not valid YAML: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise FatalError(f"{shown}: not valid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise FatalError(f"{shown}:1:1: the top level must be a mapping of settings")
    positions: dict[KeyPath, tuple[int, int]] = {}
    keys: dict[KeyPath, tuple[int, int]] = {}
    if node is not None:
        _positions(node, (), positions, keys)
    return RawConfig(path.resolve(), data, positions, keys, _plugin_path(data, shown, positions), text)


def _plugin_path(data: Mapping[str, Any], shown: str, positions: Mapping[KeyPath, tuple[int, int]]) -> KeyPath:
    plugins = data.get("plugins")
    if isinstance(plugins, dict):  # MkDocs also accepts a mapping of plugin name to options
        if "glossary" in plugins:
            return ("plugins", "glossary")
    elif isinstance(plugins, list):
        for i, item in enumerate(plugins):
            if item == "glossary":
                return ("plugins", i)
            if isinstance(item, dict) and "glossary" in item:
                return ("plugins", i, "glossary")
    elif plugins is not None:
        line, column = positions.get(("plugins",), (1, 1))
        raise FatalError(f"{shown}:{line}:{column}: 'plugins' must be a list, such as [glossary, search]")
    raise FatalError(f"{shown}: has no 'glossary' entry under 'plugins'; add '- glossary' to the plugins list")


def plugin_options(raw: RawConfig) -> dict[str, Any]:
    """The glossary options as written (``{}`` when listed without options)."""
    node: Any = raw.data
    for part in raw.plugin_path:
        node = node[part]
    if isinstance(node, str) or node is None:
        return {}
    if not isinstance(node, dict):
        line, column = raw.position(raw.plugin_path)
        raise FatalError(f"{raw.path.name}:{line}:{column}: the glossary plugin's options must be a mapping, not {_type_name(node)}")
    return dict(node)


def settings_from_raw(raw: RawConfig, shown: str | None = None) -> Settings:
    """Validate the glossary block of ``raw`` and build Settings; every error at once, each with its position."""
    options = GlossaryOptions(config_file_path=str(raw.path))
    written = plugin_options(raw)
    options.load_dict(written)
    errors = options.errors() or _content_dir_errors(raw.path.parent, written.get("content_dir"))
    if errors:
        name = shown or raw.path.name
        lines = []
        for path, msg in errors:
            line, column = raw.position((*raw.plugin_path, *path))
            # Values from mkdocs.yml appear in the messages: escaped, so that each error stays one line.
            lines.append(f"{escape(name)}:{line}:{column}: error: glossary option {escape(_dotted(path))}: {escape(msg)} [config]")
        raise FatalError("invalid configuration:\n" + "\n".join(lines))
    site_url = raw.data.get("site_url")
    return build_settings(raw.path.parent, options, site_url if isinstance(site_url, str) else "", raw.path)


def _content_dir_errors(root: Path, written: object) -> list[tuple[KeyPath, str]]:
    """mkdocs.yml may not send lint or the build out of the project: content_dir is a folder inside it, real paths compared."""
    if not isinstance(written, str):
        return []  # absent: the default, "content"
    if os.path.isabs(written) or ".." in Path(written).parts:
        return [(("content_dir",), f"'{written}' must be a folder inside the project, written relative to mkdocs.yml (such as content)")]
    project = os.path.realpath(root)
    real = os.path.realpath(root / written)
    if real == project or not real.startswith(project.rstrip(os.sep) + os.sep):
        return [(("content_dir",), f"'{written}' leads to {real}, which is not a folder inside the project ({project}); a link may not take it out")]
    return []


def settings_from_options(root: Path, options: Mapping[str, Any], site_url: str = "") -> Settings:
    """Settings from a glossary options mapping as it would be written in ``mkdocs.yml`` (defaults filled in)."""
    cfg = GlossaryOptions()
    cfg.load_dict(dict(options))
    errors = cfg.errors()
    if errors:
        raise FatalError("invalid configuration:\n" + "\n".join(f"glossary option {_dotted(path)}: {msg}" for path, msg in errors))
    return build_settings(root, cfg, site_url)


def load_settings(config_file: Path | str = "mkdocs.yml") -> Settings:
    """Read ``mkdocs.yml`` and return the glossary settings it holds."""
    return settings_from_raw(read_config(config_file), str(config_file))
