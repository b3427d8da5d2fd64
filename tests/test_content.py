"""The shipped glossary: coverage of the source articles, both languages, and original wording."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

from glossary_tool.core.config import load_settings
from glossary_tool.core.model import Comparison, Concept
from glossary_tool.lint import run

SEEDS = ROOT.parent / "shared" / "seeds"
SETTINGS = load_settings(ROOT / "mkdocs.yml")
RESULT = run(SETTINGS, strict=True)
CONCEPTS = {c.id: c for c in RESULT.glossary.concepts}


def test_lints_clean_when_strict() -> None:
    assert [str(p) for p in RESULT.problems] == []


def test_at_least_45_concepts_in_both_languages() -> None:
    assert len(CONCEPTS) >= 45
    for c in CONCEPTS.values():
        assert set(c.locales) == {"en", "sv"}, c.id


def test_delivery_models_under_outsourcing() -> None:
    for cid in ["bpo", "kpo", "lpo", "rpo", "onshore-outsourcing", "nearshore-outsourcing", "offshore-outsourcing"]:
        assert cid in CONCEPTS
    for cid in ["bpo", "kpo", "onshore-outsourcing", "offshore-outsourcing"]:
        assert "outsourcing" in CONCEPTS[cid].targets("broader"), cid
    # A neighbouring country is outside the client's own, so nearshore is a kind of offshore outsourcing.
    assert CONCEPTS["nearshore-outsourcing"].targets("broader") == ("offshore-outsourcing",)


@pytest.mark.parametrize("model", ["bpo", "kpo"])
def test_services_belong_to_a_model(model: str) -> None:
    kpo_family = {"kpo", "lpo", "rpo"}
    services = [
        c
        for c in CONCEPTS.values()
        if c.category == "service" and (model in c.targets("service_of") or (model == "kpo" and kpo_family & set(c.targets("service_of"))))
    ]
    assert len(services) >= 8


def test_key_notions_present() -> None:
    for cid in [
        "cost-arbitrage",
        "knowledge-arbitrage",
        "core-activity",
        "non-core-activity",
        "rules-based-work",
        "judgement-based-work",
        "volume-driven-work",
        "insight-driven-work",
        "automation",
        "robotic-process-automation",
        "attrition",
        "data-security",
        "intellectual-property-risk",
    ]:
        assert cid in CONCEPTS, cid


def test_swedish_nouns_have_gender() -> None:
    for c in CONCEPTS.values():
        for t in c.locales["sv"].terms:
            if t.grammar and t.grammar.pos == "noun":
                assert t.grammar.gender in {"utrum", "neutrum"}, (c.id, t.text)


REQUIRED_DIMENSIONS = [
    "focus",
    "skill-level",
    "objective",
    "nature",
    "examples",
    "full-form",
    "definition",
    "based-on",
    "complexity",
    "requirement",
    "driving-force",
    "coordination",
    "talent",
    "focus-level",
    "services",
    "salary",
    "challenges",
    "cost",
    "locations",
]


def test_bpo_versus_kpo_comparison_is_complete() -> None:
    comparison = next(c for c in RESULT.glossary.comparisons if c.id == "bpo-vs-kpo")
    assert isinstance(comparison, Comparison) and comparison.concepts == ("bpo", "kpo")
    ids = [d.id for d in comparison.dimensions]
    assert set(REQUIRED_DIMENSIONS) <= set(ids)
    for d in comparison.dimensions:
        assert set(d.label) == {"en", "sv"}
        for cid in ("bpo", "kpo"):
            assert set(d.values[cid]) == {"en", "sv"} and all(v.strip() for v in d.values[cid].values()), (d.id, cid)


def test_faq_has_at_least_25_questions_in_both_languages() -> None:
    faqs = RESULT.glossary.faqs
    assert len(faqs) >= 25
    assert all(set(f.locales) == {"en", "sv"} for f in faqs)


def test_faq_answers_are_short() -> None:
    # Two to four sentences per answer; the glossary's prose avoids abbreviations with periods, so a period ends a sentence.
    counts = {(f.id, code): len(re.findall(r"[.!?](?:\s|$)", block.answer.strip())) for f in RESULT.glossary.faqs for code, block in f.locales.items()}
    assert {key: n for key, n in counts.items() if not 2 <= n <= 4} == {}


def test_every_concept_cites_a_source() -> None:
    assert all(isinstance(c, Concept) and c.sources for c in CONCEPTS.values())


def _strings(node: object, skip: frozenset[str] = frozenset({"sources"})) -> list[str]:
    # Source records are citations (titles must be quoted exactly), not prose, so they are left out.
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in skip for s in _strings(v, skip)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v, skip)]
    return []


N = 6  # a run of this many words shared with a seed article counts as copied


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + N]) for i in range(len(words) - N + 1)}


SEED_GRAMS = set().union(*(_grams(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt")))) if SEEDS.is_dir() else set()


def copied_runs(text: str) -> list[str]:
    return sorted(" ".join(g) for g in _grams(text) & SEED_GRAMS)


def test_the_copy_check_catches_a_copied_sentence() -> None:
    assert SEED_GRAMS, f"no seed articles found in {SEEDS}"
    seed = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    sentence = max(seed.split("."), key=len)
    assert copied_runs("Intro words. " + sentence.upper() + " and more")
    assert copied_runs("Intro words. " + " ".join(sentence.split()[:N]) + " and more")  # exactly N words are enough
    assert copied_runs("A sentence written for this glossary, long enough to have ten words in it.") == []


def test_no_sentence_copied_from_the_sources() -> None:
    copied = []
    for path in sorted((ROOT / "content").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        copied += [f"{path.name}: {run}" for text in _strings(data) for run in copied_runs(text)]
    assert copied == []


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


SEED_QUESTIONS = (
    sorted({_normalized(line) for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line.strip().endswith("?")})
    if SEEDS.is_dir()
    else []
)


def seed_questions_in(question: str) -> list[str]:
    """The seed questions (lines ending in '?') that ``question`` equals or contains, ignoring case and spacing."""
    text = _normalized(question)
    return [q for q in SEED_QUESTIONS if q in text]


def test_the_question_check_catches_a_copied_question() -> None:
    assert SEED_QUESTIONS, f"no questions found in the seed articles in {SEEDS}"
    copied = SEED_QUESTIONS[0]
    assert seed_questions_in(copied) == [copied]
    assert seed_questions_in("  " + copied.upper().replace(" ", " \n  ") + " ") == [copied]
    assert seed_questions_in("In short: " + copied) == [copied]
    assert seed_questions_in("Which questions does this glossary answer about outsourcing?") == []


def test_no_faq_question_repeats_a_seed_question() -> None:
    copied = [(f.id, code, q) for f in RESULT.glossary.faqs for code, block in f.locales.items() for q in seed_questions_in(block.question)]
    assert copied == []
