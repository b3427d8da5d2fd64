"""The MkDocs build runs the linter first and produces a home page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, concept, write_files
from glossary_tool.build import build_site


def test_site_builds_with_a_home_page(tmp_path: Path) -> None:
    build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
    assert not list((tmp_path / "site").rglob("*.yaml")), "YAML sources must not be published"


def test_a_lint_error_fails_the_build(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_files(tmp_path, {"content/a.yaml": concept("a").replace("related", "x") + "bogus: 1\n"})
    from mkdocs.exceptions import Abort, PluginError

    with pytest.raises((Abort, PluginError)) as exc:
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    cause = exc.value if isinstance(exc.value, PluginError) else exc.value.__context__
    assert isinstance(cause, PluginError) and "unknown key 'bogus'" in str(cause)
