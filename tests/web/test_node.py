"""The bundle in Node, without a browser: every sample, three broken exports and a scaled export give the JSON of
``scan --json``.

One Node process starts Pyodide once (as the page's worker does, through web/src/engine.mjs) and scans every
archive; its JSON is compared with the command line's scan of the same file, apart from the time stamp and
the path (the bundle sees the file where it is mounted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from analyzer.mapping import load_mapping
from analyzer.pipeline import scan
from analyzer.render import render
from tests.conftest import PROFILE, SAMPLES
from tests.helpers import zip_of
from tests.web.bundle import NODE, ROOT, need, need_bundle

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("scan.mjs")
SCALED = "Complete_LinkedInDataExport_11-28-2026.zip"
#: Generous bounds on a loaded 2-core machine (start-up is about 5 s, a sample's scan about 1-4 s, when idle).
START_LIMIT, SCAN_LIMIT = 60.0, 60.0


def cli_json(path: Path) -> dict[str, Any]:
    return dict(json.loads(render("json", scan(path, load_mapping()), "en")))


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    return report | {"generated_at": None, "source": report["source"] | {"path": None}}


def hostile(folder: Path) -> list[Path]:
    """Exports the scan reads with problems, as the CLI reports them: cut off, inside a ZIP, a header too wide."""
    sample = (SAMPLES[-1]).read_bytes()
    wide = ",".join(f"c{i}" for i in range(20_000)) + "\nx\n"
    made = {
        "cut/Complete_LinkedInDataExport_11-28-2026.zip": sample[: len(sample) * 2 // 3],
        "nested/Complete_LinkedInDataExport_11-28-2026.zip": zip_of([(SAMPLES[-1].name, sample, 0)]),
        "wide/Complete_LinkedInDataExport_11-28-2026.zip": zip_of(
            [("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", wide.encode(), 8)]
        ),
    }
    for name, data in made.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return [folder / name for name in made]


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("x4")
    generate = [sys.executable, str(ROOT / "sample_exports" / "generate.py"), "--scale", "4", "--out", str(folder)]
    subprocess.run([*generate, "--only", SCALED], check=True, capture_output=True)
    return [*SAMPLES, *hostile(folder), folder / SCALED]


@pytest.fixture(scope="module")
def node_run(archives: list[Path]) -> list[dict[str, Any]]:
    dist = need_bundle()
    need("node", NODE is not None)
    done = subprocess.run(
        [str(NODE), str(SCRIPT), str(dist), "en", *map(str, archives)],
        capture_output=True,
        text=True,
        timeout=START_LIMIT + SCAN_LIMIT * len(archives),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_bundle_starts_in_time(node_run: list[dict[str, Any]]) -> None:
    print(f"Pyodide and the wheels: {node_run[0]['started']:.1f} s")
    assert 0 < node_run[0]["started"] < START_LIMIT


def test_every_archive_gives_the_json_of_the_command_line(node_run: list[dict[str, Any]], archives: list[Path]) -> None:
    scanned = node_run[1:]
    assert [Path(s["archive"]) for s in scanned] == archives
    for path, got in zip(archives, scanned, strict=True):
        assert "error" not in got, got.get("error")
        print(f"{path.name}: {got['seconds']:.1f} s in the bundle")
        assert got["seconds"] < SCAN_LIMIT
        assert got["report"]["source"]["path"].endswith("/" + path.name)  # the file keeps its name
        assert comparable(got["report"]) == comparable(cli_json(path))


def test_the_scaled_export_is_larger_than_the_samples(node_run: list[dict[str, Any]]) -> None:
    records = [s["report"]["headline"]["records"] for s in node_run[1:]]
    assert records[-1] > 3 * max(records[:-1])


def test_the_broken_exports_are_read_with_their_problems(node_run: list[dict[str, Any]]) -> None:
    """The limits and the salvage hold in the bundle as on the command line (the JSON above is equal)."""
    cut, nested, wide = (s["report"] for s in node_run[1 + len(SAMPLES) : 4 + len(SAMPLES)])
    assert cut["source"]["cut_off"] and nested["source"]["nested_zip"]
    problems = [p for d in wide["datasets"] for p in d["problems"]]
    assert any("20,000 columns, more than the limit of 16,384" in p for p in problems), problems
