"""Rules about the content folder itself: it holds entries, the schema and a few kinds of image, nothing else.

Loading lists the folder without opening or following anything (``core/content_files.py``); these rules judge each name
it found besides the entries. Like the loader's own checks they always stop the build, so they are always errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from glossary_tool.core.content_files import ENTRY_SUFFIXES, HOUSEKEEPING, MEDIA_SIGNATURES, ContentFile
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terminal import UNSAFE
from glossary_tool.lint.rules.registry import rule


def _problem(item: ContentFile, message: str) -> Problem:
    return Problem(item.path, 1, 1, "", Severity.ERROR, message)


def _bad_name(name: str) -> str | None:
    found = UNSAFE.search(name)
    if found is None:
        return None
    code = ord(found.group())
    # A name that is not UTF-8 reaches Python with each bad byte as a surrogate U+DC80..U+DCFF.
    return f"byte 0x{code - 0xDC00:02X}, which is not UTF-8" if 0xDC80 <= code <= 0xDCFF else f"invisible or control character U+{code:04X}"


def media_problem(suffix: str, head: bytes) -> str | None:
    """Why ``head`` is not the start of an image of the kind ``suffix`` names, or None when it is."""
    if suffix == ".webp":
        ok = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    elif suffix == ".avif":
        ok = head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    else:
        ok = any(head.startswith(sig) for sig in MEDIA_SIGNATURES[suffix])
    return None if ok else f"its content is not a {suffix[1:].upper()} image"


@rule("unexpected-file", scope="content")
def unexpected_file(item: ContentFile) -> Iterator[Problem]:
    """The content folder holds only entries, the project's schema and raster images.

    Passes: ``*.yaml`` and ``*.yml`` entries, the schema file (``schema_file``), ``.png``, ``.jpg``, ``.jpeg``,
    ``.gif``, ``.webp`` and ``.avif`` files that start like one, and git's ``.git``, ``.gitkeep`` and ``.gitignore``.
    Fails: anything else, such as ``.md``, ``.html``, ``.htm``, ``.xhtml``, ``.js`` or ``.svg`` (SVG can carry
    script; convert it to PNG), a ``.png`` that is really HTML, a hidden folder, and a name with a control or
    invisible character. Nothing in the content folder is published except the pages made from its entries.
    """
    bad = _bad_name(item.name)
    if bad:
        yield _problem(item, f"the name contains the {bad}; rename it")
        return
    if item.kind == "folder" and item.name not in HOUSEKEEPING:
        yield _problem(item, "a hidden folder in the content folder; entries live in ordinary folders (delete or move it)")
        return
    if item.kind != "file" or item.expected or item.name in HOUSEKEEPING:
        return
    why = _unexpected(item)
    if why:
        yield _problem(item, why)


def _unexpected(item: ContentFile) -> str | None:
    """Why a file that is neither expected nor git's own does not belong, by its name and first bytes; None when it does."""
    suffix = Path(item.name).suffix.lower()
    if item.name.startswith(".") and item.name.endswith(".tmp"):
        return "a temporary file left by an interrupted write; the entry it belonged to is intact, delete it"
    if suffix == ".svg":
        return "SVG images can carry script (onload, <script>) and are not accepted; convert it to PNG"
    if suffix in MEDIA_SIGNATURES:
        why = media_problem(suffix, item.head)
        return f"{why}; save it in the format its name says" if why else None
    if item.name.endswith(ENTRY_SUFFIXES):
        return None  # an entry, listed here only for its name; it is read and its own rules apply
    if suffix in ENTRY_SUFFIXES:
        return f"entry files end in lowercase {suffix}; rename it, or it is not read"
    shown = f"'{suffix}' files" if suffix else "files without a suffix"
    return f"{shown} do not belong in the content folder, which holds entries (*.yaml) and raster images; move or delete it"


@rule("symlink", scope="content")
def symlink(item: ContentFile) -> Iterator[Problem]:
    """Symbolic links stay inside the content folder and point at a file.

    Passes: a link to an entry elsewhere in the content folder. Fails: a link that points outside the content
    folder (``/etc``, ``/proc/self/environ``, ``../../secrets``), at a folder, at nothing, or into a loop of links.
    Such a link is reported at its own path; it is never opened or followed.
    """
    messages = {
        "link-outside": "a symbolic link to {detail}, outside the content folder; it is not read (copy the file in instead)",
        "link-folder": "a symbolic link to a folder ({detail}); entries are read from real folders only",
        "link-loop": "a symbolic link that loops back on itself; delete it",
        "link-broken": "a symbolic link to {detail}, which does not exist; delete it",
        "link-unreadable": "a symbolic link that cannot be followed ({detail}); delete it",
    }
    if item.kind in messages:
        yield _problem(item, messages[item.kind].format(detail=item.detail))


@rule("special-file", scope="content")
def special_file(item: ContentFile) -> Iterator[Problem]:
    """Everything in the content folder is a regular file or a folder.

    Passes: files and folders. Fails: a named pipe (FIFO), a socket, a device, or a link to one, which would
    block or read endlessly. It is never opened.
    """
    messages = {
        "fifo": "a named pipe (FIFO), not a file; it is not read (delete it)",
        "socket": "a socket, not a file; it is not read (delete it)",
        "device": "a device, not a file; it is not read (delete it)",
        "unknown": "neither a file nor a folder; it is not read (delete it)",
    }
    if item.kind in messages:
        yield _problem(item, messages[item.kind].format(detail=item.detail))
