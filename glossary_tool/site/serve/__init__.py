"""``glossary-tool serve``: every locale built once and kept warm in this process, served with live reload.

Three parts, wired together here: ``watching`` notices a save, ``rebuild`` renders again what depends on it, and
``server`` answers the browsers (the pages, ``livereload.js`` and the news it waits for).
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from glossary_tool.core.config import RawConfig, Settings
from glossary_tool.core.problems import FatalError
from glossary_tool.site.serve.rebuild import Broken, LocaleSite, Project, dependents
from glossary_tool.site.serve.server import EVENTS, LIVERELOAD, Server, State, handler_for, host_allowed
from glossary_tool.site.serve.watching import Snapshot, Wakeup, restat, snapshot

__all__ = ("EVENTS", "LIVERELOAD", "Broken", "LocaleSite", "Project", "Server", "Snapshot", "State", "Wakeup", "dependents", "handler_for",
           "host_allowed", "serve", "snapshot", "watch")


def watch(project: Project, state: State, stop: threading.Event) -> None:
    """Look at the files whenever they may have changed; rebuild on every change. Runs on its own thread, so the
    server answers all the while."""
    wakeup = Wakeup(project.watched, project.raw.path)
    try:
        while not stop.is_set():
            reported = wakeup.wait(stop)
            if stop.is_set():
                break
            wakeup.schedule()
            # After a report, the files it named; at the regular look, every file, in case a report was lost.
            paths = wakeup.take()
            now = restat(project.files, paths, project.watched, [project.raw.path]) if reported and paths is not None else None
            if now is None:
                now = snapshot(project.watched, [project.raw.path])
            if now == project.files:
                continue
            start = time.perf_counter()
            try:
                urls = project.refresh(now, functools.partial(_shown, state, start))
            except (Broken, FatalError) as exc:
                print(f"error: the site was not rebuilt; it shows the last good version:\n{exc}", file=sys.stderr, flush=True)
                state.publish(bump=False, error=str(exc))
                continue
            except Exception as exc:  # a failed rebuild must not end the server: it keeps the last good pages
                print(f"error: the site was not rebuilt ({type(exc).__name__}: {exc}); it shows the last good version", file=sys.stderr, flush=True)
                state.publish(bump=False, error=f"{type(exc).__name__}: {exc}")
                continue
            if urls or state.error:
                print(f"rebuilt {len(urls) if urls != ['*'] else 'all'} page(s) in {time.perf_counter() - start:.2f} s; Reloading browsers",
                      file=sys.stderr, flush=True)
                state.publish(bump=True, error="", full=urls == ["*"])
    finally:
        wakeup.close()


def _shown(state: State, start: float, urls: list[str]) -> None:
    """The edited entries' own pages are rebuilt: the browsers that show them are told at once."""
    print(f"showed the edit on {len(urls)} page(s) in {time.perf_counter() - start:.2f} s; Reloading browsers", file=sys.stderr, flush=True)
    state.publish(bump=True, error="", partial=True)

def serve(raw: RawConfig, settings: Settings, dev_addr: str, out: Path, *, untrusted: bool = False) -> None:
    """Build every locale into ``out``, then serve it on ``dev_addr`` and rebuild on every edit until interrupted."""
    host, _, port_text = dev_addr.rpartition(":")
    try:
        port = int(port_text)
    except ValueError:
        raise FatalError(f"--dev-addr {dev_addr!r}: write HOST:PORT, e.g. 127.0.0.1:8000") from None
    project = Project(raw, settings, out, untrusted=untrusted)
    state = State()
    start = time.perf_counter()
    try:
        project.full()
    except Exception as exc:
        # A broken glossary at start: serve what there is and the error, and wait for the fix.
        print(f"error: the site could not be built:\n{exc}", file=sys.stderr, flush=True)
        state.publish(bump=False, error=str(exc))
    else:
        print(f"built {len(settings.locales)} locale(s) in {time.perf_counter() - start:.2f} s", file=sys.stderr, flush=True)
    names = frozenset(n.lower().strip("[]") for n in (host, urlsplit(settings.site_url).hostname or "") if n)
    try:
        server = Server((host or "127.0.0.1", port), handler_for(project, state, names))
    except OSError as exc:
        raise FatalError(f"--dev-addr {dev_addr}: cannot listen there: {exc.strerror or exc}") from None
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(project, state, stop), daemon=True)
    watcher.start()
    print(f"Serving on http://{host or '127.0.0.1'}:{server.server_address[1]}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
