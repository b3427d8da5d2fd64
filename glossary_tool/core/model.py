"""The typed glossary model: concepts, comparisons and FAQ entries, validated with pydantic.

Field values stay strings exactly as written; positions live beside the model in ``Document``.
"""

from __future__ import annotations

import datetime
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, field_validator

from glossary_tool.core.content_files import ContentFile
from glossary_tool.core.loader import Document
from glossary_tool.core.tags import LOCALE_TAG
from glossary_tool.core.vocabulary import Gender, PartOfSpeech, Register, Status, TermType

if TYPE_CHECKING:
    from glossary_tool.core.config import Settings

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# The id rule (rules/ids.py) explains a bad id better than a regex failure would, so ids are plain text here.
Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
# BCP 47 as the configuration accepts it (core/tags.py): language, optional script and region (zh-Hant-TW).
LocaleCode = Annotated[str, StringConstraints(pattern=LOCALE_TAG)]
Hash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8,64}$")]
# An ISO 3166-1 region (US, GB) or a UN M.49 area (419), as in the region subtag of a locale code.
Region = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|[0-9]{3})$")]


def _real_date(value: str) -> str:
    # Kept as text; checked so that 2024-02-30 is reported instead of silently accepted.
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date (YYYY-MM-DD)") from None
    return value


IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_real_date)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class Grammar(_Strict):
    """Grammatical information for one term."""

    pos: PartOfSpeech | None = None
    gender: Gender | None = None
    plural: ShortText | None = None


# "register" is the TBX data category's name; pydantic warns that it shadows ABCMeta.register, which no model uses.
warnings.filterwarnings("ignore", message='Field name "register" in "Term"', category=UserWarning)


class Term(_Strict):
    """A designation of the concept in one language."""

    text: ShortText
    type: TermType
    status: Status
    # How the term is read, where its script does not say: kana for Japanese, pinyin for Chinese (the index files
    # the term by it; the reading-script rule checks its script).
    reading: ShortText | None = None
    grammar: Grammar | None = None
    # Termbank fields of one term: the concept's sources that attest it (their ids), where and in which register it
    # is used, and a note on the term itself (for a deprecated or obsolete term: why).
    sources: tuple[Id, ...] = ()
    geographical_usage: Region | None = None
    register: Register | None = None
    note: Text | None = None


class Source(_Strict):
    """Where the facts of an entry come from."""

    id: Id | None = None  # what a term's ``sources`` call it
    title: ShortText
    publisher: ShortText | None = None
    date: IsoDate | None = None
    url: Url | None = None
    language: LocaleCode | None = None  # of the title; omitted when it is the glossary's source language


class ConceptLocale(_Strict):
    """A concept's terms and prose in one language."""

    terms: Annotated[tuple[Term, ...], Field(min_length=1)]
    definition: Text
    examples: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()
    # field name -> short hash of the source-language text this field was translated from
    translated_from: dict[str, Hash] = Field(default_factory=dict)


