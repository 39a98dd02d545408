"""Benchmark: the scan against the cost of just unzipping (floor) and a notebook's pandas.read_csv (naive).

    make bench                      # or: python bench/run.py [--reps 5] [--naive-python PY]

Generates, with the sample generator's scale factor, a heavy archive (about 1,000,000 messages) and one
twice that size, caches them outside the repository (~/.cache/linkedin-ai-exposure-bench), runs every
contender as its own process, interleaved, several times, and writes bench/results.md with the median
wall time, CPU time (all processes) and peak RSS of each (os.wait4 gives the child's own usage; the
second process a large scan forks is added to the scan's RSS, so the figure is an upper bound).

The scan and the import baseline run with this interpreter, in an environment like a user's install with
the ``fast`` extra (ISA-L's inflate; the scan also runs once per round with zlib, as without the extra);
naive needs pandas and runs with --naive-python (make bench gives it a venv of its own, so that pandas'
numpy does not load into the scan: pyarrow imports numpy whenever it is importable). The scan's JSON is
compared by its digest with the one the previous results recorded, so a change of any figure shows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "linkedin-ai-exposure-bench"
SAMPLE = "Complete_LinkedInDataExport_11-28-2026.zip"
TYPICAL = ROOT / "sample_exports" / SAMPLE
HEAVY_SCALE = 2500  # 400 messages per unit → 1,000,000 messages

FLOOR = """
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zf:
    for info in zf.infolist():
        with zf.open(info) as member:
            while member.read(1 << 20):
                pass
"""
NAIVE = """
import sys, zipfile
if sys.argv[2] == "without-pyarrow":
    sys.modules["pyarrow"] = None  # as after `pip install pandas`: pandas then keeps text in Python objects
import json, pandas
failed, unread = [], 0
with zipfile.ZipFile(sys.argv[1]) as zf:
    for info in zf.infolist():
        if info.filename.lower().endswith(".csv"):
            try:
                pandas.read_csv(zf.open(info))
            except Exception:
                failed.append(info.filename)
                unread += info.file_size
print(json.dumps({"failed": failed, "unread": unread}))
"""
# The floor with ISA-L's inflate and CRC-32 (the optional extra the scan uses where installed): the same reads
# of the compressed bytes as the scan's own member reader (analyzer/inflate.py), nothing else.
FLOOR_ISAL = """
import os, sys, zipfile
from isal import isal_zlib
with open(sys.argv[1], "rb") as handle, zipfile.ZipFile(handle) as zf:
    fd = handle.fileno()
    for info in zf.infolist():
        zf.open(info).close()  # zipfile checks the local header, as for the scan
        head = os.pread(fd, 30, info.header_offset)
        offset = info.header_offset + 30 + int.from_bytes(head[26:28], "little") + int.from_bytes(head[28:30], "little")
        inflater, left, crc = isal_zlib.decompressobj(-15), info.compress_size, 0
        while left:
            chunk = os.pread(fd, min(1 << 20, left), offset)
            offset, left = offset + len(chunk), left - len(chunk)
            data = inflater.decompress(chunk) if info.compress_type else chunk
            crc = isal_zlib.crc32(data, crc)
        assert crc == info.CRC
"""
IMPORTS = "import typer, rich, openpyxl"
# Runs the CLI in this process and reports, on stderr's last line, its own peak RSS and that of its largest
# child (the second process a large scan forks), so that both processes' memory is counted.
OURS = """
import os, resource, runpy, sys

