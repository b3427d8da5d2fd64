"""Translation bookkeeping: short hashes of the source text each translated field was made from.

``stale_fields`` tells which translated fields may be out of date; lint and the site both use it.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
import re
import subprocess
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from glossary_tool.core.loader import load_text
from glossary_tool.core.loading import validate
from glossary_tool.core.model import Concept, ConceptLocale
from glossary_tool.core.terminal import escape

# The fields of a concept's language block that are translated (and so can go stale), in display order.
TRACKED_FIELDS: tuple[str, ...] = ("terms", "definition", "examples", "notes")
HASH_LENGTH = 10
# List items are joined with U+001F, which the loader never lets into a value, so ["a b"] and ["a", "b"] differ.
_ITEM_SEPARATOR = "\x1f"


def _full_hash(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    """The recorded hash of a source text: SHA-256 of its NFC form, first 10 hex digits."""
    return _full_hash(text)[:HASH_LENGTH]


def field_text(block: ConceptLocale, name: str) -> str:
    """The text of one tracked field; list fields (terms by their text) are items joined by U+001F."""
    if name == "terms":
        return _ITEM_SEPARATOR.join(t.text for t in block.terms)
    value = getattr(block, name)
    return _ITEM_SEPARATOR.join(value) if isinstance(value, tuple) else value


def readable(text: str) -> str:
    """A field text for people: list items on their own lines."""
    return text.replace(_ITEM_SEPARATOR, "\n")


def has_field(block: ConceptLocale, name: str) -> bool:
    return bool(getattr(block, name))


def current_hashes(source: ConceptLocale, target: ConceptLocale | None = None) -> dict[str, str]:
    """Hashes of the source fields that ``target`` translates (every non-empty source field when no target)."""
    fields = [f for f in TRACKED_FIELDS if (has_field(target, f) if target is not None else has_field(source, f))]
    return {f: text_hash(field_text(source, f)) for f in fields}


def matches(source: ConceptLocale, name: str, recorded: str) -> bool:
    """Whether ``recorded`` (8 to 64 hex digits) is a prefix of the hash of the source field now."""
    return _full_hash(field_text(source, name)).startswith(recorded)


def stale_fields(concept: Concept, locale_code: str, source_locale: str) -> list[str]:
    """Fields of ``locale_code`` whose recorded source hash no longer matches the source text, in display order.

    A field without a recorded hash is untracked and never stale; the source locale is never stale.
    """
    if locale_code == source_locale:
        return []
    target = concept.locales.get(locale_code)
    source = concept.locales.get(source_locale)
    if target is None or source is None or not target.translated_from:
        return []
    recorded = target.translated_from
    return [f for f in TRACKED_FIELDS if f in recorded and not matches(source, f, recorded[f])]


def word_diff(old: str, new: str, context: int | None = None) -> str:
    """Word-level diff in git's ``--word-diff=plain`` style: ``[-removed-]{+added+}``.

    With ``context``, unchanged runs keep that many words next to each change and the rest becomes ``…``.
    """
    a, b = old.split(), new.split()
    out: list[str] = []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            words = a[i1:i2]
            if context is not None:
                head = words[:context] if k > 0 else []  # words after the previous change
                tail = words[-context:] if k < len(ops) - 1 and context else []  # words before the next change
                if len(head) + len(tail) < len(words):
                    words = [*head, "…", *tail]
            out.append(" ".join(words))
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def old_source_text(file: Path, concept_id: str, field: str, recorded: str, source_locale: str) -> str | None:
    """The source text a recorded hash was made from, found in the file's git history (newest first).

    Returns None when git, the history (a shallow clone) or the matching revision is not there.
    """
    for text in _history(file.resolve(), file.stat().st_mtime_ns if file.exists() else 0):
        doc, _ = load_text(text, file.name)
        entry = validate(doc)[0] if doc is not None else None
        if entry is None or not isinstance(entry.model, Concept) or entry.model.id != concept_id:
            continue
        source = entry.model.locales.get(source_locale)
        if source is not None and matches(source, field, recorded):
            return readable(field_text(source, field))
    return None


@functools.lru_cache(maxsize=64)
def _history(file: Path, mtime_ns: int, max_revisions: int = 200, max_bytes: int = 256 * 1024) -> tuple[str, ...]:
    """The file's committed versions, newest first; cached per file and modification time (one walk per lint run)."""
    top = _git(file.parent, "rev-parse", "--show-toplevel")
    if top is None:
        return ()
    root = Path(top.strip())
    try:
        rel = file.relative_to(root).as_posix()
    except ValueError:
        return ()
    revisions = _git(root, "log", f"--max-count={max_revisions}", "--format=%H", "--", rel)
    texts = []
    for rev in (revisions or "").split():
        text = _git(root, "show", f"{rev}:{rel}")
        if text is not None and len(text) <= max_bytes:  # old revisions are as untrusted as the current file
            texts.append(text)
    return tuple(texts)


