"""``glossary-tool serve``: an edit shows everywhere it should, and the server survives broken edits, FIFOs and unreadable files.

The shipped glossary is copied into a temporary project and served on a loopback port from this process.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Browser

from glossary_tool.core.config import read_config, settings_from_raw
from glossary_tool.core.loading import load_glossary
from glossary_tool.core.model import Glossary
from glossary_tool.core.translation import stale_fields
from glossary_tool.lint.reporters import REPORTERS
from glossary_tool.site import search_index
from glossary_tool.site.render import RenderedPage, render_locale
from glossary_tool.site.render.context import RenderContext
from glossary_tool.site.serve import EVENTS, LIVERELOAD, Broken, LocaleSite, Project, Snapshot, State, Wakeup, handler_for, snapshot, watch
from glossary_tool.site.serve.server import livereload_script
from glossary_tool.site.serve.watching import restat


class Served:
    def __init__(self, project: Project, state: State, url: str) -> None:
        self.project, self.state, self.url = project, state, url
        self.published: list[Snapshot] = []  # the files as they were read, at each result the watcher published

    def wait_published(self, timeout: float = 30) -> None:
        """Until the watcher has read the files as they are now and published the result (a build or an error)."""
        now = snapshot(self.project.watched, [self.project.raw.path])
        deadline = time.monotonic() + timeout
        while now not in self.published and time.monotonic() < deadline:
            time.sleep(0.02)
        assert now in self.published, "the files as they are now were never read"

    def get(self, path: str, timeout: float = 5) -> str:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
            body: bytes = r.read()
            return body.decode("utf-8")

    def wait_epoch(self, epoch: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        # A rebuild tells the browsers twice: when the edited entries' own pages are ready (partial), and at its end.
        while (self.state.epoch <= epoch or self.state.partial) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.state.epoch > epoch and not self.state.partial, f"no rebuild; error: {self.state.error}"

    def wait_error(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while not self.state.error and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.state.error


def _copy_of_the_project(tmp_path: Path) -> Path:
    """The repository's glossary (mkdocs.yml, content/, locales/) copied to its own folder, to be edited freely."""
    project_dir = tmp_path / "project"
    project_dir.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project_dir / "mkdocs.yml")
    for name in ("content", "locales"):
        shutil.copytree(ROOT / name, project_dir / name)
    return project_dir


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    raw = read_config(_copy_of_the_project(tmp_path) / "mkdocs.yml")
    project = Project(raw, settings_from_raw(raw), tmp_path / "out")
    project.full()
    state = State()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(project, state))
    server.daemon_threads = True
    served = Served(project, state, f"http://127.0.0.1:{server.server_address[1]}/")
    publish = state.publish

    def recorded(*, bump: bool, error: str, full: bool = False, partial: bool = False) -> None:
        served.published.append(project.files)  # the watcher publishes right after it read these
        publish(bump=bump, error=error, full=full, partial=partial)

    monkeypatch.setattr(state, "publish", recorded)
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watch, args=(project, state, stop), daemon=True).start()
    yield served
    stop.set()
    server.shutdown()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_term_shows_on_its_page_the_index_pages_linking_to_it_and_in_search(served: Served) -> None:
    content = served.project.settings.content_dir
    assert "Kunskapsbaserad outsourcing" not in served.get("sv/index-a-z/")
    epoch = served.state.epoch
    _edit(content / "concepts" / "kpo.yaml", "text: outsourcing av kunskapsprocesser", "text: kunskapsbaserad outsourcing")
    served.wait_epoch(epoch)
    assert "kunskapsbaserad outsourcing" in served.get("sv/terms/kpo/")
    assert "kunskapsbaserad outsourcing" in served.get("sv/index-a-z/").lower()
    # A page that links to KPO in its relations gets the new short definition in the link's tooltip; the English
    # page of the concept lists the Swedish term among its other names in the search index.
    manifest = json.loads(served.get("sv/search/manifest.json"))
    from glossary_tool.core import words
    from glossary_tool.site.search_index import bucket

    seq = " ".join(words.stem(w, "sv") for w in ("kunskapsbaserad", "outsourcing"))
    shard = json.loads(served.get(f"sv/search/{manifest['v']}/t/{bucket(seq, manifest['buckets']['t'])}.json"))
    assert seq in shard, list(shard)[:10]
    epoch = served.state.epoch
    _edit(content / "concepts" / "kpo.yaml", "      Outsourcing of knowledge-intensive work", "      SPECIALISED-EDIT outsourcing of knowledge-intensive work")
    served.wait_epoch(epoch)
    linking = [p for p in ("terms/bpo/", "terms/lpo/", "terms/rpo/") if "SPECIALISED-EDIT" in served.get(p)]
    assert linking, "no page linking to KPO shows its new short definition"


