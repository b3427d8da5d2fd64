"""What every exchange format shares: the exporter and importer registries (filled by ``@exporter`` and ``@importer``),
what an importer returns, the bounds of one import, and the problems an import reports.

Format modules import this module, never the package, whose ``load_all`` imports them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, Glossary
from glossary_tool.core.problems import Problem, Severity, clip

# An exporter gets the glossary already limited to the chosen languages and cleared of placeholders (selection.py),
# and the chosen languages in order.
Exporter = Callable[[Glossary, Settings, tuple[str, ...]], bytes]


class Source:
    """An import file's bytes and encoding, decoded only when a problem has to be placed: where a character that no
    entry may hold is in the file. The text is not kept while the import runs."""

    def __init__(self, data: bytes, encoding: str, text: str | None = None) -> None:
        self.data, self.encoding = data, encoding
        self._text = text  # given when the importer holds it anyway
        self._starts: list[int] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.data.decode(self.encoding, errors="replace").removeprefix("\ufeff")
        return self._text

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            text = self.text
            self._starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (CR, LF and CRLF each end a line)."""
        starts = self._line_starts()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def offset(self, line: int) -> int:
        starts = self._line_starts()
        return starts[min(max(line, 1), len(starts)) - 1]

    def find(self, char: str, first_line: int, last_line: int | None) -> tuple[int, int] | None:
        """Where ``char`` is first written between two lines (inclusive): as itself, or as a JSON, XML or CSS-style
        escape (``\\u200b``, ``&#x200B;``, ``&#8203;``); None if it is not there."""
        start = self.offset(first_line)
        end = self.offset(last_line + 1) if last_line is not None and last_line < len(self._line_starts()) else len(self.text)
        forms = [re.escape(char), rf"\\u{ord(char):04x}", rf"&#x0*{ord(char):x};", rf"&#0*{ord(char)};"]
        m = re.compile("|".join(forms), re.IGNORECASE).search(self.text, start, end)
        return self.position(m.start()) if m else None


_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Imported:
    """One concept read from an exchange file, with where it is: the line and column it starts at and the last line
    it reaches (for finding a character in it), in ``source`` when the format is text.

    ``updates`` names an existing concept that this one is merged into (a row that matched it by its source term);
    ``assumed`` the values the importer filled in because the file did not say (``merge.Assumed``), which a merge
    never lets replace what the entry has."""

    concept: Concept
    line: int
    updates: str | None = None
    column: int = 1
    last_line: int | None = None
    source: Source | None = None
    assumed: frozenset[tuple[str, ...]] = frozenset()


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the command line adds to a file: the languages of a two-column file, a column mapping, and the
    concepts already in the glossary (a row whose source term matches one of them extends it)."""

    source_locale: str | None = None
    target_locale: str | None = None
    columns: str | None = None
    existing: tuple[Concept, ...] = ()
    ids: frozenset[str] = frozenset()  # every id in the content (concepts, comparisons, FAQ), folded: new ids avoid them
    tbx_schemas: Path | None = None  # a folder with the TBX-Basic RelaxNG and Schematron, to check TBX-Basic files with


Importer = Callable[[bytes, str, Settings, ImportOptions], tuple[list[Imported], list[Problem]]]
EXPORTERS: dict[str, Exporter] = {}
IMPORTERS: dict[str, Importer] = {}
# Bounds of one import, whatever the file declares: its size, the concepts it may hold and the rows or cells of a
# table. Peak memory stays under twice the file plus MEMORY_BOUND_MB: the interpreter and the loaded glossary, and
# about 5 KB a concept for the models the lint of the result holds (SECURITY.md has the figures); a larger glossary is
# imported in parts. Texts need no bound of their own: they are held about twice (the models, the entries to write),
# so the file's size bounds them, and no rule that splits prose into words runs on an import.
MEMORY_BOUND_MB = 350
MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_IMPORT_CONCEPTS = 30_000
MAX_IMPORT_ROWS = 300_000  # ten a concept: its languages and further terms, a row each
MAX_IMPORT_CELLS = 3_000_000
MAX_IMPORT_COLUMNS = 1_000
MAX_ERRORS = 200  # problems of one import beyond this are counted, not listed
BOUND_REACHED = "in one import; nothing was read past here"


def too_many(path: str, line: int, rule: str, what: str, limit: int, column: int = 1) -> Problem:
    """The error of a file past one of the import's bounds, at the place reading stopped."""
    return problem(path, line, rule, f"more than {limit:,} {what} {BOUND_REACHED}: split the file and import the parts one after another", column=column)


