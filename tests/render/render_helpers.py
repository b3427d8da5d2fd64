"""Rendering the fixture glossary for the render tests."""

from __future__ import annotations

from typing import Any

from conftest import FIXTURES, ROOT

from glossary_tool.config import load_settings
from glossary_tool.lint import run
from glossary_tool.model import Glossary
from glossary_tool.render import RenderedPage, render_locale

SETTINGS = load_settings(ROOT / "mkdocs.yml")


def render(locale: str, glossary: Glossary | None = None, **kw: Any) -> dict[str, RenderedPage]:
    g = glossary or run(SETTINGS, [FIXTURES / "valid"]).glossary
    pages = render_locale(g, SETTINGS, locale, site_name="S", site_url=f"http://h/{'' if locale == 'en' else locale + '/'}", **kw)
    return {p.src: p for p in pages}
