"""The GitHub Actions workflow runs the checks, with commands and make targets that exist."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from conftest import ROOT

from glossary_tool.cli import build_parser

WORKFLOW = ROOT / ".github" / "workflows" / "glossary.yml"


def run_commands() -> list[str]:
    data = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # BaseLoader: "on" stays a string
    steps = data["jobs"]["glossary"]["steps"]
    return [step["run"].strip() for step in steps if "run" in step]


def test_the_checks_run_in_order() -> None:
    commands = run_commands()
    wanted = [
        ".venv/bin/glossary-tool lint --format github --strict",
        ".venv/bin/glossary-tool status --min-coverage 100",
        "make site",
        ".venv/bin/glossary-tool scan-site --site-dir site",
        ".venv/bin/glossary-tool schema --check",
    ]
    assert [c for c in commands if c in wanted] == wanted


def test_the_code_job_runs_ruff_mypy_eslint_and_the_tests_without_a_browser() -> None:
    data = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    commands = [step["run"].strip() for step in data["jobs"]["code"]["steps"] if "run" in step]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # The same checks as `make lint` (ESLint through the target whose command `make lint` runs too), and the tests as
    # `make test` runs them, less the browser.
    checks = [line.strip().replace("$(BIN)", ".venv/bin") for line in makefile.splitlines() if "$(BIN)/ruff" in line or "$(BIN)/mypy" in line]
    assert len(checks) == 3 and commands[1 : 1 + len(checks)] == checks  # ruff's rules, its formatter, mypy
    rest = commands[1 + len(checks) :]
    assert rest[0] == "make eslint" and makefile.count("\t$(ESLINT_RUN)\n") == 2
    assert rest[1] == ".venv/bin/python -m pytest -q tests --ignore=tests/browser"


def test_every_glossary_tool_command_parses() -> None:
    for command in run_commands():
        argv = shlex.split(command)
        if argv[0].endswith("glossary-tool"):
            build_parser().parse_args(argv[1:])  # exits on an unknown option


def test_make_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z$()_./-]+):", makefile, re.M)) | {"$(STAMP)"}
    for command in run_commands():
        argv = shlex.split(command)
        if argv[0] == "make":
            target = argv[1].replace(".venv/.installed-stamp", "$(STAMP)")
            assert target in targets, target


def test_readme_documents_the_workflow() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".github/workflows/glossary.yml" in readme and "--min-coverage 100" in readme


def _untrusted_expression(workflow: str) -> str:
    data = yaml.load(workflow, Loader=yaml.BaseLoader)
    return str(data["jobs"]["glossary"]["env"]["GLOSSARY_TOOL_UNTRUSTED"])


@pytest.mark.parametrize("source", ["repository", "init"])
def test_every_run_but_a_push_to_the_default_branch_is_untrusted(source: str) -> None:
    from glossary_tool.authoring.init import WORKFLOW as INIT_WORKFLOW
    from glossary_tool.core.trust import untrusted_from_env

    text = WORKFLOW.read_text(encoding="utf-8") if source == "repository" else INIT_WORKFLOW
    assert _untrusted_expression(text) == ("${{ !(github.event_name == 'push' && github.ref_name == github.event.repository.default_branch) }}")
    # GitHub writes the expression's value as true or false; both mean what they say to every command.
    assert untrusted_from_env({"GLOSSARY_TOOL_UNTRUSTED": "true"}) and not untrusted_from_env({"GLOSSARY_TOOL_UNTRUSTED": "false"})
    assert untrusted_from_env({"GLOSSARY_TOOL_UNTRUSTED": "ture"}) and not untrusted_from_env({})


@pytest.mark.parametrize("source", ["repository", "init"])
def test_the_lint_hook_runs_when_mkdocs_yml_alone_changes(source: str) -> None:
    # The vocabulary and the rule severities live in mkdocs.yml: changing them alone can break every entry.
    from glossary_tool.authoring.init import PRE_COMMIT

    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8") if source == "repository" else PRE_COMMIT
    data = yaml.safe_load(text)
    hooks = data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]
    (lint,) = [h for h in hooks if h["id"] == "glossary-lint"]
    pattern = re.compile(lint["files"])
    assert pattern.search("mkdocs.yml") and pattern.search("content/concepts/kpo.yaml") and not pattern.search("docs/guide.md")
