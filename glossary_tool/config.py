"""Settings for the glossary, read from the ``glossary`` plugin block of ``mkdocs.yml``.

The CLI and the MkDocs plugin both build their settings here, so lint and site can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from glossary_tool.problems import FatalError, Severity


@dataclass(frozen=True, slots=True)
class Locale:
    """A configured language: code, display name and URL prefix (``""`` or ``"sv/"``)."""

    code: str
    name: str
    prefix: str
    site_name: str | None = None  # the site's name in this language (default: site_name of mkdocs.yml)
    site_description: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the core needs; paths are absolute."""

    root: Path
    content_dir: Path
    locales: tuple[Locale, ...]
    source_locale: str
    max_file_bytes: int = 256 * 1024
    max_depth: int = 12
    rules: Mapping[str, Severity] = field(default_factory=dict)
    site_url: str = ""

    @property
    def locale_codes(self) -> tuple[str, ...]:
        return tuple(loc.code for loc in self.locales)

    def locale(self, code: str) -> Locale:
        for loc in self.locales:
            if loc.code == code:
                return loc
        raise KeyError(code)


DEFAULT_LOCALES: tuple[Locale, ...] = (Locale("en", "English", ""), Locale("sv", "Svenska", "sv/"))


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml without executing anything: unknown tags (``!!python/name``, ``!ENV``) become None.

    libyaml's scanner when present: every build and lint reads this file before starting any work."""


def _ignore_tag(loader: Any, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def find_plugin_block(mkdocs_config: Mapping[str, Any]) -> dict[str, Any]:
    """Return the options of the ``glossary`` plugin (``{}`` when listed without options)."""
    for item in mkdocs_config.get("plugins") or []:
        if item == "glossary":
            return {}
        if isinstance(item, Mapping) and "glossary" in item:
            return dict(item["glossary"] or {})
    raise FatalError("mkdocs.yml has no 'glossary' entry under 'plugins'")


def settings_from_options(root: Path, options: Mapping[str, Any], site_url: str = "") -> Settings:
    """Validate the plugin options and turn them into Settings; bad options are fatal."""
    known = {"content_dir", "locales", "source_locale", "max_file_bytes", "max_depth", "rules", "locale", "build_alternates"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise FatalError(f"mkdocs.yml: unknown glossary option(s): {', '.join(unknown)}")
    locales = _parse_locales(options.get("locales"))
    source = str(options.get("source_locale", locales[0].code))
    if source not in {loc.code for loc in locales}:
        raise FatalError(f"mkdocs.yml: source_locale '{source}' is not one of the configured locales")
    rules: dict[str, Severity] = {}
    for rule_id, value in (options.get("rules") or {}).items():
        try:
            rules[str(rule_id)] = Severity(str(value))
        except ValueError:
            raise FatalError(f"mkdocs.yml: rule '{rule_id}' has severity '{value}'; use error, warning or off") from None
    return Settings(
        root=root,
        content_dir=(root / str(options.get("content_dir", "content"))).resolve(),
        locales=locales,
        source_locale=source,
        max_file_bytes=int(options.get("max_file_bytes", 256 * 1024)),
        max_depth=int(options.get("max_depth", 12)),
        rules=rules,
        site_url=site_url,
    )


def _parse_locales(raw: Any) -> tuple[Locale, ...]:
    if raw is None:
        return DEFAULT_LOCALES
    if not isinstance(raw, list) or not raw:
        raise FatalError("mkdocs.yml: glossary 'locales' must be a non-empty list")
    out: list[Locale] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping) or "code" not in item:
            raise FatalError(f"mkdocs.yml: glossary locale #{i + 1} needs at least a 'code'")
        code = str(item["code"])
        prefix = str(item.get("prefix", "" if i == 0 else f"{code}/"))
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        site_name = item.get("site_name")
        description = item.get("site_description")
        out.append(Locale(code, str(item.get("name", code)), prefix,
                          str(site_name) if site_name else None, str(description) if description else None))
    return tuple(out)


def load_settings(config_file: Path | str = "mkdocs.yml") -> Settings:
    """Read ``mkdocs.yml`` and return the glossary settings it holds."""
    path = Path(config_file).resolve()
    raw = read_config(config_file)
    return settings_from_options(path.parent, find_plugin_block(raw), str(raw.get("site_url") or ""))


def read_config(config_file: Path | str) -> Mapping[str, Any]:
    """The top-level mapping of ``mkdocs.yml``, read without MkDocs (its tags are tolerated, not evaluated)."""
    path = Path(config_file)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise FatalError(f"{config_file}: not found (run from the project folder or pass --config)") from None
    except yaml.YAMLError as exc:
        raise FatalError(f"{config_file}: not valid YAML: {exc}") from None
    if not isinstance(raw, Mapping):
        raise FatalError(f"{config_file}: expected a mapping at the top level")
    return raw
