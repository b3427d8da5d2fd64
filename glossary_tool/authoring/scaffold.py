"""Scaffolding for contributors: a new concept file, a missing language block, and marking a translation reviewed.

Every value still to be written is a ``TODO`` placeholder (flagged by the ``placeholder-text`` rule).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from glossary_tool.core.config import RelationType, Settings
from glossary_tool.core.content_files import discover
from glossary_tool.core.fileio import atomic_write, confine, digest
from glossary_tool.core.ids import check_id, ids_of
from glossary_tool.core.loader import read_regular
from glossary_tool.core.loading import load_documents, validate
from glossary_tool.core.model import Comparison, Concept, Entry, Faq
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terminal import shown_path
from glossary_tool.core.terms import term_key
from glossary_tool.core.translation import TRACKED_FIELDS, current_hashes, stale_report
from glossary_tool.core.vocabulary import BUILTIN_RELATIONS
from glossary_tool.core.yamlio import check_entry, dump, load_for_edit, schema_comment

# Grammar a new term starts with, per language; Swedish nouns need a gender (utrum or neutrum).
DEFAULT_GRAMMAR: dict[str, dict[str, str]] = {"sv": {"pos": "noun", "gender": "utrum"}}
GRAMMAR_HINT: dict[str, str] = {"sv": "TODO: pos noun, verb, adjective, adverb, properNoun or other; nouns: gender utrum or neutrum"}
MAX_QUOTE = 200  # placeholders quote the source term, cut so they stay within the 500-character term limit


def existing_entries(settings: Settings) -> tuple[dict[str, str], list[Entry]]:
    """Every id in the content folder (folded like the duplicate-id rule) with its file, and the valid entries."""
    files = discover([settings.content_dir]) if settings.content_dir.is_dir() else []
    docs, _ = load_documents(files, settings)
    entries: list[Entry] = []
    for doc in docs:
        entry, _ = validate(doc)
        if entry is not None:
            entries.append(entry)
    return ids_of(docs), entries


def _comment(node: CommentedMap, key: str, text: str) -> None:
    node.yaml_add_eol_comment(text, key)


def new_concept_text(concept_id: str, category: str, settings: Settings, relations: Mapping[str, Sequence[str]] | None = None) -> str:
    """The text of a new concept file: valid as it stands, with a ``TODO`` placeholder or comment on every field to fill."""
    given = dict(relations or {})
    data = CommentedMap()
    data["id"] = concept_id
    data["kind"] = "concept"
    data["category"] = category
    _comment(data, "category", f"TODO: check; one of {', '.join(settings.category_ids)}")
    rel_map = CommentedMap()
    for name in dict.fromkeys((*BUILTIN_RELATIONS, *given)):
        rel_map[name] = CommentedSeq(given.get(name, ()))
        rel_map[name].fa.set_flow_style()
    data["relations"] = rel_map
    _comment(data, "relations", f"TODO: ids of other concepts ({', '.join(settings.relation_ids)}); delete the lists you do not need")
    source = CommentedMap([("title", f"TODO: title of the work the facts about {concept_id} come from"), ("publisher", "TODO: publisher")])
    _comment(source, "publisher", "add date: YYYY-MM-DD and url: https://... when known")
    data["sources"] = CommentedSeq([source])
    locales = CommentedMap()
    for loc in settings.locales:
        block = CommentedMap()
        term = CommentedMap([("text", f"TODO: {loc.code} term for {concept_id}"), ("type", "fullForm"), ("status", "preferred")])
        _comment(term, "type", "TODO: check; fullForm, abbreviation, acronym, shortForm, variant or phrase")
        grammar = CommentedMap(DEFAULT_GRAMMAR.get(loc.code, {"pos": "noun"}))
        grammar.fa.set_flow_style()
        term["grammar"] = grammar
        _comment(term, "grammar", GRAMMAR_HINT.get(loc.code, "TODO: pos noun, verb, adjective, adverb, properNoun or other; plural when it has one"))
        block["terms"] = CommentedSeq([term])
        block["definition"] = f"TODO: definition of {concept_id} in {loc.name}, one to three sentences in your own words"
        block["examples"] = CommentedSeq([f"TODO: an example sentence in {loc.name}, or delete the list"])
        block["notes"] = CommentedSeq([f"TODO: a usage note in {loc.name}, or delete the list"])
        locales[loc.code] = block
    data["locales"] = locales
    return schema_comment(settings.schema_path, settings.content_dir / "concepts" / f"{concept_id}.yaml") + "\n" + dump(data)


def create_concept(settings: Settings, concept_id: str, category: str, relations: Mapping[str, Sequence[str]] | None = None) -> Path:
    """Write ``content/concepts/<id>.yaml`` for a new concept; refuse an id or file that already exists.

    ``relations`` (relation id → concept ids) must satisfy the relation declarations of ``mkdocs.yml``.
    """
    given = {name: list(targets) for name, targets in (relations or {}).items()}
    _check_request(settings, concept_id, category, given)
    ids, entries = existing_entries(settings)
    if term_key(concept_id) in ids:
        raise FatalError(f"id '{concept_id}' is already used by {ids[term_key(concept_id)]}")
    _check_relations(settings, category, given, {e.id: e.model for e in entries if isinstance(e.model, Concept)})
    path = settings.content_dir / "concepts" / f"{concept_id}.yaml"
    text = new_concept_text(concept_id, category, settings, given)
    check_entry(text, shown_path(path), settings)
    inverses = _inverse_edits(settings, concept_id, given)  # every edit checked before anything is written
    written: list[tuple[Path, bytes]] = []
    try:
        for other_file, old, new, sha in inverses:
            atomic_write(other_file, new, inside=settings.root, overwrite=True, expected_digest=sha)
            written.append((other_file, old))
        atomic_write(path, text.encode("utf-8"), inside=settings.root, new_folders=True)
    except BaseException:
        for other_file, old in written:  # all or nothing: the other concepts get their files back
            atomic_write(other_file, old, inside=settings.root, overwrite=True)
        raise
    return path


def _check_request(settings: Settings, concept_id: str, category: str, given: Mapping[str, Sequence[str]]) -> None:
    """The id, the category and the relations' names and targets as written, before any file is read."""
    check_id(concept_id, settings)
    if category not in settings.category_ids:
        raise FatalError(f"'{category}' is not a declared category; use one of {', '.join(settings.category_ids)}")
    for name, targets in given.items():
        if name not in settings.relation_ids:
            raise FatalError(f"--relation {name}=...: '{name}' is not a relation of this glossary ({', '.join(settings.relation_ids)})")
        for target in targets:
            check_id(target, settings)


