"""JSON export of the whole model (pydantic ``model_dump``), deterministic: entries by kind and id, keys sorted.

The import reads the concepts of such a file back; its comparisons and questions are reported, not written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, Glossary
from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CELLS,
    MAX_IMPORT_CONCEPTS,
    Imported,
    ImportOptions,
    Placeholders,
    Source,
    exporter,
    importer,
    match_locale,
    problem,
    too_many,
    validation_problems,
)

RULE = "import-json"


def _present(node: Any) -> Any:
    """Without the empty texts that stand for placeholders the export left out (the model has no other "")."""
    if isinstance(node, dict):
        return {k: _present(v) for k, v in node.items() if v != ""}
    if isinstance(node, list):
        return [_present(v) for v in node]
    return node


@exporter("json")
def export_json(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """``{"concepts": [...], "comparisons": [...], "faqs": [...]}`` with every field of the model."""
    data = {
        "concepts": [_present(c.model_dump(mode="json")) for c in sorted(glossary.concepts, key=lambda c: c.id)],
        "comparisons": [_present(c.model_dump(mode="json")) for c in sorted(glossary.comparisons, key=lambda c: c.id)],
        "faqs": [_present(f.model_dump(mode="json")) for f in sorted(glossary.faqs, key=lambda f: f.id)],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


@importer("json")
def import_json(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The concepts of a file this exporter wrote (or any file of the same shape); a language left out because it
    had only placeholders stays out, and a missing definition or source comes back as a placeholder.

    The top level is walked here and each concept decoded on its own, so every concept (and every problem) has its
    line and column, compact files included; a duplicate key, a number Python cannot read and anything past the
    import's bounds are located errors."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace").removeprefix("\ufeff")
        line, column = Source(good.encode("utf-8"), "utf-8").position(len(good))
        return [], [problem(path, line, RULE, f"byte 0x{data[exc.start]:02x} is not UTF-8; the file is not UTF-8 JSON", column=column)]
    reader = _Reader(text, path, settings, Source(data, "utf-8-sig", text))
    try:
        reader.read()
    except _Stop as stop:
        reader.fail(stop.offset, stop.message)
    reader.problems.extend(reader.placeholders.problems(path, RULE))
    return reader.out, reader.problems


class _Stop(Exception):
    """Reading cannot go on: the file is not JSON this importer can walk past ``offset``."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset, self.message = offset, message


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's keys, each once: a JSON object with a key twice is refused, never read as "the last wins"."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs)
_WS = re.compile(r"[ \t\n\r]*")
_STRUCTURE = re.compile(r'["\[{,]')  # a string's start, or what starts or separates values
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')  # possessive: a string that does not end fails in one pass
_LONG_NUMBER = re.compile(r"(?<![0-9])-?[0-9]{4301,}")  # from the start of a run of digits only: one pass


