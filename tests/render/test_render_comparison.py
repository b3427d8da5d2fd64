"""Comparison pages: one row per dimension, labels in the locale."""

from __future__ import annotations

import pytest
from render_helpers import render


@pytest.mark.parametrize("locale", ["en", "sv"])
def test_comparison_table(locale: str) -> None:
    html = render(locale)["compare/bpo-vs-kpo.md"].html
    assert html.count('<tr id="focus">') == 1
    assert ("Fokus" if locale == "sv" else "Focus") in html