def test_a_broken_edit_keeps_the_last_good_pages_shows_the_error_and_recovers(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    target = served.project.settings.content_dir / "concepts" / "kpo.yaml"
    good = target.read_text(encoding="utf-8")
    before = served.get("terms/kpo/")
    target.write_text(good.replace("kind: concept", "kind: concept\n  bad: [indent", 1), encoding="utf-8")
    error = served.wait_error()
    assert "kpo.yaml" in error and "yaml" in error.lower()
    assert served.get("terms/kpo/") == before  # every request is still answered, with the last good page
    news = json.loads(served.get(f"{EVENTS.lstrip('/')}?epoch={served.state.epoch}&error="))
    assert news["error"] == error  # what the page's banner shows
    assert LIVERELOAD in before  # the live-reload script (which shows the banner) is on every page
    assert "not rebuilt" in capsys.readouterr().err
    epoch = served.state.epoch
    target.write_text(good.replace("expert\n      judgement", "expert\n      judgement, fixed,", 1), encoding="utf-8")
    served.wait_epoch(epoch)
    assert served.state.error == ""


def test_a_broken_file_stays_reported_while_another_file_is_edited(served: Served) -> None:
    concepts = served.project.settings.content_dir / "concepts"
    kpo = concepts / "kpo.yaml"
    good = kpo.read_text(encoding="utf-8")
    kpo.write_text(good.replace("kind: concept", "kind: concept\n  bad: [indent", 1), encoding="utf-8")
    assert "kpo.yaml" in served.wait_error()
    epoch = served.state.epoch
    _edit(concepts / "bpo.yaml", "kind: concept", "kind: concept\n# NEIGHBOUR-EDIT")
    served.wait_published()  # the neighbour's edit is read, with kpo.yaml again
    assert "kpo.yaml" in served.state.error and served.state.epoch == epoch
    kpo.write_text(good.replace("expert\n      judgement", "expert\n      judgement, FIXED-EDIT,", 1), encoding="utf-8")
    served.wait_epoch(epoch)
    assert served.state.error == ""
    assert "FIXED-EDIT" in served.get("terms/kpo/")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_an_unreadable_file_never_blocks_the_server(served: Served) -> None:
    content = served.project.settings.content_dir
    os.mkfifo(content / "concepts" / "pipe.yaml")
    error = served.wait_error()
    assert "pipe.yaml" in error and "not a regular file" in error
    assert "<h1" in served.get("terms/kpo/", timeout=5)
    (content / "concepts" / "pipe.yaml").unlink()
    locked = content / "concepts" / "locked.yaml"
    shutil.copy(content / "concepts" / "kpo.yaml", locked)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to test there
            return
        deadline = time.monotonic() + 30
        while "locked.yaml" not in served.state.error and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "locked.yaml" in served.state.error
        assert "<h1" in served.get("sv/terms/kpo/", timeout=5)
    finally:
        locked.chmod(0o644)
        locked.unlink()


def _fresh(site: LocaleSite, glossary: Glossary) -> tuple[dict[str, RenderedPage], dict[str, bytes]]:
    """The pages and the search index a full build of ``site``'s locale makes of ``glossary``."""
    state = site.state
    assert state is not None
    settings = state.settings
    # The dates and downloads are what the server knows: an edited entry changed today, the exports wait for a full build.
    pages = render_locale(
        glossary,
        settings,
        site.code,
        site_name=site.config.site_name,
        site_url=site.config.site_url,
        stale=lambda c, code: stale_fields(c, code, settings.source_locale),
        changed=state.dates,
        today=state.today,
        downloads=state.downloads,
    )
    return {p.src: p for p in pages}, search_index.Index(site.code).files(search_index.records(glossary, settings, site.code, pages))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# (file, old text, new text, what it changes): each edit is applied after the one before.
EDITS = [
    ("concepts/kpo.yaml", "      Outsourcing of knowledge-intensive work", "      Specialised outsourcing of knowledge-intensive work", "a definition"),
    ("concepts/kpo.yaml", "text: outsourcing av kunskapsprocesser", "text: kunskapsbaserad outsourcing", "a Swedish term"),
    ("concepts/business-research.yaml", "service_of: [kpo, rpo]", "service_of: [kpo, bpo]", "an inverse relation"),
    ("faq/faq-abbreviations-bpo-kpo-lpo-rpo.yaml", "question: What do the abbreviations", "question: What do the four abbreviations", "a question"),
    ("comparisons/bpo-vs-kpo.yaml", "en: Higher; specialist knowledge", "en: Much higher; specialist knowledge", "a comparison cell"),
    ("concepts/outsourcing-destination.yaml", "category: location", "category: general", "a category"),
    ("comparisons/bpo-vs-kpo.yaml", "title: BPO and KPO compared", "title: BPO and KPO side by side", "a title in the navigation"),
]


def test_every_edit_leaves_the_pages_and_the_index_a_full_build_would_make(tmp_path: Path) -> None:
    raw = read_config(_copy_of_the_project(tmp_path) / "mkdocs.yml")
    settings = settings_from_raw(raw)
    project = Project(raw, settings, tmp_path / "out")
    project.full()
    partial = 0
    for path, old, new, what in EDITS:
        _edit(settings.content_dir / path, old, new)
        before = [dict(site.state.pages) for site in project.sites if site.state is not None]
        urls = project.refresh(snapshot(project.watched, [raw.path]))
        assert urls, what
        partial += urls != ["*"]
        assert project.glossary is not None
        differing: Counter[str] = Counter()
        for site, known in zip(project.sites, before, strict=True):
            assert site.state is not None
            pages, index = _fresh(site, project.glossary)
            assert site.state.pages == pages, (what, site.code, [src for src in pages if site.state.pages.get(src) != pages[src]])
            assert site.state.index_files == index, (what, site.code)
            # The render context the edit updated is the one a full build makes: the same links for the same terms.
            assert site.ctx is not None and site.ctx.glossary is project.glossary
            made = RenderContext(
                project.glossary,
                settings,
                site.code,
                site.state.site_name,
                site.config.site_url,
                site.ctx.stale,
                site.state.dates,
                site.state.today,
                site.state.downloads,
            )
            assert (site.ctx.concepts, site.ctx.matcher.by_text, site.ctx.matcher.pattern) == (made.concepts, made.matcher.by_text, made.matcher.pattern)
            differing.update(page.url for src, page in pages.items() if known.get(src) != page)
        if urls != ["*"]:  # exactly the pages whose content differs are templated again, in every locale
            assert Counter(urls) == differing, what
    assert partial >= 5  # only the new title in the navigation needs every page built again
    fresh = Project(raw, settings, tmp_path / "fresh")
    fresh.full()
    for site, other in zip(project.sites, fresh.sites, strict=True):
        built, expected = _tree(Path(site.config.site_dir)), _tree(Path(other.config.site_dir))
        assert built.keys() == expected.keys(), site.code
        assert [f for f in built if built[f] != expected[f]] == [], site.code


# (file, old text, new text, the rule it breaks): each is saved, refused with a clean lint's report, then undone.
BREAKING = [
    ("concepts/kpo.yaml", "      - text: KPO\n", "      - text: BPO\n", "duplicate-term"),
    ("concepts/kpo.yaml", "  contrast: [bpo]", "  contrast: [bpo, nowhere]", "unresolved-reference"),
    ("concepts/outsourcing.yaml", "relations:\n  narrower:", "relations:\n  broader: [kpo]\n  narrower:", "broader-cycle"),
    ("concepts/kpo.yaml", "id: kpo\n", "id: kpo-renamed\n", "unresolved-reference"),  # every link to kpo points nowhere now
    (
        "concepts/kpo.yaml",
        "      - text: KPO\n        type: acronym\n        status: preferred",
        "      - text: BPO\n        type: acronym\n        status: deprecated",
        "deprecated-term-of-other-concept",
    ),
]


def test_an_edit_that_breaks_a_rule_is_refused_with_a_clean_lints_report_and_the_next_good_edit_renders_as_a_full_build(tmp_path: Path) -> None:
    raw = read_config(_copy_of_the_project(tmp_path) / "mkdocs.yml")
    settings = settings_from_raw(raw)
    project = Project(raw, settings, tmp_path / "out")
    project.full()
    good = project.glossary
    for path, old, new, rule in BREAKING:
        target = settings.content_dir / path
        text = target.read_text(encoding="utf-8")
        _edit(target, old, new)
        with pytest.raises(Broken) as refused:
            project.refresh(snapshot(project.watched, [raw.path]))
        glossary, problems = load_glossary(settings)
        clean = Project(raw, settings, tmp_path / "clean").errors(glossary, problems)
        assert str(refused.value) == REPORTERS["text"](clean)
        assert any(p.rule == rule for p in clean), rule
        assert project.glossary is good  # the last good version stays
        target.write_text(text, encoding="utf-8")
    _edit(
        settings.content_dir / "concepts" / "kpo.yaml",
        "      Outsourcing of knowledge-intensive work",
        "      Specialised outsourcing of knowledge-intensive work",
    )
    urls = project.refresh(snapshot(project.watched, [raw.path]))
    assert urls and urls != ["*"]
    assert project.glossary is not None
    for site in project.sites:
        assert site.state is not None
        pages, index = _fresh(site, project.glossary)
        assert site.state.pages == pages and site.state.index_files == index, site.code


def test_without_file_change_reports_the_files_are_polled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchdog.observers

    class Refused:
        def __init__(self) -> None:
            raise OSError("inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", Refused)
    monkeypatch.setattr(sys.modules[Wakeup.__module__], "CHECK_SECONDS", 3600.0)  # were reports assumed, an hour
    folder = tmp_path / "content"
    folder.mkdir()
    wakeup = Wakeup([folder], tmp_path / "mkdocs.yml")
    assert not wakeup.reported
    stop = threading.Event()
    try:
        waiting = _waiting(wakeup, stop)
        waiting.join(30)  # no report will come: it returns to poll
        assert not waiting.is_alive()
    finally:
        stop.set()
        wakeup.close()


def _waiting(wakeup: Wakeup, stop: threading.Event) -> threading.Thread:
    """``wakeup.wait(stop)`` on a thread of its own, started."""
    waiting = threading.Thread(target=wakeup.wait, args=(stop,), daemon=True)
    waiting.start()
    return waiting


def test_a_change_is_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[Wakeup.__module__], "CHECK_SECONDS", 3600.0)  # the next look is an hour away
    folder = tmp_path / "content"
    (folder / "concepts").mkdir(parents=True)
    wakeup = Wakeup([folder, tmp_path / "locales"], tmp_path / "mkdocs.yml")
    stop = threading.Event()
    try:
        assert wakeup.reported
        waiting = _waiting(wakeup, stop)
        waiting.join(0.3)
        assert waiting.is_alive()  # nothing changed: it waits
        (folder / "concepts" / "new.yaml").write_text("id: new\n", encoding="utf-8")
        waiting.join(30)
        assert not waiting.is_alive()  # woken by the write, not by the next look
        (tmp_path / "locales" / "sv").mkdir(parents=True)  # a folder made later is watched from the next look on
        wakeup.schedule()
        assert tmp_path / "locales" in wakeup.scheduled
    finally:
        stop.set()
        wakeup.close()


