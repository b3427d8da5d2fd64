"""Spreadsheet export and import: the CSV columns, a frozen bold header, text cells, and a workbook edited by hand."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from conftest import concept, make_settings, valid_glossary
from openpyxl import Workbook, load_workbook

from glossary_tool.core.problems import Severity
from glossary_tool.exchange import run_export
from glossary_tool.exchange.csvfile import header
from glossary_tool.exchange.registry import ImportOptions
from glossary_tool.exchange.xlsxfile import MAX_UNPACKED, import_xlsx


def test_header_frozen_and_bold_every_cell_text(tmp_path: Path) -> None:
    risky = concept("f", en='=HYPERLINK("http://x")').replace("An English definition.", "42")
    glossary, settings = valid_glossary(tmp_path, {"f.yaml": risky})
    data = run_export(glossary, settings, "xlsx").data
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "glossary" and sheet.freeze_panes == "A2"
    first = [c.value for c in sheet[1]]
    assert first == header(sorted(glossary.concepts, key=lambda c: c.id), settings)
    assert all(c.font.bold for c in sheet[1]) and not any(c.font.bold for c in sheet[2])
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert all(c.data_type == "s" and c.number_format == "@" for c in cells)  # no formula, date or number anywhere
    values = [c.value for c in cells]
    assert '=HYPERLINK("http://x")' in values and "42" in values and "2023-10-20" in values


def test_round_trip_and_identical_bytes(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "xlsx").data
    assert run_export(glossary, settings, "xlsx").data == data  # fixed times: the same glossary, the same bytes
    imported, problems = import_xlsx(data, "g.xlsx", settings)
    assert problems == [] and [i.concept for i in imported] == sorted(glossary.concepts, key=lambda c: c.id)


def test_a_workbook_edited_by_hand(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["English", "Swedish", "Since"])
    sheet.append(["offshoring", "offshoring", datetime.datetime(2024, 5, 1)])  # Excel made the date a date
    sheet.append([1099.0, "ettusennittionio", None])  # and a number a number
    buf = io.BytesIO()
    workbook.save(buf)
    imported, problems = import_xlsx(
        buf.getvalue(), "hand.xlsx", make_settings(tmp_path), ImportOptions(columns="term:en=English,term:sv=Swedish,note:en=Since")
    )
    found = {i.concept.id: i.concept for i in imported}
    assert found["offshoring"].locales["en"].notes == ("2024-05-01",)
    assert found["1099"].locales["en"].terms[0].text == "1099"
    assert [p.line for p in problems if p.severity is Severity.ERROR] == []


def test_damaged_and_oversized_workbooks_are_problems(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    imported, problems = import_xlsx(b"PK\x03\x04 not really", "bad.xlsx", settings)
    assert imported == [] and "not an xlsx workbook" in problems[0].message
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/big.xml", b"\0" * (MAX_UNPACKED + 1))  # a few hundred KB packed
    imported, problems = import_xlsx(bomb.getvalue(), "bomb.xlsx", settings)
    assert imported == [] and "would unpack to more than" in problems[0].message
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("hello.txt", b"hi")
    imported, problems = import_xlsx(empty.getvalue(), "zip.xlsx", settings)
    assert imported == [] and problems[0].message.startswith("cannot read the workbook:")


def test_values_the_glossary_lacks_are_one_warning_per_kind_in_a_workbook(tmp_path: Path) -> None:
    from test_table import UNKNOWN_VALUE_WARNINGS, UNKNOWN_VALUES

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in UNKNOWN_VALUES:
        sheet.append(row.split(","))
    buf = io.BytesIO()
    book.save(buf)
    imported, problems = import_xlsx(buf.getvalue(), "termbase.xlsx", make_settings(tmp_path))
    assert len(imported) == 6 and not [p for p in problems if p.severity is Severity.ERROR]
    assert [(p.line, p.message) for p in problems if " in the file (first here" in p.message] == UNKNOWN_VALUE_WARNINGS
