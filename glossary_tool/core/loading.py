"""The one loading path: files → documents (positions kept) → typed entries → ``Glossary``, with problems.

Lint, the site build, scaffolding and the exports all load through ``load_glossary``; rules only check what it returns.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import gc
import itertools
import marshal
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from glossary_tool.core import progress
from glossary_tool.core.config import Settings
from glossary_tool.core.content_files import list_content, unreadable
from glossary_tool.core.forked import worker_start
from glossary_tool.core.loader import Document, Impl, Loc, load_file
from glossary_tool.core.model import MODELS, Entry, Glossary, json_schema
from glossary_tool.core.problems import Problem, clip
from glossary_tool.core.terminal import display_path

# Below this many files a worker's start-up and the transfer of its documents cost more than parsing saves.
PARALLEL_MIN_FILES = 1500
MAX_JOBS = 4
# The main process parses a larger share than each worker: a worker also serializes its documents (measured best).
MAIN_WEIGHT = 1.25
# When the parts are also checked, the main process checks its own part and validates the documents a worker sends
# (again: the worker validated them for its rules), while the worker serializes its documents and checks its part.
# At 10,000 concepts on a busy machine the main process then waited 0.4-0.9 s for the worker's findings with 0.9,
# 0-0.2 s with 1.05.
CHECKING_MAIN_WEIGHT = 1.05

R = TypeVar("R")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
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


def default_jobs(n_files: int, minimum: int = PARALLEL_MIN_FILES) -> int:
    """How many processes to work on ``n_files`` with: 1 below ``minimum`` (by default, what is worth parsing in
    several), else up to the CPU count."""
    if n_files < minimum or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # without fork a worker re-imports everything, which costs more than it saves
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_JOBS))


def _load_serial(
    files: Sequence[Path | str], max_bytes: int, max_depth: int, impl: Impl, bar: progress.Task = progress.QUIET
) -> list[tuple[Document | None, list[Problem]]]:
    out = []
    for f, shown in zip(files, _display_paths(files), strict=True):
        out.append(load_file(f, shown, max_bytes=max_bytes, max_depth=max_depth, impl=impl))
        bar.advance()
    return out


def _display_paths(files: Sequence[Path | str]) -> list[str]:
    """``display_path`` of each file, worked out once per folder: the content folder is absolute by default, and
    ``os.path.relpath`` for each of 50,000 files cost a third of a second."""
    folders: dict[str, str] = {}
    out = []
    for f in files:
        folder, sep, name = os.fspath(f).rpartition("/")
        if not sep or not name:
            out.append(display_path(f))
            continue
        shown = folders.get(folder)
        if shown is None:
            shown = folders[folder] = display_path(folder or "/")
        out.append(name if shown == "." else f"{shown.rstrip('/')}/{name}")
    return out


_Chunk = tuple[bytes, bool, list[list[Problem]]]
_Loaded = list[tuple[Document | None, list[Problem]]]
_Validated = list[tuple[Entry | None, list[Problem]]]


def _load_chunk(files: Sequence[Path | str], max_bytes: int, max_depth: int, impl: Impl) -> _Chunk:
    """Worker: parse a chunk and return (documents as tuples of their fields, marshalled or pickled; problems per file)."""
    worker_start()
    return _packed(_load_serial(files, max_bytes, max_depth, impl))


def _packed(loaded: _Loaded) -> _Chunk:
    """Parsed documents as tuples of their fields, marshalled (or pickled), and each file's problems.

    marshal writes plain strings, lists, dicts and tuples about 4× faster than pickle writes Document objects,
    which had kept the worker busy almost as long as the parsing itself.
    """
    names = [f.name for f in dataclasses.fields(Document)]
    fields = [None if doc is None else tuple(getattr(doc, n) for n in names) for doc, _ in loaded]
    try:
        return marshal.dumps(fields), True, [found for _, found in loaded]
    except ValueError:  # a value marshal cannot write (a str subclass, a new field type): pickle writes anything
        return pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), False, [found for _, found in loaded]


def _unpack(chunk: _Chunk) -> _Loaded:
    payload, marshalled, found = chunk
    fields = marshal.loads(payload) if marshalled else pickle.loads(payload)
    return [(None if f is None else Document(*f), p) for f, p in zip(fields, found, strict=False)]


def _validated(loaded: _Loaded) -> _Validated:
    return [validate(doc) for doc, _ in loaded if doc is not None]


def _part(loaded: _Loaded, validated: _Validated) -> Glossary:
    """The glossary of one chunk of files: its entries and documents, in file order."""
    return Glossary(tuple(e for e, _ in validated if e is not None), tuple(doc for doc, _ in loaded if doc is not None))


def _chunks(files: Sequence[Path | str], jobs: int, weight: float = MAIN_WEIGHT) -> list[Sequence[Path | str]]:
    """Contiguous chunks in file order: the main process's first (``weight`` times a worker's), then one per worker."""
    total = weight + (jobs - 1)
    bounds = [0, round(len(files) * weight / total)]
    for k in range(1, jobs):
        bounds.append(round(len(files) * (weight + k) / total))
    return [files[a:b] for a, b in itertools.pairwise(bounds)]


def load_documents(files: Iterable[Path | str], settings: Settings, impl: Impl = "auto", *, jobs: int | None = None) -> tuple[list[Document], list[Problem]]:
    """Parse every file, in file order; ``jobs`` > 1 parses in that many processes (default: by input size)."""
    files = list(files)
    jobs = default_jobs(len(files)) if jobs is None else max(1, jobs)
    args = (settings.max_file_bytes, settings.max_depth, impl)
    loaded: list[tuple[Document | None, list[Problem]]]
    with progress.task("reading entries", len(files), "files") as bar:
        if jobs == 1:
            loaded = _load_serial(files, *args, bar)
        else:
            chunks = _chunks(files, jobs)
            with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork")) as pool:
                futures: list[Future[_Chunk]] = [pool.submit(_load_chunk, chunk, *args) for chunk in chunks[1:]]
                loaded = _load_serial(chunks[0], *args, bar)  # meanwhile, the main process parses its own share
                for future, chunk in zip(futures, chunks[1:], strict=True):
                    loaded.extend(_unpack(future.result()))
                    bar.advance(len(chunk))
    docs: list[Document] = []
    problems: list[Problem] = []
    for doc, found in loaded:
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    return docs, problems


@functools.cache
def _schema() -> dict[str, Any]:
    return json_schema()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    defs = _schema()["$defs"]
    while True:
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:  # optional fields: take the non-null branch
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
        else:
            return node


def allowed_keys(kind: str, loc: Loc) -> list[str]:
    """The keys the schema allows in the mapping at ``loc`` of an entry of ``kind``."""
    node = _resolve(_schema()["$defs"][MODELS[kind].__name__])
    for part in loc:
        if isinstance(part, int):
            node = _resolve(node.get("items", {}))
        elif part in node.get("properties", {}):
            node = _resolve(node["properties"][part])
        elif "patternProperties" in node:
            node = _resolve(next(iter(node["patternProperties"].values())))
        elif isinstance(node.get("additionalProperties"), dict):
            node = _resolve(node["additionalProperties"])
        else:
            return []
    return sorted(node.get("properties", {}))


def _message(kind: str, error: ErrorDetails) -> str:
    loc = error["loc"]
    where = ".".join(str(p) for p in loc) or "entry"
    etype = error["type"]
    if etype == "extra_forbidden":
        allowed = allowed_keys(kind, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; allowed keys: {', '.join(allowed)}" if allowed else "")
        return f"unknown key '{clip(loc[-1])}'{hint}"
    if etype == "missing":
        return f"missing required key '{loc[-1]}'"
    return _value_message(where, etype, error)


def _value_message(where: str, etype: str, error: ErrorDetails) -> str:
    """The message of a value that has the wrong type, form or length, at ``where``."""
    if etype == "literal_error":
        return f"{where}: {error['msg'].replace('Input should be', 'must be')}"
    if etype in ("string_type", "dict_type", "tuple_type", "list_type", "model_type", "model_attributes_type"):
        want = {"string_type": "text", "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping"}.get(etype, "a list")
        return f"{where}: must be {want}"
    if etype == "string_pattern_mismatch":
        return f"{where}: '{clip(error.get('input', ''))}' does not match {error['ctx']['pattern']}"
    if etype == "string_too_short":
        return f"{where}: must not be empty"
    if etype == "too_short":
        return f"{where}: needs at least {error['ctx']['min_length']} item(s)"
    if etype == "value_error":
        return f"{where}: {error['msg'].removeprefix('Value error, ')}"
    return f"{where}: {error['msg']}"


def validate(doc: Document) -> tuple[Entry | None, list[Problem]]:
    """Validate ``doc`` against its kind's model; return the entry or the problems."""
    kind = doc.data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        return None, [_kind_problem(doc, kind)]
    try:
        model = MODELS[kind].model_validate(doc.data)
    except ValidationError as exc:
        return None, _schema_problems(doc, kind, exc.errors(include_url=False))
    return Entry(model, doc), []