@dataclass
class _Reader:
    text: str
    path: str
    settings: Settings
    source: Source
    problems: list[Problem] = field(default_factory=list)
    out: list[Imported] = field(default_factory=list)
    placeholders: Placeholders = field(default_factory=Placeholders)
    left: dict[str, int] = field(default_factory=dict)  # top-level lists that are not imported, and their length

    def fail(self, offset: int, message: str, severity: Severity = Severity.ERROR) -> None:
        line, column = self.source.position(min(offset, len(self.text)))
        self.problems.append(problem(self.path, line, RULE, message, severity, column=column))

    def ws(self, at: int) -> int:
        m = _WS.match(self.text, at)
        return m.end() if m else at

    def expect(self, at: int, chars: str, what: str) -> int:
        at = self.ws(at)
        if self.text[at : at + 1] not in tuple(chars):
            found = repr(self.text[at]) if at < len(self.text) else "the end of the file"
            raise _Stop(at, f"not valid JSON: expected {what}, found {found}")
        return at

    def bounded(self) -> None:
        """Refuse a file of more values than an import reads, before any is decoded (at the value past the bound).

        One scan from the start: a string is skipped whole, and an unterminated one ends the count (the decoder
        reports it), so no position is scanned twice."""
        count, at, text = 0, 0, self.text
        while (m := _STRUCTURE.search(text, at)) is not None:
            if m.group() == '"':
                string = _STRING.match(text, m.start())
                if string is None:
                    return
                at = string.end()
                continue
            count += 1
            if count > MAX_IMPORT_CELLS:
                raise _Stop(m.start(), too_many(self.path, 1, RULE, "values", MAX_IMPORT_CELLS).message)
            at = m.end()

    def read(self) -> None:
        self.bounded()
        at = self.ws(0)
        if self.text[at : at + 1] != "{":
            raise _Stop(at, 'expected an object with a "concepts" list, as `export --format json` writes')
        at, keys = at + 1, dict[str, int]()
        if self.text[self.ws(at) : self.ws(at) + 1] == "}":
            at = self.ws(at)
        else:
            while True:
                at = self.expect(at, '"', "a key in double quotes")
                key, end = self.decode_string(at)
                if key in keys:
                    first_line, first_column = self.source.position(keys[key])
                    raise _Stop(
                        at, f'the key "{clip(key)}" is given twice (first at line {first_line}, column {first_column}); a JSON object may give each key once'
                    )
                keys[key] = at
                at = self.expect(end, ":", "':'") + 1
                at = self.value(key, self.ws(at))
                at = self.expect(at, ",}", "',' or '}'")
                if self.text[at] == "}":
                    break
                at += 1
        rest = self.ws(at + 1)
        if rest < len(self.text):
            raise _Stop(rest, "not valid JSON: more data after the end of the object")
        if "concepts" not in keys:
            raise _Stop(0, 'expected an object with a "concepts" list, as `export --format json` writes')
        if self.left:
            what = " and ".join(f"{n} {kind}" for kind, n in self.left.items())
            self.fail(0, f"{what} in the file are not imported: an import writes concepts only", Severity.WARNING)

    def decode_string(self, at: int) -> tuple[str, int]:
        key, end = self.decode(at)
        assert isinstance(key, str)  # the text at ``at`` starts with a double quote
        return key, end

    def value(self, key: str, at: int) -> int:
        """The value of a top-level key; a list is read one item at a time. Where the value ends."""
        if self.text[at : at + 1] != "[":
            if key == "concepts":
                raise _Stop(at, 'expected an object with a "concepts" list, as `export --format json` writes')
            return self.decode(at)[1]
        at, n = at + 1, 0
        if self.text[self.ws(at) : self.ws(at) + 1] == "]":
            return self.ws(at) + 1
        while True:
            at = self.ws(at)
            item, end = self.decode(at)
            if key == "concepts":
                if n == MAX_IMPORT_CONCEPTS:
                    raise _Stop(at, too_many(self.path, 1, RULE, "concepts", MAX_IMPORT_CONCEPTS).message)
                self.concept(n, item, at, end)
            elif key in ("comparisons", "faqs"):
                self.left[key] = n + 1
            n += 1
            at = self.expect(end, ",]", "',' or ']'")
            if self.text[at] == "]":
                return at + 1
            at += 1

    def decode(self, at: int) -> tuple[Any, int]:
        try:
            value, end = _DECODER.raw_decode(self.text, at)
        except json.JSONDecodeError as exc:
            raise _Stop(exc.pos, f"not valid JSON: {exc.msg}") from None
        except _Duplicate as exc:
            offset = _duplicate_at(self.text, at, exc.key)
            raise _Stop(offset, f'the key "{clip(exc.key)}" is given twice in one object; a JSON object may give each key once') from None
        except RecursionError:
            raise _Stop(at, "not readable: nested too deeply") from None
        except ValueError as exc:  # int() refuses a number of more than 4,300 digits
            m = _LONG_NUMBER.search(self.text, at)
            offset = m.start() if m else at
            digits = len(m.group().lstrip("-")) if m else 0
            raise _Stop(offset, f"a number of {digits:,} digits; no glossary value is a number that long" if m else f"not readable: {clip(exc)}") from None
        return value, end

    def concept(self, n: int, item: Any, start: int, end: int) -> None:
        id_key = re.compile(r'"id"\s*:').search(self.text, start, end)
        line, column = self.source.position(id_key.start() if id_key else start)
        last_line = self.source.position(end)[0]
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            self.problems.append(problem(self.path, line, RULE, f'concepts[{n}] is not an object with an "id"; left out', column=column))
            return
        cid = item["id"]
        entry = _restored(item, cid, (line, column), self.placeholders, self.settings, self.path, self.problems)
        try:
            self.out.append(Imported(Concept.model_validate(entry), line, column=column, last_line=last_line, source=self.source))
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, self.path, line, RULE, cid, column))


