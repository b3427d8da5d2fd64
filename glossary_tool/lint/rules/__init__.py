"""The lint rules, one module per theme; each rule is a small function registered under its rule id (``registry.py``).

``load_all`` imports every rule module, so that its rules register, and returns the registry: the command line's and
lint's single source of rule ids.
"""

from __future__ import annotations

from glossary_tool.lint.rules.registry import RULES, Rule


def load_all() -> dict[str, Rule]:
    """Import every rule module so that its rules register; return the registry."""
    from glossary_tool.lint.rules import (  # noqa: F401  (each registers its rules)
        catalogs,
        content_folder,
        definitions,
        deprecated,
        ids,
        load_checks,
        locales,
        markdown,
        references,
        terms,
        text,
        vocabulary,
        workflow,
    )

    return RULES