def _kind_problem(doc: Document, kind: object) -> Problem:
    if "kind" not in doc.data:
        return doc.problem((), "missing required key 'kind' (concept, comparison or faq)", rule="schema")
    close = difflib.get_close_matches(str(kind), list(MODELS), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return doc.problem(("kind",), f"kind must be one of concept, comparison, faq{hint}", rule="schema")


def _schema_problems(doc: Document, kind: str, errors: list[ErrorDetails]) -> list[Problem]:
    problems: list[Problem] = []
    for error in errors:
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("[")))
        # a list that fails on an item also reports "too short"; the item error is the useful one
        if error["type"] == "too_short" and any(e is not error and tuple(e["loc"][: len(loc)]) == loc for e in errors):
            continue
        at_key = error["type"] == "extra_forbidden"
        problems.append(doc.problem(loc, _message(kind, error), at_key=at_key, rule="schema"))
    return problems


def load_glossary(settings: Settings, paths: Sequence[Path] | None = None, *, impl: Impl = "auto", jobs: int | None = None) -> tuple[Glossary, list[Problem]]:
    """Load every entry under ``paths`` (default: the content folder): the glossary of valid entries and the
    loading problems (unreadable files, YAML hazards, schema errors).
    Only entry files are opened; the rest of the folder is listed in ``Glossary.others``, for the content-folder rules."""
    glossary, problems, _ = load_checked(settings, paths, impl=impl, jobs=jobs)
    return glossary, problems


