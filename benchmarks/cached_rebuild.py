"""The build cache's benchmark: a clean build, then a rebuild after a one-entry edit, at each size, medians of runs.

Run: ``.venv/bin/python benchmarks/cached_rebuild.py --sizes 1000,10000 --runs 3 [--against OTHER]``. Each run edits a
different entry's English definition in a generated glossary (benchmarks/generate.py) and times ``glossary-tool build``
with the cache against ``glossary-tool build --no-cache`` on the same edit, one after the other; with ``--against``,
also another checkout's ``glossary-tool`` (say, the code before a change) rebuilding its own copy of the project, with
its own cache, after the same edit. It prints a Markdown table and JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOL = str(ROOT / ".venv" / "bin" / "glossary-tool")
RECORDED = HERE / "recorded.json"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "GLOSSARY_TOOL_UNTRUSTED": ""}
sys.path.insert(0, str(HERE))


def build(project: Path, *flags: str, tool: str = TOOL) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, the build and every process it started) of one build: on a
    shared machine the CPU time is the steadier figure."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([tool, "build", "-q", *flags], check=False, cwd=project, env=ENV, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit(project: Path, run: int) -> None:
    """One entry's English definition, changed: a different entry each run, so each rebuild has something to redo."""
    entries = sorted((project / "content" / "concepts").glob("*.yaml"))
    path = entries[(run * 7919) % len(entries)]
    text = path.read_text(encoding="utf-8")
    edited = text.replace("    definition: ", f"    definition: Edited {run}, ", 1)
    assert edited != text, path
    path.write_text(edited, encoding="utf-8")


def measure(n: int, runs: int, data: Path, against: Path | None = None) -> dict[str, float]:
    from generate import write_glossary

    project, other = data / f"cache-{n}", data / f"cache-{n}-other"
    write_glossary(project, n)
    first, _ = build(project)  # fills the cache
    if against is not None:  # the same glossary, with a cache of its own: each build prunes what it did not use
        shutil.rmtree(other, ignore_errors=True)
        shutil.copytree(project, other, ignore=shutil.ignore_patterns(".glossary-cache", "site"))
        build(other, tool=str(against))
    cached, nocache, theirs = [], [], []
    for run in range(runs):
        edit(project, run)
        cached.append(build(project))
        if against is not None:
            edit(other, run)
            theirs.append(build(other, tool=str(against)))
        nocache.append(build(project, "--no-cache"))

    def med(values: list[tuple[float, float]], i: int) -> float:
        return round(statistics.median(v[i] for v in values), 2)

    return {
        "concepts": n,
        "first_build_s": round(first, 2),
        "clean_build_s": med(nocache, 0),
        "cached_rebuild_s": med(cached, 0),
        "clean_build_cpu_s": med(nocache, 1),
        "cached_rebuild_cpu_s": med(cached, 1),
        "ratio": round(med(cached, 0) / med(nocache, 0), 2),
        "cpu_ratio": round(med(cached, 1) / med(nocache, 1), 2),
        **(
            {
                "other_cached_rebuild_s": med(theirs, 0),
                "other_cached_rebuild_cpu_s": med(theirs, 1),
                "against_ratio": round(med(cached, 0) / med(theirs, 0), 2),
                "against_cpu_ratio": round(med(cached, 1) / med(theirs, 1), 2),
            }
            if theirs
            else {}
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--record", action="store_true", help="write the figures into benchmarks/recorded.json")
    parser.add_argument("--against", type=Path, help="another checkout's glossary-tool command, timed after the same edits")
    args = parser.parse_args()
    if args.against is not None and not args.against.is_file():
        parser.error(f"--against: {args.against} is not a file (another checkout's .venv/bin/glossary-tool)")
    rows = [measure(int(n), args.runs, args.data, args.against) for n in args.sizes.split(",")]
    print("| concepts | clean build (--no-cache), wall / CPU | rebuild after a one-entry edit (cache), wall / CPU | ratio, wall / CPU |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['concepts']:,} | {r['clean_build_s']:.1f} s / {r['clean_build_cpu_s']:.1f} s | {r['cached_rebuild_s']:.1f} s / "
            f"{r['cached_rebuild_cpu_s']:.1f} s | {r['ratio']:.2f} / {r['cpu_ratio']:.2f} |"
        )
    if args.against is not None:
        print("\n| concepts | cached rebuild, this checkout, wall / CPU | the other checkout, wall / CPU | this / other, wall / CPU |")
        print("|---:|---:|---:|---:|")
        for r in rows:
            print(
                f"| {r['concepts']:,} | {r['cached_rebuild_s']:.1f} s / {r['cached_rebuild_cpu_s']:.1f} s | {r['other_cached_rebuild_s']:.1f} s / "
                f"{r['other_cached_rebuild_cpu_s']:.1f} s | {r['against_ratio']:.2f} / {r['against_cpu_ratio']:.2f} |"
            )
    print(json.dumps(rows))
    if args.record:  # the figures tests/test_bench_regression.py guards
        recorded = json.loads(RECORDED.read_text(encoding="utf-8")) if RECORDED.is_file() else {}
        # Sizes not measured in this run keep their last figures: `--sizes 10000` must not drop the 1,000 row.
        recorded["cached_rebuild"] = {**recorded.get("cached_rebuild", {}), **{str(r["concepts"]): r for r in rows}}
        RECORDED.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