def _check_relations(settings: Settings, category: str, given: Mapping[str, Sequence[str]], concepts: Mapping[str, Concept]) -> None:
    """The relations a new concept of ``category`` needs or may not have, and the categories their targets must be of."""
    for rel in settings.relations:
        _check_relation_use(rel, category, given)
    for name, targets in given.items():
        declared = settings.relation(name)
        for target in targets:
            _check_target(name, target, declared, concepts)


def _check_relation_use(rel: RelationType, category: str, given: Mapping[str, Sequence[str]]) -> None:
    """Stop when a concept of ``category`` lacks relation ``rel`` that its category needs, or has it outside its domain."""
    if category in rel.required_for and not given.get(rel.id):
        raise FatalError(f"a concept of category '{category}' needs --relation {rel.id}=ID")
    if given.get(rel.id) and rel.domain and category not in rel.domain:
        raise FatalError(f"--relation {rel.id} is only for category {' or '.join(rel.domain)}, not '{category}'")


def _check_target(name: str, target: str, declared: RelationType | None, concepts: Mapping[str, Concept]) -> None:
    """Stop when relation ``name``'s ``target`` is no concept, or one of a category outside the relation's range."""
    other = concepts.get(target)
    if other is None:
        raise FatalError(f"--relation {name}={target}: no concept has that id")
    if declared is not None and declared.range and other.category not in declared.range:
        raise FatalError(f"--relation {name}={target}: '{target}' has category '{other.category}', not {' or '.join(declared.range)}")


