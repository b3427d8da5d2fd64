"""Bytes the concept map adds to each concept page: the repository's glossary, the fixture projects and a generated
glossary of 10,000 concepts (benchmarks/generate.py), rendered without MkDocs (the map is the same in a built page).

Run: .venv/bin/python benchmarks/concept_map_size.py [N]  (N concepts generated; default 10,000)
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from pathlib import Path

from glossary_tool.core.config import load_settings
from glossary_tool.lint import run
from glossary_tool.site.render import render_locale

ROOT = Path(__file__).resolve().parent.parent
MAP = re.compile(r'<div class="glossary-map">.*?</svg></div>', re.S)


def measure(config: Path, locales: list[str] | None = None) -> list[tuple[str, list[int], list[int]]]:
    settings = load_settings(config)
    glossary = run(settings).glossary
    out = []
    for code in locales or settings.locale_codes:
        pages = [p for p in render_locale(glossary, settings, code, site_name="S", site_url="http://h/") if p.src.startswith("terms/")]
        maps = [sum(len(m.encode()) for m in MAP.findall(p.html)) for p in pages]
        out.append((code, maps, [len(p.html.encode()) for p in pages]))
    return out


def report(name: str, rows: list[tuple[str, list[int], list[int]]]) -> None:
    for code, maps, pages in rows:
        drawn = [m for m in maps if m]
        print(
            f"{name:<12} {code:<8} pages {len(maps):>6}  with a map {len(drawn):>6}  map bytes: median {statistics.median(maps):>6.0f}"
            f"  mean {statistics.mean(maps):>6.0f}  max {max(maps):>6}  | page body median {statistics.median(pages):>7.0f}"
            f"  map share of the body {sum(maps) / sum(pages):.1%}"
        )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    report("repository", measure(ROOT / "mkdocs.yml"))
    report("world", measure(ROOT / "tests/fixtures/projects/world/mkdocs.yml", ["en", "ar", "ja"]))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write_glossary

    with tempfile.TemporaryDirectory() as tmp:
        write_glossary(Path(tmp) / "project", n)
        report(f"generated {n}", measure(Path(tmp) / "project" / "mkdocs.yml", ["en"]))


if __name__ == "__main__":
    main()
