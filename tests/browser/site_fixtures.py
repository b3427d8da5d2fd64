"""The fixtures of the site's browser tests: the built site on two servers, Chromium, and pages of a given size.

Each test_site_*.py loads this module as a plugin (``pytest_plugins``), so the session fixtures exist once for all of
them. A conftest.py in this folder would not do: it would shadow tests/conftest.py, which other folders import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from site_helpers import CHROMIUM, DESKTOP, FLAGS, NewPage, Site, make_project, serve

from glossary_tool.build import build_project


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    with contextlib.ExitStack() as stack:
        port = stack.enter_context(serve(root))
        other = stack.enter_context(serve(root))
        project = tmp_path_factory.mktemp("project")
        make_project(project, port)
        build_project(project / "mkdocs.yml", root)
        yield Site(root, f"http://127.0.0.1:{port}/", f"http://localhost:{other}/")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; 'make test' installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium: Browser) -> Iterator[NewPage]:
    """new_page(viewport={...}, **context options) → a page in a fresh context, closed after the test."""
    contexts: list[BrowserContext] = []

    def make(viewport: dict[str, int] | None = None, **options: Any) -> Page:
        context = chromium.new_context(viewport=viewport or DESKTOP, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
