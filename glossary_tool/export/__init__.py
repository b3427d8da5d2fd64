"""Exchange formats: exporters and importers in name → function registries, and the import/export runs.

Exporters turn the glossary into bytes; importers turn bytes into concepts (with problems), written as entries.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from glossary_tool.config import Settings
from glossary_tool.fileio import atomic_write, confine, digest
from glossary_tool.lint import run
from glossary_tool.loading import display_path
from glossary_tool.model import Concept, Glossary
from glossary_tool.problems import FatalError, Problem, Severity, sort_key
from glossary_tool.rules.terms import term_key
from glossary_tool.scaffold import check_id, existing_entries
from glossary_tool.yamlio import check_entry, concept_yaml

# An exporter gets the glossary already limited to the chosen languages and cleared of placeholders (selection.py),
# and the chosen languages in order.
Exporter = Callable[[Glossary, Settings, tuple[str, ...]], bytes]


@dataclass(frozen=True, slots=True)
class Imported:
    """One concept read from an exchange file, with the line it starts on.

    ``updates`` names an existing concept that this one extends (terms added by a row that matched it)."""

    concept: Concept
    line: int
    updates: str | None = None


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
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_MODULES = ("tbx", "tbx2008", "csvfile", "xlsxfile", "skos", "jsonfile")


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn

    return register


def importer(name: str) -> Callable[[Importer], Importer]:
    def register(fn: Importer) -> Importer:
        IMPORTERS[name] = fn
        return fn

    return register


def load_all() -> tuple[dict[str, Exporter], dict[str, Importer]]:
    """Import every format module so that it registers; return both registries."""
    for name in _MODULES:
        importlib.import_module(f"glossary_tool.export.{name}")
    return EXPORTERS, IMPORTERS


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


def problem(path: str, line: int, rule: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(path, max(line, 1), 1, rule, severity, message)


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
                message = f"concept '{items[0][0]}' has no {what}; a placeholder was written"
            else:
                shown = ", ".join(f"'{cid}'" for cid, _ in items[:3]) + (", …" if len(items) > 3 else "")
                message = f"{len(items)} concepts have no {what} ({shown}); placeholders were written (first here)"
            out.append(problem(path, line, rule, message, Severity.WARNING))
        return out


def validation_problems(exc: ValidationError, path: str, line: int, rule: str, concept_id: str) -> list[Problem]:
    """Pydantic errors of one imported concept as problems at the line where the concept starts."""
    out = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "entry"
        out.append(problem(path, line, rule, f"concept '{concept_id}': {where}: {err['msg']}"))
    return out


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's bytes, and how many fields it left out because they still hold a placeholder."""

    data: bytes
    omitted: int = 0


def run_export(glossary: Glossary, settings: Settings, fmt: str, *, locales: tuple[str, ...] | None = None) -> ExportResult:
    """``glossary`` in ``fmt`` (a name of the exporter registry), limited to ``locales`` when given.

    The one entry point for exports: the command line and the site's downloads both call it. Fields that still
    hold a ``TODO`` placeholder are left out of every format; ``omitted`` counts them."""
    from glossary_tool.export.selection import resolve_locales, select

    exporters, _ = load_all()
    if fmt not in exporters:
        raise FatalError(f"no export format '{fmt}' (known: {', '.join(sorted(exporters))})")
    chosen = resolve_locales(settings, locales)
    selected, omitted = select(glossary, chosen)
    return ExportResult(exporters[fmt](selected, settings, chosen), omitted)


def export_glossary(settings: Settings, fmt: str, locales: tuple[str, ...] | None = None) -> ExportResult:
    """The whole glossary in ``fmt``; refused while lint finds errors, so exports are always consistent."""
    result = run(settings)
    if result.errors:
        raise FatalError(f"the glossary has {result.errors} lint error(s); fix them first ('glossary-tool lint' lists them)")
    return run_export(result.glossary, settings, fmt, locales=locales)


def write_output(data: bytes, output: Path, *, overwrite: bool) -> None:
    atomic_write(output, data, inside=None, overwrite=overwrite)  # the user's own file, anywhere: not a device or folder


def recover_interrupted(settings: Settings) -> str | None:
    """Finish (or roll back) an import that a killed process left half-done; the note to print, if any."""
    from glossary_tool.fileio import recover

    if not settings.content_dir.is_dir():
        return None
    return recover(settings.content_dir)


@dataclass(slots=True)
class ImportResult:
    """What an import wrote (nothing when there are errors), what it extended, and every problem, sorted."""

    written: list[Path] = field(default_factory=list)
    extended: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    recovered: str | None = None

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)


def read_import_file(file: Path) -> tuple[bytes, str]:
    """The bytes of an exchange file (bounded) and the path to show in problems."""
    shown = display_path(file)
    try:
        with open(file, "rb") as fh:
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except IsADirectoryError:
        raise FatalError(f"{shown}: is a folder; name the file to import") from None
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise FatalError(f"{shown}: larger than {MAX_IMPORT_BYTES} bytes; split it")
    return data, shown


