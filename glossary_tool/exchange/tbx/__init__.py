"""TBX-Basic (ISO 30042:2019, DCA style) export and import, TBX 2008 files read too; README "TBX-Basic" lists the mapping.

``writer.py`` exports; the import reads safely (``document.py``), walks entries (``importer.py``), concepts
(``concepts.py``), languages and terms (``terms.py``), counting what it cannot map (``reader.py``); ``schema.py``
checks a file against the dialect's schemas.
"""

from __future__ import annotations

from glossary_tool.exchange.tbx.importer import import_tbx
from glossary_tool.exchange.tbx.mapping import NS, STATUS_NOTED, STATUS_TO_TBX, XML_LANG, to_slug, unique_slug, xml_id
from glossary_tool.exchange.tbx.writer import concept_entry, export_tbx, main_language, subject_field

__all__ = [
    "NS",
    "STATUS_NOTED",
    "STATUS_TO_TBX",
    "XML_LANG",
    "concept_entry",
    "export_tbx",
    "import_tbx",
    "main_language",
    "subject_field",
    "to_slug",
    "unique_slug",
    "xml_id",
]
