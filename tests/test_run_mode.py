"""The three run modes: how a locale's build learns which one it is in, and what each does besides building."""

from __future__ import annotations

from conftest import ROOT

from glossary_tool.core.config import read_config, settings_from_raw
from glossary_tool.site.locale_builds import LOCALE_ENV, REQUEST, BuildRequest, build_locale_of
from glossary_tool.site.run_mode import RunMode


def test_each_way_of_starting_a_build_names_its_mode_and_locale() -> None:
    settings = settings_from_raw(read_config(ROOT / "mkdocs.yml"))
    first, second = settings.locales[0].code, settings.locales[1].code
    assert build_locale_of(settings, {}) == (first, RunMode.MKDOCS)
    assert build_locale_of(settings, {LOCALE_ENV: second}) == (second, RunMode.BUILD)
    assert build_locale_of(settings, {LOCALE_ENV: "xx-unknown"}) == (first, RunMode.MKDOCS)
    token = REQUEST.set(BuildRequest(second))
    try:
        assert build_locale_of(settings, {LOCALE_ENV: first}) == (second, RunMode.SERVE)  # this process asked for it
    finally:
        REQUEST.reset(token)


def test_what_each_mode_does_besides_building() -> None:
    assert [m for m in RunMode if m.starts_others] == [RunMode.MKDOCS]
    assert [m for m in RunMode if m.keeps_state] == [RunMode.SERVE]
    assert [m for m in RunMode if not m.chosen] == [RunMode.MKDOCS]
    assert RunMode.BUILD.help and RunMode.SERVE.help and RunMode.BUILD.help != RunMode.SERVE.help
