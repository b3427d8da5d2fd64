"""The checks of ``glossary-tool check``, one small function per rule id; each docstring (Passes/Fails) is its documentation.

They look at terms already found in a prose (``terms.py``) and only report; the runner decides what is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from glossary_tool.check.prose import Prose, SourceFile
from glossary_tool.check.shared import Problem, Severity
from glossary_tool.check.terms import IGNORED, Found, GlossaryTerms, leftmost_longest, mentioned


@dataclass(frozen=True, slots=True)
class CheckRule:
    """A rule of ``check``: its id, severity and documentation."""

    id: str
    severity: Severity
    doc: str


CHECK_RULES: dict[str, CheckRule] = {}


def _register(rule_id: str, severity: Severity, doc: str) -> None:
    CHECK_RULES[rule_id] = CheckRule(rule_id, severity, doc)


def check_rule(rule_id: str, severity: Severity) -> Callable[[Callable[..., Iterator[Problem]]], Callable[..., Iterator[Problem]]]:
    def register(fn: Callable[..., Iterator[Problem]]) -> Callable[..., Iterator[Problem]]:
        _register(rule_id, severity, (fn.__doc__ or "").strip())
        return fn

    return register


@dataclass(frozen=True, slots=True)
class Checked:
    """A prose with the terms found in it."""

    file: SourceFile
    prose: Prose
    found: list[Found]

    def problem(self, found: Found, rule: str, message: str) -> Problem:
        return self.file.problem(self.prose.origin(found.start), rule, message, CHECK_RULES[rule].severity)

    def used(self, found: Found) -> str:
        return " ".join(self.prose.text[found.start : found.end].split())


def _unspanned(checked: Checked, wanted: Callable[[Found], bool], spanning: Callable[[Found], bool], marks: str) -> list[Found]:
    """The wanted matches that no spanning match covers and no mention marks enclose, as the reader sees them."""
    candidates = [f for f in checked.found if wanted(f)]
    if not candidates:
        return []
    kept = _uncovered(candidates, [g for g in checked.found if spanning(g)])
    return [f for f in leftmost_longest(kept) if not mentioned(checked.prose.text, f, marks)]


def _uncovered(candidates: list[Found], others: list[Found]) -> list[Found]:
    return [f for f in candidates if not any(g.covers(f) for g in others)]


@check_rule("deprecated-term", Severity.ERROR)
def deprecated_term(checked: Checked, marks: str) -> Iterator[Problem]:
    """No text uses a term the glossary deprecates (or records as obsolete) in the text's language, in any inflected
    form or compound, with the same matcher as lint's ``deprecated-term-used``.

    A longer term in use that contains the form, a phrase of the ``check_ignore`` list around it, and a mention in
    ``mention_marks`` (``«»`` by default) are not uses. With ``datamaskin`` deprecated for ``dator`` in Swedish:
    Passes: "Starta datorn.", "«Datamaskin» är en äldre form." Fails: "Starta datamaskinen.", "ett datamaskinsprogram";
    the message names the preferred term.
    """
    for f in _unspanned(checked, lambda f: not f.term.in_use, lambda g: g.term.in_use, marks):
        term = f.term
        instead = f"write '{term.preferred}' instead" if term.preferred else "the concept records no term in use"
        yield checked.problem(
            f, "deprecated-term", f"'{checked.used(f)}' uses '{term.text}', deprecated in '{checked.prose.language}' for '{term.concept}'; {instead}"
        )


@check_rule("admitted-term", Severity.WARNING)
def admitted_term(checked: Checked, marks: str) -> Iterator[Problem]:
    """With ``--admitted``: no text uses an admitted term where the glossary prefers another term of the same concept.

    A preferred term around the form (or the same form preferred for another concept) is not a use. With ``KPO``
    preferred and ``outsourcing av kunskapsprocesser`` admitted in Swedish: Passes: "KPO växer." Fails: "Outsourcing
    av kunskapsprocesser växer."; the message names the preferred term.
    """

    def preferred_or_ignored(g: Found) -> bool:
        return g.term.status in ("preferred", IGNORED)

    for f in _unspanned(checked, lambda f: f.term.status == "admitted" and f.term.preferred not in (None, f.term.text), preferred_or_ignored, marks):
        yield checked.problem(
            f,
            "admitted-term",
            f"'{checked.used(f)}' is admitted in '{checked.prose.language}' for '{f.term.concept}', but the glossary prefers '{f.term.preferred}'",
        )


@check_rule("glossary-mismatch", Severity.ERROR)
def glossary_mismatch(
    sources: Sequence[Checked], target: Checked | None, target_file: SourceFile, target_prose: Prose, glossary: GlossaryTerms, marks: str
) -> Iterator[Problem]:
    """In a translation unit (PO, XLIFF), a source text that names a concept, by a preferred or admitted term in any
    inflected form, has a translation that uses one of that concept's terms in the target language.

    Units marked fuzzy (or XLIFF ``needs-…``, ``initial``) and untranslated units are skipped, and so is a concept
    with no term in the target language. With customer care = ``kundtjänst`` in Swedish:
    Passes: "Contact customer care" → "Kontakta kundtjänsten". Fails: "Contact customer care" → "Kontakta supporten";
    the message names the expected terms.
    """
    named = _named(sources, marks)
    if not named:
        return
    present = {f.term.concept for f in target.found} if target is not None else set()
    language = target_prose.language
    for concept, (source, f) in named.items():
        if concept in present:
            continue
        expected = [t.text for t in glossary.concept_terms.get((concept, language), []) if t.in_use]
        if not expected:
            continue
        where = target_prose.origin(0)
        yield target_file.problem(
            where,
            "glossary-mismatch",
            f"the source uses '{source.used(f)}' ('{concept}') but the '{language}' translation has none of its terms: expected {_either(expected)}",
            CHECK_RULES["glossary-mismatch"].severity,
        )


def _named(sources: Sequence[Checked], marks: str) -> dict[str, tuple[Checked, Found]]:
    """The concepts the source texts name by a preferred or admitted term, each with its first mention."""
    named: dict[str, tuple[Checked, Found]] = {}
    for source in sources:
        for f in _unspanned(source, lambda f: f.term.status in ("preferred", "admitted"), lambda g: g.term.status == IGNORED, marks):
            named.setdefault(f.term.concept, (source, f))
    return named


def _either(terms: Sequence[str]) -> str:
    quoted = [f"'{t}'" for t in terms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


# Problems with the files themselves: each stops the file (or, for a language, the part in it), always an error.
_register("unreadable", Severity.ERROR, "Passes: a file the tool can open. Fails: a file that cannot be read (permissions, vanished), a folder link loop.")
_register("special-file", Severity.ERROR, "Passes: regular files. Fails: a FIFO, socket or device named or found among the paths; it is never opened.")
_register("file-too-large", Severity.ERROR, "Passes: a file up to 8 MiB. Fails: a larger file; it is not read.")
_register(
    "encoding",
    Severity.ERROR,
    "Passes: UTF-8 text (a byte-order mark is allowed). Fails: a binary file (a NUL byte) or bytes that are not UTF-8, at the first one.",
)
_register(
    "line-too-long", Severity.ERROR, "Passes: lines up to 100,000 characters. Fails: a longer line (a generated or minified file); the file is not checked."
)
_register(
    "xml-syntax",
    Severity.ERROR,
    "Passes: well-formed XML (XLIFF). Fails: anything the XML parser rejects, a DOCTYPE or an entity declaration, at the parser's position.",
)
_register("po-syntax", Severity.ERROR, "Passes: a gettext PO file. Fails: a line that is no keyword, string or comment, an unclosed string, at its position.")
_register(
    "unknown-language",
    Severity.ERROR,
    "Passes: a file whose language (``lang``, the PO header, XLIFF's languages, ``--language``) is one the glossary has terms in. "
    "Fails: a tag that is not BCP 47, or a language the glossary does not have; an HTML element in another language is skipped instead.",
)
_register(
    "unclosed-ignore",
    Severity.ERROR,
    "Passes: ``<!-- glossary-ignore -->`` closed by ``<!-- glossary-ignore-end -->``. Fails: one never closed, which would hide the rest of the file.",
)
_register(
    "missing-reader",
    Severity.ERROR,
    "Passes: PO and XLIFF files with translate-toolkit installed (``pip install 'glossary-tool[check]'``). Fails: one without it.",
)
