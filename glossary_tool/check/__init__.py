"""``glossary-tool check``: documents and translation files checked against the glossary's terms.

Files are read (``markdown``, ``html``, ``gettext``, ``xliff``) into prose of one language traced back to the file,
the glossary's terms are found in it (``terms``) and the checks (``rules``) report at the file's line and column.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary_tool.check.cache import glossary_terms
from glossary_tool.check.gettext import read_po
from glossary_tool.check.html import read_html
from glossary_tool.check.markdown import read_markdown, read_plain
from glossary_tool.check.prose import MAX_FILE_BYTES, Bilingual, Prose, ProseBuilder, SourceFile, decode
from glossary_tool.check.rules import CHECK_RULES, Checked, admitted_term, deprecated_term, glossary_mismatch
from glossary_tool.check.shared import FatalError, Problem, Settings, Severity, canonical_tag, clip, closest, display_path, sort_key, tag_problem
from glossary_tool.check.terms import GlossaryTerms
from glossary_tool.check.xliff import read_xliff

# File name endings and how each is read; a file named on the command line with another ending is read as plain text.
KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".xlif": "xliff",
}
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})  # and every folder whose name starts with a dot

# Called after each file: files done, files in all, the file just checked (a progress bar fills it).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What the command line asks for: languages for files that do not declare theirs, and the optional rule."""

    language: str | None = None  # of files that do not declare one (default: the glossary's source language)
    source_language: str | None = None  # of the source texts of PO files and XLIFF files that do not declare one
    admitted: bool = False


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Every problem found (sorted), and how many problems the glossary itself has (lint reports them)."""

    problems: list[Problem]
    glossary_problems: int


def run_check(settings: Settings, paths: Sequence[Path], options: CheckOptions, progress: Progress | None = None, cache: Path | None = None) -> CheckResult:
    """Check the files at ``paths`` (files, or folders searched for the kinds in ``KINDS``) against the glossary.

    ``cache``: a folder where the glossary's terms are kept between runs (``cache.cache_folder()``); None: none."""
    for code in (options.language, options.source_language):
        if code is not None and _locale(settings, code) is None:
            raise FatalError(f"--language '{code}': " + (_tag_problem(code) or f"the glossary has no language '{code}' ({', '.join(settings.locale_codes)})"))
    files, problems = discover(paths)
    records, glossary_errors = glossary_terms(settings, cache)
    terms = GlossaryTerms(records, settings.check_ignore)
    for done, (path, kind) in enumerate(files, start=1):
        shown = display_path(path)
        problems.extend(check_file(settings, terms, path, shown, kind, options))
        if progress is not None:
            progress(done, len(files), shown)
    problems.sort(key=sort_key)
    return CheckResult(problems, glossary_errors)


