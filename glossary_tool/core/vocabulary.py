"""The closed vocabularies of the entry format: kinds, term types, statuses, grammar and the built-in relations.

Categories and further relation types are not here: each glossary declares its own in ``mkdocs.yml``.
"""

from __future__ import annotations

from typing import Literal

TermType = Literal["fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"]
Status = Literal["preferred", "admitted", "deprecated", "proposed", "obsolete"]
# Statuses of forms a writer should not use: prose is checked for them, and the site marks them.
NOT_IN_USE: frozenset[str] = frozenset({"deprecated", "obsolete"})
# Register (ISO 12620 / TBX "register", without its "Register" suffix); a term without one is neutral.
Register = Literal["colloquial", "technical", "inHouse", "slang", "vulgar"]
PartOfSpeech = Literal["noun", "verb", "adjective", "adverb", "properNoun", "other"]
Gender = Literal["utrum", "neutrum", "masculine", "feminine", "neuter", "other"]
Kind = Literal["concept", "comparison", "faq"]
KINDS: tuple[Kind, ...] = ("concept", "comparison", "faq")

# The relations every glossary has (ISO 25964 / SKOS), each with its inverse.
BUILTIN_RELATIONS: tuple[str, ...] = ("broader", "narrower", "related")
BUILTIN_INVERSES: dict[str, str] = {"broader": "narrower", "narrower": "broader", "related": "related"}
SKOS_RELATIONS: tuple[str, ...] = ("broader", "narrower", "related")
