"""The import run: an exchange file read within bounds, its concepts checked as lint would check the glossary with them,
and every entry written at once or none. Each problem is placed in the file read, never in an entry not yet written.
"""

from __future__ import annotations

import collections
import dataclasses
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary_tool.core import progress
from glossary_tool.core.config import Settings
from glossary_tool.core.fileio import PlannedWrite, confine, digest, reason, write_set
from glossary_tool.core.ids import check_id, ids_of
from glossary_tool.core.loader import Document, forbidden_character
from glossary_tool.core.loading import load_glossary
from glossary_tool.core.model import Concept, Entry, Glossary
from glossary_tool.core.problems import FatalError, Problem, Severity, clip, sort_key
from glossary_tool.core.terminal import display_path
from glossary_tool.core.terms import term_key
from glossary_tool.core.yamlio import concept_yaml, entry_problems
from glossary_tool.exchange import load_all, recover_interrupted
from glossary_tool.exchange.merge import merge_entry
from glossary_tool.exchange.merge_terms import Changes
from glossary_tool.exchange.registry import (
    BOUND_REACHED,
    MAX_ERRORS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_CONCEPTS,
    Imported,
    ImportOptions,
    problem,
    too_many,
)
from glossary_tool.lint import check, severity_of, stamp
from glossary_tool.lint.rules import load_all as load_rules
from glossary_tool.lint.rules.registry import Context, Rule

# What the entry and glossary rules read of an entry's parsed file besides its model (unknown-relation, the relations as
# written: the model drops empty lists). The rest of it (the text, the position of every value) goes as soon as the
# document rules have run on it: an import of 30,000 concepts held 7.7 KB of it per concept until the lint at the end.
_KEPT_DATA = ("id", "kind", "relations")
_QUOTED_ID = re.compile(r"'([a-z0-9][a-z0-9-]*)'")
_ENTRY_FILE = re.compile(r"""([^\s()'"]+\.ya?ml)(?::\d+(?::\d+)?)?""")


@dataclass(slots=True)
class ImportResult:
    """What an import wrote (nothing when there are errors): the new entries, the entries it merged the file into with
    what changed in each, the entries the file left as they were; and every problem, sorted."""

    written: list[Path] = field(default_factory=list)
    merged: list[tuple[Path, Changes]] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    recovered: str | None = None

    @property
    def extended(self) -> list[Path]:
        return [path for path, _ in self.merged]

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)


def read_import_file(file: Path, rule: str) -> tuple[bytes | None, str, list[Problem]]:
    """The bytes of an exchange file (at most ``MAX_IMPORT_BYTES``) and the path to show in problems.

    Opened without following a last link (a link's target is never read, so nothing of it can reach a message) and
    without blocking (a FIFO is refused before any read); anything but a regular file is refused."""
    shown = display_path(file)

    def refused(message: str) -> tuple[None, str, list[Problem]]:
        return None, shown, [problem(shown, 1, rule, message)]

    opened = _open_unfollowed(file, shown)
    if isinstance(opened, str):
        return refused(opened)
    try:
        data = _read_regular(opened, shown)
    except OSError as exc:
        return refused(f"cannot read the file: {reason(exc)}")
    finally:
        os.close(opened)
    if isinstance(data, str):
        return refused(data)
    if len(data) > MAX_IMPORT_BYTES:
        return refused(_too_large())
    return data, shown, []


def _too_large() -> str:
    """Why a file over the bound is refused (read when called, so that the bound is the one in force)."""
    return f"larger than {MAX_IMPORT_BYTES:,} bytes; split it and import the parts one after another"


def _open_unfollowed(file: Path, shown: str) -> int | str:
    """The file opened without following a last link and without blocking, or why it cannot be; a path that names
    nothing is a usage error."""
    try:
        return os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ELOOP and os.path.islink(file):
            return "is a symbolic link; name the file it points to (nothing of it was read)"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):  # a usage error: the command line names nothing there
            raise FatalError(f"{shown}: no such file") from None
        return f"cannot read the file: {reason(exc)}"


