"""CSV export and import: the spreadsheet profile (BOM, comma, CRLF, quoting), formula safety, located problems."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from conftest import MKDOCS, concept, make_settings, valid_glossary, write_files

from glossary_tool.cli import main
from glossary_tool.core.problems import Severity
from glossary_tool.exchange.csvfile import export_csv, header, import_csv, neutralise, restore
from glossary_tool.lint import run

glossary = valid_glossary


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_spreadsheet_profile(tmp_path: Path) -> None:
    g, settings = glossary(tmp_path)
    data = export_csv(g, settings)
    assert data.startswith(b'\xef\xbb\xbf"concept_id","category","locale","term","reading","type","status","pos","gender","plural","definition",')
    assert data.count(b"\r\n") == len(rows(data)) and b"\n" not in data.replace(b"\r\n", b"")
    table = rows(data)
    assert table[0] == header(sorted(g.concepts, key=lambda c: c.id), settings)
    assert len(table) - 1 == sum(len(b.terms) for c in g.concepts for b in c.locales.values())  # one row per term
    kpo_sv = [r for r in table if r[0] == "kpo" and r[2] == "sv"]
    assert [r[3] for r in kpo_sv] == ["KPO", "outsourcing av kunskapsprocesser", "kunskapsprocess outsourcing"] and kpo_sv[0][8] == "utrum"
    assert kpo_sv[2][6] == "deprecated" and kpo_sv[2][header(sorted(g.concepts, key=lambda c: c.id), settings).index("term_note")] == "Split compound."


@pytest.mark.parametrize("value", ["=1+1", "+46 8 123", "-ism", "@SUM(A1)", "\tx", "\rx", ";=1", ",=1", '";=1', "'=1", "'tis", "plain", "", "a=b"])
def test_formula_neutralisation_round_trips(value: str) -> None:
    safe = neutralise(value)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r")) and restore(safe) == value


def test_dangerous_cells_are_neutralised_in_the_file(tmp_path: Path) -> None:
    text = concept("f", en='=HYPERLINK("http://x")').replace("An English definition.", "'@cmd, \"quoted\"; and more'")
    g, settings = glossary(tmp_path, {"f.yaml": text})
    data = export_csv(g, settings)
    cells = [cell for row in rows(data) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells and '\'@cmd, "quoted"; and more' in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    imported, problems = import_csv(data, "x.csv", settings)
    assert problems == []
    f = next(i.concept for i in imported if i.concept.id == "f")
    assert f.locales["en"].terms[0].text == '=HYPERLINK("http://x")' and f.locales["en"].definition == '@cmd, "quoted"; and more'


def test_round_trip_of_the_fixtures(tmp_path: Path) -> None:
    g, settings = glossary(tmp_path, {"h.yaml": concept("h") + '    translated_from: {definition: 0123abcdef}\n    examples: ["two\\nlines"]\n'})
    imported, problems = import_csv(export_csv(g, settings), "x.csv", settings)
    assert problems == []
    assert [i.concept for i in imported] == sorted(g.concepts, key=lambda c: c.id)


def test_semicolon_files_from_swedish_excel_are_read(tmp_path: Path) -> None:
    g, settings = glossary(tmp_path)
    table = rows(export_csv(g, settings))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(table)
    imported, problems = import_csv(buf.getvalue().encode("utf-8"), "x.csv", settings)  # no BOM either
    assert problems == [] and [i.concept for i in imported] == sorted(g.concepts, key=lambda c: c.id)


def test_problems_have_the_line_of_their_row(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    data = (
        b"concept_id,category,locale,term,type,status,definition\r\n"
        b'a,model,en,alpha,fullForm,preferred,"A definition\r\nover two lines."\r\n'
        b"a,general,en,alfa,variant,admitted,A definition\r\n"
        b"b,model,en,beta,fullForm,best,B.\r\n"
        b",model,en,x,fullForm,preferred,X.\r\n"
    )
    imported, problems = import_csv(data, "x.csv", settings)
    found = [(p.line, p.severity, p.message) for p in problems]
    assert (4, Severity.WARNING, "'a': category differ from line 2; the first row of a concept wins") in found
    assert any(line == 4 and "differ from its first row" in message for line, _, message in found)
    # A status the glossary lacks is counted once for the file, at its first row; the term gets the status of a term without one.
    assert any(
        line == 5 and severity is Severity.WARNING and message.startswith("statuses: 1 in the file (first here: 'best' of 'beta')")
        for line, severity, message in found
    )
    assert (6, Severity.ERROR, "concept_id is empty") in found
    assert [i.concept.id for i in imported] == ["a", "b"]
    assert imported[1].concept.locales["en"].terms[0].status == "preferred"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"id,term\r\na,b\r\n", "the header 'id,term' is not a layout this tool knows"),
        (b"concept_id,term\r\na,b\r\n", "missing column(s) of this tool's layout: locale"),
        (b"\r\nconcept_id,term\r\n", "the first row is empty"),
        (b'concept_id,locale,term\r\n"a,en,b\r\n', "not valid CSV"),
        (b"concept_id,locale,term\r\na,en,\xff\r\n", "is not UTF-8"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    imported, problems = import_csv(data, "x.csv", make_settings(tmp_path))
    assert imported == [] and any(message in p.message for p in problems)


def test_cli_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a"), "content/concepts/b.yaml": concept("b")})
    assert main(["export", "--format", "csv", "-o", "g.csv"]) == 0
    shutil.rmtree(tmp_path / "content" / "concepts")
    (tmp_path / "content" / "concepts").mkdir()
    assert main(["import", "--format", "csv", "g.csv"]) == 0
    assert "wrote 2 entries" in capsys.readouterr().out
    assert run(make_settings(tmp_path / "content")).problems == []


def test_rows_in_languages_that_are_not_configured_are_skipped_with_a_warning(tmp_path: Path) -> None:
    data = (
        b"concept_id,category,locale,term,type,status,definition,source_1_title\r\n"
        b"a,model,en,alpha,fullForm,preferred,A.,S\r\n"
        b"a,model,de,Alpha,fullForm,preferred,A.,S\r\n"
        b"a,model,de,Alfa,variant,admitted,A.,S\r\n"
    )
    imported, problems = import_csv(data, "x.csv", make_settings(tmp_path))
    assert [(p.line, p.severity) for p in problems] == [(3, Severity.WARNING)] and "2 row(s) in locale 'de'" in problems[0].message
    assert list(imported[0].concept.locales) == ["en"]