@dataclass(frozen=True)
class _Place:
    """Where a folder sits in a git repository: the top folder, the files that say when HEAD last moved, and the
    folder's real path inside the repository ("" at the top, else ending in "/")."""

    root: Path
    head_log: str
    head: str
    inside: str

    def head_mtime(self) -> int:
        """When HEAD last moved (its log changes with every commit and checkout; without logs, HEAD itself)."""
        try:
            return os.stat(self.head_log).st_mtime_ns
        except FileNotFoundError:
            return os.stat(self.head).st_mtime_ns


@functools.lru_cache(maxsize=256)
def _place(folder: str) -> _Place | None:
    """Where the absolute ``folder`` sits in git; None outside git. Kept per folder, as strings: a lint asks for every
    file of a folder in turn, and resolving and building paths for each cost more than the rest of the rule."""
    real = Path(folder).resolve()
    found = _toplevel(real)
    if found is None:
        return None
    try:
        inside = real.relative_to(found[0]).as_posix()
    except ValueError:
        return None
    git_dir = found[1]
    return _Place(found[0], os.path.join(git_dir, "logs", "HEAD"), os.path.join(git_dir, "HEAD"), "" if inside == "." else inside + "/")


@functools.lru_cache(maxsize=256)
def _toplevel(folder: Path) -> tuple[Path, Path] | None:
    """The repository's top folder and its git folder, or None outside git."""
    out = _git(folder, "rev-parse", "--show-toplevel", "--absolute-git-dir")
    lines = out.splitlines() if out is not None else []
    return (Path(lines[0]), Path(lines[1])) if len(lines) == 2 else None


