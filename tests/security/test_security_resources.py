"""Resource bounds: very deep nesting, alias bombs and a 100 MB file each end in a clear error, fast and small.

Each case runs in its own process (a libyaml crash cannot take pytest down), measured for CPU time and peak RSS. "Fast"
is against the same command on a one-line file, measured in the same run: CPU seconds, which a busy machine barely
changes, and a multiple that leaves start-up room but not the seconds or minutes an expanded alias bomb would take.
"""

from __future__ import annotations

import signal
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from security_helpers import Measured, measure, summary

from glossary_tool.core.loader import HAS_C_LOADER, Impl

MAX_CPU_FACTOR = 10  # × the same command's CPU time on a one-line file (the cases take 1 to 3× here)
MAX_RSS_MB = 200
SIZE_50K = 50_000


def _billion_laughs() -> str:
    # Nine levels of nine aliases: about 10**9 copies of "lol" (3 GB) if anything expanded it.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        name, prev = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _block_mappings() -> str:
    # Block mappings need one more space of indent per level, so 50 KB holds ~300 levels.
    out: list[str] = []
    depth = 0
    while sum(len(line) for line in out) + depth + 3 <= SIZE_50K:
        out.append(" " * depth + "k:\n")
        depth += 1
    return "".join(out)


CASES: dict[str, tuple[str, str]] = {  # name → (text, rule the loader must report)
    "flow-seq-30000-deep": ("[" * 30_000 + "]" * (SIZE_50K - 30_000), "yaml-depth"),
    "flow-map-12500-deep": ("{a: " * (SIZE_50K // 4), "yaml-depth"),
    "flow-mixed-20000-deep": ("[{a: " * (SIZE_50K // 5), "yaml-depth"),
    "block-seq-25000-deep": ("- " * (SIZE_50K // 2), "yaml-depth"),
    "block-map-deep": (_block_mappings(), "yaml-depth"),
    "billion-laughs": (_billion_laughs(), "yaml-anchor"),
    "aliases-only": ("a: [" + ",".join(["*x"] * 10_000) + "]\n", "yaml-alias"),
}
HUNDRED_MB = 100 * 1024 * 1024

LOAD = r"""
import sys
from pathlib import Path
from glossary_tool.core.loader import load_file
doc, problems = load_file(Path(sys.argv[1]), impl=sys.argv[2])
assert doc is None and problems, "expected a problem"
for p in problems:
    print(f"{p.line}:{p.column}: {p.message} [{p.rule}]")
"""


IMPLS = ["python", pytest.param("c", marks=pytest.mark.skipif(not HAS_C_LOADER, reason="PyYAML built without libyaml"))]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bounds")
    out = {}
    for name, (text, _) in CASES.items():
        out[name] = root / f"{name}.yaml"
        out[name].write_text(text, encoding="utf-8")
    big = root / "hundred-mb.yaml"
    with open(big, "wb") as fh:  # real bytes, a valid-looking entry repeated, not a sparse file
        chunk = b"id: kpo\nkind: concept\nnotes:\n" + b"  - A long note that goes on and on.\n" * 29_000
        while fh.tell() < HUNDRED_MB:
            fh.write(chunk)
    out["hundred-mb"] = big
    # glossary-tool reads its settings from mkdocs.yml in the working folder
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "content").mkdir()
    return out


EXPECTED = {name: rule for name, (_, rule) in CASES.items()} | {"hundred-mb": "file-too-large"}


Command = Callable[[Path], Measured]  # measures one way of reading a file (the loader, the lint command) on it


@pytest.fixture(scope="module")
def baseline(files: dict[str, Path]) -> Callable[[str, Command], float]:
    """The median CPU seconds of a way of reading on a one-line file with a problem, measured once per way."""
    one_line = files["hundred-mb"].with_name("one-line.yaml")
    one_line.write_text("a: [*x]\n", encoding="utf-8")
    seen: dict[str, float] = {}

    def cpu(how: str, command: Command) -> float:
        if how not in seen:
            runs = [command(one_line) for _ in range(3)]
            assert all(run.status >= 0 and "[yaml-alias]" in run.out for run in runs), runs[0].out
            seen[how] = statistics.median(run.cpu for run in runs)
        return seen[how]

    return cpu


def _check(case: str, how: str, run: Measured, base_cpu: float, request: pytest.FixtureRequest) -> None:
    summary(
        request.config,
        f"bounds {case:<22} {how:<13} {run.wall:5.2f} s  {run.cpu:5.2f} s CPU ({run.cpu / base_cpu:4.1f}× one line)  "
        f"{run.rss:6.1f} MB  exit {run.status}  [{EXPECTED[case]}]",
    )
    assert run.status >= 0, f"killed by signal {-run.status} (a crash in the parser?)\n{run.out}"
    assert f"[{EXPECTED[case]}]" in run.out, run.out
    assert run.cpu < MAX_CPU_FACTOR * base_cpu, f"{run.cpu:.2f} s of CPU; {base_cpu:.2f} s for a one-line file"
    assert run.rss < MAX_RSS_MB, f"{run.rss:.0f} MB"


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("case", list(EXPECTED))
def test_loader_stays_within_bounds(
    case: str, impl: Impl, files: dict[str, Path], baseline: Callable[[str, Command], float], request: pytest.FixtureRequest
) -> None:
    def load(path: Path) -> Measured:
        return measure([sys.executable, "-c", LOAD, str(path), impl])

    run = load(files[case])
    assert run.status == 0, run.out
    _check(case, f"loader[{impl}]", run, baseline(f"loader[{impl}]", load), request)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_lint_command_stays_within_bounds(case: str, files: dict[str, Path], baseline: Callable[[str, Command], float], request: pytest.FixtureRequest) -> None:
    exe = Path(sys.executable).with_name("glossary-tool")

    def lint(path: Path) -> Measured:
        return measure([str(exe), "lint", str(path)], cwd=path.parent)

    run = lint(files[case])
    assert run.status == 1, run.out  # 1 = problems found; not 2 (usage) and not a traceback
    assert "Traceback" not in run.out
    _check(case, "glossary-tool", run, baseline("glossary-tool", lint), request)


def test_cases_are_as_big_and_deep_as_claimed(files: dict[str, Path]) -> None:
    for name in ("flow-seq-30000-deep", "flow-map-12500-deep", "flow-mixed-20000-deep", "block-seq-25000-deep", "block-map-deep"):
        assert 0.99 * SIZE_50K <= files[name].stat().st_size <= SIZE_50K, name
    assert CASES["block-map-deep"][0].count("\n") >= 300  # levels of block mappings
    assert CASES["flow-seq-30000-deep"][0].count("[") == 30_000
    assert files["hundred-mb"].stat().st_size >= HUNDRED_MB


def test_the_meter_sees_a_big_allocation_and_a_crash() -> None:
    # The bounds above only mean something if the meter can fail them: 250 MB held must read as > 200 MB, half a
    # second of computing as at least that much CPU, and a process killed by a signal must show a negative status.
    big = measure([sys.executable, "-c", "b = bytearray(250 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"])
    assert big.status == 0 and big.rss > MAX_RSS_MB
    busy = measure([sys.executable, "-c", "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.5: pass"])
    assert busy.status == 0 and busy.cpu >= 0.5, busy
    assert measure([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"]).status == -signal.SIGSEGV
