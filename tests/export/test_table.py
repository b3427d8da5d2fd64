"""CSV the way other tools write it: layouts recognised by their header, --columns, the languages of a pair, and
rows that extend concepts already in the glossary instead of duplicating them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MKDOCS, concept, make_settings, write_files

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError, Severity
from glossary_tool.exchange.csvfile import import_csv
from glossary_tool.exchange.registry import ImportOptions
from glossary_tool.lint import run


def concepts(data: bytes, tmp_path: Path, options: ImportOptions | None = None) -> tuple[dict[str, Concept], list[tuple[int, Severity, str]]]:
    imported, problems = import_csv(data, "x.csv", make_settings(tmp_path), options or ImportOptions())
    return {i.concept.id: i.concept for i in imported}, [(p.line, p.severity, p.message) for p in problems]


@pytest.mark.parametrize(
    "data",
    [
        b"source,target,context,explanation\r\nnearshoring,n\xc3\xa4romr\xc3\xa5desoutsourcing,,Work moved to a nearby country.\r\n",  # Weblate
        b"location,source,target\r\nmain.c:12,nearshoring,n\xc3\xa4romr\xc3\xa5desoutsourcing\r\n",  # translate-toolkit
        b"sourceString,targetString\r\nnearshoring,n\xc3\xa4romr\xc3\xa5desoutsourcing\r\n",  # Google
        b"\xef\xbb\xbfSource;Target\r\nnearshoring;n\xc3\xa4romr\xc3\xa5desoutsourcing\r\n",  # a spreadsheet's export, BOM and ';'
        b"en,sv\nnearshoring,n\xc3\xa4romr\xc3\xa5desoutsourcing\n",  # a header of language codes
    ],
)
def test_common_layouts_are_recognised(tmp_path: Path, data: bytes) -> None:
    found, problems = concepts(data, tmp_path)
    assert list(found) == ["nearshoring"]
    c = found["nearshoring"]
    assert [(t.text, t.status) for t in c.locales["en"].terms] == [("nearshoring", "preferred")]
    assert [t.text for t in c.locales["sv"].terms] == ["närområdesoutsourcing"]
    assert c.sources[0].title.startswith("TODO") and c.locales["en"].definition.startswith("TODO")
    assert all(severity is Severity.WARNING for _, severity, _ in problems)
    if b"explanation" in data:
        assert c.locales["sv"].definition == "Work moved to a nearby country."
    if b"location" in data:
        assert (1, Severity.WARNING, "column(s) 'location' have no place in the glossary; not imported") in problems


def test_columns_map_any_header(tmp_path: Path) -> None:
    data = b"English,Swedish,Notes,Other\r\ncall centre,callcenter,A place that answers calls.,x\r\ncall center,,,\r\n"
    found, problems = concepts(data, tmp_path, ImportOptions(columns="term:en=English,term:sv=swedish,definition:en=Notes"))
    assert list(found) == ["call-centre", "call-center"]
    assert found["call-centre"].locales["en"].definition == "A place that answers calls."
    assert list(found["call-center"].locales) == ["en"]
    assert not [m for _, severity, m in problems if severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ("term:en", "'term:en' is not FIELD:LOCALE=HEADER"),
        ("term=English", "'term=English': term needs a locale, e.g. term:en=English"),
        ("term:en=Englisch", "no column is named 'Englisch' (the header has: English, Swedish)"),
        ("definition:en=English", "map at least one term column"),
        ("category:en=English,term:en=English", "category takes no locale"),
    ],
)
def test_bad_columns_are_clear_errors(tmp_path: Path, columns: str, message: str) -> None:
    found, problems = concepts(b"English,Swedish\r\na,b\r\n", tmp_path, ImportOptions(columns=columns))
    assert found == {} and [(line, severity) for line, severity, _ in problems] == [(1, Severity.ERROR)]
    assert message in problems[0][2]


def test_source_and_target_locales_name_the_columns(tmp_path: Path) -> None:
    found, _ = concepts("source,target\r\nkundtjänst,customer service\r\n".encode(), tmp_path, ImportOptions(source_locale="sv", target_locale="en"))
    assert [t.text for t in found["kundtjanst"].locales["sv"].terms] == ["kundtjänst"]
    assert [t.text for t in found["kundtjanst"].locales["en"].terms] == ["customer service"]
    with pytest.raises(FatalError, match="--target-locale de: not a configured locale"):
        concepts(b"source,target\r\na,b\r\n", tmp_path, ImportOptions(target_locale="de"))
    with pytest.raises(FatalError, match="both 'en'"):
        concepts(b"source,target\r\na,b\r\n", tmp_path, ImportOptions(target_locale="en"))


def test_repeated_source_terms_and_shared_target_terms(tmp_path: Path) -> None:
    data = "source,target\r\nBPO,BPO\r\nbpo ,affärsprocessoutsourcing\r\nKPO,BPO\r\n".encode()
    found, problems = concepts(data, tmp_path)
    assert [(t.text, t.status) for t in found["bpo"].locales["sv"].terms] == [("BPO", "preferred"), ("affärsprocessoutsourcing", "admitted")]
    assert list(found["kpo"].locales) == ["en"]
    assert (4, Severity.WARNING, "'BPO' (sv) already names concept 'bpo'; not added to 'kpo' too") in problems


def test_a_row_that_matches_an_existing_concept_extends_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    english_only = concept("bpo", en="business process outsourcing").split("  sv:")[0]
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "content/concepts/bpo.yaml": "# our own comment\n" + english_only.replace("category: model", "category: model  # keep me"),
            "content/concepts/kpo.yaml": concept("kpo", en="KPO", sv="KPO"),
            "pairs.csv": "source,target,explanation\r\nBusiness  Process Outsourcing,affärsprocessoutsourcing,Att lägga ut affärsprocesser.\r\n"
            "kpo,kunskapsoutsourcing,\r\nnearshoring,närområdesoutsourcing,\r\n",
        },
    )
    before = (tmp_path / "content/concepts/kpo.yaml").read_text(encoding="utf-8")
    assert main(["import", "--format", "csv", "pairs.csv"]) == 0
    out = capsys.readouterr().out
    assert "wrote 1 entry\n  content/concepts/nearshoring.yaml" in out
    assert "merged the file into 2 entries\n  content/concepts/bpo.yaml: added the sv language" in out
    assert "  content/concepts/kpo.yaml: added sv term 'kunskapsoutsourcing'; kept en 'KPO' (the file writes 'kpo'), sv term(s) 'KPO' (not in the file)" in out
    bpo_text = (tmp_path / "content/concepts/bpo.yaml").read_text(encoding="utf-8")
    assert bpo_text.startswith("# our own comment\n") and "category: model  # keep me" in bpo_text
    result = run(load_settings("mkdocs.yml"))
    assert result.errors == 0
    bpo = result.glossary.concept("bpo")
    assert bpo is not None and [(t.text, t.status) for t in bpo.locales["sv"].terms] == [("affärsprocessoutsourcing", "preferred")]
    assert bpo.locales["sv"].definition == "Att lägga ut affärsprocesser."  # a new language takes the row's definition
    kpo = result.glossary.concept("kpo")
    assert kpo is not None and [(t.text, t.status) for t in kpo.locales["sv"].terms] == [("KPO", "preferred"), ("kunskapsoutsourcing", "admitted")]
    after = (tmp_path / "content/concepts/kpo.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.split("  sv:")[0])  # only the Swedish terms grew
    write_files(tmp_path, {"content/faq/faq.yaml": concept("offshoring")})
    write_files(tmp_path, {"more.csv": "source,target\r\noffshoring,utlandsförläggning\r\n"})
    assert main(["import", "--format", "csv", "more.csv"]) == 0  # the id offshoring is taken (by a file elsewhere): a new one is made
    assert "content/concepts/offshoring-2.yaml" in capsys.readouterr().out
    (tmp_path / "content/faq/faq.yaml").unlink()
    (tmp_path / "content/concepts/offshoring-2.yaml").unlink()
    files_before = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()}
    assert main(["import", "--format", "csv", "pairs.csv"]) == 0  # again: every term is in the glossary now
    out = capsys.readouterr().out
    assert "warning: 3 row(s) add nothing: all their terms are in the glossary already" in out and "left 3 entries as they were" in out
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()} == files_before  # not a byte changed


def test_columns_say_what_they_leave_out_and_map_the_part_of_speech(tmp_path: Path) -> None:
    # Google's layout mapped by hand: pos is a field --columns maps; a column it maps nothing to and a second column of
    # one name are named in a warning, never dropped without a word
    data = b"sourceString,targetString,pos,description,stringID,Notes,Notes\r\nquarantine,karant\xc3\xa4n,noun,The separation of people.,1,first,second\r\n"
    found, problems = concepts(
        data, tmp_path, ImportOptions(columns="term:en=sourceString,term:sv=targetString,pos:en=pos,definition:en=description,note:en=Notes")
    )
    term = found["quarantine"].locales["en"].terms[0]
    assert term.grammar is not None and term.grammar.pos == "noun"
    assert found["quarantine"].locales["en"].notes == ("first",)
    warnings = [m for _, severity, m in problems if severity is Severity.WARNING]
    assert "--columns: 2 columns are named 'Notes' (columns 6, 7); column 6 is read" in warnings
    assert "--columns maps no field to 2 column(s): stringID, Notes; they are not imported" in warnings


# A termbase in this tool's layout whose terms carry values the glossary has no place for, on every row.
UNKNOWN_VALUES = ["concept_id,locale,term,type,status,pos,gender,register"] + [
    row
    for i in range(6)
    for row in (f"thing-{i},en,thing {i},,,Nomen,,", f"thing-{i},sv,sak {i},Hauptform,Vorzug,Substantiv,fem,formal", f"thing-{i},sv,saken {i},,,,,")
]
UNKNOWN_VALUE_WARNINGS = [
    (2, "part of speech: 12 in the file (first here: 'Nomen' of 'thing 0'); not a value the glossary has; left out"),
    (3, "term types: 6 in the file (first here: 'Hauptform' of 'sak 0'); not a term type the glossary has; the term gets the type of a term without one"),
    (
        3,
        "statuses: 6 in the file (first here: 'Vorzug' of 'sak 0'); not a status the glossary has (preferred, admitted, deprecated, proposed, "
        "obsolete); the term gets the status of a term without one",
    ),
    (3, "grammatical gender: 6 in the file (first here: 'fem' of 'sak 0'); not a value the glossary has; left out"),
    (3, "registers: 6 in the file (first here: 'formal' of 'sak 0'); not a value the glossary has; left out"),
]


def test_values_the_glossary_lacks_are_one_warning_per_kind_not_an_error_per_term(tmp_path: Path) -> None:
    found, problems = concepts("\n".join(UNKNOWN_VALUES).encode(), tmp_path)
    assert sorted(found) == [f"thing-{i}" for i in range(6)]
    assert [(line, m) for line, severity, m in problems if " in the file (first here" in m] == UNKNOWN_VALUE_WARNINGS
    assert not [m for _, severity, m in problems if severity is Severity.ERROR]
    terms = found["thing-0"].locales["sv"].terms
    # As if the cells were empty: the language's first term is preferred, the next admitted; no grammar, no register.
    assert [(t.text, t.type, t.status, t.grammar, t.register) for t in terms] == [
        ("sak 0", "fullForm", "preferred", None, None),
        ("saken 0", "fullForm", "admitted", None, None),
    ]