def discover(paths: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The files to check, sorted, with how each is read; special files and unreadable folders as problems."""
    files: dict[Path, str] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise FatalError(f"{display_path(path)}: no such file or folder") from None
        except OSError as exc:
            raise FatalError(f"{display_path(path)}: {exc.strerror or exc}") from None
        if stat.S_ISDIR(info.st_mode):
            _walk(path, files, problems)
        else:
            files[path] = KINDS.get(path.suffix.lower(), "text")
    return sorted(files.items()), problems


def _walk(top: Path, files: dict[Path, str], problems: list[Problem]) -> None:
    """Add the files under ``top`` that are checked, with how each is read, to ``files``; unreadable folders to ``problems``."""

    def unreadable(exc: OSError) -> None:
        problems.append(_unreadable(Path(exc.filename or top), exc))

    for folder, subfolders, names in os.walk(top, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        for name in names:
            kind = KINDS.get(os.path.splitext(name)[1].lower())
            if kind is not None and not name.startswith("."):
                files[Path(folder) / name] = kind


def _unreadable(path: Path, exc: OSError) -> Problem:
    return Problem(display_path(path), 1, 1, "unreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}")


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """A regular file's bytes, or a problem; a FIFO or device is never read (that would wait for ever)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return None, _unreadable(path, exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(shown, 1, 1, "special-file", Severity.ERROR, "not a regular file (a FIFO, socket or device); it is not read")
        if info.st_size > MAX_FILE_BYTES:
            return None, Problem(shown, 1, 1, "file-too-large", Severity.ERROR, f"{info.st_size:,} bytes; documents are checked up to {MAX_FILE_BYTES:,}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, _unreadable(path, exc)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # it grew while it was read
        return None, Problem(shown, 1, 1, "file-too-large", Severity.ERROR, f"more than {MAX_FILE_BYTES:,} bytes; documents are checked up to that")
    return data, None


def check_file(settings: Settings, terms: GlossaryTerms, path: Path, shown: str, kind: str, options: CheckOptions) -> list[Problem]:
    """Every problem of one file."""
    read = _read(path, shown)
    if isinstance(read, list):
        return read
    source, data = read
    if kind in ("po", "xliff"):
        bilingual = read_po(source, data) if kind == "po" else read_xliff(source, data)
        if bilingual.problems:
            return list(bilingual.problems)
        return _check_units(settings, terms, source, bilingual, options)
    default = options.language or settings.source_locale
    out: list[Problem] = []
    texts = {"html": _html_texts, "markdown": _markdown_texts}.get(kind, _plain_texts)(settings, source, default, out)
    for builder in texts:
        prose = builder.build()
        if prose is not None:
            out.extend(_check_prose(terms, source, prose, settings.mention_marks, options.admitted))
    return out


def _read(path: Path, shown: str) -> tuple[SourceFile, bytes] | list[Problem]:
    """A file read and decoded, or why it cannot be."""
    data, problem = read_bytes(path, shown)
    if data is None:
        return [problem] if problem is not None else []
    source, problem = decode(shown, data)
    if source is None:
        return [problem] if problem is not None else []
    return source, data


def _plain_texts(settings: Settings, source: SourceFile, default: str, out: list[Problem]) -> list[ProseBuilder]:
    return [read_plain(source, _locale(settings, default) or settings.source_locale)]


def _html_texts(settings: Settings, source: SourceFile, default: str, out: list[Problem]) -> list[ProseBuilder]:
    """The prose of an HTML page by language (its problems added to ``out``); none when its language is unknown."""
    page = read_html(source, default)
    if page.unclosed_ignore is not None:
        out.append(_unclosed(source, page.unclosed_ignore))
    out.extend(source.problem(offset, "unknown-language", f"lang='{clip(tag)}': {_tag_problem(tag)}") for tag, offset in page.declared if _tag_problem(tag))
    if page.root_language is not None and _locale(settings, page.root_language) is None and not _tag_problem(page.root_language):
        offset = next(o for t, o in page.declared if t == page.root_language)
        out.append(source.problem(offset, "unknown-language", _no_language(settings, page.root_language)))
        return []
    return _in_glossary_languages(settings, page.by_language)


def _in_glossary_languages(settings: Settings, by_language: dict[str, ProseBuilder]) -> list[ProseBuilder]:
    """The texts in the glossary's languages, each given its locale; text in a language it does not have is not checked."""
    texts = []
    for tag, builder in by_language.items():
        code = _locale(settings, tag)
        if code is not None:
            builder.language = code
            texts.append(builder)
    return texts


def _markdown_texts(settings: Settings, source: SourceFile, default: str, out: list[Problem]) -> list[ProseBuilder]:
    """The prose of a Markdown file (its problems added to ``out``); none when its front matter names an unknown language."""
    doc = read_markdown(source, default)
    if doc.unclosed_ignore is not None:
        out.append(_unclosed(source, doc.unclosed_ignore))
    if doc.language is None:
        doc.prose.language = _locale(settings, default) or settings.source_locale
        return [doc.prose]
    tag, offset = doc.language
    code = _locale(settings, tag)
    if code is None:
        out.append(source.problem(offset, "unknown-language", f"lang: {_tag_problem(tag) or _no_language(settings, tag)}"))
        return []
    doc.prose.language = code
    return [doc.prose]


def _check_prose(terms: GlossaryTerms, source: SourceFile, prose: Prose, marks: str, admitted: bool) -> Iterator[Problem]:
    yield from _monolingual(_found(terms, source, prose), marks, admitted)


def _monolingual(checked: Checked | None, marks: str, admitted: bool) -> Iterator[Problem]:
    if checked is None:
        return
    yield from deprecated_term(checked, marks)
    if admitted:
        yield from admitted_term(checked, marks)


def _found(terms: GlossaryTerms, source: SourceFile, prose: Prose) -> Checked | None:
    language = terms[prose.language]
    if not language:
        return None
    found = language.find(prose.text)
    return Checked(source, prose, found[1]) if found is not None else None


def _check_units(settings: Settings, terms: GlossaryTerms, source: SourceFile, bilingual: Bilingual, options: CheckOptions) -> list[Problem]:
    languages = _unit_languages(settings, source, bilingual, options)
    if isinstance(languages, Problem):
        return [languages]
    source_code, target_code = languages
    out: list[Problem] = []
    marks = settings.mention_marks
    for unit in bilingual.units:
        sources: list[Checked] = []
        for builder in unit.sources:
            builder.language = source_code
            prose = builder.build()
            checked = _found(terms, source, prose) if prose is not None else None
            out.extend(_monolingual(checked, marks, options.admitted))
            if checked is not None:
                sources.append(checked)
        if unit.final and target_code is not None:  # a fuzzy or untranslated unit's translation is not in use yet
            out.extend(_check_targets(terms, source, unit.targets, target_code, sources, marks, options.admitted))
    return out


def _check_targets(
    terms: GlossaryTerms, source: SourceFile, targets: Sequence[ProseBuilder], code: str, sources: list[Checked], marks: str, admitted: bool
) -> Iterator[Problem]:
    """The problems of a final unit's translations: their own terms, and the glossary's terms against the source's."""
    for builder in targets:
        builder.language = code
        prose = builder.build()
        if prose is None:
            continue
        checked = _found(terms, source, prose)
        yield from _monolingual(checked, marks, admitted)
        yield from glossary_mismatch(sources, checked, source, prose, terms, marks)


def _unit_languages(settings: Settings, source: SourceFile, bilingual: Bilingual, options: CheckOptions) -> tuple[str, str | None] | Problem:
    """The glossary locales of a bilingual file's source and target, or the problem that stops its check."""
    languages: list[str | None] = []
    # A template (.pot) or a catalog with nothing translated yet needs no target language.
    translated = any(unit.final and unit.targets for unit in bilingual.units)
    for declared, fallback, what in (
        (bilingual.source_language, options.source_language or settings.source_locale, "source"),
        (bilingual.target_language, options.language, "target"),
    ):
        code = _side_language(settings, source, declared, fallback, what, translated)
        if isinstance(code, Problem):
            return code
        languages.append(code)
    source_code, target_code = languages
    assert source_code is not None  # the glossary's source language at least
    return source_code, target_code


def _side_language(
    settings: Settings, source: SourceFile, declared: tuple[str, int] | None, fallback: str | None, what: str, translated: bool
) -> str | Problem | None:
    """The glossary locale of one side of a bilingual file: as declared, else the fallback; a problem when it is unknown."""
    if declared is not None:
        tag, offset = declared
        code = _locale(settings, tag.replace("_", "-").split(".")[0].split("@")[0])
        if code is None:
            return source.problem(offset, "unknown-language", f"{what} language: {_tag_problem(tag) or _no_language(settings, tag)}")
        return code
    if fallback is not None:
        return _locale(settings, fallback)
    if translated:
        return source.problem(0, "unknown-language", f"the file does not say its {what} language; pass --language")
    return None


def _locale(settings: Settings, tag: str) -> str | None:
    """The configured locale a language tag stands for (``sv-SE`` → ``sv``), or None."""
    if _tag_problem(tag):
        return None
    found = closest(canonical_tag(tag), settings.locale_codes)
    return found[0] if found else None


def _tag_problem(tag: str) -> str | None:
    return tag_problem(canonical_tag(tag))


def _no_language(settings: Settings, tag: str) -> str:
    return f"the glossary has no terms in '{clip(tag)}' (its languages: {', '.join(settings.locale_codes)}); pass --language to check the file as one of them"


def _unclosed(source: SourceFile, offset: int) -> Problem:
    return source.problem(
        offset, "unclosed-ignore", "<!-- glossary-ignore --> is never closed by <!-- glossary-ignore-end -->; the rest of the file is not checked"
    )


__all__ = ["CHECK_RULES", "KINDS", "CheckOptions", "CheckResult", "Progress", "check_file", "discover", "run_check"]
