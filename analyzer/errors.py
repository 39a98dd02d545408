"""One error hierarchy; every message is written for the person running the tool."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Self

from analyzer.said import Said, localized


class AnalyzerError(Exception):
    """An expected failure: the CLI prints the message and exits with ``exit_code``. One made with ``said``
    carries its catalogue key and values, so that the CLI can say it in the user's language."""

    exit_code = 1
    key = ""
    values: Mapping[str, Any] = MappingProxyType({})  # an instance made by ``said`` has its own

    @classmethod
    def said(cls, key: str, **values: Any) -> Self:
        """The error whose English message is the catalogue's text for ``key``."""
        error = cls(Said(key, **values))
        error.key, error.values = key, values
        return error

    def lines(self, lang: str = "en") -> list[str]:
        """The message's lines in ``lang`` (a message made with ``said``, or a ``Said``, in German too): the
        catalogue's line breaks start new lines; a line break inside a name is part of its line."""
        text = localized(self.args[0], lang) if self.args else ""
        return text.split("\n") if self.key else [text]


class ArchiveError(AnalyzerError):
    """The input cannot be opened as a LinkedIn export (ZIP or folder)."""


class MappingError(AnalyzerError):
    """The mapping file is not valid TOML or not a valid mapping; ``problems`` lists every one (each a ``Said``
    where the catalogue knows its words, which ``lines`` says in the reader's language)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])

    def lines(self, lang: str = "en") -> list[str]:
        return [*super().lines(lang), *(f"  - {localized(p, lang)}" for p in self.problems)]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class OutputError(AnalyzerError):
    """An output file cannot be written (exists, folder missing, read-only, disk full)."""


class UsageError(AnalyzerError):
    """An option value that typer cannot check on its own (e.g. a date in the wrong form)."""

    exit_code = 2
