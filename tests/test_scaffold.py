"""``new`` and ``translate``: valid scaffolds with marked placeholders, edits that keep the file, safe writes."""

from __future__ import annotations

import difflib
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, MKDOCS, write_files

from glossary_tool.authoring import scaffold
from glossary_tool.cli import main
from glossary_tool.core import fileio
from glossary_tool.core.config import Settings, load_settings
from glossary_tool.core.model import Entry
from glossary_tool.core.problems import FatalError, Severity
from glossary_tool.core.yamlio import check_entry
from glossary_tool.lint import Result, run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the valid fixture concepts under content/concepts/."""
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    (tmp_path / "content" / "concepts").mkdir(parents=True)
    for name in ("bpo", "kpo", "outsourcing", "customer-service"):
        (tmp_path / "content" / "concepts" / f"{name}.yaml").write_bytes((FIXTURES / "valid" / f"{name}.yaml").read_bytes())
    return tmp_path


def lint(strict: bool = False) -> Result:
    return run(load_settings("mkdocs.yml"), strict=strict)


def only_inserted(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if any line of ``before`` was changed, moved or removed."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), (op, a[i1:i2], b[j1:j2])
        if op == "insert":
            added += b[j1:j2]
    return added


# ---- new -------------------------------------------------------------------------------------------------


def test_new_concept_lints_clean_and_strict_fails_on_every_placeholder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "data-entry", "--category", "service", "--relation", "service_of=bpo"]) == 0
    path = project / "content" / "concepts" / "data-entry.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../entry.schema.json"
    assert main(["lint"]) == 0
    capsys.readouterr()
    assert main(["lint", "--strict"]) == 1
    flagged = {(p.line, p.column) for p in lint(strict=True).problems if p.rule == "placeholder-text"}
    todo_values = [i + 1 for i, line in enumerate(text.splitlines()) if "TODO" in line.split("#")[0]]
    assert sorted(line for line, _ in flagged) == todo_values and len(todo_values) == 10
    assert all(p.rule == "placeholder-text" for p in lint(strict=True).problems)


def test_new_writes_both_ends_of_a_relation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kpo = project / "content" / "concepts" / "kpo.yaml"
    before = kpo.read_text(encoding="utf-8")
    assert main(["new", "lpo", "--category", "model", "--relation", "contrast=kpo", "--relation", "broader=outsourcing"]) == 0
    after = kpo.read_text(encoding="utf-8")
    assert before.replace("  contrast: [bpo]\n", "  contrast: [bpo, lpo]\n") == after  # one list grows, nothing else changes
    result = lint()
    assert not [p for p in result.problems if p.rule in ("asymmetric-relation", "one-way-related")], result.problems
    kpo_concept, outsourcing = result.glossary.concept("kpo"), result.glossary.concept("outsourcing")
    assert kpo_concept is not None and outsourcing is not None
    assert "lpo" in kpo_concept.targets("contrast") and "lpo" in outsourcing.targets("narrower")


def test_new_writes_nothing_when_the_other_end_cannot_be_edited(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kpo = project / "content" / "concepts" / "kpo.yaml"
    kpo.write_text(kpo.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")  # an entry the edit would not make valid
    before = kpo.read_bytes()
    assert main(["new", "lpo", "--category", "model", "--relation", "contrast=kpo"]) == 2
    assert kpo.read_bytes() == before and not (project / "content" / "concepts" / "lpo.yaml").exists()


def test_every_field_to_fill_is_marked(project: Path) -> None:
    text = scaffold.new_concept_text("x", "model", load_settings("mkdocs.yml"))
    for line in text.splitlines()[1:]:
        key = line.strip().lstrip("- ").split(":")[0]
        if key in ("category", "relations", "type", "grammar", "publisher", "title", "text", "definition") or line.strip().startswith("- 'TODO"):
            assert "TODO" in line or "add date" in line, line


def test_new_fills_in_after_placeholders_are_replaced(project: Path) -> None:
    assert main(["new", "nearshoring", "--category", "location"]) == 0
    path = project / "content" / "concepts" / "nearshoring.yaml"
    numbers = itertools.count(1)
    text = re.sub(r"'TODO:[^']*'", lambda m: f"Real text {next(numbers)}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in lint(strict=True).problems] == []


@pytest.mark.parametrize("bad", ["../evil", "/abs", "Data-Entry", "con", "sv", "index", "a_b", "kрo"])
def test_bad_id_is_refused_before_touching_the_file_system(
    project: Path, bad: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_write(*args: object, **kwargs: object) -> None:
        raise AssertionError("wrote a file")

    monkeypatch.setattr(scaffold, "atomic_write", no_write)
    monkeypatch.setattr(scaffold, "existing_entries", no_write)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    assert main(["new", bad, "--category", "model"]) == 2
    assert "error: id" in capsys.readouterr().err
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_existing_id_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "content" / "concepts" / "kpo.yaml").read_bytes()
    assert main(["new", "kpo", "--category", "model"]) == 2
    assert "already used by content/concepts/kpo.yaml" in capsys.readouterr().err
    (project / "content" / "faq").mkdir()
    (project / "content" / "faq" / "lpo.yaml").write_text("id: lpo\nkind: faq\n", encoding="utf-8")  # invalid, but the id is taken
    assert main(["new", "lpo", "--category", "model"]) == 2
    assert (project / "content" / "concepts" / "kpo.yaml").read_bytes() == before
    assert not (project / "content" / "concepts" / "lpo.yaml").exists()


def test_file_appearing_during_new_is_not_overwritten(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = project / "content" / "concepts" / "late.yaml"
    real_check = check_entry

    def someone_else_writes(text: str, path: str, settings: Settings | None = None) -> Entry:  # after the checks, before the write
        target.write_text("mine\n", encoding="utf-8")
        return real_check(text, path, settings)

    monkeypatch.setattr(scaffold, "check_entry", someone_else_writes)
    with pytest.raises(FatalError, match="refusing to overwrite"):
        scaffold.create_concept(load_settings("mkdocs.yml"), "late", "model")
    assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["new", "x", "--category", "service"], "needs --relation service_of=ID"),
        (["new", "x", "--category", "model", "--relation", "service_of=bpo"], "only for category service"),
        (["new", "x", "--category", "service", "--relation", "service_of=customer-service"], "has category 'service', not model"),
        (["new", "x", "--category", "servce"], "not a declared category"),
        (["new", "x", "--category", "model", "--relation", "partof=bpo"], "not a relation of this glossary"),
        (["new", "x", "--category", "model", "--relation", "broader"], "write NAME=ID"),
    ],
)
def test_service_of_rules(project: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def _commit(message: str) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True)


def test_a_new_concept_is_tracked_for_staleness_from_its_first_real_translation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # new records no translated_from (a placeholder is not a translation); git history tells when the translation was written.
    subprocess.run(["git", "init", "-q"], check=True)
    assert main(["new", "nearshoring", "--category", "location"]) == 0
    path = project / "content" / "concepts" / "nearshoring.yaml"
    _commit("new")

    def fill(text: str, old: str, new: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    text = path.read_text(encoding="utf-8")
    text = fill(text, "TODO: definition of nearshoring in English, one to three sentences in your own words", "Outsourcing to a nearby country.")
    text = fill(text, "TODO: definition of nearshoring in Svenska, one to three sentences in your own words", "Utlokalisering till ett närliggande land.")
    path.write_text(text, encoding="utf-8")
    assert [p for p in lint().problems if p.rule == "stale-translation"] == []  # written now, not committed: current
    _commit("definitions")
    assert [p for p in lint().problems if p.rule == "stale-translation"] == []  # source unchanged since the translation
    path.write_text(fill(text, "Outsourcing to a nearby country.", "Outsourcing to a country in the same region."), encoding="utf-8")
    stale = [p for p in lint().problems if p.rule == "stale-translation"]
    assert [(p.line, p.message.split(":")[0]) for p in stale] == [
        (next(i + 1 for i, line in enumerate(text.splitlines()) if "Utlokalisering" in line), "'sv' definition may be out of date")
    ]
    assert (
        "changed: Outsourcing to a [-nearby country.-] {+country in the same region.+};" in stale[0].message
        and "translate nearshoring --locale sv --reviewed" in stale[0].message
    )
    # After the translation is updated and reviewed, the recorded hash takes over and nothing is stale.
    assert main(["translate", "nearshoring", "--locale", "sv", "--reviewed"]) == 0
    assert [p for p in lint().problems if p.rule == "stale-translation"] == []


# ---- translate ---------------------------------------------------------------------------------------------


def drop_sv(path: Path) -> str:
    text = path.read_text(encoding="utf-8").split("  sv:\n")[0]
    text = text.replace("    examples:\n", "    # examples: keep them short\n    examples:\n")
    path.write_text(text, encoding="utf-8")
    return text


def test_translate_adds_the_block_and_changes_nothing_else(project: Path) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    before = drop_sv(path)
    assert main(["translate", "kpo", "--locale", "sv"]) == 0
    after = path.read_text(encoding="utf-8")
    added = only_inserted(before, after)
    assert added[0] == "  sv:\n" and any("translated_from:" in line for line in added)
    assert "# examples: keep them short" in after
    result = lint()
    assert result.errors == 0
    assert {p.rule for p in result.problems} == {"placeholder-text"}
    kpo = result.glossary.concept("kpo")
    assert kpo is not None and [t.type for t in kpo.locales["sv"].terms] == [t.type for t in kpo.locales["en"].terms]
    assert set(kpo.locales["sv"].translated_from) == {"terms", "definition", "examples", "notes"}


def test_translate_refuses_to_overwrite_an_existing_block(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "content" / "concepts" / "kpo.yaml").read_bytes()
    assert main(["translate", "kpo", "--locale", "sv"]) == 2
    assert "already has 'sv'" in capsys.readouterr().err
    assert (project / "content" / "concepts" / "kpo.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["translate", "nope", "--locale", "sv"], "no entry file named nope.yaml"),
        (["translate", "kpo", "--locale", "de"], "locale 'de' is not configured"),
        (["translate", "kpo", "--locale", "en"], "source locale"),
        (["translate", "../kpo", "--locale", "sv"], "path separator"),
    ],
)
def test_translate_usage_errors(project: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_translate_refuses_if_the_file_changed_after_it_was_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    drop_sv(path)
    real_check = check_entry
    calls = []

    def edit_meanwhile(text: str, shown: str, settings: Settings | None = None) -> Entry:
        calls.append(shown)
        if len(calls) == 2:  # the check of the new text, after the file was read
            path.write_text(path.read_text(encoding="utf-8") + "# someone else's edit\n", encoding="utf-8")
        return real_check(text, shown, settings)

    monkeypatch.setattr(scaffold, "check_entry", edit_meanwhile)
    with pytest.raises(FatalError, match="changed on disk after it was read"):
        scaffold.add_locale(load_settings("mkdocs.yml"), "kpo", "sv")
    assert path.read_text(encoding="utf-8").endswith("# someone else's edit\n")


def test_a_crash_during_the_write_leaves_the_old_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    before = drop_sv(path)

    def crash(tmp: str, target: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio, "_replace", crash)
    with pytest.raises(FatalError, match="disk full; nothing was changed"):
        scaffold.add_locale(load_settings("mkdocs.yml"), "kpo", "sv")
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_translate_faq_and_comparison(project: Path) -> None:
    for name in ("faq-what-is-kpo", "bpo-vs-kpo"):
        text = (FIXTURES / "valid" / f"{name}.yaml").read_text(encoding="utf-8").replace("../../../glossary_tool", "../../glossary_tool")
        (project / "content" / f"{name}.yaml").write_text(text, encoding="utf-8")
    faq = project / "content" / "faq-what-is-kpo.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("\n  sv:", "\n  xx:").split("\n  xx:")[0] + "\n", encoding="utf-8")
    assert main(["translate", "faq-what-is-kpo", "--locale", "sv"]) == 0
    cmp_path = project / "content" / "bpo-vs-kpo.yaml"
    before = cmp_path.read_text(encoding="utf-8")
    stripped = before.replace(", sv: Fokus", "")
    cmp_path.write_text(stripped, encoding="utf-8")
    assert main(["translate", "bpo-vs-kpo", "--locale", "sv"]) == 0
    assert "sv: 'TODO: Svenska label of focus'" in cmp_path.read_text(encoding="utf-8")
    only_inserted(stripped.replace("{en: Focus}", ""), cmp_path.read_text(encoding="utf-8").replace("{en: Focus, sv: 'TODO: Svenska label of focus'}", ""))
    result = lint()
    assert result.errors == 0 and not [p for p in result.problems if p.rule == "missing-locale"]


# ---- --reviewed and --diff ------------------------------------------------------------------------------------


def test_reviewed_records_hashes_and_clears_the_stale_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "translated_from: {terms:" in text and not [p for p in lint().problems if p.rule == "stale-translation"]
    path.write_text(text.replace("to an outside\n", "to an external\n"), encoding="utf-8")
    stale = [p for p in lint().problems if p.rule == "stale-translation"]
    assert len(stale) == 1 and "definition" in stale[0].message and stale[0].severity is Severity.WARNING
    before = path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]
    assert len(changed) == 1 and "translated_from" in changed[0][1] and len(before.splitlines()) == len(after.splitlines())
    assert not [p for p in lint().problems if p.rule == "stale-translation"]
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    assert "already up to date" in capsys.readouterr().out and path.read_text(encoding="utf-8") == after


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="needs git")
def test_diff_shows_the_source_change_from_git_history(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    path = project / "content" / "concepts" / "kpo.yaml"
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    for cmd in (["git", "init", "-q", "."], ["git", "add", "-A"], ["git", "commit", "-qm", "reviewed"]):
        subprocess.run(cmd, cwd=project, check=True, env=env)
    path.write_text(path.read_text(encoding="utf-8").replace("to an outside\n", "to an external\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "kpo", "--locale", "sv", "--diff"]) == 0
    out = capsys.readouterr().out
    assert "[-outside-] {+external+}" in out and out.startswith("definition:")


def test_diff_without_history_shows_the_current_text(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    path.write_text(path.read_text(encoding="utf-8").replace("to an outside\n", "to an external\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "kpo", "--locale", "sv", "--diff"]) == 0
    out = capsys.readouterr().out
    assert "not in the git history" in out and "to an external provider" in out


def test_no_traceback_from_the_command_line(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "glossary_tool", "translate", "kpo", "--locale", "sv"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "already has 'sv'" in proc.stderr


def test_translate_accepts_a_bom_that_lint_accepts_and_keeps_it(project: Path) -> None:
    path = project / "content" / "concepts" / "kpo.yaml"
    drop_sv(path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert lint().errors == 0  # lint accepts the BOM
    assert main(["translate", "kpo", "--locale", "sv"]) == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf#") and after.count(b"\xef\xbb\xbf") == 1 and b"  sv:\n" in after
    assert main(["translate", "kpo", "--locale", "sv", "--reviewed"]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf#")
    assert lint().errors == 0


def test_translate_never_reads_through_a_link_out_of_the_content_folder(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "stolen.yaml"
    outside.write_bytes((project / "content" / "concepts" / "kpo.yaml").read_bytes().replace(b"id: kpo", b"id: stolen"))
    os.symlink(outside, project / "content" / "concepts" / "stolen.yaml")
    before = outside.read_bytes()
    assert main(["translate", "stolen", "--locale", "sv"]) == 2
    assert "no entry file named stolen.yaml" in capsys.readouterr().err
    assert outside.read_bytes() == before
