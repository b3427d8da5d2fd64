"""Shared test helpers: settings for a temporary glossary and a one-call lint of inline YAML."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from glossary_tool.core.config import Settings, plugin_options, read_config, settings_from_options
from glossary_tool.core.model import Glossary
from glossary_tool.lint import Result, run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"

VALID_CONCEPT = """\
id: {id}
kind: concept
category: model
sources:
  - title: A source
    publisher: A publisher
    date: "2023-10-20"
locales:
  en:
    terms:
      - text: {en}
        type: fullForm
        status: preferred
    definition: An English definition.
  sv:
    terms:
      - text: {sv}
        type: fullForm
        status: preferred
        grammar: {{pos: noun, gender: utrum}}
    definition: En svensk definition.
"""


def concept(id: str, en: str | None = None, sv: str | None = None) -> str:
    """A valid concept entry; tests edit it to make one rule fail."""
    return VALID_CONCEPT.format(id=id, en=en or f"term {id}", sv=sv or f"term {id} sv")


# The shipped glossary's vocabulary (its locales, categories and relation types); rule severities stay at their defaults.
VOCABULARY = {k: v for k, v in plugin_options(read_config(ROOT / "mkdocs.yml")).items() if k in ("locales", "source_locale", "categories", "relations")}


def mkdocs_yml(**options: object) -> str:
    """A minimal mkdocs.yml whose glossary block has the shipped vocabulary, content in ``content/``, plus ``options``."""
    block = {**VOCABULARY, "content_dir": "content", **options}
    # docs_dir is the content folder, as glossary-tool build requires of a project it builds.
    return yaml.safe_dump({"site_name": "t", "docs_dir": str(block["content_dir"]), "plugins": [{"glossary": block}]}, allow_unicode=True, sort_keys=False)


MKDOCS = mkdocs_yml()


def make_settings(root: Path, **rules: str) -> Settings:
    """Settings for a glossary in ``root`` (the content folder is ``root`` itself), built as mkdocs.yml's would be."""
    options = {**VOCABULARY, "content_dir": str(root), "rules": {k.replace("_", "-"): v for k, v in rules.items()}}
    return settings_from_options(root, options)


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


LintFiles = Callable[..., Result]  # the lint_files fixture: lint_files({"a.yaml": "..."}, strict=False, **rules)


@pytest.fixture
def lint_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LintFiles:
    """lint_files({"a.yaml": "..."}) → Result, with paths shown relative to the temp folder."""
    monkeypatch.chdir(tmp_path)

    def _lint(files: dict[str, str], strict: bool = False, **rules: str) -> Result:
        write_files(tmp_path, files)
        return run(make_settings(tmp_path, **rules), [tmp_path], strict=strict)

    return _lint


def found(result: Result, rule: str) -> list[tuple[str, int, int]]:
    """(path, line, column) of every problem of one rule."""
    return [(p.path, p.line, p.column) for p in result.problems if p.rule == rule]


UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def valid_glossary(tmp_path: Path, extra: dict[str, str] | None = None) -> tuple[Glossary, Settings]:
    """The valid fixtures (plus ``extra`` files) copied to ``tmp_path`` and linted clean: the glossary and its settings."""
    for f in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    write_files(tmp_path, extra or {})
    settings = make_settings(tmp_path)
    result = run(settings)
    assert result.errors == 0, [str(p) for p in result.problems]
    return result.glossary, settings


def git(repo: Path, *args: str, date: str = "2024-01-01T12:00:00+00:00") -> None:
    """Run git in ``repo`` with a fixed author, committer and date, so that tests read known commit dates."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven with Playwright once per test session and shared by every browser test module.

    Here rather than in tests/browser/conftest.py: two modules named conftest would shadow each other for the
    tests that import helpers from this one."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; 'make test' installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()
