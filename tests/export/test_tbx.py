"""TBX-Basic export and import: valid against the official schemas, exact round trip, files from other tools."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT, concept, make_settings, valid_glossary, write_files
from lxml import etree
from tbxcheck import tbx_errors

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import Severity
from glossary_tool.exchange import load_all
from glossary_tool.exchange.tbx import NS, export_tbx, import_tbx, to_slug, xml_id
from glossary_tool.lint import run

SAMPLE = Path(__file__).parent / "data" / "Example_Astronomy_DCA_VALID.excerpt.tbx"
TBX = f"{{{NS}}}"


fixtures_glossary = valid_glossary


def test_format_is_registered() -> None:
    exporters, importers = load_all()
    assert exporters["tbx"] is export_tbx and importers["tbx"] is import_tbx


def test_export_is_valid_tbx_basic(tmp_path: Path) -> None:
    glossary, settings = fixtures_glossary(tmp_path)
    data = export_tbx(glossary, settings)
    assert tbx_errors(data) == []
    head = data.decode("utf-8").splitlines()[:4]
    assert head[0] == "<?xml version='1.0' encoding='UTF-8'?>"
    assert 'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>' in head[1]
    assert 'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>' in head[2]
    assert head[3] == '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'


def test_the_schemas_reject_what_they_should() -> None:
    # guards the validation helper itself: a bad status value and a dangling reference must both fail
    data = SAMPLE.read_bytes().replace(b"preferredTerm-admn-sts", b"bestTerm", 1)
    assert any("administrativeStatus" in e for e in tbx_errors(data))
    data = SAMPLE.read_bytes().replace(
        b'<descrip type="subjectField">General</descrip>',
        b'<descrip type="subjectField">General</descrip><ref type="crossReference" target="nowhere">x</ref>',
        1,
    )
    assert tbx_errors(data)


def test_mapping_of_one_concept(tmp_path: Path) -> None:
    glossary, settings = fixtures_glossary(tmp_path)
    root = etree.fromstring(export_tbx(glossary, settings))
    kpo = root.find(f".//{TBX}conceptEntry[@id='kpo']")
    assert kpo.findtext(f"{TBX}descrip[@type='subjectField']") == "Delivery models"  # the category's label in the document's language
    assert [(r.get("target"), r.text) for r in kpo.findall(f"{TBX}ref")] == [("outsourcing", "broader"), ("bpo", "contrast")]
    source = kpo.find(f"{TBX}adminGrp")
    assert source.findtext(f"{TBX}admin[@type='source']") == "BPO vs. KPO — What's the Difference?"
    assert [n.text for n in source.findall(f"{TBX}note")] == [
        "id: askdiff",
        "publisher: Ask Difference",
        "date: 2023-10-20",
        "url: https://example.org/bpo-vs-kpo",
    ]
    en = kpo.find(f"{TBX}langSec[@{{http://www.w3.org/XML/1998/namespace}}lang='en']")
    assert en.findtext(f"{TBX}descrip[@type='definition']").startswith("Handing knowledge-heavy work")
    assert [n.text for n in en.findall(f"{TBX}note")] == ["Often described as a subset of business process outsourcing."]
    first = en.find(f"{TBX}termSec")
    notes = {n.get("type"): n.text for n in first.findall(f"{TBX}termNote")}
    assert notes == {"termType": "fullForm", "administrativeStatus": "preferredTerm-admn-sts", "partOfSpeech": "noun"}
    assert first.findtext(f"{TBX}descrip[@type='context']") == "A bank uses a KPO provider for its equity research."
    # the term's own source, by title, on the term (IATE's term reference)
    assert [a.text for a in first.findall(f"{TBX}admin[@type='source']")] == ["BPO vs. KPO — What's the Difference?"]


def test_mapping_of_the_termbank_fields(tmp_path: Path) -> None:
    glossary, settings = fixtures_glossary(tmp_path)
    root = etree.fromstring(export_tbx(glossary, settings))
    sv = root.find(f".//{TBX}conceptEntry[@id='outsourcing']/{TBX}langSec[@{{http://www.w3.org/XML/1998/namespace}}lang='sv']")
    secs = {sec.findtext(f"{TBX}term"): sec for sec in sv.findall(f"{TBX}termSec")}

    def term_notes(text: str) -> dict[str, str]:
        return {n.get("type"): n.text for n in secs[text].findall(f"{TBX}termNote")}

    def notes(text: str) -> list[str]:
        return [n.text for n in secs[text].findall(f"{TBX}note")]

    assert term_notes("utkontraktering")["geographicalUsage"] == "sv-FI"  # a locale tag, as ISO 12620 asks
    # TBX-Basic has no "proposed" status and no register: the nearest value, and notes carrying ours
    assert term_notes("utläggning")["administrativeStatus"] == "admittedTerm-admn-sts"
    assert notes("utläggning") == ["administrativeStatus: proposed", "register: technical", "En form som ordlistan föreslår."]
    assert term_notes("entreprenadutläggning")["administrativeStatus"] == "supersededTerm-admn-sts"
    assert notes("entreprenadutläggning") == ["Används inte längre."]  # the reason stays on the term
    assert tbx_errors(etree.tostring(root)) == []
    imported, problems = import_tbx(export_tbx(glossary, settings), "x.tbx", settings)
    assert problems == []
    back = next(i.concept for i in imported if i.concept.id == "outsourcing")
    assert back == glossary.concept("outsourcing")


def test_geographical_usage_and_register_of_other_tools(tmp_path: Path) -> None:
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    settings = load_settings(tmp_path / "mkdocs.yml")
    data = (
        f'<tbx xmlns="{NS}" type="TBX-Basic" style="dca" xml:lang="en"><text><body><conceptEntry id="c1">'
        '<langSec xml:lang="en"><termSec><term>color</term><termNote type="geographicalUsage">en_us</termNote>'
        '<termNote type="register">colloquialRegister</termNote><admin type="source">Webster</admin></termSec>'
        '<termSec><term>colour</term><termNote type="geographicalUsage">British English</termNote>'
        '<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec></langSec>'
        "</conceptEntry></body></text></tbx>"
    ).encode()
    imported, problems = import_tbx(data, "x.tbx", settings)
    (color, colour) = imported[0].concept.locales["en"].terms
    assert (color.geographical_usage, color.register, color.sources) == ("US", "colloquial", ("webster",))
    assert imported[0].concept.sources[0].id == "webster" and imported[0].concept.sources[0].title == "Webster"
    assert colour.geographical_usage is None and colour.status == "obsolete"
    assert [p.message for p in problems if "geographicalUsage" in p.message] == [
        "geographicalUsage 'British English' is not a region or a locale with a region (en-US); not imported"
    ]


@pytest.mark.parametrize(("gender", "tbx_value"), [("utrum", "other"), ("neutrum", "neuter"), ("neuter", "neuter"), ("masculine", "masculine")])
def test_swedish_gender_mapping_and_its_exact_reversal(tmp_path: Path, gender: str, tbx_value: str) -> None:
    text = concept("z", sv="zett").replace("gender: utrum", f"gender: {gender}").replace("{pos: noun,", "{pos: properNoun, plural: zettor,")
    glossary, settings = fixtures_glossary(tmp_path, {"z.yaml": text})
    data = export_tbx(glossary, settings)
    assert tbx_errors(data) == []
    sec = etree.fromstring(data).find(f".//{TBX}conceptEntry[@id='z']/{TBX}langSec[@{{http://www.w3.org/XML/1998/namespace}}lang='sv']/{TBX}termSec")
    assert sec.findtext(f"{TBX}termNote[@type='grammaticalGender']") == tbx_value
    assert sec.findtext(f"{TBX}termNote[@type='partOfSpeech']") == "noun"
    notes = [n.text for n in sec.findall(f"{TBX}note")]
    assert ("grammaticalGender: " + gender in notes) == (gender in ("utrum", "neutrum"))
    assert "partOfSpeech: properNoun" in notes and "plural: zettor" in notes
    imported, problems = import_tbx(data, "x.tbx", settings)
    assert problems == []
    assert [i.concept for i in imported] == sorted(glossary.concepts, key=lambda c: c.id)


def test_readme_documents_the_gender_mapping() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"utrum.*grammaticalGender.*other.*note", readme, re.S) and "neuter" in readme


def test_ids_starting_with_a_digit(tmp_path: Path) -> None:
    glossary, settings = fixtures_glossary(tmp_path, {"3pl.yaml": concept("3pl").replace("category: model", "category: general\nrelations: {related: [kpo]}")})
    data = export_tbx(glossary, settings)
    assert b'<conceptEntry id="_3pl">' in data and tbx_errors(data) == []
    imported, problems = import_tbx(data, "x.tbx", settings)
    assert problems == [] and "3pl" in [i.concept.id for i in imported]
    assert xml_id("3pl") == "_3pl" and to_slug("_3pl") == "3pl" and to_slug("C_12") == "c-12" and to_slug("Über Größe") == "uber-groe"


def test_import_of_a_file_written_by_another_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    assert tbx_errors(SAMPLE.read_bytes()) == []  # the excerpt is still the valid official example
    assert main(["import", "--format", "tbx", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "wrote 4 entries" in out and "Traceback" not in out
    assert "supersededTerm" not in out  # a superseded term is an obsolete one: nothing to warn about
    assert "24 <transacGrp> element(s) not imported" in out and "4 langSec element(s) in 'es' not imported" in out
    c1_text = (tmp_path / "content" / "concepts" / "c1.yaml").read_text(encoding="utf-8")
    assert c1_text.startswith("# yaml-language-server: $schema=../entry.schema.json\nid: c1\n")
    result = run(load_settings("mkdocs.yml"))
    # The example's own context sentences use its deprecated "galactic cluster"; lint warns, and nothing is an error.
    assert result.errors == 0
    # no sv; c3 and c4 give no status, so their first term is taken as preferred (as a table's would be)
    assert {p.rule for p in result.problems} == {"missing-locale", "deprecated-term-used"}
    c1 = result.glossary.concept("c1")
    assert isinstance(c1, Concept)
    assert [(t.text, t.status) for t in c1.locales["en"].terms] == [("open cluster", "preferred"), ("galactic cluster", "obsolete")]
    # the notes on the superseded term stay with it: they say why it is no longer used
    galactic = c1.locales["en"].terms[1]
    assert galactic.note is not None and galactic.note.startswith("Another name for an open star cluster.")
    assert c1.locales["en"].definition == "A group of stars formed together in the spiral arms of a galaxy."
    assert (
        c1.locales["en"].examples[1] == "In contrast, the galactic cluster represented by M29 is a grouping of stars—a “knot” of stars in the stellar backdrop."
    )
    assert [s.title for s in c1.sources] == ["Oxford2007", "http://seds.org/MESSIER/open.html", "http://www.eastbayastro.org/2000/0900/r0900-8.htm"]
    c4 = result.glossary.concept("c4")
    assert c4 is not None and [(t.text, t.type) for t in c4.locales["en"].terms] == [("gamma-ray burst", "fullForm"), ("GRB", "acronym")]


def test_import_merges_into_existing_ids_unless_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/c2.yaml": "# mine\n" + concept("c2")})
    assert main(["import", "--format", "tbx", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "wrote 3 entries" in out and "merged the file into 1 entry" in out
    merged = (tmp_path / "content/concepts/c2.yaml").read_text(encoding="utf-8")
    # the comment, the Swedish block the file does not have and the entry's own term stay; the file's terms are added
    assert merged.startswith("# mine\n") and "term c2" in merged and "sv:" in merged and "circumstellar accretion disk" in merged
    assert re.search(
        r"c2\.yaml: added .*en term 'accretion disc'.*; changed en definition.*; kept .*en term\(s\) 'term c2' \(not in the file\), sv \(not in the file\)", out
    )
    assert main(["import", "--format", "tbx", str(SAMPLE), "--overwrite"]) == 0
    replaced = (tmp_path / "content/concepts/c2.yaml").read_text(encoding="utf-8")
    assert replaced.startswith("# yaml-language-server") and "term c2" not in replaced
    assert len(list((tmp_path / "content/concepts").iterdir())) == 4
    with pytest.raises(SystemExit) as exited:  # one or the other: a usage error
        main(["import", "--format", "tbx", str(SAMPLE), "--merge", "--overwrite"])
    assert exited.value.code == 2 and "not allowed with argument --merge" in capsys.readouterr().err


def test_export_command_refuses_overwrite_and_a_glossary_with_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/a.yaml": concept("a")})
    assert main(["export", "--format", "tbx", "-o", "out.tbx"]) == 0
    assert tbx_errors((tmp_path / "out.tbx").read_bytes()) == []
    assert main(["export", "--format", "tbx", "-o", "out.tbx"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert main(["export", "--format", "tbx", "-o", "out.tbx", "--overwrite"]) == 0
    write_files(tmp_path, {"content/b.yaml": concept("b").replace("category: model", "category: model\nrelations: {broader: [nope]}")})
    assert main(["export", "--format", "tbx"]) == 2
    assert "1 lint error(s)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<tbx><text>\n<body>\n</tbx>", 3, "not well-formed XML"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaa">]>\n<tbx/>', 2, "a DOCTYPE with an internal subset ([...]) is not accepted"),
        (b'<?xml version="1.0"?>\n\n\n<!DOCTYPE martif SYSTEM "x.dtd" []>\n<martif/>', 4, "a DOCTYPE with an internal subset ([...]) is not accepted"),
        (b'<martif type="TBX"/>', 1, "no conceptEntry (TBX 2019) or termEntry (TBX 2008) elements"),
        (b"<glossary/>", 1, "the root element is <glossary>, not <tbx> (TBX 2019) or <martif> (TBX 2008)"),
        (b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dct" xml:lang="en"/>', 1, "DCT-style TBX is not supported"),
        (
            b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">\n<text><body/></text></tbx>',
            1,
            "no conceptEntry (TBX 2019) or termEntry (TBX 2008) elements",
        ),
    ],
)
def test_bad_input_gives_located_problems(tmp_path: Path, data: bytes, line: int, message: str) -> None:
    imported, problems = import_tbx(data, "bad.tbx", make_settings(tmp_path))
    assert imported == []
    assert any(p.severity is Severity.ERROR and p.line == line and message in p.message for p in problems), problems


def test_invalid_concept_is_a_problem_at_its_line(tmp_path: Path) -> None:
    data = b"""<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>