class Concept(_Strict):
    """One concept: the unit of the glossary, one per file."""

    id: Id
    kind: Literal["concept"]
    # Categories and relation names are declared per glossary (mkdocs.yml); rules check them with a hint.
    category: Id
    relations: dict[Id, tuple[Id, ...]] = Field(default_factory=dict)
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    locales: dict[LocaleCode, ConceptLocale]

    @field_validator("relations")
    @classmethod
    def _drop_empty(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        # An empty list says nothing: "contrast: []" and no "contrast" key are the same concept (and export alike).
        return {name: ids for name, ids in value.items() if ids}

    def targets(self, relation: str) -> tuple[str, ...]:
        """The concept ids this concept lists under ``relation`` (empty when it lists none)."""
        return self.relations.get(relation, ())


class ComparisonLocale(_Strict):
    title: ShortText
    intro: Text | None = None


class Dimension(_Strict):
    """One row of a comparison: a label per locale and a value per concept and locale."""

    id: Id
    label: dict[LocaleCode, ShortText]
    values: dict[Id, dict[LocaleCode, Text]]


class Comparison(_Strict):
    """Concept A versus concept B (or more), dimension by dimension."""

    id: Id
    kind: Literal["comparison"]
    concepts: Annotated[tuple[Id, ...], Field(min_length=2)]
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    locales: dict[LocaleCode, ComparisonLocale]
    dimensions: Annotated[tuple[Dimension, ...], Field(min_length=1)]


class FaqLocale(_Strict):
    question: ShortText
    answer: Text


class Faq(_Strict):
    """A frequently asked question, answered per locale and linked to concepts."""

    id: Id
    kind: Literal["faq"]
    concepts: Annotated[tuple[Id, ...], Field(min_length=1)]
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    locales: dict[LocaleCode, FaqLocale]


Model = Concept | Comparison | Faq
MODELS: dict[str, type[Concept] | type[Comparison] | type[Faq]] = {"concept": Concept, "comparison": Comparison, "faq": Faq}
ENTRY_ADAPTER: TypeAdapter[Any] = TypeAdapter(Annotated[Model, Field(discriminator="kind")])


@dataclass(frozen=True, slots=True)
class Entry:
    """A validated model together with the document it was read from (for positions)."""

    model: Concept | Comparison | Faq
    doc: Document

    @property
    def id(self) -> str:
        return self.model.id


@dataclass(frozen=True, slots=True)
class Glossary:
    """All valid entries, in path order."""

    entries: tuple[Entry, ...]
    documents: tuple[Document, ...] = ()  # every parsed file, also those whose entry is invalid (for document rules)
    others: tuple[ContentFile, ...] = ()  # every other name in the content folder (for the content-folder rules)
    _by_id: dict[str, Concept] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Concept] = {}
        for entry in self.entries:
            if isinstance(entry.model, Concept):
                by_id.setdefault(entry.model.id, entry.model)
        object.__setattr__(self, "_by_id", by_id)

    @property
    def concepts(self) -> list[Concept]:
        return [e.model for e in self.entries if isinstance(e.model, Concept)]

    @property
    def comparisons(self) -> list[Comparison]:
        return [e.model for e in self.entries if isinstance(e.model, Comparison)]

    @property
    def faqs(self) -> list[Faq]:
        return [e.model for e in self.entries if isinstance(e.model, Faq)]

    def concept(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)


def schema_text(settings: Settings) -> str:
    """The project's ``entry.schema.json`` as ``glossary-tool schema --write`` writes it (and lint compares it)."""
    import json

    return json.dumps(json_schema(settings), indent=2, ensure_ascii=False) + "\n"


def json_schema(settings: Settings | None = None) -> dict[str, Any]:
    """The JSON Schema for editors, generated from the model so the two cannot drift.

    With ``settings``, the project's own: its categories, relation types and locales are the allowed values.
    """
    schema = ENTRY_ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://glossary-tool.invalid/entry.schema.json"
    schema["title"] = "Glossary entry"
    schema["description"] = "One concept, comparison or FAQ entry of a multilingual glossary."
    if settings is not None:
        concept = schema["$defs"]["Concept"]["properties"]
        concept["category"] = {
            "title": "Category",
            "type": "string",
            "enum": list(settings.category_ids),
            "description": "; ".join(f"{c.id}: {c.label(settings.source_locale, c.id)}" for c in settings.categories),
        }
        ids = {"type": "array", "items": {"type": "string"}}
        concept["relations"] = {
            "title": "Relations",
            "type": "object",
            "additionalProperties": False,
            "properties": {name: dict(ids) for name in settings.relation_ids},
        }
        codes = list(settings.locale_codes)
        for name, node in schema["$defs"].items():
            props = node.get("properties", {})
            if "locales" in props and name in ("Concept", "Comparison", "Faq"):
                props["locales"]["propertyNames"] = {"enum": codes}
                props["locales"].pop("patternProperties", None)
    return schema
