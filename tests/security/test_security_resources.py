"""Resource bounds: very deep nesting, alias bombs and a 100 MB file each end in a clear error, fast and small.

Each case runs in its own process (a libyaml crash cannot take pytest down), measured for wall time and peak RSS.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from security_helpers import measure, summary

from glossary_tool.core.loader import HAS_C_LOADER, Impl

MAX_SECONDS = 2.0
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


def _check(case: str, how: str, status: int, wall: float, rss: float, text: str, request: pytest.FixtureRequest) -> None:
    summary(request.config, f"bounds {case:<22} {how:<13} {wall:5.2f} s  {rss:6.1f} MB  exit {status}  [{EXPECTED[case]}]")
    assert status >= 0, f"killed by signal {-status} (a crash in the parser?)\n{text}"
    assert f"[{EXPECTED[case]}]" in text, text
    assert wall < MAX_SECONDS, f"{wall:.2f} s"
    assert rss < MAX_RSS_MB, f"{rss:.0f} MB"


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("case", list(EXPECTED))
def test_loader_stays_within_bounds(case: str, impl: Impl, files: dict[str, Path], request: pytest.FixtureRequest) -> None:
    status, wall, rss, text = measure([sys.executable, "-c", LOAD, str(files[case]), impl])
    assert status == 0, text
    _check(case, f"loader[{impl}]", status, wall, rss, text, request)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_lint_command_stays_within_bounds(case: str, files: dict[str, Path], request: pytest.FixtureRequest) -> None:
    exe = Path(sys.executable).with_name("glossary-tool")
    status, wall, rss, text = measure([str(exe), "lint", str(files[case])], cwd=files[case].parent)
    assert status == 1, text  # 1 = problems found; not 2 (usage) and not a traceback
    assert "Traceback" not in text
    _check(case, "glossary-tool", status, wall, rss, text, request)


def test_cases_are_as_big_and_deep_as_claimed(files: dict[str, Path]) -> None:
    for name in ("flow-seq-30000-deep", "flow-map-12500-deep", "flow-mixed-20000-deep", "block-seq-25000-deep", "block-map-deep"):
        assert 0.99 * SIZE_50K <= files[name].stat().st_size <= SIZE_50K, name
    assert CASES["block-map-deep"][0].count("\n") >= 300  # levels of block mappings
    assert CASES["flow-seq-30000-deep"][0].count("[") == 30_000
    assert files["hundred-mb"].stat().st_size >= HUNDRED_MB


def test_the_meter_sees_a_big_allocation_and_a_crash() -> None:
    # The bounds above only mean something if the meter can fail them: 250 MB held must read as > 200 MB,
    # and a process killed by a signal must show a negative status.
    status, _, rss, _ = measure([sys.executable, "-c", "b = bytearray(250 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"])
    assert status == 0 and rss > MAX_RSS_MB
    status, _, _, _ = measure([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"])
    assert status == -signal.SIGSEGV