<conceptEntry id="ok"><langSec xml:lang="en"><descrip type="definition">D.</descrip><termSec><term>ok</term></termSec></langSec></conceptEntry>
<conceptEntry id="bad"><langSec xml:lang="en"><descrip type="definition">D.</descrip>
<termSec><term>t</term><termNote type="termType">fullForm</termNote></termSec>
<termSec><term></term></termSec></langSec></conceptEntry>
</body></text></tbx>"""
    imported, problems = import_tbx(data, "bad.tbx", make_settings(tmp_path))
    errors = [(p.line, p.message) for p in problems if p.severity is Severity.ERROR]
    assert errors == [(5, "a termSec without term text")]
    assert [i.concept.id for i in imported] == ["ok", "bad"]
    assert "concept 'ok' has no 'en' definition" not in [
        p.message for p in problems
    ] and "2 concepts have no source ('ok', 'bad'); placeholders were written (first here)" in [p.message for p in problems]


def test_no_traceback_on_garbage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    (tmp_path / "junk.tbx").write_bytes(bytes(range(256)) * 8)
    assert main(["import", "--format", "tbx", "junk.tbx"]) == 1
    assert "junk.tbx:1:1: error: not an XML document in an encoding this import reads" in capsys.readouterr().out
    assert main(["import", "--format", "tbx", "missing.tbx"]) == 2


def test_a_termbase_without_statuses_and_with_its_own_values_imports_with_one_warning_per_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = "".join(
        f'<termEntry id="t{i}"><langSet xml:lang="en"><tig><term>word {i}</term><termNote type="partOfSpeech">Substantiv</termNote></tig>'
        f"<tig><term>other word {i}</term></tig></langSet>"
        f'<langSet xml:lang="sv"><tig><term>ord {i}</term><termNote type="partOfSpeech">Substantiv</termNote></tig></langSet></termEntry>'
        for i in range(300)
    )
    tbx = tmp_path / "big.tbx"
    tbx.write_text(f'<?xml version="1.0" encoding="UTF-8"?><martif type="TBX" xml:lang="en"><text><body>{entries}</body></text></martif>', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    assert main(["import", "--format", "tbx", str(tbx)]) == 0
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    # part of speech once for its 600 terms, and the placeholders: definitions in en and sv, sources; a language
    # without statuses takes its first term as preferred without a warning per concept
    assert len(warnings) == 4, warnings
    assert sum("part of speech: 600 in the file (first here: 'Substantiv' of 'word 0'); not a TBX-Basic value" in w for w in warnings) == 1
    # the files written are counted, not listed one a line
    assert "wrote 300 entries in content/concepts/" in out and len(out.splitlines()) < 12
    result = run(load_settings("mkdocs.yml"))
    assert not [p for p in result.problems if p.rule == "preferred-term"]
    t7 = result.glossary.concept("t7")
    assert isinstance(t7, Concept) and [t.status for t in t7.locales["en"].terms] == ["preferred", "admitted"]
