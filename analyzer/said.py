"""A problem or note found while reading an export: its English text, which also knows its catalogue key.

The scan's steps below the catalogue (readers, archive, salvage, tally) cannot say things in the reader's
language, and need not: they make a ``Said``, which *is* the English text (what the JSON, the tables and
logs carry), and keeps the key and values, so that a renderer says it in German with ``localized``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from analyzer import error_text, mapping_text, problem_text
from analyzer.model import Text

#: Every key a ``Said`` or ``AnalyzerError.said`` may name, with its English and German text.
STRINGS: Mapping[str, tuple[str, str]] = MappingProxyType(
    error_text.STRINGS | problem_text.STRINGS | mapping_text.STRINGS
)


def shown(value: object, lang: str = "en") -> str:
    """A value as a text in ``lang`` shows it: a number with the language's thousands separator, a ``Said``
    or a ``Text`` in that language."""
    if isinstance(value, Said):
        return localized(value, lang)
    if isinstance(value, Text):  # a name in both languages (a split dataset's)
        return value.get(lang)
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"
        return text.replace(",", ".") if lang == "de" else text
    if isinstance(value, float):  # a size: one decimal, none when it is whole
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if lang == "de" else text
    return str(value)


def localized(text: str, lang: str) -> str:
    """``text`` in ``lang``: a ``Said`` from its key and values, any other text as it is."""
    if not isinstance(text, Said) or lang == "en":
        return str(text)
    return STRINGS[text.key][1].format(**{name: shown(v, lang) for name, v in text.values.items()})


class Said(str):
    """A message that is its English text and carries the ``key`` and ``values`` it was made from; with a
    ``count`` of 1, the key's ``.one`` form where the catalogue has one (as ``i18n.tn`` does)."""

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, **values: object) -> Said:
        if values.get("count") == 1 and f"{key}.one" in STRINGS:
            key = f"{key}.one"
        text = STRINGS[key][0].format(**{name: shown(v) for name, v in values.items()})
        said = super().__new__(cls, text)
        said.key, said.values = key, MappingProxyType(dict(values))
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by key and values (the two-process scan sends problems between processes)."""
        return _remade, (self.key, dict(self.values))


def _remade(key: str, values: dict[str, object]) -> Said:
    return Said(key, **values)


def at(path: str, text: str) -> Said:
    """``text`` about the file ``path``: ``path: text``."""
    return Said("at", path=path, text=text)
