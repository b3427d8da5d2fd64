"""Scale benchmark: lint and site build of synthetic glossaries against their floors, plus live-reload latency.

Run with ``make bench`` (BENCH_SIZES=100,1000 for a shorter run). Prints tables; writes benchmarks/recorded.json.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
RECORDED = HERE / "recorded.json"
BIN = Path(sys.executable).parent
PY = sys.executable
SITE_URL = "http://127.0.0.1:8000/"
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material prints a banner about MkDocs 2 otherwise
# MkDocs and Material run from the bytecode pip wrote at install time; the package under test gets the same chance
# (a shell with PYTHONDONTWRITEBYTECODE would compile it from source on every run, a tenth of a small build).
QUIET.pop("PYTHONDONTWRITEBYTECODE", None)

sys.path.insert(0, str(HERE))
import generate  # noqa: E402

from glossary_tool.core.layout import CONCEPT, DOWNLOADS  # noqa: E402

# ---- probes: run in a fresh interpreter, print one figure ----


def probe_lint(project: Path) -> float:
    """Seconds of one lint run in-process (imports done beforehand), the way the CLI calls it."""
    os.chdir(project)
    from glossary_tool.core.config import load_settings
    from glossary_tool.lint import run
    from glossary_tool.lint.rules import load_all

    load_all()
    settings = load_settings(project / "mkdocs.yml")
    start = time.perf_counter()
    result = run(settings, strict=True)
    elapsed = time.perf_counter() - start
    if result.problems:
        raise SystemExit(f"{project}: the generated glossary does not lint clean: {result.problems[:3]}")
    return elapsed


def probe_parse(project: Path) -> float:
    """Seconds to read and parse the same files with PyYAML's C loader: the floor for lint."""
    import yaml

    files = sorted(p for p in (project / "content").rglob("*") if p.suffix in (".yaml", ".yml"))
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def probe_busy(_: Path) -> float:
    """Seconds of a fixed pure-Python loop: run one alone and two at once to see how much of a second core we get."""
    start = time.perf_counter()
    x = 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - start


PROBES: dict[str, Callable[[Path], float]] = {"lint": probe_lint, "parse": probe_parse, "busy": probe_busy}


def parallel_capacity() -> float:
    """Wall time of two busy loops at once over one alone: 1.0 means two free cores, 2.0 means one (a busy neighbour)."""
    cmd = [PY, __file__, "--probe", "busy", "."]
    one = wall(cmd, cwd=ROOT)
    two = wall(cmd, cmd, cwd=ROOT)
    return two / one


