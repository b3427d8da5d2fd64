"""The file's own word: its language columns and attributes decide where each term goes (a command-line language that
says otherwise is an error, never a swap), and whatever it has that the glossary cannot hold is named once per kind,
with its count and first line. Files of the shape Google, translate-toolkit, Weblate and the TBX maintainers write."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT, concept, mkdocs_yml, write_files

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.core.model import Concept
from glossary_tool.lint import run

INTEROP = ROOT.parent / "shared" / "interop"
# Google's COVID-19 terminology (TICO-19): every row says its languages, its part of speech and an English description.
GOOGLE = """\
stringID,sourceLang,targetLang,pos,description,sourceString,targetString
1,en,sv,noun,The separation of people who may have been exposed to a disease.,quarantine,karantän
2,en,sv,verb,To keep people apart who may have been exposed to a disease.,quarantine,sätta i karantän
3,en,sv,noun,A person who carries the virus without symptoms.,asymptomatic carrier,symtomfri bärare
4,en,sv,noun phrase,A measure that keeps people apart.,social distancing,social distansering
5,en,fr,noun,Any mask worn over the face.,face mask,masque
"""
SWEDISH_FIRST = mkdocs_yml(locales=[{"code": "sv"}, {"code": "en"}], categories=[{"id": "general"}], relations=[])


def concepts() -> dict[str, Concept]:
    return {c.id: c for c in run(load_settings("mkdocs.yml")).glossary.concepts}


def test_googles_languages_decide_in_a_swedish_first_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": SWEDISH_FIRST, "google.csv": GOOGLE})
    assert main(["import", "--format", "csv", "google.csv"]) == 0
    out = capsys.readouterr().out
    found = concepts()
    quarantine = found["quarantine"]
    assert [t.text for t in quarantine.locales["en"].terms] == ["quarantine"]  # English under en, not under the first locale
    assert [t.text for t in quarantine.locales["sv"].terms] == ["karantän", "sätta i karantän"]
    assert quarantine.locales["en"].definition.startswith("The separation of people")  # the description is the English one
    assert quarantine.locales["sv"].definition.startswith("TODO")
    term = quarantine.locales["en"].terms[0]
    assert term.grammar is not None and term.grammar.pos == "noun"  # pos kept
    # the noun and the verb cannot be two concepts (a term names one concept per language): said once, with the line
    assert re.search(
        r"google\.csv:3:1: warning: duplicate terms: 1 in the file \(first here: 'quarantine' \(en\) as a verb, an earlier row has it as a noun\)", out
    )
    assert re.search(r"google\.csv:5:1: warning: part of speech: 1 in the file \(first here: 'noun phrase' of 'social distancing'\); not a value", out)
    assert re.search(r"google\.csv:6:1: warning: 1 row\(s\) in en → fr not imported \(first here\)", out)
    assert "column(s) 'stringid'" not in out.casefold() or "have no place in the glossary" in out


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--source-locale", "sv"], "google.csv:2:1: error: the file says this row is in 'en', but --source-locale is sv"),
        (["--target-locale", "en"], "google.csv:2:1: error: the file says this row is in 'sv', but --target-locale is en"),
    ],
)
def test_a_language_the_command_line_contradicts_is_an_error(
    flags: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": SWEDISH_FIRST, "google.csv": GOOGLE})
    assert main(["import", "--format", "csv", "google.csv", *flags]) == 1
    assert message in capsys.readouterr().out
    assert not (tmp_path / "content" / "concepts").exists()


def test_translate_toolkits_xx_is_the_target_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # csv2tbx without --target-language writes the translations in a langSet 'xx'
    monkeypatch.chdir(tmp_path)
    tool = Path(sys.executable).with_name("csv2tbx")
    proc = subprocess.run([str(tool), str(INTEROP / "weblate-terms-header.csv"), str(tmp_path / "terms.tbx")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert 'xml:lang="xx"' in (tmp_path / "terms.tbx").read_text(encoding="utf-8")
    write_files(tmp_path, {"mkdocs.yml": mkdocs_yml(locales=[{"code": "en"}, {"code": "cs"}], categories=[{"id": "general"}], relations=[])})
    assert main(["import", "--format", "tbx", "terms.tbx"]) == 0
    out = capsys.readouterr().out
    assert (
        "langSec element(s) in 'xx' not imported (first here): translate-toolkit writes 'xx' for a target language it was not told; pass --target-locale" in out
    )
    assert not any("cs" in c.locales for c in concepts().values())
    assert main(["import", "--format", "tbx", "terms.tbx", "--target-locale", "cs"]) == 0
    found = concepts()
    assert [t.text for t in found["about"].locales["cs"].terms] == ["O &aplikaci"]
    assert sum("cs" in c.locales for c in found.values()) > 100  # every translation, not one dropped
    assert main(["import", "--format", "tbx", "terms.tbx", "--source-locale", "cs"]) == 1
    assert "the file's xml:lang is 'en', but --source-locale is cs" in capsys.readouterr().out


def test_a_target_locale_the_tbx_file_does_not_have_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": mkdocs_yml(locales=[{"code": "en"}, {"code": "cs"}, {"code": "sv"}], categories=[{"id": "general"}], relations=[])})
    assert main(["import", "--format", "tbx", str(INTEROP / "weblate-cs.tbx"), "--target-locale", "sv"]) == 1
    assert "--target-locale sv: the file has no langSec in that language (its languages: en, cs)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "header",
    [
        "en,sv,comment",  # refused before: a column that is not a language
        "English,Swedish,Comment",  # language names, as Trados' Glossary Converter and memoQ take them
        "Term [en],Term [sv],Description [en]",  # labelled columns (Crowdin)
        "en,sv,en note",
    ],
)
def test_headers_that_name_their_languages(header: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": SWEDISH_FIRST, "t.csv": f"{header}\r\nnearshoring,närområdesoutsourcing,Work moved nearby.\r\n"})
    assert main(["import", "--format", "csv", "t.csv"]) == 0, capsys.readouterr().out
    concept = next(iter(concepts().values()))
    assert [t.text for t in concept.locales["en"].terms] == ["nearshoring"] and [t.text for t in concept.locales["sv"].terms] == ["närområdesoutsourcing"]
    en = concept.locales["en"]
    assert "Work moved nearby." in (en.definition, *en.notes)  # the unlabelled or English text is the English one


# The shape of a glossary Weblate exports as TBX (translate-toolkit's martif): Weblate's statuses and usage notes, and
# what else other tools write that the glossary has no place for.
WEBLATE_LIKE = """\
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="agent">
  <descrip type="Translation needed">no</descrip>
  <ref type="crossReference" target="handler">seeAlso</ref>
  <langSet xml:lang="en"><descrip type="Usage note">Said of call-centre staff.</descrip>
    <tig><term>agent</term><termNote type="partOfSpeech">Noun phrase</termNote></tig></langSet>
  <langSet xml:lang="sv">
    <tig><term>agent</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>handläggare</term><termNote type="administrativeStatus">obsolete</termNote><note>Older.</note><note>Public sector.</note></tig>
    <tig><term>kundtjänstmedarbetare</term><term>kundtjänstagent</term><termNote type="administrativeStatus">forbidden</termNote></tig>
  </langSet>
  <adminGrp><admin type="source" xml:lang="Swedish">Handbok</admin></adminGrp>
  <admin type="source">https://example.org/glossary</admin>
