"""The layouts translators' tools take, each checked against its reader: the multilingual spreadsheet with openpyxl and
Python's csv module (LibreOffice in test_spreadsheets.py), OmegaT's glossary by its documented format, DeepL's
two columns, and TBX 2008 for one language pair with translate-toolkit as Weblate reads it and with OmegaT's rules."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from conftest import valid_glossary
from lxml import etree
from translate.storage.tbx import tbxfile

from glossary_tool.core.problems import Severity
from glossary_tool.exchange import run_export
from glossary_tool.exchange.csvfile import restore
from glossary_tool.exchange.translators import multi_table

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEPRECATED_SV = "kunskapsprocess outsourcing"  # kpo's deprecated Swedish term in the fixtures


def test_the_multilingual_spreadsheet_has_a_row_per_concept_and_a_column_group_per_language(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "csv-multi").data
    assert data.startswith(b'\xef\xbb\xbf"concept_id","subject",')
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert header[:2] == ["concept_id", "subject"] and "broader" in header and "contrast" in header
    assert header[header.index("en") : header.index("en") + 4] == ["en", "en status", "en", "en status"]  # kpo has two English terms
    most = max(len(c.locales["sv"].terms) for c in glossary.concepts if "sv" in c.locales)
    assert "en definition" in header and "sv definition" in header and header.count("sv") == header.count("sv status") == most
    assert len(rows) - 1 == len(glossary.concepts)  # one row per concept
    kpo = dict(zip(header, rows[[r[0] for r in rows].index("kpo")], strict=False))  # the last of a repeated header wins here
    assert kpo["subject"] == "Delivery models"  # the category's label, not its id
    by_column = rows[[r[0] for r in rows].index("kpo")]
    sv = [by_column[i] for i, h in enumerate(header) if h in ("sv", "sv status") and i < len(by_column) and by_column[i]]
    assert sv == ["KPO", "preferred", "outsourcing av kunskapsprocesser", "admitted", DEPRECATED_SV, "forbidden"]  # CAT tools' word
    assert kpo["sv definition"].startswith("Att lägga ut kunskapsintensivt arbete")


def test_the_multilingual_workbook_holds_the_same_rows_as_text(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(run_export(glossary, settings, "xlsx-multi").data))
    sheet = book.active
    assert sheet is not None and sheet.freeze_panes == "A2"
    cells = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    table = multi_table(glossary, settings, None)
    assert cells == [[*row, *([""] * (len(cells[0]) - len(row)))] for row in table]
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if c.value is not None)


def test_omegat_glossary_is_tab_separated_and_offers_no_deprecated_term(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    text = run_export(glossary, settings, "omegat", locales=("en", "sv")).data.decode("utf-8")
    assert not text.startswith("\ufeff")
    # OmegaT's glossary format: one entry a line, source term, target term and an optional comment separated by tabs
    entries = [line.split("\t") for line in text.splitlines()]
    assert all(len(e) == 3 and all("\n" not in cell and "\r" not in cell for cell in e) for e in entries)
    pairs = {(e[0], e[1]) for e in entries}
    assert ("knowledge process outsourcing", "KPO") in pairs and ("KPO", "outsourcing av kunskapsprocesser") in pairs
    assert DEPRECATED_SV not in {e[1] for e in entries}  # never offered as the translation
    kpo = next(e for e in entries if e[0] == "knowledge process outsourcing")
    assert kpo[2].startswith("Att lägga ut kunskapsintensivt arbete")  # the comment: the target's definition
    # the preferred translation comes first for each source term
    assert next(e[1] for e in entries if e[0] == "knowledge process outsourcing") == "KPO"
    reverse = run_export(glossary, settings, "omegat", locales=("sv", "en")).data.decode("utf-8")
    assert any(
        line.startswith(f"{DEPRECATED_SV}\tknowledge process outsourcing\t") for line in reverse.splitlines()
    )  # a deprecated source term finds the right one


def test_deepl_glossary_has_each_source_term_once_and_no_header(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "deepl", locales=("sv", "en")).data
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = [[restore(c) for c in row] for row in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))]
    assert all(len(r) == 2 for r in rows) and rows[0] != ["source", "target"]
    sources = [r[0] for r in rows]
    assert len(sources) == len(set(sources))  # DeepL takes one translation per source entry
    assert [DEPRECATED_SV, "knowledge process outsourcing"] in rows and ["KPO", "knowledge process outsourcing"] in rows
    forward = run_export(glossary, settings, "deepl", locales=("en", "sv")).data.decode("utf-8")
    assert not any(r[1] == DEPRECATED_SV for r in csv.reader(io.StringIO(forward, newline="")))


def test_tbx_per_language_pair_shows_each_definition_on_its_side_in_weblate(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "tbx2008-pair", locales=("en", "sv")).data
    store = tbxfile.parsestring(data)
    units = {unit.getid(): unit for unit in store.units}
    kpo = units["kpo"]
    en, sv = (next(c for c in glossary.concepts if c.id == "kpo").locales[code] for code in ("en", "sv"))
    # Weblate's TBX unit: the source explanation is every descrip (translate-toolkit's "definition" notes), the
    # translation's explanation the translator's notes, its notes the part-of-speech and developer notes.
    assert kpo.getnotes("definition") == en.definition
    assert kpo.getnotes("translator") == sv.definition
    assert set(kpo.getnotes("pos").split("\n")) <= {"noun"}  # no subject field or term type run into the notes
    assert kpo.source == "knowledge process outsourcing" and kpo.target == "KPO"
    assert [t.text for t in kpo.get_target_terms()] == ["KPO", "outsourcing av kunskapsprocesser"]  # in use only
    assert not any(unit.isobsolete() for unit in store.units)
    # OmegaT takes every term of the target langSet as a translation: none is deprecated
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    targets = root.xpath("//langSet[@xml:lang='sv']/tig/term/text()")
    assert DEPRECATED_SV not in targets and "KPO" in targets
    statuses = root.xpath("//langSet[@xml:lang='sv']/tig/termNote[@type='administrativeStatus']/text()")
    assert "deprecatedTerm-admn-sts" not in statuses


def test_tbx_per_language_pair_comes_back_with_both_definitions(tmp_path: Path) -> None:
    from glossary_tool.exchange.tbx import import_tbx

    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "tbx2008-pair", locales=("en", "sv")).data
    imported, problems = import_tbx(data, "x.tbx", settings)
    assert not [p for p in problems if p.severity is Severity.ERROR]
    kpo = next(i.concept for i in imported if i.concept.id == "kpo")
    original = next(c for c in glossary.concepts if c.id == "kpo")
    assert kpo.locales["sv"].definition == original.locales["sv"].definition
    assert kpo.locales["en"].definition == original.locales["en"].definition
    assert [(t.text, t.status) for t in kpo.locales["en"].terms] == [(t.text, t.status) for t in original.locales["en"].terms]