def _inverse_edits(settings: Settings, concept_id: str, given: Mapping[str, Sequence[str]]) -> list[tuple[Path, bytes, bytes, str]]:
    """The other side of each relation given to a new concept, as (file, old bytes, new bytes, digest of the old):
    ``--relation contrast=X`` also lists the new concept under X's inverse relation, so lint has nothing to say."""
    edits: dict[str, tuple[Path, bytes, CommentedMap, Any, str]] = {}
    for name, targets in given.items():
        inverse = settings.written_inverse(name)
        for target in targets:
            if not inverse:
                continue
            if target not in edits:
                path, text, sha, _, bom = _load_entry(settings, target)
                yaml, data = load_for_edit(text, shown_path(path))
                edits[target] = (path, bom + text.encode("utf-8"), data, yaml, sha)
            data = edits[target][2]
            if not isinstance(data.get("relations"), CommentedMap):
                data["relations"] = CommentedMap()
            listed = data["relations"].get(inverse)
            if listed is None:
                listed = data["relations"][inverse] = CommentedSeq()
                listed.fa.set_flow_style()
            if concept_id not in listed:
                listed.append(concept_id)
    out = []
    for path, old, data, yaml, sha in edits.values():
        new_text = dump(data, yaml)
        check_entry(new_text, shown_path(path), settings)
        bom = b"\xef\xbb\xbf" if old.startswith(b"\xef\xbb\xbf") else b""
        out.append((path, old, bom + new_text.encode("utf-8"), sha))
    return out


def find_entry_file(settings: Settings, entry_id: str) -> Path:
    """The file holding the entry ``entry_id`` (its file name is the id, in any folder of the content)."""
    check_id(entry_id, settings)
    # The listing lint uses: a link out of the content folder or a pipe with the entry's name is never read.
    names = (f"{entry_id}.yaml", f"{entry_id}.yml")
    matches = [p for p in discover([settings.content_dir]) if p.name in names] if settings.content_dir.is_dir() else []
    if not matches:
        raise FatalError(
            f"no entry file named {entry_id}.yaml under {shown_path(settings.content_dir)}; create it with 'glossary-tool new {entry_id} --category ...'"
        )
    if len(matches) > 1:
        raise FatalError(f"more than one file is named {entry_id}.yaml: {', '.join(shown_path(p) for p in matches)}")
    return matches[0]


BOM = b"\xef\xbb\xbf"