def load_checked(
    settings: Settings, paths: Sequence[Path] | None = None, *, impl: Impl = "auto", jobs: int | None = None, each_part: Callable[[Glossary], R] | None = None
) -> tuple[Glossary, list[Problem], list[R]]:
    """``load_glossary``, and what ``each_part`` finds in each part of the glossary (its entries and documents), in
    file order: run in the process that parsed the part, while the other parts are still parsed (lint runs the rules
    that look at one file alone this way). ``each_part`` must not depend on the rest of the glossary."""
    with gc_paused():
        listing = list_content(paths or [settings.content_dir], settings)
        files = listing.entries
        jobs = default_jobs(len(files)) if jobs is None else max(1, jobs)
        args = (settings.max_file_bytes, settings.max_depth, impl)
        with progress.task("reading entries", len(files), "files") as bar:
            parts = _load_parts(files, args, jobs, each_part, bar)
        problems: list[Problem] = unreadable(listing.others)
        for loaded, _, _ in parts:
            problems.extend(p for _, found in loaded for p in found)
        entries: list[Entry] = []
        for _, validated, _ in parts:
            for entry, found in validated:
                problems.extend(found)
                if entry is not None:
                    entries.append(entry)
        docs = tuple(doc for loaded, _, _ in parts for doc, _ in loaded if doc is not None)
        return Glossary(tuple(entries), docs, tuple(listing.others)), problems, [checked for _, _, checked in parts if each_part is not None]


_Part = tuple[_Loaded, _Validated, Any]