def import_file(settings: Settings, fmt: str, file: Path, *, overwrite: bool = False, options: ImportOptions | None = None) -> ImportResult:
    """Read ``file`` and write one entry per concept under ``content/concepts/``; all or nothing.

    Existing ids are refused unless ``overwrite``; an overwritten file must not change while the import runs.
    A concept that extends an existing one (a matching source term) adds its new terms to that entry's file.
    """
    from glossary_tool.fileio import PlannedWrite, write_set

    _, importers = load_all()
    if fmt not in importers:
        raise FatalError(f"no import format '{fmt}' (known: {', '.join(sorted(importers))})")
    recovered = recover_interrupted(settings)
    concepts = confine(settings.content_dir / "concepts", settings.root, folder=True)  # before any file there is looked at
    data, shown = read_import_file(file)
    ids, entries = existing_entries(settings)
    existing = {e.model.id: (e.model, Path(e.doc.path).resolve()) for e in entries if isinstance(e.model, Concept)}
    opts = options or ImportOptions()
    opts = dataclasses.replace(opts, existing=tuple(model for model, _ in existing.values()), ids=frozenset(ids))
    imported, problems = importers[fmt](data, shown, settings, opts)
    rule = f"import-{fmt}"
    planned: list[PlannedWrite] = []
    new_paths: list[Path] = []
    extended: list[Path] = []
    seen: dict[str, int] = {}
    for item in imported:
        cid = item.concept.id
        if item.updates is not None:
            old, path = existing[item.updates]
            planned.append(PlannedWrite(path, _extended_text(path, old, item.concept, settings), digest(path.read_bytes())))
            extended.append(path)
            continue
        try:
            check_id(cid, settings)
        except FatalError as exc:
            problems.append(problem(shown, item.line, rule, str(exc)))
            continue
        if term_key(cid) in seen:
            problems.append(problem(shown, item.line, rule, f"concept '{cid}' appears twice; first at line {seen[term_key(cid)]}"))
            continue
        seen[term_key(cid)] = item.line
        path = concepts / f"{cid}.yaml"
        expected: str | None = None
        known = ids.get(term_key(cid))
        if known is not None or path.exists():
            if not overwrite:
                problems.append(problem(shown, item.line, rule, f"id '{cid}' already exists ({known or display_path(path)}); pass --overwrite to replace it"))
                continue
            if not path.exists() or (known is not None and Path(known).resolve() != path.resolve()):
                problems.append(problem(shown, item.line, rule, f"id '{cid}' is used by {known}, which --overwrite does not replace; rename one of them"))
                continue
            expected = digest(path.read_bytes())
        text = concept_yaml(item.concept, settings.schema_path, path)
        entry = check_entry(text, display_path(path), settings)
        if entry.model != item.concept:  # the YAML writer must reproduce the model exactly, or nothing is written
            raise FatalError(f"concept '{cid}': its YAML would not read back the same; nothing was written")
        planned.append(PlannedWrite(path, text.encode("utf-8"), expected))
        new_paths.append(path)
    result = ImportResult(problems=sorted(problems, key=sort_key), recovered=recovered)
    if result.errors:
        return result
    if not planned:
        result.problems.append(problem(shown, 1, rule, _nothing_reason(problems)))
        return result
    write_set(settings.content_dir, planned, inside=settings.root)
    result.written, result.extended = new_paths, extended
    return result


def _nothing_reason(problems: list[Problem]) -> str:
    if problems:
        return "nothing was imported: every concept of the file was left out (the warnings above say why)"
    return "nothing was imported: the file holds no concepts"


def _extended_text(path: Path, old: Concept, new: Concept, settings: Settings) -> bytes:
    """The entry file of ``old`` with the terms and languages that ``new`` adds, every comment and line kept."""
    from glossary_tool.yamlio import concept_data, dump, load_for_edit

    shown = display_path(path)
    text = path.read_text(encoding="utf-8")
    yaml, data = load_for_edit(text, shown)
    fresh = concept_data(new)
    order = {c: i for i, c in enumerate(settings.locale_codes)}
    for code, block in new.locales.items():
        if code not in old.locales:
            mapping = data["locales"]
            pos = sum(1 for key in mapping if order.get(key, len(order)) < order.get(code, len(order)))
            mapping.insert(pos, code, fresh["locales"][code])
            continue
        known = {t.text for t in old.locales[code].terms}
        for i, term in enumerate(block.terms):
            if term.text not in known:
                data["locales"][code]["terms"].append(fresh["locales"][code]["terms"][i])
    new_text = dump(data, yaml)
    check_entry(new_text, shown, settings)
    return new_text.encode("utf-8")
