"""Two trust levels for ``mkdocs.yml``: what every build refuses, the allow-list an untrusted build reads by, and the
one function that hands MkDocs its configuration (``mkdocs_config``), used by ``build``, ``serve`` and each locale build.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml

from glossary_tool.core.config import KEY, LOCALE_CODE, KeyPath, RawConfig, Settings, read_config, settings_from_raw
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terminal import UNSAFE, escape

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    _SafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML has it
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Found = Iterator[tuple[KeyPath, str]]  # a key path (a trailing KEY blames the key itself) and what is wrong there

# Markup in a text: a tag, a comment or declaration, or a character reference. Material passes some values through
# ``striptags``, which turns ``&lt;`` back into ``<``, so a reference is as much markup as a tag.
MARKUP = re.compile(r"[<>]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")
# Schemes a link of the site may have; any other (javascript:, data:, vbscript:) is refused in every build.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
UNTRUSTED_ENV = "GLOSSARY_TOOL_UNTRUSTED"  # "true" or "1": every command runs untrusted, as --untrusted asks


def untrusted_from_env(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the environment asks for untrusted runs (a CI job sets it once for every command and make target).
    Only an empty value, 0, false or no means trusted: a value that is mistyped errs on the safe side."""
    value = (os.environ if environ is None else environ).get(UNTRUSTED_ENV, "")
    return value.strip().lower() not in ("", "0", "false", "no")


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
            single = next((o for o in self.options if isinstance(option, Seq) and o is option.item), None)
            if single is None and not any(isinstance(o, Seq) and o.item is option for o in self.options):
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
        # (where the item is, where its options are, its name, its options)
        if isinstance(value, dict):
            items: list[tuple[KeyPath, KeyPath, object, object]] = [((*path, str(name), KEY), (*path, str(name)), name, options)
                                                                    for name, options in value.items()]
        elif isinstance(value, list):
            items = []
            for i, item in enumerate(value):
                if isinstance(item, dict) and len(item) == 1:
                    name, options = next(iter(item.items()))
                    items.append(((*path, i), (*path, i, str(name)), name, options))
                else:
                    items.append(((*path, i), (*path, i), item, None))
        else:
            yield path, f"must be {self.kind}, not {_shown(value)}"
            return
        for where, inner, name, options in items:
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


# ---- the allow-list: what an untrusted build reads from mkdocs.yml; anything else is refused ----

LEVEL = OneOf("warn", "info", "ignore")
ICON = Pattern(r"^[a-z0-9]+(?:[/-][a-z0-9]+)*$", "an icon name such as material/translate")
COLOR = Pattern(r"^[a-z]+(?: [a-z]+)?$", "a colour name such as indigo or deep purple")
IMAGE = Pattern(r"^(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*\.(?:png|ico|svg|jpg|jpeg|gif|webp)$",
                "a relative path to an image (such as assets/images/favicon.png)")
