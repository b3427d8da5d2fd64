"""The wheel, installed in a fresh virtual environment outside the repository, starts and builds a new glossary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from test_init import assert_no_english_ui


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_starts_lints_and_builds_a_glossary_in_german_and_finnish(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(ROOT)], tmp_path)
    (wheel,) = dist.glob("glossary_tool-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], tmp_path)
    tool = str(venv / "bin" / "glossary-tool")
    # The installed package carries its catalogs, templates and theme overrides: nothing comes from the repository.
    where = run([str(venv / "bin" / "python"), "-c", "import glossary_tool, pathlib; print(pathlib.Path(glossary_tool.__file__).parent)"], tmp_path).stdout.strip()
    package = Path(where)
    assert ROOT not in package.parents
    for part in ("site/locales/de/LC_MESSAGES/messages.po", "site/locales/fi/LC_MESSAGES/messages.po", "site/locales/messages.pot",
                 "site/templates/concept.html", "site/overrides/main.html"):
        assert (package / part).is_file(), part
    run([tool, "init", "glossary", "--locales", "en,de,fi"], tmp_path)
    project = tmp_path / "glossary"
    run([tool, "lint", "--strict"], project)
    run([tool, "build"], project)
    site = project / "site"
    assert assert_no_english_ui(site, "de") > 5
    assert assert_no_english_ui(site, "fi") > 5
