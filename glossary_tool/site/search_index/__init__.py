"""The site's search index: per locale, small JSON shards that the search box fetches only for the words typed.

Records come from the model (terms, definitions, comparison rows, questions), so related links, sources and listings
never make a page match. ``overrides/assets/javascripts/glossary-search.js`` reads these files; both sides cut and stem
words with the one word pipeline (``glossary_tool/core/words.py`` and ``words.js``, checked against tests/words/vectors.json).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from glossary_tool.core import words
from glossary_tool.core.config import Settings
from glossary_tool.core.layout import CONCEPT
from glossary_tool.core.model import Comparison, Concept, Glossary
from glossary_tool.site.render import RenderedPage
from glossary_tool.site.search_index.analysis import (
    FUZZY_MIN,
    FUZZY_PREFIX,
    KEY_BYTES,
    KEY_LENGTH,
    PART_MIN,
    PHRASE_DOC_BYTES,
    Analysis,
    analyse,
    analysis_key,
    bucket,
    buckets_for,
    dump,
    encode,
    end_file,
    from_plain,
    near_forms,
    shard_key,
    to_plain,
    word_file,
)
from glossary_tool.site.search_index.results import (
    KINDS,
    Field,
    Record,
    clip,
    comparison_records,
    concept_record,
    display_data,
    plain,
    records,
    tail_records,
)

INDEX_DIR = "search"
MANIFEST = "manifest.json"
DOCS_PER_FILE = 8  # display data of this many records per file: a result list fetches a few small files

__all__ = ("INDEX_DIR", "KINDS", "MANIFEST", "Field", "Index", "Record", "bucket", "plain", "records", "shard_key", "write")


class Index:
    """One locale's index, kept between builds: after an edit, only the changed records' postings are redone and only
    the files they are in are written again (``glossary-tool serve``); a first build adds every record once."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._records: list[Record] = []
        self._analyses: list[Analysis] = []
        self._buckets = {"t": 1, "f": 1}  # files of phrases and of fuzzy variants
        self._size = {"t": 0, "f": 0}  # their bytes, about (what the number of files follows)
        self._postings: dict[str, dict[int, int]] = {}  # stem → record → (field << 2) | title length
        self._encoded: dict[str, str] = {}  # stem → its posting list, encoded (dropped when the stem's records change)
        self._phrases: dict[str, dict[int, int]] = {}  # stem sequence → record → own
        self._vocabulary: dict[str, int] = {}  # surface word + "\0" + stem → records with it
        self._near: dict[str, dict[str, int]] = {}  # variant → entry → words with it
        self._ends: dict[str, int] = {}  # stem that may end in a compound's part → records with it
        self._members: dict[str, set[str]] = {}  # file → the keys in it
        self._bodies: dict[str, bytes] = {}  # file → its bytes
        self._digests: dict[str, bytes] = {}
        self._dirty: set[str] = set()
        self._concepts: dict[str, tuple[Concept, str, Record]] = {}
        self._comparisons: dict[str, tuple[Comparison, tuple[str, ...], list[Record]]] = {}
        # Analyses an earlier build made (the build cache), by analysis_key: a record found there is not analysed again.
        self.known: dict[str, Analysis] = {}

    # ---- analyses, kept by the build cache ----

    def _analyse(self, record: Record) -> Analysis:
        if not self.known:
            return analyse(record, self.locale)
        found = self.known.get(analysis_key(record))
        return found if found is not None else analyse(record, self.locale)

    def learn(self, data: object) -> None:
        """Take the analyses ``analyses()`` gave an earlier build; ValueError when ``data`` is not what it gave."""
        if not isinstance(data, list):
            raise ValueError("not a list of analyses")
        known = {}
        for item in data:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                raise ValueError("not a list of analyses")
            known[item[0]] = from_plain(item[1])
        self.known = known

    def analyses(self) -> list[object]:
        """The analyses of the records indexed last, as JSON data, for ``learn`` in a later build."""
        return [[analysis_key(r), to_plain(a)] for r, a in zip(self._records, self._analyses, strict=True)]

    # ---- records, remembered for the entries that did not change ----

    def records(self, glossary: Glossary, settings: Settings, pages: Iterable[RenderedPage]) -> list[Record]:
        """``records()`` of this locale; a concept or comparison that is the same object as last time keeps its
        records (under ``glossary-tool serve`` every entry but the edited ones is)."""
        pages = list(pages)
        out = self._concept_records(glossary, settings, {p.url: p.description for p in pages})
        out.extend(self._comparison_records(glossary, {r.url.split("/")[1]: r.title for r in out}))
        out.extend(tail_records(glossary, self.locale, pages))
        return out

    def _concept_records(self, glossary: Glossary, settings: Settings, descriptions: dict[str, str]) -> list[Record]:
        """One record per concept, kept from last time when the concept and its page's description are the same."""
        concepts: dict[str, tuple[Concept, str, Record]] = {}
        out: list[Record] = []
        for c in glossary.concepts:
            description = clip(descriptions.get(CONCEPT.url(c.id), ""))
            known = self._concepts.get(c.id)
            if known is not None and known[0] is c and known[1] == description:
                concepts[c.id] = known
            else:
                concepts[c.id] = (c, description, concept_record(c, self.locale, settings, description))
            out.append(concepts[c.id][2])
        self._concepts = concepts
        return out

    def _comparison_records(self, glossary: Glossary, labels: dict[str, str]) -> list[Record]:
        """Each comparison's records, kept from last time when it and its concepts' titles are the same."""
        comparisons: dict[str, tuple[Comparison, tuple[str, ...], list[Record]]] = {}
        out: list[Record] = []
        for cmp in glossary.comparisons:
            names = tuple(labels.get(cid, cid) for cid in cmp.concepts)
            seen = self._comparisons.get(cmp.id)
            if seen is None or seen[0] is not cmp or seen[1] != names:
                seen = (cmp, names, comparison_records(cmp, self.locale, labels))
            comparisons[cmp.id] = seen
            out.extend(seen[2])
        self._comparisons = comparisons
        return out

    # ---- the files ----

    def files(self, recs: Sequence[Record]) -> dict[str, bytes]:
        """Every file of the index, by path under ``search/``: the manifest and the shards of one version."""
        n = len(recs)
        changed = [i for i, (old, new) in enumerate(zip(self._records, recs, strict=False)) if old is not new and old != new]
        if len(self._records) != n or len(changed) > n // 4:
            self._reset(recs)
        else:
            for i in changed:
                self._remove(i, self._analyses[i])
                self._records[i], self._analyses[i] = recs[i], self._analyse(recs[i])
                self._add(i, self._analyses[i])
        self._rebucket()
        return self._output()

    def _reset(self, recs: Sequence[Record]) -> None:
        self._records, self._analyses = list(recs), [self._analyse(r) for r in recs]
        for store in (self._postings, self._encoded, self._phrases, self._vocabulary, self._near, self._ends, self._members, self._bodies, self._digests):
            store.clear()
        self._size = {"t": 0, "f": 0}
        for doc, a in enumerate(self._analyses):
            self._add(doc, a, track=False)
        # Which file each key is in, worked out once at the end rather than for every record's words.
        self._buckets = {kind: buckets_for(self._size[kind]) for kind in self._buckets}
        for s in self._postings:
            self._members.setdefault(word_file(s), set()).add(s)
        for s in self._ends:
            self._members.setdefault(end_file(s), set()).add(s)
        for kind, keys in (("t", self._phrases), ("f", self._near)):
            for key in keys:
                self._members.setdefault(f"{kind}/{bucket(key, self._buckets[kind])}.json", set()).add(key)
        self._dirty = set(self._members) | {f"d/{k}.json" for k in range(-(-len(self._records) // DOCS_PER_FILE))}

    def _rebucket(self) -> None:
        """Spread the phrases and the fuzzy variants over as many files as their size asks for, when that changed."""
        for kind, keys in (("t", self._phrases), ("f", self._near)):
            want = buckets_for(self._size[kind])
            if want == self._buckets[kind]:
                continue
            for path in [p for p in self._members if p[0] == kind]:
                del self._members[path]
                self._bodies.pop(path, None)
                self._digests.pop(path, None)
            self._buckets[kind] = want
            for key in keys:
                self._touch(f"{kind}/{bucket(key, want)}.json", key, True)

    def _touch(self, path: str, key: str, present: bool) -> None:
        members = self._members.setdefault(path, set())
        if present:
            members.add(key)
        else:
            members.discard(key)
        self._dirty.add(path)

    def _add(self, doc: int, a: Analysis, track: bool = True) -> None:
        """Add record ``doc``; with ``track``, note the files that change (a first build writes them all anyway)."""
        self._add_postings(doc, a, track)
        self._add_phrases(doc, a, track)
        self._add_ends(a, track)
        for w, s in a.vocabulary.items():
            self._add_word(w, s, track)
        if track:
            self._dirty.add(f"d/{doc // DOCS_PER_FILE}.json")

    def _add_postings(self, doc: int, a: Analysis, track: bool) -> None:
        """Post record ``doc`` under each of its stems, with the best field the stem is in."""
        title = min(a.title_words, 3)
        for s, where in a.best.items():
            # Title matches also carry the title's length (1, 2, 3 or more words): shorter titles match better.
            self._postings.setdefault(s, {})[doc] = (where << 2) | (title if where == Field.TITLE else 0)
            if track:
                self._encoded.pop(s, None)
                self._touch(word_file(s), s, True)

    def _add_phrases(self, doc: int, a: Analysis, track: bool) -> None:
        """List record ``doc`` under each of its phrases, counting the bytes the phrase files grow by."""
        for seq, own in a.phrases.items():
            docs = self._phrases.setdefault(seq, {})
            self._size["t"] += PHRASE_DOC_BYTES + (len(seq) + KEY_BYTES if not docs else 0)
            docs[doc] = own
            if track:
                self._touch(f"t/{bucket(seq, self._buckets['t'])}.json", seq, True)

    def _add_ends(self, a: Analysis, track: bool) -> None:
        """Count the record's compound ends; an end seen for the first time changes its file."""
        for s in a.ends:
            self._ends[s] = self._ends.get(s, 0) + 1
            if track and self._ends[s] == 1:
                self._touch(end_file(s), s, True)

    def _add_word(self, w: str, s: str, track: bool) -> None:
        """Count surface word ``w`` (stem ``s``); the first time, add its fuzzy variants."""
        key = w + "\0" + s
        self._vocabulary[key] = self._vocabulary.get(key, 0) + 1
        if self._vocabulary[key] != 1:
            return
        for variant, entry in near_forms(w, s):
            found = self._near.setdefault(variant, {})
            self._size["f"] += (len(variant) + KEY_BYTES if not found else 0) + (len(entry) + 3 if entry not in found else 0)
            found[entry] = found.get(entry, 0) + 1
            if track:
                self._touch(f"f/{bucket(variant, self._buckets['f'])}.json", variant, True)

    def _remove(self, doc: int, a: Analysis) -> None:
        """Take record ``doc`` out again, undoing ``_add`` step by step and noting the files that change."""
        self._remove_postings(doc, a)
        self._remove_phrases(doc, a)
        self._remove_ends(a)
        for w, s in a.vocabulary.items():
            self._remove_word(w, s)
        self._dirty.add(f"d/{doc // DOCS_PER_FILE}.json")

    def _remove_postings(self, doc: int, a: Analysis) -> None:
        """Drop record ``doc`` from each of its stems' postings, and a stem no record has left."""
        for s in a.best:
            postings = self._postings[s]
            del postings[doc]
            self._encoded.pop(s, None)
            if not postings:
                del self._postings[s]
            self._touch(word_file(s), s, bool(postings))

    def _remove_phrases(self, doc: int, a: Analysis) -> None:
        """Drop record ``doc`` from each of its phrases, and a phrase no record has left."""
        for seq in a.phrases:
            docs = self._phrases[seq]
            del docs[doc]
            self._size["t"] -= PHRASE_DOC_BYTES + (len(seq) + KEY_BYTES if not docs else 0)
            if not docs:
                del self._phrases[seq]
            self._touch(f"t/{bucket(seq, self._buckets['t'])}.json", seq, bool(docs))

    def _remove_ends(self, a: Analysis) -> None:
        """Uncount the record's compound ends; an end no record has left leaves its file."""
        for s in a.ends:
            self._ends[s] -= 1
            if not self._ends[s]:
                del self._ends[s]
                self._touch(end_file(s), s, False)

    def _remove_word(self, w: str, s: str) -> None:
        """Uncount surface word ``w`` (stem ``s``); when no record has it left, take out its fuzzy variants."""
        key = w + "\0" + s
        self._vocabulary[key] -= 1
        if self._vocabulary[key]:
            return
        del self._vocabulary[key]
        for variant, entry in near_forms(w, s):
            self._remove_variant(variant, entry)

    def _remove_variant(self, variant: str, entry: str) -> None:
        """Uncount one fuzzy ``variant`` → ``entry`` pair, dropping what is left empty and its bytes."""
        found = self._near[variant]
        found[entry] -= 1
        if not found[entry]:
            del found[entry]
            self._size["f"] -= len(entry) + 3
        if not found:
            del self._near[variant]
            self._size["f"] -= len(variant) + KEY_BYTES
        self._touch(f"f/{bucket(variant, self._buckets['f'])}.json", variant, bool(found))

    def _body(self, path: str) -> bytes | None:
        """The content of the file at ``path`` (its kind is its first letter), or None when it has nothing left."""
        kind = path[0]
        if kind == "d":
            start = int(path[2:-5]) * DOCS_PER_FILE
            chunk = self._records[start : start + DOCS_PER_FILE]
            return dump({"docs": [display_data(r) for r in chunk]}) if chunk else None
        keys = self._members.get(path)
        if not keys:
            return None
        if kind == "e":
            return dump(sorted(keys))
        value = {"w": self._word_value, "t": self._phrase_value}.get(kind, self._near_value)
        return dump({key: value(key) for key in keys})

    def _word_value(self, key: str) -> object:
        """A stem's postings, encoded once and kept until they change."""
        encoded = self._encoded.get(key)
        if encoded is None:
            encoded = self._encoded[key] = encode(self._postings[key])
        return encoded

    def _phrase_value(self, key: str) -> object:
        """A phrase's records, each with whether the phrase is a term of this locale there."""
        return [[doc, own] for doc, own in sorted(self._phrases[key].items())]

    def _near_value(self, key: str) -> object:
        """The words a fuzzy variant leads to."""
        return sorted(self._near[key])

    def _output(self) -> dict[str, bytes]:
        for path in self._dirty:
            body = self._body(path)
            if body is None:
                self._bodies.pop(path, None)
                self._digests.pop(path, None)
                self._members.pop(path, None)
            elif self._bodies.get(path) != body:
                self._bodies[path] = body
                self._digests[path] = hashlib.sha256(body).digest()
        self._dirty = set()
        digest = hashlib.sha256()
        for path in sorted(self._digests):
            digest.update(path.encode() + b"\0" + self._digests[path])
        version = digest.hexdigest()[:12]
        n = len(self._records)
        # Words in more than a fifth of the records (as "the", "och") do not have to match: they only rank.
        common = sorted(s for s, docs in self._postings.items() if n >= 20 and len(docs) > n / 5)
        manifest = {
            "v": version,
            "stemmer": words.algorithm(self.locale),
            "own": words.OWN_LETTERS.get(words.language_of(self.locale), ""),
            "compound": words.compounding(self.locale),
            "partMin": PART_MIN,
            "keyLength": KEY_LENGTH,
            "buckets": self._buckets,
            "docsPerFile": DOCS_PER_FILE,
            "fuzzyMin": FUZZY_MIN,
            "fuzzyPrefix": FUZZY_PREFIX,
            "docs": n,
            "common": common,
        }
        out = {f"{version}/{path}": body for path, body in self._bodies.items()}
        out[MANIFEST] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return out


def write(folder: Path, files: Mapping[str, bytes], previous: Mapping[str, bytes] | None = None) -> None:
    """Write the index into ``folder`` (the locale's ``search/``): the shards first, the manifest last, so a reader
    never sees a manifest whose shards are missing; then remove other versions. With the ``previous`` files of
    this folder (``glossary-tool serve`` after an edit), the old version's folder is renamed and only what
    changed is written."""
    versions = _versions(files)
    unchanged = _reuse(folder, files, previous, versions) if previous is not None else set()
    for path, data in files.items():
        if path == MANIFEST or path in unchanged:
            continue
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_bytes(files[MANIFEST])
    tmp.replace(folder / MANIFEST)
    if folder.is_dir():
        for child in folder.iterdir():
            if child.is_dir() and child.name not in versions and re.fullmatch(r"[0-9a-f]{12}", child.name):
                shutil.rmtree(child, ignore_errors=True)


def _versions(files: Mapping[str, bytes]) -> set[str]:
    """The version folders an index's files are in (one, for an index this module made)."""
    return {path.split("/", 1)[0] for path in files if "/" in path}


def _reuse(folder: Path, files: Mapping[str, bytes], previous: Mapping[str, bytes], versions: set[str]) -> set[str]:
    """Rename the previous version's folder to the new version and drop the files it no longer has; the paths whose
    bytes are already in place. Nothing is reused unless both indexes are in one version folder each."""
    old = _versions(previous)
    if len(old) != 1 or len(versions) != 1 or not (folder / next(iter(old))).is_dir():
        return set()
    before, version = next(iter(old)), next(iter(versions))
    if before != version:
        (folder / before).rename(folder / version)
    moved = {version + path[len(before) :]: data for path, data in previous.items() if path.startswith(before + "/")}
    for path in moved.keys() - files.keys():
        (folder / path).unlink(missing_ok=True)
    return {path for path, data in files.items() if moved.get(path) == data}
