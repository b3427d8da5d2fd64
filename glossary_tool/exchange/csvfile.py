"""CSV export and import for spreadsheets: one row per term, UTF-8 with BOM, comma-separated, CRLF; and the one CSV
writer every CSV of the tool goes through (``csv_bytes``), which keeps spreadsheets from running any cell as a formula.
"""

# Cells starting with = + - @, tab, CR or ' get a leading ' on export (no formula can run) and lose exactly
# that one ' on import, so every value round-trips; a cell holding a separator a spreadsheet might split at is quoted.

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Glossary, Grammar, Term
from glossary_tool.core.problems import FatalError, Problem
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.registry import Imported, ImportOptions, Source, exporter, importer, problem
from glossary_tool.exchange.table import SOURCE_KEYS, TERM_COLUMNS, TERM_FIELDS, Row, Table, import_table

RULE = "import-csv"
CHUNK = 1 << 20  # bytes decoded at a time to check a file's encoding
DELIMITER = ","
# Spreadsheets treat these first characters as the start of a formula (OWASP's list: = + - @, tab and CR). A cell
# starting with a separator another region uses (";", ",") or a quote gets the guard too: in a quoted line those are
# where a spreadsheet reading with that separator could close the quotes and start a cell the guard never saw (see
# csv_bytes). "'" is included so the one quote added on export is always the one removed on import.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", ";", ",", '"', "'")
# Every cell is quoted, not only those RFC 4180 requires (a delimiter, a quote, a line break): a spreadsheet whose region
# lists with ";" (Swedish, German) or that splits at tabs cuts an unquoted line at that character, and the piece after
# the cut starts a cell of its own that the guard above never saw ("x,a;=1+1" runs =1+1). Read with another separator,
# a line that starts with a quote and ends with a closing one is one quoted text (LibreOffice and Excel read a quote
# not followed by their separator as text), so no line ends in an empty cell ("" reads as an escaped quote, the
# quotes never close, and the line is split after all): trailing empty cells are left out, as CSV allows.
BOM = b"\xef\xbb\xbf"  # Excel reads a CSV as UTF-8 only when it starts with one


