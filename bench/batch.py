"""Benchmark of batch mode: 200 generated exports (one seed per member) with --jobs 1 and --jobs 2.

    python bench/batch.py [--exports 200] [--reps 3]

The exports are generated once into the benchmark cache (~/.cache/linkedin-ai-exposure-bench/batch-N).
Each run is its own process, interleaved; wall time and the peak RSS of the batch process plus its
largest worker are recorded, and the section "## Batch" of bench/results.md is written anew.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import OURS

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "linkedin-ai-exposure-bench"
RESULTS = ROOT / "bench" / "results.md"
SAMPLE = "Complete_LinkedInDataExport_11-28-2026.zip"


def generate(count: int) -> Path:
    folder = CACHE / f"batch-{count}"
    if len(list(folder.glob("*.zip"))) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    spec = importlib.util.spec_from_file_location("generate", ROOT / "sample_exports" / "generate.py")
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = generate  # its dataclasses look their module up
    spec.loader.exec_module(generate)
    _, prefix, stamp = generate.SAMPLES[SAMPLE]
    print(f"generating {count} exports in {folder} …", flush=True)
    for seed in range(count):
        name = f"member-{seed:04d}_{SAMPLE}"
        generate.write_zip(folder / name, generate.build_modern(seed=10_000 + seed), prefix, stamp)
    return folder


def run(argv: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[:6]} failed:\n{err.decode(errors='replace')[-2000:]}")
    last = err.decode(errors="replace").strip().splitlines()[-1]
    children = int(last.split()[-1]) if last.startswith("maxrss-kb") else 0
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "child_rss": children / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exports", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    folder = generate(args.exports)
    out = Path(tempfile.gettempdir()) / "bench-batch.csv"
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for _ in range(args.reps):
        for jobs in runs:  # interleaved
            runs[jobs].append(
                run(
                    [
                        sys.executable,
                        "-c",
                        OURS,
                        "batch",
                        str(folder),
                        "--out",
                        str(out),
                        "--force",
                        "--jobs",
                        str(jobs),
                    ]
                )
            )
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    size = sum(p.stat().st_size for p in folder.glob("*.zip"))
    lines = ["## Batch", "",
             f"`batch` over {args.exports} generated exports (the 2026 sample's generator, one seed each; {size / 1e6:.1f} MB "
             f"zipped), `--out results.csv`; {rows:,} category rows. Made by `python bench/batch.py` on "
             f"{time.strftime('%Y-%m-%d')}; medians of {args.reps} interleaved runs.", "",
             "| run | wall s | CPU s | exports / s | peak RSS MB: batch process | largest worker |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for jobs, samples in runs.items():
        m = {k: statistics.median(s[k] for s in samples) for k in ("wall", "cpu", "rss", "child_rss")}
        worker = f"{m['child_rss']:.0f}" if jobs > 1 else "– (one process)"
        lines.append(
            f"| `--jobs {jobs}` | {m['wall']:.2f} | {m['cpu']:.2f} | {args.exports / m['wall']:.0f} | {m['rss']:.0f} | {worker} |"
        )
    lines.append("")
    section = "\n".join(lines)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    kept = text[: text.index("## Batch")] if "## Batch" in text else text  # the section is written anew
    text = kept.rstrip("\n") + "\n\n"
    RESULTS.write_text(text + section, encoding="utf-8")
    out.unlink(missing_ok=True)
    print(section)


if __name__ == "__main__":
    main()