def report():
    sys.stderr.write("\\nmaxrss-kb %d %d\\n" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    sys.stderr.flush()

# The command ends with os._exit (streams.leave): the peaks are reported just before, by this process only
# (a forked process ends with os._exit too).
leave, main = os._exit, os.getpid()
os._exit = lambda status: (os.getpid() == main and report(), leave(status))
sys.argv = ["linkedin-ai-exposure", *sys.argv[1:]]
try:
    runpy.run_module("analyzer", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code or 0
else:
    code = 0
report()
sys.exit(code)
"""
# The same without ISA-L (as without the fast extra): zlib inflates, as zipfile does.
OURS_ZLIB = 'import sys\nsys.modules["isal"] = None\n' + OURS
# Python writes no bytecode where this is set (some shells and CI set it); an installed package has its .pyc files.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str]) -> dict[str, float | str]:
    """Wall time, CPU time and peak RSS of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tempfile.gettempdir(), env=CHILD_ENV
    )
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[:4]} failed:\n{err.decode(errors='replace')[-2000:]}")
    text = err.decode(errors="replace").strip().splitlines()
    # wait4 reports the larger of the process's own peak and its largest descendant's; a scan reports both
    # itself, and the two are added (an upper bound: both at their peaks at once). Other commands: wait4's.
    own, children = (
        map(int, text[-1].split()[1:]) if text and text[-1].startswith("maxrss-kb") else (usage.ru_maxrss, 0)
    )
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": (own + children) / 1024,
            "out": out.decode(errors="replace")}  # fmt: skip


def archive(scale: int) -> Path:
    folder = CACHE / f"x{scale}"
    target = folder / SAMPLE
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"generating the x{scale} archive in {folder} …", flush=True)
        subprocess.run([sys.executable, str(ROOT / "sample_exports" / "generate.py"), "--scale", str(scale),
                        "--out", str(folder), "--only", SAMPLE], check=True)  # fmt: skip
    return target


def uncompressed(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return sum(i.file_size for i in zf.infolist())


def _version(python: str, package: str) -> str:
    got = subprocess.run(
        [python, "-c", f"import importlib.metadata as m; print(m.version({package!r}))"], capture_output=True, text=True
    )
    return got.stdout.strip() or "?"


def measure(path: Path, reps: int, contenders: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    samples: dict[str, list[dict]] = {name: [] for name in contenders}
    for _ in range(reps):
        for name, argv in contenders.items():  # interleaved, so drift in machine load hits all alike
            samples[name].append(run(argv))
    result = {}
    for name, runs in samples.items():
        result[name] = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "rss_mb")}
        result[name]["out"] = runs[-1]["out"]
    return result


def digest(out: str) -> str:
    """The SHA-256 of a scan's JSON without the moment it was made: equal digests, equal figures."""
    report = json.loads(out)
    report.pop("generated_at", None)
    return hashlib.sha256(json.dumps(report, sort_keys=True).encode()).hexdigest()


