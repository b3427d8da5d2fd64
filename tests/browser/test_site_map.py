"""Concept maps in Chromium: readable at 375 and 1280 px in both palettes, labels inside their boxes and never crossed
by a line, nodes that lead to their pages, right to left mirrored, and no accessibility violation on the page.

Uses the session's two built sites (English and Swedish; the nine-language world fixture): no build of its own.
Screenshots go to tests/.artifacts/site/map-*.png.
"""

from __future__ import annotations

import pytest
from site_helpers import DESKTOP, PHONE, NewPage, Site, axe_violations, shot

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

SCREENS = {"phone": PHONE, "desktop": DESKTOP}
# (site fixture, page, language): a concept among its siblings with narrower and associated ones, in three languages.
PAGES = {
    "en": ("site", "terms/kpo/", "en"),
    "sv": ("site", "sv/terms/kpo/", "sv"),
    "ar": ("world_site", "ar/terms/beaker/", "ar"),
}

# Every text's box, every node's box and every line segment of the map, as the browser lays them out.
GEOMETRY = """svg => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const both = svg.parentElement;  // the image and the layer of nodes over it
    const texts = [...both.querySelectorAll('text')].map(t => ({box: box(t), node: t.previousElementSibling
        && t.previousElementSibling.tagName === 'rect' ? box(t.previousElementSibling) : null, text: t.textContent}));
    const m = svg.getScreenCTM();
    const segments = [];
    for (const p of both.querySelectorAll('path')) {
        let x = 0, y = 0;
        for (const [, cmd, args] of p.getAttribute('d').matchAll(/([MHV])([^MHV]*)/g)) {
            const v = args.trim().split(/[ ,]+/).map(Number);
            const [nx, ny] = cmd === 'M' ? v : cmd === 'H' ? [v[0], y] : [x, v[0]];
            if (cmd !== 'M') {
                const a = new DOMPoint(x, y).matrixTransform(m), b = new DOMPoint(nx, ny).matrixTransform(m);
                segments.push([Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)]);
            }
            [x, y] = [nx, ny];
        }
    }
    const colour = (e, prop) => getComputedStyle(e)[prop];
    const root = both.querySelector('rect'), current = both.querySelector('rect.c'), currentText = current.nextElementSibling, other = both.querySelector('rect:not(.c)');
    return {texts, segments, width: svg.getBoundingClientRect().width, svgLeft: box(svg)[0], svgRight: box(svg)[2], viewBox: svg.viewBox.baseVal.width,
            fontPx: parseFloat(getComputedStyle(both.querySelector('rect + text')).fontSize),
            colours: {current: colour(current, 'fill'), currentText: colour(currentText, 'fill'), other: colour(other, 'fill'),
                      otherText: colour(other.nextElementSibling, 'fill'), page: getComputedStyle(document.body).backgroundColor},
            currentBox: box(current), rootBox: box(root), dir: getComputedStyle(svg).direction};
}"""


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def contrast(a: str, b: str) -> float:
    def lum(css: str) -> float:
        c = [v / 255 for v in _rgb(css)]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _inside(inner: list[float], outer: list[float], slack: float = 0.5) -> bool:
    """A text inside its box: all of its width, and its middle (a line box is taller than the glyphs: Arabic's more so)."""
    middle = (inner[1] + inner[3]) / 2
    return inner[0] >= outer[0] - slack and inner[2] <= outer[2] + slack and outer[1] < middle < outer[3]


def _crosses(segment: list[float], box: list[float]) -> bool:
    return segment[0] < box[2] - 0.5 and segment[2] > box[0] + 0.5 and segment[1] < box[3] - 0.5 and segment[3] > box[1] + 0.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", list(PAGES))
