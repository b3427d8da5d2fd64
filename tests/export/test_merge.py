"""import --merge, the default when an entry exists: a glossary comes back from translators' tools changing only what
they changed, keeping translated_from and comments, filling placeholders, and saying per entry what it did."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import MKDOCS, ROOT, concept, write_files
from lxml import etree

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.exchange import load_all
from glossary_tool.lint import run

# The formats that can be imported, with the languages each is exported in (a pair format needs two).
PAIRS = {"csv-pair", "omegat", "deepl", "tbx2008-pair"}
IMPORTABLE = sorted(load_all()[1])


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's own glossary (concepts with translated_from, comparisons and questions)."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()}


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_reimporting_an_unchanged_export_changes_no_byte(
    fmt: str, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(shipped)
    before = snapshot(shipped)
    out = tmp_path / "export"
    assert main(["export", "--format", fmt, "-o", str(out), *(["--locales", "en,sv"] if fmt in PAIRS else [])]) == 0
    code = main(["import", "--format", fmt, str(out), *(["--source-locale", "en", "--target-locale", "sv"] if fmt in ("omegat", "deepl") else [])])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "wrote 0 entries" in said and "merged the file into" not in said and "as they were" in said
    assert snapshot(shipped) == before


@pytest.mark.parametrize("fmt", ["tbx2008", "xlsx-multi"])
def test_an_edit_in_a_translators_tool_changes_exactly_that_field(
    fmt: str, shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"  # a copy of its own: the module's copy stays as shipped
    shutil.copytree(shipped, project)
    shipped = project
    monkeypatch.chdir(shipped)
    before = snapshot(shipped)
    exported = tmp_path / ("export.xlsx" if fmt.startswith("xlsx") else "export.tbx")
    assert main(["export", "--format", fmt, "-o", str(exported)]) == 0
    new = "Att anlita en extern leverantör för kunskapsintensivt arbete som analys och utredning."
    if fmt == "tbx2008":  # as Weblate's or a CAT tool's TBX editor would: the text of one element
        tree = etree.parse(str(exported), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
        (definition,) = tree.xpath("//termEntry[@id='kpo']/langSet[@xml:lang='sv']/descrip[@type='definition']")
        definition.text = new
        tree.write(str(exported), xml_declaration=True, encoding="UTF-8", doctype=tree.docinfo.doctype)
    else:  # as a spreadsheet or a CAT tool's Excel import would: one cell, the workbook saved again
        book = openpyxl.load_workbook(exported)
        sheet = book.active
        assert sheet is not None
        header = [c.value for c in sheet[1]]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "kpo")
        row[header.index("sv definition")].value = new
        book.save(exported)
    assert main(["import", "--format", fmt, str(exported)]) == 0
    said = capsys.readouterr().out
    after = snapshot(shipped)
    assert [name for name in before if before[name] != after[name]] == ["content/concepts/kpo.yaml"]  # no other file
    old_text, new_text = (yaml.safe_load(snap["content/concepts/kpo.yaml"]) for snap in (before, after))
    assert new_text["locales"]["sv"]["definition"] == new
    new_text["locales"]["sv"]["definition"] = old_text["locales"]["sv"]["definition"]
    assert new_text == old_text  # nothing else in the entry changed
    diff = changed_lines(before["content/concepts/kpo.yaml"], after["content/concepts/kpo.yaml"])
    assert diff and all(line.startswith(("-      ", "+      ", "+    definition:", "-    definition:")) for line in diff)  # its lines only
    assert "translated_from: {terms: cf64aa7647, definition: 611699b342" in after["content/concepts/kpo.yaml"].decode()
    assert "merged the file into 1 entry\n  content/concepts/kpo.yaml: changed sv definition;" in said
    concepts = len(list((shipped / "content" / "concepts").glob("*.yaml")))
    assert f"left {concepts - 1} entries as they were" in said
    assert run(load_settings("mkdocs.yml")).errors == 0


HOLES = """\
# keep this comment
id: nearshore
kind: concept
category: model
sources:
  - title: "TODO: source of nearshore"
locales:
  en:
    terms:
      - text: nearshoring
        type: fullForm
        status: preferred
    definition: Moving work to a nearby country.  # and this one
  sv:
    terms:
      - text: "TODO: term"
        type: fullForm
        status: preferred
    definition: "TODO: sv definition"
    translated_from: {definition: 0123abcdef}
