"""``app``: the browser app (web/dist) served to this computer only, on 127.0.0.1, a random port and a random token.

Standard library only, and nothing to upload to. A request is answered only when its Host header names this
server (a page elsewhere whose DNS name is rebound to 127.0.0.1 sends its own name: 403) and its path starts
with the token (other programs and pages on this computer do not know it: 403); a request with a body gets 413
(the page never sends data), any method but GET and HEAD 405. No CORS header is sent, so no other origin can read
a response; the page's Content-Security-Policy is sent as a header too, so that it holds for the worker as well.
"""

from __future__ import annotations

import hmac
import secrets
import shutil
import sys
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from analyzer.errors import AnalyzerError

LOOPBACK = "127.0.0.1"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
}


def bundle(dist: Path | None = None) -> Path:
    """The built app: ``dist``, or web/dist of the checkout this package runs from (``make web`` builds it)."""
    folder = dist if dist is not None else Path(__file__).resolve().parent.parent / "web" / "dist"
    if not (folder / "index.html").is_file() or not (folder / "manifest.json").is_file():
        raise AnalyzerError.said("err.app.bundle", path=str(folder))
    return folder.resolve()


class Server(ThreadingHTTPServer):
    """The app's server: ``url`` is the one address it answers; ``serve`` runs until it has been idle."""

    daemon_threads = True

    def __init__(self, root: Path, idle_seconds: float, service_worker: bool = False) -> None:
        self.root = root
        # Off for `app`: each run is a new address (a random port), whose cached copy of the page (14 MB) would
        # stay in the browser after every run; the server is there while the page is open. A static host serves it.
        self.service_worker = service_worker
        self.token = secrets.token_urlsafe(24)
        self.idle_seconds = idle_seconds
        self.last_request = time.monotonic()
        csp = root / "csp.txt"
        self.csp = csp.read_text(encoding="utf-8").strip() if csp.is_file() else "default-src 'self'"
        super().__init__((LOOPBACK, 0), _Handler)
        self.host = f"{LOOPBACK}:{self.server_address[1]}"

    @property
    def url(self) -> str:
        return f"http://{self.host}/{self.token}/"

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that stops reading (a cancelled load, a closed tab) is no error; anything else is a bug."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def serve(self) -> None:
        """Answer requests until none came for ``idle_seconds`` (Ctrl-C ends it sooner, as KeyboardInterrupt)."""
        self.timeout = 0.25
        while time.monotonic() - self.last_request < self.idle_seconds:
            self.handle_request()


class _Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "linkedin-ai-exposure"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_POST(self) -> None:
        self._answer(body=False, allowed=False)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def _answer(self, body: bool, allowed: bool = True) -> None:
        self.server.last_request = time.monotonic()
        path = urlsplit(self.path).path
        token, _, rest = path.removeprefix("/").partition("/")
        right = hmac.compare_digest(token.encode(), self.server.token.encode())
        if self.headers.get("Host", "") != self.server.host or not right:
            return self._refuse(HTTPStatus.FORBIDDEN)
        if self.headers.get("Content-Length", "0").strip() != "0" or "Transfer-Encoding" in self.headers:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        if not allowed:
            return self._refuse(HTTPStatus.METHOD_NOT_ALLOWED)
        target = (self.server.root / (unquote(rest) or "index.html")).resolve()
        outside = not target.is_relative_to(self.server.root) or not target.is_file()
        if outside or (target == self.server.root / "sw.js" and not self.server.service_worker):
            return self._refuse(HTTPStatus.NOT_FOUND)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", TYPES.get(target.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(target.stat().st_size))
        if not self.server.service_worker:
            self.send_header("X-Service-Worker", "off")  # the page registers none (app.js)
        self._safety_headers()
        self.end_headers()
        if body:
            with target.open("rb") as source:
                shutil.copyfileobj(source, self.wfile)

    def _refuse(self, status: HTTPStatus) -> None:
        self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self._safety_headers()
        self.end_headers()

    def _safety_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.server.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "no-cache")

    def log_message(self, format: str, *args: object) -> None:
        """Nothing is logged: the requests are the member's own."""
