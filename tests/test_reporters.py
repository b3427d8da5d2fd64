"""Every output format, on the same list of problems, against golden files.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 make test``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import UPDATE_GOLDEN

from glossary_tool.problems import Problem, Severity
from glossary_tool.reporters import REPORTERS

GOLDEN = Path(__file__).parent / "golden"

PROBLEMS = [
    Problem("content/concepts/kpo.yaml", 3, 11, "schema", Severity.ERROR, "unknown key 'stauts'; did you mean 'status'?"),
    Problem("content/concepts/a,b:c.yaml", 12, 1, "duplicate-term", Severity.WARNING, "100% the same as 'x'\nsecond line"),
    Problem("content/faq/faq-å.yaml", 1, 1, "missing-locale", Severity.WARNING, "no 'sv' text here"),
]


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_format_matches_golden(name: str) -> None:
    out = REPORTERS[name](PROBLEMS)
    golden = GOLDEN / f"problems.{name}"
    if UPDATE_GOLDEN:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_format_of_no_problems(name: str) -> None:
    out = REPORTERS[name]([])
    assert {"text": "no problems\n", "json": "[]\n", "github": ""}[name] == out


def test_every_format_is_covered_by_a_golden_file() -> None:
    assert {p.suffix[1:] for p in GOLDEN.glob("problems.*")} == set(REPORTERS)


def test_json_round_trips() -> None:
    data = json.loads(REPORTERS["json"](PROBLEMS))
    assert [Problem(d["path"], d["line"], d["column"], d["rule"], Severity(d["severity"]), d["message"]) for d in data] == PROBLEMS


def test_github_escapes_properties_and_data() -> None:
    line = REPORTERS["github"](PROBLEMS).splitlines()[1]
    assert line == "::warning file=content/concepts/a%2Cb%3Ac.yaml,line=12,col=1,title=duplicate-term::100%25 the same as 'x'%0Asecond line"
