"""The TBX-Basic vocabulary both directions share: namespaces, data categories and our values' mapping onto them,
and concept ids as XML ids and back."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.ids import SLUG, reserved_ids, slug_problem

NS = "urn:iso:std:iso:30042:ed-2"
# Namespaces of TBX 2019 files in the wild (the LTAC examples moved to the second one); both read the same.
KNOWN_NS = frozenset({NS, "urn:iso:std:iso:30042:ed:3.0"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RULE = "import-tbx"

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "obsolete": "supersededTerm-admn-sts",
    "proposed": "admittedTerm-admn-sts",
}
# TBX-Basic has no "proposed" status: such a term is written as admitted, with a note carrying ours (as for utrum).
STATUS_NOTED = frozenset({"proposed"})
TBX_POS = frozenset({"noun", "verb", "adjective", "adverb", "other"})
TBX_GENDER = frozenset({"masculine", "feminine", "neuter", "other"})
# Our values TBX-Basic lacks: the nearest TBX value, plus a note carrying ours so the import restores it.
POS_TO_TBX = {"properNoun": "noun"}
GENDER_TO_TBX = {"utrum": "other", "neutrum": "neuter"}
TERM_TYPES = frozenset({"fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"})
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def xml_id(concept_id: str) -> str:
    """A concept id as an XML ID (an NCName cannot start with a digit, so ``3pl`` becomes ``_3pl``)."""
    return concept_id if concept_id[:1].isalpha() else "_" + concept_id


def local_name(el: etree._Element) -> str:
    """An element's name without its namespace; empty for a comment or processing instruction."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def children(el: etree._Element) -> Iterable[etree._Element]:
    """An element's child elements (comments and processing instructions left out)."""
    return (c for c in el if isinstance(c.tag, str))


def text_of(el: etree._Element) -> str:
    """Element text with inline markup flattened and XML white space collapsed (other tools wrap long text)."""
    return unicodedata.normalize("NFC", _XML_SPACE.sub(" ", "".join(el.itertext())).strip(" "))


def to_slug(raw: str) -> str:
    """A conceptEntry id as a glossary id: ``_3pl`` → ``3pl`` (our export), ``C_12`` → ``c-12``."""
    if raw.startswith("_") and SLUG.match(raw[1:]):
        return raw[1:]
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:64].strip("-")


def unique_slug(text: str, taken: set[str], settings: Settings, fallback: str) -> str:
    """A new glossary id made from ``text`` (a term), not in ``taken`` and not reserved; ``fallback`` when the
    text has no ASCII letters or digits (a Chinese term, say)."""
    reserved = reserved_ids(settings)
    base = to_slug(text)[:60].strip("-") or fallback
    candidate, n = base, 1
    while candidate in taken or slug_problem(candidate, reserved) is not None:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
