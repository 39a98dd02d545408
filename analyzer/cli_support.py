"""What the command line needs besides typer: its Consoles, the language, option values as the core takes them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from analyzer.errors import UsageError
from analyzer.i18n import default_lang, t
from analyzer.limits import MiB

if TYPE_CHECKING:
    from analyzer.limits import Limits
    from analyzer.mapping import Mapping


class Lang(StrEnum):
    en = "en"
    de = "de"


def consoles(no_color: bool = False) -> tuple[Console, Console]:
    """stdout for the report, stderr for progress, warnings and errors."""
    out = Console(no_color=no_color or None, highlight=False, soft_wrap=False)
    err = Console(stderr=True, no_color=no_color or None, highlight=False)
    return out, err


def lang_of(value: Lang | None) -> str:
    return value.value if value else default_lang()


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: give the date as YYYY-MM-DD, e.g. 2025-10-20") from None


def limits_of(max_members: int, max_member_size: int, max_total_size: int, max_ratio: int) -> Limits:
    from analyzer.limits import Limits

    return Limits(
        max_members=max_members,
        max_member_bytes=max_member_size * MiB,
        max_total_bytes=max_total_size * MiB,
        max_ratio=max_ratio,
    )


def load(mapping: Path | None) -> Mapping:
    from analyzer.mapping import load_mapping

    return load_mapping(mapping)


def save(path: Path, data: bytes, force: bool, err: Console, lang: str) -> None:
    """Write an output file atomically (``output.py``) and say where on stderr."""
    from analyzer.output import write_atomic

    write_atomic(path, lambda handle: handle.write(data), force)
    err.print(Text(t(lang, "written", path=str(path)), style="green"))
