"""Builds web/dist, the browser app: Pyodide from npm, the project's wheel and its pinned pure-Python wheels.

Run by ``make web`` after ``npm ci`` (which checks Pyodide against package-lock.json's integrity). Every
wheel from PyPI is checked by pip against its sha256 in wheels.txt; every file of the bundle is listed with
its sha256 in dist/manifest.json, which the page checks the wheels against before installing them. Nothing
is fetched at run time from anywhere but the page's own origin.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

WEB = Path(__file__).resolve().parent
ROOT = WEB.parent
DIST = WEB / "dist"
CACHE = WEB / ".cache"
PYODIDE = WEB / "node_modules" / "pyodide"
#: What of the npm package the page loads (the rest is documentation, type stubs and source maps).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PLACEHOLDER = re.compile(r"@@(en|de):([\w.]+)@@")


def pyodide_version() -> str:
    """The installed Pyodide, which must be the one package-lock.json pins (npm ci checked its integrity)."""
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pyodide"]["version"]
    installed = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        sys.exit(f"node_modules has Pyodide {installed}, package-lock.json pins {pinned}: run npm ci in web/")
    return str(pinned)


def pypi_wheels(into: Path) -> list[Path]:
    """The wheels of wheels.txt, each checked by pip against its pinned sha256; MarkupSafe packed from its sdist."""
    into.mkdir(parents=True, exist_ok=True)
    pinned = set(re.findall(r"--hash=sha256:([0-9a-f]{64})", (WEB / "wheels.txt").read_text(encoding="utf-8")))
    if pinned - {sha256(p) for p in into.iterdir() if p.suffix in (".whl", ".gz")}:  # else all are here, checked
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
        subprocess.run([*pip, "--require-hashes", "-r", str(WEB / "wheels.txt"), "-d", str(into)], check=True)
    wheels = sorted(into.glob("*.whl"))
    sdists = sorted(into.glob("markupsafe-*.tar.gz"))
    return [w for w in wheels if not w.name.startswith("markupsafe")] + [pure_markupsafe(sdists[-1], into)]


def pure_markupsafe(sdist: Path, into: Path) -> Path:
    """A py3-none-any wheel of MarkupSafe's Python files: without ``_speedups`` it uses ``_native``."""
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        version = top.rsplit("-", 1)[1]
        members = {
            m.name.split("/src/", 1)[1]: tar.extractfile(m).read()  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile() and "/src/markupsafe/" in m.name and not m.name.endswith(".c")
        }
        metadata = tar.extractfile(f"{top}/PKG-INFO").read()  # type: ignore[union-attr]
    info = f"markupsafe-{version}.dist-info"
    members[f"{info}/METADATA"] = metadata
    members[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: linkedin-ai-exposure web/build.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = "".join(
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}\n"
        for name, data in sorted(members.items())
    )
    members[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    target = into / f"markupsafe-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as whl:
        for name, data in sorted(members.items()):
            whl.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return target


def project_wheel(into: Path) -> Path:
    """The project's own wheel, built from this checkout (hatchling, as the release is)."""
    shutil.rmtree(into, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps"]
    subprocess.run([*pip, "--no-build-isolation", "-w", str(into), str(ROOT)], check=True)
    return next(into.glob("linkedin_ai_exposure-*.whl"))


def strings() -> dict[str, dict[str, str]]:
    """The page's own words (``web.*`` in the catalogue), in both languages."""
    sys.path.insert(0, str(ROOT))
    from analyzer.i18n import CATALOGUE, t

    keys = sorted(k for k in CATALOGUE if k.startswith("web."))
    return {lang: {k: t(lang, k) for k in keys} for lang in ("en", "de")}


def page_csp(src: Path) -> str:
    """The page's Content-Security-Policy: its own scripts, workers and requests only; WebAssembly compiled
    (Pyodide); styles from the page's sheet, and the report's inline sheet by its hash (shown in a frame)."""
    from analyzer.render.html import style_sheet

    report_style = style_sheet()[1]
    return (
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
        f"style-src 'self' {report_style}; img-src 'self'; frame-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def fill(text: str, words: dict[str, dict[str, str]], csp: str) -> str:
    return PLACEHOLDER.sub(lambda m: html.escape(words[m[1]][m[2]]), text.replace("@@csp@@", csp))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build() -> Path:
    version = pyodide_version()
    wheels = [*pypi_wheels(CACHE / "pypi"), project_wheel(CACHE / "project")]
    words = strings()
    csp = page_csp(WEB / "src")
    out = Path(tempfile.mkdtemp(prefix="dist.", dir=WEB))
    (out / "pyodide").mkdir()
    (out / "wheels").mkdir()
    for name in PYODIDE_FILES:
        shutil.copyfile(PYODIDE / name, out / "pyodide" / name)
    for wheel in wheels:
        shutil.copyfile(wheel, out / "wheels" / wheel.name)
    (out / "csp.txt").write_text(csp + "\n", encoding="utf-8")  # sent as a header by `app` (it covers the worker)
    # The same headers for a static host that reads a _headers file (Netlify, Cloudflare Pages).
    headers = f"Content-Security-Policy: {csp}\nX-Content-Type-Options: nosniff\nReferrer-Policy: no-referrer\n"
    (out / "_headers").write_text("/*\n" + "".join(f"  {h}\n" for h in headers.splitlines()), encoding="utf-8")
    (out / "strings.json").write_text(json.dumps(words, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    for src in sorted((WEB / "src").iterdir()):
        if src.name != "sw.js":
            (out / src.name).write_text(fill(src.read_text(encoding="utf-8"), words, csp), encoding="utf-8")
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    manifest = {
        "pyodide": version,
        "wheels": [w.name for w in wheels],
        "files": {name: sha256(out / name) for name in files},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    # The service worker keeps every file for a reload without network, under a name that changes with them.
    build_id = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:16]
    worker = (WEB / "src" / "sw.js").read_text(encoding="utf-8")
    worker = worker.replace("@@build@@", build_id).replace('"@@files@@"', json.dumps(["./", *files, "manifest.json"]))
    (out / "sw.js").write_text(worker, encoding="utf-8")
    out.chmod(0o755)
    shutil.rmtree(DIST, ignore_errors=True)
    out.rename(DIST)
    return DIST


if __name__ == "__main__":
    built = build()
    total = sum(p.stat().st_size for p in built.rglob("*") if p.is_file())
    print(f"web/dist: {total / 1e6:.1f} MB")