FOLDER = Pattern(r"^(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*$", "a relative path such as content or site")
LANGUAGE = Pattern(LOCALE_CODE.pattern, "a language tag such as en or pt-BR")
FONT = Pattern(r"^[A-Za-z0-9 ]+$", "a font name")
SCHEME = Fields({
    "media": Pattern(r"^\(prefers-color-scheme(?:: (?:light|dark))?\)$", "a colour-scheme media query such as (prefers-color-scheme: dark)"),
    "scheme": Pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "a colour scheme name such as default or slate"),
    "primary": COLOR,
    "accent": COLOR,
    "toggle": Fields({"icon": ICON, "name": Text()}),
})
FEATURES = OneOf(
    "announce.dismiss", "content.code.annotate", "content.code.copy", "content.code.select", "content.tabs.link",
    "header.autohide", "navigation.expand", "navigation.footer", "navigation.indexes", "navigation.instant",
    "navigation.instant.prefetch", "navigation.instant.progress", "navigation.path", "navigation.prune",
    "navigation.sections", "navigation.tabs", "navigation.tabs.sticky", "navigation.top", "navigation.tracking",
    "search.highlight", "search.share", "search.suggest", "toc.follow", "toc.integrate",
    refused={"content.tooltips": "it turns title attributes, which hold contributor text, into HTML",
             "content.footnote.tooltips": "it turns footnotes into HTML tooltips",
             "navigation.instant.preview": "it shows other pages' HTML in tooltips"},
)
SEARCH = Fields({"lang": Either(LANGUAGE, Seq(LANGUAGE, 10)), "enabled": Flag()})
PLUGINS = Named("plugins", {"glossary": GlossaryBlock(), "search": SEARCH, "material/search": SEARCH}, refused={
    "material/privacy": "it downloads every external asset during the build, so the build reaches the network",
    "privacy": "it downloads every external asset during the build, so the build reaches the network",
    "material/projects": "it builds the nested mkdocs.yml files it finds, with their hooks and plugins",
    "projects": "it builds the nested mkdocs.yml files it finds, with their hooks and plugins",
    "material/social": "it downloads fonts and draws images during the build",
    "material/blog": "it reads and publishes files of the repository as posts",
    "material/meta": "it reads .meta.yml files of the repository into the pages",
    "material/info": "it zips the project and its environment into a report",
}, otherwise="a plugin runs Python code of its own; an untrusted build loads only glossary and search")
NO_OPTIONS = Fields({})
MARKDOWN = Named("Markdown extensions", {
    **dict.fromkeys(("abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
                     "sane_lists", "tables"), NO_OPTIONS),
    "toc": Fields({"permalink": Either(Flag(), Text(20)), "toc_depth": Number(1, 6)}),
}, refused={
    "pymdownx.snippets": "it pastes files of the machine into the Markdown",
    "pymdownx.emoji": "its options name Python functions through YAML tags",
}, otherwise="an extension is a Python module that MkDocs imports; an untrusted build allows only a fixed set of Python-Markdown's")

ALLOW_LIST = Fields({
    "site_name": Text(),
    "site_description": Text(1000),
    "site_author": Text(),
    "site_url": Url(),
    "copyright": Text(),
    "repo_url": Url(),
    "repo_name": Text(),
    "edit_uri": FOLDER,
    "docs_dir": FOLDER,
    "site_dir": FOLDER,
    "strict": Flag(),
    "use_directory_urls": Flag(),
    "dev_addr": Pattern(r"^[A-Za-z0-9.:\[\]-]+:[0-9]{1,5}$", "HOST:PORT, such as 127.0.0.1:8000"),
    "validation": Fields({
        "nav": Fields({"omitted_files": LEVEL, "not_found": LEVEL, "absolute_links": LEVEL}),
        "links": Fields({"not_found": LEVEL, "absolute_links": OneOf("warn", "info", "ignore", "relative_to_docs"),
                         "unrecognized_links": LEVEL, "anchors": LEVEL}),
    }),
    "theme": Either(OneOf("material"), Fields({
        "name": OneOf("material"),
        "language": LANGUAGE,
        "direction": OneOf("ltr", "rtl"),
        "features": Seq(FEATURES),
        "palette": Either(SCHEME, Seq(SCHEME, 8)),
        "font": Either(OneOf(False), Fields({"text": FONT, "code": FONT})),
        "favicon": IMAGE,
        "logo": IMAGE,
        "icon": Keys(("logo", "repo", "alternate", "search", "close", "previous", "next", "top", "menu", "edit", "view",
                      "share"), ICON),
    }, refused={
        "custom_dir": "its templates run as Jinja without a sandbox, which can call any Python code",
        "static_templates": "it renders further templates into the site",
    })),
    "plugins": PLUGINS,
    "markdown_extensions": MARKDOWN,
    "extra": Fields({
        "generator": Flag(),
        "homepage": Url(),
        "social": Seq(Fields({"icon": ICON, "link": Url(), "name": Text()}), 20),
    }, refused={
        "analytics": "it loads a third party's script on every page and sends it every reader's visits",
        "consent": "its texts are printed as HTML",
        "polyfills": "it loads scripts on every page",
        "scope": "it is written into a script",
        "alternate": "the glossary makes the language switch",
        "version": "it loads a version list from the site's host into every page",
        "status": "it is printed into attributes unescaped",
        "tags": "it is printed into attributes unescaped",
    }),
}, refused={
    "hooks": "hooks run Python files of the repository during the build",
    "INHERIT": "it makes MkDocs read another file with PyYAML's unsafe loader",
    "extra_javascript": "it loads scripts, from any host, on every page",
    "extra_css": "it loads style sheets, from any host, on every page",
    "extra_templates": "it renders templates of the repository as unsandboxed Jinja",
    "nav": "the glossary makes the navigation",
    "watch": "it makes serve read folders outside the content folder",
    "exclude_docs": "the content folder holds entries only; nothing else in it is published",
    "not_in_nav": "the glossary makes the navigation",
    "draft_docs": "the content folder holds entries only; nothing else in it is published",
})


