"""The TBX import: a TBX 2019 or TBX 2008 document read twice, one entry at a time (first for the ids references point
to, then for the concepts), within the import's bounds."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.problems import Problem, clip
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.registry import MAX_IMPORT_CONCEPTS, Imported, ImportOptions, Source, importer, match_locale, problem, too_many
from glossary_tool.exchange.tbx.concepts import read_concept
from glossary_tool.exchange.tbx.document import Walk, as_utf8, from_martif, prolog_problem
from glossary_tool.exchange.tbx.mapping import KNOWN_NS, NS, RULE, XML_LANG, children, local_name, text_of, to_slug, unique_slug
from glossary_tool.exchange.tbx.reader import Reader
from glossary_tool.exchange.tbx.schema import schema_check


@importer("tbx")
def import_tbx(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts of a TBX document: TBX 2019 (TBX-Basic, TBX-Min, DCA style) or TBX 2008 (``martif``: TBX-Basic 2008,
    the Microsoft Terminology Collection, translate-toolkit and Weblate); what TBX-Basic carries is kept, the rest reported.

    The document is read twice, one entry at a time: first for the ids that references point to, then for the
    concepts; at most ``MAX_IMPORT_CONCEPTS`` of them."""
    options = options or ImportOptions()
    utf8, source, problems = as_utf8(data, path)
    if utf8 is None or source is None:
        return [], problems
    found = prolog_problem(utf8, path)  # before parsing: an internal subset is never even read
    if found is not None:
        return [], [found]
    root, ids, taken, refused = _first_pass(utf8, path, options)
    if root is None:
        return [], refused
    reader = Reader(path, settings, default_lang=root.get(XML_LANG, settings.source_locale), target_locale=options.target_locale)
    # The file's own word decides its languages: its xml:lang is its source language, and a command-line language
    # that says otherwise is an error (the terms would land in the wrong language), never a reason to swap them.
    source_code, contradicted = _source_language(root, settings, options, path)
    if contradicted:
        return [], contradicted
    second = _SecondPass(reader, ids, taken, source_code, source, local_name(root) == "martif", Walk(utf8, path))
    second.know(options)
    if not second.martif:
        problems += _dialect(reader, root, utf8, options)
    out = second.read()
    problems += second.walk.problems
    _last_words(reader, root, second, options)
    reader.report_ignored()
    return out, problems + reader.problems


def _first_pass(utf8: bytes, path: str, options: ImportOptions) -> tuple[etree._Element | None, dict[str, str], set[str], list[Problem]]:
    """The root element, each entry's id (a file's id -> the glossary id, for references) and the ids taken; or no root
    and why: the file is not TBX, is broken or has too many entries."""
    first = Walk(utf8, path)
    ids: dict[str, str] = {}
    taken: set[str] = set(options.ids)
    for count, ce in enumerate(first.entries(), start=1):
        if count > MAX_IMPORT_CONCEPTS:
            return None, ids, taken, [*first.problems, too_many(path, ce.sourceline or 1, RULE, "concepts", MAX_IMPORT_CONCEPTS)]
        raw = ce.get("id", "")
        slug = to_slug(raw) if raw else ""
        if slug:
            ids[raw] = slug
            taken.add(slug)
    root = first.root
    if first.problems or root is None:
        return None, ids, taken, first.problems or [problem(path, 1, RULE, "not well-formed XML: the document is empty")]
    refused = _root_problem(root, path)
    return (None if refused else root), ids, taken, refused


def _source_language(root: etree._Element, settings: Settings, options: ImportOptions, path: str) -> tuple[str, list[Problem]]:
    """The file's source language: its xml:lang, else the glossary's; an error when --source-locale says otherwise."""
    said = root.get(XML_LANG)
    source_code = match_locale(said, settings) if said else None
    if options.source_locale is not None and said and source_code != options.source_locale:
        return "", [
            problem(
                path,
                root.sourceline or 1,
                RULE,
                f"the file's xml:lang is '{clip(said)}', but --source-locale is {options.source_locale}: "
                "the file's languages decide; leave --source-locale out",
            )
        ]
    return source_code or settings.source_locale, []


def _root_problem(root: etree._Element, path: str) -> list[Problem]:
    martif = local_name(root) == "martif"
    if not martif and local_name(root) != "tbx":
        return [problem(path, root.sourceline or 1, RULE, f"the root element is <{clip(local_name(root))}>, not <tbx> (TBX 2019) or <martif> (TBX 2008)")]
    if not martif and root.get("style") == "dct":
        return [problem(path, root.sourceline or 1, RULE, 'DCT-style TBX is not supported; export it in DCA style (style="dca")')]
    return []


