"""The page in Chromium (Debian's, driven by Playwright): pick the sample, see its report, save the workbook;
every request goes to the local server; the policy blocks any other; a reload without network still scans;
hostile files give the command line's errors.

One browser and one page for the module (Pyodide starts once, and once more for the reload offline). The
network is off for Chromium besides: a dead proxy and a resolver that finds no name; only 127.0.0.1 answers.
"""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.render import render
from analyzer.webapp import Server
from tests.conftest import SAMPLES_DIR
from tests.helpers import SKILLS, cli, write, zip_of
from tests.web.bundle import need, need_bundle

pytestmark = pytest.mark.slow

SAMPLE = SAMPLES_DIR / "Complete_LinkedInDataExport_11-28-2026.zip"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--proxy-server=127.0.0.1:9",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # fmt: skip
START, SCAN = 120_000, 60_000  # ms: Pyodide's start and a scan, on a loaded 2-core machine


@dataclass
class Session:
    server: Server
    page: Any
    context: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def pick(self, path: Path) -> None:
        self.page.set_input_files("#file", str(path))

    def elsewhere(self) -> list[str]:
        origin = f"http://{self.server.host}/{self.server.token}/"
        return [url for url in self.requests if not url.startswith((origin, "blob:", "about:"))]


def ready(page: Any) -> None:
    page.wait_for_selector("#file:not([disabled])", timeout=START)


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    dist = need_bundle()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    need("playwright (pip install playwright)", sync_playwright is not None)
    need("chromium", Path(CHROMIUM).exists())
    assert sync_playwright is not None
    server = Server(dist, idle_seconds=600, service_worker=True)  # as a static host serves the page
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(accept_downloads=True, locale="de-DE", service_workers="allow")
        page = context.new_page()
        running = Session(server, page, context)
        context.on("request", lambda request: running.requests.append(request.url))
        page.on("console", lambda m: m.type == "error" and running.errors.append(m.text))
        page.on("pageerror", lambda e: running.errors.append(str(e)))
        page.goto(server.url)
        ready(page)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        yield running
        browser.close()
    server.idle_seconds = 0
    thread.join(5)
    server.server_close()


def cli_report(path: Path) -> Any:
    return scan(path, load_mapping())


def test_the_sample_shows_its_progress_its_report_and_saves_its_workbook(session: Session) -> None:
    page = session.page
    page.evaluate(
        """() => { window.seen = []; new MutationObserver(() => window.seen.push(document.getElementById("status")
            .textContent)).observe(document.getElementById("status"), { childList: true, characterData: true,
            subtree: true }); }"""
    )
    session.pick(SAMPLE)
    page.wait_for_selector("#result:not([hidden])", timeout=SCAN)
    seen = page.evaluate("window.seen")
    assert "Complete_LinkedInDataExport_11-28-2026.zip wird gelesen …" in seen
    assert [s for s in seen if s.startswith("100\u00a0% gelesen · ")], seen  # the scan's own progress, file by file
    report = cli_report(SAMPLE)
    frame = page.frame_locator("#report")
    expected = render("html", report, "de")
    headline = expected.split('<div class="headline">', 1)[1].split("</div>", 1)[0]
    shown = frame.locator("div.headline").inner_html().replace("&nbsp;", "\u00a0")  # the browser writes it as an entity
    assert shown.strip() == headline.strip()
    assert frame.locator("h1").inner_text() == "Welche Ihrer Daten LinkedIn für KI-Training nutzen könnte"
    with page.expect_download() as download:
        page.click("[data-save=xlsx]")
    assert download.value.suggested_filename == "linkedin-ai-exposure-2026-11-28.xlsx"
    from openpyxl import load_workbook

    got = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    want = load_workbook(io.BytesIO(render("xlsx", report, "de")))
    assert got.sheetnames == want.sheetnames
    for name in ("Übersicht", "Dateien", "Spalten", "Zeitverlauf"):
        if name in want.sheetnames:
            rows = [list(r) for r in got[name].iter_rows(values_only=True)]
            assert rows == [list(r) for r in want[name].iter_rows(values_only=True)], name
    assert session.elsewhere() == [] and session.errors == []


def test_the_letter_and_the_page_are_saved_too(session: Session) -> None:
    """After the sample's scan (the test above): the objection letter is the command line's, the HTML its report."""
    page = session.page
    page.wait_for_selector("#result:not([hidden])", timeout=SCAN)
    report = cli_report(SAMPLE)
    saved = {}
    for kind in ("letter", "html"):
        with page.expect_download() as download:
            page.click(f"[data-save={kind}]")
        saved[kind] = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved["letter"] == render("letter", report, "de", today=date.today())
    assert saved["html"].startswith("<!DOCTYPE html>") and 'lang="de"' in saved["html"]
    headline = render("html", report, "de").split('<div class="headline">', 1)[1].split("</div>", 1)[0]
    assert headline in saved["html"]


