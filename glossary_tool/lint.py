"""Lint orchestration: files → documents → entries → rule problems, with configured severities.

Large inputs are parsed by forked worker processes alongside the main one; the result is identical to a serial run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import marshal
import multiprocessing
import os
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from glossary_tool.config import Settings
from glossary_tool.loader import Document, Impl, load_file
from glossary_tool.model import Entry, Glossary
from glossary_tool.problems import FatalError, Problem, Severity, sort_key
from glossary_tool.rules import Context, load_all
from glossary_tool.rules.schema import validate

SUFFIXES = (".yaml", ".yml")
# Below this many files a worker's start-up and the transfer of its documents cost more than parsing saves.
PARALLEL_MIN_FILES = 1500
MAX_JOBS = 4
# The main process parses a larger share than each worker: a worker also serializes its documents (measured best).
MAIN_WEIGHT = 1.25


def discover(paths: Sequence[Path]) -> list[Path]:
    """Entry files under ``paths`` (files are taken as given), sorted for deterministic output."""
    found: dict[tuple[str, ...], Path] = {}  # keyed by path components: the order Path objects sort in
    for path in paths:
        if path.is_dir():
            # os.walk knows files from folders without a stat() per file, which rglob() + is_file() needed.
            for folder, _, names in os.walk(path):
                base = Path(folder)
                parts = base.parts
                for name in names:
                    if name.endswith(SUFFIXES):  # os.walk lists folders (and links to them) apart
                        found[(*parts, name)] = base / name
        elif path.is_file():
            found[path.parts] = path
        else:
            raise FatalError(f"{path}: no such file or folder")
    return [found[key] for key in sorted(found)]


def display_path(path: Path) -> str:
    """Paths relative to the working folder when possible: that is what editors and CI annotations want."""
    text = str(path)
    if not path.is_absolute() and ".." not in path.parts:
        return text  # already relative to the working folder (and Path has normalized it): relpath would not change it
    try:
        return os.path.relpath(text)
    except ValueError:
        return text


@dataclass(frozen=True, slots=True)
class Result:
    """What a lint run found: the glossary it could build and every problem, sorted."""

    glossary: Glossary
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run allocates millions of objects that all stay alive.

    Nothing here creates reference cycles, so reference counting frees everything; with the collector on,
    its repeated full scans of the growing heap took about 40 % of a 10,000-file lint.
    """
    was_enabled = gc.isenabled()
    gc.unfreeze()  # what an earlier run froze (see below) becomes collectable again
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Every object made meanwhile sits in the youngest generation: the first collection after enable() would
            # scan them all (0.6 s after a 10,000-file lint). Freezing moves them out of the collector's way;
            # reference counting still frees them, and the next run unfreezes them.
            gc.freeze()
            gc.enable()


def default_jobs(n_files: int) -> int:
    """How many processes (the main one included) to parse ``n_files`` with: 1 unless the input is large."""
    if n_files < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # without fork a worker re-imports everything, which costs more than it saves
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_JOBS))


def _load_serial(files: Sequence[Path], max_bytes: int, max_depth: int, impl: Impl) -> list[tuple[Document | None, list[Problem]]]:
    return [load_file(f, display_path(f), max_bytes=max_bytes, max_depth=max_depth, impl=impl) for f in files]


_Chunk = tuple[bytes, bool, list[list[Problem]]]


def _load_chunk(files: Sequence[Path], max_bytes: int, max_depth: int, impl: Impl) -> _Chunk:
    """Worker: parse a chunk and return (documents as tuples of their fields, marshalled or pickled; problems per file).

    marshal writes plain strings, lists, dicts and tuples about 4× faster than pickle writes Document objects,
    which had kept the worker busy almost as long as the parsing itself.
    """
    gc.disable()  # the process ends after this chunk; its objects never need collecting
    names = [f.name for f in dataclasses.fields(Document)]
    loaded = _load_serial(files, max_bytes, max_depth, impl)
    fields = [None if doc is None else tuple(getattr(doc, n) for n in names) for doc, _ in loaded]
    try:
        return marshal.dumps(fields), True, [found for _, found in loaded]
    except ValueError:  # a value marshal cannot write (a str subclass, a new field type): pickle writes anything
        return pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), False, [found for _, found in loaded]