def allow_list_table() -> str:
    """The allow-list as the Markdown table SECURITY.md quotes (a test keeps the two the same)."""
    lines = ["| option | allowed |", "| --- | --- |"]
    lines += [f"| `{path}` | {kind} |" for path, kind in ALLOW_LIST.rows("")]
    lines.append("| any other option | refused: not on the allow-list |")
    return "\n".join(lines) + "\n"


# ---- YAML features: tags, anchors and aliases, found in the text's events ----

YAML_TAG_REASONS: Mapping[str, str] = MappingProxyType({
    "!ENV": "!ENV puts a value of the build's environment (where CI keeps its secrets) into the configuration",
    "!relative": "!relative makes MkDocs compute a path from the configuration's own location",
})


def yaml_features(text: str) -> list[tuple[str, int, int]]:
    """Every explicit tag, anchor and alias of a YAML text: (what, line, column), 1-based. The text has already been
    parsed once (``read_config``), so it parses again here."""
    out: list[tuple[str, int, int]] = []
    for event in yaml.parse(text, Loader=_SafeLoader):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        tag = getattr(event, "tag", None)
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)) and tag is not None:
            out.append((f"tag {tag}", line, column))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            out.append((f"{'alias' if isinstance(event, yaml.AliasEvent) else 'anchor'} {anchor}", line, column))
    return out


def _tag_message(what: str) -> str:
    kind, _, name = what.partition(" ")
    if kind == "tag":
        shown = name.replace("tag:yaml.org,2002:", "!!")
        return f"the YAML tag {shown} is not allowed in an untrusted build: " + YAML_TAG_REASONS.get(
            shown, "an untrusted build reads plain values only (a tag can make MkDocs construct Python objects)")
    return f"the YAML {kind} '{name}' is not allowed in an untrusted build: values are written out in full"


# ---- the checks ----


def _line(raw: RawConfig, position: tuple[int, int], message: str, rule: str) -> str:
    return f"{escape(raw.path.name)}:{position[0]}:{position[1]}: error: {escape(message)} [{rule}]"


def _dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        if part == KEY:
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def untrusted_problems(raw: RawConfig) -> list[str]:
    """What an untrusted build refuses in ``raw``, one located line each: YAML tags, anchors and aliases, and every
    option that is not on the allow-list or whose value is not of the allowed type."""
    found: list[tuple[tuple[int, int], str]] = []
    features = yaml_features(raw.text)
    for what, line, column in features:
        found.append(((line, column), _tag_message(what)))
    tagged = {position for position, _ in found}
    if not any(what.startswith(("anchor ", "alias ")) for what, _, _ in features):
        # (Aliases share values: walking them could take exponential time, and they are refused anyway.)
        for path, message in ALLOW_LIST.check(raw.data, ()):
            position = raw.position(path)
            if position not in tagged or path[-1:] == (KEY,):  # else the value's tag is the problem, reported above
                found.append((position, f"{_dotted(path)}: {message}"))
    return [_line(raw, position, message, "untrusted") for position, message in sorted(found)]


def refuse_untrusted(raw: RawConfig) -> None:
    """Stop (exit 2) when ``raw`` holds anything an untrusted run may not read."""
    problems = untrusted_problems(raw)
    if problems:
        raise FatalError(f"{escape(raw.path.name)} is refused for an untrusted build:\n" + "\n".join(problems))


