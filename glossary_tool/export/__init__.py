"""Exchange formats: exporters and importers in name → function registries, and the import/export runs.

Exporters turn the glossary into bytes; importers turn bytes into concepts (with problems), written as entries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from glossary_tool.config import Settings
from glossary_tool.fileio import atomic_write, digest
from glossary_tool.lint import run
from glossary_tool.loading import display_path
from glossary_tool.model import Concept, Glossary
from glossary_tool.problems import FatalError, Problem, Severity, sort_key
from glossary_tool.rules.terms import term_key
from glossary_tool.scaffold import check_id, existing_entries
from glossary_tool.yamlio import check_entry, concept_yaml

Exporter = Callable[[Glossary, Settings], bytes]


@dataclass(frozen=True, slots=True)
class Imported:
    """One concept read from an exchange file, with the line it starts on."""

    concept: Concept
    line: int


Importer = Callable[[bytes, str, Settings], tuple[list[Imported], list[Problem]]]
EXPORTERS: dict[str, Exporter] = {}
IMPORTERS: dict[str, Importer] = {}
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_MODULES = ("tbx", "csvfile", "skos", "jsonfile")


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


def problem(path: str, line: int, rule: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(path, max(line, 1), 1, rule, severity, message)


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

    The one entry point for exports: the command line and the site's downloads both call it."""
    exporters, _ = load_all()
    return ExportResult(exporters[fmt](glossary, settings))


def export_glossary(settings: Settings, fmt: str) -> bytes:
    """The whole glossary in ``fmt``; refused while lint finds errors, so exports are always consistent."""
    exporters, _ = load_all()
    result = run(settings)
    if result.errors:
        raise FatalError(f"the glossary has {result.errors} lint error(s); fix them first ('glossary-tool lint' lists them)")
    return exporters[fmt](result.glossary, settings)


def write_output(data: bytes, output: Path, *, overwrite: bool) -> None:
    atomic_write(output, data, overwrite=overwrite)


@dataclass(slots=True)
class ImportResult:
    """What an import wrote (nothing when there are errors) and every problem, sorted."""

    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)


def import_file(settings: Settings, fmt: str, file: Path, *, overwrite: bool = False) -> ImportResult:
    """Read ``file`` and write one entry per concept under ``content/concepts/``; all or nothing.

    Existing ids are refused unless ``overwrite``; an overwritten file must not change while the import runs.
    """
    _, importers = load_all()
    shown = display_path(file)
    try:
        with open(file, "rb") as fh:
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise FatalError(f"{shown}: larger than {MAX_IMPORT_BYTES} bytes; split it")
    imported, problems = importers[fmt](data, shown, settings)
    rule = f"import-{fmt}"
    ids, _ = existing_entries(settings)
    planned: list[tuple[Path, str, str | None]] = []
    seen: dict[str, int] = {}
    for item in imported:
        cid = item.concept.id
        try:
            check_id(cid, settings)
        except FatalError as exc:
            problems.append(problem(shown, item.line, rule, str(exc)))
            continue
        if term_key(cid) in seen:
            problems.append(problem(shown, item.line, rule, f"concept '{cid}' appears twice; first at line {seen[term_key(cid)]}"))
            continue
        seen[term_key(cid)] = item.line
        path = settings.content_dir / "concepts" / f"{cid}.yaml"
        expected: str | None = None
        existing = ids.get(term_key(cid))
        if existing is not None or path.exists():
            if not overwrite:
                problems.append(problem(shown, item.line, rule, f"id '{cid}' already exists ({existing or display_path(path)}); pass --overwrite to replace it"))
                continue
            if not path.exists() or (existing is not None and Path(existing).resolve() != path.resolve()):
                problems.append(problem(shown, item.line, rule, f"id '{cid}' is used by {existing}, which --overwrite does not replace; rename one of them"))
                continue
            expected = digest(path.read_bytes())
        text = concept_yaml(item.concept, settings.schema_path, path)
        entry = check_entry(text, display_path(path), settings)
        if entry.model != item.concept:  # the YAML writer must reproduce the model exactly, or nothing is written
            raise FatalError(f"concept '{cid}': its YAML would not read back the same; nothing was written")
        planned.append((path, text, expected))
    result = ImportResult(problems=sorted(problems, key=sort_key))
    if result.errors:
        return result
    for path, text, expected in planned:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"), expected_digest=expected)
        result.written.append(path)
    return result

