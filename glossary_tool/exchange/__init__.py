"""Exchange formats: the glossary exported to, and imported from, the files translators' tools read.

``registry.py`` holds the name → function registries (the command line's choices); ``load_all`` fills them. Exports
run through ``run_export``; imports through ``importing.import_file`` (read within bounds, checked as lint would check
the glossary with them, written all at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossary_tool.core.config import Settings
from glossary_tool.core.fileio import atomic_write
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import FatalError
from glossary_tool.exchange.registry import EXPORTERS, IMPORTERS, Exporter, Importer
from glossary_tool.lint import run


def load_all() -> tuple[dict[str, Exporter], dict[str, Importer]]:
    """Import every format module so that it registers; return both registries."""
    from glossary_tool.exchange import csvfile, jsonfile, skos, tbx, tbx2008, translators, xlsxfile  # noqa: F401  (each registers)

    return EXPORTERS, IMPORTERS


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's bytes, and how many fields it left out because they still hold a placeholder."""

    data: bytes
    omitted: int = 0


def run_export(glossary: Glossary, settings: Settings, fmt: str, *, locales: tuple[str, ...] | None = None) -> ExportResult:
    """``glossary`` in ``fmt`` (a name of the exporter registry), limited to ``locales`` when given.

    The one entry point for exports: the command line and the site's downloads both call it. Fields that still
    hold a ``TODO`` placeholder are left out of every format; ``omitted`` counts them."""
    _exporter(fmt)  # an unknown format is reported before the languages are looked at
    return export_selection(select_for(glossary, settings, locales), settings, fmt)


@dataclass(frozen=True, slots=True)
class Selection:
    """What an export of some languages holds: the glossary limited to them, without placeholders (``select``), how
    many fields were left out, and the languages. Made once, it serves every format exported of the same languages."""

    glossary: Glossary
    omitted: int
    locales: tuple[str, ...]


def select_for(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> Selection:
    """What exporting ``locales`` (default: every configured one) of ``glossary`` holds."""
    from glossary_tool.exchange.selection import resolve_locales, select

    chosen = resolve_locales(settings, locales)
    selected, omitted = select(glossary, chosen)
    return Selection(selected, omitted, chosen)


def export_selection(chosen: Selection, settings: Settings, fmt: str) -> ExportResult:
    """``chosen`` (``select_for``) in ``fmt``, a name of the exporter registry."""
    return ExportResult(_exporter(fmt)(chosen.glossary, settings, chosen.locales), chosen.omitted)


def _exporter(fmt: str) -> Exporter:
    exporters, _ = load_all()
    if fmt not in exporters:
        raise FatalError(f"no export format '{fmt}' (known: {', '.join(sorted(exporters))})")
    return exporters[fmt]


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
    from glossary_tool.core.fileio import recover

    if not settings.content_dir.is_dir():
        return None
    return recover(settings.content_dir)
