"""``@frozen``: a frozen dataclass whose methods are written once, here, instead of compiled for every class.

``dataclass(frozen=True)`` writes ``__init__``, ``__eq__``, ``__hash__``, ``__repr__``, ``__setattr__`` and
``__delattr__`` of each class as source text and compiles them, at every start: for the package's frozen
classes that was the largest single part of a typical scan's start-up (bench/README.md). ``frozen`` lets
``dataclass`` gather the fields, so ``fields``, ``replace``, ``asdict`` and type checkers see a dataclass as
ever, and gives the class the methods below, which behave as the generated ones do: the same arguments,
defaults and errors, equality and hash over the compared fields, the repr of the shown fields, and
``FrozenInstanceError`` on assignment. ``tests/test_frozen.py`` holds them equal to dataclass's own.
Imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

C = TypeVar("C", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: C) -> C:
    """The class as ``@dataclass(frozen=True)`` makes it, its methods shared rather than compiled."""
    dataclass(init=False, repr=False, eq=False)(cls)  # the fields only: nothing is compiled
    every: tuple[Field[Any], ...] = fields(cls)
    compared = _getter([f.name for f in every if f.compare])
    hashed = _getter([f.name for f in every if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in every if f.repr]

    def __eq__(self: Any, other: object) -> bool:
        return bool(compared(self) == compared(other)) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    own = vars(cls)
    if "__setattr__" in own or "__delattr__" in own:
        raise TypeError(f"{cls.__name__} is frozen: it cannot have a __setattr__ or __delattr__ of its own")
    cls.__setattr__ = _refuse_assignment  # type: ignore[assignment]
    cls.__delattr__ = _refuse_deletion  # type: ignore[assignment]
    # As dataclass: a method the class writes itself is kept; a __hash__ of None beside its own __eq__ is Python's.
    own_hash = own.get("__hash__", MISSING) is not MISSING and not (own["__hash__"] is None and "__eq__" in own)
    methods = {"__init__": _init(cls, every), "__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__}
    for name, method in methods.items():
        if name not in own or (name == "__hash__" and not own_hash):
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    return cls


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The named attributes of an instance, as a tuple (``attrgetter`` gives a bare value for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        only = names[0]
        return lambda item: (getattr(item, only),)
    return lambda item: ()


def _refuse_assignment(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _init(cls: type, every: tuple[Field[Any], ...]) -> Callable[..., None]:
    """An ``__init__`` taking the fields by position or name, in order, with their defaults, as dataclass's."""
    owner = f"{cls.__qualname__}.__init__()"
    plan = [(f.name, f.default, f.default_factory) for f in every]
    names = {f.name: i for i, f in enumerate(every)}
    required = sum(1 for f in every if f.default is MISSING and f.default_factory is MISSING)
    post_init: Callable[[Any], None] | None = getattr(cls, "__post_init__", None)
    assign = object.__setattr__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        given = len(args)
        if given > len(plan):
            raise TypeError(f"{owner} {_takes(required, len(plan), given)}")
        for name in kwargs:
            if name not in names:
                raise TypeError(f"{owner} got an unexpected keyword argument {name!r}")
            if names[name] < given:
                raise TypeError(f"{owner} got multiple values for argument {name!r}")
        missing = []
        for i, (name, default, factory) in enumerate(plan):
            if i < given:
                value = args[i]
            elif name in kwargs:
                value = kwargs[name]
            elif default is not MISSING:
                value = default
            elif factory is not MISSING:
                value = factory()
            else:
                missing.append(name)
                continue
            assign(self, name, value)
        if missing:
            raise TypeError(f"{owner} {_missing(missing)}")
        if post_init is not None:
            post_init(self)

    return __init__


def _takes(required: int, most: int, given: int) -> str:
    """Python's words for too many positional arguments, ``self`` counted as Python counts it."""
    low, high, got = required + 1, most + 1, given + 1
    span = f"{high}" if low == high else f"from {low} to {high}"
    return f"takes {span} positional argument{'s' if high != 1 else ''} but {got} {'was' if got == 1 else 'were'} given"


def _missing(names: list[str]) -> str:
    """Python's words for missing arguments: 'a', 'a' and 'b', 'a', 'b', and 'c'."""
    quoted = [repr(name) for name in names]
    listed = (
        quoted[0]
        if len(quoted) == 1
        else " and ".join(quoted)
        if len(quoted) == 2
        else ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    )
    return f"missing {len(names)} required positional argument{'s' if len(names) != 1 else ''}: {listed}"
