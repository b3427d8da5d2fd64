"""Rendering: the glossary model → pages (HTML fragments) for one locale, independent of MkDocs."""

from glossary_tool.render.pages import RenderedPage, render_locale

__all__ = ["RenderedPage", "render_locale"]
