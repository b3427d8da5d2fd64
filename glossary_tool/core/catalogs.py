"""UI catalogs (``<locales>/<code>/LC_MESSAGES/messages.po``) read as data: each message with where its translation is
written, for the catalog rules; and the check of a translation's placeholders, which rendering relies on too.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from glossary_tool.core.problems import Problem, Severity

MAX_CATALOG_BYTES = 4 * 1024 * 1024
# A Python %-format conversion as gettext strings use them: "%(num)d", "%(size)s", "%s", and "%%" for a percent sign.
CONVERSION = re.compile(r"%(?:\((?P<name>[A-Za-z_][A-Za-z0-9_]*)\))?[-#0 +]*[0-9]*(?:\.[0-9]+)?(?P<type>[diouxXeEfFgGcrsa%])")
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE: Mapping[str, str] = MappingProxyType({"n": "\n", "t": "\t", "r": "\r"})


@dataclass(frozen=True, slots=True)
class CatalogMessage:
    """One message of a catalog: its msgid (and plural), and each line of its translation as written."""

    path: str  # as displayed
    msgid: str
    msgid_plural: str
    translations: tuple[tuple[int, str], ...]  # (line number, the line) of every msgstr line, continuations included

    def problem(self, line: int, column: int, message: str) -> Problem:
        return Problem(self.path, line, column, "", Severity.ERROR, message)


def _unquote(line: str) -> str:
    """The text of one quoted .po line (``msgstr "a\\"b"`` → ``a"b``)."""
    start, end = line.find('"'), line.rfind('"')
    body = line[start + 1 : end] if 0 <= start < end else ""
    return _ESCAPE.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), body)


def text_of(lines: tuple[tuple[int, str], ...]) -> str:
    """The translation the lines spell out (the forms of a plural joined by a NUL)."""
    parts: list[str] = []
    for _, line in lines:
        if line.lstrip().startswith("msgstr") and parts:
            parts.append("\0")
        parts.append(_unquote(line))
    return "".join(parts)


def read_messages(path: Path, shown: str) -> tuple[list[CatalogMessage], list[Problem]]:
    """The messages of one catalog file (the header entry left out); a file that cannot be read is a problem."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        return [], [Problem(shown, 1, 1, "unreadable", Severity.ERROR, f"cannot read this catalog: {exc.strerror or exc}")]
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return [], [Problem(shown, 1, 1, "unreadable", Severity.ERROR, "a catalog must be a regular file")]
        data = fh.read(MAX_CATALOG_BYTES + 1)
    if len(data) > MAX_CATALOG_BYTES:
        return [], [Problem(shown, 1, 1, "file-too-large", Severity.ERROR, f"a catalog of more than {MAX_CATALOG_BYTES} bytes is not read")]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, 1, "encoding", Severity.ERROR, "a catalog must be UTF-8")]
    return list(_messages(text.splitlines(), shown)), []


def _messages(lines: list[str], shown: str) -> Iterator[CatalogMessage]:
    reader = _MessageReader(shown)
    for number, raw in enumerate(lines, 1):
        yield from reader.line(number, raw)
    yield from reader.finish()


class _MessageReader:
    """Collects a PO file's lines into messages: msgid, msgid_plural and every msgstr line with its number."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.parts: dict[str, list[str]] = {"msgid": [], "msgid_plural": []}
        self.translation: list[tuple[int, str]] = []
        self.state = ""  # which part a continuation line ("…") belongs to

    def line(self, number: int, raw: str) -> Iterator[CatalogMessage]:
        line = raw.strip()
        keyword = line.split(" ", 1)[0].split("[", 1)[0]
        if not line:
            yield from self.finish()
            self.state = ""
        elif not line.startswith("#"):  # comments, flags and obsolete messages (#~) are skipped
            yield from self._content(number, raw, line, keyword)

    def _content(self, number: int, raw: str, line: str, keyword: str) -> Iterator[CatalogMessage]:
        if keyword in ("msgid", "msgid_plural"):
            if keyword == "msgid" and self.translation:  # a new message without a blank line before it
                yield from self.finish()
            self.state = keyword
            self.parts[keyword].append(line)
        elif keyword == "msgstr" or (line.startswith('"') and self.state == "msgstr"):
            self.state = "msgstr"
            self.translation.append((number, raw))
        elif line.startswith('"') and self.state in self.parts:
            self.parts[self.state].append(line)

    def finish(self) -> Iterator[CatalogMessage]:
        text = "".join(_unquote(line) for line in self.parts["msgid"])
        if text:  # the header (msgid "") holds no UI string
            plural = "".join(_unquote(line) for line in self.parts["msgid_plural"])
            yield CatalogMessage(self.shown, text, plural, tuple(self.translation))
        self.parts = {"msgid": [], "msgid_plural": []}
        self.translation = []


def catalog_files(locales_dir: Path) -> list[Path]:
    """Every catalog under ``locales_dir``, sorted; nothing is followed out of it (links are read by ``read_messages``,
    which refuses them)."""
    if not locales_dir.is_dir():
        return []
    return sorted(p for p in locales_dir.glob("*/LC_MESSAGES/*.po"))


def conversions(text: str) -> tuple[set[tuple[str, str]], list[int]]:
    """The %-conversions of ``text`` as (name, type) pairs, and the offsets of each ``%`` that starts none."""
    found: set[tuple[str, str]] = set()
    bad: list[int] = []
    i = text.find("%")
    while i >= 0:
        match = CONVERSION.match(text, i)
        if match is None:
            bad.append(i)
            i = text.find("%", i + 1)
            continue
        if match.group("type") != "%":
            found.add((match.group("name") or "", match.group("type")))
        i = text.find("%", match.end())
    return found, bad


def format_problem(msgid: str, msgid_plural: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand in for ``msgid`` when its placeholders are filled in, or None when it can: a
    ``%`` that starts no placeholder, or a placeholder the English text does not have (it would stop the build)."""
    allowed = conversions(msgid)[0] | conversions(msgid_plural)[0]
    for form in translation.split("\0"):
        used, bad = conversions(form)
        if bad:
            return f"a '%' that starts no placeholder at '{form[bad[0] : bad[0] + 6]}'; write a percent sign as %%"
        unknown = sorted(used - allowed)
        if unknown:
            name, kind = unknown[0]
            shown = f"%({name}){kind}" if name else f"%{kind}"
            have = ", ".join(sorted(f"%({n}){k}" if n else f"%{k}" for n, k in allowed)) or "none"
            return f"the placeholder {shown} is not in the English text (which has: {have})"
    return None
