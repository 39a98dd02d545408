"""Hostile archives and folders, round two (issue 19, item 6 and the input bullets): every limit holds on
every path (intact, salvaged, nested, folder), every match is linear, and broken input is a reported
problem or one error line. One fixture per failure, each paired with its exit code and message."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import struct
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from analyzer import nested
from analyzer.archive import open_archive
from analyzer.limits import Budget, Limits, MemberTooLarge, MiB, compared
from analyzer.mapping import load_mapping
from analyzer.pipeline import ScanOptions, _sha256, scan
from analyzer.read.table import TAGS
from tests.conftest import PROFILE, SAMPLES_DIR
from tests.helpers import SKILLS, cli, write, zip_of

MAPPING = load_mapping()
MODERN = SAMPLES_DIR / "Basic_LinkedInDataExport_10-06-2025.zip"
NAME = "Basic_LinkedInDataExport_10-06-2025.zip"
ROWS = b"Name\n" + b"SQL\n" * (MiB // 16)  # 256 KiB of rows that deflate about 1000:1


def _problems(path: Path, **limits: int) -> list[str]:
    report = scan(path, MAPPING, ScanOptions(limits=Limits(**limits)))
    return [*report.problems, *(p for d in report.datasets for p in d.problems)]


def _cut(data: bytes) -> bytes:
    """The ZIP without its central directory: a download that broke off after the last member."""
    return data[: data.rfind(b"PK\x01\x02")]


# --- 6a. salvage honours the limits on the bytes it actually inflates -------------------------------------


def test_a_salvaged_member_never_gives_more_than_its_header_declares(tmp_path):
    data = bytearray(_cut(zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", ROWS * 4, 8)])))
    at = data.find(b"PK\x03\x04", 4)  # Skills.csv's local header: declare 100 bytes
    struct.pack_into("<I", data, at + 22, 100)
    problems = _problems(write(tmp_path, NAME, bytes(data)), max_total_bytes=10 * MiB, max_ratio=10)
    assert any("Skills.csv: inflates beyond the size its header declares" in p for p in problems)


def test_a_salvaged_archive_is_held_to_the_archive_wide_ratio(tmp_path):
    files = [("Profile.csv", PROFILE.encode(), 8)] + [(f"Skills_{i}.csv", ROWS, 8) for i in range(1, 6)]
    path = write(tmp_path, NAME, _cut(zip_of(files)))
    problems = _problems(path, max_ratio=10, ratio_applies_above=512 * 1024)
    assert any("the archive inflates to more than 10 times its own size (a zip bomb?)" in p for p in problems)


# --- 6b. a ZIP inside the ZIP ----------------------------------------------------------------------------


def _wrapped(inner: bytes, method: int) -> bytes:
    return zip_of([(NAME, inner, method)])


def test_a_stored_zip_inside_the_zip_is_read_in_place(tmp_path):
    path = write(tmp_path, "download.zip", _wrapped(MODERN.read_bytes(), zipfile.ZIP_STORED))
    with open_archive(path) as opened:
        assert opened.source.nested_zip == NAME and len(opened.members) > 5
    assert cli("scan", path).exit_code == 0


def test_a_large_compressed_zip_inside_the_zip_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(nested, "NESTED_IN_MEMORY", 64 * 1024)
    inner = zip_of([("Profile.csv", PROFILE.encode(), 0), ("padding.bin", bytes(512 * 1024), 0)])
    result = cli("scan", write(tmp_path, "download.zip", _wrapped(inner, zipfile.ZIP_DEFLATED)))
    assert result.exit_code == 1 and f"holds a compressed ZIP ({NAME}) of 512" in result.stderr
    assert f"extract {NAME} from it once and point the tool at that file" in result.stderr


def test_a_zip_inside_the_zip_is_held_to_the_member_limit(tmp_path):
    inner = zip_of([("Profile.csv", PROFILE.encode(), 0), ("padding.bin", bytes(2 * MiB), 0)])
    result = cli("scan", write(tmp_path, "download.zip", _wrapped(inner, 8)), "--max-member-size", "1")
    assert result.exit_code == 1 and "more than the limit of 1 MiB (--max-member-size)" in result.stderr


# --- 6c. the archive-wide ratio ---------------------------------------------------------------------------


def test_many_small_bombs_add_up_to_the_archive_wide_ratio(tmp_path):
    files = [("Profile.csv", PROFILE.encode(), 8)] + [(f"Skills_{i}.csv", ROWS, 12) for i in range(1, 6)]  # bzip2
    path = write(tmp_path, NAME, zip_of(files))
    problems = _problems(path, max_ratio=10, ratio_applies_above=512 * 1024)
    assert any("the archive inflates to more than 10 times its own size (a zip bomb?)" in p for p in problems)


def test_a_folder_is_held_to_the_total_size(tmp_path, make_export):
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": ROWS * 8}, folder=True)
    problems = _problems(path, max_total_bytes=MiB)
    assert any("the folder holds more than 1 MiB in total" in p for p in problems)


# --- 6d. linear tag stripping ---------------------------------------------------------------------------


def test_tag_stripping_is_linear():
    start = time.perf_counter()
    assert TAGS.sub(" ", "<" * 200_000 + "<b>x") == "<" * 200_000 + " x"
    assert time.perf_counter() - start < 2  # was 44 s with <[^>]+>


# --- tracebacks and hangs ---------------------------------------------------------------------------------


def test_a_corrupt_lzma_member_is_one_problem(tmp_path):
    data = bytearray(
        zip_of([("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode() * 50, zipfile.ZIP_LZMA)])
    )
    at = data.find(b"PK\x03\x04", 4)  # Skills.csv's local header, then its LZMA stream
    start = at + 30 + sum(struct.unpack_from("<HH", data, at + 26))
    data[start + 9 : start + 17] = b"\xff" * 8
    result = cli("scan", write(tmp_path, NAME, bytes(data)), "--no-color")
    assert result.exit_code == 0 and "Skills.csv: is damaged inside the ZIP" in " ".join(result.stdout.split())


def test_superscript_digits_in_a_date_are_unparseable_not_a_crash(make_export):
    profile = PROFILE.replace("Feb 17", "²⁰²⁴-①-01")
    report = scan(make_export({"Profile.csv": profile, "Skills.csv": SKILLS}), MAPPING)
    assert report.member.birth_date is None


def test_a_part_number_of_5000_digits(make_export):
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": SKILLS, f"Skills_{'9' * 5000}.csv": SKILLS})
    assert cli("scan", path).exit_code == 0


def test_a_fifo_in_an_export_folder_is_reported_not_read(make_export):
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": SKILLS}, folder=True)
    os.mkfifo(path / "Connections.csv")
    result = cli("scan", path, "--no-color")
    assert (
        result.exit_code == 0 and "Connections.csv: is not a regular file (a pipe, socket or device)" in result.stdout
    )


def test_a_folder_1100_levels_deep(tmp_path, make_export):
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": SKILLS}, folder=True)
    with contextlib.chdir(path):  # each level relative, so that no path passes PATH_MAX while it is made
        for _ in range(1100):
            os.mkdir("d")
            os.chdir("d")
        Path("notes.txt").write_text("x")
    try:
        assert cli("scan", path).exit_code == 0
        with open_archive(path) as opened:
            assert "d/" * 1100 + "notes.txt" in [m.path for m in opened.members]
    finally:  # bottom up: pytest's own clean-up would recurse 1,100 deep
        with contextlib.chdir(path):
            for _ in range(1100):
                os.chdir("d")
            os.remove("notes.txt")
            for _ in range(1100):
                os.chdir("..")
                os.rmdir("d")


def test_the_hash_is_of_the_file_that_was_read_even_if_the_path_is_replaced(tmp_path):
    path = Path(shutil.copy(MODERN, tmp_path / NAME))
    with open_archive(path) as opened:
        os.replace(write(tmp_path, "other.zip", zip_of([("Skills.csv", SKILLS.encode(), 8)])), path)
        import hashlib

        assert _sha256(opened) == hashlib.sha256(MODERN.read_bytes()).hexdigest()
        with open_archive(opened.reopen) as again:  # what the second process opens
            assert [m.path for m in again.members] == [m.path for m in opened.members]


def test_out_of_memory_is_one_error_line(monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("analyzer.pipeline.scan", exhausted)
    result = cli("scan", MODERN)
    assert result.exit_code == 1 and result.stderr.startswith("Not enough memory to finish; nothing was written.")


def test_a_million_columns_are_refused_by_the_limit(make_export):
    header = ",".join(f"c{i}" for i in range(20_000))
    problems = _problems(make_export({"Profile.csv": PROFILE, "Skills.csv": header + "\n" + "x\n"}))
    assert any("Skills.csv: has 20,000 columns, more than the limit of 16,384 (--max-columns); not read" in p
               for p in problems)  # fmt: skip


def test_the_column_limit_is_an_option_like_the_others(make_export):
    """A limit with an option: lowered, it refuses a file just over it, on every reader's path."""
    path = make_export({"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\n"})
    result = cli("scan", path, "--json", "--max-columns", "12")
    assert result.exit_code == 0
    problems = [p for d in json.loads(result.stdout)["datasets"] for p in d["problems"]]
    assert "Profile.csv: has 13 columns, more than the limit of 12 (--max-columns); not read" in problems
    assert not any("Skills.csv" in p for p in problems)


