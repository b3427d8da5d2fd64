"""Property tests: mutated real entries and random YAML never make the loader or lint raise; they give Problems.

`make test` runs a few dozen examples per property, `make fuzz` thousands; counts print under 'security figures'.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, ROOT, make_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from security_helpers import summary

from glossary_tool.core.config import Settings
from glossary_tool.core.loader import HAS_C_LOADER, Impl, load_file
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.lint import check_text, run
from glossary_tool.lint.reporters import REPORTERS

# quick: part of `make test`; campaign: `make fuzz`; a number sets the examples per property directly.
PROFILE = os.environ.get("GLOSSARY_FUZZ", "quick")
EXAMPLES = int(PROFILE) if PROFILE.isdigit() else {"quick": 80, "campaign": 3000}[PROFILE]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
IMPLS: tuple[Impl, ...] = ("c", "python") if HAS_C_LOADER else ("python",)

SEEDS: list[bytes] = [p.read_bytes() for p in sorted(FIXTURES.glob("valid/*.yaml"))] + [p.read_bytes() for p in sorted((ROOT / "content").rglob("*.yaml"))]
YAML_BITS = [
    "&a ",
    "*a",
    "&x [1]\n",
    "<<: *a\n",
    "!!python/object/apply:os.system ['true']",
    "!x ",
    "!!str ",
    "!<tag:yaml.org,2002:str> ",
    ": ",
    "- ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    '"',
    "'",
    "|\n",
    ">-\n",
    "|+2\n",
    "---\n",
    "...\n",
    "# c\n",
    "\t",
    "%YAML 1.1\n",
    "%TAG ! tag:e.org,2000:\n",
    '"\\u200b"',
    '"\\ud800"',
    '"\\0"',
    '"\\x85"',
    '"\\N"',
    "\r\n",
    "\r",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x85",
    "~",
    "null",
    "0x1F",
    "2024-02-30",
    "\n  ",
    "    ",
    "id: ../x\n",
    "id: CON\n",
    "kind: concept\n",
    "kind: faq\n",
    "locales:\n",
    "  en:\n",
    "text: <script>alert(1)</script>\n",
    "[[[[[[[[[[[[[[",
    "- - - - - - - - - - - - - - ",
    "a\u0308",
]
KEY = re.compile(rb"^(\s*-?\s*)([A-Za-z_]+):", re.M)

COUNTS: Counter[str] = Counter()
CRASHES: list[str] = []


def _mutate(data: bytearray, rnd: random.Random, extra: bytes, bit: str) -> None:
    """One random edit: bytes, lines, keys, YAML syntax, indentation or truncation."""
    n = len(data)
    i, j = sorted((rnd.randrange(n + 1), rnd.randrange(n + 1)))
    op = rnd.randrange(10)
    if op == 0 and n:
        data[rnd.randrange(n)] = rnd.randrange(256)
    elif op == 1:
        data[i:i] = extra
    elif op == 2:
        data[i:i] = bit.encode("utf-8")
    elif op == 3:
        del data[i:j]
    elif op == 4:
        data[rnd.randrange(n + 1) : 0] = data[i:j]
    elif op == 5:
        del data[i:]
    elif op in (6, 7):
        lines = [bytes(line) for line in data.split(b"\n")]
        a, b = rnd.randrange(len(lines)), rnd.randrange(len(lines))
        if op == 6:
            lines[a], lines[b] = lines[b], lines[a]
        else:  # change indentation, YAML's structure
            lines[a] = lines[a][2:] if lines[a].startswith(b"  ") and rnd.random() < 0.5 else b"  " + lines[a]
        data[:] = b"\n".join(lines)
    elif op == 8:
        keys = list(KEY.finditer(bytes(data)))
        if len(keys) >= 2:
            one, other = rnd.sample(keys, 2)
            first, second = (one, other) if one.start() < other.start() else (other, one)
            data[second.start(2) : second.end(2)] = first.group(2)
            data[first.start(2) : first.end(2)] = second.group(2)
    else:
        data[i:j] = rnd.choice(YAML_BITS).encode("utf-8")


@st.composite
def mutated_entries(draw: st.DrawFn) -> bytes:
    """A real entry (fixture or shipped content) after 1–8 random edits."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 8))):
        _mutate(data, rnd, draw(st.binary(max_size=6)), draw(st.sampled_from(YAML_BITS)))
    return bytes(data)


SCALARS = st.one_of(st.text(max_size=40), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
STRUCTURES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=25)


def _replace_somewhere(data: Any, rnd: random.Random, value: Any) -> Any:
    """Replace, drop or rename one node of a parsed entry: near-valid entries reach the schema rules."""
    if isinstance(data, dict) and data and rnd.random() < 0.7:
        key = rnd.choice(list(data))
        action = rnd.randrange(3)
        if action == 0:
            data.pop(key)
        elif action == 1:
            data[str(value)[:20] if not isinstance(value, (dict, list)) else key + "x"] = data.pop(key)
        else:
            data[key] = _replace_somewhere(data[key], rnd, value)
        return data
    if isinstance(data, list) and data and rnd.random() < 0.7:
        k = rnd.randrange(len(data))
        data[k] = _replace_somewhere(data[k], rnd, value)
        return data
    return value


