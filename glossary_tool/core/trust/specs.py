"""The value types of ``mkdocs.yml``'s allow-list: each checks a value and describes what it allows, for the table
SECURITY.md quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from glossary_tool.core.config import KEY, KeyPath
from glossary_tool.core.terminal import UNSAFE

Found = Iterator[tuple[KeyPath, str]]  # a key path (a trailing KEY blames the key itself) and what is wrong there

# Markup in a text: a tag, a comment or declaration, or a character reference. Material passes some values through
# ``striptags``, which turns ``&lt;`` back into ``<``, so a reference is as much markup as a tag.
MARKUP = re.compile(r"[<>]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")
# Schemes a link of the site may have; any other (javascript:, data:, vbscript:) is refused in every build.


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:60] + "…")
    return _type_name(value) if isinstance(value, (list, dict)) or value is None else repr(value)


# ---- the value types of the allow-list ----


class Spec:
    """An allowed value: ``kind`` is how SECURITY.md names it; ``check`` yields what is wrong with a value."""

    def __init__(self, kind: str, shape: tuple[type, ...]) -> None:
        self.kind = kind
        self.shape = shape  # the Python types such a value has; ``Either`` picks its alternative by them

    def check(self, value: object, path: KeyPath) -> Found:
        raise NotImplementedError

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        """(key path, what is allowed there), for the table in SECURITY.md."""
        yield path, self.kind


class Text(Spec):
    """Text that reaches a page: no markup, no control or invisible characters."""

    def __init__(self, max_length: int = 500) -> None:
        super().__init__("text without markup", (str,))
        self.max_length = max_length

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, str):
            yield path, f"must be text, not {_type_name(value)}"
        elif len(value) > self.max_length:
            yield path, f"is longer than {self.max_length} characters"
        elif UNSAFE.search(value):
            yield path, "holds a control or invisible character"
        elif MARKUP.search(value):
            yield path, "holds markup ('<', '>' or a character reference such as &lt;); write plain text"


class Url(Spec):
    """An absolute http(s) URL."""

    def __init__(self) -> None:
        super().__init__("an http(s) URL", (str,))

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, str) or len(value) > 2000 or not HTTP_URL.match(value):
            yield path, f"must be an http(s) URL, not {_shown(value)}"


class Pattern(Spec):
    """Text matching a pattern: a name, a path, an address."""

    def __init__(self, pattern: str, kind: str) -> None:
        super().__init__(kind, (str,))
        self.pattern = re.compile(pattern)

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, str) or len(value) > 500 or not self.pattern.match(value):
            yield path, f"must be {self.kind}, not {_shown(value)}"


class Flag(Spec):
    def __init__(self) -> None:
        super().__init__("true or false", (bool,))

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, bool):
            yield path, f"must be true or false, not {_shown(value)}"


class Number(Spec):
    """A whole number within bounds."""

    def __init__(self, minimum: int, maximum: int) -> None:
        super().__init__(f"a whole number from {minimum} to {maximum}", (int,))
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: object, path: KeyPath) -> Found:
        if isinstance(value, bool) or not isinstance(value, int) or not self.minimum <= value <= self.maximum:
            yield path, f"must be {self.kind}, not {_shown(value)}"


class OneOf(Spec):
    """One of a few fixed values."""

    def __init__(self, *values: str | bool, refused: Mapping[str, str] | None = None) -> None:
        super().__init__("one of " + ", ".join(f"`{str(v).lower()}`" for v in values), tuple({type(v) for v in values}))
        self.values = values
        self.refused = dict(refused or {})  # known values refused, with the reason

    def check(self, value: object, path: KeyPath) -> Found:
        # `True in (1,)` holds in Python: compare types too, so that `1` is not taken for `true`.
        if not any(type(value) is type(v) and value == v for v in self.values):
            reason = self.refused.get(value) if isinstance(value, str) else None
            if reason:
                yield path, f"{_shown(value)} is not allowed in an untrusted build: {reason}"
            else:
                yield path, f"must be {self.kind}, not {_shown(value)}"

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        yield path, self.kind
        for value, reason in self.refused.items():
            yield f"{path}: {value}", f"refused: {reason}"


class Seq(Spec):
    """A list of values of one spec."""

    def __init__(self, item: Spec, max_items: int = 100) -> None:
        super().__init__(f"a list of {item.kind}", (list,))
        self.item, self.max_items = item, max_items

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, list):
            yield path, f"must be a list, not {_shown(value)}"
            return
        if len(value) > self.max_items:
            yield path, f"has {len(value)} items; at most {self.max_items} are allowed"
            return
        for i, item in enumerate(value):
            yield from self.item.check(item, (*path, i))

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(self.item, (Fields, Either)):
            yield from self.item.rows(path + "[]")
        elif isinstance(self.item, OneOf):
            yield path, f"a list, each item {self.item.kind}"
            for value, reason in self.item.refused.items():
                yield f"{path}: {value}", f"refused: {reason}"
        else:
            yield path, self.kind


class Fields(Spec):
    """A mapping with known keys, each of its own spec; any other key is refused (with its reason when known)."""

    def __init__(self, fields: Mapping[str, Spec], refused: Mapping[str, str] | None = None) -> None:
        super().__init__("a mapping", (dict,))
        self.fields = dict(fields)
        self.refused = dict(refused or {})

    def check(self, value: object, path: KeyPath) -> Found:
        if not isinstance(value, dict):
            yield path, f"must be a mapping, not {_shown(value)}"
            return
        for key, item in value.items():
            spec = self.fields.get(key) if isinstance(key, str) else None
            if spec is not None:
                yield from spec.check(item, (*path, key))
            elif isinstance(key, str) and key in self.refused:
                yield (*path, key, KEY), f"not allowed in an untrusted build: {self.refused[key]}"
            else:
                yield (*path, str(key), KEY), "is not on the allow-list of an untrusted build (SECURITY.md lists it)"

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        if not self.fields and path:
            yield path, "no options"
        for key, spec in self.fields.items():
            yield from spec.rows(f"{path}.{key}" if path else key)
        for key, reason in self.refused.items():
            yield (f"{path}.{key}" if path else key), f"refused: {reason}"


class Either(Spec):
    """One of several specs, told apart by the type of the value (text, a list or a mapping …)."""

    def __init__(self, *options: Spec) -> None:
        super().__init__(" or ".join(o.kind for o in options), tuple(t for o in options for t in o.shape))
        self.options = options

    def check(self, value: object, path: KeyPath) -> Found:
        for option in self.options:
            if isinstance(value, option.shape) and not (isinstance(value, bool) and bool not in option.shape):
                yield from option.check(value, path)
                return
        yield path, f"must be {self.kind}, not {_shown(value)}"

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        for option in self.options:
            yield from self._option_rows(option, path)

    def _listed_by(self, option: Spec) -> Spec | None:
        """The other option that ``option`` is a list of, if it is one."""
        return next((o for o in self.options if isinstance(option, Seq) and o is option.item), None)

    def _is_listed(self, option: Spec) -> bool:
        """Whether another option is a list of ``option``."""
        return any(isinstance(o, Seq) and o.item is option for o in self.options)

    def _option_rows(self, option: Spec, path: str) -> Iterator[tuple[str, str]]:
        """One option's rows: its own when no list pairs with it, one row for "a thing, or a list of them" when it is
        that list, and none for the single thing such a list already describes."""
        single = self._listed_by(option)
        if single is None and not self._is_listed(option):
            yield from option.rows(path)
        elif isinstance(single, Fields) and isinstance(option, Seq):
            yield path, f"a mapping, or a list of at most {option.max_items} mappings, with these keys:"
            yield from single.rows(path + "[]")
        elif single is not None:
            yield path, f"{single.kind}, or a list of them"


class Named(Spec):
    """MkDocs' list of named things with options (plugins, Markdown extensions): each item a name, or a mapping of one
    name to its options; the whole may also be one mapping of names to options. Only the names listed are allowed."""

    def __init__(self, what: str, allowed: Mapping[str, Spec], refused: Mapping[str, str], otherwise: str) -> None:
        super().__init__(f"a list of {what}", (list, dict))
        self.what, self.allowed, self.refused, self.otherwise = what, dict(allowed), dict(refused), otherwise

    def check(self, value: object, path: KeyPath) -> Found:
        items = _named_items(value, path)
        if items is None:
            yield path, f"must be {self.kind}, not {_shown(value)}"
            return
        for where, inner, name, options in items:
            yield from self._check_item(where, inner, name, options)

    def _check_item(self, where: KeyPath, inner: KeyPath, name: object, options: object) -> Found:
        """Check one named item: its name must be allowed, and then its options must pass that name's spec."""
        if not isinstance(name, str):
            yield where, f"must be the name of one of {', '.join(self.allowed)}, not {_shown(name)}"
        elif name in self.allowed:
            yield from self.allowed[name].check({} if options is None else options, inner)
        else:
            yield where, f"'{name}' is not allowed in an untrusted build: {self.refused.get(name, self.otherwise)}"

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        plain = [name for name, spec in self.allowed.items() if isinstance(spec, Fields) and not spec.fields]
        if plain:
            yield f"{path}[{', '.join(plain)}]", "allowed, without options"
        for name, spec in self.allowed.items():
            if name not in plain:
                yield from spec.rows(f"{path}[{name}]")
        for name, reason in self.refused.items():
            yield f"{path}[{name}]", f"refused: {reason}"
        yield f"{path}[any other]", f"refused: {self.otherwise}"


