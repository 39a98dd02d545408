"""``app``: the server answers this computer's browser only (Host and token), takes no data, and stops when idle."""

from __future__ import annotations

import ast
import http.client
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer import webapp
from analyzer.cli import app
from analyzer.webapp import Server
from tests.helpers import sigint_default

REAL_CONNECT, REAL_CREATE = socket.socket.connect, socket.create_connection  # before conftest's no_network


@pytest.fixture
def loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections to 127.0.0.1 only (every other address still fails the test)."""

    def connect(sock: socket.socket, address: tuple[str, int]) -> None:
        assert address[0] == "127.0.0.1", address
        REAL_CONNECT(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", REAL_CREATE)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **k: [(2, 1, 6, "", (host, port))])


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("app")
    folder = tmp_path / "dist"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><title>app</title>", encoding="utf-8")
    (folder / "manifest.json").write_text("{}", encoding="utf-8")
    (folder / "csp.txt").write_text("default-src 'none'\n", encoding="utf-8")
    (folder / "sw.js").write_text("// the service worker, for a static host only", encoding="utf-8")
    (folder / "pyodide").mkdir()
    (folder / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm")
    (tmp_path / "secret.txt").write_text("not for the browser", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def running(dist: Path) -> Iterator[Server]:
    """One server for the module's requests (each test connects through ``loopback``)."""
    running = Server(dist, idle_seconds=60)
    thread = threading.Thread(target=running.serve, daemon=True)
    thread.start()
    yield running
    running.idle_seconds = 0
    thread.join(5)
    running.server_close()


@pytest.fixture
def server(running: Server, loopback: None) -> Server:
    return running


def ask(
    server: Server, path: str, method: str = "GET", host: str | None = None, body: bytes | None = None
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host if host is not None else server.host)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_app_is_served_at_its_address_only(server: Server) -> None:
    assert server.server_address[0] == "127.0.0.1" and server.server_address[1] > 0
    assert server.url == f"http://127.0.0.1:{server.server_address[1]}/{server.token}/"
    page = ask(server, f"/{server.token}/")
    assert page.status == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Content-Security-Policy"] == "default-src 'none'"
    assert not [h for h in page.headers if h.lower().startswith("access-control-")]  # no CORS
    assert page.headers["X-Service-Worker"] == "off"  # the page registers none under app
    wasm = ask(server, f"/{server.token}/pyodide/pyodide.asm.wasm")
    assert wasm.status == 200 and wasm.headers["Content-Type"] == "application/wasm"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "localhost:{port}", "127.0.0.1", ""])
def test_a_wrong_host_header_is_refused(server: Server, host: str) -> None:
    """A page whose DNS name was rebound to 127.0.0.1 sends its own name."""
    assert ask(server, f"/{server.token}/", host=host.format(port=server.server_address[1])).status == 403


@pytest.mark.parametrize("path", ["/", "/index.html", "/{bad}/index.html", "/{token}x/", "/{upper}/", "/%C3%A4/"])
def test_a_missing_or_wrong_token_is_refused(server: Server, path: str) -> None:
    bad = "A" * len(server.token)
    assert ask(server, path.format(bad=bad, token=server.token, upper=server.token.upper())).status == 403


def test_a_request_with_a_body_is_too_large_and_other_methods_are_not_allowed(server: Server) -> None:
    assert ask(server, f"/{server.token}/", method="POST", body=b"x" * 10).status == 413
    assert ask(server, f"/{server.token}/", method="PUT", body=b"x").status == 413
    assert ask(server, f"/{server.token}/", method="GET", body=b"x").status == 413
    assert ask(server, f"/{server.token}/", method="POST", body=b"").status == 405
    assert ask(server, f"/{server.token}/", method="DELETE").status == 405


@pytest.mark.parametrize(
    "path", ["../secret.txt", "%2e%2e/secret.txt", "pyodide/../../secret.txt", "missing.js", "sw.js"]
)
def test_nothing_outside_the_bundle_is_served(server: Server, path: str) -> None:
    assert ask(server, f"/{server.token}/{path}").status == 404


def test_a_static_host_serves_the_service_worker(dist: Path, loopback: None) -> None:
    with Server(dist, idle_seconds=60, service_worker=True) as static:
        thread = threading.Thread(target=static.serve, daemon=True)
        thread.start()
        assert ask(static, f"/{static.token}/sw.js").status == 200
        assert ask(static, f"/{static.token}/").headers["X-Service-Worker"] is None
        static.idle_seconds = 0
        thread.join(5)


def test_the_server_stops_when_idle(dist: Path) -> None:
    with Server(dist, idle_seconds=0.3) as idle:
        began = time.monotonic()
        idle.serve()
        assert 0.3 <= time.monotonic() - began < 3


def test_the_server_needs_only_the_standard_library() -> None:
    tree = ast.parse(Path(webapp.__file__).read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    outside = {n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - {"analyzer", "__future__"}
    assert outside == set()


def test_the_command_opens_the_browser_at_the_token_address(dist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setattr(Server, "serve", lambda self: None)
    result = CliRunner().invoke(app, ["app", "--dist", str(dist), "--idle", "2", "--lang", "de"])
    assert result.exit_code == 0, result.output
    (url,) = opened
    assert url.startswith("http://127.0.0.1:") and url in result.stderr.replace("\n", "")
    assert "Nur dieser Computer erreicht sie." in result.stderr.replace("\n", " ")
    assert "Nach 2 Minuten ohne Anfrage beendet" in result.stderr.replace("\n", " ")


def test_ctrl_c_ends_the_command(dist: Path) -> None:
    """In a real process: the address on stderr, then SIGINT ends it as Ctrl-C ends any command (exit 130)."""
    import os
    import signal
    import subprocess

    env = os.environ | {"LANG": "en_US.UTF-8", "LANGUAGE": "en"}
    command = [sys.executable, "-m", "analyzer", "app", "--dist", str(dist), "--no-browser"]
    # As from a terminal: a run started in the background (bash's `&`) inherits SIGINT ignored, and Python then
    # leaves it ignored, as it should.
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=sigint_default) as process:
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            assert "The app is at http://127.0.0.1:" in line
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 130
            assert "Interrupted" in process.stderr.read()
        finally:
            process.kill()  # never left serving (the with block would wait for it)


def test_the_command_says_when_the_app_is_not_built(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["app", "--dist", str(tmp_path), "--no-browser", "--lang", "de"])
    assert result.exit_code == 1
    assert "Die Browser-App ist in" in result.stderr and "make web" in result.stderr
