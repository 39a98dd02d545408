"""Headless Chromium driven over the DevTools protocol on a pipe (no websocket, no extra package): load a
page with the network off, record every request and console message, take screenshots and a PDF print.

``python -m tests.render.browser OUT_DIR`` writes the screenshots and prints of the demo report in English
and German (``docs/report.png`` is ``report.en.top.png``, the top of the English desktop one).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Debian's /usr/bin/chromium is a shell wrapper; the binary itself keeps the protocol's pipe open.
_BINARIES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome")
CHROMIUM = next((p for p in map(shutil.which, _BINARIES) if p), None)
PHONE, DESKTOP = (390, 844), (1280, 900)


@dataclass
class Page:
    """What a loaded page did: requests it made and messages it logged."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


class Browser:
    def __init__(self, timeout: float = 60.0) -> None:
        assert CHROMIUM is not None
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        commands, self._write = os.pipe()
        self._read, answers = os.pipe()
        # Above 4, so that putting them in place cannot overwrite one with the other.
        to_child, from_child = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands, answers))
        os.close(commands)
        os.close(answers)

        def fds() -> None:  # the protocol's pipe is fd 3 (commands) and fd 4 (answers)
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--hide-scrollbars",
             "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
             "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
             f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for fd in (to_child, from_child):
            os.close(fd)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._message(deadline)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._message(deadline))

    def open(self, path: Path, width: int, height: int) -> Page:
        """Load ``path`` offline at a window of ``width`` × ``height`` CSS pixels."""
        self.events.clear()
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call("Network.emulateNetworkConditions", session=True, offline=True, latency=0,
                  downloadThroughput=-1, uploadThroughput=-1)  # fmt: skip
        self.resize(width, height)
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.call("Runtime.evaluate", session=True, expression="1")  # lets late console messages arrive
        page = Page()
        for e in self.events:
            params = e.get("params", {})
            if e.get("method") == "Network.requestWillBeSent":
                page.requests.append(params["request"]["url"])
            elif e.get("method") == "Runtime.consoleAPICalled":
                page.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif e.get("method") == "Runtime.exceptionThrown":
                page.console.append(str(params["exceptionDetails"]))
            elif e.get("method") == "Log.entryAdded":
                page.console.append(f"{params['entry']['level']}: {params['entry']['text']}")
        return page

    def resize(self, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)  # fmt: skip

    def evaluate(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)["result"]["value"]

    def screenshot(self, width: int, height: int | None = None) -> bytes:
        """The page at ``width``, as PNG: its first ``height`` pixels, or the whole of it."""
        self.resize(width, height or int(self.evaluate("document.documentElement.scrollHeight")))
        whole = height is None
        data = self.call("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=whole)["data"]
        return base64.b64decode(data)

    def pdf(self) -> bytes:
        data = self.call("Page.printToPDF", session=True, preferCSSPageSize=True, printBackground=True)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        os.close(self._read)
        os.close(self._write)
        shutil.rmtree(self.profile, ignore_errors=True)


def _main(out: Path) -> None:
    from analyzer.mapping import load_mapping
    from analyzer.pipeline import scan
    from analyzer.render import render
    from tests.conftest import SAMPLES_DIR

    report = scan(SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip", load_mapping())
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        for lang in ("en", "de"):
            page = out / f"report.{lang}.html"
            page.write_text(render("html", report, lang), encoding="utf-8")
            for name, (width, height) in (("phone", PHONE), ("desktop", DESKTOP)):
                browser.open(page, width, height)
                (out / f"report.{lang}.{name}.png").write_bytes(browser.screenshot(width))
            (out / f"report.{lang}.pdf").write_bytes(browser.pdf())
            browser.open(page, *DESKTOP)
            (out / f"report.{lang}.top.png").write_bytes(browser.screenshot(DESKTOP[0], 1500))
    finally:
        browser.close()


if __name__ == "__main__":
    _main(Path(sys.argv[1]))
