"""``glossary-tool serve`` on a hostile network: DNS rebinding, bad paths, idle and piled-up connections (failure 16).

A small project is built once and served from this process by the server ``serve`` uses; requests are written on raw
sockets, so that every header and byte is the attacker's choice.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from security_helpers import new_project

from glossary_tool.core.config import read_config, settings_from_raw
from glossary_tool.site import serve
from glossary_tool.site.serve import server as http_side


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> serve.Project:
    root = tmp_path_factory.mktemp("serve")
    raw = read_config(new_project(root / "p") / "mkdocs.yml")
    project = serve.Project(raw, settings_from_raw(raw), root / "out")
    project.full()
    return project


@contextmanager
def _serving(built: serve.Project, monkeypatch: pytest.MonkeyPatch, idle_seconds: float) -> Iterator[serve.Server]:
    monkeypatch.setattr(http_side, "IDLE_SECONDS", idle_seconds)
    srv = serve.Server(("127.0.0.1", 0), serve.handler_for(built, serve.State(), frozenset({"glossary.test"})), max_connections=3)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def server(built: serve.Project, monkeypatch: pytest.MonkeyPatch) -> Iterator[serve.Server]:
    with _serving(built, monkeypatch, 0.5) as srv:
        yield srv


def _address(srv: serve.Server) -> tuple[str, int]:
    host, port = srv.server_address[:2]
    assert isinstance(host, str)
    return host, port


def _ask(srv: serve.Server, request: bytes) -> bytes:
    with socket.create_connection(_address(srv), timeout=5) as s:
        s.sendall(request)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
            if b"\r\n\r\n" in out and len(out.split(b"\r\n\r\n", 1)[1]) >= _length(out):
                break
        return out


def _length(response: bytes) -> int:
    for line in response.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def _status(srv: serve.Server, path: str, host: str | None = "localhost") -> int:
    header = f"Host: {host}\r\n" if host is not None else ""
    response = _ask(srv, f"GET {path} HTTP/1.1\r\n{header}Connection: close\r\n\r\n".encode("latin-1"))
    return int(response.split(b" ", 2)[1])


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost", 200),
        ("localhost:8000", 200),
        ("127.0.0.1:8000", 200),
        ("[::1]:8000", 200),
        ("192.168.1.20:8000", 200),
        ("app.localhost", 200),
        ("glossary.test:8000", 200),
        ("LOCALHOST.", 200),
        ("evil.example", 403),
        ("evil.example:8000", 403),
        ("localhost.evil.example", 403),
        ("127.0.0.1.evil.example", 403),
        ("", 403),
        (None, 403),
    ],
)
def test_only_loopback_names_addresses_and_the_configured_name_are_answered(server: serve.Server, host: str | None, status: int) -> None:
    # DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends "Host: evil.example".
    assert _status(server, "/", host) == status
    assert _status(server, serve.EVENTS + "?epoch=-1", host) == status


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/%00", 400),
        ("/terms/%00/", 400),
        ("/%0d%0aSet-Cookie:x=1", 400),
        ("/%ff%fe", 400),
        ("*", 400),
        ("/" + "a" * 5000 + "/", 404),
        ("/..%2f..%2f..%2fetc/passwd", 404),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/sv/../../../etc/passwd", 404),
        ("/index-a-z/", 200),
    ],
)
def test_a_bad_path_gets_a_clean_answer_without_a_traceback(server: serve.Server, path: str, status: int, capfd: pytest.CaptureFixture[str]) -> None:
    assert _status(server, path) == status
    assert _status(server, "/") == 200  # the server goes on
    err = capfd.readouterr().err
    assert "Traceback" not in err and "root:" not in err, err


def test_an_idle_connection_is_closed(server: serve.Server) -> None:
    # The server's idle limit is 0.5 s here; this side waits ten times as long, and its own timeout would raise
    # TimeoutError: an empty read is the server closing the connection.
    with socket.create_connection(_address(server), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: local")  # a request that never ends (slowloris)
        assert s.recv(100) == b""


def test_connections_beyond_the_limit_are_refused_and_the_server_recovers(built: serve.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    # The server accepts connections in the order they were made, so the three held ones take the three slots before
    # the fourth is answered; the idle limit is the real one, so none of them is closed (and its slot freed) meanwhile.
    with _serving(built, monkeypatch, http_side.IDLE_SECONDS) as server:
        held = [socket.create_connection(_address(server), timeout=5) for _ in range(3)]
        try:
            with socket.create_connection(_address(server), timeout=5) as s:
                assert s.recv(100).startswith(b"HTTP/1.1 503")
        finally:
            for s in held:
                s.close()
        _recovers(server)


def _recovers(server: serve.Server) -> None:
    """The server answers again within a few seconds of the held connections closing (their threads free the slots)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if _status(server, "/") == 200:
                break
        except OSError:
            pass
        time.sleep(0.05)
    assert _status(server, "/") == 200


def test_serve_checks_the_host_of_its_own_address_and_site_url() -> None:
    assert serve.host_allowed("myhost.lan:8000", frozenset({"myhost.lan"}))
    assert not serve.host_allowed("myhost.lan.evil.example", frozenset({"myhost.lan"}))


def test_the_project_is_served(built: serve.Project, server: serve.Server, tmp_path: Path) -> None:
    response = _ask(server, b"GET /index-a-z/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 200") and b"</html>" in response
