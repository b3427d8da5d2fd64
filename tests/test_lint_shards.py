"""``lint.shards``: the rules run in forked processes find what one process finds, in the same order.

The glossary below breaks nearly every rule (the invalid fixtures), has more dangling references than a run gives
"did you mean" hints, and a translation that git history shows out of date, so each kind of rule is compared.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, concept, git, make_settings

from glossary_tool.lint import run, shards
from glossary_tool.lint.rules.registry import HINT_BUDGET, RULES


def _breaking_glossary(root: Path) -> Path:
    content = root / "content"
    content.mkdir()
    for kind in ("valid", "invalid"):
        for f in (FIXTURES / kind).glob("*.yaml"):
            shutil.copy(f, content / f"{kind}-{f.name}")
    for i in range(HINT_BUDGET + 60):  # each points at an id one letter off a real one: a hint while the budget lasts
        text = concept(f"dangling-{i:03d}").replace("category: model\n", f"category: model\nrelations:\n  related: [dangling-{i:03d}x]\n")
        (content / f"dangling-{i:03d}.yaml").write_text(text, encoding="utf-8")
    drifted = content / "drifted.yaml"
    drifted.write_text(concept("drifted"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "glossary")
    # The English definition changes after the Swedish one was written against it: stale, as git history shows.
    drifted.write_text(concept("drifted").replace("An English definition.", "A reworded English definition."), encoding="utf-8")
    return content


def test_the_rules_in_two_processes_find_what_one_finds_in_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _breaking_glossary(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = make_settings(content)
    calls: list[int] = []
    in_parallel = shards.in_parallel

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return in_parallel(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shards, "in_parallel", counted)
    alone = run(settings, jobs=1).problems
    assert calls == []
    together = run(settings, jobs=2).problems
    assert calls == [1]
    assert together == alone
    by_rule = {p.rule for p in alone}
    # Not a vacuous comparison: rules of every scope found something, the hint budget ran out, git was read.
    assert {RULES[r].scope for r in by_rule if r in RULES} >= {"document", "entry", "glossary"}
    assert len(by_rule) >= 20, sorted(by_rule)
    dangling = [p for p in alone if p.rule == "unresolved-reference" and "dangling-" in p.message]
    assert len(dangling) == HINT_BUDGET + 60
    assert sum("did you mean" in p.message for p in dangling) == HINT_BUDGET - sum(
        "did you mean" in p.message for p in alone if p.rule == "unresolved-reference" and p not in dangling
    )
    assert any(p.rule == "stale-translation" and p.path.endswith("drifted.yaml") for p in alone)


def test_a_small_glossary_is_checked_in_one_process_and_a_large_one_in_several() -> None:
    from glossary_tool.core.model import Glossary

    assert shards.jobs_for(Glossary(())) == 1
    assert shards._bounds(10, 4) == [(0, 2), (2, 5), (5, 8), (8, 10)]
    assert shards._bounds(0, 3) == [(0, 0), (0, 0), (0, 0)]


def test_when_a_worker_cannot_start_or_dies_the_rules_run_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    content = _breaking_glossary(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = make_settings(content)
    alone = run(settings, jobs=1).problems

    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, *args: object) -> object:
            raise BrokenProcessPool("a worker died")

        def shutdown(self, *args: object, **kwargs: object) -> None:
            return None

    monkeypatch.setattr(shards, "ProcessPoolExecutor", Broken)
    assert run(settings, jobs=2).problems == alone
    assert not shards._SHARED  # nothing is kept for workers that never ran


def test_when_no_worker_can_start_the_main_process_parses_and_checks_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    content = _breaking_glossary(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = make_settings(content)
    alone = run(settings, jobs=1).problems
    fork = multiprocessing.get_context("fork")
    started: list[int] = []

    class NoFork(fork.Process):  # type: ignore[name-defined,misc]
        def start(self) -> None:
            started.append(1)
            raise OSError("fork failed")

    monkeypatch.setattr(fork, "Process", NoFork)
    assert run(settings, jobs=2).problems == alone
    assert started  # the parsing workers and the rules' workers were asked for, and none started
    assert not shards._SHARED


def test_a_rule_that_checks_its_own_file_finds_the_same_without_the_rest_of_the_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``own_file`` promises, and what running such rules while the files are parsed relies on: with a context
    that holds no other entry, each finds in each file what it finds with the whole glossary loaded."""
    from glossary_tool.core.loading import load_glossary
    from glossary_tool.core.model import Glossary
    from glossary_tool.lint.rules import load_all
    from glossary_tool.lint.rules.registry import Context

    content = _breaking_glossary(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = make_settings(content)
    glossary, _ = load_glossary(settings, jobs=1)
    whole = Context.build(settings, list(glossary.entries))
    own = [r for r in load_all().values() if shards.while_parsing(r)]
    assert len(own) >= 15
    found = 0
    for doc in glossary.documents:
        part = Glossary(tuple(e for e in glossary.entries if e.doc is doc), (doc,))
        for r in own:
            with_all = list(r.found_in(part, whole))
            assert list(r.found_in(part, Context(settings))) == with_all, (r.id, doc.path)
            found += len(with_all)
    assert found >= 20  # not a comparison of nothing with nothing


def test_only_a_document_or_entry_rule_may_check_its_own_file_alone() -> None:
    from glossary_tool.core.problems import Severity
    from glossary_tool.lint.rules.registry import rule

    with pytest.raises(ValueError, match="own file alone"):
        rule("never-registered", scope="glossary", severity=Severity.ERROR, own_file=True)(lambda ctx: iter(()))
    assert "never-registered" not in RULES
    assert not any(r.own_file and not shards.while_parsing(r) for r in RULES.values())
