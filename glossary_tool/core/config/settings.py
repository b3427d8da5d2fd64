"""``Settings``: what the rest of the package needs of the configuration, built once from the validated options, with
every default applied (a locale's prefix and name, the source locale). Paths are absolute.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary_tool.core.config.declaration import DEFINITION_HEDGES, GlossaryOptions, prefix_of
from glossary_tool.core.config.options import dotted
from glossary_tool.core.problems import FatalError, Severity
from glossary_tool.core.vocabulary import BUILTIN_INVERSES, BUILTIN_RELATIONS


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
    pairs: str | tuple[tuple[str, str], ...] = "source"  # as configured: "source", "all" or the listed pairs

    @property
    def language_pairs(self) -> tuple[tuple[str, str], ...]:
        """The ordered language pairs that get a glossary (pages and a CSV), in configured order: by default the
        source locale with each other locale both ways, 2(n-1) pairs rather than every ordered pair's n(n-1)."""
        if not isinstance(self.pairs, str):
            return self.pairs
        codes = self.locale_codes
        return tuple((a, b) for a in codes for b in codes if a != b and (self.pairs == "all" or self.source_locale in (a, b)))

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
    from babel import Locale as BabelLocale  # Babel's locale data: loaded only when settings are built

    locales = []
    for i, loc in enumerate(cfg["locales"]):
        code = loc["code"]
        prefix = prefix_of(i, loc)
        name = loc["name"] or (BabelLocale.parse(code, sep="-").get_display_name() or code)
        locales.append(Locale(code, name, prefix, loc["site_name"], loc["site_description"], loc["intro"]))
    categories = tuple(Category(c["id"], dict(c["label"]), dict(c["description"])) for c in cfg["categories"])
    relations = tuple(
        RelationType(
            r["id"],
            dict(r["label"]),
            r["inverse"],
            dict(r["inverse_label"]),
            r["skos"],
            r["tbx"],
            tuple(r["domain"]),
            tuple(r["range"]),
            tuple(r["required_for"]),
        )
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
        pairs=cfg["pairs"],
    )


def settings_from_options(root: Path, options: Mapping[str, Any], site_url: str = "") -> Settings:
    """Settings from a glossary options mapping as it would be written in ``mkdocs.yml`` (defaults filled in): the
    constructor for tests and for tools that hold options rather than a file."""
    cfg = GlossaryOptions()
    cfg.load_dict(dict(options))
    errors = cfg.errors()
    if errors:
        raise FatalError("invalid configuration:\n" + "\n".join(f"glossary option {dotted(path)}: {msg}" for path, msg in errors))
    return build_settings(root, cfg, site_url)
