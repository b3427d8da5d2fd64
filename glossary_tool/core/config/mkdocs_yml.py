"""Reading ``mkdocs.yml``: once, without executing anything, with the position of every key, so that each
configuration error points at its line and column; and the glossary block's settings from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from glossary_tool.core.config.declaration import GlossaryOptions
from glossary_tool.core.config.options import KEY, KeyPath, dotted, type_name
from glossary_tool.core.config.settings import Settings, build_settings
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terminal import escape

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML has it: every build and lint reads this file before any other work
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Reads mkdocs.yml without executing anything: ``!ENV`` is resolved as MkDocs does, other tags become None.

    What MkDocs itself would make of the tags (it constructs ``!!python/…`` objects) is checked in ``trust.py``."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # MkDocs' !ENV: a variable name, or a list of names with a default last.
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        return None
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _ignore_tag(loader: Any, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("!", _ignore_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True, slots=True)
class RawConfig:
    """``mkdocs.yml`` as read: its data, the position of every key, and where the glossary block sits."""

    path: Path
    data: dict[str, Any]
    positions: dict[KeyPath, tuple[int, int]]  # of each value
    key_positions: dict[KeyPath, tuple[int, int]]  # of each mapping key
    plugin_path: KeyPath  # key path of the glossary options, e.g. ("plugins", 0, "glossary")
    text: str = ""  # the file's text, for the checks of what MkDocs would make of it (trust.py)

    def position(self, path: KeyPath) -> tuple[int, int]:
        """Where the value at ``path`` is written (its key's position when the path ends in ``KEY``)."""
        if path and path[-1] == KEY:
            path = path[:-1]
            if path in self.key_positions:
                return self.key_positions[path]
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def _positions(node: yaml.Node, path: KeyPath, out: dict[KeyPath, tuple[int, int]], keys: dict[KeyPath, tuple[int, int]], seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    out.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in seen:
        return  # an alias: its content is positioned where the anchor is (ten nested aliases would be 10^10 paths)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = (*path, key.value)
                keys[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
                _positions(value, child, out, keys, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _positions(value, (*path, i), out, keys, seen)


def read_config(config_file: Path | str) -> RawConfig:
    """Read ``mkdocs.yml`` once: its data and key positions. A file that cannot be read or parsed is fatal."""
    path = Path(config_file)
    shown = str(config_file)
    text = _read_text(path, shown)
    node, data = _parse(text, shown)
    positions: dict[KeyPath, tuple[int, int]] = {}
    keys: dict[KeyPath, tuple[int, int]] = {}
    if node is not None:
        _positions(node, (), positions, keys)
    return RawConfig(path.resolve(), data, positions, keys, _plugin_path(data, shown, positions), text)


def _read_text(path: Path, shown: str) -> str:
    """The file's text, UTF-8 with an optional byte-order mark; every reason it cannot be read is fatal and named."""
    if path.is_dir():
        raise FatalError(f"{shown}: is a folder; pass the mkdocs.yml file with --config")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FatalError(f"{shown}: not found (run from the project folder or pass --config)") from None
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FatalError(f"{shown}:{line}: byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8") from None


def _parse(text: str, shown: str) -> tuple[yaml.Node | None, dict[str, Any]]:
    """The document's node (kept for positions) and its data, which must be a mapping."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
        raise FatalError(f"{where}: not valid YAML: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise FatalError(f"{shown}: not valid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise FatalError(f"{shown}:1:1: the top level must be a mapping of settings")
    return node, data


def _plugin_path(data: Mapping[str, Any], shown: str, positions: Mapping[KeyPath, tuple[int, int]]) -> KeyPath:
    plugins = data.get("plugins")
    if isinstance(plugins, dict):  # MkDocs also accepts a mapping of plugin name to options
        if "glossary" in plugins:
            return ("plugins", "glossary")
    elif isinstance(plugins, list):
        for i, item in enumerate(plugins):
            if item == "glossary":
                return ("plugins", i)
            if isinstance(item, dict) and "glossary" in item:
                return ("plugins", i, "glossary")
    elif plugins is not None:
        line, column = positions.get(("plugins",), (1, 1))
        raise FatalError(f"{shown}:{line}:{column}: 'plugins' must be a list, such as [glossary, search]")
    raise FatalError(f"{shown}: has no 'glossary' entry under 'plugins'; add '- glossary' to the plugins list")


def plugin_options(raw: RawConfig) -> dict[str, Any]:
    """The glossary options as written (``{}`` when listed without options)."""
    node: Any = raw.data
    for part in raw.plugin_path:
        node = node[part]
    if isinstance(node, str) or node is None:
        return {}
    if not isinstance(node, dict):
        line, column = raw.position(raw.plugin_path)
        raise FatalError(f"{raw.path.name}:{line}:{column}: the glossary plugin's options must be a mapping, not {type_name(node)}")
    return dict(node)


def settings_from_raw(raw: RawConfig, shown: str | None = None, *, rule_ids: Callable[[], Collection[str]] | None = None) -> Settings:
    """Validate the glossary block of ``raw`` and build Settings; every error at once, each with its position.

    ``rule_ids`` gives the rule ids lint knows, to check the ids under ``rules:`` against (unchecked without it)."""
    options = GlossaryOptions(config_file_path=str(raw.path), rule_ids=rule_ids)
    written = plugin_options(raw)
    options.load_dict(written)
    errors = options.errors() or _content_dir_errors(raw.path.parent, written.get("content_dir"))
    if errors:
        name = shown or raw.path.name
        lines = []
        for path, msg in errors:
            line, column = raw.position((*raw.plugin_path, *path))
            # Values from mkdocs.yml appear in the messages: escaped, so that each error stays one line.
            lines.append(f"{escape(name)}:{line}:{column}: error: glossary option {escape(dotted(path))}: {escape(msg)} [config]")
        raise FatalError("invalid configuration:\n" + "\n".join(lines))
    site_url = raw.data.get("site_url")
    return build_settings(raw.path.parent, options, site_url if isinstance(site_url, str) else "", raw.path)


def _content_dir_errors(root: Path, written: object) -> list[tuple[KeyPath, str]]:
    """mkdocs.yml may not send lint or the build out of the project: content_dir is a folder inside it, real paths compared."""
    if not isinstance(written, str):
        return []  # absent: the default, "content"
    if os.path.isabs(written) or ".." in Path(written).parts:
        return [(("content_dir",), f"'{written}' must be a folder inside the project, written relative to mkdocs.yml (such as content)")]
    project = os.path.realpath(root)
    real = os.path.realpath(root / written)
    if real == project or not real.startswith(project.rstrip(os.sep) + os.sep):
        return [(("content_dir",), f"'{written}' leads to {real}, which is not a folder inside the project ({project}); a link may not take it out")]
    return []


def load_settings(config_file: Path | str = "mkdocs.yml", *, rule_ids: Callable[[], Collection[str]] | None = None) -> Settings:
    """Read ``mkdocs.yml`` and return the glossary settings it holds: the constructor for tools. (A caller that also
    needs the file itself, as the command line does for the trust checks, calls ``read_config`` and ``settings_from_raw``.)"""
    return settings_from_raw(read_config(config_file), str(config_file), rule_ids=rule_ids)
