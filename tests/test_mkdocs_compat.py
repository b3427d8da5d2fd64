"""MkDocs' and Material's internals, used only through ``core/mkdocs_compat.py``, exist as that module reads them, in
the releases it was read against."""

from __future__ import annotations

import inspect

from mkdocs.commands import build as mk_build
from mkdocs.config import base
from mkdocs.structure import toc

from glossary_tool.core import mkdocs_compat


def test_the_installed_releases_are_those_the_module_was_read_against() -> None:
    # A new MkDocs or Material release fails here: read every function of mkdocs_compat against it, then add its series.
    assert mkdocs_compat.unchecked_releases() == []


def test_mkdocs_private_names_are_there_with_the_parameters_used() -> None:
    assert list(inspect.signature(mk_build._populate_page).parameters)[:3] == ["page", "config", "files"]
    assert list(inspect.signature(mk_build._build_page).parameters)[:5] == ["page", "config", "doc_files", "nav", "env"]
    assert callable(base.Config._validate)
    assert set(toc._TocToken.__annotations__) >= {"level", "id", "name", "children"}


def test_materials_files_are_where_the_module_looks() -> None:
    assert {"en", "sv", "de", "zh-TW"} <= set(mkdocs_compat.material_languages())
    assert mkdocs_compat.material_theme_defaults().is_file()
    assert any(mkdocs_compat.material_script_partials().glob("*.html"))


def test_a_validating_config_runs_its_own_validation() -> None:
    class Section(mkdocs_compat.ValidatingConfig):
        def validate_options(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
            return [("x", base.ValidationError(f"saw {sorted(self)}"))], []

    section = Section()
    assert tuple(section.schema()) == ()  # MkDocs' private _schema: no options declared
    section.load_dict({"a": 1})
    failed, _ = section.validate()
    assert [(key, str(exc)) for key, exc in failed] == [("x", "saw ['a']")]
