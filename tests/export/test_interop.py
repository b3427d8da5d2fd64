"""Real files written by other tools (../shared/interop/, with their origins in its README) imported as a user would.

Each import is checked against the file's own counts of concepts and terms, and lint finds no error afterwards.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from conftest import MKDOCS, ROOT, write_files
from lxml import etree

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.core.model import Concept
from glossary_tool.core.terms import term_key
from glossary_tool.lint import run

INTEROP = ROOT.parent / "shared" / "interop"
TBX_SCHEMAS = ROOT.parent / "shared" / "tbx"
# Every file of the folder, with the languages its glossary is configured with for the import.
FILES = {
    "weblate-cs.tbx": ["en", "cs"],
    "weblate-terms-header.csv": ["en", "cs"],
    "ms-termcollection-sample.tbx": ["en", "zh"],
    "ltac-min_good.tbx": ["en", "es", "zu"],
    "ltac-basic_bad.tbx": ["en", "es", "zu"],
}
CATEGORIES = [{"id": "general", "label": {"en": "General"}}, {"id": "birth", "label": {"en": "Stellar birth"}}]


def test_every_shared_file_is_covered() -> None:
    assert INTEROP.is_dir(), f"{INTEROP} not found: the repository is cloned beside shared/"
    assert sorted(p.name for p in INTEROP.iterdir() if p.name != "README.md") == sorted(FILES)


def project(root: Path, locales: list[str]) -> None:
    block = {"locales": [{"code": code} for code in locales], "categories": CATEGORIES}
    write_files(root, {"mkdocs.yml": yaml.safe_dump({"site_name": "t", "plugins": [{"glossary": block}]})})
    (root / "content").mkdir(exist_ok=True)


def file_counts(path: Path) -> tuple[int, int]:
    """(concepts, terms) as the file itself has them."""
    if path.suffix == ".csv":
        rows = [r for r in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) if r][1:]
        # One concept per source term; a target term that already names a concept is not given to a second one.
        return len({term_key(r[0]) for r in rows}), len({term_key(r[0]) for r in rows}) + len({term_key(r[1]) for r in rows if r[1].strip()})
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)).getroot()
    entries = root.xpath("//*[local-name()='conceptEntry' or local-name()='termEntry']")
    return len(entries), len(root.xpath("//*[local-name()='term']"))


@pytest.mark.parametrize("name", sorted(FILES))
def test_import_counts_and_lint(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    project(tmp_path, FILES[name])
    fmt = "csv" if name.endswith(".csv") else "tbx"
    assert main(["import", "--format", fmt, str(INTEROP / name), "--tbx-schemas", str(TBX_SCHEMAS)]) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out
    concepts, terms = file_counts(INTEROP / name)
    result = run(load_settings("mkdocs.yml"))
    imported = result.glossary.concepts
    assert len(imported) == concepts
    assert sum(len(b.terms) for c in imported for b in c.locales.values()) == terms
    assert result.errors == 0, [str(p) for p in result.problems if p.severity.value == "error"]
    assert f"wrote {concepts} entries" in out


def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, *extra: str) -> dict[str, Concept]:
    monkeypatch.chdir(tmp_path)
    project(tmp_path, FILES[name])
    code = main(["import", "--format", "csv" if name.endswith(".csv") else "tbx", str(INTEROP / name), *extra])
    assert code == 0
    return {c.id: c for c in run(load_settings("mkdocs.yml")).glossary.concepts}


def test_translate_toolkit_tbx_with_doctype_and_no_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    concepts = imported(tmp_path, monkeypatch, "weblate-cs.tbx")
    assert sorted(concepts) == ["address-bar", "administrate", "administrator", "always-on-top"]  # ids from the English terms
    assert [t.text for t in concepts["address-bar"].locales["cs"].terms] == ["adresní řádek"]


def test_microsoft_collection_regions_definitions_and_picklists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    concepts = imported(tmp_path, monkeypatch, "ms-termcollection-sample.tbx")
    out = capsys.readouterr().out
    assert re.search(r"sample\.tbx:16:1: warning: xml:lang 'en-US' imported as the configured locale 'en' \(2 time\(s\), first here\)", out)
    assert "xml:lang 'zh-Hant' imported as the configured locale 'zh'" in out
    context = concepts["3344-38882-38896"]
    assert context.locales["en"].definition.startswith("The state that is implicitly associated with a given COM+ object.")
    term = context.locales["en"].terms[0]
    assert term.text == "context" and term.grammar is not None and term.grammar.pos == "noun"  # "Noun" in the file
    assert context.locales["zh"].terms[0].text == "上下文"
    assert "'Not Selected' element(s) not imported" in out  # no gender, rather than "other"


def test_tbx_min_usage_status_and_subject_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    concepts = imported(tmp_path, monkeypatch, "ltac-min_good.tbx")
    out = capsys.readouterr().out
    c1 = concepts["c1"]
    assert [(t.text, t.status) for t in c1.locales["en"].terms] == [("open cluster", "preferred"), ("galactic cluster", "deprecated")]
    assert concepts["c2"].category == "birth"  # "Stellar Birth" is the label of the category birth
    c3 = concepts["c3"]  # "Stellar Death" is no category's label: kept as a note
    assert c3.category == "general" and "subjectField: Stellar Death" in c3.locales["en"].notes
    assert "subjectField 'Stellar Death' is the label of no category; kept as the note" in out


def test_a_file_that_breaks_the_tbx_basic_schemas_is_reported_with_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, monkeypatch, "ltac-basic_bad.tbx", "--tbx-schemas", str(TBX_SCHEMAS))
    out = capsys.readouterr().out
    schema = re.findall(r"basic_bad\.tbx:(\d+):1: warning: not valid TBX-Basic: (.*) \[import-tbx\]", out)
    assert len(schema) == 5  # the first five, then how many more
    assert re.search(r"basic_bad\.tbx:\d+:1: warning: … and \d+ more TBX-Basic problem\(s\)", out)
    assert ("23", "RelaxNG: Expecting element langSec, got admin") in schema  # the concept-level source of its comment
    assert any(line == "26" and "transactionType" in text for line, text in schema)  # <transac type="theWrongType"> on line 26
    lines = [int(line) for line, _ in schema]
    assert lines == sorted(lines) and lines[0] > 1


def test_the_weblate_csv_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    concepts = imported(tmp_path, monkeypatch, "weblate-terms-header.csv")
    out = capsys.readouterr().out
    assert [t.text for t in concepts["administrator"].locales["en"].terms] == ["administrator"]  # "administrator " in the file
    assert [t.text for t in concepts["about"].locales["cs"].terms] == ["O &aplikaci"]
    assert "'vymazat' (cs) already names concept 'clear'; not added to 'delete' too" in out
    assert concepts["delete"].locales.keys() == {"en"}


def test_region_tags_map_to_the_shipped_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "in.tbx": """\
        <martif type="TBX" xml:lang="en-US"><text><body>
        <termEntry id="t1"><descrip type="subjectField">Delivery models</descrip>
        <langSet xml:lang="en-US"><tig><term>nearshoring</term><termNote type="partOfSpeech">NOUN</termNote>
        <termNote type="termType">FULLFORM</termNote></tig></langSet>
        <langSet xml:lang="sv-SE"><tig><term>närområdesutlokalisering</term></tig></langSet>
        </termEntry></body></text></martif>
        """,
        },
    )
    assert main(["import", "--format", "tbx", "in.tbx"]) == 0
    out = capsys.readouterr().out
    assert "xml:lang 'en-US' imported as the configured locale 'en'" in out and "xml:lang 'sv-SE' imported as the configured locale 'sv'" in out
    concept = run(load_settings("mkdocs.yml")).glossary.concept("t1")
    assert concept is not None and concept.category == "model"  # matched by its English label
    term = concept.locales["en"].terms[0]
    assert (term.type, term.grammar.pos if term.grammar else None) == ("fullForm", "noun")
    assert "is not a TBX-Basic value" not in out


def test_an_import_that_writes_nothing_exits_1_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "de.tbx": '<martif type="TBX"><text><body><termEntry><langSet xml:lang="de-DE"><tig><term>Auslagerung</term>'
            "</tig></langSet></termEntry></body></text></martif>",
        },
    )
    assert main(["import", "--format", "tbx", "de.tbx"]) == 1
    out = capsys.readouterr().out
    assert "1 langSec element(s) in 'de-DE' not imported" in out
    assert "error: nothing was imported: every concept of the file was left out (the warnings above say why)" in out
    assert "wrote 0 entries" in out and not (tmp_path / "content" / "concepts").exists()
