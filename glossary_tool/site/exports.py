"""What ``glossary-tool build`` makes once and hands every locale build: the downloads and the loaded glossary.

The downloads (every export, each language's status badge) are files and a list of them: every locale shows their
sizes, the first publishes them. The glossary is its documents' fields, so that a build need not parse every file
again (every file holds every language). A build started otherwise makes and loads its own."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
from pathlib import Path
from typing import Any

from glossary_tool.core.config import Settings
from glossary_tool.core.loader import Document
from glossary_tool.core.loading import gc_paused, validate
from glossary_tool.core.model import Glossary
from glossary_tool.site.render.context import Download
from glossary_tool.site.render.downloads import export_files
from glossary_tool.site.render.status import status_badges

EXPORTS_ENV = "GLOSSARY_TOOL_EXPORTS"
LISTING = "downloads.json"  # the list of files in the folder, in the order the pages show them
FILES = "files"
GLOSSARY = "glossary.marshal"  # the documents' path, text and data, in file order


def make(glossary: Glossary, settings: Settings, base: str, jobs: int = 1) -> list[tuple[Download, bytes]]:
    """Every download with its bytes, made by ``jobs`` processes. The exports name concepts by their pages at the
    site's root (``base``), whichever locale the build is for."""
    return [*export_files(glossary, dataclasses.replace(settings, site_url=base), jobs), *status_badges(glossary, settings)]


def write(folder: Path, made: list[tuple[Download, bytes]]) -> None:
    """Write ``made`` into ``folder`` (a new, private one): the files by number, then the list naming them."""
    (folder / FILES).mkdir(parents=True)
    for i, (_, data) in enumerate(made):
        (folder / FILES / str(i)).write_bytes(data)
    listing = [dataclasses.asdict(d) for d, _ in made]
    (folder / LISTING).write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")


def received(with_data: bool) -> list[tuple[Download, bytes]] | None:
    """The downloads ``glossary-tool build`` made for this build (the bytes only ``with_data``), or None when it
    made none: the build then makes its own. A list this version did not write is not used either."""
    folder = os.environ.get(EXPORTS_ENV)
    if not folder:
        return None
    try:
        listing: Any = json.loads((Path(folder) / LISTING).read_text(encoding="utf-8"))
        out = []
        for i, d in enumerate(listing):
            download = Download(str(d["file"]), str(d["fmt"]), tuple(str(c) for c in d["locales"]), int(d["size"]),
                                int(d["omitted"]), str(d["media_type"]))
            data = (Path(folder) / FILES / str(i)).read_bytes() if with_data else b""
            if with_data and len(data) != download.size:
                return None
            out.append((download, data))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return out


def write_glossary(folder: Path, glossary: Glossary) -> None:
    """Write the documents of ``glossary`` (one without errors) into ``folder``, the private one ``write`` filled.

    marshal writes and reads plain strings, lists and dicts several times faster than pickle does models (39 MB in
    0.2 s each way at 1,000 concepts in 24 languages, against 61 MB and 0.6-1.9 s for the pickled glossary). Positions
    are left out: only the first locale's build lints, and it loads the glossary itself."""
    fields = [(d.path, d.text, d.data) for d in glossary.documents]
    try:
        payload = marshal.dumps(fields)
    except ValueError:  # a value marshal cannot write: the builds load the glossary themselves, as before
        return
    (folder / GLOSSARY).write_bytes(payload)


def received_glossary() -> Glossary | None:
    """The glossary ``glossary-tool build`` loaded for this build, validated again; None when it handed none.

    Reading it is safe: the folder is the one the parent made for this build alone (a new private folder, mode 0700,
    build.build_site), it wrote the file there before starting this process, and nothing else is ever read from it;
    the child runs the parent's own interpreter, so the marshal format is the one it wrote. Every document is validated
    here as at loading, so the models are exactly what loading makes of the same data."""
    folder = os.environ.get(EXPORTS_ENV)
    if not folder:
        return None
    # As loading does (gc_paused): the collector's full scans of the growing heap, and later of the glossary that stays
    # for the whole build, would cost more than making it.
    with gc_paused():
        return _glossary(Path(folder) / GLOSSARY)


def _glossary(path: Path) -> Glossary | None:
    try:
        fields: Any = marshal.loads(path.read_bytes())
        docs = tuple(Document(str(name), str(text), dict(data)) for name, text, data in fields)
    except (OSError, ValueError, TypeError, EOFError):
        return None
    entries = []
    for doc in docs:
        entry, problems = validate(doc)
        if problems:  # the parent hands only a glossary without errors: this is not one it wrote
            return None
        if entry is not None:
            entries.append(entry)
    return Glossary(tuple(entries), docs)
