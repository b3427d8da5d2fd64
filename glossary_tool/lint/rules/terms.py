"""Rules about terms: no term names two concepts, each language has a preferred term, and a term's termbank fields
(the sources that attest it, the reason a form is deprecated) are complete and point at the entry's own sources."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from glossary_tool.core import words
from glossary_tool.core.loader import Loc
from glossary_tool.core.model import Concept, Entry
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.lint.rules.registry import Context, rule


@rule("duplicate-term", scope="glossary")
def duplicate_term(ctx: Context) -> Iterator[Problem]:
    """A term names one concept per language.

    Passes: ``MRI`` in mri (en) and ``MRI`` in mri (sv); ``côte`` and ``cote`` (fr). Fails: ``Thigh bone`` in one
    concept and ``thigh  bone`` or ``ＴＨＩＧＨ bone`` in another, in the same language; ``كاس`` and ``كأس`` (ar),
    ``ビーカー`` and ``ﾋﾞｰｶｰ`` or ``びーかー`` (ja); the message names the first.
    """
    seen: dict[tuple[str, str], tuple[Entry, Loc]] = {}
    for entry in ctx.entries:
        if not isinstance(entry.model, Concept):
            continue
        for code, block in entry.model.locales.items():
            for i, term in enumerate(block.terms):
                key = (code, words.term_key(term.text, code))
                loc: Loc = ("locales", code, "terms", i, "text")
                if key not in seen:
                    seen[key] = (entry, loc)
                    continue
                other, other_loc = seen[key]
                if other is entry:
                    continue
                if (term.status in NOT_IN_USE) != (_status(other, other_loc) in NOT_IN_USE):
                    continue  # a form deprecated here and in use there: deprecated-term-of-other-concept says why
                line = other.doc.pos(other_loc)[0]
                yield entry.doc.problem(loc, f"'{term.text}' ({code}) is already a term of '{other.id}' ({other.doc.path}:{line})")


@rule("preferred-term", scope="entry", severity=Severity.WARNING, own_file=True)
def preferred_term(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every language of a concept has at least one term with ``status: preferred``.

    Passes: a preferred full form plus an admitted variant. Fails: only admitted or deprecated terms.
    """
    if not isinstance(entry.model, Concept):
        return
    for code, block in entry.model.locales.items():
        if not any(t.status in ("preferred", "proposed") for t in block.terms):
            yield entry.doc.problem(("locales", code, "terms"), f"no preferred term in '{code}' (or a proposed one, when the glossary coins it)")


# The script a reading is written in, per language that files terms by their reading (render/collation.py).
READING_SCRIPTS: dict[str, tuple[str, re.Pattern[str]]] = {
    # hiragana, katakana (half-width forms are folded by NFKC first), the long-vowel mark and the middle dot
    "ja": ("kana", re.compile(r"[\u3041-\u309F\u30A0-\u30FF\u31F0-\u31FF・ー\s]+")),
    # Latin letters with tone marks or tone numbers 1–5, syllables apart or run together ('xī'ān')
    "zh": ("pinyin", re.compile(r"[A-Za-züÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛńňǹḿ1-5'’·\s-]+")),
    # the Hangul reading of a term in hanja
    "ko": ("Hangul", re.compile(r"[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F\s-]+")),
}


@rule("reading-script", scope="entry", severity=Severity.WARNING, own_file=True)
def reading_script(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A term's ``reading`` is written in the script its language reads by: kana in Japanese, pinyin in Chinese,
    Hangul in Korean. The index files the term by it.

    Passes: ``{text: 試験管, reading: しけんかん}`` (ja), ``{text: 量筒, reading: liángtǒng}`` (zh). Fails: a reading
    in kanji or romaji in Japanese (``試験管`` or ``shikenkan``), in Han characters in Chinese, or a reading on a
    term of a language that files by spelling alone (``en``), where it would not be used.
    """
    if not isinstance(entry.model, Concept):
        return
    for code, block in entry.model.locales.items():
        language = code.split("-", maxsplit=1)[0]
        for i, term in enumerate(block.terms):
            if term.reading is None:
                continue
            loc: Loc = ("locales", code, "terms", i, "reading")
            expected = READING_SCRIPTS.get(language)
            if expected is None:
                yield entry.doc.problem(loc, f"'{term.text}' ({code}) has a reading, which only Japanese, Chinese and Korean terms use; delete it")
                continue
            script, pattern = expected
            if not pattern.fullmatch(unicodedata.normalize("NFKC", term.reading)):
                yield entry.doc.problem(
                    loc, f"the reading '{term.reading}' of '{term.text}' ({code}) is not in {script}; write how the term is read, in {script}"
                )


def _status(entry: Entry, loc: Loc) -> str:
    """The status of the term at ``loc`` (``("locales", code, "terms", i, "text")``) of a concept entry."""
    assert isinstance(entry.model, Concept)
    code, i = loc[1], loc[3]
    assert isinstance(code, str) and isinstance(i, int)
    return entry.model.locales[code].terms[i].status


@rule("term-source", scope="entry", own_file=True)
def term_source(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A term's ``sources`` name sources of its own entry, by their ``id``; source ids are unique in an entry.

    A term's sources say which of the concept's sources attest that form (IATE's term reference); how to cite is in
    README, "Content style guide". Passes: a source ``{id: booth, title: …}`` and a term with ``sources: [booth]``.
    Fails: ``sources: [both]`` when no source has that id (with a hint), and two sources with the id ``booth``.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    ids: dict[str, int] = {}
    for n, source in enumerate(model.sources):
        if source.id is None:
            continue
        if source.id in ids:
            yield entry.doc.problem(("sources", n, "id"), f"source id '{source.id}' is also the id of source {ids[source.id] + 1}; give each its own")
        else:
            ids[source.id] = n
    for code, block in model.locales.items():
        for i, term in enumerate(block.terms):
            for j, sid in enumerate(term.sources):
                if sid not in ids:
                    known = ", ".join(sorted(ids)) or "none has an id"
                    yield entry.doc.problem(
                        ("locales", code, "terms", i, "sources", j),
                        f"'{term.text}' cites the source '{sid}', which is not a source of this entry (source ids: {known}); "
                        "add the source with that id, or correct the id",
                    )


@rule("deprecated-term-reason", scope="entry", severity=Severity.WARNING, own_file=True)
def deprecated_term_reason(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A deprecated or obsolete term says why, in its own ``note``, so that the reason travels with the term.

    A reason in a concept note is detached from the form in every export; the term's note goes with it (TBX writes it
    on the term). Passes: ``{text: call center, status: deprecated, note: "American spelling; …"}``.
    Fails: a deprecated term without a ``note`` (reported at its status).
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    for code, block in model.locales.items():
        for i, term in enumerate(block.terms):
            if term.status in NOT_IN_USE and term.note is None:
                yield entry.doc.problem(
                    ("locales", code, "terms", i, "status"),
                    f"'{term.text}' is {term.status} in '{code}' but gives no reason; say why in the term's note (README, \"Content style guide\")",
                )