def in_fresh_process(probe: str, project: Path) -> float:
    out = subprocess.run([PY, __file__, "--probe", probe, str(project)], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


# ---- timed commands ----


def wall(*commands: Sequence[str], cwd: Path) -> float:
    """Seconds from starting every command (at once, in parallel) until the last one exits successfully."""
    start = time.perf_counter()
    procs = [subprocess.Popen(list(c), cwd=cwd, env=QUIET, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    for c, p in zip(commands, procs, strict=False):
        _, err = p.communicate()
        if p.returncode:
            raise SystemExit(f"failed: {' '.join(c)}\n{err.decode(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def ours_both(project: Path) -> float:
    # --no-cache: every build from nothing, as the floor's (cached_rebuild.py times the build cache).
    return wall([str(BIN / "glossary-tool"), "--config", "mkdocs.yml", "build", "--no-cache", "--site-dir", str(project / "site")], cwd=project)


def ours_both_cold(project: Path) -> float:
    """``ours_both`` with Jinja's compiled-template cache emptied first, as on a fresh machine."""
    import jinja2

    jinja2.FileSystemBytecodeCache().clear()  # the same default folder the build uses
    return ours_both(project)


def ours_one(project: Path) -> float:
    # One locale's build, as `glossary-tool build` starts it (glossary_tool/site/locale_builds.py).
    return wall(
        [
            "env",
            "GLOSSARY_TOOL_LOCALE=en",
            PY,
            "-m",
            "glossary_tool.site.locale_builds",
            "--config",
            "mkdocs.yml",
            "--site-dir",
            str(project / "site-en"),
            "--site-url",
            SITE_URL,
        ],
        cwd=project,
    )


def floor_both(project: Path) -> float:
    return wall(*[[str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "floor" / code / "mkdocs.yml")] for code in ("en", "sv")], cwd=project)


def floor_one(project: Path) -> float:
    return wall([str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "floor" / "en" / "mkdocs.yml")], cwd=project)


def lint_cli(project: Path, command: Path = BIN / "glossary-tool") -> float:
    """``glossary-tool lint --strict`` in ``project``: this checkout's, or another's ``command`` (a side-by-side run)."""
    return wall([str(command), "--config", "mkdocs.yml", "lint", "--strict"], cwd=project)


# ---- sizes ----


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def largest_html(folder: Path, pattern: str = "*.html") -> tuple[int, str]:
    return max((p.stat().st_size, str(p.relative_to(folder))) for p in folder.rglob(pattern))


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each locale's sharded search index (every file under its search/); "shared" is their sum."""
    en, sv = tree_bytes(site / "search"), tree_bytes(site / "sv" / "search")
    return {"en": en, "sv": sv, "shared": en + sv}


# ---- the reader's side: search in Chromium on a throttled phone ----

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
THROTTLE = 4  # CPU slowdown of a mid-range phone (CDP Emulation.setCPUThrottlingRate)
KEY_DELAY_MS = 80  # between keys, as a reader types
# Per language: the site's prefix and the queries typed on its home page.
READER_QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {"en": ("", ("payroll", "invoice processing")), "sv": ("sv/", ("lönehantering", "fakturahantering"))}
# The same for the trilingual glossary (BENCH_PARTS=world): English beside Finnish (palkka, "payroll", the first part
# of compounds; laskukäsittelyn, the genitive of laskukäsittely, "invoice processing") and Chinese (薪资, "payroll",
# inside terms; 发票处理, "invoice processing").
WORLD_LANGUAGES = ("en", "fi", "zh-Hans")
WORLD_QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("", ("payroll", "invoice processing")),
    "fi": ("fi/", ("palkka", "laskukäsittelyn")),
    "zh-Hans": ("zh-hans/", ("薪资", "发票处理")),
}
# Records when the last character was typed and when the results of the whole query were shown (glossary-search.js
# marks the box with the query it has shown). The input event, not keydown: a character that is on no key of the
# emulated keyboard (Chinese, ä) is typed without a keydown.
WATCH_SEARCH = """q => {
  window.__lastKey = 0; window.__shown = 0;
  addEventListener("input", () => { window.__lastKey = performance.now(); }, true);
  const root = document.querySelector("[data-glossary-search]");
  new MutationObserver(() => {
    if (!window.__shown && root.getAttribute("data-glossary-search-shown") === q) window.__shown = performance.now();
  }).observe(root, {attributes: true});
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Traffic:
    """Every request of a page, with the bytes Chromium received for it (headers and body, as sent)."""

    def __init__(self, cdp: Any) -> None:
        self.order: list[str] = []
        self.urls: dict[str, str] = {}
        self.received: dict[str, int] = {}
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", lambda e: self.received.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        cdp.send("Network.enable")

    def _sent(self, e: dict[str, Any]) -> None:
        if e["requestId"] not in self.urls:
            self.order.append(e["requestId"])
        self.urls[e["requestId"]] = e["request"]["url"]

    def since(self, mark: int = 0, only: Callable[[str], bool] = lambda url: True) -> int:
        return sum(self.received.get(r, 0) for r in self.order[mark:] if only(self.urls[r]))


def _for_search(url: str) -> bool:
    return "/search/" in url or "glossary-search" in url


@contextlib.contextmanager
def static_server(site: Path) -> Iterator[str]:
    """The built site on a loopback port, without compression (the bytes are the files' own)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def search_once(browser: Any, base: str, prefix: str, query: str, whole: bool = False) -> dict[str, float]:
    """One reader, on a fresh phone: open the home page, press /, type ``query`` (``whole``: enter it at once, as an
    input method commits a Chinese word or a reader pastes). Milliseconds from the last key to the results shown,
    bytes that searching transferred (script and index), search bytes before the box opened."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        traffic = Traffic(cdp)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        page.goto(base + prefix)
        page.wait_for_load_state("networkidle")
        early = traffic.since(0, _for_search)
        mark = len(traffic.order)
        page.evaluate(WATCH_SEARCH, query)
        page.keyboard.press("/")
        page.wait_for_function("window.glossarySearch !== undefined")
        if whole:
            page.keyboard.insert_text(query)
        else:
            page.keyboard.type(query, delay=KEY_DELAY_MS)
        page.wait_for_function("() => window.__shown > 0", timeout=120_000)
        elapsed = page.evaluate("window.__shown - window.__lastKey")
        found = page.evaluate("window.glossarySearch.box.result.hits.length")
        page.wait_for_load_state("networkidle")
        return {"ms": float(elapsed), "bytes": traffic.since(mark), "early": early, "results": found}
    finally:
        context.close()


def page_weight(browser: Any, url: str) -> dict[str, int]:
    """Bytes a fresh phone transfers to show ``url``, and how many of them are the sitemap Material's instant
    navigation fetches."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        traffic = Traffic(context.new_cdp_session(page))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return {"bytes": traffic.since(), "sitemap": traffic.since(0, lambda u: u.endswith("sitemap.xml"))}
    finally:
        context.close()


def reader_side(site: Path, concept: str, runs: int, languages: dict[str, tuple[str, tuple[str, ...]]] = READER_QUERIES, whole: bool = False) -> dict[str, Any]:
    """Search and page weight per language, medians of ``runs`` fresh readers each; with ``whole``, each query is also
    entered at once (keys "whole:<language>:<query>")."""
    out: dict[str, Any] = {}
    with static_server(site) as base, chromium() as browser:
        # Run by run, every language and query in turn: a busy neighbour slows all of them alike, not one language.
        found: dict[str, list[dict[str, float]]] = {}
        for _ in range(runs):
            for code, (prefix, queries) in languages.items():
                for query in queries:
                    found.setdefault(f"{code}:{query}", []).append(search_once(browser, base, prefix, query))
                    if whole:
                        found.setdefault(f"whole:{code}:{query}", []).append(search_once(browser, base, prefix, query, whole=True))
        for key, each in found.items():
            out[key] = {
                "ms": median([f["ms"] for f in each]),
                "bytes": median([f["bytes"] for f in each]),
                "early": max(f["early"] for f in each),
                "results": each[0]["results"],
                "runs_ms": [round(f["ms"], 1) for f in each],
            }
        for code, (prefix, _) in languages.items():
            weights = [page_weight(browser, f"{base}{prefix}terms/{concept}/") for _ in range(runs)]
            out[f"{code}:page"] = {"bytes": median([w["bytes"] for w in weights]), "sitemap": median([w["sitemap"] for w in weights])}
    return out


def middle_concept(project: Path) -> str:
    files = sorted((project / "content" / "concepts").glob("*.yaml"))
    return files[len(files) // 2].stem


# ---- live reload under `glossary-tool serve` ----


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServeProcess:
    """``glossary-tool serve`` of a project, its error output read on a thread with the time of each line."""

    def __init__(self, project: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [str(BIN / "glossary-tool"), "--config", "mkdocs.yml", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=QUIET if env is None else env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self.changed:
                self.lines.append((time.time(), line))
                self.changed.notify_all()
        with self.changed:
            self.lines.append((time.time(), ""))  # the end
            self.changed.notify_all()

    def wait_for(self, text: str, after: int = 0, timeout: float = 1800) -> tuple[int, float, str]:
        """The first line from index ``after`` on that holds ``text``: its index, time and text."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                for i in range(after, len(self.lines)):
                    at, line = self.lines[i]
                    if text in line:
                        return i, at, line
                    if not line:
                        raise SystemExit("serve exited:\n" + "".join(t for _, t in self.lines[-30:]))
                after = len(self.lines)
                self.changed.wait(1.0)
        raise SystemExit(f"timed out waiting for {text!r}")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# Run in every document the pages load: when each edit's marker first appears in the page (the content swapped in
# place, or a page loaded again), the page notes the time of the next frame in milliseconds since the epoch, so that
# Playwright's polling stays out of the figure.
MARKER_WATCH = """(() => {
  const shown = window.__glossaryShown = {};
  const look = () => {
    const found = document.body ? document.body.textContent.match(/Edited[0-9]+x[0-9]+/g) || [] : [];
    found.forEach(m => { if (!(m in shown)) { shown[m] = 0; requestAnimationFrame(() => { shown[m] = performance.timeOrigin + performance.now(); }); } });
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true});
})()"""
_DEFINITION = re.compile(r"(\n    definition: >-\n      )")


def live_reload(project: Path, edits: int, env: dict[str, str] | None = None) -> list[dict[str, float]]:
    """Seconds from saving an entry whose English and Swedish definitions were both edited to the server's
    "Reloading browsers" line, and to the moment both languages' pages, open in Chromium, show the edit."""
    server = ServeProcess(project, env)
    target = project / "content" / "concepts" / f"{middle_concept(project)}.yaml"
    original = target.read_text(encoding="utf-8")
    if len(_DEFINITION.findall(original)) < 2:
        raise SystemExit(f"{target}: no folded definition to edit in both languages")
    try:
        server.wait_for("Serving on")
        base = f"http://127.0.0.1:{server.port}/"
        out = []
        with chromium() as browser:
            # One window per language, both in view, as on a writer's screen (a tab in the background is slowed down).
            contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in READER_QUERIES]
            for context in contexts:
                context.add_init_script(MARKER_WATCH)
            pages = [context.new_page() for context in contexts]
            for page, (prefix, _) in zip(pages, READER_QUERIES.values(), strict=True):
                page.goto(f"{base}{prefix}terms/{target.stem}/", wait_until="load")
            for i in range(edits):
                marker = f"Edited{i}x{os.getpid()}"
                time.sleep(1.5)  # the pages are open and waiting for news, as a writer's are
                mark = len(server.lines)
                start = time.time()
                target.write_text(_DEFINITION.sub(rf"\g<1>{marker} ", original, count=2), encoding="utf-8")
                shown = 0.0
                for page in pages:
                    page.wait_for_function("m => window.__glossaryShown && window.__glossaryShown[m] > 0", arg=marker, timeout=600_000)
                    shown = max(shown, page.evaluate("m => window.__glossaryShown[m]", marker) / 1000)
                # serve tells the browsers when the edited page is ready, then when the whole rebuild is
                last, reloaded, line = server.wait_for("rebuilt ", mark)
                early = [at for at, text in server.lines[mark:last] if "showed the edit" in text]
                rebuilt = re.search(r"rebuilt (\S+) page\(s\) in ([0-9.]+) s", line)
                out.append(
                    {
                        "server": reloaded - start,
                        "browser": shown - start,
                        "first": (early[0] if early else reloaded) - start,
                        "rebuild": float(rebuilt.group(2)) if rebuilt else float("nan"),
                        "pages": float(rebuilt.group(1)) if rebuilt and rebuilt.group(1) != "all" else float("nan"),
                    }
                )
            for context in contexts:
                context.close()
        return out
    finally:
        target.write_text(original, encoding="utf-8")
        server.stop()


def shipped_or_synthetic() -> tuple[str, Path]:
    """A copy of the shipped glossary when it lints clean; otherwise a synthetic one of about 60 concepts."""
    from glossary_tool.core.config import load_settings
    from glossary_tool.lint import run

    project = DATA / "shipped"
    if project.exists():
        shutil.rmtree(project)
    concepts = list((ROOT / "content" / "concepts").glob("*.yaml"))
    settings = load_settings(ROOT / "mkdocs.yml")
    if concepts and not run(settings, strict=False).errors:
        project.mkdir(parents=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "locales", project / "locales")
        shutil.copytree(ROOT / "content", project / "content")
        return f"shipped content/ ({len(concepts)} concepts)", project
    generate.write_glossary(project, 60)
    return "synthetic, 60 concepts (content/ does not lint clean yet)", project


# ---- the run ----


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(n: int, runs: int) -> dict[str, Any]:
    project = DATA / str(n)
    print(f"\n== {n} concepts: generating into {project.relative_to(ROOT)}", flush=True)
    concepts = generate.write_glossary(project, n)
    generate.write_floor(project, concepts)
    t: dict[str, list[float]] = {k: [] for k in ("lint", "parse", "lint_cli", "floor_both", "ours_both", "ours_cold", "floor_one", "ours_one", "cores")}
    for r in range(runs):
        t["cores"].append(parallel_capacity())
        # Each pair runs side by side in the same minute, so that a noisy neighbour hits both.
        t["parse"].append(in_fresh_process("parse", project))
        t["lint"].append(in_fresh_process("lint", project))
        t["lint_cli"].append(lint_cli(project))
        t["floor_both"].append(floor_both(project))
        t["ours_cold"].append(ours_both_cold(project))
        t["ours_both"].append(ours_both(project))
        t["floor_one"].append(floor_one(project))
        t["ours_one"].append(ours_one(project))
        print(f"   run {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in t.items()), flush=True)
    site = project / "site"
    floor_sites = [project / "floor-site-en", project / "floor-site-sv"]
    terms = [site / "terms", site / "sv" / "terms"]
    return {
        "n": n,
        "files": len(list((project / "content").rglob("*.yaml"))),
        "runs": runs,
        "times": t,
        "median": {k: median(v) for k, v in t.items()},
        "site_bytes": tree_bytes(site),
        "floor_bytes": sum(tree_bytes(f) for f in floor_sites),
        "largest_html": largest_html(site),
        "largest_term_html": max(largest_html(d, "index.html") for d in terms),
        "floor_largest_html": max(largest_html(f) for f in floor_sites),
        "index": index_sizes(site),
    }


def world_table(world: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Search on a phone in English, Finnish and Chinese versions of one glossary, with each language's median time
    and transfer over its queries against English's."""
    out = [
        f"\nSearch on a phone in three languages of one glossary (Chromium {PHONE['width']} × {PHONE['height']}, CPU {THROTTLE}× "
        f"slower, a fresh reader each time; typed with {KEY_DELAY_MS} ms between keys, and entered whole; medians; each "
        "language's median over its queries against English's)\n",
        "| glossary | language | query | results | typed: first result after the last key | time / English | search transferred "
        "| transfer / English | entered whole: first result | time / English |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, figures in world:

        def over(code: str, key: str, kind: str = "", figures: dict[str, Any] = figures) -> float:
            return median([figures[f"{kind}{code}:{q}"][key] for q in WORLD_QUERIES[code][1]])

        for code, (_, queries) in WORLD_QUERIES.items():
            for query in queries:
                f, w = figures[f"{code}:{query}"], figures[f"whole:{code}:{query}"]
                out.append(
                    f"| {name} | {code} | `{query}` | {f['results']:,} | {f['ms']:.0f} ms | {over(code, 'ms') / over('en', 'ms'):.2f}× | "
                    f"{f['bytes'] / 1e3:.0f} KB | {over(code, 'bytes') / over('en', 'bytes'):.2f}× | {w['ms']:.0f} ms | "
                    f"{over(code, 'ms', 'whole:') / over('en', 'ms', 'whole:'):.2f}× |"
                )
    return out


def table(
    rows: list[dict[str, Any]],
    reader: list[tuple[str, dict[str, Any]]],
    serve: list[tuple[str, list[dict[str, float]]]],
    world: list[tuple[str, dict[str, Any]]] | None = None,
) -> str:
    out = []
    out.append("Lint (medians, seconds; lint and parse are timed in-process in a fresh interpreter, CLI is wall time)\n")
    out.append("| concepts | files | lint | parse floor | lint / floor | `glossary-tool lint` (CLI) |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        m = r["median"]
        out.append(f"| {r['n']:,} | {r['files']:,} | {m['lint']:.2f} | {m['parse']:.2f} | {m['lint'] / m['parse']:.2f}× | {m['lint_cli']:.2f} |")
    out.append("\nSite build (medians, seconds, wall time of the whole command)\n")
    out.append(
        "| concepts | ours, en+sv | floor, en+sv | ratio | ours, en+sv, no template cache | ratio | ours, en only | floor, en only | ratio | ours en+sv / en | floor en+sv / en | two busy loops / one |"
    )
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        m = r["median"]
        out.append(
            f"| {r['n']:,} | {m['ours_both']:.1f} | {m['floor_both']:.1f} | {m['ours_both'] / m['floor_both']:.2f}× | "
            f"{m['ours_cold']:.1f} | {m['ours_cold'] / m['floor_both']:.2f}× | "
            f"{m['ours_one']:.1f} | {m['floor_one']:.1f} | {m['ours_one'] / m['floor_one']:.2f}× | "
            f"{m['ours_both'] / m['ours_one']:.2f}× | {m['floor_both'] / m['floor_one']:.2f}× | {m['cores']:.2f}× |"
        )
    out.append("\nOutput (both locales)\n")
    out.append(
        "| concepts | site | floor site | largest HTML page | largest term page | floor's largest page | search en | search sv | shared | en / shared | sv / shared |"
    )
    out.append("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        ix = r["index"]
        size, page = r["largest_html"]
        out.append(
            f"| {r['n']:,} | {r['site_bytes'] / 1e6:.1f} MB | {r['floor_bytes'] / 1e6:.1f} MB | {size / 1e3:.0f} KB ({page}) | "
            f"{r['largest_term_html'][0] / 1e3:.0f} KB | {r['floor_largest_html'][0] / 1e3:.0f} KB | {ix['en'] / 1e6:.2f} MB | "
            f"{ix['sv'] / 1e6:.2f} MB | {ix['shared'] / 1e6:.2f} MB | {ix['en'] / ix['shared']:.2f} | {ix['sv'] / ix['shared']:.2f} |"
        )
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        a, b = by_n[1000], by_n[10000]
        growth = {k: b["median"][k] / a["median"][k] for k in ("lint", "ours_both", "ours_one")}
        out.append(
            f"\nGrowth from 1,000 to 10,000 concepts (10× the work): lint {growth['lint']:.1f}×, "
            f"build en+sv {growth['ours_both']:.1f}×, build en {growth['ours_one']:.1f}×, "
            f"site size {b['site_bytes'] / a['site_bytes']:.1f}×, largest term page {b['largest_term_html'][0] / a['largest_term_html'][0]:.2f}×, "
            f"largest page {b['largest_html'][0] / a['largest_html'][0]:.1f}×"
        )
    if reader:
        out.append(
            f"\nSearch on a phone (Chromium {PHONE['width']} × {PHONE['height']}, CPU {THROTTLE}× slower, a fresh reader each time, "
            f"typing on the home page with {KEY_DELAY_MS} ms between keys; medians)\n"
        )
        out.append(
            "| glossary | language | query | results | first result after the last key | search transferred (script and index) "
            "| search files before the box opens | concept page transferred | of which sitemap.xml |"
        )
        out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, figures in reader:
            for code, (_, queries) in READER_QUERIES.items():
                page = figures[f"{code}:page"]
                for query in queries:
                    f = figures[f"{code}:{query}"]
                    out.append(
                        f"| {name} | {code} | `{query}` | {f['results']:,} | {f['ms']:.0f} ms | {f['bytes'] / 1e3:.0f} KB | {f['early']} B | "
                        f"{page['bytes'] / 1e3:,.0f} KB | {page['sitemap'] / 1e3:,.0f} KB |"
                    )
    if world:
        out.extend(world_table(world))
    if serve:
        out.append(
            "\nLive reload under `glossary-tool serve` (an entry's English and Swedish definitions edited in one save; seconds from the save; medians)\n"
        )
        out.append(
            '| glossary | pages rebuilt (both languages) | rebuild, as the server times it | to "Reloading browsers" '
            "| to both languages' pages showing the edit in Chromium | runs (browser) |"
        )
        out.append("| --- | ---: | ---: | ---: | ---: | --- |")
        for name, runs in serve:
            each = ", ".join(f"{r['browser']:.2f}" for r in runs)
            out.append(
                f"| {name} | {median([r['pages'] for r in runs]):.0f} | {median([r['rebuild'] for r in runs]):.2f} | "
                f"{median([r['server'] for r in runs]):.2f} | {median([r['browser'] for r in runs]):.2f} | {each} |"
            )
    return "\n".join(out)


LANGUAGE_COUNTS = (2, 6, 12, 24)


def language_axis(n: int, runs: int, counts: Sequence[int] = LANGUAGE_COUNTS) -> dict[str, Any]:
    """``n`` concepts in ``counts`` languages, by default 2, 6, 12 and 24 (generate.AXIS_LANGUAGES): ``glossary-tool
    build``'s wall time and the site's size, each per language. The counts are built in turn within each run, so
    that a busy neighbour slows a whole run rather than one count."""
    projects = {count: DATA / f"languages-{n}-{count}" for count in counts}
    for count, project in projects.items():
        print(f"\n== {n} concepts in {count} languages: generating into {project.relative_to(ROOT)}", flush=True)
        generate.write_languages(project, n, count)
    seconds: dict[int, list[float]] = {count: [] for count in counts}
    # The machine's load average over the last minute as each build starts: a neighbour's work shows in the times.
    loads: dict[int, list[float]] = {count: [] for count in counts}
    for r in range(runs):
        for count, project in projects.items():
            loads[count].append(os.getloadavg()[0])
            seconds[count].append(ours_both(project))
        print(f"   run {r + 1}: " + ", ".join(f"{count} languages {v[-1]:.1f}s (load {loads[count][-1]:.2f})" for count, v in seconds.items()), flush=True)
    return {
        "n": n,
        "runs": runs,
        "seconds": {str(c): v for c, v in seconds.items()},
        "load": {str(c): v for c, v in loads.items()},
        "bytes": {str(c): tree_bytes(p / "site") for c, p in projects.items()},
        "pages": {str(c): sum(1 for _ in (p / "site").rglob("*.html")) for c, p in projects.items()},
        # What grows apart from the pages: the exports, published once (downloads/), and a Swedish concept page.
        "downloads": {str(c): tree_bytes(p / "site" / DOWNLOADS.top) for c, p in projects.items()},
        "concept_page": {str(c): _mean_size(p / "site" / "sv" / CONCEPT.top) for c, p in projects.items()},
    }


def _mean_size(folder: Path) -> float:
    """The mean size of the pages in ``folder`` (``<page>/index.html``), 0 without any."""
    sizes = [page.stat().st_size for page in folder.glob("*/index.html")]
    return sum(sizes) / len(sizes) if sizes else 0.0


def language_table(axis: dict[str, Any]) -> list[str]:
    out = [
        f"\nLanguages: {axis['n']:,} concepts in 2 to {max(map(int, axis['seconds']))} languages, `glossary-tool build` (medians of {axis['runs']} run(s))\n",
        "| languages | pages | build | build per language | ratio to 2 | site | site per language | ratio to 2 "
        "| without downloads/, per language | ratio to 2 | a Swedish concept page | load average at the start |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    base_time = median(axis["seconds"]["2"]) / 2
    base_bytes = axis["bytes"]["2"] / 2
    base_pages = (axis["bytes"]["2"] - axis["downloads"]["2"]) / 2
    for count in axis["seconds"]:
        k = int(count)
        t, size = median(axis["seconds"][count]), axis["bytes"][count]
        pages = (size - axis["downloads"][count]) / k
        out.append(
            f"| {k} | {axis['pages'][count]:,} | {t:.1f} s | {t / k:.2f} s | {t / k / base_time:.2f}× | {size / 1e6:.1f} MB | "
            f"{size / k / 1e6:.2f} MB | {size / k / base_bytes:.2f}× | {pages / 1e6:.2f} MB | {pages / base_pages:.2f}× | "
            f"{axis['concept_page'][count] / 1e3:.1f} KB | {', '.join(f'{x:.2f}' for x in axis.get('load', {}).get(count, []))} |"
        )
    return out


def machine() -> dict[str, str]:
    import material
    import mkdocs

    cpu = next((row.split(":", 1)[1].strip() for row in Path("/proc/cpuinfo").read_text().splitlines() if row.startswith("model name")), "?")
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "mkdocs": mkdocs.__version__,
        "material": material.__version__ if hasattr(material, "__version__") else "?",
    }


def built(project: Path, n: int | None, languages: tuple[str, ...] = ("en", "sv")) -> Path:
    """``project`` generated (``n`` concepts in ``languages``; None: it is there already) and its site built, once."""
    if n is not None and not (project / "mkdocs.yml").is_file():
        generate.write_glossary(project, n, languages=languages)
    if not (project / "site" / "index.html").is_file():
        ours_both(project)
    return project / "site"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000,10000"), help="comma-separated concept counts")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--serve-edits", type=int, default=int(os.environ.get("BENCH_SERVE_EDITS", "3")), help="0 skips the live-reload part")
    parser.add_argument(
        "--parts",
        default=os.environ.get("BENCH_PARTS", "build,reader,world,reload,languages"),
        help="comma-separated: build (lint, build and sizes), reader (search in Chromium), world (search in "
        "English, Finnish and Chinese versions of one glossary), reload (live reload), languages "
        "(build time and size per language, 2 to 24 languages)",
    )
    parser.add_argument(
        "--language-concepts", type=int, default=int(os.environ.get("BENCH_LANGUAGE_CONCEPTS", "1000")), help="concepts of the language axis (languages part)"
    )
    parser.add_argument(
        "--language-counts",
        default=os.environ.get("BENCH_LANGUAGE_COUNTS", ",".join(map(str, LANGUAGE_COUNTS))),
        help="comma-separated numbers of languages of the language axis, 2 first (languages part)",
    )
    parser.add_argument("--probe", choices=sorted(PROBES), help=argparse.SUPPRESS)
    parser.add_argument("project", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(f"{PROBES[args.probe](args.project):.6f}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    parts = {p.strip() for p in args.parts.split(",")}
    info = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    rows = [measure(n, args.runs) for n in sizes] if "build" in parts else []
    name, shipped = shipped_or_synthetic()
    glossaries = [(name, shipped, None), *((f"synthetic, {n:,} concepts", DATA / str(n), n) for n in sizes)]
    reader: list[tuple[str, dict[str, Any]]] = []
    if "reader" in parts:
        for label, project, n in glossaries:
            print(f"\n== search in Chromium: {label}", flush=True)
            reader.append((label, reader_side(built(project, n), middle_concept(project), args.runs)))
            print("   " + json.dumps(reader[-1][1], ensure_ascii=False), flush=True)
    world: list[tuple[str, dict[str, Any]]] = []
    if "world" in parts:
        for n in sizes:
            label, project = f"synthetic, {n:,} concepts", DATA / f"world-{n}"
            print(f"\n== search in Chromium, en, fi and zh-Hans: {label}", flush=True)
            world.append((label, reader_side(built(project, n, WORLD_LANGUAGES), middle_concept(project), args.runs, WORLD_QUERIES, whole=True)))
            print("   " + json.dumps(world[-1][1], ensure_ascii=False), flush=True)
    serve: list[tuple[str, list[dict[str, float]]]] = []
    if "reload" in parts and args.serve_edits:
        for label, project, n in glossaries:
            print(f"\n== live reload: {label}", flush=True)
            built(project, n)
            serve.append((label, live_reload(project, args.serve_edits)))
            print("   " + json.dumps(serve[-1][1]), flush=True)
    counts = tuple(int(c) for c in args.language_counts.split(",") if c.strip())
    if "languages" in parts and (not counts or counts[0] != 2):
        parser.error("--language-counts: the first count is 2, which the others are compared with")
    axis = language_axis(args.language_concepts, args.runs, counts) if "languages" in parts else None
    text = table(rows, reader, serve, world) + ("\n" + "\n".join(language_table(axis)) if axis else "")
    print("\n" + text)
    DATA.mkdir(exist_ok=True)
    (DATA / "results.md").write_text(text + "\n", encoding="utf-8")
    (DATA / "results.json").write_text(
        json.dumps({"machine": info, "rows": rows, "reader": reader, "world": world, "serve": serve, "languages": axis}, indent=1), encoding="utf-8"
    )
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n:  # the figure the regression test in tests/test_bench_regression.py compares against
        kept = json.loads(RECORDED.read_text(encoding="utf-8")) if RECORDED.is_file() else {}  # lint_ratio.py's and cached_rebuild.py's figures
        recorded = {
            **kept,
            "lint_1000_seconds": round(by_n[1000]["median"]["lint"], 3),
            "machine": info,
            "note": "median in-process lint of the generated 1,000-concept glossary; written by `make bench`",
        }
        RECORDED.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {RECORDED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
