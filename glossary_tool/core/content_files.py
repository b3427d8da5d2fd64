"""What a content folder holds, listed without opening or following anything: the entry files to parse, and every
other name (images, the schema, links, special files) as a ``ContentFile`` for the content-folder rules to judge.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from glossary_tool.core.problems import FatalError, Problem, Severity
from glossary_tool.core.terminal import UNSAFE, display_path, escape

if TYPE_CHECKING:
    from glossary_tool.core.config import Settings

ENTRY_SUFFIXES = (".yaml", ".yml")
# Raster images, each with the signature its first bytes must start with (the kinds browsers show as images).
MEDIA_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and "WEBP" at offset 8 (the unexpected-file rule checks both)
    ".avif": (),  # an ISO media file: "ftyp" at offset 4 (checked by the unexpected-file rule)
}
SIGNATURE_BYTES = 16
# What git keeps in a folder (a content folder may be a repository of its own): never entered, parsed or published.
HOUSEKEEPING = frozenset({".git", ".gitkeep", ".gitignore", ".gitattributes"})

Kind = Literal[
    "file", "folder", "link-outside", "link-folder", "link-loop", "link-broken", "link-unreadable", "fifo", "socket", "device", "unknown", "unreadable"
]


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One name found in the content folder that is not an entry file to parse, as ``os.lstat`` saw it.

    ``head`` holds the first bytes of a regular file with a media suffix (read without following links);
    ``detail`` is where a link points, or why a name could not be examined."""

    path: str  # as displayed
    kind: Kind
    name: str
    detail: str = ""
    head: bytes = b""
    expected: bool = False  # the project's schema file


@dataclass(frozen=True, slots=True)
class Listing:
    """What a content folder holds: the entry files to parse, and every other name for the content-folder rules."""

    entries: list[str]  # paths as found (str: 50,000 Path objects cost a third of a second)
    others: list[ContentFile]