"""


def test_placeholders_are_filled_and_the_rest_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "content/concepts/nearshore.yaml": HOLES,
            "in.csv": "sourceLang,targetLang,sourceString,targetString,description\r\n"
            "en,sv,nearshoring,närområdesoutsourcing,Moving work to a nearby country.\r\n",
        },
    )
    assert main(["import", "--format", "csv", "in.csv"]) == 0
    said = capsys.readouterr().out
    text = (tmp_path / "content/concepts/nearshore.yaml").read_text(encoding="utf-8")
    assert text.startswith("# keep this comment\n") and "# and this one" in text
    assert "TODO: term" not in text and "text: närområdesoutsourcing" in text
    assert "translated_from: {definition: 0123abcdef}" in text and 'definition: "TODO: sv definition"' in text  # the file has none
    assert "nearshore.yaml: added sv term 'närområdesoutsourcing'; changed sv term (the placeholder)" in said
    assert "kept" in said and "sv definition" not in said.split("kept")[0]


def test_a_merge_never_takes_an_assumed_value_over_the_entrys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # translate-toolkit writes no ids, no subject field and no statuses: the entry's category, id and statuses stay
    monkeypatch.chdir(tmp_path)
    entry = concept("kpo", en="KPO", sv="KPO").replace("category: model", "category: service\nrelations: {service_of: [kpo]}")
    entry = entry.replace(
        "      - text: KPO\n        type: fullForm\n        status: preferred\n    definition: An English",
        "      - text: KPO\n        type: acronym\n        status: admitted\n      - text: knowledge work\n        type: fullForm\n"
        "        status: preferred\n    definition: An English",
    )
    write_files(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS,
            "content/concepts/kpo.yaml": entry,
            "tt.tbx": """\
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
        <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
        <text><body><termEntry><langSet xml:lang="en"><tig><term>KPO</term></tig></langSet>
        <langSet xml:lang="sv"><tig><term>KPO</term></tig><tig><term>kunskapsoutsourcing</term></tig></langSet></termEntry></body></text></martif>
        """,
        },
    )
    before = (tmp_path / "content/concepts/kpo.yaml").read_text(encoding="utf-8")
    assert main(["import", "--format", "tbx", "tt.tbx"]) == 0
    said = capsys.readouterr().out
    after = (tmp_path / "content/concepts/kpo.yaml").read_text(encoding="utf-8")
    assert "merged the file into 1 entry\n  content/concepts/kpo.yaml: added sv term 'kunskapsoutsourcing'; kept" in said
    assert changed_lines(before.encode(), after.encode()) == ["+      - text: kunskapsoutsourcing", "+        type: fullForm", "+        status: admitted"]


def test_an_entry_that_cannot_be_edited_in_place_is_an_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a"), "content/concepts/b.yaml": concept("b")})
    assert main(["export", "--format", "csv", "-o", "out.csv"]) == 0
    (tmp_path / "out.csv").write_bytes((tmp_path / "out.csv").read_bytes().replace(b"An English definition.", b"Edited."))
    # b's sources indented by four: writing it back would re-indent lines the file does not change
    odd = (
        concept("b")
        .replace("sources:\n  - title", "sources:\n    - title")
        .replace("\n    publisher", "\n      publisher")
        .replace("\n    date", "\n      date")
    )
    (tmp_path / "content/concepts/b.yaml").write_text(odd, encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["import", "--format", "csv", "out.csv"]) == 1
    said = capsys.readouterr().out
    assert "concept 'b' cannot be merged into content/concepts/b.yaml" in said and "pass --overwrite to replace it" in said
    assert snapshot(tmp_path) == before  # all or nothing: a, which could be merged, is not written either


def test_two_rows_of_one_concept_in_a_file_are_still_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a")})
    assert main(["export", "--format", "json", "-o", "out.json"]) == 0
    data = (tmp_path / "out.json").read_text(encoding="utf-8")
    first = data.index('    {\n      "category"')
    end = data.index("\n    }", first) + len("\n    }")
    (tmp_path / "out.json").write_text(data[:end] + ",\n" + data[first:end].replace("An English definition.", "Other.") + data[end:], encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["import", "--format", "json", "out.json"]) == 1
    assert "concept 'a' appears twice" in capsys.readouterr().out and snapshot(tmp_path) == before


def test_the_report_names_each_kind_of_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a"), "content/concepts/b.yaml": concept("b")})
    assert main(["export", "--format", "xlsx", "-o", "out.xlsx"]) == 0
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    a_sv = next(r for r in rows if r[0].value == "a" and r[2].value == "sv")
    a_sv[header.index("status")].value = "admitted"  # a status
    a_sv[header.index("term_note")].value = "Used in contracts."  # a field the entry did not have
    sheet.append(["a", "model", "sv", "term a sv 2", None, "variant", "admitted"])  # a new synonym
    book.save(tmp_path / "out.xlsx")
    assert main(["import", "--format", "xlsx", "out.xlsx"]) == 0
    said = capsys.readouterr().out
    assert ("content/concepts/a.yaml: added sv term 'term a sv 2'; changed status of sv 'term a sv' (preferred → admitted), note of sv 'term a sv'") in said
    assert "left 1 entry as they were" in said
    a = run(load_settings("mkdocs.yml")).glossary.concept("a")
    assert a is not None and [(t.text, t.status, t.note) for t in a.locales["sv"].terms] == [
        ("term a sv", "admitted", "Used in contracts."),
        ("term a sv 2", "admitted", None),
    ]
