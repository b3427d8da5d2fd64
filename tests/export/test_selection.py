"""run_export: the languages an export carries (--locales) and the placeholders it leaves out, in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import MKDOCS, concept, valid_glossary, write_files

from glossary_tool.cli import main
from glossary_tool.core.problems import FatalError
from glossary_tool.exchange import load_all, run_export

# A concept straight from `glossary-tool translate`: its Swedish text is all placeholders, and one English note too.
HALF_DONE = (
    concept("half", en="half done")
    .replace("    definition: En svensk definition.\n", '    definition: "TODO: Svenska translation of the en definition"\n')
    .replace("      - text: term half sv\n", "      - text: \"TODO: Svenska for 'half done'\"\n")
    .replace(
        "    definition: An English definition.\n",
        '    definition: An English definition.\n    notes: ["TODO: a usage note in English, or delete the list", A real note.]\n',
    )
)


@pytest.mark.parametrize("fmt", sorted(load_all()[0]))
def test_no_format_carries_a_placeholder(tmp_path: Path, fmt: str) -> None:
    glossary, settings = valid_glossary(tmp_path, {"half.yaml": HALF_DONE})
    result = run_export(glossary, settings, fmt)
    assert b"TODO" not in result.data
    assert result.omitted == 3  # the Swedish term and definition, and the English note
    if fmt in ("csv", "json"):
        assert b"A real note." in result.data  # the written values of the same concept stay


def test_a_language_with_no_written_term_is_left_out_of_its_concept(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path, {"half.yaml": HALF_DONE})
    data = json.loads(run_export(glossary, settings, "json").data)
    half = next(c for c in data["concepts"] if c["id"] == "half")
    assert list(half["locales"]) == ["en"] and half["locales"]["en"]["notes"] == ["A real note."]


@pytest.mark.parametrize("fmt", ["tbx", "csv", "json", "skos"])
def test_locales_limit_the_languages(tmp_path: Path, fmt: str) -> None:
    glossary, settings = valid_glossary(tmp_path)
    everything = run_export(glossary, settings, fmt).data
    english = run_export(glossary, settings, fmt, locales=("en",)).data
    assert b"kunskapsprocesser" in everything and b"kunskapsprocesser" not in english
    assert b"knowledge process outsourcing" in english


def test_csv_pair_is_the_glossary_weblate_imports(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "csv-pair", locales=("en", "sv")).data
    assert data.startswith(b'\xef\xbb\xbf"source",')  # the site offers it for download: Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["source", "target", "developer_comments", "translator_comments"]
    assert len(rows) - 1 == len(glossary.concepts)  # one row per concept
    kpo = next(r for r in rows if r[0] == "knowledge process outsourcing")
    assert kpo[1] == "KPO" and kpo[3].startswith("Att lägga ut kunskapsintensivt arbete") and kpo[2].startswith("Handing knowledge-heavy work")
    assert [r[0] for r in rows[1:]] == sorted((r[0] for r in rows[1:]), key=str.casefold)
    swapped = list(csv.reader(io.StringIO(run_export(glossary, settings, "csv-pair", locales=("sv", "en")).data.decode("utf-8-sig"), newline="")))
    assert swapped[[r[0] for r in swapped].index("KPO")][:2] == ["KPO", "knowledge process outsourcing"]


def test_translate_toolkit_reads_the_csv_pair(tmp_path: Path) -> None:
    from translate.storage.csvl10n import csvfile

    glossary, settings = valid_glossary(tmp_path, {"f.yaml": concept("f", en='-ism, "quoted"', sv="=x")})
    store = csvfile(io.BytesIO(run_export(glossary, settings, "csv-pair", locales=("en", "sv")).data))
    units = {u.source: u for u in store.units}
    assert len(units) == len(glossary.concepts)
    kpo = units["knowledge process outsourcing"]
    assert kpo.target == "KPO"
    # what Weblate shows with the translation and with the source: each language's definition
    assert kpo.getnotes("translator").startswith("Att lägga ut") and kpo.getnotes("developer").startswith("Handing knowledge-heavy work")
    assert units['\'-ism, "quoted"'].target == "'=x"  # guarded like every CSV the tool writes: no spreadsheet runs it


@pytest.mark.parametrize(
    ("locales", "message"),
    [
        (("en",), "this format is one language pair"),
        (("en", "de"), "'de' is not a configured locale"),
        (("en", "en"), "names a language twice"),
        ((), "--locales is empty"),
    ],
)
def test_bad_locales_are_clear_errors(tmp_path: Path, locales: tuple[str, ...], message: str) -> None:
    glossary, settings = valid_glossary(tmp_path)
    with pytest.raises(FatalError, match=message):
        run_export(glossary, settings, "csv-pair", locales=locales)


def test_the_command_says_how_many_fields_it_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a"), "content/concepts/half.yaml": HALF_DONE})
    assert main(["export", "--format", "csv-pair", "--locales", "en,sv"]) == 0
    captured = capsys.readouterr()
    assert "left out 3 field(s) that still hold a TODO placeholder" in captured.err
    assert captured.out.splitlines() == [
        '\ufeff"source","target","developer_comments","translator_comments"',
        '"half done","","An English definition."',
        '"term a","term a sv","An English definition.","En svensk definition."',
    ]
    assert main(["export", "--format", "tbx", "--locales", "en,xx"]) == 2
    assert "'xx' is not a configured locale" in capsys.readouterr().err