@st.composite
def random_yaml(draw: st.DrawFn) -> bytes:
    """YAML text dumped from generated data: arbitrary structures, or real entries with one node changed."""
    if draw(st.booleans()):
        data: Any = draw(STRUCTURES)
    else:
        data = yaml.safe_load(draw(st.sampled_from(SEEDS[: len(list(FIXTURES.glob("valid/*.yaml")))])))
        rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
        for _ in range(draw(st.integers(1, 3))):
            data = _replace_somewhere(data, rnd, draw(STRUCTURES))
    text = yaml.safe_dump(
        data, default_flow_style=draw(st.sampled_from([False, True, None])), allow_unicode=draw(st.booleans()), width=draw(st.sampled_from([20, 80, 10_000]))
    )
    return text.encode("utf-8")


RAW = st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))


def _guard(target: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    COUNTS[target] += 1
    try:
        return fn(*args, **kwargs)
    except Exception as exc:
        CRASHES.append(f"{target}: {exc!r}")
        raise


def _check_problems(problems: list[Problem]) -> None:
    for p in problems:
        assert isinstance(p, Problem) and p.line >= 1 and p.column >= 1 and p.message, p
        assert isinstance(p.severity, Severity)
    for fmt in REPORTERS:  # printing is part of the path: every report must encode as UTF-8
        REPORTERS[fmt](problems).encode("utf-8")


def lint_document(text: str, settings: Settings, impl: Impl) -> list[Problem]:
    """The per-document path: one text, no files — loader, schema, then every rule over a glossary of one."""
    return check_text(text, settings, "fuzzed.yaml", impl=impl)


@pytest.fixture(scope="module")
def folder(request: pytest.FixtureRequest) -> Iterator[Path]:
    """A glossary of the valid fixtures; each example writes its input next to them as fuzzed.yaml."""
    root = Path(tempfile.mkdtemp(prefix="glossary-fuzz-"))
    shutil.copytree(FIXTURES / "valid", root / "content")
    started = time.perf_counter()
    yield root / "content"
    shutil.rmtree(root, ignore_errors=True)
    inputs = COUNTS["input"]
    targets = ", ".join(f"{k}: {v}" for k, v in sorted(COUNTS.items()) if k != "input")
    summary(
        request.config,
        f"fuzz ({PROFILE}, {EXAMPLES} examples per property): {inputs} inputs tried in "
        f"{time.perf_counter() - started:.1f} s; {len(CRASHES)} crash(es) [{targets}]",
    )
    for crash in CRASHES[:5]:
        summary(request.config, f"  crash: {crash}")


def _exercise(raw: bytes, content: Path) -> None:
    COUNTS["input"] += 1
    file = content / "fuzzed.yaml"
    file.write_bytes(raw)
    settings = make_settings(content)
    text = raw.decode("utf-8", errors="replace")
    for impl in IMPLS:
        doc, problems = _guard(f"load_file[{impl}]", load_file, file, "fuzzed.yaml", impl=impl)
        assert (doc is None) == bool(problems)
        _check_problems(problems)
        _check_problems(_guard(f"per-document[{impl}]", lint_document, text, settings, impl))
    # lint.run over the folder: the fuzzed file together with valid entries (glossary-wide rules see it too)
    impl = IMPLS[COUNTS["input"] % len(IMPLS)]
    result = _guard(f"lint.run[{impl}]", run, settings, [content], impl=impl)
    _check_problems(result.problems)  # _guard raises what the run raised: a result is always there


@FUZZ
@given(raw=mutated_entries())
def test_mutated_real_entries_give_problems_not_exceptions(raw: bytes, folder: Path) -> None:
    _exercise(raw, folder)


@FUZZ
@given(raw=random_yaml())
def test_random_yaml_gives_problems_not_exceptions(raw: bytes, folder: Path) -> None:
    _exercise(raw, folder)


@FUZZ
@given(raw=RAW)
def test_random_bytes_give_problems_not_exceptions(raw: bytes, folder: Path) -> None:
    _exercise(raw, folder)


def test_seeds_include_real_entries() -> None:
    # Without seeds the mutation strategy would only mutate nothing; the fixtures alone are six files.
    assert len(SEEDS) >= len(list(FIXTURES.glob("valid/*.yaml"))) >= 6


@pytest.mark.parametrize("kind", ["[]", "{a: b}", "[concept]"])
def test_non_text_kind_is_a_problem(kind: str, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"id: a\nkind: {kind}\n", encoding="utf-8")
    result = run(make_settings(tmp_path), [tmp_path])
    assert [p.rule for p in result.problems] == ["schema"]
