"""The values other tools write for a term's status and part of speech, and the glossary's value for each.

One table for every importer (TBX, CSV, xlsx), so a status reads the same whichever file it comes in.
"""

from __future__ import annotations

from glossary_tool.core.vocabulary import Status

# Compared ignoring case. TBX's administrativeStatus picklist (ISO 12620: the three normative ones count as preferred),
# TBX-Min's usageStatus, Weblate's statuses (its "forbidden" and "obsolete" mark a term not to use), the words
# spreadsheets and CAT tools write, and the glossary's own values.
STATUSES: dict[str, Status] = {
    "preferred": "preferred",
    "preferredterm-admn-sts": "preferred",
    "standardizedterm-admn-sts": "preferred",
    "legalterm-admn-sts": "preferred",
    "regulatedterm-admn-sts": "preferred",
    "admitted": "admitted",
    "admittedterm-admn-sts": "admitted",
    "deprecated": "deprecated",
    "deprecatedterm-admn-sts": "deprecated",
    "notrecommended": "deprecated",
    "not recommended": "deprecated",
    "forbidden": "deprecated",
    "obsolete": "obsolete",
    "supersededterm-admn-sts": "obsolete",
    "superseded": "obsolete",
    "proposed": "proposed",
}
# What a one-row-per-concept spreadsheet writes for each status: CAT tools (memoQ, Trados, Phrase, Crowdin) call a term
# that must not be used "forbidden".
SHEET_STATUS: dict[str, str] = {"deprecated": "forbidden"}
PARTS_OF_SPEECH = {
    "noun": "noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "propernoun": "properNoun",
    "proper noun": "properNoun",
    "other": "other",
    "n": "noun",
    "v": "verb",
    "adj": "adjective",
    "adv": "adverb",
}


def status_of(value: str) -> Status | None:
    """The glossary's status for a status another tool wrote; None if it has none."""
    return STATUSES.get(" ".join(value.split()).casefold())


def part_of_speech(value: str) -> str | None:
    return PARTS_OF_SPEECH.get(" ".join(value.split()).casefold())
