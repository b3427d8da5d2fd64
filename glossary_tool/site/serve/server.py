"""The HTTP side of ``serve``: every locale's built files, the live-reload script, and the news feed a page asks for.

It answers from the files the rebuild leaves on disk; nothing here builds. A page the browser closes mid-answer is no error.
"""

from __future__ import annotations

import hashlib
import http.server
import ipaddress
import json
import os
import stat
import sys
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from glossary_tool.core.terminal import escape

if TYPE_CHECKING:
    from glossary_tool.site.serve.rebuild import Project

WAIT_SECONDS = 25  # a browser's request for news is answered at the latest after this long
# The server's own paths, under a name no locale prefix or page can take (it starts with a dot).
OWN = "/.glossary-serve/"
EVENTS = OWN + "events"
LIVERELOAD = OWN + "livereload.js"
IDLE_SECONDS = 30.0  # a connection idle this long (no request, or a request sent too slowly) is closed
MAX_CONNECTIONS = 128  # connections served at once; each holds a thread (an open page holds one, waiting for news,
# and a browser keeps up to six per host open between requests)
_TEXT = "text/plain; charset=utf-8"


def livereload_script() -> bytes:
    """The live-reload script, a file of this package (``livereload.js``)."""
    return resources.files(__package__).joinpath("livereload.js").read_bytes()


def script_tag(epoch: int) -> bytes:
    """What every served page gets before ``</body>``: the live-reload script with the build's number it shows."""
    return f'<script src="{LIVERELOAD}" data-epoch="{epoch}" data-events="{EVENTS}"></script>'.encode()


@dataclass
class State:
    """What the browsers are told: the build's number, bumped on every successful rebuild (and once before, when the
    edited entries' own pages are ready), the number of the last full rebuild (after which the navigation may
    differ), and the current error. ``partial`` while the rest of a rebuild is still being made."""

    epoch: int = 0
    error: str = ""
    full: int = 0
    partial: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, *, bump: bool, error: str, full: bool = False, partial: bool = False) -> None:
        with self.changed:
            if bump:
                self.epoch += 1
                if full:
                    self.full = self.epoch
            self.error, self.partial = error, partial
            self.changed.notify_all()

    def wait(self, epoch: int, error: str, timeout: float) -> dict[str, Any]:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch or self.error != error, timeout)
            return {"epoch": self.epoch, "error": self.error, "full": self.full}


def host_allowed(header: str | None, names: frozenset[str] = frozenset()) -> bool:
    """Whether a request's ``Host`` names this server: an IP address, ``localhost`` (or a name under it), or one of
    ``names`` (the configured address and site_url's host). A page on another host name that resolves to this machine
    (DNS rebinding) would otherwise read every page and the error feed from the reader's browser."""
    if not header:
        return False
    host = header.strip().lower()
    if host.startswith("["):  # an IPv6 address, [::1]:8000
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    host = host.rstrip(".")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(".localhost") or host in names
    return True


