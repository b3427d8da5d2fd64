"""Spreadsheet (xlsx) export and import with openpyxl: the CSV columns, a frozen bold header row, every cell text.

Text cells never run as formulas and never turn into dates or numbers, so no value needs the CSV's ``'`` guard.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

from glossary_tool.config import Settings
from glossary_tool.export import Imported, ImportOptions, exporter, importer, problem
from glossary_tool.export.csvfile import header, rows
from glossary_tool.export.table import Table, import_table
from glossary_tool.model import Glossary
from glossary_tool.problems import Problem

RULE = "import-xlsx"
SHEET = "glossary"
TEXT_FORMAT = "@"  # Excel's "Text" number format: what is typed into the cell later stays text too
# A fixed time for the workbook's properties and zip entries: the same glossary always gives the same bytes.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")
# Bounds for an untrusted workbook (a zip): what it may unpack to, and how many parts it may have.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_PARTS = 10_000


def _deterministic(data: bytes) -> bytes:
    """The workbook re-packed with fixed times and the same order, so equal glossaries give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, body)
    return out.getvalue()


@exporter("xlsx")
def export_xlsx(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The CSV export's rows and columns as one sheet: header row bold and frozen, every cell text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    columns = header(concepts, settings)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = SHEET
    bold = Font(bold=True)
    for r, values in enumerate([columns, *rows(concepts, settings, columns)], start=1):
        for c, value in enumerate(values, start=1):
            if value == "":
                continue
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # openpyxl would make "=…" a formula; a text cell is shown, never run
            cell.number_format = TEXT_FORMAT
            if r == 1:
                cell.font = bold
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "glossary-tool"
    workbook.properties.created = datetime.datetime(*FIXED_TIME)
    buf = io.BytesIO()
    workbook.save(buf)
    return _deterministic(buf.getvalue())


def _text(value: Any) -> str:
    """A cell as text: edited workbooks hold numbers and dates where the export wrote text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _zip_problem(data: bytes, path: str) -> Problem | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile:
        return problem(path, 1, RULE, "not an xlsx workbook (it is not a zip archive); save it as 'Excel Workbook (.xlsx)'")
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
        return problem(path, 1, RULE, f"the workbook would unpack to more than {MAX_UNPACKED} bytes or {MAX_PARTS} parts; refusing to read it")
    return None


@importer("xlsx")
def import_xlsx(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts from the first sheet of a workbook, in any layout the CSV import knows; problems name the sheet row."""
    from openpyxl import load_workbook

    found = _zip_problem(data, path)
    if found is not None:
        return [], [found]
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
            table = [(i, [_text(v) for v in values]) for i, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            workbook.close()
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged workbook; each is one problem here
        return [], [problem(path, 1, RULE, f"cannot read the workbook: {type(exc).__name__}: {exc}")]
    if not table or not any(cell.strip() for cell in table[0][1]):
        return [], [problem(path, 1, RULE, "the first row of the sheet is empty; it must be the header (the column names)")]
    head = table[0][1]
    while head and not head[-1]:
        head = head[:-1]
    body = [(line, cells) for line, cells in table[1:] if any(cell.strip() for cell in cells)]
    return import_table(Table(head, body, path, RULE), settings, options or ImportOptions())
