"""Concept maps: golden SVGs of the fixture projects, escaping of contributor text, mirroring, cut groups, layout.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 make test``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, UPDATE_GOLDEN, concept, valid_glossary
from lxml import etree
from render_helpers import render

from glossary_tool.core.config import load_settings
from glossary_tool.lint import run
from glossary_tool.site.render import render_locale
from glossary_tool.site.render.concept_map import MAX_ASSOCIATED, fit, text_width

GOLDEN = Path(__file__).parent.parent / "golden" / "maps"
PROJECTS = FIXTURES / "projects"
MAP = re.compile(r'<div class="glossary-map">.*?</svg></div>', re.S)
SVG = ""  # inline SVG in HTML, without xmlns: parsed as XML, its elements are in no namespace

# (project, locale, page): declared relations (anatomy's part_of and its inverse), a concept among its siblings with
# related ones left to right and right to left, a generic concept and Japanese labels, and a category's map.
CASES = [
    ("anatomy", "en", "terms/skull.md"),
    ("anatomy", "de", "terms/skeleton.md"),
    ("world", "en", "terms/beaker.md"),
    ("world", "ar", "terms/beaker.md"),
    ("world", "ja", "terms/laboratory-glassware.md"),
    ("world", "en", "categories/vessel.md"),
    ("world", "ar", "categories/vessel.md"),
]


def _pages(project: str, locale: str) -> dict[str, str]:
    settings = load_settings(PROJECTS / project / "mkdocs.yml")
    pages = render_locale(run(settings).glossary, settings, locale, site_name="S", site_url="http://h/")
    return {p.src: p.html for p in pages}


def maps_in(html: str) -> list[str]:
    return MAP.findall(html)


@pytest.mark.parametrize(("project", "locale", "src"), CASES, ids=lambda v: str(v).replace("/", "-").removesuffix(".md"))
def test_map_matches_golden(project: str, locale: str, src: str) -> None:
    found = maps_in(_pages(project, locale)[src])
    assert len(found) == 1
    golden = GOLDEN / f"{project}-{locale}-{src.replace('/', '-').removesuffix('.md')}.svg.html"
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(found[0] + "\n", encoding="utf-8")
    assert found[0] + "\n" == golden.read_text(encoding="utf-8")
    etree.fromstring(found[0].encode())  # well-formed: each SVG parses as XML


def test_right_to_left_mirrors_every_x_and_keeps_every_y() -> None:
    en, ar = (etree.fromstring(maps_in(_pages("world", code)["terms/beaker.md"])[0].encode()) for code in ("en", "ar"))
    width = float(ar.find(f"{SVG}svg").get("width"))
    en_rects, ar_rects = list(en.iter(f"{SVG}rect")), list(ar.iter(f"{SVG}rect"))
    assert len(en_rects) == len(ar_rects) and [r.get("y") for r in en_rects] == [r.get("y") for r in ar_rects]
    # The root starts at the left edge left to right, and ends at the right edge right to left.
    assert float(en_rects[0].get("x")) == 1
    assert float(ar_rects[0].get("x")) + float(ar_rects[0].get("width")) == pytest.approx(width - 1, abs=0.2)


def test_labels_are_escaped_text_never_markup(tmp_path: Path) -> None:
    evil = '<script>alert(1)</script> & "quotes"'
    files = {"evil.yaml": concept("evil", en=evil).replace("category: model\n", "category: model\nrelations:\n  related: [kpo]\n")}
    glossary, settings = valid_glossary(tmp_path, files)
    html = render("en", glossary, settings)["terms/evil.md"].html
    drawing = maps_in(html)[0]
    assert "<script>" not in drawing and "&lt;script&gt;" in drawing and "&amp;" in drawing
    tree = etree.fromstring(drawing.encode())
    assert tree.find(f"{SVG}svg/{SVG}title").text.startswith(evil)
    assert not list(tree.iter(f"{SVG}script", "script"))


def test_a_concept_without_relations_has_no_map(tmp_path: Path) -> None:
    glossary, settings = valid_glossary(tmp_path, {"alone.yaml": concept("alone")})
    assert maps_in(render("en", glossary, settings)["terms/alone.md"].html) == []


def test_a_long_group_is_cut_and_counted(tmp_path: Path) -> None:
    n = MAX_ASSOCIATED + 3
    hub = concept("hub").replace("category: model\n", "category: model\nrelations:\n  related: [" + ", ".join(f"s{i:02}" for i in range(n)) + "]\n")
    spokes = {f"s{i:02}.yaml": concept(f"s{i:02}").replace("category: model\n", "category: model\nrelations:\n  related: [hub]\n") for i in range(n)}
    glossary, settings = valid_glossary(tmp_path, {"hub.yaml": hub, **spokes})
    tree = etree.fromstring(maps_in(render("en", glossary, settings)["terms/hub.md"].html)[0].encode())
    links = tree.findall(f"{SVG}svg[@class='glossary-map-nodes']/{SVG}a")
    assert len(links) == 1 + MAX_ASSOCIATED  # the concept itself and the first of its related ones
    assert [t.text for t in tree.iter(f"{SVG}text") if t.get("class") == "m"] == ["+3"]


@pytest.mark.parametrize(
    ("text", "room", "expected"),
    [
        ("short", 200, "short"),
        ("a rather long label for a node", 100, "a rather lo…"),
        ("実験用ガラス器具", 60, "実験用ガ…"),
    ],
)
def test_fit_cuts_at_the_estimated_width(text: str, room: float, expected: str) -> None:
    assert fit(text, 13, room) == expected
    assert text_width(fit(text, 13, room), 13) <= room