def _named_items(value: object, path: KeyPath) -> list[tuple[KeyPath, KeyPath, object, object]] | None:
    """A ``Named`` value's items as (where the item is, where its options are, its name, its options), from a mapping
    of names or a list of names and one-name mappings; None when the value is neither."""
    if isinstance(value, dict):
        return [((*path, str(name), KEY), (*path, str(name)), name, options) for name, options in value.items()]
    if not isinstance(value, list):
        return None
    items: list[tuple[KeyPath, KeyPath, object, object]] = []
    for i, item in enumerate(value):
        if isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            items.append(((*path, i), (*path, i, str(name)), name, options))
        else:
            items.append(((*path, i), (*path, i), item, None))
    return items


class Keys(Fields):
    """A mapping of a few known keys to values of one spec (Material's icons)."""

    def __init__(self, keys: tuple[str, ...], spec: Spec) -> None:
        super().__init__(dict.fromkeys(keys, spec))
        self.keys, self.spec = keys, spec

    def rows(self, path: str) -> Iterator[tuple[str, str]]:
        yield f"{path}.{{{', '.join(self.keys)}}}", self.spec.kind


class GlossaryBlock(Spec):
    """The glossary plugin's options: validated in full by their own declaration (``config.GlossaryOptions``); here
    only their texts are looked at, which reach pages and must hold no markup (``intro`` is Markdown and sanitized)."""

    def __init__(self) -> None:
        super().__init__("the glossary options (checked in full by their own declaration), every text without markup", (dict,))

    def check(self, value: object, path: KeyPath) -> Found:
        if isinstance(value, dict):  # other shapes are the glossary options' own errors
            yield from self._texts(value, path)

    def _texts(self, value: object, path: KeyPath) -> Found:
        if isinstance(value, dict):
            for key, item in value.items():
                if key != "intro":
                    yield from self._texts(item, (*path, str(key)))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from self._texts(item, (*path, i))
        elif isinstance(value, str) and (MARKUP.search(value) or UNSAFE.search(value)):
            yield path, "holds markup or a control character; write plain text"