</termEntry>
<termEntry id="handler">
  <langSet xml:lang="en"><tig><term>case handler</term><termNote type="usageStatus">not an allowed value</termNote></tig>
    <tig><term>handler</term><termNote type="partOfSpeech">Noun phrase</termNote></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_what_the_glossary_cannot_hold_is_named_once_per_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {"mkdocs.yml": mkdocs_yml(locales=[{"code": "en"}, {"code": "sv"}], categories=[{"id": "general"}], relations=[]), "weblate.tbx": WEBLATE_LIKE},
    )
    assert main(["import", "--format", "tbx", "weblate.tbx"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "warning:" in line]
    expected = {
        "part of speech": r"weblate\.tbx:9:1: warning: part of speech: 2 in the file \(first here: 'Noun phrase' of 'agent'\); not a TBX-Basic value; imported as other",
        "statuses": r"weblate\.tbx:19:1: warning: statuses: 1 in the file \(first here: usageStatus 'not an allowed value'\)",
        "duplicate terms": r"weblate\.tbx:13:1: warning: duplicate terms: 1 in the file \(first here: 'kundtjänstagent' after 'kundtjänstmedarbetare' in one term section\)",
        "undeclared relations": r"weblate\.tbx:7:1: warning: undeclared relations: 1 in the file \(first here: 'seeAlso' to 'handler'\); imported as related",
        "term-level notes": r"weblate\.tbx:12:1: warning: term-level notes: 1 in the file \(first here: 2 notes on 'handläggare'\)",
        "source language": r"weblate\.tbx:15:1: warning: source language: 1 in the file \(first here: 'Swedish' of 'Handbok'\)",
        "translation needed": r"weblate\.tbx:6:1: warning: 1 <descrip type='Translation needed'> element\(s\) not imported",
    }
    for kind, pattern in expected.items():
        assert len([line for line in lines if re.search(pattern, line)]) == 1, f"{kind}: {out}"
    found = concepts()
    agent = found["agent"]
    # Weblate's statuses: obsolete is the glossary's obsolete, forbidden its deprecated
    assert [(t.text, t.status) for t in agent.locales["sv"].terms] == [
        ("agent", "preferred"),
        ("handläggare", "obsolete"),
        ("kundtjänstmedarbetare", "deprecated"),
    ]
    assert agent.locales["sv"].terms[1].note == "Older.\nPublic sector."
    assert "Said of call-centre staff." in agent.locales["en"].notes  # the usage note is kept as a note
    assert agent.relations == {"related": ("handler",)}
    web = next(s for s in agent.sources if s.title.startswith("https://"))
    assert web.url == "https://example.org/glossary"  # a URL source is also the source's url
    assert [(t.text, t.status) for t in found["handler"].locales["en"].terms] == [("case handler", "preferred"), ("handler", "admitted")]


def test_many_unknown_values_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    entries = "".join(
        f'<termEntry id="c{i}"><langSet xml:lang="en"><tig><term>term {i}</term><termNote type="partOfSpeech">Noun phrase</termNote>'
        f"</tig></langSet></termEntry>\n"
        for i in range(300)
    )
    write_files(
        tmp_path,
        {
            "mkdocs.yml": mkdocs_yml(locales=[{"code": "en"}], categories=[{"id": "general"}], relations=[]),
            "many.tbx": f'<martif type="TBX" xml:lang="en"><text><body>\n{entries}</body></text></martif>\n',
        },
    )
    assert main(["import", "--format", "tbx", "many.tbx"]) == 0
    out = capsys.readouterr().out
    assert out.count("Noun phrase") == 1 and "part of speech: 300 in the file (first here: 'Noun phrase' of 'term 0')" in out


def test_a_tbx_term_that_names_another_concept_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # lint allows a term for one concept per language (duplicate-term): the term is left out and counted, not the import
    monkeypatch.chdir(tmp_path)
    entry = (
        '<conceptEntry id="{id}"><descrip type="subjectField">model</descrip>\n<langSec xml:lang="en"><descrip type="definition">D.</descrip>\n'
        "{terms}</langSec>\n</conceptEntry>\n"
    )
    terms = {"sheet": ["sheet", "list"], "worksheet": ["worksheet", "list"], "lister": ["list"], "other": ["other", "listing"]}
    body = "".join(entry.format(id=cid, terms="".join(f"<termSec><term>{t}</term></termSec>" for t in ts)) for cid, ts in terms.items())
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "content/concepts/old.yaml": concept("old", en="listing"),
            "t.tbx": f'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>\n{body}</body></text></tbx>\n',
        },
    )
    assert main(["import", "--format", "tbx", "t.tbx"]) == 0
    out = capsys.readouterr().out
    assert "t.tbx:7:1: warning: duplicate terms: 3 in the file (first here: 'list' (en) of 'worksheet' names 'sheet' already); left out" in out
    assert "t.tbx:10:1: warning: concept 'lister' has no terms in a configured locale" in out
    found = concepts()
    assert [t.text for t in found["sheet"].locales["en"].terms] == ["sheet", "list"]
    assert [t.text for t in found["worksheet"].locales["en"].terms] == ["worksheet"] and "lister" not in found
    assert [t.text for t in found["other"].locales["en"].terms] == ["other"]  # 'listing' is the existing entry's term
    assert run(load_settings("mkdocs.yml")).errors == 0
