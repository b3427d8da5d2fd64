"""Scale benchmark: lint and site build of synthetic glossaries against their floors, plus live-reload latency.

Run with ``make bench`` (BENCH_SIZES=100,1000 for a shorter run). Prints tables; writes benchmarks/recorded.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
RECORDED = HERE / "recorded.json"
BIN = Path(sys.executable).parent
PY = sys.executable
SITE_URL = "http://127.0.0.1:8000/"
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material prints a banner about MkDocs 2 otherwise

sys.path.insert(0, str(HERE))
import generate  # noqa: E402

# ---- probes: run in a fresh interpreter, print one figure ----

def probe_lint(project: Path) -> float:
    """Seconds of one lint run in-process (imports done beforehand), the way the CLI calls it."""
    os.chdir(project)
    from glossary_tool.config import load_settings
    from glossary_tool.lint import run
    from glossary_tool.rules import load_all

    load_all()
    settings = load_settings(project / "mkdocs.yml")
    start = time.perf_counter()
    result = run(settings, strict=True)
    elapsed = time.perf_counter() - start
    if result.problems:
        raise SystemExit(f"{project}: the generated glossary does not lint clean: {result.problems[:3]}")
    return elapsed


def probe_parse(project: Path) -> float:
    """Seconds to read and parse the same files with PyYAML's C loader: the floor for lint."""
    import yaml

    files = sorted(p for p in (project / "content").rglob("*") if p.suffix in (".yaml", ".yml"))
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def probe_busy(_: Path) -> float:
    """Seconds of a fixed pure-Python loop: run one alone and two at once to see how much of a second core we get."""
    start = time.perf_counter()
    x = 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - start


PROBES: dict[str, Callable[[Path], float]] = {"lint": probe_lint, "parse": probe_parse, "busy": probe_busy}


def parallel_capacity() -> float:
    """Wall time of two busy loops at once over one alone: 1.0 means two free cores, 2.0 means one (a busy neighbour)."""
    cmd = [PY, __file__, "--probe", "busy", "."]
    one = wall(cmd, cwd=ROOT)
    two = wall(cmd, cmd, cwd=ROOT)
    return two / one