def _skip(text: str, at: int) -> int:
    m = _WS.match(text, at)
    return m.end() if m else at


def _string_end(text: str, at: int) -> tuple[str, int]:
    name, end = _PLAIN.raw_decode(text, at)
    return str(name), end


def _duplicate_at(text: str, at: int, key: str) -> int:
    """Where the second ``key`` of one object is, in the value starting at ``at`` (found again, on this error path only,
    by a small parser that keeps positions); ``at`` if it cannot be found."""

    def value(i: int) -> int:
        i = _skip(text, i)
        if text.startswith("{", i):
            seen: set[str] = set()
            i = _skip(text, i + 1)
            if text.startswith("}", i):
                return i + 1
            while True:
                name, j = _string_end(text, i)
                if name in seen and name == key:
                    raise _Found(i)
                seen.add(name)
                j = _skip(text, value(_skip(text, j) + 1))  # past the ':' and the value
                if text.startswith("}", j):
                    return j + 1
                i = _skip(text, j + 1)
        if text.startswith("[", i):
            i = _skip(text, i + 1)
            if text.startswith("]", i):
                return i + 1
            while True:
                j = _skip(text, value(i))
                if text.startswith("]", j):
                    return j + 1
                i = j + 1
        if text.startswith('"', i):
            return _string_end(text, i)[1]
        m = _SCALAR.match(text, i)
        return m.end() if m else i + 1

    try:
        value(at)
    except _Found as found:
        return found.offset
    except (ValueError, IndexError, RecursionError):
        pass
    return at


_PLAIN = json.JSONDecoder()
_SCALAR = re.compile(r"-?[0-9.eE+-]+|true|false|null|NaN|-?Infinity")


class _Found(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _restored(
    item: dict[str, Any], cid: str, at: tuple[int, int], placeholders: Placeholders, settings: Settings, path: str, problems: list[Problem]
) -> dict[str, Any]:
    """The entry with its languages matched to the configured ones and placeholders where the export left text out."""
    line, column = at
    entry = {**item, "kind": "concept"}
    locales: dict[str, Any] = {}
    raw = item.get("locales")
    for tag, block in raw.items() if isinstance(raw, dict) else ():
        code = match_locale(str(tag), settings)
        if code is None:
            problems.append(
                problem(path, line, RULE, f"concept '{clip(cid)}': language '{clip(tag)}' is not configured; left out", Severity.WARNING, column=column)
            )
            continue
        if code != tag:
            problems.append(problem(path, line, RULE, f"concept '{clip(cid)}': language '{clip(tag)}' was read as '{code}'", Severity.WARNING, column=column))
        missing = isinstance(block, dict) and not block.get("definition")
        locales[code] = {**block, "definition": placeholders.add(f"'{code}' definition", cid, line)} if missing else block
    entry["locales"] = locales
    if not item.get("sources"):
        entry["sources"] = [{"title": placeholders.add("source", cid, line)}]
    return entry
