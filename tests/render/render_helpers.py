"""Rendering the fixture glossary for the render tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FIXTURES, ROOT, valid_glossary

from glossary_tool.core.config import Settings, load_settings
from glossary_tool.core.model import Glossary
from glossary_tool.lint import run
from glossary_tool.site.render import RenderedPage, render_locale

SETTINGS = load_settings(ROOT / "mkdocs.yml")


def site_url(locale: str) -> str:
    return f"http://h/{'' if locale == 'en' else locale + '/'}"


def render(locale: str, glossary: Glossary | None = None, settings: Settings = SETTINGS, **kw: Any) -> dict[str, RenderedPage]:
    g = glossary or run(settings, [FIXTURES / "valid"]).glossary
    pages = render_locale(g, settings, locale, site_name="S", site_url=site_url(locale), **kw)
    return {p.src: p for p in pages}


def render_with(tmp_path: Path, files: dict[str, str], locale: str, **kw: Any) -> dict[str, RenderedPage]:
    """The valid fixtures plus ``files`` (inline YAML entries), linted clean and rendered in ``locale``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    glossary, settings = valid_glossary(tmp_path, files)
    return render(locale, glossary, settings, **kw)
