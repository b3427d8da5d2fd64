"""TBX-Basic 2008 export read by translate-toolkit (what Weblate reads TBX with), and the import's DOCTYPE rules."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MKDOCS, concept, make_settings, valid_glossary, write_files
from lxml import etree
from translate.storage.tbx import tbxfile

from glossary_tool.cli import main
from glossary_tool.core.problems import Severity
from glossary_tool.exchange import run_export
from glossary_tool.exchange.tbx import import_tbx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_translate_toolkit_reads_every_term_language_and_definition(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    data = run_export(glossary, settings, "tbx2008").data
    assert data.startswith(
        b'<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif type="TBX-Basic" xml:lang="en">'
    )
    store = tbxfile.parsestring(data)
    units = {unit.getid(): unit for unit in store.units}
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    assert sorted(units) == [c.id for c in concepts]
    for c in concepts:
        unit = units[c.id]
        languages = [ls.get(XML_LANG) for ls in unit.getlanguageNodes()]
        assert languages == list(c.locales)
        for code, block in c.locales.items():
            assert [t.text for t in unit._get_terms(unit.getlanguageNode(lang=code))] == [t.text for t in block.terms]
            definitions = [n.text for n in unit._notes_in_scope(unit.getlanguageNode(lang=code), "language") if n.origin == "definition"]
            assert definitions == [block.definition]
        assert unit.source == c.locales["en"].terms[0].text
        if "sv" in c.locales:
            assert unit.target == c.locales["sv"].terms[0].text


def test_tbx2po_makes_a_po_file_of_it(tmp_path: Path) -> None:
    # translate-toolkit's converter (the issue: it wrote an empty file from the TBX 2019 export)
    glossary, settings = valid_glossary(tmp_path)
    (tmp_path / "g.tbx").write_bytes(run_export(glossary, settings, "tbx2008").data)
    tool = Path(sys.executable).with_name("tbx2po")
    proc = subprocess.run([str(tool), str(tmp_path / "g.tbx"), str(tmp_path / "g.po")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    po = (tmp_path / "g.po").read_text(encoding="utf-8")
    assert po.count("\nmsgid ") == len(glossary.concepts) + 1  # and the header
    assert 'msgid "knowledge process outsourcing"\nmsgstr "KPO"' in po


def test_deprecated_terms_are_what_translate_toolkit_calls_deprecated(tmp_path: Path) -> None:
    old = concept("old", en="bygone term").replace("status: preferred\n    definition", "status: deprecated\n    definition", 1)
    glossary, settings = valid_glossary(tmp_path, {"old.yaml": old})
    store = tbxfile.parsestring(run_export(glossary, settings, "tbx2008", locales=("en",)).data)
    unit = next(u for u in store.units if u.getid() == "old")
    assert [t.deprecated for t in unit.get_source_terms()] == [True]


def test_one_file_per_language_pair(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    for fmt in ("tbx", "tbx2008"):
        root = etree.fromstring(run_export(glossary, settings, fmt, locales=("sv",)).data)
        assert {el.get(XML_LANG) for el in root.iter("{*}langSec", "langSet")} == {"sv"}
        assert root.get(XML_LANG) == "sv"


def test_exact_round_trip(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path)
    imported, problems = import_tbx(run_export(glossary, settings, "tbx2008").data, "x.tbx", settings)
    assert problems == []
    assert [i.concept for i in imported] == sorted(glossary.concepts, key=lambda c: c.id)


@pytest.fixture
def http_hits() -> Iterator[tuple[str, list[str]]]:
    """A server on the loopback address that records every request, to show that the import fetches nothing."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY ext "FETCHED">')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_doctype_without_internal_subset_is_read_and_nothing_is_fetched(tmp_path: Path, http_hits: tuple[str, list[str]]) -> None:
    base, hits = http_hits
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "{base}/TBXcdv04.dtd">\n'
        '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>a&ext;b</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    ).encode()
    imported, problems = import_tbx(data, "x.tbx", make_settings(tmp_path))
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert imported[0].concept.locales["en"].terms[0].text == "a&ext;b"  # the reference stays as written: never expanded
    assert hits == []


@pytest.mark.parametrize(
    ("doctype", "line"),
    [
        ('<!DOCTYPE martif [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', 3),
        ('<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 3),
        ("<!DOCTYPE martif []>", 3),
    ],
)
def test_doctype_with_internal_subset_is_refused_at_its_line(tmp_path: Path, doctype: str, line: int, http_hits: tuple[str, list[str]]) -> None:
    data = (
        f'<?xml version="1.0"?>\n<!-- from another tool -->\n{doctype}\n<martif><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>&b;&x;</term>'
        "</tig></langSet></termEntry></body></text></martif>"
    )
    imported, problems = import_tbx(data.encode(), "x.tbx", make_settings(tmp_path))
    assert imported == []
    assert [(p.line, p.severity) for p in problems] == [(line, Severity.ERROR)]
    assert "a DOCTYPE with an internal subset ([...]) is not accepted" in problems[0].message
    assert http_hits[1] == []


def test_command_line_round_trip_through_tbx2008(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a")})
    assert main(["export", "--format", "tbx2008", "-o", "g.tbx"]) == 0
    (tmp_path / "content/concepts/a.yaml").unlink()
    assert main(["import", "--format", "tbx2008", "g.tbx"]) == 0
    assert "wrote 1 entry" in capsys.readouterr().out
