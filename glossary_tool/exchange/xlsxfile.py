"""Spreadsheet (xlsx) export and import with openpyxl: the CSV columns, a frozen bold header row, every cell text.

Text cells never run as formulas and never turn into dates or numbers, so no value needs the CSV's ``'`` guard.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from glossary_tool.core.archives import FIXED_TIME, zip_bytes
from glossary_tool.core.config import Settings
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import Problem, clip
from glossary_tool.exchange.csvfile import header, rows
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CELLS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_ROWS,
    Imported,
    ImportOptions,
    exporter,
    importer,
    problem,
    too_many,
)
from glossary_tool.exchange.table import Row, Table, import_table

RULE = "import-xlsx"
SHEET = "glossary"
TEXT_FORMAT = "@"  # Excel's "Text" number format: what is typed into the cell later stays text too
# The workbook's creation and change times, replaced by FIXED_TIME's date: the same glossary always gives the same bytes.
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")
# Bounds for an untrusted workbook (a zip): what it may unpack to in all and per part, how many parts it may have, and
# how many different texts (openpyxl holds them all). A workbook of the import's 10,000 concepts stays well within them.
MAX_UNPACKED = 64 * 1024 * 1024
MAX_SHEET_BYTES = 64 * 1024 * 1024
MAX_STRINGS_BYTES = 32 * 1024 * 1024
MAX_PART_BYTES = 4 * 1024 * 1024
MAX_PARTS = 1_000
MAX_SHARED_STRINGS = 600_000  # twenty texts a concept at the concept bound
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")


def _deterministic(data: bytes) -> bytes:
    """The workbook re-packed with fixed times and the same order, so equal glossaries give equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    return zip_bytes((name, _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body) if name == "docProps/core.xml" else body) for name, body in members)


@exporter("xlsx")
def export_xlsx(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The CSV export's rows and columns as one sheet: header row bold and frozen, every cell text."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    columns = header(concepts, settings)
    return workbook_bytes([columns, *rows(concepts, settings, columns)])


def workbook_bytes(table: Iterable[Sequence[str]]) -> bytes:
    """A workbook of one sheet holding ``table`` (its first row the header, bold and frozen), every cell text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = SHEET
    bold = Font(bold=True)
    for r, values in enumerate(table, start=1):
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
    """What makes a workbook too big to read within the import's memory bound, from its zip directory and a count of
    its shared strings (which openpyxl reads all at once), before openpyxl sees it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
                return problem(path, 1, RULE, f"the workbook would unpack to more than {MAX_UNPACKED:,} bytes or {MAX_PARTS} parts; refusing to read it")
            for part in parts:
                found = _part_problem(archive, part, path)
                if found is not None:
                    return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, ValueError):
        return problem(path, 1, RULE, "not an xlsx workbook (it is not a readable zip archive); save it as 'Excel Workbook (.xlsx)'")
    return None


def _part_problem(archive: zipfile.ZipFile, part: zipfile.ZipInfo, path: str) -> Problem | None:
    """What makes one part of a workbook too big: its unpacked size over its kind's bound, or too many shared strings."""
    name = part.filename.rsplit("/", 1)[-1].lower()
    limit = MAX_STRINGS_BYTES if name == "sharedstrings.xml" else MAX_SHEET_BYTES if name.startswith("sheet") else MAX_PART_BYTES
    if part.file_size > limit:
        return problem(
            path,
            1,
            RULE,
            f"the part {clip(part.filename)} of the workbook would unpack to more than {limit:,} bytes; "
            "refusing to read it (split the glossary into smaller workbooks)",
        )
    if name == "sharedstrings.xml" and _count(archive, part, _SHARED_STRING) > MAX_SHARED_STRINGS:
        return problem(path, 1, RULE, f"the workbook holds more than {MAX_SHARED_STRINGS:,} different texts; split it into smaller workbooks")
    return None


def _count(archive: zipfile.ZipFile, part: zipfile.ZipInfo, pattern: re.Pattern[bytes]) -> int:
    """How often ``pattern`` (a short one) starts in a part, read a megabyte at a time."""
    count, carry = 0, b""
    with archive.open(part) as fh:
        while chunk := fh.read(1 << 20):
            window = carry + chunk
            keep = max(len(window) - 32, 0)  # a match starting here may be cut: it is counted with the next piece
            count += sum(1 for m in pattern.finditer(window) if m.start() < keep)
            carry = window[keep:]
    return count + len(pattern.findall(carry))


@importer("xlsx")
def import_xlsx(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts from the first sheet of a workbook, in any layout the CSV import knows; problems name the sheet row
    (line) and column. Rows are read one at a time, never padded to the size a workbook declares."""
    from openpyxl import load_workbook

    found = _zip_problem(data, path)
    if found is not None:
        return [], [found]
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged workbook; each is one problem here
        return [], [problem(path, 1, RULE, f"cannot read the workbook: {type(exc).__name__}: {clip(exc, 200)}")]
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        problems: list[Problem] = []
        rows = _rows(workbook, sheet, path, problems)
        first = next(rows, None)
        if first is None or first[0] != 1 or not any(cell.strip() for cell in first[2]):
            return [], [*problems, problem(path, 1, RULE, "the first row of the sheet is empty; it must be the header (the column names)")]
        return import_table(Table(first[2], rows, path, RULE, problems=problems), settings, options or ImportOptions())
    finally:
        workbook.close()


def _rows(workbook: Any, sheet: Any, path: str, problems: list[Problem]) -> Iterator[Row]:
    """The sheet's rows as text cells up to the last cell with a value (a row's line is its number in the sheet).

    openpyxl's own row iterator pads every row to the declared dimension (``A1:XFD1048576`` made 1.9 GB of empty
    cells from 1.6 KB), so its worksheet parser is used directly, and reading stops at the import's bounds: the parser
    keeps every row element it has seen until the sheet ends, so even empty rows and cells are counted."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with sheet._get_source() as src:
        parser = WorkSheetParser(
            src, sheet._shared_strings, data_only=True, epoch=workbook.epoch, date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats
        )
        parsed = parser.parse()
        seen = _Seen()
        while True:
            try:
                found = next(parsed, None)
            except Exception as exc:  # a damaged cell (a number of 5,000 digits, a string index out of range)
                problems.append(problem(path, parser.row_counter or 1, RULE, f"cannot read this row of the sheet: {type(exc).__name__}: {clip(exc, 200)}"))
                return
            if found is None:
                return
            number, cells = found
            if seen.past_bounds(cells):
                problems.append(too_many(path, number, RULE, "rows or cells, empty ones included,", 2 * MAX_IMPORT_ROWS))
                return
            values = _values(cells)
            width = max(values, default=0)
            if width > MAX_IMPORT_COLUMNS:
                problems.append(too_many(path, number, RULE, "columns", MAX_IMPORT_COLUMNS, column=width))
                return
            yield number, number, [_text(values.get(column)) for column in range(1, width + 1)]


@dataclass
class _Seen:
    """The rows and cells the sheet parser has kept so far, empty ones included."""

    rows: int = 0
    cells: int = 0

    def past_bounds(self, cells: list[dict[str, Any]]) -> bool:
        """Count a row and its cells; True once either count is past twice the import's bound."""
        self.rows += 1
        self.cells += len(cells)
        return self.rows > 2 * MAX_IMPORT_ROWS or self.cells > 2 * MAX_IMPORT_CELLS


def _values(cells: list[dict[str, Any]]) -> dict[int, Any]:
    """A parsed row's values by column number; cells without a value are left out."""
    return {cell["column"]: cell["value"] for cell in cells if cell["value"] is not None}
