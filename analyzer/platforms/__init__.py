"""One package per platform whose exports the tool reads; a mapping names its platform."""

from __future__ import annotations

from types import ModuleType


def platform_for(name: str) -> ModuleType:
    """The package that knows the platform a mapping is for. LinkedIn is the only one so far, so every
    mapping is read with it (a mapping's ``platform`` is a free text today)."""
    from analyzer.platforms.linkedin import platform

    return platform
