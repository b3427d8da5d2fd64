"""Lint against its parse floor, side by side: in-process and as the command line runs it, at 1,000 and 10,000 concepts.

Run with ``.venv/bin/python benchmarks/lint_ratio.py [--sizes 1000,10000] [--runs 3] [--against OTHER]``. Each run
times, one after the other within the same few seconds, the floor and lint in a fresh interpreter (after their
imports), then a process that only parses the files and ``glossary-tool lint --strict`` (interpreter start, imports
and output included), and with ``--against`` another checkout's ``glossary-tool`` (say, the code before a change) on
the same files. Prints medians and their ratios, and writes this checkout's command-line ratios into recorded.json
(``lint_ratio``), which tests/test_bench_regression.py reads. The commands' CPU time (user and system, their worker
processes included) is printed too: on a machine that other work keeps busy, it compares two checkouts where wall
time cannot.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench  # noqa: E402  (its probes, timing helpers and generated data)
import generate  # noqa: E402

# The floor as a command: start Python, list and parse the same files with PyYAML's C loader, nothing else.
FLOOR_PROCESS = (
    "import pathlib, yaml\n"
    "for p in sorted(pathlib.Path('content').rglob('*')):\n"
    "    if p.suffix in ('.yaml', '.yml'):\n"
    "        yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)
KEYS = ("parse", "lint", "parse_cli", "lint_cli", "parse_cli_cpu", "lint_cli_cpu")


def children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far, theirs included."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(times: dict[str, list[float]], key: str, command: Callable[[], float]) -> None:
    """Run ``command`` (which returns its wall time) and keep its wall time under ``key`` and CPU time under key_cpu."""
    before = children_cpu()
    times[key].append(command())
    times[f"{key}_cpu"].append(children_cpu() - before)


def measure(n: int, runs: int, against: Path | None) -> dict[str, list[float]]:
    project = bench.DATA / f"lint-{n}"
    if not (project / "mkdocs.yml").exists():
        generate.write_glossary(project, n)
    times: dict[str, list[float]] = {k: [] for k in (*KEYS, *(["other_cli", "other_cli_cpu"] if against else []))}
    for r in range(runs):
        times["parse"].append(bench.in_fresh_process("parse", project))
        times["lint"].append(bench.in_fresh_process("lint", project))
        timed(times, "parse_cli", functools.partial(bench.wall, [bench.PY, "-c", FLOOR_PROCESS], cwd=project))
        timed(times, "lint_cli", functools.partial(bench.lint_cli, project))
        if against is not None:
            timed(times, "other_cli", functools.partial(bench.lint_cli, project, against))
        print(f"   {n:,} concepts, run {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated concept counts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout's glossary-tool command, timed in the same runs")
    args = parser.parse_args()
    if args.against is not None and not args.against.is_file():
        parser.error(f"--against: {args.against} is not a file (another checkout's .venv/bin/glossary-tool)")
    rows = {int(s): measure(int(s), args.runs, args.against) for s in args.sizes.split(",") if s.strip()}
    print("\n| concepts | parse floor | lint | lint / floor | floor process | `glossary-tool lint --strict` | CLI / floor process |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios: dict[str, float] = {}
    for n, t in rows.items():
        m = {k: statistics.median(v) for k, v in t.items()}
        ratios[str(n)] = round(m["lint_cli"] / m["parse_cli"], 2)
        print(
            f"| {n:,} | {m['parse']:.2f} | {m['lint']:.2f} | {m['lint'] / m['parse']:.2f}× | {m['parse_cli']:.2f} | "
            f"{m['lint_cli']:.2f} | {m['lint_cli'] / m['parse_cli']:.2f}× |"
        )
    print("\n| concepts | floor process CPU | `glossary-tool lint --strict` CPU | CPU / floor CPU |\n| ---: | ---: | ---: | ---: |")
    for n, t in rows.items():
        floor_cpu, lint_cpu = statistics.median(t["parse_cli_cpu"]), statistics.median(t["lint_cli_cpu"])
        print(f"| {n:,} | {floor_cpu:.2f} | {lint_cpu:.2f} | {lint_cpu / floor_cpu:.2f}× |")
    if args.against is not None:
        print(f"\n| concepts | `{args.against}` | this checkout | this / that | CPU there | CPU here | CPU this / that |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for n, t in rows.items():
            this, that = statistics.median(t["lint_cli"]), statistics.median(t["other_cli"])
            this_cpu, that_cpu = statistics.median(t["lint_cli_cpu"]), statistics.median(t["other_cli_cpu"])
            print(f"| {n:,} | {that:.2f} | {this:.2f} | {this / that:.2f}× | {that_cpu:.2f} | {this_cpu:.2f} | {this_cpu / that_cpu:.2f}× |")
    recorded = json.loads(bench.RECORDED.read_text(encoding="utf-8")) if bench.RECORDED.exists() else {}
    recorded["lint_ratio"] = {**recorded.get("lint_ratio", {}), **ratios}
    recorded["lint_ratio_note"] = (
        f"median `glossary-tool lint --strict` wall time over a process that parses the same files, "
        f"by concept count; written by benchmarks/lint_ratio.py on {time.strftime('%Y-%m-%d')}"
    )
    bench.RECORDED.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
