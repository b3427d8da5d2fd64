"""Lint of 50,000 tiny files in every output format: wall time and peak memory of ``glossary-tool lint``.

Run with ``.venv/bin/python benchmarks/lint_many.py [--files N] [--runs N]``. Each run is a fresh process, measured by
a small driver process (so the figure is the command's own peak RSS, not this script's); the table shows medians,
with the CPU time of the command and its parsing processes beside the wall time (the machine may be shared).
Bounds: under 3 s and 200 MB in every format.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXE = Path(sys.executable).with_name("glossary-tool")
MAX_SECONDS, MAX_MB = 3.0, 200.0

# The shapes of tiny file: an entry cut down to its id (one schema problem each), an empty file, and an id with a
# kind (three missing keys each: 150,000 problems for the reporters to write). Not tiny, and so not in the default
# run: a small but complete concept whose link dangles (--shapes "small concept").
TINY = ("id only", "empty", "kind only")
SHAPES: dict[str, Callable[[int], str]] = {
    "id only": lambda i: f"id: t{i}\n",
    "empty": lambda i: "",
    "kind only": lambda i: f"id: t{i}\nkind: concept\n",
    "small concept": lambda i: (
        f"id: t{i}\nkind: concept\ncategory: model\nrelations: {{related: [t{i + 1}x]}}\n"
        "sources: [{title: T}]\nlocales:\n  en:\n    terms: [{text: t" + str(i) + ", type: fullForm, status: preferred}]\n"
        "    definition: A tiny definition.\n"
    ),
}

# A fresh, small driver runs the command and reports RUSAGE_CHILDREN for it alone (a child forked from this script
# would carry this script's own peak in ru_maxrss).
DRIVER = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(proc.returncode, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)
"""


def make(root: Path, files: int, shape: str) -> Path:
    project = root / f"{shape.replace(' ', '-')}-{files}"
    if (project / "content").is_dir() and len(list((project / "content").iterdir())) == files:
        return project
    shutil.rmtree(project, ignore_errors=True)
    content = project / "content"
    for k in range(0, files, 1000):  # folders of 1,000, as a large glossary would be laid out
        folder = content / f"part-{k // 1000:03d}"
        folder.mkdir(parents=True)
        for i in range(k, min(k + 1000, files)):
            (folder / f"t{i}.yaml").write_text(SHAPES[shape](i), encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def measure(project: Path, fmt: str) -> tuple[int, float, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", DRIVER, str(EXE), "--config", str(project / "mkdocs.yml"), "lint", "--format", fmt, str(project / "content")],
        capture_output=True,
        text=True,
        cwd=project,
        check=True,
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2]), float(out[3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shapes", default=",".join(TINY), help="comma-separated: " + ", ".join(SHAPES))
    args = parser.parse_args()
    data = HERE / ".data"
    ok = True
    print(f"{args.files:,} files, median of {args.runs} runs (each format run side by side within a round)")
    print(f"{'shape':<15} {'format':<7} {'exit':>4} {'wall':>8} {'peak RSS':>10} {'CPU (all processes)':>20}")
    for shape in args.shapes.split(","):
        project = make(data, args.files, shape)
        runs: dict[str, list[tuple[int, float, float, float]]] = {fmt: [] for fmt in ("text", "json", "github")}
        for _ in range(args.runs):
            for fmt, results in runs.items():
                results.append(measure(project, fmt))
        for fmt, results in runs.items():
            wall = statistics.median(r[1] for r in results)
            rss = statistics.median(r[2] for r in results)
            ok &= wall < MAX_SECONDS and rss < MAX_MB
            cpu = statistics.median(r[3] for r in results)
            print(f"{shape:<15} {fmt:<7} {results[0][0]:>4} {wall:7.2f} s {rss:7.1f} MB {cpu:17.2f} s")
    print(f"bounds: {MAX_SECONDS} s and {MAX_MB:.0f} MB: {'met' if ok else 'NOT met'} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
