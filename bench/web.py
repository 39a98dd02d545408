"""The browser app's times (``make bench``, when web/dist is built): Pyodide's start and a scan, in Node and in
Chromium, medians of interleaved runs. Node runs the bundle as the page's worker does; Chromium (with Playwright,
where installed) the page itself, served by ``app``'s server."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "web" / "dist"
SAMPLE = ROOT / "sample_exports" / "Complete_LinkedInDataExport_11-28-2026.zip"
SCRIPT = ROOT / "tests" / "web" / "scan.mjs"
RUNS = 3


def node(archives: list[Path]) -> list[dict]:
    done = subprocess.run(["node", str(SCRIPT), str(DIST), "de", "--xlsx", *map(str, archives)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return [json.loads(line) for line in done.stdout.splitlines()]


def chromium() -> dict[str, float] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    sys.path.insert(0, str(ROOT))
    from analyzer.webapp import Server

    server = Server(DIST, idle_seconds=600, service_worker=True)
    threading.Thread(target=server.serve, daemon=True).start()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=flags)  # fmt: skip
        page = browser.new_context(locale="de-DE").new_page()
        began = time.perf_counter()
        page.goto(server.url)
        page.wait_for_selector("#file:not([disabled])", timeout=180_000)
        started = time.perf_counter() - began
        page.set_input_files("#file", str(SAMPLE))
        page.wait_for_selector("#result:not([hidden])", timeout=180_000)
        browser.close()
    server.idle_seconds = 0
    return {"start": started, "scan": time.perf_counter() - began - started}


def main() -> None:
    if not (DIST / "manifest.json").is_file() or shutil.which("node") is None:
        print("browser app: not built (make web) or no node; skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "sample_exports" / "generate.py"), "--scale", "4", "--out", tmp,
                        "--only", SAMPLE.name], check=True, capture_output=True)  # fmt: skip
        archives = [SAMPLE, Path(tmp) / SAMPLE.name]
        nodes, pages = [], []
        for _ in range(RUNS):  # interleaved, so drift in machine load hits both alike
            nodes.append(node(archives))
            pages.append(chromium())
    median = statistics.median
    print("browser app (medians of", RUNS, "runs; the sample and a 4x export, German workbook):")
    print(f"  Node: Pyodide and wheels started in {median(r[0]['started'] for r in nodes):.1f} s")
    for i, name in enumerate(("sample", "4x export"), start=1):
        scan, xlsx = median(r[i]["seconds"] for r in nodes), median(r[i]["xlsx_seconds"] for r in nodes)
        print(f"  Node: {name}: scan {scan:.1f} s, workbook {xlsx:.1f} s")
    if all(pages):
        print(f"  Chromium: page ready in {median(p['start'] for p in pages if p):.1f} s, "
              f"sample scanned and shown in {median(p['scan'] for p in pages if p):.1f} s")  # fmt: skip
    else:
        print("  Chromium: playwright not installed (pip install -e '.[web]'); skipped")


if __name__ == "__main__":
    main()