def neutralise(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def restore(value: str) -> str:
    """Undo ``neutralise``: drop the leading ``'`` of a cell whose next character is one it guards against. A ``'``
    before anything else (``'tis``) is the cell's own text."""
    return value[1:] if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_START else value


def _cell(value: str) -> str:
    return '"' + neutralise(value).replace('"', '""') + '"'


def _trimmed(row: Sequence[str]) -> Sequence[str]:
    end = len(row)
    while end > 1 and row[end - 1] == "":
        end -= 1
    return row[:end]


def csv_bytes(rows: Iterable[Sequence[str]], *, bom: bool, delimiter: str = ",") -> bytes:
    """Rows as a CSV file (CRLF line ends), every cell guarded against formulas and quoted; with a byte-order mark where
    spreadsheets open the file (Excel takes UTF-8 without one for its ANSI code page)."""
    text = "".join(delimiter.join(_cell(cell) for cell in _trimmed(row)) + "\r\n" for row in rows)
    return (BOM if bom else b"") + text.encode("utf-8")


def header(concepts: list[Concept], settings: Settings) -> list[str]:
    """The columns: term columns and the terms' termbank fields, then as many numbered example, note and source columns
    as the data needs."""
    examples = max((len(b.examples) for c in concepts for b in c.locales.values()), default=0)
    notes = max((len(b.notes) for c in concepts for b in c.locales.values()), default=0)
    sources = max((len(c.sources) for c in concepts), default=0)
    return [
        *TERM_COLUMNS,
        *TERM_FIELDS,
        *(f"example_{i}" for i in range(1, examples + 1)),
        *(f"note_{i}" for i in range(1, notes + 1)),
        *settings.relation_ids,
        *(f"source_{i}_{key}" for i in range(1, sources + 1) for key in SOURCE_KEYS),
        "translated_from",
    ]


def rows(concepts: list[Concept], settings: Settings, columns: list[str]) -> Iterable[list[str]]:
    """A row per term: the concept's cells, its language's cells and the term's, in the order of ``columns``."""
    for c in concepts:
        concept_cells = _concept_cells(c, settings)
        order = [code for code in settings.locale_codes if code in c.locales] + [code for code in c.locales if code not in settings.locale_codes]
        for code in order:
            cells = _language_cells(concept_cells, code, c.locales[code])
            for term in c.locales[code].terms:
                row = {**cells, **_term_cells(term)}
                yield [row.get(col, "") for col in columns]


def _concept_cells(c: Concept, settings: Settings) -> dict[str, str]:
    cells: dict[str, str] = {"concept_id": c.id, "category": c.category}
    for name in settings.relation_ids:
        cells[name] = " ".join(c.targets(name))
    for i, source in enumerate(c.sources, start=1):
        for key in SOURCE_KEYS:
            cells[f"source_{i}_{key}"] = getattr(source, key) or ""
    return cells


def _language_cells(concept_cells: dict[str, str], code: str, block: ConceptLocale) -> dict[str, str]:
    cells = dict(concept_cells, locale=code, definition=block.definition, translated_from=" ".join(f"{k}={v}" for k, v in block.translated_from.items()))
    cells.update({f"example_{i}": text for i, text in enumerate(block.examples, start=1)})
    cells.update({f"note_{i}": text for i, text in enumerate(block.notes, start=1)})
    return cells


def _term_cells(term: Term) -> dict[str, str]:
    g = term.grammar or Grammar()
    return {
        "term": term.text,
        "reading": term.reading or "",
        "type": term.type,
        "status": term.status,
        "pos": g.pos or "",
        "gender": g.gender or "",
        "plural": g.plural or "",
        "term_sources": " ".join(term.sources),
        "geographical_usage": term.geographical_usage or "",
        "register": term.register or "",
        "term_note": term.note or "",
    }


@exporter("csv")
def export_csv(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """Every term of every concept as one row; concept and language columns repeat on each row of their term."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    columns = header(concepts, settings)
    return csv_bytes([columns, *rows(concepts, settings, columns)], bom=True, delimiter=DELIMITER)


# The fields translate-toolkit's CSV reader (and so Weblate) takes: the source definition as the developer's comment
# (shown with the source string), the target definition as the translator's comment (shown with the translation).
PAIR_COLUMNS = ("source", "target", "developer_comments", "translator_comments")


def pair_locales(settings: Settings, locales: tuple[str, ...] | None) -> tuple[str, str]:
    """The (source, target) languages of a pair export: the two given, or the two configured."""
    chosen = locales or settings.locale_codes
    if len(chosen) != 2:
        raise FatalError(f"this format is one language pair: pass --locales SOURCE,TARGET (configured: {','.join(settings.locale_codes)})")
    return chosen[0], chosen[1]


def preferred_term(concept: Concept, code: str) -> str | None:
    """The term a one-row-per-concept format shows: the first preferred one, else the first one in use (never a
    deprecated or obsolete term, which a translator's tool would offer as the translation); None if there is none."""
    block = concept.locales.get(code)
    if block is None:
        return None
    usable = [t for t in block.terms if t.status not in NOT_IN_USE]
    return next((t.text for t in usable if t.status == "preferred"), usable[0].text if usable else None)


@exporter("csv-pair")
def export_csv_pair(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The bilingual glossary Weblate and translate-toolkit read: ``source,target,developer_comments,translator_comments``,
    one row per concept with its preferred terms and each language's definition, sorted by source term; guarded for
    spreadsheets like every CSV (the site offers these files for download)."""
    source, target = pair_locales(settings, locales)
    pairs = []
    for c in glossary.concepts:
        text = preferred_term(c, source)
        if text is None:
            continue
        block, own = c.locales.get(target), c.locales[source]
        pairs.append((term_key(text), text, preferred_term(c, target) or "", own.definition, block.definition if block is not None else ""))
    pairs.sort()
    return csv_bytes([PAIR_COLUMNS, *(pair[1:] for pair in pairs)], bom=True)


def _delimiter(first_line: str) -> str:
    # Spreadsheets save with the list separator of their region (";" in Swedish Excel), so read any of them:
    # the one that splits the header into the most cells.
    def cells(d: str) -> int:
        try:
            return len(next(csv.reader([first_line], delimiter=d), []))
        except csv.Error:  # a cell past the size limit: the reader reports it at its line
            return 0

    counts = {d: cells(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def encoding_of(data: bytes, path: str, rule: str) -> tuple[str | None, list[Problem]]:
    """The codec of a CSV file: UTF-8 (with or without a byte-order mark) or UTF-16 with one. Anything else, and bytes
    that are not what the file says, are refused at the line and column where they are; nothing is decoded twice."""

    def refused(message: str, line: int = 1, column: int = 1) -> tuple[None, list[Problem]]:
        return None, [problem(path, line, rule, message, column=column)]

    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return refused("the file is UTF-32; save it as 'CSV UTF-8'")
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    if encoding == "utf-8-sig" and b"\x00" in data[:4]:
        return refused("the file looks like UTF-16 or UTF-32 without a byte-order mark; save it as 'CSV UTF-8'")
    decoder = codecs.getincrementaldecoder(encoding)()
    try:  # in pieces: the whole text is never held, only checked
        for at in range(0, len(data), CHUNK):
            decoder.decode(data[at : at + CHUNK], final=at + CHUNK >= len(data))
    except UnicodeDecodeError:
        try:
            data.decode(encoding)
            raise AssertionError("the incremental decoder failed where the codec did not")  # pragma: no cover
        except UnicodeDecodeError as exc:
            good = data[: exc.start].decode(encoding, errors="replace").removeprefix("\ufeff")
            line, column = Source(good.encode("utf-8"), "utf-8").position(len(good))
            if encoding == "utf-16":
                return refused("the file ends in the middle of a UTF-16 character or holds a broken one; save it as 'CSV UTF-8'", line, column)
            return refused(f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as 'CSV UTF-8'", line, column)
    return encoding, []


def _csv_error(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a cell of more than {csv.field_size_limit():,} characters (no entry text is that long); check the quotes"
    return f"not valid CSV: {text}"


def read_table(
    data: bytes, path: str, rule: str = RULE, *, columns: list[str] | None = None, delimiter: str | None = None, quoted: bool = True
) -> tuple[Table | None, list[Problem]]:
    """The header of a CSV file and its rows as they are read, each with the lines it spans (blank rows skipped).

    A file without a header row (DeepL's, OmegaT's) is read with ``columns`` as its header; ``delimiter`` fixes the
    delimiter (else the one that splits the first line most), and ``quoted=False`` reads quotes as text (OmegaT)."""
    encoding, problems = encoding_of(data, path, rule)
    if encoding is None:
        return None, problems
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    lone_cr = _lone_cr(stream, path, rule)
    if lone_cr is not None:
        return None, [lone_cr]
    stream.seek(0)
    first = stream.readline()
    if not first.strip() and columns is None:
        return None, [problem(path, 1, rule, "the first row is empty; it must be the header (the column names)")]
    reader = csv.reader(
        itertools.chain([first], stream),
        delimiter=delimiter or _delimiter(first.rstrip("\r\n")),
        strict=True,
        quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE,
    )
    header = columns if columns is not None else _header(reader, path, rule)
    if isinstance(header, Problem):
        return None, [header]
    table = Table(header, [], path, rule, restore, source=Source(data, encoding))
    return dataclasses.replace(table, rows=_rows(reader, table.problems, path, rule)), []


def _lone_cr(stream: io.TextIOWrapper, path: str, rule: str) -> Problem | None:
    """The error for a file whose first line ends in a CR alone (the csv module would read it as one long row)."""
    first = stream.readline()
    if first.endswith("\r") and not first.endswith("\r\n") and stream.read(1) != "\n":
        return problem(
            path, 1, rule, "lines end in a CR alone (the old Mac OS format); save the file as 'CSV UTF-8', whose lines end in CRLF or LF", column=len(first)
        )
    return None


def _header(reader: Any, path: str, rule: str) -> list[str] | Problem:
    """The file's first row as its header, or why it cannot be read."""
    try:
        header: list[str] = next(reader)
    except csv.Error as exc:
        return problem(path, reader.line_num or 1, rule, _csv_error(exc))
    return header


def _rows(reader: Any, problems: list[Problem], path: str, rule: str) -> Iterator[Row]:
    line = reader.line_num + 1  # the line after the header (the first line when there is none)
    try:
        for cells in reader:
            yield line, reader.line_num, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(problem(path, reader.line_num or 1, rule, _csv_error(exc)))


@importer("csv")
def import_csv(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts from a CSV file in any layout ``table.py`` recognises by its header (or ``--columns`` maps)."""
    table, problems = read_table(data, path)
    if table is None:
        return [], problems
    return import_table(table, settings, options or ImportOptions())


@importer("csv-pair")
def import_csv_pair(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The same reader as ``csv``, which knows the ``source,target,explanation`` layout by its header."""
    return import_csv(data, path, settings, options or ImportOptions())
