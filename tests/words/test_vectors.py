"""The word pipeline's shared test vectors, checked against the Python side (test_words.mjs checks the browser's)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from make_vectors import SAMPLES, VECTORS, vector


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
    # The JavaScript side, outside the browser: words.js and the Snowball WebAssembly build against the same file.
    node = subprocess.run(["node", "--test", str(VECTORS.with_name("test_words.mjs"))], capture_output=True, text=True, timeout=120)
    assert node.returncode == 0, node.stdout[-4000:] + node.stderr[-2000:]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
