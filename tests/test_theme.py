"""How a locale's build sets up Material: palette labels, fonts, footer values, alternates and Open Graph locales."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from glossary_tool.core.config import load_settings
from glossary_tool.core.problems import BuildFailed
from glossary_tool.site import theme


def config_for(tmp_path: Path, extra_theme: str = "") -> MkDocsConfig:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  font: false", extra_theme or "  font: false")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize(("code", "expected"), [("sv", "sv_SE"), ("en", "en_US"), ("pt-BR", "pt_BR"), ("de", "de_DE"), ("nb", "nb_NO")])
def test_open_graph_locale(code: str, expected: str) -> None:
    assert theme.og_locale(code) == expected


def test_a_swedish_build(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    settings = load_settings(tmp_path / "mkdocs.yml")
    theme.configure(config, settings, settings.locale("sv"), "http://example.org/glossary/")
    assert config.site_url == "http://example.org/glossary/sv/" and config.theme["language"] == "sv"
    assert config.theme["font"] is False
    assert [p["toggle"]["name"] for p in config.theme["palette"]] == ["Byt till mörkt läge", "Byt till ljust läge"]
    # the switch's links (on pages without alternates, such as the 404 page) are paths: they work under any host
    assert [a["link"] for a in config.extra["alternate"]] == ["/glossary/", "/glossary/sv/"]
    assert config.extra["glossary_locale"] == "sv" and config.extra["glossary_og_locale"] == "sv_SE"
    assert "glossary_og_alternates" not in config.extra  # no page lists its other languages in Open Graph tags
    assert config.extra["glossary_sitemaps"] == []  # only the root's sitemap is an index
    assert config.extra["glossary_license"] == "CC BY 4.0" and config.extra["glossary_license_label"] == "Licens"


def test_the_root_sitemap_indexes_every_languages_sitemap(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    settings = load_settings(tmp_path / "mkdocs.yml")
    first = settings.locales[0]
    theme.configure(config, settings, first, "http://example.org/glossary/")
    assert config.extra["glossary_sitemaps"] == ["http://example.org/glossary/sitemap-root.xml", "http://example.org/glossary/sv/sitemap.xml"]
    config = load_config(str(tmp_path / "mkdocs.yml"))
    theme.configure(config, settings, first, "/")  # no site_url: no full URLs to name, as MkDocs' sitemap names none
    assert config.extra["glossary_sitemaps"] == []


def test_a_font_from_googles_servers_is_not_used_and_the_build_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = config_for(tmp_path, "  font:\n    text: Inter")
    settings = load_settings(tmp_path / "mkdocs.yml")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.glossary"):
        theme.configure(config, settings, settings.locale("en"), "http://h/")
    assert config.theme["font"] is False
    assert any("theme.font is not used" in r.getMessage() for r in caplog.records)


def test_the_navigation_is_pruned_unless_the_project_expands_it(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    settings = load_settings(tmp_path / "mkdocs.yml")
    theme.configure(config, settings, settings.locale("en"), "http://example.org/")
    assert config.theme["features"].count("navigation.prune") == 1 and "navigation.tabs" in config.theme["features"]
    theme.prune_navigation(config)  # once only
    assert config.theme["features"].count("navigation.prune") == 1
    config.theme["features"] = ["navigation.expand"]  # Material cannot prune an expanded navigation
    theme.prune_navigation(config)
    assert config.theme["features"] == ["navigation.expand"]


def test_every_icon_the_theme_replaces_is_drawn_by_the_style_sheet() -> None:
    import re

    from glossary_tool.core.mkdocs_compat import material_theme_defaults

    icons = sorted((theme.ASSETS / ".icons").rglob("*.svg"))
    css = (theme.ASSETS / "assets" / "glossary.css").read_text(encoding="utf-8")
    material = material_theme_defaults().parent / ".icons"
    assert len(icons) >= 10
    for icon in icons:
        name = icon.relative_to(theme.ASSETS / ".icons")
        assert (material / name).is_file(), f"{name} replaces none of Material's icons"
        found = re.fullmatch(r'<svg class="(glossary-icon-[a-z-]+)"></svg>', icon.read_text(encoding="utf-8"))
        assert found and found[1] == f"glossary-icon-{name.stem}", name
        # its shape is Material's, painted by the style sheet
        rule = re.search(rf"\.{found[1]} {{ --glossary-icon: url\(\"data:image/svg\+xml;charset=utf-8,(.*?)\"\); }}", css)
        shape = re.sub(r"<!--.*?-->", "", (material / name).read_text(encoding="utf-8").strip()).replace('"', "'")
        assert rule and rule[1] == shape, name


def test_no_font_warning_for_materials_default(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  font: false", "")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    config = load_config(str(tmp_path / "mkdocs.yml"))
    settings = load_settings(tmp_path / "mkdocs.yml")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.glossary"):
        theme.configure(config, settings, settings.locale("en"), "http://h/")
    assert config.theme["font"] is False and not caplog.records


def test_the_language_pairs_are_one_entry_of_the_navigation_and_the_categories_a_group() -> None:
    from glossary_tool.lint import run
    from glossary_tool.site.render import render_locale

    settings = load_settings(ROOT / "mkdocs.yml")
    glossary = run(settings, [ROOT / "tests" / "fixtures" / "valid"]).glossary
    pages = render_locale(glossary, settings, "sv", site_name="S", site_url="http://h/sv/")
    nav = theme.nav(pages, settings, "sv")
    groups = {next(iter(item)): next(iter(item.values())) for item in nav}
    assert groups["Språkpar"] == "glossary.md"  # the list of the site's pairs: the navigation does not grow with the languages
    assert not any(isinstance(v, str) and v.startswith("glossary/") for v in groups.values())
    assert "Begreppsgrupper" in groups  # the project's word for categories (locales/sv)


@pytest.mark.parametrize(("repo_url", "linked"), [("https://example.org/repo", "https://example.org/repo"), ("javascript://x%0Aalert(1)", "")])
def test_only_an_http_repository_url_is_linked(tmp_path: Path, repo_url: str, linked: str) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("site_url:", f"repo_url: {repo_url}\nsite_url:")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    config = load_config(str(tmp_path / "mkdocs.yml"))
    settings = load_settings(tmp_path / "mkdocs.yml")
    theme.configure(config, settings, settings.locale("en"), "http://h/")
    assert config.extra["glossary_repo_url"] == linked


@pytest.mark.parametrize(
    ("code", "material"),
    [
        ("sv", "sv"),
        ("pt-BR", "pt-BR"),
        ("zh-Hans", "zh"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-TW"),
        ("ar", "ar"),
        ("sr", "sr"),
        ("sr-Latn", "sh"),  # Material's sr is Cyrillic; its Latin Serbian is called sh
        ("zu", None),
        ("ku", None),  # no translation at all; Material's Kurdish (ku-IQ) is in Arabic script, ku in Latin
        ("ckb", "ku-IQ"),
        ("fil", "tl"),  # Central Kurdish and Filipino, which Material calls ku-IQ and tl
        ("sr-Latn-RS", "sh"),
        ("zh-Hant-HK", "zh-Hant"),
    ],
)
def test_materials_language_is_the_closest_in_the_same_script(code: str, material: str | None) -> None:
    assert theme.material_language(code) == material


def test_html_lang_is_the_configured_tag_whatever_materials_language(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    settings = load_settings(tmp_path / "mkdocs.yml")
    for code, material, direction in (("zu", "en", "ltr"), ("sr-Latn", "sh", "ltr"), ("ar", "ar", "rtl")):
        loc = dataclasses.replace(settings.locales[1], code=code)
        theme.configure(config, settings, loc, "/")
        assert (config.theme["language"], config.extra["glossary_locale"], config.theme["direction"]) == (material, code, direction)
    page = '<!doctype html>\n<html lang="ar" class="no-js">\n<head></head><body dir="rtl"></body></html>'
    assert '<html lang="ar" dir="rtl" class="no-js">' in theme.with_direction(page, "ar")
    assert '<html lang="zu" dir="ltr" class="no-js">' in theme.with_direction(page.replace('"ar"', '"zu"'), "zu")


def test_one_interface_warning_per_language_and_an_error_only_when_asked(tmp_path: Path) -> None:
    config_for(tmp_path)
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        text.replace("        - code: sv\n", "        - {code: zu}\n        - {code: ha}\n        - code: sv\n"), encoding="utf-8"
    )
    settings = load_settings(tmp_path / "mkdocs.yml")
    warnings = theme.interface_warnings(settings)
    assert len(warnings) == 2 and "'zu' has no UI catalog" in warnings[0] and "Material for MkDocs has no translation" in warnings[0]
    assert "'ha' has no UI catalog" in warnings[1]
    emitted: list[str] = []
    theme.report_interface(settings, emitted.append)
    assert emitted == warnings
    with pytest.raises(BuildFailed) as failed:
        theme.report_interface(dataclasses.replace(settings, missing_catalog="error"), emitted.append)
    assert "'zu'" in str(failed.value) and "'ha'" in str(failed.value) and "missing_catalog: error" in str(failed.value)


def test_a_build_without_icu_says_its_listings_use_the_plain_order(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.site.render import collation

    config = config_for(tmp_path)
    settings = load_settings(tmp_path / "mkdocs.yml")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.glossary"):
        theme.configure(config, settings, settings.locale("sv"), "/")
        assert "ICU is not installed" not in caplog.text
        monkeypatch.setattr(collation, "icu", None)
        (tmp_path / "again").mkdir()
        theme.configure(config_for(tmp_path / "again"), settings, settings.locale("sv"), "/")
    assert "ICU is not installed" in caplog.text and "'sv'" in caplog.text
    assert all(r.levelno == logging.INFO for r in caplog.records if "ICU" in r.getMessage())  # never fails a strict build


def test_compact_makes_each_line_break_and_its_indentation_one_line_break_outside_preformatted_text_and_scripts() -> None:
    page = (
        '<html>\n  <body>\n    \n    <p>a\n       b <a href="x">c</a>\n    </p>\n    <pre>x\n   y</pre>\n'
        "    <textarea>\n  t</textarea>\n  <script>if (a\n   < b) {}</script>\n  <!-- c\n  d -->\n  <style>p {\n  color: red }</style>\n</body>"
    )
    assert theme.compact(page) == (
        '<html>\n<body>\n<p>a\nb <a href="x">c</a>\n</p>\n<pre>x\n   y</pre>\n<textarea>\n  t</textarea>\n'
        "<script>if (a\n   < b) {}</script>\n<!-- c\n  d -->\n<style>p {\n  color: red }</style>\n</body>"
    )
    assert theme.compact("<p>no line break  here</p>") == "<p>no line break  here</p>"
    assert theme.compact("<script>unclosed\n   ") == "<script>unclosed\n   "


def test_a_pages_alternates_are_the_languages_whose_site_has_it() -> None:
    from glossary_tool.core.config import Locale

    shipped = load_settings(ROOT / "mkdocs.yml")
    settings = dataclasses.replace(shipped, locales=(*shipped.locales, Locale("de", "Deutsch", "de/", None, None, None)), pairs=(("sv", "de"),))
    concept = theme.alternates(settings, "de", "http://h/", "terms/kpo/")
    assert [(a["code"], a["href"], a["abs"]) for a in concept] == [
        ("en", "../../../terms/kpo/", "http://h/terms/kpo/"),
        ("sv", "../../../sv/terms/kpo/", "http://h/sv/terms/kpo/"),
        ("de", "./", "http://h/de/terms/kpo/"),
    ]
    # a language pair is in its two languages' sites: the first of them, not the first language, is its x-default
    pair = theme.alternates(settings, "de", "http://h/", "glossary/sv-de/")
    assert [(a["code"], a["abs"]) for a in pair] == [("sv", "http://h/sv/glossary/sv-de/"), ("de", "http://h/de/glossary/sv-de/")]