# The decorators hand back the function they register as it is: its own signature (an exporter's default locales, an
# importer's keyword options) stays what its callers and the type checker see.
ExporterT = TypeVar("ExporterT", bound=Exporter)
ImporterT = TypeVar("ImporterT", bound=Importer)


def exporter(name: str) -> Callable[[ExporterT], ExporterT]:
    """Register an export format under ``name`` (the choices of ``export --format``)."""

    def register(fn: ExporterT) -> ExporterT:
        EXPORTERS[name] = fn
        return fn

    return register


def importer(name: str) -> Callable[[ImporterT], ImporterT]:
    """Register an import format under ``name`` (the choices of ``import --format``)."""

    def register(fn: ImporterT) -> ImporterT:
        IMPORTERS[name] = fn
        return fn

    return register


def match_locale(tag: str, settings: Settings) -> str | None:
    """The configured locale a language tag of another tool means: the same tag in any case and with ``_`` or ``-``,
    else the tag cut back subtag by subtag (``en-US`` → ``en``, ``zh-Hant-TW`` → ``zh-Hant`` → ``zh``); None if none."""
    by_fold = {code.casefold(): code for code in settings.locale_codes}
    parts = tag.strip().replace("_", "-").split("-")
    while parts and parts[0]:
        found = by_fold.get("-".join(parts).casefold())
        if found is not None:
            return found
        parts.pop()
    return None


def problem(path: str, line: int, rule: str, message: str, severity: Severity = Severity.ERROR, column: int = 1) -> Problem:
    return Problem(path, max(line, 1), max(column, 1), rule, severity, message)


@dataclass(slots=True)
class Placeholders:
    """The placeholders an import writes, reported once per kind rather than once per concept (a file from another
    tool often lacks sources or definitions throughout)."""

    found: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # what is missing -> (concept id, line)

    def add(self, what: str, concept_id: str, line: int) -> str:
        """Record that ``concept_id`` lacks ``what`` (``source`` or ``'sv' definition``); the placeholder text to write."""
        self.found.setdefault(what, []).append((concept_id, line))
        plain = what.replace("'", "")
        return f"TODO: {plain} of {concept_id} (none in the imported file)"

    def problems(self, path: str, rule: str) -> list[Problem]:
        out = []
        for what, items in self.found.items():
            line = min(line for _, line in items)
            if len(items) == 1:
                message = f"concept '{clip(items[0][0])}' has no {what}; a placeholder was written"
            else:
                shown = ", ".join(f"'{clip(cid)}'" for cid, _ in items[:3]) + (", …" if len(items) > 3 else "")
                message = f"{len(items)} concepts have no {what} ({shown}); placeholders were written (first here)"
            out.append(problem(path, line, rule, message, Severity.WARNING))
        return out


@dataclass(slots=True)
class Losses:
    """What a file has that the glossary cannot hold, or holds only in another form (a status it has no value for, a
    second term in one term section, a relation it does not declare), reported once per kind with the count and the
    first place, never once per term."""

    found: dict[str, list[Any]] = field(default_factory=dict)  # kind -> [count, first line, first example, what was done]

    def add(self, kind: str, line: int, example: str, done: str) -> None:
        """One more of ``kind`` (``part of speech``, ``statuses``…) at ``line``; ``done`` says what the import did
        with it (the same for every one of the kind)."""
        entry = self.found.get(kind)
        if entry is None:
            self.found[kind] = [1, line, example, done]
        else:
            entry[0] += 1

    def problems(self, path: str, rule: str) -> list[Problem]:
        return [
            problem(path, line, rule, f"{kind}: {count:,} in the file (first here: {clip(example, 120)}); {done}", Severity.WARNING)
            for kind, (count, line, example, done) in self.found.items()
        ]


def validation_problems(exc: ValidationError, path: str, line: int, rule: str, concept_id: str, column: int = 1) -> list[Problem]:
    """Pydantic errors of one imported concept as problems at the line where the concept starts."""
    out = []
    for err in exc.errors(include_url=False):
        where = clip(".".join(str(p) for p in err["loc"]) or "entry")
        out.append(problem(path, line, rule, f"concept '{clip(concept_id)}': {where}: {clip(err['msg'], 200)}", column=column))
    return out