def _python_tag_problem(tag: str, project: str) -> str | None:
    """Why MkDocs' own loader must not see ``tag``: any ``!!python/…`` constructs or calls Python objects, except
    ``!!python/name`` of an installed module (the form Material documents for its emoji index)."""
    if not tag.startswith("tag:yaml.org,2002:python/"):
        return None
    kind, _, target = tag.removeprefix("tag:yaml.org,2002:python/").partition(":")
    if kind != "name":
        return f"the tag !!python/{kind} makes MkDocs construct or call Python objects; only !!python/name (of an installed module) is allowed"
    top = target.split(".")[0]
    try:
        spec = importlib.util.find_spec(top) if top.isidentifier() else None
    except (ImportError, ValueError):
        spec = None
    origin = os.path.realpath(spec.origin) if spec is not None and spec.origin else None
    if origin is None or origin == project or origin.startswith(project.rstrip(os.sep) + os.sep):
        return f"!!python/name:{target} does not name an installed module (a module of the repository would run its code)"
    return None


class _Inert(_SafeLoader):
    """A safe loader that constructs nothing for a tag it does not know (``!ENV``, ``!!python/…``): only to read what
    another file MkDocs would read says, once its tags have been checked from its events."""


_Inert.add_multi_constructor("", lambda loader, suffix, node: None)


MAX_YAML_BYTES = 1024 * 1024  # another configuration file larger than this is not read


def _read_yaml(path: Path, shown: str) -> tuple[str, Any]:
    """Another YAML file MkDocs would read (an INHERIT target, a theme's mkdocs_theme.yml): its text and data. Only a
    regular file is read (a FIFO would block), and at most ``MAX_YAML_BYTES`` of it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise FatalError(f"{shown}: is not a regular file")
            data = fh.read(MAX_YAML_BYTES + 1)
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_YAML_BYTES:
        raise FatalError(f"{shown}: is larger than {MAX_YAML_BYTES} bytes")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise FatalError(f"{shown}: is not UTF-8; save it as UTF-8") from None
    try:
        return text, yaml.load(text, Loader=_Inert)  # a safe loader (see _Inert)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
        raise FatalError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or type(exc).__name__}") from None


def _other_files(raw: RawConfig) -> Iterator[tuple[Path, str, str]]:
    """Every other YAML file MkDocs would read for ``raw`` (trusted builds only; an untrusted one refuses both keys):
    the chain of INHERIT targets, and ``mkdocs_theme.yml`` of the theme's custom_dir. (path, as shown, text)."""
    seen = {raw.path}
    data: Any = raw.data
    here = raw.path
    while isinstance(data, dict) and isinstance(data.get("INHERIT"), str):
        target = Path(os.path.normpath(here.parent / data["INHERIT"]))
        if target in seen or len(seen) > 20:
            raise FatalError(f"{escape(str(here))}: INHERIT leads back to {escape(str(target))}; the files inherit from each other")
        seen.add(target)
        shown = escape(os.path.relpath(target, raw.path.parent))
        text, data = _read_yaml(target, shown)
        yield target, shown, text
        here = target
    theme = raw.data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and (raw.path.parent / custom / "mkdocs_theme.yml").is_file():
        target = raw.path.parent / custom / "mkdocs_theme.yml"
        shown = escape(os.path.relpath(target, raw.path.parent))
        yield target, shown, _read_yaml(target, shown)[0]


