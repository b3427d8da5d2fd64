"""Comparison pages: one row per dimension, labels in the locale."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, ROOT
from glossary_tool.lint import run
from glossary_tool.model import Glossary
from glossary_tool.render.context import relative
from render_helpers import SETTINGS, render


@pytest.mark.parametrize("locale", ["en", "sv"])
def test_comparison_table(locale: str) -> None:
    html = render(locale)["compare/bpo-vs-kpo.md"].html
    assert html.count('<tr id="focus">') == 1
    assert ("Fokus" if locale == "sv" else "Focus") in html
