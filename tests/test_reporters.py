"""Every output format, on the same list of problems, against golden files.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 make test``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import UPDATE_GOLDEN

from glossary_tool.core.problems import Problem, Severity
from glossary_tool.lint.reporters import REPORTERS

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
    if name == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
        return
    assert {"text": "no problems\n", "json": "[]\n", "github": ""}[name] == out


def test_every_format_is_covered_by_a_golden_file() -> None:
    assert {p.suffix[1:] for p in GOLDEN.glob("problems.*")} == set(REPORTERS)


def test_json_round_trips() -> None:
    data = json.loads(REPORTERS["json"](PROBLEMS))
    assert [Problem(d["path"], d["line"], d["column"], d["rule"], Severity(d["severity"]), d["message"]) for d in data] == PROBLEMS


def test_github_escapes_properties_and_data() -> None:
    line = REPORTERS["github"](PROBLEMS).splitlines()[1]
    assert line == "::warning file=content/concepts/a%2Cb%3Ac.yaml,line=12,col=1,title=duplicate-term::100%25 the same as 'x'%0Asecond line"


# Contributor text reaches every format: a file name or a term may hold a newline, an escape sequence, a C1 control,
# a bidi override or (a name that is not UTF-8) a lone surrogate.
HOSTILE = [
    Problem("content/x\n::error file=a.yaml::pwned.yaml", 1, 1, "unexpected-file", Severity.ERROR, "term 'a\r\n::warning::b'"),
    Problem("content/\x1b[2J\x1b]0;title\x07.yaml", 2, 3, "schema", Severity.WARNING, "colour \x1b[31mred\x1b[0m and \x9b31m"),
    Problem("content/\udcff\u202e.yaml", 3, 4, "nfc", Severity.ERROR, "tab\there, bidi \u2066x\u2069, line\u2028sep"),
]


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_escapes_control_characters(name: str) -> None:
    out = REPORTERS[name](HOSTILE)
    out.encode("utf-8")  # no lone surrogate left: the output can always be written
    assert not [ch for ch in out if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or ch in "\u202e\u2066\u2069\u2028"]
    lines = out.splitlines()
    if name == "text":
        assert len(lines) == len(HOSTILE) + 1  # one line per problem, then the summary
        assert lines[0] == "content/x\\n::error file=a.yaml::pwned.yaml:1:1: error: term 'a\\r\\n::warning::b' [unexpected-file]"
        assert lines[2].startswith("content/\\udcff\\u202e.yaml:3:4: error: tab\\there")
    if name == "github":
        assert len(lines) == len(HOSTILE) and all(line.startswith(("::error file=content/", "::warning file=content/")) for line in lines)
        assert "\\u001b[31mred" in lines[1]
    if name == "json":
        assert [Problem(d["path"], d["line"], d["column"], d["rule"], Severity(d["severity"]), d["message"]) for d in json.loads(out)] == HOSTILE
    if name == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert [r["message"]["text"] for r in results] == [p.message for p in HOSTILE]


def test_json_is_written_without_one_giant_dump() -> None:
    # 50,000 problems: the same text as json.dumps of the whole list, built one object at a time.
    many = [Problem(f"content/f{i}.yaml", i, 1, "schema", Severity.ERROR, f"message {i}") for i in range(50_000)]
    items = [{"path": p.path, "line": p.line, "column": p.column, "rule": p.rule, "severity": p.severity.value, "message": p.message} for p in many]
    assert REPORTERS["json"](many) == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
