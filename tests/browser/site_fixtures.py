"""The fixtures of the site's browser tests: the built site on two servers, Chromium, and pages of a given size.

Each test_site_*.py loads this module as a plugin (``pytest_plugins``), so the session fixtures exist once for all of
them. A conftest.py in this folder would not do: it would shadow tests/conftest.py, which other folders import.

Playwright's sync API allows one instance per thread, and test_browser.py keeps its own running in the main thread
for the whole session. So Chromium is driven here from a thread of its own, and each test that uses it runs there.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize
from site_helpers import CHROMIUM, DESKTOP, FLAGS, NewPage, Site, make_project, make_world, serve

from glossary_tool.site.build import build_project


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    with contextlib.ExitStack() as stack:
        port = stack.enter_context(serve(root))
        other = stack.enter_context(serve(root))
        project = tmp_path_factory.mktemp("project")
        make_project(project, port)
        build_project(project / "mkdocs.yml", root, outside_ok=True)
        yield Site(root, f"http://127.0.0.1:{port}/", f"http://localhost:{other}/")


@pytest.fixture(scope="session")
def world_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The multilingual fixture project (tests/fixtures/projects/world) built once for every test that uses it."""
    root = tmp_path_factory.mktemp("world-site")
    with serve(root) as port:
        project = tmp_path_factory.mktemp("world-project")
        make_world(project, port)
        build_project(project / "mkdocs.yml", root, outside_ok=True)
        yield Site(root, f"http://127.0.0.1:{port}/", "")


@pytest.fixture(scope="session")
def playwright_thread() -> Iterator[ThreadPoolExecutor]:
    """The one thread that talks to Chromium (a pool of one keeps the same thread for every call)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="site-playwright") as pool:
        yield pool


@pytest.fixture(scope="session")
def chromium(playwright_thread: ThreadPoolExecutor) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; 'make test' installs Debian's chromium")
    from playwright.sync_api import Playwright, sync_playwright

    def start() -> tuple[Playwright, Browser]:
        playwright = sync_playwright().start()
        return playwright, playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)

    playwright, browser = playwright_thread.submit(start).result()
    yield browser

    def stop() -> None:
        browser.close()
        playwright.stop()

    playwright_thread.submit(stop).result()


@pytest.fixture
def new_page(chromium: Browser, playwright_thread: ThreadPoolExecutor) -> Iterator[NewPage]:
    """new_page(viewport={...}, **context options) → a page in a fresh context, closed after the test.

    Called from the test, which runs on Chromium's thread (pytest_pyfunc_call below)."""
    contexts: list[BrowserContext] = []

    def make(viewport: ViewportSize | None = None, **options: Any) -> Page:
        context = chromium.new_context(viewport=viewport or DESKTOP, **options)
        contexts.append(context)
        return context.new_page()

    yield make

    def close() -> None:
        for context in contexts:
            context.close()

    playwright_thread.submit(close).result()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run a test that uses Chromium on Chromium's thread; every other test runs as usual."""
    pool = pyfuncitem.funcargs.get("playwright_thread")
    if not isinstance(pool, ThreadPoolExecutor):
        return None
    test = pyfuncitem.obj
    arguments = {name: pyfuncitem.funcargs[name] for name in inspect.signature(test).parameters}
    pool.submit(lambda: test(**arguments)).result()
    return True
