"""The site's layout, declared once: each kind's URLs and source paths, the names it takes at a locale's top level,
and the configuration and ids that must stay clear of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_tool.core import layout
from glossary_tool.core.config import settings_from_options
from glossary_tool.core.ids import slug_problem
from glossary_tool.core.problems import FatalError


def test_a_kind_gives_the_url_source_path_and_stem_of_each_page() -> None:
    assert (layout.CONCEPT.url("femur"), layout.CONCEPT.src("femur"), layout.CONCEPT.stem("femur")) == ("terms/femur/", "terms/femur.md", "terms/femur")
    assert (layout.INDEX.url(n=1), layout.INDEX.src(n=1), layout.INDEX.stem()) == ("index-a-z/2/", "index-a-z/2.md", "index-a-z")
    assert (layout.HOME.url(), layout.HOME.src()) == ("", "index.md")
    assert layout.PAIR.stem() == "glossary" and layout.CATEGORY.stem("model") == "categories/model"


@pytest.mark.parametrize(
    ("src", "kind"),
    [
        ("index.md", layout.HOME),
        ("terms/femur.md", layout.CONCEPT),
        ("categories/model/2.md", layout.CATEGORY),
        ("glossary/en-sv.md", layout.PAIR),
        ("faq.md", layout.FAQ),
        ("faq/3.md", layout.FAQ),
    ],
)
def test_each_source_path_belongs_to_one_kind(src: str, kind: layout.PageKind) -> None:
    assert layout.kind_of(src) is kind
    assert [k.name for k in layout.PAGE_KINDS if k.owns(src)] == [kind.name]


def test_the_reserved_names_are_every_kinds_folder_and_the_files_mkdocs_writes() -> None:
    assert {
        "terms",
        "categories",
        "index-a-z",
        "compare",
        "faq",
        "glossary",
        "status",
        "downloads",
        "assets",
        "search",
        "404",
        "sitemap",
        "index",
    } == layout.RESERVED_TOP


@pytest.mark.parametrize("name", sorted(layout.RESERVED_TOP))
def test_no_id_and_no_locale_prefix_takes_a_reserved_name(tmp_path: Path, name: str) -> None:
    assert slug_problem(name) == "is a reserved name"
    with pytest.raises(FatalError, match=f"'{name}/' would clash with the site's own '{name}/' pages"):
        settings_from_options(tmp_path, {"locales": [{"code": "en"}, {"code": "sv", "prefix": f"{name}/"}]})
