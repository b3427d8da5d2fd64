"""The package as it is published: built and checked as a package index would, installed by README's first command
into a fresh virtual environment outside the repository, it starts and builds a new glossary."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT
from test_init import assert_no_english_ui

from glossary_tool import __version__


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stdout}\n{result.stderr}"
    return result


def readme_install_command() -> list[str]:
    """The first command of README's "Start a glossary of your own"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Start a glossary of your own\n+```sh\n(.*?)```", readme, re.S)
    assert block is not None
    first = block.group(1).splitlines()[0].split("#", 1)[0]
    return shlex.split(first)


def test_the_sdist_and_the_wheel_build_and_pass_twine_check(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], tmp_path)
    (wheel,) = dist.glob("glossary_tool-*.whl")
    (sdist,) = dist.glob("glossary_tool-*.tar.gz")
    assert wheel.name == f"glossary_tool-{__version__}-py3-none-any.whl" and sdist.name == f"glossary_tool-{__version__}.tar.gz"
    checked = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], tmp_path).stdout
    assert checked.count("PASSED") == 2 and "WARNING" not in checked
    with zipfile.ZipFile(wheel) as z:
        (metadata,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        meta = z.read(metadata).decode()
    assert f"Version: {__version__}\n" in meta and "Classifier: Framework :: MkDocs" in meta and "License-Expression: MIT" in meta
    assert "Description-Content-Type: text/markdown" in meta
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")  # every version has its entry


def test_readme_installs_and_the_package_starts_lints_and_builds_a_glossary_in_german_and_finnish(tmp_path: Path) -> None:
    # README's first command, run as written: from a clone of the repository, which no package index needs to know.
    command = readme_install_command()
    assert command[:2] == ["pip", "install"] and command[2:] == ["./glossary-tool"], command
    (tmp_path / "glossary-tool").symlink_to(ROOT, target_is_directory=True)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *command[2:]], tmp_path)
    assert run([str(venv / "bin" / "glossary-tool"), "--version"], tmp_path).stdout.split() == ["glossary-tool", __version__]
    tool = str(venv / "bin" / "glossary-tool")
    # The installed package carries its catalogs, templates and theme overrides: nothing comes from the repository.
    where = run(
        [str(venv / "bin" / "python"), "-c", "import glossary_tool, pathlib; print(pathlib.Path(glossary_tool.__file__).parent)"], tmp_path
    ).stdout.strip()
    package = Path(where)
    assert ROOT not in package.parents
    for part in (
        "site/locales/de/LC_MESSAGES/messages.po",
        "site/locales/fi/LC_MESSAGES/messages.po",
        "site/locales/messages.pot",
        "site/templates/concept.html",
        "site/overrides/main.html",
    ):
        assert (package / part).is_file(), part
    run([tool, "init", "glossary", "--locales", "en,de,fi"], tmp_path)
    project = tmp_path / "glossary"
    run([tool, "lint", "--strict"], project)
    run([tool, "build"], project)
    site = project / "site"
    assert assert_no_english_ui(site, "de") > 5
    assert assert_no_english_ui(site, "fi") > 5
