"""``lint.incremental``: after an edit of a glossary that passed, the rules find what a whole check of it finds.

The shipped glossary passes every rule; here every rule is an error, so each edit below is checked by each of them,
and the findings and messages are compared with ``check`` over the whole edited glossary.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import ROOT

from glossary_tool.core.config import Settings, plugin_options, read_config, settings_from_options
from glossary_tool.core.loading import load_documents, load_glossary, validate
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terms import Languages
from glossary_tool.lint import check, severity_of, stamp
from glossary_tool.lint.incremental import TRIGGERS, Links, Relint, pointed_at
from glossary_tool.lint.rules import load_all
from glossary_tool.lint.rules.registry import Context, Rule

# (file, old text, new text, a rule the edit breaks or "" for none); each applies to the glossary as shipped.
EDITS = [
    ("concepts/kpo.yaml", "      Outsourcing av kunskapsintensivt arbete", "      Utlagd drift av kunskapsintensivt arbete", ""),
    ("concepts/kpo.yaml", "      Outsourcing of knowledge-intensive work", "      Specialised outsourcing of knowledge-intensive work", "stale-translation"),
    ("concepts/kpo.yaml", "      - text: KPO\n", "      - text: BPO\n", "duplicate-term"),
    ("concepts/kpo.yaml", "  contrast: [bpo]", "  contrast: [bpo, nowhere]", "unresolved-reference"),
    ("concepts/outsourcing.yaml", "relations:\n  narrower:", "relations:\n  broader: [kpo]\n  narrower:", "broader-cycle"),
    ("concepts/kpo.yaml", "id: kpo\n", "id: kpo-renamed\n", "unresolved-reference"),
    (
        "concepts/kpo.yaml",
        "      - text: KPO\n        type: acronym\n        status: preferred",
        "      - text: BPO\n        type: acronym\n        status: deprecated",
        "deprecated-term-of-other-concept",
    ),
    (
        "concepts/bpo.yaml",
        "      - text: BPO\n        type: acronym\n        status: preferred",
        "      - text: KPO\n        type: acronym\n        status: deprecated",
        "deprecated-term-of-other-concept",
    ),
    ("concepts/kpo.yaml", "id: kpo\n", "id: bpo\n", "duplicate-id"),
    ("concepts/kpo.yaml", "category: model", "category: location", "relation-category"),
    ("concepts/kpo.yaml", "      Outsourcing of knowledge-intensive work", "      Outsourcing of kno\u0308wledge-intensive work", "nfc"),
    ("faq/faq-abbreviations-bpo-kpo-lpo-rpo.yaml", "concepts: [", "concepts: [nowhere, ", "unresolved-reference"),
]


def _every_rule_an_error(folder: Path) -> Settings:
    """The shipped glossary's options (mention marks among them), with every rule an error."""
    options = plugin_options(read_config(ROOT / "mkdocs.yml"))
    rules = {r.id: "error" for r in load_all().values() if r.scope not in ("load", "content")}
    return settings_from_options(folder, {**options, "content_dir": str(folder), "rules": rules})


def _spliced(before: Glossary, settings: Settings, path: Path) -> Glossary:
    """``before`` with the entries of ``path`` parsed again (new objects), the others the same objects, as serve does."""
    docs, problems = load_documents([path], settings, jobs=1)
    assert problems == [] and len(docs) == 1
    entry, problems = validate(docs[0])
    assert problems == [] and entry is not None
    key = os.path.abspath(path)
    entries = tuple(entry if os.path.abspath(e.doc.path) == key else e for e in before.entries)
    documents = tuple(docs[0] if os.path.abspath(d.path) == key else d for d in before.documents)
    return Glossary(entries, documents, before.others)


@pytest.fixture
def shipped(tmp_path: Path) -> tuple[Path, Settings, Glossary]:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    settings = _every_rule_an_error(folder)
    glossary, problems = load_glossary(settings)
    assert problems == [] and check(glossary, settings) == []
    return folder, settings, glossary