# --- hostile mapping files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: Path("/dev/zero"), "is not a regular file"),
        (lambda d: (os.mkfifo(d / "m.toml"), d / "m.toml")[1], "is not a regular file"),
        (lambda d: write(d, "m.toml", b"a = " + b"[" * 5000 + b"]" * 5000), "nested too deeply"),
        (lambda d: write(d, "m.toml", b"# " + b"x" * (4 * MiB + 1)), "is larger than 4 MiB"),
    ],
    ids=["dev-zero", "fifo", "nested-too-deep", "too-large"],
)
def test_a_hostile_mapping_file_is_one_mapping_error(tmp_path, make, message):
    result = cli("mapping", "check", make(tmp_path))
    assert result.exit_code == 1 and message in result.stderr


# --- wrong results ----------------------------------------------------------------------------------------


def test_non_characters_never_reach_the_workbook(tmp_path, make_export):
    from openpyxl import load_workbook

    path = make_export({"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\ufffe\uffff\n"})
    assert cli("scan", path, "--xlsx", tmp_path / "o.xlsx").exit_code == 0
    assert load_workbook(tmp_path / "o.xlsx").sheetnames


def test_a_cut_off_rezipped_export_with_folder_entries_and_a_wrapping_folder(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zipfile.ZipFile(MODERN) as source:
        zf.writestr(zipfile.ZipInfo("Basic_LinkedInDataExport_10-06-2025/"), b"")
        for info in source.infolist():
            zf.writestr(f"Basic_LinkedInDataExport_10-06-2025/{info.filename}", source.read(info))
    result = cli("scan", write(tmp_path, NAME, _cut(buf.getvalue())), "--json")
    assert result.exit_code == 0, result.stderr


def test_salvage_reads_zip64_local_headers(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in (("Profile.csv", PROFILE), ("Skills.csv", SKILLS)):
            with zf.open(name, "w", force_zip64=True) as handle:
                handle.write(data.encode())
    with open_archive(write(tmp_path, NAME, _cut(buf.getvalue()))) as opened:
        assert [m.path for m in opened.members] == ["Profile.csv", "Skills.csv"]


@pytest.mark.parametrize(
    "prefix", ["Downloads/Basic_LinkedInDataExport_10-06-2025/", "C:\\Users\\lena\\Downloads\\Basic_export\\"]
)
def test_every_wrapping_folder_is_stripped(tmp_path, prefix):
    files = [(prefix + "Profile.csv", PROFILE.encode(), 8), (prefix + "Skills.csv", SKILLS.encode(), 8)]
    with open_archive(write(tmp_path, NAME, zip_of(files))) as opened:
        assert sorted(m.path for m in opened.members) == ["Profile.csv", "Skills.csv"]


def test_utf32_with_a_bom_is_read_as_utf32(make_export):
    report = scan(make_export({"Profile.csv": PROFILE, "Skills.csv": SKILLS.encode("utf-32")}), MAPPING)
    skills = next(d for d in report.datasets if d.name == "Skills.csv")
    assert skills.records == 2 and not skills.problems


def test_utf32_without_a_bom_is_read_not_called_binary(make_export):
    report = scan(make_export({"Profile.csv": PROFILE, "Skills.csv": SKILLS.encode("utf-32-le")}), MAPPING)
    skills = next(d for d in report.datasets if d.name == "Skills.csv")
    assert skills.records == 2 and skills.problems == (
        "Skills.csv: is UTF-32 without a byte-order mark; read as UTF-32-LE",
    )


def test_file_names_that_are_not_utf8_reach_every_output(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Profile.csv").write_text(PROFILE)
    (folder / "Skills.csv").write_text(SKILLS)
    with open(os.path.join(os.fsencode(folder), b"Notizen_M\xfcller.csv"), "wb") as handle:  # Latin-1 "ü"
        handle.write(b"a\n1\n")
    for args in (("--no-color",), ("--json",), ("--xlsx", tmp_path / "o.xlsx")):
        result = cli("scan", folder, *args)
        assert result.exit_code == 0, result.stderr
    assert "Notizen_M\ufffdller.csv" in cli("scan", folder, "--json").stdout


# --- clearer messages -------------------------------------------------------------------------------------


def test_a_split_archive_says_how_to_join_it(tmp_path):
    write(tmp_path, "Basic_LinkedInDataExport_10-06-2025.z01", b"PK\x07\x08" + b"\0" * 100)
    path = write(tmp_path, NAME, b"\0" * 100)
    result = cli("scan", path)
    assert result.exit_code == 1 and "is one part of a split (multi-part) ZIP" in result.stderr
    assert f"zip -s 0 {NAME} --out whole.zip" in result.stderr


def test_a_cut_off_self_extracting_archive_is_salvaged(tmp_path):
    stub = b"MZ" + b"\x90" * 4094  # the program a self-extracting archive starts with
    path = write(tmp_path, NAME, stub + _cut(MODERN.read_bytes()))
    result = cli("scan", path, "--json")
    assert result.exit_code == 0 and "the ZIP file is incomplete" in result.stdout


@pytest.mark.parametrize(
    "option", ["--max-member-size", "--max-total-size", "--max-members", "--max-ratio", "--max-columns"]
)
@pytest.mark.parametrize("value", ["0", "-5"])
def test_a_limit_below_one_is_a_usage_error(option, value):
    result = cli("scan", MODERN, option, value)
    assert result.exit_code == 2 and f"{option} {value}: a limit must be at least 1" in result.stderr


def test_sizes_that_round_alike_are_shown_in_bytes():
    assert compared(4 * 1024**3 + 1, 4 * 1024**3) == ("4,294,967,297 bytes", "4,294,967,296 bytes")
    assert compared(5 * 1024**3, 4 * 1024**3) == ("5 GiB", "4 GiB")


# --- no read permission: the documented exit 1, not typer's 2 -----------------------------------------------


@contextlib.contextmanager
def _as_nobody():
    """Run the block as a user without the files' permissions: for real, not by patching open."""
    if os.getuid() != 0:
        yield
        return
    os.setresgid(65534, 65534, 0)
    os.setresuid(65534, 65534, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)


@pytest.mark.parametrize("args", [("scan", "{export}"), ("scan", str(MODERN), "--mapping", "{mapping}"),
                                  ("mapping", "check", "{mapping}")], ids=["export", "mapping-option", "mapping-check"])  # fmt: skip
def test_no_read_permission_is_exit_1(args):
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        export = Path(shutil.copy(MODERN, folder / NAME))
        mapping = write(folder, "m.toml", b'extends = "builtin"\n')
        for path in (export, mapping):
            path.chmod(0o000)
        command = [a.format(export=export, mapping=mapping) for a in args]
        cli(*command)  # as root first: every module it needs is imported (the interpreter's are under /root)
        with _as_nobody():
            result = cli(*command)
        assert result.exit_code == 1 and "permission denied" in result.stderr
    finally:
        shutil.rmtree(folder)


# --- 6e. checking a mapping of many datasets --------------------------------------------------------------


def test_checking_3000_datasets_matches_each_probe_only_against_its_candidates(tmp_path, monkeypatch):
    from analyzer.errors import MappingError
    from analyzer.mapping.model import Dataset

    entries = [f'[[datasets]]\nname = "Extra_{i}.csv"\npatterns = ["Extra_{i}.csv"]\ncategory = "member_content"\n'
               'description = { en = "x", de = "x" }\n' for i in range(3000)]  # fmt: skip
    mapping = tmp_path / "many.toml"
    mapping.write_text('extends = "builtin"\n\n' + "\n".join(entries))
    calls = 0
    matches = Dataset.matches

    def counted(self, path):
        nonlocal calls
        calls += 1
        return matches(self, path)

    monkeypatch.setattr(Dataset, "matches", counted)
    with pytest.raises(MappingError, match="3,000 problems"):  # a count as every message writes it
        load_mapping(mapping)
    assert calls < 200_000  # every dataset against every probe would be 9.5 million


def test_one_member_name_that_is_not_utf8_despite_its_flag_is_reported_and_the_rest_read(tmp_path):
    data = zip_of(
        [("Profile.csv", PROFILE.encode(), 8), ("Skills.csv", SKILLS.encode(), 8), ("Notes_\xfc.csv", b"a\n", 8)]
    )
    data = data.replace("Notes_\xfc.csv".encode(), b"Notes_\xfc\xfc.csv")  # flagged UTF-8, but two Latin-1 "ü"
    result = cli("scan", write(tmp_path, NAME, data), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert "Notes_\u207f\u207f.csv: its name is not UTF-8 although the ZIP says so; read as cp437" in report["problems"]
    assert {d["name"] for d in report["datasets"]} >= {"Skills.csv"}


def test_a_zip_whose_own_name_is_not_utf8(tmp_path):
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"Basic_LinkedInDataExport_10-06-2025_M\xfcller.zip")))
    shutil.copy(MODERN, path)
    for args in (("--no-color",), ("--json",), ("--xlsx", tmp_path / "o.xlsx")):
        assert cli("scan", path, *args).exit_code == 0
    assert "M\ufffdller.zip" in cli("scan", path, "--json").stdout


def test_both_processes_of_a_scan_draw_on_one_budget():
    """The archive-wide limit holds for a two-process scan too: a forked process's reads count against the
    same total as the parent's (fault 6c, on the parallel path)."""
    budget = Budget(Limits(max_total_bytes=10 * MiB), None)
    budget.read("a.csv", 6 * MiB)
    child = os.fork()
    if child == 0:  # the second process reads another member
        try:
            budget.read("b.csv", 3 * MiB)
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    assert budget.total == 9 * MiB
    with pytest.raises(MemberTooLarge, match="beyond 10 MiB in total"):
        budget.read("c.csv", 2 * MiB)