def _read_regular(fd: int, shown: str) -> bytes | str:
    """A regular file's bytes, at most one past ``MAX_IMPORT_BYTES``, or why it is refused unread."""
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise FatalError(f"{shown}: is a folder; name the file to import")
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, socket or device); save the data to a file and import that"
    if info.st_size > MAX_IMPORT_BYTES:  # refused unread; a file that grows meanwhile is caught by the caller's check
        return _too_large()
    chunks, size = [], 0
    while size <= MAX_IMPORT_BYTES:
        chunk = os.read(fd, min(MAX_IMPORT_BYTES + 1 - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def run_import(settings: Settings, fmt: str, file: Path, *, overwrite: bool = False, options: ImportOptions | None = None) -> ImportResult:
    """Read ``file`` and write one entry per concept under ``content/concepts/``; all or nothing.

    A concept whose id is already a concept's (or that a table row finds by its source term) is merged into that entry
    (``merge.py``): only what the file says differently changes, and an entry the file leaves as it is is not written.
    With ``overwrite`` such an entry is replaced instead. A file must not change while the import runs. Nothing is
    written unless the glossary with every new and merged entry passes lint without errors."""
    _, importers = load_all()
    if fmt not in importers:
        raise FatalError(f"no import format '{fmt}' (known: {', '.join(sorted(importers))})")
    rule = f"import-{fmt}"
    recovered = recover_interrupted(settings)
    concepts = confine(settings.content_dir / "concepts", settings.root, folder=True)  # before any file there is looked at
    data, shown, problems = read_import_file(file, rule)
    if data is None:
        return ImportResult(problems=problems, recovered=recovered)
    glossary, load_problems = load_glossary(settings) if settings.content_dir.is_dir() else (Glossary(()), [])
    ids = ids_of(glossary.documents)
    existing = {e.model.id: (e.model, Path(e.doc.path).resolve()) for e in glossary.entries if isinstance(e.model, Concept)}
    opts = dataclasses.replace(options or ImportOptions(), existing=tuple(model for model, _ in existing.values()), ids=frozenset(ids))
    imported, problems = importers[fmt](data, shown, settings, opts)
    del data  # what locates a problem later keeps its own reference; the importer's structures are gone
    run = _Run(settings, shown, rule, overwrite, concepts, ids, existing, problems)
    queue = run.queue(imported)
    del imported  # the queue alone holds the concepts now, and lets each go once it is planned
    run.plan_all(queue)
    if run.docs:  # also after errors in other concepts: every concept's problems are reported at once
        run.lint_result(glossary, load_problems)
    result = ImportResult(problems=run.report(), recovered=recovered)
    if result.errors:
        return result
    return run.write(result)


@dataclass
class _Run:
    """One import under way: the entries it will write, the lines they come from, and the problems so far."""

    settings: Settings
    shown: str
    rule: str
    overwrite: bool
    concepts: Path
    ids: dict[str, str]
    existing: dict[str, tuple[Concept, Path]]
    problems: list[Problem]
    # Each entry to write as its path, bytes and the digest the file must still have: a path kept as text, not as a
    # Path object (900 bytes each), until the write.
    planned: list[tuple[str, bytes, str | None]] = field(default_factory=list)
    new_paths: list[str] = field(default_factory=list)
    merged: list[tuple[Path, Changes]] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    docs: dict[str, tuple[Document, Entry, Imported]] = field(default_factory=dict)  # display path -> the new version
    failed: set[str] = field(default_factory=set)  # ids of concepts already refused: lint would only report them missing
    # Only the rules that report errors: a warning never stops an import, and the warning rules on prose (a definition
    # that opens with its term, say) hold every text's words while they run.
    rules: list[Rule] = field(default_factory=list)
    early: list[Problem] = field(default_factory=list)  # the document rules' problems of each planned entry, found when it was planned
    context: Context = field(init=False)  # what a document rule looks at besides its document: the settings

    def __post_init__(self) -> None:
        self.rules = [r for r in load_rules().values() if severity_of(r, self.settings) is Severity.ERROR]
        self.context = Context.build(self.settings, [])

    def error(self, item: Imported, message: str, at: tuple[int, int] | None = None) -> None:
        line, column = at or (item.line, item.column)
        self.problems.append(problem(self.shown, line, self.rule, message, column=column))
        self.failed.add(item.concept.id)

    def queue(self, imported: list[Imported]) -> collections.deque[Imported]:
        """The concepts to check one by one: none when the file was not read to its end (a bound was reached)."""
        if len(imported) > MAX_IMPORT_CONCEPTS:  # the readers stop there themselves; this holds for any importer
            extra = imported[MAX_IMPORT_CONCEPTS]
            self.problems.append(too_many(self.shown, extra.line, self.rule, "concepts", MAX_IMPORT_CONCEPTS, extra.column))
        if any(BOUND_REACHED in p.message for p in self.problems):
            return collections.deque()
        return collections.deque(imported)

    def plan_all(self, queue: collections.deque[Imported]) -> None:
        """Plan every concept, with progress shown."""
        with progress.task("checking imported concepts", len(queue), "concepts") as bar:
            while queue:  # each concept's model is let go once its entry is checked: the entry holds an equal one
                self.plan(queue.popleft())
                bar.advance()

    def write(self, result: ImportResult) -> ImportResult:
        """Write the planned entries at once (the lint found no error); a file that adds nothing is an error."""
        if not self.planned:
            if not self.unchanged:
                result.problems.append(problem(self.shown, 1, self.rule, _nothing_reason(self.problems)))
            result.unchanged = self.unchanged
            return result
        writes = [PlannedWrite(Path(name), data, expected) for name, data, expected in self.planned]
        self.planned.clear()
        self.docs.clear()  # the entries' models were for the lint; the write needs none
        write_set(self.settings.content_dir, writes, inside=self.settings.root)
        result.written, result.merged, result.unchanged = [Path(name) for name in self.new_paths], self.merged, self.unchanged
        return result

    def plan(self, item: Imported) -> None:
        """Check one concept and add its entry to the write set (new, merged or replaced), or report why it cannot be
        written; a merge that changes nothing writes nothing."""
        cid = item.concept.id
        if self.characters(item) or not self.valid_id(item):
            return
        target = item.updates or cid
        if self.repeated(item, target):
            return
        if target in self.existing and not self.overwrite:
            self.merge(item, target)
            return
        self.plan_new(item, cid)

    def valid_id(self, item: Imported) -> bool:
        """Whether a new concept's id is one an entry may have (one that updates an entry keeps that entry's id)."""
        if item.updates is not None:
            return True
        try:
            check_id(item.concept.id, self.settings)
        except FatalError as exc:
            self.error(item, clip(exc, 200))
            return False
        return True

    def repeated(self, item: Imported, target: str) -> bool:
        """Whether an earlier concept of the file already has this id (an error); else the id is noted as seen."""
        key = term_key(target)
        if key in self.seen:
            self.error(item, f"concept '{clip(target)}' appears twice; first at line {self.seen[key]}")
            return True
        self.seen[key] = item.line
        return False

    def plan_new(self, item: Imported, cid: str) -> None:
        """The entry of a concept that is not merged: a new file, or with --overwrite the one its id names."""
        path = self.concepts / f"{cid}.yaml"
        expected: str | None = None
        known = self.ids.get(term_key(cid))
        if known is not None or os.path.lexists(path):
            if not self.replaceable(item, cid, path, known):
                return
            expected = digest(path.read_bytes())
        self.add(item, path, concept_yaml(item.concept, self.settings.schema_path, path), expected, new=True)

    def replaceable(self, item: Imported, cid: str, path: Path, known: str | None) -> bool:
        """Whether the file at a new concept's path, or the entry its id names, may be replaced (reported when not)."""
        if not self.overwrite:
            said = known or f"{display_path(path)}, which lint cannot read as a concept"
            self.error(item, f"id '{cid}' is already used by {said}; rename one of them, or pass --overwrite to replace that file")
            return False
        if not path.is_file() or (known is not None and Path(known).resolve() != path.resolve()):
            self.error(item, f"id '{cid}' is used by {known}, which --overwrite does not replace; rename one of them")
            return False
        return True

    def merge(self, item: Imported, target: str) -> None:
        """Fold the concept into the entry of ``target``, keeping what the file does not say (``merge.py``)."""
        old, path = self.existing[target]
        try:
            raw = path.read_bytes()
            text, changes = merge_entry(raw.decode("utf-8"), display_path(path), old, item.concept, item.assumed, self.settings)
        except (OSError, UnicodeDecodeError, FatalError) as exc:
            self.error(
                item,
                f"concept '{clip(item.concept.id)}' cannot be merged into {display_path(path)}: {clip(exc, 300)}; "
                "edit that entry by hand, or pass --overwrite to replace it",
            )
            return
        if text is None:
            self.unchanged.append(path)
            return
        if self.add(item, path, text, digest(raw), new=False):
            self.merged.append((path, changes))

    def characters(self, item: Imported) -> bool:
        """Report each text of the concept holding a character no entry may hold, where the file has it."""
        found = False
        for where, value in _texts(item.concept.model_dump(mode="python")):
            char = forbidden_character(value)
            if char is None:
                continue
            found = True
            at = item.source.find(char, item.line, item.last_line) if item.source is not None else None
            name = unicodedata.name(char, "a control character" if ord(char) < 0xD800 else "a lone surrogate")
            self.error(
                item,
                f"concept '{clip(item.concept.id)}': {where} holds U+{ord(char):04X} ({name}), which no entry may hold "
                "(invisible, control or bidi characters can hide or reorder text); delete it in the file",
                at,
            )
        return found

    def add(self, item: Imported, path: Path, text: str, expected: str | None, *, new: bool) -> bool:
        """The entry ``text`` for ``path``, checked as lint reads it; planned (and True) if it is valid."""
        data = text.encode("utf-8")
        cid = clip(item.concept.id)
        if len(data) > self.settings.max_file_bytes:
            self.error(
                item,
                f"concept '{cid}' would be an entry of {len(data):,} bytes, more than max_file_bytes "
                f"({self.settings.max_file_bytes:,}) allows (lint: file-too-large); shorten its texts",
            )
            return False
        shown = display_path(path)
        entry = self.read_back(item, cid, text, shown, new=new)
        if entry is None:
            return False
        self.keep(item, entry, shown)
        self.planned.append((str(path), data, expected))
        if new:
            self.new_paths.append(str(path))
        return True

    def read_back(self, item: Imported, cid: str, text: str, shown: str, *, new: bool) -> Entry | None:
        """The entry ``text`` as lint reads it, or None with the reasons reported; a new entry must read back the model."""
        entry, found = entry_problems(text, shown, self.settings)
        if entry is None:
            for p in found:
                self.error(item, f"concept '{cid}' would not be a valid entry: {clip(p.message, 200)} (lint: {p.rule})")
            return None
        if new and entry.model != item.concept:  # the YAML writer must reproduce the model exactly, or nothing is written
            self.error(item, f"concept '{cid}': its entry would not read back the same; nothing was written")
            return None
        return entry

    def keep(self, item: Imported, entry: Entry, shown: str) -> None:
        """Run the document rules on a planned entry and keep of it only what the final lint and the report need."""
        # Its own model is let go (the entry's is equal), and what only planning needed: the file it locates characters
        # in (the whole import file, which is let go once every concept is planned) and the values it assumed.
        item = dataclasses.replace(item, concept=entry.model if isinstance(entry.model, Concept) else item.concept, source=None, assumed=frozenset())
        # The document rules run now, on the whole parsed entry; the lint at the end keeps only what the other rules read.
        self.early += [dataclasses.replace(p, rule=r.id) for r in self.rules if r.scope == "document" for p in r.check(entry.doc, self.context)]
        doc = Document(entry.doc.path, "", {key: entry.doc.data[key] for key in _KEPT_DATA if key in entry.doc.data})
        entry = Entry(entry.model, doc)
        self.docs[shown] = (doc, entry, item)

    def lint_result(self, glossary: Glossary, load_problems: list[Problem]) -> None:
        """Lint the glossary as it would be with every planned entry; each new error is placed at the concept it comes
        from (an error in an entry already there that the import causes, at the concept its message names)."""
        before = {_key(p) for p in stamp([*load_problems, *check(glossary, self.settings, self.rules)], self.settings) if p.severity is Severity.ERROR}
        after = self.lint_with_planned(glossary, load_problems)
        lines = {item.concept.id: item for _, _, item in self.docs.values()}
        failed = set(self.failed)  # refused before this lint; those refused by it stay in it
        for p in after:
            if p.severity is not Severity.ERROR or _key(p) in before or failed.intersection(_QUOTED_ID.findall(p.message)):
                continue
            self.place(p, lines)

    def lint_with_planned(self, glossary: Glossary, load_problems: list[Problem]) -> list[Problem]:
        """The problems of the glossary with each planned entry in place of the file it replaces."""
        replaced = set(self.docs)
        entries = [e for e in glossary.entries if e.doc.path not in replaced] + [entry for _, entry, _ in self.docs.values()]
        documents = [d for d in glossary.documents if d.path not in replaced]  # the planned ones' document rules have run
        return stamp(
            [*load_problems, *self.early, *check(Glossary(tuple(entries), tuple(documents), glossary.others), self.settings, self.rules)], self.settings
        )

    def place(self, p: Problem, lines: dict[str, Imported]) -> None:
        """A lint error the import causes, at the concept whose entry has it, else at the concept its message names,
        else at the file's first line."""
        new = self.docs.get(p.path)
        said = clip(_ENTRY_FILE.sub(self.in_file, p.message), 300)
        if new is not None:
            item = new[2]
            self.error(item, f"concept '{clip(item.concept.id)}' would fail lint: {said} (lint: {p.rule})")
            return
        named = next((lines[m] for m in _QUOTED_ID.findall(p.message) if m in lines), None)
        message = f"importing would make {p.path} fail lint: {said} (lint: {p.rule})"
        if named is not None:
            self.error(named, message)
        else:
            self.problems.append(problem(self.shown, 1, self.rule, message))

    def in_file(self, m: re.Match[str]) -> str:
        """An entry that a message names, as the place in the import file it would come from (it does not exist yet)."""
        new = self.docs.get(m.group(1))
        if new is None:
            return m.group()
        item = new[2]
        return f"line {item.line} of {self.shown}"

    def report(self) -> list[Problem]:
        """Every problem in file order; past ``MAX_ERRORS`` errors, a count instead of the rest."""
        ordered = sorted(self.problems, key=sort_key)
        errors = [p for p in ordered if p.severity is Severity.ERROR]
        if len(errors) <= MAX_ERRORS:
            return ordered
        last = errors[MAX_ERRORS - 1]
        kept = [p for p in ordered if p.severity is not Severity.ERROR or sort_key(p) <= sort_key(last)]
        return [
            *kept,
            problem(
                self.shown,
                last.line,
                self.rule,
                f"… and {len(errors) - MAX_ERRORS:,} more error(s) after this one, not listed; fix these and import again",
                column=last.column,
            ),
        ]


def import_report(result: ImportResult, shown: Callable[[Path], str]) -> str:
    """What an import did, for the terminal: each new entry, each merged entry with what it added, changed and kept,
    and how many entries the file left as they were."""

    def entries(n: int) -> str:
        return f"{n} entr{'y' if n == 1 else 'ies'}"

    written = result.written
    if len(written) <= 5:
        lines = [f"wrote {entries(len(written))}", *(f"  {shown(p)}" for p in written)]
    else:  # a termbase brings thousands: a count and the folder, not a line each
        folders = sorted({shown(p.parent) for p in written})
        where = f"{folders[0]}/" if len(folders) == 1 else f"{len(folders)} folders"
        lines = [f"wrote {entries(len(written))} in {where} ({Path(shown(written[0])).name} … {Path(shown(written[-1])).name})"]
    if result.merged:
        lines.append(f"merged the file into {entries(len(result.merged))}")
        lines += [f"  {shown(p)}: {changes.summary()}" for p, changes in result.merged]
    if result.unchanged:
        lines.append(f"left {entries(len(result.unchanged))} as they were: the file says what they say")
    return "\n".join(lines)


def _key(p: Problem) -> tuple[str, str, str]:
    return p.path, p.rule, p.message


def _texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text of a dumped model with its dotted place (``locales.en.terms.0.text``), keys included."""
    if isinstance(node, str):
        yield where or "id", node
    elif isinstance(node, dict):
        for key, value in node.items():
            place = f"{where}.{key}" if where else str(key)
            yield from _texts(str(key), place)
            yield from _texts(value, place)
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}.{i}")


def _nothing_reason(problems: list[Problem]) -> str:
    if problems:
        return "nothing was imported: every concept of the file was left out (the warnings above say why)"
    return "nothing was imported: the file holds no concepts"


def import_file(settings: Settings, fmt: str, file: Path, *, overwrite: bool = False, options: ImportOptions | None = None) -> ImportResult:
    """Read ``file`` in ``fmt`` and write its concepts as entries, all or nothing."""
    return run_import(settings, fmt, file, overwrite=overwrite, options=options)