def _read(path: Path, max_bytes: int) -> tuple[str, str, bytes]:
    """The text of an entry (without a leading BOM), the digest of its bytes, and the BOM it had (written back as it was)."""
    try:
        raw = read_regular(path, max_bytes + 1)
    except OSError as exc:
        raise FatalError(f"{shown_path(path)}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise FatalError(f"{shown_path(path)}: larger than max_file_bytes ({max_bytes}); run 'glossary-tool lint {shown_path(path)}'")
    bom = BOM if raw.startswith(BOM) else b""
    try:
        return raw[len(bom) :].decode("utf-8"), digest(raw), bom
    except UnicodeDecodeError:
        raise FatalError(f"{shown_path(path)}: not UTF-8; run 'glossary-tool lint {shown_path(path)}'") from None


def _load_entry(settings: Settings, entry_id: str) -> tuple[Path, str, str, Entry, bytes]:
    path = find_entry_file(settings, entry_id)
    text, sha, bom = _read(path, settings.max_file_bytes)
    entry = check_entry(text, shown_path(path))
    if entry.id != entry_id:
        raise FatalError(f"{shown_path(path)}: its id is '{entry.id}', not '{entry_id}'")
    return path, text, sha, entry, bom


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _flow_map(items: dict[str, str]) -> CommentedMap:
    node = CommentedMap(items)
    node.fa.set_flow_style()
    return node


def _concept_block(concept: Concept, settings: Settings, code: str) -> CommentedMap:
    source_code = settings.source_locale
    source = concept.locales[source_code]
    name = settings.locale(code).name
    block = CommentedMap()
    terms = CommentedSeq()
    for term in source.terms:
        node = CommentedMap([("text", f"TODO: {name} for '{_quote(term.text)}'"), ("type", term.type), ("status", term.status)])
        if term.grammar is not None and term.grammar.pos is not None:
            grammar = {
                "pos": term.grammar.pos,
                **({"gender": DEFAULT_GRAMMAR[code]["gender"]} if code in DEFAULT_GRAMMAR and term.grammar.pos == "noun" else {}),
            }
            node["grammar"] = _flow_map(grammar)
            if code in GRAMMAR_HINT:
                _comment(node, "grammar", GRAMMAR_HINT[code])
        terms.append(node)
    block["terms"] = terms
    block["definition"] = f"TODO: {name} translation of the {source_code} definition"
    for field, label in (("examples", "example"), ("notes", "note")):
        items = getattr(source, field)
        if items:
            block[field] = CommentedSeq(f"TODO: {name} translation of {source_code} {label} {i}" for i in range(1, len(items) + 1))
    block["translated_from"] = _flow_map(current_hashes(source))
    return block


def _insert(mapping: CommentedMap, code: str, value: Any, settings: Settings) -> None:
    """Insert ``code`` where the configured locale order puts it, keeping every other key where it is."""
    order = {c: i for i, c in enumerate(settings.locale_codes)}
    pos = sum(1 for key in mapping if order.get(key, len(order)) < order[code])
    mapping.insert(pos, code, value)


def _todo(settings: Settings, code: str, what: str) -> str:
    return f"TODO: {settings.locale(code).name} {what}"


def add_locale(settings: Settings, entry_id: str, code: str) -> Path:
    """Add the missing ``code`` block(s) to an entry, keeping comments and order; refuse to replace existing text."""
    _check_target_locale(settings, code)
    path, text, sha, entry, bom = _load_entry(settings, entry_id)
    shown = shown_path(path)
    yaml, data = load_for_edit(text, shown)
    model = entry.model
    if settings.source_locale not in model.locales:
        raise FatalError(f"{shown}: has no '{settings.source_locale}' (source) text to translate from")
    added = 0
    if code not in model.locales:
        _insert(data["locales"], code, _new_block(model, settings, code), settings)
        added += 1
    if isinstance(model, Comparison):
        added += _add_dimension_todos(model, data, settings, code)
    if not added:
        raise FatalError(f"{shown}: already has '{code}' text; refusing to overwrite it (use --reviewed after updating a translation)")
    new_text = dump(data, yaml)
    check_entry(new_text, shown)
    atomic_write(path, bom + new_text.encode("utf-8"), inside=settings.root, expected_digest=sha)
    return path


def _check_target_locale(settings: Settings, code: str) -> None:
    """Stop unless ``code`` is a configured locale other than the source, which translations are made from."""
    if code not in settings.locale_codes:
        raise FatalError(f"locale '{code}' is not configured (use one of: {', '.join(settings.locale_codes)})")
    if code == settings.source_locale:
        raise FatalError(f"'{code}' is the source locale; translations are made from it, not into it")


def _new_block(model: Concept | Comparison | Faq, settings: Settings, code: str) -> CommentedMap:
    """The ``code`` block to fill in for an entry of each kind: a concept's terms and text, a question and its answer,
    or a comparison's title (and introduction when the source has one)."""
    if isinstance(model, Concept):
        return _concept_block(model, settings, code)
    if model.kind == "faq":
        return CommentedMap([("question", _todo(settings, code, "question")), ("answer", _todo(settings, code, "answer"))])
    block = CommentedMap([("title", _todo(settings, code, "title"))])
    if model.locales[settings.source_locale].intro:
        block["intro"] = _todo(settings, code, "introduction")
    return block


def _add_dimension_todos(model: Comparison, data: CommentedMap, settings: Settings, code: str) -> int:
    """Add the ``code`` label and values a comparison's dimensions lack; how many were added."""
    added = 0
    for i, dim in enumerate(model.dimensions):
        if code not in dim.label:
            _insert(data["dimensions"][i]["label"], code, _todo(settings, code, f"label of {dim.id}"), settings)
            added += 1
        for cid, values in dim.values.items():
            if code not in values:
                _insert(data["dimensions"][i]["values"][cid], code, _todo(settings, code, f"{dim.id} of {cid}"), settings)
                added += 1
    return added


def mark_reviewed(settings: Settings, entry_id: str, code: str) -> tuple[Path, bool]:
    """Record the current source hashes in ``translated_from`` of ``code``; returns the file and whether it changed."""
    path, text, sha, entry, bom = _load_entry(settings, entry_id)
    shown = shown_path(path)
    model = entry.model
    if not isinstance(model, Concept):
        raise FatalError(f"{shown}: only concepts record which source text they were translated from")
    if code == settings.source_locale:
        raise FatalError(f"'{code}' is the source locale; only translations are reviewed")
    if code not in model.locales or settings.source_locale not in model.locales:
        raise FatalError(f"{shown}: needs both '{settings.source_locale}' and '{code}' text; add it with 'glossary-tool translate {entry_id} --locale {code}'")
    hashes = current_hashes(model.locales[settings.source_locale], model.locales[code])
    if model.locales[code].translated_from == hashes:
        return path, False
    yaml, data = load_for_edit(text, shown)
    block = data["locales"][code]
    recorded = block.get("translated_from")
    if isinstance(recorded, CommentedMap):
        for name in TRACKED_FIELDS:  # update in place so the order and comments of the mapping stay
            if name in hashes:
                recorded[name] = hashes[name]
            elif name in recorded:
                del recorded[name]
    else:
        block["translated_from"] = _flow_map(hashes)
    new_text = dump(data, yaml)
    check_entry(new_text, shown)
    atomic_write(path, bom + new_text.encode("utf-8"), inside=settings.root, expected_digest=sha)
    return path, True


def diff_report(settings: Settings, entry_id: str, code: str) -> str:
    """Word diffs of the source text behind each stale field of ``code`` (read-only)."""
    path, _, _, entry, _ = _load_entry(settings, entry_id)
    if not isinstance(entry.model, Concept):
        raise FatalError(f"{shown_path(path)}: only concepts record which source text they were translated from")
    return stale_report(path, entry.model, code, settings.source_locale)


def start_catalog(settings: Settings, locale: str) -> tuple[Path, int]:
    """Write or complete the project's UI catalog of ``locale`` (``locales/<locale>/LC_MESSAGES/messages.po``).

    Every UI string of the package is listed; strings the package already translates are filled in (edit them
    to override), existing translations are kept. Returns the file and how many strings are still empty."""
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from glossary_tool.site.render.i18n import PACKAGE_CATALOGS, TEMPLATE, catalog_path

    if locale not in settings.locale_codes:
        raise FatalError(f"'{locale}' is not a configured locale ({', '.join(settings.locale_codes)})")
    babel_id = locale.replace("-", "_")
    path = catalog_path(settings.root / "locales", locale)
    confine(path, settings.root, overwrite=True, new_folders=True)  # before the catalog there is read: never one outside
    with TEMPLATE.open("rb") as fh:
        template = read_po(fh)
    known = _known_strings((catalog_path(PACKAGE_CATALOGS, locale), path), babel_id)
    catalog = Catalog(locale=babel_id, project="glossary UI", fuzzy=False)
    empty = 0
    for message in template:
        if not message.id:
            continue
        string = known.get(message.id, "" if isinstance(message.id, str) else ("",) * catalog.num_plurals)
        if not _filled(string):
            empty += 1
        catalog.add(message.id, string, flags=message.flags)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False, sort_output=True)
    atomic_write(path, buf.getvalue(), inside=settings.root, overwrite=True, new_folders=True)
    return path, empty


def _known_strings(sources: Sequence[Path], babel_id: str) -> dict[Any, Any]:
    """The translations the catalogs at ``sources`` fill in, by message id; a later catalog's win."""
    from babel.messages.pofile import read_po

    known: dict[Any, Any] = {}
    for source in sources:
        if source.is_file():
            with source.open("rb") as fh:
                known.update((m.id, m.string) for m in read_po(fh, locale=babel_id) if m.id and _filled(m.string))
    return known


def _filled(string: object) -> bool:
    """Whether a catalog string is translated: not empty, and for a plural message none of its forms empty."""
    return bool(string) and (not isinstance(string, tuple) or all(string))
