"""The word pipeline's shared test vectors, checked against the Python side (test_words.mjs checks the browser's)."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from make_vectors import ROOT, SAMPLES, VECTORS, vector

from glossary_tool.core import words

SNOWBALL_JS = ROOT / "glossary_tool" / "site" / "overrides" / "assets" / "javascripts" / "snowball"


def test_the_vectors_are_what_python_computes() -> None:
    recorded = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert [(v["locale"], v["input"]) for v in recorded] == SAMPLES, "run .venv/bin/python tests/words/make_vectors.py"
    for v in recorded:
        assert vector(str(v["locale"]), str(v["input"])) == v, v["input"]


def test_the_vectors_cover_every_script_and_the_issues_forms() -> None:
    by_locale = {v["locale"]: v for v in json.loads(VECTORS.read_text(encoding="utf-8"))}
    assert {"en", "sv", "de", "fi", "ru", "ar", "zh-Hans", "ja", "ko", "el", "th", "km", "my", "lo"} <= set(by_locale)
    ja = by_locale["ja"]
    assert ja["tokens"][:9] == ["ビー", "ーカ", "カー"] * 3  # full width, half width and hiragana are one word


def test_node_agrees_with_the_vectors() -> None:
    # The JavaScript side, outside the browser: words.js and the stemmers of snowball/ against the same file.
    node = subprocess.run(["node", "--test", str(VECTORS.with_name("test_words.mjs"))], capture_output=True, text=True, timeout=120)
    assert node.returncode == 0, node.stdout[-4000:] + node.stderr[-2000:]


def sample_words(algorithm: str, text_words: set[str]) -> list[str]:
    """Words to stem with ``algorithm``: the repository's glossaries' words written in its alphabet, and words made of
    its own endings (the strings of its among tables), one to three of them after a made-up stem and now and then
    one before it, so that every rule of the algorithm is met in many combinations."""
    source = (SNOWBALL_JS / f"{algorithm}.js").read_text(encoding="utf-8")
    endings = sorted(set(re.findall(r'^\s*\["([^"]*)",-?\d+,', source, re.M)) - {""})
    letters = sorted({c for e in endings for c in e} | {c for g in re.findall(r'new Set\("([^"]*)"\)', source) for c in g})
    alphabet = set(letters)
    real = sorted(w for w in text_words if set(w) <= alphabet)
    rng = random.Random(algorithm)
    made: set[str] = set()
    while len(made) < 1500:
        stem = "".join(rng.choice(letters) for _ in range(rng.randint(1, 7)))
        word = stem + "".join(rng.choice(endings) for _ in range(rng.randint(1, 3)))
        made.add((rng.choice(endings) if rng.random() < 0.2 else "") + word)
    return real + sorted(made)


def test_the_browser_stemmers_stem_as_the_python_side_does() -> None:
    # For every Snowball algorithm words.py names: snowball/<algorithm>.js (translated from the generated Python of
    # the same Snowball release) and PyStemmer give the same stem for thousands of words.
    texts = [p.read_text(encoding="utf-8", errors="replace") for folder in ("content", "tests/fixtures") for p in (ROOT / folder).rglob("*.yaml")]
    text_words = {w for t in texts for w in words.words(t, "xx") if len(w) > 1}
    algorithms = sorted(set(words.SNOWBALL.values()))
    assert {p.stem for p in SNOWBALL_JS.glob("*.js")} == {*algorithms, "base"}, "run tests/words/make_snowball_js.py"
    samples = {a: sample_words(a, text_words) for a in algorithms}
    node = subprocess.run(
        ["node", str(Path(__file__).with_name("stem.cjs"))], input=json.dumps(samples), capture_output=True, text=True, timeout=300, check=True
    )
    browser = json.loads(node.stdout)
    differ = {}
    for algorithm, sample in samples.items():
        python = words.stemmer(next(code for code, a in words.SNOWBALL.items() if a == algorithm))
        assert python is not None
        wrong = [(w, p, b) for w, p, b in zip(sample, python.stemWords(sample), browser[algorithm], strict=True) if p != b]
        if wrong:
            differ[algorithm] = wrong[:5]
    assert not differ, differ
    assert sum(map(len, samples.values())) > 50_000


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