_SPECIAL_KINDS: Mapping[int, Kind] = MappingProxyType({stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket", stat.S_IFCHR: "device", stat.S_IFBLK: "device"})


def _special_kind(mode: int) -> Kind:
    return _SPECIAL_KINDS.get(stat.S_IFMT(mode), "unknown")


def _head(path: str) -> bytes:
    """The first bytes of a regular file, for its signature; never blocks on a pipe, never follows a last link."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError:
        return b""
    try:
        return os.read(fd, SIGNATURE_BYTES) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


class _Walk:
    """One listing under way: entries by path components (the order Path objects sort in), other names likewise."""

    def __init__(self, schema: Path | None) -> None:
        self.entries: dict[tuple[str, ...], str] = {}
        self.others: dict[tuple[str, ...], ContentFile] = {}
        self.schema = os.path.realpath(schema) if schema is not None else None

    def other(self, path: str, key: tuple[str, ...], kind: Kind, detail: str = "", real: str | None = None) -> None:
        name = key[-1]
        head = _head(real or path) if kind == "file" and os.path.splitext(name)[1].lower() in MEDIA_SIGNATURES else b""
        expected = kind == "file" and self.schema is not None and os.path.realpath(real or path) == self.schema
        self.others[key] = ContentFile(display_path(path), kind, name, detail, head, expected)

    def file(self, path: str, key: tuple[str, ...], real: str | None = None) -> None:
        """A regular file (or a link to one inside the folder): an entry when its name says so."""
        if key[-1].endswith(ENTRY_SUFFIXES):
            self.entries[key] = path
            if UNSAFE.search(key[-1]):  # read all the same; the name is reported
                self.other(path, key, "file")
        else:
            self.other(path, key, "file", real=real)

    def link(self, path: str, key: tuple[str, ...], boundary: str) -> None:
        """A symbolic link: examined with lstat and readlink only; followed only to a regular file inside ``boundary``."""
        try:
            real = os.path.realpath(path, strict=True)
        except OSError as exc:
            self.unresolved(path, key, exc)
            return
        if real != boundary and not real.startswith(boundary.rstrip(os.sep) + os.sep):
            self.other(path, key, "link-outside", _readlink(path))
            return
        try:
            mode = os.stat(real).st_mode
        except OSError as exc:
            self.other(path, key, "link-unreadable", exc.strerror or str(exc))
            return
        if stat.S_ISDIR(mode):
            self.other(path, key, "link-folder", _readlink(path))
        elif stat.S_ISREG(mode):
            self.file(path, key, real)
        else:
            self.other(path, key, _special_kind(mode))

    def unresolved(self, path: str, key: tuple[str, ...], exc: OSError) -> None:
        """A link that does not lead to a file: a loop, a broken link, or one that cannot be read."""
        if exc.errno == errno.ELOOP:
            self.other(path, key, "link-loop")
        elif isinstance(exc, FileNotFoundError):
            self.other(path, key, "link-broken", _readlink(path))
        else:
            self.other(path, key, "link-unreadable", exc.strerror or str(exc))

    def folder(self, root: Path) -> None:
        """Everything under ``root``, without following links: ``os.scandir`` knows each name's type from the folder
        listing itself, so neither the walk nor a special file costs a ``stat()``, and nothing is ever opened."""
        boundary = os.path.realpath(root)
        stack = [(str(root), root.parts)]
        while stack:
            base, parts = stack.pop()
            try:
                with os.scandir(base) as found:
                    items = list(found)
            except OSError as exc:
                self.other(base, parts, "unreadable", exc.strerror or str(exc))
                continue
            for item in items:
                path = f"{base}/{item.name}" if base != "/" else f"/{item.name}"
                key = (*parts, item.name)
                try:
                    if self.item(item, path, key, boundary):
                        stack.append((path, key))
                except OSError as exc:  # vanished or unreadable meanwhile
                    self.other(path, key, "unreadable", exc.strerror or str(exc))

    def item(self, item: os.DirEntry[str], path: str, key: tuple[str, ...], boundary: str) -> bool:
        """Record one name of a folder listing; True for a folder to walk into."""
        if item.is_symlink():
            self.link(path, key, boundary)
        elif item.is_dir(follow_symlinks=False):
            if not item.name.startswith(".") and not UNSAFE.search(item.name):
                return True
            self.other(path, key, "folder")  # not entered: nothing in it is read
        elif item.is_file(follow_symlinks=False):
            self.file(path, key)
        else:
            self.other(path, key, _special_kind(item.stat(follow_symlinks=False).st_mode))
        return False

    def named(self, path: Path) -> None:
        """A path named on the command line: followed if it is a link (the user chose it), never opened here."""
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            raise FatalError(f"{escape(str(path))}: no such file or folder") from None
        except OSError as exc:
            raise FatalError(f"{escape(str(path))}: cannot be examined: {exc.strerror or exc}") from None
        if stat.S_ISDIR(mode):
            self.folder(path)
        elif stat.S_ISREG(mode):
            self.file(str(path), path.parts)
        else:
            self.other(str(path), path.parts, _special_kind(mode))


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def list_content(paths: Sequence[Path], settings: Settings | None = None) -> Listing:
    """Every name under ``paths``, sorted: the entry files to parse, and the rest (for the content-folder rules).

    Nothing is opened but the first bytes of image files, and no link is followed out of the folder it is in."""
    walk = _Walk(settings.schema_path if settings is not None else None)
    for path in paths:
        walk.named(Path(path))
    return Listing([walk.entries[key] for key in sorted(walk.entries)], [walk.others[key] for key in sorted(walk.others)])


def discover(paths: Sequence[Path]) -> list[Path]:
    """Entry files under ``paths``, sorted for deterministic output; links out of the folder and special files are left out."""
    return [Path(p) for p in list_content(paths).entries]


def unreadable(items: Sequence[ContentFile]) -> list[Problem]:
    """A folder that cannot be listed, a name that vanished while it was looked at: the loader's ``unreadable`` rule."""
    return [Problem(item.path, 1, 1, "unreadable", Severity.ERROR, f"cannot be examined: {item.detail}") for item in items if item.kind == "unreadable"]
