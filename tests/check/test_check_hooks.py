"""The pre-commit hook and the workflow step that ``init`` writes run ``glossary-tool check`` on a project's docs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from glossary_tool.authoring.init import PRE_COMMIT, WORKFLOW
from glossary_tool.cli import build_parser, main


def test_the_repository_offers_a_glossary_check_hook() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    hook = hooks["glossary-check"]
    args = build_parser("check").parse_args([*shlex.split(hook["entry"])[1:], "docs/a.md", "docs/sv.po"])
    assert args.command == "check" and args.paths == ["docs/a.md", "docs/sv.po"]
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("docs/a.md", "README.markdown", "ui/sv.po", "ui/app.xlf", "site/x.html"))
    assert not any(files.search(n) for n in ("docs/logo.png", "content/concepts/kpo.yaml", "mkdocs.yml"))


def test_init_writes_the_hook_and_a_workflow_step_that_check_the_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (hook,) = [h for h in yaml.safe_load(PRE_COMMIT)["repos"][0]["hooks"] if h["id"] == "glossary-check"]
    steps = yaml.load(WORKFLOW, Loader=yaml.BaseLoader)["jobs"]["glossary"]["steps"]
    (step,) = [s for s in steps if "glossary-tool check" in s.get("run", "")]
    assert "docs/" in step["if"] and "glossary-tool[check]" in " ".join(s.get("run", "") for s in steps)
    assert re.search(hook["files"], "docs/guide.md") and not re.search(hook["files"], "content/concepts/term.yaml")
    assert main(["init", str(tmp_path / "p"), "--locales", "en,sv"]) == 0
    monkeypatch.chdir(tmp_path / "p")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    docs = tmp_path / "p" / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Guide\n\nEvery term names a concept.\n", encoding="utf-8")
    (docs / "sv.po").write_text('msgid ""\nmsgstr "Language: sv\\n"\n\nmsgid "A term"\nmsgstr "Ett ord"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(shlex.split(step["run"])[1:]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=docs/sv.po,line=5,col=9,title=glossary-mismatch::the source uses 'term' ('term')")
    assert main([*shlex.split(hook["entry"])[1:], "docs/guide.md"]) == 0