def _dialect(reader: Reader, root: etree._Element, utf8: bytes, options: ImportOptions) -> list[Problem]:
    """A TBX 2019 file's namespace and dialect, warned about when they are not TBX-Basic's; the schema check, if asked for."""
    namespace = etree.QName(root).namespace
    if namespace not in KNOWN_NS:
        reader.warn(root, f"namespace '{clip(namespace)}' is not the TBX 2019 namespace '{NS}'; read as TBX-Basic anyway")
    dialect = root.get("type")
    if dialect not in ("TBX-Basic", "TBX-Min"):
        reader.warn(root, f"type is '{clip(dialect)}', not TBX-Basic; read with the TBX-Basic mapping")
    if dialect == "TBX-Basic" and options.tbx_schemas is not None:
        return schema_check(utf8, options.tbx_schemas, reader.path)
    return []


def _last_words(reader: Reader, root: etree._Element, second: _SecondPass, options: ImportOptions) -> None:
    """A file without entries, or without the language --target-locale names, is an error."""
    if not second.count and not second.walk.problems:
        reader.error(root, "no conceptEntry (TBX 2019) or termEntry (TBX 2008) elements: nothing to import")
    target = options.target_locale
    if second.count and target is not None and target not in reader.languages:
        reader.error(
            root,
            f"--target-locale {target}: the file has no langSec in that language (its languages: "
            f"{', '.join(reader.languages) or 'none configured'}); the file's languages decide",
        )


@dataclass
class _SecondPass:
    """The pass that reads the concepts, each entry with the glossary id it gets."""

    reader: Reader
    ids: dict[str, str]
    taken: set[str]
    source_code: str
    source: Source
    martif: bool
    walk: Walk
    known: dict[str, str] = field(default_factory=dict)  # the first source-language term of each concept in the glossary -> its id
    count: int = 0

    def know(self, options: ImportOptions) -> None:
        """The glossary's concepts: each by its first source-language term (for entries without an id), and every term
        (for a term that names another concept)."""
        for concept in options.existing:
            block = concept.locales.get(self.source_code)
            if block is not None and block.terms:
                self.known.setdefault(term_key(block.terms[0].text), concept.id)
            for code, terms in concept.locales.items():
                for t in terms.terms:
                    self.reader.named.setdefault((code, term_key(t.text)), (concept.id, t.status not in NOT_IN_USE))

    def read(self) -> list[Imported]:
        out: list[Imported] = []
        previous: Imported | None = None
        for ce in self.walk.entries():
            self.count += 1
            if self.martif:
                from_martif(ce)
            slug = self.slug_of(ce)
            if slug is None:
                continue
            item = read_concept(self.reader, ce, slug, self.ids)
            if previous is not None:  # an entry reaches to the line before the next one starts
                out[-1] = dataclasses.replace(previous, last_line=max(previous.line, (ce.sourceline or previous.line) - 1))
            previous = dataclasses.replace(item, source=self.source) if item is not None else None
            if previous is not None:
                out.append(previous)
        return out

    def slug_of(self, ce: etree._Element) -> str | None:
        """The glossary id of an entry: from its own id, else from its terms; None (an error) when its id cannot be one."""
        raw = ce.get("id", "")
        slug = to_slug(raw) if raw else ""
        if raw and not slug:
            self.reader.error(ce, f"conceptEntry id '{clip(raw)}' cannot be made into a glossary id")
            return None
        if raw and slug != raw and raw != "_" + slug:
            self.reader.warn(ce, f"conceptEntry id '{clip(raw)}' is imported as '{slug}'")
        return slug or self.named_by_term(ce)

    def named_by_term(self, ce: etree._Element) -> str:
        """No id (translate-toolkit writes none): the concept its first source-language term names, else an id made
        from that term (or the first term in any language)."""
        settings = self.reader.settings
        langs = [ls for ls in children(ce) if local_name(ls) == "langSec"]
        langs.sort(key=lambda ls: match_locale(ls.get(XML_LANG, ""), settings) != self.source_code)
        term = next((t for ls in langs for t in ls.iter("{*}term")), None)
        text = text_of(term) if term is not None else ""
        return self.known.get(term_key(text)) or unique_slug(text, self.taken, settings, f"concept-{self.count}")
