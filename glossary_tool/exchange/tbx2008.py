"""TBX-Basic 2008 (``martif``, ISO 30042:2008) export: the TBX that translate-toolkit, Weblate and older tools read.

The same mapping as the TBX 2019 export (``tbx/writer.py``), with the 2008 element names; the ``tbx`` importer reads both.
"""

from __future__ import annotations

from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import FatalError, Problem
from glossary_tool.exchange.registry import Imported, ImportOptions, exporter, importer
from glossary_tool.exchange.tbx import NS, XML_LANG, concept_entry, import_tbx, main_language

# TBX 2019 names of the shared builder -> TBX 2008 names (the reverse of what the importer renames).
NAMES_2008 = {"conceptEntry": "termEntry", "langSec": "langSet", "termSec": "tig"}
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'  # as TBX-Basic 2008 files declare it; never loaded
XCS = "TBXBasicXCSV02.xcs"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def martif(settings: Settings, lang: str) -> tuple[etree._Element, etree._Element]:
    """A TBX-Basic 2008 document's root (``martif``, no namespace, its header) and its empty ``body``."""
    root = etree.Element("martif", {"type": "TBX-Basic"})
    root.set(XML_LANG, lang)
    header = _sub(root, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", settings.locale(settings.source_locale).site_name or "Glossary")
    _sub(_sub(file_desc, "sourceDesc"), "p", "Exported by glossary-tool from the YAML glossary entries.")
    _sub(_sub(header, "encodingDesc"), "p", XCS, type="XCSURI")
    return root, _sub(_sub(root, "text"), "body")


def martif_bytes(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE)
    return data


@exporter("tbx2008")
def export_tbx2008(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The concepts as one TBX-Basic 2008 document (``martif``, no namespace, ``termEntry``/``langSet``/``tig``)."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    if not concepts:
        raise FatalError("nothing to export: the glossary has no concepts (TBX needs at least one termEntry)")
    root, body = martif(settings, main_language(settings, locales))
    staging = etree.Element(f"{{{NS}}}body")  # built by the TBX 2019 writer, then renamed: one mapping for both
    exported = {c.id for c in concepts}
    for concept in concepts:
        concept_entry(staging, concept, settings, exported, root.get(XML_LANG))
    for el in staging.iter():
        name = etree.QName(el).localname
        el.tag = NAMES_2008.get(name, name)
    for entry in list(staging):
        body.append(entry)
    etree.cleanup_namespaces(root)
    return martif_bytes(root)


@importer("tbx2008")
def import_tbx2008(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The same reader as ``tbx``: it reads TBX 2008 and TBX 2019 alike."""
    return import_tbx(data, path, settings, options or ImportOptions())