def _load_parts(
    files: Sequence[Path | str], args: tuple[int, int, Impl], jobs: int, each_part: Callable[[Glossary], Any] | None, bar: progress.Task
) -> list[_Part]:
    """Each chunk of ``files`` parsed, validated and given to ``each_part``, in file order.

    A worker parses its chunk, sends its documents, then checks them while the main process, which has parsed its own
    chunk meanwhile, checks its own part and validates what it received (in the order they are ready). What a worker
    could not do (it did not start, or died) the main process does itself, with the same result.
    """

    def parsed_here(chunk: Sequence[Path | str]) -> tuple[_Loaded, _Validated]:
        loaded = _load_serial(chunk, *args, bar)
        return loaded, _validated(loaded)

    chunks = _chunks(files, jobs, MAIN_WEIGHT if each_part is None else CHECKING_MAIN_WEIGHT) if jobs > 1 else [files]
    parsed: list[tuple[_Loaded, _Validated] | None] = [None] * len(chunks)
    checked: list[tuple[Any] | None] = [None] * len(chunks)  # a result in a tuple, since it may be None itself
    workers = [_start(chunk, args, each_part) for chunk in chunks[1:]]
    try:
        parsed[0] = own = parsed_here(chunks[0])  # meanwhile, the workers parse theirs
        if each_part is not None and not all(w is None or w.pipe.poll() for w in workers):
            checked[0] = (each_part(_part(*own)),)  # rather than wait for a worker's documents, check its own part
        for i, worker in enumerate(workers, 1):
            if worker is not None and (sent := worker.documents()) is not None:
                parsed[i] = sent, _validated(sent)
                bar.advance(len(chunks[i]))
        if each_part is not None and checked[0] is None:
            checked[0] = (each_part(_part(*own)),)
        for i, worker in enumerate(workers, 1):
            if worker is not None and each_part is not None and parsed[i] is not None:
                checked[i] = worker.message()
    finally:
        for worker in workers:
            if worker is not None:
                worker.close()
    parts: list[_Part] = []
    for chunk, done_parsing, done_checking in zip(chunks, parsed, checked, strict=True):
        loaded, validated = done_parsing if done_parsing is not None else parsed_here(chunk)
        found = done_checking[0] if done_checking is not None else each_part(_part(loaded, validated)) if each_part is not None else None
        parts.append((loaded, validated, found))
    return parts


@dataclasses.dataclass
class _Worker:
    """A forked process that parses a chunk, then checks it: the pipe it sends its messages through, and the file it
    writes its documents to (a pipe would hold the worker until the main process read them, after its own part)."""

    pipe: Connection
    file: IO[bytes]

    def message(self) -> tuple[Any] | None:
        """The worker's next message (in a tuple), or None when the worker died (out of memory, killed). An exception
        the work itself raised is raised here, as in one process."""
        try:
            ok, value = self.pipe.recv()
        except (EOFError, OSError):
            return None
        if not ok:
            raise value
        return (value,)

    def documents(self) -> _Loaded | None:
        """The documents the worker parsed, with each file's problems; None when the worker died first."""
        size = self.message()
        if size is None:
            return None
        data = bytearray()
        while len(data) < size[0]:
            piece = os.pread(self.file.fileno(), size[0] - len(data), len(data))
            if not piece:
                return None
            data += piece
        chunk: _Chunk = pickle.loads(data)
        return _unpack(chunk)

    def close(self) -> None:
        """Let go of the pipe and the file; the process is not waited for (ending one with a large heap took 0.2 s)."""
        self.pipe.close()
        self.file.close()


def _start(chunk: Sequence[Path | str], args: tuple[int, int, Impl], each_part: Callable[[Glossary], Any] | None) -> _Worker | None:
    """A worker that parses ``chunk``, sends its documents and then what ``each_part`` finds in them (both handed over
    by the fork, nothing pickled); None when no process could start."""
    try:
        receiving, sending = multiprocessing.Pipe(duplex=False)
        file = tempfile.TemporaryFile()  # noqa: SIM115  (the worker's documents: closed by _Worker.close)
    except OSError:  # no file descriptors or no room left
        return None
    try:
        multiprocessing.get_context("fork").Process(target=_work, args=(sending, file, chunk, args, each_part), daemon=True).start()
    except OSError:
        receiving.close()
        file.close()
        return None
    finally:
        sending.close()  # the worker's end: once the worker is gone, reading from ours ends instead of waiting
    return _Worker(receiving, file)


def _work(sending: Connection, file: IO[bytes], chunk: Sequence[Path | str], args: tuple[int, int, Impl], each_part: Callable[[Glossary], Any] | None) -> None:
    """Worker: each message is (True, what was made) or (False, the exception that stopped it); the documents go to
    ``file``, and their message is their size."""
    worker_start()
    try:
        loaded = _load_serial(chunk, *args)
        data = pickle.dumps(_packed(loaded), protocol=pickle.HIGHEST_PROTOCOL)
        written = 0
        while written < len(data):
            written += os.pwrite(file.fileno(), memoryview(data)[written:], written)
        sending.send((True, len(data)))
        if each_part is not None:
            # The parent validates these documents too (models do not travel back cheaply); the rules need entries now.
            sending.send((True, each_part(_part(loaded, _validated(loaded)))))
    except Exception as exc:  # raised in the parent, as it would be in one process
        # An exception that cannot be sent (or a parent gone): the parent finds the pipe closed and does the work itself.
        with contextlib.suppress(Exception):
            sending.send((False, exc))
    finally:
        sending.close()
