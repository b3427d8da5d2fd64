"""The glossary's terms for ``check``, kept between runs in the user's cache folder.

Loading and validating 10,000 entries takes longer than checking 1,000 pages, and a pre-commit hook runs on every
commit: the terms (concept, language, text, status) are kept in a JSON file, used again while every entry file has
the same size and modification time and the settings are the same. The file holds data only (no pickle), is checked
as it is read, and anything wrong with it (missing, unreadable, another version, another shape) means a fresh load.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from glossary_tool.check.shared import Concept, Settings, discover, load_glossary, version
from glossary_tool.check.terms import TermRecord

FORMAT = 1


def cache_folder() -> Path:
    """Where the user's caches go: ``$XDG_CACHE_HOME/glossary-tool/check``, by default under ``~/.cache``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary-tool" / "check"


def glossary_terms(settings: Settings, folder: Path | None) -> tuple[list[TermRecord], int]:
    """Every term of the glossary and how many errors loading it found, from the cache when it is current."""
    if folder is None:
        return _load(settings)
    key = hashlib.sha256(repr((version, settings)).encode("utf-8", "surrogatepass")).hexdigest()[:40]
    path = folder / f"{key}.json"
    stamps = _stamps(settings)
    cached = _read(path, stamps)
    if cached is not None:
        return cached
    records, errors = _load(settings)
    _write(path, {"format": FORMAT, "stamps": stamps, "errors": errors, "terms": records})
    return records, errors


def _load(settings: Settings) -> tuple[list[TermRecord], int]:
    glossary, problems = load_glossary(settings)
    records: list[TermRecord] = []
    for entry in glossary.entries:
        model = entry.model
        if isinstance(model, Concept):
            records.extend((model.id, code, t.text, t.status) for code, block in model.locales.items() for t in block.terms)
    return records, sum(p.severity.value == "error" for p in problems)


def _stamps(settings: Settings) -> list[list[Any]]:
    out: list[list[Any]] = []
    for path in discover([settings.content_dir]):
        try:
            info = os.stat(path)
        except OSError:
            continue
        out.append([os.fsdecode(path), info.st_size, info.st_mtime_ns])
    return out


def _read(path: Path, stamps: list[list[Any]]) -> tuple[list[TermRecord], int] | None:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("stamps") != stamps or not isinstance(data.get("errors"), int):
        return None
    terms = data.get("terms")
    if not isinstance(terms, list) or not all(_is_record(t) for t in terms):
        return None
    return [(t[0], t[1], t[2], t[3]) for t in terms], data["errors"]


def _is_record(value: Any) -> bool:
    """Whether a cached value has a term record's shape: four strings."""
    return isinstance(value, list) and len(value) == 4 and all(isinstance(v, str) for v in value)


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write the cache whole or not at all; a cache that cannot be written (no home, a read-only disk) is no cache."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".terms-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
