"""What the site's browser tests share: the built project, its servers, Chromium, and small page helpers.

The shipped glossary is copied into a git repository of its own with one commit on a known date, built with
``glossary-tool build`` and served on loopback ports by a server that answers unknown paths with the 404 page.
The fixtures are in site_fixtures.py.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict
from urllib.parse import urlsplit

from conftest import git
from playwright.sync_api import Page, ViewportSize

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / ".artifacts"
SCREENSHOTS = ARTIFACTS / "site"
AXE = ARTIFACTS / "node_modules" / "axe-core" / "axe.min.js"
PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
COMMIT_DATE = "2024-05-06"  # the date of the project copy's only commit: every entry's last change
REPO_URL = "https://example.org/glossary-source"
COPYRIGHT = "© The authors <b>not bold</b>"  # markup in mkdocs.yml must show as text
SOURCE_URL = "https://example.org/bpo-vs-kpo-difference"
# A Swedish definition longer than any summary, without a sentence end: summaries of it must be cut between words.
LONG_DEFINITION = " ".join(["personalomsättning i outsourcingbranschen med höga kostnader för rekrytering"] * 4)


@dataclass(frozen=True)
class Site:
    """The built site: where it is on disk, its URL, and the same files under another host name and port."""

    root: Path
    url: str  # http://127.0.0.1:PORT/, the site_url it was built with
    other_url: str  # http://localhost:OTHER/, the same files

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; an unknown path gets the root 404 page with status 404, as static hosts answer."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(directory: Path) -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def make_project(project: Path, port: int) -> None:
    """The shipped glossary, with a repository link, a copyright, a source URL and one long definition added;
    committed on ``COMMIT_DATE``, except ``attrition``, which is edited afterwards (so it shows the build date)."""
    for name in ("content", "locales"):
        shutil.copytree(ROOT / name, project / name)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("site_url: http://127.0.0.1:8000/", f'site_url: http://127.0.0.1:{port}/\nrepo_url: {REPO_URL}\ncopyright: "{COPYRIGHT}"')
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    kpo = project / "content" / "concepts" / "kpo.yaml"
    title = "    title: BPO vs. KPO — What's the Difference?\n"
    source = kpo.read_text(encoding="utf-8")
    assert title in source, "kpo.yaml no longer cites that source; pick another one here"
    kpo.write_text(source.replace(title, title + f"    url: {SOURCE_URL}\n", 1), encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "glossary", date=f"{COMMIT_DATE}T12:00:00+00:00")
    attrition = project / "content" / "concepts" / "attrition.yaml"
    # The Swedish definition, folded (">-" and indented lines) or on one line, becomes the long one.
    text, count = re.subn(
        r"(\n  sv:\n(?:.*\n)*?    definition: )(?:>-\n(?:      .*\n)+|\S.*\n)",
        lambda m: m.group(1) + f">-\n      {LONG_DEFINITION}\n",
        attrition.read_text(encoding="utf-8"),
        count=1,
    )
    assert count == 1, "attrition.yaml has no Swedish definition any more; pick another concept here"
    attrition.write_text(text, encoding="utf-8")


WORLD = ROOT / "tests" / "fixtures" / "projects" / "world"


def make_world(project: Path, port: int) -> None:
    """The multilingual fixture project (nine languages, seven scripts), served on ``port``."""
    shutil.copytree(WORLD / "content", project / "content")
    text = (WORLD / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("site_url: http://127.0.0.1:8000/", f"site_url: http://127.0.0.1:{port}/"), encoding="utf-8")


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """A screenshot under tests/.artifacts/site/, to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def visible_rect(page: Page, selector: str) -> dict[str, float]:
    rect: dict[str, float] = page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height} }"
    )
    return rect


class Violation(TypedDict):
    """One axe-core violation as axe_violations reports it: its first five nodes, each as "selector: summary"."""

    id: str
    impact: str | None
    help: str
    nodes: list[str]


def axe_violations(page: Page, within: str = "document") -> list[Violation]:
    """axe-core's violations on the page as it is now, or in the elements ``within`` (a CSS selector) selects (the
    script is added inline, once: no request is made for it)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result: list[Violation] = page.evaluate(
        """async (within) => {
        const r = await axe.run(within === "document" ? document : {include: [[within]]}, {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n").slice(1, 2).join(""))}));
    }""",
        within,
    )
    return result


NewPage = Callable[..., Page]  # the new_page fixture (site_fixtures.py)
