"""CSV export and import for spreadsheets: one row per term, UTF-8 with BOM, comma-separated, CRLF.

Cells that a spreadsheet would run as a formula get a leading ' on export, removed again on import.
"""

# Cells starting with = + - @, tab, CR or ' get a leading ' on export (no formula can run) and lose exactly
# that one ' on import, so every value round-trips.

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from glossary_tool.config import Settings
from glossary_tool.export import Imported, ImportOptions, exporter, importer, problem, validation_problems
from glossary_tool.model import Concept, Glossary
from glossary_tool.problems import FatalError, Problem, Severity
from glossary_tool.rules.terms import term_key

RULE = "import-csv"
DELIMITER = ","
# Spreadsheets treat these first characters as the start of a formula (or strip them); "'" is included so the
# one quote added on export is always the one removed on import.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
TERM_COLUMNS = ("concept_id", "category", "locale", "term", "type", "status", "pos", "gender", "plural", "definition")
SOURCE_KEYS = ("title", "publisher", "date", "url")
_NUMBERED = re.compile(r"^(example|note)_(\d+)$|^source_(\d+)_(title|publisher|date|url)$")
_HASH_PAIR = re.compile(r"^([A-Za-z_]+)=([0-9a-f]{8,64})$")


def neutralise(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def restore(value: str) -> str:
    """Undo ``neutralise``: drop one leading ``'``."""
    return value[1:] if value.startswith("'") else value


def header(concepts: list[Concept], settings: Settings) -> list[str]:
    """The columns: term columns, then as many numbered example, note and source columns as the data needs."""
    examples = max((len(b.examples) for c in concepts for b in c.locales.values()), default=0)
    notes = max((len(b.notes) for c in concepts for b in c.locales.values()), default=0)
    sources = max((len(c.sources) for c in concepts), default=0)
    return [*TERM_COLUMNS,
            *(f"example_{i}" for i in range(1, examples + 1)),
            *(f"note_{i}" for i in range(1, notes + 1)),
            *settings.relation_ids,
            *(f"source_{i}_{key}" for i in range(1, sources + 1) for key in SOURCE_KEYS),
            "translated_from"]


def _rows(concepts: list[Concept], settings: Settings, columns: list[str]) -> Iterable[list[str]]:
    for c in concepts:
        concept_cells: dict[str, str] = {"concept_id": c.id, "category": c.category}
        for name in settings.relation_ids:
            concept_cells[name] = " ".join(c.targets(name))
        for i, source in enumerate(c.sources, start=1):
            for key in SOURCE_KEYS:
                concept_cells[f"source_{i}_{key}"] = getattr(source, key) or ""
        order = [code for code in settings.locale_codes if code in c.locales] + [code for code in c.locales if code not in settings.locale_codes]
        for code in order:
            block = c.locales[code]
            cells = dict(concept_cells, locale=code, definition=block.definition,
                         translated_from=" ".join(f"{k}={v}" for k, v in block.translated_from.items()))
            cells.update({f"example_{i}": text for i, text in enumerate(block.examples, start=1)})
            cells.update({f"note_{i}": text for i, text in enumerate(block.notes, start=1)})
            for term in block.terms:
                g = term.grammar
                row = dict(cells, term=term.text, type=term.type, status=term.status,
                           pos=(g.pos or "") if g else "", gender=(g.gender or "") if g else "", plural=(g.plural or "") if g else "")
                yield [neutralise(row.get(col, "")) for col in columns]


@exporter("csv")
def export_csv(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """Every term of every concept as one row; concept and language columns repeat on each row of their term."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    columns = header(concepts, settings)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(_rows(concepts, settings, columns))
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


PAIR_COLUMNS = ("source", "target", "explanation")


def pair_locales(settings: Settings, locales: tuple[str, ...] | None) -> tuple[str, str]:
    """The (source, target) languages of a pair export: the two given, or the two configured."""
    chosen = locales or settings.locale_codes
    if len(chosen) != 2:
        raise FatalError(f"csv-pair is one language pair: pass --locales SOURCE,TARGET (configured: {','.join(settings.locale_codes)})")
    return chosen[0], chosen[1]


def preferred_term(concept: Concept, code: str) -> str | None:
    """The term a one-row-per-concept format shows: the first preferred one, else the first one."""
    block = concept.locales.get(code)
    if block is None or not block.terms:
        return None
    return next((t.text for t in block.terms if t.status == "preferred"), block.terms[0].text)


@exporter("csv-pair")
def export_csv_pair(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The bilingual glossary Weblate imports: ``source,target,explanation``, one row per concept with its preferred
    terms and the target language's definition, sorted by source term. Not neutralised for spreadsheets: Weblate
    and translate-toolkit keep a leading ``'`` as part of the text (use ``xlsx`` for spreadsheets)."""
    source, target = pair_locales(settings, locales)
    rows = []
    for c in glossary.concepts:
        text = preferred_term(c, source)
        if text is None:
            continue
        block = c.locales.get(target)
        rows.append((term_key(text), text, preferred_term(c, target) or "", block.definition if block is not None else ""))
    rows.sort()
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(PAIR_COLUMNS)
    writer.writerows(row[1:] for row in rows)
    return buf.getvalue().encode("utf-8")


def _delimiter(first_line: str) -> str | None:
    # Spreadsheets save with the list separator of their region (";" in Swedish Excel), so read any of them.
    for delimiter in (",", ";", "\t"):
        if "concept_id" in next(csv.reader([first_line], delimiter=delimiter), []):
            return delimiter
    return None


def _split_ids(cell: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", cell) if part]


def _same(first: dict[str, Any], row: dict[str, Any], keys: Iterable[str]) -> list[str]:
    return [k for k in keys if first.get(k, "") != row.get(k, "")]


@importer("csv")
def import_csv(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts from rows in the export's layout (any subset of its columns after ``concept_id``, ``locale`` and ``term``)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [problem(path, line, RULE, f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as 'CSV UTF-8'")]
    first_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter = _delimiter(first_line)
    if delimiter is None:
        return [], [problem(path, 1, RULE, "the first row must be the header with at least concept_id, locale and term")]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[Problem] = []
    try:
        columns = next(reader)
        missing = [c for c in ("concept_id", "locale", "term") if c not in columns]
        if missing:
            return [], [problem(path, 1, RULE, f"missing column(s): {', '.join(missing)}")]
        known = set(TERM_COLUMNS) | set(settings.relation_ids) | {"translated_from"}
        for col in columns:
            if col not in known and not _NUMBERED.match(col):
                problems.append(problem(path, 1, RULE, f"column '{col}' is not part of the glossary layout; ignored", Severity.WARNING))
        groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
        skipped: dict[str, list[int]] = {}
        line = reader.line_num + 1
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                problems.append(problem(path, start, RULE, f"{len(cells)} cells but {len(columns)} columns; check the delimiter ('{delimiter}') and quotes"))
                continue
            row = {col: restore(cell) for col, cell in zip(columns, cells, strict=False)}
            cid = row.get("concept_id", "")
            if not cid:
                problems.append(problem(path, start, RULE, "concept_id is empty"))
                continue
            if row.get("locale") not in settings.locale_codes:  # as in the TBX import: lint would refuse the language
                skipped.setdefault(row.get("locale", ""), []).append(start)
                continue
            groups.setdefault(cid, []).append((start, row))
    except csv.Error as exc:
        return [], [*problems, problem(path, reader.line_num or 1, RULE, f"not valid CSV: {exc}")]
    for code, lines in skipped.items():
        problems.append(problem(path, lines[0], RULE, f"{len(lines)} row(s) in locale '{code}' not imported (first here): "
                                f"it is not a configured locale; add it to locales in mkdocs.yml to import it", Severity.WARNING))
    out = []
    for cid, rows in groups.items():
        item = _concept(cid, rows, columns, path, problems, settings)
        if item is not None:
            out.append(item)
    return out, problems


def _concept(cid: str, rows: list[tuple[int, dict[str, str]]], columns: list[str], path: str, problems: list[Problem],
             settings: Settings) -> Imported | None:
    first_line, first = rows[0]
    relations = settings.relation_ids
    concept_keys = ["category", *relations, *(c for c in columns if c.startswith("source_"))]
    locale_keys = ["definition", "translated_from", *(c for c in columns if c.startswith(("example_", "note_")))]
    locales: dict[str, dict[str, Any]] = {}
    locale_first: dict[str, dict[str, str]] = {}
    for line, row in rows:
        differ = _same(first, row, concept_keys)
        if differ:
            problems.append(problem(path, line, RULE, f"'{cid}': {', '.join(differ)} differ from line {first_line}; the first row of a concept wins", Severity.WARNING))
        code = row.get("locale", "")
        if code not in locales:
            locale_first[code] = row
            locales[code] = _locale_block(row, columns, path, line, problems)
        else:
            differ = _same(locale_first[code], row, locale_keys)
            if differ:
                problems.append(problem(path, line, RULE, f"'{cid}' ({code}): {', '.join(differ)} differ from its first row; the first row wins", Severity.WARNING))
        grammar = {k: row[k] for k in ("pos", "gender", "plural") if row.get(k)}
        term: dict[str, Any] = {"text": row.get("term", ""), "type": row.get("type") or "fullForm", "status": row.get("status") or "admitted"}
        if grammar:
            term["grammar"] = grammar
        locales[code]["terms"].append(term)
    sources = []
    numbers = sorted({int(m.group(3)) for c in columns if (m := _NUMBERED.match(c)) and m.group(3)})
    for n in numbers:
        src = {key: first.get(f"source_{n}_{key}", "") for key in SOURCE_KEYS}
        if any(src.values()):
            sources.append({k: v for k, v in src.items() if v})
    if not sources:  # the same policy as the TBX import: a valid entry that lint --strict flags until it is filled in
        sources.append({"title": f"TODO: source of {cid} (none in the imported file)"})
        problems.append(problem(path, first_line, RULE, f"concept '{cid}' names no source; a placeholder source was written", Severity.WARNING))
    for code, block in locales.items():
        if not block["definition"]:
            block["definition"] = f"TODO: {code} definition of {cid} (none in the imported file)"
            problems.append(problem(path, first_line, RULE, f"concept '{cid}' has no '{code}' definition; a placeholder was written", Severity.WARNING))
    data = {"id": cid, "kind": "concept", "category": first.get("category") or settings.categories[0].id,
            "relations": {name: _split_ids(first.get(name, "")) for name in relations}, "sources": sources, "locales": locales}
    try:
        return Imported(Concept.model_validate(data), first_line)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, path, first_line, RULE, cid))
        return None


def _locale_block(row: dict[str, str], columns: list[str], path: str, line: int, problems: list[Problem]) -> dict[str, Any]:
    def numbered(prefix: str) -> list[str]:
        keys = sorted((int(c.split("_")[1]), c) for c in columns if re.fullmatch(prefix + r"_\d+", c))
        return [row[c] for _, c in keys if row.get(c)]

    recorded: dict[str, str] = {}
    for pair in row.get("translated_from", "").split():
        m = _HASH_PAIR.match(pair)
        if m:
            recorded[m.group(1)] = m.group(2)
        else:
            problems.append(problem(path, line, RULE, f"translated_from item '{pair}' is not field=hexhash; ignored", Severity.WARNING))
    return {"terms": [], "definition": row.get("definition", ""), "examples": numbered("example"), "notes": numbered("note"), "translated_from": recorded}