def _unpack(chunk: _Chunk) -> list[tuple[Document | None, list[Problem]]]:
    payload, marshalled, found = chunk
    fields = marshal.loads(payload) if marshalled else pickle.loads(payload)
    return [(None if f is None else Document(*f), p) for f, p in zip(fields, found)]


def _chunks(files: Sequence[Path], jobs: int) -> list[Sequence[Path]]:
    """Contiguous chunks in file order: the main process's first (weighted larger), then one per worker."""
    total = MAIN_WEIGHT + (jobs - 1)
    bounds = [0, round(len(files) * MAIN_WEIGHT / total)]
    for k in range(1, jobs):
        bounds.append(round(len(files) * (MAIN_WEIGHT + k) / total))
    return [files[a:b] for a, b in zip(bounds, bounds[1:])]


def load_documents(files: Iterable[Path], settings: Settings, impl: Impl = "auto", *, jobs: int | None = None) -> tuple[list[Document], list[Problem]]:
    """Parse every file, in file order; ``jobs`` > 1 parses in that many processes (default: by input size)."""
    files = list(files)
    jobs = default_jobs(len(files)) if jobs is None else max(1, jobs)
    args = (settings.max_file_bytes, settings.max_depth, impl)
    loaded: list[tuple[Document | None, list[Problem]]]
    if jobs == 1:
        loaded = _load_serial(files, *args)
    else:
        chunks = _chunks(files, jobs)
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures: list[Future[_Chunk]] = [pool.submit(_load_chunk, chunk, *args) for chunk in chunks[1:]]
            loaded = _load_serial(chunks[0], *args)  # meanwhile, the main process parses its own share
            for future in futures:
                loaded.extend(_unpack(future.result()))
    docs: list[Document] = []
    problems: list[Problem] = []
    for doc, found in loaded:
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    return docs, problems


def severity_of(rule_id: str, default: Severity, settings: Settings) -> Severity:
    return settings.rules.get(rule_id, default)


def run(settings: Settings, paths: Sequence[Path] | None = None, *, strict: bool = False, impl: Impl = "auto",
        jobs: int | None = None) -> Result:
    """Lint the given paths (default: the content folder) and return the glossary and problems.

    ``jobs``: processes used to parse (default: 1 for small inputs, up to the CPU count for large ones).
    """
    with _gc_paused():
        return _run(settings, paths, strict=strict, impl=impl, jobs=jobs)


def _run(settings: Settings, paths: Sequence[Path] | None, *, strict: bool, impl: Impl, jobs: int | None) -> Result:
    rules = load_all()
    files = discover(paths or [settings.content_dir])
    docs, raw = load_documents(files, settings, impl, jobs=jobs)
    entries: list[Entry] = []
    for doc in docs:
        entry, found = validate(doc)
        raw.extend(found)
        if entry is not None:
            entries.append(entry)
    ctx = Context.build(settings, entries)
    active = [r for r in rules.values() if severity_of(r.id, r.severity, settings) is not Severity.OFF]
    for r in active:
        if r.scope == "document":
            for doc in docs:
                raw.extend(r.check(doc, ctx))
        elif r.scope == "entry":
            for entry in entries:
                raw.extend(r.check(entry, ctx))
        elif r.scope == "glossary":
            raw.extend(r.check(ctx))
    problems: list[Problem] = []
    for p in raw:
        rule = rules.get(p.rule)
        severity = severity_of(p.rule, rule.severity, settings) if rule and rule.scope != "load" else Severity.ERROR
        if severity is Severity.OFF:
            continue
        if strict and severity is Severity.WARNING:
            severity = Severity.ERROR
        problems.append(p.with_severity(severity))
    problems.sort(key=sort_key)
    return Result(Glossary(tuple(entries)), problems)
