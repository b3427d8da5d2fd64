"""Two trust levels for ``mkdocs.yml``: what every build refuses, what an untrusted build refuses beyond the allow-list
(``allow_list``, of the value types in ``specs``), and the one function that hands MkDocs its configuration
(``mkdocs_config``), used by ``build``, ``serve`` and each locale build."""

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

from glossary_tool.core.config import KEY, KeyPath, RawConfig, Settings, dotted, read_config, settings_from_raw
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terminal import escape
from glossary_tool.core.trust.allow_list import ALLOW_LIST

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    _SafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML has it
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
UNTRUSTED_ENV = "GLOSSARY_TOOL_UNTRUSTED"  # "true" or "1": every command runs untrusted, as --untrusted asks


def untrusted_from_env(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the environment asks for untrusted runs (a CI job sets it once for every command and make target).
    Only an empty value, 0, false or no means trusted: a value that is mistyped errs on the safe side."""
    value = (os.environ if environ is None else environ).get(UNTRUSTED_ENV, "")
    return value.strip().lower() not in ("", "0", "false", "no")


# ---- YAML features: tags, anchors and aliases, found in the text's events ----

YAML_TAG_REASONS: Mapping[str, str] = MappingProxyType(
    {
        "!ENV": "!ENV puts a value of the build's environment (where CI keeps its secrets) into the configuration",
        "!relative": "!relative makes MkDocs compute a path from the configuration's own location",
    }
)


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
            shown, "an untrusted build reads plain values only (a tag can make MkDocs construct Python objects)"
        )
    return f"the YAML {kind} '{name}' is not allowed in an untrusted build: values are written out in full"


# ---- the checks ----


def _line(raw: RawConfig, position: tuple[int, int], message: str, rule: str) -> str:
    return f"{escape(raw.path.name)}:{position[0]}:{position[1]}: error: {escape(message)} [{rule}]"


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
                found.append((position, f"{dotted(path)}: {message}"))
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
    project = os.path.realpath(raw.path.parent)
    return [*_tag_problems(raw, project, other_files), *_docs_dir_problems(raw, settings, project), *_custom_dir_problems(raw, project), *_link_problems(raw)]


def _tag_problem(what: str, project: str) -> str | None:
    """Why a YAML feature ``what`` (as ``yaml_features`` names it) is refused, or None: only ``!!python/…`` tags are."""
    return _python_tag_problem(what.removeprefix("tag "), project) if what.startswith("tag ") else None


def _tag_problems(raw: RawConfig, project: str, other_files: bool) -> list[str]:
    """The ``!!python/…`` tags of ``mkdocs.yml`` and, with ``other_files``, of the files it makes MkDocs read."""
    out: list[str] = []
    for what, line, column in yaml_features(raw.text):
        why = _tag_problem(what, project)
        if why:
            out.append(_line(raw, (line, column), why, "config"))
    for _, shown, text in _other_files(raw) if other_files else ():
        for what, line, column in yaml_features(text):
            why = _tag_problem(what, project)
            if why:
                out.append(f"{shown}:{line}:{column}: error: {escape(why)} [config]")
    return out


def _docs_dir_problems(raw: RawConfig, settings: Settings, project: str) -> list[str]:
    """A ``docs_dir`` that is not the content folder (MkDocs would publish whatever else is in it)."""
    docs_dir = raw.data.get("docs_dir", "docs")
    if isinstance(docs_dir, str) and os.path.realpath(raw.path.parent / docs_dir) == str(settings.content_dir):
        return []
    return [
        _line(
            raw,
            raw.position(("docs_dir",)),
            f"docs_dir must be the glossary's content_dir ({os.path.relpath(settings.content_dir, project)}); MkDocs reads every file under it",
            "config",
        )
    ]


def _custom_dir_problems(raw: RawConfig, project: str) -> list[str]:
    """A theme ``custom_dir`` that is not a folder inside the project (MkDocs publishes the files in it)."""
    theme = raw.data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom is None or (isinstance(custom, str) and _inside(os.path.realpath(raw.path.parent / custom), project)):
        return []
    return [
        _line(raw, raw.position(("theme", "custom_dir")), "theme custom_dir must be a folder inside the project; MkDocs publishes the files in it", "config")
    ]


def _inside(folder: str, project: str) -> bool:
    """Whether real path ``folder`` is the project's folder or under it."""
    return folder == project or folder.startswith(project.rstrip(os.sep) + os.sep)


def _link_problems(raw: RawConfig) -> list[str]:
    """The link options whose scheme can run script in the reader's browser (``javascript:``)."""
    out: list[str] = []
    for path, value in _links(raw.data):
        scheme = urlsplit(re.sub(r"[\x00-\x20\x7f]+", "", value)).scheme.lower() if isinstance(value, str) else ""
        if scheme and scheme not in LINK_SCHEMES and not re.fullmatch(r"[a-z]", scheme):  # c:/… is a Windows path
            out.append(
                _line(
                    raw,
                    raw.position(path),
                    f"{dotted(path)}: a '{scheme}:' link can run script in the reader's browser; write an http(s) URL or a relative path",
                    "config",
                )
            )
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