@pytest.mark.browser
def test_an_open_page_shows_an_edit_in_place_and_loads_again_after_a_full_rebuild(served: Served, browser: Browser) -> None:
    content = served.project.settings.content_dir
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(served.url + "terms/kpo/", wait_until="load")
        page.evaluate("window.__sameDocument = true; window.__documents = 0; document$.subscribe(() => window.__documents++)")
        assert page.evaluate("window.__documents") == 1  # Material replays the document it has
        epoch = served.state.epoch
        _edit(content / "concepts" / "kpo.yaml", "      Outsourcing of knowledge-intensive work", "      SWAPPED-EDIT outsourcing of knowledge-intensive work")
        served.wait_epoch(epoch)
        page.wait_for_function("document.body.innerText.includes('SWAPPED-EDIT')", timeout=10_000)
        assert page.evaluate("window.__sameDocument === true")  # swapped in place: nothing was loaded again
        # Material was handed the new content, as after instant navigation, so its components mount on it again
        # (once when the edited page is ready, and again when the rest of the rebuild is).
        assert page.evaluate("window.__documents") >= 2
        page.keyboard.press("/")
        page.wait_for_function("window.glossarySearch !== undefined")
        page.keyboard.press("Escape")
        # A new title in the navigation is a full rebuild: every page differs, and the open one is loaded again.
        epoch = served.state.epoch
        _edit(content / "comparisons" / "bpo-vs-kpo.yaml", "title: BPO and KPO compared", "title: BPO and KPO RELOADED-EDIT")
        served.wait_epoch(epoch)
        # While the page loads again its document may have no body yet.
        page.wait_for_function("document.body !== null && document.body.innerText.includes('RELOADED-EDIT')", timeout=20_000)
        assert page.evaluate("window.__sameDocument === undefined")
    finally:
        context.close()


