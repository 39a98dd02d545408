"""One package per platform whose exports the tool reads; a mapping names its platform."""

from __future__ import annotations

from types import ModuleType

from analyzer.errors import MappingError
from analyzer.mapping import Mapping
from analyzer.said import Said


def platform_for(name: str) -> ModuleType:
    """The package that knows the platform a mapping is for. LinkedIn is the only one so far, so every
    mapping is read with it (a mapping's ``platform`` is a free text today)."""
    from analyzer.platforms.linkedin import platform

    return platform


def checked(mapping: Mapping) -> ModuleType:
    """The platform of ``mapping``, once the mapping holds every source and region its policy cites (a
    MappingError lists what it lacks)."""
    platform = platform_for(mapping.platform)
    problems = platform.actions.check(mapping)
    if problems:
        raise MappingError(Said("mapping.invalid.policy", where=mapping.origin, platform=platform.NAME), problems)
    return platform
