"""Load a mapping: the shipped one or a user's file (which may extend it), validated before use."""

from __future__ import annotations

import hashlib
import os
import pkgutil
import stat
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from analyzer.errors import MappingError
from analyzer.mapping.model import BUILTIN, Mapping
from analyzer.mapping.validate import build, check_patterns
from analyzer.safe import UNSAFE_IN_LINE, clean_line
from analyzer.said import Said, at


def builtin_path() -> Path:
    """Where the shipped mapping lives: inside the installed package, else in the source tree (to show it;
    it is read with ``shipped``)."""
    from importlib import resources

    packaged = resources.files("analyzer").joinpath("data/linkedin.toml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "mappings" / "linkedin.toml"


def shipped(name: str) -> str:
    """The text of a file the package ships (``mappings/`` in the source tree, ``analyzer/data/`` when installed),
    read through the package's loader: it works where the package is not a folder (a zip) too. (Not through
    ``importlib.resources``, whose import costs a run more than reading both files.)"""
    try:
        packaged = pkgutil.get_data("analyzer", f"data/{name}")
    except OSError:  # not installed: the source tree
        packaged = None
    if packaged is not None:
        return packaged.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
    return (Path(__file__).resolve().parents[2] / "mappings" / name).read_text(encoding="utf-8")


#: The shipped files the mapping is made of: the mapping, and the layouts its patterns are checked against.
SHIPPED_FILES = ("linkedin.toml", "known_layouts.toml")


def digest(texts: tuple[str, ...]) -> str:
    """The SHA-256 of the shipped files' texts, each preceded by its length (no two sets of texts share it)."""
    hasher = hashlib.sha256()
    for text in texts:
        data = text.encode("utf-8")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def known_paths(data: dict[str, Any] | None = None) -> list[str]:
    """Every file path seen in a real (or reported) export (in ``known_layouts.toml``), for the pattern checks."""
    import tomllib

    data = tomllib.loads(shipped("known_layouts.toml")) if data is None else data
    paths: list[str] = []
    for listed in data.get("layouts", {}).values():
        paths.extend(p for p in listed if p not in paths)
    return paths


#: A mapping file is a few hundred lines; the shipped one is about 60 KiB.
MAX_MAPPING_BYTES = 4 * 1024 * 1024


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML of a mapping file: a regular file (not a FIFO or device), within MAX_MAPPING_BYTES, UTF-8,
    plain text (no control or bidi character, which a terminal would act on), nested as TOML allows."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise MappingError.said("err.mapping_not_regular", path=path)
        with open(path, "rb") as handle:
            data = handle.read(MAX_MAPPING_BYTES + 1)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise MappingError.said("err.mapping_not_found", path=path) from None
    except PermissionError:
        raise MappingError.said("err.mapping_permission", path=path) from None
    except (OSError, UnicodeError) as exc:
        raise MappingError.said("err.mapping_unreadable", path=path, reason=exc) from None
    if len(data) > MAX_MAPPING_BYTES:
        raise MappingError.said("err.mapping_too_large", path=path, limit=MAX_MAPPING_BYTES // 1024 // 1024)
    return _parse_toml(text, str(path), path.name)


def _parse_toml(text: str, where: str, name: str) -> dict[str, Any]:
    """A mapping's TOML, nested as TOML allows and plain text (no control or bidi character)."""
    import tomllib  # here, not at the top: the shipped mapping is usually read pre-parsed (preparsed.py)

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(Said("mapping.invalid_toml", where=where), [at(name, str(exc))]) from None
    except RecursionError:
        raise MappingError(Said("mapping.invalid_toml", where=where), [Said("mapping.too_deep", name=name)]) from None
    unsafe = _unsafe_text(raw, name)
    if unsafe:
        raise MappingError(Said("mapping.invalid.unsafe", where=where, places=len(unsafe)), unsafe)
    return raw


def _builtin_toml(thorough: bool = False) -> tuple[dict[str, Any], bool]:
    """The shipped mapping's TOML, and whether it is known to be valid: it is, and is not parsed again, when the
    shipped files have the bytes ``preparsed_data.py`` was checked and made from (``preparsed.py``)."""
    texts = tuple(shipped(name) for name in SHIPPED_FILES)
    if not thorough:
        try:
            from analyzer.mapping import preparsed_data
        except ImportError:  # a source tree without the generated file
            pass
        else:
            if digest(texts) == preparsed_data.DIGEST:
                return preparsed_data.RAW, True
    return _parse_toml(texts[0], BUILTIN, "linkedin.toml"), False


def checked_toml(text: str, layouts: dict[str, Any]) -> dict[str, Any]:
    """The TOML of the shipped mapping's ``text``, once it passes every check ``load_mapping`` makes (against the
    known ``layouts``); a MappingError lists what fails."""
    raw = _parse_toml(text, BUILTIN, "linkedin.toml")
    problems: list[str] = []
    mapping = build(raw, "linkedin.toml", problems)
    if mapping is not None:
        problems.extend(check_patterns(mapping, "linkedin.toml", known_paths(layouts)))
    if problems or mapping is None:
        raise MappingError(Said("mapping.invalid", where=BUILTIN), problems)
    return raw


def _unsafe_text(raw: dict[str, Any], name: str) -> list[str]:
    """Where a key or text of the mapping holds a control or bidi character (which a terminal would act on),
    in file order; the walk needs no recursion, however deep the tables are nested."""
    problems: list[str] = []
    queue: list[tuple[str, Any]] = [("", raw)]
    for where, value in queue:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            here = f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}" if where else key
            found = [m.group() for text in (key, item) if isinstance(text, str) and (m := UNSAFE_IN_LINE.search(text))]
            if found:
                problems.append(Said("mapping.control", name=name, at=clean_line(here), char=clean_line(found[0])))
            queue.append((here, item))
    return problems


def load_mapping(path: str | Path | None = None, thorough: bool = False) -> Mapping:
    """Load and validate a mapping (the shipped one when ``path`` is None); raise MappingError listing every problem.
    The shipped mapping is checked once, ahead (``preparsed.py``), unless ``thorough`` asks for every check now.

    The shipped mapping cannot change while the package is loaded, and a Mapping is frozen: it is built once per
    process (a batch or a comparison scans many exports with it). A user's file is read every time."""
    if path is None and not thorough:
        return _shipped_mapping()
    return _load(Path(path) if path is not None else None, thorough)


@cache
def _shipped_mapping() -> Mapping:
    return _load(None, False)


def _load(path: Path | None, thorough: bool) -> Mapping:
    raw, valid = (_read_toml(path), False) if path is not None else _builtin_toml(thorough)
    where = path.name if path is not None else SHIPPED_FILES[0]
    if path is not None and raw.get("extends") is not None:
        if raw.get("extends") != BUILTIN:
            extends = Said("mapping.extends", where=where, value=repr(raw.get("extends")), builtin=BUILTIN)
            raise MappingError(Said("mapping.invalid", where=str(path)), [extends])
        raw = merge_override(_builtin_toml()[0], raw)
        where = Said("mapping.extending", name=path.name)
    problems: list[str] = []
    mapping = build(raw, where, problems)
    if mapping is not None and not valid:
        problems.extend(check_patterns(mapping, where, known_paths()))
    if problems or mapping is None:
        target = path if path is not None else builtin_path()
        raise MappingError(Said("mapping.invalid.count", where=str(target), count=len(problems)), problems)
    return replace(mapping, origin=str(path) if path is not None else BUILTIN)


def merge_override(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Apply a user's override file to the built-in mapping: keys replace keys, datasets merge by name."""
    merged = dict(base)
    for key, value in override.items():
        if key == "extends":
            continue
        if key in ("sources", "categories") and isinstance(value, dict):
            table = {k: dict(v) if isinstance(v, dict) else v for k, v in base.get(key, {}).items()}
            for name, entry in value.items():
                if isinstance(entry, dict) and isinstance(table.get(name), dict):
                    table[name] = {**table[name], **entry}
                else:
                    table[name] = entry
            merged[key] = table
        elif key == "datasets" and isinstance(value, list):
            datasets = [dict(d) if isinstance(d, dict) else d for d in base.get("datasets", [])]
            index = {d.get("name"): i for i, d in enumerate(datasets) if isinstance(d, dict)}
            for entry in value:
                name = entry.get("name") if isinstance(entry, dict) else None
                if isinstance(name, str) and name in index:
                    datasets[index[name]] = {**datasets[index[name]], **entry}
                else:
                    datasets.append(entry)
            merged[key] = datasets
        else:
            merged[key] = value
    return merged