def test_a_reader_who_leaves_mid_answer_is_not_reported_and_a_real_failure_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.site.serve import Server

    server = Server(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "Connection reset by peer"), TimeoutError()):
            try:
                raise gone  # what a page change does to the page's open requests
            except OSError:
                server.handle_error(None, ("127.0.0.1", 5000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("bad")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 5000))
        assert capsys.readouterr().err == "serve: a request from 127.0.0.1 failed: ValueError: bad\n"
    finally:
        server.server_close()


@pytest.fixture
def unbuilt(tmp_path: Path) -> Project:
    """A project whose site is not built: the server answers its own files and 404 for the rest."""
    raw = read_config(_copy_of_the_project(tmp_path) / "mkdocs.yml")
    return Project(raw, settings_from_raw(raw), tmp_path / "out")


def test_the_server_sends_the_live_reload_script_from_the_package_and_then_only_when_it_changed(unbuilt: Project) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(unbuilt, State()))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}{LIVERELOAD}"
        with urllib.request.urlopen(url, timeout=5) as r:
            assert r.headers["Content-Type"] == "text/javascript"
            body, tag = r.read(), r.headers["ETag"]
        assert body == (Path(__file__).parent.parent / "glossary_tool" / "site" / "serve" / "livereload.js").read_bytes()
        assert body == livereload_script() and b"data-glossary-serve-error" in body and b"document$" in body
        again = urllib.request.Request(url, headers={"If-None-Match": tag})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(again, timeout=5)
        assert answer.value.code == 304
    finally:
        server.shutdown()
        server.server_close()