def test_the_language_switch_redraws_the_report(session: Session) -> None:
    page, frame = session.page, session.page.frame_locator("#report")
    page.click("#lang")
    try:
        page.wait_for_function("document.documentElement.lang === 'en'")
        frame.get_by_role("heading", name="What of your LinkedIn data may train LinkedIn's AI").wait_for(timeout=SCAN)
        assert page.inner_text("#lang") == "Deutsch" and page.inner_text("h1").startswith("What of your data")
    finally:
        page.click("#lang")
    frame.get_by_role("heading", name="Welche Ihrer Daten LinkedIn für KI-Training nutzen könnte").wait_for(
        timeout=SCAN
    )
    assert session.errors == []


def test_a_fetch_elsewhere_is_blocked_by_the_policy(session: Session) -> None:
    before = len(session.errors)
    seen = session.page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
            fetch("https://example.org/").catch(() => {});
        })"""
    )
    assert seen == "connect-src"
    assert not [url for url in session.requests if "example.org" in url]
    blocked = session.errors[before:]
    assert blocked and all("example.org" in e and "Content Security Policy" in e for e in blocked)
    del session.errors[before:]  # the console's word on the blocked fetch, which other tests must not count


def test_the_worker_is_held_by_the_policy_too(session: Session) -> None:
    """The app sends the policy as a header, which is what a worker obeys (a page's meta tag does not reach it)."""
    (worker,) = session.page.workers
    seen = worker.evaluate(
        """() => new Promise((resolve) => {
            self.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
            fetch("https://example.org/").catch(() => {});
            setTimeout(() => resolve("no violation"), 5000);
        })"""
    )
    assert seen == "connect-src" and not [url for url in session.requests if "example.org" in url]
    session.errors[:] = [e for e in session.errors if "example.org" not in e]


def test_opened_from_a_file_the_page_says_how_to_open_it(session: Session) -> None:
    page = session.context.new_page()
    try:
        page.goto((need_bundle() / "index.html").as_uri())
        page.wait_for_timeout(500)  # the app would have started by now, had the browser run it
        notice = page.locator("#notice")
        assert notice.is_visible() and not page.locator("#app").is_visible()
        assert "This page does not work when opened straight from a file." in notice.inner_text()
        assert "Öffnen Sie sie mit dem Befehl linkedin-ai-exposure app" in notice.inner_text()
    finally:
        page.close()
    session.requests[:] = [url for url in session.requests if not url.startswith("file:")]


def test_under_app_no_service_worker_stays_behind(session: Session) -> None:
    """``app`` runs at a new address each time: a cached copy of the page per run would stay in the browser."""
    registered = "navigator.serviceWorker.getRegistrations().then((r) => r.length)"
    assert session.page.evaluate(registered) == 1  # served as a static host serves it
    with Server(session.server.root, idle_seconds=60) as app_server:
        thread = threading.Thread(target=app_server.serve, daemon=True)
        thread.start()
        context = session.context.browser.new_context()
        try:
            page = context.new_page()
            page.goto(app_server.url)
            page.wait_for_selector("#status:not(:empty)", timeout=SCAN)
            page.wait_for_timeout(500)
            assert page.evaluate(registered) == 0
        finally:
            context.close()
            app_server.idle_seconds = 0
            thread.join(5)


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.zip", b""),
        ("notes.zip", b"just some text, not a zip\n"),
        ("trunc.zip", zip_of([("Skills.csv", SKILLS.encode() * 50, zipfile.ZIP_DEFLATED)])[:40]),
        ("photos.zip", zip_of([("a.jpg", b"\xff\xd8", zipfile.ZIP_STORED)])),
    ],
    ids=["empty", "not-a-zip", "truncated-unrecoverable", "not-an-export"],
)
def test_hostile_files_give_the_errors_of_the_command_line(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes
) -> None:
    path = write(tmp_path, name, data)
    monkeypatch.chdir(tmp_path)  # the command line names the file as given; the page by its name
    said = cli("scan", name, "--lang", "de")
    assert said.exit_code == 1
    expected = said.stderr.strip()
    session.pick(path)
    shown = session.page.wait_for_function(
        """(expected) => { const box = document.getElementById("error");
            return !box.hidden && box.textContent.length > 0 && box.textContent; }""",
        arg=expected,
        timeout=SCAN,
    ).json_value()
    assert " ".join(shown.split()) == " ".join(expected.split())
    assert session.elsewhere() == []


def test_a_reload_without_network_still_scans(session: Session) -> None:
    page, context = session.page, session.context
    context.set_offline(True)
    try:
        page.reload()
        ready(page)
        session.pick(SAMPLE)
        page.wait_for_selector("#result:not([hidden])", timeout=SCAN)
        assert "Welche Ihrer Daten" in page.frame_locator("#report").locator("h1").inner_text()
    finally:
        context.set_offline(False)
    assert session.elsewhere() == [] and session.errors == []
