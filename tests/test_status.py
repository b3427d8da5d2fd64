"""``glossary-tool status``: counts, locale-formatted percentages, missing and stale lists, --min-coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MKDOCS, concept, make_settings, write_files

from glossary_tool.cli import main
from glossary_tool.core.status import Count, as_text, compute, percent
from glossary_tool.lint import run


def glossary_files(n_done: int, missing_sv: list[str], placeholder_sv: list[str]) -> dict[str, str]:
    files = {f"content/c{i}.yaml": concept(f"c{i}") for i in range(n_done)}
    for cid in missing_sv:
        files[f"content/{cid}.yaml"] = concept(cid).split("  sv:\n")[0]
    for cid in placeholder_sv:
        files[f"content/{cid}.yaml"] = concept(cid).replace("En svensk definition.", "'TODO: Swedish definition'")
    return files


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **glossary_files(5, ["m1", "m2"], ["p1"])})
    return tmp_path


def test_counts_and_missing(project: Path) -> None:
    settings = make_settings(project / "content")
    en, sv = compute(run(settings).glossary, settings)
    assert (en.concepts, en.fields) == (Count(8, 8), Count(16, 16))
    assert (sv.concepts, sv.fields) == (Count(5, 8), Count(11, 16))
    assert sv.missing == {"m1": ["terms", "definition"], "m2": ["terms", "definition"], "p1": ["definition"]}


def test_examples_and_notes_count_when_the_source_has_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = concept("a").replace("    definition: An English definition.\n", "    definition: An English definition.\n    examples: [One.]\n    notes: [Two.]\n")
    write_files(tmp_path, {"a.yaml": text})
    settings = make_settings(tmp_path)
    _, sv = compute(run(settings).glossary, settings)
    assert sv.fields == Count(2, 4) and sv.missing == {"a": ["examples", "notes"]}


@pytest.mark.parametrize(
    ("count", "code", "expected"),
    [
        (Count(7, 8), "sv", "87,5\xa0%"),
        (Count(7, 8), "en", "87.5%"),
        (Count(87, 100), "sv", "87\xa0%"),
        (Count(999, 1000), "sv", "99,9\xa0%"),
        (Count(1999, 2000), "en", "99.9%"),
        (Count(0, 0), "sv", "100\xa0%"),
        (Count(3, 3), "en", "100%"),
    ],
)
def test_percent_is_formatted_for_the_locale_and_never_rounds_up_to_100(count: Count, code: str, expected: str) -> None:
    assert percent(count, code) == expected


def test_text_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "sv (Svenska): concepts 5/8 (62,5\xa0%), fields 11/16 (68,7\xa0%)" in out
    assert "en (English): concepts 8/8 (100%), fields 16/16 (100%)" in out
    assert "  missing  m1: terms, definition" in out and "  missing  p1: definition" in out


def test_json_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sv = data["locales"][1]
    assert sv["code"] == "sv" and sv["concepts"] == {
        "translated": 5,
        "total": 8,
        "percent": 62.5,
        "formatted": "62,5\xa0%",
        "current": 5,
        "stale": 0,
        "missing": 3,
    }
    assert {"id": "p1", "fields": ["definition"]} in sv["missing"] and data["source_locale"] == "en"


@pytest.mark.parametrize(("threshold", "code"), [("100", 1), ("68.8", 1), ("68.75", 0), ("50", 0)])
def test_min_coverage(project: Path, threshold: str, code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--min-coverage", threshold]) == code
    err = capsys.readouterr().err
    assert ("sv: 68,7\xa0% of fields translated, below the minimum" in err) == (code == 1)


def test_stale_fields_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"a.yaml": concept("a") + "    translated_from: {definition: '0123456789'}\n"})
    settings = make_settings(tmp_path)
    statuses = compute(run(settings).glossary, settings)
    assert statuses[1].stale == {"a": ["definition"]} and "  stale    a: definition" in as_text(statuses, settings)


def test_text_draws_a_bar_per_language_for_concepts_and_fields(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    sv = lines.index(next(line for line in lines if line.startswith("sv (")))
    concepts, fields = lines[sv + 1], lines[sv + 2]
    # 5 of 8 concepts complete: 19 of 30 cells full (rounded by largest remainder), 11 empty.
    assert concepts == "  concepts " + "█" * 19 + "░" * 11 + "  5 translated, 0 stale, 3 missing"
    assert fields.startswith("  fields   " + "█" * 21 + "░" * 9) and fields.endswith("11 translated, 0 stale, 5 missing")


def test_a_stale_part_never_vanishes_from_the_bar() -> None:
    from glossary_tool.core.status import Parts, text_bar

    assert text_bar(Parts(999, 1, 0)) == "█" * 29 + "▒"
    assert text_bar(Parts(0, 0, 0)) == "█" * 30
    assert text_bar(Parts(1, 1, 1), width=3) == "█▒░"


def test_json_gives_the_bars_figures(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--format", "json", "--locale", "sv"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [loc["code"] for loc in data["locales"]] == ["sv"]
    fields = data["locales"][0]["fields"]
    assert (fields["current"], fields["stale"], fields["missing"]) == (11, 0, 5)
    assert fields["current"] + fields["stale"] == fields["translated"]


def test_svg_badge_of_one_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    assert main(["status", "--format", "svg", "--locale", "sv"]) == 0
    svg = etree.fromstring(capsys.readouterr().out.encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert svg.get("role") == "img" and svg.findtext("s:title", namespaces=ns) == "translated (sv): 68.7%"
    assert svg.xpath("//s:rect[@fill='#dfb317']", namespaces=ns)  # 50–75 %: yellow, as Weblate colours it
    assert [t.text for t in svg.iterfind(".//s:text", ns)] == ["translated (sv)"] * 2 + ["68.7%"] * 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "svg"], "add --locale"),
        (["--locale", "de"], "no language 'de'"),
    ],
)
def test_badge_needs_one_configured_language(project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["status", *args]) == 2
    assert message in capsys.readouterr().err