class _Repository:
    """One repository's history as lint reads it: the commits of every file from one ``git log``, and old versions
    through one ``git cat-file --batch`` process, so that a thousand files cost two git processes, not thousands."""

    def __init__(self, root: Path, max_commits: int = 5000) -> None:
        self.root = root
        self.max_commits = max_commits
        self._commits: dict[str, list[str]] | None = None
        self._reader: subprocess.Popen[bytes] | None = None

    def commits(self, rel: str) -> list[str]:
        """The commits that changed ``rel``, newest first (within the newest ``max_commits`` of the repository)."""
        if self._commits is None:
            self._commits = {}
            out = _git(self.root, "-c", "core.quotepath=off", "log", "-z", "--name-only", "--no-renames", f"--max-count={self.max_commits}", "--format=%x01%H")
            current = ""
            for raw in (out or "").split("\0"):
                token = raw.lstrip("\n")
                if token.startswith("\x01"):
                    current = token[1:].strip()
                elif token and current:
                    self._commits.setdefault(token, []).append(current)
        return self._commits.get(rel, [])

    def show(self, rev: str, rel: str, max_bytes: int) -> str | None:
        """The file ``rel`` as commit ``rev`` has it; None when git cannot give it or it is over ``max_bytes``."""
        if "\n" in rel:  # the batch protocol reads one name a line
            return None
        try:
            reader = self._batch_reader()
            assert reader.stdin is not None and reader.stdout is not None
            reader.stdin.write(f"{rev}:{rel}\n".encode())
            reader.stdin.flush()
            header = reader.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                return None
            size = int(header[2])
            kept = self._read_object(reader.stdout, size, size <= max_bytes)
            return None if kept is None or size > max_bytes else kept.decode("utf-8", errors="replace")
        except (OSError, ValueError):
            return None

    def _batch_reader(self) -> subprocess.Popen[bytes]:
        """The one ``git cat-file --batch`` of this repository, started the first time it is asked for."""
        if self._reader is None:
            self._reader = subprocess.Popen(
                ["git", "-C", str(self.root), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
            weakref.finalize(self, _close, self._reader)
        return self._reader

    def _read_object(self, stdout: IO[bytes], size: int, keep: bool) -> bytes | None:
        """Read an object of ``size`` bytes and the newline after it, to stay in step with the batch; its bytes when
        ``keep`` (a larger old version is read past, never kept), None when git stopped short."""
        remaining, kept = size + 1, bytearray()
        while remaining:
            chunk = stdout.read(min(remaining, 1 << 16))
            if not chunk:
                self._reader = None
                return None
            remaining -= len(chunk)
            if keep:
                kept += chunk
        return bytes(kept[:size])


def _close(reader: subprocess.Popen[bytes]) -> None:
    if reader.stdin is not None:
        reader.stdin.close()
    reader.wait(timeout=10)


@functools.lru_cache(maxsize=4)
def _repository(root: Path, head_mtime: int) -> _Repository:
    """One reader per repository and state of HEAD (its log file changes with every commit and checkout)."""
    return _Repository(root)


# A forked process (lint's workers) starts its own git readers: sharing the parent's pipe would mix two conversations.
os.register_at_fork(after_in_child=_repository.cache_clear)


def _committed_versions(file: Path, max_revisions: int, max_bytes: int = 256 * 1024) -> Iterator[str]:
    """The file's committed versions, newest first, read one at a time so a caller can stop early."""
    path = os.fspath(file)
    try:
        folder, name = os.path.split(os.path.realpath(path) if os.path.islink(path) else os.path.abspath(path))
        place = _place(folder)
        if place is None:
            return
        head = place.head_mtime()
    except OSError:
        return
    rel = place.inside + name
    repository = _repository(place.root, head)
    for rev in repository.commits(rel)[:max_revisions]:
        text = repository.show(rev, rel, max_bytes)
        if text is not None:  # old revisions are as untrusted as the current file
            yield text


def _blocks(text: str, name: str, concept_id: str, codes: tuple[str, str]) -> tuple[ConceptLocale | None, ConceptLocale | None] | None:
    doc, _ = load_text(text, name)
    entry = validate(doc)[0] if doc is not None else None
    if entry is None or not isinstance(entry.model, Concept) or entry.model.id != concept_id:
        return None
    return entry.model.locales.get(codes[0]), entry.model.locales.get(codes[1])


def untracked_stale_fields(file: Path, concept: Concept, locale_code: str, source_locale: str, max_revisions: int = 50) -> dict[str, str]:
    """Untracked translated fields whose source changed since the translation was last written, with that old source.

    A field without a ``translated_from`` hash (as ``new`` leaves it: a placeholder is not a translation) is
    judged against the file's git history: the translation was written against the source text of the oldest
    commit, in the unbroken run back from now, whose translation reads as it does now. A field still a placeholder,
    a translation edited since the last commit, or a file without history gives nothing.
    """
    target, source = concept.locales.get(locale_code), concept.locales.get(source_locale)
    if locale_code == source_locale or target is None or source is None:
        return {}
    pending = _untracked(target, source)
    if not pending:
        return {}
    written = _written_against(file, concept.id, (locale_code, source_locale), (target, source), pending, max_revisions)
    return {name: readable(old) for name, old in written.items() if field_text(source, name) != old and not is_placeholder(old)}


def _untracked(target: ConceptLocale, source: ConceptLocale) -> dict[str, str]:
    """The translated fields with real text and no ``translated_from`` hash, with their text now."""
    return {
        f: field_text(target, f)
        for f in TRACKED_FIELDS
        if f not in target.translated_from
        and has_field(target, f)
        and has_field(source, f)
        and not any(is_placeholder(item) for item in field_text(target, f).split(_ITEM_SEPARATOR))
    }


def _read_now(file: Path) -> str | None:
    """The file's text now, to recognise the committed version equal to it; None when it cannot be read."""
    try:
        return file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _written_against(
    file: Path, concept_id: str, codes: tuple[str, str], blocks_now: tuple[ConceptLocale, ConceptLocale], pending: dict[str, str], max_revisions: int
) -> dict[str, str]:
    """For each pending field, the source text of the oldest commit, in the unbroken run back from now, whose
    translation reads as it does now (``pending`` is emptied as the run breaks for each field)."""
    written: dict[str, str] = {}  # field -> source text of the oldest matching commit seen so far
    now: str | None = None
    for n, text in enumerate(_committed_versions(file, max_revisions)):
        if n == 0:  # the file is read only when git has a version of it: most files without a hash have none
            now = _read_now(file)
        # A version equal to the file now (the usual newest one) needs no parsing: its texts are today's.
        blocks = blocks_now if text == now else _blocks(text, file.name, concept_id, codes)
        old_target, old_source = blocks if blocks is not None else (None, None)
        for name in list(pending):
            if old_target is None or old_source is None or field_text(old_target, name) != pending[name]:
                del pending[name]  # the translation got its present text in the next newer commit (or now)
            else:
                written[name] = field_text(old_source, name)
        if not pending:
            break
    return written


def source_change(file: Path, concept: Concept, locale_code: str, source_locale: str, field: str, context: int | None = None) -> str | None:
    """Word diff of a stale field's source text since it was translated; None when the old text is not in git."""
    target, source = concept.locales.get(locale_code), concept.locales.get(source_locale)
    if target is None or source is None or field not in target.translated_from:
        return None
    old = old_source_text(file, concept.id, field, target.translated_from[field], source_locale)
    return None if old is None else word_diff(old, readable(field_text(source, field)), context)


def stale_report(file: Path, concept: Concept, locale_code: str, source_locale: str) -> str:
    """For each stale field: the word diff of the source since translation, or the current text when the old one is unknown."""
    target, source = concept.locales.get(locale_code), concept.locales.get(source_locale)
    fields = stale_fields(concept, locale_code, source_locale)
    if not fields or target is None or source is None:
        return f"{concept.id}: no stale '{locale_code}' fields\n"
    parts: list[str] = []
    for name in fields:
        diff = source_change(file, concept, locale_code, source_locale, name)
        # Contributor text, shown with its control characters escaped: list items on lines of their own, nothing else.
        if diff is None:
            now = "\n  ".join(escape(item) for item in field_text(source, name).split(_ITEM_SEPARATOR))
            parts.append(f"{name}: the {source_locale} text it was translated from is not in the git history; it is now:\n  {now}")
        else:
            parts.append(f"{name}: {source_locale} text changed since translation:\n  {escape(diff)}")
    return "\n".join(parts) + "\n"


_PLACEHOLDER = re.compile(r"^\s*TODO\b")


def is_placeholder(value: str) -> bool:
    """Whether a text is a scaffold placeholder (starts with ``TODO``) that still has to be written."""
    return bool(_PLACEHOLDER.match(value))
