"""Record what the tool produces, through its command line only, so that a change meant to keep behaviour can be diffed.

Run: ``.venv/bin/python benchmarks/snapshot.py OUT`` (OUT outside the repository), once before a refactoring and once
after, then ``diff -r OUT-before OUT-after``. It builds the shipped site and each fixture project, plus a project
``init`` writes, runs every export format, imports each export into an empty copy of its project, and records lint
(every reporter, ``--strict``, ``--untrusted``, the invalid fixtures one by one and together), ``rules``, ``schema``,
``status`` and ``scan-site``: stdout, stderr and exit code of every command, and every file written.
Dates are held equal: the build date comes from ``SOURCE_DATE_EPOCH`` and an entry's date from git, whose history of
the content folders a refactoring does not touch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = str(ROOT / ".venv" / "bin" / "glossary-tool")
PROJECTS = {"shipped": ROOT, "anatomy": ROOT / "tests/fixtures/projects/anatomy", "world": ROOT / "tests/fixtures/projects/world"}
EPOCH = "1767225600"  # 2026-01-01, the build date of every file git does not date
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "TZ": "UTC", "LC_ALL": "C.UTF-8", "GLOSSARY_TOOL_UNTRUSTED": "", "COLUMNS": "100"}


TOP: list[Path] = []  # the folder being written, replaced by <out> in what commands print


def run(out: Path, name: str, args: list[str], cwd: Path) -> None:
    """Run one command; keep its exit code, stdout and stderr as ``name.{rc,out,err}`` (the two trees' paths replaced)."""
    done = subprocess.run([TOOL, *args], cwd=cwd, env=ENV, capture_output=True, check=False, timeout=1800)
    out.mkdir(parents=True, exist_ok=True)
    for suffix, data in ((".out", done.stdout), (".err", done.stderr)):
        text = data.replace(str(TOP[0]).encode(), b"<out>")
        if TOP[0].name in os.path.relpath(TOP[0], cwd):  # the folder written, reached from a working folder outside it
            text = text.replace(os.path.relpath(TOP[0], cwd).encode(), b"<out>")
        text = text.replace(str(ROOT).encode(), b"<repo>")
        (out / (name + suffix)).write_bytes(text)
    (out / (name + ".rc")).write_text(f"{done.returncode}\n")


def unzip(path: Path, into: Path) -> None:
    """An xlsx is a zip whose entries carry times; its parts are what must stay equal, so they are kept unpacked."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            target = into / info.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))


def exports(out: Path, project: Path, locales: list[str]) -> list[tuple[str, Path, list[str]]]:
    """Every export format (each ordered pair for ``csv-pair``), and the files written."""
    formats = ["csv", "json", "skos", "tbx", "tbx2008", "xlsx"]
    made: list[tuple[str, Path, list[str]]] = []
    jobs: list[tuple[str, str, list[str]]] = [(fmt, f"glossary.{fmt}", []) for fmt in formats]
    jobs += [("csv-pair", f"glossary-{a}-{b}.csv", ["--locales", f"{a},{b}"]) for a in locales for b in locales if a != b][:4]
    jobs += [("csv", "glossary-first.csv", ["--locales", locales[0]])]
    for fmt, file, extra in jobs:
        # The workbook itself is kept outside the record (its zip entries carry the time it was written), its parts in it.
        target = (out / "import-work" if fmt == "xlsx" else out / "exports") / file
        target.parent.mkdir(parents=True, exist_ok=True)
        run(out / "exports", file, ["export", "--format", fmt, "-o", str(target), *extra], project)
        if fmt == "xlsx" and target.exists():
            unzip(target, out / "exports" / (file + ".parts"))
        made.append((fmt, target, extra))
    return made


def imports(out: Path, project: Path, made: list[tuple[str, Path, list[str]]]) -> None:
    """Each export read back into an empty copy of its project: the entries import writes, and what it prints."""
    for fmt, target, extra in made:
        if fmt == "skos" or not target.exists():
            continue
        copy = out / "import-work" / ("project-" + target.name)
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(
            project, copy, ignore=shutil.ignore_patterns("site", ".git", "tests", "glossary_tool", "benchmarks", ".venv", "node_modules", "*.egg-info")
        )
        content = copy / "content"
        for entry in sorted(content.rglob("*.yaml")):
            entry.unlink()
        pair = ["--source-locale", extra[1].split(",")[0], "--target-locale", extra[1].split(",")[1]] if fmt == "csv-pair" else []
        run(out / "imports", target.name, ["import", "--format", fmt, str(target), *pair], copy)
        for entry in sorted(content.rglob("*.yaml")):
            keep = out / "imports" / (target.name + ".entries") / entry.relative_to(content)
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_bytes(entry.read_bytes())
    shutil.rmtree(out / "import-work", ignore_errors=True)


def snapshot_project(out: Path, name: str, project: Path) -> None:
    out = out / name
    run(out, "build", ["build", "--site-dir", str(out / "site"), "--site-dir-outside-ok"], project)
    run(out, "scan-site", ["scan-site", "--site-dir", str(out / "site")], project)
    for fmt in ("text", "json", "github"):
        run(out / "lint", fmt, ["lint", "--format", fmt], project)
        run(out / "lint", f"{fmt}-strict", ["lint", "--format", fmt, "--strict"], project)
    run(out / "lint", "text-untrusted", ["lint", "--untrusted"], project)
    run(out, "rules", ["rules"], project)
    run(out, "schema", ["schema"], project)
    run(out, "schema-check", ["schema", "--check"], project)
    for fmt in ("text", "json"):
        run(out, f"status-{fmt}", ["status", "--format", fmt], project)
    locales = [line.split()[0] for line in (out / "status-text.out").read_text().splitlines()[1:] if line.strip()]
    made = exports(out, project, locales or ["en"])
    imports(out, project, made)


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print("usage: snapshot.py OUT (a folder outside the repository)", file=sys.stderr)
        return 2
    out = Path(sys.argv[1]).resolve()
    if out == ROOT or ROOT in out.parents:  # the project is copied into OUT: inside it, the copy would copy itself
        print(f"snapshot.py: {out} is inside the repository; choose a folder outside it", file=sys.stderr)
        return 2
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    TOP.append(out)
    only = set(os.environ.get("SNAPSHOT_ONLY", "").split(",")) - {""}
    for name, project in PROJECTS.items():
        if not only or name in only:
            print(f"snapshot: {name}", flush=True)
            snapshot_project(out, name, project)
    if not only or "init" in only:
        print("snapshot: init", flush=True)
        work = out / "init-work"
        run(out / "init", "init", ["init", str(work / "demo"), "--locales", "en,sv,de,ar,zh-Hans,ja,ru"], out)
        snapshot_project(out, "init", work / "demo")
        for written in sorted(p for p in (work / "demo").rglob("*") if p.is_file()):
            keep = out / "init" / "written" / written.relative_to(work / "demo")
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_bytes(written.read_bytes())
        shutil.rmtree(work)
    lint = out / "invalid"
    if not only or "invalid" in only:
        print("snapshot: invalid fixtures", flush=True)
        for fmt in ("text", "json", "github"):
            run(lint, f"all-{fmt}", ["lint", "--format", fmt, "tests/fixtures/invalid"], ROOT)
            run(lint, f"all-{fmt}-strict", ["lint", "--format", fmt, "--strict", "tests/fixtures/invalid"], ROOT)
        run(lint, "valid-strict", ["lint", "--strict", "tests/fixtures/valid"], ROOT)
        for fixture in sorted((ROOT / "tests/fixtures/invalid").glob("*.yaml")):
            run(lint / "each", fixture.stem, ["lint", str(fixture.relative_to(ROOT))], ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
