"""The shipped glossary, built as CI builds it, scans clean; and `glossary-tool scan-site` reports what it finds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from glossary_tool.cli import main
from glossary_tool.core.config import load_settings
from glossary_tool.lint import run
from glossary_tool.site.build import build_project
from glossary_tool.site.scan import scan_site


def test_shipped_site_has_no_live_markup(tmp_path: Path) -> None:
    result = run(load_settings(ROOT / "mkdocs.yml"))
    if result.errors:
        # The build refuses a glossary with lint errors; tests/test_content.py reports them.
        pytest.skip(f"content/ has {result.errors} lint error(s); nothing to build yet")
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "locales", project / "locales")
    build_project(project / "mkdocs.yml", project / "site")
    assert (project / "site" / "sv" / "index.html").is_file()
    findings = scan_site(project / "site")
    assert findings == [], "\n".join(map(str, findings[:20]))


def test_scan_site_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "sv").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><html><body><p>fine</p></body></html>", encoding="utf-8")
    assert main(["--config", str(ROOT / "mkdocs.yml"), "scan-site", "--site-dir", str(site)]) == 0
    (site / "sv" / "index.html").write_text('<html><body><a href="jav&#x09;ascript:alert(1)">x</a></body></html>', encoding="utf-8")
    assert main(["--config", str(ROOT / "mkdocs.yml"), "scan-site", "--site-dir", str(site)]) == 1
    out = capsys.readouterr().out
    assert f"{site / 'sv' / 'index.html'}:1: url: <a href> uses javascript:" in out
    assert main(["--config", str(ROOT / "mkdocs.yml"), "scan-site", "--site-dir", str(tmp_path / "missing")]) == 2
