"""Hostile import files: every case ends in ``FILE:LINE:COL: error: … [import-FORMAT]`` and exit 1, and nothing is written.

The third attack round's import cases: encodings that broke the readers, files that blocked or followed a link, TBX
prologs that hid an internal subset, JSON that Python reads leniently, characters no entry may hold, and entries that
would have left the glossary failing lint. Memory and time of the files past the import's bounds are measured in a
child process, as in ``test_security_resources.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT, concept, write_files
from security_helpers import measure, summary, tree

from glossary_tool.cli import main
from glossary_tool.exchange.registry import MAX_IMPORT_CELLS, MAX_IMPORT_CONCEPTS, MAX_IMPORT_ROWS, MEMORY_BOUND_MB

EXE = Path(sys.executable).with_name("glossary-tool")
TBX_SCHEMAS = ROOT.parent / "shared" / "tbx"
NS = "urn:iso:std:iso:30042:ed-2"
CSV_HEADER = "concept_id,category,locale,term,definition\r\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A glossary of two concepts ('a': term 'alpha', 'b'), with import files made beside it in ``tmp/files``."""
    write_files(tmp_path / "p", {"mkdocs.yml": MKDOCS, "content/concepts/a.yaml": concept("a", "alpha", "alfa"), "content/concepts/b.yaml": concept("b")})
    (tmp_path / "files").mkdir()
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def _import(project: Path, fmt: str, name: str, data: bytes, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    """Import ``data`` as ``files/name``; the exit status and the error lines. Nothing in the project may change."""
    path = project.parent / "files" / name
    path.write_bytes(data)
    before = tree(project)
    status = main(["import", "--format", fmt, str(path), *extra])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert tree(project) == before, "the project changed"
    return status, [line for line in out.out.splitlines() if ": error: " in line]


def _tbx(entries: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> str:
    return f'{prolog}<tbx xmlns="{NS}" type="TBX-Basic" style="dca" xml:lang="en">\n<text>\n<body>\n{entries}</body>\n</text>\n</tbx>\n'


def _entry(cid: str, term: str, definition: str = "A definition.", extra: str = "") -> str:
    return (
        f'<conceptEntry id="{cid}">{extra}\n<langSec xml:lang="en"><descrip type="definition">{definition}</descrip>\n'
        f"<termSec><term>{term}</term></termSec></langSec>\n</conceptEntry>\n"
    )


SUBSET = '<!DOCTYPE tbx [<!ATTLIST conceptEntry id CDATA "planted"><!ENTITY e "planted">]>\n'
PLAIN = _tbx(_entry("c1", "gamma").replace(' id="c1"', ""))  # no id: the ATTLIST default would have supplied one

# name -> (format, the file, its name, the start of the expected error: "LINE:COL: error: words")
CASES: dict[str, tuple[str, Callable[[], bytes], str, str]] = {
    "tbx, UTF-16 with a byte-order mark and an odd byte count": (
        "tbx",
        lambda: b"\xff\xfe" + _tbx(_entry("c1", "gamma")).encode("utf-16-le") + b"x",
        "odd.tbx",
        "12:1: error: broken UTF-16",
    ),
    "tbx, a comment with a DOCTYPE before the real one": (
        "tbx",
        ('<?xml version="1.0"?>\n<!-- <!DOCTYPE tbx> -->\n' + SUBSET + PLAIN.split("\n", 1)[1]).encode,
        "c.tbx",
        "3:1: error: a DOCTYPE with an internal subset",
    ),
    "tbx, a processing instruction before the DOCTYPE": (
        "tbx",
        ('<?xml version="1.0"?>\n<?x <!DOCTYPE tbx>?>\n' + SUBSET + PLAIN.split("\n", 1)[1]).encode,
        "pi.tbx",
        "3:1: error: a DOCTYPE with an internal subset",
    ),
    "tbx, UTF-16 without a byte-order mark": (
        "tbx",
        lambda: ('<?xml version="1.0" encoding="UTF-16"?>\n' + SUBSET + PLAIN.split("\n", 1)[1]).encode("utf-16-le"),
        "le.tbx",
        "2:1: error: a DOCTYPE with an internal subset",
    ),
    "tbx, UTF-7 hiding the DOCTYPE's brackets": (
        "tbx",
        lambda: b'<?xml version="1.0" encoding="UTF-7"?>\n+ADw-!DOCTYPE tbx +AFs-+ADw-!ENTITY e "x"+AD4-+AF0-+AD4-\n' + PLAIN.split("\n", 1)[1].encode(),
        "u7.tbx",
        "2:1: error: a DOCTYPE with an internal subset",
    ),
    "tbx, EBCDIC, which libxml2 would read itself": (
        "tbx",
        lambda: ('<?xml version="1.0" encoding="IBM037"?>\n' + SUBSET + PLAIN.split("\n", 1)[1]).encode("cp037"),
        "e.tbx",
        "1:1: error: not an XML document in an encoding this import reads",
    ),
    "csv, lines ending in CR alone": (
        "csv",
        lambda: (CSV_HEADER + "c,model,en,gamma,G.\r\n").replace("\r\n", "\r").encode(),
        "cr.csv",
        "1:43: error: lines end in a CR alone",
    ),
    "csv, UTF-16 without a byte-order mark": (
        "csv",
        lambda: (CSV_HEADER + "c,model,en,gamma,G.\r\n").encode("utf-16-le"),
        "le.csv",
        "1:1: error: the file looks like UTF-16 or UTF-32",
    ),
    "csv, UTF-32": ("csv", lambda: (CSV_HEADER + "c,model,en,gamma,G.\r\n").encode("utf-32"), "u32.csv", "1:1: error: the file is UTF-32"),
    "csv, a header cell over 128 KB": (
        "csv",
        ("x" * 140_000 + ",source,target\r\na,b,c\r\n").encode,
        "wide.csv",
        "1:1: error: a cell of more than 131,072 characters",
    ),
    "csv, a byte that is not UTF-8 on line 3": (
        "csv",
        lambda: (CSV_HEADER + "c,model,en,gamma,G.\r\nd,model,en,de").encode() + b"\xff" + b"lta,D.\r\n",
        "bad.csv",
        "3:14: error: byte 0xff is not UTF-8",
    ),
    "json, a number of more than 4,300 digits": (
        "json",
        lambda: b'{"concepts": [\n  {"id": "c", "x": ' + b"7" * 5000 + b"}]}",
        "n.json",
        "2:20: error: a number of 5,000 digits",
    ),
    "json, a key given twice at the top": (
        "json",
        lambda: b'{"concepts": [],\n "concepts": [{"id": "c"}]}',
        "k.json",
        '2:2: error: the key "concepts" is given twice (first at line 1, column 2)',
    ),
    "json, a key given twice in a concept": (
        "json",
        lambda: b'{"concepts": [{"id": "c", "category": "model", "sources": [], "category": "general"}]}',
        "kk.json",
        '1:63: error: the key "category" is given twice in one object',
    ),
    "json, not valid at line 3": ("json", lambda: b'{\n  "concepts": [\n    {"id": "a",}\n  ]\n}', "v.json", "3:16: error: not valid JSON"),
    "json, an unterminated string of a million escapes": (
        "json",
        lambda: b'{"concepts": ["' + b'\\"' * 1_000_000,
        "u.json",
        "1:15: error: not valid JSON: Unterminated string",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_one_located_error_and_nothing_is_written(case: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fmt, make, name, expected = CASES[case]
    status, errors = _import(project, fmt, name, make(), capsys)
    assert status == 1
    assert len(errors) == 1 and errors[0].startswith(f"../files/{name}:{expected}") and errors[0].endswith(f"[import-{fmt}]"), errors


def test_an_attlist_default_cannot_change_an_imported_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Without the subset the same file imports, with the id made from its term: the default never reached it.
    status, errors = _import(project, "tbx", "subset.tbx", (PLAIN.split("\n", 1)[0] + "\n" + SUBSET + PLAIN.split("\n", 1)[1]).encode(), capsys)
    assert status == 1 and "a DOCTYPE with an internal subset" in errors[0]
    assert main(["import", "--format", "tbx", str(project.parent / "files" / "subset.tbx").replace("subset", "plain")]) == 2  # missing: a usage error
    (project.parent / "files" / "plain.tbx").write_text(PLAIN, encoding="utf-8")
    assert main(["import", "--format", "tbx", str(project.parent / "files" / "plain.tbx")]) == 0
    assert (project / "content" / "concepts" / "gamma.yaml").is_file() and not (project / "content" / "concepts" / "planted.yaml").exists()


def test_a_fifo_is_refused_without_blocking(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = project.parent / "files" / "pipe.csv"
    os.mkfifo(fifo)
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(["import", "--format", "csv", str(fifo)])), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("import blocked on a FIFO")
    assert result == [1]
    assert "../files/pipe.csv:1:1: error: is not a regular file (a FIFO, socket or device)" in capsys.readouterr().out


def test_a_linked_import_file_prints_nothing_of_its_target(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = project.parent / "secret.txt"
    secret.write_text("root:SECRET-FIRST-LINE:0:0\n", encoding="utf-8")
    (project.parent / "files" / "link.csv").symlink_to(secret)
    assert main(["import", "--format", "csv", str(project.parent / "files" / "link.csv")]) == 1
    out = capsys.readouterr()
    assert "SECRET" not in out.out + out.err
    assert "../files/link.csv:1:1: error: is a symbolic link; name the file it points to (nothing of it was read) [import-csv]" in out.out


# ---- bad concepts: each reported at its own place in the file read, all of them at once ----


def test_bad_characters_are_reported_where_the_file_has_them_all_at_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        CSV_HEADER,
        "c,model,en,gamma,Fine.\r\n",
        "d,model,en,del\u200bta,Fine.\r\n",
        'e,model,en,epsilon,"Two\r\nlines \u202e here."\r\n',
        "f,model,en,phi,Fine.\r\n",
    ]
    status, errors = _import(project, "csv", "chars.csv", "".join(rows).encode("utf-8"), capsys)
    assert status == 1
    assert errors == [
        "../files/chars.csv:3:15: error: concept 'd': locales.en.terms.0.text holds U+200B (ZERO WIDTH SPACE), which no entry may hold "
        "(invisible, control or bidi characters can hide or reorder text); delete it in the file [import-csv]",
        "../files/chars.csv:5:7: error: concept 'e': locales.en.definition holds U+202E (RIGHT-TO-LEFT OVERRIDE), which no entry may hold "
        "(invisible, control or bidi characters can hide or reorder text); delete it in the file [import-csv]",
    ]


def test_a_nul_escape_and_a_relation_name_in_compact_json_are_at_their_columns(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def item(cid: str, definition: str = "D.", **more: object) -> dict[str, object]:
        return {
            "id": cid,
            "category": "model",
            "sources": [{"title": "T"}],
            "locales": {"en": {"terms": [{"text": f"term {cid}", "type": "fullForm", "status": "preferred"}], "definition": definition}},
            **more,
        }

    text = json.dumps({"concepts": [item("ok"), item("n", "D\x00."), item("r", relations={"bogus": ["a"]})]})
    status, errors = _import(project, "json", "compact.json", text.encode(), capsys)
    nul_at, r_at = text.index("\\u0000") + 1, text.index('"id": "r"') + 1
    assert status == 1 and len(errors) == 2, errors
    assert errors[0].startswith(f"../files/compact.json:1:{nul_at}: error: concept 'n': locales.en.definition holds U+0000")
    assert errors[1].startswith(f"../files/compact.json:1:{r_at}: error: concept 'r' would not be a valid entry: 'bogus' is not a relation of this glossary")


def test_an_entry_that_would_fail_lint_is_refused_at_its_source_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = "".join(
        [
            _entry("big", "big").replace("</langSec>", ("<note>" + "word " * 3_600 + "</note>") * 30 + "</langSec>"),  # over 512 KB
            _entry("brackets", "brackets", "[" * 19_000),
            _entry("dangling", "dangling", extra='\n<ref type="crossReference" target="nowhere">broader</ref>'),
            _entry("dup", "alpha"),  # concept 'a' has that English term already: left out with a warning (test_file_word.py)
            _entry("up", "up", extra='\n<ref type="crossReference" target="down">broader</ref>'),
            _entry("down", "down", extra='\n<ref type="crossReference" target="up">broader</ref>'),
        ]
    )
    data = _tbx(entries)
    lines = {
        cid: data.splitlines().index(next(line for line in data.splitlines() if f'id="{cid}"' in line)) + 1 for cid in ("big", "brackets", "dup", "up", "down")
    }
    status, errors = _import(project, "tbx", "lint.tbx", data.encode(), capsys, "--overwrite")
    assert status == 1
    found = {(int(e.split(":")[1]), m.group(1)) for e in errors if (m := re.search(r"\(lint: ([a-z-]+)\)", e))}
    assert (lines["big"], "file-too-large") in found
    assert (lines["brackets"], "markdown-complexity") in found
    assert not any(int(e.split(":")[1]) == lines["dup"] for e in errors)
    assert {(lines["up"], "broader-cycle"), (lines["down"], "broader-cycle")} & found
    named = [Path(m) for e in errors for m in re.findall(r"content/concepts/[a-z0-9-]+\.yaml", e)]
    assert all((project / p).is_file() for p in named), errors  # only entries that exist, never one the import would write


def test_a_dangling_relation_from_a_table_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = "concept_id,category,locale,term,definition,broader\r\nc,model,en,gamma,G.,nowhere\r\n"
    status, errors = _import(project, "csv", "dangling.csv", data.encode(), capsys)
    assert status == 1 and errors == [
        "../files/dangling.csv:2:1: error: concept 'c' would fail lint: no concept has the id 'nowhere' (lint: unresolved-reference) [import-csv]"
    ]


def test_overlong_values_are_clipped_in_messages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = "h" * 100_000 + ",other\r\n"
    status, errors = _import(project, "csv", "long.csv", (header + "a,b\r\n").encode(), capsys)
    assert status == 1 and len(errors) == 1 and len(errors[0]) < 800 and "(100006 characters)" in errors[0], errors[0][:300]


# ---- --tbx-schemas: the schema folder may come with a pull request ----


@pytest.fixture
def schemas(tmp_path: Path) -> Callable[[str, str | None], Path]:
    def make(sch: str, rng: str | None = None) -> Path:
        folder = tmp_path / f"schemas-{len(list(tmp_path.glob('schemas-*')))}"
        folder.mkdir()
        (folder / "basic.rng").write_text(rng or (TBX_SCHEMAS / "basic.rng").read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "basic_xpath1.sch").write_text(sch, encoding="utf-8")
        return folder

    return make


SCH = '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="/*">{}</rule></pattern></schema>'


@pytest.mark.parametrize(
    ("sch", "rng", "file", "words"),
    [
        (
            SCH.format('<report test="true()">LEAK <value-of select="document(\'/etc/hostname\')"/></report>'),
            None,
            "basic_xpath1.sch",
            "the Schematron check failed",
        ),
        (
            SCH.format('<report test="true()">LEAK <value-of select="document(\'file:///etc/hostname\')"/></report>'),
            None,
            "basic_xpath1.sch",
            "the Schematron check failed",
        ),
        (SCH.format('<assert test="no-such-function(1)">x</assert>'), None, "basic_xpath1.sch", "the Schematron check failed"),
        (
            '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><include href="/etc/hostname"/></schema>',
            None,
            "basic_xpath1.sch",
            "<include> would read another file",
        ),
        (
            SCH.format('<assert test="true()">x</assert>'),
            '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="/etc/hostname"/>'
            '<start><element name="tbx"><text/></element></start></grammar>',
            "basic.rng",
            "<include> would read another file",
        ),
    ],
)
def test_a_hostile_schema_reads_no_file_and_is_a_located_error(
    sch: str, rng: str | None, file: str, words: str, project: Path, schemas: Callable[[str, str | None], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = schemas(sch, rng)
    secret = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").is_file() else "never-printed"
    status, errors = _import(project, "tbx", "ok.tbx", _tbx(_entry("c1", "gamma")).encode(), capsys, "--tbx-schemas", str(folder))
    assert status == 1
    assert len(errors) == 1 and errors[0].startswith(f"{folder}/{file}:1:1: error: {words}") and errors[0].endswith("[import-tbx]"), errors
    assert "LEAK" not in errors[0] and (secret not in errors[0] or secret in str(folder))


# ---- bounds: files past them stop early, in little memory; 2 × the file + MEMORY_BOUND_MB at most ----


def _xlsx(sheet_rows: str, dimension: str = "A1:B2", shared: str = "") -> bytes:
    """A minimal workbook: one sheet named glossary, inline strings, and a shared-string table."""
    main_ns, rel_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{rel_ns}"><Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main_ns}" xmlns:r="{office}"><sheets><sheet name="glossary" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{rel_ns}"><Relationship Id="rId1" Type="{office}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{office}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main_ns}"><dimension ref="{dimension}"/><sheetData>{sheet_rows}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main_ns}">{shared}</sst>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _row(number: int, *values: str) -> str:
    return f'<row r="{number}">' + "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values)) + "</row>"


def _million_rows(path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("source,target\n")
        fh.writelines(f"s{i},t{i}\n" for i in range(1_000_000))


def _own_layout(path: Path) -> None:  # 6.6 MB in this tool's layout: far more concepts than one import takes
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("concept_id,category,locale,term,type,status,definition\n")
        fh.writelines(
            f"c{i},model,{loc},term {i} {loc},fullForm,preferred,A definition of concept number {i} here.\n"
            for i in range(MAX_IMPORT_CONCEPTS + 8_000)
            for loc in ("en", "sv")
        )


def _tall_tbx(path: Path) -> None:  # 40,000 entries, 6.5 MB
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(_tbx("").split("</body>")[0])
        fh.writelines(_entry(f"c{i}", f"term {i}") for i in range(40_000))
        fh.write("</body>\n</text>\n</tbx>\n")


def _json_values(path: Path) -> None:  # a million values past the bound, in one concept
    path.write_text('{"concepts": [{"id": "a", "x": [' + ",".join(["1"] * (MAX_IMPORT_CELLS + 1_000_000)) + "]}]}", encoding="utf-8")


# name -> (format, how the file is made, the exit status, the words of the error (None: it imports))
BOUNDS: dict[str, tuple[str, Callable[[Path], object], int, str | None]] = {
    "xlsx of 1.6 KB declaring A1:XFD1048576": (  # and an empty last cell there: openpyxl padded every row between to 16,384 cells
        "xlsx",
        lambda p: p.write_bytes(
            _xlsx(_row(1, "source", "target") + _row(2, "gamma", "gamma sv") + '<row r="1048576"><c r="XFD1048576"/></row>', "A1:XFD1048576")
        ),
        0,
        None,
    ),
    "xlsx with an empty cell at column XFD past the rows of a sheet": (
        "xlsx",
        lambda p: p.write_bytes(
            _xlsx(_row(1, "source", "target") + "".join(f'<row r="{r}"><c r="XFD{r}"/></row>' for r in range(2, 2 * MAX_IMPORT_ROWS + 10_000)), "A1:XFD1048576")
        ),
        1,
        f"more than {2 * MAX_IMPORT_ROWS:,} rows or cells",
    ),
    "xlsx with 1,500,000 shared strings": (
        "xlsx",
        lambda p: p.write_bytes(_xlsx(_row(1, "source", "target"), shared="<si><t>x</t></si>" * 1_500_000)),
        1,
        "the workbook holds more than 600,000 different texts",
    ),
    "csv of 1,000,000 rows": ("csv", _million_rows, 1, f"more than {MAX_IMPORT_CONCEPTS:,} concepts in one import"),
    "csv of 6.6 MB in this tool's layout": ("csv", _own_layout, 1, f"more than {MAX_IMPORT_CONCEPTS:,} concepts in one import"),
    "tbx of 40,000 entries": ("tbx", _tall_tbx, 1, f"more than {MAX_IMPORT_CONCEPTS:,} concepts in one import"),
    "json of 4,000,000 values": ("json", _json_values, 1, f"more than {MAX_IMPORT_CELLS:,} values in one import"),
}


@pytest.mark.parametrize("case", list(BOUNDS))
def test_files_past_the_bounds_stop_early_in_bounded_memory(case: str, project: Path, request: pytest.FixtureRequest) -> None:
    fmt, make, expected_status, words = BOUNDS[case]
    path = project.parent / "files" / f"big.{fmt}"
    make(path)
    before = tree(project)
    status, wall, rss, out, _ = measure([str(EXE), "import", "--format", fmt, str(path)], cwd=project, timeout=120)
    size_mb = path.stat().st_size / 1024 / 1024
    summary(request.config, f"import {case:<52} {size_mb:6.1f} MB file  {wall:5.1f} s  {rss:6.1f} MB peak  exit {status}")
    assert status == expected_status, out[-2000:]
    assert "Traceback" not in out
    if words is not None:
        assert f": error: {words}" in out and "[import-" in out, out[-2000:]
        assert tree(project) == before
    assert rss < 2 * size_mb + MEMORY_BOUND_MB, f"{rss:.0f} MB for a {size_mb:.1f} MB file"
