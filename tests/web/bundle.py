"""The built browser app (``make web`` → web/dist) and what its tests need: skipped where it is missing,
failed instead where ``LIAE_WEB_TESTS=required`` (``.ci/run`` sets it after building the bundle)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DIST = ROOT / "web" / "dist"
NODE = shutil.which("node")
REQUIRED = os.environ.get("LIAE_WEB_TESTS") == "required"


def need(what: str, present: bool) -> None:
    """Skip (or, in CI, fail) the test when ``what`` is not there."""
    if not present:
        message = f"{what} is missing: run `make web` (CI runs it in .ci/run)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


def need_bundle() -> Path:
    need("web/dist", (DIST / "manifest.json").is_file())
    return DIST
