"""Live reload under ``glossary-tool serve``: seconds from saving an entry to both languages' pages showing the edit.

For each size, a synthetic glossary (``generate.py``) is served by ``glossary-tool serve`` with the edited concept's
page open in English and in Swedish in Chromium; one save edits both definitions. Medians of ``--runs`` saves.
``--profile N`` instead profiles one rebuild after such a save in this process (cProfile) and prints its top entries;
the rebuild starts where the server's does after the system reports a save, by looking at that file again.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import bench
import generate

_DEFINITION = re.compile(r"(\n    definition: >-\n      )")


def project_of(n: int) -> Path:
    """The synthetic glossary of ``n`` concepts in English and Swedish, generated once into benchmarks/.data."""
    project = bench.DATA / str(n)
    if not (project / "mkdocs.yml").is_file():
        generate.write_glossary(project, n)
    return project


def profile(n: int, top: int) -> str:
    """cProfile of one rebuild after a save at ``n`` concepts (the third save; the first two warm the caches up)."""
    from glossary_tool.core.config import read_config, settings_from_raw
    from glossary_tool.site.serve import Project
    from glossary_tool.site.serve.watching import restat, snapshot

    project = project_of(n)
    raw = read_config(project / "mkdocs.yml")
    served = Project(raw, settings_from_raw(raw), bench.DATA / f"profile-{n}")
    start = time.perf_counter()
    served.full()
    out = [f"full build of both locales: {time.perf_counter() - start:.1f} s"]
    target = project / "content" / "concepts" / f"{bench.middle_concept(project)}.yaml"
    original = target.read_text(encoding="utf-8")
    profiler = cProfile.Profile()
    shown: list[float] = []  # when each rebuild showed the edited pages
    try:
        for i in range(3):
            target.write_text(_DEFINITION.sub(rf"\g<1>Profiled{i} ", original, count=2), encoding="utf-8")
            shown.clear()
            start = time.perf_counter()
            if i == 2:
                profiler.enable()
            # What the server looks at after the system reported the save: that file alone.
            now = restat(served.files, [str(target)], served.watched, [raw.path])
            urls = served.refresh(snapshot(served.watched, [raw.path]) if now is None else now, lambda urls: shown.append(time.perf_counter()))
            profiler.disable()
            first = f"{shown[0] - start:.3f} s to the edited pages, " if shown else ""
            out.append(f"rebuild {i + 1}: {first}{time.perf_counter() - start:.3f} s in all, {len(urls)} page(s)")
    finally:
        target.write_text(original, encoding="utf-8")
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return "\n".join(out) + "\n" + text.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated concept counts")
    parser.add_argument("--runs", type=int, default=3, help="saves per size; the table gives their median")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one rebuild at N concepts instead")
    parser.add_argument(
        "--baseline", type=Path, metavar="SRC", help="also time, after each size, the package in SRC (a folder holding glossary_tool/, e.g. from git archive)"
    )
    parser.add_argument("--baseline-only", action="store_true", help="time only the package in --baseline")
    parser.add_argument("--top", type=int, default=25, help="entries of the profile to print")
    args = parser.parse_args(argv)
    if args.profile:
        print(profile(args.profile, args.top))
        return 0
    rows = [
        "| glossary | pages rebuilt (both languages) | rebuild, as the server times it | to the edited pages' news "
        "| to the whole rebuild's news | to both languages' pages showing the edit in Chromium | runs (browser) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    sides: list[tuple[str, dict[str, str] | None]] = [("", None)]
    if args.baseline:
        sides.append((f" ({args.baseline.name})", {**bench.QUIET, "PYTHONPATH": str(args.baseline.resolve())}))
        sides = sides[1:] if args.baseline_only else sides
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        for label, env in sides:
            print(f"== live reload: {n:,} concepts{label}", file=sys.stderr, flush=True)
            runs = bench.live_reload(project_of(n), args.runs, env)
            med = {k: statistics.median(r[k] for r in runs) for k in ("pages", "rebuild", "first", "server", "browser")}
            each = ", ".join(f"{r['browser']:.2f}" for r in runs)
            rows.append(
                f"| synthetic, {n:,} concepts{label} | {med['pages']:.0f} | {med['rebuild']:.2f} | {med['first']:.2f} | {med['server']:.2f} "
                f"| {med['browser']:.2f} | {each} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