@pytest.mark.parametrize(("name", "old", "new", "rule"), EDITS, ids=[f"{e[0]}:{e[3] or 'none'}" for e in EDITS])
def test_an_edit_finds_what_the_whole_check_finds(shipped: tuple[Path, Settings, Glossary], name: str, old: str, new: str, rule: str) -> None:
    folder, settings, before = shipped
    rules = [r for r in load_all().values() if severity_of(r, settings) is Severity.ERROR and r.scope != "catalog"]
    relint = Relint(settings, rules, Languages(), before)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    after = _spliced(before, settings, path)
    found = stamp(relint.problems(before, after), settings)
    assert found == stamp(check(after, settings, rules), settings)
    assert {p.rule for p in found} >= ({rule} if rule else set()), [str(p) for p in found]
    assert bool(found) == bool(rule)


def test_a_broken_edit_then_another_finds_what_the_whole_check_finds(shipped: tuple[Path, Settings, Glossary]) -> None:
    folder, settings, before = shipped
    rules = [r for r in load_all().values() if severity_of(r, settings) is Severity.ERROR and r.scope != "catalog"]
    relint = Relint(settings, rules, Languages(), before)
    path = folder / "concepts" / "kpo.yaml"
    good = path.read_text(encoding="utf-8")
    # A rename that breaks the links to it, another rename, an id another entry has, and a term another concept has:
    # each is read against the last good glossary, whose indexes the attempts before it changed.
    for old, new in (
        ("id: kpo\n", "id: kpo-renamed\n"),
        ("id: kpo\n", "id: kpo-other\n"),
        ("id: kpo\n", "id: bpo\n"),
        ("      - text: KPO\n", "      - text: BPO\n"),
        ("", ""),
    ):
        path.write_text(good.replace(old, new, 1), encoding="utf-8")
        after = _spliced(before, settings, path)
        found = stamp(relint.problems(before, after), settings)
        assert found == stamp(check(after, settings, rules), settings)
        assert bool(found) == bool(old)
    relint.passed()
    assert relint.links.out == Links(after.entries).out
    assert {k: v for k, v in relint.links.into.items() if v} == Links(after.entries).into


def test_links_know_who_points_at_whom(shipped: tuple[Path, Settings, Glossary]) -> None:
    _, _, glossary = shipped
    links = Links(glossary.entries)
    kpo = next(e for e in glossary.entries if e.id == "kpo")
    assert "bpo" in pointed_at(kpo) and "outsourcing" in pointed_at(kpo)
    assert "kpo" in links.pointing_at(["bpo"]) and "bpo-vs-kpo" in links.pointing_at(["kpo"])
    links.put("kpo", None)
    assert "kpo" not in links.pointing_at(["bpo"]) and "kpo" not in links.out


def test_an_edit_that_breaks_no_whole_glossary_rule_runs_them_on_the_edited_concepts_neighbours_only(shipped: tuple[Path, Settings, Glossary]) -> None:
    folder, settings, before = shipped
    seen: list[tuple[str, int]] = []

    def recording(rule: Rule) -> Rule:
        def check_recorded(ctx: Context) -> Iterable[Problem]:
            seen.append((rule.id, len(ctx.entries)))
            return rule.check(ctx)

        return dataclasses.replace(rule, check=check_recorded) if rule.id in TRIGGERS else rule

    rules = [recording(r) for r in load_all().values() if severity_of(r, settings) is Severity.ERROR and r.scope != "catalog"]
    relint = Relint(settings, rules, Languages(), before)
    path = folder / "concepts" / "kpo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("      Outsourcing av kunskapsintensivt", "      Utlagd drift av kunskapsintensivt", 1), encoding="utf-8"
    )
    after = _spliced(before, settings, path)
    assert relint.problems(before, after) == []
    assert {rule for rule, _ in seen} == set(TRIGGERS) - {"duplicate-term"}  # which needs no rule to tell
    assert all(n < len(after.entries) // 4 for _, n in seen), seen
