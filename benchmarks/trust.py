"""What an untrusted build costs: the allow-list check of mkdocs.yml, and a whole build trusted and untrusted.

Run with ``.venv/bin/python benchmarks/trust.py [--runs N]``. Builds the repository's glossary (mkdocs.yml, content/,
locales/ copied to a temporary folder) with ``glossary-tool build`` and ``glossary-tool build --untrusted`` in turn,
N times each, and prints the medians side by side; the untrusted build also scans its pages (scan-site), which is
timed on its own too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary_tool.core.config import read_config, settings_from_raw  # noqa: E402
from glossary_tool.core.trust import build_problems, untrusted_problems  # noqa: E402
from glossary_tool.site.scan import scan_site  # noqa: E402

EXE = Path(sys.executable).with_name("glossary-tool")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    raw = read_config(ROOT / "mkdocs.yml")
    settings = settings_from_raw(raw)
    checks = []
    for _ in range(max(args.runs, 20)):
        start = time.perf_counter()
        assert untrusted_problems(raw) == [] and build_problems(raw, settings) == []
        checks.append(time.perf_counter() - start)
    print(f"check of mkdocs.yml (allow-list and every-build checks): median {statistics.median(checks) * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for name in ("content", "locales"):
            shutil.copytree(ROOT / name, project / name)
        timed([str(EXE), "build"], project)  # warm the template and bytecode caches
        trusted, untrusted, scans = [], [], []
        for _ in range(args.runs):  # interleaved, so that a change in the machine's load affects both alike
            trusted.append(timed([str(EXE), "build", "--no-cache"], project))  # from nothing, as an untrusted build is
            untrusted.append(timed([str(EXE), "build", "--untrusted"], project))
            start = time.perf_counter()
            assert scan_site(project / "site") == []
            scans.append(time.perf_counter() - start)
    t, u, s = statistics.median(trusted), statistics.median(untrusted), statistics.median(scans)
    print(f"glossary-tool build:             median {t:.2f} s of {args.runs}")
    print(f"glossary-tool build --untrusted: median {u:.2f} s of {args.runs} ({u / t:.2f}× the trusted build)")
    print(f"of which the scan of the pages:  median {s:.2f} s")


if __name__ == "__main__":
    main()
