"""Packaging proves itself: build the wheel, install it in a fresh venv outside the repository (as pipx does), run
what a member runs first: --version, scan, guide."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from analyzer import __version__
from tests.conftest import ROOT, SAMPLES_DIR

pytestmark = pytest.mark.slow


def test_wheel_installs_and_runs_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("linkedin_ai_exposure-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "analyzer/data/linkedin.toml" in names and "analyzer/data/known_layouts.toml" in names
    assert "analyzer/render/templates/report.html.j2" in names and "analyzer/render/templates/report.css" in names
    assert not any(n.startswith(("tests/", "sample_exports/")) for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # pip comes from outside
    python = venv / "bin" / "python"
    # The dependencies come from this test environment (read-only, via a .pth line); the package itself
    # only from the wheel, so nothing of the source tree can leak in.
    deps = sysconfig.get_paths()["purelib"]
    fresh_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    Path(fresh_site, "test-deps.pth").write_text(deps + "\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                              "--no-index", str(wheel)], capture_output=True, text=True)  # fmt: skip
    assert install.returncode == 0, install.stderr

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(LANG="en_US.UTF-8", LANGUAGE="", LC_ALL="", COLUMNS="100")
    where = subprocess.run([str(python), "-c", "import analyzer, sys; print(analyzer.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)  # fmt: skip
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr
    command = venv / "bin" / "linkedin-ai-exposure"

    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([str(command), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env, cwd=tmp_path)  # fmt: skip

    # What a member runs first, from the installed command; independent, so they run side by side.
    runs = {
        "version": start("--version"),
        "mapping path": start("mapping", "path"),
        "scan": start("scan", str(SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"), "--json", "--html",
                      "report.html"),
        "guide": start("guide", "--lang", "de", "--region", "germany"),
        "mapping check": start("mapping", "check"),
    }  # fmt: skip
    done = {name: (run.communicate(), run.returncode) for name, run in runs.items()}
    failed = {name: err for name, ((_, err), code) in done.items() if code != 0}
    assert failed == {}
    out = {name: stdout for name, ((stdout, _), _) in done.items()}
    assert out["version"] == f"linkedin-ai-exposure {__version__}\n"  # the wheel carries the source's version
    assert out["mapping path"].strip().startswith(str(venv)), out["mapping path"]
    assert json.loads(out["scan"])["schema_version"] == 2
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # the template shipped
    # The German catalogue and the policy's settings address came with the wheel.
    assert (
        "Widerspruch" in out["guide"]
        and "linkedin.com/mypreferences/d/settings/data-for-ai-improvement" in out["guide"]
    )
    assert out["mapping check"].startswith("OK: built in")