def build_problems(raw: RawConfig, settings: Settings, *, other_files: bool = True) -> list[str]:
    """What every build refuses, trusted or not, one located line each: a ``!!python/…`` tag in any file MkDocs would
    read (MkDocs reads them with PyYAML's unsafe loader), a ``docs_dir`` that is not the content folder, a theme
    ``custom_dir`` outside the project, and a link option whose scheme can run script (``javascript:``). The other
    files are not opened with ``other_files=False`` (an untrusted build, which refuses the keys that name them)."""
    out: list[str] = []
    project = os.path.realpath(raw.path.parent)

    def inside(folder: str) -> bool:
        return folder == project or folder.startswith(project.rstrip(os.sep) + os.sep)

    for what, line, column in yaml_features(raw.text):
        why = _python_tag_problem(what.removeprefix("tag "), project) if what.startswith("tag ") else None
        if why:
            out.append(_line(raw, (line, column), why, "config"))
    for _, shown, text in _other_files(raw) if other_files else ():
        for what, line, column in yaml_features(text):
            why = _python_tag_problem(what.removeprefix("tag "), project) if what.startswith("tag ") else None
            if why:
                out.append(f"{shown}:{line}:{column}: error: {escape(why)} [config]")
    docs_dir = raw.data.get("docs_dir", "docs")
    if not isinstance(docs_dir, str) or os.path.realpath(raw.path.parent / docs_dir) != str(settings.content_dir):
        out.append(_line(raw, raw.position(("docs_dir",)), f"docs_dir must be the glossary's content_dir "
                         f"({os.path.relpath(settings.content_dir, project)}); MkDocs reads every file under it", "config"))
    theme = raw.data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom is not None and (not isinstance(custom, str) or not inside(os.path.realpath(raw.path.parent / custom))):
        out.append(_line(raw, raw.position(("theme", "custom_dir")), "theme custom_dir must be a folder inside the project; "
                         "MkDocs publishes the files in it", "config"))
    for path, value in _links(raw.data):
        scheme = urlsplit(re.sub(r"[\x00-\x20\x7f]+", "", value)).scheme.lower() if isinstance(value, str) else ""
        if scheme and scheme not in LINK_SCHEMES and not re.fullmatch(r"[a-z]", scheme):  # c:/… is a Windows path
            out.append(_line(raw, raw.position(path), f"{_dotted(path)}: a '{scheme}:' link can run script in the reader's "
                             "browser; write an http(s) URL or a relative path", "config"))
    return out


def _links(data: Mapping[str, Any]) -> Iterator[tuple[KeyPath, object]]:
    """The options whose values become links or image addresses on every page."""
    yield ("repo_url",), data.get("repo_url")
    theme = data.get("theme")
    if isinstance(theme, dict):
        yield ("theme", "favicon"), theme.get("favicon")
        yield ("theme", "logo"), theme.get("logo")
    extra = data.get("extra")
    if isinstance(extra, dict):
        yield ("extra", "homepage"), extra.get("homepage")
        social = extra.get("social")
        for i, item in enumerate(social if isinstance(social, list) else []):
            if isinstance(item, dict):
                yield ("extra", "social", i, "link"), item.get("link")


def check(raw: RawConfig, settings: Settings, *, untrusted: bool) -> None:
    """Stop (exit 2) before anything is built when ``raw`` holds what this build refuses: the allow-list when
    ``untrusted``, and in every build what ``build_problems`` finds."""
    if untrusted:
        refuse_untrusted(raw)  # first: the files an INHERIT or a custom_dir would name are never opened
    problems = build_problems(raw, settings, other_files=not untrusted)
    if problems:
        raise FatalError(f"{escape(raw.path.name)} is not safe to build{' untrusted' if untrusted else ''}:\n" + "\n".join(problems))


def mkdocs_config(config_file: Path | str, *, untrusted: bool, **overrides: str) -> MkDocsConfig:
    """MkDocs' configuration of a build, after the checks of its trust level: the one way every build (``build``'s
    locale processes, ``serve``) loads it. MkDocs never reads mkdocs.yml itself, so what it parses is what was checked.
    Trusted, it parses the text that was read (and follows INHERIT, whose files have passed a safe loader); untrusted,
    it gets the checked data written out again as plain YAML."""
    from mkdocs.config import load_config

    raw = read_config(config_file)
    check(raw, settings_from_raw(raw), untrusted=untrusted)
    text = yaml.safe_dump(raw.data, allow_unicode=True, sort_keys=False) if untrusted else raw.text
    source = io.BytesIO(text.encode("utf-8"))
    source.name = str(raw.path)  # MkDocs finds INHERIT targets beside it
    return load_config(source, config_file_path=str(raw.path), **overrides)
