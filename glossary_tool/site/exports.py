"""The site's downloads (every export and each language's status badge), made once per build.

``glossary-tool build`` makes them before the locale builds start and hands each build a folder with the files and a
list of them: every locale shows their sizes, the first publishes them. A build started otherwise makes its own."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Glossary
from glossary_tool.site.render.context import Download
from glossary_tool.site.render.downloads import export_files
from glossary_tool.site.render.status import status_badges

EXPORTS_ENV = "GLOSSARY_TOOL_EXPORTS"
LISTING = "downloads.json"  # the list of files in the folder, in the order the pages show them
FILES = "files"


def make(glossary: Glossary, settings: Settings, base: str) -> list[tuple[Download, bytes]]:
    """Every download with its bytes. The exports name concepts by their pages at the site's root (``base``),
    whichever locale the build is for."""
    return [*export_files(glossary, dataclasses.replace(settings, site_url=base)), *status_badges(glossary, settings)]


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
