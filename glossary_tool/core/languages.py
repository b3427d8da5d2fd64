"""What pages need to know of a language beyond its words: its script, writing direction, how it joins a list (CLDR),
and which of a set of translations (UI catalogs, Material's own) is the closest to a configured tag."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError, get_global
from markupsafe import Markup, escape

# Material names three of its languages otherwise than CLDR does; the CLDR tag is what a project configures (Babel
# knows it: its dates, plural rules and names) and what the package's catalog folders are called.
MATERIAL_TO_CLDR: Mapping[str, str] = MappingProxyType({"sh": "sr-Latn", "ku-IQ": "ckb", "tl": "fil"})


def script_of(tag: str) -> str:
    """The script a language tag is written in: its own script subtag, else CLDR's likely one (sr → Cyrl, sh → Latn)."""
    parts = MATERIAL_TO_CLDR.get(tag, tag).replace("_", "-").split("-")
    explicit = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if explicit:
        return explicit.title()
    language = str(get_global("language_aliases").get(parts[0], parts[0]))  # sh → sr_Latn
    if "_" in language:
        return language.split("_")[1]
    region = next((p for p in parts[1:] if len(p) == 2 or p.isdigit()), None)
    return _likely_script(language, region)


def _likely_script(language: str, region: str | None) -> str:
    """CLDR's likely script for a language (in a region, if given and known); Latin when CLDR has none."""
    likely = get_global("likely_subtags")
    found = str((likely.get(f"{language}_{region}") if region else None) or likely.get(language) or "")
    script = found.split("_")[1] if "_" in found else ""
    return script if len(script) == 4 else "Latn"


def _language(tag: str) -> str:
    """The language subtag of ``tag`` under CLDR's name for it (tl → fil, sh → sr, ku-IQ → ckb)."""
    first = MATERIAL_TO_CLDR.get(tag, tag).replace("_", "-").split("-", maxsplit=1)[0].lower()
    return str(get_global("language_aliases").get(first, first)).split("_")[0]


def closest(code: str, available: Collection[str]) -> list[str]:
    """The tags of ``available`` (``-`` or ``_`` between subtags) that can stand for ``code``, best first: the tag
    itself, then shorter forms and other names of the language, but only in the same script, so that ``zh-Hant-TW``
    never falls back to Simplified ``zh`` nor ``sr-Latn-RS`` to Cyrillic ``sr``."""
    by_key = {name.replace("_", "-").lower(): name for name in available}
    parts = code.replace("_", "-").split("-")
    tried = [code, f"{parts[0]}-{parts[-1]}", "-".join(parts[:2]), parts[0]]
    tried += sorted(name for name in available if _language(name) == _language(code))
    want = script_of(code)
    out: list[str] = []
    for tag in tried:
        name = by_key.get(tag.replace("_", "-").lower())
        if name is not None and name not in out and script_of(name) == want:
            out.append(name)
    return out


@lru_cache(maxsize=256)
def direction(code: str) -> str:
    """``rtl`` for a language written from right to left (CLDR's character order: ar, fa, he, ur …), else ``ltr``."""
    try:
        order = BabelLocale.parse(code.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@lru_cache(maxsize=256)  # a concept page asks for it once per other language's term: a few languages, asked often
def lang_attributes(code: str) -> Markup:
    """`` lang="…" dir="…"`` for a fragment in language ``code`` (nothing for ""): an element with ``dir`` is also
    isolated from the text around it, so a left-to-right definition on an Arabic page keeps its full stop at its end."""
    if not code:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(code, direction(code))


@lru_cache(maxsize=256)
def _middle(code: str) -> str:
    """CLDR's pattern between two items inside a list of the language ("{0}, {1}", "{0}、{1}", Arabic "{0} و{1}")."""
    try:
        return str(BabelLocale.parse(code.replace("-", "_")).list_patterns["standard"]["middle"])
    except (UnknownLocaleError, ValueError, KeyError):
        return "{0}, {1}"


def join(items: Sequence[str], code: str) -> str:
    """Items of an enumeration (grammar labels) with the language's list separator between each two, and no "and"
    before the last: "noun, feminine", "名词、阴性"; CLDR's Arabic separator is و: "اسم ومؤنث"."""
    if not items:
        return ""
    middle = _middle(code)
    out = items[-1]
    for item in reversed(items[:-1]):
        out = middle.format(item, out)
    return out


def join_html(items: Sequence[Markup | str], code: str) -> Markup:
    """``join`` for pieces of HTML (links), each escaped unless it is markup already: the pattern is filled with
    placeholders, escaped, and the pieces put in their places."""
    marks = [f"\x00{i}\x00" for i in range(len(items))]
    out = str(escape(join(marks, code)))
    for mark, item in zip(marks, items, strict=True):
        out = out.replace(mark, str(escape(item)), 1)
    return Markup(out)


def separator(code: str) -> Markup:
    """What the language puts between two items of a list, for templates that write the items one by one."""
    return Markup(escape(_middle(code).format("", "")))
