"""The closed vocabularies of the entry format: term types, statuses, categories, relations and the like.

Kept apart from the model so that the command line can offer them without loading pydantic.
"""

from __future__ import annotations

from typing import Literal

TermType = Literal["fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"]
Status = Literal["preferred", "admitted", "deprecated"]
PartOfSpeech = Literal["noun", "verb", "adjective", "adverb", "properNoun", "other"]
Gender = Literal["utrum", "neutrum", "masculine", "feminine", "neuter", "other"]
Category = Literal["general", "model", "location", "service", "notion", "challenge"]
Kind = Literal["concept", "comparison", "faq"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
RELATIONS: tuple[str, ...] = ("broader", "narrower", "related", "contrast", "service_of")