def test_the_map_is_readable_and_no_line_crosses_a_label(request: pytest.FixtureRequest, new_page: NewPage, language: str, screen: str, scheme: str) -> None:
    fixture, path, lang = PAGES[language]
    site: Site = request.getfixturevalue(fixture)
    page = new_page(SCREENS[screen], color_scheme=scheme)
    page.goto(site.url + path)
    svg = page.locator(".glossary-map > svg[role=img]")
    assert svg.count() == 1 and svg.get_attribute("role") == "img"
    # Named by its title and described by the relations list, which says the same in words.
    title_id, list_id = svg.get_attribute("aria-labelledby"), svg.get_attribute("aria-describedby")
    assert page.locator(f".glossary-map title#{title_id}").text_content()
    assert page.locator(f"#{list_id}").evaluate("e => e.tagName") == "DL"
    svg.scroll_into_view_if_needed()
    geometry = svg.evaluate(GEOMETRY)
    shot(page, f"map-{language}-{screen}-{scheme}")
    # Shown at its own size (13 px text) on a phone too: the layout is narrow enough not to be scaled down.
    assert geometry["width"] == pytest.approx(geometry["viewBox"], abs=1) and geometry["fontPx"] == 13
    for t in geometry["texts"]:
        if t["node"] is not None:
            assert _inside(t["box"], t["node"]), f"{t['text']!r} overflows its box in the browser's font"
        glyphs = [t["box"][0], (t["box"][1] + t["box"][3]) / 2 - 6, t["box"][2], (t["box"][1] + t["box"][3]) / 2 + 6]  # 13 px text
        crossing = [s for s in geometry["segments"] if _crosses(s, glyphs)]
        assert not crossing, f"a line crosses {t['text']!r}"
    labels = [[t["box"][0], (t["box"][1] + t["box"][3]) / 2 - 6, t["box"][2], (t["box"][1] + t["box"][3]) / 2 + 6] for t in geometry["texts"]]
    assert all(not _crosses(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :]), "two labels overlap"
    colours = geometry["colours"]
    assert contrast(colours["currentText"], colours["current"]) >= 4.5
    assert contrast(colours["otherText"], colours["other"]) >= 4.5
    # The page's concept hangs from its broader one, indented towards the end of the line: to the left right to left.
    root, current = geometry["rootBox"], geometry["currentBox"]
    if lang == "ar":
        assert geometry["dir"] == "rtl" and current[2] < root[2] - 20 and root[2] - 2 < geometry["svgRight"]
    else:
        assert current[0] > root[0] + 20 and root[0] + 2 > geometry["svgLeft"]


def test_each_node_leads_to_its_page(new_page: NewPage, world_site: Site) -> None:
    page = new_page(PHONE)
    page.goto(world_site.url + "ar/terms/beaker/")
    links = page.locator(".glossary-map-nodes a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert "../laboratory-glassware/" in hrefs and "./" in hrefs  # the broader concept, and the page itself
    # Out of the tab order: the relations list below holds the same links for the keyboard.
    assert set(links.evaluate_all("as => as.map(a => a.getAttribute('tabindex'))")) == {"-1"}
    page.locator(".glossary-map-nodes a[href='../laboratory-glassware/']").click()
    page.wait_for_url("**/ar/terms/laboratory-glassware/")
    assert page.locator("h1").first.text_content() == "أدوات زجاجية مخبرية"


def test_a_category_page_shows_its_concepts_map(new_page: NewPage, world_site: Site) -> None:
    page = new_page(DESKTOP)
    page.goto(world_site.url + "categories/vessel/")
    svg = page.locator(".glossary-map > svg[role=img]")
    assert svg.get_attribute("aria-describedby") == "category-list"
    assert page.locator(".glossary-map-nodes a[href='../../terms/beaker/']").count() == 1
    shot(page, "map-category-en-desktop")


@pytest.mark.parametrize("path", ["ar/terms/beaker/", "terms/graduated-cylinder/"])
def test_no_serious_violation_on_a_concept_page_with_its_map(new_page: NewPage, world_site: Site, path: str) -> None:
    page = new_page(PHONE)
    page.goto(world_site.url + path)
    assert page.locator(".glossary-map > svg[role=img]").count() == 1
    serious = [v for v in axe_violations(page, ".md-content") if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_the_status_page_links_concepts_and_draws_bars(new_page: NewPage, site: Site) -> None:
    page = new_page(PHONE)
    page.goto(site.url + "sv/status/")
    assert page.locator("h1").text_content() == "Översättningsstatus"
    assert page.locator("svg.glossary-status-bar").count() == 2
    shot(page, "status-sv-phone", full_page=True)
    # Each language's badge is published once, under downloads/, and the downloads page shows it.
    page.goto(site.url + "sv/downloads/")
    badges = page.locator(".glossary-status-badges img")
    assert badges.count() == 2 and badges.evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 100)")
    serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
