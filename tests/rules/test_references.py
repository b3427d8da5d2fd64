"""Rules about links: ``unresolved-reference``, ``broader-cycle``, ``asymmetric-relation``, ``one-way-related``,
``relation-conflict``, ``relation-category`` and ``faq-unlinked-concept``."""

from conftest import LintFiles, concept, found

from glossary_tool.lint.rules import load_all


def with_relations(cid: str, relations: str, category: str = "model") -> str:
    return concept(cid).replace("sources:", f"relations:\n{relations}sources:").replace("category: model", f"category: {category}")


def test_resolved_references_pass(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_relations("a", "  broader: [b]\n"), "b.yaml": with_relations("b", "  narrower: [a]\n")})
    assert result.problems == []


def test_unresolved_reference_with_hint(lint_files: LintFiles) -> None:
    result = lint_files({"kpo.yaml": with_relations("kpo", "  related: [bpp]\n"), "bpo.yaml": concept("bpo")})
    assert found(result, "unresolved-reference") == [("kpo.yaml", 5, 13)]
    assert "did you mean 'bpo'" in result.problems[0].message


def test_self_reference(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": with_relations("a", "  related: [a]\n")}), "unresolved-reference") == [("a.yaml", 5, 13)]


def test_cycle_is_reported_once(lint_files: LintFiles) -> None:
    result = lint_files(
        {
            "a.yaml": with_relations("a", "  broader: [b]\n  narrower: [c]\n"),
            "b.yaml": with_relations("b", "  broader: [c]\n  narrower: [a]\n"),
            "c.yaml": with_relations("c", "  broader: [a]\n  narrower: [b]\n"),
        }
    )
    assert found(result, "broader-cycle") == [("a.yaml", 5, 3)]
    assert "a → b → c → a" in next(p.message for p in result.problems if p.rule == "broader-cycle")


def test_asymmetric_relation_is_a_warning(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_relations("a", "  broader: [b]\n"), "b.yaml": concept("b")})
    assert found(result, "asymmetric-relation") == [("a.yaml", 5, 13)]
    assert result.problems[0].severity.value == "warning"
    strict = lint_files({}, strict=True)
    assert strict.problems[0].severity.value == "error"


def test_service_needs_a_model(lint_files: LintFiles) -> None:
    ok = lint_files({"bpo.yaml": concept("bpo"), "s.yaml": with_relations("s", "  service_of: [bpo]\n", "service")})
    assert found(ok, "relation-category") == []
    missing = lint_files({"t.yaml": concept("t").replace("category: model", "category: service")})
    assert found(missing, "relation-category") == [("t.yaml", 3, 11)]
    assert "needs relations.service_of" in next(p.message for p in missing.problems if p.rule == "relation-category")


def test_service_pointing_at_non_model(lint_files: LintFiles) -> None:
    result = lint_files(
        {"n.yaml": concept("n").replace("category: model", "category: notion"), "s.yaml": with_relations("s", "  service_of: [n]\n", "service")}
    )
    assert found(result, "relation-category") == [("s.yaml", 5, 16)]
    assert "points at model" in next(p.message for p in result.problems if p.rule == "relation-category")


def test_relation_outside_its_domain(lint_files: LintFiles) -> None:
    result = lint_files({"bpo.yaml": concept("bpo"), "m.yaml": with_relations("m", "  service_of: [bpo]\n")})
    assert found(result, "relation-category") == [("m.yaml", 5, 15)]


def test_one_way_related_is_a_warning(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_relations("a", "  related: [b]\n"), "b.yaml": concept("b")})
    assert found(result, "one-way-related") == [("a.yaml", 5, 13)]
    assert result.problems[0].severity.value == "warning"
    both = lint_files({"b.yaml": with_relations("b", "  related: [a]\n")})
    assert found(both, "one-way-related") == []


def test_related_and_contrast_conflict(lint_files: LintFiles) -> None:
    result = lint_files(
        {
            "a.yaml": with_relations("a", "  related: [c, b]\n  contrast: [b]\n"),
            "b.yaml": with_relations("b", "  related: [a]\n  contrast: [a]\n"),
            "c.yaml": with_relations("c", "  related: [a]\n"),
        }
    )
    assert found(result, "relation-conflict") == [("a.yaml", 5, 16), ("b.yaml", 5, 13)]
    assert "keep only contrast" in next(p.message for p in result.problems if p.rule == "relation-conflict")


def test_related_and_broader_conflict(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_relations("a", "  broader: [b]\n  related: [b]\n"), "b.yaml": with_relations("b", "  narrower: [a]\n  related: [a]\n")})
    assert found(result, "relation-conflict") == [("a.yaml", 6, 13), ("b.yaml", 6, 13)]


def test_symmetric_declared_relation_must_be_mirrored(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_relations("a", "  contrast: [b]\n"), "b.yaml": concept("b")})
    assert found(result, "asymmetric-relation") == [("a.yaml", 5, 14)]
    assert "does not list 'a' under contrast" in result.problems[0].message


# ---- faq-unlinked-concept ----

FAQ = """\
id: faq-x
kind: faq
concepts: [bpo]
sources: [{title: A source}]
locales:
  en:
    question: How does BPO differ from KPO?
    answer: BPO providers handle volume; «KPO» is only mentioned here. Knowledge process work is different.
  sv:
    question: Hur skiljer sig BPO från KPO?
    answer: BPO-leverantörer arbetar i volym.
"""


def test_faq_unlinked_concept_is_documented_and_a_warning() -> None:
    rule = load_all()["faq-unlinked-concept"]
    assert "Passes:" in rule.doc and "Fails:" in rule.doc and rule.severity.value == "warning"


def test_a_question_that_lists_what_it_names_passes(lint_files: LintFiles) -> None:
    files = {
        "bpo.yaml": concept("bpo", "BPO", "BPO"),
        "kpo.yaml": concept("kpo", "KPO", "KPO"),
        "faq-x.yaml": FAQ.replace("concepts: [bpo]", "concepts: [bpo, kpo]"),
    }
    assert found(lint_files(files), "faq-unlinked-concept") == []


def test_a_named_concept_missing_from_concepts_is_reported_once_at_its_first_mention(lint_files: LintFiles) -> None:
    kpo = concept("kpo", "KPO", "KPO").replace(
        "status: preferred", "status: preferred\n      - text: knowledge process\n        type: shortForm\n        status: admitted", 1
    )
    result = lint_files({"bpo.yaml": concept("bpo", "BPO", "BPO"), "kpo.yaml": kpo, "faq-x.yaml": FAQ})
    assert found(result, "faq-unlinked-concept") == [("faq-x.yaml", 7, 40)]
    assert "names 'KPO' (kpo) but does not list 'kpo'" in next(p.message for p in result.problems if p.rule == "faq-unlinked-concept")


def test_deprecated_forms_and_marked_mentions_do_not_count(lint_files: LintFiles) -> None:
    kpo = concept("kpo", "knowledge outsourcing", "KPO").replace(
        "status: preferred", "status: preferred\n      - text: KPO\n        type: acronym\n        status: deprecated\n        note: Say it in full.", 1
    )
    faq = FAQ.replace(" from KPO?", "?").replace(" från KPO?", "?")
    assert found(lint_files({"bpo.yaml": concept("bpo", "BPO", "BPO"), "kpo.yaml": kpo, "faq-x.yaml": faq}), "faq-unlinked-concept") == []
