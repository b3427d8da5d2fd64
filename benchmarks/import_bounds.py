"""Peak memory and time of ``glossary-tool import`` at its bounds, and of files far past them.

Run with ``.venv/bin/python benchmarks/import_bounds.py [--runs N] [--only NAME] [--concepts N]``. Each file is made in a temporary
folder and imported into a fresh copy of a small project, in a child process whose peak RSS is read from
``RUSAGE_CHILDREN``; the table gives medians of N runs and the bound, twice the file plus ``MEMORY_BOUND_MB``.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from glossary_tool.exchange.registry import MEMORY_BOUND_MB as BOUND_MB

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).with_name("glossary-tool")
N = 5_000  # concepts of the files made at a size, unless --concepts says otherwise
NS = "urn:iso:std:iso:30042:ed-2"
WORDS = [f"word{i}" for i in range(3_000)]

DRIVER = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True)
wall = time.perf_counter() - start
print(proc.returncode, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def definition(i: int, n: int) -> str:
    return " ".join(WORDS[(i * 7 + k * 13) % len(WORDS)] for k in range(n)) + "."


def pair_csv(path: Path, n: int) -> None:
    """n concepts of a two-column glossary (Weblate's layout): terms only."""
    path.write_text("source,target\n" + "".join(f"source term {i},target term {i}\n" for i in range(n)), encoding="utf-8")


def own_csv(path: Path, n: int) -> None:
    """4,700 concepts in this tool's layout, two languages, 48-word definitions: just under 500,000 words."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("concept_id,category,locale,term,definition\n")
        fh.writelines(f"c{i},model,{loc},term {i} {loc},{definition(i, 48)}\n" for i in range(4_700) for loc in ("en", "sv"))


def tbx(path: Path, n: int) -> None:
    """n concepts of TBX-Basic, two languages, 20-word definitions."""
    entry = (
        '<conceptEntry id="c{i}"><descrip type="subjectField">model</descrip>'
        '<langSec xml:lang="en"><descrip type="definition">{d}</descrip><termSec><term>term {i}</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>'
        '<langSec xml:lang="sv"><descrip type="definition">{d}</descrip><termSec><term>term {i} sv</term></termSec></langSec>'
        "</conceptEntry>\n"
    )
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="{NS}" type="TBX-Basic" style="dca" xml:lang="en"><text><body>\n')
        fh.writelines(entry.format(i=i, d=definition(i, 20)) for i in range(n))
        fh.write("</body></text></tbx>\n")


def json_file(path: Path, n: int) -> None:
    """n concepts of the JSON export's shape, two languages, 20-word definitions."""
    concepts = [
        {
            "id": f"c{i}",
            "category": "model",
            "sources": [{"title": "A source"}],
            "locales": {
                code: {"terms": [{"text": f"term {i} {code}", "type": "fullForm", "status": "preferred"}], "definition": definition(i, 20)}
                for code in ("en", "sv")
            },
        }
        for i in range(n)
    ]
    path.write_text(json.dumps({"concepts": concepts}, indent=2), encoding="utf-8")


def xlsx(path: Path, n: int) -> None:
    """n concepts of a two-column workbook, written by openpyxl."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["source", "target"])
    for i in range(n):
        sheet.append([f"source term {i}", f"target term {i}"])
    buf = io.BytesIO()
    book.save(buf)
    path.write_bytes(buf.getvalue())


def dimension_bomb(path: Path, n: int) -> None:
    """1.6 KB declaring A1:XFD1048576, with an empty cell there (openpyxl's row iterator padded every row between to
    16,384 cells: 1.9 GB after 24 s)."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>source</t></is></c><c r="B1" t="inlineStr"><is><t>target</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="inlineStr"><is><t>b</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"/></row></sheetData></worksheet>'
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{rel}">'
        '<sheets><sheet name="glossary" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    path.write_bytes(buf.getvalue())


def million_rows(path: Path, n: int) -> None:
    path.write_text("source,target\n" + "".join(f"s{i},t{i}\n" for i in range(1_000_000)), encoding="utf-8")


def big_json(path: Path, n: int) -> None:
    """60 MB of JSON: 45,000 concepts, far past the bound."""
    concepts = [
        {"id": f"c{i}", "category": "model", "locales": {"en": {"terms": [{"text": f"t{i}"}], "definition": definition(i, 150)}}} for i in range(45_000)
    ]
    path.write_text(json.dumps({"concepts": concepts}), encoding="utf-8")


CASES: dict[str, tuple[str, Callable[[Path, int], None]]] = {
    "csv, {n:,} concepts (pair)": ("csv", pair_csv),
    "csv, 4,700 concepts, 490,000 words": ("csv", own_csv),
    "tbx, {n:,} concepts": ("tbx", tbx),
    "json, {n:,} concepts": ("json", json_file),
    "xlsx, {n:,} concepts (pair)": ("xlsx", xlsx),
    "xlsx, 1.6 KB declaring A1:XFD1048576": ("xlsx", dimension_bomb),
    "csv, 1,000,000 rows (refused)": ("csv", million_rows),
    "json, 60 MB (refused)": ("json", big_json),
}


def project(root: Path) -> Path:
    """A project with the shipped vocabulary and the valid fixtures."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "locales", root / "locales")
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", root / "content")
    return root


def run(fmt: str, file: Path, tmp: Path) -> tuple[int, float, float]:
    work = project(Path(tempfile.mkdtemp(dir=tmp)))
    out = subprocess.run(
        [sys.executable, "-c", DRIVER, str(EXE), "import", "--format", fmt, str(file)], capture_output=True, text=True, cwd=work, check=True
    ).stdout.split()
    shutil.rmtree(work)
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="run the cases whose name holds this text")
    parser.add_argument("--concepts", type=int, default=N, help="concepts of the files made at a size (5,000 unless told)")
    args = parser.parse_args()
    n = args.concepts
    print(f"{'case':<40} {'file':>8} {'exit':>4} {'wall (s)':>9} {'peak (MB)':>10} {'bound (MB)':>11}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for pattern, (fmt, make) in CASES.items():
            name = pattern.format(n=n)
            if args.only and args.only not in name:
                continue
            file = tmp / f"in.{fmt}"
            make(file, n)
            size = file.stat().st_size / 1024 / 1024
            results = [run(fmt, file, tmp) for _ in range(args.runs)]
            status = results[0][0]
            wall = statistics.median(r[1] for r in results)
            peak = statistics.median(r[2] for r in results)
            print(f"{name:<40} {size:6.1f}MB {status:>4} {wall:9.1f} {peak:10.0f} {2 * size + BOUND_MB:11.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