def _plain_path(raw: str) -> str | None:
    """The decoded path of a request target, or None when it is not UTF-8 or holds a control character (``%00``)."""
    try:
        path = unquote(urlsplit(raw).path, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return None if any(ord(c) < 0x20 or ord(c) == 0x7F for c in path) or not path.startswith("/") else path


def handler_for(project: Project, state: State, hosts: frozenset[str] = frozenset()) -> type[http.server.BaseHTTPRequestHandler]:
    """The request handler of ``serve``: files of the built locales, the error feed; ``hosts`` are the host names it
    answers to besides IP addresses and localhost."""
    mounts = project.mount()
    script = livereload_script()
    script_etag = hashlib.sha256(script).hexdigest()[:16]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = IDLE_SECONDS  # a connection that sends nothing for this long is closed (the socket's timeout)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if not host_allowed(self.headers.get("Host"), hosts):
                self.close_connection = True
                self._send(403, b"this server answers only to localhost, IP addresses and the configured address", _TEXT)
                return
            path = _plain_path(self.path)
            if path is None:
                self._send(400, b"bad path", _TEXT)
                return
            try:
                self._answer(path, urlsplit(self.path).query)
            except (ConnectionError, TimeoutError):
                self.close_connection = True  # the reader went away
            except Exception as exc:  # one line, never a traceback per request; the server goes on
                print(f"serve: error answering {_escape(self.path)}: {type(exc).__name__}: {_escape(str(exc))}", file=sys.stderr, flush=True)
                self.close_connection = True
                try:
                    self._send(500, b"internal error", _TEXT)
                except OSError:
                    pass

        def _answer(self, path: str, query: str) -> None:
            if path == EVENTS:
                self._events(query)
                return
            if path == LIVERELOAD:
                self._cached(script, "text/javascript", script_etag)
                return
            for prefix, folder in mounts:
                if path.startswith(prefix):
                    self._file(folder, path[len(prefix):], prefix)
                    return
            self._send(404, b"not found", _TEXT)

        def _events(self, query: str) -> None:
            args = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
            try:
                epoch = int(args.get("epoch", "0"))
            except ValueError:
                epoch = -1
            body = json.dumps(state.wait(epoch, unquote(args.get("error", "")), WAIT_SECONDS)).encode("utf-8")
            self._send(200, body, "application/json")

        def _file(self, folder: Path, rel: str, prefix: str) -> None:
            try:
                target = (folder / rel.lstrip("/")).resolve()
            except (OSError, ValueError, RuntimeError):  # a name too long, a loop of links
                target = folder.parent
            if not target.is_relative_to(folder.resolve()):
                self._send(404, b"not found", _TEXT)
                return
            try:
                folder_asked = target.is_dir()
            except OSError:  # a name longer than the system takes
                folder_asked = False
            if folder_asked:
                if not self.path.split("?")[0].endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", self.path.split("?")[0] + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            found = _read_regular(target)
            status = 200
            if found is None:
                status, target = 404, folder / "404.html"
                found = _read_regular(target) or (b"not found", "")
            body, tag = found
            kind = _TYPES.get(target.suffix, "application/octet-stream")
            epoch = state.epoch
            if target.suffix == ".html":
                body = body.replace(b"</body>", script_tag(epoch) + b"</body>", 1)
                tag = f"{tag}-{epoch}" if tag else ""  # the page carries the build's number
            if status == 200:
                self._cached(body, kind, tag)
            else:
                self._send(status, body, kind)

        def _cached(self, body: bytes, kind: str, tag: str) -> None:
            # After an edit the browser asks again for every file; what did not change (styles, scripts) is not sent
            # again, so it keeps its parsed styles and compiled scripts and the page shows sooner.
            if tag and self.headers.get("If-None-Match") == f'"{tag}"':
                self.send_response(304)
                self.send_header("ETag", f'"{tag}"')
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
            self._send(200, body, kind, tag)

        def _send(self, status: int, body: bytes, kind: str, tag: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")  # every edit must show, and the index changes in place
            if tag:
                self.send_header("ETag", f'"{tag}"')
            self.end_headers()
            self.wfile.write(body)

    return Handler


_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
          ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".ico": "image/x-icon", ".woff2": "font/woff2",
          ".gz": "application/gzip", ".txt": _TEXT}


def _read_regular(path: Path) -> tuple[bytes, str] | None:
    """The file's bytes and a tag of its version when it is a regular file; never opens a FIFO or a device (which
    could block forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(), f"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}"
    finally:
        os.close(fd)



class Server(http.server.ThreadingHTTPServer):
    """A thread per connection, at most ``MAX_CONNECTIONS`` at once: a connection beyond them gets a 503 and is closed,
    so a flood of idle connections cannot hold a thread each without limit."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[http.server.BaseHTTPRequestHandler], max_connections: int = 0) -> None:
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections or MAX_CONNECTIONS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            try:
                request.settimeout(1)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints a traceback here; a request that broke its handler is one line (answers catch the rest).
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # the reader went away (a page change closes the page's open requests): nothing went wrong here
        print(f"serve: a request from {client_address[0]} failed: {type(exc).__name__}: {_escape(str(exc))}", file=sys.stderr, flush=True)


def _escape(text: str) -> str:
    """A value for the one line a failed request prints: control characters escaped, at most 200 characters."""
    return escape(text[:200])