def in_fresh_process(probe: str, project: Path) -> float:
    out = subprocess.run([PY, __file__, "--probe", probe, str(project)], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


# ---- timed commands ----

def wall(*commands: Sequence[str], cwd: Path) -> float:
    """Seconds from starting every command (at once, in parallel) until the last one exits successfully."""
    start = time.perf_counter()
    procs = [subprocess.Popen(list(c), cwd=cwd, env=QUIET, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    for c, p in zip(commands, procs, strict=False):
        _, err = p.communicate()
        if p.returncode:
            raise SystemExit(f"failed: {' '.join(c)}\n{err.decode(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def ours_both(project: Path) -> float:
    return wall([str(BIN / "glossary-tool"), "--config", "mkdocs.yml", "build", "--site-dir", str(project / "site")], cwd=project)


def ours_both_cold(project: Path) -> float:
    """``ours_both`` with Jinja's compiled-template cache emptied first, as on a fresh machine."""
    import jinja2

    jinja2.FileSystemBytecodeCache().clear()  # the same default folder the build uses
    return ours_both(project)


def ours_one(project: Path) -> float:
    # One locale's build, as `glossary-tool build` starts it (glossary_tool/locale_builds.py).
    return wall(["env", "GLOSSARY_TOOL_LOCALE=en", PY, "-m", "glossary_tool.locale_builds", "--config", "mkdocs.yml",
                 "--site-dir", str(project / "site-en"), "--site-url", SITE_URL], cwd=project)


def floor_both(project: Path) -> float:
    return wall(*[[str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "floor" / code / "mkdocs.yml")] for code in ("en", "sv")], cwd=project)


def floor_one(project: Path) -> float:
    return wall([str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "floor" / "en" / "mkdocs.yml")], cwd=project)


def lint_cli(project: Path) -> float:
    return wall([str(BIN / "glossary-tool"), "--config", "mkdocs.yml", "lint", "--strict"], cwd=project)


# ---- sizes ----

def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def largest_html(folder: Path, pattern: str = "*.html") -> tuple[int, str]:
    return max((p.stat().st_size, str(p.relative_to(folder))) for p in folder.rglob(pattern))


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each locale's sharded search index (every file under its search/); "shared" is their sum."""
    en, sv = tree_bytes(site / "search"), tree_bytes(site / "sv" / "search")
    return {"en": en, "sv": sv, "shared": en + sv}


# ---- live reload under `glossary-tool serve` ----

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_latency(project: Path, edits: int) -> list[float]:
    """Seconds from saving an edited entry to 'Reloading browsers', with the edit visible on the served page."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "glossary-tool"), "--config", "mkdocs.yml", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=QUIET, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines: list[tuple[float, str]] = []

    def wait_for(text: str, timeout: float = 600) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = proc.stderr.readline()  # type: ignore[union-attr]
            if not line:
                raise SystemExit("serve exited:\n" + "".join(text for _, text in lines[-30:]))
            lines.append((time.perf_counter(), line))
            if text in line:
                return lines[-1][0]
        raise SystemExit(f"timed out waiting for {text!r}")

    try:
        wait_for("Serving on")
        target = sorted((project / "content" / "concepts").glob("*.yaml"))[len(list((project / "content" / "concepts").glob("*.yaml"))) // 2]
        original = target.read_text(encoding="utf-8")
        times = []
        for i in range(edits):
            marker = f"Edited{i}x{os.getpid()}"
            # Edit the first line of the English definition, as an editor would, and save.
            edited = re.sub(r"(\n  en:\n(?:.*\n)*?    definition: >-\n      )", rf"\g<1>{marker} ", original, count=1)
            time.sleep(1.0)  # let the watcher settle between edits
            start = time.perf_counter()
            target.write_text(edited, encoding="utf-8")
            end = wait_for("Reloading browsers")
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/terms/{target.stem}/", timeout=30).read().decode("utf-8")
            if marker not in page:
                raise SystemExit("the served page does not show the edit")
            times.append(end - start)
        target.write_text(original, encoding="utf-8")
        return times
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def shipped_or_synthetic() -> tuple[str, Path]:
    """A copy of the shipped glossary when it lints clean; otherwise a synthetic one of about 60 concepts."""
    from glossary_tool.config import load_settings
    from glossary_tool.lint import run

    project = DATA / "shipped"
    if project.exists():
        shutil.rmtree(project)
    concepts = list((ROOT / "content" / "concepts").glob("*.yaml"))
    settings = load_settings(ROOT / "mkdocs.yml")
    if concepts and not run(settings, strict=False).errors:
        project.mkdir(parents=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "locales", project / "locales")
        shutil.copytree(ROOT / "content", project / "content")
        return f"shipped content/ ({len(concepts)} concepts)", project
    generate.write_glossary(project, 60)
    return "synthetic, 60 concepts (content/ does not lint clean yet)", project


# ---- the run ----

def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(n: int, runs: int) -> dict[str, Any]:
    project = DATA / str(n)
    print(f"\n== {n} concepts: generating into {project.relative_to(ROOT)}", flush=True)
    concepts = generate.write_glossary(project, n)
    generate.write_floor(project, concepts)
    t: dict[str, list[float]] = {k: [] for k in ("lint", "parse", "lint_cli", "floor_both", "ours_both", "ours_cold", "floor_one", "ours_one", "cores")}
    for r in range(runs):
        t["cores"].append(parallel_capacity())
        # Each pair runs side by side in the same minute, so that a noisy neighbour hits both.
        t["parse"].append(in_fresh_process("parse", project))
        t["lint"].append(in_fresh_process("lint", project))
        t["lint_cli"].append(lint_cli(project))
        t["floor_both"].append(floor_both(project))
        t["ours_cold"].append(ours_both_cold(project))
        t["ours_both"].append(ours_both(project))
        t["floor_one"].append(floor_one(project))
        t["ours_one"].append(ours_one(project))
        print(f"   run {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in t.items()), flush=True)
    site = project / "site"
    floor_sites = [project / "floor-site-en", project / "floor-site-sv"]
    terms = [site / "terms", site / "sv" / "terms"]
    return {
        "n": n, "files": len(list((project / "content").rglob("*.yaml"))), "runs": runs,
        "times": t, "median": {k: median(v) for k, v in t.items()},
        "site_bytes": tree_bytes(site), "floor_bytes": sum(tree_bytes(f) for f in floor_sites),
        "largest_html": largest_html(site), "largest_term_html": max(largest_html(d, "index.html") for d in terms),
        "floor_largest_html": max(largest_html(f) for f in floor_sites),
        "index": index_sizes(site),
    }


def table(rows: list[dict[str, Any]], serve: list[tuple[str, list[float]]]) -> str:
    out = []
    out.append("Lint (medians, seconds; lint and parse are timed in-process in a fresh interpreter, CLI is wall time)\n")
    out.append("| concepts | files | lint | parse floor | lint / floor | `glossary-tool lint` (CLI) |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        m = r["median"]
        out.append(f"| {r['n']:,} | {r['files']:,} | {m['lint']:.2f} | {m['parse']:.2f} | {m['lint'] / m['parse']:.2f}× | {m['lint_cli']:.2f} |")
    out.append("\nSite build (medians, seconds, wall time of the whole command)\n")
    out.append("| concepts | ours, en+sv | floor, en+sv | ratio | ours, en+sv, no template cache | ratio | ours, en only | floor, en only | ratio | ours en+sv / en | floor en+sv / en | two busy loops / one |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        m = r["median"]
        out.append(f"| {r['n']:,} | {m['ours_both']:.1f} | {m['floor_both']:.1f} | {m['ours_both'] / m['floor_both']:.2f}× | "
                   f"{m['ours_cold']:.1f} | {m['ours_cold'] / m['floor_both']:.2f}× | "
                   f"{m['ours_one']:.1f} | {m['floor_one']:.1f} | {m['ours_one'] / m['floor_one']:.2f}× | "
                   f"{m['ours_both'] / m['ours_one']:.2f}× | {m['floor_both'] / m['floor_one']:.2f}× | {m['cores']:.2f}× |")
    out.append("\nOutput (both locales)\n")
    out.append("| concepts | site | floor site | largest HTML page | largest term page | floor's largest page | search en | search sv | shared | en / shared | sv / shared |")
    out.append("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        ix = r["index"]
        size, page = r["largest_html"]
        out.append(f"| {r['n']:,} | {r['site_bytes'] / 1e6:.1f} MB | {r['floor_bytes'] / 1e6:.1f} MB | {size / 1e3:.0f} KB ({page}) | "
                   f"{r['largest_term_html'][0] / 1e3:.0f} KB | {r['floor_largest_html'][0] / 1e3:.0f} KB | {ix['en'] / 1e6:.2f} MB | "
                   f"{ix['sv'] / 1e6:.2f} MB | {ix['shared'] / 1e6:.2f} MB | {ix['en'] / ix['shared']:.2f} | {ix['sv'] / ix['shared']:.2f} |")
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        a, b = by_n[1000], by_n[10000]
        growth = {k: b["median"][k] / a["median"][k] for k in ("lint", "ours_both", "ours_one")}
        out.append(f"\nGrowth from 1,000 to 10,000 concepts (10× the work): lint {growth['lint']:.1f}×, "
                   f"build en+sv {growth['ours_both']:.1f}×, build en {growth['ours_one']:.1f}×, "
                   f"site size {b['site_bytes'] / a['site_bytes']:.1f}×, largest term page {b['largest_term_html'][0] / a['largest_term_html'][0]:.2f}×, "
                   f"largest page {b['largest_html'][0] / a['largest_html'][0]:.1f}×")
    if serve:
        out.append("\nLive reload under `glossary-tool serve` (seconds from saving an edited entry to \"Reloading browsers\")\n")
        out.append("| glossary | median | runs |")
        out.append("| --- | ---: | --- |")
        for name, times in serve:
            out.append(f"| {name} | {median(times):.2f} | {', '.join(f'{x:.2f}' for x in times)} |")
    return "\n".join(out)


def machine() -> dict[str, str]:
    import material
    import mkdocs

    cpu = next((row.split(":", 1)[1].strip() for row in Path("/proc/cpuinfo").read_text().splitlines() if row.startswith("model name")), "?")
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "python": sys.version.split()[0],
            "mkdocs": mkdocs.__version__, "material": material.__version__ if hasattr(material, "__version__") else "?"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000,10000"), help="comma-separated concept counts")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--serve-edits", type=int, default=int(os.environ.get("BENCH_SERVE_EDITS", "3")), help="0 skips the live-reload part")
    parser.add_argument("--probe", choices=sorted(PROBES), help=argparse.SUPPRESS)
    parser.add_argument("project", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(f"{PROBES[args.probe](args.project):.6f}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    info = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    rows = [measure(n, args.runs) for n in sizes]
    serve: list[tuple[str, list[float]]] = []
    if args.serve_edits:
        name, project = shipped_or_synthetic()
        print(f"\n== live reload: {name}", flush=True)
        serve.append((name, serve_latency(project, args.serve_edits)))
        if 1000 in sizes:
            print("\n== live reload: 1,000 concepts", flush=True)
            serve.append(("synthetic, 1,000 concepts", serve_latency(DATA / "1000", args.serve_edits)))
    text = table(rows, serve)
    print("\n" + text)
    DATA.mkdir(exist_ok=True)
    (DATA / "results.md").write_text(text + "\n", encoding="utf-8")
    (DATA / "results.json").write_text(json.dumps({"machine": info, "rows": rows, "serve": serve}, indent=1), encoding="utf-8")
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n:  # the figure the regression test in tests/test_bench_regression.py compares against
        recorded = {"lint_1000_seconds": round(by_n[1000]["median"]["lint"], 3), "machine": info,
                    "note": "median in-process lint of the generated 1,000-concept glossary; written by `make bench`"}
        RECORDED.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {RECORDED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
