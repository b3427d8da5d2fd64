"""Ids become file names and URLs: unsafe ones are refused by `glossary-tool lint` and stop a build before it writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, concept
from security_helpers import SCHEMA_LINE, new_project

from glossary_tool.cli import main
from glossary_tool.core.problems import BuildFailed
from glossary_tool.site.build import build_project

# id → a word the id-slug message must contain, so that the contributor learns why.
BAD_IDS = {
    "../x": "path separator or '..'",
    "/abs": "path separator",
    "a/b": "path separator",
    "..\\x": "path separator",
    "CON": "uppercase",
    "con": "reserved name",
    "nul": "reserved name",
    "k\u0440o": "CYRILLIC SMALL LETTER ER",  # 'kрo': Cyrillic er passes for a Latin p
    "Kpo": "uppercase",
}


def _entry(entry_id: str, term: str) -> str:
    # yaml.dump quotes whatever needs quoting, so the id reaches the loader exactly as written here.
    return SCHEMA_LINE + concept("placeholder", en=term, sv=term + " sv").replace(
        "id: placeholder", "id: " + yaml.safe_dump(entry_id).removesuffix("\n...\n").strip()
    )


def _project(tmp_path: Path, files: dict[str, str], rules: str = "") -> Path:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config.replace("      rules:\n", "      rules:\n" + rules, 1), encoding="utf-8")
    for name, text in files.items():
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _position(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(needle):
            return number, len(needle) + 1
    raise AssertionError(f"{needle!r} not in the entry")


@pytest.mark.parametrize("bad", list(BAD_IDS))
def test_lint_refuses_unsafe_id_at_its_position(bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = _entry(bad, "a term")
    _project(tmp_path, {"concepts/evil.yaml": text})
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "content"]) == 1
    line, column = _position(text, "id: ")
    out = capsys.readouterr().out.splitlines()
    hits = [o for o in out if o.startswith(f"content/concepts/evil.yaml:{line}:{column}: error: id '{bad}' ") and o.endswith("[id-slug]")]
    assert len(hits) == 1, out
    assert BAD_IDS[bad] in hits[0]


@pytest.mark.parametrize("slug_rule", ["error", "off"])
def test_ids_differing_only_in_case_are_duplicates(slug_rule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Even with id-slug switched off, two files that would share a page on a case-insensitive disk are refused.
    first, second = _entry("data-entry", "data entry"), _entry("Data-Entry", "keying")
    _project(tmp_path, {"concepts/data-entry.yaml": first, "other/data-entry.yaml": second}, rules=f'        id-slug: "{slug_rule}"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "content"]) == 1
    out = capsys.readouterr().out
    line, column = _position(second, "id: ")
    first_line = _position(first, "id: ")[0]
    assert (
        f"content/other/data-entry.yaml:{line}:{column}: error: id 'Data-Entry' is already used by content/concepts/data-entry.yaml:{first_line} [duplicate-id]"
    ) in out
    assert ("uppercase letters" in out) == (slug_rule == "error")


def test_installed_command_reports_every_unsafe_id(tmp_path: Path) -> None:
    files = {f"concepts/evil-{i}.yaml": _entry(bad, f"term {i}") for i, bad in enumerate(BAD_IDS)}
    _project(tmp_path, files)
    exe = Path(sys.executable).with_name("glossary-tool")
    proc = subprocess.run([str(exe), "lint", "content"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    flagged = {line.split(":", 1)[0] for line in proc.stdout.splitlines() if line.endswith("[id-slug]")}
    assert flagged == {f"content/{name}" for name in files}


def _tree(root: Path) -> set[Path]:
    return set(root.rglob("*"))


@pytest.mark.parametrize("bad", ["../../../outside/x", "ABSOLUTE", "a/b", "CON", "nul", "k\u0440o", "KPO"])
def test_build_with_unsafe_id_fails_before_writing(bad: str, tmp_path: Path) -> None:
    bad = str(tmp_path / "outside" / "abs") if bad == "ABSOLUTE" else bad
    project = new_project(tmp_path / "proj", {"evil.yaml": yaml.safe_load(_entry(bad, "evil term"))})
    site = project / "out" / "site"
    before = _tree(tmp_path)
    with pytest.raises(BuildFailed):
        build_project(project / "mkdocs.yml", site)
    written = _tree(tmp_path) - before
    assert not [p for p in written if not (p == site or site in p.parents or p in site.parents)], written
    assert not (site / "terms").exists()
    assert not (tmp_path / "outside").exists()


def test_build_stays_inside_site_dir_even_with_id_slug_off(tmp_path: Path) -> None:
    # Defence in depth: a maintainer who switches the rule off must still not get files written elsewhere.
    bad = {"evil-relative.yaml": "../../../outside/x", "evil-absolute.yaml": str(tmp_path / "outside" / "abs")}
    project = new_project(
        tmp_path / "proj",
        {name: yaml.safe_load(_entry(i, f"evil term {n}")) for n, (name, i) in enumerate(bad.items())},
        mkdocs_extra='        id-slug: "off"\n        id-filename: "off"\n',
    )
    site = project / "out" / "site"
    before = _tree(tmp_path)
    try:
        build_project(project / "mkdocs.yml", site)
    except Exception:  # failing is fine too; writing outside site_dir is not
        pass
    written = _tree(tmp_path) - before
    # The build cache is the project's own (.glossary-cache/<store>/<locale>/<sha256>.json or .bin, and a page's
    # <sha256>.<sha256>.html): no id names a file there.
    cache = project / ".glossary-cache"
    cached = [p for p in written if p == cache or cache in p.parents]
    assert all(p.is_dir() or re.fullmatch(r"[0-9a-f]{64}(\.[0-9a-f]{64}\.html|\.json|\.bin)", p.name) for p in cached), cached
    assert not [p for p in set(written) - set(cached) if not (p == site or site in p.parents or p in site.parents)], sorted(written)[:5]
    assert not (tmp_path / "outside").exists()