def _load() -> str:
    one, _, fifteen = os.getloadavg()
    return f"{one:.1f} (1 min), {fifteen:.1f} (15 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 5, not 3: on this shared 2-core VM one run of the same scan varies by ±10 %; the median of 5 moves less.
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--scale", type=int, default=HEAVY_SCALE, help="scale of the heavy archive")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--naive-python", default=sys.executable, help="interpreter with pandas, for naive")
    parser.add_argument(
        "--typical-only",
        action="store_true",
        help="only the typical archive's start-up against the imports; prints it and leaves results.md as it is",
    )
    args = parser.parse_args()
    py, naive_py = sys.executable, os.path.abspath(args.naive_python)  # abspath: a venv's python is a symlink
    # The package's bytecode, as an installed package has it (an editable install writes it on first use).
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "analyzer")], check=True, env=CHILD_ENV)
    cli, cli_zlib = [py, "-c", OURS], [py, "-c", OURS_ZLIB]
    out_xlsx = Path(tempfile.gettempdir()) / "bench-exposure.xlsx"
    have_pandas = subprocess.run([naive_py, "-c", "import pandas"], capture_output=True).returncode == 0
    have_isal = subprocess.run([py, "-c", "import isal"], capture_output=True).returncode == 0
    numpy_in_ours = subprocess.run([py, "-c", "import numpy"], capture_output=True).returncode == 0
    load_before = _load()

    def contenders(path: Path, heavy: bool = True) -> dict[str, list[str]]:
        c = {"floor": [py, "-c", FLOOR, str(path)]}
        if have_isal and heavy:
            c["floor, ISA-L inflate"] = [py, "-c", FLOOR_ISAL, str(path)]
        if heavy and have_pandas:
            c["naive"] = [naive_py, "-c", NAIVE, str(path), "without-pyarrow"]
            c["naive + pyarrow"] = [naive_py, "-c", NAIVE, str(path), "with-pyarrow"]
        c["ours --json"] = [*cli, "scan", str(path), "--json"]
        if not heavy:  # the default report, in the terminal's table (here into a pipe, as `… > report.txt`)
            c["ours, terminal report"] = [*cli, "scan", str(path), "--lang", "en"]
        if have_isal and heavy:
            c["ours --json, zlib inflate"] = [*cli_zlib, "scan", str(path), "--json"]
        c["ours --xlsx"] = [*cli, "scan", str(path), "--xlsx", str(out_xlsx), "--force", "--lang", "en"]
        return c

    lines = ["# Benchmark results", ""]
    machine = platform.uname()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    lines += [f"Machine: {machine.system} {machine.machine}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}.",
              f"Made by `make bench` on {time.strftime('%Y-%m-%d')}; medians of {args.reps} interleaved runs, each a separate process "
              "(interpreter start and imports included, the package's bytecode compiled as an install has it).",
              f"The scan ran as installed with the `fast` extra (pyarrow {_version(py, 'pyarrow')}, isal "
              f"{_version(py, 'isal') if have_isal else 'not installed'}, numpy "
              f"{'importable, which pyarrow then loads' if numpy_in_ours else 'not installed'}); naive "
              f"with pandas {_version(naive_py, 'pandas')} in an environment of its own.", ""]  # fmt: skip

    # Typical archive: the whole process against importing the three libraries the tool is built on.
    typical = measure(TYPICAL, args.reps, {"imports": [py, "-c", IMPORTS], **contenders(TYPICAL, heavy=False)})
    lines += ["## Typical archive (the committed 2026 sample)", "",
              f"`{TYPICAL.name}`: {TYPICAL.stat().st_size / 1e6:.2f} MB zipped, {uncompressed(TYPICAL) / 1e6:.1f} MB of files.", "",
              f"| run | wall s | CPU s | peak RSS MB | ÷ `{IMPORTS}` (wall) | (CPU) |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    base, base_cpu = typical["imports"]["wall"], typical["imports"]["cpu"]
    for name, r in typical.items():
        lines.append(f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss_mb']:.0f} | {r['wall'] / base:.2f} | "
                     f"{r['cpu'] / base_cpu:.2f} |")  # fmt: skip
    lines.append("")
    if args.typical_only:
        print("\n".join([*lines, f"load average before the runs: {load_before}; after: {_load()}"]))
        out_xlsx.unlink(missing_ok=True)
        return

    results = {}
    for label, scale in (("heavy", args.scale), ("2x heavy", args.scale * 2)):
        path = archive(scale)
        print(f"measuring {label} ({path}) …", flush=True)
        results[label] = (path, measure(path, args.reps, contenders(path)))
        truth = json.loads((path.parent / f"truth-x{scale}.json").read_text())[SAMPLE]
        got: dict[str, int] = {}
        for d in json.loads(results[label][1]["ours --json"]["out"])["datasets"]:
            name = d["name"].split(" (", 1)[
                0
            ]  # a file's records the mapping splits off ("Articles (drafts)") are its own
            got[name] = got.get(name, 0) + d["records"]
        if got != truth:
            raise SystemExit(f"{label}: record counts differ from the generator's truth: "
                             f"{ {k: (v, got.get(k)) for k, v in truth.items() if got.get(k) != v} }")  # fmt: skip
        r = results[label][1]
        r["ours --json"]["digest"] = digest(r["ours --json"]["out"])
        if (
            "ours --json, zlib inflate" in r
            and digest(r["ours --json, zlib inflate"]["out"]) != r["ours --json"]["digest"]
        ):
            raise SystemExit(f"{label}: the report with zlib differs from the one with ISA-L")
        for name, run_ in r.items():
            if name.startswith("ours"):
                run_["out"] = ""  # the reports are large; naive's list of failed files is kept

    old = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    for label, (path, r) in results.items():
        scale = args.scale if label == "heavy" else args.scale * 2
        truth = json.loads((path.parent / f"truth-x{scale}.json").read_text())[SAMPLE]
        lines += [f"## {label.capitalize()} archive (scale {scale})", "",
                  f"{path.stat().st_size / 1e6:.0f} MB zipped, {uncompressed(path) / 1e6:.0f} MB of CSV, "
                  f"{truth['messages.csv']:,} messages, {sum(truth.values()):,} records in all; record counts match the "
                  "generator's truth.", "",
                  "| run | wall s | CPU s | peak RSS MB | ÷ floor | ÷ naive | ÷ naive + pyarrow |",
                  "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
        floor = r["floor"]["wall"]
        naive = r.get("naive", {}).get("wall")
        naive_arrow = r.get("naive + pyarrow", {}).get("wall")
        for name, x in r.items():
            vs = [f"{x['wall'] / base:.2f}" if base else "–" for base in (naive, naive_arrow)]
            lines.append(
                f"| {name} | {x['wall']:.2f} | {x['cpu']:.2f} | {x['rss_mb']:.0f} | {x['wall'] / floor:.2f} | {vs[0]} | {vs[1]} |"
            )
        if "naive" in r:
            naive_out = json.loads(r["naive"]["out"])
            failed = ", ".join(f"`{name}`" for name in naive_out["failed"])
            lines += ["", f"naive: `pandas.read_csv` with default options, without pyarrow (as `pip install pandas` leaves it) "
                      f"and with it (pandas then keeps text in Arrow). Both fail on {failed}, which they therefore do not "
                      f"read ({naive_out['unread'] / 1e6:.0f} of the {uncompressed(path) / 1e6:.0f} MB), and compute no figure."]  # fmt: skip
        marker = f"JSON digest ({label}): `"
        before = old.split(marker, 1)[1].split("`", 1)[0] if marker in old else None
        now = r["ours --json"]["digest"]
        verdict = ("no earlier digest to compare" if before is None else
                   "the same as in the previous results: every figure unchanged" if before == now else
                   f"**differs** from the previous results (`{before}`)")  # fmt: skip
        lines += [
            "",
            f"{marker}{now}` (SHA-256 of `scan --json` without `generated_at`; with ISA-L and with zlib alike): {verdict}.",
        ]
        lines.append("")

    heavy, double = results["heavy"][1]["ours --json"], results["2x heavy"][1]["ours --json"]
    hr = results["heavy"][1]
    growth = 100 * (double["rss_mb"] / heavy["rss_mb"] - 1)
    isal_floor = (f"; ÷ the floor with ISA-L inflate: **{heavy['wall'] / hr['floor, ISA-L inflate']['wall']:.2f}**"
                  if "floor, ISA-L inflate" in hr else "")  # fmt: skip
    lines += ["## Summary", "",
              f"- ours / floor (heavy, --json; the floor is stdlib `zipfile`, 1 MiB reads): **{heavy['wall'] / hr['floor']['wall']:.2f}**"
              f" (target ≤ 2.0){isal_floor}",
              *([f"- ours / naive + pyarrow (heavy, --json): **{heavy['wall'] / hr['naive + pyarrow']['wall']:.2f}** (target < 1); "
                 f"/ naive: **{heavy['wall'] / hr['naive']['wall']:.2f}**"]
                if "naive" in hr else []),
              f"- peak RSS heavy: **{heavy['rss_mb']:.0f} MB** (target ≤ 300), 2x heavy: **{double['rss_mb']:.0f} MB** "
              f"(target ≤ 300), growth **{growth:+.0f} %**",
              f"- typical archive, whole process / `{IMPORTS}`: **{typical['ours --json']['wall'] / base:.2f}** in wall time, "
              f"{typical['ours --json']['cpu'] / base_cpu:.2f} in CPU time (target ≤ 1.1)",
              f"- load average before the runs: {load_before}; after: {_load()}", ""]  # fmt: skip
    text = "\n".join(lines)
    if "## Batch" in old:  # written by bench/batch.py; kept
        text = text.rstrip("\n") + "\n\n" + old[old.index("## Batch") :]
    args.output.write_text(text, encoding="utf-8")
    print("\n".join(lines))
    out_xlsx.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
