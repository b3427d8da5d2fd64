"""The glossary's configuration, in four modules by reason to change: ``options`` (the option types), ``declaration``
(every option and its default, and the checks across options), ``settings`` (``Settings``, built from the validated
options) and ``mkdocs_yml`` (reading ``mkdocs.yml``).

Two constructors make ``Settings``:

- ``load_settings(config_file)`` for tools: reads ``mkdocs.yml`` and validates its glossary block, every error at once
  with its line and column (``read_config`` and ``settings_from_raw`` are its two halves, for a caller that needs the
  file too);
- ``settings_from_options(root, options)`` for tests: a mapping as it would be written under the plugin.

The MkDocs plugin validates the same declaration itself (``GlossaryOptions``) and calls ``build_settings``.
"""

from __future__ import annotations

from glossary_tool.core.config.declaration import DEFINITION_HEDGES, MAX_LOCALES, GlossaryOptions, default_prefix
from glossary_tool.core.config.mkdocs_yml import RawConfig, load_settings, plugin_options, read_config, settings_from_raw
from glossary_tool.core.config.options import KEY, KeyPath, OptionErrors, dotted, flatten, unknown_rules
from glossary_tool.core.config.settings import Category, Locale, RelationType, Settings, build_settings, settings_from_options
from glossary_tool.core.tags import LOCALE_CODE, canonical_tag

__all__ = [
    "DEFINITION_HEDGES",
    "KEY",
    "LOCALE_CODE",
    "MAX_LOCALES",
    "Category",
    "GlossaryOptions",
    "KeyPath",
    "Locale",
    "OptionErrors",
    "RawConfig",
    "RelationType",
    "Settings",
    "build_settings",
    "canonical_tag",
    "default_prefix",
    "dotted",
    "flatten",
    "load_settings",
    "plugin_options",
    "read_config",
    "settings_from_options",
    "settings_from_raw",
    "unknown_rules",
]