def test_a_save_changes_the_snapshot_and_a_read_does_not(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    entry = folder / "kpo.yaml"
    entry.write_text("id: kpo\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not an entry", encoding="utf-8")
    first = snapshot([folder], [tmp_path / "mkdocs.yml"])
    assert list(first) == [entry]  # neither another kind of file nor a missing config
    entry.read_text(encoding="utf-8")
    assert snapshot([folder]) == first
    entry.write_text("id: kpo\nkind: concept\n", encoding="utf-8")
    assert snapshot([folder]) != first


def test_a_browser_that_closes_mid_answer_is_not_reported(unbuilt: Project, capsys: pytest.CaptureFixture[str]) -> None:
    from glossary_tool.site.serve import Server

    handler = handler_for(unbuilt, State())
    server = Server(("127.0.0.1", 0), handler)
    ours, browser = socket.socketpair()
    try:
        browser.sendall(f"GET {LIVERELOAD} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
        browser.close()  # the page went away: the answer meets a broken pipe, which the handler must take quietly
        handler(ours, ("127.0.0.1", 5000), server)
    finally:
        ours.close()
        server.server_close()
    assert capsys.readouterr().err == ""


def test_after_a_report_only_the_reported_files_are_looked_at_again_as_a_full_look_would_see_them(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    (folder / "concepts").mkdir(parents=True)
    entry = folder / "concepts" / "kpo.yaml"
    entry.write_text("id: kpo\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\n", encoding="utf-8")
    wakeup = Wakeup([folder], config)
    stop = threading.Event()
    try:
        if not wakeup.reported:
            pytest.skip("this system sends no file-change reports")
        known = snapshot([folder], [config])
        # An editor's save: a temporary file renamed over the entry; and the configuration saved in place.
        (folder / "concepts" / ".kpo.yaml.swp").write_text("id: kpo\nkind: concept\n", encoding="utf-8")
        os.replace(folder / "concepts" / ".kpo.yaml.swp", entry)
        config.write_text("site_name: edited\n", encoding="utf-8")
        assert wakeup.wait(stop)
        time.sleep(0.2)  # the rest of the reports
        paths = wakeup.take()
        assert paths is not None and str(entry) in paths
        now = restat(known, paths, [folder], [config])
        assert now == snapshot([folder], [config]) != known
        assert wakeup.take() == set()  # taken once
        (folder / "concepts" / "new.yaml").write_text("id: new\n", encoding="utf-8")
        assert wakeup.wait(stop)
        time.sleep(0.2)
        paths = wakeup.take()
        assert paths is not None and restat(now, paths, [folder], [config]) is None  # a new file: every file is looked at
        (folder / "sub").mkdir()
        assert wakeup.wait(stop)
        time.sleep(0.2)
        assert wakeup.take() is None  # a new folder: the same
    finally:
        stop.set()
        wakeup.close()
