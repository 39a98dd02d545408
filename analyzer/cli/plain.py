"""Command-line values of the plain kinds (a word, a whole number, a path) taken as they are, without pydantic.

typer (from 0.2x) turns every value through a pydantic ``TypeAdapter``, built when the command is
dispatched; importing pydantic and building the adapters costs more than the whole scan of a typical
export. ``PlainGroup`` gives each parameter of the command being run a ``Plain`` coercion first: it
returns what typer's own coercion would return for a ``str``, an ``int`` written in digits and a ``Path``
with none of typer's path checks, and hands anything else (an enum, a list, a bound, a value it is not
sure of) to typer's coercion, errors and messages included. ``tests/cli/test_plain.py`` holds the two
equal for every parameter of every command. A typer without this machinery is left as it is.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer import core

_coercion: Any
try:  # typer's coercion layer, where a pydantic TypeAdapter is built for each parameter
    from typer import _coercion
except ImportError:  # an older typer converts values without pydantic: nothing to avoid
    _coercion = None

# ASCII digits only: int() also takes "١٢" and " 12", which pydantic may read otherwise (typer decides those).
_DIGITS = re.compile(r"[0-9]{1,18}")


def plain(annotation: Any, info: Any, value: Any) -> Any:
    """``value`` as typer's coercion returns it for ``annotation``, or None where this cannot tell."""
    if annotation is str and isinstance(value, str):
        return value
    if annotation is int and info.min is None and info.max is None:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _DIGITS.fullmatch(value):
            return int(value)
        return None
    if annotation is Path and isinstance(value, str) and value and _unchecked_path(info, value):
        return Path(value)
    return None


def _unchecked_path(info: Any, value: str) -> bool:
    """Whether typer checks nothing about this path that could fail (only whether it is readable, if it exists)."""
    if info.exists or info.writable or info.resolve_path or info.allow_dash or info.path_type is not None:
        return False
    if not (info.file_okay and info.dir_okay):
        return False
    try:
        os.stat(value)  # as typer does
    except OSError:
        return True  # not there, and it need not be
    except ValueError:
        return False  # a NUL byte or a character the file system cannot take: typer says so
    return not info.readable or os.access(value, os.R_OK)


if _coercion is not None:

    @dataclass(frozen=True)
    class Plain(_coercion.RuntimeParam):  # type: ignore[misc]
        """A parameter's coercion that needs no pydantic for plain values and falls back to typer's."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            got = plain(self.annotation, self.parameter_info, value)
            if got is not None:
                return got
            return _coercion.build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)


def _prepare(command: Any, ctx: Any) -> None:
    """Give each parameter of ``command`` (its help option too) the plain coercion, where typer has not built
    its own yet."""
    for param in command.get_params(ctx) if command is not None else ():
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            descriptor = param.type_descriptor
            param._runtime_param = Plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)


class PlainGroup(core.TyperGroup):
    """typer's group, which prepares its own parameters and the command it dispatches to (``Typer(cls=PlainGroup)``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if _coercion is not None:
            _prepare(self, ctx)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if _coercion is not None:
            _prepare(command, ctx)  # the command's own context inherits the help option's names from ctx
        return name, command, rest


#: Whether this typer has the pydantic coercion that ``PlainGroup`` avoids (the tests ask).
ACTIVE = _coercion is not None
