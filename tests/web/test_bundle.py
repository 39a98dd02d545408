"""The built bundle: within its size budget, every file listed with its hash, the pins held, nothing absolute."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.web.bundle import ROOT, need_bundle

WEB = ROOT / "web"
#: Raw and compressed (gzip, as a static host serves it): Pyodide is most of it (the .wasm 9.6 MB, the stdlib 2.5 MB).
RAW_BUDGET, COMPRESSED_BUDGET = 16_000_000, 8_000_000
#: The app's own files, which must name no other address (Pyodide's own code mentions its CDN, unused: the
#: browser test shows every request goes to the page's origin).
OWN = ("index.html", "style.css", "app.js", "worker.js", "engine.mjs", "sw.js")


@pytest.fixture(scope="module")
def dist() -> Path:
    return need_bundle()


@pytest.fixture(scope="module")
def manifest(dist: Path) -> dict:
    return dict(json.loads((dist / "manifest.json").read_text(encoding="utf-8")))


def test_the_bundle_is_within_its_size_budget(dist: Path) -> None:
    files = [p.read_bytes() for p in dist.rglob("*") if p.is_file()]
    raw, compressed = sum(map(len, files)), sum(len(gzip.compress(f, 6)) for f in files)
    print(f"web/dist: {raw / 1e6:.1f} MB, {compressed / 1e6:.1f} MB compressed")
    assert raw < RAW_BUDGET and compressed < COMPRESSED_BUDGET


def test_every_file_is_listed_with_its_hash(dist: Path, manifest: dict) -> None:
    found = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == found - {"manifest.json", "sw.js"}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name


def test_the_pins_hold(manifest: dict) -> None:
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    assert manifest["pyodide"] == lock["packages"]["node_modules/pyodide"]["version"]
    assert lock["packages"]["node_modules/pyodide"]["integrity"].startswith("sha512-")
    pins = dict(re.findall(r"^(\S+)==\S+ --hash=sha256:([0-9a-f]{64})$", (WEB / "wheels.txt").read_text(), re.M))
    wheels = {name.split("-")[0].lower(): name for name in manifest["wheels"]}
    assert set(pins) | {"linkedin_ai_exposure"} == set(wheels)
    for name, digest in pins.items():
        if name != "markupsafe":  # packed from its pinned sdist: its pure-Python files only
            assert manifest["files"][f"wheels/{wheels[name]}"] == digest, name


def test_markupsafe_is_its_pure_python_fallback(dist: Path, manifest: dict) -> None:
    import zipfile

    (name,) = (w for w in manifest["wheels"] if w.startswith("markupsafe"))
    with zipfile.ZipFile(dist / "wheels" / name) as wheel:
        names = wheel.namelist()
    assert "markupsafe/_native.py" in names and not [n for n in names if n.endswith((".so", ".c", ".pyd"))]


@pytest.mark.parametrize("name", OWN)
def test_the_app_names_no_absolute_address(dist: Path, name: str) -> None:
    text = (dist / name).read_text(encoding="utf-8")
    assert re.findall(r"https?://", text, re.I) == []
    assert "@@" not in text  # every placeholder filled


def test_the_page_has_a_strict_policy_and_words_for_a_file_address(dist: Path) -> None:
    page = (dist / "index.html").read_text(encoding="utf-8")
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp == (dist / "csp.txt").read_text(encoding="utf-8").strip()
    rules = dict(rule.strip().split(" ", 1) for rule in csp.split(";"))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'self'"
    assert rules["script-src"] == "'self' 'wasm-unsafe-eval'"  # Pyodide compiles its WebAssembly; no eval
    assert rules["frame-src"] == "'none'"  # the report's frame is a srcdoc, no address
    assert "unsafe-inline" not in csp and "*" not in csp
    assert "This page does not work when opened straight from a file." in page
    assert "Diese Seite funktioniert nicht, wenn sie direkt als Datei geöffnet wird." in page
